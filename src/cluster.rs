//! Cluster: group verified copies around one representative, without chaining.
//!
//! Star clustering. Articles are visited longest first (the fullest version of a story is the
//! best centre: every trimmed or reworded copy is close to it); an article not yet in a cluster
//! opens one, and takes every not-yet-clustered candidate that verifies against *it*. A member is
//! therefore always a verified copy of its cluster's centre, never a copy of a copy: two stories
//! that share one quoted paragraph, or an excerpt of A that happens to overlap B, cannot pull A
//! and B together through a chain of weak links.
//!
//! The visiting is sequential in meaning but parallel in practice: a chunk of centres-to-be
//! computes its candidates and verifications at once against a snapshot of who is clustered,
//! then the chunk is applied in order, dropping what an earlier centre of the chunk took. As
//! clustered articles never become free again, this gives exactly the sequential result,
//! whatever the thread count.
//!
//! Exact copies (the same non-empty shingle set, anchors and simhash) are folded first
//! ([`exact_copies`]): only the first of each group is indexed and visited, and the others
//! follow it into whatever cluster it joins. They would verify exactly as it does, so the
//! clusters are the same; a corpus holding the same page 100,000 times no longer makes every
//! copy a candidate of every other.
//!
//! Once formed, each group picks its representative ([`Keep`]). Two repairs follow, both keeping
//! every member a verified copy of its representative: a whole group joins an earlier group
//! whose representative it and all its members copy (versions that met only through simhash,
//! or through a flood anchor's hubs, see [`crate::candidates`]), and then an article alone or
//! not a copy of its own representative joins the group whose representative it copies best
//! (the second look; so does a member that copies its own only barely, by containment, when
//! another representative holds clearly more of it: an excerpt that is half a quotation of the
//! story that took it); failing that, an article alone that copies another member of a group joins
//! it if, with it, the representative picked again has every member for a copy (the third look:
//! an excerpt of the wire copy in a group that a longer, reworded version represents). Every
//! member is finally measured
//! against its representative. This module never reads text or metadata beyond the ordering
//! keys it is given.

use rayon::prelude::*;
use serde::Serialize;

use crate::candidates::{Candidate, Index, QueryScratch};
use crate::fingerprint::Fingerprint;
use crate::shingle::SetView;
use crate::verify::{Similarity, Thresholds};

/// Which member represents a cluster.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Keep {
    /// The reconstructed source: the version that best covers the others (holds most of their
    /// shingles); near-ties (within 5 points per member) go to the earliest `published`, so a copy
    /// padded with a local intro does not displace the wire copy it holds.
    #[default]
    Best,
    /// The earliest `published` (undated ones last), ties to input order.
    Earliest,
    /// The longest, ties to input order.
    Longest,
    /// The first in input order.
    First,
}

/// What clustering needs to know of one article.
#[derive(Clone, Copy, Debug)]
pub struct Item<'a> {
    /// Its shingles.
    pub shingles: SetView<'a>,
    /// Its anchors.
    pub anchors: &'a [u32],
    /// Its simhash.
    pub simhash: Fingerprint,
    /// `published` as seconds, when known.
    pub published: Option<i64>,
}

/// One member of a cluster, measured against the representative.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Member {
    /// Article index (input order among good records).
    pub doc: u32,
    /// Jaccard with the representative (1 for the representative).
    pub similarity: f32,
    /// Share of this member's shingles found in the representative.
    pub containment: f32,
    /// Share of the representative's shingles found in this member.
    pub coverage: f32,
}

/// A group of copies of one story.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cluster {
    /// The representative's article index.
    pub representative: u32,
    /// Members in input order, the representative among them.
    pub members: Vec<Member>,
}

/// Counters of one clustering run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ClusterStats {
    /// Candidate pairs proposed by the index (each pair counted once per centre that saw it).
    pub candidate_pairs: u64,
    /// Pairs verified on shingles.
    pub verified_pairs: u64,
    /// Pairs accepted as copies.
    pub accepted_pairs: u64,
    /// Articles moved after the first pass to the cluster whose representative they copy (or
    /// copy clearly better: alone, or with their whole group, or, by the third look, with its
    /// representative picked again).
    pub rehomed: u64,
    /// Articles that were exact copies of an earlier one (same shingle set) and followed it
    /// without being searched or verified.
    pub exact_copies: u64,
}

/// The result: every article in exactly one cluster.
#[derive(Clone, Debug, Default)]
pub struct Clustering {
    /// Clusters ordered by their first member in input order; singletons included.
    pub clusters: Vec<Cluster>,
    /// For every article, the index of its cluster in `clusters`.
    pub assignment: Vec<u32>,
    /// Counters.
    pub stats: ClusterStats,
}

/// Most centres-to-be computed together.
const CHUNK: usize = 2048;
/// Fewest centres-to-be computed together, where big clusters make speculation wasteful.
const CHUNK_MIN: usize = 16;
/// Coverage difference per judge under which two contenders for representative are tied.
const NEAR_TIE: f64 = 0.05;
/// Largest cluster for which `Keep::Best` compares every member with every other.
const BEST_EXACT: usize = 64;

/// Per-thread buffers of the clustering loops.
#[derive(Default)]
struct Scratch {
    query: QueryScratch,
    cands: Vec<Candidate>,
    /// The article being looked at, unpacked.
    mine: Vec<u32>,
    /// The one it is compared with, unpacked.
    other: Vec<u32>,
    /// The groups the second look may send an article to.
    targets: Vec<u32>,
    /// The (article, group) pairs it compares the article with.
    against: Vec<(u32, u32)>,
}

/// Where the second look (or the third) sends an article: `(article, group)`.
enum Look {
    /// To a group whose representative it copies.
    Representative(u32, u32),
    /// To a group one of whose other members it copies, if the group's representative, picked
    /// again with it, has every member for a verified copy.
    Member(u32, u32),
}

/// A member copying its representative by containment alone, below this share, is weak: the
/// second look offers it a group whose representative holds [`WEAK_MARGIN`] more of it.
const WEAK_MEMBER: f32 = 0.6;

/// How much more of a weak member another representative must hold for it to move there.
const WEAK_MARGIN: f32 = 0.2;

/// Groups of this many members or more are not re-examined by the third look: its cost grows
/// with the group, and a story with so many versions has its centre among them.
const THIRD_LOOK_MAX: usize = 64;

/// A centre's verified neighbours, computed against a snapshot.
struct Proposal {
    /// Accepted neighbours, with how many shingles each shares with the centre.
    accepted: Vec<(u32, u32)>,
    /// Every candidate, kept for the second look if this article becomes a centre.
    neighbours: Box<[u32]>,
    candidates: u64,
    verified: u64,
}

/// For every article, the article it is an exact copy of: the first, in visiting order, of
/// those with the same non-empty shingle set, anchors and simhash (itself when it is that first
/// one, or when it has no shingles at all). All three, so that a copy meets exactly the
/// candidates its original meets and verifies exactly as it does: sets alone keep 24 bits a
/// shingle, and two different one-word texts can share one.
///
/// Articles are grouped by a hash of their anchors, simhash and set length, and compared in
/// full within a group, so a hash collision never joins two different articles.
pub fn exact_copies(items: &[Item<'_>]) -> Vec<u32> {
    let n = items.len();
    // Keyed by a hash of anchors, simhash and set length (the length rather than the set's
    // bytes: a fifth of the reading, and different sets of one length almost never have the same
    // anchors and simhash too), then by visiting order: equal sets have equal lengths, so among
    // them that is earliest, then input order.
    let mut keyed: Vec<(u64, (i64, u32))> = items
        .par_iter()
        .enumerate()
        .filter(|(_, it)| !it.shingles.is_empty())
        .map(|(d, it)| {
            let anchors = xxhash_rust::xxh3::xxh3_64(bytemuck::cast_slice(it.anchors));
            let hash =
                anchors ^ it.simhash.0.rotate_left(21) ^ (it.shingles.len() as u64).rotate_left(42);
            (hash, earliest_key(items, d as u32))
        })
        .collect();
    keyed.par_sort_unstable();
    let mut first: Vec<u32> = (0..n as u32).collect();
    let same = |a: u32, b: u32| {
        let (x, y) = (&items[a as usize], &items[b as usize]);
        x.simhash == y.simhash
            && x.anchors == y.anchors
            && x.shingles.as_bytes() == y.shingles.as_bytes()
    };
    let mut firsts: Vec<u32> = Vec::new();
    for group in keyed.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
        // Each article joins the first earlier one it equals (almost always the group's first).
        firsts.clear();
        for &(_, (_, d)) in group {
            match firsts.iter().find(|&&f| same(f, d)) {
                Some(&f) => first[d as usize] = f,
                None => firsts.push(d),
            }
        }
    }
    first
}

/// Which articles the candidate index should hold: those with words (the others pair with
/// nothing) that are not exact copies of an earlier one (`copies`, from [`exact_copies`]).
pub fn to_index(items: &[Item<'_>], copies: &[u32]) -> Vec<bool> {
    (0..items.len())
        .map(|d| copies[d] == d as u32 && !items[d].shingles.is_empty())
        .collect()
}

/// The order in which [`cluster`] visits articles: longest first, then earliest, then input
/// order; exact copies (`copies`, see [`exact_copies`]) are left out, as they follow their
/// original.
pub fn visiting_order(items: &[Item<'_>], copies: &[u32]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..items.len() as u32)
        .filter(|&d| copies[d as usize] == d)
        .collect();
    order.par_sort_unstable_by_key(|&d| {
        let it = &items[d as usize];
        (
            std::cmp::Reverse(it.shingles.len()),
            it.published.unwrap_or(i64::MAX),
            d,
        )
    });
    order
}

/// Each article's place in `order`, a visiting order of `n` articles (those left out of it
/// come after every visited one), as [`crate::candidates::Index::build_only`] takes it.
pub fn visit_ranks(order: &[u32], n: usize) -> Vec<u32> {
    let mut rank = vec![u32::MAX; n];
    for (r, &d) in order.iter().enumerate() {
        rank[d as usize] = r as u32;
    }
    rank
}

/// Clusters `items` using `index`, built over the same items in the same order, leaving out
/// those that `copies` ([`exact_copies`]) says stand for an earlier one (see [`to_index`]),
/// visiting the others in `order` ([`visiting_order`] of the same items and copies, which the
/// index's flood hubs were chosen by).
pub fn cluster(
    items: &[Item<'_>],
    index: &Index,
    copies: &[u32],
    order: &[u32],
    thresholds: &Thresholds,
    keep: Keep,
) -> Clustering {
    let n = items.len();
    assert_eq!(copies.len(), n, "one entry per article");
    let originals = copies.iter().enumerate().filter(|&(d, &c)| c == d as u32);
    assert_eq!(
        order.len(),
        originals.count(),
        "every original visited once"
    );

    const FREE: u32 = u32::MAX;
    let mut centre_of = vec![FREE; n];
    // Shingles each article shares with its centre, so that measuring a cluster whose
    // representative is that centre need not intersect the two again.
    let mut shared_with_centre = vec![0u32; n];
    let mut stats = ClusterStats::default();
    // Candidates of the articles that became centres: the second look reuses them.
    let mut neighbours: Vec<Option<Box<[u32]>>> = vec![None; n];
    // Chunks shrink where speculation is wasted, and grow back. Within a chunk every
    // centre-to-be verifies its candidates as if no other member of the chunk were a centre;
    // where one story has thousands of versions, the first of them takes the others and
    // their work is thrown away (a 40,000-version story verified 13M pairs to accept 39,000).
    // The result does not depend on chunk sizes, only the work does. The longest articles come
    // first, and a flood's versions are among them: start small.
    let mut size = CHUNK_MIN;
    let mut at = 0;
    while at < order.len() {
        let chunk = &order[at..(at + size).min(order.len())];
        at += chunk.len();
        let snapshot = &centre_of;
        let proposals: Vec<Option<Proposal>> = chunk
            .par_iter()
            .map_init(Scratch::default, |sc, &d| {
                if snapshot[d as usize] != FREE {
                    return None;
                }
                let me = &items[d as usize];
                index.candidates(d, me.anchors, &mut sc.query, &mut sc.cands);
                // Most articles have no candidate to verify: unpack only for those that do.
                let mut unpacked = false;
                let mut p = Proposal {
                    accepted: Vec::new(),
                    neighbours: sc.cands.iter().map(|c| c.doc).collect(),
                    candidates: sc.cands.len() as u64,
                    verified: 0,
                };
                for c in sc.cands.iter().filter(|c| snapshot[c.doc as usize] == FREE) {
                    p.verified += 1;
                    if !unpacked {
                        me.shingles.decode_into(&mut sc.mine);
                        unpacked = true;
                    }
                    items[c.doc as usize].shingles.decode_into(&mut sc.other);
                    let s = Similarity::of_sorted(&sc.mine, &sc.other);
                    if thresholds.accepts(&s) {
                        p.accepted.push((c.doc, s.shared));
                    }
                }
                Some(p)
            })
            .collect();
        let (mut verified, mut wasted) = (0u64, 0u64);
        for (&d, proposal) in chunk.iter().zip(proposals) {
            let Some(p) = proposal else { continue };
            stats.candidate_pairs += p.candidates;
            stats.verified_pairs += p.verified;
            verified += p.verified;
            if centre_of[d as usize] != FREE {
                wasted += p.verified; // taken by an earlier centre of this chunk
                continue;
            }
            // Candidates an earlier centre of this chunk took need not have been verified.
            let still_free = p
                .neighbours
                .iter()
                .filter(|&&c| centre_of[c as usize] == FREE)
                .count() as u64;
            wasted += p.verified.saturating_sub(still_free);
            centre_of[d as usize] = d;
            neighbours[d as usize] = Some(p.neighbours);
            for (other, shared) in p.accepted {
                if centre_of[other as usize] == FREE {
                    centre_of[other as usize] = d;
                    shared_with_centre[other as usize] = shared;
                    stats.accepted_pairs += 1;
                }
            }
        }
        size = if 2 * wasted > verified {
            (size / 4).max(CHUNK_MIN)
        } else {
            (size * 2).min(CHUNK)
        };
    }

    // Exact copies join whatever their original joined, sharing with the centre what it does.
    for d in (0..n as u32).filter(|&d| copies[d as usize] != d) {
        let original = copies[d as usize] as usize;
        let centre = centre_of[original];
        centre_of[d as usize] = centre;
        shared_with_centre[d as usize] = if centre as usize == original {
            items[original].shingles.len() as u32
        } else {
            shared_with_centre[original]
        };
        stats.exact_copies += 1;
    }

    // Gather members per centre.
    let mut group_of_centre = vec![FREE; n];
    let mut groups: Vec<Vec<u32>> = Vec::new();
    for (d, &c) in centre_of.iter().enumerate() {
        let c = c as usize;
        if group_of_centre[c] == FREE {
            group_of_centre[c] = groups.len() as u32;
            groups.push(Vec::new());
        }
        groups[group_of_centre[c] as usize].push(d as u32);
    }
    let mut reps: Vec<u32> = groups
        .par_iter()
        .map(|g| representative(items, g, keep))
        .collect();
    let mut group_of: Vec<u32> = centre_of
        .iter()
        .map(|&c| group_of_centre[c as usize])
        .collect();

    // Groups that copy an earlier group (see `join_copied_groups`).
    let visited = visit_ranks(order, n);
    let centre_of_group: Vec<u32> = groups.iter().map(|g| centre_of[g[0] as usize]).collect();
    stats.rehomed += join_copied_groups(
        items,
        thresholds,
        &Groups {
            reps: &reps,
            centres: &centre_of_group,
            neighbours: &neighbours,
            visited: &visited,
        },
        &mut groups,
        &mut group_of,
    );

    // Second look. A centre is the longest version, not always the source: a copy padded with a
    // local intro can take the wire copy and leave a differently reworded copy alone. Now that
    // each group has its representative, an article that is alone, or is not a verified copy of
    // its own group's representative, joins the group whose representative it verifies best
    // against. Decisions read only the first-pass groups, so they are independent and parallel;
    // every member is still a verified copy of its representative.
    let looks: Vec<Look> = (0..n as u32)
        .into_par_iter()
        .map_init(Scratch::default, |sc, d| {
            let own = group_of[d as usize] as usize;
            let rep = reps[own];
            if rep == d && groups[own].len() > 1 {
                return None;
            }
            let me = &items[d as usize];
            let rep_set = items[rep as usize].shingles;
            // A member whose centre is the representative was measured against it then.
            let own_similarity = (rep != d).then(|| {
                if centre_of[d as usize] == rep {
                    let shared = shared_with_centre[d as usize] as usize;
                    Similarity::from_counts(shared, me.shingles.len(), rep_set.len())
                } else {
                    Similarity::of(me.shingles, rep_set)
                }
            });
            // A weak member (a copy by containment alone, and barely) looks for a group whose
            // representative holds clearly more of it: an excerpt that is half a quotation
            // from another story, taken by that story because it was visited first.
            let weak = own_similarity.filter(|s| {
                thresholds.accepts(s)
                    && s.jaccard < thresholds.jaccard
                    && s.containment() < WEAK_MEMBER
            });
            if own_similarity.is_some_and(|s| thresholds.accepts(&s)) && weak.is_none() {
                return None;
            }
            let bar = weak.map_or(0.0, |s| s.containment() + WEAK_MARGIN);
            let near: &[u32] = match &neighbours[d as usize] {
                Some(cached) => cached,
                None => {
                    index.candidates(d, me.anchors, &mut sc.query, &mut sc.cands);
                    sc.query.docs.clear();
                    sc.query.docs.extend(sc.cands.iter().map(|c| c.doc));
                    &sc.query.docs
                }
            };
            let targets = &mut sc.targets;
            targets.clear();
            targets.extend(
                near.iter()
                    .map(|&c| group_of[c as usize])
                    // An article alone, verified against nothing, would have met another alone
                    // in the first pass; a weak member may leave for one.
                    .filter(|&g| {
                        g as usize != own && (groups[g as usize].len() > 1 || weak.is_some())
                    }),
            );
            targets.sort_unstable();
            targets.dedup();
            if targets.is_empty() {
                return None;
            }
            me.shingles.decode_into(&mut sc.mine);
            // The group whose article (of `others`: (article, group)) `me` copies best.
            let best_of = |mine: &[u32], unpacked: &mut Vec<u32>, others: &[(u32, u32)]| {
                let mut best: Option<(f32, f32, u32)> = None;
                for &(other, g) in others {
                    items[other as usize].shingles.decode_into(unpacked);
                    let s = Similarity::of_sorted(mine, unpacked);
                    let better = best.is_none_or(|(c, j, _)| (s.containment(), s.jaccard) > (c, j));
                    if thresholds.accepts(&s) && s.containment() >= bar && better {
                        best = Some((s.containment(), s.jaccard, g));
                    }
                }
                best.map(|(_, _, g)| g)
            };
            sc.against.clear();
            sc.against
                .extend(targets.iter().map(|&g| (reps[g as usize], g)));
            if let Some(g) = best_of(&sc.mine, &mut sc.other, &sc.against) {
                return Some(Look::Representative(d, g));
            }
            // Third look, for an article still alone: a copy of a member that is not its
            // group's representative (see below).
            if groups[own].len() > 1 {
                return None;
            }
            sc.against.clear();
            sc.against.extend(
                near.iter()
                    .map(|&c| (c, group_of[c as usize]))
                    .filter(|&(c, g)| targets.binary_search(&g).is_ok() && reps[g as usize] != c),
            );
            best_of(&sc.mine, &mut sc.other, &sc.against).map(|g| Look::Member(d, g))
        })
        .flatten()
        .collect();
    // A weak member may have looked to an article alone, which may itself be leaving: then it
    // stays where it was.
    let leaving: rustc_hash::FxHashSet<u32> = looks
        .iter()
        .filter_map(|look| match *look {
            Look::Representative(d, _) => Some(d),
            Look::Member(..) => None,
        })
        .collect();
    // An article alone that a weak member joined stays, to represent it.
    let mut joined = rustc_hash::FxHashSet::default();
    let mut member_looks = Vec::new();
    for look in looks {
        match look {
            Look::Representative(d, g) => {
                if groups[g as usize].len() == 1 {
                    if leaving.contains(&reps[g as usize]) {
                        continue;
                    }
                    joined.insert(reps[g as usize]);
                }
                group_of[d as usize] = g;
                stats.rehomed += 1;
            }
            Look::Member(d, g) => member_looks.push((d, g)),
        }
    }

    // Third look. A representative is picked among the first pass's members: in a group of a
    // wire copy and a longer version that added an intro and reworded it, the longer one holds
    // more of the other and represents both; an excerpt of the wire copy then finds no
    // representative it copies, though it copies the wire copy whole. Such an article joins the
    // group if, with it, the group's representative picked again (as `keep` says) has every
    // member, itself included, for a verified copy. Applied in article order, each against the
    // groups as the earlier ones left them: deterministic, and every member is still a verified
    // copy of its representative.
    if !member_looks.is_empty() {
        let mut members: rustc_hash::FxHashMap<u32, Vec<u32>> =
            member_looks.iter().map(|&(_, g)| (g, Vec::new())).collect();
        for (d, g) in group_of.iter().enumerate() {
            if let Some(m) = members.get_mut(g) {
                m.push(d as u32);
            }
        }
        for (d, g) in member_looks {
            if joined.contains(&d) || members[&g].len() >= THIRD_LOOK_MAX {
                continue;
            }
            let mut docs = members[&g].clone();
            let at = docs.partition_point(|&m| m < d);
            docs.insert(at, d);
            let rep = representative(items, &docs, keep);
            let rep_set = items[rep as usize].shingles;
            let all_copy = docs.iter().all(|&m| {
                m == rep || thresholds.accepts(&Similarity::of(items[m as usize].shingles, rep_set))
            });
            if all_copy {
                group_of[d as usize] = g;
                reps[g as usize] = rep;
                members.insert(g, docs);
                stats.rehomed += 1;
            }
        }
    }

    // Final clusters, numbered by their first member in input order.
    let mut cluster_of_group = vec![FREE; groups.len()];
    let mut members: Vec<Vec<u32>> = Vec::new();
    let mut representatives: Vec<u32> = Vec::new();
    let mut assignment = vec![0u32; n];
    for d in 0..n {
        let g = group_of[d] as usize;
        if cluster_of_group[g] == FREE {
            cluster_of_group[g] = members.len() as u32;
            members.push(Vec::new());
            representatives.push(reps[g]);
        }
        let k = cluster_of_group[g];
        members[k as usize].push(d as u32);
        assignment[d] = k;
    }
    let clusters = members
        .into_par_iter()
        .zip(representatives)
        .map(|(docs, rep)| measure(items, docs, rep, &centre_of, &shared_with_centre))
        .collect();
    Clustering {
        clusters,
        assignment,
        stats,
    }
}

/// What [`join_copied_groups`] reads of the first pass.
struct Groups<'a> {
    /// Each group's representative.
    reps: &'a [u32],
    /// Each group's centre.
    centres: &'a [u32],
    /// The candidates of every article that became a centre.
    neighbours: &'a [Option<Box<[u32]>>],
    /// Each article's place in the visiting order.
    visited: &'a [u32],
}

/// Rounds of [`join_copied_groups`] at most.
const JOIN_ROUNDS: usize = 8;

/// Moves whole groups into earlier groups they copy; returns how many articles moved.
///
/// Versions of a story that met only through simhash (or, beyond `max_postings` versions,
/// through a flood anchor's hubs) can form many groups: 20,000 versions of one text made 149
/// when such anchors were dropped. A group joins an earlier group next to it (one its centre
/// saw among its candidates) when its representative verifies against that group's and so does every one of its members, so every
/// member is still a verified copy of its representative. Decisions in a round read the groups
/// as they were before it, in parallel; a group whose own target moves in the same round waits
/// for the next, up to [`JOIN_ROUNDS`].
fn join_copied_groups(
    items: &[Item<'_>],
    thresholds: &Thresholds,
    first: &Groups<'_>,
    groups: &mut [Vec<u32>],
    group_of: &mut [u32],
) -> u64 {
    let mut moved = 0;
    for _ in 0..JOIN_ROUNDS {
        let targets: Vec<Option<u32>> = (0..groups.len())
            .into_par_iter()
            .map(|g| {
                if groups[g].len() < 2 {
                    return None; // an article alone is the second look's
                }
                let centre = first.centres[g];
                let near = first.neighbours[centre as usize].as_deref()?;
                let rank = first.visited[centre as usize];
                let mut earlier: Vec<u32> = near
                    .iter()
                    .map(|&c| group_of[c as usize])
                    .filter(|&h| first.visited[first.centres[h as usize] as usize] < rank)
                    .collect();
                earlier.sort_unstable();
                earlier.dedup();
                let rep = items[first.reps[g] as usize].shingles;
                let mut best: Option<(f32, f32, u32)> = None;
                for h in earlier {
                    let s = Similarity::of(rep, items[first.reps[h as usize] as usize].shingles);
                    let better = best.is_none_or(|(c, j, _)| (s.containment(), s.jaccard) > (c, j));
                    if thresholds.accepts(&s) && better {
                        best = Some((s.containment(), s.jaccard, h));
                    }
                }
                let (_, _, h) = best?;
                let target = items[first.reps[h as usize] as usize].shingles;
                groups[g]
                    .iter()
                    .all(|&m| {
                        thresholds.accepts(&Similarity::of(items[m as usize].shingles, target))
                    })
                    .then_some(h)
            })
            .collect();
        let mut joined = 0;
        for g in 0..groups.len() {
            let Some(h) = targets[g] else { continue };
            if targets[h as usize].is_some() {
                continue; // its target moves this round; its members were checked against it
            }
            let members = std::mem::take(&mut groups[g]);
            for &m in &members {
                group_of[m as usize] = h;
            }
            joined += members.len() as u64;
            groups[h as usize].extend(members);
        }
        moved += joined;
        if joined == 0 {
            break;
        }
    }
    moved
}

/// Measures every member of a cluster against its representative. A member whose centre was
/// the representative was measured against it in the first pass (`shared_with_centre`); the
/// others are intersected here.
fn measure(
    items: &[Item<'_>],
    docs: Vec<u32>,
    representative: u32,
    centre_of: &[u32],
    shared_with_centre: &[u32],
) -> Cluster {
    let rep_set = items[representative as usize].shingles;
    // Unpacked only if some member needs a fresh intersection.
    let mut rep: Option<Vec<u32>> = None;
    let mut member = Vec::new();
    let members = docs
        .iter()
        .map(|&d| {
            if d == representative {
                return Member {
                    doc: d,
                    similarity: 1.0,
                    containment: 1.0,
                    coverage: 1.0,
                };
            }
            let me = items[d as usize].shingles;
            let s = if centre_of[d as usize] == representative {
                Similarity::from_counts(
                    shared_with_centre[d as usize] as usize,
                    me.len(),
                    rep_set.len(),
                )
            } else {
                let rep = rep.get_or_insert_with(|| {
                    let mut v = Vec::new();
                    rep_set.decode_into(&mut v);
                    v
                });
                me.decode_into(&mut member);
                Similarity::of_sorted(&member, rep)
            };
            Member {
                doc: d,
                similarity: s.jaccard,
                containment: s.a_in_b,
                coverage: s.b_in_a,
            }
        })
        .collect();
    Cluster {
        representative,
        members,
    }
}

/// Earliest first; undated after dated; then input order.
fn earliest_key(items: &[Item<'_>], d: u32) -> (i64, u32) {
    (items[d as usize].published.unwrap_or(i64::MAX), d)
}

/// The representative of the articles `docs` (indices into `items`), as `keep` says.
pub fn representative(items: &[Item<'_>], docs: &[u32], keep: Keep) -> u32 {
    if docs.len() == 1 {
        return docs[0];
    }
    let len = |d: u32| items[d as usize].shingles.len();
    match keep {
        Keep::First => docs[0],
        Keep::Earliest => *docs
            .iter()
            .min_by_key(|&&d| earliest_key(items, d))
            .expect("non-empty"),
        Keep::Longest => *docs
            .iter()
            .min_by_key(|&&d| (std::cmp::Reverse(len(d)), d))
            .expect("non-empty"),
        Keep::Best => {
            // Contenders: the longest members (a cover is long); judges: an even sample of all.
            // Score: how much of each judge the contender holds. A version padded with its own
            // intro holds the plain wire copy whole and so scores a little higher than it; scores
            // within NEAR_TIE per judge are therefore ties, and ties go to the earliest (the wire).
            let mut contenders = docs.to_vec();
            contenders.sort_by_key(|&d| (std::cmp::Reverse(len(d)), d));
            contenders.truncate(BEST_EXACT);
            let step = docs.len().div_ceil(4 * BEST_EXACT).max(1);
            let judges: Vec<u32> = docs.iter().copied().step_by(step).collect();
            // Each set unpacked once, each pair intersected once (the overlap is symmetric).
            let mut seen: Vec<u32> = contenders.iter().chain(&judges).copied().collect();
            seen.sort_unstable();
            seen.dedup();
            let sets: Vec<Vec<u32>> = seen
                .iter()
                .map(|&d| {
                    let mut v = Vec::new();
                    items[d as usize].shingles.decode_into(&mut v);
                    v
                })
                .collect();
            let slot = |d: u32| seen.binary_search(&d).expect("decoded above");
            let mut shared: Vec<Option<u32>> = vec![None; seen.len() * seen.len()];
            let mut overlap = |a: usize, b: usize| -> usize {
                let key = a.min(b) * seen.len() + a.max(b);
                *shared[key].get_or_insert_with(|| {
                    crate::shingle::intersection_len_sorted(&sets[a], &sets[b]) as u32
                }) as usize
            };
            let mut score = |c: u32| -> f64 {
                let cs = slot(c);
                judges
                    .iter()
                    .filter(|&&j| j != c)
                    .map(|&j| {
                        let js = slot(j);
                        let n = overlap(js, cs);
                        Similarity::from_counts(n, sets[js].len(), sets[cs].len()).a_in_b as f64
                    })
                    .sum()
            };
            let scored: Vec<(f64, u32)> = contenders.iter().map(|&c| (score(c), c)).collect();
            let best = scored.iter().map(|s| s.0).fold(f64::MIN, f64::max);
            let tolerance = NEAR_TIE * judges.len().saturating_sub(1).max(1) as f64;
            scored
                .iter()
                .filter(|s| s.0 >= best - tolerance)
                .map(|s| s.1)
                .min_by_key(|&d| earliest_key(items, d))
                .expect("non-empty")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidates::CandidateParams;
    use crate::fingerprint::Fingerprint;
    use crate::shingle::ShingleSet;

    /// Builds items whose shingles are the given ranges; every item's anchors are its shingles, so
    /// the index proposes every overlapping pair and the clustering alone is tested.
    fn run(sets: &[Vec<u32>], published: &[Option<i64>], keep: Keep) -> Clustering {
        run_folding(sets, published, keep, true)
    }

    /// [`run`], with exact copies folded as the pipeline does (`fold`) or treated like any
    /// other article (every article indexed and visited).
    fn run_folding(
        sets: &[Vec<u32>],
        published: &[Option<i64>],
        keep: Keep,
        fold: bool,
    ) -> Clustering {
        let shingles: Vec<ShingleSet> = sets
            .iter()
            .map(|s| ShingleSet::from_values(s.iter().copied()))
            .collect();
        // Equal sets get equal fingerprints, as they would from real text.
        let fps: Vec<Fingerprint> = shingles
            .iter()
            .map(|s| Fingerprint(xxhash_rust::xxh3::xxh3_64(s.as_bytes())))
            .collect();
        let items: Vec<Item> = (0..sets.len())
            .map(|i| Item {
                shingles: shingles[i].view(),
                anchors: &sets[i],
                simhash: fps[i],
                published: published.get(i).copied().flatten(),
            })
            .collect();
        cluster_items(&items, fold, keep)
    }

    /// Clusters `items` as the pipeline does, exact copies folded (`fold`) or every article
    /// indexed and visited; candidates are articles with the same simhash or one shared anchor.
    fn cluster_items(items: &[Item<'_>], fold: bool, keep: Keep) -> Clustering {
        let params = CandidateParams {
            min_shared_anchors: 1,
            max_distance: 0,
            ..CandidateParams::default()
        };
        let fps: Vec<Fingerprint> = items.iter().map(|it| it.simhash).collect();
        let anchors: Vec<&[u32]> = items.iter().map(|it| it.anchors).collect();
        let (index, copies, order) = if fold {
            let copies = exact_copies(items);
            let indexed = to_index(items, &copies);
            let order = visiting_order(items, &copies);
            let rank = visit_ranks(&order, items.len());
            let index = Index::build_only(&fps, &anchors, params, &indexed, &rank);
            (index, copies, order)
        } else {
            let copies: Vec<u32> = (0..items.len() as u32).collect();
            let order = visiting_order(items, &copies);
            (Index::build(&fps, &anchors, params), copies, order)
        };
        cluster(items, &index, &copies, &order, &Thresholds::default(), keep)
    }

    #[test]
    fn exact_copies_follow_the_earliest_and_are_counted() {
        let a = range(0, 100);
        let b = range(500, 560);
        let sets = [a.clone(), b.clone(), a.clone(), a, b, vec![]];
        let published = [Some(5), None, Some(1), Some(9), None, None];
        let shingles: Vec<ShingleSet> = sets
            .iter()
            .map(|s| ShingleSet::from_values(s.iter().copied()))
            .collect();
        let items: Vec<Item> = (0..sets.len())
            .map(|i| Item {
                shingles: shingles[i].view(),
                anchors: &sets[i],
                simhash: Fingerprint(sets[i].len() as u64),
                published: published[i],
            })
            .collect();
        // The earliest of equal sets is the original (undated after dated, then input order);
        // an article with no shingles copies nothing.
        assert_eq!(exact_copies(&items), vec![2, 1, 2, 2, 1, 5]);
        assert_eq!(
            to_index(&items, &exact_copies(&items)),
            vec![false, true, true, false, false, false]
        );
        let c = run(&sets, &published, Keep::Best);
        assert_eq!(c.stats.exact_copies, 3);
        assert_eq!(c.assignment[0], c.assignment[2]);
        assert_eq!(c.assignment[3], c.assignment[2]);
        assert_eq!(c.assignment[4], c.assignment[1]);
        assert_eq!(c.clusters.len(), 3);
        let with_a = &c.clusters[c.assignment[0] as usize];
        assert_eq!(with_a.representative, 2);
        assert!(with_a.members.iter().all(|m| m.similarity == 1.0));
    }

    #[test]
    fn a_flood_of_identical_articles_costs_no_candidate_search() {
        // 3,000 copies of one story and 3,000 empty texts: without folding, every copy would be
        // a candidate of every other (millions of pairs) and every empty text would meet every
        // other in the simhash tables.
        let story = range(0, 300);
        let sets: Vec<Vec<u32>> = (0..6000)
            .map(|i| if i % 2 == 0 { story.clone() } else { vec![] })
            .collect();
        let c = run(&sets, &[], Keep::Best);
        assert_eq!(c.stats.exact_copies, 2999);
        assert_eq!(c.stats.candidate_pairs, 0);
        assert_eq!(c.stats.verified_pairs, 0);
        assert_eq!(
            c.clusters.len(),
            1 + 3000,
            "one story, and each empty text alone"
        );
        assert_eq!(c.clusters[0].members.len(), 3000);
    }

    #[test]
    fn a_story_with_thousands_of_versions_is_not_verified_thousands_of_times_over() {
        // 2,000 versions of one story, each with its own two words: every version is every
        // other's candidate. The first centre takes them all; speculating on a whole chunk of
        // 2,048 centres at once would verify about 4M pairs for it.
        let sets: Vec<Vec<u32>> = (0..2000u32)
            .map(|i| {
                range(0, 300)
                    .into_iter()
                    .chain([100_000 + 2 * i, 100_001 + 2 * i])
                    .collect()
            })
            .collect();
        let shingles: Vec<ShingleSet> = sets
            .iter()
            .map(|s| ShingleSet::from_values(s.iter().copied()))
            .collect();
        let fps = vec![Fingerprint(0); sets.len()];
        let params = CandidateParams {
            min_shared_anchors: 1,
            max_distance: 0,
            max_postings: 10_000,
        };
        let items: Vec<Item> = (0..sets.len())
            .map(|i| Item {
                shingles: shingles[i].view(),
                anchors: &sets[i],
                simhash: Fingerprint(i as u64),
                published: None,
            })
            .collect();
        let index = Index::build(&fps, &sets, params);
        let copies = exact_copies(&items);
        let order = visiting_order(&items, &copies);
        let c = cluster(
            &items,
            &index,
            &copies,
            &order,
            &Thresholds::default(),
            Keep::First,
        );
        assert_eq!(c.clusters.len(), 1);
        assert!(
            c.stats.verified_pairs < 50_000,
            "{} pairs verified",
            c.stats.verified_pairs
        );
    }

    #[test]
    fn a_group_copying_an_earlier_group_joins_it() {
        // a1 opens a group and takes a2 (anchor 1000). c1 is not a1's candidate (no shared
        // anchor, as when a flood's anchors are all stock phrases), so it opens a group of its
        // own with c2; its centre saw a2, though, and c1 and c2 both verify against a1.
        let base = range(0, 100);
        let with = |extra: &[u32], from: u32| -> Vec<u32> {
            base.iter()
                .copied()
                .filter(|&v| v >= from)
                .chain(extra.iter().copied())
                .collect()
        };
        let sets = [
            with(&[200, 201, 202, 203], 0),
            with(&[], 0),
            with(&[300], 2),
            with(&[301], 2),
        ];
        let anchors = [vec![1000], vec![1000, 2000], vec![2000, 3000], vec![3000]];
        let c = run_with_anchors(&sets, &anchors, &[], Keep::First);
        assert_eq!(c.clusters.len(), 1, "{c:?}");
        assert_eq!(c.clusters[0].representative, 0);
        assert_eq!(c.stats.rehomed, 2);
    }

    #[test]
    fn a_group_joins_only_if_every_member_copies_the_earlier_representative() {
        // As above, but c2 copies c1's own material, not a1's: moving the group would make c2 a
        // member of a cluster whose representative it does not copy. The group stays.
        let cat = |parts: &[Vec<u32>]| -> Vec<u32> { parts.concat() };
        let sets = [
            cat(&[range(0, 100), range(200, 270)]),
            range(0, 100),
            cat(&[range(2, 100), range(300, 301), range(400, 461)]),
            cat(&[range(400, 461), range(90, 100), range(500, 520)]),
        ];
        let anchors = [vec![1000], vec![1000, 2000], vec![2000, 3000], vec![3000]];
        let c = run_with_anchors(&sets, &anchors, &[], Keep::First);
        assert_eq!(c.clusters.len(), 2, "{c:?}");
        assert_eq!(c.assignment, vec![0, 0, 1, 1]);
    }

    #[test]
    fn equal_sets_with_different_fingerprints_are_not_exact_copies() {
        // Two different one-word texts can share a 24-bit set value; their simhashes (or
        // anchors) still tell them apart, and so must exact-copy folding.
        let set = ShingleSet::from_values([7]);
        let item = |anchors: &'static [u32], simhash: u64| Item {
            shingles: set.view(),
            anchors,
            simhash: Fingerprint(simhash),
            published: None,
        };
        let items = [
            item(&[1], 10),
            item(&[1], 11),
            item(&[2], 10),
            item(&[1], 10),
        ];
        assert_eq!(exact_copies(&items), vec![0, 1, 2, 0]);
    }

    proptest::proptest! {
        /// Folding exact copies is only a shortcut: clusters, representatives and every
        /// member's measures are those of treating each copy as an article of its own.
        #[test]
        fn folding_exact_copies_changes_no_cluster(
            picks in proptest::collection::vec((0usize..6, proptest::option::of(0i64..4)), 1..24),
            keep in proptest::sample::select(vec![Keep::Best, Keep::Earliest, Keep::Longest, Keep::First]),
        ) {
            // Six stories: overlapping ranges (copies, trims, rewordings) and one empty text.
            let family = [range(0, 100), range(0, 60), range(30, 130), range(0, 100).into_iter().chain(range(900, 910)).collect(), range(2000, 2040), vec![]];
            let sets: Vec<Vec<u32>> = picks.iter().map(|&(k, _)| family[k].clone()).collect();
            let published: Vec<Option<i64>> = picks.iter().map(|&(_, p)| p).collect();
            let folded = run_folding(&sets, &published, keep, true);
            let plain = run_folding(&sets, &published, keep, false);
            proptest::prop_assert_eq!(&folded.assignment, &plain.assignment);
            proptest::prop_assert_eq!(&folded.clusters, &plain.clusters);
        }
    }

    #[test]
    fn second_look_brings_a_copy_to_the_representative_it_verifies_against() {
        // L (the wire W plus a short intro) is the longest and becomes the centre; its anchors do
        // not reach R, a reworded copy of W, which is left alone in the first pass. W, earliest,
        // is the representative of {L, W}; R copies W, so the second look moves it there.
        let w = range(0, 100);
        let l: Vec<u32> = range(0, 100).into_iter().chain(range(200, 203)).collect();
        let r: Vec<u32> = range(0, 68).into_iter().chain(range(300, 332)).collect();
        let sets = [l.clone(), w.clone(), r.clone()];
        let anchors = [vec![99, 200], w, r];
        let c = run_with_anchors(&sets, &anchors, &[Some(2), Some(1), Some(3)], Keep::Best);
        assert_eq!(c.clusters.len(), 1, "{c:?}");
        assert_eq!(c.clusters[0].representative, 1);
        assert_eq!(c.stats.rehomed, 1);
    }

    #[test]
    fn third_look_brings_an_excerpt_of_a_member_by_picking_the_representative_again() {
        // L rewords the wire copy W and adds an intro: the longest, it is the centre and takes
        // W, and holds more of W than W holds of it, so it represents {L, W}. R, an excerpt of
        // W, shares too little with L to join it. With R, W holds most of the others, and every
        // member copies W: R joins, and W represents the three.
        let l: Vec<u32> = range(0, 70).into_iter().chain(range(1000, 1040)).collect();
        let (w, r) = (range(0, 100), range(65, 100));
        let anchors = [vec![1, 2], vec![1, 3], vec![3]];
        let c = run_with_anchors(&[l, w, r], &anchors, &[None; 3], Keep::Best);
        assert_eq!(c.clusters.len(), 1, "{c:?}");
        assert_eq!(c.clusters[0].representative, 1);
        assert_eq!(c.stats.rehomed, 1);
        for m in &c.clusters[0].members {
            assert!(m.similarity >= 0.5 || m.containment >= 0.5, "{m:?}");
        }
    }

    #[test]
    fn third_look_leaves_an_excerpt_alone_when_a_member_would_not_copy_the_new_representative() {
        // As above, with M: L's intro and part of W. M copies L, not W; with R, W would
        // represent the group and M would not copy it, so R stays alone.
        let l: Vec<u32> = range(0, 70).into_iter().chain(range(1000, 1040)).collect();
        let m: Vec<u32> = range(0, 30).into_iter().chain(range(1000, 1040)).collect();
        let (w, r) = (range(0, 100), range(65, 100));
        let anchors = [vec![1, 2], vec![1, 3], vec![3], vec![2]];
        let c = run_with_anchors(&[l, w, r, m], &anchors, &[None; 4], Keep::Best);
        assert_eq!(c.assignment, [0, 0, 1, 0], "{c:?}");
        assert_eq!(c.clusters[0].representative, 0);
        assert_eq!(c.stats.rehomed, 0);
    }

    #[test]
    fn a_weak_member_leaves_for_the_story_it_copies_clearly_better() {
        // S quotes the first 20 shingles of X; E is an excerpt of S that keeps the quotation, so
        // half of E is in X. X, the longest, is visited first and takes E (52% of E is in it);
        // S finds E taken and stays alone. E copies S whole: it leaves X for S.
        let x = range(0, 200);
        let s: Vec<u32> = range(1000, 1080).into_iter().chain(range(0, 20)).collect();
        let e: Vec<u32> = range(1000, 1018).into_iter().chain(range(0, 20)).collect();
        let anchors = [vec![1], vec![2], vec![1, 2]];
        let c = run_with_anchors(
            &[x.clone(), s.clone(), e.clone()],
            &anchors,
            &[None; 3],
            Keep::Best,
        );
        assert_eq!(c.assignment, [0, 1, 1], "{c:?}");
        assert_eq!(c.clusters[1].representative, 1);
        assert_eq!(c.stats.rehomed, 1);
        // Copying the other story only a little better is not enough: with S holding 63% of E
        // (11 points more than X holds), E stays with X.
        let s: Vec<u32> = range(1000, 1090).into_iter().chain(range(0, 6)).collect();
        let c = run_with_anchors(&[x, s, e], &anchors, &[None; 3], Keep::Best);
        assert_eq!(c.assignment, [0, 1, 0], "{c:?}");
    }

    #[test]
    fn a_weak_member_does_not_follow_an_article_alone_that_leaves() {
        // As above, but S, alone after the first pass, is itself a copy of W, which represents
        // {L, W} (L's anchors did not reach S): S leaves for W's group, and E, which would have
        // joined S, stays with X. Every cluster keeps its representative among its members.
        let x = range(0, 200);
        let s: Vec<u32> = range(1000, 1080).into_iter().chain(range(0, 20)).collect();
        let e: Vec<u32> = range(1000, 1018).into_iter().chain(range(0, 20)).collect();
        let w = range(1000, 1100);
        let l: Vec<u32> = range(1000, 1100)
            .into_iter()
            .chain(range(3000, 3003))
            .collect();
        let anchors = [vec![1], vec![2, 4], vec![1, 2], vec![4, 5], vec![5]];
        let published = [None, None, None, Some(1), Some(2)];
        let c = run_with_anchors(&[x, s, e, w, l], &anchors, &published, Keep::Best);
        assert_eq!(c.assignment, [0, 1, 0, 1, 1], "{c:?}");
        for cluster in &c.clusters {
            assert!(
                cluster
                    .members
                    .iter()
                    .any(|m| m.doc == cluster.representative),
                "{c:?}"
            );
        }
    }

    #[test]
    fn an_article_alone_that_a_weak_member_joined_stays_to_represent_it() {
        // S, alone, is mostly M, which L represents: the third look would take S there, with
        // M representing. E, a weak member of X (half of E is X's), holds 71% of itself in S
        // and joins S first: S stays, to represent E.
        let quote = range(5000, 5005);
        let x: Vec<u32> = range(5000, 5200).into_iter().collect();
        let l: Vec<u32> = range(0, 70).into_iter().chain(range(1000, 1040)).collect();
        let m = range(0, 100);
        let s: Vec<u32> = range(65, 100).into_iter().chain(quote.clone()).collect();
        let e: Vec<u32> = quote
            .into_iter()
            .chain(range(80, 92))
            .chain(range(5100, 5107))
            .collect();
        let anchors = [vec![1], vec![4], vec![3, 4], vec![2, 3], vec![1, 2]];
        let c = run_with_anchors(&[x, l, m, s, e], &anchors, &[None; 5], Keep::Best);
        assert_eq!(c.assignment, [0, 1, 1, 2, 2], "{c:?}");
        assert_eq!(c.clusters[2].representative, 3);
    }

    fn range(a: u32, b: u32) -> Vec<u32> {
        (a..b).collect()
    }

    /// Clusters `sets` with candidates from the given `anchors` alone (one shared anchor is
    /// enough; the simhashes are all far apart), so a test says exactly which pairs the index
    /// proposes.
    fn run_with_anchors(
        sets: &[Vec<u32>],
        anchors: &[Vec<u32>],
        published: &[Option<i64>],
        keep: Keep,
    ) -> Clustering {
        let shingles: Vec<ShingleSet> = sets
            .iter()
            .map(|s| ShingleSet::from_values(s.iter().copied()))
            .collect();
        let fps: Vec<Fingerprint> = (0..sets.len() as u32)
            .map(|i| Fingerprint(1u64.rotate_left(20 * i)))
            .collect();
        let items: Vec<Item> = (0..sets.len())
            .map(|i| Item {
                shingles: shingles[i].view(),
                anchors: &anchors[i],
                simhash: fps[i],
                published: published.get(i).copied().flatten(),
            })
            .collect();
        cluster_items(&items, true, keep)
    }

    #[test]
    fn excerpts_join_the_full_story_and_unrelated_stay_apart() {
        let c = run(
            &[range(0, 30), range(0, 100), range(500, 600), range(20, 80)],
            &[],
            Keep::Best,
        );
        assert_eq!(c.assignment, vec![0, 0, 1, 0]);
        assert_eq!(c.clusters[0].representative, 1);
        assert_eq!(c.clusters.len(), 2);
    }

    #[test]
    fn no_chaining_through_a_drifting_series() {
        // Each version shares 70% with the next: A ~ B, B ~ C and C ~ D verify, A ~ C and B ~ D
        // do not. A cluster is a star, every member a copy of its representative: A and C may
        // be together only around B (which the third look finds), and A and D never.
        let series =
            |n: u32| -> Vec<Vec<u32>> { (0..n).map(|i| range(30 * i, 30 * i + 100)).collect() };
        let three = run(&series(3), &[], Keep::Best);
        assert_eq!(three.assignment, [0, 0, 0], "{three:?}");
        assert_eq!(three.clusters[0].representative, 1);
        let four = run(&series(4), &[], Keep::Best);
        assert_ne!(four.assignment[0], four.assignment[3], "{four:?}");
        for cluster in three.clusters.iter().chain(&four.clusters) {
            for m in &cluster.members {
                assert!(m.similarity >= 0.5, "{cluster:?}");
            }
        }
    }

    #[test]
    fn keep_picks_the_asked_representative() {
        let sets = [range(0, 60), range(0, 100), range(0, 80)];
        let published = [Some(30), Some(20), Some(10)];
        let rep = |k| {
            let c = run(&sets, &published, k);
            assert_eq!(c.clusters.len(), 1);
            c.clusters[0].representative
        };
        assert_eq!(rep(Keep::Best), 1);
        assert_eq!(rep(Keep::Longest), 1);
        assert_eq!(rep(Keep::Earliest), 2);
        assert_eq!(rep(Keep::First), 0);
    }

    #[test]
    fn members_are_measured_against_the_representative() {
        let c = run(&[range(0, 100), range(0, 50)], &[], Keep::Best);
        let m = c.clusters[0].members[1];
        assert_eq!(m.doc, 1);
        assert_eq!(m.containment, 1.0);
        assert!((m.coverage - 0.5).abs() < 1e-6);
        assert!((m.similarity - 0.5).abs() < 1e-6);
    }
}
