//! The pre-scan: a linear pass over the raw page that models html5ever's tree builder
//! roughly and rejects input that would make the parser slow, before it is parsed (see
//! "Limits" in the [module documentation](super)).

use std::collections::HashMap;

use crate::error::{Error, ErrorKind, Result};

/// Pages larger than this many bytes are rejected before parsing.
pub const MAX_INPUT_BYTES: usize = 50 * 1024 * 1024;

/// Pages with more start and end tags than this are rejected before parsing.
pub const MAX_TAGS: usize = 1_000_000;

/// Pages whose elements nest deeper than this (as estimated by the pre-scan) are rejected.
pub const MAX_NESTING_DEPTH: usize = 512;

/// Pages whose estimated parser work exceeds this are rejected. The pre-scan charges every tag
/// with the number of elements open at that point (the tree builder may walk all of them) and
/// every formatting element the parser would re-open after a block ends with 128. Ordinary
/// pages stay below 1% of it; at the limit html5ever needs roughly a second.
pub const MAX_PARSE_WORK: u64 = 50_000_000;

/// Pages leaving more than this many formatting elements (`<b>`, `<font>`, …) open at once are
/// rejected; identical open tags count at most three times, as in the parser.
pub const MAX_OPEN_FORMATTING: usize = 64;

const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];
pub(super) const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];
/// Elements that stop an end tag's search for its start tag ("has an element in scope").
const SCOPE_BARRIERS: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "button",
    "select",
];
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];
/// The tree builder's "special" elements (HTML namespace).
#[rustfmt::skip]
const SPECIAL: &[&str] = &[
    "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote",
    "body", "br", "button", "caption", "center", "col", "colgroup", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption", "figure", "footer", "form",
    "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr",
    "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee", "menu",
    "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "p", "param", "plaintext",
    "pre", "script", "search", "section", "select", "source", "style", "summary", "table", "tbody",
    "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr",
    "xmp", "svg", "math",
];
/// Start tags that close an open `<p>` first.
#[rustfmt::skip]
const CLOSES_P: &[&str] = &[
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
    "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol",
    "p", "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
    "listing", "form", "table", "hr", "xmp", "plaintext", "li", "dd", "dt",
];
/// Start tags that end SVG/MathML content.
#[rustfmt::skip]
const BREAKOUT: &[&str] = &[
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
    "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu",
    "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub",
    "sup", "table", "tt", "u", "ul", "var", "font",
];
struct Open {
    name: String,
    foreign: bool,
}

/// What stops the search for an element to close implicitly.
#[derive(Clone, Copy)]
enum Barrier {
    /// Scope barriers (`table`, `td`, `button`, …).
    Scope,
    /// Special elements other than `address`, `div`, `p` (list items).
    ListItem,
    /// Table structure.
    Table,
    /// Any special element (end tags of phrasing and unknown elements).
    Special,
    /// Anything: only the current element may be closed.
    Top,
}

fn stops(barrier: Barrier, o: &Open) -> bool {
    let name = o.name.as_str();
    match barrier {
        Barrier::Scope => SCOPE_BARRIERS.contains(&name),
        Barrier::ListItem => {
            !o.foreign && SPECIAL.contains(&name) && !matches!(name, "address" | "div" | "p")
        }
        Barrier::Table => matches!(name, "table" | "html" | "template"),
        Barrier::Special => !o.foreign && SPECIAL.contains(&name),
        Barrier::Top => true,
    }
}

/// Which open elements a start tag closes implicitly, and what stops the search.
fn implied_close(name: &str) -> Option<(&'static [&'static str], Barrier)> {
    Some(match name {
        "li" => (&["li"], Barrier::ListItem),
        "dd" | "dt" => (&["dd", "dt"], Barrier::ListItem),
        "option" => (&["option"], Barrier::Top),
        "optgroup" => (&["option", "optgroup"], Barrier::Top),
        "tr" => (&["tr", "td", "th"], Barrier::Table),
        "td" | "th" => (&["td", "th"], Barrier::Table),
        "thead" | "tbody" | "tfoot" => (
            &["thead", "tbody", "tfoot", "tr", "td", "th"],
            Barrier::Table,
        ),
        "rb" | "rt" | "rp" | "rtc" => (&["rb", "rt", "rp", "rtc"], Barrier::Top),
        "button" => (&["button"], Barrier::Scope),
        _ => return None,
    })
}

/// An entry of the estimated list of active formatting elements.
struct Active {
    /// Index into [`FORMATTING`].
    name: usize,
    /// Tag name and attributes as written (the parser's "Noah's Ark" compares these).
    key: String,
    /// False once a block end tag has closed the element: the parser re-opens ("reconstructs")
    /// it before the next text or inline start tag.
    on_stack: bool,
}

/// The pre-scan's model of the tree builder: the stack of open elements, the list of active
/// formatting elements, and the work the parser would do (see [`MAX_PARSE_WORK`]).
#[derive(Default)]
struct Scan {
    open: Vec<Open>,
    counts: HashMap<String, usize>,
    active: Vec<Active>,
    work: u64,
}

/// Parser work charged for each re-opened ("reconstructed") formatting element: creating a
/// node costs about as much as this many steps of walking the stack of open elements.
const RECONSTRUCT_COST: u64 = 128;

impl Scan {
    fn foreign(&self) -> bool {
        self.open.last().is_some_and(|o| o.foreign)
    }

    fn push(&mut self, name: String, foreign: bool) -> Result<()> {
        *self.counts.entry(name.clone()).or_insert(0) += 1;
        self.open.push(Open { name, foreign });
        if self.open.len() > MAX_NESTING_DEPTH {
            return Err(limit_error(format!(
                "HTML elements nest deeper than {MAX_NESTING_DEPTH} levels; such pages are \
                 rejected"
            )));
        }
        Ok(())
    }

    fn pop(&mut self) {
        let Some(o) = self.open.pop() else { return };
        if let Some(c) = self.counts.get_mut(&o.name) {
            *c -= 1;
        }
        if let Some(k) = FORMATTING.iter().position(|f| *f == o.name)
            && let Some(a) = self
                .active
                .iter_mut()
                .rev()
                .find(|a| a.name == k && a.on_stack)
        {
            a.on_stack = false;
        }
    }

    /// Close the nearest open element named in `targets` (and everything above it) if it is
    /// found before a barrier. The walk is paid for by [`Scan::charge`].
    fn close_nearest(&mut self, targets: &[&str], barrier: Barrier) {
        if targets
            .iter()
            .all(|t| self.counts.get(*t).copied().unwrap_or(0) == 0)
        {
            return;
        }
        let mut found = None;
        for (k, o) in self.open.iter().enumerate().rev() {
            if targets.contains(&o.name.as_str()) {
                found = Some(k);
                break;
            }
            if stops(barrier, o) {
                break;
            }
        }
        if let Some(k) = found {
            while self.open.len() > k {
                self.pop();
            }
        }
    }

    /// Re-open the active formatting elements a block end closed, as the parser does before
    /// text and inline start tags.
    fn reconstruct(&mut self) -> Result<()> {
        let mut reopen = Vec::new();
        for a in self.active.iter_mut().filter(|a| !a.on_stack) {
            a.on_stack = true;
            reopen.push(FORMATTING[a.name].to_string());
        }
        for name in reopen {
            self.work += RECONSTRUCT_COST;
            self.push(name, false)?;
        }
        Ok(())
    }

    fn open_formatting(&mut self, k: usize, key: String) -> Result<()> {
        let same: Vec<usize> = (0..self.active.len())
            .filter(|&j| self.active[j].key == key)
            .collect();
        if same.len() >= 3 {
            self.active.remove(same[0]);
        }
        self.active.push(Active {
            name: k,
            key,
            on_stack: true,
        });
        if self.active.len() > MAX_OPEN_FORMATTING {
            return Err(limit_error(format!(
                "HTML input leaves more than {MAX_OPEN_FORMATTING} formatting elements open; \
                 such pages are rejected"
            )));
        }
        Ok(())
    }

    fn close_formatting(&mut self, k: usize) {
        if let Some(j) = self.active.iter().rposition(|a| a.name == k) {
            self.active.remove(j);
        }
    }

    fn charge(&mut self) -> Result<()> {
        self.work += self.open.len() as u64;
        if self.work > MAX_PARSE_WORK {
            return Err(limit_error(format!(
                "HTML input is too complex to parse in bounded time (more than {MAX_PARSE_WORK} \
                 steps: many tags deep inside nested elements); such pages are rejected"
            )));
        }
        Ok(())
    }
}

fn limit_error(msg: String) -> Error {
    ErrorKind::PageTooComplex(msg).into()
}

/// Linear pre-scan enforcing the limits (see "Limits" in the parent module's documentation);
/// returns the work estimate.
pub(super) fn prescan(s: &str) -> Result<u64> {
    if s.len() > MAX_INPUT_BYTES {
        return Err(limit_error(format!(
            "HTML input is {:.1} MB; pages larger than {} MB are rejected",
            s.len() as f64 / 1_048_576.0,
            MAX_INPUT_BYTES / 1_048_576
        )));
    }
    let b = s.as_bytes();
    let mut i = 0;
    let mut tags = 0usize;
    let mut scan = Scan::default();

    while i < b.len() {
        let Some(off) = memchr(b'<', &b[i..]) else {
            break;
        };
        let text = b[i..i + off].iter().any(|c| !c.is_ascii_whitespace());
        i += off;
        if text && !scan.foreign() {
            scan.reconstruct()?;
        }
        let rest = &b[i..];
        let foreign = scan.foreign();
        if rest.starts_with(b"<!--") {
            i = skip_comment(b, i);
            continue;
        }
        if rest.starts_with(b"<![CDATA[") && foreign {
            i = find(b, i + 9, b"]]>").map_or(b.len(), |p| p + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = memchr(b'>', &b[i..]).map_or(b.len(), |p| i + p + 1);
            continue;
        }
        let end_tag = rest.starts_with(b"</");
        let name_start = i + if end_tag { 2 } else { 1 };
        if name_start >= b.len() || !b[name_start].is_ascii_alphabetic() {
            if end_tag {
                // "</>" is dropped, "</ x>" is a bogus comment.
                i = memchr(b'>', &b[i..]).map_or(b.len(), |p| i + p + 1);
            } else {
                // A lone "<" is text.
                if !scan.foreign() {
                    scan.reconstruct()?;
                }
                i += 1;
            }
            continue;
        }
        let mut j = name_start;
        while j < b.len() && !matches!(b[j], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>') {
            j += 1;
        }
        let name = String::from_utf8_lossy(&b[name_start..j]).to_ascii_lowercase();
        let (tag_end, self_closing) = skip_attributes(b, j);
        let attrs = &b[j..tag_end.min(b.len())];
        i = tag_end;
        tags += 1;
        if tags > MAX_TAGS {
            return Err(limit_error(format!(
                "HTML input has more than {MAX_TAGS} tags; such pages are rejected"
            )));
        }
        scan.charge()?;
        let fmt_index = FORMATTING.iter().position(|f| *f == name);

        if end_tag {
            let barrier = if SPECIAL.contains(&name.as_str()) {
                Barrier::Scope
            } else {
                Barrier::Special
            };
            scan.close_nearest(&[name.as_str()], barrier);
            if let Some(k) = fmt_index {
                scan.close_formatting(k);
            }
            continue;
        }

        // Start tag.
        let mut foreign = foreign;
        if foreign && BREAKOUT.contains(&name.as_str()) {
            while scan.foreign() {
                scan.pop();
            }
            foreign = false;
        }
        if !foreign {
            if RAW_TEXT.contains(&name.as_str()) {
                i = skip_raw_text(b, i, &name);
                continue;
            }
            if name == "plaintext" {
                break;
            }
            if matches!(name.as_str(), "html" | "head" | "body") {
                continue;
            }
            if CLOSES_P.contains(&name.as_str()) {
                scan.close_nearest(&["p"], Barrier::Scope);
            }
            if let Some((targets, barrier)) = implied_close(&name) {
                scan.close_nearest(targets, barrier);
            }
            if let Some(k) = fmt_index
                && matches!(name.as_str(), "a" | "nobr")
            {
                // A new <a> closes the previous one (before anything is re-opened).
                scan.active.retain(|a| a.name != k);
                scan.close_nearest(&[name.as_str()], Barrier::Special);
            }
            if !SPECIAL.contains(&name.as_str()) || VOID.contains(&name.as_str()) {
                scan.reconstruct()?;
            }
        }
        if VOID.contains(&name.as_str()) || (self_closing && foreign) {
            continue;
        }
        if let Some(k) = fmt_index
            && !foreign
        {
            scan.open_formatting(
                k,
                format!("{name}{}", String::from_utf8_lossy(attrs).trim()),
            )?;
        }
        let child_foreign = match name.as_str() {
            "svg" | "math" => true,
            "foreignobject" | "desc" | "title" | "annotation-xml" | "mi" | "mo" | "mn" | "ms"
            | "mtext" => false,
            _ => foreign,
        };
        scan.push(name, child_foreign)?;
    }
    Ok(scan.work)
}

pub(super) fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

fn find(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    if from >= b.len() {
        return None;
    }
    memchr::memmem::find(&b[from..], pat).map(|p| from + p)
}

/// Index after a comment starting at `i` ("<!--"): it ends at "-->" or "--!>", or at once for
/// "<!-->" and "<!--->".
pub(super) fn skip_comment(b: &[u8], i: usize) -> usize {
    let body = i + 4;
    if b[body..].starts_with(b">") {
        return body + 1;
    }
    if b[body..].starts_with(b"->") {
        return body + 2;
    }
    let mut k = body;
    while k < b.len() {
        match memchr(b'-', &b[k..]) {
            None => return b.len(),
            Some(p) => {
                k += p;
                if b[k..].starts_with(b"-->") {
                    return k + 3;
                }
                if b[k..].starts_with(b"--!>") {
                    return k + 4;
                }
                k += 1;
            }
        }
    }
    b.len()
}

/// From just after a tag name, skip attributes to the end of the tag. Returns the index after
/// `>` and whether the tag ended in `/>`.
pub(super) fn skip_attributes(b: &[u8], mut k: usize) -> (usize, bool) {
    let ws = |c: u8| matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ');
    loop {
        while k < b.len() && (ws(b[k]) || b[k] == b'/') {
            if b[k] == b'/' && b.get(k + 1) == Some(&b'>') {
                return (k + 2, true);
            }
            k += 1;
        }
        if k >= b.len() {
            return (b.len(), false);
        }
        if b[k] == b'>' {
            return (k + 1, false);
        }
        // Attribute name (its first character may be '=' or a quote; the tokenizer allows it).
        k += 1;
        while k < b.len() && !ws(b[k]) && !matches!(b[k], b'/' | b'>' | b'=') {
            k += 1;
        }
        while k < b.len() && ws(b[k]) {
            k += 1;
        }
        if k < b.len() && b[k] == b'=' {
            k += 1;
            while k < b.len() && ws(b[k]) {
                k += 1;
            }
            if k < b.len() && (b[k] == b'"' || b[k] == b'\'') {
                let q = b[k];
                k = memchr(q, &b[k + 1..]).map_or(b.len(), |p| k + 1 + p + 1);
            } else {
                while k < b.len() && !ws(b[k]) && b[k] != b'>' {
                    k += 1;
                }
            }
        }
    }
}

/// Skip the content of a raw-text element up to its end tag ("</script" + delimiter).
pub(super) fn skip_raw_text(b: &[u8], mut k: usize, name: &str) -> usize {
    let n = name.len();
    while k < b.len() {
        let Some(p) = find(b, k, b"</") else {
            return b.len();
        };
        let after = p + 2;
        if b.len() >= after + n
            && b[after..after + n].eq_ignore_ascii_case(name.as_bytes())
            && b.get(after + n)
                .is_none_or(|c| matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'))
        {
            return p;
        }
        k = after;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prescan_counts_depth_not_siblings() {
        assert!(prescan(&"<div></div>".repeat(10_000)).is_ok());
        assert!(prescan(&"<p>x".repeat(10_000)).is_ok());
        assert!(prescan(&"<li>x".repeat(10_000)).is_ok());
        assert!(prescan(&"<div>".repeat(MAX_NESTING_DEPTH)).is_ok());
        assert!(prescan(&"<div>".repeat(MAX_NESTING_DEPTH + 1)).is_err());
        // Tags inside comments and scripts do not count.
        let hidden = format!(
            "<!--{}--><script>{}</script>",
            "<div>".repeat(2000),
            "<div>".repeat(2000)
        );
        assert!(prescan(&hidden).is_ok());
        // An end tag behind a table does not close the outer div: depth keeps growing.
        assert!(prescan(&"<div><table></div>".repeat(400)).is_err());
        // "<div/>" is not self-closing in HTML.
        assert!(prescan(&"<div/>".repeat(MAX_NESTING_DEPTH + 1)).is_err());
        // ... but is in SVG.
        let svg = format!("<svg>{}</svg>", "<path d='M0'/>".repeat(10_000));
        assert!(prescan(&svg).is_ok());
        // A new <a> closes the previous one.
        assert!(prescan(&"<a href=x>Link ".repeat(10_000)).is_ok());
    }

    #[test]
    fn prescan_work_of_realistic_pages_is_far_below_the_limit() {
        for page in [
            include_str!("../../tests/fixtures/html/handelsblatt-japan-usa.html"),
            include_str!("../../tests/fixtures/html/tagesschau-handgranate.html"),
            include_str!("../../tests/fixtures/html/derstandard-all-in.html"),
            include_str!("../../tests/fixtures/html/zeit-wifo-konjunktur.html"),
            include_str!("../../tests/fixtures/html/divsoup-syrien.html"),
        ] {
            let work = prescan(page).unwrap();
            // 100 copies of a page (a very long saved page) stay under 1% of the limit.
            assert!(work * 100 < MAX_PARSE_WORK / 100, "work {work}");
        }
    }

    #[test]
    fn prescan_limits_open_formatting_elements() {
        // Identical unclosed tags count three times at most.
        assert!(prescan(&"<p><b>x</p>".repeat(1000)).is_ok());
        let distinct: String = (0..=MAX_OPEN_FORMATTING)
            .map(|k| format!("<div><font id={k}>x</div>"))
            .collect();
        assert!(prescan(&distinct).is_err());
        let closed: String = (0..1000)
            .map(|k| format!("<font id={k}>x</font>"))
            .collect();
        assert!(prescan(&closed).is_ok());
    }
}
