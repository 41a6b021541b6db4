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
    let shown = path.display().to_string();
    let fail = |what: &str, e: &dyn std::fmt::Display| {
        Error::new(ErrorKind::Export(format!("cannot {what} {shown}: {e}")))
    };
    if !force && path.exists() {
        return Err(Error::new(ErrorKind::Export(format!(
            "{shown} exists already; use --force to replace it"
        ))));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| Error::new(ErrorKind::Export(format!("{shown} is not a file path"))))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| -> io::Result<()> {
        let file = fs::File::create(&tmp)?;
        let mut w = BufWriter::new(file);
        write(&mut w)?;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        Ok(())
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(fail("write", &e));
    }
    if !force && path.exists() {
        let _ = fs::remove_file(&tmp);
        return Err(Error::new(ErrorKind::Export(format!(
            "{shown} exists already; use --force to replace it"
        ))));
    }
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        fail("rename temporary file to", &e)
    })
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
