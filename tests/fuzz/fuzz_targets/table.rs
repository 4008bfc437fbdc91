//! CSV, TSV, Parquet and JSON-array ingest: any bytes as such a file give records or bad records naming
//! the file and a line, never a panic, and reading the records again gives the same bytes;
//! tables are read with their quoting told from their start and with each quoting forced.
//!
//! The Parquet crate panics on some corrupt files; ingest turns those panics into bad records
//! (`guarded`). libfuzzer's panic hook aborts on any panic, caught or not, so the reads run with
//! a silent hook, and a panic that escapes ingest still fails the run (`fuzz_target!` aborts).
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use copydesk::ingest::{self, BadRecord, Origin, Quoting, Raw, Source};
use libfuzzer_sys::fuzz_target;

fn dir() -> &'static tempfile::TempDir {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().unwrap())
}

/// Bad records, records, and the records read again.
type Read = (
    Vec<BadRecord>,
    Vec<(Origin, Vec<u8>)>,
    Vec<(Origin, Vec<u8>)>,
);

fn read(sources: &[Source]) -> Read {
    let (_, bad) = ingest::read_all(sources).unwrap();
    let mut records: Vec<(Origin, Vec<u8>)> = Vec::new();
    ingest::read_batches::<copydesk::Error>(sources, 1 << 16, |batch| {
        for raw in batch.iter() {
            if let Raw::Record { origin, bytes } = raw {
                records.push((origin, bytes.to_vec()));
            }
        }
        Ok(())
    })
    .unwrap();
    let origins: Vec<Origin> = records.iter().map(|(o, _)| *o).collect();
    let mut again = Vec::new();
    ingest::reread(sources, &origins, |o, bytes| {
        again.push((o, bytes.to_vec()));
        Ok(())
    })
    .unwrap();
    (bad, records, again)
}

fuzz_target!(|data: &[u8]| {
    use Quoting::{Auto, Backslash, Doubled, None};
    let tables = [
        ("t.csv", [Auto, Doubled, Backslash, None].as_slice()),
        ("t.tsv", &[Auto, Doubled, Backslash, None]),
    ];
    let others = [("t.parquet", [Auto].as_slice()), ("t.json", &[Auto])];
    for (name, quoting) in tables
        .into_iter()
        .chain(others)
        .flat_map(|(n, qs)| qs.iter().map(move |q| (n, *q)))
    {
        let path: PathBuf = dir().path().join(name);
        std::fs::write(&path, data).unwrap();
        let mut sources = ingest::open_sources(&[path]).unwrap();
        sources[0].quoting = quoting;
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let (bad, records, again) = read(&sources);
        std::panic::set_hook(hook);
        for b in &bad {
            assert!(b.to_string().starts_with(&format!("{}:", sources[0].name)));
            assert!(b.line >= 1);
        }
        assert_eq!(again, records);
    }
});
