//! The key index of an embedded sorted table ([`super::sorted::SortedLines`]), shared by
//! `build.rs` (which builds it at compile time from the table file) and
//! `src/lexicon/sorted.rs` (which probes it). Keep this file free of crate dependencies: the
//! build script includes it with `#[path]`.
//!
//! Layout: little-endian `u32` slots, a power of two of them with load ≤ 2/3, open addressing
//! with linear probing; a slot is 0 when empty, else 1 + the byte offset (in the table's body,
//! after its `#` header lines) of the first line with its key. The home slot of a key is the
//! top bits of [`hash`]. An exact look-up is one hash and a probe or two from the first call:
//! the tables built no map of their keys at run time (hashing the 400,000 lines of the large
//! tables cost a 100-article run 7 % of its instructions).

/// Number of slots for `n` keys: a power of two with load ≤ 2/3.
pub const fn slots(n: usize) -> usize {
    let want = n + n / 2 + 1;
    want.next_power_of_two()
}

/// A fast 64-bit hash of a key's bytes (FxHash-style mixing over 8-byte chunks plus the
/// murmur3 finaliser, so that the top bits are usable as a slot number).
#[inline]
pub fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ v).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let v = rest.iter().rev().fold(0, |v, &b| v << 8 | u64::from(b));
        h = (h.rotate_left(5) ^ v).wrapping_mul(K);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Home slot of a hash in a table of `slots` slots (a power of two, at least 2).
#[inline]
pub fn home(h: u64, slots: usize) -> usize {
    (h >> (64 - slots.trailing_zeros())) as usize
}

/// The body of a table file: the text after its `#` header lines.
pub fn body(table: &str) -> &str {
    let mut rest = table;
    while rest.starts_with('#') {
        rest = rest.split_once('\n').map_or("", |(_, tail)| tail);
    }
    rest
}

/// The slot array of a table body of `key<TAB>rest` lines: every key's first line.
pub fn build(body: &str) -> Vec<u32> {
    let mut first: Vec<(usize, &str)> = Vec::new();
    let mut off = 0usize;
    for line in body.split_inclusive('\n') {
        let line_text = line.strip_suffix('\n').unwrap_or(line);
        let key = line_text.split_once('\t').map_or(line_text, |(k, _)| k);
        // the lines are sorted by key: a key's first line follows another key's
        if first.last().is_none_or(|&(_, k)| k != key) {
            first.push((off, key));
        }
        off += line.len();
    }
    let n = slots(first.len()).max(2);
    let mut table = vec![0u32; n];
    for (off, key) in first {
        let mut i = home(hash(key.as_bytes()), n);
        while table[i] != 0 {
            i = (i + 1) & (n - 1);
        }
        table[i] = u32::try_from(off + 1).expect("table body under 4 GiB");
    }
    table
}

/// The line offsets the index holds for keys of `key`'s hash, in probe order (the caller
/// compares each line's key with `key`): `slots` is the slot array as bytes.
pub fn candidates<'a>(slots: &'a [u8], key: &[u8]) -> impl Iterator<Item = usize> + 'a {
    let n = slots.len() / 4;
    let mut i = home(hash(key), n);
    std::iter::from_fn(move || {
        let b = slots.get(4 * i..4 * i + 4)?;
        let s = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        i = (i + 1) & (n - 1);
        (s != 0).then(|| s as usize - 1)
    })
}

/// Bytes of an entry of [`nouns_by_ending`]: the noun's offset in the IPA table's body, its
/// length and its position among the nouns in the table's order, as little-endian `u32`s.
pub const ENDING_ENTRY: usize = 12;

/// The index of the defined nouns by their ending (`src/lexicon/endings.rs`), built from the
/// bodies of `wikt_ipa.tsv` and `wikt_defs.tsv`: the nouns are the capitalised lemmas of the
/// IPA table that the definitions have, in the table's order (a lemma as often as it has
/// lines); the entries are sorted by the noun's bytes reversed, then by position.
pub fn nouns_by_ending(ipa_body: &str, defs_body: &str) -> Vec<u8> {
    fn key(line: &str) -> &str {
        line.split_once('\t').map_or(line, |(k, _)| k)
    }
    let defined: std::collections::HashSet<&str> = defs_body
        .split('\n')
        .map(key)
        .filter(|k| !k.is_empty())
        .collect();
    let mut nouns: Vec<(usize, &str)> = Vec::new();
    let mut off = 0usize;
    for line in ipa_body.split_inclusive('\n') {
        // as `str::lines` reads it
        let text = line.strip_suffix('\n').unwrap_or(line);
        let text = text.strip_suffix('\r').unwrap_or(text);
        let noun = key(text);
        if noun.starts_with(char::is_uppercase) && defined.contains(noun) {
            nouns.push((off, noun));
        }
        off += line.len();
    }
    let mut entries: Vec<(usize, &str, usize)> = nouns
        .into_iter()
        .enumerate()
        .map(|(position, (off, noun))| (off, noun, position))
        .collect();
    entries.sort_by(|a, b| a.1.bytes().rev().cmp(b.1.bytes().rev()).then(a.2.cmp(&b.2)));
    let u32_of = |n: usize| u32::try_from(n).expect("under 4 GiB").to_le_bytes();
    let mut out = Vec::with_capacity(entries.len() * ENDING_ENTRY);
    for (off, noun, position) in entries {
        out.extend(u32_of(off));
        out.extend(u32_of(noun.len()));
        out.extend(u32_of(position));
    }
    out
}

/// Compares the key of the line starting `line` (up to its first tab or newline) with `key`.
pub fn cmp_key(line: &[u8], key: &[u8]) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let mut i = 0;
    loop {
        let l = line.get(i).copied().filter(|&b| b != b'\t' && b != b'\n');
        match (l, key.get(i)) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(a), Some(&b)) if a != b => return a.cmp(&b),
            _ => i += 1,
        }
    }
}

/// The line index of a table body (`src/lexicon/sorted.rs`): the byte offsets of its line
/// starts, and for every two-byte key prefix `p` the index of the first line whose key is not
/// less than it (`buckets[1 << 16]` is the number of lines). Made at compile time for the
/// large tables, at run time for the others.
pub fn line_index(body: &str) -> (Vec<u32>, Vec<u32>) {
    let bytes = body.as_bytes();
    let mut v: Vec<u32> = Vec::with_capacity(bytes.len() / 12);
    if !bytes.is_empty() {
        v.push(0);
    }
    let last = bytes.len().saturating_sub(1);
    for (i, &b) in bytes[..last].iter().enumerate() {
        if b == b'\n' {
            v.push(u32::try_from(i + 1).expect("table body under 4 GiB"));
        }
    }
    // one pass over the sorted lines and the 65,536 prefixes together
    let mut buckets = Vec::with_capacity((1 << 16) + 1);
    let mut line = 0;
    for p in 0..(1u32 << 16) {
        let prefix = [(p >> 8) as u8, p as u8];
        while line < v.len()
            && cmp_key(&bytes[v[line] as usize..], &prefix) == std::cmp::Ordering::Less
        {
            line += 1;
        }
        buckets.push(line as u32);
    }
    buckets.push(v.len() as u32);
    (v, buckets)
}

/// [`line_index`] as bytes: the number of line starts, the starts, the buckets (little-endian
/// `u32`s).
pub fn line_index_bytes(body: &str) -> Vec<u8> {
    let (starts, buckets) = line_index(body);
    let n = u32::try_from(starts.len()).expect("under 4 G lines");
    std::iter::once(n)
        .chain(starts)
        .chain(buckets)
        .flat_map(u32::to_le_bytes)
        .collect()
}
