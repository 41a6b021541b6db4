//! Anki text-import writer (Anki ≥ 2.1.54 file headers).
//!
//! The file starts with these headers, then one tab-separated row per note:
//!
//! ```text
//! #separator:tab
//! #html:true
//! #columns:Note type→Deck→GUID→Tags→Field 1→Field 2
//! #notetype column:1
//! #deck column:2
//! #guid column:3
//! #tags column:4
//! Basic (and reversed card)→kernsatz→O9gX4=16Kc→kernsatz trade→die Lieferkette<div …→supply chain
//! ```
//!
//! (`→` stands for a tab.)
//!
//! Column 1 names the note type, column 2 the deck, column 3 the GUID (the same as in the
//! `.apkg`, so a note never arrives twice), column 4 the space-separated tags, and the note's
//! fields follow. Rows are padded with empty columns to the widest note type so that every row
//! has the same width; Anki ignores columns beyond a note type's field count.
//!
//! # Note types
//!
//! Anki's text import cannot create note types: every row must name one the collection
//! already has, or Anki rejects it as `missing_notetype`. [`TextNoteTypes`] chooses which:
//!
//! * [`TextNoteTypes::Stock`] (the default): Anki's stock note types, which every collection
//!   has, so the file imports into a fresh one. Their English names are
//!   [`STOCK_VOCAB_NOTETYPE`] and [`STOCK_CLOZE_NOTETYPE`]; an Anki set to another language
//!   created them under translated names (German: "Einfach (und die umgekehrte Richtung)",
//!   "Lückentext"), which can be given instead. Our fields are folded into theirs:
//!   - vocabulary → `Front`, `Back`: `Front` is `Wort`, then `Plural` ("Plural: …"),
//!     `Beispiel` and `Teile` on lines of their own; `Back` is `English` alone, since it is the
//!     question of the reverse card and must not give the German word away. A note thus has
//!     the same cards as in the `.apkg` (the reverse card only when `English` is not empty).
//!     `Kategorie` and `Niveau` appear on no card of the `.apkg` either and are left out
//!     (kernsatz's vocabulary notes carry the category and level, when known, as tags).
//!   - cloze → `Text`, `Back Extra`: `Text` unchanged; `Back Extra` followed by `Source`.
//! * [`TextNoteTypes::Kernsatz`]: the `.apkg`'s own note types with all their fields, for a
//!   collection that has them already (a kernsatz `.apkg` was imported once); this updates
//!   the notes the `.apkg` brought.
//!
//! The GUIDs are the same whichever note types are named. Anki matches notes by GUID and never
//! changes a note's type on a text import: a row whose GUID belongs to a note of another type
//! is skipped (counted as `conflicting`), so the stock file leaves notes from an `.apkg`
//! unchanged instead of duplicating them.
//!
//! # Quoting
//!
//! Fields are quoted by the `csv` crate (tab delimiter, `QuoteStyle::Necessary`): a field
//! containing a tab, newline, carriage return or `"` is put in `"…"` with inner `"` doubled,
//! which is exactly what Anki's reader (the same crate, default quoting) undoes. Rows never
//! start with `#` (Anki would read them as comments): the first column is a note type name,
//! and names starting with `#` are refused. A deck name made only of digits would be read as
//! a deck id, so such names are rejected.

use std::io::{self, Write};
use std::path::Path;
use std::str::FromStr;

use super::fields::field_is_empty;
use super::notes::Note;
use super::notetypes::{
    CLOZE_FIELDS, CLOZE_NOTETYPE_NAME, NoteKind, VOCAB_FIELDS, VOCAB_NOTETYPE_NAME,
};
use super::package::Package;
use super::{export_failed, invalid_note};
use crate::error::{Error, ErrorKind, Result};
use crate::output::{exists_error, write_atomic};

/// English name of Anki's stock note type the vocabulary rows name by default.
pub const STOCK_VOCAB_NOTETYPE: &str = "Basic (and reversed card)";

/// English name of Anki's stock note type the cloze rows name by default.
pub const STOCK_CLOZE_NOTETYPE: &str = "Cloze";

/// Which note types the rows of a text-import file name (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextNoteTypes {
    /// Anki's stock note types under these names, with our fields folded into theirs:
    /// `vocab` has the fields `Front`, `Back` and a card each way ("Basic (and reversed
    /// card)"), `cloze` is a cloze note type with `Text`, `Back Extra` ("Cloze").
    Stock {
        /// Name of the note type for vocabulary notes.
        vocab: String,
        /// Name of the note type for cloze notes.
        cloze: String,
    },
    /// kernsatz's own note types (`kernsatz Vokabel`, `kernsatz Cloze`) with all fields.
    Kernsatz,
}

impl TextNoteTypes {
    /// The stock note types under their English names.
    pub fn stock() -> TextNoteTypes {
        TextNoteTypes::Stock {
            vocab: STOCK_VOCAB_NOTETYPE.to_string(),
            cloze: STOCK_CLOZE_NOTETYPE.to_string(),
        }
    }

    /// The note type named for notes of `kind`.
    pub fn name(&self, kind: NoteKind) -> &str {
        match (self, kind) {
            (TextNoteTypes::Stock { vocab, .. }, NoteKind::Vocab) => vocab,
            (TextNoteTypes::Stock { cloze, .. }, NoteKind::Cloze) => cloze,
            (TextNoteTypes::Kernsatz, NoteKind::Vocab) => VOCAB_NOTETYPE_NAME,
            (TextNoteTypes::Kernsatz, NoteKind::Cloze) => CLOZE_NOTETYPE_NAME,
        }
    }

    /// Number of field columns a row has.
    fn width(&self) -> usize {
        match self {
            TextNoteTypes::Stock { .. } => 2,
            TextNoteTypes::Kernsatz => CLOZE_FIELDS.len().max(VOCAB_FIELDS.len()),
        }
    }

    /// The field values of `note` in the order of the note type named for it.
    fn fields(&self, note: &Note) -> Vec<String> {
        match self {
            TextNoteTypes::Kernsatz => note.fields().to_vec(),
            TextNoteTypes::Stock { .. } => match note.kind() {
                NoteKind::Vocab => {
                    let mut front = field(note, "Wort").to_string();
                    let plural = field(note, "Plural");
                    if !field_is_empty(plural) {
                        front.push_str(&format!("<div class=plural>Plural: {plural}</div>"));
                    }
                    for name in ["Beispiel", "Teile"] {
                        let value = field(note, name);
                        if !field_is_empty(value) {
                            let class = name.to_lowercase();
                            front.push_str(&format!(
                                "<div class={class}><small>{value}</small></div>"
                            ));
                        }
                    }
                    vec![front, field(note, "English").to_string()]
                }
                NoteKind::Cloze => {
                    let mut back = field(note, "Back Extra").to_string();
                    let source = field(note, "Source");
                    if !field_is_empty(source) {
                        back.push_str(&format!("<div class=source><small>{source}</small></div>"));
                    }
                    vec![field(note, "Text").to_string(), back]
                }
            },
        }
    }
}

impl Default for TextNoteTypes {
    /// [`TextNoteTypes::stock`].
    fn default() -> TextNoteTypes {
        TextNoteTypes::stock()
    }
}

impl FromStr for TextNoteTypes {
    type Err = Error;

    /// `stock`, `kernsatz`, or two note type names `VOCAB,CLOZE` (the stock types under other
    /// names, e.g. those of an Anki in another language).
    fn from_str(s: &str) -> Result<TextNoteTypes> {
        match s.trim() {
            "stock" => return Ok(TextNoteTypes::stock()),
            "kernsatz" => return Ok(TextNoteTypes::Kernsatz),
            _ => {}
        }
        let bad = |why: &str| -> Error {
            ErrorKind::InvalidOption(format!(
                "note types '{s}': {why} (use stock, kernsatz, or two names \
                 'VOCAB,CLOZE', e.g. 'Einfach (und die umgekehrte Richtung),Lückentext')"
            ))
            .into()
        };
        let names: Vec<&str> = s.split(',').map(str::trim).collect();
        let [vocab, cloze] = names[..] else {
            return Err(bad("not two names"));
        };
        for name in [vocab, cloze] {
            if name.is_empty() {
                return Err(bad("a name is empty"));
            }
            if name.starts_with('#') {
                return Err(bad("a row starting with # is a comment to Anki"));
            }
            if name.chars().any(char::is_control) {
                return Err(bad("a name holds a control character"));
            }
        }
        Ok(TextNoteTypes::Stock {
            vocab: vocab.to_string(),
            cloze: cloze.to_string(),
        })
    }
}

/// The value of the field `name` of `note`'s own note type.
fn field<'a>(note: &'a Note, name: &str) -> &'a str {
    let index = note
        .kind()
        .notetype()
        .fields
        .iter()
        .position(|f| *f == name)
        .expect("a field of the note's note type");
    &note.fields()[index]
}

/// How [`write_text`] writes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextOptions {
    /// The note types the rows name.
    pub note_types: TextNoteTypes,
    /// Replace an existing file.
    pub force: bool,
}

/// What [`write_text`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSummary {
    /// Rows (notes) written.
    pub notes: usize,
    /// Cards Anki makes of them.
    pub cards: usize,
    /// Size of the file in bytes.
    pub bytes: usize,
}

/// Number of columns before the fields: note type, deck, GUID, tags.
const META_COLUMNS: usize = 4;

/// The text-import file for `package`, its rows naming `note_types` (headers and rows, see
/// the module docs).
pub fn render_text(package: &Package, note_types: &TextNoteTypes) -> Result<String> {
    let mut out = Vec::new();
    write_rows(package, note_types, &mut out)?;
    String::from_utf8(out).map_err(|e| export_failed("writing the text file", e))
}

/// Writes the text-import file for `package` to `out` (see [`render_text`]), note by note.
fn write_rows(package: &Package, note_types: &TextNoteTypes, out: &mut dyn Write) -> Result<()> {
    let width = note_types.width();
    let csv_err = |e: csv::Error| export_failed("writing the text file", e);
    let io_err = |e: io::Error| csv_err(e.into());
    let mut head = String::new();
    head.push_str("#separator:tab\n#html:true\n#columns:Note type\tDeck\tGUID\tTags");
    for i in 1..=width {
        head.push_str(&format!("\tField {i}"));
    }
    head.push_str("\n#notetype column:1\n#deck column:2\n#guid column:3\n#tags column:4\n");
    out.write_all(head.as_bytes()).map_err(io_err)?;

    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .quote_style(csv::QuoteStyle::Necessary)
        .terminator(csv::Terminator::Any(b'\n'))
        .has_headers(false)
        .from_writer(out);
    for entry in package.notes() {
        let (guid, note) = entry?;
        if note.deck().chars().all(|c| c.is_ascii_digit()) {
            return Err(invalid_note(format!(
                "deck name {:?} is only digits; Anki's text import would read it as a deck id",
                note.deck()
            )));
        }
        let tags = note.tags().join(" ");
        let fields = note_types.fields(&note);
        let mut row: Vec<&str> = Vec::with_capacity(META_COLUMNS + width);
        row.push(note_types.name(note.kind()));
        row.push(note.deck());
        row.push(&guid);
        row.push(&tags);
        row.extend(fields.iter().map(String::as_str));
        row.resize(META_COLUMNS + width, "");
        writer.write_record(&row).map_err(csv_err)?;
    }
    writer.flush().map_err(io_err)
}

/// Writes [`render_text`] of `package` to `path`, atomically and note by note; an existing
/// file is replaced only with `options.force`, otherwise the result is an
/// [`crate::ErrorKind::OutputExists`] error.
pub fn write_text(package: &Package, path: &Path, options: &TextOptions) -> Result<TextSummary> {
    if !options.force && path.exists() {
        return Err(exists_error(path));
    }
    let mut bytes = 0;
    // what failed inside the writer other than writing to the file
    let mut failed: Option<Error> = None;
    let written = write_atomic(path, options.force, |w| {
        let mut counted = Counted {
            inner: w,
            bytes: 0,
            failed: None,
        };
        let result = write_rows(package, &options.note_types, &mut counted);
        bytes = counted.bytes;
        result.map_err(|e| match counted.failed.take() {
            // the output failed: write_atomic reports it
            Some(io) => io,
            None => {
                failed = Some(e);
                io::Error::other("writing the text file failed")
            }
        })
    });
    match (written, failed) {
        (Err(_), Some(e)) => Err(e),
        (written, _) => written.map(|()| TextSummary {
            notes: package.len(),
            cards: package.card_count(),
            bytes,
        }),
    }
}

/// A writer that counts the bytes written and keeps the first error of its inner writer
/// (the caller sees another error of the same kind).
struct Counted<'a> {
    inner: &'a mut dyn Write,
    bytes: usize,
    failed: Option<io::Error>,
}

impl Counted<'_> {
    fn keep<T>(&mut self, result: io::Result<T>) -> io::Result<T> {
        result.map_err(|e| {
            let kind = e.kind();
            self.failed.get_or_insert(e);
            io::Error::new(kind, "the output failed")
        })
    }
}

impl Write for Counted<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf);
        let n = self.keep(n)?;
        self.bytes += n;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        let r = self.inner.flush();
        self.keep(r)
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::export::anki::notes::{ClozeFields, VocabFields};

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
        let text = render_text(&p, &TextNoteTypes::Kernsatz).unwrap();
        let rows = read_like_anki(&text);
        assert_eq!(rows.len(), 2);
        for (row, entry) in rows.iter().zip(p.notes()) {
            let (_, note) = entry.unwrap();
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
        let text = render_text(&tricky(), &TextNoteTypes::default()).unwrap();
        let head: Vec<&str> = text.lines().take(7).collect();
        assert_eq!(head[0], "#separator:tab");
        assert_eq!(head[1], "#html:true");
        assert_eq!(
            head[2],
            "#columns:Note type\tDeck\tGUID\tTags\tField 1\tField 2"
        );
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
    fn stock_rows_fold_the_fields_into_front_back_and_text_back_extra() {
        let mut p = tricky();
        p.add(Note::vocab(
            "Zoll",
            VocabFields {
                wort: "der Zoll".into(),
                kategorie: "Nomen".into(),
                ..Default::default()
            },
        ))
        .unwrap();
        let text = render_text(&p, &TextNoteTypes::default()).unwrap();
        let rows = read_like_anki(&text);
        assert!(rows.iter().all(|r| r.len() == META_COLUMNS + 2));
        // Guids are the .apkg's whichever note types are named.
        for (row, entry) in rows.iter().zip(p.notes()) {
            assert_eq!(row[2], entry.unwrap().0);
        }
        assert_eq!(rows[0][0], "Cloze");
        assert_eq!(rows[0][4], p.notes().next().unwrap().unwrap().1.fields()[0]);
        assert_eq!(
            rows[0][5],
            "\"<div class=source><small>#hash am Anfang</small></div>"
        );
        assert_eq!(rows[1][0], "Basic (and reversed card)");
        assert_eq!(rows[1][1], "kernsatz::Vokabeln");
        assert_eq!(
            rows[1][4],
            "die Größe<div class=beispiel><small>Die <b>Größe</b> zählt.</small></div>"
        );
        // Back is the English alone: it is the reverse card's question.
        assert_eq!(rows[1][5], "size");
        // No English: Back stays empty, so Anki makes no reverse card; Kategorie is not shown.
        assert_eq!(rows[2][4], "der Zoll");
        assert_eq!(rows[2][5], "");
        assert_eq!(p.card_count(), 1 + 2 + 1);
    }

    #[test]
    fn vocab_front_has_plural_example_and_parts_in_order() {
        let mut p = Package::new();
        p.add(Note::vocab(
            "Lieferkette",
            VocabFields {
                wort: "die Lieferkette".into(),
                plural: "die Lieferketten".into(),
                english: "supply chain".into(),
                beispiel: "Die <b>Lieferkette</b> hält.".into(),
                teile: "Liefer · kette".into(),
                kategorie: "trade".into(),
                niveau: "C2".into(),
            },
        ))
        .unwrap();
        let rows = read_like_anki(&render_text(&p, &TextNoteTypes::default()).unwrap());
        assert_eq!(
            rows[0][4],
            "die Lieferkette<div class=plural>Plural: die Lieferketten</div>\
             <div class=beispiel><small>Die <b>Lieferkette</b> hält.</small></div>\
             <div class=teile><small>Liefer · kette</small></div>"
        );
        assert_eq!(rows[0][5], "supply chain");
    }

    #[test]
    fn note_type_names_are_chosen() {
        let localized: TextNoteTypes = " Einfach (und die umgekehrte Richtung) , Lückentext"
            .parse()
            .unwrap();
        let rows = read_like_anki(&render_text(&tricky(), &localized).unwrap());
        assert_eq!(rows[0][0], "Lückentext");
        assert_eq!(rows[1][0], "Einfach (und die umgekehrte Richtung)");
        assert_eq!(
            "stock".parse::<TextNoteTypes>().unwrap(),
            TextNoteTypes::stock()
        );
        assert_eq!(
            "kernsatz".parse::<TextNoteTypes>().unwrap(),
            TextNoteTypes::Kernsatz
        );
        for bad in ["", "Basic", "a,b,c", "a,", "#a,b", "a,b\tc"] {
            let err = bad.parse::<TextNoteTypes>().unwrap_err();
            assert!(
                matches!(err.kind(), ErrorKind::InvalidOption(m) if m.contains("VOCAB,CLOZE")),
                "{bad:?}: {err}"
            );
        }
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
            render_text(&p, &TextNoteTypes::default())
                .unwrap_err()
                .kind(),
            ErrorKind::InvalidNote(_)
        ));
    }

    #[test]
    fn write_respects_force() {
        let dir = std::env::temp_dir().join(format!("kernsatz-text-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let out = dir.join("notes.txt");
        let keep = TextOptions::default();
        let s = write_text(&tricky(), &out, &keep).unwrap();
        assert_eq!((s.notes, s.cards), (2, 3));
        assert_eq!(fs::read(&out).unwrap().len(), s.bytes);
        let err = write_text(&tricky(), &out, &keep).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::OutputExists { .. }),
            "{err}"
        );
        let force = TextOptions {
            force: true,
            ..TextOptions::default()
        };
        write_text(&Package::new(), &out, &force).unwrap();
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
        write_atomic(&target, false, |w| w.write_all(b"one")).unwrap();
        let err = write_atomic(&target, false, |w| w.write_all(b"two")).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::OutputExists { .. }),
            "{err}"
        );
        assert_eq!(fs::read(&target).unwrap(), b"one");
        write_atomic(&target, true, |w| w.write_all(b"three")).unwrap();
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
