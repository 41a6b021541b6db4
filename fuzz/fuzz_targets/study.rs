//! The study pack of `kernsatz study` on arbitrary input with a fuzzed seed and summary
//! length: the input read as a file (text or web page), `StudyPack::build` (summary,
//! vocabulary, worksheet) and every file the pack writes, rendered in memory (summary.md,
//! vocab.tsv, vocab.md, the worksheet as HTML, Markdown, text and JSON) plus the pack as JSON
//! (`--format json`). Checks: no panic; summary sentences and cloze answers are the source
//! slices at their offsets; vocabulary entries valid (see `common`); the worksheet page has
//! exactly the template's two `<script` elements (nothing from the input opens another) and
//! its JSON parses back.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use kernsatz::cloze::{GAP, Seed};
use kernsatz::export::summary::write_study_summary;
use kernsatz::export::vocab::{VocabFormat, write_vocab};
use kernsatz::export::worksheet::{Format, render};
use kernsatz::study::{StudyPack, StudySettings};
use kernsatz::{IdfTable, Length, Options};
use libfuzzer_sys::fuzz_target;

/// Occurrences of `needle` (ASCII, lower case) in `hay`, ignoring ASCII case.
fn count_ci(hay: &str, needle: &str) -> usize {
    let hay = hay.to_ascii_lowercase();
    hay.matches(needle).count()
}

fuzz_target!(|input: (u64, u8, &str)| {
    let (seed, n, text) = input;
    let Some((article, _)) = common::document(text.as_bytes()) else {
        return;
    };
    let settings = StudySettings {
        summary: Options {
            length: Length::Sentences(usize::from(n % 8) + 1),
            ..Options::default()
        },
        seed: Seed::Fixed(seed),
        ..StudySettings::default()
    };
    let Ok(pack) = StudyPack::build(&article, &settings, IdfTable::embedded()) else {
        return;
    };
    let doc = &pack.document;
    let src = doc.text.as_str();

    for s in &pack.summary.sentences {
        common::check_slice(src, (s.start, s.end), "summary sentence");
        assert_eq!(&src[s.start..s.end], s.text);
    }
    assert!(pack.vocab.len() <= 40);
    for e in &pack.vocab {
        common::check_entry(doc, e);
    }
    for it in &pack.cloze.items {
        common::check_slice(src, (it.source_start, it.source_end), "cloze answer");
        assert_eq!(&src[it.source_start..it.source_end], it.answer, "{it:?}");
        common::check_slice(&it.sentence, (it.start, it.end), "cloze gap");
        assert_eq!(&it.sentence[it.start..it.end], it.answer);
        assert_eq!(
            it.prompt,
            format!(
                "{}{GAP}{}",
                &it.sentence[..it.start],
                &it.sentence[it.end..]
            )
        );
        if !it.choices.is_empty() {
            assert_eq!(it.choices.iter().filter(|c| **c == it.answer).count(), 1);
        }
    }
    let _ = pack.summary_words();

    // the pack's files, in memory
    let mut out = Vec::new();
    write_study_summary(&mut out, &pack).expect("writing to memory");
    write_vocab(&mut out, &pack.vocab, VocabFormat::Tsv, None).expect("writing to memory");
    write_vocab(
        &mut out,
        &pack.vocab,
        VocabFormat::Markdown,
        Some(&pack.title),
    )
    .expect("writing to memory");
    let html = render(&pack.cloze, Format::Html);
    assert_eq!(count_ci(&html, "<script"), 2, "a <script from the input");
    assert_eq!(count_ci(&html, "</script"), 2, "a </script from the input");
    let _ = render(&pack.cloze, Format::Markdown);
    let _ = render(&pack.cloze, Format::Text);
    let json = render(&pack.cloze, Format::Json);
    let v: serde_json::Value = serde_json::from_str(&json).expect("worksheet JSON parses back");
    assert_eq!(
        v["items"].as_array().map(Vec::len),
        Some(pack.cloze.items.len())
    );
    // --format json
    let v = serde_json::to_value(&pack).expect("the pack serialises");
    serde_json::to_string_pretty(&v).expect("the pack serialises");
});
