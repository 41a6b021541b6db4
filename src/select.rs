//! Select stage: the best sentences, with redundancy control, returned in original order. No
//! two chosen sentences restate each other, and residue (bylines, cross-references) is never
//! chosen.

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

/// Two sentences restate each other when more than this share of the shorter one's content
/// terms (by [`TermWeights::sentence_terms`]) are also in the other; a candidate restates the
/// summary so far when more than this share of its terms are in the chosen sentences together
/// ("Nun wollen beide Länder auch beim Thema „wirtschaftliche Sicherheit“ stärker
/// zusammenarbeiten." after "Japan ist bereits der engste asiatische Verbündete der USA.": "Die
/// USA und Japan wollen im Bereich der wirtschaftlichen Sicherheit enger zusammenarbeiten." has
/// five of its seven terms in the two).
pub const RESTATE_SHARE: f32 = 0.5;
/// … counting only when at least this many terms are shared: a short sentence that names the
/// subject of the one before ("Ihre Bärte seien zu lang und ungepflegt gewesen.") goes on, it
/// does not repeat.
pub const RESTATE_MIN_SHARED: usize = 3;

/// Whether `shared` of `of` terms make a restatement (see [`RESTATE_SHARE`]).
fn restating(shared: usize, of: usize) -> bool {
    shared >= RESTATE_MIN_SHARED && shared as f32 > RESTATE_SHARE * of as f32
}

/// Whether sentences `a` and `b` restate each other: more than half of the shorter one's
/// content terms (and at least [`RESTATE_MIN_SHARED`]) are also in the other. The selection
/// checks the stronger [`repeats`]; this pairwise form is what the tests state.
#[cfg(test)]
fn restates(terms: &TermWeights<'_>, a: usize, b: usize) -> bool {
    let shorter = terms
        .sentence_terms(a)
        .len()
        .min(terms.sentence_terms(b).len());
    restating(terms.shared(a, b), shorter)
}

/// Pick sentences by score, avoiding near-repeats (maximal marginal relevance): a candidate's
/// value is `score − redundancy · overlap`, where `overlap` is the largest share of its content
/// stems already covered by one chosen sentence ([`TermWeights::overlap`]). Whatever its score,
/// a sentence is never chosen when it is [residue](crate::residue) (a byline, a
/// cross-reference) or when it would make the summary repeat itself: when more than half of its
/// terms are in the chosen sentences, or more than half of a chosen sentence's terms are in the
/// other chosen sentences and it (see [`RESTATE_SHARE`]; so no two chosen sentences
/// restate each other). The position prior ranks the candidates; it does not let a
/// repeat in. Returns indices into `doc.sentences`, ascending; fewer than asked when the rest
/// would repeat or is residue.
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
    // per term: how many chosen sentences have it
    let mut holders = vec![0u32; terms.term_count()];
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
        if residue(doc, i).is_some() || repeats(terms, &chosen, &holders, i) {
            continue;
        }
        let w = doc.sentences[i].word_count();
        if words + w > max_words && !chosen.is_empty() {
            continue;
        }
        words += w;
        chosen.push(i);
        for &t in terms.sentence_terms(i) {
            holders[t as usize] += 1;
        }
    }
    chosen.sort_unstable();
    chosen
}

/// Whether adding sentence `i` to the `chosen` ones (whose terms `holders` counts) makes the
/// summary repeat itself: most of `i`'s terms are in the chosen sentences, or most of a chosen
/// sentence's terms are in the other chosen ones and `i`. This covers the pairwise rule (two
/// sentences restating each other): the terms two sentences share are among those.
fn repeats(terms: &TermWeights<'_>, chosen: &[usize], holders: &[u32], i: usize) -> bool {
    let own = terms.sentence_terms(i);
    let in_summary = own.iter().filter(|&&t| holders[t as usize] > 0).count();
    restating(in_summary, own.len())
        || chosen.iter().any(|&c| {
            let theirs = terms.sentence_terms(c);
            // held by another chosen sentence (c itself is one holder) or by the candidate
            let elsewhere = theirs
                .iter()
                .filter(|&&t| holders[t as usize] > 1 || own.binary_search(&t).is_ok())
                .count();
            restating(elsewhere, theirs.len())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idf::IdfTable;
    use crate::score::{ScoreParams, score_with};

    fn summary(text: &str, n: usize, position_weight: f32, redundancy: f32) -> Vec<usize> {
        let doc = Document::new(text).unwrap();
        let terms = TermWeights::new(&doc, IdfTable::embedded());
        let params = ScoreParams {
            position_weight: Some(position_weight),
            ..ScoreParams::default()
        };
        let scores = score_with(&doc, &terms, &params, n);
        select(&doc, &scores, &terms, Length::Sentences(n), redundancy)
    }

    const SEED_LEAD: &str = "Japan ist bereits der engste asiatische Verbündete der USA. Nun \
        wollen beide Länder auch beim Thema „wirtschaftliche Sicherheit“ stärker \
        zusammenarbeiten. Die USA und Japan wollen im Bereich der wirtschaftlichen Sicherheit \
        enger zusammenarbeiten. Wie Präsident Joe Biden und Regierungschef Fumio Kishida am \
        Freitag beschlossen, sollen Außen- und Wirtschaftsminister regelmäßig beraten.";

    #[test]
    fn a_restatement_of_the_summary_so_far_is_skipped_whatever_the_prior() {
        // the third sentence has five of its seven terms in the first two together: however
        // strong the lead prior, and without the redundancy penalty, it is not chosen with them
        for (weight, redundancy) in [(12.0, 2.0), (12.0, 0.0), (100.0, 0.0), (2.0, 0.0)] {
            assert_eq!(
                summary(SEED_LEAD, 3, weight, redundancy),
                [0, 1, 3],
                "{weight} {redundancy}"
            );
        }
        // whatever is chosen, no sentence has most of its terms in the others
        let doc = Document::new(SEED_LEAD).unwrap();
        let terms = TermWeights::new(&doc, IdfTable::embedded());
        for weight in [0.0, 0.5, 1.0, 12.0] {
            let chosen = summary(SEED_LEAD, 4, weight, 0.0);
            for &i in &chosen {
                let own = terms.sentence_terms(i);
                let elsewhere = own
                    .iter()
                    .filter(|t| {
                        chosen
                            .iter()
                            .any(|&c| c != i && terms.sentence_terms(c).contains(t))
                    })
                    .count();
                assert!(!restating(elsewhere, own.len()), "{weight}: {chosen:?}");
            }
        }
    }

    #[test]
    fn restating_pairs() {
        let doc = Document::new(
            "Die Regierung beschließt ein neues Gesetz für den Grenzschutz. Der Grenzschutz \
             bekommt ein neues Gesetz der Regierung, sagte der Minister am Montag in Wien. \
             Ihre Bärte seien zu lang gewesen. Die Bärte der Männer waren lang.",
        )
        .unwrap();
        let terms = TermWeights::new(&doc, IdfTable::embedded());
        // all of the first one's terms are in the longer second one
        assert!(restates(&terms, 0, 1) && restates(&terms, 1, 0));
        assert!(!restates(&terms, 0, 2));
        // two shared terms are not enough: "Bärte", "lang"
        assert_eq!(terms.shared(2, 3), 2);
        assert!(!restates(&terms, 2, 3));
        // so the longer one is never chosen with the shorter one
        let scores = score_with(&doc, &terms, &ScoreParams::default(), 4);
        let chosen = select(&doc, &scores, &terms, Length::Sentences(4), 0.0);
        assert!(!(chosen.contains(&0) && chosen.contains(&1)), "{chosen:?}");
        assert_eq!(chosen.len(), 3, "{chosen:?}");
    }
}
