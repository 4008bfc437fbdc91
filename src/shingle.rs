//! Shingle: overlapping runs of `k` normalized words, each hashed to a stable 64-bit value.
//!
//! A shingle's hash is XXH3-64 (seed 0) over the little-endian bytes of its `k` token hashes
//! (see [`crate::normalize::token_hash`]), so it is fully specified and stable across builds and
//! machines. A text with fewer than `k` words (but at least one) has one shingle of all its words,
//! so short texts can still match each other.
//!
//! [`ShingleSet`] is the exact set used for verification: the upper 24 bits of each shingle
//! hash, sorted, deduplicated and packed three bytes a value ([`SetView`] borrows one). This
//! module never decides what is a duplicate.

/// How many words make one shingle, by default. Four words keep a reworded word from touching
/// more than four shingles, while common three-word phrases ("said on Friday") stop matching
/// unrelated stories (measured in `tests/eval/eval_reuters.py`).
pub const DEFAULT_K: usize = 4;

/// The hash of one shingle from the token hashes it spans.
#[inline]
pub fn shingle_hash(tokens: &[u64]) -> u64 {
    if let 3..=4 = tokens.len() {
        return xxh3_17_to_32_bytes(tokens);
    }
    let mut bytes = [0u8; 8 * MAX_K];
    for (chunk, t) in bytes.chunks_exact_mut(8).zip(tokens) {
        chunk.copy_from_slice(&t.to_le_bytes());
    }
    xxhash_rust::xxh3::xxh3_64(&bytes[..8 * tokens.len()])
}

/// XXH3-64 (seed 0) of the little-endian bytes of three or four words, computed from the words.
/// For 17 to 32 bytes XXH3 is two 16-byte mixes (the first 16 bytes and the last 16, each against
/// 16 bytes of its secret) and an avalanche; laying the words out in a buffer for
/// `xxhash_rust::xxh3::xxh3_64` cost about 62 instructions a shingle, this about 23 (callgrind).
/// A proptest holds it to the crate.
#[inline]
fn xxh3_17_to_32_bytes(words: &[u64]) -> u64 {
    // The first 32 bytes of XXH3's default secret (`kSecret` in the specification).
    const SECRET: [u64; 4] = [
        u64::from_le_bytes([0xb8, 0xfe, 0x6c, 0x39, 0x23, 0xa4, 0x4b, 0xbe]),
        u64::from_le_bytes([0x7c, 0x01, 0x81, 0x2c, 0xf7, 0x21, 0xad, 0x1c]),
        u64::from_le_bytes([0xde, 0xd4, 0x6d, 0xe9, 0x83, 0x90, 0x97, 0xdb]),
        u64::from_le_bytes([0x72, 0x40, 0xa4, 0xa4, 0xb7, 0xb3, 0x67, 0x1f]),
    ];
    const PRIME64_1: u64 = 0x9e37_79b1_85eb_ca87;
    let mix = |lo: u64, hi: u64, secret_lo: u64, secret_hi: u64| {
        let product = u128::from(lo ^ secret_lo) * u128::from(hi ^ secret_hi);
        product as u64 ^ (product >> 64) as u64
    };
    let n = words.len();
    debug_assert!((3..=4).contains(&n));
    let acc = (8 * n as u64)
        .wrapping_mul(PRIME64_1)
        .wrapping_add(mix(words[0], words[1], SECRET[0], SECRET[1]))
        .wrapping_add(mix(words[n - 2], words[n - 1], SECRET[2], SECRET[3]));
    let acc = (acc ^ acc >> 37).wrapping_mul(0x1656_6791_9e37_79f9);
    acc ^ acc >> 32
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

/// Bits of each shingle hash kept in a [`ShingleSet`].
pub const SET_BITS: u32 = 24;

/// Bytes per value in a packed set.
const PACKED: usize = 3;

/// The exact set of an article's shingles (upper [`SET_BITS`] bits of each hash), sorted, no
/// repeats, packed three bytes a value.
///
/// Three bytes rather than four: the sets are most of the memory a run holds (a million
/// news-length articles keep 340 million values), and 24 bits are plenty for what they are
/// used for. Two 400-shingle articles share a spurious value with probability about 0.01,
/// which moves Jaccard by 1/800 at most; a 10,000-shingle article against a 400-shingle one
/// gets about 0.24 spurious shared values.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShingleSet(Box<[u8]>);

/// Reusable buffers for building sets.
#[derive(Debug, Default)]
pub struct SetScratch {
    values: Vec<u32>,
    sorted: Vec<u32>,
    spare: Vec<u32>,
}

impl SetScratch {
    /// Sorts `self.values` into `self.sorted`, repeats included.
    ///
    /// A least-significant-digit radix sort, three passes of eight bits (the values have
    /// [`SET_BITS`] bits), the three counts taken in one pass: no comparisons, so no branch to
    /// mispredict. Building the set of a news-length article (300-600 values, timed in one
    /// process, alternated) went from 4.4-5.5 to 3.1-3.8 us against the bucket sort it replaced
    /// (values scattered by their top bits into about one bucket each, then an insertion-sort
    /// pass whose branches mispredicted on every crowded bucket); `sort_unstable` and `dedup`
    /// alone took 5.6-8.1 us. Short lists, where clearing 768 counts would dominate, use the
    /// AVX-512 network of [`crate::sort`] (200-299 values: 1.43 -> 1.12 us a set, sorted and
    /// packed; at 300-399 the two cost the same, and above, the radix sort is faster), or
    /// `sort_unstable` without AVX-512.
    fn sort(&mut self) {
        let n = self.values.len();
        self.sorted.clear();
        if n <= 256 {
            self.sorted.extend_from_slice(&self.values);
            if crate::sort::by_network(&mut self.sorted) {
                return;
            }
            if n < 64 {
                self.sorted.sort_unstable();
                return;
            }
            self.sorted.clear();
        }
        const _: () = assert!(SET_BITS <= 24, "three passes of eight bits");
        let digit = |v: u32, pass: usize| (v >> (8 * pass) & 0xff) as usize;
        let mut starts = [[0u32; 256]; 3];
        for &v in &self.values {
            for (pass, counts) in starts.iter_mut().enumerate() {
                counts[digit(v, pass)] += 1;
            }
        }
        for counts in &mut starts {
            let mut sum = 0;
            for c in counts.iter_mut() {
                (*c, sum) = (sum, sum + *c);
            }
        }
        // values -> sorted -> spare -> sorted, each pass stable.
        let scatter = |from: &[u32], to: &mut [u32], starts: &mut [u32; 256], pass: usize| {
            for &v in from {
                let slot = &mut starts[digit(v, pass)];
                to[*slot as usize] = v;
                *slot += 1;
            }
        };
        self.sorted.resize(n, 0);
        self.spare.clear();
        self.spare.resize(n, 0);
        let [low, middle, high] = &mut starts;
        scatter(&self.values, &mut self.sorted, low, 0);
        scatter(&self.sorted, &mut self.spare, middle, 1);
        scatter(&self.spare, &mut self.sorted, high, 2);
    }

    /// Packs the distinct sorted values, appending to `out`; returns how many.
    fn pack_into(&self, out: &mut Vec<u8>) -> usize {
        let start = out.len();
        out.resize(start + PACKED * self.sorted.len(), 0);
        let mut at = start;
        let mut last = None;
        for &v in &self.sorted {
            if last != Some(v) {
                out[at..at + PACKED].copy_from_slice(&v.to_le_bytes()[..PACKED]);
                at += PACKED;
                last = Some(v);
            }
        }
        out.truncate(at);
        (at - start) / PACKED
    }
}

/// Appends the packed set of `hashes` (any order, repeats allowed) to `out`: the bytes a
/// [`ShingleSet`] of them holds, without making one. Returns the number of distinct values.
pub fn pack_hashes_into(hashes: &[u64], scratch: &mut SetScratch, out: &mut Vec<u8>) -> usize {
    scratch.values.clear();
    scratch
        .values
        .extend(hashes.iter().map(|h| (h >> (64 - SET_BITS)) as u32));
    scratch.sort();
    scratch.pack_into(out)
}

impl ShingleSet {
    /// Builds the set from shingle hashes in any order. `scratch` is reused between calls.
    pub fn from_hashes(hashes: &[u64], scratch: &mut SetScratch) -> Self {
        let mut packed = Vec::new();
        pack_hashes_into(hashes, scratch, &mut packed);
        ShingleSet(packed.into_boxed_slice())
    }

    /// Builds the set from already-truncated values, in any order (for tools and tests that make
    /// sets directly). Only the low [`SET_BITS`] bits of each value count.
    pub fn from_values(values: impl IntoIterator<Item = u32>) -> Self {
        let mut scratch = SetScratch::default();
        scratch
            .values
            .extend(values.into_iter().map(|x| x & ((1 << SET_BITS) - 1)));
        scratch.sort();
        let mut packed = Vec::new();
        scratch.pack_into(&mut packed);
        ShingleSet(packed.into_boxed_slice())
    }

    /// Builds the set from values already ascending and without repeats (each below
    /// 2^[`SET_BITS`]), as a set's own values are.
    pub fn from_ascending(values: &[u32]) -> Self {
        debug_assert!(values.windows(2).all(|w| w[0] < w[1]));
        let mut packed = Vec::with_capacity(PACKED * values.len());
        for v in values {
            packed.extend_from_slice(&v.to_le_bytes()[..PACKED]);
        }
        ShingleSet(packed.into_boxed_slice())
    }

    /// Takes bytes made by [`pack_hashes_into`].
    pub fn from_packed(bytes: Vec<u8>) -> Self {
        debug_assert_eq!(bytes.len() % PACKED, 0);
        ShingleSet(bytes.into_boxed_slice())
    }

    /// A borrowed view, as the corpus store hands out.
    pub fn view(&self) -> SetView<'_> {
        SetView(&self.0)
    }

    /// Number of distinct shingles.
    pub fn len(&self) -> usize {
        self.view().len()
    }

    /// True when the article had no words at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The packed bytes (three little-endian bytes a value, ascending).
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The values, ascending.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.view().iter()
    }

    /// Size of the intersection with `other`.
    pub fn intersection_len(&self, other: &ShingleSet) -> usize {
        self.view().intersection_len(other.view())
    }
}

/// Size of the intersection of two ascending, repeat-free slices: a branch-free linear merge, or
/// binary searches into the larger when one is 16 times the other. With AVX2, sets of similar
/// size are merged eight values against eight at a time.
pub fn intersection_len_sorted(a: &[u32], b: &[u32]) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        if short.len() >= 16
            && long.len() / short.len() < 16
            && std::arch::is_x86_feature_detected!("avx2")
        {
            // SAFETY: AVX2 is available, checked just above.
            return unsafe { avx2::intersection_len(a, b) };
        }
    }
    intersection_len_by(a.len(), |i| a[i], b.len(), |i| b[i])
}

/// The block merge of two sorted, repeat-free sets (Schlegel, Willhalm and Lehner's scheme): a
/// block of eight values of each is compared all against all (the other block, its halves
/// swapped, and each of those turned by one, two and three places within its halves: eight
/// comparisons), and the block with the smaller last value moves on. A value is counted once:
/// the other set has it at most once, and blocks only move past values that cannot match again.
/// Written here because the crate that offers SIMD intersections, `sosorted`, is built on the
/// nightly-only `std::simd` and writes the intersection out rather than counting it. The
/// clustering stage of 1M generated articles, mostly these merges, went from 3.66 s to 3.16 s
/// (the scalar merge is still used without AVX2, and for the tail of every merge).
///
/// What bounds the merge is the chain from one block's last values to the next block's
/// position. Read from the loaded vector (which the compiler chose), each step waited for the
/// load and two extractions; here the next blocks' last values are read ahead, while the
/// comparisons run, and the step only chooses between them. With the matches summed in a
/// vector rather than counted a block at a time, and in-half turns (which more ports execute)
/// instead of full rotations, two sets of 420 values took 550-780 ns rather than 1,130-1,300 ns
/// (alternated runs of a scratch benchmark on this machine).
#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::*;

    /// Size of the intersection of `a` and `b` (ascending, no repeats).
    ///
    /// # Safety
    /// The processor must support AVX2.
    #[target_feature(enable = "avx2")]
    pub(super) unsafe fn intersection_len(a: &[u32], b: &[u32]) -> usize {
        if a.len() < 8 || b.len() < 8 {
            return super::intersection_len_by(a.len(), |k| a[k], b.len(), |k| b[k]);
        }
        let (mut i, mut j) = (0usize, 0usize);
        // The last values of the blocks at `i` and `j`.
        let (mut last_a, mut last_b) = (a[7], b[7]);
        // Lane by lane, the number of matches (a comparison gives -1 for a match, subtracted).
        let mut matches = _mm256_setzero_si256();
        while i + 8 <= a.len() && j + 8 <= b.len() {
            // SAFETY: i + 8 <= a.len() and j + 8 <= b.len(); unaligned loads.
            let (va, vb) = unsafe {
                (
                    _mm256_loadu_si256(a.as_ptr().add(i).cast()),
                    _mm256_loadu_si256(b.as_ptr().add(j).cast()),
                )
            };
            // The last values of the blocks after these (past the end: none, and the loop ends).
            let next_a = a.get(i + 15).copied().unwrap_or(u32::MAX);
            let next_b = b.get(j + 15).copied().unwrap_or(u32::MAX);
            let swapped = _mm256_permute4x64_epi64(vb, 0b01_00_11_10);
            let eq = |x| _mm256_cmpeq_epi32(va, x);
            let turns = |x| {
                _mm256_or_si256(
                    _mm256_or_si256(eq(x), eq(_mm256_shuffle_epi32(x, 0b00_11_10_01))),
                    _mm256_or_si256(
                        eq(_mm256_shuffle_epi32(x, 0b01_00_11_10)),
                        eq(_mm256_shuffle_epi32(x, 0b10_01_00_11)),
                    ),
                )
            };
            matches = _mm256_sub_epi32(matches, _mm256_or_si256(turns(vb), turns(swapped)));
            let (move_a, move_b) = (last_a <= last_b, last_b <= last_a);
            i += usize::from(move_a) << 3;
            j += usize::from(move_b) << 3;
            last_a = if move_a { next_a } else { last_a };
            last_b = if move_b { next_b } else { last_b };
        }
        let mut lanes = [0u32; 8];
        // SAFETY: eight 32-bit lanes stored into an array of eight.
        unsafe { _mm256_storeu_si256(lanes.as_mut_ptr().cast(), matches) };
        let blocks = lanes.iter().map(|&m| m as usize).sum::<usize>();
        blocks + super::intersection_len_by(a.len() - i, |k| a[i + k], b.len() - j, |k| b[j + k])
    }
}

/// Unpacking with AVX-512 VBMI: one byte shuffle turns 48 packed bytes into sixteen values.
/// Verification unpacks every candidate's set; the scalar loop cost about 6% of a 1M-article
/// run's processor time (perf), this one a tenth of that.
#[cfg(target_arch = "x86_64")]
mod vbmi {
    use std::arch::x86_64::*;

    /// Appends the values packed in `bytes` (three little-endian bytes each) to `out`, which is
    /// empty.
    ///
    /// # Safety
    /// The processor must support AVX-512 F, BW and VBMI.
    #[target_feature(enable = "avx512f,avx512bw,avx512vbmi")]
    pub(super) unsafe fn decode_into(bytes: &[u8], out: &mut Vec<u32>) {
        let n = bytes.len() / super::PACKED;
        out.reserve(n);
        // Byte `j` of value `i` comes from byte `3i + j` of the input, for j < 3; byte 3 is
        // zeroed by the mask.
        let mut spread = [0u8; 64];
        for (k, b) in spread.iter_mut().enumerate() {
            *b = (3 * (k / 4) + k % 4) as u8;
        }
        // SAFETY: 64 bytes read from a 64-byte array.
        let spread = unsafe { _mm512_loadu_si512(spread.as_ptr().cast()) };
        const LOW_THREE: __mmask64 = 0x7777_7777_7777_7777;
        let (src, dst) = (bytes.as_ptr(), out.as_mut_ptr());
        let mut i = 0;
        while i < n {
            let count = (n - i).min(16);
            let load: __mmask64 = (1 << (3 * count)) - 1; // 3 * count <= 48
            let store: __mmask16 = ((1u32 << count) - 1) as __mmask16;
            // SAFETY: masked loads and stores touch only the bytes their masks select, here
            // the `3 * count` bytes left from value `i` on, and `count` values of `out`'s
            // reserved capacity from `i` on; masked-off bytes never fault.
            unsafe {
                let packed = _mm512_maskz_loadu_epi8(load, src.add(3 * i).cast());
                let values = _mm512_maskz_permutexvar_epi8(LOW_THREE, spread, packed);
                _mm512_mask_storeu_epi32(dst.add(i).cast(), store, values);
            }
            i += count;
        }
        // SAFETY: the loop wrote all `n` values, within the capacity reserved above.
        unsafe { out.set_len(n) };
    }
}

/// The intersection of two ascending, repeat-free sequences of `na` and `nb` values, read by
/// index: one merge for unpacked slices and packed sets alike.
#[inline]
fn intersection_len_by(
    na: usize,
    a: impl Fn(usize) -> u32,
    nb: usize,
    b: impl Fn(usize) -> u32,
) -> usize {
    if na > nb {
        return intersection_len_by(nb, b, na, a);
    }
    if na == 0 {
        return 0;
    }
    if nb / na >= 16 {
        return (0..na)
            .filter(|&i| {
                let v = a(i);
                let (mut lo, mut hi) = (0, nb);
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    if b(mid) < v {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                lo < nb && b(lo) == v
            })
            .count();
    }
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < na && j < nb {
        let (x, y) = (a(i), b(j));
        n += (x == y) as usize;
        i += (x <= y) as usize;
        j += (y <= x) as usize;
    }
    n
}

/// A packed shingle set, borrowed: from a [`ShingleSet`] or from the corpus store's arena.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SetView<'a>(&'a [u8]);

impl<'a> SetView<'a> {
    /// Views packed bytes (three little-endian bytes a value, ascending, no repeats).
    pub fn from_packed(bytes: &'a [u8]) -> Self {
        debug_assert_eq!(bytes.len() % PACKED, 0);
        SetView(bytes)
    }

    /// Number of values.
    pub fn len(self) -> usize {
        self.0.len() / PACKED
    }

    /// The packed bytes (three little-endian bytes a value, ascending): equal sets, equal bytes.
    pub fn as_bytes(self) -> &'a [u8] {
        self.0
    }

    /// True when empty.
    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }

    #[inline]
    fn at(self, i: usize) -> u32 {
        let b = &self.0[PACKED * i..PACKED * i + PACKED];
        u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16
    }

    /// Unpacks the values, ascending, into `out` (cleared first). Hot loops unpack a set once
    /// and intersect it many times with [`intersection_len_sorted`], twice as fast as merging
    /// packed values.
    pub fn decode_into(self, out: &mut Vec<u32>) {
        out.clear();
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx512vbmi") {
                // SAFETY: AVX-512 F, BW and VBMI are available, checked just above (VBMI
                // implies the other two).
                return unsafe { vbmi::decode_into(self.0, out) };
            }
        }
        out.extend(self.iter());
    }

    /// The values, ascending.
    pub fn iter(self) -> impl Iterator<Item = u32> + 'a {
        self.0
            .chunks_exact(PACKED)
            .map(|b| u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16)
    }

    /// Size of the intersection with `other` (see [`intersection_len_sorted`]). Sets of
    /// similar size are unpacked first, into buffers each thread keeps, and merged unpacked:
    /// merging packed values cost 14% of the clustering stage of 1M articles, where the second
    /// look checks members against their representative.
    pub fn intersection_len(self, other: SetView<'_>) -> usize {
        let (short, long) = (self.len().min(other.len()), self.len().max(other.len()));
        if short < 16 || long / short >= 16 {
            return intersection_len_by(self.len(), |i| self.at(i), other.len(), |i| other.at(i));
        }
        thread_local! {
            static UNPACKED: std::cell::RefCell<(Vec<u32>, Vec<u32>)> = const {
                std::cell::RefCell::new((Vec::new(), Vec::new()))
            };
        }
        UNPACKED.with_borrow_mut(|(a, b)| {
            self.decode_into(a);
            other.decode_into(b);
            let shared = intersection_len_sorted(a, b);
            // What a huge text needed is not kept for the thread's life.
            if a.capacity() + b.capacity() > 1 << 20 {
                *a = Vec::new();
                *b = Vec::new();
            }
            shared
        })
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

    proptest::proptest! {
        /// A shingle's hash is XXH3-64 of its tokens' little-endian bytes, whatever its length
        /// (three and four words are computed without the crate).
        #[test]
        fn shingle_hash_is_xxh3_of_the_token_bytes(
            tokens in proptest::collection::vec(proptest::num::u64::ANY, 1..=MAX_K),
        ) {
            let bytes: Vec<u8> = tokens.iter().flat_map(|t| t.to_le_bytes()).collect();
            proptest::prop_assert_eq!(shingle_hash(&tokens), xxhash_rust::xxh3::xxh3_64(&bytes));
        }

        /// Every path (block merge, scalar merge, binary search) counts what a set would.
        #[test]
        fn intersection_is_the_set_intersection(
            a in proptest::collection::btree_set(0u32..600, 0..300),
            b in proptest::collection::btree_set(0u32..600, 0..300),
        ) {
            let (a, b): (Vec<u32>, Vec<u32>) = (a.into_iter().collect(), b.into_iter().collect());
            let expected = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
            proptest::prop_assert_eq!(intersection_len_sorted(&a, &b), expected);
            proptest::prop_assert_eq!(intersection_len_sorted(&b, &a), expected);
            let scalar = intersection_len_by(a.len(), |i| a[i], b.len(), |i| b[i]);
            proptest::prop_assert_eq!(scalar, expected);
            let packed = |v: &[u32]| ShingleSet::from_values(v.iter().copied());
            proptest::prop_assert_eq!(packed(&a).intersection_len(&packed(&b)), expected);
        }
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
        assert_eq!(big.intersection_len(&set(&[])), 0);
        let (mut x, mut y) = (Vec::new(), Vec::new());
        a.view().decode_into(&mut x);
        b.view().decode_into(&mut y);
        assert_eq!(intersection_len_sorted(&x, &y), 3);
        assert_eq!(intersection_len_sorted(&y, &x), 3);
        assert_eq!(
            intersection_len_sorted(&[5, 999, 5000], &(0..1000).collect::<Vec<_>>()),
            2
        );
        assert_eq!(intersection_len_sorted(&[], &x), 0);
    }

    #[test]
    fn packing_keeps_every_value_in_order() {
        let values = [0u32, 1, 255, 256, 65_535, 65_536, 0xab_cdef, 0xff_ffff];
        let s = ShingleSet::from_values(values.iter().rev().copied().chain([1, 256]));
        assert_eq!(s.iter().collect::<Vec<_>>(), values);
        assert_eq!(s.len(), values.len());
        assert_eq!(s.as_bytes().len(), 3 * values.len());
        // Only the kept bits count: these two are the same value.
        assert_eq!(ShingleSet::from_values([0x0100_0005]), set(&[5]));
        assert_eq!(ShingleSet::from_ascending(&values), s);
    }

    proptest::proptest! {
        #[test]
        fn sorting_sorts_any_values(
            values in proptest::collection::vec(0u32..(1 << SET_BITS), 0..600),
            crowd in proptest::collection::vec(0u32..64, 0..200),
        ) {
            // Uniform values, plus a crowd in one corner with repeats.
            let all: Vec<u32> = values.iter().copied().chain(crowd).collect();
            let mut want = all.clone();
            want.sort_unstable();
            want.dedup();
            let s = ShingleSet::from_values(all);
            let got: Vec<u32> = s.iter().collect();
            proptest::prop_assert_eq!(&got, &want);
            // Unpacking (sixteen values at a time, where the processor can) agrees, into a
            // buffer that held something before.
            let mut unpacked = vec![7; 3];
            s.view().decode_into(&mut unpacked);
            proptest::prop_assert_eq!(&unpacked, &want);
        }
    }

    #[test]
    fn sets_keep_the_top_bits_of_each_hash() {
        let h = 0xfedc_ba98_7654_3210u64;
        let s = ShingleSet::from_hashes(&[h, h], &mut SetScratch::default());
        assert_eq!(s.iter().collect::<Vec<_>>(), vec![0xfe_dcba]);
    }
}
