//! Rows of CSV and TSV tables as records, and the one door to every kind of table
//! ([`table_rows`]).

use std::io::{self, BufRead};

use crate::error::Result;

use super::files::{Cache, open_lines};
use super::json_array::ArrayRows;
use super::parquet_rows::ParquetRows;
use super::{Source, SourceKind};

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
pub(super) fn table_rows(source: &Source, cache: Cache) -> Result<Box<dyn Iterator<Item = Row>>> {
    Ok(match source.kind {
        SourceKind::Csv { delimiter } => Box::new(Rows::open(source, delimiter, cache)?),
        SourceKind::JsonArray => Box::new(ArrayRows::open(source, cache)?),
        _ => Box::new(ParquetRows::open(source)?),
    })
}
