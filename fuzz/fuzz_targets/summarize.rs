//! `Document::new` + `Summarizer` on arbitrary text with an arbitrary summary length: no panic,
//! offsets valid, summary sentences exact slices of the input in ascending order.
#![no_main]

use kernsatz::{Document, Length, Options, Summarizer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u8, u8, &str)| {
    let (mode, size, text) = input;
    let length = match mode % 3 {
        0 => Length::Sentences(usize::from(size % 8) + 1),
        1 => Length::Ratio(f32::from(size % 100 + 1) / 100.0),
        _ => Length::Words(usize::from(size) + 1),
    };
    let Ok(doc) = Document::new(text) else { return };
    assert!(!doc.sentences.is_empty());
    let mut prev_end = 0;
    for s in &doc.sentences {
        assert!(s.start < s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(s.start >= prev_end, "sentences overlap");
        prev_end = s.end;
        for t in &s.tokens {
            assert!(s.start <= t.start && t.start < t.end && t.end <= s.end);
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
    }
    let options = Options {
        length,
        ..Options::default()
    };
    let summarizer = Summarizer::new(kernsatz::IdfTable::embedded(), options);
    let summary = summarizer.summarize_document(&doc);
    assert!(
        !summary.sentences.is_empty(),
        "a document with sentences gets a summary"
    );
    if let Length::Sentences(n) = length {
        assert_eq!(summary.sentences.len(), n.min(doc.sentences.len()));
    }
    for pair in summary.sentences.windows(2) {
        assert!(
            pair[0].index < pair[1].index,
            "summary not in article order"
        );
    }
    for s in &summary.sentences {
        assert_eq!(&text[s.start..s.end], s.text);
        assert!(
            s.score.is_finite(),
            "score {} for sentence {}",
            s.score,
            s.index
        );
    }
    let joined: Vec<&str> = summary.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(summary.summary, joined.join("\n"));
});
