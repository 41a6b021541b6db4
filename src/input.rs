//! Input stage: bytes → text.
//!
//! **Text** ([`decode`]): UTF-8 with or without a byte-order mark is the default. Invalid UTF-8
//! is an error naming the byte offset; `Encoding::Latin1` decodes Latin-1 / Windows-1252 instead
//! (with `encoding_rs`, the WHATWG mapping browsers use). UTF-16 input (with its BOM) is
//! recognised and decoded, since Windows editors still write it.
//!
//! **Web pages** ([`decode_page`]) are decoded as a browser does: a byte-order mark decides;
//! else the page is read as UTF-8 when it is valid UTF-8; else in the encoding its
//! `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` declares
//! (looked for in its first 8 KB, comments skipped); else, without a declaration, as UTF-8 when
//! most of its non-ASCII bytes form UTF-8 sequences, and as Windows-1252 (the default browsers
//! use for German pages) otherwise. Bytes that are invalid in the chosen encoding (a stray
//! Latin-1 byte in a UTF-8 page) become U+FFFD, and a [`Warning`] names how many and where the
//! first is.
//!
//! Both reject input with NUL bytes as binary, and input without any non-whitespace character
//! as empty.

use std::fmt;

use crate::error::{Error, ErrorKind, Result};

/// How to decode input bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// Text as [`Encoding::Utf8`]; a web page as a browser decodes it ([`decode_page`]).
    #[default]
    Auto,
    /// UTF-8, an optional BOM is dropped; a UTF-16 BOM switches to UTF-16.
    Utf8,
    /// Windows-1252, a superset of the printable ISO-8859-1 (Latin-1) range.
    Latin1,
}

impl std::str::FromStr for Encoding {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(Encoding::Auto),
            "utf8" | "utf-8" => Ok(Encoding::Utf8),
            "latin1" | "latin-1" | "iso-8859-1" | "iso8859-1" | "cp1252" | "windows-1252" => {
                Ok(Encoding::Latin1)
            }
            other => Err(ErrorKind::InvalidOption(format!(
                "unknown encoding '{other}' (use auto, utf8 or latin1)"
            ))
            .into()),
        }
    }
}

/// Something worth telling about input that was read all the same.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Warning {
    /// Byte sequences invalid in the page's encoding were replaced with U+FFFD.
    InvalidBytes {
        /// The encoding the page was decoded with (its WHATWG name, e.g. `UTF-8`).
        encoding: &'static str,
        /// How many invalid sequences were replaced.
        count: usize,
        /// Byte offset of the first one in the input.
        first: usize,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::InvalidBytes {
                encoding,
                count,
                first,
            } => {
                let what = if *count == 1 {
                    "1 byte sequence".to_string()
                } else {
                    format!("{count} byte sequences")
                };
                write!(
                    f,
                    "{what} not valid in {encoding} replaced with U+FFFD (the first at byte {first})"
                )
            }
        }
    }
}

/// A web page decoded by [`decode_page`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedPage {
    /// The page as text, without a byte-order mark.
    pub text: String,
    /// The encoding used (its WHATWG name: `UTF-8`, `windows-1252`, `ISO-8859-2`, …).
    pub encoding: &'static str,
    /// Invalid bytes that were replaced, if any.
    pub warnings: Vec<Warning>,
}

/// Decode `bytes` as text, checking that there is something to read.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<String> {
    let text = match encoding {
        Encoding::Auto | Encoding::Utf8 => decode_utf8(bytes)?,
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

/// How far into a page to look for a `<meta>` charset declaration. The HTML standard's
/// pre-scan reads 1,024 bytes; pages with long `<head>`s declare it later, and browsers then
/// still honour it (they re-parse), so kernsatz looks further.
const PRESCAN_BYTES: usize = 8 * 1024;

/// Decode a web page as a browser does (see the [module documentation](self)).
pub fn decode_page(bytes: &[u8]) -> Result<DecodedPage> {
    let (encoding, body, skipped) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, bom)) => (enc, &bytes[bom..], bom),
        None => (choose_page_encoding(bytes), bytes, 0),
    };
    if encoding != encoding_rs::UTF_16LE && encoding != encoding_rs::UTF_16BE {
        check_binary(body).map_err(|e| shift(e, skipped))?;
    }
    let (text, invalid) = decode_counting(encoding, body);
    if text.contains('\0') {
        return Err(ErrorKind::Binary { offset: skipped }.into());
    }
    if text.trim().is_empty() {
        return Err(ErrorKind::EmptyInput.into());
    }
    let warnings = invalid
        .map(|(count, first)| Warning::InvalidBytes {
            encoding: encoding.name(),
            count,
            first: first + skipped,
        })
        .into_iter()
        .collect();
    Ok(DecodedPage {
        text,
        encoding: encoding.name(),
        warnings,
    })
}

/// The encoding of a page without a byte-order mark.
fn choose_page_encoding(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return encoding_rs::UTF_8;
    }
    if let Some(declared) = declared_encoding(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
        return declared;
    }
    // No declaration: UTF-8 with a few stray bytes, or a legacy single-byte page?
    let (mut valid, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid += s.bytes().filter(|b| *b >= 0xC0).count();
                break;
            }
            Err(e) => {
                let ok = &rest[..e.valid_up_to()];
                valid += ok.iter().filter(|b| **b >= 0xC0).count();
                invalid += 1;
                rest = &rest
                    [e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to())..];
            }
        }
    }
    if valid > invalid * 4 {
        encoding_rs::UTF_8
    } else {
        encoding_rs::WINDOWS_1252
    }
}

/// Decode with replacement, counting the invalid sequences: the text, and (count, offset of
/// the first) when there were any.
fn decode_counting(
    encoding: &'static encoding_rs::Encoding,
    bytes: &[u8],
) -> (String, Option<(usize, usize)>) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3);
    let mut text = String::with_capacity(cap);
    let mut read = 0;
    let mut count = 0;
    let mut first = None;
    loop {
        let (result, n) =
            decoder.decode_to_string_without_replacement(&bytes[read..], &mut text, true);
        read += n;
        match result {
            encoding_rs::DecoderResult::InputEmpty => break,
            encoding_rs::DecoderResult::OutputFull => {
                text.reserve(bytes.len() - read + 16);
            }
            encoding_rs::DecoderResult::Malformed(bad, after) => {
                count += 1;
                first.get_or_insert(read - after as usize - bad as usize);
                text.push('\u{FFFD}');
            }
        }
    }
    (text, first.map(|f| (count, f)))
}

/// The encoding a page declares in a `<meta>` tag within `head` (the first bytes of the page),
/// following the HTML standard's pre-scan: comments are skipped, `<meta charset=…>` and
/// `<meta http-equiv="Content-Type" content="…charset=…">` count; a declared UTF-16 means UTF-8
/// (the bytes are not UTF-16, or there would be a BOM), `x-user-defined` Windows-1252.
fn declared_encoding(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let b = head;
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        if rest.starts_with(b"<!--") {
            i = find_bytes(b, i + 4, b"-->").map_or(b.len(), |p| p + 3);
            continue;
        }
        if rest.len() > 6
            && rest[..5].eq_ignore_ascii_case(b"<meta")
            && matches!(rest[5], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/')
        {
            let (attrs, end) = tag_attributes(b, i + 5);
            i = end;
            if let Some(enc) = meta_charset(&attrs) {
                return Some(enc);
            }
            continue;
        }
        if rest.len() > 1
            && rest[0] == b'<'
            && (rest[1].is_ascii_alphabetic()
                || (rest[1] == b'/' && rest.get(2).is_some_and(u8::is_ascii_alphabetic)))
        {
            let name_end = rest
                .iter()
                .position(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>'))
                .unwrap_or(rest.len());
            i = tag_attributes(b, i + name_end).1;
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            i = b[i..]
                .iter()
                .position(|&c| c == b'>')
                .map_or(b.len(), |p| i + p + 1);
            continue;
        }
        i += 1;
    }
    None
}

/// The charset a `<meta>` tag's attributes declare, if any.
fn meta_charset(attrs: &[(String, String)]) -> Option<&'static encoding_rs::Encoding> {
    let mut got_pragma = false;
    let mut need_pragma = None;
    let mut charset = None;
    for (name, value) in attrs {
        match name.as_str() {
            "http-equiv" if value.trim().eq_ignore_ascii_case("content-type") => got_pragma = true,
            "content" if charset.is_none() => {
                if let Some(c) = charset_in_content(value) {
                    charset = Some(c);
                    need_pragma = Some(true);
                }
            }
            "charset" => {
                charset = Some(value.clone());
                need_pragma = Some(false);
            }
            _ => {}
        }
    }
    match need_pragma {
        None => return None,
        Some(true) if !got_pragma => return None,
        _ => {}
    }
    let enc = encoding_rs::Encoding::for_label(charset?.trim().as_bytes())?;
    Some(
        if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else if enc == encoding_rs::X_USER_DEFINED {
            encoding_rs::WINDOWS_1252
        } else {
            enc
        },
    )
}

/// `text/html; charset=iso-8859-1` → `iso-8859-1`.
fn charset_in_content(content: &str) -> Option<String> {
    let lower = content.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find("charset") {
        let mut rest = lower[from + p + 7..].trim_start();
        if let Some(r) = rest.strip_prefix('=') {
            rest = r.trim_start();
            let value = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => rest[1..]
                    .split(q)
                    .next()
                    .filter(|_| rest[1..].contains(q))?,
                _ => rest
                    .split(|c: char| c.is_ascii_whitespace() || c == ';')
                    .next()
                    .unwrap_or(""),
            };
            return (!value.is_empty()).then(|| value.to_string());
        }
        from += p + 7;
    }
    None
}

/// The attributes of a tag from just after its name (lower-cased names, raw values), and the
/// index after its `>`.
fn tag_attributes(b: &[u8], mut k: usize) -> (Vec<(String, String)>, usize) {
    let ws = |c: u8| matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ');
    let mut attrs = Vec::new();
    loop {
        while k < b.len() && (ws(b[k]) || b[k] == b'/') {
            k += 1;
        }
        if k >= b.len() {
            return (attrs, b.len());
        }
        if b[k] == b'>' {
            return (attrs, k + 1);
        }
        let start = k;
        k += 1;
        while k < b.len() && !ws(b[k]) && !matches!(b[k], b'/' | b'>' | b'=') {
            k += 1;
        }
        let name = String::from_utf8_lossy(&b[start..k]).to_ascii_lowercase();
        while k < b.len() && ws(b[k]) {
            k += 1;
        }
        let mut value = String::new();
        if k < b.len() && b[k] == b'=' {
            k += 1;
            while k < b.len() && ws(b[k]) {
                k += 1;
            }
            if k < b.len() && (b[k] == b'"' || b[k] == b'\'') {
                let q = b[k];
                let end = b[k + 1..]
                    .iter()
                    .position(|&c| c == q)
                    .map_or(b.len(), |p| k + 1 + p);
                value = String::from_utf8_lossy(&b[k + 1..end]).into_owned();
                k = (end + 1).min(b.len());
            } else {
                let start = k;
                while k < b.len() && !ws(b[k]) && b[k] != b'>' {
                    k += 1;
                }
                value = String::from_utf8_lossy(&b[start..k]).into_owned();
            }
        }
        attrs.push((name, value));
    }
}

fn find_bytes(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    if from >= b.len() {
        return None;
    }
    memchr::memmem::find(&b[from..], pat).map(|p| from + p)
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
