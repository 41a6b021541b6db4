//! A study pack: everything kernsatz makes from one article (summary, vocabulary, cloze
//! worksheet), plus the summary page in Markdown and the whole pack as JSON.

use std::io::{self, Write};

use serde::Serialize;

use crate::cloze::Worksheet;
use crate::summarize::Summary;
use crate::vocab::VocabEntry;

/// What kernsatz makes from one article.
#[derive(Debug, Clone, Serialize)]
pub struct StudyPack {
    /// The article's title (HTML metadata, else the file name).
    pub title: String,
    /// Publication date, when known.
    pub date: Option<String>,
    /// Where the article came from (file name or JSONL id).
    pub source: String,
    /// The summary.
    pub summary: Summary,
    /// The vocabulary list.
    pub vocab: Vec<VocabEntry>,
    /// The cloze worksheet.
    pub cloze: Worksheet,
}

/// Levels whose words the summary page glosses.
const GLOSSED_LEVELS: [&str; 3] = ["B2", "C1", "C2"];

impl StudyPack {
    /// Vocabulary entries that occur in the summary's sentences and are hard (B2 and up), in
    /// order of first occurrence.
    pub fn summary_words(&self) -> Vec<&VocabEntry> {
        let mut out: Vec<(usize, &VocabEntry)> = Vec::new();
        for e in &self.vocab {
            if e.gloss.is_none() || !e.level.is_some_and(|l| GLOSSED_LEVELS.contains(&l)) {
                continue;
            }
            let first = e.occurrences.iter().find(|(s, en)| {
                self.summary
                    .sentences
                    .iter()
                    .any(|x| x.start <= *s && *en <= x.end)
            });
            if let Some((s, _)) = first {
                out.push((*s, e));
            }
        }
        out.sort_by_key(|(s, _)| *s);
        out.into_iter().map(|(_, e)| e).collect()
    }

    /// `summary.md`: title, date, summary, and the summary's difficult words glossed.
    pub fn write_summary_markdown(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "# {}\n", self.title)?;
        if let Some(d) = &self.date {
            writeln!(out, "*{d}*\n")?;
        }
        writeln!(out, "## Zusammenfassung\n")?;
        for s in &self.summary.sentences {
            let text = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
            writeln!(out, "- {text}")?;
        }
        let words = self.summary_words();
        if !words.is_empty() {
            writeln!(out, "\n## Wörter / Words\n")?;
            for e in words {
                writeln!(out, "- **{}**", e.display())?;
            }
        }
        writeln!(out, "\n---\n*Quelle: {}*", self.source)
    }
}
