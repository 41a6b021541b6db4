//! `kernsatz --version` names the packages of every generated data table embedded in the
//! binary, checked against the data files' own headers and the source's `include_str!`s.

mod common;

use std::fs;
use std::path::Path;

/// Every `include_str!`/`include_bytes!` path of a data file under `data/` in `src/`.
fn embedded_data_files(dir: &Path, found: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            embedded_data_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).unwrap();
            for (_, rest) in text
                .match_indices("include_str!(\"")
                .map(|(i, _)| text.split_at(i))
            {
                let quoted = &rest["include_str!(\"".len()..];
                let file = &quoted[..quoted.find('"').unwrap()];
                let file = file.trim_start_matches("../");
                if file.starts_with("data/") {
                    found.push(file.to_string());
                }
            }
        }
    }
}

/// "NAME VERSION" from a header line "… PyPI package NAME VERSION …" or "# source: NAME VERSION".
fn header_source(text: &str) -> Option<String> {
    text.lines()
        .take_while(|l| l.starts_with('#'))
        .find_map(|line| {
            let rest = line
                .split_once("PyPI package ")
                .map(|(_, r)| r)
                .or_else(|| line.strip_prefix("# source: "))?;
            let words: Vec<&str> = rest.split_whitespace().take(2).collect();
            let looks_like_version = words.get(1)?.chars().next()?.is_ascii_digit();
            looks_like_version.then(|| words.join(" "))
        })
}

#[test]
fn version_names_the_source_of_every_embedded_generated_table() {
    let root = common::root();
    let mut files = Vec::new();
    embedded_data_files(&root.join("src"), &mut files);
    files.sort();
    files.dedup();
    let sources: Vec<(String, String)> = files
        .iter()
        .filter_map(|f| {
            let text = fs::read_to_string(root.join(f)).unwrap();
            header_source(&text).map(|s| (f.clone(), s))
        })
        .collect();
    // The generated tables are there: the nouns and the frequencies at least.
    assert!(
        sources.len() >= 3,
        "too few generated tables found: {sources:?}"
    );

    let out = common::kernsatz().arg("--version").output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next(),
        Some(format!("kernsatz {}", env!("CARGO_PKG_VERSION")).as_str())
    );
    let data = lines.next().expect("a data line");
    for (file, source) in &sources {
        assert!(
            data.contains(source.as_str()),
            "{file}: '{source}' missing in '{data}'"
        );
    }

    // `-V` stays the short form.
    let out = common::kernsatz().arg("-V").output().unwrap();
    let short = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        short.trim(),
        format!("kernsatz {}", env!("CARGO_PKG_VERSION"))
    );
}
