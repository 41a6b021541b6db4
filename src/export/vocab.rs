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

/// Columns of the TSV/CSV formats (a list per article puts an `id` column first).
pub const COLUMNS: [&str; 15] = [
    "lemma",
    "article",
    "plural",
    "gloss",
    "pos",
    "gender",
    "category",
    "level",
    "count",
    "forms",
    "parts",
    "example",
    "gloss_composed",
    "definition_de",
    "ipa",
];

/// An example sentence in German quotation marks, escaped for Markdown; a sentence that
/// opens with a quotation of its own keeps its marks and gets no second pair („„Der …“ …“).
fn quoted_example(example: &str) -> String {
    if example.starts_with(['„', '"', '»', '«', '“']) {
        md(example)
    } else {
        format!("„{}“", md(example))
    }
}

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
        VocabFormat::Tsv | VocabFormat::Csv => write_vocab_rows(out, entries, format, None, true),
        VocabFormat::Markdown => {
            if let Some(t) = title {
                writeln!(out, "# Wortschatz: {}\n", md(t))?;
            }
            for e in entries {
                write!(out, "- **{}**", md(&e.headword()))?;
                if let Some(p) = e.plural_short() {
                    write!(out, ", {}", md(&p))?;
                }
                if let Some(ipa) = &e.ipa {
                    write!(out, " /{}/", md(ipa))?;
                }
                if let Some(g) = &e.gloss {
                    let mark = if e.gloss_composed { "≈ " } else { "" };
                    write!(out, " — {mark}{}", md(g))?;
                }
                let mut tags: Vec<&str> = Vec::new();
                tags.extend(e.category);
                tags.extend(e.level);
                if !tags.is_empty() {
                    write!(out, " *({})*", tags.join(", "))?;
                }
                writeln!(out)?;
                if let Some(d) = &e.definition_de {
                    writeln!(out, "  - Bedeutung: {}", md(d))?;
                }
                if !e.parts.is_empty() {
                    writeln!(out, "  - Teile: {}", md(&e.parts.join(" · ")))?;
                }
                writeln!(out, "  - {}", quoted_example(&e.example))?;
            }
            if entries.iter().any(|e| e.gloss_composed) {
                writeln!(
                    out,
                    "\n≈ English composed from the parts' glosses. Bedeutungen: Wiktionary (CC BY-SA 4.0)."
                )?;
            } else if entries
                .iter()
                .any(|e| e.definition_de.is_some() || e.ipa.is_some())
            {
                writeln!(
                    out,
                    "\nBedeutungen und Aussprache: Wiktionary (CC BY-SA 4.0)."
                )?;
            }
            Ok(())
        }
    }
}

/// Write `entries` as TSV or CSV rows (`format` must be one of them), the header row first
/// when `header`; with `id`, every row starts with an `id` column of that value (one list per
/// article).
pub fn write_vocab_rows(
    out: &mut dyn Write,
    entries: &[VocabEntry],
    format: VocabFormat,
    id: Option<&str>,
    header: bool,
) -> io::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(if format == VocabFormat::Tsv {
            b'\t'
        } else {
            b','
        })
        .from_writer(out);
    if header {
        let mut h: Vec<&str> = Vec::new();
        if id.is_some() {
            h.push("id");
        }
        h.extend(COLUMNS);
        w.write_record(h).map_err(io::Error::other)?;
    }
    for e in entries {
        let mut cells: Vec<Cow<str>> = Vec::with_capacity(COLUMNS.len() + 1);
        if let Some(id) = id {
            cells.push(cell(id));
        }
        cells.extend([
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
            Cow::Borrowed(if e.gloss_composed { "true" } else { "false" }),
            cell(e.definition_de.as_deref().unwrap_or("")),
            cell(e.ipa.as_deref().unwrap_or("")),
        ]);
        w.write_record(cells.iter().map(|c| c.as_bytes()))
            .map_err(io::Error::other)?;
    }
    w.flush()
}

/// Write one article's list as one JSON line: `{"id": …, "entries": […]}`.
pub fn write_vocab_json_line(
    out: &mut dyn Write,
    id: &serde_json::Value,
    entries: &[VocabEntry],
) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct Line<'a> {
        id: &'a serde_json::Value,
        entries: &'a [VocabEntry],
    }
    serde_json::to_writer(&mut *out, &Line { id, entries }).map_err(io::Error::other)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_are_quoted_once() {
        assert_eq!(
            quoted_example("Beide Regierungen wollen daher enger zusammenarbeiten."),
            "„Beide Regierungen wollen daher enger zusammenarbeiten.“"
        );
        assert_eq!(
            quoted_example("„Der Klimawandel schafft Not“, sagt Reuter."),
            "„Der Klimawandel schafft Not“, sagt Reuter."
        );
    }
}
