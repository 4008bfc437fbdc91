//! Records of a file holding one JSON array, read one at a time.

use std::io::{self, BufRead};

use crate::error::Result;

use super::Source;
use super::files::{Cache, open_lines};
use super::tables::Row;

/// The records of a JSON array, each given as its bytes with the line it starts on. Only the
/// array's structure is scanned (strings, escapes and nesting), so a malformed record is one
/// bad record and the next is read as usual; memory holds one record.
pub(super) struct ArrayRows {
    reader: Box<dyn BufRead + Send>,
    /// The line the reader is on.
    line: u64,
    /// The line of the last record given (0 before any).
    last_line: u64,
    started: bool,
    done: bool,
}

impl ArrayRows {
    pub(super) fn open(source: &Source, cache: Cache) -> Result<ArrayRows> {
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
