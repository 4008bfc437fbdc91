//! `copydesk bench`: time the pipeline stage by stage against the read-and-tokenize floor, and
//! score it against labels.

use anyhow::{Context, bail};

use copydesk::pipeline::Corpus;
use copydesk::report;

use crate::exit;

use super::{settings, setup_threads};

/// Runs `copydesk bench`, returning its exit code.
pub fn run(args: crate::cli::BenchArgs) -> anyhow::Result<u8> {
    use copydesk::bench::{
        Accuracy, BoilerplateStage, FloorRate, Rate, Report, Stages, mapped_file_rss_bytes,
        peak_rss_bytes, reset_peak_rss, rss_bytes, tokenize_floor,
    };
    use copydesk::pipeline::Timings;
    use std::time::Duration;
    setup_threads(&args.run)?;
    let settings = settings(&args.tuning, copydesk::cluster::Keep::Best)?;
    let scratch = tempfile::tempdir().context("cannot make a temporary folder")?;
    let (inputs, labels) = match args.generate {
        Some(_) if !args.records.fields.is_empty() => {
            bail!("--field reads a given corpus; a generated one has the usual fields")
        }
        Some(n) => {
            let corpus = scratch.path().join("generated.jsonl");
            let labels = scratch.path().join("generated.labels.jsonl");
            let params = copydesk::generate::GenParams {
                articles: n,
                seed: args.seed,
                ..Default::default()
            };
            let mut out = report::AtomicFile::create(&corpus)?;
            let mut lab = report::AtomicFile::create(&labels)?;
            copydesk::generate::generate(&params, &mut out, &mut lab)
                .context("generating the corpus")?;
            out.commit()?;
            lab.commit()?;
            (vec![corpus], Some(labels))
        }
        None => (args.inputs.clone(), args.labels.clone()),
    };
    let sources = args.records.open(&inputs)?;
    for hint in super::empty_folder_hints("bench", &inputs, &sources) {
        eprintln!("{hint}");
    }
    // Compile the lazily built patterns before anything is timed.
    copydesk::pipeline::analyze(
        "WASHINGTON (Reuters) - Warm up, he said.\nFollow us",
        &settings,
        &mut Default::default(),
    );
    // The floor and the pipeline read the corpus from the same place (the page cache, when it
    // fits in half the memory left).
    copydesk::bench::warm_page_cache(&sources);
    // Each run measures the floor, then the pipeline; the last run's corpus is scored.
    let mut measured = Vec::new();
    let (mut peaks, mut held_after_read, mut mapped) = (Vec::new(), Vec::new(), Vec::new());
    let mut last = None;
    for _ in 0..args.runs {
        drop(last.take()); // free the previous run's corpus before reading again
        // Each run's peak from where the last left memory (Linux), not the process's.
        reset_peak_rss();
        let floor = tokenize_floor(&sources, settings.batch_bytes)?;
        let started = std::time::Instant::now();
        let mut corpus = Corpus::read(sources.clone(), &settings, |_, _| {})?;
        held_after_read.push(rss_bytes());
        let dedup = corpus.dedup(&settings);
        let wall = started.elapsed();
        measured.push((wall, floor.wall, corpus.timings));
        peaks.push(peak_rss_bytes());
        mapped.push(mapped_file_rss_bytes());
        last = Some((corpus, dedup, floor));
    }
    let (corpus, dedup, floor) = last.expect("at least one run");
    let median = |key: &dyn Fn(&(Duration, Duration, Timings)) -> Duration| -> Duration {
        let mut v: Vec<Duration> = measured.iter().map(key).collect();
        v.sort_unstable();
        v[v.len() / 2]
    };
    let wall = median(&|m| m.0);
    let floor_wall = median(&|m| m.1);
    let t = Timings {
        read_and_fingerprint: median(&|m| m.2.read_and_fingerprint),
        boilerplate: median(&|m| m.2.boilerplate),
        index: median(&|m| m.2.index),
        cluster: median(&|m| m.2.cluster),
    };
    let walls: Vec<f64> = measured.iter().map(|m| m.0.as_secs_f64()).collect();
    // The pipeline's peaks were read before the labels are: scoring is the bench's own work.
    // The first run's peak is a fresh process's. Later runs peak higher (about 100 MiB at a
    // million articles) though the first run's memory was freed: glibc raises its mmap threshold
    // as large blocks are freed, so later runs' buffers come from its arenas and fragment them.
    let peak_rss = peaks.first().copied().flatten();
    let features_heap = corpus.features.heap_bytes();
    let scores = match &labels {
        None => None,
        Some(path) => Some(score_against_labels(&corpus, &dedup, path)?),
    };
    let n = corpus.articles.len() as f64;
    let mb = corpus.bytes as f64 / 1e6;
    let secs = |d: Duration| d.as_secs_f64().max(1e-9);
    let mib = |bytes: Option<u64>| bytes.map(|b| b as f64 / 1048576.0);
    let rate = |d: Duration, mb_per_s: bool| Rate {
        s: secs(d),
        articles_per_s: n / secs(d),
        mb_per_s: mb_per_s.then(|| mb / secs(d)),
    };
    let stats = dedup.clustering.stats;
    let report = Report {
        articles: corpus.articles.len(),
        bad_records: corpus.bad.len(),
        text_mb: mb,
        threads: rayon::current_num_threads(),
        wall_s: secs(wall),
        articles_per_s: n / secs(wall),
        runs: args.runs as usize,
        wall_s_each_run: walls,
        floor: FloorRate {
            read_and_tokenize_s: secs(floor_wall),
            articles_per_s: floor.records as f64 / secs(floor_wall),
            mb_per_s: floor.bytes as f64 / 1e6 / secs(floor_wall),
        },
        stages: Stages {
            read_and_fingerprint: rate(t.read_and_fingerprint, true),
            boilerplate: BoilerplateStage {
                s: secs(t.boilerplate),
                passages: dedup.boilerplate.passages(),
                articles: dedup.boilerplate.articles(),
            },
            index: rate(t.index, false),
            cluster: rate(t.cluster, false),
        },
        fingerprint_vs_floor: secs(floor_wall) / secs(t.read_and_fingerprint),
        pipeline_vs_floor: secs(wall) / secs(floor_wall),
        candidate_pairs: stats.candidate_pairs,
        verified_pairs: stats.verified_pairs,
        accepted_pairs: stats.accepted_pairs,
        exact_copies: stats.exact_copies,
        clusters: dedup
            .clustering
            .clusters
            .iter()
            .filter(|k| k.members.len() > 1)
            .count(),
        peak_rss_mb: mib(peak_rss),
        peak_rss_mb_each_run: peaks.iter().map(|&p| mib(p)).collect(),
        rss_after_read_mb: mib(held_after_read[0]),
        features_heap_mb: features_heap as f64 / 1048576.0,
        mapped_files_mb_at_end: mib(mapped[0]),
        spilled: corpus.features.spilled(),
        accuracy: scores.map(|(s, labelled)| Accuracy {
            labelled,
            ari: s.ari,
            precision: s.precision,
            recall: s.recall,
            f1: s.f1,
        }),
    };
    match args.format {
        crate::cli::TextOrJson::Json => println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("serializes")
        ),
        crate::cli::TextOrJson::Text => print!("{report}"),
    }
    Ok(exit::OK)
}

/// Scores the clustering against a labels file (`{"id": ..., "story": ...}` per line) over the
/// articles it labels. Ids and stories are kept as 64-bit hashes (a collision among a million
/// labels has odds of about 1 in 30 million), so scoring a large corpus adds little to the
/// memory the bench measures.
fn score_against_labels(
    corpus: &Corpus,
    dedup: &copydesk::pipeline::Dedup,
    path: &std::path::Path,
) -> anyhow::Result<(copydesk::bench::PairScores, usize)> {
    use std::io::BufRead;
    use xxhash_rust::xxh3::xxh3_64;
    let key = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => xxh3_64(s.as_bytes()),
        other => xxh3_64(other.to_string().as_bytes()),
    };
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut story = std::collections::HashMap::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: invalid JSON", path.display(), i + 1))?;
        story.insert(key(&v["id"]), key(&v["story"]));
    }
    let (mut predicted, mut truth) = (Vec::new(), Vec::new());
    for (d, a) in corpus.articles.iter().enumerate() {
        if let Some(&s) = story.get(&xxh3_64(a.id.as_str().as_bytes())) {
            predicted.push(dedup.clustering.assignment[d]);
            truth.push(s);
        }
    }
    let scores = copydesk::bench::PairScores::of(&predicted, &truth);
    Ok((scores, predicted.len()))
}
