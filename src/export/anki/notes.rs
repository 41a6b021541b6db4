//! Notes: [`Note`] with its GUID key, the fields of the two note types, and cloze deletion
//! markup.

use super::fields::{field_is_empty, invalid_char_for_field, normalize_deck_name, sanitize_tags};
use super::ids::guid_for_key;
use super::invalid_note;
use super::notetypes::NoteKind;
use crate::error::Result;
use crate::export::escape::html_escape;

/// Deck used for notes that were not given one.
const DEFAULT_DECK: &str = "kernsatz";

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
    /// The field count is checked by [`Package::add`](super::Package::add).
    pub fn new(kind: NoteKind, guid_key: impl Into<String>, fields: Vec<String>) -> Note {
        Note {
            kind,
            fields,
            tags: Vec::new(),
            guid_key: guid_key.into(),
            deck: DEFAULT_DECK.to_string(),
        }
    }

    /// A note put together from what [`Note::kind`], [`Note::guid_key`], [`Note::fields`],
    /// [`Note::tags`] and [`Note::deck`] returned (a package's temporary database).
    pub(super) fn from_parts(
        kind: NoteKind,
        guid_key: String,
        fields: Vec<String>,
        tags: Vec<String>,
        deck: String,
    ) -> Note {
        Note {
            kind,
            fields,
            tags,
            guid_key,
            deck,
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

    /// The same note in deck `name` (`::` separates subdecks; normalised by
    /// [`Package::add`](super::Package::add)).
    pub fn in_deck(mut self, name: impl Into<String>) -> Note {
        self.deck = name.into();
        self
    }

    /// The same note with these tags added (sanitised by [`Package::add`](super::Package::add)).
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

    /// The note's GUID, derived from its key (see the [module docs](super)).
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
    pub(super) fn normalize(&mut self) -> Result<()> {
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

fn normalize_key_part(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The distinct cloze numbers `N ≥ 1` of `{{cN::` openings in `text`, sorted.
/// Nested deletions count too, like in Anki ≥ 2.1.56.
fn cloze_numbers(text: &str) -> Vec<u16> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
