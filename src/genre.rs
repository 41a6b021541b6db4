//! Genre: is an article a news report or a reference text?
//!
//! News is written as an inverted pyramid (the gist first), so the scorer's position prior
//! follows the lead of a news article. Reference texts (encyclopedic articles: Wikipedia,
//! Klexikon, lexicon entries) are not: they open with a definition of their subject and then
//! go through its aspects one section at a time, so the lead says little about what else
//! matters. [`detect`] tells the two apart from two signals that need no model:
//!
//! 1. **The opening**: the first sentence defines its subject. Outside parentheses it opens
//!    with a name or noun phrase of at most [`MAX_SUBJECT_WORDS`] capitalised words (after an
//!    optional article) followed by a defining verb (`ist`, `sind`, `war`, `bezeichnet`,
//!    `gilt`, …: "Die Aare ist der längste …", "Allosaurus (griechisch für …) ist eine
//!    Gattung …"), or has the form "Unter … versteht man" / "Als … bezeichnet man"; or a
//!    parenthesis follows such a subject ("Angela Dorothea Merkel (geb. Kasner; * 17. Juli
//!    1954 in Hamburg) ist …": etymology, dates, other names). The subject's words are not
//!    function words ("Am 14. Juli ist …", "Was ist …" name none) but may hold name particles
//!    ("Miguel de Cervantes"); nothing but an apposition between two commas separates them
//!    from the verb ("Krankenkasse, in Österreich auch Krankenkassa, bezeichnet …", but not
//!    "Der Tod, heißt es, sei …").
//! 2. **No news language**: fewer than [`MAX_NEWS_MARKERS`] news markers per 100 words
//!    (reporting verbs such as `sagte`, `erklärte`, `zufolge`; weekdays; `gestern`, `heute`;
//!    `Prozent`). News articles have about 1.2–1.5 (median of the 10kGNAD sets), encyclopedic
//!    articles about 0.2.
//!
//! An article is [`Genre::Reference`] when both hold. This flags 213 of the 274 Klexikon dev
//! articles (German Wikipedia articles), none of the 313 10kGNAD dev articles (Austrian news)
//! and 1 of the 1,028 10kGNAD test articles (an obituary: "Lemmy Kilmister war der letzte große
//! Unbelehrbare des Rock 'n' Roll."); see BENCHMARKS.md.

use std::sync::LazyLock;

use crate::document::{Document, Sentence};
use crate::lexicon::word_list;
use crate::tokenize::{Token, TokenKind};

/// Genre of an article, as far as the position prior is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Genre {
    /// A news report (the default): the gist comes first.
    News,
    /// A reference text that opens with a definition of its subject.
    Reference,
}

/// At most this many capitalised words name the subject of a defining first sentence.
pub const MAX_SUBJECT_WORDS: usize = 5;
/// A reference text has fewer news markers than this per 100 words.
pub const MAX_NEWS_MARKERS: f32 = 0.5;

/// The opening is judged on at most this many words outside parentheses: the subject (an
/// article and [`MAX_SUBJECT_WORDS`] words), then at most 12 words to the verb; a longer run of
/// capitalised words names no subject either. Bounds the work on a one-sentence text.
const MAX_VISIBLE: usize = 32;

/// Verbs that define the subject named before them.
const DEFINING_VERBS_TXT: &str = include_str!("../data/lang/defining_verbs.txt");
static DEFINING_VERBS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(DEFINING_VERBS_TXT).collect());

/// Lower-case words inside names.
const NAME_PARTICLES_TXT: &str = include_str!("../data/lang/name_particles.txt");
static NAME_PARTICLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(NAME_PARTICLES_TXT).collect());

/// Words that mark news writing: reporting verbs and attributions, weekdays, time deixis,
/// percentages.
const NEWS_MARKERS_TXT: &str = include_str!("../data/lang/news_markers.txt");
static NEWS_MARKERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(NEWS_MARKERS_TXT).collect());

/// The genre of `doc` (see the module documentation).
pub fn detect(doc: &Document) -> Genre {
    let Some(first) = doc.sentences.first() else {
        return Genre::News;
    };
    if opens_with_definition(&doc.text, first) && news_markers_per_100_words(doc) < MAX_NEWS_MARKERS
    {
        Genre::Reference
    } else {
        Genre::News
    }
}

/// News markers per 100 words of the article's body.
pub fn news_markers_per_100_words(doc: &Document) -> f32 {
    let (mut words, mut markers) = (0usize, 0usize);
    for t in doc.sentences.iter().flat_map(|s| &s.tokens) {
        words += 1;
        if t.kind == TokenKind::Word && NEWS_MARKERS.contains(&t.lower()) {
            markers += 1;
        }
    }
    100.0 * markers as f32 / words.max(1) as f32
}

/// Whether `sentence` (of `text`) defines a subject named at its start: see the module
/// documentation.
fn opens_with_definition(text: &str, sentence: &Sentence) -> bool {
    // the words outside parentheses (each with whether a `,`, `;` or `:` came before it), and
    // how many came before the first parenthesis
    let mut visible: Vec<(&Token, bool)> = Vec::new();
    let mut before_paren = None;
    let (mut pos, mut depth) = (sentence.start, 0usize);
    for t in &sentence.tokens {
        let mut punct = false;
        for b in text[pos..t.start].bytes() {
            match b {
                b'(' | b'[' => {
                    before_paren.get_or_insert(visible.len());
                    depth += 1;
                }
                b')' | b']' => depth = depth.saturating_sub(1),
                b',' | b';' | b':' if depth == 0 => punct = true,
                _ => {}
            }
        }
        pos = t.end;
        if depth == 0 {
            visible.push((t, punct));
            if visible.len() == MAX_VISIBLE {
                break;
            }
        }
    }
    let lower = |i: usize| visible.get(i).map_or("", |(t, _)| t.lower());
    // "Unter einer Arie versteht man …", "Als Inflation bezeichnet man …"
    let window = || (1..12).map(lower);
    match lower(0) {
        "unter" => return window().any(|w| w == "versteht"),
        "als" => return window().any(|w| w == "bezeichnet" || w == "bezeichnen"),
        _ => {}
    }
    // the subject: an optional article, then capitalised words (or numbers) that are not
    // function words ("Am 14. Juli ist …" names no subject)
    let article = usize::from(matches!(lower(0), "der" | "die" | "das" | "ein" | "eine"));
    let mut end = article;
    while visible.get(end).is_some_and(|(t, punct)| {
        let name_word = (t.capitalized || t.kind == TokenKind::Number) && !t.stop;
        // "Miguel de Cervantes", "Ludwig van Beethoven"
        let particle = end > article
            && NAME_PARTICLES.contains(&t.lower())
            && visible.get(end + 1).is_some_and(|(n, _)| n.capitalized);
        (name_word || particle) && (end == article || !punct)
    }) {
        end += 1;
    }
    let subject = end - article;
    if !(1..=MAX_SUBJECT_WORDS).contains(&subject) || !visible[end - 1].0.capitalized {
        return false;
    }
    // "Allosaurus (griechisch für …) …": a parenthesis right after the subject
    if before_paren == Some(end) {
        return true;
    }
    let defining = |i: usize| DEFINING_VERBS.contains(&lower(i));
    match visible.get(end) {
        // "Die Aare ist …"
        Some((_, false)) => defining(end),
        // "Krankenkasse, in Österreich auch Krankenkassa, bezeichnet …": an apposition between
        // two commas, then the verb (but not "Der Tod, heißt es, sei …")
        Some((_, true)) => (end + 1..(end + 12).min(visible.len()))
            .find(|&i| visible[i].1)
            .is_some_and(defining),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::checked_word_list;

    #[test]
    fn word_lists_parse() {
        let verbs = checked_word_list(DEFINING_VERBS_TXT, false);
        assert_eq!(verbs, *DEFINING_VERBS);
        for v in ["ist", "sind", "war", "bezeichnet", "gilt"] {
            assert!(verbs.contains(&v), "{v}");
        }
        let particles = checked_word_list(NAME_PARTICLES_TXT, false);
        assert_eq!(particles, *NAME_PARTICLES);
        for p in ["de", "van", "von"] {
            assert!(particles.contains(&p), "{p}");
        }
        let markers = checked_word_list(NEWS_MARKERS_TXT, false);
        assert_eq!(markers, *NEWS_MARKERS);
        for m in ["sagte", "zufolge", "montag", "gestern", "prozent"] {
            assert!(markers.contains(&m), "{m}");
        }
        // compared with the tokens' lower-cased forms
        for list in [&verbs, &particles, &markers] {
            assert!(list.iter().all(|w| w.to_lowercase() == *w), "{list:?}");
        }
    }

    fn genre(text: &str) -> Genre {
        detect(&Document::new(text).unwrap())
    }

    #[test]
    fn encyclopedic_openings_are_reference_texts() {
        for text in [
            "Die Aare ist der längste Fluss der Schweiz. Sie entspringt in den Berner Alpen.",
            "Allosaurus (griechisch für andersartige Echse) ist eine Gattung von Dinosauriern. \
             Sie lebte im Oberjura.",
            "Angela Dorothea Merkel (geb. Kasner; * 17. Juli 1954 in Hamburg) ist eine deutsche \
             Politikerin. Sie wuchs in der DDR auf.",
            "Unter einer Arie versteht man ein solistisch vorgetragenes Gesangsstück. Arien \
             gibt es in Opern.",
            "Blasinstrumente sind Musikinstrumente, die mit der Atemluft gespielt werden.",
            "Als Inflation bezeichnet man einen anhaltenden Anstieg des Preisniveaus.",
            "Miguel de Cervantes Saavedra (* 1547 in Alcalá de Henares) war ein spanischer \
             Schriftsteller.",
            "Krankenkasse, in Österreich auch Krankenkassa, bezeichnet den Träger einer \
             Krankenversicherung.",
        ] {
            assert_eq!(genre(text), Genre::Reference, "{text}");
        }
    }

    #[test]
    fn news_is_news() {
        for text in [
            // no defining opening
            "Die USA und Japan wollen enger zusammenarbeiten. Das sagte der Minister.",
            "Wien – Die Gewerkschaft GPA-djp sieht Handlungsbedarf bei All-in-Verträgen.",
            "Frankfurt – Fürchtet euch nicht, so kann man den Ökonomen interpretieren.",
            // the subject is not a bare name, or no subject at all
            "Der Chef der Europäischen Zentralbank Christine Lagarde ist optimistisch.",
            "Am 14. Juli ist die NASA-Sonde New Horizons am Pluto vorbeigeflogen.",
            "Im Halbfinale ist er noch gestolpert, im Finale haben die Nerven gehalten.",
            "Was ist schöner, als ein Baby an den Füßen zu kitzeln?",
            "Wenn Abe Lucas (Joaquin Phoenix) Philosophie unterrichtet, jongliert er.",
            // a comma between subject and verb, and no defining verb after the apposition
            "Der Tod, heißt es, sei nicht das Ende.",
            "Merkel, die in Hamburg geboren wurde, kam nach Berlin.",
            // a defining opening, but news language: "sagte", "Montag", "Prozent"
            "Die Inflation ist im Oktober gestiegen. Die Preise lagen um 3 Prozent höher als \
             vor einem Jahr, sagte das Statistische Bundesamt am Montag.",
        ] {
            assert_eq!(genre(text), Genre::News, "{text}");
        }
    }

    #[test]
    fn news_markers_are_counted_per_hundred_words() {
        let doc = Document::new("Heute sagte er nichts. Der Rest bleibt gleich.").unwrap();
        // 8 words, 2 markers
        assert!((news_markers_per_100_words(&doc) - 25.0).abs() < 1e-3);
    }
}
