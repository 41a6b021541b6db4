//! Page metadata: `<meta>` tags, `<title>`, the canonical link and JSON-LD (headline, date,
//! `articleBody`), and from them and the markup the article's title and publication date
//! (see "Metadata" in the [module documentation](super)).

use serde_json::Value;

use super::boilerplate::{Flags, Noise};
use super::dom::{Dom, NONE};
use super::paragraphs::normalize_ws;

#[derive(Default)]
pub(super) struct PageMeta {
    og_title: Option<String>,
    twitter_title: Option<String>,
    site_name: Option<String>,
    url: Option<String>,
    published_meta: Option<String>,
    date_meta: Option<String>,
    pub(super) descriptions: Vec<String>,
    html_title: Option<String>,
    ld_headline: Option<String>,
    ld_published: Option<String>,
    pub(super) ld_body: Option<String>,
    /// The `<script>` element whose JSON-LD gave `ld_body`.
    pub(super) ld_node: Option<usize>,
}

impl PageMeta {
    pub(super) fn read(dom: &Dom<'_>) -> PageMeta {
        let mut m = PageMeta::default();
        let mut ld_scripts = Vec::new();
        for i in 0..dom.len() {
            let Some(el) = dom.elem(i) else { continue };
            let a = dom.attrs(i);
            match el.name() {
                "meta" => {
                    let key = a
                        .property
                        .or(a.name)
                        .or(a.itemprop)
                        .map(str::to_ascii_lowercase);
                    let (Some(key), Some(content)) = (key, a.content) else {
                        continue;
                    };
                    let content = content.trim();
                    if content.is_empty() {
                        continue;
                    }
                    let slot = match key.as_str() {
                        "og:title" => &mut m.og_title,
                        "twitter:title" => &mut m.twitter_title,
                        "og:site_name" => &mut m.site_name,
                        "og:url" => &mut m.url,
                        "article:published_time" => &mut m.published_meta,
                        "datepublished" | "date" | "pubdate" | "publishdate" | "dc.date.issued"
                        | "dcterms.created" => &mut m.date_meta,
                        "og:description" | "description" | "twitter:description" => {
                            m.descriptions.push(content.to_string());
                            continue;
                        }
                        _ => continue,
                    };
                    if slot.is_none() {
                        *slot = Some(content.to_string());
                    }
                }
                "link"
                    if m.url.is_none()
                        && a.rel.is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
                {
                    m.url = a.href.map(str::to_string);
                }
                "title" if m.html_title.is_none() => {
                    let t = normalize_ws(&dom.raw_text(i));
                    if !t.is_empty() {
                        m.html_title = Some(t);
                    }
                }
                "script"
                    if a.type_
                        .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) =>
                {
                    ld_scripts.push((i, dom.raw_text(i)));
                }
                _ => {}
            }
        }
        for (node, script) in ld_scripts {
            let Ok(value) = serde_json::from_str::<Value>(script.trim()) else {
                continue;
            };
            if let Some(obj) = find_ld_article(&value) {
                let get = |k: &str| {
                    obj.get(k)
                        .and_then(Value::as_str)
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                };
                m.ld_headline = m.ld_headline.or_else(|| get("headline"));
                m.ld_published = m.ld_published.or_else(|| get("datePublished"));
                if m.ld_body.is_none() {
                    m.ld_body = get("articleBody");
                    m.ld_node = m.ld_body.as_ref().map(|_| node);
                }
            }
        }
        m
    }
}

/// The first JSON-LD object whose `@type` is an article type (searched iteratively).
fn find_ld_article(root: &Value) -> Option<&serde_json::Map<String, Value>> {
    let is_article = |t: &str| {
        matches!(
            t,
            "NewsArticle"
                | "Article"
                | "ReportageNewsArticle"
                | "AnalysisNewsArticle"
                | "OpinionNewsArticle"
                | "BackgroundNewsArticle"
                | "ReviewNewsArticle"
                | "BlogPosting"
                | "Report"
        )
    };
    let mut stack = vec![root];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(obj) => {
                let typed = match obj.get("@type") {
                    Some(Value::String(t)) => is_article(t),
                    Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(is_article),
                    _ => false,
                };
                if typed {
                    return Some(obj);
                }
                stack.extend(obj.values().rev());
            }
            Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    None
}

pub(super) fn find_title(
    dom: &Dom<'_>,
    flags: &Flags,
    meta: &PageMeta,
    scope: Option<usize>,
    main: usize,
) -> Option<String> {
    let clean = |t: &str| Some(strip_site_suffix(&normalize_ws(t), meta)).filter(|t| !t.is_empty());
    if let Some(t) = meta.og_title.as_deref().and_then(clean) {
        return Some(t);
    }
    if let Some(t) = meta.twitter_title.as_deref().and_then(clean) {
        return Some(t);
    }
    if let Some(t) = meta.ld_headline.as_deref().map(normalize_ws) {
        return Some(t);
    }
    // The article's <h1>; without an <article>, one next to the body container (not the
    // first <h1> of the page, which is often the site logo).
    let region = scope.unwrap_or_else(|| match dom.parent(main) {
        NONE => main,
        p => p,
    });
    let h1 = first_in(dom, flags, region, |i| dom.tag(i) == "h1")
        .map(|i| normalize_ws(&dom.raw_text(i)))
        .filter(|t| !t.is_empty());
    if h1.is_some() {
        return h1;
    }
    meta.html_title.as_deref().and_then(clean)
}

pub(super) fn find_published(
    dom: &Dom<'_>,
    flags: &Flags,
    meta: &PageMeta,
    scope: usize,
) -> Option<String> {
    if let Some(p) = meta.published_meta.clone().or(meta.ld_published.clone()) {
        return Some(p);
    }
    let value = |i: usize| {
        let a = dom.attrs(i);
        a.datetime
            .or(a.content)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let itemprop = |i: usize| {
        dom.attrs(i).itemprop == Some("datePublished") && dom.tag(i) != "meta" && value(i).is_some()
    };
    let time =
        |i: usize| dom.tag(i) == "time" && dom.attrs(i).datetime.is_some() && value(i).is_some();
    first_in(dom, flags, scope, itemprop)
        .or_else(|| first_in(dom, flags, scope, time))
        .or_else(|| first_in(dom, flags, 0, itemprop))
        .or_else(|| first_in(dom, flags, 0, time))
        .and_then(value)
        .or_else(|| meta.date_meta.clone())
}

/// First element in `root`'s subtree matching `pred`, skipping boilerplate subtrees; iterative.
fn first_in(
    dom: &Dom<'_>,
    flags: &Flags,
    root: usize,
    pred: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut i = root;
    let stop = dom.end(root);
    while i < stop {
        if dom.elem(i).is_some() {
            if pred(i) {
                return Some(i);
            }
            // Metadata boxes, page headers and figures may hold the <h1> or <time>; link lists,
            // navigation and other strong boilerplate may not.
            let skip = match flags.noise[i] {
                Noise::Hard | Noise::Hidden => true,
                Noise::Soft | Noise::Class => {
                    flags.hints[i].strong_neg
                        || matches!(dom.tag(i), "nav" | "aside" | "footer" | "form" | "menu")
                }
                Noise::None => false,
            };
            if skip && i != root {
                i = dom.end(i);
                continue;
            }
        }
        i += 1;
    }
    None
}

/// Cut a trailing site name (" | tagesschau.de", " - Handelsblatt") from a title.
fn strip_site_suffix(title: &str, meta: &PageMeta) -> String {
    const SEPARATORS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " · "];
    let Some((pos, sep)) = SEPARATORS
        .iter()
        .filter_map(|s| title.rfind(s).map(|p| (p, *s)))
        .max_by_key(|(p, _)| *p)
    else {
        return title.to_string();
    };
    let head = title[..pos].trim();
    let suffix = title[pos + sep.len()..].trim();
    if head.is_empty() || suffix.is_empty() {
        return title.to_string();
    }
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let suffix_key = squash(suffix);
    let site = meta.site_name.as_deref().map(squash);
    let host = meta.url.as_deref().and_then(host_label);
    let names_site = site
        .as_deref()
        .is_some_and(|s| !s.is_empty() && (suffix_key.contains(s) || s.contains(&suffix_key)))
        || host
            .as_deref()
            .is_some_and(|h| h.len() >= 3 && suffix_key.contains(h));
    let domain_like = !suffix.contains(' ') && suffix.contains('.') && suffix.len() > 3;
    let short_pipe = sep == " | " && suffix.split_whitespace().count() <= 3;
    if names_site || domain_like || short_pipe {
        head.to_string()
    } else {
        title.to_string()
    }
}

/// "https://www.tagesschau.de/x" → "tagesschau".
fn host_label(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    match labels.len() {
        0 => None,
        1 => Some(labels[0].to_string()),
        n => Some(labels[n - 2].to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffixes_are_cut() {
        let meta = PageMeta {
            site_name: Some("Handelsblatt".into()),
            ..PageMeta::default()
        };
        assert_eq!(
            strip_site_suffix("Japan und USA - Handelsblatt", &meta),
            "Japan und USA"
        );
        let none = PageMeta::default();
        assert_eq!(strip_site_suffix("Titel | tagesschau.de", &none), "Titel");
        assert_eq!(strip_site_suffix("Titel | ZEIT ONLINE", &none), "Titel");
        // A dash inside the headline stays.
        assert_eq!(
            strip_site_suffix("Biden – Kishida vereinbaren Gespräche", &none),
            "Biden – Kishida vereinbaren Gespräche"
        );
        let url = PageMeta {
            url: Some("https://www.derstandard.at/story/1".into()),
            ..PageMeta::default()
        };
        assert_eq!(strip_site_suffix("Titel - derStandard.at", &url), "Titel");
        assert_eq!(strip_site_suffix("Titel – DER STANDARD", &url), "Titel");
    }

    #[test]
    fn host_label_takes_the_registered_name() {
        assert_eq!(
            host_label("https://www.tagesschau.de/x").as_deref(),
            Some("tagesschau")
        );
        assert_eq!(host_label("zeit.de").as_deref(), Some("zeit"));
    }
}
