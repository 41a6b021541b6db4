//! The defined nouns by their ending, for [`Lexicon::defined_nouns_ending_in`]: the senses of a
//! compound's head are voted on by the head's other compounds, and every new head of a corpus
//! asks for them.
//!
//! The first [`INDEX_AFTER`] questions scan the nouns (a single article asks a few); then the
//! nouns are sorted by their reversed bytes once, so that the nouns ending in something are one
//! run found by bisection instead of a scan of some 48,000 nouns per head.
//!
//! [`Lexicon::defined_nouns_ending_in`]: super::Lexicon::defined_nouns_ending_in

use std::cmp::Ordering;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering as AtomicOrdering};

/// Questions answered by a scan before the nouns are sorted by their endings.
pub(crate) const INDEX_AFTER: u32 = 16;

/// The nouns sorted by their reversed bytes, each with its position in the tables' order.
#[derive(Debug, Default)]
pub(crate) struct ByEnding {
    sorted: OnceLock<Vec<(&'static str, u32)>>,
    /// Questions so far (until the index exists).
    asked: AtomicU32,
}

/// `a` and `b` compared from their last byte backwards.
fn cmp_reversed(a: &str, b: &str) -> Ordering {
    a.bytes().rev().cmp(b.bytes().rev())
}

impl ByEnding {
    /// The index, if built (or due: then it is built from `all`, every noun in the tables'
    /// order).
    fn sorted(&self, all: impl FnOnce() -> Vec<&'static str>) -> Option<&[(&'static str, u32)]> {
        if let Some(s) = self.sorted.get() {
            return Some(s);
        }
        if self.asked.fetch_add(1, AtomicOrdering::Relaxed) < INDEX_AFTER {
            return None;
        }
        Some(self.sorted.get_or_init(|| {
            let mut v: Vec<(&'static str, u32)> = all()
                .into_iter()
                .enumerate()
                .map(|(i, w)| (w, u32::try_from(i).unwrap_or(u32::MAX)))
                .collect();
            v.sort_unstable_by(|a, b| cmp_reversed(a.0, b.0).then(a.1.cmp(&b.1)));
            v
        }))
    }

    /// The nouns longer than `ending` that end in it, in the tables' order: `scan` answers
    /// until the index is built from `all` (every noun, in the tables' order; `scan` must
    /// answer as the index does).
    pub(crate) fn nouns_ending_in(
        &self,
        ending: &str,
        all: impl FnOnce() -> Vec<&'static str>,
        scan: impl FnOnce() -> Vec<&'static str>,
    ) -> Vec<&'static str> {
        let Some(sorted) = self.sorted(all) else {
            return scan();
        };
        let e = ending.as_bytes();
        let from = sorted.partition_point(|(w, _)| cmp_reversed(w, ending) == Ordering::Less);
        let run = sorted[from..].partition_point(|(w, _)| w.as_bytes().ends_with(e));
        let mut found: Vec<(u32, &'static str)> = sorted[from..from + run]
            .iter()
            .filter(|(w, _)| w.len() > e.len())
            .map(|&(w, i)| (i, w))
            .collect();
        found.sort_unstable();
        found.into_iter().map(|(_, w)| w).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_a_scan_before_and_after_the_index() {
        let nouns: Vec<&'static str> = vec![
            "Anlage",
            "Finanzlage",
            "Krebs",
            "Lage",
            "Lungenkrebs",
            "Flusskrebs",
            "Klage",
            "Größe",
            "Stärke",
            "ßlage",
        ];
        let scan = |ending: &str| -> Vec<&'static str> {
            nouns
                .iter()
                .copied()
                .filter(|l| l.len() > ending.len() && l.ends_with(ending))
                .collect()
        };
        let by = ByEnding::default();
        for round in 0..(INDEX_AFTER as usize + 2) {
            for ending in [
                "", "lage", "Lage", "age", "krebs", "rebs", "e", "ße", "öße", "x", "Krebs", "lagen",
            ] {
                let got = by.nouns_ending_in(ending, || nouns.clone(), || scan(ending));
                assert_eq!(got, scan(ending), "{ending:?} (round {round})");
            }
        }
        assert!(by.sorted.get().is_some(), "the index was built");
    }
}
