//! Alignment and diff of any two texts: no panic, every sentence accounted for.
#![no_main]

use copydesk::align::{AlignParams, Doc, Op, compare};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    // The input holds the reference and the version, split at the first NUL.
    let (a, b) = data.split_once('\0').unwrap_or((data, ""));
    let c = compare(&Doc::new("a", a), &[Doc::new("b", b)], &AlignParams::default());
    let v = &c.versions[0];
    assert!((0.0..=1.0).contains(&v.kept) && (0.0..=1.0).contains(&v.reused) && (0.0..=1.0).contains(&v.verbatim));
    let mut refs: Vec<usize> = v.segments.iter().filter_map(|s| s.reference.as_ref().map(|r| r.index)).collect();
    refs.sort_unstable();
    assert_eq!(refs, (0..c.reference.sentences.len()).collect::<Vec<_>>());
    assert_eq!(v.segments.iter().filter(|s| s.op != Op::Trimmed).count(), v.counts.same + v.counts.reworded + v.counts.moved + v.counts.added);
});
