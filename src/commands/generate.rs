//! `copydesk gen`: write a synthetic wire corpus and its labels.

use anyhow::Context;

use copydesk::report;

use crate::exit;

use super::setup_threads;

/// Runs `copydesk gen`, returning its exit code.
pub fn run(args: crate::cli::GenArgs) -> anyhow::Result<u8> {
    setup_threads(&args.run)?;
    let params = copydesk::generate::GenParams {
        articles: args.articles,
        seed: args.seed,
        notices: args.notices,
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
