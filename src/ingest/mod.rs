//! Ingest: read articles from JSONL files (plain, gzip or zstd), JSON arrays, CSV, TSV and
//! Parquet tables, folders of `.txt` files and stdin.
//!
//! Reading is sequential and streaming: [`read_batches`] hands out batches of raw records with
//! their [`Origin`] (file and line), holding at most one batch in memory at a time, so that
//! parsing and analysis can run in parallel on a batch while the next one is read. [`parse`]
//! turns one raw record into a [`Record`] or a [`BadRecord`] that says `file:line: what is
//! wrong`. This module never drops a record: every line that is not blank comes back as one or
//! the other, and a read error part-way through a file (a truncated gzip or zstd file) is a bad
//! record too.
//!
//! The record format is in `../shared/CONTRACT.md`: `text` is required, `id` (string or integer)
//! defaults to `<file>:<line>`, `outlet`, `title`, `url`, `published` are optional, and any other
//! field is kept in the raw line, which [`reread`] gives back byte for byte. A corpus that names
//! them otherwise is read with a [`Fields`] mapping ([`open_sources_with`]).
//!
//! Its parts, one job each: `fields` (which JSON fields a record's values are read from),
//! `batch` (raw records read together), `files` (compression and the page cache), `lines`
//! (JSONL lines, through a buffer or a memory map), `tables` (CSV and TSV, and the one door to
//! every table-like source), `json_array` and `parquet_rows`.

use std::collections::HashMap;
use std::fmt;
use std::io::{self, BufRead};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;
use serde_json::Value;

use crate::error::{Error, Result};

mod batch;
mod fields;
mod files;
mod json_array;
mod lines;
pub mod markup;
pub mod mojibake;
mod parquet_rows;
mod tables;
#[cfg(test)]
mod tests;

pub use batch::{Batch, Raw};

use batch::Batches;
pub use fields::{Field, Fields};
pub use files::Cache;

use files::{open_lines, read_whole};
use lines::{mappable, read_buffered, read_mapped, without_line_end};
use tables::{Row, table_rows};

/// What kind of input a [`Source`] is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// JSONL, one article per line (gzip or zstd detected from the content).
    Jsonl,
    /// One `.txt` file, one article.
    Text {
        /// Its `id`: the path relative to the folder given on the command line, or the path as
        /// given for a file named on its own, with `/` separators.
        rel: String,
        /// Its `outlet`: the first folder of `rel` in a folder given on the command line (none
        /// for a file named on its own: the folder it happens to be in may be anything).
        outlet: Option<String>,
    },
    /// JSONL on standard input.
    Stdin,
    /// CSV or TSV (gzip or zstd detected from the content): a header row naming the fields,
    /// then one article a row. Each row is read as the JSON object of its non-empty cells
    /// keyed by the header (so `--field` maps columns, and `--unique` writes rows as JSON lines).
    Csv {
        /// The cell separator: `,`, or a tab for `.tsv`.
        delimiter: u8,
    },
    /// A JSON file holding one array of records (`.json`, gzip or zstd, starting with `[`;
    /// a `.json` file that does not is read as JSONL). A record's line is where it starts (in
    /// an array written on one line, its position: one more than the last).
    JsonArray,
    /// A Parquet file (`.parquet`, as dataset hubs ship corpora): each row a record, its
    /// columns the fields (nested groups as JSON objects). A record's "line" is its row
    /// number, from 1.
    Parquet,
}

/// One input file.
#[derive(Clone, Debug)]
pub struct Source {
    /// The path as the user will recognise it in messages (`-` is `<stdin>`).
    pub name: String,
    /// Where to read it.
    pub path: PathBuf,
    /// How to read it.
    pub kind: SourceKind,
    /// Which JSON fields hold a record's text and metadata (JSONL and stdin only).
    pub fields: Arc<Fields>,
    /// Whether an uncompressed JSONL file may be read through memory maps (true as opened;
    /// `--no-mmap` clears it). Mapping saves a copy of every byte, but a file truncated by
    /// another program while it is mapped ends the run with a bus error.
    pub map: bool,
    /// How a CSV or TSV table quotes its cells ([`Quoting::Auto`] as opened; `--quoting` sets
    /// it).
    pub quoting: Quoting,
}

/// How the cells of a CSV or TSV table are quoted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Quoting {
    /// Told from the table's first megabyte: doubled if every cell there reads cleanly so,
    /// else backslash if every cell does, else none for TSV and doubled for CSV.
    #[default]
    Auto,
    /// A cell may be quoted, a quote inside it doubled: `"a ""b"" c"` (CSV; Python and pandas
    /// write TSV so too).
    Doubled,
    /// As doubled, a quote inside a quoted cell also written `\"` (R's `write.table`, MySQL).
    Backslash,
    /// Not quoted at all: a quotation mark is a character of its cell, wherever it stands
    /// (plain TSV: MSRP, most NLP datasets).
    None,
}

/// Where a record came from: index into the source list, and 1-based line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Origin {
    /// Index of the [`Source`].
    pub source: u32,
    /// 1-based line in that source.
    pub line: u64,
}

/// An article id, kept as given: a JSON string or a JSON integer.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ArticleId {
    /// An integer id, as its decimal text.
    Int(Box<str>),
    /// A string id.
    Text(Box<str>),
}

impl Serialize for ArticleId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            ArticleId::Int(n) => {
                let number: serde_json::Number = n.parse().map_err(serde::ser::Error::custom)?;
                number.serialize(s)
            }
            ArticleId::Text(t) => s.serialize_str(t),
        }
    }
}

impl ArticleId {
    /// The id as written (an integer id's decimal text), as [`fmt::Display`] shows it.
    pub fn as_str(&self) -> &str {
        match self {
            ArticleId::Int(t) | ArticleId::Text(t) => t,
        }
    }

    /// A hash of the id that is the same in every run and build (XXH3 of a kind byte and the
    /// text): an integer id and a string id with the same digits differ.
    pub fn stable_hash(&self) -> u64 {
        let (kind, text) = match self {
            ArticleId::Int(n) => (0u64, n),
            ArticleId::Text(t) => (1u64, t),
        };
        xxhash_rust::xxh3::xxh3_64_with_seed(text.as_bytes(), kind)
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArticleId::Int(n) => f.write_str(n),
            ArticleId::Text(t) => f.write_str(t),
        }
    }
}

/// Optional metadata of an article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    /// Who published it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<Box<str>>,
    /// Headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Box<str>>,
    /// Where it was published (its host in lower case; the record as read keeps it as given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Box<str>>,
    /// When, as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<Box<str>>,
}

impl Meta {
    /// Who published the article: its `outlet`, or without one the host of its `url` (`www.`
    /// and any port dropped), so that articles crawled with only a url are still told apart
    /// by publisher.
    pub fn publisher(&self) -> Option<&str> {
        self.outlet
            .as_deref()
            .or_else(|| self.url.as_deref().and_then(url_host))
    }
}

/// `url` with its host in lower case (hosts are case-insensitive: `WWW.Dawn.COM` is
/// `dawn.com`'s), so that one publisher's urls give one [`Meta::publisher`]. Without capitals
/// in the host, or without a host, `url` itself.
fn lowercase_host(url: Box<str>) -> Box<str> {
    let Some(host) = host_part(&url) else {
        return url;
    };
    // Only a host (`url_host`'s test: it has a dot) with capitals is rewritten.
    if !host.contains('.') || !host.bytes().any(|b| b.is_ascii_uppercase()) {
        return url;
    }
    let range = {
        let start = crate::normalize::offset_in(&url, host);
        start..start + host.len()
    };
    let mut lowered = url.into_string();
    lowered[range].make_ascii_lowercase();
    lowered.into_boxed_str()
}

/// The host of `url` as written (`https://user@www.example.com:8080/a` gives
/// `www.example.com`); `None` when it has none.
fn host_part(url: &str) -> Option<&str> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    host.split(':').next()
}

/// The host of `url` (`https://www.example.com:8080/a` gives `example.com`); `None` when it
/// has none.
fn url_host(url: &str) -> Option<&str> {
    let host = host_part(url)?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty() && host.contains('.')).then_some(host)
}

/// A parsed article.
#[derive(Clone, Debug)]
pub struct Record {
    /// Its id.
    pub id: ArticleId,
    /// The body.
    pub text: String,
    /// Metadata.
    pub meta: Meta,
}

/// A record that could not be used, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BadRecord {
    /// The input file.
    pub file: String,
    /// 1-based line.
    pub line: u64,
    /// What is wrong, in words.
    pub problem: String,
}

impl fmt::Display for BadRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.problem)
    }
}

/// Expands the inputs given on the command line into sources, in order: a folder becomes its
/// `*.txt` files sorted by path, `-` is stdin. A path that does not exist is an error. JSONL
/// records are read with the contract's field names ([`open_sources_with`] maps others).
pub fn open_sources(inputs: &[PathBuf]) -> Result<Vec<Source>> {
    open_sources_with(inputs, &Arc::new(Fields::default()))
}

/// [`open_sources`], JSONL records read with `fields`.
pub fn open_sources_with(inputs: &[PathBuf], fields: &Arc<Fields>) -> Result<Vec<Source>> {
    let mut sources = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            sources.push(Source {
                name: "<stdin>".into(),
                path: input.clone(),
                kind: SourceKind::Stdin,
                fields: fields.clone(),
                map: true,
                quoting: Quoting::Auto,
            });
        } else if input.is_dir() {
            let mut files = Vec::new();
            for entry in walkdir::WalkDir::new(input).sort_by_file_name() {
                let entry = entry.map_err(|e| Error::Read {
                    path: e.path().map_or_else(|| input.clone(), Path::to_path_buf),
                    source: e.into(),
                })?;
                let p = entry.path();
                if entry.file_type().is_file() && is_txt(p) {
                    let rel = slash_path(p.strip_prefix(input).unwrap_or(p));
                    let outlet = rel.split_once('/').map(|(first, _)| first.to_string());
                    files.push(Source {
                        name: p.display().to_string(),
                        path: p.to_path_buf(),
                        kind: SourceKind::Text { rel, outlet },
                        fields: fields.clone(),
                        map: true,
                        quoting: Quoting::Auto,
                    });
                }
            }
            sources.extend(files);
        } else if input.exists() {
            sources.push(Source {
                name: input.display().to_string(),
                path: input.clone(),
                kind: table_kind(input)
                    .or_else(|| text_kind(input))
                    .unwrap_or_else(|| json_kind_of(input)),
                fields: fields.clone(),
                map: true,
                quoting: Quoting::Auto,
            });
        } else {
            return Err(Error::NotFound(input.clone()));
        }
    }
    Ok(sources)
}

/// A `.csv` or `.tsv` file (plain, `.gz` or `.zst`) or a `.parquet` file is a table; anything
/// else is JSONL.
fn table_kind(path: &Path) -> Option<SourceKind> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    if name.ends_with(".parquet") {
        return Some(SourceKind::Parquet);
    }
    let name = [".gz", ".zst"]
        .iter()
        .find_map(|z| name.strip_suffix(z))
        .unwrap_or(&name);
    if name.ends_with(".csv") {
        Some(SourceKind::Csv { delimiter: b',' })
    } else if name.ends_with(".tsv") {
        Some(SourceKind::Csv { delimiter: b'\t' })
    } else {
        None
    }
}

/// Whether `path` names a text file: `.txt`, in any case (`.TXT` as Windows tools write).
/// What a folder holds, as counts of its files by kind: the extension, lowercased, with the
/// one before a `.gz` or `.zst` kept (`jsonl.gz`), or empty for a file without one; most
/// common first, then by name. For telling a user why a folder gave no article.
pub fn file_kinds(dir: &Path) -> Vec<(String, usize)> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().to_ascii_lowercase();
        let parts: Vec<&str> = name.split('.').skip(1).collect();
        let keep = match parts.last() {
            Some(&"gz" | &"zst") => 2,
            _ => 1,
        };
        let kind = parts[parts.len().saturating_sub(keep)..].join(".");
        *counts.entry(kind).or_default() += 1;
    }
    let mut kinds: Vec<(String, usize)> = counts.into_iter().collect();
    kinds.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    kinds
}

fn is_txt(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("txt"))
}

/// A `.txt` file named on its own is one article, as it is in a folder (so `copydesk dedup
/// news/*.txt` reads what `copydesk dedup news` does, but for the outlets), its id the path as
/// given.
fn text_kind(path: &Path) -> Option<SourceKind> {
    is_txt(path).then(|| SourceKind::Text {
        rel: slash_path(path),
        outlet: None,
    })
}

/// `path` written with `/` between its parts, whatever the platform writes (`C:/news/a.txt`).
fn slash_path(path: &Path) -> String {
    let mut out = String::new();
    for part in path.components() {
        if !out.is_empty() && !out.ends_with('/') {
            out.push('/');
        }
        match part {
            std::path::Component::RootDir if out.is_empty() => out.push('/'),
            std::path::Component::RootDir => {}
            part => out.push_str(&part.as_os_str().to_string_lossy()),
        }
    }
    out
}

/// A `.json` file (plain, `.gz` or `.zst`) whose first character is `[` is an array of
/// records; anything else is JSONL.
fn json_kind_of(path: &Path) -> SourceKind {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let name = [".gz", ".zst"]
        .iter()
        .find_map(|z| name.strip_suffix(z))
        .unwrap_or(&name);
    if !name.ends_with(".json") {
        return SourceKind::Jsonl;
    }
    let probe = Source {
        name: String::new(),
        path: path.to_path_buf(),
        kind: SourceKind::Jsonl,
        fields: Arc::default(),
        map: false,
        quoting: Quoting::Auto,
    };
    let starts_array = open_lines(&probe, Cache::Keep)
        .ok()
        .is_some_and(|mut lines| {
            loop {
                let Ok(buf) = lines.fill_buf() else {
                    return false;
                };
                match buf.iter().position(|b| !b.is_ascii_whitespace()) {
                    Some(at) => return buf[at] == b'[',
                    None if buf.is_empty() => return false,
                    None => {
                        let n = buf.len();
                        lines.consume(n);
                    }
                }
            }
        });
    if starts_array {
        SourceKind::JsonArray
    } else {
        SourceKind::Jsonl
    }
}

/// Reads every source in order and calls `sink` with batches of about `batch_bytes` of raw
/// records. Stops at the first error `sink` returns. A source that cannot be opened is an
/// error; a read error inside a source becomes a [`Raw::Unreadable`] and reading goes on with the
/// next source.
pub fn read_batches<E: From<Error>>(
    sources: &[Source],
    batch_bytes: usize,
    sink: impl FnMut(Batch) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    read_batches_with(sources, batch_bytes, Cache::Keep, None, sink)
}

/// [`read_batches`], leaving the operating system's cache of the files read as `cache` says,
/// and filling again the batches `spares` hands back once they are used. A new batch's buffer
/// is fresh memory the kernel zeroes and maps a page at a time; a used one is already mapped.
pub fn read_batches_with<E: From<Error>>(
    sources: &[Source],
    batch_bytes: usize,
    cache: Cache,
    spares: Option<&std::sync::mpsc::Receiver<Batch>>,
    sink: impl FnMut(Batch) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let fresh = || match spares.and_then(|spares| spares.try_recv().ok()) {
        Some(mut used) => {
            used.clear();
            used
        }
        None => Batch::with_capacity(batch_bytes),
    };
    let mut out = Batches::new(batch_bytes, fresh, sink);
    for (index, source) in sources.iter().enumerate() {
        let index = index as u32;
        let origin = |line| Origin {
            source: index,
            line,
        };
        let mapped = match (&source.kind, cache) {
            (SourceKind::Jsonl, Cache::Keep) if source.map => mappable(&source.path),
            _ => None,
        };
        match (&source.kind, mapped) {
            (SourceKind::Text { .. }, _) => match read_whole(&source.path, cache) {
                Ok(bytes) => out.batch.push_record(origin(1), &bytes),
                Err(e) => out
                    .batch
                    .push_unreadable(origin(1), format!("cannot read: {e}")),
            },
            (SourceKind::Csv { .. } | SourceKind::Parquet | SourceKind::JsonArray, _) => {
                for row in table_rows(source, cache)? {
                    match row {
                        Row::Record(line, bytes) => out.batch.push_record(origin(line), &bytes),
                        Row::Bad(line, problem) | Row::Stopped(line, problem) => {
                            out.batch.push_unreadable(origin(line), problem)
                        }
                    }
                    out.hand_on_if_full()?;
                }
            }
            (SourceKind::Jsonl, Some((file, len))) => read_mapped(&file, len, index, &mut out)?,
            (SourceKind::Jsonl | SourceKind::Stdin, _) => {
                read_buffered(&mut *open_lines(source, cache)?, index, &mut out)?
            }
        }
        out.hand_on_if_full()?;
    }
    out.finish()
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn optional_string(
    value: Option<Value>,
    field: &Field,
) -> std::result::Result<Option<Box<str>>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.into_boxed_str())),
        Some(other) => Err(format!(
            "`{field}` must be a string, found {}",
            json_kind(&other)
        )),
    }
}

/// Seconds since the Unix epoch of a `published` value: RFC 3339 (with offset), RFC 2822 (as
/// RSS feeds write it: `Fri, 27 Nov 2026 10:00:00 +0000`), or a civil date-time or date read as
/// UTC (`2026-11-27 10:00`, `2026-11-27`). `None` when it is none of these.
pub fn published_seconds(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Ok(ts) = s.parse::<jiff::Timestamp>() {
        return Some(ts.as_second());
    }
    if let Ok(z) = jiff::fmt::rfc2822::parse(s) {
        return Some(z.timestamp().as_second());
    }
    let civil = s.parse::<jiff::civil::DateTime>().ok().or_else(|| {
        s.parse::<jiff::civil::Date>()
            .ok()
            .map(|d| d.to_datetime(jiff::civil::Time::midnight()))
    })?;
    civil
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .ok()
        .map(|z| z.timestamp().as_second())
}

/// Describes invalid UTF-8: the line and byte where it starts.
fn utf8_problem(bytes: &[u8], err: std::str::Utf8Error) -> (u64, String) {
    let at = err.valid_up_to();
    let line = 1 + bytes[..at].iter().filter(|b| **b == b'\n').count() as u64;
    let col = at
        - bytes[..at]
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |p| p + 1);
    (
        line,
        format!("invalid UTF-8 at byte {} (column {})", at, col + 1),
    )
}

/// The text of a `.txt` file: UTF-8 (a byte order mark dropped), or UTF-16 when it starts
/// with a UTF-16 byte order mark (as Windows editors save "Unicode" text). `Err` says the
/// line and what is wrong.
pub fn text_file(bytes: Vec<u8>) -> std::result::Result<String, (u64, String)> {
    let utf16 = |bytes: &[u8], unit: fn([u8; 2]) -> u16| {
        let invalid = || {
            let problem = "invalid UTF-16 (the file starts with a UTF-16 byte order mark)";
            (1, problem.to_string())
        };
        if !bytes.len().is_multiple_of(2) {
            return Err(invalid());
        }
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|pair| unit([pair[0], pair[1]]))
            .collect();
        String::from_utf16(&units).map_err(|_| invalid())
    };
    match bytes.as_slice() {
        [0xff, 0xfe, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xfe, 0xff, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => {
            let mut bytes = bytes;
            if bytes.starts_with(b"\xef\xbb\xbf") {
                bytes.drain(..3);
            }
            String::from_utf8(bytes).map_err(|e| utf8_problem(e.as_bytes(), e.utf8_error()))
        }
    }
}

/// Parses one raw record from `source`. `Err` carries the bad record's report.
pub fn parse(
    source: &Source,
    origin: Origin,
    bytes: &[u8],
) -> std::result::Result<Record, BadRecord> {
    let bad = |line: u64, problem: String| BadRecord {
        file: source.name.clone(),
        line,
        problem,
    };
    if let SourceKind::Text { rel, outlet } = &source.kind {
        let text = text_file(bytes.to_vec()).map_err(|(line, problem)| bad(line, problem))?;
        return Ok(Record {
            id: ArticleId::Text(rel.as_str().into()),
            text: clean_text(text),
            meta: Meta {
                outlet: outlet.as_deref().map(Into::into),
                ..Meta::default()
            },
        });
    }
    let line = origin.line;
    // simdutf8 checks a valid record several times faster than std (whose check was 10% of the
    // floor's time); std says where an invalid one goes wrong.
    let text = match simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes)) {
        Ok(text) => text,
        Err(e) => return Err(bad(line, utf8_problem(bytes, e).1)),
    };
    let fields = &*source.fields;
    let [text, id, outlet, title, url, published] = match fields.pick(text) {
        Some(values) => values,
        None => fields
            .take_all(text)
            .map_err(|problem| bad(line, problem))?,
    };
    let text = match text {
        Some(Value::String(s)) => s,
        // Paragraphs as a list of strings (as some corpora keep them): one text, a blank line
        // between paragraphs.
        Some(Value::Array(paragraphs)) if paragraphs.iter().all(Value::is_string) => paragraphs
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n\n"),
        None => return Err(bad(line, format!("`{}` is missing", fields.text))),
        Some(other) => {
            return Err(bad(
                line,
                format!(
                    "`{}` must be a string or a list of strings, found {}",
                    fields.text,
                    json_kind(&other)
                ),
            ));
        }
    };
    let id = match id {
        None | Some(Value::Null) => ArticleId::Text(format!("{}:{}", source.name, line).into()),
        Some(Value::String(s)) => ArticleId::Text(s.into_boxed_str()),
        Some(Value::Number(n)) if n.is_i64() || n.is_u64() => {
            ArticleId::Int(n.to_string().into_boxed_str())
        }
        Some(other) => {
            return Err(bad(
                line,
                format!(
                    "`{}` must be a string or an integer, found {}",
                    fields.id,
                    json_kind(&other)
                ),
            ));
        }
    };
    let field = |value, f: &Field| optional_string(value, f).map_err(|p| bad(line, p));
    let meta = Meta {
        outlet: field(outlet, &fields.outlet)?,
        title: field(title, &fields.title)?.map(|t| clean_text(t.into_string()).into_boxed_str()),
        url: field(url, &fields.url)?.map(lowercase_host),
        published: field(published, &fields.published)?,
    };
    let text = clean_text(text);
    Ok(Record { id, text, meta })
}

/// A record's text (or headline) as its outlet meant it: mojibake repaired ([`mojibake`]), then
/// markup read ([`markup`]). What every stage after ingest sees; `--unique` writes the record as
/// it was.
pub fn clean_text(text: String) -> String {
    // Each step hands back the text it was given when it changes nothing: no copy then.
    let step = |text: String, read: fn(&str) -> std::borrow::Cow<'_, str>| match read(&text) {
        std::borrow::Cow::Owned(read) => read,
        std::borrow::Cow::Borrowed(_) => text,
    };
    step(step(text, mojibake::repaired), markup::stripped)
}

/// Reads the raw bytes of the records at `origins` (sorted, as produced by one pass of
/// [`read_batches`]) again, in order, calling `sink` with each. Used to write the deduplicated
/// corpus byte for byte without keeping texts in memory. Stdin cannot be read twice: the caller
/// spools it to a file first.
pub fn reread(
    sources: &[Source],
    origins: &[Origin],
    sink: impl FnMut(Origin, &[u8]) -> Result<()>,
) -> Result<()> {
    reread_with(sources, origins, Cache::Keep, sink)
}

/// [`reread`], leaving the operating system's cache of the files read as `cache` says.
pub fn reread_with(
    sources: &[Source],
    origins: &[Origin],
    cache: Cache,
    mut sink: impl FnMut(Origin, &[u8]) -> Result<()>,
) -> Result<()> {
    let mut i = 0;
    while i < origins.len() {
        let source_index = origins[i].source;
        let source = &sources[source_index as usize];
        let read_err = |e| Error::Read {
            path: source.path.clone(),
            source: e,
        };
        match source.kind {
            SourceKind::Text { .. } => {
                let bytes = read_whole(&source.path, cache).map_err(read_err)?;
                sink(origins[i], &bytes)?;
                i += 1;
            }
            SourceKind::Csv { .. } | SourceKind::Parquet | SourceKind::JsonArray => {
                let changed = || {
                    read_err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        "the file changed while copydesk ran",
                    ))
                };
                let mut rows = table_rows(source, cache)?;
                while i < origins.len() && origins[i].source == source_index {
                    match rows.next().ok_or_else(changed)? {
                        Row::Record(line, bytes) if line == origins[i].line => {
                            sink(origins[i], &bytes)?;
                            i += 1;
                        }
                        Row::Record(line, _) | Row::Bad(line, _) if line < origins[i].line => {}
                        _ => return Err(changed()),
                    }
                }
            }
            SourceKind::Jsonl | SourceKind::Stdin => {
                let mut reader = open_lines(source, cache)?;
                let mut line = 0u64;
                let mut bytes = Vec::new();
                while i < origins.len() && origins[i].source == source_index {
                    bytes.clear();
                    if reader.read_until(b'\n', &mut bytes).map_err(read_err)? == 0 {
                        return Err(read_err(io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            "the file changed while copydesk ran",
                        )));
                    }
                    line += 1;
                    if line == origins[i].line {
                        sink(origins[i], &bytes[..without_line_end(&bytes)])?;
                        i += 1;
                    }
                }
            }
        }
    }
    Ok(())
}

/// The fields of the first record of `source` (JSONL or a table), each with the length of its
/// value when that is a string, in the record's order: for suggesting which field holds the text
/// when none is where it was looked for. `None` when there is no first record or it is not a JSON
/// object (a `.txt` file has no fields).
pub fn first_record_fields(source: &Source) -> Option<Vec<(String, Option<usize>)>> {
    if matches!(source.kind, SourceKind::Text { .. } | SourceKind::Stdin) {
        return None;
    }
    /// Stops reading at the first record.
    enum Stop {
        Found(Vec<u8>),
        Failed,
    }
    impl From<Error> for Stop {
        fn from(_: Error) -> Stop {
            Stop::Failed
        }
    }
    let first = read_batches(std::slice::from_ref(source), 1, |batch| {
        match batch.iter().find_map(|raw| match raw {
            Raw::Record { bytes, .. } => Some(bytes.to_vec()),
            Raw::Unreadable { .. } => None,
        }) {
            Some(bytes) => Err(Stop::Found(bytes)),
            None => Ok(()),
        }
    });
    let Err(Stop::Found(bytes)) = first else {
        return None;
    };
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(&bytes) else {
        return None;
    };
    Some(
        map.into_iter()
            .map(|(k, v)| {
                let len = v.as_str().map(str::len);
                (k, len)
            })
            .collect(),
    )
}

/// Copies standard input to a temporary file so that it can be read twice.
pub fn spool_stdin() -> Result<tempfile::NamedTempFile> {
    let mut file = tempfile::NamedTempFile::new().map_err(|e| Error::Write {
        path: std::env::temp_dir(),
        source: e,
    })?;
    io::copy(&mut io::stdin().lock(), &mut file).map_err(|e| Error::Read {
        path: "<stdin>".into(),
        source: e,
    })?;
    Ok(file)
}

/// Reads a whole small input for tests and tools: parses every record of `sources`.
pub fn read_all(sources: &[Source]) -> Result<(Vec<Record>, Vec<BadRecord>)> {
    read_filtered(sources, |_| true)
}

/// Parses every record of `sources` and keeps those `keep` accepts (with every bad record), so
/// picking a few records out of a large corpus holds only those few.
pub fn read_filtered(
    sources: &[Source],
    mut keep: impl FnMut(&Record) -> bool,
) -> Result<(Vec<Record>, Vec<BadRecord>)> {
    let (mut good, mut bad) = (Vec::new(), Vec::new());
    read_batches::<Error>(sources, 1 << 20, |batch| {
        for raw in batch.iter() {
            match raw {
                Raw::Record { origin, bytes } => {
                    match parse(&sources[origin.source as usize], origin, bytes) {
                        Ok(r) if keep(&r) => good.push(r),
                        Ok(_) => {}
                        Err(b) => bad.push(b),
                    }
                }
                Raw::Unreadable { origin, problem } => bad.push(BadRecord {
                    file: sources[origin.source as usize].name.clone(),
                    line: origin.line,
                    problem: problem.to_string(),
                }),
            }
        }
        Ok(())
    })?;
    Ok((good, bad))
}
