//! Html: the self-contained report page of a clustered corpus, for people.
//!
//! One HTML file, no server and no network: CSS and JS inline, built with a minijinja template
//! (`src/templates/report.html`, which `copydesk report --template FILE` replaces). The page
//! carries its data as JSON in `<script type="application/json">` blocks, one for the index
//! and one per cluster, parsed only when that cluster is opened, so a 20,000-article report
//! opens fast. The page's script builds every piece of article text with `textContent`, never
//! as markup, and the JSON has `<`, `>` and `&` escaped, so article text can neither close a
//! script block nor run anything.
//!
//! This module shapes data for the page and renders the template; it computes nothing about
//! similarity.

use std::borrow::Cow;
use std::collections::BTreeMap;

use minijinja::{Environment, Value};
use serde::Serialize;

use crate::align::{Comparison, Op};
use crate::attribution::{Attribution, AttributionChange};
use crate::error::{Error, Result};
use crate::outlets::{OutletProfile, Tally};
use crate::pipeline::{Corpus, Dedup};
use crate::related::Related;
use crate::report::QuotedNotice;

/// The template shipped with copydesk.
pub const DEFAULT_TEMPLATE: &str = include_str!("templates/report.html");

#[derive(Serialize)]
struct Summary {
    articles: usize,
    bad_records: usize,
    clusters: usize,
    /// Clusters detailed on the page (the largest, when there are more than it may hold).
    shown: usize,
    /// The article whose story alone the page shows (`report --copies-of`).
    #[serde(skip_serializing_if = "Option::is_none")]
    story: Option<String>,
    in_clusters: usize,
    unique: usize,
    duplicate_rate: f64,
}

#[derive(Serialize)]
struct ClusterRow<'a> {
    id: usize,
    size: usize,
    title: Cow<'a, str>,
    outlets: Vec<&'a str>,
    first: Option<&'a str>,
    last: Option<&'a str>,
    representative: String,
}

#[derive(Serialize)]
struct Index<'a> {
    title: &'a str,
    summary: Summary,
    outlets: Vec<(&'a str, usize)>,
    /// How each outlet treated the stories of the clusters shown.
    profiles: Vec<OutletProfile>,
    boilerplate: Boilerplate<'a>,
    clusters: Vec<ClusterRow<'a>>,
}

/// The boilerplate left out of the features, and the passages the page quotes.
#[derive(Serialize)]
struct Boilerplate<'a> {
    passages: usize,
    articles: usize,
    notices: &'a [QuotedNotice<'a>],
}

/// A segment for the page: sentence texts by index into the reference's and the version's
/// sentence lists, so a kept sentence is not stored twice.
#[derive(Serialize)]
struct PageSegment<'a> {
    op: Op,
    #[serde(skip_serializing_if = "Option::is_none")]
    r: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    v: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    cut: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    reworded: bool,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    changes: &'a [crate::align::Change],
}

#[derive(Serialize)]
struct PageVersion<'a> {
    id: &'a str,
    outlet: Option<&'a str>,
    published: Option<&'a str>,
    words: usize,
    kept: f32,
    reused: f32,
    verbatim: f32,
    cut_at: Option<usize>,
    counts: &'a crate::align::OpCounts,
    segments: Vec<PageSegment<'a>>,
    attributions: &'a [AttributionChange],
    added_attributions: &'a [Attribution],
    furniture: &'a crate::align::FurnitureChange,
    headline: Option<&'a crate::align::HeadlineChange>,
}

#[derive(Serialize)]
struct PageCluster<'a> {
    id: usize,
    title: Cow<'a, str>,
    reference: &'a crate::align::ReferenceSummary,
    versions: Vec<PageVersion<'a>>,
    related: Vec<PageRelated<'a>>,
}

/// An article outside the cluster that shares passages with its reference.
#[derive(Serialize)]
struct PageRelated<'a> {
    id: String,
    outlet: Option<&'a str>,
    title: Option<&'a str>,
    published: Option<&'a str>,
    /// Its cluster, when the page shows it.
    cluster: Option<usize>,
    /// Shingles it shares with the reference.
    shared: u32,
    /// The share of it found in the reference.
    in_reference: f32,
    /// The share of the reference found in it.
    of_reference: f32,
    /// A copy of the reference all the same, placed with another story.
    copy: bool,
}

/// JSON that is safe inside an HTML `<script>` block: `<`, `>` and `&` escaped as `\u00XX`
/// (they only occur inside JSON strings, where the escapes mean the same characters).
fn script_json(value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).expect("report data serializes");
    let mut out = String::with_capacity(json.len() + json.len() / 50);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn page_cluster<'a>(
    id: usize,
    title: Cow<'a, str>,
    c: &'a Comparison,
    related: Vec<PageRelated<'a>>,
) -> PageCluster<'a> {
    let versions = c
        .versions
        .iter()
        .map(|v| PageVersion {
            id: &v.id,
            outlet: v.outlet.as_deref(),
            published: v.published.as_deref(),
            words: v.words,
            kept: v.kept,
            reused: v.reused,
            verbatim: v.verbatim,
            cut_at: v.cut_at,
            counts: &v.counts,
            segments: v
                .segments
                .iter()
                .map(|s| PageSegment {
                    op: s.op,
                    r: s.reference.as_ref().map(|r| r.index),
                    // Only an added sentence needs its own text: a kept one is the reference's,
                    // a reworded one is spelled out by its changes.
                    v: s.version
                        .as_ref()
                        .filter(|_| s.op == Op::Added)
                        .map(|x| x.text.as_str()),
                    cut: s.cut,
                    reworded: s.reworded,
                    changes: &s.changes,
                })
                .collect(),
            attributions: &v.attributions,
            added_attributions: &v.added_attributions,
            furniture: &v.furniture,
            headline: v.headline.as_ref(),
        })
        .collect();
    PageCluster {
        id,
        title,
        reference: &c.reference,
        versions,
        related,
    }
}

/// A cluster's headline: its representative's `title`, or (corpora often carry none) the
/// reference's lead.
fn headline<'a>(title: Option<&'a str>, c: &Comparison) -> Cow<'a, str> {
    match (title, c.reference.sentences.first()) {
        (Some(title), _) => Cow::Borrowed(title),
        (None, Some(lead)) => Cow::Owned(crate::report::lead_as_headline(lead)),
        (None, None) => Cow::Borrowed("(no headline)"),
    }
}

/// Renders the report of `corpus` with `template` (see [`DEFAULT_TEMPLATE`]): the corpus
/// summary, the boilerplate `notices` found (from [`crate::report::quoted_notices`]), how each
/// outlet treated the stories, and the clusters of `comparisons` (all of them, or the ones
/// chosen to be shown; `story` names the article when they are that article's story alone),
/// each with the articles `related` to it (one list per comparison, from
/// [`crate::related::related`]).
#[allow(clippy::too_many_arguments)] // one page, and every argument is a part of it
pub fn render(
    corpus: &Corpus,
    dedup: &Dedup,
    comparisons: &[(usize, Comparison)],
    related: &[Vec<Related>],
    notices: &[QuotedNotice<'_>],
    story: Option<&str>,
    title: &str,
    template: &str,
) -> Result<String> {
    let articles = &corpus.articles;
    let clusters = &dedup.clustering.clusters;
    let mut outlet_counts: BTreeMap<&str, usize> = BTreeMap::new();
    for a in articles {
        *outlet_counts
            .entry(a.meta.publisher().unwrap_or("(unknown)"))
            .or_default() += 1;
    }
    let title_of = |k: usize, c| {
        let rep = &articles[clusters[k].representative as usize];
        headline(rep.meta.title.as_deref(), c)
    };
    let rows: Vec<ClusterRow> = comparisons
        .iter()
        .map(|(k, c)| {
            let members = &clusters[*k].members;
            let mut outlets: Vec<&str> = members
                .iter()
                .filter_map(|m| articles[m.doc as usize].meta.publisher())
                .collect();
            outlets.sort_unstable();
            outlets.dedup();
            let mut dates: Vec<(i64, &str)> = members
                .iter()
                .filter_map(|m| {
                    let a = &articles[m.doc as usize];
                    Some((a.published_at?, a.meta.published.as_deref()?))
                })
                .collect();
            dates.sort_unstable();
            ClusterRow {
                id: *k,
                size: members.len(),
                title: title_of(*k, c),
                outlets,
                first: dates.first().map(|d| d.1),
                last: dates.last().map(|d| d.1),
                representative: articles[clusters[*k].representative as usize]
                    .id
                    .to_string(),
            }
        })
        .collect();
    let multi = || clusters.iter().filter(|k| k.members.len() > 1);
    let in_clusters: usize = multi().map(|k| k.members.len()).sum();
    let n = articles.len();
    let index = Index {
        title,
        summary: Summary {
            articles: n,
            bad_records: corpus.bad.len(),
            clusters: multi().count(),
            shown: rows.len(),
            story: story.map(str::to_string),
            in_clusters,
            unique: clusters.len(),
            duplicate_rate: if n == 0 {
                0.0
            } else {
                (n - clusters.len()) as f64 / n as f64
            },
        },
        outlets: outlet_counts.into_iter().collect(),
        profiles: {
            let mut tally = Tally::default();
            comparisons.iter().for_each(|(_, c)| tally.add(c));
            tally.profiles()
        },
        boilerplate: Boilerplate {
            passages: dedup.boilerplate.passages(),
            articles: dedup.boilerplate.articles(),
            notices,
        },
        clusters: rows,
    };
    let shown: std::collections::HashSet<usize> = comparisons.iter().map(|(k, _)| *k).collect();
    let page_related = |list: &[Related]| -> Vec<PageRelated> {
        list.iter()
            .map(|r| {
                let a = &articles[r.doc as usize];
                let cluster = dedup.clustering.assignment[r.doc as usize] as usize;
                PageRelated {
                    id: a.id.to_string(),
                    outlet: a.meta.publisher(),
                    title: a.meta.title.as_deref(),
                    published: a.meta.published.as_deref(),
                    cluster: shown.contains(&cluster).then_some(cluster),
                    shared: r.similarity.shared,
                    in_reference: r.similarity.a_in_b,
                    of_reference: r.similarity.b_in_a,
                    copy: r.copy,
                }
            })
            .collect()
    };
    let cluster_blocks: Vec<Value> = comparisons
        .iter()
        .enumerate()
        .map(|(i, (k, c))| {
            let related = related.get(i).map_or(Vec::new(), |r| page_related(r));
            let page = page_cluster(*k, title_of(*k, c), c, related);
            minijinja::context! {
                id => k,
                json => Value::from_safe_string(script_json(&page)),
            }
        })
        .collect();
    let mut env = Environment::new();
    // The `.html` name turns on auto-escaping for everything not marked safe.
    env.add_template("report.html", template)
        .map_err(|e| Error::Config(format!("report template: {e:#}")))?;
    let tmpl = env.get_template("report.html").expect("just added");
    tmpl.render(minijinja::context! {
        title => title,
        index_json => Value::from_safe_string(script_json(&index)),
        clusters => cluster_blocks,
    })
    .map_err(|e| Error::Config(format!("report template: {e:#}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_a_script_block() {
        let s = script_json(
            &serde_json::json!({"text": "</script><img src=x onerror=alert(1)> & \u{2028}"}),
        );
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(
            back["text"],
            "</script><img src=x onerror=alert(1)> & \u{2028}"
        );
    }
}
