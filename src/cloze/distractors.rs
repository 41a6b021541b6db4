//! Distractors of vocabulary items: real forms of other words, in the answer's grammatical
//! slot, that do not fit the gap.
//!
//! - **Real forms only.** Nouns take the form of their Wiktionary paradigm in the answer's
//!   case and number (and must be as ambiguous as the answer: *Regierungschefs* is genitive
//!   singular and plural, so a distractor must be both too; no plural that is rare in use,
//!   *Umwelten*, *Streite*: see [`rare_as_an_option`]; for a mass noun in the singular only
//!   mass nouns, [`mass_noun`]: *Gerade Erdgas sei …* takes no *Quartal*; and no mass noun
//!   in a plural slot or after the indefinite article: *der Klimawandel* for *die Förderung
//!   der Pendler*, *einen Ökostrom*); adjectives the answer's ending
//!   on their own lemma, kept only when the form is in the frequency list and reads back as
//!   that adjective; verbs their form in the answer's slot from [`verb_forms`] (irregular
//!   table or regular, attested). Nothing is built that no text uses (*wachste*).
//! - **Grammatical in the slot.** Same part of speech, same gender for nouns, same case,
//!   number, declension ending or verb slot; no separable verb for a finite form (it would
//!   split), no verb that takes *sein* for a participle, a verb with every use of the answer's
//!   (an accusative object, none, a dative, *sich*: see [`valency`]), nothing declined like an
//!   adjective for a noun (its form depends on the article).
//! - **Never a second right answer.** No synonym of the answer (listed synonyms both ways, a
//!   gloss sharing a content word: *exit*, *withdrawal*), no word sharing a compound part or
//!   the head with the answer (*Verkaufspreise* for *Wiederverkaufspreise*) or its first four
//!   letters (*Rückzug* for *Rücktritt*), no word the article itself uses (it may stand in the
//!   same slot), no unit, no name; no agent (a
//!   person or organisation fits almost any subject or object) and no abstract noun for an
//!   abstract answer (see [`NounType`]; abstract by its German ending or its English gloss:
//!   *Umwelt* — environment, *Nachfrage* — demand; an agent by the head of its gloss, *refugee
//!   crisis* is a crisis, and by a Wiktionary definition that names a person, not a thing:
//!   *Halbleiter* — semiconductor is none); other subject areas than the answer's first
//!   (a word of the same area is the likeliest to fit); nothing on the article's topic (a
//!   gloss sharing a word with a gloss of the article's domain words: *Migration* beside
//!   *Arbeitsmigration*).
//! - **Not solved by kind.** A person answer takes persons (*Nachfolger*: *Lieferant*,
//!   *Gläubiger*, not *Roboter*, *Panzer*), but only specific ones (rarer than Zipf 4: no
//!   *Mitarbeiter*, *Wähler*) of another group of subject areas than the answer's, of a field
//!   the article is not about first ([`NounKind`]); organisations stay excluded (*das Image der
//!   Automobilindustrie* for *der Bundesregierung*).
//! - **Varied.** Equally good candidates come in the order of a hash salted by the seed and
//!   the answer, blurring the preference by up to one step: the same seed on every sheet
//!   offered the same few words on every sheet (*Panzer* 74, *Roboter* 55 times in 500).
//! - **Nothing given away** on the sheet: a form that spells another item's answer is skipped
//!   (the caller says which).

use std::cell::OnceCell;
use std::collections::HashSet;
use std::sync::OnceLock;

use rand::Rng;
use rand::RngExt as _;
use rustc_hash::FxHashMap;

use super::generate::Memo;
use crate::lexicon::grammar::{
    VerbSlot, is_unit, may_take_sein, plural_is_rare, valency, verb_forms,
};
use crate::lexicon::{
    Analysis, Case, Category, DomainEntry, Gender, Level, Number, Pos, level_for_zipf, lexicon,
    slot_index,
};

/// What the distractors of one item must respect besides the answer itself.
pub(super) struct Context<'a> {
    /// Lemmas of the article's content words (never offered).
    pub article_lemmas: &'a HashSet<String>,
    /// True when a form would give away another item's answer.
    pub blocked: &'a dyn Fn(&str) -> bool,
    /// Lemmas already offered on the sheet (taken last: the same options item after item
    /// teach nothing).
    pub offered: &'a HashSet<String>,
    /// The answer is a singular noun without a determiner (*für Beschaffung und Aufbereitung*):
    /// used as a mass noun, so only mass nouns are grammatical options.
    pub bare: bool,
    /// The answer follows the indefinite article (*einen Ausbau*): a mass noun is no option
    /// there (*einen Ökostrom*, *eine Chemie*).
    pub counted: bool,
}

/// Words of a gloss that carry no meaning of their own.
const GLOSS_STOP: &[&str] = &[
    "to", "of", "the", "a", "an", "and", "or", "for", "in", "on", "with", "by", "at", "from", "as",
    "be", "get", "make", "take", "sb", "sth", "one", "one's", "up", "out", "off", "into", "over",
    "about", "not", "no", "new", "general", "public", "state", "federal",
];

/// The content words of an English gloss (`to impose (sanctions)` → impose, sanctions).
pub(crate) fn gloss_words(gloss: &str) -> HashSet<String> {
    gloss
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(str::to_lowercase)
        .filter(|w| w.len() >= 3 && !GLOSS_STOP.contains(&w.as_str()))
        .map(|w| {
            // plural and -ing forms mean the same word
            let w = w.strip_suffix("ies").map_or(w.clone(), |s| format!("{s}y"));
            w.strip_suffix('s')
                .filter(|s| s.len() >= 3 && !w.ends_with("ss"))
                .map_or(w.clone(), str::to_owned)
        })
        .collect()
}

/// The lower-case keys of a lemma's compound parts worth comparing, the lemma itself first:
/// its head (the last part) of four letters or more, and its modifiers of five letters or more
/// (a linking `s` dropped). `Preisabsprache` → preisabsprache, preis, absprache; `Landtag` →
/// landtag only (*Land* is in too many words to give *Landtag* away).
pub(crate) fn part_keys(lemma: &str, parts: &[String]) -> Vec<String> {
    let mut out = vec![lemma.to_lowercase()];
    for (i, p) in parts.iter().enumerate() {
        let head = i + 1 == parts.len();
        let written = p.trim_matches('-');
        let p = written.to_lowercase();
        // a linking s (Versorgung-s-), not the part's own (Preis)
        let own_s = {
            let mut cs = written.chars();
            let cap: String = cs
                .next()
                .map(|c| c.to_uppercase().chain(cs).collect())
                .unwrap_or_default();
            lexicon().noun(&cap).is_some()
        };
        let p = match p.strip_suffix('s') {
            Some(s) if !head && !own_s && s.chars().count() >= 4 && parts.len() > 1 => s.to_owned(),
            _ => p,
        };
        let min = if head { 4 } else { 5 };
        if p.chars().count() >= min && !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// What kind of thing a noun names, as far as a gap cares: a slot that takes one agent takes
/// any (*mit verschiedenen Lieferanten / Juristen Preise absprechen*), an abstract noun fits
/// where another does (*viel Sicherheit / Unterstützung brauchen*). A distractor is never an
/// agent, nor abstract for an abstract answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NounType {
    /// A person or an organisation that acts (supplier, court, ministry, party).
    Agent,
    /// An abstract noun (-ung, -heit, -keit, -schaft, -ion, -tät, -nis, -ismus, -enz, -anz).
    Abstract,
    /// Anything else.
    Other,
}

/// English words of an organisation or a group that acts.
const ORGANISATION_WORDS: &[&str] = &[
    "ministry",
    "court",
    "parliament",
    "authority",
    "agency",
    "committee",
    "council",
    "board",
    "government",
    "commission",
    "party",
    "union",
    "company",
    "firm",
    "enterprise",
    "bank",
    "group",
    "organisation",
    "organization",
    "state",
    "alliance",
    "office",
    "administration",
    "tribunal",
    "assembly",
    "coalition",
    "opposition",
    "federation",
    "association",
    "army",
    "force",
    "forces",
    "troop",
    "troops",
    "police",
    "corporation",
    "institution",
    "institute",
    "embassy",
    "cabinet",
    "senate",
    "regime",
    "militia",
    "navy",
    "industry",
    "team",
    "country",
    "chamber",
    "confederation",
];
/// English words of a person.
const PERSON_WORDS: &[&str] = &[
    "member",
    "head",
    "boss",
    "chief",
    "ally",
    "official",
    "citizen",
    "people",
    "man",
    "woman",
    "spokesman",
    "chairman",
    "person",
    "child",
    "deputy",
    "staff",
    "judge",
    "mayor",
    "king",
    "queen",
    "leader",
    "victim",
    "soldier",
    "pupil",
    "public",
    "critic",
    "rebel",
    "envoy",
    "witness",
    "neighbour",
    "neighbor",
    "host",
    "guest",
    "expert",
    "colleague",
    "friend",
    "enemy",
    "hostage",
    "refugee",
    "prisoner",
    "suspect",
    "militant",
    "lawyer",
    "doctor",
    "patient",
    "delegate",
    "chancellor",
    "premier",
    "minister",
    "heir",
    "spouse",
    "fan",
    "plaintiff",
    "defendant",
    "accused",
    "attacker",
    "assassin",
    "terrorist",
    "investor",
    "spy",
    "agent",
    "hacker",
    "rival",
    "opponent",
    "partner",
    "secretary",
    "diplomat",
    "ambassador",
    "president",
    "executive",
    "ceo",
    "director",
    "governor",
    "general",
    "officer",
    "commander",
    "prosecutor",
    "commissioner",
    "dictator",
    "supporter",
    "follower",
    "taxpayer",
    "programmer",
    "bomber",
];
/// English endings of a person (supplier, creditor, journalist, applicant, president, refugee,
/// civilian, candidate, entrepreneur).
const PERSON_ENDINGS: &[&str] = &["er", "or", "ist", "ant", "ent", "ee", "ian", "ate", "eur"];
/// German endings of a person noun (Lieferant, Gläubiger, Journalist, Kandidat, Flüchtling).
const GERMAN_PERSON_ENDINGS: &[&str] = &[
    "er", "in", "ent", "ant", "ist", "at", "ling", "eur", "or", "e", "te", "ier", "ar", "ant",
];
/// German endings of an abstract noun.
const ABSTRACT_ENDINGS: &[&str] = &[
    "ung", "heit", "keit", "schaft", "ion", "tät", "nis", "ismus", "enz", "anz", "tum",
];
/// English endings of an abstract noun (environment, cooperation, infrastructure, democracy):
/// the gloss tells what the German ending does not (*Umwelt*, *Zusammenarbeit*,
/// *Infrastruktur*).
const ENGLISH_ABSTRACT_ENDINGS: &[&str] = &[
    "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism", "ure", "acy", "ancy",
    "ency", "hood", "dom",
];
/// English abstract nouns without such an ending that news uses in the same slots as those
/// with one (*der Nachfrage / der Umwelt gut tun*, *um Hilfe / um Desinformation kümmern*).
const ENGLISH_ABSTRACT_WORDS: &[&str] = &[
    "aid",
    "help",
    "support",
    "demand",
    "growth",
    "research",
    "policy",
    "debate",
    "crisis",
    "change",
    "trust",
    "progress",
    "knowledge",
    "peace",
    "power",
    "reform",
    "welfare",
    "work",
    "labour",
    "labor",
    "trade",
    "strategy",
    "security",
    "safety",
    "freedom",
    "justice",
    "law",
    "health",
    "education",
    "energy",
    "technology",
    "economy",
];

/// English prepositions that end the head of a gloss (*head of government*).
const GLOSS_PREPOSITIONS: &[&str] = &["of", "for", "in", "on", "to", "from", "at", "with", "by"];

/// Words of a German definition that say it defines a person or a body that acts (*Person,
/// die …*, *jemand, der …*, *Unternehmen, das …*, *Angehöriger des …*).
const DEFINITION_AGENT_WORDS: &[&str] = &[
    "person",
    "personen",
    "jemand",
    "derjenige",
    "diejenige",
    "mensch",
    "menschen",
    "mann",
    "frau",
    "angehöriger",
    "angehörige",
    "mitglied",
    "inhaber",
    "inhaberin",
    "unternehmen",
    "organisation",
    "betrieb",
    "firma",
    "institution",
    "händler",
    "fachmann",
    "fachleute",
    "gruppe",
    "beobachter",
    "absolvent",
    "sachverständiger",
    "wer",
];

/// Whether the German Wiktionary defines a noun (or, for a compound it lacks, its head)
/// and names no person nor body in its first sense: *Halbleiter* — "ein Stoff …",
/// *Computer* — "… Gerät …", *Karriere* — "… Werdegang". An English ending (*semiconductor*,
/// *career*) does not make those persons. `false` when there is no definition.
fn defined_as_a_thing(lemma: &str) -> bool {
    let lex = lexicon();
    let mut senses = lex.senses(lemma);
    if senses.is_empty()
        && let Some(head) = lex.split_compound(lemma).and_then(|p| p.last().cloned())
    {
        let mut cs = head.chars();
        let head: String = cs
            .next()
            .map(|c| c.to_uppercase().chain(cs).collect())
            .unwrap_or_default();
        senses = lex.senses(&head);
    }
    let Some(first) = senses.first() else {
        return false;
    };
    // the text after a label (Politik: Person, die …)
    let text = first.text.rsplit(": ").next().unwrap_or(first.text);
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    if words
        .iter()
        .any(|w| DEFINITION_AGENT_WORDS.contains(&w.to_lowercase().as_str()))
    {
        return false;
    }
    // the genus, the definition's first noun: a person noun itself (*Herrscher*,
    // *Angestellter*, *Befehlshaber*, *Beamter*) says nothing against a person
    let genus = words
        .iter()
        .find(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(|w| w.to_lowercase())
        .unwrap_or_default();
    !(genus.is_empty()
        || GERMAN_PERSON_ENDINGS.iter().any(|e| genus.ends_with(e))
        || genus.ends_with("ter")
        || genus.ends_with("ender")
        || genus.ends_with("ene"))
}

/// How a German definition of a person starts (*Person, die …*, *jemand, der …*, *weibliche
/// Person, …*).
const PERSON_DEFINITION_STARTS: &[&str] = &[
    "person",
    "jemand",
    "mensch",
    "männliche person",
    "weibliche person",
    "derjenige",
    "diejenige",
    "angehöriger",
    "angehörige",
    "mitglied",
];

/// Whether the German Wiktionary's first definition of a noun names a person by its start.
fn defined_as_a_person(lemma: &str) -> bool {
    let senses = lexicon().senses(lemma);
    let Some(first) = senses.first() else {
        return false;
    };
    let text = first
        .text
        .rsplit(": ")
        .next()
        .unwrap_or(first.text)
        .to_lowercase();
    PERSON_DEFINITION_STARTS.iter().any(|s| {
        text.strip_prefix(s)
            .is_some_and(|rest| rest.starts_with([' ', ',']))
    })
}

/// The [`NounType`] of a noun lemma with this English gloss. A masculine noun of the weak
/// declension (*der Zeuge, des Zeugen*) or one declined like an adjective (*der Abgeordnete*)
/// names a person.
pub(crate) fn noun_type(lemma: &str, gloss: Option<&str>) -> NounType {
    noun_type_of(noun_kind(lemma, gloss))
}

/// A [`NounType`] with its agents told apart: a person (*Nachfolger*, *Gläubiger*) or an
/// organisation (*Behörde*, *Konzern*). An agent option for an agent answer is of the same
/// kind (a gap for a person takes no *Konzern* that a learner could rule out by kind alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NounKind {
    Person,
    Organisation,
    Abstract,
    Other,
}

/// The [`NounKind`] of a noun lemma with this English gloss (see [`noun_type`]).
pub(crate) fn noun_kind(lemma: &str, gloss: Option<&str>) -> NounKind {
    let lex = lexicon();
    let weak_masculine = lex
        .noun(lemma)
        .is_some_and(|(g, _)| g == crate::lexicon::Gender::M)
        && lex
            .inflect_noun(lemma, Case::Gen, Number::Sg)
            .is_some_and(|f| f.ends_with('n') && f != lemma);
    if weak_masculine || lex.is_adjectival_noun(lemma) {
        return NounKind::Person;
    }
    // the gloss without remarks in brackets: "retiree (Austria)"
    let gloss = gloss.map(|g| {
        let mut out = String::new();
        let mut depth = 0usize;
        for c in g.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    });
    let gloss = gloss.as_deref();
    let first = gloss
        .map(|g| {
            g.split(" + ")
                .last()
                .unwrap_or(g)
                .split([';', ','])
                .next()
                .unwrap_or("")
                .trim()
                .to_lowercase()
        })
        .unwrap_or_default();
    // the English head: the last word before a preposition (*head of government*, *member
    // of parliament*), else the last word (*refugee crisis* names a crisis, not a refugee)
    let words: Vec<&str> = first
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take_while(|w| !GLOSS_PREPOSITIONS.contains(w))
        .collect();
    let last = words.last().copied().unwrap_or("");
    let german = lemma.to_lowercase();
    let organisation = ORGANISATION_WORDS.contains(&last);
    let person = PERSON_WORDS.contains(&last)
        || (!last.ends_with("ment")
            && PERSON_ENDINGS.iter().any(|e| last.ends_with(e))
            && GERMAN_PERSON_ENDINGS.iter().any(|e| german.ends_with(e))
            && !defined_as_a_thing(lemma));
    // abstract by the head or by the gloss's last word (*attempt at mediation*)
    let whole_last = first
        .split(|c: char| !c.is_alphabetic())
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    let abstract_gloss = [last, whole_last].iter().any(|w| {
        !w.is_empty()
            && (ENGLISH_ABSTRACT_WORDS.contains(w)
                || ENGLISH_ABSTRACT_ENDINGS
                    .iter()
                    .any(|e| w.ends_with(e) && w.len() > e.len() + 2))
    });
    if organisation {
        NounKind::Organisation
    } else if person {
        NounKind::Person
    } else if ABSTRACT_ENDINGS.iter().any(|e| german.ends_with(e)) || abstract_gloss {
        NounKind::Abstract
    } else {
        NounKind::Other
    }
}

/// The [`NounType`] of a [`NounKind`].
fn noun_type_of(k: NounKind) -> NounType {
    match k {
        NounKind::Person | NounKind::Organisation => NounType::Agent,
        NounKind::Abstract => NounType::Abstract,
        NounKind::Other => NounType::Other,
    }
}

/// Zipf frequency from which an agent is generic: it fits almost any gap that takes an agent
/// (*Mitarbeiter*, *Experte*, *Bürger*, *Wähler*); a rarer one names a specific role that fits
/// only its own field's gaps.
const GENERIC_ZIPF: f32 = 4.0;

/// A stable hash of a string (FNV-1a, 64 bit): the same on every run.
fn fx_hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Spellings of English that German words do not have (*Blackout*, *Lobby*, *Software*,
/// *Smartphone*, *Fracking*, *Interview*, *Start-up*).
const ENGLISH_LETTERS: &[&str] = &["oo", "ea", "ou", "sh", "iew", "y", "-"];
/// Endings of English that German words do not have (*-ling* is German: *Flüchtling*).
const ENGLISH_ENDINGS: &[&str] = &["ware", "one", "ing", "er"];

/// Whether a domain noun is an English word used unchanged by its spelling: its gloss's first
/// sense is the word itself (*Software* — software), and it is spelt as no German word is
/// ([`ENGLISH_LETTERS`], [`ENGLISH_ENDINGS`] after a consonant but *-ling*, a *c* before
/// *a*, *o*, *u*, *l* or *r* at the start: *Computer*, *Cloud*). German words spelt like their
/// translation (*Reform*, *Inflation*, *Minister*) are none.
pub(crate) fn english_loan(lemma: &str, gloss: &str) -> bool {
    let lower = lemma.to_lowercase();
    let first = gloss
        .split([';', ',', '('])
        .next()
        .unwrap_or(gloss)
        .trim()
        .to_lowercase();
    if first != lower {
        return false;
    }
    let ending = ENGLISH_ENDINGS.iter().any(|e| {
        lower.strip_suffix(e).is_some_and(|stem| {
            stem.chars().last().is_some_and(|c| !"aeiouäöü".contains(c))
                && !stem.ends_with('l')
                && (*e != "er" || stem.ends_with("ut") || stem.ends_with("ck"))
        })
    });
    let mut cs = lower.chars();
    let c_start = cs.next() == Some('c') && cs.next().is_some_and(|c| "aoulr".contains(c));
    ending || c_start || ENGLISH_LETTERS.iter().any(|l| lower.contains(l))
}

/// The subject areas in groups of neighbours: a word of the same group is likelier to fit.
fn category_group(c: Option<Category>) -> u8 {
    match c {
        Some(Category::Economy | Category::Finance | Category::Trade | Category::Labour) => 0,
        Some(Category::Energy | Category::Environment | Category::Technology) => 1,
        Some(Category::Politics | Category::Diplomacy | Category::Law) => 2,
        Some(Category::Security) => 3,
        None => 4,
    }
}

/// The groups of subject areas ([`category_group`]) an article is about: those of its domain
/// words (`in_article`, per domain entry), each with at least half as many as the commonest.
fn article_groups(in_article: &[bool]) -> [bool; 5] {
    let cands = candidates();
    let mut count = [0usize; 5];
    for (i, _) in in_article.iter().enumerate().filter(|(_, m)| **m) {
        count[usize::from(category_group(Some(cands.entries[i].category)))] += 1;
    }
    let top = count.iter().copied().max().unwrap_or(0);
    count.map(|n| n > 0 && 2 * n >= top)
}

fn level_distance(a: Option<Level>, b: Option<Level>) -> usize {
    match (a, b) {
        (Some(a), Some(b)) => (a as usize).abs_diff(b as usize),
        _ => 1,
    }
}

/// Two forms overlap when one is the other or ends with it (a compound and its head:
/// `US-Beamten`/`Beamten`): the head would fit the gap too.
fn overlaps(a: &str, b: &str) -> bool {
    a == b || a.ends_with(b) || b.ends_with(a)
}

/// How much rarer than its singular an option's plural may be (in Zipf units): stricter than
/// the gender-and-plural drill's limit, since an option the learner has never seen reads as
/// invented (*Streite* beside *Streit*: the plural in use is *Streitigkeiten*).
const OPTION_PLURAL_GAP: f32 = 1.0;

/// Whether a plural is too rare to stand as an option (see [`OPTION_PLURAL_GAP`]).
/// A compound the word list does not know is judged by its head (*Erderwärmungen* by
/// *Erwärmungen*).
pub(crate) fn rare_as_an_option(lemma: &str, plural: &str) -> bool {
    if plural == lemma {
        return false;
    }
    if plural_is_rare(lemma, plural) {
        return true;
    }
    // below the list's cut-off (Zipf 2.0)
    const UNLISTED: f32 = 1.9;
    let lex = lexicon();
    if let Some(sg) = lex.zipf(lemma) {
        return sg - lex.zipf(plural).unwrap_or(UNLISTED) >= OPTION_PLURAL_GAP;
    }
    let Some(head) = lex.split_compound(lemma).and_then(|p| p.last().cloned()) else {
        return false;
    };
    let mut cs = head.chars();
    let head: String = cs
        .next()
        .map(|c| c.to_uppercase().chain(cs).collect())
        .unwrap_or_default();
    match (
        lex.zipf(&head),
        lex.inflect_noun(&head, Case::Nom, Number::Pl),
    ) {
        (Some(sg), Some(pl)) if pl != head => {
            sg - lex.zipf(&pl).unwrap_or(UNLISTED) >= OPTION_PLURAL_GAP
        }
        _ => false,
    }
}

/// Whether a noun is a mass noun: the lexicon lists no plural for it, or its plural is rare in
/// use (*Erdgas*, *Datenschutz*, *Humanität*), or a plural like the singular that no text uses
/// ([`plural_unseen`]: *Klimawandel*). In the singular it stands without an article (*Gerade
/// Erdgas sei …*, *zwischen Humanität und Sicherheit*), where a count noun cannot (*Gerade
/// Quartal sei …*); it is no option in a plural slot (*die Förderung der Pendler /
/// Klimawandel*) nor after the indefinite article (*einen Ökostrom*).
pub(crate) fn mass_noun(lemma: &str) -> bool {
    let entries = lexicon().noun_entries(lemma);
    !entries.is_empty()
        && entries.iter().all(|(_, plurals)| {
            plurals
                .first()
                .is_none_or(|p| plural_is_rare(lemma, p) || plural_unseen(lemma, p))
        })
}

/// Least Zipf frequency of a singular whose plural's absence from the word list says that
/// the plural is not used (3: once per million words; a count noun that common shows its
/// dative plural at Zipf 2 or more: *Pendlern* 2.6 beside *Pendler* 3.5).
const PLURAL_EXPECTED_ZIPF: f32 = 3.0;

/// Whether a plural written like the singular (*Klimawandel*, *Pendler*), which its own
/// frequency cannot tell apart, is unused: a noun in *-el* or *-er* shows its plural in the
/// dative (*den Pendlern*); when that form is not in the word list while the singular is
/// common ([`PLURAL_EXPECTED_ZIPF`]), no text uses the plural (*Klimawandeln*). A person is
/// always counted (*Kanzler*: *Kanzlern* is rare, but there are several chancellors).
fn plural_unseen(lemma: &str, plural: &str) -> bool {
    let lex = lexicon();
    plural == lemma
        && (lemma.ends_with("el") || lemma.ends_with("er"))
        && lex.zipf(lemma).is_some_and(|z| z >= PLURAL_EXPECTED_ZIPF)
        && lex.zipf(&format!("{lemma}n")).is_none()
        && noun_type(lemma, lex.analyze(lemma).and_then(|a| a.gloss).as_deref()) != NounType::Agent
}

/// The (case, number) slots of a noun lemma whose form is `form`, most likely first.
pub(super) fn noun_slots(memo: &Memo, lemma: &str, form: &str) -> Vec<(Case, Number)> {
    let mut out = Vec::new();
    for number in [Number::Sg, Number::Pl] {
        for case in [Case::Nom, Case::Acc, Case::Dat, Case::Gen] {
            if memo.noun(lemma, case, number).as_deref() == Some(form) {
                out.push((case, number));
            }
        }
    }
    out
}

/// The answer's grammatical slot, worked out once per item.
enum Slot {
    /// Noun: the (case, number) slots its form can fill.
    Noun(Vec<(Case, Number)>),
    /// Adjective: the declension ending after the lemma (`""` for the bare form).
    Adj(String),
    /// Verb: the slots its form can fill.
    Verb(Vec<VerbSlot>),
}

fn slot_of(memo: &Memo, answer: &str, a: &Analysis) -> Option<Slot> {
    match a.pos {
        Pos::Noun => {
            let slots = noun_slots(memo, &a.lemma, answer);
            (!slots.is_empty() && !lexicon().is_adjectival_noun(&a.lemma))
                .then_some(Slot::Noun(slots))
        }
        Pos::Adj => {
            let ending = answer
                .to_lowercase()
                .strip_prefix(&a.lemma.to_lowercase())?
                .to_owned();
            ["", "e", "en", "em", "er", "es"]
                .contains(&ending.as_str())
                .then_some(Slot::Adj(ending))
        }
        Pos::Verb => {
            let forms = verb_forms(&a.lemma)?;
            let slots = forms.slots_of(&answer.to_lowercase());
            if slots.is_empty()
                || (slots.contains(&VerbSlot::Participle) && may_take_sein(&a.lemma))
            {
                return None;
            }
            Some(Slot::Verb(slots))
        }
        Pos::Other => None,
    }
}

/// Whether a verb slot is a finite form (a separable verb splits there).
fn finite(s: VerbSlot) -> bool {
    matches!(
        s,
        VerbSlot::Present3Sg | VerbSlot::Past3Sg | VerbSlot::Past3Pl
    )
}

/// The (case, number) slots of a noun's forms, in the order of the lexicon's [`slot_index`].
const NOUN_SLOTS: [(Case, Number); 8] = [
    (Case::Nom, Number::Sg),
    (Case::Gen, Number::Sg),
    (Case::Dat, Number::Sg),
    (Case::Acc, Number::Sg),
    (Case::Nom, Number::Pl),
    (Case::Gen, Number::Pl),
    (Case::Dat, Number::Pl),
    (Case::Acc, Number::Pl),
];

/// What the rules ask of a domain entry that does not depend on the item: worked out once per
/// process, on the entry's first use as a candidate (the same few hundred candidates come up
/// for item after item, and each check means analysing, splitting or inflecting the lemma).
struct EntryFacts {
    /// The lexicon analyses the lemma back to itself (a term it cannot, *Start-up*, cannot be
    /// checked as a form).
    analysable: bool,
    /// The noun's [`NounKind`] (nouns only).
    noun_kind: Option<NounKind>,
    /// The lemma's Zipf frequency, if listed.
    zipf: Option<f32>,
    /// An adjective of a name (*japanisch*: its gloss is capitalised).
    name_adjective: bool,
    /// The lemma in lower case.
    lemma_lower: String,
    /// Its first four letters, in lower case.
    start: String,
    /// The content words of its gloss ([`gloss_words`]).
    gloss_words: &'static HashSet<String>,
    /// Its [`part_keys`].
    keys: Vec<String>,
    /// The keys after the first, capitalised (as a noun of the article would be written).
    capitalised_keys: Vec<String>,
    /// The last key (the head).
    head: String,
    /// An English noun used unchanged (*Software*, *Fracking*): an option the learner can rule
    /// out as foreign, or learns English from.
    english: bool,
    /// The noun's forms and kind, on first use in a noun slot.
    noun: OnceLock<NounFacts>,
}

/// The facts of a noun entry that its form in a noun slot needs.
struct NounFacts {
    /// Declined like an adjective, or a unit: never an option.
    excluded: bool,
    /// Its form in each of [`NOUN_SLOTS`].
    forms: [Option<String>; 8],
    /// It has a nominative plural that is not too rare for an option ([`rare_as_an_option`]).
    plural_ok: bool,
    /// It is a [`mass_noun`].
    mass: bool,
    /// Per slot: the form is no name and reads back as a noun.
    form_ok: [OnceLock<bool>; 8],
}

impl EntryFacts {
    fn new(i: usize, e: &DomainEntry) -> EntryFacts {
        let lex = lexicon();
        let lemma_lower = e.lemma.to_lowercase();
        let parts = lex.split_compound(e.lemma).unwrap_or_default();
        let keys = part_keys(e.lemma, &parts);
        let capitalised_keys = keys
            .iter()
            .skip(1)
            .map(|k| {
                let mut cs = k.chars();
                cs.next()
                    .map(|c| c.to_uppercase().chain(cs).collect())
                    .unwrap_or_default()
            })
            .collect();
        EntryFacts {
            analysable: lex.analyze(e.lemma).is_some_and(|x| x.lemma == e.lemma),
            noun_kind: entry_kind(i, e),
            zipf: lex.zipf(e.lemma),
            name_adjective: e.pos == Pos::Adj
                && e.gloss.chars().next().is_some_and(char::is_uppercase),
            start: lemma_lower.chars().take(4).collect(),
            lemma_lower,
            gloss_words: entry_gloss_words(i, e),
            head: keys.last().cloned().unwrap_or_default(),
            english: e.pos == Pos::Noun
                && (super::generate::english_word(
                    e.lemma,
                    parts.len(),
                    lex.ipa(e.lemma),
                    Some(e.gloss),
                ) || english_loan(e.lemma, e.gloss)),
            keys,
            capitalised_keys,
            noun: OnceLock::new(),
        }
    }

    fn noun(&self, e: &DomainEntry) -> &NounFacts {
        self.noun.get_or_init(|| {
            let lex = lexicon();
            let forms = NOUN_SLOTS.map(|(c, n)| lex.inflect_noun(e.lemma, c, n));
            let nom_pl = &forms[slot_index(Case::Nom, Number::Pl)];
            NounFacts {
                excluded: lex.is_adjectival_noun(e.lemma) || is_unit(e.lemma),
                plural_ok: nom_pl
                    .as_deref()
                    .is_some_and(|p| !rare_as_an_option(e.lemma, p)),
                mass: mass_noun(e.lemma),
                forms,
                form_ok: Default::default(),
            }
        })
    }
}

/// One lazily filled slot per domain entry.
fn per_entry<T>() -> Vec<OnceLock<T>> {
    (0..lexicon().domain_entries().count())
        .map(|_| OnceLock::new())
        .collect()
}

/// The [`NounKind`] of a domain entry (nouns only), worked out on first use: cheaper than its
/// [`EntryFacts`], for ranking every candidate of a person answer.
fn entry_kind(i: usize, e: &DomainEntry) -> Option<NounKind> {
    static KINDS: OnceLock<Vec<OnceLock<Option<NounKind>>>> = OnceLock::new();
    *KINDS.get_or_init(per_entry)[i]
        .get_or_init(|| (e.pos == Pos::Noun).then(|| noun_kind(e.lemma, Some(e.gloss))))
}

/// The [`gloss_words`] of a domain entry, worked out on first use (for the article's topic).
fn entry_gloss_words(i: usize, e: &DomainEntry) -> &'static HashSet<String> {
    static WORDS: OnceLock<Vec<OnceLock<HashSet<String>>>> = OnceLock::new();
    WORDS.get_or_init(per_entry)[i].get_or_init(|| gloss_words(e.gloss))
}

/// The facts of every domain entry (by its index), each worked out on first use.
fn entry_facts(i: usize, e: &DomainEntry) -> &'static EntryFacts {
    static FACTS: OnceLock<Vec<OnceLock<EntryFacts>>> = OnceLock::new();
    FACTS.get_or_init(per_entry)[i].get_or_init(|| EntryFacts::new(i, e))
}

/// The domain entries as candidates: in the lexicon's order, with what the choice of
/// candidates asks of each before its checks, worked out once per process.
struct Candidates {
    entries: Vec<&'static DomainEntry>,
    /// Per entry: its own level, else by its frequency, else C2.
    levels: Vec<Level>,
    /// The entries (indexes, in order) of each part of speech, nouns also by gender: an item
    /// draws only on its answer's.
    groups: Vec<(GroupKey, Vec<usize>)>,
    /// The entries (indexes) of each lemma.
    by_lemma: FxHashMap<&'static str, Vec<usize>>,
    /// Per entry: the [`fx_hash`] of its lemma.
    hashes: Vec<u64>,
}

/// A part of speech, and the gender of a noun.
type GroupKey = (Pos, Option<Gender>);

/// The group key of a part of speech and gender (the gender counts for nouns only).
fn group_key(pos: Pos, gender: Option<Gender>) -> GroupKey {
    (pos, if pos == Pos::Noun { gender } else { None })
}

impl Candidates {
    /// Per entry: whether its lemma is one of `lemmas` (a set far smaller than the domain).
    fn marked<'a>(&self, lemmas: impl IntoIterator<Item = &'a String>) -> Vec<bool> {
        let mut marked = vec![false; self.entries.len()];
        for l in lemmas {
            for &i in self.by_lemma.get(l.as_str()).into_iter().flatten() {
                marked[i] = true;
            }
        }
        marked
    }
}

fn candidates() -> &'static Candidates {
    static CANDIDATES: OnceLock<Candidates> = OnceLock::new();
    CANDIDATES.get_or_init(|| {
        let lex = lexicon();
        let entries: Vec<&'static DomainEntry> = lex.domain_entries().collect();
        let levels = entries
            .iter()
            .map(|e| {
                e.level
                    .or_else(|| lex.zipf(e.lemma).map(level_for_zipf))
                    .unwrap_or(Level::C2)
            })
            .collect();
        let mut groups: Vec<(GroupKey, Vec<usize>)> = Vec::new();
        let mut by_lemma: FxHashMap<&'static str, Vec<usize>> = FxHashMap::default();
        for (i, e) in entries.iter().enumerate() {
            by_lemma.entry(e.lemma).or_default().push(i);
            let key = group_key(e.pos, e.gender);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, g)) => g.push(i),
                None => groups.push((key, vec![i])),
            }
        }
        Candidates {
            hashes: entries.iter().map(|e| fx_hash(e.lemma)).collect(),
            entries,
            levels,
            groups,
            by_lemma,
        }
    })
}

/// The answer's facts a noun slot needs beyond its slot.
struct NounAnswer<'a> {
    /// The answer's lemma.
    lemma: &'a str,
    /// The answer stands without a determiner ([`Context::bare`]).
    bare: bool,
    /// The answer follows the indefinite article ([`Context::counted`]).
    counted: bool,
    /// Whether the answer is a [`mass_noun`], asked once.
    mass: OnceCell<bool>,
}

/// The noun candidate `e`'s form in the noun slots `slots`, or `None` when it has none that
/// fits.
fn noun_in_slot(
    slots: &[(Case, Number)],
    answer: &NounAnswer,
    e: &DomainEntry,
    facts: &EntryFacts,
) -> Option<(String, usize)> {
    let nf = facts.noun(e);
    if nf.excluded {
        return None;
    }
    let &(case, number) = slots.first()?;
    let index = slot_index(case, number);
    let form = nf.forms[index].as_deref()?;
    // a plural hardly anyone writes (Umwelten, Sozialdemokratien, Streite) reads as invented
    if number == Number::Pl && !nf.plural_ok {
        return None;
    }
    // a mass noun in the singular may stand without an article (Gerade Erdgas sei …): only
    // another mass noun is grammatical there (not after the indefinite article: *einen
    // raschen Ausbau* is counted)
    if number == Number::Sg
        && !answer.counted
        && (answer.bare || *answer.mass.get_or_init(|| mass_noun(answer.lemma)))
        && !nf.mass
    {
        return None;
    }
    // after the indefinite article a mass noun is ungrammatical (einen Ökostrom)
    if answer.counted && nf.mass {
        return None;
    }
    // and a plural slot takes no mass noun (die Mehrheit der Arbeitnehmer / Klimawandel)
    if slots.iter().any(|(_, n)| *n == Number::Pl) && nf.mass {
        return None;
    }
    // as ambiguous as the answer: the same form in every slot the answer can fill
    for &(c, n) in &slots[1..] {
        if nf.forms[slot_index(c, n)].as_deref() != Some(form) {
            return None;
        }
    }
    // and no other slot the answer's form cannot fill (a distractor that is also a nominative
    // where the answer must be a dative would be right somewhere else)
    let filled = nf.forms.iter().filter(|f| f.as_deref() == Some(form));
    if filled.count() != slots.len() {
        return None;
    }
    Some((form.to_owned(), index))
}

/// The candidate `e`'s form in the answer's adjective or verb slot, or `None` when it has
/// none that fits.
fn form_in_slot(slot: &Slot, a: &Analysis, e: &DomainEntry, answer: &str) -> Option<String> {
    let lex = lexicon();
    let form = match slot {
        Slot::Noun(_) => return None,
        Slot::Adj(ending) => {
            let lemma = e.lemma;
            if lemma.ends_with("el") || lemma == "hoch" || lemma.contains(' ') {
                return None;
            }
            if !ending.is_empty() && lemma.ends_with("er") {
                let before = lemma.chars().rev().nth(2);
                if before.is_some_and(|c| "aeiouäöü".contains(c)) {
                    return None;
                }
            }
            let form = format!("{lemma}{ending}");
            if !ending.is_empty() && lex.zipf(&form).is_none() {
                return None;
            }
            let back = lex.analyze(&form)?;
            (back.pos == Pos::Adj && back.lemma == lemma).then_some(form)?
        }
        Slot::Verb(slots) => {
            let forms = verb_forms(e.lemma)?;
            if slots.iter().any(|s| finite(*s)) && forms.separable.is_some() {
                return None;
            }
            if slots.contains(&VerbSlot::Participle) && may_take_sein(e.lemma) {
                return None;
            }
            // every use the answer has (an object or none, a dative, sich): *wurden
            // festgenommen* takes no *gependelt*, *die Anspannung wächst* no *fordert*
            if !valency(e.lemma).covers(valency(&a.lemma)) {
                return None;
            }
            let form = forms.get(slots[0])?.to_owned();
            if slots.iter().any(|s| forms.get(*s) != Some(form.as_str()))
                || forms.slots_of(&form).len() != slots.len()
            {
                return None;
            }
            form
        }
    };
    // the answer's capitalisation (a sentence's first word)
    let first_upper = answer.chars().next().is_some_and(char::is_uppercase);
    if first_upper && a.pos != Pos::Noun {
        let mut cs = form.chars();
        return cs
            .next()
            .map(|c| c.to_uppercase().chain(cs).collect::<String>());
    }
    Some(form)
}

/// `k` distractors for `answer` (whose analysis is `a`), with their lemmas, or fewer when the
/// lexicon has not enough that pass every rule of the module docs. Deterministic for a given
/// `rng` state.
pub(super) fn distractors(
    memo: &Memo,
    answer: &str,
    a: &Analysis,
    ctx: &Context,
    k: usize,
    rng: &mut dyn Rng,
) -> Vec<(String, String)> {
    let Some(slot) = slot_of(memo, answer, a) else {
        return Vec::new();
    };
    let answer_lower = answer.to_lowercase();
    let answer_start: String = a.lemma.to_lowercase().chars().take(4).collect();
    let answer_gloss = a.gloss.as_deref().map(gloss_words).unwrap_or_default();
    let answer_parts = part_keys(&a.lemma, &a.parts);
    let forbidden: HashSet<String> = std::iter::once(a.lemma.to_lowercase())
        .chain(a.synonyms.iter().map(|s| s.to_lowercase()))
        .collect();
    // the entries of the answer's part of speech (and gender), in the lexicon's order
    let cands = candidates();
    let key = group_key(a.pos, a.gender);
    let group = cands
        .groups
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(&[][..], |(_, g)| g.as_slice());
    let in_article = cands.marked(ctx.article_lemmas);
    let offered = cands.marked(ctx.offered);
    let article_groups = article_groups(&in_article);
    let answer_kind = (a.pos == Pos::Noun).then(|| {
        match noun_kind(&a.lemma, a.gloss.as_deref()) {
            // an answer without an English gloss may be a person by its German definition
            // (*Sündenbock* — "jemand, der …", *Reporter* — "Journalist, der …")
            NounKind::Abstract | NounKind::Other
                if a.gloss.is_none() && defined_as_a_person(&a.lemma) =>
            {
                NounKind::Person
            }
            k => k,
        }
    });
    let answer_group = category_group(a.category);
    // the article's topic: the gloss words of its domain words (refugee, asylum, border)
    let topic: rustc_hash::FxHashSet<&str> = in_article
        .iter()
        .enumerate()
        .filter(|(_, m)| **m)
        .flat_map(|(i, _)| entry_gloss_words(i, cands.entries[i]).iter())
        .map(String::as_str)
        .collect();
    // a salt for the order of equally good candidates: the seed's, and the answer's own (the
    // same seed on every sheet must not offer the same few words on every sheet)
    let salt = rng.random::<u64>() ^ fx_hash(&a.lemma);
    let mut entries: Vec<(usize, u64)> = group
        .iter()
        .map(|&i| (i, cands.entries[i]))
        .filter(|&(i, e)| !in_article[i] && e.lemma != a.lemma)
        .map(|(i, e)| {
            // a word of the article's subject areas first (plausible on its page: no
            // *Raumfahrt* among the options of an article on party politics and business),
            // but of another group of areas than the answer's (a word of the same group is
            // the likeliest to fit: *Verlust* for *Betrag*), then the other groups, then
            // another area of the answer's group, its own area last
            let group = category_group(Some(e.category));
            let same_group = group == category_group(a.category);
            let elsewhere = !article_groups[usize::from(group)];
            // for a person, a person first (a gap that takes
            // a person is solved by kind when the other options are things: *Roboter*,
            // *Panzer* beside *Nachfolger*)
            let person = answer_kind == Some(NounKind::Person);
            let kind_differs = person && entry_kind(i, e) != answer_kind;
            // and a person of a field the article is not about (*Importeure* voice concerns
            // about a draft law in an article on trade rules as well as *Rechtsanwälte*)
            let elsewhere = if person && !kind_differs {
                !elsewhere
            } else {
                elsewhere
            };
            let pref = level_distance(Some(cands.levels[i]), a.level)
                + 4 * usize::from(offered[i])
                + 2 * usize::from(elsewhere)
                + 3 * usize::from(same_group)
                + 3 * usize::from(Some(e.category) == a.category)
                + 3 * usize::from(kind_differs);
            // the salted hash also blurs the preference by up to one step (a third of the
            // candidates of one step meet the best third of the next): the same best few
            // would otherwise come first for every answer of a slot (*Attentäter*)
            let h = cands.hashes[i] ^ salt;
            // one key: the blurred preference, then the hash's high bits
            let rank = ((2 * pref as u64 + h % 3) << 40) | (h >> 24);
            (i, rank)
        })
        .collect();
    entries.sort_unstable_by_key(|e| e.1);
    let answer_type = answer_kind.map(noun_type_of);
    let noun_answer = NounAnswer {
        lemma: &a.lemma,
        bare: ctx.bare,
        counted: ctx.counted,
        mass: OnceCell::new(),
    };
    let mut out: Vec<(String, String)> = Vec::new();
    // the heads of the chosen distractors: no two alike (Weltmächte, Supermächte)
    let mut heads: Vec<&str> = Vec::new();
    for (i, _) in entries {
        if out.len() >= k {
            break;
        }
        let e = cands.entries[i];
        let facts = entry_facts(i, e);
        // a domain term the lexicon cannot analyse back (Start-up) cannot be checked as a form
        if !facts.analysable {
            continue;
        }
        // never an agent (a person or an organisation fits almost any subject or object:
        // dieser Vorstand / Aspekt spielt eine Rolle), never an abstract noun for an abstract
        // one (viel Sicherheit / Unterstützung brauchen)
        // — but a person for a person when it is specific (rarer than Zipf 4: *Gläubiger*, not *Mitarbeiter*) and of another group
        // of subject areas than the answer's (*Lieferant* for *Nachfolger*)
        if let (Some(t), Some(dk)) = (answer_type, facts.noun_kind) {
            let dt = noun_type_of(dk);
            let specific_agent = dk == NounKind::Person
                && Some(dk) == answer_kind
                && facts.zipf.is_none_or(|z| z < GENERIC_ZIPF)
                && category_group(Some(e.category)) != answer_group;
            if (dt == NounType::Agent && !specific_agent) || (dt == t && t == NounType::Abstract) {
                continue;
            }
        }
        // nothing on the article's topic (its domain words' glosses: *Einwanderung* —
        // immigration where the article speaks of *Zuwanderung*): it is likely to fit
        if facts.gloss_words.iter().any(|w| topic.contains(w.as_str())) {
            continue;
        }
        // no adjective of a name (japanisch beside asiatisch), no English noun (Software)
        if facts.name_adjective || facts.english {
            continue;
        }
        // no word that starts like the answer: a shared prefix or first part often means a
        // related sense (Rücktritt / Rückzug, Austritt / Ausstieg) and points at the answer
        if facts.start == answer_start {
            continue;
        }
        if forbidden.contains(&facts.lemma_lower)
            || e.synonyms.iter().any(|s| s.eq_ignore_ascii_case(&a.lemma))
            || !facts.gloss_words.is_disjoint(&answer_gloss)
        {
            continue;
        }
        // no compound on a word of the article (Bedrohungslagen where it speaks of a
        // Bedrohung): on its topic, it may fit, and it would show that word on the sheet
        let mut parts = facts.keys.iter().skip(1).zip(&facts.capitalised_keys);
        if parts.any(|(k, cap)| {
            ctx.article_lemmas.contains(cap) || ctx.article_lemmas.contains(k.as_str())
        }) {
            continue;
        }
        // no shared compound part or head: Verkaufspreis / Wiederverkaufspreis
        if facts.keys.iter().any(|k| {
            answer_parts
                .iter()
                .any(|p| k.contains(p.as_str()) || p.contains(k.as_str()))
        }) {
            continue;
        }
        let head = facts.head.as_str();
        if heads.iter().any(|h| h.ends_with(head) || head.ends_with(h)) {
            continue;
        }
        // the form, and whether it is no name and reads back as a word of the answer's part
        // of speech (einigen: a pronoun, not the verb)
        let (form, reads_back) = match &slot {
            Slot::Noun(slots) => {
                if e.gender != a.gender {
                    continue;
                }
                let Some((form, index)) = noun_in_slot(slots, &noun_answer, e, facts) else {
                    continue;
                };
                let ok = *facts.noun(e).form_ok[index].get_or_init(|| reads_as(&form, Pos::Noun));
                (form, ok)
            }
            _ => {
                let Some(form) = form_in_slot(&slot, a, e, answer) else {
                    continue;
                };
                let ok = reads_as(&form, a.pos);
                (form, ok)
            }
        };
        let form_lower = form.to_lowercase();
        if !reads_back
            || overlaps(&form_lower, &answer_lower)
            || out
                .iter()
                .any(|(f, _)| overlaps(&f.to_lowercase(), &form_lower))
            || (ctx.blocked)(&form)
        {
            continue;
        }
        out.push((form, e.lemma.to_owned()));
        heads.push(head);
    }
    out
}

/// Whether an option's form is no name and reads back as a word of part of speech `pos`.
fn reads_as(form: &str, pos: Pos) -> bool {
    let lex = lexicon();
    lex.proper_name_kind(form).is_none() && lex.analyze(form).is_some_and(|x| x.pos == pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gloss_words_compare_meanings() {
        let w = gloss_words("to impose (sanctions)");
        assert!(w.contains("impose") && w.contains("sanction"), "{w:?}");
        assert!(!w.contains("to"));
        assert!(!gloss_words("exit; withdrawal").is_disjoint(&gloss_words("exit")));
        assert!(gloss_words("supply chain").is_disjoint(&gloss_words("ally")));
    }

    #[test]
    fn noun_types() {
        for (lemma, gloss) in [
            ("Lieferant", "supplier"),
            ("Gläubiger", "creditor"),
            ("Kartellgericht", "cartel + court"),
            ("Finanzministerium", "ministry of finance"),
            ("Sicherheitskraft", "security force"),
            ("Chef", "boss, head"),
            ("Flüchtling", "refugee"),
            ("Kandidat", "candidate"),
        ] {
            assert_eq!(noun_type(lemma, Some(gloss)), NounType::Agent, "{lemma}");
        }
        assert_eq!(
            noun_type("Sicherheit", Some("security, safety")),
            NounType::Abstract
        );
        assert_eq!(
            noun_type("Unterstützung", Some("support")),
            NounType::Abstract
        );
        assert_eq!(
            noun_type("Vereinbarung", Some("agreement")),
            NounType::Abstract
        );
        assert_eq!(
            noun_type("Lager", Some("warehouse, stock; camp")),
            NounType::Other
        );
        assert_eq!(
            noun_type("Vertrag", Some("treaty, contract")),
            NounType::Other
        );
        assert_eq!(noun_type("Zeuge", Some("witness")), NounType::Agent);
        assert_eq!(
            noun_type("Unternehmer", Some("entrepreneur")),
            NounType::Agent
        );
        assert_eq!(noun_type("Nachbar", Some("neighbour")), NounType::Agent);
        assert_eq!(
            noun_type("Pensionist", Some("pensioner (Austria)")),
            NounType::Agent
        );
        assert_eq!(noun_type("Name", Some("name")), NounType::Other);
        assert_eq!(
            noun_type("Generalsekretär", Some("secretary-general")),
            NounType::Agent
        );
        // abstract by the gloss where the German ending does not tell
        for (lemma, gloss) in [
            ("Umwelt", "environment"),
            ("Nachfrage", "demand"),
            ("Zusammenarbeit", "cooperation"),
            ("Infrastruktur", "infrastructure"),
            ("Entwicklungshilfe", "development aid"),
        ] {
            assert_eq!(noun_type(lemma, Some(gloss)), NounType::Abstract, "{lemma}");
        }
        assert_eq!(noun_type("Waffe", Some("weapon")), NounType::Other);
    }

    #[test]
    fn options_are_no_rare_plurals_and_mass_nouns_keep_to_themselves() {
        assert!(rare_as_an_option("Streit", "Streite"));
        assert!(rare_as_an_option("Erderwärmung", "Erderwärmungen"));
        assert!(!rare_as_an_option("Vertrag", "Verträge"));
        assert!(!rare_as_an_option("Grenze", "Grenzen"));
        for lemma in ["Erdgas", "Datenschutz", "Humanität"] {
            assert!(mass_noun(lemma), "{lemma}");
        }
        for lemma in ["Quartal", "Geschäftsmodell", "Atomwaffe", "Vertrag"] {
            assert!(!mass_noun(lemma), "{lemma}");
        }
    }

    #[test]
    fn a_plural_like_the_singular_that_no_text_uses_is_no_plural() {
        // der Klimawandel has a plural only on paper: no option for "die Förderung der Pendler"
        assert!(mass_noun("Klimawandel"));
        // count nouns whose plural is their singular (den Pendlern, den Speichern), and
        // persons however rare their dative plural (Kanzlern)
        for lemma in ["Pendler", "Speicher", "Computer", "Kanzler", "Politiker"] {
            assert!(!mass_noun(lemma), "{lemma}");
        }
        for seed in 0..20 {
            for (form, lemma) in options_of("Pendler", &HashSet::new(), false, 3, seed) {
                assert!(!mass_noun(&lemma), "{form}");
                assert_ne!(lemma, "Klimawandel");
            }
        }
    }

    #[test]
    fn after_the_indefinite_article_no_mass_noun_is_an_option() {
        for answer in ["Ausbau", "Reform", "Abkommen"] {
            for seed in 0..5 {
                let found = options_of(answer, &HashSet::new(), true, 3, seed);
                assert!(!found.is_empty(), "{answer}");
                for (form, lemma) in found {
                    assert!(!mass_noun(&lemma), "{answer}: {form}");
                }
            }
        }
    }

    #[test]
    fn no_english_noun_is_an_option() {
        // English nouns of the domain lexicon that would be options of these answers' gender
        assert!(entry_facts_of("Software").english);
        assert!(entry_facts_of("Fracking").english);
        assert!(entry_facts_of("Blackout").english);
        assert!(entry_facts_of("Computer").english);
        for german in [
            "Reform",
            "Inflation",
            "Minister",
            "Diesel",
            "Reserve",
            "Gas",
            "Terror",
        ] {
            assert!(!entry_facts_of(german).english, "{german}");
        }
        for answer in [
            "Ausbau",
            "Reform",
            "Abkommen",
            "Koalition",
            "Gewerkschaft",
            "Vorstand",
        ] {
            for seed in 0..10 {
                for (form, lemma) in options_of(answer, &HashSet::new(), false, 3, seed) {
                    assert!(!entry_facts_of(&lemma).english, "{answer}: {form}");
                }
            }
        }
    }

    /// At most `n` options of `answer` with `seed`, in an article that uses `article` (and is
    /// not bare, `counted` after an indefinite article), with nothing blocked or offered.
    fn options_of(
        answer: &str,
        article: &HashSet<String>,
        counted: bool,
        n: usize,
        seed: u64,
    ) -> Vec<(String, String)> {
        use rand::SeedableRng;
        let none = HashSet::new();
        let blocked = |_: &str| false;
        let ctx = Context {
            article_lemmas: article,
            blocked: &blocked,
            offered: &none,
            bare: false,
            counted,
        };
        let a = lexicon().analyze(answer).unwrap();
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
        distractors(&Memo::default(), answer, &a, &ctx, n, &mut rng)
    }

    /// The [`EntryFacts`] of the domain noun `lemma`.
    fn entry_facts_of(lemma: &str) -> &'static EntryFacts {
        let cands = candidates();
        let i = cands.by_lemma[lemma]
            .iter()
            .copied()
            .find(|&i| cands.entries[i].pos == Pos::Noun)
            .unwrap();
        entry_facts(i, cands.entries[i])
    }

    #[test]
    fn options_come_from_the_articles_subject_areas() {
        // an article on party politics and business
        let article: HashSet<String> = [
            "Partei",
            "Wahl",
            "Koalition",
            "Unternehmen",
            "Umsatz",
            "Gewinn",
        ]
        .iter()
        .map(|w| (*w).to_owned())
        .collect();
        let groups = article_groups(&candidates().marked(&article));
        assert_eq!(groups, [true, false, true, false, false]);
        for seed in 0..10 {
            let found = options_of("Opposition", &article, false, 3, seed);
            assert_eq!(found.len(), 3);
            for (form, lemma) in found {
                let e = candidates().by_lemma[lemma.as_str()]
                    .iter()
                    .map(|&i| candidates().entries[i])
                    .find(|e| e.pos == Pos::Noun)
                    .unwrap();
                // of the article's other group of areas: business, not energy or security
                assert_eq!(category_group(Some(e.category)), 0, "{form}");
            }
        }
    }

    #[test]
    fn the_gloss_head_and_the_definition_decide_an_agent() {
        // the head of the gloss names the thing: a crisis, not a refugee; an income, not a
        // citizen
        assert_eq!(
            noun_type("Flüchtlingskrise", Some("refugee crisis")),
            NounType::Abstract
        );
        assert_eq!(
            noun_type("Bürgergeld", Some("citizen's income (Germany)")),
            NounType::Other
        );
        assert_eq!(
            noun_type("Regierungschef", Some("head of government")),
            NounType::Agent
        );
        // an English person ending is no person when Wiktionary defines a thing
        for (lemma, gloss) in [
            ("Halbleiter", "semiconductor"),
            ("Karriere", "career"),
            ("Frachter", "freighter"),
        ] {
            assert_ne!(noun_type(lemma, Some(gloss)), NounType::Agent, "{lemma}");
        }
        // but a definition by another person noun keeps it a person
        for (lemma, gloss) in [
            ("Geschäftsführer", "managing director"),
            ("Diktator", "dictator"),
            ("Kommandeur", "commander"),
            ("Selbstmordattentäter", "suicide bomber"),
        ] {
            assert_eq!(noun_kind(lemma, Some(gloss)), NounKind::Person, "{lemma}");
        }
        assert_eq!(
            noun_kind("Behörde", Some("authority, agency")),
            NounKind::Organisation
        );
    }

    #[test]
    fn a_german_definition_may_name_a_person() {
        for lemma in ["Sündenbock", "Unterstützer", "Vorgängerin", "Siedler"] {
            assert!(defined_as_a_person(lemma), "{lemma}");
        }
        for lemma in ["Halbleiter", "Gegengewicht", "Reparatur"] {
            assert!(!defined_as_a_person(lemma), "{lemma}");
        }
    }

    #[test]
    fn a_person_answer_gets_specific_persons_of_other_fields() {
        for answer in ["Nachfolger", "Forscher", "Verbraucher"] {
            let a = lexicon().analyze(answer).unwrap();
            for seed in 0..5 {
                let found = options_of(answer, &HashSet::new(), false, 3, seed);
                assert_eq!(found.len(), 3, "{answer}");
                for (form, lemma) in found {
                    let f = entry_facts_of(&lemma);
                    assert_eq!(f.noun_kind, Some(NounKind::Person), "{answer}: {form}");
                    assert!(f.zipf.is_none_or(|z| z < GENERIC_ZIPF), "{answer}: {form}");
                    let e = candidates().entries[candidates().by_lemma[lemma.as_str()][0]];
                    assert_ne!(
                        category_group(Some(e.category)),
                        category_group(a.category),
                        "{answer}: {form}"
                    );
                }
            }
        }
    }

    #[test]
    fn no_option_is_on_the_articles_topic() {
        let none = HashSet::new();
        let article: HashSet<String> = ["Arbeitsmigration", "Asyl", "Flüchtling"]
            .iter()
            .map(|w| (*w).to_owned())
            .collect();
        let offered_anywhere = |article: &HashSet<String>| {
            let mut all = HashSet::new();
            for answer in ["Rakete", "Immobilie", "Heizung"] {
                // many options at once: the ranking's first sixty
                for seed in 0..3 {
                    for (_, lemma) in options_of(answer, article, false, 60, seed) {
                        all.insert(lemma);
                    }
                }
            }
            all
        };
        // Migration (migration) is an option elsewhere, not beside Arbeitsmigration (labour
        // migration)
        assert!(offered_anywhere(&none).contains("Migration"));
        assert!(!offered_anywhere(&article).contains("Migration"));
    }

    #[test]
    fn the_same_seed_varies_the_options_by_answer() {
        let mut seen: HashSet<String> = HashSet::new();
        let answers = ["Kunststoff", "Bürgerkrieg", "Wettbewerb", "Beitrag", "Zoll"];
        for answer in answers {
            for (_, lemma) in options_of(answer, &HashSet::new(), false, 3, 1) {
                seen.insert(lemma);
            }
        }
        // three options each: mostly different words, not the same three every time
        assert!(seen.len() >= 10, "{seen:?}");
    }

    #[test]
    fn slot_indexes_follow_the_slot_order() {
        for (i, &(case, number)) in NOUN_SLOTS.iter().enumerate() {
            assert_eq!(slot_index(case, number), i);
        }
    }

    #[test]
    fn part_keys_drop_linking_s() {
        let keys = part_keys(
            "Versorgungssicherheit",
            &["Versorgungs".to_owned(), "sicherheit".to_owned()],
        );
        assert_eq!(keys, ["versorgungssicherheit", "versorgung", "sicherheit"]);
        assert_eq!(
            part_keys("Landtag", &["Land".to_owned(), "tag".to_owned()]),
            ["landtag"]
        );
    }
}
