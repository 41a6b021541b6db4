//! Anki export: two fixed note types, notes with stable GUIDs, the notes of an article's
//! vocabulary and cloze items ([`cards`]), and writers for an `.apkg` deck package ([`apkg`])
//! and an Anki text-import file ([`text`]). The package carries the two note types below; the
//! text file cannot carry note types, so by default its rows name Anki's stock note types
//! with our fields folded into theirs (see [`text`]), with the same GUIDs.
//!
//! # Note types
//!
//! Both note types have fixed ids, so every kernsatz export, on any machine, talks about the
//! same note types and a re-import updates instead of duplicating them:
//!
//! | name | id | kind | fields |
//! | --- | --- | --- | --- |
//! | `kernsatz Cloze` | `1931806218` | cloze (`type = 1`) | `Text`, `Back Extra`, `Source` |
//! | `kernsatz Vokabel` | `1931806219` | standard | `Wort`, `Plural`, `English`, `Beispiel`, `Teile`, `Kategorie`, `Niveau` |
//!
//! The vocabulary type has two card templates, "Deutsch → English" and "English → Deutsch";
//! its sort field is `Wort`. The definitions are in `notetypes.rs`, their CSS in `cloze.css` and
//! `vocab.css`.
//!
//! # Cards
//!
//! A cloze note gets one card per distinct cloze number `cN` (N ≥ 1) found in its `Text` field,
//! with card ordinal N − 1, exactly as Anki generates them; `c0` is ignored, like Anki does.
//! A vocabulary note gets the "Deutsch → English" card, and the "English → Deutsch" card when
//! `English` is not empty (Anki would not create a card whose front is empty either).
//!
//! # GUIDs and ids
//!
//! Every note has a *GUID key* naming what it is about, independent of its wording:
//!
//! * vocabulary: `"vocab:" + lemma` ([`Note::vocab`]);
//! * cloze: `"cloze:" + source id + "\u{1f}" + sentence` ([`Note::cloze`]), where the sentence
//!   is the plain sentence, not the cloze markup, so choosing another gap updates the note.
//!
//! Key parts are trimmed and their inner whitespace runs collapsed to one space first.
//! The GUID is the first 64 bits (8 bytes, big-endian) of the SHA-1 of the UTF-8 key, written
//! in base 91 with the alphabet Anki and genanki use for GUIDs
//! (`a–z A–Z 0–9 !#$%&()*+,-./:;<=>?@[]^_`{|}~`), most significant digit first. That is:
//!
//! ```text
//! n = int.from_bytes(sha1(key.encode()).digest()[:8], "big")
//! guid = base91(n)            # "a" for n == 0
//! ```
//!
//! Note ids, card ids and deck ids are also derived from SHA-1: `10¹² + (first 64 bits of
//! SHA-1(namespace + ":" + key)) mod 2³⁹`, with the namespace `note`, `card` or `deck`
//! (`stable_id` in `ids.rs`), so regenerating the same notes gives byte-identical collections
//! apart from the timestamp the caller passes. Anki matches notes by GUID and decks by name
//! when importing; the ids only need to be unique inside one package (a collision is resolved
//! by adding 1 until the id is free, in package order).
//!
//! # Several inputs, one package
//!
//! A [`Package`] collects notes from any number of inputs. Notes are deduplicated by GUID:
//! **a later note with the same GUID replaces the earlier one in place** (it keeps the earlier
//! note's position, takes the later note's fields, tags and deck), because later input is
//! assumed to be the newer information. [`Package::add`] reports which happened.
//!
//! # Decks and tags
//!
//! Deck names use `::` for subdecks (`kernsatz::Wirtschaft`); parents are created too. Each
//! deck's id is derived from its name. Tags are sanitised: whitespace becomes `_`, control
//! characters and `"` are removed (Anki separates tags by spaces and rejects those), empty
//! `::` components are dropped, and duplicates (case-insensitive, like Anki) are removed.
//!
//! # Writing
//!
//! Both writers replace the output atomically (temporary file in the same directory, then
//! rename) and refuse to replace an existing file unless `force` is set.

pub mod apkg;
pub mod cards;
mod fields;
mod ids;
mod notes;
mod notetypes;
mod package;
pub mod text;

use crate::error::{Error, ErrorKind};

pub use apkg::{ApkgOptions, ApkgSummary, write_apkg};
pub use cards::{cloze_notes, vocab_note};
pub use notes::{ClozeFields, Note, VocabFields, cloze_deletion};
pub use notetypes::NoteKind;
pub use package::{Added, DEFAULT_MEMORY_NOTES, Notes, Package};
pub use text::{
    STOCK_CLOZE_NOTETYPE, STOCK_VOCAB_NOTETYPE, TextNoteTypes, TextOptions, TextSummary,
    render_text, write_text,
};

/// A note or deck that Anki would reject.
fn invalid_note(msg: impl Into<String>) -> Error {
    ErrorKind::InvalidNote(msg.into()).into()
}

/// Building an export (`what`) failed in an underlying library.
fn export_failed(what: &'static str, detail: impl std::fmt::Display) -> Error {
    ErrorKind::Export {
        what,
        detail: detail.to_string(),
    }
    .into()
}
