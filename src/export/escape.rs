//! Escaping text for the formats kernsatz writes: one HTML escaper (worksheet, Anki fields,
//! templates) and one for Markdown.

use std::borrow::Cow;
use std::fmt;

/// Escape text for HTML element content and quoted attribute values: `&`, `<`, `>`, `"` and
/// `'` become character references.
///
/// ```
/// use kernsatz::export::escape::html_escape;
/// assert_eq!(html_escape(r#"<b class="x">A & 'B'</b>"#),
///            "&lt;b class=&quot;x&quot;&gt;A &amp; &#39;B&#39;&lt;/b&gt;");
/// ```
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    // writing into a String cannot fail
    let _ = write_html_escaped(&mut out, s);
    out
}

fn write_html_escaped(out: &mut impl fmt::Write, s: &str) -> fmt::Result {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.write_str(&s[last..i])?;
        out.write_str(rep)?;
        last = i + 1;
    }
    out.write_str(&s[last..])
}

/// The HTML escaper of the templates (configured in `askama.toml`): the same as
/// [`html_escape`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Html;

impl askama::filters::Escaper for Html {
    fn write_escaped_str<W: fmt::Write>(&self, mut dest: W, string: &str) -> fmt::Result {
        write_html_escaped(&mut dest, string)
    }
}

/// Escape text for Markdown so that it prints as written (`*`, `_`, `<`, `&`, … are literal).
///
/// ```
/// use kernsatz::export::escape::escape_markdown;
/// assert_eq!(escape_markdown("*a* <b>"), r"\*a\* \<b\>");
/// ```
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A spreadsheet cell that cannot run as a formula: text starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return gets a leading `'` (what spreadsheets show as plain text).
///
/// ```
/// use kernsatz::export::escape::spreadsheet_safe;
/// assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(spreadsheet_safe("Lieferkette"), "Lieferkette");
/// ```
pub fn spreadsheet_safe(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}
