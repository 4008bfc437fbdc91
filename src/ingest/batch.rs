//! Raw records read together ([`Batch`]), before they are parsed: in one shared buffer, or in
//! a memory map of the file they are in.

use super::Origin;

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
/// the part of the file they are in (see [`read_batches_with`](super::read_batches_with)).
#[derive(Debug, Default)]
pub struct Batch {
    pub(super) bytes: Vec<u8>,
    /// The part of a file its `Mapped` records are in.
    pub(super) map: Option<memmap2::Mmap>,
    pub(super) entries: Vec<Entry>,
}

/// Where a [`Batch`] keeps one raw record.
#[derive(Debug)]
pub(super) enum Entry {
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
    pub(super) fn with_capacity(bytes: usize) -> Batch {
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
    pub(super) fn size(&self) -> usize {
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
    pub(super) fn push_record(&mut self, origin: Origin, bytes: &[u8]) {
        let start = self.bytes.len();
        self.bytes.extend_from_slice(bytes);
        self.push_tail(origin, start);
    }

    /// Adds a record whose bytes end the buffer from `start` on.
    pub(super) fn push_tail(&mut self, origin: Origin, start: usize) {
        self.entries.push(Entry::Record {
            origin,
            start,
            end: self.bytes.len(),
        });
    }

    /// Adds a record that could not be read.
    pub(super) fn push_unreadable(&mut self, origin: Origin, problem: String) {
        self.entries.push(Entry::Unreadable { origin, problem });
    }
}

/// The batch being filled and where full ones go: each reader fills `batch` and calls
/// [`Batches::hand_on_if_full`] after each record; [`Batches::finish`] hands on what is left.
pub(super) struct Batches<F, S> {
    /// The batch being filled.
    pub(super) batch: Batch,
    /// Bytes from which a batch is full.
    pub(super) full: usize,
    /// A new (or reused) empty batch.
    fresh: F,
    /// Where full batches go.
    sink: S,
}

impl<F: Fn() -> Batch, S> Batches<F, S> {
    /// Starts filling a batch from `fresh`.
    pub(super) fn new(full: usize, fresh: F, sink: S) -> Self {
        Batches {
            batch: fresh(),
            full,
            fresh,
            sink,
        }
    }

    /// Hands the batch on and starts another.
    pub(super) fn hand_on<E>(&mut self) -> Result<(), E>
    where
        S: FnMut(Batch) -> Result<(), E>,
    {
        let full = std::mem::replace(&mut self.batch, (self.fresh)());
        (self.sink)(full)
    }

    /// Hands the batch on when it holds `full` bytes or more.
    pub(super) fn hand_on_if_full<E>(&mut self) -> Result<(), E>
    where
        S: FnMut(Batch) -> Result<(), E>,
    {
        if self.batch.size() >= self.full {
            self.hand_on()?;
        }
        Ok(())
    }

    /// Hands on the last batch, unless it is empty.
    pub(super) fn finish<E>(mut self) -> Result<(), E>
    where
        S: FnMut(Batch) -> Result<(), E>,
    {
        if self.batch.is_empty() {
            return Ok(());
        }
        (self.sink)(self.batch)
    }
}
