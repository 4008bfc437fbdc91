//! Opening a file's bytes: compression told from its first bytes, and what reading leaves
//! in the operating system's cache ([`Cache`]).

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use crate::error::{Error, Result};

use super::{Source, SourceKind};

/// How a JSONL source is compressed, told from its first bytes (never from its name: a
/// `.jsonl` that is really gzip, or stdin, is read all the same).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Compression {
    None,
    /// gzip, possibly several members one after another (as `cat a.gz b.gz` makes).
    Gzip,
    /// Zstandard (`.jsonl.zst`, as large web and news corpora are shipped), possibly several
    /// frames one after another.
    Zstd,
}

impl Compression {
    pub(super) fn sniff(head: &[u8]) -> Compression {
        if head.starts_with(&[0x1f, 0x8b]) {
            Compression::Gzip
        } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Compression::Zstd
        } else {
            Compression::None
        }
    }
}

/// What reading a corpus does to the operating system's cache of its files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Cache {
    /// Leave the pages cached: a corpus read again soon (the next run, `--unique`) comes from
    /// memory.
    #[default]
    Keep,
    /// Drop each file's pages once they are read (Linux; elsewhere the same as `Keep`). A
    /// corpus larger than memory then streams through without pushing out of the cache what
    /// the run keeps there (its spilled features): at 10M articles (26 GB) the features were
    /// otherwise read back from disk a page at a time.
    DropBehind,
}

impl Cache {
    /// `DropBehind` when what the run keeps was spilled to files (and so lives in the page
    /// cache, beside a corpus too big to stay there too); `Keep` otherwise.
    pub fn for_spilled(spilled: bool) -> Cache {
        if spilled {
            Cache::DropBehind
        } else {
            Cache::Keep
        }
    }
}

/// Bytes read between two requests to drop what was read.
pub(super) const DROP_EVERY: u64 = 32 << 20;

/// A file read front to back, telling the kernel every [`DROP_EVERY`] bytes that what was read
/// will not be needed again.
struct DropBehind {
    file: File,
    read: u64,
    dropped: u64,
}

impl DropBehind {
    fn new(file: File) -> DropBehind {
        DropBehind {
            file,
            read: 0,
            dropped: 0,
        }
    }

    /// Drops what was read since the last drop (nothing when nothing was: a length of 0 would
    /// mean to the end of the file).
    fn drop_read(&mut self) {
        if self.read > self.dropped {
            drop_cached(&self.file, self.dropped, self.read - self.dropped);
            self.dropped = self.read;
        }
    }
}

impl Drop for DropBehind {
    /// A reader put down before the end (`reread` stops at the last record it wants) drops
    /// what it read all the same.
    fn drop(&mut self) {
        self.drop_read();
    }
}

impl io::Read for DropBehind {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.file.read(buf)?;
        self.read += n as u64;
        if n == 0 || self.read - self.dropped >= DROP_EVERY {
            self.drop_read();
        }
        Ok(n)
    }
}

/// Asks the kernel to drop the cached pages of `len` bytes of `file` from `offset` (`0`: to the
/// end). Advice only: nothing to report when it is not taken.
fn drop_cached(file: &File, offset: u64, len: u64) {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: `posix_fadvise` reads nothing from memory; the descriptor is open for as
        // long as `file` is borrowed.
        unsafe {
            libc::posix_fadvise(
                file.as_raw_fd(),
                offset as libc::off_t,
                len as libc::off_t,
                libc::POSIX_FADV_DONTNEED,
            );
        }
    }
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    let _ = (file, offset, len);
}

/// A whole file's bytes, its cached pages dropped afterwards when `cache` says so.
pub(super) fn read_whole(path: &Path, cache: Cache) -> io::Result<Vec<u8>> {
    match cache {
        Cache::Keep => std::fs::read(path),
        Cache::DropBehind => {
            let mut file = File::open(path)?;
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes)?;
            drop_cached(&file, 0, 0);
            Ok(bytes)
        }
    }
}

/// Opens a JSONL source for line reading, decompressing gzip or zstd when the file starts with
/// its magic.
pub(super) fn open_lines(source: &Source, cache: Cache) -> Result<Box<dyn BufRead + Send>> {
    let read_err = |e| Error::Read {
        path: source.path.clone(),
        source: e,
    };
    let mut inner: Box<dyn BufRead + Send> = match source.kind {
        SourceKind::Stdin => Box::new(BufReader::with_capacity(1 << 20, io::stdin())),
        _ => {
            let file = File::open(&source.path).map_err(read_err)?;
            match cache {
                Cache::Keep => Box::new(BufReader::with_capacity(1 << 20, file)),
                Cache::DropBehind => {
                    Box::new(BufReader::with_capacity(1 << 20, DropBehind::new(file)))
                }
            }
        }
    };
    let wrap = |r: Box<dyn io::Read + Send>| -> Box<dyn BufRead + Send> {
        Box::new(BufReader::with_capacity(1 << 20, r))
    };
    let mut lines = match Compression::sniff(inner.fill_buf().map_err(read_err)?) {
        Compression::None => inner,
        Compression::Gzip => wrap(Box::new(flate2::bufread::MultiGzDecoder::new(inner))),
        Compression::Zstd => wrap(Box::new(
            zstd::stream::read::Decoder::with_buffer(inner).map_err(read_err)?,
        )),
    };
    // A byte order mark (as spreadsheet programs and Windows editors write one) is not part of
    // the first record. A read error here shows again, and is reported, when the lines are read.
    if lines
        .fill_buf()
        .is_ok_and(|b| b.starts_with(b"\xef\xbb\xbf"))
    {
        lines.consume(3);
    }
    Ok(lines)
}
