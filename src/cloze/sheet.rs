//! Choosing items together: what is on a worksheet so far, so that no answer shows anywhere
//! else on it (the title, other items' sentences and options, the gender-and-plural drill).
//!
//! An answer is known by its *keys*: the answer as written, its lemma and its compound parts of
//! four letters or more (`Preisabsprachen` → `preisabsprachen`, `preisabsprache`, `preis`,
//! `absprache`). A word on the sheet gives an answer away when it contains one of them, or is a
//! form of the same lemma (*Verträge* for *Vertrag*, *beschloss* for *beschließen*), or is of
//! the same word family (`family_root`: *Festnahmen* for *festgenommen*, *Grenzkontrolle* for
//! *kontrolliert*, *Bundesanwaltschaft* for *Staatsanwaltschaft*).

use std::cell::OnceCell;
use std::sync::Arc;

use super::generate::ClozeOptions;
use crate::lexicon::{Level, lexicon};
use crate::tokenize::{Token, TokenKind, tokenize};
use crate::vocab::VocabEntry;

/// Whether a word of the vocabulary is worth a gap: above A2 (*Gespräch*, *Grenze*,
/// *kontrollieren*, *rechts* are known before B1: "im Gespräch mit" teaches nothing); when the
/// user asks for levels, those decide (A1 still left out). No ad-hoc hyphenated compound whose
/// meaning is only its parts' (*Elektroauto-Forschung* — "electric car + research": no
/// dictionary lists it, and the learnable word is its head).
pub(super) fn worth_a_gap(e: &VocabEntry, opts: &ClozeOptions) -> bool {
    let above = level_worth_a_gap(e.level, opts);
    let composed = e.lemma.contains('-') && e.gloss.as_deref().is_none_or(|g| g.contains(" + "));
    above
        && !composed
        && !ad_hoc_hyphenated(&e.lemma)
        && !institution_name(&e.lemma, e.gloss.as_deref())
}

/// The part of [`worth_a_gap`] that the entry's level decides (known before its meaning):
/// above A1, and above A2 unless the levels are chosen.
pub(super) fn level_worth_a_gap(level: Option<&str>, opts: &ClozeOptions) -> bool {
    let level: Option<Level> = level.and_then(|l| l.parse().ok());
    !matches!(
        (opts.levels, level),
        (_, Some(Level::A1)) | (None, Some(Level::A2))
    )
}

/// Whether a lemma is a compound of two nouns joined by a hyphen that no dictionary lists
/// (*Wahlkampfkosten-Obergrenze*, *Flüchtlings-Notquartier*): made for the article, its
/// meaning only its parts' (which may be targets themselves). A listed one (*Know-how*,
/// *Ost-West-Konflikt* if listed) and one opening with an abbreviation (*EU-Recht*, *U-Boot*)
/// are none.
pub(crate) fn ad_hoc_hyphenated(lemma: &str) -> bool {
    let Some((left, right)) = lemma.rsplit_once('-') else {
        return false;
    };
    let noun_like = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 3
            && cs.all(|c| c.is_lowercase() || c == '-')
    };
    let lex = lexicon();
    noun_like(left.rsplit('-').next().unwrap_or(left))
        && noun_like(right)
        && lex.noun(lemma).is_none()
        && lex.domain_entry(lemma, crate::lexicon::Pos::Noun).is_none()
        && lex.senses(lemma).is_empty()
}

/// English words of an institution in a gloss: with an abbreviation before it, the name of
/// one institution.
const INSTITUTION_WORDS: &[&str] = &[
    "commission",
    "council",
    "parliament",
    "court",
    "ministry",
    "agency",
    "authority",
    "committee",
    "bank",
    "government",
    "tribunal",
    "assembly",
    "senate",
    "cabinet",
    "army",
    "navy",
    "police",
    "embassy",
    "office",
    "administration",
    "organisation",
    "organization",
    "institute",
    "institution",
    "federation",
    "association",
    "board",
    "alliance",
    "presidency",
];

/// Whether a lemma is the name of an institution: an abbreviation of two or more capitals and
/// a noun of an institution (*EU-Kommission* "European Commission", *UNO-Sicherheitsrat* "UN
/// Security Council", *EU-Parlament*, *US-Notenbank*): a proper name, learned with the
/// institution, not as a word (the institution noun alone, *Kommission*, may be a target).
/// *EU-Staaten* "EU member states" and *EU-Gipfel* "EU summit" are common nouns.
pub(crate) fn institution_name(lemma: &str, gloss: Option<&str>) -> bool {
    let Some((abbr, head)) = lemma.split_once('-') else {
        return false;
    };
    let abbreviation = abbr.chars().count() >= 2
        && abbr.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && abbr.chars().next().is_some_and(char::is_uppercase);
    if !abbreviation || head.contains('-') {
        return false;
    }
    // the head's gloss, else the compound's: its first sense names an institution
    let lex = lexicon();
    let head_gloss = lex
        .domain_entry(head, crate::lexicon::Pos::Noun)
        .map(|d| d.gloss);
    [gloss, head_gloss].into_iter().flatten().any(|g| {
        let first = g.split([';', ',', '(']).next().unwrap_or(g).to_lowercase();
        first
            .split(|c: char| !c.is_alphabetic())
            .next_back()
            .is_some_and(|w| INSTITUTION_WORDS.contains(&w))
    })
}

/// A word folded for comparing stems: lower case, umlauts as their base vowels (*Jahr* and
/// *jährlich*, *Flucht* and *flüchten*).
fn fold(w: &str) -> String {
    // ASCII has no umlaut to fold
    if w.is_ascii() {
        return w.to_ascii_lowercase();
    }
    let lower = w.to_lowercase();
    let mut folded = String::with_capacity(lower.len() + 1);
    for c in lower.chars() {
        match c {
            'ä' => folded.push('a'),
            'ö' => folded.push('o'),
            'ü' => folded.push('u'),
            'ß' => folded.push_str("ss"),
            c => folded.push(c),
        }
    }
    folded
}

/// Endings a hint word loses before its stem is looked for in the answer (longest first).
const STEM_ENDINGS: &[&str] = &[
    "ungen", "ung", "lich", "isch", "keit", "heit", "ig", "en", "e", "n",
];

/// How many first letters of an answer, found in a word of its German hint, give it away: six
/// hold a stem (*invest-*, *progra-*, *verhan-*), where fewer are often a bare prefix
/// (*unter-*, *verb-*) shared by unrelated words.
const HINT_PREFIX: usize = 6;

/// Whether a German hint gives its answer away by the stem: a word of the hint (not a
/// function word), as written, as its lemma or without a derivational ending, is inside the
/// answer's lemma once prefixes and suffixes are set aside (*nicht üblich* for *unüblich*,
/// *den Wert … abschätzen* for *bewerten*, *bemerkt* for *bemerkenswert*, *jedes Jahr* for
/// *alljährlich*, *ein Amt* for *Amtsperiode*), or the answer's stem is inside a word of the
/// hint (*flüchten* for *Flucht*).
pub(crate) fn hint_gives_away(hint: &str, lemma: &str) -> bool {
    HintText::new(hint).gives_away(lemma)
}

/// A meaning hint read once for the give-away tests against many answers and options
/// ([`hint_gives_away`], [`AnswerKeys::revealed_by`]): its words tokenized and looked up once.
#[derive(Debug)]
pub(crate) struct HintText {
    text: String,
    words: Words,
    /// Its words but function words, as [`hint_gives_away`] compares them.
    content: Vec<HintWord>,
    /// Its words as [`cognate_hint`] compares them, on first use.
    english: OnceCell<Vec<CognateWord>>,
}

/// A content word of a hint: capitalised or not, [`fold`]ed as written and as its lemma, and
/// those without a [`STEM_ENDINGS`] ending.
#[derive(Debug)]
struct HintWord {
    capitalized: bool,
    words: Vec<String>,
    stems: Vec<String>,
}

impl HintText {
    pub(crate) fn new(hint: &str) -> HintText {
        let lex = lexicon();
        let words = Words::new(hint);
        let content = words
            .0
            .iter()
            .map(|w| &w.token)
            .filter(|t| !lex.is_function_word(t.written()))
            .map(|t| {
                let surface = t.written();
                let mut words = vec![fold(surface)];
                if let Some(a) = lex.analyze(surface) {
                    words.push(fold(&a.lemma));
                }
                let stems = words
                    .iter()
                    .filter_map(|w| STEM_ENDINGS.iter().find_map(|e| w.strip_suffix(e)))
                    .map(str::to_owned)
                    .collect();
                HintWord {
                    capitalized: t.capitalized,
                    words,
                    stems,
                }
            })
            .collect();
        HintText {
            text: hint.to_owned(),
            words,
            content,
            english: OnceCell::new(),
        }
    }

    /// [`cognate_hint`] for this hint and an answer's `keys`.
    pub(crate) fn holds_cognate(&self, keys: &CognateKeys) -> bool {
        holds_cognate(self.english.get_or_init(|| english_words(&self.text)), keys)
    }

    /// [`hint_gives_away`] for this hint and `lemma`.
    pub(crate) fn gives_away(&self, lemma: &str) -> bool {
        let answer = fold(lemma);
        let answer_stem = STEM_ENDINGS
            .iter()
            .find_map(|e| answer.strip_suffix(e))
            .unwrap_or(&answer);
        let long_stem = answer_stem.chars().count() >= 5;
        // the answer's first letters, as many as a stem has ([`HINT_PREFIX`]): *investiert*
        // for *Investor*, *Computerprogramm* for *Programmierer*
        let prefix: Option<String> = (answer.chars().count() > HINT_PREFIX)
            .then(|| answer.chars().take(HINT_PREFIX).collect());
        self.content.iter().any(|h| {
            if long_stem && h.words.iter().any(|w| w.contains(answer_stem)) {
                return true;
            }
            if let Some(prefix) = &prefix
                && h.words.iter().any(|w| w.contains(prefix.as_str()))
            {
                return true;
            }
            h.words
                .iter()
                .chain(&h.stems)
                .any(|w| match w.chars().count() {
                    0..=2 => false,
                    // a short noun as the answer's first or last part (Amt, Tag)
                    3 => {
                        h.capitalized
                            && (answer.starts_with(w.as_str()) || answer.ends_with(w.as_str()))
                    }
                    _ => answer.contains(w.as_str()),
                })
        })
    }

    /// Whether this hint gives away the answer of `keys` ([`AnswerKeys::revealed_by`]).
    pub(crate) fn reveals(&self, keys: &AnswerKeys) -> bool {
        keys.revealed_in(&self.words)
    }
}

/// A word folded for comparing a German word with an English one: [`fold`]ed, the German
/// *-ierung* as the English *-ation* (*Globalisierung*, *globalisation*), then the spellings
/// the two languages use for one sound made alike (*ph*/*f*, *th*/*t*, *sch*/*sh*, *k*/*c*,
/// *z*/*c*) and an ending that differs between them dropped (*-ium*/*-y*, *-ie*/*-y*, *-um*,
/// *-is*, *-o*, *-e*): *Konflikt* and *conflict* → `conflict`, *Territorium* and *territory*
/// → `territor`, *Allianz* and *alliance* → `allianc`, *Risiko* and *risk* → `risc`.
fn cognate_form(w: &str) -> String {
    let mut w = fold(w);
    // *-ierung* and the English *-ation* or gerund *-ing* (*Finanzierung* / *financing*)
    if let Some(stem) = w.strip_suffix("ierung") {
        w = format!("{stem}ation");
    } else if let Some(stem) = w.strip_suffix("ing").filter(|s| s.chars().count() >= 4) {
        w = format!("{stem}ation");
    }
    // (each replaced only where it occurs: no copy of a word without it)
    if w.contains("ph") {
        w = w.replace("ph", "f");
    }
    if w.contains("th") {
        w = w.replace("th", "t");
    }
    if w.contains("sch") {
        w = w.replace("sch", "sh");
    }
    if w.contains(['k', 'z']) {
        w = w.replace(['k', 'z'], "c");
    }
    ["ium", "ies", "ie", "ia", "um", "is", "y", "o", "e"]
        .iter()
        .find_map(|e| w.strip_suffix(e).filter(|b| b.chars().count() >= 4))
        .unwrap_or(&w)
        .to_owned()
}

/// Whether the English word `english` is the German `lemma` spelt alike, letter for letter but
/// for a quarter of the letters at most ([`COGNATE_SIMILARITY`] of their [`cognate_form`]s,
/// which start with the same letter: *military* / *Militär*, *priority* / *Priorität*): a
/// [`cognate`] by its spelling throughout, not by a shared beginning alone (*candidacy* /
/// *Kandidatur*).
pub(crate) fn spelt_alike(english: &str, lemma: &str) -> bool {
    let (e, g) = (cognate_form(english), cognate_form(lemma));
    let (le, lg) = (e.chars().count(), g.chars().count());
    if e == g {
        return true;
    }
    if le < 4 || lg < 4 || e.chars().next() != g.chars().next() {
        return false;
    }
    1.0 - edit_distance(&e, &g) as f32 / le.max(lg) as f32 >= COGNATE_SIMILARITY
}

/// Whether the English word `english` and the German noun `lemma` are cognates by their
/// consonants, spelt further apart than [`spelt_alike`] allows (*sovereignty* / *Souveränität*
/// with its *-ity* ending, *politician* / *Politiker*, *bureaucracy* / *Bürokratie*): a lemma of
/// [`SKELETON_MIN_CHARS`] letters or more whose [`cognate_form`] starts with the English word's
/// letter and whose consonants, doubled ones written once, match the English word's but for a
/// fifth of them ([`SKELETON_SIMILARITY`], at least [`SKELETON_MIN_CONSONANTS`] consonants). A
/// learner reads such a word at sight; the vowels are where the two languages spell apart.
/// Short words stay apart (*Flucht* / *flight*: a learner does not read one as the other).
pub(crate) fn consonants_alike(english: &str, lemma: &str) -> bool {
    if lemma.chars().count() < SKELETON_MIN_CHARS {
        return false;
    }
    let (e, g) = (cognate_form(english), cognate_form(lemma));
    if e.chars().next() != g.chars().next() {
        return false;
    }
    let (se, sg) = (consonant_skeleton(&e), consonant_skeleton(&g));
    let longer = se.chars().count().max(sg.chars().count());
    longer >= SKELETON_MIN_CONSONANTS
        && 1.0 - edit_distance(&se, &sg) as f32 / longer as f32 >= SKELETON_SIMILARITY
}

/// The shortest lemma [`consonants_alike`] compares, in letters.
const SKELETON_MIN_CHARS: usize = 8;
/// The fewest consonants (of the longer word) [`consonants_alike`] compares.
const SKELETON_MIN_CONSONANTS: usize = 5;
/// Least share of the consonants that must match in [`consonants_alike`]: one in five may
/// differ (*svrnt* / *svrgnt*).
const SKELETON_SIMILARITY: f32 = 0.8;

/// A word's first letter and its consonants after it, a letter repeated after the vowels
/// are left out written once (*committee* → `cmt`).
fn consonant_skeleton(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut last = None;
    for (i, c) in w.chars().enumerate() {
        if (i == 0 || !"aeiouy".contains(c)) && last != Some(c) {
            out.push(c);
            last = Some(c);
        }
    }
    out
}

/// Edit distance (Levenshtein) of two words, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Least share of a cognate's letters that must match (1 − edit distance / the longer
/// [`cognate_form`]). 0.75 takes *Parlament* / *parliament* (one letter in ten),
/// *Kontrolle* / *control* and *Demokratie* / *democracy* (one in eight); it leaves
/// *Investition* / *investment* (0.64), *Kriminalität* / *crime* and a compound beside its
/// head's word (*Steuerreform* / *reform*, 0.5) apart.
const COGNATE_SIMILARITY: f32 = 0.75;

/// Whether the English word `english` is a cognate of the German `lemma`, spelt so alike that
/// as a hint it hands over the answer (*conflict* for *Konflikt*, *parliament* for
/// *Parlament*, *territory* for *Territorium*, *alliance* for *Allianz*, *inflation* for
/// *Inflation*): their `cognate_form`s start with the same letter, have four letters or more
/// and differ in at most a quarter of their letters (`COGNATE_SIMILARITY`: *guarantee* for
/// *Garantie*), or share their first `COGNATE_PREFIX` letters (*candidacy* for
/// *Kandidatur*). A translation in other words is none (*union* for *Gewerkschaft*, *summit*
/// for *Gipfel*); nor is a word for one part of a compound (*reform* for *Steuerreform*): only
/// the whole word is compared here (see [`cognate_hint`] for compounds).
pub fn cognate(english: &str, lemma: &str) -> bool {
    CognateWord::new(english).cognate_of(&CognateWord::new(lemma))
}

/// A word as [`cognate`] compares it, [`fold`]ed and as its [`cognate_form`]: made once for
/// the many comparisons of a hint's words with answers.
#[derive(Debug)]
struct CognateWord {
    folded: String,
    form: String,
}

impl CognateWord {
    fn new(w: &str) -> CognateWord {
        CognateWord {
            folded: fold(w),
            form: cognate_form(w),
        }
    }

    /// [`cognate`] of this English word and the German `lemma`.
    fn cognate_of(&self, lemma: &CognateWord) -> bool {
        if short_cognate(&self.folded, &lemma.folded) {
            return true;
        }
        let (e, g) = (&self.form, &lemma.form);
        let (le, lg) = (e.chars().count(), g.chars().count());
        if le < 4 || lg < 4 || e.chars().next() != g.chars().next() {
            return false;
        }
        let shared = e.chars().zip(g.chars()).take_while(|(a, b)| a == b).count();
        let longer = le.max(lg) as f32;
        if shared >= COGNATE_PREFIX {
            return true;
        }
        // the edit distance is at least the difference in length: too far apart without it
        if 1.0 - le.abs_diff(lg) as f32 / longer < COGNATE_SIMILARITY {
            return false;
        }
        1.0 - edit_distance(e, g) as f32 / longer >= COGNATE_SIMILARITY
    }
}

/// A German answer as [`cognate_hint`] compares it with a hint: its lemma and, for a compound,
/// its parts, as [`CognateWord`]s.
#[derive(Debug)]
pub(crate) struct CognateKeys {
    lemma: CognateWord,
    /// The parts of a compound of two or more; none else.
    parts: Vec<CognateWord>,
}

impl CognateKeys {
    pub(crate) fn new(lemma: &str, parts: &[String]) -> CognateKeys {
        CognateKeys {
            lemma: CognateWord::new(lemma),
            parts: if parts.len() >= 2 {
                parts.iter().map(|p| CognateWord::new(p)).collect()
            } else {
                Vec::new()
            },
        }
    }
}

/// Whether a short English word and a German lemma (both [`fold`]ed) are one the other's
/// beginning, with at most [`SHORT_COGNATE_REST`] letters more (*sum* / *Summe*, *plan* /
/// *Plan*, *list* / *Liste*): too short for the similarity of [`cognate`]. English function
/// words (*the* for *Thema*) are none.
fn short_cognate(e: &str, g: &str) -> bool {
    let (le, lg) = (e.chars().count(), g.chars().count());
    le >= 3
        && lg >= 3
        && !ENGLISH_FUNCTION_WORDS.contains(&e)
        && (g.starts_with(e) && lg <= le + SHORT_COGNATE_REST
            || e.starts_with(g) && le <= lg + SHORT_COGNATE_REST)
}

/// Letters the longer of two [`short_cognate`]s may have beyond the shorter.
const SHORT_COGNATE_REST: usize = 3;

/// English words of three letters or more that carry no meaning of their own in a hint.
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "and", "for", "not", "but", "with", "from", "one", "any", "all", "its", "out", "off",
    "own", "are", "was", "has", "had", "her", "his", "who", "how", "why", "can", "may", "our",
    "you", "they", "this", "that", "into", "onto", "than", "then", "some", "such",
];

/// Letters of [`cognate_form`]s that, shared from the start, make two words cognates whatever
/// their endings (*candida-cy* / *Kandida-tur*, *investiga-tion* / *Investiga-tive*); the
/// prefixes of translations in other words part sooner (*invest-ment* / *Invest-ition*).
const COGNATE_PREFIX: usize = 7;

/// Whether an English hint holds a [`cognate`] of the answer's lemma, or, for a compound of
/// `parts`, a cognate of each part (*bank licence* for *Banklizenz*, *ministry of justice* for
/// *Justizministerium*; not *tax reform* for *Steuerreform*).
pub fn cognate_hint(hint: &str, lemma: &str, parts: &[String]) -> bool {
    holds_cognate(&english_words(hint), &CognateKeys::new(lemma, parts))
}

/// The words of an English hint as [`cognate`] compares them.
fn english_words(hint: &str) -> Vec<CognateWord> {
    hint.split(|c: char| !c.is_alphabetic())
        // an empty word is no cognate of anything
        .filter(|w| !w.is_empty())
        .map(CognateWord::new)
        .collect()
}

/// [`cognate_hint`] of a hint's `words` and an answer's `keys`.
fn holds_cognate(words: &[CognateWord], keys: &CognateKeys) -> bool {
    words.iter().any(|w| w.cognate_of(&keys.lemma))
        || !keys.parts.is_empty()
            && keys
                .parts
                .iter()
                .all(|p| words.iter().any(|w| w.cognate_of(p)))
}

/// The senses of an English hint (separated by `,` or `;`) that hold no [`cognate`] of the
/// answer's lemma or of all its `parts` (*conflict, dispute* → *dispute*), or `None` when none
/// is left.
pub(crate) fn hint_without_cognates(hint: &str, lemma: &str, parts: &[String]) -> Option<String> {
    let kept: Vec<&str> = hint
        .split([',', ';'])
        .map(str::trim)
        .filter(|part| !part.is_empty() && !cognate_hint(part, lemma, parts))
        .collect();
    (!kept.is_empty()).then(|| kept.join(", "))
}

/// An answer's word family as its own meaning hint may show it by the form (see
/// [`FamilyKeys::given_away_by`]): the Snowball stems of its lemma and of its compound parts,
/// and the lemma as [`cognate_form`].
#[derive(Debug)]
pub(crate) struct FamilyKeys {
    /// Folded stems of the lemma and of each part, of [`FAMILY_MIN_STEM`] letters or more.
    stems: Vec<String>,
    /// The lemma [`fold`]ed.
    folded: String,
    /// The lemma as [`cognate_form`], for a word that is no compound (an English word for a
    /// compound's first part, *financial crisis* for *Finanzkrise*, leaves its head to know).
    form: Option<String>,
}

/// Fewest letters of a stem that [`FamilyKeys`] compares (*alt* of *Alten·heim*).
const FAMILY_MIN_STEM: usize = 3;

/// Letters from the start that an English hint word shares with the lemma, vowels aside, to
/// be of its family ([`FamilyKeys::given_away_by`]: *regul-ation* / *Regel-ung*).
const FAMILY_PREFIX: usize = 5;

/// Fewest letters of an ending that a German hint word shares with the answer to give it
/// away by its shape ([`FamilyKeys::given_away_by`]: *Epi-demie* / *Pan-demie*).
const FAMILY_ENDING: usize = 5;

/// Letters from the start that a German hint word shares with the lemma, vowels aside, to be
/// of its family ([`FamilyKeys::given_away_by`]: *moder-iert* / *Moder-ator*; six, as
/// [`HINT_PREFIX`], so that a prefix and a letter, *verha-*, are none).
const FAMILY_GERMAN_PREFIX: usize = 6;

/// Whether two words start alike for `n` letters, a vowel for a vowel after the first.
fn alike_from_start(a: &str, b: &str, n: usize) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let vowel = |c: char| "aeiouy".contains(c);
    a.len() >= n
        && b.len() >= n
        && (0..n).all(|i| a[i] == b[i] || (i > 0 && vowel(a[i]) && vowel(b[i])))
}

/// Derivational endings: an ending two words share is a root only when something is left of
/// it without them (*-demie*: *dem*; not *-ierung*, *-ation*).
const DERIVATIONAL_ENDINGS: &[&str] = &[
    "ierungen", "ierung", "ationen", "ation", "ungen", "ung", "schaften", "schaft", "heiten",
    "heit", "keiten", "keit", "itäten", "ität", "ismus", "isten", "istin", "ist", "erin", "innen",
    "in", "ern", "er", "ie", "en", "e",
];

impl FamilyKeys {
    pub(crate) fn new(lemma: &str, parts: &[String]) -> FamilyKeys {
        let stem_of = |w: &str| fold(&crate::tokenize::stem(&w.to_lowercase()));
        let mut stems = vec![stem_of(lemma)];
        if parts.len() >= 2 {
            stems.extend(parts.iter().map(|p| stem_of(p.trim_end_matches('-'))));
        }
        stems.retain(|s| s.chars().count() >= FAMILY_MIN_STEM);
        stems.dedup();
        FamilyKeys {
            stems,
            folded: fold(lemma),
            form: (parts.len() < 2).then(|| cognate_form(lemma)),
        }
    }

    /// Whether a meaning hint shows the answer by the form of one of its words, a word of the
    /// answer's family: a German word on the stem of the lemma or of one of its compound parts
    /// (*Menschen im Alter* for *Altenheim*: *alt*), one that starts as the lemma does for
    /// [`FAMILY_GERMAN_PREFIX`] letters, a vowel for a vowel (*Person, die … moderiert* for
    /// *Moderator*), or one that ends as the answer does in
    /// [`FAMILY_ENDING`] letters or more, half of each word, with a root left in them besides
    /// a derivational ending (*Epidemie großen Ausmaßes* for *Pandemie*); when `english`, an
    /// English word that starts as the lemma of a word that is no compound does for
    /// [`FAMILY_PREFIX`] letters, a vowel for a vowel (*regulation* for *Regelung*,
    /// *investment* for *Investition*, as [`cognate_form`]s). (The answer spelt inside a
    /// hint word, its lemma and parts: [`HintText::gives_away`], [`AnswerKeys::revealed_by`].)
    pub(crate) fn given_away_by(&self, hint: &str, english: bool) -> bool {
        let lex = lexicon();
        hint.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= FAMILY_MIN_STEM)
            .any(|w| {
                if english {
                    return self.english_prefix(w);
                }
                if lex.is_function_word(w) {
                    return false;
                }
                let folded = fold(w);
                let stem = fold(&crate::tokenize::stem(&w.to_lowercase()));
                self.stems.contains(&stem)
                    || self.same_ending(&folded)
                    || alike_from_start(&folded, &self.folded, FAMILY_GERMAN_PREFIX)
            })
    }

    /// An English word that starts as the lemma ([`FAMILY_PREFIX`] letters, vowel for vowel).
    fn english_prefix(&self, w: &str) -> bool {
        let Some(lemma) = &self.form else {
            return false;
        };
        alike_from_start(&cognate_form(w), lemma, FAMILY_PREFIX)
    }

    /// A German word (folded) that ends as the lemma does in [`FAMILY_ENDING`] letters or more,
    /// at least half of each, a root of three letters left in the shared ending besides a
    /// [`DERIVATIONAL_ENDINGS`] ending; not the lemma itself (its forms are checked elsewhere).
    fn same_ending(&self, w: &str) -> bool {
        if w == self.folded {
            return false;
        }
        let shared: String = {
            let mut rev: Vec<char> = w
                .chars()
                .rev()
                .zip(self.folded.chars().rev())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect();
            rev.reverse();
            rev.into_iter().collect()
        };
        let n = shared.chars().count();
        if n < FAMILY_ENDING || 2 * n < w.chars().count() || 2 * n < self.folded.chars().count() {
            return false;
        }
        let root = DERIVATIONAL_ENDINGS
            .iter()
            .find_map(|e| shared.strip_suffix(e))
            .unwrap_or(&shared);
        root.chars().count() >= 3
    }
}

/// A word's lemma and the [`family_root`] of that lemma, as an answer's keys compare them.
#[derive(Debug)]
struct Family {
    lemma: String,
    root: Option<String>,
}

/// Most words whose [`Family`] is remembered (per thread) before the memo starts afresh.
const FAMILY_MEMO_MAX: usize = 100_000;

thread_local! {
    static FAMILIES: crate::memo::MemoCell<Option<Arc<Family>>> = Default::default();
}

/// The [`Family`] of a word as written (`None` when the lexicon has no analysis of it): the
/// same words are on item after item's sheet, prompts and options.
fn family_of(surface: &str) -> Option<Arc<Family>> {
    crate::memo::memoised(&FAMILIES, surface, FAMILY_MEMO_MAX, || {
        lexicon().analyze(surface).map(|a| {
            Arc::new(Family {
                root: family_root(&a.lemma),
                lemma: a.lemma,
            })
        })
    })
}

/// One word of a text, as keys compare it: its token (which holds the word as written and in
/// lower case, shared with the other tokens of the form: no copies).
#[derive(Debug, Clone)]
struct Word {
    token: Token,
    /// Its [`Family`], looked up on first use.
    family: OnceCell<Option<Arc<Family>>>,
}

impl Word {
    fn lower(&self) -> &str {
        self.token.lower()
    }

    fn family(&self) -> Option<&Family> {
        self.family
            .get_or_init(|| family_of(self.token.written()))
            .as_deref()
    }
}

/// The words of a text, tokenized once for all the keys it is compared with.
#[derive(Debug, Clone)]
struct Words(Vec<Word>);

impl Words {
    fn new(text: &str) -> Words {
        Words(
            tokenize(text)
                .into_iter()
                .filter(|t| t.kind == TokenKind::Word)
                .map(|token| Word {
                    token,
                    family: OnceCell::new(),
                })
                .collect(),
        )
    }
}

/// The keys of one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerKeys {
    lemma: String,
    /// Each key with whether it has four letters or more (found inside a word; a shorter one
    /// only as the whole word).
    keys: Vec<(String, bool)>,
    /// The lemma's [`family_root`], when it is long enough to compare.
    root: Option<String>,
    /// A compound's modifiers too short to be keys (three or four letters, a linking `s`
    /// dropped: *amt* of *Amtszeit*): found as a word of their own or as the first part of
    /// another compound (*Amt*, *Amtsführung*).
    short_modifiers: Vec<String>,
}

impl AnswerKeys {
    /// The keys of an answer with this lemma and these compound parts.
    pub fn new(answer: &str, lemma: &str, parts: &[String]) -> AnswerKeys {
        let mut keys = super::distractors::part_keys(lemma, parts);
        let a = answer.to_lowercase();
        if !keys.contains(&a) {
            keys.push(a);
        }
        AnswerKeys {
            lemma: lemma.to_owned(),
            keys: keys
                .into_iter()
                .map(|k| {
                    let long = k.chars().count() >= 4;
                    (k, long)
                })
                .collect(),
            root: family_root(lemma),
            short_modifiers: short_modifiers(parts),
        }
    }

    /// The keys of a noun whose gender and plural are asked for: its forms, its plural and its
    /// compound head show them, a word of its family does not (*Bürgermeister* leaves the
    /// plural of *Bürgermeisteramt* open).
    pub fn noun_forms(plural: &str, lemma: &str, head: Option<&String>) -> AnswerKeys {
        let head: Vec<String> = head.cloned().into_iter().collect();
        AnswerKeys {
            root: None,
            short_modifiers: Vec::new(),
            ..AnswerKeys::new(plural, lemma, &head)
        }
    }

    /// Whether `text` gives this answer away.
    pub fn revealed_by(&self, text: &str) -> bool {
        self.revealed_in(&Words::new(text))
    }

    /// Whether one of `words` gives this answer away: it holds a key, or it is a form of the
    /// lemma or of its word family.
    fn revealed_in(&self, words: &Words) -> bool {
        words.0.iter().any(|w| {
            self.keys.iter().any(|(k, long)| {
                if *long {
                    w.lower().contains(k.as_str())
                } else {
                    w.lower() == k.as_str()
                }
            }) || w.family().is_some_and(|f| {
                f.lemma == self.lemma
                    || self
                        .root
                        .as_deref()
                        .is_some_and(|r| f.root.as_deref().is_some_and(|o| same_family(r, o)))
            }) || self
                .short_modifiers
                .iter()
                .any(|m| w.lower().starts_with(m.as_str()) && opens_with_part(w, m))
        })
    }
}

/// The modifiers of a compound of `parts` that are too short to be keys of their own (see
/// [`super::distractors::part_keys`]): three or four letters once a linking `s` is dropped,
/// a noun of the lexicon (*Amt* of *Amtszeit*, *Bau* of *Baugenehmigung*), in lower case.
fn short_modifiers(parts: &[String]) -> Vec<String> {
    if parts.len() < 2 {
        return Vec::new();
    }
    let lex = lexicon();
    parts[..parts.len() - 1]
        .iter()
        .filter_map(|p| {
            let p = p.trim_matches('-');
            let noun = |w: &str| {
                let mut cs = w.chars();
                let cap: String = cs
                    .next()
                    .map(|c| c.to_uppercase().chain(cs).collect())
                    .unwrap_or_default();
                lex.noun(&cap).is_some().then(|| w.to_lowercase())
            };
            noun(p).or_else(|| p.strip_suffix('s').and_then(noun))
        })
        .filter(|m| (3..=4).contains(&m.chars().count()))
        .collect()
}

/// Whether word `w` (which starts with the letters of `modifier`) is that noun or opens
/// with it as a compound part: its lemma is the noun (*Amtes*), or the lexicon splits it with
/// the noun first (*Amtsführung*; not *Amtliche*, *Bauer*).
fn opens_with_part(w: &Word, modifier: &str) -> bool {
    if w.lower() == modifier
        || w.family()
            .is_some_and(|f| f.lemma.to_lowercase() == modifier)
    {
        return true;
    }
    lexicon()
        .split_compound(w.token.written())
        .and_then(|parts| parts.into_iter().next())
        .is_some_and(|first| {
            let first = first.trim_matches('-').to_lowercase();
            first == modifier || first.strip_suffix('s') == Some(modifier)
        })
}

/// Derivational endings dropped before two lemmas are compared (longest first): the verb's
/// infinitive, the noun's *-ung*, *-e*, the adjective's *-lich*, *-isch*, *-ig*. A verb in
/// *-eln*, *-ern* loses only its *-n*, as its noun loses *-ung* (*ankurbeln*, *Ankurbelung*;
/// *ändern*, *Änderung*).
const DERIVATION_ENDINGS: &[&str] = &[
    "ierung", "ieren", "lich", "isch", "ung", "en", "ig", "e", "n",
];

/// The root of a word family as its consonants: the lower-case lemma without a derivational
/// ending, vowels left out (so that the ablaut of *nehmen* / *Nahme* and the verb's *-ieren*
/// do not matter): *festnehmen*, *Festnahme* → `fstnhm`; *Kontrolle*, *kontrollieren* →
/// `kntrll`; *wirtschaftlich* → `wrtschft`. The first two letters come first, to tell
/// skeletons with other vowels at the start apart (*frisch* / *forsch*). When fewer than five
/// consonants are left (short skeletons match too much by chance), the base itself, letter for
/// letter, where a derivational ending was dropped (*prüfen*, *Prüfung* → `=prüf:prüf`), else
/// `None`.
pub(crate) fn family_root(lemma: &str) -> Option<String> {
    let lower = lemma.to_lowercase().replace('ß', "ss");
    let word = lower.rsplit('-').next().unwrap_or(&lower);
    let stripped = DERIVATION_ENDINGS
        .iter()
        .find_map(|e| word.strip_suffix(e).filter(|b| b.chars().count() >= 4));
    let base = stripped.unwrap_or(word);
    let skeleton: String = base
        .chars()
        .filter(|c| c.is_alphabetic() && !"aeiouäöüy".contains(*c))
        .collect();
    if skeleton.chars().count() < 5 {
        // a short root only as the whole base left by a derivational ending, letter for
        // letter (*prüfen*, *Prüfung* → `=prüf`; not *Amt*, nor a skeleton of other vowels)
        return stripped.map(|b| format!("={b}:{b}"));
    }
    let start: String = base.chars().take(2).collect();
    Some(format!("{start}:{skeleton}"))
}

/// Whether two [`family_root`]s are of one family: one skeleton starts the other (and the
/// words start alike: *Festnahme*, *festnehmen*; *wirtschaftlich*, *Wirtschaftsleistung*), or
/// one ends the other (a compound on the root: *Grenzkontrolle*), or they end in the same
/// compound head of eight consonants or more (*Staatsanwaltschaft*, *Bundesanwaltschaft*).
pub(crate) fn same_family(a: &str, b: &str) -> bool {
    let (sa, a) = a.split_once(':').unwrap_or(("", a));
    let (sb, b) = b.split_once(':').unwrap_or(("", b));
    let (la, lb) = (a.chars().count(), b.chars().count());
    let (short, long, short_len) = if la <= lb { (a, b, la) } else { (b, a, lb) };
    // (a prefix of characters is a prefix of bytes in UTF-8)
    if sa == sb && long.starts_with(short) {
        return true;
    }
    let common_end = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (common_end == short_len && short_len >= 6) || common_end >= 8
}

/// The answer of a grammar drill as the words that show it: the determiner (an article
/// drill) or the declined adjective (an ending drill) as written, then the noun as written.
/// A text shows it when they stand there in that order with at most `PHRASE_GAP`
/// lower-case words between them (*bei einer Pressekonferenz* answers *bei _____
/// Pressekonferenz*, *vor dem Referendum* answers *nach _____ Referendum*, *in den letzten
/// Jahren* answers *in _____ vergangenen Jahren*).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseKey {
    first: String,
    noun: String,
}

/// Most words (adjectives) between a drill's determiner or adjective and its noun in a text
/// that shows the drill's answer.
const PHRASE_GAP: usize = 3;

impl PhraseKey {
    /// The key of a drill whose phrase starts with `first` (determiner or declined adjective)
    /// and ends with the noun `noun`, both as written.
    pub fn new(first: &str, noun: &str) -> PhraseKey {
        PhraseKey {
            first: first.to_lowercase(),
            noun: noun.to_lowercase(),
        }
    }

    /// Whether `text` shows the drill's answer.
    pub fn revealed_by(&self, text: &str) -> bool {
        self.revealed_in(&Words::new(text))
    }

    /// Whether `words` show the drill's answer.
    fn revealed_in(&self, words: &Words) -> bool {
        let toks = &words.0;
        toks.iter().enumerate().any(|(i, t)| {
            t.lower() == self.first
                && toks[i + 1..]
                    .iter()
                    .take(PHRASE_GAP + 1)
                    .try_for_each(|n| {
                        if n.lower() == self.noun {
                            Err(true)
                        } else if n.token.capitalized {
                            Err(false)
                        } else {
                            Ok(())
                        }
                    })
                    .err()
                    .unwrap_or(false)
        })
    }
}

/// The texts and answers of a worksheet being made, each with the sentence it belongs to (if
/// any): items that share a sentence (`--gaps 2`) show each other's answers by the user's
/// choice.
#[derive(Debug, Default, Clone)]
pub struct Sheet {
    /// The texts as their words (see [`Words`]).
    texts: Vec<(Words, Option<usize>)>,
    answers: Vec<(AnswerKeys, Option<usize>)>,
    /// The drills' answers.
    phrases: Vec<(PhraseKey, Option<usize>)>,
}

impl Sheet {
    /// A sheet with only its heading.
    pub fn new(title: &str) -> Sheet {
        Sheet {
            texts: vec![(Words::new(title), None)],
            answers: Vec::new(),
            phrases: Vec::new(),
        }
    }

    /// Whether `text` would give away an answer already on the sheet (other than those of
    /// sentence `sentence`).
    pub fn reveals_an_answer(&self, text: &str, sentence: Option<usize>) -> bool {
        let other = |s: &Option<usize>| s.is_none() || *s != sentence;
        if !self.answers.iter().any(|(_, s)| other(s))
            && !self.phrases.iter().any(|(_, s)| other(s))
        {
            return false;
        }
        let words = Words::new(text);
        self.answers
            .iter()
            .any(|(a, s)| other(s) && a.revealed_in(&words))
            || self
                .phrases
                .iter()
                .any(|(p, s)| other(s) && p.revealed_in(&words))
    }

    /// Whether the sheet's texts (other than those of sentence `sentence`) show the answer
    /// of a drill, or another drill asks for the same phrase.
    pub fn shows_phrase(&self, phrase: &PhraseKey, sentence: Option<usize>) -> bool {
        self.phrases.iter().any(|(p, _)| p == phrase)
            || self
                .texts
                .iter()
                .any(|(t, s)| (s.is_none() || *s != sentence) && phrase.revealed_in(t))
    }

    /// Put a drill's answer (in sentence `sentence`) on the sheet: no later text may show it.
    pub fn add_phrase(&mut self, phrase: PhraseKey, sentence: Option<usize>) {
        self.phrases.push((phrase, sentence));
    }

    /// Whether the sheet's texts (other than those of sentence `sentence`) give away `answer`.
    pub fn gives_away(&self, answer: &AnswerKeys, sentence: Option<usize>) -> bool {
        self.texts
            .iter()
            .any(|(t, s)| (s.is_none() || *s != sentence) && answer.revealed_in(t))
    }

    /// Put a text on the sheet (a prompt or option of sentence `sentence`, a drill word).
    pub fn add_text(&mut self, text: &str, sentence: Option<usize>) {
        self.texts.push((Words::new(text), sentence));
    }

    /// Put an answer (in sentence `sentence`) on the sheet: no later text may give it away.
    pub fn add_answer(&mut self, answer: AnswerKeys, sentence: Option<usize>) {
        self.answers.push((answer, sentence));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hint_word_of_the_answers_family_gives_it_away() {
        let parts = |p: &[&str]| p.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let keys = |lemma: &str, p: &[&str]| FamilyKeys::new(lemma, &parts(p));
        // German: a word on the stem of a compound part (alt of Alten·heim)
        let alten = keys("Altenheim", &["Alten", "heim"]);
        assert!(alten.given_away_by("Heim für Menschen im Alter", false));
        assert!(alten.given_away_by("Einrichtung für Menschen im Alter", false));
        assert!(!alten.given_away_by("Einrichtung für pflegebedürftige Menschen", false));
        // a shared root at the end, half of both words (Epi·demie, Pan·demie)
        let pandemie = keys("Pandemie", &[]);
        assert!(pandemie.given_away_by("Epidemie großen Ausmaßes", false));
        assert!(!pandemie.given_away_by("weltweite Ausbreitung einer Krankheit", false));
        assert!(keys("Moderator", &[]).given_away_by("Person, die eine Sendung moderiert", false));
        assert!(!keys("Verhandlung", &[]).given_away_by("ein Verhalten", false));
        let bedenken = keys("Bedenken", &[]);
        assert!(bedenken.given_away_by("aufgrund von Nachdenken entstandener Zweifel", false));
        // an ending that is only a derivation is no root (Regierung, Forderung)
        assert!(!keys("Forderung", &[]).given_away_by("Verlangen der Regierung", false));
        // English: the first five letters of a simple lemma, a vowel for a vowel
        assert!(keys("Regelung", &[]).given_away_by("regulation", true));
        assert!(keys("Investition", &[]).given_away_by("investment", true));
        assert!(keys("Medikament", &[]).given_away_by("medicine, drug", true));
        assert!(!keys("Gewerkschaft", &[]).given_away_by("trade union", true));
        assert!(!keys("Regelung", &[]).given_away_by("rule", true));
        // not for a compound: the head is left to know (financial crisis)
        assert!(!keys("Finanzkrise", &["Finanz", "krise"]).given_away_by("financial crisis", true));
    }

    #[test]
    fn keys_find_forms_and_parts() {
        let k = AnswerKeys::new(
            "Preisabsprachen",
            "Preisabsprache",
            &["Preis".to_owned(), "absprache".to_owned()],
        );
        assert!(k.revealed_by("Die Preise stiegen."));
        assert!(k.revealed_by("Es gab Absprachen."));
        assert!(!k.revealed_by("Die Firmen zahlten."));
        let k = AnswerKeys::new("Vertrag", "Vertrag", &[]);
        assert!(k.revealed_by("Die Verträge gelten."));
        let mut sheet = Sheet::new("Kartellgericht straft Zielpunkt");
        let k = AnswerKeys::new("Kartellgerichts", "Kartellgericht", &[]);
        assert!(sheet.gives_away(&k, None) && sheet.gives_away(&k, Some(3)));
        sheet.add_answer(AnswerKeys::new("Geldbuße", "Geldbuße", &[]), Some(3));
        assert!(sheet.reveals_an_answer("Der Betrag der Geldbuße ist gedeckt.", None));
        assert!(!sheet.reveals_an_answer("Der Betrag ist gedeckt.", None));
        // the same sentence may show it (two gaps in one sentence)
        assert!(!sheet.reveals_an_answer("Die Geldbuße ist hoch.", Some(3)));
    }

    #[test]
    fn hints_with_the_answers_stem_give_it_away() {
        // prefixes and suffixes set aside, umlauts folded, the lemma of an inflected form
        assert!(hint_gives_away(
            "so, dass es nicht den Gepflogenheiten entspricht; nicht üblich",
            "unüblich"
        ));
        assert!(hint_gives_away(
            "den Wert oder die Qualität von etwas abschätzen",
            "bewerten"
        ));
        assert!(hint_gives_away(
            "Aufmerksamkeit verdienend; so beschaffen, dass es bemerkt werden sollte",
            "bemerkenswert"
        ));
        assert!(hint_gives_away("jedes Jahr geschehend", "alljährlich"));
        assert!(hint_gives_away(
            "Zeitraum, in dem ein Amt ausgeübt wird",
            "Amtsperiode"
        ));
        assert!(hint_gives_away(
            "Eigenschaft, erreicht werden zu können",
            "Erreichbarkeit"
        ));
        assert!(hint_gives_away(
            "in einer Zeitung, die wöchentlich erscheint",
            "Wochenzeitung"
        ));
        assert!(hint_gives_away("das Flüchten vor einer Gefahr", "Flucht"));
        // the answer's first six letters
        assert!(hint_gives_away(
            "jemand, der investiert, der Geld anlegt",
            "Investor"
        ));
        assert!(hint_gives_away(
            "Verfasser eines Computerprogramms",
            "Programmierer"
        ));
        // a definition in other words gives nothing away
        assert!(!hint_gives_away(
            "ohne Vermögen, kein Geld besitzend",
            "mittellos"
        ));
        assert!(!hint_gives_away(
            "abgegrenztes Aufgaben- oder Themengebiet",
            "Ressort"
        ));
        assert!(!hint_gives_away(
            "etwas Bestimmtes zu erreichen versuchen",
            "trachten"
        ));
        assert!(!hint_gives_away(
            "verhängnisvolles Unglück, schweres Missgeschick",
            "Desaster"
        ));
    }

    #[test]
    fn cognate_hints_are_told_from_translations() {
        for (english, lemma) in [
            ("conflict", "Konflikt"),
            ("parliament", "Parlament"),
            ("territory", "Territorium"),
            ("alliance", "Allianz"),
            ("inflation", "Inflation"),
            ("escalation", "Eskalation"),
            ("ministry", "Ministerium"),
            ("democracy", "Demokratie"),
            ("category", "Kategorie"),
            ("crisis", "Krise"),
            ("control", "Kontrolle"),
            ("philosophy", "Philosophie"),
            ("globalisation", "Globalisierung"),
            ("digitalisation", "Digitalisierung"),
            ("risk", "Risiko"),
            ("asylum", "Asyl"),
            ("centre", "Zentrum"),
            ("guarantee", "Garantie"),
            ("candidacy", "Kandidatur"),
            ("president", "Präsident"),
            ("sum", "Summe"),
            ("test", "Test"),
            ("plan", "Plan"),
            ("team", "Team"),
            ("park", "Park"),
            ("form", "Form"),
            ("list", "Liste"),
            ("bank", "Bank"),
            ("end", "Ende"),
            ("man", "Mann"),
            ("financing", "Finanzierung"),
            ("militia", "Miliz"),
        ] {
            assert!(cognate(english, lemma), "{english} / {lemma}");
        }
        for (english, lemma) in [
            ("funding", "Finanzierung"),
            ("building", "Bildung"),
            ("union", "Gewerkschaft"),
            ("summit", "Gipfel"),
            ("investment", "Investition"),
            ("crime", "Kriminalität"),
            ("reform", "Steuerreform"),
            ("government", "Regierung"),
            ("alliance", "Bündnis"),
            ("customer", "Kunde"),
            ("murder", "Mord"),
            ("council", "Rat"),
            ("the", "Thema"),
            ("and", "Anden"),
            ("leg", "Legende"),
            ("art", "Artikel"),
            ("pot", "Potenzial"),
            ("man", "Manager"),
        ] {
            assert!(!cognate(english, lemma), "{english} / {lemma}");
        }
        let parts = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(cognate_hint("trade conflict", "Konflikt", &[]));
        assert!(!cognate_hint(
            "tax reform",
            "Steuerreform",
            &parts(&["Steuer", "reform"])
        ));
        assert!(cognate_hint(
            "bank licence",
            "Banklizenz",
            &parts(&["Bank", "lizenz"])
        ));
        assert!(cognate_hint(
            "ministry of justice",
            "Justizministerium",
            &parts(&["Justiz", "ministerium"])
        ));
        assert!(!cognate_hint(
            "labour market reform",
            "Arbeitsmarktreform",
            &parts(&["Arbeitsmarkt", "reform"])
        ));
        assert_eq!(
            hint_without_cognates("conflict, dispute", "Konflikt", &[]).as_deref(),
            Some("dispute")
        );
        assert_eq!(hint_without_cognates("parliament", "Parlament", &[]), None);
    }

    #[test]
    fn word_families_give_answers_away() {
        let k = AnswerKeys::new("festgenommen", "festnehmen", &[]);
        assert!(k.revealed_by("Festnahmen gab es auch in Italien."));
        let k = AnswerKeys::new("Festnahmen", "Festnahme", &[]);
        assert!(k.revealed_by("Mehrere Menschen wurden festgenommen."));
        let k = AnswerKeys::new("kontrolliert", "kontrollieren", &[]);
        assert!(k.revealed_by("Es gab eine Grenzkontrolle."));
        assert!(k.revealed_by("bei Kontrollen"));
        let k = AnswerKeys::new("wirtschaftlichen", "wirtschaftlich", &[]);
        assert!(k.revealed_by("Die Wirtschaftsleistung sinkt."));
        let k = AnswerKeys::new("Staatsanwaltschaft", "Staatsanwaltschaft", &[]);
        assert!(k.revealed_by("eine Sprecherin der Bundesanwaltschaft"));
        // a verb in -eln and its noun in -elung
        let k = AnswerKeys::new("Ankurbelung", "Ankurbelung", &[]);
        assert!(k.revealed_by("Kann Zuwanderung die Konjunktur ankurbeln?"));
        // other families stay apart
        let k = AnswerKeys::new("Forschung", "Forschung", &[]);
        assert!(!k.revealed_by("Das Obst ist frisch."));
        let k = AnswerKeys::new("wissenschaftlichen", "wissenschaftlich", &[]);
        assert!(!k.revealed_by("Die Wirtschaft wächst."));
        let k = AnswerKeys::new("Festnahmen", "Festnahme", &[]);
        assert!(!k.revealed_by("Die Feststellung kam spät."));
    }

    #[test]
    fn short_modifiers_give_compounds_away() {
        // a modifier too short to be a key, as a word of its own or opening another compound
        let k = AnswerKeys::new("Amtszeit", "Amtszeit", &["Amts".into(), "Zeit".into()]);
        assert!(k.revealed_by("Er trat sein Amt im Mai an."));
        assert!(k.revealed_by("Der Streit um seine Amtsführung hält an."));
        assert!(k.revealed_by("Die Aufgaben des Amtes sind klar."));
        // a word that only starts with its letters
        assert!(!k.revealed_by("Die amtlichen Zahlen kamen spät."));
        assert!(!k.revealed_by("Er war lange im Dienst."));
        let k = AnswerKeys::new(
            "Baugenehmigung",
            "Baugenehmigung",
            &["Bau".into(), "Genehmigung".into()],
        );
        assert!(k.revealed_by("Der Bau beginnt im Herbst."));
        assert!(!k.revealed_by("Der Bauer verkauft Milch."));
    }

    #[test]
    fn short_roots_give_answers_away_letter_for_letter() {
        // a root of fewer than five consonants: the base the derivational ending leaves
        let k = AnswerKeys::new("Prüfung", "Prüfung", &[]);
        assert!(k.revealed_by("Die Kommission will den Vorschlag prüfen."));
        let k = AnswerKeys::new("Kündigung", "Kündigung", &[]);
        assert!(k.revealed_by("Er hat seinen Vertrag gekündigt."));
        let k = AnswerKeys::new("Nutzung", "Nutzung", &[]);
        assert!(k.revealed_by("Viele nutzen das Angebot."));
        // not a skeleton of other vowels (prüfen / Prophet), nor a base left without an ending
        let k = AnswerKeys::new("Prüfung", "Prüfung", &[]);
        assert!(!k.revealed_by("Der Prophet sprach."));
        assert!(!k.revealed_by("Die Probe war gut."));
        assert_eq!(family_root("Amt"), None);
        assert_eq!(family_root("prüfen").as_deref(), Some("=prüf:prüf"));
    }

    #[test]
    fn ad_hoc_hyphenated_compounds_and_institution_names_are_no_gaps() {
        // two nouns joined for one article, no dictionary's word
        assert!(ad_hoc_hyphenated("Wahlkampfkosten-Obergrenze"));
        assert!(ad_hoc_hyphenated("Flüchtlings-Notquartier"));
        // an abbreviation before the hyphen, a lower-case part, no hyphen
        for lemma in ["EU-Kommission", "U-Boot", "Know-how", "Obergrenze"] {
            assert!(!ad_hoc_hyphenated(lemma), "{lemma}");
        }
        // an abbreviation and an institution: a name
        assert!(institution_name(
            "EU-Kommission",
            Some("European Commission")
        ));
        assert!(institution_name(
            "UNO-Sicherheitsrat",
            Some("UN Security Council")
        ));
        assert!(institution_name("EU-Parlament", None));
        // common nouns after an abbreviation, an institution noun alone, no abbreviation
        assert!(!institution_name("EU-Staat", Some("EU member state")));
        assert!(!institution_name("EU-Gipfel", Some("EU summit")));
        assert!(!institution_name("EU-Recht", Some("EU law")));
        assert!(!institution_name("Kommission", Some("commission")));
        assert!(!institution_name("U-Boot", Some("submarine")));
    }
}
