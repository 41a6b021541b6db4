//! The small enums of the lexicon: part of speech, gender, level, category, case and number.
//!
//! Their names (`noun`, `m`, `B1`, `economy`) are those of the data files and of the JSON and TSV
//! output; the derives of `strum` write them (`Display`, `FromStr`, `as_str`) and list the
//! variants (`ALL`). Parsing is exact except for [`Level`], which ignores case and surrounding
//! whitespace.

use std::str::FromStr;

use strum::{Display, EnumString, IntoStaticStr, VariantArray};

/// The error of parsing an unknown name.
fn parse_error(what: &str, s: &str) -> crate::Error {
    crate::ErrorKind::InvalidOption(format!("unknown {what} {s:?}")).into()
}

/// Part of speech.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Display, EnumString, IntoStaticStr, VariantArray,
)]
#[strum(
    serialize_all = "lowercase",
    parse_err_ty = crate::Error,
    parse_err_fn = Pos::parse_error
)]
pub enum Pos {
    /// Noun.
    Noun,
    /// Verb.
    Verb,
    /// Adjective (also used adverbially).
    Adj,
    /// Anything else (function words, adverbs, …).
    Other,
}

impl Pos {
    /// All parts of speech.
    pub const ALL: &'static [Pos] = Pos::VARIANTS;

    /// The name used in the data files: `noun`, `verb`, `adj`, `other`.
    pub fn as_str(&self) -> &'static str {
        self.into()
    }

    fn parse_error(s: &str) -> crate::Error {
        parse_error("part of speech", s)
    }
}

/// Grammatical gender of a noun; `Pl` for plural-only nouns (die Kosten, die Eltern).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Display, EnumString, IntoStaticStr, VariantArray,
)]
#[strum(
    serialize_all = "lowercase",
    parse_err_ty = crate::Error,
    parse_err_fn = Gender::parse_error
)]
pub enum Gender {
    /// Masculine (der).
    M,
    /// Feminine (die).
    F,
    /// Neuter (das).
    N,
    /// Plural only (die).
    Pl,
}

impl Gender {
    /// All genders.
    pub const ALL: &'static [Gender] = Gender::VARIANTS;

    /// The definite article in the nominative: der, die, das, die.
    pub fn article(&self) -> &'static str {
        match self {
            Gender::M => "der",
            Gender::F | Gender::Pl => "die",
            Gender::N => "das",
        }
    }

    /// The code used in the data files: `m`, `f`, `n`, `pl`.
    pub fn as_str(&self) -> &'static str {
        self.into()
    }

    fn parse_error(s: &str) -> crate::Error {
        parse_error("gender", s)
    }
}

/// CEFR-like difficulty level, A1 (easiest) to C2; ordered A1 < A2 < … < C2.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Display, IntoStaticStr, VariantArray,
)]
pub enum Level {
    /// Beginner.
    A1,
    /// Elementary.
    A2,
    /// Intermediate.
    B1,
    /// Upper intermediate.
    B2,
    /// Advanced.
    C1,
    /// Proficient.
    C2,
}

impl Level {
    /// All levels, easiest first.
    pub const ALL: &'static [Level] = Level::VARIANTS;

    /// `A1` … `C2`.
    pub fn as_str(&self) -> &'static str {
        self.into()
    }
}

impl FromStr for Level {
    type Err = crate::Error;
    /// Parses `A1` … `C2` (case-insensitive, surrounding whitespace ignored: the one parse
    /// that `strum`'s `EnumString` does not cover).
    fn from_str(s: &str) -> crate::Result<Self> {
        let t = s.trim();
        Level::VARIANTS
            .iter()
            .copied()
            .find(|l| l.as_str().eq_ignore_ascii_case(t))
            .ok_or_else(|| parse_error("level", s))
    }
}

/// Subject area of a domain entry.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Display, EnumString, IntoStaticStr, VariantArray,
)]
#[strum(
    serialize_all = "lowercase",
    parse_err_ty = crate::Error,
    parse_err_fn = Category::parse_error
)]
pub enum Category {
    /// Economy, companies, markets.
    Economy,
    /// Finance, banking, budgets, taxes.
    Finance,
    /// Trade, customs, supply chains.
    Trade,
    /// Labour, jobs, social affairs.
    Labour,
    /// Energy: power, oil and gas, fuels.
    Energy,
    /// Environment: climate, emissions, environmental protection.
    Environment,
    /// Technology and industry.
    Technology,
    /// Domestic politics, parties, elections, government.
    Politics,
    /// Diplomacy and international relations.
    Diplomacy,
    /// Security, military, defence.
    Security,
    /// Law, courts, the EU's institutions.
    Law,
}

impl Category {
    /// All categories.
    pub const ALL: &'static [Category] = Category::VARIANTS;

    /// The name used in `domain.tsv`.
    pub fn as_str(&self) -> &'static str {
        self.into()
    }

    fn parse_error(s: &str) -> crate::Error {
        parse_error("category", s)
    }
}

/// Grammatical case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Case {
    /// Nominative.
    Nom,
    /// Genitive.
    Gen,
    /// Dative.
    Dat,
    /// Accusative.
    Acc,
}

/// Grammatical number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Number {
    /// Singular.
    Sg,
    /// Plural.
    Pl,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names are part of the output (JSON, TSV) and of the data files: they must not move.
    #[test]
    fn names_are_the_output_names() {
        let names = |v: &[&'static str]| v.join(" ");
        let pos: Vec<_> = Pos::ALL.iter().map(Pos::as_str).collect();
        assert_eq!(names(&pos), "noun verb adj other");
        let g: Vec<_> = Gender::ALL.iter().map(Gender::as_str).collect();
        assert_eq!(names(&g), "m f n pl");
        let l: Vec<_> = Level::ALL.iter().map(Level::as_str).collect();
        assert_eq!(names(&l), "A1 A2 B1 B2 C1 C2");
        let c: Vec<_> = Category::ALL.iter().map(Category::as_str).collect();
        assert_eq!(
            names(&c),
            "economy finance trade labour energy environment technology politics diplomacy security law"
        );
        for p in Pos::ALL {
            assert_eq!(p.to_string(), p.as_str());
            assert_eq!(p.as_str().parse::<Pos>().unwrap(), *p);
        }
        for g in Gender::ALL {
            assert_eq!(g.to_string(), g.as_str());
            assert_eq!(g.as_str().parse::<Gender>().unwrap(), *g);
        }
        for l in Level::ALL {
            assert_eq!(l.to_string(), l.as_str());
            assert_eq!(l.as_str().parse::<Level>().unwrap(), *l);
        }
        for c in Category::ALL {
            assert_eq!(c.to_string(), c.as_str());
            assert_eq!(c.as_str().parse::<Category>().unwrap(), *c);
        }
    }

    #[test]
    fn parsing_is_exact_except_for_levels() {
        assert!("Noun".parse::<Pos>().is_err());
        assert!("M".parse::<Gender>().is_err());
        assert!("Economy".parse::<Category>().is_err());
        assert_eq!(" b1 ".parse::<Level>().unwrap(), Level::B1);
        let e = "D1".parse::<Level>().unwrap_err();
        assert!(e.to_string().contains("unknown level \"D1\""), "{e}");
        let e = "x".parse::<Pos>().unwrap_err();
        assert!(
            e.to_string().contains("unknown part of speech \"x\""),
            "{e}"
        );
        let e = "x".parse::<Gender>().unwrap_err();
        assert!(e.to_string().contains("unknown gender \"x\""), "{e}");
        let e = "x".parse::<Category>().unwrap_err();
        assert!(e.to_string().contains("unknown category \"x\""), "{e}");
    }
}
