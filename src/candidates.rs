//! Candidates: find the articles that might be copies of a given one, without comparing all pairs.
//!
//! [`Index`] holds two sorted tables built once over the corpus:
//! - **Simhash blocks** (Manku, Jain, Das Sarma 2007): the 64 bits cut into four 16-bit blocks;
//!   two fingerprints within 3 bits of each other agree on at least one whole block, so looking
//!   up the four blocks of an article finds every fingerprint within `max_distance <= 3`.
//! - **Anchor postings**: for every winnowed anchor, the articles that have it. Articles sharing
//!   `min_shared_anchors` anchors are candidates: this finds trimmed excerpts and reworded copies
//!   that the simhash misses. An anchor found in more than `max_postings` articles is boilerplate
//!   or a stock phrase, not evidence of copying, and is skipped (the count is reported).
//!
//! Both tables are flat sorted vectors (no hash maps): built by a parallel sort, deterministic,
//! about 8 bytes per entry. This module proposes; it never decides (see [`crate::verify`]).

use rayon::prelude::*;

use crate::fingerprint::Fingerprint;

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

/// The candidate index over a corpus.
#[derive(Debug, Default)]
pub struct Index {
    fingerprints: Vec<Fingerprint>,
    anchor_counts: Vec<u32>,
    /// Per block: (block value, doc), sorted.
    blocks: [Vec<(u16, u32)>; BLOCKS],
    /// Anchor postings, sorted by key then doc; stock-phrase keys removed.
    keys: Vec<u32>,
    docs: Vec<u32>,
    skipped_keys: usize,
    params: CandidateParams,
}

impl Index {
    /// Builds the index. `anchors[i]` are article `i`'s anchors (sorted, no repeats).
    pub fn build<A: AsRef<[u32]> + Sync>(
        fingerprints: &[Fingerprint],
        anchors: &[A],
        params: CandidateParams,
    ) -> Index {
        let n = fingerprints.len() as u32;
        let blocks: [Vec<(u16, u32)>; BLOCKS] = std::array::from_fn(|b| {
            let mut v: Vec<(u16, u32)> = (0..n)
                .map(|d| (block(fingerprints[d as usize], b), d))
                .collect();
            v.par_sort_unstable();
            v
        });
        let total: usize = anchors.iter().map(|a| a.as_ref().len()).sum();
        let mut postings: Vec<(u32, u32)> = Vec::with_capacity(total);
        for (d, a) in anchors.iter().enumerate() {
            postings.extend(a.as_ref().iter().map(|&k| (k, d as u32)));
        }
        postings.par_sort_unstable();
        let (mut keys, mut docs) = (
            Vec::with_capacity(postings.len()),
            Vec::with_capacity(postings.len()),
        );
        let mut skipped_keys = 0;
        for group in postings.chunk_by(|a, b| a.0 == b.0) {
            if group.len() > params.max_postings {
                skipped_keys += 1;
                continue;
            }
            keys.extend(group.iter().map(|p| p.0));
            docs.extend(group.iter().map(|p| p.1));
        }
        let anchor_counts = anchors.iter().map(|a| a.as_ref().len() as u32).collect();
        Index {
            fingerprints: fingerprints.to_vec(),
            anchor_counts,
            blocks,
            keys,
            docs,
            skipped_keys,
            params,
        }
    }

    /// Anchors skipped as stock phrases.
    pub fn skipped_keys(&self) -> usize {
        self.skipped_keys
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
        scratch: &mut Vec<u32>,
        out: &mut Vec<Candidate>,
    ) {
        out.clear();
        scratch.clear();
        let fp = self.fingerprints[doc as usize];
        for key in anchors {
            let start = self.keys.partition_point(|k| k < key);
            let end = start + self.keys[start..].partition_point(|k| k == key);
            scratch.extend(self.docs[start..end].iter().filter(|&&d| d != doc));
        }
        scratch.sort_unstable();
        let mine = anchors.len();
        for run in scratch.chunk_by(|a, b| a == b) {
            let other = run[0];
            let need = self
                .params
                .min_shared_anchors
                .min(mine)
                .min(self.anchor_counts[other as usize] as usize)
                .max(1);
            if run.len() >= need {
                let distance = fp.distance(self.fingerprints[other as usize]);
                out.push(Candidate {
                    doc: other,
                    shared_anchors: run.len() as u32,
                    distance,
                });
            }
        }
        let from_anchors = out.len();
        for (b, table) in self.blocks.iter().enumerate() {
            let value = block(fp, b);
            let start = table.partition_point(|e| e.0 < value);
            for &(v, other) in &table[start..] {
                if v != value {
                    break;
                }
                if other == doc {
                    continue;
                }
                let distance = fp.distance(self.fingerprints[other as usize]);
                if distance <= self.params.max_distance {
                    out.push(Candidate {
                        doc: other,
                        shared_anchors: 0,
                        distance,
                    });
                }
            }
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
        ix.candidates(doc, anchors, &mut Vec::new(), &mut out);
        out.iter().map(|c| c.doc).collect()
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
    fn stock_phrase_anchors_are_skipped() {
        let anchors: Vec<Vec<u32>> = (0..5).map(|_| vec![7, 8]).collect();
        let fps = [1u64 << 1, 1 << 17, 1 << 33, 1 << 49, 0xffff];
        let params = CandidateParams {
            max_postings: 4,
            max_distance: 0,
            ..CandidateParams::default()
        };
        let ix = index(&fps, &anchors, params);
        assert_eq!(ix.skipped_keys(), 2);
        assert!(cands(&ix, 0, &anchors[0]).is_empty());
    }
}
