//! The German lexicon: lemmas, gender and plural of nouns, word frequencies and levels,
//! compounds, proper names, and a hand-written domain lexicon of economics and politics.
//!
//! All data is embedded in the binary (`data/lexicon/`, 4.3 MB) and nothing big is parsed: the
//! big tables (nouns, frequencies, Wiktionary's names) are sorted text files that are
//! binary-searched in place. [`lexicon()`] builds the small parts (domain lexicon, name,
//! function-word and irregular-verb lists, paradigm line table) on first use, in about 2 ms
//! (release build); a noun analysis then takes tens of microseconds. Callers that analyse the
//! same word often should cache by surface.
//!
//! ```
//! use kernsatz::lexicon::{lexicon, Gender, Pos};
//!
//! let lex = lexicon();
//! let a = lex.analyze("Lieferketten").unwrap();
//! assert_eq!(a.lemma, "Lieferkette");
//! assert_eq!((a.pos, a.gender), (Pos::Noun, Some(Gender::F)));
//! assert_eq!(a.plural.as_deref(), Some("Lieferketten"));
//! assert!(a.domain);
//! assert_eq!(lex.split_compound("Versorgungssicherheit").unwrap(), ["Versorgungs", "sicherheit"]);
//! assert!(lex.is_proper_name("Kishida"));
//! ```
//!
//! Sources and licences: nouns and names from the German Wiktionary via the PyPI package
//! german-nouns (CC BY-SA 4.0), frequencies from wordfreq (CC BY-SA 4.0), the domain lexicon
//! and the small hand-written lists by the kernsatz developers. See `data/lexicon/README.md`.
//!
//! The crate-internal module `background` holds the other embedded word data: the background
//! table of document frequencies (`data/idf/`, wordfreq) with the Snowball stems of its words,
//! which the tokenizer and [`IdfTable::embedded`](crate::idf::IdfTable::embedded) build on.

// `collect` and `encode` are for the build script (and the tests)
#[allow(dead_code)]
mod abstract_words;
pub(crate) mod background;
mod compound;
mod domain;
mod endings;
mod freq;
mod glosses;
pub mod grammar;
mod morph;
pub(crate) use morph::IRREGULAR_VERBS_TSV;
mod names;
mod not_vocabulary;
mod nouns;
mod senses;
// `build` and `slots` are for the build script (and the tests)
#[allow(dead_code)]
mod key_index;
mod sorted;
mod sources;
mod types;
mod wiktionary;
mod word_list;

use std::sync::LazyLock;

pub(crate) use compound::capitalize;
pub use compound::{CompoundPart, PartKind};
pub use domain::DomainEntry;
pub use freq::{LEVEL_THRESHOLDS, level_for_zipf};
pub use names::NameKind;
pub(crate) use names::genitive_bases;
pub use not_vocabulary::NotVocabulary;
pub(crate) use nouns::slot_index;
pub use senses::{Cue, DomainSense};
pub use sources::{DataSource, data_sources};
pub use types::{Case, Category, Gender, Level, Number, Pos};
pub use wiktionary::Sense;

use domain::Domain;
use freq::Freq;
use glosses::Glosses;
use morph::Morph;
use names::Names;
use not_vocabulary::NotVocabularyList;
use nouns::{Nouns, Variant};
use senses::Senses;
use wiktionary::Wiktionary;
#[cfg(test)]
pub(crate) use word_list::checked as checked_word_list;
pub(crate) use word_list::word_list;

/// What the lexicon knows about a word as it appears in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// Dictionary form: nominative singular of nouns (plural for plural-only nouns),
    /// infinitive of verbs, positive of adjectives.
    pub lemma: String,
    /// Part of speech.
    pub pos: Pos,
    /// Gender (nouns).
    pub gender: Option<Gender>,
    /// Nominative plural (nouns that have one; `None` for plural-only nouns).
    pub plural: Option<String>,
    /// English gloss: a domain entry's, or for a compound of domain words with plain glosses
    /// (one sense, a word or two each) their glosses composed in English order ("energy
    /// company"); see `gloss_composed`.
    pub gloss: Option<String>,
    /// The gloss is composed from the compound's parts' glosses, not written for the word.
    pub gloss_composed: bool,
    /// Subject area (domain words and compounds with a domain part).
    pub category: Option<Category>,
    /// Difficulty level: the domain entry's, else from the lemma's frequency, else (unknown
    /// compounds) the hardest part's; C2 for known words rarer than the frequency list.
    pub level: Option<Level>,
    /// Zipf frequency of the lemma, summed over its forms (see `data/lexicon/README.md`).
    pub zipf: Option<f32>,
    /// Compound parts of the lemma as written (`["Versorgungs", "sicherheit"]`); empty if the
    /// word is no compound.
    pub parts: Vec<String>,
    /// True for domain lemmas and compounds with a domain part.
    pub domain: bool,
    /// Domain synonyms (lemmas that would also fit a gap).
    pub synonyms: Vec<String>,
}

impl Analysis {
    /// An adjective known by its lemma alone (a participle or an adjective the text uses where
    /// the lexicon's first reading is another word): level and frequency from the lexicon,
    /// nothing else.
    pub(crate) fn adjective(lemma: String) -> Analysis {
        let lex = lexicon();
        Analysis {
            pos: Pos::Adj,
            gender: None,
            plural: None,
            gloss: None,
            gloss_composed: false,
            category: None,
            level: lex.level(&lemma),
            zipf: lex.zipf(&lemma),
            parts: Vec::new(),
            domain: false,
            synonyms: Vec::new(),
            lemma,
        }
    }
}

/// The lexicon; get the shared instance with [`lexicon()`].
#[derive(Debug)]
pub struct Lexicon {
    nouns: Nouns,
    freq: Freq,
    domain: Domain,
    glosses: Glosses,
    names: Names,
    morph: Morph,
    wiktionary: Wiktionary,
    not_vocabulary: NotVocabularyList,
    senses: Senses,
    /// The defined nouns by their ending (built when a corpus asks for them often).
    by_ending: endings::ByEnding,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

/// Bound of the per-thread memos of [`Lexicon::analyze`] and [`Lexicon::is_proper_name`].
const MEMO_MAX: usize = 100_000;

/// Longest word (in bytes) the lexicon analyses. German's long compounds have 40–70 letters
/// (*Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz*: 63); a longer "word"
/// is a run of text without spaces (a URL, a hash, glued words), and splitting it would take
/// time quadratic in its length. It is left unanalysed, like a word the lexicon does not know.
pub const MAX_WORD_BYTES: usize = 120;

thread_local! {
    static ANALYSES: crate::memo::MemoCell<Option<Analysis>> = Default::default();
    static NAMES: crate::memo::MemoCell<bool> = Default::default();
    static NOUNS_MEMO: crate::memo::MemoCell<Option<Analysis>> = Default::default();
}
static ANALYSES_SHARED: crate::memo::SharedCell<Option<Analysis>> =
    crate::memo::SharedCell::new(Default::default);
static NAMES_SHARED: crate::memo::SharedCell<bool> = crate::memo::SharedCell::new(Default::default);
static NOUNS_MEMO_SHARED: crate::memo::SharedCell<Option<Analysis>> =
    crate::memo::SharedCell::new(Default::default);

/// `a` followed by `b`: `format!("{a}{b}")` without the formatting machinery (the compound
/// splits and the morphology build hundreds of thousands of candidate words).
pub(crate) fn concat(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len());
    s.push_str(a);
    s.push_str(b);
    s
}

/// The shared lexicon, built from the embedded data on first use.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// `noun_suffixes.txt`: suffixes of German nouns (with plural forms), which names hardly have:
/// Aussendung, Adaptierung are unknown nouns, not names. Written by the kernsatz developers
/// (MIT OR Apache-2.0).
const NOUN_SUFFIXES_TXT: &str = include_str!("../../data/lexicon/noun_suffixes.txt");
static NOUN_SUFFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(NOUN_SUFFIXES_TXT).collect());

fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Lowercases the first letter only (Lieferketten → lieferketten in a compound).
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Whether a gloss is plain enough to compose: one sense (no comma, semicolon, slash or
/// parenthesis), at most `words` words, no verb ("to …").
fn plain_gloss(gloss: &str, words: usize) -> bool {
    !gloss.contains([',', ';', '/', '(', ')', '+'])
        && !gloss.starts_with("to ")
        && gloss.split_whitespace().count() <= words
}

/// The English gloss of a compound composed from its parts' domain glosses, in English order
/// (modifiers, then the head: Energie + Unternehmen → "energy company"), when every modifier is
/// a noun or adjective with a plain gloss and the head's gloss is plain; `None` otherwise
/// (better no gloss than "delivery + motion, application").
fn compose_gloss(
    modifiers: &[Option<&DomainEntry>],
    kinds: &[PartKind],
    head: &DomainEntry,
) -> Option<String> {
    if modifiers.is_empty() || modifiers.len() > 2 || !plain_gloss(head.gloss, 3) {
        return None;
    }
    let mut out: Vec<&str> = Vec::new();
    for (m, k) in modifiers.iter().zip(kinds) {
        let m = (*m)?;
        let ok = matches!(
            (k, m.pos),
            (PartKind::Noun, Pos::Noun) | (PartKind::AdjStem, Pos::Adj)
        );
        if !ok || !plain_gloss(m.gloss, 2) {
            return None;
        }
        out.push(m.gloss);
    }
    out.push(head.gloss);
    Some(out.join(" "))
}

/// Total size in bytes of the data embedded in the binary (all files of `data/lexicon/` that
/// the lexicon includes).
pub fn embedded_data_bytes() -> usize {
    [
        nouns::NOUNS_TSV.len(),
        nouns::PARADIGMS_TSV.len(),
        nouns::RULES_TSV.len(),
        freq::FREQ_TSV.len(),
        names::WIKT_NAMES_TSV.len(),
        names::NEWS_NAMES_TSV.len(),
        domain::DOMAIN_TSV.len(),
        glosses::GLOSSES_TSV.len(),
        morph::FUNCTION_WORDS_TXT.len(),
        morph::IRREGULAR_VERBS_TSV.len(),
        morph::SEPARABLE_TXT.len(),
        morph::INSEPARABLE_TXT.len(),
        morph::ADJ_SUFFIXES_TXT.len(),
        morph::IRREGULAR_COMPARISON_TSV.len(),
        morph::LEXICAL_ADJECTIVES_TXT.len(),
        compound::BOUND_MODIFIERS_TXT.len(),
        nouns::RARE_HOMOGRAPHS_TXT.len(),
        NOUN_SUFFIXES_TXT.len(),
        wiktionary::DEFS_TSV.len(),
        wiktionary::IPA_TSV.len(),
        not_vocabulary::NOT_VOCABULARY_TSV.len(),
        senses::SENSES_TSV.len(),
        grammar::UNITS_TXT.len(),
    ]
    .iter()
    .sum()
}

impl Lexicon {
    /// Builds a new lexicon from the embedded data. Use [`lexicon()`] instead, which builds one
    /// shared instance on first use; this is for measuring the build.
    pub fn load() -> Lexicon {
        Lexicon {
            nouns: Nouns::new(),
            freq: Freq::new(),
            domain: Domain::parse(domain::DOMAIN_TSV),
            glosses: Glosses::parse(glosses::GLOSSES_TSV),
            names: Names::new(),
            morph: Morph::new(),
            wiktionary: Wiktionary::new(),
            not_vocabulary: NotVocabularyList::parse(not_vocabulary::NOT_VOCABULARY_TSV),
            senses: Senses::parse(senses::SENSES_TSV),
            by_ending: endings::ByEnding::default(),
        }
    }

    /// Problems found in the hand-written data files while building the lexicon (malformed or
    /// duplicate lines, which are skipped). Empty for the shipped data; a test checks it.
    pub fn data_problems(&self) -> Vec<String> {
        let mut out = self.domain.problems.clone();
        out.extend(self.names.problems.iter().cloned());
        out.extend(self.morph.problems.iter().cloned());
        out.extend(self.not_vocabulary.problems.iter().cloned());
        out.extend(self.senses.problems.iter().cloned());
        out.extend(self.glosses.problems.iter().cloned());
        for (lemma, pos, _) in self.glosses.all() {
            // the domain lexicon glosses its own terms; a word is in one table only
            if self.domain.get(lemma, pos).is_some() {
                out.push(format!(
                    "glosses.tsv: {lemma} {pos} is an entry of domain.tsv"
                ));
            }
        }
        for s in self.senses.all() {
            // a row of a domain term, or of a word of Wiktionary (its sense `#N` must exist)
            let wikt = self.wiktionary.senses(s.lemma);
            let known = match s.wiktionary {
                Some(n) => wikt.iter().any(|w| w.number == n),
                None => self.domain.get(s.lemma, s.pos).is_some() || !wikt.is_empty(),
            };
            if !known {
                out.push(format!(
                    "senses.tsv: {} {} is no entry of domain.tsv or Wiktionary (or lacks the sense)",
                    s.lemma, s.pos
                ));
            }
        }
        out
    }

    /// Analyses a word as it appears in a text. Case matters: nouns are looked up only when
    /// capitalised; a capitalised word that is no noun is also tried in lowercase (adjectives,
    /// verbs and function words at the start of a sentence). Hyphenated words are analysed as
    /// compounds with the last segment as head (`US-Präsidenten` → `US-Präsident`).
    ///
    /// Returns `None` for words the lexicon cannot place (typos, rare words, numbers, most
    /// names). Names that look like nouns or compounds (Quad, Russland) do get an analysis:
    /// ask [`Lexicon::is_proper_name`] first to leave names out.
    pub fn analyze(&self, surface: &str) -> Option<Analysis> {
        // analyses are pure functions of the surface form and the lexicon is one per process:
        // a per-thread memo (bounded) saves the compound search for words seen before (the
        // vocabulary, the cloze items and the deck of one article ask for the same words)
        crate::memo::memoised_shared(&ANALYSES, &ANALYSES_SHARED, surface, MEMO_MAX, || {
            self.analyze_uncached(surface)
        })
    }

    fn analyze_uncached(&self, surface: &str) -> Option<Analysis> {
        if surface.len() > MAX_WORD_BYTES
            || !surface.chars().any(char::is_alphabetic)
            || surface.chars().any(char::is_whitespace)
        {
            return None;
        }
        if let Some(base) = surface.strip_suffix('-')
            && !base.is_empty()
        {
            // The first part of a split compound: "Halbleiter-" in "Halbleiter- und Akkufabriken".
            return self.analyze(base).or_else(|| self.modifier_analysis(base));
        }
        let head_capitalised = surface.rsplit('-').next().is_some_and(is_capitalised);
        if is_capitalised(surface) || (surface.contains('-') && head_capitalised) {
            let lower = surface.to_lowercase();
            if self.morph.is_function_word(&lower) {
                // Die, Aber, Zudem at the start of a sentence
                return self.analyze_lower(&lower, true);
            }
            if let Some(a) = self.analyze_noun(surface) {
                return Some(a);
            }
            return self.analyze_lower(&lower, true);
        }
        self.analyze_lower(surface, false)
    }

    /// A noun with a linking element: Wirtschafts (of "Wirtschafts- und Finanzpolitik").
    fn modifier_analysis(&self, surface: &str) -> Option<Analysis> {
        ["s", "es", "n", "en"].iter().find_map(|linker| {
            let base = surface.strip_suffix(linker)?;
            self.nouns.is_lemma(base).then(|| self.noun_analysis(base))
        })
    }

    fn analyze_noun(&self, surface: &str) -> Option<Analysis> {
        // asked by both the name check and the analysis of a capitalised word: memoised
        crate::memo::memoised_shared(&NOUNS_MEMO, &NOUNS_MEMO_SHARED, surface, MEMO_MAX, || {
            self.analyze_noun_uncached(surface)
        })
    }

    fn analyze_noun_uncached(&self, surface: &str) -> Option<Analysis> {
        if !surface.contains('-') {
            let lemmas = self.nouns.lemmas(surface, &self.freq);
            let lemma = lemmas
                .iter()
                .find(|l| self.domain.get(l, Pos::Noun).is_some())
                .or(lemmas.first());
            if let Some(lemma) = lemma {
                return Some(self.noun_analysis_of_form(lemma, surface));
            }
            if let Some(a) = self.language_noun(surface) {
                return Some(a);
            }
        }
        self.compound_analysis(surface)
    }

    /// The name of a language in *-isch* that the noun table lacks and Wiktionary defines as
    /// a language (*Albanisch*, *Tschechisch*, *Ungarisch*): a neuter without a plural (*das
    /// Albanisch*), not a compound of *Isch* (*der Alban·isch*).
    fn language_noun(&self, surface: &str) -> Option<Analysis> {
        if !surface.ends_with("isch") || !is_capitalised(surface) {
            return None;
        }
        let senses = self.senses(surface);
        if !senses.iter().any(|s| s.text.contains("Sprache")) {
            return None;
        }
        let zipf = self.freq.zipf(&surface.to_lowercase());
        Some(Analysis {
            lemma: surface.to_owned(),
            pos: Pos::Noun,
            gender: Some(Gender::N),
            plural: None,
            gloss: None,
            gloss_composed: false,
            category: None,
            level: Some(zipf.map_or(Level::C2, level_for_zipf)),
            zipf,
            parts: Vec::new(),
            domain: false,
            synonyms: Vec::new(),
        })
    }

    /// The variant of a lemma that matches its domain entry (gender), else the primary one.
    fn variant_for(&self, lemma: &str) -> Option<Variant> {
        let wanted = self.domain.get(lemma, Pos::Noun).and_then(|e| e.gender);
        self.nouns
            .variants(lemma)
            .find(|v| Some(v.gender) == wanted)
            .or_else(|| self.nouns.primary(lemma))
    }

    fn noun_analysis(&self, lemma: &str) -> Analysis {
        self.noun_analysis_of_form(lemma, lemma)
    }

    /// [`Lexicon::noun_analysis`] of the entry `surface` is a form of (*Alters*: *das Alter*,
    /// not *der Alte*), unless the domain lexicon gives the gender.
    fn noun_analysis_of_form(&self, lemma: &str, surface: &str) -> Analysis {
        let entry = self.domain.get(lemma, Pos::Noun);
        let v = if entry.and_then(|e| e.gender).is_some() {
            self.variant_for(lemma)
        } else {
            self.nouns.variant_of_form(lemma, surface)
        };
        let gender = entry.and_then(|e| e.gender).or(v.map(|v| v.gender));
        let plural = match entry {
            Some(e) => e.plural.map(str::to_owned),
            None => v.and_then(|v| self.nouns.plural(lemma, v)),
        };
        let zipf = self.nouns.lemma_zipf(lemma, &self.freq);
        let parts = self
            .compound_parts(lemma)
            .map(|ps| ps.into_iter().map(|p| p.surface).collect())
            .unwrap_or_default();
        Analysis {
            lemma: lemma.to_owned(),
            pos: Pos::Noun,
            gender,
            plural: plural.filter(|_| gender != Some(Gender::Pl)),
            gloss: entry.map(|e| e.gloss.to_owned()),
            gloss_composed: false,
            category: entry.map(|e| e.category),
            level: entry
                .and_then(|e| e.level)
                .or(Some(zipf.map_or(Level::C2, level_for_zipf))),
            zipf,
            parts,
            domain: entry.is_some(),
            synonyms: entry
                .map(|e| e.synonyms.iter().map(|s| (*s).to_owned()).collect())
                .unwrap_or_default(),
        }
    }

    fn compound_analysis(&self, surface: &str) -> Option<Analysis> {
        let parts = self.compound_parts(surface)?;
        if parts.last()?.kind != PartKind::Noun || parts.len() < 2 {
            return None;
        }
        // The head is the longest run of final parts that is a known noun: Streitkräfte in
        // US-Streitkräfte, Abkommen in Truppenaustauschabkommen.
        let (k, head) = (1..parts.len()).find_map(|k| {
            let head_surface = &surface[parts[k].offset..];
            let word = if is_capitalised(head_surface) {
                head_surface.to_owned()
            } else {
                compound::capitalize(head_surface)
            };
            let simple = self.analyze_noun_simple(&word)?;
            // the split read the head as another noun's plural (*Kreis* of *…kreisen*, not
            // the infinitive *das Kreisen*: `compound.rs`)
            let lemma = &parts[k].lemma;
            if k + 1 == parts.len() && simple.lemma == word && *lemma != word {
                return Some((k, self.noun_analysis(lemma)));
            }
            Some((k, simple))
        })?;
        let prefix = &surface[..parts[k].offset];
        let hyphen = prefix.ends_with('-');
        let join = |s: &str| {
            if hyphen {
                format!("{prefix}{s}")
            } else {
                format!("{prefix}{}", lower_first(s))
            }
        };
        let lemma = join(&head.lemma);
        // The parts of the lemma: the surface parts with the last one turned into its lemma.
        let before_last = &surface[..parts.last()?.offset];
        let lemma_parts: Vec<String> = match lemma.strip_prefix(before_last) {
            Some(last) => parts[..parts.len() - 1]
                .iter()
                .map(|p| p.surface.clone())
                .chain([last.to_owned()])
                .collect(),
            None => self
                .split_compound(&lemma)
                .unwrap_or_else(|| parts.iter().map(|p| p.surface.clone()).collect()),
        };
        // A compound listed in the domain lexicon itself.
        if let Some(e) = self.domain.get(&lemma, Pos::Noun) {
            let mut a = self.noun_analysis_of_entry(e);
            a.parts = lemma_parts;
            return Some(a);
        }
        let modifiers = &parts[..k];
        let modifier_entries: Vec<Option<&DomainEntry>> = modifiers
            .iter()
            .map(|p| match p.kind {
                PartKind::Noun => self.domain.get(&p.lemma, Pos::Noun),
                PartKind::VerbStem => self.domain.get(&p.lemma, Pos::Verb),
                PartKind::AdjStem => self.domain.get(&p.lemma, Pos::Adj),
                PartKind::Other | PartKind::Bound => self.domain.any(&p.lemma),
            })
            .collect();
        let head_entry = self.domain.get(&head.lemma, Pos::Noun);
        let category = head_entry
            .map(|e| e.category)
            .or_else(|| modifier_entries.iter().flatten().next().map(|e| e.category));
        let domain = category.is_some();
        let gloss = head_entry.and_then(|h| {
            let kinds: Vec<PartKind> = modifiers.iter().map(|p| p.kind).collect();
            compose_gloss(&modifier_entries, &kinds, h)
        });
        let zipf = self.freq.zipf(&lemma).map(|z| {
            let plural_z = head
                .plural
                .as_deref()
                .and_then(|p| self.freq.zipf(&join(p)));
            plural_z.map_or(z, |p| (10f32.powf(z) + 10f32.powf(p)).log10())
        });
        let level = zipf.map(level_for_zipf).or_else(|| {
            parts
                .iter()
                .filter(|p| p.kind != PartKind::Other)
                .map(|p| match p.kind {
                    PartKind::Noun => self.nouns.lemma_zipf(&p.lemma, &self.freq),
                    _ => self.freq.zipf(&p.lemma),
                })
                .map(|z| z.map_or(Level::C2, level_for_zipf))
                .max()
        });
        Some(Analysis {
            plural: head.plural.as_deref().map(join),
            lemma,
            pos: Pos::Noun,
            gender: head.gender,
            gloss_composed: gloss.is_some(),
            gloss,
            category,
            level,
            zipf,
            parts: lemma_parts,
            domain,
            synonyms: Vec::new(),
        })
    }

    /// A noun looked up directly (no compound splitting).
    fn analyze_noun_simple(&self, surface: &str) -> Option<Analysis> {
        let lemmas = self.nouns.lemmas(surface, &self.freq);
        let lemma = lemmas
            .iter()
            .find(|l| self.domain.get(l, Pos::Noun).is_some())
            .or(lemmas.first())?;
        Some(self.noun_analysis_of_form(lemma, surface))
    }

    fn noun_analysis_of_entry(&self, e: &DomainEntry) -> Analysis {
        let zipf = self
            .freq
            .zipf_sum([e.lemma].into_iter().chain(e.plural))
            .or_else(|| self.nouns.lemma_zipf(e.lemma, &self.freq));
        Analysis {
            lemma: e.lemma.to_owned(),
            pos: Pos::Noun,
            gender: e.gender,
            plural: e.plural.map(str::to_owned),
            gloss: Some(e.gloss.to_owned()),
            gloss_composed: false,
            category: Some(e.category),
            level: e.level.or(Some(zipf.map_or(Level::C2, level_for_zipf))),
            zipf,
            parts: Vec::new(),
            domain: true,
            synonyms: e.synonyms.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    /// Lowercase words: function words, adjectives, verbs; `strict` (a capitalised word at the
    /// start of a sentence) needs the rules to find something, otherwise any word in the
    /// frequency list is returned as [`Pos::Other`].
    fn analyze_lower(&self, w: &str, strict: bool) -> Option<Analysis> {
        let (lemma, pos) = match self.morph.analyze(w, &self.domain, &self.freq) {
            Some(m) => (m.lemma, m.pos),
            None if !strict && self.freq.zipf(w).is_some() => (w.to_owned(), Pos::Other),
            None => return None,
        };
        let entry = self.domain.get(&lemma, pos);
        let zipf = self.lemma_zipf(&lemma, pos);
        Some(Analysis {
            gloss: entry.map(|e| e.gloss.to_owned()),
            gloss_composed: false,
            category: entry.map(|e| e.category),
            level: entry
                .and_then(|e| e.level)
                .or(Some(zipf.map_or(Level::C2, level_for_zipf))),
            zipf,
            parts: Vec::new(),
            domain: entry.is_some(),
            synonyms: entry
                .map(|e| e.synonyms.iter().map(|s| (*s).to_owned()).collect())
                .unwrap_or_default(),
            lemma,
            pos,
            gender: None,
            plural: None,
        })
    }

    /// Zipf frequency of a lemma of this part of speech, summed over its forms.
    fn lemma_zipf(&self, lemma: &str, pos: Pos) -> Option<f32> {
        match pos {
            Pos::Noun => self.nouns.lemma_zipf(lemma, &self.freq),
            _ => {
                let forms = Morph::lemma_forms(lemma, pos);
                self.freq.zipf_sum(forms.iter().map(String::as_str))
            }
        }
    }

    /// Gender and nominative plural of a noun lemma, from Wiktionary (german-nouns): the first
    /// Wiktionary entry when there are several. The plural is `None` for nouns without a plural
    /// and for plural-only nouns (gender [`Gender::Pl`]).
    pub fn noun(&self, lemma: &str) -> Option<(Gender, Option<String>)> {
        let v = self.nouns.primary(lemma)?;
        Some((v.gender, self.nouns.plural(lemma, v)))
    }

    /// The noun lemmas of the Wiktionary list that begin with `prefix` (case-sensitive), in
    /// the list's order (a lemma with several entries as often as it has entries).
    pub fn nouns_starting_with<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = &'static str> + 'a {
        self.nouns.lemmas_with_prefix(prefix)
    }

    /// Every Wiktionary entry of a noun lemma as (gender, plurals): nouns like Steuer (das
    /// Steuer / die Steuer, Steuern) or Bank (Bänke / Banken) have several. The plurals of an
    /// entry list the first plural first, then alternatives (Atlanten, Atlasse).
    pub fn noun_entries(&self, lemma: &str) -> Vec<(Gender, Vec<String>)> {
        self.nouns
            .variants(lemma)
            .map(|v| (v.gender, self.nouns.plural_alternatives(lemma, v)))
            .collect()
    }

    /// The lemma of an inflected noun (Lieferketten → Lieferkette, Verbündeten → Verbündeter,
    /// Bündnisse → Bündnis, Technologieinvestitionen → Technologieinvestition). Only
    /// capitalised words are nouns; `None` if the word is no known noun or compound of one.
    pub fn lemmatize_noun(&self, surface: &str) -> Option<String> {
        if !is_capitalised(surface) {
            return None;
        }
        self.analyze(surface)
            .filter(|a| a.pos == Pos::Noun)
            .map(|a| a.lemma)
    }

    /// Splits a compound into its parts as written, linking elements kept with the part before
    /// them: Versorgungssicherheit → `["Versorgungs", "sicherheit"]`, US-Präsident →
    /// `["US", "Präsident"]`. `None` if the word is no compound of known parts. See
    /// [`Lexicon::compound_parts`] for lemmas and kinds of the parts.
    pub fn split_compound(&self, word: &str) -> Option<Vec<String>> {
        let parts = self.compound_parts(word)?;
        (parts.len() >= 2).then(|| parts.into_iter().map(|p| p.surface).collect())
    }

    /// Zipf frequency of a word form (case-insensitive, wordfreq's German list): 7 for the most
    /// common words, 3 for once per million words; `None` below Zipf 2.0 or if unknown.
    pub fn zipf(&self, word: &str) -> Option<f32> {
        self.freq.zipf(word)
    }

    /// Difficulty level of a lemma: the domain entry's level if set, else from the lemma's
    /// frequency summed over its forms (see [`LEVEL_THRESHOLDS`]). Capitalised lemmas are looked
    /// up as nouns. `None` if the lemma is unknown.
    pub fn level(&self, lemma: &str) -> Option<Level> {
        if let Some(a) = self.analyze(lemma)
            && a.lemma == lemma
        {
            return a.level;
        }
        for pos in [Pos::Noun, Pos::Adj, Pos::Verb, Pos::Other] {
            if let Some(e) = self.domain.get(lemma, pos) {
                return e.level.or(Some(
                    self.lemma_zipf(lemma, pos)
                        .map_or(Level::C2, level_for_zipf),
                ));
            }
        }
        self.freq.zipf(lemma).map(level_for_zipf)
    }

    /// Whether a capitalised word is the name of a person, place or organisation (Biden,
    /// Kishida, Tokio, Japan, Chinas, Nikkei), for a word inside a sentence. Known names win,
    /// then known nouns (and compounds of them) are no names, then a capitalised word that is no
    /// function word, adjective or verb is taken for a name. For the first word of a sentence
    /// use [`Lexicon::is_proper_name_at_sentence_start`].
    pub fn is_proper_name(&self, surface: &str) -> bool {
        crate::memo::memoised_shared(&NAMES, &NAMES_SHARED, surface, MEMO_MAX, || {
            self.proper_name_kind(surface).is_some() || self.unknown_capitalised(surface)
        })
    }

    /// Like [`Lexicon::is_proper_name`] for the first word of a sentence, where every word is
    /// capitalised: only names on the name lists count, not unknown words.
    pub fn is_proper_name_at_sentence_start(&self, surface: &str) -> bool {
        self.proper_name_kind(surface).is_some()
    }

    /// What a known name names, from the hand-written news list (countries, places, people,
    /// organisations) or Wiktionary's toponyms and first/last names, also in the genitive
    /// (Chinas, Bidens). `None` for words that are no known names, and for Wiktionary names
    /// that are also known nouns in this form.
    pub fn proper_name_kind(&self, surface: &str) -> Option<NameKind> {
        if !is_capitalised(surface) {
            return None;
        }
        if let Some(k) = self.names.news(surface) {
            return Some(k);
        }
        for base in names::genitive_bases(surface) {
            if let Some(k) = self.names.news(base) {
                return Some(k);
            }
        }
        let lemmas = self.nouns.lemmas(surface, &self.freq);
        if let Some(k) = self.names.wikt(surface)
            && lemmas.iter().all(|l| l == surface)
        {
            // A Wiktionary name that is no inflected form of another noun.
            return Some(k);
        }
        if !lemmas.is_empty() {
            return None;
        }
        for base in names::genitive_bases(surface) {
            if let Some(k) = self.names.wikt(base) {
                return Some(k);
            }
        }
        self.inflected_place_name(surface)
            .then_some(NameKind::Place)
    }

    /// Whether a capitalised word read as an inflected form of a compound that no dictionary
    /// lists is a place name: the compound is a place of the name lists (*Saalfelden*, read as
    /// the dative plural of *Saal·feld*, the town in Thuringia; the Austrian town is no
    /// *das Saalfeld*). A compound the noun table or the domain list has stays a word.
    fn inflected_place_name(&self, surface: &str) -> bool {
        if surface.contains('-') {
            return false;
        }
        let Some(a) = self.analyze_noun(surface) else {
            return false;
        };
        a.lemma != surface
            && a.parts.len() >= 2
            && !self.nouns.is_lemma(&a.lemma)
            && self.domain.get(&a.lemma, Pos::Noun).is_none()
            && matches!(
                self.names
                    .news(&a.lemma)
                    .or_else(|| self.names.wikt(&a.lemma)),
                Some(NameKind::Place)
            )
    }

    /// Whether `surface` is a first name (`first`) or a last name (`!first`) that Wiktionary
    /// lists after a common noun of the same spelling (*Hermann*: Hermannteig; *Huber*,
    /// *Fischer*, *Koch*): such a word is a name only where the text uses it as one, which
    /// [`Lexicon::proper_name_kind`] cannot see.
    pub(crate) fn is_person_name_homonym(&self, surface: &str, first: bool) -> bool {
        self.names
            .wikt_homonym(surface)
            .is_some_and(|kinds| kinds.contains(if first { 'v' } else { 'n' }))
    }

    /// Whether a capitalised noun names an office or role that stands right before a person's
    /// name (*Trainer*, *Bischof*, *Bundeskanzler*, *Ministerin*, *Landeshauptmann*, *Frau*).
    pub(crate) fn is_title(&self, surface: &str) -> bool {
        names::is_title(surface)
    }

    /// Whether a word ends in a suffix of common nouns that names hardly have (*-ung*,
    /// *-heit*, *-ismus*, *-ion*: `noun_suffixes.txt`).
    pub(crate) fn has_noun_suffix(&self, surface: &str) -> bool {
        NOUN_SUFFIXES.iter().any(|s| surface.ends_with(s))
    }

    /// A capitalised word that the lexicon cannot place as noun, compound, function word,
    /// adjective or verb.
    fn unknown_capitalised(&self, surface: &str) -> bool {
        let surface = surface.strip_suffix('-').unwrap_or(surface);
        if !is_capitalised(surface)
            || !surface
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        {
            return false;
        }
        if self.analyze_noun(surface).is_some() {
            return false;
        }
        // The first part of a split compound: Wirtschafts- in "Wirtschafts- und Finanzpolitik".
        if self.modifier_analysis(surface).is_some() {
            return false;
        }
        // Nouns the lexicon lacks still have noun suffixes, names rarely do.
        if NOUN_SUFFIXES.iter().any(|s| surface.ends_with(s)) {
            return false;
        }
        let lower = surface.to_lowercase();
        self.morph
            .analyze(&lower, &self.domain, &self.freq)
            .is_none()
    }

    /// The hand-written domain entries (for cloze distractors: same category, part of speech and
    /// gender; never an entry's synonyms).
    pub fn domain_entries(&self) -> impl Iterator<Item = &DomainEntry> {
        self.domain.entries.iter()
    }

    /// The domain entry of a lemma with this part of speech.
    pub fn domain_entry(&self, lemma: &str, pos: Pos) -> Option<&DomainEntry> {
        self.domain.get(lemma, pos)
    }

    /// The English gloss of a general news word outside the domain lexicon
    /// (`data/lexicon/glosses.tsv`): no subject area, no rank boost, only the meaning.
    pub fn general_gloss(&self, lemma: &str, pos: Pos) -> Option<&'static str> {
        self.glosses.get(lemma, pos)
    }

    /// Every entry of `glosses.tsv` (lemma, part of speech, gloss), sorted by lemma.
    pub fn general_glosses(&self) -> Vec<(&'static str, Pos, &'static str)> {
        let mut all: Vec<_> = self.glosses.all().collect();
        all.sort_unstable_by_key(|&(lemma, pos, _)| (lemma, pos.as_str()));
        all
    }

    /// The form of a noun lemma in a case and number (Bündnis, Dat, Pl → Bündnissen), from its
    /// Wiktionary paradigm; compounds inflect their head (Technologieinvestition, Gen, Pl →
    /// Technologieinvestitionen). `None` if unknown or the form does not exist (no plural).
    pub fn inflect_noun(&self, lemma: &str, case: Case, number: Number) -> Option<String> {
        if let Some(v) = self.variant_for(lemma) {
            return self.nouns.form(lemma, v, case, number);
        }
        let parts = self.compound_parts(lemma)?;
        let head = parts.last()?;
        if head.kind != PartKind::Noun || parts.len() < 2 {
            return None;
        }
        let prefix = &lemma[..head.offset];
        let hyphen = prefix.ends_with('-');
        let v = self.variant_for(&head.lemma)?;
        let form = self.nouns.form(&head.lemma, v, case, number)?;
        Some(if hyphen {
            format!("{prefix}{form}")
        } else {
            format!("{prefix}{}", lower_first(&form))
        })
    }

    /// Whether a noun lemma is declined like an adjective in one of its Wiktionary entries
    /// (der Verbündete / ein Verbündeter, die Angestellte): its forms depend on the article.
    pub fn is_adjectival_noun(&self, lemma: &str) -> bool {
        self.nouns.variants(lemma).any(|v| v.adjectival)
    }

    /// Number of noun lemmas (lines of `nouns.tsv`; a lemma with several entries counts once
    /// per entry).
    pub fn noun_entry_count(&self) -> usize {
        self.nouns.len()
    }

    /// The analysis of a particle verb whose particle stands apart from its finite form, as in
    /// "Khol legte zwei Punkte zu" (`zu`, `legte` → *zulegen*) or "Er büßte Punkte ein"
    /// (`ein`, `büßte` → *einbüßen*). `None` if `particle` is no separable prefix, `finite` no
    /// verb form. A particle verb the lexicon does not know (*einheben*) is taken as it is,
    /// at level C2: the particle at the end of a clause says it is one.
    pub fn particle_verb(&self, particle: &str, finite: &str) -> Option<Analysis> {
        let particle = particle.to_lowercase();
        if !morph::is_separable_prefix(&particle) {
            return None;
        }
        let verb = self.analyze_lower(&finite.to_lowercase(), false)?;
        if verb.pos != Pos::Verb {
            return None;
        }
        let infinitive = format!("{particle}{}", verb.lemma);
        if let Some(a) = self
            .analyze_lower(&infinitive, false)
            .filter(|a| a.pos == Pos::Verb && a.lemma == infinitive)
        {
            return Some(a);
        }
        // a particle verb rarer than the frequency list (einheben): the particle at the end of
        // the clause says it is one
        Some(Analysis {
            lemma: infinitive,
            pos: Pos::Verb,
            gender: None,
            plural: None,
            gloss: None,
            gloss_composed: false,
            category: None,
            level: Some(Level::C2),
            zipf: None,
            parts: Vec::new(),
            domain: false,
            synonyms: Vec::new(),
        })
    }

    /// Whether a lemma is the adjective or the inhabitant noun of a place name (*syrisch*,
    /// *europäisch*, *österreichisch*, *der Kärntner*, *die Ukrainerin*): names, not
    /// vocabulary. Found by undoing the common derivations and looking the place up in the
    /// name lists (the irregular ones, *deutsch*, *französisch*, *britisch*, are on
    /// `not_vocabulary.tsv`).
    pub fn is_place_derived(&self, lemma: &str, pos: Pos) -> bool {
        let stems: Vec<&str> = match pos {
            Pos::Adj => lemma.strip_suffix("isch").into_iter().collect(),
            Pos::Noun if self.domain.get(lemma, Pos::Noun).is_none() => {
                ["erin", "er", "ierin", "ier", "in", "e"]
                    .iter()
                    .filter_map(|s| lemma.strip_suffix(s))
                    .collect()
            }
            _ => Vec::new(),
        };
        // the name lists only (no noun look-ups: this is asked for many candidates)
        let place = |name: &str| {
            name.chars().count() >= 4
                && (self.names.news(name) == Some(NameKind::Place)
                    || self.names.wikt(name) == Some(NameKind::Place))
        };
        stems
            .into_iter()
            .filter(|s| s.chars().count() >= 3)
            .any(|stem| {
                let cap = compound::capitalize(stem);
                let mut cands: Vec<String> = ["", "ien", "en", "a", "land", "ei", "e", "istan"]
                    .iter()
                    .map(|s| format!("{cap}{s}"))
                    .collect();
                if let Some(s) = cap.strip_suffix('ä') {
                    cands.push(format!("{s}a")); // europä-isch
                }
                if let Some(s) = cap.strip_suffix("es") {
                    cands.push(format!("{s}a")); // chines-isch
                }
                if let Some(s) = cap.strip_suffix('n') {
                    cands.push(s.to_owned()); // amerikan-isch, korean-isch
                }
                cands.iter().any(|c| place(c))
            })
    }

    /// The German Wiktionary's definitions of a lemma, in its order (see [`Sense`]); empty if
    /// it has none. Only the first German entry of a page is there: *Bank* is the seat, not the
    /// bank, so prefer a domain entry's gloss where there is one.
    pub fn senses(&self, lemma: &str) -> Vec<Sense> {
        self.wiktionary.senses(lemma)
    }

    /// The nouns the German Wiktionary defines that end in `ending` as written inside a word
    /// (the compounds of a head: *Lungenkrebs*, *Flusskrebs* for `krebs`; also non-compounds).
    pub fn defined_nouns_ending_in(&self, ending: &str) -> Vec<&'static str> {
        self.by_ending.nouns_ending_in(ending)
    }

    /// Whether some lemma (or idiom) of the German Wiktionary starts with `prefix`: no phrase
    /// that starts so has [`Lexicon::senses`].
    pub(crate) fn has_senses_with_prefix(&self, prefix: &str) -> bool {
        self.wiktionary.has_prefix(prefix)
    }

    /// The IPA transcription of a lemma from the German Wiktionary (`fɛɐ̯ˈɡlaɪ̯ç`).
    pub fn ipa(&self, lemma: &str) -> Option<&'static str> {
        self.wiktionary.ipa(lemma)
    }

    /// The other senses of a word (`senses.tsv`): glosses and categories, or Wiktionary
    /// senses, that cues around the word select; a domain entry's gloss is the sense without
    /// cues.
    pub fn domain_senses(&self, lemma: &str, pos: Pos) -> Vec<&DomainSense> {
        self.senses.get(lemma, pos).collect()
    }

    /// Whether a lemma is no key vocabulary of an article, and why (units, currencies,
    /// weekdays, months, number words; calendar words and the common words of reporting).
    pub fn not_vocabulary(&self, lemma: &str) -> Option<NotVocabulary> {
        self.not_vocabulary.get(lemma)
    }

    /// Whether a lowercase word is a function word (article, pronoun, preposition, conjunction,
    /// auxiliary, common adverb) on the embedded list.
    pub fn is_function_word(&self, word: &str) -> bool {
        self.is_lower_function_word(&word.to_lowercase())
    }

    /// [`Lexicon::is_function_word`] of a word already in lower case (a token's
    /// [`crate::tokenize::Token::lower`]): no copy.
    pub(crate) fn is_lower_function_word(&self, lower: &str) -> bool {
        self.morph.is_function_word(lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noun_suffixes_parse() {
        let items = checked_word_list(NOUN_SUFFIXES_TXT, false);
        assert_eq!(items, *NOUN_SUFFIXES);
        assert!(
            items.iter().all(|s| s.chars().all(char::is_lowercase)),
            "{items:?}"
        );
        for s in [
            "ung", "ungen", "heit", "keit", "schaft", "ion", "ität", "ismus", "nis", "tum",
        ] {
            assert!(items.contains(&s), "{s}");
        }
        let lex = lexicon();
        assert!(!lex.is_proper_name("Adaptierung"));
    }
}
