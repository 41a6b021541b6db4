//! `kernsatz study`: summary, vocabulary, worksheet and deck of an article in one go.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use kernsatz::cloze::render::{Format, write as write_cloze};
use kernsatz::export::anki::apkg::{ApkgOptions, write_apkg};
use kernsatz::export::names::slug;
use kernsatz::output::write_atomic;
use kernsatz::study::StudyPack;
use kernsatz::vocab::{VocabFormat, VocabOptions, vocabulary, write_vocab};
use kernsatz::{Document, IdfTable, Length, Options, Summarizer};

use super::args::{StudyArgs, StudyFormat};
use super::batch;
use super::cloze::{options, seed, worksheet};
use super::deck::{DeckPlan, add_article, timestamp};
use super::io::{encoding, paths_or_stdin};
use super::{Failure, Outcome};

/// Files a study pack writes, in order.
const FILES: [&str; 6] = [
    "summary.md",
    "vocab.tsv",
    "vocab.md",
    "worksheet.html",
    "worksheet.md",
    "deck.apkg",
];

/// The title of a document: its metadata title, else its file name without extension.
fn title_of(doc: &batch::Doc) -> String {
    if let Some(t) = &doc.title {
        return t.clone();
    }
    let base = doc.name.rsplit(['/', '\\']).next().unwrap_or(&doc.name);
    base.rsplit_once('.').map_or(base, |(b, _)| b).to_owned()
}

pub fn run(a: StudyArgs) -> Result<Outcome, Failure> {
    if a.sentences == 0 {
        return Err(Failure::usage("-n/--sentences must be at least 1"));
    }
    let cloze_opts = options(&a.exercise)?;
    let enc = encoding(&a.input.encoding)?;
    let paths = paths_or_stdin(&a.input.files);
    batch::check_inputs(&paths)?;
    let docs: Vec<batch::Doc> = batch::documents(&paths, false, enc).collect();
    let many = docs.len() > 1;
    let summarizer = Summarizer::new(
        IdfTable::embedded(),
        Options {
            length: Length::Sentences(a.sentences),
            ..Options::default()
        },
    );
    let mut packs = Vec::new();
    let mut failures = Vec::new();
    for d in &docs {
        let result = d.text.clone().and_then(|text| {
            let doc = Document::new(text).map_err(|e| format!("{}: {e}", d.name))?;
            let title = title_of(d);
            let summary = summarizer.summarize_document(&doc);
            let vocab = vocabulary(
                &doc,
                IdfTable::embedded(),
                &VocabOptions {
                    limit: Some(40),
                    ..VocabOptions::default()
                },
            );
            let one = [(title.clone(), doc)];
            let seed = seed(&a.exercise, &[one[0].1.text.as_str()]).map_err(|f| f.message)?;
            let cloze = worksheet(&one, &cloze_opts, seed);
            let date = d
                .date
                .clone()
                .or_else(|| one[0].1.date().map(str::to_owned));
            Ok((
                one,
                seed,
                StudyPack {
                    title,
                    date,
                    source: d.name.clone(),
                    summary,
                    vocab,
                    cloze,
                },
            ))
        });
        match result {
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
            serde_json::json!({ "articles": packs.iter().map(|p| &p.2).collect::<Vec<_>>() })
        } else {
            serde_json::to_value(&packs[0].2).map_err(|e| Failure::usage(e.to_string()))?
        };
        serde_json::to_writer_pretty(&mut out, &value).map_err(io::Error::other)?;
        writeln!(out)?;
        out.flush()?;
    } else {
        let stdout = io::stdout();
        let mut out = stdout.lock();
        for (one, _, pack) in &packs {
            let dir = match (&a.output, many) {
                (Some(o), false) => o.clone(),
                (Some(o), true) => o.join(slug(&pack.title)),
                (None, _) => PathBuf::from(slug(&pack.title)),
            };
            let plan = DeckPlan {
                deck: &a.deck,
                with_vocab: true,
                with_cloze: true,
                vocab_limit: Some(40),
                cloze: &cloze_opts,
                seed: 0,
                tags: &[],
            };
            let mut pkg = kernsatz::export::anki::Package::new();
            add_article(
                &mut pkg,
                &one[0].0,
                &one[0].1,
                &pack.vocab,
                &pack.cloze.items,
                &plan,
            )?;
            write_pack(&dir, pack, &pkg, a.force)?;
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

/// Write the pack's files into `dir`; without `force`, nothing is written if any exists.
fn write_pack(
    dir: &Path,
    pack: &StudyPack,
    pkg: &kernsatz::export::anki::Package,
    force: bool,
) -> Result<(), Failure> {
    if !force {
        let existing: Vec<String> = FILES
            .iter()
            .map(|f| dir.join(f))
            .filter(|p| p.exists())
            .map(|p| p.display().to_string())
            .collect();
        if !existing.is_empty() {
            return Err(Failure::usage(format!(
                "{} exist already; use --force to replace them",
                existing.join(", ")
            )));
        }
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure::usage(format!("cannot create {}: {e}", dir.display())))?;
    write_atomic(&dir.join("summary.md"), force, |w| {
        pack.write_summary_markdown(w)
    })?;
    write_atomic(&dir.join("vocab.tsv"), force, |w| {
        write_vocab(w, &pack.vocab, VocabFormat::Tsv, None, false)
    })?;
    write_atomic(&dir.join("vocab.md"), force, |w| {
        write_vocab(
            w,
            &pack.vocab,
            VocabFormat::Markdown,
            Some(&pack.title),
            false,
        )
    })?;
    write_atomic(&dir.join("worksheet.html"), force, |w| {
        write_cloze(&pack.cloze, Format::Html, w)
    })?;
    write_atomic(&dir.join("worksheet.md"), force, |w| {
        write_cloze(&pack.cloze, Format::Markdown, w)
    })?;
    write_apkg(
        pkg,
        &dir.join("deck.apkg"),
        &ApkgOptions {
            timestamp: timestamp(),
            force,
        },
    )?;
    Ok(())
}
