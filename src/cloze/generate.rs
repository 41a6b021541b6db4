//! Making a worksheet from an article.
//!
//! 1. **Vocabulary items** ask for the article's key terms in the order of the vocabulary
//!    ranking ([`Ranking`]): the best-ranked term first, each at the occurrence whose
//!    sentence is furthest from the items chosen so far (a paragraph with fewer items first),
//!    at most `gaps` per sentence. A term must be a noun (a verb's options nearly always fit
//!    some reading of the sentence: *prüfen* beside *bewerten*; a typed adjective admits its
//!    synonyms: *abwegig* / *absurd*, *kostenfrei* / *kostenlos*, *hervorragend* /
//!    *herausragend*) with a
//!    meaning to show as the hint — an English gloss of one sense (not *line, pipe;
//!    management*) that is no cognate of the answer (`super::sheet::cognate`: *conflict* for
//!    *Konflikt*; then its German definition, else the gloss's other senses, else no item), or
//!    a German definition that is whole and holds no stem of the answer
//!    (`super::sheet::hint_gives_away`): one sense of the word's own Wiktionary entry, its
//!    only one or the one the vocabulary chose for the article among at most
//!    `crate::vocab::CHOSEN_SENSE_MAX_SENSES` (*Blüte* as a forged banknote; not a list of
//!    senses, nor the definition of a compound's head). Where the vocabulary doubts a domain
//!    gloss and chose a sense in its place (`VocabEntry::sense_over_gloss`: *Förderung*
//!    "funding" where a text promotes cohesion), that sense is the hint (the gloss only where
//!    that definition cannot be one; the glossary keeps the gloss). No hint shows the answer
//!    by the form of a word of its family (`super::sheet::FamilyKeys`: a German word on the
//!    stem of the lemma or of a part, *Menschen im Alter* for *Altenheim*, or starting as the
//!    lemma does, *moderiert* for *Moderator*; a shared root, *Epidemie* for *Pandemie*; an
//!    English word starting as a simple lemma does, *regulation* for *Regelung*): the other
//!    kind of hint then, or no item —, used as a noun in the article (capitalised
//!    mid-clause, not alone in quotation marks: no *Massiv* from *Massiven Streit gibt es*),
//!    worth a gap (above A2, no ad-hoc hyphenated
//!    compound, no institution's name such as *EU-Kommission*: see
//!    `super::sheet::worth_a_gap`), not a unit, currency, numeral noun, weekday
//!    or month, no English word by its spelling (*Software*; a word spelt like its English
//!    translation, *Krise*, *Konflikt*, comes after the other targets, so do transparent
//!    compounds and words whose domain gloss the vocabulary doubts, and last of all a word
//!    whose hint is a sense chosen among several, `sense_among_several`, which only fills a
//!    sheet of no item or one, `SENSE_FILL_BELOW`); an
//!    occurrence must not be a name, a word of a longer name, a title or function right before
//!    a name (*US-Präsident Joe Biden*), a part of a suspended compound (*Staats- und
//!    Regierungschefs*), or share its stem, lemma or compound parts with another word of its
//!    sentence (also a word whose stem begins or ends the answer: *Wir arbeiten zusammen* for
//!    *Zusammenarbeit*); its sentence must be whole (ending in `.`, `!` or `?`, brackets and quotes
//!    closed, no heading run into it, no web address), running text (not the teaser, no
//!    headline syntax, a verb in it: no *Der Lohn für die Mühen: 90 Punkte.*) and of
//!    `min_words..=max_words` words.
//!    When drills are asked for too, the best drill sentence is kept from the vocabulary items
//!    first (and none of their answers may show in it).
//! 2. **Together**: the items are chosen as one sheet ([`Sheet`]): an answer, its lemma, its
//!    compound parts and its word family appear nowhere else on it (title, other items'
//!    sentences and options, the gender-and-plural drill). A sheet of fewer than five items
//!    is tried again without each of its first answers in turn (one may block the rest:
//!    *Arbeitszeit* where every sentence speaks of *Arbeit*); the fullest is kept, and of two
//!    as full the one with fewer items whose hint is a sense chosen among several.
//! 3. **Options**: see `super::distractors`; a term without enough is no item.
//! 4. **Drills** (articles, adjective endings): see `super::drills`.
//! 5. **Gender-and-plural drill** and **glossary**: from the vocabulary; the drill takes nouns
//!    no item asks for and that give none away, never one declined like an adjective (*der/die
//!    Aufsichtsratsvorsitzende*), a name the lexicon takes for a noun, nor a word the article
//!    does not use as a noun (see 1.).
//!
//! All random choices go through the `rng` passed in: the same article, options and seed give
//! the same worksheet.

use std::cell::{OnceCell, RefCell};
use std::collections::{HashMap, HashSet};

use rand::Rng;
use rand::seq::SliceRandom;

use super::distractors::{Context, distractors};
use super::sheet::{AnswerKeys, CognateKeys, HintText, Sheet};
use super::{ClozeItem, GAP, GlossaryEntry, Kind, Kinds, NounDrill, Worksheet};
use crate::document::Document;
use crate::idf::IdfTable;
use crate::lexicon::grammar::{is_unit, is_weekday_or_month};
use crate::lexicon::{Analysis, Case, Level, Number, Pos, lexicon};
use crate::score::SentenceScore;
use crate::tokenize::TokenKind;
use crate::vocab::{
    Candidate, Entries, KnownWords, Ranking, VocabEntry, VocabOptions, in_multiword_name,
};

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
    /// Number of items of each kind. Default 10.
    pub items: usize,
    /// Vocabulary gaps per sentence (each gap is an item of its own). Default 1.
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
    /// Which kinds of items: vocabulary (default), articles, adjective endings.
    pub kinds: Kinds,
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
            kinds: Kinds::default(),
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

/// Make the worksheet of one article: its items of the kinds `opts` asks for (vocabulary
/// first, then the drills), the gender-and-plural drill and the glossary. `scores` are the
/// summarizer's sentence scores (the drills take key sentences first); `title` is the heading
/// (no answer may show in it).
pub fn generate(
    doc: &Document,
    scores: &[SentenceScore],
    idf: &IdfTable,
    title: &str,
    opts: &ClozeOptions,
    rng: &mut dyn Rng,
) -> Worksheet {
    generate_ranked(doc, scores, idf, None, title, opts, rng)
}

/// [`generate`] with the vocabulary ranking of `doc` made elsewhere (with `idf`), when there
/// is one: the vocabulary list of the article shares it.
pub(crate) fn generate_ranked(
    doc: &Document,
    scores: &[SentenceScore],
    idf: &IdfTable,
    ranking: Option<&Ranking>,
    title: &str,
    opts: &ClozeOptions,
    rng: &mut dyn Rng,
) -> Worksheet {
    // words the learner knows are no gaps, in no drill and in no glossary
    let vopts = VocabOptions {
        known: opts.known.clone(),
        uncut: true,
        ..VocabOptions::default()
    };
    let own;
    let ranking = match ranking {
        Some(ranking) if !ranking.all() => ranking,
        _ => {
            own = Ranking::for_one_list(doc, idf, false);
            &own
        }
    };
    // the entries are made as they are read: the items, the drill and the glossary need the
    // first few dozen of the ranking, not all
    let vocab = ranking.entries(&vopts);
    let memo = Memo::default();
    let mut sheet = Sheet::new(title);
    let mut items: Vec<ClozeItem> = Vec::new();
    // the best sentence of the first drill kind asked for that has one is kept from the
    // vocabulary items (which would otherwise take the article's sentences first) and shows
    // none of their answers: a sheet with drills has one wherever the article has one
    let mut reserved: HashSet<usize> = HashSet::new();
    if opts.kinds.contains(Kind::Vocab) {
        for kind in [Kind::Articles, Kind::Endings] {
            if !opts.kinds.contains(kind) {
                continue;
            }
            let one = ClozeOptions {
                items: 1,
                ..opts.clone()
            };
            let mut scratch = Sheet::new(title);
            let mut scratch_rng = <rand::rngs::StdRng as rand::SeedableRng>::seed_from_u64(0);
            let found = super::drills::drill_items(
                doc,
                scores,
                kind,
                &one,
                &reserved,
                &mut scratch,
                &mut scratch_rng,
            );
            if let Some(it) = found.first() {
                reserved.insert(it.sentence_index);
                sheet.add_text(&it.sentence, Some(it.sentence_index));
                break;
            }
        }
        let before = sheet.clone();
        // what the tries share (a thin sheet is tried again)
        let article = ArticleFacts::new(doc);
        let mut chosen = vocab_items(
            doc,
            &vocab,
            opts,
            (&memo, &article),
            (&reserved, &HashSet::new()),
            &mut sheet,
            rng,
        );
        // a thin sheet: one of its answers may block the rest (its compound parts stand in
        // most sentences: Arbeitszeit where every sentence speaks of Arbeit, and none may show
        // an answer); try without each of its first answers, keep the fullest sheet
        // (of two sheets of as many items, the one with fewer whose hint is a sense chosen
        // among several is kept: [`sense_among_several`])
        let lemmas: Vec<String> = chosen.iter().map(|i| i.lemma.clone()).collect();
        for lemma in lemmas.iter().take(THIN_SHEET_RETRIES) {
            if chosen.len() >= THIN_SHEET.min(opts.items) {
                break;
            }
            let mut other = before.clone();
            let skip = HashSet::from([lemma.clone()]);
            let tried = vocab_items(
                doc,
                &vocab,
                opts,
                (&memo, &article),
                (&reserved, &skip),
                &mut other,
                rng,
            );
            if (tried.len(), sure_items(&tried)) > (chosen.len(), sure_items(&chosen)) {
                chosen = tried;
                sheet = other;
            }
        }
        items.extend(chosen);
    }
    // a sentence shows one gap: a drill in an item's sentence would show that item's answer
    for kind in [Kind::Articles, Kind::Endings] {
        if opts.kinds.contains(kind) {
            let taken: HashSet<usize> = items.iter().map(|i| i.sentence_index).collect();
            items.extend(super::drills::drill_items(
                doc, scores, kind, opts, &taken, &mut sheet, rng,
            ));
        }
    }
    for (n, it) in items.iter_mut().enumerate() {
        it.id = n + 1;
    }
    let nouns = noun_drill(doc, &vocab, opts.items, &mut sheet);
    Worksheet {
        title: title.to_owned(),
        source: String::new(),
        date: None,
        items,
        nouns,
        glossary: glossary(&vocab),
    }
}

fn level_ok(level: Option<Level>, opts: &ClozeOptions) -> bool {
    match (opts.levels, level) {
        (Some((lo, hi)), Some(l)) => lo <= l && l <= hi,
        _ => true,
    }
}

/// The meaning hint of a gloss: a compound's gloss (`cartel + court; tribunal`) keeps the first
/// sense of each part; `None` when the gloss spells the answer (*Inflation* — inflation: no
/// hint but the solution).
pub fn meaning_hint(gloss: Option<&str>, answer: &str, lemma: &str) -> Option<String> {
    let gloss = gloss?.trim();
    let first_sense =
        |g: &str| -> String { g.split([';', ',']).next().unwrap_or(g).trim().to_owned() };
    let hint = if gloss.contains(" + ") {
        gloss
            .split(" + ")
            .map(first_sense)
            .collect::<Vec<_>>()
            .join(" + ")
    } else {
        gloss.to_owned()
    };
    let lower = hint.to_lowercase();
    let spelled = [answer, lemma].iter().any(|w| {
        let w = w.to_lowercase();
        w.chars().count() >= 3 && lower.contains(&w)
    });
    (!hint.is_empty() && !spelled).then_some(hint)
}

/// Sentences longer than this (in bytes) are never an item's: no worksheet sentence is that
/// long (the word limit, `max_words`, says 40 words), and checking a candidate costs time in
/// the sentence's length, once per word of the article it holds (a 50 MB line of text is one
/// sentence).
pub(crate) const MAX_ITEM_SENTENCE_BYTES: usize = 4_000;

/// How many of an article's first sentences may start with a dateline (*Wien – …*, *Berlin
/// (dpa) – …*): the teaser may come first, run into the body on one line.
const DATELINE_SENTENCES: usize = 3;

/// Where the item shown for sentence `si` starts in the text: after a dateline that opens one
/// of the article's first sentences (*Wien/Zürich – Die …*; the clean stage removes one only at
/// the start of a block), else the sentence's start.
pub(crate) fn shown_start(doc: &Document, si: usize) -> usize {
    let sent = &doc.sentences[si];
    if si >= DATELINE_SENTENCES {
        return sent.start;
    }
    let text = &doc.text[sent.start..sent.end];
    match crate::clean::dateline_len(text) {
        Some(len) if len < text.len() => sent.start + len,
        _ => sent.start,
    }
}

/// The text of sentence `si` as an item shows it (from [`shown_start`]) if it can carry an
/// item: at most [`MAX_ITEM_SENTENCE_BYTES`], between `min_words` and `max_words` words,
/// whole, and no heading glued to it.
pub(crate) fn item_sentence(doc: &Document, si: usize, opts: &ClozeOptions) -> Option<String> {
    let sent = &doc.sentences[si];
    if sent.end - sent.start > MAX_ITEM_SENTENCE_BYTES {
        return None;
    }
    let sentence = &doc.text[shown_start(doc, si)..sent.end];
    let words = sent
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .count();
    let fits = words >= opts.min_words
        && words <= opts.max_words
        && whole_sentence(sentence)
        && !web_text(sentence)
        && !glued_heading(doc, si);
    fits.then(|| sentence.to_owned())
}

/// How many of the article's first sentences are its teaser: those before the first of its
/// first [`DATELINE_SENTENCES`] that opens with a dateline (*Finanzminister erinnert an … .
/// Athen – Eine Rückkehr …*: a news text starts with its teaser, written in headline syntax,
/// then the body after the dateline); 0 when none opens with one.
/// Without a dateline, the first sentence is the title or teaser when the lead restates it
/// ([`restated_first_sentence`]: *Ikea sucht einen Standort in Vorarlberg. Die Möbelkette Ikea
/// will in Vorarlberg …*).
///
/// A byline line among the first [`BYLINE_SENTENCES`] (*Von Max Muster, 12.03.2017*: a web
/// page's author and date) ends the teaser too: what stands above it is the headline and
/// teaser, the body starts after it.
pub(crate) fn teaser_sentences(doc: &Document) -> usize {
    if let Some(after) = after_byline(doc) {
        return after;
    }
    (0..DATELINE_SENTENCES.min(doc.sentences.len()))
        .find(|&si| shown_start(doc, si) > doc.sentences[si].start)
        .unwrap_or_else(|| usize::from(restated_first_sentence(doc) || teaser_run_into_body(doc)))
}

/// How many of an article's first sentences [`teaser_sentences`] looks at for a byline.
const BYLINE_SENTENCES: usize = 6;

/// Most words of a byline (*Von Dr. Max Muster und Erika Mustermann, 12.03.2017, 14:05 Uhr*).
const BYLINE_MAX_WORDS: usize = 14;

/// Where the body starts after an author's byline among the article's first
/// [`BYLINE_SENTENCES`] sentences: the index of the first sentence after it. The byline is a
/// block of its own ([`byline`]: the clean stage may have set it aside as a date line or a
/// heading) or a sentence that is its paragraph's first.
fn after_byline(doc: &Document) -> Option<usize> {
    let first = doc.sentences.first()?;
    let last = doc
        .sentences
        .get(BYLINE_SENTENCES.min(doc.sentences.len()) - 1)?;
    // a block between the first sentence's and the last looked at
    if let Some(b) = (first.block..=last.block).find(|&b| {
        doc.cleaned
            .blocks
            .get(b)
            .is_some_and(|bl| byline(&doc.text[bl.start..bl.end]))
    }) {
        let after = doc.sentences.partition_point(|s| s.block <= b);
        if after > 0 && after < doc.sentences.len() {
            return Some(after);
        }
    }
    (0..BYLINE_SENTENCES.min(doc.sentences.len()))
        .find(|&si| {
            let s = &doc.sentences[si];
            let first_of_paragraph = si == 0 || doc.sentences[si - 1].paragraph != s.paragraph;
            first_of_paragraph && byline(&doc.text[s.start..s.end])
        })
        .map(|si| si + 1)
}

/// Whether `text` is an author's byline: *Von* and a capitalised name, at most
/// [`BYLINE_MAX_WORDS`] words, and after the name only capitalised words (names, *Uhr*),
/// numbers (a date) and function words (*und*, *von*, *am*): no verb (*Von Berlin aus fliegt
/// die Kanzlerin …* is a sentence).
fn byline(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || ",;|·–—".contains(c))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let [von, name, rest @ ..] = words.as_slice() else {
        return false;
    };
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let lex = lexicon();
    *von == "Von"
        && capitalised(name)
        && words.len() <= BYLINE_MAX_WORDS
        && rest.iter().all(|w| {
            capitalised(w) || w.chars().any(|c| c.is_ascii_digit()) || lex.is_function_word(w)
        })
}

/// Whether the article's first sentence is a teaser run into the body on one line without a
/// dateline (neither one [`teaser_sentences`] sees nor one the clean stage split off: what
/// follows a dateline is the lead), as news text is scraped (*Der Venezolaner wird das
/// Neujahrskonzert 2017 dirigieren. Der 35-jährige Gustavo Dudamel …*: the teaser and body in
/// one block): the first paragraph
/// holds the whole article (every sentence of the text, at least four), the first sentence is
/// short ([`TEASER_MAX_WORDS`]) and the second does not go on from it: it opens with
/// no pronoun or linking adverb ([`GOING_ON`]: *Die Regierung hat ein Sparpaket beschlossen.
/// Es soll zwölf Milliarden bringen.* is a lead, not a teaser; a body starts afresh). An
/// article in paragraphs has its teaser, if any, as a line of its own
/// ([`restated_first_sentence`]).
fn teaser_run_into_body(doc: &Document) -> bool {
    let [first, second, ..] = doc.sentences.as_slice() else {
        return false;
    };
    // a dateline split off the first block: the lead follows it (*Wien – Eine Obergrenze …*)
    if doc.dateline().is_some() {
        return false;
    }
    fn words(s: &crate::document::Sentence) -> Vec<&crate::tokenize::Token> {
        s.tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .collect()
    }
    let next = words(second);
    let goes_on = match next.as_slice() {
        [] => true,
        [w, rest @ ..] => {
            let w = w.lower();
            GOING_ON.contains(&w)
                // a demonstrative alone, before a verb (*Das ist …*, *Diese waren …*), not an
                // article (*Das Festival …*, *Die neue Regelung …*)
                || (DEMONSTRATIVES.contains(&w)
                    && rest.first().is_some_and(|t| {
                        let v = t.surface(&doc.text);
                        !t.capitalized
                            && (lexicon().is_function_word(v)
                                || lexicon().analyze(v).is_some_and(|a| a.pos == Pos::Verb))
                    }))
        }
    };
    doc.sentences.len() >= 4
        && doc.sentences.iter().all(|s| s.paragraph == first.paragraph)
        && words(first).len() <= TEASER_MAX_WORDS
        && !goes_on
}

/// First words of a sentence that go on from the one before: personal pronouns and linking
/// adverbs (lower case).
const GOING_ON: &[&str] = &[
    "es",
    "er",
    "sie",
    "ihr",
    "ihre",
    "sein",
    "seine",
    "man",
    "dabei",
    "damit",
    "dazu",
    "dafür",
    "davon",
    "daher",
    "darauf",
    "darüber",
    "deshalb",
    "deswegen",
    "dort",
    "dann",
    "danach",
    "doch",
    "aber",
    "auch",
    "zudem",
    "außerdem",
    "trotzdem",
    "somit",
    "denn",
    "allerdings",
    "jedoch",
    "so",
    "hier",
    "nun",
];

/// Words that are a demonstrative pronoun when no noun follows (*Das ist …*), else an article
/// or determiner.
const DEMONSTRATIVES: &[&str] = &[
    "das", "dies", "diese", "dieser", "dieses", "der", "die", "den", "dem",
];

/// Most words of a first sentence that [`restated_first_sentence`] takes for a title or
/// teaser.
const TEASER_MAX_WORDS: usize = 25;

/// Sentences after the first in which [`restated_first_sentence`] looks for its words.
const LEAD_SENTENCES: usize = 3;

/// Whether the article's first sentence is its title or teaser, not running text: a short
/// sentence ([`TEASER_MAX_WORDS`]) before three sentences or more whose capitalised words
/// (nouns and names, no function words) come back in the lead, the next [`LEAD_SENTENCES`]:
/// one of them when the sentence is a line of its own, two when the teaser runs into the body
/// on one line (*Der Betriebswirt folgt in der Steiermark Franz Voves nach. Als im Jänner 2013
/// Franz Voves …*).
fn restated_first_sentence(doc: &Document) -> bool {
    let Some(first) = doc.sentences.first() else {
        return false;
    };
    if doc.sentences.len() < 4
        || first
            .tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count()
            > TEASER_MAX_WORDS
    {
        return false;
    }
    let lex = lexicon();
    let words: HashSet<&str> = first
        .tokens
        .iter()
        .filter(|t| {
            t.kind == TokenKind::Word
                && t.capitalized
                && t.lower().chars().count() >= 3
                && !lex.is_function_word(t.surface(&doc.text))
        })
        .map(|t| t.lower())
        .collect();
    let restated: HashSet<&str> = doc.sentences[1..=LEAD_SENTENCES]
        .iter()
        .flat_map(|s| &s.tokens)
        .map(|t| t.lower())
        .filter(|w| words.contains(w))
        .collect();
    let own_line = doc.sentences[1].paragraph != first.paragraph;
    restated.len() >= if own_line { 1 } else { 2 }
}

/// Whether sentence `si` is written in headline syntax, as a title or teaser is: a part after
/// a spaced dash that starts like a new sentence (a capitalised word: *… erzwingen –
/// Demonstration direkt vor der Konzernzentrale.*, *Erstmals auf öffentlichen Straßen – Ein
/// Mensch muss …*) and either ends the sentence without a verb, or opens with a capitalised
/// function word (two headlines joined), or follows the sentence's one dash after a verbless
/// part of [`HEADLINE_WORDS`] words or more. A dash in running text goes on in lower case (*– wie
/// immer*) or with a verb (*– Kanzler Kurz sagte …*).
pub(crate) fn headline_syntax(doc: &Document, si: usize, memo: &Memo) -> bool {
    let sent = &doc.sentences[si];
    let toks = &sent.tokens;
    let shown = shown_start(doc, si);
    let lex = lexicon();
    // the tokens that follow a spaced dash (in the sentence as shown)
    let after_dash: Vec<usize> = (1..toks.len())
        .filter(|&i| {
            let between = &doc.text[toks[i - 1].end..toks[i].start];
            toks[i - 1].start >= shown
                && [" – ", " - ", " — "]
                    .iter()
                    .any(|d| between.trim_start_matches(['"', '“', '«', ')']) == *d)
        })
        .collect();
    let verb = |t: &crate::tokenize::Token| {
        t.kind == TokenKind::Word
            && !t.capitalized
            && memo
                .analyze(t.surface(&doc.text))
                .is_some_and(|a| a.pos == Pos::Verb)
    };
    after_dash.iter().enumerate().any(|(n, &i)| {
        let t = &toks[i];
        if !t.capitalized || t.kind != TokenKind::Word {
            return false;
        }
        if lex.is_function_word(t.surface(&doc.text)) {
            return true;
        }
        // the last part, without a verb
        if n + 1 == after_dash.len() && !toks[i..].iter().any(verb) {
            return true;
        }
        // a headline without a verb, then one with it (Suche nach Ausweg nach Verhör in der
        // Affäre – Präsidentin kämpft um ihr Amt): the one dash, three words or more before it
        let before: Vec<&crate::tokenize::Token> = toks[..i]
            .iter()
            .filter(|t| t.start >= shown && t.kind == TokenKind::Word)
            .collect();
        after_dash.len() == 1 && before.len() >= HEADLINE_WORDS && !before.iter().any(|t| verb(t))
    })
}

/// Finite forms of the auxiliaries and modal verbs, which the lexicon may read as function
/// words: a sentence with one has a finite verb.
const FINITE_AUXILIARIES: &[&str] = &[
    "bin", "bist", "ist", "sind", "seid", "war", "warst", "waren", "wart", "sei", "seien", "wäre",
    "wären", "habe", "hast", "hat", "haben", "habt", "hatte", "hatten", "hätte", "hätten", "werde",
    "wirst", "wird", "werden", "wurde", "wurden", "würde", "würden", "kann", "können", "konnte",
    "konnten", "könne", "könnte", "könnten", "muss", "müssen", "musste", "mussten", "müsse",
    "müsste", "müssten", "soll", "sollen", "sollte", "sollten", "will", "wollen", "wollte",
    "wollten", "wolle", "darf", "dürfen", "durfte", "durften", "dürfe", "dürfte", "dürften", "mag",
    "mögen", "möchte", "möchten", "gibt", "gab", "gebe", "gäbe", "lässt", "ließ", "ließen", "geht",
    "ging", "gingen", "steht", "stand", "standen", "kommt", "kam", "kamen", "heißt", "hieß",
    "sagt", "sagte", "sagten",
];

/// Whether token `ti` of sentence `si` may be a verb form: a finite auxiliary or modal
/// ([`FINITE_AUXILIARIES`]), a word the lexicon reads as a verb or an irregular verb's form
/// ([`verb_form`]), or a word in lower case (or the sentence's first, no noun) that is no
/// function word, ends like a verb (*-t*, *-e*, *-en*, *-st*, *-eln*, *-ern*: *spielt*,
/// *rechnete*, *stellen*) and is no adjective declined before its noun (*rasante
/// Neuerungen*). The lexicon knows few verbs: a word it cannot tell counts as one.
fn verb_token(doc: &Document, si: usize, ti: usize, memo: &Memo) -> bool {
    let toks = &doc.sentences[si].tokens;
    let t = &toks[ti];
    if t.kind != TokenKind::Word {
        return false;
    }
    let surface = t.surface(&doc.text);
    let lower = surface.to_lowercase();
    if FINITE_AUXILIARIES.contains(&lower.as_str()) {
        return true;
    }
    if t.capitalized {
        // a noun or a name, or the sentence's first word: a verb first (Denken Sie …,
        // Bleiben also …) ends like one, and a noun may too (Festnahmen)
        return ti == 0
            && !memo.is_name(surface, true)
            && ["en", "t", "st", "te", "eln", "ern"]
                .iter()
                .any(|e| lower.ends_with(e));
    }
    if lexicon().is_function_word(&lower) {
        return false;
    }
    let analysis = memo.analyze(&lower);
    if analysis.as_ref().is_some_and(|a| a.pos == Pos::Verb) || verb_form(&lower) {
        return true;
    }
    if !["t", "e", "en", "st", "eln", "ern"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return false;
    }
    // an adjective the lexicon knows or a participle, declined before a capitalised word
    // (die angespannte Lage)
    let adjective = analysis.is_some_and(|a| {
        a.pos == Pos::Adj && a.lemma != lower && lexicon().zipf(&a.lemma).is_some()
    });
    let participle = ["en", "e"]
        .iter()
        .filter_map(|e| lower.strip_suffix(e))
        .any(participle_shape);
    !((adjective || participle) && attributive(doc, si, ti))
}

/// Whether a lower-case word has the shape of a past participle: *-t* or *-en* after *ge-*, an
/// inseparable prefix or a separable one and *ge-* (*identifiziert*, *festgenommen*,
/// *angespannt*), or *-iert*.
fn participle_shape(lower: &str) -> bool {
    (lower.ends_with('t') || lower.ends_with("en"))
        && (lower.ends_with("iert")
            || ["ge", "be", "er", "ver", "zer", "ent", "emp", "miss"]
                .iter()
                .any(|p| lower.starts_with(p))
            || VERB_PREFIXES
                .iter()
                .any(|p| lower.strip_prefix(p).is_some_and(|r| r.starts_with("ge"))))
}

/// Prefixes of verbs, separable or not, that an irregular form may carry (*bekannte*,
/// *anerkannte*).
const VERB_PREFIXES: &[&str] = &[
    "zurück", "hinter", "wider", "unter", "durch", "heraus", "hinaus", "über", "nach", "fest",
    "auf", "aus", "bei", "ein", "mit", "vor", "ver", "zer", "ent", "emp", "miss", "an", "ab", "zu",
    "um", "be", "ge", "er",
];

/// Whether a lower-case word is a form of one of the lexicon's irregular verbs, with a prefix
/// or without (*pfiffen*, *bekannte*, *träfe*).
fn verb_form(lower: &str) -> bool {
    let forms = irregular_forms();
    forms.contains(lower)
        || VERB_PREFIXES.iter().any(|p| {
            lower
                .strip_prefix(p)
                .is_some_and(|rest| rest.chars().count() >= 3 && forms.contains(rest))
        })
}

/// The finite forms of the lexicon's irregular verbs: the 3rd person singular present, the
/// past and its plural and 2nd persons (*sprach*, *sprachen*, *sprachst*), and the past
/// subjunctive with its umlaut (*spräche*, *sprächen*; *brächte*).
fn irregular_forms() -> &'static HashSet<String> {
    static FORMS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    FORMS.get_or_init(|| {
        let umlaut = |w: &str| -> String {
            // the last a, o or u of the stem takes the umlaut (kam → käm, traf → träf)
            let cs: Vec<char> = w.chars().collect();
            match cs.iter().rposition(|c| matches!(c, 'a' | 'o' | 'u')) {
                Some(i) if !(i > 0 && cs[i - 1] == 'a' && cs[i] == 'u') => cs
                    .iter()
                    .enumerate()
                    .map(|(j, &c)| match (j == i, c) {
                        (true, 'a') => 'ä',
                        (true, 'o') => 'ö',
                        (true, 'u') => 'ü',
                        _ => c,
                    })
                    .collect(),
                _ => w.to_owned(),
            }
        };
        let mut out = HashSet::new();
        // the lexicon's table of irregular verbs (see data/lexicon/README.md)
        for line in crate::lexicon::IRREGULAR_VERBS_TSV
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let c: Vec<&str> = line.split('\t').map(str::trim).collect();
            if c.len() < 4 {
                continue;
            }
            out.insert(c[1].to_owned());
            let past = c[2];
            if let Some(stem) = past.strip_suffix("te") {
                // a mixed verb (kannte, brachte)
                for p in [past.to_owned(), format!("{stem}ten"), format!("{stem}test")] {
                    out.insert(p);
                }
                let sub = umlaut(stem);
                out.insert(format!("{sub}te"));
                out.insert(format!("{sub}ten"));
            } else {
                for e in ["", "en", "st", "t"] {
                    out.insert(format!("{past}{e}"));
                }
                let sub = umlaut(past);
                out.insert(format!("{sub}e"));
                out.insert(format!("{sub}en"));
            }
            if let Some(other) = c.get(4) {
                out.extend(other.split(',').map(|f| f.trim().to_owned()));
            }
        }
        out
    })
}

/// Whether sentence `si` has no verb at all (*Mehr Geld für Schulen und Kindergärten.*, *Kein
/// Wunder.*): a title, a caption or a teaser, no sentence to learn a word from.
pub(crate) fn verbless(doc: &Document, si: usize, memo: &Memo) -> bool {
    let shown = shown_start(doc, si);
    let toks = &doc.sentences[si].tokens;
    !(0..toks.len()).any(|ti| toks[ti].start >= shown && verb_token(doc, si, ti, memo))
}

/// Whether sentence `si` is a headline with a past participle for its verb and a noun phrase
/// after a comma (*Mehrere der getöteten Attentäter identifiziert, Fahndung nach Komplizen.*):
/// no auxiliary, the first part's one verb is a participle that ends it, and the parts after
/// the comma have no verb. Running text has a finite verb (*Die Polizei hat … identifiziert,
/// die Fahndung läuft.*).
pub(crate) fn participle_headline(doc: &Document, si: usize, memo: &Memo) -> bool {
    let shown = shown_start(doc, si);
    let toks = &doc.sentences[si].tokens;
    let words: Vec<usize> = (0..toks.len())
        .filter(|&i| toks[i].start >= shown && toks[i].kind == TokenKind::Word)
        .collect();
    // the first comma or semicolon between two words
    let Some(cut) = (1..words.len())
        .find(|&n| doc.text[toks[words[n - 1]].end..toks[words[n]].start].starts_with([',', ';']))
    else {
        return false;
    };
    let (first, rest) = words.split_at(cut);
    let last = *first.last().unwrap_or(&0);
    let lower = toks[last].surface(&doc.text).to_lowercase();
    if toks[last].capitalized || FINITE_AUXILIARIES.contains(&lower.as_str()) {
        return false;
    }
    // a past participle (identifiziert, festgenommen, verhaftet)
    let participle = participle_shape(&lower);
    // the noun phrase after the comma starts with a capitalised word
    participle
        && toks[rest[0]].capitalized
        && !first[..first.len() - 1]
            .iter()
            .any(|&i| verb_token(doc, si, i, memo))
        && !rest.iter().any(|&i| verb_token(doc, si, i, memo))
}

/// Whether token `ti` of sentence `si` is declined like an adjective before a capitalised word
/// (*der getöteten Attentäter*): an attributive participle, no verb of the clause.
fn attributive(doc: &Document, si: usize, ti: usize) -> bool {
    let toks = &doc.sentences[si].tokens;
    let lower = toks[ti].surface(&doc.text).to_lowercase();
    ["e", "en", "em", "er", "es"]
        .iter()
        .any(|e| lower.ends_with(e))
        && toks.get(ti + 1).is_some_and(|n| {
            n.capitalized
                && doc.text[toks[ti].end..n.start]
                    .chars()
                    .all(char::is_whitespace)
        })
}

/// Fewest words of a verbless headline before a dash in [`headline_syntax`] (a shorter part is
/// more often a subject set apart: *Der Außenminister – Kurz sagte …*).
const HEADLINE_WORDS: usize = 3;

/// Whether a sentence carries a web address, a handle or an e-mail address: an embedded tweet
/// or a link run into the text ("… choice for the $20 bill: https://t.co/… -H 1849 sollen …"),
/// no sentence to learn from.
pub(crate) fn web_text(s: &str) -> bool {
    s.contains("://") || s.contains("www.") || s.contains('@')
}

/// Whether a sentence is whole: it starts like a sentence, ends in `.`, `!` or `?` (a closing
/// quote or bracket may follow), and its brackets and quotes are closed.
pub(crate) fn whole_sentence(s: &str) -> bool {
    let s = s.trim();
    let first = s.chars().find(|c| {
        !matches!(
            c,
            '„' | '"' | '»' | '«' | '‚' | '\'' | '(' | '–' | '-' | ' '
        )
    });
    if !first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    let last = s
        .trim_end_matches(['“', '"', '»', '«', '‘', '\'', ')', '”'])
        .chars()
        .last();
    if !last.is_some_and(|c| matches!(c, '.' | '!' | '?')) {
        return false;
    }
    let count = |c: char| s.matches(c).count();
    count('(') == count(')')
        && count('[') == count(']')
        && count('„') == count('“')
        && count('»') == count('«')
        && count('"') % 2 == 0
        && !s.contains('\n')
}

/// Whether token `ti` of sentence `si` stands in a suspended compound: `Staats-` of
/// "Staats- und Regierungschefs", or the word after "Staats- und".
fn in_suspended_compound(doc: &Document, si: usize, ti: usize) -> bool {
    let toks = &doc.sentences[si].tokens;
    let after = doc.text[toks[ti].end..].chars().next();
    if after == Some('-') {
        return true;
    }
    if ti >= 2 {
        let conj = toks[ti - 1].lower();
        let between = doc.text[toks[ti - 2].end..toks[ti - 1].start].trim();
        if matches!(conj, "und" | "oder" | "sowie" | "bzw" | "als" | "wie")
            && between.starts_with('-')
        {
            return true;
        }
    }
    // in a list: "Molkerei-, Fleisch- und Wurstprodukte"
    ti >= 1
        && doc.text[toks[ti - 1].end..toks[ti].start]
            .trim()
            .starts_with("-,")
}

/// Whether token `ti` of sentence `si` stands right before a name (a title or function:
/// *US-Präsident Joe Biden*, *WTO-Chef Azevedo*, *Tochter Zielpunkt*, *die Klubobleute Klaus
/// Schneeberger* — a first name the lexicon also knows as a noun, then a name —, *der
/// Terrormiliz Islamischer Staat* — a name that starts with a capitalised adjective).
fn before_name(doc: &Document, si: usize, ti: usize, memo: &Memo) -> bool {
    let toks = &doc.sentences[si].tokens;
    let capitalised_next = |i: usize| {
        toks.get(i + 1).filter(|n| {
            n.kind == TokenKind::Word
                && n.capitalized
                && doc.text[toks[i].end..n.start]
                    .chars()
                    .all(char::is_whitespace)
        })
    };
    let Some(next) = capitalised_next(ti) else {
        return false;
    };
    let surface = next.surface(&doc.text);
    if memo.is_name(surface, false) || in_multiword_name(doc, si, ti + 1) {
        return true;
    }
    // a capitalised adjective opens a name (Islamischer Staat)
    if memo
        .analyze(&surface.to_lowercase())
        .is_some_and(|a| a.pos == Pos::Adj)
    {
        return true;
    }
    // first name and surname (Klaus Schneeberger)
    capitalised_next(ti + 1).is_some_and(|n2| memo.is_name(n2.surface(&doc.text), false))
        && lexicon()
            .proper_name_kind(surface)
            .is_none_or(|k| k != crate::lexicon::NameKind::Place)
}

/// Whether the sentence has a heading glued to it: a capitalised function word inside it with
/// no punctuation before it ("… geändert werden Bei den Bezirken …", "Autonomes Fahren Für
/// die Entwicklung …"), or a capitalised adverb or adjective after a capitalised word
/// ("Wichtige Streitkultur Generell habe es …"), where a line without a full stop ran into
/// the next one.
pub(crate) fn glued_heading(doc: &Document, si: usize) -> bool {
    let toks = &doc.sentences[si].tokens;
    let lex = lexicon();
    toks.iter().enumerate().skip(1).any(|(i, t)| {
        let between = &doc.text[toks[i - 1].end..t.start];
        t.capitalized
            && between.chars().all(char::is_whitespace)
            && toks[i - 1].kind == TokenKind::Word
            && (lex.is_function_word(t.surface(&doc.text))
                // an adverb or adjective capitalised after a capitalised word (Wichtige
                // Streitkultur Generell habe es …): no noun, so a sentence starts there
                || (toks[i - 1].capitalized
                    && lex.lemmatize_noun(t.surface(&doc.text)).is_none()
                    && lex
                        .analyze(&t.surface(&doc.text).to_lowercase())
                        .is_some_and(|a| a.pos == Pos::Adj)))
            && lex.proper_name_kind(t.surface(&doc.text)).is_none()
    })
}

/// Whether a separable verb's particle stands at the end of the clause after token `ti`
/// (*forderte … auf*, *setzte … um*).
fn particle_follows(doc: &Document, si: usize, ti: usize) -> bool {
    let toks = &doc.sentences[si].tokens;
    let sent_end = doc.sentences[si].end;
    for (j, t) in toks.iter().enumerate().skip(ti + 1) {
        let next_start = toks.get(j + 1).map_or(sent_end, |n| n.start);
        let between = &doc.text[t.end..next_start];
        if between
            .chars()
            .any(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '–' | '(' | ')'))
            || j + 1 == toks.len()
        {
            return crate::lexicon::grammar::is_separable_particle(t.lower());
        }
    }
    false
}

/// The vocabulary items of an article (see the module docs), in article order.
fn vocab_items(
    doc: &Document,
    vocab: &Entries,
    opts: &ClozeOptions,
    (memo, article): (&Memo, &ArticleFacts),
    (reserved, skip): (&HashSet<usize>, &HashSet<String>),
    sheet: &mut Sheet,
    rng: &mut dyn Rng,
) -> Vec<ClozeItem> {
    // no sentence can carry an item (a text of one huge sentence): the ranking's entries need
    // not be read at all
    if (0..doc.sentences.len())
        .all(|si| reserved.contains(&si) || article.item_sentence(doc, si, opts).is_none())
    {
        return Vec::new();
    }
    let article_lemmas = article.lemmas.get_or_init(|| article_lemmas(doc, memo));
    let mut offered: HashSet<String> = HashSet::new();
    let mut placed: Vec<Placed> = Vec::new();
    let mut used = vec![0usize; doc.sentences.len()];
    for &si in reserved {
        used[si] = opts.gaps;
    }
    let mut per_paragraph: HashMap<usize, usize> = HashMap::new();
    let mut items: Vec<ClozeItem> = Vec::new();
    // a noun above A1 in the levels asked for: tested before the entry's meaning is made; so
    // are the cheap tests of the loop below that need no meaning (the level [`worth_a_gap`]
    // asks for, the words to skip): a word they leave out needs none
    let candidate = |c: &Candidate| {
        c.pos == "noun"
            && c.level != Some("A1")
            && level_ok(c.level.and_then(|l| l.parse().ok()), opts)
            && super::sheet::level_worth_a_gap(c.level, opts)
            && !skip.contains(c.lemma)
    };
    // transparent compounds and words of an uncertain sense come after every other candidate
    // (see [`transparent_compound`], [`uncertain_sense`])
    let mut entries = vocab.iter_where(candidate);
    // (and last a word whose hint is a sense chosen among several: [`sense_among_several`])
    let mut deferred: Vec<&VocabEntry> = Vec::new();
    let mut last: Vec<&VocabEntry> = Vec::new();
    let mut next_deferred = 0;
    loop {
        // enough items: the next entry's meaning is not made
        if items.len() >= opts.items {
            break;
        }
        let (e, late) = match entries.next() {
            Some(e) => (e, 0),
            None => match deferred.get(next_deferred) {
                Some(&e) => {
                    next_deferred += 1;
                    (e, 1)
                }
                // (only on a sheet of less than two items)
                None if items.len() >= SENSE_FILL_BELOW.min(opts.items) => break,
                None => match last.get(next_deferred - deferred.len()) {
                    Some(&e) => {
                        next_deferred += 1;
                        (e, 2)
                    }
                    None => break,
                },
            },
        };
        if is_unit(&e.lemma)
            || is_weekday_or_month(&e.lemma)
            || !super::sheet::worth_a_gap(e, opts)
            || english_unchanged(e)
            || clipping(&e.lemma)
            || skip.contains(&e.lemma)
            || !attested_as_noun(doc, e)
        {
            continue;
        }
        // a word an English speaker reads at sight (*Militär*, *Passagier*), or a name with
        // its abbreviation after it (*Wirtschaftskammer (WK)*): no target
        if english_loan_target(e)
            || english_cognate(e)
            || abbreviated_in_brackets(doc, e)
            || gender_contradicted(doc, e)
        {
            continue;
        }
        if late < 2 && sense_among_several(e) {
            if late == 0 {
                last.push(e);
            }
            continue;
        }
        if late == 0
            && (transparent_compound(e.gloss.as_deref(), e.gloss_composed, &e.parts)
                || uncertain_sense(e))
        {
            deferred.push(e);
            continue;
        }
        // occurrences, a sentence in a paragraph with fewer items first, then in order
        let mut occ: Vec<(usize, usize)> = e
            .occurrences
            .iter()
            .filter_map(|&(s, _)| token_at(doc, s))
            .collect();
        occ.sort_by_key(|&(si, _)| {
            let p = doc.sentences[si].paragraph;
            (per_paragraph.get(&p).copied().unwrap_or(0), si)
        });
        let facts = OnceCell::new();
        for (si, ti) in occ {
            if used[si] >= opts.gaps {
                continue;
            }
            let Some((item, lemmas, hint)) = vocab_item(
                doc,
                e,
                si,
                ti,
                opts,
                memo,
                (article_lemmas, &offered),
                (&*sheet, &placed, article),
                &facts,
                rng,
            ) else {
                continue;
            };
            sheet.add_answer(
                AnswerKeys::new(&item.answer, &item.lemma, &e.parts),
                Some(si),
            );
            sheet.add_text(&item.prompt, Some(si));
            // the options, the answer among them: the sheet shows them all
            for c in &item.choices {
                sheet.add_text(c, Some(si));
            }
            offered.extend(lemmas);
            placed.push(Placed {
                keys: AnswerKeys::new(&item.answer, &item.lemma, &e.parts),
                lemma: item.lemma.clone(),
                cognates: CognateKeys::new(&item.lemma, &e.parts),
                hint,
            });
            used[si] += 1;
            *per_paragraph
                .entry(doc.sentences[si].paragraph)
                .or_insert(0) += 1;
            items.push(item);
            break;
        }
    }
    items.sort_by_key(|i| (i.sentence_index, i.start));
    items
}

/// Whether a noun is an English word by its spelling ([`super::distractors::english_loan`]:
/// *Software*, *Blackout*, *Lobby*): an English speaker knows it, no target.
pub(crate) fn english_loan_target(e: &VocabEntry) -> bool {
    e.parts.len() < 2
        && e.gloss
            .as_deref()
            .is_some_and(|g| super::distractors::english_loan(&e.lemma, g))
}

/// Whether a noun reads at sight as its English translation, a transparent cognate
/// (*Revolver* "revolver", *Konflikt* "conflict", *Militär* "military", *Evaluierung*
/// "evaluation", *Priorität* "priority", *Passagier* "passenger", *Assistentin* "assistant"):
/// no compound, and the first sense of its gloss (the vocabulary's, else the domain
/// lexicon's; the head of a phrase) is the lemma spelt alike ([`super::sheet::spelt_alike`])
/// after the regular spelling correspondences (*k*/*c*, *ä*/*a*, *-ie*/*-y*, *-ierung*/*-ation*, *-ität*/*-ity*;
/// here also *-ier*/*-er* and the feminine *-in* dropped). An English-speaking learner knows the
/// word already: no target.
pub(crate) fn english_cognate(e: &VocabEntry) -> bool {
    if e.parts.len() >= 2 {
        return false;
    }
    let domain = || lexicon().domain_entry(&e.lemma, Pos::Noun).map(|d| d.gloss);
    let Some(gloss) = e.gloss.as_deref().or_else(domain) else {
        // no English gloss: an international word by its ending (*Ambition*, *Mentalität*,
        // *Journalist*, *Pandemie*)
        let long = e.lemma.chars().count();
        return LATIN_ENDINGS.iter().any(|end| e.lemma.ends_with(end))
            || (long >= 7 && ["ist", "istin"].iter().any(|end| e.lemma.ends_with(end)))
            || (long >= 6 && e.lemma.ends_with("ie"));
    };
    transparent_cognate(&e.lemma, gloss)
}

/// Endings of international words of Latin, Greek or French origin, which English spells
/// alike (*-tion*, *-sion*, *-ität* / *-ity*, *-ismus* / *-ism*, *-logie* / *-logy*, *-grafie* /
/// *-graphy*, *-archie* / *-archy*, *-ment*, *Ultimatum*, *Minimum*, *Dilemma*, *Komitee*,
/// *Festival*): a noun with one and no English gloss to compare is taken for a transparent
/// cognate; so is one of seven letters or more in *-ist*, *-istin* (*Journalist*, *Aktivistin*;
/// not *Frist*) and of six or more in *-ie* / *-y* (*Pandemie*, *Kategorie*; not *Linie*,
/// *Regie*). (Not *-um* or *-ee* alone: *Irrtum*, *Wachstum*, *Gremium*, *Schnee* are German
/// words or none of English.)
const LATIN_ENDINGS: &[&str] = &[
    "tion", "sion", "ität", "ismus", "logie", "grafie", "graphie", "archie", "ment", "imum",
    "atum", "emma", "itee", "ival",
];

/// [`english_cognate`] of a noun `lemma` with the English `gloss`.
pub(crate) fn transparent_cognate(lemma: &str, gloss: &str) -> bool {
    let first = gloss.split([';', ',', '(']).next().unwrap_or(gloss).trim();
    // the head of an English phrase: *armed conflict*, *right of asylum*
    let first = match first.split_once(" of ") {
        Some((head, _)) => head.rsplit(' ').next().unwrap_or(head),
        None => first.rsplit(' ').next().unwrap_or(first),
    };
    if first.is_empty() {
        return false;
    }
    // the German spellings of an English ending: *Passagier* / *passenger*, *Assistentin* /
    // *assistant* (the masculine form, where the lexicon knows it)
    let masculine = lemma
        .strip_suffix("in")
        .filter(|m| m.chars().count() >= 4 && lexicon().noun(m).is_some());
    let er = lemma.strip_suffix("ier").map(|stem| format!("{stem}er"));
    // the French agent ending *-eur* and the English *-or*: *Gouverneur* / *governor*,
    // *Kommandeur* / *commander*
    let eur = lemma.strip_suffix("eur").map(|stem| format!("{stem}or"));
    // the Latin *-ität* and the English *-ity*: *Souveränität* / *sovereignty*
    let ity = lemma.strip_suffix("ität").map(|stem| format!("{stem}ity"));
    std::iter::once(lemma)
        .chain(masculine)
        .chain(er.as_deref())
        .chain(eur.as_deref())
        .chain(ity.as_deref())
        .any(|form| {
            super::sheet::spelt_alike(first, form) || super::sheet::consonants_alike(first, form)
        })
}

/// Determiners of the masculine or neuter singular only (dative and genitive; contracted
/// with a preposition): never before a feminine noun in the singular.
const NOT_FEMININE_DETERMINERS: &[&str] = &[
    "dem", "des", "einem", "eines", "im", "am", "vom", "zum", "beim", "diesem", "dieses", "jedem",
    "jedes", "keinem", "keines", "seinem", "seines", "ihrem", "ihres", "unserem", "unseres",
];

/// Whether the article uses feminine entry `e` with a masculine or neuter determiner (*an
/// dem sogenannten Marsch* for the lexicon's *die Marsch*, the marshland): the article means a
/// homonym of another gender (*der Marsch*), and the entry's hint and article would be
/// another word's.
fn gender_contradicted(doc: &Document, e: &VocabEntry) -> bool {
    feminine_contradicted(doc, &e.lemma, e.gender, &e.occurrences)
}

/// [`gender_contradicted`] of a noun `lemma` of `gender` at `occurrences` (byte spans).
fn feminine_contradicted(
    doc: &Document,
    lemma: &str,
    gender: Option<&str>,
    occurrences: &[(usize, usize)],
) -> bool {
    if gender != Some("f") {
        return false;
    }
    occurrences.iter().any(|&(s, _)| {
        let Some((si, ti)) = token_at(doc, s) else {
            return false;
        };
        let toks = &doc.sentences[si].tokens;
        if toks[ti].surface(&doc.text) != lemma {
            return false;
        }
        // back over adjectives in lower case to the determiner
        let lex = lexicon();
        for t in toks[..ti].iter().rev().take(4) {
            let w = t.lower();
            if t.kind != TokenKind::Word {
                return false;
            }
            if NOT_FEMININE_DETERMINERS.contains(&w) {
                return true;
            }
            if t.capitalized || lex.is_lower_function_word(w) {
                return false;
            }
        }
        false
    })
}

/// Whether an occurrence of noun `e` in the article has an abbreviation in brackets right
/// after it (*die Wirtschaftskammer (WK)*, *Internationaler Währungsfonds (IWF)*): the name of
/// an institution, and the bracket gives the word's shape away.
fn abbreviated_in_brackets(doc: &Document, e: &VocabEntry) -> bool {
    e.occurrences.iter().any(|&(s, _)| {
        let Some((si, ti)) = token_at(doc, s) else {
            return false;
        };
        let end = doc.sentences[si].tokens[ti].end;
        abbreviation_at(&doc.text[end..])
    })
}

/// Whether `rest` opens with an abbreviation in brackets: `(` two to eight letters or digits,
/// two of them upper-case letters and no lower-case letter after the first, then `)`.
fn abbreviation_at(rest: &str) -> bool {
    let Some(inner) = rest.trim_start().strip_prefix('(') else {
        return false;
    };
    let Some((abbr, _)) = inner.split_once(')') else {
        return false;
    };
    let n = abbr.chars().count();
    (2..=8).contains(&n)
        && abbr
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '&')
        && abbr.chars().filter(|c| c.is_uppercase()).count() >= 2
        && abbr.chars().skip(1).all(|c| !c.is_lowercase() || c == 's')
}

/// Whether the vocabulary was unsure of the sense a word of the domain lexicon has in the
/// article: it gives the word's German definitions beside the lexicon's gloss, which it does
/// when no cue chose a sense and the article is not about the gloss's subject (*Herstellung*
/// "manufacture" in *die Herstellung des Einvernehmens*). The hint may name the wrong sense:
/// another target first.
pub(crate) fn uncertain_sense(e: &VocabEntry) -> bool {
    e.gloss.is_some()
        && e.definition_de.is_some()
        && !e.gloss_composed
        && lexicon().domain_entry(&e.lemma, Pos::Noun).is_some()
}

/// How many of a sheet's vocabulary items have a hint of their own, not a sense the
/// vocabulary chose among several ([`sense_among_several`]: an item without an English gloss
/// of a word of two Wiktionary senses or more, whose German definition is then that choice).
fn sure_items(items: &[ClozeItem]) -> usize {
    items
        .iter()
        .filter(|i| i.gloss.is_some() || lexicon().senses(&i.lemma).len() < 2)
        .count()
}

/// Whether a word without an English gloss has as its hint one sense the vocabulary chose
/// among several of Wiktionary's ([`VocabEntry::chosen_sense`]: *Limit* as a value not to
/// be exceeded, *Blüte* as a forged banknote): the choice may miss the article's sense, so
/// such a word is a target after all others, transparent compounds and words of an
/// [`uncertain_sense`] too, and only on a sheet that has less than [`SENSE_FILL_BELOW`] items
/// without it.
pub(crate) fn sense_among_several(e: &VocabEntry) -> bool {
    e.gloss.is_none() && e.chosen_sense() && lexicon().senses(&e.lemma).len() >= 2
}

/// English words that join the glosses of a compound's parts (*ministry of defence*).
const GLOSS_JOINERS: &[&str] = &["of", "the", "a", "an", "for", "to"];

/// Whether a compound's English gloss is its parts' glosses word by word (*Wahlergebnis*
/// "election result", *Verteidigungsministerium* "ministry of defence", *Menschenrecht* "human
/// right"): a gloss composed from them, or one with a word for each part (joiners aside) where
/// each part with a gloss of its own in the domain lexicon has one of its senses in it, and a
/// part without one is a word known before B1 (*Mensch*, *Ergebnis*). The learner can assemble
/// such a word from its parts: a gap on it tests little while another target is left
/// (*Währungsunion* "monetary union" is none: *Währung* is "currency").
pub(crate) fn transparent_compound(gloss: Option<&str>, composed: bool, parts: &[String]) -> bool {
    let Some(gloss) = gloss else {
        return false;
    };
    if parts.len() < 2 {
        return false;
    }
    if composed || gloss.contains(" + ") {
        return true;
    }
    if gloss.contains([';', ',', '(']) {
        return false;
    }
    let lower = gloss.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && !GLOSS_JOINERS.contains(w))
        .collect();
    if words.len() != parts.len() {
        return false;
    }
    // a gloss word for a part's sense, in the singular or plural (right, rights)
    let holds = |sense: &str| {
        let sense = sense.trim().trim_start_matches("to ").to_lowercase();
        !sense.is_empty()
            && sense.split_whitespace().all(|w| {
                words
                    .iter()
                    .any(|g| *g == w || g.strip_suffix('s') == Some(w))
            })
    };
    let lex = lexicon();
    parts.iter().all(|p| {
        let p = p.trim_end_matches('-');
        let mut c = p.chars();
        let noun: String = c
            .next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default();
        match [Pos::Noun, Pos::Adj, Pos::Verb]
            .iter()
            .find_map(|&pos| lex.domain_entry(if pos == Pos::Noun { &noun } else { p }, pos))
        {
            Some(d) => d.gloss.split([';', ',']).any(holds),
            None => lex.level(&noun).is_some_and(|l| l <= Level::A2),
        }
    })
}

/// Sounds of English in a Wiktionary pronunciation that German words do not have (*Teenager*
/// ˈtiːnʔɛɪ̯d͡ʒɐ, *Story* ˈstɔːʁi, *Thread* θʁɛt, *Computer* kɔmˈpjuːtɐ, *News* njuːs: a
/// consonant before *juː*, which German has only across a word's parts, *Gründungs·jubiläum*).
const ENGLISH_SOUNDS: &[&str] = &[
    "ɛɪ̯", "əʊ̯", "eɪ̯", "oʊ̯", "ɔʊ̯", "ɔː", "ɜː", "æ", "ð", "θ", "ɹ", "d͡ʒ", "ʌ", "pjuː", "bjuː",
    "tjuː", "djuː", "kjuː", "ɡjuː", "mjuː", "njuː", "fjuː", "vjuː", "ljuː",
];

/// English spellings with the English sound in the pronunciation (*Penthouse* ou as aʊ̯,
/// *Meeting* ee as iː, *Shitstorm* sh as ʃ, *Pool* oo as uː): German spells these sounds
/// otherwise.
const ENGLISH_SPELLINGS: &[(&str, &str)] = &[
    ("ou", "aʊ̯"),
    ("ee", "iː"),
    ("ea", "iː"),
    ("oo", "uː"),
    ("sh", "ʃ"),
];

/// The longest lemma an [`ENGLISH_SPELLINGS`] or `-y` check looks at: longer words are
/// German derivations and compounds (*Realisierung*, *Kaffeemaschine*).
const ENGLISH_SPELLING_MAX_CHARS: usize = 9;

/// Whether a noun is an English word used unchanged (*Penthouse*, *Meeting*, *Shitstorm*,
/// *Start-up*, *Know-how*): when it is no compound (*Projektmanager* has a German part to
/// learn), its pronunciation has a sound of English ([`ENGLISH_SOUNDS`]) or a short lemma an
/// English spelling ([`ENGLISH_SPELLINGS`], a final *-y*); without a pronunciation, its English
/// gloss is the word itself. (A gloss alone says little: *Inflation*, *Reform* and *Bank* are
/// German words spelled like their translation.) A learner reading German news knows such a
/// word already, or learns English: no target.
pub(crate) fn english_unchanged(e: &VocabEntry) -> bool {
    english_word(
        &e.lemma,
        e.parts.len(),
        e.ipa.as_deref(),
        e.gloss.as_deref(),
    )
}

/// [`english_unchanged`] for a noun `lemma` of `parts` compound parts, with its pronunciation
/// and English gloss (the domain lexicon's gloss is looked at too).
pub(crate) fn english_word(
    lemma: &str,
    parts: usize,
    ipa: Option<&str>,
    gloss: Option<&str>,
) -> bool {
    let original = lemma;
    let lemma = lemma.to_lowercase();
    if parts >= 2 || lemma.contains("dsch") {
        return false;
    }
    let Some(ipa) = ipa else {
        let domain = lexicon().domain_entry(original, Pos::Noun).map(|d| d.gloss);
        return gloss.into_iter().chain(domain).any(|g| {
            g.split([',', ';'])
                .map(|s| s.trim().to_lowercase())
                .any(|s| s == lemma)
        });
    };
    let short = lemma.chars().count() <= ENGLISH_SPELLING_MAX_CHARS;
    ENGLISH_SOUNDS.iter().any(|s| ipa.contains(s))
        || english_letters_for_sounds(&lemma, ipa)
        || short
            && (lemma.ends_with('y') || {
                let spelling = lemma.replace("sch", "");
                ENGLISH_SPELLINGS
                    .iter()
                    .any(|(spelled, sound)| spelling.contains(spelled) && ipa.contains(sound))
            })
}

/// Whether a lemma (lower case) spells a sound of its pronunciation as English does and German
/// never does, whatever the word's length: *tch* (*Smartwatch*, *Match*); the sound aɪ̯ without
/// *ei*, *ai*, *ey*, *ay* (*Lifestyle*); aʊ̯ without *au* (*Lockdown*); *ai* read eː or ɛː
/// (*Entertainment*, *Container*, *Trainer*); *ou* read uː (*Double*, *Route*: English spells
/// it so too); a first *u* read a (*Underdog*, *Update*). German words spell these sounds
/// otherwise (*Zeitung*, *Kaiser*, *Haus*, *Umwelt*).
fn english_letters_for_sounds(lemma: &str, ipa: &str) -> bool {
    let has = |spellings: &[&str]| spellings.iter().any(|sp| lemma.contains(sp));
    let first_vowel = ipa.chars().find(|c| "aeiouyɛɪɔʊœøæɐəʏ".contains(*c));
    lemma.contains("tch")
        || ipa.contains("aɪ̯") && !has(&["ei", "ai", "ey", "ay"])
        || ipa.contains("aʊ̯") && !has(&["au"])
        || lemma.contains("ai") && !ipa.contains("aɪ̯") && (ipa.contains("eː") || ipa.contains("ɛː"))
        || lemma.contains("ou") && ipa.contains("uː")
        || lemma.starts_with('u') && first_vowel == Some('a')
}

/// The longest clipped form [`clipping`] looks at, in letters.
const CLIPPING_MAX_CHARS: usize = 5;

/// Zipf frequency a word must reach to be the full form of a clipping.
const CLIPPING_FULL_ZIPF: f32 = 4.0;

/// Whether a noun is a clipped form (*Uni*, *Kita*, *Demo*, *Info*, *Abi*, *Promi*, *Metal*):
/// a short word that its dictionary entry calls a short form (`Kurzwort für …`, `kurz für:
/// …`), or, ending in *-i* or *-o* after a consonant, whose definition opens with a word it
/// begins (*Demonstration, …*) or that begins a commoner noun that is no compound of it
/// (*Universität*, *Abitur*; not *Echolot*). The learner needs the full word first: no target.
pub(crate) fn clipping(lemma: &str) -> bool {
    let chars: Vec<char> = lemma.chars().collect();
    let n = chars.len();
    if !(3..=CLIPPING_MAX_CHARS).contains(&n) {
        return false;
    }
    let lex = lexicon();
    let lower = lemma.to_lowercase();
    let senses = lex.senses(lemma);
    let first = senses.first().map(|s| s.text.to_lowercase());
    if first.as_deref().is_some_and(|d| {
        [
            "kurzwort",
            "kurzform",
            "kurzbezeichnung",
            "kurz für",
            "kurz:",
            "koseform",
        ]
        .iter()
        .any(|m| d.contains(m))
    }) {
        return true;
    }
    if first
        .as_deref()
        .is_some_and(|d| same_meaning_as_longer(lemma, d))
    {
        return true;
    }
    // else a clipping ends in -i or -o after a consonant (a final -a ends many whole words:
    // Firma, Villa)
    if !matches!(chars[n - 1], 'i' | 'o') || "aeiouäöü".contains(chars[n - 2]) {
        return false;
    }
    if let Some(d) = first {
        let word = d
            .split(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        if word.starts_with(&lower) && word.chars().count() >= n + 3 {
            return true;
        }
    }
    let own = lex.zipf(lemma).unwrap_or(0.0);
    lex.nouns_starting_with(lemma).any(|full| {
        let rest = &full[lemma.len()..];
        let zipf = lex.zipf(full).unwrap_or(0.0);
        rest.chars().count() >= 3
            && !full.contains('-')
            && rest.chars().next().is_some_and(char::is_lowercase)
            && zipf >= CLIPPING_FULL_ZIPF
            && zipf > own
            && !is_noun_part(rest)
            && !rest
                .strip_prefix('s')
                .is_some_and(|r| r.chars().count() >= 3 && is_noun_part(r))
    })
}

/// Share of the content words of a short noun's definition that the definition of a longer
/// noun must hold for the two to mean the same.
const CLIPPING_SAME_MEANING: f32 = 0.75;

/// Whether the short noun `lemma` (first defined as `definition`) is the start of a longer noun
/// of its gender, at least as common, whose first definition says the same (*Mikro* and
/// *Mikrofon*: "technisches Gerät zur Aufnahme von Tönen"; *Uni* and *Universität*): a
/// clipping, whatever its last letter. The definition words compared have four letters or
/// more; two at least.
fn same_meaning_as_longer(lemma: &str, definition: &str) -> bool {
    let lex = lexicon();
    let words = |d: &str| -> HashSet<String> {
        d.to_lowercase()
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_owned)
            .collect()
    };
    let own = words(definition);
    let Some((gender, _)) = lex.noun(lemma) else {
        return false;
    };
    if own.len() < 2 {
        return false;
    }
    let zipf = lex.zipf(lemma).unwrap_or(0.0);
    lex.nouns_starting_with(lemma).any(|full| {
        full.chars().count() >= lemma.chars().count() + 2
            && !full.contains('-')
            && lex.noun(full).is_some_and(|(g, _)| g == gender)
            && lex.zipf(full).unwrap_or(0.0) >= zipf
            && lex.senses(full).first().is_some_and(|s| {
                let theirs = words(s.text);
                own.iter().filter(|w| theirs.contains(*w)).count() as f32
                    >= CLIPPING_SAME_MEANING * own.len() as f32
            })
    })
}

/// Whether a compound's rest (`lot` of *Echolot*) is a noun of its own.
fn is_noun_part(rest: &str) -> bool {
    let mut c = rest.chars();
    let Some(first) = c.next() else {
        return false;
    };
    let noun: String = first.to_uppercase().chain(c).collect();
    lexicon().noun(&noun).is_some()
}

/// Whether token `ti` of sentence `si` stands in a name given with its abbreviation in
/// brackets right after it: *Verband der Automobilindustrie (VDA)*, *Bundesamt für Migration
/// und Flüchtlinge (BAMF)*: the abbreviation's letters are the initials of the phrase's words
/// (a word may give several: *Bundes-amt*; a lower-case word may give one or none). A word cut
/// out of a name is not the word's own sense.
fn in_abbreviated_name(doc: &Document, si: usize, ti: usize) -> bool {
    let toks = &doc.sentences[si].tokens;
    // the first word after the gap that is followed by "(ABBR)"
    for end in ti..toks.len().min(ti + ABBREVIATED_NAME_WORDS) {
        let after = &doc.text[toks[end].end..];
        let Some(inner) = after.strip_prefix(" (").or_else(|| after.strip_prefix('(')) else {
            continue;
        };
        let Some(close) = inner.find(')') else {
            return false;
        };
        let abbr: Vec<char> = inner[..close].chars().collect();
        if !(2..=6).contains(&abbr.len()) || !abbr.iter().all(|c| c.is_uppercase()) {
            return false;
        }
        return initials_match(doc, toks, ti, end, &abbr);
    }
    false
}

/// How many words a name before its abbreviation may have.
const ABBREVIATED_NAME_WORDS: usize = 8;

/// Whether two or more words of `toks` ending at `end` spell `abbr` by their initials and the
/// match reaches back to token `ti` or before it.
fn initials_match(
    doc: &Document,
    toks: &[crate::tokenize::Token],
    ti: usize,
    end: usize,
    abbr: &[char],
) -> bool {
    let mut left = abbr.len();
    let mut j = end + 1;
    while left > 0 && j > 0 {
        j -= 1;
        let t = &toks[j];
        if t.kind != TokenKind::Word {
            return false;
        }
        let w: Vec<char> = t.surface(&doc.text).chars().collect();
        if !t.capitalized {
            // a function word (der, für, und) gives its initial or none
            let first = w[0].to_uppercase().next().unwrap_or(w[0]);
            if first == abbr[left - 1] {
                left -= 1;
            }
            continue;
        }
        // a capitalised word gives its initial and may give the letters after it from
        // inside (Bundesamt for BA)
        let upper: Vec<char> = w.iter().flat_map(|c| c.to_uppercase()).collect();
        let subsequence = |letters: &[char]| {
            let mut rest = upper[1..].iter();
            letters.iter().all(|l| rest.any(|c| c == l))
        };
        let Some(k) = (0..left).find(|&k| abbr[k] == upper[0] && subsequence(&abbr[k + 1..left]))
        else {
            return false;
        };
        left = k;
    }
    // a phrase: one word before its abbreviation is a compound, no name (das
    // Bruttoinlandsprodukt (BIP))
    left == 0 && j <= ti && j < end && toks[j].capitalized
}

/// Whether the stem of another word of the sentence begins or ends the answer's lemma and so
/// gives it away (*Wir arbeiten weit besser zusammen* for *Zusammenarbeit*: *zusammen* and
/// *arbeit*): stems of four letters or more that are not function words.
fn stem_frames(stem: &str, lemma: &str) -> bool {
    let lemma = lemma.to_lowercase();
    stem.chars().count() >= 4
        && stem.len() < lemma.len()
        && !lexicon().is_function_word(stem)
        && (lemma.starts_with(stem) || lemma.ends_with(stem))
}

/// An answer placed on the sheet with its meaning hint: no other item's hint may give the
/// answer away, nor may its hint give another item's answer away.
struct Placed {
    keys: AnswerKeys,
    lemma: String,
    /// Its lemma and parts as English cognates are looked for.
    cognates: CognateKeys,
    hint: HintText,
}

impl Placed {
    /// Whether the meaning hint `hint` (English or German) gives this answer away: it holds a
    /// form of the answer, of its lemma, parts or word family (*Tönen* for *Ton*), a word on
    /// its stem (*flüchten* for *Flucht*) or an English cognate of it (*tone* for *Ton*).
    fn revealed_by_hint(&self, hint: &HintText) -> bool {
        hint.reveals(&self.keys)
            || hint.gives_away(&self.lemma)
            || hint.holds_cognate(&self.cognates)
    }
}

/// What [`vocab_item`] works out about an entry once for all its occurrences.
struct EntryFacts {
    /// The vocabulary's German definition is one sense it chose for the article, of a word of
    /// at most [`crate::vocab::CHOSEN_SENSE_MAX_SENSES`] ([`VocabEntry::chosen_sense`]).
    chosen: bool,
    /// [`VocabEntry::sense_over_gloss`].
    over: bool,
    /// The answer's family, which its hint must not show.
    family: super::sheet::FamilyKeys,
}

impl EntryFacts {
    fn new(e: &VocabEntry) -> EntryFacts {
        EntryFacts {
            chosen: e.chosen_sense()
                && lexicon().senses(&e.lemma).len() <= crate::vocab::CHOSEN_SENSE_MAX_SENSES,
            over: e.sense_over_gloss(),
            family: super::sheet::FamilyKeys::new(&e.lemma, &e.parts),
        }
    }
}

/// What [`vocab_items`] works out about an article on first need, for all its tries.
struct ArticleFacts {
    /// [`article_lemmas`].
    lemmas: OnceCell<HashSet<String>>,
    running: OnceCell<RunningText>,
    /// Per sentence, its [`item_sentence`].
    sentences: Vec<OnceCell<Option<String>>>,
}

impl ArticleFacts {
    fn new(doc: &Document) -> ArticleFacts {
        ArticleFacts {
            lemmas: OnceCell::new(),
            running: OnceCell::new(),
            sentences: vec![OnceCell::new(); doc.sentences.len()],
        }
    }

    /// [`item_sentence`] of sentence `si` (the options are the same for all tries).
    fn item_sentence(&self, doc: &Document, si: usize, opts: &ClozeOptions) -> Option<&str> {
        self.sentences[si]
            .get_or_init(|| item_sentence(doc, si, opts))
            .as_deref()
    }
}

/// Which sentences of an article are running text, where vocabulary items may be: not the
/// teaser ([`teaser_sentences`]), nor in headline syntax ([`headline_syntax`], [`verbless`],
/// [`participle_headline`]: looked at once per sentence, on first need).
struct RunningText {
    teaser: usize,
    headline: Vec<OnceCell<bool>>,
}

impl RunningText {
    fn new(doc: &Document) -> RunningText {
        RunningText {
            teaser: teaser_sentences(doc),
            headline: vec![OnceCell::new(); doc.sentences.len()],
        }
    }

    /// Whether sentence `si` is running text: not in the teaser, and neither in headline
    /// syntax nor [`verbless`], nor, among the article's first sentences (where its title and
    /// teaser stand, with or without a dateline after them), a [`participle_headline`].
    fn holds(&self, doc: &Document, si: usize, memo: &Memo) -> bool {
        si >= self.teaser
            && !*self.headline[si].get_or_init(|| {
                headline_syntax(doc, si, memo)
                    || verbless(doc, si, memo)
                    || (si < DATELINE_SENTENCES && participle_headline(doc, si, memo))
            })
    }
}

/// The item of entry `e` at token `ti` of sentence `si`, if the occurrence makes a good one,
/// with the lemmas of its distractors. `lemmas` are the article's lemmas, those offered on
/// the sheet so far, and the words that stand right after another capitalised word.
#[allow(clippy::too_many_arguments)]
fn vocab_item(
    doc: &Document,
    e: &VocabEntry,
    si: usize,
    ti: usize,
    opts: &ClozeOptions,
    memo: &Memo,
    lemmas: (&HashSet<String>, &HashSet<String>),
    (sheet, placed, article): (&Sheet, &[Placed], &ArticleFacts),
    facts: &OnceCell<EntryFacts>,
    rng: &mut dyn Rng,
) -> Option<(ClozeItem, Vec<String>, HintText)> {
    let (article_lemmas, offered) = lemmas;
    let sent = &doc.sentences[si];
    let tok = &sent.tokens[ti];
    let sentence = article.item_sentence(doc, si, opts)?.to_owned();
    // a whole sentence of running text: not the teaser, nor in headline syntax
    let running = article.running.get_or_init(|| RunningText::new(doc));
    if !running.holds(doc, si, memo) {
        return None;
    }
    let answer = tok.surface(&doc.text).to_owned();
    if !tok.is_content()
        || lexicon().is_function_word(&answer)
        || memo.is_name(&answer, ti == 0)
        || in_multiword_name(doc, si, ti)
        || in_suspended_compound(doc, si, ti)
        || before_name(doc, si, ti, memo)
        || in_abbreviated_name(doc, si, ti)
    {
        return None;
    }
    let a = memo.analyze(&answer)?;
    if a.lemma != e.lemma || a.pos != Pos::Noun {
        return None;
    }
    // right after another capitalised word (im Linzer Design Center, Bankchef Gottwald
    // Kranebitter): a word of a name, or a noun in a title, not the word's own sense
    if after_capitalised(doc, si, ti) {
        return None;
    }
    // too little around the gap in its clause (Die _____: Die Hälfte …): any noun of the
    // right form would fit
    if clause_words(doc, si, ti) < MIN_CLAUSE_WORDS {
        return None;
    }
    // a finite verb whose particle stands at the clause's end (forderte … auf): the options
    // would need that particle too
    if a.pos == Pos::Verb && particle_follows(doc, si, ti) {
        return None;
    }
    let keys = AnswerKeys::new(&answer, &e.lemma, &e.parts);
    // the English gloss, else the German definition (without its labels) where it cannot
    // mislead or give the answer away: one sense of the word's own Wiktionary entry, its only
    // one or the one the vocabulary chose for the article ([`VocabEntry::chosen_sense`]) among
    // at most [`crate::vocab::CHOSEN_SENSE_MAX_SENSES`], also in place of a domain gloss in
    // doubt (not a list of senses, nor the definition of the compound's head), and no word of
    // the answer's family or compound parts in it (Dreiviertelstunde: "drei Viertel einer
    // Stunde")
    let facts = facts.get_or_init(|| EntryFacts::new(e));
    let chosen = facts.chosen;
    let german = |d: &str, own: bool| -> Option<String> {
        let d = without_bracketed_labels(without_labels(d));
        let d = d.as_str();
        let lower = d.to_lowercase();
        let holds_a_part = e.parts.iter().any(|p| {
            let p = p.to_lowercase();
            let p = p.trim_end_matches(['s', '-']);
            p.chars().count() >= 4 && lower.contains(p)
        });
        ((own || lexicon().senses(&e.lemma).len() == 1)
            && !holds_a_part
            && !keys.revealed_by(d)
            && !super::sheet::hint_gives_away(d, &e.lemma)
            // a definition cut off (…) reads as broken, and so does one that is no whole
            // phrase
            && !d.trim_end().ends_with('…')
            && whole_phrase(d))
        .then(|| d.to_owned())
    };
    let definition = e.definition_de.as_deref().and_then(|d| german(d, chosen));
    // an English gloss of several senses (line, pipe; management) does not say which one the
    // sentence uses (unter der Leitung des …): no hint that may mislead
    let over = facts.over;
    let gloss = e
        .gloss
        .as_deref()
        .filter(|g| g.contains(" + ") || !g.contains(';'));
    if e.gloss.is_some() && gloss.is_none() && !over {
        return None;
    }
    // a hint must not show the answer by the form of a word of its family (the stem of the
    // lemma or of a part, a shared root: *Menschen im Alter* for *Altenheim*, *Epidemie* for
    // *Pandemie*, *regulation* for *Regelung*): the other kind of hint then, or none
    let family = &facts.family;
    let german_hint = |d: &str| {
        meaning_hint(Some(d), &answer, &e.lemma).filter(|h| !family.given_away_by(h, false))
    };
    let english_hint = |g: &str| {
        meaning_hint(Some(g), &answer, &e.lemma).filter(|h| !family.given_away_by(h, true))
    };
    // a domain gloss in doubt beside the sense the vocabulary chose for the article
    // ([`VocabEntry::sense_over_gloss`]): that sense is the hint; the gloss only where its
    // definition cannot be one (it holds a word of the answer's family: *Gebühr*, "…; das
    // Zugebühren")
    let preferred = over
        .then(|| definition.as_deref().and_then(german_hint))
        .flatten();
    let hint_meaning = match (preferred, gloss) {
        (Some(h), _) => h,
        (None, None) => definition.as_deref().and_then(german_hint)?,
        // an English gloss that is a cognate of the answer (conflict for Konflikt, parliament
        // for Parlament) or spells it (inflation) hands it over: the German definition instead
        // (the word's one Wiktionary sense, when the vocabulary gave none), else the gloss's
        // senses that are no cognate, else no item
        (None, Some(g)) => english_hint(g)
            .filter(|h| !super::sheet::cognate_hint(h, &e.lemma, &e.parts))
            .or_else(|| definition.as_deref().and_then(german_hint))
            .or_else(|| {
                let senses = lexicon().senses(&e.lemma);
                senses
                    .first()
                    .and_then(|s| german(s.text, false))
                    .and_then(|d| german_hint(&d))
            })
            .or_else(|| {
                super::sheet::hint_without_cognates(g, &e.lemma, &e.parts)
                    .and_then(|h| english_hint(&h))
            })?,
    };
    // no giveaway in the sentence: no other word shares the stem, the lemma or a part
    // offsets in the sentence as shown (after a dateline); the gap is never in the dateline
    let shown = shown_start(doc, si);
    if tok.start < shown {
        return None;
    }
    // the hint gives no other item's answer away, and no other item's hint gives this one
    // away (a German definition holds the words of its sense: "Gerät zur Aufnahme von Tönen")
    let hint_words = HintText::new(&hint_meaning);
    let cognates = CognateKeys::new(&e.lemma, &e.parts);
    if placed.iter().any(|p| {
        p.revealed_by_hint(&hint_words)
            || p.hint.reveals(&keys)
            || p.hint.gives_away(&e.lemma)
            || p.hint.holds_cognate(&cognates)
    }) {
        return None;
    }
    let (start, end) = (tok.start - shown, tok.end - shown);
    let prompt = format!("{}{GAP}{}", &sentence[..start], &sentence[end..]);
    let same_stem = sent
        .tokens
        .iter()
        .enumerate()
        .any(|(j, o)| j != ti && (o.stem() == tok.stem() || stem_frames(o.stem(), &e.lemma)));
    if same_stem || keys.revealed_by(&prompt) {
        return None;
    }
    // nothing on the sheet gives it away, and it gives nothing away (neither its sentence nor,
    // when it is multiple choice, the answer shown among the options: EU-Armee and Armee)
    if sheet.gives_away(&keys, Some(si))
        || sheet.reveals_an_answer(&prompt, Some(si))
        || (opts.choices >= 2 && sheet.reveals_an_answer(&answer, None))
    {
        return None;
    }
    let mut choices = Vec::new();
    let mut distractor_lemmas = Vec::new();
    if opts.choices >= 2 {
        // nor a word of the answer's own hint: the hint describes the answer, a word it uses
        // is close enough to fit the gap too (*Einzelhandel* for *Baumarkt*, "großes
        // Einzelhandelsgeschäft, …")
        let blocked = |form: &str| {
            sheet.reveals_an_answer(form, None)
                || keys.revealed_by(form)
                || in_hint(&hint_words, form)
        };
        let ctx = Context {
            article_lemmas,
            blocked: &blocked,
            offered,
            bare: a.pos == Pos::Noun && without_determiner(doc, si, ti, memo),
            counted: after_indefinite_article(doc, si, ti, memo),
        };
        let found = distractors(memo, &answer, &a, &ctx, opts.choices - 1, rng);
        distractor_lemmas = found.iter().map(|(_, l)| l.clone()).collect();
        choices = found.into_iter().map(|(f, _)| f).collect();
        if choices.len() < opts.choices - 1 {
            return None;
        }
        choices.push(answer.clone());
        choices.shuffle(rng);
    }
    let article = match (a.pos, a.gender) {
        (Pos::Noun, Some(g)) => Some(g.article().to_owned()),
        _ => None,
    };
    let hint = hint_text(&answer, article.as_deref(), Some(&hint_meaning), opts.hints);
    let item = ClozeItem {
        id: 0,
        kind: Kind::Vocab,
        sentence,
        prompt,
        answer,
        lemma: e.lemma.clone(),
        hint,
        choices,
        sentence_index: si,
        start,
        end,
        source_start: tok.start,
        source_end: tok.end,
        gloss: e.gloss.clone(),
        article,
    };
    Some((item, distractor_lemmas, hint_words))
}

/// Whether an option's form (or its stem) is a word of the hint, or inside one
/// ([`super::sheet::hint_gives_away`] read the other way: the option as the answer).
fn in_hint(hint: &HintText, form: &str) -> bool {
    hint.gives_away(form)
}

/// A sheet with fewer vocabulary items than this takes words whose hint is a sense chosen
/// among several ([`sense_among_several`]) to fill it: a sheet without a vocabulary item, or
/// with one, is worth a hint that may be less sure; a fuller one is not (on the dev gold such
/// fillers, *Süden*, *Umfeld*, are no key terms).
const SENSE_FILL_BELOW: usize = 2;

/// A sheet with fewer vocabulary items than this is tried again without one of its answers.
const THIN_SHEET: usize = 5;
/// How many of a thin sheet's answers are tried leaving out, one at a time.
const THIN_SHEET_RETRIES: usize = 3;

/// Words that open a noun phrase: articles, pronouns and quantifiers (by their stem) and the
/// contractions of a preposition with the article.
const DETERMINER_STEMS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "kein", "dies", "jen", "jed", "welch",
    "manch", "solch", "all", "mein", "dein", "sein", "ihr", "unser", "euer", "eur", "beid", "viel",
    "wenig", "einig", "mehrer", "etlich", "deren", "dessen", "zwei", "drei",
];
const CONTRACTIONS: &[&str] = &[
    "im", "am", "vom", "zum", "zur", "beim", "ins", "ans", "aufs", "fürs", "ums", "durchs",
];

/// What stands before a noun's attributive adjectives.
enum Before {
    /// Nothing: the phrase starts with them (or with the noun).
    Nothing,
    /// A determiner, lower-cased (*einen*, *dieser*, *zum*).
    Determiner(String),
    /// Something else (*als*, *wie*, a name's genitive, a number).
    Other,
}

/// What stands before the noun at token `ti` of sentence `si` and its attributive adjectives.
fn before_phrase(doc: &Document, si: usize, ti: usize, memo: &Memo) -> Before {
    let toks = &doc.sentences[si].tokens;
    let mut j = ti;
    while j > 0 {
        j -= 1;
        let t = &toks[j];
        if doc.text[t.end..toks[j + 1].start].trim().is_empty() {
            let w = t.surface(&doc.text);
            let lower = w.to_lowercase();
            if t.kind != TokenKind::Word {
                return Before::Other;
            }
            // an attributive adjective or participle (kleinstmögliche, gemeinsame)
            let declined = ["e", "en", "em", "er", "es"]
                .iter()
                .any(|e| lower.ends_with(e))
                && !lexicon().is_function_word(w);
            // a determiner: its stem and an ending of up to three letters (einen, dieser)
            let determiner = DETERMINER_STEMS
                .iter()
                .any(|d| lower.starts_with(d) && lower.len() <= d.len() + 3)
                || CONTRACTIONS.contains(&lower.as_str());
            if !t.capitalized
                && !determiner
                && (declined || memo.analyze(w).is_some_and(|a| a.pos == Pos::Adj))
            {
                continue;
            }
            return if determiner {
                Before::Determiner(lower)
            } else if matches!(lower.as_str(), "als" | "wie")
                || (t.capitalized && lower.ends_with('s'))
            {
                Before::Other
            } else {
                Before::Nothing
            };
        }
        // punctuation between: the phrase starts here
        return Before::Nothing;
    }
    Before::Nothing
}

/// Whether token `ti` of sentence `si`, a noun, stands without a determiner: nothing but
/// adjectives between it and the word before its phrase, and that word no article, pronoun,
/// contraction, genitive (*Kärntens*), number or *als*/*wie* (*als Sklavin* takes any noun).
fn without_determiner(doc: &Document, si: usize, ti: usize, memo: &Memo) -> bool {
    matches!(before_phrase(doc, si, ti, memo), Before::Nothing)
}

/// Whether the noun at token `ti` of sentence `si` follows the indefinite article (*einen
/// Ökostrom*, *eine Chemie* read as ungrammatical: a mass noun takes none).
fn after_indefinite_article(doc: &Document, si: usize, ti: usize, memo: &Memo) -> bool {
    matches!(before_phrase(doc, si, ti, memo), Before::Determiner(d)
        if d.starts_with("ein") && !d.starts_with("einig"))
}

/// Fewest words besides the gap in the gap's clause.
const MIN_CLAUSE_WORDS: usize = 3;

/// The words of the clause of token `ti` of sentence `si`, besides it: those between the
/// nearest punctuation before and after it (`,` `;` `:` `–` brackets, quotes, the sentence's
/// ends).
fn clause_words(doc: &Document, si: usize, ti: usize) -> usize {
    let toks = &doc.sentences[si].tokens;
    let breaks = |a: usize, b: usize| {
        doc.text[toks[a].end..toks[b].start].chars().any(|c| {
            matches!(
                c,
                ',' | ';' | ':' | '–' | '(' | ')' | '„' | '“' | '"' | '»' | '«' | '.' | '!' | '?'
            )
        })
    };
    let mut first = ti;
    while first > 0 && !breaks(first - 1, first) {
        first -= 1;
    }
    let mut last = ti;
    while last + 1 < toks.len() && !breaks(last, last + 1) {
        last += 1;
    }
    (first..=last)
        .filter(|&j| j != ti && toks[j].kind == TokenKind::Word)
        .count()
}

/// Lemmas of the article's content words (never offered as distractors: the article may use
/// them in the gap's slot).
fn article_lemmas(doc: &Document, memo: &Memo) -> HashSet<String> {
    let mut out = HashSet::new();
    for s in &doc.sentences {
        for t in &s.tokens {
            if t.is_content()
                && let Some(a) = memo.analyze(t.surface(&doc.text))
            {
                out.insert(a.lemma);
            }
        }
    }
    out
}

/// The gender-and-plural drill: up to `n` nouns of the vocabulary with a meaning, best first,
/// with one gender and a plural, that no item asks for and that give no answer away; then put
/// on the sheet.
fn noun_drill(doc: &Document, vocab: &Entries, n: usize, sheet: &mut Sheet) -> Vec<NounDrill> {
    let lex = lexicon();
    let mut out: Vec<NounDrill> = Vec::new();
    for e in vocab.iter() {
        if out.len() >= n {
            break;
        }
        let (Some(article), Some(plural)) = (e.article, e.plural.as_deref()) else {
            continue;
        };
        if e.pos != "noun"
            || e.meaning().is_none()
            || !matches!(e.gender, Some("m" | "f" | "n"))
            || e.level == Some("A1")
            || is_unit(&e.lemma)
            || super::drills::declined_like_adjective(&e.lemma)
            || lex
                .noun_entries(&e.lemma)
                .iter()
                .map(|v| v.0)
                .collect::<HashSet<_>>()
                .len()
                > 1
            || sheet.reveals_an_answer(&e.lemma, None)
            // a name the lexicon takes for a noun (Bankchef Gottwald Kranebitter: der
            // Gottwald, die Gottwälder)
            || (!e.occurrences.is_empty()
                && e.occurrences.iter().all(|&(s, _)| word_after_capitalised(doc, s)))
            || super::drills::noun_drill_skips(e, &out, sheet)
            // a plural nobody uses (die Beginne, die Streite, die Flächenverbräuche)
            || !plural_in_use(&e.lemma, plural, &e.parts)
            // a verb's infinitive as a neuter noun, its plural the same word (die
            // Wahlverhalten, die Privatleben)
            || infinitive_noun(&e.lemma, plural, e.gender, &e.parts)
            // only a word the article uses as a noun (not the adjective of "Massiven Streit
            // gibt es …" read as das Massiv, nor a name in quotation marks)
            || !attested_as_noun(doc, e)
        {
            continue;
        }
        sheet.add_text(&e.lemma, None);
        out.push(NounDrill {
            id: out.len() + 1,
            lemma: e.lemma.clone(),
            article: article.to_owned(),
            plural: plural.to_owned(),
            gloss: e.meaning(),
        });
    }
    out
}

/// How far (in Zipf) the plural of a noun (of its head, for a compound) may be below its
/// singular and still be a plural a teacher asks for: *Abschlüsse* 1.36 below *Abschluss*,
/// *Räte* 1.37, *Chefs* 1.05; not *Streite* 1.42 (a verb form besides, the lexicon does not
/// know), *Anstiege* 1.42 (a few plurals in use fall below: *Kommissionen* 1.48).
const DRILL_PLURAL_GAP: f32 = 1.4;

/// [`DRILL_PLURAL_GAP`] for a plural that is also a verb form (*Beginne*, *Streite*, *Besuche*:
/// *ich beginne*): the list counts the verb's uses with the noun's, so the plural must be
/// nearly as frequent as the singular (*Versuche*, 0.0 below *Versuch*; not *Beginne*, 1.26,
/// *Streite*, 1.42, nor *Besuche*, 0.84).
const DRILL_VERB_FORM_PLURAL_GAP: f32 = 0.5;

/// Suffixes of abstract nouns of a state or quality (*Hoheit*, *Freiheit*, *Wirtschaft*,
/// *Fähigkeit*) whose compounds [`plural_in_use`] judges by [`DRILL_ABSTRACT_HEAD_PLURAL_GAP`].
const ABSTRACT_HEAD_SUFFIXES: &[&str] = &["heit", "keit", "schaft"];

/// [`DRILL_PLURAL_GAP`] for a compound whose head is an abstract noun
/// ([`ABSTRACT_HEAD_SUFFIXES`]): such a compound names one state (*Oberhoheit*,
/// *Pressefreiheit*, *Volkswirtschaft*) and its plural is asked only where the head's plural
/// is common (*Hoheiten* 1.28 below *Hoheit*, *Wirtschaften* 1.52: out; *Gesellschaften*
/// 1.18, *Mannschaften* 0.51: in).
const DRILL_ABSTRACT_HEAD_PLURAL_GAP: f32 = 1.2;

/// Whether the `plural` of noun `lemma` (a compound of `parts`) is in use, as the
/// gender-and-plural drill asks for it: the plural of the noun, or of a compound's head, is
/// in the frequency list at most [`DRILL_PLURAL_GAP`] below the singular
/// ([`DRILL_VERB_FORM_PLURAL_GAP`] for a plural that is also a verb form); a plural the list
/// lacks is in use only for a singular it lacks too (a rare word, judged by nothing).
fn plural_in_use(lemma: &str, plural: &str, parts: &[String]) -> bool {
    if plural == lemma {
        return true;
    }
    // the head and its plural: the compound's modifiers are the same in both
    let (singular, plural) = match parts.last().map(|h| h.trim_matches('-')) {
        Some(head) if parts.len() >= 2 && head.len() < lemma.len() => {
            let modifiers = lemma.len() - head.len();
            match (
                lemma.get(..modifiers),
                plural.get(..modifiers),
                plural.get(modifiers..),
            ) {
                (Some(a), Some(b), Some(head_plural)) if a == b => {
                    (&lemma[modifiers..], head_plural)
                }
                _ => (lemma, plural),
            }
        }
        _ => (lemma, plural),
    };
    let lex = lexicon();
    // also the first person of a verb whose infinitive is the plural and *-n* (*Besitze*:
    // *ich besitze*, which the analysis may read as the noun's plural)
    let verb_form = || {
        let lower = plural.to_lowercase();
        let infinitive = format!("{lower}n");
        lex.analyze(&lower).is_some_and(|a| a.pos == Pos::Verb)
            || (lower.ends_with('e')
                && lex
                    .analyze(&infinitive)
                    .is_some_and(|a| a.pos == Pos::Verb && a.lemma == infinitive))
    };
    // a compound on an abstract noun of a state (*Oberhoheit*, *Pressefreiheit*) is used in
    // the singular even where its head has a plural (*Hoheiten*, *Freiheiten*)
    let abstract_head = singular.len() < lemma.len()
        && ABSTRACT_HEAD_SUFFIXES.iter().any(|s| singular.ends_with(s));
    match (lex.zipf(singular), lex.zipf(plural)) {
        (Some(s), Some(p)) => {
            let gap = if verb_form() {
                DRILL_VERB_FORM_PLURAL_GAP
            } else if abstract_head {
                DRILL_ABSTRACT_HEAD_PLURAL_GAP
            } else {
                DRILL_PLURAL_GAP
            };
            s - p <= gap
        }
        (None, _) => true,
        (Some(_), None) => false,
    }
}

/// Whether noun `lemma` (of `parts`, of `gender`) is a verb's infinitive used as a noun, or a
/// compound on one (*Wahlverhalten*, *Privatleben*, *Bühnengeschehen*): neuter, its `plural`
/// the same word, its head an infinitive, and neither it nor its head in the domain lexicon
/// (which lists the plurals in use: *Abkommen*, *Verfahren*, *Unternehmen*). Such a noun names an activity or
/// a state and is mostly used in the singular, and a text cannot show a plural like the
/// singular in use: no plural to ask for (the drill leaves out a few that have one,
/// *Vorhaben*, *Menschenleben*, rather than ask *die Wahlverhalten*).
fn infinitive_noun(lemma: &str, plural: &str, gender: Option<&str>, parts: &[String]) -> bool {
    if gender != Some("n") || plural != lemma || !lemma.ends_with("en") {
        return false;
    }
    let lex = lexicon();
    if lex.domain_entry(lemma, Pos::Noun).is_some() {
        return false;
    }
    let head = match parts {
        [.., head] if parts.len() >= 2 => head.trim_matches('-').to_lowercase(),
        _ => lemma.to_lowercase(),
    };
    // the head as a noun of the domain lexicon (*Friedensabkommen*, *Insolvenzverfahren*)
    lex.domain_entry(&crate::lexicon::capitalize(&head), Pos::Noun)
        .is_none()
        && lex
            .analyze(&head)
            .is_some_and(|a| a.pos == Pos::Verb && a.lemma == head)
}

/// Where the token of `doc` that starts at byte `start` is: (sentence, token). Found by
/// binary search (sentences and their tokens are in text order), so that no map of every
/// token is built: a one-sentence text has millions.
fn token_at(doc: &Document, start: usize) -> Option<(usize, usize)> {
    let si = doc.sentences.partition_point(|s| s.end <= start);
    let toks = &doc.sentences.get(si)?.tokens;
    let ti = toks.partition_point(|t| t.start < start);
    toks.get(ti).filter(|t| t.start == start).map(|_| (si, ti))
}

/// Whether the article uses entry `e` as a noun somewhere: capitalised where only a noun is
/// (not a sentence's first word, nor the first after a colon, a dash, a bracket or an opening
/// quote, where any word is capitalised: *Massiven Streit gibt es* is an adjective, no
/// *Massiv*), and not alone in quotation marks, as a name is (*das Bataillon „Tornado“*). An
/// entry none of whose occurrences is found among the tokens (a truncated word of a
/// coordination) is given the benefit of the doubt.
fn attested_as_noun(doc: &Document, e: &VocabEntry) -> bool {
    let mut found = false;
    for &(start, _) in &e.occurrences {
        let Some((si, ti)) = token_at(doc, start) else {
            continue;
        };
        found = true;
        let toks = &doc.sentences[si].tokens;
        let t = &toks[ti];
        let opening = doc.text[..t.start]
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, '„' | '"' | '»' | '«' | '‚' | '\'' | '“'));
        let closing = doc.text[t.end..]
            .chars()
            .next()
            .is_some_and(|c| matches!(c, '“' | '"' | '«' | '»' | '‘' | '\'' | '”'));
        if opening && closing {
            continue;
        }
        let clause_start = toks[..ti]
            .iter()
            .rposition(|p| p.kind == TokenKind::Word)
            .is_none_or(|p| {
                doc.text[toks[p].end..t.start].chars().any(|c| {
                    matches!(
                        c,
                        ':' | '–'
                            | '('
                            | '['
                            | '„'
                            | '"'
                            | '»'
                            | '«'
                            | '‚'
                            | '“'
                            | '.'
                            | '!'
                            | '?'
                    )
                })
            });
        if t.capitalized && !clause_start {
            return true;
        }
    }
    !found
}

/// Whether token `ti` of sentence `si` follows another capitalised word with only a space
/// between (*Gottwald* in "Bankchef Gottwald", *Kranebitter* in "Gottwald Kranebitter"), that
/// word not the sentence's first, no genitive (*Kärntens Landeshauptmann*) and no unit (*13
/// Prozent Arbeiter*): where a name stands. A common noun is seldom written so.
fn after_capitalised(doc: &Document, si: usize, ti: usize) -> bool {
    let toks = &doc.sentences[si].tokens;
    if ti < 2 {
        return false;
    }
    let (prev, t) = (&toks[ti - 1], &toks[ti]);
    t.kind == TokenKind::Word
        && prev.kind == TokenKind::Word
        && prev.capitalized
        && !prev.surface(&doc.text).ends_with('s')
        && !is_unit(prev.surface(&doc.text))
        && doc.text[prev.end..t.start].chars().all(|c| c == ' ')
}

/// Whether the word that starts at byte `start` is [`after_capitalised`].
fn word_after_capitalised(doc: &Document, start: usize) -> bool {
    token_at(doc, start).is_some_and(|(si, ti)| after_capitalised(doc, si, ti))
}

/// A German definition without the labels before its text (*übertragen:*, *im Einklang mit
/// etwas:*): what follows the last `": "` outside brackets. A colon inside brackets belongs to
/// the text (*die Handlung des Kämpfens (im übertragenen Sinne: Handelns) gegen etwas*).
fn without_labels(d: &str) -> &str {
    let mut depth = 0usize;
    let mut body = 0;
    for (i, c) in d.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ':' if depth == 0 && d[i + 1..].starts_with(' ') => body = i + 2,
            _ => {}
        }
    }
    &d[body..]
}

/// A German definition without the bracketed remarks that carry a label (*die Handlung des
/// Kämpfens (im übertragenen Sinne: Handelns) gegen etwas* → *die Handlung des Kämpfens gegen
/// etwas*): a label inside a phrase breaks it for the reader.
fn without_bracketed_labels(d: &str) -> String {
    let mut out = String::with_capacity(d.len());
    let mut rest = d;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inner = &rest[open + 1..close];
        if inner.contains(": ") && !inner.contains('(') {
            out.push_str(rest[..open].trim_end());
            rest = &rest[close + 1..];
        } else {
            out.push_str(&rest[..=close]);
            rest = &rest[close + 1..];
        }
    }
    out.push_str(rest);
    out.trim().to_owned()
}

/// Words a whole German phrase does not end with: articles, prepositions and conjunctions
/// (a definition cut after one: *… Verhinderung von*, *… gegenüber der*).
const OPEN_ENDINGS: &[&str] = &[
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "einer",
    "eines",
    "einem",
    "einen",
    "von",
    "zu",
    "zur",
    "zum",
    "mit",
    "für",
    "auf",
    "in",
    "im",
    "an",
    "am",
    "bei",
    "aus",
    "über",
    "unter",
    "nach",
    "vor",
    "durch",
    "gegen",
    "ohne",
    "um",
    "als",
    "wie",
    "zwischen",
    "und",
    "oder",
    "sowie",
    "bzw",
    "beziehungsweise",
    "aber",
    "sondern",
    "dass",
    "sich",
];

/// Conjunctions a whole German phrase does not start with (the rest of a definition cut
/// before them: *und andere Behörden*).
const OPEN_STARTS: &[&str] = &[
    "und",
    "oder",
    "sowie",
    "bzw",
    "beziehungsweise",
    "aber",
    "sondern",
    "denn",
    "dass",
];

/// Openings of a Wiktionary definition that speaks of the word's spelling or form, not of
/// its meaning (lower case).
const SPELLING_NOTES: &[&str] = &[
    "alternative schreibweise",
    "andere schreibweise",
    "schreibweise",
    "nebenform",
    "variante von",
    "siehe",
];

/// Whether a German definition is a whole phrase a hint can show: its brackets and quotation
/// marks balanced, not ending in a punctuation mark that goes on (`,` `:` `;` `-` `/`) or
/// in an article, preposition or conjunction ([`OPEN_ENDINGS`]), nor starting with a
/// conjunction in lower case ([`OPEN_STARTS`]), and no note on the word's spelling
/// ([`SPELLING_NOTES`]).
pub(crate) fn whole_phrase(d: &str) -> bool {
    let d = d.trim();
    let count = |c: char| d.chars().filter(|&x| x == c).count();
    if d.is_empty()
        || count('(') != count(')')
        || count('[') != count(']')
        || count('„') != count('“')
        || d.ends_with([',', ':', ';', '-', '/', '–', '('])
    {
        return false;
    }
    let words: Vec<&str> = d
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    // a note on the word's spelling, not its meaning (*alternative Schreibweise von Soße*)
    let lower = d.to_lowercase();
    if SPELLING_NOTES.iter().any(|n| lower.starts_with(n)) {
        return false;
    }
    // a last word in brackets is a remark, not where the phrase stops
    let ends_open = !d.ends_with(')') && OPEN_ENDINGS.contains(last);
    !ends_open && !OPEN_STARTS.contains(first)
}

/// Most words a glossary lists.
pub const GLOSSARY_MAX: usize = 40;

/// How far down the vocabulary the glossary looks for its words (the entries are made as they
/// are read: the words below are no key terms, and their meanings cost time).
const GLOSSARY_SCAN: usize = 60;

/// The glossary: the best [`GLOSSARY_MAX`] words of the vocabulary that have a meaning a
/// learner can study from the page alone ([`glossary_meaning`]; units and A1 words left out),
/// alphabetically.
fn glossary(vocab: &Entries) -> Vec<GlossaryEntry> {
    let mut out: Vec<GlossaryEntry> = vocab
        .iter()
        .take(GLOSSARY_SCAN)
        .filter(|e| !is_unit(&e.lemma) && e.level != Some("A1") && glossary_meaning(e))
        .filter_map(|e| {
            Some(GlossaryEntry {
                lemma: e.lemma.clone(),
                headword: e.headword(),
                plural: super::drills::glossary_plural(e),
                meaning: e.meaning()?,
            })
        })
        .take(GLOSSARY_MAX)
        .collect();
    out.sort_by_cached_key(|g| {
        (
            crate::cloze::answer::normalize_answer(&g.lemma),
            g.lemma.clone(),
        )
    });
    out
}

/// Most senses of a German definition that a glossary line shows.
const GLOSSARY_MAX_SENSES: usize = 1;

/// Whether an entry's meaning can stand on a glossary page, where nothing else shows which
/// sense the article uses: an English gloss, or the word's own German definition of at most
/// [`GLOSSARY_MAX_SENSES`] sense. Not the definition of a compound's last part (*Regel (in
/// Abstandsregel): … (3) die Monatsblutung*), nor a list of senses of which the reader must
/// pick one (*Wald: … (2) kreisfreier ungerichteter Graph*): the vocabulary list shows those
/// beside the article's sentence, a glossary without it.
fn glossary_meaning(e: &VocabEntry) -> bool {
    if e.gloss.is_some() {
        return true;
    }
    let Some(d) = e.definition_de.as_deref() else {
        return false;
    };
    const MARKS: [&str; 9] = [
        "(1) ", "(2) ", "(3) ", "(4) ", "(5) ", "(6) ", "(7) ", "(8) ", "(9) ",
    ];
    let senses = MARKS.iter().filter(|m| d.contains(*m)).count();
    !e.defined_by_a_part() && senses <= GLOSSARY_MAX_SENSES
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
pub(crate) struct Memo {
    forms: RefCell<HashMap<(String, Case, Number), Option<String>>>,
    analyses: RefCell<HashMap<String, Option<Analysis>>>,
    names: RefCell<HashMap<String, bool>>,
}

impl Memo {
    /// `lexicon().inflect_noun`.
    pub(crate) fn noun(&self, lemma: &str, case: Case, number: Number) -> Option<String> {
        let key = (lemma.to_owned(), case, number);
        if let Some(f) = self.forms.borrow().get(&key) {
            return f.clone();
        }
        let f = lexicon().inflect_noun(lemma, case, number);
        self.forms.borrow_mut().insert(key, f.clone());
        f
    }

    /// `lexicon().analyze`.
    pub(crate) fn analyze(&self, surface: &str) -> Option<Analysis> {
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
    pub(crate) fn is_name(&self, surface: &str, sentence_start: bool) -> bool {
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

    #[test]
    fn meaning_hints() {
        assert_eq!(
            meaning_hint(
                Some("federation; federal government + competition + authority, agency"),
                "Bundeswettbewerbsbehörde",
                "Bundeswettbewerbsbehörde"
            )
            .as_deref(),
            Some("federation + competition + authority")
        );
        assert_eq!(
            meaning_hint(Some("inflation"), "Inflation", "Inflation"),
            None
        );
        assert_eq!(meaning_hint(None, "Lage", "Lage"), None);
    }

    #[test]
    fn no_item_sentence_with_a_glued_heading_or_a_link() {
        let doc = Document::new(
            "Volvo will bis 2020 selbstfahrende Autos bauen. Autonomes Fahren Für die Entwicklung braucht der Konzern neue Partner in Asien. Der Plan gilt als ehrgeizig und teuer für die Firma. I cant think of a better choice: https://t.co/YcsZC4ZrKg -H Damals sollten die beiden Brüder verkauft werden."
                .to_owned(),
        )
        .unwrap();
        let opts = ClozeOptions::default();
        let texts: Vec<String> = (0..doc.sentences.len())
            .filter_map(|si| item_sentence(&doc, si, &opts))
            .collect();
        assert!(texts.iter().any(|t| t.starts_with("Der Plan")), "{texts:?}");
        assert!(
            !texts.iter().any(|t| t.contains("Für die Entwicklung")),
            "{texts:?}"
        );
        assert!(!texts.iter().any(|t| t.contains("https")), "{texts:?}");
        let doc = Document::new(
            "Wichtige Streitkultur Generell habe es eine Anlaufphase gebraucht, um das neue Regelwerk umzusetzen. Das Gericht hat am Montag in Wien eine Entscheidung getroffen."
                .to_owned(),
        )
        .unwrap();
        assert!(glued_heading(&doc, 0));
        assert!(!glued_heading(&doc, 1));
    }

    #[test]
    fn words_after_a_capitalised_word_are_where_names_stand() {
        let doc = Document::new(
            "Die Aufarbeitung sei Bankchef Gottwald Kranebitter im Weg gewesen. Kärntens Landeshauptmann sprach von einer Krise der Bank. Es waren 13 Prozent Arbeiter."
                .to_owned(),
        )
        .unwrap();
        let starts = |w: &str| doc.text.find(w).unwrap();
        let after = |w: &str| word_after_capitalised(&doc, starts(w));
        assert!(after("Gottwald") && after("Kranebitter"));
        assert_eq!(super::token_at(&doc, starts("Gottwald")), Some((0, 4)));
        assert_eq!(super::token_at(&doc, starts("Gottwald") + 1), None);
        // a genitive before a noun, a word after the sentence's first, a lower-case word
        for w in [
            "Landeshauptmann",
            "Aufarbeitung",
            "Krise",
            "Bank.",
            "Arbeiter",
        ] {
            assert!(!after(w), "{w}");
        }
    }

    #[test]
    fn clauses_around_a_gap() {
        let doc = Document::new(
            "Die Auswirkungen: Die Hälfte aller Erkrankungen habe ihre Wurzel am Arbeitsplatz."
                .to_owned(),
        )
        .unwrap();
        let toks = &doc.sentences[0].tokens;
        let at = |w: &str| toks.iter().position(|t| t.surface(&doc.text) == w).unwrap();
        assert_eq!(clause_words(&doc, 0, at("Auswirkungen")), 1);
        assert_eq!(clause_words(&doc, 0, at("Wurzel")), 8);
    }

    #[test]
    fn a_thin_sheet_is_tried_without_the_answer_that_blocks_it() {
        // Arbeitszeit, the best-ranked term, has its part in most sentences: asked for, it
        // leaves room for three items; left out, for more (Landtag: Parlament, whose gloss is
        // its cognate, is no item)
        let doc = Document::new(
            "Die Arbeitszeit der Angestellten in Österreich ist im vergangenen Jahr deutlich gestiegen. Viele Beschäftigte leisten regelmäßig Überstunden, ohne dafür einen finanziellen Ausgleich zu erhalten. Die Gewerkschaft fordert deshalb eine gesetzliche Obergrenze für die wöchentliche Arbeitszeit. Laut einer Umfrage der Arbeiterkammer beantworten zwei Drittel der Befragten auch in der Freizeit dienstliche Nachrichten. Die ständige Erreichbarkeit führe zu psychischen Erkrankungen, warnte ein Psychotherapeut am Dienstag. Die Arbeitgeber verweisen dagegen auf die Vorteile einer flexiblen Arbeitszeit für Familien mit Kindern. Die Regierung will im Herbst einen Gesetzesentwurf zur Flexibilisierung der Arbeitszeit vorlegen. Die Opposition kritisiert die Pläne als Angriff auf den Arbeitnehmerschutz und kündigt Widerstand im Landtag an."
                .to_owned(),
        )
        .unwrap();
        let scores = crate::Summarizer::default().scores(&doc);
        let mut rng = <rand::rngs::StdRng as rand::SeedableRng>::seed_from_u64(1);
        let ws = generate(
            &doc,
            &scores,
            IdfTable::embedded(),
            "",
            &ClozeOptions::default(),
            &mut rng,
        );
        let answers: Vec<&str> = ws.items.iter().map(|i| i.answer.as_str()).collect();
        assert!(answers.len() >= THIN_SHEET, "{answers:?}");
    }

    /// The index of the token `w` in sentence `si`.
    fn token_at(doc: &Document, si: usize, w: &str) -> usize {
        doc.sentences[si]
            .tokens
            .iter()
            .position(|t| t.surface(&doc.text) == w)
            .unwrap()
    }

    #[test]
    fn labels_are_cut_from_a_definition_but_not_its_bracketed_text() {
        assert_eq!(
            without_labels(
                "die Handlung des Kämpfens (im übertragenen Sinne: Handelns) gegen etwas"
            ),
            "die Handlung des Kämpfens (im übertragenen Sinne: Handelns) gegen etwas"
        );
        assert_eq!(
            without_labels("übertragen: peinliche Situation"),
            "peinliche Situation"
        );
        assert_eq!(
            without_labels("im Einklang mit etwas: Übereinstimmung, Harmonie"),
            "Übereinstimmung, Harmonie"
        );
        assert_eq!(without_labels("Zeitpunkt: 12:30"), "12:30");
        // a label inside brackets goes with its brackets
        assert_eq!(
            without_bracketed_labels(
                "die Handlung des Kämpfens (im übertragenen Sinne: Handelns) gegen etwas"
            ),
            "die Handlung des Kämpfens gegen etwas"
        );
        assert_eq!(
            without_bracketed_labels("(wissenschaftlicher) Versuch"),
            "(wissenschaftlicher) Versuch"
        );
    }

    #[test]
    fn a_hint_is_a_whole_phrase() {
        for d in [
            "die Handlung des Kämpfens gegen etwas",
            "(wissenschaftlicher) Versuch",
            "ein Hauch; ein wenig (von)",
            "zu starke Beanspruchung der Leistungsfähigkeit von jemandem oder etwas",
            "von Angriffen gekennzeichnetes Vorgehen von Streitkräften",
        ] {
            assert!(whole_phrase(d), "{d}");
        }
        for d in [
            // cut: open brackets, an article, preposition or conjunction at the end
            "die Handlung des Kämpfens (im übertragenen Sinne",
            "das Verhindern von",
            "eine Haltung gegenüber der",
            "Einstellung, die auf Verhinderung und",
            "Vorschriften,",
            // the rest of a definition
            "und andere Behörden",
            // a note on the spelling
            "alternative Schreibweise von Soße",
        ] {
            assert!(!whole_phrase(d), "{d}");
        }
    }

    /// [`teaser_sentences`] of `text`.
    fn teasers(text: &str) -> usize {
        teaser_sentences(&Document::new(text.to_owned()).unwrap())
    }

    #[test]
    fn a_teaser_run_into_the_body_or_above_a_byline() {
        // one block: a short first sentence the body does not go on from
        assert_eq!(
            teasers(
                "Der Dirigent wird das Neujahrskonzert 2017 leiten. Der 35-jährige Gustavo Dudamel ist der jüngste Dirigent in der Geschichte des Konzerts. Die Wiener Philharmoniker gaben die Wahl am Sonntag bekannt. Das Konzert wird in 90 Länder übertragen."
            ),
            1
        );
        // the second sentence goes on from the first: a lead
        assert_eq!(
            teasers(
                "Der Dirigent wird das Neujahrskonzert 2017 leiten. Er ist der jüngste Dirigent in der Geschichte des Konzerts. Die Wiener Philharmoniker gaben die Wahl am Sonntag bekannt. Das Konzert wird in 90 Länder übertragen."
            ),
            0
        );
        // in paragraphs, a first sentence that runs on into its paragraph is the lead
        assert_eq!(
            teasers(
                "Der Dirigent wird das Neujahrskonzert 2017 leiten. Die Wiener Philharmoniker gaben die Wahl am Sonntag bekannt.\n\nDas Konzert wird in 90 Länder übertragen. Karten sind ausverkauft."
            ),
            0
        );
        // a headline and teaser above the author's byline
        let doc = Document::new(
            "Neue Regeln für Mieter.\n\nWas sich im kommenden Jahr für Mieter und Vermieter ändert.\n\nVon Max Muster, 12.03.2017\n\nDie Bundesregierung hat am Mittwoch die Reform des Mietrechts beschlossen. Sie soll im Januar in Kraft treten. Die Opposition kritisiert das Gesetz.".to_owned(),
        )
        .unwrap();
        let body = (0..doc.sentences.len())
            .find(|&si| doc.text[doc.sentences[si].start..].starts_with("Die Bundesregierung"))
            .expect("the body's first sentence");
        assert_eq!(teaser_sentences(&doc), body);
        // a sentence that opens with "Von" and goes on is none
        assert_eq!(
            teasers(
                "Von Berlin aus fliegt die Kanzlerin am Montag nach Paris. Dort trifft sie den Präsidenten. Die beiden sprechen über den Haushalt. Ein Ergebnis wird nicht erwartet."
            ),
            0
        );
    }

    #[test]
    fn english_sounds_of_a_pronunciation() {
        assert!(english_word("Computer", 1, Some("kɔmˈpjuːtɐ"), None));
        assert!(english_word("Community", 1, Some("kɔˈmjuːnɪti"), None));
        assert!(!english_word("Jubiläum", 1, Some("juːbiˈlɛːʊm"), None));
        assert!(!english_word("Jugend", 1, Some("ˈjuːɡn̩t"), None));
        // English letters for a sound, in words of any length (the pronunciations are
        // Wiktionary's)
        for (lemma, ipa) in [
            ("Smartwatch", "ˈsmaːɐ̯tˌvɔt͡ʃ"),
            ("Lifestyle", "ˈlaɪ̯fˌstaɪ̯l"),
            ("Entertainment", "ɛntɐˈteːnmənt"),
            ("Container", "kɔnˈteːnɐ"),
            ("Double", "ˈduːbl̩"),
            ("Underdog", "ˈandɐdɔk"),
            ("Lockdown", "ˈlɔkdaʊ̯n"),
        ] {
            assert!(english_word(lemma, 1, Some(ipa), None), "{lemma}");
        }
        for (lemma, ipa) in [
            ("Zeitung", "ˈt͡saɪ̯tʊŋ"),
            ("Kaiser", "ˈkaɪ̯zɐ"),
            ("Haushalt", "ˈhaʊ̯shalt"),
            ("Umwelt", "ˈʊmvɛlt"),
            ("Saison", "zɛˈzɔ̃ː"),
            ("Unternehmen", "ʊntɐˈneːmən"),
            ("Bauer", "ˈbaʊ̯ɐ"),
            ("Urlaub", "ˈuːɐ̯ˌlaʊ̯p"),
        ] {
            assert!(!english_word(lemma, 1, Some(ipa), None), "{lemma}");
        }
    }

    /// The article's whole vocabulary (not cut where the default list ends).
    fn uncut_vocab(doc: &Document) -> Vec<VocabEntry> {
        crate::vocab::vocabulary(
            doc,
            IdfTable::embedded(),
            &VocabOptions {
                uncut: true,
                ..VocabOptions::default()
            },
        )
    }

    /// The entry of `lemma` in `vocab`.
    fn entry<'a>(vocab: &'a [VocabEntry], lemma: &str) -> &'a VocabEntry {
        vocab
            .iter()
            .find(|e| e.lemma == lemma)
            .unwrap_or_else(|| panic!("{lemma} not in the vocabulary"))
    }

    #[test]
    fn english_words_used_unchanged_are_no_targets() {
        let doc = Document::new(
            "Der Investor kaufte das Penthouse. Das Meeting mit dem Teenager dauerte lange. Der Shitstorm traf die Firma hart. Die Holding der Gruppe fehlt. Die Inflation und die Reform der Bank. Die Wohnung und die Verhandlung kosten Zeit. Die Realisierung der Kaffeemaschine dauert. Die Landeshauptstadt plant eine Kundgebung. Der Projektmanager kam."
                .to_owned(),
        )
        .unwrap();
        let vocab = uncut_vocab(&doc);
        let english = |lemma: &str| english_unchanged(entry(&vocab, lemma));
        for lemma in ["Penthouse", "Meeting", "Teenager", "Shitstorm", "Holding"] {
            assert!(english(lemma), "{lemma}");
        }
        for lemma in [
            "Investor",
            "Inflation",
            "Reform",
            "Bank",
            "Wohnung",
            "Verhandlung",
            "Realisierung",
            "Kaffeemaschine",
            "Landeshauptstadt",
            "Kundgebung",
            "Projektmanager",
        ] {
            assert!(!english(lemma), "{lemma}");
        }
    }

    #[test]
    fn international_endings_without_a_gloss_are_cognates() {
        let doc = Document::new(
            "Die Pandemie hat die Lage verändert. Der Aktivist kritisierte die Frist. Die Kategorie \
             der Linie wurde geändert. Die Pandemie und der Aktivist bleiben Thema, die Frist auch."
                .to_owned(),
        )
        .unwrap();
        let vocab = uncut_vocab(&doc);
        let entry = |lemma: &str| entry(&vocab, lemma);
        for lemma in ["Pandemie", "Aktivist", "Kategorie"] {
            assert!(english_cognate(entry(lemma)), "{lemma}");
        }
        // short words in -ist and -ie are German words or none of English
        for lemma in ["Frist", "Linie"] {
            assert!(!english_cognate(entry(lemma)), "{lemma}");
        }
    }

    #[test]
    fn english_loans_are_no_targets_and_cognates_come_last() {
        let doc = Document::new(
            "Die Kugel kann per Smartphone ferngesteuert werden. Ein Cracker drang daraufhin in das System ein und sorgte dafür, dass das Unternehmen später Insolvenz anmelden musste. Der Rückgang beim Bruttoinlandsprodukt ist die schwerste Krise seit 2009. Anstatt die gesamte Hardware zu liefern, nutzen die Geräte die Software des Herstellers. Er war bei den Verhandlungen in Unterausschüssen anwesend. Der Konflikt um die Kandidatur dauert an."
                .to_owned(),
        )
        .unwrap();
        let vocab = uncut_vocab(&doc);
        let entry = |lemma: &str| entry(&vocab, lemma);
        for lemma in ["Smartphone", "Software"] {
            assert!(english_loan_target(entry(lemma)), "{lemma}");
        }
        for lemma in ["Insolvenz", "Krise", "Konflikt"] {
            assert!(!english_loan_target(entry(lemma)), "{lemma}");
            assert!(english_cognate(entry(lemma)), "{lemma}");
        }
        // a translation, a cognate by its beginning only (candidacy), a compound
        for lemma in [
            "Verhandlung",
            "Kandidatur",
            "Bruttoinlandsprodukt",
            "Rückgang",
        ] {
            assert!(!english_loan_target(entry(lemma)), "{lemma}");
            assert!(!english_cognate(entry(lemma)), "{lemma}");
        }
    }

    #[test]
    fn transparent_cognates_are_told_from_translations() {
        // the regular spelling correspondences of German and English
        for (lemma, gloss) in [
            ("Militär", "military"),
            ("Passagier", "passenger"),
            ("Evaluierung", "evaluation"),
            ("Assistentin", "assistant"),
            ("Priorität", "priority"),
            ("Konflikt", "conflict"),
            ("Krise", "crisis"),
            ("Demokratie", "democracy"),
            ("Kapitalismus", "capitalism"),
            ("Gouverneur", "governor"),
            ("Kommandeur", "commander"),
            // spelt further apart, alike in their consonants
            ("Souveränität", "sovereignty"),
            ("Bürokratie", "bureaucracy"),
            ("Politiker", "politician"),
            // the head of an English phrase
            ("Konflikt", "armed conflict"),
        ] {
            assert!(transparent_cognate(lemma, gloss), "{lemma}");
        }
        // translations in other words; a gloss of several words
        for (lemma, gloss) in [
            ("Gläubiger", "creditor"),
            ("Kundgebung", "rally"),
            ("Investition", "investment"),
            ("Verhandlung", "negotiation"),
            ("Behörde", "authority, agency"),
            ("Lehrerin", "teacher"),
            ("Raumfahrt", "space travel"),
            ("Redakteur", "editor"),
            ("Ingenieur", "engineer"),
            // a short word whose consonants are alike is read as another word
            ("Flucht", "flight"),
            ("Fracht", "freight"),
        ] {
            assert!(!transparent_cognate(lemma, gloss), "{lemma}");
        }
    }

    #[test]
    fn a_feminine_entry_after_a_masculine_determiner_is_another_word() {
        let text = "An dem sogenannten Marsch der Helden beteiligten sich rund 2.000 Anhänger. Die Marsch liegt hinter dem Deich.";
        let doc = Document::new(text.to_owned()).unwrap();
        let contradicted = |(lemma, gender, at): (&str, &str, usize)| {
            feminine_contradicted(&doc, lemma, Some(gender), &[(at, at + lemma.len())])
        };
        let marsch = text.find("Marsch").unwrap();
        let second = text.rfind("Marsch").unwrap();
        assert!(contradicted(("Marsch", "f", marsch)));
        // the feminine article, a masculine entry
        assert!(!contradicted(("Marsch", "f", second)));
        assert!(!contradicted(("Marsch", "m", marsch)));
        let deich = text.find("Deich").unwrap();
        assert!(contradicted(("Deich", "f", deich)));
        // a noun after another noun (der Helden: no determiner of it)
        let helden = text.find("Helden").unwrap();
        assert!(!contradicted(("Helden", "f", helden)));
    }

    #[test]
    fn abbreviations_in_brackets_are_found() {
        assert!(abbreviation_at(" (WK) fordert mehr Geld."));
        assert!(abbreviation_at(" (IWF)."));
        assert!(abbreviation_at("(KMUs) sind betroffen"));
        // a bracket of words, a year, a single letter
        assert!(!abbreviation_at(" (siehe oben) ist"));
        assert!(!abbreviation_at(" (2015) war"));
        assert!(!abbreviation_at(" (A) und"));
        assert!(!abbreviation_at(" des Landes (WK)"));
    }

    #[test]
    fn drill_plurals_are_plurals_in_use() {
        for (lemma, plural, parts) in [
            ("Beginn", "Beginne", vec![]),
            ("Streit", "Streite", vec![]),
            ("Besuch", "Besuche", vec![]),
            (
                "Flächenverbrauch",
                "Flächenverbräuche",
                vec!["Flächen", "verbrauch"],
            ),
            // a compound on an abstract noun of a state
            ("Oberhoheit", "Oberhoheiten", vec!["Ober", "hoheit"]),
            // the first person of a verb besides (ich besitze)
            ("Besitz", "Besitze", vec![]),
            (
                "Volkswirtschaft",
                "Volkswirtschaften",
                vec!["Volks", "wirtschaft"],
            ),
        ] {
            let parts: Vec<String> = parts.into_iter().map(str::to_owned).collect();
            assert!(!plural_in_use(lemma, plural, &parts), "{lemma}");
        }
        for (lemma, plural, parts) in [
            ("Versuch", "Versuche", vec![]),
            ("Abschluss", "Abschlüsse", vec![]),
            ("Chef", "Chefs", vec![]),
            ("Gläubiger", "Gläubiger", vec![]),
            ("Verhandlung", "Verhandlungen", vec![]),
            ("Gespräch", "Gespräche", vec![]),
            (
                "Verhandlungschef",
                "Verhandlungschefs",
                vec!["Verhandlungs", "chef"],
            ),
            (
                "Aktiengesellschaft",
                "Aktiengesellschaften",
                vec!["Aktien", "gesellschaft"],
            ),
            ("Mehrheit", "Mehrheiten", vec![]),
        ] {
            let parts: Vec<String> = parts.into_iter().map(str::to_owned).collect();
            assert!(plural_in_use(lemma, plural, &parts), "{lemma}");
        }
        // an infinitive as a neuter noun: no plural to ask for
        let parts = |p: &[&str]| p.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert!(infinitive_noun(
            "Wahlverhalten",
            "Wahlverhalten",
            Some("n"),
            &parts(&["Wahl", "verhalten"])
        ));
        assert!(infinitive_noun(
            "Privatleben",
            "Privatleben",
            Some("n"),
            &parts(&["Privat", "leben"])
        ));
        // a masculine noun that is also a verb's infinitive, a listed plural
        assert!(!infinitive_noun("Rücken", "Rücken", Some("m"), &[]));
        assert!(!infinitive_noun("Abkommen", "Abkommen", Some("n"), &[]));
        assert!(!infinitive_noun(
            "Friedensabkommen",
            "Friedensabkommen",
            Some("n"),
            &parts(&["Friedens", "abkommen"])
        ));
    }

    #[test]
    fn clipped_words_are_no_targets() {
        for lemma in [
            "Uni", "Kita", "Demo", "Info", "Abi", "Promi", "Limo", "Metal", "Mikro",
        ] {
            assert!(clipping(lemma), "{lemma}");
        }
        for lemma in [
            "Echo", "Tempo", "Motto", "Veto", "Trio", "Lotto", "Partei", "Abtei", "Risiko",
            "Konto", "Bank", "Staat", "Land", "Zeit", "Film", "Ton", "Pass", "Wahl", "Rat",
        ] {
            assert!(!clipping(lemma), "{lemma}");
        }
    }

    #[test]
    fn no_gap_in_a_name_given_with_its_abbreviation() {
        let doc = Document::new(
            "Der Verband der Automobilindustrie (VDA) warnte vor neuen Zöllen. Das Bundesamt für Migration und Flüchtlinge (BAMF) prüft die Anträge. Die Zahl der Arbeitslosen (AMS) stieg. Die Inflation (2,5 Prozent) stieg weiter. Das Wachstum des Bruttoinlandsprodukts (BIP) sank."
                .to_owned(),
        )
        .unwrap();
        let name = |si: usize, w: &str| in_abbreviated_name(&doc, si, token_at(&doc, si, w));
        assert!(name(0, "Automobilindustrie"));
        assert!(name(0, "Verband"));
        assert!(name(1, "Migration"));
        assert!(name(1, "Bundesamt"));
        assert!(!name(1, "Anträge"));
        assert!(!name(2, "Arbeitslosen"));
        assert!(!name(3, "Inflation"));
        assert!(!name(4, "Bruttoinlandsprodukts"));
    }

    #[test]
    fn drill_nouns_are_nouns_of_the_article_and_no_names() {
        // a capitalised adjective at a sentence's start is read as a noun (das Massiv), and a
        // name in quotation marks is no word to learn (der Tornado)
        let doc = Document::new(
            "Massiven Streit gibt es in der Koalition seit Wochen. Die Regierung plant neue Steuern für Unternehmen. Das Bataillon „Tornado“ kämpft seit Monaten im Osten des Landes. Die Kämpfer des Bataillons „Tornado“ gelten als besonders brutal. Die Opposition kritisiert die Pläne der Regierung scharf."
                .to_owned(),
        )
        .unwrap();
        let ranking = Ranking::for_one_list(&doc, IdfTable::embedded(), false);
        let vocab = ranking.entries(&VocabOptions {
            uncut: true,
            ..VocabOptions::default()
        });
        let attested = |lemma: &str| {
            let e = vocab.iter().find(|e| e.lemma == lemma).unwrap();
            attested_as_noun(&doc, e)
        };
        assert!(!attested("Massiv"));
        assert!(!attested("Tornado"));
        for lemma in [
            "Regierung",
            "Koalition",
            "Bataillon",
            "Streit",
            "Opposition",
        ] {
            assert!(attested(lemma), "{lemma}");
        }
        let nouns = noun_drill(&doc, &vocab, 10, &mut Sheet::new(""));
        assert!(!nouns.is_empty());
        assert!(
            nouns
                .iter()
                .all(|n| n.lemma != "Massiv" && n.lemma != "Tornado"),
            "{nouns:?}"
        );
    }

    #[test]
    fn nouns_without_a_determiner() {
        let doc = Document::new(
            "Die Zeit für Beschaffung und Aufbereitung der Akten dürfe nicht in die Dauer eingerechnet werden. Sie kam als Sklavin zur Welt, sagte der kleinstmögliche gemeinsame Nenner."
                .to_owned(),
        )
        .unwrap();
        let memo = Memo::default();
        let at = |si: usize, w: &str| token_at(&doc, si, w);
        assert!(without_determiner(&doc, 0, at(0, "Beschaffung"), &memo));
        assert!(without_determiner(&doc, 0, at(0, "Aufbereitung"), &memo));
        assert!(!without_determiner(&doc, 0, at(0, "Akten"), &memo));
        assert!(!without_determiner(&doc, 0, at(0, "Dauer"), &memo));
        assert!(!without_determiner(&doc, 1, at(1, "Sklavin"), &memo));
        assert!(!without_determiner(&doc, 1, at(1, "Nenner"), &memo));
        assert!(!without_determiner(&doc, 1, at(1, "Welt"), &memo));
        // the indefinite article, also before adjectives; not the definite one, not *einige*
        let doc = Document::new(
            "Das Land plant einen raschen Ausbau und eine Reform. Einige Länder fordern die Wende."
                .to_owned(),
        )
        .unwrap();
        let at = |si: usize, w: &str| token_at(&doc, si, w);
        assert!(after_indefinite_article(&doc, 0, at(0, "Ausbau"), &memo));
        assert!(after_indefinite_article(&doc, 0, at(0, "Reform"), &memo));
        assert!(!after_indefinite_article(&doc, 0, at(0, "Land"), &memo));
        assert!(!after_indefinite_article(&doc, 1, at(1, "Länder"), &memo));
        assert!(!after_indefinite_article(&doc, 1, at(1, "Wende"), &memo));
    }

    #[test]
    fn an_item_shows_its_sentence_without_the_dateline() {
        let text = "Die Gewerkschaft verlangt höhere Löhne für die Angestellten im Handel. Wien/Zürich – Die Gewerkschaft sieht dringenden Handlungsbedarf bei den Verträgen der Angestellten im Handel. Berlin (dpa) – Die Verhandlungen über die Tarifverträge der Branche sollen im Herbst beginnen. Die Arbeitgeber lehnen die Forderungen der Gewerkschaft bisher strikt ab.";
        let doc = Document::new(text.to_owned()).unwrap();
        let opts = ClozeOptions {
            min_words: 3,
            ..ClozeOptions::default()
        };
        let shown = |si: usize| item_sentence(&doc, si, &opts).unwrap();
        assert!(shown(0).starts_with("Die Gewerkschaft verlangt"));
        assert!(
            shown(1).starts_with("Die Gewerkschaft sieht"),
            "{}",
            shown(1)
        );
        assert!(shown(2).starts_with("Die Verhandlungen"), "{}", shown(2));
        assert_eq!(
            shown_start(&doc, 1),
            text.find("Die Gewerkschaft sieht").unwrap()
        );
        // the gap's offsets point at the shown sentence and at the source
        let opts = ClozeOptions {
            kinds: Kinds::all(),
            ..opts
        };
        let scores = crate::Summarizer::default().scores(&doc);
        let mut rng = <rand::rngs::StdRng as rand::SeedableRng>::seed_from_u64(1);
        let sheet = generate(&doc, &scores, IdfTable::embedded(), "", &opts, &mut rng);
        assert!(!sheet.items.is_empty());
        for it in &sheet.items {
            assert!(!it.sentence.starts_with("Wien") && !it.sentence.starts_with("Berlin"));
            assert_eq!(&it.sentence[it.start..it.end], it.answer);
            assert_eq!(&text[it.source_start..it.source_end], it.answer);
        }
    }

    #[test]
    fn no_vocabulary_item_in_the_teaser_or_in_headline_syntax() {
        let text = "Gewerkschaft will Verzicht auf Kündigungen erzwingen – Protest direkt vor der Zentrale. Bonn – Die Gewerkschaft hat am Montag vor der Zentrale des Konzerns protestiert. Erstmals auf öffentlichen Straßen – Ein Fahrer muss aber im Lastwagen sitzen. Der Vorstand lehnte die Forderung ab – wie schon im vergangenen Jahr. Die Belegschaft wartet auf ein Angebot – Konzernchef Müller hat eines versprochen. Der Streit dauert an – Zweifel am zeitlichen Fahrplan.";
        let doc = Document::new(text.to_owned()).unwrap();
        let memo = Memo::default();
        assert_eq!(teaser_sentences(&doc), 1);
        let headline: Vec<bool> = (0..doc.sentences.len())
            .map(|si| headline_syntax(&doc, si, &memo))
            .collect();
        assert_eq!(headline, [true, false, true, false, false, true]);
        let doc = Document::new(
            "Suche nach Ausweg nach Verhör in der Affäre – Präsidentin Rousseff kämpft um ihr Amt. Der Außenminister – Kurz ist seit 2013 im Amt – sagte das am Montag. Die neue Regelung gilt ab Montag – Kanzler Kurz hat sie angekündigt."
                .to_owned(),
        )
        .unwrap();
        let headline: Vec<bool> = (0..doc.sentences.len())
            .map(|si| headline_syntax(&doc, si, &memo))
            .collect();
        assert_eq!(headline, [true, false, false]);
        // no teaser without a dateline, unless the lead restates the first sentence
        assert_eq!(
            teasers("Die Gewerkschaft hat protestiert. Der Vorstand lehnte die Forderung ab."),
            0
        );
        assert_eq!(
            teasers(
                "Der Betriebswirt folgt in der Steiermark Franz Voves nach. Als im Jänner 2013 Franz Voves eine überraschende Personalrochade in seinem Team ausführte, holte er sich den jungen Schickhofer direkt aus dem Parlament in die Landesregierung. Die bisherige Landesrätin musste ihrerseits in Richtung Nationalrat weichen. Damals war Schickhofer 33 Jahre alt."
            ),
            1
        );
        // a title line of its own, one of its words in the lead
        assert_eq!(
            teasers(
                "Ikea sucht einen Standort in Vorarlberg.\n\nDie schwedische Möbelkette will ihr erstes Haus im Westen des Landes bauen. Geprüft werden drei Grundstücke im Rheintal. In Vorarlberg gibt es bisher kein Möbelhaus dieser Größe. Eine Entscheidung soll im Herbst fallen."
            ),
            1
        );
        // a lead sentence whose words the next sentences do not take up
        assert_eq!(
            teasers(
                "Die Regierung in Rom hat am Montag ein neues Sparpaket beschlossen. Es soll zwölf Milliarden Euro bringen. Die Opposition kündigte Widerstand an. Gewerkschaften drohen mit Streiks."
            ),
            0
        );
    }

    #[test]
    fn no_vocabulary_item_in_a_verbless_sentence_or_a_participle_headline() {
        let memo = Memo::default();
        // a teaser in headline syntax and no dateline after it: a participle for the verb, a
        // noun phrase after the comma
        // (sentences of 10kGNAD articles but the first, in the style of a teaser)
        let text = "Mehrere der mutmaßlichen Attentäter identifiziert, Fahndung nach Komplizen. Die Polizei hat am Sonntag zwei der mutmaßlichen Attentäter identifiziert, die Fahndung nach Komplizen läuft. Ein Verdächtiger wurde festgenommen, Ermittlungen laufen noch. Der Kostenbeitrag für die Kandidatur im Bezirk beträgt 72,67 Euro. Der Lohn für die Mühen: 90 Punkte und 7.200 US-Dollar Preisgeld. Die Kölner Fans pfiffen bei nahezu jeder Gelegenheit, offenbar in der Hoffnung auf eine Wiedergutmachung des Unparteiischen. Ein schnelles Mobilfunknetz mit Datenraten von über 10 Gbit/s. Die heutigen Dimensionen des Krieges sowie rasante Neuerungen in Wissenschaft und Technik stellen militärische Ausbildung vor enorme Herausforderungen. Denken Sie an die großen Terroranschläge seit 9/11.";
        let doc = Document::new(text.to_owned()).unwrap();
        assert_eq!(doc.sentences.len(), 9);
        // the lead restates the first sentence (Attentäter, Fahndung, Komplizen): a teaser
        assert_eq!(teaser_sentences(&doc), 1);
        let of = |f: fn(&Document, usize, &Memo) -> bool| -> Vec<bool> {
            (0..doc.sentences.len())
                .map(|si| f(&doc, si, &memo))
                .collect()
        };
        assert_eq!(
            of(participle_headline),
            [true, false, false, false, false, false, false, false, false]
        );
        assert_eq!(
            of(verbless),
            [false, false, false, false, true, false, true, false, false]
        );
        let running = RunningText::new(&doc);
        let holds: Vec<bool> = (0..doc.sentences.len())
            .map(|si| running.holds(&doc, si, &memo))
            .collect();
        assert_eq!(
            holds,
            [false, true, true, true, false, true, false, true, true]
        );
        // no vocabulary item in the first sentence, though it holds the article's key terms
        let opts = ClozeOptions {
            min_words: 3,
            ..ClozeOptions::default()
        };
        let mut rng = <rand::rngs::StdRng as rand::SeedableRng>::seed_from_u64(1);
        let sheet = generate(&doc, &[], IdfTable::embedded(), "t", &opts, &mut rng);
        assert!(
            sheet
                .items
                .iter()
                .all(|i| ![0, 4, 6].contains(&i.sentence_index)),
            "{:?}",
            sheet.items
        );
    }

    #[test]
    fn a_hint_that_shows_another_answer_gives_it_away() {
        let placed = |answer: &str, lemma: &str, parts: &[&str]| {
            let parts: Vec<String> = parts.iter().map(|p| (*p).to_owned()).collect();
            Placed {
                keys: AnswerKeys::new(answer, lemma, &parts),
                lemma: lemma.to_owned(),
                cognates: CognateKeys::new(lemma, &parts),
                hint: HintText::new(""),
            }
        };
        let ton = placed("Ton", "Ton", &[]);
        // German: an inflected form; English: a cognate
        assert!(ton.revealed_by_hint(&HintText::new("Gerät zur Aufnahme von Tönen")));
        assert!(ton.revealed_by_hint(&HintText::new("tone")));
        assert!(!ton.revealed_by_hint(&HintText::new("clay")));
        assert!(!ton.revealed_by_hint(&HintText::new("Gerät zur Aufnahme von Bildern")));
        let flucht = placed("Flucht", "Flucht", &[]);
        assert!(flucht.revealed_by_hint(&HintText::new("jemand, der flüchten musste")));
        let steuer = placed("Steuerreform", "Steuerreform", &["Steuer", "Reform"]);
        assert!(steuer.revealed_by_hint(&HintText::new("Reform der Steuern")));
        assert!(steuer.revealed_by_hint(&HintText::new("tax reform")));
        assert!(!steuer.revealed_by_hint(&HintText::new("pension")));
    }

    #[test]
    fn compounds_glossed_part_by_part_are_transparent() {
        let parts = |p: &[&str]| p.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let t = |gloss: &str, p: &[&str]| transparent_compound(Some(gloss), false, &parts(p));
        assert!(t("ministry of defence", &["Verteidigung", "Ministerium"]));
        assert!(t("election result", &["Wahl", "Ergebnis"]));
        assert!(t("human right", &["Mensch", "Recht"]));
        assert!(transparent_compound(
            Some("energy company"),
            true,
            &parts(&["Energie", "Unternehmen"])
        ));
        // a word of the gloss that is no part's
        assert!(!t("monetary union", &["Währung", "Union"]));
        assert!(!t("ministry", &["Verteidigung", "Ministerium"]));
        assert!(!t("currency", &["Währung"]));
        assert!(!transparent_compound(
            None,
            false,
            &parts(&["Wahl", "Ergebnis"])
        ));
    }

    #[test]
    fn a_word_of_an_uncertain_sense_is_a_target_after_the_others() {
        // (*eines* Einvernehmens: the cue of senses.tsv, *Herstellung des Einvernehmens*, does
        // not choose the sense, so the vocabulary stays unsure)
        let doc = Document::new(
            "Die Regierung bemüht sich um die Herstellung eines Einvernehmens mit den Ländern. Der Bundeskanzler sprach mit den Landeshauptleuten über die Koalition und die Wahl. Die Opposition kritisiert das Vorgehen der Regierung im Parlament."
                .to_owned(),
        )
        .unwrap();
        let ranking = Ranking::for_one_list(&doc, IdfTable::embedded(), false);
        let vocab = ranking.entries(&VocabOptions::default());
        let herstellung = vocab.iter().find(|e| e.lemma == "Herstellung").unwrap();
        assert!(uncertain_sense(herstellung));
        let scores = crate::Summarizer::default().scores(&doc);
        let answers = |items: usize| -> Vec<String> {
            let opts = ClozeOptions {
                items,
                ..ClozeOptions::default()
            };
            let mut rng = <rand::rngs::StdRng as rand::SeedableRng>::seed_from_u64(1);
            generate(&doc, &scores, IdfTable::embedded(), "", &opts, &mut rng)
                .items
                .into_iter()
                .map(|i| i.lemma)
                .collect()
        };
        // another word of its sentence first (Einvernehmen)
        let all = answers(10);
        assert!(all.contains(&"Einvernehmen".to_owned()), "{all:?}");
    }

    #[test]
    fn a_hint_chosen_among_senses_comes_last_and_only_fills_a_thin_sheet() {
        let doc = Document::new(
            "Die Blüten waren gefälscht. Die Polizei fand weitere Blüten im Auto.".to_owned(),
        )
        .unwrap();
        let ranking = Ranking::for_one_list(&doc, IdfTable::embedded(), false);
        let vocab = ranking.entries(&VocabOptions::default());
        let mut e = vocab.iter().find(|e| e.lemma == "Blüte").unwrap().clone();
        assert!(lexicon().senses("Blüte").len() >= 2);
        // one sense the vocabulary chose among Wiktionary's: a hint, but the last target
        e.gloss = None;
        e.definition_de = Some("gefälschte Banknote".to_owned());
        assert!(e.chosen_sense());
        assert!(sense_among_several(&e));
        // a list of senses is no hint; an English gloss is the hint of its own
        e.definition_de = Some("(1) gefälschte Banknote (2) Organ einer Pflanze".to_owned());
        assert!(!sense_among_several(&e));
        e.definition_de = Some("gefälschte Banknote".to_owned());
        e.gloss = Some("forged banknote".to_owned());
        assert!(!sense_among_several(&e));
        // such items do not count as sure ones when a thin sheet is tried again
        let item = |lemma: &str, gloss: Option<&str>| ClozeItem {
            id: 0,
            kind: Kind::Vocab,
            sentence: String::new(),
            prompt: String::new(),
            answer: lemma.to_owned(),
            lemma: lemma.to_owned(),
            hint: String::new(),
            choices: Vec::new(),
            sentence_index: 0,
            start: 0,
            end: 0,
            source_start: 0,
            source_end: 0,
            gloss: gloss.map(str::to_owned),
            article: None,
        };
        assert_eq!(
            sure_items(&[item("Blüte", None), item("Blüte", Some("forged banknote"))]),
            1
        );
        const { assert!(SENSE_FILL_BELOW < THIN_SHEET) };
    }

    #[test]
    fn an_option_named_in_the_answers_hint_is_none() {
        let hint = &HintText::new("großes Einzelhandelsgeschäft, in dem es Werkzeug gibt");
        assert!(in_hint(hint, "Einzelhandel"));
        assert!(in_hint(hint, "Werkzeuge"));
        assert!(!in_hint(hint, "Vorsitz"));
        assert!(!in_hint(hint, "Mittelstand"));
    }

    #[test]
    fn whole_sentences() {
        assert!(whole_sentence("Die Entscheidung ist rechtskräftig."));
        assert!(whole_sentence("„Wir haften hier“, sagte er."));
        assert!(whole_sentence(
            "„Aber ich werde nicht über weitere Details sprechen.“"
        ));
        assert!(!whole_sentence("Die Regelung gilt ab 2020 (Art."));
        assert!(!whole_sentence("Betroffen sind Molkereiprodukte"));
        assert!(!whole_sentence("und dann kam es anders."));
    }

    #[test]
    fn a_word_whose_stem_begins_or_ends_the_answer_gives_it_away() {
        let stem = |w: &str| crate::tokenize::stem(w).into_owned();
        assert!(stem_frames(&stem("zusammen"), "Zusammenarbeit"));
        assert!(stem_frames(&stem("arbeiten"), "Zusammenarbeit"));
        assert!(stem_frames(&stem("bundes"), "Bundesregierung"));
        // the answer itself, short stems, function words and unrelated words do not
        assert!(!stem_frames(&stem("zusammenarbeit"), "Zusammenarbeit"));
        assert!(!stem_frames(&stem("sie"), "Siedlung"));
        assert!(!stem_frames(&stem("ministerin"), "Zusammenarbeit"));
    }
}
