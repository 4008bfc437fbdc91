//! `copydesk report`: the self-contained HTML page of a corpus's clusters.

use anyhow::Context;

use copydesk::align::AlignParams;
use copydesk::report;

use crate::exit;

use super::{
    Clustered, cluster_progress, read_and_cluster_to_show, settings, setup_threads, story_of,
};

/// How many boilerplate passages the report page quotes.
const REPORT_NOTICES: usize = 100;
/// How many related articles (sharing passages, outside the cluster) the page lists a story.
const REPORT_RELATED: usize = 10;

/// Runs `copydesk report`, returning its exit code.
pub fn run(args: crate::cli::ReportArgs) -> anyhow::Result<u8> {
    setup_threads(&args.run)?;
    let settings = settings(&args.tuning, args.keep)?;
    let template = match &args.template {
        Some(p) => std::fs::read_to_string(p)
            .with_context(|| format!("cannot read the template {}", p.display()))?,
        None => copydesk::html::DEFAULT_TEMPLATE.to_string(),
    };
    let Clustered {
        corpus,
        dedup,
        _spool,
    } = read_and_cluster_to_show(&args.inputs, &args.records, &settings, &args.run)?;
    // The page holds every shown cluster's comparison: it is as big as they are.
    let shown = match (&args.copies_of, args.max_clusters) {
        (Some(id), _) => {
            let (_, cluster) = story_of(&corpus, &dedup, id).context("--copies-of")?;
            if dedup.clustering.clusters[cluster].members.len() < 2 {
                eprintln!("copydesk: {id}: no copies of it; the page lists no story");
                Vec::new()
            } else {
                vec![cluster]
            }
        }
        (None, 0) => report::multi_clusters(&corpus, &dedup),
        (None, n) => report::largest_clusters(&corpus, &dedup, n),
    };
    let mut comparisons = Vec::new();
    let bar = cluster_progress(&args.run, shown.len());
    report::for_each_comparison(
        &corpus,
        &dedup,
        &settings,
        &AlignParams::default(),
        &shown,
        |i, c| (i, c),
        |ic| {
            comparisons.push(ic);
            if let Some(b) = &bar {
                b.inc(1);
            }
            Ok(())
        },
    )?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let notices = report::quoted_notices(&corpus, &dedup, &settings, REPORT_NOTICES);
    let compared: Vec<usize> = comparisons.iter().map(|(k, _)| *k).collect();
    let related = copydesk::related::related(&corpus, &dedup, &settings, &compared, REPORT_RELATED);
    let page = copydesk::html::render(
        &corpus,
        &dedup,
        &comparisons,
        &related,
        &notices,
        args.copies_of.as_deref(),
        &args.title,
        &template,
    )?;
    report::write_atomic(&args.out, |w| {
        w.write_all(page.as_bytes())
            .map_err(|e| copydesk::Error::Write {
                path: args.out.clone(),
                source: e,
            })
    })
    .with_context(|| format!("writing {}", args.out.display()))?;
    if !args.run.quiet {
        let all = report::multi_clusters(&corpus, &dedup).len();
        let shown = if let Some(id) = &args.copies_of {
            format!("the story of {id}: {} of {all} clusters", comparisons.len())
        } else if comparisons.len() < all {
            format!(
                "the {} largest of {all} clusters; --max-clusters 0 shows all",
                comparisons.len()
            )
        } else {
            format!("{all} clusters")
        };
        eprintln!(
            "wrote {} ({shown}, {:.1} MB)",
            args.out.display(),
            page.len() as f64 / 1e6
        );
    }
    Ok(if corpus.bad.is_empty() {
        exit::OK
    } else {
        exit::BAD_RECORDS
    })
}
