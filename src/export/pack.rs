//! A study pack on disk: its files in one directory.

use std::path::Path;

use super::summary::write_study_summary;
use super::vocab::{VocabFormat, write_vocab};
use super::worksheet::{Format, write as write_worksheet};
use crate::error::{Error, ErrorKind, Result};
use crate::export::anki::Package;
use crate::export::anki::apkg::{ApkgOptions, write_apkg};
use crate::output::{TempDir, check_target, write_atomic};
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

/// Write `pack` and its deck `pkg` into `dir`; `timestamp` dates the deck's notes.
///
/// All or nothing: the files are written into a hidden temporary directory first and appear
/// only when all of them are complete (a new `dir` by one rename; in an existing `dir` file by
/// file, after all are written). Without `force`, nothing is written if any of the pack's files
/// exists in `dir`; with `force` they are replaced if they are regular files.
pub fn write_pack(
    dir: &Path,
    pack: &StudyPack,
    pkg: &Package,
    timestamp: i64,
    force: bool,
) -> Result<()> {
    let existing = match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => true,
        Ok(_) => {
            return Err(ErrorKind::NotAFile {
                path: dir.to_path_buf(),
                kind: "a file",
            }
            .into());
        }
        Err(_) => false,
    };
    if existing {
        for f in FILES {
            check_target(&dir.join(f), force)?;
        }
    } else if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| Error::io("create", parent, e))?;
    }
    let tmp = if existing {
        TempDir::beside(&dir.join("pack"))?
    } else {
        TempDir::beside(dir)?
    };
    let at = |f: &str| tmp.path().join(f);
    write_atomic(&at("summary.md"), false, |w| write_study_summary(w, pack))?;
    write_atomic(&at("vocab.tsv"), false, |w| {
        write_vocab(w, &pack.vocab, VocabFormat::Tsv, None)
    })?;
    write_atomic(&at("vocab.md"), false, |w| {
        write_vocab(w, &pack.vocab, VocabFormat::Markdown, Some(&pack.title))
    })?;
    write_atomic(&at("worksheet.html"), false, |w| {
        write_worksheet(&pack.cloze, Format::Html, w)
    })?;
    write_atomic(&at("worksheet.md"), false, |w| {
        write_worksheet(&pack.cloze, Format::Markdown, w)
    })?;
    write_apkg(
        pkg,
        &at("deck.apkg"),
        &ApkgOptions {
            timestamp,
            force: false,
        },
    )?;
    if !existing {
        return tmp.persist(dir);
    }
    for f in FILES {
        let target = dir.join(f);
        check_target(&target, force)?;
        std::fs::rename(at(f), &target).map_err(|e| Error::io("write", &target, e))?;
    }
    Ok(())
}
