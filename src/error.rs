//! Error: what can stop a run, each with the file it concerns.
//!
//! A bad *record* is not an error: it is a [`crate::ingest::BadRecord`], reported and counted
//! while every good record goes on. These are the failures that stop the whole run.

use std::path::PathBuf;

/// A failure that stops a run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input could not be opened or read.
    #[error("{path}: {source}")]
    Read {
        /// The input.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// An input names nothing that exists.
    #[error("{0}: no such file or folder")]
    NotFound(PathBuf),
    /// An output could not be written; nothing was left half-written in its place.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The output.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A setting is out of its range.
    #[error("{0}")]
    Config(String),
}

/// Result with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
