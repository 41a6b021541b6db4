//! Cloze exercises: gaps on the article's key vocabulary, drills on its articles and adjective
//! endings, a gender-and-plural drill and a glossary.
//!
//! [`worksheet`] makes the items of one or more articles ([`generate`](mod@generate) does the work per
//! article); [`answer`] checks answers. [`ClozeItem`] and [`Worksheet`] are the data every
//! output format ([`crate::export::worksheet`]) and the quiz read.
//!
//! ```
//! use kernsatz::{Document, IdfTable};
//! use kernsatz::cloze::{ClozeOptions, Kind, Seed, worksheet};
//!
//! let text = std::fs::read_to_string("examples/japan-usa-wirtschaftssicherheit.txt").unwrap();
//! let doc = Document::new(text).unwrap();
//! let opts = ClozeOptions::default();
//! let seed = Seed::FromText.resolve(&[doc.text.as_str()]);
//! let sheet = worksheet(&[("Japan und die USA", &doc)], &opts, IdfTable::embedded(), seed);
//! assert!(sheet.items.len() >= 5);
//! assert!(sheet.items.iter().all(|i| i.kind == Kind::Vocab));
//! // the same article and seed give the same worksheet
//! assert_eq!(sheet, worksheet(&[("Japan und die USA", &doc)], &opts, IdfTable::embedded(), seed));
//! ```

use std::collections::HashSet;

use rand::SeedableRng;
use rand::rngs::StdRng;
use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::idf::IdfTable;
use crate::score::SentenceScore;
use crate::summarize::{Options, Summarizer};
use crate::vocab::Ranking;

pub mod answer;
mod distractors;
mod drills;
pub mod generate;
pub mod sheet;

pub use generate::{ClozeOptions, Hints, generate, seed_from_text};

/// What an item asks for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A key word of the article (`Lieferketten`), with a meaning hint.
    #[default]
    Vocab,
    /// The article of a noun phrase (`_____ wirtschaftlichen Sicherheit` → `der`).
    Articles,
    /// The ending of an attributive adjective (`der wirtschaftlich_____ Sicherheit` → `en`).
    Endings,
}

impl Kind {
    /// Every kind, in the order of the worksheet's sections.
    pub const ALL: [Kind; 3] = [Kind::Vocab, Kind::Articles, Kind::Endings];

    /// `vocab`, `articles`, `endings` (as on the command line and in JSON).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Vocab => "vocab",
            Kind::Articles => "articles",
            Kind::Endings => "endings",
        }
    }

    /// The section heading, German and English.
    pub fn heading(self) -> (&'static str, &'static str) {
        match self {
            Kind::Vocab => ("Wortschatz", "Vocabulary"),
            Kind::Articles => ("Artikel", "Articles"),
            Kind::Endings => ("Adjektivendungen", "Adjective endings"),
        }
    }
}

/// Which kinds of items a worksheet has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Kinds(u8);

impl Kinds {
    /// Only `kind`.
    pub fn only(kind: Kind) -> Kinds {
        Kinds(1 << kind as u8)
    }

    /// Every kind.
    pub fn all() -> Kinds {
        Kinds(0b111)
    }

    /// Whether `kind` is asked for.
    pub fn contains(self, kind: Kind) -> bool {
        self.0 & (1 << kind as u8) != 0
    }

    /// The kinds asked for, in section order.
    pub fn iter(self) -> impl Iterator<Item = Kind> {
        Kind::ALL.into_iter().filter(move |k| self.contains(*k))
    }
}

impl Default for Kinds {
    /// Vocabulary items only.
    fn default() -> Self {
        Kinds::only(Kind::Vocab)
    }
}

impl std::str::FromStr for Kinds {
    type Err = crate::Error;
    /// A comma list of `vocab`, `articles`, `endings`, or `all`.
    fn from_str(s: &str) -> crate::Result<Kinds> {
        let mut k = Kinds(0);
        for part in s.split(',').map(str::trim) {
            k.0 |= match part {
                "all" => Kinds::all().0,
                "vocab" => Kinds::only(Kind::Vocab).0,
                "articles" => Kinds::only(Kind::Articles).0,
                "endings" => Kinds::only(Kind::Endings).0,
                other => {
                    return Err(crate::Error::new(crate::ErrorKind::InvalidOption(format!(
                        "unknown kind '{other}' (use vocab, articles, endings or all)"
                    ))));
                }
            };
        }
        Ok(k)
    }
}

/// One cloze item: a sentence with one gap.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ClozeItem {
    /// 1-based number of the item on the worksheet.
    pub id: usize,
    /// What the item asks for.
    #[serde(default)]
    pub kind: Kind,
    /// The sentence, exactly as in the article.
    pub sentence: String,
    /// `sentence` with `[start, end)` replaced by the gap (`_____`).
    pub prompt: String,
    /// The text that was cut out: the word as in the sentence (`Lieferketten`), the article
    /// (`der`) or the adjective ending (`en`).
    pub answer: String,
    /// The answer's lemma (`Lieferkette` for `Lieferketten`); for drills the phrase's noun.
    pub lemma: String,
    /// The hint shown with the gap, already rendered (e.g. `die · supply chain`); may be empty.
    pub hint: String,
    /// Multiple-choice options in display order, containing `answer` exactly once; empty when
    /// the item is not multiple choice.
    pub choices: Vec<String>,
    /// Position of the sentence among the article's sentences.
    pub sentence_index: usize,
    /// Byte offset of the gap in `sentence`.
    pub start: usize,
    /// One past the gap's last byte in `sentence`.
    pub end: usize,
    /// Byte offset of the gap in the original article text.
    pub source_start: usize,
    /// One past the gap's last byte in the original article text.
    pub source_end: usize,
    /// English gloss of the lemma, when known (also used for quiz feedback; not written, read
    /// when present).
    #[serde(skip_serializing, default)]
    pub gloss: Option<String>,
    /// Nominative article of a noun lemma (`der`/`die`/`das`), when known (not written, read
    /// when present).
    #[serde(skip_serializing, default)]
    pub article: Option<String>,
}

/// The gap marker in prompts.
pub const GAP: &str = "_____";

/// A noun of the gender-and-plural drill: the learner writes its article and its plural.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NounDrill {
    /// 1-based number in the drill.
    pub id: usize,
    /// The noun (nominative singular).
    pub lemma: String,
    /// `der`, `die` or `das`.
    pub article: String,
    /// The nominative plural.
    pub plural: String,
    /// English gloss, when known.
    pub gloss: Option<String>,
}

/// One line of the glossary: a word of the article's vocabulary as a dictionary lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    /// The dictionary form.
    pub lemma: String,
    /// `die Lieferkette` for nouns, the lemma otherwise.
    pub headword: String,
    /// The plural in dictionary notation (`-n`, `¨-e`), for nouns that have one.
    pub plural: Option<String>,
    /// The meaning: an English gloss.
    pub meaning: String,
}

/// A worksheet: items plus what a page needs to show them. Reads back from its JSON
/// ([`crate::export::worksheet::to_json`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Worksheet {
    /// Title of the article, when known (a web page's or record's title); may be empty.
    pub title: String,
    /// Where the article came from (file name, `file.jsonl:ID`); may be empty.
    #[serde(default)]
    pub source: String,
    /// Publication date, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The items in order: vocabulary first, then the article and ending drills.
    pub items: Vec<ClozeItem>,
    /// The gender-and-plural drill: nouns of the vocabulary that no item asks for.
    #[serde(default)]
    pub nouns: Vec<NounDrill>,
    /// The article's vocabulary with article, plural and meaning, alphabetically.
    #[serde(default)]
    pub glossary: Vec<GlossaryEntry>,
}

impl Worksheet {
    /// The items of one kind, in order.
    pub fn items_of(&self, kind: Kind) -> impl Iterator<Item = &ClozeItem> {
        self.items.iter().filter(move |i| i.kind == kind)
    }
}

/// Where the random choices of a worksheet (gaps, distractors, their order) start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Seed {
    /// Derived from the articles' text: the same articles give the same worksheet.
    #[default]
    FromText,
    /// This seed.
    Fixed(u64),
}

impl Seed {
    /// The seed for worksheets made from `texts`.
    pub fn resolve(self, texts: &[&str]) -> u64 {
        match self {
            Seed::Fixed(s) => s,
            Seed::FromText => {
                let mut seed = TextSeed::new();
                for text in texts {
                    seed.add(text);
                }
                seed.finish()
            }
        }
    }
}

/// [`Seed::FromText`] of texts given one at a time (a batch read in a stream): after
/// [`TextSeed::add`] of each text, [`TextSeed::finish`] is `Seed::FromText.resolve(texts)`,
/// [`seed_from_text`] of the texts joined by NUL characters.
#[derive(Debug, Clone)]
pub struct TextSeed {
    hash: u64,
    texts: usize,
}

impl Default for TextSeed {
    fn default() -> Self {
        TextSeed::new()
    }
}

impl TextSeed {
    /// No text yet.
    pub fn new() -> TextSeed {
        TextSeed {
            hash: seed_from_text(""),
            texts: 0,
        }
    }

    /// Adds the next text.
    pub fn add(&mut self, text: &str) {
        if self.texts > 0 {
            self.feed(b"\0");
        }
        self.feed(text.as_bytes());
        self.texts += 1;
    }

    /// Number of texts added.
    pub fn texts(&self) -> usize {
        self.texts
    }

    /// The seed of the texts added so far.
    pub fn finish(&self) -> u64 {
        self.hash
    }

    // FNV-1a, continued: the same steps as `seed_from_text`
    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.hash ^= u64::from(b);
            self.hash = self.hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A worksheet from one or more articles (`(title, document)`; the title may be empty): their
/// items one after the other, grouped by kind and numbered from 1, their gender-and-plural
/// drills and one glossary. Sentences are ranked by the summarizer with `idf`; all random
/// choices come from `seed`. The caller fills in [`Worksheet::source`] and
/// [`Worksheet::date`].
pub fn worksheet(
    articles: &[(&str, &Document)],
    opts: &ClozeOptions,
    idf: &IdfTable,
    seed: u64,
) -> Worksheet {
    let mut sheet = SheetBuilder::new(opts, idf, seed);
    for (name, doc) in articles {
        sheet.add(name, doc);
    }
    sheet.finish()
}

/// [`worksheet`] one article at a time, for a batch read in a stream: what it keeps is the
/// worksheet's items, drills and glossary, not the documents. Articles added with
/// [`SheetBuilder::add`] (or [`SheetBuilder::add_scored`], with the summarizer's scores made
/// elsewhere, e.g. on another thread) in the order of `articles` give the same worksheet as
/// [`worksheet`].
pub struct SheetBuilder<'a> {
    opts: &'a ClozeOptions,
    idf: &'a IdfTable,
    rng: StdRng,
    summarizer: Summarizer<'a>,
    /// The title of the first article, and how many were added.
    first_title: String,
    articles: usize,
    sheet: Worksheet,
    /// The lemmas of `sheet.glossary`.
    glossary_lemmas: HashSet<String>,
}

impl<'a> SheetBuilder<'a> {
    /// No article yet; `opts`, `idf` and `seed` as for [`worksheet`].
    pub fn new(opts: &'a ClozeOptions, idf: &'a IdfTable, seed: u64) -> SheetBuilder<'a> {
        SheetBuilder {
            opts,
            idf,
            rng: StdRng::seed_from_u64(seed),
            summarizer: Summarizer::new(idf, Options::default()),
            first_title: String::new(),
            articles: 0,
            sheet: Worksheet::default(),
            glossary_lemmas: HashSet::new(),
        }
    }

    /// Adds the items of the next article (`title` may be empty).
    pub fn add(&mut self, title: &str, doc: &Document) {
        let scores = self.summarizer.scores(doc);
        self.add_scored(title, doc, &scores);
    }

    /// [`SheetBuilder::add`] with the article's sentence scores made elsewhere: those of
    /// `Summarizer::new(idf, Options::default())` ([`crate::summarize::Options`]) with the `idf`
    /// of [`SheetBuilder::new`].
    pub fn add_scored(&mut self, title: &str, doc: &Document, scores: &[SentenceScore]) {
        let (items, nouns) = self.generate_next(title, doc, scores, None);
        self.sheet.items.extend(items);
        self.sheet.nouns.extend(nouns);
    }

    /// [`SheetBuilder::add`] of the document of `ranking`, whose vocabulary ranking (made
    /// with the `idf` of [`SheetBuilder::new`]) is shared with its vocabulary list: the same
    /// items, made faster.
    pub fn add_ranked(&mut self, title: &str, ranking: &Ranking) {
        let doc = ranking.document();
        let (items, nouns) =
            self.generate_next(title, doc, ranking.sentence_scores(), Some(ranking));
        self.sheet.items.extend(items);
        self.sheet.nouns.extend(nouns);
    }

    /// The sentence scores [`SheetBuilder::add`] uses.
    pub(crate) fn scores(&self, doc: &Document) -> Vec<SentenceScore> {
        self.summarizer.scores(doc)
    }

    /// The items and nouns made so far and not yet taken, in article order.
    pub(crate) fn take_made(&mut self) -> (Vec<ClozeItem>, Vec<NounDrill>) {
        (
            std::mem::take(&mut self.sheet.items),
            std::mem::take(&mut self.sheet.nouns),
        )
    }

    /// The glossary of the articles added, sorted as on the sheet.
    pub(crate) fn take_glossary(&mut self) -> Vec<GlossaryEntry> {
        let mut glossary = std::mem::take(&mut self.sheet.glossary);
        SheetBuilder::sorted_glossary(&mut glossary);
        glossary
    }

    /// The items and nouns of the next article; its glossary is added to the sheet's.
    pub(crate) fn generate_next(
        &mut self,
        title: &str,
        doc: &Document,
        scores: &[SentenceScore],
        ranking: Option<&Ranking>,
    ) -> (Vec<ClozeItem>, Vec<NounDrill>) {
        if self.articles == 0 {
            self.first_title = title.to_owned();
        }
        self.articles += 1;
        let ws = generate::generate_ranked(
            doc,
            scores,
            self.idf,
            ranking,
            title,
            self.opts,
            &mut self.rng,
        );
        for g in ws.glossary {
            if self.glossary_lemmas.insert(g.lemma.clone()) {
                self.sheet.glossary.push(g);
            }
        }
        (ws.items, ws.nouns)
    }

    /// The title of the sheet of the articles added.
    pub(crate) fn title(&self) -> String {
        match self.articles {
            1 => self.first_title.clone(),
            n => format!("{n} Artikel"),
        }
    }

    /// The glossary of the articles added, in its order.
    fn sorted_glossary(glossary: &mut [GlossaryEntry]) {
        glossary.sort_by_cached_key(|g| (answer::normalize_answer(&g.lemma), g.lemma.clone()));
    }

    /// Number of articles added.
    pub fn articles(&self) -> usize {
        self.articles
    }

    /// The worksheet of the articles added.
    pub fn finish(self) -> Worksheet {
        let title = self.title();
        let mut all = self.sheet;
        all.title = title;
        // sections by kind, each in article order (a stable sort keeps it)
        all.items.sort_by_key(|i| i.kind);
        for (i, it) in all.items.iter_mut().enumerate() {
            it.id = i + 1;
        }
        for (i, n) in all.nouns.iter_mut().enumerate() {
            n.id = i + 1;
        }
        SheetBuilder::sorted_glossary(&mut all.glossary);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_seed_is_the_seed_of_the_joined_texts() {
        let texts = ["Erster Text.", "", "Dritter Text – mit Umlauten: äöü."];
        for n in 0..=texts.len() {
            let mut seed = TextSeed::new();
            for t in &texts[..n] {
                seed.add(t);
            }
            assert_eq!(seed.texts(), n);
            assert_eq!(seed.finish(), Seed::FromText.resolve(&texts[..n]));
            assert_eq!(seed.finish(), seed_from_text(&texts[..n].join("\u{0}")));
        }
    }

    #[test]
    fn a_sheet_built_article_by_article_is_the_worksheet() {
        let docs = crate::test_fixtures::fixture_docs(3);
        assert!(docs.len() >= 2);
        let named: Vec<(&str, &Document)> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (["Eins", "", "Drei"][i], d))
            .collect();
        let opts = ClozeOptions {
            kinds: Kinds::all(),
            ..ClozeOptions::default()
        };
        let idf = IdfTable::embedded();
        let summarizer = Summarizer::new(idf, Options::default());
        for n in 1..=named.len() {
            let whole = worksheet(&named[..n], &opts, idf, 7);
            let mut sheet = SheetBuilder::new(&opts, idf, 7);
            for (title, doc) in &named[..n] {
                // scores made apart from the builder, as the CLI does on other threads
                let scores = summarizer.scores(doc);
                sheet.add_scored(title, doc, &scores);
            }
            assert_eq!(sheet.articles(), n);
            let built = sheet.finish();
            assert!(!built.items.is_empty());
            assert_eq!(built, whole, "{n} articles");
        }
    }

    #[test]
    fn a_sheet_from_rankings_shared_with_the_lists_is_the_worksheet() {
        let docs = crate::test_fixtures::fixture_docs(2);
        let named: Vec<(&str, &Document)> = docs.iter().map(|d| ("Titel", d)).collect();
        let mut known = crate::vocab::KnownWords::new();
        known.insert("Regierung");
        let opts = ClozeOptions {
            kinds: Kinds::all(),
            known,
            ..ClozeOptions::default()
        };
        let idf = IdfTable::embedded();
        let whole = worksheet(&named, &opts, idf, 7);
        let mut sheet = SheetBuilder::new(&opts, idf, 7);
        for (title, doc) in &named {
            // the vocabulary list first, as `study` makes it
            let ranking = Ranking::new(doc, idf, false);
            let list = ranking.vocabulary(&crate::vocab::VocabOptions {
                limit: Some(40),
                ..Default::default()
            });
            assert!(!list.is_empty());
            sheet.add_ranked(title, &ranking);
        }
        let built = sheet.finish();
        assert!(!built.items.is_empty());
        assert_eq!(built, whole);
    }
}
