//! `kernsatz vocab`.

use std::io::{self, IsTerminal, Write};

use rayon::prelude::*;

use kernsatz::lexicon::{Category, Level};
use kernsatz::vocab::{VocabFormat, VocabOptions, merge, vocabulary, write_vocab};
use kernsatz::{Document, IdfTable};

use super::args::{VocabArgs, VocabFormatArg};
use super::batch;
use super::io::{encoding, paths_or_stdin};
use super::summarize::load_idf;
use super::{Failure, Outcome};

/// Parse `B1..C1`, `B2..`, `..B1`, `C1`.
pub fn parse_levels(s: &str) -> Result<(Level, Level), Failure> {
    let bad = || {
        Failure::usage(format!(
            "bad --level '{s}': use e.g. B1..C1, B2.., ..B1 or C1"
        ))
    };
    let level = |t: &str, default: Level| -> Result<Level, Failure> {
        if t.is_empty() {
            Ok(default)
        } else {
            t.to_ascii_uppercase().parse().map_err(|_| bad())
        }
    };
    let (lo, hi) = match s.split_once("..") {
        Some((a, b)) => (level(a, Level::A1)?, level(b, Level::C2)?),
        None => {
            let l = level(s, Level::A1)?;
            (l, l)
        }
    };
    if lo > hi {
        return Err(bad());
    }
    Ok((lo, hi))
}

/// Parse a category name.
pub fn parse_category(s: &str) -> Result<Category, Failure> {
    Category::ALL
        .iter()
        .copied()
        .find(|c| c.as_str().eq_ignore_ascii_case(s))
        .ok_or_else(|| {
            let names: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
            Failure::usage(format!(
                "unknown category '{s}' (use one of: {})",
                names.join(", ")
            ))
        })
}

pub fn run(a: VocabArgs) -> Result<Outcome, Failure> {
    let enc = encoding(&a.input.encoding)?;
    let opts = VocabOptions {
        all: a.all,
        limit: None,
        levels: a.level.as_deref().map(parse_levels).transpose()?,
        category: a.category.as_deref().map(parse_category).transpose()?,
    };
    let custom = load_idf(&a.idf)?;
    let idf = custom.as_ref().unwrap_or_else(|| IdfTable::embedded());
    let paths = paths_or_stdin(&a.input.files);
    batch::check_inputs(&paths)?;
    let docs: Vec<batch::Doc> = batch::documents(&paths, false, enc).collect();
    let results: Vec<Result<_, String>> = docs
        .par_iter()
        .map(|d| {
            let text = d.text.as_ref().map_err(Clone::clone)?;
            let doc = Document::new(text.as_str()).map_err(|e| format!("{}: {e}", d.name))?;
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
    let format = match a.format {
        VocabFormatArg::Table => VocabFormat::Table,
        VocabFormatArg::Markdown => VocabFormat::Markdown,
        VocabFormatArg::Tsv => VocabFormat::Tsv,
        VocabFormatArg::Csv => VocabFormat::Csv,
        VocabFormatArg::Json => VocabFormat::Json,
    };
    let color = format == VocabFormat::Table
        && io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let title = (docs.len() == 1).then(|| docs[0].name.as_str());
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    write_vocab(&mut out, &entries, format, title, color)?;
    out.flush()?;
    let stats = batch::Stats {
        done: docs.len(),
        failed: failures.len(),
    };
    Ok(batch::summarize_failures(stats, &failures))
}
