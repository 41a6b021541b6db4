//! `kernsatz cloze`.

use std::io::{self, Write};

use kernsatz::article::ReadOptions;
use kernsatz::cloze::{Seed, SheetBuilder};
use kernsatz::export::worksheet::{Format, write};
use kernsatz::output::write_atomic;
use kernsatz::{Options, Summarizer};

use super::args::{ClozeArgs, ClozeFormatArg};
use super::batch;
use super::io::{idf_or_embedded, load_idf, paths_or_stdin};
use super::{Failure, Outcome};

/// The file name (without its directory) or JSONL record of an article, for the worksheet's
/// source line.
fn short_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// The articles are read and analysed window by window on all cores, and their items made in
/// input order (one random sequence runs through them all); what is kept is the worksheet, not
/// the documents.
pub fn run(a: ClozeArgs) -> Result<Outcome, Failure> {
    let opts = a.exercise.options();
    let custom = load_idf(&a.exercise.idf)?;
    let read = ReadOptions {
        encoding: a.input.encoding,
    };
    let paths = paths_or_stdin(&a.input.files);
    batch::check_inputs(&paths)?;
    let mut inputs = batch::Inputs::new(paths, read);
    let seed = match a.exercise.seed() {
        Seed::Fixed(seed) => seed,
        Seed::FromText => batch::seed_from_texts(&mut inputs, a.input.quiet)?,
    };
    let idf = idf_or_embedded(&custom);
    let summarizer = Summarizer::new(idf, Options::default());
    let mut sheet = SheetBuilder::new(&opts, idf, seed);
    let mut names: Vec<String> = Vec::new();
    // the date of the first article, shown when it is the only one
    let mut first_date: Option<String> = None;
    let mut failures = Vec::new();
    let stats = batch::run(
        inputs.pass(),
        a.input.quiet,
        |_, article| {
            let doc = batch::analyse(article)?;
            let scores = summarizer.scores(&doc);
            let meta = (
                article.name.clone(),
                article.title.clone(),
                article.date.clone(),
            );
            Ok((meta, doc, scores))
        },
        |d: &batch::Doc, result| {
            match result {
                Ok(((name, title, date), doc, scores)) => {
                    if names.is_empty() {
                        first_date = date.or_else(|| doc.date().map(str::to_owned));
                    }
                    names.push(short_name(&name).to_owned());
                    sheet.add_scored(title.as_deref().unwrap_or(""), &doc, &scores);
                }
                Err(e) => failures.push(batch::named(&d.name, e)),
            }
            Ok(())
        },
    )?;
    if sheet.articles() == 0 {
        return Err(Failure::usage(failures.join("\n")));
    }
    let mut ws = sheet.finish();
    ws.source = names.join(", ");
    if names.len() == 1 {
        ws.date = first_date;
    }
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
    Ok(batch::summarize_failures(stats, &failures))
}
