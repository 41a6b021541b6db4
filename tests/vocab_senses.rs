//! The German definition follows the sense the article uses (issue 13, point 3): made-up
//! sentences for transferred senses, specialist senses and compounds without an entry of their
//! own, definitions without stray punctuation, and a category that follows the sense.

mod common;

use serde_json::Value;

use kernsatz::lexicon::lexicon;

use common::kernsatz;

/// The entry of `lemma` in the full vocabulary of `text`.
fn entry(text: &str, lemma: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sense.txt");
    std::fs::write(&path, text).unwrap();
    let out = kernsatz()
        .args([
            "vocab",
            "--limit",
            "0",
            "--format",
            "json",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let list: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    list.into_iter()
        .find(|e| e["lemma"] == lemma)
        .unwrap_or_else(|| panic!("{lemma} not listed"))
}

fn definition(text: &str, lemma: &str) -> String {
    let e = entry(text, lemma);
    e["definition_de"].as_str().unwrap_or("").to_owned()
}

#[test]
fn a_transferred_sense_wins_where_the_literal_one_has_no_support() {
    let d = definition(
        "Die Regierung plant eine Rochade. Der Finanzminister wechselt ins Innenministerium, \
         die Innenministerin übernimmt sein Amt. Die Rochade wurde am Montag bekanntgegeben.",
        "Rochade",
    );
    assert!(d.contains("Funktionen oder Ämtern"), "{d}");
    let d = definition(
        "Der Minister ist bei seiner Rede in Brüssel ins Fettnäpfchen getreten. Er \
         beleidigte die Gastgeber mit einem Witz über ihre Regierung.",
        "Fettnäpfchen",
    );
    assert!(d.contains("peinliche Situation"), "{d}");
}

#[test]
fn a_specialist_sense_wins_where_the_article_is_about_its_subject() {
    let d = definition(
        "Im Schach darf der König einmal pro Partie mit dem Turm tauschen. Diese Rochade \
         ist nur erlaubt, wenn König und Turm noch nicht gezogen haben. Der Großmeister \
         nutzte die Rochade früh.",
        "Rochade",
    );
    assert!(d.contains("Schachzug"), "{d}");
}

#[test]
fn the_words_of_the_article_choose_among_plain_senses() {
    let d = definition(
        "Unter den Anlegern macht sich Pessimismus breit. Die Stimmung an der Börse ist \
         gedrückt, viele sehen keine Hoffnung auf eine Erholung. Der Pessimismus der \
         Händler drückt die Kurse.",
        "Pessimismus",
    );
    assert!(d.contains("Lebensauffassung"), "{d}");
}

#[test]
fn definitions_have_no_stray_leading_punctuation() {
    let lex = lexicon();
    let v = lex.senses("Vorstand");
    assert!(!v.is_empty());
    for s in v {
        assert!(
            s.text
                .starts_with(|c: char| c.is_alphanumeric() || c == '(' || c == '„'),
            "{s:?}"
        );
    }
}

#[test]
fn a_specialist_sense_has_no_category_of_the_article() {
    // the chess sense is no politics term, though the article is about politics
    let e = entry(
        "Im Schach darf der König einmal pro Partie mit dem Turm tauschen. Diese Rochade \
         ist nur erlaubt, wenn König und Turm noch nicht gezogen haben. Der Großmeister \
         nutzte die Rochade früh. Die Regierung und das Parlament sahen zu.",
        "Rochade",
    );
    assert!(e["category"].is_null(), "{e}");
}
