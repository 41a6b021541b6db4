//! Property tests (proptest) of the pipeline's invariants on generated German-like text and on
//! arbitrary bytes: offsets, summary shape, decoding and IDF tables.

mod common;

use std::collections::HashMap;
use std::collections::HashSet;

use common::kernsatz;
use kernsatz::BlockKind;
use kernsatz::input::{Encoding, decode};
use kernsatz::tokenize::{TokenKind, tokenize};
use kernsatz::{Document, ErrorKind, IdfBuilder, IdfTable, Length, Options, Summarizer};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------------
// Generators

const WORDS: &[&str] = &[
    "Die",
    "Regierung",
    "plant",
    "neue",
    "Regeln",
    "für",
    "Lieferketten",
    "und",
    "der",
    "Größe",
    "Straße",
    "Übel",
    "Japan",
    "USA",
    "US-Präsidenten",
    "2+2-Gespräche",
    "5.300,25",
    "Euro",
    "2022",
    "z. B.",
    "Dr.",
    "3.",
    "Okt.",
    "u.a.",
    "geht's",
    "Wirtschaftssicherheit",
    "ẞ",
    "İstanbul",
    "naïve",
    "東京",
    "🙂",
    "Mio.",
];

const PUNCT: &[&str] = &[
    ".", "!", "?", "…", ",", ";", ":", " – ", " - ", "„", "“", "\"", "(", ")", "'", "’", "...",
];

/// No byte-order mark, UTF-8, UTF-16 LE and BE marks.
const BOMS: &[&[u8]] = &[b"", b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF"];

const SPACE: &[&str] = &[" ", "  ", "\n", "\n\n", "\t", "\r\n", "\u{a0}", "\u{2028}"];

/// One sentence: capitalised words, a final punctuation mark.
fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(WORDS), 1..14),
        prop::sample::select(&[".", ".", ".", "!", "?", "…", ":", ""][..]),
    )
        .prop_map(|(words, end)| format!("{}{end}", words.join(" ")))
}

/// Paragraphs of sentences, as a news article is laid out.
fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::collection::vec(sentence(), 1..6), 1..6).prop_map(|paras| {
        paras
            .iter()
            .map(|p| p.join(" "))
            .collect::<Vec<_>>()
            .join("\n\n")
    })
}

/// Anything: words, punctuation, odd whitespace and arbitrary characters mixed.
fn noisy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(WORDS).prop_map(str::to_owned),
        2 => prop::sample::select(PUNCT).prop_map(str::to_owned),
        2 => prop::sample::select(SPACE).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
        1 => "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![article(), noisy_text()]
}

// ---------------------------------------------------------------------------------------------
// Checks

fn check_span(text: &str, start: usize, end: usize, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(start < end, "{what}: empty span {start}..{end}");
    prop_assert!(
        end <= text.len(),
        "{what}: {start}..{end} past {}",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: {start}..{end} not on char boundaries"
    );
    Ok(())
}

fn check_document(text: &str, doc: &Document) -> Result<(), TestCaseError> {
    prop_assert_eq!(doc.text.as_str(), text);
    prop_assert!(!doc.sentences.is_empty());
    let mut prev_end = 0;
    for s in &doc.sentences {
        check_span(text, s.start, s.end, "sentence")?;
        prop_assert!(s.start >= prev_end, "sentences overlap at {}", s.start);
        prev_end = s.end;
        let block = &doc.cleaned.blocks[s.block];
        prop_assert_eq!(&block.kind, &BlockKind::Body);
        prop_assert!(
            block.start <= s.start && s.end <= block.end,
            "sentence outside its block"
        );
        prop_assert!(!s.tokens.is_empty());
        let mut prev_tok = s.start;
        for t in &s.tokens {
            check_span(text, t.start, t.end, "token")?;
            prop_assert!(
                t.start >= prev_tok && t.end <= s.end,
                "token outside its sentence"
            );
            prev_tok = t.end;
            prop_assert_eq!(t.lower().to_string(), t.surface(text).to_lowercase());
        }
    }
    Ok(())
}

/// Document frequencies counted directly: distinct lower-cased word forms per document, with the
/// table's folding of `ß` to `ss`.
fn expected_df(docs: &[String]) -> HashMap<String, u64> {
    let mut df = HashMap::new();
    for d in docs {
        let words: HashSet<String> = tokenize(d)
            .into_iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.lower().replace('ß', "ss"))
            .collect();
        for w in words {
            *df.entry(w).or_insert(0) += 1;
        }
    }
    df
}

fn table_bytes(b: &IdfBuilder, min_df: u64) -> Vec<u8> {
    let mut out = Vec::new();
    b.write(&mut out, min_df).unwrap();
    out
}

// ---------------------------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn document_offsets_in_bounds_and_on_char_boundaries(text in text()) {
        match Document::new(text.as_str()) {
            Ok(doc) => check_document(&text, &doc)?,
            Err(e) => {
                prop_assert!(
                    matches!(e.kind(), ErrorKind::EmptyInput | ErrorKind::NoArticleText),
                    "unexpected error {e}"
                );
                // no error for text that holds a sentence with a word… unless it is boilerplate,
                // so only the converse is certain: no letter or digit, no document
            }
        }
        if !text.chars().any(char::is_alphanumeric) {
            prop_assert!(Document::new(text.as_str()).is_err());
        }
    }

    #[test]
    fn summary_is_exact_slices_in_order(text in text(), n in 1usize..7) {
        let Ok(doc) = Document::new(text.as_str()) else { return Ok(()) };
        let options = Options { length: Length::Sentences(n), ..Options::default() };
        let summarizer = Summarizer::new(IdfTable::embedded(), options.clone());
        let summary = summarizer.summarize_document(&doc);
        prop_assert_eq!(summary.sentences.len(), n.min(doc.sentences.len()));
        for pair in summary.sentences.windows(2) {
            prop_assert!(pair[0].index < pair[1].index, "not in article order");
        }
        for s in &summary.sentences {
            prop_assert_eq!(&text[s.start..s.end], s.text.as_str());
            let source = &doc.sentences[s.index];
            prop_assert_eq!((source.start, source.end), (s.start, s.end));
            prop_assert!(s.score.is_finite());
        }
        let joined: Vec<&str> = summary.sentences.iter().map(|s| s.text.as_str()).collect();
        prop_assert_eq!(&summary.summary, &joined.join("\n"));
        // the one-call API gives the same summary
        let direct = kernsatz::summarize(&text, &options).unwrap();
        prop_assert_eq!(direct, summary);
    }

    #[test]
    fn decode_never_panics_on_arbitrary_bytes(
        prefix in prop::sample::select(BOMS),
        body in prop::collection::vec(any::<u8>(), 0..600),
    ) {
        let bytes = [prefix, &body[..]].concat();
        for enc in [Encoding::Utf8, Encoding::Latin1] {
            match decode(&bytes, enc) {
                Ok(text) => {
                    prop_assert!(!text.trim().is_empty());
                    prop_assert!(!text.contains('\0'));
                }
                Err(e) => match e.kind() {
                    ErrorKind::Decode { offset, .. } | ErrorKind::Binary { offset } => {
                        prop_assert!(*offset < bytes.len(), "offset {} of {} bytes", offset, bytes.len());
                    }
                    ErrorKind::EmptyInput => {}
                    k => prop_assert!(false, "unexpected error kind {:?}", k),
                },
            }
        }
    }

    #[test]
    fn decode_round_trips_utf8_utf16_and_latin1(text in noisy_text()) {
        prop_assume!(!text.contains('\0') && !text.trim().is_empty());
        prop_assume!(!text.starts_with('\u{feff}'));
        prop_assert_eq!(decode(text.as_bytes(), Encoding::Utf8).unwrap(), text.as_str());
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        prop_assert_eq!(decode(&utf16, Encoding::Utf8).unwrap(), text.as_str());
        let mut utf16be = vec![0xFE, 0xFF];
        utf16be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        prop_assert_eq!(decode(&utf16be, Encoding::Utf8).unwrap(), text.as_str());
        // the Latin-1 part of the text (printable range) survives a Latin-1 round trip
        let latin: String = text
            .chars()
            .filter(|&c| (c as u32) < 0x80 || (0xA0..=0xFF).contains(&(c as u32)))
            .collect();
        if !latin.trim().is_empty() {
            let bytes: Vec<u8> = latin.chars().map(|c| c as u32 as u8).collect();
            prop_assert_eq!(decode(&bytes, Encoding::Latin1).unwrap(), latin);
        }
    }

    #[test]
    fn idf_table_written_then_read_gives_the_same_df(
        docs in prop::collection::vec(text(), 1..8),
        min_df in 1u64..4,
    ) {
        let mut b = IdfBuilder::default();
        for d in &docs {
            b.add_document(d);
        }
        let bytes = table_bytes(&b, min_df);
        let read = IdfTable::read(&bytes[..]).unwrap();
        let in_memory = b.finish();
        prop_assert_eq!(read.docs(), docs.len() as u64);
        prop_assert_eq!(in_memory.docs(), docs.len() as u64);
        let expected = expected_df(&docs);
        for (w, &n) in &expected {
            prop_assert_eq!(in_memory.df(w), n, "in memory: {}", w);
            let kept = if n >= min_df { n } else { 0 };
            prop_assert_eq!(read.df(w), kept, "read back: {}", w);
        }
        prop_assert_eq!(read.len(), expected.values().filter(|&&n| n >= min_df).count());
    }

    #[test]
    fn idf_merge_equals_building_over_both_corpora(
        a in prop::collection::vec(text(), 0..6),
        b in prop::collection::vec(text(), 0..6),
    ) {
        let build = |docs: &[String]| {
            let mut builder = IdfBuilder::default();
            for d in docs {
                builder.add_document(d);
            }
            builder
        };
        let (ta, tb) = (table_bytes(&build(&a), 1), table_bytes(&build(&b), 1));
        let mut merged = IdfBuilder::default();
        merged.merge_reader(&ta[..]).unwrap();
        merged.merge_reader(&tb[..]).unwrap();
        let both: Vec<String> = a.iter().chain(&b).cloned().collect();
        prop_assert_eq!(
            String::from_utf8(table_bytes(&merged, 1)).unwrap(),
            String::from_utf8(table_bytes(&build(&both), 1)).unwrap()
        );
    }
}

proptest! {
    // each case runs the binary four times: few cases
    #![proptest_config(ProptestConfig::with_cases(6))]

    #[test]
    fn cli_idf_merge_equals_idf_build_over_both(
        a in prop::collection::vec(article(), 1..5),
        b in prop::collection::vec(article(), 1..5),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let write_corpus = |name: &str, docs: &[String]| {
            let d = dir.path().join(name);
            std::fs::create_dir(&d).unwrap();
            for (i, text) in docs.iter().enumerate() {
                std::fs::write(d.join(format!("{i:02}.txt")), text).unwrap();
            }
            d
        };
        let (da, db) = (write_corpus("a", &a), write_corpus("b", &b));
        let out = |name: &str| dir.path().join(name);
        let run = |args: &[&std::ffi::OsStr]| {
            kernsatz().args(args).assert().success();
        };
        run(&["idf".as_ref(), "build".as_ref(), "--min-df".as_ref(), "1".as_ref(),
              da.as_os_str(), "-o".as_ref(), out("a.idf").as_os_str()]);
        run(&["idf".as_ref(), "build".as_ref(), "--min-df".as_ref(), "1".as_ref(),
              db.as_os_str(), "-o".as_ref(), out("b.idf").as_os_str()]);
        run(&["idf".as_ref(), "merge".as_ref(), out("a.idf").as_os_str(),
              out("b.idf").as_os_str(), "-o".as_ref(), out("m.idf").as_os_str()]);
        run(&["idf".as_ref(), "build".as_ref(), "--min-df".as_ref(), "1".as_ref(),
              da.as_os_str(), db.as_os_str(), "-o".as_ref(), out("all.idf").as_os_str()]);
        let merged = std::fs::read_to_string(out("m.idf")).unwrap();
        let all = std::fs::read_to_string(out("all.idf")).unwrap();
        let header = format!("# docs: {}\n", a.len() + b.len());
        prop_assert!(merged.contains(&header), "no {:?} in {}", header, merged);
        prop_assert_eq!(merged, all);
    }
}
