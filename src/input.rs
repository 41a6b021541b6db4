//! Input stage: bytes → text.
//!
//! UTF-8 with or without a byte-order mark is the default. Invalid UTF-8 is an error naming the
//! byte offset; `Encoding::Latin1` decodes Latin-1 / Windows-1252 instead (with `encoding_rs`,
//! the WHATWG mapping browsers use). UTF-16 input (with its BOM) is recognised and decoded,
//! since Windows editors still write it. Input with NUL bytes is rejected as binary, and input
//! without any non-whitespace character is rejected as empty.

use crate::error::{Error, ErrorKind, Result};

/// How to decode input bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8, an optional BOM is dropped; a UTF-16 BOM switches to UTF-16.
    #[default]
    Utf8,
    /// Windows-1252, a superset of the printable ISO-8859-1 (Latin-1) range.
    Latin1,
}

impl std::str::FromStr for Encoding {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "utf8" | "utf-8" => Ok(Encoding::Utf8),
            "latin1" | "latin-1" | "iso-8859-1" | "iso8859-1" | "cp1252" | "windows-1252" => {
                Ok(Encoding::Latin1)
            }
            other => Err(ErrorKind::InvalidOption(format!(
                "unknown encoding '{other}' (use utf8 or latin1)"
            ))
            .into()),
        }
    }
}

/// Decode `bytes` as text, checking that there is something to read.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<String> {
    let text = match encoding {
        Encoding::Utf8 => decode_utf8(bytes)?,
        Encoding::Latin1 => {
            check_binary(bytes)?;
            // every byte is defined in WHATWG's windows-1252 (0x81, 0x8D, … map to C1 controls)
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned()
        }
    };
    if text.trim().is_empty() {
        return Err(ErrorKind::EmptyInput.into());
    }
    Ok(text)
}

fn check_binary(bytes: &[u8]) -> Result<()> {
    match bytes.iter().position(|&b| b == 0) {
        Some(offset) => Err(ErrorKind::Binary { offset }.into()),
        None => Ok(()),
    }
}

fn decode_utf8(bytes: &[u8]) -> Result<String> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, u16::from_le_bytes, 2);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, u16::from_be_bytes, 2);
    }
    let (body, skipped) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    check_binary(body).map_err(|e| shift(e, skipped))?;
    match std::str::from_utf8(body) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let offset = e.valid_up_to() + skipped;
            let bad = &body[e.valid_up_to()..];
            let shown: Vec<String> = bad.iter().take(4).map(|b| format!("0x{b:02X}")).collect();
            Err(ErrorKind::Decode {
                offset,
                detail: format!("not UTF-8 (bytes {})", shown.join(" ")),
                latin1_likely: looks_latin1(body),
            }
            .into())
        }
    }
}

fn shift(e: Error, by: usize) -> Error {
    match e.kind() {
        ErrorKind::Binary { offset } => ErrorKind::Binary {
            offset: offset + by,
        }
        .into(),
        _ => e,
    }
}

/// Heuristic: most non-ASCII bytes are single high bytes of common German Latin-1 letters.
fn looks_latin1(bytes: &[u8]) -> bool {
    let high: Vec<u8> = bytes.iter().copied().filter(|b| *b >= 0x80).collect();
    !high.is_empty()
        && high
            .iter()
            .filter(|b| {
                matches!(
                    b,
                    0xC4 | 0xD6 | 0xDC | 0xDF | 0xE4 | 0xF6 | 0xFC | 0x84 | 0x93 | 0x96
                )
            })
            .count()
            * 2
            >= high.len()
}

fn decode_utf16(body: &[u8], read: fn([u8; 2]) -> u16, bom: usize) -> Result<String> {
    if !body.len().is_multiple_of(2) {
        return Err(ErrorKind::Decode {
            offset: bom + body.len() - 1,
            detail: "UTF-16 input with an odd number of bytes".into(),
            latin1_likely: false,
        }
        .into());
    }
    let units = body.chunks_exact(2).map(|c| read([c[0], c[1]]));
    let mut out = String::with_capacity(body.len() / 2);
    for (i, r) in char::decode_utf16(units).enumerate() {
        match r {
            Ok('\0') => {
                return Err(ErrorKind::Binary {
                    offset: bom + 2 * i,
                }
                .into());
            }
            Ok(c) => out.push(c),
            Err(_) => {
                return Err(ErrorKind::Decode {
                    offset: bom + 2 * i,
                    detail: "unpaired UTF-16 surrogate".into(),
                    latin1_likely: false,
                }
                .into());
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Größe".as_bytes(), Encoding::Utf8).unwrap(), "Größe");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("Größe".as_bytes());
        assert_eq!(decode(&b, Encoding::Utf8).unwrap(), "Größe");
    }

    #[test]
    fn invalid_utf8_names_offset_and_suggests_latin1() {
        let err = decode(b"Gr\xF6\xDFe", Encoding::Utf8).unwrap_err();
        match err.kind() {
            ErrorKind::Decode {
                offset,
                latin1_likely,
                ..
            } => {
                assert_eq!(*offset, 2);
                assert!(latin1_likely);
            }
            k => panic!("wrong kind {k:?}"),
        }
    }

    #[test]
    fn latin1_and_cp1252() {
        assert_eq!(
            decode(b"Gr\xF6\xDFe \x84x\x93 \x80", Encoding::Latin1).unwrap(),
            "Größe „x“ €"
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "Größe".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&b, Encoding::Utf8).unwrap(), "Größe");
    }

    #[test]
    fn empty_whitespace_and_binary_rejected() {
        let err = |b: &[u8]| decode(b, Encoding::Utf8).unwrap_err();
        assert!(matches!(err(b"").kind(), ErrorKind::EmptyInput));
        assert!(matches!(err(b" \n\t\r\n").kind(), ErrorKind::EmptyInput));
        assert!(matches!(
            err(b"ab\0c").kind(),
            ErrorKind::Binary { offset: 2 }
        ));
        assert!(matches!(
            err(b"\xEF\xBB\xBFab\0c").kind(),
            ErrorKind::Binary { offset: 5 }
        ));
    }
}
