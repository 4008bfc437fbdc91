//! Pairing: which version sentence is which reference sentence. Words weighted by how rare they
//! are among the sentences compared, sentences paired one to one by weighted Dice similarity,
//! most similar first, and a second chance for a rewritten sentence left in its place.

use rustc_hash::FxHashMap;

use super::{Prepared, PreparedDoc};

/// Word ids and inverse sentence frequencies over all texts of one comparison.
#[derive(Default)]
pub(super) struct Vocabulary {
    /// Dense id of each token hash.
    ids: FxHashMap<u64, u32>,
    /// Sentences each word is in.
    pub(super) df: Vec<u32>,
    /// Each word's weight, its inverse sentence frequency (set by [`Vocabulary::finish`]).
    pub(super) weight: Vec<f32>,
}

impl Vocabulary {
    /// The dense id of a token hash, new ones numbered in order of appearance.
    pub(super) fn id(&mut self, token: u64) -> u32 {
        let next = self.ids.len() as u32;
        let id = *self.ids.entry(token).or_insert(next);
        if id == next {
            self.df.push(0);
        }
        id
    }

    /// Weighs every word once all `sentences` have counted theirs.
    pub(super) fn finish(&mut self, sentences: usize) {
        let n = sentences.max(1) as f32;
        self.weight = self
            .df
            .iter()
            .map(|&df| (1.0 + n / df.max(1) as f32).ln())
            .collect();
    }

    /// Sets every sentence's mass, once [`Vocabulary::finish`] has weighed the words.
    pub(super) fn weigh(&self, doc: &mut PreparedDoc<'_>) {
        for s in &mut doc.sentences {
            s.mass = s.set.iter().map(|&i| self.weight[i as usize]).sum();
        }
    }

    /// Weighted Dice similarity of two sentences (their sorted id sets).
    pub(super) fn similarity(&self, a: &Prepared<'_>, b: &Prepared<'_>) -> f32 {
        let total = a.mass + b.mass;
        if total == 0.0 {
            return 0.0;
        }
        let (a, b) = (&a.set[..], &b.set[..]);
        let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        // A sentence against a text with no sentence ends (one "sentence" of 100,000 words):
        // look each word of the small set up rather than walk the large one every time.
        if small.len().saturating_mul(32) < large.len() {
            let mut rest = large;
            let mut shared = 0.0f32;
            for &id in small {
                let at = rest.partition_point(|&x| x < id);
                if rest.get(at) == Some(&id) {
                    shared += self.weight[id as usize];
                }
                rest = &rest[at..];
            }
            return 2.0 * shared / total;
        }
        2.0 * shared_weight(a, b, |&id| self.weight[id as usize]) / total
    }
}

/// The summed weights of the values two sorted, distinct lists share, walking both in step.
pub(super) fn shared_weight<T: Ord>(a: &[T], b: &[T], weight: impl Fn(&T) -> f32) -> f32 {
    let (mut i, mut j, mut shared) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += weight(&a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// The aligned pairs `(reference sentence, version sentence)` on the longest run that keeps the
/// reference's order, in the version's order: the pairs that did not move.
pub(super) fn longest_run_in_order(of_version: &[Option<(usize, f32)>]) -> Vec<(usize, usize)> {
    let aligned: Vec<(usize, usize)> = of_version
        .iter()
        .enumerate()
        .filter_map(|(j, pair)| pair.map(|(i, _)| (i, j)))
        .collect();
    let order: Vec<usize> = aligned.iter().map(|&(i, _)| i).collect();
    longest_increasing(&order)
        .into_iter()
        .map(|k| aligned[k])
        .collect()
}

/// Indices (into `seq`) of one longest strictly increasing subsequence; ties go to the earliest.
pub(super) fn longest_increasing(seq: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new(); // index into seq of the smallest tail per length
    let mut prev = vec![usize::MAX; seq.len()];
    for i in 0..seq.len() {
        let pos = tails.partition_point(|&t| seq[t] < seq[i]);
        if pos > 0 {
            prev[i] = tails[pos - 1];
        }
        if pos == tails.len() {
            tails.push(i);
        } else {
            tails[pos] = i;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut cur = tails.last().copied().unwrap_or(usize::MAX);
    while cur != usize::MAX {
        out.push(cur);
        cur = prev[cur];
    }
    out.reverse();
    out
}

/// Pairs reference and version sentences one to one, most similar first.
pub(super) fn pair(
    vocab: &Vocabulary,
    reference: &PreparedDoc<'_>,
    version: &PreparedDoc<'_>,
    threshold: f32,
) -> Vec<Option<(usize, f32)>> {
    let mut scored: Vec<(f32, usize, usize)> = Vec::new();
    let mut consider = |i: usize, j: usize| {
        let s = vocab.similarity(&reference.sentences[i], &version.sentences[j]);
        if s >= threshold {
            scored.push((s, i, j));
        }
    };
    if reference.sentences.len() * version.sentences.len() <= ALL_PAIRS {
        for i in 0..reference.sentences.len() {
            for j in 0..version.sentences.len() {
                consider(i, j);
            }
        }
    } else {
        // Very long texts: compare each version sentence only with the reference sentences
        // that share one of its rarest words, or a pair of them, so the work stays near-linear.
        let mut holders: Vec<(u64, u32)> = Vec::new();
        for (i, r) in reference.sentences.iter().enumerate() {
            let rare = rarest(vocab, &r.set);
            for (x, &a) in rare.iter().enumerate() {
                for &b in &rare[x..] {
                    holders.push((rare_key(a, b), i as u32));
                }
            }
        }
        holders.sort_unstable();
        // Where each key's run of sentences lies in `holders`: one probe a lookup, where a
        // binary search of millions of keys cost a 5,000,000-word text 2 s in cache misses.
        let mut runs: FxHashMap<u64, (usize, usize)> = FxHashMap::default();
        for (at, &(key, _)) in holders.iter().enumerate() {
            runs.entry(key).or_insert((at, at)).1 = at + 1;
        }
        let held = |key: u64| {
            runs.get(&key)
                .map_or(&[][..], |&(from, to)| &holders[from..to])
        };
        let mut seen = Vec::new();
        for (j, v) in version.sentences.iter().enumerate() {
            seen.clear();
            let rare = rarest(vocab, &v.set);
            let mut cut_short = [false; RARE_WORDS];
            for (x, &a) in rare.iter().enumerate() {
                let list = held(rare_key(a, a));
                cut_short[x] = list.len() > RARE_HOLDERS;
                seen.extend(list.iter().take(RARE_HOLDERS).map(|&(_, i)| i as usize));
            }
            // A pair's sentences are among each of its words': only worth looking up when
            // both words' lists were cut short.
            for (x, &a) in rare.iter().enumerate() {
                for (y, &b) in rare.iter().enumerate().skip(x + 1) {
                    if cut_short[x] && cut_short[y] {
                        let list = held(rare_key(a, b));
                        seen.extend(list.iter().take(RARE_HOLDERS).map(|&(_, i)| i as usize));
                    }
                }
            }
            seen.sort_unstable();
            seen.dedup();
            for &i in &seen {
                consider(i, j);
            }
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut of_version: Vec<Option<(usize, f32)>> = vec![None; version.sentences.len()];
    let mut taken = vec![false; reference.sentences.len()];
    for (s, i, j) in scored {
        if !taken[i] && of_version[j].is_none() {
            taken[i] = true;
            of_version[j] = Some((i, s));
        }
    }
    rescue(
        vocab,
        reference,
        version,
        &mut of_version,
        &mut taken,
        threshold * RESCUE,
    );
    of_version
}

/// Up to this many sentence pairs, every pair is compared; beyond, only pairs sharing a rare word.
const ALL_PAIRS: usize = 250_000;
/// Rarest words of a sentence used to find its candidates in a very long text.
const RARE_WORDS: usize = 4;
/// Sentences looked at per rare word, or pair of rare words.
const RARE_HOLDERS: usize = 64;

/// The [`RARE_WORDS`] rarest words of a sentence of a very long text, by which it is found: each
/// alone, and each pair of them ([`rare_key`]). In a long text even a sentence's rarest words can
/// each be in hundreds of sentences, and only the first [`RARE_HOLDERS`] of them are looked at,
/// so a sentence made of common words went unfound though word for word the same (1.2% of a
/// 300,000-word text's sentences, moved, came out trimmed and added); a pair of words is far
/// rarer than either, and a sentence shares every pair with its copy, most with a light rewording.
fn rarest(vocab: &Vocabulary, set: &[u32]) -> Vec<u32> {
    let mut rare = set.to_vec();
    rare.sort_by(|a, b| {
        vocab.weight[*b as usize]
            .total_cmp(&vocab.weight[*a as usize])
            .then(a.cmp(b))
    });
    rare.truncate(RARE_WORDS);
    rare.sort_unstable();
    rare
}

/// The index key of two of a sentence's rarest words, `a <= b` (`a == b`: the word alone).
fn rare_key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// Share of the alignment threshold from which a pair aligns when its place agrees.
const RESCUE: f32 = 0.6;

/// Second chance for a heavily reworded sentence (a rewritten lead): a reference sentence and
/// a version sentence left unaligned in the *same gap* between two in-order aligned pairs
/// align at a lower similarity, since the story's structure vouches for them.
fn rescue(
    vocab: &Vocabulary,
    reference: &PreparedDoc<'_>,
    version: &PreparedDoc<'_>,
    of_version: &mut [Option<(usize, f32)>],
    taken: &mut [bool],
    threshold: f32,
) {
    let mut fences = longest_run_in_order(of_version);
    fences.push((reference.sentences.len(), version.sentences.len()));
    let (mut r0, mut v0) = (0, 0);
    for (r1, v1) in fences {
        let mut scored: Vec<(f32, usize, usize)> = Vec::new();
        if (r1 - r0).saturating_mul(v1.saturating_sub(v0)) > ALL_PAIRS {
            (r0, v0) = (r1 + 1, v1 + 1);
            continue; // a gap this large is not a rewritten sentence or two
        }
        for i in (r0..r1).filter(|&i| !taken[i]) {
            for j in (v0..v1).filter(|&j| of_version[j].is_none()) {
                let s = vocab.similarity(&reference.sentences[i], &version.sentences[j]);
                if s >= threshold {
                    scored.push((s, i, j));
                }
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (s, i, j) in scored {
            if !taken[i] && of_version[j].is_none() {
                taken[i] = true;
                of_version[j] = Some((i, s));
            }
        }
        (r0, v0) = (r1 + 1, v1 + 1);
    }
}
