//! The word tables of the segmenter: abbreviations and how they treat what follows, words that
//! typically start a sentence, and words a sentence cannot end with.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::lexicon::word_list;

/// How an abbreviation (or a token that behaves like one) treats a following capitalized word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Abbrev {
    /// Never ends a sentence (`z.B.`, `Dr.`, `bzw.`).
    Never,
    /// Ends a sentence only before a word that typically starts one (`Mio.`, `Jan.`, initials,
    /// ordinals): `5 Mio. Euro` vs. `5 Mio. Die …`.
    Weak,
    /// May end a sentence like an ordinary word (`usw.`, `etc.`), but at a line end it is
    /// followed by lower case only when the sentence goes on.
    End,
    /// An abbreviation only before a number (`Art. 5`), an ordinary word otherwise.
    BeforeNumber,
}

// The word tables are hand-written lists in `data/lang/` (see its README): one item per line.
const NEVER: &str = include_str!("../../data/lang/abbreviations.txt");
const WEAK: &str = include_str!("../../data/lang/abbreviations_weak.txt");
const END: &str = include_str!("../../data/lang/abbreviations_end.txt");
const BEFORE_NUMBER: &str = include_str!("../../data/lang/abbreviations_before_number.txt");
/// Capitalized words that typically start a sentence (articles, pronouns, conjunctions,
/// prepositions, sentence adverbs). After an ordinal or a weak abbreviation they signal a break:
/// `auf Seite 12. Dort …` vs. `am 12. Juni`.
const STARTERS: &str = include_str!("../../data/lang/sentence_starters.txt");
/// Lower-case words a sentence cannot end with (articles, conjunctions, prepositions that are
/// not verb particles, determiners). A line ending in one of them is wrapped.
const NON_FINAL: &str = include_str!("../../data/lang/non_final_words.txt");

/// Abbreviations (without their final dot) and how they treat what follows.
static ABBREVIATIONS: LazyLock<HashMap<&'static str, Abbrev>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for (list, kind) in [
        (NEVER, Abbrev::Never),
        (WEAK, Abbrev::Weak),
        (END, Abbrev::End),
        (BEFORE_NUMBER, Abbrev::BeforeNumber),
    ] {
        for w in word_list(list) {
            m.insert(w, kind);
        }
    }
    m
});

pub(super) static STARTER_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(STARTERS).collect());

pub(super) static NON_FINAL_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(NON_FINAL).collect());

pub(super) fn lookup_abbrev(token: &str) -> Option<Abbrev> {
    if let Some(&k) = ABBREVIATIONS.get(token) {
        return Some(k);
    }
    // Sentence-initial capitalization: "Ca. 500", "Vgl. Abb. 3". Lower-case the first letter in
    // a stack buffer (abbreviations are short).
    let mut chars = token.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    let mut lower = first.to_lowercase();
    let (Some(l), None) = (lower.next(), lower.next()) else {
        return None;
    };
    if !first.is_uppercase() || token.len() > 24 {
        return None;
    }
    let mut buf = [0u8; 32];
    let n = l.encode_utf8(&mut buf).len();
    buf[n..n + rest.len()].copy_from_slice(rest.as_bytes());
    let lowered = std::str::from_utf8(&buf[..n + rest.len()]).ok()?;
    ABBREVIATIONS.get(lowered).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::checked_word_list;

    #[test]
    fn word_tables_parse() {
        for (text, kind, needed) in [
            (
                NEVER,
                Abbrev::Never,
                &["Dr", "Prof", "bzw", "Nr", "z.B", "u.a", "d.h"][..],
            ),
            (WEAK, Abbrev::Weak, &["Mio", "Mrd", "Jh", "Jän", "Okt"][..]),
            (END, Abbrev::End, &["usw", "etc"][..]),
            (BEFORE_NUMBER, Abbrev::BeforeNumber, &["Art", "Kap"][..]),
        ] {
            let items = checked_word_list(text, false);
            for w in &items {
                assert_eq!(ABBREVIATIONS.get(w), Some(&kind), "{w}");
                assert!(!w.ends_with('.'), "{w}: without the final dot");
            }
            for w in needed {
                assert!(items.contains(w), "{w}");
            }
        }
        let starters = checked_word_list(STARTERS, false);
        assert_eq!(starters.len(), STARTER_SET.len());
        for w in ["Der", "Die", "Das", "Dort", "Danach"] {
            assert!(STARTER_SET.contains(w), "{w}");
        }
        let non_final = checked_word_list(NON_FINAL, false);
        assert_eq!(non_final.len(), NON_FINAL_SET.len());
        for w in ["der", "und", "dem", "von"] {
            assert!(NON_FINAL_SET.contains(w), "{w}");
        }
    }

    #[test]
    fn word_tables_are_consistent() {
        for w in word_list(STARTERS) {
            assert!(w.chars().next().is_some_and(char::is_uppercase), "{w}");
        }
        for w in word_list(NON_FINAL) {
            assert_eq!(w, w.to_lowercase(), "{w}");
        }
        // Each abbreviation is in one table only.
        let total: usize = [NEVER, WEAK, END, BEFORE_NUMBER]
            .into_iter()
            .map(|t| word_list(t).count())
            .sum();
        assert_eq!(total, ABBREVIATIONS.len());
        assert!(ABBREVIATIONS.len() >= 150, "{}", ABBREVIATIONS.len());
    }
}
