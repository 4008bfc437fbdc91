//! Rows of Parquet files as records.

use std::fs::File;

use serde_json::Value;

use crate::error::{Error, Result};

use super::Source;
use super::tables::Row;

/// The rows of a Parquet source, each made the JSON object of its non-null columns.
pub(super) struct ParquetRows {
    rows: Option<parquet::record::reader::RowIter<'static>>,
    /// The row number of the last row given (0 before any).
    row: u64,
    /// Why the file could not be opened, given as the first row.
    unopened: Option<String>,
}

impl ParquetRows {
    pub(super) fn open(source: &Source) -> Result<ParquetRows> {
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
