//! The vocabulary as aligned columns for the terminal, bold and dim when colour is on.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use kernsatz::vocab::VocabEntry;

/// Longest meaning shown in the table, in characters (German definitions can be long).
const MAX_MEANING: usize = 70;

/// The meaning cut to `MAX_MEANING` characters at a space, marked with `…`.
fn short(meaning: &str) -> String {
    if meaning.chars().count() <= MAX_MEANING {
        return meaning.to_owned();
    }
    let cut: String = meaning.chars().take(MAX_MEANING).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

/// Write `entries` as a table: word with article and plural, meaning (English, `≈` when
/// composed, else the German definition), category, level, count.
pub fn write_table(out: &mut dyn Write, entries: &[VocabEntry], color: bool) -> io::Result<()> {
    let rows: Vec<[String; 5]> = entries
        .iter()
        .map(|e| {
            let mut word = e.headword();
            if let Some(p) = e.plural_short() {
                word.push_str(", ");
                word.push_str(&p);
            }
            [
                word,
                short(&e.meaning().unwrap_or_default()),
                e.category.unwrap_or("").to_owned(),
                e.level.unwrap_or("").to_owned(),
                format!("×{}", e.count),
            ]
        })
        .collect();
    let headers = ["Wort", "Bedeutung", "Kategorie", "Niveau", "n"];
    let widths: Vec<usize> = (0..5)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].width())
                .chain([headers[i].width()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.width())));
    let (bold, dim, reset) = if color {
        ("\x1b[1m", "\x1b[2m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    let head: Vec<String> = (0..5).map(|i| pad(headers[i], widths[i])).collect();
    writeln!(out, "{bold}{}{reset}", head.join("  ").trim_end())?;
    for r in &rows {
        writeln!(
            out,
            "{bold}{}{reset}  {}  {dim}{}  {}{reset}  {}",
            pad(&r[0], widths[0]),
            pad(&r[1], widths[1]),
            pad(&r[2], widths[2]),
            pad(&r[3], widths[3]),
            r[4]
        )?;
    }
    Ok(())
}
