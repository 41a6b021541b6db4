//! `kernsatz study`: summary, vocabulary, worksheet and deck of each article.
//!
//! Articles are read, built and written window by window (memory does not grow with the
//! batch). Each article gets its own directory, named in input order: with one input file,
//! `-o DIR` itself; otherwise a slug of its title (or JSONL id) under `-o DIR` or the current
//! directory, made unique within the run with a `-2`, `-3`, … suffix, so that two articles never
//! share one. A pack appears all at once or not at all; an article that fails is reported and
//! the others are done (exit code 1).

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use kernsatz::article::ReadOptions;
use kernsatz::cloze::ClozeOptions;
use kernsatz::export::anki::{Package, cards::add_article};
use kernsatz::export::names::slug;
use kernsatz::export::pack::{FILES, write_pack};
use kernsatz::study::{DeckSettings, StudyPack, StudySettings};
use kernsatz::vocab::VocabOptions;
use kernsatz::{Length, Options};

use super::args::{StudyArgs, StudyFormat};
use super::batch;
use super::io::{idf_or_embedded, is_stdin, known_words, load_idf, paths_or_stdin, timestamp};
use super::{Failure, Outcome, describe};

/// Longest directory name made from a title, in bytes (well under the usual 255).
const MAX_SLUG: usize = 80;

/// A directory name for `title`, not yet in `used`.
fn unique_slug(title: &str, used: &mut HashSet<String>) -> String {
    let mut base = slug(title);
    if base.len() > MAX_SLUG {
        base.truncate(MAX_SLUG);
        base = base.trim_end_matches('-').to_owned();
    }
    let mut name = base.clone();
    let mut n = 1;
    while !used.insert(name.clone()) {
        n += 1;
        name = format!("{base}-{n}");
    }
    name
}

/// `text` with every line but empty ones indented by `by` spaces.
fn indent(text: &str, by: usize) -> String {
    let pad = " ".repeat(by);
    text.lines()
        .map(|l| format!("{pad}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn run(a: StudyArgs) -> Result<Outcome, Failure> {
    if a.format == StudyFormat::Json && a.output.is_some() {
        return Err(Failure::usage(
            "--format json prints to standard output: leave out -o/--output (or use --format files)",
        ));
    }
    let known = known_words(&a.known)?;
    let defaults = StudySettings::default();
    let settings = StudySettings {
        summary: Options {
            length: Length::Sentences(a.sentences),
            ..Options::default()
        },
        vocab: VocabOptions {
            known: known.clone(),
            ..defaults.vocab
        },
        cloze: ClozeOptions {
            known: known.clone(),
            ..a.exercise.options_all_kinds()
        },
        seed: a.exercise.seed(),
    };
    let deck = DeckSettings {
        name: a.deck.clone(),
        known,
        ..DeckSettings::default()
    };
    let custom = load_idf(&a.exercise.idf)?;
    let idf = idf_or_embedded(&custom);
    let paths = paths_or_stdin(&a.input.files);
    batch::check_inputs(&paths)?;
    // one article expected: a single file (not a directory, not JSONL)
    let single = paths.len() == 1
        && (is_stdin(&paths[0])
            || (!paths[0].is_dir() && paths[0].extension().is_none_or(|e| e != "jsonl")));
    let read = ReadOptions {
        encoding: a.input.encoding,
    };
    let json = a.format == StudyFormat::Json;
    let mut used = HashSet::new();
    let planned = batch::documents(&paths, false, read).map(|d| {
        let dir = match &d.article {
            Err(_) => PathBuf::new(),
            Ok(_) if single && a.output.is_some() => a.output.clone().unwrap_or_default(),
            Ok(art) => {
                let name = unique_slug(&art.display_title(), &mut used);
                match &a.output {
                    Some(o) => o.join(name),
                    None => PathBuf::from(name),
                }
            }
        };
        (d, dir)
    });
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failures = Vec::new();
    let mut printed = 0usize;
    let stats = batch::run(
        planned,
        a.input.quiet,
        |(_, dir): &(batch::Doc, PathBuf), article| {
            let pack = StudyPack::build(article, &settings, idf).map_err(|e| describe(&e))?;
            if json {
                // through a Value: keys in sorted order, as every JSON output of kernsatz
                let text = serde_json::to_value(&pack)
                    .and_then(|v| serde_json::to_string_pretty(&v))
                    .map_err(|e| e.to_string())?;
                return Ok(if single { text } else { indent(&text, 4) });
            }
            let mut pkg = Package::new();
            add_article(&mut pkg, &pack.deck_article(), &deck).map_err(|e| describe(&e))?;
            write_pack(dir, &pack, &pkg, timestamp(), a.force).map_err(|e| describe(&e))?;
            Ok(report(dir, &pack, pkg.len(), pkg.card_count()))
        },
        |(d, _), result| {
            match result {
                Ok(body) if json && !single => {
                    out.write_all(if printed == 0 {
                        b"{\n  \"articles\": [\n"
                    } else {
                        b",\n"
                    })?;
                    out.write_all(body.as_bytes())?;
                    printed += 1;
                }
                Ok(body) => {
                    out.write_all(body.as_bytes())?;
                    if json {
                        out.write_all(b"\n")?;
                    }
                    printed += 1;
                }
                Err(e) => failures.push(batch::named(&d.name, e)),
            }
            out.flush()
        },
    )?;
    if json && !single && printed > 0 {
        out.write_all(b"\n  ]\n}\n")?;
    }
    out.flush()?;
    if printed == 0 {
        return Err(Failure::usage(failures.join("\n")));
    }
    Ok(batch::summarize_failures(stats, &failures))
}

/// What the command prints for a written pack: the counts, then the files.
fn report(dir: &Path, pack: &StudyPack, notes: usize, cards: usize) -> String {
    let mut s = format!(
        "{}: {} summary sentences, {} words, {} cloze items, {notes} notes / {cards} cards\n",
        dir.display(),
        pack.summary.sentences.len(),
        pack.vocab.len(),
        pack.cloze.items.len(),
    );
    for f in FILES {
        s.push_str(&format!("  {}\n", dir.join(f).display()));
    }
    s
}
