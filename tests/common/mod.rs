//! What the integration tests share: the kernsatz binary, the seed article, the fixtures and
//! the official Anki importer. A test file includes it with `mod common;` and uses a part of it.

// Every test file is its own crate; the parts one of them does not use are not dead code.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use serde_json::Value;

/// The kernsatz binary cargo built for the tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_kernsatz");

/// The seed article (Handelsblatt, 22.01.2022), relative to the project root, which is the
/// working directory of `cargo test`.
pub const SEED: &str = "examples/japan-usa-wirtschaftssicherheit.txt";

/// The text of [`SEED`].
pub const SEED_TEXT: &str = include_str!("../../examples/japan-usa-wirtschaftssicherheit.txt");

/// A command running the kernsatz binary.
pub fn kernsatz() -> assert_cmd::Command {
    assert_cmd::Command::new(BIN)
}

/// The project root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A file or folder under `tests/fixtures/`, e.g. `fixture("articles")`.
pub fn fixture(path: &str) -> PathBuf {
    root().join("tests/fixtures").join(path)
}

/// True when the official Anki importer is to be skipped (`KERNSATZ_SKIP_ANKI=1` and no
/// `KERNSATZ_ANKI_PY`): tests that only check imports return early.
pub fn anki_skipped() -> bool {
    let have_py = std::env::var("KERNSATZ_ANKI_PY").is_ok_and(|p| !p.trim().is_empty());
    !have_py && std::env::var("KERNSATZ_SKIP_ANKI").as_deref() == Ok("1")
}

/// Imports `file` (an `.apkg` or an Anki text-import file) into a fresh collection with the
/// official Anki library (`tests/anki/validate_anki.py` on PyPI `anki`), then `then` into the
/// same collection if given, and returns the validator's JSON report, with every note under
/// `sample_notes`. `keep` receives a copy of the collection folder.
///
/// Asserts that Anki imported everything without an error. Needs `KERNSATZ_ANKI_PY`, the python
/// of the venv made by `scripts/setup-anki-venv.sh` (`scripts/test.sh` sets it); without it this
/// panics with instructions, unless `KERNSATZ_SKIP_ANKI=1` says to skip the import: then it
/// returns `None`.
pub fn anki_import(file: &Path, then: Option<&Path>, keep: Option<&Path>) -> Option<Value> {
    let py = match std::env::var("KERNSATZ_ANKI_PY") {
        Ok(py) if !py.trim().is_empty() => py,
        _ if std::env::var("KERNSATZ_SKIP_ANKI").as_deref() == Ok("1") => {
            eprintln!("KERNSATZ_SKIP_ANKI=1: the official Anki importer is not run");
            return None;
        }
        _ => panic!(
            "KERNSATZ_ANKI_PY is not set, so the official Anki importer cannot check the \
             export. Run scripts/test.sh, or set it up with\n    \
             export KERNSATZ_ANKI_PY=$(bash scripts/setup-anki-venv.sh | tail -1)\n\
             (or set KERNSATZ_SKIP_ANKI=1 to skip this check explicitly)"
        ),
    };
    let mut cmd = StdCommand::new(py);
    cmd.arg(root().join("tests/anki/validate_anki.py"))
        .arg(file)
        .args(["--samples", "all"]);
    if let Some(then) = then {
        cmd.arg("--then").arg(then);
    }
    if let Some(keep) = keep {
        cmd.arg("--keep").arg(keep);
    }
    let out = cmd.output().expect("run the Anki validator");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let report: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "validator output is not JSON ({e}); status {:?}\nstdout:\n{stdout}\nstderr:\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert!(
        out.status.success(),
        "validator exit status {:?}:\n{report:#}",
        out.status
    );
    assert_eq!(report["ok"], true, "{report:#}");
    assert_eq!(report["errors"].as_array().unwrap().len(), 0, "{report:#}");
    Some(report)
}
