//! Clean stage: find the article text in scraped input.
//!
//! The text is cut into blocks (paragraphs: a line, or several lines joined when a line is a soft
//! wrap), and each block is classified by general rules on its shape: punctuation at its end,
//! length, share of stop words, letters at all, and a short list of prompt patterns that news
//! sites use for apps, newsletters, job ads and share buttons. Blocks that are not article
//! sentences are kept with the reason, so that callers can show what was dropped; nothing is
//! removed from the text itself, so byte offsets stay valid.
//!
//! Datelines (`Tokio Die USA …`, `Wien – Die Gewerkschaft …`, `Berlin (dpa) - …`) at the start of
//! one of the first body blocks are split off: the block starts after them.
//!
//! A web page's blocks come cut and typed by its markup (`crate::html`): the same classifier
//! runs on them ([`classify_blocks`] while extracting, [`clean_blocks`] for the document), so a
//! page and its text give the same article sentences. Headings, list items and table cells
//! are kept as such ([`BlockKind::Heading`], [`BlockKind::ListItem`], [`BlockKind::TableCell`]):
//! article content, but not running text; only credits, prompts and (but in table cells) lines
//! without letters among them are boilerplate.

use std::ops::Range;
use std::sync::LazyLock;

use crate::lexicon::word_list;
use crate::stopwords::is_stopword;
use crate::tokenize::word_spans;

/// What a block of an article is, by its markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Structure {
    /// Running text: a `<p>`, or text standing in another block element.
    Paragraph,
    /// A heading (`<h2>`–`<h6>`), or a short line without sentence punctuation standing alone.
    Heading,
    /// A list item (`<li>`, `<dt>`, `<dd>`).
    ListItem,
    /// A table cell (`<td>`, `<th>`).
    TableCell,
}

impl Structure {
    /// The kind's name: `paragraph`, `heading`, `list-item`, `table-cell`.
    pub fn as_str(self) -> &'static str {
        match self {
            Structure::Paragraph => "paragraph",
            Structure::Heading => "heading",
            Structure::ListItem => "list-item",
            Structure::TableCell => "table-cell",
        }
    }
}

/// Why a block is not part of the article's sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Boilerplate {
    /// No letters: a lone date, time, number or symbol (`22.01.2022`, `03:10`, `×`).
    NoText,
    /// A date/time line (`Stand: 22.01.2022, 03:10 Uhr`).
    DateLine,
    /// A photo or source credit (`Bild: imago images/ZUMA Wire`, `Foto: dpa`).
    Credit,
    /// An image caption: the lines just before a credit.
    Caption,
    /// An app, share, newsletter, subscription or job prompt.
    Prompt,
    /// A heading, name list or other line that is not a sentence.
    Heading,
}

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// Article text: its sentences go downstream.
    Body,
    /// A heading of a web page's article (`<h2>`…`<h6>`, or a short line without sentence
    /// punctuation set as its own paragraph): content, but no sentence.
    Heading,
    /// A list item of a web page's article: content, but not running text.
    ListItem,
    /// A table cell of a web page's article: content, but not running text.
    TableCell,
    /// Not article text, with the reason.
    Boilerplate(Boilerplate),
}

/// A block of the input: `start..end` are byte offsets into the input, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// First byte (after a dateline, for a block that had one).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Body or boilerplate.
    pub kind: BlockKind,
}

/// The result of cleaning.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// All blocks in order.
    pub blocks: Vec<Block>,
    /// The dateline split off a body block (`Tokio`), as a byte range.
    pub dateline: Option<Range<usize>>,
    /// The first lone date found in the boilerplate (`22.01.2022`), as a byte range.
    pub date: Option<Range<usize>>,
}

impl Cleaned {
    /// Body blocks only.
    pub fn body(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind == BlockKind::Body)
    }
}

/// Prompt phrases (lower case) that mark a short block as site furniture: phrases that news
/// sites use in app/share/newsletter/subscription/job prompts, not vocabulary of one article.
const PROMPTS_TXT: &str = include_str!("../data/lang/site_prompts.txt");
static PROMPTS: LazyLock<Vec<&'static str>> = LazyLock::new(|| word_list(PROMPTS_TXT).collect());

/// Words that open a credit line when followed by a colon.
const CREDIT_HEADS_TXT: &str = include_str!("../data/lang/credit_heads.txt");
static CREDIT_HEADS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(CREDIT_HEADS_TXT).collect());

/// Capitalised function words that begin a German sentence; a single capitalised word before one
/// of them at the start of a block is a dateline (`Tokio Die USA …`).
const SENTENCE_OPENERS_TXT: &str = include_str!("../data/lang/dateline_openers.txt");
static SENTENCE_OPENERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(SENTENCE_OPENERS_TXT).collect());

/// Clean `text`: cut it into blocks, classify them and split off a dateline.
pub fn clean(text: &str) -> Cleaned {
    let blocks: Vec<(Range<usize>, Structure)> = split_blocks(text)
        .into_iter()
        .map(|r| (r, Structure::Paragraph))
        .collect();
    clean_blocks(text, &blocks)
}

/// Clean `text` whose blocks are given (byte ranges, trimmed, in order) with their kind in the
/// markup: classify them and split off a dateline.
pub fn clean_blocks(text: &str, given: &[(Range<usize>, Structure)]) -> Cleaned {
    let spans: Vec<(&str, Structure)> = given.iter().map(|(r, s)| (&text[r.clone()], *s)).collect();
    let mut blocks: Vec<Block> = given
        .iter()
        .zip(classify_blocks(&spans))
        .map(|((r, _), kind)| Block {
            start: r.start,
            end: r.end,
            kind,
        })
        .collect();

    let date = blocks
        .iter()
        .find(|b| {
            matches!(
                b.kind,
                BlockKind::Boilerplate(Boilerplate::NoText | Boilerplate::DateLine)
            ) && is_date(&text[b.start..b.end])
        })
        .map(|b| b.start..b.end);

    let mut dateline = None;
    for b in blocks
        .iter_mut()
        .filter(|b| b.kind == BlockKind::Body)
        .take(3)
    {
        if let Some(len) = dateline_len(&text[b.start..b.end]) {
            let name_end = b.start
                + text[b.start..b.start + len]
                    .trim_end_matches(dateline_trim)
                    .len();
            dateline = Some(b.start..name_end);
            b.start += len;
            break;
        }
    }
    Cleaned {
        blocks,
        dateline,
        date,
    }
}

fn dateline_trim(c: char) -> bool {
    c.is_whitespace() || matches!(c, '–' | '—' | '-' | ':' | '.')
}

/// The lines of `text`, each with its line ending: a line ends at `\n`, `\r\n` or a lone `\r`
/// (old Mac files and some exports end lines with CR only).
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let end = match memchr::memchr2(b'\n', b'\r', &bytes[pos..]) {
            Some(i) if bytes[pos + i] == b'\r' && bytes.get(pos + i + 1) == Some(&b'\n') => {
                pos + i + 2
            }
            Some(i) => pos + i + 1,
            None => bytes.len(),
        };
        pos = end;
        Some(&text[start..end])
    })
}

/// Number of line breaks in `gap` (`\r\n` counts once).
fn line_breaks(gap: &str) -> usize {
    gap.matches('\n').count() + gap.matches('\r').count() - gap.matches("\r\n").count()
}

/// Cut the text into blocks: non-blank lines, a line joined to the next when it is a soft wrap
/// (it ends without sentence punctuation and the next line begins in lower case).
fn split_blocks(text: &str) -> Vec<Range<usize>> {
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut pos = 0;
    for line in split_lines(text) {
        let start = pos + (line.len() - line.trim_start().len());
        let end = pos + line.trim_end().len();
        pos += line.len();
        if end > start {
            lines.push(start..end);
        }
    }
    let mut blocks: Vec<Range<usize>> = Vec::new();
    for line in lines {
        if let Some(last) = blocks.last_mut() {
            let gap = &text[last.end..line.start];
            let prev = &text[last.clone()];
            let next = &text[line.clone()];
            let blank_between = line_breaks(gap) >= 2;
            if !blank_between && !ends_sentence(prev) && starts_lowercase(next) {
                last.end = line.end;
                continue;
            }
        }
        blocks.push(line);
    }
    blocks
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// Does the block end like a sentence (`.`, `!`, `?`, `…`, `:` or a closing quote after one)?
fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['“', '”', '"', '»', '«', '‘', '’', '\'', ')', ']']);
    t.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// Classify blocks cut by markup (or lines of text, all [`Structure::Paragraph`]): each block's
/// kind, with the captions before credits marked.
pub fn classify_blocks(blocks: &[(&str, Structure)]) -> Vec<BlockKind> {
    let mut kinds: Vec<BlockKind> = blocks.iter().map(|&(b, s)| classify_as(b, s)).collect();
    mark_captions(&mut kinds, |i| word_spans(blocks[i].0).count());
    kinds
}

fn classify_as(block: &str, structure: Structure) -> BlockKind {
    use Boilerplate::*;
    let kind = classify(block);
    let structural = match structure {
        Structure::Paragraph => return kind,
        Structure::Heading => BlockKind::Heading,
        Structure::ListItem => BlockKind::ListItem,
        Structure::TableCell => BlockKind::TableCell,
    };
    match kind {
        BlockKind::Boilerplate(Credit | Prompt) => kind,
        BlockKind::Boilerplate(NoText) if structure != Structure::TableCell => kind,
        _ => structural,
    }
}

fn classify(block: &str) -> BlockKind {
    use Boilerplate::*;
    if !block.chars().any(char::is_alphabetic) {
        return BlockKind::Boilerplate(NoText);
    }
    // the pattern checks below are for short blocks only: count words up to the largest limit
    let words = word_spans(block).take(31).count();
    if words <= 30 {
        let lower = block.to_lowercase();
        if let Some((head, _)) = lower.split_once(':')
            && CREDIT_HEADS.contains(&head.trim())
            && words <= 14
        {
            return BlockKind::Boilerplate(Credit);
        }
        if block.starts_with('©') && words <= 14 {
            return BlockKind::Boilerplate(Credit);
        }
        if words <= 8 && is_date(block) {
            return BlockKind::Boilerplate(DateLine);
        }
        if PROMPTS.iter().any(|p| lower.contains(p)) {
            return BlockKind::Boilerplate(Prompt);
        }
    }
    if words <= 30 && !ends_sentence(block) {
        // a sentence that lost its final stop is still a sentence when long and made of German
        // function words; a short line or a list of names is a heading or caption (a block of
        // more than 30 words is text whatever its end)
        let stop = word_spans(block)
            .take(31)
            .filter(|&(s, e)| is_stopword(&block[s..e].to_lowercase()))
            .count();
        let long_sentence = words >= 12 && stop * 5 >= words;
        if !long_sentence {
            return BlockKind::Boilerplate(Heading);
        }
    }
    BlockKind::Body
}

/// Mark the caption before a credit line: the sentence block right before a credit, when it is
/// short and itself preceded by a name line (a heading-like block), or when it is a name line.
/// `words(i)` is the number of words of block `i`.
fn mark_captions(kinds: &mut [BlockKind], words: impl Fn(usize) -> usize) {
    for i in 1..kinds.len() {
        if kinds[i] != BlockKind::Boilerplate(Boilerplate::Credit) {
            continue;
        }
        let prev = i - 1;
        match kinds[prev] {
            BlockKind::Boilerplate(Boilerplate::Heading) => {
                kinds[prev] = BlockKind::Boilerplate(Boilerplate::Caption);
            }
            BlockKind::Body => {
                let after_name_line =
                    prev > 0 && kinds[prev - 1] == BlockKind::Boilerplate(Boilerplate::Heading);
                if after_name_line && words(prev) <= 30 {
                    kinds[prev] = BlockKind::Boilerplate(Boilerplate::Caption);
                    kinds[prev - 1] = BlockKind::Boilerplate(Boilerplate::Caption);
                }
            }
            _ => {}
        }
    }
}

/// Month names (lower case), for written dates.
const MONTHS_TXT: &str = include_str!("../data/lang/months.txt");
static MONTHS: LazyLock<Vec<&'static str>> = LazyLock::new(|| word_list(MONTHS_TXT).collect());

/// A date in numeric (`22.01.2022`) or written (`22. Januar 2022`) form, or a time (`03:10`).
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let numeric = b.windows(10).any(|w| {
        w[0].is_ascii_digit()
            && w[1].is_ascii_digit()
            && w[2] == b'.'
            && w[3].is_ascii_digit()
            && w[4].is_ascii_digit()
            && w[5] == b'.'
            && w[6..10].iter().all(u8::is_ascii_digit)
    });
    let time = b.windows(5).any(|w| {
        w[0].is_ascii_digit()
            && w[1].is_ascii_digit()
            && w[2] == b':'
            && w[3].is_ascii_digit()
            && w[4].is_ascii_digit()
    });
    let lower = s.to_lowercase();
    let written = MONTHS.iter().any(|m| lower.contains(m)) && s.chars().any(|c| c.is_ascii_digit());
    numeric || time || written
}

/// Length in bytes of a dateline at the start of `block` (including the separator and the
/// following whitespace), if there is one.
pub(crate) fn dateline_len(block: &str) -> Option<usize> {
    // the place: one to three capitalised words (`Frankfurt/Main`, `Den Haag`, `St. Pölten`)
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    for _ in 0..4 {
        let rest = &block[pos..];
        let ws = rest.len() - rest.trim_start().len();
        let start = pos + ws;
        let word_len = block[start..]
            .find(|c: char| c.is_whitespace())
            .unwrap_or(block.len() - start);
        if word_len == 0 {
            break;
        }
        words.push((start, start + word_len));
        pos = start + word_len;
    }
    if words.len() < 2 {
        return None;
    }
    let is_place_word = |w: &str| {
        let w = w.trim_end_matches([',', ':']);
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '/' | '-' | '.'))
    };
    for n in 1..=3.min(words.len() - 1) {
        let place = &words[..n];
        if !place.iter().all(|&(s, e)| is_place_word(&block[s..e])) {
            break;
        }
        let (ns, ne) = words[n];
        let next = &block[ns..ne];
        // `Wien – Die …`, `Berlin - Der …`
        if matches!(next, "–" | "—" | "-")
            && let Some(&(s2, _)) = words.get(n + 1)
            && block[s2..].chars().next().is_some_and(char::is_uppercase)
        {
            return Some(s2);
        }
        // `Berlin (dpa) – …`, `Paris (AFP) …`
        if next.starts_with('(') {
            let close = block[ns..].find(')')? + ns + 1;
            let inner = &block[ns + 1..close - 1];
            if inner.len() <= 20 && !inner.contains(' ') || inner.contains('/') {
                let rest = &block[close..];
                let rest_trim = rest.trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '–' | '—' | '-' | ':')
                });
                if rest_trim.chars().next().is_some_and(char::is_uppercase) {
                    return Some(block.len() - rest_trim.len());
                }
            }
        }
        // `Tokio Die USA …`: a single place word glued to a sentence opener; not before the
        // formal `Sie`, which follows a verb (`Achten Sie …`, `Benötigen Sie …?`)
        if n == 1 && SENTENCE_OPENERS.contains(&next) && next != "Sie" {
            let w = &block[place[0].0..place[0].1];
            if !w.ends_with([',', ':', '.'])
                && w.chars().count() >= 3
                && !SENTENCE_OPENERS.contains(&w)
            {
                return Some(ns);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::checked_word_list;

    #[test]
    fn word_lists_parse() {
        let prompts = checked_word_list(PROMPTS_TXT, true);
        assert_eq!(prompts, *PROMPTS);
        for p in [
            "newsletter",
            "jetzt abonnieren",
            "lesen sie auch",
            "per e-mail benachrichtigt",
        ] {
            assert!(prompts.contains(&p), "{p}");
        }
        let heads = checked_word_list(CREDIT_HEADS_TXT, false);
        assert_eq!(heads, *CREDIT_HEADS);
        for h in ["bild", "foto", "quelle"] {
            assert!(heads.contains(&h), "{h}");
        }
        let months = checked_word_list(MONTHS_TXT, false);
        assert_eq!(months, *MONTHS);
        assert_eq!(months.len(), 13, "twelve months and the Austrian jänner");
        // compared with lower-cased text
        for list in [&prompts, &heads, &months] {
            assert!(list.iter().all(|p| p.to_lowercase() == *p), "{list:?}");
        }
        let openers = checked_word_list(SENTENCE_OPENERS_TXT, false);
        assert_eq!(openers, *SENTENCE_OPENERS);
        assert!(openers.iter().all(|w| w.starts_with(char::is_uppercase)));
        for w in ["Die", "Der", "Das", "Im", "Es"] {
            assert!(openers.contains(&w), "{w}");
        }
    }

    const SEED: &str = include_str!("../examples/japan-usa-wirtschaftssicherheit.txt");

    fn kinds(text: &str) -> Vec<(String, BlockKind)> {
        clean(text)
            .blocks
            .iter()
            .map(|b| (text[b.start..b.end].to_string(), b.kind))
            .collect()
    }

    #[test]
    fn seed_boilerplate_is_recognised() {
        let c = clean(SEED);
        let body: Vec<&str> = c.body().map(|b| &SEED[b.start..b.end]).collect();
        for b in &body {
            for bad in [
                "Bild:",
                "Jobs",
                "Home-Bildschirm",
                "Startbildschirm",
                "Kishida\n",
                "×",
                "03:10",
            ] {
                assert!(!b.contains(bad), "boilerplate {bad:?} in body block {b:?}");
            }
        }
        assert!(body[0].starts_with("Japan ist bereits"));
        assert!(
            body[1].starts_with("Die USA und Japan wollen"),
            "{:?}",
            body[1]
        );
        assert_eq!(&SEED[c.dateline.clone().unwrap()], "Tokio");
        assert_eq!(&SEED[c.date.clone().unwrap()], "22.01.2022");
        let k = kinds(SEED);
        let of = |s: &str| k.iter().find(|(t, _)| t.starts_with(s)).unwrap().1;
        use Boilerplate::*;
        assert_eq!(of("22.01.2022"), BlockKind::Boilerplate(NoText));
        assert_eq!(of("Bild: imago"), BlockKind::Boilerplate(Credit));
        assert_eq!(of("Joe Biden und Fumio"), BlockKind::Boilerplate(Caption));
        assert_eq!(of("Die beiden Staatschef"), BlockKind::Boilerplate(Caption));
        assert_eq!(of("Jetzt die besten Jobs"), BlockKind::Boilerplate(Prompt));
        assert_eq!(of("Auf tippen"), BlockKind::Boilerplate(Prompt));
        // the two-line job ad is one block
        assert!(
            k.iter()
                .any(|(t, _)| t.ends_with("benachrichtigt werden.") && t.starts_with("Jetzt"))
        );
    }

    #[test]
    fn datelines() {
        for (text, place, rest) in [
            (
                "Wien – Die Gewerkschaft GPA-djp sieht Handlungsbedarf.",
                "Wien",
                "Die Gewerkschaft",
            ),
            (
                "Frankfurt/Main - Der Dax stieg am Montag.",
                "Frankfurt/Main",
                "Der Dax",
            ),
            (
                "Berlin (dpa) - Die Regierung plant neue Regeln.",
                "Berlin (dpa)",
                "Die Regierung",
            ),
            (
                "Tokio Die USA und Japan wollen enger zusammenarbeiten.",
                "Tokio",
                "Die USA",
            ),
            (
                "Den Haag – Das Gericht hat entschieden.",
                "Den Haag",
                "Das Gericht",
            ),
        ] {
            let c = clean(text);
            assert_eq!(&text[c.dateline.clone().expect(text)], place, "{text}");
            assert!(text[c.blocks[0].start..].starts_with(rest), "{text}");
        }
        for text in [
            "Die USA und Japan wollen enger zusammenarbeiten.",
            "Achten Sie außerdem darauf, ob Sondertilgungen kostenlos möglich sind.",
            "Benötigen Sie psychologische Unterstützung?",
            "Joe Biden sagte am Freitag, er sei zufrieden.",
            "Angela Merkel – die frühere Kanzlerin – äußerte sich.",
            "Nach dem Gipfel – Die Regierung schweigt.",
        ] {
            assert_eq!(clean(text).dateline, None, "{text}");
        }
    }

    #[test]
    fn general_rules_not_one_article() {
        let text = "Stand: 03.02.2023, 14:12 Uhr\nFoto: dpa/picture alliance\nDer Bundestag hat das Gesetz am Donnerstag beschlossen.\nHier klicken, um den Newsletter zu abonnieren.\nMehr zum Thema\n© Reuters";
        let k = kinds(text);
        let body: Vec<_> = k.iter().filter(|(_, kd)| *kd == BlockKind::Body).collect();
        assert_eq!(body.len(), 1, "{k:?}");
        assert!(body[0].0.starts_with("Der Bundestag"));
    }

    #[test]
    fn wrapped_lines_join_and_long_sentences_without_stop_stay() {
        let text = "Die Regierung will die Steuern im kommenden Jahr deutlich senken und\ndie Wirtschaft damit stärken.";
        let c = clean(text);
        assert_eq!(c.blocks.len(), 1);
        assert_eq!(c.blocks[0].kind, BlockKind::Body);
        let text = "Die Regierung will die Steuern im kommenden Jahr deutlich senken und damit die Wirtschaft stärken";
        assert_eq!(clean(text).blocks[0].kind, BlockKind::Body);
    }
}
