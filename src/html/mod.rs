//! HTML input: the main article text of a saved news page, as typed blocks.
//!
//! [`extract`] parses a page with `scraper` (html5ever) and returns an [`Article`]: headline,
//! publication date, teaser (lead paragraph) and the article's [`Block`]s: paragraphs, headings,
//! list items and table cells, each with its byte range in the page. [`Article::text`] is what
//! the rest of the pipeline reads: the teaser and the blocks, one per line;
//! [`Article::layout`] gives each line's range and kind, so that the document keeps the kinds
//! ([`crate::document::Document::from_article`]: only paragraphs give sentences). The page is a
//! `&str`: decoding its bytes (as a browser does) is [`crate::input::decode_page`]'s job.
//!
//! # Where each stage lives
//!
//! [`extract`] (in `mod.rs`, with [`looks_like_html`], [`Article`] and [`Block`]) runs these
//! stages in order, one file each under `src/html/`:
//!
//! 1. `guard.rs`: the pre-scan over the raw page that rejects pathological input before
//!    parsing (see [Limits](#limits); the limits are re-exported here).
//! 2. `dom.rs`: a flat, pre-order copy of the tree that `scraper`/html5ever builds.
//! 3. `source.rs`: the byte range of every text node in the page (see [Offsets](#offsets)).
//! 4. `meta.rs`: `<meta>` tags, `<title>` and JSON-LD, read once; at the end, the title and
//!    publication date (see [Metadata](#metadata)).
//! 5. `boilerplate.rs`: class/id words and per-element noise flags and text counts (see
//!    [What is dropped](#what-is-dropped)).
//! 6. `container.rs`: the choice of the article's container (see
//!    [How the article is found](#how-the-article-is-found)).
//! 7. `teaser.rs`: the teaser element, or the paragraph equal to the page description (see
//!    [Teaser](#teaser)).
//! 8. `paragraphs.rs`: the block candidates under the container with their kind, their
//!    whitespace, and the markup-level filter (see [Blocks](#blocks-and-whitespace)).
//!
//! `mod.rs` then runs the block classifier of `crate::clean` over the candidates, keeps what
//! it and the markup-level filter accept, drops headings that head nothing, takes a bold first
//! paragraph as the teaser when no other was found, swaps in the JSON-LD body when it is much
//! longer, drops repeats and the headline, and fails with [`ErrorKind::EmptyInput`] when
//! nothing is left.
//!
//! # How the article is found
//!
//! By its text; class and id words only lower a candidate's score.
//!
//! 1. **Container.** The element with `itemprop="articleBody"` holding the most non-link text
//!    is preferred, then such an `<article>` element; either needs 100 characters, and an
//!    `<article>` also a quarter of the page's visible non-link text, so a page whose only
//!    `<article>` elements are teaser cards falls through to step 2. Candidates inside
//!    boilerplate (a related-articles list, say) only count when no other candidate qualifies.
//! 2. **Density score.** Without such a container, a readability-style score picks one: every
//!    text block of 25 characters or more gives `1 + commas + min(chars / 100, 3)` points to its
//!    container and, decreasingly, to four more ancestors; `<div>` starts at +5, lists and forms
//!    at −3; class/id words like `article`, `content`, `story`, `text` add 25 and words like
//!    `nav`, `footer`, `cookie`, `related`, `share`, `comment`, `ad` subtract 25; the total is
//!    scaled by `1 − link density`. Siblings of the winner that score at least a fifth of it and
//!    hold 100 characters of their own (or are plain paragraphs with few links) are taken
//!    along.
//! 3. **Same shape.** Blocks around the container that have its shape, or the shape of one of
//!    its five nearest ancestors (same tag and class, e.g. `div.module.module-text` of a site
//!    builder, or TYPO3's `div.csc-default > article` per content element), are taken along
//!    when they hold 100 characters outside links with a link density below 0.25: a page that
//!    cuts its text into modules or sibling `<article>`s is read whole.
//! 4. **JSON-LD.** When the page carries a JSON-LD `articleBody` and the markup yields less than
//!    half as much text, the JSON-LD body is used instead (split at its line breaks, its lines
//!    judged by the block classifier).
//!
//! Class words are a guess; the text is not. An element that class or id words (or its being a
//! `<form>`) mark as boilerplate keeps its text when it holds 40 % of the page's non-link text:
//! a share bar or a paywall box never does, the post body of a theme that calls it `entry
//! themeform share`, a column called `content_left print-only`, a `has-paywall` container or a
//! page wrapper called `mastergridBanner` does. Comment and forum sections stay boilerplate
//! whatever their size. CMS taxonomy classes (`tag-open-source`, `category-…`, `format-…`)
//! are not read as words.
//!
//! # What is dropped
//!
//! Inside the container, these elements are skipped with everything in them: scripts, styles,
//! `noscript`, `template`, forms and buttons (but see above), embedded media, `nav`, `aside`,
//! `footer`, `figure`/`figcaption`, a `header` outside an `<article>`, the `<h1>` (the title is
//! read separately), `aria-hidden="true"` on other elements than `div`, `section`, `main` and
//! `article` (a page saved with an open consent dialog has its whole content aria-hidden), ARIA
//! landmarks for navigation and banners, elements whose class or id names boilerplate
//! (cookie/consent banners, paywall and subscription boxes, newsletter boxes, share and social
//! buttons, related-article and teaser lists, tables of contents, ratings, comments, ads,
//! breadcrumbs, captions, legends and photo credits, kickers, bylines, categories and
//! datelines), and anything `hidden` or `display:none`, unless it is long prose (200
//! characters outside links, three quarters of its text): the rest of a story behind a "read
//! more" button or a paywall script is in the page, so it is read. A hidden microdata item
//! (`itemscope`: a NewsArticle's headline, dates and description for search engines) is never
//! read. A run-in heading before a line break (a short line of capitalised words, articles and
//! prepositions ending in a colon: "Tierhaltungskennzeichnung für Schweinefleisch:") is a block
//! of its own, not the start of its paragraph's first sentence.
//!
//! Every other block is a candidate. The **block classifier** of `crate::clean`, the one the
//! plain-text route uses, judges them all (short skipped boxes too, as context): a photo credit
//! ("Bild: imago images/ZUMA Wire") and the caption before it, a prompt (apps, newsletters,
//! jobs, sharing), a lone date, a line without letters (but in a table cell) go; a paragraph
//! that is a short line without sentence punctuation becomes a heading. Then a block is dropped
//! when more than half of its text is link text, when it starts like a known boilerplate line
//! ("Lesen Sie auch", "Mehr zum Thema", "Jetzt abonnieren", "Foto:", "Abbildung 4:",
//! "Über dieses Thema berichtete", "Dieser Artikel kann Links … enthalten" …), when it is a short
//! line about subscriptions, newsletters or cookies, when it is a short source credit in
//! parentheses ("(APA, 1.6.2015)"), or when it repeats an earlier block, the teaser or the
//! title. A heading stays only when kept content follows it before the next heading of its
//! level or above (a short line: before the next `<h2>`–`<h6>`), so "Mehr zum Thema" over a
//! list of links goes with it; the cells of a table most of whose blocks go (a link table) go
//! too.
//!
//! A **dateline** marked up as its own element (`<span class="dateline">Tokio</span>`) is dropped
//! with it; a dateline written as plain text ("Wien – Die Gewerkschaft …") stays, as it is part
//! of the paragraph's text (the document splits it off).
//!
//! # Blocks and whitespace
//!
//! A block is the text of a `<p>`, a heading (`<h2>`–`<h6>`), a list item (`<li>`, `<dt>`,
//! `<dd>`), a table cell (`<td>`, `<th>`; [`Block::row`] numbers its row), or text standing
//! directly in another block element (`div`, `blockquote`, …); its kind is that of the nearest
//! such element. A list item or table cell holding more than 400 visible characters is layout
//! (a page set in a table), its text paragraphs. Two `<br>` in a row also end a block, a single
//! `<br>` becomes a space. Inline markup joins without spaces (`Bundes<em>tag</em>` is
//! "Bundestag"). Whitespace runs (including no-break spaces) collapse to one space, soft hyphens
//! and zero-width spaces are removed, and empty blocks are dropped. Entities are decoded by the
//! parser.
//!
//! # Offsets
//!
//! [`Block::start`]..[`Block::end`] is the block's range in the page given to [`extract`]: from
//! its first to past its last visible character, the markup in between included. html5ever
//! reports no source positions, so `source.rs` cuts the page into its text runs with a small
//! lexer and aligns the tree's text nodes with them (character references match the character
//! they stand for, `\r\n` matches `\n`); text the tree builder moved (out of a table) is found
//! a few runs ahead. On the 212 pages of the shared German dev set, 99.9 % of the blocks' ranges
//! hold exactly their text. A JSON-LD paragraph points at its line where the script holds it
//! verbatim, else at the whole script.
//!
//! # Teaser
//!
//! The teaser is, in this order: an element in the article (or before it in the `<main>` around
//! it; without an `<article>`, before the end of the container) whose class or id says
//! `teaser`, `lead`, `intro`, `summary`, `standfirst`, `subtitle`, `abstract`, `excerpt`,
//! `description` or `vorspann`, or that carries `itemprop="description"`; else the paragraph
//! equal to the page's `og:description` / `description`; else a first paragraph set entirely in
//! bold (the tagesschau convention).
//!
//! # Metadata
//!
//! Title: `og:title`, `twitter:title`, JSON-LD `headline`, the article's `<h1>` (without an
//! `<article>`: an `<h1>` next to the body container, not the page's first), `<title>`; a site
//! suffix (" | tagesschau.de", " - Handelsblatt") is cut when it names the site (`og:site_name`,
//! the host of `og:url` or the canonical link) or looks like a domain, and after " | " when it is
//! at most three words. Published: `article:published_time`, JSON-LD `datePublished`,
//! `itemprop="datePublished"`, the article's first `<time datetime>`, `<meta name="date">`;
//! returned as written in the page.
//!
//! # Limits
//!
//! html5ever's tree builder takes time proportional to (tags × depth of open elements) on
//! pathological input, as it walks the stack of open elements for many tags: 16,000 nested
//! `<div>` take 34 s in a debug build, 400,000 repetitions of `<a><b>x` 162 s in a release
//! build. A malformed page can also make it re-open ("reconstruct") dozens of unclosed
//! `<font>`/`<b>` elements in every later paragraph, multiplying the node count. So a linear
//! pre-scan models the tree builder roughly (tokenizer states for comments, raw-text elements,
//! attribute quoting and foreign content; implied end tags; end tags that close only within
//! scope; the list of active formatting elements) and rejects, with an [`ErrorKind::PageTooComplex`]
//! error and before parsing, input
//!
//! - larger than [`MAX_INPUT_BYTES`] (50 MB),
//! - with more than [`MAX_TAGS`] tags (1,000,000),
//! - nested deeper than [`MAX_NESTING_DEPTH`] (512),
//! - leaving more than [`MAX_OPEN_FORMATTING`] (64) distinct formatting elements open, or
//! - needing more than [`MAX_PARSE_WORK`] estimated steps (50 million; a tag costs the current
//!   depth, a re-opened formatting element 128).
//!
//! The model is a heuristic, not a second parser; its depth tends to over-estimate. Measured in
//! a release build on the project's 2-core machine, the slowest accepted inputs found take about
//! 0.5 s (511 nested spans followed by 97,000 stray end tags; 6,000 paragraphs each re-opening
//! 64 fonts; 11 MB of short paragraphs), a 20 MB one-paragraph page 0.25 s; rejection takes
//! milliseconds. Debug builds are 10–20 times slower.
//! All traversal of the parsed tree is iterative (no recursion over the DOM), so depth cannot
//! overflow the stack.

mod boilerplate;
mod container;
mod dom;
mod guard;
mod meta;
mod paragraphs;
mod source;
mod teaser;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use scraper::Html;

pub use crate::clean::Structure;
use crate::clean::{BlockKind, Boilerplate, classify_blocks};
use crate::error::{Error, ErrorKind, Result};

use boilerplate::{Flags, Noise};
use container::{article_scope, choose_container};
use dom::{Dom, NONE};
use guard::prescan;
pub use guard::{
    MAX_INPUT_BYTES, MAX_NESTING_DEPTH, MAX_OPEN_FORMATTING, MAX_PARSE_WORK, MAX_TAGS,
};
use meta::{PageMeta, find_published, find_title};
use paragraphs::{Collect, LINE_LEVEL, collect_blocks, keep_block, normalize_ws};
use source::{NO_RANGE, text_ranges};
use teaser::{find_teaser_element, teaser_from_description};

/// Hidden text in the article's container with at least this many characters outside links
/// (three quarters of it at least) is kept: the rest of a story behind a "read more" button or
/// a paywall script is in the page.
const MIN_HIDDEN_PROSE: usize = 200;

/// A block of an article: its kind, its text, and where it stands in the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: Structure,
    /// The text, whitespace-normalised, never empty.
    pub text: String,
    /// Byte offset in the page (the `&str` given to [`extract`]) of the block's first visible
    /// character; the markup inside the block is within `start..end`.
    pub start: usize,
    /// One past the block's last visible character in the page.
    pub end: usize,
    /// For a table cell: its row's number among the article's table rows (cells of one row
    /// share it).
    pub row: Option<usize>,
}

/// The main text and metadata of a news article page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Article {
    /// The headline, from the page's metadata or its `<h1>`; not part of [`Article::text`].
    pub title: Option<String>,
    /// Publication date/time as written in the page (usually ISO 8601).
    pub published: Option<String>,
    /// The teaser (lead paragraph), when the page marks one.
    pub teaser: Option<Block>,
    /// The article's blocks in page order: paragraphs, headings, list items, table cells.
    pub blocks: Vec<Block>,
}

impl Article {
    /// The text the pipeline reads: the teaser (if any), then the blocks, one per line (joined
    /// with `"\n"`, no trailing newline). The headline is not included.
    pub fn text(&self) -> String {
        self.layout().0
    }

    /// [`Article::text`], and the byte range of each block (the teaser first) in it with the
    /// block's kind: what `crate::clean::clean_blocks` reads.
    pub fn layout(&self) -> (String, Vec<(Range<usize>, Structure)>) {
        let mut text = String::new();
        let mut ranges = Vec::with_capacity(self.blocks.len() + 1);
        for b in self.teaser.iter().chain(&self.blocks) {
            if !text.is_empty() {
                text.push('\n');
            }
            let start = text.len();
            text.push_str(&b.text);
            ranges.push((start..text.len(), b.kind));
        }
        (text, ranges)
    }

    /// The running-text blocks (paragraphs), without the teaser.
    pub fn paragraphs(&self) -> Vec<&str> {
        self.blocks
            .iter()
            .filter(|b| b.kind == Structure::Paragraph)
            .map(|b| b.text.as_str())
            .collect()
    }
}

/// True if the text starts like HTML: after a byte-order mark, whitespace, comments and an XML
/// declaration, it begins with `<!doctype html` or one of the tags `<html`, `<head`, `<body`,
/// `<meta`, `<title`, `<div`, `<p`, `<article`, `<section`, `<main` (case-insensitive, the tag
/// name followed by whitespace, `>` or `/`).
pub fn looks_like_html(text: &str) -> bool {
    let mut s = text.trim_start_matches('\u{feff}').trim_start();
    loop {
        if starts_with_ci(s, "<!--") {
            match s.find("-->") {
                Some(p) => s = s[p + 3..].trim_start(),
                None => return false,
            }
        } else if starts_with_ci(s, "<?xml") {
            match s.find("?>") {
                Some(p) => s = s[p + 2..].trim_start(),
                None => return false,
            }
        } else {
            break;
        }
    }
    if starts_with_ci(s, "<!doctype html") {
        return true;
    }
    const TAGS: [&str; 10] = [
        "html", "head", "body", "meta", "title", "div", "p", "article", "section", "main",
    ];
    let b = s.as_bytes();
    if b.first() != Some(&b'<') {
        return false;
    }
    TAGS.iter().any(|tag| {
        let n = tag.len();
        b.len() > n + 1
            && b[1..=n].eq_ignore_ascii_case(tag.as_bytes())
            && matches!(
                b[n + 1],
                b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'
            )
    })
}

/// Extract the main article text of a saved news page.
///
/// Returns [`ErrorKind::EmptyInput`] when the page holds no article text, and
/// [`ErrorKind::PageTooComplex`] when it exceeds one of the limits ([`MAX_INPUT_BYTES`], [`MAX_TAGS`],
/// [`MAX_NESTING_DEPTH`], [`MAX_OPEN_FORMATTING`], [`MAX_PARSE_WORK`]). See the module
/// documentation for the rules.
pub fn extract(html: &str) -> Result<Article> {
    prescan(html)?;
    let doc = Html::parse_document(html);
    let dom = Dom::build(&doc);
    let meta = PageMeta::read(&dom);
    let flags = Flags::compute(&dom);
    let ranges = text_ranges(html, &dom);

    let (main, roots) = choose_container(&dom, &flags);
    let scope = article_scope(&dom, main);

    // Teaser marked by class/id, searched in the article (or before the end of the body).
    let teaser_el = find_teaser_element(&dom, &flags, main, scope);
    let skip_el = teaser_el.as_ref().map(|(i, _)| *i);
    let mut teaser = teaser_el.map(|(_, b)| b);

    let mut candidates = Vec::new();
    for &r in &roots {
        candidates.extend(collect_blocks(
            &dom,
            r,
            Collect::Structure,
            &flags.visible,
            |i| {
                let hidden_prose = flags.noise[i] == Noise::Hidden
                    && flags.clean[i] >= MIN_HIDDEN_PROSE
                    && flags.clean[i] * 4 >= flags.visible[i] * 3;
                (flags.noise[i] != Noise::None && !hidden_prose) || Some(i) == skip_el
            },
        ));
    }
    let mut blocks = keep_blocks(&dom, candidates);

    if teaser.is_none() {
        teaser = teaser_from_description(&dom, &flags, &meta, main, &mut blocks);
    }
    if teaser.is_none()
        && let Some(first) = blocks.first()
        && first.kind == Structure::Paragraph
        && first.is_bold()
    {
        teaser = Some(blocks.remove(0));
    }

    let span = |b: &paragraphs::Block| node_span(&ranges, b.first_node, b.last_node);
    let mut rows: HashMap<usize, usize> = HashMap::new();
    let mut out: Vec<Block> = blocks
        .iter()
        .map(|b| {
            let (start, end) = span(b);
            let row = b.row.map(|r| {
                let next = rows.len();
                *rows.entry(r).or_insert(next)
            });
            Block {
                kind: b.kind,
                text: b.text.clone(),
                start,
                end,
                row,
            }
        })
        .collect();
    let teaser = teaser.map(|b| {
        let (start, end) = span(&b);
        Block {
            kind: Structure::Paragraph,
            text: b.text,
            start,
            end,
            row: None,
        }
    });

    if let Some(body) = meta.ld_body.as_deref() {
        let dom_len: usize = out.iter().map(|b| b.text.chars().count()).sum();
        let ld = json_ld_blocks(
            html,
            body,
            meta.ld_node.map(|n| ranges_of(&dom, &ranges, n)),
        );
        let ld_len: usize = ld.iter().map(|b| b.text.chars().count()).sum();
        if ld_len >= 200 && dom_len * 2 < ld_len {
            out = ld;
        }
    }

    let title = find_title(&dom, &flags, &meta, scope, main);
    // No repeats: responsive layouts sometimes carry the same paragraph twice (table cells may
    // repeat: "ja", "–"); and the headline is the title.
    let mut seen: HashSet<String> = teaser.iter().map(|t| t.text.clone()).collect();
    seen.extend(title.clone());
    let blocks: Vec<Block> = out
        .into_iter()
        .filter(|b| b.kind == Structure::TableCell || seen.insert(b.text.clone()))
        .collect();

    if blocks.is_empty() && teaser.is_none() {
        return Err(Error::new(ErrorKind::EmptyInput));
    }

    let published = find_published(&dom, &flags, &meta, scope.unwrap_or(main));
    Ok(Article {
        title,
        published,
        teaser,
        blocks,
    })
}

/// The candidates that stay: the block classifier ([`crate::clean`]) judges all of them first,
/// short skipped boxes included as context (so that a caption is known by the credit after
/// it, even when the credit's class made it boilerplate), then the markup-level filter; a
/// paragraph the classifier calls a heading becomes one. A heading stays only when kept
/// content follows it before the next heading of its level or above (a "Related" heading over
/// a dropped link list goes); for a short line, before the next `<h2>`–`<h6>`. Table cells go
/// with their table when most of its cells go.
fn keep_blocks(dom: &Dom<'_>, mut candidates: Vec<paragraphs::Block>) -> Vec<paragraphs::Block> {
    let verdicts = {
        let spans: Vec<(&str, Structure)> = candidates
            .iter()
            .map(|b| (b.text.as_str(), b.kind))
            .collect();
        classify_blocks(&spans)
    };
    let mut keep: Vec<bool> = Vec::with_capacity(candidates.len());
    for (b, v) in candidates.iter_mut().zip(&verdicts) {
        let k = !b.context
            && keep_block(b)
            && match v {
                BlockKind::Body
                | BlockKind::Heading
                | BlockKind::ListItem
                | BlockKind::TableCell => true,
                BlockKind::Boilerplate(Boilerplate::Heading) => {
                    b.kind = Structure::Heading;
                    b.level = LINE_LEVEL;
                    true
                }
                BlockKind::Boilerplate(_) => false,
            };
        keep.push(k);
    }
    // A table most of whose blocks go (link lists) is navigation: its cells go too. Each block
    // counts for every table around it (one walk up per block: linear in blocks × depth).
    let table_of = |b: &paragraphs::Block| {
        let mut at = b.row?;
        while at != NONE && dom.tag(at) != "table" {
            at = dom.parent(at);
        }
        (at != NONE).then_some(at)
    };
    let mut tables: HashMap<usize, (usize, usize)> = candidates
        .iter()
        .filter(|b| b.kind == Structure::TableCell)
        .filter_map(table_of)
        .map(|t| (t, (0, 0)))
        .collect();
    if !tables.is_empty() {
        for (c, &k) in candidates.iter().zip(&keep) {
            if c.context {
                continue;
            }
            let mut at = c.owner;
            while at != NONE {
                if let Some(e) = tables.get_mut(&at) {
                    e.0 += 1;
                    e.1 += usize::from(k);
                }
                at = dom.parent(at);
            }
        }
    }
    for (b, k) in candidates.iter().zip(keep.iter_mut()) {
        if b.kind == Structure::TableCell
            && table_of(b)
                .and_then(|t| tables.get(&t))
                .is_some_and(|&(all, kept)| kept * 2 < all)
        {
            *k = false;
        }
    }
    // Headings, from the end: the nearest kept content after each position, and the nearest
    // heading of each level (2–6) or above. Short lines (level 7) end no search and search up
    // to the next <h2>–<h6>.
    let mut next_content = usize::MAX;
    let mut next_heading = [usize::MAX; 7];
    for k in (0..candidates.len()).rev() {
        let b = &candidates[k];
        if b.kind != Structure::Heading {
            if keep[k] {
                next_content = k;
            }
            continue;
        }
        let level = usize::from(b.level.min(LINE_LEVEL - 1));
        if keep[k] {
            keep[k] = next_content < next_heading[level];
        }
        for slot in next_heading.iter_mut().skip(usize::from(b.level)) {
            *slot = k;
        }
    }
    candidates
        .into_iter()
        .zip(keep)
        .filter_map(|(b, k)| k.then_some(b))
        .collect()
}

/// The page range that covers every placed text node of `first..=last` (the tree builder may
/// have moved a node, so the first node is not always the one that starts first); when none is
/// placed, an empty range after the nearest placed node before them.
fn node_span(ranges: &[(usize, usize)], first: usize, last: usize) -> (usize, usize) {
    if first == NONE {
        return (0, 0);
    }
    let placed = |i: &usize| ranges[*i] != NO_RANGE;
    let span = (first..=last)
        .filter(placed)
        .map(|i| ranges[i])
        .reduce(|(s, e), (s2, e2)| (s.min(s2), e.max(e2)));
    span.unwrap_or_else(|| {
        let before = (0..first).rev().find(placed).map_or(0, |i| ranges[i].1);
        (before, before)
    })
}

/// The page range of element `el`'s text (its placed text nodes).
fn ranges_of(dom: &Dom<'_>, ranges: &[(usize, usize)], el: usize) -> (usize, usize) {
    let (first, last) = (el + 1, dom.end(el).saturating_sub(1));
    if first > last {
        return (0, 0);
    }
    node_span(ranges, first, last)
}

/// The lines of a JSON-LD `articleBody` as paragraphs: those the classifier takes for
/// sentences. Each is placed where it stands verbatim in the page, else on the whole script
/// (`script`: its range; JSON escapes hide the text).
fn json_ld_blocks(page: &str, body: &str, script: Option<(usize, usize)>) -> Vec<Block> {
    let lines: Vec<String> = body
        .lines()
        .map(normalize_ws)
        .filter(|p| !p.is_empty())
        .collect();
    let spans: Vec<(&str, Structure)> = lines
        .iter()
        .map(|l| (l.as_str(), Structure::Paragraph))
        .collect();
    let verdicts = classify_blocks(&spans);
    let (s0, s1) = script.unwrap_or((0, 0));
    let mut from = s0;
    lines
        .into_iter()
        .zip(verdicts)
        .filter(|(_, v)| *v == BlockKind::Body)
        .map(|(text, _)| {
            let (start, end) = match page.get(from..s1).and_then(|s| s.find(&text)) {
                Some(p) => {
                    from += p + text.len();
                    (s0.max(from - text.len()), from)
                }
                None => (s0, s1),
            };
            Block {
                kind: Structure::Paragraph,
                text,
                start,
                end,
                row: None,
            }
        })
        .collect()
}

fn starts_with_ci(s: &str, pat: &str) -> bool {
    s.as_bytes()
        .get(..pat.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(pat.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_like_html_accepts_pages_and_fragments() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("\u{feff}  \n<html lang=\"de\">"));
        assert!(looks_like_html(
            "<!-- saved from url=x -->\n<!doctype html>"
        ));
        assert!(looks_like_html("<?xml version=\"1.0\"?><html>"));
        assert!(looks_like_html("<p>Ein Absatz</p>"));
        assert!(looks_like_html("<DIV class=x>"));
        assert!(looks_like_html("<article>"));
        assert!(looks_like_html("<meta charset=utf-8>"));
    }

    #[test]
    fn looks_like_html_rejects_text() {
        assert!(!looks_like_html(
            "Die USA und Japan wollen <b>enger</b> zusammenarbeiten."
        ));
        assert!(!looks_like_html("<pre>code</pre>"));
        assert!(!looks_like_html("<headline>"));
        assert!(!looks_like_html("<p"));
        assert!(!looks_like_html(""));
        assert!(!looks_like_html("<!-- unterminated"));
    }
}
