//! What goes into an Anki deck: per article its vocabulary and cloze items, chosen with the
//! same settings as everywhere else. The notes and the files are made by
//! [`crate::export::anki`] (`cards::add_article`, `apkg`, `text`).

use crate::cloze::{ClozeItem, ClozeOptions, SheetBuilder};
use crate::document::Document;
use crate::idf::IdfTable;
use crate::vocab::{KnownWords, Ranking, VocabEntry, VocabOptions};

/// What goes into a deck. The defaults are those of `kernsatz deck`.
#[derive(Debug, Clone, PartialEq)]
pub struct DeckSettings {
    /// The deck's name; `::` makes subdecks. Default `kernsatz`.
    pub name: String,
    /// Vocabulary notes. Default true.
    pub vocab: bool,
    /// Cloze notes. Default true.
    pub cloze: bool,
    /// Vocabulary notes per article at most (`None`: all key terms). Default 40.
    pub vocab_limit: Option<usize>,
    /// Words the learner knows: no vocabulary notes for them.
    pub known: KnownWords,
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
            known: KnownWords::default(),
            tags: Vec::new(),
        }
    }
}

/// One article's share of a deck.
#[derive(Debug, Clone)]
pub struct DeckArticle<'a> {
    /// The article's name (source tag and the cloze notes' source field).
    pub name: &'a str,
    /// The analysed article (the vocabulary notes' example sentences point into it).
    pub document: &'a Document,
    /// Its vocabulary entries, best first.
    pub vocab: Vec<VocabEntry>,
    /// Its cloze items.
    pub items: Vec<ClozeItem>,
}

impl<'a> DeckArticle<'a> {
    /// The vocabulary (scored with `idf`) and a worksheet (made with `cloze` and `seed`) of
    /// one article, as `settings` ask for.
    pub fn new(
        name: &'a str,
        document: &'a Document,
        settings: &DeckSettings,
        cloze: &ClozeOptions,
        idf: &IdfTable,
        seed: u64,
    ) -> DeckArticle<'a> {
        // one ranking of the article's words for the notes and the worksheet's gaps
        let ranking =
            (settings.vocab || settings.cloze).then(|| Ranking::new(document, idf, false));
        let vocab = match &ranking {
            Some(ranking) if settings.vocab => ranking.vocabulary(&VocabOptions {
                limit: settings.vocab_limit,
                known: settings.known.clone(),
                ..VocabOptions::default()
            }),
            _ => Vec::new(),
        };
        let items = match &ranking {
            Some(ranking) if settings.cloze => {
                let mut sheet = SheetBuilder::new(cloze, idf, seed);
                // no heading: the notes show none
                sheet.add_ranked("", ranking);
                sheet.finish().items
            }
            _ => Vec::new(),
        };
        DeckArticle {
            name,
            document,
            vocab,
            items,
        }
    }
}
