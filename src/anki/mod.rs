//! Anki export: two fixed note types, notes with stable GUIDs, and writers for an `.apkg`
//! deck package ([`apkg`]) and an Anki text-import file ([`text`]).
//!
//! # Note types
//!
//! Both note types have fixed ids, so every kernsatz export, on any machine, talks about the
//! same note types and a re-import updates instead of duplicating them:
//!
//! | name | id | kind | fields |
//! | --- | --- | --- | --- |
//! | `kernsatz Cloze` | [`CLOZE_NOTETYPE_ID`] | cloze (`type = 1`) | `Text`, `Back Extra`, `Source` |
//! | `kernsatz Vokabel` | [`VOCAB_NOTETYPE_ID`] | standard | `Wort`, `Plural`, `English`, `Beispiel`, `Teile`, `Kategorie`, `Niveau` |
//!
//! The vocabulary type has two card templates, "Deutsch → English" and "English → Deutsch";
//! its sort field is `Wort`. The definitions (templates and CSS) live in [`NoteKind::notetype`].
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
//! Note ids, card ids and deck ids are also derived from SHA-1 ([`stable_id`]), so regenerating
//! the same notes gives byte-identical collections apart from the timestamp the caller passes.
//! Anki matches notes by GUID and decks by name when importing; the ids only need to be unique
//! inside one package (collisions are resolved by probing, see [`stable_id`]).
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
pub mod text;

use std::collections::HashMap;

use sha1::{Digest, Sha1};

use crate::error::{Error, ErrorKind, Result};

pub use apkg::{ApkgOptions, ApkgSummary, write_apkg};
pub use text::{TextSummary, render_text, write_text};

/// Id of the `kernsatz Cloze` note type (a fixed constant; never change it, or re-imports
/// create a second note type).
pub const CLOZE_NOTETYPE_ID: i64 = 1_931_806_218;

/// Id of the `kernsatz Vokabel` note type (a fixed constant; never change it).
pub const VOCAB_NOTETYPE_ID: i64 = 1_931_806_219;

/// Name of the cloze note type.
pub const CLOZE_NOTETYPE_NAME: &str = "kernsatz Cloze";

/// Name of the vocabulary note type.
pub const VOCAB_NOTETYPE_NAME: &str = "kernsatz Vokabel";

/// Deck used for notes that were not given one.
pub const DEFAULT_DECK: &str = "kernsatz";

/// Field names of the cloze note type, in order.
pub const CLOZE_FIELDS: [&str; 3] = ["Text", "Back Extra", "Source"];

/// Field names of the vocabulary note type, in order.
pub const VOCAB_FIELDS: [&str; 7] = [
    "Wort",
    "Plural",
    "English",
    "Beispiel",
    "Teile",
    "Kategorie",
    "Niveau",
];

/// The two kinds of notes kernsatz exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoteKind {
    /// A sentence with cloze deletions (`kernsatz Cloze`).
    Cloze,
    /// A vocabulary entry (`kernsatz Vokabel`).
    Vocab,
}

/// One card template of a note type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// Template name shown in Anki.
    pub name: &'static str,
    /// Front side (question format).
    pub qfmt: &'static str,
    /// Back side (answer format).
    pub afmt: &'static str,
}

/// A note type definition: everything the writers need to describe it to Anki.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteType {
    /// Fixed id.
    pub id: i64,
    /// Name shown in Anki.
    pub name: &'static str,
    /// Whether this is a cloze note type (`type = 1`).
    pub is_cloze: bool,
    /// Field names in order.
    pub fields: &'static [&'static str],
    /// Index of the sort field.
    pub sort_field: usize,
    /// Card templates in order (ordinal = index).
    pub templates: &'static [Template],
    /// Styling shared by all templates.
    pub css: &'static str,
}

const CLOZE_CSS: &str = "\
.card {
  font-family: \"Source Sans 3\", \"Noto Sans\", \"Helvetica Neue\", Arial, sans-serif;
  font-size: 26px;
  line-height: 1.5;
  text-align: left;
  color: #1b1b1b;
  background-color: #fcfcfa;
  max-width: 36em;
  margin: 0 auto;
  padding: 0.5em 0.8em;
}
.cloze { font-weight: bold; color: #1559c0; }
.nightMode .cloze, .night_mode .cloze { color: #7db4ff; }
.nightMode.card, .night_mode .card { color: #e8e8e8; background-color: #1e1e1e; }
.source { margin-top: 1.4em; font-size: 15px; color: #777; }
";

const VOCAB_CSS: &str = "\
.card {
  font-family: \"Source Sans 3\", \"Noto Sans\", \"Helvetica Neue\", Arial, sans-serif;
  font-size: 26px;
  line-height: 1.5;
  text-align: center;
  color: #1b1b1b;
  background-color: #fcfcfa;
  max-width: 36em;
  margin: 0 auto;
  padding: 0.5em 0.8em;
}
.nightMode.card, .night_mode .card { color: #e8e8e8; background-color: #1e1e1e; }
.wort { font-size: 34px; font-weight: bold; }
.english { font-size: 30px; color: #1559c0; }
.nightMode .english, .night_mode .english { color: #7db4ff; }
.plural { margin-top: 0.3em; color: #555; }
.beispiel { margin-top: 1em; font-size: 22px; text-align: left; }
.beispiel b { color: #1559c0; }
.teile { margin-top: 0.6em; font-size: 18px; color: #777; }
";

const CLOZE_TEMPLATES: [Template; 1] = [Template {
    name: "Cloze",
    qfmt: "{{cloze:Text}}",
    afmt: "{{cloze:Text}}<br>{{Back Extra}}{{#Source}}<div class=source>{{Source}}</div>{{/Source}}",
}];

const VOCAB_TEMPLATES: [Template; 2] = [
    Template {
        name: "Deutsch → English",
        qfmt: "<div class=wort>{{Wort}}</div>",
        afmt: "{{FrontSide}}\n<hr id=answer>\n<div class=english>{{English}}</div>\
{{#Plural}}<div class=plural>Plural: {{Plural}}</div>{{/Plural}}\
{{#Beispiel}}<div class=beispiel>{{Beispiel}}</div>{{/Beispiel}}\
{{#Teile}}<div class=teile>{{Teile}}</div>{{/Teile}}",
    },
    Template {
        name: "English → Deutsch",
        qfmt: "<div class=english>{{English}}</div>",
        afmt: "{{FrontSide}}\n<hr id=answer>\n<div class=wort>{{Wort}}</div>\
{{#Plural}}<div class=plural>Plural: {{Plural}}</div>{{/Plural}}\
{{#Beispiel}}<div class=beispiel>{{Beispiel}}</div>{{/Beispiel}}",
    },
];

const CLOZE_NOTETYPE: NoteType = NoteType {
    id: CLOZE_NOTETYPE_ID,
    name: CLOZE_NOTETYPE_NAME,
    is_cloze: true,
    fields: &CLOZE_FIELDS,
    sort_field: 0,
    templates: &CLOZE_TEMPLATES,
    css: CLOZE_CSS,
};

const VOCAB_NOTETYPE: NoteType = NoteType {
    id: VOCAB_NOTETYPE_ID,
    name: VOCAB_NOTETYPE_NAME,
    is_cloze: false,
    fields: &VOCAB_FIELDS,
    sort_field: 0,
    templates: &VOCAB_TEMPLATES,
    css: VOCAB_CSS,
};

impl NoteKind {
    /// Both kinds, in a fixed order.
    pub const ALL: [NoteKind; 2] = [NoteKind::Cloze, NoteKind::Vocab];

    /// The note type definition of this kind.
    pub fn notetype(self) -> &'static NoteType {
        match self {
            NoteKind::Cloze => &CLOZE_NOTETYPE,
            NoteKind::Vocab => &VOCAB_NOTETYPE,
        }
    }
}

/// The fields of a cloze note. All are HTML.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClozeFields {
    /// The sentence with deletions, e.g. `Die {{c1::Lieferkette::Logistik}} ist gestört.`
    /// (see [`cloze_deletion`]).
    pub text: String,
    /// Extra text shown on the back.
    pub back_extra: String,
    /// Where the sentence comes from (shown small on the back).
    pub source: String,
}

/// The fields of a vocabulary note. All are HTML.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VocabFields {
    /// The word with its article, e.g. `die Lieferkette` (required, the sort field).
    pub wort: String,
    /// Plural form, e.g. `die Lieferketten`.
    pub plural: String,
    /// English meaning.
    pub english: String,
    /// Example sentence with the word in `<b>…</b>`.
    pub beispiel: String,
    /// Compound parts, e.g. `Liefer·kette`.
    pub teile: String,
    /// Category, e.g. part of speech.
    pub kategorie: String,
    /// Level, e.g. `B2`.
    pub niveau: String,
}

/// One note to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    kind: NoteKind,
    fields: Vec<String>,
    tags: Vec<String>,
    guid_key: String,
    deck: String,
}

impl Note {
    /// A note of `kind` with raw `fields` (in the note type's field order) and an explicit
    /// GUID key. Prefer [`Note::cloze`] and [`Note::vocab`], which build the key for you.
    /// The field count is checked by [`Package::add`].
    pub fn new(kind: NoteKind, guid_key: impl Into<String>, fields: Vec<String>) -> Note {
        Note {
            kind,
            fields,
            tags: Vec::new(),
            guid_key: guid_key.into(),
            deck: DEFAULT_DECK.to_string(),
        }
    }

    /// A cloze note for `sentence` (plain text) from the source `source_id`; its GUID key is
    /// `"cloze:" + source_id + "\u{1f}" + sentence` (parts whitespace-normalised).
    pub fn cloze(source_id: &str, sentence: &str, fields: ClozeFields) -> Note {
        let key = format!(
            "cloze:{}\u{1f}{}",
            normalize_key_part(source_id),
            normalize_key_part(sentence)
        );
        Note::new(
            NoteKind::Cloze,
            key,
            vec![fields.text, fields.back_extra, fields.source],
        )
    }

    /// A vocabulary note for `lemma`; its GUID key is `"vocab:" + lemma` (whitespace-normalised).
    pub fn vocab(lemma: &str, fields: VocabFields) -> Note {
        let key = format!("vocab:{}", normalize_key_part(lemma));
        Note::new(
            NoteKind::Vocab,
            key,
            vec![
                fields.wort,
                fields.plural,
                fields.english,
                fields.beispiel,
                fields.teile,
                fields.kategorie,
                fields.niveau,
            ],
        )
    }

    /// The same note in deck `name` (`::` separates subdecks; normalised by [`Package::add`]).
    pub fn in_deck(mut self, name: impl Into<String>) -> Note {
        self.deck = name.into();
        self
    }

    /// The same note with these tags added (sanitised by [`Package::add`]).
    pub fn with_tags<I, S>(mut self, tags: I) -> Note
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.tags.extend(tags.into_iter().map(Into::into));
        self
    }

    /// Which note type this note uses.
    pub fn kind(&self) -> NoteKind {
        self.kind
    }

    /// The field values in the note type's order.
    pub fn fields(&self) -> &[String] {
        &self.fields
    }

    /// Replaces the value of field `index`. Panics if `index` is out of range.
    pub fn set_field(&mut self, index: usize, value: impl Into<String>) {
        self.fields[index] = value.into();
    }

    /// The tags.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// The deck name.
    pub fn deck(&self) -> &str {
        &self.deck
    }

    /// The key the GUID is derived from.
    pub fn guid_key(&self) -> &str {
        &self.guid_key
    }

    /// The note's GUID ([`guid_for_key`] of its key).
    pub fn guid(&self) -> String {
        guid_for_key(&self.guid_key)
    }

    /// Ordinals of the cards Anki will have for this note (see the module docs).
    pub fn card_ords(&self) -> Vec<u16> {
        match self.kind {
            NoteKind::Cloze => cloze_numbers(&self.fields[0])
                .into_iter()
                .map(|n| n - 1)
                .collect(),
            NoteKind::Vocab => {
                let mut ords = Vec::with_capacity(2);
                if !field_is_empty(&self.fields[0]) {
                    ords.push(0);
                }
                if !field_is_empty(&self.fields[2]) {
                    ords.push(1);
                }
                ords
            }
        }
    }

    /// Checks and normalises the note in place: field count, control characters, deck name,
    /// tags, and that it will produce at least one card.
    fn normalize(&mut self) -> Result<()> {
        let nt = self.kind.notetype();
        let what = || format!("note {:?}", self.guid_key);
        if self.guid_key.trim().is_empty() {
            return Err(invalid_note("a note has an empty GUID key"));
        }
        if self.fields.len() != nt.fields.len() {
            return Err(invalid_note(format!(
                "{}: {} fields given, note type {:?} has {}",
                what(),
                self.fields.len(),
                nt.name,
                nt.fields.len()
            )));
        }
        for field in &mut self.fields {
            if field.contains(invalid_char_for_field) {
                *field = field.replace(invalid_char_for_field, "");
            }
        }
        if field_is_empty(&self.fields[0]) {
            return Err(invalid_note(format!(
                "{}: the first field ({}) is empty",
                what(),
                nt.fields[0]
            )));
        }
        if self.kind == NoteKind::Cloze && self.card_ords().is_empty() {
            return Err(invalid_note(format!(
                "{}: the Text field has no cloze deletion like {{{{c1::…}}}}",
                what()
            )));
        }
        self.deck = normalize_deck_name(&self.deck)
            .ok_or_else(|| invalid_note(format!("{}: the deck name is empty", what())))?;
        self.tags = sanitize_tags(&self.tags);
        Ok(())
    }
}

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
pub struct Deck {
    /// Full name with `::` between levels.
    pub name: String,
    /// Id derived from the name ([`stable_id`] in the `deck` namespace).
    pub id: i64,
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
    pub fn decks(&self) -> Vec<Deck> {
        let mut names: Vec<String> = Vec::new();
        for note in &self.notes {
            let parts: Vec<&str> = note.deck.split("::").collect();
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

/// The GUID for a key: base 91 of the first 64 bits of its SHA-1 (see the module docs).
pub fn guid_for_key(key: &str) -> String {
    base91(sha1_u64(key.as_bytes()))
}

/// The alphabet of Anki's base-91 GUIDs.
const BASE91: &[u8; 91] =
    b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~";

fn base91(mut n: u64) -> String {
    if n == 0 {
        return "a".to_string();
    }
    let mut digits = Vec::new();
    while n > 0 {
        digits.push(BASE91[(n % 91) as usize]);
        n /= 91;
    }
    digits.reverse();
    String::from_utf8(digits).expect("base91 alphabet is ASCII")
}

fn sha1_u64(bytes: &[u8]) -> u64 {
    let digest = Sha1::digest(bytes);
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first)
}

/// Smallest id [`stable_id`] returns: 10¹² ms after the epoch (2001-09-09), so Anki's
/// "created" column, which reads ids as millisecond timestamps, shows a date in the past.
pub const ID_BASE: i64 = 1_000_000_000_000;

/// Ids spread over 2³⁹ values above [`ID_BASE`] (dates up to early 2019).
pub const ID_SPAN: u64 = 1 << 39;

/// A stable id for `key` within `namespace` (`"note"`, `"card"`, `"deck"`):
/// `ID_BASE + (first 64 bits of SHA-1(namespace + ":" + key)) mod ID_SPAN`.
/// Writers resolve the rare collision inside one package by adding 1 until the id is free,
/// in package order, so the result stays deterministic.
pub fn stable_id(namespace: &str, key: &str) -> i64 {
    let h = sha1_u64(format!("{namespace}:{key}").as_bytes());
    ID_BASE + (h % ID_SPAN) as i64
}

/// Returns `id`, or the next free id above it, and marks it taken.
fn unique_id(mut id: i64, taken: &mut Vec<i64>) -> i64 {
    while taken.contains(&id) {
        id += 1;
    }
    taken.push(id);
    id
}

/// Hands out unique ids from [`stable_id`] with probing; faster than `unique_id` for many ids.
#[derive(Default)]
pub(crate) struct IdAllocator {
    taken: std::collections::HashSet<i64>,
}

impl IdAllocator {
    pub(crate) fn next(&mut self, namespace: &str, key: &str) -> i64 {
        let mut id = stable_id(namespace, key);
        while !self.taken.insert(id) {
            id += 1;
        }
        id
    }
}

fn normalize_key_part(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A deck name with `::` levels trimmed, empty levels dropped and control characters removed;
/// `None` if nothing is left.
pub fn normalize_deck_name(name: &str) -> Option<String> {
    let parts: Vec<String> = name
        .split("::")
        .map(|p| {
            p.chars()
                .filter(|c| !c.is_control())
                .collect::<String>()
                .trim()
                .to_string()
        })
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        None
    } else {
        Some(parts.join("::"))
    }
}

/// One tag made safe for Anki: whitespace becomes `_`, control characters and `"` are removed,
/// empty `::` levels are dropped. `None` if nothing is left.
pub fn sanitize_tag(tag: &str) -> Option<String> {
    let cleaned: String = tag
        .trim()
        .chars()
        .filter(|&c| !c.is_control() && c != '"')
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect();
    let parts: Vec<&str> = cleaned.split("::").filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        None
    } else {
        Some(parts.join("::"))
    }
}

/// Sanitised tags, first spelling kept, duplicates (ignoring case) removed.
pub fn sanitize_tags(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags.iter().filter_map(|t| sanitize_tag(t)) {
        if !out.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            out.push(tag);
        }
    }
    out
}

/// Like Anki's `normalize_field`: ASCII control characters other than tab and newline are
/// dropped from fields (this includes `\x1f`, the field separator, and `\r`).
fn invalid_char_for_field(c: char) -> bool {
    c.is_ascii_control() && c != '\n' && c != '\t'
}

/// Whether a field counts as empty: nothing but whitespace once HTML is stripped.
fn field_is_empty(field: &str) -> bool {
    strip_html(field).trim().is_empty()
}

/// The distinct cloze numbers `N ≥ 1` of `{{cN::` openings in `text`, sorted.
/// Nested deletions count too, like in Anki ≥ 2.1.56.
pub fn cloze_numbers(text: &str) -> Vec<u16> {
    let bytes = text.as_bytes();
    let mut out: Vec<u16> = Vec::new();
    let mut i = 0;
    while let Some(pos) = text[i..].find("{{c") {
        let start = i + pos + 3;
        let mut end = start;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
        if end > start
            && text[end..].starts_with("::")
            && let Ok(n) = text[start..end].parse::<u16>()
            && n > 0
            && !out.contains(&n)
        {
            out.push(n);
        }
        i = start;
    }
    out.sort_unstable();
    out
}

/// Escapes `&`, `<`, `>` and `"` so plain text can go into an HTML field.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Cloze markup `{{cN::answer}}` or `{{cN::answer::hint}}` from plain text: HTML is escaped,
/// and the characters that would end the deletion early (`:` and `}`) are written as
/// character references, which Anki shows unchanged.
pub fn cloze_deletion(n: u16, answer: &str, hint: Option<&str>) -> String {
    fn esc(s: &str) -> String {
        html_escape(s).replace(':', "&#58;").replace('}', "&#125;")
    }
    match hint {
        Some(h) if !h.trim().is_empty() => format!("{{{{c{n}::{}::{}}}}}", esc(answer), esc(h)),
        _ => format!("{{{{c{n}::{}}}}}", esc(answer)),
    }
}

/// Text of an HTML field the way Anki computes `sfld` and `csum`: comments, `<style>` and
/// `<script>` elements and all tags are removed (without inserting spaces), then the common
/// character references are decoded and non-breaking spaces become spaces. (Anki also keeps
/// media file names of `<img>` tags; kernsatz ships no media.)
pub fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while i < html.len() {
        let rest = &html[i..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            match comment.find("-->") {
                Some(end) => {
                    i += 4 + end + 3;
                    continue;
                }
                None => break,
            }
        }
        if rest.starts_with('<') {
            let lrest = &lower[i..];
            let mut skipped = false;
            for elem in ["style", "script"] {
                let open = format!("<{elem}");
                let close = format!("</{elem}>");
                let after = lrest.as_bytes().get(open.len()).copied();
                if lrest.starts_with(&open)
                    && matches!(after, Some(b'>' | b' ' | b'\t' | b'\n' | b'/'))
                    && let Some(end) = lrest.find(&close)
                {
                    i += end + close.len();
                    skipped = true;
                    break;
                }
            }
            if skipped {
                continue;
            }
            if let Some(end) = rest.find('>') {
                i += end + 1;
                continue;
            }
        }
        let c = rest.chars().next().expect("non-empty rest");
        out.push(c);
        i += c.len_utf8();
    }
    decode_entities(&out)
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let name = &rest[1..semi];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => {
                    let code =
                        if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                            u32::from_str_radix(hex, 16).ok()
                        } else if let Some(dec) = name.strip_prefix('#') {
                            dec.parse().ok()
                        } else {
                            None
                        };
                    code.and_then(char::from_u32)
                        .map(|c| if c == '\u{a0}' { ' ' } else { c })
                }
            };
            c.map(|c| (c, semi))
        });
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Anki's field checksum (`notes.csum`): the first 4 bytes (8 hex digits) of the SHA-1 of the
/// HTML-stripped first field, read as a big-endian integer.
pub fn field_checksum(first_field: &str) -> u32 {
    let digest = Sha1::digest(strip_html(first_field).as_bytes());
    u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]])
}

/// A note or deck that Anki would reject.
pub(crate) fn invalid_note(msg: impl Into<String>) -> Error {
    ErrorKind::InvalidNote(msg.into()).into()
}

/// Building an export (`what`) failed in an underlying library.
pub(crate) fn export_failed(what: &'static str, detail: impl std::fmt::Display) -> Error {
    ErrorKind::Export {
        what,
        detail: detail.to_string(),
    }
    .into()
}

pub(crate) use crate::output::{TempFile, exists_error, write_atomically};

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn guid_of_known_key_is_fixed() {
        // Expected value computed independently with Python 3:
        //   import hashlib
        //   A = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
        //   n = int.from_bytes(hashlib.sha1("vocab:Lieferkette".encode()).digest()[:8], "big")
        //   s = ""
        //   while n: s = A[n % 91] + s; n //= 91
        //   print(s)
        assert_eq!(guid_for_key("vocab:Lieferkette"), GUID_LIEFERKETTE);
        // Umlauts are hashed as UTF-8 (same Python recipe with "vocab:Wärmepumpe").
        assert_eq!(guid_for_key("vocab:Wärmepumpe"), GUID_WAERMEPUMPE);
    }

    const GUID_LIEFERKETTE: &str = "O9gX4=16Kc";
    const GUID_WAERMEPUMPE: &str = "rX%jykR5e>";

    #[test]
    fn guid_is_stable_and_uses_key_only() {
        let a = Note::vocab(
            "Lieferkette",
            VocabFields {
                wort: "die Lieferkette".into(),
                ..Default::default()
            },
        );
        let b = Note::vocab(
            "  Lieferkette ",
            VocabFields {
                wort: "die Lieferkette".into(),
                english: "supply chain".into(),
                ..Default::default()
            },
        )
        .in_deck("other");
        assert_eq!(a.guid(), b.guid());
        assert_eq!(a.guid(), guid_for_key("vocab:Lieferkette"));
        let c = Note::cloze("src", "Ein  Satz.", ClozeFields::default());
        assert_eq!(c.guid_key(), "cloze:src\u{1f}Ein Satz.");
        assert!(
            a.guid().len() <= 10,
            "64 bits need at most 10 base-91 digits"
        );
    }

    #[test]
    fn base91_digits() {
        assert_eq!(base91(0), "a");
        assert_eq!(base91(90), "~");
        assert_eq!(base91(91), "ba");
        assert_eq!(base91(u64::MAX).len(), 10);
    }

    #[test]
    fn checksum_matches_python_recipe() {
        assert_eq!(
            field_checksum("Die <b>{{c1::Lieferkette}}</b> ist gestört."),
            field_checksum("Die {{c1::Lieferkette}} ist gestört.")
        );
        assert_eq!(field_checksum("Die Lieferkette ist gestört."), CSUM_SATZ);
    }

    // python3 -c 'import hashlib; print(int(hashlib.sha1("Die Lieferkette ist gestört.".encode()).hexdigest()[:8], 16))'
    const CSUM_SATZ: u32 = 3_876_283_452;

    #[test]
    fn strip_html_like_anki() {
        assert_eq!(strip_html("Liefer<b>kette</b>"), "Lieferkette");
        assert_eq!(strip_html("a<!-- x -->b"), "ab");
        assert_eq!(strip_html("a<style>p{}</style>b<script>x</script>c"), "abc");
        assert_eq!(
            strip_html("&lt;b&gt; &amp; &quot;x&quot;&nbsp;&#252;&#xFC;"),
            "<b> & \"x\" üü"
        );
        assert_eq!(strip_html("a & b; 3 < 4"), "a & b; 3 < 4");
    }

    #[test]
    fn cloze_numbers_like_anki() {
        assert_eq!(
            cloze_numbers("{{c1::a}} {{c2::b::h}} {{c1::c}}"),
            vec![1, 2]
        );
        assert_eq!(
            cloze_numbers("{{c0::a}} {{c::b}} {{c3:x}}"),
            Vec::<u16>::new()
        );
        assert_eq!(cloze_numbers("{{c2::outer {{c1::inner}}}}"), vec![1, 2]);
        assert_eq!(cloze_numbers("{{c12::x}}"), vec![12]);
    }

    #[test]
    fn cloze_deletion_escapes() {
        assert_eq!(
            cloze_deletion(1, "Lieferkette", None),
            "{{c1::Lieferkette}}"
        );
        assert_eq!(
            cloze_deletion(2, "a::b}}", Some("<Hinweis>")),
            "{{c2::a&#58;&#58;b&#125;&#125;::&lt;Hinweis&gt;}}"
        );
        assert_eq!(cloze_numbers(&cloze_deletion(2, "x", Some("h"))), vec![2]);
    }

    #[test]
    fn tags_are_sanitised() {
        let tags: Vec<String> = [
            "B1 Niveau",
            "wirtschaft",
            "Wirtschaft",
            "  ",
            "a::::b::",
            "\"q\"",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(
            sanitize_tags(&tags),
            vec!["B1_Niveau", "wirtschaft", "a::b", "q"]
        );
    }

    #[test]
    fn deck_names_are_normalised() {
        assert_eq!(
            normalize_deck_name(" kernsatz :: Japan::::x ").as_deref(),
            Some("kernsatz::Japan::x")
        );
        assert_eq!(normalize_deck_name(" :: "), None);
    }

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

    #[test]
    fn id_allocator_probes() {
        let mut a = IdAllocator::default();
        let first = a.next("note", "x");
        let second = a.next("note", "x");
        assert_eq!(second, first + 1);
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
