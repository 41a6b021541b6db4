//! Names derived from source names.

/// A lower-case ASCII slug of a source name (`Japan-USA Wirtschaft.txt` → `japan-usa-wirtschaft`),
/// for tags and study-pack directory names.
pub fn slug(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let base = base
        .strip_suffix(".txt")
        .or_else(|| base.strip_suffix(".md"))
        .or_else(|| base.strip_suffix(".html"))
        .or_else(|| base.strip_suffix(".htm"))
        .unwrap_or(base);
    let mut out = String::new();
    for c in base.chars() {
        let mapped: &str = match c {
            'ä' | 'Ä' => "ae",
            'ö' | 'Ö' => "oe",
            'ü' | 'Ü' => "ue",
            'ß' => "ss",
            _ => "",
        };
        if !mapped.is_empty() {
            out.push_str(mapped);
        } else if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "artikel".into()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            slug("examples/japan-usa-wirtschaftssicherheit.txt"),
            "japan-usa-wirtschaftssicherheit"
        );
        assert_eq!(slug("Größe & Maß.html"), "groesse-mass");
        assert_eq!(slug("<stdin>"), "stdin");
        assert_eq!(slug("***"), "artikel");
    }
}
