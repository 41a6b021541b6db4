//! kernsatz: German news articles into study material.
//!
//! The pipeline runs one way, each stage in its own module, and every stage keeps byte offsets
//! into the original text:
//!
//! [`input`] (bytes → text) → [`clean`] (boilerplate, datelines) → [`segment`] (sentences) →
//! [`tokenize`] (words, stems, stop words) → [`score`] (TF-IDF; its position prior reads the
//! article's [`genre`]) → [`select`] → summary.
//! [`document::Document`] holds the result of the first stages; [`Summarizer`] the rest.
//!
//! ```
//! let text = "Tokio Die USA und Japan wollen enger zusammenarbeiten. Es regnete. \
//!             Beide Länder wollen ihre Lieferketten sichern.";
//! let summary = kernsatz::summarize(text, &kernsatz::Options::default()).unwrap();
//! assert!(summary.sentences[0].text.starts_with("Die USA"));
//! ```
//!
//! The library never prints.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod article;
pub mod clean;
pub mod cloze;
pub mod document;
pub mod error;
pub mod export;
pub mod genre;
pub mod html;
pub mod idf;
pub mod input;
pub mod lexicon;
mod memo;
pub mod output;
pub mod residue;
pub mod score;
pub mod segment;
pub mod select;
pub mod stopwords;
pub mod study;
pub mod summarize;
pub mod tokenize;
pub mod vocab;

pub use document::Document;
pub use error::{Error, ErrorKind, Result};
pub use idf::{IdfBuilder, IdfTable};
pub use select::Length;
pub use summarize::{Options, Summarizer, Summary, SummarySentence, summarize};
