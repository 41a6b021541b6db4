//! Batch processing: many files, directories and JSONL streams, processed on all cores in
//! windows of documents (memory is bounded by the window, not the corpus), output in input
//! order, failures reported per document with a summary at the end.

use std::fs;
use std::io::{self, BufRead, IsTerminal};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde_json::Value;

use kernsatz::input::{Encoding, decode};

use super::Failure;
use super::io::{is_stdin, name_of, parse_record};

/// Documents processed together.
pub const WINDOW: usize = 256;

/// One document of a batch.
pub struct Doc {
    /// File name, or `file.jsonl:ID` for a JSONL record.
    pub name: String,
    /// The JSONL id (or line number) of a record; the file name for a file.
    pub id: Value,
    /// The text, or why it could not be read.
    pub text: Result<String, String>,
    /// Title from the document's metadata (HTML), if any.
    pub title: Option<String>,
    /// Publication date from the document's metadata (HTML), if any.
    pub date: Option<String>,
}

/// What one input path is.
enum Source {
    File(PathBuf),
    Jsonl(PathBuf),
}

/// Expand paths: directories recursively (`.txt`, `.md`, `.html`, `.htm`, `.jsonl`, sorted),
/// `.jsonl` files (and stdin when `stdin_jsonl`) as record streams, other files as one document.
fn sources(paths: &[PathBuf], stdin_jsonl: bool) -> Vec<Source> {
    let mut out = Vec::new();
    for p in paths {
        if is_stdin(p) {
            out.push(if stdin_jsonl {
                Source::Jsonl(p.clone())
            } else {
                Source::File(p.clone())
            });
        } else if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files);
            out.extend(files.into_iter().map(classify));
        } else {
            out.push(classify(p.clone()));
        }
    }
    out
}

fn classify(p: PathBuf) -> Source {
    if p.extension().is_some_and(|e| e == "jsonl") {
        Source::Jsonl(p)
    } else {
        Source::File(p)
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = fs::read_dir(dir) else {
        out.push(dir.to_path_buf()); // reported as unreadable when read
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else if matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("txt" | "md" | "html" | "htm" | "jsonl")
        ) {
            out.push(p);
        }
    }
}

/// Usage errors found before any work: a single input that cannot be read, or directories
/// without any article file. (With several inputs, an unreadable one is a per-document
/// failure reported at the end.)
pub fn check_inputs(paths: &[PathBuf]) -> Result<(), Failure> {
    for p in paths.iter().filter(|p| !is_stdin(p)) {
        if paths.len() == 1 && !p.exists() {
            return Err(Failure::usage(format!(
                "cannot read {}: No such file or directory",
                p.display()
            )));
        }
        if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files);
            if files.is_empty() {
                return Err(Failure::usage(format!(
                    "{}: no articles (.txt, .md, .html, .htm, .jsonl) in this directory",
                    p.display()
                )));
            }
        }
    }
    Ok(())
}

/// HTML input: a `.html`/`.htm` file, or text that starts like HTML.
fn is_html(p: &Path, text: &str) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
        || kernsatz::html::looks_like_html(text)
}

/// Turn raw file bytes into the text kernsatz reads.
pub fn file_text(path: &Path, bytes: &[u8], enc: Encoding) -> Result<String, String> {
    let name = name_of(path);
    decode(bytes, enc).map_err(|e| super::describe(&e.in_source(name)))
}

/// The documents of `paths`, lazily: a file is read when its turn comes.
pub fn documents(paths: &[PathBuf], stdin_jsonl: bool, enc: Encoding) -> impl Iterator<Item = Doc> {
    sources(paths, stdin_jsonl)
        .into_iter()
        .flat_map(move |src| -> Box<dyn Iterator<Item = Doc>> {
            match src {
                Source::File(p) => {
                    let name = name_of(&p);
                    let (text, title, date) =
                        match read_all(&p).and_then(|b| file_text(&p, &b, enc)) {
                            Ok(t) if is_html(&p, &t) => match kernsatz::html::extract(&t) {
                                Ok(a) => (Ok(a.text()), a.title.clone(), a.published.clone()),
                                Err(e) => {
                                    (Err(super::describe(&e.in_source(name.clone()))), None, None)
                                }
                            },
                            other => (other, None, None),
                        };
                    Box::new(std::iter::once(Doc {
                        id: Value::from(name.clone()),
                        name,
                        text,
                        title,
                        date,
                    }))
                }
                Source::Jsonl(p) => jsonl_docs(p),
            }
        })
}

fn read_all(p: &Path) -> Result<Vec<u8>, String> {
    if is_stdin(p) {
        let mut buf = Vec::new();
        io::Read::read_to_end(&mut io::stdin().lock(), &mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else if p.is_dir() {
        Err(format!("cannot read directory {}", p.display()))
    } else {
        fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))
    }
}

fn jsonl_docs(p: PathBuf) -> Box<dyn Iterator<Item = Doc>> {
    let file_name = name_of(&p);
    let reader: Box<dyn BufRead> = if is_stdin(&p) {
        Box::new(io::BufReader::new(io::stdin()))
    } else {
        match fs::File::open(&p) {
            Ok(f) => Box::new(io::BufReader::new(f)),
            Err(e) => {
                return Box::new(std::iter::once(Doc {
                    id: Value::from(file_name.clone()),
                    text: Err(format!("cannot read {}: {e}", p.display())),
                    name: file_name,
                    title: None,
                    date: None,
                }));
            }
        }
    };
    let mut line_no = 0usize;
    let mut failed_read = false;
    Box::new(
        reader
            .split(b'\n')
            .map_while(move |line| {
                if failed_read {
                    return None;
                }
                line_no += 1;
                let doc = match line {
                    Err(e) => {
                        failed_read = true;
                        Doc {
                            id: Value::from(line_no),
                            name: format!("{file_name}:{line_no}"),
                            text: Err(format!("cannot read {file_name}: {e}")),
                            title: None,
                            date: None,
                        }
                    }
                    Ok(bytes) => {
                        let rec = match std::str::from_utf8(&bytes) {
                            Ok(l) if l.trim().is_empty() => return Some(None),
                            Ok(l) => parse_record(l, line_no),
                            Err(e) => super::io::Record {
                                id: Value::from(line_no),
                                text: Err(format!(
                                    "line {line_no}: invalid UTF-8 at byte {} of the line",
                                    e.valid_up_to()
                                )),
                            },
                        };
                        let shown = match &rec.id {
                            Value::String(s) => s.clone(),
                            other => other.to_string(),
                        };
                        Doc {
                            name: format!("{file_name}:{shown}"),
                            id: rec.id,
                            text: rec.text,
                            title: None,
                            date: None,
                        }
                    }
                };
                Some(Some(doc))
            })
            .flatten(),
    )
}

/// Counts of a finished batch.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    pub done: usize,
    pub failed: usize,
}

/// Run `work` over `docs` on all cores, window by window, and hand each result to `emit` in
/// input order. Failures go to `emit` too (as `Err(reason)`), and are counted.
pub fn run<W, E>(
    docs: impl Iterator<Item = Doc>,
    quiet: bool,
    work: W,
    mut emit: E,
) -> Result<Stats, Failure>
where
    W: Fn(&Doc, &str) -> Result<String, String> + Sync,
    E: FnMut(&Doc, Result<String, String>) -> io::Result<()>,
{
    let progress = Progress::new(quiet);
    let mut stats = Stats::default();
    let mut docs = docs.peekable();
    while docs.peek().is_some() {
        let window: Vec<Doc> = docs.by_ref().take(WINDOW).collect();
        let results: Vec<Result<String, String>> = window
            .par_iter()
            .map(|d| match &d.text {
                Ok(t) => work(d, t),
                Err(e) => Err(e.clone()),
            })
            .collect();
        for (d, r) in window.iter().zip(results) {
            stats.done += 1;
            if r.is_err() {
                stats.failed += 1;
            }
            emit(d, r)?;
        }
        progress.advance(window.len());
    }
    progress.finish();
    Ok(stats)
}

/// A progress bar on stderr, only when stderr is a terminal and the batch is more than a few
/// documents (it appears after the first window).
struct Progress(Option<ProgressBar>);

impl Progress {
    fn new(quiet: bool) -> Self {
        if quiet || !io::stderr().is_terminal() {
            return Progress(None);
        }
        let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        pb.set_style(
            ProgressStyle::with_template("{spinner} {pos} documents  {per_sec}  elapsed {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        Progress(Some(pb))
    }

    fn advance(&self, n: usize) {
        if let Some(pb) = &self.0 {
            pb.inc(n as u64);
        }
    }

    fn finish(&self) {
        if let Some(pb) = &self.0 {
            pb.finish_and_clear();
        }
    }
}

/// Report failures at the end of a batch; the outcome for the exit code.
pub fn summarize_failures(stats: Stats, failures: &[String]) -> super::Outcome {
    if stats.failed == 0 {
        return super::Outcome::Done;
    }
    eprintln!(
        "kernsatz: {} of {} documents failed:",
        stats.failed, stats.done
    );
    for f in failures.iter().take(20) {
        eprintln!("  {f}");
    }
    if failures.len() > 20 {
        eprintln!("  … and {} more", failures.len() - 20);
    }
    super::Outcome::SomeFailed
}
