//! `kernsatz deck`.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

use kernsatz::Document;
use kernsatz::article::{Article, ReadOptions};
use kernsatz::cloze::Seed;
use kernsatz::export::anki::NoteKind;
use kernsatz::export::anki::apkg::{ApkgOptions, write_apkg};
use kernsatz::export::anki::text::{TextNoteTypes, TextOptions, write_text};
use kernsatz::export::anki::{Package, cards::add_article};
use kernsatz::study::{DeckArticle, DeckSettings};

use super::args::DeckArgs;
use super::batch;
use super::io::{idf_or_embedded, is_stdin, load_idf, paths_or_stdin, timestamp};
use super::{Failure, Outcome, describe};

/// Which writer the output's extension asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DeckFormat {
    Apkg,
    Text,
}

fn deck_format(path: &Path) -> Result<DeckFormat, Failure> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("apkg") => Ok(DeckFormat::Apkg),
        Some("txt" | "tsv") => Ok(DeckFormat::Text),
        _ => Err(Failure::usage(format!(
            "{}: the deck file must end in .apkg (Anki package) or .txt/.tsv (Anki text import)",
            path.display()
        ))),
    }
}

pub fn run(a: DeckArgs) -> Result<Outcome, Failure> {
    let format = deck_format(&a.output)?;
    if format == DeckFormat::Apkg && a.note_types.is_some() {
        return Err(Failure::usage(
            "--note-types is for the text file (.txt/.tsv); a .apkg always carries \
             the kernsatz note types",
        ));
    }
    let opts = a.exercise.options_all_kinds();
    let custom = load_idf(&a.exercise.idf)?;
    let read = ReadOptions {
        encoding: a.input.encoding,
    };
    let paths = paths_or_stdin(&a.input.files);
    batch::check_inputs(&paths)?;
    let mut inputs = Inputs::new(paths, read);
    let seed = match a.exercise.seed() {
        Seed::Fixed(seed) => seed,
        Seed::FromText => seed_from_texts(&mut inputs, a.input.quiet)?,
    };
    let (vocab, cloze) = match (a.vocab, a.cloze) {
        (false, false) => (true, true),
        v => v,
    };
    let settings = DeckSettings {
        name: a.deck,
        vocab,
        cloze,
        vocab_limit: (a.vocab_limit > 0).then_some(a.vocab_limit),
        tags: a.tags,
    };
    let idf = idf_or_embedded(&custom);
    // The articles are analysed window by window on all cores; their notes are added in input
    // order, and the package keeps only a bounded number of them in memory.
    let mut pkg = Package::new().spill_beside(&a.output);
    let mut loaded = 0usize;
    let mut failures = Vec::new();
    // what stops the whole command (an invalid note, the package's temporary database)
    let mut stopped: Option<Failure> = None;
    let ran = batch::run(
        inputs.pass(),
        a.input.quiet,
        |_, article| {
            let doc = analyse(article)?;
            let deck_article = DeckArticle::new(&article.name, &doc, &settings, &opts, idf, seed);
            let mut notes = Package::new();
            Ok(add_article(&mut notes, &deck_article, &settings).map(|()| notes))
        },
        |d: &batch::Doc, result| {
            let added = match result {
                Ok(notes) => notes.and_then(|notes| pkg.append(notes)),
                Err(e) => {
                    failures.push(batch::named(&d.name, e));
                    return Ok(());
                }
            };
            match added {
                Ok(_) => {
                    loaded += 1;
                    Ok(())
                }
                Err(e) => {
                    stopped = Some(e.into());
                    Err(io::Error::other("the deck cannot be made"))
                }
            }
        },
    );
    if let Some(failure) = stopped {
        return Err(failure);
    }
    let stats = ran?;
    if loaded == 0 {
        return Err(Failure::usage(failures.join("\n")));
    }
    if pkg.is_empty() {
        return Err(Failure::usage(
            "nothing to put in the deck: no vocabulary or cloze items found",
        ));
    }
    match format {
        DeckFormat::Apkg => {
            let s = write_apkg(
                &pkg,
                &a.output,
                &ApkgOptions {
                    timestamp: timestamp(),
                    force: a.force,
                },
            )?;
            eprintln!(
                "kernsatz: wrote {} ({} notes, {} cards, {} bytes)",
                a.output.display(),
                s.notes,
                s.cards,
                s.bytes
            );
        }
        DeckFormat::Text => {
            let note_types = a.note_types.unwrap_or_default();
            let s = write_text(
                &pkg,
                &a.output,
                &TextOptions {
                    note_types: note_types.clone(),
                    force: a.force,
                },
            )?;
            eprintln!(
                "kernsatz: wrote {} ({} notes, {} cards, {} bytes; Anki note types {:?} and {:?}{})",
                a.output.display(),
                s.notes,
                s.cards,
                s.bytes,
                note_types.name(NoteKind::Vocab),
                note_types.name(NoteKind::Cloze),
                match note_types {
                    TextNoteTypes::Kernsatz => ", which an earlier kernsatz .apkg import brings",
                    TextNoteTypes::Stock { .. } => "",
                }
            );
        }
    }
    Ok(batch::summarize_failures(stats, &failures))
}

/// The document of an article, or why there is none (as `batch::load_documents` says it).
fn analyse(article: &Article) -> Result<Document, String> {
    Document::from_article(article).map_err(|e| describe(&e.in_source(article.name.clone())))
}

/// The seed [`Seed::FromText`] gives for the texts of every document of `inputs` that can be
/// analysed, found in a first pass over them (the documents are not kept). Fails like
/// `batch::load_documents` when none can be analysed.
fn seed_from_texts(inputs: &mut Inputs, quiet: bool) -> Result<u64, Failure> {
    let mut seed = TextSeed::new();
    let mut failures = Vec::new();
    batch::run(
        inputs.pass(),
        quiet,
        |_, article| analyse(article).map(|doc| doc.text),
        |d: &batch::Doc, result| {
            match result {
                Ok(text) => seed.add(&text),
                Err(e) => failures.push(batch::named(&d.name, e)),
            }
            Ok(())
        },
    )?;
    if seed.texts == 0 {
        return Err(Failure::usage(failures.join("\n")));
    }
    Ok(seed.finish())
}

/// [`Seed::FromText`] of texts given one by one: `Seed::FromText.resolve(texts)` is the
/// FNV-1a hash of the texts joined by NUL bytes, which is what this computes without joining
/// them.
struct TextSeed {
    hash: u64,
    texts: usize,
}

impl TextSeed {
    fn new() -> TextSeed {
        TextSeed {
            hash: 0xcbf2_9ce4_8422_2325,
            texts: 0,
        }
    }

    fn add(&mut self, text: &str) {
        if self.texts > 0 {
            self.feed(b"\0");
        }
        self.feed(text.as_bytes());
        self.texts += 1;
    }

    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.hash ^= u64::from(b);
            self.hash = self.hash.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// The documents of the inputs, for one or two passes over them: files are read again in
/// the second pass (quietly: their warnings were shown in the first), standard input only
/// once and kept.
struct Inputs {
    paths: Vec<PathBuf>,
    read: ReadOptions,
    /// Passes started so far.
    passes: usize,
    /// The documents read from standard input in the first pass, by input index.
    kept: HashMap<usize, Vec<batch::Doc>>,
}

impl Inputs {
    fn new(paths: Vec<PathBuf>, read: ReadOptions) -> Inputs {
        Inputs {
            paths,
            read,
            passes: 0,
            kept: HashMap::new(),
        }
    }

    /// The documents of a new pass, in input order.
    fn pass(&mut self) -> impl Iterator<Item = batch::Doc> + '_ {
        self.passes += 1;
        let first = self.passes == 1;
        let read = self.read;
        let kept = &mut self.kept;
        self.paths.iter().enumerate().flat_map(
            move |(i, p)| -> Box<dyn Iterator<Item = batch::Doc> + '_> {
                let path = std::slice::from_ref(p);
                if let Some(docs) = kept.remove(&i) {
                    Box::new(docs.into_iter())
                } else if first && is_stdin(p) {
                    let docs: Vec<batch::Doc> = batch::documents(path, false, read).collect();
                    kept.insert(i, docs.iter().map(copy_doc).collect());
                    Box::new(docs.into_iter())
                } else {
                    Box::new(batch::documents_warning(path, false, read, first))
                }
            },
        )
    }
}

fn copy_doc(d: &batch::Doc) -> batch::Doc {
    batch::Doc {
        name: d.name.clone(),
        id: d.id.clone(),
        article: d.article.clone(),
    }
}
