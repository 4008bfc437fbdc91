//! Sort: short lists of `u32` sorted by a branch-free network where the processor has AVX-512.
//!
//! Every article's winnowed anchors (about 75 keys for a news article) are sorted once, and so
//! are the shingle sets of short articles. `sort_unstable`'s small-sort networks and partitions
//! branch on the values; a bitonic network over 32 to 512 values in 2 to 32 registers (padded
//! with `u32::MAX`, which sorts last) does the same work as a fixed sequence of permutes,
//! minima, maxima and blends. Written here because the vectorized sort on crates.io,
//! `vqsort-rs`, binds Google Highway's C++ library, which it needs installed (and Debian's is too
//! old for it to build). Against `sort_unstable` in a scratch benchmark, lists of 60-89 values:
//! 0.45 -> 0.18 us; 150-179: 1.05 -> 0.51 us; 400-429: 3.18 -> 1.50 us.

/// The longest list [`sort_short`] sorts with the network; longer ones use `sort_unstable`.
pub const NETWORK_MAX: usize = 512;

/// Sorts `values` ascending, repeats kept: by [`by_network`] where it can, otherwise by
/// `sort_unstable`.
pub fn sort_short(values: &mut [u32]) {
    if !by_network(values) {
        values.sort_unstable();
    }
}

/// Sorts `values` ascending by a bitonic network of AVX-512 registers, if the processor has
/// AVX-512 F and `values` holds from 16 to [`NETWORK_MAX`] values; returns whether it did
/// (`values` is untouched otherwise).
pub fn by_network(values: &mut [u32]) -> bool {
    #[cfg(target_arch = "x86_64")]
    if (16..=NETWORK_MAX).contains(&values.len()) && std::arch::is_x86_feature_detected!("avx512f")
    {
        // SAFETY: AVX-512 F is available, checked just above.
        unsafe { avx512::sort(values) };
        return true;
    }
    false
}

#[cfg(target_arch = "x86_64")]
mod avx512 {
    use std::arch::x86_64::*;

    /// Lanes whose bit `j` is set (`j` a power of two below 16): the upper lane of each pair
    /// a within-register step compares.
    const fn upper(j: usize) -> u16 {
        match j {
            1 => 0xaaaa,
            2 => 0xcccc,
            4 => 0xf0f0,
            8 => 0xff00,
            _ => 0,
        }
    }

    /// Sorts `values` (at most [`super::NETWORK_MAX`]).
    ///
    /// # Safety
    /// The processor must support AVX-512 F.
    #[target_feature(enable = "avx512f")]
    pub(super) unsafe fn sort(values: &mut [u32]) {
        let mut lanes = [u32::MAX; super::NETWORK_MAX];
        lanes[..values.len()].copy_from_slice(values);
        match values.len() {
            ..=32 => network::<2>(&mut lanes[..32]),
            33..=64 => network::<4>(&mut lanes[..64]),
            65..=128 => network::<8>(&mut lanes[..128]),
            129..=256 => network::<16>(&mut lanes[..256]),
            _ => network::<32>(&mut lanes),
        }
        values.copy_from_slice(&lanes[..values.len()]);
    }

    /// Sorts the `16 * R` values of `lanes`, `R` a power of two.
    #[target_feature(enable = "avx512f")]
    fn network<const R: usize>(lanes: &mut [u32]) {
        assert_eq!(lanes.len(), 16 * R);
        let mut v: [__m512i; R] = std::array::from_fn(|r| {
            // SAFETY: `lanes` holds 16 values from `16 * r` on (asserted above).
            unsafe { _mm512_loadu_si512(lanes.as_ptr().add(16 * r).cast()) }
        });
        // Value `i` is lane `i % 16` of register `i / 16`. Stage `k` merges bitonic runs of
        // `k` into sorted ones, ascending where bit `k` of `i` is clear and descending where
        // it is set, comparing `i` with `i ^ j` for `j` from `k / 2` down to 1.
        let mut k = 2;
        while k <= 16 * R {
            let mut j = k / 2;
            while j >= 16 {
                let d = j / 16;
                for r in (0..R).filter(|r| r & d == 0) {
                    let (low, high) = (v[r], v[r | d]);
                    let (small, large) = (_mm512_min_epu32(low, high), _mm512_max_epu32(low, high));
                    let descending = (16 * r) & k != 0;
                    (v[r], v[r | d]) = if descending {
                        (large, small)
                    } else {
                        (small, large)
                    };
                }
                j /= 2;
            }
            while j >= 1 {
                let partner = _mm512_xor_si512(
                    _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
                    _mm512_set1_epi32(j as i32),
                );
                for (r, reg) in v.iter_mut().enumerate() {
                    // A lane keeps the larger value when it is its pair's upper lane in an
                    // ascending run, or the lower in a descending one.
                    let descending = if k < 16 {
                        upper(k)
                    } else if (16 * r) & k != 0 {
                        0xffff
                    } else {
                        0
                    };
                    let other = _mm512_permutexvar_epi32(partner, *reg);
                    *reg = _mm512_mask_blend_epi32(
                        upper(j) ^ descending,
                        _mm512_min_epu32(*reg, other),
                        _mm512_max_epu32(*reg, other),
                    );
                }
                j /= 2;
            }
            k *= 2;
        }
        for (r, reg) in v.iter().enumerate() {
            // SAFETY: as for the loads.
            unsafe { _mm512_storeu_si512(lanes.as_mut_ptr().add(16 * r).cast(), *reg) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn sorts_as_sort_unstable_does(
            mut values in proptest::collection::vec(proptest::prop_oneof![
                proptest::num::u32::ANY,
                0u32..8,
                proptest::strategy::Just(u32::MAX),
            ], 0..600),
        ) {
            let mut want = values.clone();
            want.sort_unstable();
            // On a processor with AVX-512 every list of 16 to NETWORK_MAX values is the
            // network's to sort, so what is checked below is the network, not the fallback.
            #[cfg(target_arch = "x86_64")]
            if std::arch::is_x86_feature_detected!("avx512f") {
                let mut copy = values.clone();
                proptest::prop_assert_eq!(
                    by_network(&mut copy),
                    (16..=NETWORK_MAX).contains(&values.len())
                );
            }
            sort_short(&mut values);
            proptest::prop_assert_eq!(values, want);
        }
    }
}
