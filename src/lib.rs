//! copydesk finds the same news story across outlets.
//!
//! The data flows one way through one module per stage; [`pipeline`] alone knows their order:
//!
//! ```text
//! ingest ──> normalize ──> shingle ──> fingerprint ──> candidates ──> verify ──> cluster ──> report
//! (records)  (tokens)      (shingle    (simhash,       (index:        (Jaccard,  (star       (JSONL,
//!                           hashes)     anchors)        simhash         contain-   clusters,  summary)
//!                                                       blocks,         ment)      represent-
//!                                                       anchor                     atives)
//!                                                       postings)
//! ```
//!
//! - [`ingest`]: JSONL (plain, gzip or zstd), JSON arrays, CSV, TSV and Parquet tables,
//!   folders of `.txt`, stdin; bad records reported by file
//!   and line, never dropped.
//! - [`normalize`]: wire furniture (datelines, bylines, footers) cut; Unicode words for every
//!   script, as stable hashes.
//! - [`shingle`]: `k`-word shingles and the exact shingle set.
//! - [`sort`]: the branch-free sort of short lists (anchors, short articles' sets) both use.
//! - [`fingerprint`]: 64-bit simhash (primary) and winnowed anchors (for trimmed and reworded
//!   copies).
//! - [`store`]: every article's features in flat arenas, in memory or spilled to mapped
//!   temporary files for corpora larger than memory.
//! - [`boilerplate`]: passages one outlet repeats across many of its articles (disclaimers,
//!   about-us boxes), found once all is read and left out of those articles' features.
//! - [`candidates`]: sub-quadratic candidate search over both.
//! - [`verify`]: the exact test of a pair.
//! - [`cluster`]: star clustering without chaining, and the representative of each cluster.
//! - [`report`]: the outputs of `copydesk dedup`, written atomically ([`output`]).
//! - [`explain`]: why two articles are, or are not, in one cluster (`copydesk explain`), and
//!   [`related`]: the articles outside a story that share passages with it (the report page);
//!   both read from what the stages above measured.
//!
//! After clustering, [`align`] (with [`segment`] and [`attribution`]) says what each version did
//! with its cluster's reference, [`outlets`] tallies that by outlet over many clusters, and
//! [`view`] (terminal) and [`html`] (report page) show it.
//! Beside the pipeline, [`generate`] makes synthetic labelled corpora and [`bench`](mod@bench) measures
//! and scores runs.
//!
//! Everything is deterministic: the same input gives the same bytes out at any thread count.

pub mod align;
pub mod attribution;
pub mod bench;
pub mod boilerplate;
pub mod candidates;
pub mod cluster;
pub mod error;
pub mod explain;
pub mod fingerprint;
pub mod generate;
pub mod html;
pub mod ingest;
pub mod normalize;
pub mod outlets;
pub mod output;
pub mod pipeline;
pub mod related;
pub mod report;
pub mod segment;
pub mod shingle;
pub mod sort;
pub mod store;
#[cfg(test)]
mod testing;
pub mod verify;
pub mod view;

pub use error::{Error, Result};
