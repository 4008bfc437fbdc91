//! The `copydesk` binary: glue between the command line and the library.

mod cli;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};

use copydesk::candidates::CandidateParams;
use copydesk::ingest::{self, SourceKind};
use copydesk::pipeline::{Corpus, Settings};
use copydesk::report;
use copydesk::verify::Thresholds;

use cli::{Cli, Command, DedupArgs, RunArgs};

/// Exit codes; `--help` of each command lists them.
mod exit {
    pub const OK: u8 = 0;
    pub const ERROR: u8 = 1;
    pub const BAD_RECORDS: u8 = 3;
    pub const STRICT: u8 = 4;
}

/// How many bad records and warnings are printed on stderr; `--rejects` has them all.
const SHOWN: usize = 20;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("copydesk: error: {e:#}");
            ExitCode::from(exit::ERROR)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Dedup(args) => dedup(args),
        Command::Gen(args) => generate(args),
    }
}

fn generate(args: cli::GenArgs) -> anyhow::Result<u8> {
    setup_threads(&args.run)?;
    let params = copydesk::generate::GenParams {
        articles: args.articles,
        seed: args.seed,
        ..Default::default()
    };
    let mut out = report::AtomicFile::create(&args.out)?;
    let mut labels = report::AtomicFile::create(&args.labels)?;
    copydesk::generate::generate(&params, &mut out, &mut labels)
        .with_context(|| format!("writing {}", args.out.display()))?;
    out.commit()?;
    labels.commit()?;
    Ok(exit::OK)
}

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

/// A progress spinner on stderr, or nothing when stderr is not a terminal or `--quiet`.
fn progress(run: &RunArgs, what: &str) -> Option<ProgressBar> {
    if run.quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new_spinner();
    let style = ProgressStyle::with_template(
        "{spinner} {msg} {binary_bytes} ({binary_bytes_per_sec}) {elapsed}",
    )
    .expect("template is valid");
    bar.set_style(style);
    bar.set_message(what.to_string());
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    Some(bar)
}

fn settings(args: &DedupArgs) -> anyhow::Result<Settings> {
    let t = &args.tuning;
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
        keep: args.keep,
        ..Settings::default()
    })
}

fn dedup(args: DedupArgs) -> anyhow::Result<u8> {
    setup_threads(&args.run)?;
    let settings = settings(&args)?;
    let mut sources = ingest::open_sources(&args.inputs)?;
    // --unique reads records twice; stdin can be read once, so keep a copy.
    let _spool = if args.unique.is_some() && sources.iter().any(|s| s.kind == SourceKind::Stdin) {
        let spool = ingest::spool_stdin()?;
        for s in sources.iter_mut().filter(|s| s.kind == SourceKind::Stdin) {
            s.path = spool.path().to_path_buf();
            s.kind = SourceKind::Jsonl;
        }
        Some(spool)
    } else {
        None
    };

    let bar = progress(&args.run, "reading");
    let mut corpus = Corpus::read(sources, &settings, |bytes, _| {
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
    if args.strict && !corpus.bad.is_empty() {
        if let Some(b) = &bar {
            b.finish_and_clear();
        }
        eprintln!(
            "copydesk: --strict: {} bad records; nothing written",
            corpus.bad.len()
        );
        return Ok(exit::STRICT);
    }
    if !args.run.quiet {
        for w in corpus.warnings.iter().take(SHOWN) {
            eprintln!("{}:{}: warning: {}", w.file, w.line, w.note);
        }
        if corpus.warnings.len() > SHOWN {
            eprintln!("... and {} more warnings", corpus.warnings.len() - SHOWN);
        }
    }

    let dedup = corpus.dedup(&settings);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }

    let outputs: [(&Option<PathBuf>, &str); 4] = [
        (&args.assignments, "assignments"),
        (&args.clusters, "clusters"),
        (&args.unique, "unique"),
        (&args.rejects, "rejects"),
    ];
    for (path, what) in outputs {
        let Some(path) = path else { continue };
        report::write_atomic(path, |w| match what {
            "assignments" => report::write_assignments(&corpus, &dedup, w),
            "clusters" => report::write_clusters(&corpus, &dedup, w),
            "unique" => report::write_unique(&corpus, &dedup, w),
            _ => report::write_rejects(&corpus, w),
        })
        .with_context(|| format!("writing --{what}"))?;
    }
    let wrote_data = args.assignments.is_some() || args.clusters.is_some() || args.unique.is_some();
    if !wrote_data {
        report::write_atomic(std::path::Path::new("-"), |w| {
            report::write_summary(&corpus, &dedup, w)
        })?;
    }
    Ok(if corpus.bad.is_empty() {
        exit::OK
    } else {
        exit::BAD_RECORDS
    })
}
