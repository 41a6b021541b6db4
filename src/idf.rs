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
//! made by `scripts/gen_idf.py` from wordfreq, CC BY-SA 4.0) lives in the lexicon
//! (`src/lexicon/background.rs`): it is searched in place through a hash index that `build.rs`
//! computes at compile time, so using it costs no parsing at start-up and one hash plus a probe
//! or two per word.
//!
//! IDF of a word: `ln((docs + 1) / (df + 1)) + 1` (smoothed, never below 1).

use std::collections::HashMap;
use std::io::{BufRead, Write};

use crate::error::{Error, ErrorKind, Result};
use crate::lexicon::background::{self, table_key};
use crate::tokenize::{TokenKind, tokenize};

/// A document-frequency table.
#[derive(Debug, Clone)]
pub struct IdfTable {
    docs: u64,
    words: Words,
}

#[derive(Debug, Clone)]
enum Words {
    /// The embedded table ([`crate::lexicon::background`]).
    Embedded,
    Map(HashMap<String, u64>),
}

impl IdfTable {
    /// The embedded German background table.
    pub fn embedded() -> &'static IdfTable {
        static TABLE: std::sync::LazyLock<IdfTable> = std::sync::LazyLock::new(|| {
            let (docs, _) =
                split_header(background::TABLE).expect("embedded IDF table has a header");
            IdfTable {
                docs,
                words: Words::Embedded,
            }
        });
        &TABLE
    }

    /// Number of documents the table was built from.
    pub fn docs(&self) -> u64 {
        self.docs
    }

    /// Number of documents containing the lower-cased word `lower` (0 if unknown).
    #[inline(always)] // the scorer's look-up per distinct word of a document: see score.rs
    pub fn df(&self, lower: &str) -> u64 {
        match &self.words {
            Words::Embedded => background::df(lower),
            Words::Map(m) => m.get(table_key(lower).as_ref()).copied().unwrap_or(0),
        }
    }

    /// Smoothed inverse document frequency of the lower-cased word `lower`.
    #[inline]
    pub fn idf(&self, lower: &str) -> f32 {
        idf_value(self.docs, self.df(lower))
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
            Words::Embedded => background::body().lines().count(),
            Words::Map(m) => m.len(),
        }
    }

    /// The table has no words.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn invalid(message: String) -> Error {
    Error::new(ErrorKind::InvalidTable(message))
}

fn too_many() -> Error {
    invalid("document counts add up to more than 2^64 - 1".into())
}

fn idf_value(docs: u64, df: u64) -> f32 {
    (((docs as f64 + 1.0) / (df.min(docs) as f64 + 1.0)).ln() + 1.0) as f32
}

/// Split off the `#` header; returns the document count and the body.
fn split_header(text: &str) -> Result<(u64, &str)> {
    // the body is what the build script's index points into: one definition for both
    let body = background::table_body(text);
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
    ///
    /// Fails, adding nothing, on a malformed line, a word counted in more documents than the
    /// table has, or a sum beyond `u64::MAX`.
    pub fn merge_reader(&mut self, mut reader: impl BufRead) -> Result<()> {
        let mut text = String::new();
        reader.read_to_string(&mut text).map_err(|e| {
            Error::new(ErrorKind::InvalidTable(format!(
                "cannot read IDF table: {e}"
            )))
        })?;
        let (docs, body) = split_header(&text)?;
        let mut part = IdfBuilder {
            docs,
            counts: HashMap::new(),
        };
        for (i, line) in body.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let parsed = line
                .split_once('\t')
                .and_then(|(w, df)| Some((w, df.trim().parse::<u64>().ok()?)));
            let Some((word, df)) = parsed else {
                return Err(invalid(format!(
                    "IDF table line {}: expected 'word<TAB>count', got {line:?}",
                    i + 1
                )));
            };
            part.add_word(word, df)?;
        }
        part.check_df("IDF table")?;
        self.add_checked(part)
    }

    /// Add counts in the JSON-lines format of [`IdfBuilder::write_counts`] (`kernsatz idf
    /// count`): `{"word": w, "df": n}` lines and `{"docs": n}` lines, in any order and any
    /// number; lines of the same word add up, and so do `docs` lines. So the output of many
    /// `idf count` runs over parts of a corpus, concatenated or already added up by key, gives
    /// the counts of the whole corpus.
    ///
    /// Fails, adding nothing, on a line that is neither, a stream without a `docs` line, a word
    /// counted in more documents than the stream has, or a sum beyond `u64::MAX`.
    pub fn merge_counts_reader(&mut self, reader: impl BufRead) -> Result<()> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct WordLine {
            word: String,
            df: u64,
        }
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct DocsLine {
            docs: u64,
        }
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Line {
            Word(WordLine),
            Docs(DocsLine),
        }
        let mut part = IdfBuilder::default();
        let mut has_docs = false;
        for (i, line) in reader.lines().enumerate() {
            let line = line.map_err(|e| invalid(format!("cannot read IDF counts: {e}")))?;
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Line>(&line) {
                Ok(Line::Word(WordLine { word, df })) => part.add_word(&word, df)?,
                Ok(Line::Docs(DocsLine { docs })) => {
                    has_docs = true;
                    part.docs = part.docs.checked_add(docs).ok_or_else(too_many)?;
                }
                Err(_) => {
                    return Err(invalid(format!(
                        "IDF counts line {}: expected {{\"word\": W, \"df\": N}} or \
                         {{\"docs\": N}} with N a whole number, got {line:?}",
                        i + 1
                    )));
                }
            }
        }
        if !has_docs {
            return Err(invalid(
                "not kernsatz IDF counts: no {\"docs\": N} line".into(),
            ));
        }
        part.check_df("IDF counts")?;
        self.add_checked(part)
    }

    /// Count `df` more documents for `word`.
    fn add_word(&mut self, word: &str, df: u64) -> Result<()> {
        let n = self.counts.entry(table_key(word).into_owned()).or_insert(0);
        *n = n.checked_add(df).ok_or_else(too_many)?;
        Ok(())
    }

    /// No word in more documents than there are.
    fn check_df(&self, what: &str) -> Result<()> {
        match self.counts.iter().find(|(_, n)| **n > self.docs) {
            Some((w, n)) => Err(invalid(format!(
                "{what}: {w:?} is counted in {n} documents, but there are only {}",
                self.docs
            ))),
            None => Ok(()),
        }
    }

    /// Add `other`, or nothing if a sum would pass `u64::MAX`.
    fn add_checked(&mut self, other: IdfBuilder) -> Result<()> {
        let docs = self.docs.checked_add(other.docs).ok_or_else(too_many)?;
        let overflows = other.counts.iter().any(|(w, n)| {
            self.counts
                .get(w)
                .is_some_and(|m| m.checked_add(*n).is_none())
        });
        if overflows {
            return Err(too_many());
        }
        self.docs = docs;
        for (w, n) in other.counts {
            *self.counts.entry(w).or_insert(0) += n;
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

    /// Write the counts as JSON lines, the format [`IdfBuilder::merge_counts_reader`] reads:
    /// `{"docs": n}` first, then one `{"word": w, "df": n}` line per word, sorted by word. No
    /// word is left out (leave that to the table built from all the counts).
    pub fn write_counts(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let mut words: Vec<(&String, &u64)> = self.counts.iter().collect();
        words.sort_unstable_by(|a, b| a.0.cmp(b.0));
        writeln!(out, "{{\"docs\":{}}}", self.docs)?;
        for (w, n) in words {
            let w = serde_json::to_string(w).map_err(std::io::Error::other)?;
            writeln!(out, "{{\"word\":{w},\"df\":{n}}}")?;
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
    fn embedded_table_weighs_words() {
        let t = IdfTable::embedded();
        assert!(t.docs() >= 1_000_000);
        assert_eq!(t.len(), background::body().lines().count());
        // common words weigh little, domain words much, unknown words most
        assert!(t.idf("und") < 1.01);
        assert!(t.idf("gipfel") > t.idf("und") + 3.0);
        assert!(t.idf("lieferketten") > t.idf("gipfel"));
        assert_eq!(t.idf("xyzzyquux"), t.max_idf());
        // the table's frequencies, ß folded to ss
        assert_eq!(t.df("größe"), background::df("grösse"));
        assert!(t.df("größe") > 0);
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

    #[test]
    fn counts_round_trip_and_add_up() {
        let mut a = IdfBuilder::default();
        a.add_document("Die Straße und die Lieferkette.");
        a.add_document("Der Gipfel.");
        let mut b = IdfBuilder::default();
        b.add_document("Die Strasse.");
        let (mut ca, mut cb) = (Vec::new(), Vec::new());
        a.write_counts(&mut ca).unwrap();
        b.write_counts(&mut cb).unwrap();
        let text = String::from_utf8(ca.clone()).unwrap();
        assert!(
            text.starts_with("{\"docs\":2}\n{\"word\":\"der\",\"df\":1}\n"),
            "{text}"
        );
        // the two streams, one after the other, give the counts of all three documents
        let mut m = IdfBuilder::default();
        m.merge_counts_reader(&[ca, cb].concat()[..]).unwrap();
        a.merge(b);
        let (mut from_counts, mut direct) = (Vec::new(), Vec::new());
        m.write(&mut from_counts, 1).unwrap();
        a.write(&mut direct, 1).unwrap();
        assert_eq!(from_counts, direct);
        assert_eq!(m.finish().df("straße"), 2);
        // a failed stream adds nothing
        let mut n = IdfBuilder::default();
        assert!(
            n.merge_counts_reader(&b"{\"docs\":1}\n{\"word\":\"a\",\"df\":2}\n"[..])
                .is_err()
        );
        assert_eq!((n.docs(), n.counts.len()), (0, 0));
    }
}
