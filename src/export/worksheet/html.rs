//! The worksheet as one self-contained HTML page, from the template `worksheet.html` (askama:
//! every value is HTML-escaped unless marked `safe`; the CSS, the script and the checker's JSON
//! are the only such values).
//!
//! The answers are not in the page as text: the checker's JSON carries them encoded
//! ([`encode_secret`]: UTF-8 bytes XOR a fixed key stream, then Base64), and the page's script
//! decodes them to check, to show the solutions and to fill in the answer key and the glossary.
//! Options carry no mark of the right one.

use askama::Template;
use serde::Serialize;

use super::{
    NOUNS_HEADING, NOUNS_INSTRUCTIONS, answer_letter, count_label, dictionary_entry, gap_parts,
    glossary_line, heading, instructions, noun_key, sections, source_line,
};
use crate::cloze::answer::{choice_letter, correct_choice, other_forms};
use crate::cloze::{ClozeItem, Worksheet};

const CSS: &str = include_str!("worksheet.css");
const JS: &str = include_str!("worksheet.js");

#[derive(Template)]
#[template(path = "worksheet/worksheet.html")]
struct Page<'a> {
    title: String,
    source: Option<String>,
    gap_width: usize,
    css: &'a str,
    js: &'a str,
    count: String,
    parts: Vec<Part<'a>>,
    nouns: Option<NounPart<'a>>,
    has_glossary: bool,
    genders: [&'static str; 3],
    checker_json: String,
}

struct Part<'a> {
    letter: char,
    kind: &'static str,
    de: &'static str,
    en: &'static str,
    instructions_de: &'static str,
    instructions_en: &'static str,
    items: Vec<PageItem<'a>>,
}

struct NounPart<'a> {
    letter: char,
    de: &'static str,
    en: &'static str,
    instructions_de: &'static str,
    instructions_en: &'static str,
    nouns: Vec<PageNoun<'a>>,
}

struct PageNoun<'a> {
    id: usize,
    lemma: &'a str,
}

struct PageItem<'a> {
    id: usize,
    typed: bool,
    before: &'a str,
    after: &'a str,
    hint: Option<&'a str>,
    choices: Vec<PageChoice<'a>>,
}

struct PageChoice<'a> {
    letter: char,
    text: &'a str,
}

/// JSON text that is safe inside a `<script>` element: `</` is written `<\/` and every other
/// `<` as `\u003c` (so no `<!--` or `<script` either); both are the same JSON strings.
fn json_for_script(value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).expect("plain data");
    let mut out = String::with_capacity(json.len() + 16);
    let mut chars = json.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('<', Some('/')) => {
                chars.next();
                out.push_str("<\\/");
            }
            ('<', _) => out.push_str("\\u003c"),
            _ => out.push(c),
        }
    }
    out
}

/// The key stream byte at position `i`; `worksheet.js` uses the same.
fn key_byte(i: usize) -> u8 {
    ((i * 131 + 89) % 251) as u8
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `text` as the page carries its answers: UTF-8 bytes XOR `key_byte`, Base64 (standard
/// alphabet, padded). Not a cipher, only so that the answers cannot be read in the source.
pub fn encode_secret(text: &str) -> String {
    let bytes: Vec<u8> = text
        .bytes()
        .enumerate()
        .map(|(i, b)| b ^ key_byte(i))
        .collect();
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.len();
        let v = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for k in 0..4 {
            if k <= n {
                out.push(char::from(BASE64[((v >> (18 - 6 * k)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The inverse of [`encode_secret`] (for tests and tools); `None` if `s` is no such text.
pub fn decode_secret(s: &str) -> Option<String> {
    let mut bits: u32 = 0;
    let mut nbits = 0;
    let mut bytes = Vec::new();
    for c in s.bytes().filter(|c| *c != b'=') {
        let v = BASE64.iter().position(|b| *b == c)? as u32;
        bits = (bits << 6) | v;
        nbits += 6;
        if nbits >= 8 {
            nbits -= 8;
            bytes.push((bits >> nbits) as u8);
            bits &= (1 << nbits) - 1;
        }
    }
    let plain: Vec<u8> = bytes
        .into_iter()
        .enumerate()
        .map(|(i, b)| b ^ key_byte(i))
        .collect();
    String::from_utf8(plain).ok()
}

/// What the page shows of an item without giving its answer away.
#[derive(Serialize)]
struct PublicItem<'a> {
    id: usize,
    kind: &'static str,
    choices: &'a [String],
}

/// What the checker needs per item, encoded.
#[derive(Serialize)]
struct SecretItem<'a> {
    id: usize,
    answer: &'a str,
    correct: Option<usize>,
    /// Other forms of the answer's word, normalised (the right word in the wrong form).
    forms: Vec<String>,
}

#[derive(Serialize)]
struct SecretNoun<'a> {
    id: usize,
    article: &'a str,
    plural: &'a str,
}

#[derive(Serialize)]
struct KeyLine {
    section: String,
    id: usize,
    answer: String,
    dict: String,
}

#[derive(Serialize)]
struct Secret<'a> {
    items: Vec<SecretItem<'a>>,
    nouns: Vec<SecretNoun<'a>>,
    key: Vec<KeyLine>,
    glossary: Vec<String>,
}

#[derive(Serialize)]
struct CheckerData<'a> {
    items: Vec<PublicItem<'a>>,
    nouns: Vec<usize>,
    secret: String,
}

/// Width of every gap in `ch`: the longest answer plus room, the same for all gaps so that the
/// field length does not give an answer away.
fn gap_width(sheet: &Worksheet) -> usize {
    let longest = sheet
        .items
        .iter()
        .map(|i| i.answer.chars().count())
        .chain(sheet.nouns.iter().map(|n| n.plural.chars().count()))
        .max()
        .unwrap_or(0);
    (longest + 3).clamp(9, 24)
}

fn page_item(item: &ClozeItem) -> PageItem<'_> {
    let (before, after) = gap_parts(item);
    PageItem {
        id: item.id,
        typed: item.choices.is_empty(),
        before,
        after,
        hint: (!item.hint.is_empty()).then_some(item.hint.as_str()),
        choices: item
            .choices
            .iter()
            .enumerate()
            .map(|(i, text)| PageChoice {
                letter: choice_letter(i),
                text,
            })
            .collect(),
    }
}

/// The checker's data: the public part (ids, kinds, options) and the encoded answers, key and
/// glossary.
fn checker(sheet: &Worksheet) -> CheckerData<'_> {
    let mut key = Vec::new();
    for (letter, kind) in sections(sheet) {
        match kind {
            Some(k) => key.extend(sheet.items_of(k).map(|i| KeyLine {
                section: format!("{letter}. {}", k.heading().0),
                id: i.id,
                answer: format!("{}{}", answer_letter(i), i.answer),
                dict: dictionary_entry(i),
            })),
            None => key.extend(sheet.nouns.iter().map(|n| KeyLine {
                section: format!("{letter}. {}", NOUNS_HEADING.0),
                id: n.id,
                answer: noun_key(n),
                dict: n.gloss.clone().unwrap_or_default(),
            })),
        }
    }
    let secret = Secret {
        items: sheet
            .items
            .iter()
            .map(|i| SecretItem {
                id: i.id,
                answer: &i.answer,
                correct: correct_choice(i),
                forms: other_forms(i),
            })
            .collect(),
        nouns: sheet
            .nouns
            .iter()
            .map(|n| SecretNoun {
                id: n.id,
                article: &n.article,
                plural: &n.plural,
            })
            .collect(),
        key,
        glossary: sheet.glossary.iter().map(glossary_line).collect(),
    };
    let json = serde_json::to_string(&secret).expect("plain data");
    CheckerData {
        items: sheet
            .items
            .iter()
            .map(|i| PublicItem {
                id: i.id,
                kind: i.kind.as_str(),
                choices: &i.choices,
            })
            .collect(),
        nouns: sheet.nouns.iter().map(|n| n.id).collect(),
        secret: encode_secret(&json),
    }
}

/// One self-contained HTML page (see the module docs): header with title and source, a
/// section per kind (a text field per gap, or radio buttons for options), the
/// gender-and-plural drill, buttons to check, show the answers and reset, and the answer key
/// and glossary, which are printed on pages of their own.
pub fn to_html(sheet: &Worksheet) -> String {
    let mut parts = Vec::new();
    let mut nouns = None;
    for (letter, kind) in sections(sheet) {
        match kind {
            Some(k) => {
                let (de, en) = k.heading();
                let (ide, ien) = instructions(k);
                parts.push(Part {
                    letter,
                    kind: k.as_str(),
                    de,
                    en,
                    instructions_de: ide,
                    instructions_en: ien,
                    items: sheet.items_of(k).map(page_item).collect(),
                });
            }
            None => {
                nouns = Some(NounPart {
                    letter,
                    de: NOUNS_HEADING.0,
                    en: NOUNS_HEADING.1,
                    instructions_de: NOUNS_INSTRUCTIONS.0,
                    instructions_en: NOUNS_INSTRUCTIONS.1,
                    nouns: sheet
                        .nouns
                        .iter()
                        .map(|n| PageNoun {
                            id: n.id,
                            lemma: &n.lemma,
                        })
                        .collect(),
                });
            }
        }
    }
    let page = Page {
        title: heading(sheet),
        source: source_line(sheet),
        gap_width: gap_width(sheet),
        css: CSS,
        js: JS,
        count: count_label(sheet.items.len()),
        parts,
        nouns,
        has_glossary: !sheet.glossary.is_empty(),
        genders: ["der", "die", "das"],
        checker_json: json_for_script(&checker(sheet)),
    };
    let mut html = page.render().expect("rendering into a String cannot fail");
    // askama drops the template's final newline
    html.push('\n');
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_round_trip() {
        for s in [
            "",
            "a",
            "ab",
            "abc",
            "Lieferketten „Größe“ – 100 %",
            "{\"x\":[1,2]}",
        ] {
            let e = encode_secret(s);
            assert_eq!(decode_secret(&e).as_deref(), Some(s), "{e}");
            assert_eq!(e.len() % 4, 0);
            if s.len() >= 3 {
                assert!(!e.contains(s));
            }
        }
    }
}
