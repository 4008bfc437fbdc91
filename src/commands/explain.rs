//! `copydesk explain`: why articles are, or are not, in one cluster.

use anyhow::{Context, bail};

use copydesk::report;

use crate::exit;

use super::{Clustered, read_and_cluster_to_show, settings, setup_threads, story_of};

/// Runs `copydesk explain`, returning its exit code.
pub fn run(args: crate::cli::ExplainArgs) -> anyhow::Result<u8> {
    use std::io::Write as _;
    if args.ids.len() < 2 {
        bail!("--ids needs two articles or more (the first is explained against the others)");
    }
    setup_threads(&args.run)?;
    let settings = settings(&args.tuning, args.keep)?;
    let Clustered {
        corpus,
        dedup,
        _spool,
    } = read_and_cluster_to_show(&args.inputs, &args.records, &settings, &args.run)?;
    let docs = args
        .ids
        .iter()
        .map(|id| story_of(&corpus, &dedup, id).map(|(doc, _)| doc as u32))
        .collect::<anyhow::Result<Vec<u32>>>()?;
    // Their texts, read again, say how much of each was boilerplate.
    let mut sorted = docs.clone();
    sorted.sort_unstable();
    sorted.dedup();
    let texts =
        report::texts_of(&corpus, &sorted, &settings).context("reading the articles again")?;
    let text = |doc: u32| texts[sorted.binary_search(&doc).expect("read above")].as_str();
    let pairs: Vec<_> = docs[1..]
        .iter()
        .map(|&other| ((docs[0], other), Some([text(docs[0]), text(other)])))
        .collect();
    let explained = copydesk::explain::explain_pairs(&corpus, &dedup, &settings, &pairs);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (i, e) in explained.iter().enumerate() {
        match args.format {
            crate::cli::TextOrJson::Text => {
                if i > 0 {
                    writeln!(out)?;
                }
                report::write_explanation(e, &settings, &mut out)?;
            }
            crate::cli::TextOrJson::Json => {
                serde_json::to_writer(&mut out, e)?;
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    Ok(if corpus.bad.is_empty() {
        exit::OK
    } else {
        exit::BAD_RECORDS
    })
}
