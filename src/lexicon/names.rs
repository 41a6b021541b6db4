//! Proper names: Wiktionary's toponyms and first/last names plus a hand-written list of names
//! in German news (countries, places, people, organisations).

use std::collections::HashMap;

use super::sorted::SortedLines;

/// `wikt_names.tsv` (CC BY-SA 4.0, from Wiktionary via german-nouns).
pub(crate) const WIKT_NAMES_TSV: &str = include_str!("../../data/lexicon/wikt_names.tsv");
/// `news_names.tsv`: written by the kernsatz developers (MIT OR Apache-2.0).
pub(crate) const NEWS_NAMES_TSV: &str = include_str!("../../data/lexicon/news_names.tsv");

/// What a proper name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    /// A person (first or last name).
    Person,
    /// A country, region, city or other place.
    Place,
    /// A company, institution, medium or alliance.
    Organisation,
    /// Another proper name.
    Other,
}

impl NameKind {
    fn parse(s: &str) -> Option<NameKind> {
        Some(match s {
            "person" => NameKind::Person,
            "place" => NameKind::Place,
            "org" => NameKind::Organisation,
            "other" => NameKind::Other,
            _ => return None,
        })
    }

    /// From Wiktionary's kinds column (t = toponym, v/n = first/last name, e = other).
    fn from_wikt(kinds: &str) -> NameKind {
        if kinds.contains('t') {
            NameKind::Place
        } else if kinds.contains('v') || kinds.contains('n') {
            NameKind::Person
        } else {
            NameKind::Other
        }
    }
}

/// Both name lists.
#[derive(Debug)]
pub(crate) struct Names {
    wikt: SortedLines,
    pub(crate) news: HashMap<&'static str, NameKind>,
    pub(crate) problems: Vec<String>,
}

impl Names {
    pub(crate) fn new() -> Self {
        let mut news = HashMap::new();
        let mut problems = Vec::new();
        for (n, line) in NEWS_NAMES_TSV.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            match line
                .split_once('\t')
                .and_then(|(name, kind)| Some((name, NameKind::parse(kind.trim())?)))
            {
                Some((name, kind)) if !name.contains(' ') => {
                    if news.insert(name, kind).is_some() {
                        problems.push(format!("news_names.tsv line {}: duplicate {name}", n + 1));
                    }
                }
                _ => problems.push(format!("news_names.tsv line {}: bad line {line:?}", n + 1)),
            }
        }
        Names {
            wikt: SortedLines::new(WIKT_NAMES_TSV),
            news,
            problems,
        }
    }

    /// The hand-written news list, exact surface.
    pub(crate) fn news(&self, name: &str) -> Option<NameKind> {
        self.news.get(name).copied()
    }

    /// Wiktionary's names, exact surface.
    pub(crate) fn wikt(&self, name: &str) -> Option<NameKind> {
        self.wikt.get(name).map(NameKind::from_wikt)
    }
}

/// The base forms a name could have before a genitive ending: Chinas → China, Bidens →
/// Biden, Kishida's → Kishida, Paris' → Paris.
pub(crate) fn genitive_bases(surface: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for suffix in ["'s", "’s", "'", "’", "s"] {
        if let Some(base) = surface.strip_suffix(suffix)
            && base.chars().count() >= 2
        {
            out.push(base);
        }
    }
    out
}
