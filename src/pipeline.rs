//! Pipeline: the one place that knows the order of the stages.
//!
//! [`analyze`] runs normalize -> shingle -> fingerprint on one text. [`Corpus::read`] streams the
//! inputs through ingest and analysis, a batch at a time, in parallel over the articles of a
//! batch (reading, analysis and keeping each on a thread of their own), keeping only what
//! clustering needs (metadata, and features in a [`FeatureStore`]), never the texts. [`Corpus::dedup`] builds the candidate index and clusters. Every result is in
//! input order, whatever the thread count.

use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;

use crate::boilerplate::{self, Passage};
use crate::candidates::{CandidateParams, Index};
use crate::cluster::{self, Clustering, Item, Keep};
use crate::error::Result;
use crate::fingerprint::{self, Fingerprint};
use crate::ingest::{self, ArticleId, BadRecord, Batch, Cache, Meta, Origin, Raw, Source};
use crate::normalize;
use crate::shingle::{self, ShingleSet};
use crate::store::{self, FeatureStore, Spill, StoreBuilder, Values, ValuesBuilder};
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
    /// Whether features are spilled to temporary files.
    pub spill: Spill,
    /// Where spilled features go (the system's temporary folder when `None`).
    pub spill_dir: Option<std::path::PathBuf>,
    /// In how many articles one outlet must repeat a passage for it to be boilerplate (below
    /// 2: never); see [`boilerplate`].
    pub boilerplate: usize,
}

impl Settings {
    /// Where spilled data goes: `spill_dir`, or the system's temporary folder.
    pub fn spill_dir_or_temp(&self) -> std::path::PathBuf {
        self.spill_dir.clone().unwrap_or_else(std::env::temp_dir)
    }
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
            spill: Spill::Auto,
            spill_dir: None,
            boilerplate: boilerplate::DEFAULT_MIN_ARTICLES,
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
    set: shingle::SetScratch,
    anchors: Vec<u32>,
    spare: Vec<u32>,
    /// Where each paragraph of the story body starts in `tokens`.
    paragraph_starts: Vec<u32>,
}

/// Normalizes, shingles and fingerprints one text.
pub fn analyze(text: &str, settings: &Settings, scratch: &mut Scratch) -> Features {
    let (mut set, mut anchors) = (Vec::new(), Vec::new());
    let (words, simhash) = analyze_into(text, settings, scratch, &mut set, &mut anchors);
    Features {
        words,
        shingles: ShingleSet::from_packed(set),
        simhash,
        anchors: anchors.into(),
    }
}

/// [`analyze`], appending the packed shingle set to `set` and the anchors to `anchors` rather
/// than allocating them; returns the word count and the simhash.
pub fn analyze_into(
    text: &str,
    settings: &Settings,
    scratch: &mut Scratch,
    set: &mut Vec<u8>,
    anchors: &mut Vec<u32>,
) -> (u32, Fingerprint) {
    scratch.tokens.clear();
    scratch.paragraph_starts.clear();
    let (tokens, starts) = (&mut scratch.tokens, &mut scratch.paragraph_starts);
    let words = normalize::for_each_token_of_parts(normalize::story_body(text), |part, h| {
        // A paragraph with no words starts where the next one does.
        while starts.len() <= part {
            starts.push(tokens.len() as u32);
        }
        tokens.push(h);
    });
    shingle::shingles_into(
        &scratch.tokens,
        settings.shingle_words,
        &mut scratch.shingles,
    );
    let simhash = fingerprint::simhash(&scratch.shingles);
    fingerprint::anchors(
        &scratch.shingles,
        settings.window,
        &mut scratch.spare,
        &mut scratch.anchors,
    );
    anchors.extend_from_slice(&scratch.anchors);
    shingle::pack_hashes_into(&scratch.shingles, &mut scratch.set, set);
    (words.min(u32::MAX as usize) as u32, simhash)
}

/// About how many bytes of text `sources` hold (gzip, zstd and Parquet counted at four times their size; stdin,
/// unknown, as nothing).
fn text_bytes_estimate(sources: &[Source]) -> u64 {
    sources
        .iter()
        .filter(|s| s.kind != ingest::SourceKind::Stdin)
        .filter_map(|s| {
            let len = std::fs::metadata(&s.path).ok()?.len();
            let packed = s
                .path
                .extension()
                .is_some_and(|e| e == "gz" || e == "zst" || e == "parquet");
            Some(if packed { len.saturating_mul(4) } else { len })
        })
        .sum()
}

/// Parses and analyzes the records of a batch, in parallel over runs of records, each run
/// packing its features into buffers of its own (no allocation per article).
fn analyze_batch(batch: &Batch, sources: &[Source], settings: &Settings) -> Vec<Run> {
    (0..batch.len().div_ceil(RUN))
        .into_par_iter()
        .map_init(Scratch::default, |scratch, run| {
            let raws = (run * RUN..batch.len().min((run + 1) * RUN)).map(|i| batch.get(i));
            Run::analyze(raws, sources, settings, scratch)
        })
        .collect()
}

/// Records analyzed together by one worker.
const RUN: usize = 64;

/// A record with its text analyzed and dropped.
struct Head {
    id: ArticleId,
    id_hash: u64,
    meta: Meta,
    text_bytes: u64,
}

/// A run of records, analyzed: each good record's head, and its features packed into buffers
/// shared by the run (the `k`th good record's set is `sets[set_ends[k]..set_ends[k + 1]]`).
#[derive(Default)]
struct Run {
    records: Vec<(Origin, std::result::Result<Head, BadRecord>)>,
    words: Vec<u32>,
    simhashes: Vec<Fingerprint>,
    sets: Vec<u8>,
    set_ends: Vec<usize>,
    anchors: Vec<u32>,
    anchor_ends: Vec<usize>,
    /// Each good record's edge passages (key and words), when it has a publisher.
    passages: Vec<(u64, u32)>,
    passage_ends: Vec<usize>,
}

impl Run {
    fn analyze<'a>(
        raws: impl Iterator<Item = Raw<'a>>,
        sources: &[Source],
        settings: &Settings,
        scratch: &mut Scratch,
    ) -> Run {
        let mut run = Run {
            set_ends: vec![0],
            anchor_ends: vec![0],
            passage_ends: vec![0],
            ..Run::default()
        };
        for raw in raws {
            let origin = raw.origin();
            let result = match raw {
                Raw::Record { origin, bytes } => {
                    let source = &sources[origin.source as usize];
                    ingest::parse(source, origin, bytes).map(|r| {
                        let (words, simhash) = analyze_into(
                            &r.text,
                            settings,
                            scratch,
                            &mut run.sets,
                            &mut run.anchors,
                        );
                        run.words.push(words);
                        run.simhashes.push(simhash);
                        run.set_ends.push(run.sets.len());
                        run.anchor_ends.push(run.anchors.len());
                        if let Some(publisher) = r.meta.publisher()
                            && settings.boilerplate >= 2
                        {
                            boilerplate::edge_passages(
                                publisher,
                                &scratch.tokens,
                                &scratch.paragraph_starts,
                                |key, words| run.passages.push((key, words)),
                            );
                        }
                        run.passage_ends.push(run.passages.len());
                        Head {
                            id_hash: r.id.stable_hash(),
                            id: r.id,
                            meta: r.meta,
                            text_bytes: r.text.len() as u64,
                        }
                    })
                }
                Raw::Unreadable { origin, problem } => Err(BadRecord {
                    file: sources[origin.source as usize].name.clone(),
                    line: origin.line,
                    problem: problem.to_string(),
                }),
            };
            run.records.push((origin, result));
        }
        run
    }
}

/// Ids seen so far, by hash, with the first article holding each; the ids themselves are
/// compared only when two hashes meet, and no copy of any id is kept.
#[derive(Default)]
struct IdSet {
    first: rustc_hash::FxHashMap<u64, u32>,
    /// Articles whose different id has the hash of an earlier one (64-bit collisions).
    collided: Vec<u32>,
}

impl IdSet {
    /// False when `id` (of hash `hash`) was seen before.
    fn is_new(&self, hash: u64, id: &ArticleId, articles: &[Article]) -> bool {
        let Some(&first) = self.first.get(&hash) else {
            return true;
        };
        std::iter::once(&first)
            .chain(&self.collided)
            .all(|&a| articles[a as usize].id != *id)
    }

    /// Notes that article `index` holds the id of hash `hash` (after [`IdSet::is_new`]).
    fn record(&mut self, hash: u64, index: usize) {
        match self.first.entry(hash) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(index as u32);
            }
            std::collections::hash_map::Entry::Occupied(_) => self.collided.push(index as u32),
        }
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
    /// Finding and stripping boilerplate.
    pub boilerplate: Duration,
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
    /// What clustering needs of each good record, by the same index.
    pub features: FeatureStore,
    /// Bad records, in input order.
    pub bad: Vec<BadRecord>,
    /// Notes on good records (empty texts, unreadable dates), in input order.
    pub warnings: Vec<Warning>,
    /// The long paragraphs at the top and bottom of articles with a publisher (an outlet, or a
    /// url's host: [`Meta::publisher`]), for
    /// [`boilerplate::strip`], kept (or spilled) as the features are; [`Corpus::dedup`] takes
    /// them.
    pub passages: Values<Passage>,
    /// How many of the first `sources` are the archive the others are checked against
    /// (`dedup --against`): their articles are clustered with the rest but reported only as
    /// the copies the others have there.
    pub archive_sources: usize,
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
    /// Anchors held by more than `max_postings` copies of one story, searched through a few.
    pub flood_anchors: usize,
    /// Boilerplate found, and how many articles it was left out of.
    pub boilerplate: boilerplate::Stripped,
}

impl Corpus {
    /// Whether article `doc` comes from the archive (see [`Corpus::archive_sources`]).
    pub fn is_archive(&self, doc: u32) -> bool {
        (self.articles[doc as usize].origin.source as usize) < self.archive_sources
    }

    /// Reads and analyzes every source. `progress` is called after each batch with the bytes
    /// and records done so far.
    pub fn read(
        sources: Vec<Source>,
        settings: &Settings,
        progress: impl FnMut(u64, usize),
    ) -> Result<Corpus> {
        Corpus::read_against(0, sources, settings, progress)
    }

    /// [`Corpus::read`], the first `archive_sources` of `sources` being an archive the others
    /// are checked against ([`Corpus::archive_sources`]). Ids must be unique within the archive
    /// and within the others; an input may share its id with an archive record (the same
    /// article, fetched again).
    pub fn read_against(
        archive_sources: usize,
        sources: Vec<Source>,
        settings: &Settings,
        mut progress: impl FnMut(u64, usize),
    ) -> Result<Corpus> {
        let started = Instant::now();
        let spill = settings
            .spill
            .decide(text_bytes_estimate(&sources), store::available_memory());
        let spill_dir = settings.spill_dir_or_temp();
        let mut store = StoreBuilder::new(spill.then_some(spill_dir.as_path()))?;
        let mut passages = ValuesBuilder::new(spill.then_some(spill_dir.as_path()))?;
        let mut corpus = Corpus {
            sources,
            archive_sources,
            ..Corpus::default()
        };
        // Ids seen in the archive, and in the other inputs.
        let mut seen = [IdSet::default(), IdSet::default()];
        // Three stages, each on its own thread, so none waits for another: reading and
        // splitting records; analysis, in parallel over the records of a batch; and keeping
        // the results, in input order (ids checked, features stored).
        let (raw_tx, raw_rx) = std::sync::mpsc::sync_channel::<Batch>(2);
        let (run_tx, run_rx) = std::sync::mpsc::sync_channel::<Vec<Run>>(2);
        // Analysed batches go back to the reader to be filled again.
        let (spare_tx, spare_rx) = std::sync::mpsc::sync_channel::<Batch>(1);
        let sources = corpus.sources.clone();
        let batch_bytes = settings.batch_bytes;
        std::thread::scope(|scope| -> Result<()> {
            let sources = &sources;
            // A corpus whose features are spilled is too big to stay cached beside them: its
            // pages are dropped as it is read, so that the features' stay.
            let cache = Cache::for_spilled(spill);
            let reader = scope.spawn(move || {
                ingest::read_batches_with(sources, batch_bytes, cache, Some(&spare_rx), |batch| {
                    // A closed channel means the consumer stopped; stop reading quietly.
                    let _ = raw_tx.send(batch);
                    Ok::<(), crate::error::Error>(())
                })
            });
            scope.spawn(move || {
                for mut batch in raw_rx {
                    if run_tx
                        .send(analyze_batch(&batch, sources, settings))
                        .is_err()
                    {
                        break;
                    }
                    // When the reader has a spare already, this one is freed.
                    batch.clear();
                    let _ = spare_tx.try_send(batch);
                }
            });
            for runs in run_rx {
                corpus.keep(runs, &mut seen, &mut store, &mut passages)?;
                progress(corpus.bytes, corpus.articles.len() + corpus.bad.len());
            }
            reader.join().expect("the reader thread does not panic")
        })?;
        corpus.features = store.finish()?;
        corpus.passages = passages.finish()?;
        corpus.timings.read_and_fingerprint = started.elapsed();
        Ok(corpus)
    }

    /// Keeps the analyzed records of one batch, in order.
    fn keep(
        &mut self,
        runs: Vec<Run>,
        seen: &mut [IdSet; 2],
        store: &mut StoreBuilder,
        passages: &mut ValuesBuilder<Passage>,
    ) -> Result<()> {
        let mut kept = Vec::new();
        for run in runs {
            let mut good = 0;
            for (origin, result) in run.records {
                let head = match result {
                    Err(bad) => {
                        self.bad.push(bad);
                        continue;
                    }
                    Ok(head) => head,
                };
                let k = good;
                good += 1;
                let file = &self.sources[origin.source as usize].name;
                let seen = &mut seen[usize::from(origin.source as usize >= self.archive_sources)];
                if !seen.is_new(head.id_hash, &head.id, &self.articles) {
                    self.bad.push(BadRecord {
                        file: file.clone(),
                        line: origin.line,
                        problem: format!(
                            "duplicate id {} (the first record with it is kept)",
                            serde_json::to_string(&head.id).unwrap_or_default()
                        ),
                    });
                    continue;
                }
                self.bytes += head.text_bytes;
                if run.words[k] == 0 {
                    let note = "text has no words; kept as an article of its own".to_string();
                    self.warnings.push(Warning {
                        file: file.clone(),
                        line: origin.line,
                        note,
                    });
                }
                let published_at = head
                    .meta
                    .published
                    .as_deref()
                    .and_then(ingest::published_seconds);
                if let (Some(p), None) = (&head.meta.published, published_at) {
                    let note = format!(
                        "`published` {p:?} is not an RFC 3339 or RFC 2822 date or date-time; ignored for ordering"
                    );
                    self.warnings.push(Warning {
                        file: file.clone(),
                        line: origin.line,
                        note,
                    });
                }
                seen.record(head.id_hash, self.articles.len());
                let doc = self.articles.len() as u32;
                kept.extend(
                    run.passages[run.passage_ends[k]..run.passage_ends[k + 1]]
                        .iter()
                        .map(|&(key, words)| Passage { key, doc, words }),
                );
                store.push(
                    run.words[k],
                    run.simhashes[k],
                    &run.sets[run.set_ends[k]..run.set_ends[k + 1]],
                    &run.anchors[run.anchor_ends[k]..run.anchor_ends[k + 1]],
                )?;
                self.articles.push(Article {
                    id: head.id,
                    meta: head.meta,
                    published_at,
                    origin,
                });
            }
        }
        passages.extend(&kept)
    }

    /// Leaves boilerplate out of the features (once: the passages are taken), then finds and
    /// clusters the copies.
    pub fn dedup(&mut self, settings: &Settings) -> Dedup {
        let started = Instant::now();
        let stripped = boilerplate::strip(
            std::mem::take(&mut self.passages).as_mut_slice(),
            &mut self.features,
            settings.shingle_words,
            settings.boilerplate,
        );
        self.timings.boilerplate = started.elapsed();
        let started = Instant::now();
        let store = &self.features;
        let items: Vec<Item> = self
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| Item {
                shingles: store.set(i),
                anchors: store.anchors(i),
                simhash: store.simhashes()[i],
                published: a.published_at,
            })
            .collect();
        // Articles with no words pair with nothing, and exact copies follow their original:
        // neither is indexed.
        let copies = cluster::exact_copies(&items);
        let indexed = cluster::to_index(&items, &copies);
        let anchors: Vec<&[u32]> = items.iter().map(|it| it.anchors).collect();
        let order = cluster::visiting_order(&items, &copies);
        let rank = cluster::visit_ranks(&order, items.len());
        let index = Index::build_only(
            store.simhashes(),
            &anchors,
            settings.candidates.clone(),
            &indexed,
            &rank,
        );
        drop((anchors, indexed, rank));
        self.timings.index = started.elapsed();
        let started = Instant::now();
        let clustering = cluster::cluster(
            &items,
            &index,
            &copies,
            &order,
            &settings.thresholds,
            settings.keep,
        );
        self.timings.cluster = started.elapsed();
        Dedup {
            clustering,
            skipped_anchors: index.skipped_keys(),
            flood_anchors: index.flood_keys(),
            boilerplate: stripped,
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

    #[test]
    fn versions_two_words_apart_have_simhashes_a_few_bits_apart() {
        // Simhash finds near-copies only within 3 bits, so how far two words move it depends on
        // the shingle hash: one that looked fine on every clustering score (a fold of the token
        // hashes) put versions like these 7-8 bits apart, where XXH3 puts them 4-5 apart.
        let (mut out, mut labels) = (Vec::new(), Vec::new());
        let params = crate::generate::GenParams {
            articles: 5,
            ..Default::default()
        };
        crate::generate::generate(&params, &mut out, &mut labels).unwrap();
        let mut medians = Vec::new();
        for line in String::from_utf8(out).unwrap().lines() {
            let record: serde_json::Value = serde_json::from_str(line).unwrap();
            let words: Vec<&str> = record["text"].as_str().unwrap().split(' ').collect();
            let mut state = 0x9e37_79b9_7f4a_7c15u64;
            let mut next = |n: usize| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                (state >> 33) as usize % n
            };
            let hashes: Vec<u64> = (0..60)
                .map(|v| {
                    let mut w: Vec<String> = words.iter().map(|s| s.to_string()).collect();
                    for k in 0..2 {
                        let at = next(w.len());
                        w[at] = format!("zq{v}x{k}");
                    }
                    features(&w.join(" ")).simhash.0
                })
                .collect();
            let mut d: Vec<u32> = (0..60)
                .flat_map(|i| (i + 1..60).map(move |j| (i, j)))
                .map(|(i, j)| (hashes[i] ^ hashes[j]).count_ones())
                .collect();
            d.sort_unstable();
            medians.push(d[d.len() / 2]);
        }
        medians.sort_unstable();
        // Measured: medians 4, 4, 5, 5, 5 bits with XXH3; 5, 7, 8, 8, 8 with the fold.
        assert!(medians[2] <= 6, "median distances per article: {medians:?}");
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
        let s = Similarity::of(a.shingles.view(), b.shingles.view());
        assert_eq!(s.a_in_b, 1.0);
        assert!(a.anchors.iter().any(|x| b.anchors.contains(x)));
    }

    #[test]
    fn a_story_with_more_copies_than_max_postings_is_one_cluster() {
        // A 40-sentence story and 80 versions, each keeping a different half of its sentences
        // and adding two of its own: far apart in simhash, so only anchors bring them together,
        // and every anchor of the story is held by more articles than `max_postings`.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let mut sentence = |_| {
            (0..12)
                .map(|_| format!("w{}", next(5000)))
                .collect::<Vec<_>>()
                .join(" ")
                + "."
        };
        let story: Vec<String> = (0..40).map(&mut sentence).collect();
        let mut texts = vec![story.join(" ")];
        for v in 0..80 {
            let mut kept: Vec<String> = story
                .iter()
                .enumerate()
                .filter(|(i, _)| (i * 7 + v * 13) % 40 < 20 || *i < 2)
                .map(|(_, s)| s.clone())
                .collect();
            kept.push(format!("local{v} news for our readers today."));
            texts.push(kept.join(" "));
        }
        let mut settings = Settings::default();
        settings.candidates.max_postings = 20;
        let (_dir, _corpus, dedup) = crate::testing::clustered(&texts, &settings);
        assert!(dedup.flood_anchors > 0 && dedup.skipped_anchors == 0);
        let clusters = &dedup.clustering.clusters;
        assert_eq!(clusters.len(), 1, "{} clusters", clusters.len());
        assert_eq!(
            clusters[0].representative, 0,
            "the full story represents it"
        );
    }

    fn article(id: &str) -> Article {
        Article {
            id: ArticleId::Text(id.into()),
            meta: Meta::default(),
            published_at: None,
            origin: Origin { source: 0, line: 1 },
        }
    }

    #[test]
    fn ids_with_the_same_hash_are_told_apart_by_the_id_itself() {
        // Two different ids forced onto one hash (a 64-bit collision), then a true duplicate.
        let (a, b) = (article("a"), article("b"));
        let mut seen = IdSet::default();
        let mut kept = Vec::new();
        assert!(seen.is_new(7, &a.id, &kept));
        seen.record(7, kept.len());
        kept.push(a.clone());
        assert!(
            seen.is_new(7, &b.id, &kept),
            "a colliding hash is not a duplicate"
        );
        seen.record(7, kept.len());
        kept.push(b.clone());
        assert!(!seen.is_new(7, &a.id, &kept));
        assert!(
            !seen.is_new(7, &b.id, &kept),
            "the second holder of a hash is found too"
        );
        assert!(
            seen.is_new(8, &b.id, &kept),
            "only the hash's holders are compared"
        );
    }

    #[test]
    fn empty_text_has_empty_features() {
        let f = features("");
        assert_eq!(f.words, 0);
        assert!(f.shingles.is_empty() && f.anchors.is_empty());
    }
}
