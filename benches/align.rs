//! The diff stage: one cluster of 50 outlet versions of a 1,000-word story, aligned and diffed
//! against the reference; and one pair of book-length texts (100,000 words, reordered and
//! edited), where a whole-text diff would be quadratic. See `benches/README.md`.

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
    let reference = Doc::new("ref", &story);
    let docs: Vec<Doc> = versions
        .iter()
        .enumerate()
        .map(|(i, v)| Doc::new(i.to_string(), v))
        .collect();
    let mut g = c.benchmark_group("align");
    g.sample_size(20);
    g.bench_function("50 versions of a 1,000-word story", |b| {
        b.iter(|| black_box(compare(&reference, &docs, &AlignParams::default())))
    });
    let (book, edition) = long_pair();
    let (book, edition) = (Doc::new("book", &book), Doc::new("edition", &edition));
    g.sample_size(10);
    g.bench_function("a 100,000-word text and an edited, reordered copy", |b| {
        b.iter(|| {
            black_box(compare(
                &book,
                std::slice::from_ref(&edition),
                &AlignParams::default(),
            ))
        })
    });
    g.finish();
}

/// A 100,000-word text of 20-word sentences over a 50,000-word vocabulary, and a copy that
/// changes a word in most sentences, replaces three in ten, and shuffles them all.
fn long_pair() -> (String, String) {
    let mut rng = SplitMix64::new(5);
    let sentence = |rng: &mut SplitMix64| {
        let words: Vec<String> = (0..20).map(|_| format!("w{}", rng.below(50_000))).collect();
        let mut t = words.join(" ");
        t[..1].make_ascii_uppercase();
        t + "."
    };
    let book: Vec<String> = (0..5_000).map(|_| sentence(&mut rng)).collect();
    let mut edition: Vec<String> = book
        .iter()
        .map(|s| match rng.below(10) {
            0..=2 => sentence(&mut rng),
            _ => s.replacen(' ', " reportedly ", 1),
        })
        .collect();
    for i in (1..edition.len()).rev() {
        edition.swap(i, rng.below(i + 1));
    }
    (book.join(" "), edition.join(" "))
}

criterion_group!(benches, align);
criterion_main!(benches);
