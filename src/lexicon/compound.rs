//! Splitting German noun compounds into known parts.
//!
//! A compound is split by dynamic programming over its character positions: the head (last
//! part) must be a noun or noun form; every modifier before it is a noun lemma, a noun lemma
//! plus a linking element (-s-, -es-, -n-, -en-, -e-, -er-, -ens-), a noun with its final -e
//! dropped (Schul·buch), a noun plural (Länder·spiel), a verb stem (Liefer·kette) or an
//! adjective stem (Neu·ordnung). Each part costs `PART_COST - zipf(part)` plus a small penalty
//! for linkers, stems and three-letter parts, so the cheapest split prefers few, known and
//! frequent parts: Halbleiter·fabrik, not Halb·leiter·fabrik. A split is kept only when its
//! parts are on average at least as frequent as the whole word (Koehn & Knight 2003), which
//! keeps Minister from becoming Mini·ster. A plural modifier before a head that, with the
//! plural ending in front, is a known noun gives way to its bare stem (Treibhausgas·emission,
//! not Treibhausgase·mission). Hyphenated words are split at the hyphens first.

use std::rc::Rc;
use std::sync::LazyLock;

use super::freq::folded;
use super::{Gender, Lexicon, concat};

/// Base cost of one part; a part costs this minus its Zipf frequency.
/// Bound of the per-thread memo of [`Lexicon::compound_parts`].
const PARTS_MEMO_MAX: usize = 100_000;

thread_local! {
    static PARTS: crate::memo::MemoCell<Option<Vec<CompoundPart>>> = Default::default();
    static ALIVE: crate::memo::MemoCell<bool> = Default::default();
    static READINGS: crate::memo::MemoCell<Rc<SegmentReadings>> = Default::default();
}
static PARTS_SHARED: crate::memo::SharedCell<Option<Vec<CompoundPart>>> =
    crate::memo::SharedCell::new(Default::default);

const PART_COST: f32 = 8.0;
/// Zipf assumed for a known noun that is rarer than the frequency list goes (below Zipf 2).
const RARE_ZIPF: f32 = 1.0;
/// Extra cost of such a rare part: rare short nouns (Etter, Ster) make bogus splits.
const RARE_PENALTY: f32 = 2.0;
/// Minimum Zipf frequency of a part of three letters or less.
const SHORT_PART_MIN_ZIPF: f32 = 4.0;
/// `bound_modifiers.txt`: bound modifiers that are no words on their own (Außen·minister,
/// Vize·präsident). Written by the kernsatz developers (MIT OR Apache-2.0).
pub(crate) const BOUND_MODIFIERS_TXT: &str = include_str!("../../data/lexicon/bound_modifiers.txt");
static BOUND_MODIFIERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| super::word_list(BOUND_MODIFIERS_TXT).collect());
/// Linking elements and their penalty.
const LINKERS: &[(&str, f32)] = &[
    ("s", 0.3),
    ("es", 0.5),
    ("n", 0.3),
    ("en", 0.4),
    ("e", 0.8),
    ("er", 0.8),
    ("ens", 0.8),
];

/// How much more frequent (Zipf) a noun must be than a nominalised infinitive for a compound's
/// head that is both (its plural and the infinitive) to be read as the noun's plural.
const PLURAL_HEAD_MARGIN: f32 = 0.2;

/// Least Zipf frequency of the longer head that makes a plural modifier give way to its bare
/// stem ([`Lexicon::bare_modifier_before_head`]): a word in use (*Emission*, 3.3).
const MIN_BARE_HEAD_ZIPF: f32 = 3.0;

/// Derivational suffixes, with the gender of their nouns, after which a modifier is joined to
/// the next noun by the linking element -s- only (*Regierungs·chef*, *Gesundheits·system*,
/// *Gemeinschafts·schule*, *Universitäts·klinik*, *Religions·unterricht*,
/// *Flüchtlings·lager*): a split without it (*Regierung·samt*, *Pension·ist*) is wrong. A word
/// that merely ends so is none of these (*der Sprung*, *das Stadion*, *das Recycling*: another
/// gender, or no vowel before the ending). Their plurals as modifiers (*Millionen·stadt*) are
/// other readings.
const S_LINKED_SUFFIXES: &[(&str, Gender)] = &[
    ("ung", Gender::F),
    ("heit", Gender::F),
    ("keit", Gender::F),
    ("schaft", Gender::F),
    ("tät", Gender::F),
    ("ion", Gender::F),
    ("ling", Gender::M),
];

/// What a part of a compound is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartKind {
    /// A noun (lemma in `CompoundPart::lemma`).
    Noun,
    /// A verb stem (Liefer- from liefern; the infinitive in `lemma`).
    VerbStem,
    /// An adjective stem (Neu- from neu).
    AdjStem,
    /// A bound modifier that is no word on its own (Außen-, Vize-).
    Bound,
    /// A hyphen-separated segment that is no known word (US-, 2+2-, Online-).
    Other,
}

/// One part of a split compound.
#[derive(Debug, Clone, PartialEq)]
pub struct CompoundPart {
    /// The part as it is written in the compound, with its linking element
    /// (`Versorgungs` in Versorgungssicherheit, `sicherheit`).
    pub surface: String,
    /// Byte offset of the part in the word (hyphens are between parts, in no part).
    pub offset: usize,
    /// The word the part stands for (`Versorgung`, `Sicherheit`; verb infinitive for verb
    /// stems; the head's lemma for an inflected head).
    pub lemma: String,
    /// The linking element between the word and the next part (`s`), empty if none.
    pub linker: String,
    /// What the part is.
    pub kind: PartKind,
}

/// What a segment of a word can be as a modifier, whatever follows it: a noun lemma (which
/// may take a linking element), then the other readings as (lemma, kind, penalty, Zipf), in
/// the order they are offered.
#[derive(Debug, Default)]
struct SegmentReadings {
    noun: Option<(Rc<str>, f32)>,
    others: Vec<(Rc<str>, PartKind, f32, f32)>,
}

#[derive(Debug, Clone)]
struct Choice {
    cost: f32,
    zipf: f32,
    lemma: Rc<str>,
    linker: &'static str,
    kind: PartKind,
}

pub(crate) fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The first sound of the last part of a compound by its pronunciation: the first letter after
/// the last secondary stress mark (`ˈantʁaːkˌʃtɛlɐ` → `ʃ`), a glottal stop skipped; `None`
/// without such a mark.
fn last_part_onset(ipa: &str) -> Option<char> {
    let (_, tail) = ipa.rsplit_once('ˌ')?;
    tail.chars().find(|c| !matches!(c, 'ʔ' | 'ˈ' | '.' | ' '))
}

/// Whether a head as written (`steller`, `teller`) can start with the sound `onset`: a vowel
/// letter with a vowel, `sch` with /ʃ/, `st`/`sp` with /ʃ/ or /s/, `z` with /t͡s/, and so on;
/// a consonant letter not listed with itself.
fn onset_fits(head: &str, onset: char) -> bool {
    const VOWEL_SOUNDS: &str = "aɐɛeəiɪoɔuʊyʏøœæɑ";
    let h = head.to_lowercase();
    let Some(first) = h.chars().next() else {
        return false;
    };
    if "aeiouäöüy".contains(first) {
        return VOWEL_SOUNDS.contains(onset) || (first == 'y' && onset == 'j');
    }
    let sounds: &str = if h.starts_with("sch") {
        "ʃ"
    } else if h.starts_with("st") || h.starts_with("sp") {
        "ʃs"
    } else if h.starts_with("ch") {
        "çkʃx"
    } else {
        match first {
            's' => "zs",
            'c' => "kts",
            'z' => "t",
            'v' => "fvw",
            'w' => "vw",
            'g' => "ɡgʒd",
            'j' => "jdʒ",
            'q' | 'x' => "k",
            'r' => "ʁrɹ",
            _ => return onset == first,
        }
    };
    sounds.contains(onset)
}

fn short_penalty(s: &str) -> f32 {
    if s.chars().count() <= 3 { 1.0 } else { 0.0 }
}

/// Zipf frequencies of noun lemmas computed during one split.
type Memo = rustc_hash::FxHashMap<String, f32>;

/// Feminine suffixes followed by the linking -s: a word that ends so is a compound's modifier
/// (*Beteiligungs*, *Liegenschafts*), never a word of its own.
const LINKED_SUFFIXES: &[&str] = &["ungs", "heits", "keits", "schafts", "tions", "täts"];

impl Lexicon {
    fn noun_zipf(&self, lemma: &str, memo: &mut Memo) -> f32 {
        if let Some(z) = memo.get(lemma) {
            return *z;
        }
        let z = self
            .nouns
            .lemma_zipf(lemma, &self.freq)
            .unwrap_or(RARE_ZIPF);
        memo.insert(lemma.to_owned(), z);
        z
    }

    /// Whether a part is plausible at all: a three-letter part must be common (Amt, Rat, Bau,
    /// not Ion, Ren, His).
    fn part_ok(zipf: f32, lemma: &str) -> bool {
        lemma.chars().count() > 3 || zipf >= SHORT_PART_MIN_ZIPF
    }

    /// Cost of a part of this Zipf frequency and lemma.
    fn part_cost(zipf: f32, lemma: &str) -> f32 {
        let rare = if zipf < 2.0 { RARE_PENALTY } else { 0.0 };
        PART_COST - zipf.min(6.5) + rare + short_penalty(lemma)
    }

    /// Whether some noun or word starts like `seg`: if not, no longer segment can be a part.
    /// Memoised per thread: the splits of a text's words try the same beginnings again and
    /// again (Bundes…, Regierungs…), and each try is two table searches.
    fn prefix_alive(&self, seg: &str) -> bool {
        crate::memo::memoised(&ALIVE, seg, PARTS_MEMO_MAX, || {
            self.nouns.has_prefix(&capitalize(seg)) || self.freq.has_prefix(&folded(seg))
        })
    }

    /// The readings of `seg` (= `word[..]` up to char `j`) as a modifier, each with the char
    /// position where it ends: at `j`, or after a linking element that follows in `rest`.
    fn modifier_options(
        &self,
        seg: &str,
        rest: &str,
        j: usize,
        memo: &mut Memo,
    ) -> Vec<(usize, Choice)> {
        // the look-ups depend on the segment only, and the splits of a text's words try the
        // same segments again and again (Bundes, Regierungs): memoised per thread
        let readings = crate::memo::memoised(&READINGS, seg, PARTS_MEMO_MAX, || {
            Rc::new(self.segment_readings(seg, memo))
        });
        let mut out = Vec::new();
        let mut offer = |end: usize,
                         lemma: &Rc<str>,
                         linker: &'static str,
                         kind: PartKind,
                         penalty: f32,
                         zipf: f32| {
            if !Self::part_ok(zipf, lemma) {
                return;
            }
            out.push((
                end,
                Choice {
                    cost: Self::part_cost(zipf, lemma) + penalty,
                    zipf,
                    lemma: Rc::clone(lemma),
                    linker,
                    kind,
                },
            ));
        };
        if let Some((cap, z)) = &readings.noun {
            // a noun in -ung, -heit, -keit, -schaft, -tät, -ion, -ling takes the linking -s-
            // before another noun (Regierung·s·amt, never Regierung·samt)
            let s_only = self.takes_linking_s(cap);
            if !s_only {
                offer(j, cap, "", PartKind::Noun, 0.0, *z);
            }
            for (linker, penalty) in LINKERS {
                if s_only && *linker != "s" {
                    continue;
                }
                if rest.starts_with(linker) {
                    offer(
                        j + linker.chars().count(),
                        cap,
                        linker,
                        PartKind::Noun,
                        *penalty,
                        *z,
                    );
                }
            }
        }
        for (lemma, kind, penalty, z) in &readings.others {
            offer(j, lemma, "", *kind, *penalty, *z);
        }
        out
    }

    /// What a segment can be as a modifier, before linking elements (see [`SegmentReadings`]).
    fn segment_readings(&self, seg: &str, memo: &mut Memo) -> SegmentReadings {
        let cap = capitalize(seg);
        let lower = seg.to_lowercase();
        let mut r = SegmentReadings::default();
        // Nouns that are also function words (das Aus, der Bei) would split Aus·stoß.
        let function_word = self.morph.is_function_word(&lower);
        if !function_word && self.is_common_noun(&cap) {
            let z = self.noun_zipf(&cap, memo);
            r.noun = Some((Rc::from(cap.as_str()), z));
        }
        if !cap.ends_with(['a', 'e', 'i', 'o', 'u']) {
            let with_e = concat(&cap, "e");
            if self.is_common_noun(&with_e) {
                let z = self.noun_zipf(&with_e, memo);
                r.others.push((with_e.into(), PartKind::Noun, 0.8, z));
            }
        }
        if cap.ends_with("er") || cap.ends_with('e') || cap.ends_with("en") {
            // a plural as modifier: Länder-, Völker-, Firmen-
            if let Some(lemma) = self.nouns.singular_of_plural(&cap) {
                let z = self.noun_zipf(&lemma, memo);
                r.others.push((lemma.into(), PartKind::Noun, 0.6, z));
            }
        }
        if !function_word {
            for inf in [concat(&lower, "en"), concat(&lower, "n")] {
                if let Some(z) = self.verb_stem_zipf(&lower, &inf) {
                    r.others.push((inf.into(), PartKind::VerbStem, 1.0, z));
                }
            }
            if let Some(z) = self.adj_stem_zipf(&lower) {
                r.others
                    .push((lower.as_str().into(), PartKind::AdjStem, 1.0, z));
            }
        }
        if BOUND_MODIFIERS.contains(&lower.as_str()) {
            let z = self.freq.zipf(&lower).unwrap_or(3.0);
            r.others.push((cap.into(), PartKind::Bound, 0.5, z));
        }
        r
    }

    /// Zipf of the verb whose stem is `stem` (infinitive `inf`), if it is attested as a verb.
    fn verb_stem_zipf(&self, stem: &str, inf: &str) -> Option<f32> {
        if self.domain.get(inf, super::Pos::Verb).is_some() {
            return Some(self.freq.zipf(inf).unwrap_or(3.0));
        }
        let z = self.freq.zipf(inf)?;
        if self.morph.is_irregular_infinitive(inf) {
            return Some(z); // Fahr·plan
        }
        let third = self.freq.zipf(&concat(stem, "t"))?;
        let past = self.freq.zipf(&concat(stem, "te")).is_some();
        (z >= 3.0 && third >= 2.5 && past).then_some(z)
    }

    /// Zipf of an adjective used as a stem, if attested as an adjective.
    fn adj_stem_zipf(&self, stem: &str) -> Option<f32> {
        if self.domain.get(stem, super::Pos::Adj).is_some() {
            return Some(self.freq.zipf(stem).unwrap_or(3.0));
        }
        let z = self.freq.zipf(stem)?;
        let declined = ["e", "en", "er"]
            .iter()
            .all(|e| self.freq.zipf(&concat(stem, e)).is_some());
        (z >= 3.5 && declined).then_some(z)
    }

    /// The head reading of `seg` (the last part): a noun lemma or noun form.
    fn head(&self, seg: &str, memo: &mut Memo) -> Option<Choice> {
        // adjective and person suffixes, no nouns of their own (*Minimal·ist*, *Läufer·isch*:
        // not *das Ist*, *der Isch*)
        if ["ist", "isch"].iter().any(|s| seg.eq_ignore_ascii_case(s)) {
            return None;
        }
        let cap = capitalize(seg);
        let lemmas = self.nouns.lemmas(&cap, &self.freq);
        let mut nouns = lemmas.into_iter().filter(|l| self.is_common_noun(l));
        let mut lemma = nouns.next()?;
        if let Some(other) = self.plural_head_of_infinitive(&lemma, nouns) {
            lemma = other;
        }
        let zipf = self.noun_zipf(&lemma, memo);
        if !Self::part_ok(zipf, &lemma) {
            return None;
        }
        Some(Choice {
            cost: Self::part_cost(zipf, &lemma),
            zipf,
            lemma: lemma.into(),
            linker: "",
            kind: PartKind::Noun,
        })
    }

    /// The noun whose plural a compound's head `lemma` is, where `lemma` is a nominalised
    /// infinitive (*das Kreisen*) and `others` (the other lemmas of the head's form) have a noun
    /// whose own word is more frequent than the infinitive by [`PLURAL_HEAD_MARGIN`] (*Kreis*
    /// over *kreisen*, *Fall* over *fällen*): *Verhandlerkreisen*, *Parteikreisen* are circles,
    /// the dative plural of *Verhandlerkreis*; a noun modifier hardly makes a compound of the
    /// activity (*Bewegen im Kreis*). Not where the infinitive is the more frequent word (*Essen* over *Esse*: a
    /// *Schulessen* is a meal, not chimneys) or about as frequent (*Spiel*, *spielen*: the
    /// *Saxofonspielen*).
    fn plural_head_of_infinitive(
        &self,
        lemma: &str,
        others: impl Iterator<Item = String>,
    ) -> Option<String> {
        let infinitive = lemma.ends_with("en")
            && self
                .nouns
                .primary(lemma)
                .is_some_and(|v| v.gender == Gender::N)
            && {
                let inf = lemma.to_lowercase();
                inf.strip_suffix("en")
                    .is_some_and(|stem| self.verb_stem_zipf(stem, &inf).is_some())
            };
        if !infinitive {
            return None;
        }
        let own = self.freq.zipf(lemma).unwrap_or(0.0) + PLURAL_HEAD_MARGIN;
        others
            .filter(|o| self.freq.zipf(o).is_some_and(|z| z >= own))
            .max_by(|a, b| {
                let za = self.freq.zipf(a).unwrap_or(0.0);
                let zb = self.freq.zipf(b).unwrap_or(0.0);
                za.total_cmp(&zb)
            })
    }

    /// Whether the noun `cap` ends in one of the [`S_LINKED_SUFFIXES`] (with its gender and a
    /// vowel before it): as a modifier it takes the linking -s-.
    fn takes_linking_s(&self, cap: &str) -> bool {
        S_LINKED_SUFFIXES.iter().any(|&(suffix, gender)| {
            cap.strip_suffix(suffix).is_some_and(|stem| {
                stem.chars().any(|c| "aeiouäöüyAEIOUÄÖÜ".contains(c))
                    && self.nouns.primary(cap).is_some_and(|v| v.gender == gender)
            })
        })
    }

    /// A noun lemma.
    pub(crate) fn is_common_noun(&self, lemma: &str) -> bool {
        self.nouns.is_lemma(lemma)
    }

    /// Splits a word without hyphens into at least two parts, the cheapest split.
    fn split_plain(&self, word: &str) -> Option<Vec<CompoundPart>> {
        let idx: Vec<usize> = word
            .char_indices()
            .map(|(i, _)| i)
            .chain([word.len()])
            .collect();
        let n = idx.len() - 1;
        if n < 6 {
            return None;
        }
        let mut memo = Memo::default();
        // best[i]: cheapest modifiers covering the first i chars, with back pointer.
        let mut best: Vec<Option<(f32, usize, Choice)>> = vec![None; n + 1];
        for i in 0..n.saturating_sub(5) {
            let base = match (i, &best[i]) {
                (0, _) => 0.0,
                (_, Some((c, _, _))) => *c,
                _ => continue,
            };
            // Modifiers are at least 3 chars and leave at least 3 for the head.
            for j in (i + 2)..=(n - 3) {
                let seg = &word[idx[i]..idx[j]];
                if !self.prefix_alive(seg) {
                    break;
                }
                if j - i < 3 {
                    continue;
                }
                for (end, c) in self.modifier_options(seg, &word[idx[j]..], j, &mut memo) {
                    let cost = base + c.cost;
                    if end <= n - 3 && best[end].as_ref().is_none_or(|b| cost < b.0) {
                        best[end] = Some((cost, i, c));
                    }
                }
            }
        }
        let mut winner: Option<(f32, usize, Choice)> = None;
        // a word the noun table does not know that ends in -schaft is a derivation (*Führerschaft*,
        // *Komplizenschaft*), not a compound of the noun *Schaft* (shaft); so is one of an
        // adjective or a verb and -schaft (*Bereit·schaft*: readiness, no shaft)
        let suffix_schaft = !self.nouns.is_lemma(word);
        // where Wiktionary's pronunciation marks the last part with a secondary stress
        // (*Antragsteller* /ˈantʁaːkˌʃtɛlɐ/), a head that starts with that sound wins over a
        // head one letter longer or shorter that does not (*Antrag·steller*, not
        // *Antrags·teller* "plate"): a linking *s* read as the head's first letter, or the
        // head's first letter read as a linking *s*. Only then: the stress marks the head of a
        // word's last compound, which may be inside the head (*Sozial·ausgabe*
        // /…ʔaʊ̯sˌɡaːbə/)
        let onset = self.ipa(word).and_then(last_part_onset);
        let mut fitting: Option<(f32, usize, Choice)> = None;
        for i in 3..=(n - 3) {
            let Some((cost, _, before)) = &best[i] else {
                continue;
            };
            if word[idx[i]..].starts_with("schaft")
                && (suffix_schaft || before.kind != PartKind::Noun)
            {
                continue;
            }
            if let Some(h) = self.head(&word[idx[i]..], &mut memo) {
                let total = cost + h.cost;
                if onset.is_some_and(|o| onset_fits(&word[idx[i]..], o))
                    && fitting.as_ref().is_none_or(|w| total < w.0)
                {
                    fitting = Some((total, i, h.clone()));
                }
                if winner.as_ref().is_none_or(|w| total < w.0) {
                    winner = Some((total, i, h));
                }
            }
        }
        let near = |f: &(f32, usize, Choice), w: &(f32, usize, Choice)| f.1.abs_diff(w.1) == 1;
        let (_, mut i, head) = match (fitting, winner) {
            (Some(f), Some(w))
                if near(&f, &w) && !onset.is_some_and(|o| onset_fits(&word[idx[w.1]..], o)) =>
            {
                f
            }
            (_, w) => w?,
        };
        let mut parts = vec![(idx[i], word.len(), head)];
        while i > 0 {
            let (_, from, c) = best[i].clone()?;
            parts.push((idx[from], idx[i], c));
            i = from;
        }
        parts.reverse();
        self.bare_modifier_before_head(word, &mut parts, &mut memo);
        // Koehn & Knight: keep the split only if its parts are, on average, at least as
        // frequent as the word itself.
        let mean = parts.iter().map(|p| p.2.zipf).sum::<f32>() / parts.len() as f32;
        let whole = self
            .nouns
            .lemmas(word, &self.freq)
            .first()
            .and_then(|l| self.nouns.lemma_zipf(l, &self.freq))
            .or_else(|| self.freq.zipf(word));
        if whole.is_some_and(|w| mean < w) {
            return None;
        }
        Some(
            parts
                .into_iter()
                .map(|(a, b, c)| CompoundPart {
                    surface: word[a..b].to_owned(),
                    offset: a,
                    lemma: c.lemma.to_string(),
                    linker: c.linker.to_owned(),
                    kind: c.kind,
                })
                .collect(),
        )
    }

    /// Corrects a split where a modifier is a plural form (*Treibhausgase*, lemma
    /// *Treibhausgas*) before a part that, with the plural ending in front, is a known noun too
    /// (*mission* → *emission*): the bare stem and the longer noun win (*Treibhausgas ·
    /// emission*, not *Treibhausgase · mission*; *Treibhausgas · emissions · ziel*). The
    /// dynamic programme prefers the frequent short part (*Mission*, Zipf 4.6, over
    /// *Emission*, 3.3) by more than the plural's penalty; German writes a plural modifier only
    /// where the singular would not do, and a bare noun stem before a known noun is the plainer
    /// reading. Only regular plural endings that the word shows after the lemma (*-e*, *-er*,
    /// *-en*, *-n*: not *Länder*, whose lemma *Land* is not written in it) and only a longer
    /// noun of Zipf [`MIN_BARE_HEAD_ZIPF`] or more (a known word, not a rare noun that happens
    /// to be spelt so); a modifier after it keeps its linking element (*emission·s*).
    fn bare_modifier_before_head(
        &self,
        word: &str,
        parts: &mut [(usize, usize, Choice)],
        memo: &mut Memo,
    ) {
        let n = parts.len();
        for k in 0..n.saturating_sub(1) {
            let (start, end, modifier) = &parts[k];
            if modifier.kind != PartKind::Noun || !modifier.linker.is_empty() {
                continue;
            }
            let surface = capitalize(&word[*start..*end]);
            let Some(ending) = surface.strip_prefix(&*modifier.lemma) else {
                continue;
            };
            if !["e", "er", "en", "n"].contains(&ending) {
                continue;
            }
            let (start, cut) = (*start, end - ending.len());
            let (next_end, next) = (parts[k + 1].1, &parts[k + 1].2);
            let longer = if k + 2 == n {
                self.head(&word[cut..], memo)
            } else {
                let noun = capitalize(&word[cut..next_end - next.linker.len()]);
                let zipf = self.noun_zipf(&noun, memo);
                self.is_common_noun(&noun).then(|| Choice {
                    cost: Self::part_cost(zipf, &noun),
                    zipf,
                    lemma: noun.as_str().into(),
                    linker: next.linker,
                    kind: PartKind::Noun,
                })
            };
            let Some(longer) = longer.filter(|c| c.zipf >= MIN_BARE_HEAD_ZIPF) else {
                continue;
            };
            let bare = Choice {
                linker: "",
                ..parts[k].2.clone()
            };
            parts[k] = (start, cut, bare);
            parts[k + 1] = (cut, next_end, longer);
        }
    }

    /// The whole word that the first conjunct of an elliptical coordination stands for: the
    /// truncated word (`Außen` of "Außen- und Verteidigungsministern", written without its
    /// hyphen) completed with the part it shares with the full word after the conjunction:
    /// `Außenministern`; `Staats` + `Regierungschefs` → `Staatschefs`, `Ein` + `Ausfuhr` →
    /// `Einfuhr`, `Gehalts` + `Boni-Erhöhungen` → `Gehaltserhöhungen`, `wirtschafts` +
    /// `sozialpolitische` → `wirtschaftspolitische`. The shared part is the full word's head
    /// (its compound parts from the last one backwards; a hyphenated word's last segment), else
    /// its shortest ending that makes a known word. The completion keeps the full word's
    /// inflection. `None` if no completion is a word the lexicon knows.
    pub fn complete_truncated(&self, truncated: &str, full: &str) -> Option<String> {
        let truncated = truncated.strip_suffix('-').unwrap_or(truncated);
        if truncated.is_empty()
            || full.len() > super::MAX_WORD_BYTES
            || truncated.len() > super::MAX_WORD_BYTES
            || !truncated.chars().all(|c| c.is_alphabetic() || c == '-')
        {
            return None;
        }
        let noun = super::is_capitalised(full);
        // a full word that ends in a suffix with the linking -s (`Liegenschafts` of
        // "Beteiligungs- und Liegenschafts GmbH") is itself a modifier, written apart from its
        // head: no word to complete with (a feminine noun of these suffixes has no -s form)
        if noun && LINKED_SUFFIXES.iter().any(|x| full.ends_with(x)) {
            return None;
        }
        // the candidate that the truncated word and the tail `tail` of `full` make
        let join = |tail: &str| -> String {
            if noun {
                format!("{truncated}{}", super::lower_first(tail))
            } else {
                format!("{truncated}{tail}")
            }
        };
        let known = |word: &str, loose: bool| -> bool {
            if noun {
                let lemmas = self.nouns.lemmas(word, &self.freq);
                if !lemmas.is_empty() {
                    return true;
                }
                loose
                    && self
                        .analyze(word)
                        .is_some_and(|a| a.pos == super::Pos::Noun)
            } else {
                self.freq.zipf(word).is_some()
                    && self
                        .analyze(word)
                        .is_some_and(|a| a.pos != super::Pos::Other)
            }
        };
        // 1. a hyphenated full word: its last segment (Boni-Erhöhungen → Erhöhungen)
        if let Some((_, last)) = full.rsplit_once('-')
            && last.chars().count() >= 3
        {
            let cand = join(last);
            if known(&cand, true) {
                return Some(cand);
            }
        }
        // 2. the compound's parts, the head first, then longer tails
        if noun && let Some(parts) = self.compound_parts(full) {
            for p in parts.iter().skip(1).rev() {
                let cand = join(&full[p.offset..]);
                if known(&cand, true) {
                    return Some(cand);
                }
            }
        }
        // 3. the shortest ending that makes a known word (Ausfuhr → fuhr → Einfuhr)
        let starts: Vec<usize> = full.char_indices().map(|(i, _)| i).skip(1).collect();
        for &i in starts.iter().rev() {
            let tail = &full[i..];
            if tail.chars().count() < 3 {
                continue;
            }
            let cand = join(tail);
            if known(&cand, false) {
                return Some(cand);
            }
        }
        None
    }

    /// The whole word that the second conjunct of an elliptical coordination stands for when it
    /// lacks its front: `-parlament` (written without its hyphen) after "Landesregierung und"
    /// → `Landesparlament`; `Kommission`, `Parlament` → `EU-Parlament` for "EU-Kommission und
    /// -Parlament". The front is everything of `full` before its head (its last compound part).
    /// `None` if `full` is no compound or the completion no known noun.
    pub fn complete_truncated_front(&self, full: &str, truncated: &str) -> Option<String> {
        if full.len() > super::MAX_WORD_BYTES
            || truncated.len() > super::MAX_WORD_BYTES
            || truncated.chars().count() < 3
            || !truncated.chars().all(char::is_alphabetic)
        {
            return None;
        }
        let parts = self.compound_parts(full)?;
        let head = parts.last()?;
        if parts.len() < 2 {
            return None;
        }
        let front = &full[..head.offset];
        let cand = if front.ends_with('-') {
            format!("{front}{}", capitalize(truncated))
        } else {
            format!("{front}{}", super::lower_first(truncated))
        };
        self.analyze(&cand)
            .is_some_and(|a| a.pos == super::Pos::Noun)
            .then_some(cand)
    }

    /// Splits a compound into parts (see [`Lexicon::split_compound`]).
    pub fn compound_parts(&self, word: &str) -> Option<Vec<CompoundPart>> {
        // the name check and the analysis of a word both split it: memoise per thread (bounded;
        // the lexicon is one per process)
        crate::memo::memoised_shared(&PARTS, &PARTS_SHARED, word, PARTS_MEMO_MAX, || {
            self.compound_parts_uncached(word)
        })
    }

    fn compound_parts_uncached(&self, word: &str) -> Option<Vec<CompoundPart>> {
        if word.len() > super::MAX_WORD_BYTES {
            return None;
        }
        if word.contains('-') {
            let segments: Vec<&str> = word.split('-').collect();
            if segments.len() < 2 || segments.iter().any(|s| s.is_empty()) {
                return None;
            }
            let mut parts = Vec::new();
            let last = segments.len() - 1;
            let mut offset = 0;
            for (k, seg) in segments.iter().enumerate() {
                let start = offset;
                offset += seg.len() + 1;
                if let Some(sub) = self.split_plain(seg) {
                    parts.extend(sub.into_iter().map(|p| CompoundPart {
                        offset: p.offset + start,
                        ..p
                    }));
                    continue;
                }
                let lemma = if k == last {
                    self.nouns.lemmas(seg, &self.freq).into_iter().next()
                } else {
                    self.nouns.is_lemma(seg).then(|| (*seg).to_owned())
                };
                let kind = if lemma.is_some() {
                    PartKind::Noun
                } else {
                    PartKind::Other
                };
                parts.push(CompoundPart {
                    surface: (*seg).to_owned(),
                    offset: start,
                    lemma: lemma.unwrap_or_else(|| (*seg).to_owned()),
                    linker: String::new(),
                    kind,
                });
            }
            return Some(parts);
        }
        if self.isch_adjective(word) {
            return None;
        }
        let parts = self.split_plain(word)?;
        if self.inflected_unknown_noun(word) {
            return None;
        }
        Some(parts)
    }

    /// Whether `word`, capitalised (*Dramatische*, *Läuferisch*, *Personelle*) or not, is an
    /// adjective in *-isch* or *-ell* with or without an ending, not a compound of *Tisch*,
    /// *Nische*, *Isch* or *Elle* (*Drama·tisch*, *Kaliforn·ische*, *Läufer·isch*,
    /// *Person·elle*): an inflected adjective in *-ell* of Wiktionary, or a word the noun table lacks whose
    /// stem ends in *-isch*, where *-isch* is no part of *-tisch* or *-fisch* (nouns of those
    /// heads: *Verhandlungstisch*), or where it is, the adjective is a word of Wiktionary or
    /// the frequency table has it with an ending no noun has (*-er*, *-em*).
    fn isch_adjective(&self, word: &str) -> bool {
        if !self.nouns.lemmas(word, &self.freq).is_empty() {
            return false;
        }
        let lower = word.to_lowercase();
        ["", "e", "en", "er", "es", "em"].iter().any(|end| {
            let Some(base) = lower.strip_suffix(end) else {
                return false;
            };
            // *personell*, *finanziell*: no noun in *-elle* (*Quelle*, *Stelle*) is an
            // adjective of Wiktionary with its *-e* cut off
            if base.ends_with("ell") && base.chars().count() >= 7 {
                return !end.is_empty() && !self.senses(base).is_empty();
            }
            if !base.ends_with("isch") || base.chars().count() < 7 {
                return false;
            }
            if !base.ends_with("tisch") && !base.ends_with("fisch") {
                return true;
            }
            !self.senses(base).is_empty()
                || ["er", "em"]
                    .iter()
                    .any(|e| self.freq.zipf(&format!("{base}{e}")).is_some())
        })
    }

    /// Whether `word` is an inflected form of a noun the noun table lacks: the word without an
    /// ending (-en, -n, -es, -s, -e) is a word of the frequency table that is no noun of the
    /// table and no compound of known parts (*Mandataren*, *Mandatare*: the Austrian *der
    /// Mandatar*), nor an adjective or verb. Such a word is no compound of other parts (*Mandat·aren*, with the head
    /// *Aren*, an aromatic hydrocarbon).
    fn inflected_unknown_noun(&self, word: &str) -> bool {
        ["en", "n", "es", "s", "e"].iter().any(|end| {
            word.strip_suffix(end).is_some_and(|stem| {
                stem.chars().count() >= 5
                    && self.freq.zipf(stem).is_some()
                    && self.nouns.lemmas(stem, &self.freq).is_empty()
                    // not a nominalised adjective (*Schutzbedürftige*: *schutzbedürftig*)
                    && self
                        .morph
                        .analyze(&stem.to_lowercase(), &self.domain, &self.freq)
                        .is_none()
                    && self.compound_parts(stem).is_none()
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_starts_where_the_pronunciation_marks_the_last_part() {
        assert_eq!(last_part_onset("ˈantʁaːkˌʃtɛlɐ"), Some('ʃ'));
        assert_eq!(last_part_onset("aˈlaɪ̯nˌɡaŋ"), Some('ɡ'));
        assert_eq!(last_part_onset("ˈʔapfl̩"), None);
        assert!(onset_fits("steller", 'ʃ'));
        assert!(!onset_fits("teller", 'ʃ'));
        assert!(onset_fits("gang", 'ɡ'));
        assert!(onset_fits("ausgabe", 'a'));
        assert!(!onset_fits("eingang", 'ɡ'));
        assert!(onset_fits("eingang", 'a'));
        assert!(onset_fits("zeit", 't'));
        let lex = crate::lexicon::lexicon();
        let parts = |w: &str| -> Vec<String> {
            lex.compound_parts(w)
                .unwrap()
                .into_iter()
                .map(|p| p.surface)
                .collect()
        };
        assert_eq!(parts("Antragsteller"), ["Antrag", "steller"]);
        assert_eq!(
            parts("Versorgungssicherheit"),
            ["Versorgungs", "sicherheit"]
        );
        // the stress on the head of the head (Aus·gabe) moves no boundary
        assert_eq!(parts("Sozialausgabe"), ["Sozial", "ausgabe"]);
        assert_eq!(parts("Erfolgsaussicht"), ["Erfolgs", "aussicht"]);
    }

    #[test]
    fn a_plural_modifier_gives_way_to_its_bare_stem_before_a_known_head() {
        let lex = crate::lexicon::lexicon();
        let parts = |w: &str| -> Vec<(String, String)> {
            lex.compound_parts(w)
                .unwrap()
                .into_iter()
                .map(|p| (p.surface, p.lemma))
                .collect()
        };
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
                .collect()
        };
        // not Treibhausgase · mission
        assert_eq!(
            parts("Treibhausgasemission"),
            pairs(&[("Treibhausgas", "Treibhausgas"), ("emission", "Emission")])
        );
        assert_eq!(
            parts("Treibhausgasemissionen"),
            pairs(&[("Treibhausgas", "Treibhausgas"), ("emissionen", "Emission")])
        );
        // also before a modifier, which keeps its linking element
        assert_eq!(
            parts("Treibhausgasemissionsziel"),
            pairs(&[
                ("Treibhausgas", "Treibhausgas"),
                ("emissions", "Emission"),
                ("ziel", "Ziel")
            ])
        );
        // a plural modifier whose ending makes no word with the head stays (Länder is no
        // regular ending after Land; Kinder · garten: no Ergarten)
        assert_eq!(parts("Kindergarten")[0].0, "Kinder");
        assert_eq!(parts("Länderspiel")[0].0, "Länder");
    }

    #[test]
    fn bound_modifiers_parse() {
        let items = crate::lexicon::checked_word_list(BOUND_MODIFIERS_TXT, false);
        assert_eq!(items, *BOUND_MODIFIERS);
        // compared with the lower-cased part
        assert!(
            items.iter().all(|m| m.chars().all(char::is_lowercase)),
            "{items:?}"
        );
        for m in ["außen", "innen", "vize", "binnen", "cyber"] {
            assert!(items.contains(&m), "{m}");
        }
    }
}
