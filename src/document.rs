//! The analysed article: cleaned blocks, sentences and tokens, all with byte offsets into the
//! original text. This is what every later stage (score, select, vocab, cloze) reads.
//!
//! Text is cut into blocks by its lines ([`Document::new`]); a web page's text comes cut by its
//! markup, each block with its kind ([`Document::from_article`]): its headings, list items and
//! table cells stay in `Cleaned::blocks` as such, and only its paragraphs give sentences.

use std::ops::Range;

use crate::article::Article;
use crate::clean::{BlockKind, Cleaned, clean, clean_blocks};
use crate::error::{ErrorKind, Result};
use crate::html::Structure;
use crate::segment::split_sentences;
use crate::tokenize::{Token, tokenize_at, word_spans};

/// One sentence of the article body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first byte in [`Document::text`].
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index of the block (paragraph) in `Cleaned::blocks`.
    pub block: usize,
    /// Position of the block among the body blocks (0 = first paragraph).
    pub paragraph: usize,
    /// The sentence's tokens, offsets into [`Document::text`].
    pub tokens: Vec<Token>,
}

impl Sentence {
    /// Number of word tokens (numbers included).
    pub fn word_count(&self) -> usize {
        self.tokens.len()
    }
}

/// An article after cleaning, segmentation and tokenization.
#[derive(Debug, Clone)]
pub struct Document {
    /// The original text, unchanged: every offset points into it.
    pub text: String,
    /// Blocks with their classification, dateline and date.
    pub cleaned: Cleaned,
    /// The body's sentences in order.
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// Clean, segment and tokenize `text`. Fails when no article sentence is left.
    pub fn new(text: impl Into<String>) -> Result<Document> {
        let text = text.into();
        if text.trim().is_empty() {
            return Err(ErrorKind::EmptyInput.into());
        }
        let cleaned = clean(&text);
        Document::analyse(text, cleaned)
    }

    /// Clean, segment and tokenize `text` whose blocks are given: byte ranges into `text`
    /// (trimmed, in order) with their kind in the markup. Fails when no article sentence is
    /// left.
    pub fn with_blocks(
        text: impl Into<String>,
        blocks: &[(Range<usize>, Structure)],
    ) -> Result<Document> {
        let text = text.into();
        if text.trim().is_empty() {
            return Err(ErrorKind::EmptyInput.into());
        }
        let cleaned = clean_blocks(&text, blocks);
        Document::analyse(text, cleaned)
    }

    /// The document of an article: a web page's blocks keep the kinds its markup gave them
    /// ([`Document::with_blocks`]), other text is cut into lines ([`Document::new`]).
    pub fn from_article(article: &Article) -> Result<Document> {
        match &article.page {
            Some(page) => {
                let (text, blocks) = page.extracted.layout();
                Document::with_blocks(text, &blocks)
            }
            None => Document::new(article.text.as_str()),
        }
    }

    /// The text [`Document::from_article`] would analyse, or the error it would fail with,
    /// found without tokenizing the article: the check that a batch's article can be analysed
    /// (the seed of its texts), at the cost of its cleaning and segmentation only.
    pub fn text_of(article: &Article) -> Result<String> {
        let (text, cleaned) = match &article.page {
            Some(page) => {
                let (text, blocks) = page.extracted.layout();
                if text.trim().is_empty() {
                    return Err(ErrorKind::EmptyInput.into());
                }
                let cleaned = clean_blocks(&text, &blocks);
                (text, cleaned)
            }
            None => {
                let text = article.text.as_str();
                if text.trim().is_empty() {
                    return Err(ErrorKind::EmptyInput.into());
                }
                (text.to_owned(), clean(text))
            }
        };
        // `analyse` keeps the sentences with tokens: it fails when there is none
        let has_sentence = cleaned
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Body)
            .any(|block| {
                let slice = &text[block.start..block.end];
                split_sentences(slice)
                    .into_iter()
                    .any(|r| word_spans(&slice[r]).next().is_some())
            });
        if !has_sentence {
            return Err(ErrorKind::NoArticleText.into());
        }
        Ok(text)
    }

    fn analyse(text: String, cleaned: Cleaned) -> Result<Document> {
        let mut sentences = Vec::new();
        let mut paragraph = 0;
        for (bi, block) in cleaned.blocks.iter().enumerate() {
            if block.kind != BlockKind::Body {
                continue;
            }
            let slice = &text[block.start..block.end];
            for r in split_sentences(slice) {
                let (start, end) = (block.start + r.start, block.start + r.end);
                let tokens = tokenize_at(&text[start..end], start);
                if tokens.is_empty() {
                    continue;
                }
                sentences.push(Sentence {
                    start,
                    end,
                    block: bi,
                    paragraph,
                    tokens,
                });
            }
            paragraph += 1;
        }
        if sentences.is_empty() {
            return Err(ErrorKind::NoArticleText.into());
        }
        Ok(Document {
            text,
            cleaned,
            sentences,
        })
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        let s = &self.sentences[i];
        &self.text[s.start..s.end]
    }

    /// The dateline split off the first paragraph, if any (`Tokio`).
    pub fn dateline(&self) -> Option<&str> {
        self.cleaned.dateline.clone().map(|r| &self.text[r])
    }

    /// The date found in the boilerplate, if any (`22.01.2022`).
    pub fn date(&self) -> Option<&str> {
        self.cleaned.date.clone().map(|r| &self.text[r])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::ReadOptions;

    /// `Document::text_of` says what `Document::from_article` says: the same text, or the
    /// same error.
    fn assert_same(article: &Article) {
        let full = Document::from_article(article).map(|d| d.text);
        let quick = Document::text_of(article);
        match (&full, &quick) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{}", article.name),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{}", article.name),
            _ => panic!("{}: {full:?} but {quick:?}", article.name),
        }
    }

    #[test]
    fn the_text_of_an_article_is_that_of_its_document_without_tokenizing() {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut files = 0;
        for dir in ["examples", "tests/fixtures/articles", "tests/fixtures/html"] {
            for entry in std::fs::read_dir(format!("{root}/{dir}")).unwrap() {
                let path = entry.unwrap().path();
                if !path.extension().is_some_and(|e| e == "txt" || e == "html") {
                    continue;
                }
                let bytes = std::fs::read(&path).unwrap();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                if let Ok(article) = Article::from_bytes(name, &bytes, &ReadOptions::default()) {
                    assert_same(&article);
                    files += 1;
                }
            }
        }
        assert!(files >= 20, "{files} files");
        // no text, no sentence with a word, only boilerplate, one long line without a full stop
        let texts = [
            "",
            " \n\t ",
            "… – !!! ---",
            "Foto: dpa\n",
            "Mehr zum Thema\n© 2022 dpa\n",
            &"Regierung plant Reform der Steuern ".repeat(3_000),
            "Berlin – Die Regierung plant eine Reform der Steuern. Die Opposition ist dagegen.",
        ];
        let mut errors = 0;
        for text in texts {
            let article = Article::from_text("t.txt", text);
            errors += usize::from(Document::text_of(&article).is_err());
            assert_same(&article);
        }
        assert!(errors >= 3, "{errors} errors");
        // a web page without an article sentence
        let page = "<html><body><h1>Überschrift</h1><p>…</p></body></html>";
        if let Ok(article) = Article::from_bytes("p.html", page.as_bytes(), &ReadOptions::default())
        {
            assert_same(&article);
        }
    }
}
