//! `--idf` reaches every command that scores sentences or words: a table in which the seed
//! article's own words are common changes what each command picks.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

const SEED: &str = "examples/japan-usa-wirtschaftssicherheit.txt";

/// Run kernsatz with `args`; standard input holds ten answers (for `quiz`: option *a* or the
/// typed word "a"; not an invalid letter, which the quiz asks again for, so that every item is
/// shown).
fn run(args: &[&str]) -> Vec<u8> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kernsatz"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // a command that reads no input may have exited already
    let _ = stdin.write_all("a\n".repeat(10).as_bytes());
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A table built from three copies of the seed and one unrelated sentence: the seed's key
/// words get a low IDF, function-like words of the other text a high one.
fn skewed_table(dir: &Path) -> String {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for i in 0..3 {
        std::fs::copy(SEED, corpus.join(format!("seed{i}.txt"))).unwrap();
    }
    std::fs::write(
        corpus.join("other.txt"),
        "Das Wetter ist heute schön, und der Himmel über der Stadt ist blau.",
    )
    .unwrap();
    let table = dir.join("skewed.idf");
    let (c, t) = (corpus.to_str().unwrap(), table.to_str().unwrap());
    run(&["idf", "build", c, "-o", t, "--min-df", "1"]);
    t.to_owned()
}

#[test]
fn every_scoring_command_honours_idf() {
    let dir = tempfile::tempdir().unwrap();
    let table = skewed_table(dir.path());
    let cases: [&[&str]; 5] = [
        &["summarize", "-n", "3", "--format", "json", SEED],
        &["vocab", "--all", "--format", "json", SEED],
        &["cloze", "--format", "json", "--seed", "3", SEED],
        &["study", "--format", "json", "--seed", "3", SEED],
        // the quiz's vocabulary items follow the ranking (the seed's drills are the same
        // with both tables: its article and ending phrases do not depend on the scores)
        &["quiz", "--seed", "3", "--items", "10", SEED],
    ];
    for args in cases {
        let embedded = run(args);
        let mut with = args.to_vec();
        with.insert(1, "--idf");
        with.insert(2, &table);
        assert_ne!(embedded, run(&with), "--idf changed nothing in {args:?}");
    }
    // deck writes a file: compare the files
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    run(&["deck", "-o", a, SEED]);
    run(&["deck", "--idf", &table, "-o", b, SEED]);
    assert_ne!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
}
