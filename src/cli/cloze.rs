//! `kernsatz cloze`.

use std::io::{self, Write};

use kernsatz::Document;
use kernsatz::article::ReadOptions;
use kernsatz::cloze::worksheet;
use kernsatz::export::worksheet::{Format, write};
use kernsatz::output::write_atomic;

use super::args::{ClozeArgs, ClozeFormatArg};
use super::batch;
use super::io::{idf_or_embedded, known_words, load_idf, paths_or_stdin};
use super::{Failure, Outcome};

pub fn run(a: ClozeArgs) -> Result<Outcome, Failure> {
    let mut opts = a.exercise.options();
    opts.known = known_words(&a.known)?;
    let custom = load_idf(&a.exercise.idf)?;
    let read = ReadOptions {
        encoding: a.input.encoding,
    };
    let loaded = batch::load_documents(&paths_or_stdin(&a.input.files), read)?;
    let docs = &loaded.docs;
    let texts: Vec<&str> = docs.iter().map(|(_, d)| d.text.as_str()).collect();
    let seed = a.exercise.seed().resolve(&texts);
    let named: Vec<(&str, &Document)> = docs.iter().map(|(n, d)| (n.as_str(), d)).collect();
    let ws = worksheet(&named, &opts, idf_or_embedded(&custom), seed);
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
