//! JSONL ingest: any bytes as a record line parse or are reported, never panic, whether the
//! fields are the usual ones or mapped to others (a top-level name, JSON pointers).
#![no_main]

use std::sync::Arc;

use copydesk::ingest::{Fields, Origin, Quoting, Source, SourceKind, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut mapped = Fields::default();
    mapped.set("text", "/body/0").unwrap();
    mapped.set("id", "/meta/id").unwrap();
    mapped.set("outlet", "source").unwrap();
    for fields in [Fields::default(), mapped] {
        let jsonl = Source {
            name: "f.jsonl".into(),
            path: "f.jsonl".into(),
            kind: SourceKind::Jsonl,
            fields: Arc::new(fields),
            map: true,
            quoting: Quoting::Auto,
        };
        if let Err(bad) = parse(&jsonl, Origin { source: 0, line: 1 }, data) {
            assert!(bad.to_string().starts_with("f.jsonl:1: "));
        }
    }
    let text = Source {
        name: "a/b.txt".into(),
        path: "a/b.txt".into(),
        kind: SourceKind::Text {
            rel: "a/b.txt".into(),
            outlet: Some("a".into()),
        },
        fields: Arc::default(),
        map: true,
        quoting: Quoting::Auto,
    };
    let _ = parse(&text, Origin { source: 0, line: 1 }, data);
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = copydesk::ingest::published_seconds(s);
    }
});
