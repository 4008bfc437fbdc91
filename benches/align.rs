//! The diff stage: one cluster of 50 outlet versions of a 1,000-word story, aligned and diffed
//! against the reference. See `benches/README.md`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use copydesk::align::{AlignParams, Doc, compare};
use copydesk::generate::{GenParams, SplitMix64, generate};

/// A 1,000-word story (generated articles joined) and 50 versions: trimmed, reworded, reordered.
fn cluster() -> (String, Vec<String>) {
    let (mut out, mut labels) = (Vec::new(), Vec::new());
    generate(
        &GenParams {
            articles: 40,
            republished: 0.0,
            ..GenParams::default()
        },
        &mut out,
        &mut labels,
    )
    .unwrap();
    let mut story = String::new();
    for line in String::from_utf8(out).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        story.push_str(v["text"].as_str().unwrap());
        story.push('\n');
        if story.split_whitespace().count() >= 1000 {
            break;
        }
    }
    let sentences: Vec<&str> = story.split_inclusive(". ").collect();
    let mut rng = SplitMix64::new(9);
    let versions = (0..50)
        .map(|_| {
            let keep = sentences.len() * (30 + rng.below(71)) / 100;
            let mut v: Vec<String> = sentences[..keep.max(1)]
                .iter()
                .map(|s| {
                    if rng.below(4) == 0 {
                        s.replacen(' ', " reportedly ", 1)
                    } else {
                        s.to_string()
                    }
                })
                .collect();
            if v.len() > 4 && rng.below(2) == 0 {
                v.swap(1, 3);
            }
            v.concat()
        })
        .collect();
    (story, versions)
}

fn align(c: &mut Criterion) {
    let (story, versions) = cluster();
    let reference = Doc {
        id: "ref".into(),
        outlet: None,
        published: None,
        title: None,
        text: &story,
        boilerplate: Vec::new(),
    };
    let docs: Vec<Doc> = versions
        .iter()
        .enumerate()
        .map(|(i, v)| Doc {
            id: i.to_string(),
            outlet: None,
            published: None,
            title: None,
            text: v,
            boilerplate: Vec::new(),
        })
        .collect();
    let mut g = c.benchmark_group("align");
    g.sample_size(20);
    g.bench_function("50 versions of a 1,000-word story", |b| {
        b.iter(|| black_box(compare(&reference, &docs, &AlignParams::default())))
    });
    g.finish();
}

criterion_group!(benches, align);
criterion_main!(benches);
