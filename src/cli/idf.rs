//! `kernsatz idf build` and `kernsatz idf merge`.

use std::io;

use rayon::prelude::*;

use kernsatz::IdfBuilder;
use kernsatz::article::ReadOptions;
use kernsatz::output::write_atomic;

use super::args::{IdfBuildArgs, IdfMergeArgs};
use super::batch::{self, WINDOW};
use super::io::name_of;
use super::{Failure, Outcome};

pub fn build(a: IdfBuildArgs) -> Result<Outcome, Failure> {
    batch::check_inputs(&a.paths)?;
    let mut builder = IdfBuilder::default();
    let mut failed = 0usize;
    // the same document stream as every other command (files, directories, JSONL, HTML),
    // counted window by window on all cores
    let read = ReadOptions {
        encoding: a.encoding,
    };
    let mut docs = batch::documents(&a.paths, false, read).peekable();
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
    if builder.docs() == 0 {
        return Err(Failure::usage("no documents found to count"));
    }
    write_atomic(&a.output, a.force, |w| builder.write(w, a.min_df))?;
    eprintln!(
        "kernsatz: counted {} documents into {}",
        builder.docs(),
        name_of(&a.output)
    );
    Ok(if failed > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Done
    })
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
