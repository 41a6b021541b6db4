//! What kernsatz writes never costs the user a file: `--force` replaces regular files only,
//! batch `study` gives every record its own directory, a pack appears whole or not at all
//! (also when interrupted), and what outputs hold cannot run in a Markdown viewer or a
//! spreadsheet. Every command keeps the batch contract: a failing record is named, the others
//! are done, exit code 1.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const SEED: &str = "examples/japan-usa-wirtschaftssicherheit.txt";
const PACK: [&str; 6] = [
    "summary.md",
    "vocab.tsv",
    "vocab.md",
    "worksheet.html",
    "worksheet.md",
    "deck.apkg",
];

fn kernsatz(args: &[&str], cwd: Option<&Path>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kernsatz"));
    c.args(args).stdin(Stdio::null());
    if let Some(d) = cwd {
        c.current_dir(d);
    }
    c.output().unwrap()
}

fn seed_abs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Hidden entries (temporary files and directories) anywhere under `dir`.
fn hidden_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir).min_depth(1) {
        let e = e.unwrap();
        if e.file_name().to_string_lossy().starts_with('.') {
            out.push(e.path().to_path_buf());
        }
    }
    out
}

/// A JSONL corpus of `n` records of the seed article with the given titles (cycled).
fn corpus(dir: &Path, n: usize, titles: &[&str]) -> PathBuf {
    let text = std::fs::read_to_string(seed_abs()).unwrap();
    let mut lines = String::new();
    for i in 0..n {
        let rec = serde_json::json!({"id": format!("r{i}"), "title": titles[i % titles.len()], "text": text});
        lines.push_str(&rec.to_string());
        lines.push('\n');
    }
    let p = dir.join("corpus.jsonl");
    std::fs::write(&p, lines).unwrap();
    p
}

#[cfg(unix)]
#[test]
fn force_never_replaces_a_symlink_fifo_device_or_directory() {
    let dir = tempfile::tempdir().unwrap();
    let keep = dir.path().join("keep.txt");
    std::fs::write(&keep, "mine").unwrap();
    let link = dir.path().join("link.html");
    std::os::unix::fs::symlink(&keep, &link).unwrap();
    let fifo = dir.path().join("fifo.html");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let subdir = dir.path().join("sub.html");
    std::fs::create_dir(&subdir).unwrap();
    let seed = seed_abs();
    let seed = seed.to_str().unwrap();
    for (target, kind) in [
        (link.as_path(), "symbolic link"),
        (fifo.as_path(), "FIFO"),
        (subdir.as_path(), "directory"),
        (Path::new("/dev/null"), "device"),
    ] {
        let t = target.to_str().unwrap();
        let o = kernsatz(
            &["cloze", "--format", "html", "-o", t, "--force", seed],
            None,
        );
        assert_eq!(o.status.code(), Some(2), "{t}: {}", stderr(&o));
        assert!(stderr(&o).contains(kind), "{t}: {}", stderr(&o));
    }
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&keep).unwrap(), "mine");
    assert!(hidden_under(dir.path()).is_empty());
    // a regular file is replaced with --force
    let regular = dir.path().join("sheet.html");
    std::fs::write(&regular, "old").unwrap();
    let r = regular.to_str().unwrap();
    let o = kernsatz(
        &["cloze", "--format", "html", "-o", r, "--force", seed],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(&regular)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn batch_study_gives_every_record_its_own_directory() {
    let dir = tempfile::tempdir().unwrap();
    // four records, two titles: the second of each title gets a suffix, nothing is overwritten
    let input = corpus(dir.path(), 4, &["Japan und die USA", "Gipfel in Tokio"]);
    let out = dir.path().join("out");
    let (i, o) = (input.to_str().unwrap(), out.to_str().unwrap());
    let run = kernsatz(&["study", i, "-o", o], None);
    assert!(run.status.success(), "{}", stderr(&run));
    let mut dirs: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    assert_eq!(
        dirs,
        [
            "gipfel-in-tokio",
            "gipfel-in-tokio-2",
            "japan-und-die-usa",
            "japan-und-die-usa-2"
        ]
    );
    for d in &dirs {
        for f in PACK {
            assert!(out.join(d).join(f).is_file(), "{d}/{f}");
        }
        let summary = std::fs::read_to_string(out.join(d).join("summary.md")).unwrap();
        assert!(summary.starts_with("# "), "{summary}");
    }
    // again without --force: every pack exists, nothing is written, exit 2
    let before = std::fs::read(out.join("japan-und-die-usa/summary.md")).unwrap();
    let again = kernsatz(&["study", i, "-o", o], None);
    assert_eq!(again.status.code(), Some(2), "{}", stderr(&again));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        std::fs::read(out.join("japan-und-die-usa/summary.md")).unwrap(),
        before
    );
    assert!(hidden_under(&out).is_empty(), "{:?}", hidden_under(&out));
}

#[test]
fn a_failing_record_fails_alone_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(seed_abs()).unwrap();
    let good = serde_json::json!({"id": "gut", "text": text}).to_string();
    let jsonl = dir.path().join("mixed.jsonl");
    std::fs::write(
        &jsonl,
        format!("{good}\nnot json\n{{\"id\": \"leer\", \"text\": \"\"}}\n"),
    )
    .unwrap();
    let j = jsonl.to_str().unwrap();
    let apkg = dir.path().join("d.apkg");
    let a = apkg.to_str().unwrap();
    let cases: [&[&str]; 6] = [
        &["summarize", j],
        &["segment", j],
        &["vocab", j],
        &["cloze", j],
        &["deck", "-o", a, j],
        &["study", "-o", "packs", j],
    ];
    for args in cases {
        let o = kernsatz(args, Some(dir.path()));
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains("2 of 3 documents failed"), "{args:?}: {err}");
        assert!(
            err.contains("mixed.jsonl:2") && err.contains("invalid JSON"),
            "{args:?}: {err}"
        );
        assert!(err.contains("mixed.jsonl:leer"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    assert!(apkg.is_file());
    assert!(dir.path().join("packs/gut/deck.apkg").is_file());
}

#[cfg(unix)]
#[test]
fn an_interrupted_batch_leaves_whole_packs_and_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 400, &["Artikel"]);
    let out = dir.path().join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_kernsatz"))
        .args([
            "study",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // wait until some packs exist, then interrupt
    let start = std::time::Instant::now();
    while std::fs::read_dir(&out).map_or(0, |d| d.count()) < 3 {
        assert!(start.elapsed().as_secs() < 120, "no pack appeared");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap()
            .success()
    );
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    assert!(hidden_under(&out).is_empty(), "{:?}", hidden_under(&out));
    for d in std::fs::read_dir(&out).unwrap() {
        let d = d.unwrap().path();
        let files = std::fs::read_dir(&d).unwrap().count();
        assert_eq!(files, PACK.len(), "incomplete pack {}", d.display());
    }
}

#[test]
fn markdown_and_spreadsheet_outputs_cannot_run_what_the_article_holds() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "Die Bundesregierung plant <script>alert(1)</script> neue Zölle auf Stahl \
                [mehr](javascript:alert(2)) und <img src=x onerror=alert(3)>. \
                Die Industrie warnt vor steigenden Preisen für Stahl und fordert Ausnahmen von den Zöllen. \
                Die Zölle sollen im Herbst in Kraft treten, sagte der Wirtschaftsminister.";
    let p = dir.path().join("evil.txt");
    std::fs::write(&p, evil).unwrap();
    let o = kernsatz(
        &["study", "-o", "pack", p.to_str().unwrap()],
        Some(dir.path()),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    for f in ["summary.md", "vocab.md"] {
        let md = std::fs::read_to_string(dir.path().join("pack").join(f)).unwrap();
        // every `<` and every `]` of the article is escaped: no tag, no link
        for (i, c) in md.char_indices() {
            if c == '<' || c == ']' {
                assert!(md[..i].ends_with('\\'), "{f}: unescaped {c} at {i}: {md}");
            }
        }
    }
    let summary = std::fs::read_to_string(dir.path().join("pack/summary.md")).unwrap();
    assert!(summary.contains(r"\<script\>"), "{summary}");
    // spreadsheet cells never start with a formula character
    let tsv = std::fs::read_to_string(dir.path().join("pack/vocab.tsv")).unwrap();
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .from_reader(tsv.as_bytes());
    for rec in rdr.records() {
        for cell in rec.unwrap().iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell:?}");
        }
    }
}

#[test]
fn options_that_cannot_work_are_refused() {
    let seed = seed_abs();
    let s = seed.to_str().unwrap();
    let cases: [&[&str]; 7] = [
        &["summarize", "--position-weight", "NaN", s],
        &["summarize", "--position-weight", "inf", s],
        &["summarize", "--redundancy", "-1", s],
        &["summarize", "--jsonl", "--format", "markdown", s],
        &["summarize", "--jsonl", "--explain", s],
        &["cloze", "--choices", "1000", s],
        &["study", "--format", "json", "-o", "x", s],
    ];
    for args in cases {
        let o = kernsatz(args, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?}");
        assert!(!stderr(&o).is_empty(), "{args:?}");
    }
}

#[test]
fn closed_stdout_ends_study_json_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 50, &["A", "B"]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_kernsatz"))
        .args(["study", "--format", "json", input.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // read one line and close the pipe
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
