//! `kernsatz idf build`, `kernsatz idf count` and `kernsatz idf merge`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use kernsatz::IdfBuilder;
use kernsatz::article::ReadOptions;
use kernsatz::output::write_atomic;

use super::args::{IdfBuildArgs, IdfCountArgs, IdfMergeArgs};
use super::batch::{self, WINDOW};
use super::io::{is_stdin, name_of, paths_or_stdin};
use super::{Failure, Outcome};

pub fn build(a: IdfBuildArgs) -> Result<Outcome, Failure> {
    let (builder, failed) = match &a.from_counts {
        Some(p) => (from_counts(p)?, 0),
        None => {
            batch::check_inputs(&a.paths)?;
            let read = ReadOptions {
                encoding: a.encoding,
            };
            count(&a.paths, false, read)
        }
    };
    if builder.docs() == 0 {
        return Err(Failure::usage("no documents found to count"));
    }
    write_atomic(&a.output, a.force, |w| builder.write(w, a.min_df))?;
    eprintln!(
        "kernsatz: counted {} documents into {}",
        builder.docs(),
        name_of(&a.output)
    );
    Ok(outcome(failed))
}

/// `kernsatz idf count`: the counts of the input as JSON lines on stdout, nothing else there
/// (a pipe stage: an empty input gives `{"docs":0}`).
pub fn count_command(a: IdfCountArgs) -> Result<Outcome, Failure> {
    let paths = paths_or_stdin(&a.paths);
    batch::check_inputs(&paths)?;
    let read = ReadOptions {
        encoding: a.encoding,
    };
    let (builder, failed) = count(&paths, true, read);
    let mut out = io::BufWriter::new(io::stdout().lock());
    builder.write_counts(&mut out)?;
    out.flush()?;
    Ok(outcome(failed))
}

/// Count the documents of `paths`: the same document stream as every other command (files,
/// directories, JSONL, HTML), counted window by window on all cores. A document that cannot be
/// read is reported on stderr and skipped; returns the counts and the number skipped.
fn count(paths: &[PathBuf], stdin_jsonl: bool, read: ReadOptions) -> (IdfBuilder, usize) {
    let mut builder = IdfBuilder::default();
    let mut failed = 0usize;
    let mut docs = batch::documents(paths, stdin_jsonl, read).peekable();
    while docs.peek().is_some() {
        let window: Vec<batch::Doc> = docs.by_ref().take(WINDOW).collect();
        for d in &window {
            if let Err(e) = &d.article {
                eprintln!("kernsatz: {}: {e} (skipped)", d.name);
                failed += 1;
            }
        }
        let part = window
            .par_iter()
            .fold(IdfBuilder::default, |mut b, d| {
                if let Ok(a) = &d.article {
                    b.add_document(&a.text);
                }
                b
            })
            .reduce(IdfBuilder::default, |mut a, b| {
                a.merge(b);
                a
            });
        builder.merge(part);
    }
    (builder, failed)
}

/// The counts of `--from-counts FILE` (`-`: stdin).
fn from_counts(p: &Path) -> Result<IdfBuilder, Failure> {
    let mut builder = IdfBuilder::default();
    let read = if is_stdin(p) {
        builder.merge_counts_reader(io::stdin().lock())
    } else {
        let f = std::fs::File::open(p)
            .map_err(|e| Failure::usage(format!("cannot read {}: {e}", p.display())))?;
        builder.merge_counts_reader(io::BufReader::new(f))
    };
    read.map_err(|e| Failure::from(e.in_source(name_of(p))))?;
    Ok(builder)
}

fn outcome(failed: usize) -> Outcome {
    if failed > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Done
    }
}

pub fn merge(a: IdfMergeArgs) -> Result<Outcome, Failure> {
    let mut builder = IdfBuilder::default();
    for t in &a.tables {
        let f = std::fs::File::open(t)
            .map_err(|e| Failure::usage(format!("cannot read {}: {e}", t.display())))?;
        builder
            .merge_reader(io::BufReader::new(f))
            .map_err(|e| Failure::from(e.in_source(t.display().to_string())))?;
    }
    write_atomic(&a.output, a.force, |w| builder.write(w, 1))?;
    Ok(Outcome::Done)
}
