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
//! made by `scripts/gen_idf.py` from wordfreq, CC BY-SA 4.0) is searched in place by binary search,
//! so using it costs no parsing at start-up.
//!
//! IDF of a word: `ln((docs + 1) / (df + 1)) + 1` (smoothed, never below 1).

use std::collections::HashMap;
use std::io::{BufRead, Write};

use crate::error::{Error, ErrorKind, Result};
use crate::tokenize::{TokenKind, tokenize};

const EMBEDDED: &str = include_str!("../data/idf/de-wordfreq.idf");

/// A document-frequency table.
#[derive(Debug, Clone)]
pub struct IdfTable {
    docs: u64,
    words: Words,
}

#[derive(Debug, Clone)]
enum Words {
    /// Sorted `word\tdf` lines, searched in place.
    Sorted(&'static str),
    Map(HashMap<String, u64>),
}

impl IdfTable {
    /// The embedded German background table.
    pub fn embedded() -> &'static IdfTable {
        static TABLE: std::sync::LazyLock<IdfTable> = std::sync::LazyLock::new(|| {
            let (docs, body) = split_header(EMBEDDED).expect("embedded IDF table has a header");
            IdfTable {
                docs,
                words: Words::Sorted(body),
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
            Words::Sorted(body) => {
                if let Some(map) = EMBEDDED_MAP.get() {
                    return map.get(key.as_ref()).copied().unwrap_or(0);
                }
                // a corpus run: index the whole table once, it pays for itself
                if SORTED_LOOKUPS.fetch_add(1, std::sync::atomic::Ordering::Relaxed) >= INDEX_AFTER
                {
                    let map = EMBEDDED_MAP.get_or_init(|| index_sorted(body));
                    return map.get(key.as_ref()).copied().unwrap_or(0);
                }
                SORTED_CACHE.with(|c| {
                    let mut c = c.borrow_mut();
                    if let Some(&df) = c.get(key.as_ref()) {
                        return df;
                    }
                    let df = lookup_sorted(body, &key).unwrap_or(0);
                    c.insert(key.into_owned(), df);
                    df
                })
            }
            Words::Map(m) => m.get(key.as_ref()).copied().unwrap_or(0),
        }
    }

    /// Smoothed inverse document frequency of the lower-cased word `lower`.
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
            Words::Sorted(body) => body.lines().count(),
            Words::Map(m) => m.len(),
        }
    }

    /// The table has no words.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The embedded table is searched in place (no start-up cost for one article), with a
/// per-thread cache of answers. Only the embedded table (one per process) is searched this way,
/// so neither cache needs a table key. After `INDEX_AFTER` look-ups (a corpus run), the whole
/// table is put in a hash map once (about 10 ms) and used from then on; the per-thread cache
/// stays bounded because it is no longer filled.
const INDEX_AFTER: usize = 20_000;

static SORTED_LOOKUPS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static EMBEDDED_MAP: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, u64>> =
    std::sync::OnceLock::new();

fn index_sorted(body: &'static str) -> rustc_hash::FxHashMap<&'static str, u64> {
    body.lines()
        .filter_map(|l| {
            let (w, df) = l.split_once('\t')?;
            Some((w, df.trim().parse().ok()?))
        })
        .collect()
}

thread_local! {
    static SORTED_CACHE: std::cell::RefCell<rustc_hash::FxHashMap<String, u64>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
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
    let mut docs = None;
    let mut rest = text;
    while rest.starts_with('#') {
        let (line, tail) = rest.split_once('\n').unwrap_or((rest, ""));
        if let Some(n) = line.strip_prefix("# docs:") {
            docs = Some(n.trim().parse::<u64>().map_err(|_| {
                Error::new(ErrorKind::Parse(format!(
                    "bad document count in IDF header: {line:?}"
                )))
            })?);
        }
        rest = tail;
    }
    let docs = docs.ok_or_else(|| {
        Error::new(ErrorKind::Parse(
            "not a kernsatz IDF table: no '# docs: N' header line".into(),
        ))
    })?;
    Ok((docs, rest))
}

/// Binary search over sorted `word\tdf` lines without an index.
fn lookup_sorted(body: &str, key: &str) -> Option<u64> {
    let b = body.as_bytes();
    let (mut lo, mut hi) = (0usize, b.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let ls = b[lo..mid]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(lo, |p| lo + p + 1);
        let le = b[ls..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(b.len(), |p| ls + p);
        let line = &body[ls..le];
        let (word, df) = line.split_once('\t')?;
        match word.cmp(key) {
            std::cmp::Ordering::Equal => return df.trim().parse().ok(),
            std::cmp::Ordering::Less => lo = le + 1,
            std::cmp::Ordering::Greater => hi = ls,
        }
    }
    None
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
            .map(|t| table_key(&t.lower).into_owned())
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
        reader
            .read_to_string(&mut text)
            .map_err(|e| Error::new(ErrorKind::Parse(format!("cannot read IDF table: {e}"))))?;
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
                return Err(Error::new(ErrorKind::Parse(format!(
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
        assert!(
            t.df("größe") > 0,
            "non-ASCII keys are found, ß folded to ss"
        );
        assert_eq!(t.df("größe"), t.df("grösse"));
        // every line is found by the binary search
        for line in body.lines().step_by(997) {
            let (w, df) = line.split_once('\t').unwrap();
            assert_eq!(t.df(w), df.parse::<u64>().unwrap(), "{w}");
        }
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
