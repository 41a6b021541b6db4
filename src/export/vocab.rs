//! Vocabulary lists as Markdown, TSV, CSV and JSON (the terminal table is the binary's).

use std::borrow::Cow;
use std::io::{self, Write};

use super::escape::{escape_markdown as md, spreadsheet_safe as cell};
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
                let cells: [Cow<str>; 12] = [
                    cell(&e.lemma),
                    cell(e.article.unwrap_or("")),
                    cell(e.plural.as_deref().unwrap_or("")),
                    cell(e.gloss.as_deref().unwrap_or("")),
                    cell(e.pos),
                    cell(e.gender.unwrap_or("")),
                    cell(e.category.unwrap_or("")),
                    cell(e.level.unwrap_or("")),
                    Cow::Owned(e.count.to_string()),
                    Cow::Owned(cell(&e.forms.join(", ")).into_owned()),
                    Cow::Owned(cell(&e.parts.join("·")).into_owned()),
                    cell(&e.example),
                ];
                w.write_record(cells.iter().map(|c| c.as_bytes()))
                    .map_err(io::Error::other)?;
            }
            w.flush()
        }
        VocabFormat::Markdown => {
            if let Some(t) = title {
                writeln!(out, "# Wortschatz: {}\n", md(t))?;
            }
            for e in entries {
                write!(out, "- **{}**", md(&e.headword()))?;
                if let Some(p) = e.plural_short() {
                    write!(out, ", {}", md(&p))?;
                }
                if let Some(g) = &e.gloss {
                    write!(out, " — {}", md(g))?;
                }
                let mut tags: Vec<&str> = Vec::new();
                tags.extend(e.category);
                tags.extend(e.level);
                if !tags.is_empty() {
                    write!(out, " *({})*", tags.join(", "))?;
                }
                writeln!(out)?;
                if !e.parts.is_empty() {
                    writeln!(out, "  - Teile: {}", md(&e.parts.join(" · ")))?;
                }
                writeln!(out, "  - „{}“", md(&e.example))?;
            }
            Ok(())
        }
    }
}
