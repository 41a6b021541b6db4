//! Vocabulary lists: the article's key terms in the form learners must learn them
//! (**die Lieferkette, -n — supply chain**), each with a meaning.
//!
//! Every content word of the article body is analysed by the [`lexicon`](crate::lexicon) and
//! grouped by lemma (`collect`: elliptical coordination completed, separated particles joined
//! to their verbs, a compound with a name in front counted as its head). Names of people,
//! places, parties and companies, numbers, units, currencies, weekdays and months are left out
//! (with `all` they are listed). The words are ranked by how central they are to the article
//! (`rank`: keyness against the background table, repetition also inside compounds, the lead,
//! families of compounds; then domain, part of speech and level), and the default list keeps
//! those whose relevance is a good share of the best ones'. Each entry gets a meaning
//! (`meaning`): an English gloss in the sense the article uses, or a German definition from
//! Wiktionary; entries without either are left out of the default list. Words the learner
//! knows ([`KnownWords`]) are left out.
//!
//! ```
//! use kernsatz::{Document, IdfTable};
//! use kernsatz::vocab::{VocabOptions, vocabulary};
//!
//! let text = std::fs::read_to_string("examples/japan-usa-wirtschaftssicherheit.txt").unwrap();
//! let doc = Document::new(text).unwrap();
//! let list = vocabulary(&doc, IdfTable::embedded(), &VocabOptions::default());
//! let lk = list.iter().find(|e| e.lemma == "Lieferkette").unwrap();
//! assert_eq!(lk.display(), "die Lieferkette, -n — supply chain");
//! assert!(list.iter().all(|e| e.gloss.is_some() || e.definition_de.is_some()));
//! ```

mod collect;
mod known;
mod meaning;
mod merge;
mod rank;

use std::cell::OnceCell;
use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

use serde::Serialize;

use crate::document::Document;
use crate::idf::IdfTable;
use crate::lexicon::{Analysis, Category, Gender, Level, Pos, grammar, lexicon};
use crate::score::SentenceScore;
use crate::tokenize::TokenKind;

pub use known::KnownWords;
pub use merge::{MergedVocabulary, merge};

/// One entry of the vocabulary list. Serialises to exactly the keys of the JSON format.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VocabEntry {
    /// Dictionary form.
    pub lemma: String,
    /// "noun", "verb", "adj" or "other".
    pub pos: &'static str,
    /// "m", "f", "n", "pl" (plural-only nouns) or null.
    pub gender: Option<&'static str>,
    /// "der", "die", "das" or null.
    pub article: Option<&'static str>,
    /// Nominative plural, or null.
    pub plural: Option<String>,
    /// English gloss in the sense the article uses, or null.
    pub gloss: Option<String>,
    /// The gloss is composed from the glosses of the compound's parts ("energy company"), not
    /// written for the word.
    pub gloss_composed: bool,
    /// German definition (German Wiktionary) in the sense the article uses, when there is no
    /// English gloss; or null.
    pub definition_de: Option<String>,
    /// IPA transcription of the lemma (German Wiktionary), or null.
    pub ipa: Option<String>,
    /// Subject area of the word in this sense, or null.
    pub category: Option<&'static str>,
    /// A1…C2, or null.
    pub level: Option<&'static str>,
    /// Occurrences in the article body.
    pub count: usize,
    /// The forms seen, in order of first occurrence.
    pub forms: Vec<String>,
    /// The first sentence of the article that contains the word, on one line; a sentence
    /// longer than [`MAX_EXAMPLE_BYTES`] is cut to a window around the word, marked with `…`.
    pub example: String,
    /// Compound parts, or empty.
    pub parts: Vec<String>,
    /// Ranking score (not serialised).
    #[serde(skip)]
    pub score: f32,
    /// Domain term (or compound of one)?
    #[serde(skip)]
    pub domain: bool,
    /// Index of the first sentence it occurs in.
    #[serde(skip)]
    pub sentence_index: usize,
    /// Byte offsets into the article of the example (the sentence, or the window of it).
    #[serde(skip)]
    pub example_span: (usize, usize),
    /// Byte offsets into the article of every occurrence (a truncated word of an elliptical
    /// coordination with its hyphen; a particle verb at its finite verb).
    #[serde(skip)]
    pub occurrences: Vec<(usize, usize)>,
}

/// Most Wiktionary senses of a word whose German definition, one sense the vocabulary chose
/// among them, stands for its meaning where no English gloss is sure
/// ([`VocabEntry::sense_over_gloss`]; the worksheet's hints too): the first of two or three
/// senses is mostly the one news text uses (*Blüte* as a forged banknote beside the flower is
/// chosen by the article's words), while among four or more the choice often misses the sense
/// of a set phrase (*unter Berufung auf* is no vocation, *im Mittelfeld* no middling quality).
pub const CHOSEN_SENSE_MAX_SENSES: usize = 3;

impl VocabEntry {
    /// The learner's headword: `die Lieferkette` for nouns, the lemma otherwise. A noun declined
    /// like an adjective, listed in its strong form (`Verbündeter`, plural `Verbündeten`;
    /// `Inneres`), takes the form that goes with the definite article: `der Verbündete`, `das
    /// Innere`.
    pub fn headword(&self) -> String {
        match self.article {
            Some(a) if self.gender == Some("m") => {
                format!("{a} {}", self.adjectival_weak().unwrap_or(&self.lemma))
            }
            Some(a) if self.gender == Some("n") => {
                format!(
                    "{a} {}",
                    self.adjectival_weak_neuter().unwrap_or(&self.lemma)
                )
            }
            Some(a) if self.gender != Some("pl") => format!("{a} {}", self.lemma),
            Some(a) => format!("{a} {} (pl.)", self.lemma),
            None => self.lemma.clone(),
        }
    }

    /// `Verbündete` for a masculine noun with adjectival declension (`Verbündeter`, plural
    /// `Verbündeten`), `None` for others.
    fn adjectival_weak(&self) -> Option<&str> {
        let weak = self.lemma.strip_suffix('r').filter(|w| w.ends_with('e'))?;
        let plural = self.plural.as_deref()?;
        (plural.strip_suffix('n') == Some(weak)).then_some(weak)
    }

    /// `Innere` for a neuter noun declined like an adjective that the dictionary lists in its
    /// strong form (`Inneres`, `Äußeres`, `Neues`), `None` for others (*Interesse*, *Ereignis*).
    fn adjectival_weak_neuter(&self) -> Option<&str> {
        let weak = self.lemma.strip_suffix('s').filter(|w| w.ends_with('e'))?;
        lexicon().is_adjectival_noun(&self.lemma).then_some(weak)
    }

    /// Compact plural notation of dictionaries: `-n`, `-se`, `¨-e`, `¨`, `-` (same form), or the
    /// whole plural when it is not built from the lemma.
    pub fn plural_short(&self) -> Option<String> {
        let p = self.plural.as_deref()?;
        let base = match self.gender {
            Some("m") => self.adjectival_weak().unwrap_or(&self.lemma),
            _ => &self.lemma,
        };
        Some(plural_short(base, p))
    }

    /// The meaning as a learner reads it: the English gloss (a composed one marked `≈`), else
    /// the German definition; `None` if the entry has neither. (The worksheet's hint shows the
    /// German definition where [`Self::sense_over_gloss`]; the glossary and the Anki cards keep
    /// the gloss: over all entries the vocabulary's choice misses too often, *Vorgänger* as
    /// "die nächstkleinere Zahl", *Prozess* as "in Rechnern ablaufende Programme".)
    pub fn meaning(&self) -> Option<String> {
        match (&self.gloss, &self.definition_de) {
            (Some(g), _) if self.gloss_composed => Some(format!("≈ {g}")),
            (Some(g), _) => Some(g.clone()),
            (None, Some(d)) => Some(d.clone()),
            (None, None) => None,
        }
    }

    /// Whether the German definition is one sense the vocabulary chose for the article: a
    /// sense of the word's own Wiktionary entry, its only one or the one it was sure of among
    /// several, not a list of senses to pick from (`(1) … (2) …`), nor a part's definition.
    pub fn chosen_sense(&self) -> bool {
        self.definition_de.as_deref().is_some_and(|d| {
            !d.contains("(1) ")
                && !d.contains("(2) ")
                && !lexicon().senses(&self.lemma).is_empty()
                && !self.defined_by_a_part()
        })
    }

    /// Whether the German definition, not the English gloss, says what the word means in the
    /// article: the gloss is the domain lexicon's sense of a subject the article is not about
    /// (the vocabulary then adds the Wiktionary senses that fit the article: *Förderung*
    /// "funding" where a text promotes cohesion, *Anrainer* "neighbouring property owner" for
    /// the states around a sea), and the vocabulary chose one of them ([`Self::chosen_sense`])
    /// among at most [`CHOSEN_SENSE_MAX_SENSES`] (among more, the choice often misses: *Abgabe*
    /// as the handing in of votes where a firm saves on levies). The worksheet's hint then
    /// shows that sense (see `cloze::generate`).
    pub fn sense_over_gloss(&self) -> bool {
        let Ok(pos) = self.pos.parse::<Pos>() else {
            return false;
        };
        self.gloss.is_some()
            && !self.gloss_composed
            && self.chosen_sense()
            && lexicon().senses(&self.lemma).len() <= CHOSEN_SENSE_MAX_SENSES
            && lexicon().domain_entry(&self.lemma, pos).is_some()
    }

    /// Whether the German definition is that of a part of the compound (`Regel (in
    /// Abstandsregel): …`), not of the word itself.
    pub fn defined_by_a_part(&self) -> bool {
        self.definition_de
            .as_deref()
            .is_some_and(|d| meaning::is_part_definition(d, &self.lemma))
    }

    /// `die Lieferkette, -n — supply chain` (the meaning only when known).
    pub fn display(&self) -> String {
        let mut s = self.headword();
        if let Some(p) = self.plural_short() {
            s.push_str(", ");
            s.push_str(&p);
        }
        if let Some(m) = self.meaning() {
            s.push_str(" — ");
            s.push_str(&m);
        }
        s
    }
}

/// Compact plural notation (see [`VocabEntry::plural_short`]).
pub fn plural_short(lemma: &str, plural: &str) -> String {
    if plural == lemma {
        return "-".into();
    }
    if let Some(rest) = plural.strip_prefix(lemma) {
        return format!("-{rest}");
    }
    // umlaut plural: the lemma with its last a/o/u/au umlauted is a prefix of the plural
    let umlauted = umlaut_last(lemma);
    if let Some(u) = umlauted
        && let Some(rest) = plural.strip_prefix(u.as_str())
    {
        return if rest.is_empty() {
            "¨".into()
        } else {
            format!("¨-{rest}")
        };
    }
    plural.to_owned()
}

fn umlaut_last(word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let i = chars
        .iter()
        .rposition(|c| matches!(c, 'a' | 'o' | 'u' | 'A' | 'O' | 'U'))?;
    // "au" umlauts its a: Baum → Bäume
    let i = if i > 0 && chars[i] == 'u' && chars[i - 1] == 'a' {
        i - 1
    } else {
        i
    };
    let mut out = chars.clone();
    out[i] = match chars[i] {
        'a' => 'ä',
        'o' => 'ö',
        'u' => 'ü',
        'A' => 'Ä',
        'O' => 'Ö',
        'U' => 'Ü',
        c => c,
    };
    Some(out.into_iter().collect())
}

/// Which words to list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VocabOptions {
    /// List every word of the article, ranked: also words of little relevance, names, numbers,
    /// units, weekdays, months, unknown words and words without a meaning.
    pub all: bool,
    /// At most this many entries (`None` = all that are relevant enough).
    pub limit: Option<usize>,
    /// Only entries whose level is within this range (entries without a level are kept).
    pub levels: Option<(Level, Level)>,
    /// Only entries of this category.
    pub category: Option<Category>,
    /// Words the learner knows: left out.
    pub known: KnownWords,
    /// Keep the words below the relevance cut-off too (ranked after the others): the worksheet
    /// draws its gaps from the ranking and needs more candidates than the list shows.
    pub uncut: bool,
}

/// A word of the article with its relevance, before it becomes an entry.
struct Ranked {
    group: collect::Group,
    score: f32,
}

/// The vocabulary of `doc`, most relevant first.
///
/// Several lists of one article (the vocabulary list and the worksheet's candidates, as in
/// `kernsatz study`) are made faster from one [`Ranking`].
pub fn vocabulary(doc: &Document, idf: &IdfTable, opts: &VocabOptions) -> Vec<VocabEntry> {
    Ranking::for_one_list(doc, idf, opts.all)
        .entries(opts)
        .into_vec()
}

/// The article's words ranked by relevance: the part of [`vocabulary`] that does not depend
/// on which words a list keeps (known words, cut-off, limit, levels, category). Lists of one
/// article made from one ranking are those [`vocabulary`] gives, made without analysing and
/// ranking the article again; the meanings of the words two lists share are found once when
/// the lists agree on what the article is about.
///
/// ```
/// use kernsatz::{Document, IdfTable};
/// use kernsatz::vocab::{Ranking, VocabOptions, vocabulary};
///
/// let text = std::fs::read_to_string("examples/japan-usa-wirtschaftssicherheit.txt").unwrap();
/// let doc = Document::new(text).unwrap();
/// let idf = IdfTable::embedded();
/// let ranking = Ranking::new(&doc, idf, false);
/// let uncut = VocabOptions { uncut: true, ..VocabOptions::default() };
/// assert_eq!(ranking.vocabulary(&VocabOptions::default()), vocabulary(&doc, idf, &VocabOptions::default()));
/// assert_eq!(ranking.vocabulary(&uncut), vocabulary(&doc, idf, &uncut));
/// ```
pub struct Ranking<'a> {
    doc: &'a Document,
    idf: &'a IdfTable,
    /// Every word listed ([`VocabOptions::all`])?
    all: bool,
    /// The words, best first (all the article's words the lists may show, known ones too).
    ranked: Vec<Ranked>,
    /// The verbs of each sentence with their byte offsets, in text order, for the idioms (also
    /// the verbs the learner knows).
    verbs: Vec<Vec<(usize, String)>>,
    /// Whether each ranked word occurs only in idioms (worked out when a list needs it).
    idioms: Vec<OnceLock<bool>>,
    /// Snowball stems of the article's content words, for the meanings.
    stems: HashSet<String>,
    /// The summarizer's sentence scores (default options), which the relevance weighs.
    scores: Vec<SentenceScore>,
    /// Keep the entries made for one list for the next?
    share: bool,
    /// Entries made so far, by index into `ranked`, with the context of their meanings.
    entries: Mutex<EntryCache>,
}

/// Entries of a [`Ranking`] made for the sense context with the key, by index into its words.
type EntryCache = Option<(meaning::ContextKey, Vec<Option<VocabEntry>>)>;

impl<'a> Ranking<'a> {
    /// Analyse and rank the words of `doc` with `idf`; `all` as [`VocabOptions::all`].
    pub fn new(doc: &'a Document, idf: &'a IdfTable, all: bool) -> Ranking<'a> {
        let params = rank::PARAMS;
        let mut groups = collect::groups(doc, all);
        for g in &mut groups {
            participle_adjective(doc, g);
        }
        meaning::participle_of_two_verbs(doc, &mut groups);
        let scores = crate::summarize::Summarizer::new(idf, crate::summarize::Options::default())
            .scores(doc);
        let sentence_scores: Vec<f32> = {
            let mut v = vec![0.0; doc.sentences.len()];
            for s in &scores {
                v[s.index] = s.score;
            }
            v
        };
        let relevance = rank::relevance(doc, &groups, idf, &params, &sentence_scores);
        let mut ranked: Vec<Ranked> = groups
            .into_iter()
            .zip(relevance)
            .filter(|(g, _)| all || !g.name && is_vocabulary(g))
            .map(|(group, (score, _))| Ranked { group, score })
            .collect();
        ranked.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.group.sentence_index.cmp(&b.group.sentence_index))
                .then(a.group.lemma.cmp(&b.group.lemma))
        });
        let mut verbs: Vec<Vec<(usize, String)>> = vec![Vec::new(); doc.sentences.len()];
        if !all {
            for r in ranked.iter().filter(|r| r.group.pos == Pos::Verb) {
                for (&(start, _), &si) in r.group.occurrences.iter().zip(&r.group.sentences) {
                    verbs[si].push((start, r.group.lemma.clone()));
                }
            }
            for v in &mut verbs {
                v.sort();
            }
        }
        Ranking {
            doc,
            idf,
            all,
            idioms: ranked.iter().map(|_| OnceLock::new()).collect(),
            ranked,
            verbs,
            stems: meaning::stems(doc),
            scores,
            share: true,
            entries: Mutex::new(None),
        }
    }

    /// [`Ranking::new`] for a single list: keeps no entries for another.
    pub(crate) fn for_one_list(doc: &'a Document, idf: &'a IdfTable, all: bool) -> Ranking<'a> {
        Ranking {
            share: false,
            ..Ranking::new(doc, idf, all)
        }
    }

    /// Every word ranked ([`VocabOptions::all`])?
    pub fn all(&self) -> bool {
        self.all
    }

    /// The summarizer's sentence scores of the document (`Summarizer::new(idf,
    /// Options::default())` with the ranking's `idf`), in sentence order.
    pub(crate) fn sentence_scores(&self) -> &[SentenceScore] {
        &self.scores
    }

    /// The document ranked.
    pub fn document(&self) -> &'a Document {
        self.doc
    }

    /// The vocabulary list `opts` ask for, most relevant first: the same as [`vocabulary`]
    /// with the document and IDF table of [`Ranking::new`]. (A list with another
    /// [`VocabOptions::all`] than the ranking's is made from a ranking of its own.)
    pub fn vocabulary(&self, opts: &VocabOptions) -> Vec<VocabEntry> {
        if opts.all != self.all {
            return vocabulary(self.doc, self.idf, opts);
        }
        self.entries(opts).into_vec()
    }

    /// The list `opts` ask for, its entries made as they are read (a reader that stops early
    /// makes only those it reads). `opts.all` must be the ranking's.
    pub(crate) fn entries(&self, opts: &VocabOptions) -> Entries<'_> {
        debug_assert_eq!(opts.all, self.all);
        let params = rank::PARAMS;
        let mut kept: Vec<usize> = (0..self.ranked.len()).collect();
        if !opts.known.is_empty() {
            kept.retain(|&i| {
                let g = &self.ranked[i].group;
                !opts.known.knows(&g.lemma, &g.forms)
            });
        }
        // the default list: the words whose relevance is a good share of the best ones' (with
        // a limit, the list ends at whichever comes first)
        if !self.all {
            let scores: Vec<f32> = kept.iter().map(|&i| self.ranked[i].score).collect();
            let cut = if opts.uncut {
                f32::NEG_INFINITY
            } else {
                relevance_floor(&scores, &params)
            };
            // the sense context needs the idiom test of the words that add to its category
            // profile; the others are tested when their entry is read
            kept.retain(|&i| {
                let r = &self.ranked[i];
                let in_profile = r.group.analysis.as_ref().is_some_and(meaning::in_profile);
                r.score >= cut && !(in_profile && self.only_in_idioms(i))
            });
        }
        let terms: Vec<(&Analysis, f32)> = kept
            .iter()
            .filter_map(|&i| {
                let r = &self.ranked[i];
                r.group.analysis.as_ref().map(|a| (a, r.score))
            })
            .collect();
        let ctx = meaning::Context::new(self.doc, &self.stems, &terms);
        let key = ctx.key();
        Entries {
            ranking: self,
            made: kept.iter().map(|_| OnceCell::new()).collect(),
            kept,
            ctx,
            key,
            limit: opts.limit.unwrap_or(usize::MAX),
            levels: opts.levels,
            category: opts.category,
        }
    }

    /// Whether ranked word `i` occurs only in idioms ([`only_in_idioms`]).
    fn only_in_idioms(&self, i: usize) -> bool {
        *self.idioms[i].get_or_init(|| only_in_idioms(self.doc, &self.ranked[i].group, &self.verbs))
    }

    /// The entry of ranked word `i` with its meaning in `ctx` (whose key is `key`): made once
    /// for the context of the first list, for another context anew.
    fn entry(&self, i: usize, ctx: &meaning::Context, key: &meaning::ContextKey) -> VocabEntry {
        let cached = |cache: &EntryCache| {
            cache
                .as_ref()
                .filter(|(k, _)| k == key)
                .and_then(|(_, entries)| entries[i].clone())
        };
        if let Some(e) = cached(&self.lock_entries()) {
            return e;
        }
        let e = entry(self.doc, &self.ranked[i], ctx);
        if !self.share {
            return e;
        }
        let mut cache = self.lock_entries();
        let (k, entries) =
            cache.get_or_insert_with(|| (key.clone(), vec![None; self.ranked.len()]));
        if k == key {
            entries[i] = Some(e.clone());
        }
        e
    }

    fn lock_entries(&self) -> std::sync::MutexGuard<'_, EntryCache> {
        // an entry is stored whole or not at all: a panic elsewhere leaves the cache usable
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// What [`Entries::iter_where`] tests of a word before its entry is made: the fields of its
/// [`VocabEntry`] that do not depend on its meaning.
pub(crate) struct Candidate<'a> {
    pub lemma: &'a str,
    pub pos: &'static str,
    pub level: Option<&'static str>,
}

/// A vocabulary list of a [`Ranking`] whose entries are made when they are first read.
pub(crate) struct Entries<'r> {
    ranking: &'r Ranking<'r>,
    /// The words of the list before its meanings are known: indexes into the ranking.
    kept: Vec<usize>,
    /// The sense context of the list's words, and its key.
    ctx: meaning::Context<'r>,
    key: meaning::ContextKey,
    /// Per word of `kept`: its entry, if the list shows it; made when first read.
    made: Vec<OnceCell<Option<VocabEntry>>>,
    limit: usize,
    levels: Option<(Level, Level)>,
    category: Option<Category>,
}

impl Entries<'_> {
    /// The entries, most relevant first.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &VocabEntry> {
        (0..self.kept.len())
            .filter_map(|k| self.get(k))
            .take(self.limit)
    }

    /// The entries whose facts known before the meaning is worked out ([`Candidate`]: lemma,
    /// part of speech, level) pass `keep`, most relevant first:
    /// [`Entries::iter`] filtered by the same test, without making the entries (meanings) of
    /// the words it leaves out. With a limit the words left out count towards it, so every
    /// entry is made as in [`Entries::iter`].
    pub(crate) fn iter_where<'s>(
        &'s self,
        keep: impl Fn(&Candidate) -> bool + 's,
    ) -> impl Iterator<Item = &'s VocabEntry> + 's {
        let unlimited = self.limit == usize::MAX;
        let keep = std::rc::Rc::new(keep);
        let again = std::rc::Rc::clone(&keep);
        (0..self.kept.len())
            .filter(move |&k| {
                if !unlimited {
                    return true;
                }
                let g = &self.ranking.ranked[self.kept[k]].group;
                keep(&Candidate {
                    lemma: &g.lemma,
                    pos: g.pos.as_str(),
                    level: g
                        .analysis
                        .as_ref()
                        .and_then(|a| a.level)
                        .map(|l| l.as_str()),
                })
            })
            .filter_map(|k| self.get(k))
            .take(self.limit)
            // (without a limit the words were tested before their entries were made)
            .filter(move |e| {
                unlimited
                    || again(&Candidate {
                        lemma: &e.lemma,
                        pos: e.pos,
                        level: e.level,
                    })
            })
    }

    /// The entry of word `k` of `kept`, if the list shows it.
    fn get(&self, k: usize) -> Option<&VocabEntry> {
        self.made[k]
            .get_or_init(|| {
                let r = self.ranking;
                // a word that occurs only in idioms is no term of the article
                if !r.all && r.only_in_idioms(self.kept[k]) {
                    return None;
                }
                let e = r.entry(self.kept[k], &self.ctx, &self.key);
                if !r.all && e.gloss.is_none() && e.definition_de.is_none() {
                    return None;
                }
                let level_ok = match (self.levels, e.level.and_then(|l| l.parse::<Level>().ok())) {
                    (Some((lo, hi)), Some(l)) => lo <= l && l <= hi,
                    _ => true,
                };
                let cat_ok = self.category.is_none_or(|c| e.category == Some(c.as_str()));
                (level_ok && cat_ok).then_some(e)
            })
            .as_ref()
    }

    /// The whole list.
    pub(crate) fn into_vec(self) -> Vec<VocabEntry> {
        let n = self.iter().count();
        let entries: Vec<VocabEntry> = self
            .made
            .into_iter()
            .filter_map(|e| e.into_inner().flatten())
            .collect();
        debug_assert_eq!(entries.len(), n);
        entries
    }
}

/// Bound of the per-thread memo of [`stem`].
const STEMS_MAX: usize = 50_000;

thread_local! {
    static STEMS: crate::memo::MemoCell<std::rc::Rc<str>> = Default::default();
}

/// The Snowball stem of a lowercase word ([`crate::tokenize::stem`]), memoised per thread: the
/// meanings stem every word of every definition of a word, and definitions share their words.
pub(super) fn stem(lower: &str) -> std::rc::Rc<str> {
    crate::memo::memoised(&STEMS, lower, STEMS_MAX, || {
        crate::tokenize::stem(lower).into()
    })
}

/// Whether a word of the article can be key vocabulary: a noun, verb or adjective (or a domain
/// term) the lexicon knows; no unit, currency, weekday, month, number word (`not_vocabulary.tsv`,
/// and the units, weekdays and months of [`grammar`]), adjective or noun
/// of a place (*syrisch*, *Kärntner*), or abbreviation (*GmbH*, *NGO*).
fn is_vocabulary(g: &collect::Group) -> bool {
    let lex = lexicon();
    let Some(a) = &g.analysis else {
        return false;
    };
    let abbreviation =
        !g.lemma.contains('-') && g.lemma.chars().filter(|c| c.is_uppercase()).count() >= 2;
    (matches!(a.pos, Pos::Noun | Pos::Verb | Pos::Adj) || a.domain)
        && !abbreviation
        && !lex.not_vocabulary(&g.lemma).is_some_and(|n| n.never())
        && !grammar::is_unit(&g.lemma)
        && !grammar::is_weekday_or_month(&g.lemma)
        && !lex.is_place_derived(&g.lemma, a.pos)
        && !date_compound(a)
        && !inflected_isch_adjective(&g.lemma, a)
}

/// Whether every occurrence of a noun is inside an idiom of the German Wiktionary (*Sie sollen
/// unter die Lupe von Juristen genommen werden*: *etwas unter die Lupe nehmen*; *hinter den
/// Kulissen*; *das Licht der Welt erblicken*): the noun's own meaning (a magnifying glass) is
/// not what the article says, so it is no term of the article. A window of two to four words
/// around the noun is looked up as written when it has a function word, and with the
/// infinitive of a verb of the sentence after it, each also after *etwas*, *jemanden*,
/// *jemandem* or *sich*. Nouns used more than twice are the article's subject, not an idiom's;
/// a noun with a figurative sense of its own (*Fettnäpfchen*) is listed in that sense.
fn only_in_idioms(doc: &Document, g: &collect::Group, verbs: &[Vec<(usize, String)>]) -> bool {
    const OBJECTS: [&str; 5] = ["", "etwas ", "jemanden ", "jemandem ", "sich "];
    let lex = lexicon();
    // idioms have simple nouns (a compound is a term of its own)
    let simple = g.analysis.as_ref().is_some_and(|a| a.parts.len() < 2);
    if g.pos != Pos::Noun || !simple || g.count > 2 || g.occurrences.is_empty() {
        return false;
    }
    // a noun with a figurative sense of its own is listed in that sense (*ins Fettnäpfchen
    // treten*: "übertragen: peinliche Situation")
    if lex
        .senses(&g.lemma)
        .iter()
        .any(|s| s.text.contains("übertragen") || s.text.contains("figurativ"))
    {
        return false;
    }
    let found = |p: &str| !lex.senses(p).is_empty();
    let mut key = String::new();
    g.occurrences
        .iter()
        .zip(&g.sentences)
        .all(|(&(start, _), &si)| {
            let tokens = &doc.sentences[si].tokens;
            let k = tokens.partition_point(|t| t.start < start);
            if tokens.get(k).is_none_or(|t| t.start != start) {
                return false;
            }
            let word = |i: usize| {
                let t = &tokens[i];
                // the first word of a sentence is capitalised anyway
                if i == 0 && i != k {
                    t.lower()
                } else {
                    t.surface(&doc.text)
                }
            };
            // the sentence's verbs near the noun: an idiom's verb stands in its clause, and a
            // one-sentence text of megabytes has thousands of verbs
            let verbs = verbs.get(si).map(Vec::as_slice).unwrap_or_default();
            let near = verbs.partition_point(|(at, _)| *at + IDIOM_VERB_WINDOW < start)
                ..verbs.partition_point(|(at, _)| *at <= start + IDIOM_VERB_WINDOW);
            let verbs = &verbs[near];
            // (object, from, to) of the windows no key starts with (then with a verb): no
            // longer window from the same word has one either
            let mut dead: Vec<(usize, usize, usize)> = Vec::new();
            (2..=4).any(|len| {
                (k.saturating_sub(len - 1)..=k).any(|from| {
                    let to = from + len;
                    if to > tokens.len()
                        || tokens[from..to].iter().any(|t| t.kind != TokenKind::Word)
                    {
                        return false;
                    }
                    let phrase = (from..to).map(word).collect::<Vec<_>>().join(" ");
                    // an adjective and its noun alone are a collocation whose noun means what it
                    // says (*absolute Mehrheit*, *erneuerbare Energie*): an idiom has a function
                    // word (*in Betrieb*, *zu Buche schlagen*) or a verb
                    let function =
                        (from..to).any(|i| i != k && lex.is_function_word(tokens[i].lower()));
                    if function && found(&phrase) {
                        return true;
                    }
                    // with a verb after it, each also after an object: only where the idioms
                    // have a key that starts so (most windows have none)
                    !verbs.is_empty()
                        && OBJECTS.iter().enumerate().any(|(oi, o)| {
                            if dead.iter().any(|&d| d.0 == oi && d.1 == from && d.2 <= to) {
                                return false;
                            }
                            key.clear();
                            key.push_str(o);
                            key.push_str(&phrase);
                            key.push(' ');
                            if !lex.has_senses_with_prefix(&key) {
                                dead.push((oi, from, to));
                                return false;
                            }
                            let len = key.len();
                            verbs.iter().any(|(_, v)| {
                                key.truncate(len);
                                key.push_str(v);
                                found(&key)
                            })
                        })
                })
            })
        })
}

/// An idiom's verb stands at most this many bytes (some 50 words) before or after its noun:
/// within its clause, whatever the length of the sentence around it.
const IDIOM_VERB_WINDOW: usize = 400;

/// Adjective endings of an attributive participle (*traumatisiert-en*).
const ADJECTIVE_ENDINGS: [&str; 5] = ["em", "en", "er", "es", "e"];

/// A verb the article uses only as an attributive participle that dictionaries list as an
/// adjective of its own (*alle traumatisierten Menschen*: the German Wiktionary has
/// *traumatisiert* "an einem Trauma leidend") becomes that adjective: the learner meets and
/// learns *traumatisiert*, not *traumatisieren*. Every occurrence must be the participle with an
/// adjective ending, followed by a capitalised word (its noun): *Der Krieg traumatisierte die
/// Kinder* is the verb.
fn participle_adjective(doc: &Document, g: &mut collect::Group) {
    let lex = lexicon();
    let Some(a) = g.analysis.as_ref() else {
        return;
    };
    if g.pos != Pos::Verb || g.forms.is_empty() {
        return;
    }
    // the one participle of all forms
    let mut participle: Option<String> = None;
    for form in &g.forms {
        let p = ADJECTIVE_ENDINGS
            .iter()
            .filter_map(|e| form.strip_suffix(e))
            .find(|p| p.ends_with('t') || p.ends_with("en") || p.ends_with("end"));
        match (p, &participle) {
            (Some(p), None) => participle = Some(p.to_owned()),
            (Some(p), Some(q)) if p == q => {}
            _ => return,
        }
    }
    let Some(participle) = participle else {
        return;
    };
    // also a present participle (*die entscheidenden Fragen*: *entscheidend*)
    let present = participle == format!("{}d", g.lemma);
    if participle == g.lemma
        || !(present || past_participle_shape(&g.lemma, &participle))
        || lex.senses(&participle).is_empty()
        || lex
            .analyze(&participle)
            .is_none_or(|pa| pa.lemma != a.lemma)
    {
        return;
    }
    // attributive: between a determiner, preposition or adjective and a noun that is no name
    // (*alle traumatisierten Menschen*; not the past tense of *Zudem betonte Merkel*)
    let attributive = g
        .occurrences
        .iter()
        .zip(&g.sentences)
        .all(|(&(start, _), &si)| {
            let tokens = &doc.sentences[si].tokens;
            let i = tokens.partition_point(|t| t.start < start);
            let word = |t: &&crate::tokenize::Token| t.kind == TokenKind::Word;
            i > 0
                && tokens.get(i).is_some_and(|t| t.start == start)
                && tokens
                    .get(i - 1)
                    .filter(word)
                    .is_some_and(|t| !t.capitalized || lex.is_function_word(t.lower()))
                && tokens
                    .get(i + 1)
                    .filter(word)
                    .is_some_and(|t| t.capitalized && !lex.is_proper_name(t.surface(&doc.text)))
        });
    if !attributive {
        return;
    }
    g.analysis = Some(Analysis::adjective(participle.clone()));
    g.lemma = participle;
    g.pos = Pos::Adj;
}

/// Whether `participle` has the shape of a past participle of the verb `lemma`: with *ge-*
/// (*gefälscht*, *angepasst*, *gestohlen*), of a verb in *-ieren* (*traumatisiert*) or of a verb
/// with an inseparable prefix (*beschädigt*, *vergiftet*); not a present tense form that happens
/// to have an adjective's endings (*die vierten*: *vieren*).
fn past_participle_shape(lemma: &str, participle: &str) -> bool {
    const INSEPARABLE: [&str; 8] = ["be", "emp", "ent", "er", "ge", "miss", "ver", "zer"];
    let ieren = lemma
        .strip_suffix("ieren")
        .is_some_and(|stem| stem.chars().count() >= 3 && participle == format!("{stem}iert"));
    let inseparable = INSEPARABLE.iter().any(|p| lemma.starts_with(p))
        && lemma.strip_suffix("en").is_some_and(|stem| {
            participle == format!("{stem}t")
                || participle == format!("{stem}et")
                || participle == lemma
        });
    ieren || inseparable || participle.contains("ge")
}

/// An inflected adjective in *-isch* read as a noun (*Schulpsychologischen* in "an den
/// Schulpsychologischen Dienst", split as *Schulpsychologe* + *Ische*): capitalised inside a
/// name or at the start of a sentence. No noun of the table ends so (*Nische*, *Marktnische*
/// and *Einheimische* are kept: their head does not start with the suffix, or the table knows
/// them); the adjective itself is no term of the article in that form.
fn inflected_isch_adjective(lemma: &str, a: &Analysis) -> bool {
    const ENDINGS: [&str; 5] = ["ische", "ischen", "ischer", "isches", "ischem"];
    let lex = lexicon();
    if a.pos != Pos::Noun || !ENDINGS.iter().any(|e| lemma.ends_with(e)) {
        return false;
    }
    if lex.noun(lemma).is_some() || lex.is_adjectival_noun(lemma) {
        return false;
    }
    match a.parts.last() {
        Some(head) if a.parts.len() >= 2 => head.to_lowercase().starts_with("isch"),
        _ => true,
    }
}

/// A compound of calendar words: *Montagabend*, *Jahresmitte*, *Septemberwoche*.
fn date_compound(a: &Analysis) -> bool {
    use crate::lexicon::NotVocabulary::{Month, Time, Weekday};
    let lex = lexicon();
    if a.pos != Pos::Noun || a.parts.len() < 2 {
        return false;
    }
    let Some(parts) = lex.compound_parts(&a.lemma) else {
        return false;
    };
    let calendar = |lemma: &str, pos| {
        matches!(lex.not_vocabulary(lemma), Some(Month | Time | Weekday))
            || matches!(lemma, "Mitte" | "Ende" | "Anfang" | "Beginn") && pos
    };
    parts.len() >= 2
        && calendar(&parts[0].lemma, false)
        && calendar(&parts[parts.len() - 1].lemma, true)
}

/// The relevance below which a word is not listed by default, given the relevance of the
/// article's words, best first: a share ([`rank::Params::cutoff`]) of the mean relevance of the
/// best five (the article's own key terms), so that the list ends where the words stop being
/// key to the article and an article with few key terms gets a short list; but never fewer
/// than [`rank::Params::min_entries`] words when there are that many.
fn relevance_floor(scores: &[f32], p: &rank::Params) -> f32 {
    const TOP: usize = 5;
    let top = &scores[..scores.len().min(TOP)];
    if top.is_empty() {
        return 0.0;
    }
    let mean = top.iter().sum::<f32>() / top.len() as f32;
    let floor = p.cutoff * mean;
    match scores.get(p.min_entries.saturating_sub(1)) {
        Some(&s) if p.min_entries > 0 => floor.min(s),
        _ => floor,
    }
}

fn entry(doc: &Document, r: &Ranked, ctx: &meaning::Context) -> VocabEntry {
    let lex = lexicon();
    let g = &r.group;
    let a = g.analysis.as_ref();
    let gender: Option<Gender> = a.and_then(|a| a.gender);
    let level = a.and_then(|a| a.level);
    let domain = a.is_some_and(|a| a.domain);
    let m = a
        .map(|a| meaning::meaning(a, &g.sentences, ctx))
        .unwrap_or_default();
    let s = &doc.sentences[g.sentence_index];
    let first = g.occurrences.first().copied().unwrap_or((s.start, s.start));
    let (ex_start, ex_end) = example_span(&doc.text, (s.start, s.end), first);
    let mut example = one_line(&doc.text[ex_start..ex_end]);
    if ex_start > s.start {
        example.insert_str(0, "… ");
    }
    if ex_end < s.end {
        example.push_str(" …");
    }
    VocabEntry {
        pos: g.pos.as_str(),
        gender: gender.map(|x| x.as_str()),
        article: gender.map(|x| x.article()),
        // a compound of an uncountable activity or field noun shows no plural, unless the
        // article uses it (a plural like the singular, *Sozialverhalten*, is no sign of that)
        plural: a
            .and_then(|a| a.plural.clone())
            .filter(|_| !m.no_plural)
            .filter(|p| {
                a.is_none_or(|a| lex.plural_attested(&a.lemma, p, &a.parts))
                    || (g.forms.contains(p) && *p != g.lemma)
            }),
        gloss: m.gloss,
        gloss_composed: m.gloss_composed,
        definition_de: m.definition_de,
        ipa: a.and_then(|_| lex.ipa(&g.lemma)).map(str::to_owned),
        category: m.category.map(|c| c.as_str()),
        level: level.map(|l| l.as_str()),
        count: g.count,
        forms: g.forms.clone(),
        example,
        example_span: (ex_start, ex_end),
        parts: a.map(meaning::shown_parts).unwrap_or_default(),
        score: r.score,
        domain,
        sentence_index: g.sentence_index,
        occurrences: g.occurrences.clone(),
        lemma: g.lemma.clone(),
    }
}

/// Whether token `token` of sentence `sentence` belongs to a name of several words that starts
/// with a capitalised adjective inside the sentence: *die Vereinigten Staaten*, *die Vereinigten
/// Arabischen Emirate*, *das Rote Kreuz*, *die Europäische Zentralbank*, also a hyphenated one
/// (*die Römisch-katholische Zentralkonferenz*: [`hyphenated_adjective`]). German capitalises an
/// adjective before a noun only in a name, so both the adjective and the capitalised words
/// after it are parts of the name, not vocabulary. The first word of a sentence says nothing
/// (it is capitalised anyway).
pub fn in_multiword_name(doc: &Document, sentence: usize, token: usize) -> bool {
    let lex = lexicon();
    let s = &doc.sentences[sentence];
    let toks = &s.tokens;
    let word = |i: usize| toks[i].kind == TokenKind::Word && toks[i].capitalized;
    let adjacent = |i: usize| doc.text[toks[i].end..toks[i + 1].start].trim().is_empty();
    // a capitalised adjective inside the sentence; not a noun (*die Grünen*, *das Recht*),
    // unless a determiner and a common noun after it agree around it: *der Oberste Gerichtshof*
    // (not *der Oberst*), *die Deutsche Bank*; *der Abgeordnete Huber* is a noun before a name
    let adjective = |lower: &str| lex.analyze(lower).is_some_and(|a| a.pos == Pos::Adj);
    let name_adjective = |i: usize| {
        i > 0
            && word(i)
            && (adjective(toks[i].lower()) || hyphenated_adjective(toks[i].lower(), &adjective))
            && (lex
                .analyze(toks[i].surface(&doc.text))
                .is_none_or(|a| a.pos != Pos::Noun)
                || determiner_and_noun_agree(doc, s, i))
    };
    if !word(token) {
        return false;
    }
    // walk left over capitalised adjacent words to one that is a capitalised adjective
    let mut i = token;
    loop {
        if i != token && name_adjective(i) {
            return true;
        }
        if i == 0 || !word(i - 1) || !adjacent(i - 1) {
            break;
        }
        i -= 1;
    }
    // the adjective itself, followed by a capitalised word
    token + 1 < toks.len() && word(token + 1) && adjacent(token) && name_adjective(token)
}

/// Whether a word is a hyphenated compound of adjectives (*römisch-katholische*,
/// *christlich-soziale*, *liberal-demokratische*), every segment one; capitalised inside a
/// sentence it starts a name (*die Römisch-katholische Zentralkonferenz*) as a capitalised
/// adjective of one word does.
fn hyphenated_adjective(lower: &str, adjective: &impl Fn(&str) -> bool) -> bool {
    lower.contains('-')
        && lower
            .split('-')
            .all(|seg| seg.chars().count() >= 3 && adjective(seg))
}

/// Whether token `i` (an adjective that is also a noun form: *Oberste*, *Deutsche*) stands
/// between a determiner and a common noun of a gender that determiner can go with, all three
/// adjacent: *der Oberste Gerichtshof*, *beim Obersten Gerichtshof*. (*den Reisenden Auskunft
/// geben* does not agree: *den* is no determiner of a feminine noun.)
fn determiner_and_noun_agree(doc: &Document, s: &crate::document::Sentence, i: usize) -> bool {
    let toks = &s.tokens;
    let text = doc.text.as_str();
    // an inflected adjective (*Oberste*, *Deutschen*; not *Duell*, *Herbst*, which the lexicon
    // also reads as adjectives)
    if i == 0
        || i + 1 >= toks.len()
        || !["e", "en", "er", "es", "em"]
            .iter()
            .any(|e| toks[i].lower().ends_with(e))
    {
        return false;
    }
    let (det, next) = (&toks[i - 1], &toks[i + 1]);
    let spaced =
        |a: &crate::tokenize::Token, b: &crate::tokenize::Token| text[a.end..b.start] == *" ";
    if det.kind != TokenKind::Word
        || next.kind != TokenKind::Word
        || !next.capitalized
        || !spaced(det, &toks[i])
        || !spaced(&toks[i], next)
    {
        return false;
    }
    let genders: &[Gender] = match det.lower() {
        "der" => &[Gender::M, Gender::F],
        "die" | "zur" => &[Gender::F],
        "das" | "ins" => &[Gender::N],
        "des" | "dem" | "im" | "am" | "beim" | "vom" | "zum" => &[Gender::M, Gender::N],
        "den" => &[Gender::M],
        _ => return false,
    };
    let lex = lexicon();
    let surface = next.surface(text);
    !lex.is_proper_name(surface)
        && lex
            .analyze(surface)
            .is_some_and(|a| a.pos == Pos::Noun && a.gender.is_some_and(|g| genders.contains(&g)))
}

/// Longest example in bytes (about 80 words): a longer sentence is cut to a window around the
/// word, so that an entry never copies a pathological sentence (a text without punctuation).
pub const MAX_EXAMPLE_BYTES: usize = 600;

/// The byte range of `text` to show as the example of the word at `word` within the sentence
/// `sentence`: the sentence itself, or a window of at most [`MAX_EXAMPLE_BYTES`] around the
/// word, cut at spaces.
pub fn example_span(text: &str, sentence: (usize, usize), word: (usize, usize)) -> (usize, usize) {
    let (s, e) = sentence;
    if e - s <= MAX_EXAMPLE_BYTES {
        return (s, e);
    }
    let mid = (word.0 + word.1) / 2;
    let mut start = mid.saturating_sub(MAX_EXAMPLE_BYTES / 2).clamp(s, e);
    let mut end = (start + MAX_EXAMPLE_BYTES).min(e);
    start = end.saturating_sub(MAX_EXAMPLE_BYTES).max(s);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // whole words only: after the first space of the window, before its last one
    if start > s
        && let Some(i) = text[start..word.0.max(start)].find(char::is_whitespace)
    {
        start += i + 1;
    }
    if end < e
        && let Some(i) = text[word.1.min(end)..end].rfind(char::is_whitespace)
    {
        end = word.1.min(end) + i;
    }
    (start, end)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_sentences_give_a_window_around_the_word() {
        let words: Vec<String> = (0..400).map(|i| format!("wort{i}")).collect();
        let text = words.join(" ");
        let at = text.find("wort200").unwrap();
        let (s, e) = example_span(&text, (0, text.len()), (at, at + 7));
        assert!(e - s <= MAX_EXAMPLE_BYTES, "{}", e - s);
        assert!(s < at && at + 7 < e);
        // cut at spaces: whole words only
        assert!(text[s..].starts_with("wort") && text[..e].ends_with(char::is_alphanumeric));
        assert_eq!(text.as_bytes()[s - 1], b' ');
        assert_eq!(text.as_bytes()[e], b' ');
        // a short sentence is kept whole
        assert_eq!(example_span(&text, (0, 30), (5, 10)), (0, 30));
    }

    #[test]
    fn the_default_list_ends_where_the_words_stop_being_key() {
        let p = rank::PARAMS;
        assert!(p.cutoff > 0.0 && p.min_entries > 0);
        // a steep fall after the key terms: the floor is a share of the best five's mean
        let mut scores = vec![100.0, 90.0, 80.0, 70.0, 60.0];
        scores.extend((0..30).map(|i| 40.0 / (i + 1) as f32));
        let floor = relevance_floor(&scores, &p);
        assert!((floor - p.cutoff * 80.0).abs() < 1e-3, "{floor}");
        let kept = scores.iter().filter(|&&s| s >= floor).count();
        assert!(kept > p.min_entries && kept < scores.len(), "{kept}");
        // never fewer than `min_entries` words when there are that many
        let mut few = vec![1000.0; 3];
        few.extend([1.0; 20]);
        let floor = relevance_floor(&few, &p);
        assert_eq!(few.iter().filter(|&&s| s >= floor).count(), few.len());
        assert!(relevance_floor(&few[..2], &p) > 1.0);
        assert_eq!(relevance_floor(&[], &p), 0.0);
    }

    #[test]
    fn lists_from_one_ranking_are_the_vocabulary() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/japan-usa-wirtschaftssicherheit.txt"
        ))
        .unwrap();
        let doc = Document::new(text).unwrap();
        let idf = IdfTable::embedded();
        let mut known = KnownWords::new();
        known.insert("Lieferkette");
        known.insert("Wirtschaft");
        let options = [
            VocabOptions::default(),
            VocabOptions {
                uncut: true,
                known: known.clone(),
                ..VocabOptions::default()
            },
            VocabOptions {
                limit: Some(5),
                known,
                ..VocabOptions::default()
            },
            VocabOptions {
                uncut: true,
                levels: Some((Level::B2, Level::C2)),
                ..VocabOptions::default()
            },
            VocabOptions {
                all: true,
                limit: Some(30),
                ..VocabOptions::default()
            },
        ];
        let expected: Vec<Vec<VocabEntry>> =
            options.iter().map(|o| vocabulary(&doc, idf, o)).collect();
        assert!(expected.iter().all(|list| !list.is_empty()));
        assert!(expected[1].len() > expected[0].len());
        // in either order: entries are reused only for the same context
        let ranking = Ranking::new(&doc, idf, false);
        for (o, list) in options.iter().zip(&expected) {
            assert_eq!(&ranking.vocabulary(o), list, "{o:?}");
        }
        let ranking = Ranking::new(&doc, idf, false);
        for (o, list) in options.iter().zip(&expected).rev() {
            assert_eq!(&ranking.vocabulary(o), list, "{o:?}");
        }
    }

    #[test]
    fn inflected_isch_adjectives_are_no_nouns() {
        let analysis = |lemma: &str, parts: &[&str]| Analysis {
            lemma: lemma.into(),
            pos: Pos::Noun,
            gender: None,
            plural: None,
            gloss: None,
            gloss_composed: false,
            category: None,
            level: None,
            zipf: None,
            parts: parts.iter().map(|s| s.to_string()).collect(),
            domain: false,
            synonyms: Vec::new(),
        };
        for (lemma, parts) in [
            ("Schulpsychologische", &["Schulpsycholog", "ische"][..]),
            ("Kulturpolitischen", &[][..]),
        ] {
            assert!(
                inflected_isch_adjective(lemma, &analysis(lemma, parts)),
                "{lemma}"
            );
        }
        for (lemma, parts) in [
            ("Nische", &[][..]),
            ("Marktnische", &["Markt", "nische"][..]),
            ("Lieferkette", &["Liefer", "kette"][..]),
        ] {
            assert!(
                !inflected_isch_adjective(lemma, &analysis(lemma, parts)),
                "{lemma}"
            );
        }
    }

    #[test]
    fn past_participles_have_their_shape() {
        for (verb, participle) in [
            ("traumatisieren", "traumatisiert"),
            ("fälschen", "gefälscht"),
            ("anpassen", "angepasst"),
            ("stehlen", "gestohlen"),
            ("beschädigen", "beschädigt"),
            ("vergiften", "vergiftet"),
        ] {
            assert!(past_participle_shape(verb, participle), "{participle}");
        }
        assert!(!past_participle_shape("vieren", "viert"));
        assert!(!past_participle_shape("machen", "macht"));
    }

    #[test]
    fn plural_notation() {
        assert_eq!(plural_short("Lieferkette", "Lieferketten"), "-n");
        assert_eq!(plural_short("Bündnis", "Bündnisse"), "-se");
        assert_eq!(plural_short("Vertrag", "Verträge"), "¨-e");
        assert_eq!(plural_short("Apfel", "Äpfel"), "¨");
        assert_eq!(plural_short("Minister", "Minister"), "-");
        assert_eq!(plural_short("Baum", "Bäume"), "¨-e");
        assert_eq!(plural_short("Museum", "Museen"), "Museen");
    }

    fn noun(lemma: &str, gender: &'static str, plural: &str) -> VocabEntry {
        VocabEntry {
            lemma: lemma.into(),
            pos: "noun",
            gender: Some(gender),
            article: Some(gender.parse::<Gender>().unwrap().article()),
            plural: Some(plural.into()),
            gloss: None,
            gloss_composed: false,
            definition_de: None,
            ipa: None,
            category: None,
            level: None,
            count: 1,
            forms: vec![lemma.into()],
            example: String::new(),
            parts: Vec::new(),
            score: 0.0,
            domain: true,
            sentence_index: 0,
            example_span: (0, 0),
            occurrences: Vec::new(),
        }
    }

    #[test]
    fn a_sense_chosen_in_place_of_a_domain_gloss_in_doubt_is_one_sense() {
        let mut e = noun("Förderung", "f", "Förderungen");
        e.gloss = Some("funding, promotion".into());
        // one sense the vocabulary chose for the article: it is what the word means there
        e.definition_de = Some("finanzielle, moralische oder emotionale Unterstützung".into());
        assert!(e.chosen_sense());
        assert!(e.sense_over_gloss());
        // a list of senses to pick from: the gloss stays
        e.definition_de = Some("(1) Unterstützung (2) Gewinnung von Bodenschätzen".into());
        assert!(!e.chosen_sense());
        assert!(!e.sense_over_gloss());
        // a gloss composed from the parts' is no domain gloss in doubt
        e.definition_de = Some("finanzielle, moralische oder emotionale Unterstützung".into());
        e.gloss_composed = true;
        assert!(!e.sense_over_gloss());
        // the definition of a compound's head is no sense of the word's own
        let mut k = noun("Konsumentenschutzverband", "m", "Konsumentenschutzverbände");
        k.definition_de = Some("Verband (in Konsumentenschutzverband): Organisation".into());
        assert!(!k.chosen_sense());
    }

    #[test]
    fn adjectival_nouns_take_the_weak_form_after_der() {
        assert_eq!(
            noun("Verbündeter", "m", "Verbündeten").display(),
            "der Verbündete, -n"
        );
        assert_eq!(
            noun("US-Beamter", "m", "US-Beamten").display(),
            "der US-Beamte, -n"
        );
        assert_eq!(noun("Lehrer", "m", "Lehrer").display(), "der Lehrer, -");
        assert_eq!(noun("Bauer", "m", "Bauern").display(), "der Bauer, -n");
        assert_eq!(
            noun("Verbündete", "f", "Verbündeten").display(),
            "die Verbündete, -n"
        );
        // a neuter one (*für Inneres*) after *das*; a neuter in -es that is no adjective stays
        let mut inneres = noun("Inneres", "n", "");
        inneres.plural = None;
        assert_eq!(inneres.display(), "das Innere");
        let mut erlebnis = noun("Erlebnis", "n", "");
        erlebnis.plural = None;
        assert_eq!(erlebnis.display(), "das Erlebnis");
        let mut kuerbis = noun("Kürbis", "m", "");
        kuerbis.plural = None;
        assert_eq!(kuerbis.display(), "der Kürbis");
    }
}
