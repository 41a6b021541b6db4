//! `html::extract` on arbitrary text: never panics; an extracted article has non-empty,
//! whitespace-normalised paragraphs, and its text goes through the summarizer.
#![no_main]

use kernsatz::html::extract;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(article) = extract(text) {
        for p in &article.paragraphs {
            assert!(!p.trim().is_empty(), "empty paragraph");
            assert!(!p.contains("  "), "paragraph not whitespace-normalised: {p:?}");
        }
        if let Ok(doc) = kernsatz::Document::new(article.text()) {
            let _ = kernsatz::Summarizer::default().summarize_document(&doc);
        }
    }
});
