//! The hash index of the embedded IDF table, shared by `build.rs` (which builds it at compile
//! time from `data/idf/de-wordfreq.idf`) and `src/idf.rs` (which probes it). Keep this file free
//! of crate dependencies: the build script includes it with `#[path]`.
//!
//! Layout: `slots(n)` little-endian `u32` slots, open addressing with linear probing; a slot
//! holds 1 + the byte offset of a `word\tdf` line in the table body, or 0 when empty. The home
//! slot of a word is the top bits of [`hash`].

/// Number of slots for `n` words: a power of two with load ≤ 2/3.
pub const fn slots(n: usize) -> usize {
    let want = n + n / 2 + 1;
    want.next_power_of_two()
}

/// A fast 64-bit hash of a word's bytes (FxHash-style mixing over 8-byte chunks plus a final
/// avalanche, so the top bits are usable as a slot number).
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
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(K);
    }
    // murmur3 finaliser
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Home slot of a hash in a table of `slots` slots (a power of two).
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

/// Build the slot array for a table body (`word\tdf` lines).
pub fn build(body: &str) -> Vec<u32> {
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
        table[i] = u32::try_from(off + 1).expect("IDF table body under 4 GiB");
    }
    table
}
