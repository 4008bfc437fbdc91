//! Fingerprint: the compact summaries that let candidates be found without comparing all pairs.
//!
//! Two kinds, both computed from an article's shingle hashes in text order:
//! - [`Fingerprint`], the primary 64-bit simhash (Charikar 2002) over all shingles. Copies that
//!   are nearly word for word land within a few bits of each other. It is our own ~20-line
//!   implementation: the `simhash` crate is the reference it is checked against (same output
//!   for the same feature hashes, see the tests) and benchmarked against (`benches/fingerprint.rs`:
//!   the crate hashes with SipHash and its per-bit loop does not vectorise).
//! - [`anchors`], winnowed shingles (Schleimer, Wilkerson, Aiken 2003): the smallest hash in every
//!   window of `w` consecutive shingles. Any passage of `w + k - 1` words that two articles share
//!   word for word yields a shared anchor, wherever it sits in either article. This is what finds
//!   a trimmed copy (a 30% excerpt has a simhash far from the full story's) and a copy with a
//!   reworded lead or a local intro.
//!
//! This module never compares articles; see [`crate::candidates`].

use serde::{Deserialize, Serialize};

/// A 64-bit simhash.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Fingerprint(pub u64);

impl Fingerprint {
    /// Number of differing bits.
    #[inline]
    pub fn distance(self, other: Fingerprint) -> u32 {
        (self.0 ^ other.0).count_ones()
    }
}

/// Simhash of a stream of feature hashes: bit `i` is set when more features have bit `i` set
/// than clear. Repeated features count each time, as in the reference crate.
pub fn simhash(features: impl IntoIterator<Item = u64>) -> Fingerprint {
    // i32 lanes and a branch-free update: the inner loop compiles to SIMD adds.
    let mut weights = [0i32; 64];
    for h in features {
        for (i, w) in weights.iter_mut().enumerate() {
            *w += (((h >> i) & 1) as i32) * 2 - 1;
        }
    }
    let mut bits = 0u64;
    for (i, w) in weights.iter().enumerate() {
        bits |= ((*w > 0) as u64) << i;
    }
    Fingerprint(bits)
}

/// Default winnowing window, in shingles. With 4-word shingles, any 15 words shared verbatim give
/// a shared anchor; about 2/(w+1) = 17% of shingles are anchors.
pub const DEFAULT_WINDOW: usize = 11;

/// Winnowed anchors of a shingle sequence: the minimum of each window of `w` hashes (the
/// rightmost one on ties), as the upper 32 bits, sorted and without repeats. A sequence shorter
/// than a window contributes its minimum.
pub fn anchors(shingles: &[u64], w: usize, out: &mut Vec<u32>) {
    out.clear();
    if shingles.is_empty() {
        return;
    }
    let w = w.max(1).min(shingles.len());
    // Monotonic deque of indices whose hashes increase from front to back.
    let mut deque = std::collections::VecDeque::with_capacity(w);
    let mut last = usize::MAX;
    for (i, &h) in shingles.iter().enumerate() {
        while deque.back().is_some_and(|&j: &usize| shingles[j] >= h) {
            deque.pop_back();
        }
        deque.push_back(i);
        if deque.front().is_some_and(|&j| j + w <= i) {
            deque.pop_front();
        }
        if i + 1 >= w {
            let j = *deque.front().expect("deque holds the current index");
            if j != last {
                out.push((shingles[j] >> 32) as u32);
                last = j;
            }
        }
    }
    out.sort_unstable();
    out.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{Hash, Hasher};

    /// The reference crate's feature hash (siphasher's SipHash-2-4, keys 0, over `&str`'s `Hash`).
    fn sip(word: &str) -> u64 {
        let mut s = siphasher::sip::SipHasher::default();
        word.hash(&mut s);
        s.finish()
    }

    #[test]
    fn matches_the_reference_crate_on_the_same_features() {
        let texts = [
            "The cat sat on the mat",
            "Citing the Russian Foreign Ministry , RIA Novosti said on Friday that Trump invited Putin",
            "a",
            "",
            "one two three four five six seven eight nine ten eleven twelve one two three",
        ];
        for t in texts {
            let ours = simhash(t.split_whitespace().map(sip));
            assert_eq!(ours.0, simhash::simhash(t), "{t:?}");
        }
    }

    #[test]
    fn distance_counts_bits() {
        assert_eq!(Fingerprint(0b1011).distance(Fingerprint(0b0001)), 2);
        assert_eq!(Fingerprint(0).distance(Fingerprint(u64::MAX)), 64);
    }

    #[test]
    fn anchors_pick_window_minima() {
        let h = |x: u64| x << 32;
        let seq: Vec<u64> = [5, 3, 8, 6, 9, 1, 7, 4].into_iter().map(h).collect();
        let mut out = Vec::new();
        anchors(&seq, 3, &mut out);
        // windows: [5,3,8]=3 [3,8,6]=3 [8,6,9]=6 [6,9,1]=1 [9,1,7]=1 [1,7,4]=1
        assert_eq!(out, vec![1, 3, 6]);
        anchors(&seq[..2], 3, &mut out);
        assert_eq!(out, vec![3]);
        anchors(&[], 3, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn a_shared_passage_yields_a_shared_anchor_wherever_it_sits() {
        // A 30-shingle passage embedded at different offsets in two different contexts.
        let passage: Vec<u64> = (0..30u64)
            .map(|i| xxhash_rust::xxh3::xxh3_64(&i.to_le_bytes()))
            .collect();
        let noise = |seed: u64, n: u64| -> Vec<u64> {
            (0..n)
                .map(|i| xxhash_rust::xxh3::xxh3_64(&(seed * 1000 + i).to_le_bytes()))
                .collect()
        };
        let a: Vec<u64> = [noise(1, 40), passage.clone(), noise(2, 7)].concat();
        let b: Vec<u64> = [noise(3, 3), passage, noise(4, 90)].concat();
        let (mut x, mut y) = (Vec::new(), Vec::new());
        anchors(&a, DEFAULT_WINDOW, &mut x);
        anchors(&b, DEFAULT_WINDOW, &mut y);
        assert!(x.iter().any(|v| y.contains(v)));
    }
}
