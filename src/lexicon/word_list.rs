//! The format of the hand-written word lists (`data/lang/*.txt`, `data/lexicon/*.txt`,
//! `stopwords/*.txt`): one item per line, surrounding whitespace ignored, empty lines and lines
//! starting with `#` skipped.

/// The items of a word list, in file order.
pub(crate) fn word_list(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Checks a word list for the tests: no duplicates, no item with inner whitespace unless
/// `phrases`; returns the items.
#[cfg(test)]
pub(crate) fn checked(text: &'static str, phrases: bool) -> Vec<&'static str> {
    let items: Vec<&str> = word_list(text).collect();
    let mut seen = std::collections::HashSet::new();
    for i in &items {
        assert!(seen.insert(*i), "duplicate item {i:?}");
        assert!(
            phrases || !i.contains(char::is_whitespace),
            "{i:?} is no single item"
        );
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_skip_comments_and_blank_lines() {
        let text = "# header\n\n  eins \nzwei drei\n#x\n";
        assert_eq!(word_list(text).collect::<Vec<_>>(), ["eins", "zwei drei"]);
        assert_eq!(checked(text, true), ["eins", "zwei drei"]);
    }

    #[test]
    #[should_panic(expected = "duplicate")]
    fn duplicates_are_found() {
        checked("a\nb\na\n", false);
    }
}
