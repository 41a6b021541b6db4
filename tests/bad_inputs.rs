//! The binary on bad and extreme inputs: clear messages, the documented exit codes (0 done,
//! 1 some records/files failed, 2 usage or input error) and never a panic.
//! `docs/robustness.md` lists the same cases as a table; keep the two in step.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use tempfile::TempDir;

// The seed article is a real input with boilerplate.
use common::{BIN, SEED_TEXT, kernsatz};

/// Run, check the exit code, check that nothing panicked; returns (stdout, stderr).
fn run(cmd: &mut Command, code: i32) -> (String, String) {
    let out = cmd.output().expect("kernsatz runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(code),
        "exit status {:?}{}\nstderr: {stderr}\nstdout: {}",
        out.status,
        if out.status.code().is_none() {
            " (killed: over the time limit?)"
        } else {
            ""
        },
        stdout.chars().take(500).collect::<String>()
    );
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "panic: {stderr}");
    (stdout, stderr)
}

/// A guard against hangs: `release_secs` in release builds, ten times that in debug builds, whose
/// unoptimised dependencies (stemmer, Unicode tables) are about that much slower.
fn limit(release_secs: u64) -> Duration {
    Duration::from_secs(if cfg!(debug_assertions) {
        10 * release_secs
    } else {
        release_secs
    })
}

fn write(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// A short, valid German article.
const ARTICLE: &str = "Berlin – Die Regierung plant neue Regeln für Lieferketten. \
    Unternehmen sollen ihre Lieferketten prüfen und Risiken melden. \
    Die Größe der Betriebe spielt dabei keine Rolle. Kritiker halten die Pläne für zu streng.\n";

#[test]
fn empty_file_is_an_input_error() {
    let dir = TempDir::new().unwrap();
    let p = write(&dir, "empty.txt", b"");
    let (out, err) = run(kernsatz().arg("summarize").arg(&p), 2);
    assert!(out.is_empty());
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
}

#[test]
fn whitespace_only_is_an_input_error() {
    let dir = TempDir::new().unwrap();
    let p = write(&dir, "blank.txt", b" \n\t\r\n\n   \n");
    let (_, err) = run(kernsatz().arg("summarize").arg(&p), 2);
    assert!(
        err.contains("blank.txt") && err.contains("whitespace"),
        "{err}"
    );
    // the same from standard input
    let (_, err) = run(kernsatz().arg("summarize").write_stdin("  \n \n"), 2);
    assert!(err.contains("<stdin>"), "{err}");
}

#[test]
fn binary_with_nul_bytes_is_rejected_with_offset() {
    let dir = TempDir::new().unwrap();
    let mut bytes = b"PK\x03\x04".to_vec();
    bytes.extend_from_slice(b"\x14\x00\x00\x00\x08\x00binary junk");
    let p = write(&dir, "archive.zip", &bytes);
    for cmd in ["summarize", "segment"] {
        let (out, err) = run(kernsatz().arg(cmd).arg(&p), 2);
        assert!(out.is_empty());
        assert!(
            err.contains("archive.zip") && err.contains("binary") && err.contains("byte 5"),
            "{err}"
        );
    }
}

#[test]
fn invalid_utf8_names_file_and_byte_offset() {
    let dir = TempDir::new().unwrap();
    // valid text, then bytes that are neither UTF-8 nor typical Latin-1 letters
    let mut bytes = ARTICLE.as_bytes().to_vec();
    let offset = bytes.len();
    bytes.extend_from_slice(b"\xFF\xFE\x80 Ende.");
    let p = write(&dir, "broken.txt", &bytes);
    let (_, err) = run(kernsatz().arg("summarize").arg(&p), 2);
    assert!(
        err.contains("broken.txt") && err.contains(&format!("byte {offset}")),
        "{err}"
    );
    assert!(err.contains("UTF-8"), "{err}");
}

#[test]
fn utf16_with_bom_is_decoded() {
    let dir = TempDir::new().unwrap();
    let mut le = vec![0xFF, 0xFE];
    le.extend(ARTICLE.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(ARTICLE.encode_utf16().flat_map(u16::to_be_bytes));
    let plain = run(
        kernsatz()
            .args(["summarize", "-n", "2"])
            .write_stdin(ARTICLE),
        0,
    )
    .0;
    assert_eq!(plain.lines().count(), 2);
    for (name, bytes) in [("le.txt", le), ("be.txt", be)] {
        let p = write(&dir, name, &bytes);
        let (out, _) = run(kernsatz().args(["summarize", "-n", "2"]).arg(&p), 0);
        assert_eq!(out, plain, "{name}");
        assert!(out.contains("Lieferketten"));
    }
}

#[test]
fn latin1_needs_encoding_flag_and_then_works() {
    let dir = TempDir::new().unwrap();
    let latin1: Vec<u8> = ARTICLE
        .chars()
        .map(|c| match c {
            '–' => 0x96, // Windows-1252 en dash
            c => u8::try_from(u32::from(c)).expect("Latin-1 character"),
        })
        .collect();
    let p = write(&dir, "latin1.txt", &latin1);
    let (out, err) = run(kernsatz().arg("summarize").arg(&p), 2);
    assert!(out.is_empty());
    assert!(
        err.contains("latin1.txt") && err.contains("--encoding latin1"),
        "{err}"
    );
    let (out, _) = run(
        kernsatz()
            .args(["summarize", "-n", "4", "--encoding", "latin1"])
            .arg(&p),
        0,
    );
    assert!(out.contains("Größe") && out.contains("prüfen"), "{out}");
}

/// Generate `bytes` of German-looking words separated by single spaces, without any punctuation:
/// function words as in running text plus a large, skewed vocabulary (so the line has many
/// distinct words, as a real concatenated text would). Deterministic.
fn long_line(bytes: usize) -> String {
    const STOP: &[&str] = &[
        "der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich",
    ];
    const SYL: &[&str] = &[
        "ver", "ge", "be", "an", "haus", "markt", "wirt", "schaft", "lie", "fer", "ket", "ten",
        "re", "gie", "rung", "sich", "er", "heit", "po", "li", "tik", "land", "stadt", "bau",
        "werk", "zeit", "ung", "keit", "lich", "isch", "ab", "aus", "ein", "vor", "nach", "über",
        "straße", "größe", "kraft", "feld",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        // xorshift64*
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let mut s = String::with_capacity(bytes + 32);
    while s.len() < bytes {
        if !s.is_empty() {
            s.push(' ');
        }
        let r = next();
        if r % 10 < 3 {
            s.push_str(STOP[(r >> 8) as usize % STOP.len()]);
            continue;
        }
        // 1–4 syllables, shorter words more often; nouns capitalised
        let n = [1, 2, 2, 3, 3, 3, 4, 4][(r >> 8) as usize % 8];
        let start = s.len();
        for k in 0..n {
            s.push_str(SYL[(r >> (16 + 6 * k)) as usize % SYL.len()]);
        }
        if r % 10 < 6 {
            let first = s[start..].chars().next().unwrap();
            let upper: String = first.to_uppercase().collect();
            s.replace_range(start..start + first.len_utf8(), &upper);
        }
    }
    s
}

/// A 50 MB line without punctuation must finish and come back as one sentence.
/// Debug builds are far too slow for 50 MB (unoptimised stemming), so this runs in release only:
/// `cargo test --release --test bad_inputs` (see docs/robustness.md).
#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "release only: cargo test --release --test bad_inputs"
)]
fn fifty_megabyte_line_without_punctuation_finishes() {
    let dir = TempDir::new().unwrap();
    let line = long_line(50 * 1024 * 1024);
    let p = write(&dir, "long.txt", line.as_bytes());
    let t = Instant::now();
    let (out, _) = run(kernsatz().arg("summarize").arg(&p).timeout(limit(120)), 0);
    eprintln!("50 MB line: {:.1} s", t.elapsed().as_secs_f64());
    // one sentence: the summary is the whole line
    assert_eq!(out.len(), line.len() + 1);
    assert!(out == format!("{line}\n"), "summary differs from the line");
}

/// A 1 MB line without punctuation is one sentence and must finish (in every build; the 50 MB
/// version runs in release builds only).
#[test]
fn one_megabyte_line_without_punctuation_finishes() {
    let dir = TempDir::new().unwrap();
    let line = long_line(1024 * 1024);
    let p = write(&dir, "long.txt", line.as_bytes());
    let t = Instant::now();
    let (out, _) = run(kernsatz().arg("summarize").arg(&p).timeout(limit(10)), 0);
    eprintln!("1 MB line: {:.1} s", t.elapsed().as_secs_f64());
    assert!(out == format!("{line}\n"), "summary differs from the line");
}

#[test]
fn a_million_one_word_sentences() {
    let dir = TempDir::new().unwrap();
    const WORDS: &[&str] = &[
        "Haus.",
        "Markt.",
        "Regierung.",
        "Größe.",
        "Japan.",
        "Straße.",
    ];
    let mut text = String::with_capacity(10_000_000);
    for i in 0..1_000_000 {
        text.push_str(WORDS[i % WORDS.len()]);
        text.push(if i % 1000 == 999 { '\n' } else { ' ' });
    }
    let p = write(&dir, "million.txt", text.as_bytes());
    let t = Instant::now();
    let (out, _) = run(kernsatz().arg("summarize").arg(&p).timeout(limit(30)), 0);
    eprintln!("1,000,000 sentences: {:.1} s", t.elapsed().as_secs_f64());
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines.iter().all(|l| WORDS.contains(l)), "{lines:?}");
}

#[test]
fn broken_jsonl_line_fails_alone() {
    let dir = TempDir::new().unwrap();
    let good = |id: &str| serde_json::json!({"id": id, "text": ARTICLE}).to_string();
    let mut input = Vec::new();
    input.extend_from_slice(format!("{}\n", good("a")).as_bytes());
    input.extend_from_slice(b"{\"id\": \"b\", \"text\": \"unterminated\n");
    input.extend_from_slice(format!("{}\n", good("c")).as_bytes());
    input.extend_from_slice(b"{\"id\": \"d\", \"body\": \"no text field\"}\n");
    input.extend_from_slice(b"{\"id\": \"e\", \"text\": 42}\n");
    input.extend_from_slice(b"{\"id\": \"f\", \"text\": \"Gr\xF6\xDFe\"}\n");
    input.extend_from_slice(format!("{}\n", good("g")).as_bytes());
    let p = write(&dir, "in.jsonl", &input);
    let (out, err) = run(kernsatz().args(["summarize", "--jsonl"]).arg(&p), 1);
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect();
    assert_eq!(records.len(), 7, "one output line per input line: {out}");
    let ids: Vec<String> = records.iter().map(|r| r["id"].to_string()).collect();
    // a record without a parsable id is named by its line number
    assert_eq!(
        ids,
        [r#""a""#, "2", r#""c""#, r#""d""#, r#""e""#, "6", r#""g""#]
    );
    for (i, r) in records.iter().enumerate() {
        let ok = matches!(i, 0 | 2 | 6);
        assert_eq!(r.get("summary").is_some(), ok, "{r}");
        assert_eq!(r.get("error").is_some(), !ok, "{r}");
    }
    let e = |i: usize| records[i]["error"].as_str().unwrap().to_owned();
    assert!(
        e(1).contains("line 2") && e(1).contains("invalid JSON"),
        "{}",
        e(1)
    );
    assert!(e(3).contains("no \"text\""), "{}", e(3));
    assert!(e(4).contains("not a string"), "{}", e(4));
    assert!(
        e(5).contains("line 6") && e(5).contains("UTF-8"),
        "{}",
        e(5)
    );
    assert!(err.contains("4 of 7 documents failed"), "{err}");
}

#[test]
fn missing_file_is_named() {
    let dir = TempDir::new().unwrap();
    let p = dir.path().join("no-such-article.txt");
    for args in [
        &["summarize"][..],
        &["segment"],
        &["summarize", "--jsonl"],
        &["idf", "build", "-o", "/dev/null"],
    ] {
        let (_, err) = run(kernsatz().args(args).arg(&p), 2);
        assert!(err.contains("no-such-article.txt"), "{args:?}: {err}");
    }
}

#[test]
fn unwritable_idf_output_is_an_error() {
    let dir = TempDir::new().unwrap();
    let p = write(&dir, "a.txt", ARTICLE.as_bytes());
    let (_, err) = run(
        kernsatz()
            .args(["idf", "build", "-o", "/nonexistent/x"])
            .arg(&p),
        2,
    );
    assert!(err.contains("/nonexistent/x"), "{err}");
    assert!(!Path::new("/nonexistent").exists());
}

#[test]
fn existing_output_needs_force() {
    let dir = TempDir::new().unwrap();
    let input = write(&dir, "a.txt", ARTICLE.as_bytes());
    let out = write(&dir, "out.idf", b"precious\n");
    let (_, err) = run(
        kernsatz()
            .args(["idf", "build", "--min-df", "1", "-o"])
            .arg(&out)
            .arg(&input),
        2,
    );
    assert!(err.contains("out.idf") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), b"precious\n");

    let table = dir.path().join("t.idf");
    run(
        kernsatz()
            .args(["idf", "build", "--min-df", "1", "-o"])
            .arg(&table)
            .arg(&input),
        0,
    );
    let (_, err) = run(
        kernsatz()
            .args(["idf", "merge", "-o"])
            .arg(&out)
            .arg(&table)
            .arg(&table),
        2,
    );
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), b"precious\n");
    // nothing left behind
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
    // with --force it is replaced
    run(
        kernsatz()
            .args(["idf", "build", "--min-df", "1", "--force", "-o"])
            .arg(&out)
            .arg(&input),
        0,
    );
    assert!(std::fs::read_to_string(&out).unwrap().contains("# docs: 1"));
}

/// Spawn kernsatz with its stdout on a pipe, read one line, close the pipe while kernsatz is still
/// writing: it must exit 0 without a word on stderr (not die of SIGPIPE, not panic).
fn closes_quietly(args: &[&str], input: &Path) {
    let mut child = std::process::Command::new(BIN)
        .args(args)
        .arg(input)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(!first.trim().is_empty());
    drop(stdout); // like `| head -1`
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(
        status.code(),
        Some(0),
        "{args:?}: {status:?}, stderr: {stderr}"
    );
    assert!(stderr.is_empty(), "{args:?}: stderr: {stderr}");
}

#[test]
fn closed_stdout_exits_quietly() {
    let dir = TempDir::new().unwrap();
    // several MB of output, far more than a pipe buffer
    let record = serde_json::json!({"id": "x", "text": SEED_TEXT}).to_string();
    let jsonl: String = (0..3000).map(|_| format!("{record}\n")).collect();
    let big = write(&dir, "big.jsonl", jsonl.as_bytes());
    closes_quietly(&["summarize", "--jsonl"], &big);
    let text: String = (0..200).map(|_| SEED_TEXT).collect::<Vec<_>>().join("\n\n");
    let long = write(&dir, "long.txt", text.as_bytes());
    closes_quietly(&["segment", "--raw"], &long);
    closes_quietly(&["segment"], &long);
    let files: Vec<PathBuf> = (0..300)
        .map(|i| write(&dir, &format!("{i:03}.txt"), SEED_TEXT.as_bytes()))
        .collect();
    let mut args = vec!["summarize", "--explain"];
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    args.extend(names.iter().map(String::as_str));
    closes_quietly(&args, &files[0]);
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    let dir = TempDir::new().unwrap();
    let p = write(&dir, "a.txt", ARTICLE.as_bytes());
    for (args, needle) in [
        (
            &["summarize", "--encoding", "ebcdic"][..],
            "unknown encoding",
        ),
        (&["summarize", "-n", "0"], "at least 1"),
        (&["summarize", "--ratio", "1.5"], "--ratio"),
        (&["summarize", "--idf"], "IDF table"),
    ] {
        let (_, err) = run(kernsatz().args(args).arg(&p), 2);
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    // a directory is searched for articles (here: a.txt)
    let (out, _) = run(kernsatz().arg("summarize").arg(dir.path()), 0);
    assert!(
        out.contains("a.txt") && out.contains("Lieferketten"),
        "{out}"
    );
    // a directory without articles
    let empty_dir = TempDir::new().unwrap();
    let (_, err) = run(kernsatz().arg("summarize").arg(empty_dir.path()), 2);
    assert!(err.contains("no articles"), "{err}");
    // only boilerplate: no article sentences
    let (_, err) = run(
        kernsatz()
            .arg("summarize")
            .write_stdin("Foto: dpa\nNewsletter abonnieren\n"),
        2,
    );
    assert!(err.contains("no article sentences"), "{err}");
}

#[test]
fn one_bad_file_among_several_fails_alone() {
    let dir = TempDir::new().unwrap();
    let good = write(&dir, "good.txt", ARTICLE.as_bytes());
    let empty = write(&dir, "empty.txt", b"");
    let (out, err) = run(
        kernsatz()
            .args(["summarize", "-n", "1"])
            .arg(&good)
            .arg(&empty)
            .arg(&good),
        1,
    );
    assert_eq!(out.matches("==> ").count(), 2, "{out}");
    assert!(
        err.contains("empty.txt") && err.contains("1 of 3 documents failed"),
        "{err}"
    );
}

#[test]
fn cr_only_line_endings_are_line_breaks() {
    // old Mac files and some exports end lines with CR only: the date and time lines of the
    // seed's header are boilerplate there too, never summary sentences
    let cr = SEED_TEXT.replace("\r\n", "\n").replace('\n', "\r");
    let (cr_out, _) = run(kernsatz().args(["summarize", "-n", "5"]).write_stdin(cr), 0);
    let (lf_out, _) = run(
        kernsatz()
            .args(["summarize", "-n", "5"])
            .write_stdin(SEED_TEXT),
        0,
    );
    assert_eq!(cr_out, lf_out);
    assert!(!cr_out.contains("22.01.2022"), "{cr_out}");
}
