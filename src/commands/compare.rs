//! `copydesk compare`: what each version did with a reference, from files, from records of a
//! corpus, or from the copies `dedup` finds of one article.

use std::io::IsTerminal;

use anyhow::{Context, bail};

use copydesk::align::{self, AlignParams, Doc};
use copydesk::ingest;
use copydesk::pipeline::Settings;
use copydesk::report;

use crate::cli::{ColorChoice, CompareArgs, Format, RecordArgs, RunArgs};

use crate::{SHOWN, exit};

use super::{Clustered, read_and_cluster_to_show, setup_threads, story_of};

/// A text to compare, owned.
struct Input {
    id: String,
    meta: ingest::Meta,
    text: String,
    /// Its outlet's boilerplate paragraphs, when it was read with its corpus.
    boilerplate: Vec<usize>,
}

impl Input {
    fn doc(&self) -> Doc<'_> {
        Doc {
            boilerplate: self.boilerplate.clone(),
            ..Doc::with_meta(self.id.clone(), &self.meta, &self.text)
        }
    }
}

/// The texts `compare` was given, in order, and how many bad records were reported on the way.
fn compare_inputs(args: &CompareArgs) -> anyhow::Result<(Vec<Input>, usize)> {
    if let (Some(path), Some(id)) = (&args.input, &args.copies_of) {
        return copies_of_inputs(path, id, &args.records, &args.run);
    }
    if let Some(path) = &args.input {
        if args.ids.is_empty() {
            bail!(
                "--input needs --ids (the records to compare) or --copies-of (an article whose copies to find)"
            );
        }
        let sources = args.records.open(std::slice::from_ref(path))?;
        let wanted: std::collections::HashSet<&str> = args.ids.iter().map(String::as_str).collect();
        let (records, bad) = ingest::read_filtered(&sources, |r| wanted.contains(r.id.as_str()))?;
        for b in bad.iter().take(SHOWN) {
            eprintln!("{b}");
        }
        let mut out = Vec::new();
        for id in &args.ids {
            let r = records
                .iter()
                .find(|r| r.id.as_str() == id)
                .with_context(|| format!("{}: no record with id {id:?}", path.display()))?;
            out.push(Input {
                id: id.clone(),
                meta: r.meta.clone(),
                text: r.text.clone(),
                boilerplate: Vec::new(),
            });
        }
        return Ok((out, bad.len()));
    }
    let files = args
        .files
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
            // As a `.txt` file in a corpus: a byte order mark dropped, UTF-16 read, cleaned.
            let text = ingest::text_file(bytes)
                .map(ingest::clean_text)
                .map_err(|(line, problem)| anyhow::anyhow!("{}:{line}: {problem}", p.display()))?;
            Ok(Input {
                id: p.display().to_string(),
                meta: ingest::Meta::default(),
                text,
                boilerplate: Vec::new(),
            })
        })
        .collect::<anyhow::Result<_>>()?;
    Ok((files, 0))
}

/// The article `id` of `path` and every copy of it that `dedup` finds there (its cluster): the
/// article first, then the other members in input order. The corpus is clustered with the
/// default settings, and the members' texts read again, so memory holds one cluster's texts.
fn copies_of_inputs(
    path: &std::path::Path,
    id: &str,
    records: &RecordArgs,
    run: &RunArgs,
) -> anyhow::Result<(Vec<Input>, usize)> {
    let settings = Settings::default();
    let Clustered {
        corpus,
        dedup,
        _spool,
    } = read_and_cluster_to_show(&[path.to_path_buf()], records, &settings, run)?;
    let (article, cluster_index) = story_of(&corpus, &dedup, id)
        .with_context(|| format!("{}: --copies-of", path.display()))?;
    let cluster = &dedup.clustering.clusters[cluster_index];
    let mut docs: Vec<u32> = cluster.members.iter().map(|m| m.doc).collect();
    docs.sort_unstable();
    let texts = report::texts_of(&corpus, &docs, &settings)
        .with_context(|| format!("reading {} again", path.display()))?;
    let mut inputs: Vec<Input> = docs
        .iter()
        .zip(texts)
        .map(|(&d, text)| {
            let a = &corpus.articles[d as usize];
            Input {
                id: a.id.to_string(),
                boilerplate: dedup.boilerplate.paragraphs_of(&text, &a.meta),
                meta: a.meta.clone(),
                text,
            }
        })
        .collect();
    let at = docs
        .iter()
        .position(|&d| d as usize == article)
        .expect("an article is a member of its own cluster");
    let named = inputs.remove(at);
    inputs.insert(0, named);
    if inputs.len() == 1 {
        eprintln!(
            "copydesk: {id}: no copies of it in {} ({} articles)",
            path.display(),
            corpus.articles.len()
        );
    } else if !run.quiet {
        eprintln!(
            "copydesk: {id}: {} copies found in {} ({} articles)",
            inputs.len() - 1,
            path.display(),
            corpus.articles.len()
        );
    }
    // The articles that share passages with the story without being its versions: what a
    // reader compares the copies with (the report page lists them too).
    let related = copydesk::related::related(&corpus, &dedup, &settings, &[cluster_index], 5);
    if !run.quiet && !related[0].is_empty() {
        eprintln!(
            "copydesk: related, not versions of this story (sharing passages with its representative, {}):",
            corpus.articles[cluster.representative as usize].id
        );
        for r in &related[0] {
            let a = &corpus.articles[r.doc as usize];
            eprintln!(
                "  {}{}: {:.0}% of it is in the representative ({} shingles shared)",
                a.id,
                a.meta
                    .publisher()
                    .map_or(String::new(), |p| format!(" ({p})")),
                100.0 * r.similarity.a_in_b,
                r.similarity.shared
            );
        }
    }
    Ok((inputs, corpus.bad.len()))
}

/// Runs `copydesk compare`, returning its exit code.
pub fn run(args: CompareArgs) -> anyhow::Result<u8> {
    if !(args.align_threshold > 0.0 && args.align_threshold <= 1.0) {
        bail!(
            "--align-threshold must be in (0, 1], got {}",
            args.align_threshold
        );
    }
    if args.input.is_none() && !args.records.fields.is_empty() {
        bail!("--field reads JSONL records: give them with --input");
    }
    setup_threads(&args.run)?;
    let (inputs, bad) = compare_inputs(&args)?;
    // An article with no copies is an answer (said on stderr; the comparison has no versions),
    // not an error.
    if inputs.len() < 2 && args.copies_of.is_none() {
        bail!(
            "compare needs a reference and at least one version (got {} text)",
            inputs.len()
        );
    }
    let reference = match args.reference.as_str() {
        "first" => 0,
        "auto" => best_cover(&inputs),
        id => inputs
            .iter()
            .position(|i| i.id == id)
            .with_context(|| format!("--reference {id:?} is not one of the inputs"))?,
    };
    let versions: Vec<Doc> = inputs
        .iter()
        .enumerate()
        .filter(|(k, _)| *k != reference)
        .map(|(_, i)| i.doc())
        .collect();
    let params = AlignParams {
        threshold: args.align_threshold,
    };
    let comparison = align::compare(&inputs[reference].doc(), &versions, &params);
    let stdout_tty = std::io::stdout().is_terminal();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            stdout_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(120);
    let style = copydesk::view::Style { color, width };
    report::write_atomic(std::path::Path::new("-"), |w| {
        let text = match args.format {
            Format::Json => {
                serde_json::to_string_pretty(&comparison).expect("a comparison serializes") + "\n"
            }
            Format::Text => copydesk::view::inline_view(&comparison, &style),
            Format::SideBySide => copydesk::view::side_by_side_view(&comparison, &style),
        };
        w.write_all(text.as_bytes())
            .map_err(|e| copydesk::Error::Write {
                path: "-".into(),
                source: e,
            })
    })?;
    Ok(if bad == 0 {
        exit::OK
    } else {
        exit::BAD_RECORDS
    })
}

/// The input that best covers the others (as `dedup --keep best` picks a representative).
fn best_cover(inputs: &[Input]) -> usize {
    let settings = Settings::default();
    let mut scratch = copydesk::pipeline::Scratch::default();
    let features: Vec<_> = inputs
        .iter()
        .map(|i| copydesk::pipeline::analyze(&i.text, &settings, &mut scratch))
        .collect();
    let items: Vec<copydesk::cluster::Item> = features
        .iter()
        .zip(inputs)
        .map(|(f, i)| copydesk::cluster::Item {
            shingles: f.shingles.view(),
            anchors: &f.anchors,
            simhash: f.simhash,
            published: i
                .meta
                .published
                .as_deref()
                .and_then(ingest::published_seconds),
        })
        .collect();
    let all: Vec<u32> = (0..inputs.len() as u32).collect();
    copydesk::cluster::representative(&items, &all, copydesk::cluster::Keep::Best) as usize
}
