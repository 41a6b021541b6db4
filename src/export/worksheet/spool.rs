//! A worksheet of a whole corpus without its items in memory: [`SpoolingSheetBuilder`] writes
//! each article's items and nouns to temporary files (JSON lines, one file per kind of item),
//! [`SpooledSheet`] reads them back one at a time for the writers of
//! [`super::write_view`], numbered as [`crate::cloze::worksheet`] numbers them.
//! What stays in memory is the glossary (one entry per lemma) and the counts. The files are
//! removed when the sheet is dropped, and on SIGINT/SIGTERM like every temporary file of
//! [`crate::output`].

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::SheetView;
use crate::cloze::{ClozeItem, GlossaryEntry, Kind, NounDrill, SheetBuilder, Worksheet};
use crate::document::Document;
use crate::error::{Error, ErrorKind, Result};
use crate::output::TempFile;
use crate::score::SentenceScore;

/// A temporary file of JSON lines.
struct Spool {
    file: TempFile,
    writer: BufWriter<File>,
    count: usize,
}

impl Spool {
    fn new() -> Result<Spool> {
        let target = std::env::temp_dir().join("kernsatz-worksheet");
        let (file, handle) = TempFile::beside(&target, ".jsonl")?;
        Ok(Spool {
            file,
            writer: BufWriter::new(handle),
            count: 0,
        })
    }

    fn push(&mut self, value: &impl Serialize) -> io::Result<()> {
        serde_json::to_writer(&mut self.writer, value)?;
        self.writer.write_all(b"\n")?;
        self.count += 1;
        Ok(())
    }

    /// The values written, in order (after the writer was flushed).
    fn read<T: DeserializeOwned + 'static>(&self) -> Box<dyn Iterator<Item = io::Result<T>>> {
        match File::open(self.file.path()) {
            Ok(f) => Box::new(BufReader::new(f).lines().map(|line| {
                let line = line?;
                serde_json::from_str(&line).map_err(io::Error::from)
            })),
            Err(e) => Box::new(std::iter::once(Err(e))),
        }
    }
}

/// An item as kept: with the fields its JSON leaves out.
type StoredItem = (ClozeItem, Option<String>, Option<String>);

/// A [`SheetBuilder`] whose items and nouns go to temporary files;
/// [`SpoolingSheetBuilder::finish`] gives a [`SpooledSheet`] with the same content as
/// [`SheetBuilder::finish`] would give.
pub struct SpoolingSheetBuilder<'a> {
    inner: SheetBuilder<'a>,
    /// One file per kind, in the order of [`Kind::ALL`].
    items: Vec<Spool>,
    nouns: Spool,
}

impl<'a> SpoolingSheetBuilder<'a> {
    /// `inner`, keeping the items and nouns of the articles added from now on in temporary
    /// files (those made so far go there first).
    pub fn new(mut inner: SheetBuilder<'a>) -> Result<SpoolingSheetBuilder<'a>> {
        let (made, nouns) = inner.take_made();
        let mut items = Vec::new();
        for _ in Kind::ALL {
            items.push(Spool::new()?);
        }
        let mut b = SpoolingSheetBuilder {
            inner,
            items,
            nouns: Spool::new()?,
        };
        b.push(made, nouns).map_err(|e| spool_error(&e))?;
        Ok(b)
    }

    /// [`SheetBuilder::add`].
    pub fn add(&mut self, title: &str, doc: &Document) -> Result<()> {
        let scores = self.inner.scores(doc);
        self.add_scored(title, doc, &scores)
    }

    /// [`SheetBuilder::add_scored`].
    pub fn add_scored(
        &mut self,
        title: &str,
        doc: &Document,
        scores: &[SentenceScore],
    ) -> Result<()> {
        let (items, nouns) = self.inner.generate_next(title, doc, scores, None);
        self.push(items, nouns).map_err(|e| spool_error(&e))
    }

    fn push(&mut self, items: Vec<ClozeItem>, nouns: Vec<NounDrill>) -> io::Result<()> {
        for mut item in items {
            let at = Kind::ALL.iter().position(|k| *k == item.kind).unwrap_or(0);
            let gloss = item.gloss.take();
            let article = item.article.take();
            self.items[at].push(&(item, gloss, article))?;
        }
        for n in nouns {
            self.nouns.push(&n)?;
        }
        Ok(())
    }

    /// Number of articles added.
    pub fn articles(&self) -> usize {
        self.inner.articles()
    }

    /// The worksheet of the articles added; its source and date are the caller's to fill in.
    pub fn finish(mut self) -> Result<SpooledSheet> {
        for s in self.items.iter_mut().chain([&mut self.nouns]) {
            s.writer.flush().map_err(|e| spool_error(&e))?;
        }
        let title = self.inner.title();
        let glossary = self.inner.take_glossary();
        Ok(SpooledSheet {
            title,
            source: String::new(),
            date: None,
            items: self.items,
            nouns: self.nouns,
            glossary,
        })
    }
}

fn spool_error(e: &io::Error) -> Error {
    ErrorKind::Export {
        what: "keeping the worksheet's items in a temporary file",
        detail: e.to_string(),
    }
    .into()
}

/// A worksheet whose items and nouns are read from temporary files (see the module docs).
pub struct SpooledSheet {
    /// [`Worksheet::title`].
    pub title: String,
    /// [`Worksheet::source`].
    pub source: String,
    /// [`Worksheet::date`].
    pub date: Option<String>,
    items: Vec<Spool>,
    nouns: Spool,
    glossary: Vec<GlossaryEntry>,
}

impl SpooledSheet {
    /// The whole worksheet in memory (for the HTML page).
    pub fn to_worksheet(&self) -> io::Result<Worksheet> {
        let mut ws = Worksheet {
            title: self.title.clone(),
            source: self.source.clone(),
            date: self.date.clone(),
            glossary: self.glossary.clone(),
            ..Default::default()
        };
        for kind in Kind::ALL {
            for item in self.items(kind) {
                ws.items.push(item?.into_owned());
            }
        }
        for n in self.nouns() {
            ws.nouns.push(n?.into_owned());
        }
        Ok(ws)
    }
}

impl SheetView for SpooledSheet {
    fn title(&self) -> &str {
        &self.title
    }

    fn source(&self) -> &str {
        &self.source
    }

    fn date(&self) -> Option<&str> {
        self.date.as_deref()
    }

    fn item_count(&self) -> usize {
        self.items.iter().map(|s| s.count).sum()
    }

    fn has_items_of(&self, kind: Kind) -> bool {
        let at = Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        self.items[at].count > 0
    }

    fn noun_count(&self) -> usize {
        self.nouns.count
    }

    fn number_width(&self) -> usize {
        self.item_count()
            .max(self.noun_count())
            .max(1)
            .to_string()
            .len()
    }

    fn items(&self, kind: Kind) -> Box<dyn Iterator<Item = io::Result<Cow<'_, ClozeItem>>> + '_> {
        let at = Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        // numbered across the sheet: the kinds before this one come first
        let before: usize = self.items[..at].iter().map(|s| s.count).sum();
        Box::new(
            self.items[at]
                .read::<StoredItem>()
                .enumerate()
                .map(move |(i, stored)| {
                    let (mut item, gloss, article) = stored?;
                    item.id = before + i + 1;
                    item.gloss = gloss;
                    item.article = article;
                    Ok(Cow::Owned(item))
                }),
        )
    }

    fn nouns(&self) -> Box<dyn Iterator<Item = io::Result<Cow<'_, NounDrill>>> + '_> {
        Box::new(self.nouns.read::<NounDrill>().enumerate().map(|(i, n)| {
            let mut n = n?;
            n.id = i + 1;
            Ok(Cow::Owned(n))
        }))
    }

    fn glossary(&self) -> &[GlossaryEntry] {
        &self.glossary
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::IdfTable;
    use crate::cloze::{ClozeOptions, Kinds, worksheet};
    use crate::export::worksheet::{Format, render, write_view};

    #[test]
    fn a_spooled_sheet_writes_what_the_worksheet_in_memory_does() {
        let docs = crate::test_fixtures::fixture_docs(3);
        let opts = ClozeOptions {
            kinds: Kinds::all(),
            ..ClozeOptions::default()
        };
        let idf = IdfTable::embedded();
        for n in 1..=docs.len() {
            let named: Vec<(&str, &Document)> = docs[..n].iter().map(|d| ("Titel", d)).collect();
            let mut whole = worksheet(&named, &opts, idf, 11);
            whole.source = "a.txt, b.txt".into();
            whole.date = (n == 1).then(|| "22.01.2022".to_owned());
            // one article in memory before spooling, the others spooled
            let mut first = SheetBuilder::new(&opts, idf, 11);
            first.add(named[0].0, named[0].1);
            let mut b = SpoolingSheetBuilder::new(first).unwrap();
            for (title, doc) in &named[1..] {
                b.add(title, doc).unwrap();
            }
            assert_eq!(b.articles(), n);
            let mut spooled = b.finish().unwrap();
            spooled.source = whole.source.clone();
            spooled.date = whole.date.clone();
            // the sheet of all three has every part: drills and nouns (one alone may not)
            if n == docs.len() {
                assert!(!whole.nouns.is_empty());
                assert!(whole.items.iter().any(|i| i.kind != Kind::Vocab));
            }
            for format in [Format::Text, Format::Markdown, Format::Json] {
                let mut out = Vec::new();
                write_view(&spooled, format, &mut out).unwrap();
                assert_eq!(
                    String::from_utf8(out).unwrap(),
                    render(&whole, format),
                    "{format}, {n}"
                );
            }
            assert_eq!(spooled.to_worksheet().unwrap(), whole);
            let mut out = Vec::new();
            let err = write_view(&spooled, Format::Html, &mut out).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::Unsupported);
        }
    }

    #[test]
    fn streamed_json_is_serde_json_of_the_worksheet() {
        let empty = Worksheet::default();
        let mut out = Vec::new();
        write_view(&empty, Format::Json, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            render(&empty, Format::Json)
        );
    }
}
