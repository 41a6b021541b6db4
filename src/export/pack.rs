//! A study pack on disk: its files in one directory.

use std::path::Path;

use super::summary::write_study_summary;
use super::vocab::{VocabFormat, write_vocab};
use super::worksheet::{Format, write as write_worksheet};
use crate::anki::Package;
use crate::anki::apkg::{ApkgOptions, write_apkg};
use crate::error::{Error, Result};
use crate::output::{exists_error, write_atomic};
use crate::study::StudyPack;

/// The files of a study pack, in the order they are written.
pub const FILES: [&str; 6] = [
    "summary.md",
    "vocab.tsv",
    "vocab.md",
    "worksheet.html",
    "worksheet.md",
    "deck.apkg",
];

/// Write `pack` and its deck `pkg` into `dir` (created if needed); `timestamp` dates the
/// deck's notes. Without `force`, nothing is written if any of the files exists.
pub fn write_pack(
    dir: &Path,
    pack: &StudyPack,
    pkg: &Package,
    timestamp: i64,
    force: bool,
) -> Result<()> {
    if !force && let Some(existing) = FILES.iter().map(|f| dir.join(f)).find(|p| p.exists()) {
        return Err(exists_error(&existing));
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
    write_atomic(&dir.join("summary.md"), force, |w| {
        write_study_summary(w, pack)
    })?;
    write_atomic(&dir.join("vocab.tsv"), force, |w| {
        write_vocab(w, &pack.vocab, VocabFormat::Tsv, None)
    })?;
    write_atomic(&dir.join("vocab.md"), force, |w| {
        write_vocab(w, &pack.vocab, VocabFormat::Markdown, Some(&pack.title))
    })?;
    write_atomic(&dir.join("worksheet.html"), force, |w| {
        write_worksheet(&pack.cloze, Format::Html, w)
    })?;
    write_atomic(&dir.join("worksheet.md"), force, |w| {
        write_worksheet(&pack.cloze, Format::Markdown, w)
    })?;
    write_apkg(
        pkg,
        &dir.join("deck.apkg"),
        &ApkgOptions { timestamp, force },
    )?;
    Ok(())
}
