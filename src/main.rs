//! The `copydesk` binary: glue between the command line and the library.

mod cli;

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};

use copydesk::align::{self, AlignParams, Doc};
use copydesk::candidates::CandidateParams;
use copydesk::ingest::{self, SourceKind};
use copydesk::pipeline::{Corpus, Settings};
use copydesk::report;
use copydesk::verify::Thresholds;

use cli::{Cli, ColorChoice, Command, CompareArgs, DedupArgs, Format, RecordArgs, RunArgs};

/// Exit codes; `--help` of each command lists them.
mod exit {
    pub const OK: u8 = 0;
    pub const ERROR: u8 = 1;
    pub const BAD_RECORDS: u8 = 3;
    pub const STRICT: u8 = 4;
    pub const INTERRUPTED: u8 = 130;
}

/// How many bad records and warnings are printed on stderr; `--rejects` has them all.
const SHOWN: usize = 20;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Ctrl-C: outputs already written stay whole; those being written are removed.
    let installed = ctrlc::set_handler(|| {
        let removed = copydesk::output::remove_unfinished();
        eprintln!(
            "copydesk: interrupted; {removed} unfinished output file(s) removed, nothing half-written left behind"
        );
        std::process::exit(exit::INTERRUPTED as i32);
    });
    if let Err(e) = installed {
        eprintln!("copydesk: warning: Ctrl-C will not clean up unfinished outputs: {e}");
    }
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        // The reader of our stdout went away (`copydesk compare ... | head`): it has what it
        // wanted, so stop quietly, as other Unix tools do.
        Err(e) if is_broken_pipe(&e) => ExitCode::from(exit::OK),
        Err(e) => {
            eprintln!("copydesk: error: {e:#}");
            ExitCode::from(exit::ERROR)
        }
    }
}

/// Whether `e` comes from writing to a pipe whose reader closed it.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Dedup(args) => dedup(args),
        Command::Compare(args) => compare(args),
        Command::Report(args) => report_page(args),
        Command::Explain(args) => explain(args),
        Command::Bench(args) => bench(args),
        Command::Gen(args) => generate(args),
    }
}

fn generate(args: cli::GenArgs) -> anyhow::Result<u8> {
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
    let bar = cluster_progress(run, report::multi_clusters(corpus, dedup).len());
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

fn settings(t: &cli::Tuning, keep: copydesk::cluster::Keep) -> anyhow::Result<Settings> {
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

/// Reads and clusters `inputs` for a command that shows articles/// Reads and clusters `inputs` for a command that shows articles (no archive, bad records
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

fn dedup(args: DedupArgs) -> anyhow::Result<u8> {
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
            let text = String::from_utf8(bytes).map_err(|e| {
                let at = e.utf8_error().valid_up_to();
                let line = 1 + e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count();
                anyhow::anyhow!("{}:{line}: invalid UTF-8 at byte {at}", p.display())
            })?;
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

fn compare(args: CompareArgs) -> anyhow::Result<u8> {
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

/// How many boilerplate passages the report page quotes.
const REPORT_NOTICES: usize = 100;
/// How many related articles (sharing passages, outside the cluster) the page lists a story.
const REPORT_RELATED: usize = 10;

fn explain(args: cli::ExplainArgs) -> anyhow::Result<u8> {
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
            cli::TextOrJson::Text => {
                if i > 0 {
                    writeln!(out)?;
                }
                report::write_explanation(e, &settings, &mut out)?;
            }
            cli::TextOrJson::Json => {
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

fn report_page(args: cli::ReportArgs) -> anyhow::Result<u8> {
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

fn bench(args: cli::BenchArgs) -> anyhow::Result<u8> {
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
    // Compile the lazily built patterns before anything is timed.
    copydesk::pipeline::analyze(
        "WASHINGTON (Reuters) - Warm up, he said.\nFollow us",
        &settings,
        &mut Default::default(),
    );
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
        cli::TextOrJson::Json => println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("serializes")
        ),
        cli::TextOrJson::Text => print!("{report}"),
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
