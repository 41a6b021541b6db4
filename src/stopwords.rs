//! German stop words: the Snowball list (`stopwords/de.txt`, BSD-3-Clause) plus the project's
//! additions for modern spelling and news function words (`stopwords/de-extra.txt`).
//! Both are embedded at compile time and parsed once, on first use.

use std::sync::LazyLock;

use crate::lexicon::word_list;

const SNOWBALL: &str = include_str!("../stopwords/de.txt");
const EXTRA: &str = include_str!("../stopwords/de-extra.txt");

static STOPWORDS: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| word_list(SNOWBALL).chain(word_list(EXTRA)).collect());

/// Is `lower` (an already lower-cased word) a German stop word?
pub fn is_stopword(lower: &str) -> bool {
    STOPWORDS.contains(lower)
}

/// The Snowball list alone, in file order (for tests).
#[cfg(test)]
fn snowball_list() -> impl Iterator<Item = &'static str> {
    word_list(SNOWBALL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snowball_list_is_complete_and_lowercase() {
        let words: Vec<_> = snowball_list().collect();
        assert_eq!(words.len(), 231, "the Snowball German list has 231 words");
        assert!(words.iter().all(|w| w.chars().all(|c| c.is_lowercase())));
    }

    #[test]
    fn extra_list_parses() {
        let words = crate::lexicon::checked_word_list(EXTRA, false);
        assert!(words.iter().all(|w| w.chars().all(char::is_lowercase)));
        // modern spelling that the Snowball list lacks
        for w in ["dass", "sei", "wurde", "worden"] {
            assert!(words.contains(&w), "{w}");
        }
    }

    #[test]
    fn membership() {
        for w in ["und", "der", "über", "daß", "dass", "wurde"] {
            assert!(is_stopword(w), "{w}");
        }
        for w in ["lieferkette", "japan", "gipfel", "Und"] {
            assert!(!is_stopword(w), "{w}");
        }
    }
}
