//! Writing output files safely: to a temporary file in the same directory, then renamed over the
//! target, so a failed or interrupted write never leaves a partial file and never destroys an
//! existing one. An existing target is replaced only when asked to, and only if it is a regular
//! file: a symlink, device, FIFO or directory is never replaced.
//!
//! Every temporary file and directory is removed when it is dropped; a program that is
//! interrupted (SIGINT, SIGTERM) calls [`remove_temporary_files`] from its signal handler and
//! exits while holding what it returns, so that nothing is left behind either.

use std::collections::BTreeSet;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use crate::error::{Error, ErrorKind, Result};

/// Temporary files and directories alive now, for [`remove_temporary_files`].
static LIVE: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

/// Creates a temporary file or directory with `make` and records it, under the lock, so that
/// [`remove_temporary_files`] never misses one that exists.
fn registered<T>(
    make: impl FnOnce() -> io::Result<T>,
    path: impl Fn(&T) -> &Path,
) -> io::Result<T> {
    let mut live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
    let t = make()?;
    live.insert(path(&t).to_path_buf());
    Ok(t)
}

fn unregister(p: &Path) {
    LIVE.lock().unwrap_or_else(|e| e.into_inner()).remove(p);
}

/// Returned by [`remove_temporary_files`]: while it lives, no temporary file can be created.
pub struct TemporaryFilesRemoved(#[allow(dead_code)] MutexGuard<'static, BTreeSet<PathBuf>>);

/// Remove every temporary file and directory this process has open, for a signal handler that
/// ends the process (where destructors do not run). Keep the returned value until the process
/// exits: other threads then cannot create new temporary files.
pub fn remove_temporary_files() -> TemporaryFilesRemoved {
    let mut live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
    for p in std::mem::take(&mut *live) {
        // a file being renamed inside a directory meanwhile can make one pass fail
        for _ in 0..10 {
            let gone = if p.is_dir() {
                fs::remove_dir_all(&p).is_ok()
            } else {
                fs::remove_file(&p).is_ok()
            };
            if gone || fs::symlink_metadata(&p).is_err() {
                break;
            }
        }
    }
    TemporaryFilesRemoved(live)
}

/// Write `path` atomically with the bytes `write` produces. Without `force`, an existing `path`
/// is an error and is left untouched.
pub fn write_atomic(
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    write_atomic_seekable(path, force, |w| write(w))
}

/// [`write_atomic`] for writers that also seek (a zip archive): `write` gets the buffered file.
pub(crate) fn write_atomic_seekable(
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut BufWriter<fs::File>) -> io::Result<()>,
) -> Result<()> {
    check_target(path, force)?;
    let (tmp, file) = TempFile::beside(path, "")?;
    let mut w = BufWriter::new(file);
    write(&mut w)
        .and_then(|()| w.into_inner().map_err(|e| e.into_error()))
        .and_then(|file| file.sync_all())
        .map_err(|e| Error::io("write", path, e))?;
    tmp.persist(path, force)
}

/// Can `target` be written? It must not exist, or (with `force`) be a regular file.
pub(crate) fn check_target(target: &Path, force: bool) -> Result<()> {
    match fs::symlink_metadata(target) {
        Err(_) => Ok(()),
        Ok(_) if !force => Err(exists_error(target)),
        Ok(m) if m.file_type().is_file() => Ok(()),
        Ok(m) => Err(ErrorKind::NotAFile {
            path: target.to_path_buf(),
            kind: file_kind(&m.file_type()),
        }
        .into()),
    }
}

fn file_kind(t: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_symlink() {
        "a symbolic link"
    } else if t.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

/// Longest part of the target's file name kept in a temporary name, so that the temporary name
/// (dot, name, dot, random part, suffix) stays within the usual 255-byte limit.
const MAX_NAME_IN_TEMP: usize = 200;

/// A hidden temporary name prefix for `target`: `.NAME.` with NAME cut to fit.
fn temp_prefix(target: &Path) -> String {
    let base = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".to_string());
    let mut cut = base.len().min(MAX_NAME_IN_TEMP);
    while !base.is_char_boundary(cut) {
        cut -= 1;
    }
    format!(".{}.", &base[..cut])
}

/// The directory `target` is in (`.` for a bare name).
fn parent_of(target: &Path) -> &Path {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A temporary file beside its target (same directory, hidden name), removed when dropped
/// unless it was persisted.
pub(crate) struct TempFile(Option<tempfile::NamedTempFile>);

impl TempFile {
    /// Creates a new, empty temporary file beside `target`, named after it with `suffix`.
    pub(crate) fn beside(target: &Path, suffix: &str) -> Result<(TempFile, fs::File)> {
        let dir = parent_of(target);
        let named = registered(
            || {
                tempfile::Builder::new()
                    .prefix(&temp_prefix(target))
                    .suffix(&format!("{suffix}.tmp"))
                    .tempfile_in(dir)
            },
            |t| t.path(),
        )
        .map_err(|e| {
            Error::io("create a temporary file in", dir, e).in_source(target.display().to_string())
        })?;
        let file = named
            .as_file()
            .try_clone()
            .map_err(|e| Error::io("create a temporary file in", dir, e))?;
        Ok((TempFile(Some(named)), file))
    }

    pub(crate) fn path(&self) -> &Path {
        self.0.as_ref().map_or(Path::new(""), |t| t.path())
    }

    /// Moves the temporary file to `target`. Without `force`, an existing `target` is an error
    /// (checked without a race where the platform supports it); with `force`, only a regular
    /// file is replaced.
    pub(crate) fn persist(mut self, target: &Path, force: bool) -> Result<()> {
        check_target(target, force)?;
        let tmp = self.0.take().expect("not yet persisted");
        let path = tmp.path().to_path_buf();
        let result = if force {
            tmp.persist(target)
        } else {
            tmp.persist_noclobber(target)
        };
        unregister(&path);
        result.map(drop).map_err(|e| {
            if !force && e.error.kind() == io::ErrorKind::AlreadyExists {
                exists_error(target)
            } else {
                Error::io("write", target, e.error)
            }
        })
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(t) = &self.0 {
            unregister(t.path());
        }
    }
}

/// A temporary directory beside `target` (hidden name), for outputs made of several files that
/// appear all at once or not at all; removed when dropped unless it was persisted.
pub(crate) struct TempDir(Option<tempfile::TempDir>);

impl TempDir {
    pub(crate) fn beside(target: &Path) -> Result<TempDir> {
        let dir = parent_of(target);
        let tmp = registered(
            || {
                tempfile::Builder::new()
                    .prefix(&temp_prefix(target))
                    .suffix(".tmp")
                    .tempdir_in(dir)
            },
            |t| t.path(),
        )
        .map_err(|e| Error::io("create a temporary directory in", dir, e))?;
        Ok(TempDir(Some(tmp)))
    }

    pub(crate) fn path(&self) -> &Path {
        self.0.as_ref().map_or(Path::new(""), |t| t.path())
    }

    /// Renames the directory to `target`, which must not exist.
    pub(crate) fn persist(mut self, target: &Path) -> Result<()> {
        let tmp = self.0.take().expect("not yet persisted");
        let path = tmp.keep();
        // renamed and unregistered under the lock of [`remove_temporary_files`]: an
        // interruption removes the whole directory before the rename, or finds it renamed and
        // whole; never empties it while it is being renamed (a pack of no files)
        let mut live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
        let result = if target.exists() {
            Err(exists_error(target))
        } else {
            fs::rename(&path, target).map_err(|e| Error::io("create", target, e))
        };
        if result.is_err() {
            let _ = fs::remove_dir_all(&path);
        }
        live.remove(&path);
        result
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if let Some(t) = &self.0 {
            unregister(t.path());
        }
    }
}

/// The error for an output file that exists and is not to be replaced.
pub(crate) fn exists_error(target: &Path) -> Error {
    ErrorKind::OutputExists {
        path: target.to_path_buf(),
    }
    .into()
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
