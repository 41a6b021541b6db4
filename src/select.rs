//! Select stage: the best sentences, with redundancy control, returned in original order.
//! Residue (bylines, cross-references) is never chosen.

use crate::document::Document;
use crate::residue::residue;
use crate::score::{SentenceScore, TermWeights};

/// How long the summary should be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Length {
    /// This many sentences.
    Sentences(usize),
    /// This share of the article's sentences (at least one).
    Ratio(f32),
    /// As many sentences as fit in this many words (at least one sentence).
    Words(usize),
}

impl Default for Length {
    fn default() -> Self {
        Length::Sentences(3)
    }
}

impl Length {
    /// How many sentences this length gives for an article of `n_sent` sentences averaging
    /// `avg_words` words (an estimate for [`Length::Words`]).
    pub fn sentences_for(&self, n_sent: usize, avg_words: f32) -> usize {
        match *self {
            Length::Sentences(n) => n.min(n_sent),
            Length::Ratio(r) => {
                ((n_sent as f32 * r.clamp(0.0, 1.0)).round() as usize).clamp(1, n_sent)
            }
            Length::Words(w) => ((w as f32 / avg_words.max(1.0)).floor() as usize).clamp(1, n_sent),
        }
    }
}

/// Pick sentences by score, avoiding near-repeats (maximal marginal relevance): a candidate's
/// value is `score − redundancy · overlap`, where `overlap` is the largest share of its content
/// stems already covered by one chosen sentence ([`TermWeights::overlap`]). Whatever its score,
/// a sentence is never chosen when it is [residue](crate::residue) (a byline, a
/// cross-reference). Returns indices into `doc.sentences`, ascending; fewer than asked when the
/// rest is residue.
pub fn select(
    doc: &Document,
    scores: &[SentenceScore],
    terms: &TermWeights<'_>,
    length: Length,
    redundancy: f32,
) -> Vec<usize> {
    let n_sent = doc.sentences.len();
    let (max_sent, max_words) = match length {
        Length::Words(w) => (n_sent, w),
        other => (other.sentences_for(n_sent, 1.0), usize::MAX),
    };
    let mut chosen: Vec<usize> = Vec::new();
    let mut words = 0usize;
    let mut left: Vec<usize> = (0..n_sent).collect();
    while chosen.len() < max_sent && !left.is_empty() {
        let value = |i: usize| {
            let overlap = chosen
                .iter()
                .map(|&c| terms.overlap(i, c))
                .fold(0.0f32, f32::max);
            scores[i].score - redundancy * overlap
        };
        let (pos, _) = left
            .iter()
            .enumerate()
            .map(|(p, &i)| (p, value(i)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .expect("left is not empty");
        let i = left.remove(pos);
        // residue is checked here, for the few candidates that come this far
        if residue(doc, i).is_some() {
            continue;
        }
        let w = doc.sentences[i].word_count();
        if words + w > max_words && !chosen.is_empty() {
            continue;
        }
        words += w;
        chosen.push(i);
    }
    chosen.sort_unstable();
    chosen
}
