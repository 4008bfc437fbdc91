//! Output: files that appear whole or not at all.
//!
//! An [`AtomicFile`] writes to a temporary file beside its target and renames it over the
//! target only when [`AtomicFile::commit`] has flushed and synced it: a reader never sees half a
//! file, and a failed run (a full disk, an error, a panic) leaves the old file, or none, in
//! place. Temporary files still being written are listed, so that an interrupted run can remove
//! them ([`remove_unfinished`], called from the binary's Ctrl-C handler). A target that is not
//! a regular file (`/dev/stdout`, a named pipe) cannot be replaced and is written directly; `-`
//! is stdout.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};

/// Temporary files of outputs not yet committed.
static UNFINISHED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn unfinished() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    UNFINISHED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Removes the temporary files of every output still being written; returns how many. For an
/// interrupted run: the outputs already committed stay whole, the others never appear.
pub fn remove_unfinished() -> usize {
    let mut list = unfinished();
    let n = list
        .iter()
        .filter(|p| std::fs::remove_file(p).is_ok())
        .count();
    list.clear();
    n
}

/// An output file that appears whole or not at all (see the module documentation).
pub struct AtomicFile {
    path: PathBuf,
    sink: Option<Sink>,
}

enum Sink {
    Stdout(BufWriter<io::Stdout>),
    Device(BufWriter<File>),
    Temporary {
        writer: BufWriter<tempfile::NamedTempFile>,
        temp: PathBuf,
    },
}

impl AtomicFile {
    /// Starts writing `path`.
    pub fn create(path: &Path) -> Result<AtomicFile> {
        let write_err = |e| Error::Write {
            path: path.to_path_buf(),
            source: e,
        };
        let sink = if path.as_os_str() == "-" {
            Sink::Stdout(BufWriter::new(io::stdout()))
        } else if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            Sink::Device(BufWriter::new(
                File::options().write(true).open(path).map_err(write_err)?,
            ))
        } else {
            let dir = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            let mut builder = tempfile::Builder::new();
            builder.prefix(".copydesk-").suffix(".tmp");
            // Outputs are ordinary files: readable by all, like any file the shell would create.
            #[cfg(unix)]
            builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
            let tmp = builder.tempfile_in(dir).map_err(write_err)?;
            let temp = tmp.path().to_path_buf();
            unfinished().push(temp.clone());
            Sink::Temporary {
                writer: BufWriter::with_capacity(1 << 20, tmp),
                temp,
            }
        };
        Ok(AtomicFile {
            path: path.to_path_buf(),
            sink: Some(sink),
        })
    }

    /// Flushes, syncs and renames the file into place.
    pub fn commit(mut self) -> Result<()> {
        let path = self.path.clone();
        let write_err = |e| Error::Write {
            path: path.clone(),
            source: e,
        };
        match self.sink.take().expect("a file is committed once") {
            Sink::Stdout(mut w) => w.flush().map_err(write_err),
            Sink::Device(mut w) => w.flush().map_err(write_err),
            Sink::Temporary { writer, temp } => {
                let result = (|| {
                    let tmp = writer.into_inner().map_err(|e| write_err(e.into_error()))?;
                    tmp.as_file().sync_all().map_err(write_err)?;
                    tmp.persist(&path).map_err(|e| write_err(e.error))?;
                    Ok(())
                })();
                unfinished().retain(|p| *p != temp);
                result
            }
        }
    }

    fn writer(&mut self) -> &mut dyn Write {
        match self.sink.as_mut().expect("not committed") {
            Sink::Stdout(w) => w,
            Sink::Device(w) => w,
            Sink::Temporary { writer, .. } => writer,
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        // Not committed: the temporary file is deleted with its handle; forget it.
        if let Some(Sink::Temporary { temp, .. }) = &self.sink {
            unfinished().retain(|p| p != temp);
        }
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer().write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer().flush()
    }
}

/// Writes `path` atomically with `fill`; `-` writes to stdout.
pub fn write_atomic(path: &Path, fill: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let mut file = AtomicFile::create(path)?;
    fill(&mut file)?;
    file.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One test, not two: `remove_unfinished` is process-wide and would race a parallel test.
    #[test]
    fn nothing_appears_until_commit_and_unfinished_files_can_be_removed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.txt");
        let mut f = AtomicFile::create(&target).unwrap();
        f.write_all(b"hello").unwrap();
        assert!(!target.exists());
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "one temporary file"
        );
        drop(f);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "dropped: nothing left"
        );

        let mut f = AtomicFile::create(&target).unwrap();
        f.write_all(b"partial").unwrap();
        assert!(remove_unfinished() >= 1);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "interrupted: nothing left"
        );
        drop(f);

        let mut f = AtomicFile::create(&target).unwrap();
        f.write_all(b"hello").unwrap();
        f.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "hello");
    }

    #[test]
    fn a_full_device_is_an_error_naming_it() {
        if !Path::new("/dev/full").exists() {
            return;
        }
        let err = write_atomic(Path::new("/dev/full"), |w| {
            w.write_all(&vec![b'x'; 1 << 21]).map_err(|e| Error::Write {
                path: "/dev/full".into(),
                source: e,
            })
        })
        .unwrap_err();
        assert!(err.to_string().contains("/dev/full"), "{err}");
    }
}
