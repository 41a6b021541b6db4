//! kernsatz: German news articles into study material.
//!
//! The pipeline runs one way, each stage in its own module, and every stage keeps byte offsets
//! into the original text:
//!
//! [`article`] (bytes + name → an [`article::Article`], text or web page: [`input`] decodes,
//! [`html`] extracts) → `clean` (boilerplate, datelines) → [`segment`] (sentences) →
//! [`tokenize`] (words, stems, stop words; [`lexicon`] for lemmas, gender, plural, levels) →
//! `score` (TF-IDF against an [`idf::IdfTable`]; its position prior reads the article's
//! `genre`) → `select` → [`summarize`](mod@summarize), [`vocab`], [`cloze`] → [`export`] (text, Markdown,
//! JSON, HTML worksheet, Anki). [`document::Document`] holds the result of the first stages;
//! [`Summarizer`] the rest; [`study`] builds everything from one article with explicit
//! settings and one IDF table ([`study::StudyPack::build`]) and a deck's share of it.
//! [`output`] writes files atomically; [`error`] has the typed errors.
//!
//! ```
//! let text = "Tokio Die USA und Japan wollen enger zusammenarbeiten. Es regnete. \
//!             Beide Länder wollen ihre Lieferketten sichern.";
//! let summary = kernsatz::summarize(text, &kernsatz::Options::default()).unwrap();
//! assert!(summary.sentences[0].text.starts_with("Die USA"));
//! ```
//!
//! The library never prints.
//!
//! A study pack:
//!
//! ```
//! use kernsatz::article::Article;
//! use kernsatz::study::{StudyPack, StudySettings};
//!
//! let text = std::fs::read_to_string("examples/japan-usa-wirtschaftssicherheit.txt").unwrap();
//! let article = Article::from_text("japan-usa.txt", text);
//! let idf = kernsatz::IdfTable::embedded();
//! let pack = StudyPack::build(&article, &StudySettings::default(), idf).unwrap();
//! assert!(!pack.vocab.is_empty() && !pack.cloze.items.is_empty());
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod article;
pub(crate) mod clean;
pub mod cloze;
pub mod coordination;
pub mod document;
pub mod error;
pub mod export;
pub(crate) mod genre;
pub mod html;
pub mod idf;
pub mod input;
pub mod lexicon;
mod memo;
pub mod output;
pub(crate) mod residue;
pub(crate) mod score;
pub mod segment;
pub(crate) mod select;
pub(crate) mod stopwords;
pub mod study;
pub mod summarize;
#[cfg(test)]
pub(crate) mod test_fixtures;
pub mod tokenize;
pub mod vocab;

pub use clean::BlockKind;
pub use document::Document;
pub use error::{Error, ErrorKind, Result};
pub use idf::{IdfBuilder, IdfTable};
pub use score::ScoreParams;
pub use select::Length;
pub use summarize::{Options, Summarizer, Summary, SummarySentence, summarize};
