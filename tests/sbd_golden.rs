//! Sentence-boundary golden cases (see tests/data/README.md), scored like
//! `shared/tools/sbd/score_sbd.py`: whitespace is ignored, only where the text is cut counts.

use kernsatz::segment::split_sentences;

/// The text with all whitespace removed.
fn nows(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn golden_german_cases() {
    let data = include_str!("data/sbd-golden-de.jsonl");
    let mut total = 0;
    let mut exact = 0;
    let mut failures = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("valid JSONL");
        let text = case["text"].as_str().expect("text");
        let gold: Vec<String> = case["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .map(|s| s.as_str().expect("string"))
            .filter(|s| !s.trim().is_empty())
            .map(nows)
            .collect();
        let pred: Vec<String> = split_sentences(text)
            .into_iter()
            .map(|r| nows(&text[r]))
            .filter(|s| !s.is_empty())
            .collect();
        // Nothing may be lost or added.
        assert_eq!(pred.concat(), nows(text), "text altered in {}", case["id"]);
        total += 1;
        if pred == gold {
            exact += 1;
        } else {
            failures.push(format!(
                "--- {}\n  gold: {gold:?}\n  pred: {pred:?}",
                case["id"]
            ));
        }
    }
    for f in &failures {
        println!("{f}");
    }
    println!("exact {exact}/{total}");
    assert_eq!(total, 57, "the golden file has 57 cases");
    assert!(exact >= 55, "only {exact}/{total} exact");
}
