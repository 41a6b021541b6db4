//! `kernsatz segment`.

use std::io::{self, Write};
use std::ops::Range;

use serde::Serialize;
use serde_json::Value;

use kernsatz::Document;
use kernsatz::article::ReadOptions;
use kernsatz::export::summary::write_jsonl_error;

use super::args::SegmentArgs;
use super::batch;
use super::io::paths_or_stdin;
use super::{Failure, Outcome, describe};

/// A sentence on one line: inner line breaks (soft wraps) become spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn run(a: SegmentArgs) -> Result<Outcome, Failure> {
    let paths = paths_or_stdin(&a.input.files);
    batch::check_inputs(&paths)?;
    if a.jsonl {
        return run_jsonl(&a, &paths);
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let read = ReadOptions {
        encoding: a.input.encoding,
    };
    let mut failures = Vec::new();
    let mut stats = batch::Stats::default();
    for d in batch::documents(&paths, false, read) {
        stats.done += 1;
        let article = match d.article {
            Ok(a) => a,
            Err(e) => {
                stats.failed += 1;
                failures.push(batch::named(&d.name, e));
                continue;
            }
        };
        if a.raw {
            for r in kernsatz::segment::split_sentences(&article.text) {
                writeln!(out, "{}", one_line(&article.text[r]))?;
            }
            continue;
        }
        match Document::from_article(&article) {
            Ok(doc) => {
                for i in 0..doc.sentences.len() {
                    writeln!(out, "{}", one_line(doc.sentence_text(i)))?;
                }
            }
            Err(e) => {
                stats.failed += 1;
                failures.push(describe(&e.in_source(d.name)));
            }
        }
    }
    out.flush()?;
    if stats.done == 1 && stats.failed == 1 {
        return Err(Failure::usage(failures.remove(0)));
    }
    Ok(batch::summarize_failures(stats, &failures))
}

/// One JSON line per record: `{"id","sentences":[{"text","start","end"}]}`, on all cores, in
/// input order; a record that fails gives `{"id","error"}`.
fn run_jsonl(a: &SegmentArgs, paths: &[std::path::PathBuf]) -> Result<Outcome, Failure> {
    #[derive(Serialize)]
    struct Span<'a> {
        text: &'a str,
        start: usize,
        end: usize,
    }
    #[derive(Serialize)]
    struct Line<'a> {
        id: &'a Value,
        sentences: Vec<Span<'a>>,
    }
    let raw = a.raw;
    let read = ReadOptions {
        encoding: a.input.encoding,
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut failures = Vec::new();
    let stats = batch::run(
        batch::documents(paths, true, read),
        a.input.quiet,
        |d, article| {
            let line = |text: &str, spans: &mut dyn Iterator<Item = Range<usize>>| {
                let sentences = spans
                    .map(|r| Span {
                        text: &text[r.clone()],
                        start: r.start,
                        end: r.end,
                    })
                    .collect();
                serde_json::to_string(&Line {
                    id: &d.id,
                    sentences,
                })
                .map_err(|e| e.to_string())
            };
            if raw {
                let text = &article.text;
                line(
                    text,
                    &mut kernsatz::segment::split_sentences(text).into_iter(),
                )
            } else {
                let doc = Document::new(article.text.as_str()).map_err(|e| e.to_string())?;
                line(&doc.text, &mut doc.sentences.iter().map(|s| s.start..s.end))
            }
        },
        |d, result| {
            match result {
                Ok(l) => writeln!(out, "{l}")?,
                Err(e) => {
                    write_jsonl_error(&mut out, &d.id, &e)?;
                    failures.push(batch::named(&d.name, e));
                }
            }
            Ok(())
        },
    )?;
    out.flush()?;
    Ok(batch::summarize_failures(stats, &failures))
}
