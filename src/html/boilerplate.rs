//! What counts as boilerplate: words in an element's class and id ([`Hints`]), and per
//! element [`Flags`]: its own [`Noise`] (by tag, role, hidden state or class words) and the
//! visible and non-link text counts of its subtree, which the later stages read.
//!
//! Class words are a guess; the text is not. So an element that class words (or its being a
//! `<form>`) mark as boilerplate keeps its text when it holds much of the page's text outside
//! links: a share bar or a paywall box is never 40 % of a page, the article body that a theme
//! happens to call `entry themeform share` or `steady-paywall-container` is, and so is a page
//! wrapper called `mastergridBanner`. Only comment and forum sections, which can be long, stay
//! boilerplate whatever their size.

use super::dom::{Attrs, Dom, Kind, NONE};

/// Words that mark boilerplate whatever else the class says.
#[rustfmt::skip]
const NEG_STRONG: &[&str] = &[
    "ad", "ads", "adslot", "adunit", "anzeige", "anzeigen", "werbung", "promo", "cmp", "gdpr",
    "dsgvo", "share", "sharing", "shares", "posting", "postings", "forum", "community", "nav",
    "navi", "navbar", "navigation", "menu", "abo", "abobox", "jobs", "jobwidget", "login",
    "signup", "dateline", "ortsmarke", "caption", "legend", "credit", "credits", "copyright",
    "bildunterschrift", "bildnachweis", "mostread", "meistgelesen", "topstories", "trending",
    "kicker", "overline", "dachzeile", "topline", "eyebrow", "spitzmarke", "toc", "rating",
    "ratings",
];
/// Word prefixes that mark boilerplate whatever else the class says.
#[rustfmt::skip]
const NEG_STRONG_PREFIX: &[&str] = &[
    "advert", "sponsor", "newsletter", "comment", "kommentar", "cookie", "consent", "paywall",
    "breadcrumb", "recommend", "empfehlung", "subscri", "outbrain", "taboola", "plista", "shariff",
    "social", "footer", "related", "teaserlist",
];
/// Whole class tokens (lower-cased) that mark boilerplate.
#[rustfmt::skip]
const NEG_TOKENS: &[&str] = &[
    "teaser-list", "teaser_list", "more-articles", "read-more", "lesen-sie-auch", "mehr-zum-thema",
    "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "most-read",
    "top-stories",
];
/// Words that mark article metadata (byline, date, source, tags): boilerplate in the body, but
/// searched for the publication date.
#[rustfmt::skip]
const META_WORDS: &[&str] = &[
    "meta", "metadata", "metatextline", "byline", "author", "authors", "autor", "tags", "category",
    "categories", "kategorie", "rubrik", "ressort", "date",
    "datum", "time", "pubdate", "readtime", "lesezeit", "source", "quelle", "origins", "print",
    "toolbar", "tools",
];
/// Words that mark boilerplate unless a positive word is present too.
#[rustfmt::skip]
const NEG_WEAK: &[&str] = &[
    "sidebar", "aside", "banner", "widget", "pagination", "pager", "gallery", "slideshow",
    "slider", "carousel", "player", "audio", "video", "popup", "modal", "overlay", "tooltip",
    "header", "masthead", "topbar", "skiplink", "extra", "disclaimer", "imprint", "impressum",
    "logo", "btn", "button", "badge", "poll", "survey",
];
#[rustfmt::skip]
const POS_PREFIX: &[&str] = &[
    "article", "artikel", "content", "story", "text", "body", "entry", "paragraph", "richtext",
    "copy", "beitrag", "meldung",
];
const POS_WORDS: &[&str] = &["main", "post"];
#[rustfmt::skip]
const TEASER_WORDS: &[&str] = &[
    "teaser", "teasertext", "lead", "leadtext", "lede", "intro", "introduction", "summary",
    "standfirst", "subtitle", "subheadline", "abstract", "excerpt", "description", "vorspann",
    "anriss",
];

/// Word prefixes of reader discussions, which may be long: no size protects them.
const DISCUSSION_PREFIX: &[&str] = &["comment", "kommentar", "forum", "posting", "community"];
/// Class token prefixes that name a CMS taxonomy term or state, not a part of the page
/// (WordPress `post_class()`: `tag-open-source`, `category-politik`, `format-standard`, …).
const TAXONOMY_PREFIX: &[&str] = &["tag-", "category-", "format-", "status-", "type-"];

#[derive(Default, Clone, Copy)]
pub(super) struct Hints {
    pub(super) strong_neg: bool,
    pub(super) meta: bool,
    pub(super) weak_neg: bool,
    pub(super) pos: bool,
    pub(super) teaser: bool,
    /// A comment or forum section.
    pub(super) discussion: bool,
}

fn hints(a: &Attrs<'_>) -> Hints {
    let mut h = Hints::default();
    for value in [a.class, a.id].into_iter().flatten() {
        for token in value.split_whitespace() {
            let lower = token.to_lowercase();
            if NEG_TOKENS.contains(&lower.as_str()) {
                h.strong_neg = true;
            }
            if TAXONOMY_PREFIX.iter().any(|p| lower.starts_with(p)) {
                continue;
            }
            for word in split_words(token) {
                let w = word.as_str();
                if NEG_STRONG.contains(&w) || NEG_STRONG_PREFIX.iter().any(|p| w.starts_with(p)) {
                    h.strong_neg = true;
                }
                if DISCUSSION_PREFIX.iter().any(|p| w.starts_with(p)) {
                    h.discussion = true;
                }
                if NEG_WEAK.contains(&w) {
                    h.weak_neg = true;
                }
                if META_WORDS.contains(&w) {
                    h.meta = true;
                }
                if POS_WORDS.contains(&w) || POS_PREFIX.iter().any(|p| w.starts_with(p)) {
                    h.pos = true;
                }
                if TEASER_WORDS.contains(&w) {
                    h.teaser = true;
                }
            }
        }
    }
    h
}

/// Split a class token into lower-case words at punctuation and camelCase boundaries.
fn split_words(token: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in token.chars() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase() || c.is_numeric();
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Noise {
    None,
    /// Boilerplate by class or id words (share bars, related lists, …), or a `<form>`: lifted
    /// when the element holds much of the page's text.
    Class,
    /// Boilerplate by tag or role (navigation, asides, captions, …).
    Soft,
    /// Never text (scripts, styles, form controls, media).
    Hard,
    /// Hidden by its `hidden` attribute or an inline style: not text, except long prose in the
    /// article (the rest of a story behind a "read more" button or a paywall script).
    Hidden,
}

const HARD_TAGS: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "map", "select", "textarea", "input", "button", "option",
    "datalist", "dialog", "link", "meta", "title", "img", "picture",
];
const SOFT_TAGS: &[&str] = &["nav", "aside", "footer", "figure", "figcaption", "menu"];
/// Share of the body's non-link text an element must hold for its class words to be ignored.
const GUARD_SHARE: f64 = 0.4;

#[rustfmt::skip]
const NOISE_ROLES: &[&str] = &[
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog",
    "alertdialog", "toolbar", "tablist",
];

pub(super) struct Flags {
    /// The node's own noise (not inherited from ancestors).
    pub(super) noise: Vec<Noise>,
    pub(super) hints: Vec<Hints>,
    /// Non-link visible text characters in the subtree, noisy descendants cut off.
    pub(super) clean: Vec<usize>,
    /// Visible text characters (link text included) in the subtree, noisy descendants cut off.
    pub(super) visible: Vec<usize>,
}

impl Flags {
    pub(super) fn compute(dom: &Dom<'_>) -> Flags {
        let n = dom.len();
        let mut noise = vec![Noise::None; n];
        let mut hint = vec![Hints::default(); n];
        let mut in_article = vec![false; n];
        let mut in_link = vec![false; n];
        for i in 0..n {
            let p = dom.parent(i);
            if p != NONE {
                let ptag = dom.tag(p);
                in_article[i] = in_article[p]
                    || matches!(ptag, "article" | "main")
                    || dom.attrs(p).itemprop == Some("articleBody");
                in_link[i] = in_link[p] || ptag == "a";
            }
            if dom.elem(i).is_none() {
                continue;
            }
            let h = hints(dom.attrs(i));
            hint[i] = h;
            noise[i] = element_noise(dom.tag(i), dom.attrs(i), h, in_article[i]);
        }
        // The size guard: text counts as if class words cut nothing.
        let (all_clean, _) = counts(dom, &noise, &in_link, |k| k == Noise::Class);
        let body = (0..n).find(|&i| dom.tag(i) == "body").unwrap_or(0);
        let total = all_clean.get(body).copied().unwrap_or(0) as f64;
        for i in 0..n {
            if noise[i] == Noise::Class
                && !hint[i].discussion
                && all_clean[i] as f64 >= GUARD_SHARE * total
                && all_clean[i] > 0
            {
                // Not boilerplate, and no penalty in the density score either.
                noise[i] = Noise::None;
                hint[i].strong_neg = false;
                hint[i].meta = false;
                hint[i].weak_neg = false;
            }
        }
        let (clean, visible) = counts(dom, &noise, &in_link, |_| false);
        Flags {
            noise,
            hints: hint,
            clean,
            visible,
        }
    }
}

/// Bottom-up text counts (non-link, visible) of every subtree: noisy descendants are cut off
/// unless `keep` says otherwise for their noise. Children come after their parent in
/// pre-order.
fn counts(
    dom: &Dom<'_>,
    noise: &[Noise],
    in_link: &[bool],
    keep: impl Fn(Noise) -> bool,
) -> (Vec<usize>, Vec<usize>) {
    let n = dom.len();
    let mut clean = vec![0usize; n];
    let mut visible = vec![0usize; n];
    for i in (0..n).rev() {
        let p = dom.parent(i);
        if let Kind::Text(t) = dom.kind(i) {
            visible[i] = t.chars().filter(|c| !c.is_whitespace()).count();
            if !in_link[i] {
                clean[i] = visible[i];
            }
        }
        if p != NONE && (noise[i] == Noise::None || keep(noise[i])) {
            clean[p] += clean[i];
            visible[p] += visible[i];
        }
    }
    (clean, visible)
}

fn element_noise(tag: &str, a: &Attrs<'_>, h: Hints, in_article: bool) -> Noise {
    if HARD_TAGS.contains(&tag)
        // aria-hidden marks icons and decorative duplicates, but also the whole page behind an
        // open dialog (a consent banner when the page was saved): ignore it on containers.
        || (a.aria_hidden == Some("true")
            && !matches!(tag, "html" | "body" | "main" | "div" | "section" | "article"))
    {
        return Noise::Hard;
    }
    if a.hidden.is_some()
        || a.style.is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_lowercase)
                .collect();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
    {
        // A hidden microdata item (a NewsArticle's headline, dates and description for search
        // engines) repeats the page for machines: never the rest of a story.
        return if a.itemscope.is_some() {
            Noise::Hard
        } else {
            Noise::Hidden
        };
    }
    if SOFT_TAGS.contains(&tag) || (tag == "header" && !in_article) {
        return Noise::Soft;
    }
    if tag == "form" {
        return Noise::Class;
    }
    if a.role
        .is_some_and(|r| NOISE_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return Noise::Soft;
    }
    let protected =
        matches!(tag, "html" | "body" | "main" | "article") || a.itemprop == Some("articleBody");
    if !protected && (h.strong_neg || h.meta || (h.weak_neg && !h.pos)) {
        return Noise::Class;
    }
    Noise::None
}

#[cfg(test)]
mod tests {
    use scraper::Html;

    use super::*;

    #[test]
    fn class_words_split_at_punctuation_and_camel_case() {
        assert_eq!(
            split_words("c-article__shareBar"),
            ["c", "article", "share", "bar"]
        );
        assert_eq!(split_words("ad300"), ["ad300"]);
    }

    #[test]
    fn hints_do_not_match_inside_words() {
        let doc = Html::parse_fragment(
            r#"<div class="headline"></div><div class="ad-slot"></div><div class="article-share"></div>"#,
        );
        let dom = Dom::build(&doc);
        let divs: Vec<Hints> = (0..dom.len())
            .filter(|&i| dom.tag(i) == "div")
            .map(|i| hints(dom.attrs(i)))
            .collect();
        assert!(!divs[0].strong_neg && !divs[0].weak_neg);
        assert!(divs[1].strong_neg);
        assert!(divs[2].strong_neg && divs[2].pos);
    }
}
