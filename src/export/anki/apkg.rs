//! `.apkg` writer: a zip holding `collection.anki2` (a legacy schema-11 SQLite collection, the
//! format every Anki version since 2.0 imports) and `media` (`{}`: no media files).
//!
//! What goes into the collection, following Anki's own schema-11 layout (`rslib/src/storage/
//! schema11.sql`) and the serde definitions Anki uses to read it when it upgrades the file
//! on import (`rslib/src/{notetype,decks,deckconfig}/schema11.rs`):
//!
//! * `col`: one row with `crt` (the timestamp's day start), `mod`/`scm` (timestamp in ms),
//!   `ver = 11`, `conf`, `models` (both note types with all schema-11 keys), `decks` (the
//!   `Default` deck 1 plus every deck of the package and its parents), `dconf` (default
//!   options group 1) and `tags = {}`.
//! * `notes`: id (the stable id of the GUID, see [`super`]), GUID, note type id, `mod` =
//!   timestamp, tags as `" a b "`, fields joined by `\x1f`, `sfld` = the HTML-stripped sort field
//!   (SQLite's integer affinity stores a numeric one as integer, as in Anki), `csum` = Anki's
//!   field checksum of the first field (`field_checksum` in `fields.rs`).
//! * `cards`: one per [`super::Note::card_ords`], new (`type = queue = 0`), `due` = the note's
//!   position (1-based), in the note's deck.
//! * empty `revlog` and `graves`, and Anki's indexes.
//!
//! `mod` times are all the caller's timestamp: a later export of the same notes has newer
//! notes, so Anki's default "update if newer" import updates every existing note (changed
//! or not) and adds the new ones; nothing is duplicated because GUIDs are stable.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

use rusqlite::{Connection, params};
use serde_json::{Value, json};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::export_failed;
use super::fields::{field_checksum, strip_html};
use super::ids::stable_id;
use super::notetypes::{CLOZE_NOTETYPE_ID, NoteKind, NoteType};
use super::package::{Deck, Package};
use crate::error::Result;
use crate::output::{TempFile, exists_error, write_atomic_seekable};

/// Options for [`write_apkg`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApkgOptions {
    /// Seconds since the Unix epoch used for every modification time in the collection
    /// (pass the current time; tests pass a constant to get reproducible bytes).
    pub timestamp: i64,
    /// Replace an existing output file.
    pub force: bool,
}

/// What [`write_apkg`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApkgSummary {
    /// Notes written.
    pub notes: usize,
    /// Cards written.
    pub cards: usize,
    /// Decks written (not counting Anki's `Default` deck).
    pub decks: usize,
    /// Size of the `.apkg` in bytes.
    pub bytes: usize,
}

const SCHEMA: &str = "
CREATE TABLE col (
    id integer primary key, crt integer not null, mod integer not null,
    scm integer not null, ver integer not null, dty integer not null,
    usn integer not null, ls integer not null, conf text not null,
    models text not null, decks text not null, dconf text not null, tags text not null
);
CREATE TABLE notes (
    id integer primary key, guid text not null, mid integer not null,
    mod integer not null, usn integer not null, tags text not null,
    flds text not null, sfld integer not null, csum integer not null,
    flags integer not null, data text not null
);
CREATE TABLE cards (
    id integer primary key, nid integer not null, did integer not null,
    ord integer not null, mod integer not null, usn integer not null,
    type integer not null, queue integer not null, due integer not null,
    ivl integer not null, factor integer not null, reps integer not null,
    lapses integer not null, left integer not null, odue integer not null,
    odid integer not null, flags integer not null, data text not null
);
CREATE TABLE revlog (
    id integer primary key, cid integer not null, usn integer not null,
    ease integer not null, ivl integer not null, lastIvl integer not null,
    factor integer not null, time integer not null, type integer not null
);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
";

/// Writes `package` as an `.apkg` to `path`, atomically; an existing file is replaced only
/// with `opts.force`, otherwise the result is an [`crate::ErrorKind::OutputExists`] error.
///
/// The collection is built in a temporary SQLite file beside `path` and copied into the zip,
/// which is written to a temporary file beside `path`: memory does not grow with the package.
pub fn write_apkg(package: &Package, path: &Path, opts: &ApkgOptions) -> Result<ApkgSummary> {
    if !opts.force && path.exists() {
        return Err(exists_error(path));
    }
    let source = || path.display().to_string();
    let (scratch, file) = TempFile::beside(path, ".anki2")?;
    drop(file);
    let sql_err =
        |e: rusqlite::Error| export_failed("building the Anki collection", e).in_source(source());
    let mut summary = {
        let mut conn = Connection::open(scratch.path()).map_err(sql_err)?;
        let summary = fill_collection(&mut conn, package, opts.timestamp, path)?;
        conn.close().map_err(|(_, e)| sql_err(e))?;
        summary
    };
    let read_back =
        |e: io::Error| crate::Error::io("read back", scratch.path(), e).in_source(source());
    let mut collection = File::open(scratch.path()).map_err(read_back)?;
    // what failed inside the writer other than writing to the file
    let mut failed: Option<crate::Error> = None;
    let written = write_atomic_seekable(path, opts.force, |out| {
        match write_zip(out, &mut collection) {
            Ok(bytes) => {
                summary.bytes = bytes;
                Ok(())
            }
            Err(ZipFailure::Write(e)) => Err(e),
            Err(ZipFailure::Read(e)) => {
                failed = Some(read_back(e));
                Err(io::Error::other("reading the collection failed"))
            }
            Err(ZipFailure::Zip(e)) => {
                failed = Some(export_failed("writing the zip", e).in_source(source()));
                Err(io::Error::other("writing the zip failed"))
            }
        }
    });
    match (written, failed) {
        (Err(_), Some(e)) => Err(e),
        (written, _) => written.map(|()| summary),
    }
}

/// Why [`write_zip`] failed.
enum ZipFailure {
    /// Writing the output.
    Write(io::Error),
    /// Reading the collection.
    Read(io::Error),
    /// Another error of the zip library.
    Zip(zip::result::ZipError),
}

impl From<zip::result::ZipError> for ZipFailure {
    fn from(e: zip::result::ZipError) -> Self {
        match e {
            zip::result::ZipError::Io(e) => ZipFailure::Write(e),
            e => ZipFailure::Zip(e),
        }
    }
}

/// Writes the zip of the `.apkg` with `collection` (read from its start) to `out`; returns
/// its size in bytes.
fn write_zip(
    out: &mut (impl Write + Seek),
    collection: &mut impl Read,
) -> std::result::Result<usize, ZipFailure> {
    let mut zip = ZipWriter::new(out);
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    zip.start_file("collection.anki2", options)?;
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match collection.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(ZipFailure::Read(e)),
        };
        zip.write_all(&buf[..n]).map_err(ZipFailure::Write)?;
    }
    zip.start_file("media", options)?;
    zip.write_all(b"{}").map_err(ZipFailure::Write)?;
    let out = zip.finish()?;
    let end = out.seek(SeekFrom::End(0)).map_err(ZipFailure::Write)?;
    Ok(end as usize)
}

fn fill_collection(
    conn: &mut Connection,
    package: &Package,
    timestamp: i64,
    target: &Path,
) -> Result<ApkgSummary> {
    let source = || target.display().to_string();
    let sql_err =
        |e: rusqlite::Error| export_failed("building the Anki collection", e).in_source(source());
    conn.execute_batch("PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;")
        .map_err(sql_err)?;
    let tx = conn.transaction().map_err(sql_err)?;
    tx.execute_batch(SCHEMA).map_err(sql_err)?;

    let decks = package.decks();
    let deck_id = |name: &str| {
        decks
            .iter()
            .find(|d| d.name == name)
            .map(|d| d.id)
            .expect("every note deck is in Package::decks")
    };

    let day_start = timestamp - timestamp.rem_euclid(86_400);
    let ms = timestamp * 1000;
    tx.execute(
        "INSERT INTO col VALUES (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')",
        params![
            day_start,
            ms,
            conf_json(package.len()).to_string(),
            models_json(timestamp).to_string(),
            decks_json(&decks, timestamp).to_string(),
            dconf_json().to_string(),
        ],
    )
    .map_err(sql_err)?;

    let mut cards = 0;
    {
        let mut insert_note = tx
            .prepare("INSERT INTO notes VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6, ?7, ?8, 0, '')")
            .map_err(sql_err)?;
        let mut insert_card = tx
            .prepare(
                "INSERT INTO cards VALUES (?1, ?2, ?3, ?4, ?5, 0, 0, 0, ?6, 0, 0, 0, 0, 0, 0, 0, 0, '')",
            )
            .map_err(sql_err)?;
        for (pos, entry) in package.notes().enumerate() {
            let (guid, note) = entry.map_err(|e| e.in_source(source()))?;
            let nt = note.kind().notetype();
            let tags = if note.tags().is_empty() {
                String::new()
            } else {
                format!(" {} ", note.tags().join(" "))
            };
            let sort_field = strip_html(&note.fields()[nt.sort_field]);
            let flds = note.fields().join("\x1f");
            let csum = field_checksum(&note.fields()[0]);
            let nid = insert_with_free_id(stable_id("note", &guid), |nid| {
                insert_note.execute(params![
                    nid, guid, nt.id, timestamp, tags, flds, sort_field, csum,
                ])
            })
            .map_err(sql_err)?;
            let did = deck_id(note.deck());
            for ord in note.card_ords() {
                let id = stable_id("card", &format!("{guid}:{ord}"));
                insert_with_free_id(id, |cid| {
                    insert_card.execute(params![cid, nid, did, ord, timestamp, pos as i64 + 1])
                })
                .map_err(sql_err)?;
                cards += 1;
            }
        }
    }
    tx.commit().map_err(sql_err)?;
    Ok(ApkgSummary {
        notes: package.len(),
        cards,
        decks: decks.len(),
        bytes: 0,
    })
}

/// Inserts a row with `insert(id)`, trying `id`, `id + 1`, … until no row of the table has the
/// id (the table's primary key): the collision rule of [`super::ids::stable_id`], with the
/// ids taken so far kept by the collection itself instead of in memory. Returns the id used.
fn insert_with_free_id(
    mut id: i64,
    mut insert: impl FnMut(i64) -> rusqlite::Result<usize>,
) -> rusqlite::Result<i64> {
    loop {
        match insert(id) {
            Ok(_) => return Ok(id),
            Err(rusqlite::Error::SqliteFailure(f, _))
                if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY =>
            {
                id += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

fn conf_json(notes: usize) -> Value {
    json!({
        "activeDecks": [1],
        "curDeck": 1,
        "newSpread": 0,
        "collapseTime": 1200,
        "timeLim": 0,
        "estTimes": true,
        "dueCounts": true,
        "curModel": CLOZE_NOTETYPE_ID,
        "nextPos": notes + 1,
        "sortType": "noteFld",
        "sortBackwards": false,
        "addToCur": true,
    })
}

fn models_json(timestamp: i64) -> Value {
    let mut models = serde_json::Map::new();
    for kind in NoteKind::ALL {
        let nt = kind.notetype();
        models.insert(nt.id.to_string(), model_json(nt, timestamp));
    }
    Value::Object(models)
}

fn model_json(nt: &NoteType, timestamp: i64) -> Value {
    let flds: Vec<Value> = nt
        .fields
        .iter()
        .enumerate()
        .map(|(ord, name)| {
            json!({
                "name": name,
                "ord": ord,
                "sticky": false,
                "rtl": false,
                "font": "Arial",
                "size": 20,
                "description": "",
                "media": [],
            })
        })
        .collect();
    let tmpls: Vec<Value> = nt
        .templates
        .iter()
        .enumerate()
        .map(|(ord, t)| {
            json!({
                "name": t.name,
                "ord": ord,
                "qfmt": t.qfmt,
                "afmt": t.afmt,
                "bqfmt": "",
                "bafmt": "",
                "did": null,
                "bfont": "",
                "bsize": 0,
            })
        })
        .collect();
    json!({
        "id": nt.id,
        "name": nt.name,
        "type": if nt.is_cloze { 1 } else { 0 },
        "mod": timestamp,
        "usn": 0,
        "sortf": nt.sort_field,
        "did": 1,
        "tmpls": tmpls,
        "flds": flds,
        "css": nt.css,
        "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        "latexPost": "\\end{document}",
        "latexsvg": false,
        "req": requirements(nt),
        "tags": [],
        "vers": [],
    })
}

/// Schema-11 `req`: for each template, the fields whose content makes its front non-empty.
fn requirements(nt: &NoteType) -> Value {
    let reqs: Vec<Value> = nt
        .templates
        .iter()
        .enumerate()
        .map(|(ord, t)| {
            let fields: Vec<usize> = nt
                .fields
                .iter()
                .enumerate()
                .filter(|(_, name)| {
                    t.qfmt.contains(&format!("{{{{{name}}}}}"))
                        || t.qfmt.contains(&format!(":{name}}}}}"))
                })
                .map(|(i, _)| i)
                .collect();
            json!([ord, "any", fields])
        })
        .collect();
    Value::Array(reqs)
}

fn deck_json(id: i64, name: &str, timestamp: i64) -> Value {
    json!({
        "id": id,
        "name": name,
        "mod": timestamp,
        "usn": 0,
        "lrnToday": [0, 0],
        "revToday": [0, 0],
        "newToday": [0, 0],
        "timeToday": [0, 0],
        "collapsed": false,
        "browserCollapsed": false,
        "desc": "",
        "dyn": 0,
        "conf": 1,
        "extendNew": 0,
        "extendRev": 0,
    })
}

fn decks_json(decks: &[Deck], timestamp: i64) -> Value {
    let mut map = serde_json::Map::new();
    map.insert("1".to_string(), deck_json(1, "Default", timestamp));
    for d in decks {
        map.insert(d.id.to_string(), deck_json(d.id, &d.name, timestamp));
    }
    Value::Object(map)
}

fn dconf_json() -> Value {
    json!({
        "1": {
            "id": 1,
            "mod": 0,
            "name": "Default",
            "usn": 0,
            "maxTaken": 60,
            "autoplay": true,
            "timer": 0,
            "replayq": true,
            "dyn": false,
            "new": {
                "bury": false,
                "delays": [1.0, 10.0],
                "initialFactor": 2500,
                "ints": [1, 4, 0],
                "order": 1,
                "perDay": 20,
            },
            "rev": {
                "bury": false,
                "ease4": 1.3,
                "ivlFct": 1.0,
                "maxIvl": 36500,
                "perDay": 200,
                "hardFactor": 1.2,
            },
            "lapse": {
                "delays": [10.0],
                "leechAction": 1,
                "leechFails": 8,
                "minInt": 1,
                "mult": 0.0,
            },
        }
    })
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::io::Read;
    use std::path::PathBuf;

    use super::*;
    use crate::ErrorKind;
    use crate::export::anki::ids::guid_for_key;
    use crate::export::anki::notes::{ClozeFields, Note, VocabFields, cloze_deletion};
    use crate::export::anki::notetypes::VOCAB_NOTETYPE_ID;

    fn scratch_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("kernsatz-apkg-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn sample() -> Package {
        let mut p = Package::new();
        let text = format!(
            "Die {} ist <b>gestört</b>, sagt {}.",
            cloze_deletion(1, "Lieferkette", Some("Logistik")),
            cloze_deletion(2, "Tokio", None)
        );
        p.add(
            Note::cloze(
                "hb-2022-01-22",
                "Die Lieferkette ist gestört, sagt Tokio.",
                ClozeFields {
                    text,
                    back_extra: "Wirtschaft".into(),
                    source: "Handelsblatt".into(),
                },
            )
            .in_deck("kernsatz::Cloze")
            .with_tags(["japan", "B2 Niveau"]),
        )
        .unwrap();
        p.add(
            Note::vocab(
                "Lieferkette",
                VocabFields {
                    wort: "die Lieferkette".into(),
                    plural: "die Lieferketten".into(),
                    english: "supply chain".into(),
                    ..Default::default()
                },
            )
            .in_deck("kernsatz::Vokabeln"),
        )
        .unwrap();
        p
    }

    fn unzip(path: &Path) -> (Vec<String>, Vec<u8>, Vec<u8>) {
        let mut zip = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
        let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
        let mut col = Vec::new();
        zip.by_name("collection.anki2")
            .unwrap()
            .read_to_end(&mut col)
            .unwrap();
        let mut media = Vec::new();
        zip.by_name("media")
            .unwrap()
            .read_to_end(&mut media)
            .unwrap();
        (names, col, media)
    }

    #[test]
    fn zip_holds_collection_and_media() {
        let dir = scratch_dir("zip");
        let out = dir.join("deck.apkg");
        let opts = ApkgOptions {
            timestamp: 1_700_000_000,
            force: false,
        };
        let summary = write_apkg(&sample(), &out, &opts).unwrap();
        assert_eq!((summary.notes, summary.cards), (2, 4));
        let (mut names, col, media) = unzip(&out);
        names.sort();
        assert_eq!(names, ["collection.anki2", "media"]);
        assert_eq!(media, b"{}");

        let db_path = dir.join("check.anki2");
        fs::write(&db_path, &col).unwrap();
        let db = Connection::open(&db_path).unwrap();
        let (ver, crt, models, decks): (i64, i64, String, String) = db
            .query_row("SELECT ver, crt, models, decks FROM col", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .unwrap();
        assert_eq!(ver, 11);
        assert_eq!(crt % 86_400, 0);
        let models: Value = serde_json::from_str(&models).unwrap();
        assert_eq!(models[CLOZE_NOTETYPE_ID.to_string()]["type"], 1);
        assert_eq!(
            models[VOCAB_NOTETYPE_ID.to_string()]["name"],
            "kernsatz Vokabel"
        );
        assert_eq!(
            models[VOCAB_NOTETYPE_ID.to_string()]["req"],
            json!([[0, "any", [0]], [1, "any", [2]]])
        );
        let decks: Value = serde_json::from_str(&decks).unwrap();
        let mut deck_names: Vec<&str> = decks
            .as_object()
            .unwrap()
            .values()
            .map(|d| d["name"].as_str().unwrap())
            .collect();
        deck_names.sort();
        assert_eq!(
            deck_names,
            [
                "Default",
                "kernsatz",
                "kernsatz::Cloze",
                "kernsatz::Vokabeln"
            ]
        );

        let (guid, tags, flds, sfld, csum): (String, String, String, String, i64) = db
            .query_row(
                "SELECT guid, tags, flds, sfld, csum FROM notes WHERE mid = ?1",
                [CLOZE_NOTETYPE_ID],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .unwrap();
        assert_eq!(
            guid,
            guid_for_key("cloze:hb-2022-01-22\u{1f}Die Lieferkette ist gestört, sagt Tokio.")
        );
        assert_eq!(tags, " japan B2_Niveau ");
        assert_eq!(flds.split('\x1f').count(), 3);
        assert_eq!(
            sfld,
            "Die {{c1::Lieferkette::Logistik}} ist gestört, sagt {{c2::Tokio}}."
        );
        assert_eq!(csum, i64::from(field_checksum(&sfld)));
        let ords: Vec<i64> = db
            .prepare("SELECT c.ord FROM cards c JOIN notes n ON c.nid = n.id WHERE n.mid = ?1 ORDER BY c.ord")
            .unwrap()
            .query_map([CLOZE_NOTETYPE_ID], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(ords, [0, 1]);
        let empty: i64 = db
            .query_row(
                "SELECT (SELECT count() FROM revlog) + (SELECT count() FROM graves)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(empty, 0);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn numeric_sort_field_is_stored_as_integer() {
        let dir = scratch_dir("num");
        let mut p = Package::new();
        p.add(Note::vocab(
            "42",
            VocabFields {
                wort: "<b>42</b>".into(),
                ..Default::default()
            },
        ))
        .unwrap();
        let out = dir.join("n.apkg");
        let opts = ApkgOptions {
            timestamp: 1_700_000_000,
            force: false,
        };
        write_apkg(&p, &out, &opts).unwrap();
        let db_path = dir.join("n.anki2");
        fs::write(&db_path, unzip(&out).1).unwrap();
        let db = Connection::open(&db_path).unwrap();
        let (kind, value): (String, i64) = db
            .query_row("SELECT typeof(sfld), sfld FROM notes", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((kind.as_str(), value), ("integer", 42));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn same_input_same_bytes() {
        let dir = scratch_dir("det");
        let opts = ApkgOptions {
            timestamp: 1_700_000_000,
            force: false,
        };
        write_apkg(&sample(), &dir.join("a.apkg"), &opts).unwrap();
        write_apkg(&sample(), &dir.join("b.apkg"), &opts).unwrap();
        assert_eq!(
            fs::read(dir.join("a.apkg")).unwrap(),
            fs::read(dir.join("b.apkg")).unwrap()
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    /// `n` vocabulary notes in three decks, some with one card and some with two, then the
    /// first 50 again with other fields and decks (they replace the earlier ones in place).
    fn many_notes(n: usize) -> Vec<Note> {
        let note = |i: usize, round: usize| {
            Note::vocab(
                &format!("Wort{i}"),
                VocabFields {
                    wort: format!("das Wort{i}"),
                    english: if (i + round).is_multiple_of(3) {
                        String::new()
                    } else {
                        format!("word {i} ({round})")
                    },
                    ..Default::default()
                },
            )
            .in_deck(format!("kernsatz::Vokabeln::D{}", (i + round) % 3))
            .with_tags([format!("r{round}")])
        };
        let mut notes: Vec<Note> = (0..n).map(|i| note(i, 0)).collect();
        notes.extend((0..50).map(|i| note(i, 1)));
        notes
    }

    #[test]
    fn a_package_on_disk_writes_what_one_in_memory_does() {
        let dir = scratch_dir("spill");
        let notes = many_notes(700);
        let mut memory = Package::with_memory_limit(usize::MAX);
        let mut disk = Package::with_memory_limit(10).spill_beside(&dir.join("disk.apkg"));
        // the way `kernsatz deck` builds it: small packages appended to a big one
        let mut appended = Package::with_memory_limit(100).spill_beside(&dir.join("disk.apkg"));
        for chunk in notes.chunks(30) {
            let mut part = Package::new();
            part.add_all(chunk.iter().cloned()).unwrap();
            appended.append(part).unwrap();
        }
        for note in notes {
            memory.add(note.clone()).unwrap();
            disk.add(note).unwrap();
        }
        assert!(format!("{disk:?}").contains("spilled: true"), "{disk:?}");
        assert!(format!("{memory:?}").contains("spilled: false"));
        let opts = ApkgOptions {
            timestamp: 1_700_000_000,
            force: false,
        };
        let mut collections = Vec::new();
        for (name, p) in [
            ("memory", &memory),
            ("disk", &disk),
            ("appended", &appended),
        ] {
            assert_eq!(
                (p.len(), p.card_count()),
                (700, memory.card_count()),
                "{name}"
            );
            let out = dir.join(format!("{name}.apkg"));
            let summary = write_apkg(p, &out, &opts).unwrap();
            assert_eq!(summary.notes, 700);
            collections.push(unzip(&out).1);
            let text = crate::export::anki::text::render_text(p, &Default::default()).unwrap();
            assert_eq!(text.lines().count(), 7 + 700, "{name}");
            collections.push(text.into_bytes());
        }
        assert!(collections[0] == collections[2] && collections[0] == collections[4]);
        assert!(collections[1] == collections[3] && collections[1] == collections[5]);
        // the replacing notes kept their places: the first note is Wort0 of round 1
        let (_, first) = disk.notes().next().unwrap().unwrap();
        assert_eq!(first.tags(), ["r1"]);
        assert_eq!(disk.notes().count(), 700);
        // the temporary databases go with their packages
        drop((disk, appended));
        let mut names: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["appended.apkg", "disk.apkg", "memory.apkg"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn ids_taken_are_probed_in_the_collection() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (id integer primary key)")
            .unwrap();
        let mut insert = |id| conn.execute("INSERT INTO t VALUES (?1)", [id]);
        assert_eq!(insert_with_free_id(5, &mut insert).unwrap(), 5);
        assert_eq!(insert_with_free_id(5, &mut insert).unwrap(), 6);
        assert_eq!(insert_with_free_id(5, &mut insert).unwrap(), 7);
        assert_eq!(insert_with_free_id(9, &mut insert).unwrap(), 9);
    }

    #[test]
    fn refuses_to_overwrite_without_force() {
        let dir = scratch_dir("force");
        let out = dir.join("deck.apkg");
        fs::write(&out, b"keep me").unwrap();
        let mut opts = ApkgOptions {
            timestamp: 1_700_000_000,
            force: false,
        };
        let err = write_apkg(&sample(), &out, &opts).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::OutputExists { .. }));
        assert_eq!(fs::read(&out).unwrap(), b"keep me");
        opts.force = true;
        write_apkg(&sample(), &out, &opts).unwrap();
        assert_eq!(unzip(&out).2, b"{}");
        let entries: Vec<_> = fs::read_dir(&dir).unwrap().collect();
        assert_eq!(entries.len(), 1, "temporary files left behind");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn no_temp_file_left_after_failure() {
        let dir = scratch_dir("fail");
        // The target is an existing directory: it is never replaced.
        let out = dir.join("deck.apkg");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("inside"), b"x").unwrap();
        let opts = ApkgOptions {
            timestamp: 1_700_000_000,
            force: true,
        };
        let err = write_apkg(&sample(), &out, &opts).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::NotAFile { .. }), "{err}");
        let names: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["deck.apkg"], "temporary files left behind");
        // A missing directory fails before anything is written.
        let err = write_apkg(&sample(), &dir.join("missing/deck.apkg"), &opts).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Io { .. }), "{err}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
