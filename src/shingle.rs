//! Shingle: overlapping runs of `k` normalized words, each hashed to a stable 64-bit value.
//!
//! A shingle's hash is XXH3-64 (seed 0) over the little-endian bytes of its `k` token hashes
//! (see [`crate::normalize::token_hash`]), so it is fully specified and stable across builds and
//! machines. A text with fewer than `k` words (but at least one) has one shingle of all its words,
//! so short texts can still match each other.
//!
//! [`ShingleSet`] is the exact set used for verification: the upper 32 bits of each shingle
//! hash, sorted and deduplicated. Keeping 32 bits halves memory; two 500-shingle articles share a
//! spurious 32-bit value with probability about 6e-5, which moves Jaccard by 1/1000 at most.
//! This module never decides what is a duplicate.

use serde::{Deserialize, Serialize};

/// How many words make one shingle, by default. Four words keep a reworded word from touching
/// more than four shingles, while common three-word phrases ("said on Friday") stop matching
/// unrelated stories (measured in `tests/eval/eval_reuters.py`).
pub const DEFAULT_K: usize = 4;

/// The hash of one shingle from the token hashes it spans.
#[inline]
pub fn shingle_hash(tokens: &[u64]) -> u64 {
    let mut bytes = [0u8; 8 * MAX_K];
    for (chunk, t) in bytes.chunks_exact_mut(8).zip(tokens) {
        chunk.copy_from_slice(&t.to_le_bytes());
    }
    xxhash_rust::xxh3::xxh3_64(&bytes[..8 * tokens.len()])
}

/// The longest shingle supported.
pub const MAX_K: usize = 16;

/// Turns a stream of token hashes into the sequence of shingle hashes, in text order.
///
/// `out` is cleared first and reused, so a caller that keeps one buffer per thread allocates
/// nothing per document.
pub fn shingles_into(tokens: &[u64], k: usize, out: &mut Vec<u64>) {
    let k = k.clamp(1, MAX_K);
    out.clear();
    if tokens.is_empty() {
        return;
    }
    if tokens.len() < k {
        out.push(shingle_hash(tokens));
        return;
    }
    out.extend(tokens.windows(k).map(shingle_hash));
}

/// The exact set of an article's shingles (upper 32 bits of each hash), sorted, no repeats.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShingleSet(Box<[u32]>);

impl ShingleSet {
    /// Builds the set from shingle hashes in any order. `scratch` is reused between calls.
    pub fn from_hashes(hashes: &[u64], scratch: &mut Vec<u32>) -> Self {
        scratch.clear();
        scratch.extend(hashes.iter().map(|h| (h >> 32) as u32));
        scratch.sort_unstable();
        scratch.dedup();
        ShingleSet(scratch.as_slice().into())
    }

    /// Builds the set from already-truncated 32-bit values, in any order (for tools and tests
    /// that make sets directly).
    pub fn from_values(values: impl IntoIterator<Item = u32>) -> Self {
        let mut v: Vec<u32> = values.into_iter().collect();
        v.sort_unstable();
        v.dedup();
        ShingleSet(v.into_boxed_slice())
    }

    /// Number of distinct shingles.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when the article had no words at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The sorted values.
    pub fn as_slice(&self) -> &[u32] {
        &self.0
    }

    /// Size of the intersection with `other`, by a linear merge (both are sorted). When one set is
    /// much smaller, galloping search is used instead.
    pub fn intersection_len(&self, other: &ShingleSet) -> usize {
        let (small, large) = if self.len() <= other.len() {
            (&self.0, &other.0)
        } else {
            (&other.0, &self.0)
        };
        if small.is_empty() {
            return 0;
        }
        if large.len() / small.len() >= 16 {
            return small
                .iter()
                .filter(|v| large.binary_search(v).is_ok())
                .count();
        }
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < small.len() && j < large.len() {
            let (a, b) = (small[i], large[j]);
            n += (a == b) as usize;
            i += (a <= b) as usize;
            j += (b <= a) as usize;
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(v: &[u64]) -> ShingleSet {
        ShingleSet::from_values(v.iter().map(|&x| x as u32))
    }

    #[test]
    fn shingles_are_windows_of_k_tokens() {
        let mut out = Vec::new();
        shingles_into(&[1, 2, 3, 4, 5], 3, &mut out);
        assert_eq!(
            out,
            vec![
                shingle_hash(&[1, 2, 3]),
                shingle_hash(&[2, 3, 4]),
                shingle_hash(&[3, 4, 5])
            ]
        );
    }

    #[test]
    fn short_text_gets_one_shingle_and_empty_gets_none() {
        let mut out = Vec::new();
        shingles_into(&[7, 8], 4, &mut out);
        assert_eq!(out, vec![shingle_hash(&[7, 8])]);
        shingles_into(&[], 4, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn shingle_hash_is_order_sensitive_and_stable() {
        assert_ne!(shingle_hash(&[1, 2]), shingle_hash(&[2, 1]));
        // Pinned: a stored fingerprint must keep matching. XXH3-64 of the 16 bytes 01 00.. 02 00..
        let mut bytes = [0u8; 16];
        bytes[0] = 1;
        bytes[8] = 2;
        assert_eq!(shingle_hash(&[1, 2]), xxhash_rust::xxh3::xxh3_64(&bytes));
    }

    #[test]
    fn intersection_counts_common_values_both_ways() {
        let a = set(&[1, 3, 5, 7, 9]);
        let b = set(&[3, 4, 5, 9, 10, 11]);
        assert_eq!(a.intersection_len(&b), 3);
        assert_eq!(b.intersection_len(&a), 3);
        let big = set(&(0..1000).collect::<Vec<_>>());
        assert_eq!(set(&[5, 999, 5000]).intersection_len(&big), 2);
        assert_eq!(set(&[]).intersection_len(&big), 0);
    }
}
