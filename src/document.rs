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
use crate::tokenize::{Token, tokenize_at};

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
