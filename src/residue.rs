//! Residue: sentences that belong to the page, not to the article's content, and so never go
//! into a summary (the selection skips them; they stay in the document for the other stages).
//!
//! - **Bylines**: a news article's closing credit in parentheses, the author or agency and the
//!   date, left as a sentence of its own or glued to the last one: `(Markus Bernath;
//!   01.11.2015)`, `(APA, 24.9.2015)`, `… zunutze mache.(Michael Völker, 25.6.2015)`, `(Text:
//!   David Krutzler, Video: Maria von Usslar, 1.10.2015)`; and a sentence that is nothing but
//!   an agency credit, `(APA)`, `(Reuters, APA, red)`.
//! - **Cross-references**: wiki and layout references to somewhere else: a sentence with a
//!   cross-reference word (`siehe`, `vgl.`, `Hauptartikel`: `data/lang/cross_references.txt`),
//!   a wiki section link (`Gartenbohne#Sorten`: a `#` between two letters) or opening with an
//!   arrow (`→ Geschichte Kretas`). Such a sentence is either all reference (`siehe Politisches
//!   System der Schweiz#Bundesebene`) or carries one in parentheses (`… (siehe auch Minsk
//!   II).`); a summary sentence is quoted exactly as in the input, so neither can be used.

use std::sync::LazyLock;

use crate::document::Document;
use crate::lexicon::word_list;
use crate::tokenize::word_spans;

/// Why a sentence is residue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Residue {
    /// An author or agency credit with a date, or an agency credit alone.
    Byline,
    /// A reference to another article, section or page.
    CrossReference,
}

/// A byline's credit (the text before its date) has at most this many words.
pub const MAX_CREDIT_WORDS: usize = 12;
/// A credit alone in parentheses, without a date: at most this many words.
pub const MAX_BARE_CREDIT_WORDS: usize = 6;

/// Words that make a cross-reference.
const CROSS_REFERENCES_TXT: &str = include_str!("../data/lang/cross_references.txt");
static CROSS_REFERENCES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(CROSS_REFERENCES_TXT).collect());

/// Whether sentence `i` of `doc` is residue, and which kind (see the module documentation).
pub fn residue(doc: &Document, i: usize) -> Option<Residue> {
    let s = &doc.sentences[i];
    classify(
        &doc.text[s.start..s.end],
        s.tokens.iter().map(|t| t.lower()),
    )
}

/// Whether the sentence `text`, whose lower-cased words are `words`, is residue.
fn classify<'w>(text: &str, mut words: impl Iterator<Item = &'w str>) -> Option<Residue> {
    if words.any(|w| CROSS_REFERENCES.contains(&w)) || is_link_or_arrow(text) {
        Some(Residue::CrossReference)
    } else if is_byline(text) {
        Some(Residue::Byline)
    } else {
        None
    }
}

/// A wiki section link (`Artikel#Abschnitt`, but not `#BeThe1Donor` or `Action Comics #1`), or
/// an opening arrow.
fn is_link_or_arrow(text: &str) -> bool {
    let trimmed = text.trim_start_matches(|c: char| c.is_whitespace() || c == '(');
    if trimmed.starts_with(['→', '↑', '⇒']) {
        return true;
    }
    memchr::memchr_iter(b'#', text.as_bytes()).any(|i| {
        text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
            && text[i + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
    })
}

fn is_byline(text: &str) -> bool {
    // the sentence ends with a parenthesis (and perhaps a full stop)
    let end = text.trim_end();
    let end = end.strip_suffix('.').unwrap_or(end).trim_end();
    let Some(inner_end) = end.strip_suffix(')') else {
        return false;
    };
    // its opening bracket
    let mut depth = 0usize;
    let mut open = None;
    for (i, c) in inner_end.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => {
                open = Some(i);
                break;
            }
            '(' => depth -= 1,
            _ => {}
        }
    }
    let Some(open) = open else {
        return false;
    };
    let inner = inner_end[open + 1..].trim();
    let alone = inner_end[..open].trim().is_empty();
    let words = |s: &str| word_spans(s).count();
    if let Some(credit) = strip_date(inner) {
        // `(APA, 24.9.2015)`; a date alone only when the parenthesis is the whole sentence
        let credit = credit.trim_end_matches(|c: char| c.is_whitespace() || ",;/–-".contains(c));
        return (alone || !credit.is_empty()) && words(credit) <= MAX_CREDIT_WORDS;
    }
    // `(APA)`, `(Reuters, APA, red)` as a sentence of its own: a short list of short names
    alone
        && !inner.is_empty()
        && words(inner) <= MAX_BARE_CREDIT_WORDS
        && !inner.contains(|c: char| c.is_ascii_digit())
        && inner
            .split([',', ';', '/', '–', '&'])
            .all(|item| (1..=3).contains(&words(item)))
}

/// `text` without a final date `d.m.yyyy` or `d.m.yy` (spaces after the dots allowed:
/// `2. 9. 2015`, `11.7. 2015`), or `None` when it does not end with one.
fn strip_date(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    let mut i = b.len();
    // the year: 4 or 2 digits
    let digits = |i: &mut usize, min: usize, max: usize| {
        let end = *i;
        while *i > 0 && end - *i < max && b[*i - 1].is_ascii_digit() {
            *i -= 1;
        }
        end - *i >= min && !(*i > 0 && b[*i - 1].is_ascii_digit())
    };
    let dot = |i: &mut usize| {
        while *i > 0 && b[*i - 1] == b' ' {
            *i -= 1;
        }
        if *i > 0 && b[*i - 1] == b'.' {
            *i -= 1;
            true
        } else {
            false
        }
    };
    let year_end = i;
    if !digits(&mut i, 2, 4) || !matches!(year_end - i, 2 | 4) {
        return None;
    }
    if !(dot(&mut i) && digits(&mut i, 1, 2) && dot(&mut i) && digits(&mut i, 1, 2)) {
        return None;
    }
    Some(&text[..i])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::checked_word_list;

    #[test]
    fn word_list_parses() {
        let words = checked_word_list(CROSS_REFERENCES_TXT, false);
        assert_eq!(words, *CROSS_REFERENCES);
        for w in ["siehe", "vgl", "hauptartikel"] {
            assert!(words.contains(&w), "{w}");
        }
        assert!(
            words
                .iter()
                .all(|w| w.chars().all(|c| c.is_ascii_lowercase()))
        );
    }

    /// [`classify`] with the words as the tokenizer lower-cases them.
    fn residue(text: &str) -> Option<Residue> {
        let words: Vec<String> = word_spans(text)
            .map(|(s, e)| text[s..e].to_lowercase())
            .collect();
        classify(text, words.iter().map(String::as_str))
    }

    #[test]
    fn bylines() {
        for text in [
            "(Markus Bernath; 01.11.2015)",
            "(APA, 24.9.2015)",
            "(red, 2. 9. 2015)",
            "(APA/sid/red – 11.7. 2015)",
            "(Text: David Krutzler, Video: Maria von Usslar, 1.10.2015)",
            "(André Ballin aus Moskau, 12.10.2015)",
            "(red, 12.10.15)",
            "(APA 1.3.2016).",
            "(2.9.2015)",
            "Der Landeshauptmann warnt vor einem Flächenbrand.(Michael Völker, 25.6.2015)",
            "Wasser Marsch! (Christian Schachinger, 28.1.2016)",
            "(APA)",
            "(Reuters, APA, red)",
            "(stro, APA)",
        ] {
            assert_eq!(residue(text), Some(Residue::Byline), "{text}");
        }
    }

    #[test]
    fn cross_references() {
        for text in [
            "siehe Politisches System der Schweiz#Bundesebene",
            "Siehe auch: Liste der Universitäten in Angola",
            "Dazu zählen zahlreiche Sorten: grüne Bohne, weiße Bohne etc. (siehe Gartenbohne#Sorten).",
            "Genaueres findet sich unter Kilometrierung#Elbe.",
            "Das Meer prägt ganze Gesellschaften (vgl. z. B. die Seemannssprache).",
            "Hauptartikel: Geschichte Kretas",
            "→ Geschichte Kretas",
            "Die Zahl der Flüchtlinge stieg weiter (siehe Grafik).",
        ] {
            assert_eq!(residue(text), Some(Residue::CrossReference), "{text}");
        }
    }

    #[test]
    fn sentences_are_not_residue() {
        for text in [
            "Die USA und Japan wollen im Bereich der wirtschaftlichen Sicherheit enger zusammenarbeiten.",
            // dates and parentheses in ordinary sentences
            "Die Wahl findet am Sonntag statt (11.10.2015).",
            "Der Vertrag wurde am 1.10.2015 unterzeichnet.",
            "Marcel Hirscher (AUT) gewann vor Henrik Kristoffersen (NOR).",
            "Die Partei (SPÖ) verlor deutlich.",
            "Er sagte (und das meinte er ernst), es gehe weiter.",
            // a hashtag or an issue number is no section link
            "Im November 2014 wurde eine mit dem Hashtag #stolzdrauf betitelte Kampagne vorgestellt.",
            "Nachdem Action Comics #1 ein Erfolg geworden war, folgten weitere Hefte.",
            // the verb `sehen` in other forms
            "Wir sehen uns die Lage an, sagte er.",
            "(Die Namen wurden von der Redaktion geändert, weil die Betroffenen das wünschten.)",
        ] {
            assert_eq!(residue(text), None, "{text}");
        }
    }

    #[test]
    fn dates_at_the_end() {
        assert_eq!(strip_date("APA, 24.9.2015"), Some("APA, "));
        assert_eq!(strip_date("red – 11.7. 2015"), Some("red – "));
        assert_eq!(strip_date("01.11.2015"), Some(""));
        assert_eq!(strip_date("red, 12.10.15"), Some("red, "));
        assert_eq!(strip_date("APA, 2015"), None);
        assert_eq!(strip_date("1.10.201"), None);
        assert_eq!(strip_date("1.123.2015"), None);
        assert_eq!(strip_date("Seite 2.2015"), None);
    }
}
