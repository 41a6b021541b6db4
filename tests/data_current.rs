//! The embedded data files are what their generator scripts make today.
//!
//! Needs the data venv: `KERNSATZ_DATA_PY=$(bash scripts/setup-data-venv.sh | tail -1)`.
//! Without it the test fails and says so, unless `KERNSATZ_SKIP_DATA_CHECK=1` is set.

use std::process::Command;

fn data_python() -> Option<String> {
    match std::env::var("KERNSATZ_DATA_PY") {
        Ok(py) if !py.is_empty() => Some(py),
        _ if std::env::var("KERNSATZ_SKIP_DATA_CHECK").as_deref() == Ok("1") => None,
        _ => panic!(
            "set KERNSATZ_DATA_PY to the python of the data venv: \
             KERNSATZ_DATA_PY=$(bash scripts/setup-data-venv.sh | tail -1) \
             (or KERNSATZ_SKIP_DATA_CHECK=1 to skip this check)"
        ),
    }
}

#[test]
fn idf_table_is_current() {
    let Some(py) = data_python() else { return };
    let out = Command::new(py)
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/gen_idf.py"))
        .output()
        .expect("run scripts/gen_idf.py");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let committed = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/idf/de-wordfreq.idf"
    ))
    .unwrap();
    assert!(
        out.stdout == committed,
        "data/idf/de-wordfreq.idf is stale: regenerate it with scripts/gen_idf.py (see data/idf/README.md)"
    );
}
