//! Test inputs shared by the unit tests of several modules.

use crate::Document;

/// The first `n` articles of `tests/fixtures/articles`, by file name.
pub(crate) fn fixture_docs(n: usize) -> Vec<Document> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .take(n)
        .map(|p| Document::new(std::fs::read_to_string(p).unwrap()).unwrap())
        .collect()
}
