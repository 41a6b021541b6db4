//! `kernsatz cloze`.

use std::io::{self, Write};

use kernsatz::article::ReadOptions;
use kernsatz::cloze::{Seed, SheetBuilder};
use kernsatz::export::worksheet::{Format, SheetView, SpoolingSheetBuilder, write, write_view};
use kernsatz::output::write_atomic;
use kernsatz::{Options, Summarizer};

use super::args::{ClozeArgs, ClozeFormatArg};
use super::batch;
use super::io::{idf_or_embedded, known_words, load_idf, paths_or_stdin};
use super::{Failure, Outcome};

/// The file name (without its directory) or JSONL record of an article, for the worksheet's
/// source line.
fn short_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// Where the items of the worksheet are kept while it is made.
enum Builder<'a> {
    /// In memory: the HTML page needs the whole worksheet.
    Memory(SheetBuilder<'a>),
    /// In temporary files, read back item by item by the text, Markdown and JSON writers.
    Spooled(SpoolingSheetBuilder<'a>),
}

/// The articles are read and analysed window by window on all cores, and their items made in
/// input order (one random sequence runs through them all); what is kept is the worksheet, not
/// the documents, and for the formats other than HTML its items wait in temporary files.
pub fn run(a: ClozeArgs) -> Result<Outcome, Failure> {
    let mut opts = a.exercise.options();
    opts.known = known_words(&a.known)?;
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
    let format = match a.format {
        ClozeFormatArg::Text => Format::Text,
        ClozeFormatArg::Markdown => Format::Markdown,
        ClozeFormatArg::Json => Format::Json,
        ClozeFormatArg::Html => Format::Html,
    };
    let mut sheet = match format {
        Format::Html => Builder::Memory(SheetBuilder::new(&opts, idf, seed)),
        _ => Builder::Spooled(SpoolingSheetBuilder::new(SheetBuilder::new(
            &opts, idf, seed,
        ))?),
    };
    // what stops the whole command (the temporary files)
    let mut stopped: Option<Failure> = None;
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
                    let title = title.as_deref().unwrap_or("");
                    match &mut sheet {
                        Builder::Memory(b) => b.add_scored(title, &doc, &scores),
                        Builder::Spooled(b) => {
                            if let Err(e) = b.add_scored(title, &doc, &scores) {
                                stopped = Some(e.into());
                                return Err(io::Error::other("the worksheet cannot be made"));
                            }
                        }
                    }
                }
                Err(e) => failures.push(batch::named(&d.name, e)),
            }
            Ok(())
        },
    );
    if let Some(failure) = stopped {
        return Err(failure);
    }
    let stats = stats?;
    if names.is_empty() {
        return Err(Failure::usage(failures.join("\n")));
    }
    let source = names.join(", ");
    let date = if names.len() == 1 { first_date } else { None };
    let no_items = || {
        Failure::usage(
            "no cloze items: the article has no sentence of 6–40 words with a gap-worthy word",
        )
    };
    match sheet {
        Builder::Memory(b) => {
            let mut ws = b.finish();
            ws.source = source;
            ws.date = date;
            if ws.items.is_empty() {
                return Err(no_items());
            }
            output(&a, |w| write(&ws, format, w))?;
        }
        Builder::Spooled(b) => {
            let mut ws = b.finish()?;
            ws.source = source;
            ws.date = date;
            if ws.item_count() == 0 {
                return Err(no_items());
            }
            output(&a, |w| write_view(&ws, format, w))?;
        }
    }
    Ok(batch::summarize_failures(stats, &failures))
}

/// Writes with `write` to the output file (atomically) or to standard output.
fn output(
    a: &ClozeArgs,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Failure> {
    match &a.output {
        Some(path) => write_atomic(path, a.force, write)?,
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            write(&mut out)?;
            out.flush()?;
        }
    }
    Ok(())
}
