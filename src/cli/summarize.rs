//! `kernsatz summarize`, `kernsatz segment`, `kernsatz idf`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde_json::json;

use kernsatz::input::Encoding;
use kernsatz::output::write_atomic;
use kernsatz::score::ScoreParams;
use kernsatz::{Document, IdfBuilder, IdfTable, Length, Options, Summarizer, Summary};

use super::args::{IdfBuildArgs, IdfMergeArgs, SegmentArgs, SummarizeArgs, SummaryFormat};
use super::batch;
use super::io::{encoding, name_of, paths_or_stdin};
use super::{Failure, Outcome};

use super::batch::WINDOW;

fn options(a: &SummarizeArgs) -> Result<Options, Failure> {
    let length = match (a.sentences, a.ratio, a.words) {
        (Some(0), _, _) => return Err(Failure::usage("-n/--sentences must be at least 1")),
        (Some(n), _, _) => Length::Sentences(n),
        (_, Some(r), _) if !(r > 0.0 && r <= 1.0) => {
            return Err(Failure::usage("--ratio must be in (0, 1]"));
        }
        (_, Some(r), _) => Length::Ratio(r),
        (_, _, Some(0)) => return Err(Failure::usage("--words must be at least 1")),
        (_, _, Some(w)) => Length::Words(w),
        _ => Length::default(),
    };
    Ok(Options {
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
    })
}

pub fn load_idf(path: &Option<PathBuf>) -> Result<Option<IdfTable>, Failure> {
    let Some(p) = path else { return Ok(None) };
    let f = std::fs::File::open(p)
        .map_err(|e| Failure::usage(format!("cannot read IDF table {}: {e}", p.display())))?;
    IdfTable::read(io::BufReader::new(f))
        .map(Some)
        .map_err(|e| Failure::from(e.in_source(p.display().to_string())))
}

pub fn run(a: SummarizeArgs) -> Result<Outcome, Failure> {
    let opts = options(&a)?;
    let enc = encoding(&a.input.encoding)?;
    let custom = load_idf(&a.idf)?;
    let idf = custom.as_ref().unwrap_or_else(|| IdfTable::embedded());
    let summarizer = Summarizer::new(idf, opts);
    let paths = paths_or_stdin(&a.input.files);
    batch::check_inputs(&paths)?;
    let single = paths.len() == 1 && !a.jsonl && !paths[0].is_dir() && !is_jsonl(&paths[0]);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failures = Vec::new();
    let mut first = true;
    let (format, explain, jsonl) = (a.format, a.explain, a.jsonl);
    let stats = batch::run(
        batch::documents(&paths, a.jsonl, enc),
        a.input.quiet,
        |_, text| {
            let s = summarizer.summarize(text).map_err(|e| e.to_string())?;
            let mut buf = Vec::new();
            if jsonl {
                let line = json!({"summary": s.summary, "sentences": s.sentences});
                serde_json::to_writer(&mut buf, &line).map_err(|e| e.to_string())?;
            } else {
                write_summary(&mut buf, &s, format, explain).map_err(|e| e.to_string())?;
            }
            String::from_utf8(buf).map_err(|e| e.to_string())
        },
        |doc, result| {
            match result {
                Ok(body) if jsonl => {
                    // put the id first: {"id":…, "summary":…, "sentences":…}
                    let id = serde_json::to_string(&doc.id).map_err(io::Error::other)?;
                    writeln!(out, "{{\"id\":{id},{}", &body[1..])?;
                }
                Ok(body) => {
                    if !single {
                        write_header(&mut out, &doc.name, format, first)?;
                    }
                    out.write_all(body.as_bytes())?;
                }
                Err(e) if jsonl => {
                    writeln!(out, "{}", json!({"id": doc.id, "error": e}))?;
                    failures.push(format!("{}: {e}", doc.name));
                }
                Err(e) => {
                    failures.push(if e.starts_with(&doc.name) {
                        e
                    } else {
                        format!("{}: {e}", doc.name)
                    });
                }
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

fn write_header(
    out: &mut dyn Write,
    name: &str,
    format: SummaryFormat,
    first: bool,
) -> io::Result<()> {
    match format {
        SummaryFormat::Json => Ok(()),
        SummaryFormat::Markdown => write!(out, "{}## {name}\n\n", if first { "" } else { "\n" }),
        SummaryFormat::Text => writeln!(out, "{}==> {name} <==", if first { "" } else { "\n" }),
    }
}

fn write_summary(
    out: &mut dyn Write,
    s: &Summary,
    format: SummaryFormat,
    explain: bool,
) -> io::Result<()> {
    match format {
        SummaryFormat::Json => {
            let mut v = serde_json::to_value(s).map_err(io::Error::other)?;
            if explain {
                for (j, sent) in s.sentences.iter().enumerate() {
                    v["sentences"][j]["terms"] = json!(sent.terms);
                }
            }
            serde_json::to_writer(&mut *out, &v).map_err(io::Error::other)?;
            writeln!(out)
        }
        SummaryFormat::Text | SummaryFormat::Markdown => {
            let md = format == SummaryFormat::Markdown;
            for sent in &s.sentences {
                let text = one_line(&sent.text);
                if md {
                    writeln!(out, "- {text}")?;
                } else {
                    writeln!(out, "{text}")?;
                }
                if explain {
                    let terms: Vec<String> = sent
                        .terms
                        .iter()
                        .map(|(t, w)| format!("{t} {w:.2}"))
                        .collect();
                    let line = format!(
                        "[sentence {}, score {:.3}; terms: {}]",
                        sent.index + 1,
                        sent.score,
                        terms.join(", ")
                    );
                    if md {
                        writeln!(out, "  *{line}*")?;
                    } else {
                        writeln!(out, "    {line}")?;
                    }
                }
            }
            Ok(())
        }
    }
}

/// A sentence on one line: inner line breaks (soft wraps) become spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn segment(a: SegmentArgs) -> Result<Outcome, Failure> {
    let enc = encoding(&a.input.encoding)?;
    let paths = paths_or_stdin(&a.input.files);
    batch::check_inputs(&paths)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for d in batch::documents(&paths, false, enc) {
        let text = d.text.map_err(Failure::usage)?;
        if a.raw {
            for r in kernsatz::segment::split_sentences(&text) {
                writeln!(out, "{}", one_line(&text[r]))?;
            }
        } else {
            let doc = Document::new(text).map_err(|e| Failure::from(e.in_source(d.name)))?;
            for i in 0..doc.sentences.len() {
                writeln!(out, "{}", one_line(doc.sentence_text(i)))?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Done)
}

pub fn idf_build(a: IdfBuildArgs) -> Result<Outcome, Failure> {
    let enc: Encoding = encoding(&a.encoding)?;
    batch::check_inputs(&a.paths)?;
    let mut builder = IdfBuilder::default();
    let mut failed = 0usize;
    // the same document stream as every other command (files, directories, JSONL, HTML),
    // counted window by window on all cores
    let mut docs = batch::documents(&a.paths, false, enc).peekable();
    while docs.peek().is_some() {
        let window: Vec<batch::Doc> = docs.by_ref().take(WINDOW).collect();
        for d in &window {
            if let Err(e) = &d.text {
                eprintln!("kernsatz: {}: {e} (skipped)", d.name);
                failed += 1;
            }
        }
        let part = window
            .par_iter()
            .fold(IdfBuilder::default, |mut b, d| {
                if let Ok(t) = &d.text {
                    b.add_document(t);
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

pub fn idf_merge(a: IdfMergeArgs) -> Result<Outcome, Failure> {
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
