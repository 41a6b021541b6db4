//! Where the text sits in the page: the byte range of every text node of the parsed tree in
//! the decoded page, so that each extracted block can say where it came from.
//!
//! html5ever reports no source positions. So a small lexer cuts the page into its text runs
//! (the bytes between tags, comments and declarations, and the content of `<script>`, `<style>`,
//! `<title>` and the other raw-text elements), and the tree's text nodes are aligned with them
//! in document order, character by character: character references (`&amp;`, `&#8222;`,
//! `&nbsp`) match the one character they stand for, `\r\n` matches `\n`, leading whitespace is
//! skipped. A node may run on over a tag that made no node (a stray end tag).
//!
//! The tree builder sometimes moves text (text inside a `<table>` but outside its cells is put
//! before the table) or drops it. A node that does not match at the current position is looked
//! for in the next runs; when found there, the runs it covers are marked as used and the
//! position stays, so the nodes that follow in the tree (the table's cells) still match in
//! order; a second such jump in a row means the skipped text is in no node, and the position
//! moves on. A node found nowhere near has no range ([`NO_RANGE`]); the stages above fall back
//! to the nodes around it.

use super::dom::{Dom, Kind, NONE};
use super::guard::{RAW_TEXT, memchr, skip_attributes, skip_comment, skip_raw_text};

/// The range of a node that could not be placed.
pub(super) const NO_RANGE: (usize, usize) = (NONE, NONE);

/// How many runs with text ahead a node is looked for before it is given up.
const LOOKAHEAD: usize = 48;
/// How many runs (whitespace between tags included) at most.
const LOOKAHEAD_ALL: usize = 4096;

/// Elements whose content is text without character references.
const RAW: &[&str] = &[
    "script",
    "style",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

#[derive(Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
    /// Content of a raw-text element: no character references.
    raw: bool,
}

/// The page's text runs in order.
fn runs(page: &str) -> Vec<Run> {
    let b = page.as_bytes();
    let mut out = Vec::new();
    let mut push = |start: usize, end: usize, raw: bool| {
        if end > start {
            out.push(Run { start, end, raw });
        }
    };
    let mut text_start = 0;
    let mut i = 0;
    while i < b.len() {
        let Some(off) = memchr(b'<', &b[i..]) else {
            break;
        };
        i += off;
        let rest = &b[i..];
        let alpha_at = |k: usize| rest.get(k).is_some_and(u8::is_ascii_alphabetic);
        let markup_end = if rest.starts_with(b"<!--") {
            skip_comment(b, i)
        } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            memchr(b'>', rest).map_or(b.len(), |p| i + p + 1)
        } else if rest.starts_with(b"</") {
            if alpha_at(2) {
                let mut j = i + 2;
                while j < b.len()
                    && !matches!(b[j], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>')
                {
                    j += 1;
                }
                skip_attributes(b, j).0
            } else {
                memchr(b'>', rest).map_or(b.len(), |p| i + p + 1)
            }
        } else if alpha_at(1) {
            let mut j = i + 1;
            while j < b.len()
                && !matches!(b[j], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>')
            {
                j += 1;
            }
            let name = page[i + 1..j].to_ascii_lowercase();
            let (tag_end, _) = skip_attributes(b, j);
            push(text_start, i, false);
            if name == "plaintext" {
                push(tag_end.min(b.len()), b.len(), true);
                return out;
            }
            if RAW_TEXT.contains(&name.as_str()) {
                let tag_end = tag_end.min(b.len());
                let content_end = skip_raw_text(b, tag_end, &name);
                push(tag_end, content_end, RAW.contains(&name.as_str()));
                i = content_end;
                text_start = content_end;
                continue;
            }
            i = tag_end;
            text_start = tag_end;
            continue;
        } else {
            // A "<" that starts nothing is text.
            i += 1;
            continue;
        };
        push(text_start, i, false);
        i = markup_end.min(b.len());
        text_start = i;
    }
    push(text_start, b.len(), false);
    out
}

fn is_html_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Length of the character reference at `p` (`&amp;`, `&#228;`, `&#xE4;`, `&auml`), if any.
fn reference_len(b: &[u8], p: usize) -> Option<usize> {
    let mut k = p + 1;
    if b.get(k) == Some(&b'#') {
        k += 1;
        let hex = matches!(b.get(k), Some(b'x' | b'X'));
        if hex {
            k += 1;
        }
        let digits = k;
        while k < b.len() && (b[k].is_ascii_digit() || (hex && b[k].is_ascii_hexdigit())) {
            k += 1;
        }
        if k == digits {
            return None;
        }
    } else {
        if !b.get(k).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        while k < b.len() && b[k].is_ascii_alphanumeric() {
            k += 1;
        }
    }
    if b.get(k) == Some(&b';') {
        k += 1;
    }
    Some(k - p)
}

/// A literal `&` written as a reference (`&amp;`, `&#38;`, `&#038;`, `&#x26;`).
fn is_amp_reference(b: &[u8]) -> bool {
    if b.len() >= 4 && b[1..4].eq_ignore_ascii_case(b"amp") {
        return true;
    }
    if b.get(1) != Some(&b'#') {
        return false;
    }
    let (digits, radix) = match b.get(2) {
        Some(b'x' | b'X') => (&b[3..], 16),
        _ => (&b[2..], 10),
    };
    let end = digits
        .iter()
        .position(|c| !c.is_ascii_hexdigit())
        .unwrap_or(digits.len())
        .min(8);
    std::str::from_utf8(&digits[..end])
        .ok()
        .and_then(|d| u32::from_str_radix(d, radix).ok())
        == Some(38)
}

/// Align node text `t` (leading whitespace removed) with the page from run `r`, byte `p`:
/// the range of its first to last non-whitespace character, and the position after it.
fn align(
    t: &str,
    page: &str,
    runs: &[Run],
    mut r: usize,
    mut p: usize,
) -> Option<(usize, usize, usize, usize)> {
    let b = page.as_bytes();
    let raw = runs[r].raw;
    let mut hops = 0;
    let mut ti = 0;
    let mut start = None;
    let mut last_end = p;
    while ti < t.len() {
        if p >= runs[r].end {
            // The node runs on over a tag that made no node; at most twice.
            r += 1;
            hops += 1;
            if r >= runs.len() || hops > 2 || runs[r].raw != raw {
                return None;
            }
            p = runs[r].start;
        }
        let sc = b[p];
        if start.is_none() && is_html_ws(sc) {
            p += 1;
            continue;
        }
        // Fast path: the rest of the node stands as written.
        let rest = &t[ti..];
        let run_rest = &page[p..runs[r].end];
        if run_rest.starts_with(rest) {
            let trimmed = rest.trim_end();
            if !trimmed.is_empty() {
                start.get_or_insert(p);
                last_end = p + trimmed.len();
            }
            return start.map(|s| (s, last_end, r, p + rest.len()));
        }
        let c = rest.chars().next()?;
        let before = p;
        if sc == b'\r' && c == '\n' {
            p += 1;
            if b.get(p) == Some(&b'\n') {
                p += 1;
            }
        } else if sc == b'&' && !raw && (c != '&' || is_amp_reference(&b[p..])) {
            p += reference_len(b, p)?;
        } else if sc == 0 && c == '\u{FFFD}' {
            p += 1;
        } else if page[p..].starts_with(c) {
            p += c.len_utf8();
        } else {
            return None;
        }
        ti += c.len_utf8();
        if !c.is_whitespace() {
            start.get_or_insert(before);
            last_end = p;
        }
    }
    start.map(|s| (s, last_end, r, p))
}

/// The byte range in `page` of every text node of `dom` (first to last non-whitespace
/// character), [`NO_RANGE`] for whitespace-only nodes and nodes that could not be placed.
pub(super) fn text_ranges(page: &str, dom: &Dom<'_>) -> Vec<(usize, usize)> {
    let mut out = vec![NO_RANGE; dom.len()];
    let runs = runs(page);
    if runs.is_empty() {
        return out;
    }
    let mut consumed = vec![false; runs.len()];
    let (mut cr, mut cp) = (0usize, runs[0].start);
    let mut jumped = false;
    for (i, slot) in out.iter_mut().enumerate() {
        let Kind::Text(t) = dom.kind(i) else { continue };
        let t = t.trim_start_matches(|c: char| c.is_ascii_whitespace());
        if t.trim().is_empty() {
            continue;
        }
        let p = dom.parent(i);
        let raw = p != NONE && RAW.contains(&dom.tag(p));
        let (mut r, mut pos) = (cr, cp);
        let mut skipped = false;
        let mut found = None;
        let mut with_text = 0;
        for _ in 0..LOOKAHEAD_ALL {
            if r >= runs.len() || with_text > LOOKAHEAD {
                break;
            }
            if !consumed[r]
                && runs[r].raw == raw
                && let Some(m) = align(t, page, &runs, r, pos)
            {
                found = Some((r, m));
                break;
            }
            if !page[runs[r].start..runs[r].end].trim().is_empty() {
                with_text += 1;
                if !consumed[r] && !page[pos.min(runs[r].end)..runs[r].end].trim().is_empty() {
                    skipped = true;
                }
            }
            r += 1;
            if let Some(run) = runs.get(r) {
                pos = run.start;
            }
        }
        let Some((first_run, (s, e, end_run, end_pos))) = found else {
            continue;
        };
        *slot = (s, e);
        if skipped && !jumped {
            // Out of order (moved by the tree builder?): keep the position, mark the runs.
            for c in &mut consumed[first_run..=end_run] {
                *c = true;
            }
            jumped = true;
        } else {
            jumped = false;
            (cr, cp) = (end_run, end_pos);
        }
        while cr < runs.len() && (consumed[cr] || cp >= runs[cr].end) {
            cr += 1;
            if let Some(run) = runs.get(cr) {
                cp = run.start;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use scraper::Html;

    use super::*;

    /// Every non-whitespace text node with its page slice.
    fn slices(page: &str) -> Vec<(String, Option<String>)> {
        let doc = Html::parse_document(page);
        let dom = Dom::build(&doc);
        let ranges = text_ranges(page, &dom);
        (0..dom.len())
            .filter_map(|i| match dom.kind(i) {
                Kind::Text(t) if !t.trim().is_empty() => Some((
                    t.trim().to_string(),
                    (ranges[i] != NO_RANGE).then(|| page[ranges[i].0..ranges[i].1].to_string()),
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn nodes_map_to_their_source_with_references_and_line_ends() {
        let page = "<html><head><title>A &amp; B</title></head><body>\r\n<p>Bundes&shy;tag \
                    &bdquo;Ja&ldquo;<!-- x --> und <b>M&uuml;ller</b> &amp; S&ouml;hne</p>\
                    <script>var a = '<p>x</p>';</script><p>Zeile\r\neins</p></body></html>";
        let got = slices(page);
        let want: Vec<(&str, Option<&str>)> = vec![
            ("A & B", Some("A &amp; B")),
            (
                "Bundes\u{ad}tag „Ja“",
                Some("Bundes&shy;tag &bdquo;Ja&ldquo;"),
            ),
            ("und", Some("und")),
            ("Müller", Some("M&uuml;ller")),
            ("& Söhne", Some("&amp; S&ouml;hne")),
            ("var a = '<p>x</p>';", Some("var a = '<p>x</p>';")),
            ("Zeile\neins", Some("Zeile\r\neins")),
        ];
        assert_eq!(got.len(), want.len(), "{got:?}");
        for ((t, s), (wt, ws)) in got.iter().zip(want) {
            assert_eq!(t, wt);
            assert_eq!(s.as_deref(), ws, "{t:?}");
        }
    }

    #[test]
    fn text_moved_out_of_a_table_keeps_its_place_and_the_cells_theirs() {
        // The parser puts "verirrt" before the table; the cells still map in order.
        let page = "<table><tr><td>eins</td>verirrt<td>zwei</td></tr></table><p>danach</p>";
        let got = slices(page);
        let map: std::collections::HashMap<_, _> = got.into_iter().collect();
        for w in ["eins", "verirrt", "zwei", "danach"] {
            assert_eq!(map[w].as_deref(), Some(w), "{w}");
        }
        let at = |w: &str| page.find(w).unwrap();
        let doc = Html::parse_document(page);
        let dom = Dom::build(&doc);
        let ranges = text_ranges(page, &dom);
        for (i, range) in ranges.iter().enumerate() {
            if let Kind::Text(t) = dom.kind(i) {
                assert_eq!(range.0, at(t.trim()), "{t}");
            }
        }
    }

    #[test]
    fn stray_end_tags_and_lone_brackets_stay_in_one_node() {
        let got = slices("<p>a < b</span> und c</p>");
        assert_eq!(
            got,
            [(
                "a < b und c".to_string(),
                Some("a < b</span> und c".to_string())
            )]
        );
    }
}
