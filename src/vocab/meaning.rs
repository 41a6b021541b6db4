//! What a word means in the article: an English gloss in the sense the article uses, else a
//! German definition from Wiktionary, and a category that follows the sense.
//!
//! 1. A term of the hand-written domain lexicon has its gloss; where the lexicon lists other
//!    senses of it (`senses.tsv`), the sense whose cues occur around the word wins (*im
//!    Vergleich zur Vorwoche* → "comparison", not "settlement"), or whose subject the article
//!    is about (*abziehen* in a report on taxes → "to deduct", not "to withdraw").
//! 2. A compound of domain terms whose glosses are plain (one sense, a word or two) gets their
//!    glosses composed in English order (*Energieunternehmen* → "energy company"), marked as
//!    composed. Nothing is stitched with "+".
//! 3. Otherwise the German definition: the Wiktionary sense of the lemma that fits the article
//!    best (its labels, *Recht:* or *Musik:*, against the article's subject; the words it
//!    shares with the article, after Lesk; earlier senses first), or for a compound Wiktionary
//!    lacks, its head's (`Verband: …` for *Konsumentenschutzverband*), in the sense the head's
//!    other compounds in Wiktionary have (*Lungenkrebs*, *Hautkrebs*: the disease), and none
//!    when the compound is built on a homograph of the head the data lacks (*das
//!    Anfangsgehalt* on *das Gehalt*, while Wiktionary's senses are *der Gehalt*'s).
//! 4. Rows of `senses.tsv` for words of Wiktionary select a sense where their cues match: the
//!    article's subject (*Mittel* in a report on a budget: "Geldmittel"), the compound's
//!    modifier (*Recht* in *Vorschlagsrecht*: a right; in *Vergaberecht*: the law), words
//!    around (*Buchung* with *Flug*, *Hotel*: the reservation); also a compound's head where
//!    Wiktionary defines the compound in another sense of it the article does not support
//!    (*Gesamtausgaben* of a budget: spending, not collected works); or give a sense the first
//!    entry of Wiktionary lacks (*Eiszeit* between two states: a freeze in relations), also
//!    to the head of a compound Wiktionary lacks (*Reformfreude*: eagerness for reform); a row
//!    may say its sense has no plural in use (*der Handel* as trade: no *Händel*). A domain
//!    term whose main Wiktionary sense has no plural (*kein Plural:*) shows none, unless the
//!    frequency table has the plural in use (*Frieden*, *Konkurrenz*; not *Demokratien*).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::document::Document;
use crate::lexicon::{
    Analysis, Category, Gender, Level, NameKind, Pos, Sense, capitalize, lexicon,
};
use crate::tokenize::{TokenKind, stem};

/// The meaning of one entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Meaning {
    pub gloss: Option<String>,
    pub gloss_composed: bool,
    pub definition_de: Option<String>,
    pub category: Option<Category>,
    /// The chosen sense has no plural (Wiktionary: *kein Plural*, *nur Singular*).
    pub no_plural: bool,
}

/// What the article is about, for choosing senses.
pub(super) struct Context<'a> {
    doc: &'a Document,
    /// Snowball stems of the article's content words ([`stems`]).
    stems: &'a HashSet<String>,
    /// Weight of each category among the article's specific domain terms.
    profile: [f32; Category::ALL.len()],
    /// What each of those terms adds to `profile`: its category and weight.
    contributions: HashMap<String, (Category, f32)>,
}

fn category_index(c: Category) -> usize {
    Category::ALL.iter().position(|x| *x == c).unwrap_or(0)
}

/// Snowball stems of the content words of `doc`, for [`Context::new`]: the same for every
/// context of the document.
pub(super) fn stems(doc: &Document) -> HashSet<String> {
    let mut stems = HashSet::new();
    for s in &doc.sentences {
        for t in &s.tokens {
            if t.kind == TokenKind::Word && !t.stop && t.lower().chars().count() >= 3 {
                stems.insert(t.stem().to_owned());
            }
        }
    }
    stems
}

/// What a term of relevance `score` adds to the article's category profile: its category and
/// weight. Only specific terms say what the article is about: not common words.
fn contribution(a: &Analysis, score: f32) -> Option<(Category, f32)> {
    let specific = a.level.is_none_or(|l| l >= Level::B2);
    if let Some(e) = lexicon().domain_entry(&a.lemma, a.pos)
        && specific
    {
        Some((e.category, score))
    } else if let Some(c) = a.category
        && a.domain
        && specific
    {
        Some((c, 0.5 * score))
    } else {
        None
    }
}

/// Whether a term adds to the category profile of a [`Context`] made with it (a term that
/// does not leaves the context as it is).
pub(super) fn in_profile(a: &Analysis) -> bool {
    contribution(a, 0.0).is_some()
}

/// What a [`Context`] takes from the terms it is made with, bit for bit: two contexts of one
/// document with equal keys give every word the same meaning.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ContextKey {
    profile: [u32; Category::ALL.len()],
    contributions: Vec<(String, Category, u32)>,
}

impl<'a> Context<'a> {
    /// The context of `doc` with its [`stems`]; `terms` are the analyses of its ranked words
    /// with their relevance.
    pub(super) fn new(
        doc: &'a Document,
        stems: &'a HashSet<String>,
        terms: &[(&Analysis, f32)],
    ) -> Self {
        let mut profile = [0.0; Category::ALL.len()];
        let mut contributions = HashMap::new();
        for (a, score) in terms {
            if let Some((c, w)) = contribution(a, *score) {
                profile[category_index(c)] += w;
                let e = contributions.entry(a.lemma.clone()).or_insert((c, 0.0));
                if e.0 == c {
                    e.1 += w;
                }
            }
        }
        Context {
            doc,
            stems,
            profile,
            contributions,
        }
    }

    /// What this context takes from its terms.
    pub(super) fn key(&self) -> ContextKey {
        let mut contributions: Vec<(String, Category, u32)> = self
            .contributions
            .iter()
            .map(|(lemma, &(c, w))| (lemma.clone(), c, w.to_bits()))
            .collect();
        contributions.sort_by(|a, b| a.0.cmp(&b.0));
        ContextKey {
            profile: self.profile.map(f32::to_bits),
            contributions,
        }
    }

    /// The share of the article's specific terms that belong to `c` (0 to 1).
    fn share(&self, c: Category) -> f32 {
        let total: f32 = self.profile.iter().sum();
        if total <= 0.0 {
            return 0.0;
        }
        self.profile[category_index(c)] / total
    }

    /// Whether `c` is a main subject of the article: at least [`MAIN_SUBJECT_SHARE`] of its
    /// specific terms, and the largest share or close to it ([`MAIN_SUBJECT_RATIO`]). A domain
    /// term in a definition supports the sense only then: *Ausdruck für Militär, Armee* of
    /// *Fahne* is not the flag of an election report with a few words of fights and attacks.
    fn main_subject(&self, c: Category) -> bool {
        let share = self.share(c);
        let top = Category::ALL
            .iter()
            .map(|&x| self.share(x))
            .fold(0.0, f32::max);
        share >= MAIN_SUBJECT_SHARE && share >= MAIN_SUBJECT_RATIO * top
    }

    /// The share of the article's specific terms other than `lemma` that belong to `c`: a
    /// word does not prove by itself that the article is about its subject.
    fn share_without(&self, c: Category, lemma: &str) -> f32 {
        let (own_c, own) = self.contributions.get(lemma).copied().unwrap_or((c, 0.0));
        let total: f32 = self.profile.iter().sum::<f32>() - own;
        if total <= 0.0 {
            return 0.0;
        }
        let mine = self.profile[category_index(c)] - if own_c == c { own } else { 0.0 };
        (mine / total).max(0.0)
    }

    /// Whether the article is about `c` rather than `own` (the subject of a word's own sense),
    /// for a sense with a subject cue (`@finance`): `c` has at least [`SUBJECT_CUE_SHARE`] of
    /// the article's other specific terms and more of them than `own`.
    fn about(&self, c: Category, own: Category, lemma: &str) -> bool {
        let share = self.share_without(c, lemma);
        share >= SUBJECT_CUE_SHARE && share > self.share_without(own, lemma)
    }

    /// Whether the article is about `c`, for a sense of a word of Wiktionary with a subject
    /// cue (`@finance` in `senses.tsv`): `c` has at least [`SUBJECT_CUE_SHARE`] of the
    /// article's specific terms other than `lemma`.
    fn about_subject(&self, c: Category, lemma: &str) -> bool {
        self.share_without(c, lemma) >= SUBJECT_CUE_SHARE
    }

    /// The text of the sentences `sentences` (lower-cased), where the word occurs; of a
    /// sentence over [`MAX_AROUND_BYTES`] only its first [`MAX_AROUND_BYTES`] (issue 16: every
    /// entry of a one-sentence 50 MB text used to lower-case and split all of it).
    fn around(&self, sentences: &[usize]) -> String {
        let mut out = String::new();
        for i in distinct(sentences) {
            out.push_str(&bounded_text(self.doc.sentence_text(i)).to_lowercase());
            out.push(' ');
        }
        out
    }
}

/// The least share of a main subject of an article ([`Context::main_subject`]).
const MAIN_SUBJECT_SHARE: f32 = 0.2;
/// The least share of a main subject relative to the article's largest subject.
const MAIN_SUBJECT_RATIO: f32 = 0.6;

/// The share of an article's specific terms in a subject that makes a sense with that subject
/// cue (`@finance` in `senses.tsv`) the sense of a word.
const SUBJECT_CUE_SHARE: f32 = 0.25;

/// The bytes of one sentence that are read as a word's context for choosing its sense: a
/// sentence of news is far shorter; a longer one is a list or a text without punctuation.
pub(super) const MAX_AROUND_BYTES: usize = 4_000;

/// `text` up to [`MAX_AROUND_BYTES`] bytes, cut at a character boundary.
fn bounded_text(text: &str) -> &str {
    if text.len() <= MAX_AROUND_BYTES {
        return text;
    }
    let mut end = MAX_AROUND_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Letters of a word that stand for its stem when definitions are compared with the article.
const PREFIX_CHARS: usize = 6;

/// The first [`PREFIX_CHARS`] letters of a lower-case word.
fn prefix(lower: &str) -> &str {
    lower
        .char_indices()
        .nth(PREFIX_CHARS)
        .map_or(lower, |(i, _)| &lower[..i])
}

/// Share of the article's other specific terms below which a word's category is not shown:
/// the category belongs to a sense of the word the article does not mean, or the article is
/// not about the subject (*gemeinsam* → diplomacy in an article on a school, *pendeln* →
/// labour for a share of the vote that ranged between two values, *wachsen* → economy for a
/// growing population). A common word (level B1 and easier), a verb or an adjective needs
/// [`MIN_SHARE_OF_COMMON_WORD`], another noun [`MIN_SHARE_OF_NOUN`] (*Herkunftsland* is no
/// trade term in a report on refugees).
const MIN_SHARE_OF_COMMON_WORD: f32 = 0.15;
const MIN_SHARE_OF_NOUN: f32 = 0.05;

/// Whether the article is enough about `c` for `a` to be shown in that category.
fn category_fits(a: &Analysis, c: Category, ctx: &Context) -> bool {
    let share = ctx.share_without(c, &a.lemma);
    if a.pos != Pos::Noun || a.level.is_some_and(|l| l <= Level::B1) {
        share >= MIN_SHARE_OF_COMMON_WORD
    } else {
        share >= MIN_SHARE_OF_NOUN
    }
}

/// The definition of a compound by one of its parts (its head, or a tail the dictionary
/// defines), named as such: `Regel (in Abstandsregel): …`.
fn part_definition(part: &str, compound: &str, text: &str) -> String {
    format!("{part} (in {compound}): {text}")
}

/// Whether `definition` of `compound` is a [`part_definition`].
pub(super) fn is_part_definition(definition: &str, compound: &str) -> bool {
    definition.contains(&format!("(in {compound}):"))
}

/// The meaning of a word of the article whose occurrences are in `sentences`: the lexicon's
/// (below), where it has no English gloss of its own, or only one composed from a compound's
/// parts, with the general word's hand-written gloss (`glosses.tsv`); the German definition in
/// context, category and plural stay as chosen. Not where the context read a compound through
/// a sense of its head (*Gesamtausgaben* of a budget: "Ausgabe (in Gesamtausgabe): Verbrauch
/// von Geld"): the word's own gloss may name another sense ("complete edition").
pub(super) fn meaning(a: &Analysis, sentences: &[usize], ctx: &Context) -> Meaning {
    let mut m = lexicon_meaning(a, sentences, ctx);
    let through_a_part = m
        .definition_de
        .as_deref()
        .is_some_and(|d| is_part_definition(d, &a.lemma));
    if (m.gloss.is_none() || m.gloss_composed)
        && !through_a_part
        && let Some(g) = lexicon().general_gloss(&a.lemma, a.pos)
    {
        m.gloss = Some(g.to_owned());
        m.gloss_composed = false;
    }
    m
}

/// The meaning of a word from the domain lexicon, the hand-written senses and Wiktionary.
fn lexicon_meaning(a: &Analysis, sentences: &[usize], ctx: &Context) -> Meaning {
    let lex = lexicon();
    let plural = plural_in_text(a, sentences, ctx);
    if let Some(m) = council_member(a, sentences, ctx) {
        return m;
    }
    if let Some(e) = lex.domain_entry(&a.lemma, a.pos) {
        let around = ctx.around(sentences);
        let sense = lex
            .domain_senses(&a.lemma, a.pos)
            .into_iter()
            .filter(|s| s.wiktionary.is_none())
            .find(|s| {
                s.matches(
                    &around,
                    |w| ctx.stems.contains(w),
                    |c| ctx.about(c, e.category, &a.lemma),
                    "",
                )
            });
        let (gloss, category) = match sense {
            Some(s) => (s.gloss.to_owned(), s.category),
            None => (e.gloss.to_owned(), Some(e.category)),
        };
        let fits = category.is_some_and(|c| category_fits(a, c, ctx));
        // the gloss is the lexicon's sense of the subject: where the article is not about the
        // subject and a cue chose no other sense, the word may be meant in another sense
        // (*Bewerber* "applicant" for a candidate in an election): the Wiktionary senses that
        // fit the article go with it
        let definition_de = if sense.is_none() && !fits && lex.senses(&a.lemma).len() >= 2 {
            definition(&a.lemma, &[], sentences, ctx, plural).map(|(d, _)| d)
        } else {
            None
        };
        return Meaning {
            gloss: Some(gloss),
            gloss_composed: false,
            definition_de,
            category: category.filter(|_| fits),
            no_plural: !plural
                && (body_of_law(&a.lemma)
                    || sense_without_plural(a, sense)
                    || (sense.is_none() && main_sense_without_plural(a))),
        };
    }
    // a sense Wiktionary's first entry lacks, which cues select (*Eiszeit* between two states)
    if let Some(m) = hand_written_sense(a, sentences, ctx) {
        return m;
    }
    if let Some(g) = &a.gloss {
        // a compound's gloss composed from its parts'
        let def = definition(&a.lemma, &[], sentences, ctx, plural);
        return Meaning {
            gloss: Some(g.clone()),
            gloss_composed: a.gloss_composed,
            no_plural: !plural && def.as_ref().is_some_and(|d| d.1),
            definition_de: def.map(|d| d.0),
            category: a.category.filter(|c| category_fits(a, *c, ctx)),
        };
    }
    if let Some(m) = compound_through_head(a, sentences, ctx) {
        return m;
    }
    let own = definition(&a.lemma, &[], sentences, ctx, plural);
    if own.is_none() {
        if let Some(tail) = lexicalised_tail(a) {
            return tail_meaning(a, &tail, sentences, ctx, plural);
        }
        if let Some(m) = head_hand_written_sense(a, sentences, ctx, plural) {
            return m;
        }
    }
    let def = own.or_else(|| compound_definition(a, sentences, ctx, plural));
    // a sense a row of `senses.tsv` says has no plural (`sg`)
    let row_sg = || {
        let rows = wiktionary_rows(&a.lemma, false);
        let chosen = matching_row(&rows, &a.lemma, "", sentences, ctx);
        sense_without_plural(a, chosen)
    };
    let no_plural = !plural && (def.as_ref().is_some_and(|d| d.1) || row_sg());
    let definition = def.map(|d| d.0);
    // the category follows the chosen sense: its label's subject, none for a specialist sense
    // (*Schach:*), else the word's own, when the article is about it
    let kinds: Vec<LabelKind> = definition
        .as_deref()
        .map(|d| labels(d).into_iter().map(label_kind).collect())
        .unwrap_or_default();
    let category = if kinds.contains(&LabelKind::Specialist)
        || definition
            .as_deref()
            .is_some_and(|d| d.starts_with("(1) ") || d.contains(": (1) "))
    {
        None
    } else {
        a.category
            .filter(|_| a.domain)
            .or_else(|| {
                kinds.iter().find_map(|k| match k {
                    LabelKind::Category(c) => Some(*c),
                    _ => None,
                })
            })
            .filter(|c| category_fits(a, *c, ctx))
    };
    Meaning {
        gloss: None,
        gloss_composed: false,
        definition_de: definition,
        category,
        no_plural,
    }
}

/// Words before a council that make it the body, not a member (*im Gemeinderat*, *in den
/// Bundesrat*, *Richtung Nationalrat*).
const BODY_PREPOSITIONS: &[&str] = &["im", "ins", "vom", "zum", "beim", "richtung"];
/// Prepositions that with an article before a council make it the body (*aus dem Bundesrat*).
const BODY_PREPOSITIONS_WITH_ARTICLE: &[&str] = &["in", "aus", "an", "von", "zu", "vor", "für"];

/// The meaning of a council noun (*Bundesrat*, *Gemeinderat*, *Stadtrat*: head *Rat*) where
/// the article means a member of the council, not the council: in Austria the title of its
/// members (*Bundesrat Gottfried Kneifel*, *SPÖ-Stadtrat Ernst Pechlaner*, *der Bundesrat der
/// ÖVP*). A name or a party after it says so, unless elsewhere the article means the body
/// (*im Gemeinderat*): then both senses stand as they are. The member's sense of Wiktionary
/// (*Mitglied des Stadtrats*), or for a domain term "member of the …" and its gloss.
fn council_member(a: &Analysis, sentences: &[usize], ctx: &Context) -> Option<Meaning> {
    if a.pos != Pos::Noun
        || !a.lemma.ends_with("rat")
        || !a
            .parts
            .last()
            .is_some_and(|h| h.eq_ignore_ascii_case("rat"))
    {
        return None;
    }
    let lex = lexicon();
    let text = ctx.doc.text.as_str();
    let singular = |w: &str| {
        let head = w.rsplit('-').next().unwrap_or(w);
        head == a.lemma
            || head
                .strip_prefix(a.lemma.as_str())
                .is_some_and(|r| r == "s" || r == "es")
    };
    let party = |w: &str| w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase());
    let (mut member, mut body) = (false, false);
    for i in distinct(sentences) {
        let toks = context_tokens(ctx.doc, i);
        for (ti, t) in toks.iter().enumerate() {
            if t.kind != TokenKind::Word || !singular(t.surface(text)) {
                continue;
            }
            let next = |k: usize| toks.get(ti + k).filter(|n| n.kind == TokenKind::Word);
            // a person's name that is no noun (*Kneifel*; not a place: *der Bundesrat
            // Deutschlands*), or any capitalised word before one (*Ernst Pechlaner*: *Ernst*
            // is a noun too)
            let name = |n: &crate::tokenize::Token| {
                let w = n.surface(text);
                n.capitalized
                    && lex.is_proper_name(w)
                    && lex.noun_entries(w).is_empty()
                    && !matches!(
                        lex.proper_name_kind(w),
                        Some(NameKind::Place | NameKind::Organisation)
                    )
            };
            let name_after = next(1).is_some_and(|n| {
                n.capitalized
                    && text[t.end..n.start].trim().is_empty()
                    && (name(n) || party(n.surface(text)) || next(2).is_some_and(name))
            });
            let party_after = next(1).is_some_and(|n| matches!(n.lower(), "der" | "von"))
                && next(2).is_some_and(|n| party(n.surface(text)));
            let before = |k: usize| {
                ti.checked_sub(k)
                    .and_then(|j| toks.get(j))
                    .map(|p| p.lower())
                    .unwrap_or("")
            };
            let body_here = BODY_PREPOSITIONS.contains(&before(1))
                || (matches!(before(1), "den" | "dem")
                    && BODY_PREPOSITIONS_WITH_ARTICLE.contains(&before(2)));
            member |= name_after || party_after;
            body |= body_here;
        }
    }
    if !member || body {
        return None;
    }
    let category = Some(Category::Politics).filter(|c| category_fits(a, *c, ctx));
    if let Some(e) = lex.domain_entry(&a.lemma, a.pos) {
        return Some(Meaning {
            gloss: Some(format!("member of the {}", e.gloss)),
            gloss_composed: false,
            definition_de: None,
            category,
            no_plural: false,
        });
    }
    let senses = lex.senses(&a.lemma);
    let sense = senses.iter().find(|s| {
        let body = definition_body(s.text);
        body.starts_with("Mitglied") || body.starts_with("Person, die")
    })?;
    let (text, _) = clean_grammar_labels(sense.text);
    Some(Meaning {
        gloss: None,
        gloss_composed: false,
        definition_de: Some(text),
        category,
        no_plural: false,
    })
}

/// The rows of `senses.tsv` for `lemma` as a word of Wiktionary, those with a gloss of their
/// own (`gloss`) or those that select a Wiktionary sense: of a noun when it is capitalised, else
/// of a verb or an adjective.
fn wiktionary_rows(lemma: &str, gloss: bool) -> Vec<&'static crate::lexicon::DomainSense> {
    let lex = lexicon();
    let pos: &[Pos] = if lemma.starts_with(char::is_uppercase) {
        &[Pos::Noun]
    } else {
        &[Pos::Verb, Pos::Adj]
    };
    pos.iter()
        .flat_map(|&p| lex.domain_senses(lemma, p))
        .filter(|s| s.wiktionary.is_none() == gloss)
        .collect()
}

/// The first of `rows` whose cues match for a word of the article (its sentences
/// `sentences`, `lemma` for the subject it adds itself), the head of a compound with
/// `modifier` (lower-case; empty for a word of its own).
fn matching_row<'r>(
    rows: &[&'r crate::lexicon::DomainSense],
    lemma: &str,
    modifier: &str,
    sentences: &[usize],
    ctx: &Context,
) -> Option<&'r crate::lexicon::DomainSense> {
    if rows.is_empty() {
        return None;
    }
    let around = ctx.around(sentences);
    rows.iter().copied().find(|s| {
        s.matches(
            &around,
            |w| ctx.stems.contains(w),
            |c| ctx.about_subject(c, lemma),
            modifier,
        )
    })
}

/// The meaning of a word that is no domain term where a row of `senses.tsv` with an English
/// gloss matches: a sense the first entry of Wiktionary lacks (*Eiszeit*, only the ice age
/// there, between two states a freeze in relations). The Wiktionary definition of the other
/// sense is not shown with it.
fn hand_written_sense(a: &Analysis, sentences: &[usize], ctx: &Context) -> Option<Meaning> {
    let rows = wiktionary_rows(&a.lemma, true);
    let row = matching_row(&rows, &a.lemma, "", sentences, ctx)?;
    Some(Meaning {
        gloss: Some(row.gloss.to_owned()),
        gloss_composed: false,
        definition_de: None,
        category: row.category.filter(|c| category_fits(a, *c, ctx)),
        no_plural: row.no_plural && !plural_in_text(a, sentences, ctx),
    })
}

/// The meaning of compound noun `a`, which Wiktionary lacks, through a row of `senses.tsv`
/// with an English gloss for its head whose cues match: a sense Wiktionary lacks (*Freude* in
/// *Reformfreude*, *Investitionsfreude*: eagerness, not the feeling of joy; *Plus* in
/// *Umsatzplus von drei Prozent*: an increase). A `…` in the gloss stands for the modifier's
/// English gloss where the domain lexicon has a plain one (`eagerness (for …)` → "eagerness
/// (for reform)"); else the parenthesis with it is left out. Marked as composed (`≈`): it is
/// the head's sense, not a dictionary's entry of the compound.
fn head_hand_written_sense(
    a: &Analysis,
    sentences: &[usize],
    ctx: &Context,
    plural: bool,
) -> Option<Meaning> {
    if a.pos != Pos::Noun {
        return None;
    }
    let lex = lexicon();
    let parts = lex.compound_parts(&a.lemma)?;
    let [.., modifier, head] = parts.as_slice() else {
        return None;
    };
    if head.kind != crate::lexicon::PartKind::Noun {
        return None;
    }
    // rows of a word of Wiktionary (a domain term's other senses are no sense Wiktionary lacks)
    if lex.domain_entry(&head.lemma, Pos::Noun).is_some() {
        return None;
    }
    let rows = wiktionary_rows(&head.lemma, true);
    let modifier_lower = modifier.surface.trim_end_matches('-').to_lowercase();
    let row = matching_row(&rows, &a.lemma, &modifier_lower, sentences, ctx)?;
    let modifier_gloss = lex
        .domain_entry(&modifier.lemma, Pos::Noun)
        .map(|e| e.gloss)
        .filter(|g| !g.contains([',', ';', '/', '(', ')']) && g.split_whitespace().count() <= 2);
    let gloss = match (row.gloss.split_once('…'), modifier_gloss) {
        (Some((before, after)), Some(m)) => format!("{before}{m}{after}"),
        (Some((before, _)), None) => before
            .rsplit_once(" (")
            .map_or(before, |(g, _)| g)
            .trim_end()
            .to_owned(),
        (None, _) => row.gloss.to_owned(),
    };
    Some(Meaning {
        gloss: Some(gloss),
        gloss_composed: true,
        definition_de: None,
        category: row.category.filter(|c| category_fits(a, *c, ctx)),
        no_plural: row.no_plural && !plural,
    })
}

/// Whether the sense of `a` that row `chosen` of `senses.tsv` selects, or its own sense where
/// none does (a row `=`), has no plural in use (`sg`: *der Handel* as trade, *der Bund* as the
/// federal level; *Händel* and *Bünde* are other senses').
fn sense_without_plural(a: &Analysis, chosen: Option<&crate::lexicon::DomainSense>) -> bool {
    match chosen {
        Some(row) => row.no_plural,
        None => lexicon()
            .domain_senses(&a.lemma, a.pos)
            .iter()
            .any(|s| s.own && s.no_plural),
    }
}

/// Whether the domain term `a`, in its own sense, has no plural in use: Wiktionary labels its
/// first (main) sense so (*kein Plural:* of *Frieden*, *Konkurrenz*, *Intelligenz*,
/// *Bürokratie*), and the frequency table does not contradict it: the plural is the singular's
/// form (*der Frieden*), missing, or at least [`LABELLED_PLURAL_GAP`] below the singular
/// (*Konkurrenzen* 2.1, *Intelligenzen* 1.8 below; not *Demokratien*, 1.5, or *Monarchien*,
/// 1.1: states, another sense in use).
fn main_sense_without_plural(a: &Analysis) -> bool {
    let lex = lexicon();
    let senses = lex.senses(&a.lemma);
    let Some(main) = senses.first() else {
        return false;
    };
    if !clean_grammar_labels(main.text).1 {
        return false;
    }
    let Some(p) = a.plural.as_deref().filter(|p| *p != a.lemma) else {
        return true;
    };
    match (
        lex.zipf(&a.lemma.to_lowercase()),
        lex.zipf(&p.to_lowercase()),
    ) {
        (Some(s), Some(p)) => s - p >= LABELLED_PLURAL_GAP,
        (_, p) => p.is_none(),
    }
}

/// How far below the singular (Zipf) the plural of a domain term whose main sense Wiktionary
/// labels without plural must be for the label to stand ([`main_sense_without_plural`]).
const LABELLED_PLURAL_GAP: f32 = 1.5;

/// The meaning of compound noun `a` through a sense of its head that cues select, where
/// Wiktionary defines the compound in another sense the article does not support: *die
/// Gesamtausgaben* of a budget are the total spending (*Ausgabe* as "Verbrauch von Geld"), not
/// the collected works of an author. The compound's own senses have no support when none of
/// their content words occur in the article or come from its modifier (*Lebensmittel*,
/// "Ware … des täglichen Lebens", keeps its sense in a report on money), and they are of
/// another sense of the head when they share a word with its definition. A sense mostly meant
/// in the plural ([`mostly_plural`]) needs the plural in the article (*Gesamtausgaben*).
fn compound_through_head(a: &Analysis, sentences: &[usize], ctx: &Context) -> Option<Meaning> {
    if a.pos != Pos::Noun {
        return None;
    }
    let lex = lexicon();
    let own = lex.senses(&a.lemma);
    if own.is_empty() {
        return None;
    }
    let parts = lex.compound_parts(&a.lemma)?;
    let [.., modifier, head] = parts.as_slice() else {
        return None;
    };
    if head.kind != crate::lexicon::PartKind::Noun {
        return None;
    }
    let rows = wiktionary_rows(&head.lemma, false);
    if rows.is_empty() {
        return None;
    }
    let modifier_lower = modifier.surface.trim_end_matches('-').to_lowercase();
    let row = matching_row(&rows, &a.lemma, &modifier_lower, sentences, ctx)?;
    let lemma_lower = a.lemma.to_lowercase();
    let modifier_stem = stem(&modifier_lower);
    let supported = own.iter().any(|s| {
        body_stems(definition_body(s.text), &lemma_lower)
            .iter()
            .any(|st| ctx.stems.contains(&**st) || same_word(st, &modifier_stem))
    });
    if supported {
        return None;
    }
    // Wiktionary's compound is one of another sense of the head: a definition of it shares a
    // word with that sense's (*Werke* of *Gesamtausgabe* and of *Ausgabe* as an edition), and
    // is no compound that merely means other things (*Beweismittel*, *Lebensmittel*)
    let senses = lex.senses(&head.lemma);
    let sense = senses.iter().find(|s| Some(s.number) == row.wiktionary)?;
    if mostly_plural(sense) && !plural_in_text(a, sentences, ctx) {
        return None;
    }
    let head_lower = head.lemma.to_lowercase();
    let own_stems: Vec<_> = own
        .iter()
        .flat_map(|s| body_stems(definition_body(s.text), &lemma_lower))
        .collect();
    let of_other_sense = senses
        .iter()
        .filter(|s| s.number != sense.number)
        .flat_map(|s| body_stems(definition_body(s.text), &head_lower))
        .any(|st| own_stems.iter().any(|o| same_word(o, &st)));
    if !of_other_sense {
        return None;
    }
    let (text, _) = clean_grammar_labels(sense.text);
    // only grammar left among its labels (*meist im Plural:*): the body alone
    let text = if labels(&text)
        .iter()
        .all(|l| label_kind(l) == LabelKind::Other)
    {
        definition_body(&text).to_owned()
    } else {
        text
    };
    let category = row
        .category
        .or_else(|| lex.domain_entry(&head.lemma, Pos::Noun).map(|e| e.category))
        .filter(|c| category_fits(a, *c, ctx));
    Some(Meaning {
        gloss: None,
        gloss_composed: false,
        definition_de: Some(part_definition(&head.lemma, &a.lemma, &text)),
        category,
        no_plural: false,
    })
}

/// Whether a sense is mostly meant in the plural (*meist im Plural:* of *Ausgabe* as
/// spending): cues do not select it for a word the article uses in the singular only (*die
/// Ausgabe von Bargeld* is its issuing).
fn mostly_plural(s: &Sense) -> bool {
    labels(s.text)
        .iter()
        .any(|l| matches!(*l, "meist im Plural" | "meist Plural"))
}

/// The compound that ends compound noun `a` and is a word of its own with a meaning, longer
/// than `a`'s head (*Wahlkampf* of *Stichwahlkampf*, split *Stichwahl · kampf*): the head in
/// the sense that compound has (the campaign, not the battle). It is the head with the end of
/// the modifier before it, where what is left in front is a real word (*Stich*, not *Stichw*;
/// no particle: *Ausbau · plan* is no *Bauplan*) and the dictionary defines the compound
/// (Wiktionary or the domain lexicon); the longest.
fn lexicalised_tail(a: &Analysis) -> Option<String> {
    if a.pos != Pos::Noun {
        return None;
    }
    let lex = lexicon();
    let parts = lex.compound_parts(&a.lemma)?;
    let [.., modifier, head] = parts.as_slice() else {
        return None;
    };
    if head.kind != crate::lexicon::PartKind::Noun
        || modifier.kind == crate::lexicon::PartKind::Other
    {
        return None;
    }
    let head_lower = head.surface.to_lowercase();
    let start = modifier.offset;
    let front_of = |cut: usize| &a.lemma[..start + cut];
    modifier
        .surface
        .char_indices()
        .map(|(i, _)| i)
        // the whole modifier of a two-part compound would be the word itself
        .filter(|&i| i > 0 || start > 0)
        .filter(|&i| modifier.surface[i..].chars().count() >= 3)
        .find_map(|i| {
            let tail = capitalize(&format!(
                "{}{head_lower}",
                &modifier.surface[i..].to_lowercase()
            ));
            // a noun of the domain lexicon, or of Wiktionary with a definition; a domain term
            // Wiktionary's noun list lacks only where the split has it as parts of their own
            // (*Volkswirt* of *Chefvolkswirt*, split *Chef · volks · wirt*: the economist, not
            // the innkeeper; not *Wirtschaftskammer* inside *Landwirtschafts · kammer*)
            let in_domain = lex.domain_entry(&tail, Pos::Noun).is_some();
            let domain = i == 0 && in_domain;
            let defined = in_domain || (!lex.senses(&tail).is_empty() && lex.noun(&tail).is_some());
            let front = front_of(i);
            // a particle in front is no word of its own (*Aus · bauplan* of *Ausbau · plan*)
            let particle = lex.is_function_word(&front.trim_end_matches('-').to_lowercase());
            (!particle
                && defined
                && (domain || lex.noun(&tail).is_some())
                && real_part(&capitalize(front.trim_end_matches('-'))))
            .then_some(tail)
        })
}

/// The meaning of compound `a` whose end is the compound `tail` ([`lexicalised_tail`]):
/// `tail`'s sense that fits the article (`Wahlkampf (in Stichwahlkampf): …`), its gloss as an
/// approximation (≈ "election campaign") and category, not its head's (*Kampf*: security).
fn tail_meaning(
    a: &Analysis,
    tail: &str,
    sentences: &[usize],
    ctx: &Context,
    plural: bool,
) -> Meaning {
    let lex = lexicon();
    let entry = lex.domain_entry(tail, Pos::Noun);
    let def = definition(tail, &[], sentences, ctx, plural);
    let category = entry
        .map(|e| e.category)
        .or_else(|| {
            def.as_ref().and_then(|(d, _)| {
                labels(d).into_iter().find_map(|l| match label_kind(l) {
                    LabelKind::Category(c) => Some(c),
                    _ => None,
                })
            })
        })
        .filter(|c| category_fits(a, *c, ctx));
    Meaning {
        gloss: entry.map(|e| e.gloss.to_owned()),
        gloss_composed: entry.is_some(),
        definition_de: def.map(|(d, _)| part_definition(tail, &a.lemma, &d)),
        category,
        no_plural: false,
    }
}

/// The sentence indexes of `sentences` (one per occurrence, in order) without repeats: a word
/// said a thousand times in one huge sentence looks at it once.
fn distinct(sentences: &[usize]) -> impl Iterator<Item = usize> + '_ {
    sentences
        .iter()
        .enumerate()
        .filter(|&(k, i)| k == 0 || sentences[k - 1] != *i)
        .map(|(_, &i)| i)
}

/// The tokens of sentence `i` that a sense test reads: those in its first
/// [`MAX_AROUND_BYTES`] (issue 16: a test per entry that read a whole 50 MB sentence made
/// `vocab` quadratic in the sentence's length).
fn context_tokens(doc: &Document, i: usize) -> &[crate::tokenize::Token] {
    let s = &doc.sentences[i];
    let end = s.start + MAX_AROUND_BYTES;
    &s.tokens[..s.tokens.partition_point(|t| t.end <= end)]
}

/// Whether the sentences of noun `a` have its plural (*Abtreibungsrechte*, dative
/// *Abtreibungsrechten*): then the article means a countable sense of it (a right, not the law
/// as a whole). A plural like the singular (*der Lehrer*, *die Lehrer*) says nothing.
fn plural_in_text(a: &Analysis, sentences: &[usize], ctx: &Context) -> bool {
    let Some(p) = a.plural.as_deref().filter(|_| a.pos == Pos::Noun) else {
        return false;
    };
    let p = p.to_lowercase();
    if p == a.lemma.to_lowercase() {
        return same_form_plural_in_text(a, &p, sentences, ctx);
    }
    let dative = (!p.ends_with('n') && !p.ends_with('s')).then(|| format!("{p}n"));
    distinct(sentences).any(|i| {
        context_tokens(ctx.doc, i).iter().any(|t| {
            t.kind == TokenKind::Word && {
                let w = t.lower();
                w == p || dative.as_deref() == Some(w)
            }
        })
    })
}

/// Words before a masculine or neuter noun that make it plural (*die Bedenken*, *keine
/// Bedenken*, *zahlreiche Bedenken*): their singular forms go with a feminine noun only.
const PLURAL_DETERMINERS: &[&str] = &[
    "die",
    "diese",
    "jene",
    "keine",
    "alle",
    "viele",
    "einige",
    "mehrere",
    "zahlreiche",
    "beide",
    "solche",
    "welche",
    "manche",
    "wenige",
    "meine",
    "deine",
    "seine",
    "ihre",
    "unsere",
    "eure",
];

/// Words before a neuter noun that make it a dative plural (*mit ihren Bedenken*, *von den
/// Bedenken*): before a neuter singular they end in *-em* (*ihrem*, *dem*); before a masculine
/// one *den*, *ihren* are also the accusative singular, so they say nothing there.
const NEUTER_PLURAL_DETERMINERS: &[&str] = &[
    "den",
    "diesen",
    "jenen",
    "keinen",
    "allen",
    "vielen",
    "einigen",
    "mehreren",
    "zahlreichen",
    "beiden",
    "solchen",
    "welchen",
    "manchen",
    "wenigen",
    "meinen",
    "deinen",
    "seinen",
    "ihren",
    "unseren",
    "euren",
];

/// Whether the sentences of a masculine or neuter noun whose plural is its singular (*das
/// Bedenken*, *die Bedenken*; `p`, lower-case) have it as a plural: after a word of
/// [`PLURAL_DETERMINERS`] (a neuter noun also after one of [`NEUTER_PLURAL_DETERMINERS`]: *mit
/// ihren Bedenken*), an adjective in *-en* between them allowed (*die großen Bedenken*).
/// Then its sense without plural (*das Bedenken*: the pondering) is not the one meant.
fn same_form_plural_in_text(a: &Analysis, p: &str, sentences: &[usize], ctx: &Context) -> bool {
    if !matches!(a.gender, Some(Gender::M | Gender::N)) {
        return false;
    }
    let neuter = a.gender == Some(Gender::N);
    let plural_word = |w: &str| {
        PLURAL_DETERMINERS.contains(&w) || neuter && NEUTER_PLURAL_DETERMINERS.contains(&w)
    };
    distinct(sentences).any(|i| {
        let words: Vec<String> = context_tokens(ctx.doc, i)
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.lower().to_owned())
            .collect();
        words.iter().enumerate().any(|(k, w)| {
            w == p
                && (k >= 1 && plural_word(&words[k - 1])
                    || k >= 2 && words[k - 1].ends_with("en") && plural_word(&words[k - 2]))
        })
    })
}

/// Whether a compound of *Recht* is a body of law in every sense Wiktionary gives it
/// (*Arbeitsrecht*: "die Gesamtheit aller Rechtsnormen, die das Arbeitsverhältnis … regeln"):
/// a field without a plural in use, also where the domain list glosses it ("labour law"). Not
/// a right (*Menschenrecht*: "Recht, das jedem Menschen zusteht"; *Wahlrecht*, also the right
/// to vote).
fn body_of_law(lemma: &str) -> bool {
    if lemma.len() <= "recht".len() || !lemma.ends_with("recht") {
        return false;
    }
    let senses = lexicon().senses(lemma);
    !senses.is_empty()
        && senses
            .iter()
            .all(|s| mass_sense(s.text) || genus(s.text) == Some("Gesamtheit"))
}

/// Words a definition starts with (its genus, the first noun) that make its sense uncountable:
/// a field of knowledge (*Wissenschaft vom Recht*, *Lehre von …*) or a legal order (*staatlich
/// festgelegte … Ordnung*: the law, not a right). Not *Gesamtheit*: a set may be counted
/// (*Steuersysteme*, *Agenden*).
const MASS_GENERA: &[&str] = &[
    "Wissenschaft",
    "Lehre",
    "Ordnung",
    "Rechtsgebiet",
    "Fachgebiet",
];

/// Prepositions that start a phrase before the genus of a definition (`für Wissenschaft
/// zuständiges Ministerium`): the noun after them is not the genus.
const GENUS_PREPOSITIONS: &[&str] = &[
    "für", "mit", "von", "vom", "aus", "bei", "nach", "zu", "zur", "zum", "in", "im", "an", "am",
    "auf", "über", "unter", "vor", "durch", "gegen", "ohne", "um",
];

/// The genus of a definition: the first capitalised word of its body among its first five
/// (`staatlich festgelegte und anerkannte Ordnung …` → `Ordnung`), none when a preposition
/// comes before it.
fn genus(text: &str) -> Option<&str> {
    let body = text.rsplit_once(": ").map_or(text, |(_, b)| b);
    for w in body
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .take(5)
    {
        if w.starts_with(char::is_uppercase) {
            return Some(w);
        }
        if GENUS_PREPOSITIONS.contains(&w) {
            return None;
        }
    }
    None
}

/// Whether a sense is uncountable: labelled so (*kein Plural:*) or a field or a legal order by
/// its genus ([`MASS_GENERA`]).
fn mass_sense(text: &str) -> bool {
    clean_grammar_labels(text).1 || genus(text).is_some_and(|g| MASS_GENERA.contains(&g))
}

/// Words of a sentence that make a past participle passive (*die Zeugen wurden angehört*): a
/// verb without an accusative object has no passive. Not *werden* anywhere (*will Ministerin
/// werden*): only right after the participle (*angehört werden*).
const PASSIVE_AUXILIARIES: &[&str] = &["wurde", "wurden", "worden", "wird"];

/// Pronouns that are a reflexive or an accusative object (*hat sich gut angehört*, *hat ihn
/// angehört*).
const OBJECT_PRONOUNS: &[&str] = &["sich", "mich", "dich", "uns", "euch", "ihn"];

/// Words that mark a dative object (*die diesem Landtag nie angehört hat*, *der Regierung
/// angehört*).
const DATIVE_WORDS: &[&str] = &[
    "dem", "diesem", "einem", "jenem", "seinem", "ihrem", "unserem", "eurem", "keinem", "meinem",
    "deinem", "welchem", "ihm", "der",
];

/// A past participle that belongs to two verbs (*angehört*: *anhören* "to listen to" and
/// *angehören* "to belong to"): the analysis reads it as the verb without *ge-* in its base; a
/// group whose every form is that participle becomes the verb with *ge-* (*angehören*) where
/// that verb takes no accusative object and the other does, and the participle's sentences
/// have a dative and neither a passive auxiliary nor an object pronoun. A verb the article
/// uses otherwise too stays as it is.
pub(super) fn participle_of_two_verbs(doc: &Document, groups: &mut [super::collect::Group]) {
    let lex = lexicon();
    let lemmas: HashSet<String> = groups.iter().map(|g| g.lemma.clone()).collect();
    for g in groups.iter_mut() {
        if g.pos != Pos::Verb {
            continue;
        }
        let Some(other) = ge_verb_reading(&g.lemma, &g.forms) else {
            continue;
        };
        if lemmas.contains(&other) || !transitive(&g.lemma) || transitive(&other) {
            continue;
        }
        let words = |i: usize| {
            context_tokens(doc, i)
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| t.lower())
        };
        let form = g.forms[0].to_lowercase();
        // *angehört werden*: the passive infinitive
        let passive_infinitive = |i: usize| {
            let mut it = words(i).peekable();
            while let Some(w) = it.next() {
                if w == form && it.peek() == Some(&"werden") {
                    return true;
                }
            }
            false
        };
        let fits = distinct(&g.sentences).all(|i| {
            words(i).any(|w| DATIVE_WORDS.contains(&w))
                && !words(i)
                    .any(|w| PASSIVE_AUXILIARIES.contains(&w) || OBJECT_PRONOUNS.contains(&w))
                && !passive_infinitive(i)
        });
        if !fits {
            continue;
        }
        if let Some(a) = lex
            .analyze(&other)
            .filter(|a| a.lemma == other && a.pos == Pos::Verb)
        {
            g.lemma = other;
            g.analysis = Some(a);
        }
    }
}

/// The verb with *ge-* in its base (*angehören*) whose past participle is also that of the
/// separable verb `lemma` (*anhören*), when every form in `forms` is that participle
/// (*angehört*) and Wiktionary has the verb.
fn ge_verb_reading(lemma: &str, forms: &[String]) -> Option<String> {
    let form = forms.first()?.to_lowercase();
    if forms.iter().any(|f| f.to_lowercase() != form) {
        return None;
    }
    let stem = lemma
        .strip_suffix("en")
        .or_else(|| lemma.strip_suffix('n'))?;
    (2..stem.len().min(9))
        .filter(|&k| stem.is_char_boundary(k))
        .find_map(|k| {
            let (prefix, base_stem) = stem.split_at(k);
            (base_stem.chars().count() >= 3 && form == format!("{prefix}ge{base_stem}t"))
                .then(|| format!("{prefix}ge{}", &lemma[k..]))
        })
        .filter(|other| !lexicon().senses(other).is_empty())
}

/// Whether a verb takes an accusative object in one of its Wiktionary senses (*jemanden
/// anhören:*, *transitiv:*).
fn transitive(verb: &str) -> bool {
    lexicon().senses(verb).iter().any(|s| {
        labels(s.text).contains(&"transitiv")
            || ["jemanden ", "etwas "]
                .iter()
                .any(|o| s.text.starts_with(o) && s.text.contains(&format!(" {verb}")))
    })
}

/// Wiktionary labels (the start of a definition, before `:`) and the category they stand for.
const LABEL_CATEGORIES: &[(&str, Category)] = &[
    ("Politik", Category::Politics),
    ("Wirtschaft", Category::Economy),
    ("Handel", Category::Trade),
    ("Recht", Category::Law),
    ("Rechtswesen", Category::Law),
    ("Rechtssprache", Category::Law),
    ("Strafrecht", Category::Law),
    ("deutsches Recht", Category::Law),
    ("österreichisches Recht", Category::Law),
    ("Militär", Category::Security),
    ("Militärwesen", Category::Security),
    ("Finanzwesen", Category::Finance),
    ("Bankwesen", Category::Finance),
    ("Börse", Category::Finance),
    ("kaufmannssprachlich", Category::Finance),
    ("Technik", Category::Technology),
    ("Informatik", Category::Technology),
    ("EDV", Category::Technology),
    ("Energie", Category::Energy),
    ("Ökologie", Category::Environment),
];

/// Wiktionary's labels of specialist subjects (surveyed in `wikt_defs.tsv`): a sense labelled
/// so loses unless the article is about the subject (*Rochade*, *Schach:* in a report on a
/// government reshuffle). Labels ending in a subject suffix (*-wesen*, *-sprache*, *-technik*,
/// *-wissenschaft*, *-logie*) count too (*Verbindungswesen:*).
const SPECIALIST_LABELS: &[&str] = &[
    "Medizin",
    "Linguistik",
    "Sport",
    "Musik",
    "Botanik",
    "Religion",
    "Geografie",
    "Geographie",
    "Chemie",
    "Zoologie",
    "Weinbau",
    "Biologie",
    "Anatomie",
    "Mathematik",
    "Gastronomie",
    "Architektur",
    "Physik",
    "Psychologie",
    "Christentum",
    "Literatur",
    "Geschichte",
    "Geologie",
    "Philosophie",
    "Ornithologie",
    "Mythologie",
    "Katholizismus",
    "Meteorologie",
    "Landwirtschaft",
    "Soziologie",
    "Bibel",
    "Fußball",
    "Kunst",
    "Schach",
    "Geometrie",
    "Entomologie",
    "Statistik",
    "Bildende Kunst",
    "Verkehr",
    "Theologie",
    "Theater",
    "Nautik",
    "Kleidung",
    "Fotografie",
    "Film",
    "Biochemie",
    "Bergbau",
    "Schifffahrt",
    "Kartenspiel",
    "Forstwirtschaft",
    "Physiologie",
    "Optik",
    "Mykologie",
    "Mode",
    "Luftfahrt",
    "Kosmetik",
    "Jagd",
    "Golf",
    "Typografie",
    "Typographie",
    "Rhetorik",
    "Logik",
    "Kunstgeschichte",
    "Gartenbau",
    "Ethnologie",
    "Antike",
    "Pharmazie",
    "Liturgie",
    "Grammatik",
    "Heraldik",
    "Judentum",
    "Tanz",
    "Seefahrt",
    "Motorsport",
    "Tennis",
    "Raumfahrt",
    "Pferdesport",
    "Mineralogie",
    "Mechanik",
    "Imkerei",
    "Handwerk",
    "Genetik",
    "Eisenbahn",
    "Astronomie",
    "Wassersport",
    "Tiermedizin",
    "Segeln",
    "Märchen",
    "Marine",
    "Malerei",
    "Kochkunst",
    "Kinderspiel",
    "Hüttenwesen",
    "Glücksspiel",
    "Geodäsie",
    "Fischerei",
    "Boxen",
    "Ballspiele",
    "Astrologie",
    "Anthropologie",
    "Buddhismus",
    "Radsport",
    "Spiel",
    "Mittelalter",
    "Antike",
    "Jägersprache",
    "Seemannssprache",
    "Gaunersprache",
    "fachsprachlich",
];

/// Endings of specialist subject labels not in [`SPECIALIST_LABELS`].
const SPECIALIST_ENDINGS: &[&str] = &["wesen", "sprache", "technik", "wissenschaft", "logie"];

/// Labels of senses that are no longer in use or rarely (*selten*, *ursprünglich*: the
/// original sense).
const DATED_LABELS: &[&str] = &[
    "veraltet",
    "selten",
    "ursprünglich",
    "veraltend",
    "historisch",
    "früher",
    "sonst veraltet",
    "DDR",
    "Nationalsozialismus",
];

/// Labels of regions whose senses DER STANDARD (Austrian) and German news rarely mean.
const FOREIGN_REGION_LABELS: &[&str] = &[
    "schweizerisch",
    "Schweiz",
    "in der Schweiz",
    "norddeutsch",
    "Norddeutschland",
    "landschaftlich",
    "regional",
    "mundartlich",
    "Luxemburg",
    "Namibia",
    "Südtirol",
    "berlinerisch",
    "österreichisch veraltet",
];

/// Labels of Austrian senses (the news of DER STANDARD is Austrian).
const AUSTRIAN_LABELS: &[&str] = &["österreichisch", "Österreich", "in Österreich", "bairisch"];

/// Labels of a transferred sense, which news uses more often than the literal one.
const FIGURATIVE_LABELS: &[&str] = &[
    "übertragen",
    "im übertragenen Sinne",
    "im übertragenen Sinn",
    "bildlich",
    "figurativ",
];

/// Labels of a register that news rarely uses.
const REGISTER_LABELS: &[&str] = &[
    "salopp",
    "derb",
    "vulgär",
    "scherzhaft",
    "Schimpfwort",
    "Jargon",
    "Netzjargon",
    "poetisch",
    "kindersprachlich",
    "Jugendsprache",
];

/// What a label says about a sense, for choosing it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum LabelKind {
    /// A subject of the vocabulary's categories (*Recht*, *Politik*).
    Category(Category),
    /// A specialist subject (*Schach*, *Kochkunst*).
    Specialist,
    Dated,
    ForeignRegion,
    Austrian,
    Figurative,
    /// Everyday speech (*umgangssprachlich*): neither favoured nor penalised.
    Colloquial,
    Register,
    /// Grammar and other notes (*ohne Plural*, *transitiv*, *allgemein*).
    Other,
}

fn label_kind(l: &str) -> LabelKind {
    if let Some(c) = LABEL_CATEGORIES
        .iter()
        .find(|(name, _)| *name == l || l.ends_with(name))
        .map(|(_, c)| *c)
    {
        return LabelKind::Category(c);
    }
    if DATED_LABELS.contains(&l) {
        LabelKind::Dated
    } else if AUSTRIAN_LABELS.contains(&l) {
        LabelKind::Austrian
    } else if FOREIGN_REGION_LABELS.contains(&l) || l.starts_with("süddeutsch") {
        LabelKind::ForeignRegion
    } else if FIGURATIVE_LABELS.contains(&l) {
        LabelKind::Figurative
    } else if l == "umgangssprachlich" {
        LabelKind::Colloquial
    } else if REGISTER_LABELS.contains(&l) {
        LabelKind::Register
    } else if SPECIALIST_LABELS.contains(&l)
        || (l.chars().next().is_some_and(char::is_uppercase)
            && !l.contains(' ')
            && SPECIALIST_ENDINGS.iter().any(|e| l.ends_with(e)))
    {
        LabelKind::Specialist
    } else {
        LabelKind::Other
    }
}

/// The labels a definition starts with (`Recht, Politik: …` → `["Recht", "Politik"]`).
fn labels(text: &str) -> Vec<&str> {
    let Some((head, _)) = text.split_once(": ") else {
        return Vec::new();
    };
    if head.chars().count() > 60 {
        return Vec::new();
    }
    head.split([',', ';'])
        .flat_map(|p| p.split(" und "))
        .flat_map(|p| p.split(" oder "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// The Wiktionary definition of `lemma` in the sense that fits the article best (or its
/// best-fitting senses when the choice is not confident), and whether that sense has no plural.
fn definition(
    lemma: &str,
    parts: &[String],
    sentences: &[usize],
    ctx: &Context,
    plural: bool,
) -> Option<(String, bool)> {
    let senses = lexicon().senses(lemma);
    let chosen = choose_sense(lemma, parts, &senses, sentences, ctx, plural)?;
    Some(chosen.render())
}

/// Shortest part of a compound that counts as a word of its own in a note on its parts
/// (*sch* and *end* are fragments of a wrong split: *Sch·ächtung*, *Präg·end*).
const MIN_PART_CHARS: usize = 4;

/// Whether `part` of a compound is a real word a learner can look up: long enough and known
/// (with or without its linking element: *Sicherheits*, *Arbeitslosen*), or a free noun of
/// three letters with a definition of its own (*Hof*, *Amt*), not a fragment.
fn real_part(part: &str) -> bool {
    let lex = lexicon();
    let n = part.chars().count();
    // an abbreviation or name in front (*EU-Staat*, *SPÖ-Chef*)
    if n >= 2 && part.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return true;
    }
    if n >= MIN_PART_CHARS {
        let known = |w: &str| {
            lex.noun(w).is_some()
                || !lex.senses(w).is_empty()
                || lex.zipf(&w.to_lowercase()).is_some()
        };
        return known(part)
            || ["s", "es", "n", "en", "e", "er", "ns"]
                .iter()
                .filter_map(|l| part.strip_suffix(l))
                .filter(|w| w.chars().count() >= 3)
                .any(|w| known(w) || known(&format!("{w}e")))
            || known(&format!("{part}e"));
    }
    n == 3
        && part.starts_with(char::is_uppercase)
        && !lex.senses(part).is_empty()
        && lex.noun(part).is_some()
}

/// The parts of a compound worth showing a learner (`Teile`): none when the split has a
/// fragment that is no word of its own (*Sch · ächtung*, *Mag · ist · rat*) or when the word
/// is the noun of a verb (*Polarisierung* from *polarisieren*, not *Pol · arisierung*).
pub(super) fn shown_parts(a: &Analysis) -> Vec<String> {
    if a.parts.len() < 2 {
        return a.parts.clone();
    }
    let fragment = a.parts.iter().any(|p| {
        let word = p.trim_end_matches('-');
        !real_part(word) && !real_part(&capitalize(word))
    });
    if fragment || verbal_noun_of(&a.lemma).is_some() || noun_of_verb(&a.lemma) {
        return Vec::new();
    }
    // a short part that belongs to its neighbour (*All · einstellungs* of
    // *Alleinstellungsmerkmal*): the two as one part when together they are a word
    let mut parts = a.parts.clone();
    let mut i = 0;
    while i + 1 < parts.len() && parts.len() > 2 {
        let short = parts[i].chars().count() <= 3 || parts[i + 1].chars().count() <= 3;
        let joined = format!("{}{}", parts[i], parts[i + 1]);
        let word = capitalize(&joined);
        if short && joined.chars().count() >= MIN_PART_CHARS + 2 && real_part(&word) {
            parts[i] = if i == 0 { word } else { joined };
            parts.remove(i + 1);
        } else {
            i += 1;
        }
    }
    parts
}

/// Whether a noun is the stem of a verb that is the noun with *-en* (*Verbrauch* of
/// *verbrauchen*, *Verbleib*, *Wegfall*, *Missbrauch*): a derivation, whose split
/// (*Verb · rauch*) tells a learner nothing true.
fn noun_of_verb(lemma: &str) -> bool {
    let verb = format!("{}en", lemma.to_lowercase());
    lexicon()
        .analyze(&verb)
        .is_some_and(|a| a.pos == Pos::Verb && a.lemma == verb)
}

/// The verb a noun in *-ung* is made from, when the dictionary has it with a definition
/// (*Schächtung* → *schächten*, *Polarisierung* → *polarisieren*).
fn verbal_noun_of(lemma: &str) -> Option<String> {
    let stem = lemma.strip_suffix("ung")?;
    if stem.chars().count() < 3 {
        return None;
    }
    let lower = stem.to_lowercase();
    [format!("{lower}en"), format!("{lower}n")]
        .into_iter()
        .find(|v| !lexicon().senses(v).is_empty())
}

/// The definition of a compound Wiktionary lacks: its head's, named as the head's
/// (`Verband (in Konsumentenschutzverband): …`), its senses in order when the article does not
/// clearly support one; for a noun in *-ung* of a verb Wiktionary has, the verb's (`das
/// Schächten: …`); else what the compound is made of when every part is a real word.
fn compound_definition(
    a: &Analysis,
    sentences: &[usize],
    ctx: &Context,
    plural: bool,
) -> Option<(String, bool)> {
    if a.pos != Pos::Noun {
        return None;
    }
    if let Some(verb) = verbal_noun_of(&a.lemma) {
        let senses = lexicon().senses(&verb);
        let chosen = choose_sense(&verb, &[], &senses, sentences, ctx, false)?;
        let (text, _) = chosen.render();
        return Some((
            format!("das {}{}: {text}", verb[..1].to_uppercase(), &verb[1..]),
            false,
        ));
    }
    if a.parts.len() < 2 {
        return None;
    }
    let parts = lexicon().compound_parts(&a.lemma)?;
    if !parts.iter().all(|p| real_part(&p.lemma)) {
        return None;
    }
    let head = parts.last()?;
    if head.kind != crate::lexicon::PartKind::Noun {
        return None;
    }
    // Wiktionary's senses are those of the head's first entry: a compound built on another
    // homograph (*das Messingschild, -er* on *das Schild*, not *der Schild, -e*) gets none
    let senses = if head_is_other_homograph(a, &head.lemma) {
        Vec::new()
    } else {
        lexicon().senses(&head.lemma)
    };
    // the compound's other parts say which sense of its head it means (*Schnee* in
    // *Schneebrettlawine*: the avalanche of snow, not of mud)
    let modifiers: Vec<String> = parts[..parts.len() - 1]
        .iter()
        .map(|p| p.lemma.clone())
        .collect();
    if let Some(chosen) = choose_sense(&head.lemma, &modifiers, &senses, sentences, ctx, plural) {
        // the first of many senses of the head shown alone, with nothing in the article for it
        // (the votes of the head's compounds are those of Wiktionary's compounds, mostly of
        // that first sense: *Ackerfeld*, *Maisfeld*): a guess, often a sense the compound does not have (*Welt* in
        // *Verpackungswelt*: "der Planet Erde"; *Feld* in *Bewerberfeld*: "Acker"; *Kammer*
        // in *Landwirtschaftskammer*: an unheated room); no meaning is better than a wrong
        // one, and the entry is left out
        if chosen.order_guess(senses.len()) {
            return None;
        }
        let (text, no_plural) = chosen.render();
        // the head's sense is a guess for the compound: it drops the plural only where the
        // texts of the frequency table have the compound and never its plural
        // (*Haushaltsrecht*, *Verfassungsrecht*; not *Mitspracherecht*, *Mitspracherechte*)
        let lex = lexicon();
        let no_plural = no_plural
            && lex.zipf(&a.lemma.to_lowercase()).is_some()
            && a.plural
                .as_deref()
                .is_none_or(|p| lex.zipf(&p.to_lowercase()).is_none());
        return Some((part_definition(&head.lemma, &a.lemma, &text), no_plural));
    }
    let names: Vec<&str> = parts.iter().map(|p| p.lemma.as_str()).collect();
    let (last, rest) = names.split_last()?;
    Some((
        format!("Zusammensetzung aus {} und {last}", rest.join(", ")),
        false,
    ))
}

/// Whether compound `a` is built on another homograph of its head noun `head` than the one
/// Wiktionary's senses describe (the first of its entries in `nouns.tsv`): the compound's
/// gender and plural fit another entry and not the first (*das Messingschild, -er* fits *das
/// Schild, -er*, not *der Schild, -e*; *die Zentralbank, -en* fits *die Bank, -en*, not *die
/// Bank, ¨-e*). Entries whose plurals are the same (*der/das Teil, -e*) are not told apart:
/// the gender alone may be a variant of one word.
fn head_is_other_homograph(a: &Analysis, head: &str) -> bool {
    let Some(gender) = a.gender else {
        return false;
    };
    let entries = lexicon().noun_entries(head);
    let Some((first, others)) = entries.split_first() else {
        return false;
    };
    let plural = a.plural.as_deref().map(str::to_lowercase);
    let plural_fits = |plurals: &[String]| match &plural {
        None => true,
        Some(p) => plurals.is_empty() || plurals.iter().any(|q| p.ends_with(&q.to_lowercase())),
    };
    let fits = |(g, plurals): &(Gender, Vec<String>)| *g == gender && plural_fits(plurals);
    !fits(first) && others.iter().any(|e| fits(e) && e.1 != first.1)
}

/// A chosen sense and whether the article supports it (its words or its subject occur in the
/// article) rather than it being only the likeliest by order.
struct Chosen<'s> {
    sense: &'s Sense,
    supported: bool,
    /// How far its score is ahead of the next sense's.
    margin: f32,
    /// The next best senses, close enough to show with it when the choice is not confident.
    alternatives: Vec<&'s Sense>,
    /// Whether the sense is the word's first (main) sense.
    first: bool,
}

/// Words of definitions that say nothing about a sense.
const VAGUE_WORDS: &[&str] = &[
    "etwas",
    "jemand",
    "jemanden",
    "jemandem",
    "jemandes",
    "meist",
    "bestimmte",
    "bestimmten",
    "besonders",
    "eines",
    "einer",
    "einem",
    "einen",
    "durch",
    "sowie",
    "oder",
    "andere",
    "anderen",
    "eigentlich",
    "sich",
    "zwischen",
    "Person",
    "Personen",
    "Sache",
    "Menge",
];

/// Stems of words that mark a definition from the natural sciences or engineering (*Teilchen*,
/// *Vektorraum*, *Molekül*, *Geschoss*): news means such a sense only when the article is
/// about the subject (its words then support the sense).
const TECHNICAL_STEMS: &[&str] = &[
    "teilchen",
    "molekül",
    "molekular",
    "vektor",
    "elektr",
    "mechanik",
    "physik",
    "atom",
    "geschoss",
    "panzerung",
    "schwingung",
    "mathemat",
    "chemisch",
    "physikal",
    "makromolekül",
    "kristall",
    "frequenz",
    "spannung",
    "flüssigkeit",
    "organismus",
];

/// Whether a lower-case word of a definition is a form of an adjective of the domain lexicon
/// (*politischen*, *wirtschaftliche*).
fn domain_adjective(lower: &str) -> bool {
    if !["isch", "lich", "ell", "al", "iv"]
        .iter()
        .any(|e| lower.contains(e))
    {
        return false;
    }
    let lex = lexicon();
    std::iter::once(lower)
        .chain(
            ["en", "er", "es", "em", "e"]
                .iter()
                .filter_map(|e| lower.strip_suffix(e)),
        )
        .any(|base| lex.domain_entry(base, Pos::Adj).is_some())
}

/// What a sense that is short for a compound the article lacks loses (*kurz für Klingenlage:*
/// of *Lage*).
const SHORT_FOR_PENALTY: f32 = 0.6;

/// The Zipf frequency from which the compound a sense is short for is common enough for the
/// short form to be meant without it (*Tochtergesellschaft* 3.3; *Fankurve* 2.5 is below).
const SHORT_FOR_COMMON_ZIPF: f32 = 3.1;

/// The compound a label says a sense is short for (`kurz für Fankurve` → `Fankurve`).
fn short_for(label: &str) -> Option<&str> {
    let rest = label
        .strip_prefix("kurz für ")
        .or_else(|| label.strip_prefix("Kurzform für "))?;
    (rest.starts_with(char::is_uppercase) && !rest.contains(' ')).then_some(rest)
}

/// What an uncountable sense ([`mass_sense`]) loses where the article uses the plural.
const MASS_IN_PLURAL_PENALTY: f32 = 2.0;

/// What a sense citing a statute loses where the article is not about law.
const STATUTE_PENALTY: f32 = 1.0;

/// Codes of law a definition cites (*§ 145 BGB*).
const STATUTES: &[&str] = &[
    "BGB", "StGB", "HGB", "ABGB", "ZPO", "StPO", "GG", "UGB", "AktG",
];

/// Whether a definition cites a paragraph or a code of law.
fn cites_statute(body: &str) -> bool {
    body.contains('§')
        || body
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| STATUTES.contains(&w))
}

/// Genera of the senses of a head that a compound with an activity as its modifier means: a
/// scheme (*Konzept zum Erreichen bestimmter Ziele*, the *Programm* of *Förderprogramm*) or the
/// range on offer (*Gesamtheit der … Waren und Dienstleistungen*, the *Angebot* of
/// *Bildungsangebot*).
const SCHEME_GENERA: &[&str] = &[
    "Konzept",
    "Plan",
    "Vorhaben",
    "Maßnahme",
    "Maßnahmen",
    "Gesamtheit",
    "Projekt",
    "Strategie",
];

/// What a scheme sense gains in a compound whose modifier names an activity: more than the
/// order prior of four places (0.6) and the weight of the compound votes then
/// ([`ACTIVITY_VOTES_WEIGHT`] × [`COMPOUND_VOTES_WEIGHT`]), so that the fifth sense of
/// *Programm* can come first.
const ACTION_SCHEME_BONUS: f32 = 1.1;

/// The share of the compound votes' weight left for a compound whose modifier names an
/// activity, where its head has a scheme sense.
const ACTIVITY_VOTES_WEIGHT: f32 = 0.5;

/// Whether a compound's modifier (`Einführung`, `Weiterbildungs`) is a noun of an activity:
/// one in *-ung*, with or without its linking *-s* (not *-ion*: *Opposition*, *Region* are
/// bodies and places).
fn names_activity(modifier: &str) -> bool {
    let m = modifier.trim_end_matches('-').to_lowercase();
    let m = m.strip_suffix('s').unwrap_or(&m);
    m.chars().count() >= 6 && m.ends_with("ung")
}

/// Support of a sense whose construction (*es heißt:*) the word's sentences have.
const CONSTRUCTION_SUPPORT: f32 = 0.5;

/// Words of a construction label that stand for any filler (*etwas*, *jemandem*) or are
/// articles.
const FILLER_WORDS: &[&str] = &[
    "etwas", "jemand", "jemanden", "jemandem", "jemandes", "ein", "eine", "einen", "einem",
    "einer", "der", "die", "das", "den", "dem", "person", "sache",
];

/// The other words, fillers aside, of `label` when it is a construction of the word (`es
/// heißt`, `sich auf etwas verlassen`: a form of the word in it): the label selects its sense
/// where they all occur in the lower-case words of the word's sentences.
fn construction_words(label: &str, lemma_lower: &str) -> Option<Vec<Box<str>>> {
    let head: String = lemma_lower.chars().take(3).collect();
    let words: Vec<String> = label.split_whitespace().map(str::to_lowercase).collect();
    if words.len() < 2 || !words.iter().any(|w| w.starts_with(&head)) {
        return None;
    }
    let rest: Vec<Box<str>> = words
        .iter()
        .filter(|w| !w.starts_with(&head) && !FILLER_WORDS.contains(&w.as_str()))
        .map(|w| w.as_str().into())
        .collect();
    (!rest.is_empty()).then_some(rest)
}

/// The Zipf frequency above which a shared word says little about a sense (*Menschen*,
/// *leben*): its weight falls towards [`COMMON_WORD_WEIGHT`].
const COMMON_ZIPF: f32 = 4.5;
const COMMON_WORD_WEIGHT: f32 = 0.3;

/// What a label of a sense says, worked out once per sense ([`SenseFacts`]): the part of
/// [`label_kind`]'s reading that does not depend on the article.
enum LabelFact {
    Category(Category),
    /// A specialist or dated label, with the stem of its lower-case form.
    Unless(Box<str>),
    ForeignRegion,
    Austrian,
    Figurative,
    Register,
    Colloquial,
    /// A sense of the plural form.
    Plural,
    /// Short for a compound: the stem of its lower-case form, and whether the compound is
    /// rare (below [`SHORT_FOR_COMMON_ZIPF`]).
    ShortFor(Box<str>, bool),
    Reflexive,
    /// A construction of the word: its other words, fillers aside ([`construction_in`]).
    Construction(Box<[Box<str>]>),
    Other,
}

/// A content word of a sense's definition, as the Lesk overlap in [`rank_senses`] reads it.
struct WordFact {
    /// Its stem.
    stem: Box<str>,
    /// Its weight by frequency (rare words say more than common ones).
    weight: f32,
    /// The category of the domain term it is, when it is capitalised.
    domain: Option<Category>,
    /// Whether it is a word of politics, business or society.
    newsy: bool,
}

/// What [`rank_senses`] reads from a sense of a lemma that does not depend on the article:
/// worked out once per lemma and sense ([`sense_facts`]).
struct SenseFacts {
    labels: Box<[LabelFact]>,
    mass: bool,
    statute: bool,
    scheme: bool,
    reflexive_body: bool,
    technical: bool,
    words: Box<[WordFact]>,
}

/// The facts of each of `senses` of `lemma`, memoised (per thread and for all threads) like
/// [`compound_votes`], under its `key` ([`senses_key`]).
fn sense_facts(lemma: &str, senses: &[Sense], key: &str) -> std::sync::Arc<[SenseFacts]> {
    crate::memo::memoised_shared(&FACTS, &FACTS_SHARED, key, FACTS_MAX, || {
        let lemma_lower = lemma.to_lowercase();
        senses
            .iter()
            .map(|s| sense_facts_uncached(&lemma_lower, s))
            .collect()
    })
}

/// Bound of each level of the memo of [`sense_facts`].
const FACTS_MAX: usize = 20_000;

thread_local! {
    static FACTS: crate::memo::MemoCell<std::sync::Arc<[SenseFacts]>> = Default::default();
}
static FACTS_SHARED: crate::memo::SharedCell<std::sync::Arc<[SenseFacts]>> =
    crate::memo::SharedCell::new(Default::default);

fn sense_facts_uncached(lemma_lower: &str, s: &Sense) -> SenseFacts {
    let lex = lexicon();
    let labels = labels(s.text)
        .into_iter()
        .map(|l| match label_kind(l) {
            LabelKind::Category(c) => LabelFact::Category(c),
            LabelKind::Specialist | LabelKind::Dated => {
                LabelFact::Unless(stem(&l.to_lowercase()).into())
            }
            LabelKind::ForeignRegion => LabelFact::ForeignRegion,
            LabelKind::Austrian => LabelFact::Austrian,
            LabelKind::Figurative => LabelFact::Figurative,
            LabelKind::Register => LabelFact::Register,
            LabelKind::Colloquial => LabelFact::Colloquial,
            LabelKind::Other if matches!(l, "Plural" | "nur Plural" | "nur im Plural") => {
                LabelFact::Plural
            }
            LabelKind::Other if short_for(l).is_some() => {
                let full = short_for(l).unwrap_or_default().to_lowercase();
                let rare = lex.zipf(&full).is_none_or(|z| z < SHORT_FOR_COMMON_ZIPF);
                LabelFact::ShortFor(stem(&full).into(), rare)
            }
            LabelKind::Other if l == "reflexiv" => LabelFact::Reflexive,
            LabelKind::Other => construction_words(l, lemma_lower)
                .map_or(LabelFact::Other, |w| LabelFact::Construction(w.into())),
        })
        .collect();
    let body = s.text.rsplit_once(": ").map_or(s.text, |(_, b)| b);
    let lemma_prefix = prefix(lemma_lower);
    let mut technical = false;
    let mut words = Vec::new();
    let mut seen = HashSet::new();
    for w in body.split(|c: char| !c.is_alphanumeric()) {
        let Some(f) = sense_word(w) else {
            continue;
        };
        if f.technical {
            technical = true;
        }
        // a stop word has no stem here
        let Some(st) = &f.stem else {
            continue;
        };
        // the word itself says nothing about which of its senses is meant
        if prefix(&f.lower) == lemma_prefix
            || f.lower.contains(lemma_lower)
            || !seen.insert(std::rc::Rc::clone(st))
        {
            continue;
        }
        words.push(WordFact {
            stem: st.as_ref().into(),
            weight: f.weight,
            domain: f.domain,
            newsy: f.newsy,
        });
    }
    SenseFacts {
        labels,
        mass: mass_sense(s.text),
        statute: cites_statute(body),
        scheme: genus(s.text).is_some_and(|g| SCHEME_GENERA.contains(&g)),
        reflexive_body: body.starts_with("sich "),
        technical,
        words: words.into(),
    }
}

/// What [`sense_facts_uncached`] reads from a word of a definition whatever the lemma: the
/// word's lower case, whether it marks a technical sense, its stem (none for a stop word), its
/// weight by frequency, the category of the domain term it is when capitalised, and whether it
/// is a word of politics, business or society.
struct SenseWord {
    lower: Box<str>,
    technical: bool,
    stem: Option<std::rc::Rc<str>>,
    weight: f32,
    domain: Option<Category>,
    newsy: bool,
}

/// The [`SenseWord`] of a word of a definition as written, or `None` for a word shorter than
/// four characters or a vague one. Memoised per thread: the definitions of the lemmas share
/// their words.
fn sense_word(w: &str) -> Option<std::rc::Rc<SenseWord>> {
    if w.len() < 4 {
        // fewer than four characters (each is at least a byte)
        return None;
    }
    crate::memo::memoised(&SENSE_WORDS, w, ZIPF_MAX, || {
        if w.chars().count() < 4 || VAGUE_WORDS.contains(&w) {
            return None;
        }
        let lw = w.to_lowercase();
        let technical = TECHNICAL_STEMS.iter().any(|t| lw.starts_with(t));
        if crate::stopwords::is_stopword(&lw) {
            return Some(std::rc::Rc::new(SenseWord {
                lower: lw.into(),
                technical,
                stem: None,
                weight: 0.0,
                domain: None,
                newsy: false,
            }));
        }
        let weight = zipf(&lw).map_or(1.0, |z| {
            if z <= COMMON_ZIPF {
                1.0
            } else {
                (1.0 - (z - COMMON_ZIPF) * 0.7).max(COMMON_WORD_WEIGHT)
            }
        });
        let entry = lexicon().domain_entry(w, Pos::Noun);
        Some(std::rc::Rc::new(SenseWord {
            stem: Some(super::stem(&lw)),
            weight,
            domain: entry
                .filter(|_| w.chars().next().is_some_and(char::is_uppercase))
                .map(|e| e.category),
            newsy: entry.is_some() || domain_adjective(&lw),
            lower: lw.into(),
            technical,
        }))
    })
}

thread_local! {
    static SENSE_WORDS: crate::memo::MemoCell<Option<std::rc::Rc<SenseWord>>> = Default::default();
}

/// One sense of a lemma scored against the article.
struct Scored<'s> {
    sense: &'s Sense,
    score: f32,
    /// Whether the article supports it (its words or its subject), rather than it being only
    /// the likeliest by order.
    supported: bool,
}

/// The senses of `lemma` (`senses`) ranked by how well they fit the article, best first: a
/// simplified Lesk (content words a definition shares with the word's sentences and with the
/// article, rare words counting more than common ones, the lemma itself not at all; domain
/// terms of the article's subjects among them) with priors from Wiktionary's order and labels
/// and from news: specialist (*Schach:*), dated, technical (*Teilchen*, *Vektorraum*) and
/// non-Austrian regional senses lose unless the article is about their subject; a sense whose
/// definition speaks of politics, business or society (a domain term in it) gains; a reflexive
/// sense (*sich verirren*) loses where the word's sentences have no *sich*; a transferred sense
/// (*übertragen:*) wins when no plain sense has support (less so for a common word).
fn rank_senses<'s>(
    lemma: &str,
    parts: &[String],
    senses: &'s [Sense],
    sentences: &[usize],
    ctx: &Context,
    plural: bool,
) -> Vec<Scored<'s>> {
    if senses.len() <= 1 {
        return senses
            .iter()
            .map(|sense| Scored {
                sense,
                score: 0.0,
                supported: false,
            })
            .collect();
    }
    let key = senses_key(lemma, senses);
    let facts = sense_facts(lemma, senses, &key);
    // the text of the word's sentences is read only for a construction or a reflexive sense
    let reads_text = facts.iter().any(|f| {
        (f.reflexive_body && lemma.starts_with(char::is_lowercase))
            || f.labels
                .iter()
                .any(|l| matches!(l, LabelFact::Reflexive | LabelFact::Construction(_)))
    });
    let around_text = if reads_text {
        ctx.around(sentences)
    } else {
        String::new()
    };
    // Snowball stems of the word's sentences (*wirtschaftlich* and *Wirtschaft* share one;
    // *festgelegt* and *festgenommen* do not, as they would share a prefix)
    // and of the parts of the word itself (*Schnee* of *Schneebrett*)
    // (each sentence once, and like `around_text` only its first MAX_AROUND_BYTES)
    let mut around: rustc_hash::FxHashSet<Cow<str>> = distinct(sentences)
        .flat_map(|i| context_tokens(ctx.doc, i))
        .filter(|t| t.kind == TokenKind::Word && !t.stop)
        .map(|t| Cow::Borrowed(t.stem()))
        .collect();
    if parts.len() >= 2 || parts.len() == 1 && parts[0] != lemma {
        for p in parts {
            let lower = p.trim_end_matches('-').to_lowercase();
            if lower.chars().count() >= 3 && !lemma.eq_ignore_ascii_case(p) {
                around.insert(Cow::Owned(stem(&lower).into_owned()));
            }
        }
    }
    let around_words: rustc_hash::FxHashSet<&str> = around_text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let reflexive_around = around_text
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "sich" | "mich" | "dich" | "uns" | "euch"));
    let lemma_lower = lemma.to_lowercase();
    let lex = lexicon();
    let action_modifier = parts
        .last()
        .is_some_and(|m| !m.eq_ignore_ascii_case(lemma) && names_activity(m))
        && senses
            .iter()
            .any(|s| genus(s.text).is_some_and(|g| SCHEME_GENERA.contains(&g)));
    // the compounds of the head Wiktionary has are mostly not of activities: their votes say
    // less about a compound of an activity (*Kinoprogramm* about *Einführungsprogramm*)
    let votes_weight = if action_modifier {
        ACTIVITY_VOTES_WEIGHT
    } else {
        1.0
    };
    // the head of a compound: the senses its other compounds have
    let votes: std::sync::Arc<[f32]> = if parts.is_empty() {
        std::sync::Arc::from(Vec::new())
    } else {
        compound_votes(lemma, senses, &key)
    };
    // the senses the compounds of the head with a modifier like this one have
    let siblings = match parts.last() {
        Some(m) if !m.eq_ignore_ascii_case(lemma) => sibling_votes(lemma, m, senses, &key),
        _ => std::rc::Rc::from(Vec::new()),
    };
    struct Raw<'s> {
        sense: &'s Sense,
        prior: f32,
        support: f32,
        figurative: bool,
        plain: bool,
    }
    let mut raw = Vec::with_capacity(senses.len());
    for (rank, (s, f)) in senses.iter().zip(facts.iter()).enumerate() {
        // earlier senses are the more common ones
        let mut prior = -0.15 * rank as f32
            + votes_weight * votes.get(rank).copied().unwrap_or(0.0)
            + siblings.get(rank).copied().unwrap_or(0.0);
        let mut support: f32 = 0.0;
        let austrian = f.labels.iter().any(|l| matches!(l, LabelFact::Austrian));
        let mut figurative = false;
        let mut plain = true;
        for l in &f.labels {
            match l {
                LabelFact::Category(c) => {
                    support += 2.0 * ctx.share(*c);
                }
                LabelFact::Unless(label_stem) => {
                    plain = false;
                    // unless the article is about it (a sense labelled Sport in a match report)
                    if ctx.stems.contains(&**label_stem) {
                        support += 0.6;
                    } else {
                        prior -= 1.0;
                    }
                }
                LabelFact::ForeignRegion if !austrian => {
                    plain = false;
                    prior -= 0.8;
                }
                LabelFact::Austrian => prior += 0.1,
                LabelFact::Figurative => {
                    figurative = true;
                    plain = false;
                }
                LabelFact::Register => {
                    plain = false;
                    prior -= 0.4;
                }
                LabelFact::Colloquial => plain = false,
                // a sense of the plural form (*Alpenrepubliken*: Switzerland and Austria)
                LabelFact::Plural => prior -= 0.5,
                // a sense that is short for a rare compound (*kurz für Fankurve:* of *Kurve*):
                // meant where the article has the compound's word, else rarely; the short form
                // of a common word is common itself (*Tochter* for *Tochtergesellschaft*)
                LabelFact::ShortFor(full_stem, rare) => {
                    if ctx.stems.contains(&**full_stem) {
                        support += CONSTRUCTION_SUPPORT;
                    } else if *rare {
                        prior -= SHORT_FOR_PENALTY;
                    }
                }
                LabelFact::Reflexive if !reflexive_around => prior -= 0.5,
                // a construction of the word (*es heißt:*, *sich auf etwas verlassen:*): its
                // other words in the word's sentences select the sense
                LabelFact::Construction(words)
                    if words.iter().all(|w| around_words.contains(&**w)) =>
                {
                    support += CONSTRUCTION_SUPPORT;
                }
                _ => {}
            }
        }
        // the article uses the plural: an uncountable sense is not the one meant
        // (*Abtreibungsrechte* are rights, not the law as a whole)
        if plural && f.mass {
            prior -= MASS_IN_PLURAL_PENALTY;
        }
        // a sense that cites a statute (*§ 145 BGB*) is a term of art of lawyers: meant where
        // the article is about law
        if f.statute && ctx.share(Category::Law) < SUBJECT_CUE_SHARE {
            plain = false;
            prior -= STATUTE_PENALTY;
        }
        // a compound whose modifier names an activity (*Einführungs-*, *Weiterbildungs-*)
        // means the head as a scheme or a range of offers (*Konzept …*, *Gesamtheit …*), not a
        // broadcast or a single proposal
        if action_modifier && f.scheme {
            prior += ACTION_SCHEME_BONUS;
        }
        // a reflexive verb sense (*sich zerstreuen*) where the word has no reflexive pronoun
        if !reflexive_around && lemma.starts_with(char::is_lowercase) && f.reflexive_body {
            prior -= 0.4;
        }
        // words the definition shares with the article (Lesk), more with the sentences of the
        // word itself; rare words more than common ones; a domain term of the article's
        // subjects counts as shared
        let mut shared: f32 = 0.0;
        let mut newsy: f32 = 0.0;
        for w in &f.words {
            if around.contains(&*w.stem) {
                shared += 0.6 * w.weight;
            } else if ctx.stems.contains(&*w.stem) {
                shared += 0.3 * w.weight;
            } else if let Some(c) = w.domain
                && ctx.main_subject(c)
            {
                shared += 0.3;
            }
            // a word of politics, business or society: the kind of sense news means
            if w.newsy {
                newsy += 0.1;
            }
        }
        support += shared.min(1.5);
        prior += newsy.min(0.2);
        if f.technical && shared < 0.5 {
            prior -= 0.5;
        }
        raw.push(Raw {
            sense: s,
            prior,
            support,
            figurative,
            plain,
        });
    }
    // a row of `senses.tsv` whose cues match selects its Wiktionary sense (*Mittel* in a
    // report on a budget: "Geldmittel"; *Recht* in *Vorschlagsrecht*: a right)
    let rows = wiktionary_rows(lemma, false);
    if !rows.is_empty() {
        let modifier = parts
            .last()
            .filter(|m| !m.eq_ignore_ascii_case(lemma))
            .map(|m| m.trim_end_matches('-').to_lowercase())
            .unwrap_or_default();
        if let Some(row) = matching_row(&rows, lemma, &modifier, sentences, ctx)
            && let Some(x) = raw
                .iter_mut()
                .find(|x| Some(x.sense.number) == row.wiktionary)
            && (plural || !mostly_plural(x.sense))
        {
            x.support += SENSE_CUE_SUPPORT;
        }
    }
    // a transferred sense wins where no plain sense has support in the article (*ins
    // Fettnäpfchen treten* in a report on politics)
    let plain_supported = raw.iter().any(|x| x.plain && x.support >= 0.5);
    // a common word (*folgen*) is mostly meant plainly, even without support
    let figurative_bonus = if lex.zipf(&lemma_lower).is_some_and(|z| z >= COMMON_ZIPF) {
        0.15
    } else {
        0.6
    };
    let mut ranked: Vec<Scored> = raw
        .iter()
        .map(|x| {
            let bonus = if x.figurative && !plain_supported {
                figurative_bonus
            } else {
                0.0
            };
            Scored {
                sense: x.sense,
                score: x.prior + x.support + bonus,
                supported: x.support >= 0.5,
            }
        })
        .collect();
    // the best score first; on a tie the earlier sense (the sort is stable)
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score));
    ranked
}

/// What a Wiktionary sense gains where a row of `senses.tsv` selects it: the hand-written cue
/// outweighs what else may favour another sense (the Lesk support, at most 1.5; the votes of
/// the head's compounds and of like compounds, 0.8 and 1.2; the order prior), so that it is
/// shown alone (*Mittel* in *Bundesmittel*, whose compounds in Wiktionary are mostly remedies).
const SENSE_CUE_SUPPORT: f32 = 4.0;

/// Weight of the sense the compounds of a head have ([`compound_votes`]): a sense all of them
/// share leads the head's first sense by more than [`CONFIDENT_MARGIN`].
const COMPOUND_VOTES_WEIGHT: f32 = 0.8;
/// The least number of votes of the best-voted sense that make a prior: one or two compounds
/// say little.
const MIN_COMPOUND_VOTES: f32 = 3.0;
/// The Zipf frequency above which a word of a definition is too common to vote with
/// (*Bereich*, *schnell*; *Gebiet*, *momentan* are below).
const VOTE_COMMON_ZIPF: f32 = 5.0;
/// At most this many compounds of a head are read.
const MAX_COMPOUNDS_READ: usize = 200;

/// What the compounds of a head noun Wiktionary defines say about the sense a compound of it
/// that Wiktionary lacks has, as a prior for each of `senses`: a compound votes for the senses
/// whose definition shares a rare content word with its own first definition (*Lungenkrebs*,
/// *Hautkrebs*: "bösartiger Tumor", so *Lymphdrüsenkrebs* is the disease, not the
/// crustacean; *Sicherheitslage*, *Finanzlage*: the situation, not the position), splitting
/// its vote among several. The priors are the votes relative to the best-voted sense's, times
/// [`COMPOUND_VOTES_WEIGHT`]; none when that sense has fewer than [`MIN_COMPOUND_VOTES`].
fn compound_votes(head: &str, senses: &[Sense], key: &str) -> std::sync::Arc<[f32]> {
    // the votes depend on the head and its senses only, not on the article: memoised (per
    // thread and for all threads: a corpus asks for the same heads again and again) under the
    // key of the head and its senses ([`senses_key`])
    crate::memo::memoised_shared(&VOTES, &VOTES_SHARED, key, VOTES_MAX, || {
        compound_votes_uncached(head, senses).into()
    })
}

/// The key of a lemma and its senses in the memos of [`compound_votes`] and [`sense_facts`]:
/// the lemma and the addresses of its senses' texts (the embedded data's).
fn senses_key(lemma: &str, senses: &[Sense]) -> String {
    use std::fmt::Write as _;
    let mut key = lemma.to_owned();
    for s in senses {
        let _ = write!(key, "\u{0}{:x}", s.text.as_ptr() as usize);
    }
    key
}

/// Bound of the per-thread memo of [`compound_votes`].
const VOTES_MAX: usize = 20_000;

thread_local! {
    static VOTES: crate::memo::MemoCell<std::sync::Arc<[f32]>> = Default::default();
}
static VOTES_SHARED: crate::memo::SharedCell<std::sync::Arc<[f32]>> =
    crate::memo::SharedCell::new(Default::default);

/// The compounds of a head (`head_lower`, lower case) that Wiktionary defines, at most
/// [`MAX_COMPOUNDS_READ`] read: each one's front (its modifier as written) and first sense.
/// Only compounds of the head, not words that merely end like it (*Anlage*, *Klage* of
/// *Lage*): what comes before the head is a word of its own (a full split of every compound
/// would cost more than the votes are worth).
/// Memoised per thread: [`compound_votes`] and [`sibling_table`] read the compounds of the same
/// heads.
fn defined_compounds(head_lower: &str) -> std::rc::Rc<[(&'static str, Sense)]> {
    crate::memo::memoised(&DEFINED_COMPOUNDS, head_lower, VOTES_MAX, || {
        let lex = lexicon();
        lex.defined_nouns_ending_in(head_lower)
            .into_iter()
            // at least three characters before the head (which the noun ends in): only the
            // front is counted
            .filter(move |c| {
                !c.contains(' ') && c[..c.len() - head_lower.len()].chars().nth(2).is_some()
            })
            .take(MAX_COMPOUNDS_READ)
            .filter_map(move |compound| {
                let front = &compound[..compound.len() - head_lower.len()];
                if !modifier_word(front) {
                    return None;
                }
                let first = lex.senses(compound).into_iter().next()?;
                Some((front, first))
            })
            .collect()
    })
}

thread_local! {
    static DEFINED_COMPOUNDS: crate::memo::MemoCell<std::rc::Rc<[(&'static str, Sense)]>> =
        Default::default();
}

fn compound_votes_uncached(head: &str, senses: &[Sense]) -> Vec<f32> {
    let head_lower = head.to_lowercase();
    let sense_words: Vec<Vec<std::rc::Rc<str>>> = senses
        .iter()
        .map(|s| content_stems(s.text, &head_lower))
        .collect();
    let mut votes = vec![0.0f32; senses.len()];
    // the words of each sense that votes came through (by index into its words)
    let mut voted_by: Vec<Vec<bool>> = sense_words.iter().map(|w| vec![false; w.len()]).collect();
    // the words of each sense a compound shares (one buffer for all compounds)
    let mut shared: Vec<Vec<usize>> = vec![Vec::new(); senses.len()];
    for &(_, first) in defined_compounds(&head_lower).iter() {
        let words = content_stems(first.text, &head_lower);
        for (s, mine) in shared.iter_mut().zip(&sense_words) {
            s.clear();
            s.extend((0..mine.len()).filter(|&i| words.iter().any(|w| same_word(&mine[i], w))));
        }
        // a compound that shares words with several senses splits its vote
        let n = shared.iter().filter(|s| !s.is_empty()).count();
        for ((v, by), s) in votes.iter_mut().zip(&mut voted_by).zip(&shared) {
            if !s.is_empty() {
                *v += 1.0 / n as f32;
                for &i in s {
                    by[i] = true;
                }
            }
        }
    }
    // votes that all come through one word are a coincidence of wording (*Bein* in the
    // definitions of *Rückschritt* and *Ausfallschritt* and of *Schritt* as the crotch)
    for (v, by) in votes.iter_mut().zip(&voted_by) {
        if by.iter().filter(|&&b| b).count() < 2 {
            *v = 0.0;
        }
    }
    let most = votes.iter().copied().fold(0.0, f32::max);
    if most < MIN_COMPOUND_VOTES {
        return Vec::new();
    }
    votes
        .iter()
        .map(|&v| COMPOUND_VOTES_WEIGHT * v / most)
        .collect()
}

/// Weight of the sense that the compounds of a head with a modifier like a compound's have
/// ([`sibling_votes`]): more than the order prior of five places (0.75), so that the sixth
/// sense of *Satz* (a fixed measure: the rate of *Tagessatz*, *Prozentsatz*) comes first for
/// *Beitragssatz*.
const SIBLING_VOTES_WEIGHT: f32 = 1.2;
/// The least votes of like compounds that make a prior.
const MIN_SIBLING_VOTES: f32 = 2.0;
/// The least number of like compounds that vote for the sense.
const MIN_SIBLINGS: usize = 2;
/// At most this many senses of a modifier are read.
const MODIFIER_SENSES_READ: usize = 4;

/// What the compounds of head noun `head` that Wiktionary defines and whose modifier is like
/// `modifier` say about the sense of the head in a compound of `modifier` Wiktionary lacks:
/// a compound is like it when its definition or its own modifier's definitions share words
/// with `modifier`'s definitions (*Beitrag*, "Geldbetrag …": *Tagessatz*, "ein festgelegter,
/// pro Tag zu zahlender Geldbetrag"; *Transfer*, "Zahlung …": *Sozialleistung*, "Zahlungen …
/// des Staates"); it votes, as many times as words are shared, for the senses of the head its
/// definition shares words with (*festgelegt*: *Satz* as a fixed measure; *Zahlung*:
/// *Leistung* as a payment). The priors are the votes relative to the best-voted sense's,
/// times [`SIBLING_VOTES_WEIGHT`]; none below [`MIN_SIBLING_VOTES`] or [`MIN_SIBLINGS`], or
/// where the like compounds vote for more than one sense. Memoised per thread
/// under the head's `key` ([`senses_key`]) and the modifier.
fn sibling_votes(head: &str, modifier: &str, senses: &[Sense], key: &str) -> std::rc::Rc<[f32]> {
    let memo_key = format!("{key}\u{0}{modifier}");
    crate::memo::memoised(&SIBLINGS, &memo_key, VOTES_MAX, || {
        sibling_votes_uncached(head, modifier, senses, key).into()
    })
}

thread_local! {
    static SIBLINGS: crate::memo::MemoCell<std::rc::Rc<[f32]>> = Default::default();
}

/// The body of a definition without its labels (`Recht: …`): not cut at a colon inside it
/// (`Zahlungen (seltener: Sachleistungen …)`).
fn definition_body(text: &str) -> &str {
    match text.split_once(": ") {
        Some((head, body)) if !head.contains('(') && head.chars().count() <= 60 => body,
        _ => text,
    }
}

/// The content stems of the definitions of a word (its first [`MODIFIER_SENSES_READ`] senses)
/// that is a compound's modifier as written (`Beitrags`, `Transfer`): of the word with or
/// without its linking element.
fn modifier_stems(modifier: &str) -> std::rc::Rc<[std::rc::Rc<str>]> {
    // the same modifiers recur in the compounds of many heads: memoised per thread
    crate::memo::memoised(&MODIFIER_STEMS, modifier, ZIPF_MAX, || {
        modifier_stems_uncached(modifier).into()
    })
}

thread_local! {
    static MODIFIER_STEMS: crate::memo::MemoCell<std::rc::Rc<[std::rc::Rc<str>]>> =
        Default::default();
}

fn modifier_stems_uncached(modifier: &str) -> Vec<std::rc::Rc<str>> {
    let lex = lexicon();
    let word = capitalize(modifier.trim_end_matches('-'));
    let senses = std::iter::once(word.as_str())
        .chain(
            ["s", "es", "n", "en", "e"]
                .iter()
                .filter_map(|l| word.strip_suffix(l)),
        )
        .filter(|w| w.chars().count() >= 3)
        .map(|w| (w, lex.senses(w)))
        .find(|(_, s)| !s.is_empty());
    let Some((w, senses)) = senses else {
        return Vec::new();
    };
    let lower = w.to_lowercase();
    let mut out: Vec<std::rc::Rc<str>> = Vec::new();
    for s in senses.iter().take(MODIFIER_SENSES_READ) {
        for st in body_stems(definition_body(s.text), &lower) {
            if !out.contains(&st) {
                out.push(st);
            }
        }
    }
    out
}

fn sibling_votes_uncached(head: &str, modifier: &str, senses: &[Sense], key: &str) -> Vec<f32> {
    let mine = modifier_stems(modifier);
    if mine.is_empty() {
        return Vec::new();
    }
    let modifier_lower = modifier.trim_end_matches('-').to_lowercase();
    let mut votes = vec![0.0f32; senses.len()];
    // the like compounds that voted for each sense
    let mut voters = vec![0usize; senses.len()];
    for sibling in sibling_table(head, senses, key).iter() {
        if *sibling.front_lower == *modifier_lower {
            continue;
        }
        let like = mine
            .iter()
            .filter(|m| sibling.stems.iter().any(|t| same_word(m, t)))
            .count();
        if like == 0 {
            continue;
        }
        for &i in sibling.hits.iter() {
            votes[i] += like as f32 / sibling.hits.len() as f32;
            voters[i] += 1;
        }
    }
    // one sense, voted for by several like compounds and by no other: one compound or a
    // split vote is a coincidence of wording (*Gesamtheit*, *staatlich*)
    let voted = votes.iter().filter(|&&v| v > 0.0).count();
    let most = votes.iter().copied().fold(0.0, f32::max);
    if most < MIN_SIBLING_VOTES || voted != 1 || voters.iter().all(|&n| n < MIN_SIBLINGS) {
        return Vec::new();
    }
    votes
        .iter()
        .map(|&v| SIBLING_VOTES_WEIGHT * v / most)
        .collect()
}

/// A compound of a head that Wiktionary defines, as [`sibling_votes`] reads it: its modifier
/// in lower case, the stems of its first definition and of its modifier's definitions, and
/// the senses of the head its definition shares words with (never empty).
struct Sibling {
    front_lower: Box<str>,
    stems: Box<[std::rc::Rc<str>]>,
    hits: Box<[usize]>,
}

/// The compounds of `head` (with `senses`, under `key`: [`senses_key`]) that can vote in
/// [`sibling_votes`], whatever the modifier asked about: made once per head and thread (a
/// corpus asks about the same heads with many modifiers), at most [`MAX_COMPOUNDS_READ`] read.
fn sibling_table(head: &str, senses: &[Sense], key: &str) -> std::rc::Rc<[Sibling]> {
    crate::memo::memoised(&SIBLING_TABLES, key, VOTES_MAX, || {
        sibling_table_uncached(head, senses).into()
    })
}

thread_local! {
    static SIBLING_TABLES: crate::memo::MemoCell<std::rc::Rc<[Sibling]>> = Default::default();
}

fn sibling_table_uncached(head: &str, senses: &[Sense]) -> Vec<Sibling> {
    let head_lower = head.to_lowercase();
    let sense_words: Vec<Vec<std::rc::Rc<str>>> = senses
        .iter()
        .map(|s| body_stems(definition_body(s.text), &head_lower))
        .collect();
    let mut table = Vec::new();
    for &(front, first) in defined_compounds(&head_lower).iter() {
        let words = body_stems(definition_body(first.text), &head_lower);
        let hits: Box<[usize]> = (0..senses.len())
            .filter(|&i| {
                sense_words[i]
                    .iter()
                    .any(|w| words.iter().any(|x| same_word(w, x)))
            })
            .collect();
        if hits.is_empty() {
            continue;
        }
        let stems: Box<[std::rc::Rc<str>]> = words
            .iter()
            .cloned()
            .chain(modifier_stems(front).iter().cloned())
            .collect();
        table.push(Sibling {
            front_lower: front.to_lowercase().into(),
            stems,
            hits,
        });
    }
    table
}

/// Whether the front of a compound (`Lungen` of *Lungenkrebs*) is a word with or without its
/// linking element, and no particle (`An` of *Anlage*, `Auf` of *Auflage*).
fn modifier_word(front: &str) -> bool {
    let lex = lexicon();
    if front.chars().count() < 3 || front.ends_with('-') {
        return false;
    }
    let lower = front.to_lowercase();
    if lex.is_function_word(&lower) {
        return false;
    }
    std::iter::once(front)
        .chain(
            ["s", "es", "n", "en", "e", "er"]
                .iter()
                .filter_map(|l| front.strip_suffix(l)),
        )
        .filter(|w| w.chars().count() >= 3)
        .any(|w| lex.noun(w).is_some() || lex.noun(&format!("{w}e")).is_some())
}

/// The Zipf frequency of a lower-case word ([`crate::lexicon::Lexicon::zipf`]), memoised per
/// thread: the words of definitions recur in the definitions of many lemmas and compounds.
fn zipf(lower: &str) -> Option<f32> {
    crate::memo::memoised(&ZIPF, lower, ZIPF_MAX, || lexicon().zipf(lower))
}

/// Bound of the per-thread memo of [`zipf`].
const ZIPF_MAX: usize = 50_000;

thread_local! {
    static ZIPF: crate::memo::MemoCell<Option<f32>> = Default::default();
}

/// Snowball stems of the content words of a definition's body (labels left out), without
/// common words (*allgemein*, *Bereich*: above [`VOTE_COMMON_ZIPF`]) and the words that contain
/// `lemma_lower` (the defined word says nothing about its sense).
fn content_stems(text: &str, lemma_lower: &str) -> Vec<std::rc::Rc<str>> {
    body_stems(text.rsplit_once(": ").map_or(text, |(_, b)| b), lemma_lower)
}

/// [`content_stems`] of the body of a definition.
fn body_stems(body: &str, lemma_lower: &str) -> Vec<std::rc::Rc<str>> {
    let mut out: Vec<std::rc::Rc<str>> = Vec::new();
    for w in body.split(|c: char| !c.is_alphanumeric()) {
        let Some((lw, st)) = vote_word(w) else {
            continue;
        };
        if lw.contains(lemma_lower) {
            continue;
        }
        if !out.contains(&st) {
            out.push(st);
        }
    }
    out
}

/// A word of a definition as [`body_stems`] reads it: its lower case and Snowball stem, or
/// `None` where it never counts (shorter than four letters, vague, a stop word, or common: above
/// [`VOTE_COMMON_ZIPF`] with or without an ending). Memoised per thread: the same words recur in
/// the definitions of many lemmas and compounds (a 100-article run reads some 150,000).
fn vote_word(w: &str) -> Option<(std::rc::Rc<str>, std::rc::Rc<str>)> {
    if w.len() < 4 {
        // fewer than four characters (each is at least a byte)
        return None;
    }
    crate::memo::memoised(&VOTE_WORDS, w, ZIPF_MAX, || {
        if w.chars().count() < 4 || VAGUE_WORDS.contains(&w) {
            return None;
        }
        let lw = w.to_lowercase();
        if crate::stopwords::is_stopword(&lw)
            || std::iter::once(lw.as_str())
                .chain(
                    ["e", "en", "er", "es", "n"]
                        .iter()
                        .filter_map(|e| lw.strip_suffix(e)),
                )
                .any(|w| zipf(w).is_some_and(|z| z > VOTE_COMMON_ZIPF))
        {
            return None;
        }
        let st = super::stem(&lw);
        Some((lw.into(), st))
    })
}

thread_local! {
    static VOTE_WORDS: crate::memo::MemoCell<Option<(std::rc::Rc<str>, std::rc::Rc<str>)>> =
        Default::default();
}

/// Whether two stems are one word or one is the start of the other's compound
/// (*tumor* of *tumorerkrank*): the shorter one of five letters or more.
fn same_word(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // the prefix test first: it fails at the first byte for most pairs, the count reads them
    // all
    short == long || (long.starts_with(short) && short.chars().count() >= 5)
}

/// The best sense of `senses` and how far it leads the next one.
fn choose_sense<'s>(
    lemma: &str,
    parts: &[String],
    senses: &'s [Sense],
    sentences: &[usize],
    ctx: &Context,
    plural: bool,
) -> Option<Chosen<'s>> {
    let ranked = rank_senses(lemma, parts, senses, sentences, ctx, plural);
    let best = ranked.first()?;
    let margin = ranked
        .get(1)
        .map_or(f32::INFINITY, |next| best.score - next.score);
    Some(Chosen {
        sense: best.sense,
        supported: best.supported,
        margin,
        first: std::ptr::eq(best.sense, &senses[0]),
        alternatives: ranked
            .iter()
            .skip(1)
            .take_while(|x| best.score - x.score <= ALTERNATIVE_WINDOW)
            .take(MAX_SHOWN_SENSES - 1)
            .map(|x| x.sense)
            .collect(),
    })
}

/// The lead over the next sense that makes a choice confident: below it the best-fitting
/// senses are shown in order (a learner finds the article's sense among two or three). It is
/// more than the order prior of three places (0.45), so that the order alone never hides the
/// fourth sense a reflexive or specialist sense made way for.
const CONFIDENT_MARGIN: f32 = 0.5;
/// The lead that suffices for a sense the article's words support.
const SUPPORTED_MARGIN: f32 = 0.3;
/// Senses within this distance of the best one are shown with it when the choice is not
/// confident.
const ALTERNATIVE_WINDOW: f32 = 0.9;
/// At most this many senses are shown.
const MAX_SHOWN_SENSES: usize = 3;
/// Characters of each sense when several are shown.
const SHOWN_SENSE_CHARS: usize = 140;

/// The number of senses from which the first one shown alone is a guess where nothing but
/// the order speaks for it ([`Chosen::order_guess`]): the first of up to five senses is
/// mostly the one compounds have (*Schüler*, *Gesetz*, *Kosten*, *Gruppe*, *Preis*), the
/// first of six or more often not (*Feld*: "Acker" in *Bewerberfeld*; *Platz*, *Linie*,
/// *Bund*, *Kammer*, *Welt*).
const GUESS_SENSES: usize = 6;

impl Chosen<'_> {
    /// Whether the sense is shown alone, is the first of [`GUESS_SENSES`] or more senses
    /// (`n`), and the article's words do not support it.
    fn order_guess(&self, n: usize) -> bool {
        n >= GUESS_SENSES && self.confident() && self.first && !self.supported
    }

    /// Whether the best sense leads clearly enough to be shown alone.
    fn confident(&self) -> bool {
        self.alternatives.is_empty()
            || self.margin >= CONFIDENT_MARGIN
            || (self.supported && self.margin >= SUPPORTED_MARGIN)
    }

    /// The text a learner reads: the best sense alone when the choice is confident, else the
    /// best-fitting senses in order (`(1) … (2) …`); grammatical labels (*kein Plural:*)
    /// removed. Also whether the (best) sense has no plural.
    fn render(&self) -> (String, bool) {
        let (first, labelled) = clean_grammar_labels(self.sense.text);
        // the word has no plural when its main sense has none and the article means that one
        // (a later sense without plural does not make the noun a singular-only one), or when
        // the sense the article means is a field or a body of law by its genus (*Recht* as the
        // law, *Verfassungsrecht*) and no other sense is shown beside it
        let by_genus = mass_sense(self.sense.text)
            && (self.confident() || self.alternatives.iter().all(|s| mass_sense(s.text)));
        let no_plural = (labelled && self.first) || by_genus;
        if self.confident() {
            return (first, no_plural);
        }
        let mut out = String::new();
        let all = std::iter::once(self.sense).chain(self.alternatives.iter().copied());
        for (i, s) in all.enumerate() {
            let (text, _) = clean_grammar_labels(s.text);
            if i > 0 {
                out.push(' ');
            }
            out.push_str(&format!(
                "({}) {}",
                i + 1,
                shorten(&text, SHOWN_SENSE_CHARS)
            ));
        }
        (out, no_plural)
    }
}

/// `text` cut at a word boundary to at most `max` characters (`…` marks a cut).
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{}…", cut.trim_end_matches([',', ';', ' ', '…']))
}

/// Labels that say a sense has no plural.
const NO_PLURAL_LABELS: &[&str] = &[
    "kein Plural",
    "ohne Plural",
    "nur Singular",
    "nur im Singular",
    "Singular",
    "nur Singular gebräuchlich",
    "nur im Singular gebräuchlich",
    "im Singular",
    "Plural ungebräuchlich",
    "nur Einzahl",
    "Singularetantum",
];

/// Other grammatical labels, which tell a learner nothing about the meaning. Not *meist
/// Plural* (*das Bedenken, -*: "meist Plural: … Vorbehalt, Zweifel"), which says how the word
/// is used, as *meist im Plural* does.
const GRAMMAR_LABELS: &[&str] = &[
    "transitiv",
    "intransitiv",
    "reflexiv",
    "unpersönlich",
    "Plural selten",
    "meist Singular",
    "meist im Singular",
    "ohne Artikel",
    "mit Dativ",
    "mit Akkusativ",
    "kein Komparativ",
    "kein Superlativ",
];

/// A definition without its grammatical labels (`kein Plural: Beseitigung …` →
/// `Beseitigung …`; `Medizin, nur im Singular gebräuchlich: …` → `Medizin: …`), and whether one
/// of them said the sense has no plural.
fn clean_grammar_labels(text: &str) -> (String, bool) {
    let Some((head, body)) = text.split_once(": ") else {
        return (text.to_owned(), false);
    };
    if labels(text).is_empty() {
        return (text.to_owned(), false);
    }
    let mut no_plural = false;
    let mut kept: Vec<&str> = Vec::new();
    for l in head
        .split([',', ';'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        if NO_PLURAL_LABELS.contains(&l) {
            no_plural = true;
        } else if !GRAMMAR_LABELS.contains(&l) {
            kept.push(l);
        }
    }
    if kept.is_empty() {
        (body.to_owned(), no_plural)
    } else {
        (format!("{}: {body}", kept.join(", ")), no_plural)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_context_of_a_huge_sentence_is_bounded() {
        // one sentence of ~200 KB (no sentence end): every entry used to lower-case and split
        // all of it, which made a one-line text quadratic
        let text = "Die Regierung plant eine Reform der Steuern und ".repeat(4_000);
        let doc = Document::new(text).unwrap();
        assert_eq!(doc.sentences.len(), 1);
        let stems = stems(&doc);
        let ctx = Context::new(&doc, &stems, &[]);
        let around = ctx.around(&[0, 0]);
        assert!(around.len() <= MAX_AROUND_BYTES + 1, "{}", around.len());
        assert!(around.starts_with("die regierung plant"));
        // a sentence of news is read whole
        let doc = Document::new("Die Regierung plant eine Reform. Sie kommt 2025.").unwrap();
        let stems = super::stems(&doc);
        let ctx = Context::new(&doc, &stems, &[]);
        assert_eq!(ctx.around(&[0]), "die regierung plant eine reform. ");
    }

    #[test]
    fn the_plural_test_reads_a_huge_sentence_once_and_only_its_start() {
        let a = lexicon().analyze("Reform").unwrap();
        assert_eq!(a.plural.as_deref(), Some("Reformen"));
        // the plural within the first MAX_AROUND_BYTES counts, once per sentence however
        // often the word occurs in it (one index per occurrence)
        let near = format!(
            "Die Reformen kommen und {}",
            "die Regierung plant eine Reform der Steuern und ".repeat(200)
        );
        let doc = Document::new(near).unwrap();
        assert_eq!(doc.sentences.len(), 1);
        let stems = stems(&doc);
        let ctx = Context::new(&doc, &stems, &[]);
        assert!(plural_in_text(&a, &[0; 200], &ctx));
        assert_eq!(distinct(&[0; 200]).count(), 1);
        assert_eq!(distinct(&[0, 0, 2, 2, 3]).collect::<Vec<_>>(), [0, 2, 3]);
        // beyond them it is not read (issue 16: a 50 MB line made this test quadratic)
        let far = format!(
            "{}und die Reformen kommen",
            "Die Regierung plant eine Reform der Steuern und ".repeat(200)
        );
        let doc = Document::new(far).unwrap();
        let stems = super::stems(&doc);
        let ctx = Context::new(&doc, &stems, &[]);
        assert!(doc.text.len() > MAX_AROUND_BYTES);
        assert!(!plural_in_text(&a, &[0; 200], &ctx));
    }

    #[test]
    fn labels_of_rare_specialist_and_short_form_senses() {
        assert_eq!(label_kind("fachsprachlich"), LabelKind::Specialist);
        assert_eq!(label_kind("selten"), LabelKind::Dated);
        assert_eq!(label_kind("ursprünglich"), LabelKind::Dated);
        assert_eq!(short_for("kurz für Klingenlage"), Some("Klingenlage"));
        assert_eq!(short_for("Kurzform für Fankurve"), Some("Fankurve"));
        assert_eq!(short_for("kurz für"), None);
        assert_eq!(short_for("kurz für eine Sache"), None);
    }

    #[test]
    fn uncountable_senses_by_label_and_genus() {
        assert!(mass_sense(
            "staatlich festgelegte und anerkannte Ordnung des menschlichen Zusammenlebens"
        ));
        assert!(mass_sense(
            "Wissenschaft vom Recht; Jura, Rechtswissenschaft"
        ));
        assert!(mass_sense("kein Plural: Beseitigung von etwas"));
        assert!(!mass_sense(
            "Befugnis einer Person, etwas zu tun, zu unterlassen oder zu verlangen"
        ));
        assert!(!mass_sense(
            "Gesamtheit der Gesetze und Maßnahmen zur Erhebung von Steuern"
        ));
        assert_eq!(genus("Recht: Gesamtheit der Normen"), Some("Gesamtheit"));
        assert_eq!(
            genus("Politik: für Wissenschaft zuständiges Ministerium"),
            None
        );
        assert!(!mass_sense(
            "Politik: für Wissenschaft zuständiges Ministerium"
        ));
    }

    #[test]
    fn participles_of_two_verbs() {
        let f = |w: &str| vec![w.to_owned()];
        assert_eq!(
            ge_verb_reading("anhören", &f("angehört")).as_deref(),
            Some("angehören")
        );
        assert_eq!(ge_verb_reading("anhören", &f("hört")), None);
        assert_eq!(ge_verb_reading("aufbauen", &f("aufgebaut")), None);
        assert!(transitive("anhören"));
        assert!(!transitive("angehören"));
    }

    #[test]
    fn nouns_of_verbs_show_no_parts() {
        let lex = lexicon();
        for w in ["Verbrauch", "Verbleib", "Wegfall"] {
            let a = lex.analyze(w).unwrap();
            assert!(shown_parts(&a).is_empty(), "{w}: {:?}", a.parts);
        }
        let a = lex.analyze("Energieverbrauch").unwrap();
        assert!(shown_parts(&a).len() >= 2, "{:?}", a.parts);
    }

    #[test]
    fn statutes_and_activities() {
        assert!(cites_statute("bindender Antrag (§ 145 BGB)"));
        assert!(cites_statute("nach StGB strafbar"));
        assert!(!cites_statute(
            "Gesamtheit der auf dem Markt verfügbaren Waren"
        ));
        assert!(names_activity("Einführungs"));
        assert!(names_activity("Weiterbildung"));
        assert!(!names_activity("Opposition"));
        assert!(!names_activity("Kino"));
    }

    #[test]
    fn bounded_text_cuts_at_a_character_boundary() {
        let text = "ä".repeat(MAX_AROUND_BYTES);
        let cut = bounded_text(&text);
        assert!(cut.len() <= MAX_AROUND_BYTES && cut.len() >= MAX_AROUND_BYTES - 1);
        assert_eq!(bounded_text("kurz"), "kurz");
    }
}
