//! `html::extract` on arbitrary text: never panics; an extracted article has non-empty,
//! whitespace-normalised blocks whose byte ranges lie in the page on char boundaries, and its
//! blocks (with their kinds) go through the summarizer.
#![no_main]

use kernsatz::html::extract;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(article) = extract(text) {
        for b in article.teaser.iter().chain(&article.blocks) {
            let p = &b.text;
            assert!(!p.trim().is_empty(), "empty block");
            assert!(!p.contains("  "), "block not whitespace-normalised: {p:?}");
            assert!(b.start <= b.end && b.end <= text.len(), "range {}..{}", b.start, b.end);
            assert!(text.is_char_boundary(b.start) && text.is_char_boundary(b.end));
        }
        let (joined, blocks) = article.layout();
        assert_eq!(joined, article.text());
        if let Ok(doc) = kernsatz::Document::with_blocks(joined, &blocks) {
            let _ = kernsatz::Summarizer::default().summarize_document(&doc);
        }
    }
});
