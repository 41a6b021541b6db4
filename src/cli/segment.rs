//! `kernsatz segment`.

use std::io::{self, Write};

use kernsatz::Document;
use kernsatz::article::ReadOptions;

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
