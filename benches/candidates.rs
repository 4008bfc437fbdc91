//! Candidate search over 1M fingerprints: building the index and querying it.
//! See `benches/README.md`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use copydesk::candidates::{CandidateParams, Index};
use copydesk::fingerprint::Fingerprint;
use copydesk::generate::SplitMix64;

const N: usize = 1_000_000;
/// Anchors per article: what 4-word shingles and an 11-shingle window give a 370-word article.
const ANCHORS: usize = 60;

/// 1M random fingerprints and anchor sets, with 10% of articles near-copies of another
/// (simhash within 2 bits, half their anchors shared), so queries find something.
fn corpus() -> (Vec<Fingerprint>, Vec<Vec<u32>>) {
    let mut rng = SplitMix64::new(42);
    let mut fps: Vec<Fingerprint> = Vec::with_capacity(N);
    let mut anchors: Vec<Vec<u32>> = Vec::with_capacity(N);
    for i in 0..N {
        if i > 0 && rng.below(10) == 0 {
            let j = rng.below(i);
            fps.push(Fingerprint(
                fps[j].0 ^ (1 << rng.below(64)) ^ (1 << rng.below(64)),
            ));
            let mut a: Vec<u32> = anchors[j].iter().copied().step_by(2).collect();
            a.extend((0..ANCHORS / 2).map(|_| rng.next_u64() as u32));
            a.sort_unstable();
            a.dedup();
            anchors.push(a);
        } else {
            fps.push(Fingerprint(rng.next_u64()));
            let mut a: Vec<u32> = (0..ANCHORS).map(|_| rng.next_u64() as u32).collect();
            a.sort_unstable();
            a.dedup();
            anchors.push(a);
        }
    }
    (fps, anchors)
}

fn search(c: &mut Criterion) {
    let (fps, anchors) = corpus();
    let mut g = c.benchmark_group("candidates_1M");
    g.sample_size(10);
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function("build index (simhash blocks + anchor postings)", |b| {
        b.iter(|| black_box(Index::build(&fps, &anchors, CandidateParams::default())))
    });
    let index = Index::build(&fps, &anchors, CandidateParams::default());
    g.bench_function("query every article", |b| {
        let (mut scratch, mut out) = (copydesk::candidates::QueryScratch::default(), Vec::new());
        b.iter(|| {
            let mut found = 0usize;
            for d in 0..N as u32 {
                index.candidates(d, &anchors[d as usize], &mut scratch, &mut out);
                found += out.len();
            }
            black_box(found)
        })
    });
    g.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
