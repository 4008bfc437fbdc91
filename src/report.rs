//! Report: write what `copydesk dedup` found, as the contract in `../shared/CONTRACT.md` says.
//!
//! - [`write_assignments`]: one JSON line per good record, in input order.
//! - [`write_clusters`]: one JSON line per cluster of two or more.
//! - [`write_unique`]: the deduplicated corpus, one raw input record per cluster, byte for byte.
//! - [`write_diffs`]: one JSON line per cluster of two or more, what each member did with the
//!   representative ([`for_each_comparison`] reads the members again and compares them).
//! - [`write_outlets`]: one JSON line per outlet, its habits tallied over those comparisons.
//! - [`write_rejects`]: one JSON line per bad record.
//! - [`write_summary`]: the human summary.
//!
//! Every file output goes through [`crate::output::write_atomic`], so a reader never sees half
//! a file. This module computes nothing about similarity.

use std::io::{self, Write};

use serde::Serialize;

use crate::align::{AlignParams, Comparison, Doc};
use crate::boilerplate::Notice;
use crate::cluster::Cluster;
use crate::error::{Error, Result};
use crate::explain::{self, Explanation, Verdict};
use crate::ingest::{self, ArticleId, SourceKind};
use crate::outlets::Tally;
use crate::pipeline::{Article, Corpus, Dedup, Settings};
use crate::store::{self, TextStore, TextStoreBuilder};
use crate::verify::Similarity;

pub use crate::output::{AtomicFile, write_atomic};

fn line(w: &mut dyn Write, value: &impl Serialize) -> Result<()> {
    let io_err = |e: io::Error| Error::Write {
        path: "output".into(),
        source: e,
    };
    serde_json::to_writer(&mut *w, value).map_err(|e| io_err(e.into()))?;
    w.write_all(b"\n").map_err(io_err)
}

/// Rounds a share to 4 decimals for output.
fn share(x: f32) -> f64 {
    (x as f64 * 10_000.0).round() / 10_000.0
}

#[derive(Serialize)]
struct AssignmentLine<'a> {
    id: &'a ArticleId,
    cluster: u32,
    size: usize,
    representative: bool,
    /// With `--against`: the first archive article of its cluster.
    #[serde(skip_serializing_if = "Option::is_none")]
    archive: Option<&'a ArticleId>,
}

/// The first archive article (in input order) of cluster `k`, when it holds one.
fn archive_copy(corpus: &Corpus, k: &Cluster) -> Option<u32> {
    k.members
        .iter()
        .map(|m| m.doc)
        .filter(|&d| corpus.is_archive(d))
        .min()
}

/// One line per good record, in input order: `{"id", "cluster", "size", "representative"}`;
/// with an archive (`--against`), one per record of the other inputs, with `archive`, the id of
/// an archive article it copies, when there is one.
pub fn write_assignments(corpus: &Corpus, dedup: &Dedup, w: &mut dyn Write) -> Result<()> {
    let c = &dedup.clustering;
    let archived: Vec<Option<u32>> = if corpus.archive_sources > 0 {
        c.clusters.iter().map(|k| archive_copy(corpus, k)).collect()
    } else {
        Vec::new()
    };
    for (d, article) in corpus.articles.iter().enumerate() {
        if corpus.is_archive(d as u32) {
            continue;
        }
        let cluster = c.assignment[d];
        let k = &c.clusters[cluster as usize];
        let archive = archived.get(cluster as usize).copied().flatten();
        line(
            w,
            &AssignmentLine {
                id: &article.id,
                cluster,
                size: k.members.len(),
                representative: k.representative as usize == d,
                archive: archive.map(|a| &corpus.articles[a as usize].id),
            },
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct MemberLine<'a> {
    id: &'a ArticleId,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    words: u32,
    similarity: f64,
    containment: f64,
    coverage: f64,
    /// With `--against`: the member is an archive article.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    archive: bool,
}

#[derive(Serialize)]
struct ClusterLine<'a> {
    cluster: u32,
    size: usize,
    outlets: Vec<&'a str>,
    representative: &'a ArticleId,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    members: Vec<MemberLine<'a>>,
}

/// Distinct outlets of a cluster's members (their url's hosts for those without one), sorted.
fn outlets(articles: &[Article], docs: impl Iterator<Item = u32>) -> Vec<&str> {
    let mut v: Vec<&str> = docs
        .filter_map(|d| articles[d as usize].meta.publisher())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// One line per cluster of two or more ([`multi_clusters`]: with an archive, those holding
/// another input's record), in cluster order. `similarity` is the Jaccard with the
/// representative, `containment` the share of the member found in the representative,
/// `coverage` the share of the representative found in the member.
pub fn write_clusters(corpus: &Corpus, dedup: &Dedup, w: &mut dyn Write) -> Result<()> {
    let a = &corpus.articles;
    for i in multi_clusters(corpus, dedup) {
        let k = &dedup.clustering.clusters[i];
        let rep = &a[k.representative as usize];
        let members = k
            .members
            .iter()
            .map(|m| {
                let art = &a[m.doc as usize];
                MemberLine {
                    id: &art.id,
                    outlet: art.meta.publisher(),
                    published: art.meta.published.as_deref(),
                    title: art.meta.title.as_deref(),
                    words: corpus.features.words(m.doc as usize),
                    similarity: share(m.similarity),
                    containment: share(m.containment),
                    coverage: share(m.coverage),
                    archive: corpus.is_archive(m.doc),
                }
            })
            .collect();
        let outlets = outlets(a, k.members.iter().map(|m| m.doc));
        line(
            w,
            &ClusterLine {
                cluster: i as u32,
                size: k.members.len(),
                outlets,
                representative: &rep.id,
                title: rep.meta.title.as_deref(),
                members,
            },
        )?;
    }
    Ok(())
}

/// The deduplicated corpus: each cluster's representative, as read, in input order. A JSONL
/// record is its line byte for byte; a `.txt` article becomes a JSON line with `id`, `outlet`
/// and `text`.
pub fn write_unique(corpus: &Corpus, dedup: &Dedup, w: &mut dyn Write) -> Result<()> {
    // With an archive: only the stories it has no copy of.
    let mut reps: Vec<u32> = dedup
        .clustering
        .clusters
        .iter()
        .filter(|k| corpus.archive_sources == 0 || archive_copy(corpus, k).is_none())
        .map(|k| k.representative)
        .collect();
    reps.sort_unstable(); // articles are in input order, so this is input order
    let origins: Vec<_> = reps
        .iter()
        .map(|&d| corpus.articles[d as usize].origin)
        .collect();
    let io_err = |e: io::Error| Error::Write {
        path: "unique output".into(),
        source: e,
    };
    let mut next = 0;
    // Spilled features share the page cache with this read: leave them there for what follows.
    let cache = ingest::Cache::for_spilled(corpus.features.spilled());
    ingest::reread_with(&corpus.sources, &origins, cache, |origin, bytes| {
        let article = &corpus.articles[reps[next] as usize];
        debug_assert_eq!(article.origin, origin);
        next += 1;
        match &corpus.sources[origin.source as usize].kind {
            SourceKind::Text { .. } => {
                #[derive(Serialize)]
                struct TextLine<'a> {
                    id: &'a ArticleId,
                    #[serde(skip_serializing_if = "Option::is_none")]
                    outlet: Option<&'a str>,
                    text: &'a str,
                }
                let text = ingest::text_file(bytes.to_vec()).map_err(|(_, problem)| {
                    io_err(io::Error::new(io::ErrorKind::InvalidData, problem))
                })?;
                let text = text.as_str();
                line(
                    w,
                    &TextLine {
                        id: &article.id,
                        outlet: article.meta.outlet.as_deref(),
                        text,
                    },
                )
            }
            _ => {
                w.write_all(bytes).map_err(io_err)?;
                w.write_all(b"\n").map_err(io_err)
            }
        }
    })
}

/// Members compared at once by [`for_each_comparison`]: enough to keep both cores busy, few
/// enough that one chunk's comparisons take tens of megabytes, not the corpus's gigabytes.
const COMPARE_CHUNK_MEMBERS: usize = 4096;

/// The clusters of two or more, in cluster order: the ones with something to compare (with an
/// archive, `--against`, those holding at least one record of the other inputs).
pub fn multi_clusters(corpus: &Corpus, dedup: &Dedup) -> Vec<usize> {
    let clusters = &dedup.clustering.clusters;
    (0..clusters.len())
        .filter(|&k| clusters[k].members.len() > 1)
        .filter(|&k| {
            corpus.archive_sources == 0
                || clusters[k]
                    .members
                    .iter()
                    .any(|m| !corpus.is_archive(m.doc))
        })
        .collect()
}

/// The `n` largest clusters of two or more (ties to the earlier cluster), in cluster order.
pub fn largest_clusters(corpus: &Corpus, dedup: &Dedup, n: usize) -> Vec<usize> {
    let clusters = &dedup.clustering.clusters;
    let mut ks = multi_clusters(corpus, dedup);
    if ks.len() > n {
        ks.select_nth_unstable_by_key(n, |&k| (std::cmp::Reverse(clusters[k].members.len()), k));
        ks.truncate(n);
        ks.sort_unstable();
    }
    ks
}

/// For each cluster of `clusters` (indices, in that order): what each member did with the
/// representative, turned by `each` (in parallel; given the cluster's index) into what `sink`
/// receives (in order).
///
/// The members' texts are read again from the inputs, in one pass, into a [`TextStore`]
/// (spilled to a temporary file by `settings.spill`'s rule when they would crowd memory);
/// clusters are then compared a chunk at a time, in parallel within a chunk, so that memory
/// holds one chunk's comparisons rather than the whole corpus's.
pub fn for_each_comparison<T: Send>(
    corpus: &Corpus,
    dedup: &Dedup,
    settings: &Settings,
    params: &AlignParams,
    clusters: &[usize],
    each: impl Fn(usize, Comparison) -> T + Sync,
    sink: impl FnMut(T) -> Result<()>,
) -> Result<()> {
    let chunk = COMPARE_CHUNK_MEMBERS;
    compare_in_chunks(corpus, dedup, settings, params, clusters, chunk, each, sink)
}

/// [`for_each_comparison`], comparing about `chunk_members` members at a time.
#[allow(clippy::too_many_arguments)] // for_each_comparison's, and the chunk size tests vary
fn compare_in_chunks<T: Send>(
    corpus: &Corpus,
    dedup: &Dedup,
    settings: &Settings,
    params: &AlignParams,
    clusters: &[usize],
    chunk_members: usize,
    each: impl Fn(usize, Comparison) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<()>,
) -> Result<()> {
    use rayon::prelude::*;
    let clusters: Vec<(usize, &Cluster)> = clusters
        .iter()
        .map(|&k| (k, &dedup.clustering.clusters[k]))
        .collect();
    let mut docs: Vec<u32> = clusters
        .iter()
        .flat_map(|(_, k)| k.members.iter().map(|m| m.doc))
        .collect();
    docs.sort_unstable();
    docs.dedup();
    let texts = member_texts(corpus, &docs, settings)?;
    let text_of = |d: u32| texts.get(docs.binary_search(&d).expect("member text was read"));
    let doc = |d: u32| {
        let a = &corpus.articles[d as usize];
        let text = text_of(d);
        Doc {
            boilerplate: dedup.boilerplate.paragraphs_of(text, &a.meta),
            ..Doc::with_meta(a.id.to_string(), &a.meta, text)
        }
    };
    let compare_cluster = |k: &Cluster| {
        let versions: Vec<_> = k
            .members
            .iter()
            .filter(|m| m.doc != k.representative)
            .map(|m| doc(m.doc))
            .collect();
        crate::align::compare(&doc(k.representative), &versions, params)
    };
    let mut rest = &clusters[..];
    while !rest.is_empty() {
        let mut members = 0;
        let take = rest
            .iter()
            .position(|(_, k)| {
                members += k.members.len();
                members >= chunk_members
            })
            .map_or(rest.len(), |i| i + 1);
        let (chunk, after) = rest.split_at(take);
        let compared: Vec<T> = chunk
            .par_iter()
            .map(|&(i, k)| each(i, compare_cluster(k)))
            .collect();
        compared.into_iter().try_for_each(&mut sink)?;
        rest = after;
    }
    Ok(())
}

/// The texts of articles `docs` (sorted, distinct), read again from the inputs, in that order.
/// For a few articles (one cluster); [`for_each_comparison`] is the way for many.
pub fn texts_of(corpus: &Corpus, docs: &[u32], settings: &Settings) -> Result<Vec<String>> {
    let store = member_texts(corpus, docs, settings)?;
    Ok((0..store.len()).map(|i| store.get(i).to_string()).collect())
}

/// Reads the texts of `docs` (sorted) again from the inputs, into a store in the same order.
fn member_texts(corpus: &Corpus, docs: &[u32], settings: &Settings) -> Result<TextStore> {
    // Input bytes stand in for text bytes (an overestimate: JSON and metadata count too).
    let share = docs.len() as f64 / corpus.articles.len().max(1) as f64;
    let held = (corpus.bytes as f64 * share) as u64;
    let spill_dir = settings
        .spill
        .decide_held(held, store::available_memory())
        .then(|| settings.spill_dir_or_temp());
    let mut texts = TextStoreBuilder::new(spill_dir.as_deref())?;
    let origins: Vec<_> = docs
        .iter()
        .map(|&d| corpus.articles[d as usize].origin)
        .collect();
    // Texts that spill live in the page cache, which the corpus streaming through would push
    // them out of.
    let cache = ingest::Cache::for_spilled(spill_dir.is_some());
    ingest::reread_with(&corpus.sources, &origins, cache, |origin, bytes| {
        let source = &corpus.sources[origin.source as usize];
        let record = ingest::parse(source, origin, bytes).map_err(|b| Error::Read {
            path: source.path.clone(),
            source: io::Error::new(io::ErrorKind::InvalidData, b.to_string()),
        })?;
        texts.push(&record.text)
    })?;
    texts.finish()
}

/// For every cluster of two or more, what each member did with the representative: one JSON
/// line per cluster, `{"cluster": N, ...}` and the fields of [`crate::align::Comparison`].
/// `progress` is told how many clusters are written so far. Returns the comparisons tallied by
/// outlet (for [`write_outlets`], without comparing twice).
pub fn write_diffs(
    corpus: &Corpus,
    dedup: &Dedup,
    settings: &Settings,
    params: &AlignParams,
    w: &mut dyn Write,
    progress: impl FnMut(usize),
) -> Result<Tally> {
    compare_every_cluster(corpus, dedup, settings, params, Some(w), progress)
}

/// Compares every cluster of two or more, as [`write_diffs`] does, and tallies the comparisons
/// by outlet without writing them.
pub fn tally_outlets(
    corpus: &Corpus,
    dedup: &Dedup,
    settings: &Settings,
    params: &AlignParams,
    progress: impl FnMut(usize),
) -> Result<Tally> {
    compare_every_cluster(corpus, dedup, settings, params, None, progress)
}

/// [`write_diffs`] when `w` is given, [`tally_outlets`] either way.
fn compare_every_cluster(
    corpus: &Corpus,
    dedup: &Dedup,
    settings: &Settings,
    params: &AlignParams,
    mut w: Option<&mut dyn Write>,
    mut progress: impl FnMut(usize),
) -> Result<Tally> {
    #[derive(Serialize)]
    struct ClusterDiff<'a> {
        cluster: usize,
        #[serde(flatten)]
        comparison: &'a Comparison,
    }
    let writing = w.is_some();
    // Each cluster's line is serialized beside its comparison, in parallel; only writing and
    // tallying are in order.
    let serialize = |cluster, comparison: Comparison| {
        let mut bytes = Vec::new();
        if writing {
            line(
                &mut bytes,
                &ClusterDiff {
                    cluster,
                    comparison: &comparison,
                },
            )?;
        }
        Ok((bytes, Tally::of(&comparison)))
    };
    let clusters = multi_clusters(corpus, dedup);
    let mut tally = Tally::default();
    for_each_comparison(
        corpus,
        dedup,
        settings,
        params,
        &clusters,
        serialize,
        |done: Result<(Vec<u8>, Tally)>| {
            let (bytes, one) = done?;
            if let Some(w) = w.as_mut() {
                w.write_all(&bytes).map_err(|e| Error::Write {
                    path: "output".into(),
                    source: e,
                })?;
            }
            tally.merge(one);
            progress(tally.clusters());
            Ok(())
        },
    )?;
    Ok(tally)
}

/// One JSON line per outlet, most versions first: the fields of
/// [`crate::outlets::OutletProfile`] (`outlet` is `null` for articles without one).
pub fn write_outlets(tally: Tally, w: &mut dyn Write) -> Result<()> {
    tally.profiles().iter().try_for_each(|p| line(w, p))
}

/// One JSON line per bad record: `{"file", "line", "problem"}`.
pub fn write_rejects(corpus: &Corpus, w: &mut dyn Write) -> Result<()> {
    corpus.bad.iter().try_for_each(|b| line(w, b))
}

/// A boilerplate passage found, with its words when they could be read again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuotedNotice<'a> {
    /// The outlet that repeats it (or, for articles without one, their url's host).
    pub outlet: Option<&'a str>,
    /// How many of its articles hold it.
    pub articles: usize,
    /// Its words, read again from the first article holding it (`None` from stdin, which
    /// cannot be read twice, or when that read failed).
    pub text: Option<String>,
}

/// Some articles' texts, read again in one pass for a summary or page to quote from. Empty
/// (every lookup `None`) from stdin (not kept), for no docs, or when the read fails: quotes are
/// dropped, never the output.
struct Quotable {
    /// The articles, ascending.
    docs: Vec<u32>,
    /// Their texts, in that order, when they could be read.
    texts: Option<Vec<String>>,
}

impl Quotable {
    fn read(corpus: &Corpus, mut docs: Vec<u32>, settings: &Settings) -> Quotable {
        docs.sort_unstable();
        docs.dedup();
        let rereadable = corpus.sources.iter().all(|s| s.kind != SourceKind::Stdin);
        let texts = (rereadable && !docs.is_empty())
            .then(|| texts_of(corpus, &docs, settings).ok())
            .flatten();
        Quotable { docs, texts }
    }

    /// The text of `doc`, when it was asked for and read.
    fn text(&self, doc: u32) -> Option<&str> {
        let at = self.docs.binary_search(&doc).ok()?;
        Some(self.texts.as_ref()?[at].as_str())
    }
}

/// The first `n` boilerplate passages found (most widely held first).
fn shown_notices(dedup: &Dedup, n: usize) -> &[Notice] {
    let found = dedup.boilerplate.found();
    &found[..found.len().min(n)]
}

/// `notices` quoted from one article holding each, when `quotable` has its text.
fn quote_notices<'c>(
    corpus: &'c Corpus,
    notices: &[Notice],
    quotable: &Quotable,
) -> Vec<QuotedNotice<'c>> {
    notices
        .iter()
        .map(|n| {
            let meta = &corpus.articles[n.example as usize].meta;
            let text = quotable
                .text(n.example)
                .and_then(|t| n.text_in(t, meta))
                .map(str::to_string);
            QuotedNotice {
                outlet: meta.publisher(),
                articles: n.articles,
                text,
            }
        })
        .collect()
}

/// The first `n` boilerplate passages found (most widely held first), quoted from one article
/// holding each when the inputs can be read again. A failed read only drops the quotes.
pub fn quoted_notices<'c>(
    corpus: &'c Corpus,
    dedup: &Dedup,
    settings: &Settings,
    n: usize,
) -> Vec<QuotedNotice<'c>> {
    let shown = shown_notices(dedup, n);
    let quotable = Quotable::read(corpus, shown.iter().map(|n| n.example).collect(), settings);
    quote_notices(corpus, shown, &quotable)
}

/// How many clusters the summary lists.
const SUMMARY_CLUSTERS: usize = 10;
/// How many boilerplate passages the summary quotes.
const SUMMARY_NOTICES: usize = 5;

/// The first `chars` characters of `text`, with `…` when there were more.
fn clip(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((at, _)) => format!("{}…", text[..at].trim_end()),
        None => text.to_string(),
    }
}

/// How many characters of a lead stand in for a missing headline.
pub const LEAD_HEADLINE_CHARS: usize = 110;

/// A lead sentence as a headline: whole when short, else cut at a word boundary with `…`.
pub fn lead_as_headline(lead: &str) -> String {
    let lead = lead.trim();
    if lead.chars().count() <= LEAD_HEADLINE_CHARS {
        return lead.to_string();
    }
    let cut: String = lead.chars().take(LEAD_HEADLINE_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

/// `n` and `noun`, the noun made plural unless `n` is 1.
fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// The human summary: what was read, what was found, the largest clusters.
pub fn write_summary(
    corpus: &Corpus,
    dedup: &Dedup,
    settings: &Settings,
    w: &mut dyn Write,
) -> Result<()> {
    let io_err = |e: io::Error| Error::Write {
        path: "summary".into(),
        source: e,
    };
    let c = &dedup.clustering;
    let n = corpus.articles.len();
    let multi: Vec<(usize, &crate::cluster::Cluster)> = c
        .clusters
        .iter()
        .enumerate()
        .filter(|(_, k)| k.members.len() > 1)
        .collect();
    let mut largest = multi.clone();
    largest.sort_by_key(|(i, k)| (std::cmp::Reverse(k.members.len()), *i));
    let shown = &largest[..largest.len().min(SUMMARY_CLUSTERS)];
    // What the summary quotes is read again in one pass (not from stdin): the boilerplate
    // passages, and the leads naming untitled representatives.
    let untitled = shown
        .iter()
        .map(|(_, k)| k.representative)
        .filter(|&d| corpus.articles[d as usize].meta.title.is_none());
    let notices = shown_notices(dedup, SUMMARY_NOTICES)
        .iter()
        .map(|n| n.example);
    let quotable = Quotable::read(corpus, untitled.chain(notices).collect(), settings);
    let in_multi: usize = multi.iter().map(|(_, k)| k.members.len()).sum();
    let removed = n - c.clusters.len();
    let mut out = String::new();
    use std::fmt::Write as _;
    let _ = writeln!(out, "records read        {}", n + corpus.bad.len());
    let _ = writeln!(out, "  good              {n}");
    let _ = writeln!(out, "  bad (reported)    {}", corpus.bad.len());
    let _ = writeln!(
        out,
        "clusters            {} of 2 or more, holding {in_multi} articles",
        multi.len()
    );
    let _ = writeln!(out, "unique stories      {}", c.clusters.len());
    let pct = if n == 0 {
        0.0
    } else {
        100.0 * removed as f64 / n as f64
    };
    let _ = writeln!(out, "duplicates removed  {removed} ({pct:.1}%)");
    if corpus.archive_sources > 0 {
        let archived = (0..n as u32).filter(|&d| corpus.is_archive(d)).count();
        let mut copied = 0;
        let mut new_stories = 0;
        for k in &c.clusters {
            let fresh = k
                .members
                .iter()
                .filter(|m| !corpus.is_archive(m.doc))
                .count();
            if fresh == 0 {
                continue;
            }
            if archive_copy(corpus, k).is_some() {
                copied += fresh;
            } else {
                new_stories += 1;
            }
        }
        let _ = writeln!(
            out,
            "against             {} (--against): {copied} of the {} other articles have a copy there",
            plural(archived, "archive article"),
            n - archived
        );
        let _ = writeln!(
            out,
            "new stories         {new_stories} the archive has no copy of (--unique keeps one article of each)"
        );
    }
    let _ = writeln!(
        out,
        "pairs checked       {} candidates, {} verified, {} accepted",
        c.stats.candidate_pairs, c.stats.verified_pairs, c.stats.accepted_pairs
    );
    if c.stats.exact_copies > 0 {
        let _ = writeln!(
            out,
            "exact copies        {} (same words as an earlier article; not searched again)",
            c.stats.exact_copies
        );
    }
    let t = &corpus.timings;
    let _ = writeln!(
        out,
        "time                {:.2}s reading and fingerprinting, {:.2}s indexing, {:.2}s clustering",
        t.read_and_fingerprint.as_secs_f64(),
        t.index.as_secs_f64(),
        t.cluster.as_secs_f64()
    );
    if dedup.skipped_anchors > 0 {
        let _ = writeln!(
            out,
            "stock phrases       {} anchors ignored (in more than --max-postings articles: boilerplate, or a story with that many versions)",
            dedup.skipped_anchors
        );
    }
    if dedup.flood_anchors > 0 {
        let _ = writeln!(
            out,
            "floods              {} anchors held by more than --max-postings copies of one story, searched through the copies visited first",
            dedup.flood_anchors
        );
    }
    if dedup.boilerplate.passages() > 0 {
        let _ = writeln!(
            out,
            "boilerplate         {} one outlet repeats in many of its articles, left out of {} (--boilerplate)",
            plural(dedup.boilerplate.passages(), "passage"),
            plural(dedup.boilerplate.articles(), "article")
        );
        let found = dedup.boilerplate.found();
        let shown = quote_notices(corpus, shown_notices(dedup, SUMMARY_NOTICES), &quotable);
        for n in &shown {
            let quote = n
                .text
                .as_deref()
                .map_or(String::new(), |q| format!(": \"{}\"", clip(q, 90)));
            let _ = writeln!(
                out,
                "  {}, in {}{quote}",
                n.outlet.unwrap_or(""),
                plural(n.articles, "article"),
            );
        }
        if found.len() > shown.len() {
            let _ = writeln!(out, "  ... and {} more", found.len() - shown.len());
        }
    }
    if !largest.is_empty() {
        let _ = writeln!(out, "\nlargest clusters:");
    }
    for (i, k) in shown {
        let rep = &corpus.articles[k.representative as usize];
        // An untitled representative is named by its lead.
        let lead = match &rep.meta.title {
            Some(_) => None,
            None => quotable
                .text(k.representative)
                .and_then(crate::segment::lead)
                .map(lead_as_headline),
        };
        let title = rep
            .meta
            .title
            .as_deref()
            .or(lead.as_deref())
            .unwrap_or("(no title)");
        let outlets = outlets(&corpus.articles, k.members.iter().map(|m| m.doc));
        let _ = writeln!(out, "  #{i:<5} {:>3} articles  {title}", k.members.len());
        let _ = writeln!(out, "         representative {}", rep.id);
        if !outlets.is_empty() {
            let _ = writeln!(out, "         outlets: {}", outlets.join(", "));
        }
    }
    if largest.len() > SUMMARY_CLUSTERS {
        let _ = writeln!(
            out,
            "  ... and {} more (use --clusters FILE for all)",
            largest.len() - SUMMARY_CLUSTERS
        );
    }
    w.write_all(out.as_bytes()).map_err(io_err)
}

/// The side of an explained pair that copies the other's representative (the other itself, when
/// it represents its cluster), with the other side and that measure, seen from the copier.
fn copier<'e>(
    e: &'e Explanation,
    t: &crate::verify::Thresholds,
) -> Option<(&'e explain::Side, &'e explain::Side, Similarity)> {
    fn copies<'s>(
        x: &'s explain::Side,
        other: &'s explain::Side,
        across: Option<Similarity>,
        pair: Similarity,
        t: &crate::verify::Thresholds,
    ) -> Option<(&'s explain::Side, &'s explain::Side, Similarity)> {
        let m = if other.to_representative.is_none() {
            Some(pair)
        } else {
            across
        };
        m.filter(|m| t.accepts(m)).map(|m| (x, other, m))
    }
    copies(&e.a, &e.b, e.a_to_b_representative, e.similarity, t).or_else(|| {
        copies(
            &e.b,
            &e.a,
            e.b_to_a_representative,
            e.similarity.swapped(),
            t,
        )
    })
}

/// An explained pair for people: what the candidate search, verification and clustering each
/// made of it, the thresholds beside the figures, and which stage kept the two apart.
pub fn write_explanation(e: &Explanation, settings: &Settings, w: &mut dyn Write) -> Result<()> {
    use std::fmt::Write as _;
    let io_err = |err: io::Error| Error::Write {
        path: "explanation".into(),
        source: err,
    };
    let name = |s: &explain::Side| match &s.outlet {
        Some(o) => format!("{} ({o})", s.id),
        None => s.id.clone(),
    };
    let pct = |x: f32| format!("{:.0}%", 100.0 * x);
    let yes = |b: bool| if b { "yes" } else { "no" };
    let t = &settings.thresholds;
    let c = &settings.candidates;
    let s = &e.similarity;
    let mut out = String::new();
    let verdict = match e.verdict {
        Verdict::SameCluster => format!(
            "in one cluster (#{}, {}, representative {})",
            e.a.cluster,
            plural(e.a.cluster_size, "article"),
            e.a.representative
        ),
        Verdict::NotCopies => "apart: not copies".to_string(),
        Verdict::NotProposed => "apart: copies, but never compared".to_string(),
        Verdict::ApartByRepresentatives => {
            "apart: copies, but each is with a representative the other does not copy".to_string()
        }
        Verdict::WithAnotherRepresentative => match copier(e, t) {
            Some((x, ..)) => format!(
                "apart: copies, but {} is with another representative it copies",
                x.id
            ),
            None => "apart: copies, but one is with another representative it copies".to_string(),
        },
    };
    let _ = writeln!(out, "{} and {}: {verdict}", name(&e.a), name(&e.b));
    let left_out: Vec<String> = [&e.a, &e.b]
        .into_iter()
        .filter_map(|side| match side.boilerplate_paragraphs? {
            0 => None,
            n => Some(format!("{} of {}", plural(n, "paragraph"), side.id)),
        })
        .collect();
    if !left_out.is_empty() {
        let _ = writeln!(
            out,
            "  boilerplate {} left out before measuring: the outlet's standing text (--boilerplate 0 keeps it)",
            left_out.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "  verify      {} shingles shared of {} and {}: Jaccard {:.2} (copies from --jaccard {:.2}); \
         {} of {} is in {}, {} the other way (copies from --containment {:.2} with --min-shared {}): {}",
        s.shared,
        e.a.shingles,
        e.b.shingles,
        s.jaccard,
        t.jaccard,
        pct(s.a_in_b),
        e.a.id,
        e.b.id,
        pct(s.b_in_a),
        t.containment,
        t.min_shared,
        match e.accepted_by {
            Some(rule) => format!("copies, by {rule}"),
            None => "not copies".to_string(),
        }
    );
    let _ = writeln!(
        out,
        "  candidates  simhashes {} bits apart (proposed within --max-distance {}): {}; \
         {} shared, {} of them in more than --max-postings {} articles, {} needed (--min-anchors {}): {}",
        e.simhash_distance,
        c.max_distance,
        yes(e.proposed_by_simhash),
        plural(e.shared_anchors, "anchor"),
        e.common_anchors,
        c.max_postings,
        e.anchors_needed,
        c.min_shared_anchors,
        yes(e.proposed_by_anchors)
    );
    let measured =
        |m: &Similarity| format!("Jaccard {:.2}, {} of it there", m.jaccard, pct(m.a_in_b));
    for (i, side) in [&e.a, &e.b].into_iter().enumerate() {
        let place = match &side.to_representative {
            None => "its representative".to_string(),
            Some(m) => format!(
                "with its representative {} ({})",
                side.representative,
                measured(m)
            ),
        };
        let _ = writeln!(
            out,
            "  {}{}: cluster #{} ({}), {place}",
            if i == 0 {
                "clusters    "
            } else {
                "            "
            },
            side.id,
            side.cluster,
            plural(side.cluster_size, "article"),
        );
    }
    let why = match e.verdict {
        Verdict::SameCluster => None,
        Verdict::NotCopies if s.shared == 0 => Some(format!(
            "they share no passage of words{}",
            if left_out.is_empty() {
                ""
            } else {
                " (boilerplate left out)"
            }
        )),
        Verdict::NotCopies => Some(
            "they share too little to be copies (a quote, a background paragraph); lower \
             --jaccard or --containment to call them so"
                .to_string(),
        ),
        Verdict::NotProposed => Some(
            "neither their simhashes nor enough anchors bring them together: a smaller --window \
             (more anchors, shorter shared passages found) or --min-anchors 1 would"
                .to_string(),
        ),
        Verdict::ApartByRepresentatives => {
            let across = |x: &explain::Side, other: &explain::Side, m: &Option<Similarity>| {
                m.as_ref().map(|m| {
                    format!(
                        "{} against {}'s representative {}: {}, {}",
                        x.id,
                        other.id,
                        other.representative,
                        measured(m),
                        if t.accepts(m) { "a copy" } else { "not a copy" }
                    )
                })
            };
            let lines: Vec<String> = [
                across(&e.a, &e.b, &e.a_to_b_representative),
                across(&e.b, &e.a, &e.b_to_a_representative),
            ]
            .into_iter()
            .flatten()
            .collect();
            Some(format!(
                "a member is always a copy of its representative, never only of another member; {}",
                lines.join("; ")
            ))
        }
        Verdict::WithAnotherRepresentative => copier(e, t).map(|(x, other, m)| {
            let own = match &x.to_representative {
                Some(own) => format!("is with {} ({})", x.representative, measured(own)),
                None => "represents its own cluster".to_string(),
            };
            format!(
                "{} copies {}'s representative {} ({}) and {own}: an article is in one cluster \
                 only; the first centre to reach it takes it, and one it copies only barely (by \
                 containment alone, under 60%) gives way to a representative holding clearly \
                 more of it",
                x.id,
                other.id,
                other.representative,
                measured(&m)
            )
        }),
    };
    if let Some(why) = why {
        let _ = writeln!(out, "  why apart   {why}");
    }
    w.write_all(out.as_bytes()).map_err(io_err)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_lead_stands_in_for_a_missing_headline_cut_at_a_word() {
        assert_eq!(lead_as_headline("  A short lead. "), "A short lead.");
        let long = "Russia and Norway have agreed to resume talks on fishing quotas in the Barents \
            Sea next month, ending a pause of more than a year in one of the few forums";
        let h = lead_as_headline(long);
        assert!(
            h.ends_with('…') && h.chars().count() <= LEAD_HEADLINE_CHARS + 1,
            "{h}"
        );
        assert!(
            long.starts_with(h.trim_end_matches('…')),
            "cut at a word: {h}"
        );
        assert!(!h.trim_end_matches('…').ends_with([' ', ',']), "{h}");
        // Whole characters, whatever the script.
        let urdu = "وزیر اعظم نے کہا ہے کہ ".repeat(10);
        assert!(lead_as_headline(&urdu).ends_with('…'));
    }

    #[test]
    fn clipping_keeps_whole_characters_and_says_when_it_cut() {
        assert_eq!(clip("short", 90), "short");
        assert_eq!(clip("ab cd", 3), "ab…");
        assert_eq!(clip("ایران ۔ بیجنگ", 5), "ایران…");
    }
    use super::*;
    use crate::store::Spill;

    /// Every comparison `compare_in_chunks` gives, as JSON, with its cluster's index.
    fn comparisons(
        corpus: &Corpus,
        dedup: &Dedup,
        spill: Spill,
        chunk_members: usize,
    ) -> Vec<(usize, String)> {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings {
            spill,
            spill_dir: Some(dir.path().to_path_buf()),
            ..Settings::default()
        };
        let mut out = Vec::new();
        let each = |i, c: Comparison| (i, serde_json::to_string(&c).unwrap());
        compare_in_chunks(
            corpus,
            dedup,
            &settings,
            &AlignParams::default(),
            &multi_clusters(corpus, dedup),
            chunk_members,
            each,
            |x| {
                out.push(x);
                Ok(())
            },
        )
        .unwrap();
        out
    }

    #[test]
    fn the_largest_clusters_are_chosen_ties_to_the_earlier() {
        use crate::cluster::{Cluster, Clustering, Member};
        let sizes = [1, 3, 2, 3, 5, 2, 1];
        let member = Member {
            doc: 0,
            similarity: 1.0,
            containment: 1.0,
            coverage: 1.0,
        };
        let clustering = Clustering {
            clusters: sizes
                .iter()
                .map(|&n| Cluster {
                    representative: 0,
                    members: vec![member; n],
                })
                .collect(),
            ..Default::default()
        };
        let dedup = Dedup {
            clustering,
            skipped_anchors: 0,
            flood_anchors: 0,
            boilerplate: Default::default(),
        };
        let corpus = Corpus::default();
        assert_eq!(multi_clusters(&corpus, &dedup), [1, 2, 3, 4, 5]);
        assert_eq!(largest_clusters(&corpus, &dedup, 1), [4]);
        assert_eq!(largest_clusters(&corpus, &dedup, 2), [1, 4]);
        assert_eq!(largest_clusters(&corpus, &dedup, 4), [1, 2, 3, 4]);
        assert_eq!(largest_clusters(&corpus, &dedup, 10), [1, 2, 3, 4, 5]);
        assert_eq!(largest_clusters(&corpus, &dedup, 0), Vec::<usize>::new());
    }

    #[test]
    fn clusters_are_compared_in_order_whatever_the_chunks_and_wherever_texts_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("corpus.jsonl");
        let (mut out, mut labels) = (Vec::new(), Vec::new());
        let params = crate::generate::GenParams {
            articles: 300,
            ..Default::default()
        };
        crate::generate::generate(&params, &mut out, &mut labels).unwrap();
        std::fs::write(&path, out).unwrap();
        let sources = ingest::open_sources(std::slice::from_ref(&path)).unwrap();
        let settings = Settings::default();
        let mut corpus = Corpus::read(sources.clone(), &settings, |_, _| {}).unwrap();
        let dedup = corpus.dedup(&settings);

        // Expected: each cluster of two or more, in order, compared straight from the records.
        let (records, _) = ingest::read_all(&sources).unwrap();
        let doc = |d: u32| {
            let r = &records[d as usize];
            Doc {
                id: r.id.to_string(),
                outlet: r.meta.publisher().map(str::to_string),
                published: r.meta.published.as_deref().map(str::to_string),
                title: r.meta.title.as_deref().map(str::to_string),
                text: &r.text,
                boilerplate: dedup.boilerplate.paragraphs_of(&r.text, &r.meta),
            }
        };
        let expected: Vec<(usize, String)> = dedup
            .clustering
            .clusters
            .iter()
            .enumerate()
            .filter(|(_, k)| k.members.len() > 1)
            .map(|(i, k)| {
                let versions: Vec<Doc> = k
                    .members
                    .iter()
                    .filter(|m| m.doc != k.representative)
                    .map(|m| doc(m.doc))
                    .collect();
                let c = crate::align::compare(
                    &doc(k.representative),
                    &versions,
                    &AlignParams::default(),
                );
                (i, serde_json::to_string(&c).unwrap())
            })
            .collect();
        assert!(expected.len() > 20, "the corpus has clusters to chunk");

        assert_eq!(
            comparisons(&corpus, &dedup, Spill::Never, usize::MAX),
            expected
        );
        // Chunks of a few members cut between clusters (and a big cluster is a chunk alone).
        assert_eq!(comparisons(&corpus, &dedup, Spill::Always, 5), expected);
        assert_eq!(comparisons(&corpus, &dedup, Spill::Never, 1), expected);
    }
}
