//! The library's one error type: what went wrong ([`ErrorKind`], typed) and, when known, which
//! file or record it is about.
//!
//! Messages describe the problem, never a command-line flag: the binary adds its own hints
//! (for example "use --force" to [`ErrorKind::OutputExists`]).

use std::fmt;
use std::io;
use std::path::PathBuf;

/// What went wrong, without the name of the file it came from.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input bytes are not valid in the requested encoding.
    #[error("invalid text encoding at byte {offset}: {detail}")]
    Decode {
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// What is wrong there, e.g. the bytes found.
        detail: String,
        /// The bytes look like Latin-1 / Windows-1252 text.
        latin1_likely: bool,
    },
    /// The input looks like binary data.
    #[error("input looks like binary data (NUL byte at byte {offset}), not text")]
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// The input holds no text at all (empty or whitespace only).
    #[error("no text to work on (input is empty or whitespace only)")]
    EmptyInput,
    /// The input holds text, but no article sentence (only headings, credits, prompts).
    #[error(
        "no article sentences found: the input holds only boilerplate (headings, credits, prompts)"
    )]
    NoArticleText,
    /// A web page exceeds a limit that keeps parsing bounded in time and memory.
    #[error("{0}")]
    PageTooComplex(String),
    /// An IDF table that cannot be read.
    #[error("{0}")]
    InvalidTable(String),
    /// An option has a value that cannot be used.
    #[error("{0}")]
    InvalidOption(String),
    /// An Anki collection or package that cannot be read (for its known words).
    #[error("{0}")]
    UnreadableCollection(String),
    /// A note or deck that Anki would reject.
    #[error("{0}")]
    InvalidNote(String),
    /// An output file exists and was not to be replaced.
    #[error("{} already exists", path.display())]
    OutputExists {
        /// The existing file.
        path: PathBuf,
    },
    /// An output path that exists and is not a regular file: it is never replaced.
    #[error("{} is {kind}, not a regular file: not replaced", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is: "a symbolic link", "a device", "a FIFO", "a directory", ….
        kind: &'static str,
    },
    /// Reading or writing a file failed.
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        /// What was being done: "read", "write", "create".
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: io::Error,
    },
    /// Building an export failed (SQLite, zip, CSV writer).
    #[error("{what} failed: {detail}")]
    Export {
        /// What was being built.
        what: &'static str,
        /// The underlying library's message.
        detail: String,
    },
}

/// The library error: an [`ErrorKind`] plus, when known, the file or record it is about.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    name: Option<String>,
}

impl Error {
    /// An error of this kind.
    pub fn new(kind: ErrorKind) -> Self {
        Error { kind, name: None }
    }

    /// The same error, naming the file or record it is about (shown before the message).
    pub fn in_source(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The file or record the error is about, when known.
    pub fn source_name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// An I/O error on `path`.
    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::new(ErrorKind::Io {
            action,
            path: path.into(),
            source,
        })
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Error::new(kind)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(name) = &self.name {
            write!(f, "{name}: ")?;
        }
        self.kind.fmt(f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.kind)
    }
}

/// Result with the library's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_source_and_keeps_the_cause() {
        let e = Error::io(
            "write",
            "out/x.md",
            io::Error::new(io::ErrorKind::PermissionDenied, "denied"),
        )
        .in_source("art.txt");
        assert_eq!(e.to_string(), "art.txt: cannot write out/x.md: denied");
        let cause = std::error::Error::source(&e).expect("the io error");
        assert_eq!(cause.to_string(), "denied");
        assert!(matches!(
            e.kind(),
            ErrorKind::Io {
                action: "write",
                ..
            }
        ));
    }
}
