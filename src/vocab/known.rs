//! Words the learner knows, left out of vocabulary lists and cloze gaps: from a word list, a
//! kernsatz vocabulary file, an Anki text export, or an Anki collection (`.apkg`,
//! `collection.anki2`, read with SQLite, never written).
//!
//! ```
//! use kernsatz::vocab::KnownWords;
//!
//! let known = KnownWords::from_text("Lieferkette\ndie Allianz, -en\n# a comment\n");
//! assert!(known.contains("Lieferkette") && known.contains("allianz"));
//! assert!(known.knows("Bündnis", &["Bündnisse".into(), "Allianz".into()]));
//! assert!(!known.contains("Bündnis"));
//! ```

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, ErrorKind, Result};

/// A set of known words (lemmas or word forms), compared case-insensitively.
#[derive(Debug, Clone, Default)]
pub struct KnownWords {
    words: Arc<HashSet<String>>,
}

impl PartialEq for KnownWords {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.words, &other.words) || self.words == other.words
    }
}

/// Articles and other words that may precede a headword in a word list.
const LEADING: &[&str] = &["der", "die", "das", "sich"];

/// The headword of a line or field: HTML removed, a leading article dropped, the plural
/// notation and anything after the word's comma, dash or parenthesis cut off (`die
/// Lieferkette, -n — supply chain` → `lieferkette`). `None` for empty fields and for text of
/// more than three words (a sentence, not a word).
fn headword(field: &str) -> Option<String> {
    let text = strip_html(field);
    let text = text
        .split(['\t', ',', ';', '(', '[', '—', '–', '='])
        .next()
        .unwrap_or("")
        .split(" - ")
        .next()
        .unwrap_or("")
        .trim();
    let mut words: Vec<&str> = text.split_whitespace().collect();
    while words.len() > 1 && LEADING.contains(&words[0].to_lowercase().as_str()) {
        words.remove(0);
    }
    if words.is_empty() || words.len() > 3 {
        return None;
    }
    let w = words.join(" ");
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    (!w.is_empty()).then(|| w.to_lowercase())
}

/// Text without HTML tags and with the common character references decoded; `<br>` and
/// `<div>` end the first line.
fn strip_html(s: &str) -> String {
    let first = s
        .split("<br")
        .next()
        .unwrap_or(s)
        .split("<div")
        .find(|p| !strip_tags(p).trim().is_empty())
        .unwrap_or("");
    strip_tags(first)
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    // sound references of Anki notes
    while let Some(i) = out.find("[sound:") {
        let end = out[i..].find(']').map_or(out.len(), |j| i + j + 1);
        out.replace_range(i..end, "");
    }
    out
}

/// The answers of the cloze deletions in a field (`{{c1::Lieferketten::hint}}` →
/// `Lieferketten`).
fn cloze_answers(field: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = field;
    while let Some(i) = rest.find("{{c") {
        let after = &rest[i + 3..];
        let Some(j) = after.find("::") else { break };
        let body = &after[j + 2..];
        let Some(end) = body.find("}}") else { break };
        let answer = body[..end].split("::").next().unwrap_or("");
        out.extend(headword(answer));
        rest = &body[end..];
    }
    out
}

impl KnownWords {
    /// No known words.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether no word is known.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Number of known words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Adds a word: a lemma or form, with or without its article (`die Lieferkette`), HTML
    /// removed.
    pub fn insert(&mut self, word: &str) {
        if let Some(w) = headword(word) {
            Arc::make_mut(&mut self.words).insert(w);
        }
    }

    /// Adds every word of `other`.
    pub fn extend(&mut self, other: &KnownWords) {
        if other.is_empty() {
            return;
        }
        let words = Arc::make_mut(&mut self.words);
        words.extend(other.words.iter().cloned());
    }

    /// Whether `word` (a lemma or form) is known.
    pub fn contains(&self, word: &str) -> bool {
        !self.words.is_empty() && self.words.contains(&word.to_lowercase())
    }

    /// Whether a word with this lemma and these forms is known (the lemma or any form is).
    pub fn knows(&self, lemma: &str, forms: &[String]) -> bool {
        self.contains(lemma) || forms.iter().any(|f| self.contains(f))
    }

    /// The words of a text file: one word per line (`Lieferkette`, `die Lieferkette`, `die
    /// Lieferkette, -n — supply chain`), a kernsatz vocabulary file (`vocab.tsv`/`.csv`: its
    /// `lemma` column), or an Anki text export (`#separator:tab` header lines; the first field
    /// of each note, the answers of its cloze deletions). `#` lines are comments.
    pub fn from_text(text: &str) -> KnownWords {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut known = KnownWords::new();
        let first = text.lines().next().unwrap_or("");
        for delimiter in [b'\t', b','] {
            let sep = delimiter as char;
            if first.split(sep).next() == Some("lemma") && first.contains(sep) {
                let mut r = csv::ReaderBuilder::new()
                    .delimiter(delimiter)
                    .flexible(true)
                    .from_reader(text.as_bytes());
                for rec in r.records().flatten() {
                    if let Some(l) = rec.get(0) {
                        known.insert(l);
                    }
                }
                return known;
            }
        }
        // an Anki export: the columns that hold no note field
        let mut skip: Vec<usize> = Vec::new();
        let mut separator = '\t';
        for line in text.lines() {
            if let Some(h) = line.strip_prefix('#') {
                if let Some((key, value)) = h.split_once(':') {
                    let value = value.trim();
                    match key.trim() {
                        "separator" => {
                            separator = match value {
                                "tab" | "Tab" => '\t',
                                "comma" | "Comma" => ',',
                                "semicolon" | "Semicolon" => ';',
                                "space" | "Space" => ' ',
                                "pipe" | "Pipe" => '|',
                                "colon" | "Colon" => ':',
                                v => v.chars().next().unwrap_or('\t'),
                            }
                        }
                        k if k.ends_with(" column") => {
                            if let Ok(n) = value.parse::<usize>() {
                                skip.push(n.saturating_sub(1));
                            }
                        }
                        _ => {}
                    }
                }
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split(separator).collect();
            let first_field = fields
                .iter()
                .enumerate()
                .find(|(i, _)| !skip.contains(i))
                .map(|(_, f)| f.trim_matches('"'));
            if let Some(f) = first_field {
                let answers = cloze_answers(f);
                if answers.is_empty() {
                    known.insert(f);
                } else {
                    let words = Arc::make_mut(&mut known.words);
                    words.extend(answers);
                }
            }
        }
        known
    }

    /// The words of a text file (see [`KnownWords::from_text`]).
    pub fn read_file(path: &Path) -> Result<KnownWords> {
        let bytes = std::fs::read(path).map_err(|e| Error::io("read", path, e))?;
        let text = String::from_utf8_lossy(&bytes);
        Ok(KnownWords::from_text(&text))
    }

    /// The words of an Anki collection: an `.apkg` package (a zip holding `collection.anki21`
    /// or `collection.anki2`) or a collection file (`collection.anki2`). The word of every
    /// `kernsatz Vokabel` note (its `Wort` field), the first field of every other note and the
    /// answers of cloze deletions. The file is opened read-only and never changed.
    pub fn read_anki(path: &Path) -> Result<KnownWords> {
        let mut head = [0u8; 4];
        let mut f = std::fs::File::open(path).map_err(|e| Error::io("read", path, e))?;
        let n = f.read(&mut head).map_err(|e| Error::io("read", path, e))?;
        if n == 4 && head == *b"PK\x03\x04" {
            let scratch = tempfile::NamedTempFile::new()
                .map_err(|e| Error::io("create", std::env::temp_dir(), e))?;
            extract_collection(path, scratch.path())?;
            return read_collection(scratch.path())
                .map_err(|e| e.in_source(path.display().to_string()));
        }
        read_collection(path).map_err(|e| e.in_source(path.display().to_string()))
    }
}

fn unreadable(detail: impl std::fmt::Display) -> Error {
    ErrorKind::UnreadableCollection(detail.to_string()).into()
}

/// Copies the collection out of an `.apkg` into `to`.
fn extract_collection(apkg: &Path, to: &Path) -> Result<()> {
    let file = std::fs::File::open(apkg).map_err(|e| Error::io("read", apkg, e))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| {
        unreadable(format!("not an Anki package: {e}")).in_source(apkg.display().to_string())
    })?;
    let name = ["collection.anki21", "collection.anki2"]
        .into_iter()
        .find(|n| zip.by_name(n).is_ok());
    let Some(name) = name else {
        let detail = if zip.by_name("collection.anki21b").is_ok() {
            "the package holds only a compressed collection (collection.anki21b): export it from \
             Anki with \"Support older Anki versions\" ticked"
        } else {
            "no collection.anki21 or collection.anki2 in the package"
        };
        return Err(unreadable(detail).in_source(apkg.display().to_string()));
    };
    let mut entry = zip
        .by_name(name)
        .map_err(|e| unreadable(e).in_source(apkg.display().to_string()))?;
    let mut out = std::fs::File::create(to).map_err(|e| Error::io("write", to, e))?;
    std::io::copy(&mut entry, &mut out).map_err(|e| Error::io("read", apkg, e))?;
    Ok(())
}

/// The words of an Anki collection file (SQLite), opened read-only.
fn read_collection(path: &Path) -> Result<KnownWords> {
    use rusqlite::{Connection, OpenFlags};
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(unreadable)?;
    let vocab_types = vocab_notetypes(&conn);
    let mut stmt = conn
        .prepare("SELECT mid, flds FROM notes")
        .map_err(|e| unreadable(format!("not an Anki collection: {e}")))?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
        .map_err(unreadable)?;
    let mut known = KnownWords::new();
    for row in rows {
        let (mid, flds) = row.map_err(unreadable)?;
        let first = flds.split('\u{1f}').next().unwrap_or("");
        let answers = cloze_answers(first);
        if !answers.is_empty() && !vocab_types.contains(&mid) {
            Arc::make_mut(&mut known.words).extend(answers);
        } else {
            known.insert(first);
        }
    }
    Ok(known)
}

/// The ids of the collection's `kernsatz Vokabel` note types: the fixed id, and any note type
/// of that name (schema 11 keeps note types as JSON in `col.models`, later schemas in the
/// `notetypes` table).
fn vocab_notetypes(conn: &rusqlite::Connection) -> Vec<i64> {
    const NAME: &str = "kernsatz Vokabel";
    const ID: i64 = 1_931_806_219;
    let mut ids = vec![ID];
    if let Ok(mut stmt) = conn.prepare("SELECT id FROM notetypes WHERE name = ?1")
        && let Ok(rows) = stmt.query_map([NAME], |r| r.get::<_, i64>(0))
    {
        ids.extend(rows.flatten());
    }
    if let Ok(models) = conn.query_row("SELECT models FROM col", [], |r| r.get::<_, String>(0))
        && let Ok(serde_json::Value::Object(m)) = serde_json::from_str(&models)
    {
        for (id, model) in m {
            if model.get("name").and_then(|n| n.as_str()) == Some(NAME)
                && let Ok(id) = id.parse()
            {
                ids.push(id);
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headwords_of_lines_and_fields() {
        assert_eq!(headword("Lieferkette").as_deref(), Some("lieferkette"));
        assert_eq!(headword("die Lieferkette").as_deref(), Some("lieferkette"));
        assert_eq!(
            headword("die Lieferkette, -n — supply chain").as_deref(),
            Some("lieferkette")
        );
        assert_eq!(
            headword("<b>der Verbündete</b>").as_deref(),
            Some("verbündete")
        );
        assert_eq!(headword("sich einstellen").as_deref(), Some("einstellen"));
        assert_eq!(headword("  ").as_deref(), None);
        assert_eq!(
            headword("Das ist ein ganzer Satz mit vielen Wörtern.").as_deref(),
            None
        );
        assert_eq!(
            cloze_answers("Die {{c1::Lieferketten::die · supply chain}} und {{c2::Allianz}}"),
            ["lieferketten", "allianz"]
        );
    }

    #[test]
    fn text_formats() {
        let plain = KnownWords::from_text("\u{feff}Lieferkette\r\n\ndas Bündnis\n");
        assert!(plain.contains("Lieferkette") && plain.contains("Bündnis"));
        assert_eq!(plain.len(), 2);
        let tsv = KnownWords::from_text(
            "lemma\tarticle\tplural\nLieferkette\tdie\tLieferketten\nAllianz\tdie\tAllianzen\n",
        );
        assert!(tsv.contains("allianz") && !tsv.contains("die") && tsv.len() == 2);
        let csv = KnownWords::from_text("lemma,article\nHalbleiter,der\n");
        assert!(csv.contains("Halbleiter") && csv.len() == 1);
        let anki = KnownWords::from_text(
            "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n\
             abc\tkernsatz Vokabel\tkernsatz\tdie Lieferkette\tdie Lieferketten\n\
             def\tkernsatz Cloze\tkernsatz\tDie {{c1::Allianz}} wächst.\tx\n",
        );
        assert!(anki.contains("Lieferkette") && anki.contains("Allianz"));
        assert!(!anki.contains("abc") && !anki.contains("kernsatz vokabel"));
    }
}
