//! `kernsatz summarize`.

use std::io::{self, Write};
use std::path::Path;

use kernsatz::ScoreParams;
use kernsatz::export::summary::{
    SummaryFormat, write_heading, write_jsonl, write_jsonl_error, write_summary,
};
use kernsatz::{Document, Summarizer};
use kernsatz::{Length, Options};

use super::args::{SummarizeArgs, SummaryFormat as FormatArg};
use super::batch;
use super::io::{idf_or_embedded, load_idf, paths_or_stdin};
use super::{Failure, Outcome};

fn options(a: &SummarizeArgs) -> Options {
    let length = match (a.sentences, a.ratio, a.words) {
        (Some(n), _, _) => Length::Sentences(n),
        (_, Some(r), _) => Length::Ratio(r),
        (_, _, Some(w)) => Length::Words(w),
        _ => Length::default(),
    };
    Options {
        length,
        score: ScoreParams {
            position_weight: a.position_weight,
            position_decay: a.position_decay,
            length_exponent: a.length_exponent,
            ..ScoreParams::default()
        },
        redundancy: a.redundancy,
        // the weighted terms are only printed with --explain
        explain_terms: if a.explain {
            Options::default().explain_terms
        } else {
            0
        },
    }
}

pub fn run(a: SummarizeArgs) -> Result<Outcome, Failure> {
    let custom = load_idf(&a.idf)?;
    let summarizer = Summarizer::new(idf_or_embedded(&custom), options(&a));
    let paths = paths_or_stdin(&a.input.files);
    batch::check_inputs(&paths)?;
    let single = paths.len() == 1 && !a.jsonl && !paths[0].is_dir() && !is_jsonl(&paths[0]);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failures = Vec::new();
    let mut first = true;
    let (explain, jsonl) = (a.explain, a.jsonl);
    let format = match a.format {
        FormatArg::Text => SummaryFormat::Text,
        FormatArg::Markdown => SummaryFormat::Markdown,
        FormatArg::Json => SummaryFormat::Json,
    };
    let read = kernsatz::article::ReadOptions {
        encoding: a.input.encoding,
    };
    let stats = batch::run(
        batch::documents(&paths, a.jsonl, read),
        a.input.quiet,
        |doc, article| {
            let s = Document::from_article(article)
                .map(|d| summarizer.summarize_document(&d))
                .map_err(|e| e.to_string())?;
            let mut buf = Vec::new();
            if jsonl {
                write_jsonl(&mut buf, &doc.id, &s)
            } else {
                write_summary(&mut buf, &s, format, explain)
            }
            .map_err(|e| e.to_string())?;
            String::from_utf8(buf).map_err(|e| e.to_string())
        },
        |doc, result| {
            match result {
                Ok(body) => {
                    if !single && !jsonl {
                        write_heading(&mut out, &doc.name, format, first)?;
                    }
                    out.write_all(body.as_bytes())?;
                }
                Err(e) if jsonl => {
                    write_jsonl_error(&mut out, &doc.id, &e)?;
                    failures.push(format!("{}: {e}", doc.name));
                }
                Err(e) => failures.push(batch::named(&doc.name, e)),
            }
            first = false;
            Ok(())
        },
    )?;
    out.flush()?;
    if single && stats.failed == 1 {
        return Err(Failure::usage(failures.remove(0)));
    }
    Ok(batch::summarize_failures(stats, &failures))
}

fn is_jsonl(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "jsonl")
}
