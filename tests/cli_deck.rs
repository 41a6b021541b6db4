//! `kernsatz deck` end to end, checked by the official Anki importer (PyPI `anki`) through
//! `tests/anki/validate_anki.py`, on the seed article and three 10kGNAD articles
//! (`tests/fixtures/articles/`).
//!
//! Needs `KERNSATZ_ANKI_PY` (scripts/test.sh sets it up); without it the test fails and says
//! how, unless `KERNSATZ_SKIP_ANKI=1`.

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

use common::{SEED, SEED_TEXT, anki_import, fixture, kernsatz};

fn deck(inputs: &[&Path], out: &Path, extra: &[&str]) {
    deck_at(inputs, out, extra, "1700000000")
}

/// `epoch`: the notes' modification time (a regenerated deck is newer, as in real use).
fn deck_at(inputs: &[&Path], out: &Path, extra: &[&str], epoch: &str) {
    let st = kernsatz()
        .arg("deck")
        .args(inputs)
        .arg("-o")
        .arg(out)
        .args(["--deck", "Deutsch::Wirtschaft", "--seed", "7"])
        .args(extra)
        .env("SOURCE_DATE_EPOCH", epoch)
        .output()
        .unwrap();
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
}

/// The first economy, domestic-politics and world-politics article of the 10kGNAD test
/// articles (see tests/fixtures/articles/README.md).
fn articles() -> Vec<PathBuf> {
    [
        "10kgnad-test-0000-Wirtschaft.txt",
        "10kgnad-test-0015-Inland.txt",
        "10kgnad-test-0030-International.txt",
    ]
    .iter()
    .map(|name| fixture(&format!("articles/{name}")))
    .collect()
}

fn count_notes(report: &Value, kind: &str) -> (u64, u64) {
    let nt = report["note_types"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["name"] == kind)
        .unwrap_or_else(|| panic!("note type {kind} missing: {report:#}"));
    (nt["notes"].as_u64().unwrap(), nt["cards"].as_u64().unwrap())
}

#[test]
fn decks_import_cleanly_and_update_on_regeneration() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut inputs: Vec<PathBuf> = vec![PathBuf::from(SEED)];
    inputs.extend(articles());
    let refs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();

    let apkg = d.join("v1.apkg");
    deck(&refs, &apkg, &[]);
    let Some(r) = anki_import(&apkg, None, None) else {
        return;
    };
    let (cloze_notes, cloze_cards) = count_notes(&r, "kernsatz Cloze");
    let (vocab_notes, vocab_cards) = count_notes(&r, "kernsatz Vokabel");
    assert!(cloze_notes >= 10 && vocab_notes >= 20, "{r:#}");
    assert_eq!(
        vocab_cards,
        2 * vocab_notes,
        "two cards per vocabulary note"
    );
    assert_eq!(r["cloze_cards"].as_u64().unwrap(), cloze_cards);
    // rendered questions show the gap with its hint, answers show the word
    let samples = r["sample_notes"].as_array().unwrap();
    // every note is sampled, with its questions in full
    assert_eq!(samples.len() as u64, cloze_notes + vocab_notes);
    let mut checked = 0;
    for s in samples
        .iter()
        .filter(|s| s["note_type"] == "kernsatz Cloze")
    {
        let text = s["fields"]["Text"].as_str().unwrap();
        let q = s["cards"][0]["question"].as_str().unwrap();
        assert!(q.contains('['), "gap shown as [hint] or [...]: {q}");
        let answer = text
            .split("{{c1::")
            .nth(1)
            .unwrap()
            .split("::")
            .next()
            .unwrap();
        let answer = answer.split("}}").next().unwrap();
        // a drill's answer (an article, an ending) stands elsewhere in any sentence
        let drill = s["tags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t.as_str().is_some_and(|t| t.starts_with("cloze-")));
        if drill {
            let hint = text.split("::").nth(2).unwrap_or("");
            assert!(
                hint.starts_with("bestimmter Artikel")
                    || hint.starts_with("unbestimmter Artikel")
                    || hint.starts_with("Negativartikel")
                    || hint.starts_with("Endung"),
                "a drill's deletion has its hint: {text}"
            );
            continue;
        }
        assert!(
            !q.contains(&format!(" {answer} ")),
            "question gives the answer away: {q}"
        );
        checked += 1;
    }
    assert!(checked >= 5, "too few questions checked: {checked}");
    // deletions made == cloze cards
    let deletions: usize = samples
        .iter()
        .filter(|s| s["note_type"] == "kernsatz Cloze")
        .map(|s| s["fields"]["Text"].as_str().unwrap().matches("{{c").count())
        .sum();
    assert_eq!(deletions as u64, cloze_cards);
    assert!(
        samples
            .iter()
            .any(|s| s["fields"]["Wort"].as_str().is_some_and(|w| w
                .starts_with("die Lieferkette<div class=ipa>/")
                && w.ends_with("/</div>"))
                && s["fields"]["Plural"] == "die Lieferketten"
                && s["fields"]["English"] == "supply chain"),
        "seed vocabulary note"
    );

    // the text-import file of the same articles, naming the kernsatz note types, imports too
    let txt = d.join("v1.txt");
    deck(&refs, &txt, &["--note-types", "kernsatz"]);
    anki_import(&apkg, Some(&txt), None).unwrap();

    // regenerate after changing one article: unchanged notes update, nothing is duplicated
    let changed = SEED_TEXT.replace(
        "Japan unterstützt bereits seit 2020 Unternehmen",
        "Japan fördert bereits seit 2020 Firmen",
    );
    assert_ne!(changed, SEED_TEXT);
    let seed2 = d.join("japan-usa-wirtschaftssicherheit.txt");
    std::fs::write(&seed2, changed).unwrap();
    let mut inputs2 = inputs.clone();
    inputs2[0] = seed2;
    let refs2: Vec<&Path> = inputs2.iter().map(PathBuf::as_path).collect();
    let apkg2 = d.join("v2.apkg");
    deck_at(&refs2, &apkg2, &[], "1700086400");
    let r2 = anki_import(&apkg, Some(&apkg2), None).unwrap();
    let log = &r2["then"]["import_log"];
    assert_eq!(log["duplicate"], 0, "{r2:#}");
    let total = cloze_notes + vocab_notes;
    let new = log["new"].as_u64().unwrap();
    // The changed sentence's notes are new, and a changed word can move the vocabulary's
    // ranking and so which items the sheet picks (its items are chosen together): a handful,
    // never a whole article's worth (201 notes).
    assert!(
        new <= 6,
        "only notes near the changed sentence are new: {log}"
    );
    assert!(log["updated"].as_u64().unwrap() + 6 >= total, "{log}");
}

/// `deck -o notes.txt` names Anki's stock note types, so the official importer takes it into a
/// fresh collection; imported twice, after the .apkg of the same article, or before it, no note
/// is ever duplicated.
#[test]
fn text_deck_imports_into_any_collection_without_duplicates() {
    if common::anki_skipped() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let seed = [Path::new(SEED)];
    let txt = d.join("notes.txt");
    let apkg = d.join("deck.apkg");
    deck(&seed, &txt, &[]);
    deck(&seed, &apkg, &[]);
    let count = |v: &Value| v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"));
    let types = |r: &Value| -> Vec<String> {
        let mut names: Vec<String> = r["note_types"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["name"].as_str().unwrap().to_string())
            .collect();
        names.sort();
        names
    };

    // The .apkg's figures are the reference.
    let a = anki_import(&apkg, None, None).unwrap();
    let (cloze_notes, cloze_cards) = count_notes(&a, "kernsatz Cloze");
    let (vocab_notes, vocab_cards) = count_notes(&a, "kernsatz Vokabel");
    let total = cloze_notes + vocab_notes;
    assert!(cloze_notes >= 5 && vocab_notes >= 20, "{a:#}");

    // 1. Into a fresh collection: every note, the same cards as the .apkg.
    let r = anki_import(&txt, None, None).unwrap();
    assert_eq!(count(&r["import_log"]["new"]), total, "{r:#}");
    assert_eq!(count(&r["import_log"]["found_notes"]), total);
    assert_eq!(types(&r), ["Basic (and reversed card)", "Cloze"]);
    let (v_notes, v_cards) = count_notes(&r, "Basic (and reversed card)");
    assert_eq!((v_notes, v_cards), (vocab_notes, vocab_cards));
    assert_eq!(v_cards, 2 * v_notes, "two cards per vocabulary note");
    assert_eq!(count_notes(&r, "Cloze"), (cloze_notes, cloze_cards));
    let mut deletions = 0;
    for s in r["sample_notes"].as_array().unwrap() {
        if s["note_type"] == "Cloze" {
            let text = s["fields"]["Text"].as_str().unwrap();
            let mut numbers: Vec<&str> = text
                .split("{{c")
                .skip(1)
                .map(|t| t.split("::").next().unwrap())
                .collect();
            numbers.sort_unstable();
            numbers.dedup();
            assert_eq!(numbers.len(), s["cards"].as_array().unwrap().len(), "{s:#}");
            deletions += numbers.len() as u64;
        }
    }
    assert_eq!(deletions, cloze_cards, "one card per deletion");
    assert_eq!(count(&r["empty_cards"]), 0);
    let lieferkette = r["sample_notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["fields"]["Back"] == "supply chain")
        .expect("the seed's Lieferkette note");
    let front = lieferkette["fields"]["Front"].as_str().unwrap();
    assert!(
        front.starts_with("die Lieferkette<div class=ipa>/")
            && front.contains("/</div><div class=plural>Plural: die Lieferketten</div>"),
        "{front}"
    );
    let reverse = lieferkette["cards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["ord"] == 1)
        .expect("the reverse card");
    assert_eq!(reverse["question"], "supply chain");

    // 2. The same file twice: every note found again, nothing added.
    let r = anki_import(&txt, Some(&txt), None).unwrap();
    let log = &r["then"]["import_log"];
    assert_eq!(count(&log["duplicate"]), total, "{log}");
    assert_eq!(count(&log["new"]) + count(&log["updated"]), 0, "{log}");
    assert_eq!(count(&r["then"]["notes_after"]), total);
    assert_eq!(count(&r["cards"]), vocab_cards + cloze_cards);

    // 3. After the .apkg: the notes keep their kernsatz note types and content; Anki skips
    //    the text file's versions as conflicting instead of adding them.
    let r = anki_import(&apkg, Some(&txt), None).unwrap();
    let log = &r["then"]["import_log"];
    assert_eq!(count(&log["conflicting"]), total, "{log}");
    assert_eq!(count(&log["new"]) + count(&log["updated"]), 0, "{log}");
    assert_eq!(count(&r["then"]["notes_after"]), total);
    assert_eq!(types(&r), ["kernsatz Cloze", "kernsatz Vokabel"]);
    assert_eq!(count(&r["cards"]), vocab_cards + cloze_cards);

    // 4. The .apkg after the text file, made later (as in real use, so it is newer). The
    //    validator imports with "Merge note types" on: Anki moves the notes to the kernsatz
    //    note types and updates them; none is added. (With Anki's default, merging off, it
    //    skips them as conflicting like in 3.)
    let later = d.join("later.apkg");
    deck_at(&seed, &later, &[], "4102444800");
    let r = anki_import(&txt, Some(&later), None).unwrap();
    let log = &r["then"]["import_log"];
    assert_eq!(count(&log["updated"]), total, "{log}");
    assert_eq!(count(&log["new"]), 0, "{log}");
    assert_eq!(count(&r["then"]["notes_after"]), total);
    assert_eq!(count(&r["notes"]), total);
}

#[test]
fn deck_refuses_to_overwrite_and_rejects_unknown_extensions() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("d.apkg");
    std::fs::write(&out, b"keep me").unwrap();
    let o = kernsatz()
        .args(["deck", SEED, "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    assert_eq!(std::fs::read(&out).unwrap(), b"keep me");
    let o = kernsatz()
        .args(["deck", SEED, "-o"])
        .arg(dir.path().join("d.zip"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains(".apkg"));
}
