//! The HTML worksheet in a real browser: headless Chromium, driven by
//! `tests/browser/check_worksheet.mjs` through playwright-core.
//!
//! The worksheet is the hand-built one of `tests/fixtures/cloze/seed-worksheet.json` (items of
//! every kind from the seed article: typed and multiple choice, umlauts and ß, „…“ quotes, `&`
//! and `<…>`; a gender-and-plural drill; a glossary). The script checks that the answers are
//! not in the page's source, checks with nothing answered (unanswered, not wrong), answers
//! everything right, one word in a wrong form, then everything wrong, and checks score, marks,
//! shown answers, Reset, key and glossary, print view and that the page made no network
//! request; it writes screenshots and a PDF to `target/worksheet-shots/` (or
//! `KERNSATZ_SHOT_DIR`).
//!
//! Needs `KERNSATZ_CHROMIUM` (the path of Debian's `chromium`) and `tests/browser/node_modules`
//! (`npm ci --prefix tests/browser`); `scripts/test.sh` sets both up. Without them the test
//! fails, unless `KERNSATZ_SKIP_BROWSER=1` says to skip the browser run (the page is still
//! rendered and written).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{SEED_TEXT, root};
use kernsatz::cloze::{Kinds, Worksheet};
use kernsatz::export::worksheet::{Format, render};
use serde_json::Value;

const FIXTURE: &str = include_str!("fixtures/cloze/seed-worksheet.json");

fn seed_sheet() -> Worksheet {
    serde_json::from_str(FIXTURE).unwrap()
}

fn shot_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("KERNSATZ_SHOT_DIR") {
        return PathBuf::from(dir);
    }
    // target/ of this build (CARGO_TARGET_DIR may move it): the test binary lives in
    // <target>/debug/deps/.
    let exe = std::env::current_exe().unwrap();
    let target = exe
        .ancestors()
        .nth(3)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| root().join("target"));
    target.join("worksheet-shots")
}

#[test]
fn worksheet_works_in_headless_chromium() {
    let sheet = seed_sheet();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("worksheet.html");
    std::fs::write(&page, render(&sheet, Format::Html)).unwrap();

    let Some(report) = run_browser(&page, &shot_dir()) else {
        return;
    };
    let shots = shot_dir();
    // The page's checker data agrees with the worksheet, and the browser saw every item.
    let n = sheet.items.len() + sheet.nouns.len();
    let seen = report["items"].as_array().unwrap();
    assert_eq!(seen.len(), sheet.items.len());
    for (r, item) in seen.iter().zip(&sheet.items) {
        assert_eq!(r["id"].as_u64().unwrap() as usize, item.id);
        assert_eq!(r["kind"].as_str().unwrap(), item.kind.as_str());
        assert_eq!(r["answer"].as_str().unwrap(), item.answer);
        let choices: Vec<&str> = r["choices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        assert_eq!(choices, item.choices);
        if !item.choices.is_empty() {
            let c = r["correct"].as_u64().unwrap() as usize;
            assert_eq!(item.choices[c], item.answer);
        }
    }
    let nouns = report["nouns"].as_array().unwrap();
    assert_eq!(nouns.len(), sheet.nouns.len());
    for (r, noun) in nouns.iter().zip(&sheet.nouns) {
        assert_eq!(r["plural"].as_str().unwrap(), noun.plural);
        assert_eq!(r["article"].as_str().unwrap(), noun.article);
    }
    assert_eq!(report["score_unanswered"], format!("0 / {n}"));
    assert_eq!(report["score_all_right"], format!("{n} / {n}"));
    assert_eq!(report["score_all_wrong"], format!("0 / {n}"));
    assert!(
        report["feedback_wrong_form"]
            .as_str()
            .unwrap()
            .contains("Richtiges Wort, falsche Form"),
        "{report}"
    );
    // Typed answers were accepted in other spellings than the answer's own (ae for ä, ss for
    // ß, other case), and those spellings really differ from the answers.
    let typed = report["typed_correct"].as_array().unwrap();
    assert!(typed.len() >= 3, "{typed:?}");
    let differs = typed
        .iter()
        .filter(|t| {
            let id = t["id"].as_u64().unwrap() as usize;
            let item = sheet.items.iter().find(|i| i.id == id).unwrap();
            t["typed"].as_str().unwrap() != item.answer
        })
        .count();
    assert!(differs >= 3, "{typed:?}");
    assert!(
        typed.iter().any(|t| {
            let t = t["typed"].as_str().unwrap().to_lowercase();
            t.contains("ss") && !t.contains('ß')
        }),
        "a ß answer typed as ss: {typed:?}"
    );
    assert_eq!(report["requests"].as_array().unwrap().len(), 0);
    for shot in [
        "screen-all-right.png",
        "screen-all-wrong.png",
        "print.png",
        "worksheet.pdf",
    ] {
        let meta = std::fs::metadata(shots.join(shot)).unwrap();
        assert!(meta.len() > 10_000, "{shot} is only {} bytes", meta.len());
    }
}

/// Run the node/playwright checks on `page`, screenshots into `shots`; `None` when the browser
/// check is skipped explicitly (KERNSATZ_SKIP_BROWSER=1).
fn run_browser(page: &Path, shots: &Path) -> Option<Value> {
    let chromium = match std::env::var("KERNSATZ_CHROMIUM") {
        Ok(p) if !p.is_empty() => p,
        _ => {
            if std::env::var("KERNSATZ_SKIP_BROWSER").as_deref() == Ok("1") {
                return None;
            }
            panic!(
                "KERNSATZ_CHROMIUM is not set: run scripts/test.sh (it installs Debian's chromium \
                 and the node test tools), or set KERNSATZ_CHROMIUM=/usr/bin/chromium after \
                 `npm ci --prefix tests/browser`; KERNSATZ_SKIP_BROWSER=1 skips this check"
            );
        }
    };
    let root = root();
    let script = root.join("tests/browser/check_worksheet.mjs");
    assert!(
        root.join("tests/browser/node_modules/playwright-core")
            .is_dir(),
        "tests/browser/node_modules is missing: run `npm ci --prefix tests/browser` (scripts/test.sh does)"
    );
    std::fs::create_dir_all(shots).unwrap();
    let out = Command::new("node")
        .arg(&script)
        .arg(page)
        .arg(shots)
        .env("KERNSATZ_CHROMIUM", &chromium)
        .output()
        .expect("run node (is Node.js installed?)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let report: Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("no JSON report ({e}):\n{stdout}\n{stderr}"));
    assert!(
        out.status.success() && report["ok"] == true,
        "browser checks failed: {}\n{stderr}",
        serde_json::to_string_pretty(&report["failures"]).unwrap()
    );

    Some(report)
}

/// The worksheet `kernsatz study` makes from the seed article (same library path: summarizer
/// ranking, generate with every kind, render) passes the same browser checks.
#[test]
fn generated_worksheet_works_in_headless_chromium() {
    use rand::SeedableRng;
    let doc = kernsatz::Document::new(SEED_TEXT).unwrap();
    let scores = kernsatz::Summarizer::default().scores(&doc);
    let mut rng =
        rand::rngs::StdRng::seed_from_u64(kernsatz::cloze::generate::seed_from_text(&doc.text));
    let sheet = kernsatz::cloze::generate::generate(
        &doc,
        &scores,
        kernsatz::IdfTable::embedded(),
        "japan-usa-wirtschaftssicherheit",
        &kernsatz::cloze::generate::ClozeOptions {
            kinds: Kinds::all(),
            ..Default::default()
        },
        &mut rng,
    );
    assert!(sheet.items.len() >= 10, "{}", sheet.items.len());
    assert!(!sheet.nouns.is_empty() && !sheet.glossary.is_empty());
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("worksheet.html");
    std::fs::write(&page, render(&sheet, Format::Html)).unwrap();
    let Some(report) = run_browser(&page, &shot_dir().join("generated")) else {
        return;
    };
    let n = sheet.items.len() + sheet.nouns.len();
    let seen = report["items"].as_array().unwrap();
    assert_eq!(seen.len(), sheet.items.len());
    for (r, item) in seen.iter().zip(&sheet.items) {
        assert_eq!(r["answer"].as_str().unwrap(), item.answer);
    }
    assert_eq!(report["score_all_right"], format!("{n} / {n}"));
    assert_eq!(report["score_all_wrong"], format!("0 / {n}"));
    assert_eq!(report["requests"].as_array().unwrap().len(), 0);
}
