//! Reading an article: bytes and a name in, the text kernsatz works on out.
//!
//! This is the one place that decides how input is read: the bytes are decoded
//! ([`crate::input`]), and a web page (a `.html`/`.htm` name, or text that starts like HTML) goes
//! through main-text extraction ([`crate::html`]), which also yields its title and date. Every
//! command and [`crate::study`] start from an [`Article`].
//!
//! ```
//! use kernsatz::article::{Article, ReadOptions};
//! let page = "<html><head><title>Zoll</title></head><body><article>\
//!     <p>Die Regierung erhebt neue Zölle auf Stahl aus Asien, teilte das Ministerium mit.</p>\
//!     <p>Die Industrie warnt vor steigenden Preisen und fordert Ausnahmen.</p></article></body></html>";
//! let a = Article::from_bytes("zoll.html", page.as_bytes(), &ReadOptions::default()).unwrap();
//! assert_eq!(a.title.as_deref(), Some("Zoll"));
//! assert!(a.text.contains("neue Zölle"));
//! ```

use crate::error::Result;
use crate::input::{Encoding, decode};

/// How to read input bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The text encoding (UTF-8 by default; a BOM is honoured).
    pub encoding: Encoding,
}

/// An article as read: the text to work on plus what is known about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Where it came from: a file name, `<stdin>`, or `file.jsonl:ID`.
    pub name: String,
    /// The record's id, for an article from a JSONL record.
    pub id: Option<String>,
    /// Its title from metadata (a web page's title, a JSONL record's `"title"`), when known.
    pub title: Option<String>,
    /// Its publication date from metadata, when known.
    pub date: Option<String>,
    /// The text: the input itself, or a web page's extracted headline, teaser and paragraphs.
    pub text: String,
}

impl Article {
    /// An article whose text is given as it is (a JSONL record, a string in a program).
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            name: name.into(),
            id: None,
            title: None,
            date: None,
            text: text.into(),
        }
    }

    /// Decode `bytes` and, for a web page, extract its main text, title and date. Errors name
    /// `name`.
    pub fn from_bytes(
        name: impl Into<String>,
        bytes: &[u8],
        opts: &ReadOptions,
    ) -> Result<Article> {
        let name = name.into();
        let text = decode(bytes, opts.encoding).map_err(|e| e.in_source(name.clone()))?;
        if !has_html_extension(&name) && !crate::html::looks_like_html(&text) {
            return Ok(Article::from_text(name, text));
        }
        let page = crate::html::extract(&text).map_err(|e| e.in_source(name.clone()))?;
        Ok(Article {
            id: None,
            text: page.text(),
            title: page.title,
            date: page.published,
            name,
        })
    }

    /// The title to show: the metadata title, else the record's id, else the file name without
    /// directory and extension.
    pub fn display_title(&self) -> String {
        if let Some(t) = self.title.as_ref().or(self.id.as_ref()) {
            return t.clone();
        }
        let base = self.name.rsplit(['/', '\\']).next().unwrap_or(&self.name);
        base.rsplit_once('.').map_or(base, |(b, _)| b).to_owned()
    }
}

fn has_html_extension(name: &str) -> bool {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.rsplit_once('.')
        .is_some_and(|(_, e)| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_stays_text_and_titles_fall_back_to_the_file_name() {
        let a = Article::from_bytes(
            "dir/Zölle.txt",
            "Die Regierung erhebt Zölle.".as_bytes(),
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(a.text, "Die Regierung erhebt Zölle.");
        assert_eq!(a.display_title(), "Zölle");
        assert_eq!(a.title, None);
    }

    #[test]
    fn errors_name_the_input() {
        let e = Article::from_bytes("a.txt", b"Gr\xF6\xDFe", &ReadOptions::default()).unwrap_err();
        assert_eq!(e.source_name(), Some("a.txt"));
    }
}
