//! Helpers for the library's unit tests: made-up stories and small clustered corpora.

use crate::ingest;
use crate::pipeline::{Corpus, Dedup, Settings};

/// Word `i` in letters `a` to `p` (no digits, which normalization may treat apart).
pub fn spell(mut i: usize) -> String {
    let mut word = String::new();
    loop {
        word.push((b'a' + (i % 16) as u8) as char);
        i /= 16;
        if i == 0 {
            return word;
        }
    }
}

/// `n` words of story `story` (letters `a` to `p`) from word `from` on: words `story` `q`
/// `spell(i)`, none shared with another story.
pub fn words(story: &str, from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("{story}q{}", spell(i)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Clusters `texts` (ids 0, 1, ...) with `settings`.
pub fn clustered(texts: &[String], settings: &Settings) -> (tempfile::TempDir, Corpus, Dedup) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.jsonl");
    let lines: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| serde_json::json!({"id": i, "text": t}).to_string())
        .collect();
    std::fs::write(&path, lines.join("\n")).unwrap();
    let sources = ingest::open_sources(&[path]).unwrap();
    let mut corpus = Corpus::read(sources, settings, |_, _| {}).unwrap();
    let dedup = corpus.dedup(settings);
    (dir, corpus, dedup)
}

/// Makes a named pipe at `path` that nothing writes to: opening it for reading would wait forever.
#[cfg(unix)]
pub fn named_pipe(path: &std::path::Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
}

/// What `f` returns, if it returns within ten seconds (on another thread): for code that must
/// not block, such as code that must leave a named pipe unopened.
pub fn within_ten_seconds<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, std::sync::mpsc::RecvTimeoutError> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(f()));
    rx.recv_timeout(std::time::Duration::from_secs(10))
}
