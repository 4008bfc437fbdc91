//! `copydesk dedup`: find and group the copies in a corpus, and write what was asked for.

use anyhow::{Context, bail};

use copydesk::align::AlignParams;
use copydesk::report;

use crate::cli::DedupArgs;

use crate::exit;

use super::{Clustered, read_and_cluster, settings, setup_threads, with_cluster_progress};

/// Runs `copydesk dedup`, returning its exit code.
pub fn run(args: DedupArgs) -> anyhow::Result<u8> {
    setup_threads(&args.run)?;
    let settings = settings(&args.tuning, args.keep)?;
    // An input read as its own archive would be nothing but duplicate ids.
    let same = |a: &std::path::Path, b: &std::path::Path| match (a.canonicalize(), b.canonicalize())
    {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    if let Some(both) = args
        .inputs
        .iter()
        .find(|i| args.against.iter().any(|a| same(i, a)))
    {
        bail!(
            "{} is both an input and --against: the archive must be other records",
            both.display()
        );
    }
    let reads_twice = args.unique.is_some() || args.diffs.is_some() || args.outlets.is_some();
    let Some(Clustered {
        corpus,
        dedup,
        _spool,
    }) = read_and_cluster(
        &args.against,
        &args.inputs,
        &args.records,
        &settings,
        &args.run,
        reads_twice,
        args.strict,
    )?
    else {
        return Ok(exit::STRICT);
    };

    let outputs = [
        (&args.assignments, Output::Assignments),
        (&args.clusters, Output::Clusters),
        (&args.unique, Output::Unique),
        (&args.diffs, Output::Diffs),
        (&args.outlets, Output::Outlets),
        (&args.rejects, Output::Rejects),
    ];
    // --diffs tallies the outlets as it goes; --outlets alone compares the clusters itself.
    let mut tally = None;
    for (path, output) in outputs {
        let Some(path) = path else { continue };
        report::write_atomic(path, |w| match output {
            Output::Assignments => report::write_assignments(&corpus, &dedup, w),
            Output::Clusters => report::write_clusters(&corpus, &dedup, w),
            Output::Unique => report::write_unique(&corpus, &dedup, w),
            Output::Diffs => {
                let params = AlignParams::default();
                tally = Some(with_cluster_progress(&args.run, &corpus, &dedup, |done| {
                    report::write_diffs(&corpus, &dedup, &settings, &params, w, done)
                })?);
                Ok(())
            }
            Output::Outlets => {
                let tally = match tally.take() {
                    Some(t) => t,
                    None => with_cluster_progress(&args.run, &corpus, &dedup, |done| {
                        let params = AlignParams::default();
                        report::tally_outlets(&corpus, &dedup, &settings, &params, done)
                    })?,
                };
                report::write_outlets(tally, w)
            }
            Output::Rejects => report::write_rejects(&corpus, w),
        })
        .with_context(|| format!("writing --{}", output.flag()))?;
    }
    let wrote_data = args.assignments.is_some()
        || args.clusters.is_some()
        || args.unique.is_some()
        || args.diffs.is_some()
        || args.outlets.is_some();
    if !wrote_data {
        report::write_atomic(std::path::Path::new("-"), |w| {
            report::write_summary(&corpus, &dedup, &settings, w)
        })?;
    }
    Ok(if corpus.bad.is_empty() {
        exit::OK
    } else {
        exit::BAD_RECORDS
    })
}

/// The file outputs of `dedup`.
#[derive(Clone, Copy, Debug)]
enum Output {
    Assignments,
    Clusters,
    Unique,
    Diffs,
    Outlets,
    Rejects,
}

impl Output {
    fn flag(self) -> &'static str {
        match self {
            Output::Assignments => "assignments",
            Output::Clusters => "clusters",
            Output::Unique => "unique",
            Output::Diffs => "diffs",
            Output::Outlets => "outlets",
            Output::Rejects => "rejects",
        }
    }
}
