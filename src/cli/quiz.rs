//! `kernsatz quiz`: cloze items asked one at a time on a terminal (or any line-based input and
//! output); answers are checked with the library's rules ([`kernsatz::cloze::answer`]).

use std::io::{self, BufRead, Write};

use kernsatz::article::ReadOptions;
use kernsatz::cloze::answer::{
    Verdict, choice_letter, dictionary_form, is_valid_input, judge, prompt_with_hint, solution_text,
};
use kernsatz::cloze::{ClozeItem, worksheet};

use super::args::QuizArgs;
use super::batch;
use super::io::{idf_or_embedded, is_stdin, load_idf};
use super::{Failure, Outcome};

pub fn run(a: QuizArgs) -> Result<Outcome, Failure> {
    if is_stdin(&a.file) {
        return Err(Failure::usage(
            "quiz reads your answers from standard input: give the article as a file",
        ));
    }
    let opts = a.exercise.options();
    let custom = load_idf(&a.exercise.idf)?;
    let read = ReadOptions {
        encoding: a.encoding,
    };
    // the quiz asks about one article: of a JSONL file or a directory, the first one
    let loaded = batch::load_first_document(&a.file, read)?;
    let (_, doc) = &loaded.docs[0];
    let seed = a.exercise.seed().resolve(&[doc.text.as_str()]);
    let title = loaded.meta[0].0.as_deref().unwrap_or("");
    let ws = worksheet(&[(title, doc)], &opts, idf_or_embedded(&custom), seed);
    if ws.items.is_empty() {
        return Err(Failure::usage(
            "no quiz items could be made from this article",
        ));
    }
    let stdin = io::stdin();
    let mut inp = stdin.lock();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    run_quiz(&ws.items, &mut inp, &mut out)?;
    Ok(batch::summarize_failures(loaded.stats(), &loaded.failures))
}

/// What a quiz run ended with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuizResult {
    /// Items answered (an item left with `q` or end of input is not counted).
    pub asked: usize,
    /// Items answered correctly.
    pub correct: usize,
    /// True when the quiz ended with `q` or end of input before the last item.
    pub quit_early: bool,
    /// The solutions of the items answered wrongly, in order: what to repeat.
    pub to_repeat: Vec<String>,
}

impl QuizResult {
    /// Share of correct answers in whole percent, rounded; 0 when nothing was asked.
    pub fn percent(&self) -> usize {
        (self.correct * 100 + self.asked / 2)
            .checked_div(self.asked)
            .unwrap_or(0)
    }
}

/// What to say when an answer cannot be judged.
fn ask_again(item: &ClozeItem) -> String {
    match item.choices.len() {
        0 => "Bitte eine Antwort eingeben (q = beenden).".to_owned(),
        n => format!(
            "Bitte einen Buchstaben von a bis {} eingeben (q = beenden).",
            choice_letter(n - 1)
        ),
    }
}

/// Run the quiz: for each item print its number, prompt (with hint) and lettered choices, read
/// one line, and say at once whether it was right, naming the correct answer when it was not
/// (and saying so when the word was right but its form was not). An empty line or, for a
/// multiple-choice item, anything but a choice's letter or text is asked again. A line `q`
/// (or `quit`, `:q`) or the end of input stops early with the score so far. The score line
/// `Ergebnis: N von M richtig (P %)`, M counting the items answered, is followed by the
/// solutions of the items to repeat.
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
    let mut bytes = Vec::new();
    'items: for (n, item) in items.iter().enumerate() {
        writeln!(out)?;
        writeln!(out, "[{}/{total}] {}", n + 1, prompt_with_hint(item))?;
        for (i, choice) in item.choices.iter().enumerate() {
            writeln!(out, "    {}) {choice}", choice_letter(i))?;
        }
        let given = loop {
            write!(out, "> ")?;
            out.flush()?;
            bytes.clear();
            if input.read_until(b'\n', &mut bytes)? == 0 {
                writeln!(out)?;
                result.quit_early = true;
                break 'items;
            }
            // an answer typed in another encoding is an answer, not the end of the quiz
            let line = String::from_utf8_lossy(&bytes);
            let given = line.trim().to_owned();
            if matches!(given.to_lowercase().as_str(), "q" | "quit" | ":q") {
                result.quit_early = true;
                break 'items;
            }
            if is_valid_input(item, &given) {
                break given;
            }
            writeln!(out, "{}", ask_again(item))?;
        };
        result.asked += 1;
        match judge(item, &given) {
            Verdict::Correct => {
                result.correct += 1;
                writeln!(out, "Richtig! ✓")?;
            }
            Verdict::WrongForm => {
                let dict = dictionary_form(item)
                    .filter(|d| *d != item.answer)
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default();
                writeln!(out, "Richtiges Wort, falsche Form: {} ✗{dict}", item.answer)?;
                result.to_repeat.push(solution_text(item));
            }
            Verdict::Wrong => {
                writeln!(out, "Leider falsch. ✗ Richtig ist: {}", solution_text(item))?;
                result.to_repeat.push(solution_text(item));
            }
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
    if !result.to_repeat.is_empty() {
        writeln!(out, "Zum Wiederholen:")?;
        for s in &result.to_repeat {
            writeln!(out, "  - {s}")?;
        }
    }
    out.flush()?;
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kernsatz::cloze::Kind;

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
                kernsatz::cloze::GAP,
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
    fn all_right() {
        let (r, out) = run("Lieferketten\nc\nAbhängigkeit\ngroßen\n");
        assert_eq!(
            r,
            QuizResult {
                asked: 4,
                correct: 4,
                quit_early: false,
                to_repeat: vec![],
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
    fn some_wrong_with_feedback_and_what_to_repeat() {
        let (r, out) = run("Lieferkette\nEinfluss\nabhaengigkeit\ngrosen\n");
        assert_eq!((r.asked, r.correct, r.quit_early), (4, 2, false));
        // the right word in another form is named as such
        assert!(
            out.contains(
                "Richtiges Wort, falsche Form: Lieferketten ✗ (die Lieferkette — supply chain)"
            ),
            "{out}"
        );
        assert!(
            out.contains("Leider falsch. ✗ Richtig ist: großen (groß)"),
            "{out}"
        );
        assert_eq!(out.matches("Richtig! ✓").count(), 2, "{out}");
        assert!(
            out.contains("Ergebnis: 2 von 4 richtig (50 %)\nZum Wiederholen:\n  - Lieferketten (die Lieferkette — supply chain)\n  - großen (groß)\n"),
            "{out}"
        );
        assert_eq!(r.to_repeat.len(), 2);
    }

    #[test]
    fn quit_early_counts_answered_only() {
        let (r, out) = run("LIEFERKETTEN\nb\nq\ngroßen\n");
        assert_eq!(
            r,
            QuizResult {
                asked: 2,
                correct: 1,
                quit_early: true,
                to_repeat: vec!["c) Einfluss (der Einfluss — influence)".into()],
            }
        );
        assert!(!out.contains("[4/4]"), "{out}");
        assert!(out.contains("Quiz beendet."), "{out}");
        assert!(out.contains("Ergebnis: 1 von 2 richtig (50 %)"), "{out}");
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
    fn invalid_input_is_asked_again_and_percent_rounds() {
        // empty lines, a letter past the choices and a word that is no choice are asked again
        let (r, out) = run("\nx\n\ne\nEinflus\nc\nfalsch\nfalsch\n");
        assert_eq!((r.asked, r.correct), (4, 1), "{out}");
        assert!(out.trim_end().contains("(25 %)"), "{out}");
        assert_eq!(
            out.matches("Bitte einen Buchstaben von a bis d eingeben")
                .count(),
            3,
            "{out}"
        );
        assert_eq!(
            out.matches("Bitte eine Antwort eingeben").count(),
            1,
            "{out}"
        );
        // a choice's text counts like its letter
        let (r, _) = run("x\nEinfluss\n");
        assert_eq!((r.asked, r.correct), (2, 1));
        let r = QuizResult {
            asked: 3,
            correct: 2,
            ..QuizResult::default()
        };
        assert_eq!(r.percent(), 67);
        let (r, out) = run("\r\nLieferketten\r\nc\r\n");
        assert_eq!((r.asked, r.correct), (2, 2), "{out}");
    }

    #[test]
    fn invalid_utf8_is_an_answer_and_the_score_stays() {
        let mut out = Vec::new();
        let input: &[u8] = b"Lieferketten\nEinfl\xfcss\nd\nq\n";
        let r = run_quiz(&items(), &mut &input[..], &mut out).unwrap();
        assert_eq!((r.asked, r.correct, r.quit_early), (2, 1, true));
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("Bitte einen Buchstaben"), "{out}");
        assert!(out.contains("Ergebnis: 1 von 2 richtig (50 %)"), "{out}");
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
