//! Escaping plain text for HTML output.

/// Escapes `&`, `<`, `>` and `"` so plain text can go into an HTML field.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_four_html_characters() {
        assert_eq!(
            html_escape("a < b && \"c\" > 'd' ü"),
            "a &lt; b &amp;&amp; &quot;c&quot; &gt; 'd' ü"
        );
    }
}
