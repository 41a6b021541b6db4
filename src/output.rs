//! Writing output files safely: to a temporary file in the same directory, then renamed over the
//! target, so a failed or interrupted write never leaves a partial file and never destroys an
//! existing one. An existing target is replaced only when asked to.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

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
        .map_err(|e| export_err(format!("cannot write {}: {e}", path.display())))?;
    tmp.persist(path, force)
}

fn export_err(msg: impl Into<String>) -> Error {
    Error::new(ErrorKind::Export(msg.into()))
}

/// Removes the file when dropped unless disarmed.
pub(crate) struct TempFile {
    path: PathBuf,
    armed: bool,
}

impl TempFile {
    /// Creates a new, empty temporary file beside `target` (same directory, hidden name).
    pub(crate) fn beside(target: &Path, suffix: &str) -> Result<(TempFile, fs::File)> {
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let base = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "export".to_string());
        let pid = std::process::id();
        for attempt in 0..1000u32 {
            let path = dir.join(format!(".{base}.{pid}-{attempt}{suffix}.tmp"));
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(file) => return Ok((TempFile { path, armed: true }, file)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    return Err(export_err(format!(
                        "cannot create a temporary file in {}: {e}",
                        dir.display()
                    ))
                    .with_source(target.display().to_string()));
                }
            }
        }
        Err(export_err(format!(
            "cannot create a temporary file in {}",
            dir.display()
        )))
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Moves the temporary file to `target`. Without `force`, an existing `target` is an error
    /// (checked without a race where the platform supports hard links).
    pub(crate) fn persist(mut self, target: &Path, force: bool) -> Result<()> {
        let io_err = |e: std::io::Error| {
            export_err(format!("cannot write {}: {e}", target.display()))
                .with_source(target.display().to_string())
        };
        if force {
            fs::rename(&self.path, target).map_err(io_err)?;
        } else {
            match fs::hard_link(&self.path, target) {
                Ok(()) => {
                    let _ = fs::remove_file(&self.path);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    return Err(exists_error(target));
                }
                Err(_) => {
                    if target.exists() {
                        return Err(exists_error(target));
                    }
                    fs::rename(&self.path, target).map_err(io_err)?;
                }
            }
        }
        self.armed = false;
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if self.armed {
            let _ = fs::remove_file(&self.path);
        }
    }
}

pub(crate) fn exists_error(target: &Path) -> Error {
    export_err(format!(
        "{} already exists; use --force to overwrite it",
        target.display()
    ))
    .with_source(target.display().to_string())
}

/// Writes `bytes` to `target` atomically (see [`TempFile`]); refuses an existing target
/// unless `force`.
pub(crate) fn write_atomically(target: &Path, bytes: &[u8], force: bool) -> Result<()> {
    if !force && target.exists() {
        return Err(exists_error(target));
    }
    let (tmp, mut file) = TempFile::beside(target, "")?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| {
            export_err(format!("cannot write {}: {e}", tmp.path().display()))
                .with_source(target.display().to_string())
        })?;
    drop(file);
    tmp.persist(target, force)
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
        assert!(e.to_string().contains("--force"), "{e}");
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
