//! Stage 3: repair. Each candidate boundary of a block is judged by the terminator cluster
//! before it and the word after it (abbreviations, initials, ordinals, list numbers, dates,
//! quotes, brackets); the same judgement decides line breaks that follow a terminator.

use std::ops::Range;

use super::candidates::starts_with_url;
use super::chars::{
    char_at, char_before, is_bullet, is_closer, is_emoji, is_opener, is_terminator, push_trimmed,
    skip_ws, skip_ws_back,
};
use super::words::{Abbrev, STARTER_SET, lookup_abbrev};

/// Decides the candidate boundaries of one block, appending trimmed sentence ranges to `out`.
pub(super) fn decide_block(
    text: &str,
    block: Range<usize>,
    candidates: &[usize],
    out: &mut Vec<Range<usize>>,
) {
    let mut cur = block.start;
    for &b in candidates.iter() {
        if b <= cur {
            continue;
        }
        let e = skip_ws_back(text, cur, b);
        let (cs, has_term) = cluster_start(text, cur, e);
        if !has_term || cs <= cur {
            continue;
        }
        let end = cluster_end(text, cs, block.end);
        let next = skip_ws(text, end, block.end);
        if next >= block.end {
            break;
        }
        if is_break(text, cs, end, next, cur, false) {
            push_trimmed(out, text, cur..end);
            cur = next;
            // A bracketed remark between two sentences stands alone: "… gesagt. (APA,
            // 24.9.2015) Zum Bezirk …".
            if let Some(after) = standalone_bracket_end(text, cur, block.end) {
                push_trimmed(out, text, cur..after);
                cur = skip_ws(text, after, block.end);
            }
        }
    }
    push_trimmed(out, text, cur..block.end);
}

/// If a bracketed remark without its own terminator starts at `i` and a capitalized word (or
/// a number or quote) follows it, the byte after its closing bracket.
fn standalone_bracket_end(text: &str, i: usize, limit: usize) -> Option<usize> {
    let bytes = &text.as_bytes()[..limit];
    if bytes.get(i) != Some(&b'(') {
        return None;
    }
    let len = bytes[i + 1..]
        .iter()
        .take(200)
        .position(|&b| matches!(b, b'(' | b')'))?;
    let close = i + 1 + len;
    if bytes[close] != b')' || char_before(text, close).is_some_and(is_terminator) {
        return None;
    }
    let after = close + 1;
    let next = skip_ws(text, after, limit);
    if next == after || next >= limit {
        return None;
    }
    let c = char_at(text, next)?;
    (c.is_uppercase() || c.is_ascii_digit() || (is_opener(c) && c != '(')).then_some(after)
}

/// Walks back from `e` over a terminator cluster (terminators, closers, footnote marks like
/// `[6]`, trailing emoji) and returns its start and whether it holds a terminator.
pub(super) fn cluster_start(text: &str, lower: usize, e: usize) -> (usize, bool) {
    let mut i = e;
    let mut has_term = false;
    let mut in_footnote = false;
    let mut seen_emoji = false;
    while i > lower {
        let Some(c) = char_before(text, i) else { break };
        let ok = if in_footnote {
            if c == '[' {
                in_footnote = false;
                true
            } else {
                c.is_ascii_digit() || c == ','
            }
        } else if is_terminator(c) {
            has_term = true;
            true
        } else if c == ']' {
            in_footnote = true;
            true
        } else if is_closer(c) || c == '[' {
            true
        } else if is_emoji(c) {
            seen_emoji = true;
            true
        } else {
            c == ' ' && seen_emoji && !has_term
        };
        if !ok {
            break;
        }
        i -= c.len_utf8();
    }
    if in_footnote {
        // "]" without its "[": not a footnote mark.
        return (e, false);
    }
    // The cluster proper starts at its first terminator or closer, not at spaces.
    let i = skip_ws(text, i, e);
    (i, has_term)
}

/// Scans forward from a cluster start over terminators, closers, footnote marks and emoji
/// (emoji may follow after spaces: `Großartig! 👍`). Returns the end of the sentence.
fn cluster_end(text: &str, cs: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = cs;
    while i < limit {
        let c = char_at(text, i).unwrap_or(' ');
        if is_terminator(c) || is_closer(c) {
            i += c.len_utf8();
        } else if c == '[' {
            let digits = bytes[i + 1..limit]
                .iter()
                .take_while(|b| b.is_ascii_digit() || **b == b',')
                .count();
            if digits > 0 && digits <= 8 && bytes.get(i + 1 + digits) == Some(&b']') {
                i += digits + 2;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    // Emoji after the terminator belong to the sentence.
    let mut j = i;
    let mut end = i;
    while j < limit {
        let c = char_at(text, j).unwrap_or('a');
        if is_emoji(c) || (c.is_whitespace() && !matches!(c, '\n' | '\r')) {
            j += c.len_utf8();
            if is_emoji(c) {
                end = j;
            }
        } else {
            break;
        }
    }
    end
}

/// What follows a candidate boundary.
struct Next<'a> {
    /// First char (after opening quotes/brackets) is a lower-case letter.
    lower: bool,
    /// First char is an ASCII digit.
    digit: bool,
    /// Starts with `-3` / `–3` (a range such as `1. -3. Jahrhundert`).
    dash_digit: bool,
    /// Starts with an opening quote.
    quote: bool,
    /// Starts with an opening bracket.
    bracket: bool,
    /// Starts with a URL.
    url: bool,
    /// The first word, if it starts with a letter.
    word: &'a str,
}

impl<'a> Next<'a> {
    fn at(text: &'a str, i: usize) -> Next<'a> {
        let mut j = i;
        let (mut quote, mut bracket) = (false, false);
        while let Some(c) = char_at(text, j) {
            if is_opener(c) {
                if matches!(c, '(' | '[' | '{') {
                    bracket = true;
                } else {
                    quote = true;
                }
                j += c.len_utf8();
            } else {
                break;
            }
        }
        let opener = quote || bracket;
        let first = char_at(text, j).unwrap_or(' ');
        let word_len = text[j..]
            .char_indices()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(text.len() - j, |(k, _)| k);
        let dash_digit = !opener
            && matches!(first, '-' | '–')
            && char_at(text, j + first.len_utf8()).is_some_and(|c| c.is_ascii_digit());
        Next {
            lower: first.is_lowercase(),
            digit: !opener && first.is_ascii_digit(),
            dash_digit,
            quote,
            bracket,
            url: starts_with_url(&text.as_bytes()[i..]),
            word: &text[j..j + word_len],
        }
    }

    fn is_starter(&self) -> bool {
        STARTER_SET.contains(self.word)
    }
}

/// How the token before a single `.` behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DotToken {
    Normal,
    Abbrev(Abbrev),
    /// A number like `3`, `III`, `12.03` that reads as an ordinal or date; `list` when it is the
    /// first thing in its sentence (a list number such as `1. Dies …`).
    Ordinal {
        list: bool,
    },
}

/// Classifies the token that ends right before the dot at `dot`.
fn classify_dot_token(text: &str, sentence_start: usize, dot: usize) -> DotToken {
    let mut start = dot;
    while start > sentence_start {
        let c = char_before(text, start).unwrap_or(' ');
        if c.is_alphanumeric() || matches!(c, '.' | '-' | '‐' | '/') {
            start -= c.len_utf8();
        } else {
            break;
        }
    }
    // A number glued to punctuation is a score or a decimal ("1:0.", "18,6."), not an ordinal.
    let glued = char_before(text, start)
        .is_some_and(|c| !c.is_whitespace() && !is_opener(c) && !is_bullet(c));
    // Leading punctuation is not part of the token ("-3", "/Abs").
    while start < dot {
        let c = char_at(text, start).unwrap_or('a');
        if c.is_alphanumeric() {
            break;
        }
        start += c.len_utf8();
    }
    let token = &text[start..dot];
    if token.is_empty() {
        return DotToken::Normal;
    }
    if let Some(k) = lookup_abbrev(token) {
        return DotToken::Abbrev(k);
    }
    if let Some(pos) = token.rfind(['-', '‐']) {
        let last = &token[pos + token[pos..].chars().next().map_or(1, char::len_utf8)..];
        if let Some(k) = lookup_abbrev(last) {
            return DotToken::Abbrev(k);
        }
    }
    // "Weltranglisten-15": a number glued to a word reads as that number.
    let token = match token.rfind('-') {
        Some(pos)
            if pos + 1 < token.len() && token[pos + 1..].bytes().all(|b| b.is_ascii_digit()) =>
        {
            start += pos + 1;
            &token[pos + 1..]
        }
        _ => token,
    };
    let at_list_start = || {
        text[sentence_start..start]
            .chars()
            .all(|c| c.is_whitespace() || is_bullet(c) || c == '(')
    };
    let mut chars = token.chars();
    let first = chars.next().unwrap_or(' ');
    if chars.as_str().is_empty() {
        // A single char: an initial ("A. Merkel"), part of "z. B.", or a digit.
        if first.is_ascii_digit() {
            return if glued {
                DotToken::Normal
            } else {
                DotToken::Ordinal {
                    list: at_list_start(),
                }
            };
        }
        if first.is_alphabetic() {
            if first.is_lowercase() || follows_single_letter_abbrev(text, sentence_start, start) {
                return DotToken::Abbrev(Abbrev::Never);
            }
            return DotToken::Abbrev(Abbrev::Weak);
        }
        return DotToken::Normal;
    }
    let bytes = token.as_bytes();
    if bytes.iter().all(u8::is_ascii_digit) {
        return if bytes.len() <= 3 && !glued {
            DotToken::Ordinal {
                list: at_list_start(),
            }
        } else {
            DotToken::Normal
        };
    }
    if bytes.iter().all(|b| b.is_ascii_digit() || *b == b'.') {
        // "12.03" (a date without year) reads as an ordinal; "12.03.2023", "1.000" do not.
        let mut parts = token.split('.');
        let (a, b, rest) = (parts.next(), parts.next(), parts.next());
        if let (Some(a), Some(b), None) = (a, b, rest)
            && (1..=2).contains(&a.len())
            && (1..=2).contains(&b.len())
        {
            return DotToken::Ordinal { list: false };
        }
        return DotToken::Normal;
    }
    if bytes.len() <= 6 && bytes.iter().all(|b| b"IVXLC".contains(b)) {
        return DotToken::Ordinal {
            list: at_list_start(),
        };
    }
    if token.contains('.') {
        // "z.B", "U.S.A": short letter groups joined by dots.
        let short_parts = token
            .split('.')
            .all(|p| !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic));
        if short_parts {
            return if token.chars().any(char::is_lowercase) {
                DotToken::Abbrev(Abbrev::Never)
            } else {
                DotToken::Abbrev(Abbrev::Weak)
            };
        }
    }
    // Street names: "Goethestr. 5".
    if token.len() >= 5 && token.ends_with("str") {
        return DotToken::Abbrev(Abbrev::Weak);
    }
    DotToken::Normal
}

/// Whether a single-letter abbreviation such as "z." precedes byte `i` ("z. B.", "u. Ä.").
fn follows_single_letter_abbrev(text: &str, lower: usize, i: usize) -> bool {
    let j = skip_ws_back(text, lower, i);
    if j == i && j > lower {
        // No space: "z.B" is handled as a dotted token; this is something like "x.B".
        return false;
    }
    if char_before(text, j) != Some('.') {
        return false;
    }
    let k = j - 1;
    let Some(letter) = char_before(text, k) else {
        return false;
    };
    if !letter.is_alphabetic() {
        return false;
    }
    let before = k - letter.len_utf8();
    before <= lower || char_before(text, before).is_none_or(|c| !c.is_alphanumeric())
}

/// Decides a candidate boundary. `cs..end` is the terminator cluster, `next` the first char of
/// what follows, `sentence_start` where the current sentence began. `line_end` is set when a
/// line break follows the cluster.
pub(super) fn is_break(
    text: &str,
    cs: usize,
    end: usize,
    next: usize,
    sentence_start: usize,
    line_end: bool,
) -> bool {
    let cluster = &text[cs..end];
    // First terminator and the run of terminators from there.
    let Some(t0) = cluster.find(is_terminator) else {
        return false;
    };
    let closer_before = t0 > 0;
    let run_len = cluster[t0..]
        .find(|c: char| !is_terminator(c))
        .unwrap_or(cluster.len() - t0);
    let run = &cluster[t0..t0 + run_len];
    let closer_after = t0 + run_len < cluster.trim_end().len();
    let nx = Next::at(text, next);

    if run.contains(['!', '?', '‼', '⁇', '⁈', '⁉']) {
        // „Komm!“ rief er. / Slogans wie Freies Land! und … — lower case goes on, except at a
        // line end without a closing quote.
        return !nx.lower || (line_end && !closer_after);
    }
    if run != "." {
        // Ellipsis ("…", "..."): a pause as often as an end.
        if nx.lower {
            return false;
        }
        return line_end || nx.is_starter() || nx.quote;
    }
    let after = &cluster[t0 + run_len..];
    let only_brackets_after = after.trim_end().chars().all(|c| matches!(c, ')' | ']'));
    let token = if closer_before {
        DotToken::Normal
    } else if !closer_after {
        classify_dot_token(text, sentence_start, cs + t0)
    } else if only_brackets_after {
        // "(51.) Ulmer": an ordinal in brackets; abbreviations there end less firmly.
        match classify_dot_token(text, sentence_start, cs + t0) {
            DotToken::Ordinal { .. } => DotToken::Ordinal { list: false },
            DotToken::Abbrev(Abbrev::Never) => DotToken::Abbrev(Abbrev::Weak),
            other => other,
        }
    } else {
        // Inside quotes: „… Dr.“ reads as a full stop.
        DotToken::Normal
    };
    let normal = |end_abbrev: bool| {
        if nx.url || (nx.bracket && !end_abbrev) || !nx.lower {
            // A URL or a bracket after a full stop starts something new: "… gesagt.
            // (red, 2.9.2015)"; after "usw." the bracket may go on.
            true
        } else {
            line_end && !end_abbrev
        }
    };
    match token {
        DotToken::Normal => normal(false),
        DotToken::Abbrev(Abbrev::End) => normal(true),
        DotToken::Abbrev(Abbrev::Never) => false,
        DotToken::Abbrev(Abbrev::Weak) => !nx.lower && (nx.is_starter() || nx.quote),
        DotToken::Abbrev(Abbrev::BeforeNumber) => !nx.digit && normal(false),
        DotToken::Ordinal { list: true } => false,
        DotToken::Ordinal { list: false } => {
            if nx.digit || nx.dash_digit || nx.lower {
                false
            } else {
                nx.is_starter() || nx.quote
            }
        }
    }
}
