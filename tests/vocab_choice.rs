//! The vocabulary a teacher would choose (issue 13), end to end through the binary: elliptical
//! coordination gives both words, no names, numbers, units, currencies, weekdays or months,
//! every entry has a meaning, words the learner knows (a word list, a kernsatz vocab.tsv, an
//! Anki package kernsatz wrote) are left out of `vocab`, `cloze`, `deck` and `study`, and
//! `--per-article` prints one list per article.

mod common;

use std::collections::HashSet;
use std::path::Path;

use serde_json::Value;

use kernsatz::lexicon::lexicon;

use common::{SEED, fixture, kernsatz};

fn stdout_of(args: &[&str]) -> String {
    let out = kernsatz().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json_list(args: &[&str]) -> Vec<Value> {
    serde_json::from_str(&stdout_of(args)).unwrap()
}

fn lemmas(list: &[Value]) -> HashSet<String> {
    list.iter()
        .map(|e| e["lemma"].as_str().unwrap().to_owned())
        .collect()
}

fn articles() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(fixture("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    v.sort();
    v.insert(0, SEED.to_owned());
    v
}

#[test]
fn elliptical_coordination_lists_both_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ellipse.txt");
    std::fs::write(
        &path,
        "Die Außen- und Verteidigungsminister der beiden Länder trafen sich in Tokio.\n\n\
         Die Staats- und Regierungschefs der Union berieten über die Ein- und Ausfuhr von \
         Waffen. Die Außenminister einigten sich auf strengere Regeln für die Ausfuhr.\n",
    )
    .unwrap();
    let list = json_list(&[
        "vocab",
        "--limit",
        "0",
        "--format",
        "json",
        path.to_str().unwrap(),
    ]);
    let got = lemmas(&list);
    for lemma in [
        "Außenminister",
        "Verteidigungsminister",
        "Staatschef",
        "Regierungschef",
        "Einfuhr",
        "Ausfuhr",
    ] {
        assert!(got.contains(lemma), "{lemma} missing from {got:?}");
    }
    // "Staats-" is no form of Staat
    assert!(!got.contains("Staat"), "{got:?}");
    // the truncated word counts for its whole word: Außen- and Außenminister
    let am = list.iter().find(|e| e["lemma"] == "Außenminister").unwrap();
    assert_eq!(am["count"], 2, "{am}");
}

#[test]
fn no_names_numbers_units_or_dates_and_every_entry_has_a_meaning() {
    let lex = lexicon();
    for path in articles() {
        let list = json_list(&["vocab", "--limit", "0", "--format", "json", &path]);
        assert!(list.len() >= 10, "{path}: {} entries", list.len());
        for e in &list {
            let lemma = e["lemma"].as_str().unwrap();
            assert!(
                e["gloss"].is_string() || e["definition_de"].is_string(),
                "{path}: {lemma} has no meaning"
            );
            assert!(
                lex.not_vocabulary(lemma).is_none_or(|n| !n.never()),
                "{path}: {lemma} is no vocabulary ({:?})",
                lex.not_vocabulary(lemma)
            );
            assert!(
                !lemma.chars().any(|c| c.is_ascii_digit()),
                "{path}: {lemma}"
            );
            let gloss = e["gloss"].as_str().unwrap_or("");
            assert!(!gloss.contains(" + "), "{path}: {lemma} — {gloss}");
            assert!(e["ipa"].is_string() || e["ipa"].is_null());
        }
    }
    // the seed's names and units
    let seed = lemmas(&json_list(&[
        "vocab", "--limit", "0", "--format", "json", SEED,
    ]));
    for name in [
        "Kishida", "Biden", "Japan", "China", "USA", "Tokio", "Prozent", "Euro", "Januar", "Montag",
    ] {
        assert!(!seed.contains(name), "{name} listed");
    }
}

#[test]
fn known_words_are_left_out_of_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let full = json_list(&["vocab", "--format", "json", SEED]);
    let top: Vec<String> = full[..5]
        .iter()
        .map(|e| e["lemma"].as_str().unwrap().to_owned())
        .collect();
    // a word list with articles and a comment
    let list = dir.path().join("known.txt");
    let text: String = std::iter::once("# words I know\n".to_owned())
        .chain(top.iter().map(|l| format!("{l}\n")))
        .collect();
    std::fs::write(&list, text).unwrap();
    let without = lemmas(&json_list(&[
        "vocab",
        "--format",
        "json",
        "--known",
        list.to_str().unwrap(),
        SEED,
    ]));
    for l in &top {
        assert!(!without.contains(l), "{l} still listed");
    }
    assert!(!without.is_empty());

    // a kernsatz vocab.tsv
    let tsv = dir.path().join("vocab.tsv");
    std::fs::write(
        &tsv,
        stdout_of(&["vocab", "--format", "tsv", "--limit", "3", SEED]),
    )
    .unwrap();
    let without = lemmas(&json_list(&[
        "vocab",
        "--format",
        "json",
        "--known",
        tsv.to_str().unwrap(),
        SEED,
    ]));
    for l in &top[..3] {
        assert!(!without.contains(l), "{l} still listed (vocab.tsv)");
    }

    // an Anki package kernsatz wrote: its vocabulary notes are known words
    let apkg = dir.path().join("deck.apkg");
    let out = kernsatz()
        .args([
            "deck",
            SEED,
            "-o",
            apkg.to_str().unwrap(),
            "--vocab-limit",
            "5",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let before = std::fs::read(&apkg).unwrap();
    let anki = apkg.to_str().unwrap();
    let without = lemmas(&json_list(&[
        "vocab",
        "--format",
        "json",
        "--known-anki",
        anki,
        SEED,
    ]));
    let in_deck: Vec<&String> = top.iter().filter(|l| !without.contains(*l)).collect();
    assert!(
        in_deck.len() >= 4,
        "the deck's words should be known: {top:?} / {without:?}"
    );
    // read, never written
    assert_eq!(std::fs::read(&apkg).unwrap(), before);

    // cloze: no gap asks for a known word
    let sheet: Value = serde_json::from_str(&stdout_of(&[
        "cloze",
        "--format",
        "json",
        "--seed",
        "1",
        "--known",
        list.to_str().unwrap(),
        SEED,
    ]))
    .unwrap();
    for item in sheet["items"].as_array().unwrap() {
        let lemma = item["lemma"].as_str().unwrap_or("");
        assert!(!top.iter().any(|l| l == lemma), "gap on known {lemma}");
    }

    // deck and study take the same options
    let deck2 = dir.path().join("deck2.apkg");
    let out = kernsatz()
        .args([
            "deck",
            SEED,
            "-o",
            deck2.to_str().unwrap(),
            "--known-anki",
            anki,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let study: Value = serde_json::from_str(&stdout_of(&[
        "study",
        "--format",
        "json",
        "--known",
        list.to_str().unwrap(),
        SEED,
    ]))
    .unwrap();
    let text = study.to_string();
    assert!(
        !text.contains(&format!("\"lemma\":\"{}\"", top[0])),
        "study lists known {}",
        top[0]
    );

    // a file that is no collection is a clear error
    let out = kernsatz()
        .args(["vocab", "--known-anki", list.to_str().unwrap(), SEED])
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[test]
fn per_article_lists_have_an_id_each() {
    let a = fixture("articles/10kgnad-test-0000-Wirtschaft.txt");
    let b = fixture("articles/10kgnad-test-0030-International.txt");
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let out = stdout_of(&[
        "vocab",
        "--per-article",
        "--format",
        "json",
        "--limit",
        "10",
        a,
        b,
    ]);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{out}");
    for (line, path) in lines.iter().zip([a, b]) {
        let entries = line["entries"].as_array().unwrap();
        assert!(!entries.is_empty() && entries.len() <= 10, "{line}");
        // each list is the article's own list
        let own = json_list(&["vocab", "--format", "json", "--limit", "10", path]);
        assert_eq!(entries, &own, "{path}");
        assert!(line["id"].is_string(), "{line}");
    }
    assert_ne!(lines[0]["id"], lines[1]["id"]);

    // TSV: an id column first, one header
    let tsv = stdout_of(&[
        "vocab",
        "--per-article",
        "--format",
        "tsv",
        "--limit",
        "5",
        a,
        b,
    ]);
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .from_reader(tsv.as_bytes());
    assert_eq!(&r.headers().unwrap()[0], "id");
    let ids: HashSet<String> = r.records().map(|x| x.unwrap()[0].to_owned()).collect();
    assert_eq!(ids.len(), 2, "{tsv}");

    // JSONL input: one line per record, its id
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("in.jsonl");
    let rec = |id: &str, path: &str| {
        serde_json::json!({"id": id, "text": std::fs::read_to_string(path).unwrap()}).to_string()
    };
    std::fs::write(&jsonl, format!("{}\n{}\n", rec("eins", a), rec("zwei", b))).unwrap();
    let out = stdout_of(&[
        "vocab",
        "--per-article",
        "--format",
        "json",
        jsonl.to_str().unwrap(),
    ]);
    let ids: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(ids, ["eins", "zwei"]);
}

#[test]
fn a_directory_skips_what_kernsatz_wrote() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(SEED, dir.path().join("artikel.txt")).unwrap();
    let once = stdout_of(&["vocab", "--format", "json", dir.path().to_str().unwrap()]);
    // a vocabulary list kernsatz wrote into the folder, and a study pack
    std::fs::write(
        dir.path().join("wortschatz.md"),
        stdout_of(&["vocab", "--format", "markdown", SEED]),
    )
    .unwrap();
    let out = kernsatz()
        .args([
            "study",
            SEED,
            "-o",
            dir.path().join("pack").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(Path::new(&dir.path().join("pack")).is_dir());
    let again = stdout_of(&["vocab", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(once, again, "kernsatz's own files were read as articles");
}

#[test]
fn the_gloss_follows_the_sense_the_article_uses() {
    let dir = tempfile::tempdir().unwrap();
    let gloss_of = |text: &str, lemma: &str| -> String {
        let path = dir.path().join("sense.txt");
        std::fs::write(&path, text).unwrap();
        let list = json_list(&[
            "vocab",
            "--limit",
            "0",
            "--format",
            "json",
            path.to_str().unwrap(),
        ]);
        let e = list
            .iter()
            .find(|e| e["lemma"] == lemma)
            .unwrap_or_else(|| panic!("{lemma} not listed: {list:?}"));
        e["gloss"].as_str().unwrap_or("").to_owned()
    };
    assert_eq!(
        gloss_of(
            "Der Umsatz stieg im Vergleich zur Vorwoche um drei Prozent. Der Handel \
             meldete damit ein starkes Quartal.",
            "Vergleich"
        ),
        "comparison"
    );
    assert!(
        gloss_of(
            "Die Streitparteien schlossen vor dem Gericht einen Vergleich. Der Vergleich \
         beendet den Prozess um die Rechnung.",
            "Vergleich"
        )
        .contains("settlement")
    );
    assert_eq!(
        gloss_of(
            "Das Kind zeigte der Lehrerin stolz sein Werk, eine Zeichnung mit bunten Farben. \
             Das Werk hängt jetzt in der Klasse.",
            "Werk"
        ),
        "work (of art)"
    );
    assert!(
        gloss_of(
            "Das Werk in Graz baut 300 Stellen ab. Die Produktion im Werk wird nach Ungarn \
         verlagert.",
            "Werk"
        )
        .contains("plant")
    );
    // fixed phrases of reporting: *auf Nachfrage* is "when asked", not the market's demand;
    // *unter Berufung auf* cites a source, it is no appeal
    assert!(
        gloss_of(
            "Auf Nachfrage bestätigte das Ministerium die Pläne. Eine Sprecherin sagte auf \
             Nachfrage, die Nachfrage nach Plätzen sei hoch.",
            "Nachfrage"
        )
        .starts_with("when asked")
    );
    assert!(
        gloss_of(
            "Die Nachfrage nach Wohnungen steigt. Die Nachfrage übersteigt das Angebot deutlich.",
            "Nachfrage"
        )
        .contains("demand")
    );
    assert!(
        gloss_of(
            "Unter Berufung auf Regierungskreise meldete die Zeitung den Rücktritt. Die \
             Berufung auf anonyme Quellen sorgte für Kritik.",
            "Berufung"
        )
        .starts_with("citing")
    );
}

#[test]
fn names_with_a_hyphenated_part_are_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("names.txt");
    std::fs::write(
        &path,
        "UN-Generalsekretär Ban Ki-moon verurteilte die Angriffe der Regierung von Baschar \
         al-Assad. Ban forderte eine Waffenruhe. Baschar al-Assad wies die Vorwürfe zurück.\n",
    )
    .unwrap();
    let got = lemmas(&json_list(&[
        "vocab",
        "--limit",
        "0",
        "--format",
        "json",
        path.to_str().unwrap(),
    ]));
    for name in ["Ban", "Ki-moon", "Baschar", "al-Assad"] {
        assert!(!got.contains(name), "{name} listed: {got:?}");
    }
    assert!(got.contains("Waffenruhe"), "{got:?}");
}

/// The default list of a text written to a temporary file.
fn default_lemmas(text: &str) -> HashSet<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(&path, text).unwrap();
    lemmas(&json_list(&[
        "vocab",
        "--limit",
        "0",
        "--format",
        "json",
        path.to_str().unwrap(),
    ]))
}

#[test]
fn a_rare_noun_right_before_a_surname_is_a_first_name() {
    // Fidel is a noun of the lexicon (a fiddle); before Castro, whom the article also names
    // alone, it is a first name. A title before a name stays a word (Außenminister, Bischof).
    let got = default_lemmas(
        "Fidel Castro hatte die Insel jahrzehntelang regiert. Außenminister Rodríguez empfing \
         die Delegation.\n\nCastro empfing den Bischof. Bischof Schönborn sprach über die \
         Kirche, Rodríguez über die Wirtschaft.\n",
    );
    assert!(!got.contains("Fidel"), "{got:?}");
    assert!(
        got.contains("Außenminister") && got.contains("Bischof"),
        "{got:?}"
    );
}

#[test]
fn a_surname_that_is_also_a_noun_is_a_name_after_a_first_name() {
    // Wagner and Müller are nouns too (a cartwright, a miller): after a first name the lists
    // lack (Heiner) or one written with a letter German lacks (René) they are surnames, also
    // alone; after a noun they stay words
    let got = default_lemmas(
        "Der Stürmer René Wagner wird neuer Cheftrainer. Wagner war zuletzt Co-Trainer. \
         Ein Jahr nach der Uraufführung las Heiner Müller sein Stück. Müller selbst sei der \
         beste Sprecher seiner Texte gewesen, sagte die Intendantin. Der Cheftrainer lobte \
         die Intendantin.\n",
    );
    assert!(
        !got.contains("Wagner") && !got.contains("Müller"),
        "{got:?}"
    );
    assert!(
        got.contains("Cheftrainer") && got.contains("Intendantin"),
        "{got:?}"
    );
    let got = default_lemmas(
        "Der Müller mahlt das Korn. Jeder Müller im Dorf kennt die Mühle, und der Müller \
         verkauft das Mehl an den Bäcker.\n",
    );
    assert!(got.contains("Müller"), "{got:?}");
}

#[test]
fn an_adjective_after_a_name_is_a_surname() {
    // Famos is an adjective to the lexicon (famous); capitalised after a name it is a last
    // name, also alone; a nominalised adjective after a determiner stays a word
    let got = default_lemmas(
        "Die Präsidentin der Kirche, Rita Famos, sagte, die Zusammenarbeit sei gut. Famos \
         betonte die Bedeutung der Zusammenarbeit für die Kirche. Die Kirche plant eine Reform.\n",
    );
    assert!(!got.contains("famos"), "{got:?}");
    assert!(
        got.contains("Zusammenarbeit") && got.contains("Präsidentin"),
        "{got:?}"
    );
}

#[test]
fn a_hyphenated_capitalised_adjective_starts_a_name() {
    // "Römisch-katholische" capitalised inside a sentence starts a name: its head is no
    // vocabulary there, while the same noun after a lower-case adjective is
    let got = default_lemmas(
        "Die Kirchen trafen sich in Bern. Dort tagte die Römisch-katholische Zentralkonferenz \
         mit den Bischöfen. Die Bischöfe sprachen über die Finanzierung der Kirchen.\n",
    );
    assert!(!got.contains("Zentralkonferenz"), "{got:?}");
    assert!(got.contains("Finanzierung"), "{got:?}");
    let got = default_lemmas(
        "Die Kirchen trafen sich in Bern. Dort tagte eine katholische Zentralkonferenz mit \
         den Bischöfen. Die Bischöfe sprachen über die Finanzierung der Kirchen.\n",
    );
    assert!(got.contains("Zentralkonferenz"), "{got:?}");
}

#[test]
fn a_word_after_a_foreign_first_name_is_a_surname() {
    // François is no name of the lists, but written with a letter German words lack; Hollande
    // after it is his name, also alone, not the dative of the country Holland
    let got = default_lemmas(
        "Staatschef François Hollande rechnete mit einer knappen Mehrheit. Hollande und sein \
         Premier gehen davon aus, dass die Sozialisten die Regierung stützen. Warum fährt \
         Hollande plötzlich einen harten Kurs? Hollande hat Rückschläge einstecken müssen.\n",
    );
    assert!(!got.contains("Holland"), "{got:?}");
    assert!(
        got.contains("Staatschef") && got.contains("Rückschlag"),
        "{got:?}"
    );
    // but a word of its own after a foreign name stays a word
    let got = default_lemmas(
        "Zwar bleibt Mevlüt Çavuşoğlu Außenminister, doch der Außenminister hat wenig Einfluss. \
         Zwischen Beginn (Eva Peróns Begräbnis) und Ende liegt das Begräbnis der Diplomatie.\n",
    );
    assert!(
        got.contains("Außenminister") && got.contains("Begräbnis"),
        "{got:?}"
    );
}

#[test]
fn a_word_after_a_place_and_a_hyphen_without_article_is_a_name() {
    // a district (in Wien-Landstraße), but a word with an article (die Wien-Wahl) or before a
    // name (US-Präsident Obama)
    let got = default_lemmas(
        "In Wien-Landstraße wohnen viele Studenten. Der Bezirksrat aus Wien-Landstraße \
         kritisierte die Stadt.\n\nVor der Wien-Wahl sprach US-Präsident Obama über die \
         Wien-Wahl und die Stadt.\n",
    );
    assert!(!got.contains("Landstraße"), "{got:?}");
    assert!(got.contains("Wahl") && got.contains("Präsident"), "{got:?}");
    // a rare compound with a place's head and no article: a part of a town
    let got = default_lemmas(
        "In Erdberg wohnen viele Studenten. Der Bezirksrat aus Erdberg kritisierte die \
         Stadt. Der Schuldenberg der Stadt wächst.\n",
    );
    assert!(!got.contains("Erdberg"), "{got:?}");
    assert!(got.contains("Schuldenberg"), "{got:?}");
}

#[test]
fn a_word_split_into_a_part_no_frequency_list_knows_is_a_name() {
    // Walm·art: Walm (a roof shape) is in no frequency list; a rare compound without an
    // article is a company's name. A compound of common words stays a word.
    let got = default_lemmas(
        "Die Supermarktkette Walmart will auf der Insel Filialen eröffnen. Walmart sieht dort \
         einen Markt.\n",
    );
    assert!(!got.contains("Walmart"), "{got:?}");
    assert!(got.contains("Supermarktkette"), "{got:?}");
}

#[test]
fn a_hyphenated_string_with_a_name_gives_the_word_after_the_last_name() {
    let got = default_lemmas(
        "Der FPÖ-Klubobmann-Vize sprach im Bezirk von einem Skandal. Die Fair-Use-Klausel \
         des Gesetzes gilt nicht für den Bezirk. Dafür wäre eine G-10-Anordnung nötig.\n",
    );
    assert!(
        !got.iter().any(|l| l.contains("FPÖ") || l.contains("Fair")),
        "{got:?}"
    );
    assert!(
        got.contains("Klausel") && got.contains("Skandal") && got.contains("Anordnung"),
        "{got:?}"
    );
}

#[test]
fn compounds_of_uncountable_field_nouns_show_no_plural() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plural.txt");
    std::fs::write(
        &path,
        "Die Krebsforschung warnt vor dem Mittel zur Unkrautvernichtung. Die Tageszeitung \
         berichtet über die Gehaltserhöhung der Forscher.\n",
    )
    .unwrap();
    let list = json_list(&["vocab", "--all", "--format", "json", path.to_str().unwrap()]);
    let plural = |lemma: &str| {
        let e = list.iter().find(|e| e["lemma"] == lemma).unwrap();
        e["plural"].as_str().map(str::to_owned)
    };
    assert_eq!(plural("Krebsforschung"), None);
    assert_eq!(plural("Unkrautvernichtung"), None);
    assert_eq!(plural("Tageszeitung").as_deref(), Some("Tageszeitungen"));
    assert_eq!(
        plural("Gehaltserhöhung").as_deref(),
        Some("Gehaltserhöhungen")
    );
}

#[test]
fn compounds_of_heads_used_uncountably_show_no_plural() {
    // the dictionary gives these compounds a plural, but most compounds of their heads have
    // none (-management, -klima, -schutz) or the frequency table has the plural of few
    // (-hilfe); a compound whose plural is in use keeps it
    // (Finanzhilfen), and so do compounds of countable heads (Koalitionsvertrag,
    // Bundesregierung)
    let got = entries_with_grammar(
        "Das Krisenmanagement der Regierung war schlecht. Die Katastrophenhilfe kam spät. \
         Das Investitionsklima ist schlecht, sagt der Koalitionsvertrag. Die \
         Bundesregierung verlangte Finanzhilfen und mehr Datenschutz.\n",
    );
    let plural = |lemma: &str| {
        got.get(lemma)
            .unwrap_or_else(|| panic!("{lemma} not listed: {got:?}"))
            .1
            .clone()
    };
    for lemma in [
        "Krisenmanagement",
        "Katastrophenhilfe",
        "Investitionsklima",
        "Datenschutz",
    ] {
        assert_eq!(plural(lemma), None, "{lemma}");
    }
    assert_eq!(plural("Finanzhilfe").as_deref(), Some("Finanzhilfen"));
    assert_eq!(
        plural("Koalitionsvertrag").as_deref(),
        Some("Koalitionsverträge")
    );
    assert_eq!(
        plural("Bundesregierung").as_deref(),
        Some("Bundesregierungen")
    );
}

#[test]
fn a_neuter_noun_after_a_dative_plural_determiner_is_a_plural() {
    // *mit ihren Bedenken*: before a neuter singular the determiner would be *ihrem*; the
    // plural is shown and the sense without a plural (the pondering) is not the one meant
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(
        &path,
        "Die vier linksliberalen Richter konnten sich mit ihren Bedenken nicht durchsetzen. \
         Das Gericht entschied gegen die Regierung.\n",
    )
    .unwrap();
    let list = json_list(&["vocab", "--all", "--format", "json", path.to_str().unwrap()]);
    let e = list.iter().find(|e| e["lemma"] == "Bedenken").unwrap();
    assert_eq!(e["plural"], "Bedenken");
    let def = e["definition_de"].as_str().unwrap();
    assert!(def.starts_with("meist Plural: "), "{def}");
    assert!(!def.contains("Erwägen"), "{def}");
}

#[test]
fn an_inflected_compound_that_is_a_place_name_is_a_name() {
    // *Saalfelden*: read as the dative plural of *Saal·feld*, a town of Wiktionary's names;
    // a compound of the noun table stays a word (*Spielfeld*)
    let got = default_lemmas(
        "Ein betrunkener Autofahrer ist mit 100 km/h durch Saalfelden gerast. In Saalfelden \
         hielt ihn die Polizei auf dem Spielfeld an. Der Autofahrer muss nun zahlen.\n",
    );
    assert!(!got.contains("Saalfeld"), "{got:?}");
    assert!(got.contains("Autofahrer"), "{got:?}");
}

#[test]
fn the_default_list_ends_where_the_words_stop_being_key() {
    let default = json_list(&["vocab", "--limit", "0", "--format", "json", SEED]);
    let all = json_list(&["vocab", "--all", "--limit", "0", "--format", "json", SEED]);
    let (got, every) = (lemmas(&default), lemmas(&all));
    // the key terms stay, the everyday words of the tail go (`--all` still lists them)
    for term in [
        "Lieferkette",
        "Versorgungssicherheit",
        "Halbleiterfabrik",
        "Sicherheit",
    ] {
        assert!(got.contains(term), "{term} missing: {got:?}");
    }
    for word in ["groß", "neu", "wichtig", "bringen", "Beispiel", "Rolle"] {
        assert!(every.contains(word), "{word} not in --all");
        assert!(!got.contains(word), "{word} listed by default");
    }
    assert!(
        default.len() >= 20 && default.len() < 120,
        "{}",
        default.len()
    );
    // a limit is an upper bound: never longer than the default list, its first entries
    let capped = json_list(&["vocab", "--limit", "1000", "--format", "json", SEED]);
    assert_eq!(capped, default);
    let five = json_list(&["vocab", "--limit", "5", "--format", "json", SEED]);
    assert_eq!(five[..], default[..5]);
}

#[test]
fn place_words_and_inflected_adjectives_are_no_vocabulary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kaernten.txt");
    std::fs::write(
        &path,
        "Der Kärntner Landtag hat den Antrag auf eine Prüfung der Landeshaftungen beschlossen. \
         Die steirische Landesregierung und ein Münchner Gutachter unterstützen den Antrag.\n\n\
         Die Landeshaftungen belasten das Budget. Ein Steirer im Landtag sprach von einer \
         Schuldenfalle. Die Pädagogen könnten sich an den Schulpsychologischen Dienst wenden.\n",
    )
    .unwrap();
    let got = lemmas(&json_list(&[
        "vocab",
        "--limit",
        "0",
        "--format",
        "json",
        path.to_str().unwrap(),
    ]));
    for word in ["Kärntner", "steirisch", "Münchner", "Steirer"] {
        assert!(!got.contains(word), "{word} listed: {got:?}");
    }
    assert!(
        !got.iter().any(|l| l.starts_with("Schulpsychologisch")),
        "{got:?}"
    );
    assert!(got.contains("Landeshaftung"), "{got:?}");
}

#[test]
fn attributive_participles_with_an_adjective_entry_are_adjectives() {
    let dir = tempfile::tempdir().unwrap();
    let entries = |name: &str, text: &str| -> Vec<Value> {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        json_list(&[
            "vocab",
            "--all",
            "--limit",
            "0",
            "--format",
            "json",
            path.to_str().unwrap(),
        ])
    };
    let pos_of = |list: &[Value], lemma: &str| {
        list.iter()
            .find(|e| e["lemma"] == lemma)
            .map(|e| e["pos"].as_str().unwrap().to_owned())
    };
    // only attributive participles: the adjective of the dictionary
    let adj = entries(
        "adj.txt",
        "Wie alle traumatisierten Menschen brauchen auch Kinder viel Ruhe. Die Schulen \
         betreuen die traumatisierten Kinder mit Psychologen.\n",
    );
    assert_eq!(
        pos_of(&adj, "traumatisiert").as_deref(),
        Some("adj"),
        "{adj:?}"
    );
    assert_eq!(pos_of(&adj, "traumatisieren"), None);
    // the past tense stays the verb
    let verb = entries(
        "verb.txt",
        "Der Krieg traumatisierte die Kinder. Die Schulen betreuen sie mit Psychologen.\n",
    );
    assert_eq!(
        pos_of(&verb, "traumatisieren").as_deref(),
        Some("verb"),
        "{verb:?}"
    );
    assert_eq!(pos_of(&verb, "traumatisiert"), None);
}

#[test]
fn nouns_used_only_inside_an_idiom_are_no_terms() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("idioms.txt");
    std::fs::write(
        &path,
        "Die Verträge der Manager sollen nun unter die Lupe von Juristen genommen werden. \
         Hinter den Kulissen verhandeln die Parteien über die Verträge. Die Regierung hat die \
         absolute Mehrheit im Parlament verloren. Die Kosten schlagen mit zwei Millionen Euro \
         zu Buche.\n",
    )
    .unwrap();
    let args = ["vocab", "--limit", "0", "--format", "json"];
    let got = lemmas(&json_list(&[&args[..], &[path.to_str().unwrap()]].concat()));
    // unter die Lupe nehmen, hinter den Kulissen, zu Buche schlagen
    for idiom in ["Lupe", "Kulisse", "Buche"] {
        assert!(!got.contains(idiom), "{idiom} listed: {got:?}");
    }
    // an adjective and its noun mean what they say; the other words stay
    for term in ["Mehrheit", "Vertrag", "Jurist", "Kosten"] {
        assert!(got.contains(term), "{term} missing: {got:?}");
    }
    // a noun with a figurative sense of its own is listed in it
    let figurative = dir.path().join("figurative.txt");
    std::fs::write(
        &figurative,
        "Der Minister ist bei seiner Rede in Brüssel ins Fettnäpfchen getreten. Er beleidigte \
         die Gastgeber mit einem Witz über ihre Regierung.\n",
    )
    .unwrap();
    let got = lemmas(&json_list(
        &[&args[..], &[figurative.to_str().unwrap()]].concat(),
    ));
    assert!(got.contains("Fettnäpfchen"), "{got:?}");
    // `--all` lists them
    let all = lemmas(&json_list(&[
        "vocab",
        "--all",
        "--limit",
        "0",
        "--format",
        "json",
        path.to_str().unwrap(),
    ]));
    assert!(all.contains("Lupe"), "{all:?}");
}

/// Every entry of `vocab --all` for a text, as lemma → part of speech (`other` for names).
fn all_entries(text: &str) -> std::collections::HashMap<String, String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(&path, text).unwrap();
    json_list(&[
        "vocab",
        "--all",
        "--limit",
        "0",
        "--format",
        "json",
        path.to_str().unwrap(),
    ])
    .iter()
    .map(|e| {
        let lemma = e["lemma"].as_str().unwrap().to_owned();
        (lemma, e["pos"].as_str().unwrap().to_owned())
    })
    .collect()
}

/// Asserts that `word` is listed as a noun (not as a name) in `entries`.
fn assert_noun(entries: &std::collections::HashMap<String, String>, word: &str) {
    assert_eq!(
        entries.get(word).map(String::as_str),
        Some("noun"),
        "{word}: {entries:?}"
    );
}

#[test]
fn a_first_name_that_is_also_a_noun_is_a_name_before_a_surname() {
    // Hermann is a noun of the lexicon (short for Hermannteig) and a frequent first name:
    // before Schützenhofer, whom the article also names alone, it is the first name
    let got = default_lemmas(
        "Landeshauptmann Hermann Schützenhofer sagte am Montag, die Regierung werde die Reform \
         umsetzen. Schützenhofer betonte, die Reform sei wichtig. Auch Hermann Schützenhofer \
         war dafür.\n",
    );
    assert!(!got.contains("Hermann"), "{got:?}");
    assert!(
        got.contains("Landeshauptmann") && got.contains("Reform"),
        "{got:?}"
    );
}

#[test]
fn a_first_name_that_is_also_a_noun_makes_the_next_word_a_last_name() {
    // first names Wiktionary lists after a noun (Ernst, Klaus, Charlotte) before a last name
    // that is a noun too (Baumeister, Hübner) or before an unknown word, once: both are names,
    // but not the noun after the last name (Kurzgeschichte)
    let text = "Zum Festakt kamen Ernst Baumeister und Klaus Hübner in die Stadt. Die Bilder \
                reichen von Charlotte Perkins Gilmans Kurzgeschichte bis zur Malerei.\n";
    let all = all_entries(text);
    for name in ["Ernst", "Baumeister", "Klaus", "Hübner", "Charlotte"] {
        assert_ne!(
            all.get(name).map(String::as_str),
            Some("noun"),
            "{name}: {all:?}"
        );
    }
    assert_noun(&all, "Kurzgeschichte");
}

#[test]
fn a_surname_that_is_also_a_noun_is_a_name_after_a_title() {
    // Huber (a last name Wiktionary lists after a noun) after a title; Koller and Schönborn
    // (rare nouns) after a title and alone, also in the genitive
    let text = "Richter Huber verurteilte den Mann am Montag. Hubers Urteil ist rechtskräftig.\n\n\
                Trainer Koller sagte, die Mannschaft habe gut gespielt. Koller lachte danach.\n\n\
                Bischof Schönborn lobte die Reform. Schönborn sprach von einem guten Tag.\n";
    let got = default_lemmas(text);
    for name in ["Huber", "Koller", "Schönborn"] {
        assert!(!got.contains(name), "{name} listed: {got:?}");
    }
    for word in ["Richter", "Trainer", "Bischof", "Urteil"] {
        assert!(got.contains(word), "{word} missing: {got:?}");
    }
    let all = all_entries(text);
    for name in ["Huber", "Koller", "Schönborn"] {
        assert_eq!(all.get(name).map(String::as_str), Some("other"), "{all:?}");
    }
}

#[test]
fn name_homonyms_with_a_determiner_or_adjective_stay_words() {
    // the same words as nouns: with an article or an adjective anywhere in the text they stay
    // words, also after a title (Trainer Koller … der Koller)
    let all = all_entries(
        "Der Koller kam plötzlich. Er bekam einen Huber. Der Wolf heulte im Wald, die Bank war \
         geschlossen. Die Steuer steigt.\n",
    );
    for word in ["Koller", "Huber", "Wolf", "Bank", "Steuer"] {
        assert_noun(&all, word);
    }
    let all = all_entries(
        "Trainer Koller sagte, die Mannschaft habe gut gespielt. Nach dem Spiel bekam er einen \
         heftigen Koller.\n",
    );
    assert_noun(&all, "Koller");
    // a rare abstract noun after a title is its object, though it has no article
    let all = all_entries(
        "Die Opposition wirft dem Finanzminister Zynismus vor. Das zeugt von Zynismus, sagte \
         sie.\n",
    );
    assert_noun(&all, "Zynismus");
    // occupations: der Fischer, ein Koch, der Müller, also after a title in the plural
    let all = all_entries(
        "Der Fischer fing Fische, ein Koch kochte Suppe. Der Müller mahlte das Korn. Weil die \
         Trainer Geduld haben, gewinnt die Mannschaft. Geduld zahlt sich aus.\n",
    );
    for word in ["Fischer", "Koch", "Müller", "Geduld"] {
        assert_noun(&all, word);
    }
}

/// Every entry of `vocab --all` for a text, as lemma → (article, plural, part of speech).
fn entries_with_grammar(
    text: &str,
) -> std::collections::HashMap<String, (Option<String>, Option<String>, String)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(&path, text).unwrap();
    let s = |v: &Value| v.as_str().map(str::to_owned);
    json_list(&[
        "vocab",
        "--all",
        "--limit",
        "0",
        "--format",
        "json",
        path.to_str().unwrap(),
    ])
    .iter()
    .map(|e| {
        (
            s(&e["lemma"]).unwrap(),
            (s(&e["article"]), s(&e["plural"]), s(&e["pos"]).unwrap()),
        )
    })
    .collect()
}

#[test]
fn nominalised_participles_are_persons_not_compounds_of_ende() {
    let got = entries_with_grammar(
        "Die Wirtschaftskammer vertritt die Gewerbetreibenden des Landes. Viele \
         Gewerbetreibende fürchten neue Auflagen. Auch Arbeitsuchende hoffen auf Hilfe.\n",
    );
    for lemma in ["Gewerbetreibender", "Arbeitsuchender"] {
        let (article, plural, pos) = got.get(lemma).unwrap_or_else(|| panic!("{got:?}"));
        assert_eq!(
            (article.as_deref(), pos.as_str()),
            (Some("der"), "noun"),
            "{lemma}"
        );
        let plural = plural.as_deref().unwrap();
        assert_eq!(plural, format!("{}n", lemma.strip_suffix('r').unwrap()));
    }
    assert!(!got.contains_key("Gewerbetreibende"), "{got:?}");
}

#[test]
fn a_plural_or_an_infinitive_as_the_words_before_show() {
    let got = entries_with_grammar(
        "Der Minister ist derzeit auf Reisen in Asien. Die Koalition steht am Kippen, sagen \
         Beobachter.\n",
    );
    // auf Reisen: the plural of *die Reise*; am Kippen: the verb, no plural of *die Kippe*
    assert_eq!(
        got.get("Reise").map(|g| g.1.as_deref()),
        Some(Some("Reisen")),
        "{got:?}"
    );
    assert!(
        !got.contains_key("Reisen") && !got.contains_key("Kippe"),
        "{got:?}"
    );
    assert_eq!(got.get("kippen").map(|g| g.2.as_str()), Some("verb"));
    // with a neuter determiner it is the infinitive noun
    let got = entries_with_grammar("Das Reisen wird für Pensionisten immer teurer.\n");
    assert_eq!(
        got.get("Reisen").map(|g| g.0.as_deref()),
        Some(Some("das")),
        "{got:?}"
    );
    assert!(!got.contains_key("Reise"), "{got:?}");
}

#[test]
fn attributive_present_participles_with_an_adjective_entry_are_adjectives() {
    let got = entries_with_grammar(
        "Die Regierung will die dringenden Reformen rasch umsetzen. Der Minister sprach von \
         bedeutenden Fortschritten.\n",
    );
    for (adj, verb) in [("dringend", "dringen"), ("bedeutend", "bedeuten")] {
        assert_eq!(got.get(adj).map(|g| g.2.as_str()), Some("adj"), "{got:?}");
        assert!(!got.contains_key(verb), "{verb}: {got:?}");
    }
}

#[test]
fn the_gender_of_an_adjectival_person_noun_follows_the_text() {
    let article = |text: &str, lemma: &str| {
        entries_with_grammar(text)
            .get(lemma)
            .and_then(|g| g.0.clone())
    };
    // *der Frauenbeauftragten* is a feminine dative or genitive, no masculine
    assert_eq!(
        article(
            "Der Frauenbeauftragten der Stadt fehlte eine Zusage des Bürgermeisters.\n",
            "Frauenbeauftragte"
        )
        .as_deref(),
        Some("die")
    );
    // a title before a woman's name
    assert_eq!(
        article(
            "Wiens Frauenbeauftragte Maria Huber lobte die Pläne der Stadtregierung.\n",
            "Frauenbeauftragte"
        )
        .as_deref(),
        Some("die")
    );
    // the determiner over an adjective: *die neue Beauftragte*; *der Beauftragte*
    assert_eq!(
        article(
            "Die neue Beauftragte der Regierung stellte sich am Montag vor.\n",
            "Beauftragte"
        )
        .as_deref(),
        Some("die")
    );
    assert_eq!(
        article(
            "Der neue Beauftragte der Regierung stellte sich am Montag vor.\n",
            "Beauftragter"
        )
        .as_deref(),
        Some("der")
    );
    // a feminine defined as a woman of any role stays masculine in a plural
    // (*Schutzsuchende* wurden erwartet)
    assert_eq!(
        article(
            "Am Montag wurden mehr als 5.000 Schutzsuchende in Piräus erwartet.\n",
            "Schutzsuchender"
        )
        .as_deref(),
        Some("der")
    );
}
