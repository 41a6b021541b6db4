//! Elliptical coordination: the truncated words of "Außen- und Verteidigungsminister", "Staats-
//! und Regierungschefs", "Ein- und Ausfuhr" or "Landesregierung und -parlament" and the whole
//! words they stand for (*Außenminister*, *Staatschefs*, *Einfuhr*, *Landesparlament*).
//!
//! A truncated word is a token written with a hyphen where its missing part would be: before a
//! conjunction or comma (`Außen-`), or after a conjunction (`-parlament`). The lexicon completes
//! it from the full word of the coordination ([`Lexicon::complete_truncated`],
//! [`Lexicon::complete_truncated_front`]); the completion keeps the full word's inflection, so
//! it can be analysed like any word of the text. Every stage that reads lemmas (vocabulary,
//! cloze, deck) can look a token up here.
//!
//! ```
//! use kernsatz::Document;
//! use kernsatz::coordination::completions;
//!
//! let doc = Document::new("Die Außen- und Verteidigungsminister der Staaten trafen sich in Tokio.").unwrap();
//! let c = completions(&doc);
//! assert_eq!(c.len(), 1);
//! assert_eq!(c[0].word, "Außenminister");
//! assert_eq!(&doc.text[c[0].start..c[0].end], "Außen-");
//! ```
//!
//! [`Lexicon::complete_truncated`]: crate::lexicon::Lexicon::complete_truncated
//! [`Lexicon::complete_truncated_front`]: crate::lexicon::Lexicon::complete_truncated_front

use crate::document::{Document, Sentence};
use crate::lexicon::lexicon;
use crate::tokenize::TokenKind;

/// A truncated word of an elliptical coordination and the word it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// Index of the sentence in [`Document::sentences`].
    pub sentence: usize,
    /// Index of the truncated word's token in the sentence.
    pub token: usize,
    /// Byte offset of the truncated word in the text, its hyphen included (`Außen-`,
    /// `-parlament`).
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The whole word, inflected like the full word of the coordination (`Außenministern`).
    pub word: String,
}

/// Words that join the conjuncts of a coordination (lower-case).
const CONJUNCTIONS: &[&str] = &[
    "und",
    "oder",
    "bzw",
    "beziehungsweise",
    "sowie",
    "respektive",
    "als",
    "auch",
    "noch",
    "wie",
    "sondern",
    "bis",
];

/// Most tokens between a truncated word and the full word (`Straßen-, Schienen- oder
/// Luftverkehr`).
const MAX_DISTANCE: usize = 8;

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// The completions of every truncated word of the document, in text order.
pub fn completions(doc: &Document) -> Vec<Completion> {
    (0..doc.sentences.len())
        .flat_map(|i| sentence_completions(doc, i))
        .collect()
}

/// The completions of the truncated words of sentence `sentence`, in text order.
pub fn sentence_completions(doc: &Document, sentence: usize) -> Vec<Completion> {
    let s = &doc.sentences[sentence];
    let text = doc.text.as_str();
    // a quick test: no hyphen followed or preceded by a space, no ellipsis
    let body = &text[s.start..s.end];
    if !body.contains("- ") && !body.contains("-,") && !body.contains(" -") {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, tok) in s.tokens.iter().enumerate() {
        if tok.kind != TokenKind::Word {
            continue;
        }
        if let Some(hyphen_end) = trailing_hyphen(text, tok.end)
            && let Some(full) = full_word_after(text, s, i)
            && let Some(word) = lexicon().complete_truncated(tok.surface(text), full)
        {
            out.push(Completion {
                sentence,
                token: i,
                start: tok.start,
                end: hyphen_end,
                word,
            });
        } else if let Some(hyphen_start) = leading_hyphen(text, tok.start)
            && let Some(full) = full_word_before(text, s, i)
            && let Some(word) = lexicon().complete_truncated_front(full, tok.surface(text))
        {
            out.push(Completion {
                sentence,
                token: i,
                start: hyphen_start,
                end: tok.end,
                word,
            });
        }
    }
    out
}

/// The end of the hyphen right after a word that ends at `end`, when the hyphen ends the word
/// (`Außen- und`, `Außen-,`): a truncated word.
fn trailing_hyphen(text: &str, end: usize) -> Option<usize> {
    let mut rest = text[end..].chars();
    let h = rest.next().filter(|&c| is_hyphen(c))?;
    match rest.next() {
        Some(c) if c.is_whitespace() || c == ',' || c == '/' => Some(end + h.len_utf8()),
        _ => None,
    }
}

/// The start of the hyphen right before a word that starts at `start`, when a space or the
/// sentence's start comes before it (`und -parlament`).
fn leading_hyphen(text: &str, start: usize) -> Option<usize> {
    let mut before = text[..start].chars().rev();
    let h = before.next().filter(|&c| is_hyphen(c))?;
    match before.next() {
        Some(c) if c.is_whitespace() => Some(start - h.len_utf8()),
        _ => None,
    }
}

/// Whether the text between two tokens only holds spaces, commas, slashes and hyphens.
fn joiner(gap: &str) -> bool {
    gap.chars()
        .all(|c| c.is_whitespace() || c == ',' || c == '/' || c == '.' || is_hyphen(c))
}

/// The full word that ends the coordination after truncated token `i`: the first word after it
/// that is neither a conjunction nor truncated itself, when only conjunctions, truncated words
/// and commas come between (at least one conjunction or comma).
fn full_word_after<'t>(text: &'t str, s: &Sentence, i: usize) -> Option<&'t str> {
    let mut joined = false;
    let mut prev_end = s.tokens[i].end;
    for j in i + 1..s.tokens.len().min(i + 1 + MAX_DISTANCE) {
        let t = &s.tokens[j];
        let gap = &text[prev_end..t.start];
        if !joiner(gap) {
            return None;
        }
        joined |= gap.contains(',') || gap.contains('/');
        if t.kind != TokenKind::Word {
            return None;
        }
        if CONJUNCTIONS.contains(&t.lower()) {
            joined = true;
        } else if trailing_hyphen(text, t.end).is_none() {
            return joined.then(|| t.surface(text));
        }
        prev_end = t.end;
    }
    None
}

/// The full word before the conjunction that precedes truncated token `i` (`Landesregierung
/// und -parlament`).
fn full_word_before<'t>(text: &'t str, s: &Sentence, i: usize) -> Option<&'t str> {
    if i < 2 {
        return None;
    }
    let conj = &s.tokens[i - 1];
    let full = &s.tokens[i - 2];
    let between = |a: usize, b: usize| text[a..b].chars().all(|c| c.is_whitespace() || c == ',');
    (conj.kind == TokenKind::Word
        && CONJUNCTIONS.contains(&conj.lower())
        && full.kind == TokenKind::Word
        && between(full.end, conj.start))
    .then(|| full.surface(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, String)> {
        let doc = Document::new(text).unwrap();
        completions(&doc)
            .into_iter()
            .map(|c| (doc.text[c.start..c.end].to_owned(), c.word))
            .collect()
    }

    #[test]
    fn truncated_words_are_completed() {
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
                .collect()
        };
        assert_eq!(
            words("Die Außen- und Verteidigungsminister der beiden Staaten trafen sich."),
            pairs(&[("Außen-", "Außenminister")])
        );
        assert_eq!(
            words("Die Staats- und Regierungschefs der EU berieten am Abend lange."),
            pairs(&[("Staats-", "Staatschefs")])
        );
        assert_eq!(
            words("Die Ein- und Ausfuhr von Waffen wurde im Vorjahr streng kontrolliert."),
            pairs(&[("Ein-", "Einfuhr")])
        );
        assert_eq!(
            words("Sie bekamen Gehalts- und Boni-Erhöhungen von bis zu vierzig Prozent."),
            pairs(&[("Gehalts-", "Gehaltserhöhungen")])
        );
        assert_eq!(
            words("Der Straßen-, Schienen- und Luftverkehr stand am Montag völlig still."),
            pairs(&[
                ("Straßen-", "Straßenverkehr"),
                ("Schienen-", "Schienenverkehr")
            ])
        );
        assert_eq!(
            words("Die Landesregierung und -parlament stimmten dem neuen Gesetz zu."),
            pairs(&[("-parlament", "Landesparlament")])
        );
    }

    #[test]
    fn a_coordination_of_modifiers_is_no_ellipsis() {
        // the full word is a modifier itself, written apart from its head: nothing to complete
        // (not *Beteiligungsschaft* from Liegen·schaft)
        assert!(
            words("Die Beteiligungs- und Liegenschafts GmbH des Landes meldete einen Verlust.")
                .is_empty()
        );
        assert_eq!(
            words("Die Kredit- und Einlagengeschäfte der Bank gingen zurück."),
            vec![("Kredit-".to_owned(), "Kreditgeschäfte".to_owned())]
        );
    }

    #[test]
    fn hyphens_elsewhere_are_no_ellipsis() {
        assert!(words("Der US-Präsident sagte - wie erwartet - nichts dazu.").is_empty());
        assert!(words("Das ist ein Test-Satz ohne jede Auslassung im Text.").is_empty());
    }
}
