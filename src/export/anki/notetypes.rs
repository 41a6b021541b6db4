//! The two note types, `kernsatz Cloze` and `kernsatz Vokabel`: fixed ids and names, fields,
//! card templates and styling (`cloze.css`, `vocab.css` beside this file).

/// Id of the `kernsatz Cloze` note type (a fixed constant; never change it, or re-imports
/// create a second note type).
pub(super) const CLOZE_NOTETYPE_ID: i64 = 1_931_806_218;

/// Id of the `kernsatz Vokabel` note type (a fixed constant; never change it).
pub(super) const VOCAB_NOTETYPE_ID: i64 = 1_931_806_219;

/// Name of the cloze note type.
pub(super) const CLOZE_NOTETYPE_NAME: &str = "kernsatz Cloze";

/// Name of the vocabulary note type.
pub(super) const VOCAB_NOTETYPE_NAME: &str = "kernsatz Vokabel";

/// Field names of the cloze note type, in order.
pub(super) const CLOZE_FIELDS: [&str; 3] = ["Text", "Back Extra", "Source"];

/// Field names of the vocabulary note type, in order.
pub(super) const VOCAB_FIELDS: [&str; 7] = [
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
pub(super) struct Template {
    /// Template name shown in Anki.
    pub(super) name: &'static str,
    /// Front side (question format).
    pub(super) qfmt: &'static str,
    /// Back side (answer format).
    pub(super) afmt: &'static str,
}

/// A note type definition: everything the writers need to describe it to Anki.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct NoteType {
    /// Fixed id.
    pub(super) id: i64,
    /// Name shown in Anki.
    pub(super) name: &'static str,
    /// Whether this is a cloze note type (`type = 1`).
    pub(super) is_cloze: bool,
    /// Field names in order.
    pub(super) fields: &'static [&'static str],
    /// Index of the sort field.
    pub(super) sort_field: usize,
    /// Card templates in order (ordinal = index).
    pub(super) templates: &'static [Template],
    /// Styling shared by all templates.
    pub(super) css: &'static str,
}

const CLOZE_CSS: &str = include_str!("cloze.css");

const VOCAB_CSS: &str = include_str!("vocab.css");

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
    pub(super) const ALL: [NoteKind; 2] = [NoteKind::Cloze, NoteKind::Vocab];

    /// The note type definition of this kind.
    pub(super) fn notetype(self) -> &'static NoteType {
        match self {
            NoteKind::Cloze => &CLOZE_NOTETYPE,
            NoteKind::Vocab => &VOCAB_NOTETYPE,
        }
    }
}
