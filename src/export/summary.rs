//! Summaries as text, Markdown, JSON and JSON lines, and the `summary.md` page of a study pack.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::escape::escape_markdown as md;
use crate::study::StudyPack;
use crate::summarize::Summary;

/// Output formats of a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryFormat {
    /// One sentence per line.
    Text,
    /// A Markdown list.
    Markdown,
    /// One JSON object per article.
    Json,
}

/// A sentence on one line: inner line breaks (soft wraps) become spaces.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Write `summary` in `format`; `explain` adds each sentence's score and heaviest terms.
pub fn write_summary(
    out: &mut dyn Write,
    summary: &Summary,
    format: SummaryFormat,
    explain: bool,
) -> io::Result<()> {
    match format {
        SummaryFormat::Json => {
            let mut v = serde_json::to_value(summary).map_err(io::Error::other)?;
            if explain {
                for (j, sent) in summary.sentences.iter().enumerate() {
                    v["sentences"][j]["terms"] = json!(sent.terms);
                }
            }
            serde_json::to_writer(&mut *out, &v).map_err(io::Error::other)?;
            writeln!(out)
        }
        SummaryFormat::Text | SummaryFormat::Markdown => {
            let md = format == SummaryFormat::Markdown;
            for sent in &summary.sentences {
                let text = one_line(&sent.text);
                if md {
                    writeln!(out, "- {text}")?;
                } else {
                    writeln!(out, "{text}")?;
                }
                if explain {
                    let terms: Vec<String> = sent
                        .terms
                        .iter()
                        .map(|(t, w)| format!("{t} {w:.2}"))
                        .collect();
                    let line = format!(
                        "[sentence {}, score {:.3}; terms: {}]",
                        sent.index + 1,
                        sent.score,
                        terms.join(", ")
                    );
                    if md {
                        writeln!(out, "  *{line}*")?;
                    } else {
                        writeln!(out, "    {line}")?;
                    }
                }
            }
            Ok(())
        }
    }
}

/// The heading before one article's summary in a batch (`first`: no blank line before it);
/// nothing for JSON, whose objects stand alone.
pub fn write_heading(
    out: &mut dyn Write,
    name: &str,
    format: SummaryFormat,
    first: bool,
) -> io::Result<()> {
    match format {
        SummaryFormat::Json => Ok(()),
        SummaryFormat::Markdown => write!(out, "{}## {name}\n\n", if first { "" } else { "\n" }),
        SummaryFormat::Text => writeln!(out, "{}==> {name} <==", if first { "" } else { "\n" }),
    }
}

/// One JSON line `{"id": …, "sentences": […], "summary": …}` (the id first, then the keys
/// in order, as in the `json` format).
pub fn write_jsonl(out: &mut dyn Write, id: &Value, summary: &Summary) -> io::Result<()> {
    let body = json!({"summary": summary.summary, "sentences": summary.sentences});
    let body = serde_json::to_string(&body).map_err(io::Error::other)?;
    let id = serde_json::to_string(id).map_err(io::Error::other)?;
    writeln!(out, "{{\"id\":{id},{}", &body[1..])
}

/// One JSON line `{"id": …, "error": …}` for an article that failed.
pub fn write_jsonl_error(out: &mut dyn Write, id: &Value, error: &str) -> io::Result<()> {
    writeln!(out, "{}", json!({"id": id, "error": error}))
}

/// `summary.md` of a study pack: title, date, the summary, the summary's difficult words
/// glossed, and the source.
///
/// Everything from the article is escaped (Markdown renderers execute HTML and links).
pub fn write_study_summary(out: &mut dyn Write, pack: &StudyPack) -> io::Result<()> {
    writeln!(out, "# {}\n", md(&one_line(&pack.title)))?;
    if let Some(d) = &pack.date {
        writeln!(out, "*{}*\n", md(&one_line(d)))?;
    }
    writeln!(out, "## Zusammenfassung\n")?;
    for s in &pack.summary.sentences {
        writeln!(out, "- {}", md(&one_line(&s.text)))?;
    }
    let words = pack.summary_words();
    if !words.is_empty() {
        writeln!(out, "\n## Wörter / Words\n")?;
        for e in words {
            writeln!(out, "- **{}**", md(&e.display()))?;
        }
    }
    writeln!(out, "\n---\n*Quelle: {}*", md(&one_line(&pack.source)))
}
