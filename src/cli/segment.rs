//! `kernsatz segment`.

use std::io::{self, Write};

use kernsatz::Document;
use kernsatz::article::ReadOptions;

use super::args::SegmentArgs;
use super::batch;
use super::io::paths_or_stdin;
use super::{Failure, Outcome};

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
    for d in batch::documents(&paths, false, read) {
        let article = d.article.map_err(Failure::usage)?;
        if a.raw {
            for r in kernsatz::segment::split_sentences(&article.text) {
                writeln!(out, "{}", one_line(&article.text[r]))?;
            }
        } else {
            let doc =
                Document::from_article(&article).map_err(|e| Failure::from(e.in_source(d.name)))?;
            for i in 0..doc.sentences.len() {
                writeln!(out, "{}", one_line(doc.sentence_text(i)))?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Done)
}
