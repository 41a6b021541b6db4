//! Every entry's meaning is one a learner can trust (review round 7): a compound's head in its
//! first of many senses with nothing in the article for it is no meaning (the entry is left
//! out); adjectives in *-isch* and nouns in *-ist* are no compounds of *Tisch*, *Isch* or
//! *Ist*; a language in *-isch* is a neuter; a council noun before a name is its member.
//! Sentences from the news test corpus (10kGNAD, ids 0200–0699).

mod common;

use serde_json::Value;

use kernsatz::lexicon::{Gender, Pos, lexicon};

use common::kernsatz;

/// The vocabulary of `text` as JSON, with `extra` arguments (`--all`).
fn list(text: &str, extra: &[&str]) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(&path, text).unwrap();
    let mut args = vec!["vocab", "--format", "json"];
    args.extend_from_slice(extra);
    args.push(path.to_str().unwrap());
    let out = kernsatz().args(&args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn find<'a>(list: &'a [Value], lemma: &str) -> Option<&'a Value> {
    list.iter().find(|e| e["lemma"] == lemma)
}

fn definition(e: &Value) -> &str {
    e["definition_de"].as_str().unwrap_or("")
}

#[test]
fn the_first_of_many_senses_of_a_head_is_no_meaning_without_support() {
    // *Feld* has a dozen senses; its first, a field of crops, is not the candidates'
    let text = "Trump führt das Bewerberfeld seit Monaten an. Die Republikaner wählen im \
                Frühjahr ihren Kandidaten. Im Bewerberfeld sind noch zwölf Politiker.";
    let all = list(text, &["--all"]);
    let e = find(&all, "Bewerberfeld").expect("Bewerberfeld with --all");
    assert!(!definition(e).contains("Acker"), "{e}");
    // an entry without a meaning is not in the default list
    assert!(find(&list(text, &[]), "Bewerberfeld").is_none());
    // the first of a few senses stays (*Schüler*: a pupil)
    let text = "Insgesamt besuchen 17 Prozent aller Pflichtschüler Klassen mit \
                Integrationsschülern. Der Anteil reicht dabei von 3,9 Prozent der \
                Pflichtschüler (Tirol) bis zu 6,5 Prozent (Wien).";
    let all = list(text, &["--all"]);
    let e = find(&all, "Pflichtschüler").expect("Pflichtschüler");
    assert!(
        definition(e).starts_with("Schüler (in Pflichtschüler)"),
        "{e}"
    );
}

#[test]
fn adjectives_in_isch_and_nouns_in_ist_are_no_compounds_of_a_head_noun() {
    let lex = lexicon();
    // *Drama · tisch*, *Kaliforn · ische*, *Läufer · isch*: adjectives
    for w in [
        "Dramatische",
        "Kalifornische",
        "Läuferisch",
        "organisches",
        "Personelle",
    ] {
        assert!(lex.compound_parts(w).is_none(), "{w}");
    }
    // nouns of *Tisch* and *Quelle* stay compounds
    let parts = lex.compound_parts("Verhandlungstisch").unwrap();
    assert_eq!(parts.last().unwrap().lemma, "Tisch");
    let parts = lex.compound_parts("Energiequelle").unwrap();
    assert_eq!(parts.last().unwrap().lemma, "Quelle");
    // *Minimal · ist*, *Ass · ist*: *Ist* is no head
    for w in ["Minimalist", "Assist", "Journalist"] {
        assert!(
            lex.compound_parts(w)
                .is_none_or(|p| p.last().unwrap().lemma != "Ist"),
            "{w}"
        );
    }
    let all = list(
        "Dramatische Partie in Oakland: Spiel zwei geht an LeBron und Co. Für die Admira \
         erzielte er in 16 Ligaspielen ein Tor und fünf Assists.",
        &["--all"],
    );
    for e in &all {
        let d = definition(e);
        assert!(
            !d.starts_with("Tisch (in") && !d.starts_with("Ist (in"),
            "{e}"
        );
    }
    assert!(
        find(&all, "Dramatisch").is_none_or(|e| e["pos"] != "noun"),
        "{all:?}"
    );
}

#[test]
fn a_language_in_isch_is_a_neuter_without_plural() {
    let lex = lexicon();
    for w in ["Albanisch", "Tschechisch", "Ungarisch"] {
        let a = lex.analyze(w).unwrap();
        assert_eq!(
            (a.pos, a.gender, a.plural.as_deref()),
            (Pos::Noun, Some(Gender::N), None),
            "{w}"
        );
    }
}

#[test]
fn a_council_before_a_name_is_its_member() {
    let text = "Bundesrat Gottfried Kneifel störte sich nämlich an den offiziellen \
                kalmierenden Reaktionen der Parteisprecher. Die ÖVP hatte bei der Wahl \
                verloren.";
    let all = list(text, &["--all"]);
    let e = find(&all, "Bundesrat").expect("Bundesrat");
    assert!(
        e["gloss"].as_str().unwrap_or("").starts_with("member of"),
        "{e}"
    );
    // the body where the article means it (*im Bundesrat*)
    let text = "Bundesrat Gottfried Kneifel sprach im Bundesrat über die Reform. Die ÖVP \
                hatte bei der Wahl verloren.";
    let e = find(&list(text, &["--all"]), "Bundesrat").cloned().unwrap();
    assert!(
        !e["gloss"].as_str().unwrap_or("").starts_with("member of"),
        "{e}"
    );
    // a place after it is no member (*der Bundesrat Deutschlands*)
    let text = "Der Bundesrat Deutschlands hat die Reform gebilligt. Die Länder hatten \
                lange darüber verhandelt.";
    let e = find(&list(text, &["--all"]), "Bundesrat").cloned().unwrap();
    assert!(
        !e["gloss"].as_str().unwrap_or("").starts_with("member of"),
        "{e}"
    );
    // a council of Wiktionary: its member's sense
    let text = "Sie hatte die Funktion damals vom jetzigen SPÖ-Stadtrat Ernst Pechlaner \
                übernommen. Die SPÖ will mit ihm die Wahl gewinnen.";
    let all = list(text, &["--all"]);
    let e = find(&all, "Stadtrat").expect("Stadtrat");
    assert!(definition(e).starts_with("Mitglied"), "{e}");
}

#[test]
fn abstract_nouns_of_states_and_processes_without_a_plural_in_use_show_none() {
    let lex = lexicon();
    // *Globalisierung* (Zipf 3.78) without *Globalisierungen* in the frequency table
    assert!(!lex.plural_attested("Globalisierung", "Globalisierungen", &[]));
    // a plural in use stays (*Regierungen*, *Zeitungen*)
    assert!(lex.plural_attested("Regierung", "Regierungen", &[]));
    assert!(lex.plural_attested("Zeitung", "Zeitungen", &[]));
}
