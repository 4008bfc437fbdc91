//! Rows of CSV and TSV tables as records, and the one door to every kind of table
//! ([`table_rows`]).

use std::collections::VecDeque;
use std::io::{self, BufRead};

use crate::error::Result;

use super::files::{Cache, open_lines};
use super::json_array::ArrayRows;
use super::parquet_rows::ParquetRows;
use super::{Quoting, Source, SourceKind};

/// What reading one row of a table gave.
pub(super) enum Row {
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
    reader: csv::Reader<QuoteWatch<Box<dyn BufRead + Send>>>,
    header: Vec<String>,
    row: csv::ByteRecord,
    stopped: bool,
    /// The line of the last row read (0 before any).
    last_line: u64,
}

impl Rows {
    fn open(source: &Source, delimiter: u8, cache: Cache) -> Result<Rows> {
        let mut lines = open_lines(source, cache)?;
        let quotes = match source.quoting {
            // A read error here shows again, and is reported, when the rows are read.
            Quoting::Auto => lines
                .fill_buf()
                .map_or(Quotes::Doubled, |sample| Quotes::of(sample, delimiter)),
            Quoting::Doubled => Quotes::Doubled,
            Quoting::Backslash => Quotes::Backslash,
            Quoting::None => Quotes::Plain,
        };
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .quoting(quotes != Quotes::Plain)
            .escape((quotes == Quotes::Backslash).then_some(b'\\'))
            .has_headers(false)
            .flexible(true)
            .from_reader(QuoteWatch::new(lines, delimiter, quotes));
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

    /// The last line of the row just read (which starts on `line`) when a quoted cell of it
    /// runs over a line break and closes badly, text following its closing quote: the sign of
    /// a quotation mark opening a cell in a file that does not quote (or of a stray one), the
    /// reader having run on to the next quote and read the lines between, rows of their own,
    /// into the cell. (A cell closed badly within one line, `"No," he said`, is read as the
    /// `csv` crate reads it.)
    fn folded_rows(&mut self, line: u64) -> Option<u64> {
        let start = self.row.position().map_or(0, csv::Position::byte);
        let end = self.reader.position().byte();
        if !self.reader.get_mut().closed_badly_within(start, end) {
            return None;
        }
        let breaks = memchr::memchr_iter(b'\n', self.row.as_slice()).count() as u64;
        (breaks > 0).then_some(line + breaks)
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
            if read.as_ref().is_ok_and(|&row| row) && self.reader.get_ref().ended_in_quotes() {
                // Only the last row can end inside quotes: the file ended in it.
                return Some(Row::Bad(
                    line,
                    "a quoted cell of this row is never closed, so the rest of the file was read \
                     into it and no row after it was read (a stray `\"`?)"
                        .to_string(),
                ));
            }
            if read.as_ref().is_ok_and(|&row| row)
                && !self.header.is_empty()
                && let Some(last) = self.folded_rows(line)
            {
                return Some(Row::Bad(
                    line,
                    format!(
                        "a quoted cell of this row runs on to line {last}, where more text \
                         follows its closing quote: the lines between were read into it (a \
                         stray `\"`? if this file does not quote its cells, `--quoting none` \
                         reads quotation marks as characters)"
                    ),
                ));
            }
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

/// How a table's cells are quoted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Quotes {
    /// Not at all: a quotation mark is a character (plain TSV).
    Plain,
    /// As CSV is: a cell may be quoted, a quote inside it doubled (`"a ""b"" c"`).
    Doubled,
    /// As R's `write.table` and MySQL write: a quote inside a quoted cell may also be written
    /// `\"` (`"a \"b\" c"`).
    Backslash,
}

impl Quotes {
    /// How the table starting with `sample` is quoted: the first of doubled and backslash
    /// quoting that reads every cell of it cleanly (each cell that starts with a quote closes
    /// right before a cell or line end, and every quote belongs to a quoted cell), else plain for
    /// TSV and doubled for CSV. Many TSV files (the IANA format, MSRP, most NLP datasets) have no
    /// quoting, and a sentence cell there that starts with a quotation mark made a quoting reader
    /// run on through tabs and lines to the next quote, folding rows into one cell: in MSRP's
    /// training file, 45 rows reported bad and 113 folded away unseen. A CSV file is quoted
    /// whatever its start looks like (commas in text need it).
    pub(super) fn of(sample: &[u8], delimiter: u8) -> Quotes {
        let quotes = memchr::memchr_iter(b'"', sample).count() as u64;
        let clean = |dialect| {
            let mut watch = QuoteWatch::new((), delimiter, dialect);
            watch.follow(sample);
            watch.malformed == 0 && watch.quoting_quotes == quotes
        };
        if clean(Quotes::Doubled) {
            Quotes::Doubled
        } else if clean(Quotes::Backslash) {
            Quotes::Backslash
        } else if delimiter == b'\t' {
            Quotes::Plain
        } else {
            Quotes::Doubled
        }
    }
}

/// Where an input is in its quoting, as the CSV reader reads it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// At the start of a cell (or of a row).
    CellStart,
    /// Inside a cell that did not start with a quote (a quote there is just a character).
    Unquoted,
    /// Inside a quoted cell.
    Quoted,
    /// Just after a quote inside a quoted cell: it closed the cell, or starts a doubled `""`.
    QuoteInQuoted,
    /// Just after a backslash inside a quoted cell ([`Quotes::Backslash`]): the next byte is
    /// part of the cell, a quote included.
    Escaped,
}

/// Passes a CSV or TSV input through unchanged, following its quoting as the `csv` crate's
/// reader does (`"` quotes, `""` or, as configured, `\"` escapes, CR or LF ends a row), to tell
/// when the input ended inside a quoted cell. The crate then ends the last row there without a
/// word, so one stray quote would silently fold the rest of the file into one cell; the crate
/// does not expose its parser's state, hence this small mirror of it. It jumps from one byte
/// that matters to the next (memchr): a 250 MB CSV file is read in the same time with it.
pub(super) struct QuoteWatch<R> {
    inner: R,
    delimiter: u8,
    quotes: Quotes,
    state: State,
    /// Quoted cells whose closing quote is followed by more of the cell (`"a"b`).
    malformed: u64,
    /// Where in the input (bytes from its start) those closing quotes stand, the ones not yet
    /// asked about ([`QuoteWatch::closed_badly_within`]).
    malformed_at: VecDeque<u64>,
    /// Bytes followed before the current buffer.
    offset: u64,
    /// Quotes read as quoting (opening, closing or doubling): any other quote in the input
    /// stood inside a cell that did not start with one.
    quoting_quotes: u64,
    ended: bool,
}

impl<R> QuoteWatch<R> {
    pub(super) fn new(inner: R, delimiter: u8, quotes: Quotes) -> QuoteWatch<R> {
        QuoteWatch {
            inner,
            delimiter,
            quotes,
            state: State::CellStart,
            malformed: 0,
            malformed_at: VecDeque::new(),
            offset: 0,
            quoting_quotes: 0,
            ended: false,
        }
    }

    /// Whether the input has ended inside a quoted cell.
    pub(super) fn ended_in_quotes(&self) -> bool {
        self.ended && matches!(self.state, State::Quoted | State::Escaped)
    }

    /// Whether a quoted cell closed with more of the cell after its closing quote between
    /// bytes `start` and `end` of the input; forgets every such close before `end`.
    pub(super) fn closed_badly_within(&mut self, start: u64, end: u64) -> bool {
        let mut found = false;
        while let Some(&at) = self.malformed_at.front().filter(|&&at| at < end) {
            found |= at >= start;
            self.malformed_at.pop_front();
        }
        found
    }

    /// Follows the next `bytes` of the input.
    fn follow(&mut self, bytes: &[u8]) {
        self.follow_from(bytes);
        self.offset += bytes.len() as u64;
    }

    fn follow_from(&mut self, bytes: &[u8]) {
        let mut at = 0;
        let backslash = self.quotes == Quotes::Backslash;
        while self.quotes != Quotes::Plain && at < bytes.len() {
            // Inside a cell only a quote or backslash (quoted) or a cell end (unquoted) changes
            // anything.
            let skip = match self.state {
                State::Quoted if backslash => memchr::memchr2(b'"', b'\\', &bytes[at..]),
                State::Quoted => memchr::memchr(b'"', &bytes[at..]),
                State::Unquoted => memchr::memchr3(self.delimiter, b'\n', b'\r', &bytes[at..]),
                State::CellStart | State::QuoteInQuoted | State::Escaped => Some(0),
            };
            let Some(skip) = skip else { return };
            at += skip;
            let b = bytes[at];
            let ends_cell = b == self.delimiter || b == b'\n' || b == b'\r';
            self.quoting_quotes += u64::from(b == b'"');
            self.state = match self.state {
                State::CellStart if b == b'"' => State::Quoted,
                State::Quoted if b == b'"' => State::QuoteInQuoted,
                State::Quoted => State::Escaped,
                State::Escaped => State::Quoted,
                State::QuoteInQuoted if b == b'"' => State::Quoted,
                _ if ends_cell => State::CellStart,
                State::QuoteInQuoted => {
                    self.malformed += 1;
                    self.malformed_at.push_back(self.offset + at as u64 - 1);
                    State::Unquoted
                }
                _ => State::Unquoted,
            };
            at += 1;
        }
    }
}

impl<R: io::Read> io::Read for QuoteWatch<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.ended |= n == 0 && !buf.is_empty();
        self.follow(&buf[..n]);
        Ok(n)
    }
}

/// The rows of a table source (CSV, TSV, Parquet) or the records of a JSON array.
pub(super) fn table_rows(source: &Source, cache: Cache) -> Result<Box<dyn Iterator<Item = Row>>> {
    Ok(match source.kind {
        SourceKind::Csv { delimiter } => Box::new(Rows::open(source, delimiter, cache)?),
        SourceKind::JsonArray => Box::new(ArrayRows::open(source, cache)?),
        _ => Box::new(ParquetRows::open(source)?),
    })
}
