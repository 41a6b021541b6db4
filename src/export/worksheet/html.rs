//! The worksheet as one self-contained HTML page, from the template `worksheet.html` (askama:
//! every value is HTML-escaped unless marked `safe`; the CSS, the script and the answers' JSON
//! are the only such values).

use askama::Template;
use serde::Serialize;

use super::{
    INSTRUCTIONS_DE, INSTRUCTIONS_EN, answer_letter, count_label, dictionary_entry, gap_parts,
};
use crate::cloze::answer::{choice_letter, correct_choice};
use crate::cloze::{ClozeItem, Worksheet};

const CSS: &str = include_str!("worksheet.css");
const JS: &str = include_str!("worksheet.js");

#[derive(Template)]
#[template(path = "worksheet/worksheet.html")]
struct Page<'a> {
    title: &'a str,
    gap_width: usize,
    css: &'a str,
    js: &'a str,
    instructions_de: &'a str,
    instructions_en: &'a str,
    count: String,
    items: Vec<PageItem<'a>>,
    key: Vec<KeyLine<'a>>,
    checker_json: String,
}

struct PageItem<'a> {
    id: usize,
    typed: bool,
    before: &'a str,
    after: &'a str,
    answer: &'a str,
    hint: Option<&'a str>,
    choices: Vec<PageChoice<'a>>,
}

struct PageChoice<'a> {
    letter: char,
    text: &'a str,
    is_answer: bool,
}

struct KeyLine<'a> {
    id: usize,
    letter: String,
    answer: &'a str,
    dict: Option<String>,
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

/// What the page's checker needs per item.
#[derive(Serialize)]
struct CheckerItem<'a> {
    id: usize,
    answer: &'a str,
    choices: &'a [String],
    correct: Option<usize>,
}

#[derive(Serialize)]
struct CheckerData<'a> {
    items: Vec<CheckerItem<'a>>,
}

/// Width of every gap in `ch`: the longest answer plus room, the same for all gaps so that the
/// field length does not give an answer away.
fn gap_width(sheet: &Worksheet) -> usize {
    let longest = sheet
        .items
        .iter()
        .map(|i| i.answer.chars().count())
        .max()
        .unwrap_or(0);
    (longest + 3).clamp(9, 24)
}

fn page_item(item: &ClozeItem) -> PageItem<'_> {
    let (before, after) = gap_parts(item);
    let correct = correct_choice(item);
    PageItem {
        id: item.id,
        typed: item.choices.is_empty(),
        before,
        after,
        answer: &item.answer,
        hint: (!item.hint.is_empty()).then_some(item.hint.as_str()),
        choices: item
            .choices
            .iter()
            .enumerate()
            .map(|(i, text)| PageChoice {
                letter: choice_letter(i),
                text,
                is_answer: Some(i) == correct,
            })
            .collect(),
    }
}

/// One self-contained HTML page (see the module docs): header with title and bilingual
/// instructions, the items (a text field per gap, or radio buttons for choices), buttons to
/// check, show the answers and reset, and the answer key, which is printed on its own page.
pub fn to_html(sheet: &Worksheet) -> String {
    let checker = CheckerData {
        items: sheet
            .items
            .iter()
            .map(|i| CheckerItem {
                id: i.id,
                answer: &i.answer,
                choices: &i.choices,
                correct: correct_choice(i),
            })
            .collect(),
    };
    let page = Page {
        title: &sheet.title,
        gap_width: gap_width(sheet),
        css: CSS,
        js: JS,
        instructions_de: INSTRUCTIONS_DE,
        instructions_en: INSTRUCTIONS_EN,
        count: count_label(sheet.items.len()),
        items: sheet.items.iter().map(page_item).collect(),
        key: sheet
            .items
            .iter()
            .map(|item| KeyLine {
                id: item.id,
                letter: answer_letter(item),
                answer: &item.answer,
                dict: Some(dictionary_entry(item)).filter(|d| !d.is_empty()),
            })
            .collect(),
        checker_json: json_for_script(&checker),
    };
    let mut html = page.render().expect("rendering into a String cannot fail");
    // askama drops the template's final newline
    html.push('\n');
    html
}
