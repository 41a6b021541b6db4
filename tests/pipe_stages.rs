//! Every batch command is a pipe stage (issue 18): JSONL on stdin, JSONL on stdout, one output
//! line per input record with its id, in input order, nothing on stderr when every record
//! works, no file written. This is what a Spark `pipe` step (examples/spark/) relies on. And the
//! counts of `idf count` over parts of a corpus, added up, give `idf build --from-counts` the
//! table that `idf build` makes of the whole corpus, byte for byte.

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

use common::{BIN, SEED_TEXT, fixture};

/// The seed and the article fixtures: real German news texts.
fn texts() -> Vec<String> {
    let mut texts = vec![SEED_TEXT.to_owned()];
    let mut files: Vec<_> = std::fs::read_dir(fixture("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    texts.extend(files.iter().map(|p| std::fs::read_to_string(p).unwrap()));
    texts
}

/// `n` records cycling through [`texts`], with ids of both kinds (strings and numbers) and a
/// `ß`/`ss` pair so that counts fold them.
fn corpus(n: usize) -> Vec<Value> {
    let texts = texts();
    (0..n)
        .map(|i| {
            let mut text = texts[i % texts.len()].clone();
            if i % 3 == 0 {
                text.push_str(if i % 2 == 0 {
                    "\n\nDie Straße ist gesperrt, sagte der Sprecher."
                } else {
                    "\n\nDie Strasse ist gesperrt, sagte der Sprecher."
                });
            }
            let id = if i % 2 == 0 {
                json!(format!("art-{i:04}"))
            } else {
                json!(i)
            };
            json!({"id": id, "text": text})
        })
        .collect()
}

fn jsonl(records: &[Value]) -> String {
    records.iter().map(|r| format!("{r}\n")).collect()
}

/// Run kernsatz in an empty directory with `stdin` on its standard input.
fn stage(args: &[&str], stdin: &str, cwd: &Path) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_owned();
    // written from another thread: kernsatz writes output while it still reads
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        input.write_all(stdin.as_bytes()).unwrap();
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// Checks the contract for a stage whose every record works; returns the output lines.
fn passes_as_stage(args: &[&str], records: &[Value]) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let out = stage(args, &jsonl(records), dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {:?} {stderr}", out.status);
    assert_eq!(stderr, "", "{args:?}: nothing on stderr");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "{args:?} wrote files: {left:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.ends_with('\n'), "{args:?}: lines end in \\n");
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{args:?}: {e}: {l}")))
        .collect();
    assert_eq!(lines.len(), records.len(), "{args:?}: one line per record");
    for (line, rec) in lines.iter().zip(records) {
        assert_eq!(line["id"], rec["id"], "{args:?}: ids in input order");
        assert!(line.get("error").is_none(), "{args:?}: {line}");
    }
    lines
}

/// A failing record is a `{"id","error"}` line in its place; the others are unaffected, and the
/// exit code (1) says that some failed.
fn reports_failures_in_place(args: &[&str], records: &[Value]) {
    let mut with_bad = records.to_vec();
    with_bad.insert(1, json!({"id": "no-text"}));
    with_bad.insert(3, json!({"id": "empty", "text": "   "}));
    let dir = tempfile::tempdir().unwrap();
    let out = stage(args, &jsonl(&with_bad), dir.path());
    assert_eq!(out.status.code(), Some(1), "{args:?}");
    let good = stage(args, &jsonl(records), dir.path());
    let good: Vec<&str> = std::str::from_utf8(&good.stdout).unwrap().lines().collect();
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), with_bad.len(), "{args:?}");
    for (i, id) in [(1, "no-text"), (3, "empty")] {
        let v: Value = serde_json::from_str(lines[i]).unwrap();
        assert_eq!(v["id"], id, "{args:?}");
        assert!(v["error"].is_string(), "{args:?}: {v}");
    }
    let rest: Vec<&str> = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 1 && *i != 3)
        .map(|(_, l)| *l)
        .collect();
    assert_eq!(rest, good, "{args:?}");
}

#[test]
fn summarize_jsonl_is_a_pipe_stage() {
    // more records than a window (256): order holds across windows
    let records = corpus(300);
    let lines = passes_as_stage(&["summarize", "--jsonl"], &records);
    for l in &lines {
        assert!(l["summary"].is_string() && l["sentences"].is_array(), "{l}");
    }
    // the same as the file read in one process
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("corpus.jsonl");
    std::fs::write(&file, jsonl(&records[..20])).unwrap();
    let from_file = Command::new(BIN)
        .args(["summarize", "--jsonl"])
        .arg(&file)
        .output()
        .unwrap();
    let piped = stage(
        &["summarize", "--jsonl"],
        &jsonl(&records[..20]),
        dir.path(),
    );
    assert_eq!(from_file.stdout, piped.stdout);
    reports_failures_in_place(&["summarize", "--jsonl"], &records[..6]);
}

#[test]
fn segment_jsonl_is_a_pipe_stage() {
    let records = corpus(30);
    for raw in [false, true] {
        let args: &[&str] = if raw {
            &["segment", "--jsonl", "--raw"]
        } else {
            &["segment", "--jsonl"]
        };
        let lines = passes_as_stage(args, &records);
        for (l, rec) in lines.iter().zip(&records) {
            let text = rec["text"].as_str().unwrap();
            let sentences = l["sentences"].as_array().unwrap();
            assert!(!sentences.is_empty(), "{l}");
            let mut last = 0;
            for s in sentences {
                let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
                let (start, end) = (start as usize, end as usize);
                assert!(last <= start && start < end, "{s}");
                // byte offsets into the record's text
                assert_eq!(&text[start..end], s["text"].as_str().unwrap());
                last = end;
            }
        }
        // the same sentences as the plain command prints, one per line
        let dir = tempfile::tempdir().unwrap();
        let plain_args: &[&str] = if raw {
            &["segment", "--raw"]
        } else {
            &["segment"]
        };
        let plain = stage(plain_args, records[1]["text"].as_str().unwrap(), dir.path());
        let plain = String::from_utf8(plain.stdout).unwrap();
        let joined: Vec<String> = lines[1]["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                let t = s["text"].as_str().unwrap();
                t.split_whitespace().collect::<Vec<_>>().join(" ")
            })
            .collect();
        assert_eq!(plain.lines().collect::<Vec<_>>(), joined, "raw: {raw}");
    }
    reports_failures_in_place(&["segment", "--jsonl"], &records[..6]);
}

/// Vocabulary per article, as the Spark job uses it (`vocab --per-article --format json`, one
/// `{"id","entries"}` line per record).
#[test]
fn vocab_per_article_is_a_pipe_stage() {
    let records = corpus(30);
    let args = ["vocab", "--per-article", "--format", "json"];
    let lines = passes_as_stage(&args, &records);
    for l in &lines {
        assert!(l["entries"].is_array(), "{l}");
    }
    reports_failures_in_place(&args, &records[..6]);
}

/// The lines of `idf count` as (key, count): the word, or `None` for the document count.
fn counts(stdout: &[u8]) -> Vec<(Option<String>, u64)> {
    std::str::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            match (v.get("word"), v.get("df"), v.get("docs")) {
                (Some(w), Some(n), None) => {
                    (Some(w.as_str().unwrap().to_owned()), n.as_u64().unwrap())
                }
                (None, None, Some(n)) => (None, n.as_u64().unwrap()),
                _ => panic!("not a count line: {l}"),
            }
        })
        .collect()
}

#[test]
fn idf_count_is_a_pipe_stage() {
    let dir = tempfile::tempdir().unwrap();
    let records = corpus(12);
    let out = stage(&["idf", "count"], &jsonl(&records), dir.path());
    assert!(out.status.success());
    assert_eq!(out.stderr, b"");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    let c = counts(&out.stdout);
    // the document count first, then the words in byte order, each once, ß folded to ss
    assert_eq!(c[0], (None, 12));
    let words: Vec<&str> = c[1..].iter().map(|(w, _)| w.as_deref().unwrap()).collect();
    assert!(words.windows(2).all(|w| w[0] < w[1]), "sorted, distinct");
    assert!(c[1..].iter().all(|(_, n)| (1..=12).contains(n)));
    let strasse = c.iter().find(|(w, _)| w.as_deref() == Some("strasse"));
    assert_eq!(
        strasse.map(|x| x.1),
        Some(4),
        "Straße and Strasse count as one"
    );
    assert!(!words.contains(&"straße"));
    // an empty part (an empty Spark partition) counts no documents, and that is no error
    let out = stage(&["idf", "count"], "", dir.path());
    assert!(out.status.success());
    assert_eq!(out.stdout, b"{\"docs\":0}\n");
    assert_eq!(out.stderr, b"");
    // a record without text is reported and skipped, as `idf build` skips it
    let bad = format!("{}{{\"id\":\"x\"}}\n", jsonl(&records[..2]));
    let out = stage(&["idf", "count"], &bad, dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(counts(&out.stdout)[0], (None, 2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("skipped"));
}

#[test]
fn idf_counts_of_parts_added_up_build_the_whole_corpus_table() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let records = corpus(40);
    std::fs::write(d.join("corpus.jsonl"), jsonl(&records)).unwrap();
    // parts of uneven size, records not in corpus order, and an empty part
    let mut parts: Vec<Vec<Value>> = vec![Vec::new(); 4];
    for (i, r) in records.iter().enumerate() {
        parts[[0, 0, 1, 2, 0, 2][i % 6]].push(r.clone());
    }
    let mut all_lines = String::new();
    let mut sum: HashMap<Option<String>, u64> = HashMap::new();
    for p in &parts {
        let out = stage(&["idf", "count"], &jsonl(p), d);
        assert!(out.status.success());
        all_lines.push_str(std::str::from_utf8(&out.stdout).unwrap());
        for (k, n) in counts(&out.stdout) {
            *sum.entry(k).or_insert(0) += n;
        }
    }
    // added up by key (reduceByKey), in no particular order
    let mut reduced = String::new();
    for (k, n) in &sum {
        let line = match k {
            Some(w) => json!({"word": w, "df": n}),
            None => json!({"docs": n}),
        };
        reduced.push_str(&format!("{line}\n"));
    }
    std::fs::write(d.join("reduced.counts"), &reduced).unwrap();
    for min_df in ["1", "2", "3"] {
        let whole = d.join(format!("whole-{min_df}.idf"));
        let ok = Command::new(BIN)
            .args(["idf", "build", "--min-df", min_df, "-o"])
            .arg(&whole)
            .arg(d.join("corpus.jsonl"))
            .output()
            .unwrap();
        assert!(ok.status.success());
        let whole = std::fs::read(&whole).unwrap();
        // from the reduced counts in a file
        let from_file = d.join(format!("reduced-{min_df}.idf"));
        let ok = Command::new(BIN)
            .args(["idf", "build", "--min-df", min_df, "--from-counts"])
            .arg(d.join("reduced.counts"))
            .arg("-o")
            .arg(&from_file)
            .output()
            .unwrap();
        assert!(
            ok.status.success(),
            "{}",
            String::from_utf8_lossy(&ok.stderr)
        );
        assert_eq!(std::fs::read(&from_file).unwrap(), whole, "min-df {min_df}");
        // from the parts' lines as they are, on stdin: they add up too
        let from_stdin = d.join(format!("stdin-{min_df}.idf"));
        let out = stage(
            &[
                "idf",
                "build",
                "--min-df",
                min_df,
                "--from-counts",
                "-",
                "-o",
                from_stdin.to_str().unwrap(),
            ],
            &all_lines,
            d,
        );
        assert!(out.status.success());
        assert_eq!(
            std::fs::read(&from_stdin).unwrap(),
            whole,
            "min-df {min_df}"
        );
    }
}

/// Runs `idf build --from-counts -` on `counts`; the exit code and stderr.
fn from_counts(counts: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = stage(
        &["idf", "build", "--from-counts", "-", "-o", "t.idf"],
        counts,
        dir.path(),
    );
    if !out.status.success() {
        assert!(!dir.path().join("t.idf").exists());
    }
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn bad_counts_are_errors() {
    let max = u64::MAX;
    let (code, err) = from_counts("{\"docs\":2}\n{\"word\":\"a\",\"df\":3}\n");
    assert_eq!(code, Some(2));
    assert!(err.contains("\"a\" is counted in 3 documents"), "{err}");
    let (code, err) = from_counts(&format!("{{\"docs\":{max}}}\n{{\"docs\":1}}\n"));
    assert_eq!(code, Some(2));
    assert!(err.contains("more than 2^64 - 1"), "{err}");
    let (code, err) = from_counts(&format!(
        "{{\"docs\":{max}}}\n{{\"word\":\"a\",\"df\":{max}}}\n{{\"word\":\"a\",\"df\":1}}\n"
    ));
    assert_eq!(code, Some(2));
    assert!(err.contains("more than 2^64 - 1"), "{err}");
    let (code, err) = from_counts("{\"word\":\"a\",\"df\":1}\n");
    assert_eq!(code, Some(2));
    assert!(err.contains("no {\"docs\": N} line"), "{err}");
    for bad in [
        "{\"docs\":-1}",
        "{\"docs\":1.5}",
        "{\"word\":\"a\"}",
        "{\"word\":\"a\",\"df\":1,\"docs\":1}",
        "a\t1",
    ] {
        let (code, err) = from_counts(&format!("{{\"docs\":1}}\n{bad}\n"));
        assert_eq!(code, Some(2), "{bad}");
        assert!(err.contains("<stdin>: IDF counts line 2"), "{bad}: {err}");
    }
    let (code, err) = from_counts("{\"docs\":0}\n");
    assert_eq!(code, Some(2));
    assert!(err.contains("no documents"), "{err}");
}

#[test]
fn idf_merge_rejects_overflow_and_df_above_docs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let max = u64::MAX;
    let table = |name: &str, body: &str| {
        let p = d.join(name);
        std::fs::write(&p, format!("# kernsatz idf v1\n{body}")).unwrap();
        p
    };
    let huge = table("huge.idf", &format!("# docs: {max}\nwort\t{max}\n"));
    let small = table("small.idf", "# docs: 1\nwort\t1\n");
    let bad = table("bad.idf", "# docs: 1\nwort\t2\n");
    let half = table("half.idf", &format!("# docs: {}\nwort\t1\n", max / 2 + 1));
    let merge = |a: &Path, b: &Path| {
        let out = Command::new(BIN)
            .args(["idf", "merge", "-o"])
            .arg(d.join("out.idf"))
            .args([a, b])
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // the document counts pass u64::MAX, or a word's count does
    for (a, b) in [(&huge, &small), (&half, &half)] {
        let (code, err) = merge(a, b);
        assert_eq!(code, Some(2));
        assert!(err.contains("more than 2^64 - 1"), "{err}");
    }
    let (code, err) = merge(&small, &bad);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("bad.idf") && err.contains("\"wort\" is counted in 2 documents"),
        "{err}"
    );
    assert!(!d.join("out.idf").exists());
    let (code, _) = merge(&small, &small);
    assert_eq!(code, Some(0));
}
