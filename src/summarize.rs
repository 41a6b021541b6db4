//! The extractive summarizer: document → scores → selection.

use serde::Serialize;

use crate::document::Document;
use crate::error::Result;
use crate::idf::IdfTable;
use crate::score::{ScoreParams, SentenceScore, TermWeights, score_with};
use crate::select::{Length, select};

/// Summarizer options; every knob has a documented default.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Summary length. Default: 3 sentences.
    pub length: Length,
    /// Scoring knobs (see [`ScoreParams`]).
    pub score: ScoreParams,
    /// Redundancy penalty of the selection (MMR), 0 = none. Default 2.0: on the scale of the
    /// position prior, so that a near-repeat of a chosen lead sentence gives way to the next
    /// new one (tuned on the 10kGNAD dev set, where it also scores best; see BENCHMARKS.md).
    /// Whatever it is, a sentence that would make the summary restate itself is never chosen
    /// (see `select::select`).
    pub redundancy: f32,
    /// How many weighted terms to keep per chosen sentence for `--explain`. Default 5.
    pub explain_terms: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            length: Length::default(),
            score: ScoreParams::default(),
            redundancy: 2.0,
            explain_terms: 5,
        }
    }
}

/// One chosen sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummarySentence {
    /// Position among the article's body sentences.
    pub index: usize,
    /// The sentence, exactly as in the input.
    pub text: String,
    /// Its score.
    pub score: f32,
    /// Byte offset of the sentence in the input.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Its heaviest terms with weights (for `--explain`).
    #[serde(skip)]
    pub terms: Vec<(String, f32)>,
}

/// A summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The chosen sentences in article order.
    pub sentences: Vec<SummarySentence>,
    /// The sentences joined with "\n".
    pub summary: String,
}

/// A summarizer bound to an IDF table.
#[derive(Debug, Clone)]
pub struct Summarizer<'a> {
    idf: &'a IdfTable,
    options: Options,
}

impl Default for Summarizer<'static> {
    fn default() -> Self {
        Summarizer::new(IdfTable::embedded(), Options::default())
    }
}

impl<'a> Summarizer<'a> {
    /// A summarizer with this IDF table and these options.
    pub fn new(idf: &'a IdfTable, options: Options) -> Self {
        Summarizer { idf, options }
    }

    /// The options in use.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Score all sentences of an analysed document.
    pub fn scores(&self, doc: &Document) -> Vec<SentenceScore> {
        self.scores_with(doc, &TermWeights::new(doc, self.idf))
    }

    fn scores_with(&self, doc: &Document, weights: &TermWeights<'_>) -> Vec<SentenceScore> {
        let words: usize = doc.sentences.iter().map(|s| s.word_count()).sum();
        let avg = words as f32 / doc.sentences.len().max(1) as f32;
        let n = self.options.length.sentences_for(doc.sentences.len(), avg);
        score_with(doc, weights, &self.options.score, n)
    }

    /// Summarize an analysed document.
    pub fn summarize_document(&self, doc: &Document) -> Summary {
        let weights = TermWeights::new(doc, self.idf);
        let scores = self.scores_with(doc, &weights);
        let chosen = select(
            doc,
            &scores,
            &weights,
            self.options.length,
            self.options.redundancy,
        );
        let sentences: Vec<SummarySentence> = chosen
            .into_iter()
            .map(|i| {
                let s = &doc.sentences[i];
                let mut terms = if self.options.explain_terms > 0 {
                    weights.explain(doc, i)
                } else {
                    Vec::new()
                };
                terms.truncate(self.options.explain_terms);
                SummarySentence {
                    index: i,
                    text: doc.text[s.start..s.end].to_owned(),
                    score: scores[i].score,
                    start: s.start,
                    end: s.end,
                    terms,
                }
            })
            .collect();
        let summary = sentences
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        Summary { sentences, summary }
    }

    /// Clean, segment, tokenize, score and select.
    pub fn summarize(&self, text: &str) -> Result<Summary> {
        Ok(self.summarize_document(&Document::new(text)?))
    }
}

/// Summarize `text` with the embedded IDF table.
///
/// ```
/// use kernsatz::{summarize, Options, Length};
/// let text = "Berlin – Die Regierung plant neue Regeln für Lieferketten. Das Wetter war gut. \
///             Unternehmen sollen ihre Lieferketten prüfen und Risiken melden.";
/// let opts = Options { length: Length::Sentences(1), ..Options::default() };
/// let s = summarize(text, &opts).unwrap();
/// assert_eq!(s.sentences.len(), 1);
/// assert!(s.summary.contains("Lieferketten"));
/// // offsets point into the input
/// let first = &s.sentences[0];
/// assert_eq!(&text[first.start..first.end], first.text);
/// ```
pub fn summarize(text: &str, options: &Options) -> Result<Summary> {
    Summarizer::new(IdfTable::embedded(), options.clone()).summarize(text)
}
