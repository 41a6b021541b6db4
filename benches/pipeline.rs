//! Criterion benches of the text pipeline: `Document::new` (clean + segment + tokenize), the
//! summarizer and building the lexicon, on the seed article and on the first articles of the
//! 10kGNAD speed corpus.
//!
//! ```sh
//! cargo bench --bench pipeline               # all (about a minute)
//! cargo bench --bench pipeline -- --quick    # stop as soon as the estimate is stable
//! cargo bench --bench pipeline -- summarize  # only the benches whose name matches
//! ```
//!
//! The corpus is read from `../shared/data/corpus/10kgnad-test.jsonl` (beside the checkout) or
//! from `$KERNSATZ_SHARED/data/corpus/…`; without it only the seed-article benches run.
//! Every bench checks its result, so a broken pipeline fails instead of timing nothing.
//! End-to-end figures of the binary (MB/s, peak RSS, peers) come from `scripts/bench_speed.sh`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kernsatz::segment::split_sentences;
use kernsatz::tokenize::tokenize;
use kernsatz::{Document, Summarizer};

/// The article the project started from (boilerplate included).
const SEED: &str = include_str!("../examples/japan-usa-wirtschaftssicherheit.txt");

/// How many corpus articles one iteration processes.
const CORPUS_SLICE: usize = 100;

/// The first `CORPUS_SLICE` article texts of the speed corpus, if it is there.
fn corpus_slice() -> Option<Vec<String>> {
    let shared = std::env::var_os("KERNSATZ_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let path = shared.join("data/corpus/10kgnad-test.jsonl");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!(
                "note: {} not readable ({e}); corpus benches skipped",
                path.display()
            );
            return None;
        }
    };
    let texts: Vec<String> = text
        .lines()
        .take(CORPUS_SLICE)
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("corpus line is JSON");
            v["text"]
                .as_str()
                .expect("corpus record has a text")
                .to_owned()
        })
        .collect();
    assert_eq!(texts.len(), CORPUS_SLICE, "corpus shorter than expected");
    Some(texts)
}

/// Summarize and check: a non-empty summary of `min(3, sentences)` sentences cut from the text.
fn summarize_checked(summarizer: &Summarizer, text: &str) -> usize {
    let doc = Document::new(text).expect("article has sentences");
    let summary = summarizer.summarize_document(&doc);
    assert_eq!(summary.sentences.len(), doc.sentences.len().min(3));
    assert!(!summary.summary.is_empty());
    let first = &summary.sentences[0];
    assert_eq!(&text[first.start..first.end], first.text);
    summary.summary.len()
}

fn seed_article(c: &mut Criterion) {
    let summarizer = Summarizer::default();
    // check once outside the timing: the seed has a real body
    let doc = Document::new(SEED).expect("seed article parses");
    assert!(doc.sentences.len() >= 20, "seed article lost its body");

    let mut g = c.benchmark_group("seed");
    g.throughput(Throughput::Bytes(SEED.len() as u64));
    g.bench_function("segment_raw", |b| {
        b.iter(|| {
            let spans = split_sentences(black_box(SEED));
            assert!(spans.len() >= 20);
            spans
        })
    });
    g.bench_function("tokenize", |b| {
        b.iter(|| {
            let tokens = tokenize(black_box(SEED));
            assert!(tokens.len() > 500);
            tokens
        })
    });
    g.bench_function("document_new", |b| {
        b.iter(|| {
            let doc = Document::new(black_box(SEED)).expect("seed article parses");
            assert!(!doc.sentences.is_empty());
            doc
        })
    });
    g.bench_function("summarize", |b| {
        b.iter(|| summarize_checked(&summarizer, black_box(SEED)))
    });
    g.finish();
}

fn corpus(c: &mut Criterion) {
    let Some(texts) = corpus_slice() else { return };
    let bytes: usize = texts.iter().map(String::len).sum();
    let summarizer = Summarizer::default();

    let mut g = c.benchmark_group(format!("10kgnad_{CORPUS_SLICE}"));
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("document_new", |b| {
        b.iter(|| {
            let sentences: usize = texts
                .iter()
                .map(|t| Document::new(black_box(t.as_str())).map_or(0, |d| d.sentences.len()))
                .sum();
            assert!(sentences >= 10 * CORPUS_SLICE, "only {sentences} sentences");
            sentences
        })
    });
    g.bench_function("summarize", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| summarize_checked(&summarizer, black_box(t)))
                .sum::<usize>()
        })
    });
    g.finish();
}

/// Building the lexicon (domain lexicon, name and word lists, paradigm table) and its first
/// analysis: what every `vocab`, `cloze`, `study` and `deck` run pays once.
fn lexicon_load(c: &mut Criterion) {
    c.bench_function("lexicon/load_and_first_analysis", |b| {
        b.iter(|| {
            let lex = kernsatz::lexicon::Lexicon::load();
            let a = lex
                .analyze(black_box("Lieferketten"))
                .expect("a known noun");
            assert_eq!(a.lemma, "Lieferkette");
            lex
        })
    });
}

/// Short runs: the pipeline is fast and the figures are for spotting regressions.
fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = seed_article, corpus, lexicon_load
}
criterion_main!(benches);
