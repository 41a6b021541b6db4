//! An interactive cloze quiz on a terminal, or on any line-based input and output.
//!
//! [`run_quiz`] asks one [`ClozeItem`] at a time, reads one line per item and answers at once.
//! It only reads from the `BufRead` and writes to the `Write` it is given, so the binary passes
//! stdin and stdout, and tests pass a script:
//!
//! ```
//! use kernsatz::cloze::ClozeItem;
//! use kernsatz::quiz::run_quiz;
//!
//! let item = ClozeItem {
//!     id: 1,
//!     sentence: "Beide Länder wollen ihre Lieferketten sichern.".into(),
//!     prompt: "Beide Länder wollen ihre _____ sichern.".into(),
//!     answer: "Lieferketten".into(),
//!     lemma: "Lieferkette".into(),
//!     hint: "die · supply chain".into(),
//!     choices: vec![],
//!     sentence_index: 0,
//!     start: 26,
//!     end: 38,
//!     source_start: 26,
//!     source_end: 38,
//!     gloss: Some("supply chain".into()),
//!     article: Some("die".into()),
//! };
//! let mut out = Vec::new();
//! let result = run_quiz(&[item], &mut "lieferketten\n".as_bytes(), &mut out).unwrap();
//! assert_eq!((result.asked, result.correct), (1, 1));
//! assert!(String::from_utf8(out).unwrap().contains("Ergebnis: 1 von 1 richtig (100 %)"));
//! ```
//!
//! Answers are compared after [`normalize_answer`]: case does not matter, and `ae`/`oe`/`ue`/`ss`
//! stand for `ä`/`ö`/`ü`/`ß` (for keyboards without them). The HTML worksheet's checker applies
//! the same rule.

use std::io::{self, BufRead, Write};

use crate::cloze::ClozeItem;

/// What a quiz run ended with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QuizResult {
    /// Items answered (an item left with `q` or end of input is not counted).
    pub asked: usize,
    /// Items answered correctly.
    pub correct: usize,
    /// True when the quiz ended with `q` or end of input before the last item.
    pub quit_early: bool,
}

impl QuizResult {
    /// Share of correct answers in whole percent, rounded; 0 when nothing was asked.
    pub fn percent(&self) -> usize {
        (self.correct * 100 + self.asked / 2)
            .checked_div(self.asked)
            .unwrap_or(0)
    }
}

/// The form answers are compared in: trimmed, lower case, `ä`/`ö`/`ü`/`ß` spelled `ae`/`oe`/
/// `ue`/`ss` (also when the umlaut is written with a combining diaeresis), runs of whitespace
/// collapsed to one space.
///
/// ```
/// use kernsatz::quiz::normalize_answer;
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

/// The correct answer as the quiz states it: the answer (with its letter for multiple choice),
/// then the dictionary form with article and gloss when known, e.g.
/// `Lieferketten (die Lieferkette — supply chain)`, or `die Lieferkette — supply chain` when the
/// answer is the dictionary form itself.
pub fn solution_text(item: &ClozeItem) -> String {
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
    let letter = correct_choice(item)
        .map(|i| format!("{}) ", choice_letter(i)))
        .unwrap_or_default();
    if item.lemma.is_empty() {
        format!("{letter}{}", item.answer)
    } else if item.answer == item.lemma {
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
    let gap = crate::cloze::GAP;
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

/// Run the quiz: for each item print its number, prompt (with hint) and lettered choices, read
/// one line, and say at once whether it was right, naming the correct answer when it was not.
/// A line `q` (or `quit`, `:q`) or the end of input stops early with the score so far. The last
/// line written is `Ergebnis: N von M richtig (P %)`, M counting the items answered.
///
/// Output is flushed before each read, so prompts appear on an interactive terminal.
pub fn run_quiz(
    items: &[ClozeItem],
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> io::Result<QuizResult> {
    let mut result = QuizResult::default();
    let total = items.len();
    writeln!(
        out,
        "Lückentext-Quiz: {total} {}. Ergänzen Sie die Lücke (q = beenden).",
        if total == 1 { "Aufgabe" } else { "Aufgaben" }
    )?;
    let mut line = String::new();
    for (n, item) in items.iter().enumerate() {
        writeln!(out)?;
        writeln!(out, "[{}/{total}] {}", n + 1, prompt_with_hint(item))?;
        for (i, choice) in item.choices.iter().enumerate() {
            writeln!(out, "    {}) {choice}", choice_letter(i))?;
        }
        write!(out, "> ")?;
        out.flush()?;
        line.clear();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            result.quit_early = true;
            break;
        }
        let given = line.trim();
        if matches!(given.to_lowercase().as_str(), "q" | "quit" | ":q") {
            result.quit_early = true;
            break;
        }
        result.asked += 1;
        if is_correct(item, given) {
            result.correct += 1;
            writeln!(out, "Richtig! ✓")?;
        } else {
            writeln!(out, "Leider falsch. ✗ Richtig ist: {}", solution_text(item))?;
        }
    }
    writeln!(out)?;
    if result.quit_early {
        writeln!(out, "Quiz beendet.")?;
    }
    writeln!(
        out,
        "Ergebnis: {} von {} richtig ({} %)",
        result.correct,
        result.asked,
        result.percent()
    )?;
    out.flush()?;
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: usize, sentence: &str, answer: &str, lemma: &str, choices: &[&str]) -> ClozeItem {
        let start = sentence.find(answer).expect("answer in sentence");
        let end = start + answer.len();
        ClozeItem {
            id,
            sentence: sentence.to_string(),
            prompt: format!(
                "{}{}{}",
                &sentence[..start],
                crate::cloze::GAP,
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

    fn run(input: &str) -> (QuizResult, String) {
        let mut out = Vec::new();
        let r = run_quiz(&items(), &mut input.as_bytes(), &mut out).unwrap();
        (r, String::from_utf8(out).unwrap())
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
    }

    #[test]
    fn all_right() {
        let (r, out) = run("Lieferketten\nc\nAbhängigkeit\ngroßen\n");
        assert_eq!(
            r,
            QuizResult {
                asked: 4,
                correct: 4,
                quit_early: false
            }
        );
        assert_eq!(out.matches("Richtig! ✓").count(), 4, "{out}");
        assert!(!out.contains("falsch"), "{out}");
        assert!(
            out.trim_end()
                .ends_with("Ergebnis: 4 von 4 richtig (100 %)"),
            "{out}"
        );
        assert!(!out.contains("Quiz beendet"), "{out}");
    }

    #[test]
    fn shows_items_numbered_with_hint_and_lettered_choices() {
        let (_, out) = run("");
        assert!(
            out.contains(
                "[1/4] Beide Regierungen wollen die _____ (die · supply chain) neu ordnen."
            ),
            "{out}"
        );
        let (_, out) = run("x\n");
        assert!(
            out.contains("[2/4] Die Sorge vor Chinas _____ wächst."),
            "{out}"
        );
        for line in [
            "    a) Einflüsse",
            "    b) Einflusses",
            "    c) Einfluss",
            "    d) Einflüssen",
        ] {
            assert!(out.lines().any(|l| l == line), "{line:?} in {out}");
        }
    }

    #[test]
    fn some_wrong_with_feedback() {
        let (r, out) = run("Lieferkette\nEinfluss\nabhaengigkeit\ngrosen\n");
        assert_eq!((r.asked, r.correct, r.quit_early), (4, 2, false));
        assert!(
            out.contains(
                "Leider falsch. ✗ Richtig ist: Lieferketten (die Lieferkette — supply chain)"
            ),
            "{out}"
        );
        assert!(
            out.contains("Leider falsch. ✗ Richtig ist: großen (groß)"),
            "{out}"
        );
        assert_eq!(out.matches("Richtig! ✓").count(), 2, "{out}");
        assert!(
            out.trim_end().ends_with("Ergebnis: 2 von 4 richtig (50 %)"),
            "{out}"
        );
    }

    #[test]
    fn quit_early_counts_answered_only() {
        let (r, out) = run("LIEFERKETTEN\nb\nq\ngroßen\n");
        assert_eq!(
            r,
            QuizResult {
                asked: 2,
                correct: 1,
                quit_early: true
            }
        );
        assert!(!out.contains("[4/4]"), "{out}");
        assert!(out.contains("Quiz beendet."), "{out}");
        assert!(
            out.trim_end().ends_with("Ergebnis: 1 von 2 richtig (50 %)"),
            "{out}"
        );
        let (r, _) = run("Q\n");
        assert_eq!((r.asked, r.quit_early), (0, true));
    }

    #[test]
    fn end_of_input_stops() {
        let (r, out) = run("Lieferketten\nc");
        assert_eq!((r.asked, r.correct, r.quit_early), (2, 2, true));
        assert!(out.contains("[3/4]"), "{out}");
        assert!(
            out.trim_end()
                .ends_with("Ergebnis: 2 von 2 richtig (100 %)"),
            "{out}"
        );
        let (r, out) = run("");
        assert_eq!((r.asked, r.correct, r.quit_early), (0, 0, true));
        assert!(
            out.trim_end().ends_with("Ergebnis: 0 von 0 richtig (0 %)"),
            "{out}"
        );
    }

    #[test]
    fn empty_line_is_a_wrong_answer_and_percent_rounds() {
        let (r, out) = run("\nc\n\n\n");
        assert_eq!((r.asked, r.correct), (4, 1));
        assert!(out.trim_end().ends_with("(25 %)"), "{out}");
        let r = QuizResult {
            asked: 3,
            correct: 2,
            quit_early: false,
        };
        assert_eq!(r.percent(), 67);
        let (r, out) = run("\r\nc\r\n");
        assert_eq!((r.asked, r.correct), (2, 1), "{out}");
    }

    #[test]
    fn no_items() {
        let mut out = Vec::new();
        let r = run_quiz(&[], &mut "".as_bytes(), &mut out).unwrap();
        assert_eq!(r, QuizResult::default());
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("Ergebnis: 0 von 0 richtig (0 %)"), "{out}");
    }
}
