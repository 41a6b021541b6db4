//! `kernsatz cloze`.

use std::io::{self, Write};

use kernsatz::Document;
use kernsatz::article::ReadOptions;
use kernsatz::cloze::{Worksheet, worksheet};
use kernsatz::export::worksheet::{Format, write};
use kernsatz::output::write_atomic;

use super::args::{ClozeArgs, ClozeFormatArg};
use super::batch;
use super::io::{idf_or_embedded, load_idf, paths_or_stdin};
use super::{Failure, Outcome};

/// The worksheet's source line: the file name (without its directory) or JSONL record of each
/// article, and the date of a single article when known.
pub fn describe_source(ws: &mut Worksheet, loaded: &batch::Loaded) {
    let names: Vec<&str> = loaded
        .docs
        .iter()
        .map(|(n, _)| n.rsplit(['/', '\\']).next().unwrap_or(n))
        .collect();
    ws.source = names.join(", ");
    if let ([(_, doc)], [(_, date)]) = (loaded.docs.as_slice(), loaded.meta.as_slice()) {
        ws.date = date.clone().or_else(|| doc.date().map(str::to_owned));
    }
}

pub fn run(a: ClozeArgs) -> Result<Outcome, Failure> {
    let opts = a.exercise.options();
    let custom = load_idf(&a.exercise.idf)?;
    let read = ReadOptions {
        encoding: a.input.encoding,
    };
    let loaded = batch::load_documents(&paths_or_stdin(&a.input.files), read)?;
    let docs = &loaded.docs;
    let texts: Vec<&str> = docs.iter().map(|(_, d)| d.text.as_str()).collect();
    let seed = a.exercise.seed().resolve(&texts);
    let titles: Vec<&str> = loaded
        .meta
        .iter()
        .map(|(t, _)| t.as_deref().unwrap_or(""))
        .collect();
    let named: Vec<(&str, &Document)> = docs
        .iter()
        .zip(&titles)
        .map(|((_, d), t)| (*t, d))
        .collect();
    let mut ws = worksheet(&named, &opts, idf_or_embedded(&custom), seed);
    describe_source(&mut ws, &loaded);
    if ws.items.is_empty() {
        return Err(Failure::usage(
            "no cloze items: the article has no sentence of 6–40 words with a gap-worthy word",
        ));
    }
    let format = match a.format {
        ClozeFormatArg::Text => Format::Text,
        ClozeFormatArg::Markdown => Format::Markdown,
        ClozeFormatArg::Json => Format::Json,
        ClozeFormatArg::Html => Format::Html,
    };
    match &a.output {
        Some(path) => write_atomic(path, a.force, |w| write(&ws, format, w))?,
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            write(&ws, format, &mut out)?;
            out.flush()?;
        }
    }
    Ok(batch::summarize_failures(loaded.stats(), &loaded.failures))
}
