//! CLI tests of `kernsatz extract`: the three formats, offsets into the decoded page, warnings,
//! several inputs, failures.

use std::path::PathBuf;

use assert_cmd::Command;
use tempfile::TempDir;

const EXPLAINER: &str = "tests/fixtures/html/explainer-lists-tables.html";
const SEED_PAGE: &str = "tests/fixtures/html/handelsblatt-japan-usa.html";

fn kernsatz() -> Command {
    Command::cargo_bin("kernsatz").unwrap()
}

/// Run, expect `code`, return (stdout, stderr).
fn run(cmd: &mut Command, code: i32) -> (String, String) {
    let out = cmd.output().unwrap();
    let (o, e) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    );
    assert_eq!(out.status.code(), Some(code), "stdout: {o}\nstderr: {e}");
    (o, e)
}

fn write(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn text_shows_title_date_teaser_and_blocks() {
    let (out, _) = run(kernsatz().args(["extract", SEED_PAGE]), 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "Japan und USA: Biden und Kishida vereinbaren wirtschaftliche 2+2-Gespräche"
    );
    assert_eq!(lines[1], "2022-01-22T03:10:00+01:00");
    assert_eq!(lines[2], "");
    assert!(lines[3].starts_with("Japan ist bereits der engste"));
    assert!(out.contains("\nDie USA und Japan wollen im Bereich"));
    for boilerplate in [
        "Tokio Die",
        "Bild: imago",
        "Jetzt abonnieren",
        "Lesen Sie auch",
    ] {
        assert!(!out.contains(boilerplate), "{boilerplate:?} in\n{out}");
    }

    let (out, _) = run(kernsatz().args(["extract", EXPLAINER]), 0);
    assert!(out.contains("\nWas die Kosten bestimmt\n"), "{out}");
    assert!(out.contains("\n- ein regelmäßiges Einkommen\n- ein unbefristetes"));
    assert!(
        out.contains("\nKreditsumme | Laufzeit | Zinsaufwand\n5.000 € | 36 Monate | 154,24 €\n")
    );
}

#[test]
fn markdown_has_headings_lists_and_tables() {
    let (out, _) = run(
        kernsatz().args(["extract", "--format", "markdown", EXPLAINER]),
        0,
    );
    assert!(
        out.starts_with("# Ratenkredit: So berechnen Sie die Zinsen\n"),
        "{out}"
    );
    assert!(out.contains("\n## Was die Kosten bestimmt\n"));
    assert!(out.contains("\n## In drei Schritten zum Angebot\n"));
    assert!(out.contains("\n- Kreditsumme und Laufzeit festlegen.\n"));
    assert!(out.contains(
        "\n| Kreditsumme | Laufzeit | Zinsaufwand |\n| --- | --- | --- |\n| 5.000 € | 36 Monate | 154,24 € |\n"
    ));
}

#[test]
fn json_gives_kinds_and_offsets_into_the_decoded_page() {
    // A Windows-1252 page: the offsets count UTF-8 bytes of the decoded text, not file bytes.
    let dir = TempDir::new().unwrap();
    let html = std::fs::read_to_string(EXPLAINER).unwrap().replace(
        "<meta charset=\"utf-8\">",
        "<meta charset=\"windows-1252\">",
    );
    let (bytes, _, bad) = encoding_rs::WINDOWS_1252.encode(&html);
    assert!(!bad);
    let p = write(&dir, "ratgeber.html", &bytes);
    let (out, err) = run(kernsatz().args(["extract", "--format", "json"]).arg(&p), 0);
    assert!(err.is_empty(), "{err}");
    assert_eq!(out.lines().count(), 1, "one JSON line per article");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["encoding"], "windows-1252");
    assert_eq!(v["title"], "Ratenkredit: So berechnen Sie die Zinsen");
    assert_eq!(v["teaser"], serde_json::Value::Null);
    let blocks = v["blocks"].as_array().unwrap();
    let kinds: Vec<&str> = blocks.iter().map(|b| b["kind"].as_str().unwrap()).collect();
    for k in ["paragraph", "heading", "list-item", "table-cell"] {
        assert!(kinds.contains(&k), "{k} in {kinds:?}");
    }
    for b in blocks {
        let (s, e) = (
            b["start"].as_u64().unwrap() as usize,
            b["end"].as_u64().unwrap() as usize,
        );
        let slice = &html[s..e];
        let text: String = scraper::Html::parse_fragment(slice)
            .root_element()
            .text()
            .collect();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(text, b["text"].as_str().unwrap(), "{s}..{e}: {slice:?}");
        if b["kind"] == "table-cell" {
            assert!(b["row"].is_u64());
        }
    }
}

#[test]
fn a_stray_byte_is_a_warning_on_stderr() {
    let dir = TempDir::new().unwrap();
    let mut bytes = std::fs::read(SEED_PAGE).unwrap();
    let at = bytes.windows(5).position(|w| w == b"Tokio").unwrap();
    bytes[at] = 0xD6; // a Latin-1 letter in a UTF-8 page
    let p = write(&dir, "seite.html", &bytes);
    let (out, err) = run(kernsatz().arg("extract").arg(&p), 0);
    assert!(out.contains("Die USA und Japan wollen"));
    assert!(
        err.contains("warning")
            && err.contains("seite.html")
            && err.contains("1 byte sequence")
            && err.contains(&format!("byte {at}")),
        "{err}"
    );
    // The other commands read the page the same way.
    let (out, err) = run(kernsatz().args(["summarize", "-n", "1"]).arg(&p), 0);
    assert!(!out.is_empty() && err.contains("warning"), "{err}");
}

#[test]
fn several_inputs_get_headings_and_text_gets_its_lines() {
    let dir = TempDir::new().unwrap();
    let txt = write(
        &dir,
        "notiz.txt",
        "Erste Zeile des Textes.\n\n  Zweite Zeile, eingerückt.\n".as_bytes(),
    );
    let (out, _) = run(kernsatz().arg("extract").arg(EXPLAINER).arg(&txt), 0);
    assert!(out.starts_with(&format!("==> {EXPLAINER} <==\n")), "{out}");
    assert!(out.contains(&format!("\n\n==> {} <==\n", txt.display())));
    assert!(out.ends_with("Erste Zeile des Textes.\n\nZweite Zeile, eingerückt.\n"));

    let (out, _) = run(
        kernsatz().args(["extract", "--format", "json"]).arg(&txt),
        0,
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["encoding"], serde_json::Value::Null);
    assert_eq!(v["blocks"][1]["text"], "Zweite Zeile, eingerückt.");
    assert_eq!(v["blocks"][1]["start"], 27);
}

#[test]
fn a_page_without_text_fails() {
    let dir = TempDir::new().unwrap();
    let empty = write(
        &dir,
        "leer.html",
        b"<html><body><nav><a href=/>Start</a></nav></body></html>",
    );
    let (out, err) = run(kernsatz().arg("extract").arg(&empty), 2);
    assert!(out.is_empty());
    assert!(
        err.contains("leer.html") && err.contains("no text"),
        "{err}"
    );
    // In a batch, the others are done and the exit code says some failed.
    let (out, err) = run(kernsatz().arg("extract").arg(EXPLAINER).arg(&empty), 1);
    assert!(out.contains("Ratenkredit"));
    assert!(err.contains("1 of 2 documents failed"), "{err}");
}
