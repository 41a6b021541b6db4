//! Reading an article: bytes and a name in, the text kernsatz works on out.
//!
//! This is the one place that decides how input is read: the bytes are decoded
//! ([`crate::input`]), and a web page (a `.html`/`.htm` name, or text that starts like HTML) goes
//! through main-text extraction ([`crate::html`]), which also yields its title, date and blocks.
//! A web page is decoded as a browser does ([`crate::input::decode_page`]) unless an encoding
//! is given; text is strict UTF-8 unless one is given. Every command and [`crate::study`] start
//! from an [`Article`].
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
use crate::html;
use crate::input::{Encoding, Warning, decode, decode_page};

/// How to read input bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The encoding ([`Encoding::Auto`] by default: web pages as a browser decodes them, text
    /// as UTF-8; a BOM is honoured).
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
    /// The text: the input itself, or a web page's extracted teaser and blocks, one per line.
    pub text: String,
    /// For a web page: how it was decoded and what was extracted.
    pub page: Option<Page>,
    /// What reading found worth telling (bytes replaced); the article was read all the same.
    pub warnings: Vec<Warning>,
}

/// What a web page gave besides its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The encoding the page was decoded with (`UTF-8`, `windows-1252`, …).
    pub encoding: &'static str,
    /// The extracted article: teaser and blocks with their kinds, and their byte offsets in
    /// the decoded page.
    pub extracted: html::Article,
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
            page: None,
            warnings: Vec::new(),
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
        let named = |e: crate::Error| e.in_source(name.clone());
        if opts.encoding == Encoding::Auto && (has_html_extension(&name) || sniff_html(bytes)) {
            let decoded = decode_page(bytes).map_err(named)?;
            return Article::from_page(name, decoded.text, decoded.encoding, decoded.warnings);
        }
        let text = decode(bytes, opts.encoding).map_err(named)?;
        if !has_html_extension(&name) && !html::looks_like_html(&text) {
            return Ok(Article::from_text(name, text));
        }
        let encoding = match opts.encoding {
            Encoding::Latin1 => encoding_rs::WINDOWS_1252.name(),
            Encoding::Auto | Encoding::Utf8 => encoding_rs::UTF_8.name(),
        };
        Article::from_page(name, text, encoding, Vec::new())
    }

    fn from_page(
        name: String,
        page: String,
        encoding: &'static str,
        warnings: Vec<Warning>,
    ) -> Result<Article> {
        let extracted = html::extract(&page).map_err(|e| e.in_source(name.clone()))?;
        Ok(Article {
            id: None,
            text: extracted.text(),
            title: extracted.title.clone(),
            date: extracted.published.clone(),
            name,
            page: Some(Page {
                encoding,
                extracted,
            }),
            warnings,
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

/// Do the first bytes look like HTML (read leniently, whatever their encoding)?
fn sniff_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let text = match encoding_rs::Encoding::for_bom(head) {
        Some((enc, _)) => enc.decode_with_bom_removal(head).0,
        None => String::from_utf8_lossy(head),
    };
    html::looks_like_html(&text)
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
