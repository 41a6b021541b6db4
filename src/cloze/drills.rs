//! Grammar drills on the article's own noun phrases: the article (`_____ wirtschaftlichen
//! Sicherheit` → `der`) and the adjective ending (`der wirtschaftlich_____ Sicherheit` → `en`).
//!
//! A phrase is `[preposition] article adjective* noun` (or, for endings, `preposition
//! adjective noun` without an article, or a contraction: `im damaligen Zeitraum`). Its
//! readings (case, number, gender) start from the noun's form in its Wiktionary paradigm (the
//! noun must have one gender), and are narrowed by everything the learner sees: the case the
//! preposition governs, the article (for endings), the endings of the other adjectives (for
//! articles). A drill is made only when every reading left gives one and the same form **and**
//! that form is what the article wrote; so a misread phrase (a relative pronoun taken for an
//! article, a noun the lexicon gets wrong) gives no item instead of a wrong one.
//!
//! Drills are chosen with the sheet: a phrase is drilled once (a lead that repeats the subtitle
//! gives no second *des Finanzministeriums*), and never when another text of the sheet shows
//! its answer — the same determiner (or declined adjective) before the same noun form
//! ([`PhraseKey`]: *bei einer Pressekonferenz* in a vocabulary item's sentence answers *bei
//! _____ Pressekonferenz*).

use std::collections::{HashMap, HashSet};

use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};

use super::generate::{ClozeOptions, Memo, item_sentence, shown_start};
use super::sheet::{AnswerKeys, PhraseKey, Sheet};
use super::{ClozeItem, GAP, Kind, NounDrill};
use crate::document::Document;
use crate::lexicon::grammar::{
    ADJECTIVE_ENDINGS, Article, CASES, Declension, Reading, VerbSlot, adjective_ending,
    plural_is_rare, preposition_cases, verb_forms,
};
use crate::lexicon::{Case, Gender, Number, Pos, lexicon};
use crate::score::SentenceScore;
use crate::tokenize::{Token, TokenKind};
use crate::vocab::{VocabEntry, in_multiword_name};

/// Words that decline like adjectives but follow rules of their own after an article
/// (*die beiden*, *die vielen*): never part of a drill.
const QUANTIFIERS: &[&str] = &[
    "beid",
    "viel",
    "wenig",
    "ander",
    "einig",
    "mehrer",
    "sämtlich",
    "all",
    "solch",
    "folgend",
    "jed",
    "manch",
    "welch",
    "dies",
    "jen",
    "ganz",
    "halb",
    "sogenannt",
    "zahlreich",
];

/// Determiners that are no article but decide the adjective's declension (an adjective after
/// them is never drilled without them).
const OTHER_DETERMINERS: &[&str] = &[
    "dies", "jen", "jed", "welch", "manch", "solch", "all", "mein", "dein", "sein", "ihr", "unser",
    "euer", "eur", "beid", "viel", "wenig", "einig", "mehrer", "etlich", "deren", "dessen",
];

/// Contractions of a preposition and the definite article, with the readings they allow.
fn contraction(word: &str) -> Option<Vec<Reading>> {
    let dat_mn = || {
        vec![
            Reading::singular(Case::Dat, Gender::M),
            Reading::singular(Case::Dat, Gender::N),
        ]
    };
    Some(match word {
        "im" | "am" | "vom" | "zum" | "beim" | "hinterm" | "überm" | "unterm" | "vorm" => dat_mn(),
        "zur" => vec![Reading::singular(Case::Dat, Gender::F)],
        "ins" | "ans" | "aufs" | "fürs" | "ums" | "übers" | "durchs" | "vors" => {
            vec![Reading::singular(Case::Acc, Gender::N)]
        }
        _ => return None,
    })
}

/// An attributive adjective of a phrase: its token and the length of its stem.
#[derive(Debug, Clone, Copy)]
struct Adjective {
    token: usize,
    /// Bytes of the surface before the ending.
    stem_len: usize,
}

/// The ending of a declined adjective (`wirtschaftlichen` → 14, "en"), if the token is one.
fn adjective(tok: &Token, text: &str, memo: &Memo) -> Option<Adjective> {
    let surface = tok.surface(text);
    if tok.kind != TokenKind::Word || tok.capitalized || lexicon().is_function_word(surface) {
        return None;
    }
    let a = memo.analyze(surface)?;
    for ending in ["en", "em", "er", "es", "e"] {
        let Some(base) = surface.strip_suffix(ending) else {
            continue;
        };
        if QUANTIFIERS.iter().any(|q| base == *q || a.lemma == *q) {
            return None;
        }
        let ok = match a.pos {
            // the positive (wirtschaftlich-en) or a degree the lexicon reads as the same
            // adjective (höher-en)
            Pos::Adj => {
                base == a.lemma
                    || memo
                        .analyze(base)
                        .is_some_and(|b| b.pos == Pos::Adj && b.lemma == a.lemma)
            }
            // participles used as adjectives: geplant-e, steigend-e
            Pos::Verb => {
                (base.ends_with("end") && base.len() > 5)
                    || verb_forms(&a.lemma)
                        .is_some_and(|f| f.get(VerbSlot::Participle) == Some(base))
            }
            _ => false,
        };
        if ok {
            return Some(Adjective {
                token: 0,
                stem_len: base.len(),
            });
        }
        // "-en" failed: "-e" is no reading of the same token (wirtschaftliche-n)
        return None;
    }
    None
}

/// Whether a noun is declined like an adjective, so that its gender follows the person meant
/// (*der/die Angestellte*, *der/die Aufsichtsratsvorsitzende*): the lexicon says so of it or
/// of its compound head, or its last part without the ending is an adjective or a participle
/// (*vorsitzend*, *beschäftigt*, *abgeordnet*). Its article is never asked for on its own.
pub(crate) fn declined_like_adjective(lemma: &str) -> bool {
    let lex = lexicon();
    if lex.is_adjectival_noun(lemma) {
        return true;
    }
    let head = lex
        .split_compound(lemma)
        .and_then(|p| p.last().cloned())
        .unwrap_or_else(|| lemma.to_owned());
    let mut cs = head.chars();
    let cap: String = cs
        .next()
        .map(|c| c.to_uppercase().chain(cs).collect())
        .unwrap_or_default();
    if cap != lemma && lex.is_adjectival_noun(&cap) {
        return true;
    }
    let lower = head.to_lowercase();
    ["er", "e", "en"].iter().any(|ending| {
        lower
            .strip_suffix(ending)
            .filter(|b| b.chars().count() >= 4)
            .and_then(|b| lex.analyze(b))
            .is_some_and(|a| match a.pos {
                Pos::Adj => true,
                Pos::Verb => {
                    let b = lower.strip_suffix(ending).unwrap_or_default();
                    b.ends_with("end")
                        || verb_forms(&a.lemma)
                            .is_some_and(|f| f.get(VerbSlot::Participle) == Some(b))
                }
                _ => false,
            })
    })
}

/// The readings a noun's form allows: the (case, number) slots of its paradigm with that
/// form, with the noun's one gender. `None` when the noun has several genders in the lexicon,
/// is declined like an adjective, or the form is not in its paradigm.
fn noun_readings(surface: &str, memo: &Memo) -> Option<(String, Vec<Reading>)> {
    let lex = lexicon();
    let a = memo.analyze(surface)?;
    if a.pos != Pos::Noun || declined_like_adjective(&a.lemma) {
        return None;
    }
    let gender = a.gender?;
    // one gender: the lemma's entries, or for a compound its head's (which must not be
    // declined like an adjective either: Stadtparteivorsitzender)
    let mut entries = lex.noun_entries(&a.lemma);
    if entries.is_empty()
        && let Some(head) = a.parts.last()
    {
        let mut cs = head.chars();
        let head: String = cs.next()?.to_uppercase().chain(cs).collect();
        if lex.is_adjectival_noun(&head) {
            return None;
        }
        entries = lex.noun_entries(&head);
    }
    let genders: HashSet<Gender> = entries.iter().map(|e| e.0).collect();
    if genders.len() > 1 || genders.iter().any(|g| *g != gender) {
        return None;
    }
    let mut out = Vec::new();
    for number in [Number::Sg, Number::Pl] {
        for case in CASES {
            if memo.noun(&a.lemma, case, number).as_deref() == Some(surface) {
                out.push(match (number, gender) {
                    (Number::Pl, _) | (_, Gender::Pl) => Reading::plural(case),
                    (Number::Sg, g) => Reading::singular(case, g),
                });
            }
        }
    }
    (!out.is_empty()).then_some((a.lemma, out))
}

/// A noun phrase found in a sentence.
#[derive(Debug, Clone)]
struct Phrase {
    /// The article token, if any, with its kind and readings.
    article: Option<(usize, Article, Vec<Reading>)>,
    /// The readings of what stands before the phrase (a preposition's case, a contraction).
    before: Option<Vec<Reading>>,
    adjectives: Vec<Adjective>,
    noun_lemma: String,
    noun_readings: Vec<Reading>,
    /// The noun's token.
    noun_token: usize,
}

fn adjacent(text: &str, a: &Token, b: &Token) -> bool {
    text[a.end..b.start].chars().all(char::is_whitespace)
}

/// The noun phrases of sentence `si`.
fn phrases(doc: &Document, si: usize, memo: &Memo) -> Vec<Phrase> {
    let text = &doc.text;
    let toks = &doc.sentences[si].tokens;
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let lower = t.lower();
        let article = Article::parse(lower);
        // the phrase starts at an article, or at an adjective right after a preposition or a
        // contraction
        let prev = i.checked_sub(1).map(|p| &toks[p]);
        // "um … zu", "ohne … zu", "statt … zu" join an infinitive clause: no preposition
        let infinitive_clause = |p: &str| {
            matches!(p, "um" | "ohne" | "statt" | "anstatt")
                && toks[i..]
                    .iter()
                    .any(|t| t.lower() == "zu" || t.lower().contains("zu"))
        };
        let prev_lower = prev
            .filter(|p| adjacent(text, p, t))
            .map(|p| p.lower())
            .filter(|p| !infinitive_clause(p));
        let mut j = i;
        let art = match article {
            Some((a, readings)) => {
                j += 1;
                Some((i, a, readings))
            }
            None => {
                // no article: only after a preposition (its case) or a contraction
                let ok = prev_lower
                    .is_some_and(|p| preposition_cases(p).is_some() || contraction(p).is_some());
                if !ok || OTHER_DETERMINERS.iter().any(|d| lower.starts_with(d)) {
                    continue;
                }
                None
            }
        };
        let before = prev_lower.and_then(|p| {
            contraction(p).or_else(|| {
                preposition_cases(p)
                    .map(|cases| Reading::all().filter(|r| cases.contains(&r.case)).collect())
            })
        });
        // a contraction holds the article: an article right after it is something else
        if art.is_some() && prev_lower.is_some_and(|p| contraction(p).is_some()) {
            continue;
        }
        let mut adjectives = Vec::new();
        while j < toks.len() && adjacent(text, &toks[j - 1], &toks[j]) {
            match adjective(&toks[j], text, memo) {
                Some(mut a) => {
                    a.token = j;
                    adjectives.push(a);
                    j += 1;
                }
                None => break,
            }
        }
        if art.is_none() && adjectives.is_empty() {
            continue;
        }
        if j >= toks.len() || !adjacent(text, &toks[j - 1], &toks[j]) {
            continue;
        }
        let noun = &toks[j];
        let surface = noun.surface(text);
        if noun.kind != TokenKind::Word
            || !noun.capitalized
            || memo.is_name(surface, false)
            || in_multiword_name(doc, si, j)
            || text[noun.end..].starts_with('-')
        {
            continue;
        }
        // the phrase ends at the noun: not the first noun of a name or a compound pair
        if let Some(next) = toks.get(j + 1)
            && next.capitalized
            && adjacent(text, noun, next)
        {
            continue;
        }
        let Some((noun_lemma, noun_readings)) = noun_readings(surface, memo) else {
            continue;
        };
        out.push(Phrase {
            article: art,
            before,
            adjectives,
            noun_lemma,
            noun_readings,
            noun_token: j,
        });
    }
    out
}

/// Capitalise like `like` (a sentence's first word).
fn case_like(form: &str, like: &str) -> String {
    if like.chars().next().is_some_and(char::is_uppercase) {
        let mut cs = form.chars();
        cs.next()
            .map(|c| c.to_uppercase().chain(cs).collect())
            .unwrap_or_default()
    } else {
        form.to_owned()
    }
}

/// A drill item of `kind` from `phrase`, if its answer is determined and is what the article
/// wrote: (byte range of the gap in the text, the answer, the other forms of its paradigm).
fn drill(
    doc: &Document,
    si: usize,
    phrase: &Phrase,
    kind: Kind,
) -> Option<(usize, usize, String, Vec<String>)> {
    let text = &doc.text;
    let toks = &doc.sentences[si].tokens;
    let mut readings: Vec<Reading> = phrase.noun_readings.clone();
    if let Some(b) = &phrase.before {
        readings.retain(|r| b.contains(r));
    }
    let decl = match &phrase.article {
        Some((_, a, _)) => a.declension(),
        None => Declension::Strong,
    };
    match kind {
        Kind::Articles => {
            let (ti, art, _) = phrase.article.as_ref()?;
            // after a comma an article may be a relative pronoun
            if *ti > 0 && text[toks[ti - 1].end..toks[*ti].start].contains(',') {
                return None;
            }
            for adj in &phrase.adjectives {
                let t = &toks[adj.token];
                let ending = &t.surface(text)[adj.stem_len..];
                readings.retain(|r| adjective_ending(decl, *r) == ending);
            }
            let forms: HashSet<&str> = readings.iter().filter_map(|r| art.form(*r)).collect();
            let written = toks[*ti].surface(text);
            if forms.len() != 1 || !forms.contains(written.to_lowercase().as_str()) {
                return None;
            }
            // every reading must have a form (no "ein" for a plural reading)
            if readings.iter().any(|r| art.form(*r).is_none()) {
                return None;
            }
            let others: Vec<String> = art
                .forms()
                .into_iter()
                .filter(|f| *f != written.to_lowercase())
                .map(|f| case_like(&f, written))
                .collect();
            Some((toks[*ti].start, toks[*ti].end, written.to_owned(), others))
        }
        Kind::Endings => {
            // one adjective: a second one would show the same ending
            let [adj] = phrase.adjectives.as_slice() else {
                return None;
            };
            if let Some((_, _, ar)) = &phrase.article {
                readings.retain(|r| ar.contains(r));
            }
            let t = &toks[adj.token];
            let written = &t.surface(text)[adj.stem_len..];
            let endings: HashSet<&str> = readings
                .iter()
                .map(|r| adjective_ending(decl, *r))
                .collect();
            if endings.len() != 1 || !endings.contains(written) {
                return None;
            }
            let others: Vec<String> = ADJECTIVE_ENDINGS
                .iter()
                .filter(|e| **e != written)
                .map(|e| (*e).to_owned())
                .collect();
            Some((t.start + adj.stem_len, t.end, written.to_owned(), others))
        }
        Kind::Vocab => None,
    }
}

/// The drill items of `kind`: at most `opts.items`, one per sentence, key sentences first (by
/// `scores`), never in a sentence another item uses (`taken`) or that shows an answer on
/// `sheet`; in article order.
#[allow(clippy::too_many_arguments)]
pub(super) fn drill_items(
    doc: &Document,
    scores: &[SentenceScore],
    kind: Kind,
    opts: &ClozeOptions,
    taken: &HashSet<usize>,
    sheet: &mut Sheet,
    rng: &mut dyn Rng,
) -> Vec<ClozeItem> {
    let memo = Memo::default();
    let mut order: Vec<usize> = (0..doc.sentences.len()).collect();
    order.sort_by(|&a, &b| {
        let sa = scores.get(a).map_or(0.0, |s| s.score);
        let sb = scores.get(b).map_or(0.0, |s| s.score);
        sb.total_cmp(&sa).then(a.cmp(&b))
    });
    let mut items: Vec<ClozeItem> = Vec::new();
    let mut asked: HashMap<String, usize> = HashMap::new();
    // the title and teaser are no drill's sentence either
    let teaser = super::generate::teaser_sentences(doc);
    for si in order {
        let used = |a: &str| asked.get(&a.to_lowercase()).copied().unwrap_or(0);
        if items.len() >= opts.items {
            break;
        }
        if taken.contains(&si) || si < teaser {
            continue;
        }
        let sent = &doc.sentences[si];
        let Some(sentence) = item_sentence(doc, si, opts) else {
            continue;
        };
        // no answer of another item, and no drill's phrase (it would show that answer, or
        // ask for the same phrase again)
        if sheet.reveals_an_answer(&sentence, None) {
            continue;
        }
        let toks = &sent.tokens;
        // the sentence as shown: after a dateline, which holds no phrase
        let shown = shown_start(doc, si);
        // the phrases whose answer nothing else on the sheet shows (bei _____ Pressekonferenz
        // where a vocabulary item's sentence has "bei einer Pressekonferenz"), nor the
        // sentence itself elsewhere, and that no drill asked for already
        let found: Vec<(usize, usize, String, Vec<String>, String, PhraseKey)> =
            phrases(doc, si, &memo)
                .iter()
                .filter_map(|p| {
                    let (s, e, a, o) = drill(doc, si, p, kind)?;
                    if s < shown {
                        return None;
                    }
                    let first = match kind {
                        Kind::Articles => p.article.as_ref()?.0,
                        _ => p.adjectives.first()?.token,
                    };
                    // no more than MAX_SAME_ANSWER items with one answer, and none whose
                    // answer a parallel phrase shows just before it
                    let gap = toks.iter().position(|t| t.start <= s && s < t.end)?;
                    if used(&a) >= MAX_SAME_ANSWER || parallel_answer(doc, si, gap, &a, kind, &memo)
                    {
                        return None;
                    }
                    let key = PhraseKey::new(
                        toks[first].surface(&doc.text),
                        toks[p.noun_token].surface(&doc.text),
                    );
                    let prompt = format!("{}{GAP}{}", &doc.text[shown..s], &doc.text[e..sent.end]);
                    (!sheet.shows_phrase(&key, Some(si)) && !key.revealed_by(&prompt))
                        .then(|| (s, e, a, o, p.noun_lemma.clone(), key))
                })
                .collect();
        // the answers asked least so far first: a variety of cases and genders
        let least = found.iter().map(|f| used(&f.2)).min();
        let found: Vec<_> = found
            .into_iter()
            .filter(|f| Some(used(&f.2)) == least)
            .collect();
        let Some((start, end, answer, others, lemma, key)) = found.choose(rng).cloned() else {
            continue;
        };
        let mut choices = Vec::new();
        if opts.choices >= 2 {
            let mut pool = others;
            pool.shuffle(rng);
            pool.truncate(opts.choices - 1);
            choices = pool;
            choices.push(answer.clone());
            choices.shuffle(rng);
        }
        let (s, e) = (start - shown, end - shown);
        let hint = match kind {
            Kind::Articles => {
                let (a, _) = Article::parse(&answer.to_lowercase()).expect("an article");
                a.name_de().to_owned()
            }
            _ => "Endung".to_owned(),
        };
        let prompt = format!("{}{GAP}{}", &sentence[..s], &sentence[e..]);
        *asked.entry(answer.to_lowercase()).or_insert(0) += 1;
        // the gender-and-plural drill must not ask for a noun this sentence shows
        sheet.add_text(&prompt, Some(si));
        sheet.add_phrase(key, Some(si));
        items.push(ClozeItem {
            id: 0,
            kind,
            prompt,
            sentence,
            answer,
            lemma,
            hint,
            choices,
            sentence_index: si,
            start: s,
            end: e,
            source_start: start,
            source_end: end,
            gloss: None,
            article: None,
        });
    }
    items.sort_by_key(|i| (i.sentence_index, i.start));
    items
}

/// Most items of one drill with the same answer (*ein … -es* three times is one pattern drilled
/// thrice).
const MAX_SAME_ANSWER: usize = 2;

/// How many words before a gap [`parallel_answer`] looks at.
const PARALLEL_WINDOW: usize = 6;

/// Whether the answer of a drill at token `gap` stands in a parallel phrase just before it,
/// joined by a coordinator or a comma (*ein Motivationsschreiben und _____ klärendes
/// Gespräch*, *die Partei wie _____ frühere …*; *ein kleines und ein groß_____ Haus*): the
/// sentence shows it.
fn parallel_answer(
    doc: &Document,
    si: usize,
    gap: usize,
    answer: &str,
    kind: Kind,
    memo: &Memo,
) -> bool {
    let toks = &doc.sentences[si].tokens;
    let answer = answer.to_lowercase();
    (gap.saturating_sub(PARALLEL_WINDOW)..gap).rev().any(|j| {
        let w = toks[j].lower();
        let shows = match kind {
            Kind::Articles => w == answer,
            _ => {
                !toks[j].capitalized
                    && w.len() > answer.len() + 2
                    && w.ends_with(&answer)
                    && memo.analyze(w).is_some_and(|a| a.pos == Pos::Adj)
            }
        };
        shows && {
            let between = &doc.text[toks[j].end..toks[gap].start];
            between.contains(',')
                || toks[j + 1..gap].iter().any(|t| {
                    matches!(
                        t.lower(),
                        "und" | "oder" | "sowie" | "wie" | "als" | "bzw" | "sondern"
                    )
                })
        }
    })
}

/// Whether the gender-and-plural drill leaves out noun `e` (beside what it requires anyway:
/// one gender, a plural, a meaning): a plural that is rare in use (*die Bevölkerungen*, *die
/// Verdachte*: [`plural_is_rare`]), an ad-hoc hyphenated compound (*Terrorismus-Ermittlung*:
/// no dictionary lists it), a noun whose form stands anywhere on the sheet (*bei Kontrollen*
/// shows the plural, *die Verwaltung* the gender), or one that repeats a noun of the drill
/// (`chosen`) as a compound's head (*Kanzler*, *Vizekanzler*).
pub(super) fn noun_drill_skips(e: &VocabEntry, chosen: &[NounDrill], sheet: &Sheet) -> bool {
    let Some(plural) = e.plural.as_deref() else {
        return true;
    };
    let lower = e.lemma.to_lowercase();
    plural_is_rare(&e.lemma, plural)
        || head_plural_is_rare(e, plural)
        || e.lemma.contains('-')
        || sheet.gives_away(
            &AnswerKeys::noun_forms(plural, &e.lemma, e.parts.last()),
            None,
        )
        || chosen.iter().any(|o| {
            let o = o.lemma.to_lowercase();
            lower.ends_with(&o) || o.ends_with(&lower)
        })
}

/// Whether a compound the dictionary does not list has its plural only from its head, and
/// the head's plural is rare in use (*Konsumentenschutz*: *Schutz* has *Schutze* in
/// Wiktionary, which nobody writes), unless the article writes the plural: [`plural_is_rare`]
/// compares the compound's own frequencies, where a rare compound's singular is as rare as
/// its plural.
fn head_plural_is_rare(e: &VocabEntry, plural: &str) -> bool {
    if e.parts.len() < 2
        || lexicon().noun(&e.lemma).is_some()
        || e.forms.iter().any(|f| f == plural)
    {
        return false;
    }
    let Some(head) = e.parts.last() else {
        return false;
    };
    let modifiers = e.lemma.len().saturating_sub(head.len());
    let (Some(tail), Some(mods)) = (plural.get(modifiers..), e.lemma.get(..modifiers)) else {
        return false;
    };
    if !plural.starts_with(mods) {
        return false;
    }
    let cap = |w: &str| {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    plural_is_rare(&cap(head), &cap(tail))
}

/// The plural of a glossary line: the dictionary notation (`-n`, `¨-e`), or `meist Singular`
/// when the plural is rare in use (*die Umwelt*, *die Polizei*) rather than a form nobody
/// writes; a masculine noun of a person keeps its plural (*der Generalsekretär, -e*: there are
/// few of them, but the word is a count noun).
pub(super) fn glossary_plural(e: &VocabEntry) -> Option<String> {
    let plural = e.plural.as_deref()?;
    let person = e.gender == Some("m")
        && super::distractors::noun_type(&e.lemma, e.gloss.as_deref())
            == super::distractors::NounType::Agent;
    if !person && (plural_is_rare(&e.lemma, plural) || head_plural_is_rare(e, plural)) {
        return Some("meist Singular".to_owned());
    }
    e.plural_short()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compound_whose_head_has_no_plural_in_use_is_asked_without_one() {
        let text = "Der Konsumentenschutz fordert mehr Rechte für Kunden. Der Konsumentenschutz in Österreich ist stark. Die Arbeiterkammer kritisiert den Handel scharf.";
        let doc = Document::new(text).unwrap();
        let ranking = crate::vocab::Ranking::for_one_list(&doc, crate::IdfTable::embedded(), false);
        let vocab = ranking.entries(&crate::vocab::VocabOptions {
            uncut: true,
            ..crate::vocab::VocabOptions::default()
        });
        let e = vocab
            .iter()
            .find(|e| e.lemma == "Konsumentenschutz")
            .unwrap();
        // (the vocabulary itself now shows no plural of a compound of *Schutz*)
        assert!(
            e.plural
                .as_deref()
                .is_none_or(|p| head_plural_is_rare(e, p))
        );
        assert!(glossary_plural(e).is_none_or(|p| p == "meist Singular"));
        let e = vocab.iter().find(|e| e.lemma == "Arbeiterkammer").unwrap();
        assert!(!head_plural_is_rare(e, e.plural.as_deref().unwrap()));
    }

    fn items(text: &str, kind: Kind) -> Vec<ClozeItem> {
        let doc = Document::new(text).unwrap();
        let scores = crate::Summarizer::default().scores(&doc);
        let opts = ClozeOptions::default();
        let mut rng = <rand::rngs::StdRng as rand::SeedableRng>::seed_from_u64(1);
        drill_items(
            &doc,
            &scores,
            kind,
            &opts,
            &HashSet::new(),
            &mut Sheet::new(""),
            &mut rng,
        )
    }

    #[test]
    fn one_answer_is_drilled_at_most_twice() {
        // every sentence has one phrase only, an "ein" before a neuter noun
        let it = items(
            "Die Stadt plant ein neues Stadion am Rand der Innenstadt. \
             Der Verein baut ein großes Trainingszentrum am Stadtrand. \
             Die Regierung fordert ein klares Bekenntnis zur Reform. \
             Der Konzern eröffnet ein modernes Werk in Ungarn. \
             Die Schule bekommt ein eigenes Labor für Chemie.",
            Kind::Endings,
        );
        let es = it.iter().filter(|i| i.answer == "es").count();
        assert!(!it.is_empty());
        assert!(es <= 2, "{es} items ask for -es");
    }

    #[test]
    fn an_answer_shown_in_a_parallel_phrase_is_no_item() {
        let text = "Für die Stelle verlangt die Firma ein Motivationsschreiben und ein persönliches Gespräch mit dem Chef.";
        let it = items(text, Kind::Articles);
        let second = text.rfind(" ein ").unwrap() + 1;
        assert!(
            it.iter().all(|i| i.source_start != second),
            "{:?}",
            it.iter().map(|i| &i.prompt).collect::<Vec<_>>()
        );
        let it = items(
            "Er kaufte ein kleines und ein großes Haus am See.",
            Kind::Endings,
        );
        assert!(
            it.iter()
                .all(|i| i.answer != "es" || i.prompt.contains("klein_____"))
        );
    }

    #[test]
    fn a_phrase_is_drilled_once() {
        // the lead repeats the subtitle: des Finanzministeriums twice is one item
        let it = items(
            "Ein Sprecher des Finanzministeriums bestätigte am Montag alle Pläne. \
             Auch ein Sprecher des Finanzministeriums äußerte sich am Dienstag dazu.",
            Kind::Articles,
        );
        let phrases: Vec<(&str, &str)> = it
            .iter()
            .map(|i| (i.answer.as_str(), i.lemma.as_str()))
            .collect();
        assert_eq!(phrases, [("des", "Finanzministerium")]);
    }

    #[test]
    fn no_drill_whose_answer_shows_elsewhere_on_the_sheet() {
        let text = "Der Minister nannte bei einer Pressekonferenz am Montag keine Details.";
        let doc = Document::new(text).unwrap();
        let scores = crate::Summarizer::default().scores(&doc);
        let opts = ClozeOptions::default();
        let drills = |sheet: &mut Sheet| {
            let mut rng = <rand::rngs::StdRng as rand::SeedableRng>::seed_from_u64(1);
            drill_items(
                &doc,
                &scores,
                Kind::Articles,
                &opts,
                &HashSet::new(),
                sheet,
                &mut rng,
            )
        };
        let alone = drills(&mut Sheet::new(""));
        assert!(alone.iter().any(|i| i.answer == "einer"), "{alone:?}");
        // a vocabulary item's sentence shows "bei einer Pressekonferenz" (with another
        // preposition and adjectives between it would too: vor der ersten Pressekonferenz)
        for shown in [
            "Die Ministerin sagte bei einer Pressekonferenz in Wien, die _____ sei gut.",
            "Sie kam nach einer langen, turbulenten Pressekonferenz zu spät zum _____.",
        ] {
            let mut sheet = Sheet::new("");
            sheet.add_text(shown, Some(7));
            let with = drills(&mut sheet);
            assert!(with.iter().all(|i| i.answer != "einer"), "{with:?}");
        }
        // another article of the noun shows no answer
        let mut sheet = Sheet::new("");
        sheet.add_text("Nach der Pressekonferenz war es still im _____.", Some(7));
        assert!(drills(&mut sheet).iter().any(|i| i.answer == "einer"));
    }

    #[test]
    fn nouns_declined_like_adjectives() {
        for lemma in [
            "Aufsichtsratsvorsitzende",
            "Angestellte",
            "Abgeordnete",
            "Beschäftigte",
            "Vorsitzende",
            "Parteivorsitzende",
        ] {
            assert!(declined_like_adjective(lemma), "{lemma}");
        }
        for lemma in [
            "Grenze",
            "Landesliste",
            "Branche",
            "Sitzung",
            "Regierungschef",
            "Kandidat",
        ] {
            assert!(!declined_like_adjective(lemma), "{lemma}");
        }
        // no article drill on one: der or die Aufsichtsratsvorsitzende
        let text = "Die Firma hat eine neue Führung. Sie wird von der Aufsichtsratsvorsitzende Maria Huber geleitet. Das wurde am Montag in Wien mitgeteilt.";
        assert!(
            items(text, Kind::Articles)
                .iter()
                .all(|i| !i.lemma.ends_with("vorsitzende")),
        );
    }

    #[test]
    fn articles_only_where_determined() {
        let it = items(
            "Die USA und Japan wollen im Bereich der wirtschaftlichen Sicherheit enger zusammenarbeiten. \
             Die Firmen haben mit dem neuen Lieferanten Preise abgesprochen.",
            Kind::Articles,
        );
        let answers: Vec<(&str, &str)> = it
            .iter()
            .map(|i| (i.answer.as_str(), i.lemma.as_str()))
            .collect();
        assert!(answers.contains(&("der", "Sicherheit")), "{answers:?}");
        for i in &it {
            assert_eq!(&i.sentence[i.start..i.end], i.answer);
            assert!(i.choices.contains(&i.answer));
        }
    }

    #[test]
    fn endings_only_where_determined() {
        let it = items(
            "Die USA und Japan wollen im Bereich der wirtschaftlichen Sicherheit enger zusammenarbeiten. \
             Mildernd wirkte sich die im damaligen Zeitraum angespannte Situation aus.",
            Kind::Endings,
        );
        assert!(!it.is_empty());
        for i in &it {
            assert_eq!(i.answer, "en", "{}", i.prompt);
            assert!(
                i.prompt.contains("wirtschaftlich_____") || i.prompt.contains("damalig_____"),
                "{}",
                i.prompt
            );
        }
    }
}
