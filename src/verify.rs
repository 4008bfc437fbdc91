//! Verify: decide, on the shingles themselves, whether two articles are copies of one story.
//!
//! [`Similarity`] is exact over the two shingle sets ([`crate::shingle::SetView`]): Jaccard, and containment each way (the
//! share of one article's shingles found in the other), so that a 30% excerpt of a story counts
//! as a copy even though its Jaccard with the full story is 0.3. [`Thresholds::accepts`] is the
//! one place that says what a duplicate is. Symmetric by construction: swapping the two
//! articles swaps the containments and changes nothing else.

use serde::Serialize;

use crate::shingle::SetView;

/// Exact similarity of two shingle sets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Similarity {
    /// Shingles the two share.
    pub shared: u32,
    /// |A ∩ B| / |A ∪ B|.
    pub jaccard: f32,
    /// |A ∩ B| / |A|: how much of A is in B.
    pub a_in_b: f32,
    /// |A ∩ B| / |B|: how much of B is in A.
    pub b_in_a: f32,
}

impl Similarity {
    /// Measures `a` against `b`.
    pub fn of(a: SetView<'_>, b: SetView<'_>) -> Similarity {
        Similarity::from_counts(a.intersection_len(b), a.len(), b.len())
    }

    /// Measures two unpacked sets (ascending, no repeats), as hot loops keep them.
    pub fn of_sorted(a: &[u32], b: &[u32]) -> Similarity {
        Similarity::from_counts(
            crate::shingle::intersection_len_sorted(a, b),
            a.len(),
            b.len(),
        )
    }

    /// The measures of two sets of `a` and `b` values sharing `shared`.
    pub fn from_counts(shared: usize, a: usize, b: usize) -> Similarity {
        let ratio = |n: usize| {
            if n == 0 {
                0.0
            } else {
                shared as f32 / n as f32
            }
        };
        Similarity {
            shared: shared as u32,
            jaccard: ratio((a + b).saturating_sub(shared)),
            a_in_b: ratio(a),
            b_in_a: ratio(b),
        }
    }

    /// The larger containment: how much of the smaller article is in the larger.
    pub fn containment(&self) -> f32 {
        self.a_in_b.max(self.b_in_a)
    }

    /// The same measurement seen from the other side.
    pub fn swapped(self) -> Similarity {
        Similarity {
            a_in_b: self.b_in_a,
            b_in_a: self.a_in_b,
            ..self
        }
    }
}

/// When a pair is a duplicate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    /// A pair whose Jaccard reaches this is a duplicate.
    pub jaccard: f32,
    /// A pair where this share of the smaller article is found in the larger is a duplicate (an
    /// excerpt, or a version with material added) ...
    pub containment: f32,
    /// ... provided they share at least this many shingles, so that a one-line text is not the
    /// copy of every story that quotes the same line.
    pub min_shared: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            jaccard: 0.5,
            containment: 0.5,
            min_shared: 12,
        }
    }
}

impl Thresholds {
    /// Whether the measured pair is a duplicate.
    #[inline]
    pub fn accepts(&self, s: &Similarity) -> bool {
        self.rule(s).is_some()
    }

    /// Which rule makes the measured pair a duplicate: `"jaccard"`, else `"containment"`;
    /// `None` when neither does.
    #[inline]
    pub fn rule(&self, s: &Similarity) -> Option<&'static str> {
        if s.jaccard >= self.jaccard {
            Some("jaccard")
        } else if s.containment() >= self.containment && s.shared >= self.min_shared {
            Some("containment")
        } else {
            None
        }
    }

    /// Checks the ranges; the message names the bad setting.
    pub fn validate(&self) -> Result<(), String> {
        for (name, v) in [
            ("--jaccard", self.jaccard),
            ("--containment", self.containment),
        ] {
            if !(v > 0.0 && v <= 1.0) {
                return Err(format!("{name} must be in (0, 1], got {v}"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shingle::ShingleSet;

    fn set(v: &[u64]) -> ShingleSet {
        ShingleSet::from_values(v.iter().map(|&x| x as u32))
    }

    #[test]
    fn excerpt_is_contained_but_not_jaccard_similar() {
        let full = set(&(0..100).collect::<Vec<_>>());
        let excerpt = set(&(0..30).collect::<Vec<_>>());
        let s = Similarity::of(excerpt.view(), full.view());
        assert_eq!(s.shared, 30);
        assert!((s.jaccard - 0.3).abs() < 1e-6);
        assert_eq!(s.a_in_b, 1.0);
        assert!((s.b_in_a - 0.3).abs() < 1e-6);
        assert!(Thresholds::default().accepts(&s));
    }

    #[test]
    fn a_shared_quote_is_not_a_copy() {
        let a = set(&(0..300).collect::<Vec<_>>());
        let b = set(&(260..560).collect::<Vec<_>>());
        let s = Similarity::of(a.view(), b.view());
        assert!(!Thresholds::default().accepts(&s), "{s:?}");
    }

    #[test]
    fn short_texts_need_enough_shared_shingles() {
        let s = Similarity::of(
            set(&[1, 2, 3]).view(),
            set(&(0..200).collect::<Vec<_>>()).view(),
        );
        assert_eq!(s.a_in_b, 1.0);
        assert!(!Thresholds::default().accepts(&s));
    }

    #[test]
    fn empty_sets_share_nothing() {
        let s = Similarity::of(set(&[]).view(), set(&[]).view());
        assert_eq!(s, Similarity::default());
        assert!(!Thresholds::default().accepts(&s));
    }

    #[test]
    fn out_of_range_thresholds_are_refused() {
        let t = Thresholds {
            jaccard: 1.5,
            ..Thresholds::default()
        };
        assert!(t.validate().unwrap_err().contains("--jaccard"));
    }
}
