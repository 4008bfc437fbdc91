//! The subcommands, one file each, as glue between the command line and the library; and
//! what they share: run settings from the flags, progress bars, and reading and clustering a
//! corpus.

pub mod bench;
pub mod compare;
pub mod dedup;
pub mod explain;
pub mod generate;
pub mod report;

use std::io::IsTerminal;

use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressStyle};

use copydesk::candidates::CandidateParams;
use copydesk::ingest::{self, SourceKind};
use copydesk::pipeline::{Corpus, Settings};
use copydesk::verify::Thresholds;

use crate::SHOWN;
use crate::cli::{RecordArgs, RunArgs};

/// Starts `--threads` worker threads (by default rayon starts one per core).
fn setup_threads(run: &RunArgs) -> anyhow::Result<()> {
    if let Some(n) = run.threads {
        if n == 0 {
            bail!("--threads must be at least 1");
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("cannot start the worker threads")?;
    }
    Ok(())
}

/// `bar` drawn on stderr with `template`, or nothing when stderr is not a terminal or `--quiet`.
fn shown(run: &RunArgs, bar: ProgressBar, template: &str) -> Option<ProgressBar> {
    if run.quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    bar.set_style(ProgressStyle::with_template(template).expect("template is valid"));
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    Some(bar)
}

/// A progress spinner over bytes read, saying `what`.
fn progress(run: &RunArgs, what: &str) -> Option<ProgressBar> {
    let bar = ProgressBar::new_spinner().with_message(what.to_string());
    shown(
        run,
        bar,
        "{spinner} {msg} {binary_bytes} ({binary_bytes_per_sec}) {elapsed}",
    )
}

/// A progress bar over `len` clusters. The members' texts are read again before the first
/// cluster is done.
fn cluster_progress(run: &RunArgs, len: usize) -> Option<ProgressBar> {
    let bar = ProgressBar::new(len as u64);
    shown(
        run,
        bar,
        "{spinner} comparing clusters {pos}/{len} {elapsed}",
    )
}

/// Runs `work` (comparing every cluster of two or more) under a progress bar it tells how many
/// clusters are done.
fn with_cluster_progress<T>(
    run: &RunArgs,
    corpus: &Corpus,
    dedup: &copydesk::pipeline::Dedup,
    work: impl FnOnce(&mut dyn FnMut(usize)) -> copydesk::Result<T>,
) -> copydesk::Result<T> {
    let bar = cluster_progress(run, copydesk::report::multi_clusters(corpus, dedup).len());
    let mut done = |n: usize| {
        if let Some(b) = &bar {
            b.set_position(n as u64);
        }
    };
    let result = work(&mut done);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    result
}

/// The pipeline's settings from the tuning flags, checked.
fn settings(t: &crate::cli::Tuning, keep: copydesk::cluster::Keep) -> anyhow::Result<Settings> {
    let thresholds = Thresholds {
        jaccard: t.jaccard,
        containment: t.containment,
        min_shared: t.min_shared,
    };
    thresholds.validate().map_err(anyhow::Error::msg)?;
    if t.min_anchors == 0 || t.max_postings == 0 {
        bail!("--min-anchors and --max-postings must be at least 1");
    }
    Ok(Settings {
        shingle_words: t.shingle_words,
        window: t.window,
        candidates: CandidateParams {
            max_distance: t.max_distance,
            min_shared_anchors: t.min_anchors,
            max_postings: t.max_postings,
        },
        thresholds,
        keep,
        spill: t.spill,
        spill_dir: t.spill_dir.clone(),
        boilerplate: t.boilerplate,
        ..Settings::default()
    })
}

/// A read and clustered corpus, and the copy of stdin it may need to read again (keep it bound
/// until the outputs are written: dropping it deletes the file).
struct Clustered {
    corpus: Corpus,
    dedup: copydesk::pipeline::Dedup,
    _spool: Option<tempfile::NamedTempFile>,
}

/// Reads (the `archive` first, see [`Corpus::archive_sources`]), reports bad records,
/// clusters. `None` when `--strict` refused a bad record.
fn read_and_cluster(
    archive: &[std::path::PathBuf],
    inputs: &[std::path::PathBuf],
    records: &RecordArgs,
    settings: &Settings,
    run: &RunArgs,
    reads_twice: bool,
    strict: bool,
) -> anyhow::Result<Option<Clustered>> {
    let mut sources = records.open(archive)?;
    let archive_sources = sources.len();
    sources.extend(records.open(inputs)?);
    for hint in empty_folder_hints("dedup", archive.iter().chain(inputs), &sources) {
        eprintln!("{hint}");
    }
    // Some outputs read records twice; stdin can be read once, so keep a copy.
    let spool = if reads_twice && sources.iter().any(|s| s.kind == SourceKind::Stdin) {
        let spool = ingest::spool_stdin()?;
        for s in sources.iter_mut().filter(|s| s.kind == SourceKind::Stdin) {
            s.path = spool.path().to_path_buf();
            s.kind = SourceKind::Jsonl;
        }
        Some(spool)
    } else {
        None
    };
    let bar = progress(run, "reading");
    let mut corpus = Corpus::read_against(archive_sources, sources, settings, |bytes, _| {
        if let Some(b) = &bar {
            b.set_position(bytes);
        }
    })?;
    if let Some(b) = &bar {
        b.set_message("clustering");
    }
    for bad in corpus.bad.iter().take(SHOWN) {
        eprintln!("{bad}");
    }
    if corpus.bad.len() > SHOWN {
        eprintln!(
            "... and {} more bad records (--rejects FILE lists them all)",
            corpus.bad.len() - SHOWN
        );
    }
    for hint in text_field_hints(&corpus, &records.fields()) {
        eprintln!("{hint}");
    }
    if strict && !corpus.bad.is_empty() {
        if let Some(b) = &bar {
            b.finish_and_clear();
        }
        eprintln!(
            "copydesk: --strict: {} bad records; nothing written",
            corpus.bad.len()
        );
        return Ok(None);
    }
    if !run.quiet && corpus.features.spilled() && settings.spill == copydesk::store::Spill::Auto {
        eprintln!(
            "copydesk: note: shingle sets and anchors are kept in temporary files (the corpus's \
             features would take more than half the memory available); --spill never keeps them \
             in memory"
        );
    }
    if !run.quiet {
        for w in corpus.warnings.iter().take(SHOWN) {
            eprintln!("{}:{}: warning: {}", w.file, w.line, w.note);
        }
        if corpus.warnings.len() > SHOWN {
            eprintln!("... and {} more warnings", corpus.warnings.len() - SHOWN);
        }
    }
    let dedup = corpus.dedup(settings);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    Ok(Some(Clustered {
        corpus,
        dedup,
        _spool: spool,
    }))
}

/// For each folder given to `command` that holds no `.txt` file (so gave no article), a hint
/// saying what it holds, and how to read the corpus files among them (by name: a folder's
/// articles are its `.txt` files).
fn empty_folder_hints<'a>(
    command: &str,
    inputs: impl IntoIterator<Item = &'a std::path::PathBuf>,
    sources: &[ingest::Source],
) -> Vec<String> {
    let read_from = |dir: &std::path::Path| {
        sources
            .iter()
            .any(|s| matches!(s.kind, SourceKind::Text { .. }) && s.path.starts_with(dir))
    };
    let mut hints = Vec::new();
    for dir in inputs.into_iter().filter(|i| i.is_dir() && !read_from(i)) {
        let kinds = ingest::file_kinds(dir);
        if kinds.is_empty() {
            hints.push(format!(
                "copydesk: hint: folder {} holds no file, so no article was read from it",
                dir.display()
            ));
            continue;
        }
        let files = |n: usize| if n == 1 { "file" } else { "files" };
        let mut held: Vec<String> = kinds
            .iter()
            .take(3)
            .map(|(k, n)| match k.as_str() {
                "" => format!("{n} {} without an extension", files(*n)),
                k => format!("{n} .{k}"),
            })
            .collect();
        let others: usize = kinds.iter().skip(3).map(|(_, n)| n).sum();
        if others > 0 {
            held.push(format!("{others} other {}", files(others)));
        }
        let corpus = kinds.iter().map(|(k, _)| k).find(|k| {
            let base = k.trim_end_matches(".gz").trim_end_matches(".zst");
            ["jsonl", "ndjson", "json", "csv", "tsv", "parquet"].contains(&base)
        });
        let suggestion = corpus.map_or(String::new(), |k| {
            let pattern = dir.join(format!("*.{k}"));
            format!(
                "; name them to read them: copydesk {command} {}",
                pattern.display()
            )
        });
        hints.push(format!(
            "copydesk: hint: folder {} holds no .txt file, so no article was read from it (it \
             holds {}){suggestion}",
            dir.display(),
            held.join(", ")
        ));
    }
    hints
}

/// For each input none of whose records has a text where it was looked for (a corpus that
/// names the field otherwise), a hint naming its fields and the likeliest one for `--field`.
fn text_field_hints(corpus: &Corpus, fields: &ingest::Fields) -> Vec<String> {
    let missing = format!("`{}` is missing", fields.text);
    let mut hints = Vec::new();
    for (i, source) in corpus.sources.iter().enumerate() {
        let has_good = corpus
            .articles
            .iter()
            .any(|a| a.origin.source as usize == i);
        let lacks_text = corpus
            .bad
            .iter()
            .any(|b| b.file == source.name && b.problem == missing);
        if has_good || !lacks_text {
            continue;
        }
        let Some(found) = ingest::first_record_fields(source) else {
            continue;
        };
        let names: Vec<&str> = found.iter().map(|(k, _)| k.as_str()).collect();
        let longest = found
            .iter()
            .filter_map(|(k, len)| Some((len.filter(|&n| n > 0)?, k)))
            .max_by_key(|(len, _)| *len)
            .map(|(_, k)| k);
        let suggestion = longest.map_or(String::new(), |k| {
            let field = if k.contains(['=', ' ']) {
                format!("'{k}'")
            } else {
                k.clone()
            };
            format!("; its longest text is in `{k}`: --field text={field}")
        });
        hints.push(format!(
            "copydesk: hint: no record of {} has a `{}` field (the first has: {}){suggestion}",
            source.name,
            fields.text,
            names.join(", ")
        ));
    }
    hints
}

/// Reads and clusters `inputs` for a command that shows articles (no archive, bad records
/// reported but never refused, stdin kept to be read again).
fn read_and_cluster_to_show(
    inputs: &[std::path::PathBuf],
    records: &RecordArgs,
    settings: &Settings,
    run: &RunArgs,
) -> anyhow::Result<Clustered> {
    let clustered = read_and_cluster(&[], inputs, records, settings, run, true, false)?;
    Ok(clustered.expect("not strict: bad records are reported, never refused"))
}

/// The article with id `id` and the cluster it is in (`--copies-of`).
fn story_of(
    corpus: &Corpus,
    dedup: &copydesk::pipeline::Dedup,
    id: &str,
) -> anyhow::Result<(usize, usize)> {
    let article = corpus
        .articles
        .iter()
        .position(|a| a.id.as_str() == id)
        .with_context(|| format!("no record with id {id:?}"))?;
    Ok((article, dedup.clustering.assignment[article] as usize))
}
