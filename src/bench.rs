//! Bench: measure a clustering run, stage by stage, and score it against labels.
//!
//! [`tokenize_floor`] reads and tokenizes a corpus and does nothing else: the floor any
//! fingerprinting pays, against which the pipeline's time is reported. [`PairScores`] compares a
//! clustering with a labelling (adjusted Rand index, pairwise precision, recall, F1).
//! [`peak_rss_bytes`] reads the process's high-water mark. This module times and counts; the
//! pipeline it measures is [`crate::pipeline`]'s.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;

use crate::error::Result;
use crate::ingest::{self, Batch, Raw, Source};
use crate::normalize;

/// What the floor pass saw.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Floor {
    /// Wall time.
    pub wall: Duration,
    /// Records parsed.
    pub records: usize,
    /// Text bytes tokenized.
    pub bytes: u64,
    /// Tokens seen.
    pub tokens: u64,
}

/// Reads, parses and tokenizes every record of `sources` in parallel batches, as the pipeline
/// does, and nothing more.
pub fn tokenize_floor(sources: &[Source], batch_bytes: usize) -> Result<Floor> {
    let started = Instant::now();
    let mut floor = Floor::default();
    let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(2);
    let (spare_tx, spare_rx) = std::sync::mpsc::sync_channel::<Batch>(1);
    std::thread::scope(|scope| -> Result<()> {
        let reader = scope.spawn(move || {
            let cache = ingest::Cache::Keep;
            ingest::read_batches_with(sources, batch_bytes, cache, Some(&spare_rx), |batch| {
                let _ = tx.send(batch);
                Ok::<(), crate::error::Error>(())
            })
        });
        for mut batch in rx {
            let (records, bytes, tokens) = (0..batch.len())
                .into_par_iter()
                .filter_map(|i| match batch.get(i) {
                    Raw::Record { origin, bytes } => {
                        ingest::parse(&sources[origin.source as usize], origin, bytes).ok()
                    }
                    Raw::Unreadable { .. } => None,
                })
                .map(|r| {
                    let tokens = normalize::for_each_token(normalize::story_body(&r.text), |_| ());
                    (1usize, r.text.len() as u64, tokens as u64)
                })
                .reduce(|| (0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
            floor.records += records;
            floor.bytes += bytes;
            floor.tokens += tokens;
            batch.clear();
            let _ = spare_tx.try_send(batch);
        }
        reader.join().expect("the reader thread does not panic")
    })?;
    floor.wall = started.elapsed();
    Ok(floor)
}

/// Agreement of a clustering with a labelling, over the items both name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct PairScores {
    /// Adjusted Rand index (1 is perfect, 0 is chance).
    pub ari: f64,
    /// Share of pairs put together that belong together.
    pub precision: f64,
    /// Share of pairs that belong together that were put together.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

fn pairs(n: u64) -> f64 {
    (n * n.saturating_sub(1) / 2) as f64
}

impl PairScores {
    /// Scores `predicted` against `truth`: item `i` is in cluster `predicted[i]` and story
    /// `truth[i]`.
    pub fn of<P: std::hash::Hash + Eq, T: std::hash::Hash + Eq>(
        predicted: &[P],
        truth: &[T],
    ) -> PairScores {
        assert_eq!(predicted.len(), truth.len(), "one label per item");
        let mut cells: HashMap<(&P, &T), u64> = HashMap::new();
        let mut rows: HashMap<&P, u64> = HashMap::new();
        let mut cols: HashMap<&T, u64> = HashMap::new();
        for (p, t) in predicted.iter().zip(truth) {
            *cells.entry((p, t)).or_default() += 1;
            *rows.entry(p).or_default() += 1;
            *cols.entry(t).or_default() += 1;
        }
        let together: f64 = cells.values().map(|&n| pairs(n)).sum();
        let predicted_pairs: f64 = rows.values().map(|&n| pairs(n)).sum();
        let true_pairs: f64 = cols.values().map(|&n| pairs(n)).sum();
        let all = pairs(predicted.len() as u64);
        let expected = if all > 0.0 {
            predicted_pairs * true_pairs / all
        } else {
            0.0
        };
        let denominator = 0.5 * (predicted_pairs + true_pairs) - expected;
        let ari = if denominator == 0.0 {
            1.0
        } else {
            (together - expected) / denominator
        };
        let precision = if predicted_pairs == 0.0 {
            1.0
        } else {
            together / predicted_pairs
        };
        let recall = if true_pairs == 0.0 {
            1.0
        } else {
            together / true_pairs
        };
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        PairScores {
            ari,
            precision,
            recall,
            f1,
        }
    }
}

/// The process's peak resident memory, when the platform tells it (Linux `VmHWM`).
pub fn peak_rss_bytes() -> Option<u64> {
    proc_status_kb("VmHWM:").map(|kb| kb * 1024)
}

/// Starts the high-water mark over from the resident memory now (Linux: `5` written to
/// `/proc/self/clear_refs`), so [`peak_rss_bytes`] measures from here; `false` where the
/// platform does not allow it, and the mark then stays the process's.
pub fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// The process's resident memory now, when the platform tells it (Linux `VmRSS`).
pub fn rss_bytes() -> Option<u64> {
    proc_status_kb("VmRSS:").map(|kb| kb * 1024)
}

/// The part of the process's resident memory that is pages of mapped files (Linux `RssFile`):
/// spilled features, and the program itself, which the kernel can drop under pressure and read
/// back, unlike the heap.
pub fn mapped_file_rss_bytes() -> Option<u64> {
    proc_status_kb("RssFile:").map(|kb| kb * 1024)
}

fn proc_status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn resetting_the_peak_forgets_memory_already_freed() {
        // 256 MiB touched and freed (a block that size is mapped and unmapped whole): the
        // process's mark keeps it, the mark after a reset does not.
        let block = vec![1u8; 256 << 20];
        assert_eq!(
            block
                .iter()
                .step_by(4096)
                .map(|&b| b as usize)
                .sum::<usize>(),
            65536
        );
        drop(block);
        let before = peak_rss_bytes().unwrap();
        assert!(reset_peak_rss(), "/proc/self/clear_refs is writable");
        let after = peak_rss_bytes().unwrap();
        assert!(after + (128 << 20) < before, "{before} -> {after}");
    }

    #[test]
    fn perfect_and_opposite_clusterings() {
        let truth = [1, 1, 2, 2, 3];
        let s = PairScores::of(&["a", "a", "b", "b", "c"], &truth);
        assert_eq!(
            s,
            PairScores {
                ari: 1.0,
                precision: 1.0,
                recall: 1.0,
                f1: 1.0
            }
        );
        let all_apart = PairScores::of(&[1, 2, 3, 4, 5], &truth);
        assert_eq!((all_apart.precision, all_apart.recall), (1.0, 0.0));
        assert!(all_apart.ari.abs() < 1e-9);
    }

    #[test]
    fn a_wrong_merge_costs_precision() {
        // Known value: merging two true pairs gives 2 right pairs out of 6 predicted.
        let s = PairScores::of(&[0, 0, 0, 0], &[1, 1, 2, 2]);
        assert!((s.precision - 2.0 / 6.0).abs() < 1e-12);
        assert_eq!(s.recall, 1.0);
        assert!(s.ari < 0.01);
    }
}
