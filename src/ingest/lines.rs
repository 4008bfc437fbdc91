//! JSONL lines: where a record's line ends, and reading an uncompressed file's lines through
//! memory maps rather than a buffer.

use std::fs::File;
use std::io::{self, BufRead, Read};
use std::path::Path;

use super::Origin;
use super::batch::{Batch, Batches, Entry};
use super::files::Compression;

/// [`BufRead::read_until`] a newline, with the newline found by the `memchr` crate's SIMD
/// search: std's searches a word at a time, and was 7.5% of the read-and-tokenize floor's time
/// on the 1M bench corpus.
pub(super) fn read_line(reader: &mut dyn BufRead, line: &mut Vec<u8>) -> io::Result<usize> {
    let mut read = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let (used, done) = match memchr::memchr(b'\n', available) {
            Some(at) => (at + 1, true),
            None => (available.len(), available.is_empty()),
        };
        line.extend_from_slice(&available[..used]);
        reader.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

/// The length of `line` without its line end (`\n`, `\r\n`, or more carriage returns).
pub(super) fn without_line_end(line: &[u8]) -> usize {
    line.len()
        - line
            .iter()
            .rev()
            .take_while(|&&b| matches!(b, b'\n' | b'\r'))
            .count()
}

/// Where the record on `line` ends ([`without_line_end`]); `None` when the line holds nothing
/// but white space: a blank line is not a record. The one rule of both readers, buffered and
/// mapped.
pub(super) fn record_end(line: &[u8]) -> Option<usize> {
    let end = without_line_end(line);
    (!line[..end].iter().all(u8::is_ascii_whitespace)).then_some(end)
}

/// A file to read through memory maps, with its length: a regular, non-empty file that is
/// neither gzip nor Zstandard, on a file system that maps it (some network and FUSE file
/// systems do not). `None` sends it the buffered way (which also words any error).
pub(super) fn mappable(path: &Path) -> Option<(File, u64)> {
    // Told from its metadata before it is opened: opening a named pipe waits for its writer,
    // and closing it again would throw away what the writer had sent.
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() == 0 {
        return None;
    }
    let mut file = File::open(path).ok()?;
    let mut head = [0u8; 4];
    let n = file.read(&mut head).ok()?;
    if !matches!(Compression::sniff(&head[..n]), Compression::None) {
        return None;
    }
    // SAFETY: a trial map, read by nothing and dropped at once.
    let trial = unsafe { memmap2::MmapOptions::new().len(n).map(&file) };
    trial.ok().map(|_| (file, meta.len()))
}

/// Reads a JSONL source's records through `reader` into `out` (one line at a time, straight into
/// the batch's buffer). A read error ends the source with an unreadable record saying from which
/// line on nothing was read.
pub(super) fn read_buffered<E>(
    reader: &mut dyn BufRead,
    source: u32,
    out: &mut Batches<impl Fn() -> Batch, impl FnMut(Batch) -> Result<(), E>>,
) -> Result<(), E> {
    let mut line = 0u64;
    loop {
        let batch = &mut out.batch;
        line += 1;
        // The line is read straight into the batch's buffer, and taken back off it
        // when it is blank.
        let start = batch.bytes.len();
        match read_line(reader, &mut batch.bytes) {
            Ok(0) => break,
            Ok(_) => match record_end(&batch.bytes[start..]) {
                Some(len) => {
                    batch.bytes.truncate(start + len);
                    batch.push_tail(Origin { source, line }, start);
                }
                None => {
                    batch.bytes.truncate(start);
                    continue; // a blank line is not a record
                }
            },
            Err(e) => {
                batch.bytes.truncate(start);
                let problem = match e.kind() {
                    io::ErrorKind::UnexpectedEof => "file ends early (truncated compressed file?); nothing after this line was read".to_string(),
                    _ => format!("cannot read from this line on: {e}"),
                };
                batch.push_unreadable(Origin { source, line }, problem);
                break;
            }
        }
        out.hand_on_if_full()?;
    }
    Ok(())
}

/// Reads an uncompressed JSONL file's records as [`read_buffered`] reads them (the same lines,
/// numbers and blank-line and byte-order-mark rules), without copying them: each batch maps the
/// part of the file its whole lines are in, about a full batch's bytes (more when one line is
/// longer). At 1M articles, the kernel's copy into the reader's buffer took
/// about a tenth of the first stage's processor time and the copy into the batch a little more.
///
/// A map that cannot be made ends the file's reading with an unreadable record, as a read error
/// does. The file must not shrink while it is read: like every program that maps files
/// (ripgrep among them), copydesk would then stop with a bus error.
pub(super) fn read_mapped<E>(
    file: &File,
    len: u64,
    source: u32,
    out: &mut Batches<impl Fn() -> Batch, impl FnMut(Batch) -> Result<(), E>>,
) -> Result<(), E> {
    let map_part = |offset: u64, len: u64| {
        // SAFETY: the map is read only while the batch holding it lives; the file is not
        // written by copydesk, and the doc comment above says what happens if another
        // program truncates it meanwhile.
        unsafe {
            memmap2::MmapOptions::new()
                .offset(offset)
                .len(len as usize)
                .populate()
                .map(file)
        }
    };
    let mut line = 0u64;
    let mut offset = 0u64;
    while offset < len {
        // The part from `offset` to the last line end in about a full batch, or to the end.
        let mut want = (out.full.max(1) as u64).min(len - offset);
        let (map, used) = loop {
            let map = match map_part(offset, want) {
                Ok(map) => map,
                Err(e) => {
                    let origin = Origin {
                        source,
                        line: line + 1,
                    };
                    let problem = format!("cannot read from this line on: {e}");
                    out.batch.push_unreadable(origin, problem);
                    return Ok(());
                }
            };
            if offset + want == len {
                let used = map.len();
                break (map, used);
            }
            match memchr::memrchr(b'\n', &map) {
                Some(at) => break (map, at + 1),
                None => want = want.saturating_mul(2).min(len - offset),
            }
        };
        if out.batch.map.is_some() {
            out.hand_on()?; // one map a batch
        }
        let batch = &mut out.batch;
        let records_before = batch.entries.len();
        // A byte order mark is not part of the first record.
        let mut start = if offset == 0 && map.starts_with(b"\xef\xbb\xbf") {
            3
        } else {
            0
        };
        while start < used {
            let end = memchr::memchr(b'\n', &map[start..used]).map_or(used, |at| start + at);
            line += 1;
            if let Some(len) = record_end(&map[start..end]) {
                batch.entries.push(Entry::Mapped {
                    origin: Origin { source, line },
                    start,
                    end: start + len,
                });
            }
            start = end + 1;
        }
        if batch.entries.len() > records_before {
            batch.map = Some(map); // a part of blank lines is not kept, nor sent on alone
        }
        offset += used as u64;
        out.hand_on_if_full()?;
    }
    Ok(())
}
