//! Tests of the whole segmenter: golden cases through [`split_sentences`], the windowed UAX #29
//! pass against a whole-text pass, and invariants on arbitrary strings.

use std::ops::Range;

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use super::boundaries::decide_block;
use super::candidates::missed_start_after_space;
use super::lines::hard_blocks;
use super::split_sentences;

fn split(text: &str) -> Vec<&str> {
    split_sentences(text)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

#[test]
fn empty_and_blank() {
    assert!(split_sentences("").is_empty());
    assert!(split_sentences(" \n\t \n").is_empty());
    assert_eq!(split("  Hallo  "), ["Hallo"]);
}

#[test]
fn abbreviations_do_not_end_sentences() {
    for text in [
        "Wir trafen Dr. med. Meyer in der Stadt.",
        "Ich kann u.a. Spanisch sprechen.",
        "Frau Prof. Schulze ist z. Z. nicht da.",
        "Das steht in Abs. 3 des Gesetzes.",
        "Sie wohnt in der Hauptstr. 5 in Wien.",
        "Die Firma machte 5 Mio. Euro Verlust.",
        "Er fuhr nach St. Pölten und traf Mag. Huber und Ing. Berger.",
        "Laut Art. 5 GG ist das erlaubt.",
        "Die Angaben bzw. Daten fehlen.",
        "Das war ca. 1890 in der Nähe von Wien.",
        "Er traf A. Merkel und Dipl.-Ing. Schmidt.",
        "Siehe Nr. 5 und Univ.-Prof. Huber.",
    ] {
        assert_eq!(split(text), [text], "{text}");
    }
}

#[test]
fn weak_abbreviations_end_before_sentence_starters() {
    assert_eq!(
        split("Der Schaden beträgt 5 Mio. Die Polizei ermittelt."),
        ["Der Schaden beträgt 5 Mio.", "Die Polizei ermittelt."]
    );
    assert_eq!(
        split("Das war im 19. Jh. Danach kam der Krieg."),
        ["Das war im 19. Jh.", "Danach kam der Krieg."]
    );
}

#[test]
fn end_abbreviations() {
    assert_eq!(
        split("Wir könnten wandern, usw. Worauf hättest du Lust?"),
        ["Wir könnten wandern, usw.", "Worauf hättest du Lust?"]
    );
    assert_eq!(
        split("Foo, bar, baz, usw. quux"),
        ["Foo, bar, baz, usw. quux"]
    );
    // "Art" is a word unless a number follows.
    assert_eq!(
        split("Er tat es auf seine Art. Dann ging er."),
        ["Er tat es auf seine Art.", "Dann ging er."]
    );
}

#[test]
fn ordinals_and_dates() {
    for text in [
        "Was sind die Konsequenzen der Abstimmung vom 12. Juni?",
        "Am 3. Oktober feiert Deutschland.",
        "In der 89. Minute fiel das Tor.",
        "Auf drei Schiffen des III. Geschwaders",
        "Mit Wirkung zum 01. Januar 2015 gilt das Gesetz.",
        "Am 13. Jän. 2006 war es regnerisch.",
        "Er spielt in der 2. Liga.",
        "Tongefäße aus dem 1. -3. Jahrhundert.",
        "1. Dies ist eine Punkteliste.",
        "Am 12.03. kam er an.",
    ] {
        assert_eq!(split(text), [text], "{text}");
    }
    assert_eq!(
        split("Die Information steht auf Seite 12. Dort kannst du nachlesen."),
        [
            "Die Information steht auf Seite 12.",
            "Dort kannst du nachlesen."
        ]
    );
    assert_eq!(
        split("Am Ende steht 12.03.2023. Am Ende steht 12.03.2023."),
        ["Am Ende steht 12.03.2023.", "Am Ende steht 12.03.2023."]
    );
    assert_eq!(
        split("Im Jahr 2015. Danach nicht mehr."),
        ["Im Jahr 2015.", "Danach nicht mehr."]
    );
}

#[test]
fn numbers() {
    for text in [
        "Wir haben 1.000.000 Euro.",
        "Bitte überweisen Sie 5.300,25 Euro.",
        "Das Treffen beginnt um 12.30 Uhr.",
    ] {
        assert_eq!(split(text), [text], "{text}");
    }
}

#[test]
fn quotes() {
    assert_eq!(
        split("Er sagte: „Das ist schlimm.“ Und damit hatte er recht."),
        ["Er sagte: „Das ist schlimm.“", "Und damit hatte er recht."]
    );
    assert_eq!(split("Foo »Bar.« Baz."), ["Foo »Bar.«", "Baz."]);
    assert_eq!(split("Foo «Bar.» Baz."), ["Foo «Bar.»", "Baz."]);
    assert_eq!(split("Foo \"Bar.\" Baz."), ["Foo \"Bar.\"", "Baz."]);
    let one = "„Lass uns essen gehen!“, sagte die Mutter, „am besten zum Italiener.“";
    assert_eq!(split(one), [one]);
    let two = "„Komm sofort her!“ rief sie.";
    assert_eq!(split(two), [two]);
    assert_eq!(split("„Hi!“ „Hi!“"), ["„Hi!“", "„Hi!“"]);
}

#[test]
fn footnotes_emoji_hashtags_ellipsis() {
    assert_eq!(
        split("Es muss bis zum 1. Februar erfolgen.[6] Es gilt der Poststempel."),
        [
            "Es muss bis zum 1. Februar erfolgen.[6]",
            "Es gilt der Poststempel."
        ]
    );
    assert_eq!(
        split("Großartig! 👍🥰 Weiter so!"),
        ["Großartig! 👍🥰", "Weiter so!"]
    );
    assert_eq!(
        split("Oder gibt es Unterschiede? #semibk"),
        ["Oder gibt es Unterschiede?", "#semibk"]
    );
    assert_eq!(
        split("Er wartete… Dann kam sie. Er wollte … Kuchen."),
        ["Er wartete…", "Dann kam sie.", "Er wollte … Kuchen."]
    );
}

#[test]
fn paragraph_and_line_breaks() {
    assert_eq!(
        split("Überschrift ohne Punkt\n\nDer Text folgt hier"),
        ["Überschrift ohne Punkt", "Der Text folgt hier"]
    );
    // A heading line without punctuation ends before a capitalized line.
    assert_eq!(
        split("Joe Biden und Fumio Kishida\nDie beiden Staatschefs einigten sich."),
        [
            "Joe Biden und Fumio Kishida",
            "Die beiden Staatschefs einigten sich."
        ]
    );
    // Soft wraps: a line ending in "und" / "der", or going on in lower case.
    assert_eq!(
        split("Jetzt die besten Jobs finden und\nper E-Mail benachrichtigt werden."),
        ["Jetzt die besten Jobs finden und\nper E-Mail benachrichtigt werden."]
    );
    assert_eq!(
        split("Andere \nFischsorten (z.B. Hai) weisen viel Quecksilber \nauf."),
        ["Andere \nFischsorten (z.B. Hai) weisen viel Quecksilber \nauf."]
    );
    // A full stop at a line end ends the sentence even before lower case.
    assert_eq!(
        split("1. Ich ___ gern Tennis.\nspielen\nspielt"),
        ["1. Ich ___ gern Tennis.", "spielen", "spielt"]
    );
    // List items.
    assert_eq!(
        split("Zutaten, die man braucht\n• Mehl\n• Zucker"),
        ["Zutaten, die man braucht", "• Mehl", "• Zucker"]
    );
    // A number at a line start is a list item, unless the line before goes on.
    assert_eq!(
        split("Die Tipps:\n1. Planen Sie früh!\n2. Essen Sie gesund!"),
        ["Die Tipps:", "1. Planen Sie früh!", "2. Essen Sie gesund!"]
    );
    assert_eq!(
        split("Wir treffen uns am Sonntag, dem\n12. Juni in Wien."),
        ["Wir treffen uns am Sonntag, dem\n12. Juni in Wien."]
    );
    // Windows line ends.
    assert_eq!(
        split("Erster Satz.\r\nZweiter Satz."),
        ["Erster Satz.", "Zweiter Satz."]
    );
}

#[test]
fn news_sentence() {
    let text = "Tokio Die USA und Japan wollen im Bereich der wirtschaftlichen Sicherheit \
                enger zusammenarbeiten. Wie US-Präsident Joe Biden und Japans \
                Regierungschef Fumio Kishida am Freitag auf einem Online-Gipfel beschlossen, \
                wollen die Partner ihre sogenannten 2+2-Gespräche zwischen Außen- und \
                Verteidigungsministern um ein wirtschaftliches 2+2-Treffen ergänzen.";
    let got = split(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].starts_with("Tokio Die USA"));
    assert!(got[0].ends_with("zusammenarbeiten."));
    assert!(got[1].starts_with("Wie US-Präsident Joe Biden"));
    assert!(got[1].contains("2+2-Gespräche"));
    assert!(got[1].ends_with("ergänzen."));
}

#[test]
fn urls_and_parentheses() {
    let text = "Unter www.allinrechner.at gibt es Infos. Katzian (SPÖ) sagte das am Montag.";
    assert_eq!(
        split(text),
        [
            "Unter www.allinrechner.at gibt es Infos.",
            "Katzian (SPÖ) sagte das am Montag."
        ]
    );
    assert_eq!(
        split("Infos unter www.allinrechner.at. Dort gibt es mehr."),
        ["Infos unter www.allinrechner.at.", "Dort gibt es mehr."]
    );
}

#[test]
fn austrian_titles_and_places() {
    let text = "Der Bürgermeister DI Franz Huber, Mag.a Eva Berger, Dr.in Anna Maier, \
                Univ.-Prof. DDr. Karl Moser und BezInsp. Gruber kamen nach Wr. Neustadt. \
                Sie fuhren ca. 5 km nach St. Pölten.";
    assert_eq!(
        split(text),
        [
            "Der Bürgermeister DI Franz Huber, Mag.a Eva Berger, Dr.in Anna Maier, \
             Univ.-Prof. DDr. Karl Moser und BezInsp. Gruber kamen nach Wr. Neustadt.",
            "Sie fuhren ca. 5 km nach St. Pölten."
        ]
    );
}

#[test]
fn news_details() {
    // A sentence may start with a number or a byline in brackets; UAX #29 misses both.
    assert_eq!(
        split("Das hatte einen rechten Hintergrund. 2014 waren es 199 Attacken."),
        [
            "Das hatte einen rechten Hintergrund.",
            "2014 waren es 199 Attacken."
        ]
    );
    assert_eq!(
        split("Das freut mich. (APA, 5.12.2015) Ergebnisse des Weltcups folgen."),
        [
            "Das freut mich.",
            "(APA, 5.12.2015)",
            "Ergebnisse des Weltcups folgen."
        ]
    );
    assert_eq!(
        split("Das sagte er. (red, 2.9.2015)"),
        ["Das sagte er.", "(red, 2.9.2015)"]
    );
    // Ordinals glued to a word or in brackets, scores.
    for text in [
        "Denn der Weltranglisten-15. Kevin Anderson misst 2,03 m.",
        "Tore: 1:0 (51.) Ulmer, 2:0 (89.) Hinteregger.",
        "Auf Transparenten war Freies Land! und Orban raus! zu lesen.",
    ] {
        assert_eq!(split(text), [text], "{text}");
    }
    assert_eq!(
        split("Ein Schuss ins Kreuzeck: 1:0. Wenig später fiel das 2:0."),
        [
            "Ein Schuss ins Kreuzeck: 1:0.",
            "Wenig später fiel das 2:0."
        ]
    );
    // A URL after a full stop starts a new sentence.
    assert_eq!(
        split("Die FPÖ begrüßt Kinder in Erdberg. pic.twitter.com/lmceQwMbYP"),
        [
            "Die FPÖ begrüßt Kinder in Erdberg.",
            "pic.twitter.com/lmceQwMbYP"
        ]
    );
}

#[test]
fn offsets_are_char_boundaries() {
    let text = "Äpfel über Öfen. Übermorgen „Größe“! Ärger… Ende";
    for r in split_sentences(text) {
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
    assert_eq!(
        split(text),
        ["Äpfel über Öfen.", "Übermorgen „Größe“!", "Ärger… Ende"]
    );
}

/// The reference for `find_candidates`: UAX #29 over the whole block, plus the misses.
fn find_candidates_whole(text: &str, block: Range<usize>, out: &mut Vec<usize>) {
    out.extend(
        text[block.clone()]
            .split_sentence_bound_indices()
            .map(|(k, _)| block.start + k)
            .filter(|&k| k > block.start),
    );
    let bytes = &text.as_bytes()[..block.end];
    for (i, c) in text[block.clone()].char_indices() {
        let after = block.start + i + c.len_utf8();
        if c == '…' || (matches!(c, '.' | '!' | '?') && missed_start_after_space(bytes, after)) {
            out.push(after);
        }
    }
    out.sort_unstable();
    out.dedup();
}

fn split_whole_uax29(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for block in hard_blocks(text) {
        let mut candidates = Vec::new();
        find_candidates_whole(text, block.clone(), &mut candidates);
        decide_block(text, block, &candidates, &mut out);
    }
    out
}

#[test]
fn windowed_uax29_matches_whole_text_uax29() {
    let golden = include_str!("../../tests/data/sbd-golden-de.jsonl");
    let mut texts = 0;
    for line in golden.lines() {
        let case: serde_json::Value = serde_json::from_str(line).expect("valid JSONL");
        let text = case["text"].as_str().expect("text");
        assert_eq!(split_sentences(text), split_whole_uax29(text), "{text}");
        texts += 1;
    }
    assert_eq!(texts, 57);
    // Cases proptest once found: a window cut at a line break, a combining mark.
    for text in [
        "z. B.\n?Dr.",
        "\u{fffc}.\\\u{102b}a",
        "A\u{301}.B",
        "Er ging.\r\nEr kam.",
    ] {
        assert_eq!(split_sentences(text), split_whole_uax29(text), "{text:?}");
    }
}

fn check_invariants(text: &str) -> Result<(), TestCaseError> {
    let ranges = split_sentences(text);
    let mut prev_end = 0;
    for r in &ranges {
        prop_assert!(r.start < r.end, "empty range {r:?}");
        prop_assert!(r.end <= text.len());
        prop_assert!(r.start >= prev_end, "overlap or disorder at {r:?}");
        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        let s = &text[r.clone()];
        prop_assert_eq!(s, s.trim(), "not trimmed");
        // Everything between sentences is whitespace.
        prop_assert!(text[prev_end..r.start].chars().all(char::is_whitespace));
        prev_end = r.end;
    }
    prop_assert!(text[prev_end..].chars().all(char::is_whitespace));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn invariants_on_arbitrary_strings(text in any::<String>()) {
        check_invariants(&text)?;
    }

    #[test]
    fn invariants_on_sentence_like_strings(
        text in "([A-Za-zÄÖÜäöüß0-9]{1,6}|[ .!?…„“\"»«()\\[\\]•\n\r-]|z\\. B\\.|Dr\\.|1\\.|usw\\.|👍){0,40}"
    ) {
        check_invariants(&text)?;
        prop_assert_eq!(split_sentences(&text), split_whole_uax29(&text));
    }

    #[test]
    fn windowed_uax29_on_arbitrary_strings(text in any::<String>()) {
        prop_assert_eq!(split_sentences(&text), split_whole_uax29(&text));
    }
}
