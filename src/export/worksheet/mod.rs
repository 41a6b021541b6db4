//! Worksheet output: plain text, Markdown, JSON and a self-contained interactive HTML page.
//!
//! Every format shows the title and source, a section per kind of item (vocabulary, articles,
//! adjective endings) with its instructions, the items numbered, each gap as [`GAP`] (or an
//! input field) with its hint in brackets, multiple-choice options lettered a), b), …, the
//! gender-and-plural drill, and after them the answer key and the glossary.
//!
//! ```
//! use kernsatz::cloze::{ClozeItem, Kind, Worksheet};
//! use kernsatz::export::worksheet::{Format, render};
//!
//! let item = ClozeItem {
//!     id: 1,
//!     kind: Kind::Vocab,
//!     sentence: "Japan ist der engste Verbündete der USA.".into(),
//!     prompt: "Japan ist der engste _____ der USA.".into(),
//!     answer: "Verbündete".into(),
//!     lemma: "Verbündete".into(),
//!     hint: "der · ally".into(),
//!     start: 21,
//!     end: 32,
//!     source_start: 21,
//!     source_end: 32,
//!     gloss: Some("ally".into()),
//!     article: Some("der".into()),
//!     ..ClozeItem::default()
//! };
//! let sheet = Worksheet {
//!     title: "Japan und die USA".into(),
//!     source: "japan-usa.txt".into(),
//!     items: vec![item],
//!     ..Worksheet::default()
//! };
//! let text = render(&sheet, Format::Text);
//! assert!(text.starts_with("Lückentext: Japan und die USA\nQuelle: japan-usa.txt\n"));
//! assert!(text.contains("A. Wortschatz / Vocabulary"));
//! assert!(text.contains("1. Japan ist der engste _____ (der · ally) der USA."));
//! assert!(text.contains("Lösungen / Answer key"));
//! ```
//!
//! The HTML page needs nothing from outside: its CSS and JavaScript are inline (embedded from
//! `worksheet.html`, `worksheet.css` and `worksheet.js` beside this file) and it loads no
//! fonts or images. The answers for its checker, the answer key and the glossary sit encoded
//! in a `<script type="application/json">` block ([`encode_secret`]), so the page's source
//! does not show them; the script decodes them to check, to show the solutions and to fill in
//! key and glossary, which are printed on pages of their own. Typed answers are checked with
//! the same rule as [`crate::cloze::answer::normalize_answer`]; unanswered items are shown as
//! such, and a typed word in another form is named as the right word in the wrong form.

use std::borrow::Cow;
use std::io::{self, Write};
use std::str::FromStr;

use super::escape::escape_markdown;
use crate::cloze::answer::{choice_letter, correct_choice, drill_phrase};
use crate::cloze::{ClozeItem, GAP, GlossaryEntry, Kind, NounDrill, Worksheet};
use crate::error::{Error, ErrorKind};

mod html;
mod spool;
pub use html::{decode_secret, encode_secret, to_html};
pub use spool::{SpooledSheet, SpoolingSheetBuilder};

const KEY_HEADING: &str = "Lösungen / Answer key";
const GLOSSARY_HEADING: &str = "Glossar / Glossary";

/// The instructions of a section, German and English.
pub(crate) fn instructions(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Vocab => (
            "Setzen Sie das fehlende Wort in der passenden Form ein. Die Angabe in Klammern \
             hilft. Wo Antworten zur Auswahl stehen, ist genau eine richtig.",
            "Fill in the missing word in its correct form; the note in brackets helps. Where \
             options are given, exactly one is right.",
        ),
        Kind::Articles => (
            "Setzen Sie den Artikel in der passenden Form ein.",
            "Fill in the article in its correct form.",
        ),
        Kind::Endings => (
            "Ergänzen Sie die Endung des Adjektivs.",
            "Add the adjective's ending.",
        ),
    }
}

/// The gender-and-plural drill's heading and instructions, German and English.
pub(crate) const NOUNS_HEADING: (&str, &str) = ("Genus und Plural", "Gender and plural");
pub(crate) const NOUNS_INSTRUCTIONS: (&str, &str) = (
    "Schreiben Sie den Artikel (der, die, das) und den Plural.",
    "Write the article (der, die, das) and the plural.",
);

/// The sections of a sheet in order, each with its letter: the kinds that have items, then
/// the gender-and-plural drill (`None`) when it has nouns.
pub(crate) fn sections(sheet: &(impl SheetView + ?Sized)) -> Vec<(char, Option<Kind>)> {
    let mut out: Vec<Option<Kind>> = Kind::ALL
        .into_iter()
        .filter(|k| sheet.has_items_of(*k))
        .map(Some)
        .collect();
    if sheet.noun_count() > 0 {
        out.push(None);
    }
    out.into_iter()
        .enumerate()
        .map(|(i, k)| (char::from(b'A' + i as u8), k))
        .collect()
}

/// The sheet's heading: `Lückentext: <title>`, or `Lückentext` when no title is known.
pub(crate) fn heading(sheet: &(impl SheetView + ?Sized)) -> String {
    if sheet.title().is_empty() {
        "Lückentext".to_owned()
    } else {
        format!("Lückentext: {}", sheet.title())
    }
}

/// `Quelle: <source> · <date>`, or `None` when neither is known.
pub(crate) fn source_line(sheet: &(impl SheetView + ?Sized)) -> Option<String> {
    let parts: Vec<&str> = [Some(sheet.source()), sheet.date()]
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty()).then(|| format!("Quelle: {}", parts.join(" · ")))
}

/// `der Kartellgericht`-style line of the noun drill's key: `das Kartellgericht, die
/// Kartellgerichte`.
pub(crate) fn noun_key(n: &NounDrill) -> String {
    format!("{} {}, die {}", n.article, n.lemma, n.plural)
}

/// A glossary line: `die Lieferkette, -n — supply chain`.
pub(crate) fn glossary_line(g: &GlossaryEntry) -> String {
    match &g.plural {
        Some(p) => format!("{}, {p} — {}", g.headword, g.meaning),
        None => format!("{} — {}", g.headword, g.meaning),
    }
}

/// An output format for a worksheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text: numbered items, choices on the line below, answer key at the end.
    Text,
    /// A printable Markdown worksheet: title, instructions, items, rule + page break, key.
    Markdown,
    /// `{"title", "items": [ClozeItem…]}` as pretty-printed JSON.
    Json,
    /// One self-contained, printable and interactive HTML page.
    Html,
}

impl Format {
    /// All formats, in the order they are documented.
    pub const ALL: [Format; 4] = [Format::Text, Format::Markdown, Format::Json, Format::Html];

    /// The format's name as given on the command line (`text`, `markdown`, `json`, `html`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Html => "html",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Html => "html",
        }
    }
}

impl FromStr for Format {
    type Err = Error;

    /// Parses a format name; `txt` and `md` are accepted too, case does not matter.
    fn from_str(s: &str) -> Result<Format, Error> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(Format::Text),
            "markdown" | "md" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            "html" | "htm" => Ok(Format::Html),
            _ => Err(ErrorKind::InvalidOption(format!(
                "unknown worksheet format {s:?} (expected text, markdown, json or html)"
            ))
            .into()),
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The worksheet in `format`, as a string.
pub fn render(sheet: &Worksheet, format: Format) -> String {
    match format {
        Format::Text => to_text(sheet),
        Format::Markdown => to_markdown(sheet),
        Format::Json => to_json(sheet),
        Format::Html => to_html(sheet),
    }
}

/// Write the worksheet in `format` to `out`.
pub fn write(sheet: &Worksheet, format: Format, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(render(sheet, format).as_bytes())
}

/// What the text, Markdown and JSON writers read of a worksheet: a [`Worksheet`] in memory, or
/// one whose items and drills wait in temporary files ([`SpooledSheet`]), read
/// item by item (twice: the items, then the answer key).
pub trait SheetView {
    /// [`Worksheet::title`].
    fn title(&self) -> &str;
    /// [`Worksheet::source`].
    fn source(&self) -> &str;
    /// [`Worksheet::date`].
    fn date(&self) -> Option<&str>;
    /// Number of items.
    fn item_count(&self) -> usize;
    /// Whether there are items of `kind`.
    fn has_items_of(&self, kind: Kind) -> bool;
    /// Number of nouns in the gender-and-plural drill.
    fn noun_count(&self) -> usize;
    /// Digits of the largest item or noun number (at least 1).
    fn number_width(&self) -> usize;
    /// The items of `kind` in order.
    fn items(&self, kind: Kind) -> Box<dyn Iterator<Item = io::Result<Cow<'_, ClozeItem>>> + '_>;
    /// The nouns of the gender-and-plural drill in order.
    fn nouns(&self) -> Box<dyn Iterator<Item = io::Result<Cow<'_, NounDrill>>> + '_>;
    /// [`Worksheet::glossary`].
    fn glossary(&self) -> &[GlossaryEntry];
}

impl SheetView for Worksheet {
    fn title(&self) -> &str {
        &self.title
    }

    fn source(&self) -> &str {
        &self.source
    }

    fn date(&self) -> Option<&str> {
        self.date.as_deref()
    }

    fn item_count(&self) -> usize {
        self.items.len()
    }

    fn has_items_of(&self, kind: Kind) -> bool {
        self.items.iter().any(|i| i.kind == kind)
    }

    fn noun_count(&self) -> usize {
        self.nouns.len()
    }

    fn number_width(&self) -> usize {
        self.items
            .iter()
            .map(|i| i.id)
            .chain(self.nouns.iter().map(|n| n.id))
            .map(|id| id.to_string().len())
            .max()
            .unwrap_or(1)
    }

    fn items(&self, kind: Kind) -> Box<dyn Iterator<Item = io::Result<Cow<'_, ClozeItem>>> + '_> {
        Box::new(self.items_of(kind).map(|i| Ok(Cow::Borrowed(i))))
    }

    fn nouns(&self) -> Box<dyn Iterator<Item = io::Result<Cow<'_, NounDrill>>> + '_> {
        Box::new(self.nouns.iter().map(|n| Ok(Cow::Borrowed(n))))
    }

    fn glossary(&self) -> &[GlossaryEntry] {
        &self.glossary
    }
}

/// Writes the worksheet `sheet` in `format` to `out` as it reads it: what [`write()`] writes
/// for the same sheet in memory. The HTML page needs the whole [`Worksheet`]: for
/// [`Format::Html`] this is an error of kind [`io::ErrorKind::Unsupported`].
pub fn write_view(
    sheet: &(impl SheetView + ?Sized),
    format: Format,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Text => write_text(sheet, out),
        Format::Markdown => write_markdown(sheet, out),
        Format::Json => write_json(sheet, out),
        Format::Html => Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "the HTML worksheet is written from a worksheet in memory",
        )),
    }
}

/// `text` with every line indented by `by` spaces (the JSON of a nested value: its strings
/// hold no line breaks).
fn indent_lines(text: &str, by: usize, out: &mut dyn Write) -> io::Result<()> {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        write!(out, "{:by$}{line}", "")?;
    }
    Ok(())
}

/// The field `key` holding the array of `values`, as `serde_json::to_string_pretty` writes it
/// in an object at the top level.
fn json_array<T: serde::Serialize>(
    key: &str,
    values: impl Iterator<Item = io::Result<T>>,
    out: &mut dyn Write,
) -> io::Result<()> {
    write!(out, "  {}: [", serde_json::to_string(key)?)?;
    let mut any = false;
    for v in values {
        out.write_all(if any { b",\n" } else { b"\n" })?;
        indent_lines(&serde_json::to_string_pretty(&v?)?, 4, out)?;
        any = true;
    }
    out.write_all(if any { b"\n  ]" } else { b"]" })
}

/// A string field of the top-level object, as `serde_json::to_string_pretty` writes it.
fn json_field(out: &mut dyn Write, key: &str, value: &str) -> io::Result<()> {
    writeln!(
        out,
        "  {}: {},",
        serde_json::to_string(key)?,
        serde_json::to_string(value)?
    )
}

/// [`to_json`], item by item.
fn write_json(sheet: &(impl SheetView + ?Sized), out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"{\n")?;
    json_field(out, "title", sheet.title())?;
    json_field(out, "source", sheet.source())?;
    if let Some(date) = sheet.date() {
        json_field(out, "date", date)?;
    }
    let items = Kind::ALL.into_iter().flat_map(|k| sheet.items(k));
    json_array("items", items, out)?;
    out.write_all(b",\n")?;
    json_array("nouns", sheet.nouns(), out)?;
    out.write_all(b",\n")?;
    json_array("glossary", sheet.glossary().iter().map(Ok), out)?;
    out.write_all(b"\n}\n")
}

/// The text before and after the gap of `item`: from `sentence` split at `[start, end)` when
/// those offsets are valid, else from `prompt` split at [`GAP`].
pub fn gap_parts(item: &ClozeItem) -> (&str, &str) {
    let s = &item.sentence;
    if item.start <= item.end
        && item.end <= s.len()
        && s.is_char_boundary(item.start)
        && s.is_char_boundary(item.end)
        && item.start < item.end
    {
        return (&s[..item.start], &s[item.end..]);
    }
    match item.prompt.split_once(GAP) {
        Some((before, after)) => (before, after),
        None => (item.prompt.as_str(), ""),
    }
}

/// Dictionary form for the answer key: `[article ]lemma[ · gloss]`, or empty when it would only
/// repeat the answer; for a drill the completed phrase (`der wirtschaftlichen Sicherheit`).
pub(crate) fn dictionary_entry(item: &ClozeItem) -> String {
    if item.kind != Kind::Vocab {
        return drill_phrase(item);
    }
    let article = item.article.as_deref().filter(|a| !a.is_empty());
    let gloss = item.gloss.as_deref().filter(|g| !g.is_empty());
    if item.lemma.is_empty() || (item.lemma == item.answer && article.is_none() && gloss.is_none())
    {
        return String::new();
    }
    let mut s = String::new();
    if let Some(a) = article {
        s.push_str(a);
        s.push(' ');
    }
    s.push_str(&item.lemma);
    if let Some(g) = gloss {
        s.push_str(" · ");
        s.push_str(g);
    }
    s
}

/// `b) ` for a multiple-choice item, empty otherwise.
pub(crate) fn answer_letter(item: &ClozeItem) -> String {
    correct_choice(item)
        .map(|i| format!("{}) ", choice_letter(i)))
        .unwrap_or_default()
}

pub(crate) fn count_label(n: usize) -> String {
    if n == 1 {
        "1 Aufgabe / 1 item".to_string()
    } else {
        format!("{n} Aufgaben / {n} items")
    }
}

/// Plain text: a title block, then a section per kind (instructions, numbered items, `_____
/// (hint)`, choices lettered on the next line), the gender-and-plural drill, and after a rule
/// the answer key and the glossary.
pub fn to_text(sheet: &Worksheet) -> String {
    let mut out = Vec::new();
    write_text(sheet, &mut out).expect("writing to memory does not fail");
    String::from_utf8(out).expect("the writers write UTF-8")
}

fn write_text(sheet: &(impl SheetView + ?Sized), s: &mut dyn Write) -> io::Result<()> {
    let heading = heading(sheet);
    writeln!(s, "{heading}")?;
    if let Some(src) = source_line(sheet) {
        writeln!(s, "{src}")?;
    }
    writeln!(s, "Cloze exercise · {}", count_label(sheet.item_count()))?;
    writeln!(s, "{}", "=".repeat(heading.chars().count().clamp(20, 72)))?;
    let width = sheet.number_width();
    for (letter, kind) in sections(sheet) {
        writeln!(s)?;
        let ((de, en), (ide, ien)) = match kind {
            Some(k) => (k.heading(), instructions(k)),
            None => (NOUNS_HEADING, NOUNS_INSTRUCTIONS),
        };
        writeln!(s, "{letter}. {de} / {en}")?;
        writeln!(s, "{ide}")?;
        writeln!(s, "{ien}")?;
        let Some(kind) = kind else {
            for n in sheet.nouns() {
                let n = n?;
                writeln!(s)?;
                writeln!(s, "{:>width$}. {GAP} {} — die {GAP}", n.id, n.lemma)?;
            }
            continue;
        };
        for item in sheet.items(kind) {
            let item = item?;
            let item = item.as_ref();
            let (before, after) = gap_parts(item);
            let hint = if item.hint.is_empty() {
                String::new()
            } else {
                format!(" ({})", item.hint)
            };
            writeln!(s)?;
            writeln!(s, "{:>width$}. {before}{GAP}{hint}{after}", item.id)?;
            if !item.choices.is_empty() {
                let choices: Vec<String> = item
                    .choices
                    .iter()
                    .enumerate()
                    .map(|(i, c)| format!("{}) {c}", choice_letter(i)))
                    .collect();
                writeln!(s, "{:width$}  {}", "", choices.join("   "))?;
            }
        }
    }
    writeln!(s)?;
    writeln!(s, "{}", "-".repeat(60))?;
    writeln!(s, "{KEY_HEADING}")?;
    for (letter, kind) in sections(sheet) {
        writeln!(s)?;
        let de = kind.map_or(NOUNS_HEADING.0, |k| k.heading().0);
        writeln!(s, "{letter}. {de}")?;
        let Some(kind) = kind else {
            for n in sheet.nouns() {
                let n = n?;
                writeln!(s, "{:>width$}. {}", n.id, noun_key(&n))?;
            }
            continue;
        };
        for item in sheet.items(kind) {
            let item = item?;
            let item = item.as_ref();
            let dict = dictionary_entry(item);
            let dict = if dict.is_empty() {
                dict
            } else {
                format!("  ({dict})")
            };
            let _ = writeln!(
                s,
                "{:>width$}. {}{}{dict}",
                item.id,
                answer_letter(item),
                item.answer
            );
        }
    }
    if !sheet.glossary().is_empty() {
        writeln!(s)?;
        writeln!(s, "{}", "-".repeat(60))?;
        writeln!(s, "{GLOSSARY_HEADING}")?;
        writeln!(s)?;
        for g in sheet.glossary() {
            writeln!(s, "{}", glossary_line(g))?;
        }
    }
    Ok(())
}

/// A printable Markdown worksheet: title, a section per kind with instructions and numbered
/// items (gap and hint, lettered choices), the gender-and-plural drill, then a horizontal
/// rule, a page break, the answer key ("Lösungen") and the glossary.
pub fn to_markdown(sheet: &Worksheet) -> String {
    let mut out = Vec::new();
    write_markdown(sheet, &mut out).expect("writing to memory does not fail");
    String::from_utf8(out).expect("the writers write UTF-8")
}

fn write_markdown(sheet: &(impl SheetView + ?Sized), s: &mut dyn Write) -> io::Result<()> {
    writeln!(s, "# {}", escape_markdown(&heading(sheet)))?;
    writeln!(s)?;
    if let Some(src) = source_line(sheet) {
        writeln!(s, "{}  ", escape_markdown(&src))?;
    }
    writeln!(s, "*Cloze exercise · {}*", count_label(sheet.item_count()))?;
    for (letter, kind) in sections(sheet) {
        let ((de, en), (ide, ien)) = match kind {
            Some(k) => (k.heading(), instructions(k)),
            None => (NOUNS_HEADING, NOUNS_INSTRUCTIONS),
        };
        writeln!(s)?;
        writeln!(s, "## {letter}. {de} / *{en}*")?;
        writeln!(s)?;
        writeln!(s, "> **Aufgabe:** {ide}  ")?;
        writeln!(s, "> *Task: {ien}*")?;
        let Some(kind) = kind else {
            writeln!(s)?;
            for n in sheet.nouns() {
                let n = n?;
                let _ = writeln!(
                    s,
                    "{}. {GAP} {} — die {GAP}",
                    n.id,
                    escape_markdown(&n.lemma)
                );
            }
            continue;
        };
        for item in sheet.items(kind) {
            let item = item?;
            let item = item.as_ref();
            let (before, after) = gap_parts(item);
            let hint = if item.hint.is_empty() {
                String::new()
            } else {
                format!(" *({})*", escape_markdown(&item.hint))
            };
            writeln!(s)?;
            let _ = writeln!(
                s,
                "{}. {}{GAP}{hint}{}",
                item.id,
                escape_markdown(before),
                escape_markdown(after)
            );
            if !item.choices.is_empty() {
                let choices: Vec<String> = item
                    .choices
                    .iter()
                    .enumerate()
                    .map(|(i, c)| format!("**{})** {}", choice_letter(i), escape_markdown(c)))
                    .collect();
                writeln!(s)?;
                writeln!(s, "   {}", choices.join(" · "))?;
            }
        }
    }
    writeln!(s)?;
    writeln!(s, "---")?;
    writeln!(s)?;
    writeln!(s, "<div style=\"page-break-before: always\"></div>")?;
    writeln!(s)?;
    writeln!(s, "## {KEY_HEADING}")?;
    for (letter, kind) in sections(sheet) {
        let de = kind.map_or(NOUNS_HEADING.0, |k| k.heading().0);
        writeln!(s)?;
        writeln!(s, "### {letter}. {de}")?;
        writeln!(s)?;
        let Some(kind) = kind else {
            for n in sheet.nouns() {
                let n = n?;
                writeln!(s, "{}. **{}**", n.id, escape_markdown(&noun_key(&n)))?;
            }
            continue;
        };
        for item in sheet.items(kind) {
            let item = item?;
            let item = item.as_ref();
            let letter = escape_markdown(&answer_letter(item));
            let dict = dictionary_entry(item);
            let dict = if dict.is_empty() {
                dict
            } else {
                format!(" — {}", escape_markdown(&dict))
            };
            let _ = writeln!(
                s,
                "{}. **{letter}{}**{dict}",
                item.id,
                escape_markdown(&item.answer)
            );
        }
    }
    if !sheet.glossary().is_empty() {
        writeln!(s)?;
        writeln!(s, "## {GLOSSARY_HEADING}")?;
        writeln!(s)?;
        for g in sheet.glossary() {
            writeln!(s, "- {}", escape_markdown(&glossary_line(g)))?;
        }
    }
    Ok(())
}

/// The worksheet as pretty-printed JSON: `{"title", "source", ["date",] "items": [{"id",
/// "kind", "sentence", "prompt", "answer", "lemma", "hint", "choices", "sentence_index",
/// "start", "end", "source_start", "source_end"}, …], "nouns": [{"id", "lemma", "article",
/// "plural", "gloss"}, …], "glossary": [{"lemma", "headword", "plural", "meaning"}, …]}`,
/// with a final newline.
pub fn to_json(sheet: &Worksheet) -> String {
    let mut s = serde_json::to_string_pretty(sheet).expect("a worksheet is plain data");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::escape::html_escape;
    use serde_json::Value;

    const FIXTURE: &str = include_str!("../../../tests/fixtures/cloze/seed-worksheet.json");

    /// The hand-built worksheet of `tests/fixtures/cloze/seed-worksheet.json`.
    fn seed_sheet() -> Worksheet {
        serde_json::from_str(FIXTURE).unwrap()
    }

    /// An item whose text is full of characters that mean something in HTML and Markdown.
    fn nasty_item(id: usize) -> ClozeItem {
        let sentence = "Er sagte: „A & B <b>fett</b>“ und 'x' \"y\" </script><!-- *_[x]_* weiter.";
        let answer = "B";
        let start = sentence.find(answer).unwrap();
        ClozeItem {
            id,
            kind: Kind::Vocab,
            sentence: sentence.into(),
            prompt: format!("{}{GAP}{}", &sentence[..start], &sentence[start + 1..]),
            answer: answer.into(),
            lemma: "B".into(),
            hint: "<i>&</i>".into(),
            choices: vec![
                "</script><script>alert(1)</script>".into(),
                "B".into(),
                "\"q\" & 'r'".into(),
            ],
            sentence_index: 0,
            start,
            end: start + 1,
            source_start: start,
            source_end: start + 1,
            gloss: None,
            article: None,
        }
    }

    #[test]
    fn fixture_is_consistent() {
        let sheet = seed_sheet();
        assert!(sheet.items.len() >= 6);
        let mc = sheet.items.iter().filter(|i| !i.choices.is_empty()).count();
        assert!(mc >= 2 && mc < sheet.items.len());
        for item in &sheet.items {
            assert_eq!(&item.sentence[item.start..item.end], item.answer);
            let (b, a) = gap_parts(item);
            assert_eq!(format!("{b}{GAP}{a}"), item.prompt);
            if !item.choices.is_empty() {
                assert_eq!(
                    item.choices.iter().filter(|c| **c == item.answer).count(),
                    1
                );
            }
        }
    }

    #[test]
    fn format_names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>().unwrap(), f);
            assert_eq!(f.to_string(), f.name());
        }
        assert_eq!("MD".parse::<Format>().unwrap(), Format::Markdown);
        let e = "pdf".parse::<Format>().unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::InvalidOption(_)), "{e}");
        assert!(e.to_string().contains("html"), "{e}");
    }

    #[test]
    fn gap_parts_prefers_offsets_and_falls_back_to_prompt() {
        let sheet = seed_sheet();
        let item = &sheet.items[0];
        assert_eq!(
            gap_parts(item),
            ("Japan ist bereits der engste asiatische ", " der USA.")
        );
        let mut broken = item.clone();
        broken.start = 41; // inside nothing useful, but a char boundary…
        broken.end = 10_000; // …and an end past the sentence: use the prompt.
        assert_eq!(gap_parts(&broken), gap_parts(item));
        // "ü" of Verbündete is the two bytes 44..46: 45 is not a char boundary.
        broken.start = 45;
        broken.end = 47;
        assert_eq!(gap_parts(&broken), gap_parts(item));
    }

    #[test]
    fn fixture_has_every_part() {
        let sheet = seed_sheet();
        for k in Kind::ALL {
            assert!(sheet.items_of(k).count() >= 2, "{k:?}");
        }
        assert_eq!(sheet.nouns.len(), 3);
        assert_eq!(sheet.glossary.len(), 5);
        let s: Vec<(char, Option<Kind>)> = sections(&sheet);
        assert_eq!(
            s,
            [
                ('A', Some(Kind::Vocab)),
                ('B', Some(Kind::Articles)),
                ('C', Some(Kind::Endings)),
                ('D', None)
            ]
        );
        // the JSON reads back as it was written
        let again: Worksheet = serde_json::from_str(&to_json(&sheet)).unwrap();
        let strip = |w: &Worksheet| {
            let mut w = w.clone();
            for i in &mut w.items {
                i.gloss = None;
                i.article = None;
            }
            w
        };
        assert_eq!(strip(&again), strip(&sheet));
    }

    #[test]
    fn text_sections_gaps_choices_key_and_glossary() {
        let sheet = seed_sheet();
        let text = to_text(&sheet);
        assert!(
            text.starts_with(&format!(
                "Lückentext: {}\nQuelle: japan-usa-wirtschaftssicherheit.txt · 22.01.2022\n",
                sheet.title
            )),
            "{text}"
        );
        let (de, en) = instructions(Kind::Vocab);
        assert!(text.contains(&format!("\nA. Wortschatz / Vocabulary\n{de}\n{en}\n")));
        assert!(text.contains("\nB. Artikel / Articles\n"));
        assert!(text.contains("\nC. Adjektivendungen / Adjective endings\n"));
        assert!(text.contains("\nD. Genus und Plural / Gender and plural\n"));
        assert!(
            text.contains(
                "\n 1. Japan ist bereits der engste asiatische _____ (der · ally) der USA.\n"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "\n 2. Der Hintergrund der neuen Gespräche ist die wachsende Sorge vor Chinas \
                 militärischem und wirtschaftlichen _____ (der · influence).\n    \
                 a) Einflüssen   b) Einfluss   c) Einflusses   d) Einflüsse\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("\n 9. Die USA und Japan wollen im Bereich _____ (bestimmter Artikel) wirtschaftlichen Sicherheit"),
            "{text}"
        );
        assert!(
            text.contains("\n11. Der Trend zu wirtschaftlich_____ (Endung) Zusammenarbeit"),
            "{text}"
        );
        assert!(
            text.contains("\n 2. _____ Regierung — die _____\n"),
            "{text}"
        );
        // Every item once, numbered, with exactly one gap.
        let (items, rest) = text.split_once(KEY_HEADING).expect("answer key");
        for item in &sheet.items {
            let line = items
                .lines()
                .find(|l| l.starts_with(&format!("{:>2}. ", item.id)))
                .unwrap();
            assert_eq!(line.matches(GAP).count(), 1, "{line}");
        }
        assert!(items.trim_end().ends_with(&"-".repeat(60)));
        let (key, glossary) = rest.split_once(GLOSSARY_HEADING).expect("glossary");
        assert!(
            key.contains("\n 1. Verbündete  (der Verbündete · ally)\n"),
            "{key}"
        );
        assert!(
            key.contains("\n 2. b) Einfluss  (der Einfluss · influence)\n"),
            "{key}"
        );
        assert!(key.contains("\n 7. d) Forscher"), "{key}");
        assert!(
            key.contains(
                "\n 9. b) der  (der wirtschaftlichen Sicherheit)\n10. ein  (ein loser Staatenbund)\n"
            ),
            "{key}"
        );
        assert!(
            key.contains("\n 2. die Regierung, die Regierungen\n"),
            "{key}"
        );
        for item in &sheet.items {
            assert!(key.contains(&item.answer), "{}", item.answer);
        }
        assert!(
            glossary.contains("\ndie Lieferkette, -n — supply chain\n"),
            "{glossary}"
        );
        assert!(
            glossary.ends_with("zusammenarbeiten — to cooperate\n"),
            "{glossary}"
        );
    }

    #[test]
    fn text_without_title_hint_or_lemma_extras() {
        let mut sheet = seed_sheet();
        sheet.title.clear();
        sheet.date = None;
        sheet.glossary.clear();
        sheet.nouns.clear();
        let item = &mut sheet.items[4];
        item.hint.clear();
        item.gloss = None;
        item.article = None;
        let text = to_text(&sheet);
        assert!(
            text.starts_with("Lückentext\nQuelle: japan-usa-wirtschaftssicherheit.txt\n"),
            "{text}"
        );
        assert!(
            text.contains("\n 5. Ein Aspekt ist dabei, die _____ von China"),
            "{text}"
        );
        assert!(!text.contains("Genus und Plural") && !text.contains(GLOSSARY_HEADING));
        assert!(
            text.contains("\n 5. Abhängigkeit\n 6. großen  (groß · large)\n"),
            "{text}"
        );
        assert!(
            text.ends_with(
                "\n11. er  (wirtschaftlicher Zusammenarbeit)\n12. c) en  (geostrategischen Aspekt)\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn markdown_is_a_printable_worksheet() {
        let sheet = seed_sheet();
        let md = to_markdown(&sheet);
        assert!(
            md.starts_with(&format!(
                "# Lückentext: {}\n\nQuelle: japan-usa-wirtschaftssicherheit.txt · 22.01.2022  \n",
                sheet.title
            )),
            "{md}"
        );
        assert!(md.contains("## A. Wortschatz / *Vocabulary*\n\n> **Aufgabe:**"));
        assert!(md.contains("## D. Genus und Plural / *Gender and plural*"));
        assert!(
            md.contains(
                "1. Japan ist bereits der engste asiatische _____ *(der · ally)* der USA.\n"
            ),
            "{md}"
        );
        assert!(
            md.contains(
                "   **a)** Einflüssen · **b)** Einfluss · **c)** Einflusses · **d)** Einflüsse\n"
            ),
            "{md}"
        );
        // Item 7 has "&" and "<…>": escaped so Markdown shows them literally.
        assert!(
            md.contains("7. „Wenn japanische \\& amerikanische _____ *(der · researcher)* ihre \\<Stärken\\> zum"),
            "{md}"
        );
        let rule = md.find("\n---\n").expect("horizontal rule");
        let brk = md.find("page-break-before: always").expect("page break");
        let key = md.find("## Lösungen / Answer key").expect("key heading");
        let glossary = md.find("## Glossar / Glossary").expect("glossary heading");
        assert!(rule < brk && brk < key && key < glossary);
        assert!(md[..rule].contains("8. Zudem hat Japan"));
        assert!(md[..rule].contains("3. _____ Bündnis — die _____\n"));
        assert!(
            md[key..].contains("\n2. **b) Einfluss** — der Einfluss · influence\n"),
            "{md}"
        );
        assert!(
            md[key..].contains("\n6. **großen** — groß · large\n"),
            "{md}"
        );
        assert!(
            md[key..].contains("\n3. **das Bündnis, die Bündnisse**\n"),
            "{md}"
        );
        assert!(
            md[glossary..].contains("\n- der Verbündete, -n — ally\n"),
            "{md}"
        );
        assert_eq!(
            escape_markdown("a*b_c<d>&[e]`f`\\"),
            "a\\*b\\_c\\<d\\>\\&\\[e\\]\\`f\\`\\\\"
        );
    }

    #[test]
    fn json_has_exactly_the_item_fields() {
        let sheet = seed_sheet();
        let v: Value = serde_json::from_str(&to_json(&sheet)).unwrap();
        let top: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            top,
            ["date", "glossary", "items", "nouns", "source", "title"]
        );
        let items = v["items"].as_array().unwrap();
        assert_eq!(items.len(), sheet.items.len());
        let want = [
            "answer",
            "choices",
            "end",
            "hint",
            "id",
            "kind",
            "lemma",
            "prompt",
            "sentence",
            "sentence_index",
            "source_end",
            "source_start",
            "start",
        ];
        for (j, item) in items.iter().zip(&sheet.items) {
            let mut keys: Vec<&str> = j.as_object().unwrap().keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(keys, want);
            assert_eq!(j["kind"].as_str().unwrap(), item.kind.as_str());
            let sentence = j["sentence"].as_str().unwrap();
            let (start, end) = (
                j["start"].as_u64().unwrap() as usize,
                j["end"].as_u64().unwrap() as usize,
            );
            let answer = j["answer"].as_str().unwrap();
            assert_eq!(&sentence[start..end], answer);
            assert_eq!(
                j["prompt"].as_str().unwrap(),
                format!("{}{GAP}{}", &sentence[..start], &sentence[end..])
            );
            let choices: Vec<&str> = j["choices"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap())
                .collect();
            if !choices.is_empty() {
                assert_eq!(choices.iter().filter(|c| **c == answer).count(), 1);
            }
            assert_eq!(j["id"].as_u64().unwrap() as usize, item.id);
            assert_eq!(j["lemma"].as_str().unwrap(), item.lemma);
            assert_eq!(j["hint"].as_str().unwrap(), item.hint);
            assert_eq!(
                j["sentence_index"].as_u64().unwrap() as usize,
                item.sentence_index
            );
        }
        let noun_keys: Vec<&str> = v["nouns"][0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(noun_keys, ["article", "gloss", "id", "lemma", "plural"]);
        let glossary_keys: Vec<&str> = v["glossary"][0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(glossary_keys, ["headword", "lemma", "meaning", "plural"]);
        assert!(to_json(&sheet).ends_with("}\n"));
    }

    /// The checker's JSON block of a page and its decoded secret part.
    fn checker_data(html: &str) -> (Value, Value) {
        let start = html.find("id=\"kernsatz-answers\">").unwrap() + 22;
        let end = start + html[start..].find("</script>").unwrap();
        let data: Value = serde_json::from_str(&html[start..end]).unwrap();
        let secret = decode_secret(data["secret"].as_str().unwrap()).expect("decodes");
        (data.clone(), serde_json::from_str(&secret).unwrap())
    }

    #[test]
    fn html_escapes_everything_user_provided() {
        let mut sheet = seed_sheet();
        sheet.title = "Titel <script>alert('t')</script> & „Zitat“".into();
        sheet.items.push(nasty_item(13));
        let html = to_html(&sheet);
        assert!(html.contains(
            "<h1>Lückentext: Titel &lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &amp; „Zitat“</h1>"
        ));
        assert!(!html.contains("<script>alert"), "raw script from data");
        assert!(!html.contains("<b>fett"), "raw tag from data");
        assert!(
            html.contains("„A &amp; <span class=\"gap\">"),
            "before the gap is escaped"
        );
        assert!(html.contains("&lt;b&gt;fett&lt;/b&gt;“ und &#39;x&#39; &quot;y&quot; &lt;/script&gt;&lt;!-- *_[x]_* weiter."));
        assert!(html.contains("(&lt;i&gt;&amp;&lt;/i&gt;)"), "hint escaped");
        assert!(
            html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
            "choice escaped"
        );
        assert!(html.contains("&quot;q&quot; &amp; &#39;r&#39;"));
        // Item 7 of the fixture: & and <Stärken>.
        assert!(html.contains("„Wenn japanische &amp; amerikanische "));
        assert!(html.contains(" ihre &lt;Stärken&gt; zum Tragen"));
        // The JSON block cannot end its script element early: it holds no "</" and no "<!--",
        // and outside it there are exactly the page's own two scripts.
        let start = html.find("id=\"kernsatz-answers\">").unwrap() + 22;
        let end = start + html[start..].find("</script>").unwrap();
        let block = &html[start..end];
        assert!(!block.contains("</") && !block.contains("<!--"), "{block}");
        assert_eq!(
            block.matches('<').count(),
            block.matches("<\\/").count(),
            "{block}"
        );
        let outside = format!("{}{}", &html[..start], &html[end..]);
        assert_eq!(outside.matches("<script").count(), 2);
        assert_eq!(html.matches("</script>").count(), 2);
        assert!(block.contains("<\\/script>"), "{block}");
        let (data, secret) = checker_data(&html);
        let last = &data["items"][12];
        assert_eq!(last["choices"][0], "</script><script>alert(1)</script>");
        assert_eq!(last["kind"], "vocab");
        assert_eq!(secret["items"][12]["answer"], "B");
        assert_eq!(secret["items"][12]["correct"], 1);
        assert_eq!(secret["items"][0]["correct"], Value::Null);
        assert_eq!(secret["items"][1]["correct"], 1);
        assert_eq!(secret["items"][1]["answer"], "Einfluss");
        assert_eq!(
            html_escape("<a href=\"x\">&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn html_is_self_contained() {
        let html = to_html(&seed_sheet());
        for needle in [
            "http://",
            "https://",
            "src=",
            "href=",
            "@import",
            "url(",
            "<link",
            "<img",
            "<iframe",
            "fetch(",
            "XMLHttpRequest",
            "localStorage",
        ] {
            assert!(!html.contains(needle), "{needle} in the page");
        }
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"de\">"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
    }

    #[test]
    fn html_answers_are_not_in_the_source() {
        let sheet = seed_sheet();
        let html = to_html(&sheet);
        assert!(!html.contains("is-answer\""), "no option is marked");
        assert!(!html.contains("is-answer\">"));
        // the typed vocabulary answers show nowhere (the fixture's sentences do not repeat them)
        for item in sheet.items_of(Kind::Vocab).filter(|i| i.choices.is_empty()) {
            let visible = html.replace(&item.sentence, "");
            assert!(!visible.contains(&item.answer), "{}", item.answer);
        }
        // the page without the sentences' text: what may show an answer by the article's words
        let mut rest = html.clone();
        for item in &sheet.items {
            let (before, after) = gap_parts(item);
            rest = rest
                .replace(&html_escape(before), "")
                .replace(&html_escape(after), "");
        }
        for n in sheet.nouns.iter().filter(|n| n.plural != n.lemma) {
            assert!(!rest.contains(&n.plural), "{}", n.plural);
        }
        for g in &sheet.glossary {
            let line = html_escape(&glossary_line(g));
            assert!(!rest.contains(&line), "{line}");
        }
        // but the checker has them
        let (_, secret) = checker_data(&html);
        let answers: Vec<&str> = secret["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["answer"].as_str().unwrap())
            .collect();
        let want: Vec<&str> = sheet.items.iter().map(|i| i.answer.as_str()).collect();
        assert_eq!(answers, want);
        assert_eq!(secret["nouns"][1]["plural"], "Regierungen");
        assert_eq!(secret["glossary"][2], "die Lieferkette, -n — supply chain");
        // the key lists every item and noun, in order, with letters for multiple choice
        let key = secret["key"].as_array().unwrap();
        assert_eq!(key.len(), sheet.items.len() + sheet.nouns.len());
        for (k, item) in key.iter().zip(&sheet.items) {
            assert_eq!(
                k["answer"].as_str().unwrap(),
                format!("{}{}", answer_letter(item), item.answer)
            );
        }
        assert_eq!(key[0]["section"], "A. Wortschatz");
        assert_eq!(key[12]["answer"], "der Gipfel, die Gipfel");
        // the right word in another form is recognised (typed vocabulary items)
        assert!(
            secret["items"][2]["forms"]
                .as_array()
                .unwrap()
                .contains(&Value::from("lieferkette"))
        );
    }

    #[test]
    fn html_structure_inputs_radios_sections_and_print_css() {
        let sheet = seed_sheet();
        let html = to_html(&sheet);
        assert!(html.contains(
            "<p class=\"source\">Quelle: japan-usa-wirtschaftssicherheit.txt · 22.01.2022</p>"
        ));
        for (part, title) in [
            ("vocab", "A. Wortschatz"),
            ("articles", "B. Artikel"),
            ("endings", "C. Adjektivendungen"),
            ("nouns", "D. Genus und Plural"),
        ] {
            assert!(
                html.contains(&format!(
                    "<h2 class=\"part-title\" id=\"part-{part}-title\">{title} "
                )),
                "{part}"
            );
        }
        for item in &sheet.items {
            let id = item.id;
            assert!(html.contains(&format!("<li class=\"item\" id=\"item-{id}\"")));
            if item.choices.is_empty() {
                assert!(html.contains(&format!("<label class=\"vh\" for=\"gap-{id}\">Lücke {id}</label><input class=\"gap-input\" type=\"text\" id=\"gap-{id}\"")));
                assert!(!html.contains(&format!("name=\"gap-{id}\" value=")));
            } else {
                assert_eq!(
                    html.matches(&format!("type=\"radio\" name=\"gap-{id}\""))
                        .count(),
                    item.choices.len()
                );
                assert!(html.contains(&format!(
                    "<legend class=\"vh\">Lücke {id}: Auswahl</legend>"
                )));
            }
            assert!(html.contains(&format!(
                "id=\"hint-{id}\">({})</span>",
                html_escape(&item.hint)
            )));
        }
        for n in &sheet.nouns {
            let id = n.id;
            assert!(html.contains(&format!("<li class=\"item noun\" id=\"noun-{id}\"")));
            assert_eq!(
                html.matches(&format!("type=\"radio\" name=\"article-{id}\""))
                    .count(),
                3
            );
            assert!(html.contains(&format!("id=\"plural-{id}\"")));
            assert!(html.contains(&format!("<span class=\"lemma\">{}</span>", n.lemma)));
        }
        // The gap sits inside the sentence, between the text before and after it.
        assert!(html.contains(
            "<p class=\"sentence\">Japan ist bereits der engste asiatische <span class=\"gap\">"
        ));
        assert!(html.contains("(der · ally)</span> der USA.</p>"));
        assert!(html.contains("<span class=\"letter\" aria-hidden=\"true\">b</span><span class=\"choice-text\">Einfluss</span>"));
        for id in ["check-answers", "show-answers", "reset-answers", "score"] {
            assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
        }
        assert!(html.contains("Check</span></button>"));
        assert!(html.contains("Show answers</span></button>"));
        assert!(html.contains("Reset</span></button>"));
        // Key and glossary after the form, filled in by the script.
        let key = html.find("<section class=\"key\"").unwrap();
        let glossary = html.find("<section class=\"glossary\"").unwrap();
        assert!(html.find("</form>").unwrap() < key && key < glossary);
        assert!(html.contains("<div class=\"key-list\" id=\"key-list\"></div>"));
        assert!(html.contains("<ul class=\"glossary-list\" id=\"glossary-list\"></ul>"));
        // Print CSS: controls hidden, key and glossary on pages of their own.
        let print = &html[html.find("@media print").unwrap()..];
        assert!(
            print.contains(
                ".controls, .feedback, .solution, noscript { display: none !important; }"
            )
        );
        assert!(
            print.contains(
                ".key { display: block; break-before: page; page-break-before: always; }"
            )
        );
        assert!(print.contains(".glossary { display: block; break-before: page;"));
        assert!(
            html.contains("--gap-width: 18ch;"),
            "15 chars of Pressekonferenz + 3"
        );
    }

    #[test]
    fn render_and_write_agree() {
        let sheet = seed_sheet();
        for f in Format::ALL {
            let mut out = Vec::new();
            write(&sheet, f, &mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), render(&sheet, f));
        }
    }

    #[test]
    fn empty_worksheet_renders() {
        let sheet = Worksheet {
            title: "Leer".into(),
            ..Worksheet::default()
        };
        for f in Format::ALL {
            assert!(render(&sheet, f).contains("Leer"), "{f}");
        }
    }
}
