//! The defined nouns by their ending, for [`Lexicon::defined_nouns_ending_in`]: the senses of a
//! compound's head are voted on by the head's other compounds, and every new head of a corpus
//! asks for them.
//!
//! The first [`INDEX_AFTER`] questions scan the nouns (a single article asks a few); then the
//! nouns are sorted by their reversed bytes once, so that the nouns ending in something are one
//! run found by bisection instead of a scan of some 48,000 nouns per head. The sort compares
//! the first eight reversed bytes as one integer and the rest only on a tie (comparing the
//! byte strings throughout cost as much as the answers of a 100-article run).
//!
//! [`Lexicon::defined_nouns_ending_in`]: super::Lexicon::defined_nouns_ending_in

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

/// Questions answered by a scan before the nouns are sorted by their endings.
pub(crate) const INDEX_AFTER: u32 = 16;

/// The nouns sorted by their reversed bytes, each with its position in the tables' order.
#[derive(Debug, Default)]
pub(crate) struct ByEnding {
    sorted: OnceLock<Vec<Reversed>>,
    /// Questions so far (until the index exists).
    asked: AtomicU32,
}

/// A noun of the index: its bytes reversed, the noun, its position in the tables' order.
#[derive(Debug)]
struct Reversed {
    /// The first eight reversed bytes, big-endian, padded with zeros: ordered as the bytes are
    /// (no noun has a zero byte).
    head: u64,
    bytes: Box<[u8]>,
    noun: &'static str,
    position: u32,
}

fn reversed(s: &str) -> Box<[u8]> {
    s.bytes().rev().collect()
}

impl ByEnding {
    /// The index, if built (or due: then it is built from `all`, every noun in the tables'
    /// order).
    fn sorted(&self, all: impl FnOnce() -> Vec<&'static str>) -> Option<&[Reversed]> {
        if let Some(s) = self.sorted.get() {
            return Some(s);
        }
        if self.asked.fetch_add(1, Ordering::Relaxed) < INDEX_AFTER {
            return None;
        }
        Some(self.sorted.get_or_init(|| {
            let mut v: Vec<Reversed> = all()
                .into_iter()
                .enumerate()
                .map(|(i, noun)| {
                    let bytes = reversed(noun);
                    let mut head = [0u8; 8];
                    let n = bytes.len().min(8);
                    head[..n].copy_from_slice(&bytes[..n]);
                    Reversed {
                        head: u64::from_be_bytes(head),
                        bytes,
                        noun,
                        position: u32::try_from(i).unwrap_or(u32::MAX),
                    }
                })
                .collect();
            v.sort_unstable_by(|a, b| {
                a.head
                    .cmp(&b.head)
                    .then_with(|| a.bytes.cmp(&b.bytes))
                    .then(a.position.cmp(&b.position))
            });
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
        let e = reversed(ending);
        let from = sorted.partition_point(|r| *r.bytes < *e);
        let run = sorted[from..].partition_point(|r| r.bytes.starts_with(&e));
        let mut found: Vec<(u32, &'static str)> = sorted[from..from + run]
            .iter()
            .filter(|r| r.bytes.len() > e.len())
            .map(|r| (r.position, r.noun))
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
