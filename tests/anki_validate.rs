//! Acceptance test of the Anki export against the OFFICIAL Anki importer.
//!
//! `tests/anki/validate_anki.py` imports a file into a fresh collection with the `anki` package
//! from PyPI (Anki's own Rust backend) and prints a JSON report. Set `KERNSATZ_ANKI_PY` to the
//! python of the venv made by `scripts/setup-anki-venv.sh` (`scripts/test.sh` does):
//!
//! ```sh
//! export KERNSATZ_ANKI_PY=$(bash scripts/setup-anki-venv.sh | tail -1)
//! ```
//!
//! Without it the test fails, unless `KERNSATZ_SKIP_ANKI=1` says explicitly to skip the
//! importer run (the deck is still built and written).

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::anki_import;
use kernsatz::export::anki::{
    ApkgOptions, ClozeFields, Note, Package, STOCK_CLOZE_NOTETYPE, STOCK_VOCAB_NOTETYPE,
    TextNoteTypes, TextOptions, VocabFields, cloze_deletion, write_apkg, write_text,
};
use serde_json::Value;

const CLOZE_DECK: &str = "kernsatz::Test::Lückentext";
const VOCAB_DECK: &str = "kernsatz::Test::Vokabeln";
const T1: i64 = 1_700_000_000;
const T2: i64 = 1_700_000_600;

/// A cloze note of the test deck and how many distinct deletions (cards) it has.
struct ClozeCase {
    source: &'static str,
    sentence: &'static str,
    text: String,
    back_extra: &'static str,
    label: &'static str,
    deletions: usize,
}

fn cloze_cases() -> Vec<ClozeCase> {
    vec![
        ClozeCase {
            source: "hb-2022-01-22",
            sentence: "Die Lieferkette zwischen Japan und den USA ist gestört.",
            text: format!(
                "Die {} zwischen Japan und den {} ist gestört.",
                cloze_deletion(1, "Lieferkette", Some("Logistik")),
                cloze_deletion(2, "USA", None)
            ),
            back_extra: "Wirtschaftssicherheit",
            label: "Handelsblatt, 22.01.2022",
            deletions: 2,
        },
        ClozeCase {
            source: "hb-2022-01-22",
            sentence: "Der Minister sagte: \"Wir müssen die Abhängigkeit von China verringern.\"",
            text: format!(
                "Der Minister sagte: \"Wir müssen die {} von China verringern.\"",
                cloze_deletion(1, "Abhängigkeit", Some("Gegenteil von Unabhängigkeit"))
            ),
            back_extra: "Zitat mit \"Anführungszeichen\" und Ä, ö, ü, ß",
            label: "Handelsblatt",
            deletions: 1,
        },
        ClozeCase {
            source: "hb-2022-01-22",
            sentence: "Zeile eins mit Tab. Zeile zwei mit Umbruch.",
            text: format!(
                "Zeile eins\tmit Tab.\nZeile zwei mit {}.",
                cloze_deletion(1, "Umbruch", None)
            ),
            back_extra: "Feld mit\tTab und\nZeilenumbruch",
            label: "Test",
            deletions: 1,
        },
        ClozeCase {
            source: "hb-2022-01-23",
            sentence: "Die Halbleiter-Industrie wächst rasant.",
            text: format!(
                "Die <b>Halbleiter</b>-Industrie {} rasant.",
                cloze_deletion(1, "wächst", Some("Verb"))
            ),
            back_extra: "<i>wachsen</i>, wuchs, ist gewachsen",
            label: "",
            deletions: 1,
        },
        ClozeCase {
            source: "hb-2022-01-23",
            sentence: "Tokio und Washington vereinbaren Exportkontrollen für Chips.",
            text: format!(
                "{} und Washington vereinbaren {} für Chips.",
                cloze_deletion(1, "Tokio", None),
                cloze_deletion(3, "Exportkontrollen", Some("Handel"))
            ),
            back_extra: "",
            label: "Handelsblatt",
            deletions: 2,
        },
    ]
}

fn vocab_cases() -> Vec<(&'static str, VocabFields)> {
    let v = |wort: &str, plural: &str, english: &str, beispiel: &str, teile: &str| VocabFields {
        wort: wort.into(),
        plural: plural.into(),
        english: english.into(),
        beispiel: beispiel.into(),
        teile: teile.into(),
        kategorie: "Nomen".into(),
        niveau: "B2".into(),
    };
    vec![
        (
            "Lieferkette",
            v(
                "die Lieferkette",
                "die Lieferketten",
                "supply chain",
                "Die <b>Lieferkette</b> ist gestört.",
                "Liefer·kette",
            ),
        ),
        (
            "Abhängigkeit",
            v(
                "die Abhängigkeit",
                "die Abhängigkeiten",
                "dependence",
                "Die <b>Abhängigkeit</b> von China wächst.",
                "",
            ),
        ),
        (
            "Halbleiter",
            v(
                "der Halbleiter",
                "die Halbleiter",
                "semiconductor",
                "\"<b>Halbleiter</b>\" sind knapp.",
                "Halb·leiter",
            ),
        ),
        (
            "Wirtschaftssicherheit",
            v(
                "die Wirtschaftssicherheit",
                "",
                "economic security",
                "Ein Gesetz zur <b>Wirtschaftssicherheit</b>.",
                "Wirtschafts·sicherheit",
            ),
        ),
    ]
}

const CHANGED_ENGLISH: &str = "supply chain (logistics)";

/// Version 1 of the deck, or version 2: one changed field and one added note.
fn build(version2: bool) -> Package {
    let mut p = Package::new();
    for c in cloze_cases() {
        let note = Note::cloze(
            c.source,
            c.sentence,
            ClozeFields {
                text: c.text,
                back_extra: c.back_extra.into(),
                source: c.label.into(),
            },
        )
        .in_deck(CLOZE_DECK)
        .with_tags(["kernsatz", "quelle::handelsblatt", "B2 Niveau"]);
        p.add(note).unwrap();
    }
    for (lemma, mut fields) in vocab_cases() {
        if version2 && lemma == "Lieferkette" {
            fields.english = CHANGED_ENGLISH.into();
        }
        p.add(
            Note::vocab(lemma, fields)
                .in_deck(VOCAB_DECK)
                .with_tags(["kernsatz"]),
        )
        .unwrap();
    }
    if version2 {
        p.add(
            Note::vocab(
                "Exportkontrolle",
                VocabFields {
                    wort: "die Exportkontrolle".into(),
                    plural: "die Exportkontrollen".into(),
                    english: "export control".into(),
                    ..Default::default()
                },
            )
            .in_deck(VOCAB_DECK),
        )
        .unwrap();
    }
    p
}

/// (guid, sfld, csum) of every note in a collection file.
fn sort_fields(db: &Path) -> BTreeSet<(String, String, i64)> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let mut stmt = conn
        .prepare("SELECT guid, CAST(sfld AS TEXT), csum FROM notes")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// Notes whose sfld/csum in our package differ from what Anki stored after importing it.
fn compare_sort_fields(apkg: &Path, anki_collection: &Path) -> Vec<(String, String, i64)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(apkg).unwrap()).unwrap();
    let ours = apkg.with_extension("anki2");
    let mut entry = zip.by_name("collection.anki2").unwrap();
    std::io::copy(&mut entry, &mut std::fs::File::create(&ours).unwrap()).unwrap();
    let ours = sort_fields(&ours);
    let anki = sort_fields(anki_collection);
    assert_eq!(ours.len(), anki.len());
    assert!(!ours.is_empty());
    ours.difference(&anki).cloned().collect()
}

fn count(v: &Value) -> u64 {
    v.as_u64()
        .unwrap_or_else(|| panic!("expected a count, got {v}"))
}

/// The sample note (all notes are sampled) with this GUID.
fn sample<'a>(report: &'a Value, guid: &str) -> &'a Value {
    report["sample_notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["guid"] == guid)
        .unwrap_or_else(|| panic!("note {guid} not in the report"))
}

fn card(note: &Value, ord: u64) -> &Value {
    note["cards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["ord"] == ord)
        .unwrap_or_else(|| panic!("card ord {ord} missing in {note:#}"))
}

#[test]
fn official_anki_importer_accepts_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let v1 = build(false);
    let v2 = build(true);
    let n_cloze = cloze_cases().len();
    let n_vocab = vocab_cases().len();
    let deletions: usize = cloze_cases().iter().map(|c| c.deletions).sum();
    assert_eq!(v1.len(), n_cloze + n_vocab);
    assert_eq!(v2.len(), v1.len() + 1);

    let apkg1 = dir.path().join("v1.apkg");
    let apkg2 = dir.path().join("v2.apkg");
    let txt2 = dir.path().join("v2.txt");
    let s1 = write_apkg(
        &v1,
        &apkg1,
        &ApkgOptions {
            timestamp: T1,
            force: false,
        },
    )
    .unwrap();
    assert_eq!(s1.cards, deletions + 2 * n_vocab);
    write_apkg(
        &v2,
        &apkg2,
        &ApkgOptions {
            timestamp: T2,
            force: false,
        },
    )
    .unwrap();
    write_text(
        &v2,
        &txt2,
        &TextOptions {
            note_types: TextNoteTypes::Kernsatz,
            force: false,
        },
    )
    .unwrap();

    // 1. The first export into a fresh collection.
    let kept = dir.path().join("kept");
    let Some(r) = anki_import(&apkg1, None, Some(&kept)) else {
        return;
    };
    // Anki recomputes sfld/csum on import; ours must be what it computes.
    let mismatched = compare_sort_fields(&apkg1, &kept.join("collection.anki2"));
    assert!(
        mismatched.is_empty(),
        "sfld/csum differ from Anki's: {mismatched:?}"
    );
    assert_eq!(r["warnings"], serde_json::json!([]), "{r:#}");
    assert_eq!(r["package"]["legacy_schema_ver"], 11);
    assert_eq!(count(&r["import_log"]["new"]), v1.len() as u64);
    assert_eq!(count(&r["notes"]), v1.len() as u64);
    assert_eq!(count(&r["cloze_cards"]), deletions as u64);
    assert_eq!(count(&r["cards"]), (deletions + 2 * n_vocab) as u64);
    assert_eq!(count(&r["empty_cards"]), 0);
    let types = r["note_types"].as_array().unwrap();
    let names: BTreeSet<&str> = types.iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        BTreeSet::from(["kernsatz Cloze", "kernsatz Vokabel"])
    );
    for t in types {
        if t["name"] == "kernsatz Cloze" {
            assert_eq!(t["kind"], "cloze");
            assert_eq!(
                t["fields"],
                serde_json::json!(["Text", "Back Extra", "Source"])
            );
            assert_eq!(count(&t["notes"]), n_cloze as u64);
            assert_eq!(count(&t["cards"]), deletions as u64);
        } else {
            assert_eq!(t["kind"], "standard");
            assert_eq!(
                t["fields"],
                serde_json::json!([
                    "Wort",
                    "Plural",
                    "English",
                    "Beispiel",
                    "Teile",
                    "Kategorie",
                    "Niveau"
                ])
            );
            assert_eq!(
                t["templates"],
                serde_json::json!(["Deutsch → English", "English → Deutsch"])
            );
            assert_eq!(count(&t["notes"]), n_vocab as u64);
            assert_eq!(count(&t["cards"]), 2 * n_vocab as u64);
        }
    }
    let deck_cards = |report: &Value, name: &str| {
        report["decks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["name"] == name)
            .map(|d| count(&d["cards"]))
            .unwrap_or(0)
    };
    assert_eq!(deck_cards(&r, CLOZE_DECK), deletions as u64);
    assert_eq!(deck_cards(&r, VOCAB_DECK), 2 * n_vocab as u64);

    // Rendered questions show the gaps and hints; answers reveal them.
    let guids: Vec<String> = v1.notes().map(|n| n.unwrap().0).collect();
    let first = sample(&r, &guids[0]);
    assert_eq!(
        first["tags"],
        serde_json::json!(["B2_Niveau", "kernsatz", "quelle::handelsblatt"])
    );
    let q1 = card(first, 0)["question"].as_str().unwrap();
    assert!(
        q1.contains("[Logistik]") && !q1.contains("Lieferkette"),
        "{q1}"
    );
    assert!(q1.contains("USA"), "other deletions stay visible: {q1}");
    let q2 = card(first, 1)["question"].as_str().unwrap();
    assert!(
        q2.contains("[...]") && q2.contains("Lieferkette") && !q2.contains("USA"),
        "{q2}"
    );
    let a1 = card(first, 0)["answer"].as_str().unwrap();
    assert!(
        a1.contains("Lieferkette") && a1.contains("Wirtschaftssicherheit"),
        "{a1}"
    );
    let quoted = sample(&r, &guids[1]);
    let q = card(quoted, 0)["question"].as_str().unwrap();
    assert!(
        q.contains("\"Wir müssen die [Gegenteil von Unabhängigkeit] von China"),
        "{q}"
    );
    assert_eq!(
        quoted["fields"]["Back Extra"],
        "Zitat mit \"Anführungszeichen\" und Ä, ö, ü, ß"
    );
    let tabbed = sample(&r, &guids[2]);
    assert_eq!(
        tabbed["fields"]["Back Extra"],
        "Feld mit\tTab und\nZeilenumbruch"
    );
    let bold = sample(&r, &guids[3]);
    assert!(
        card(bold, 0)["question"]
            .as_str()
            .unwrap()
            .contains("Halbleiter -Industrie [Verb]")
    );
    let c1c3 = sample(&r, &guids[4]);
    let ords: Vec<u64> = c1c3["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| count(&c["ord"]))
        .collect();
    assert_eq!(
        ords.iter().copied().collect::<BTreeSet<_>>(),
        BTreeSet::from([0, 2])
    );
    assert!(
        card(c1c3, 2)["question"]
            .as_str()
            .unwrap()
            .contains("[Handel]")
    );
    let vocab = sample(&r, &guids[n_cloze]);
    assert_eq!(card(vocab, 0)["template"], "Deutsch → English");
    assert_eq!(card(vocab, 0)["question"], "die Lieferkette");
    let a = card(vocab, 0)["answer"].as_str().unwrap();
    assert!(
        a.contains("supply chain") && a.contains("die Lieferketten"),
        "{a}"
    );
    assert_eq!(card(vocab, 1)["question"], "supply chain");
    assert_eq!(card(vocab, 1)["deck"], VOCAB_DECK);

    // 2. Re-import of the newer export: updates, one new note, no duplicates.
    let r = anki_import(&apkg1, Some(&apkg2), None).unwrap();
    let then = &r["then"];
    assert_eq!(count(&then["notes_before"]), v1.len() as u64);
    assert_eq!(count(&then["notes_after"]), v2.len() as u64);
    assert_eq!(count(&then["import_log"]["new"]), 1, "{then:#}");
    assert_eq!(count(&then["import_log"]["duplicate"]), 0, "{then:#}");
    assert_eq!(count(&then["import_log"]["conflicting"]), 0, "{then:#}");
    // Every note of the newer export is newer, so every existing note counts as updated.
    assert_eq!(
        count(&then["import_log"]["updated"]),
        v1.len() as u64,
        "{then:#}"
    );
    assert_eq!(count(&r["cards"]), (deletions + 2 * (n_vocab + 1)) as u64);
    let changed = sample(&r, &guids[n_cloze]);
    assert_eq!(changed["fields"]["English"], CHANGED_ENGLISH);
    assert_eq!(card(changed, 1)["question"], CHANGED_ENGLISH);
    let added = sample(&r, &v2.notes().last().unwrap().unwrap().0);
    assert_eq!(added["fields"]["Wort"], "die Exportkontrolle");
    assert_eq!(r["note_types"].as_array().unwrap().len(), 2);

    // 3. The text file of the newer export naming the kernsatz note types, imported after the
    //    first .apkg (the text import needs the note types to exist): same GUIDs, so one
    //    update, one new, rest identical.
    let r = anki_import(&apkg1, Some(&txt2), None).unwrap();
    let then = &r["then"];
    let log = &then["import_log"];
    for key in [
        "missing_notetype",
        "missing_deck",
        "empty_first_field",
        "conflicting",
    ] {
        assert_eq!(count(&log[key]), 0, "{key}: {then:#}");
    }
    assert_eq!(count(&log["new"]), 1, "{then:#}");
    assert_eq!(count(&log["updated"]), 1, "{then:#}");
    assert_eq!(count(&log["duplicate"]), v1.len() as u64 - 1, "{then:#}");
    assert_eq!(count(&then["notes_after"]), v2.len() as u64);
    let headers = &then["csv_metadata"]["headers_in_file"];
    assert_eq!(headers["notetype column"], "1");
    assert_eq!(headers["guid column"], "3");
    let changed = sample(&r, &guids[n_cloze]);
    assert_eq!(changed["fields"]["English"], CHANGED_ENGLISH);
    let added = sample(&r, &v2.notes().last().unwrap().unwrap().0);
    assert_eq!(card(added, 0)["deck"], VOCAB_DECK);
    assert_eq!(count(&r["cards"]), (deletions + 2 * (n_vocab + 1)) as u64);
    assert_eq!(count(&r["empty_cards"]), 0);
}

/// The text file with Anki's stock note types (the default) through the official importer: a
/// fresh collection takes every note with the cards the .apkg would give, a newer file updates,
/// and notes that came with the .apkg are left as they are, never duplicated.
#[test]
fn stock_text_file_imports_into_a_fresh_collection() {
    let dir = tempfile::tempdir().unwrap();
    let v1 = build(false);
    let v2 = build(true);
    let n_cloze = cloze_cases().len();
    let n_vocab = vocab_cases().len();
    let deletions: usize = cloze_cases().iter().map(|c| c.deletions).sum();
    let txt1 = dir.path().join("v1.txt");
    let txt2 = dir.path().join("v2.txt");
    let apkg1 = dir.path().join("v1.apkg");
    let s = write_text(&v1, &txt1, &TextOptions::default()).unwrap();
    assert_eq!((s.notes, s.cards), (v1.len(), deletions + 2 * n_vocab));
    write_text(&v2, &txt2, &TextOptions::default()).unwrap();
    write_apkg(
        &v1,
        &apkg1,
        &ApkgOptions {
            timestamp: T1,
            force: false,
        },
    )
    .unwrap();
    if common::anki_skipped() {
        return;
    }

    // 1. Into a fresh collection.
    let r = anki_import(&txt1, None, None).unwrap();
    assert_eq!(count(&r["import_log"]["new"]), v1.len() as u64, "{r:#}");
    assert_eq!(count(&r["notes"]), v1.len() as u64);
    assert_eq!(count(&r["cloze_cards"]), deletions as u64);
    assert_eq!(count(&r["cards"]), (deletions + 2 * n_vocab) as u64);
    assert_eq!(count(&r["empty_cards"]), 0);
    for t in r["note_types"].as_array().unwrap() {
        if t["name"] == STOCK_CLOZE_NOTETYPE {
            assert_eq!(t["kind"], "cloze");
            assert_eq!(count(&t["notes"]), n_cloze as u64);
        } else {
            assert_eq!(t["name"], STOCK_VOCAB_NOTETYPE);
            assert_eq!(t["fields"], serde_json::json!(["Front", "Back"]));
            assert_eq!(count(&t["notes"]), n_vocab as u64);
            assert_eq!(count(&t["cards"]), 2 * n_vocab as u64);
        }
    }
    let guids: Vec<String> = v1.notes().map(|n| n.unwrap().0).collect();
    let first = sample(&r, &guids[0]);
    assert_eq!(
        first["tags"],
        serde_json::json!(["B2_Niveau", "kernsatz", "quelle::handelsblatt"])
    );
    assert_eq!(card(first, 0)["deck"], CLOZE_DECK);
    let q1 = card(first, 0)["question"].as_str().unwrap();
    assert!(
        q1.contains("[Logistik]") && !q1.contains("Lieferkette"),
        "{q1}"
    );
    let a1 = card(first, 0)["answer"].as_str().unwrap();
    assert!(
        a1.contains("Lieferkette")
            && a1.contains("Wirtschaftssicherheit")
            && a1.contains("Handelsblatt, 22.01.2022"),
        "Back Extra and Source on the back: {a1}"
    );
    let tabbed = sample(&r, &guids[2]);
    assert_eq!(
        tabbed["fields"]["Back Extra"],
        "Feld mit\tTab und\nZeilenumbruch<div class=source><small>Test</small></div>"
    );
    let c1c3 = sample(&r, &guids[4]);
    let ords: BTreeSet<u64> = c1c3["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| count(&c["ord"]))
        .collect();
    assert_eq!(ords, BTreeSet::from([0, 2]));
    let vocab = sample(&r, &guids[n_cloze]);
    assert_eq!(card(vocab, 0)["deck"], VOCAB_DECK);
    let q = card(vocab, 0)["question"].as_str().unwrap();
    assert!(
        q.starts_with("die Lieferkette Plural: die Lieferketten")
            && q.contains("Liefer·kette")
            && !q.contains("supply chain"),
        "{q}"
    );
    assert!(
        card(vocab, 0)["answer"]
            .as_str()
            .unwrap()
            .ends_with("supply chain")
    );
    assert_eq!(card(vocab, 1)["question"], "supply chain");
    let a = card(vocab, 1)["answer"].as_str().unwrap();
    assert!(
        a.contains("die Lieferkette") && a.contains("Die Lieferkette ist gestört."),
        "{a}"
    );

    // 2. The newer text file over the older one: one update, one new note, the rest unchanged.
    let r = anki_import(&txt1, Some(&txt2), None).unwrap();
    let log = &r["then"]["import_log"];
    assert_eq!(count(&log["updated"]), 1, "{log}");
    assert_eq!(count(&log["new"]), 1, "{log}");
    assert_eq!(count(&log["duplicate"]), v1.len() as u64 - 1, "{log}");
    assert_eq!(count(&r["then"]["notes_after"]), v2.len() as u64);
    assert_eq!(
        sample(&r, &guids[n_cloze])["fields"]["Back"],
        CHANGED_ENGLISH
    );

    // 3. After the .apkg: Anki never changes a note's type on a text import, so the notes
    //    keep the kernsatz note types and fields, and nothing is added.
    let r = anki_import(&apkg1, Some(&txt1), None).unwrap();
    let log = &r["then"]["import_log"];
    assert_eq!(count(&log["conflicting"]), v1.len() as u64, "{log}");
    assert_eq!(count(&log["new"]) + count(&log["updated"]), 0, "{log}");
    assert_eq!(count(&r["then"]["notes_after"]), v1.len() as u64);
    let kept = sample(&r, &guids[n_cloze]);
    assert_eq!(kept["note_type"], "kernsatz Vokabel");
    assert_eq!(kept["fields"]["Wort"], "die Lieferkette");
}
