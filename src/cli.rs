//! The command line: what the user typed, as clap types. `main.rs` turns it into a run.

use std::path::PathBuf;

use clap::builder::TypedValueParser as _;
use clap::{Args, Parser, Subcommand};

use copydesk::cluster::Keep;

/// Find the same news story across outlets.
#[derive(Debug, Parser)]
#[command(name = "copydesk", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find and group copies of the same story (near-duplicates) in a corpus.
    #[command(after_help = DEDUP_EXAMPLES)]
    Dedup(DedupArgs),
    /// Show, side by side, what each version did with a reference: kept, reworded, trimmed,
    /// added, moved, and what happened to every attribution.
    #[command(after_help = COMPARE_EXAMPLES)]
    Compare(CompareArgs),
    /// Write a self-contained HTML report: the clusters of a corpus, and each outlet's version
    /// beside the reference with every change highlighted.
    #[command(after_help = REPORT_EXAMPLES)]
    Report(ReportArgs),
    /// Say why articles are, or are not, in one cluster: what the candidate search,
    /// verification and clustering each made of the pair, beside the thresholds.
    #[command(after_help = EXPLAIN_EXAMPLES)]
    Explain(ExplainArgs),
    /// Measure clustering: per-stage throughput, candidate pairs, peak memory, and accuracy
    /// when labels are given, on a corpus or on one generated for the run.
    #[command(after_help = BENCH_EXAMPLES)]
    Bench(BenchArgs),
    /// Generate a synthetic wire corpus with labels, for benchmarks (deterministic).
    #[command(after_help = GEN_EXAMPLES)]
    Gen(GenArgs),
}

const COMPARE_EXAMPLES: &str = "\
Examples:
  copydesk compare wire.txt outlet-a.txt outlet-b.txt
  copydesk compare --input corpora/wire.jsonl --ids fish-reuters,fish-capital-digest
  copydesk compare --input corpora/wire.jsonl --ids fish-valley-courier,fish-reuters --reference auto
  copydesk compare --input corpora/wire.jsonl --copies-of fish-harbour-times --reference auto
  copydesk compare a.txt b.txt --format side-by-side
  copydesk compare a.txt b.txt --format json > diff.json

Symbols: = same, ~ reworded ([-removed-] {+inserted+}), > moved, - trimmed, ✂ cut from the bottom,
+ added, @ attribution. Colour only on a terminal, never with NO_COLOR set.";

/// Options of `copydesk compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Text files: the reference first, then the versions.
    #[arg(value_name = "FILE", required_unless_present = "input")]
    pub files: Vec<PathBuf>,

    /// Take the texts from this JSONL file (or folder) instead (with --ids or --copies-of).
    #[arg(long, value_name = "FILE.jsonl", conflicts_with = "files")]
    pub input: Option<PathBuf>,

    /// Ids of the records to compare, comma-separated, the reference first.
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "ID,ID,...",
        requires = "input"
    )]
    pub ids: Vec<String>,

    /// Compare this article with every copy of it `dedup` finds in --input (its cluster): the
    /// article is the reference unless --reference says otherwise (`auto`: the reconstructed
    /// source).
    #[arg(long, value_name = "ID", requires = "input", conflicts_with = "ids")]
    pub copies_of: Option<String>,

    /// The reference: `first` (default), `auto` (the version that best covers the others), or
    /// an id or file name among the inputs.
    #[arg(long, default_value = "first", value_name = "first|auto|ID")]
    pub reference: String,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// When to colour the text views.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Weighted similarity from which two sentences align (0..1).
    #[arg(long, default_value_t = 0.45, value_name = "0..1")]
    pub align_threshold: f32,

    #[command(flatten)]
    pub records: RecordArgs,

    /// Run options (for --copies-of, which clusters the whole input).
    #[command(flatten)]
    pub run: RunArgs,
}

/// What the corpus-reading commands take as input, said once for all their `--help`.
const INPUTS_HELP: &str = "JSONL files (.jsonl, also gzip or zstd), JSON arrays of records \
    (.json), CSV or TSV tables (.csv, .tsv, a header row naming the fields), Parquet files \
    (.parquet), .txt files (one article each) and folders of them, or - for JSONL on stdin";

/// How `compare` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Inline view: one line per sentence, word changes marked.
    Text,
    /// Reference and version in two columns.
    SideBySide,
    /// The JSON schema `copydesk.compare/1`.
    Json,
}

/// When to colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

const REPORT_EXAMPLES: &str = "\
Examples:
  copydesk report corpora/wire.jsonl --out report.html
  copydesk report news.jsonl.gz --out news.html --title \"Coverage of the summit\"
  copydesk report corpora/wire.jsonl --copies-of fish-reuters --out fishing.html

The page needs no server and no network: open it in any browser.";

/// Options of `copydesk report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The corpus (see [`INPUTS_HELP`]).
    #[arg(required = true, value_name = "INPUT", help = INPUTS_HELP)]
    pub inputs: Vec<PathBuf>,

    /// The HTML file to write.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,

    /// The page title.
    #[arg(long, default_value = "copydesk report")]
    pub title: String,

    /// A minijinja template to use instead of the built-in one (see src/templates/report.html).
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,

    /// Which member represents a cluster (the reference the others are compared with).
    #[arg(long, value_enum, default_value_t = Keep::Best)]
    pub keep: Keep,

    /// Show at most this many clusters, the largest (0: all). A browser handles a page of a
    /// thousand clusters well; every cluster of a million-article corpus would be gigabytes.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub max_clusters: usize,

    /// Show only the story of this article: its cluster, every copy of it found.
    #[arg(long, value_name = "ID")]
    pub copies_of: Option<String>,

    #[command(flatten)]
    pub records: RecordArgs,

    #[command(flatten)]
    pub tuning: Tuning,

    #[command(flatten)]
    pub run: RunArgs,
}

const EXPLAIN_EXAMPLES: &str = "\
Examples:
  copydesk explain corpora/wire.jsonl --ids fish-reuters,fish-valley-courier
  copydesk explain corpora/wire.jsonl --ids fish-reuters,fish-ria-novosti,quake-ap --format json
  copydesk explain news.jsonl --ids a17,b22 --containment 0.3   what a looser setting would do

The first id is explained against each of the others. The corpus is clustered as `dedup`
clusters it, with the same tuning options.";

/// Options of `copydesk explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The corpus (see [`INPUTS_HELP`]).
    #[arg(required = true, value_name = "INPUT", help = INPUTS_HELP)]
    pub inputs: Vec<PathBuf>,

    /// The articles, comma-separated: the first is explained against each of the others.
    #[arg(long, value_delimiter = ',', value_name = "ID,ID,...", required = true, num_args = 1..)]
    pub ids: Vec<String>,

    /// Which member represents a cluster (as for dedup).
    #[arg(long, value_enum, default_value_t = Keep::Best)]
    pub keep: Keep,

    /// Output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,

    #[command(flatten)]
    pub records: RecordArgs,

    #[command(flatten)]
    pub tuning: Tuning,

    #[command(flatten)]
    pub run: RunArgs,
}

const BENCH_EXAMPLES: &str = "\
Examples:
  copydesk bench --generate 100000
  copydesk bench big.jsonl --labels big.labels.jsonl --format json
  copydesk bench corpora/wire.jsonl --labels corpora/wire.labels.jsonl";

/// Options of `copydesk bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Corpora to measure (as for dedup). Or use --generate.
    #[arg(value_name = "INPUT", required_unless_present = "generate")]
    pub inputs: Vec<PathBuf>,

    /// Generate a corpus of this many articles for the run (with its labels).
    #[arg(long, value_name = "N", conflicts_with = "inputs")]
    pub generate: Option<u64>,

    /// Seed of the generated corpus.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,

    /// Labels (JSONL: `id`, `story`) to score the clustering against.
    #[arg(long, value_name = "FILE")]
    pub labels: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,

    /// Measure this many times and report the median of each time (with the range of the
    /// wall times): one run on a shared machine can be off by a second or more.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=100), value_name = "N")]
    pub runs: u32,

    #[command(flatten)]
    pub records: RecordArgs,

    #[command(flatten)]
    pub tuning: Tuning,

    #[command(flatten)]
    pub run: RunArgs,
}

/// How `bench` and `explain` print: for people, or JSON for machines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TextOrJson {
    /// For people.
    Text,
    /// JSON (`bench`: one object; `explain`: one line per pair).
    Json,
}

const GEN_EXAMPLES: &str = "\
Examples:
  copydesk gen --articles 1000000 --out big.jsonl --labels big.labels.jsonl
  copydesk gen --articles 1000 --seed 7 --out - --labels /dev/null | head";

/// Options of `copydesk gen`.
#[derive(Debug, Args)]
pub struct GenArgs {
    /// How many articles.
    #[arg(long, default_value_t = 10_000)]
    pub articles: u64,

    /// Seed: the same seed gives the same corpus.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,

    /// Share of articles (0..1) that end with their outlet's standing notice, a paragraph the
    /// same under all of that outlet's articles that have it (boilerplate for `dedup` to leave
    /// out).
    #[arg(long, default_value_t = 0.0, value_name = "0..1")]
    pub notices: f64,

    /// Where to write the articles (JSONL; - for stdout).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,

    /// Where to write the labels (JSONL: id, story, edits).
    #[arg(long, value_name = "FILE")]
    pub labels: PathBuf,

    #[command(flatten)]
    pub run: RunArgs,
}

const DEDUP_EXAMPLES: &str = "\
Examples:
  copydesk dedup corpora/wire.jsonl                summary of the shipped corpus
  copydesk dedup news.jsonl.gz --clusters clusters.jsonl --assignments a.jsonl
  copydesk dedup a.jsonl b.jsonl --unique deduped.jsonl --keep earliest
  copydesk dedup corpora/wire.jsonl --diffs diffs.jsonl  what each outlet changed, per cluster
  copydesk dedup corpora/wire.jsonl --outlets -    what each outlet did, over every cluster
  copydesk dedup today.jsonl --against archive.jsonl --unique new.jsonl   what is new
  cat news.jsonl | copydesk dedup - --assignments - --quiet

Exit status: 0 done; 1 error (nothing or not all written); 2 bad usage;
3 done, but bad records were reported; 4 --strict and a bad record was found (nothing written);
130 interrupted (Ctrl-C): outputs not yet finished are removed, none is left half-written.";

/// Options of `copydesk dedup`.
#[derive(Debug, Args)]
pub struct DedupArgs {
    /// The corpus (see [`INPUTS_HELP`]).
    #[arg(required = true, value_name = "INPUT", help = INPUTS_HELP)]
    pub inputs: Vec<PathBuf>,

    /// Write one JSON line per good record with its cluster id (- for stdout).
    #[arg(long, value_name = "FILE")]
    pub assignments: Option<PathBuf>,

    /// Write one JSON line per cluster of two or more, with every member's similarity.
    #[arg(long, value_name = "FILE")]
    pub clusters: Option<PathBuf>,

    /// Write the deduplicated corpus: one input record per cluster, byte for byte.
    #[arg(long, value_name = "FILE")]
    pub unique: Option<PathBuf>,

    /// Write, per cluster of two or more, what each member did with the representative
    /// (JSONL, the `compare` JSON schema with a `cluster` field).
    #[arg(long, value_name = "FILE")]
    pub diffs: Option<PathBuf>,

    /// Check the inputs against an archive (JSONL files, folders, as the inputs; repeatable):
    /// its articles are clustered with the inputs, and the outputs then speak of the inputs
    /// alone: --assignments names, for each input record, an archive article it copies;
    /// --unique keeps only stories the archive has no copy of; --clusters, --diffs and
    /// --outlets cover the clusters holding an input record (archive members marked).
    #[arg(long, value_name = "ARCHIVE")]
    pub against: Vec<PathBuf>,

    /// Write one JSON line per outlet: how it treats the stories it shares, over every cluster
    /// of two or more (mean kept and reused, cuts from the bottom, sentences added, and what
    /// it did to the references' credits). Compares every cluster, as --diffs does.
    #[arg(long, value_name = "FILE")]
    pub outlets: Option<PathBuf>,

    /// Write every bad record as a JSON line {file, line, problem}.
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,

    /// Which member represents a cluster (and is kept by --unique).
    #[arg(long, value_enum, default_value_t = Keep::Best)]
    pub keep: Keep,

    /// Fail on the first bad record, before writing anything.
    #[arg(long)]
    pub strict: bool,

    #[command(flatten)]
    pub records: RecordArgs,

    #[command(flatten)]
    pub tuning: Tuning,

    #[command(flatten)]
    pub run: RunArgs,
}

/// Thresholds; the README says what each trades off.
#[derive(Debug, Args)]
#[command(next_help_heading = "Tuning")]
pub struct Tuning {
    /// Pairs whose shingle Jaccard reaches this are copies.
    #[arg(long, default_value_t = 0.5, value_name = "0..1")]
    pub jaccard: f32,

    /// Pairs where this share of the shorter is found in the longer are copies (excerpts).
    #[arg(long, default_value_t = 0.5, value_name = "0..1")]
    pub containment: f32,

    /// ... if they also share at least this many shingles.
    #[arg(long, default_value_t = 12, value_name = "N")]
    pub min_shared: u32,

    /// Words per shingle.
    #[arg(long, default_value_t = copydesk::shingle::DEFAULT_K, value_parser = clap::value_parser!(u16).range(1..=16).map(|v| v as usize), value_name = "K")]
    pub shingle_words: usize,

    /// Winnowing window in shingles: smaller finds shorter shared passages, costs memory.
    #[arg(long, default_value_t = copydesk::fingerprint::DEFAULT_WINDOW, value_parser = clap::value_parser!(u16).range(1..=1000).map(|v| v as usize), value_name = "W")]
    pub window: usize,

    /// Largest simhash distance (bits) that proposes a pair.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=3), value_name = "BITS")]
    pub max_distance: u32,

    /// Anchors two articles must share to be compared.
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub min_anchors: usize,

    /// Anchors found in more articles than this are stock phrases and ignored.
    #[arg(long, default_value_t = 1000, value_name = "N")]
    pub max_postings: usize,

    /// A passage one outlet repeats, word for word, as a top or bottom paragraph of this many
    /// of its articles (a disclaimer, an about-us box), and that they share nothing else with,
    /// is boilerplate: left out of their similarity. An article's outlet is its `outlet`, or
    /// without one its url's host. 0 turns this off.
    #[arg(long, default_value_t = copydesk::boilerplate::DEFAULT_MIN_ARTICLES, value_name = "N")]
    pub boilerplate: usize,

    /// Keep shingle sets and anchors in temporary files mapped into memory, so a corpus
    /// larger than memory runs: `auto` spills when they would take more than half the memory
    /// available (the cgroup's limit counts).
    #[arg(long, value_enum, default_value_t = copydesk::store::Spill::Auto, value_name = "WHEN")]
    pub spill: copydesk::store::Spill,

    /// Folder for spilled features (default: the system's temporary folder). The files have
    /// no name and vanish when copydesk exits, however it exits.
    #[arg(long, value_name = "DIR")]
    pub spill_dir: Option<std::path::PathBuf>,
}

/// How JSONL records are read.
#[derive(Debug, Args)]
#[command(next_help_heading = "Input")]
pub struct RecordArgs {
    /// Read a value from another JSON field than the usual one (repeatable): NAME is text, id,
    /// outlet, title, url or published; FIELD a top-level field, or a JSON pointer to a nested
    /// one (`/meta/source`). For corpora written by other tools: news-please's
    /// `--field text=maintext --field outlet=source_domain --field published=date_publish`.
    #[arg(long = "field", value_name = "NAME=FIELD", value_parser = parse_field)]
    pub fields: Vec<(String, String)>,

    /// Read JSONL files through a buffer rather than memory maps (slower): for a file another
    /// program may truncate while it is read, which would otherwise stop the run with a bus error.
    #[arg(long)]
    pub no_mmap: bool,

    /// How CSV and TSV cells are quoted, when a table's start does not tell it right.
    #[arg(long, value_enum, default_value_t = copydesk::ingest::Quoting::Auto, value_name = "HOW")]
    pub quoting: copydesk::ingest::Quoting,
}

impl RecordArgs {
    /// The field names to read records with.
    pub fn fields(&self) -> copydesk::ingest::Fields {
        let mut fields = copydesk::ingest::Fields::default();
        for (name, field) in &self.fields {
            fields
                .set(name, field)
                .expect("checked when the command line was parsed");
        }
        fields
    }

    /// Opens `inputs` as sources to read records from, as these options say.
    pub fn open(
        &self,
        inputs: &[std::path::PathBuf],
    ) -> copydesk::error::Result<Vec<copydesk::ingest::Source>> {
        let fields = std::sync::Arc::new(self.fields());
        let mut sources = copydesk::ingest::open_sources_with(inputs, &fields)?;
        for source in &mut sources {
            source.map = !self.no_mmap;
            source.quoting = self.quoting;
        }
        Ok(sources)
    }
}

/// Parses `NAME=FIELD` of `--field`, refusing an unknown NAME or an empty FIELD.
fn parse_field(arg: &str) -> Result<(String, String), String> {
    let (name, field) = arg
        .split_once('=')
        .ok_or_else(|| format!("expected NAME=FIELD, such as text=maintext; got `{arg}`"))?;
    copydesk::ingest::Fields::default().set(name, field)?;
    Ok((name.to_string(), field.to_string()))
}

/// Options of every long-running command.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,

    /// No progress bars and no warnings (bad records are still reported).
    #[arg(long, short)]
    pub quiet: bool,
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::{Cli, Command};

    #[test]
    fn no_mmap_opens_sources_that_may_not_be_mapped() {
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/wire.jsonl");
        let mapped = |extra: &[&str]| {
            let cli =
                Cli::try_parse_from(["copydesk", "dedup", corpus].iter().chain(extra)).unwrap();
            let Command::Dedup(args) = cli.command else {
                panic!("parsed as dedup");
            };
            args.records.open(&args.inputs).unwrap()[0].map
        };
        assert!(mapped(&[]));
        assert!(!mapped(&["--no-mmap"]));
    }
}
