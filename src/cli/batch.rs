//! Batch processing: many files, directories and JSONL streams, processed on all cores in
//! windows of documents (memory is bounded by the window, not the corpus), output in input
//! order, failures reported per document with a summary at the end.

use std::collections::HashMap;
use std::fs;
use std::io::{self, BufRead, IsTerminal};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde_json::Value;

use kernsatz::Document;
use kernsatz::article::{Article, ReadOptions};
use kernsatz::cloze::TextSeed;

use super::io::{id_text, is_stdin, name_of, parse_record};
use super::{Failure, describe};

/// Documents processed together.
pub const WINDOW: usize = 256;

/// One document of a batch.
pub struct Doc {
    /// File name, or `file.jsonl:ID` for a JSONL record.
    pub name: String,
    /// The JSONL id (or line number) of a record; the file name for a file.
    pub id: Value,
    /// The article, or why it could not be read.
    pub article: Result<Article, String>,
}

impl Doc {
    fn failed(name: String, id: Value, why: String) -> Doc {
        Doc {
            name,
            id,
            article: Err(why),
        }
    }
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

/// The article files under `dir`, depth first, sorted by name in each directory; a directory
/// that cannot be read is listed itself (and reported as unreadable when read). Files that
/// kernsatz wrote itself (study packs, vocabulary lists, worksheets) are no articles: skipped.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        match entry {
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) => {
                if matches!(
                    e.path().extension().and_then(|x| x.to_str()),
                    Some("txt" | "md" | "html" | "htm" | "jsonl")
                ) && !written_by_kernsatz(e.path())
                {
                    out.push(e.into_path());
                }
            }
            Err(e) => out.push(e.path().unwrap_or(dir).to_path_buf()),
        }
    }
}

/// Whether a file in a directory of articles is one kernsatz wrote: a file of a study pack
/// (`summary.md`, `vocab.md`, `worksheet.md`, `worksheet.html` beside the pack's `deck.apkg`
/// or `vocab.tsv`), or a Markdown or HTML file that starts like kernsatz's (`# Wortschatz:`,
/// `# Lückentext:`, a summary page, the worksheet's generator tag).
fn written_by_kernsatz(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let pack_file = kernsatz::export::pack::FILES.contains(&name);
    if pack_file
        && let Some(dir) = path.parent()
        && (dir.join("deck.apkg").is_file() || dir.join("vocab.tsv").is_file())
    {
        return true;
    }
    if !matches!(
        path.extension().and_then(|x| x.to_str()),
        Some("md" | "html" | "htm")
    ) {
        return false;
    }
    let mut head = [0u8; 1024];
    let n = fs::File::open(path)
        .and_then(|mut f| io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    let head = String::from_utf8_lossy(&head[..n]);
    head.starts_with("# Wortschatz: ")
        || head.starts_with("# Lückentext: ")
        || (head.starts_with("# ") && head.contains("\n## Zusammenfassung\n"))
        || head.contains("<meta name=\"generator\" content=\"kernsatz\">")
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

/// The documents of `paths`, lazily: a file is read when its turn comes.
pub fn documents(
    paths: &[PathBuf],
    stdin_jsonl: bool,
    read: ReadOptions,
) -> impl Iterator<Item = Doc> {
    documents_warning(paths, stdin_jsonl, read, true)
}

/// [`documents`], with the warnings of reading a file on stderr only when `warn` (a second
/// pass over the same files stays quiet).
pub fn documents_warning(
    paths: &[PathBuf],
    stdin_jsonl: bool,
    read: ReadOptions,
    warn: bool,
) -> impl Iterator<Item = Doc> {
    sources(paths, stdin_jsonl)
        .into_iter()
        .flat_map(move |src| -> Box<dyn Iterator<Item = Doc>> {
            match src {
                Source::File(p) => {
                    let name = name_of(&p);
                    let article = read_all(&p).and_then(|bytes| {
                        Article::from_bytes(name.clone(), &bytes, &read).map_err(|e| describe(&e))
                    });
                    if let Ok(a) = &article
                        && warn
                    {
                        for w in &a.warnings {
                            eprintln!("kernsatz: warning: {name}: {w}");
                        }
                    }
                    Box::new(std::iter::once(Doc {
                        id: Value::from(name.clone()),
                        name,
                        article,
                    }))
                }
                Source::Jsonl(p) => jsonl_docs(p),
            }
        })
}

/// Documents read and analysed (for `quiz`: the first article of its input).
pub struct Loaded {
    /// The articles that could be read, with their names, in input order.
    pub docs: Vec<(String, Document)>,
    /// Title and date of each of `docs` from its metadata, when known.
    pub meta: Vec<(Option<String>, Option<String>)>,
    /// Why the others could not, one line each.
    pub failures: Vec<String>,
}

impl Loaded {
    /// The batch counts, for [`summarize_failures`].
    pub fn stats(&self) -> Stats {
        Stats {
            done: self.docs.len() + self.failures.len(),
            failed: self.failures.len(),
        }
    }
}

/// The first document of `path` that can be read and analysed (a file, or the first article of
/// a JSONL file or a directory), with the failures of those before it; nothing after it is
/// read, so a quiz on a 200 MB corpus holds one article, not all. When none can be read, that
/// is a usage error.
pub fn load_first_document(path: &Path, read: ReadOptions) -> Result<Loaded, Failure> {
    let paths = [path.to_path_buf()];
    check_inputs(&paths)?;
    let mut loaded = Loaded {
        docs: Vec::new(),
        meta: Vec::new(),
        failures: Vec::new(),
    };
    for d in documents(&paths, false, read) {
        let analysed = d.article.and_then(|a| {
            Document::from_article(&a)
                .map(|doc| ((a.name.clone(), doc), (a.title, a.date)))
                .map_err(|e| describe(&e.in_source(a.name)))
        });
        match analysed {
            Ok((nd, meta)) => {
                loaded.docs.push(nd);
                loaded.meta.push(meta);
                return Ok(loaded);
            }
            Err(e) => loaded.failures.push(named(&d.name, e)),
        }
    }
    Err(Failure::usage(loaded.failures.join("\n")))
}

/// The document of an article, or why there is none (as [`load_first_document`] says it).
pub fn analyse(article: &Article) -> Result<Document, String> {
    Document::from_article(article).map_err(|e| describe(&e.in_source(article.name.clone())))
}

/// The documents of the inputs of a command that makes one output of them all, for one or two
/// passes over them (without keeping them): files are read again in the second pass (quietly:
/// their warnings were shown in the first), standard input only once and kept (one article).
pub struct Inputs {
    paths: Vec<PathBuf>,
    read: ReadOptions,
    /// Passes started so far.
    passes: usize,
    /// The documents read from standard input in the first pass, by input index.
    kept: HashMap<usize, Vec<Doc>>,
}

impl Inputs {
    pub fn new(paths: Vec<PathBuf>, read: ReadOptions) -> Inputs {
        Inputs {
            paths,
            read,
            passes: 0,
            kept: HashMap::new(),
        }
    }

    /// The documents of a new pass, in input order.
    pub fn pass(&mut self) -> impl Iterator<Item = Doc> + '_ {
        self.passes += 1;
        let first = self.passes == 1;
        let read = self.read;
        let kept = &mut self.kept;
        self.paths.iter().enumerate().flat_map(
            move |(i, p)| -> Box<dyn Iterator<Item = Doc> + '_> {
                let path = std::slice::from_ref(p);
                if let Some(docs) = kept.remove(&i) {
                    Box::new(docs.into_iter())
                } else if first && is_stdin(p) {
                    let docs: Vec<Doc> = documents(path, false, read).collect();
                    kept.insert(i, docs.iter().map(Doc::copy).collect());
                    Box::new(docs.into_iter())
                } else {
                    Box::new(documents_warning(path, false, read, first))
                }
            },
        )
    }
}

impl Doc {
    fn copy(&self) -> Doc {
        Doc {
            name: self.name.clone(),
            id: self.id.clone(),
            article: self.article.clone(),
        }
    }
}

/// The seed `Seed::FromText` gives for the texts of every document of `inputs` that can be
/// analysed, found in a pass over them that keeps nothing. When none can be analysed, that is a
/// usage error naming why each could not.
pub fn seed_from_texts(inputs: &mut Inputs, quiet: bool) -> Result<u64, Failure> {
    let mut seed = TextSeed::new();
    let mut failures = Vec::new();
    run(
        inputs.pass(),
        quiet,
        // what `analyse` would say, without tokenizing
        |_, article| {
            Document::text_of(article).map_err(|e| describe(&e.in_source(article.name.clone())))
        },
        |d: &Doc, result| {
            match result {
                Ok(text) => seed.add(&text),
                Err(e) => failures.push(named(&d.name, e)),
            }
            Ok(())
        },
    )?;
    if seed.texts() == 0 {
        return Err(Failure::usage(failures.join("\n")));
    }
    Ok(seed.finish())
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
                return Box::new(std::iter::once(Doc::failed(
                    file_name.clone(),
                    Value::from(file_name),
                    format!("cannot read {}: {e}", p.display()),
                )));
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
                        Doc::failed(
                            format!("{file_name}:{line_no}"),
                            Value::from(line_no),
                            format!("cannot read {file_name}: {e}"),
                        )
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
                                title: None,
                            },
                        };
                        let shown = id_text(&rec.id);
                        let name = format!("{file_name}:{shown}");
                        Doc {
                            article: rec.text.map(|t| Article {
                                id: Some(shown),
                                title: rec.title,
                                ..Article::from_text(name.clone(), t)
                            }),
                            name,
                            id: rec.id,
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

/// A unit of batch work: a document, possibly with what was decided for it beforehand (in
/// input order, e.g. its output directory).
pub trait Item: Sync {
    fn doc(&self) -> &Doc;
}

impl Item for Doc {
    fn doc(&self) -> &Doc {
        self
    }
}

impl<X: Sync> Item for (Doc, X) {
    fn doc(&self) -> &Doc {
        &self.0
    }
}

/// Run `work` over `items` on all cores, window by window, and hand each result to `emit` in
/// input order. Failures go to `emit` too (as `Err(reason)`), and are counted. Memory is
/// bounded by the window: nothing of a finished window is kept.
pub fn run<T, R, W, E>(
    items: impl Iterator<Item = T>,
    quiet: bool,
    work: W,
    mut emit: E,
) -> Result<Stats, Failure>
where
    T: Item,
    R: Send,
    W: Fn(&T, &Article) -> Result<R, String> + Sync,
    E: FnMut(&T, Result<R, String>) -> io::Result<()>,
{
    let progress = Progress::new(quiet);
    let mut stats = Stats::default();
    let mut items = items.peekable();
    while items.peek().is_some() {
        let window: Vec<T> = items.by_ref().take(WINDOW).collect();
        let results: Vec<Result<R, String>> = window
            .par_iter()
            .map(|it| match &it.doc().article {
                Ok(a) => work(it, a),
                Err(e) => Err(e.clone()),
            })
            .collect();
        for (it, r) in window.iter().zip(results) {
            stats.done += 1;
            if r.is_err() {
                stats.failed += 1;
            }
            emit(it, r)?;
        }
        progress.advance(window.len());
    }
    progress.finish();
    Ok(stats)
}

/// A progress bar on stderr, only when both stdout and stderr are terminals (not in a pipe,
/// where it would garble the next program's output or a log) and the batch is more than a few
/// documents (it appears after the first window).
struct Progress(Option<ProgressBar>);

impl Progress {
    fn new(quiet: bool) -> Self {
        if quiet || !io::stderr().is_terminal() || !io::stdout().is_terminal() {
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

/// A failure message that names its document (once).
pub fn named(name: &str, e: String) -> String {
    if e.starts_with(name) {
        e
    } else {
        format!("{name}: {e}")
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
