//! [`Package`]: the notes of one export, unique by GUID, and the decks they use.

use std::collections::HashMap;

use super::ids::{stable_id, unique_id};
use super::notes::Note;
use crate::error::Result;

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
#[derive(Debug, Clone, Default)]
pub struct Package {
    notes: Vec<Note>,
    guids: Vec<String>,
    by_guid: HashMap<String, usize>,
}

impl Package {
    /// An empty package.
    pub fn new() -> Package {
        Package::default()
    }

    /// Adds a note after checking and normalising it (see [`Note`]); a note whose GUID is
    /// already present replaces the earlier one in place.
    pub fn add(&mut self, mut note: Note) -> Result<Added> {
        note.normalize()?;
        let guid = note.guid();
        if let Some(&i) = self.by_guid.get(&guid) {
            self.notes[i] = note;
            Ok(Added::Replaced)
        } else {
            self.by_guid.insert(guid.clone(), self.notes.len());
            self.notes.push(note);
            self.guids.push(guid);
            Ok(Added::New)
        }
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

    /// The notes in the order they were first added.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// The GUIDs, parallel to [`Package::notes`].
    pub fn guids(&self) -> &[String] {
        &self.guids
    }

    /// Number of notes.
    pub fn len(&self) -> usize {
        self.notes.len()
    }

    /// Whether there are no notes.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }

    /// Number of cards Anki will have for these notes.
    pub fn card_count(&self) -> usize {
        self.notes.iter().map(|n| n.card_ords().len()).sum()
    }

    /// Every deck the notes use, plus their parent decks, sorted by name, with unique ids.
    pub(super) fn decks(&self) -> Vec<Deck> {
        let mut names: Vec<String> = Vec::new();
        for note in &self.notes {
            let parts: Vec<&str> = note.deck().split("::").collect();
            for end in 1..=parts.len() {
                let name = parts[..end].join("::");
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        names.sort();
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
        assert_eq!(p.notes()[0].fields()[2], "delivery chain");
        assert_eq!(p.guids()[0], p.notes()[0].guid());
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
        assert_eq!(p.notes()[0].fields()[0], "ab\nc\td");
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
