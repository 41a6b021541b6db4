//! The Anki deck of `kernsatz deck` on arbitrary input with a fuzzed seed and settings: the
//! input read as a file (text or web page), `DeckArticle::new` (vocabulary and worksheet),
//! `cards::add_article`, then an `.apkg` and the Anki text file written into a temporary
//! directory. Checks: no panic, no error; the `.apkg` is a zip holding `collection.anki2`
//! (a SQLite collection that opens, with as many notes and cards as the package reports) and
//! `media`; the text file has its headers and then one line per note (with either choice of
//! note types).
#![no_main]

#[path = "common/mod.rs"]
mod common;

use std::io::Read;

use kernsatz::IdfTable;
use kernsatz::cloze::{ClozeOptions, Kinds};
use kernsatz::export::anki::apkg::{ApkgOptions, write_apkg};
use kernsatz::export::anki::text::{TextNoteTypes, TextOptions, render_text, write_text};
use kernsatz::export::anki::{Package, cards::add_article};
use kernsatz::study::{DeckArticle, DeckSettings};
use libfuzzer_sys::fuzz_target;

/// Header lines of the text file (`#separator:tab` … `#tags column:4`).
const TEXT_HEADERS: usize = 7;

fn check_text(text: &str, notes: usize) {
    assert!(text.ends_with('\n'));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), TEXT_HEADERS + notes, "not one line per note");
    assert!(lines[..TEXT_HEADERS].iter().all(|l| l.starts_with('#')));
    assert!(lines[TEXT_HEADERS..].iter().all(|l| !l.starts_with('#')));
}

fuzz_target!(|input: (u64, u8, &str)| {
    let (seed, flags, text) = input;
    let Some((_, doc)) = common::document(text.as_bytes()) else {
        return;
    };
    let (vocab, cloze) = match flags & 3 {
        1 => (true, false),
        2 => (false, true),
        _ => (true, true),
    };
    let settings = DeckSettings {
        vocab,
        cloze,
        vocab_limit: match flags >> 2 {
            0 => None,
            n => Some(usize::from(n)),
        },
        ..DeckSettings::default()
    };
    let opts = ClozeOptions {
        kinds: Kinds::all(),
        ..ClozeOptions::default()
    };
    let article = DeckArticle::new("fuzz", &doc, &settings, &opts, IdfTable::embedded(), seed);
    let mut pkg = Package::new();
    add_article(&mut pkg, &article, &settings).expect("notes of any text are valid");
    if pkg.is_empty() {
        // the command stops here: nothing to put in the deck
        return;
    }
    let dir = tempfile::tempdir_in(scratch()).expect("a temporary directory");

    let apkg = dir.path().join("deck.apkg");
    let summary = write_apkg(
        &pkg,
        &apkg,
        &ApkgOptions {
            timestamp: 1_700_000_000,
            force: false,
        },
    )
    .expect("the .apkg is written");
    assert_eq!(summary.notes, pkg.len());
    assert_eq!(summary.cards, pkg.card_count());
    let file = std::fs::File::open(&apkg).expect("the .apkg exists");
    assert_eq!(file.metadata().unwrap().len() as usize, summary.bytes);
    let mut zip = zip::ZipArchive::new(file).expect("the .apkg is a zip");
    let mut media = String::new();
    zip.by_name("media")
        .expect("a media entry")
        .read_to_string(&mut media)
        .expect("readable media");
    assert_eq!(media, "{}");
    let mut collection = Vec::new();
    zip.by_name("collection.anki2")
        .expect("a collection.anki2 entry")
        .read_to_end(&mut collection)
        .expect("a readable collection");
    let db = dir.path().join("collection.anki2");
    std::fs::write(&db, &collection).expect("writing the collection");
    {
        let conn =
            rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .expect("the collection opens");
        let count = |sql: &str| -> usize {
            conn.query_row(sql, [], |r| r.get::<_, i64>(0))
                .expect("the collection answers") as usize
        };
        assert_eq!(count("SELECT count(*) FROM notes"), pkg.len());
        assert_eq!(count("SELECT count(*) FROM cards"), pkg.card_count());
        assert_eq!(count("SELECT count(*) FROM col"), 1);
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity check");
        assert_eq!(ok, "ok");
    }

    let txt = dir.path().join("deck.txt");
    let written =
        write_text(&pkg, &txt, &TextOptions::default()).expect("the text file is written");
    assert_eq!(written.notes, pkg.len());
    let body = std::fs::read_to_string(&txt).expect("UTF-8 text file");
    assert_eq!(body.len(), written.bytes);
    check_text(&body, pkg.len());
    let own = render_text(&pkg, &TextNoteTypes::Kernsatz).expect("the text file renders");
    check_text(&own, pkg.len());
});

/// Where the temporary directories go: memory when there is a tmpfs, else the system's.
fn scratch() -> std::path::PathBuf {
    let shm = std::path::Path::new("/dev/shm");
    if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    }
}
