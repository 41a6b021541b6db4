//! Vocabulary lists as Markdown, TSV, CSV and JSON (the terminal table is the binary's).

use std::io::{self, Write};

use crate::vocab::VocabEntry;

/// Output formats of a vocabulary list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VocabFormat {
    /// A printable Markdown list.
    Markdown,
    /// Tab-separated values with a header row.
    Tsv,
    /// Comma-separated values with a header row.
    Csv,
    /// A JSON array of entries.
    Json,
}

/// Columns of the TSV/CSV formats.
pub const COLUMNS: [&str; 12] = [
    "lemma", "article", "plural", "gloss", "pos", "gender", "category", "level", "count", "forms",
    "parts", "example",
];

/// Write `entries` in `format`; `title` heads the Markdown list.
pub fn write_vocab(
    out: &mut dyn Write,
    entries: &[VocabEntry],
    format: VocabFormat,
    title: Option<&str>,
) -> io::Result<()> {
    match format {
        VocabFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, entries).map_err(io::Error::other)?;
            writeln!(out)
        }
        VocabFormat::Tsv | VocabFormat::Csv => {
            let mut w = csv::WriterBuilder::new()
                .delimiter(if format == VocabFormat::Tsv {
                    b'\t'
                } else {
                    b','
                })
                .from_writer(out);
            w.write_record(COLUMNS).map_err(io::Error::other)?;
            for e in entries {
                w.write_record([
                    e.lemma.as_str(),
                    e.article.unwrap_or(""),
                    e.plural.as_deref().unwrap_or(""),
                    e.gloss.as_deref().unwrap_or(""),
                    e.pos,
                    e.gender.unwrap_or(""),
                    e.category.unwrap_or(""),
                    e.level.unwrap_or(""),
                    &e.count.to_string(),
                    &e.forms.join(", "),
                    &e.parts.join("·"),
                    &e.example,
                ])
                .map_err(io::Error::other)?;
            }
            w.flush()
        }
        VocabFormat::Markdown => {
            if let Some(t) = title {
                writeln!(out, "# Wortschatz: {t}\n")?;
            }
            for e in entries {
                write!(out, "- **{}**", e.headword())?;
                if let Some(p) = e.plural_short() {
                    write!(out, ", {p}")?;
                }
                if let Some(g) = &e.gloss {
                    write!(out, " — {g}")?;
                }
                let mut tags: Vec<&str> = Vec::new();
                tags.extend(e.category);
                tags.extend(e.level);
                if !tags.is_empty() {
                    write!(out, " *({})*", tags.join(", "))?;
                }
                writeln!(out)?;
                if !e.parts.is_empty() {
                    writeln!(out, "  - Teile: {}", e.parts.join(" · "))?;
                }
                writeln!(out, "  - „{}“", e.example)?;
            }
            Ok(())
        }
    }
}
