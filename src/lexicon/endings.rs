//! The defined nouns by their ending, for [`Lexicon::defined_nouns_ending_in`]: the senses of a
//! compound's head are voted on by the head's other compounds, and every new head of a corpus
//! asks for them.
//!
//! The build script sorts the nouns by their reversed bytes ([`key_index::nouns_by_ending`]),
//! so that the nouns ending in something are one run found by bisection, from the first
//! question on and with nothing sorted or collected at run time (sorting the 48,000 nouns at
//! run time cost a 100-article run 6 % of its instructions).
//!
//! [`Lexicon::defined_nouns_ending_in`]: super::Lexicon::defined_nouns_ending_in

use super::key_index::{self, ENDING_ENTRY};

/// The index `build.rs` made ([`key_index::nouns_by_ending`]).
const NOUNS_BY_ENDING: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/nouns_by_ending.idx"));

/// The nouns sorted by their reversed bytes, each with its position in the tables' order.
#[derive(Debug)]
pub(crate) struct ByEnding {
    /// The entries ([`ENDING_ENTRY`] bytes each).
    index: &'static [u8],
    /// The body of the IPA table, which the entries point into.
    ipa: &'static str,
}

impl Default for ByEnding {
    fn default() -> Self {
        ByEnding {
            index: NOUNS_BY_ENDING,
            ipa: key_index::body(super::wiktionary::IPA_TSV),
        }
    }
}

impl ByEnding {
    /// Number of entries.
    fn len(&self) -> usize {
        self.index.len() / ENDING_ENTRY
    }

    /// Entry `i`: the noun and its position in the tables' order.
    fn entry(&self, i: usize) -> (&'static str, u32) {
        let e = &self.index[i * ENDING_ENTRY..(i + 1) * ENDING_ENTRY];
        let n = |k: usize| u32::from_le_bytes([e[k], e[k + 1], e[k + 2], e[k + 3]]);
        let (off, len) = (n(0) as usize, n(4) as usize);
        (&self.ipa[off..off + len], n(8))
    }

    /// The nouns longer than `ending` that end in it, in the tables' order.
    pub(crate) fn nouns_ending_in(&self, ending: &str) -> Vec<&'static str> {
        let e = ending.as_bytes();
        let noun = |i: usize| self.entry(i).0.as_bytes();
        let (mut lo, mut hi) = (0, self.len());
        // the first noun whose reversed bytes are not less than the ending's
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if noun(mid).iter().rev().lt(e.iter().rev()) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let mut found: Vec<(u32, &'static str)> = (lo..self.len())
            .map(|i| self.entry(i))
            .take_while(|(n, _)| n.as_bytes().ends_with(e))
            .filter(|(n, _)| n.len() > e.len())
            .map(|(n, position)| (position, n))
            .collect();
        found.sort_unstable();
        found.into_iter().map(|(_, w)| w).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_a_scan_of_the_tables() {
        let w = super::super::wiktionary::Wiktionary::new();
        let by = ByEnding::default();
        for ending in [
            "", "lage", "Lage", "age", "krebs", "rebs", "e", "ße", "öße", "x", "Krebs", "lagen",
            "ung", "recht", "politik", "qxqxq",
        ] {
            assert_eq!(
                by.nouns_ending_in(ending),
                w.nouns_ending_in(ending),
                "{ending:?}"
            );
        }
        // the index holds every defined noun once per line of the IPA table
        assert_eq!(by.len(), w.nouns_ending_in("").len());
        // and was built from these tables (as `build.rs` does)
        assert_eq!(
            key_index::nouns_by_ending(
                key_index::body(super::super::wiktionary::IPA_TSV),
                key_index::body(super::super::wiktionary::DEFS_TSV)
            ),
            NOUNS_BY_ENDING
        );
    }
}
