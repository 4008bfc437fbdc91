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
