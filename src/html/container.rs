//! Choosing the element that holds the article: an `itemprop="articleBody"` or `<article>`
//! element with enough text, else the winner of a readability-style density score and its
//! qualifying siblings (see "How the article is found" in the [module
//! documentation](super)).

use super::boilerplate::{Flags, Noise};
use super::dom::{Dom, NONE};
use super::paragraphs::{Collect, collect_blocks, normalize_ws};

/// Minimum non-link characters for an `itemprop=articleBody` / `<article>` container.
const MIN_CONTAINER_CHARS: usize = 100;
/// How many ancestors of the container are searched for blocks of the same shape.
const SHAPE_LEVELS: usize = 5;
/// Minimum non-link characters of such a block.
const MIN_SHAPE_CHARS: usize = 100;
/// Maximum link density of such a block.
const MAX_SHAPE_LINK_DENSITY: f64 = 0.25;

/// The main container, and the root(s) to collect body paragraphs from in page order (the
/// container and, after density scoring, some of its siblings).
pub(super) fn choose_container(dom: &Dom<'_>, flags: &Flags) -> (usize, Vec<usize>) {
    let n = dom.len();
    // Inherited noise, to tell candidates inside boilerplate apart.
    let mut inherited = vec![false; n];
    for i in 1..n {
        let p = dom.parent(i);
        inherited[i] = p != NONE && (inherited[p] || flags.noise[p] != Noise::None);
    }
    let body = (0..n).find(|&i| dom.tag(i) == "body").unwrap_or(0);
    let total = flags.clean[body].max(1);

    let itemprop: Vec<usize> = (0..n)
        .filter(|&i| dom.attrs(i).itemprop == Some("articleBody"))
        .filter(|&i| !matches!(flags.noise[i], Noise::Hard | Noise::Hidden))
        .collect();
    let articles: Vec<usize> = (0..n)
        .filter(|&i| dom.tag(i) == "article")
        .filter(|&i| !matches!(flags.noise[i], Noise::Hard | Noise::Hidden))
        .collect();
    for (cands, min_share) in [(itemprop, 0.0), (articles, 0.25)] {
        let ok = |i: &usize| {
            let c = flags.clean[*i];
            c >= MIN_CONTAINER_CHARS && c as f64 >= min_share * total as f64
        };
        let pick = |outside: bool| {
            cands
                .iter()
                .filter(|&&i| !outside || !inherited[i])
                .filter(|i| ok(i))
                .max_by_key(|&&i| (flags.clean[i], std::cmp::Reverse(i)))
                .copied()
        };
        if let Some(c) = pick(true).or_else(|| pick(false)) {
            let mut roots = vec![c];
            if dom.tag(c) == "article" {
                add_same_shape(dom, flags, c, &mut roots);
            }
            return (c, roots);
        }
    }
    let (top, mut roots) = density_container(dom, flags, body);
    if top != body {
        add_same_shape(dom, flags, top, &mut roots);
    }
    (top, roots)
}

fn link_density(flags: &Flags, i: usize) -> f64 {
    let all = flags.visible[i];
    if all == 0 {
        return 0.0;
    }
    1.0 - flags.clean[i] as f64 / all as f64
}

/// Add the blocks around `main` that have its shape, or the shape of one of its ancestors
/// (same tag and class: CMS pages put every text block of an article in its own module, and
/// TYPO3 each in its own `<article>`), with enough text outside links; keep `roots` in page
/// order and without nesting.
fn add_same_shape(dom: &Dom<'_>, flags: &Flags, main: usize, roots: &mut Vec<usize>) {
    let mut at = main;
    for level in 0..SHAPE_LEVELS {
        let parent = dom.parent(at);
        if parent == NONE
            || dom.elem(parent).is_none()
            || matches!(dom.tag(parent), "body" | "html")
        {
            break;
        }
        let (tag, class) = (dom.tag(at), dom.attrs(at).class);
        // Unclassed elements of one tag are not one shape, except <article>s side by side.
        if class.is_some_and(|c| !c.trim().is_empty()) || (level == 0 && tag == "article") {
            for s in dom.children(parent) {
                if s != at
                    && dom.tag(s) == tag
                    && dom.attrs(s).class == class
                    && flags.noise[s] == Noise::None
                    && flags.clean[s] >= MIN_SHAPE_CHARS
                    && link_density(flags, s) < MAX_SHAPE_LINK_DENSITY
                {
                    roots.push(s);
                }
            }
        }
        at = parent;
    }
    roots.sort_unstable();
    roots.dedup();
    let mut kept: Vec<usize> = Vec::with_capacity(roots.len());
    for &r in roots.iter() {
        if kept.last().is_none_or(|&k| !dom.contains(k, r)) {
            kept.push(r);
        }
    }
    *roots = kept;
}

/// Readability-style scoring; returns the best container, and it with its qualifying siblings.
fn density_container(dom: &Dom<'_>, flags: &Flags, body: usize) -> (usize, Vec<usize>) {
    let n = dom.len();
    let blocks = collect_blocks(dom, body, Collect::Counts, &flags.visible, |i| {
        flags.noise[i] != Noise::None
    });
    let mut score = vec![f64::NAN; n];
    let init = |i: usize| -> f64 {
        let base = match dom.tag(i) {
            "div" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        let h = flags.hints[i];
        let class = if h.strong_neg || h.meta || h.weak_neg {
            -25.0
        } else if h.pos {
            25.0
        } else {
            0.0
        };
        base + class
    };
    for b in &blocks {
        if b.chars < 25 {
            continue;
        }
        let content = 1.0 + b.commas as f64 + (b.chars / 100).min(3) as f64;
        let mut at = if matches!(dom.tag(b.owner), "p" | "pre") {
            dom.parent(b.owner)
        } else {
            b.owner
        };
        for level in 0..5 {
            if at == NONE || dom.elem(at).is_none() {
                break;
            }
            if score[at].is_nan() {
                score[at] = init(at);
            }
            score[at] += match level {
                0 => content,
                1 => content / 2.0,
                l => content / (l as f64 * 3.0),
            };
            at = dom.parent(at);
        }
    }
    let link_density = |i: usize| link_density(flags, i);
    let mut best: Option<(usize, f64)> = None;
    let mut finals = vec![f64::NAN; n];
    for i in 0..n {
        if score[i].is_nan() {
            continue;
        }
        let f = score[i] * (1.0 - link_density(i));
        finals[i] = f;
        if best.is_none_or(|(_, b)| f > b) {
            best = Some((i, f));
        }
    }
    let Some((top, top_score)) = best else {
        return (body, vec![body]);
    };
    let parent = dom.parent(top);
    if parent == NONE || dom.elem(parent).is_none() {
        return (top, vec![top]);
    }
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = dom.attrs(top).class;
    let mut roots = Vec::new();
    for s in dom.children(parent) {
        if s == top {
            roots.push(s);
            continue;
        }
        if dom.elem(s).is_none() || flags.noise[s] != Noise::None {
            continue;
        }
        let mut sscore = if finals[s].is_nan() { 0.0 } else { finals[s] };
        if top_class.is_some() && dom.attrs(s).class == top_class {
            sscore += top_score * 0.2;
        }
        // A sibling box needs text of its own: a class word alone does not make a side column.
        let keep = if sscore >= threshold {
            flags.clean[s] >= MIN_SHAPE_CHARS
        } else if dom.tag(s) == "p" {
            let all = flags.visible[s];
            let ld = link_density(s);
            let text = normalize_ws(&dom.raw_text(s));
            (all > 80 && ld < 0.25) || (all <= 80 && ld == 0.0 && text.ends_with('.'))
        } else {
            false
        };
        if keep {
            roots.push(s);
        }
    }
    (top, roots)
}

/// The `<article>` the container sits in (or is), if any.
pub(super) fn article_scope(dom: &Dom<'_>, main: usize) -> Option<usize> {
    let mut at = main;
    while at != NONE {
        if dom.tag(at) == "article" {
            return Some(at);
        }
        at = dom.parent(at);
    }
    None
}
