//! Character classes and scanning helpers shared by all stages: terminators, closers, openers,
//! emoji, bullets; stepping over chars and whitespace by byte offset; trimming ranges.

use std::ops::Range;

/// Sentence terminators.
pub(super) fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Characters that may close a sentence after its terminator: closing brackets and any quote.
pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | '"' | '\'' | '“' | '”' | '‘' | '’' | '»' | '«' | '›' | '‹'
    )
}

/// Characters that may open a sentence before its first word.
pub(super) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '"' | '\'' | '„' | '‚' | '“' | '‘' | '»' | '«' | '›' | '‹'
    )
}

/// Emoji, flags and their joiners/modifiers (a generous approximation of Extended_Pictographic).
pub(super) fn is_emoji(c: char) -> bool {
    matches!(
        c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2300..=0x23FF
            | 0xFE0F | 0x200D | 0xE0020..=0xE007F
    )
}

/// List bullets that may start a line.
pub(super) fn is_bullet(c: char) -> bool {
    "•◦▪▫‣⁃●○■□►▶➢➤→✓✔✗✘★☆◆◇·–—-*+".contains(c)
}

/// The char starting at byte `i` (which must be a char boundary), if any.
pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// The char ending at byte `i` (which must be a char boundary), if any.
pub(super) fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// First byte at or after `i` (and before `end`) that is not whitespace, or `end`.
pub(super) fn skip_ws(text: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        match char_at(text, i) {
            Some(c) if c.is_whitespace() => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// Byte after the last non-whitespace char before `i` (not going below `start`).
pub(super) fn skip_ws_back(text: &str, start: usize, mut i: usize) -> usize {
    while i > start {
        match char_before(text, i) {
            Some(c) if c.is_whitespace() => i -= c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// `range` shrunk to drop surrounding whitespace.
pub(super) fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return range.start..range.start;
    }
    range.start + lead..range.end - trail
}

pub(super) fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, range: Range<usize>) {
    let r = trim_range(text, range);
    if !r.is_empty() {
        out.push(r);
    }
}

/// Index of the first byte at or after `from` for which `pred` holds. Checks 16 bytes at a
/// time first (the compiler vectorizes that), as most bytes are of no interest.
#[inline]
pub(super) fn find_byte(bytes: &[u8], from: usize, pred: impl Fn(u8) -> bool) -> Option<usize> {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 16) {
        if chunk.iter().fold(false, |any, &b| any | pred(b)) {
            break;
        }
        i += 16;
    }
    bytes[i.min(bytes.len())..]
        .iter()
        .position(|&b| pred(b))
        .map(|k| i + k)
}
