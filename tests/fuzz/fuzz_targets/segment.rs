//! Sentence segmentation and attribution finding on any text: ordered, in-bounds slices.
#![no_main]

use copydesk::{attribution, normalize, segment};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut last = 0;
    for s in segment::sentences(text) {
        assert!(s.span.start >= last && s.span.start < s.span.end && s.span.end <= text.len());
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        last = s.span.end;
        let _ = attribution::find(&text[s.span]);
    }
    let f = normalize::furniture(text);
    for s in segment::sentences_of_parts(text, &f.body) {
        assert!(s.span.end <= text.len());
    }
});
