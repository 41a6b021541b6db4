//! Background document frequencies: the IDF side of TF-IDF.
//!
//! A table holds a document count and, per lower-cased word form, the number of documents that
//! contain it. Tables add up: merging two tables adds their document counts and their per-word
//! counts, so a table for a corpus too large for one machine can be built in shards and merged.
//!
//! File format (UTF-8 text, the one `kernsatz idf build` writes):
//!
//! ```text
//! # kernsatz idf v1
//! # any comment lines
//! # docs: 1028
//! word<TAB>df
//! ```
//!
//! Words are sorted by their UTF-8 bytes. The embedded German table (`data/idf/de-wordfreq.idf`,
//! made by `scripts/gen_idf.py` from wordfreq, CC BY-SA 4.0) is searched in place through a hash
//! index that `build.rs` computes at compile time (`src/idf_index.rs`), so using it costs no
//! parsing at start-up and one hash plus a probe or two per word.
//!
//! IDF of a word: `ln((docs + 1) / (df + 1)) + 1` (smoothed, never below 1).

use std::collections::HashMap;
use std::io::{BufRead, Write};

#[path = "idf_index.rs"]
#[allow(dead_code)] // `build`, `slots` and `stem_code` are for build.rs only
mod index;

use crate::error::{Error, ErrorKind, Result};
use crate::tokenize::{Token, TokenKind, tokenize};

const EMBEDDED: &str = include_str!("../data/idf/de-wordfreq.idf");
/// `index::build` of the embedded table's body, made by `build.rs`.
const EMBEDDED_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/de-wordfreq.idx"));

/// A document-frequency table.
#[derive(Debug, Clone)]
pub struct IdfTable {
    docs: u64,
    words: Words,
}

#[derive(Debug, Clone)]
enum Words {
    /// The embedded table's `word\tdf` lines, searched through `EMBEDDED_INDEX`.
    Embedded(&'static str),
    Map(HashMap<String, u64>),
}

impl IdfTable {
    /// The embedded German background table.
    pub fn embedded() -> &'static IdfTable {
        static TABLE: std::sync::LazyLock<IdfTable> = std::sync::LazyLock::new(|| {
            let (docs, body) = split_header(EMBEDDED).expect("embedded IDF table has a header");
            IdfTable {
                docs,
                words: Words::Embedded(body),
            }
        });
        &TABLE
    }

    /// Number of documents the table was built from.
    pub fn docs(&self) -> u64 {
        self.docs
    }

    /// Number of documents containing the lower-cased word `lower` (0 if unknown).
    pub fn df(&self, lower: &str) -> u64 {
        let key = table_key(lower);
        match &self.words {
            Words::Embedded(body) => lookup_embedded(body, &key).map_or(0, |(df, _)| df),
            Words::Map(m) => m.get(key.as_ref()).copied().unwrap_or(0),
        }
    }

    /// Smoothed inverse document frequency of the lower-cased word `lower`.
    pub fn idf(&self, lower: &str) -> f32 {
        idf_value(self.docs, self.df(lower))
    }

    /// IDF of a token's lower-cased form. For the embedded table this reads the frequency the
    /// tokenizer looked up with the token's analysis (no table probe per token).
    pub fn token_idf(&self, token: &Token) -> f32 {
        match &self.words {
            Words::Embedded(_) if token.kind == TokenKind::Word && !token.stop => {
                idf_value(self.docs, u64::from(token.background_df))
            }
            _ => self.idf(token.lower()),
        }
    }

    /// The largest IDF the table gives (that of an unseen word).
    pub fn max_idf(&self) -> f32 {
        idf_value(self.docs, 0)
    }

    /// Read a table in the file format above.
    pub fn read(reader: impl BufRead) -> Result<IdfTable> {
        let mut b = IdfBuilder::default();
        b.merge_reader(reader)?;
        Ok(b.finish())
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        match &self.words {
            Words::Embedded(body) => body.lines().count(),
            Words::Map(m) => m.len(),
        }
    }

    /// The table has no words.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Keys are case-folded the way wordfreq folds German: `ß` becomes `ss`.
fn table_key(lower: &str) -> std::borrow::Cow<'_, str> {
    if lower.contains('ß') {
        std::borrow::Cow::Owned(lower.replace('ß', "ss"))
    } else {
        std::borrow::Cow::Borrowed(lower)
    }
}

fn idf_value(docs: u64, df: u64) -> f32 {
    (((docs as f64 + 1.0) / (df.min(docs) as f64 + 1.0)).ln() + 1.0) as f32
}

/// Split off the `#` header; returns the document count and the body.
fn split_header(text: &str) -> Result<(u64, &str)> {
    // the body is what the build script's index points into: one definition for both
    let body = index::body(text);
    let header = &text[..text.len() - body.len()];
    let mut docs = None;
    for line in header.lines() {
        if let Some(n) = line.strip_prefix("# docs:") {
            docs = Some(n.trim().parse::<u64>().map_err(|_| {
                Error::new(ErrorKind::InvalidTable(format!(
                    "bad document count in IDF header: {line:?}"
                )))
            })?);
        }
    }
    let docs = docs.ok_or_else(|| {
        Error::new(ErrorKind::InvalidTable(
            "not a kernsatz IDF table: no '# docs: N' header line".into(),
        ))
    })?;
    Ok((docs, body))
}

/// The embedded table's df of the lower-cased word `lower` (0 if unknown), and its Snowball
/// German stem appended to `stem_out` when the build script stored it (returns whether it did;
/// if not, the caller stems the word itself).
pub(crate) fn embedded_df_and_stem(lower: &str, stem_out: &mut String) -> (u64, bool) {
    // the body once: finding it scans the header, which would cost more than the look-up
    static BODY: std::sync::LazyLock<&str> = std::sync::LazyLock::new(|| index::body(EMBEDDED));
    let key = table_key(lower);
    let Some((df, code)) = lookup_embedded(&BODY, &key) else {
        return (0, false);
    };
    if code == index::NO_STEM {
        return (df, false);
    }
    let end = stem_out.len() + usize::from(code);
    for c in key.chars().map(index::fold) {
        if stem_out.len() >= end {
            break;
        }
        stem_out.push(c);
    }
    (df, true)
}

/// Look `key` up in the embedded table's body through its compile-time hash index: its df and
/// its stem code.
fn lookup_embedded(body: &str, key: &str) -> Option<(u64, u8)> {
    let slots = EMBEDDED_INDEX.len() / 4;
    let slot = |i: usize| {
        let b = &EMBEDDED_INDEX[i * 4..i * 4 + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    };
    let mut i = index::home(index::hash(key.as_bytes()), slots);
    loop {
        let s = slot(i);
        if s == 0 {
            return None;
        }
        let line = &body.as_bytes()[(s & index::OFFSET_MASK) as usize - 1..];
        if line.len() > key.len() && line[key.len()] == b'\t' && line.starts_with(key.as_bytes()) {
            let digits = &line[key.len() + 1..];
            let mut df = 0u64;
            for &d in digits.iter().take_while(|d| d.is_ascii_digit()) {
                df = df * 10 + u64::from(d - b'0');
            }
            return Some((df, (s >> index::OFFSET_BITS) as u8));
        }
        i = (i + 1) & (slots - 1);
    }
}

/// Builds a table from documents, or merges tables; counts add up.
#[derive(Debug, Default, Clone)]
pub struct IdfBuilder {
    docs: u64,
    counts: HashMap<String, u64>,
}

impl IdfBuilder {
    /// Count one document: every distinct lower-cased word in it once.
    pub fn add_document(&mut self, text: &str) {
        self.docs += 1;
        let mut seen: Vec<String> = tokenize(text)
            .into_iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| table_key(t.lower()).into_owned())
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for w in seen {
            *self.counts.entry(w).or_insert(0) += 1;
        }
    }

    /// Add a table in the file format (from a file written by [`IdfBuilder::write`]).
    pub fn merge_reader(&mut self, mut reader: impl BufRead) -> Result<()> {
        let mut text = String::new();
        reader.read_to_string(&mut text).map_err(|e| {
            Error::new(ErrorKind::InvalidTable(format!(
                "cannot read IDF table: {e}"
            )))
        })?;
        let (docs, body) = split_header(&text)?;
        self.docs += docs;
        for (i, line) in body.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let parsed = line
                .split_once('\t')
                .and_then(|(w, df)| Some((w, df.trim().parse::<u64>().ok()?)));
            let Some((word, df)) = parsed else {
                return Err(Error::new(ErrorKind::InvalidTable(format!(
                    "IDF table line {}: expected 'word<TAB>count', got {line:?}",
                    i + 1
                ))));
            };
            *self.counts.entry(table_key(word).into_owned()).or_insert(0) += df;
        }
        Ok(())
    }

    /// Add another builder's counts.
    pub fn merge(&mut self, other: IdfBuilder) {
        self.docs += other.docs;
        for (w, n) in other.counts {
            *self.counts.entry(w).or_insert(0) += n;
        }
    }

    /// Documents counted so far.
    pub fn docs(&self) -> u64 {
        self.docs
    }

    /// Write the table in the file format, words sorted; words seen in fewer than `min_df`
    /// documents are left out (they get the unseen-word IDF, which is nearly the same).
    pub fn write(&self, out: &mut dyn Write, min_df: u64) -> std::io::Result<()> {
        let mut words: Vec<(&String, &u64)> =
            self.counts.iter().filter(|(_, n)| **n >= min_df).collect();
        words.sort_unstable_by(|a, b| a.0.cmp(b.0));
        writeln!(out, "# kernsatz idf v1")?;
        writeln!(out, "# built by kernsatz {}", env!("CARGO_PKG_VERSION"))?;
        writeln!(out, "# docs: {}", self.docs)?;
        for (w, n) in words {
            writeln!(out, "{w}\t{n}")?;
        }
        Ok(())
    }

    /// The table.
    pub fn finish(self) -> IdfTable {
        IdfTable {
            docs: self.docs,
            words: Words::Map(self.counts),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_is_sorted_and_searchable() {
        let t = IdfTable::embedded();
        assert!(t.docs() >= 1_000_000);
        let (_, body) = split_header(EMBEDDED).unwrap();
        let mut prev = "";
        for line in body.lines() {
            let (w, _) = line.split_once('\t').unwrap();
            assert!(prev < w, "not sorted: {prev:?} then {w:?}");
            prev = w;
        }
        // common words weigh little, domain words much, unknown words most
        assert!(t.idf("und") < 1.01);
        assert!(t.idf("gipfel") > t.idf("und") + 3.0);
        assert!(t.idf("lieferketten") > t.idf("gipfel"));
        assert_eq!(t.idf("xyzzyquux"), t.max_idf());
        // prefixes and extensions of listed words are not hits
        assert_eq!(t.df("lieferkett"), 0);
        assert_eq!(t.df("lieferkettenx"), 0);
        assert_eq!(t.df(""), 0);
        assert!(
            t.df("größe") > 0,
            "non-ASCII keys are found, ß folded to ss"
        );
        assert_eq!(t.df("größe"), t.df("grösse"));
        // the frequency cached on tokens is the table's
        for tok in tokenize("Die Größe der Lieferketten wächst, xyzzyquux!") {
            assert_eq!(t.token_idf(&tok), t.idf(tok.lower()), "{}", tok.lower());
        }
        // every line is found through the index
        for line in body.lines() {
            let (w, df) = line.split_once('\t').unwrap();
            assert_eq!(t.df(w), df.parse::<u64>().unwrap(), "{w}");
        }
    }

    #[test]
    fn stems_stored_in_the_index_are_the_stemmers() {
        // build.rs stores each table word's Snowball stem; the tokenizer trusts it instead of
        // the stemmer, so it must agree with rust-stemmers for every word, with and without ß
        let (_, body) = split_header(EMBEDDED).unwrap();
        let (mut stored, mut words) = (0, 0);
        for line in body.lines() {
            let (w, _) = line.split_once('\t').unwrap();
            words += 1;
            for lower in [w.to_string(), w.replace("ss", "ß")] {
                let mut out = String::from("prefix:");
                let (_, found) = embedded_df_and_stem(&lower, &mut out);
                if found {
                    stored += 1;
                    assert_eq!(
                        &out["prefix:".len()..],
                        crate::tokenize::stem(&lower),
                        "{lower}"
                    );
                } else {
                    assert_eq!(out, "prefix:", "nothing appended without a stored stem");
                }
            }
        }
        // nearly every word's stem is stored (the rest go to the stemmer at run time)
        assert!(
            stored >= words * 2 * 99 / 100,
            "{stored} of {} stored",
            words * 2
        );
        let mut out = String::new();
        assert_eq!(embedded_df_and_stem("xyzzyquux", &mut out), (0, false));
        assert!(out.is_empty());
    }

    #[test]
    fn build_write_read_merge() {
        let mut a = IdfBuilder::default();
        a.add_document("Die Lieferkette und die Lieferkette.");
        a.add_document("Der Gipfel.");
        let mut b = IdfBuilder::default();
        b.add_document("Die Lieferkette reißt.");
        let mut fa = Vec::new();
        a.write(&mut fa, 1).unwrap();
        let mut fb = Vec::new();
        b.write(&mut fb, 1).unwrap();
        let mut m = IdfBuilder::default();
        m.merge_reader(&fa[..]).unwrap();
        m.merge_reader(&fb[..]).unwrap();
        let t = m.finish();
        assert_eq!(t.docs(), 3);
        assert_eq!(t.df("lieferkette"), 2);
        assert_eq!(t.df("die"), 2);
        assert_eq!(t.df("gipfel"), 1);
        assert_eq!(t.df("fehlt"), 0);
        assert!(IdfTable::read(&b"word\t3\n"[..]).is_err());
        assert!(IdfTable::read(&b"# docs: 2\nword 3\n"[..]).is_err());
    }
}
