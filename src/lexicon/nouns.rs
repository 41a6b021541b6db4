//! German nouns from Wiktionary (via german-nouns): gender, paradigms, lemmatisation.
//!
//! `nouns.tsv` maps a lemma to its gender and a paradigm id; `noun_paradigms.tsv` lists each
//! paradigm's forms relative to the lemma (`DEL>ADD`: strip DEL, append ADD). Lemmatising an
//! inflected form runs the paradigms backwards: for every rule whose ADD ends the form, the
//! candidate lemma is the form minus ADD plus DEL; a candidate counts if it is a lemma whose
//! paradigm contains that rule.

use super::abstract_words::{ABSTRACT_SUFFIXES, Embedded};
use super::freq::Freq;
use super::sorted::SortedLines;
use super::{Case, Gender, Number};

/// `nouns.tsv` (CC BY-SA 4.0, from Wiktionary via german-nouns).
pub(crate) const NOUNS_TSV: &str = include_str!("../../data/lexicon/nouns.tsv");
/// `noun_paradigms.tsv` (CC BY-SA 4.0, from Wiktionary via german-nouns).
pub(crate) const PARADIGMS_TSV: &str = include_str!("../../data/lexicon/noun_paradigms.tsv");

/// `mass_heads.tsv`: the nouns whose compounds are used without a plural (scripts/gen_mass_heads.py,
/// CC BY-SA 4.0 as the tables it is derived from).
pub(crate) const MASS_HEADS_TSV: &str = include_str!("../../data/lexicon/mass_heads.tsv");

/// `noun_rules.tsv`: the paradigms' rules reversed (ADD → DELs), generated with them.
pub(crate) const RULES_TSV: &str = include_str!("../../data/lexicon/noun_rules.tsv");

/// Bound of the per-thread memos of [`Nouns::lemmas`] and [`Nouns::lemma_zipf`].
const MEMO_MAX: usize = 100_000;

thread_local! {
    static LEMMAS: crate::memo::MemoCell<Vec<String>> = Default::default();
    static LEMMA_ZIPF: crate::memo::MemoCell<Option<f32>> = Default::default();
}
static LEMMAS_SHARED: crate::memo::SharedCell<Vec<String>> =
    crate::memo::SharedCell::new(Default::default);
static LEMMA_ZIPF_SHARED: crate::memo::SharedCell<Option<f32>> =
    crate::memo::SharedCell::new(Default::default);

/// One form of a paradigm, relative to the lemma: strip `del`, append `add`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Rule<'a> {
    del: &'a str,
    add: &'a str,
}

impl<'a> Rule<'a> {
    /// Parses an encoded form; `None` for "-" (no such form). A leading '^' (the mark of an
    /// extra nominative plural) is skipped.
    fn parse(s: &'a str) -> Option<Rule<'a>> {
        let s = s.strip_prefix('^').unwrap_or(s);
        if s == "-" {
            return None;
        }
        Some(match s.split_once('>') {
            Some((del, add)) => Rule { del, add },
            None => Rule { del: "", add: s },
        })
    }

    fn apply(&self, lemma: &str) -> Option<String> {
        let stem = lemma.strip_suffix(self.del)?;
        Some(super::concat(stem, self.add))
    }
}

/// The forms of one paradigm, parsed on demand from its line: 8 case/number slots, then extra
/// forms.
#[derive(Debug, Clone, Copy)]
struct Paradigm {
    line: &'static str,
}

impl Paradigm {
    /// All encoded forms, slots first.
    fn encoded(&self) -> std::str::Split<'static, char> {
        self.line.split('|')
    }

    /// The rule of slot `i` (0..8), `None` if there is no such form.
    fn slot(&self, i: usize) -> Option<Rule<'static>> {
        self.encoded().nth(i).and_then(Rule::parse)
    }

    /// The 8 slots.
    fn slots(&self) -> impl Iterator<Item = Option<Rule<'static>>> {
        self.encoded().take(8).map(Rule::parse)
    }

    /// The extra nominative plurals (marked '^': Atlasse beside Atlanten).
    fn extra_plurals(&self) -> impl Iterator<Item = Rule<'static>> {
        self.encoded()
            .skip(8)
            .filter(|e| e.starts_with('^'))
            .filter_map(Rule::parse)
    }

    fn has(&self, del: &str, add: &str) -> bool {
        self.encoded()
            .filter_map(Rule::parse)
            .any(|r| r.del == del && r.add == add)
    }
}

/// One Wiktionary entry of a noun lemma.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Variant {
    pub(crate) gender: Gender,
    paradigm: usize,
    /// Adjectival declension (der Verbündete / ein Verbündeter).
    pub(crate) adjectival: bool,
}

/// The noun tables.
#[derive(Debug)]
pub(crate) struct Nouns {
    table: SortedLines,
    /// Paradigm lines by id (the forms part only).
    paradigms: Vec<&'static str>,
    /// ADD → DELs of every rule with that ADD.
    rules: SortedLines,
    /// Length in bytes of the longest ADD: no rule ends a form in a longer ending.
    max_add: usize,
    /// Heads whose compounds are used without a plural, with their gender.
    mass_heads: SortedLines,
}

/// The index of a (case, number) slot in a paradigm's forms: nominative, genitive, dative,
/// accusative singular, then the same in the plural.
pub(crate) fn slot_index(case: Case, number: Number) -> usize {
    let c = match case {
        Case::Nom => 0,
        Case::Gen => 1,
        Case::Dat => 2,
        Case::Acc => 3,
    };
    c + if number == Number::Pl { 4 } else { 0 }
}

impl Nouns {
    /// The lemmas that begin with `prefix`, in table order (once per entry).
    pub(crate) fn lemmas_with_prefix<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = &'static str> + 'a {
        self.table.keys_with_prefix(prefix)
    }

    pub(crate) fn new() -> Self {
        // Paradigm lines are written in id order: line k is paradigm k.
        let paradigms = SortedLines::new(PARADIGMS_TSV)
            .iter()
            .map(|(_, forms)| forms)
            .collect();
        let rules = SortedLines::new(RULES_TSV);
        let max_add = rules.iter().map(|(add, _)| add.len()).max().unwrap_or(0);
        Nouns {
            table: SortedLines::with_key_index(NOUNS_TSV, super::sorted::keys::NOUNS),
            paradigms,
            rules,
            max_add,
            mass_heads: SortedLines::new(MASS_HEADS_TSV),
        }
    }

    /// Whether the compounds of `head` in gender `gender` are used without a plural
    /// (`mass_heads.tsv`).
    pub(crate) fn is_mass_head(&self, head: &str, gender: Gender) -> bool {
        self.mass_heads
            .get_all(head)
            .any(|rest| rest.split('\t').next() == Some(gender.as_str()))
    }

    fn paradigm(&self, v: Variant) -> Paradigm {
        Paradigm {
            line: self
                .paradigms
                .get(v.paradigm)
                .copied()
                .unwrap_or("-|-|-|-|-|-|-|-"),
        }
    }

    /// The Wiktionary entries of a lemma, first (primary) entry first.
    pub(crate) fn variants<'a>(&'a self, lemma: &'a str) -> impl Iterator<Item = Variant> + 'a {
        self.table.get_all(lemma).filter_map(|rest| {
            let mut cols = rest.split('\t');
            let gender = cols.next()?.parse().ok()?;
            let paradigm = cols.next()?.parse().ok()?;
            let adjectival = cols.next() == Some("a");
            Some(Variant {
                gender,
                paradigm,
                adjectival,
            })
        })
    }

    /// Whether some noun lemma starts with `prefix`.
    pub(crate) fn has_prefix(&self, prefix: &str) -> bool {
        self.table.has_prefix(prefix)
    }

    /// Whether `lemma` is a noun lemma.
    pub(crate) fn is_lemma(&self, lemma: &str) -> bool {
        self.table.contains(lemma)
    }

    /// The primary entry of a lemma.
    pub(crate) fn primary(&self, lemma: &str) -> Option<Variant> {
        self.variants(lemma).next()
    }

    /// The form of `lemma` (entry `v`) in this case and number.
    pub(crate) fn form(
        &self,
        lemma: &str,
        v: Variant,
        case: Case,
        number: Number,
    ) -> Option<String> {
        self.paradigm(v)
            .slot(slot_index(case, number))?
            .apply(lemma)
    }

    /// Nominative plural of `lemma` (entry `v`); `None` for nouns without a plural and for
    /// plural-only nouns (whose lemma is already plural).
    pub(crate) fn plural(&self, lemma: &str, v: Variant) -> Option<String> {
        if v.gender == Gender::Pl {
            return None;
        }
        self.form(lemma, v, Case::Nom, Number::Pl)
    }

    /// The plurals of an entry: the nominative plural first, then the other nominative plurals
    /// Wiktionary gives (Atlanten, Atlasse). Used to accept a plural that is not the first one.
    pub(crate) fn plural_alternatives(&self, lemma: &str, v: Variant) -> Vec<String> {
        if v.gender == Gender::Pl {
            return Vec::new();
        }
        let p = self.paradigm(v);
        let mut out: Vec<String> = Vec::new();
        for f in p
            .slot(4)
            .into_iter()
            .chain(p.extra_plurals())
            .filter_map(|r| r.apply(lemma))
        {
            if !out.contains(&f) {
                out.push(f);
            }
        }
        out
    }

    /// Frequency of a lemma: summed over the forms of its primary entry. Memoised per thread
    /// (compound splits ask for the same parts again and again).
    pub(crate) fn lemma_zipf(&self, lemma: &str, freq: &Freq) -> Option<f32> {
        crate::memo::memoised_shared(&LEMMA_ZIPF, &LEMMA_ZIPF_SHARED, lemma, MEMO_MAX, || {
            self.lemma_zipf_uncached(lemma, freq)
        })
    }

    fn lemma_zipf_uncached(&self, lemma: &str, freq: &Freq) -> Option<f32> {
        let v = self.primary(lemma)?;
        let forms: Vec<String> = std::iter::once(lemma.to_owned())
            .chain(
                self.paradigm(v)
                    .slots()
                    .flatten()
                    .filter_map(|r| r.apply(lemma)),
            )
            .collect();
        freq.zipf_sum(forms.iter().map(String::as_str))
    }

    /// Every lemma that has `surface` among its forms, best first.
    ///
    /// Ranking: the surface itself when it is an ordinary (not adjectival) noun lemma; then
    /// ordinary nouns before nouns with adjectival declension (Alternativen → Alternative, not
    /// Alternativer); among those, the masculine first (Verbündeten, Verbündete → Verbündeter,
    /// not the feminine Verbündete); then the surface itself; then a lemma of which the surface
    /// is a nominative (Granaten → Granate, not Granat, whose dative plural it is), unless the
    /// other is far more frequent ([`NOMINATIVE_MARGIN`]); then the more frequent lemma.
    ///
    /// Memoised per thread: the name test, the analysis and the compound splits (every tail
    /// of a word is tried as a head) ask for the same surfaces again and again.
    pub(crate) fn lemmas(&self, surface: &str, freq: &Freq) -> Vec<String> {
        crate::memo::memoised_shared(&LEMMAS, &LEMMAS_SHARED, surface, MEMO_MAX, || {
            self.lemmas_uncached(surface, freq)
        })
    }

    fn lemmas_uncached(&self, surface: &str, freq: &Freq) -> Vec<String> {
        #[derive(Default)]
        struct Found {
            lemma: String,
            /// Has an entry without adjectival declension.
            plain: bool,
            /// Has a masculine entry with adjectival declension.
            adj_m: bool,
            /// Is the surface itself.
            is_self: bool,
            /// The surface is a nominative of an entry (*Granaten* of *Granate*; of *Granat*,
            /// plural *Granate*, only the dative plural).
            nominative: bool,
        }
        let mut found: Vec<Found> = Vec::new();
        let nominative = |lemma: &str, v: Variant| {
            [Number::Sg, Number::Pl]
                .into_iter()
                .any(|n| self.form(lemma, v, Case::Nom, n).as_deref() == Some(surface))
        };
        let push = |lemma: String, v: Variant, is_self: bool, found: &mut Vec<Found>| {
            let nom = is_self || nominative(&lemma, v);
            let i = match found.iter().position(|e| e.lemma == lemma) {
                Some(i) => i,
                None => {
                    found.push(Found {
                        lemma,
                        ..Found::default()
                    });
                    found.len() - 1
                }
            };
            let e = &mut found[i];
            e.plain |= !v.adjectival;
            e.adj_m |= v.adjectival && v.gender == Gender::M;
            e.is_self |= is_self;
            e.nominative |= nom;
        };
        for v in self.variants(surface) {
            push(surface.to_owned(), v, true, &mut found);
        }
        // Every split of the surface into stem + ADD (the stem keeps at least one character).
        // (endings longer than every rule's ADD have no rule: not looked up)
        let cuts = surface
            .char_indices()
            .map(|(i, _)| i)
            .skip(1)
            .chain([surface.len()])
            .filter(|&cut| surface.len() - cut <= self.max_add);
        let mut candidate = String::with_capacity(surface.len() + 4);
        for cut in cuts {
            let (stem, add) = surface.split_at(cut);
            let Some(dels) = self.rules.get(add) else {
                continue;
            };
            for del in dels.split(',') {
                if del.is_empty() && add.is_empty() {
                    continue;
                }
                candidate.clear();
                candidate.push_str(stem);
                candidate.push_str(del);
                for v in self.variants(&candidate) {
                    if self.paradigm(v).has(del, add) {
                        push(candidate.clone(), v, false, &mut found);
                    }
                }
            }
        }
        if found.len() > 1 {
            // Frequencies only to break ties: most surfaces have one candidate.
            // a nominative reading wins unless the other noun's own word is far more frequent
            // (*Muslimen*: *Muslim*, 3.67, not *Muslima*, 2.90); a nominative noun whose own
            // word is also a form of the other shares its count: it must be more frequent
            // (*Zwecken*: *Zweck*, not *die Zwecke*, whose word is *Zweck*'s plural)
            let own = |f: &Found| freq.zipf(&f.lemma).unwrap_or(0.0);
            let others: Vec<(String, f32)> = found
                .iter()
                .filter(|f| !f.nominative)
                .map(|f| (f.lemma.clone(), own(f)))
                .collect();
            for f in &mut found {
                if !f.nominative {
                    continue;
                }
                let mine = own(f);
                f.nominative = others.iter().all(|(other, z)| {
                    let margin = if self.is_form_of(&f.lemma, other) {
                        0.0
                    } else {
                        NOMINATIVE_MARGIN
                    };
                    mine + margin > *z
                });
            }
            // a rare entry spelt like another noun's form is read as that form
            // (`rare_homographs.txt`: *Schiffe*, *Fällen*)
            for f in &mut found {
                if f.is_self && RARE_HOMOGRAPHS.contains(&f.lemma.as_str()) {
                    f.is_self = false;
                    f.nominative = false;
                }
            }
            let mut ranked: Vec<(Found, f32)> = found
                .into_iter()
                .map(|f| {
                    let z = self.lemma_zipf(&f.lemma, freq).unwrap_or(0.0);
                    (f, z)
                })
                .collect();
            ranked.sort_by(|(a, za), (b, zb)| {
                (b.is_self && b.plain)
                    .cmp(&(a.is_self && a.plain))
                    .then(b.plain.cmp(&a.plain))
                    .then(b.adj_m.cmp(&a.adj_m))
                    .then(b.is_self.cmp(&a.is_self))
                    // a nominative (plural) before a form that is only another case of
                    // another noun: *die Granaten* of *die Granate*, not *der Granat*
                    .then(b.nominative.cmp(&a.nominative))
                    .then(zb.total_cmp(za))
                    .then(a.lemma.cmp(&b.lemma))
            });
            return ranked.into_iter().map(|(f, _)| f.lemma).collect();
        }
        found.into_iter().map(|f| f.lemma).collect()
    }

    /// Whether `word` is one of the case forms of entry `v` of `lemma`.
    fn is_form_of_variant(&self, word: &str, lemma: &str, v: Variant) -> bool {
        self.paradigm(v)
            .slots()
            .flatten()
            .any(|r| r.apply(lemma).as_deref() == Some(word))
    }

    /// The entry of `lemma` that `surface` is a form of: the primary entry if it has that
    /// form, else the first entry with that form, one with a noun's own declension before one
    /// with adjectival declension. *Alters* (in *Frauenpensionsalters*) is the genitive of *das
    /// Alter* (age), no form of the primary entry *der Alte* (*ein Alter*, old man).
    pub(crate) fn variant_of_form(&self, lemma: &str, surface: &str) -> Option<Variant> {
        let primary = self.primary(lemma)?;
        if surface == lemma || self.is_form_of_variant(surface, lemma, primary) {
            return Some(primary);
        }
        let with_form = |v: &Variant| self.is_form_of_variant(surface, lemma, *v);
        self.variants(lemma)
            .filter(|v| !v.adjectival)
            .find(with_form)
            .or_else(|| self.variants(lemma).find(with_form))
            .or(Some(primary))
    }

    /// Whether the nominative plural of entry `v` of `lemma` is also an old dative singular:
    /// a plural in *-e* beside the genitive in *-es* (*Schutze*, *zum Schutze*): the frequency
    /// table counts the singular's dative with it.
    pub(crate) fn plural_is_old_dative(&self, lemma: &str, v: Variant) -> bool {
        let p = self.paradigm(v);
        p.slot(1).is_some_and(|r| r.del.is_empty() && r.add == "es")
            && p.slot(4).is_some_and(|r| r.del.is_empty() && r.add == "e")
            && !lemma.ends_with('e')
    }

    /// Whether `word` is a form of some entry of `lemma`.
    fn is_form_of(&self, word: &str, lemma: &str) -> bool {
        self.variants(lemma).any(|v| {
            [Case::Nom, Case::Gen, Case::Dat, Case::Acc]
                .into_iter()
                .flat_map(|c| [(c, Number::Sg), (c, Number::Pl)])
                .any(|(c, n)| self.form(lemma, v, c, n).as_deref() == Some(word))
        })
    }

    /// Number of lines (entries) of the noun table.
    pub(crate) fn len(&self) -> usize {
        self.table.len()
    }

    /// The lemma whose nominative plural is `form` (Länder → Land, Truppen → Truppe), tried
    /// with the common plural endings only: cheaper than [`Nouns::lemmas`].
    pub(crate) fn singular_of_plural(&self, form: &str) -> Option<String> {
        for end in ["er", "en", "e", "n", "s"] {
            let Some(stem) = form.strip_suffix(end) else {
                continue;
            };
            let plain = super::morph::strip_umlaut_last(stem);
            // Firmen → Firma, Themen → Thema, Museen → Museum, Zentren → Zentrum
            // (a candidate is made only where its ending applies)
            let latin =
                ["a", "um", "us", "on"].map(|e| (end == "en").then(|| super::concat(stem, e)));
            for cand in [
                Some(stem.to_owned()),
                plain,
                (end == "n").then(|| super::concat(stem, "e")),
            ]
            .into_iter()
            .chain(latin)
            .flatten()
            {
                if let Some(v) = self.primary(&cand)
                    && self.plural(&cand, v).as_deref() == Some(form)
                {
                    return Some(cand);
                }
            }
        }
        None
    }
}

/// How far (in Zipf, log10) a plural may fall below its singular and still count as attested:
/// 1.5, a plural at least 3 % as frequent as the singular. *Zeitungen* (0.66 below *Zeitung*),
/// *Lagen* (0.68), *Regierungen* (1.09), *Erhöhungen* (1.14), *Förderungen* (1.23),
/// *Mehrheiten* (1.33) are plurals in use; *Haftungen* (1.67), *Sicherheiten* (1.85),
/// *Bildungen* (2.54) and *Vernichtungen* (not in the table, at least 1.83 below) are not.
const PLURAL_GAP: f32 = 1.5;

/// Zipf of the rarest word of the frequency table (rarer words are left out of it).
const FREQ_FLOOR: f32 = 2.0;

/// Zipf from which a compound of the frequency table counts as a member of its head's family.
const FAMILY_ZIPF: f32 = 2.5;

/// Fewest family members (compounds of the table with the same head) that make evidence.
const FAMILY_MIN: usize = 3;

/// Share of a head's compounds whose plural is in the frequency table from which its compounds
/// have a plural in use: *-regierung* 3 of 13 (*Koalitionsregierungen*), *-zeitung* 4 of 10,
/// *-lage* 13 of 40, *-rechnung* 1 of 6 have; *-forschung* 1 of 15, *-sicherheit* 0 of 13,
/// *-politik* 0 of 53, *-versorgung* 0 of 12 have not.
const FAMILY_SHARE: f32 = 0.15;

/// The words of the frequency table that end in an abstract suffix, reversed and sorted, with
/// their Zipf × 100, as `build.rs` made them ([`super::abstract_words`]): the compounds of a
/// head are a prefix range.
fn abstract_words() -> Embedded {
    Embedded {
        text: include_str!(concat!(env!("OUT_DIR"), "/abstract_words.txt")),
        offsets: include_bytes!(concat!(env!("OUT_DIR"), "/abstract_words.offsets")),
        centi: include_bytes!(concat!(env!("OUT_DIR"), "/abstract_words.centi")),
    }
}

/// How much less frequent (Zipf of the lemma's own word) a noun of which a surface is a
/// nominative may be than another noun of which it is another case, and still be its lemma
/// (*Granaten*: *Granate*, not *Granat*; *Russen*: *Russe*, not *Ruß*).
const NOMINATIVE_MARGIN: f32 = 0.5;

/// `rare_homographs.txt`: rare noun entries spelt like a frequent noun's form (*Schiffe*,
/// *Fällen*), read as that form. Written by the kernsatz developers (MIT OR Apache-2.0).
pub(crate) const RARE_HOMOGRAPHS_TXT: &str = include_str!("../../data/lexicon/rare_homographs.txt");
static RARE_HOMOGRAPHS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| super::word_list(RARE_HOMOGRAPHS_TXT).collect());

/// Whether the plural of a compound noun whose head is an abstract noun of an activity or a
/// field (`head` ends in one of [`ABSTRACT_SUFFIXES`]) is attested, so that a vocabulary entry
/// shows it: *Krebsforschungen* and *Unkrautvernichtungen* are practically unused, while
/// *Gehaltserhöhungen*, *Koalitionsregierungen* and *Tageszeitungen* are plurals in use.
/// Evidence, first that decides:
/// 1. the compound in the frequency table: its plural is attested when it is at most
///    [`PLURAL_GAP`] below its singular, and not when it is missing and the singular is
///    frequent enough for a plural within that gap to be in the table;
/// 2. the head's family: the compounds of the table with the same head, of which a share
///    ([`FAMILY_SHARE`]) must have their plural in it;
/// 3. the head itself: its plural at most [`PLURAL_GAP`] below its singular.
///
/// Without any evidence (a head the table does not know), or for other heads, the plural is
/// attested. `lemma`, `plural` and `head` are the compound's singular, plural and its head
/// part as written in the lemma (`Krebsforschung`, `Krebsforschungen`, `forschung`).
pub(crate) fn compound_plural_attested(lemma: &str, plural: &str, head: &str, freq: &Freq) -> bool {
    use super::freq::fold;
    let (lemma, plural, head) = (fold(lemma), fold(plural), fold(head));
    if plural == lemma
        || head.len() >= lemma.len()
        || !ABSTRACT_SUFFIXES.iter().any(|s| head.ends_with(s))
    {
        return true;
    }
    let Some(ending) = plural.strip_prefix(lemma.as_str()) else {
        return true;
    };
    let zipf = |w: &str| freq.centi(w).map(|c| c as f32 / 100.0);
    let gap = |singular: f32, plural: Option<f32>| singular - plural.unwrap_or(FREQ_FLOOR);
    // 1. the compound itself
    if let Some(z) = zipf(&lemma) {
        let p = zipf(&plural);
        if p.is_some() || z - FREQ_FLOOR > PLURAL_GAP {
            return gap(z, p) <= PLURAL_GAP;
        }
    }
    head_plural_attested(ending, &head, freq, FAMILY_SHARE)
}

/// Steps 2 and 3 of [`compound_plural_attested`]: whether the compounds of the abstract head
/// `head` (casefolded, as written in the compound) have their plural (the compound's plural
/// ending `ending`) in use, by the head's family in the frequency table or the head itself;
/// `true` without evidence. `share` is the least share of the family with their plural in
/// the table that makes the plural attested ([`FAMILY_SHARE`]).
fn head_plural_attested(ending: &str, head: &str, freq: &Freq, share: f32) -> bool {
    let zipf = |w: &str| freq.centi(w).map(|c| c as f32 / 100.0);
    let gap = |singular: f32, plural: Option<f32>| singular - plural.unwrap_or(FREQ_FLOOR);
    // 2. the head's family
    let reversed: String = head.chars().rev().collect();
    let words = abstract_words();
    let start = words.lower_bound(&reversed);
    let members: Vec<String> = (start..words.len())
        .map(|i| (words.word(i), words.centi(i)))
        .take_while(|(w, _)| w.starts_with(&reversed))
        .filter(|(w, c)| w.len() >= reversed.len() + 3 && f32::from(*c) / 100.0 >= FAMILY_ZIPF)
        .map(|(w, _)| w.chars().rev().collect::<String>())
        // a compound of the head: a word of the table before it, with or without a linking
        // element (Strom·rechnung, Jahres·rechnung), no prefix (Aus·übung, Endab·rechnung)
        .filter(|m| {
            let modifier = &m[..m.len() - head.len()];
            modifier.chars().count() >= 4
                && [modifier]
                    .into_iter()
                    .chain(modifier.strip_suffix('s'))
                    .chain(modifier.strip_suffix("es"))
                    .chain(modifier.strip_suffix('n'))
                    .chain(modifier.strip_suffix("en"))
                    .any(|x| x.chars().count() >= 3 && freq.centi(x).is_some())
        })
        .collect();
    if members.len() >= FAMILY_MIN {
        let with_plural = members
            .iter()
            .filter(|m| zipf(&format!("{m}{ending}")).is_some())
            .count();
        return with_plural as f32 >= share * members.len() as f32;
    }
    // 3. the head
    match zipf(head) {
        Some(z) => gap(z, zipf(&format!("{head}{ending}"))) <= PLURAL_GAP,
        None => true,
    }
}

/// Whether a compound with an abstract head (`head` ends in one of [`ABSTRACT_SUFFIXES`]) that
/// a dictionary lists with a plural is practically used without one, whatever the dictionary
/// says: its plural (nominative or dative) is not in the frequency table, and either
/// 1. the compound is, frequent enough for a plural within [`PLURAL_GAP`] to be in it (the
///    first evidence of [`compound_plural_attested`]: *Pressefreiheit*, *Meinungsfreiheit*), or
/// 2. the compounds of its head have no plural in use, by the head's family or the head itself
///    (the later evidence of [`compound_plural_attested`], with the smaller share
///    [`LISTED_FAMILY_SHARE`]): *Grundlagenforschung* (1 of 15 compounds of *-forschung* with
///    a plural in the table), *Erderwärmung* (*Erwärmungen* is not in it). A compound whose own plural is in the table keeps it (*Fehlentwicklungen*,
///    *Neuentwicklungen*).
fn singular_without_plural(lemma: &str, plural: &str, head: &str, freq: &Freq) -> bool {
    use super::freq::fold;
    let (lemma, plural, head) = (fold(lemma), fold(plural), fold(head));
    if plural == lemma
        || head.len() >= lemma.len()
        || !ABSTRACT_SUFFIXES.iter().any(|s| head.ends_with(s))
    {
        return false;
    }
    let zipf = |w: &str| freq.centi(w).map(|c| c as f32 / 100.0);
    let dative = (!plural.ends_with('n') && !plural.ends_with('s')).then(|| format!("{plural}n"));
    if zipf(&plural).is_some() || dative.as_deref().is_some_and(|d| zipf(d).is_some()) {
        return false;
    }
    if zipf(&lemma).is_some_and(|z| z - FREQ_FLOOR > PLURAL_GAP) {
        return true;
    }
    let Some(ending) = plural.strip_prefix(lemma.as_str()) else {
        return false;
    };
    !head_plural_attested(ending, &head, freq, LISTED_FAMILY_SHARE)
}

/// [`FAMILY_SHARE`] for a compound a dictionary lists with a plural: its plural is dropped
/// only where fewer than one in ten of its head's compounds have their plural in the frequency
/// table, which undercounts them (*-forschung* 1 of 15, *-entwicklung* 2 of 23, *-technik*; not
/// *-sitzung*, 1 of 7: *Sondersitzungen* are in use though the table lacks them).
const LISTED_FAMILY_SHARE: f32 = 0.1;

/// Zipf of a singular from which a plural missing from the frequency table (at least
/// [`PLURAL_GAP`] + 0.3 below it) marks a noun used practically only in the singular.
const UNCOUNTABLE_MIN_ZIPF: f32 = FREQ_FLOOR + PLURAL_GAP + 0.3;

/// What a compound's singular needs above [`UNCOUNTABLE_MIN_ZIPF`].
const COMPOUND_EXTRA_ZIPF: f32 = 0.1;

/// Whether a noun is practically uncountable (issue 13): its singular is frequent
/// ([`UNCOUNTABLE_MIN_ZIPF`]) and neither its plural nor an *-s*/*-es* plural is in the
/// frequency table (*Privatsphäre*, *Zukunft*, *Korruption*; not *Report*: *Reports*); a
/// compound (`compound`) needs more ([`COMPOUND_EXTRA_ZIPF`]). Not for a
/// feminine in *-in*, whose plural in *-innen* the table undercounts (*Präsidentinnen*).
fn practically_uncountable(
    lemma: &str,
    plural: &str,
    compound: bool,
    old_dative: bool,
    abstract_state: bool,
    freq: &Freq,
) -> bool {
    use super::freq::fold;
    let (lemma, plural) = (fold(lemma), fold(plural));
    if plural == lemma || lemma.ends_with("in") {
        return false;
    }
    let zipf = |w: &str| freq.centi(w).map(|c| c as f32 / 100.0);
    // the table undercounts a compound's plural more (*Heimatstädte*, 3.86 below
    // *Heimatstadt*): a compound needs a more frequent singular
    // (an abstract noun of a state or a process, whose plural names other senses, needs a
    // missing plural only [`ABSTRACT_UNCOUNTABLE_GAP`] above the table's floor:
    // *Globalisierung*, 3.78, no *Globalisierungen*)
    let base = if abstract_state {
        FREQ_FLOOR + ABSTRACT_UNCOUNTABLE_GAP
    } else {
        UNCOUNTABLE_MIN_ZIPF
    };
    let min = base + if compound { COMPOUND_EXTRA_ZIPF } else { 0.0 };
    let Some(z) = zipf(&lemma).filter(|&z| z >= min) else {
        return false;
    };
    // an -s form is a plural in use only when it is near the singular's frequency (*Reports*),
    // else the modifier of compounds (*Zukunfts-*)
    // the plural as the table has it most: nominative or dative (*Zeitpunkten*)
    // (a plural that is also an old dative singular, *zum Schutze*, frequent enough for its
    // dative plural to be in the table if it were a plural in use: only the dative plural)
    let dative = (!plural.ends_with('n') && !plural.ends_with('s')).then(|| format!("{plural}n"));
    let dative_missing = dative.as_deref().is_none_or(|d| zipf(d).is_none());
    let old_dative = old_dative
        && dative_missing
        && zipf(&plural).is_some_and(|zp| zp >= FREQ_FLOOR + OLD_DATIVE_MARGIN);
    let nominative = (!old_dative).then_some(plural.as_str());
    let in_use = [nominative, dative.as_deref()]
        .into_iter()
        .flatten()
        .filter_map(zipf)
        .reduce(f32::max);
    match in_use {
        // a plural in the table, but a hundred times rarer or more (*Umgänge*, *Politiken*,
        // *Verantwortungen*): a plural of another, rare sense, or none in use
        // (not for a compound, whose plural the table undercounts: *Bundesregierungen*)
        // (an abstract noun of a state or an attitude needs less: *Bereitschaften*, 1.77
        // below *Bereitschaft*, are standby units, not the readiness the news speak of)
        Some(zp) => {
            let gap = if abstract_state {
                ABSTRACT_UNCOUNTABLE_GAP
            } else {
                UNCOUNTABLE_GAP
            };
            !compound && z - zp >= gap
        }
        None => [format!("{lemma}s"), format!("{lemma}es")]
            .iter()
            .all(|p| zipf(p).is_none_or(|zp| z - zp > PLURAL_GAP)),
    }
}

/// How far (in Zipf) below a frequent singular a plural in the table marks a noun practically
/// used only in the singular: *Umgänge* 2.48 below *Umgang*, *Politiken* 2.56,
/// *Verantwortungen* 2.32, *Unterstützungen* 2.24; not *Zeitpunkten* (1.99), *Verkehre*
/// (2.12), *Sicherheiten* (1.85), *Gelder* (1.67), *Welten* (1.60), *Regierungen* (1.09).
const UNCOUNTABLE_GAP: f32 = 2.2;

/// How far above [`FREQ_FLOOR`] a plural in *-e* that is also an old dative singular must be
/// for the missing dative plural to show that the table counts the dative singular
/// (*Schutze* 3.21, no *Schutzen*).
const OLD_DATIVE_MARGIN: f32 = 1.0;

/// Suffixes of feminine abstract nouns of states, attitudes and processes (*Bereitschaft*,
/// *Abwesenheit*, *Aufmerksamkeit*, *Umsetzung*; not *der Sprung*), whose plurals name other,
/// countable senses (*Bereitschaften*: standby units; *Sicherheiten*: collateral).
const ABSTRACT_STATE_SUFFIXES: &[&str] = &["ung", "heit", "keit", "schaft", "tät"];

/// [`UNCOUNTABLE_GAP`] for a noun of [`ABSTRACT_STATE_SUFFIXES`]: a plural fifty times rarer
/// than the singular (*Bereitschaften* 1.77, *Sicherheiten* 1.85, *Bevölkerungen* 2.14 below;
/// not *Verfassungen* 1.63, *Gesellschaften* 1.18, *Wirtschaften* 1.52, *Regierungen* 1.09).
const ABSTRACT_UNCOUNTABLE_GAP: f32 = 1.7;

/// Zipf from which a compound whose plural is its singular (ending in *-n* or *-s*: no other
/// dative) keeps its dictionary plural though its head is a mass head (*Lebewesen* 3.87, not
/// *Sozialverhalten* 2.95).
const SAME_FORM_MAX_ZIPF: f32 = 3.0;

impl super::Lexicon {
    /// The noun of which `word` is the nominative plural, where `word` is also a noun lemma
    /// of its own (*Reisen*: the plural of *die Reise* and the infinitive noun *das Reisen*).
    pub(crate) fn singular_of_plural_lemma(&self, word: &str) -> Option<String> {
        self.nouns
            .lemmas(word, &self.freq)
            .into_iter()
            .filter(|l| l != word)
            .find(|l| {
                self.nouns
                    .primary(l)
                    .is_some_and(|v| self.nouns.plural(l, v).as_deref() == Some(word))
            })
    }

    /// Whether a vocabulary entry shows the plural `plural` of the noun `lemma` (compound parts
    /// `parts`, as written): the dictionary's plural of a lemma of its own (Wiktionary, the
    /// domain lexicon), else `compound_plural_attested` with the compound's head.
    pub fn plural_attested(&self, lemma: &str, plural: &str, parts: &[String]) -> bool {
        // also a plural the domain list gives (*Asyl*, *Asyle*: not in the table beside a
        // frequent singular)
        let (old_dative, abstract_state) = self.uncountable_clues(lemma);
        if practically_uncountable(
            lemma,
            plural,
            parts.len() >= 2,
            old_dative,
            abstract_state,
            &self.freq,
        ) {
            return false;
        }
        let [.., head] = parts else { return true };
        if parts.len() < 2 {
            return true;
        }
        if self.uncountable_head(plural, head) {
            return false;
        }
        // a head whose compounds are used uncountably (*-management*, *-klima*, *-hilfe*):
        // only the compound's own plural in the frequency table keeps the dictionary's
        if self.mass_head_compound(lemma, plural, head) {
            return false;
        }
        if self.nouns.is_lemma(lemma) || self.domain.get(lemma, super::Pos::Noun).is_some() {
            // a dictionary's plural of an abstract compound may be one nobody uses
            // (*Pressefreiheiten*, *Meinungsfreiheiten*): only the compound's own frequencies
            // take it away
            return !singular_without_plural(lemma, plural, head, &self.freq);
        }
        compound_plural_attested(lemma, plural, head, &self.freq)
    }

    /// Whether the plural of a noun lemma is also an old dative singular
    /// ([`Nouns::plural_is_old_dative`]) and whether it is a feminine of
    /// [`ABSTRACT_STATE_SUFFIXES`].
    fn uncountable_clues(&self, lemma: &str) -> (bool, bool) {
        let Some(v) = self.nouns.primary(lemma) else {
            return (false, false);
        };
        let abstract_state =
            v.gender == Gender::F && ABSTRACT_STATE_SUFFIXES.iter().any(|s| lemma.ends_with(s));
        (self.nouns.plural_is_old_dative(lemma, v), abstract_state)
    }

    /// Whether the compound `lemma` (plural `plural`) ends in a head (`head`, as written in
    /// the lemma) whose compounds are used uncountably ([`Self::mass_head`]) and its own
    /// plural, nominative or dative, is not in the frequency table (*Krisenmanagements*,
    /// *Investitionsklimas*, *Katastrophenhilfen*). A compound built on a homograph of the
    /// head in another gender is judged by the compounds of its own gender.
    fn mass_head_compound(&self, lemma: &str, plural: &str, head: &str) -> bool {
        use super::freq::fold;
        let head = super::compound::capitalize(head);
        let Some(gender) = self
            .nouns
            .primary(lemma)
            .or_else(|| self.nouns.primary(&head))
            .map(|v| v.gender)
        else {
            return false;
        };
        if matches!(gender, Gender::Pl) || !self.mass_head(&head, gender) {
            return false;
        }
        let (p, l) = (fold(plural), fold(lemma));
        let own = (p != l).then_some(p.as_str());
        let dative = (!p.ends_with('n') && !p.ends_with('s')).then(|| format!("{p}n"));
        if own.is_none() && dative.is_none() {
            // a plural like the singular without a dative of its own (*Lebewesen*,
            // *Sozialverhalten*): the table cannot tell; a frequent compound is a word of its
            // own whose dictionary plural stands
            return self
                .freq
                .centi(&l)
                .is_none_or(|c| f32::from(c) / 100.0 < SAME_FORM_MAX_ZIPF);
        }
        ![own, dative.as_deref()]
            .into_iter()
            .flatten()
            .any(|w| self.freq.centi(w).is_some())
    }

    /// Whether the compounds of the noun `head` (of gender `gender`) are practically used
    /// without a plural, by the German Wiktionary's compounds of it and their plurals in the
    /// frequency table (`mass_heads.tsv`, written by `scripts/gen_mass_heads.py`, which says
    /// how): *-management*, *-klima*, *-schutz*, *-handel*, *-verkehr*, *-politik*; not
    /// *-sorge* (*Sorgen* is more frequent than *Sorge*), *-ball*, *-vertrag*.
    pub(crate) fn mass_head(&self, head: &str, gender: Gender) -> bool {
        self.nouns.is_mass_head(head, gender)
    }

    /// Whether the head `head` (as written in the compound's lemma) of a compound with the
    /// plural `plural` is a noun practically used only in the singular whose dative plural the
    /// frequency table lacks (*Schutz*: no *Versicherungsschutze*, *Impfschutze*), unless the compound's own plural is in the
    /// frequency table within [`PLURAL_GAP`] of its singular.
    fn uncountable_head(&self, plural: &str, head: &str) -> bool {
        use super::freq::fold;
        let head = super::compound::capitalize(head);
        let Some(v) = self.nouns.primary(&head) else {
            return false;
        };
        let Some(head_plural) = self.nouns.plural(&head, v) else {
            return false;
        };
        if !fold(plural).ends_with(&fold(&head_plural)) || head_plural == head {
            return false;
        }
        // only a head whose dative plural the table lacks: no plural in any sense
        // (*Sicherheiten*, collateral, is in it: *Versorgungssicherheiten* is left to the
        // compound's own evidence)
        let dative = if head_plural.ends_with('n') || head_plural.ends_with('s') {
            fold(&head_plural)
        } else {
            fold(&format!("{head_plural}n"))
        };
        if self.freq.centi(&dative).is_some() {
            return false;
        }
        // a head that is also a verb form (*Macht*: *macht*) has its singular overcounted
        if self
            .morph
            .analyze(&fold(&head), &self.domain, &self.freq)
            .is_some_and(|m| m.pos != super::Pos::Noun)
        {
            return false;
        }
        let (old_dative, abstract_state) = self.uncountable_clues(&head);
        if !practically_uncountable(
            &head,
            &head_plural,
            false,
            old_dative,
            abstract_state,
            &self.freq,
        ) {
            return false;
        }
        let zipf = |w: &str| self.freq.centi(w).map(|c| c as f32 / 100.0);
        let (plural, head_plural) = (fold(plural), fold(&head_plural));
        let front = &plural[..plural.len() - head_plural.len()];
        let lemma = format!("{front}{}", fold(&head));
        match (zipf(&lemma), zipf(&plural)) {
            (Some(z), Some(zp)) => z - zp > PLURAL_GAP,
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attested(lemma: &str, plural: &str, head: &str) -> bool {
        compound_plural_attested(lemma, plural, head, &Freq::new())
    }

    #[test]
    fn dictionary_compounds_of_uncountable_heads_lose_a_plural_nobody_uses() {
        let lex = crate::lexicon::lexicon();
        let no_plural = |lemma: &str, plural: &str, head: &str| {
            singular_without_plural(lemma, plural, head, &Freq::new())
        };
        // not in the table, and neither are the plurals of -forschung, -erwärmung
        assert!(no_plural(
            "Grundlagenforschung",
            "Grundlagenforschungen",
            "forschung"
        ));
        assert!(no_plural("Erderwärmung", "Erderwärmungen", "erwärmung"));
        assert!(!lex.plural_attested(
            "Grundlagenforschung",
            "Grundlagenforschungen",
            &["Grundlagen".into(), "forschung".into()]
        ));
        // the compound's own plural in the table, or a head whose compounds have plurals
        assert!(!no_plural(
            "Fehlentwicklung",
            "Fehlentwicklungen",
            "entwicklung"
        ));
        assert!(!no_plural("Preiserhöhung", "Preiserhöhungen", "erhöhung"));
        // a family of few plurals in the table, but not few enough (-sitzung: 1 of 7)
        assert!(!no_plural("Sondersitzung", "Sondersitzungen", "sitzung"));
        assert!(!no_plural(
            "Koalitionsregierung",
            "Koalitionsregierungen",
            "regierung"
        ));
        assert!(lex.plural_attested(
            "Gehaltserhöhung",
            "Gehaltserhöhungen",
            &["Gehalts".into(), "erhöhung".into()]
        ));
    }

    #[test]
    fn a_rare_entry_spelt_like_a_frequent_nouns_form_is_that_form() {
        let items = crate::lexicon::checked_word_list(RARE_HOMOGRAPHS_TXT, false);
        assert_eq!(items, *RARE_HOMOGRAPHS);
        let nouns = Nouns::new();
        let freq = Freq::new();
        for (surface, lemma) in [
            ("Schiffe", "Schiff"),
            ("Fällen", "Fall"),
            ("Alben", "Album"),
            ("Zelten", "Zelt"),
        ] {
            assert_eq!(nouns.lemmas(surface, &freq)[0], lemma, "{surface}");
        }
        // each entry of the list is a noun entry that another noun's form spells
        for word in items {
            assert!(nouns.is_lemma(word), "{word}");
            let lemmas = nouns.lemmas(word, &freq);
            assert!(lemmas.len() >= 2 && lemmas[0] != word, "{word}: {lemmas:?}");
        }
    }

    #[test]
    fn the_embedded_abstract_words_are_the_frequency_tables() {
        // build.rs made them from freq.tsv: the same list as collected from the embedded table
        let collected = super::super::abstract_words::collect(super::super::freq::FREQ_TSV);
        let words = abstract_words();
        assert_eq!(words.len(), collected.len());
        assert!(collected.len() > 1000, "{}", collected.len());
        for (i, (w, c)) in collected.iter().enumerate() {
            assert_eq!((words.word(i), words.centi(i)), (w.as_str(), *c));
        }
        // a head's compounds are the run of words that start with its reversed letters
        let start = words.lower_bound("gnuhcsrof");
        assert!(words.word(start).starts_with("gnuhcsrof"));
        assert!(start == 0 || words.word(start - 1) < "gnuhcsrof");
    }

    #[test]
    fn compounds_of_uncountable_activity_and_field_nouns_have_no_plural() {
        // the compound in the table without its plural; the family of -forschung
        assert!(!attested("Krebsforschung", "Krebsforschungen", "forschung"));
        assert!(!attested("Klimaforschung", "Klimaforschungen", "forschung"));
        // unknown compound, no family: Vernichtungen is missing beside Vernichtung
        assert!(!attested(
            "Unkrautvernichtung",
            "Unkrautvernichtungen",
            "vernichtung"
        ));
        assert!(!attested(
            "Energieversorgung",
            "Energieversorgungen",
            "versorgung"
        ));
        assert!(!attested(
            "Ausgrenzungspolitik",
            "Ausgrenzungspolitiken",
            "politik"
        ));
    }

    #[test]
    fn frequent_nouns_without_a_plural_in_use_are_uncountable() {
        let f = Freq::new();
        assert!(practically_uncountable(
            "Privatsphäre",
            "Privatsphären",
            true,
            false,
            false,
            &f
        ));
        assert!(practically_uncountable(
            "Zukunft",
            "Zukünfte",
            false,
            false,
            false,
            &f
        ));
        // a plural in the table, but a hundred times rarer than the singular
        assert!(practically_uncountable(
            "Umgang", "Umgänge", false, false, false, &f
        ));
        assert!(practically_uncountable(
            "Politik",
            "Politiken",
            false,
            false,
            false,
            &f
        ));
        // not where the dative plural is in use (*zu verschiedenen Zeitpunkten*)
        assert!(!practically_uncountable(
            "Zeitpunkt",
            "Zeitpunkte",
            false,
            false,
            false,
            &f
        ));
        assert!(!practically_uncountable(
            "Geld", "Gelder", false, false, false, &f
        ));
        assert!(!practically_uncountable(
            "Welt", "Welten", false, false, false, &f
        ));
        // a compound whose plural the table undercounts
        assert!(!practically_uncountable(
            "Heimatstadt",
            "Heimatstädte",
            true,
            false,
            false,
            &f
        ));
        // plurals in use, an -s plural, a feminine in -in, a rare singular
        assert!(!practically_uncountable(
            "Regierung",
            "Regierungen",
            false,
            false,
            false,
            &f
        ));
        assert!(!practically_uncountable(
            "Report", "Reporte", false, false, false, &f
        ));
        assert!(!practically_uncountable(
            "Präsidentin",
            "Präsidentinnen",
            false,
            false,
            false,
            &f
        ));
        assert!(!practically_uncountable(
            "Lehrer", "Lehrer", false, false, false, &f
        ));
    }

    #[test]
    fn countable_compounds_keep_their_plural() {
        assert!(attested("Tageszeitung", "Tageszeitungen", "zeitung"));
        assert!(attested(
            "Wirtschaftszeitung",
            "Wirtschaftszeitungen",
            "zeitung"
        ));
        assert!(attested("Gehaltserhöhung", "Gehaltserhöhungen", "erhöhung"));
        assert!(attested(
            "Koalitionsregierung",
            "Koalitionsregierungen",
            "regierung"
        ));
        assert!(attested(
            "Auslandsvertretung",
            "Auslandsvertretungen",
            "vertretung"
        ));
        assert!(attested(
            "Betriebsvereinbarung",
            "Betriebsvereinbarungen",
            "vereinbarung"
        ));
        // other heads are not judged
        assert!(attested("Ausgangslage", "Ausgangslagen", "lage"));
        assert!(attested("Bezirksrat", "Bezirksräte", "rat"));
        assert!(attested("Handelsschule", "Handelsschulen", "schule"));
        assert!(attested("Fragestunde", "Fragestunden", "stunde"));
        assert!(attested(
            "Pensionskommission",
            "Pensionskommissionen",
            "kommission"
        ));
        // the family of -übung is only prefixed words (Ausübung), no compounds: Übungen
        assert!(attested("Militärübung", "Militärübungen", "übung"));
        assert!(attested(
            "Mobilfunkrechnung",
            "Mobilfunkrechnungen",
            "rechnung"
        ));
    }

    #[test]
    fn heads_whose_compounds_are_used_uncountably() {
        let lex = crate::lexicon::lexicon();
        // most compounds without a plural in the dictionary
        assert!(lex.mass_head("Management", Gender::N));
        assert!(lex.mass_head("Klima", Gender::N));
        assert!(lex.mass_head("Schutz", Gender::M));
        assert!(lex.mass_head("Handel", Gender::M));
        // some, and few plurals of the frequent ones in use
        assert!(lex.mass_head("Politik", Gender::F));
        assert!(lex.mass_head("Hilfe", Gender::F));
        assert!(lex.mass_head("Wirtschaft", Gender::F));
        // the plural more frequent than the singular (Hauptsorgen), countable heads whose
        // compounds' plurals the table misses, heads of countable things
        assert!(!lex.mass_head("Sorge", Gender::F));
        assert!(!lex.mass_head("Ball", Gender::M));
        assert!(!lex.mass_head("Licht", Gender::N));
        assert!(!lex.mass_head("Vertrag", Gender::M));
        assert!(!lex.mass_head("Bank", Gender::F));
        assert!(!lex.mass_head("Regierung", Gender::F));
        // a homograph of another gender: der Kunde (customers), not die Kunde (a field)
        assert!(!lex.mass_head("Kunde", Gender::M));
    }

    #[test]
    fn a_nominative_reading_before_another_case_of_another_noun() {
        let (nouns, freq) = (Nouns::new(), Freq::new());
        // *Granaten*: the plural of *die Granate*, only the dative plural of *der Granat*
        assert_eq!(nouns.lemmas("Granaten", &freq)[0], "Granate");
        assert_eq!(nouns.lemmas("Quellen", &freq)[0], "Quelle");
        // not where the other noun is far more frequent (*Muslim*, not *Muslima*) or the
        // nominative noun's word is the other's plural (*Zweck*, not *die Zwecke*)
        assert_eq!(nouns.lemmas("Muslimen", &freq)[0], "Muslim");
        assert_eq!(nouns.lemmas("Zwecken", &freq)[0], "Zweck");
    }
}
