//! Worksheet output: plain text, Markdown, JSON and a self-contained interactive HTML page.
//!
//! Every format shows the items numbered, each gap as [`GAP`] (or an input field) with its hint
//! in brackets, multiple-choice options lettered a), b), …, and an answer key at the end.
//!
//! ```
//! use kernsatz::cloze::{ClozeItem, Worksheet};
//! use kernsatz::export::worksheet::{Format, render};
//!
//! let item = ClozeItem {
//!     id: 1,
//!     sentence: "Japan ist der engste Verbündete der USA.".into(),
//!     prompt: "Japan ist der engste _____ der USA.".into(),
//!     answer: "Verbündete".into(),
//!     lemma: "Verbündete".into(),
//!     hint: "der · ally".into(),
//!     choices: vec![],
//!     sentence_index: 0,
//!     start: 21,
//!     end: 32,
//!     source_start: 21,
//!     source_end: 32,
//!     gloss: Some("ally".into()),
//!     article: Some("der".into()),
//! };
//! let sheet = Worksheet { title: "Japan und die USA".into(), items: vec![item] };
//! let text = render(&sheet, Format::Text);
//! assert!(text.contains("1. Japan ist der engste _____ (der · ally) der USA."));
//! assert!(text.contains("Lösungen / Answer key"));
//! ```
//!
//! The HTML page needs nothing from outside: its CSS and JavaScript are inline (embedded from
//! `worksheet.html`, `worksheet.css` and `worksheet.js` beside this file), it loads no fonts or images, and the
//! answers for its checker sit in a `<script type="application/json">` block. Typed answers are
//! checked with the same rule as [`crate::cloze::answer::normalize_answer`].

use std::fmt::Write as _;
use std::io::{self, Write};
use std::str::FromStr;

use super::escape::escape_markdown;
use crate::cloze::answer::{choice_letter, correct_choice};
use crate::cloze::{ClozeItem, GAP, Worksheet};
use crate::error::{Error, ErrorKind};

mod html;
pub use html::to_html;

const INSTRUCTIONS_DE: &str = "Setzen Sie das fehlende Wort in der passenden Form ein. Die \
     Angabe in Klammern hilft. Wo Antworten zur Auswahl stehen, ist genau eine richtig.";
const INSTRUCTIONS_EN: &str = "Fill in the missing word in its correct form; the note in \
     brackets helps. Where options are given, exactly one is right.";
const KEY_HEADING: &str = "Lösungen / Answer key";

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
/// repeat the answer.
pub(crate) fn dictionary_entry(item: &ClozeItem) -> String {
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

/// Plain text: a title block, instructions, numbered items (`_____ (hint)`, choices lettered on
/// the next line) and the answer key after a rule.
pub fn to_text(sheet: &Worksheet) -> String {
    let mut s = String::new();
    let heading = format!("Lückentext: {}", sheet.title);
    let _ = writeln!(s, "{heading}");
    let _ = writeln!(s, "Cloze exercise · {}", count_label(sheet.items.len()));
    let _ = writeln!(s, "{}", "=".repeat(heading.chars().count().clamp(20, 72)));
    let _ = writeln!(s);
    let _ = writeln!(s, "{INSTRUCTIONS_DE}");
    let _ = writeln!(s, "{INSTRUCTIONS_EN}");
    let width = number_width(sheet);
    for item in &sheet.items {
        let (before, after) = gap_parts(item);
        let hint = if item.hint.is_empty() {
            String::new()
        } else {
            format!(" ({})", item.hint)
        };
        let _ = writeln!(s);
        let _ = writeln!(s, "{:>width$}. {before}{GAP}{hint}{after}", item.id);
        if !item.choices.is_empty() {
            let choices: Vec<String> = item
                .choices
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{}) {c}", choice_letter(i)))
                .collect();
            let _ = writeln!(s, "{:width$}  {}", "", choices.join("   "));
        }
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "{}", "-".repeat(60));
    let _ = writeln!(s, "{KEY_HEADING}");
    let _ = writeln!(s);
    for item in &sheet.items {
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
    s
}

fn number_width(sheet: &Worksheet) -> usize {
    sheet
        .items
        .iter()
        .map(|i| i.id.to_string().len())
        .max()
        .unwrap_or(1)
}

/// A printable Markdown worksheet: title, instructions, numbered items with the gap and hint,
/// lettered choices, then a horizontal rule, a page break and the answer key ("Lösungen").
pub fn to_markdown(sheet: &Worksheet) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Lückentext: {}", escape_markdown(&sheet.title));
    let _ = writeln!(s);
    let _ = writeln!(s, "*Cloze exercise · {}*", count_label(sheet.items.len()));
    let _ = writeln!(s);
    let _ = writeln!(s, "> **Aufgabe:** {INSTRUCTIONS_DE}  ");
    let _ = writeln!(s, "> *Task: {INSTRUCTIONS_EN}*");
    for item in &sheet.items {
        let (before, after) = gap_parts(item);
        let hint = if item.hint.is_empty() {
            String::new()
        } else {
            format!(" *({})*", escape_markdown(&item.hint))
        };
        let _ = writeln!(s);
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
            let _ = writeln!(s);
            let _ = writeln!(s, "   {}", choices.join(" · "));
        }
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "---");
    let _ = writeln!(s);
    let _ = writeln!(s, "<div style=\"page-break-before: always\"></div>");
    let _ = writeln!(s);
    let _ = writeln!(s, "## {KEY_HEADING}");
    let _ = writeln!(s);
    for item in &sheet.items {
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
    s
}

/// The worksheet as pretty-printed JSON: `{"title": …, "items": [{"id", "sentence", "prompt",
/// "answer", "lemma", "hint", "choices", "sentence_index", "start", "end", "source_start",
/// "source_end"}, …]}`, with a final newline.
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
        let doc: Value = serde_json::from_str(FIXTURE).unwrap();
        let s = |v: &Value| v.as_str().unwrap().to_string();
        let n = |v: &Value| v.as_u64().unwrap() as usize;
        let items = doc["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| ClozeItem {
                id: n(&v["id"]),
                sentence: s(&v["sentence"]),
                prompt: s(&v["prompt"]),
                answer: s(&v["answer"]),
                lemma: s(&v["lemma"]),
                hint: s(&v["hint"]),
                choices: v["choices"].as_array().unwrap().iter().map(s).collect(),
                sentence_index: n(&v["sentence_index"]),
                start: n(&v["start"]),
                end: n(&v["end"]),
                source_start: n(&v["source_start"]),
                source_end: n(&v["source_end"]),
                gloss: v["gloss"].as_str().map(str::to_string),
                article: v["article"].as_str().map(str::to_string),
            })
            .collect();
        Worksheet {
            title: s(&doc["title"]),
            items,
        }
    }

    /// An item whose text is full of characters that mean something in HTML and Markdown.
    fn nasty_item(id: usize) -> ClozeItem {
        let sentence = "Er sagte: „A & B <b>fett</b>“ und 'x' \"y\" </script><!-- *_[x]_* weiter.";
        let answer = "B";
        let start = sentence.find(answer).unwrap();
        ClozeItem {
            id,
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
    fn text_items_gaps_choices_and_key() {
        let sheet = seed_sheet();
        let text = to_text(&sheet);
        assert!(
            text.starts_with(&format!("Lückentext: {}\n", sheet.title)),
            "{text}"
        );
        assert!(text.contains(INSTRUCTIONS_DE));
        assert!(text.contains(INSTRUCTIONS_EN));
        assert!(
            text.contains(
                "\n1. Japan ist bereits der engste asiatische _____ (der · ally) der USA.\n"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "\n2. Der Hintergrund der neuen Gespräche ist die wachsende Sorge vor Chinas \
                 militärischem und wirtschaftlichen _____ (der · influence).\n   \
                 a) Einflüssen   b) Einfluss   c) Einflusses   d) Einflüsse\n"
            ),
            "{text}"
        );
        // Every item once, numbered, with exactly one gap.
        for item in &sheet.items {
            let line = text
                .lines()
                .find(|l| l.starts_with(&format!("{}. ", item.id)))
                .unwrap();
            assert_eq!(line.matches(GAP).count(), 1, "{line}");
            assert!(!line.contains(&item.sentence[item.start..item.end]) || item.answer.len() < 4);
        }
        let (items, key) = text.split_once(KEY_HEADING).expect("answer key");
        assert!(items.trim_end().ends_with(&"-".repeat(60)));
        assert!(
            key.contains("\n1. Verbündete  (der Verbündete · ally)\n"),
            "{key}"
        );
        assert!(
            key.contains("\n2. b) Einfluss  (der Einfluss · influence)\n"),
            "{key}"
        );
        assert!(
            key.contains("\n3. Lieferketten  (die Lieferkette · supply chain)\n"),
            "{key}"
        );
        assert!(key.contains("\n7. d) Forscher"), "{key}");
        for item in &sheet.items {
            assert!(key.contains(&item.answer), "{}", item.answer);
        }
    }

    #[test]
    fn text_without_hint_or_lemma_extras() {
        let mut sheet = seed_sheet();
        let item = &mut sheet.items[4];
        item.hint.clear();
        item.gloss = None;
        item.article = None;
        let text = to_text(&sheet);
        assert!(
            text.contains("\n5. Ein Aspekt ist dabei, die _____ von China"),
            "{text}"
        );
        assert!(text.ends_with("\n5. Abhängigkeit\n6. großen  (groß · large)\n7. d) Forscher  (der Forscher · researcher)\n8. geführt  (führen · to hold (talks))\n"), "{text}");
    }

    #[test]
    fn markdown_is_a_printable_worksheet() {
        let sheet = seed_sheet();
        let md = to_markdown(&sheet);
        assert!(
            md.starts_with(&format!("# Lückentext: {}\n", sheet.title)),
            "{md}"
        );
        assert!(md.contains("> **Aufgabe:**"));
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
        assert!(rule < brk && brk < key);
        assert!(md[..rule].contains("8. Zudem hat Japan"));
        assert!(
            md[key..].contains("\n2. **b) Einfluss** — der Einfluss · influence\n"),
            "{md}"
        );
        assert!(
            md[key..].contains("\n6. **großen** — groß · large\n"),
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
        assert_eq!(top, ["items", "title"]);
        let items = v["items"].as_array().unwrap();
        assert_eq!(items.len(), sheet.items.len());
        let want = [
            "answer",
            "choices",
            "end",
            "hint",
            "id",
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
        assert!(to_json(&sheet).ends_with("}\n"));
    }

    #[test]
    fn html_escapes_everything_user_provided() {
        let mut sheet = seed_sheet();
        sheet.title = "Titel <script>alert('t')</script> & „Zitat“".into();
        sheet.items.push(nasty_item(9));
        let html = to_html(&sheet);
        assert!(html.contains(
            "<h1>Titel &lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &amp; „Zitat“</h1>"
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
        let data: Value = serde_json::from_str(block).unwrap();
        let last = &data["items"][8];
        assert_eq!(last["answer"], "B");
        assert_eq!(last["correct"], 1);
        assert_eq!(last["choices"][0], "</script><script>alert(1)</script>");
        assert_eq!(data["items"][0]["correct"], Value::Null);
        assert_eq!(data["items"][1]["correct"], 1);
        assert_eq!(data["items"][1]["answer"], "Einfluss");
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
    fn html_structure_inputs_radios_key_and_print_css() {
        let sheet = seed_sheet();
        let html = to_html(&sheet);
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
        // Key after the form, in order, with letters for multiple choice.
        let key = html.find("<section class=\"key\"").unwrap();
        assert!(key > html.find("</form>").unwrap());
        let mut at = key;
        for item in &sheet.items {
            let pos = html[at..]
                .find(&format!(
                    "<span class=\"key-answer\">{}{}</span>",
                    html_escape(&answer_letter(item)),
                    html_escape(&item.answer)
                ))
                .unwrap_or_else(|| panic!("key entry {}", item.id));
            at += pos;
        }
        // Print CSS: controls hidden, key on a new page.
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
            items: vec![],
        };
        for f in Format::ALL {
            assert!(render(&sheet, f).contains("Leer"), "{f}");
        }
    }
}
