//! Word frequencies (wordfreq's German list) and the Zipf → level mapping.

use super::Level;
use super::sorted::SortedLines;

/// Bound of the per-thread memos of frequency and prefix look-ups.
const CENTI_MEMO_MAX: usize = 200_000;

thread_local! {
    static CENTI: crate::memo::MemoCell<Option<u16>> = Default::default();
    static PREFIX: crate::memo::MemoCell<bool> = Default::default();
}

/// `freq.tsv`: casefolded word, Zipf × 100, sorted. Words rarer than Zipf 2.0 are not in it.
pub(crate) const FREQ_TSV: &str = include_str!("../../data/lexicon/freq.tsv");

/// Case-folds a word the way wordfreq does for German: lowercase, ß → ss. A word of ASCII and
/// German letters (nearly every one) is folded in one pass without Unicode's case tables; any
/// other through [`fold_unicode`], with the same result.
pub(crate) fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 2);
    for c in word.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            'Ä' => out.push('ä'),
            'Ö' => out.push('ö'),
            'Ü' => out.push('ü'),
            'ß' => out.push_str("ss"),
            c if c.is_ascii() || matches!(c, 'ä' | 'ö' | 'ü') => out.push(c),
            _ => return fold_unicode(word),
        }
    }
    out
}

/// [`fold`] of any word: Unicode lower case, then ß → ss.
fn fold_unicode(word: &str) -> String {
    let lower = word.to_lowercase();
    if lower.contains('ß') {
        lower.replace('ß', "ss")
    } else {
        lower
    }
}

/// [`fold`] without a copy for a word that is folded already (lowercase ASCII letters and
/// umlauts, no ß): most look-ups of compound splitting and morphology are.
pub(crate) fn folded(word: &str) -> std::borrow::Cow<'_, str> {
    let plain = word
        .chars()
        .all(|c| (c.is_ascii() && !c.is_ascii_uppercase()) || matches!(c, 'ä' | 'ö' | 'ü'));
    if plain {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(fold(word))
    }
}

/// The frequency table.
#[derive(Debug)]
pub(crate) struct Freq {
    table: SortedLines,
}

impl Freq {
    pub(crate) fn new() -> Self {
        Freq {
            table: SortedLines::with_key_index(FREQ_TSV, super::sorted::keys::FREQ),
        }
    }

    /// Zipf frequency of a word form (case-insensitive), `None` if rarer than Zipf 2.0 or unknown.
    pub(crate) fn zipf(&self, word: &str) -> Option<f32> {
        self.centi(&folded(word)).map(|c| c as f32 / 100.0)
    }

    /// Zipf × 100 of an already folded word. Compound splitting asks for the same substrings
    /// again and again: answers are memoised per thread (bounded; the table is one per process).
    pub(crate) fn centi(&self, folded: &str) -> Option<u16> {
        let look_up = || self.table.get(folded).and_then(|v| v.parse().ok());
        // once the table has hashed its keys (a long run), its own look-up is as quick as the
        // memo's, and the memo's copies of 100,000s of words only cost memory
        if self.table.is_hashed() {
            return look_up();
        }
        crate::memo::memoised(&CENTI, folded, CENTI_MEMO_MAX, look_up)
    }

    /// Whether some word of the list starts with this (folded) prefix (memoised like `centi`).
    pub(crate) fn has_prefix(&self, folded: &str) -> bool {
        crate::memo::memoised(&PREFIX, folded, CENTI_MEMO_MAX, || {
            self.table.has_prefix(folded)
        })
    }

    /// Combined Zipf frequency of a set of word forms: log10 of the summed frequencies of the
    /// distinct (folded) forms. `None` if no form is in the list.
    pub(crate) fn zipf_sum<'a>(&self, forms: impl IntoIterator<Item = &'a str>) -> Option<f32> {
        let mut seen: Vec<std::borrow::Cow<'a, str>> = Vec::new();
        let mut total = 0.0f64;
        for form in forms {
            let f = folded(form);
            if seen.contains(&f) {
                continue;
            }
            if let Some(c) = self.centi(&f) {
                total += 10f64.powf(f64::from(c) / 100.0);
            }
            seen.push(f);
        }
        (total > 0.0).then(|| total.log10() as f32)
    }
}

/// Zipf thresholds of the levels, highest first: a word of Zipf ≥ the threshold gets that level.
/// See `data/lexicon/README.md` for how they were chosen.
pub const LEVEL_THRESHOLDS: [(Level, f32); 5] = [
    (Level::A1, 5.2),
    (Level::A2, 4.8),
    (Level::B1, 4.4),
    (Level::B2, 4.0),
    (Level::C1, 3.5),
];

/// The level of a word or lemma of this Zipf frequency (C2 below the C1 threshold).
pub fn level_for_zipf(zipf: f32) -> Level {
    LEVEL_THRESHOLDS
        .iter()
        .find(|(_, t)| zipf >= *t)
        .map_or(Level::C2, |(l, _)| *l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_fold_is_unicode_folding() {
        for w in [
            "",
            "Straße",
            "STRASSE",
            "Größe",
            "ÄÖÜäöüß",
            "Weiß-Rot",
            "E-Mail",
            "abc123",
            "ẞ",
            "Çelik",
            "Δέλτα",
            "ΣΊΣΥΦΟΣ",
            "İstanbul",
            "Œuvre",
            "naïve",
            "Zoë",
            "x\u{301}",
        ] {
            assert_eq!(fold(w), fold_unicode(w), "{w:?}");
        }
        // every word of the frequency table and its capitalised and upper-case forms
        for (word, _) in SortedLines::new(FREQ_TSV).iter().step_by(7) {
            let cap = super::super::compound::capitalize(word);
            for w in [word, cap.as_str(), word.to_uppercase().as_str()] {
                assert_eq!(fold(w), fold_unicode(w), "{w:?}");
            }
        }
    }

    #[test]
    fn fold_matches_wordfreq() {
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Außenminister"), "aussenminister");
        assert_eq!(fold("ÄRGER"), "ärger");
        for w in [
            "straße",
            "Straße",
            "ärger",
            "ÄRGER",
            "haus",
            "lieferkette",
            "İstanbul",
            "",
        ] {
            assert_eq!(folded(w), fold(w), "{w}");
        }
    }

    #[test]
    fn lookups() {
        let f = Freq::new();
        assert_eq!(f.zipf("der"), Some(7.46));
        assert_eq!(f.zipf("Lieferkette"), Some(2.66));
        assert_eq!(f.zipf("Außenminister"), f.zipf("aussenminister"));
        assert!(f.zipf("Außenminister").is_some());
        assert_eq!(f.zipf("qqqxyzzy"), None);
        let both = f
            .zipf_sum(["Lieferkette", "Lieferketten", "lieferketten"])
            .unwrap();
        assert!((both - 2.89).abs() < 0.01, "{both}");
    }

    #[test]
    fn level_bands() {
        assert_eq!(level_for_zipf(7.0), Level::A1);
        assert_eq!(level_for_zipf(5.2), Level::A1);
        assert_eq!(level_for_zipf(5.19), Level::A2);
        assert_eq!(level_for_zipf(4.4), Level::B1);
        assert_eq!(level_for_zipf(4.0), Level::B2);
        assert_eq!(level_for_zipf(3.5), Level::C1);
        assert_eq!(level_for_zipf(3.49), Level::C2);
        assert_eq!(level_for_zipf(0.0), Level::C2);
    }
}
