//! [`Package`]: the notes of one export, unique by GUID, and the decks they use.
//!
//! A package keeps its notes in memory up to a limit ([`DEFAULT_MEMORY_NOTES`] unless set
//! with [`Package::with_memory_limit`]) and beyond it in a temporary SQLite database (beside
//! the output with [`Package::spill_beside`], in the system's temporary directory otherwise),
//! so that a deck of a whole corpus takes memory independent of its size. The database is
//! removed when the package is dropped, and on SIGINT/SIGTERM like every temporary file of
//! [`crate::output`]. Both ways behave the same: notes unique by GUID, a later note replacing an
//! earlier one in place, [`Package::notes`] in the order they were first added.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::fmt;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};

use super::export_failed;
use super::ids::{stable_id, unique_id};
use super::notes::Note;
use super::notetypes::NoteKind;
use crate::error::Result;
use crate::output::TempFile;

/// Notes a package keeps in memory before it moves them to a temporary database.
pub const DEFAULT_MEMORY_NOTES: usize = 2_000;

/// Notes read from the temporary database at a time by [`Package::notes`].
const READ_CHUNK: usize = 256;

/// What [`Package::add`] did with a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// The GUID was new; the note was appended.
    New,
    /// A note with this GUID was already there; it was replaced in place.
    Replaced,
}

/// A deck of a package: its full name and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Deck {
    /// Full name with `::` between levels.
    pub(super) name: String,
    /// Id derived from the name ([`stable_id`] in the `deck` namespace).
    pub(super) id: i64,
}

/// Notes collected for one export, unique by GUID.
pub struct Package {
    store: Store,
    /// Most notes kept in memory.
    memory_notes: usize,
    /// The output the temporary database goes beside, if any.
    spill_beside: Option<PathBuf>,
    /// Number of notes.
    len: usize,
    /// Number of cards of all notes.
    cards: usize,
    /// Number of notes in each deck (no zero counts).
    decks: BTreeMap<String, usize>,
}

/// Where the notes are.
enum Store {
    Memory(Memory),
    Spilled(Spill),
}

/// Notes in memory.
#[derive(Default)]
struct Memory {
    notes: Vec<Note>,
    guids: Vec<String>,
    by_guid: HashMap<String, usize>,
}

/// Notes in a temporary SQLite database: one row per note, `pos` its 1-based position.
struct Spill {
    // declared before the file: the connection is closed before the file is removed
    conn: Connection,
    _file: TempFile,
}

const SPILL_SCHEMA: &str = "
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA locking_mode = EXCLUSIVE;
CREATE TABLE notes (
    pos integer primary key, guid text not null unique, kind integer not null,
    key text not null, deck text not null, tags blob not null, fields blob not null,
    cards integer not null
);
BEGIN;
";

fn spill_err(e: rusqlite::Error) -> crate::Error {
    export_failed("keeping the notes of a package in a temporary database", e)
}

impl Default for Package {
    fn default() -> Package {
        Package::new()
    }
}

impl fmt::Debug for Package {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Package")
            .field("len", &self.len)
            .field("cards", &self.cards)
            .field("spilled", &matches!(self.store, Store::Spilled(_)))
            .finish()
    }
}

impl Package {
    /// An empty package.
    pub fn new() -> Package {
        Package::with_memory_limit(DEFAULT_MEMORY_NOTES)
    }

    /// An empty package that keeps at most `notes` notes in memory; beyond that, all its notes
    /// go to a temporary database.
    pub fn with_memory_limit(notes: usize) -> Package {
        Package {
            store: Store::Memory(Memory::default()),
            memory_notes: notes,
            spill_beside: None,
            len: 0,
            cards: 0,
            decks: BTreeMap::new(),
        }
    }

    /// The same package, with its temporary database (if it needs one) in the directory of
    /// `target` (hidden, named after it) instead of the system's temporary directory.
    pub fn spill_beside(mut self, target: &Path) -> Package {
        self.spill_beside = Some(target.to_path_buf());
        self
    }

    /// Adds a note after checking and normalising it (see [`Note`]); a note whose GUID is
    /// already present replaces the earlier one in place.
    pub fn add(&mut self, mut note: Note) -> Result<Added> {
        note.normalize()?;
        self.insert(note)
    }

    /// Adds every note in turn; returns how many were new (the rest replaced earlier ones).
    pub fn add_all(&mut self, notes: impl IntoIterator<Item = Note>) -> Result<usize> {
        let mut new = 0;
        for note in notes {
            if self.add(note)? == Added::New {
                new += 1;
            }
        }
        Ok(new)
    }

    /// Adds the notes of `other` in its order, as if they had been added to this package
    /// (they were checked when added to `other`); returns how many were new.
    pub fn append(&mut self, other: Package) -> Result<usize> {
        let mut new = 0;
        let mut count = |added: Added| {
            if added == Added::New {
                new += 1;
            }
        };
        match other.store {
            Store::Memory(m) => {
                for note in m.notes {
                    count(self.insert(note)?);
                }
            }
            Store::Spilled(_) => {
                for entry in other.notes() {
                    count(self.insert(entry?.1)?);
                }
            }
        }
        Ok(new)
    }

    /// Adds a normalised note.
    fn insert(&mut self, note: Note) -> Result<Added> {
        if let Store::Memory(m) = &self.store
            && m.notes.len() >= self.memory_notes
            && !m.by_guid.contains_key(&note.guid())
        {
            self.spill()?;
        }
        let guid = note.guid();
        let cards = note.card_ords().len();
        let deck = note.deck().to_string();
        let replaced = match &mut self.store {
            Store::Memory(m) => {
                if let Some(&i) = m.by_guid.get(&guid) {
                    let old = std::mem::replace(&mut m.notes[i], note);
                    Some((old.deck().to_string(), old.card_ords().len()))
                } else {
                    m.by_guid.insert(guid.clone(), m.notes.len());
                    m.notes.push(note);
                    m.guids.push(guid);
                    None
                }
            }
            Store::Spilled(s) => s.insert(&guid, &note, self.len + 1).map_err(spill_err)?,
        };
        self.cards += cards;
        *self.decks.entry(deck).or_default() += 1;
        match replaced {
            Some((old_deck, old_cards)) => {
                self.cards -= old_cards;
                if let Some(n) = self.decks.get_mut(&old_deck) {
                    *n -= 1;
                    if *n == 0 {
                        self.decks.remove(&old_deck);
                    }
                }
                Ok(Added::Replaced)
            }
            None => {
                self.len += 1;
                Ok(Added::New)
            }
        }
    }

    /// Moves the notes from memory to a new temporary database.
    fn spill(&mut self) -> Result<()> {
        let target = match &self.spill_beside {
            Some(t) => t.clone(),
            None => std::env::temp_dir().join("kernsatz-package"),
        };
        let (file, handle) = TempFile::beside(&target, ".notes.sqlite")?;
        drop(handle);
        let conn = Connection::open(file.path()).map_err(spill_err)?;
        conn.execute_batch(SPILL_SCHEMA).map_err(spill_err)?;
        let mut spill = Spill { conn, _file: file };
        if let Store::Memory(m) = &self.store {
            for (i, (note, guid)) in m.notes.iter().zip(&m.guids).enumerate() {
                spill.insert(guid, note, i + 1).map_err(spill_err)?;
            }
        }
        self.store = Store::Spilled(spill);
        Ok(())
    }

    /// The notes with their GUIDs, in the order they were first added.
    pub fn notes(&self) -> Notes<'_> {
        Notes {
            package: self,
            next: 0,
            buffer: VecDeque::new(),
        }
    }

    /// Number of notes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no notes.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Number of cards Anki will have for these notes.
    pub fn card_count(&self) -> usize {
        self.cards
    }

    /// Every deck the notes use, plus their parent decks, sorted by name, with unique ids.
    pub(super) fn decks(&self) -> Vec<Deck> {
        let mut names: BTreeSet<String> = BTreeSet::new();
        for deck in self.decks.keys() {
            let parts: Vec<&str> = deck.split("::").collect();
            for end in 1..=parts.len() {
                names.insert(parts[..end].join("::"));
            }
        }
        let mut taken = vec![1_i64];
        names
            .into_iter()
            .map(|name| {
                let id = unique_id(stable_id("deck", &name), &mut taken);
                Deck { name, id }
            })
            .collect()
    }
}

impl Spill {
    /// Stores `note` under `guid`: replaces the note with that GUID (returning its deck and card
    /// count) or appends it at `pos`.
    fn insert(
        &mut self,
        guid: &str,
        note: &Note,
        pos: usize,
    ) -> rusqlite::Result<Option<(String, usize)>> {
        let old: Option<(i64, String, i64)> = self
            .conn
            .prepare_cached("SELECT pos, deck, cards FROM notes WHERE guid = ?1")?
            .query_row([guid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let kind = kind_code(note.kind());
        let tags = encode(note.tags());
        let fields = encode(note.fields());
        let cards = note.card_ords().len() as i64;
        match old {
            Some((at, deck, old_cards)) => {
                self.conn
                    .prepare_cached(
                        "UPDATE notes SET kind = ?2, key = ?3, deck = ?4, tags = ?5, fields = ?6, \
                         cards = ?7 WHERE pos = ?1",
                    )?
                    .execute(params![
                        at,
                        kind,
                        note.guid_key(),
                        note.deck(),
                        tags,
                        fields,
                        cards
                    ])?;
                Ok(Some((deck, old_cards as usize)))
            }
            None => {
                self.conn
                    .prepare_cached("INSERT INTO notes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")?
                    .execute(params![
                        pos as i64,
                        guid,
                        kind,
                        note.guid_key(),
                        note.deck(),
                        tags,
                        fields,
                        cards
                    ])?;
                Ok(None)
            }
        }
    }

    /// Up to `n` notes after position `after`, with their positions.
    fn read(&self, after: usize, n: usize) -> Result<Vec<(usize, String, Note)>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT pos, guid, kind, key, deck, tags, fields FROM notes WHERE pos > ?1 \
                 ORDER BY pos LIMIT ?2",
            )
            .map_err(spill_err)?;
        let rows = stmt
            .query_map(params![after as i64, n as i64], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Vec<u8>>(5)?,
                    r.get::<_, Vec<u8>>(6)?,
                ))
            })
            .map_err(spill_err)?;
        let mut out = Vec::with_capacity(n);
        for row in rows {
            let (pos, guid, kind, key, deck, tags, fields) = row.map_err(spill_err)?;
            let corrupt = || {
                export_failed(
                    "reading the notes of a package from its temporary database",
                    format!("note {pos} is damaged"),
                )
            };
            let kind = kind_from_code(kind).ok_or_else(corrupt)?;
            let tags = decode(&tags).ok_or_else(corrupt)?;
            let fields = decode(&fields).ok_or_else(corrupt)?;
            let note = Note::from_parts(kind, key, fields, tags, deck);
            out.push((pos as usize, guid, note));
        }
        Ok(out)
    }
}

fn kind_code(kind: NoteKind) -> i64 {
    match kind {
        NoteKind::Vocab => 0,
        NoteKind::Cloze => 1,
    }
}

fn kind_from_code(code: i64) -> Option<NoteKind> {
    match code {
        0 => Some(NoteKind::Vocab),
        1 => Some(NoteKind::Cloze),
        _ => None,
    }
}

/// Strings as one blob: each as its length (4 bytes, little-endian) and its UTF-8 bytes.
fn encode(strings: &[String]) -> Vec<u8> {
    let mut out = Vec::with_capacity(strings.iter().map(|s| 4 + s.len()).sum());
    for s in strings {
        out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        out.extend_from_slice(s.as_bytes());
    }
    out
}

/// The strings of an [`encode`]d blob; `None` if it is not one.
fn decode(mut bytes: &[u8]) -> Option<Vec<String>> {
    let mut out = Vec::new();
    while !bytes.is_empty() {
        let (len, rest) = bytes.split_first_chunk::<4>()?;
        let len = u32::from_le_bytes(*len) as usize;
        if rest.len() < len {
            return None;
        }
        let (s, rest) = rest.split_at(len);
        out.push(String::from_utf8(s.to_vec()).ok()?);
        bytes = rest;
    }
    Some(out)
}

/// Iterator over the notes of a [`Package`] with their GUIDs, in package order (see
/// [`Package::notes`]). Notes in the temporary database are read a few at a time; an error
/// reading them ends the iteration after it is returned.
pub struct Notes<'a> {
    package: &'a Package,
    /// Notes returned so far (the position of the last one).
    next: usize,
    buffer: VecDeque<(String, Note)>,
}

impl Iterator for Notes<'_> {
    type Item = Result<(String, Note)>;

    fn next(&mut self) -> Option<Self::Item> {
        match &self.package.store {
            Store::Memory(m) => {
                let i = self.next;
                let note = m.notes.get(i)?;
                self.next += 1;
                Some(Ok((m.guids[i].clone(), note.clone())))
            }
            Store::Spilled(s) => {
                if self.buffer.is_empty() {
                    if self.next >= self.package.len {
                        return None;
                    }
                    match s.read(self.next, READ_CHUNK) {
                        Ok(rows) if rows.is_empty() => {
                            self.next = self.package.len;
                            return None;
                        }
                        Ok(rows) => {
                            for (pos, guid, note) in rows {
                                self.next = pos;
                                self.buffer.push_back((guid, note));
                            }
                        }
                        Err(e) => {
                            self.next = self.package.len;
                            return Some(Err(e));
                        }
                    }
                }
                self.buffer.pop_front().map(Ok)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;
    use crate::export::anki::ids::{ID_BASE, stable_id};
    use crate::export::anki::notes::{ClozeFields, VocabFields};
    use crate::export::anki::notetypes::NoteKind;

    #[test]
    fn package_dedups_by_guid_later_wins() {
        let mut p = Package::new();
        let v = |en: &str| {
            Note::vocab(
                "Lieferkette",
                VocabFields {
                    wort: "die Lieferkette".into(),
                    english: en.into(),
                    ..Default::default()
                },
            )
        };
        let other = Note::vocab(
            "Zoll",
            VocabFields {
                wort: "der Zoll".into(),
                ..Default::default()
            },
        );
        assert_eq!(p.add(v("supply chain")).unwrap(), Added::New);
        assert_eq!(p.add(other).unwrap(), Added::New);
        assert_eq!(p.add(v("delivery chain")).unwrap(), Added::Replaced);
        assert_eq!(p.len(), 2);
        let (guid, first) = p.notes().next().unwrap().unwrap();
        assert_eq!(first.fields()[2], "delivery chain");
        assert_eq!(guid, first.guid());
        // "der Zoll" has no English, so only one card.
        assert_eq!(p.card_count(), 3);
    }

    #[test]
    fn package_rejects_bad_notes() {
        let mut p = Package::new();
        let no_gap = Note::cloze(
            "s",
            "Kein Lückentext.",
            ClozeFields {
                text: "Kein Lückentext.".into(),
                ..Default::default()
            },
        );
        let err = p.add(no_gap).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::InvalidNote(m) if m.contains("cloze deletion")));
        let empty = Note::vocab("x", VocabFields::default());
        assert!(p.add(empty).is_err());
        let wrong = Note::new(NoteKind::Vocab, "k", vec!["a".into()]);
        assert!(p.add(wrong).is_err());
        let no_deck = Note::vocab(
            "y",
            VocabFields {
                wort: "y".into(),
                ..Default::default()
            },
        )
        .in_deck("::");
        assert!(p.add(no_deck).is_err());
        assert!(p.is_empty());
    }

    #[test]
    fn fields_lose_control_characters() {
        let mut p = Package::new();
        p.add(Note::vocab(
            "x",
            VocabFields {
                wort: "a\u{1f}b\r\nc\td".into(),
                ..Default::default()
            },
        ))
        .unwrap();
        let (_, note) = p.notes().next().unwrap().unwrap();
        assert_eq!(note.fields()[0], "ab\nc\td");
    }

    #[test]
    fn decks_include_parents_with_unique_ids() {
        let mut p = Package::new();
        for (lemma, deck) in [
            ("a", "k::Vokabeln::B1"),
            ("b", "k::Cloze"),
            ("c", "k::Cloze"),
        ] {
            p.add(
                Note::vocab(
                    lemma,
                    VocabFields {
                        wort: lemma.into(),
                        ..Default::default()
                    },
                )
                .in_deck(deck),
            )
            .unwrap();
        }
        let decks = p.decks();
        let names: Vec<&str> = decks.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["k", "k::Cloze", "k::Vokabeln", "k::Vokabeln::B1"]);
        assert_eq!(decks[1].id, stable_id("deck", "k::Cloze"));
        let mut ids: Vec<i64> = decks.iter().map(|d| d.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), 4);
        assert!(ids.iter().all(|&id| id >= ID_BASE && id != 1));
    }
}
