//! What a summary must never do, whatever its length (issue 17): quote a byline or a wiki
//! cross-reference. Checked on the seed article, the 10kGNAD fixtures and two fixtures written
//! for this (`tests/fixtures/summary/`), with checks written here, apart from the selection code:
//! the byline and cross-reference patterns are spelled out again.

mod common;

use kernsatz::{Length, Options, Summary, summarize};

use common::{SEED_TEXT, fixture, kernsatz};

fn summary_of(text: &str, length: Length) -> Summary {
    let options = Options {
        length,
        ..Options::default()
    };
    summarize(text, &options).unwrap()
}

fn articles() -> Vec<(String, String)> {
    let mut out = vec![("seed".to_owned(), SEED_TEXT.to_owned())];
    for dir in ["articles", "summary"] {
        let mut files: Vec<_> = std::fs::read_dir(fixture(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for p in files {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            out.push((name, std::fs::read_to_string(&p).unwrap()));
        }
    }
    out
}

/// A byline: a final parenthesis holding a date `d.m.yyyy`.
fn is_byline(sentence: &str) -> bool {
    let s = sentence.trim_end().trim_end_matches('.');
    let Some(inner) = s.strip_suffix(')').and_then(|s| s.rsplit('(').next()) else {
        return false;
    };
    let date: Vec<&str> = inner
        .rsplit([',', ';', '–', ' '])
        .find(|p| !p.is_empty())
        .unwrap_or("")
        .split('.')
        .collect();
    date.len() == 3 && date.iter().all(|p| p.parse::<u32>().is_ok())
}

/// A cross-reference: `siehe`, `vgl.`, `Hauptartikel` or a wiki section link `Artikel#Abschnitt`.
fn is_cross_reference(sentence: &str) -> bool {
    let word = sentence
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "siehe" | "vgl" | "hauptartikel"));
    let link = sentence.char_indices().any(|(i, c)| {
        c == '#'
            && sentence[..i].ends_with(char::is_alphabetic)
            && sentence[i + 1..].starts_with(char::is_alphabetic)
    });
    word || link
}

#[test]
fn the_patterns_of_this_test_see_residue() {
    assert!(is_byline("(Markus Bernath; 01.11.2015)"));
    assert!(is_byline("Sie beschließen.(APA, 2.11.2015)"));
    assert!(!is_byline("Die Wahl ist am Sonntag (SPÖ)."));
    assert!(is_cross_reference(
        "siehe Politisches System der Schweiz#Bundesebene"
    ));
    assert!(is_cross_reference("Es kostet viel (siehe Grafik)."));
    assert!(is_cross_reference("Genaueres unter Bundesrat#Aufgaben."));
    assert!(!is_cross_reference("Wir sehen uns die Lage an."));
    assert!(!is_cross_reference(
        "Die Kampagne #stolzdrauf lief im November."
    ));
}

#[test]
fn residue_is_never_chosen() {
    // both fixtures hold bylines and cross-references among their sentences, some of them
    // heavy in the key terms (the old selection took them)
    for name in ["bundesrat-wiki.txt", "grenzschutz-news.txt"] {
        let path = fixture(&format!("summary/{name}"));
        let text = std::fs::read_to_string(&path).unwrap();
        let sentences = kernsatz()
            .arg("segment")
            .arg(&path)
            .output()
            .unwrap()
            .stdout;
        let sentences = String::from_utf8(sentences).unwrap();
        let residue = sentences
            .lines()
            .filter(|s| is_byline(s) || is_cross_reference(s))
            .count();
        assert!(
            residue >= 3,
            "{name}: the fixture lost its residue:\n{sentences}"
        );
        for length in (1..=8)
            .map(Length::Sentences)
            .chain([Length::Ratio(1.0), Length::Words(200)])
        {
            let summary = summary_of(&text, length);
            assert!(!summary.sentences.is_empty(), "{name} {length:?}");
            for s in &summary.sentences {
                assert!(
                    !is_byline(&s.text) && !is_cross_reference(&s.text),
                    "{name} {length:?}: residue chosen: {}",
                    s.text
                );
            }
        }
    }
    // the fixtures of real news and the seed: no residue either
    for (name, text) in articles() {
        let summary = summary_of(&text, Length::Ratio(1.0));
        for s in &summary.sentences {
            assert!(
                !is_byline(&s.text) && !is_cross_reference(&s.text),
                "{name}: {}",
                s.text
            );
        }
    }
}
