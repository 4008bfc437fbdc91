//! Hostile and broken input: every stage takes arbitrary text without panicking and keeps its
//! invariants (a proptest-driven fuzz harness that runs with `cargo test`; the coverage-guided
//! fuzzers are in `tests/fuzz/`), and pathological corpora complete.

use std::io::Write;
use std::path::Path;

use proptest::prelude::*;
use serde_json::json;

use copydesk::align::{AlignParams, Doc, Op, compare};
use copydesk::ingest::{self, Origin, Source, SourceKind};
use copydesk::pipeline::{Scratch, Settings, analyze};
use copydesk::{attribution, normalize, segment};

mod common;
use common::{copydesk, jsonl};

/// Text that news pipelines meet: words in several scripts, punctuation, quotes, datelines,
/// control characters, NUL, right-to-left marks, combining marks, emoji.
fn nasty_text() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "WASHINGTON, April 20 (Reuters) - ",
        "U.S. Gen. Smith said. ",
        "“Quote,” he said. ",
        "according to RIA Novosti, ",
        "پاکستان نے میچ جیتا۔",
        "北京今天下雨。",
        "据新华社报道，外交部发言人华春莹表示，俄新社援引消息人士的话说",
        "新华社北京4月1日电（记者张三）",
        "\u{202E}reversed\u{202C} ",
        "e\u{301}\u{302}\u{303} ",
        "\0\u{1}\u{7f} ",
        "\n\n",
        "By Jane Doe\n",
        "Follow us on X\n",
        "... -- ",
    ];
    // Each fixed piece as likely as a random word or a random character.
    let piece = prop_oneof![
        PIECES.len() as u32 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => "[a-zA-Z]{1,12} ",
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn analysis_never_panics_and_is_consistent(text in nasty_text()) {
        let f = analyze(&text, &Settings::default(), &mut Scratch::default());
        prop_assert_eq!(f.words == 0, f.shingles.is_empty());
        prop_assert_eq!(f.shingles.is_empty(), f.anchors.is_empty());
        let values: Vec<u32> = f.shingles.iter().collect();
        prop_assert!(values.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn sentences_are_ordered_slices_on_char_boundaries(text in nasty_text()) {
        let mut last = 0;
        for s in segment::sentences(&text) {
            prop_assert!(s.span.start >= last && s.span.start < s.span.end && s.span.end <= text.len());
            prop_assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
            prop_assert!(!text[s.span.clone()].trim().is_empty());
            last = s.span.end;
        }
        let f = normalize::furniture(&text);
        let _ = segment::sentences_of_parts(&text, &f.body);
    }

    #[test]
    fn attributions_never_panic(text in nasty_text()) {
        for a in attribution::find(&text) {
            prop_assert!(!a.source.is_empty());
        }
    }

    #[test]
    fn comparison_accounts_for_every_sentence(a in nasty_text(), b in nasty_text()) {
        let c = compare(&Doc::new("a", &a), &[Doc::new("b", &b)], &AlignParams::default());
        let v = &c.versions[0];
        for x in [v.kept, v.reused, v.verbatim] {
            prop_assert!((0.0..=1.0).contains(&x));
        }
        prop_assert!(v.verbatim <= v.kept + 1e-6);
        // Every reference sentence appears once (aligned or trimmed), every version sentence once.
        let mut refs: Vec<usize> = v.segments.iter().filter_map(|s| s.reference.as_ref().map(|r| r.index)).collect();
        refs.sort_unstable();
        prop_assert_eq!(refs, (0..c.reference.sentences.len()).collect::<Vec<_>>());
        let vers = v.segments.iter().filter(|s| s.op != Op::Trimmed).count();
        prop_assert_eq!(vers, v.counts.same + v.counts.reworded + v.counts.moved + v.counts.added);
    }

    #[test]
    fn any_bytes_as_a_jsonl_line_parse_or_are_reported(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let source = Source { name: "x.jsonl".into(), path: "x.jsonl".into(), kind: SourceKind::Jsonl, fields: Default::default(), map: true, quoting: Default::default() };
        if let Err(bad) = ingest::parse(&source, Origin { source: 0, line: 9 }, &bytes) {
            prop_assert!(bad.to_string().starts_with("x.jsonl:9: "));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The bad-input matrix beyond tests/cli.rs: each record reported with file and line, every good
// record processed, read = processed + reported.

fn good(i: usize) -> String {
    json!({"id": format!("g{i}"), "text": format!("Story {i} about the harbour, the council and the river flood in week {i}.")}).to_string()
}

#[test]
fn odd_but_valid_texts_are_processed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("odd.jsonl");
    let lines = [
        good(1),
        json!({"id": "ws", "text": " \t\n  "}).to_string(),
        json!({"id": "nul", "text": "a\u{0}b c\u{0}d"}).to_string(),
        json!({"id": "rtl", "text": "\u{202E}שלום עולם\u{202C} ו\u{05B0}\u{05BC}ה"}).to_string(),
        json!({"id": "combining", "text": "Z\u{35B}\u{35C}\u{35D}a\u{360}l\u{361}g\u{362}o"})
            .to_string(),
        "{\"id\": \"raw-nul\", \"text\": \"a\u{0}b\"}".to_string(),
        good(2),
    ];
    std::fs::write(&path, lines.join("\n")).unwrap();
    let out = copydesk()
        .args(["dedup", path.to_str().unwrap(), "--assignments", "-"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    // A raw NUL inside a JSON string is invalid JSON: reported with its line.
    assert!(
        stderr.contains(&format!("{}:6: invalid JSON", path.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains(":2: warning: text has no words"),
        "{stderr}"
    );
    let ids: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, vec!["g1", "ws", "nul", "rtl", "combining", "g2"]);
}

/// A compressed corpus cut part-way (a download that stopped): the records before the cut are
/// kept, and the cut is one bad record saying where reading stopped.
fn truncated_file_keeps_what_was_read_and_says_where_it_stopped(name: &str, bytes: Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, &bytes[..bytes.len() * 2 / 3]).unwrap();
    let out = copydesk()
        .args(["dedup", path.to_str().unwrap(), "--quiet"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains(name), "{stderr}");
    assert!(stderr.contains("file ends early"), "{stderr}");
    let summary = String::from_utf8(out.stdout).unwrap();
    let number = |label: &str| -> usize {
        summary
            .lines()
            .find(|l| l.trim_start().starts_with(label))
            .and_then(|l| l.split_whitespace().last())
            .unwrap()
            .parse()
            .unwrap()
    };
    let (read, good, bad) = (
        number("records read"),
        number("good"),
        number("bad (reported)"),
    );
    assert_eq!(read, good + bad);
    assert_eq!(bad, 1);
    assert!(good > 500 && good < 6000, "{good}");
}

/// Good records, one a line: enough for several zstd blocks (128 KiB of text each), as a
/// decoder gives out nothing of a block it has not seen whole.
fn six_thousand_lines() -> Vec<u8> {
    let mut lines = Vec::new();
    for i in 0..6000 {
        writeln!(lines, "{}", good(i)).unwrap();
    }
    lines
}

#[test]
fn truncated_gzip_keeps_what_was_read_and_says_where_it_stopped() {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(&six_thousand_lines()).unwrap();
    truncated_file_keeps_what_was_read_and_says_where_it_stopped(
        "cut.jsonl.gz",
        enc.finish().unwrap(),
    );
}

#[test]
fn truncated_zstd_keeps_what_was_read_and_says_where_it_stopped() {
    let bytes = zstd::encode_all(&six_thousand_lines()[..], 3).unwrap();
    truncated_file_keeps_what_was_read_and_says_where_it_stopped("cut.jsonl.zst", bytes);
}

#[test]
fn a_100_mb_article_and_an_extremely_long_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(f, "{}", good(1)).unwrap();
    // 100 MB of varied words in one record, on one line.
    let words: Vec<String> = (0..20_000_000usize)
        .map(|i| format!("w{}", i % 7919))
        .collect();
    writeln!(f, "{}", json!({"id": "huge", "text": words.join(" ")})).unwrap();
    drop(words);
    writeln!(f, "{}", good(2)).unwrap();
    drop(f);
    assert!(std::fs::metadata(&path).unwrap().len() > 100_000_000);
    let out = copydesk()
        .args([
            "dedup",
            path.to_str().unwrap(),
            "--assignments",
            "-",
            "--quiet",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 3);
}

#[test]
fn a_million_one_word_articles() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("words.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..1_000_000 {
        writeln!(f, "{{\"id\":{i},\"text\":\"w{}\"}}", i % 5000).unwrap();
    }
    drop(f);
    let out = copydesk()
        .args(["dedup", path.to_str().unwrap(), "--quiet"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let summary = String::from_utf8(out.stdout).unwrap();
    assert!(summary.contains("records read        1000000"), "{summary}");
    // One-word texts are identical or share nothing: 5,000 distinct words, 5,000 stories.
    assert!(summary.contains("unique stories      5000"), "{summary}");
}

// ---------------------------------------------------------------------------------------------
// Pathological clusters and articles complete, in bounded time and memory.

#[test]
fn ten_thousand_identical_articles_are_one_cluster() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("same.jsonl");
    let text = "The river rose two metres overnight and the council closed the old bridge, officials said on Tuesday. \
                Residents of the lower town were told to move cars to higher ground before the evening.";
    let lines: Vec<String> = (0..10_000)
        .map(|i| json!({"id": i, "text": text}).to_string())
        .collect();
    std::fs::write(&path, lines.join("\n")).unwrap();
    let out = copydesk()
        .args([
            "dedup",
            path.to_str().unwrap(),
            "--clusters",
            "-",
            "--quiet",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let clusters: Vec<serde_json::Value> = jsonl(&out.stdout);
    assert_eq!(clusters.len(), 1);
    assert_eq!(clusters[0]["size"], 10_000);
    // The diff of that cluster completes too.
    let diffs = copydesk()
        .args(["dedup", path.to_str().unwrap(), "--diffs", "-", "--quiet"])
        .output()
        .unwrap();
    assert!(diffs.status.success());
}

#[test]
fn one_word_repeated_a_million_times() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("repeat.jsonl");
    let text = "buffalo ".repeat(1_000_000);
    let lines = [
        json!({"id": "a", "text": text}).to_string(),
        json!({"id": "b", "text": format!("{text} buffalo.")}).to_string(),
        good(1),
    ];
    std::fs::write(&path, lines.join("\n")).unwrap();
    let out = copydesk()
        .args([
            "dedup",
            path.to_str().unwrap(),
            "--assignments",
            "-",
            "--diffs",
            dir.path().join("d.jsonl").to_str().unwrap(),
            "--quiet",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let a: Vec<serde_json::Value> = jsonl(&out.stdout);
    assert_eq!(a[0]["cluster"], a[1]["cluster"]);
    assert!(Path::new(&dir.path().join("d.jsonl")).exists());
}

/// A story with no sentence marks (a transcript, a scraped page), full of credits, and its copy
/// cut short: they cluster, and the diff reads the story in pieces of at most 1,000 words that
/// hold its every word (read whole, such a text took minutes to compare: its credit readers
/// pair every source with every cue of a sentence).
#[test]
fn a_story_without_sentence_marks_is_compared_in_pieces() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("unmarked.jsonl");
    let clause = |i: usize| {
        format!(
            "officials told reporters on day {i} that the ministry said according to \
             Reuters the company spokesman Smith added that talks on quota {i} would resume"
        )
    };
    let story: Vec<String> = (0..1_200).map(clause).collect();
    let copy = story[..1_000].join(" ");
    let story = story.join(" ");
    let lines = [
        json!({"id": "story", "text": story}).to_string(),
        json!({"id": "copy", "text": copy}).to_string(),
    ];
    std::fs::write(&path, lines.join("\n")).unwrap();
    let out = copydesk()
        .args(["dedup", path.to_str().unwrap(), "--diffs", "-", "--quiet"])
        .assert()
        .success()
        .get_output()
        .clone();
    let diffs: Vec<serde_json::Value> = jsonl(&out.stdout);
    assert_eq!(diffs.len(), 1);
    let segments = diffs[0]["versions"][0]["segments"].as_array().unwrap();
    let pieces: Vec<&str> = segments
        .iter()
        .filter_map(|s| s["reference"]["text"].as_str())
        .collect();
    assert!(pieces.len() > 1);
    assert!(pieces.iter().all(|p| p.split_whitespace().count() <= 1_000));
    let words = |t: &str| t.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let read: Vec<String> = pieces.iter().flat_map(|p| words(p)).collect();
    assert_eq!(read, words(&story));
}

/// A copy of an unmarked story with a word added at its start, or one dropped early, differs
/// from it in the first piece only: the later pieces are cut where the story's are, and read
/// `same`.
#[test]
fn a_word_added_to_an_unmarked_story_changes_its_first_piece_only() {
    let story: Vec<String> = (0..8_000).map(|i| format!("quota{i}")).collect();
    let story = story.join(" ");
    for copy in [
        format!("Meanwhile {story}"),
        story.replacen("quota3 ", "", 1),
    ] {
        let c = compare(
            &Doc::new("story", &story),
            &[Doc::new("copy", &copy)],
            &AlignParams::default(),
        );
        let v = &c.versions[0];
        assert!(v.segments.len() > 8, "{}", v.segments.len());
        assert_eq!(v.counts.reworded, 1);
        assert_eq!(v.counts.same, v.segments.len() - 1);
    }
}

#[test]
fn binary_junk_named_csv_is_one_bad_header_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("junk.csv");
    let junk: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&path, junk).unwrap();
    let out = copydesk()
        .args(["dedup", path.to_str().unwrap(), "--quiet"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("junk.csv:1: header row: "), "{stderr}");
}
