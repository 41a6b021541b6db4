//! The article's text blocks: collecting paragraph candidates under a container (block
//! elements and double `<br>` separate them), normalising their whitespace, and dropping
//! the ones that read like boilerplate (see "Paragraphs and whitespace" and "What is
//! dropped" in the [module documentation](super)).

use super::dom::{Dom, Kind};

#[rustfmt::skip]
const BLOCK_TAGS: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "center", "caption", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul",
];
/// Blocks dropped with their content: headings and lists.
const DROPPED_BLOCKS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "hr"];

pub(super) struct Block {
    pub(super) text: String,
    /// Non-whitespace characters.
    pub(super) chars: usize,
    pub(super) link_chars: usize,
    bold_chars: usize,
    pub(super) commas: usize,
    /// The innermost block element holding the text.
    pub(super) owner: usize,
}

impl Block {
    pub(super) fn is_bold(&self) -> bool {
        self.chars > 0 && self.bold_chars == self.chars
    }
}

#[derive(Default)]
struct Pending {
    raw: String,
    chars: usize,
    link_chars: usize,
    bold_chars: usize,
    commas: usize,
}

/// Collect the text blocks under `root`, skipping subtrees for which `skip` is true.
/// Iterative; block elements and double `<br>` separate blocks. With `with_text` false, only
/// the counts are kept (for scoring) and `Block::text` stays empty.
pub(super) fn collect_blocks(
    dom: &Dom<'_>,
    root: usize,
    with_text: bool,
    skip: impl Fn(usize) -> bool,
) -> Vec<Block> {
    let mut out = Vec::new();
    if root >= dom.len() {
        return out;
    }
    let stop = dom.end(root);
    let mut open: Vec<(usize, usize)> = vec![(stop, root)];
    let mut pending = Pending::default();
    let mut link_end = 0usize;
    let mut bold_end = 0usize;
    let mut after_br = false;

    let flush = |pending: &mut Pending, owner: usize, out: &mut Vec<Block>| {
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
            });
        }
    };

    let mut i = root + 1;
    while i < stop {
        while let Some(&(e, idx)) = open.last() {
            if e > i {
                break;
            }
            flush(&mut pending, idx, &mut out);
            open.pop();
        }
        let owner = open.last().map_or(root, |&(_, idx)| idx);
        match dom.kind(i) {
            Kind::Text(t) => {
                let c = t.chars().filter(|c| !c.is_whitespace()).count();
                if c > 0 {
                    after_br = false;
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
                if skip(i) || DROPPED_BLOCKS.contains(&name) {
                    if block {
                        flush(&mut pending, owner, &mut out);
                    }
                    i = dom.end(i);
                    continue;
                }
                if name == "br" {
                    if after_br {
                        flush(&mut pending, owner, &mut out);
                    } else {
                        pending.raw.push(' ');
                        after_br = true;
                    }
                } else if block {
                    flush(&mut pending, owner, &mut out);
                    after_br = false;
                    open.push((dom.end(i), i));
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
    while let Some((_, idx)) = open.pop() {
        flush(&mut pending, idx, &mut out);
    }
    out
}

/// Collapse whitespace runs (no-break spaces included) to one space, trim, and remove soft
/// hyphens, zero-width spaces and byte-order marks.
pub(super) fn normalize_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if matches!(c, '\u{ad}' | '\u{200b}' | '\u{feff}' | '\0') {
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
    "bilder:", "grafik:", "video:", "quelle:", "©", "(c) ", "copyright",
    "über dieses thema berichtete", "anzeige", "werbung",
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

pub(super) fn keep_paragraph(b: &Block) -> bool {
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
    if BOILERPLATE_START.iter().any(|p| head.starts_with(p)) {
        return false;
    }
    if b.chars < 160 {
        let lower = b.text.to_ascii_lowercase();
        if BOILERPLATE_SHORT.iter().any(|w| lower.contains(w)) {
            return false;
        }
    }
    // A source credit such as "(APA, 1.6.2015)" or "(dpa)".
    if b.chars < 80 && b.text.starts_with('(') && b.text.ends_with(')') {
        return false;
    }
    let words = b.text.split_whitespace().count();
    let sentence_end = b.text.ends_with(|c: char| {
        matches!(
            c,
            '.' | '!' | '?' | '…' | ':' | '"' | '“' | '”' | '»' | '«' | '\'' | '‘' | '’' | ')'
        )
    });
    words >= 8 || sentence_end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_normalised() {
        assert_eq!(normalize_ws("  a\u{a0}\u{a0}b \n\t c "), "a b c");
        assert_eq!(normalize_ws("Bundes\u{ad}tag"), "Bundestag");
        assert_eq!(normalize_ws(" \n "), "");
    }
}
