//! The article's words grouped by lemma: every content word of the body analysed once, with
//! elliptical coordination completed (*Außen-* of "Außen- und Verteidigungsminister" counts as
//! *Außenminister*), particles joined to their verb (*legte … zu* is *zulegen*), a compound with
//! a name in front counted as its head (*FPÖ-Kandidat* is a *Kandidat*), and the gender an
//! adjectival noun has in the text (*die Angeklagte*). Names are no words of the list, also a
//! surname the lexicon knows as a noun or an adjective, after a first name (*Heiner Müller*,
//! *Rita Famos*, *Sebastian Kurz*), and the words of a name that starts with a capitalised
//! adjective (*die Europäische Zentralbank*, *die Römisch-katholische Zentralkonferenz*).

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::coordination::sentence_completions;
use crate::document::{Document, Sentence};
use crate::lexicon::{Analysis, Gender, Level, NameKind, PartKind, Pos, lexicon};
use crate::tokenize::{Token, TokenKind};

use super::in_multiword_name;

/// The words of one lemma (and part of speech) in the article.
#[derive(Debug, Clone)]
pub(super) struct Group {
    /// The lexicon's analysis (`None` for names and unknown words).
    pub analysis: Option<Analysis>,
    pub lemma: String,
    pub pos: Pos,
    /// Occurrences in the body.
    pub count: usize,
    /// Occurrences in the lead (the first sentences).
    pub lead: usize,
    /// The forms seen, in order of first occurrence.
    pub forms: Vec<String>,
    /// Index of the first sentence it occurs in.
    pub sentence_index: usize,
    /// Byte ranges of every occurrence.
    pub occurrences: Vec<(usize, usize)>,
    /// Indices of the sentences it occurs in (ascending, repeated for repeated occurrences).
    pub sentences: Vec<usize>,
    /// A proper name (listed only with `all`).
    pub name: bool,
}

/// Sentences that count as the lead: the first two, or the first paragraph if it is longer
/// and no more than three sentences.
fn lead_sentences(doc: &Document) -> usize {
    let first_paragraph = doc
        .sentences
        .iter()
        .take_while(|s| s.paragraph == 0)
        .count();
    if (2..=3).contains(&first_paragraph) {
        first_paragraph
    } else {
        2
    }
}

/// Determiners that show a feminine singular noun right after them (die Angeklagte).
const FEMININE: &[&str] = &[
    "die", "eine", "diese", "jene", "keine", "ihre", "seine", "meine", "unsere", "deren",
];
/// Determiners that show a masculine singular noun after them (der Angeklagte, den
/// Angeklagten, ein Angeklagter).
const MASCULINE: &[&str] = &[
    "der", "den", "ein", "einen", "dieser", "diesen", "jeder", "jeden", "kein", "keinen",
];

/// Separable-verb particles found apart from their finite verb in a sentence: (index of the
/// finite verb's token, the particle verb's analysis).
fn particle_verbs(doc: &Document, s: &Sentence) -> Vec<(usize, Analysis)> {
    let lex = lexicon();
    let text = doc.text.as_str();
    let toks = &s.tokens;
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word || i < 2 || t.capitalized {
            continue;
        }
        // the particle ends its clause: punctuation or the sentence's end after it
        let after = toks
            .get(i + 1)
            .map_or(&text[t.end..s.end], |n| &text[t.end..n.start]);
        let clause_end = after
            .trim()
            .starts_with([',', '.', ';', ':', '!', '?', '–', ')', '"'])
            || (i + 1 == toks.len());
        if !clause_end {
            continue;
        }
        // the finite verb: the first verb form of the clause (main clauses put it second)
        let clause_start = (0..i)
            .rev()
            .find(|&j| {
                let gap = &text[toks[j].end..toks[j + 1].start];
                gap.contains([',', ';', ':', '–'])
            })
            .map_or(0, |j| j + 1);
        for (j, v) in toks.iter().enumerate().take(i).skip(clause_start) {
            if v.kind != TokenKind::Word || v.capitalized && j != 0 {
                continue;
            }
            if let Some(a) = lex.particle_verb(t.lower(), v.lower()) {
                out.push((j, a));
                break;
            }
            if j > clause_start + 5 {
                break;
            }
        }
    }
    out
}

/// Particles of names (*Alexander Van der Bellen*, *Ursula von der Leyen*).
const NAME_PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "zu", "ter", "ten", "la",
    "le", "bin", "al", "el", "dos", "y",
];

/// Zipf frequency from which a capitalised word after a first name is a common noun, not a
/// surname (*Paul Mitarbeiter* is rare; *Irmgard Griss* is a name though *Griss* is a noun).
const COMMON_NOUN_ZIPF: f32 = 5.0;

/// Particles of Arabic names written with a hyphen (*al-Assad*, *bin-Salman*).
const NAME_PREFIXES: &[&str] = &["al", "el", "as", "ad", "bin", "ibn", "abu", "abd"];

/// Whether a hyphenated word is a part of a name: an Arabic particle before a capitalised name
/// (*al-Assad*), or a short capitalised syllable and a lower-case one that make no word
/// (*Ki-moon*, *Jong-un*).
fn hyphenated_name(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else {
        return false;
    };
    let alphabetic = |x: &str| !x.is_empty() && x.chars().all(char::is_alphabetic);
    if !alphabetic(a) || !alphabetic(b) {
        return false;
    }
    if NAME_PREFIXES.contains(&a) {
        return b.starts_with(char::is_uppercase);
    }
    a.starts_with(char::is_uppercase)
        && a.chars().count() <= 4
        && b.chars().all(char::is_lowercase)
        && b.chars().count() <= 5
        && lexicon().analyze(w).is_none()
}

/// The surnames of the article: capitalised words (and particles) right after a person's name
/// (*Irmgard Griss*, *Alexander Van der Bellen*) or after a first name that is also a noun
/// (*Hermann Schützenhofer*, *Klaus Hübner*: [`first_name_homonym`], which is a name too), and
/// the names after titles ([`titled_names`]). They are names wherever they occur in the
/// article, also where the lexicon knows them as nouns (*Griss*, *Van*).
fn surnames(doc: &Document) -> HashSet<&str> {
    let lex = lexicon();
    let text = doc.text.as_str();
    let mut out = HashSet::default();
    for s in &doc.sentences {
        let toks = &s.tokens;
        for i in 0..toks.len() {
            let t = &toks[i];
            // a name with a hyphenated part after it: Ban Ki-moon, Baschar al-Assad
            if t.kind == TokenKind::Word
                && t.capitalized
                && let Some(n) = toks.get(i + 1)
                && &text[t.end..n.start] == " "
                && hyphenated_name(n.surface(text))
            {
                out.insert(t.surface(text));
                out.insert(n.surface(text));
            }
            if t.kind != TokenKind::Word || !t.capitalized || i + 1 == toks.len() {
                continue;
            }
            let first = t.surface(text);
            // a last name that Wiktionary lists after a common noun of the same spelling
            // (*Müller*, *Wagner*, *Weber*) right after a word that can only be a name: a name
            // known or unknown to the lexicon (*René Wagner*, *Gerry Weber*) or, inside the
            // sentence, a capitalised word the lexicon reads only as an adjective (*Heiner*);
            // not after a noun (*Bäcker Müller*), which the title rule decides
            let next = &toks[i + 1];
            let name_before = || {
                lex.is_proper_name(first)
                    || (i > 0 && lex.analyze(first).is_some_and(|a| a.pos == Pos::Adj))
            };
            if next.kind == TokenKind::Word
                && next.capitalized
                && &text[t.end..next.start] == " "
                && lex.is_person_name_homonym(next.surface(text), false)
                && !lex.is_person_name_homonym(first, false)
                && name_before()
            {
                out.insert(first);
                out.insert(next.surface(text));
            }
            // the kind of name the word is, where it is one before another capitalised word
            let kind = (toks[i + 1].capitalized && lex.is_proper_name(first))
                .then(|| lex.proper_name_kind(first));
            // a capitalised word the lexicon reads only as an adjective right after a name that
            // is no place or organisation (*Rita Famos*, *Sebastian Kurz*, *Dominic Thiem*): a
            // last name; inside a sentence German capitalises an adjective only in a name or as
            // a noun, and the noun would follow a determiner, not a name (*Wien Neues* is no
            // person's name: places are left out)
            if let Some(k) = kind
                && !matches!(k, Some(NameKind::Place | NameKind::Organisation))
                && next.kind == TokenKind::Word
                && &text[t.end..next.start] == " "
                && adjective_only(next.surface(text), next.lower())
            {
                out.insert(next.surface(text));
            }
            // a foreign first name the lists lack: only a last name that is no word of its own
            let foreign = kind == Some(None) && foreign_letters(first);
            if kind != Some(Some(NameKind::Person)) && !foreign {
                if !first_name_homonym(doc, s, i) {
                    continue;
                }
                out.insert(t.surface(text));
                // only the last name: the word after it may be a noun again (Charlotte Perkins
                // Gilmans Kurzgeschichte, Ernst Lubitsch Anleihen)
                out.insert(toks[i + 1].surface(text));
                continue;
            }
            let mut j = i + 1;
            let mut taken = 0;
            while j < toks.len() && taken < 3 {
                let n = &toks[j];
                if !text[toks[j - 1].end..n.start].chars().all(|c| c == ' ') {
                    break;
                }
                let w = n.surface(text);
                if n.kind == TokenKind::Word && n.capitalized {
                    if lex.zipf(w).is_some_and(|z| z >= COMMON_NOUN_ZIPF)
                        && lex.proper_name_kind(w).is_none()
                    {
                        break;
                    }
                    // after a foreign first name, one word that the lexicon reads only as a
                    // form of another (*Hollande*), not a noun of its own (*Mevlüt Çavuşoğlu
                    // Außenminister*, *Eva Peróns Begräbnis*)
                    if foreign && (taken > 0 || lex.analyze(w).is_some_and(|a| a.lemma == w)) {
                        break;
                    }
                    out.insert(w);
                    taken += 1;
                } else if !NAME_PARTICLES.contains(&n.lower()) {
                    break;
                }
                j += 1;
            }
        }
    }
    out.extend(titled_names(doc));
    out
}

/// Whether a capitalised word (`surface`, lower-case `lower`) is to the lexicon an adjective
/// and nothing else: no noun as written (*Famos*, *Klein*; not *Grüne*, *Deutsche*, which are
/// nouns too).
fn adjective_only(surface: &str, lower: &str) -> bool {
    let lex = lexicon();
    lex.analyze(lower).is_some_and(|a| a.pos == Pos::Adj)
        && lex.analyze(surface).is_none_or(|a| a.pos != Pos::Noun)
        && lex.noun_entries(surface).is_empty()
}

/// Whether a word is written with letters German words do not have (*François*, *José*,
/// *Ségolène*; not *Andrzej*: only the letters count): a name the lists lack that is written
/// so is a foreign first name, and the capitalised word after it can be the rest of the name
/// (*François Hollande*, not the dative of *Holland*).
fn foreign_letters(word: &str) -> bool {
    const FOREIGN: &str = "àáâãåæçèéêëìíîïñòóôõøùúûýÿāăąćčďđēėęěğīıłńňōőœřśşšťūůűźżž";
    word.chars()
        .any(|c| FOREIGN.contains(c.to_lowercase().next().unwrap_or(c)))
}

/// Zipf frequency below which a first name that Wiktionary lists after a common noun of the
/// same spelling is taken for the first name before a name (*Hermann* 4.5, *Ernst* 5.2; not
/// *Art* 5.5: "eine Art Brücke").
const HOMONYM_FIRST_NAME_ZIPF: f32 = 5.5;

/// Whether the capitalised word `i` of `s` is a first name that Wiktionary lists after a
/// common noun (*Klaus*, *Roman*, *Ernst*), right before a last name of the same kind (*Klaus
/// Hübner*, *Roman Binder*, *Ernst Baumeister*) or before a person's name or an unknown
/// capitalised word (*Hermann Schützenhofer*), without a determiner or an adjective before it.
fn first_name_homonym(doc: &Document, s: &Sentence, i: usize) -> bool {
    let lex = lexicon();
    let text = doc.text.as_str();
    let toks = &s.tokens;
    let (t, Some(n)) = (&toks[i], toks.get(i + 1)) else {
        return false;
    };
    let (first, last) = (t.surface(text), n.surface(text));
    if n.kind != TokenKind::Word
        || !n.capitalized
        || &text[t.end..n.start] != " "
        || !lex.is_person_name_homonym(first, true)
        || lex
            .zipf(first)
            .is_some_and(|z| z >= HOMONYM_FIRST_NAME_ZIPF)
    {
        return false;
    }
    let last_name = lex.is_person_name_homonym(last, false)
        && lex.zipf(last).is_none_or(|z| z < COMMON_NOUN_ZIPF)
        || lex.is_proper_name(last)
            && lex
                .proper_name_kind(last)
                .is_none_or(|k| k == NameKind::Person);
    let after_determiner = i.checked_sub(1).is_some_and(|j| {
        let p = &toks[j];
        let lower = p.lower();
        p.kind == TokenKind::Word
            && !p.capitalized
            && (DETERMINERS.contains(&lower)
                || ["e", "en", "er", "es", "em"]
                    .iter()
                    .any(|e| lower.ends_with(e))
                    && lex.analyze(lower).is_some_and(|x| x.pos == Pos::Adj))
    });
    last_name && !after_determiner
}

/// The names of the article that the lexicon knows as nouns, found right after a title
/// (*Trainer Koller*, *Bischof Schönborn*, *Richter Huber*): a last or first name that
/// Wiktionary lists after a common noun of the same spelling (*Huber*, *Fischer*, *Kern*; not
/// the frequent *Glück*, *Zeit*), or a rare noun (*der Koller*) without a suffix of common
/// nouns (not *Zynismus*) that the article also uses alone (*Koller lachte*). Never a word that
/// has a determiner or an adjective before it anywhere in the article (*der Koller*, *einen
/// Huber*), nor one after a title in the plural (*dass die Trainer Geduld haben*). Their
/// genitives (*Hubers*) are names too.
fn titled_names(doc: &Document) -> HashSet<&str> {
    let lex = lexicon();
    let text = doc.text.as_str();
    let mut after_title: HashSet<&str> = HashSet::default();
    for s in &doc.sentences {
        for (i, pair) in s.tokens.windows(2).enumerate() {
            let (p, t) = (&pair[0], &pair[1]);
            if t.kind == TokenKind::Word
                && t.capitalized
                && p.kind == TokenKind::Word
                && p.capitalized
                && &text[p.end..t.start] == " "
                && lex.is_title(p.surface(text))
                && !plural_title(s, i)
            {
                after_title.insert(t.surface(text));
            }
        }
    }
    if after_title.is_empty() {
        return after_title;
    }
    // which of them the article also uses with a determiner or adjective, and which alone
    // (not right after another capitalised word)
    let mut noun_use: HashSet<&str> = HashSet::default();
    let mut alone: HashSet<&str> = HashSet::default();
    for s in &doc.sentences {
        for (i, t) in s.tokens.iter().enumerate() {
            let w = t.surface(text);
            if !after_title.contains(w) {
                continue;
            }
            let Some(p) = i.checked_sub(1).map(|j| &s.tokens[j]) else {
                alone.insert(w);
                continue;
            };
            let lower = p.lower();
            let adjective = !p.capitalized
                && ["e", "en", "er", "es", "em"]
                    .iter()
                    .any(|e| lower.ends_with(e))
                && lex.analyze(lower).is_some_and(|x| x.pos == Pos::Adj);
            if p.kind == TokenKind::Word && (DETERMINERS.contains(&lower) || adjective) {
                noun_use.insert(w);
            } else if !(p.capitalized && text[p.end..t.start].trim().is_empty()) {
                alone.insert(w);
            }
        }
    }
    let names: HashSet<&str> = after_title
        .into_iter()
        .filter(|w| {
            if noun_use.contains(w) {
                return false;
            }
            let Some(a) = lex.analyze(w) else {
                return false; // an unknown word is a name anyway
            };
            let zipf = lex.zipf(w);
            let homonym = (lex.is_person_name_homonym(w, false)
                || lex.is_person_name_homonym(w, true))
                && zipf.is_none_or(|z| z < COMMON_NOUN_ZIPF);
            // an abstract noun after a title is an object (werfen dem Finanzminister
            // Zynismus vor)
            let rare = zipf.is_none_or(|z| z < FIRST_NAME_ZIPF)
                && alone.contains(w)
                && !lex.has_noun_suffix(w);
            a.pos == Pos::Noun && !a.domain && a.lemma == *w && (homonym || rare)
        })
        .collect();
    if names.is_empty() {
        return names;
    }
    // their genitives: Hubers, Koller's
    let mut out = names.clone();
    for s in &doc.sentences {
        for t in &s.tokens {
            let w = t.surface(text);
            if t.capitalized
                && crate::lexicon::genitive_bases(w)
                    .iter()
                    .any(|b| names.contains(b))
            {
                out.insert(w);
            }
        }
    }
    out
}

/// Whether the title at token `ti` of `s` is a plural (*die Trainer*, *alle Minister*): a
/// masculine title after a determiner that ends in *-e* or a number, with only adjectives
/// between them. Feminine titles (*die Ministerin*, *die Obfrau*) are singular.
fn plural_title(s: &Sentence, ti: usize) -> bool {
    let title = s.tokens[ti].lower();
    if title.ends_with("in") || title.ends_with("frau") {
        return false;
    }
    for p in s.tokens[..ti].iter().rev().take(3) {
        if p.kind == TokenKind::Number {
            return true;
        }
        if p.kind != TokenKind::Word || p.capitalized {
            return false;
        }
        let lower = p.lower();
        if DETERMINERS.contains(&lower) {
            return lower.ends_with('e') || matches!(lower, "zwei" | "drei");
        }
    }
    false
}

/// Zipf frequency below which a noun right before a surname is a first name (*Fidel Castro*:
/// *Fidel* 3.3), not a title (*Papst*, *Bischof*, *Kanzler* are above).
const FIRST_NAME_ZIPF: f32 = 3.5;

/// The first names of the article that the lexicon knows as nouns (*Fidel* Castro, the
/// fiddle): a rare simple noun, no term of the domain lexicon, written right before a name
/// (a known name or an unknown capitalised word) that the article also uses alone (*Castro
/// empfing*). Role nouns before names are frequent (*Kanzler*), compounds (*Chefdiplomat*) or
/// domain terms (*Diktator*). First names that Wiktionary lists after a common noun of the same
/// spelling (*Hermann*: Hermannteig) are found by [`first_name_homonym`].
fn first_names(doc: &Document) -> HashSet<&str> {
    let lex = lexicon();
    let text = doc.text.as_str();
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    // how often each capitalised word occurs after no other capitalised word, and in all
    let mut alone: HashMap<&str, usize> = HashMap::default();
    let mut total: HashMap<&str, usize> = HashMap::default();
    for s in &doc.sentences {
        for (i, t) in s.tokens.iter().enumerate() {
            if t.kind != TokenKind::Word || !t.capitalized {
                continue;
            }
            let w = t.surface(text);
            *total.entry(w).or_default() += 1;
            let prev = i
                .checked_sub(1)
                .map(|j| &s.tokens[j])
                .filter(|p| &text[p.end..t.start] == " " && p.capitalized);
            match prev {
                Some(p) => pairs.push((p.surface(text), w)),
                None => *alone.entry(w).or_default() += 1,
            }
        }
    }
    // how often each word stands right before a name (one pass: a one-line text has millions
    // of pairs)
    let mut before_name: HashMap<&str, usize> = HashMap::default();
    for &(first, last) in &pairs {
        if alone.get(last).is_some_and(|&n| n > 0) && lex.is_proper_name(last) {
            *before_name.entry(first).or_default() += 1;
        }
    }
    pairs
        .iter()
        .filter(|&&(first, _)| {
            // always before a name
            before_name.get(first).copied().unwrap_or(0) == total.get(first).copied().unwrap_or(0)
                && !lex.is_proper_name(first)
                && lex.zipf(first).is_none_or(|z| z < FIRST_NAME_ZIPF)
                && lex.analyze(first).is_some_and(|a| {
                    a.pos == Pos::Noun && a.parts.len() < 2 && !a.domain && a.lemma == first
                })
        })
        .map(|&(first, _)| first)
        .collect()
}

/// The adjective or participle (*prägend*, *fassungslos*) a capitalised sentence-initial
/// `word` stands for, when its analysis `a` is a noun only guessed as a compound (not in the
/// noun dictionary) and the lower-case word is an adjective or a verb form.
fn sentence_initial_adjective(word: &str, a: &Analysis) -> Option<Analysis> {
    let lex = lexicon();
    if a.pos != Pos::Noun || !word.starts_with(char::is_uppercase) || a.lemma != word {
        return None;
    }
    if !lex.noun_entries(&a.lemma).is_empty() || lex.domain_entry(&a.lemma, Pos::Noun).is_some() {
        return None;
    }
    let lower = word.to_lowercase();
    // an adjective of the dictionary as it stands (*entscheidend*, *fassungslos*), not the
    // verb of a participle
    if !lex.senses(&lower).is_empty() {
        return Some(Analysis::adjective(lower));
    }
    lex.analyze(&lower)
        .filter(|l| matches!(l.pos, Pos::Adj | Pos::Verb))
}

/// A capitalised participle or adjective inside a sentence is a noun (*die Befragten*, *der
/// Vorsitzende*, *den Verantwortlichen*): the masculine noun of the adjectival declension
/// (`Befragter`, plural `Befragten`), which the learner's headword shows as *der Befragte*.
/// After *das*, *etwas*, *nichts* it is an abstract neuter (*das Wichtigste*): not listed.
fn nominalised(word: &str, a: &Analysis, determiner: &str) -> Option<Analysis> {
    if !matches!(a.pos, Pos::Verb | Pos::Adj)
        || matches!(
            determiner,
            "das" | "etwas" | "nichts" | "viel" | "wenig" | "alles"
        )
    {
        return None;
    }
    let base = ["en", "er", "es", "em", "e"]
        .iter()
        .find_map(|e| word.strip_suffix(e))?;
    if base.chars().count() < 3 || !base.starts_with(char::is_uppercase) {
        return None;
    }
    // only where the noun is in the dictionary (der Befragte, die Vorsitzende), not for the
    // adjectives of names (die Freiheitlichen)
    let lex = lexicon();
    if lex.noun_entries(&format!("{base}e")).is_empty()
        && lex.noun_entries(&format!("{base}er")).is_empty()
    {
        return None;
    }
    Some(adjectival_person(base, a.level, a.zipf, Vec::new()))
}

/// The masculine person noun of the adjectival declension on `base` (*Befragt*: lemma
/// `Befragter`, plural `Befragten`), as [`nominalised`] and [`participle_noun`] list it.
fn adjectival_person(
    base: &str,
    level: Option<Level>,
    zipf: Option<f32>,
    parts: Vec<String>,
) -> Analysis {
    Analysis {
        lemma: format!("{base}er"),
        pos: Pos::Noun,
        gender: Some(Gender::M),
        plural: Some(format!("{base}en")),
        gloss: None,
        gloss_composed: false,
        category: None,
        level,
        zipf,
        parts,
        domain: false,
        synonyms: Vec::new(),
    }
}

/// Whether the capitalised word `ti` of `s` stands where a noun does: right after a
/// determiner (*die Befragten*, *einen Verantwortlichen*), and not before another capitalised
/// word (*die Vereinigten Staaten*, *des Islamischen Staats*: a name).
fn nominal_position(doc: &Document, s: &Sentence, ti: usize) -> bool {
    let prev = s.tokens[ti - 1].lower();
    let after_determiner =
        DETERMINERS.contains(&prev) || FEMININE.contains(&prev) || MASCULINE.contains(&prev);
    let before_name = s.tokens.get(ti + 1).is_some_and(|n| {
        n.kind == TokenKind::Word
            && n.capitalized
            && doc.text[s.tokens[ti].end..n.start].trim().is_empty()
    });
    after_determiner && !before_name
}

/// The words of the article grouped by lemma; `all` keeps names, unknown words and words of
/// longer names.
pub(super) fn groups(doc: &Document, all: bool) -> Vec<Group> {
    let lex = lexicon();
    let lead_end = lead_sentences(doc);
    let mut groups: Vec<Group> = Vec::new();
    // the group of each lemma, by part of speech and lemma (looked up by `&str`: no key is
    // allocated for a token whose group exists)
    let mut index: HashMap<Pos, HashMap<String, usize>> = HashMap::default();
    // analyses by surface, and whether a surface is a name inside a sentence (costly look-ups:
    // an article repeats its words)
    let mut analyses: HashMap<String, Option<Analysis>> = HashMap::default();
    let mut names: HashMap<&str, bool> = HashMap::default();
    // evidence of the feminine (and masculine) reading of adjectival nouns, by lemma
    let mut feminine: HashMap<String, (usize, usize)> = HashMap::default();
    let mut surnames = surnames(doc);
    surnames.extend(first_names(doc));
    for (si, sent) in doc.sentences.iter().enumerate() {
        let completions = sentence_completions(doc, si);
        let particles = particle_verbs(doc, sent);
        // by token index (the first of each wins, as a search in order would find it): a
        // sentence may be a whole 50 MB line
        let completion_at: HashMap<usize, usize> = completions
            .iter()
            .enumerate()
            .rev()
            .map(|(k, c)| (c.token, k))
            .collect();
        let particle_at: HashMap<usize, usize> = particles
            .iter()
            .enumerate()
            .rev()
            .map(|(k, (j, _))| (*j, k))
            .collect();
        for (ti, tok) in sent.tokens.iter().enumerate() {
            if tok.kind != TokenKind::Word {
                continue;
            }
            let completion = completion_at.get(&ti).map(|&k| &completions[k]);
            let particle = particle_at.get(&ti).map(|&k| &particles[k].1);
            if completion.is_none()
                && particle.is_none()
                && (tok.stop || tok.lower().chars().count() < 2)
            {
                continue;
            }
            let surface = tok.surface(&doc.text);
            let (word, span) = match completion {
                Some(c) => (c.word.as_str(), (c.start, c.end)),
                None => (surface, (tok.start, tok.end)),
            };
            if completion.is_none() && particle.is_none() && lex.is_lower_function_word(tok.lower())
            {
                continue;
            }
            let name = if particle.is_some() {
                false
            } else if surnames.contains(word) {
                true
            } else if ti == 0 {
                lex.is_proper_name_at_sentence_start(word)
            } else if completion.is_some() {
                lex.is_proper_name(word)
            } else {
                *names
                    .entry(surface)
                    .or_insert_with(|| lex.is_proper_name(surface))
            };
            // a word of a longer name (die Vereinigten *Staaten*) is left out by default; with
            // `all` it is listed as the word it is (one entry per lemma)
            if !name && !all && (in_multiword_name(doc, si, ti) || in_company_name(doc, sent, ti)) {
                continue;
            }
            // borrowed from the article's memo: copied only into a new group
            let analysis: Option<Cow<'_, Analysis>> = if name {
                None
            } else if let Some(a) = particle {
                Some(Cow::Borrowed(a))
            } else {
                if !analyses.contains_key(word) {
                    analyses.insert(word.to_owned(), analyse(word));
                }
                analyses[word].as_ref().map(Cow::Borrowed)
            };
            if analysis.is_none() && !all {
                continue;
            }
            let mut analysis = analysis;
            // *Prägend für …*, *Fassungslos über …*: at the start of a sentence a capitalised
            // adjective or participle is no noun the dictionary lacks (*Präg·end*)
            if ti == 0
                && completion.is_none()
                && let Some(a) = &analysis
                && let Some(adj) = sentence_initial_adjective(word, a)
            {
                analysis = Some(Cow::Owned(adj));
            }
            // die Befragten, der Vorsitzende: a nominalised participle or adjective
            if ti > 0
                && completion.is_none()
                && tok.capitalized
                && let Some(a) = &analysis
                && nominal_position(doc, sent, ti)
                && let Some(n) = nominalised(word, a, sent.tokens[ti - 1].lower())
            {
                analysis = Some(Cow::Owned(n));
            }
            // auf Reisen (die Reise), am Kippen (kippen): a plural or a nominalised infinitive,
            // as the word before it shows
            if completion.is_none()
                && tok.capitalized
                && let Some(a) = &analysis
                && let Some(n) = infinitive_or_plural(doc, sent, ti, word, a)
            {
                analysis = Some(Cow::Owned(n));
            }
            // die Angeklagte: the feminine reading of an adjectival noun, from its determiner
            if let Some(a) = &analysis
                && a.pos == Pos::Noun
                && a.gender == Some(Gender::M)
                && let Some(fem) = a.lemma.strip_suffix('r').filter(|f| f.ends_with('e'))
            {
                let ev = feminine.entry(a.lemma.clone()).or_default();
                // the word itself or the head of a name-front compound (die EU-Außenbeauftragte)
                let head = word.rsplit_once('-').map_or(word, |(_, h)| h);
                match gender_evidence(doc, sent, ti, head, fem, &a.lemma) {
                    Some(Gender::F) => ev.0 += 1,
                    Some(_) => ev.1 += 1,
                    None => {}
                }
            }
            if let Some(a) = &analysis
                && a.lemma.is_empty()
            {
                analysis = None;
            }
            let (lemma, pos) = match &analysis {
                Some(a) => (a.lemma.as_str(), a.pos),
                None => (word, Pos::Other),
            };
            // the form as the text has it: a truncated word with its hyphen (`Außen-`)
            let form = match (particle, completion) {
                (Some(_), _) => surface,
                (None, Some(c)) => &doc.text[c.start..c.end],
                (None, None) => word,
            };
            let by_lemma = index.entry(pos).or_default();
            let gi = match by_lemma.get(lemma) {
                Some(&gi) => gi,
                None => {
                    by_lemma.insert(lemma.to_owned(), groups.len());
                    groups.push(Group {
                        analysis: analysis.as_deref().cloned(),
                        lemma: lemma.to_owned(),
                        pos,
                        count: 0,
                        lead: 0,
                        forms: Vec::new(),
                        sentence_index: si,
                        occurrences: Vec::new(),
                        sentences: Vec::new(),
                        name,
                    });
                    groups.len() - 1
                }
            };
            let g = &mut groups[gi];
            g.count += 1;
            if si < lead_end {
                g.lead += 1;
            }
            g.occurrences.push(span);
            g.sentences.push(si);
            if !g.forms.iter().any(|f| f == form) {
                g.forms.push(form.to_owned());
            }
        }
    }
    for g in &mut groups {
        if let Some((f, m)) = feminine.get(&g.lemma)
            && (*f > 0 || only_feminine_defined(&g.lemma))
            && *m == 0
        {
            feminine_reading(g);
        }
        if !g.name && looks_like_a_name(doc, g) {
            g.name = true;
        }
    }
    merge_feminine_forms(groups)
}

/// Zipf frequency below which a noun used without any determiner is taken for a name.
const RARE_NOUN_ZIPF: f32 = 3.0;

/// Words that show a common noun after them: articles, pronouns, prepositions with an article,
/// numbers (lower-case forms).
const DETERMINERS: &[&str] = &[
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
    "kein", "keine", "keiner", "keines", "keinem", "keinen", "im", "am", "zum", "zur", "vom",
    "beim", "ins", "ans", "aufs", "dieser", "diese", "dieses", "diesem", "diesen", "jeder", "jede",
    "jedes", "jedem", "jeden", "sein", "seine", "seiner", "seinem", "seinen", "ihr", "ihre",
    "ihrer", "ihrem", "ihren", "unser", "unsere", "welche", "welcher", "jene", "jener", "mancher",
    "alle", "viele", "einige", "mehrere", "beide", "zwei", "drei",
];

/// Heads of compounds that name places (*Erdberg*, *Neudorf*, *Rosenheim*): such a rare
/// compound without a determiner is a place's name, though its parts are common words.
const PLACE_HEADS: &[&str] = &[
    "berg", "dorf", "burg", "bach", "feld", "heim", "hausen", "stein", "brunn", "brück",
];

/// Legal forms after a company's name.
const COMPANY_FORMS: &[&str] = &[
    "GmbH", "AG", "KG", "SE", "Holding", "Group", "Inc", "Ltd", "Corp", "plc", "SA", "SpA", "NV",
    "Co",
];

/// Words of English company names that mark the capitalised words before them as a name
/// (*One Equity Partners*, *Wendel Participations*), besides the legal forms.
const COMPANY_NAME_WORDS: &[&str] = &[
    "Partners",
    "Holdings",
    "Ventures",
    "Associates",
    "Investors",
    "Investments",
    "Capital",
    "Participations",
    "Industries",
];

/// English function words that make a row of capitalised words an English name (*Bank of
/// America*, *The Carlyle Group*).
const ENGLISH_NAME_WORDS: &[&str] = &["of", "the", "and", "&", "for"];

/// Whether token `ti` of `s` is a word of a company's or organisation's name of several
/// words: it is one of a row of two or more capitalised words (nothing but spaces between
/// them) with a legal form (*AG*, *GmbH*, *Group*) or an English company word (*Partners*) in
/// it or right after it, or an English function word in it (*Bank of America*). *Partner* in
/// *One Equity Partners* is no word to learn.
fn in_company_name(doc: &Document, s: &Sentence, ti: usize) -> bool {
    let text = doc.text.as_str();
    let toks = &s.tokens;
    // (an article at the start of a sentence is no word of the name: *Der Investor …*)
    let cap = |i: usize| {
        toks[i].kind == TokenKind::Word
            && !DETERMINERS.contains(&toks[i].lower())
            && (toks[i].capitalized || ENGLISH_NAME_WORDS.contains(&toks[i].surface(text)))
    };
    let adjacent = |i: usize| {
        i + 1 < toks.len()
            && text[toks[i].end..toks[i + 1].start]
                .chars()
                .all(|c| c == ' ')
    };
    if !toks[ti].capitalized {
        return false;
    }
    let mut first = ti;
    while first > 0 && adjacent(first - 1) && cap(first - 1) {
        first -= 1;
    }
    let mut last = ti;
    while adjacent(last) && cap(last + 1) {
        last += 1;
    }
    // the word after the row: a legal form (*Wendel SE*)
    let end = if adjacent(last) { last + 1 } else { last };
    if end == first {
        return false;
    }
    // the name's words come before the legal form (*One Equity Partners*), the company word
    // itself too; not the common noun after an article at the row's start (*der
    // Finanzinvestor One Equity Partners*)
    let apposition = ti == first
        && ti > 0
        && toks[ti - 1].kind == TokenKind::Word
        && DETERMINERS.contains(&toks[ti - 1].lower());
    let marker = |i: usize| {
        let w = toks[i].surface(text);
        !apposition
            && (i > ti && (COMPANY_FORMS.contains(&w) || COMPANY_NAME_WORDS.contains(&w))
                || i == ti && i > first && COMPANY_NAME_WORDS.contains(&w))
    };
    // an English name starts with *The* or has the word right before *of*, *and* in it
    // (*Bank of America*; not *Thriller* in *Thriller Bridge of Spies*, *Weltraumabenteuer*
    // before *The Martian*)
    let english = |i: usize| {
        let w = toks[i].surface(text);
        i > first
            && i < last
            && if w.eq_ignore_ascii_case("the") {
                ti > i
            } else {
                ENGLISH_NAME_WORDS.iter().any(|e| w.eq_ignore_ascii_case(e)) && ti + 1 >= i
            }
    };
    (first..=end).any(|i| marker(i) || (i != ti && english(i)))
}

/// Whether the token after some occurrence of `g` satisfies `pred`.
fn next_word_is(doc: &Document, g: &Group, pred: impl Fn(&Token) -> bool) -> bool {
    g.occurrences
        .iter()
        .zip(&g.sentences)
        .any(|(&(start, _), &si)| {
            let s = &doc.sentences[si];
            token_at(s, start)
                .and_then(|ti| s.tokens.get(ti + 1))
                .is_some_and(&pred)
        })
}

/// A rare singular noun that never has a determiner or adjective before it is a name the
/// lexicon happens to know as a noun (*Ban klagte*, *Zielpunkt habe*, *Regierung von Baschar
/// al-Assad*): common nouns need an article in the singular. So is a word after a place and a
/// hyphen that has no determiner either (*in Wien-Landstraße*, a district; but *die
/// Wien-Wahl*), unless a name follows it (*US-Präsident Obama*).
fn looks_like_a_name(doc: &Document, g: &Group) -> bool {
    let Some(a) = &g.analysis else { return false };
    let lex = lexicon();
    let text = doc.text.as_str();
    let place_part = g.forms.iter().all(|f| {
        f.rsplit_once('-').is_some_and(|(front, _)| {
            front
                .split('-')
                .all(|seg| lex.proper_name_kind(seg) == Some(NameKind::Place))
        })
    });
    if place_part {
        let before_name = next_word_is(doc, g, |n| {
            n.capitalized && lex.is_proper_name(n.surface(text))
        });
        return !before_name && without_determiner(doc, g);
    }
    // a company: Zielpunkt GmbH
    let company = next_word_is(doc, g, |n| COMPANY_FORMS.contains(&n.surface(text)));
    if company {
        return true;
    }
    if a.pos != Pos::Noun
        || a.domain
        || a.zipf.is_some_and(|z| z >= RARE_NOUN_ZIPF)
        || a.gender == Some(Gender::Pl)
        || g.forms
            .iter()
            .any(|f| *f != g.lemma && f.strip_suffix('s') != Some(g.lemma.as_str()))
    {
        return false;
    }
    // a compound of common words is a word (Präsidentschaftskandidatin), unless its parts are
    // rare (Bas·char), a modifier is no word of the frequency table (Walm·art: Walmart), or
    // its head is one of places' names (in Erd·berg, a part of Vienna)
    let place_head = a.parts.len() >= 2
        && a.parts
            .last()
            .is_some_and(|h| PLACE_HEADS.contains(&h.to_lowercase().as_str()));
    let common_parts = !place_head
        && a.parts.len() >= 2
        && a.parts
            .iter()
            .any(|p| lex.zipf(p).is_some_and(|z| z >= RARE_NOUN_ZIPF))
        && lex.compound_parts(&a.lemma).is_none_or(|ps| {
            ps[..ps.len().saturating_sub(1)]
                .iter()
                .all(|p| lex.zipf(&p.lemma).is_some())
        });
    if common_parts {
        return false;
    }
    without_determiner(doc, g)
}

/// Whether no occurrence of a word has a determiner or an adjective before it.
fn without_determiner(doc: &Document, g: &Group) -> bool {
    let lex = lexicon();
    let text = doc.text.as_str();
    g.occurrences
        .iter()
        .zip(&g.sentences)
        .all(|(&(start, _), &si)| {
            let s = &doc.sentences[si];
            let Some(ti) = token_at(s, start) else {
                return false;
            };
            if ti == 0 {
                return true;
            }
            let prev = &s.tokens[ti - 1];
            let lower = prev.lower();
            let adjective = !prev.capitalized
                && ["e", "en", "er", "es", "em"]
                    .iter()
                    .any(|e| lower.ends_with(e))
                && text[prev.end..start].trim().is_empty()
                && !DETERMINERS.contains(&lower)
                && lex.analyze(lower).is_some_and(|x| x.pos == Pos::Adj);
            prev.kind == TokenKind::Number || !(DETERMINERS.contains(&lower) || adjective)
        })
}

/// The index of the token of `s` that starts at byte `start`: a binary search (the tokens are
/// in text order), as a sentence may be a whole 50 MB line.
fn token_at(s: &Sentence, start: usize) -> Option<usize> {
    s.tokens.binary_search_by_key(&start, |t| t.start).ok()
}

/// A feminine noun in -in whose masculine noun the article also uses (*Kandidatin* beside
/// *Kandidat*, *Geschäftsführerin* beside *Geschäftsführer*) is one entry with it, under the
/// masculine lemma.
fn merge_feminine_forms(mut groups: Vec<Group>) -> Vec<Group> {
    let index: HashMap<String, usize> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.pos == Pos::Noun && !g.name)
        .map(|(i, g)| (g.lemma.clone(), i))
        .collect();
    let mut into: Vec<Option<usize>> = vec![None; groups.len()];
    for (i, g) in groups.iter().enumerate() {
        if g.pos != Pos::Noun || g.name {
            continue;
        }
        let is_f = g
            .analysis
            .as_ref()
            .is_some_and(|a| a.gender == Some(Gender::F));
        if let Some(m) = g.lemma.strip_suffix("in").filter(|_| is_f)
            && let Some(&j) = index.get(m)
            && groups[j]
                .analysis
                .as_ref()
                .is_some_and(|a| a.gender == Some(Gender::M))
        {
            into[i] = Some(j);
        }
    }
    for i in 0..groups.len() {
        let Some(j) = into[i] else { continue };
        let f = std::mem::take(&mut groups[i].occurrences);
        let fs = std::mem::take(&mut groups[i].sentences);
        let forms = std::mem::take(&mut groups[i].forms);
        let (count, lead, first) = (groups[i].count, groups[i].lead, groups[i].sentence_index);
        let m = &mut groups[j];
        m.count += count;
        m.lead += lead;
        m.sentence_index = m.sentence_index.min(first);
        let mut occ: Vec<(usize, usize, usize)> = m
            .occurrences
            .iter()
            .zip(&m.sentences)
            .chain(f.iter().zip(&fs))
            .map(|(&(a, b), &s)| (a, b, s))
            .collect();
        occ.sort_unstable();
        m.occurrences = occ.iter().map(|&(a, b, _)| (a, b)).collect();
        m.sentences = occ.iter().map(|&(_, _, s)| s).collect();
        for f in forms {
            if !m.forms.contains(&f) {
                m.forms.push(f);
            }
        }
    }
    groups
        .into_iter()
        .zip(into)
        .filter(|(_, m)| m.is_none())
        .map(|(g, _)| g)
        .collect()
}

/// The analysis of a word for the vocabulary: a hyphenated compound whose front is a name or
/// an abbreviation (`FPÖ-Kandidat`, `Öbib-Mitarbeiter`, `US-Präsident`) stands for its head,
/// which is the word to learn.
fn analyse(word: &str) -> Option<Analysis> {
    let lex = lexicon();
    // an adverb in -weise at the start of a sentence (Praktischerweise), no noun
    if word.ends_with("erweise") && word.starts_with(char::is_uppercase) {
        return lex.analyze(&word.to_lowercase());
    }
    let a = lex.analyze(word)?;
    // Gewerbetreibende: a nominalised participle, not a compound of *Ende*
    if let Some(p) = participle_noun(word, &a) {
        return Some(p);
    }
    if a.pos != Pos::Noun
        || !a.lemma.contains('-')
        || lex.domain_entry(&a.lemma, Pos::Noun).is_some()
    {
        return Some(a);
    }
    let (front, head) = word.rsplit_once('-')?;
    // a string of several words with a name or abbreviation in it: the word after the last
    // name (Fair-Use-*Klausel*); several words after it (FPÖ-Klubobmann-Vize) are no word to
    // learn
    // (as in a name front below: an abbreviation, a name, a number or a short code: G-10)
    let is_name = |seg: &str| {
        seg.chars().filter(|c| c.is_uppercase()).count() >= 2
            || lex.is_proper_name(seg)
            || seg.chars().count() <= 2
            || seg.chars().all(|c| c.is_ascii_digit())
    };
    let segments: Vec<&str> = word.split('-').collect();
    if segments.len() >= 3
        && let Some(k) = segments.iter().rposition(|seg| is_name(seg))
    {
        return match segments[k + 1..] {
            [one] => lex.analyze(one).filter(|h| h.pos == Pos::Noun),
            _ => None,
        };
    }
    // a name or abbreviation after the hyphen (Landes-ÖVP, Wien-Favoriten): a name
    if head.chars().filter(|c| c.is_uppercase()).count() >= 2 || lex.is_proper_name(head) {
        return None;
    }
    let name_front = front.split('-').all(|seg| {
        let upper = seg.chars().filter(|c| c.is_uppercase()).count();
        seg.chars().all(|c| c.is_alphanumeric())
            && (upper >= 2 || lex.is_proper_name(seg) || seg.chars().count() <= 2)
    });
    let parts = lex.compound_parts(word);
    let unknown_front = parts.as_ref().is_some_and(|ps| {
        ps.iter()
            .take(ps.len().saturating_sub(1))
            .all(|p| p.kind == PartKind::Other)
    });
    if (name_front || unknown_front)
        && !head.is_empty()
        && let Some(h) = lex.analyze(head).filter(|h| h.pos == Pos::Noun)
    {
        return Some(h);
    }
    Some(a)
}

/// Determiners after which a noun is a neuter (or masculine) singular: a word in *-en* after
/// them is no plural (*am Kippen*, *beim Reisen*, *das Reisen*).
const NEUTER_SINGULAR: &[&str] = &[
    "das", "dem", "des", "ein", "kein", "am", "beim", "zum", "vom", "im", "ins", "ans", "aufs",
    "durchs", "fürs", "übers", "vors", "dieses", "diesem", "jedes", "jedem", "solches", "welches",
    "alles", "etwas", "nichts", "viel",
];

/// Contractions with the dative *dem* (*am*, *beim*, *zum*, *vom*, *im*): the noun after them
/// is singular.
const DATIVE_SINGULAR: &[&str] = &["am", "beim", "zum", "vom", "im"];

/// How much less frequent (Zipf of its own word) the noun whose plural a word is may be than the
/// word itself, as a nominalised infinitive, and still be read for it where no neuter
/// determiner stands before the word (*Reise* 4.90, *Reisen* 4.68; not *Esse* 4.21 for *Essen*
/// 5.33).
const PLURAL_READING_MARGIN: f32 = 0.5;

/// The reading of a capitalised word in *-en* that is both a plural and a nominalised
/// infinitive, from the words before it: after a contraction with *dem* (*am Kippen*, *beim
/// Verhandeln*) it is singular, the infinitive: the verb (*kippen*) where the noun table has
/// no infinitive noun and read the word as another noun's plural (*die Kippe*); without a
/// neuter singular determiner (*auf Reisen*, *Reisen nach Asien*) it is the plural of the
/// other noun (*die Reise*), if that noun is about as frequent as the word. `None`: the
/// analysis stands.
fn infinitive_or_plural(
    doc: &Document,
    s: &Sentence,
    ti: usize,
    word: &str,
    a: &Analysis,
) -> Option<Analysis> {
    if a.pos != Pos::Noun || !word.ends_with("en") || word.contains('-') {
        return None;
    }
    let lex = lexicon();
    let prev = ti.checked_sub(1).map(|j| &s.tokens[j]).filter(|p| {
        p.kind == TokenKind::Word && doc.text[p.end..s.tokens[ti].start].trim().is_empty()
    });
    let prev_lower = prev.map(|p| p.lower());
    let lower = word.to_lowercase();
    let infinitive = || {
        lex.analyze(&lower)
            .filter(|v| v.pos == Pos::Verb && v.lemma == lower)
    };
    if a.lemma != word {
        // am Kippen: no plural after a dative singular
        let plural = a
            .plural
            .as_deref()
            .is_some_and(|p| p == word || (!p.ends_with('n') && format!("{p}n") == word));
        if plural && prev_lower.is_some_and(|p| DATIVE_SINGULAR.contains(&p)) {
            return infinitive();
        }
        return None;
    }
    if a.gender != Some(Gender::N) {
        return None;
    }
    // a neuter singular determiner, or an adjective with a neuter strong ending (ständiges)
    let neuter = prev.is_some_and(|p| {
        let l = p.lower();
        NEUTER_SINGULAR.contains(&l)
            || (!p.capitalized
                && (l.ends_with("es") || l.ends_with("em"))
                && lex.analyze(l).is_some_and(|x| x.pos == Pos::Adj))
    });
    if neuter || infinitive().is_none() {
        return None;
    }
    let singular = lex.singular_of_plural_lemma(word)?;
    let own = lex.zipf(&singular)?;
    if own + PLURAL_READING_MARGIN < lex.zipf(word).unwrap_or(0.0) {
        return None;
    }
    lex.analyze(&singular).filter(|n| n.pos == Pos::Noun)
}

/// The gender a determiner (and the adjectives after it) shows for an adjectival noun at token
/// `ti` of `s`, whose word (or hyphenated head) is `head`, feminine form `fem`, masculine lemma
/// `masc`: *die/eine Beauftragte* and *einer Beauftragten* are feminine; *der/dieser
/// Beauftragte*, *ein Beauftragter*, *dem/des/einen Beauftragten* masculine; *der
/// Beauftragten* (a feminine dative or genitive, or a genitive plural) and *den Beauftragten*
/// (a masculine accusative or a dative plural) show nothing. Without a determiner, *Beauftragte*
/// right before a name (*Frauenbeauftragte Maria Huber*) is feminine, *Beauftragter* masculine.
fn gender_evidence(
    doc: &Document,
    s: &Sentence,
    ti: usize,
    head: &str,
    fem: &str,
    masc: &str,
) -> Option<Gender> {
    let lex = lexicon();
    if head == masc {
        return Some(Gender::M);
    }
    // the determiner, over up to three adjectives (die neue Frauenbeauftragte)
    let mut det: Option<&str> = None;
    let mut j = ti;
    while j > 0 && ti - j < 4 {
        j -= 1;
        let p = &s.tokens[j];
        if p.kind != TokenKind::Word || p.capitalized && j + 1 != ti && j != 0 {
            break;
        }
        let l = p.lower();
        if DETERMINERS.contains(&l) || FEMININE.contains(&l) || MASCULINE.contains(&l) {
            det = Some(l);
            break;
        }
        // an adjective or a participle (der in Brüssel geborene …: no determiner found)
        let adjective = !p.capitalized
            && ["e", "en"].iter().any(|e| l.ends_with(e))
            && lex
                .analyze(l)
                .is_some_and(|x| matches!(x.pos, Pos::Adj | Pos::Verb));
        if !adjective {
            return None;
        }
    }
    let weak_en = head.strip_suffix('n') == Some(fem);
    match det {
        Some(d) if head == fem => {
            if FEMININE.contains(&d) {
                Some(Gender::F)
            } else if ["der", "dieser", "jener", "jeder"].contains(&d) {
                Some(Gender::M)
            } else {
                None
            }
        }
        Some(d) if weak_en => {
            if ["einer", "keiner", "jener"].contains(&d) {
                Some(Gender::F)
            } else if [
                "dem", "des", "einem", "eines", "einen", "keinen", "diesem", "dieses", "jedem",
                "jedes", "jeden", "beim", "zum", "vom", "im", "am",
            ]
            .contains(&d)
            {
                Some(Gender::M)
            } else {
                None
            }
        }
        Some(_) => None,
        // Wiens Frauenbeauftragte Maria Huber: a title before a person's name, with no
        // lower-case word before it (not *Bekannte Glitches* at a sentence's start)
        None if head == fem && ti > 0 && s.tokens[ti - 1].capitalized => s
            .tokens
            .get(ti + 1)
            .filter(|n| {
                n.kind == TokenKind::Word
                    && n.capitalized
                    && doc.text[s.tokens[ti].end..n.start] == *" "
                    && lex.proper_name_kind(n.surface(&doc.text)) == Some(NameKind::Person)
            })
            .map(|_| Gender::F),
        None => None,
    }
}

/// Whether the dictionary defines only the feminine person noun of an adjectival noun whose
/// masculine lemma is `masc`, as a role of women (*die Frauenbeauftragte*: "Frau, die …"; no
/// *Frauenbeauftragter*): where the article shows no gender, the feminine is the word it uses.
/// Not the feminine of a role of anyone ("weibliche Person, die …": *die Schutzsuchende*).
fn only_feminine_defined(masc: &str) -> bool {
    let lex = lexicon();
    let Some(fem) = masc.strip_suffix('r').filter(|f| f.ends_with('e')) else {
        return false;
    };
    let senses = lex.senses(fem);
    !senses.is_empty()
        && senses
            .iter()
            .all(|x| x.text.starts_with("Frau,") || x.text.starts_with("Frau "))
        && lex.senses(masc).is_empty()
        && lex.noun_entries(masc).is_empty()
        && lex.domain_entry(masc, Pos::Noun).is_none()
}

/// A nominalised present participle the noun table lacks, read as a compound of a verb stem
/// and *Ende* (*Gewerbe·treib·ende*): the person noun of adjectival declension, masculine like
/// [`nominalised`] (*der Gewerbetreibende*, plural *die Gewerbetreibenden*; the article's
/// determiners may make it feminine). `None` for other words.
fn participle_noun(word: &str, a: &Analysis) -> Option<Analysis> {
    let lex = lexicon();
    if a.pos != Pos::Noun || word.contains('-') || !word.starts_with(char::is_uppercase) {
        return None;
    }
    let base = ["en", "er", "es", "em", "e"]
        .iter()
        .find_map(|e| word.strip_suffix(e))
        .filter(|b| b.ends_with("end"))?;
    let parts = lex.compound_parts(word)?;
    let [.., verb, head] = parts.as_slice() else {
        return None;
    };
    if head.lemma != "Ende" || verb.kind != PartKind::VerbStem || !verb.linker.is_empty() {
        return None;
    }
    let mut shown: Vec<String> = parts[..parts.len() - 2]
        .iter()
        .map(|p| p.surface.clone())
        .collect();
    shown.push(format!("{}{}", verb.surface, "ende"));
    let zipf = lex.zipf(&format!("{base}e")).or(a.zipf);
    Some(adjectival_person(base, a.level, zipf, shown))
}

/// Turns a group of an adjectival noun read as masculine (`Angeklagter`) into its feminine
/// reading (`die Angeklagte`, plural `Angeklagten`).
fn feminine_reading(g: &mut Group) {
    let Some(fem) = g.lemma.strip_suffix('r').map(str::to_owned) else {
        return;
    };
    let lex = lexicon();
    // the dictionary's feminine entry, else the adjectival declension itself (die
    // Außenbeauftragte, die Außenbeauftragten) when the masculine entry is adjectival
    let adjectival = g
        .analysis
        .as_ref()
        .and_then(|a| a.plural.as_deref())
        .is_some_and(|p| p.strip_suffix('n') == Some(fem.as_str()));
    let Some((gender, plural)) = lex
        .noun_entries(&fem)
        .into_iter()
        .find(|(gd, _)| *gd == Gender::F)
        .map(|(gd, ps)| (gd, ps.into_iter().next()))
        .or_else(|| adjectival.then(|| (Gender::F, Some(format!("{fem}n")))))
    else {
        return;
    };
    if let Some(a) = &mut g.analysis {
        a.lemma = fem.clone();
        a.gender = Some(gender);
        a.plural = plural;
        // the domain entry is the masculine one: its gloss still fits
    }
    g.lemma = fem;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the group of `lemma` is among the words of `text` (`all`: also words of names).
    fn has(text: &str, lemma: &str, all: bool) -> bool {
        let doc = Document::new(text).unwrap();
        groups(&doc, all).iter().any(|g| g.lemma == lemma)
    }

    #[test]
    fn words_of_company_names_are_no_vocabulary() {
        // a legal form or an English company word after the name (10kGNAD 0665)
        let text = "Die Türkei hatte sich für ein Angebot der China Precision Machinery \
                    Import and Export Corporation ausgesprochen.";
        assert!(!has(text, "Import", false) && has(text, "Import", true));
        let text = "Der Finanzinvestor One Equity Partners übernimmt das Werk.";
        assert!(!has(text, "Partner", false) && has(text, "Partner", true));
        // the common noun before the name (*der Investor One Equity Partners*) is a word
        let text = "Der Investor One Equity Partners übernimmt das Werk.";
        assert!(has(text, "Investor", false) && !has(text, "Partner", false));
        let text = "Die Bank of England prüft die Großbanken des Landes.";
        assert!(!has(text, "Bank", false));
        // the word itself, before a name: a word (*Thriller* of *Bridge of Spies*)
        let text = "Der Thriller Bridge of Spies ist für sechs Oscars nominiert.";
        assert!(has(text, "Thriller", false));
        // partners without a name
        let text = "Die Partner der Koalition haben sich auf ein Budget geeinigt.";
        assert!(has(text, "Partner", false));
    }

    #[test]
    fn an_adjective_of_a_name_is_no_noun_between_agreeing_words() {
        // *Oberste* is also a plural of *der Oberst*: between *der* and *Gerichtshof* it is the
        // adjective of a name (10kGNAD 0752: "der Oberste Gerichtshof in Pretoria")
        let text = "Das Verfahren liegt beim Obersten Gerichtshof. Dann entschied der Oberste \
                    Gerichtshof in Pretoria über den Antrag.";
        assert!(!has(text, "Oberst", false) && !has(text, "Gerichtshof", false));
        // a noun before a name, and a noun before a noun its determiner does not agree with
        let text = "Am Montag sprach der Abgeordnete Huber. Die Behörde muss den Reisenden \
                    Auskunft geben.";
        assert!(has(text, "Abgeordneter", false) && has(text, "Auskunft", false));
    }
}
