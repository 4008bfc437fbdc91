//! Pipeline: the one place that knows the order of the stages.
//!
//! [`analyze`] runs normalize -> shingle -> fingerprint on one text. [`Corpus::read`] streams the
//! inputs through ingest and analysis, a batch at a time, in parallel over the articles of a
//! batch, keeping only what clustering needs (shingle set, simhash, anchors, metadata), never
//! the texts. [`Corpus::dedup`] builds the candidate index and clusters. Every result is in
//! input order, whatever the thread count.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;

use crate::candidates::{CandidateParams, Index};
use crate::cluster::{self, Clustering, Item, Keep};
use crate::error::Result;
use crate::fingerprint::{self, Fingerprint};
use crate::ingest::{self, ArticleId, BadRecord, Meta, Origin, Raw, Source};
use crate::normalize;
use crate::shingle::{self, ShingleSet};
use crate::verify::Thresholds;

/// Every tunable of a run, with the measured defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Words per shingle.
    pub shingle_words: usize,
    /// Winnowing window, in shingles.
    pub window: usize,
    /// How candidates are found.
    pub candidates: CandidateParams,
    /// What a duplicate is.
    pub thresholds: Thresholds,
    /// Who represents a cluster.
    pub keep: Keep,
    /// Raw bytes read per batch.
    pub batch_bytes: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            shingle_words: shingle::DEFAULT_K,
            window: fingerprint::DEFAULT_WINDOW,
            candidates: CandidateParams::default(),
            thresholds: Thresholds::default(),
            keep: Keep::Best,
            batch_bytes: 16 << 20,
        }
    }
}

/// What the later stages need of one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Features {
    /// Words in the story body.
    pub words: u32,
    /// The exact shingle set.
    pub shingles: ShingleSet,
    /// Primary fingerprint.
    pub simhash: Fingerprint,
    /// Winnowed anchors.
    pub anchors: Box<[u32]>,
}

/// Per-thread buffers reused between texts, so analysis allocates only its results.
#[derive(Default)]
pub struct Scratch {
    tokens: Vec<u64>,
    shingles: Vec<u64>,
    set: Vec<u32>,
    anchors: Vec<u32>,
}

/// Normalizes, shingles and fingerprints one text.
pub fn analyze(text: &str, settings: &Settings, scratch: &mut Scratch) -> Features {
    scratch.tokens.clear();
    let words = normalize::for_each_token(normalize::story_body(text), |h| scratch.tokens.push(h));
    shingle::shingles_into(
        &scratch.tokens,
        settings.shingle_words,
        &mut scratch.shingles,
    );
    let simhash = fingerprint::simhash(scratch.shingles.iter().copied());
    fingerprint::anchors(&scratch.shingles, settings.window, &mut scratch.anchors);
    Features {
        words: words.min(u32::MAX as usize) as u32,
        shingles: ShingleSet::from_hashes(&scratch.shingles, &mut scratch.set),
        simhash,
        anchors: scratch.anchors.as_slice().into(),
    }
}

/// A good record, as kept for the run.
#[derive(Clone, Debug)]
pub struct Article {
    /// Its id, as given.
    pub id: ArticleId,
    /// Metadata.
    pub meta: Meta,
    /// `published` in seconds, when readable.
    pub published_at: Option<i64>,
    /// Where it was read.
    pub origin: Origin,
    /// What clustering needs.
    pub features: Features,
}

/// Something worth telling about a good record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// File.
    pub file: String,
    /// Line.
    pub line: u64,
    /// What is odd, and what was done.
    pub note: String,
}

/// Time spent per stage.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Timings {
    /// Reading, parsing, normalizing, shingling, fingerprinting (overlapped).
    pub read_and_fingerprint: Duration,
    /// Building the candidate index.
    pub index: Duration,
    /// Candidate search, verification and clustering.
    pub cluster: Duration,
}

/// An ingested corpus: every good record analyzed, every bad record reported.
#[derive(Debug, Default)]
pub struct Corpus {
    /// The sources read.
    pub sources: Vec<Source>,
    /// Good records, in input order.
    pub articles: Vec<Article>,
    /// Bad records, in input order.
    pub bad: Vec<BadRecord>,
    /// Notes on good records (empty texts, unreadable dates), in input order.
    pub warnings: Vec<Warning>,
    /// Bytes of input read (after decompression).
    pub bytes: u64,
    /// Stage timings.
    pub timings: Timings,
}

/// A clustered corpus.
#[derive(Debug)]
pub struct Dedup {
    /// The clusters.
    pub clustering: Clustering,
    /// Anchors skipped as stock phrases.
    pub skipped_anchors: usize,
}

impl Corpus {
    /// Reads and analyzes every source. `progress` is called after each batch with the bytes
    /// and records done so far.
    pub fn read(
        sources: Vec<Source>,
        settings: &Settings,
        mut progress: impl FnMut(u64, usize),
    ) -> Result<Corpus> {
        let started = Instant::now();
        let mut corpus = Corpus {
            sources,
            ..Corpus::default()
        };
        let mut seen: HashSet<ArticleId> = HashSet::new();
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Raw>>(2);
        let sources = corpus.sources.clone();
        let batch_bytes = settings.batch_bytes;
        std::thread::scope(|scope| -> Result<()> {
            let reader = scope.spawn(move || {
                ingest::read_batches(&sources, batch_bytes, |batch| {
                    // A closed channel means the consumer stopped; stop reading quietly.
                    let _ = tx.send(batch);
                    Ok::<(), crate::error::Error>(())
                })
            });
            for batch in rx {
                corpus.take_batch(batch, settings, &mut seen);
                progress(corpus.bytes, corpus.articles.len() + corpus.bad.len());
            }
            reader.join().expect("the reader thread does not panic")
        })?;
        corpus.timings.read_and_fingerprint = started.elapsed();
        Ok(corpus)
    }

    fn take_batch(&mut self, batch: Vec<Raw>, settings: &Settings, seen: &mut HashSet<ArticleId>) {
        let sources = &self.sources;
        type Parsed = (
            Origin,
            std::result::Result<(ingest::Record, Features), BadRecord>,
        );
        let parsed: Vec<Parsed> = batch
            .into_par_iter()
            .map_init(Scratch::default, |scratch, raw| match raw {
                Raw::Record { origin, bytes } => {
                    let source = &sources[origin.source as usize];
                    (
                        origin,
                        ingest::parse(source, origin, bytes).map(|r| {
                            let f = analyze(&r.text, settings, scratch);
                            (r, f)
                        }),
                    )
                }
                Raw::Unreadable { origin, problem } => {
                    let file = sources[origin.source as usize].name.clone();
                    (
                        origin,
                        Err(BadRecord {
                            file,
                            line: origin.line,
                            problem,
                        }),
                    )
                }
            })
            .collect();
        for (origin, result) in parsed {
            match result {
                Err(bad) => self.bad.push(bad),
                Ok((record, features)) => {
                    let file = &self.sources[origin.source as usize].name;
                    if !seen.insert(record.id.clone()) {
                        self.bad.push(BadRecord {
                            file: file.clone(),
                            line: origin.line,
                            problem: format!(
                                "duplicate id {} (the first record with it is kept)",
                                serde_json::to_string(&record.id).unwrap_or_default()
                            ),
                        });
                        continue;
                    }
                    self.bytes += record.text.len() as u64;
                    if features.words == 0 {
                        let note = "text has no words; kept as an article of its own".to_string();
                        self.warnings.push(Warning {
                            file: file.clone(),
                            line: origin.line,
                            note,
                        });
                    }
                    let published_at = record
                        .meta
                        .published
                        .as_deref()
                        .and_then(ingest::published_seconds);
                    if let (Some(p), None) = (&record.meta.published, published_at) {
                        let note = format!(
                            "`published` {p:?} is not an RFC 3339 date or date-time; ignored for ordering"
                        );
                        self.warnings.push(Warning {
                            file: file.clone(),
                            line: origin.line,
                            note,
                        });
                    }
                    self.articles.push(Article {
                        id: record.id,
                        meta: record.meta,
                        published_at,
                        origin,
                        features,
                    });
                }
            }
        }
    }

    /// Finds and clusters the copies.
    pub fn dedup(&mut self, settings: &Settings) -> Dedup {
        let started = Instant::now();
        let fingerprints: Vec<Fingerprint> =
            self.articles.iter().map(|a| a.features.simhash).collect();
        let anchors: Vec<&[u32]> = self.articles.iter().map(|a| &*a.features.anchors).collect();
        let index = Index::build(&fingerprints, &anchors, settings.candidates.clone());
        self.timings.index = started.elapsed();
        let started = Instant::now();
        let items: Vec<Item> = self
            .articles
            .iter()
            .map(|a| Item {
                shingles: &a.features.shingles,
                anchors: &a.features.anchors,
                published: a.published_at,
            })
            .collect();
        let clustering = cluster::cluster(&items, &index, &settings.thresholds, settings.keep);
        self.timings.cluster = started.elapsed();
        Dedup {
            clustering,
            skipped_anchors: index.skipped_keys(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::Similarity;

    fn features(text: &str) -> Features {
        analyze(text, &Settings::default(), &mut Scratch::default())
    }

    const STORY: &str = "The central bank raised its main interest rate by half a point on Thursday, \
        the largest increase in two decades, as policymakers sought to cool prices that have risen \
        faster than wages for a year. The governor told reporters the bank would act again if \
        inflation stayed high through the winter months. Markets had expected a smaller move, and \
        the currency rose sharply against the dollar after the announcement was made public.";

    #[test]
    fn dateline_and_footer_do_not_change_the_features() {
        let dressed = format!(
            "LONDON, May 5 (Reuters) - {STORY}\n(Reporting by A. Writer; Editing by B. Editor)"
        );
        assert_eq!(features(&dressed), features(STORY));
    }

    #[test]
    fn a_trimmed_excerpt_is_contained_in_the_story() {
        let excerpt: String = STORY
            .split_whitespace()
            .take(25)
            .collect::<Vec<_>>()
            .join(" ");
        let (a, b) = (features(&excerpt), features(STORY));
        let s = Similarity::of(&a.shingles, &b.shingles);
        assert_eq!(s.a_in_b, 1.0);
        assert!(a.anchors.iter().any(|x| b.anchors.contains(x)));
    }

    #[test]
    fn empty_text_has_empty_features() {
        let f = features("");
        assert_eq!(f.words, 0);
        assert!(f.shingles.is_empty() && f.anchors.is_empty());
    }
}
