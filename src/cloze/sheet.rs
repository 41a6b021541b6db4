//! Choosing items together: what is on a worksheet so far, so that no answer shows anywhere
//! else on it (the title, other items' sentences and options, the gender-and-plural drill).
//!
//! An answer is known by its *keys*: the answer as written, its lemma and its compound parts of
//! four letters or more (`Preisabsprachen` → `preisabsprachen`, `preisabsprache`, `preis`,
//! `absprache`). A word on the sheet gives an answer away when it contains one of them, or is a
//! form of the same lemma (*Verträge* for *Vertrag*, *beschloss* for *beschließen*), or is of
//! the same word family (`family_root`: *Festnahmen* for *festgenommen*, *Grenzkontrolle* for
//! *kontrolliert*, *Bundesanwaltschaft* for *Staatsanwaltschaft*).

use super::generate::ClozeOptions;
use crate::lexicon::{Level, lexicon};
use crate::tokenize::{TokenKind, tokenize};
use crate::vocab::VocabEntry;

/// Whether a word of the vocabulary is worth a gap: above A1, and an A2 word only when it is a
/// noun that is no cognate of its English gloss (*Maßnahme*, *Gesetz* and *Grenze* are worth
/// it; *kontrollieren* — "to control", *steigen*, *rechts* are known before B1); when the user
/// asks for levels, those decide (A1 still left out). No ad-hoc hyphenated compound whose
/// meaning is only its parts' (*Elektroauto-Forschung* — "electric car + research": no
/// dictionary lists it, and the learnable word is its head).
pub(super) fn worth_a_gap(e: &VocabEntry, opts: &ClozeOptions) -> bool {
    let level: Option<Level> = e.level.and_then(|l| l.parse().ok());
    let above = match (opts.levels, level) {
        (_, Some(Level::A1)) => false,
        (None, Some(Level::A2)) => {
            e.pos == "noun" && !e.gloss.as_deref().is_some_and(|g| cognate(&e.lemma, g))
        }
        _ => true,
    };
    let composed = e.lemma.contains('-') && e.gloss.as_deref().is_none_or(|g| g.contains(" + "));
    above && !composed
}

/// Whether a German word and a sense of its English gloss are cognates a learner reads at
/// sight: their first five letters agree once *c* is read as *k* (*Kontrolle* — control,
/// *kontrollieren* — to check, to control).
fn cognate(lemma: &str, gloss: &str) -> bool {
    let norm = |w: &str| -> String {
        w.to_lowercase()
            .chars()
            .map(|c| if c == 'c' { 'k' } else { c })
            .take(5)
            .collect()
    };
    let german = norm(lemma);
    german.chars().count() == 5
        && gloss.split([';', ',']).any(|sense| {
            let sense = sense.trim();
            norm(sense.strip_prefix("to ").unwrap_or(sense)) == german
        })
}

/// The keys of one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerKeys {
    lemma: String,
    keys: Vec<String>,
    /// The lemma's [`family_root`], when it is long enough to compare.
    root: Option<String>,
}

impl AnswerKeys {
    /// The keys of an answer with this lemma and these compound parts.
    pub fn new(answer: &str, lemma: &str, parts: &[String]) -> AnswerKeys {
        let mut keys = super::distractors::part_keys(lemma, parts);
        let a = answer.to_lowercase();
        if !keys.contains(&a) {
            keys.push(a);
        }
        AnswerKeys {
            lemma: lemma.to_owned(),
            keys,
            root: family_root(lemma),
        }
    }

    /// The keys of a noun whose gender and plural are asked for: its forms, its plural and its
    /// compound head show them, a word of its family does not (*Bürgermeister* leaves the
    /// plural of *Bürgermeisteramt* open).
    pub fn noun_forms(plural: &str, lemma: &str, head: Option<&String>) -> AnswerKeys {
        let head: Vec<String> = head.cloned().into_iter().collect();
        AnswerKeys {
            root: None,
            ..AnswerKeys::new(plural, lemma, &head)
        }
    }

    /// Whether `text` gives this answer away.
    pub fn revealed_by(&self, text: &str) -> bool {
        let lex = lexicon();
        tokenize(text)
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .any(|t| {
                let lower = t.lower();
                self.keys.iter().any(|k| {
                    if k.chars().count() >= 4 {
                        lower.contains(k.as_str())
                    } else {
                        lower == k
                    }
                }) || lex.analyze(t.surface(text)).is_some_and(|a| {
                    a.lemma == self.lemma
                        || self.root.as_deref().is_some_and(|r| {
                            family_root(&a.lemma).is_some_and(|o| same_family(r, &o))
                        })
                })
            })
    }
}

/// Derivational endings dropped before two lemmas are compared (longest first): the verb's
/// infinitive, the noun's *-ung*, *-e*, the adjective's *-lich*, *-isch*, *-ig*.
const DERIVATION_ENDINGS: &[&str] = &[
    "ierung", "ieren", "lich", "isch", "ung", "eln", "ern", "en", "ig", "e", "n",
];

/// The root of a word family as its consonants: the lower-case lemma without a derivational
/// ending, vowels left out (so that the ablaut of *nehmen* / *Nahme* and the verb's *-ieren*
/// do not matter): *festnehmen*, *Festnahme* → `fstnhm`; *Kontrolle*, *kontrollieren* →
/// `kntrll`; *wirtschaftlich* → `wrtschft`. The first two letters come first, to tell
/// skeletons with other vowels at the start apart (*frisch* / *forsch*). `None` when fewer
/// than five consonants are left (short roots match too much by chance).
pub(crate) fn family_root(lemma: &str) -> Option<String> {
    let lower = lemma.to_lowercase().replace('ß', "ss");
    let word = lower.rsplit('-').next().unwrap_or(&lower);
    let base = DERIVATION_ENDINGS
        .iter()
        .find_map(|e| word.strip_suffix(e).filter(|b| b.chars().count() >= 4))
        .unwrap_or(word);
    let skeleton: String = base
        .chars()
        .filter(|c| c.is_alphabetic() && !"aeiouäöüy".contains(*c))
        .collect();
    if skeleton.chars().count() < 5 {
        return None;
    }
    let start: String = base.chars().take(2).collect();
    Some(format!("{start}:{skeleton}"))
}

/// Whether two [`family_root`]s are of one family: one skeleton starts the other (and the
/// words start alike: *Festnahme*, *festnehmen*; *wirtschaftlich*, *Wirtschaftsleistung*), or
/// one ends the other (a compound on the root: *Grenzkontrolle*), or they end in the same
/// compound head of eight consonants or more (*Staatsanwaltschaft*, *Bundesanwaltschaft*).
pub(crate) fn same_family(a: &str, b: &str) -> bool {
    let split = |r: &str| -> (String, Vec<char>) {
        let (start, sk) = r.split_once(':').unwrap_or(("", r));
        (start.to_owned(), sk.chars().collect())
    };
    let ((sa, a), (sb, b)) = (split(a), split(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if sa == sb && long.starts_with(short) {
        return true;
    }
    let common_end = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (common_end == short.len() && short.len() >= 6) || common_end >= 8
}

/// The texts and answers of a worksheet being made, each with the sentence it belongs to (if
/// any): items that share a sentence (`--gaps 2`) show each other's answers by the user's
/// choice.
#[derive(Debug, Default)]
pub struct Sheet {
    texts: Vec<(String, Option<usize>)>,
    answers: Vec<(AnswerKeys, Option<usize>)>,
}

impl Sheet {
    /// A sheet with only its heading.
    pub fn new(title: &str) -> Sheet {
        Sheet {
            texts: vec![(title.to_owned(), None)],
            answers: Vec::new(),
        }
    }

    /// Whether `text` would give away an answer already on the sheet (other than those of
    /// sentence `sentence`).
    pub fn reveals_an_answer(&self, text: &str, sentence: Option<usize>) -> bool {
        self.answers
            .iter()
            .any(|(a, s)| (s.is_none() || *s != sentence) && a.revealed_by(text))
    }

    /// Whether the sheet's texts (other than those of sentence `sentence`) give away `answer`.
    pub fn gives_away(&self, answer: &AnswerKeys, sentence: Option<usize>) -> bool {
        self.texts
            .iter()
            .any(|(t, s)| (s.is_none() || *s != sentence) && answer.revealed_by(t))
    }

    /// Put a text on the sheet (a prompt or option of sentence `sentence`, a drill word).
    pub fn add_text(&mut self, text: &str, sentence: Option<usize>) {
        self.texts.push((text.to_owned(), sentence));
    }

    /// Put an answer (in sentence `sentence`) on the sheet: no later text may give it away.
    pub fn add_answer(&mut self, answer: AnswerKeys, sentence: Option<usize>) {
        self.answers.push((answer, sentence));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_find_forms_and_parts() {
        let k = AnswerKeys::new(
            "Preisabsprachen",
            "Preisabsprache",
            &["Preis".to_owned(), "absprache".to_owned()],
        );
        assert!(k.revealed_by("Die Preise stiegen."));
        assert!(k.revealed_by("Es gab Absprachen."));
        assert!(!k.revealed_by("Die Firmen zahlten."));
        let k = AnswerKeys::new("Vertrag", "Vertrag", &[]);
        assert!(k.revealed_by("Die Verträge gelten."));
        let mut sheet = Sheet::new("Kartellgericht straft Zielpunkt");
        let k = AnswerKeys::new("Kartellgerichts", "Kartellgericht", &[]);
        assert!(sheet.gives_away(&k, None) && sheet.gives_away(&k, Some(3)));
        sheet.add_answer(AnswerKeys::new("Geldbuße", "Geldbuße", &[]), Some(3));
        assert!(sheet.reveals_an_answer("Der Betrag der Geldbuße ist gedeckt.", None));
        assert!(!sheet.reveals_an_answer("Der Betrag ist gedeckt.", None));
        // the same sentence may show it (two gaps in one sentence)
        assert!(!sheet.reveals_an_answer("Die Geldbuße ist hoch.", Some(3)));
    }

    #[test]
    fn cognates() {
        assert!(cognate("kontrollieren", "to check, to control"));
        assert!(cognate("Kontrolle", "control; check"));
        assert!(!cognate("Maßnahme", "measure"));
        assert!(!cognate("Grenze", "border"));
    }

    #[test]
    fn word_families_give_answers_away() {
        let k = AnswerKeys::new("festgenommen", "festnehmen", &[]);
        assert!(k.revealed_by("Festnahmen gab es auch in Italien."));
        let k = AnswerKeys::new("Festnahmen", "Festnahme", &[]);
        assert!(k.revealed_by("Mehrere Menschen wurden festgenommen."));
        let k = AnswerKeys::new("kontrolliert", "kontrollieren", &[]);
        assert!(k.revealed_by("Es gab eine Grenzkontrolle."));
        assert!(k.revealed_by("bei Kontrollen"));
        let k = AnswerKeys::new("wirtschaftlichen", "wirtschaftlich", &[]);
        assert!(k.revealed_by("Die Wirtschaftsleistung sinkt."));
        let k = AnswerKeys::new("Staatsanwaltschaft", "Staatsanwaltschaft", &[]);
        assert!(k.revealed_by("eine Sprecherin der Bundesanwaltschaft"));
        // other families stay apart
        let k = AnswerKeys::new("Forschung", "Forschung", &[]);
        assert!(!k.revealed_by("Das Obst ist frisch."));
        let k = AnswerKeys::new("wissenschaftlichen", "wissenschaftlich", &[]);
        assert!(!k.revealed_by("Die Wirtschaft wächst."));
        let k = AnswerKeys::new("Festnahmen", "Festnahme", &[]);
        assert!(!k.revealed_by("Die Feststellung kam spät."));
    }
}
