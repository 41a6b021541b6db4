//! Writing output files safely: to a temporary file in the same directory, then renamed over the
//! target, so a failed or interrupted write never leaves a partial file and never destroys an
//! existing one. An existing target is replaced only when asked to.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};

/// Write `path` atomically with the bytes `write` produces. Without `force`, an existing `path`
/// is an error and is left untouched.
pub fn write_atomic(
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    if !force && path.exists() {
        return Err(exists_error(path));
    }
    let (tmp, file) = TempFile::beside(path, "")?;
    let mut w = BufWriter::new(file);
    write(&mut w)
        .and_then(|()| w.into_inner().map_err(|e| e.into_error()))
        .and_then(|file| file.sync_all())
        .map_err(|e| Error::io("write", path, e))?;
    tmp.persist(path, force)
}

/// Longest part of the target's file name kept in a temporary name, so that the temporary name
/// (dot, name, dot, random part, suffix) stays within the usual 255-byte limit.
const MAX_NAME_IN_TEMP: usize = 200;

/// A temporary file beside its target (same directory, hidden name), removed when dropped
/// unless it was persisted.
pub(crate) struct TempFile(tempfile::NamedTempFile);

impl TempFile {
    /// Creates a new, empty temporary file beside `target`, named after it with `suffix`.
    pub(crate) fn beside(target: &Path, suffix: &str) -> Result<(TempFile, fs::File)> {
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let base = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "export".to_string());
        let mut cut = base.len().min(MAX_NAME_IN_TEMP);
        while !base.is_char_boundary(cut) {
            cut -= 1;
        }
        let named = tempfile::Builder::new()
            .prefix(&format!(".{}.", &base[..cut]))
            .suffix(&format!("{suffix}.tmp"))
            .tempfile_in(dir)
            .map_err(|e| {
                Error::io("create a temporary file in", dir, e)
                    .in_source(target.display().to_string())
            })?;
        let file = named
            .as_file()
            .try_clone()
            .map_err(|e| Error::io("create a temporary file in", dir, e))?;
        Ok((TempFile(named), file))
    }

    pub(crate) fn path(&self) -> &Path {
        self.0.path()
    }

    /// Moves the temporary file to `target`. Without `force`, an existing `target` is an error
    /// (checked without a race where the platform supports it).
    pub(crate) fn persist(self, target: &Path, force: bool) -> Result<()> {
        let result = if force {
            self.0.persist(target)
        } else {
            self.0.persist_noclobber(target)
        };
        result.map(drop).map_err(|e| {
            if !force && e.error.kind() == io::ErrorKind::AlreadyExists {
                exists_error(target)
            } else {
                Error::io("write", target, e.error)
            }
        })
    }
}

/// The error for an output file that exists and is not to be replaced.
pub(crate) fn exists_error(target: &Path) -> Error {
    ErrorKind::OutputExists {
        path: target.to_path_buf(),
    }
    .into()
}

/// Writes `bytes` to `target` atomically (see [`TempFile`]); refuses an existing target
/// unless `force`.
pub(crate) fn write_atomically(target: &Path, bytes: &[u8], force: bool) -> Result<()> {
    write_atomic(target, force, |w| w.write_all(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_refuses_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        write_atomic(&p, false, |w| w.write_all(b"one")).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"one");
        let e = write_atomic(&p, false, |w| w.write_all(b"two")).unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::OutputExists { .. }), "{e}");
        assert_eq!(fs::read(&p).unwrap(), b"one");
        write_atomic(&p, true, |w| w.write_all(b"two")).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
    }

    #[test]
    fn failed_write_leaves_old_file_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        fs::write(&p, b"old").unwrap();
        let e = write_atomic(&p, true, |w| {
            w.write_all(b"partial")?;
            Err(io::Error::other("boom"))
        });
        assert!(e.is_err());
        assert_eq!(fs::read(&p).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn unwritable_directory_is_an_error() {
        let e = write_atomic(Path::new("/nonexistent-dir/x/out.txt"), false, |w| {
            w.write_all(b"x")
        });
        assert!(e.is_err());
    }
}
