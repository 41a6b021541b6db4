//! Cloze exercises: items made from the article's key sentences, with gaps on its key vocabulary.
//!
//! [`worksheet`] makes the items of one or more articles ([`generate`] does the work per
//! article); [`answer`] checks answers. [`ClozeItem`] and [`Worksheet`] are the data every
//! output format ([`crate::export::worksheet`]) and the quiz read.
//!
//! ```
//! use kernsatz::{Document, IdfTable};
//! use kernsatz::cloze::{ClozeOptions, Seed, worksheet};
//!
//! let text = std::fs::read_to_string("examples/japan-usa-wirtschaftssicherheit.txt").unwrap();
//! let doc = Document::new(text).unwrap();
//! let opts = ClozeOptions::default();
//! let seed = Seed::FromText.resolve(&[doc.text.as_str()]);
//! let sheet = worksheet(&[("Japan und die USA", &doc)], &opts, IdfTable::embedded(), seed);
//! assert_eq!(sheet.items.len(), 10);
//! // the same article and seed give the same worksheet
//! assert_eq!(sheet, worksheet(&[("Japan und die USA", &doc)], &opts, IdfTable::embedded(), seed));
//! ```

use rand::SeedableRng;
use rand::rngs::StdRng;
use serde::Serialize;

use crate::document::Document;
use crate::idf::IdfTable;
use crate::summarize::{Options, Summarizer};

pub mod answer;
pub mod generate;

pub use generate::{ClozeOptions, Hints, generate, seed_from_text};

/// One cloze item: a sentence with one gap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClozeItem {
    /// 1-based number of the item on the worksheet.
    pub id: usize,
    /// The sentence, exactly as in the article.
    pub sentence: String,
    /// `sentence` with `[start, end)` replaced by the gap (`_____`).
    pub prompt: String,
    /// The text that was cut out (the inflected form as in the sentence).
    pub answer: String,
    /// The answer's lemma (`Lieferkette` for `Lieferketten`).
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
    /// English gloss of the lemma, when known (also used for quiz feedback).
    #[serde(skip)]
    pub gloss: Option<String>,
    /// Nominative article of a noun lemma (`der`/`die`/`das`), when known.
    #[serde(skip)]
    pub article: Option<String>,
}

/// The gap marker in prompts.
pub const GAP: &str = "_____";

/// A worksheet: items plus what a page needs to show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Worksheet {
    /// Title of the article (or file name) the items come from.
    pub title: String,
    /// The items in order.
    pub items: Vec<ClozeItem>,
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
            Seed::FromText => seed_from_text(&texts.join("\u{0}")),
        }
    }
}

/// A worksheet from one or more articles (`(title, document)`), their items one after the
/// other and numbered from 1. Sentences are ranked by the summarizer with `idf`; all random
/// choices come from `seed`.
pub fn worksheet(
    articles: &[(&str, &Document)],
    opts: &ClozeOptions,
    idf: &IdfTable,
    seed: u64,
) -> Worksheet {
    let mut rng = StdRng::seed_from_u64(seed);
    let summarizer = Summarizer::new(idf, Options::default());
    let mut all = Worksheet {
        title: match articles {
            [(name, _)] => (*name).to_owned(),
            _ => format!("{} Artikel", articles.len()),
        },
        items: Vec::new(),
    };
    for (name, doc) in articles {
        let scores = summarizer.scores(doc);
        let ws = generate(doc, &scores, idf, name, opts, &mut rng);
        all.items.extend(ws.items);
    }
    for (i, it) in all.items.iter_mut().enumerate() {
        it.id = i + 1;
    }
    all
}
