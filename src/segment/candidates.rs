//! Stage 2: candidate boundaries within a block, from UAX #29 (`unicode-segmentation`) on small
//! windows around each terminator, plus the places UAX #29 misses.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::chars::{char_at, char_before, find_byte, is_terminator};

/// Candidate boundaries in `block`: the UAX #29 sentence boundaries that follow one of our
/// terminators, plus a few UAX #29 misses.
///
/// UAX #29 only puts a boundary after a terminator, closing punctuation and spaces, and its
/// rules look one char back (SB7) and ahead to the next letter (SB8). So instead of one pass
/// over the whole text, the UAX #29 iterator runs on a small window around each terminator:
/// from the char before it to the first letter after it. Boundaries after other UAX #29
/// terminators (`。`, `।`, …) and after line breaks would be dropped by the repair step
/// anyway. A test checks that this gives the same sentences as the whole-text pass.
///
/// The misses: after `…` (not a terminator in UAX #29), and before a number, bracket or URL
/// after a terminator ("… Hintergrund. 2014 hatte es …", "… gesagt. (red, 2.9.2015)": rule
/// SB8 looks past them for a lower-case letter and finds one).
pub(super) fn find_candidates(text: &str, block: Range<usize>, out: &mut Vec<usize>) {
    let bytes = &text.as_bytes()[..block.end];
    let mut i = block.start;
    // Up to where the last UAX #29 window reached: a terminator before that (the "!" of "?!")
    // needs no window of its own, as it would end at the same letter.
    let mut covered = block.start;
    while let Some(t) = find_byte(bytes, i, |b| matches!(b, b'.' | b'!' | b'?' | 0xE2)) {
        let c = char_at(text, t).unwrap_or(' ');
        i = t + c.len_utf8();
        if !is_terminator(c) {
            continue;
        }
        if c == '…' {
            out.push(i);
        } else if c != '.' || bytes.get(i) != Some(&b'.') {
            // (only after the last dot of "...")
            if missed_start_after_space(bytes, i) {
                out.push(i);
            }
        }
        if t < covered {
            continue;
        }
        // The UAX #29 window: from the char before the terminator (and any marks on it) to
        // the first cased letter after the terminator run (or past a line break).
        let mut start = t;
        for _ in 0..16 {
            let Some(c) = char_before(text, start).filter(|_| start > block.start) else {
                break;
            };
            start -= c.len_utf8();
            if c.is_ascii() || c.is_whitespace() || is_base_letter(c) {
                break;
            }
        }
        let mut end = i;
        while let Some(c) = char_at(&text[..block.end], end) {
            end += c.len_utf8();
            if is_base_letter(c) {
                covered = end - c.len_utf8();
                break;
            }
            if matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}') {
                // SB11 breaks after the line break: take the char after it too.
                if c == '\r' && bytes.get(end) == Some(&b'\n') {
                    end += 1;
                }
                covered = end;
                end += char_at(&text[..block.end], end).map_or(0, char::len_utf8);
                break;
            }
            covered = end;
        }
        out.extend(
            text[start..end]
                .split_sentence_bound_indices()
                .map(|(k, _)| start + k)
                .filter(|&k| k > start),
        );
    }
    out.sort_unstable();
    out.dedup();
}

/// A cased letter that is not a combining mark: where the UAX #29 look-ahead (SB8) stops.
fn is_base_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ((c.is_lowercase() || c.is_uppercase())
            && !matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
                | 0x20D0..=0x20FF | 0xFE20..=0xFE2F))
}

/// Whether `bytes[i..]` is a space, tab or NBSP followed by what UAX #29 may not see as a
/// sentence start: a digit, an opening bracket or a URL.
pub(super) fn missed_start_after_space(bytes: &[u8], i: usize) -> bool {
    let mut rest = &bytes[i.min(bytes.len())..];
    let mut spaces = 0;
    loop {
        rest = match rest {
            [b' ' | b'\t', tail @ ..] | [0xC2, 0xA0, tail @ ..] => tail,
            _ => break,
        };
        spaces += 1;
    }
    if spaces == 0 {
        return false;
    }
    matches!(rest.first(), Some(b'0'..=b'9' | b'(')) || starts_with_url(rest)
}

/// Whether `bytes` starts with a URL (`http://`, `https://`, `www.`, `pic.twitter.com`).
pub(super) fn starts_with_url(bytes: &[u8]) -> bool {
    bytes.starts_with(b"http://")
        || bytes.starts_with(b"https://")
        || bytes.starts_with(b"www.")
        || bytes.starts_with(b"pic.twitter.com")
}
