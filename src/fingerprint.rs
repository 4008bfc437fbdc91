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
///
/// Counted eight bits at a time: each byte of a hash indexes `SPREAD`, which spreads its
/// eight bits over the eight bytes of a `u64`, and eight such words accumulate the 64 per-bit
/// counts as bytes (flushed before a byte can overflow). Eight loads and adds per feature
/// instead of 64 lane updates: with it, tokens + shingles + simhash went from 74k to 114k
/// articles/s (`benches/fingerprint.rs`; the per-bit loop it replaced is the reference crate's).
pub fn simhash(features: impl IntoIterator<Item = u64>) -> Fingerprint {
    let mut counts = [0u32; 64];
    let mut packed = [0u64; 8];
    let mut pending = 0u32;
    let mut total = 0u64;
    let flush = |packed: &mut [u64; 8], counts: &mut [u32; 64]| {
        for (b, word) in packed.iter_mut().enumerate() {
            for (k, byte) in word.to_le_bytes().iter().enumerate() {
                counts[8 * b + k] += *byte as u32;
            }
            *word = 0;
        }
    };
    for h in features {
        for (b, word) in packed.iter_mut().enumerate() {
            *word += SPREAD[((h >> (8 * b)) & 0xff) as usize];
        }
        pending += 1;
        total += 1;
        if pending == 255 {
            flush(&mut packed, &mut counts);
            pending = 0;
        }
    }
    flush(&mut packed, &mut counts);
    let mut bits = 0u64;
    for (i, &c) in counts.iter().enumerate() {
        bits |= ((2 * c as u64 > total) as u64) << i;
    }
    Fingerprint(bits)
}

/// `SPREAD[x]` has byte `k` equal to bit `k` of `x`.
const SPREAD: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut x = 0;
    while x < 256 {
        let mut k = 0;
        while k < 8 {
            table[x] |= (((x >> k) & 1) as u64) << (8 * k);
            k += 1;
        }
        x += 1;
    }
    table
};

/// Default winnowing window, in shingles. With 4-word shingles, any 15 words shared verbatim give
/// a shared anchor; about 2/(w+1) = 17% of shingles are anchors.
pub const DEFAULT_WINDOW: usize = 11;

/// Winnowed anchors of a shingle sequence: the minimum of each window of `w` hashes (the
/// rightmost one on ties), as its lower 32 bits, sorted and without repeats. A sequence shorter
/// than a window contributes its minimum.
///
/// The lower bits because the upper bits of a minimum are small: as keys they crowded the
/// postings' first ranges and directory slots (a third of all anchors fell in the first
/// sixteenth of the key space), while the lower bits are as uniform as the hash.
pub fn anchors(shingles: &[u64], w: usize, out: &mut Vec<u32>) {
    out.clear();
    if shingles.is_empty() {
        return;
    }
    let w = w.max(1).min(shingles.len());
    // The window's minimum is kept by position and found again by a scan only when it leaves
    // the window (on random hashes, about every w/2 steps): 4x faster here than a monotonic
    // deque, which paid for its pushes and pops on every shingle.
    let mut min = 0;
    let mut last = usize::MAX;
    for (i, &h) in shingles.iter().enumerate() {
        if i >= w && min + w <= i {
            min = i + 1 - w;
            for j in min + 1..=i {
                if shingles[j] <= shingles[min] {
                    min = j;
                }
            }
        } else if h <= shingles[min] {
            min = i;
        }
        if i + 1 >= w && min != last {
            out.push(shingles[min] as u32);
            last = min;
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
    fn counts_survive_byte_overflow_and_ties_clear_the_bit() {
        // 300 features with bit 0 set and 299 without: bit 0 is set; counts pass 255.
        let mut f = vec![1u64; 300];
        f.extend(vec![0u64; 299]);
        assert_eq!(simhash(f).0 & 1, 1);
        // A tie (as many set as clear) leaves the bit clear, as in the reference.
        assert_eq!(simhash([1u64, 0]).0 & 1, 0);
        assert_eq!(simhash(std::iter::empty()).0, 0);
    }

    #[test]
    fn matches_the_reference_crate_on_long_texts() {
        let text: String = (0..2000)
            .map(|i| format!("w{} ", (i * 7919) % 613))
            .collect();
        assert_eq!(
            simhash(text.split_whitespace().map(sip)).0,
            simhash::simhash(&text)
        );
    }

    #[test]
    fn distance_counts_bits() {
        assert_eq!(Fingerprint(0b1011).distance(Fingerprint(0b0001)), 2);
        assert_eq!(Fingerprint(0).distance(Fingerprint(u64::MAX)), 64);
    }

    #[test]
    fn anchors_pick_window_minima() {
        // The minimum is taken over whole hashes; the anchor is the minimum's lower half.
        let h = |x: u64| (x << 32) | (x + 100);
        let seq: Vec<u64> = [5, 3, 8, 6, 9, 1, 7, 4].into_iter().map(h).collect();
        let mut out = Vec::new();
        anchors(&seq, 3, &mut out);
        // windows: [5,3,8]=3 [3,8,6]=3 [8,6,9]=6 [6,9,1]=1 [9,1,7]=1 [1,7,4]=1
        assert_eq!(out, vec![101, 103, 106]);
        anchors(&seq[..2], 3, &mut out);
        assert_eq!(out, vec![103]);
        anchors(&[], 3, &mut out);
        assert!(out.is_empty());
    }

    /// Winnowing by its definition: the rightmost minimum of every window, nothing clever.
    fn naive_anchors(shingles: &[u64], w: usize) -> Vec<u32> {
        if shingles.is_empty() {
            return Vec::new();
        }
        let w = w.max(1).min(shingles.len());
        let mut out: Vec<u32> = shingles
            .windows(w)
            .map(|win| {
                let m = *win.iter().min().expect("non-empty");
                m as u32
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    proptest::proptest! {
        #[test]
        fn anchors_are_the_minima_of_every_window(
            values in proptest::collection::vec(0u64..6, 0..80),
            w in 1usize..16,
        ) {
            // Few distinct values: ties everywhere, minima leaving and re-entering windows.
            let seq: Vec<u64> = values.iter().map(|v| (v << 32) | (v + 7)).collect();
            let mut out = Vec::new();
            anchors(&seq, w, &mut out);
            proptest::prop_assert_eq!(out, naive_anchors(&seq, w));
        }
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
