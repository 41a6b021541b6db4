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
use super::io::{encoding, for_jsonl_windows, is_stdin, name_of, paths_or_stdin, read_input};
use super::{Failure, Outcome};

/// Documents processed together in `--jsonl` mode (memory is bounded by this window).
const WINDOW: usize = 512;

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
        ..Options::default()
    })
}

fn load_idf(path: &Option<PathBuf>) -> Result<Option<IdfTable>, Failure> {
    let Some(p) = path else { return Ok(None) };
    let f = std::fs::File::open(p)
        .map_err(|e| Failure::usage(format!("cannot read IDF table {}: {e}", p.display())))?;
    IdfTable::read(io::BufReader::new(f))
        .map(Some)
        .map_err(|e| Failure::from(e.with_source(p.display().to_string())))
}

pub fn run(a: SummarizeArgs) -> Result<Outcome, Failure> {
    let opts = options(&a)?;
    let custom = load_idf(&a.idf)?;
    let idf = custom.as_ref().unwrap_or_else(|| IdfTable::embedded());
    let summarizer = Summarizer::new(idf, opts);
    if a.jsonl {
        return run_jsonl(&summarizer, &paths_or_stdin(&a.input.files));
    }
    let enc = encoding(&a.input.encoding)?;
    let paths = paths_or_stdin(&a.input.files);
    let many = paths.len() > 1;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = 0;
    for (i, path) in paths.iter().enumerate() {
        let result = read_input(path, enc).and_then(|input| {
            summarizer
                .summarize(&input.text)
                .map_err(|e| Failure::from(e.with_source(input.name.clone())))
                .map(|s| (input.name, s))
        });
        match result {
            Ok((name, summary)) => {
                let header = many.then_some(name.as_str());
                write_summary(&mut out, &summary, a.format, a.explain, header, i > 0)?;
            }
            Err(f) if many => {
                out.flush()?;
                eprintln!("kernsatz: {}", f.message);
                failed += 1;
            }
            Err(f) => return Err(f),
        }
    }
    out.flush()?;
    if failed > 0 {
        eprintln!("kernsatz: {failed} of {} inputs failed", paths.len());
        return Ok(Outcome::SomeFailed);
    }
    Ok(Outcome::Done)
}

fn write_summary(
    out: &mut dyn Write,
    s: &Summary,
    format: SummaryFormat,
    explain: bool,
    header: Option<&str>,
    not_first: bool,
) -> io::Result<()> {
    match format {
        SummaryFormat::Json => {
            let mut v = serde_json::to_value(s).map_err(io::Error::other)?;
            if let Some(h) = header {
                v["source"] = json!(h);
            }
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
            if not_first {
                writeln!(out)?;
            }
            if let Some(h) = header {
                if md {
                    writeln!(out, "## {h}\n")?;
                } else {
                    writeln!(out, "==> {h} <==")?;
                }
            }
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

fn run_jsonl(summarizer: &Summarizer, sources: &[PathBuf]) -> Result<Outcome, Failure> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    for_jsonl_windows(sources, WINDOW, |batch| {
        let lines: Vec<(String, bool)> = batch
            .into_par_iter()
            .map(|rec| {
                let result = rec
                    .text
                    .and_then(|t| summarizer.summarize(&t).map_err(|e| e.to_string()));
                match result {
                    Ok(s) => (
                        json!({"id": rec.id, "summary": s.summary, "sentences": s.sentences})
                            .to_string(),
                        true,
                    ),
                    Err(e) => (json!({"id": rec.id, "error": e}).to_string(), false),
                }
            })
            .collect();
        for (line, ok) in lines {
            if !ok {
                failed += 1;
            }
            writeln!(out, "{line}")?;
        }
        Ok(())
    })?;
    out.flush()?;
    if failed > 0 {
        eprintln!("kernsatz: {failed} records failed (see their \"error\" fields)");
        return Ok(Outcome::SomeFailed);
    }
    Ok(Outcome::Done)
}

pub fn segment(a: SegmentArgs) -> Result<Outcome, Failure> {
    let enc = encoding(&a.input.encoding)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for path in paths_or_stdin(&a.input.files) {
        let input = read_input(&path, enc)?;
        if a.raw {
            for r in kernsatz::segment::split_sentences(&input.text) {
                writeln!(out, "{}", one_line(&input.text[r]))?;
            }
        } else {
            let doc = Document::new(input.text)
                .map_err(|e| Failure::from(e.with_source(input.name.clone())))?;
            for i in 0..doc.sentences.len() {
                writeln!(out, "{}", one_line(doc.sentence_text(i)))?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Done)
}

/// Text files under a directory (recursively), sorted, or the path itself.
fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), Failure> {
    if is_stdin(path) || path.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let rd = std::fs::read_dir(path)
        .map_err(|e| Failure::usage(format!("cannot read {}: {e}", path.display())))?;
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect_files(&p, out)?;
        } else if matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("txt" | "md" | "jsonl")
        ) {
            out.push(p);
        }
    }
    Ok(())
}

pub fn idf_build(a: IdfBuildArgs) -> Result<Outcome, Failure> {
    let enc: Encoding = encoding(&a.encoding)?;
    let mut files = Vec::new();
    for p in &a.paths {
        collect_files(p, &mut files)?;
    }
    let mut builder = IdfBuilder::default();
    let mut failed = 0usize;
    for f in &files {
        let jsonl = f.extension().is_some_and(|e| e == "jsonl");
        if jsonl {
            for_jsonl_windows(std::slice::from_ref(f), WINDOW, |batch| {
                let part = batch
                    .into_par_iter()
                    .fold(IdfBuilder::default, |mut b, rec| {
                        if let Ok(t) = &rec.text {
                            b.add_document(t);
                        }
                        b
                    })
                    .reduce(IdfBuilder::default, |mut a, b| {
                        a.merge(b);
                        a
                    });
                builder.merge(part);
                Ok(())
            })?;
        } else {
            match read_input(f, enc) {
                Ok(input) => builder.add_document(&input.text),
                Err(e) => {
                    eprintln!("kernsatz: {} (skipped)", e.message);
                    failed += 1;
                }
            }
        }
    }
    if builder.docs() == 0 {
        return Err(Failure::usage("no documents found to count"));
    }
    write_atomic(&a.output, a.force, |w| builder.write(w, a.min_df))?;
    eprintln!(
        "kernsatz: counted {} documents from {} files into {}",
        builder.docs(),
        files.len(),
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
            .map_err(|e| Failure::from(e.with_source(t.display().to_string())))?;
    }
    write_atomic(&a.output, a.force, |w| builder.write(w, 1))?;
    Ok(Outcome::Done)
}
