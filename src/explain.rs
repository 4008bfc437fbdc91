//! Explain: why two articles of a corpus are, or are not, in one cluster.
//!
//! The question every threshold is tuned by ("why is this version not with its story?", "why
//! are these two together?") is answered from what the pipeline measured, stage by stage:
//! whether the candidate search proposes the pair (simhash distance, shared anchors, and how
//! many of those are too common to count), whether verification accepts it (Jaccard,
//! containment, shared shingles, against the thresholds), and what star clustering did with
//! each article (its cluster's representative, and whether each is a copy of the other's).
//! Features are read after boilerplate was left out, as clustering saw them.
//!
//! This module only reads a finished run ([`Corpus`] and [`Dedup`]); it changes nothing and
//! never reads text.

use serde::Serialize;

use crate::pipeline::{Corpus, Dedup, Settings};
use crate::verify::Similarity;

/// One article of an explained pair, as clustering left it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Side {
    /// The article (input order among good records).
    #[serde(skip)]
    pub doc: u32,
    /// Its id, as given.
    pub id: String,
    /// Who published it ([`crate::ingest::Meta::publisher`]).
    pub outlet: Option<String>,
    /// Its words.
    pub words: u32,
    /// Its distinct shingles (after boilerplate was left out).
    pub shingles: usize,
    /// Its anchors (after boilerplate was left out).
    pub anchors: usize,
    /// The cluster it is in (the `cluster` of `--assignments`).
    pub cluster: u32,
    /// How many articles that cluster holds.
    pub cluster_size: usize,
    /// The id of that cluster's representative.
    pub representative: String,
    /// How it measures against its representative (`None` when it is the representative).
    pub to_representative: Option<Similarity>,
    /// How many of its paragraphs were left out as its outlet's boilerplate (`None` when its
    /// text was not given to look).
    pub boilerplate_paragraphs: Option<usize>,
}

/// Why the pair is where it is: the first stage that decided it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// In one cluster.
    SameCluster,
    /// Verification does not call them copies: they are apart whatever else happens.
    NotCopies,
    /// Copies on their shingles, but the candidate search does not propose the pair (neither
    /// close simhashes nor enough shared anchors), and clustering did not bring them together
    /// through a representative either.
    NotProposed,
    /// Copies, and proposed, but star clustering put each with a representative the other is
    /// not a copy of: a member is always a copy of its representative, never of a member.
    ApartByRepresentatives,
    /// Copies, and proposed, and one of them copies the other's representative (the other
    /// itself, when it represents its cluster) too, but sits with another representative it
    /// copies: an article is in one cluster only.
    WithAnotherRepresentative,
}

/// Why two articles are, or are not, in one cluster.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    /// The first article.
    pub a: Side,
    /// The second.
    pub b: Side,
    /// Exact similarity of their shingle sets (`a_in_b`: share of `a` found in `b`).
    pub similarity: Similarity,
    /// Whether verification accepts the pair (the thresholds of the run).
    pub copies: bool,
    /// Which rule accepts it: `jaccard` or `containment` (`None` when none does).
    pub accepted_by: Option<&'static str>,
    /// Bits in which their simhashes differ.
    pub simhash_distance: u32,
    /// Whether that is close enough to propose the pair (`--max-distance`).
    pub proposed_by_simhash: bool,
    /// Anchors the two share.
    pub shared_anchors: usize,
    /// Of those, how many are held by more than `--max-postings` articles (stock phrases, or a
    /// story republished that many times, searched through its first copies).
    pub common_anchors: usize,
    /// Shared anchors the pair needs to be proposed (`--min-anchors`, fewer for an article with
    /// fewer anchors).
    pub anchors_needed: usize,
    /// Whether the shared anchors (common ones left out) propose the pair.
    pub proposed_by_anchors: bool,
    /// `a` measured against `b`'s representative (when they are apart and that is a third
    /// article).
    pub a_to_b_representative: Option<Similarity>,
    /// `b` measured against `a`'s representative (likewise).
    pub b_to_a_representative: Option<Similarity>,
    /// The stage that decided.
    pub verdict: Verdict,
}

/// Explains the pair `a`, `b` (article indices) of a clustered corpus. `texts`, when given,
/// are the two articles' texts (read again by the caller), to say how much of each was left out
/// as boilerplate.
pub fn explain(
    corpus: &Corpus,
    dedup: &Dedup,
    settings: &Settings,
    pair: (u32, u32),
    texts: Option<[&str; 2]>,
) -> Explanation {
    explain_pairs(corpus, dedup, settings, &[(pair, texts)])
        .pop()
        .expect("one pair in, one out")
}

/// A pair to explain: the two articles, and their texts when read (see [`explain`]).
pub type Pair<'t> = ((u32, u32), Option<[&'t str; 2]>);

/// [`explain`] for many pairs at once, in order: the corpus's anchors are scanned once for all
/// of them (how many articles hold each shared anchor), not once a pair.
pub fn explain_pairs(
    corpus: &Corpus,
    dedup: &Dedup,
    settings: &Settings,
    pairs: &[Pair<'_>],
) -> Vec<Explanation> {
    let store = &corpus.features;
    let cap = settings.candidates.max_postings;
    let mut shared: Vec<u32> = pairs
        .iter()
        .flat_map(|&((a, b), _)| {
            shared_anchors(store.anchors(a as usize), store.anchors(b as usize))
        })
        .collect();
    shared.sort_unstable();
    shared.dedup();
    let holders = store.holders(&shared, cap);
    let is_common = |anchor: &u32| {
        shared
            .binary_search(anchor)
            .is_ok_and(|at| holders[at].count > cap)
    };
    pairs
        .iter()
        .map(|&(pair, texts)| explain_one(corpus, dedup, settings, pair, texts, &is_common))
        .collect()
}

/// The anchors two articles share (both lists ascending).
fn shared_anchors(a: &[u32], b: &[u32]) -> Vec<u32> {
    a.iter()
        .copied()
        .filter(|x| b.binary_search(x).is_ok())
        .collect()
}

fn explain_one(
    corpus: &Corpus,
    dedup: &Dedup,
    settings: &Settings,
    (a, b): (u32, u32),
    texts: Option<[&str; 2]>,
    is_common: &dyn Fn(&u32) -> bool,
) -> Explanation {
    let store = &corpus.features;
    let measure = |x: u32, y: u32| Similarity::of(store.set(x as usize), store.set(y as usize));
    let clusters = &dedup.clustering;
    let side = |doc: u32, text: Option<&str>| {
        let k = clusters.assignment[doc as usize];
        let cluster = &clusters.clusters[k as usize];
        let article = &corpus.articles[doc as usize];
        Side {
            doc,
            id: article.id.to_string(),
            outlet: article.meta.publisher().map(str::to_string),
            words: store.words(doc as usize),
            shingles: store.set(doc as usize).len(),
            anchors: store.anchors(doc as usize).len(),
            cluster: k,
            cluster_size: cluster.members.len(),
            representative: corpus.articles[cluster.representative as usize]
                .id
                .to_string(),
            to_representative: (cluster.representative != doc)
                .then(|| measure(doc, cluster.representative)),
            boilerplate_paragraphs: text
                .map(|t| dedup.boilerplate.paragraphs_of(t, &article.meta).len()),
        }
    };
    let (a_side, b_side) = (side(a, texts.map(|t| t[0])), side(b, texts.map(|t| t[1])));
    let similarity = measure(a, b);
    let accepted_by = settings.thresholds.rule(&similarity);

    let params = &settings.candidates;
    let simhash_distance = store.simhashes()[a as usize].distance(store.simhashes()[b as usize]);
    let (anchors_a, anchors_b) = (store.anchors(a as usize), store.anchors(b as usize));
    let shared = shared_anchors(anchors_a, anchors_b);
    let common_anchors = shared.iter().filter(|x| is_common(x)).count();
    let anchors_needed = params
        .min_shared_anchors
        .min(anchors_a.len())
        .min(anchors_b.len())
        .max(1);
    let proposed_by_anchors = shared.len() - common_anchors >= anchors_needed;
    let proposed_by_simhash = simhash_distance <= params.max_distance;

    let same = a_side.cluster == b_side.cluster;
    let rep = |s: &Side| clusters.clusters[s.cluster as usize].representative;
    // Against the other's representative, when that is a third article.
    let across = |x: u32, other: &Side| {
        let r = rep(other);
        (!same && r != x && r != other.doc).then(|| measure(x, r))
    };
    // Whether `x` is a copy of the other's representative (the other, when it represents).
    let copies_representative_of = |x: u32, other: &Side| {
        let r = rep(other);
        if r == other.doc {
            accepted_by.is_some()
        } else {
            settings.thresholds.accepts(&measure(x, r))
        }
    };
    let verdict = if same {
        Verdict::SameCluster
    } else if accepted_by.is_none() {
        Verdict::NotCopies
    } else if !(proposed_by_simhash || proposed_by_anchors) {
        Verdict::NotProposed
    } else if copies_representative_of(a, &b_side) || copies_representative_of(b, &a_side) {
        Verdict::WithAnotherRepresentative
    } else {
        Verdict::ApartByRepresentatives
    };
    Explanation {
        a_to_b_representative: across(a, &b_side),
        b_to_a_representative: across(b, &a_side),
        a: a_side,
        b: b_side,
        similarity,
        copies: accepted_by.is_some(),
        accepted_by,
        simhash_distance,
        proposed_by_simhash,
        shared_anchors: shared.len(),
        common_anchors,
        anchors_needed,
        proposed_by_anchors,
        verdict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{clustered, spell, words};

    #[test]
    fn a_trimmed_copy_is_explained_as_one_cluster_and_a_different_story_as_not_copies() {
        let texts = [words("x", 0, 300), words("x", 0, 90), words("y", 0, 300)];
        let settings = Settings::default();
        let (_dir, corpus, dedup) = clustered(&texts, &settings);
        let e = explain(&corpus, &dedup, &settings, (0, 1), None);
        assert_eq!(e.verdict, Verdict::SameCluster);
        assert_eq!(e.accepted_by, Some("containment"));
        assert_eq!(
            e.similarity.b_in_a, 1.0,
            "all of the excerpt is in the story"
        );
        assert!(e.proposed_by_anchors && e.shared_anchors > 0);
        assert_eq!(e.b.representative, "0");
        assert_eq!(e.b.to_representative, Some(e.similarity.swapped()));
        assert_eq!(
            e.a.to_representative, None,
            "the story is its representative"
        );

        let apart = explain(&corpus, &dedup, &settings, (0, 2), None);
        assert_eq!(apart.verdict, Verdict::NotCopies);
        assert_eq!(apart.similarity.shared, 0);
        assert_eq!((apart.shared_anchors, apart.copies), (0, false));
        // Explaining is symmetric: swapping the articles swaps the sides.
        let back = explain(&corpus, &dedup, &settings, (1, 0), None);
        assert_eq!((back.a.clone(), back.b.clone()), (e.b.clone(), e.a.clone()));
        assert_eq!(back.similarity, e.similarity.swapped());
    }

    #[test]
    fn copies_the_index_never_proposes_are_said_to_be_never_compared() {
        // One anchor an article (a window wider than either): the excerpt's anchor is not the
        // story's, and their simhashes are far apart.
        let texts = [words("x", 0, 300), words("x", 200, 60)];
        let settings = Settings {
            window: 1000,
            ..Settings::default()
        };
        let (_dir, corpus, dedup) = clustered(&texts, &settings);
        let e = explain(&corpus, &dedup, &settings, (0, 1), None);
        assert!(e.copies, "{e:?}");
        assert!(!e.proposed_by_simhash && !e.proposed_by_anchors, "{e:?}");
        assert_eq!(e.anchors_needed, 1);
        assert_eq!(e.verdict, Verdict::NotProposed);
    }

    #[test]
    fn copies_with_representatives_the_other_does_not_copy_are_apart_by_them() {
        // P is mostly story X, Q mostly story Y; they share X's words 100..150 and Y's first
        // 60, enough to be copies of each other, but P is no copy of Y nor Q of X.
        let p = format!("{} {}", words("x", 0, 150), words("y", 0, 60));
        let q = format!("{} {}", words("x", 100, 50), words("y", 0, 200));
        let texts = [words("x", 0, 300), words("y", 0, 300), p, q];
        let settings = Settings::default();
        let (_dir, corpus, dedup) = clustered(&texts, &settings);
        let e = explain(&corpus, &dedup, &settings, (2, 3), None);
        assert!(e.copies, "{e:?}");
        assert_eq!(e.verdict, Verdict::ApartByRepresentatives, "{e:?}");
        assert_eq!(
            (e.a.representative.as_str(), e.b.representative.as_str()),
            ("0", "1")
        );
        let t = &settings.thresholds;
        assert!(
            !t.accepts(&e.a_to_b_representative.unwrap()),
            "P is no copy of Y"
        );
        assert!(
            !t.accepts(&e.b_to_a_representative.unwrap()),
            "Q is no copy of X"
        );
    }

    #[test]
    fn an_excerpt_that_quotes_another_story_is_with_the_one_it_copies_more() {
        // S quotes X's first 20 words; E, an excerpt of S with a little more of the quotation,
        // is a copy of X (by containment, barely) and of S (nearly whole). X, the longest, took
        // E first; E is with S, and X and E are apart though copies.
        let s = format!("{} {}", words("s", 0, 80), words("x", 0, 20));
        let e = format!("{} {}", words("s", 0, 15), words("x", 0, 22));
        let texts = [words("x", 0, 300), s, e];
        let settings = Settings::default();
        let (_dir, corpus, dedup) = clustered(&texts, &settings);
        let e = explain(&corpus, &dedup, &settings, (0, 2), None);
        assert!(e.copies, "{e:?}");
        assert_eq!(e.verdict, Verdict::WithAnotherRepresentative, "{e:?}");
        assert_eq!(
            (e.a.representative.as_str(), e.b.representative.as_str()),
            ("0", "1")
        );
        let mut text = Vec::new();
        crate::report::write_explanation(&e, &settings, &mut text).unwrap();
        let text = String::from_utf8(text).unwrap();
        assert!(
            text.contains("2 copies 0's representative 0 (") && text.contains(") and is with 1 ("),
            "{text}"
        );
    }

    #[test]
    fn stock_anchors_are_counted_by_how_many_articles_hold_them() {
        // The same 40-word passage in 12 otherwise different articles.
        let stock = words("s", 0, 40);
        let texts: Vec<String> = (0..12)
            .map(|i| format!("{} {stock}", words(&format!("t{}", spell(i)), 0, 200)))
            .collect();
        let mut settings = Settings::default();
        settings.candidates.max_postings = 10;
        let (_dir, corpus, dedup) = clustered(&texts, &settings);
        let e = explain(&corpus, &dedup, &settings, (0, 1), None);
        assert!(e.shared_anchors > 0);
        assert_eq!(
            e.common_anchors, e.shared_anchors,
            "held by 12 > 10 articles"
        );
        assert!(!e.proposed_by_anchors);
        settings.candidates.max_postings = 12;
        assert_eq!(
            explain(&corpus, &dedup, &settings, (0, 1), None).common_anchors,
            0
        );
        // Many pairs at once (one scan of the corpus) say what each alone says.
        settings.candidates.max_postings = 10;
        let pairs: Vec<Pair> = (1..12).map(|b| ((0, b), None)).collect();
        let together = explain_pairs(&corpus, &dedup, &settings, &pairs);
        for (e, &(pair, _)) in together.iter().zip(&pairs) {
            assert_eq!(*e, explain(&corpus, &dedup, &settings, pair, None));
            assert!(e.common_anchors > 0);
        }
    }
}
