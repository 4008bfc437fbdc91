//! Candidates: find the articles that might be copies of a given one, without comparing all pairs.
//!
//! [`Index`] holds two sorted tables built once over the corpus:
//! - **Simhash blocks** (Manku, Jain, Das Sarma 2007): the 64 bits cut into four 16-bit blocks;
//!   two fingerprints within 3 bits of each other agree on at least one whole block, so looking
//!   up the four blocks of an article finds every fingerprint within `max_distance <= 3`.
//! - **Anchor postings**: for every winnowed anchor, the articles that have it. Articles sharing
//!   `min_shared_anchors` anchors are candidates: this finds trimmed excerpts and reworded copies
//!   that the simhash misses. An anchor found in more than `max_postings` articles is boilerplate
//!   or a stock phrase, not evidence of copying, and is skipped (the count is reported); unless
//!   those articles are copies of one story (a story republished thousands of times): then a
//!   few of them, the first the clustering visits, are the anchor's hubs. A hub is proposed
//!   every article holding the anchor, and every other article only the hubs: linear work, and
//!   the first centre of the story still meets all its copies.
//!
//! Both tables are flat vectors with a directory in front (no hash maps): built by a counting
//! sort and a parallel sort, deterministic, about 4 bytes per entry plus the directories. This module proposes; it never decides (see [`crate::verify`]).

use rayon::prelude::*;

use crate::fingerprint::Fingerprint;
use crate::shingle::intersection_len_sorted;

/// How candidates are found.
#[derive(Clone, Debug, PartialEq)]
pub struct CandidateParams {
    /// Largest simhash distance that makes a candidate (0 to 3: the block tables guarantee it).
    pub max_distance: u32,
    /// Anchors two articles must share to be candidates (fewer when an article has fewer).
    pub min_shared_anchors: usize,
    /// Anchors found in more articles than this are skipped as stock phrases.
    pub max_postings: usize,
}

impl Default for CandidateParams {
    fn default() -> Self {
        CandidateParams {
            max_distance: 3,
            min_shared_anchors: 2,
            max_postings: 1000,
        }
    }
}

/// Hubs of an over-full anchor whose articles are copies of one story: the articles holding it
/// that are visited first. They are proposed every article holding the anchor; the others only
/// the hubs.
const FLOOD_HUBS: usize = 8;

/// Articles, spread through an over-full anchor's list, checked against its first to tell a
/// story's copies from different stories sharing a phrase.
const FLOOD_SAMPLES: usize = 8;

/// A proposed pair, seen from one article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The other article.
    pub doc: u32,
    /// Anchors the two share.
    pub shared_anchors: u32,
    /// Simhash distance.
    pub distance: u32,
}

const BLOCKS: usize = 4;

#[inline]
fn block(fp: Fingerprint, b: usize) -> u16 {
    (fp.0 >> (16 * b)) as u16
}

/// One simhash block table: the articles grouped by the value of one 16-bit block, found by
/// direct lookup (`starts[v]..starts[v + 1]`) rather than a search. Each entry carries its
/// fingerprint, so measuring the distance reads on through the table instead of jumping into
/// the fingerprint array (those jumps were a fifth of candidate search at 1M articles).
#[derive(Debug, Default)]
struct BlockTable {
    starts: Vec<u32>,
    docs: Vec<u32>,
    fingerprints: Vec<Fingerprint>,
}

impl BlockTable {
    /// Counting sort by block value of the articles `indexed` says: linear, and docs stay in
    /// input order within a value.
    fn build(fingerprints: &[Fingerprint], b: usize, scope: Scope) -> BlockTable {
        let mut starts = vec![0u32; (1 << 16) + 1];
        let included = || {
            fingerprints
                .iter()
                .enumerate()
                .filter(|&(d, _)| scope.has(d))
        };
        for (_, fp) in included() {
            starts[block(*fp, b) as usize + 1] += 1;
        }
        for v in 0..1 << 16 {
            starts[v + 1] += starts[v];
        }
        let mut next = starts.clone();
        let entries = starts[1 << 16] as usize;
        let mut docs = vec![0u32; entries];
        let mut fps = vec![Fingerprint(0); entries];
        for (d, fp) in included() {
            let slot = &mut next[block(*fp, b) as usize];
            docs[*slot as usize] = d as u32;
            fps[*slot as usize] = *fp;
            *slot += 1;
        }
        BlockTable {
            starts,
            docs,
            fingerprints: fps,
        }
    }

    /// The articles whose block is `value`, and their fingerprints (side by side).
    fn get(&self, value: u16) -> (&[u32], &[Fingerprint]) {
        let v = value as usize;
        let range = self.starts[v] as usize..self.starts[v + 1] as usize;
        (&self.docs[range.clone()], &self.fingerprints[range])
    }
}

/// Calls `found(i, distance)` for every `fingerprints[i]` within `max_distance` bits of `fp`,
/// in order.
///
/// This scan is most of a simhash lookup: a block value is shared by N / 65,536 articles, ~150
/// at 10M, nearly all of them far. With AVX-512 VPOPCNTDQ (checked at run time) eight
/// fingerprints are measured at once; otherwise one at a time, with the `popcnt` instruction when
/// the processor has it (the default x86-64 target counts bits in about a dozen instructions).
fn for_each_within(
    fingerprints: &[Fingerprint],
    fp: Fingerprint,
    max_distance: u32,
    mut found: impl FnMut(usize, u32),
) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512vpopcntdq") {
            // SAFETY: AVX-512 F and VPOPCNTDQ are available, checked just above (VPOPCNTDQ
            // implies F).
            return unsafe { x86::within_avx512(fingerprints, fp, max_distance, &mut found) };
        }
        if std::arch::is_x86_feature_detected!("popcnt") {
            // SAFETY: `popcnt` is available, checked just above.
            return unsafe { x86::within_popcnt(fingerprints, fp, max_distance, &mut found) };
        }
    }
    within_scalar(fingerprints, fp, max_distance, &mut found)
}

/// [`for_each_within`] one fingerprint at a time, compiled for whatever `count_ones` becomes.
#[inline(always)]
fn within_scalar(
    fingerprints: &[Fingerprint],
    fp: Fingerprint,
    max_distance: u32,
    found: &mut impl FnMut(usize, u32),
) {
    for (i, other) in fingerprints.iter().enumerate() {
        let distance = fp.distance(*other);
        if distance <= max_distance {
            found(i, distance);
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::*;

    use super::Fingerprint;

    /// [`super::within_scalar`] with the `popcnt` instruction.
    ///
    /// # Safety
    /// The processor must support `popcnt`.
    #[target_feature(enable = "popcnt")]
    pub(super) unsafe fn within_popcnt(
        fingerprints: &[Fingerprint],
        fp: Fingerprint,
        max_distance: u32,
        found: &mut impl FnMut(usize, u32),
    ) {
        super::within_scalar(fingerprints, fp, max_distance, found)
    }

    /// [`super::for_each_within`] eight fingerprints at a time: xor, per-lane bit count and one
    /// compare give the mask of the near ones.
    ///
    /// # Safety
    /// The processor must support AVX-512 F and VPOPCNTDQ.
    #[target_feature(enable = "avx512f,avx512vpopcntdq")]
    pub(super) unsafe fn within_avx512(
        fingerprints: &[Fingerprint],
        fp: Fingerprint,
        max_distance: u32,
        found: &mut impl FnMut(usize, u32),
    ) {
        let query = _mm512_set1_epi64(fp.0 as i64);
        let limit = _mm512_set1_epi64(i64::from(max_distance));
        let ptr = fingerprints.as_ptr().cast::<i64>();
        let mut at = 0;
        while at < fingerprints.len() {
            let lanes = (fingerprints.len() - at).min(8);
            let valid: __mmask8 = (0xffu16 >> (8 - lanes)) as u8;
            // SAFETY: `Fingerprint` is a transparent `u64`; the mask loads only the `lanes`
            // fingerprints from `at` on, all inside the slice.
            let eight = unsafe { _mm512_maskz_loadu_epi64(valid, ptr.add(at)) };
            let bits = _mm512_popcnt_epi64(_mm512_xor_si512(eight, query));
            let mut near = _mm512_mask_cmple_epu64_mask(valid, bits, limit);
            while near != 0 {
                let i = at + near.trailing_zeros() as usize;
                found(i, fp.distance(fingerprints[i]));
                near &= near - 1;
            }
            at += 8;
        }
    }
}

/// Anchor postings: for each anchor key, the articles that have it.
///
/// Keys are sorted and grouped; a radix directory over their top bits leads straight to the few
/// keys that share a prefix. A binary search over the whole key array cost ~25 cache misses per
/// anchor and was 60% of a 100k-article run; the directory costs about four.
#[derive(Debug, Default)]
struct Postings {
    shift: u32,
    /// `directory[p]..directory[p + 1]`: the range of `keys` whose top bits are `p`.
    directory: Vec<u32>,
    /// Distinct keys, sorted, each with where its docs start: key `i`'s docs are
    /// `docs[entries[i].1..entries[i + 1].1]` (a last entry closes the range). Key and start
    /// side by side cost one cache miss, not two.
    entries: Vec<(u32, u32)>,
    docs: Vec<u32>,
}

impl Postings {
    /// Builds the postings of every article's anchors (each list sorted), dropping keys held
    /// by one article (they pair nothing) or by more than `max_postings` (stock phrases), but
    /// keeping keys held by more copies of one story than that, their [`FLOOD_HUBS`] articles of
    /// lowest `rank` first. Returns the postings and how many keys were dropped and kept so.
    ///
    /// The (key, doc) pairs are sorted one key range at a time (16 ranges by the top four bits),
    /// two ranges at once (one a core), so the transient pair buffers are an eighth of the
    /// postings (about 60 MB rather than 490 MB for 1M articles) and keys still come out in
    /// order. Each article's place in its keys is kept from range to range (8 bytes an
    /// article), so that no range searches for it again.
    fn from_anchors<A: AsRef<[u32]> + Sync>(
        anchors: &[A],
        scope: Scope,
        max_postings: usize,
    ) -> (Postings, OverFull) {
        const RANGES: u32 = 16;
        let mut p = Postings::default();
        let mut over_full = OverFull::default();
        let (mut left, mut right) = (RangeBuffers::default(), RangeBuffers::default());
        // Where each article's keys of the range `first` start, and of the range after the
        // round's two: one round's right side finds the next round's starts.
        let mut starts = vec![0u32; anchors.len()];
        let mut next = vec![0u32; anchors.len()];
        for first in (0..RANGES).step_by(2) {
            rayon::join(
                || left.build(anchors, scope, first, &starts, None, max_postings),
                || {
                    right.build(
                        anchors,
                        scope,
                        first + 1,
                        &starts,
                        Some(&mut next),
                        max_postings,
                    )
                },
            );
            std::mem::swap(&mut starts, &mut next);
            for done in [&left, &right] {
                let base = p.docs.len() as u32;
                p.entries
                    .extend(done.entries.iter().map(|&(k, start)| (k, base + start)));
                p.docs.extend_from_slice(&done.docs);
                over_full.skipped += done.over_full.skipped;
                over_full.floods += done.over_full.floods;
            }
        }
        let keys = p.entries.len();
        p.entries.push((u32::MAX, p.docs.len() as u32));
        // About two keys per directory slot.
        let bits = (usize::BITS - (keys / 2).max(1).leading_zeros()).clamp(8, 28);
        p.shift = 32 - bits;
        p.directory = vec![0u32; (1usize << bits) + 1];
        for &(k, _) in &p.entries[..keys] {
            p.directory[(k >> p.shift) as usize + 1] += 1;
        }
        for i in 0..1usize << bits {
            p.directory[i + 1] += p.directory[i];
        }
        (p, over_full)
    }

    /// The docs holding `key`.
    #[cfg(test)]
    fn get(&self, key: u32) -> &[u32] {
        let mut spans = Vec::new();
        self.spans(&[key], &mut spans);
        let (a, b) = spans[0];
        &self.docs[a as usize..b as usize]
    }

    /// For each key, the range of `docs` holding it (empty when no article pairs by it).
    ///
    /// In passes over the keys, each pass's loads independent of one another and the next
    /// pass's lines asked for ahead ([`prefetch`]), so the processor has many cache misses in
    /// flight at once rather than one after another: the postings are hundreds of megabytes,
    /// and every lookup lands somewhere new. Without the prefetches the search among a slot's
    /// keys waited on each line in turn (its branch mispredicts flush the loads queued behind
    /// it).
    fn spans(&self, keys: &[u32], spans: &mut Vec<(u32, u32)>) {
        spans.clear();
        spans.extend(keys.iter().map(|&k| {
            let prefix = (k >> self.shift) as usize;
            let span = (self.directory[prefix], self.directory[prefix + 1]);
            prefetch(self.entries.as_ptr().wrapping_add(span.0 as usize));
            span
        }));
        for (span, &key) in spans.iter_mut().zip(keys) {
            let (lo, hi) = (span.0 as usize, span.1 as usize);
            *span = match self.entries[lo..hi].iter().position(|e| e.0 == key) {
                Some(i) => {
                    let docs = (self.entries[lo + i].1, self.entries[lo + i + 1].1);
                    prefetch(self.docs.as_ptr().wrapping_add(docs.0 as usize));
                    docs
                }
                None => (0, 0),
            };
        }
    }
}

/// Asks the processor to start loading the cache line holding `at` (never faults; a no-op
/// off x86-64). For lookups whose addresses are known a pass before their loads are needed.
#[inline(always)]
fn prefetch<T>(at: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint: it reads nothing the program sees and never faults, whatever
    // the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(at.cast())
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = at;
}

/// Keys held by more than `max_postings` articles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct OverFull {
    /// Dropped as stock phrases.
    skipped: usize,
    /// Kept, hubs first: their articles are copies of one story.
    floods: usize,
}

/// Whether the articles of an over-full key (`group`: (key, doc) pairs in doc order) are copies
/// of one story rather than different stories sharing a phrase: articles spread evenly through
/// the group (not its first ones, which could be one cluster among many that carry the same
/// boilerplate) share at least half of their anchors (of the shorter list: an excerpt counts)
/// with its first, three times in four.
fn is_flood<A: AsRef<[u32]>>(group: &[(u32, u32)], anchors: &[A]) -> bool {
    let first = anchors[group[0].1 as usize].as_ref();
    let copies = (1..=FLOOD_SAMPLES)
        .filter(|&s| {
            // Never the first itself: positions 1..=len-1, evenly spread.
            let at = (s * (group.len() - 1)).div_ceil(FLOOD_SAMPLES);
            let other = anchors[group[at].1 as usize].as_ref();
            2 * intersection_len_sorted(first, other) >= first.len().min(other.len())
        })
        .count();
    4 * copies >= 3 * FLOOD_SAMPLES
}

/// One key range's postings, built apart and then appended in order; the buffers are reused
/// from range to range.
#[derive(Default)]
struct RangeBuffers {
    pairs: Vec<(u32, u32)>,
    scratch: Vec<(u32, u32)>,
    /// Keys with where their docs start in `docs`.
    entries: Vec<(u32, u32)>,
    docs: Vec<u32>,
    over_full: OverFull,
}

impl RangeBuffers {
    /// The postings of keys whose top four bits are `range`. Article `d`'s keys of lower
    /// ranges end before `from[d]`, and those of this range follow them; where this range's
    /// keys end is written to `ends`, when given.
    ///
    /// Walking on from `from` reads the few keys of one or two ranges (about five each in a
    /// news article); a binary search for both ends of the range read most of every article's
    /// keys, sixteen times over: the index stage of 1M articles went
    /// from 1.47-2.32 s to 1.31-1.76 s (five runs of each build, alternated; assignments identical).
    fn build<A: AsRef<[u32]>>(
        &mut self,
        anchors: &[A],
        scope: Scope,
        range: u32,
        from: &[u32],
        mut ends: Option<&mut [u32]>,
        max_postings: usize,
    ) {
        self.pairs.clear();
        self.entries.clear();
        self.docs.clear();
        self.over_full = OverFull::default();
        for (d, a) in anchors.iter().enumerate().filter(|&(d, _)| scope.has(d)) {
            let a = a.as_ref();
            let mut start = from[d] as usize;
            while start < a.len() && a[start] >> 28 < range {
                start += 1;
            }
            let mut end = start;
            while end < a.len() && a[end] >> 28 == range {
                end += 1;
            }
            if let Some(ends) = ends.as_deref_mut() {
                ends[d] = end as u32;
            }
            self.pairs
                .extend(a[start..end].iter().map(|&k| (k, d as u32)));
        }
        // Docs went in ascending, so a stable sort by key leaves each key's docs in order.
        radix_sort_by_low_key(&mut self.pairs, &mut self.scratch);
        for group in self.pairs.chunk_by(|a, b| a.0 == b.0) {
            if group.len() < 2 {
                continue; // an anchor only one article has pairs it with nothing
            }
            let start = self.docs.len();
            if group.len() <= max_postings {
                self.docs.extend(group.iter().map(|e| e.1));
            } else if is_flood(group, anchors) {
                self.over_full.floods += 1;
                self.docs.extend(group.iter().map(|e| e.1));
                // Hubs first: the articles visited first, each of the others after them.
                let list = &mut self.docs[start..];
                if list.len() > FLOOD_HUBS {
                    list.select_nth_unstable_by_key(FLOOD_HUBS, |&d| (scope.rank(d), d));
                    list[FLOOD_HUBS..].sort_unstable();
                }
            } else {
                self.over_full.skipped += 1;
                continue;
            }
            self.entries.push((group[0].0, start as u32));
        }
    }
}

/// Sorts `pairs` stably by the low 28 bits of their key, `scratch` as the second buffer: two
/// counting passes of 14 bits (each bucket table fits in cache). The top 4 bits are one range's,
/// all equal. Two linear passes where a comparison sort makes about twenty-two: the 1M-article
/// index build (`cargo bench --bench candidates`) took 1.82 s with `par_sort_unstable`, 1.51 s
/// with this, and 0.85 s with two ranges built at once.
fn radix_sort_by_low_key(pairs: &mut [(u32, u32)], scratch: &mut Vec<(u32, u32)>) {
    const BITS: u32 = 14;
    const BUCKETS: usize = 1 << BITS;
    scratch.clear();
    scratch.resize(pairs.len(), (0, 0));
    let mut counts = vec![0usize; BUCKETS];
    let mut from: &mut [(u32, u32)] = pairs;
    let mut to: &mut [(u32, u32)] = scratch;
    for pass in 0..2 {
        let shift = pass * BITS;
        let bucket = |k: u32| ((k >> shift) as usize) & (BUCKETS - 1);
        counts.fill(0);
        for &(k, _) in from.iter() {
            counts[bucket(k)] += 1;
        }
        let mut start = 0;
        for c in counts.iter_mut() {
            (*c, start) = (start, start + *c);
        }
        for &e in from.iter() {
            let b = bucket(e.0);
            to[counts[b]] = e;
            counts[b] += 1;
        }
        std::mem::swap(&mut from, &mut to);
    }
    // Two passes: the result is back in `pairs`.
}

/// Buffers reused between candidate searches.
#[derive(Debug, Default)]
pub struct QueryScratch {
    /// Docs sharing an anchor with the query, one entry per shared anchor.
    pub docs: Vec<u32>,
    spans: Vec<(u32, u32)>,
}

/// The candidate index over a corpus.
#[derive(Debug, Default)]
pub struct Index {
    fingerprints: Vec<Fingerprint>,
    anchor_counts: Vec<u32>,
    /// Bit `d` set when article `d` holds fewer than `min_shared_anchors` anchors.
    few_anchors: Vec<u64>,
    blocks: Vec<BlockTable>,
    postings: Postings,
    over_full: OverFull,
    params: CandidateParams,
}

/// Which articles an index holds, and the visiting order its flood hubs are chosen by.
#[derive(Clone, Copy, Default)]
struct Scope<'a> {
    /// Articles indexed (`None`: all).
    indexed: Option<&'a [bool]>,
    /// Each article's place in the visiting order (`None`: input order).
    rank: Option<&'a [u32]>,
}

impl Scope<'_> {
    #[inline]
    fn has(&self, doc: usize) -> bool {
        self.indexed.is_none_or(|mask| mask[doc])
    }

    #[inline]
    fn rank(&self, doc: u32) -> u32 {
        self.rank.map_or(doc, |ranks| ranks[doc as usize])
    }
}

impl Index {
    /// Builds the index over every article. `anchors[i]` are article `i`'s anchors (sorted, no
    /// repeats).
    pub fn build<A: AsRef<[u32]> + Sync>(
        fingerprints: &[Fingerprint],
        anchors: &[A],
        params: CandidateParams,
    ) -> Index {
        Index::build_with(fingerprints, anchors, params, Scope::default())
    }

    /// Builds the index over the articles `indexed` marks: the others are never proposed as
    /// anyone's candidate (they can still ask for theirs). For articles that cannot be copies
    /// of anything (no words) or that stand for someone else (exact copies of an earlier one).
    /// `visit_rank[d]` is article `d`'s place in the clustering's visiting order (see
    /// [`crate::cluster::visiting_order`]): a story's copies beyond `max_postings` are found
    /// through those visited first.
    pub fn build_only<A: AsRef<[u32]> + Sync>(
        fingerprints: &[Fingerprint],
        anchors: &[A],
        params: CandidateParams,
        indexed: &[bool],
        visit_rank: &[u32],
    ) -> Index {
        assert_eq!(indexed.len(), fingerprints.len(), "one flag per article");
        assert_eq!(visit_rank.len(), fingerprints.len(), "one rank per article");
        let scope = Scope {
            indexed: Some(indexed),
            rank: Some(visit_rank),
        };
        Index::build_with(fingerprints, anchors, params, scope)
    }

    fn build_with<A: AsRef<[u32]> + Sync>(
        fingerprints: &[Fingerprint],
        anchors: &[A],
        params: CandidateParams,
        scope: Scope<'_>,
    ) -> Index {
        let blocks = (0..BLOCKS)
            .into_par_iter()
            .map(|b| BlockTable::build(fingerprints, b, scope))
            .collect();
        let (postings, over_full) = Postings::from_anchors(anchors, scope, params.max_postings);
        let anchor_counts: Vec<u32> = anchors.iter().map(|a| a.as_ref().len() as u32).collect();
        let mut few_anchors = vec![0u64; anchor_counts.len().div_ceil(64)];
        for (d, &count) in anchor_counts.iter().enumerate() {
            if (count as usize) < params.min_shared_anchors {
                few_anchors[d / 64] |= 1 << (d % 64);
            }
        }
        Index {
            fingerprints: fingerprints.to_vec(),
            anchor_counts,
            few_anchors,
            blocks,
            postings,
            over_full,
            params,
        }
    }

    /// Anchors skipped as stock phrases.
    pub fn skipped_keys(&self) -> usize {
        self.over_full.skipped
    }

    /// Anchors held by more than `max_postings` copies of one story, searched through hubs.
    pub fn flood_keys(&self) -> usize {
        self.over_full.floods
    }

    /// Number of articles indexed.
    pub fn len(&self) -> usize {
        self.fingerprints.len()
    }

    /// True when no article is indexed.
    pub fn is_empty(&self) -> bool {
        self.fingerprints.is_empty()
    }

    /// The candidates of article `doc` (whose anchors are `anchors`), sorted by doc, without
    /// `doc` itself. `scratch` is reused between calls.
    pub fn candidates(
        &self,
        doc: u32,
        anchors: &[u32],
        scratch: &mut QueryScratch,
        out: &mut Vec<Candidate>,
    ) {
        out.clear();
        let fp = self.fingerprints[doc as usize];
        // The simhash lookups' lines are asked for first and read last: they load while the
        // anchors are looked up (each lookup is two or three cache misses).
        let values: [u16; BLOCKS] = std::array::from_fn(|b| block(fp, b));
        for (table, &v) in self.blocks.iter().zip(&values) {
            prefetch(table.starts.as_ptr().wrapping_add(v as usize));
        }
        self.postings.spans(anchors, &mut scratch.spans);
        for (table, &v) in self.blocks.iter().zip(&values) {
            let start = table.starts[v as usize] as usize;
            prefetch(table.docs.as_ptr().wrapping_add(start));
            prefetch(table.fingerprints.as_ptr().wrapping_add(start));
        }
        let scratch_docs = &mut scratch.docs;
        scratch_docs.clear();
        for &(a, b) in &scratch.spans {
            let mut docs = &self.postings.docs[a as usize..b as usize];
            let flood = docs.len() > self.params.max_postings.max(FLOOD_HUBS);
            if flood && !docs[..FLOOD_HUBS].contains(&doc) {
                docs = &docs[..FLOOD_HUBS]; // a story's copies: the others meet its hubs
            }
            scratch_docs.extend(docs.iter().filter(|&&d| d != doc));
        }
        let scratch = scratch_docs;
        crate::sort::sort_short(scratch);
        let mine = anchors.len();
        // Enough whatever the other article holds; an article with fewer anchors than that
        // needs only as many as it has (found in a bitmap rather than the counts: most runs
        // are one shared anchor, and the counts are a cache miss each).
        let enough = self.params.min_shared_anchors.min(mine).max(1);
        let few = |d: u32| self.few_anchors[d as usize / 64] >> (d % 64) & 1 == 1;
        for run in scratch.chunk_by(|a, b| a == b) {
            let other = run[0];
            if run.len() >= enough
                || (few(other) && run.len() >= (self.anchor_counts[other as usize] as usize).max(1))
            {
                let distance = fp.distance(self.fingerprints[other as usize]);
                out.push(Candidate {
                    doc: other,
                    shared_anchors: run.len() as u32,
                    distance,
                });
            }
        }
        let from_anchors = out.len();
        for (table, &v) in self.blocks.iter().zip(&values) {
            let (docs, fingerprints) = table.get(v);
            for_each_within(fingerprints, fp, self.params.max_distance, |i, distance| {
                if docs[i] != doc {
                    out.push(Candidate {
                        doc: docs[i],
                        shared_anchors: 0,
                        distance,
                    });
                }
            });
        }
        if out.len() > from_anchors {
            // Merge: keep one entry per doc, with the anchor count when it has one.
            out.sort_unstable_by_key(|c| (c.doc, std::cmp::Reverse(c.shared_anchors)));
            out.dedup_by_key(|c| c.doc);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(fps: &[u64], anchors: &[Vec<u32>], params: CandidateParams) -> Index {
        let fps: Vec<Fingerprint> = fps.iter().map(|&f| Fingerprint(f)).collect();
        Index::build(&fps, anchors, params)
    }

    fn cands(ix: &Index, doc: u32, anchors: &[u32]) -> Vec<u32> {
        let mut out = Vec::new();
        ix.candidates(doc, anchors, &mut QueryScratch::default(), &mut out);
        out.iter().map(|c| c.doc).collect()
    }

    #[test]
    fn radix_sort_is_a_stable_sort_by_key() {
        // Keys of one range (top four bits 0x7), many repeats, docs in arrival order.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut pairs: Vec<(u32, u32)> = (0..50_000u32)
            .map(|doc| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (0x7000_0000 | (state as u32 & 0x0fff_f00f), doc)
            })
            .collect();
        let mut expected = pairs.clone();
        expected.sort_by_key(|p| p.0);
        radix_sort_by_low_key(&mut pairs, &mut Vec::new());
        assert_eq!(pairs, expected);
    }

    #[test]
    fn simhash_within_three_bits_is_always_found() {
        let base = 0x0123_4567_89ab_cdefu64;
        // Flip 3 bits, one in each of three different blocks; and one at distance 4 (not found).
        let near = base ^ (1 << 3) ^ (1 << 20) ^ (1 << 40);
        let far = base ^ (1 << 3) ^ (1 << 20) ^ (1 << 40) ^ (1 << 60);
        let none = vec![Vec::new(); 3];
        let ix = index(&[base, near, far], &none, CandidateParams::default());
        assert_eq!(cands(&ix, 0, &[]), vec![1]);
    }

    #[test]
    fn shared_anchors_make_candidates_only_above_the_minimum() {
        let anchors = vec![vec![1, 2, 3, 4], vec![2, 3, 9], vec![4, 10, 11], vec![1]];
        let fps = [0, u64::MAX, 0xffff_0000_ffff_0000, 0x0000_ffff_0000_ffff];
        let ix = index(&fps, &anchors, CandidateParams::default());
        // doc 1 shares 2 (enough); doc 2 shares 1 of its 3 (not enough); doc 3 has only 1 anchor, shares it.
        assert_eq!(cands(&ix, 0, &anchors[0]), vec![1, 3]);
    }

    #[test]
    fn articles_left_out_are_never_proposed_but_can_ask() {
        // Four articles alike in anchors and simhash; the second and fourth are left out.
        let anchors = vec![vec![1, 2, 3]; 4];
        let fps: Vec<Fingerprint> = vec![Fingerprint(7); 4];
        let ix = Index::build_only(
            &fps,
            &anchors,
            CandidateParams::default(),
            &[true, false, true, false],
            &[0, 1, 2, 3],
        );
        assert_eq!(cands(&ix, 0, &anchors[0]), vec![2]);
        assert_eq!(cands(&ix, 1, &anchors[1]), vec![0, 2]);
        assert_eq!(cands(&ix, 3, &anchors[3]), vec![0, 2]);
    }

    #[test]
    fn postings_find_every_key_and_nothing_else() {
        // Keys spread over the whole range, including neighbours in one directory slot.
        let mut pairs: Vec<(u32, u32)> = (0..5000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761), i % 97))
            .collect();
        pairs.extend([
            (7, 1),
            (7, 2),
            (8, 3),
            (8, 6),
            (u32::MAX, 4),
            (u32::MAX, 9),
            (0, 5),
            (0, 8),
            (12, 1),
        ]);
        pairs.sort_unstable();
        pairs.dedup();
        // As per-article anchor lists (sorted, distinct), the form the index takes.
        let mut lists: Vec<Vec<u32>> = vec![Vec::new(); 100];
        for &(k, d) in &pairs {
            lists[d as usize].push(k);
        }
        for l in &mut lists {
            l.sort_unstable();
        }
        let (p, over_full) = Postings::from_anchors(&lists, Scope::default(), 1000);
        assert_eq!(over_full, OverFull::default());
        for group in pairs.chunk_by(|a, b| a.0 == b.0) {
            let want: Vec<u32> = group.iter().map(|e| e.1).collect();
            // Keys held by one document are not stored: they pair nothing.
            let want: &[u32] = if want.len() < 2 { &[] } else { &want };
            assert_eq!(p.get(group[0].0), want);
        }
        assert!(p.get(9).is_empty() && p.get(12).is_empty());
        assert_eq!(p.get(7), &[1, 2]);
    }

    #[test]
    fn postings_hold_keys_crowded_into_one_range_and_articles_that_skip_ranges() {
        let crowd = |step: u32| (0..300).step_by(step as usize).map(|i| 0x5000_0000 + i);
        let lists: Vec<Vec<u32>> = vec![
            crowd(1).collect(),
            // Keys below, in and above the crowded range; none in most ranges.
            [7, 0x1000_0000]
                .into_iter()
                .chain(crowd(2))
                .chain([0xf000_0001])
                .collect(),
            vec![7, 0xf000_0001, u32::MAX],
            Vec::new(),
            vec![0x1000_0000, u32::MAX],
        ];
        let (p, _) = Postings::from_anchors(&lists, Scope::default(), 1000);
        for key in lists.iter().flatten() {
            let holders: Vec<u32> = (0..lists.len() as u32)
                .filter(|&d| lists[d as usize].contains(key))
                .collect();
            let want: &[u32] = if holders.len() < 2 { &[] } else { &holders };
            assert_eq!(p.get(*key), want, "key {key:#x}");
        }
    }

    /// Distinct fingerprints (splitmix64 of the index): with `max_distance` 0 none is another's
    /// candidate.
    fn far_apart(n: usize) -> Vec<u64> {
        (0..n as u64)
            .map(|i| {
                let mut z = (i + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
                z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
                z ^ (z >> 31)
            })
            .collect()
    }

    fn over_full_params() -> CandidateParams {
        CandidateParams {
            max_postings: 10,
            max_distance: 0,
            ..CandidateParams::default()
        }
    }

    #[test]
    fn stock_phrase_anchors_are_skipped() {
        // 40 different stories (six anchors of their own) sharing one two-anchor phrase.
        let anchors: Vec<Vec<u32>> = (0..40u32)
            .map(|i| {
                let mut a: Vec<u32> = (0..6).map(|j| 1000 + 10 * i + j).collect();
                a.extend([7, 8]);
                a.sort_unstable();
                a
            })
            .collect();
        let ix = index(&far_apart(40), &anchors, over_full_params());
        assert_eq!((ix.skipped_keys(), ix.flood_keys()), (2, 0));
        assert!(cands(&ix, 39, &anchors[39]).is_empty());
    }

    #[test]
    fn a_story_in_more_copies_than_max_postings_is_found_through_hubs() {
        // 40 copies of one story of 20 anchors, each with two anchors of its own (an edit).
        let anchors: Vec<Vec<u32>> = (0..40u32)
            .map(|i| (0..20).chain([1000 + 2 * i, 1001 + 2 * i]).collect())
            .collect();
        let ix = index(&far_apart(40), &anchors, over_full_params());
        assert_eq!((ix.skipped_keys(), ix.flood_keys()), (0, 20));
        let hubs: Vec<u32> = (0..FLOOD_HUBS as u32).collect();
        assert_eq!(cands(&ix, 39, &anchors[39]), hubs, "a copy finds the hubs");
        let all_but = |d| (0..40).filter(|&o| o != d).collect::<Vec<u32>>();
        assert_eq!(
            cands(&ix, 3, &anchors[3]),
            all_but(3),
            "a hub finds every copy"
        );
        // Hubs are the copies visited first, not the first in input order.
        let mask = vec![true; 40];
        let rank: Vec<u32> = (0..40).rev().collect();
        let fps: Vec<Fingerprint> = far_apart(40).into_iter().map(Fingerprint).collect();
        let ix = Index::build_only(&fps, &anchors, over_full_params(), &mask, &rank);
        let last: Vec<u32> = (40 - FLOOD_HUBS as u32..40).collect();
        assert_eq!(cands(&ix, 0, &anchors[0]), last);
        assert_eq!(cands(&ix, 39, &anchors[39]), all_but(39));
    }

    #[test]
    fn copies_at_the_head_of_a_stock_phrase_do_not_make_it_a_flood() {
        // The first ten articles are copies of one story; thirty more are other stories; all
        // forty carry one phrase. Sampled through the whole list, the phrase is boilerplate.
        let anchors: Vec<Vec<u32>> = (0..40u32)
            .map(|i| {
                let own = if i < 10 { 0 } else { i };
                let mut a: Vec<u32> = (0..6).map(|j| 1000 + 10 * own + j).collect();
                a.extend([7, 8]);
                a.sort_unstable();
                a
            })
            .collect();
        let ix = index(&far_apart(40), &anchors, over_full_params());
        assert_eq!(ix.flood_keys(), 0);
        assert_eq!(ix.skipped_keys(), 2);
    }

    proptest::proptest! {
        /// The vector scan finds exactly what measuring one fingerprint at a time finds, in
        /// order, whatever the length (tails shorter than eight lanes included).
        #[test]
        fn scanning_for_near_fingerprints_matches_one_at_a_time(
            query: u64,
            flips in proptest::collection::vec((0u32..6, proptest::num::u64::ANY), 0..40),
            max_distance in 0u32..5,
        ) {
            // Fingerprints near the query (a few bits flipped) and far from it.
            let fps: Vec<Fingerprint> = flips
                .iter()
                .map(|&(bits, noise)| {
                    let flipped = (0..bits).fold(query, |f, i| f ^ 1 << ((noise >> (6 * i)) & 63));
                    Fingerprint(if bits == 5 { noise } else { flipped })
                })
                .collect();
            let (mut got, mut want) = (Vec::new(), Vec::new());
            for_each_within(&fps, Fingerprint(query), max_distance, |i, d| got.push((i, d)));
            within_scalar(&fps, Fingerprint(query), max_distance, &mut |i, d| want.push((i, d)));
            proptest::prop_assert_eq!(got, want);
        }
    }
}
