//! The library's modules form layers: no module imports one that imports it back, directly or
//! through others (read from `crate::` paths in `src/`, comments left out). The binary's command
//! modules (`src/cli/`) import only the library and the binary's shared helpers.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Code lines of a file (line comments and doc comments left out).
fn code_lines(path: &Path) -> Vec<String> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("//"))
        .map(String::from)
        .collect()
}

/// The top-level modules named in `prefix…` paths of a line (`crate::lexicon::x` → lexicon).
fn named_modules<'a>(line: &'a str, prefix: &'a str) -> impl Iterator<Item = String> + 'a {
    line.match_indices(prefix).map(move |(i, _)| {
        line[i + prefix.len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    })
}

/// Library module → the library modules it uses.
fn library_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = common::root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = top.trim_end_matches(".rs").to_string();
        if ["cli", "main", "lib"].contains(&module.as_str()) {
            continue;
        }
        let deps = graph.entry(module.clone()).or_default();
        for line in code_lines(&file) {
            deps.extend(named_modules(&line, "crate::").filter(|m| *m != module));
        }
    }
    graph
}

/// A cycle through `start`, if there is one.
fn cycle_from(
    graph: &BTreeMap<String, BTreeSet<String>>,
    start: &str,
    path: &mut Vec<String>,
    seen: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    let last = path.last().unwrap().clone();
    for next in graph.get(&last).into_iter().flatten() {
        if next == start {
            let mut cycle = path.clone();
            cycle.push(next.clone());
            return Some(cycle);
        }
        if graph.contains_key(next) && seen.insert(next.clone()) {
            path.push(next.clone());
            if let Some(c) = cycle_from(graph, start, path, seen) {
                return Some(c);
            }
            path.pop();
        }
    }
    None
}

#[test]
fn library_modules_have_no_import_cycles() {
    let graph = library_graph();
    assert!(graph.len() > 10, "too few modules found: {graph:?}");
    assert!(graph["study"].contains("vocab"), "the reader sees imports");
    for module in graph.keys() {
        let cycle = cycle_from(
            &graph,
            module,
            &mut vec![module.clone()],
            &mut BTreeSet::new(),
        );
        assert!(
            cycle.is_none(),
            "import cycle: {}",
            cycle.unwrap().join(" → ")
        );
    }
}

#[test]
fn command_modules_import_only_the_library_and_shared_helpers() {
    const SHARED: [&str; 5] = ["args", "io", "batch", "table", "progress"];
    let cli = common::root().join("src/cli");
    let mut files = Vec::new();
    rust_files(&cli, &mut files);
    assert!(files.len() > 8);
    for file in files {
        let name = file.file_stem().unwrap().to_string_lossy().to_string();
        if name == "mod" || SHARED.contains(&name.as_str()) {
            continue;
        }
        for line in code_lines(&file) {
            for prefix in ["super::", "crate::cli::"] {
                for module in named_modules(&line, prefix) {
                    let shared = SHARED.contains(&module.as_str())
                        || module
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_ascii_uppercase())
                        || module.chars().all(|c| c.is_ascii_uppercase() || c == '_');
                    assert!(
                        shared,
                        "{}: command module imports the command '{module}': {line}",
                        file.display()
                    );
                }
            }
        }
    }
}
