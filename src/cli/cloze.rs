//! `kernsatz cloze` and `kernsatz quiz`.

use std::io::{self, Write};

use rand::SeedableRng;
use rand::rngs::StdRng;

use kernsatz::cloze::Worksheet;
use kernsatz::cloze::generate::{ClozeOptions, Hints, generate, seed_from_text};
use kernsatz::cloze::render::{Format, write};
use kernsatz::output::write_atomic;
use kernsatz::quiz::run_quiz;
use kernsatz::{Document, IdfTable, Summarizer};

use super::args::{ClozeArgs, ClozeFormatArg, ClozeGenArgs, QuizArgs};
use super::batch;
use super::io::{encoding, is_stdin, paths_or_stdin};
use super::vocab::parse_levels;
use super::{Failure, Outcome};

pub fn options(g: &ClozeGenArgs) -> Result<ClozeOptions, Failure> {
    if g.items == 0 {
        return Err(Failure::usage("--items must be at least 1"));
    }
    if g.gaps == 0 {
        return Err(Failure::usage("--gaps must be at least 1"));
    }
    if g.choices == 1 {
        return Err(Failure::usage(
            "--choices must be 0 (typed answers) or at least 2",
        ));
    }
    Ok(ClozeOptions {
        items: g.items,
        gaps: g.gaps,
        hints: g.hint.parse::<Hints>()?,
        choices: g.choices,
        levels: g.level.as_deref().map(parse_levels).transpose()?,
        ..ClozeOptions::default()
    })
}

/// The seed: a number, `random`, or derived from the texts.
pub fn seed(g: &ClozeGenArgs, texts: &[&str]) -> Result<u64, Failure> {
    match g.seed.as_deref() {
        None => Ok(seed_from_text(&texts.join("\u{0}"))),
        Some("random") => Ok(rand::random()),
        Some(s) => s
            .parse()
            .map_err(|_| Failure::usage(format!("--seed takes a number or 'random', not '{s}'"))),
    }
}

/// A worksheet from one or more articles (their items one after the other).
pub fn worksheet(docs: &[(String, Document)], opts: &ClozeOptions, seed: u64) -> Worksheet {
    let mut rng = StdRng::seed_from_u64(seed);
    let summarizer = Summarizer::default();
    let mut all = Worksheet {
        title: match docs {
            [(name, _)] => name.clone(),
            _ => format!("{} Artikel", docs.len()),
        },
        items: Vec::new(),
    };
    for (name, doc) in docs {
        let scores = summarizer.scores(doc);
        let ws = generate(doc, &scores, IdfTable::embedded(), name, opts, &mut rng);
        all.items.extend(ws.items);
    }
    for (i, it) in all.items.iter_mut().enumerate() {
        it.id = i + 1;
    }
    all
}

pub fn load_docs(
    paths: &[std::path::PathBuf],
    enc: kernsatz::input::Encoding,
) -> Result<Vec<(String, Document)>, Failure> {
    let mut docs = Vec::new();
    batch::check_inputs(paths)?;
    for d in batch::documents(paths, false, enc) {
        let text = d.text.map_err(Failure::usage)?;
        let doc = Document::new(text).map_err(|e| Failure::from(e.in_source(d.name.clone())))?;
        docs.push((d.name, doc));
    }
    Ok(docs)
}

pub fn run(a: ClozeArgs) -> Result<Outcome, Failure> {
    let opts = options(&a.exercise)?;
    let enc = encoding(&a.input.encoding)?;
    let docs = load_docs(&paths_or_stdin(&a.input.files), enc)?;
    let texts: Vec<&str> = docs.iter().map(|(_, d)| d.text.as_str()).collect();
    let ws = worksheet(&docs, &opts, seed(&a.exercise, &texts)?);
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
    Ok(Outcome::Done)
}

pub fn quiz(a: QuizArgs) -> Result<Outcome, Failure> {
    if is_stdin(&a.file) {
        return Err(Failure::usage(
            "quiz reads your answers from standard input: give the article as a file",
        ));
    }
    let opts = options(&a.exercise)?;
    let docs = load_docs(std::slice::from_ref(&a.file), encoding(&a.encoding)?)?;
    let seed = seed(&a.exercise, &[docs[0].1.text.as_str()])?;
    let ws = worksheet(&docs, &opts, seed);
    if ws.items.is_empty() {
        return Err(Failure::usage(
            "no quiz items could be made from this article",
        ));
    }
    let stdin = io::stdin();
    let mut inp = stdin.lock();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    run_quiz(&ws.items, &mut inp, &mut out)?;
    Ok(Outcome::Done)
}
