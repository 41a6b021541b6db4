//! The teaser (lead paragraph): an element marked as such by class, id or itemprop, or the
//! paragraph equal to the page description (see "Teaser" in the [module
//! documentation](super)). [`super::extract`] applies the last rule, a bold first paragraph.

use super::boilerplate::{Flags, Noise};
use super::dom::{Dom, NONE};
use super::meta::PageMeta;
use super::paragraphs::{Block, Collect, collect_blocks, normalize_ws};

const TEASER_TAGS: &[&str] = &["p", "div", "section", "span", "strong", "h2", "summary"];

/// An element marked as teaser by class/id or `itemprop="description"`: (index, its text as
/// one block).
pub(super) fn find_teaser_element(
    dom: &Dom<'_>,
    flags: &Flags,
    main: usize,
    scope: Option<usize>,
) -> Option<(usize, Block)> {
    // In the <article>, or before its end in the <main> around it (a page header with the
    // standfirst beside the article), or before the end of the container.
    let (start, stop) = match scope {
        Some(a) => {
            let p = dom.parent(a);
            let start = if p != NONE && dom.tag(p) == "main" {
                p
            } else {
                a
            };
            (start, dom.end(a))
        }
        None => (0, dom.end(main)),
    };
    let mut examined = 0;
    let mut i = start;
    while i < stop {
        let Some(el) = dom.elem(i) else {
            i += 1;
            continue;
        };
        // Skip boilerplate, except the ancestors of the container.
        if flags.noise[i] != Noise::None && !dom.contains(i, main) {
            i = dom.end(i);
            continue;
        }
        let marked = flags.hints[i].teaser || dom.attrs(i).itemprop == Some("description");
        if marked && TEASER_TAGS.contains(&el.name()) && !dom.contains(i, main) {
            examined += 1;
            let blocks = collect_blocks(dom, i, Collect::Paragraphs, &flags.visible, |k| {
                flags.noise[k] != Noise::None
            });
            let block = Block::merge(blocks, i);
            if (30..=1000).contains(&block.chars) && block.link_chars * 10 < block.chars * 3 {
                return Some((i, block));
            }
            if examined >= 20 {
                return None;
            }
            i = dom.end(i);
            continue;
        }
        i += 1;
    }
    None
}

/// The paragraph equal to the page description (`og:description` …), removed from
/// `paragraphs` when found there; else a matching block before the container.
pub(super) fn teaser_from_description(
    dom: &Dom<'_>,
    flags: &Flags,
    meta: &PageMeta,
    main: usize,
    paragraphs: &mut Vec<Block>,
) -> Option<Block> {
    let descs: Vec<String> = meta
        .descriptions
        .iter()
        .map(|d| normalize_ws(d))
        .filter(|d| d.chars().count() >= 30)
        .collect();
    let matches = |text: &str| {
        descs.iter().any(|d| {
            if text == d {
                return true;
            }
            let stem = d.trim_end_matches('…').trim_end_matches("...").trim_end();
            stem.len() < d.len() && stem.chars().count() >= 30 && text.starts_with(stem)
        })
    };
    if descs.is_empty() {
        return None;
    }
    if let Some(k) = paragraphs.iter().take(2).position(|b| matches(&b.text)) {
        let mut b = paragraphs.remove(k);
        b.kind = super::Structure::Paragraph;
        return Some(b);
    }
    let body = (0..dom.len()).find(|&i| dom.tag(i) == "body").unwrap_or(0);
    collect_blocks(dom, body, Collect::Paragraphs, &flags.visible, |i| {
        flags.noise[i] != Noise::None && !dom.contains(i, main)
    })
    .into_iter()
    .filter(|b| b.owner < main)
    .find(|b| matches(&b.text))
}
