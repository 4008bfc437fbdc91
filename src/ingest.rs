//! Ingest: read articles from JSONL files (plain, gzip or zstd), JSON arrays, CSV, TSV and
//! Parquet tables, folders of `.txt` files and stdin.
//!
//! Reading is sequential and streaming: [`read_batches`] hands out batches of raw records with
//! their [`Origin`] (file and line), holding at most one batch in memory at a time, so that
//! parsing and analysis can run in parallel on a batch while the next one is read. [`parse`]
//! turns one raw record into a [`Record`] or a [`BadRecord`] that says `file:line: what is
//! wrong`. This module never drops a record: every line that is not blank comes back as one or
//! the other, and a read error part-way through a file (a truncated gzip or zstd file) is a bad record too.
//!
//! The record format is in `../shared/CONTRACT.md`: `text` is required, `id` (string or integer)
//! defaults to `<file>:<line>`, `outlet`, `title`, `url`, `published` are optional, and any other
//! field is kept in the raw line, which [`reread`] gives back byte for byte. A corpus that names
//! them otherwise is read with a [`Fields`] mapping ([`open_sources_with`]).

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;
use serde_json::Value;

use crate::error::{Error, Result};

/// What kind of input a [`Source`] is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// JSONL, one article per line (gzip or zstd detected from the content).
    Jsonl,
    /// One `.txt` file, one article; `id` is `rel`, `outlet` the first folder of `rel`.
    Text {
        /// Path relative to the folder given on the command line, with `/` separators.
        rel: String,
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
}

/// Where a JSON record keeps one of the values copydesk reads: a top-level field's name, or a
/// JSON pointer (RFC 6901) to a nested one when it starts with `/` (`/meta/source`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field(Box<str>);

impl Field {
    /// The field as the user wrote it (as bad-record messages name it).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Takes the field's value out of `record` (`None` when it is absent).
    fn take(&self, record: &mut Value) -> Option<Value> {
        if self.0.starts_with('/') {
            record.pointer_mut(&self.0).map(Value::take)
        } else {
            record.as_object_mut()?.remove(&*self.0)
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which JSON fields of a JSONL record hold the text and each piece of metadata. The default
/// is the contract's names (`text`, `id`, `outlet`, `title`, `url`, `published`); corpora
/// written by other tools name them otherwise (`maintext` and `source_domain` in news-please,
/// `content` in many crawls), and [`Fields::set`] maps them without rewriting the corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fields {
    /// The article body (required).
    pub text: Field,
    /// The id (a string or an integer).
    pub id: Field,
    /// Who published it.
    pub outlet: Field,
    /// Its headline.
    pub title: Field,
    /// Where it was published.
    pub url: Field,
    /// When it was published.
    pub published: Field,
}

impl Default for Fields {
    fn default() -> Self {
        let field = |name: &str| Field(name.into());
        Fields {
            text: field("text"),
            id: field("id"),
            outlet: field("outlet"),
            title: field("title"),
            url: field("url"),
            published: field("published"),
        }
    }
}

impl Fields {
    /// The names [`Fields::set`] knows.
    pub const NAMES: [&'static str; 6] = ["text", "id", "outlet", "title", "url", "published"];

    /// Reads `name`'s value from `field` instead: `set("text", "maintext")`, or a JSON pointer
    /// such as `set("outlet", "/meta/source")`. `Err` says what is wrong with the pair.
    pub fn set(&mut self, name: &str, field: &str) -> std::result::Result<(), String> {
        if field.is_empty() {
            return Err(format!("no field given for `{name}`"));
        }
        let slot = match name {
            "text" => &mut self.text,
            "id" => &mut self.id,
            "outlet" => &mut self.outlet,
            "title" => &mut self.title,
            "url" => &mut self.url,
            "published" => &mut self.published,
            _ => {
                return Err(format!(
                    "no value called `{name}`: one of {}",
                    Self::NAMES.join(", ")
                ));
            }
        };
        *slot = Field(field.into());
        Ok(())
    }
}

/// The values of a record's six fields, in the order of [`Fields::NAMES`].
type Values = [Option<Value>; 6];

impl Fields {
    /// The fields in the order of [`Fields::NAMES`].
    fn in_order(&self) -> [&Field; 6] {
        [
            &self.text,
            &self.id,
            &self.outlet,
            &self.title,
            &self.url,
            &self.published,
        ]
    }

    /// The six values of the JSON object `record`, read straight from the text: other fields
    /// are skipped, not built. `None` when `record` is not a valid JSON object, or a field is
    /// a pointer: [`Fields::take_all`] then says why or reads it. Building the whole object as
    /// a [`Value`] (a map, every key and value allocated, then six taken out) was about 8% of
    /// the read-and-tokenize floor's time at 1M. A field copydesk does not read is only checked
    /// to be well-formed JSON, so a number too large for a double in one (`1e400`, which a
    /// [`Value`] refuses) no longer makes the record bad.
    fn pick(&self, record: &str) -> Option<Values> {
        if self.in_order().iter().any(|f| f.0.starts_with('/')) {
            return None;
        }
        let mut json = serde_json::Deserializer::from_str(record);
        let values = serde::de::DeserializeSeed::deserialize(Pick(self), &mut json).ok()?;
        json.end().ok()?;
        Some(values)
    }

    /// The six values of `record`, parsed whole and each taken out in turn (so that a field
    /// named twice is read once, by the first). `Err` says what is wrong with the record.
    fn take_all(&self, record: &str) -> std::result::Result<Values, String> {
        let mut value: Value = serde_json::from_str(record).map_err(|e| {
            let what = if e.is_eof() {
                "truncated JSON"
            } else {
                "invalid JSON"
            };
            format!("{what}: {e}")
        })?;
        if !value.is_object() {
            return Err(format!(
                "expected a JSON object, found {}",
                json_kind(&value)
            ));
        }
        Ok(self.in_order().map(|f| f.take(&mut value)))
    }
}

/// Reads a JSON object's values of [`Fields`] (all top-level names), skipping the rest.
struct Pick<'a>(&'a Fields);

impl<'de> serde::de::DeserializeSeed<'de> for Pick<'_> {
    type Value = Values;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        json: D,
    ) -> std::result::Result<Values, D::Error> {
        json.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Pick<'_> {
    type Value = Values;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Values, A::Error> {
        let names = self.0.in_order();
        let mut values = Values::default();
        while let Some(slot) = map.next_key_seed(Slot(&names))? {
            match slot {
                // A repeated key's last value counts, as when the object is parsed whole.
                Some(i) => values[i] = Some(map.next_value()?),
                None => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(values)
    }
}

/// Reads a key of a JSON object as which of the fields it is (the first that names it), without
/// allocating it.
struct Slot<'a>(&'a [&'a Field; 6]);

impl<'de> serde::de::DeserializeSeed<'de> for Slot<'_> {
    type Value = Option<usize>;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        json: D,
    ) -> std::result::Result<Option<usize>, D::Error> {
        json.deserialize_str(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Slot<'_> {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: serde::de::Error>(self, key: &str) -> std::result::Result<Option<usize>, E> {
        Ok(self.0.iter().position(|f| f.as_str() == key))
    }
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
        let start = host.as_ptr() as usize - url.as_ptr() as usize;
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

/// One unit read from a source, not yet parsed: a view into a [`Batch`].
#[derive(Clone, Copy, Debug)]
pub enum Raw<'a> {
    /// The bytes of one record (a JSONL line without its line ending, a whole `.txt` file, or
    /// a table row made a JSON object).
    Record {
        /// Where it came from.
        origin: Origin,
        /// Its bytes.
        bytes: &'a [u8],
    },
    /// The record could not be read (a table row with the wrong number of cells, or invalid
    /// UTF-8 in a cell), or the source could not be read from this line on (a truncated gzip or
    /// zstd file, an I/O error).
    Unreadable {
        /// Where reading stopped.
        origin: Origin,
        /// What went wrong.
        problem: &'a str,
    },
}

impl Raw<'_> {
    /// Where the record came from.
    pub fn origin(&self) -> Origin {
        match self {
            Raw::Record { origin, .. } | Raw::Unreadable { origin, .. } => *origin,
        }
    }
}

/// Raw records read together, in input order. Their bytes share one buffer: one allocation a
/// batch rather than one a record, allocated by the reading thread and freed by another. Per
/// record, that allocation and free were 7% of the read-and-tokenize floor's time at 1M.
///
/// Records of an uncompressed JSONL file are not copied at all: the batch holds a memory map of
/// the part of the file they are in (see [`read_batches_with`]).
#[derive(Debug, Default)]
pub struct Batch {
    bytes: Vec<u8>,
    /// The part of a file its `Mapped` records are in.
    map: Option<memmap2::Mmap>,
    entries: Vec<Entry>,
}

/// Where a [`Batch`] keeps one raw record.
#[derive(Debug)]
enum Entry {
    /// In `bytes`.
    Record {
        origin: Origin,
        start: usize,
        end: usize,
    },
    /// In `map`.
    Mapped {
        origin: Origin,
        start: usize,
        end: usize,
    },
    Unreadable {
        origin: Origin,
        problem: String,
    },
}

impl Batch {
    /// An empty batch with room for about `bytes` of records.
    fn with_capacity(bytes: usize) -> Batch {
        Batch {
            bytes: Vec::with_capacity(bytes.saturating_add(1 << 18).min(1 << 28)),
            map: None,
            entries: Vec::new(),
        }
    }

    /// Empties it for reuse: its buffer stays (its pages already mapped), its file map goes,
    /// so that a batch waiting to be filled again holds no part of a file.
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.map = None;
        self.entries.clear();
    }

    /// How many raw records it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The bytes of its records, together (with a mapped file part's whole length).
    fn size(&self) -> usize {
        self.bytes.len() + self.map.as_ref().map_or(0, |m| m.len())
    }

    /// The `i`th raw record.
    pub fn get(&self, i: usize) -> Raw<'_> {
        match &self.entries[i] {
            Entry::Record { origin, start, end } => Raw::Record {
                origin: *origin,
                bytes: &self.bytes[*start..*end],
            },
            Entry::Mapped { origin, start, end } => Raw::Record {
                origin: *origin,
                bytes: &self.map.as_deref().expect("a mapped record has its map")[*start..*end],
            },
            Entry::Unreadable { origin, problem } => Raw::Unreadable {
                origin: *origin,
                problem,
            },
        }
    }

    /// Its raw records, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Raw<'_>> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Adds a record.
    fn push_record(&mut self, origin: Origin, bytes: &[u8]) {
        let start = self.bytes.len();
        self.bytes.extend_from_slice(bytes);
        self.push_tail(origin, start);
    }

    /// Adds a record whose bytes end the buffer from `start` on.
    fn push_tail(&mut self, origin: Origin, start: usize) {
        self.entries.push(Entry::Record {
            origin,
            start,
            end: self.bytes.len(),
        });
    }

    /// Adds a record that could not be read.
    fn push_unreadable(&mut self, origin: Origin, problem: String) {
        self.entries.push(Entry::Unreadable { origin, problem });
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
            });
        } else if input.is_dir() {
            let mut files = Vec::new();
            for entry in walkdir::WalkDir::new(input).sort_by_file_name() {
                let entry = entry.map_err(|e| Error::Read {
                    path: e.path().map_or_else(|| input.clone(), Path::to_path_buf),
                    source: e.into(),
                })?;
                let p = entry.path();
                if entry.file_type().is_file() && p.extension().is_some_and(|x| x == "txt") {
                    let rel = p.strip_prefix(input).unwrap_or(p);
                    let rel = rel
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/");
                    files.push(Source {
                        name: p.display().to_string(),
                        path: p.to_path_buf(),
                        kind: SourceKind::Text { rel },
                        fields: fields.clone(),
                        map: true,
                    });
                }
            }
            sources.extend(files);
        } else if input.exists() {
            sources.push(Source {
                name: input.display().to_string(),
                path: input.clone(),
                kind: table_kind(input).unwrap_or_else(|| json_kind_of(input)),
                fields: fields.clone(),
                map: true,
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

/// The records of a JSON array, each given as its bytes with the line it starts on. Only the
/// array's structure is scanned (strings, escapes and nesting), so a malformed record is one
/// bad record and the next is read as usual; memory holds one record.
struct ArrayRows {
    reader: Box<dyn BufRead + Send>,
    /// The line the reader is on.
    line: u64,
    /// The line of the last record given (0 before any).
    last_line: u64,
    started: bool,
    done: bool,
}

impl ArrayRows {
    fn open(source: &Source, cache: Cache) -> Result<ArrayRows> {
        Ok(ArrayRows {
            reader: open_lines(source, cache)?,
            line: 1,
            last_line: 0,
            started: false,
            done: false,
        })
    }

    /// The next byte that is not whitespace, left unread; `None` at the end.
    fn peek(&mut self) -> io::Result<Option<u8>> {
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                return Ok(None);
            }
            match buf.iter().position(|b| !b.is_ascii_whitespace()) {
                Some(at) => {
                    self.line += buf[..at].iter().filter(|b| **b == b'\n').count() as u64;
                    self.reader.consume(at);
                    return Ok(self.reader.fill_buf()?.first().copied());
                }
                None => {
                    let n = buf.len();
                    self.line += buf.iter().filter(|b| **b == b'\n').count() as u64;
                    self.reader.consume(n);
                }
            }
        }
    }

    /// The bytes of the record starting here, up to the `,` or `]` that ends it (left unread).
    /// `Ok(None)` when the file ends inside it.
    fn record(&mut self) -> io::Result<Option<Vec<u8>>> {
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        let mut bytes = Vec::new();
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                return Ok(None);
            }
            let mut end = None;
            for (i, &b) in buf.iter().enumerate() {
                if in_string {
                    match (escaped, b) {
                        (true, _) => escaped = false,
                        (false, b'\\') => escaped = true,
                        (false, b'"') => in_string = false,
                        _ => {}
                    }
                    continue;
                }
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth > 0 => depth -= 1,
                    b',' | b']' if depth == 0 => {
                        end = Some(i);
                        break;
                    }
                    _ => {}
                }
            }
            let take = end.unwrap_or(buf.len());
            self.line += buf[..take].iter().filter(|b| **b == b'\n').count() as u64;
            bytes.extend_from_slice(&buf[..take]);
            self.reader.consume(take);
            if end.is_some() {
                while bytes.last().is_some_and(u8::is_ascii_whitespace) {
                    bytes.pop();
                }
                // One line, as a JSONL record is (`--unique` writes it so): a line break in
                // JSON is whitespace between tokens (one inside a string is invalid anyway).
                for b in &mut bytes {
                    if *b == b'\n' || *b == b'\r' {
                        *b = b' ';
                    }
                }
                return Ok(Some(bytes));
            }
        }
    }

    fn stop(&mut self, line: u64, problem: impl Into<String>) -> Option<Row> {
        self.done = true;
        Some(Row::Stopped(line, problem.into()))
    }
}

impl Iterator for ArrayRows {
    type Item = Row;

    fn next(&mut self) -> Option<Row> {
        let read_problem = |e: io::Error| match e.kind() {
            io::ErrorKind::UnexpectedEof => {
                "file ends early (truncated compressed file?); nothing after this line was read"
                    .to_string()
            }
            _ => format!("cannot read from this line on: {e}"),
        };
        while !self.done {
            let next = match self.peek() {
                Ok(next) => next,
                Err(e) => return self.stop(self.line, read_problem(e)),
            };
            if !self.started {
                if next != Some(b'[') {
                    return self.stop(self.line, "expected a JSON array of records");
                }
                self.reader.consume(1);
                self.started = true;
                continue;
            }
            match next {
                None => return self.stop(self.line, "file ends inside the array (truncated?)"),
                Some(b']') => {
                    self.done = true;
                    return None;
                }
                Some(b',') => self.reader.consume(1),
                Some(_) => {
                    let line = self.line.max(self.last_line + 1);
                    self.last_line = line;
                    return match self.record() {
                        Ok(Some(bytes)) => Some(Row::Record(line, bytes)),
                        Ok(None) => self.stop(line, "file ends inside this record (truncated?)"),
                        Err(e) => self.stop(line, read_problem(e)),
                    };
                }
            }
        }
        None
    }
}

/// What reading one row of a table gave.
enum Row {
    /// The row as a JSON object, with the line it starts on.
    Record(u64, Vec<u8>),
    /// A row that cannot be used (a wrong number of cells, invalid UTF-8), and why.
    Bad(u64, String),
    /// Reading stopped at this line (an I/O error, a truncated file), and why.
    Stopped(u64, String),
}

/// The rows of a CSV or TSV source, each made the JSON object of its non-empty cells keyed by
/// the header row, in column order.
struct Rows {
    reader: csv::Reader<Box<dyn BufRead + Send>>,
    header: Vec<String>,
    row: csv::ByteRecord,
    stopped: bool,
    /// The line of the last row read (0 before any).
    last_line: u64,
}

impl Rows {
    fn open(source: &Source, delimiter: u8, cache: Cache) -> Result<Rows> {
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(open_lines(source, cache)?);
        Ok(Rows {
            reader,
            header: Vec::new(),
            row: csv::ByteRecord::new(),
            stopped: false,
            last_line: 0,
        })
    }

    /// The line the row just read starts on. The reader's own start position counts the blank
    /// lines it skipped before the row, so the row's start is also worked back from where it
    /// ended: one line before that (its terminator), less the line breaks inside its cells.
    /// (A row that ends the file without a line break, after blank lines, is still placed on
    /// the first of them.)
    /// Rows ended by a bare carriage return share a line: each row is placed at least one line
    /// after the last, so that a line names one row (reading again finds rows by line).
    fn start_line(&mut self) -> u64 {
        let start = self.row.position().map_or(1, csv::Position::line);
        let breaks = self.row.as_slice().iter().filter(|b| **b == b'\n').count();
        let end = self.reader.position().line();
        let line = start
            .max(end.saturating_sub(1 + breaks as u64))
            .max(self.last_line + 1);
        self.last_line = line;
        line
    }

    /// The problem of an invalid cell: which column, and where its UTF-8 breaks.
    fn utf8_problem(&self, column: usize, err: std::str::Utf8Error) -> String {
        let name = self
            .header
            .get(column)
            .map_or(String::new(), |name| format!(" (`{name}`)"));
        format!(
            "invalid UTF-8 in column {}{name} at byte {}",
            column + 1,
            err.valid_up_to()
        )
    }
}

impl Iterator for Rows {
    type Item = Row;

    fn next(&mut self) -> Option<Row> {
        while !self.stopped {
            let read = self.reader.read_byte_record(&mut self.row);
            let line = self.start_line();
            match read {
                Ok(false) => return None,
                Err(e) => {
                    self.stopped = true;
                    let line = e.position().map_or(line, csv::Position::line);
                    let problem = match e.kind() {
                        csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::UnexpectedEof => {
                            "file ends early (truncated compressed file?); nothing after this line was read".to_string()
                        }
                        _ => format!("cannot read from this line on: {e}"),
                    };
                    return Some(Row::Stopped(line, problem));
                }
                Ok(true) if self.header.is_empty() => {
                    let mut header = Vec::with_capacity(self.row.len());
                    for (column, cell) in self.row.iter().enumerate() {
                        match std::str::from_utf8(cell) {
                            Ok(name) => header.push(name.trim().to_string()),
                            Err(e) => {
                                self.stopped = true;
                                let problem = self.utf8_problem(column, e);
                                return Some(Row::Stopped(line, format!("header row: {problem}")));
                            }
                        }
                    }
                    self.header = header;
                }
                Ok(true)
                    if self
                        .row
                        .iter()
                        .all(|c| c.iter().all(u8::is_ascii_whitespace)) =>
                {
                    // A blank row is not a record.
                }
                Ok(true) if self.row.len() != self.header.len() => {
                    return Some(Row::Bad(
                        line,
                        format!(
                            "{} cells where the header has {}",
                            self.row.len(),
                            self.header.len()
                        ),
                    ));
                }
                Ok(true) => {
                    let mut json = Vec::with_capacity(self.row.as_slice().len() + 64);
                    json.push(b'{');
                    for (column, cell) in self.row.iter().enumerate() {
                        if cell.is_empty() {
                            continue;
                        }
                        let cell = match std::str::from_utf8(cell) {
                            Ok(cell) => cell,
                            Err(e) => return Some(Row::Bad(line, self.utf8_problem(column, e))),
                        };
                        if json.len() > 1 {
                            json.push(b',');
                        }
                        // Writing strings to a Vec cannot fail.
                        serde_json::to_writer(&mut json, &self.header[column]).expect("to a Vec");
                        json.push(b':');
                        serde_json::to_writer(&mut json, cell).expect("to a Vec");
                    }
                    json.push(b'}');
                    return Some(Row::Record(line, json));
                }
            }
        }
        None
    }
}

/// The rows of a table source (CSV, TSV, Parquet) or the records of a JSON array.
fn table_rows(source: &Source, cache: Cache) -> Result<Box<dyn Iterator<Item = Row>>> {
    Ok(match source.kind {
        SourceKind::Csv { delimiter } => Box::new(Rows::open(source, delimiter, cache)?),
        SourceKind::JsonArray => Box::new(ArrayRows::open(source, cache)?),
        _ => Box::new(ParquetRows::open(source)?),
    })
}

/// The rows of a Parquet source, each made the JSON object of its non-null columns.
struct ParquetRows {
    rows: Option<parquet::record::reader::RowIter<'static>>,
    /// The row number of the last row given (0 before any).
    row: u64,
    /// Why the file could not be opened, given as the first row.
    unopened: Option<String>,
}

impl ParquetRows {
    fn open(source: &Source) -> Result<ParquetRows> {
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let file = File::open(&source.path).map_err(|e| Error::Read {
            path: source.path.clone(),
            source: e,
        })?;
        let len = file.metadata().map_or(u64::MAX, |m| m.len());
        let opened = guarded(|| {
            let reader = SerializedFileReader::new(file).map_err(|e| e.to_string())?;
            // Column chunks must lie inside the file: the crate panics on a negative offset
            // or size (found by fuzzing), and would read past the end on a large one.
            let chunks = reader
                .metadata()
                .row_groups()
                .iter()
                .flat_map(|g| g.columns());
            for chunk in chunks {
                let start = chunk
                    .dictionary_page_offset()
                    .unwrap_or_else(|| chunk.data_page_offset());
                let size = chunk.compressed_size();
                let inside = u64::try_from(start)
                    .ok()
                    .zip(u64::try_from(size).ok())
                    .is_some_and(|(start, size)| start.saturating_add(size) <= len);
                if !inside {
                    return Err(format!(
                        "column `{}` lies outside the file (offset {start}, size {size})",
                        chunk.column_path().string()
                    ));
                }
            }
            Ok(parquet::record::reader::RowIter::from_file_into(Box::new(
                reader,
            )))
        })
        .and_then(|opened| opened);
        Ok(match opened {
            Ok(rows) => ParquetRows {
                rows: Some(rows),
                row: 0,
                unopened: None,
            },
            Err(e) => ParquetRows {
                rows: None,
                row: 0,
                unopened: Some(format!("not a readable Parquet file: {e}")),
            },
        })
    }
}

/// Runs a call into the Parquet crate, turning a panic (it has some on corrupt files) into an
/// error: a corrupt file is a bad record, not a crash.
fn guarded<T>(call: impl FnOnce() -> T) -> std::result::Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(call))
        .map_err(|_| "the Parquet reader gave up on it (corrupt metadata or pages?)".to_string())
}

impl Iterator for ParquetRows {
    type Item = Row;

    fn next(&mut self) -> Option<Row> {
        if let Some(problem) = self.unopened.take() {
            return Some(Row::Stopped(1, problem));
        }
        let rows = self.rows.as_mut()?;
        let next = guarded(|| rows.next().map(|row| row.map(|row| parquet_group(&row))));
        self.row += 1;
        let stopped = |row, problem| Some(Row::Stopped(row, problem));
        match next {
            Ok(None) => None,
            Ok(Some(Ok(json))) => {
                let json = serde_json::to_vec(&json).expect("a Value serializes");
                Some(Row::Record(self.row, json))
            }
            Ok(Some(Err(e))) => {
                self.rows = None;
                stopped(self.row, format!("cannot read from this row on: {e}"))
            }
            Err(problem) => {
                self.rows = None;
                stopped(self.row, format!("cannot read from this row on: {problem}"))
            }
        }
    }
}

/// A Parquet row or group as a JSON object of its non-null columns.
fn parquet_group(row: &parquet::record::Row) -> Value {
    Value::Object(
        row.get_column_iter()
            .filter(|(_, field)| !matches!(field, parquet::record::Field::Null))
            .map(|(name, field)| (name.clone(), parquet_value(field)))
            .collect(),
    )
}

/// A Parquet value as JSON: text as strings, numbers as numbers, dates and timestamps as RFC
/// 3339 (what `published` reads), binary as text when it is UTF-8 (else null), groups, lists
/// and maps as objects and arrays. Our own rather than the crate's `json` feature, whose
/// timestamp conversion panics on out-of-range values and writes a form `published` does not
/// read.
fn parquet_value(field: &parquet::record::Field) -> Value {
    use parquet::record::Field as F;
    let timestamp =
        |ts: Option<jiff::Timestamp>| ts.map_or(Value::Null, |ts| Value::String(ts.to_string()));
    match field {
        F::Null => Value::Null,
        F::Bool(b) => Value::Bool(*b),
        F::Byte(n) => (*n).into(),
        F::Short(n) => (*n).into(),
        F::Int(n) => (*n).into(),
        F::Long(n) => (*n).into(),
        F::UByte(n) => (*n).into(),
        F::UShort(n) => (*n).into(),
        F::UInt(n) => (*n).into(),
        F::ULong(n) => (*n).into(),
        F::Float16(n) => f64::from(*n).into(),
        F::Float(n) => f64::from(*n).into(),
        F::Double(n) => (*n).into(),
        F::Str(s) => Value::String(s.clone()),
        F::Bytes(b) => b
            .as_utf8()
            .map_or(Value::Null, |s| Value::String(s.to_string())),
        F::Date(days) => jiff::civil::Date::new(1970, 1, 1)
            .ok()
            .and_then(|epoch| {
                epoch
                    .checked_add(jiff::Span::new().try_days(*days).ok()?)
                    .ok()
            })
            .map_or(Value::Null, |d| Value::String(d.to_string())),
        F::TimestampMillis(ms) => timestamp(jiff::Timestamp::from_millisecond(*ms).ok()),
        F::TimestampMicros(us) => timestamp(jiff::Timestamp::from_microsecond(*us).ok()),
        F::Group(row) => parquet_group(row),
        F::ListInternal(list) => Value::Array(list.elements().iter().map(parquet_value).collect()),
        F::MapInternal(map) => Value::Object(
            map.entries()
                .iter()
                .map(|(k, v)| {
                    let key = match parquet_value(k) {
                        Value::String(s) => s,
                        other => other.to_string(),
                    };
                    (key, parquet_value(v))
                })
                .collect(),
        ),
        // Decimals and times of day carry nothing copydesk reads: as the crate prints them.
        other => Value::String(other.to_string()),
    }
}

/// How a JSONL source is compressed, told from its first bytes (never from its name: a
/// `.jsonl` that is really gzip, or stdin, is read all the same).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Compression {
    None,
    /// gzip, possibly several members one after another (as `cat a.gz b.gz` makes).
    Gzip,
    /// Zstandard (`.jsonl.zst`, as large web and news corpora are shipped), possibly several
    /// frames one after another.
    Zstd,
}

impl Compression {
    fn sniff(head: &[u8]) -> Compression {
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
const DROP_EVERY: u64 = 32 << 20;

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
fn read_whole(path: &Path, cache: Cache) -> io::Result<Vec<u8>> {
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
fn open_lines(source: &Source, cache: Cache) -> Result<Box<dyn BufRead + Send>> {
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

/// [`BufRead::read_until`] a newline, with the newline found by the `memchr` crate's SIMD
/// search: std's searches a word at a time, and was 7.5% of the read-and-tokenize floor's time
/// on the 1M bench corpus.
fn read_line(reader: &mut dyn BufRead, line: &mut Vec<u8>) -> io::Result<usize> {
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
fn without_line_end(line: &[u8]) -> usize {
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
fn record_end(line: &[u8]) -> Option<usize> {
    let end = without_line_end(line);
    (!line[..end].iter().all(u8::is_ascii_whitespace)).then_some(end)
}

/// A file to read through memory maps, with its length: a regular, non-empty file that is
/// neither gzip nor Zstandard, on a file system that maps it (some network and FUSE file
/// systems do not). `None` sends it the buffered way (which also words any error).
fn mappable(path: &Path) -> Option<(File, u64)> {
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

/// Reads an uncompressed JSONL file's records as [`read_batches_with`] reads them through a
/// buffer (the same lines, numbers and blank-line and byte-order-mark rules), without copying
/// them: each batch maps the part of the file its whole lines are in, about `batch_bytes` (more
/// when one line is longer). At 1M articles, the kernel's copy into the reader's buffer took
/// about a tenth of the first stage's processor time and the copy into the batch a little more.
///
/// A map that cannot be made ends the file's reading with an unreadable record, as a read error
/// does. The file must not shrink while it is read: like every program that maps files
/// (ripgrep among them), copydesk would then stop with a bus error.
fn read_mapped<E: From<Error>>(
    file: &File,
    len: u64,
    source: u32,
    batch_bytes: usize,
    batch: &mut Batch,
    fresh: &impl Fn() -> Batch,
    sink: &mut impl FnMut(Batch) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
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
        // The part from `offset` to the last line end in about `batch_bytes`, or to the end.
        let mut want = (batch_bytes.max(1) as u64).min(len - offset);
        let (map, used) = loop {
            let map = match map_part(offset, want) {
                Ok(map) => map,
                Err(e) => {
                    let origin = Origin {
                        source,
                        line: line + 1,
                    };
                    batch.push_unreadable(origin, format!("cannot read from this line on: {e}"));
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
        if batch.map.is_some() {
            sink(std::mem::replace(batch, fresh()))?; // one map a batch
        }
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
        if batch.size() >= batch_bytes {
            sink(std::mem::replace(batch, fresh()))?;
        }
    }
    Ok(())
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
    mut sink: impl FnMut(Batch) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let fresh = || match spares.and_then(|spares| spares.try_recv().ok()) {
        Some(mut used) => {
            used.clear();
            used
        }
        None => Batch::with_capacity(batch_bytes),
    };
    let mut batch = fresh();
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
                Ok(bytes) => batch.push_record(origin(1), &bytes),
                Err(e) => batch.push_unreadable(origin(1), format!("cannot read: {e}")),
            },
            (SourceKind::Csv { .. } | SourceKind::Parquet | SourceKind::JsonArray, _) => {
                for row in table_rows(source, cache)? {
                    match row {
                        Row::Record(line, bytes) => batch.push_record(origin(line), &bytes),
                        Row::Bad(line, problem) | Row::Stopped(line, problem) => {
                            batch.push_unreadable(origin(line), problem)
                        }
                    }
                    if batch.size() >= batch_bytes {
                        sink(std::mem::replace(&mut batch, fresh()))?;
                    }
                }
            }
            (SourceKind::Jsonl, Some((file, len))) => {
                read_mapped(
                    &file,
                    len,
                    index,
                    batch_bytes,
                    &mut batch,
                    &fresh,
                    &mut sink,
                )?;
            }
            (SourceKind::Jsonl | SourceKind::Stdin, _) => {
                let mut reader = open_lines(source, cache)?;
                let mut line = 0u64;
                loop {
                    line += 1;
                    // The line is read straight into the batch's buffer, and taken back off it
                    // when it is blank.
                    let start = batch.bytes.len();
                    match read_line(&mut *reader, &mut batch.bytes) {
                        Ok(0) => break,
                        Ok(_) => match record_end(&batch.bytes[start..]) {
                            Some(len) => {
                                batch.bytes.truncate(start + len);
                                batch.push_tail(origin(line), start);
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
                            batch.push_unreadable(origin(line), problem);
                            break;
                        }
                    }
                    if batch.size() >= batch_bytes {
                        sink(std::mem::replace(&mut batch, fresh()))?;
                    }
                }
            }
        }
        if batch.size() >= batch_bytes {
            sink(std::mem::replace(&mut batch, fresh()))?;
        }
    }
    if !batch.is_empty() {
        sink(batch)?;
    }
    Ok(())
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
    if let SourceKind::Text { rel } = &source.kind {
        let text = text_file(bytes.to_vec()).map_err(|(line, problem)| bad(line, problem))?;
        let outlet = rel.split_once('/').map(|(first, _)| first.into());
        return Ok(Record {
            id: ArticleId::Text(rel.as_str().into()),
            text,
            meta: Meta {
                outlet,
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
        title: field(title, &fields.title)?,
        url: field(url, &fields.url)?.map(lowercase_host),
        published: field(published, &fields.published)?,
    };
    Ok(Record { id, text, meta })
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line of `bytes` read by [`read_line`] through a buffer of `capacity` bytes.
    fn lines_read(bytes: &[u8], capacity: usize) -> Vec<Vec<u8>> {
        let mut reader = BufReader::with_capacity(capacity, bytes);
        let mut lines = Vec::new();
        loop {
            let mut line = Vec::new();
            if read_line(&mut reader, &mut line).unwrap() == 0 {
                return lines;
            }
            lines.push(line);
        }
    }

    #[test]
    fn lines_are_read_whole_across_buffer_refills() {
        let text = b"first\r\na second line longer than the buffer\n\nlast, no newline";
        assert_eq!(
            lines_read(text, 4),
            [
                &b"first\r\n"[..],
                b"a second line longer than the buffer\n",
                b"\n",
                b"last, no newline"
            ]
        );
    }

    /// A JSON value of a few kinds, as text.
    fn json_value() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        proptest::prop_oneof![
            "[a-z \"\\\\\n]{0,8}".prop_map(|s| serde_json::to_string(&s).unwrap()),
            proptest::num::i64::ANY.prop_map(|n| n.to_string()),
            proptest::strategy::Just("null".to_string()),
            proptest::strategy::Just(r#"["a", {"text": 1}]"#.to_string()),
            proptest::strategy::Just(r#"{"id": "inner"}"#.to_string()),
        ]
    }

    #[test]
    fn a_field_not_read_is_only_checked_to_be_json() {
        let record = r#"{"text": "Body", "score": 1e400, "tags": ["a", {"b": null}]}"#;
        let r = parse(&jsonl(), Origin { source: 0, line: 1 }, record.as_bytes()).unwrap();
        assert_eq!(r.text, "Body");
        // A value that is read is held to what a JSON value can be.
        let record = r#"{"text": "Body", "title": 1e400}"#;
        let bad = parse(&jsonl(), Origin { source: 0, line: 1 }, record.as_bytes()).unwrap_err();
        assert!(
            bad.problem.contains("number out of range"),
            "{}",
            bad.problem
        );
        let record = r#"{"text": "Body", "score": 1e}"#;
        let bad = parse(&jsonl(), Origin { source: 0, line: 1 }, record.as_bytes()).unwrap_err();
        assert!(bad.problem.starts_with("invalid JSON"), "{}", bad.problem);
    }

    proptest::proptest! {
        #[test]
        fn picking_fields_reads_what_parsing_the_whole_record_does(
            entries in proptest::collection::vec(
                (proptest::sample::select(vec!["text", "id", "outlet", "title", "url", "published", "body", "t\\u0065xt"]), json_value()),
                0..10,
            ),
            id_is_text in proptest::bool::ANY,
        ) {
            let record = format!(
                "{{{}}}",
                entries
                    .iter()
                    .map(|(k, v)| format!("\"{k}\": {v}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let mut fields = Fields::default();
            fields.set("text", "body").unwrap();
            if id_is_text {
                // Two values read from one field: the first takes it.
                fields.set("id", "body").unwrap();
            }
            let whole = fields.take_all(&record).unwrap();
            proptest::prop_assert_eq!(fields.pick(&record), Some(whole));
        }

        #[test]
        fn lines_are_read_as_std_reads_them(
            bytes in proptest::collection::vec(proptest::prop_oneof![proptest::strategy::Just(b'\n'), proptest::strategy::Just(b'\r'), proptest::strategy::Just(b'a'), proptest::num::u8::ANY], 0..300),
            capacity in 1usize..40,
        ) {
            let mut reader = BufReader::with_capacity(capacity, &bytes[..]);
            let mut lines = Vec::new();
            loop {
                let mut line = Vec::new();
                if reader.read_until(b'\n', &mut line).unwrap() == 0 {
                    break;
                }
                lines.push(line);
            }
            proptest::prop_assert_eq!(lines_read(&bytes, capacity), lines);
        }

        #[test]
        fn mapped_and_buffered_reading_give_the_same_records(
            lines in proptest::collection::vec(
                (
                    proptest::prop_oneof![
                        proptest::strategy::Just(String::new()),
                        proptest::strategy::Just(" \t".to_string()),
                        "[a-z{}\":, ]{1,12}",
                        "[a-z ]{200,600}",
                    ],
                    proptest::sample::select(vec!["\n", "\r\n", "\r\r\n"]),
                ),
                1..30,
            ),
            bom in proptest::bool::ANY,
            final_newline in proptest::bool::ANY,
            batch_bytes in 1usize..700,
        ) {
            let mut bytes = if bom { b"\xef\xbb\xbf".to_vec() } else { Vec::new() };
            for (text, end) in &lines {
                bytes.extend_from_slice(text.as_bytes());
                bytes.extend_from_slice(end.as_bytes());
            }
            if !final_newline {
                while bytes.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                    bytes.pop();
                }
            }
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("c.jsonl");
            std::fs::write(&path, &bytes).unwrap();
            let sources = open_sources(&[path]).unwrap();
            let read = |cache| {
                let (mut raws, mut mapped) = (Vec::new(), false);
                read_batches_with::<Error>(&sources, batch_bytes, cache, None, |batch| {
                    mapped |= batch.map.is_some();
                    raws.extend(batch.iter().map(|raw| match raw {
                        Raw::Record { origin, bytes } => (origin, Ok(bytes.to_vec())),
                        Raw::Unreadable { origin, problem } => (origin, Err(problem.to_string())),
                    }));
                    Ok(())
                })
                .unwrap();
                (raws, mapped)
            };
            let (buffered, buffered_mapped) = read(Cache::DropBehind);
            let (mapped, was_mapped) = read(Cache::Keep);
            proptest::prop_assert!(!buffered_mapped);
            // Every record came from a map (a file of blank lines sends no batch at all).
            proptest::prop_assert_eq!(was_mapped, !buffered.is_empty());
            proptest::prop_assert_eq!(mapped, buffered);
        }
    }

    #[test]
    fn a_record_ends_before_its_line_end_and_a_blank_line_is_none() {
        assert_eq!(record_end(b"{}\n"), Some(2));
        assert_eq!(record_end(b"{}\r\n"), Some(2));
        assert_eq!(record_end(b"{}\r\r\n"), Some(2));
        assert_eq!(record_end(b"{}"), Some(2)); // the last line, without a line end
        // Only the line end goes: other white space and inner carriage returns stay.
        assert_eq!(record_end(b"{} \t\n"), Some(4));
        assert_eq!(record_end(b"{\r}\n"), Some(3));
        for blank in [&b""[..], b"\n", b"\r\n", b" \t\r\n", b"\x0c\n"] {
            assert_eq!(record_end(blank), None, "{blank:?}");
        }
    }

    #[test]
    fn a_source_not_to_be_mapped_is_read_through_a_buffer_with_the_same_records() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        std::fs::write(
            &path,
            "{\"text\":\"a\"}\n\n{\"text\":\"b\"}\r\n{\"text\":\"c\"}",
        )
        .unwrap();
        let read = |map| {
            let mut sources = open_sources(std::slice::from_ref(&path)).unwrap();
            sources[0].map = map;
            let (mut records, mut mapped) = (Vec::new(), false);
            read_batches_with::<Error>(&sources, 1 << 20, Cache::Keep, None, |batch| {
                mapped |= batch.map.is_some();
                records.extend(batch.iter().map(|raw| match raw {
                    Raw::Record { origin, bytes } => (origin.line, bytes.to_vec()),
                    Raw::Unreadable { problem, .. } => panic!("{problem}"),
                }));
                Ok(())
            })
            .unwrap();
            (records, mapped)
        };
        let (mapped, was_mapped) = read(true);
        let (buffered, buffered_mapped) = read(false);
        assert!(was_mapped, "an uncompressed file opened as usual is mapped");
        assert!(!buffered_mapped, "`map: false` still mapped the file");
        assert_eq!(buffered, mapped);
        assert_eq!(
            buffered.iter().map(|(line, _)| *line).collect::<Vec<_>>(),
            [1, 3, 4]
        );
    }

    #[test]
    fn a_cleared_batch_holds_no_part_of_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        std::fs::write(&path, "{\"text\":\"a\"}\n").unwrap();
        let sources = open_sources(std::slice::from_ref(&path)).unwrap();
        let mut batches = Vec::new();
        read_batches::<Error>(&sources, 1 << 20, |batch| {
            batches.push(batch);
            Ok(())
        })
        .unwrap();
        let mut batch = batches.pop().unwrap();
        assert!(batch.map.is_some() && batch.len() == 1);
        batch.clear();
        assert!(batch.map.is_none() && batch.is_empty() && batch.size() == 0);
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_not_opened_to_be_mapped() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("input.jsonl");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // Opening it would wait for a writer that never comes.
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || tx.send(mappable(&fifo).is_none()).unwrap());
        let not_mapped = rx.recv_timeout(std::time::Duration::from_secs(10));
        assert_eq!(not_mapped, Ok(true), "mappable opened the pipe");
    }

    /// Pages of `file` resident in the page cache (Linux `mincore` over a mapping of it).
    #[cfg(target_os = "linux")]
    fn resident_pages(file: &File) -> usize {
        let map = unsafe { memmap2::Mmap::map(file) }.unwrap();
        let pages = map.len().div_ceil(4096);
        let mut resident = vec![0u8; pages];
        let rc = unsafe {
            libc::mincore(
                map.as_ptr() as *mut libc::c_void,
                map.len(),
                resident.as_mut_ptr(),
            )
        };
        assert_eq!(rc, 0, "mincore");
        resident.iter().filter(|&&b| b & 1 == 1).count()
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn reading_with_drop_behind_leaves_the_file_uncached_and_reads_every_byte() {
        // In the project's folder rather than the system's temporary one, which may be a
        // memory file system (whose pages cannot be dropped).
        let dir = tempfile::tempdir_in(env!("CARGO_MANIFEST_DIR")).unwrap();
        let path = dir.path().join("big.jsonl");
        let line = format!("{{\"text\":\"{}\"}}\n", "word ".repeat(200));
        let lines = (3 * DROP_EVERY as usize) / line.len();
        std::fs::write(&path, line.repeat(lines)).unwrap();
        let file = File::open(&path).unwrap();
        file.sync_all().unwrap(); // dirty pages are written back, not dropped
        let pages = file.metadata().unwrap().len().div_ceil(4096) as usize;
        let source = open_sources(std::slice::from_ref(&path)).unwrap();
        let read = |cache| {
            let mut records = 0;
            read_batches_with::<Error>(&source, 1 << 20, cache, None, |batch| {
                records += batch.len();
                Ok(())
            })
            .unwrap();
            records
        };
        assert_eq!(read(Cache::Keep), lines);
        if resident_pages(&file) < pages / 2 {
            eprintln!("skipped: this file system does not keep a file read in its cache");
            return;
        }
        assert_eq!(read(Cache::DropBehind), lines);
        let left = resident_pages(&file);
        assert!(left < pages / 10, "{left} of {pages} pages still cached");
        // Reading again (the diff stage's texts) drops the same way.
        assert_eq!(read(Cache::Keep), lines);
        assert!(resident_pages(&file) > pages / 2);
        let origins: Vec<Origin> = (1..=lines as u64)
            .map(|line| Origin { source: 0, line })
            .collect();
        let mut reread = 0;
        reread_with(&source, &origins, Cache::DropBehind, |_, _| {
            reread += 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(reread, lines);
        let left = resident_pages(&file);
        assert!(
            left < pages / 10,
            "{left} of {pages} pages still cached after reading again"
        );
    }

    #[test]
    fn a_url_names_its_host_without_www_port_or_user() {
        let host = url_host;
        assert_eq!(host("https://www.dawn.com/news/123"), Some("dawn.com"));
        assert_eq!(
            host("http://user:pw@news.example.org:8080/a?b#c"),
            Some("news.example.org")
        );
        assert_eq!(host("www.example.com?x=1"), Some("example.com"));
        assert_eq!(host("  https://example.com"), Some("example.com"));
        for no_host in ["", "https://", "/local/path", "localhost/a", "not a url"] {
            assert_eq!(host(no_host), None, "{no_host:?}");
        }
        let meta = |outlet: Option<&str>, url: Option<&str>| Meta {
            outlet: outlet.map(Into::into),
            url: url.map(Into::into),
            ..Meta::default()
        };
        assert_eq!(
            meta(Some("Dawn"), Some("https://dawn.com/a")).publisher(),
            Some("Dawn")
        );
        assert_eq!(
            meta(None, Some("https://dawn.com/a")).publisher(),
            Some("dawn.com")
        );
        assert_eq!(meta(None, None).publisher(), None);
    }

    #[test]
    fn a_urls_host_is_read_in_lower_case_and_the_rest_as_written() {
        let r = parse_line(r#"{"text": "x", "url": "HTTPS://User@WWW.Dawn.COM:443/News/A?Q=B"}"#)
            .unwrap();
        assert_eq!(
            r.meta.url.as_deref(),
            Some("HTTPS://User@www.dawn.com:443/News/A?Q=B")
        );
        assert_eq!(r.meta.publisher(), Some("dawn.com"));
        let plain = "https://dawn.com/News";
        assert_eq!(&*lowercase_host(plain.into()), plain);
        assert_eq!(&*lowercase_host("Not A URL".into()), "Not A URL");
    }

    fn jsonl() -> Source {
        Source {
            name: "in.jsonl".into(),
            path: "in.jsonl".into(),
            kind: SourceKind::Jsonl,
            fields: Arc::default(),
            map: true,
        }
    }

    fn parse_line(line: &str) -> std::result::Result<Record, BadRecord> {
        parse(&jsonl(), Origin { source: 0, line: 7 }, line.as_bytes())
    }

    /// A record line parsed with `mapping` ((name, field) pairs) over the usual fields.
    fn parse_mapped(
        mapping: &[(&str, &str)],
        line: &str,
    ) -> std::result::Result<Record, BadRecord> {
        let mut fields = Fields::default();
        for (name, field) in mapping {
            fields.set(name, field).unwrap();
        }
        let source = Source {
            fields: Arc::new(fields),
            ..jsonl()
        };
        parse(&source, Origin { source: 0, line: 3 }, line.as_bytes())
    }

    #[test]
    fn mapped_fields_are_read_from_their_names_and_pointers() {
        let mapping = [
            ("text", "maintext"),
            ("outlet", "source_domain"),
            ("id", "/meta/ids/1"),
            ("published", "/meta/date"),
        ];
        let line = r#"{"maintext": "Body", "text": "not this", "outlet": "not this", "source_domain": "dawn.com", "meta": {"ids": [1, 99], "date": "2018-04-20"}, "title": "T"}"#;
        let r = parse_mapped(&mapping, line).unwrap();
        assert_eq!(r.text, "Body");
        assert_eq!(r.id, ArticleId::Int("99".into()));
        assert_eq!(r.meta.outlet.as_deref(), Some("dawn.com"));
        assert_eq!(r.meta.published.as_deref(), Some("2018-04-20"));
        // Names not mapped keep their usual field.
        assert_eq!(r.meta.title.as_deref(), Some("T"));

        // Problems name the field as the user mapped it.
        let missing = parse_mapped(&mapping, r#"{"text": "Body"}"#).unwrap_err();
        assert_eq!(missing.to_string(), "in.jsonl:3: `maintext` is missing");
        let wrong =
            parse_mapped(&mapping, r#"{"maintext": "B", "meta": {"date": 5}}"#).unwrap_err();
        assert_eq!(
            wrong.to_string(),
            "in.jsonl:3: `/meta/date` must be a string, found a number"
        );
        // A missing mapped id falls back to file and line, as a missing `id` does.
        let r = parse_mapped(&mapping, r#"{"maintext": "B", "meta": 1}"#).unwrap();
        assert_eq!(r.id.to_string(), "in.jsonl:3");
    }

    #[test]
    fn unknown_names_and_empty_fields_are_refused() {
        let mut fields = Fields::default();
        let err = fields.set("body", "content").unwrap_err();
        assert!(err.contains("`body`") && err.contains("text, id"), "{err}");
        assert!(fields.set("text", "").is_err());
        assert_eq!(fields, Fields::default());
    }

    #[test]
    fn full_record_keeps_id_type_and_metadata() {
        let r = parse_line(r#"{"id": 42, "text": "Hello", "outlet": "AP", "published": "2018-04-20", "extra": [1]}"#).unwrap();
        assert_eq!(r.id, ArticleId::Int("42".into()));
        assert_eq!(serde_json::to_string(&r.id).unwrap(), "42");
        assert_eq!(r.meta.outlet.as_deref(), Some("AP"));
        let r = parse_line(r#"{"id": "a-1", "text": ""}"#).unwrap();
        assert_eq!(serde_json::to_string(&r.id).unwrap(), "\"a-1\"");
    }

    #[test]
    fn a_text_given_as_paragraphs_is_one_text() {
        let r = parse_line(r#"{"text": ["First paragraph.", "Second one."]}"#).unwrap();
        assert_eq!(r.text, "First paragraph.\n\nSecond one.");
    }

    #[test]
    fn missing_id_becomes_file_and_line() {
        let r = parse_line(r#"{"text": "x"}"#).unwrap();
        assert_eq!(r.id.to_string(), "in.jsonl:7");
    }

    #[test]
    fn bad_records_say_file_line_and_problem() {
        let cases = [
            (
                r#"{"text": 5}"#,
                "`text` must be a string or a list of strings, found a number",
            ),
            (
                r#"{"text": ["a", 5]}"#,
                "`text` must be a string or a list of strings, found an array",
            ),
            (r#"{"title": "x"}"#, "`text` is missing"),
            (
                r#"{"text": "x", "id": 1.5}"#,
                "`id` must be a string or an integer",
            ),
            (
                r#"{"text": "x", "outlet": ["a"]}"#,
                "`outlet` must be a string, found an array",
            ),
            (r#"[1, 2]"#, "expected a JSON object, found an array"),
            (r#"{"text": "x""#, "truncated JSON"),
            (r#"{"text": x}"#, "invalid JSON"),
        ];
        for (line, want) in cases {
            let b = parse_line(line).unwrap_err();
            assert!(b.to_string().starts_with("in.jsonl:7: "), "{b}");
            assert!(b.problem.contains(want), "{line}: {b}");
        }
        let b = parse(
            &jsonl(),
            Origin { source: 0, line: 3 },
            b"{\"text\": \"\xff\"}",
        )
        .unwrap_err();
        assert_eq!(
            b.to_string(),
            "in.jsonl:3: invalid UTF-8 at byte 10 (column 11)"
        );
    }

    #[test]
    fn filtered_reading_keeps_the_chosen_records_and_every_bad_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.jsonl");
        std::fs::write(
            &path,
            "{\"id\":\"a\",\"text\":\"one\"}\nnot json\n{\"id\":7,\"text\":\"two\"}\n{\"id\":\"c\",\"text\":\"three\"}\n",
        )
        .unwrap();
        let sources = open_sources(&[path]).unwrap();
        let (good, bad) = read_filtered(&sources, |r| r.id.as_str() != "a").unwrap();
        let ids: Vec<&str> = good.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["7", "c"]);
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].line, 2);
        let (all, _) = read_all(&sources).unwrap();
        assert_eq!(all.len(), 3);
    }

    #[test]
    fn published_dates_are_ordered_across_forms() {
        let day = published_seconds("2018-04-20").unwrap();
        let noon = published_seconds("2018-04-20T12:00:00Z").unwrap();
        let noon_cet = published_seconds("2018-04-20T13:00:00+01:00").unwrap();
        assert_eq!(noon - day, 12 * 3600);
        assert_eq!(noon, noon_cet);
        assert_eq!(published_seconds("20-APR-1987 bogus"), None);
        // RSS dates, and a space for the `T`.
        assert_eq!(
            published_seconds("Fri, 20 Apr 2018 13:00:00 +0100"),
            Some(noon)
        );
        assert_eq!(
            published_seconds("Fri, 20 Apr 2018 12:00:00 GMT"),
            Some(noon)
        );
        assert_eq!(published_seconds("2018-04-20 12:00:00"), Some(noon));
        assert_eq!(published_seconds("2018-04-20 12:00"), Some(noon));
    }

    #[test]
    fn text_file_record_takes_id_and_outlet_from_path() {
        let src = Source {
            name: "c/ap/x.txt".into(),
            path: "c/ap/x.txt".into(),
            kind: SourceKind::Text {
                rel: "ap/x.txt".into(),
            },
            fields: Arc::default(),
            map: true,
        };
        let r = parse(&src, Origin { source: 0, line: 1 }, b"Body").unwrap();
        assert_eq!(r.id.to_string(), "ap/x.txt");
        assert_eq!(r.meta.outlet.as_deref(), Some("ap"));
        let b = parse(&src, Origin { source: 0, line: 1 }, b"ok\nok\nbad \xc3(").unwrap_err();
        assert_eq!(b.line, 3);
    }

    #[test]
    fn tables_are_told_by_their_name() {
        let kind = |name: &str| table_kind(Path::new(name));
        assert_eq!(kind("a.csv"), Some(SourceKind::Csv { delimiter: b',' }));
        assert_eq!(
            kind("dir/A.CSV.gz"),
            Some(SourceKind::Csv { delimiter: b',' })
        );
        assert_eq!(
            kind("a.tsv.zst"),
            Some(SourceKind::Csv { delimiter: b'\t' })
        );
        assert_eq!(kind("a.jsonl"), None);
        assert_eq!(kind("csv"), None);
    }

    #[test]
    fn table_rows_are_records_and_bad_rows_are_reported_by_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("news.csv");
        std::fs::write(
            &path,
            b"id,text,outlet\n\
              a,\"Two lines,\nwith a comma\",AP\n\
              b,one cell too many,AP,x\n\
              \n\
              c,no outlet,\n\
              d,bad \xff byte,AP\n\
              e,last,Reuters\n",
        )
        .unwrap();
        let sources = open_sources(&[path]).unwrap();
        assert_eq!(sources[0].kind, SourceKind::Csv { delimiter: b',' });
        let (good, bad) = read_all(&sources).unwrap();
        let ids: Vec<String> = good.iter().map(|r| r.id.to_string()).collect();
        assert_eq!(ids, ["a", "c", "e"]);
        assert_eq!(good[0].text, "Two lines,\nwith a comma");
        assert_eq!(good[0].meta.outlet.as_deref(), Some("AP"));
        assert_eq!(good[1].meta.outlet, None, "an empty cell is no value");
        let bad: Vec<String> = bad.iter().map(ToString::to_string).collect();
        assert_eq!(
            bad,
            [
                format!("{}:4: 4 cells where the header has 3", sources[0].name),
                format!(
                    "{}:7: invalid UTF-8 in column 2 (`text`) at byte 4",
                    sources[0].name
                ),
            ]
        );

        // Read again, the rows give the same records (as `--unique` writes them).
        let mut origins = Vec::new();
        read_batches::<Error>(&sources, 1, |batch| {
            for raw in batch.iter() {
                if let Raw::Record { origin, bytes } = raw {
                    origins.push((origin, bytes.to_vec()));
                }
            }
            Ok(())
        })
        .unwrap();
        assert_eq!(
            origins.iter().map(|(o, _)| o.line).collect::<Vec<_>>(),
            [2, 6, 8]
        );
        assert_eq!(origins[1].1, br#"{"id":"c","text":"no outlet"}"#);
        let wanted: Vec<Origin> = origins.iter().map(|(o, _)| *o).skip(1).collect();
        let mut again = Vec::new();
        reread(&sources, &wanted, |o, bytes| {
            again.push((o, bytes.to_vec()));
            Ok(())
        })
        .unwrap();
        assert_eq!(again, origins[1..]);
    }

    #[test]
    fn rows_ended_by_bare_carriage_returns_each_get_their_own_line() {
        // Found by the `table` fuzzer: rows ended by `\r` alone shared a line, so reading
        // them again could not tell them apart.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mac.csv");
        std::fs::write(&path, b"id,text\ra,first\rb,\xff\rc,third\r").unwrap();
        let sources = open_sources(&[path]).unwrap();
        let mut seen = Vec::new();
        read_batches::<Error>(&sources, 1, |batch| {
            for raw in batch.iter() {
                match raw {
                    Raw::Record { origin, bytes } => seen.push((origin, Some(bytes.to_vec()))),
                    Raw::Unreadable { origin, .. } => seen.push((origin, None)),
                }
            }
            Ok(())
        })
        .unwrap();
        let lines: Vec<u64> = seen.iter().map(|(o, _)| o.line).collect();
        assert_eq!(lines, [2, 3, 4]);
        let good: Vec<Origin> = seen
            .iter()
            .filter(|(_, b)| b.is_some())
            .map(|(o, _)| *o)
            .collect();
        let mut again = Vec::new();
        reread(&sources, &good, |_, bytes| {
            again.push(String::from_utf8(bytes.to_vec()).unwrap());
            Ok(())
        })
        .unwrap();
        assert_eq!(
            again,
            [
                r#"{"id":"a","text":"first"}"#,
                r#"{"id":"c","text":"third"}"#
            ]
        );
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_record() {
        let dir = tempfile::tempdir().unwrap();
        let (jsonl, csv) = (dir.path().join("bom.jsonl"), dir.path().join("bom.csv"));
        std::fs::write(&jsonl, b"\xef\xbb\xbf{\"id\": \"a\", \"text\": \"x\"}\n").unwrap();
        std::fs::write(&csv, b"\xef\xbb\xbfid,text\na,x\n").unwrap();
        for path in [jsonl, csv] {
            let sources = open_sources(std::slice::from_ref(&path)).unwrap();
            let (good, bad) = read_all(&sources).unwrap();
            assert!(bad.is_empty(), "{bad:?}");
            assert_eq!(good[0].id.to_string(), "a", "{}", path.display());
        }
    }

    /// What [`read_lines_of`] saw: each record's (line, id or problem), the records' bytes, and
    /// the bytes read again.
    type Seen = (Vec<(u64, String)>, Vec<Vec<u8>>, Vec<Vec<u8>>);

    /// Every record of `path` read, and the records read again.
    fn read_lines_of(path: &Path) -> Seen {
        let sources = open_sources(&[path.to_path_buf()]).unwrap();
        let mut seen = Vec::new();
        let mut records = Vec::new();
        read_batches::<Error>(&sources, 1, |batch| {
            for raw in batch.iter() {
                match raw {
                    Raw::Record { origin, bytes } => {
                        let what = match parse(&sources[0], origin, bytes) {
                            Ok(r) => r.id.to_string(),
                            Err(b) => b.problem,
                        };
                        seen.push((origin.line, what));
                        records.push((origin, bytes.to_vec()));
                    }
                    Raw::Unreadable { origin, problem } => {
                        seen.push((origin.line, problem.to_string()))
                    }
                }
            }
            Ok(())
        })
        .unwrap();
        let origins: Vec<Origin> = records.iter().map(|(o, _)| *o).collect();
        let mut again = Vec::new();
        reread(&sources, &origins, |_, b| {
            again.push(b.to_vec());
            Ok(())
        })
        .unwrap();
        (seen, records.into_iter().map(|(_, b)| b).collect(), again)
    }

    #[test]
    fn a_json_array_is_read_record_by_record() {
        let dir = tempfile::tempdir().unwrap();
        let pretty = dir.path().join("pretty.json");
        std::fs::write(
            &pretty,
            "[\n  {\"id\": \"a\", \"text\": \"one, [two] \\\"three\\\"\"},\n  {\"id\": \"b\",\n   \"text\": \"x\"},\n  {\"id\": \"c\" \"text\": 1},\n  {\"id\": \"d\", \"text\": \"y\"}\n]\n",
        )
        .unwrap();
        let sources = open_sources(std::slice::from_ref(&pretty)).unwrap();
        assert_eq!(sources[0].kind, SourceKind::JsonArray);
        let (seen, records, again) = read_lines_of(&pretty);
        assert_eq!(seen.len(), 4, "{seen:?}");
        assert_eq!(seen[0], (2, "a".to_string()));
        assert_eq!(seen[1], (3, "b".to_string()));
        assert_eq!(seen[2].0, 5);
        assert!(seen[2].1.starts_with("invalid JSON"), "{seen:?}");
        assert_eq!(seen[3], (6, "d".to_string()));
        assert_eq!(again, records);
        assert_eq!(records[1], br#"{"id": "b",    "text": "x"}"#, "one line");

        // On one line, a record's line is its position; a cut file says where it stopped.
        let flat = dir.path().join("flat.json");
        std::fs::write(
            &flat,
            r#"[{"id":"a","text":"x"},{"id":"b","text":"y"},{"id":"c","te"#,
        )
        .unwrap();
        let (seen, records, again) = read_lines_of(&flat);
        assert_eq!(seen[0], (1, "a".to_string()));
        assert_eq!(seen[1], (2, "b".to_string()));
        assert_eq!(seen[2].0, 3);
        assert!(
            seen[2].1.contains("file ends inside this record"),
            "{seen:?}"
        );
        assert_eq!(again, records);

        // A `.json` file of one object a line is JSONL.
        let lines = dir.path().join("lines.json");
        std::fs::write(&lines, "{\"id\": \"a\", \"text\": \"x\"}\n").unwrap();
        let sources = open_sources(&[lines]).unwrap();
        assert_eq!(sources[0].kind, SourceKind::Jsonl);
    }

    #[test]
    fn text_files_in_utf16_or_with_a_byte_order_mark_are_read() {
        let text = "Réunion, 1 März: “quoted”";
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let bom: Vec<u8> = b"\xef\xbb\xbf"
            .iter()
            .chain(text.as_bytes())
            .copied()
            .collect();
        for bytes in [le.clone(), be, bom, text.as_bytes().to_vec()] {
            assert_eq!(text_file(bytes).unwrap(), text);
        }
        let odd = le[..le.len() - 1].to_vec();
        assert!(text_file(odd).unwrap_err().1.starts_with("invalid UTF-16"));
        let lone_surrogate = vec![0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00];
        assert!(text_file(lone_surrogate).is_err());
        assert_eq!(text_file(b"ok\n\xff".to_vec()).unwrap_err().0, 2);
    }
}
