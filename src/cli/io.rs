//! What the commands share beyond their arguments: input paths, JSONL records, the IDF table,
//! the clock, and the conversion of shared options into the library's settings.

use std::path::{Path, PathBuf};

use kernsatz::IdfTable;
use kernsatz::cloze::{ClozeOptions, Kinds, Seed};
use kernsatz::vocab::KnownWords;

use super::Failure;
use super::args::{ClozeGenArgs, IdfArg, KnownArgs, SeedArg};

/// Is this path the stdin marker?
pub fn is_stdin(p: &Path) -> bool {
    p.as_os_str() == "-"
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

/// A JSONL record: `id`, `text` and optional `title`, or why the line could not be used.
pub struct Record {
    pub id: serde_json::Value,
    pub text: Result<String, String>,
    pub title: Option<String>,
}

/// An id as text: a string as it is, anything else as JSON.
pub fn id_text(id: &serde_json::Value) -> String {
    match id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Parse one JSONL line (line numbers start at 1).
pub fn parse_record(line: &str, line_no: usize) -> Record {
    let v: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            return Record {
                id: serde_json::Value::from(line_no),
                text: Err(format!("line {line_no}: invalid JSON: {e}")),
                title: None,
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
    let title = v
        .get("title")
        .and_then(|t| t.as_str())
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    Record { id, text, title }
}

/// The IDF table given with `--idf`, or `None` for the embedded one.
pub fn load_idf(arg: &IdfArg) -> Result<Option<IdfTable>, Failure> {
    let Some(p) = &arg.path else { return Ok(None) };
    let f = std::fs::File::open(p)
        .map_err(|e| Failure::usage(format!("cannot read IDF table {}: {e}", p.display())))?;
    IdfTable::read(std::io::BufReader::new(f))
        .map(Some)
        .map_err(|e| Failure::from(e.in_source(p.display().to_string())))
}

/// The words of `--known` and `--known-anki` (empty when neither is given).
pub fn known_words(a: &KnownArgs) -> Result<KnownWords, Failure> {
    let mut known = KnownWords::new();
    for p in &a.known_files {
        known.extend(&KnownWords::read_file(p)?);
    }
    for p in &a.known_anki {
        known.extend(&KnownWords::read_anki(p)?);
    }
    Ok(known)
}

/// The table to score with: the loaded one, else the embedded one.
pub fn idf_or_embedded(custom: &Option<IdfTable>) -> &IdfTable {
    custom.as_ref().unwrap_or_else(|| IdfTable::embedded())
}

/// Modification time for Anki notes: SOURCE_DATE_EPOCH when set (reproducible builds), else now.
pub fn timestamp() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        })
}

impl ClozeGenArgs {
    /// The worksheet options these arguments ask for.
    pub fn options(&self) -> ClozeOptions {
        ClozeOptions {
            items: self.items,
            gaps: self.gaps,
            hints: self.hint,
            choices: self.choices,
            levels: self.level,
            kinds: self.kind.unwrap_or_default(),
            ..ClozeOptions::default()
        }
    }

    /// [`Self::options`], with every kind of item unless `--kind` says otherwise (study packs
    /// and decks).
    pub fn options_all_kinds(&self) -> ClozeOptions {
        ClozeOptions {
            kinds: self.kind.unwrap_or_else(Kinds::all),
            ..self.options()
        }
    }

    /// The seed: a number, a new random one, or derived from the texts.
    pub fn seed(&self) -> Seed {
        match self.seed {
            None => Seed::FromText,
            Some(SeedArg::Number(n)) => Seed::Fixed(n),
            Some(SeedArg::Random) => Seed::Fixed(rand::random()),
        }
    }
}
