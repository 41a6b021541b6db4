//! `kernsatz deck`.

use std::io;
use std::path::Path;

use kernsatz::article::ReadOptions;
use kernsatz::cloze::Seed;
use kernsatz::export::anki::NoteKind;
use kernsatz::export::anki::apkg::{ApkgOptions, write_apkg};
use kernsatz::export::anki::text::{TextNoteTypes, TextOptions, write_text};
use kernsatz::export::anki::{Package, cards::add_article};
use kernsatz::study::{DeckArticle, DeckSettings};

use super::args::DeckArgs;
use super::batch;
use super::io::{idf_or_embedded, known_words, load_idf, paths_or_stdin, timestamp};
use super::{Failure, Outcome};

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
    let known = known_words(&a.known)?;
    let mut opts = a.exercise.options_all_kinds();
    opts.known = known.clone();
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
    let (vocab, cloze) = match (a.vocab, a.cloze) {
        (false, false) => (true, true),
        v => v,
    };
    let settings = DeckSettings {
        name: a.deck,
        vocab,
        cloze,
        vocab_limit: (a.vocab_limit > 0).then_some(a.vocab_limit),
        known,
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
            let doc = batch::analyse(article)?;
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
