//! What a word means in the article: an English gloss in the sense the article uses, else a
//! German definition from Wiktionary, and a category that follows the sense.
//!
//! 1. A term of the hand-written domain lexicon has its gloss; where the lexicon lists other
//!    senses of it (`senses.tsv`), the sense whose cues occur around the word wins (*im
//!    Vergleich zur Vorwoche* → "comparison", not "settlement").
//! 2. A compound of domain terms whose glosses are plain (one sense, a word or two) gets their
//!    glosses composed in English order (*Energieunternehmen* → "energy company"), marked as
//!    composed. Nothing is stitched with "+".
//! 3. Otherwise the German definition: the Wiktionary sense of the lemma that fits the article
//!    best (its labels, *Recht:* or *Musik:*, against the article's subject; the words it
//!    shares with the article, after Lesk; earlier senses first), or for a compound Wiktionary
//!    lacks, its head's (`Verband: …` for *Konsumentenschutzverband*).

use std::collections::HashSet;

use crate::document::Document;
use crate::lexicon::{Analysis, Category, Level, Pos, Sense, lexicon};
use crate::tokenize::{TokenKind, stem};

/// The meaning of one entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Meaning {
    pub gloss: Option<String>,
    pub gloss_composed: bool,
    pub definition_de: Option<String>,
    pub category: Option<Category>,
}

/// What the article is about, for choosing senses.
pub(super) struct Context<'a> {
    doc: &'a Document,
    /// Snowball stems of the article's content words.
    stems: HashSet<String>,
    /// The first letters of the article's content words (a cheap stem for comparing
    /// definitions with the article).
    prefixes: HashSet<String>,
    /// Weight of each category among the article's specific domain terms.
    profile: [f32; Category::ALL.len()],
}

fn category_index(c: Category) -> usize {
    Category::ALL.iter().position(|x| *x == c).unwrap_or(0)
}

impl<'a> Context<'a> {
    /// The context of `doc`; `terms` are the analyses of its ranked words with their relevance.
    pub(super) fn new(doc: &'a Document, terms: &[(&Analysis, f32)]) -> Self {
        let mut stems = HashSet::new();
        let mut prefixes = HashSet::new();
        for s in &doc.sentences {
            for t in &s.tokens {
                if t.kind == TokenKind::Word && !t.stop && t.lower().chars().count() >= 3 {
                    stems.insert(t.stem().to_owned());
                    prefixes.insert(prefix(t.lower()).to_owned());
                }
            }
        }
        let mut profile = [0.0; Category::ALL.len()];
        let lex = lexicon();
        for (a, score) in terms {
            // only specific terms say what the article is about: not common words
            let specific = a.level.is_none_or(|l| l >= Level::B2);
            if let Some(e) = lex.domain_entry(&a.lemma, a.pos)
                && specific
            {
                profile[category_index(e.category)] += score;
            } else if let Some(c) = a.category
                && a.domain
                && specific
            {
                profile[category_index(c)] += 0.5 * score;
            }
        }
        Context {
            doc,
            stems,
            prefixes,
            profile,
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

    /// The text of the sentences `sentences` (lower-cased), where the word occurs.
    fn around(&self, sentences: &[usize]) -> String {
        let mut out = String::new();
        let mut last = usize::MAX;
        for &i in sentences {
            if i == last {
                continue;
            }
            last = i;
            out.push_str(&self.doc.sentence_text(i).to_lowercase());
            out.push(' ');
        }
        out
    }
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

/// Share of the article's specific terms below which a common word's category is not shown:
/// *gemeinsam* (diplomacy) in an article on a school.
const MIN_SHARE_OF_COMMON_WORD: f32 = 0.15;

/// The meaning of a word of the article whose occurrences are in `sentences`.
pub(super) fn meaning(a: &Analysis, sentences: &[usize], ctx: &Context) -> Meaning {
    let lex = lexicon();
    if let Some(e) = lex.domain_entry(&a.lemma, a.pos) {
        let around = ctx.around(sentences);
        let sense = lex
            .domain_senses(&a.lemma, a.pos)
            .into_iter()
            .find(|s| s.matches(&around, |w| ctx.stems.contains(w)));
        let (gloss, category) = match sense {
            Some(s) => (s.gloss.to_owned(), s.category),
            None => (e.gloss.to_owned(), Some(e.category)),
        };
        // a common word (level B1 and easier) belongs to a subject only when the article is
        // about that subject
        let common = a.level.is_some_and(|l| l <= Level::B1);
        let category = category.filter(|c| !common || ctx.share(*c) >= MIN_SHARE_OF_COMMON_WORD);
        return Meaning {
            gloss: Some(gloss),
            gloss_composed: false,
            definition_de: None,
            category,
        };
    }
    if let Some(g) = &a.gloss {
        // a compound's gloss composed from its parts'
        return Meaning {
            gloss: Some(g.clone()),
            gloss_composed: a.gloss_composed,
            definition_de: definition(&a.lemma, a.pos, sentences, ctx),
            category: a.category,
        };
    }
    let definition = definition(&a.lemma, a.pos, sentences, ctx).or_else(|| {
        // a compound Wiktionary lacks: its head's definition, named
        if a.pos != Pos::Noun || a.parts.len() < 2 {
            return None;
        }
        let parts = lex.compound_parts(&a.lemma)?;
        let head = parts.last()?;
        if head.kind != crate::lexicon::PartKind::Noun {
            return None;
        }
        let d = definition(&head.lemma, Pos::Noun, sentences, ctx)?;
        Some(format!("{}: {d}", head.lemma))
    });
    let category = a.category.filter(|_| a.domain).or_else(|| {
        definition
            .as_deref()
            .and_then(label_category)
            .filter(|c| ctx.share(*c) > 0.0)
    });
    Meaning {
        gloss: None,
        gloss_composed: false,
        definition_de: definition,
        category,
    }
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
];

/// Labels of senses that German news hardly ever means unless it is about their subject.
const REMOTE_LABELS: &[&str] = &[
    "veraltet",
    "veraltend",
    "historisch",
    "früher",
    "sonst veraltet",
    "Jägersprache",
    "Seemannssprache",
    "Bibel",
    "Mythologie",
    "Medizin",
    "Linguistik",
    "Sprachwissenschaft",
    "Sport",
    "Fußball",
    "Musik",
    "Botanik",
    "Religion",
    "Christentum",
    "Katholizismus",
    "Theologie",
    "Chemie",
    "Biochemie",
    "Zoologie",
    "Ornithologie",
    "Entomologie",
    "Weinbau",
    "Gastronomie",
    "Anatomie",
    "Biologie",
    "Mathematik",
    "Geometrie",
    "Statistik",
    "Architektur",
    "Bauwesen",
    "Physik",
    "Psychologie",
    "Geologie",
    "Geografie",
    "Philosophie",
    "Meteorologie",
    "Elektrotechnik",
    "Schach",
    "Kunst",
    "Bildende Kunst",
    "Film",
    "Theater",
    "Literatur",
    "Literaturwissenschaft",
    "Kleidung",
    "Bergbau",
    "Nautik",
    "Druckwesen",
    "Fotografie",
    "Astronomie",
    "Landwirtschaft",
];

/// Labels of a register that news rarely uses.
const REGISTER_LABELS: &[&str] = &[
    "umgangssprachlich",
    "salopp",
    "derb",
    "vulgär",
    "scherzhaft",
    "Schimpfwort",
    "Jargon",
    "Netzjargon",
    "poetisch",
    "mundartlich",
];

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

/// The category a definition's labels name.
fn label_category(text: &str) -> Option<Category> {
    labels(text).into_iter().find_map(|l| {
        LABEL_CATEGORIES
            .iter()
            .find(|(name, _)| *name == l || l.ends_with(name))
            .map(|(_, c)| *c)
    })
}

/// The Wiktionary definition of `lemma` in the sense that fits the article best.
fn definition(lemma: &str, pos: Pos, sentences: &[usize], ctx: &Context) -> Option<String> {
    let senses = lexicon().senses(lemma);
    let best = choose_sense(&senses, pos, sentences, ctx)?;
    Some(best.text.to_owned())
}

/// The sense of `senses` that fits the article best, or `None` if none does.
fn choose_sense<'s>(
    senses: &'s [Sense],
    _pos: Pos,
    sentences: &[usize],
    ctx: &Context,
) -> Option<&'s Sense> {
    if senses.len() <= 1 {
        return senses.first();
    }
    let around: HashSet<String> = {
        let text = ctx.around(sentences);
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(|w| prefix(w).to_owned())
            .collect()
    };
    let mut best: Option<(f32, &Sense)> = None;
    for (rank, s) in senses.iter().enumerate() {
        // earlier senses are the more common ones
        let mut score = -0.15 * rank as f32;
        let ls = labels(s.text);
        for l in &ls {
            if let Some(c) = LABEL_CATEGORIES
                .iter()
                .find(|(name, _)| name == l || l.ends_with(name))
                .map(|(_, c)| *c)
            {
                score += 2.0 * ctx.share(c);
            } else if REMOTE_LABELS.contains(l) {
                // unless the article is about it (a sense labelled Sport in a match report)
                let label_stem = stem(&l.to_lowercase()).into_owned();
                if !ctx.stems.contains(&label_stem) {
                    score -= 1.0;
                }
            } else if REGISTER_LABELS.contains(l) {
                score -= 0.4;
            }
        }
        // words the definition shares with the article (Lesk), more with the sentences of the
        // word itself
        let body = s.text.rsplit_once(": ").map_or(s.text, |(_, b)| b);
        let mut shared: f32 = 0.0;
        let mut seen = HashSet::new();
        for w in body
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
        {
            let lw = w.to_lowercase();
            if crate::stopwords::is_stopword(&lw) {
                continue;
            }
            let p = prefix(&lw).to_owned();
            if !seen.insert(p.clone()) {
                continue;
            }
            if around.contains(&p) {
                shared += 0.6;
            } else if ctx.prefixes.contains(&p) {
                shared += 0.3;
            }
        }
        score += shared.min(1.5);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, s));
        }
    }
    best.map(|(_, s)| s)
}
