//! `input::decode` on arbitrary bytes with both encodings, and `input::decode_page`: never
//! panics, error and warning offsets point into the input, success means there is non-blank
//! text, and valid UTF-8 decodes to itself.
#![no_main]

use kernsatz::ErrorKind;
use kernsatz::input::{Encoding, Warning, decode, decode_page};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    for enc in [Encoding::Utf8, Encoding::Latin1] {
        match decode(bytes, enc) {
            Ok(text) => {
                assert!(!text.trim().is_empty(), "{enc:?}: blank text accepted");
                assert!(!text.contains('\0'), "{enc:?}: NUL in decoded text");
                if enc == Encoding::Latin1 {
                    assert_eq!(
                        text.chars().count(),
                        bytes.len(),
                        "Latin-1 is one char per byte"
                    );
                }
            }
            Err(e) => match e.kind() {
                ErrorKind::Decode { offset, .. } | ErrorKind::Binary { offset } => {
                    assert!(
                        *offset < bytes.len(),
                        "{enc:?}: offset {offset} past {} bytes",
                        bytes.len()
                    )
                }
                ErrorKind::EmptyInput => {}
                k => panic!("{enc:?}: unexpected error kind {k:?}"),
            },
        }
    }
    match decode_page(bytes) {
        Ok(page) => {
            assert!(!page.text.trim().is_empty(), "page: blank text accepted");
            for w in &page.warnings {
                let Warning::InvalidBytes { first, count, .. } = w else {
                    continue;
                };
                assert!(*first < bytes.len() && *count > 0, "page: warning {w:?}");
            }
        }
        Err(e) => match e.kind() {
            ErrorKind::Binary { offset } => assert!(*offset < bytes.len()),
            ErrorKind::EmptyInput => {}
            k => panic!("page: unexpected error kind {k:?}"),
        },
    }
    // plain UTF-8 without a BOM or NUL decodes to itself
    if let Ok(s) = std::str::from_utf8(bytes) {
        let bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF])
            || bytes.starts_with(&[0xFF, 0xFE])
            || bytes.starts_with(&[0xFE, 0xFF]);
        if !bom && !s.contains('\0') && !s.trim().is_empty() {
            assert_eq!(decode(bytes, Encoding::Utf8).ok().as_deref(), Some(s));
        }
    }
});
