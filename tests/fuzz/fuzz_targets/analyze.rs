//! Normalization, shingling and fingerprinting of any text: no panic, consistent features.
#![no_main]

use copydesk::pipeline::{Scratch, Settings, analyze};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let f = analyze(text, &Settings::default(), &mut Scratch::default());
    assert_eq!(f.words == 0, f.shingles.is_empty());
    assert_eq!(f.shingles.is_empty(), f.anchors.is_empty());
    let small = Settings { shingle_words: 1, window: 1, ..Settings::default() };
    let _ = analyze(text, &small, &mut Scratch::default());
});
