//! Reads text on stdin and prints one sentence per line (inner line breaks become spaces).
//!
//! For the official scorer:
//! `python3 ../shared/tools/sbd/score_sbd.py --cmd "$CARGO_TARGET_DIR/debug/examples/segment"`

use std::io::{self, BufWriter, Read, Write};

use kernsatz::segment::split_sentences;

fn main() -> io::Result<()> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for range in split_sentences(&text) {
        let sentence = &text[range];
        let mut first = true;
        for part in sentence.split(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']) {
            if !first {
                out.write_all(b" ")?;
            }
            out.write_all(part.as_bytes())?;
            first = false;
        }
        out.write_all(b"\n")?;
    }
    match out.flush() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
