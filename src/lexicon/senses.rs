//! Other senses of glossed words (`data/lexicon/senses.tsv`): the gloss and category a word of
//! the domain lexicon has where cues around it say so (*im Vergleich zu* →
//! "comparison"; *Werk* with *Zeichnung* or *Künstler* → "work"; *abziehen* in an article about
//! finance → "to deduct"). The word's own gloss is the sense without cues.

use std::collections::HashMap;

use super::{Category, Pos};

/// `senses.tsv`: written by the kernsatz developers (MIT OR Apache-2.0).
pub(crate) const SENSES_TSV: &str = include_str!("../../data/lexicon/senses.tsv");

/// One cue of a sense.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cue {
    /// A phrase in a sentence of the word (lower-case: `im vergleich`).
    Phrase(&'static str),
    /// A word stem anywhere in the article (Snowball stem: `zeichn`).
    Stem(&'static str),
    /// The article is about a subject (`@finance`: *abziehen* "to deduct" in a report on
    /// taxes, not "to withdraw").
    Subject(Category),
}

/// Another sense of a domain term.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainSense {
    /// The lemma.
    pub lemma: &'static str,
    /// Its part of speech.
    pub pos: Pos,
    /// English gloss in this sense.
    pub gloss: &'static str,
    /// Category of this sense (`None`: no subject area).
    pub category: Option<Category>,
    /// What selects the sense; any one cue does.
    pub cues: Vec<Cue>,
}

impl DomainSense {
    /// Whether a cue matches: `around` is the lower-cased text of the word's sentences,
    /// `has_stem` says whether the article has a word with a stem, `about` whether the article
    /// is about a subject.
    pub fn matches(
        &self,
        around: &str,
        has_stem: impl Fn(&str) -> bool,
        about: impl Fn(Category) -> bool,
    ) -> bool {
        self.cues.iter().any(|c| match c {
            Cue::Phrase(p) => around.contains(p),
            Cue::Stem(s) => has_stem(s),
            Cue::Subject(c) => about(*c),
        })
    }
}

/// The parsed table.
#[derive(Debug, Default)]
pub(crate) struct Senses {
    by_lemma: HashMap<&'static str, Vec<DomainSense>>,
    pub(crate) problems: Vec<String>,
}

impl Senses {
    pub(crate) fn parse(text: &'static str) -> Senses {
        let mut out = Senses::default();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            match parse_line(line) {
                Ok(s) => out.by_lemma.entry(s.lemma).or_default().push(s),
                Err(e) => out
                    .problems
                    .push(format!("senses.tsv line {}: {e}: {line}", n + 1)),
            }
        }
        out
    }

    pub(crate) fn all(&self) -> impl Iterator<Item = &DomainSense> {
        self.by_lemma.values().flatten()
    }

    pub(crate) fn get(&self, lemma: &str, pos: Pos) -> impl Iterator<Item = &DomainSense> {
        self.by_lemma
            .get(lemma)
            .into_iter()
            .flatten()
            .filter(move |s| s.pos == pos)
    }
}

fn parse_line(line: &'static str) -> Result<DomainSense, String> {
    let cols: Vec<&'static str> = line.split('\t').map(str::trim).collect();
    if cols.len() != 5 {
        return Err(format!("expected 5 columns, found {}", cols.len()));
    }
    let pos: Pos = cols[1].parse().map_err(|_| "bad pos".to_owned())?;
    let category = match cols[3] {
        "-" => None,
        c => Some(c.parse().map_err(|_| format!("bad category {c:?}"))?),
    };
    if cols[2].is_empty() {
        return Err("missing gloss".into());
    }
    let cues: Vec<Cue> = cols[4]
        .split(';')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| {
            if let Some(s) = c.strip_prefix('~') {
                Ok(Cue::Stem(s))
            } else if let Some(subject) = c.strip_prefix('@') {
                subject
                    .parse()
                    .map(Cue::Subject)
                    .map_err(|_| format!("bad subject {subject:?}"))
            } else {
                Ok(Cue::Phrase(c))
            }
        })
        .collect::<Result<_, _>>()?;
    if cues.is_empty() {
        return Err("no cues".into());
    }
    if cues
        .iter()
        .any(|c| matches!(c, Cue::Phrase(p) if p.chars().any(char::is_uppercase)))
    {
        return Err("phrases are lower-case".into());
    }
    Ok(DomainSense {
        lemma: cols[0],
        pos,
        gloss: cols[2],
        category,
        cues,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_cues() {
        let s = parse_line("abziehen\tverb\tto deduct\tfinance\t@finance;von der steuer").unwrap();
        assert_eq!(
            s.cues,
            vec![
                Cue::Subject(Category::Finance),
                Cue::Phrase("von der steuer")
            ]
        );
        assert!(s.matches("", |_| false, |c| c == Category::Finance));
        assert!(!s.matches("", |_| false, |c| c == Category::Security));
        assert!(s.matches("er will es von der steuer abziehen", |_| false, |_| false));
        assert!(parse_line("abziehen\tverb\tto deduct\tfinance\t@sport").is_err());
    }
}
