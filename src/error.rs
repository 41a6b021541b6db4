//! The library's one error type.

use std::fmt;

/// What went wrong, without the context of which file it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input bytes are not valid in the requested encoding.
    InvalidEncoding {
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// Human readable detail.
        detail: String,
    },
    /// The input holds no text (empty, whitespace only, or only boilerplate).
    EmptyInput,
    /// The input looks like binary data.
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// A data file (IDF table, JSONL line, …) could not be parsed.
    Parse(String),
    /// An option has a value that cannot be used.
    InvalidOption(String),
    /// Writing an export failed.
    Export(String),
}

/// The library error: a kind plus an optional source name (file path or JSONL id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    source_name: Option<String>,
}

impl Error {
    /// A new error of this kind.
    pub fn new(kind: ErrorKind) -> Self {
        Error {
            kind,
            source_name: None,
        }
    }

    /// The same error, naming where it came from.
    pub fn with_source(mut self, name: impl Into<String>) -> Self {
        self.source_name = Some(name.into());
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The file or record the error is about, when known.
    pub fn source_name(&self) -> Option<&str> {
        self.source_name.as_deref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(name) = &self.source_name {
            write!(f, "{name}: ")?;
        }
        match &self.kind {
            ErrorKind::InvalidEncoding { offset, detail } => {
                write!(f, "invalid text encoding at byte {offset}: {detail}")
            }
            ErrorKind::EmptyInput => {
                write!(f, "no text to work on (input is empty or whitespace only)")
            }
            ErrorKind::Binary { offset } => write!(
                f,
                "input looks like binary data (NUL byte at byte {offset}), not text"
            ),
            ErrorKind::Parse(msg) => write!(f, "{msg}"),
            ErrorKind::InvalidOption(msg) => write!(f, "{msg}"),
            ErrorKind::Export(msg) => write!(f, "{msg}"),
        }
    }
}

impl std::error::Error for Error {}

/// Result with the library's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
