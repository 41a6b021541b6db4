//! Anki decks of one or more articles: their vocabulary and cloze items as notes (the note
//! types and the file writers are in [`crate::export::anki`]).

use crate::cloze::{ClozeItem, ClozeOptions, worksheet};
use crate::document::Document;
use crate::error::Result;
use crate::export::anki::Package;
use crate::export::anki::cards::{cloze_notes, vocab_note};
use crate::export::names::slug;
use crate::idf::IdfTable;
use crate::vocab::{VocabEntry, VocabOptions, vocabulary};

/// What goes into a deck. The defaults are those of `kernsatz deck`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckSettings {
    /// The deck's name; `::` makes subdecks. Default `kernsatz`.
    pub name: String,
    /// Vocabulary notes. Default true.
    pub vocab: bool,
    /// Cloze notes. Default true.
    pub cloze: bool,
    /// Vocabulary notes per article at most (`None`: all domain terms). Default 40.
    pub vocab_limit: Option<usize>,
    /// Extra tags of every note.
    pub tags: Vec<String>,
}

impl Default for DeckSettings {
    fn default() -> Self {
        DeckSettings {
            name: "kernsatz".into(),
            vocab: true,
            cloze: true,
            vocab_limit: Some(40),
            tags: Vec::new(),
        }
    }
}

/// The deck of the articles `(name, document)`: per article its vocabulary (scored with `idf`)
/// and a worksheet made with `cloze` and `seed`.
pub fn deck(
    articles: &[(&str, &Document)],
    settings: &DeckSettings,
    cloze: &ClozeOptions,
    idf: &IdfTable,
    seed: u64,
) -> Result<Package> {
    let mut pkg = Package::new();
    for &(name, doc) in articles {
        let entries = if settings.vocab {
            vocabulary(
                doc,
                idf,
                &VocabOptions {
                    limit: settings.vocab_limit,
                    ..VocabOptions::default()
                },
            )
        } else {
            Vec::new()
        };
        let items = if settings.cloze {
            worksheet(&[(name, doc)], cloze, idf, seed).items
        } else {
            Vec::new()
        };
        add_article(&mut pkg, name, doc, &entries, &items, settings)?;
    }
    Ok(pkg)
}

/// Add one article's vocabulary entries and cloze items to `pkg`.
pub(crate) fn add_article(
    pkg: &mut Package,
    name: &str,
    doc: &Document,
    entries: &[VocabEntry],
    items: &[ClozeItem],
    settings: &DeckSettings,
) -> Result<()> {
    let source = slug(name);
    let mut tags: Vec<String> = settings.tags.clone();
    tags.push(source.clone());
    // a card without its English side teaches nothing: glossed words only
    for e in entries.iter().filter(|e| e.gloss.is_some()) {
        let s = &doc.sentences[e.sentence_index];
        let note = vocab_note(e, &doc.text[s.start..s.end], s.start, &settings.name, &tags);
        pkg.add(note)?;
    }
    for note in cloze_notes(items, &source, name, &settings.name, &tags) {
        pkg.add(note)?;
    }
    Ok(())
}
