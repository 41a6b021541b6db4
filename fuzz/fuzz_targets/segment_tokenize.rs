//! `segment::split_sentences` and `tokenize::tokenize` on arbitrary UTF-8: spans stay inside the
//! text, on char boundaries, non-empty, in order and without overlap.
#![no_main]

use kernsatz::segment::split_sentences;
use kernsatz::tokenize::{tokenize, tokenize_at};
use libfuzzer_sys::fuzz_target;

fn check_span(text: &str, start: usize, end: usize, what: &str) {
    assert!(start < end, "{what}: empty or reversed span {start}..{end}");
    assert!(
        end <= text.len(),
        "{what}: span {start}..{end} past the end ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} not on char boundaries"
    );
}

fuzz_target!(|text: &str| {
    let mut prev_end = 0;
    for r in split_sentences(text) {
        check_span(text, r.start, r.end, "sentence");
        assert!(
            r.start >= prev_end,
            "sentences overlap or go backwards at {}",
            r.start
        );
        prev_end = r.end;
        // tokens of a sentence slice, offsets shifted into the whole text
        let mut prev_tok = r.start;
        for t in tokenize_at(&text[r.clone()], r.start) {
            check_span(text, t.start, t.end, "token");
            assert!(
                t.start >= prev_tok && t.end <= r.end,
                "token outside its sentence"
            );
            prev_tok = t.end;
        }
    }
    let mut prev_end = 0;
    for t in tokenize(text) {
        check_span(text, t.start, t.end, "token");
        assert!(
            t.start >= prev_end,
            "tokens overlap or go backwards at {}",
            t.start
        );
        prev_end = t.end;
        let surface = t.surface(text);
        assert!(
            surface.chars().any(char::is_alphanumeric),
            "token {surface:?} has no letter or digit"
        );
        assert_eq!(t.lower(), surface.to_lowercase().as_str());
    }
});
