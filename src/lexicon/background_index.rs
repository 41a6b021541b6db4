//! The hash index of the embedded IDF table, shared by `build.rs` (which builds it at compile
//! time from `data/idf/de-wordfreq.idf`) and `src/lexicon/background.rs` (which probes it). Keep
//! this file free of crate dependencies: the build script includes it with `#[path]`.
//!
//! Layout: `slots(n)` little-endian `u32` slots, open addressing with linear probing; a slot
//! is 0 when empty, else its low [`OFFSET_BITS`] bits hold 1 + the byte offset of a `word\tdf`
//! line in the table body and its top 8 bits the word's stem code (see [`stem_code`]). The home
//! slot of a word is the top bits of [`hash`].
//!
//! The stem code spares the tokenizer the Snowball stemmer for every word form of the table,
//! which is most word forms of German text: the build script stems each table word with
//! rust-stemmers once, at compile time.

/// Number of slots for `n` words: a power of two with load ≤ 2/3.
pub const fn slots(n: usize) -> usize {
    let want = n + n / 2 + 1;
    want.next_power_of_two()
}

/// A fast 64-bit hash of a word's bytes (FxHash-style mixing over 8-byte chunks plus a final
/// avalanche, so the top bits are usable as a slot number).
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
        // the rest as a little-endian number padded with zeros, without copying it: the last 8
        // bytes shifted down when the word has them, else byte by byte
        let v = match bytes.len().checked_sub(8) {
            Some(start) => {
                let last: [u8; 8] = bytes[start..].try_into().expect("8 bytes");
                u64::from_le_bytes(last) >> (8 * (8 - rest.len()))
            }
            None => rest.iter().rev().fold(0, |v, &b| v << 8 | u64::from(b)),
        };
        h = (h.rotate_left(5) ^ v).wrapping_mul(K);
    }
    // murmur3 finaliser
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Home slot of a hash in a table of `slots` slots (a power of two).
#[inline]
pub fn home(h: u64, slots: usize) -> usize {
    (h >> (64 - slots.trailing_zeros())) as usize
}

/// The body of a table file: the text after the `#` header lines.
pub fn body(table: &str) -> &str {
    let mut rest = table;
    while rest.starts_with('#') {
        rest = rest.split_once('\n').map_or("", |(_, tail)| tail);
    }
    rest
}

/// Bits of a slot that hold 1 + the line offset; the stem code is in the bits above.
pub const OFFSET_BITS: u32 = 24;
/// Mask of the offset bits of a slot.
pub const OFFSET_MASK: u32 = (1 << OFFSET_BITS) - 1;
/// Stem code of a word whose stem is not stored (the stemmer must be asked).
pub const NO_STEM: u8 = u8::MAX;

/// A table word's character with its umlaut folded the way Snowball German's postlude folds
/// it (`ä` → `a`, `ö` → `o`, `ü` → `u`); other characters unchanged.
pub fn fold(c: char) -> char {
    match c {
        'ä' => 'a',
        'ö' => 'o',
        'ü' => 'u',
        c => c,
    }
}

/// The stem code of a table word: the byte length of its Snowball stem when that stem is a
/// prefix of the word with its umlauts [`fold`]ed (Snowball German only cuts suffixes, turns
/// `ß` into `ss`, which table words already have, and folds umlauts), else [`NO_STEM`].
pub fn stem_code(word: &str, stem: &str) -> u8 {
    let folded: String = word.chars().map(fold).collect();
    match u8::try_from(stem.len()) {
        Ok(len) if len < NO_STEM && folded.starts_with(stem) => len,
        _ => NO_STEM,
    }
}

/// Build the slot array for a table body (`word\tdf` lines); `stem` is the Snowball German
/// stemmer.
pub fn build(body: &str, stem: impl Fn(&str) -> String) -> Vec<u32> {
    let mut lines = Vec::new();
    let mut off = 0usize;
    for line in body.split_inclusive('\n') {
        let word = line.split_once('\t').map_or("", |(w, _)| w);
        if !word.is_empty() {
            lines.push((off, word));
        }
        off += line.len();
    }
    let n = slots(lines.len());
    let mut table = vec![0u32; n];
    for (off, word) in lines {
        let mut i = home(hash(word.as_bytes()), n);
        while table[i] != 0 {
            i = (i + 1) & (n - 1);
        }
        let off = u32::try_from(off + 1)
            .ok()
            .filter(|o| *o <= OFFSET_MASK)
            .expect("IDF table body under 16 MiB (the index keeps 24-bit offsets)");
        table[i] = off | u32::from(stem_code(word, &stem(word))) << OFFSET_BITS;
    }
    table
}
