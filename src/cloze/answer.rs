//! Checking answers: how a typed or chosen answer is compared with the item's, and how the
//! correct answer is stated. The terminal quiz and the HTML worksheet's checker use the same
//! rules.
//!
//! Answers are compared after [`normalize_answer`]: case does not matter, and `ae`/`oe`/`ue`/`ss`
//! stand for `ä`/`ö`/`ü`/`ß` (for keyboards without them).

use super::{ClozeItem, Kind};
use crate::lexicon::grammar::{ADJECTIVE_ENDINGS, VerbSlot, verb_forms};
use crate::lexicon::{Case, Number, Pos, lexicon};

/// The form answers are compared in: trimmed, lower case, `ä`/`ö`/`ü`/`ß` spelled `ae`/`oe`/
/// `ue`/`ss` (also when the umlaut is written with a combining diaeresis), runs of whitespace
/// collapsed to one space.
///
/// ```
/// use kernsatz::cloze::answer::normalize_answer;
/// assert_eq!(normalize_answer("  Abhängigkeit "), "abhaengigkeit");
/// assert_eq!(normalize_answer("ABHAENGIGKEIT"), normalize_answer("Abhängigkeit"));
/// assert_eq!(normalize_answer("Straße"), normalize_answer("STRASSE"));
/// ```
pub fn normalize_answer(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let mut pending_space = false;
    for c in s.trim().chars().flat_map(char::to_lowercase) {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            // a, o or u followed by a combining diaeresis (decomposed umlaut).
            '\u{308}' if out.ends_with(['a', 'o', 'u']) => out.push('e'),
            _ => out.push(c),
        }
    }
    out
}

/// The letter shown before choice `index` (0 → `a`).
pub fn choice_letter(index: usize) -> char {
    // Past `z` the letters would run out; worksheets have four choices.
    char::from(b'a' + (index.min(25)) as u8)
}

/// Index of the item's correct choice, if it is multiple choice.
pub fn correct_choice(item: &ClozeItem) -> Option<usize> {
    item.choices.iter().position(|c| *c == item.answer)
}

/// Whether `given` answers `item`: the answer itself under [`normalize_answer`], or, for a
/// multiple-choice item, the letter of the correct choice (`b`, `b)` or `b.`).
pub fn is_correct(item: &ClozeItem, given: &str) -> bool {
    let given = normalize_answer(given);
    if given.is_empty() {
        return false;
    }
    if given == normalize_answer(&item.answer) {
        return true;
    }
    match correct_choice(item) {
        Some(i) => {
            let letter = given.strip_suffix([')', '.']).unwrap_or(&given);
            let mut chars = letter.chars();
            chars.next() == Some(choice_letter(i)) && chars.next().is_none()
        }
        None => false,
    }
}

/// How an answer was judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The answer (or its letter).
    Correct,
    /// Another form of the answer's word (*Umfrage* for *Umfragen*): the right word in the
    /// wrong form. Vocabulary items only.
    WrongForm,
    /// Anything else.
    Wrong,
}

/// The other forms of a vocabulary item's lemma, as [`normalize_answer`] writes them: the
/// paradigm of a noun, the declined forms of an adjective, the forms of a verb; the lemma
/// itself included, the answer not. Empty for drills.
pub fn other_forms(item: &ClozeItem) -> Vec<String> {
    if item.kind != Kind::Vocab || item.lemma.is_empty() {
        return Vec::new();
    }
    let lex = lexicon();
    let mut forms: Vec<String> = vec![item.lemma.clone()];
    match lex.analyze(&item.answer).map(|a| a.pos) {
        Some(Pos::Noun) => {
            for number in [Number::Sg, Number::Pl] {
                for case in [Case::Nom, Case::Gen, Case::Dat, Case::Acc] {
                    forms.extend(lex.inflect_noun(&item.lemma, case, number));
                }
            }
        }
        Some(Pos::Adj) => {
            forms.extend(
                ADJECTIVE_ENDINGS
                    .iter()
                    .map(|e| format!("{}{e}", item.lemma)),
            );
        }
        Some(Pos::Verb) => {
            if let Some(f) = verb_forms(&item.lemma) {
                forms.extend(
                    VerbSlot::ALL
                        .iter()
                        .filter_map(|s| f.get(*s))
                        .map(str::to_owned),
                );
            }
        }
        _ => {}
    }
    let answer = normalize_answer(&item.answer);
    let mut out: Vec<String> = Vec::new();
    for f in forms.iter().map(|f| normalize_answer(f)) {
        if f != answer && !out.contains(&f) {
            out.push(f);
        }
    }
    out
}

/// Whether `given` can be judged at all: not empty, and for a multiple-choice item a choice's
/// letter (`b`, `b)`, `b.`) or a choice's text. Anything else is asked again.
pub fn is_valid_input(item: &ClozeItem, given: &str) -> bool {
    let given = normalize_answer(given);
    if given.is_empty() {
        return false;
    }
    if item.choices.is_empty() {
        return true;
    }
    let letter = given.strip_suffix([')', '.']).unwrap_or(&given);
    let mut chars = letter.chars();
    let is_letter = chars
        .next()
        .is_some_and(|c| (0..item.choices.len()).any(|i| choice_letter(i) == c))
        && chars.next().is_none();
    is_letter || item.choices.iter().any(|c| normalize_answer(c) == given)
}

/// Judge `given`: [`is_correct`], else the right word in another form
/// ([`Verdict::WrongForm`], a vocabulary item typed as another form of its lemma), else wrong.
pub fn judge(item: &ClozeItem, given: &str) -> Verdict {
    if is_correct(item, given) {
        return Verdict::Correct;
    }
    let g = normalize_answer(given);
    if item.kind == Kind::Vocab && !g.is_empty() && other_forms(item).contains(&g) {
        return Verdict::WrongForm;
    }
    Verdict::Wrong
}

/// The phrase of a drill, completed: from the word with the gap to its noun (`der
/// wirtschaftlichen Sicherheit`, `wirtschaftlichen Sicherheit`); empty for other items.
pub fn drill_phrase(item: &ClozeItem) -> String {
    if item.kind == Kind::Vocab
        || item.start > item.end
        || item.end > item.sentence.len()
        || !item.sentence.is_char_boundary(item.start)
    {
        return String::new();
    }
    let s = &item.sentence;
    let word_start = s[..item.start]
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + 1);
    let mut out: Vec<&str> = Vec::new();
    for (n, w) in s[word_start..].split_whitespace().enumerate() {
        let w = w.trim_end_matches([',', '.', ';', ':', '!', '?', '“', '"', ')']);
        out.push(w);
        // the noun: a capitalised word after the first (or the first, if it holds no gap)
        if n > 0 && w.chars().next().is_some_and(char::is_uppercase) || out.len() >= 6 {
            break;
        }
    }
    out.join(" ")
}

/// The dictionary form of a vocabulary item's word: `die Lieferkette — supply chain` (article
/// and gloss when known), `None` for drills and items without a lemma.
pub fn dictionary_form(item: &ClozeItem) -> Option<String> {
    if item.lemma.is_empty() || item.kind != Kind::Vocab {
        return None;
    }
    let mut dict = String::new();
    if let Some(article) = item.article.as_deref().filter(|a| !a.is_empty()) {
        dict.push_str(article);
        dict.push(' ');
    }
    dict.push_str(&item.lemma);
    if let Some(gloss) = item.gloss.as_deref().filter(|g| !g.is_empty()) {
        dict.push_str(" — ");
        dict.push_str(gloss);
    }
    Some(dict)
}

/// The correct answer as the quiz states it: the answer (with its letter for multiple choice),
/// then, for a vocabulary item, the dictionary form with article and gloss when known, e.g.
/// `Lieferketten (die Lieferkette — supply chain)`, or `die Lieferkette — supply chain` when the
/// answer is the dictionary form itself; for a drill, the completed phrase: `a) der (der
/// wirtschaftlichen Sicherheit)`.
pub fn solution_text(item: &ClozeItem) -> String {
    let letter = correct_choice(item)
        .map(|i| format!("{}) ", choice_letter(i)))
        .unwrap_or_default();
    let Some(dict) = dictionary_form(item) else {
        let phrase = drill_phrase(item);
        return if phrase.is_empty() {
            format!("{letter}{}", item.answer)
        } else {
            format!("{letter}{} ({phrase})", item.answer)
        };
    };
    if item.answer == item.lemma {
        if letter.is_empty() {
            dict
        } else {
            format!("{letter}{}{}", item.answer, dict_suffix(item))
        }
    } else {
        format!("{letter}{} ({dict})", item.answer)
    }
}

/// ` (die — supply chain)`-style remainder for an answer that is its own lemma, used after a
/// choice letter; empty when there is nothing to add.
fn dict_suffix(item: &ClozeItem) -> String {
    let mut parts = Vec::new();
    if let Some(a) = item.article.as_deref().filter(|a| !a.is_empty()) {
        parts.push(format!("{a} {}", item.lemma));
    }
    if let Some(g) = item.gloss.as_deref().filter(|g| !g.is_empty()) {
        parts.push(g.to_string());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(" — "))
    }
}

/// The prompt with the hint in brackets after the gap: `… ihre _____ (die · supply chain) …`.
pub fn prompt_with_hint(item: &ClozeItem) -> String {
    let gap = super::GAP;
    if item.hint.is_empty() {
        return item.prompt.clone();
    }
    match item.prompt.find(gap) {
        Some(at) => {
            let (before, rest) = item.prompt.split_at(at + gap.len());
            format!("{before} ({}){rest}", item.hint)
        }
        None => format!("{} ({})", item.prompt, item.hint),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: usize, sentence: &str, answer: &str, lemma: &str, choices: &[&str]) -> ClozeItem {
        let start = sentence.find(answer).expect("answer in sentence");
        let end = start + answer.len();
        ClozeItem {
            id,
            kind: Kind::Vocab,
            sentence: sentence.to_string(),
            prompt: format!(
                "{}{}{}",
                &sentence[..start],
                super::super::GAP,
                &sentence[end..]
            ),
            answer: answer.to_string(),
            lemma: lemma.to_string(),
            hint: String::new(),
            choices: choices.iter().map(|c| c.to_string()).collect(),
            sentence_index: id,
            start,
            end,
            source_start: start,
            source_end: end,
            gloss: None,
            article: None,
        }
    }

    fn items() -> Vec<ClozeItem> {
        let mut a = item(
            1,
            "Beide Regierungen wollen die Lieferketten neu ordnen.",
            "Lieferketten",
            "Lieferkette",
            &[],
        );
        a.hint = "die · supply chain".into();
        a.gloss = Some("supply chain".into());
        a.article = Some("die".into());
        let mut b = item(
            2,
            "Die Sorge vor Chinas Einfluss wächst.",
            "Einfluss",
            "Einfluss",
            &["Einflüsse", "Einflusses", "Einfluss", "Einflüssen"],
        );
        b.gloss = Some("influence".into());
        b.article = Some("der".into());
        let c = item(
            3,
            "Japan will die Abhängigkeit von China senken.",
            "Abhängigkeit",
            "Abhängigkeit",
            &[],
        );
        let d = item(
            4,
            "Die US-Marine hat ihre großen Stützpunkte in Japan.",
            "großen",
            "groß",
            &[],
        );
        vec![a, b, c, d]
    }

    #[test]
    fn normalization() {
        let cases = [
            ("Abhängigkeit", "abhaengigkeit"),
            ("  ABHÄNGIGKEIT\t", "abhaengigkeit"),
            ("großen", "grossen"),
            ("GROẞEN", "grossen"),
            ("Übertreffen", "uebertreffen"),
            ("Öl", "oel"),
            ("a\u{308}hnlich u\u{308}ber", "aehnlich ueber"),
            ("die   Lieferkette\n", "die lieferkette"),
            ("", ""),
            ("   ", ""),
        ];
        for (given, want) in cases {
            assert_eq!(normalize_answer(given), want, "{given:?}");
        }
    }

    #[test]
    fn correctness_rules() {
        let it = items();
        for given in ["Lieferketten", "lieferketten", " LIEFERKETTEN "] {
            assert!(is_correct(&it[0], given), "{given}");
        }
        for given in ["Lieferkette", "", "a", "Lieferketten."] {
            assert!(!is_correct(&it[0], given), "{given}");
        }
        // Multiple choice: the correct letter (c), in any case and with ) or ., or the text.
        for given in ["c", "C", "c)", "c.", "Einfluss", "einfluss"] {
            assert!(is_correct(&it[1], given), "{given}");
        }
        for given in ["a", "b", "d", "e", "cc", "Einflüsse", "c d"] {
            assert!(!is_correct(&it[1], given), "{given}");
        }
        // Umlaut and sharp s spelled out; letters do not count for typed items.
        assert!(is_correct(&it[2], "Abhaengigkeit"));
        assert!(is_correct(&it[2], "abhängigkeit"));
        assert!(!is_correct(&it[2], "Abhangigkeit"));
        assert!(!is_correct(&it[2], "a"));
        assert!(is_correct(&it[3], "grossen"));
        assert!(is_correct(&it[3], "GROSSEN"));
        assert!(!is_correct(&it[3], "grosen"));
    }

    #[test]
    fn wrong_forms_and_invalid_input() {
        let it = items();
        assert_eq!(judge(&it[0], "Lieferkette"), Verdict::WrongForm);
        assert_eq!(judge(&it[0], "lieferketten"), Verdict::Correct);
        assert_eq!(judge(&it[0], "Lieferung"), Verdict::Wrong);
        assert!(other_forms(&it[0]).contains(&"lieferkette".to_owned()));
        assert!(!other_forms(&it[0]).contains(&"lieferketten".to_owned()));
        assert_eq!(judge(&it[3], "groß"), Verdict::WrongForm);
        assert!(is_valid_input(&it[1], "c") && is_valid_input(&it[1], "D)"));
        assert!(is_valid_input(&it[1], "einflüsse"));
        assert!(!is_valid_input(&it[1], "e") && !is_valid_input(&it[1], "x"));
        assert!(!is_valid_input(&it[1], " ") && !is_valid_input(&it[0], ""));
        assert!(is_valid_input(&it[0], "irgendwas"));
        let mut drill = it[0].clone();
        drill.kind = Kind::Articles;
        assert_eq!(judge(&drill, "Lieferkette"), Verdict::Wrong);
    }

    #[test]
    fn solution_texts() {
        let it = items();
        assert_eq!(
            solution_text(&it[0]),
            "Lieferketten (die Lieferkette — supply chain)"
        );
        assert_eq!(
            solution_text(&it[1]),
            "c) Einfluss (der Einfluss — influence)"
        );
        assert_eq!(solution_text(&it[2]), "Abhängigkeit");
        assert_eq!(solution_text(&it[3]), "großen (groß)");
        let mut own = it[0].clone();
        own.answer = "Lieferkette".into();
        assert_eq!(solution_text(&own), "die Lieferkette — supply chain");
        let mut drill = it[1].clone();
        drill.kind = Kind::Articles;
        assert_eq!(dictionary_form(&drill), None);
        let sentence =
            "Die USA wollen im Bereich der wirtschaftlichen Sicherheit enger zusammenarbeiten.";
        let mut art = item(5, sentence, "der", "Sicherheit", &["des", "der"]);
        art.kind = Kind::Articles;
        assert_eq!(drill_phrase(&art), "der wirtschaftlichen Sicherheit");
        assert_eq!(
            solution_text(&art),
            "b) der (der wirtschaftlichen Sicherheit)"
        );
        let mut ending = art.clone();
        ending.kind = Kind::Endings;
        ending.start = sentence.find("lichen").unwrap() + 4;
        ending.end = ending.start + 2;
        ending.answer = "en".into();
        ending.choices.clear();
        assert_eq!(drill_phrase(&ending), "wirtschaftlichen Sicherheit");
        assert_eq!(solution_text(&ending), "en (wirtschaftlichen Sicherheit)");
    }
}
