//! English glosses of general news words outside the domain lexicon
//! (`data/lexicon/glosses.tsv`): *Gerät* "device, appliance", *mitteilen* "to inform, to
//! notify", *Hauptstadt* "capital (city)". The domain lexicon (`domain.tsv`) glosses the terms
//! of economics and politics and gives them a subject area and a rank boost; this table only
//! gives a learner the English meaning of the other words an article's list shows (sport,
//! science, culture, everyday reporting), where otherwise only a German definition would stand.
//! It boosts nothing and sets no category.

use rustc_hash::FxHashMap as HashMap;

use super::Pos;

/// `glosses.tsv`: written by the kernsatz developers (MIT OR Apache-2.0).
pub(crate) const GLOSSES_TSV: &str = include_str!("../../data/lexicon/glosses.tsv");

/// Longest gloss accepted (a learner's gloss, not an explanation).
const MAX_GLOSS_CHARS: usize = 80;

/// The parsed table: lemma and part of speech → gloss.
#[derive(Debug, Default)]
pub(crate) struct Glosses {
    by_lemma: HashMap<(&'static str, Pos), &'static str>,
    /// Problems found while parsing (empty for the shipped data; a test checks it).
    pub(crate) problems: Vec<String>,
}

fn parse_line(line: &'static str) -> Result<(&'static str, Pos, &'static str), String> {
    let cols: Vec<&'static str> = line.split('\t').collect();
    let [lemma, pos, gloss] = cols[..] else {
        return Err(format!(
            "expected 3 tab-separated columns, found {}",
            cols.len()
        ));
    };
    let (lemma, gloss) = (lemma.trim(), gloss.trim());
    if lemma.is_empty() || lemma.contains(' ') {
        return Err(format!("bad lemma {lemma:?}"));
    }
    let pos: Pos = pos.trim().parse().map_err(|_| format!("bad pos {pos:?}"))?;
    if pos == Pos::Other {
        return Err("only nouns, verbs and adjectives are glossed".into());
    }
    if (pos == Pos::Noun) != lemma.starts_with(|c: char| c.is_uppercase()) {
        return Err(format!("{lemma}: nouns and only nouns are capitalised"));
    }
    if gloss.is_empty() || gloss.chars().count() > MAX_GLOSS_CHARS {
        return Err(format!(
            "{lemma}: gloss empty or over {MAX_GLOSS_CHARS} characters"
        ));
    }
    if pos == Pos::Verb && !gloss.starts_with("to ") && !gloss.starts_with("(sich) to ") {
        return Err(format!("{lemma}: a verb's gloss starts with \"to\""));
    }
    Ok((lemma, pos, gloss))
}

impl Glosses {
    pub(crate) fn parse(text: &'static str) -> Self {
        let mut out = Glosses::default();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            match parse_line(line) {
                Ok((lemma, pos, gloss)) => {
                    // the first line of a lemma stands
                    match out.by_lemma.entry((lemma, pos)) {
                        std::collections::hash_map::Entry::Occupied(_) => out
                            .problems
                            .push(format!("glosses.tsv line {}: duplicate {lemma}", n + 1)),
                        std::collections::hash_map::Entry::Vacant(v) => {
                            v.insert(gloss);
                        }
                    }
                }
                Err(e) => out
                    .problems
                    .push(format!("glosses.tsv line {}: {e}", n + 1)),
            }
        }
        out
    }

    pub(crate) fn get(&self, lemma: &str, pos: Pos) -> Option<&'static str> {
        self.by_lemma.get(&(lemma, pos)).copied()
    }

    /// Every entry: lemma, part of speech, gloss.
    pub(crate) fn all(&self) -> impl Iterator<Item = (&'static str, Pos, &'static str)> + '_ {
        self.by_lemma.iter().map(|(&(l, p), &g)| (l, p, g))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_checked() {
        let g = Glosses::parse(
            "# comment\nGerät\tnoun\tdevice, appliance\nmitteilen\tverb\tto inform\n\
             gerät\tnoun\tdevice\nmitteilen\tverb\tinform\nTor\tnoun\t\nTor\tother\tgoal\n\
             Gerät\tnoun\tgear\n",
        );
        assert_eq!(g.get("Gerät", Pos::Noun), Some("device, appliance"));
        assert_eq!(g.get("mitteilen", Pos::Verb), Some("to inform"));
        assert_eq!(g.get("Gerät", Pos::Verb), None);
        // lower-case noun, verb without "to", empty gloss, other pos, duplicate
        assert_eq!(g.problems.len(), 5, "{:?}", g.problems);
    }
}
