//! Fingerprint: the compact summaries that let candidates be found without comparing all pairs.
//!
//! Two kinds, both computed from an article's shingle hashes in text order:
//! - [`Fingerprint`], the primary 64-bit simhash (Charikar 2002) over all shingles. Copies that
//!   are nearly word for word land within a few bits of each other. It is our own short
//!   implementation (a byte table, or AVX-512 masked adds): the `simhash` crate is the reference
//!   it is checked against (same output for the same feature hashes, see the tests) and
//!   benchmarked against (`benches/fingerprint.rs`: the crate hashes with SipHash and its per-bit
//!   loop does not vectorise).
//! - [`anchors`], winnowed shingles (Schleimer, Wilkerson, Aiken 2003): the smallest rank (upper
//!   half of the hash) in every window of `w` consecutive shingles. Any passage of `w + k - 1` words that two articles share
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
#[repr(transparent)]
pub struct Fingerprint(pub u64);

impl Fingerprint {
    /// Number of differing bits.
    #[inline]
    pub fn distance(self, other: Fingerprint) -> u32 {
        (self.0 ^ other.0).count_ones()
    }
}

/// Simhash of feature hashes: bit `i` is set when more features have bit `i` set than clear.
/// Repeated features count each time, as in the reference crate.
///
/// With AVX-512 (checked at run time), each hash is a mask that adds one to 64 byte-wide
/// counters in one instruction: 0.53 -> 0.17 us per news article. With AVX2, the hash's bits are
/// spread over the 64 bytes of two registers by a shuffle and a compare; otherwise
/// [`simhash_portable`].
pub fn simhash(features: &[u64]) -> Fingerprint {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512bw") {
            // SAFETY: AVX-512 F and BW are available, checked just above (BW implies F).
            return unsafe { avx512::simhash(features) };
        }
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: AVX2 is available, checked just above.
            return unsafe { avx2::simhash(features) };
        }
    }
    simhash_portable(features.iter().copied())
}

/// The portable [`simhash`], eight bits at a time: each byte of a hash indexes `SPREAD`, which
/// spreads its eight bits over the eight bytes of a `u64`, and eight such words accumulate the
/// 64 per-bit counts as bytes (flushed before a byte can overflow). Eight loads and adds per
/// feature instead of 64 lane updates: with it, tokens + shingles + simhash went from 74k to
/// 114k articles/s (`benches/fingerprint.rs`; the per-bit loop it replaced is the reference
/// crate's).
pub fn simhash_portable(features: impl IntoIterator<Item = u64>) -> Fingerprint {
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
    majority(&counts, total)
}

/// The fingerprint whose bit `i` says whether `counts[i]` is more than half of `total`.
fn majority(counts: &[u32; 64], total: u64) -> Fingerprint {
    let mut bits = 0u64;
    for (i, &c) in counts.iter().enumerate() {
        bits |= ((2 * c as u64 > total) as u64) << i;
    }
    Fingerprint(bits)
}

#[cfg(target_arch = "x86_64")]
mod avx512 {
    use std::arch::x86_64::*;

    /// [`super::simhash`] with 64 byte counters in one register, a feature's hash the mask of
    /// which counters it increments; counters are flushed to `u32`s every 255 features.
    ///
    /// # Safety
    /// The processor must support AVX-512 F and BW.
    #[target_feature(enable = "avx512f,avx512bw")]
    pub(super) unsafe fn simhash(features: &[u64]) -> super::Fingerprint {
        let ones = _mm512_set1_epi8(1);
        let mut counts = [0u32; 64];
        let flush = |acc: __m512i, counts: &mut [u32; 64]| {
            let mut bytes = [0u8; 64];
            // SAFETY: `bytes` is 64 writable bytes; unaligned store.
            unsafe { _mm512_storeu_si512(bytes.as_mut_ptr().cast(), acc) };
            for (c, b) in counts.iter_mut().zip(bytes) {
                *c += u32::from(b);
            }
        };
        for chunk in features.chunks(255) {
            let mut acc = _mm512_setzero_si512();
            for &h in chunk {
                acc = _mm512_mask_add_epi8(acc, h, acc, ones);
            }
            flush(acc, &mut counts);
        }
        super::majority(&counts, features.len() as u64)
    }
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::*;

    /// [`super::simhash`] with 64 byte counters in two registers: the feature is copied into
    /// every byte lane that counts one of its bits (a shuffle: counter `i` gets byte `i / 8`),
    /// the lane's bit picked out and compared, and the all-ones lanes subtracted (adding one).
    /// Ten instructions a feature where the byte table takes eight loads and eight adds: on an
    /// EPYC without AVX-512, tokens, shingles and simhash of 1,000 news-length articles went
    /// from 7.0-7.4 to 6.3-6.4 ms (`benches/fingerprint.rs`, the two alternated twice).
    /// Counters are flushed to `u32`s every 255 features.
    ///
    /// # Safety
    /// The processor must support AVX2.
    #[target_feature(enable = "avx2")]
    pub(super) unsafe fn simhash(features: &[u64]) -> super::Fingerprint {
        // Within each 128-bit lane, byte `j` takes byte `j / 8` of its 64-bit half: the low
        // register's lanes count bytes 0-1 and 2-3 of the feature, the high one's 4-5 and 6-7.
        #[rustfmt::skip]
        let (spread_low, spread_high) = (
            _mm256_setr_epi8(
                0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1,
                2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3,
            ),
            _mm256_setr_epi8(
                4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5,
                6, 6, 6, 6, 6, 6, 6, 6, 7, 7, 7, 7, 7, 7, 7, 7,
            ),
        );
        // Byte `j` of each register keeps bit `j % 8` of its byte.
        let bit = _mm256_set1_epi64x(0x8040_2010_0804_0201_u64 as i64);
        let mut counts = [0u32; 64];
        let flush = |low: __m256i, high: __m256i, counts: &mut [u32; 64]| {
            let mut bytes = [0u8; 64];
            // SAFETY: `bytes` is 64 writable bytes; unaligned stores.
            unsafe {
                _mm256_storeu_si256(bytes.as_mut_ptr().cast(), low);
                _mm256_storeu_si256(bytes.as_mut_ptr().add(32).cast(), high);
            }
            for (c, b) in counts.iter_mut().zip(bytes) {
                *c += u32::from(b);
            }
        };
        for chunk in features.chunks(255) {
            let (mut low, mut high) = (_mm256_setzero_si256(), _mm256_setzero_si256());
            for &h in chunk {
                let h = _mm256_set1_epi64x(h as i64);
                let set = |spread| {
                    let picked = _mm256_and_si256(_mm256_shuffle_epi8(h, spread), bit);
                    _mm256_cmpeq_epi8(picked, bit)
                };
                // A set lane is -1: subtracting it adds one.
                low = _mm256_sub_epi8(low, set(spread_low));
                high = _mm256_sub_epi8(high, set(spread_high));
            }
            flush(low, high, &mut counts);
        }
        super::majority(&counts, features.len() as u64)
    }
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

/// Winnowed anchors of a shingle sequence: the minimum of each window of `w` ranks (a rank is
/// the upper 32 bits of a shingle hash), each scrambled by a bijection ([`scramble`]), sorted
/// and without repeats. A sequence shorter than a window contributes its minimum. `spare` is a
/// buffer reused between calls.
///
/// The minima of all windows at once by doubling: the minimum of each window of 2, then of 4,
/// 8 and 11 from overlapping pairs of those, four passes the compiler vectorizes (AVX2 when the
/// processor has it). 0.1 us per news article, where tracking the minimum as the window slides
/// took 1.0 us (its branches are unpredictable).
///
/// Minima are small numbers by construction, and anchors key the postings, which want keys
/// spread evenly (by their top bits into sort ranges and directory slots): unscrambled, a third
/// of all anchors fell into the first sixteenth of the key space. The scramble is one-to-one,
/// so distinct minima stay distinct anchors.
pub fn anchors(shingles: &[u64], w: usize, spare: &mut Vec<u32>, out: &mut Vec<u32>) {
    out.clear();
    out.extend(shingles.iter().map(|&h| (h >> 32) as u32));
    if out.is_empty() {
        return;
    }
    window_minima(out, spare, w.max(1).min(out.len()));
    // Neighbouring windows mostly share their minimum: drop runs first (branch-free), then sort.
    let mut kept = 0;
    let mut last = !out[0];
    for i in 0..out.len() {
        let key = out[i];
        out[kept] = key;
        kept += (key != last) as usize;
        last = key;
    }
    out.truncate(kept);
    for key in out.iter_mut() {
        *key = scramble(*key);
    }
    crate::sort::sort_short(out);
    out.dedup();
}

/// MurmurHash3's 32-bit finalizer (Appleby): a bijection of `u32` that spreads small numbers
/// over the whole range.
#[inline]
pub fn scramble(mut x: u32) -> u32 {
    x ^= x >> 16;
    x = x.wrapping_mul(0x85eb_ca6b);
    x ^= x >> 13;
    x = x.wrapping_mul(0xc2b2_ae35);
    x ^ (x >> 16)
}

/// Replaces `keys` by the minimum of each of its windows of `w` (`1 <= w <= keys.len()`):
/// `keys.len() - w + 1` values. Compiled for AVX2 when the processor has it.
fn window_minima(keys: &mut Vec<u32>, spare: &mut Vec<u32>, w: usize) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: AVX2 is available, checked just above.
        return unsafe { window_minima_avx2(keys, spare, w) };
    }
    window_minima_portable(keys, spare, w)
}

/// [`window_minima`] for any processor.
#[inline(always)]
fn window_minima_portable(keys: &mut Vec<u32>, spare: &mut Vec<u32>, w: usize) {
    // `keys[i]` is the minimum of the `width` keys from `i`; windows of `width + step` are the
    // minima of two overlapping windows of `width`.
    let mut width = 1;
    while width < w {
        let step = width.min(w - width);
        let n = keys.len() - step;
        spare.clear();
        spare.extend(keys[..n].iter().zip(&keys[step..]).map(|(a, b)| *a.min(b)));
        std::mem::swap(keys, spare);
        width += step;
    }
}

/// [`window_minima_portable`] compiled for AVX2.
///
/// # Safety
/// The processor must support AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn window_minima_avx2(keys: &mut Vec<u32>, spare: &mut Vec<u32>, w: usize) {
    window_minima_portable(keys, spare, w)
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

    /// The simhash of `features` by every path there is, checked to agree.
    fn simhash_of(features: impl IntoIterator<Item = u64>) -> Fingerprint {
        let features: Vec<u64> = features.into_iter().collect();
        let portable = simhash_portable(features.iter().copied());
        assert_eq!(
            simhash(&features),
            portable,
            "dispatched and portable paths"
        );
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: AVX2 is available, checked just above.
            let avx2 = unsafe { avx2::simhash(&features) };
            assert_eq!(avx2, portable, "AVX2 and portable paths");
        }
        portable
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
            let ours = simhash_of(t.split_whitespace().map(sip));
            assert_eq!(ours.0, simhash::simhash(t), "{t:?}");
        }
    }

    #[test]
    fn counts_survive_byte_overflow_and_ties_clear_the_bit() {
        // 300 features with bit 0 set and 299 without: bit 0 is set; counts pass 255.
        let mut f = vec![1u64; 300];
        f.extend(vec![0u64; 299]);
        assert_eq!(simhash_of(f).0 & 1, 1);
        // A tie (as many set as clear) leaves the bit clear, as in the reference.
        assert_eq!(simhash_of([1u64, 0]).0 & 1, 0);
        assert_eq!(simhash_of(std::iter::empty()).0, 0);
    }

    #[test]
    fn matches_the_reference_crate_on_long_texts() {
        let text: String = (0..2000)
            .map(|i| format!("w{} ", (i * 7919) % 613))
            .collect();
        assert_eq!(
            simhash_of(text.split_whitespace().map(sip)).0,
            simhash::simhash(&text)
        );
    }

    proptest::proptest! {
        /// The AVX-512 and AVX2 counters (where the processor has them) and the portable byte
        /// table agree, across the 255-feature flushes too.
        #[test]
        fn every_simhash_path_agrees(features in proptest::collection::vec(proptest::num::u64::ANY, 0..700)) {
            simhash_of(features);
        }
    }

    #[test]
    fn distance_counts_bits() {
        assert_eq!(Fingerprint(0b1011).distance(Fingerprint(0b0001)), 2);
        assert_eq!(Fingerprint(0).distance(Fingerprint(u64::MAX)), 64);
    }

    #[test]
    fn anchors_pick_window_minima() {
        // Ranks are the upper halves of the hashes; the lower halves play no part.
        let h = |x: u64| ((x + 100) << 32) | (100 - x);
        let seq: Vec<u64> = [5, 3, 8, 6, 9, 1, 7, 4].into_iter().map(h).collect();
        let (mut spare, mut out) = (Vec::new(), Vec::new());
        anchors(&seq, 3, &mut spare, &mut out);
        // windows: [5,3,8]=3 [3,8,6]=3 [8,6,9]=6 [6,9,1]=1 [9,1,7]=1 [1,7,4]=1
        let mut want: Vec<u32> = [101, 103, 106].into_iter().map(scramble).collect();
        want.sort_unstable();
        assert_eq!(out, want);
        anchors(&seq[..2], 3, &mut spare, &mut out);
        assert_eq!(out, vec![scramble(103)]);
        // Pinned, as anchors are a stable format: MurmurHash3's fmix32 of 1.
        assert_eq!(scramble(1), 0x514e_28b7);
        anchors(&[], 3, &mut spare, &mut out);
        assert!(out.is_empty());
    }

    /// Winnowing by its definition: the smallest rank of every window, nothing clever.
    fn naive_anchors(shingles: &[u64], w: usize) -> Vec<u32> {
        if shingles.is_empty() {
            return Vec::new();
        }
        let w = w.max(1).min(shingles.len());
        let mut out: Vec<u32> = shingles
            .windows(w)
            .map(|win| {
                scramble(
                    win.iter()
                        .map(|&h| (h >> 32) as u32)
                        .min()
                        .expect("non-empty"),
                )
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    proptest::proptest! {
        #[test]
        fn anchors_are_the_minima_of_every_window(
            values in proptest::collection::vec((0u64..6, proptest::num::u32::ANY), 0..80),
            w in 1usize..16,
        ) {
            // Few distinct ranks: ties everywhere, minima leaving and re-entering windows; lower
            // halves at random, which must not matter.
            let seq: Vec<u64> = values.iter().map(|&(v, low)| ((v + 7) << 32) | u64::from(low)).collect();
            let want = naive_anchors(&seq, w);
            let (mut spare, mut out) = (Vec::new(), Vec::new());
            anchors(&seq, w, &mut spare, &mut out);
            proptest::prop_assert_eq!(&out, &want);
            // The portable minima too (the dispatch above takes AVX2 where it can).
            if !seq.is_empty() {
                let mut keys: Vec<u32> = seq.iter().map(|&h| (h >> 32) as u32).collect();
                window_minima_portable(&mut keys, &mut spare, w.min(seq.len()));
                let mut keys: Vec<u32> = keys.into_iter().map(scramble).collect();
                keys.sort_unstable();
                keys.dedup();
                proptest::prop_assert_eq!(keys, want);
            }
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
        let (mut spare, mut x, mut y) = (Vec::new(), Vec::new(), Vec::new());
        anchors(&a, DEFAULT_WINDOW, &mut spare, &mut x);
        anchors(&b, DEFAULT_WINDOW, &mut spare, &mut y);
        assert!(x.iter().any(|v| y.contains(v)));
    }
}
