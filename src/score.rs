//! Score stage: TF-IDF sentence scores.
//!
//! Terms are Snowball stems of content words (no stop words, no numbers). A term's weight in the
//! article is `tf · √idf`, where `tf` counts the term in the article's body and `idf` is the
//! background IDF of its word forms (mean over the occurrences) from an [`IdfTable`]: the
//! article's own repetitions say what it is about, the background IDF keeps common words down
//! without letting one rare name outweigh the topic (on the dev sets this beat `(1 + ln tf) · idf`
//! at every summary length; see BENCHMARKS.md). A sentence's TF-IDF score is the sum of the
//! weights of its distinct terms divided by `max(content words, min_len)^length_exponent`
//! (exponent 0 for one sentence and reference texts: no length normalisation, a sentence scores
//! what it covers; steep for several sentences of news, see [`auto_length_exponent`]), then
//! scaled to 0…1 over the article and combined with a position prior: `score = tfidf +
//! position_weight · prior`, with `prior = 1 / (1 + paragraph)` for the first sentence of a
//! paragraph and decaying with the sentence index (`1 / (1 + index / position_decay)`). News puts
//! the gist first; the prior encodes that (its weight depends on the summary length and the
//! article's length and genre, see [`auto_position_weight`]), TF-IDF finds the sentences that
//! carry the article's key terms. The prior is a prior, not a veto: a later sentence dense in key
//! terms outranks a lead sentence that says less in more words.

use rustc_hash::FxHashMap as HashMap;

use crate::document::Document;
use crate::genre::{self, Genre};
use crate::idf::IdfTable;

/// Scoring knobs; the defaults were tuned on the project's dev sets (see BENCHMARKS.md).
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreParams {
    /// Exponent of the length normalisation (0 = none: a sentence scores the sum of its terms'
    /// weights; 1 = their mean). `None` (the default) lets the summarizer choose by summary
    /// length and genre (`auto_length_exponent`).
    pub length_exponent: Option<f32>,
    /// Sentences shorter than this count as this long in the normalisation. Default 8.
    pub min_len: usize,
    /// Weight of the position prior relative to the 0…1 TF-IDF score. `None` (the default) lets
    /// the summarizer choose by summary length and article length and genre
    /// (`auto_position_weight`).
    pub position_weight: Option<f32>,
    /// Sentence index at which the prior has halved. Default 2.
    pub position_decay: f32,
}

impl Default for ScoreParams {
    fn default() -> Self {
        ScoreParams {
            length_exponent: None,
            min_len: 8,
            position_weight: None,
            position_decay: 2.0,
        }
    }
}

/// Position weight for a one-sentence summary of news (see [`auto_position_weight`]).
pub const AUTO_WEIGHT_ONE: f32 = 0.5;
/// Position weight for a one-sentence summary of a reference text (see
/// [`auto_position_weight`]): lower, the sentence that covers most of the topic decides.
pub const AUTO_WEIGHT_ONE_REFERENCE: f32 = 0.1;
/// Position weight for longer summaries of short articles (see [`auto_position_weight`]).
pub const AUTO_WEIGHT_MORE: f32 = 3.0;
/// Position weight for longer summaries of long articles (see [`auto_position_weight`]).
pub const AUTO_WEIGHT_LONG: f32 = 0.3;
/// Article length (sentences) up to which longer summaries of news get the full position weight
/// and length exponent.
pub const AUTO_LONG_ARTICLE: f32 = 55.0;

/// Length exponent for longer summaries of news (see [`auto_length_exponent`]).
pub const AUTO_EXPONENT_NEWS: f32 = 4.0;

/// The scoring knobs in force for one summary of one article.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resolved {
    /// The article's genre as far as the summary is concerned (always news for one sentence).
    pub genre: Genre,
    /// Weight of the position prior.
    pub position_weight: f32,
    /// Exponent of the length normalisation.
    pub length_exponent: f32,
}

impl ScoreParams {
    /// The knobs in force for a summary of `sentences` sentences of `doc`.
    pub fn resolve(&self, sentences: usize, doc: &Document) -> Resolved {
        // the genre only matters when a knob is left to the summarizer
        let auto = self.position_weight.is_none() || self.length_exponent.is_none();
        let genre = if auto {
            genre::detect(doc)
        } else {
            Genre::News
        };
        Resolved {
            genre,
            position_weight: self
                .position_weight
                .unwrap_or_else(|| auto_position_weight(sentences, doc.sentences.len(), genre)),
            length_exponent: self
                .length_exponent
                .unwrap_or_else(|| auto_length_exponent(sentences, doc.sentences.len(), genre)),
        }
    }

    /// The position weight in force for a summary of `sentences` sentences of `doc`.
    pub fn position_weight_for(&self, sentences: usize, doc: &Document) -> f32 {
        self.resolve(sentences, doc).position_weight
    }
}

/// The automatic length exponent for a summary of `sentences` sentences of an article of genre
/// `genre`: 0 (a sentence scores the sum of its terms' weights) for one sentence and for reference
/// texts; [`AUTO_EXPONENT_NEWS`] for longer summaries of news. A news summary of several
/// sentences is read as one text, so each sentence should say much in few words: with a steep
/// exponent a short sentence dense in key terms can outrank a long lead sentence, which the
/// position prior alone ([`AUTO_WEIGHT_MORE`]) would always choose. Sentences shorter than
/// [`ScoreParams::min_len`] content words count as that long, so fragments gain nothing.
/// Tuned on the 10kGNAD teaser dev set (see BENCHMARKS.md).
pub fn auto_length_exponent(sentences: usize, article: usize, genre: Genre) -> f32 {
    if sentences > 1 && genre == Genre::News {
        AUTO_EXPONENT_NEWS * shortness(article)
    } else {
        0.0
    }
}

/// The automatic position weight for a summary of `sentences` sentences of an article of
/// `article` sentences and genre `genre` ([`genre::detect`]):
///
/// - one sentence: [`AUTO_WEIGHT_ONE`]; TF-IDF decides, the lead breaks near-ties; from a
///   reference text [`AUTO_WEIGHT_ONE_REFERENCE`] (Klexikon dev, n = 1: R1 9.05 → 10.66);
/// - more, from a reference text (an encyclopedic article, not written as an inverted pyramid):
///   [`AUTO_WEIGHT_LONG`], whatever its length;
/// - more, from a short news article (15 sentences is typical): [`AUTO_WEIGHT_MORE`]; the
///   lead is favoured (news teasers are written from the first sentences), but with the
///   length exponent ([`auto_length_exponent`]) a short later sentence dense in key terms can
///   outrank a long lead sentence (prior 3 · 1/(1 + i/2): the third sentence is 0.6 ahead of the
///   fifth, the TF-IDF part spans 0…1);
/// - more, from a long article (reports, long features): the weight falls smoothly towards
///   [`AUTO_WEIGHT_LONG`], as `LONG + (MORE − LONG) · min(1, (AUTO_LONG_ARTICLE / article)^6)`:
///   3 up to 55 sentences, about 1.3 at 65, 0.6 at 80, 0.3 from about 150 on.
///
/// Tuned on the 10kGNAD teaser and Klexikon dev sets (see BENCHMARKS.md).
pub fn auto_position_weight(sentences: usize, article: usize, genre: Genre) -> f32 {
    if sentences <= 1 {
        return match genre {
            Genre::Reference => AUTO_WEIGHT_ONE_REFERENCE,
            _ => AUTO_WEIGHT_ONE,
        };
    }
    if genre == Genre::Reference {
        return AUTO_WEIGHT_LONG;
    }
    AUTO_WEIGHT_LONG + (AUTO_WEIGHT_MORE - AUTO_WEIGHT_LONG) * shortness(article)
}

/// 1 for an article of up to [`AUTO_LONG_ARTICLE`] sentences, falling smoothly to 0 for long
/// ones: `min(1, (AUTO_LONG_ARTICLE / article)^6)`.
fn shortness(article: usize) -> f32 {
    (AUTO_LONG_ARTICLE / article.max(1) as f32).powi(6).min(1.0)
}

/// A scored sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceScore {
    /// Index into [`Document::sentences`].
    pub index: usize,
    /// Final score (TF-IDF part + position prior).
    pub score: f32,
    /// The TF-IDF part alone, scaled to 0…1 over the article.
    pub tfidf: f32,
}

/// Per-article term weights: each content stem of the article gets a dense id and the weight
/// `tf · √idf`; each sentence keeps its distinct term ids (sorted), which is what
/// scoring, redundancy control and `--explain` read.
#[derive(Debug, Clone, Default)]
pub struct TermWeights<'d> {
    /// stem → id
    ids: HashMap<&'d str, u32>,
    /// id → weight
    weights: Vec<f32>,
    /// Distinct term ids of sentence `i`: `terms[bounds[i]..bounds[i + 1]]`, ascending.
    terms: Vec<u32>,
    bounds: Vec<usize>,
    /// Sum of the weights of sentence `i`'s distinct terms, added in text order.
    sums: Vec<f32>,
    /// Content words of sentence `i`.
    content: Vec<usize>,
}

/// At most this many distinct forms are reserved for up front in [`TermWeights::new`] (far more
/// than a news article has: the 1,028 10kGNAD test articles have at most 1,739 distinct words).
const MAX_RESERVED_FORMS: usize = 1 << 15;

impl<'d> TermWeights<'d> {
    /// Weigh the content terms of `doc` against `idf`.
    pub fn new(doc: &'d Document, idf: &IdfTable) -> TermWeights<'d> {
        // one hash probe per content token, keyed by its form identity (the address of the
        // analysis that tokens of the same form share); the stem map and the IDF table are
        // only consulted once per form
        let tokens: usize = doc.sentences.iter().map(|s| s.tokens.len()).sum();
        // distinct forms grow much more slowly than tokens (Heaps' law): beyond an article's
        // size the maps grow as needed instead of reserving (and touching) buckets for
        // millions of forms that a long text never has
        let forms = (tokens / 2).min(MAX_RESERVED_FORMS);
        let mut by_form: HashMap<usize, (u32, f32)> =
            HashMap::with_capacity_and_hasher(forms, Default::default());
        let mut ids: HashMap<&'d str, u32> =
            HashMap::with_capacity_and_hasher(forms * 2 / 3, Default::default());
        let mut tf: Vec<(u32, f32)> = Vec::with_capacity(forms * 2 / 3);
        let mut token_ids: Vec<u32> = Vec::with_capacity(tokens);
        let mut bounds = Vec::with_capacity(doc.sentences.len() + 1);
        bounds.push(0);
        let mut content = Vec::with_capacity(doc.sentences.len());
        for s in &doc.sentences {
            let mut n = 0;
            for t in s.tokens.iter().filter(|t| t.is_content()) {
                let key = t.form_id();
                let (id, w) = *by_form.entry(key).or_insert_with(|| {
                    let next = ids.len() as u32;
                    let id = *ids.entry(t.stem()).or_insert(next);
                    if id == next {
                        tf.push((0, 0.0));
                    }
                    // the table is asked once per distinct form of the document
                    (id, idf.idf(t.lower()))
                });
                let e = &mut tf[id as usize];
                e.0 += 1;
                e.1 += w;
                token_ids.push(id);
                n += 1;
            }
            bounds.push(token_ids.len());
            content.push(n);
        }
        // the weight of a stem: tf times the square root of the mean IDF of its occurrences
        let weights: Vec<f32> = tf
            .iter()
            .map(|&(n, idf_sum)| n as f32 * (idf_sum / n as f32).sqrt())
            .collect();
        // per sentence: the sum over distinct terms in text order, then the sorted distinct ids
        let mut seen = vec![u32::MAX; weights.len()];
        let mut terms = Vec::with_capacity(token_ids.len());
        let mut sums = Vec::with_capacity(doc.sentences.len());
        for i in 0..doc.sentences.len() {
            let start = terms.len();
            let mut sum = 0.0;
            for &id in &token_ids[bounds[i]..bounds[i + 1]] {
                if seen[id as usize] != i as u32 {
                    seen[id as usize] = i as u32;
                    sum += weights[id as usize];
                    terms.push(id);
                }
            }
            terms[start..].sort_unstable();
            sums.push(sum);
            bounds[i] = start;
        }
        let last = bounds.len() - 1;
        bounds[last] = terms.len();
        TermWeights {
            ids,
            weights,
            terms,
            bounds,
            sums,
            content,
        }
    }

    /// Weight of a stem (0 for stop words and stems not in the article).
    pub fn get(&self, stem: &str) -> f32 {
        self.ids
            .get(stem)
            .map_or(0.0, |&id| self.weights[id as usize])
    }

    /// The distinct term ids of sentence `i`, ascending (ids are per article).
    pub fn sentence_terms(&self, i: usize) -> &[u32] {
        &self.terms[self.bounds[i]..self.bounds[i + 1]]
    }

    /// Number of distinct terms (content stems) of the article; term ids are below it.
    pub fn term_count(&self) -> usize {
        self.weights.len()
    }

    /// Share of sentence `a`'s distinct terms that sentence `b` also has (1 when `a` has none).
    pub fn overlap(&self, a: usize, b: usize) -> f32 {
        let x = self.sentence_terms(a);
        if x.is_empty() {
            return 1.0;
        }
        self.shared(a, b) as f32 / x.len() as f32
    }

    /// Number of distinct terms sentences `a` and `b` both have.
    pub fn shared(&self, a: usize, b: usize) -> usize {
        let (x, y) = (self.sentence_terms(a), self.sentence_terms(b));
        let (mut i, mut j, mut both) = (0, 0, 0usize);
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    both += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        both
    }

    /// Sentence `i`'s terms with their weights, heaviest first: (surface form of the first
    /// occurrence, weight). For `--explain`.
    pub fn explain(&self, doc: &Document, i: usize) -> Vec<(String, f32)> {
        let mut seen: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
        let mut terms: Vec<(String, f32)> = doc.sentences[i]
            .tokens
            .iter()
            .filter(|t| t.is_content() && seen.insert(t.stem()))
            .map(|t| (t.surface(&doc.text).to_owned(), self.get(t.stem())))
            .collect();
        terms.sort_by(|a, b| b.1.total_cmp(&a.1));
        terms
    }
}

/// Score every sentence of `doc` for a summary of about `summary_len` sentences (which sets
/// the automatic position weight).
#[cfg(test)]
pub(crate) fn score(
    doc: &Document,
    idf: &IdfTable,
    params: &ScoreParams,
    summary_len: usize,
) -> Vec<SentenceScore> {
    score_with(doc, &TermWeights::new(doc, idf), params, summary_len)
}

/// [`score`] with term weights already computed.
pub fn score_with(
    doc: &Document,
    weights: &TermWeights<'_>,
    params: &ScoreParams,
    summary_len: usize,
) -> Vec<SentenceScore> {
    let Resolved {
        position_weight,
        length_exponent,
        ..
    } = params.resolve(summary_len, doc);
    let raw: Vec<f32> = (0..doc.sentences.len())
        .map(|i| {
            let len = weights.content[i].max(params.min_len) as f32;
            weights.sums[i] / len.powf(length_exponent)
        })
        .collect();
    let max = raw.iter().copied().fold(0.0f32, f32::max);
    let mut prev_par = usize::MAX;
    raw.into_iter()
        .enumerate()
        .map(|(i, s)| {
            let tfidf = if max > 0.0 { s / max } else { 0.0 };
            let sent = &doc.sentences[i];
            let first_in_par = sent.paragraph != prev_par;
            prev_par = sent.paragraph;
            let by_index = 1.0 / (1.0 + i as f32 / params.position_decay.max(1e-3));
            let by_par = if first_in_par {
                1.0 / (1.0 + sent.paragraph as f32)
            } else {
                0.0
            };
            let prior = by_index.max(by_par * 0.5);
            SentenceScore {
                index: i,
                score: tfidf + position_weight * prior,
                tfidf,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_term_sentences_score_higher() {
        let text = "Die Lieferketten der Industrie sind gestört. Das Wetter war schön und es war warm. \
                    Die Industrie sucht neue Lieferketten in Asien. Wir gingen spazieren.";
        let doc = Document::new(text).unwrap();
        let p = ScoreParams {
            position_weight: Some(0.0),
            ..ScoreParams::default()
        };
        let w = TermWeights::new(&doc, IdfTable::embedded());
        let s = score_with(&doc, &w, &p, 1);
        assert_eq!(s.len(), 4);
        assert!(s[2].score > s[1].score && s[2].score > s[3].score, "{s:?}");
        assert!(s[0].score > s[1].score);
        assert!(s.iter().all(|x| (0.0..=1.0).contains(&x.tfidf)));
        assert!(
            w.explain(&doc, 2)[0].0 == "Lieferketten" || w.explain(&doc, 2)[0].0 == "Industrie",
            "{:?}",
            w.explain(&doc, 2)
        );
        // sentences 0 and 2 share Lieferketten and Industrie
        assert_eq!(w.sentence_terms(1).len(), 3, "Wetter, schön, warm");
        assert!(w.overlap(0, 2) > 0.5 && w.overlap(0, 1) == 0.0);
        assert_eq!(w.overlap(0, 0), 1.0);
    }

    #[test]
    fn weights_read_the_idf_of_each_form() {
        // a stem's weight: tf times the square root of the mean IDF of its occurrences' forms,
        // as the table gives it (ß folded: Größe is looked up as grösse)
        let text = "Die Größe der Lieferketten. Die Lieferkette wächst. Lieferketten, Größe!";
        let doc = Document::new(text).unwrap();
        let idf = IdfTable::embedded();
        let w = TermWeights::new(&doc, idf);
        let mut forms: HashMap<&str, Vec<f32>> = HashMap::default();
        for t in doc.sentences.iter().flat_map(|s| &s.tokens) {
            if t.is_content() {
                forms.entry(t.stem()).or_default().push(idf.idf(t.lower()));
            }
        }
        assert!(forms.len() >= 3, "{forms:?}");
        for (stem, idfs) in forms {
            let n = idfs.len() as f32;
            let expected = n * (idfs.iter().sum::<f32>() / n).sqrt();
            assert_eq!(w.get(stem), expected, "{stem}");
        }
    }

    #[test]
    fn automatic_position_weight_by_summary_and_article_length() {
        // one sentence: always the one-sentence weight
        let news = Genre::News;
        assert_eq!(auto_position_weight(1, 10, news), AUTO_WEIGHT_ONE);
        assert_eq!(auto_position_weight(1, 500, news), AUTO_WEIGHT_ONE);
        assert_eq!(
            auto_position_weight(1, 10, Genre::Reference),
            AUTO_WEIGHT_ONE_REFERENCE
        );
        // longer summaries of news-length articles follow the lead
        for n in [3, 15, 40, 55] {
            assert_eq!(auto_position_weight(3, n, news), AUTO_WEIGHT_MORE, "{n}");
            // reference texts are not written lead first, whatever their length
            assert_eq!(
                auto_position_weight(3, n, Genre::Reference),
                AUTO_WEIGHT_LONG
            );
        }
        // and the weight falls smoothly, never below the floor, for long articles
        let mut prev = AUTO_WEIGHT_MORE;
        for n in 56..1000 {
            let w = auto_position_weight(3, n, news);
            assert!(w <= prev && w >= AUTO_WEIGHT_LONG, "{n}: {w}");
            assert!(prev - w < 1.2, "no jump at {n}");
            prev = w;
        }
        assert!((auto_position_weight(3, 167, news) - AUTO_WEIGHT_LONG).abs() < 0.05);
        // an explicit weight wins
        let p = ScoreParams {
            position_weight: Some(2.0),
            ..ScoreParams::default()
        };
        let doc = Document::new("Die Aare ist ein Fluss. Sie fließt in den Rhein.").unwrap();
        assert_eq!(p.position_weight_for(3, &doc), 2.0);
        // and the automatic weight reads the genre
        let auto = ScoreParams::default();
        assert_eq!(auto.position_weight_for(3, &doc), AUTO_WEIGHT_LONG);
        assert_eq!(auto.position_weight_for(1, &doc), AUTO_WEIGHT_ONE_REFERENCE);
        let news = Document::new("Die Preise steigen. Das sagte der Minister am Montag.").unwrap();
        assert_eq!(auto.position_weight_for(3, &news), AUTO_WEIGHT_MORE);
        assert_eq!(auto.position_weight_for(1, &news), AUTO_WEIGHT_ONE);
    }

    #[test]
    fn automatic_length_exponent_by_summary_length_and_genre() {
        let news = Genre::News;
        // one sentence, and reference texts: a sentence scores what it covers
        assert_eq!(auto_length_exponent(1, 15, news), 0.0);
        assert_eq!(auto_length_exponent(3, 15, Genre::Reference), 0.0);
        // several sentences of a news article: dense sentences win
        assert_eq!(auto_length_exponent(3, 15, news), AUTO_EXPONENT_NEWS);
        assert_eq!(auto_length_exponent(3, 55, news), AUTO_EXPONENT_NEWS);
        // falling with the position weight for long articles
        assert!(auto_length_exponent(3, 80, news) < 0.5);
        assert!(auto_length_exponent(3, 200, news) < 0.01);
        // an explicit exponent wins
        let doc = Document::new("Die Preise steigen. Das sagte der Minister am Montag.").unwrap();
        let p = ScoreParams {
            length_exponent: Some(1.0),
            ..ScoreParams::default()
        };
        assert_eq!(p.resolve(3, &doc).length_exponent, 1.0);
        assert_eq!(
            ScoreParams::default().resolve(3, &doc).length_exponent,
            AUTO_EXPONENT_NEWS
        );
    }

    #[test]
    fn a_dense_later_sentence_outranks_a_long_lead_sentence() {
        // the third sentence is long and says little of the topic, the fifth is short and all
        // topic: with the automatic knobs the fifth scores higher, with the lead as a veto
        // (position weight 12, no length normalisation) it does not
        let text = "Die Regierung plant ein neues Gesetz für den Grenzschutz. Der Grenzschutz \
                    soll mehr Personal bekommen. Am Montag trafen sich zahlreiche Vertreter von \
                    Gemeinden, Vereinen, Kirchen und Verbänden zu einem langen Gespräch in einem \
                    Hotel am Stadtrand, das bis in den späten Abend dauerte. Das Wetter war gut. \
                    Das Gesetz regelt Grenzschutz und Personal der Regierung.";
        let doc = Document::new(text).unwrap();
        let w = TermWeights::new(&doc, IdfTable::embedded());
        let auto = score_with(&doc, &w, &ScoreParams::default(), 3);
        assert!(auto[4].score > auto[2].score, "{auto:?}");
        let veto = ScoreParams {
            position_weight: Some(12.0),
            length_exponent: Some(0.0),
            ..ScoreParams::default()
        };
        let veto = score_with(&doc, &w, &veto, 3);
        assert!(veto[2].score > veto[4].score, "{veto:?}");
    }

    #[test]
    fn position_prior_favours_the_lead() {
        let text = "Eins zwei drei Haus. Eins zwei drei Haus.";
        let doc = Document::new(text).unwrap();
        let s = score(&doc, IdfTable::embedded(), &ScoreParams::default(), 1);
        assert!(s[0].score > s[1].score);
        assert_eq!(s[0].tfidf, s[1].tfidf);
    }
}
