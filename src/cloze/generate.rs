//! Making cloze items from an article.
//!
//! 1. **Sentences**: the summarizer's ranking (key sentences first, then the rest by score);
//!    only body sentences (never boilerplate) of `min_words..=max_words` words.
//! 2. **Gaps**: domain terms first (hand-written lexicon entries and compounds with a domain
//!    part): a first pass over the sentences takes only those, a second one (when the article
//!    has too few) other content words the lexicon knows; within a sentence ranked by TF-IDF
//!    weight. Never stop words, function words, numbers, names of people and places, or words
//!    of a longer name (*die Vereinigten Staaten*). An answer whose lemma or stem occurs
//!    elsewhere in the sentence is skipped (no giveaway), and a lemma is asked once per
//!    worksheet. Among candidates within 10 % of the best, the seeded RNG picks.
//! 3. **Hints**: article, gloss, first letter, length, as chosen; a gloss that spells the answer
//!    (*Inflation* — inflation) is left out.
//! 4. **Choices**: distractors of the same part of speech; nouns of the same gender, put in the
//!    same case and number as the answer (so grammar does not give it away); adjectives and
//!    verbs with the answer's ending, in a form the lexicon reads back; a similar level, the
//!    same category preferred; from the article first, then from the lexicon; never a form of
//!    the answer's lemma, never one of its listed synonyms, never a name.
//!
//! All random choices go through the `rng` passed in: the same article, options and seed give
//! the same worksheet.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};

use super::{ClozeItem, GAP, Worksheet};
use crate::document::Document;
use crate::idf::IdfTable;
use crate::lexicon::{
    Analysis, Case, DomainEntry, Gender, Level, Number, Pos, level_for_zipf, lexicon,
};
use crate::score::{SentenceScore, TermWeights};
use crate::tokenize::TokenKind;
use crate::vocab::{KnownWords, in_multiword_name};

/// Which hints to show with a gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hints {
    /// `der`/`die`/`das` for nouns.
    pub article: bool,
    /// The English gloss.
    pub gloss: bool,
    /// The answer's first letter.
    pub first_letter: bool,
    /// The answer's letter count.
    pub length: bool,
}

impl Default for Hints {
    fn default() -> Self {
        Hints {
            article: true,
            gloss: true,
            first_letter: false,
            length: false,
        }
    }
}

impl std::str::FromStr for Hints {
    type Err = crate::Error;
    /// `none`, `all`, or a comma list of `article`, `gloss`, `first-letter`, `length`.
    fn from_str(s: &str) -> crate::Result<Hints> {
        let mut h = Hints {
            article: false,
            gloss: false,
            first_letter: false,
            length: false,
        };
        for part in s.split(',').map(str::trim) {
            match part {
                "none" => {}
                "all" => {
                    h = Hints {
                        article: true,
                        gloss: true,
                        first_letter: true,
                        length: true,
                    }
                }
                "article" => h.article = true,
                "gloss" => h.gloss = true,
                "first-letter" => h.first_letter = true,
                "length" => h.length = true,
                other => {
                    return Err(crate::Error::new(crate::ErrorKind::InvalidOption(format!(
                        "unknown hint '{other}' (use none, first-letter, length, article, gloss or all)"
                    ))));
                }
            }
        }
        Ok(h)
    }
}

/// Options of [`generate`].
#[derive(Debug, Clone, PartialEq)]
pub struct ClozeOptions {
    /// Number of items. Default 10.
    pub items: usize,
    /// Gaps per sentence (each gap is an item of its own). Default 1.
    pub gaps: usize,
    /// Hints. Default article + gloss.
    pub hints: Hints,
    /// Choices per item including the answer; below 2 means no multiple choice. Default 4.
    pub choices: usize,
    /// Shortest sentence in words. Default 6.
    pub min_words: usize,
    /// Longest sentence in words. Default 40.
    pub max_words: usize,
    /// Only answers whose level is in this range (unknown levels pass).
    pub levels: Option<(Level, Level)>,
    /// Words the learner knows: never a gap.
    pub known: KnownWords,
}

impl Default for ClozeOptions {
    fn default() -> Self {
        ClozeOptions {
            items: 10,
            gaps: 1,
            hints: Hints::default(),
            choices: 4,
            min_words: 6,
            max_words: 40,
            levels: None,
            known: KnownWords::default(),
        }
    }
}

/// A default seed derived from the text (FNV-1a, 64 bit): the same article gives the same
/// worksheet without `--seed`.
pub fn seed_from_text(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A gap candidate in a sentence.
#[derive(Debug, Clone)]
struct Candidate {
    token: usize,
    analysis: Analysis,
    score: f32,
}

/// Make a worksheet of cloze items from `doc`, whose sentences were scored by the summarizer.
pub fn generate(
    doc: &Document,
    scores: &[SentenceScore],
    idf: &IdfTable,
    title: &str,
    opts: &ClozeOptions,
    rng: &mut dyn Rng,
) -> Worksheet {
    let weights = TermWeights::new(doc, idf);
    let mut order: Vec<usize> = (0..doc.sentences.len()).collect();
    order.sort_by(|&a, &b| scores[b].score.total_cmp(&scores[a].score).then(a.cmp(&b)));

    // analyse every content word once: lemma → analysis, used for gaps and distractors
    let mut asked: HashSet<String> = HashSet::new();
    let mut items: Vec<ClozeItem> = Vec::new();
    let memo = Memo::default();
    let article_words = article_vocabulary(doc, &memo);

    // two passes over the sentences, best first: domain terms only, then (when the article has
    // too few) any content word; a sentence takes at most `gaps` gaps in all
    let mut used = vec![0usize; doc.sentences.len()];
    let mut sentence_cands: Vec<Option<Vec<Candidate>>> = vec![None; doc.sentences.len()];
    for domain_only in [true, false] {
        for &si in &order {
            if items.len() >= opts.items {
                break;
            }
            if used[si] >= opts.gaps {
                continue;
            }
            let sent = &doc.sentences[si];
            let words = sent
                .tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .count();
            if words < opts.min_words || words > opts.max_words {
                continue;
            }
            let mut cands = sentence_cands[si]
                .get_or_insert_with(|| candidates(doc, si, &weights, opts, &memo))
                .clone();
            cands.retain(|c| {
                !asked.contains(&c.analysis.lemma)
                    && (c.analysis.domain || !domain_only)
                    && !opts.known.contains(&c.analysis.lemma)
            });
            while used[si] < opts.gaps && items.len() < opts.items && !cands.is_empty() {
                let best = cands[0].score;
                let near: Vec<usize> = (0..cands.len())
                    .filter(|&i| cands[i].score >= best * 0.9)
                    .collect();
                let pick = *near.choose(rng).expect("near is not empty");
                let c = cands.remove(pick);
                let tok = &sent.tokens[c.token];
                let answer = tok.surface(&doc.text).to_owned();
                // multiple choice needs K-1 distractors: a word without enough is no gap
                let mut choices = Vec::new();
                if opts.choices >= 2 {
                    choices = distractors(
                        &memo,
                        &answer,
                        &c.analysis,
                        &article_words,
                        opts.choices - 1,
                        rng,
                    );
                    if choices.len() < opts.choices - 1 {
                        continue;
                    }
                    choices.push(answer.clone());
                    choices.shuffle(rng);
                }
                let sentence = doc.text[sent.start..sent.end].to_owned();
                let (start, end) = (tok.start - sent.start, tok.end - sent.start);
                let prompt = format!("{}{GAP}{}", &sentence[..start], &sentence[end..]);
                let gloss = c.analysis.gloss.clone();
                let article = match (c.analysis.pos, c.analysis.gender) {
                    (Pos::Noun, Some(g)) => Some(g.article().to_owned()),
                    _ => None,
                };
                // a gloss that spells the answer (Inflation — inflation) is no hint but the
                // solution: left out of the hint (the quiz still shows it after answering)
                let gloss_hint = gloss.as_deref().filter(|g| {
                    let g = g.to_lowercase();
                    !g.contains(&answer.to_lowercase())
                        && !g.contains(&c.analysis.lemma.to_lowercase())
                });
                let hint = hint_text(&answer, article.as_deref(), gloss_hint, opts.hints);
                asked.insert(c.analysis.lemma.clone());
                cands.retain(|o| o.analysis.lemma != c.analysis.lemma);
                items.push(ClozeItem {
                    id: items.len() + 1,
                    sentence,
                    prompt,
                    answer,
                    lemma: c.analysis.lemma.clone(),
                    hint,
                    choices,
                    sentence_index: si,
                    start,
                    end,
                    source_start: tok.start,
                    source_end: tok.end,
                    gloss,
                    article,
                });
                used[si] += 1;
            }
        }
    }
    // present the items in article order, numbered
    items.sort_by_key(|i| (i.sentence_index, i.start));
    for (n, it) in items.iter_mut().enumerate() {
        it.id = n + 1;
    }
    Worksheet {
        title: title.to_owned(),
        items,
    }
}

fn level_ok(a: &Analysis, opts: &ClozeOptions) -> bool {
    match (opts.levels, a.level) {
        (Some((lo, hi)), Some(l)) => lo <= l && l <= hi,
        _ => true,
    }
}

/// Gap candidates of sentence `si`, best first.
fn candidates(
    doc: &Document,
    si: usize,
    weights: &TermWeights,
    opts: &ClozeOptions,
    memo: &Memo,
) -> Vec<Candidate> {
    let lex = lexicon();
    let sent = &doc.sentences[si];
    let mut out: Vec<Candidate> = Vec::new();
    for (ti, t) in sent.tokens.iter().enumerate() {
        if !t.is_content() || t.lower().chars().count() < 3 {
            continue;
        }
        let surface = t.surface(&doc.text);
        if lex.is_function_word(surface) {
            continue;
        }
        if memo.is_name(surface, ti == 0) || in_multiword_name(doc, si, ti) {
            continue;
        }
        let Some(a) = memo.analyze(surface) else {
            continue;
        };
        if a.pos == Pos::Other || !level_ok(&a, opts) {
            continue;
        }
        // no giveaway: no other token of the sentence shares the stem, the lemma, or contains
        // the lemma (a compound that spells the answer out)
        let lemma_lower = a.lemma.to_lowercase();
        let giveaway = sent.tokens.iter().enumerate().any(|(j, o)| {
            j != ti
                && (o.stem() == t.stem()
                    || (lemma_lower.chars().count() >= 4 && o.lower().contains(&lemma_lower))
                    || (t.lower().chars().count() >= 4 && o.lower().contains(t.lower())))
        });
        if giveaway {
            continue;
        }
        let domain = if a.domain { 3.0 } else { 1.0 };
        let pos = match a.pos {
            Pos::Noun => 1.0,
            Pos::Verb => 0.8,
            _ => 0.7,
        };
        let score = domain * pos * weights.get(t.stem()).max(0.1);
        if out.iter().any(|c| c.analysis.lemma == a.lemma) {
            continue;
        }
        out.push(Candidate {
            token: ti,
            analysis: a,
            score,
        });
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.token.cmp(&b.token)));
    out
}

/// Content words of the article with their analyses, first occurrence order, one per lemma.
fn article_vocabulary(doc: &Document, memo: &Memo) -> Vec<Analysis> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for s in &doc.sentences {
        for (ti, t) in s.tokens.iter().enumerate() {
            if !t.is_content() {
                continue;
            }
            let surface = t.surface(&doc.text);
            if memo.is_name(surface, ti == 0) {
                continue;
            }
            if let Some(a) = memo.analyze(surface)
                && a.pos != Pos::Other
                && seen.insert((a.lemma.clone(), a.pos))
            {
                out.push(a);
            }
        }
    }
    out
}

fn hint_text(answer: &str, article: Option<&str>, gloss: Option<&str>, h: Hints) -> String {
    let mut parts: Vec<String> = Vec::new();
    if h.article
        && let Some(a) = article
    {
        parts.push(a.to_owned());
    }
    if h.first_letter
        && let Some(c) = answer.chars().next()
    {
        parts.push(format!("{c}…"));
    }
    if h.length {
        parts.push(format!(
            "{} Buchstaben",
            answer.chars().filter(|c| c.is_alphabetic()).count()
        ));
    }
    if h.gloss
        && let Some(g) = gloss
    {
        parts.push(g.to_owned());
    }
    parts.join(" · ")
}

/// Look-ups already made for this worksheet: analyses and name checks of the article's words,
/// noun forms of candidates (the same candidates come up for many gaps, and analysing or
/// inflecting a compound means splitting it).
#[derive(Debug, Default)]
struct Memo {
    forms: RefCell<HashMap<(String, Case, Number), Option<String>>>,
    analyses: RefCell<HashMap<String, Option<Analysis>>>,
    names: RefCell<HashMap<String, bool>>,
}

impl Memo {
    /// `lexicon().inflect_noun`.
    fn noun(&self, lemma: &str, case: Case, number: Number) -> Option<String> {
        let key = (lemma.to_owned(), case, number);
        if let Some(f) = self.forms.borrow().get(&key) {
            return f.clone();
        }
        let f = lexicon().inflect_noun(lemma, case, number);
        self.forms.borrow_mut().insert(key, f.clone());
        f
    }

    /// `lexicon().analyze`.
    fn analyze(&self, surface: &str) -> Option<Analysis> {
        if let Some(a) = self.analyses.borrow().get(surface) {
            return a.clone();
        }
        let a = lexicon().analyze(surface);
        self.analyses
            .borrow_mut()
            .insert(surface.to_owned(), a.clone());
        a
    }

    /// `lexicon().is_proper_name`, or `is_proper_name_at_sentence_start` for the first word.
    fn is_name(&self, surface: &str, sentence_start: bool) -> bool {
        let lex = lexicon();
        if sentence_start {
            return lex.is_proper_name_at_sentence_start(surface);
        }
        if let Some(&n) = self.names.borrow().get(surface) {
            return n;
        }
        let n = lex.is_proper_name(surface);
        self.names.borrow_mut().insert(surface.to_owned(), n);
        n
    }
}

/// The (case, number) slots of a noun lemma whose form is `form`, most likely first.
fn noun_slots(memo: &Memo, lemma: &str, form: &str) -> Vec<(Case, Number)> {
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

/// The ending of an inflected adjective/verb form after its lemma's stem, if the form is built
/// regularly from it.
fn regular_ending<'a>(lemma: &str, pos: Pos, form: &'a str) -> Option<&'a str> {
    let form_lower = form.to_lowercase();
    let stem = match pos {
        Pos::Verb => lemma
            .strip_suffix("en")
            .or_else(|| lemma.strip_suffix('n'))
            .unwrap_or(lemma),
        _ => lemma,
    };
    let stem = stem.to_lowercase();
    if form_lower.starts_with(&stem) {
        let cut = form
            .char_indices()
            .nth(stem.chars().count())
            .map_or(form.len(), |(i, _)| i);
        Some(&form[cut..])
    } else {
        None
    }
}

/// Put `cand` (a lemma of the same part of speech) into the answer's form.
/// `slots` are the answer's [`noun_slots`] (computed once per answer: they are the same for
/// every candidate).
fn inflect_like(
    memo: &Memo,
    answer: &str,
    a: &Analysis,
    slots: &[(Case, Number)],
    cand: &str,
    cand_gender: Option<Gender>,
) -> Option<String> {
    let lex = lexicon();
    match a.pos {
        Pos::Noun => {
            if cand_gender != a.gender {
                return None;
            }
            // the candidate must be as ambiguous as the answer: the same form in every slot the
            // answer's form can fill (Regierungschefs: genitive singular and plural)
            let &(case, number) = slots.first()?;
            let form = memo.noun(cand, case, number)?;
            for &(c, n) in &slots[1..] {
                if memo.noun(cand, c, n).as_deref() != Some(form.as_str()) {
                    return None;
                }
            }
            // the same ending: the candidate's form in that slot must end like the answer when
            // the answer's ending is an inflection (-n, -en, -s, -es, -e, -ern, -er)
            let ending_ok = ["ern", "en", "es", "er", "n", "s", "e"]
                .iter()
                .find(|e| answer.ends_with(*e) && !a.lemma.ends_with(*e))
                .is_none_or(|e| form.ends_with(e));
            ending_ok.then_some(form)
        }
        Pos::Adj | Pos::Verb => {
            let ending = regular_ending(&a.lemma, a.pos, answer)?;
            // adjectives: declension endings only (a comparative or superlative would need the
            // candidate's own, often irregular, degree forms)
            if a.pos == Pos::Adj && !matches!(ending, "" | "e" | "en" | "em" | "er" | "es") {
                return None;
            }
            let stem = match a.pos {
                Pos::Verb => cand
                    .strip_suffix("en")
                    .or_else(|| cand.strip_suffix('n'))
                    .unwrap_or(cand),
                _ => cand,
            };
            if a.pos == Pos::Verb
                && !(cand.ends_with("en") || cand.ends_with("ern") || cand.ends_with("eln"))
            {
                return None;
            }
            let mut f = if a.pos == Pos::Verb && answer.eq_ignore_ascii_case(&a.lemma) {
                // the infinitive: the candidate's own (annähern, not annäheren)
                cand.to_owned()
            } else {
                if a.pos == Pos::Verb && !verb_endings_fit(&a.lemma, cand, stem, ending) {
                    return None;
                }
                format!("{stem}{ending}")
            };
            if answer.chars().next().is_some_and(char::is_uppercase) {
                let mut cs = f.chars();
                if let Some(c) = cs.next() {
                    f = c.to_uppercase().chain(cs).collect();
                }
            }
            // the form must be one the lexicon reads back as the candidate (no wachst for
            // wächst, no made-up forms)
            let back = lex.analyze(&f.to_lowercase())?;
            (back.pos == a.pos && back.lemma.eq_ignore_ascii_case(cand)).then_some(f)
        }
        Pos::Other => None,
    }
}

/// Whether the answer's verb ending carries over to a candidate with stem `cand_stem`: both
/// infinitives in `-en` or both in `-ern`/`-eln` (wir arbeiten / wir ändern), and an ending
/// with an inserted e (arbeit-et, arbeit-est) only after a stem in t or d, one without it only
/// after other stems (mach-t, not arbeit-t).
fn verb_endings_fit(lemma: &str, cand: &str, cand_stem: &str, ending: &str) -> bool {
    let short = |v: &str| !v.ends_with("en");
    if short(lemma) != short(cand) {
        return false;
    }
    let td = cand_stem.ends_with('t') || cand_stem.ends_with('d');
    let inserted_e = ending.starts_with("et") || ending.starts_with("est");
    let bare = ending.starts_with('t') || ending.starts_with("st");
    !(inserted_e && !td || bare && td)
}

fn level_distance(a: Option<Level>, b: Option<Level>) -> usize {
    match (a, b) {
        (Some(a), Some(b)) => (a as usize).abs_diff(b as usize),
        _ => 1,
    }
}

/// Two forms overlap when one is the other or ends with it (a compound and its head:
/// `US-Beamten`/`Beamten`, `2+2-Gespräche`/`Gespräche`): the head would fit the gap too.
fn overlaps(a: &str, b: &str) -> bool {
    a == b || a.ends_with(b) || b.ends_with(a)
}

/// `k` distractors for `answer`.
fn distractors(
    memo: &Memo,
    answer: &str,
    a: &Analysis,
    article_words: &[Analysis],
    k: usize,
    rng: &mut dyn Rng,
) -> Vec<String> {
    let lex = lexicon();
    let answer_norm = answer.to_lowercase();
    let slots = if a.pos == Pos::Noun {
        noun_slots(memo, &a.lemma, answer)
    } else {
        Vec::new()
    };
    let forbidden: HashSet<String> = std::iter::once(a.lemma.to_lowercase())
        .chain(a.synonyms.iter().map(|s| s.to_lowercase()))
        .collect();
    // candidates: (form, preference); lower preference = better
    let mut pool: Vec<(String, usize)> = Vec::new();
    let push =
        |lemma: &str, gender: Option<Gender>, pref: usize, pool: &mut Vec<(String, usize)>| {
            if forbidden.contains(&lemma.to_lowercase()) {
                return;
            }
            // the candidate must not list the answer as its synonym either
            if let Some(e) = lex.domain_entry(lemma, a.pos)
                && e.synonyms.iter().any(|s| s.eq_ignore_ascii_case(&a.lemma))
            {
                return;
            }
            // never a form that overlaps the answer or one already chosen, nor a name (Rom, the
            // city, as a form of der Rom)
            if let Some(form) = inflect_like(memo, answer, a, &slots, lemma, gender)
                && !overlaps(&form.to_lowercase(), &answer_norm)
                && !pool
                    .iter()
                    .any(|(f, _)| overlaps(&f.to_lowercase(), &form.to_lowercase()))
                && !memo.is_name(&form, false)
            {
                pool.push((form, pref));
            }
        };
    for w in article_words {
        if w.pos == a.pos && w.lemma != a.lemma {
            let pref = level_distance(w.level, a.level) + usize::from(w.category != a.category);
            push(&w.lemma, w.gender, pref, &mut pool);
        }
    }
    let better_than =
        |pool: &Vec<(String, usize)>, pref: usize| pool.iter().filter(|p| p.1 <= pref).count() >= k;
    if !better_than(&pool, 1) {
        // lexicon entries of the same part of speech (and gender), best preference first and
        // random among equals, tried until k better ones are in the pool (inflecting all would
        // be slow). The level comes from the entry or the lemma's frequency.
        let mut entries: Vec<(&DomainEntry, usize)> = lex
            .domain_entries()
            .filter(|e| e.pos == a.pos && e.lemma != a.lemma)
            .filter(|e| a.pos != Pos::Noun || e.gender == a.gender)
            .map(|e| {
                let level = e
                    .level
                    .or_else(|| lex.zipf(e.lemma).map(level_for_zipf))
                    .or(Some(Level::C2));
                let pref = 2
                    + level_distance(level, a.level)
                    + 2 * usize::from(Some(e.category) != a.category);
                (e, pref)
            })
            .collect();
        entries.shuffle(rng);
        entries.sort_by_key(|e| e.1);
        for (e, pref) in entries {
            if better_than(&pool, pref) {
                break;
            }
            push(e.lemma, e.gender, pref, &mut pool);
        }
    }
    // best preference first, random among equals
    pool.shuffle(rng);
    pool.sort_by_key(|p| p.1);
    pool.into_iter().take(k).map(|p| p.0).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_parse() {
        assert!(!"none".parse::<Hints>().unwrap().article);
        let h: Hints = "first-letter,length".parse().unwrap();
        assert!(h.first_letter && h.length && !h.gloss);
        assert!("bogus".parse::<Hints>().is_err());
        assert_eq!(
            hint_text(
                "Lieferketten",
                Some("die"),
                Some("supply chain"),
                "all".parse().unwrap()
            ),
            "die · L… · 12 Buchstaben · supply chain"
        );
    }

    #[test]
    fn seed_is_stable() {
        assert_eq!(seed_from_text(""), 0xcbf2_9ce4_8422_2325);
        assert_ne!(seed_from_text("a"), seed_from_text("b"));
    }
}
