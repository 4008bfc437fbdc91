//! Reuse: how many of a version's words come from the reference (`reused`), read with moved
//! sentences put back in the reference's order.

use rustc_hash::FxHashSet;
use similar::{Algorithm, DiffOp};

use super::{Prepared, PreparedDoc};

/// The version's sentences in the reference's order, as `(place, sentence)` sorted: each
/// aligned sentence (moved ones included) at the place of its reference sentence, each added
/// sentence after the aligned sentence it follows in the version.
fn reference_order(of_version: &[Option<(usize, f32)>], in_order: &[bool]) -> Vec<(usize, usize)> {
    let mut anchor = 0;
    let mut keyed: Vec<(usize, usize)> = of_version
        .iter()
        .zip(in_order)
        .enumerate()
        .map(|(j, (pair, &in_order))| match pair {
            Some((i, _)) => {
                if in_order {
                    anchor = *i;
                }
                (*i, j)
            }
            None => (anchor, j),
        })
        .collect();
    keyed.sort_unstable();
    keyed
}

/// How many of `version`'s words come from `reference` (see [`reused_words`]), read in the
/// reference's order.
///
/// Texts of up to [`REUSE_DIFF_CELLS`] (reference words times version words) are diffed whole.
/// Longer ones (book-length texts: two of 300,000 words took 30 s whole) are cut into pieces at
/// their aligned sentence pairs, each pair diffed on its own and the unaligned sentences between
/// two pairs against each other, so the work grows with the pieces' sizes, not the texts'.
pub(super) fn reused_in_reference_order(
    reference: &PreparedDoc<'_>,
    reference_words: &[u32],
    version: &PreparedDoc<'_>,
    of_version: &[Option<(usize, f32)>],
    in_order: &[bool],
) -> usize {
    let order = reference_order(of_version, in_order);
    let words = |sentences: &[Prepared<'_>]| -> Vec<u32> {
        sentences
            .iter()
            .flat_map(|s| s.sequence.iter().copied())
            .collect()
    };
    let version_len: usize = version.sentences.iter().map(|s| s.sequence.len()).sum();
    if reference_words.len().saturating_mul(version_len) <= REUSE_DIFF_CELLS {
        let version_words: Vec<u32> = order
            .iter()
            .flat_map(|&(_, j)| version.sentences[j].sequence.iter().copied())
            .collect();
        return reused_words(reference_words, &version_words);
    }
    let piece = |reference: &[u32], version: &[u32]| {
        reused_words_bounded(reference, version, REUSE_DIFF_CELLS)
    };
    let mut reused = 0;
    // The first reference sentence past the last pair, and the version's unaligned words since.
    let mut next = 0;
    let mut unaligned: Vec<u32> = Vec::new();
    for &(_, j) in &order {
        let sequence = &version.sentences[j].sequence;
        match of_version[j] {
            Some((i, _)) => {
                reused += piece(&words(&reference.sentences[next..i]), &unaligned);
                reused += piece(&reference.sentences[i].sequence, sequence);
                unaligned.clear();
                next = i + 1;
            }
            None => unaligned.extend_from_slice(sequence),
        }
    }
    reused + piece(&words(&reference.sentences[next..]), &unaligned)
}

/// [`reused_words`] when the pair is at most `cells` words times words; otherwise the version's
/// words in runs of two or more whose every adjacent pair of words also stands side by side in
/// the reference (in any place): linear where the diff would not be.
pub(super) fn reused_words_bounded(reference: &[u32], version: &[u32], cells: usize) -> usize {
    if reference.len().saturating_mul(version.len()) <= cells {
        return reused_words(reference, version);
    }
    let pair = |w: &[u32]| u64::from(w[0]) << 32 | u64::from(w[1]);
    let pairs: FxHashSet<u64> = reference.windows(2).map(pair).collect();
    let mut covered = vec![false; version.len()];
    for (k, w) in version.windows(2).enumerate() {
        if pairs.contains(&pair(w)) {
            covered[k] = true;
            covered[k + 1] = true;
        }
    }
    covered.iter().filter(|&&c| c).count()
}

/// How many of `version`'s words a longest common subsequence with `reference` matches, counting
/// only matches that have company: runs of two or more matched words, a run allowed to step over
/// one unmatched word on either side. A stray "the" or "said" matched between independent texts
/// does not count; a reworded sentence, with a word changed here and there, still does.
///
/// Myers' diff (the `similar` crate) finds the subsequence; its time grows with the product of
/// the lengths at worst, so callers keep to [`REUSE_DIFF_CELLS`] (see [`reused_words_bounded`]).
pub(super) fn reused_words(reference: &[u32], version: &[u32]) -> usize {
    let counts = |run: usize| if run >= 2 { run } else { 0 };
    let mut counted = 0;
    // The current run: its matched words, and where it ends in each text.
    let (mut run, mut end_old, mut end_new) = (0usize, 0usize, 0usize);
    for op in similar::capture_diff_slices(Algorithm::Myers, reference, version) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            let continues = run > 0 && old_index <= end_old + 1 && new_index <= end_new + 1;
            if !continues {
                counted += counts(run);
                run = 0;
            }
            run += len;
            end_old = old_index + len;
            end_new = new_index + len;
        }
    }
    counted + counts(run)
}

/// Reference words times version words above which `reused` is not diffed whole (about two
/// 20,000-word texts); see [`reused_in_reference_order`].
pub(super) const REUSE_DIFF_CELLS: usize = 400_000_000;
