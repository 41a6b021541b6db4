//! Checks shared by the `vocab`, `study` and `deck` targets (not a target itself).
#![allow(dead_code)] // each target uses a part

use kernsatz::Document;
use kernsatz::article::{Article, ReadOptions};
use kernsatz::vocab::{MAX_EXAMPLE_BYTES, VocabEntry};

/// The input as `kernsatz vocab|study|deck FILE.txt` reads it: decoded, and extracted when it
/// looks like a web page; `None` where the command reports an error.
pub fn document(bytes: &[u8]) -> Option<(Article, Document)> {
    let article = Article::from_bytes("fuzz.txt", bytes, &ReadOptions::default()).ok()?;
    let doc = Document::from_article(&article).ok()?;
    Some((article, doc))
}

/// `text[start..end]` is a slice on char boundaries.
pub fn check_slice(text: &str, (start, end): (usize, usize), what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what}: {start}..{end} outside 0..{}",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: {start}..{end} not on char boundaries"
    );
}

/// What must hold for every entry of `doc`'s vocabulary (before a merge, which drops the
/// occurrences).
pub fn check_entry(doc: &Document, e: &VocabEntry) {
    let text = doc.text.as_str();
    assert!(!e.lemma.is_empty(), "empty lemma: {e:?}");
    assert!(!e.lemma.trim().is_empty(), "blank lemma: {e:?}");
    assert!(e.count >= 1 && e.count == e.occurrences.len(), "{e:?}");
    assert!(!e.forms.is_empty(), "no forms: {e:?}");
    for &occ in &e.occurrences {
        check_slice(text, occ, "occurrence");
        assert!(occ.0 < occ.1, "empty occurrence: {e:?}");
        let surface = &text[occ.0..occ.1];
        assert!(
            e.forms.iter().any(|f| f == surface),
            "{surface:?} not in forms {e:?}"
        );
    }
    for f in &e.forms {
        assert!(
            e.occurrences.iter().any(|&(s, en)| &text[s..en] == f),
            "form {f:?} never occurs"
        );
    }
    let sentence = &doc.sentences[e.sentence_index];
    let span = e.example_span;
    check_slice(text, span, "example");
    assert!(
        sentence.start <= span.0 && span.1 <= sentence.end,
        "example {span:?} outside its sentence {}..{}",
        sentence.start,
        sentence.end
    );
    if sentence.end - sentence.start > MAX_EXAMPLE_BYTES {
        assert!(
            span.1 - span.0 <= MAX_EXAMPLE_BYTES,
            "example too long: {span:?}"
        );
    } else {
        assert_eq!(span, (sentence.start, sentence.end));
    }
    let first = e.occurrences[0];
    assert!(
        sentence.start <= first.0 && first.1 <= sentence.end,
        "first occurrence {first:?} outside sentence {}",
        e.sentence_index
    );
    let one_line = text[span.0..span.1]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut expected = one_line;
    if span.0 > sentence.start {
        expected.insert_str(0, "… ");
    }
    if span.1 < sentence.end {
        expected.push_str(" …");
    }
    assert_eq!(e.example, expected);
}
