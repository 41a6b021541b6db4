//! German noun-phrase grammar for exercises: the forms of the articles (*der*, *ein*, *kein*),
//! the endings of attributive adjectives after them, the cases prepositions govern, and the
//! nouns that make no exercise (units, currencies, numeral nouns, weekdays, months).
//!
//! A noun phrase's *readings* are the (case, number, gender) triples its words allow; a drill
//! asks for an article or an adjective ending only when every reading left gives the same form.
//!
//! ```
//! use kernsatz::lexicon::grammar::{Article, Declension, Reading, adjective_ending};
//! use kernsatz::lexicon::{Case, Gender};
//!
//! let dat_f = Reading::singular(Case::Dat, Gender::F);
//! assert_eq!(Article::Definite.form(dat_f), Some("der"));
//! assert_eq!(adjective_ending(Declension::Weak, dat_f), "en");
//! assert_eq!(Article::Indefinite.form(Reading::plural(Case::Nom)), None);
//! ```

use std::sync::LazyLock;

use super::word_list;
use super::{Case, Gender, Number};

/// `units.txt`: units, currencies and numeral nouns. Written by the kernsatz developers
/// (MIT OR Apache-2.0).
pub(crate) const UNITS_TXT: &str = include_str!("../../data/lexicon/units.txt");
static UNITS: LazyLock<Vec<&'static str>> = LazyLock::new(|| word_list(UNITS_TXT).collect());

/// The days of the week (and the weekend), lower-case.
const WEEKDAYS: &[&str] = &[
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "wochenende",
];

/// The months, lower-case (with the Austrian *Jänner*).
const MONTHS: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "feber",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
];

/// Whether a noun lemma is a unit of measure, a currency or a numeral noun (`Euro`, `Prozent`,
/// `Milliarde`, `Jahr`), also as the head of a hyphenated compound (`US-Dollar`).
pub fn is_unit(lemma: &str) -> bool {
    let head = lemma.rsplit('-').next().unwrap_or(lemma);
    UNITS.contains(&lemma) || UNITS.contains(&head)
}

/// Whether a word (any case) names a weekday or a month.
pub fn is_weekday_or_month(word: &str) -> bool {
    let lower = word.to_lowercase();
    WEEKDAYS.contains(&lower.as_str()) || MONTHS.contains(&lower.as_str())
}

/// How much rarer than its singular a noun's plural may be before a learner is better told
/// "meist Singular" (a Zipf difference: 1.5 is some 30 times fewer uses, as *Bevölkerungen*,
/// *Polizeien*, *Sicherheiten* beside their singulars).
const RARE_PLURAL_GAP: f32 = 1.5;

/// Whether the plural `plural` of noun `lemma` is rare or unused in practice (*die
/// Bevölkerungen*, *die Verdachte*, *die Umwelten*), by the word frequencies: far rarer than the
/// singular, or not in the list at all while the singular is common. A compound the list does
/// not know is judged by its head (*Terrorvorwurf* by *Vorwurf*). A plural like the singular
/// (*Kanzler*) cannot be told apart and is never rare.
pub fn plural_is_rare(lemma: &str, plural: &str) -> bool {
    let lex = super::lexicon();
    if plural == lemma {
        return false;
    }
    // below the list's cut-off (Zipf 2.0)
    const UNLISTED: f32 = 1.9;
    if let Some(sg) = lex.zipf(lemma) {
        return sg - lex.zipf(plural).unwrap_or(UNLISTED) >= RARE_PLURAL_GAP;
    }
    // the head of a compound: the plural with the lemma's modifiers left off
    let head = match lemma.rsplit_once('-') {
        Some((_, h)) => h.to_owned(),
        None => match lex.split_compound(lemma).and_then(|p| p.last().cloned()) {
            Some(h) => h,
            None => return false,
        },
    };
    let modifiers = lemma.len().saturating_sub(head.len());
    let (Some(lemma_mods), Some(plural_head)) = (lemma.get(..modifiers), plural.get(modifiers..))
    else {
        return false;
    };
    if modifiers == 0 || !plural.starts_with(lemma_mods) {
        return false;
    }
    let head_sg = lex.zipf(&head);
    head_sg.is_some_and(|sg| sg - lex.zipf(plural_head).unwrap_or(UNLISTED) >= RARE_PLURAL_GAP)
}

/// One reading of a noun phrase: case, number and (in the singular) gender. Plural readings
/// carry [`Gender::Pl`]: the plural forms do not depend on the gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reading {
    /// Case.
    pub case: Case,
    /// Number.
    pub number: Number,
    /// `M`, `F` or `N` in the singular, `Pl` in the plural.
    pub gender: Gender,
}

impl Reading {
    /// A singular reading.
    pub fn singular(case: Case, gender: Gender) -> Reading {
        Reading {
            case,
            number: Number::Sg,
            gender,
        }
    }

    /// A plural reading.
    pub fn plural(case: Case) -> Reading {
        Reading {
            case,
            number: Number::Pl,
            gender: Gender::Pl,
        }
    }

    /// Every reading: the four cases of the three singular genders and of the plural.
    pub fn all() -> impl Iterator<Item = Reading> {
        CASES.into_iter().flat_map(|c| {
            [Gender::M, Gender::F, Gender::N]
                .into_iter()
                .map(move |g| Reading::singular(c, g))
                .chain(std::iter::once(Reading::plural(c)))
        })
    }

    fn cell(&self) -> usize {
        let g = match self.gender {
            Gender::M => 0,
            Gender::F => 1,
            Gender::N => 2,
            Gender::Pl => 3,
        };
        let g = if self.number == Number::Pl { 3 } else { g };
        case_index(self.case) * 4 + g
    }
}

/// The four cases in the order of the tables (nominative, genitive, dative, accusative).
pub const CASES: [Case; 4] = [Case::Nom, Case::Gen, Case::Dat, Case::Acc];

fn case_index(c: Case) -> usize {
    match c {
        Case::Nom => 0,
        Case::Gen => 1,
        Case::Dat => 2,
        Case::Acc => 3,
    }
}

/// The articles a drill asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Article {
    /// der, die, das, den, dem, des.
    Definite,
    /// ein, eine, einen, einem, einer, eines (no plural).
    Indefinite,
    /// kein, keine, keinen, keinem, keiner, keines.
    Negative,
}

/// Rows: nominative, genitive, dative, accusative; columns: masculine, feminine, neuter, plural.
const DEFINITE: [&str; 16] = [
    "der", "die", "das", "die", //
    "des", "der", "des", "der", //
    "dem", "der", "dem", "den", //
    "den", "die", "das", "die",
];
/// *ein* (its plural cells are never read) and *kein*, in the same layout.
const EIN: [&str; 16] = [
    "ein", "eine", "ein", "-", //
    "eines", "einer", "eines", "-", //
    "einem", "einer", "einem", "-", //
    "einen", "eine", "ein", "-",
];
const KEIN: [&str; 16] = [
    "kein", "keine", "kein", "keine", //
    "keines", "keiner", "keines", "keiner", //
    "keinem", "keiner", "keinem", "keinen", //
    "keinen", "keine", "kein", "keine",
];

impl Article {
    /// Every form of this article, in table order without repeats.
    pub fn forms(self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in Reading::all() {
            if let Some(f) = self.form(r)
                && !out.iter().any(|o| o == f)
            {
                out.push(f.to_owned());
            }
        }
        out
    }

    /// The article's form in a reading; `None` for *ein* in the plural.
    pub fn form(self, r: Reading) -> Option<&'static str> {
        let i = r.cell();
        match self {
            Article::Definite => Some(DEFINITE[i]),
            Article::Indefinite if r.number == Number::Pl => None,
            Article::Indefinite => Some(EIN[i]),
            Article::Negative => Some(KEIN[i]),
        }
    }

    /// The article a lower-case word is a form of, and the readings that form has.
    pub fn parse(word: &str) -> Option<(Article, Vec<Reading>)> {
        for a in [Article::Definite, Article::Indefinite, Article::Negative] {
            let readings: Vec<Reading> = Reading::all()
                .filter(|r| a.form(*r) == Some(word))
                .collect();
            if !readings.is_empty() {
                return Some((a, readings));
            }
        }
        None
    }

    /// How an adjective after this article declines.
    pub fn declension(self) -> Declension {
        match self {
            Article::Definite => Declension::Weak,
            Article::Indefinite | Article::Negative => Declension::Mixed,
        }
    }

    /// `bestimmter Artikel`, `unbestimmter Artikel`, `Negativartikel`.
    pub fn name_de(self) -> &'static str {
        match self {
            Article::Definite => "bestimmter Artikel",
            Article::Indefinite => "unbestimmter Artikel",
            Article::Negative => "Negativartikel (kein)",
        }
    }
}

/// The three adjective declensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Declension {
    /// After the definite article (and *dieser*, *jeder*): der groß**e** Markt.
    Weak,
    /// After *ein*, *kein* and the possessives: ein groß**er** Markt.
    Mixed,
    /// Without an article: groß**er** Markt.
    Strong,
}

const WEAK: [&str; 16] = [
    "e", "e", "e", "en", //
    "en", "en", "en", "en", //
    "en", "en", "en", "en", //
    "en", "e", "e", "en",
];
const MIXED: [&str; 16] = [
    "er", "e", "es", "en", //
    "en", "en", "en", "en", //
    "en", "en", "en", "en", //
    "en", "e", "es", "en",
];
const STRONG: [&str; 16] = [
    "er", "e", "es", "e", //
    "en", "er", "en", "er", //
    "em", "er", "em", "en", //
    "en", "e", "es", "e",
];

/// The ending of an attributive adjective in a reading (`en` for the dative after *der*).
pub fn adjective_ending(d: Declension, r: Reading) -> &'static str {
    let i = r.cell();
    match d {
        Declension::Weak => WEAK[i],
        Declension::Mixed => MIXED[i],
        Declension::Strong => STRONG[i],
    }
}

/// The adjective endings.
pub const ADJECTIVE_ENDINGS: [&str; 5] = ["e", "en", "em", "er", "es"];

/// The cases a preposition governs when it stands right before its noun phrase: one case for
/// most, accusative and dative for the two-way prepositions, `None` for other words. Prepositions
/// whose case varies in use (*laut*, *dank*, *entlang*) are left out.
pub fn preposition_cases(word: &str) -> Option<&'static [Case]> {
    const DAT: &[Case] = &[Case::Dat];
    const ACC: &[Case] = &[Case::Acc];
    const GEN: &[Case] = &[Case::Gen];
    const TWO_WAY: &[Case] = &[Case::Acc, Case::Dat];
    Some(match word {
        "aus" | "bei" | "mit" | "nach" | "seit" | "von" | "zu" | "gegenüber" | "außer" | "samt"
        | "nebst" | "binnen" => DAT,
        "durch" | "für" | "gegen" | "ohne" | "um" | "wider" => ACC,
        "wegen" | "während" | "trotz" | "statt" | "anstatt" | "aufgrund" | "infolge"
        | "innerhalb" | "außerhalb" | "angesichts" | "anlässlich" | "bezüglich"
        | "hinsichtlich" | "mithilfe" | "seitens" | "zugunsten" | "zwecks" | "unterhalb"
        | "oberhalb" | "abseits" | "anhand" | "inmitten" => GEN,
        "in" | "an" | "auf" | "über" | "unter" | "vor" | "hinter" | "neben" | "zwischen" => {
            TWO_WAY
        }
        _ => return None,
    })
}

/// The verb forms a gap may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerbSlot {
    /// The infinitive, also the 1st/3rd person plural present (`verhängen`).
    Infinitive,
    /// 3rd person singular present (`verhängt`).
    Present3Sg,
    /// 1st/3rd person singular past (`verhängte`, `wuchs`).
    Past3Sg,
    /// 1st/3rd person plural past (`verhängten`, `wuchsen`).
    Past3Pl,
    /// The past participle (`verhängt`, `gewachsen`).
    Participle,
}

impl VerbSlot {
    /// Every slot.
    pub const ALL: [VerbSlot; 5] = [
        VerbSlot::Infinitive,
        VerbSlot::Present3Sg,
        VerbSlot::Past3Sg,
        VerbSlot::Past3Pl,
        VerbSlot::Participle,
    ];
}

/// The forms of a verb in the [`VerbSlot`]s, each one either from the table of irregular verbs
/// or built regularly, and kept only when it is attested in the frequency list (a form no text
/// uses is never offered: no *wachste* for *wuchs*).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbForms {
    /// The infinitive.
    pub infinitive: String,
    /// The separable prefix (`ab` of `abstimmen`), if any: its finite forms split in a main
    /// clause (*stimmt … ab*).
    pub separable: Option<String>,
    forms: [Option<String>; 5],
}

impl VerbForms {
    /// The form in `slot`, when attested.
    pub fn get(&self, slot: VerbSlot) -> Option<&str> {
        self.forms[slot as usize].as_deref()
    }

    /// The slots whose form is `form` (lower-case).
    pub fn slots_of(&self, form: &str) -> Vec<VerbSlot> {
        VerbSlot::ALL
            .into_iter()
            .filter(|s| self.get(*s) == Some(form))
            .collect()
    }
}

/// Auxiliaries and modal verbs: never a gap, never an option.
const AUXILIARIES: &[&str] = &[
    "sein", "haben", "werden", "können", "müssen", "sollen", "wollen", "dürfen", "mögen",
    "möchten", "lassen", "tun", "wissen",
];

/// Verbs that form their perfect with *sein* (motion and change of state), as the end of an
/// infinitive: *ansteigen*, *zurückgehen*, *ausfallen* count too. Over-inclusive on purpose
/// (*bekommen*, *gefallen* take *haben*): a participle of these verbs is never a gap or an
/// option, so a wrong auxiliary never shows.
const SEIN_VERB_ENDS: &[&str] = &[
    "gehen",
    "kommen",
    "fahren",
    "fliegen",
    "laufen",
    "fallen",
    "steigen",
    "sinken",
    "wachsen",
    "sterben",
    "werden",
    "bleiben",
    "sein",
    "geschehen",
    "passieren",
    "gelingen",
    "scheitern",
    "schrumpfen",
    "reisen",
    "rennen",
    "springen",
    "ziehen",
    "treten",
    "reiten",
    "schwimmen",
    "wandern",
    "eilen",
    "folgen",
    "weichen",
    "gleiten",
    "stürzen",
    "platzen",
    "explodieren",
    "begegnen",
    "scheinen",
    "schwinden",
    "stehen",
    "schlafen",
    "wachen",
    "brechen",
    "rücken",
    "landen",
    "starten",
    "flüchten",
    "fliehen",
    "kehren",
    "ziehen",
    "sterben",
    "rutschen",
];

/// Whether a verb may form its perfect with *sein* (see `SEIN_VERB_ENDS`).
pub fn may_take_sein(infinitive: &str) -> bool {
    SEIN_VERB_ENDS.iter().any(|e| infinitive.ends_with(e))
}

/// How a verb takes its objects, as far as a gap cares: which verbs can stand in each other's
/// slot (*wurden festgenommen* needs a verb with an accusative object, *die Anspannung wächst*
/// one without).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Valency(u8);

impl Valency {
    /// With an accusative object (the passive participle's verbs).
    pub const ACCUSATIVE: Valency = Valency(1);
    /// Without an object.
    pub const NONE: Valency = Valency(2);
    /// With a dative object only (*drohen*, *zustimmen*).
    pub const DATIVE: Valency = Valency(4);
    /// Reflexive (*sich erholen*).
    pub const REFLEXIVE: Valency = Valency(8);

    /// Whether every use of `other` is one of these.
    pub fn covers(self, other: Valency) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether it takes an accusative object.
    pub fn transitive(self) -> bool {
        self.covers(Valency::ACCUSATIVE)
    }
}

/// Verbs of the domain lexicon (the distractors' source) that are not simply transitive:
/// `n` without an object, `a` with an accusative object, `d` with a dative object, `r`
/// reflexive; letters combined when the verb has several uses (*zahlen*: `an`). Every other
/// verb counts as transitive. Written by the kernsatz developers from the dictionary entries.
const VALENCIES: &[(&str, &str)] = &[
    ("abrüsten", "n"),
    ("abschotten", "ar"),
    ("abstimmen", "an"),
    ("abziehen", "an"),
    ("annähern", "r"),
    ("ansiedeln", "ar"),
    ("arbeiten", "n"),
    ("aufrüsten", "n"),
    ("austreten", "n"),
    ("beitreten", "d"),
    ("beraten", "an"),
    ("bewerben", "r"),
    ("bürgen", "n"),
    ("demonstrieren", "an"),
    ("diskutieren", "an"),
    ("drohen", "d"),
    ("einigen", "r"),
    ("einmarschieren", "n"),
    ("erholen", "r"),
    ("ermitteln", "an"),
    ("eskalieren", "n"),
    ("expandieren", "n"),
    ("fliehen", "n"),
    ("forschen", "n"),
    ("fusionieren", "n"),
    ("haften", "n"),
    ("handeln", "an"),
    ("heizen", "an"),
    ("investieren", "an"),
    ("kämpfen", "n"),
    ("kandidieren", "n"),
    ("klagen", "n"),
    ("koalieren", "n"),
    ("konkurrieren", "n"),
    ("kooperieren", "n"),
    ("kosten", "n"),
    ("pendeln", "n"),
    ("profitieren", "n"),
    ("protestieren", "n"),
    ("regieren", "an"),
    ("schrumpfen", "n"),
    ("sinken", "n"),
    ("sparen", "an"),
    ("spekulieren", "n"),
    ("spionieren", "n"),
    ("stagnieren", "n"),
    ("steigen", "n"),
    ("streiken", "n"),
    ("verhandeln", "an"),
    ("verschulden", "r"),
    ("verständigen", "r"),
    ("verstoßen", "n"),
    ("wachsen", "n"),
    ("wählen", "an"),
    ("wirtschaften", "n"),
    ("zahlen", "an"),
    ("zulegen", "n"),
    ("zurückgehen", "n"),
    ("zurücktreten", "n"),
    ("zusammenarbeiten", "n"),
    ("zustimmen", "d"),
];

/// The [`Valency`] of a verb (see `VALENCIES`; transitive when not listed).
pub fn valency(infinitive: &str) -> Valency {
    let Some((_, v)) = VALENCIES.iter().find(|(w, _)| *w == infinitive) else {
        return Valency::ACCUSATIVE;
    };
    Valency(v.chars().fold(0, |acc, c| {
        acc | match c {
            'a' => Valency::ACCUSATIVE.0,
            'n' => Valency::NONE.0,
            'd' => Valency::DATIVE.0,
            'r' => Valency::REFLEXIVE.0,
            _ => 0,
        }
    }))
}

/// The irregular table: infinitive → (3rd person singular, past, participle).
static IRREGULAR: LazyLock<std::collections::HashMap<&'static str, [&'static str; 3]>> =
    LazyLock::new(|| {
        super::morph::IRREGULAR_VERBS_TSV
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let c: Vec<&str> = l.split('\t').map(str::trim).collect();
                (c.len() >= 4).then(|| (c[0], [c[1], c[2], c[3]]))
            })
            .collect()
    });
static SEPARABLE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(super::morph::SEPARABLE_TXT).collect());
static INSEPARABLE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(super::morph::INSEPARABLE_TXT).collect());

/// Whether a lower-case word is a separable verb prefix standing alone (the *auf* of
/// *forderte … auf*).
pub fn is_separable_particle(word: &str) -> bool {
    SEPARABLE.contains(&word)
}

/// The verb stem of an infinitive: `handeln` → `handel`, `verhängen` → `verhäng`.
fn stem_of(inf: &str) -> Option<&str> {
    if inf.ends_with("eln") || inf.ends_with("ern") {
        inf.strip_suffix('n')
    } else {
        inf.strip_suffix("en")
    }
}

/// Whether a regular ending after `stem` takes an inserted e (*arbeit-et*, *rechn-et*).
fn needs_e(stem: &str) -> bool {
    if stem.ends_with('t') || stem.ends_with('d') {
        return true;
    }
    let cs: Vec<char> = stem.chars().collect();
    let n = cs.len();
    n >= 2 && matches!(cs[n - 1], 'm' | 'n') && !"aeiouäöüylrhmn".contains(cs[n - 2])
}

/// The forms of a verb (see [`VerbForms`]); `None` for auxiliaries, modal verbs and words that
/// are no infinitive.
pub fn verb_forms(infinitive: &str) -> Option<VerbForms> {
    if AUXILIARIES.contains(&infinitive) || !infinitive.ends_with('n') {
        return None;
    }
    let lex = super::lexicon();
    let attested = |w: &str| lex.zipf(w);
    // a separable prefix: the rest must be a verb itself
    let mut separable: Option<&str> = None;
    let mut core = infinitive;
    for p in SEPARABLE.iter() {
        if let Some(rest) = infinitive.strip_prefix(p)
            && rest.chars().count() >= 4
            && (IRREGULAR.contains_key(rest) || attested(rest).is_some())
        {
            separable = Some(p);
            core = rest;
            break;
        }
    }
    // an inseparable prefix (no ge- in the participle) and the base verb after it
    let insep = INSEPARABLE.iter().find(|p| {
        core.strip_prefix(*p)
            .is_some_and(|r| r.chars().count() >= 4)
            && !IRREGULAR.contains_key(core)
    });
    let no_ge = insep.is_some()
        || core.ends_with("ieren")
        || IRREGULAR.get(core).is_some_and(|f| !f[2].starts_with("ge"));
    // irregular forms: the core itself, or its base after an inseparable prefix
    let irregular: Option<[String; 3]> = if let Some(f) = IRREGULAR.get(core) {
        Some(f.map(str::to_owned))
    } else if let Some(p) = insep
        && let Some(base) = core.strip_prefix(*p)
        && let Some(f) = IRREGULAR.get(base)
    {
        let part = f[2].strip_prefix("ge").unwrap_or(f[2]);
        Some([
            format!("{p}{}", f[0]),
            format!("{p}{}", f[1]),
            format!("{p}{part}"),
        ])
    } else {
        None
    };
    let stem = stem_of(core)?;
    let e = if needs_e(stem) { "e" } else { "" };
    let regular = [format!("{stem}{e}t"), format!("{stem}{e}te")];
    let ge = if no_ge { "" } else { "ge" };
    let regular_participle = format!("{ge}{stem}{e}t");
    let sep = separable.unwrap_or("");
    let pick = |cands: Vec<String>| -> Option<String> {
        cands
            .into_iter()
            .map(|c| format!("{sep}{c}"))
            .filter_map(|c| attested(&c).map(|z| (c, z)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(c, _)| c)
    };
    let with_irregular = |i: usize, regular: String| -> Vec<String> {
        irregular
            .iter()
            .map(|f| f[i].clone())
            .chain([regular])
            .collect()
    };
    let present = pick(with_irregular(0, regular[0].clone()));
    let past = pick(with_irregular(1, regular[1].clone()));
    let past_pl = past.as_deref().and_then(|p| {
        let pl = if p.ends_with('e') {
            format!("{p}n")
        } else {
            format!("{p}en")
        };
        attested(&pl).map(|_| pl)
    });
    let participle = pick(with_irregular(2, regular_participle));
    Some(VerbForms {
        infinitive: infinitive.to_owned(),
        separable: separable.map(str::to_owned),
        forms: [
            attested(infinitive).map(|_| infinitive.to_owned()),
            present,
            past,
            past_pl,
            participle,
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::checked_word_list;

    #[test]
    fn valencies() {
        assert!(valency("festnehmen").transitive());
        assert!(!valency("pendeln").transitive());
        assert!(!valency("wachsen").covers(valency("fordern")));
        assert!(valency("zahlen").covers(valency("wachsen")));
        assert!(valency("zahlen").covers(valency("fordern")));
    }

    #[test]
    fn rare_plurals() {
        for (sg, pl) in [
            ("Bevölkerung", "Bevölkerungen"),
            ("Verdacht", "Verdachte"),
            ("Umwelt", "Umwelten"),
            ("Polizei", "Polizeien"),
            ("Landwirtschaft", "Landwirtschaften"),
        ] {
            assert!(plural_is_rare(sg, pl), "{pl}");
        }
        for (sg, pl) in [
            ("Grenze", "Grenzen"),
            ("Kontrolle", "Kontrollen"),
            ("Risiko", "Risiken"),
            ("Kanzler", "Kanzler"),
            ("Referendum", "Referenden"),
            ("Terrorvorwurf", "Terrorvorwürfe"),
            ("Verwaltung", "Verwaltungen"),
        ] {
            assert!(!plural_is_rare(sg, pl), "{pl}");
        }
    }

    #[test]
    fn units_parse() {
        let items = checked_word_list(UNITS_TXT, false);
        assert_eq!(items, *UNITS);
        for u in ["Euro", "Prozent", "Milliarde", "Jahr", "Tonne"] {
            assert!(is_unit(u), "{u}");
        }
        assert!(is_unit("US-Dollar"));
        assert!(!is_unit("Lieferkette"));
        assert!(is_weekday_or_month("Freitag") && is_weekday_or_month("jänner"));
    }

    #[test]
    fn article_tables() {
        let f = |a: Article, c, g| a.form(Reading::singular(c, g)).unwrap();
        assert_eq!(f(Article::Definite, Case::Gen, Gender::M), "des");
        assert_eq!(f(Article::Indefinite, Case::Acc, Gender::M), "einen");
        assert_eq!(f(Article::Indefinite, Case::Gen, Gender::F), "einer");
        assert_eq!(f(Article::Indefinite, Case::Dat, Gender::N), "einem");
        assert_eq!(f(Article::Negative, Case::Nom, Gender::N), "kein");
        assert_eq!(
            Article::Negative.form(Reading::plural(Case::Dat)),
            Some("keinen")
        );
        for r in Reading::all() {
            if let Some(form) = Article::Indefinite.form(r) {
                assert_eq!(Article::Negative.form(r), Some(format!("k{form}").as_str()));
            }
        }
        assert_eq!(
            Article::Definite.forms(),
            ["der", "die", "das", "des", "dem", "den"]
        );
        let (a, rs) = Article::parse("dem").unwrap();
        assert_eq!(a, Article::Definite);
        assert_eq!(rs.len(), 2);
        assert!(Article::parse("diese").is_none());
    }

    #[test]
    fn adjective_tables() {
        let r = Reading::singular(Case::Nom, Gender::M);
        assert_eq!(adjective_ending(Declension::Weak, r), "e");
        assert_eq!(adjective_ending(Declension::Mixed, r), "er");
        assert_eq!(adjective_ending(Declension::Strong, r), "er");
        let r = Reading::singular(Case::Gen, Gender::N);
        assert_eq!(adjective_ending(Declension::Strong, r), "en");
        assert_eq!(
            adjective_ending(Declension::Strong, Reading::plural(Case::Gen)),
            "er"
        );
        assert_eq!(
            adjective_ending(Declension::Mixed, Reading::singular(Case::Acc, Gender::N)),
            "es"
        );
        assert_eq!(preposition_cases("mit"), Some(&[Case::Dat][..]));
        assert_eq!(preposition_cases("in").map(<[_]>::len), Some(2));
        assert_eq!(preposition_cases("laut"), None);
    }

    #[test]
    fn verb_forms_are_real() {
        let f = verb_forms("wachsen").unwrap();
        assert_eq!(f.get(VerbSlot::Past3Sg), Some("wuchs"));
        assert_eq!(f.get(VerbSlot::Participle), Some("gewachsen"));
        assert_eq!(f.get(VerbSlot::Present3Sg), Some("wächst"));
        let f = verb_forms("verhängen").unwrap();
        assert_eq!(f.get(VerbSlot::Participle), Some("verhängt"));
        assert_eq!(f.get(VerbSlot::Past3Sg), Some("verhängte"));
        assert_eq!(
            f.slots_of("verhängt"),
            [VerbSlot::Present3Sg, VerbSlot::Participle]
        );
        let f = verb_forms("beschließen").unwrap();
        assert_eq!(f.get(VerbSlot::Participle), Some("beschlossen"));
        assert_eq!(f.get(VerbSlot::Past3Sg), Some("beschloss"));
        let f = verb_forms("ausfallen").unwrap();
        assert_eq!(f.separable.as_deref(), Some("aus"));
        assert_eq!(f.get(VerbSlot::Participle), Some("ausgefallen"));
        assert_eq!(f.get(VerbSlot::Past3Sg), Some("ausfiel"));
        let f = verb_forms("investieren").unwrap();
        assert_eq!(f.get(VerbSlot::Participle), Some("investiert"));
        let f = verb_forms("verhandeln").unwrap();
        assert_eq!(f.get(VerbSlot::Past3Sg), Some("verhandelte"));
        assert_eq!(f.get(VerbSlot::Participle), Some("verhandelt"));
        let f = verb_forms("arbeiten").unwrap();
        assert_eq!(f.get(VerbSlot::Present3Sg), Some("arbeitet"));
        assert!(verb_forms("haben").is_none());
        assert!(may_take_sein("ansteigen") && !may_take_sein("verhängen"));
    }
}
