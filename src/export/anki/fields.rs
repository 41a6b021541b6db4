//! Field, tag and deck-name hygiene, and the field text Anki derives from HTML: control
//! characters, tag and deck-name sanitising, HTML stripping with entity decoding, and Anki's
//! field checksum.

use sha1::{Digest, Sha1};

/// A deck name with `::` levels trimmed, empty levels dropped and control characters removed;
/// `None` if nothing is left.
pub(super) fn normalize_deck_name(name: &str) -> Option<String> {
    let parts: Vec<String> = name
        .split("::")
        .map(|p| {
            p.chars()
                .filter(|c| !c.is_control())
                .collect::<String>()
                .trim()
                .to_string()
        })
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        None
    } else {
        Some(parts.join("::"))
    }
}

/// One tag made safe for Anki: whitespace becomes `_`, control characters and `"` are removed,
/// empty `::` levels are dropped. `None` if nothing is left.
fn sanitize_tag(tag: &str) -> Option<String> {
    let cleaned: String = tag
        .trim()
        .chars()
        .filter(|&c| !c.is_control() && c != '"')
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect();
    let parts: Vec<&str> = cleaned.split("::").filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        None
    } else {
        Some(parts.join("::"))
    }
}

/// Sanitised tags, first spelling kept, duplicates (ignoring case) removed.
pub(super) fn sanitize_tags(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags.iter().filter_map(|t| sanitize_tag(t)) {
        if !out.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            out.push(tag);
        }
    }
    out
}

/// Like Anki's `normalize_field`: ASCII control characters other than tab and newline are
/// dropped from fields (this includes `\x1f`, the field separator, and `\r`).
pub(super) fn invalid_char_for_field(c: char) -> bool {
    c.is_ascii_control() && c != '\n' && c != '\t'
}

/// Whether a field counts as empty: nothing but whitespace once HTML is stripped.
pub(super) fn field_is_empty(field: &str) -> bool {
    strip_html(field).trim().is_empty()
}

/// Text of an HTML field the way Anki computes `sfld` and `csum`: comments, `<style>` and
/// `<script>` elements and all tags are removed (without inserting spaces), then the common
/// character references are decoded and non-breaking spaces become spaces. (Anki also keeps
/// media file names of `<img>` tags; kernsatz ships no media.)
pub(super) fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while i < html.len() {
        let rest = &html[i..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            match comment.find("-->") {
                Some(end) => {
                    i += 4 + end + 3;
                    continue;
                }
                None => break,
            }
        }
        if rest.starts_with('<') {
            let lrest = &lower[i..];
            let mut skipped = false;
            for elem in ["style", "script"] {
                let open = format!("<{elem}");
                let close = format!("</{elem}>");
                let after = lrest.as_bytes().get(open.len()).copied();
                if lrest.starts_with(&open)
                    && matches!(after, Some(b'>' | b' ' | b'\t' | b'\n' | b'/'))
                    && let Some(end) = lrest.find(&close)
                {
                    i += end + close.len();
                    skipped = true;
                    break;
                }
            }
            if skipped {
                continue;
            }
            if let Some(end) = rest.find('>') {
                i += end + 1;
                continue;
            }
        }
        let c = rest.chars().next().expect("non-empty rest");
        out.push(c);
        i += c.len_utf8();
    }
    decode_entities(&out)
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let name = &rest[1..semi];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => {
                    let code =
                        if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                            u32::from_str_radix(hex, 16).ok()
                        } else if let Some(dec) = name.strip_prefix('#') {
                            dec.parse().ok()
                        } else {
                            None
                        };
                    code.and_then(char::from_u32)
                        .map(|c| if c == '\u{a0}' { ' ' } else { c })
                }
            };
            c.map(|c| (c, semi))
        });
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Anki's field checksum (`notes.csum`): the first 4 bytes (8 hex digits) of the SHA-1 of the
/// HTML-stripped first field, read as a big-endian integer.
pub(super) fn field_checksum(first_field: &str) -> u32 {
    let digest = Sha1::digest(strip_html(first_field).as_bytes());
    u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_matches_python_recipe() {
        assert_eq!(
            field_checksum("Die <b>{{c1::Lieferkette}}</b> ist gestört."),
            field_checksum("Die {{c1::Lieferkette}} ist gestört.")
        );
        assert_eq!(field_checksum("Die Lieferkette ist gestört."), CSUM_SATZ);
    }

    // python3 -c 'import hashlib; print(int(hashlib.sha1("Die Lieferkette ist gestört.".encode()).hexdigest()[:8], 16))'
    const CSUM_SATZ: u32 = 3_876_283_452;

    #[test]
    fn strip_html_like_anki() {
        assert_eq!(strip_html("Liefer<b>kette</b>"), "Lieferkette");
        assert_eq!(strip_html("a<!-- x -->b"), "ab");
        assert_eq!(strip_html("a<style>p{}</style>b<script>x</script>c"), "abc");
        assert_eq!(
            strip_html("&lt;b&gt; &amp; &quot;x&quot;&nbsp;&#252;&#xFC;"),
            "<b> & \"x\" üü"
        );
        assert_eq!(strip_html("a & b; 3 < 4"), "a & b; 3 < 4");
    }

    #[test]
    fn tags_are_sanitised() {
        let tags: Vec<String> = [
            "B1 Niveau",
            "wirtschaft",
            "Wirtschaft",
            "  ",
            "a::::b::",
            "\"q\"",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(
            sanitize_tags(&tags),
            vec!["B1_Niveau", "wirtschaft", "a::b", "q"]
        );
    }

    #[test]
    fn deck_names_are_normalised() {
        assert_eq!(
            normalize_deck_name(" kernsatz :: Japan::::x ").as_deref(),
            Some("kernsatz::Japan::x")
        );
        assert_eq!(normalize_deck_name(" :: "), None);
    }
}
