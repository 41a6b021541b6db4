//! `kernsatz deck`.

use std::path::Path;

use kernsatz::article::ReadOptions;
use kernsatz::export::anki::NoteKind;
use kernsatz::export::anki::apkg::{ApkgOptions, write_apkg};
use kernsatz::export::anki::text::{TextNoteTypes, TextOptions, write_text};
use kernsatz::export::anki::{Package, cards::add_article};
use kernsatz::study::{DeckArticle, DeckSettings};

use super::args::DeckArgs;
use super::batch;
use super::io::{idf_or_embedded, load_idf, paths_or_stdin, timestamp};
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
    let opts = a.exercise.options_all_kinds();
    let custom = load_idf(&a.exercise.idf)?;
    let read = ReadOptions {
        encoding: a.input.encoding,
    };
    let loaded = batch::load_documents(&paths_or_stdin(&a.input.files), read)?;
    let docs = &loaded.docs;
    let texts: Vec<&str> = docs.iter().map(|(_, d)| d.text.as_str()).collect();
    let seed = a.exercise.seed().resolve(&texts);
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
    let mut pkg = Package::new();
    for (name, doc) in docs {
        let article = DeckArticle::new(name, doc, &settings, &opts, idf, seed);
        add_article(&mut pkg, &article, &settings)?;
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
    Ok(batch::summarize_failures(loaded.stats(), &loaded.failures))
}
