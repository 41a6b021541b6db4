//! Study packs: everything kernsatz makes from one article — summary, vocabulary, cloze
//! worksheet — built in one call with explicit settings and one IDF table; and Anki decks of
//! one or more articles ([`deck`]).
//!
//! ```
//! use kernsatz::IdfTable;
//! use kernsatz::article::Article;
//! use kernsatz::study::{StudyPack, StudySettings};
//!
//! let text = std::fs::read_to_string("examples/japan-usa-wirtschaftssicherheit.txt").unwrap();
//! let article = Article::from_text("japan-usa.txt", text);
//! let pack = StudyPack::build(&article, &StudySettings::default(), IdfTable::embedded()).unwrap();
//! assert_eq!(pack.title, "japan-usa");
//! assert_eq!(pack.summary.sentences.len(), 3);
//! assert!(pack.vocab.iter().any(|e| e.lemma == "Lieferkette"));
//! assert!(pack.cloze.items.len() >= 10);
//! let mut deck = kernsatz::export::anki::Package::new();
//! kernsatz::export::anki::cards::add_article(&mut deck, &pack.deck_article(), &Default::default())
//!     .unwrap();
//! assert!(deck.len() > 10);
//! ```

use serde::Serialize;

use crate::article::Article;
use crate::cloze::{ClozeOptions, Kinds, Seed, SheetBuilder, Worksheet};
use crate::document::Document;
use crate::error::Result;
use crate::idf::IdfTable;
use crate::select::Length;
use crate::summarize::{Options, Summarizer, Summary};
use crate::vocab::{Ranking, VocabEntry, VocabOptions};

pub mod deck;

pub use deck::{DeckArticle, DeckSettings};

/// How a study pack is made. The defaults are those of `kernsatz study`.
#[derive(Debug, Clone, PartialEq)]
pub struct StudySettings {
    /// The summarizer's options. Default: 3 sentences.
    pub summary: Options,
    /// Which words the vocabulary lists. Default: the 40 best domain terms.
    pub vocab: VocabOptions,
    /// The cloze worksheet's options.
    pub cloze: ClozeOptions,
    /// The worksheet's random choices. Default: derived from the text.
    pub seed: Seed,
}

impl Default for StudySettings {
    fn default() -> Self {
        StudySettings {
            summary: Options {
                length: Length::Sentences(3),
                ..Options::default()
            },
            vocab: VocabOptions {
                limit: Some(40),
                ..VocabOptions::default()
            },
            cloze: ClozeOptions {
                kinds: Kinds::all(),
                ..ClozeOptions::default()
            },
            seed: Seed::FromText,
        }
    }
}

/// What kernsatz makes from one article.
#[derive(Debug, Clone, Serialize)]
pub struct StudyPack {
    /// The article's title (HTML metadata, else the file name).
    pub title: String,
    /// Publication date, when known.
    pub date: Option<String>,
    /// Where the article came from (file name or JSONL id).
    pub source: String,
    /// The summary.
    pub summary: Summary,
    /// The vocabulary list.
    pub vocab: Vec<VocabEntry>,
    /// The cloze worksheet.
    pub cloze: Worksheet,
    /// The analysed article the rest points into.
    #[serde(skip)]
    pub document: Document,
}

/// Levels whose words the summary page glosses.
const GLOSSED_LEVELS: [&str; 3] = ["B2", "C1", "C2"];

impl StudyPack {
    /// Analyse `article` and make its summary, vocabulary and worksheet, scoring with `idf`.
    pub fn build(article: &Article, settings: &StudySettings, idf: &IdfTable) -> Result<StudyPack> {
        let document =
            Document::from_article(article).map_err(|e| e.in_source(article.name.clone()))?;
        let title = article.display_title();
        let summary = Summarizer::new(idf, settings.summary.clone()).summarize_document(&document);
        // one ranking of the article's words for the list and the worksheet's gaps
        let ranking = Ranking::new(&document, idf, settings.vocab.all);
        let vocab = ranking.vocabulary(&settings.vocab);
        let seed = settings.seed.resolve(&[document.text.as_str()]);
        let date = article
            .date
            .clone()
            .or_else(|| document.date().map(str::to_owned));
        let sheet_title = article.title.as_deref().unwrap_or("");
        let mut sheet = SheetBuilder::new(&settings.cloze, idf, seed);
        sheet.add_ranked(sheet_title, &ranking);
        drop(ranking);
        let mut cloze = sheet.finish();
        cloze.source = article
            .name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(&article.name)
            .to_owned();
        cloze.date = date.clone();
        Ok(StudyPack {
            title,
            date,
            source: article.name.clone(),
            summary,
            vocab,
            cloze,
            document,
        })
    }

    /// This pack's share of an Anki deck (its vocabulary and worksheet items).
    pub fn deck_article(&self) -> deck::DeckArticle<'_> {
        deck::DeckArticle {
            name: &self.title,
            document: &self.document,
            vocab: self.vocab.clone(),
            items: self.cloze.items.clone(),
        }
    }

    /// Vocabulary entries that occur in the summary's sentences and are hard (B2 and up), in
    /// order of first occurrence.
    pub fn summary_words(&self) -> Vec<&VocabEntry> {
        let mut out: Vec<(usize, &VocabEntry)> = Vec::new();
        for e in &self.vocab {
            if e.gloss.is_none() || !e.level.is_some_and(|l| GLOSSED_LEVELS.contains(&l)) {
                continue;
            }
            let first = e.occurrences.iter().find(|(s, en)| {
                self.summary
                    .sentences
                    .iter()
                    .any(|x| x.start <= *s && *en <= x.end)
            });
            if let Some((s, _)) = first {
                out.push((*s, e));
            }
        }
        out.sort_by_key(|(s, _)| *s);
        out.into_iter().map(|(_, e)| e).collect()
    }
}
