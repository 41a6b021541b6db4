//! The `--jsonl` record path. The binary's record parser (`src/cli/io.rs`) is not part of the
//! library, so this target repeats its steps: split lines, UTF-8 check, `serde_json` parse, take
//! the `"text"` string, summarize it, serialize the output record and check it parses back.
#![no_main]

use kernsatz::Summarizer;
use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};

fuzz_target!(|data: &[u8]| {
    let summarizer = Summarizer::default();
    for (no, line) in data.split(|&b| b == b'\n').enumerate() {
        let Ok(line) = std::str::from_utf8(line) else {
            continue;
        };
        if line.trim().is_empty() {
            continue;
        }
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let id = v.get("id").cloned().unwrap_or_else(|| Value::from(no + 1));
        let Some(Value::String(text)) = v.get("text") else {
            continue;
        };
        let out = match summarizer.summarize(text) {
            Ok(s) => json!({"id": id, "summary": s.summary, "sentences": s.sentences}),
            Err(e) => json!({"id": id, "error": e.to_string()}),
        };
        let line_out = out.to_string();
        assert!(
            !line_out.contains('\n'),
            "an output record spans several lines"
        );
        let back: Value = serde_json::from_str(&line_out).expect("output record parses");
        assert_eq!(back["id"], id);
        if let Some(summary) = back.get("summary") {
            let summary = summary.as_str().expect("summary is a string");
            for s in back["sentences"].as_array().expect("sentences array") {
                let (start, end) = (
                    s["start"].as_u64().unwrap() as usize,
                    s["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(&text[start..end], s["text"].as_str().unwrap());
                assert!(summary.contains(&text[start..end]));
            }
        }
    }
});
