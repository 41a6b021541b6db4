//! `kernsatz vocab`.
//!
//! Articles are read and analysed window by window on all cores (memory does not grow with the
//! batch). By default their lists are merged into one as they come (counts and relevance add
//! up; no article is kept); with `--per-article` each article's list is printed as soon as its
//! window is done, in input order.

use std::io::{self, IsTerminal, Write};

use kernsatz::Document;
use kernsatz::article::ReadOptions;
use kernsatz::export::summary::write_jsonl_error;
use kernsatz::export::vocab::{VocabFormat, write_vocab, write_vocab_json_line, write_vocab_rows};
use kernsatz::vocab::{MergedVocabulary, VocabEntry, VocabOptions, vocabulary};

use super::args::{VocabArgs, VocabFormatArg};
use super::batch;
use super::io::{id_text, idf_or_embedded, known_words, load_idf, paths_or_stdin};
use super::table::write_table;
use super::{Failure, Outcome, describe};

/// An article's title, when it has one, and its vocabulary.
type Titled = (Option<String>, Vec<VocabEntry>);

pub fn run(a: VocabArgs) -> Result<Outcome, Failure> {
    let limit = (a.limit > 0).then_some(a.limit);
    let opts = VocabOptions {
        all: a.all,
        // per article: the limit applies to each list; merged: to the merged list
        limit: if a.per_article { limit } else { None },
        levels: a.level,
        category: a.category,
        known: known_words(&a.known)?,
        uncut: false,
    };
    let custom = load_idf(&a.idf)?;
    let idf = idf_or_embedded(&custom);
    let paths = paths_or_stdin(&a.input.files);
    batch::check_inputs(&paths)?;
    let read = ReadOptions {
        encoding: a.input.encoding,
    };
    let format = match a.format {
        VocabFormatArg::Table => None,
        VocabFormatArg::Markdown => Some(VocabFormat::Markdown),
        VocabFormatArg::Tsv => Some(VocabFormat::Tsv),
        VocabFormatArg::Csv => Some(VocabFormat::Csv),
        VocabFormatArg::Json => Some(VocabFormat::Json),
    };
    let color = format.is_none()
        && io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failures = Vec::new();
    let mut done = 0usize;
    let mut first_name: Option<String> = None;
    let work = |d: &batch::Doc, article: &kernsatz::article::Article| {
        let doc =
            Document::from_article(article).map_err(|e| describe(&e.in_source(d.name.clone())))?;
        // the Markdown heading: the article's own title (a web page's, a JSONL record's)
        Ok((article.title.clone(), vocabulary(&doc, idf, &opts)))
    };
    let stats = if a.per_article {
        batch::run(
            batch::documents(&paths, a.per_article, read),
            a.input.quiet,
            work,
            |d: &batch::Doc, result: Result<Titled, String>| {
                match result {
                    Ok((title, entries)) => {
                        let id = id_text(&d.id);
                        match format {
                            Some(VocabFormat::Json) => {
                                write_vocab_json_line(&mut out, &d.id, &entries)?
                            }
                            Some(f @ (VocabFormat::Tsv | VocabFormat::Csv)) => {
                                write_vocab_rows(&mut out, &entries, f, Some(&id), done == 0)?
                            }
                            Some(VocabFormat::Markdown) => {
                                if done > 0 {
                                    writeln!(out)?;
                                }
                                let title = title.as_deref().unwrap_or(&id);
                                write_vocab(&mut out, &entries, VocabFormat::Markdown, Some(title))?
                            }
                            None => {
                                if done > 0 {
                                    writeln!(out)?;
                                }
                                writeln!(out, "== {id} ==")?;
                                write_table(&mut out, &entries, color)?
                            }
                        }
                        done += 1;
                    }
                    // JSON lines: a failed article is an `{"id","error"}` line in its place
                    Err(e) if format == Some(VocabFormat::Json) => {
                        write_jsonl_error(&mut out, &d.id, &e)?;
                        failures.push(format!("{}: {e}", d.name));
                    }
                    Err(e) => failures.push(batch::named(&d.name, e)),
                }
                out.flush()
            },
        )?
    } else {
        let mut merged = MergedVocabulary::new();
        let stats = batch::run(
            batch::documents(&paths, false, read),
            a.input.quiet,
            work,
            |d: &batch::Doc, result: Result<Titled, String>| {
                match result {
                    Ok((title, entries)) => {
                        first_name.get_or_insert_with(|| title.unwrap_or_else(|| d.name.clone()));
                        merged.add(entries);
                        done += 1;
                    }
                    Err(e) => failures.push(batch::named(&d.name, e)),
                }
                Ok(())
            },
        )?;
        if done > 0 {
            let entries = merged.finish(limit);
            let title = (stats.done == 1).then(|| first_name.as_deref().unwrap_or(""));
            match format {
                Some(f) => write_vocab(&mut out, &entries, f, title)?,
                None => write_table(&mut out, &entries, color)?,
            }
        }
        stats
    };
    out.flush()?;
    if done == 0 {
        return Err(Failure::usage(failures.join("\n")));
    }
    Ok(batch::summarize_failures(stats, &failures))
}
