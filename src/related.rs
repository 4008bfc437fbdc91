//! Related: the coverage beside a story's copies. For chosen clusters, the articles outside
//! each that share passages with its representative: another outlet's own report of the same
//! event, a piece quoting the same statement, a follow-up carrying the story's background (and,
//! rarely, a copy that star clustering placed with another representative: `copydesk explain`
//! says why). Those are what a reader compares the copies with, and what someone tuning the
//! thresholds looks at first.
//!
//! Found like candidates are, from anchors (winnowed shingles): the articles holding at least
//! `--min-anchors` of a representative's anchors, anchors held by more than `--max-postings`
//! articles left out as stock phrases; then measured exactly, and kept when they share at
//! least `--min-shared` shingles with the representative. One pass over every article's
//! anchors for all the chosen clusters together.
//!
//! This module only reads a finished run ([`Corpus`] and [`Dedup`]); it changes nothing.

use std::collections::HashMap;

use crate::pipeline::{Corpus, Dedup, Settings};
use crate::verify::Similarity;

/// An article related to a cluster's story.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Related {
    /// The article (input order among good records).
    pub doc: u32,
    /// It measured against the cluster's representative (`a_in_b`: the share of it found in
    /// the representative).
    pub similarity: Similarity,
    /// Whether verification calls it a copy of the representative all the same (star
    /// clustering placed it with another representative: `copydesk explain` says why).
    pub copy: bool,
}

/// For each of `clusters` (indices into the clustering), up to `most` articles outside it
/// related to its representative, the most shingles shared first (ties in input order).
pub fn related(
    corpus: &Corpus,
    dedup: &Dedup,
    settings: &Settings,
    clusters: &[usize],
    most: usize,
) -> Vec<Vec<Related>> {
    let store = &corpus.features;
    let params = &settings.candidates;
    let reps: Vec<u32> = clusters
        .iter()
        .map(|&k| dedup.clustering.clusters[k].representative)
        .collect();
    let mut anchors: Vec<u32> = reps
        .iter()
        .flat_map(|&r| store.anchors(r as usize).iter().copied())
        .collect();
    anchors.sort_unstable();
    anchors.dedup();
    let holders = store.holders(&anchors, params.max_postings);

    reps.iter()
        .zip(clusters)
        .map(|(&rep, &k)| {
            let own = store.anchors(rep as usize);
            // Shared anchors per article, over the representative's anchors not too common.
            let mut shared: HashMap<u32, usize> = HashMap::new();
            for x in own {
                let at = anchors.binary_search(x).expect("collected above");
                for &doc in &holders[at].docs {
                    *shared.entry(doc).or_default() += 1;
                }
            }
            let rep_set = store.set(rep as usize);
            let mut found: Vec<Related> = shared
                .into_iter()
                .filter(|&(doc, n)| {
                    let needed = params
                        .min_shared_anchors
                        .min(own.len())
                        .min(store.anchors(doc as usize).len())
                        .max(1);
                    n >= needed && dedup.clustering.assignment[doc as usize] as usize != k
                })
                .map(|(doc, _)| {
                    let similarity = Similarity::of(store.set(doc as usize), rep_set);
                    Related {
                        doc,
                        similarity,
                        copy: settings.thresholds.accepts(&similarity),
                    }
                })
                .filter(|r| r.similarity.shared >= settings.thresholds.min_shared)
                .collect();
            found.sort_by_key(|r| (std::cmp::Reverse(r.similarity.shared), r.doc));
            found.truncate(most);
            found
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{clustered, words};

    #[test]
    fn articles_sharing_a_passage_with_the_story_are_related_and_its_copies_are_not() {
        // 0: the story; 1: a trimmed copy; 2: another outlet's own report quoting 40 of its
        // words; 3: one quoting 20; 4: an unrelated story; 5: a story sharing only 6 words.
        let quote = |from, n| words("x", from, n);
        let texts = [
            words("x", 0, 300),
            words("x", 0, 120),
            format!(
                "{} {} {}",
                words("y", 0, 150),
                quote(100, 40),
                words("y", 150, 50)
            ),
            format!("{} {}", words("z", 0, 150), quote(200, 20)),
            words("w", 0, 300),
            format!("{} {}", words("v", 0, 150), quote(40, 6)),
        ];
        let settings = Settings::default();
        let (_dir, corpus, dedup) = clustered(&texts, &settings);
        let story = dedup.clustering.assignment[0] as usize;
        assert_eq!(dedup.clustering.assignment[1] as usize, story);
        let unrelated = dedup.clustering.assignment[4] as usize;

        let found = related(&corpus, &dedup, &settings, &[story, unrelated], 5);
        let docs: Vec<u32> = found[0].iter().map(|r| r.doc).collect();
        assert_eq!(
            docs,
            [2, 3],
            "most shared first; the copy is in the cluster"
        );
        let r = found[0][0];
        assert_eq!(
            r.similarity,
            Similarity::of(corpus.features.set(2), corpus.features.set(0))
        );
        assert!(r.similarity.shared >= 37, "{:?}", r.similarity);
        assert!(!r.copy);
        assert!(
            found[1].is_empty(),
            "nothing shares words with the unrelated story"
        );
        assert_eq!(related(&corpus, &dedup, &settings, &[story], 1)[0].len(), 1);
    }

    #[test]
    fn a_passage_in_too_many_articles_relates_nothing() {
        // The same 40 words in twelve otherwise different articles: a stock passage. Every
        // shingle an anchor (a window of one), so the passage's anchors are all held by the
        // twelve, and the others by one each.
        let stock = words("s", 0, 40);
        let texts: Vec<String> = (0..12)
            .map(|i| format!("{} {stock}", words(&crate::testing::spell(i + 20), 0, 200)))
            .collect();
        let mut settings = Settings {
            window: 1,
            ..Settings::default()
        };
        let (_dir, corpus, dedup) = clustered(&texts, &settings);
        let first = dedup.clustering.assignment[0] as usize;
        assert_eq!(
            related(&corpus, &dedup, &settings, &[first], 20)[0].len(),
            11
        );
        settings.candidates.max_postings = 10;
        assert!(related(&corpus, &dedup, &settings, &[first], 20)[0].is_empty());
    }
}
