//! CSV, TSV and Parquet ingest: any bytes as a table file give records or bad records naming the file
//! and a line, never a panic, and reading the records again gives the same bytes.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use copydesk::ingest::{self, Origin, Raw};
use libfuzzer_sys::fuzz_target;

fn dir() -> &'static tempfile::TempDir {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().unwrap())
}

fuzz_target!(|data: &[u8]| {
    for name in ["t.csv", "t.tsv", "t.parquet"] {
        let path: PathBuf = dir().path().join(name);
        std::fs::write(&path, data).unwrap();
        let sources = ingest::open_sources(&[path]).unwrap();
        let (_, bad) = ingest::read_all(&sources).unwrap();
        for b in &bad {
            assert!(b.to_string().starts_with(&format!("{}:", sources[0].name)));
            assert!(b.line >= 1);
        }
        let mut records: Vec<(Origin, Vec<u8>)> = Vec::new();
        ingest::read_batches::<copydesk::Error>(&sources, 1 << 16, |batch| {
            for raw in batch {
                if let Raw::Record { origin, bytes } = raw {
                    records.push((origin, bytes));
                }
            }
            Ok(())
        })
        .unwrap();
        let origins: Vec<Origin> = records.iter().map(|(o, _)| *o).collect();
        let mut again = Vec::new();
        ingest::reread(&sources, &origins, |o, bytes| {
            again.push((o, bytes.to_vec()));
            Ok(())
        })
        .unwrap();
        assert_eq!(again, records);
    }
});
