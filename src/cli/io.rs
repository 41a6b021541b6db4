//! Reading inputs (files, stdin, JSONL) and writing to stdout.

use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use kernsatz::input::{Encoding, decode};

use super::Failure;

/// One input document: its display name and text.
pub struct Input {
    pub name: String,
    pub text: String,
}

/// Is this path the stdin marker?
pub fn is_stdin(p: &Path) -> bool {
    p.as_os_str() == "-"
}

/// Parse the --encoding value.
pub fn encoding(value: &str) -> Result<Encoding, Failure> {
    value.parse().map_err(Failure::from)
}

/// Read raw bytes of a file or stdin.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Failure> {
    let mut buf = Vec::new();
    if is_stdin(path) {
        io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .map_err(|e| Failure::usage(format!("cannot read standard input: {e}")))?;
    } else {
        buf = fs::read(path)
            .map_err(|e| Failure::usage(format!("cannot read {}: {e}", path.display())))?;
    }
    Ok(buf)
}

/// Display name of an input path.
pub fn name_of(path: &Path) -> String {
    if is_stdin(path) {
        "<stdin>".into()
    } else {
        path.display().to_string()
    }
}

/// Read and decode one file or stdin.
pub fn read_input(path: &Path, enc: Encoding) -> Result<Input, Failure> {
    let bytes = read_bytes(path)?;
    let name = name_of(path);
    let text = decode(&bytes, enc).map_err(|e| Failure::from(e.with_source(name.clone())))?;
    Ok(Input { name, text })
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

/// Stream the lines of JSONL sources in windows of `window` records, calling `each` per window.
pub fn for_jsonl_windows(
    sources: &[PathBuf],
    window: usize,
    mut each: impl FnMut(Vec<Record>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    for src in sources {
        let reader: Box<dyn BufRead> = if is_stdin(src) {
            Box::new(io::stdin().lock())
        } else {
            Box::new(io::BufReader::new(fs::File::open(src).map_err(|e| {
                Failure::usage(format!("cannot read {}: {e}", src.display()))
            })?))
        };
        let mut batch = Vec::with_capacity(window);
        let mut line_no = 0;
        for line in reader.split(b'\n') {
            let line =
                line.map_err(|e| Failure::usage(format!("cannot read {}: {e}", name_of(src))))?;
            line_no += 1;
            let record = match std::str::from_utf8(&line) {
                Ok(l) if l.trim().is_empty() => continue,
                Ok(l) => parse_record(l, line_no),
                Err(e) => Record {
                    id: serde_json::Value::from(line_no),
                    text: Err(format!(
                        "line {line_no}: invalid UTF-8 at byte {} of the line",
                        e.valid_up_to()
                    )),
                },
            };
            batch.push(record);
            if batch.len() == window {
                each(std::mem::take(&mut batch))?;
            }
        }
        if !batch.is_empty() {
            each(batch)?;
        }
    }
    Ok(())
}
