//! Cloze exercises: items made from the article's key sentences, with gaps on its key vocabulary.
//!
//! [`ClozeItem`] and [`Worksheet`] are the data every output format and the quiz read.

use serde::Serialize;

pub mod generate;
pub mod render;

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
