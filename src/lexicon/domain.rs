//! The hand-written economic and political domain lexicon (`data/lexicon/domain.tsv`).

use rustc_hash::FxHashMap as HashMap;

use super::{Category, Gender, Level, Pos};

/// `domain.tsv`: written by the kernsatz developers (MIT OR Apache-2.0).
pub(crate) const DOMAIN_TSV: &str = include_str!("../../data/lexicon/domain.tsv");

/// One entry of the domain lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainEntry {
    /// Dictionary form (nouns capitalised, nominative singular; plural-only nouns in the plural).
    pub lemma: &'static str,
    /// Part of speech.
    pub pos: Pos,
    /// Gender (nouns only).
    pub gender: Option<Gender>,
    /// Nominative plural (nouns only; `None` if the noun has no plural).
    pub plural: Option<&'static str>,
    /// Short English gloss for learners.
    pub gloss: &'static str,
    /// Subject area.
    pub category: Category,
    /// Level set by hand, overriding the frequency-based one.
    pub level: Option<Level>,
    /// Lemmas that would fit the same gap (never used as cloze distractors for this entry).
    pub synonyms: Vec<&'static str>,
}

/// The parsed domain lexicon.
#[derive(Debug, Default)]
pub(crate) struct Domain {
    pub(crate) entries: Vec<DomainEntry>,
    by_lemma: HashMap<&'static str, Vec<usize>>,
    /// Problems found while parsing (empty for the shipped data; a test checks it).
    pub(crate) problems: Vec<String>,
}

fn parse_line(line: &'static str) -> Result<DomainEntry, String> {
    let cols: Vec<&'static str> = line.split('\t').collect();
    if cols.len() < 6 || cols.len() > 8 {
        return Err(format!(
            "expected 6 to 8 tab-separated columns, found {}",
            cols.len()
        ));
    }
    let col = |i: usize| cols.get(i).copied().unwrap_or("").trim();
    let lemma = col(0);
    if lemma.is_empty() || lemma.contains(' ') {
        return Err(format!("bad lemma {lemma:?}"));
    }
    let pos: Pos = col(1)
        .parse()
        .map_err(|_| format!("bad pos {:?}", col(1)))?;
    let (gender, plural) = if pos == Pos::Noun {
        let g: Gender = col(2)
            .parse()
            .map_err(|_| format!("bad gender {:?}", col(2)))?;
        let p = match col(3) {
            "" => return Err("a noun needs a plural ('-' if none)".into()),
            "-" => None,
            p => Some(p),
        };
        (Some(g), p)
    } else {
        if !col(2).is_empty() || !col(3).is_empty() {
            return Err("gender/plural are for nouns only".into());
        }
        (None, None)
    };
    if pos == Pos::Noun && !lemma.starts_with(|c: char| c.is_uppercase()) {
        return Err("a noun lemma is capitalised".into());
    }
    let gloss = col(4);
    if gloss.is_empty() {
        return Err("missing gloss".into());
    }
    let category: Category = col(5)
        .parse()
        .map_err(|_| format!("bad category {:?}", col(5)))?;
    let level = match col(6) {
        "" => None,
        l => Some(l.parse().map_err(|_| format!("bad level {l:?}"))?),
    };
    let synonyms = col(7)
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    Ok(DomainEntry {
        lemma,
        pos,
        gender,
        plural,
        gloss,
        category,
        level,
        synonyms,
    })
}

impl Domain {
    /// Parses domain data: `#` lines and blank lines are skipped.
    pub(crate) fn parse(text: &'static str) -> Domain {
        let mut d = Domain::default();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            match parse_line(line) {
                Ok(e) => {
                    let idx = d.by_lemma.entry(e.lemma).or_default();
                    if idx.iter().any(|&i| d.entries[i].pos == e.pos) {
                        d.problems.push(format!(
                            "line {}: duplicate {} {:?}",
                            n + 1,
                            e.lemma,
                            e.pos
                        ));
                        continue;
                    }
                    idx.push(d.entries.len());
                    d.entries.push(e);
                }
                Err(msg) => d.problems.push(format!("line {}: {msg}: {line}", n + 1)),
            }
        }
        d
    }

    /// The entry for this lemma and part of speech.
    pub(crate) fn get(&self, lemma: &str, pos: Pos) -> Option<&DomainEntry> {
        self.by_lemma
            .get(lemma)?
            .iter()
            .map(|&i| &self.entries[i])
            .find(|e| e.pos == pos)
    }

    /// Any entry for this lemma.
    pub(crate) fn any(&self, lemma: &str) -> Option<&DomainEntry> {
        self.by_lemma.get(lemma)?.first().map(|&i| &self.entries[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rows_and_reports_problems() {
        let text = "# header\n\
            Lieferkette\tnoun\tf\tLieferketten\tsupply chain\teconomy\t\t\n\
            bilateral\tadj\t\t\tbilateral\tdiplomacy\tB2\tzweiseitig\n\
            Kosten\tnoun\tpl\t-\tcosts\tfinance\n\
            Bad\tnoun\tx\t-\tbad\teconomy\n\
            Lieferkette\tnoun\tf\tLieferketten\tdup\teconomy\n";
        let d = Domain::parse(text);
        assert_eq!(d.entries.len(), 3);
        let e = d.get("Lieferkette", Pos::Noun).unwrap();
        assert_eq!(
            (e.gender, e.plural, e.category),
            (Some(Gender::F), Some("Lieferketten"), Category::Economy)
        );
        let b = d.get("bilateral", Pos::Adj).unwrap();
        assert_eq!(
            (b.level, b.synonyms.clone()),
            (Some(Level::B2), vec!["zweiseitig"])
        );
        assert_eq!(d.get("Kosten", Pos::Noun).unwrap().plural, None);
        assert_eq!(d.problems.len(), 2, "{:?}", d.problems);
    }
}
