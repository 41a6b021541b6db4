//! A sorted, line-based table embedded as text and binary-searched in place.
//!
//! The data files (`nouns.tsv`, `freq.tsv`, `wikt_names.tsv`, `noun_rules.tsv`) hold
//! `key<TAB>rest` lines sorted by key in byte order, after a header of `#` lines. Nothing is
//! parsed up front: a lookup bisects the text by bytes, backing up to the start of a line at
//! each step. After [`INDEX_AFTER`] lookups a table records where its lines start (one pass
//! over the text, about 2 ms for the 2.5 MB frequency list) and bisects those offsets instead,
//! which is about twice as fast: short runs stay cheap, long runs get faster. After a number
//! of exact lookups proportional to its size (one per [`BYTES_PER_HASH_LOOKUP`] bytes: then
//! the bisections have cost about as much as hashing every line once) it also hashes every key
//! to its first line, so that an exact lookup (`get`, `get_all`, `contains`) no longer
//! bisects: the vocabulary of a corpus asks the noun and frequency tables millions of times.
//! The large tables (`freq.tsv`, `nouns.tsv`, `wikt_names.tsv` and the two Wiktionary tables)
//! have that map and the line index made at compile time instead ([`SortedLines::with_key_index`],
//! `build.rs`, [`super::key_index`]): they hash from the first look-up, and neither hash nor
//! scan their text at run time.

use std::cmp::Ordering;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering as AtomicOrdering};

use rustc_hash::FxHashMap;

/// Number of lookups in a table after which it builds its line index.
pub(crate) const INDEX_AFTER: u32 = 4096;

/// Bytes of a table per exact lookup before it hashes its keys: a bisection (1,000–2,000
/// instructions) costs about as much as hashing 15–20 lines (about 100 each), so a table is
/// hashed once its lookups could have paid for it (a small table soon, the 2.5 MB frequency
/// list after ~10,000 lookups: a single article asks fewer, a corpus run millions).
pub(crate) const BYTES_PER_HASH_LOOKUP: usize = 256;

/// Lines of a table per exact lookup before it hashes its keys (the frequency list's
/// [`BYTES_PER_HASH_LOOKUP`] in lines: 15 bytes a line).
/// (64 bytes and 4 lines before: `vocab --per-article` on 100 articles bisected 3 % more.)
pub(crate) const LINES_PER_HASH_LOOKUP: usize = 16;

use super::key_index::cmp_key;

/// [`cmp_key`] for a key without tabs, newlines or lower bytes (every word looked up): the
/// bytes compared in one go (`memcmp`) instead of one at a time. The line's key then ends where
/// it differs from `key` at the latest, as its tab or newline is less than the key's byte there.
fn cmp_plain_key(line: &[u8], key: &[u8]) -> Ordering {
    let n = line.len().min(key.len());
    match line[..n].cmp(&key[..n]) {
        Ordering::Equal if n == key.len() => match line.get(n) {
            None | Some(b'\t' | b'\n') => Ordering::Equal,
            Some(_) => Ordering::Greater,
        },
        Ordering::Equal => Ordering::Less,
        unequal => unequal,
    }
}

/// Whether [`cmp_plain_key`] may compare with `key`.
fn plain_key(key: &[u8]) -> bool {
    key.iter().all(|&b| b > b'\n')
}

/// The line index: where the lines start, and for every two-byte key prefix the first line
/// whose key is not less than it, so that a lookup bisects only the lines of its prefix.
#[derive(Debug)]
struct Index {
    /// Byte offsets of the line starts.
    starts: Vec<u32>,
    /// `buckets[p]`: index in `starts` of the first line whose key is not less than the two
    /// bytes `p >> 8`, `p & 0xff`; `buckets[1 << 16]` is the number of lines.
    buckets: Vec<u32>,
}

/// An embedded sorted table.
#[derive(Debug)]
pub(crate) struct SortedLines {
    body: &'static str,
    /// The key index the build script made of the table ([`super::key_index`]), if it has
    /// one: exact look-ups probe it and neither bisect nor build a key map.
    key_index: Option<&'static [u8]>,
    /// The line index the build script made of the table ([`super::key_index::line_index`]),
    /// if it has one: read when the table's look-ups first need it.
    lines: Option<&'static [u8]>,
    /// The line index, built after `INDEX_AFTER` lookups.
    starts: OnceLock<Index>,
    /// Lookups so far (until the index exists).
    lookups: AtomicU32,
    /// Every key's first line start, built after [`SortedLines::hash_after`] exact lookups.
    keys: OnceLock<FxHashMap<&'static str, u32>>,
    /// Exact lookups so far (until the key map exists).
    exact_lookups: AtomicU32,
}

impl SortedLines {
    /// The table in `text`, skipping its leading `#` header lines.
    pub(crate) fn new(text: &'static str) -> Self {
        let mut start = 0;
        while text[start..].starts_with('#') {
            match text[start..].find('\n') {
                Some(i) => start += i + 1,
                None => start = text.len(),
            }
        }
        SortedLines {
            body: &text[start..],
            key_index: None,
            lines: None,
            starts: OnceLock::new(),
            lookups: AtomicU32::new(0),
            keys: OnceLock::new(),
            exact_lookups: AtomicU32::new(0),
        }
    }

    /// The table in `text` with the key index `slots` that the build script made of it
    /// ([`super::key_index::build`])
    /// and the line index (`lines`: [`super::key_index::line_index_bytes`]).
    pub(crate) fn with_key_index(
        text: &'static str,
        (slots, lines): (&'static [u8], &'static [u8]),
    ) -> Self {
        let table = SortedLines::new(text);
        debug_assert_eq!(table.body, super::key_index::body(text));
        SortedLines {
            key_index: Some(slots),
            lines: Some(lines),
            ..table
        }
    }

    /// The line index, if built (or due: then it is built now).
    fn index(&self) -> Option<&Index> {
        if let Some(starts) = self.starts.get() {
            return Some(starts);
        }
        if self.lookups.fetch_add(1, AtomicOrdering::Relaxed) < INDEX_AFTER {
            return None;
        }
        Some(self.starts.get_or_init(|| match self.lines {
            // made by the build script: read, not computed
            Some(bytes) => {
                let mut words = bytes
                    .chunks_exact(4)
                    .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
                let n = words.next().unwrap_or(0) as usize;
                let starts: Vec<u32> = words.by_ref().take(n).collect();
                Index {
                    starts,
                    buckets: words.collect(),
                }
            }
            None => {
                let (starts, buckets) = super::key_index::line_index(self.body);
                Index { starts, buckets }
            }
        }))
    }

    /// The key map, if built (or due: then it is built now).
    fn keys(&self) -> Option<&FxHashMap<&'static str, u32>> {
        if let Some(keys) = self.keys.get() {
            return Some(keys);
        }
        if self.exact_lookups.fetch_add(1, AtomicOrdering::Relaxed) < self.hash_after() {
            return None;
        }
        Some(self.keys.get_or_init(|| self.key_map()))
    }

    /// Every key's first line start.
    fn key_map(&self) -> FxHashMap<&'static str, u32> {
        // sized for every line up front: growing a map of 100,000s of keys rehashes it again
        // and again
        let lines = match self.starts.get() {
            Some(index) => index.starts.len(),
            None => memchr::memchr_iter(b'\n', self.body.as_bytes()).count() + 1,
        };
        let mut keys = FxHashMap::with_capacity_and_hasher(lines, Default::default());
        let mut pos = 0;
        while pos < self.body.len() {
            let (key, _, next) = self.line_at(pos);
            keys.entry(key).or_insert(pos as u32);
            pos = next;
        }
        keys
    }

    /// Number of exact lookups after which the keys are hashed: one per
    /// [`BYTES_PER_HASH_LOOKUP`] bytes of the table, or once the line index is there, one per
    /// [`LINES_PER_HASH_LOOKUP`] lines (hashing costs per line: a table of long lines, like
    /// the definitions, is hashed sooner).
    fn hash_after(&self) -> u32 {
        let by_bytes = self.body.len() / BYTES_PER_HASH_LOOKUP;
        let n = match self.starts.get() {
            Some(index) => by_bytes.min(index.starts.len() / LINES_PER_HASH_LOOKUP),
            None => by_bytes,
        };
        u32::try_from(n).unwrap_or(u32::MAX).max(64)
    }

    /// Byte offset of the first line with exactly `key`, or `None`.
    fn find(&self, key: &str) -> Option<usize> {
        if let Some(slots) = self.key_index {
            let bytes = self.body.as_bytes();
            let n = key.len();
            // the line's key is `key` when the line starts with it and its key ends there (a
            // key has no tab or line break: one of them in `key` is no match)
            return super::key_index::candidates(slots, key.as_bytes()).find(|&pos| {
                bytes[pos..].starts_with(key.as_bytes())
                    && matches!(bytes.get(pos + n), None | Some(b'\t' | b'\n'))
                    && bytes[pos..pos + n]
                        .iter()
                        .all(|&b| b != b'\t' && b != b'\n')
            });
        }
        if let Some(keys) = self.keys() {
            return keys.get(key).map(|&p| p as usize);
        }
        let pos = self.lower_bound(key);
        (pos < self.body.len() && self.line_at(pos).0 == key).then_some(pos)
    }

    /// [`SortedLines::find`] by bisection alone (the tests' reference).
    #[cfg(test)]
    fn lower_bound_exact(&self, key: &str) -> Option<usize> {
        let pos = self.lower_bound(key);
        (pos < self.body.len() && self.line_at(pos).0 == key).then_some(pos)
    }

    /// The line starting at byte `start`: (key, rest after the first tab, start of the next
    /// line).
    fn line_at(&self, start: usize) -> (&'static str, &'static str, usize) {
        let body = self.body;
        let bytes = &body.as_bytes()[start..];
        let end = memchr::memchr(b'\n', bytes).map_or(body.len(), |i| start + i);
        let line = &body[start..end];
        let (key, rest) = match memchr::memchr(b'\t', line.as_bytes()) {
            Some(i) => (&line[..i], &line[i + 1..]),
            None => (line, ""),
        };
        (key, rest, (end + 1).min(body.len()))
    }

    /// Byte offset of the first line whose key is not less than `key` (the end if none).
    fn lower_bound(&self, key: &str) -> usize {
        let body = self.body;
        let bytes = body.as_bytes();
        let cmp: fn(&[u8], &[u8]) -> Ordering = if plain_key(key.as_bytes()) {
            cmp_plain_key
        } else {
            cmp_key
        };
        if let Some(index) = self.index() {
            let starts = index.starts.as_slice();
            // the lines of the key's two-byte prefix: those before have smaller keys, those
            // after greater ones
            let (lo, hi) = match key.as_bytes() {
                [a, b, ..] => {
                    let p = (usize::from(*a) << 8) | usize::from(*b);
                    (index.buckets[p] as usize, index.buckets[p + 1] as usize)
                }
                _ => (0, starts.len()),
            };
            let p = lo
                + starts[lo..hi].partition_point(|&s| {
                    cmp(&bytes[s as usize..], key.as_bytes()) == Ordering::Less
                });
            return starts.get(p).map_or(body.len(), |&s| s as usize);
        }
        let (mut lo, mut hi) = (0, body.len());
        // Invariant: lo and hi are line starts (or the end); lines before lo have smaller
        // keys, lines from hi on have keys >= key.
        while lo < hi {
            let mut mid = lo + (hi - lo) / 2;
            while !body.is_char_boundary(mid) {
                mid += 1;
            }
            // memchr's SIMD search: str::rfind's generic path is not always inlined into it
            let start =
                memchr::memrchr(b'\n', &body.as_bytes()[lo..mid]).map_or(lo, |i| lo + i + 1);
            if cmp(&bytes[start..], key.as_bytes()) == Ordering::Less {
                lo = memchr::memchr(b'\n', &bytes[start..]).map_or(body.len(), |i| start + i + 1);
            } else {
                hi = start;
            }
        }
        lo
    }

    /// The rest (after the key and its tab) of every line with this key, in file order.
    pub(crate) fn get_all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'static str> + 'a {
        let mut pos = self.find(key).unwrap_or(self.body.len());
        std::iter::from_fn(move || {
            if pos >= self.body.len() {
                return None;
            }
            let (k, rest, next) = self.line_at(pos);
            if k != key {
                return None;
            }
            pos = next;
            Some(rest)
        })
    }

    /// Whether the keys are hashed: an exact look-up is then one hash probe, which a memo in
    /// front of the table would only repeat.
    pub(crate) fn is_hashed(&self) -> bool {
        self.key_index.is_some() || self.keys.get().is_some()
    }

    /// The rest of the first line with this key.
    pub(crate) fn get(&self, key: &str) -> Option<&'static str> {
        let pos = self.find(key)?;
        Some(self.line_at(pos).1)
    }

    /// Whether some key starts with `prefix`.
    pub(crate) fn has_prefix(&self, prefix: &str) -> bool {
        let pos = self.lower_bound(prefix);
        pos < self.body.len() && self.body[pos..].starts_with(prefix)
    }

    /// The key of every line whose key starts with `prefix`, in order (a key as often as it
    /// has lines).
    pub(crate) fn keys_with_prefix<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = &'static str> + 'a {
        let mut pos = self.lower_bound(prefix);
        std::iter::from_fn(move || {
            if pos >= self.body.len() {
                return None;
            }
            let (k, _, next) = self.line_at(pos);
            if !k.starts_with(prefix) {
                return None;
            }
            pos = next;
            Some(k)
        })
    }

    /// Whether some line has this key.
    pub(crate) fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Every line as (key, rest), in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.body
            .lines()
            .map(|line| line.split_once('\t').unwrap_or((line, "")))
    }

    /// Number of lines.
    pub(crate) fn len(&self) -> usize {
        self.body.lines().count()
    }
}

/// The key indexes `build.rs` made of the large tables ([`super::key_index`]).
pub(crate) mod keys {
    /// The key index and the line index of a table file, made by the build script.
    macro_rules! indexes {
        ($name:literal) => {
            (
                include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".keys")),
                include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".lines")),
            )
        };
    }
    /// Indexes of `freq.tsv`.
    pub(crate) const FREQ: (&[u8], &[u8]) = indexes!("freq");
    /// Indexes of `nouns.tsv`.
    pub(crate) const NOUNS: (&[u8], &[u8]) = indexes!("nouns");
    /// Indexes of `wikt_defs.tsv`.
    pub(crate) const WIKT_DEFS: (&[u8], &[u8]) = indexes!("wikt_defs");
    /// Indexes of `wikt_ipa.tsv`.
    pub(crate) const WIKT_IPA: (&[u8], &[u8]) = indexes!("wikt_ipa");
    /// Indexes of `wikt_names.tsv`.
    pub(crate) const WIKT_NAMES: (&[u8], &[u8]) = indexes!("wikt_names");
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "# header\n# more\nAal\t1\nBank\tf\nBank\tg\nHaus\tn\nZoo\tm\n";

    #[test]
    fn finds_every_key_and_nothing_else() {
        let t = SortedLines::new(TABLE);
        assert_eq!(t.get("Aal"), Some("1"));
        assert_eq!(t.get("Haus"), Some("n"));
        assert_eq!(t.get("Zoo"), Some("m"));
        assert_eq!(t.get_all("Bank").collect::<Vec<_>>(), ["f", "g"]);
        for missing in ["", "A", "Aalx", "Ban", "Banke", "Zz", "#", "\u{10FFFF}"] {
            assert_eq!(t.get(missing), None, "{missing:?}");
        }
        assert_eq!(t.iter().count(), 5);
        assert_eq!(t.len(), 5);
        assert!(t.has_prefix("Ba") && t.has_prefix("Bank") && t.has_prefix(""));
        assert!(!t.has_prefix("Bankx") && !t.has_prefix("Zz") && !t.has_prefix("C"));
        assert_eq!(
            t.keys_with_prefix("Ba").collect::<Vec<_>>(),
            ["Bank", "Bank"]
        );
        assert_eq!(t.keys_with_prefix("").count(), 5);
        assert_eq!(t.keys_with_prefix("Bankx").count(), 0);
        assert_eq!(t.keys_with_prefix("Zoo").collect::<Vec<_>>(), ["Zoo"]);
    }

    #[test]
    fn plain_keys_compare_as_byte_by_byte() {
        let lines: [&[u8]; 12] = [
            b"",
            b"a",
            b"ab",
            b"abc",
            b"ab\tc",
            b"ab\nzz",
            b"abd\t1",
            b"a\tb",
            b"\tx",
            b"b",
            "äb\t".as_bytes(),
            b"ab\x01\t",
        ];
        let keys: [&[u8]; 9] = [
            b"",
            b"a",
            b"ab",
            b"abc",
            b"abd",
            b"aa",
            b"b",
            b"zz",
            "ä".as_bytes(),
        ];
        for line in lines {
            for key in keys {
                assert!(plain_key(key));
                assert_eq!(
                    cmp_plain_key(line, key),
                    cmp_key(line, key),
                    "{line:?} {key:?}"
                );
            }
        }
        assert!(!plain_key(b"a\tb") && !plain_key(b"a\nb") && !plain_key(b"\x01"));
    }

    #[test]
    fn the_compile_time_key_indexes_find_what_bisection_finds() {
        let tables = [
            (super::super::freq::FREQ_TSV, keys::FREQ),
            (super::super::nouns::NOUNS_TSV, keys::NOUNS),
            (super::super::wiktionary::DEFS_TSV, keys::WIKT_DEFS),
            (super::super::wiktionary::IPA_TSV, keys::WIKT_IPA),
            (super::super::names::WIKT_NAMES_TSV, keys::WIKT_NAMES),
        ];
        for (text, slots) in tables {
            // the index is the one the build script makes of the table
            let built: Vec<u8> =
                super::super::key_index::build(super::super::key_index::body(text))
                    .iter()
                    .flat_map(|s| s.to_le_bytes())
                    .collect();
            assert_eq!(built, slots.0);
            assert_eq!(
                super::super::key_index::line_index_bytes(super::super::key_index::body(text)),
                slots.1
            );
            let indexed = SortedLines::with_key_index(text, slots);
            let bisected = SortedLines::new(text);
            assert!(indexed.is_hashed());
            // every key: its first line
            let (mut pos, mut previous, mut n) = (0, None, 0usize);
            while pos < indexed.body.len() {
                let (key, _, next) = indexed.line_at(pos);
                if previous != Some(key) {
                    assert_eq!(indexed.find(key), Some(pos), "{key:?}");
                    // and some keys that are not in the table, as bisection answers them
                    if n % 97 == 0 {
                        let longer = format!("{key}x");
                        let shorter = &key[..key.char_indices().last().map_or(0, |(i, _)| i)];
                        let tabbed = format!("{key}\tx");
                        for k in [longer.as_str(), shorter, tabbed.as_str()] {
                            assert_eq!(indexed.find(k), bisected.lower_bound_exact(k), "{k:?}");
                        }
                    }
                    n += 1;
                }
                previous = Some(key);
                pos = next;
            }
            assert!(n > 1000);
            for missing in ["", "#", "\u{10FFFF}", "zzzzzzzzzzzzzzzzzzzzzzzzz"] {
                assert_eq!(indexed.find(missing), bisected.lower_bound_exact(missing));
            }
        }
    }

    #[test]
    fn empty_and_header_only_tables() {
        assert_eq!(SortedLines::new("").get("a"), None);
        assert_eq!(SortedLines::new("# only\n").get("a"), None);
        assert_eq!(SortedLines::new("a\t1").get("a"), Some("1"));
        assert_eq!(SortedLines::new("\t,e\na\t1\n").get(""), Some(",e"));
    }

    #[test]
    fn agrees_with_linear_search_on_generated_tables_with_and_without_index() {
        let mut keys: Vec<String> = (0..300).map(|i| format!("k{}ä", i * 7 % 1000)).collect();
        keys.sort();
        keys.dedup();
        let text: String = keys.iter().map(|k| format!("{k}\tv{k}\n")).collect();
        let text: &'static str = Box::leak(text.into_boxed_str());
        let t = SortedLines::new(text);
        // The first INDEX_AFTER lookups bisect the text, the later ones the index.
        for round in 0..(INDEX_AFTER as usize / 1000 + 2) {
            for i in 0..1000 {
                let k = format!("k{i}ä");
                let found = t.get(&k);
                assert_eq!(found.is_some(), keys.contains(&k), "{k} (round {round})");
                if let Some(v) = found {
                    assert_eq!(v, format!("v{k}"));
                }
                // prefix searches bisect (the text, then the index)
                assert_eq!(
                    t.has_prefix(&k),
                    keys.iter().any(|x| x.starts_with(k.as_str())),
                    "{k} (round {round})"
                );
            }
        }
        assert!(t.starts.get().is_some(), "the index was built");
        // and after `hash_after` exact lookups the key map: the same answers as bisection
        assert!(t.keys.get().is_some(), "the key map was built");
        for k in &keys {
            let linear = text
                .lines()
                .find_map(|l| l.strip_prefix(k.as_str())?.strip_prefix('\t'));
            assert_eq!(t.get(k), linear, "{k}");
        }
        assert_eq!(t.get("k"), None);
        assert_eq!(t.get("k1"), None);
        // two-byte keys, one-byte keys and prefixes through the bucket index
        for k in ["k", "k1", "k9", "kz", "a", "zz", "\u{10FFFF}"] {
            assert_eq!(t.get(k), None, "{k}");
            assert_eq!(
                t.has_prefix(k),
                keys.iter().any(|x| x.starts_with(k)),
                "{k}"
            );
        }
        assert_eq!(t.len(), keys.len());
    }
}
