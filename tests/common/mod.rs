//! Helpers shared by the integration tests: the binary, the shipped corpus, JSONL reading and
//! temporary worlds. Each test binary uses a part of them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The `copydesk` binary, with the thread count left to its default.
pub fn copydesk() -> Command {
    let mut c = Command::cargo_bin("copydesk").expect("binary is built");
    c.env_remove("RAYON_NUM_THREADS");
    c
}

/// A path inside the repository.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The shipped cross-outlet corpus.
pub fn wire() -> PathBuf {
    repo("corpora/wire.jsonl")
}

/// The shipped corpus plus `fish-pinewood`: the Reuters fishing story as Pinewood Weekly runs
/// it, under the paper's standing notice (the last paragraph of its five briefs). Written into
/// `dir` as `with-copy.jsonl`; returns its path and the notice.
pub fn wire_with_pinewood_copy(dir: &Path) -> (PathBuf, String) {
    let records = read_jsonl(&wire());
    let notice = records
        .iter()
        .find(|r| r["outlet"] == "Pinewood Weekly")
        .and_then(|r| r["text"].as_str().unwrap().rsplit("\n\n").next())
        .unwrap()
        .to_string();
    let story = records.iter().find(|r| r["id"] == "fish-reuters").unwrap();
    let copy = serde_json::json!({
        "id": "fish-pinewood",
        "outlet": "Pinewood Weekly",
        "text": format!("{}\n\n{notice}", story["text"].as_str().unwrap()),
    });
    let input = dir.join("with-copy.jsonl");
    let mut text = std::fs::read_to_string(wire()).unwrap();
    text.push_str(&format!("{copy}\n"));
    std::fs::write(&input, text).unwrap();
    (input, notice)
}

/// Every line of `bytes` parsed as JSON.
pub fn jsonl(bytes: &[u8]) -> Vec<Value> {
    std::str::from_utf8(bytes)
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

/// Every line of the file at `path` parsed as JSON.
pub fn read_jsonl(path: &Path) -> Vec<Value> {
    jsonl(&std::fs::read(path).expect("file exists"))
}

/// A temporary folder holding the given files.
pub fn world(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    dir
}

/// `text` as a Windows editor saves "Unicode" text: UTF-16 little-endian after its byte order mark.
pub fn utf16_with_bom(text: &str) -> Vec<u8> {
    [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect()
}
