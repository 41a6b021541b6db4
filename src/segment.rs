//! Temporary: plain UAX #29 sentence split (replaced by the segment branch).
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Sentence spans of `text`.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    text.split_sentence_bound_indices()
        .filter_map(|(i, s)| {
            let t = s.trim();
            if t.is_empty() {
                return None;
            }
            let start = i + (s.len() - s.trim_start().len());
            Some(start..start + t.len())
        })
        .collect()
}
