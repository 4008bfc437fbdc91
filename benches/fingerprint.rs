//! Per-article work: tokenizing, full analysis, and our simhash against the `simhash` crate.
//! See `benches/README.md` for what each measures and the figures last seen.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use copydesk::fingerprint;
use copydesk::generate::{GenParams, generate};
use copydesk::normalize;
use copydesk::pipeline::{Scratch, Settings, analyze};
use copydesk::shingle;

/// 1,000 generated news-length articles (deterministic), as plain texts.
fn articles() -> Vec<String> {
    let (mut out, mut labels) = (Vec::new(), Vec::new());
    generate(
        &GenParams {
            articles: 1000,
            ..GenParams::default()
        },
        &mut out,
        &mut labels,
    )
    .unwrap();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

fn per_article(c: &mut Criterion) {
    let docs = articles();
    let bytes: usize = docs.iter().map(String::len).sum();
    let settings = Settings::default();

    let mut g = c.benchmark_group("per_article");
    g.throughput(Throughput::Elements(docs.len() as u64));
    g.bench_function("tokenize (read-and-tokenize floor)", |b| {
        b.iter(|| {
            let mut n = 0u64;
            for d in &docs {
                normalize::for_each_token(normalize::story_body(d), |h| n ^= h);
            }
            black_box(n)
        })
    });
    g.bench_function("analyze (tokens, shingles, simhash, anchors, set)", |b| {
        let mut scratch = Scratch::default();
        b.iter(|| {
            for d in &docs {
                black_box(analyze(d, &settings, &mut scratch));
            }
        })
    });
    g.bench_function("simhash: ours over 4-word shingles", |b| {
        let (mut tokens, mut shingles) = (Vec::new(), Vec::new());
        b.iter(|| {
            for d in &docs {
                tokens.clear();
                normalize::for_each_token(normalize::story_body(d), |h| tokens.push(h));
                shingle::shingles_into(&tokens, shingle::DEFAULT_K, &mut shingles);
                black_box(fingerprint::simhash(&shingles));
            }
        })
    });
    g.bench_function(
        "simhash: simhash crate 0.3 (reference, SipHash words)",
        |b| {
            b.iter(|| {
                for d in &docs {
                    black_box(simhash::simhash(d));
                }
            })
        },
    );
    g.finish();

    let mut g = c.benchmark_group("per_byte");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("analyze", |b| {
        let mut scratch = Scratch::default();
        b.iter(|| {
            for d in &docs {
                black_box(analyze(d, &settings, &mut scratch));
            }
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(4));
    targets = per_article
}
criterion_main!(benches);
