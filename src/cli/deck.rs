//! `kernsatz deck`.

use std::path::Path;

use kernsatz::export::anki::Package;
use kernsatz::export::anki::apkg::{ApkgOptions, write_apkg};
use kernsatz::export::anki::cards::{cloze_notes, vocab_note};
use kernsatz::export::anki::text::write_text;
use kernsatz::export::names::slug;
use kernsatz::vocab::{VocabOptions, vocabulary};
use kernsatz::{Document, IdfTable};

use super::args::DeckArgs;
use super::cloze::{load_docs, options, seed, worksheet};
use super::io::{encoding, paths_or_stdin};
use super::{Failure, Outcome};

/// Which writer the output's extension asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeckFormat {
    Apkg,
    Text,
}

pub fn deck_format(path: &Path) -> Result<DeckFormat, Failure> {
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

/// Modification time for the notes: SOURCE_DATE_EPOCH when set (reproducible builds), else now.
pub fn timestamp() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        })
}

/// What goes into a deck.
pub struct DeckPlan<'a> {
    pub deck: &'a str,
    pub with_vocab: bool,
    pub with_cloze: bool,
    pub vocab_limit: Option<usize>,
    pub cloze: &'a kernsatz::cloze::generate::ClozeOptions,
    pub seed: u64,
    pub tags: &'a [String],
}

/// Build the package of the articles `docs`.
pub fn package(docs: &[(String, Document)], plan: &DeckPlan) -> Result<Package, Failure> {
    let mut pkg = Package::new();
    for (name, doc) in docs {
        let entries = if plan.with_vocab {
            vocabulary(
                doc,
                IdfTable::embedded(),
                &VocabOptions {
                    limit: plan.vocab_limit,
                    ..VocabOptions::default()
                },
            )
        } else {
            Vec::new()
        };
        let items = if plan.with_cloze {
            let one = [(name.clone(), doc.clone())];
            worksheet(&one, plan.cloze, plan.seed).items
        } else {
            Vec::new()
        };
        add_article(&mut pkg, name, doc, &entries, &items, plan)?;
    }
    Ok(pkg)
}

/// Add one article's vocabulary entries and cloze items to `pkg`.
pub fn add_article(
    pkg: &mut Package,
    name: &str,
    doc: &Document,
    entries: &[kernsatz::vocab::VocabEntry],
    items: &[kernsatz::cloze::ClozeItem],
    plan: &DeckPlan,
) -> Result<(), Failure> {
    let source = slug(name);
    let mut tags: Vec<String> = plan.tags.to_vec();
    tags.push(source.clone());
    // a card without its English side teaches nothing: glossed words only
    for e in entries.iter().filter(|e| e.gloss.is_some()) {
        let s = &doc.sentences[e.sentence_index];
        let note = vocab_note(e, &doc.text[s.start..s.end], s.start, plan.deck, &tags);
        pkg.add(note).map_err(Failure::from)?;
    }
    for note in cloze_notes(items, &source, name, plan.deck, &tags) {
        pkg.add(note).map_err(Failure::from)?;
    }
    Ok(())
}

pub fn run(a: DeckArgs) -> Result<Outcome, Failure> {
    let format = deck_format(&a.output)?;
    let opts = options(&a.exercise)?;
    let enc = encoding(&a.input.encoding)?;
    let docs = load_docs(&paths_or_stdin(&a.input.files), enc)?;
    let texts: Vec<&str> = docs.iter().map(|(_, d)| d.text.as_str()).collect();
    let seed = seed(&a.exercise, &texts)?;
    let (with_vocab, with_cloze) = match (a.vocab, a.cloze) {
        (false, false) => (true, true),
        v => v,
    };
    let limit = (a.vocab_limit > 0).then_some(a.vocab_limit);
    let plan = DeckPlan {
        deck: &a.deck,
        with_vocab,
        with_cloze,
        vocab_limit: limit,
        cloze: &opts,
        seed,
        tags: &a.tags,
    };
    let pkg = package(&docs, &plan)?;
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
            let s = write_text(&pkg, &a.output, a.force)?;
            eprintln!(
                "kernsatz: wrote {} ({} notes, {} bytes)",
                a.output.display(),
                s.notes,
                s.bytes
            );
        }
    }
    Ok(Outcome::Done)
}
