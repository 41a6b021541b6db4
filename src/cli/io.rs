//! Reading inputs (files, stdin, JSONL) and writing to stdout.

use std::path::{Path, PathBuf};

use kernsatz::input::Encoding;

use super::Failure;

/// Is this path the stdin marker?
pub fn is_stdin(p: &Path) -> bool {
    p.as_os_str() == "-"
}

/// Parse the --encoding value.
pub fn encoding(value: &str) -> Result<Encoding, Failure> {
    value.parse().map_err(Failure::from)
}

/// Display name of an input path.
pub fn name_of(path: &Path) -> String {
    if is_stdin(path) {
        "<stdin>".into()
    } else {
        path.display().to_string()
    }
}

/// The input paths, stdin when none were given.
pub fn paths_or_stdin(files: &[PathBuf]) -> Vec<PathBuf> {
    if files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        files.to_vec()
    }
}

/// A JSONL record: `id` and `text`, or why the line could not be used.
pub struct Record {
    pub id: serde_json::Value,
    pub text: Result<String, String>,
}

/// Parse one JSONL line (line numbers start at 1).
pub fn parse_record(line: &str, line_no: usize) -> Record {
    let v: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            return Record {
                id: serde_json::Value::from(line_no),
                text: Err(format!("line {line_no}: invalid JSON: {e}")),
            };
        }
    };
    let id = v
        .get("id")
        .cloned()
        .unwrap_or_else(|| serde_json::Value::from(line_no));
    let text = match v.get("text") {
        Some(serde_json::Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(format!("line {line_no}: \"text\" is not a string")),
        None => Err(format!("line {line_no}: no \"text\" field")),
    };
    Record { id, text }
}
