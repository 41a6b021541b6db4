//! CLI tests of `kernsatz summarize`, `segment` and `idf`.

mod common;

use predicates::prelude::*;

use common::{SEED, SEED_TEXT, kernsatz};

fn stdout_of(args: &[&str]) -> String {
    let out = kernsatz().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Lines of the seed article that are not article sentences.
const BOILERPLATE: &[&str] = &[
    "22.01.2022",
    "03:10",
    "Joe Biden und Fumio Kishida",
    "Die beiden Staatschef verständigten sich",
    "Bild: imago",
    "Jetzt die besten Jobs",
    "per E-Mail benachrichtigt",
    "Home-Bildschirm",
    "Startbildschirm",
    "×",
];

#[test]
fn seed_summaries_never_contain_boilerplate() {
    for n in 1..=10 {
        let out = stdout_of(&["summarize", "-n", &n.to_string(), SEED]);
        assert_eq!(out.lines().count(), n, "n={n}: {out}");
        for b in BOILERPLATE {
            assert!(
                !out.contains(b),
                "n={n}: boilerplate {b:?} in summary:\n{out}"
            );
        }
        assert!(!out.contains("Tokio Die"), "dateline left in: {out}");
    }
}

#[test]
fn segment_splits_off_the_dateline() {
    let out = stdout_of(&["segment", SEED]);
    assert!(out.lines().any(|l| l
        == "Die USA und Japan wollen im Bereich der wirtschaftlichen Sicherheit enger zusammenarbeiten."),
        "{out}");
    assert!(!out.contains("Tokio Die"));
    for b in BOILERPLATE {
        assert!(!out.contains(b), "boilerplate {b:?} in segment output");
    }
}

#[test]
fn json_format_has_offsets_into_the_input() {
    let input = SEED_TEXT;
    let out = stdout_of(&["summarize", "--format", "json", "-n", "3", SEED]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let sents = v["sentences"].as_array().unwrap();
    assert_eq!(sents.len(), 3);
    let mut texts = Vec::new();
    let mut last_index = -1i64;
    for s in sents {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        let text = s["text"].as_str().unwrap();
        assert_eq!(&input[start..end], text);
        assert!(s["score"].as_f64().unwrap() > 0.0);
        let index = s["index"].as_i64().unwrap();
        assert!(index > last_index, "sentences in article order");
        last_index = index;
        texts.push(text);
    }
    assert_eq!(v["summary"].as_str().unwrap(), texts.join("\n"));
}

#[test]
fn explain_shows_scores_and_terms() {
    let out = stdout_of(&["summarize", "--explain", "-n", "2", SEED]);
    assert_eq!(
        out.lines().filter(|l| l.contains("score")).count(),
        2,
        "{out}"
    );
    assert!(out.contains("terms:"));
}

#[test]
fn ratio_and_words_limits() {
    let all = stdout_of(&["segment", SEED]).lines().count();
    let out = stdout_of(&["summarize", "--ratio", "0.5", SEED]);
    assert_eq!(out.lines().count(), (all as f32 * 0.5).round() as usize);
    let out = stdout_of(&["summarize", "--words", "40", SEED]);
    let words: usize = out.lines().map(|l| l.split_whitespace().count()).sum();
    assert!(words <= 40 || out.lines().count() == 1, "{out}");
    kernsatz()
        .args(["summarize", "--ratio", "1.5", SEED])
        .assert()
        .code(2);
    kernsatz()
        .args(["summarize", "-n", "0", SEED])
        .assert()
        .code(2);
    kernsatz()
        .args(["summarize", "-n", "2", "--words", "5", SEED])
        .assert()
        .code(2);
}

#[test]
fn jsonl_mode_keeps_order_and_reports_bad_lines() {
    let input = concat!(
        r#"{"id":"a","text":"Die Regierung plant neue Regeln. Die Industrie ist besorgt."}"#,
        "\n",
        "{not json\n",
        r#"{"id":"c","text":"   "}"#,
        "\n",
        r#"{"text":"Ohne Kennung geht es auch. Das ist gut so."}"#,
        "\n"
    );
    let out = kernsatz()
        .args(["summarize", "--jsonl", "-n", "1"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "a");
    assert!(lines[0]["summary"].as_str().unwrap().starts_with("Die"));
    assert_eq!(lines[1]["id"], 2, "line number stands in for the id");
    assert!(lines[1]["error"].as_str().unwrap().contains("invalid JSON"));
    assert_eq!(lines[2]["id"], "c");
    assert!(lines[2]["error"].is_string());
    assert_eq!(lines[3]["id"], 4);
    assert!(lines[3]["summary"].is_string());
}

#[test]
fn input_errors_exit_2_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"Gr\xF6\xDFe der Lieferkette.").unwrap();
    kernsatz()
        .args(["summarize", bad.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.txt").and(predicate::str::contains("byte 2")));
    kernsatz()
        .args(["summarize", "--encoding", "latin1", bad.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains("Größe"));
    kernsatz()
        .args(["summarize", "-"])
        .write_stdin("  \n ")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty"));
    kernsatz()
        .args(["summarize", "/nonexistent/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/file.txt"));
}

#[test]
fn idf_build_merge_and_use() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("corpus")).unwrap();
    std::fs::write(
        d.join("corpus/a.txt"),
        "Die Lieferkette reißt. Der Gipfel tagt.",
    )
    .unwrap();
    std::fs::write(d.join("corpus/b.txt"), "Die Lieferkette hält.").unwrap();
    std::fs::write(
        d.join("more.jsonl"),
        "{\"id\":1,\"text\":\"Der Gipfel ist vorbei.\"}\n{\"id\":2,\"text\":\"Die Lieferkette.\"}\n",
    )
    .unwrap();
    let p = |n: &str| d.join(n).to_str().unwrap().to_owned();
    kernsatz()
        .args([
            "idf",
            "build",
            &p("corpus"),
            "-o",
            &p("a.idf"),
            "--min-df",
            "1",
        ])
        .assert()
        .success();
    kernsatz()
        .args([
            "idf",
            "build",
            &p("more.jsonl"),
            "-o",
            &p("b.idf"),
            "--min-df",
            "1",
        ])
        .assert()
        .success();
    kernsatz()
        .args(["idf", "merge", &p("a.idf"), &p("b.idf"), "-o", &p("c.idf")])
        .assert()
        .success();
    let merged = std::fs::read_to_string(d.join("c.idf")).unwrap();
    assert!(merged.contains("# docs: 4"), "{merged}");
    assert!(merged.contains("lieferkette\t3"), "{merged}");
    assert!(merged.contains("gipfel\t2"), "{merged}");
    // the existing output is kept without --force
    kernsatz()
        .args(["idf", "merge", &p("a.idf"), &p("b.idf"), "-o", &p("c.idf")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
    kernsatz()
        .args(["summarize", "--idf", &p("c.idf"), SEED])
        .assert()
        .success();
    kernsatz()
        .args(["summarize", "--idf", SEED, SEED])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("docs"));
}
