//! An article as read, the way `kernsatz extract` shows it: title, date, teaser and blocks, as
//! text, Markdown or JSON. For a web page the blocks are what extraction kept, with their kind
//! and their byte offsets in the decoded page; for text they are its non-empty lines.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::article::Article;
use crate::export::escape::escape_markdown;
use crate::html::{Block, Structure};

/// Output formats of an extracted article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageFormat {
    /// Plain text: title, date, teaser, then the blocks (list items as `- …`, a table row's
    /// cells joined with ` | `).
    Text,
    /// Markdown: `#` title, `##` headings, lists and tables.
    Markdown,
    /// One JSON object per article (a line), with each block's kind and byte offsets.
    Json,
}

/// The teaser and blocks of `article`: extracted from a web page, or the lines of a text.
fn parts(article: &Article) -> (Option<Block>, Vec<Block>) {
    if let Some(page) = &article.page {
        return (page.extracted.teaser.clone(), page.extracted.blocks.clone());
    }
    let mut blocks = Vec::new();
    let mut pos = 0;
    for line in article.text.split_inclusive('\n') {
        let start = pos + (line.len() - line.trim_start().len());
        let end = pos + line.trim_end().len();
        pos += line.len();
        if end > start {
            blocks.push(Block {
                kind: Structure::Paragraph,
                text: article.text[start..end].to_string(),
                start,
                end,
                row: None,
            });
        }
    }
    (None, blocks)
}

/// Write `article` in `format`.
pub fn write_page(out: &mut dyn Write, article: &Article, format: PageFormat) -> io::Result<()> {
    let (teaser, blocks) = parts(article);
    match format {
        PageFormat::Json => {
            let block = |b: &Block| {
                let mut v = json!({
                    "kind": b.kind.as_str(),
                    "text": b.text,
                    "start": b.start,
                    "end": b.end,
                });
                if let Some(r) = b.row {
                    v["row"] = json!(r);
                }
                v
            };
            let v = json!({
                "name": article.name,
                "title": article.title,
                "date": article.date,
                "encoding": article.page.as_ref().map(|p| p.encoding),
                "warnings": article.warnings.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
                "teaser": teaser.as_ref().map(block).unwrap_or(Value::Null),
                "blocks": blocks.iter().map(block).collect::<Vec<_>>(),
            });
            serde_json::to_writer(&mut *out, &v).map_err(io::Error::other)?;
            writeln!(out)
        }
        PageFormat::Text | PageFormat::Markdown => {
            let md = format == PageFormat::Markdown;
            let esc = |s: &str| {
                if md {
                    escape_markdown(s)
                } else {
                    s.to_string()
                }
            };
            let mut head = false;
            if let Some(t) = &article.title {
                writeln!(out, "{}{}", if md { "# " } else { "" }, esc(t))?;
                head = true;
            }
            if let Some(d) = &article.date {
                if md {
                    writeln!(out, "{}*{}*", if head { "\n" } else { "" }, esc(d))?;
                } else {
                    writeln!(out, "{d}")?;
                }
                head = true;
            }
            let mut body = String::new();
            if let Some(t) = &teaser {
                body.push_str(&if md {
                    format!("**{}**\n", esc(&t.text))
                } else {
                    format!("{}\n", t.text)
                });
            }
            write_blocks(&mut body, &blocks, md, &esc);
            if head && !body.is_empty() {
                writeln!(out)?;
            }
            out.write_all(body.as_bytes())
        }
    }
}

/// Blocks as text or Markdown: a blank line between paragraphs, headings, lists and tables;
/// list items and table rows one per line.
fn write_blocks(out: &mut String, blocks: &[Block], md: bool, esc: &dyn Fn(&str) -> String) {
    let mut prev: Option<Structure> = None;
    let mut k = 0;
    while k < blocks.len() {
        let b = &blocks[k];
        let grouped = matches!(b.kind, Structure::ListItem | Structure::TableCell);
        let continues = grouped && prev == Some(b.kind);
        if !out.is_empty() && !continues {
            out.push('\n');
        }
        match b.kind {
            Structure::Paragraph => out.push_str(&esc(&b.text)),
            Structure::Heading => {
                if md {
                    out.push_str("## ");
                }
                out.push_str(&esc(&b.text));
            }
            Structure::ListItem => {
                out.push_str("- ");
                out.push_str(&esc(&b.text));
            }
            Structure::TableCell => {
                // One row: the cells that share it.
                let mut end = k + 1;
                while end < blocks.len()
                    && blocks[end].kind == Structure::TableCell
                    && blocks[end].row == b.row
                {
                    end += 1;
                }
                let cells: Vec<String> = blocks[k..end].iter().map(|c| esc(&c.text)).collect();
                let first_row = prev != Some(Structure::TableCell);
                if md {
                    out.push_str(&format!("| {} |", cells.join(" | ")));
                    if first_row {
                        out.push_str(&format!("\n|{}", " --- |".repeat(cells.len())));
                    }
                } else {
                    out.push_str(&cells.join(" | "));
                }
                out.push('\n');
                prev = Some(Structure::TableCell);
                k = end;
                continue;
            }
        }
        out.push('\n');
        prev = Some(b.kind);
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(kind: Structure, text: &str, row: Option<usize>) -> Block {
        Block {
            kind,
            text: text.into(),
            start: 0,
            end: 0,
            row,
        }
    }

    #[test]
    fn lists_and_tables_group_and_markdown_escapes() {
        let blocks = [
            block(Structure::Heading, "Zutaten *frisch*", None),
            block(Structure::ListItem, "200 g Mehl", None),
            block(Structure::ListItem, "2 Eier", None),
            block(Structure::TableCell, "Jahr", Some(0)),
            block(Structure::TableCell, "Umsatz", Some(0)),
            block(Structure::TableCell, "2023", Some(1)),
            block(Structure::TableCell, "5,2 Mio.", Some(1)),
            block(Structure::Paragraph, "Ein Satz.", None),
        ];
        let mut text = String::new();
        write_blocks(&mut text, &blocks, false, &|s: &str| s.to_string());
        assert_eq!(
            text,
            "Zutaten *frisch*\n\n- 200 g Mehl\n- 2 Eier\n\nJahr | Umsatz\n2023 | 5,2 Mio.\n\nEin Satz.\n"
        );
        let mut md = String::new();
        write_blocks(&mut md, &blocks, true, &escape_markdown);
        assert_eq!(
            md,
            "## Zutaten \\*frisch\\*\n\n- 200 g Mehl\n- 2 Eier\n\n| Jahr | Umsatz |\n| --- | --- |\n\
             | 2023 | 5,2 Mio. |\n\nEin Satz.\n"
        );
    }
}
