//! The article's text blocks: collecting block candidates under a container (block elements
//! and double `<br>` separate them) with their kind (paragraph, heading, list item, table
//! cell), normalising their whitespace, and dropping the ones that read like boilerplate (see
//! "Blocks and whitespace" and "What is dropped" in the [module documentation](super)).

use super::Structure;
use super::dom::{Dom, Kind, NONE};

#[rustfmt::skip]
const BLOCK_TAGS: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "center", "caption", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul",
];
/// Blocks dropped with their content when collecting paragraphs only: headings and lists.
const DROPPED_BLOCKS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "hr"];
/// Blocks dropped with their content when collecting structure: the headline (the title is
/// read separately) and rules.
const DROPPED_STRUCTURE: &[&str] = &["h1", "hr"];
/// A skipped block element with at most this many visible characters is passed on as context
/// for the block classifier (a credit marked by its class still marks the caption before it).
const CONTEXT_CHARS: usize = 200;
/// The level of a heading that is a short line, not an `<h2>`–`<h6>`: below all of them.
pub(super) const LINE_LEVEL: u8 = 7;
/// A list item or table cell with more visible characters than this is layout (a page set in
/// a table, a list of long sections): its text is paragraphs.
const MAX_ITEM_CHARS: usize = 400;

/// What [`collect_blocks`] collects.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Collect {
    /// Counts only (for scoring), paragraphs only: headings and lists are skipped.
    Counts,
    /// Text of the paragraphs; headings and lists are skipped.
    Paragraphs,
    /// Text of every block with its kind: headings (`h2`–`h6`), list items, table cells too.
    Structure,
}

pub(super) struct Block {
    pub(super) text: String,
    /// Non-whitespace characters.
    pub(super) chars: usize,
    pub(super) link_chars: usize,
    bold_chars: usize,
    pub(super) commas: usize,
    /// The innermost block element holding the text.
    pub(super) owner: usize,
    /// What the block is (always a paragraph unless collecting [`Collect::Structure`]).
    pub(super) kind: Structure,
    /// For a table cell: the table row it is in (its `<tr>` node).
    pub(super) row: Option<usize>,
    /// For a heading: 2–6 for `<h2>`–`<h6>`, [`LINE_LEVEL`] for a line the classifier calls
    /// a heading.
    pub(super) level: u8,
    /// The first and last text node with visible text ([`NONE`] when counting only).
    pub(super) first_node: usize,
    pub(super) last_node: usize,
    /// A skipped element's text, for the classifier only: never kept.
    pub(super) context: bool,
}

impl Block {
    pub(super) fn is_bold(&self) -> bool {
        self.chars > 0 && self.bold_chars == self.chars
    }

    /// The blocks of one element as one paragraph: texts joined with a space.
    pub(super) fn merge(blocks: Vec<Block>, owner: usize) -> Block {
        let mut m = Block {
            text: String::new(),
            chars: 0,
            link_chars: 0,
            bold_chars: 0,
            commas: 0,
            owner,
            kind: Structure::Paragraph,
            row: None,
            level: 0,
            first_node: NONE,
            last_node: NONE,
            context: false,
        };
        for b in blocks {
            if !m.text.is_empty() {
                m.text.push(' ');
            }
            m.text.push_str(&b.text);
            m.chars += b.chars;
            m.link_chars += b.link_chars;
            m.bold_chars += b.bold_chars;
            m.commas += b.commas;
            if m.first_node == NONE {
                m.first_node = b.first_node;
            }
            if b.last_node != NONE {
                m.last_node = b.last_node;
            }
        }
        m
    }
}

#[derive(Default)]
struct Pending {
    raw: String,
    chars: usize,
    link_chars: usize,
    bold_chars: usize,
    commas: usize,
    first_node: Option<usize>,
    last_node: usize,
}

/// The kind of the text directly in an open element, and its table row.
#[derive(Clone, Copy)]
struct Context {
    kind: Structure,
    row: Option<usize>,
    level: u8,
}

/// Collect the text blocks under `root`, skipping subtrees for which `skip` is true.
/// Iterative; block elements and double `<br>` separate blocks. `visible` holds each node's
/// visible character count (to tell list items and table cells from layout). With
/// [`Collect::Counts`], `Block::text` stays empty.
pub(super) fn collect_blocks(
    dom: &Dom<'_>,
    root: usize,
    mode: Collect,
    visible: &[usize],
    skip: impl Fn(usize) -> bool,
) -> Vec<Block> {
    let mut out = Vec::new();
    if root >= dom.len() {
        return out;
    }
    let with_text = mode != Collect::Counts;
    let dropped = if mode == Collect::Structure {
        DROPPED_STRUCTURE
    } else {
        DROPPED_BLOCKS
    };
    let stop = dom.end(root);
    let top = Context {
        kind: Structure::Paragraph,
        row: None,
        level: 0,
    };
    let mut open: Vec<(usize, usize, Context)> = vec![(stop, root, top)];
    let mut pending = Pending::default();
    let mut link_end = 0usize;
    let mut bold_end = 0usize;
    let mut after_br = false;

    let flush = |pending: &mut Pending, owner: usize, ctx: Context, out: &mut Vec<Block>| {
        let p = std::mem::take(pending);
        let text = if with_text {
            normalize_ws(&p.raw)
        } else {
            String::new()
        };
        if p.chars > 0 && (!with_text || !text.is_empty()) {
            out.push(Block {
                commas: p.commas,
                text,
                chars: p.chars,
                link_chars: p.link_chars,
                bold_chars: p.bold_chars,
                owner,
                kind: ctx.kind,
                row: if ctx.kind == Structure::TableCell {
                    ctx.row
                } else {
                    None
                },
                level: if ctx.kind == Structure::Heading {
                    ctx.level
                } else {
                    0
                },
                first_node: p.first_node.unwrap_or(NONE),
                last_node: if p.first_node.is_some() {
                    p.last_node
                } else {
                    NONE
                },
                context: false,
            });
        }
    };

    let mut i = root + 1;
    while i < stop {
        while let Some(&(e, idx, ctx)) = open.last() {
            if e > i {
                break;
            }
            flush(&mut pending, idx, ctx, &mut out);
            open.pop();
        }
        let (owner, ctx) = open.last().map_or((root, top), |&(_, idx, c)| (idx, c));
        match dom.kind(i) {
            Kind::Text(t) => {
                let c = t.chars().filter(|c| !c.is_whitespace()).count();
                if c > 0 {
                    after_br = false;
                    pending.first_node.get_or_insert(i);
                    pending.last_node = i;
                }
                if with_text {
                    pending.raw.push_str(t);
                }
                pending.chars += c;
                pending.commas += t.bytes().filter(|&b| b == b',').count();
                if i < link_end {
                    pending.link_chars += c;
                }
                if i < bold_end {
                    pending.bold_chars += c;
                }
                i += 1;
            }
            Kind::Elem(_) => {
                let name = dom.tag(i);
                let block = BLOCK_TAGS.contains(&name);
                if skip(i) || dropped.contains(&name) {
                    if block {
                        flush(&mut pending, owner, ctx, &mut out);
                        let v = visible.get(i).copied().unwrap_or(0);
                        if mode == Collect::Structure && (1..=CONTEXT_CHARS).contains(&v) {
                            out.push(Block {
                                text: normalize_ws(&dom.raw_text(i)),
                                chars: v,
                                link_chars: 0,
                                bold_chars: 0,
                                commas: 0,
                                owner: i,
                                kind: Structure::Paragraph,
                                row: None,
                                level: 0,
                                first_node: NONE,
                                last_node: NONE,
                                context: true,
                            });
                        }
                    }
                    i = dom.end(i);
                    continue;
                }
                if name == "br" {
                    if after_br || (with_text && run_in_heading(&pending.raw)) {
                        flush(&mut pending, owner, ctx, &mut out);
                    } else {
                        pending.raw.push(' ');
                        after_br = true;
                    }
                } else if block {
                    flush(&mut pending, owner, ctx, &mut out);
                    after_br = false;
                    let inner = if mode == Collect::Structure {
                        context(dom, i, ctx, visible)
                    } else {
                        ctx
                    };
                    open.push((dom.end(i), i, inner));
                } else if name == "a" {
                    link_end = link_end.max(dom.end(i));
                } else if matches!(name, "b" | "strong") {
                    bold_end = bold_end.max(dom.end(i));
                }
                i += 1;
            }
            Kind::Other => i = dom.end(i),
        }
    }
    while let Some((_, idx, ctx)) = open.pop() {
        flush(&mut pending, idx, ctx, &mut out);
    }
    out
}

/// Most words of a run-in heading (`Tierhaltungskennzeichnung für Schweinefleisch:`).
const MAX_RUN_IN_WORDS: usize = 8;

/// A short line ending in a colon before a line break, made of capitalised words, articles and
/// prepositions only (no verb or other lower-case word: "Der Minister erklärte dazu:" introduces
/// a quotation and stays with it): a heading run into its paragraph, a block of its own.
fn run_in_heading(raw: &str) -> bool {
    let Some(head) = raw.trim().strip_suffix(':') else {
        return false;
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= MAX_RUN_IN_WORDS
        && !head.contains(['.', ':', '!', '?', '"', '„', '“', '«', '»'])
        && words[0].starts_with(char::is_uppercase)
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty()
                || !w.starts_with(char::is_lowercase)
                || HEADING_FUNCTION_WORDS.contains(&w)
        })
}

/// The lower-case words a run-in heading may hold: articles, prepositions, conjunctions.
#[rustfmt::skip]
const HEADING_FUNCTION_WORDS: &[&str] = &[
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
    "und", "oder", "sowie", "für", "fürs", "von", "vom", "zu", "zum", "zur", "in", "im", "ins",
    "an", "am", "auf", "aus", "bei", "beim", "mit", "nach", "über", "unter", "gegen", "ohne",
    "ab", "bis", "vor", "durch", "statt", "wegen", "trotz",
];

/// The context inside block element `i`, opened in context `outer`.
fn context(dom: &Dom<'_>, i: usize, outer: Context, visible: &[usize]) -> Context {
    let small = visible.get(i).is_none_or(|&v| v <= MAX_ITEM_CHARS);
    match dom.tag(i) {
        "h2" | "h3" | "h4" | "h5" | "h6" => Context {
            kind: Structure::Heading,
            level: dom.tag(i).as_bytes()[1] - b'0',
            ..outer
        },
        "li" | "dd" | "dt" => Context {
            kind: if small {
                Structure::ListItem
            } else {
                Structure::Paragraph
            },
            ..outer
        },
        "tr" => Context {
            row: Some(i),
            ..outer
        },
        "td" | "th" => Context {
            kind: if small {
                Structure::TableCell
            } else {
                Structure::Paragraph
            },
            ..outer
        },
        "table" => Context {
            kind: Structure::Paragraph,
            row: None,
            level: 0,
        },
        _ => outer,
    }
}

/// Collapse whitespace runs (no-break spaces included) to one space, trim, and remove soft
/// hyphens, zero-width characters (spaces, joiners, non-joiners, the word joiner that CMSs
/// leave where a link was) and byte-order marks.
pub(super) fn normalize_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if matches!(
            c,
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\0'
        ) {
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// Lines that start like boilerplate (compared lower-case).
#[rustfmt::skip]
const BOILERPLATE_START: &[&str] = &[
    "lesen sie auch", "lesen sie mehr", "lesen sie hier", "mehr zum thema", "mehr dazu",
    "auch interessant", "das könnte sie auch interessieren", "weiterlesen", "jetzt weiterlesen",
    "jetzt abonnieren", "jetzt abo", "zum abo", "abonnieren sie", "foto:", "fotos:", "bild:",
    "bilder:", "grafik:", "video:", "quelle:", "beitragsbild", "bildquelle", "©", "(c) ",
    "copyright",
    "über dieses thema berichtete", "anzeige", "werbung", "mehr themen", "weitere themen",
    // affiliate disclosures
    "dieser artikel kann", "dieser artikel enthält", "dieser beitrag kann", "dieser beitrag enthält",
];
/// Words that make a short line boilerplate (subscription, newsletter, cookie notices).
const BOILERPLATE_SHORT: &[&str] = &[
    "abonnieren",
    "abonnent",
    "abonnement",
    "newsletter",
    "cookie",
    "weiterlesen mit",
    "mit abo",
];

/// The markup-level filter: a block is dropped when more than half of its text is link text,
/// when it starts like a known boilerplate line, when it is a short line about subscriptions,
/// newsletters or cookies, or when it is a short source credit in parentheses. It runs after
/// the block classifier ([`crate::clean`]), which judges short lines, credits, the captions
/// before them, prompts and dates, and has seen every block.
pub(super) fn keep_block(b: &Block) -> bool {
    if b.chars == 0 || b.link_chars * 2 > b.chars {
        return false;
    }
    // Lower-case only what the checks look at (a paragraph may be megabytes long).
    let head: String = b
        .text
        .chars()
        .take(40)
        .flat_map(char::to_lowercase)
        .collect();
    if BOILERPLATE_START.iter().any(|p| head.starts_with(p)) || is_figure_caption(&head) {
        return false;
    }
    if b.chars < 160 {
        let lower = b.text.to_ascii_lowercase();
        if BOILERPLATE_SHORT.iter().any(|w| lower.contains(w)) {
            return false;
        }
    }
    // A source credit such as "(APA, 1.6.2015)" or "(dpa)".
    !(b.chars < 80 && b.text.starts_with('(') && b.text.ends_with(')'))
}

/// A figure caption: "Abbildung 4: …", "Abb. 2: …" (lower-cased).
fn is_figure_caption(head: &str) -> bool {
    let Some(rest) = head
        .strip_prefix("abbildung ")
        .or_else(|| head.strip_prefix("abb. "))
    else {
        return false;
    };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && rest[digits..].starts_with(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_normalised() {
        assert_eq!(normalize_ws("  a\u{a0}\u{a0}b \n\t c "), "a b c");
        assert_eq!(normalize_ws("Bundes\u{ad}tag"), "Bundestag");
        assert_eq!(normalize_ws(" \n "), "");
        // a link the page left out, marked by word joiners: no invisible word in the text
        assert_eq!(
            normalize_ws("zu einer erheblichen \u{2060}\u{2060} für Unternehmen"),
            "zu einer erheblichen für Unternehmen"
        );
        assert_eq!(
            normalize_ws("Wirt\u{200c}schafts\u{200d}lage"),
            "Wirtschaftslage"
        );
    }

    #[test]
    fn run_in_headings_before_a_line_break() {
        assert!(run_in_heading(
            "Tierhaltungskennzeichnung für Schweinefleisch: "
        ));
        assert!(run_in_heading(
            " Neue Höchstwerte für Blausäure und Ochratoxin (OTA):"
        ));
        assert!(run_in_heading("Private Solaranlagen:"));
        // a sentence introducing a quotation or a list stays with it
        assert!(!run_in_heading("Der Minister erklärte dazu:"));
        assert!(!run_in_heading("Umweltbonus für E-Autos sinkt:"));
        assert!(!run_in_heading("Es gibt fünf Kategorien:"));
        assert!(!run_in_heading(
            "Tierhaltungskennzeichnung für Schweinefleisch"
        ));
        assert!(!run_in_heading(
            "Ab Mitte 2023 gelten für Kunden, Händler und Hersteller neue Regeln beim Kauf:"
        ));
    }

    #[test]
    fn figure_captions() {
        assert!(is_figure_caption("abbildung 4: klassische schwachschicht."));
        assert!(is_figure_caption("abb. 12: der aufbau"));
        assert!(!is_figure_caption("abbildung 4 zeigt den aufbau."));
        assert!(!is_figure_caption("abbildungen: keine"));
    }
}
