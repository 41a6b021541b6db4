//! The vocabulary path of `kernsatz vocab` on arbitrary input with fuzzed options (`--all`,
//! `--limit`): the input read as a file (text or web page), its vocabulary, the merge that
//! applies the limit, and the Markdown, TSV, CSV and JSON renderers. Checks: no panic; every
//! entry's lemma non-empty, its occurrences and example valid slices of the text (on char
//! boundaries, inside the first sentence it occurs in, no longer than the example window);
//! the limit respected (and the limited list the head of the full one); the JSON output
//! parses back to the same entries; the TSV/CSV have one record per entry.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use kernsatz::IdfTable;
use kernsatz::export::vocab::{COLUMNS, VocabFormat, write_vocab};
use kernsatz::vocab::{VocabOptions, merge, vocabulary};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u8, u8, &str)| {
    let (flags, limit, text) = input;
    let Some((_, doc)) = common::document(text.as_bytes()) else {
        return;
    };
    let idf = IdfTable::embedded();
    let all = flags & 1 != 0;
    // as on the command line: --limit 0 means no limit
    let limit = (limit > 0).then_some(usize::from(limit % 64));
    let opts = VocabOptions {
        all,
        ..VocabOptions::default()
    };
    let full = vocabulary(&doc, idf, &opts);
    for e in &full {
        common::check_entry(&doc, e);
    }
    let mut seen = std::collections::HashSet::new();
    for e in &full {
        assert!(
            seen.insert((e.lemma.as_str(), e.pos)),
            "{} listed twice",
            e.lemma
        );
    }
    if let Some(n) = limit {
        let limited = vocabulary(
            &doc,
            idf,
            &VocabOptions {
                limit: Some(n),
                ..opts.clone()
            },
        );
        assert!(limited.len() <= n);
        assert_eq!(limited[..], full[..limited.len()]);
        assert_eq!(limited.len(), n.min(full.len()));
    }
    // the binary's path: per-article lists merged, the limit applied by the merge
    let entries = merge(vec![full.clone()], limit);
    assert_eq!(
        entries.len(),
        limit.map_or(full.len(), |n| n.min(full.len()))
    );
    for (m, e) in entries.iter().zip(&full) {
        assert_eq!(
            (&m.lemma, m.count, &m.example),
            (&e.lemma, e.count, &e.example)
        );
    }
    if flags & 2 != 0 {
        // two articles with the same words: counts add up, nothing listed twice
        let twice = merge(vec![full.clone(), full.clone()], None);
        assert_eq!(twice.len(), full.len());
        assert!(twice.iter().all(|e| e.count % 2 == 0));
    }

    let title = (flags & 4 != 0).then_some(text.get(..text.len().min(40)).unwrap_or(""));
    for format in [
        VocabFormat::Json,
        VocabFormat::Tsv,
        VocabFormat::Csv,
        VocabFormat::Markdown,
    ] {
        let mut out = Vec::new();
        write_vocab(&mut out, &entries, format, title).expect("writing to memory");
        let out = String::from_utf8(out).expect("UTF-8 output");
        match format {
            VocabFormat::Json => {
                let v: serde_json::Value = serde_json::from_str(&out).expect("JSON parses back");
                let arr = v.as_array().expect("a JSON array");
                assert_eq!(arr.len(), entries.len());
                for (j, e) in arr.iter().zip(&entries) {
                    assert_eq!(j["lemma"].as_str(), Some(e.lemma.as_str()));
                    assert_eq!(j["example"].as_str(), Some(e.example.as_str()));
                    assert_eq!(j["count"].as_u64(), Some(e.count as u64));
                }
            }
            VocabFormat::Tsv | VocabFormat::Csv => {
                let mut r = csv::ReaderBuilder::new()
                    .delimiter(if format == VocabFormat::Tsv {
                        b'\t'
                    } else {
                        b','
                    })
                    .from_reader(out.as_bytes());
                let header = r.headers().expect("a header row").clone();
                assert_eq!(header.iter().collect::<Vec<_>>(), COLUMNS);
                let rows: Vec<csv::StringRecord> = r
                    .records()
                    .collect::<Result<_, _>>()
                    .expect("records parse back");
                assert_eq!(rows.len(), entries.len());
                for row in &rows {
                    assert_eq!(row.len(), COLUMNS.len());
                }
            }
            VocabFormat::Markdown => {
                let items = out.lines().filter(|l| l.starts_with("- **")).count();
                assert_eq!(items, entries.len());
            }
        }
    }
});
