//! `kernsatz study`: summary, vocabulary, worksheet and deck of an article in one go.

use std::io::{self, Write};
use std::path::PathBuf;

use kernsatz::article::ReadOptions;
use kernsatz::deck::slug;
use kernsatz::export::pack::{FILES, write_pack};
use kernsatz::study::{DeckSettings, StudyPack, StudySettings};
use kernsatz::{Length, Options};

use super::args::{StudyArgs, StudyFormat};
use super::batch;
use super::io::{idf_or_embedded, load_idf, paths_or_stdin, timestamp};
use super::{Failure, Outcome, describe};

pub fn run(a: StudyArgs) -> Result<Outcome, Failure> {
    let settings = StudySettings {
        summary: Options {
            length: Length::Sentences(a.sentences),
            ..Options::default()
        },
        cloze: a.exercise.options(),
        seed: a.exercise.seed(),
        ..StudySettings::default()
    };
    let deck = DeckSettings {
        name: a.deck.clone(),
        ..DeckSettings::default()
    };
    let custom = load_idf(&a.exercise.idf)?;
    let idf = idf_or_embedded(&custom);
    let paths = paths_or_stdin(&a.input.files);
    batch::check_inputs(&paths)?;
    let read = ReadOptions {
        encoding: a.input.encoding,
    };
    let docs: Vec<batch::Doc> = batch::documents(&paths, false, read).collect();
    let many = docs.len() > 1;
    let mut packs = Vec::new();
    let mut failures = Vec::new();
    for d in &docs {
        let pack = d.article.clone().and_then(|article| {
            StudyPack::build(&article, &settings, idf).map_err(|e| describe(&e))
        });
        match pack {
            Ok(p) => packs.push(p),
            Err(e) => failures.push(e),
        }
    }
    if packs.is_empty() {
        return Err(Failure::usage(failures.join("\n")));
    }
    if a.format == StudyFormat::Json && a.output.is_none() {
        let stdout = io::stdout();
        let mut out = io::BufWriter::new(stdout.lock());
        let value = if many {
            serde_json::json!({ "articles": packs })
        } else {
            serde_json::to_value(&packs[0]).map_err(|e| Failure::usage(e.to_string()))?
        };
        serde_json::to_writer_pretty(&mut out, &value).map_err(io::Error::other)?;
        writeln!(out)?;
        out.flush()?;
    } else {
        let stdout = io::stdout();
        let mut out = stdout.lock();
        for pack in &packs {
            let dir = match (&a.output, many) {
                (Some(o), false) => o.clone(),
                (Some(o), true) => o.join(slug(&pack.title)),
                (None, _) => PathBuf::from(slug(&pack.title)),
            };
            let pkg = pack.deck(&deck)?;
            write_pack(&dir, pack, &pkg, timestamp(), a.force)?;
            writeln!(
                out,
                "{}: {} summary sentences, {} words, {} cloze items, {} notes / {} cards",
                dir.display(),
                pack.summary.sentences.len(),
                pack.vocab.len(),
                pack.cloze.items.len(),
                pkg.len(),
                pkg.card_count()
            )?;
            for f in FILES {
                writeln!(out, "  {}", dir.join(f).display())?;
            }
        }
    }
    let stats = batch::Stats {
        done: docs.len(),
        failed: failures.len(),
    };
    Ok(batch::summarize_failures(stats, &failures))
}
