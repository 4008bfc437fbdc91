//! Bench: measure a clustering run, stage by stage, and score it against labels.
//!
//! [`tokenize_floor`] reads and tokenizes a corpus and does nothing else: the floor any
//! fingerprinting pays, against which the pipeline's time is reported. [`PairScores`] compares a
//! clustering with a labelling (adjusted Rand index, pairwise precision, recall, F1).
//! [`peak_rss_bytes`] reads the process's high-water mark. This module times and counts; the
//! pipeline it measures is [`crate::pipeline`]'s.

use std::collections::HashMap;
use std::fmt;
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
                    // Each token's hash is kept from the optimizer: given `|_| ()`, a build that
                    // inlined the tokenizer dropped the hashing (the floor's tokenizer took a
                    // third of the pipeline's time in `perf`, and the 1M floor read 1.2 s, not
                    // 1.9 s).
                    let tokens = normalize::for_each_token(normalize::story_body(&r.text), |h| {
                        std::hint::black_box(h);
                    });
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

/// Reads every regular file of `sources` once and throws the bytes away, when together they take
/// at most half the memory this process may use ([`crate::store::available_memory`]); returns
/// the bytes read, 0 when it read nothing. The floor is measured first in each run: on a corpus
/// just written or not read for a while, it would pay for the disk and the pipeline after it
/// would not (a 1M run once printed fingerprinting at 85% of the floor for that reason alone).
/// Warmed, both read from the page cache; a corpus larger than that stays as it is, both then
/// reading from the disk. Named pipes and stdin are never read here.
pub fn warm_page_cache(sources: &[Source]) -> u64 {
    let files: Vec<(&std::path::Path, u64)> = sources
        .iter()
        .filter(|s| s.kind != ingest::SourceKind::Stdin)
        .filter_map(|s| {
            let meta = std::fs::metadata(&s.path).ok()?;
            meta.is_file().then_some((s.path.as_path(), meta.len()))
        })
        .collect();
    let total: u64 = files.iter().map(|f| f.1).sum();
    if crate::store::available_memory().is_none_or(|room| total > room / 2) {
        return 0;
    }
    // A file that cannot be read is left to the run, which says what is wrong with it.
    files
        .into_iter()
        .filter_map(|(path, _)| std::fs::File::open(path).ok())
        .map(|mut file| std::io::copy(&mut file, &mut std::io::sink()).unwrap_or(0))
        .sum()
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

/// What `copydesk bench` measured, as its `--format json` gives it (field for field) and its
/// text view prints it ([`fmt::Display`]). Times are seconds, sizes MiB (`text_mb`: megabytes);
/// with several runs every time is the median run's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Good records clustered.
    pub articles: usize,
    /// Bad records reported.
    pub bad_records: usize,
    /// Text read, in megabytes.
    pub text_mb: f64,
    /// Worker threads.
    pub threads: usize,
    /// Wall time, ingest to clusters.
    pub wall_s: f64,
    /// Articles per second of wall time.
    pub articles_per_s: f64,
    /// Runs measured.
    pub runs: usize,
    /// Each run's wall time.
    pub wall_s_each_run: Vec<f64>,
    /// Reading and tokenizing alone ([`tokenize_floor`]).
    pub floor: FloorRate,
    /// Each stage of the pipeline.
    pub stages: Stages,
    /// The floor's time over fingerprinting's: fingerprinting's speed as a share of the floor's.
    pub fingerprint_vs_floor: f64,
    /// The pipeline's wall time as a multiple of the floor's.
    pub pipeline_vs_floor: f64,
    /// Candidate pairs proposed.
    pub candidate_pairs: u64,
    /// Pairs verified on shingles.
    pub verified_pairs: u64,
    /// Pairs accepted as copies.
    pub accepted_pairs: u64,
    /// Exact copies that followed an earlier article unverified.
    pub exact_copies: u64,
    /// Clusters of two or more.
    pub clusters: usize,
    /// Peak resident memory of the first run (as in a fresh process), where the system tells.
    pub peak_rss_mb: Option<f64>,
    /// Each run's peak.
    pub peak_rss_mb_each_run: Vec<Option<f64>>,
    /// Resident memory once the first run's corpus was read.
    pub rss_after_read_mb: Option<f64>,
    /// The features' heap memory.
    pub features_heap_mb: f64,
    /// Pages of mapped files resident at the end of the first run (spilled features).
    pub mapped_files_mb_at_end: Option<f64>,
    /// Whether the features were spilled to files.
    pub spilled: bool,
    /// Agreement with the labels, when a labels file was given.
    pub accuracy: Option<Accuracy>,
}

/// The floor's time and throughput.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct FloorRate {
    /// Wall time.
    pub read_and_tokenize_s: f64,
    /// Articles per second.
    pub articles_per_s: f64,
    /// Megabytes of text per second.
    pub mb_per_s: f64,
}

/// One stage's time and throughput.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Rate {
    /// Wall time.
    pub s: f64,
    /// Articles per second.
    pub articles_per_s: f64,
    /// Megabytes of text per second (the reading stage only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mb_per_s: Option<f64>,
}

/// The boilerplate stage: its time and what it found.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct BoilerplateStage {
    /// Wall time.
    pub s: f64,
    /// Passages found.
    pub passages: usize,
    /// Articles they were left out of.
    pub articles: usize,
}

/// The pipeline's stages, in order.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Stages {
    /// Reading, parsing, normalizing, shingling and fingerprinting (overlapped).
    pub read_and_fingerprint: Rate,
    /// Finding and stripping boilerplate.
    pub boilerplate: BoilerplateStage,
    /// Building the candidate index.
    pub index: Rate,
    /// Candidate search, verification and clustering.
    pub cluster: Rate,
}

/// Agreement with a labels file.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Accuracy {
    /// Articles the labels name.
    pub labelled: usize,
    /// Adjusted Rand index.
    pub ari: f64,
    /// Pairwise precision.
    pub precision: f64,
    /// Pairwise recall.
    pub recall: f64,
    /// Pairwise F1.
    pub f1: f64,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = self;
        let s = &r.stages;
        writeln!(
            f,
            "articles            {} ({:.0} MB of text), {} threads",
            r.articles, r.text_mb, r.threads
        )?;
        writeln!(
            f,
            "wall                {:.2} s, {:.0} articles/s",
            r.wall_s, r.articles_per_s
        )?;
        if r.runs > 1 {
            let lo = r
                .wall_s_each_run
                .iter()
                .copied()
                .fold(f64::INFINITY, f64::min);
            let hi = r.wall_s_each_run.iter().copied().fold(0.0, f64::max);
            writeln!(
                f,
                "                    median of {} runs (wall {lo:.2}-{hi:.2} s); every time below is a median",
                r.runs
            )?;
        }
        let read = &s.read_and_fingerprint;
        writeln!(
            f,
            "  read + fingerprint {:.2} s  {:>9.0} articles/s  {:>6.1} MB/s",
            read.s,
            read.articles_per_s,
            read.mb_per_s.unwrap_or(0.0)
        )?;
        writeln!(
            f,
            "  boilerplate        {:.2} s  {} passages one outlet repeats, left out of {} articles",
            s.boilerplate.s, s.boilerplate.passages, s.boilerplate.articles
        )?;
        for (name, stage) in [("index  ", &s.index), ("cluster", &s.cluster)] {
            writeln!(
                f,
                "  {name}            {:.2} s  {:>9.0} articles/s",
                stage.s, stage.articles_per_s
            )?;
        }
        writeln!(
            f,
            "read + tokenize only {:.2} s  {:>9.0} articles/s  {:>6.1} MB/s (the floor)",
            r.floor.read_and_tokenize_s, r.floor.articles_per_s, r.floor.mb_per_s
        )?;
        // Ratios of times spent on nothing say nothing.
        if r.articles > 0 {
            writeln!(
                f,
                "fingerprinting runs at {:.0}% of the floor's speed; the whole pipeline takes {:.1}x the floor",
                100.0 * r.fingerprint_vs_floor,
                r.pipeline_vs_floor
            )?;
        }
        writeln!(
            f,
            "pairs               {} candidates, {} verified, {} accepted; {} clusters",
            r.candidate_pairs, r.verified_pairs, r.accepted_pairs, r.clusters
        )?;
        if let Some(peak) = r.peak_rss_mb {
            let spilled = if r.spilled {
                format!(
                    ", sets and anchors spilled to mapped files; {:.0} MiB of mapped file pages \
                     resident at the end, which the kernel can drop and read back",
                    r.mapped_files_mb_at_end.unwrap_or(0.0)
                )
            } else {
                String::new()
            };
            writeln!(
                f,
                "peak memory         {peak:.0} MiB ({:.0} MiB held after reading; features {:.0} MiB on the heap{spilled})",
                r.rss_after_read_mb.unwrap_or(0.0),
                r.features_heap_mb
            )?;
            if r.runs > 1 {
                let each: Vec<String> = r
                    .peak_rss_mb_each_run
                    .iter()
                    .map(|m| format!("{:.0}", m.unwrap_or(0.0)))
                    .collect();
                writeln!(
                    f,
                    "                    the first run's, as in a fresh process (each run's: {} MiB; \
                     later runs reuse memory the allocator kept)",
                    each.join(", ")
                )?;
            }
        }
        if let Some(a) = &r.accuracy {
            writeln!(
                f,
                "accuracy            ARI {:.4}, pairwise P {:.4} R {:.4} F1 {:.4} over {} labelled articles",
                a.ari, a.precision, a.recall, a.f1, a.labelled
            )?;
        }
        Ok(())
    }
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

    fn report(runs: usize, spilled: bool) -> Report {
        let rate = |s: f64| Rate {
            s,
            articles_per_s: 1000.0 / s,
            mb_per_s: None,
        };
        Report {
            articles: 1000,
            bad_records: 2,
            text_mb: 3.0,
            threads: 2,
            wall_s: 4.25,
            articles_per_s: 235.0,
            runs,
            wall_s_each_run: vec![4.25, 4.5, 4.0][..runs].to_vec(),
            floor: FloorRate {
                read_and_tokenize_s: 0.5,
                articles_per_s: 2000.0,
                mb_per_s: 6.0,
            },
            stages: Stages {
                read_and_fingerprint: Rate {
                    mb_per_s: Some(1.5),
                    ..rate(2.0)
                },
                boilerplate: BoilerplateStage {
                    s: 0.01,
                    passages: 7,
                    articles: 11,
                },
                index: rate(0.75),
                cluster: rate(1.25),
            },
            fingerprint_vs_floor: 0.25,
            pipeline_vs_floor: 8.5,
            candidate_pairs: 123,
            verified_pairs: 45,
            accepted_pairs: 6,
            exact_copies: 1,
            clusters: 9,
            peak_rss_mb: Some(64.0),
            peak_rss_mb_each_run: vec![Some(64.0), Some(70.0), Some(71.0)][..runs].to_vec(),
            rss_after_read_mb: Some(60.0),
            features_heap_mb: if spilled { 0.0 } else { 5.0 },
            mapped_files_mb_at_end: Some(13.0),
            spilled,
            accuracy: Some(Accuracy {
                labelled: 999,
                ari: 0.98765,
                precision: 1.0,
                recall: 0.5,
                f1: 0.66667,
            }),
        }
    }

    #[test]
    fn the_text_view_prints_every_stage_figure_and_only_the_lines_that_apply() {
        let text = report(1, false).to_string();
        for line in [
            "articles            1000 (3 MB of text), 2 threads",
            "wall                4.25 s, 235 articles/s",
            "  read + fingerprint 2.00 s        500 articles/s     1.5 MB/s",
            "  boilerplate        0.01 s  7 passages one outlet repeats, left out of 11 articles",
            "  index              0.75 s       1333 articles/s",
            "  cluster            1.25 s        800 articles/s",
            "read + tokenize only 0.50 s       2000 articles/s     6.0 MB/s (the floor)",
            "fingerprinting runs at 25% of the floor's speed; the whole pipeline takes 8.5x the floor",
            "pairs               123 candidates, 45 verified, 6 accepted; 9 clusters",
            "peak memory         64 MiB (60 MiB held after reading; features 5 MiB on the heap)",
            "accuracy            ARI 0.9877, pairwise P 1.0000 R 0.5000 F1 0.6667 over 999 labelled articles",
        ] {
            assert!(
                text.lines().any(|l| l == line),
                "no line {line:?} in\n{text}"
            );
        }
        assert!(
            !text.contains("median") && !text.contains("mapped file"),
            "{text}"
        );
        let three = report(3, true).to_string();
        assert!(
            three.contains("median of 3 runs (wall 4.00-4.50 s)"),
            "{three}"
        );
        assert!(three.contains("(each run's: 64, 70, 71 MiB;"), "{three}");
        assert!(
            three.contains("spilled to mapped files; 13 MiB of mapped file pages"),
            "{three}"
        );
        // A run that read nothing has no speed to compare.
        let nothing = Report {
            articles: 0,
            ..report(1, false)
        }
        .to_string();
        assert!(!nothing.contains("fingerprinting runs at"), "{nothing}");
    }

    #[test]
    fn the_json_view_names_the_reading_stage_rate_in_megabytes_and_no_other() {
        let json = serde_json::to_value(report(1, false)).unwrap();
        assert_eq!(json["stages"]["read_and_fingerprint"]["mb_per_s"], 1.5);
        assert!(json["stages"]["index"].get("mb_per_s").is_none());
        assert_eq!(json["accuracy"]["labelled"], 999);
    }

    #[test]
    fn warming_reads_every_regular_file_and_never_opens_a_pipe() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
        std::fs::write(&a, vec![b'x'; 3 << 20]).unwrap();
        std::fs::write(&b, "{}\n").unwrap();
        let mut paths = vec![a, b];
        #[cfg(unix)]
        {
            let fifo = dir.path().join("pipe.jsonl");
            crate::testing::named_pipe(&fifo);
            paths.push(fifo);
        }
        let sources = ingest::open_sources(&paths).unwrap();
        let read = crate::testing::within_ten_seconds(move || warm_page_cache(&sources));
        if crate::store::available_memory().is_some() {
            assert_eq!(read, Ok((3 << 20) + 3));
        } else {
            assert_eq!(read, Ok(0), "nothing is read where the room is unknown");
        }
    }
}
