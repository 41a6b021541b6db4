//! The embedded background table: document frequencies of German word forms
//! (`data/idf/de-wordfreq.idf`, made by `scripts/gen_idf.py` from wordfreq, CC BY-SA 4.0), and
//! the Snowball stems of its words.
//!
//! The table is searched in place through a hash index that `build.rs` computes at compile time
//! (`background_index.rs`), so using it costs no parsing at start-up and one hash plus a probe
//! or two per word. The index also stores each table word's stem (computed by the build script
//! with rust-stemmers), which spares the tokenizer the stemmer for most words of German text.
//!
//! This is data, below the tokenizer and the IDF tables: [`crate::idf::IdfTable::embedded`]
//! weighs words with it (the scorer asks once per distinct word of each document, some 150,000
//! times for 1,000 news articles, hence the inlined look-up without `memcmp` or copies), the
//! tokenizer reads stems from it (once per distinct surface form, as it caches its analyses).

use std::borrow::Cow;
use std::sync::LazyLock;

#[path = "background_index.rs"]
#[allow(dead_code)] // `build`, `slots` and `stem_code` are for build.rs only
mod index;

/// The table file: a `#` header with `# docs: N`, then `word<TAB>df` lines sorted by bytes.
pub(crate) const TABLE: &str = include_str!("../../data/idf/de-wordfreq.idf");
/// `index::build` of the table's body, made by `build.rs`.
const INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/de-wordfreq.idx"));

/// The table's body (the `word\tdf` lines), found once: finding it scans the header, which would
/// cost more than a look-up.
static BODY: LazyLock<&'static str> = LazyLock::new(|| index::body(TABLE));

/// The body of a table file in the IDF format: the text after its `#` header lines (the part
/// the build script's index points into, so one definition serves every table).
pub(crate) fn table_body(text: &str) -> &str {
    index::body(text)
}

/// The table's `word\tdf` lines.
pub(crate) fn body() -> &'static str {
    &BODY
}

/// Table keys are case-folded the way wordfreq folds German: `ß` becomes `ss`.
pub(crate) fn table_key(lower: &str) -> Cow<'_, str> {
    if lower.contains('ß') {
        Cow::Owned(lower.replace('ß', "ss"))
    } else {
        Cow::Borrowed(lower)
    }
}

/// Number of documents of the table that contain the lower-cased word `lower` (0 if unknown).
#[inline(always)]
pub(crate) fn df(lower: &str) -> u64 {
    let Some((key, _, line)) = entry(lower) else {
        return 0;
    };
    parse_count(&line[key.len() + 1..])
}

/// The decimal number that `text` starts with (0 if none). Counts of up to 8 digits (all of the
/// table's: it models 10⁷ documents) are read 8 bytes at once, as a digit loop would cost the
/// scorer more than the rest of the look-up.
#[inline(always)]
fn parse_count(text: &[u8]) -> u64 {
    let slow = |text: &[u8]| {
        let mut n = 0u64;
        for &d in text {
            let digit = d.wrapping_sub(b'0');
            if digit > 9 {
                break;
            }
            n = n * 10 + u64::from(digit);
        }
        n
    };
    let Some(first) = text.first_chunk::<8>() else {
        return slow(text);
    };
    // each byte minus '0': digits become 0..=9, every other byte has a high nibble once 6 is
    // added (carries only run into later bytes, past the first non-digit)
    let x = u64::from_le_bytes(*first) ^ 0x3030_3030_3030_3030;
    let other = (x | x.wrapping_add(0x0606_0606_0606_0606)) & 0xF0F0_F0F0_F0F0_F0F0;
    let len = (other.trailing_zeros() / 8) as usize;
    if len == 8 {
        return slow(text);
    }
    if len == 0 {
        return 0;
    }
    // the digits at the top, zeros (leading zeros of the number) below: then pairs, quads and
    // the whole number, first byte most significant
    let v = x << (8 * (8 - len));
    let v = (v * 10 + (v >> 8)) & 0x00FF_00FF_00FF_00FF;
    let v = (v * 100 + (v >> 16)) & 0x0000_FFFF_0000_FFFF;
    (v * 10_000 + (v >> 32)) & 0xFFFF_FFFF
}

/// Appends the Snowball German stem of the lower-cased word `lower` to `out` when the build
/// script stored it, and says whether it did (if not, the caller stems the word itself).
pub(crate) fn stem_into(lower: &str, out: &mut String) -> bool {
    let Some((key, slot, _)) = entry(lower) else {
        return false;
    };
    let code = (slot >> index::OFFSET_BITS) as u8;
    if code == index::NO_STEM {
        return false;
    }
    let code = usize::from(code);
    // The stem is the key's first `code` bytes with umlauts folded: a plain copy when those
    // bytes hold no ä, ö or ü (their first byte in UTF-8 is 0xC3).
    if let Some(prefix) = key.get(..code)
        && !prefix.bytes().any(|b| b == 0xC3)
    {
        out.push_str(prefix);
        return true;
    }
    let end = out.len() + code;
    for c in key.chars().map(index::fold) {
        if out.len() >= end {
            break;
        }
        out.push(c);
    }
    true
}

/// The table entry of the lower-cased word `lower`: its key ([`table_key`]), index slot and
/// line (from the key on).
#[inline(always)]
fn entry(lower: &str) -> Option<(Cow<'_, str>, u32, &'static [u8])> {
    // No table key holds a ß (a test checks it), so the word is looked up as it is and folded
    // only when that fails: most words are found, and most words have no ß.
    if let Some((slot, line)) = find(lower) {
        return Some((Cow::Borrowed(lower), slot, line));
    }
    // ß is 0xC3 0x9F in UTF-8: a byte scan rules most words out before the char search
    if !lower.bytes().any(|b| b == 0x9F) {
        return None;
    }
    let Cow::Owned(key) = table_key(lower) else {
        return None;
    };
    let (slot, line) = find(&key)?;
    Some((Cow::Owned(key), slot, line))
}

/// `line` starts with `key` (which is shorter): compared 8 bytes at a time, as a call of
/// `memcmp` costs more than the comparison of a word.
#[inline]
fn starts_with(line: &[u8], key: &[u8]) -> bool {
    let n = key.len();
    let word = |b: &[u8], i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
    if n < 8 {
        return line[..n].iter().zip(key).all(|(a, b)| a == b);
    }
    let mut i = 0;
    while i + 8 <= n {
        if word(line, i) != word(key, i) {
            return false;
        }
        i += 8;
    }
    // the last bytes, in a word that overlaps the last one compared
    i == n || word(line, n - 8) == word(key, n - 8)
}

/// The index slot of the (folded) `key` and the table line from the key on, if the table has
/// the key.
#[inline(always)]
fn find(key: &str) -> Option<(u32, &'static [u8])> {
    let body = body().as_bytes();
    let slots = INDEX.len() / 4;
    let slot = |i: usize| {
        let b = &INDEX[i * 4..i * 4 + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    };
    let mut i = index::home(index::hash(key.as_bytes()), slots);
    loop {
        let s = slot(i);
        if s == 0 {
            return None;
        }
        let line = &body[(s & index::OFFSET_MASK) as usize - 1..];
        if line.len() > key.len() && line[key.len()] == b'\t' && starts_with(line, key.as_bytes()) {
            return Some((s, line));
        }
        i = (i + 1) & (slots - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_is_found_through_the_index() {
        let mut prev = "";
        for line in body().lines() {
            let (w, df_text) = line.split_once('\t').unwrap();
            assert!(prev < w, "not sorted: {prev:?} then {w:?}");
            // look-ups fold ß only for words not found as they are
            assert!(!w.contains('ß'), "{w}: table keys are folded");
            prev = w;
            assert_eq!(df(w), df_text.parse::<u64>().unwrap(), "{w}");
        }
        // prefixes and extensions of listed words are not hits
        assert_eq!(df("lieferkett"), 0);
        assert_eq!(df("lieferkettenx"), 0);
        assert_eq!(df(""), 0);
        assert!(df("größe") > 0, "non-ASCII keys are found, ß folded to ss");
        assert_eq!(df("größe"), df("grösse"));
    }

    #[test]
    fn counts_are_parsed_like_decimal_numbers() {
        for text in [
            "0\n",
            "7\n",
            "42\nabc",
            "1234567\n",
            "12345678\n",
            "123456789\n",
            "10000000",
            "99\t",
            "",
            "\n12",
            "5",
            "3456\n\u{e4}\u{f6}\u{fc}\u{df}x",
        ] {
            let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
            let expected = digits.parse::<u64>().unwrap_or(0);
            assert_eq!(parse_count(text.as_bytes()), expected, "{text:?}");
        }
    }

    #[test]
    fn hash_reads_the_last_bytes_as_zero_padded_words() {
        // the reference: the rest copied into a zeroed buffer
        fn reference(bytes: &[u8]) -> u64 {
            const K: u64 = 0x517c_c1b7_2722_0a95;
            let mut h = bytes.len() as u64;
            for c in bytes.chunks(8) {
                let mut buf = [0u8; 8];
                buf[..c.len()].copy_from_slice(c);
                h = (h.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(K);
            }
            h ^= h >> 33;
            h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
            h ^= h >> 33;
            h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
            h ^ (h >> 33)
        }
        let text = "größenordnungsmäßig-lieferkettensorgfaltspflichtengesetz";
        for end in 0..=text.len() {
            let b = &text.as_bytes()[..end];
            assert_eq!(index::hash(b), reference(b), "{end} bytes");
        }
    }

    #[test]
    fn stems_stored_in_the_index_are_the_stemmers() {
        // build.rs stores each table word's Snowball stem; the tokenizer trusts it instead of
        // the stemmer, so it must agree with rust-stemmers for every word, with and without ß
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::German);
        let (mut stored, mut words) = (0, 0);
        for line in body().lines() {
            let (w, _) = line.split_once('\t').unwrap();
            words += 1;
            for lower in [w.to_string(), w.replace("ss", "ß")] {
                let mut out = String::from("prefix:");
                if stem_into(&lower, &mut out) {
                    stored += 1;
                    assert_eq!(&out["prefix:".len()..], stemmer.stem(&lower), "{lower}");
                } else {
                    assert_eq!(out, "prefix:", "nothing appended without a stored stem");
                }
            }
        }
        // nearly every word's stem is stored (the rest go to the stemmer at run time)
        assert!(
            stored >= words * 2 * 99 / 100,
            "{stored} of {} stored",
            words * 2
        );
        let mut out = String::new();
        assert!(!stem_into("xyzzyquux", &mut out));
        assert!(out.is_empty());
    }
}
