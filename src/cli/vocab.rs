//! `kernsatz vocab`.

use std::io::{self, IsTerminal, Write};

use rayon::prelude::*;

use kernsatz::Document;
use kernsatz::article::ReadOptions;
use kernsatz::export::vocab::{VocabFormat, write_vocab};
use kernsatz::vocab::{VocabOptions, merge, vocabulary};

use super::args::{VocabArgs, VocabFormatArg};
use super::batch;
use super::io::{idf_or_embedded, load_idf, paths_or_stdin};
use super::table::write_table;
use super::{Failure, Outcome};

pub fn run(a: VocabArgs) -> Result<Outcome, Failure> {
    let opts = VocabOptions {
        all: a.all,
        limit: None,
        levels: a.level,
        category: a.category,
    };
    let custom = load_idf(&a.idf)?;
    let idf = idf_or_embedded(&custom);
    let paths = paths_or_stdin(&a.input.files);
    batch::check_inputs(&paths)?;
    let read = ReadOptions {
        encoding: a.input.encoding,
    };
    let docs: Vec<batch::Doc> = batch::documents(&paths, false, read).collect();
    let results: Vec<Result<_, String>> = docs
        .par_iter()
        .map(|d| {
            let article = d
                .article
                .as_ref()
                .map_err(|e| batch::named(&d.name, e.clone()))?;
            let doc = Document::from_article(article).map_err(|e| format!("{}: {e}", d.name))?;
            Ok(vocabulary(&doc, idf, &opts))
        })
        .collect();
    let mut lists = Vec::new();
    let mut failures = Vec::new();
    for r in results {
        match r {
            Ok(l) => lists.push(l),
            Err(e) => failures.push(e),
        }
    }
    if lists.is_empty() {
        return Err(Failure::usage(failures.join("\n")));
    }
    let limit = (a.limit > 0).then_some(a.limit);
    let entries = merge(lists, limit);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let title = (docs.len() == 1).then(|| docs[0].name.as_str());
    let format = match a.format {
        VocabFormatArg::Table => None,
        VocabFormatArg::Markdown => Some(VocabFormat::Markdown),
        VocabFormatArg::Tsv => Some(VocabFormat::Tsv),
        VocabFormatArg::Csv => Some(VocabFormat::Csv),
        VocabFormatArg::Json => Some(VocabFormat::Json),
    };
    match format {
        Some(f) => write_vocab(&mut out, &entries, f, title)?,
        None => {
            let color = io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            write_table(&mut out, &entries, color)?;
        }
    }
    out.flush()?;
    let stats = batch::Stats {
        done: docs.len(),
        failed: failures.len(),
    };
    Ok(batch::summarize_failures(stats, &failures))
}
