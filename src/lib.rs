//! kernsatz: German news articles into study material.
//!
//! The pipeline runs one way, each stage in its own module, and every stage keeps byte offsets
//! into the original text:
//!
//! input → [`clean`] → [`segment`] → [`tokenize`] → [`score`] → [`select`] → summary / vocab /
//! cloze → export.
//!
//! The library never prints.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod error;
pub mod html;

pub use error::{Error, ErrorKind, Result};
