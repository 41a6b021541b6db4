//! Anki text-import writer (Anki ≥ 2.1.54 file headers).
//!
//! The file starts with these headers, then one tab-separated row per note:
//!
//! ```text
//! #separator:tab
//! #html:true
//! #columns:Note type→Deck→GUID→Tags→Field 1→…→Field 7
//! #notetype column:1
//! #deck column:2
//! #guid column:3
//! #tags column:4
//! kernsatz Cloze→kernsatz::Cloze→O9gX4=16Kc→japan→Die {{c1::Lieferkette}} …→…
//! ```
//!
//! (`→` stands for a tab.)
//!
//! Column 1 names the note type (`kernsatz Cloze` / `kernsatz Vokabel`), column 2 the deck,
//! column 3 the GUID (the same as in the `.apkg`, so either file updates the other's notes),
//! column 4 the space-separated tags, and the note's fields follow. Rows are padded with
//! empty columns to the widest note type (7 fields) so that every row has the same width;
//! Anki ignores columns beyond a note type's field count.
//!
//! Fields are quoted by the `csv` crate (tab delimiter, `QuoteStyle::Necessary`): a field
//! containing a tab, newline, carriage return or `"` is put in `"…"` with inner `"` doubled,
//! which is exactly what Anki's reader (the same crate, default quoting) undoes. Rows never
//! start with `#` (Anki would read them as comments) because the first column is a note type
//! name.
//!
//! **Anki's text import cannot create note types**: the two kernsatz note types must already
//! be in the collection, e.g. by importing a kernsatz `.apkg` once. Otherwise Anki reports the
//! rows as having a missing note type. A deck name made only of digits would be read as a
//! deck id, so such names are rejected.

use std::path::Path;

use super::notetypes::{
    CLOZE_FIELDS, CLOZE_NOTETYPE_NAME, NoteKind, VOCAB_FIELDS, VOCAB_NOTETYPE_NAME,
};
use super::package::Package;
use super::{export_failed, invalid_note};
use crate::error::Result;
use crate::output::{exists_error, write_atomically};

/// What [`write_text`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSummary {
    /// Rows (notes) written.
    pub notes: usize,
    /// Size of the file in bytes.
    pub bytes: usize,
}

/// Number of columns before the fields: note type, deck, GUID, tags.
const META_COLUMNS: usize = 4;

/// The text-import file for `package` (headers and rows, see the module docs).
pub fn render_text(package: &Package) -> Result<String> {
    let width = CLOZE_FIELDS.len().max(VOCAB_FIELDS.len());
    let mut out = String::new();
    out.push_str("#separator:tab\n#html:true\n#columns:Note type\tDeck\tGUID\tTags");
    for i in 1..=width {
        out.push_str(&format!("\tField {i}"));
    }
    out.push_str("\n#notetype column:1\n#deck column:2\n#guid column:3\n#tags column:4\n");

    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .quote_style(csv::QuoteStyle::Necessary)
        .terminator(csv::Terminator::Any(b'\n'))
        .has_headers(false)
        .from_writer(Vec::new());
    let csv_err = |e: csv::Error| export_failed("writing the text file", e);
    for (note, guid) in package.notes().iter().zip(package.guids()) {
        if note.deck().chars().all(|c| c.is_ascii_digit()) {
            return Err(invalid_note(format!(
                "deck name {:?} is only digits; Anki's text import would read it as a deck id",
                note.deck()
            )));
        }
        let mut row: Vec<&str> = Vec::with_capacity(META_COLUMNS + width);
        let tags = note.tags().join(" ");
        row.push(match note.kind() {
            NoteKind::Cloze => CLOZE_NOTETYPE_NAME,
            NoteKind::Vocab => VOCAB_NOTETYPE_NAME,
        });
        row.push(note.deck());
        row.push(guid);
        row.push(&tags);
        row.extend(note.fields().iter().map(String::as_str));
        row.resize(META_COLUMNS + width, "");
        writer.write_record(&row).map_err(csv_err)?;
    }
    let rows = writer
        .into_inner()
        .map_err(|e| export_failed("writing the text file", e))?;
    out.push_str(&String::from_utf8(rows).map_err(|e| export_failed("writing the text file", e))?);
    Ok(out)
}

/// Writes [`render_text`] of `package` to `path`, atomically; an existing file is replaced
/// only with `force`, otherwise the result is an [`crate::ErrorKind::OutputExists`] error.
pub fn write_text(package: &Package, path: &Path, force: bool) -> Result<TextSummary> {
    if !force && path.exists() {
        return Err(exists_error(path));
    }
    let text = render_text(package)?;
    write_atomically(path, text.as_bytes(), force)?;
    Ok(TextSummary {
        notes: package.len(),
        bytes: text.len(),
    })
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::ErrorKind;
    use crate::export::anki::notes::{ClozeFields, Note, VocabFields};

    fn tricky() -> Package {
        let mut p = Package::new();
        p.add(
            Note::cloze(
                "s1",
                "Er sagte: \"Tab\tund Zeile\" – Ärger.",
                ClozeFields {
                    text: "Er sagte: \"{{c1::Tab}}\tund\nZeile\" – <b>Ärger</b>.".into(),
                    back_extra: "\"".into(),
                    source: "#hash am Anfang".into(),
                },
            )
            .with_tags(["a b", "c"]),
        )
        .unwrap();
        p.add(
            Note::vocab(
                "Größe",
                VocabFields {
                    wort: "die Größe".into(),
                    english: "size".into(),
                    beispiel: "Die <b>Größe</b> zählt.".into(),
                    niveau: "B1".into(),
                    ..Default::default()
                },
            )
            .in_deck("kernsatz::Vokabeln"),
        )
        .unwrap();
        p
    }

    /// Reads the rows back the way Anki does (`rslib/src/import_export/text/csv/import.rs`:
    /// no headers, flexible, `#` comments, tab delimiter, default quoting).
    fn read_like_anki(text: &str) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .comment(Some(b'#'))
            .delimiter(b'\t')
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn escaping_round_trips_through_ankis_reader() {
        let p = tricky();
        let text = render_text(&p).unwrap();
        let rows = read_like_anki(&text);
        assert_eq!(rows.len(), 2);
        for (row, note) in rows.iter().zip(p.notes()) {
            assert_eq!(row.len(), META_COLUMNS + 7);
            assert_eq!(&row[2], &note.guid());
            assert_eq!(
                &row[META_COLUMNS..META_COLUMNS + note.fields().len()],
                note.fields()
            );
            assert!(
                row[META_COLUMNS + note.fields().len()..]
                    .iter()
                    .all(String::is_empty)
            );
        }
        assert_eq!(rows[0][0], "kernsatz Cloze");
        assert_eq!(rows[0][1], "kernsatz");
        assert_eq!(rows[0][3], "a_b c");
        assert_eq!(rows[1][0], "kernsatz Vokabel");
        assert_eq!(rows[1][1], "kernsatz::Vokabeln");
        // The quoted field is written as the docs say.
        assert!(text.contains("\"Er sagte: \"\"{{c1::Tab}}\tund\nZeile\"\" – <b>Ärger</b>.\""));
    }

    #[test]
    fn headers_come_first() {
        let text = render_text(&tricky()).unwrap();
        let head: Vec<&str> = text.lines().take(7).collect();
        assert_eq!(head[0], "#separator:tab");
        assert_eq!(head[1], "#html:true");
        assert!(head[2].starts_with("#columns:Note type\tDeck\tGUID\tTags\tField 1"));
        assert_eq!(
            &head[3..],
            [
                "#notetype column:1",
                "#deck column:2",
                "#guid column:3",
                "#tags column:4"
            ]
        );
    }

    #[test]
    fn numeric_deck_names_are_rejected() {
        let mut p = Package::new();
        p.add(
            Note::vocab(
                "x",
                VocabFields {
                    wort: "x".into(),
                    ..Default::default()
                },
            )
            .in_deck("2024"),
        )
        .unwrap();
        assert!(matches!(
            render_text(&p).unwrap_err().kind(),
            ErrorKind::InvalidNote(_)
        ));
    }

    #[test]
    fn write_respects_force() {
        let dir = std::env::temp_dir().join(format!("kernsatz-text-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let out = dir.join("notes.txt");
        let s = write_text(&tricky(), &out, false).unwrap();
        assert_eq!(s.notes, 2);
        assert_eq!(fs::read(&out).unwrap().len(), s.bytes);
        let err = write_text(&tricky(), &out, false).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::OutputExists { .. }),
            "{err}"
        );
        write_text(&Package::new(), &out, true).unwrap();
        assert!(read_like_anki(&fs::read_to_string(&out).unwrap()).is_empty());
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn atomic_write_refuses_without_force() {
        let dir = std::env::temp_dir().join(format!("kernsatz-anki-aw-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let target = dir.join("out.txt");
        write_atomically(&target, b"one", false).unwrap();
        let err = write_atomically(&target, b"two", false).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::OutputExists { .. }),
            "{err}"
        );
        assert_eq!(fs::read(&target).unwrap(), b"one");
        write_atomically(&target, b"three", true).unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"three");
        let leftovers: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| n != "out.txt")
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
