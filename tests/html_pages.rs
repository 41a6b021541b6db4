//! Web pages end to end: decoding as a browser does, the article found by its text (the
//! failure kinds of real pages, one fixture each), structure kept as typed blocks, one cleaning
//! for a page and its text, and block offsets into the decoded page.

use std::path::Path;

use kernsatz::BlockKind;
use kernsatz::Document;
use kernsatz::article::{Article, ReadOptions};
use kernsatz::html::{Block, Structure};
use kernsatz::input::{Encoding, Warning};
use kernsatz::{ErrorKind, Options, summarize::Summarizer};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/html")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read(name: &str, bytes: &[u8]) -> Article {
    Article::from_bytes(name, bytes, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The extracted blocks (teaser first) as (kind, text).
fn blocks(a: &Article) -> Vec<(Structure, String)> {
    let page = &a.page.as_ref().expect("a web page").extracted;
    page.teaser
        .iter()
        .chain(&page.blocks)
        .map(|b| (b.kind, b.text.clone()))
        .collect()
}

fn texts(a: &Article) -> Vec<String> {
    blocks(a).into_iter().map(|(_, t)| t).collect()
}

/// A page around `body`, with `head` in its `<head>` (after `<title>`).
fn page(head: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>Test</title>{head}</head><body><article>{body}\
         </article></body></html>"
    )
}

const GERMAN: &str = "Die Größe der Maßnahme überraschte die Fachleute, sagte die Ministerin.";

fn encode_1252(s: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(s);
    assert!(!unmappable);
    bytes.into_owned()
}

// ------------------------------------------------------------------------------------------
// Decoding
// ------------------------------------------------------------------------------------------

#[test]
fn meta_charset_is_honoured() {
    let html = page(
        r#"<meta charset="iso-8859-1">"#,
        &format!("<p>{GERMAN}</p>"),
    );
    let a = read("seite.html", &encode_1252(&html));
    assert_eq!(texts(&a), [GERMAN]);
    assert_eq!(a.page.as_ref().unwrap().encoding, "windows-1252");
    assert!(a.warnings.is_empty());
}

#[test]
fn http_equiv_content_type_is_honoured() {
    let text = "„Das kostet 5 €“, sagte er – und ging nach Hause, ohne sich umzudrehen.";
    let html = page(
        r#"<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">"#,
        &format!("<p>{text}</p>"),
    );
    let a = read("seite.htm", &encode_1252(&html));
    assert_eq!(texts(&a), [text]);
}

#[test]
fn a_declaration_after_the_first_kilobyte_still_counts() {
    let styles = format!("<style>{}</style>", "p { margin: 0 }\n".repeat(150));
    let html = page(
        &format!(r#"{styles}<meta charset="iso-8859-1">"#),
        &format!("<p>{GERMAN}</p>"),
    );
    assert!(html.find("charset").unwrap() > 2000);
    assert_eq!(texts(&read("x.html", &encode_1252(&html))), [GERMAN]);
}

#[test]
fn undeclared_legacy_bytes_are_windows_1252_and_valid_utf8_beats_a_wrong_declaration() {
    let html = page("", &format!("<p>{GERMAN}</p>"));
    let a = read("alt.html", &encode_1252(&html));
    assert_eq!(texts(&a), [GERMAN]);
    assert_eq!(a.page.as_ref().unwrap().encoding, "windows-1252");

    let html = page(
        r#"<meta charset="iso-8859-1">"#,
        &format!("<p>{GERMAN}</p>"),
    );
    let a = read("falsch.html", html.as_bytes());
    assert_eq!(texts(&a), [GERMAN]);
    assert_eq!(a.page.as_ref().unwrap().encoding, "UTF-8");
}

#[test]
fn byte_order_marks_decide() {
    // A UTF-8 BOM beats the declaration.
    let html = page(
        r#"<meta charset="iso-8859-1">"#,
        &format!("<p>{GERMAN}</p>"),
    );
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(html.as_bytes());
    let a = read("bom.html", &bytes);
    assert_eq!(texts(&a), [GERMAN]);
    assert_eq!(a.page.as_ref().unwrap().encoding, "UTF-8");

    // UTF-16 with its BOM, even without an .html name.
    let mut bytes = vec![0xFF, 0xFE];
    for u in page("", &format!("<p>{GERMAN}</p>")).encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let a = read("gespeichert.txt", &bytes);
    assert_eq!(texts(&a), [GERMAN]);
    assert_eq!(a.page.as_ref().unwrap().encoding, "UTF-16LE");
}

#[test]
fn a_stray_byte_is_replaced_with_a_warning() {
    // A UTF-8 page with one Latin-1 byte in an attribute, as saved pages have.
    let html = page(
        r#"<meta charset="utf-8">"#,
        &format!(r#"<p><img src="m.png" alt="M@scot">{GERMAN}</p>"#),
    );
    let at = html.find('@').unwrap();
    let mut bytes = html.into_bytes();
    bytes[at] = 0xE4;
    let a = read("streu.html", &bytes);
    assert_eq!(texts(&a), [GERMAN]);
    assert_eq!(
        a.warnings,
        [Warning::InvalidBytes {
            encoding: "UTF-8",
            count: 1,
            first: at
        }]
    );
    assert!(a.warnings[0].to_string().contains(&format!("byte {at}")));
}

#[test]
fn text_stays_strict_and_an_explicit_encoding_wins() {
    let latin1 = encode_1252(GERMAN);
    let e = Article::from_bytes("notiz.txt", &latin1, &ReadOptions::default()).unwrap_err();
    assert!(matches!(
        e.kind(),
        ErrorKind::Decode {
            latin1_likely: true,
            ..
        }
    ));
    // A page read as UTF-8 on request fails as text does.
    let html = encode_1252(&page("", &format!("<p>{GERMAN}</p>")));
    let utf8 = ReadOptions {
        encoding: Encoding::Utf8,
    };
    assert!(Article::from_bytes("s.html", &html, &utf8).is_err());
    let latin1 = ReadOptions {
        encoding: Encoding::Latin1,
    };
    let a = Article::from_bytes("s.html", &html, &latin1).unwrap();
    assert_eq!(texts(&a), [GERMAN]);
}

// ------------------------------------------------------------------------------------------
// The article found by its text: one fixture per failure kind of real pages
// ------------------------------------------------------------------------------------------

fn fixture_article(name: &str) -> Article {
    read(name, fixture(name).as_bytes())
}

fn assert_paragraphs(name: &str, starts: &[&str]) {
    let a = fixture_article(name);
    let got = texts(&a);
    assert_eq!(got.len(), starts.len(), "{name}: {got:#?}");
    for (g, s) in got.iter().zip(starts) {
        assert!(g.starts_with(s), "{name}: {g:?} should start with {s:?}");
    }
}

#[test]
fn class_word_share_on_the_post_body_does_not_discard_it() {
    assert_paragraphs(
        "theme-share-entry.html",
        &[
            "Nach mehr als drei Jahrzehnten",
            "Die neue Intendantin",
            "Ihre Vorgängerin",
        ],
    );
}

#[test]
fn class_word_print_on_the_article_column_does_not_discard_it() {
    let a = fixture_article("print-only-content.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Gemeinderat beschließt neuen Radweg")
    );
    assert_paragraphs(
        "print-only-content.html",
        &[
            "Der Gemeinderat hat",
            "Die Kosten schätzt",
            "Die Opposition",
        ],
    );
}

#[test]
fn paywall_markup_does_not_hide_text_that_is_in_the_page() {
    assert_paragraphs(
        "paywall-wrapper.html",
        &[
            "Immer mehr Städte legen",
            "Wenn die Temperaturen",
            "Viele Städte setzen",
            "Ob die Pläne wirken",
            "Klar ist dagegen",
        ],
    );
    let a = fixture_article("paywall-wrapper.html");
    assert!(!a.text.contains("Weiterlesen mit Abo"));
}

#[test]
fn text_split_across_sibling_articles_is_kept_whole() {
    let a = fixture_article("typo3-sibling-articles.html");
    let b = blocks(&a);
    let headings: Vec<&str> = b
        .iter()
        .filter(|(k, _)| *k == Structure::Heading)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        headings,
        [
            "Was ist Feinstaub?",
            "Wer verursacht ihn?",
            "Was kann man tun?"
        ]
    );
    assert_eq!(b.len(), 7, "{b:#?}");
    assert!(!a.text.contains("Mehr zum Thema"));
}

#[test]
fn text_modules_of_a_site_builder_are_collected() {
    assert_paragraphs(
        "cms-modules.html",
        &[
            "Nach zwei Jahren Bauzeit",
            "Das Sportzentrum erhielt",
            "Im Anbau liegen",
            "Die Gemeinde rechnet",
        ],
    );
}

#[test]
fn headings_lists_and_tables_are_typed_blocks() {
    let a = fixture_article("explainer-lists-tables.html");
    use Structure::*;
    let want: Vec<(Structure, &str)> = vec![
        (
            Paragraph,
            "Wie viel ein Kredit insgesamt kostet, hängt von drei Größen ab: der Kreditsumme, der Laufzeit und dem effektiven Jahreszins. Wer sie kennt, kann Angebote vergleichen, bevor er unterschreibt.",
        ),
        (Heading, "Was die Kosten bestimmt"),
        (
            Paragraph,
            "Banken prüfen vor allem, ob Sie den Kredit zurückzahlen können. Dafür zählen:",
        ),
        (ListItem, "ein regelmäßiges Einkommen"),
        (ListItem, "ein unbefristetes Arbeitsverhältnis"),
        (ListItem, "bestehende Schulden und laufende Raten"),
        (Heading, "Beispielrechnung"),
        (TableCell, "Kreditsumme"),
        (TableCell, "Laufzeit"),
        (TableCell, "Zinsaufwand"),
        (TableCell, "5.000 €"),
        (TableCell, "36 Monate"),
        (TableCell, "154,24 €"),
        (TableCell, "10.000 €"),
        (TableCell, "36 Monate"),
        (TableCell, "308,48 €"),
        // A bold line standing alone is a heading too.
        (Heading, "In drei Schritten zum Angebot"),
        (ListItem, "Kreditsumme und Laufzeit festlegen."),
        (ListItem, "Angebote mehrerer Banken einholen."),
        (
            ListItem,
            "Den effektiven Jahreszins vergleichen, nicht den Sollzins.",
        ),
        (
            Paragraph,
            "Achten Sie außerdem darauf, ob Sondertilgungen kostenlos möglich sind. Das spart Zinsen, wenn Sie früher zurückzahlen können als geplant.",
        ),
        // "Mehr zum Thema" heads only a list of links: both go.
    ];
    let got = blocks(&a);
    let got: Vec<(Structure, &str)> = got.iter().map(|(k, t)| (*k, t.as_str())).collect();
    assert_eq!(got, want);
    // Cells of one row share its number.
    let rows: Vec<Option<usize>> = a.page.as_ref().unwrap().extracted.blocks[7..16]
        .iter()
        .map(|b| b.row)
        .collect();
    assert_eq!(
        rows,
        [0, 0, 0, 1, 1, 1, 2, 2, 2].map(Some).to_vec(),
        "{rows:?}"
    );
}

#[test]
fn only_paragraphs_give_sentences_but_every_kind_reaches_the_document() {
    let a = fixture_article("explainer-lists-tables.html");
    let doc = Document::from_article(&a).unwrap();
    let sentences: Vec<&str> = (0..doc.sentences.len())
        .map(|i| doc.sentence_text(i))
        .collect();
    assert!(sentences.iter().all(|s| !s.contains("Sollzins")));
    assert!(sentences.iter().all(|s| !s.contains("Einkommen")));
    assert!(sentences.iter().any(|s| s.starts_with("Achten Sie")));
    let kinds: Vec<BlockKind> = doc.cleaned.blocks.iter().map(|b| b.kind).collect();
    for k in [
        BlockKind::Heading,
        BlockKind::ListItem,
        BlockKind::TableCell,
        BlockKind::Body,
    ] {
        assert!(kinds.contains(&k), "{k:?} in {kinds:?}");
    }
    // Every block's range is its line of the text.
    for (b, line) in doc.cleaned.blocks.iter().zip(doc.text.lines()) {
        assert_eq!(&doc.text[b.start..b.end], line);
    }
}

// ------------------------------------------------------------------------------------------
// One cleaning for both routes
// ------------------------------------------------------------------------------------------

const SEED_TEXT: &str = include_str!("../examples/japan-usa-wirtschaftssicherheit.txt");

/// The seed page with its photo caption and credit as paragraphs (with or without their
/// classes) instead of a `<figure>`.
fn seed_page_with_caption_paragraphs(classes: bool) -> String {
    let page = fixture("handelsblatt-japan-usa.html");
    let start = page.find("    <figure class=\"c-article-image\">").unwrap();
    let end = page.find("</figure>").unwrap() + "</figure>".len();
    let class = |c: &str| {
        if classes {
            format!(" class=\"c-article-image__{c}\"")
        } else {
            String::new()
        }
    };
    format!(
        "{}<div class=\"c-article-image\">\n<p{}>Joe Biden und Fumio Kishida</p>\n\
         <p{}>Die beiden Staatschef verständigten sich am Freitag auf einem virtuellen Gipfel.</p>\n\
         <p{}>Bild: imago images/ZUMA Wire</p>\n</div>{}",
        &page[..start],
        class("title"),
        class("text"),
        class("credit"),
        &page[end..]
    )
}

#[test]
fn the_seed_as_a_page_and_as_text_gives_the_same_summary() {
    let text = Article::from_text("seed.txt", SEED_TEXT);
    let text_doc = Document::from_article(&text).unwrap();
    let idf = kernsatz::IdfTable::embedded();
    for classes in [true, false] {
        let html = seed_page_with_caption_paragraphs(classes);
        let page = read("seed.html", html.as_bytes());
        assert!(
            !page.text.contains("Die beiden Staatschef"),
            "{}",
            page.text
        );
        let page_doc = Document::from_article(&page).unwrap();
        let sentences = |d: &Document| -> Vec<String> {
            (0..d.sentences.len())
                .map(|i| d.sentence_text(i).to_string())
                .collect()
        };
        assert_eq!(sentences(&page_doc), sentences(&text_doc));
        for n in [1, 3, 5, 8] {
            let opts = Options {
                length: kernsatz::Length::Sentences(n),
                ..Options::default()
            };
            let s = Summarizer::new(idf, opts);
            let of = |d: &Document| -> Vec<String> {
                s.summarize_document(d)
                    .sentences
                    .into_iter()
                    .map(|x| x.text)
                    .collect()
            };
            assert_eq!(of(&page_doc), of(&text_doc), "n={n}, classes={classes}");
        }
    }
}

// ------------------------------------------------------------------------------------------
// Offsets into the decoded page
// ------------------------------------------------------------------------------------------

/// The visible text of an HTML fragment, whitespace-normalised.
fn fragment_text(html: &str) -> String {
    let frag = scraper::Html::parse_fragment(html);
    let text: String = frag.root_element().text().collect();
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\u{ad}', "")
}

fn assert_offsets(name: &str, decoded: &str, block: &Block) {
    let slice = &decoded[block.start..block.end];
    assert_eq!(
        fragment_text(slice),
        block.text,
        "{name}: {}..{} is {slice:?}",
        block.start,
        block.end
    );
}

#[test]
fn every_block_points_at_its_text_in_the_decoded_page() {
    for name in [
        "theme-share-entry.html",
        "print-only-content.html",
        "paywall-wrapper.html",
        "typo3-sibling-articles.html",
        "cms-modules.html",
        "explainer-lists-tables.html",
        "tagesschau-handgranate.html",
        "derstandard-all-in.html",
        "zeit-wifo-konjunktur.html",
        "divsoup-syrien.html",
    ] {
        let html = fixture(name);
        let a = read(name, html.as_bytes());
        let page = &a.page.as_ref().unwrap().extracted;
        for b in page.teaser.iter().chain(&page.blocks) {
            assert_offsets(name, &html, b);
        }
    }
}

#[test]
fn offsets_point_into_the_decoded_page_not_the_bytes() {
    let body = format!("<p>Erster Absatz: {GERMAN}</p><p>Zweiter Absatz: {GERMAN}</p>");
    let html = page(r#"<meta charset="windows-1252">"#, &body);
    let a = read("alt.html", &encode_1252(&html));
    let page = &a.page.as_ref().unwrap().extracted;
    assert_eq!(page.blocks.len(), 2);
    for b in &page.blocks {
        assert_offsets("alt.html", &html, b);
    }
    // The bytes are shorter than the decoded text: every umlaut is one byte there.
    assert!(page.blocks[1].end > encode_1252(&html[..page.blocks[1].end]).len());
}
