//! Choosing items together: what is on a worksheet so far, so that no answer shows anywhere
//! else on it (the title, other items' sentences and options, the gender-and-plural drill).
//!
//! An answer is known by its *keys*: the answer as written, its lemma and its compound parts of
//! four letters or more (`Preisabsprachen` → `preisabsprachen`, `preisabsprache`, `preis`,
//! `absprache`). A word on the sheet gives an answer away when it contains one of them, or is a
//! form of the same lemma (*Verträge* for *Vertrag*, *beschloss* for *beschließen*).

use crate::lexicon::lexicon;
use crate::tokenize::{TokenKind, tokenize};

/// The keys of one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerKeys {
    lemma: String,
    keys: Vec<String>,
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
                }) || lex
                    .analyze(t.surface(text))
                    .is_some_and(|a| a.lemma == self.lemma)
            })
    }
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
}
