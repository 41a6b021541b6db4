//! Stage 1: lines and blocks. The text is cut into non-blank lines; each line break is judged
//! hard (it ends a sentence) or soft (a wrap inside one), and the runs of lines between hard
//! breaks are the blocks the later stages work on.

use std::ops::Range;

use super::boundaries::{cluster_start, is_break};
use super::chars::{find_byte, is_bullet, trim_range};
use super::words::NON_FINAL_SET;

/// A non-blank line: trimmed byte range, and whether a paragraph break precedes it.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    para_before: bool,
}

/// The non-blank lines of `text`, trimmed.
fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut para = false;
    let mut i = 0;
    let mut push = |start: usize, end: usize, para: &mut bool, forced_para: bool| {
        let r = trim_range(text, start..end);
        if r.is_empty() {
            *para = true;
        } else {
            out.push(Line {
                start: r.start,
                end: r.end,
                para_before: *para,
            });
            *para = false;
        }
        if forced_para {
            *para = true;
        }
    };
    while let Some(j) = find_byte(bytes, i, |b| matches!(b, 0x0A..=0x0D | 0xC2 | 0xE2)) {
        i = j;
        let b = bytes[i];
        // (break length, forces a paragraph break)
        let brk = match b {
            b'\n' | 0x0B => Some((1, false)),
            b'\r' => Some((
                if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                },
                false,
            )),
            0x0C => Some((1, true)),
            0xC2 if bytes.get(i + 1) == Some(&0x85) => Some((2, false)),
            0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                Some(0xA8) => Some((3, false)),
                Some(0xA9) => Some((3, true)),
                _ => None,
            },
            _ => None,
        };
        match brk {
            Some((len, forced)) => {
                push(line_start, i, &mut para, forced);
                i += len;
                line_start = i;
            }
            None => i += 1,
        }
    }
    push(line_start, bytes.len(), &mut para, false);
    out
}

/// Length of a line in chars.
fn char_len(s: &str) -> usize {
    s.bytes().filter(|b| (b & 0xC0) != 0x80).count()
}

/// Line-width facts used to recognise text hard-wrapped at a fixed width.
struct Layout {
    /// Longest line in chars.
    width: usize,
    /// Whether several lines come close to `width` (a sign of fixed-width wrapping).
    wrapped: bool,
}

impl Layout {
    fn new(text: &str, lines: &[Line]) -> Layout {
        let lens: Vec<usize> = lines
            .iter()
            .map(|l| char_len(&text[l.start..l.end]))
            .collect();
        let width = lens.iter().copied().max().unwrap_or(0);
        let near_full = lens.iter().filter(|&&n| n * 5 >= width * 4).count();
        Layout {
            width,
            wrapped: width >= 40 && near_full >= 3,
        }
    }
}

/// Maximal byte ranges of `text` that contain no sentence-ending line break (paragraph breaks
/// and hard line breaks split blocks; soft wraps stay inside).
pub(super) fn hard_blocks(text: &str) -> Vec<Range<usize>> {
    let lines = lines(text);
    let mut blocks = Vec::new();
    let Some(first) = lines.first() else {
        return blocks;
    };
    let layout = (lines.len() > 1).then(|| Layout::new(text, &lines));
    let mut start = first.start;
    for pair in lines.windows(2) {
        let (p, n) = (pair[0], pair[1]);
        let hard = n.para_before
            || layout
                .as_ref()
                .is_some_and(|layout| line_break_is_hard(text, p, n, layout));
        if hard {
            blocks.push(start..p.end);
            start = n.start;
        }
    }
    blocks.push(start..lines[lines.len() - 1].end);
    blocks
}

/// Whether a line starts with a list bullet (`• …`, `- …`).
fn starts_with_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    let Some(c) = chars.next() else { return false };
    is_bullet(c)
        && (matches!(c, '•' | '▪' | '●' | '■') || chars.next().is_some_and(char::is_whitespace))
}

/// Whether a line starts with a list number: `1.`, `12)`, `a)`.
fn starts_with_number(line: &str) -> bool {
    let mut chars = line.chars();
    let Some(c) = chars.next() else { return false };
    let rest = chars.as_str();
    if c.is_ascii_digit() {
        let digits = 1 + rest.bytes().take_while(u8::is_ascii_digit).count();
        let after = &line[digits..];
        return digits <= 3
            && (after.starts_with(". ") || after.starts_with(") ") || after.starts_with(".\t"));
    }
    if c.is_alphabetic() && c.is_lowercase() {
        return rest.starts_with(") ");
    }
    false
}

/// An all-caps line such as `RECHTLICHE HINWEISE`.
fn is_heading(line: &str) -> bool {
    let mut letters = 0;
    for c in line.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 4
}

/// Whether the line break between lines `p` and `n` ends a sentence.
fn line_break_is_hard(text: &str, p: Line, n: Line, layout: &Layout) -> bool {
    let pl = &text[p.start..p.end];
    let nl = &text[n.start..n.end];
    if starts_with_bullet(nl) || is_heading(nl) || is_heading(pl) {
        return true;
    }
    let numbered = starts_with_number(nl);
    let (cs, has_term) = cluster_start(text, p.start, p.end);
    if has_term && cs > p.start {
        return numbered || is_break(text, cs, p.end, n.start, p.start, true);
    }
    // No terminator: does the line read as complete?
    let last = pl.chars().next_back().unwrap_or(' ');
    let word_start = pl
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let last_word = &pl[word_start..];
    let goes_on = matches!(
        last,
        ',' | ';' | '-' | '‐' | '–' | '—' | '/' | '(' | '„' | '‚' | '&' | '+'
    ) || (!last_word.is_empty()
        && NON_FINAL_SET.contains(last_word.to_lowercase().as_str()));
    if goes_on {
        // "am Sonntag, dem\n12. Juni": a wrapped date, not a list.
        return false;
    }
    if numbered {
        return true;
    }
    if last == ':' {
        return false;
    }
    let several_words = pl.contains(char::is_whitespace);
    let first = nl.chars().next().unwrap_or(' ');
    if first.is_lowercase() && several_words {
        return false;
    }
    if layout.wrapped && several_words {
        let plen = char_len(pl);
        let next_word = nl.split(char::is_whitespace).next().unwrap_or("");
        if plen + 1 + char_len(next_word) > layout.width && plen * 5 >= layout.width * 3 {
            return false;
        }
    }
    true
}
