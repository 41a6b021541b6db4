//! `kernsatz extract`.

use std::io::{self, Write};

use kernsatz::article::ReadOptions;
use kernsatz::export::page::{PageFormat, write_page};

use super::args::{ExtractArgs, ExtractFormat};
use super::batch;
use super::io::paths_or_stdin;
use super::{Failure, Outcome};

pub fn run(a: ExtractArgs) -> Result<Outcome, Failure> {
    let paths = paths_or_stdin(&a.input.files);
    batch::check_inputs(&paths)?;
    let format = match a.format {
        ExtractFormat::Text => PageFormat::Text,
        ExtractFormat::Markdown => PageFormat::Markdown,
        ExtractFormat::Json => PageFormat::Json,
    };
    let read = ReadOptions {
        encoding: a.input.encoding,
    };
    let single = paths.len() == 1 && !paths[0].is_dir();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failures = Vec::new();
    let mut first = true;
    let stats = batch::run(
        batch::documents(&paths, false, read),
        a.input.quiet,
        |_, article| {
            let mut buf = Vec::new();
            write_page(&mut buf, article, format).map_err(|e| e.to_string())?;
            String::from_utf8(buf).map_err(|e| e.to_string())
        },
        |doc, result| {
            match result {
                Ok(body) => {
                    if !single {
                        match format {
                            PageFormat::Json => {}
                            PageFormat::Markdown if !first => writeln!(out, "\n---\n")?,
                            PageFormat::Markdown => {}
                            PageFormat::Text => {
                                let gap = if first { "" } else { "\n" };
                                writeln!(out, "{gap}==> {} <==", doc.name)?;
                            }
                        }
                    }
                    out.write_all(body.as_bytes())?;
                    first = false;
                }
                Err(e) => failures.push(if e.starts_with(&doc.name) {
                    e
                } else {
                    format!("{}: {e}", doc.name)
                }),
            }
            Ok(())
        },
    )?;
    out.flush()?;
    if single && stats.failed == 1 {
        return Err(Failure::usage(failures.remove(0)));
    }
    Ok(batch::summarize_failures(stats, &failures))
}
