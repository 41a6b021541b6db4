//! Lemmas that are no key vocabulary of an article (`data/lexicon/not_vocabulary.tsv`): units,
//! currencies, weekdays, months, number words, adjectives and nouns of places and calendar words
//! are never listed; the most common words of reporting only when an article is about them.

use std::collections::HashMap;

use strum::{Display, EnumString, IntoStaticStr};

/// `not_vocabulary.tsv`: written by the kernsatz developers (MIT OR Apache-2.0).
pub(crate) const NOT_VOCABULARY_TSV: &str = include_str!("../../data/lexicon/not_vocabulary.tsv");

/// Why a lemma is no key vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Display, EnumString, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum NotVocabulary {
    /// A unit or measure (Prozent, Kilometer).
    Unit,
    /// A currency (Euro, Dollar).
    Currency,
    /// A weekday (Montag).
    Weekday,
    /// A month (Jänner, März).
    Month,
    /// A number word that is a noun (Million, Hälfte).
    Number,
    /// An adjective or noun of a place or nationality that the rules of
    /// `Lexicon::is_place_derived` miss (deutsch, Franzose).
    Place,
    /// A calendar or clock word (Jahr, Woche, Jahresbeginn).
    Time,
    /// A word of every news report (Frage, sagen): listed only when an article is about it.
    Common,
}

impl NotVocabulary {
    /// Whether the lemma is never listed (units, currencies, weekdays, months, numbers, places,
    /// calendar words), as opposed to listed only when the article is about it (the common
    /// words of reporting).
    pub fn never(self) -> bool {
        self != NotVocabulary::Common
    }
}

/// The parsed list.
#[derive(Debug, Default)]
pub(crate) struct NotVocabularyList {
    by_lemma: HashMap<&'static str, NotVocabulary>,
    pub(crate) problems: Vec<String>,
}

impl NotVocabularyList {
    pub(crate) fn parse(text: &'static str) -> Self {
        let mut list = NotVocabularyList::default();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let parsed = line
                .split_once('\t')
                .and_then(|(lemma, kind)| Some((lemma.trim(), kind.trim().parse().ok()?)));
            match parsed {
                Some((lemma, kind)) if !lemma.is_empty() && !lemma.contains(' ') => {
                    if list.by_lemma.insert(lemma, kind).is_some() {
                        list.problems.push(format!(
                            "not_vocabulary.tsv line {}: duplicate {lemma}",
                            n + 1
                        ));
                    }
                }
                _ => list.problems.push(format!(
                    "not_vocabulary.tsv line {}: bad line {line:?}",
                    n + 1
                )),
            }
        }
        list
    }

    pub(crate) fn get(&self, lemma: &str) -> Option<NotVocabulary> {
        self.by_lemma.get(lemma).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_list_parses() {
        let l = NotVocabularyList::parse(NOT_VOCABULARY_TSV);
        assert!(l.problems.is_empty(), "{:?}", l.problems);
        assert_eq!(l.get("Euro"), Some(NotVocabulary::Currency));
        assert_eq!(l.get("Jänner"), Some(NotVocabulary::Month));
        assert_eq!(l.get("Jahr"), Some(NotVocabulary::Time));
        assert!(NotVocabulary::Weekday.never() && NotVocabulary::Time.never());
        assert!(!NotVocabulary::Common.never());
        assert_eq!(l.get("Lieferkette"), None);
    }
}
