//! GUIDs and ids: note GUIDs in Anki's base 91, and stable note, card and deck ids, both
//! derived from SHA-1 (see the module docs of [`super`]).

use sha1::{Digest, Sha1};

/// The GUID for a key: base 91 of the first 64 bits of its SHA-1 (see the module docs).
pub(super) fn guid_for_key(key: &str) -> String {
    base91(sha1_u64(key.as_bytes()))
}

/// The alphabet of Anki's base-91 GUIDs.
const BASE91: &[u8; 91] =
    b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~";

fn base91(mut n: u64) -> String {
    if n == 0 {
        return "a".to_string();
    }
    let mut digits = Vec::new();
    while n > 0 {
        digits.push(BASE91[(n % 91) as usize]);
        n /= 91;
    }
    digits.reverse();
    String::from_utf8(digits).expect("base91 alphabet is ASCII")
}

fn sha1_u64(bytes: &[u8]) -> u64 {
    let digest = Sha1::digest(bytes);
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first)
}

/// Smallest id [`stable_id`] returns: 10¹² ms after the epoch (2001-09-09), so Anki's
/// "created" column, which reads ids as millisecond timestamps, shows a date in the past.
pub(super) const ID_BASE: i64 = 1_000_000_000_000;

/// Ids spread over 2³⁹ values above [`ID_BASE`] (dates up to early 2019).
const ID_SPAN: u64 = 1 << 39;

/// A stable id for `key` within `namespace` (`"note"`, `"card"`, `"deck"`):
/// `ID_BASE + (first 64 bits of SHA-1(namespace + ":" + key)) mod ID_SPAN`.
/// Writers resolve the rare collision inside one package by adding 1 until the id is free,
/// in package order, so the result stays deterministic.
pub(super) fn stable_id(namespace: &str, key: &str) -> i64 {
    let h = sha1_u64(format!("{namespace}:{key}").as_bytes());
    ID_BASE + (h % ID_SPAN) as i64
}

/// Returns `id`, or the next free id above it, and marks it taken.
pub(super) fn unique_id(mut id: i64, taken: &mut Vec<i64>) -> i64 {
    while taken.contains(&id) {
        id += 1;
    }
    taken.push(id);
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guid_of_known_key_is_fixed() {
        // Expected value computed independently with Python 3:
        //   import hashlib
        //   A = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
        //   n = int.from_bytes(hashlib.sha1("vocab:Lieferkette".encode()).digest()[:8], "big")
        //   s = ""
        //   while n: s = A[n % 91] + s; n //= 91
        //   print(s)
        assert_eq!(guid_for_key("vocab:Lieferkette"), GUID_LIEFERKETTE);
        // Umlauts are hashed as UTF-8 (same Python recipe with "vocab:Wärmepumpe").
        assert_eq!(guid_for_key("vocab:Wärmepumpe"), GUID_WAERMEPUMPE);
    }

    const GUID_LIEFERKETTE: &str = "O9gX4=16Kc";
    const GUID_WAERMEPUMPE: &str = "rX%jykR5e>";

    #[test]
    fn base91_digits() {
        assert_eq!(base91(0), "a");
        assert_eq!(base91(90), "~");
        assert_eq!(base91(91), "ba");
        assert_eq!(base91(u64::MAX).len(), 10);
    }
}
