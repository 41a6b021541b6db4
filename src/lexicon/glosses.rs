//! English glosses of general news words (`data/lexicon/glosses.tsv`): the words outside the
//! economic and political domain lexicon that German news uses most (*Studie*, *Sieg*,
//! *Krankenhaus*, *mitteilen*), glossed in the sense news uses them. No category: they belong
//! to no subject area.

use std::collections::HashMap;

use super::Pos;

/// `glosses.tsv`: written by the kernsatz developers (MIT OR Apache-2.0).
pub(crate) const GLOSSES_TSV: &str = include_str!("../../data/lexicon/glosses.tsv");

/// The parsed table.
#[derive(Debug, Default)]
pub(crate) struct Glosses {
    by_lemma: HashMap<&'static str, Vec<(Pos, &'static str)>>,
    pub(crate) problems: Vec<String>,
}

impl Glosses {
    pub(crate) fn parse(text: &'static str) -> Glosses {
        let mut out = Glosses::default();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&'static str> = line.split('\t').map(str::trim).collect();
            let parsed = match cols.as_slice() {
                [lemma, pos, gloss] if !lemma.is_empty() && !gloss.is_empty() => {
                    pos.parse::<Pos>().ok().map(|p| (*lemma, p, *gloss))
                }
                _ => None,
            };
            match parsed {
                Some((lemma, pos, _))
                    if pos == Pos::Noun && !lemma.starts_with(char::is_uppercase) =>
                {
                    out.problems
                        .push(format!("glosses.tsv line {}: a noun is capitalised", n + 1));
                }
                Some((lemma, pos, gloss)) => {
                    let entries = out.by_lemma.entry(lemma).or_default();
                    if entries.iter().any(|(p, _)| *p == pos) {
                        out.problems.push(format!(
                            "glosses.tsv line {}: duplicate {lemma} {pos}",
                            n + 1
                        ));
                    } else {
                        entries.push((pos, gloss));
                    }
                }
                None => out
                    .problems
                    .push(format!("glosses.tsv line {}: bad line {line:?}", n + 1)),
            }
        }
        out
    }

    pub(crate) fn get(&self, lemma: &str, pos: Pos) -> Option<&'static str> {
        self.by_lemma
            .get(lemma)?
            .iter()
            .find(|(p, _)| *p == pos)
            .map(|(_, g)| *g)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (&'static str, Pos, &'static str)> + '_ {
        self.by_lemma
            .iter()
            .flat_map(|(l, v)| v.iter().map(move |(p, g)| (*l, *p, *g)))
    }
}
