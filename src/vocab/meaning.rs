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

    /// The text of the sentences `sentences` (lower-cased), where the word occurs; of a
    /// sentence over [`MAX_AROUND_BYTES`] only its first [`MAX_AROUND_BYTES`] (issue 16: every
    /// entry of a one-sentence 50 MB text used to lower-case and split all of it).
    fn around(&self, sentences: &[usize]) -> String {
        let mut out = String::new();
        let mut last = usize::MAX;
        for &i in sentences {
            if i == last {
                continue;
            }
            last = i;
            out.push_str(&bounded_text(self.doc.sentence_text(i)).to_lowercase());
            out.push(' ');
        }
        out
    }
}

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
            definition_de: definition(&a.lemma, sentences, ctx),
            category: a.category,
        };
    }
    let definition =
        definition(&a.lemma, sentences, ctx).or_else(|| compound_definition(a, sentences, ctx));
    // the category follows the chosen sense: its label's subject, none for a specialist sense
    // (*Schach:*), else the word's own
    let kinds: Vec<LabelKind> = definition
        .as_deref()
        .map(|d| labels(d).into_iter().map(label_kind).collect())
        .unwrap_or_default();
    let category = if kinds.contains(&LabelKind::Specialist) {
        None
    } else {
        a.category.filter(|_| a.domain).or_else(|| {
            kinds
                .iter()
                .find_map(|k| match k {
                    LabelKind::Category(c) => Some(*c),
                    _ => None,
                })
                .filter(|c| ctx.share(*c) > 0.0)
        })
    };
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
];

/// Endings of specialist subject labels not in [`SPECIALIST_LABELS`].
const SPECIALIST_ENDINGS: &[&str] = &["wesen", "sprache", "technik", "wissenschaft", "logie"];

/// Labels of senses that are no longer in use.
const DATED_LABELS: &[&str] = &[
    "veraltet",
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
    "umgangssprachlich",
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

/// The Wiktionary definition of `lemma` in the sense that fits the article best.
fn definition(lemma: &str, sentences: &[usize], ctx: &Context) -> Option<String> {
    let senses = lexicon().senses(lemma);
    let chosen = choose_sense(&senses, sentences, ctx)?;
    Some(chosen.sense.text.to_owned())
}

/// The definition of a compound Wiktionary lacks: its head's, named as the head's
/// (`Verband (in Konsumentenschutzverband): …`), when the head has one sense or the article
/// clearly supports one; else what the compound is made of, which misleads nobody.
fn compound_definition(a: &Analysis, sentences: &[usize], ctx: &Context) -> Option<String> {
    if a.pos != Pos::Noun || a.parts.len() < 2 {
        return None;
    }
    let parts = lexicon().compound_parts(&a.lemma)?;
    let head = parts.last()?;
    if head.kind != crate::lexicon::PartKind::Noun {
        return None;
    }
    let senses = lexicon().senses(&head.lemma);
    let chosen = choose_sense(&senses, sentences, ctx)?;
    if senses.len() == 1 || chosen.supported || chosen.margin >= CLEAR_MARGIN {
        return Some(format!(
            "{} (in {}): {}",
            head.lemma, a.lemma, chosen.sense.text
        ));
    }
    let names: Vec<&str> = parts.iter().map(|p| p.lemma.as_str()).collect();
    let (last, rest) = names.split_last()?;
    Some(format!(
        "Zusammensetzung aus {} und {last}",
        rest.join(", ")
    ))
}

/// A chosen sense and whether the article supports it (its words or its subject occur in the
/// article) rather than it being only the likeliest by order.
struct Chosen<'s> {
    sense: &'s Sense,
    supported: bool,
    /// How far its score is ahead of the next sense's.
    margin: f32,
}

/// The lead over the next sense by which a sense of a compound's head is clear enough to
/// show without support from the article (the plain sense 1 of *Richter* next to senses of
/// specialist subjects).
const CLEAR_MARGIN: f32 = 0.5;

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

/// The sense of `senses` that fits the article best, or `None` if there is none: a simplified
/// Lesk (content words a definition shares with the word's sentences and with the article,
/// domain terms of the article's subjects among them) with priors from Wiktionary's order and
/// labels. Specialist (*Schach:*), dated and non-Austrian regional senses lose unless the article
/// is about their subject; a transferred sense (*übertragen:*, *umgangssprachlich*) wins when
/// no plain sense has support in the article.
fn choose_sense<'s>(senses: &'s [Sense], sentences: &[usize], ctx: &Context) -> Option<Chosen<'s>> {
    if senses.len() <= 1 {
        return senses.first().map(|sense| Chosen {
            sense,
            supported: false,
            margin: f32::INFINITY,
        });
    }
    let around: HashSet<String> = {
        let text = ctx.around(sentences);
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(|w| prefix(w).to_owned())
            .collect()
    };
    let lex = lexicon();
    struct Scored<'s> {
        sense: &'s Sense,
        prior: f32,
        support: f32,
        figurative: bool,
        plain: bool,
    }
    let mut scored = Vec::with_capacity(senses.len());
    for (rank, s) in senses.iter().enumerate() {
        // earlier senses are the more common ones
        let mut prior = -0.15 * rank as f32;
        let mut support: f32 = 0.0;
        let ls = labels(s.text);
        let kinds: Vec<LabelKind> = ls.iter().map(|l| label_kind(l)).collect();
        let austrian = kinds.contains(&LabelKind::Austrian);
        let mut figurative = false;
        let mut plain = true;
        for (l, k) in ls.iter().zip(&kinds) {
            match k {
                LabelKind::Category(c) => {
                    support += 2.0 * ctx.share(*c);
                }
                LabelKind::Specialist | LabelKind::Dated => {
                    plain = false;
                    // unless the article is about it (a sense labelled Sport in a match report)
                    let label_stem = stem(&l.to_lowercase()).into_owned();
                    if ctx.stems.contains(&label_stem) {
                        support += 0.6;
                    } else {
                        prior -= 1.0;
                    }
                }
                LabelKind::ForeignRegion if !austrian => {
                    plain = false;
                    prior -= 0.8;
                }
                LabelKind::Austrian => prior += 0.1,
                LabelKind::Figurative => {
                    figurative = true;
                    plain = false;
                }
                LabelKind::Register => {
                    plain = false;
                    prior -= 0.4;
                }
                _ => {}
            }
        }
        // words the definition shares with the article (Lesk), more with the sentences of the
        // word itself; a domain term of the article's subjects counts as shared
        let body = s.text.rsplit_once(": ").map_or(s.text, |(_, b)| b);
        let mut shared: f32 = 0.0;
        let mut seen = HashSet::new();
        for w in body
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
        {
            if VAGUE_WORDS.contains(&w) {
                continue;
            }
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
            } else if w.chars().next().is_some_and(char::is_uppercase)
                && let Some(e) = lex.domain_entry(w, Pos::Noun)
                && ctx.share(e.category) >= 0.2
            {
                shared += 0.3;
            }
        }
        support += shared.min(1.5);
        scored.push(Scored {
            sense: s,
            prior,
            support,
            figurative,
            plain,
        });
    }
    // a transferred sense wins where no plain sense has support in the article (*ins
    // Fettnäpfchen treten* in a report on politics)
    let plain_supported = scored.iter().any(|x| x.plain && x.support >= 0.5);
    let mut ranked: Vec<(f32, &Scored)> = scored
        .iter()
        .map(|x| {
            let bonus = if x.figurative && !plain_supported {
                0.6
            } else {
                0.0
            };
            (x.prior + x.support + bonus, x)
        })
        .collect();
    // the best score first; on a tie the earlier sense
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (score, x) = *ranked.first()?;
    let margin = ranked.get(1).map_or(f32::INFINITY, |(s, _)| score - s);
    Some(Chosen {
        sense: x.sense,
        supported: x.support >= 0.5,
        margin,
    })
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
        let ctx = Context::new(&doc, &[]);
        let around = ctx.around(&[0, 0]);
        assert!(around.len() <= MAX_AROUND_BYTES + 1, "{}", around.len());
        assert!(around.starts_with("die regierung plant"));
        // a sentence of news is read whole
        let doc = Document::new("Die Regierung plant eine Reform. Sie kommt 2025.").unwrap();
        let ctx = Context::new(&doc, &[]);
        assert_eq!(ctx.around(&[0]), "die regierung plant eine reform. ");
    }

    #[test]
    fn bounded_text_cuts_at_a_character_boundary() {
        let text = "ä".repeat(MAX_AROUND_BYTES);
        let cut = bounded_text(&text);
        assert!(cut.len() <= MAX_AROUND_BYTES && cut.len() >= MAX_AROUND_BYTES - 1);
        assert_eq!(bounded_text("kurz"), "kurz");
    }
}
