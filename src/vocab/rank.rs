//! How central a word is to the article.
//!
//! `relevance = keyness × family × domain × part of speech × level × commonness`:
//!
//! - keyness: `tf^α · idf`, where `tf` counts the word's occurrences, its occurrences in the
//!   lead (once more, weighted) and its occurrences inside the article's other words (the
//!   *Vertrauen* of *Vertrauensindex*; a compound's head and front), and `idf` is the lowest
//!   IDF of the lemma and its forms in the background table; a compound the table does not
//!   know takes the highest IDF of its parts;
//! - family: compounds that share a part with other words of the article (*Arbeitszeit*,
//!   *Kernarbeitszeit*) are its subject;
//! - domain: a term of the hand-written domain lexicon, or a compound of one, weighs more (it
//!   never gates);
//! - part of speech: nouns before verbs before adjectives (the key terms of news are mostly
//!   nouns);
//! - level: words a beginner knows weigh less;
//! - commonness: the calendar words and common words of reporting (*Jahr*, *Frage*) weigh
//!   little, so they are listed only when the article is about them;
//! - generic words: a verb or adjective of everyday German (frequent in the background
//!   frequency table) that the article uses once, outside its key sentences (*prüfen*,
//!   *bestätigen*, *glatt*), weighs less: it is no term of the article, and a learner of news
//!   German meets it everywhere;
//! - coinages: a compound the frequency table does not know, used once, that shares no part
//!   with the article's other words (*Nominierungskomitee*, *Sparschiene*, *Pferdealbtraum*)
//!   weighs less: the article coins it in passing and builds on nothing of it (see [`coined`]);
//! - enumerations: the members of an enumeration of compounds with one head (*Fleisch-, Wurst-,
//!   Molkerei- und Mühlenprodukte*) are examples, not the article's terms.
//!
//! The default list ends where the relevance falls below a share of the best words' (see
//! [`Params::cutoff`]).

use rustc_hash::FxHashMap as HashMap;

use crate::document::Document;
use crate::idf::IdfTable;
use crate::lexicon::{Level, NotVocabulary, Pos, lexicon};

use super::collect::Group;

/// What the relevance of a word is made of.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub(super) struct Features {
    pub count: usize,
    pub lead: usize,
    /// Occurrences inside other words of the article.
    pub inner: usize,
    /// Other words of the article that share a part with it.
    pub family: usize,
    pub idf: f32,
    /// 2 = domain entry, 1 = compound with a domain part, 0 = neither.
    pub domain: u8,
    pub not_vocabulary: Option<&'static str>,
    pub zipf: Option<f32>,
    pub score: f32,
    pub first: f32,
    pub spread: usize,
    pub compound: bool,
    pub central: f32,
    pub central_mean: f32,
    pub colloc: f32,
    pub enumeration: bool,
    /// A generic word: see [`generic`].
    pub generic: bool,
    /// A one-off coinage: see [`coined`].
    pub coined: bool,
}

/// The ranking's weights: the relevance is `exp(Σ weight × feature)` (a log-linear model,
/// fitted on hand-labelled key terms of news articles and then tuned; see BENCHMARKS.md).
#[derive(Debug, Clone, Copy)]
pub(super) struct Params {
    /// ln of the occurrences (also inside other words, weighted by `inner_tf`).
    pub tf: f32,
    /// Weight of an occurrence inside another word of the article, in the count.
    pub inner_tf: f32,
    /// ln of the IDF.
    pub idf: f32,
    /// Words of the article that contain it (capped at 3, over 3).
    pub inner: f32,
    /// Family members (capped at 3, over 3).
    pub family: f32,
    /// It occurs in the lead.
    pub lead: f32,
    /// A domain entry; a compound with a domain part.
    pub domain_entry: f32,
    pub domain_part: f32,
    /// Part of speech (nouns 0).
    pub verb: f32,
    pub adj: f32,
    pub other: f32,
    /// Level (B2 and unknown 0).
    pub a1: f32,
    pub a2: f32,
    pub b1: f32,
    pub c1: f32,
    pub c2: f32,
    /// A calendar or common word of reporting.
    pub common: f32,
    /// Position of the first occurrence (0 = first sentence, 1 = last).
    pub first: f32,
    /// ln of the sentences it occurs in.
    pub spread: f32,
    /// A compound.
    pub compound: f32,
    /// The summarizer's best score of its sentences, over the article's best.
    pub central: f32,
    /// An adjective or verb next to one of the article's key nouns (share of its occurrences):
    /// *staatliche* Beteiligungsgesellschaft, eine Geldbuße *verhängen*.
    pub colloc_adj: f32,
    pub colloc_verb: f32,
    /// A member of an enumeration of compounds with one head (Fleisch-, Wurst-, Molkerei-,
    /// Mühlenprodukte).
    pub enumeration: f32,
    /// A verb or adjective of everyday German used once, outside the key sentences
    /// ([`generic`]).
    pub generic: f32,
    /// A compound the frequency table does not know, used once, sharing no part with the
    /// article's other words ([`coined`]).
    pub coined: f32,
    /// Share of the mean relevance of the 5 best words below which a word is not listed by
    /// default (the list ends where the words stop being key to the article).
    pub cutoff: f32,
    /// Never fewer entries than this (when there are that many).
    pub min_entries: usize,
}

pub(super) const PARAMS: Params = Params {
    tf: 0.6,
    inner_tf: 0.0,
    idf: 0.87,
    inner: 0.3,
    family: 0.6,
    lead: 0.12,
    domain_entry: 1.16,
    domain_part: 0.31,
    verb: -0.67,
    adj: -0.9,
    other: -1.0,
    a1: -2.0,
    a2: -0.41,
    b1: -0.14,
    c1: 0.35,
    c2: 0.66,
    common: -2.0,
    first: -0.22,
    spread: 0.54,
    compound: 0.4,
    central: 0.44,
    colloc_adj: 0.0,
    colloc_verb: 0.0,
    enumeration: -1.0,
    generic: -1.0,
    coined: -1.0,
    cutoff: 0.05,
    min_entries: 10,
};

/// Zipf frequency (log10 per billion words of the background frequency table) from which a
/// word is everyday German: *prüfen* 4.8, *bestätigen* 4.8, *global* 4.6; *verhängen* 3.9,
/// *einbüßen* 2.9, *rechtskräftig* 3.6.
pub(super) const GENERIC_ZIPF: f32 = 4.5;

/// The summarizer's score of a sentence, over the article's best, from which it is a key
/// sentence of the article.
pub(super) const KEY_SENTENCE: f32 = 0.6;

/// Whether a word is generic for this article: a verb or adjective of everyday German
/// (Zipf ≥ [`GENERIC_ZIPF`]) that the article uses once, and not in one of its key sentences
/// (best sentence score under [`KEY_SENTENCE`] of the article's best). Nouns are not: a common
/// noun used once is often the article's subject (*Regierung*, *Angriff*).
pub(super) fn generic(pos: Pos, count: usize, zipf: Option<f32>, central: f32) -> bool {
    matches!(pos, Pos::Verb | Pos::Adj)
        && count <= 1
        && zipf.is_some_and(|z| z >= GENERIC_ZIPF)
        && central < KEY_SENTENCE
}

/// Whether a compound is a one-off coinage of the article: a noun compound unknown to the
/// frequency table (no Zipf value), used once, with no family in the article, none of whose
/// parts (with or without a linking element) begins another word of the article or is a part
/// of another compound (`repeated`). *Nominierungskomitee* in an article on a company's
/// working hours is one; *Staatsholding* beside *staatlich*, *Wettbewerbsvergehen* beside
/// *Bundeswettbewerbsbehörde* are not.
pub(super) fn coined(
    pos: Pos,
    compound: bool,
    count: usize,
    family: usize,
    zipf: Option<f32>,
    repeated: bool,
) -> bool {
    pos == Pos::Noun && compound && count <= 1 && family == 0 && zipf.is_none() && !repeated
}

/// The keys a compound part is looked up by: the part as written, lowercased, and without a
/// linking element or inflection ending (*Betriebs* → betriebs, betrieb; *Schule* → schule,
/// schul), each of at least 4 characters.
fn part_keys(part: &str) -> impl Iterator<Item = String> + '_ {
    let p = part.trim_matches('-').to_lowercase();
    let stripped: Vec<String> = ["es", "s", "en", "n", "e"]
        .iter()
        .filter_map(|suf| p.strip_suffix(suf).map(str::to_owned))
        .collect();
    std::iter::once(p)
        .chain(stripped)
        .filter(|k| k.chars().count() >= 4)
}

/// The relevance of every group, with what it is made of.
pub(super) fn relevance(
    doc: &Document,
    groups: &[Group],
    idf: &IdfTable,
    p: &Params,
    sentence_scores: &[f32],
) -> Vec<(f32, Features)> {
    let lex = lexicon();
    let n_sentences = sentence_scores.len().max(1);
    let max_sentence = sentence_scores
        .iter()
        .copied()
        .fold(0.0f32, f32::max)
        .max(1e-6);
    let lower: Vec<String> = groups.iter().map(|g| g.lemma.to_lowercase()).collect();
    let mut inner = vec![0usize; groups.len()];
    let mut family = vec![0usize; groups.len()];
    // one word inside another: a compound's head or front (Vertrauen in Vertrauensindex,
    // Arbeitszeit in Kernarbeitszeit)
    let content: Vec<bool> = groups
        .iter()
        .map(|g| g.analysis.is_some() && !g.name && g.lemma.chars().count() >= 4)
        .collect();
    // the pairs are found through sorted indexes of the nouns, front first and back first, not
    // by comparing every two words (issue 16: a one-line 50 MB text has 100,000s of them); a
    // noun has at most one word per length in front and one behind, so the matches stay
    // linear in the words
    let nouns: Vec<usize> = (0..groups.len())
        .filter(|&b| content[b] && groups[b].pos == Pos::Noun)
        .collect();
    let mut by_front: Vec<&[u8]> = nouns.iter().map(|&b| lower[b].as_bytes()).collect();
    let mut front_ids = nouns.clone();
    sort_together(&mut by_front, &mut front_ids);
    let reversed: Vec<Vec<u8>> = nouns
        .iter()
        .map(|&b| lower[b].bytes().rev().collect())
        .collect();
    let mut by_back: Vec<&[u8]> = reversed.iter().map(Vec::as_slice).collect();
    let mut back_ids = nouns;
    sort_together(&mut by_back, &mut back_ids);
    let mut seen = vec![usize::MAX; groups.len()];
    let mut la_rev: Vec<u8> = Vec::new();
    for (a, la) in lower.iter().enumerate() {
        if !content[a] {
            continue;
        }
        // a verb's stem inside a compound (liefern in Lieferkette)
        let stem = match groups[a].pos {
            Pos::Verb => la.strip_suffix("en").or_else(|| la.strip_suffix('n')),
            Pos::Adj => Some(la.as_str()),
            _ => Some(la.as_str()),
        };
        let Some(stem) = stem.filter(|s| s.chars().count() >= 4) else {
            continue;
        };
        let mut pair = |b: usize| {
            if a == b || seen[b] == a || lower[b].len() <= la.len() {
                return;
            }
            seen[b] = a;
            inner[a] += groups[b].count;
            family[a] += 1;
            family[b] += 1;
        };
        for &b in with_prefix(&by_front, &front_ids, stem.as_bytes()) {
            pair(b);
        }
        if groups[a].pos == Pos::Noun {
            la_rev.clear();
            la_rev.extend(la.bytes().rev());
            for &b in with_prefix(&by_back, &back_ids, &la_rev) {
                pair(b);
            }
        }
    }
    // compounds sharing their head (Präsidentschaftskandidat, Kanzlerkandidat)
    let mut heads: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, g) in groups.iter().enumerate() {
        if let Some(a) = &g.analysis
            && a.pos == Pos::Noun
            && a.parts.len() >= 2
            && let Some(h) = a.parts.last()
            && h.chars().count() >= 4
        {
            heads.entry(h.to_lowercase()).or_default().push(i);
        }
    }
    // an enumeration (Fleisch-, Molkerei-, Brauerei-, Wurstprodukte) makes no family: its head
    // is the word of the article
    let mut enumeration = vec![false; groups.len()];
    for members in heads.values() {
        if (2..=3).contains(&members.len()) {
            for &i in members {
                family[i] += members.len() - 1;
            }
        } else if members.len() >= 4 {
            for &i in members {
                enumeration[i] = true;
            }
        }
    }
    // parts of compounds repeated in the article: a part key of two compounds, or one that
    // begins another word (Staat in staatlich); the lemmas are searched through a sorted index
    let mut part_counts: HashMap<String, usize> = HashMap::default();
    for g in groups {
        if let Some(a) = &g.analysis
            && a.parts.len() >= 2
        {
            let mut keys: Vec<String> = a.parts.iter().flat_map(|p| part_keys(p)).collect();
            keys.sort_unstable();
            keys.dedup();
            for k in keys {
                *part_counts.entry(k).or_default() += 1;
            }
        }
    }
    let mut by_lemma: Vec<&[u8]> = lower.iter().map(|l| l.as_bytes()).collect();
    let mut lemma_ids: Vec<usize> = (0..groups.len()).collect();
    sort_together(&mut by_lemma, &mut lemma_ids);
    let repeated = |i: usize, parts: &[String]| {
        parts.iter().flat_map(|p| part_keys(p)).any(|k| {
            part_counts.get(&k).is_some_and(|&n| n >= 2)
                || with_prefix(&by_lemma, &lemma_ids, k.as_bytes())
                    .iter()
                    .any(|&j| j != i)
        })
    };
    let mut scored: Vec<(f32, Features)> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let a = g.analysis.as_ref();
            let compound = a.is_some_and(|a| a.parts.len() >= 2);
            let w_idf = word_idf(idf, &g.lemma, &g.forms, compound);
            let domain = match a {
                Some(a) if lex.domain_entry(&a.lemma, a.pos).is_some() => 2,
                Some(a) if a.domain => 1,
                _ => 0,
            };
            let not_vocabulary = lex.not_vocabulary(&g.lemma);
            let f = Features {
                count: g.count,
                lead: g.lead,
                inner: inner[i],
                family: family[i],
                idf: w_idf,
                domain,
                not_vocabulary: not_vocabulary.map(|n| n.into()),
                zipf: a.and_then(|a| a.zipf),
                score: 0.0,
                first: g.sentence_index as f32 / n_sentences as f32,
                spread: {
                    let mut v = g.sentences.clone();
                    v.dedup();
                    v.len()
                },
                compound,
                central: g
                    .sentences
                    .iter()
                    .map(|&i| sentence_scores.get(i).copied().unwrap_or(0.0) / max_sentence)
                    .fold(0.0, f32::max),
                colloc: 0.0,
                enumeration: false,
                generic: false,
                coined: false,
                central_mean: g
                    .sentences
                    .iter()
                    .map(|&i| sentence_scores.get(i).copied().unwrap_or(0.0) / max_sentence)
                    .sum::<f32>()
                    / g.sentences.len().max(1) as f32,
            };
            let tf = g.count as f32 + p.inner_tf * inner[i] as f32;
            let z = p.tf * tf.ln()
                + p.idf * w_idf.max(0.5).ln()
                + p.inner * inner[i].min(3) as f32 / 3.0
                + p.family * family[i].min(3) as f32 / 3.0
                + if g.lead > 0 { p.lead } else { 0.0 }
                + match domain {
                    2 => p.domain_entry,
                    1 => p.domain_part,
                    _ => 0.0,
                }
                + match g.pos {
                    Pos::Noun => 0.0,
                    Pos::Verb => p.verb,
                    Pos::Adj => p.adj,
                    Pos::Other => p.other,
                }
                + match a.and_then(|a| a.level) {
                    Some(Level::A1) => p.a1,
                    Some(Level::A2) => p.a2,
                    Some(Level::B1) => p.b1,
                    Some(Level::C1) => p.c1,
                    Some(Level::C2) => p.c2,
                    _ => 0.0,
                }
                + match not_vocabulary {
                    Some(NotVocabulary::Time | NotVocabulary::Common) => p.common,
                    _ => 0.0,
                }
                + p.first * f.first
                + p.spread * (f.spread.max(1) as f32).ln()
                + if compound { p.compound } else { 0.0 }
                + p.central * f.central
                + if enumeration[i] { p.enumeration } else { 0.0 };
            let generic = generic(g.pos, g.count, f.zipf, f.central);
            let z = z + if generic { p.generic } else { 0.0 };
            let coined = coined(
                g.pos,
                compound,
                g.count,
                family[i],
                f.zipf,
                // only worked out for the candidates (most words are no compounds)
                compound
                    && g.count <= 1
                    && family[i] == 0
                    && f.zipf.is_none()
                    && a.is_some_and(|a| repeated(i, &a.parts)),
            );
            let z = z + if coined { p.coined } else { 0.0 };
            (
                z,
                Features {
                    enumeration: enumeration[i],
                    generic,
                    coined,
                    ..f
                },
            )
        })
        .collect();
    // adjectives and verbs next to the key nouns
    let colloc = collocations(doc, groups, &scored);
    for (i, (z, f)) in scored.iter_mut().enumerate() {
        f.colloc = colloc[i];
        *z += match groups[i].pos {
            Pos::Adj => p.colloc_adj * colloc[i],
            Pos::Verb => p.colloc_verb * colloc[i],
            _ => 0.0,
        };
        *z = z.exp();
        f.score = *z;
    }
    scored
}

/// Key nouns whose neighbours count as collocates.
const KEY_NOUNS: usize = 10;

/// For each adjective and verb, the share of its occurrences that are within a few tokens of
/// an occurrence of one of the article's key nouns (the best [`KEY_NOUNS`] by `scored`) in the
/// same sentence: 4 tokens for adjectives (attributive or predicative), 6 for verbs.
fn collocations(doc: &Document, groups: &[Group], scored: &[(f32, Features)]) -> Vec<f32> {
    let mut nouns: Vec<usize> = (0..groups.len())
        .filter(|&i| groups[i].pos == Pos::Noun && !groups[i].name && groups[i].analysis.is_some())
        .collect();
    nouns.sort_by(|&a, &b| scored[b].0.total_cmp(&scored[a].0));
    nouns.truncate(KEY_NOUNS);
    // tokens are in text order: a binary search (a sentence may be a whole 50 MB line)
    let token_index = |si: usize, start: usize| {
        let tokens = &doc.sentences[si].tokens;
        let i = tokens.partition_point(|t| t.end.max(t.start + 1) <= start);
        tokens
            .get(i)
            .is_some_and(|t| t.start <= start && start < t.end.max(t.start + 1))
            .then_some(i)
    };
    // (sentence, token) of every key noun occurrence
    let mut key: Vec<(usize, usize)> = Vec::new();
    for &n in &nouns {
        for (&(start, _), &si) in groups[n].occurrences.iter().zip(&groups[n].sentences) {
            if let Some(ti) = token_index(si, start) {
                key.push((si, ti));
            }
        }
    }
    key.sort_unstable();
    key.dedup();
    groups
        .iter()
        .map(|g| {
            let window = match g.pos {
                Pos::Adj => 4,
                Pos::Verb => 6,
                _ => return 0.0,
            };
            let near = g
                .occurrences
                .iter()
                .zip(&g.sentences)
                .filter(|&(&(start, _), &si)| {
                    token_index(si, start).is_some_and(|ti| {
                        // the first key occurrence at or after (si, ti - window), sorted
                        let from = key.partition_point(|&k| k < (si, ti.saturating_sub(window)));
                        key.get(from)
                            .is_some_and(|&(ks, kt)| ks == si && kt <= ti + window)
                    })
                })
                .count();
            near as f32 / g.occurrences.len().max(1) as f32
        })
        .collect()
}

/// The IDF of a word: the lowest of its lemma's and its forms' (a table counts word forms, and
/// a lemma may be rarer than its plural). A compound the background corpus never saw
/// (`Truppenaustauschabkommen`) would get the largest IDF of all, above every real term; it
/// takes the highest IDF of its parts instead (it is at least as rare as its rarest part).
fn word_idf(idf: &IdfTable, lemma: &str, forms: &[String], compound: bool) -> f32 {
    let known = std::iter::once(lemma)
        .chain(forms.iter().map(String::as_str))
        .map(|w| idf.idf(&w.to_lowercase()))
        .fold(f32::INFINITY, f32::min);
    if known < idf.max_idf() || !compound {
        return known;
    }
    let Some(parts) = lexicon().compound_parts(lemma) else {
        return known;
    };
    parts
        .iter()
        .map(|p| idf.idf(&p.lemma.to_lowercase()))
        .filter(|&x| x < idf.max_idf())
        .fold(None, |m: Option<f32>, x| Some(m.map_or(x, |m| m.max(x))))
        .unwrap_or(known)
}

/// Sorts `keys` and `ids` together by key.
fn sort_together(keys: &mut Vec<&[u8]>, ids: &mut Vec<usize>) {
    let mut pairs: Vec<(&[u8], usize)> = keys.iter().copied().zip(ids.iter().copied()).collect();
    pairs.sort_unstable();
    *keys = pairs.iter().map(|p| p.0).collect();
    *ids = pairs.iter().map(|p| p.1).collect();
}

/// The ids whose (sorted) keys start with `prefix`.
fn with_prefix<'i>(keys: &[&[u8]], ids: &'i [usize], prefix: &[u8]) -> &'i [usize] {
    let start = keys.partition_point(|k| *k < prefix);
    let len = keys[start..].partition_point(|k| k.starts_with(prefix));
    &ids[start..start + len]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_words_are_everyday_verbs_and_adjectives_used_once_outside_key_sentences() {
        assert!(generic(Pos::Verb, 1, Some(4.8), 0.3));
        assert!(generic(Pos::Adj, 1, Some(4.6), 0.0));
        // repeated, rare, a noun, or in a key sentence: no generic word
        assert!(!generic(Pos::Verb, 2, Some(4.8), 0.3));
        assert!(!generic(Pos::Verb, 1, Some(3.9), 0.3));
        assert!(!generic(Pos::Verb, 1, None, 0.3));
        assert!(!generic(Pos::Noun, 1, Some(5.0), 0.3));
        assert!(!generic(Pos::Verb, 1, Some(4.8), 0.9));
    }

    /// Checks that a rule weighs the word `hit` of `text` by `e^weight` and leaves `miss` alone,
    /// comparing the relevance with the parameters as they are and with `off` (the rule
    /// switched off); returns the two words' features.
    fn weighs(text: &str, off: Params, hit: &str, miss: &str, weight: f32) -> (Features, Features) {
        let doc = Document::new(text.to_owned()).unwrap();
        let groups = super::super::collect::groups(&doc, false);
        let idf = IdfTable::embedded();
        let scores = vec![0.0; doc.sentences.len()];
        let with = relevance(&doc, &groups, idf, &PARAMS, &scores);
        let without = relevance(&doc, &groups, idf, &off, &scores);
        let at = |lemma: &str| groups.iter().position(|g| g.lemma == lemma).unwrap();
        let (h, m) = (at(hit), at(miss));
        assert!((with[h].0 / without[h].0 - weight.exp()).abs() < 1e-3);
        assert_eq!(with[m].0, without[m].0);
        (with[h].1.clone(), with[m].1.clone())
    }

    #[test]
    fn a_generic_word_weighs_less() {
        let (hit, miss) = weighs(
            "Soldaten haben im Grenzgebiet Waffen und Sprengstoff beschlagnahmt.\n\n\
             Die Soldaten durchsuchten das Lager der Kämpfer im Grenzgebiet.\n\n\
             Ein Sprecher der Armee bestätigte den Bericht.",
            Params {
                generic: 0.0,
                ..PARAMS
            },
            "bestätigen",
            "beschlagnahmen",
            PARAMS.generic,
        );
        assert!(hit.generic && !miss.generic);
        const { assert!(PARAMS.generic < 0.0) };
    }

    #[test]
    fn a_coinage_is_an_unknown_compound_used_once_that_repeats_nothing_of_the_article() {
        assert!(coined(Pos::Noun, true, 1, 0, None, false));
        // known to the frequency table, repeated, with a family or a part elsewhere, simplex,
        // or no noun: no coinage
        assert!(!coined(Pos::Noun, true, 1, 0, Some(2.5), false));
        assert!(!coined(Pos::Noun, true, 2, 0, None, false));
        assert!(!coined(Pos::Noun, true, 1, 1, None, false));
        assert!(!coined(Pos::Noun, true, 1, 0, None, true));
        assert!(!coined(Pos::Noun, false, 1, 0, None, false));
        assert!(!coined(Pos::Verb, true, 1, 0, None, false));
        let keys: Vec<String> = part_keys("Betriebs").collect();
        assert_eq!(keys, ["betriebs", "betrieb"]);
        let keys: Vec<String> = part_keys("Compliance-").collect();
        assert_eq!(keys, ["compliance", "complianc"]);
        // keys under 4 characters find too much
        assert!(part_keys("Amt").next().is_none());
    }

    #[test]
    fn a_coinage_weighs_less_and_a_compound_sharing_a_part_does_not() {
        // Nominierungskomitee shares no part with the article; Staatsholding shares Staat with
        // staatlich
        let (hit, miss) = weighs(
            "Die staatliche Beteiligungsgesellschaft ordnet ihre Betriebe neu.\n\n\
             Die Staatsholding will die Arbeitszeit der Mitarbeiter senken.\n\n\
             Das Nominierungskomitee tagt erst im Herbst.",
            Params {
                coined: 0.0,
                ..PARAMS
            },
            "Nominierungskomitee",
            "Staatsholding",
            PARAMS.coined,
        );
        assert!(hit.coined && !miss.coined);
        const { assert!(PARAMS.coined < 0.0) };
    }

    #[test]
    fn prefix_search_finds_exactly_the_keys_with_the_prefix() {
        let words = [
            "arbeitszeit",
            "arbeit",
            "kernarbeitszeit",
            "arbeitsmarkt",
            "bank",
            "ar",
        ];
        let mut keys: Vec<&[u8]> = words.iter().map(|w| w.as_bytes()).collect();
        let mut ids: Vec<usize> = (0..words.len()).collect();
        sort_together(&mut keys, &mut ids);
        for prefix in [
            "arbeit",
            "arbeits",
            "ar",
            "a",
            "",
            "kern",
            "z",
            "arbeitszeitx",
        ] {
            let mut found = with_prefix(&keys, &ids, prefix.as_bytes()).to_vec();
            found.sort_unstable();
            let expected: Vec<usize> = (0..words.len())
                .filter(|&i| words[i].starts_with(prefix))
                .collect();
            assert_eq!(found, expected, "{prefix}");
        }
    }
}
