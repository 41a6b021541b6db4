//! Other senses of glossed words (`data/lexicon/senses.tsv`): the gloss and category a word of
//! the domain lexicon has where cues around it say so (*im Vergleich zu* →
//! "comparison"; *Werk* with *Zeichnung* or *Künstler* → "work"; *abziehen* in an article about
//! finance → "to deduct"). The word's own gloss is the sense without cues.
//!
//! A row may also be about a word of the German Wiktionary that is no domain term: `#N` in the
//! gloss column selects its Wiktionary sense N where a cue matches (*Mittel* in a report on a
//! budget: "Geldmittel", not a remedy; *Recht* in *Vorschlagsrecht*: a right, not the law),
//! also where it is the head of a compound Wiktionary lacks; an English gloss gives a sense
//! Wiktionary's first entry lacks (*Eiszeit* between two states: a freeze in relations).

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
    /// The modifier next to the word in a compound it is the head of starts so (`+vorschlag`:
    /// *Recht* in *Vorschlagsrecht*).
    Modifier(&'static str),
}

/// Another sense of a domain term.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainSense {
    /// The lemma.
    pub lemma: &'static str,
    /// Its part of speech.
    pub pos: Pos,
    /// English gloss in this sense (empty for a row that selects a Wiktionary sense).
    pub gloss: &'static str,
    /// The Wiktionary sense of the lemma this row selects (`#2` in the gloss column).
    pub wiktionary: Option<u16>,
    /// Category of this sense (`None`: no subject area).
    pub category: Option<Category>,
    /// What selects the sense; any one cue does.
    pub cues: Vec<Cue>,
    /// The sense has no plural in use (`sg` in the sixth column: *Handel* as trade, whose
    /// plural *Händel* is the quarrels'): the entry shows none unless the article uses it.
    pub no_plural: bool,
    /// The row is about the word's own sense, the one without cues (`=` in the gloss column,
    /// `-` for the cues: the domain entry's gloss, or the Wiktionary sense chosen), to say it
    /// has no plural; it never selects a sense.
    pub own: bool,
}

impl DomainSense {
    /// Whether a cue matches: `around` is the lower-cased text of the word's sentences,
    /// `has_stem` says whether the article has a word with a stem, `about` whether the article
    /// is about a subject, `modifier` the lower-case modifier before the word when it is the
    /// head of a compound (empty otherwise).
    pub fn matches(
        &self,
        around: &str,
        has_stem: impl Fn(&str) -> bool,
        about: impl Fn(Category) -> bool,
        modifier: &str,
    ) -> bool {
        !self.own
            && self.cues.iter().any(|c| match c {
                Cue::Phrase(p) => around.contains(p),
                Cue::Stem(s) => has_stem(s),
                Cue::Subject(c) => about(*c),
                Cue::Modifier(m) => !modifier.is_empty() && modifier.starts_with(m),
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
    if !(5..=6).contains(&cols.len()) {
        return Err(format!("expected 5 or 6 columns, found {}", cols.len()));
    }
    let pos: Pos = cols[1].parse().map_err(|_| "bad pos".to_owned())?;
    let no_plural = match cols.get(5).copied() {
        None | Some("") => false,
        Some("sg") => true,
        Some(n) => return Err(format!("bad number {n:?} (sg or nothing)")),
    };
    if cols[2] == "=" {
        // the word's own sense: only to say that it has no plural
        if cols[3] != "-" || cols[4] != "-" || !no_plural {
            return Err("a row of the own sense (=) has no category or cues, and sg".into());
        }
        return Ok(DomainSense {
            lemma: cols[0],
            pos,
            gloss: "",
            wiktionary: None,
            category: None,
            cues: Vec::new(),
            no_plural,
            own: true,
        });
    }
    let category = match cols[3] {
        "-" => None,
        c => Some(c.parse().map_err(|_| format!("bad category {c:?}"))?),
    };
    if cols[2].is_empty() {
        return Err("missing gloss".into());
    }
    let wiktionary = match cols[2].strip_prefix('#') {
        Some(n) => Some(
            n.parse::<u16>()
                .ok()
                .filter(|&n| n > 0)
                .ok_or_else(|| format!("bad sense number {n:?}"))?,
        ),
        None => None,
    };
    let cues: Vec<Cue> = cols[4]
        .split(';')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| {
            if let Some(s) = c.strip_prefix('~') {
                Ok(Cue::Stem(s))
            } else if let Some(m) = c.strip_prefix('+') {
                Ok(Cue::Modifier(m))
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
    // Snowball's German stems spell umlauts and ß without them (*Flüge* → `flug`,
    // *Übernachtung* → `ubernacht`): a stem with them never matches
    if cues
        .iter()
        .any(|c| matches!(c, Cue::Stem(s) if s.contains(['ä', 'ö', 'ü', 'ß'])))
    {
        return Err("stems have no umlauts".into());
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
        gloss: if wiktionary.is_some() { "" } else { cols[2] },
        wiktionary,
        category,
        cues,
        no_plural,
        own: false,
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
        assert!(s.matches("", |_| false, |c| c == Category::Finance, ""));
        assert!(!s.matches("", |_| false, |c| c == Category::Security, ""));
        assert!(s.matches(
            "er will es von der steuer abziehen",
            |_| false,
            |_| false,
            ""
        ));
        assert!(parse_line("abziehen\tverb\tto deduct\tfinance\t@sport").is_err());
    }

    #[test]
    fn wiktionary_sense_rows_and_modifier_cues() {
        let s = parse_line("Recht\tnoun\t#2\t-\t+vorschlag;+veto").unwrap();
        assert_eq!(s.wiktionary, Some(2));
        assert_eq!(s.gloss, "");
        assert_eq!(
            s.cues,
            vec![Cue::Modifier("vorschlag"), Cue::Modifier("veto")]
        );
        assert!(s.matches("", |_| false, |_| false, "vorschlags"));
        assert!(!s.matches("", |_| false, |_| false, "arbeits"));
        assert!(!s.matches("vorschlag", |_| false, |_| false, ""));
        assert!(parse_line("Recht\tnoun\t#x\t-\t+veto").is_err());
        assert!(parse_line("Recht\tnoun\t#0\t-\t+veto").is_err());
        assert!(parse_line("Buchung\tnoun\t#2\t-\t~übernacht").is_err());
        let g = parse_line("Eiszeit\tnoun\tfreeze\tdiplomacy\t@diplomacy").unwrap();
        assert_eq!((g.gloss, g.wiktionary), ("freeze", None));
        assert!(!g.no_plural && !g.own);
    }

    #[test]
    fn rows_of_senses_without_a_plural() {
        let s = parse_line("Plus\tnoun\tincrease\t-\tplus von\tsg").unwrap();
        assert!(s.no_plural && !s.own);
        assert!(s.matches("ein plus von drei prozent", |_| false, |_| false, ""));
        // the own sense: never selected by cues, only without a plural
        let o = parse_line("Handel\tnoun\t=\t-\t-\tsg").unwrap();
        assert!(o.own && o.no_plural && o.cues.is_empty());
        assert!(!o.matches("der handel", |_| true, |_| true, "einzel"));
        assert!(parse_line("Handel\tnoun\t=\t-\t-").is_err());
        assert!(parse_line("Handel\tnoun\t=\teconomy\t-\tsg").is_err());
        assert!(parse_line("Handel\tnoun\t=\t-\t~handel\tsg").is_err());
        assert!(parse_line("Plus\tnoun\tincrease\t-\tplus von\tpl").is_err());
    }
}
