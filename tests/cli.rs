//! End-to-end tests of the `copydesk` binary: what a user runs, what a user gets.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

use predicates::prelude::PredicateBooleanExt;
use serde_json::{Value, json};

mod common;
use common::{copydesk, jsonl, read_jsonl, repo, utf16_with_bom, wire, world};

// ---------------------------------------------------------------------------------------------
// Helpers

/// Runs dedup with `--assignments -` and returns (stdout lines, stderr, exit code).
fn assignments(args: &[&str]) -> (Vec<Value>, String, i32) {
    let out = copydesk()
        .arg("dedup")
        .args(args)
        .args(["--assignments", "-", "--quiet"])
        .output()
        .unwrap();
    (
        jsonl(&out.stdout),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// Groups ids by a key: the partition a labelling or an assignment makes.
/// Ids grouped: clusters, or stories.
type Groups = BTreeSet<BTreeSet<String>>;

fn partition(pairs: impl IntoIterator<Item = (String, String)>) -> Groups {
    let mut groups: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (id, key) in pairs {
        groups.entry(key).or_default().insert(id);
    }
    groups.into_values().collect()
}

/// A plausible news article of about `words` words, different for each `seed`.
fn article(seed: u64, words: usize) -> String {
    let vocab = [
        "minister",
        "said",
        "talks",
        "would",
        "government",
        "on",
        "the",
        "of",
        "city",
        "council",
        "bank",
        "rate",
        "police",
        "market",
        "week",
        "officials",
        "report",
        "new",
        "after",
        "year",
        "people",
        "plan",
        "court",
        "vote",
        "party",
        "union",
        "strike",
        "port",
        "ship",
        "oil",
        "price",
        "river",
    ];
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..words)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let w = vocab[(x % vocab.len() as u64) as usize];
            if i % 12 == 11 {
                format!("{w}{}.", x % 1000)
            } else {
                format!("{w}{}", x % 97)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn record(id: &str, text: &str) -> String {
    json!({"id": id, "text": text}).to_string()
}

// ---------------------------------------------------------------------------------------------
// The shipped corpus

/// The clusters `dedup` finds in the shipped corpus `name`, and the stories its labels give.
fn shipped_clusters_and_stories(name: &str) -> (Groups, Groups) {
    let corpus = repo(&format!("corpora/{name}.jsonl"));
    let (lines, stderr, code) = assignments(&[corpus.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let got = partition(lines.iter().map(|l| {
        (
            l["id"].as_str().unwrap().to_string(),
            l["cluster"].to_string(),
        )
    }));
    let labels = read_jsonl(&repo(&format!("corpora/{name}.labels.jsonl")));
    let want = partition(labels.iter().map(|l| {
        (
            l["id"].as_str().unwrap().to_string(),
            l["story"].as_str().unwrap().to_string(),
        )
    }));
    (got, want)
}

#[test]
fn shipped_corpus_labels_are_recovered_exactly() {
    let (got, want) = shipped_clusters_and_stories("wire");
    assert_eq!(got, want);
    // The corpus is not trivial: two clusters of 8+ and independent same-event articles apart.
    assert!(want.iter().filter(|g| g.len() >= 8).count() >= 2);
}

/// The Russian corpus: RIA Novosti's story in five outlet versions (a TASS dateline, a local
/// intro trimmed to half, a reworded lead, reordered paragraphs) apart from an independent
/// report of the same event and an unrelated story.
#[test]
fn shipped_russian_corpus_labels_are_recovered_exactly() {
    let (got, want) = shipped_clusters_and_stories("ru-wire");
    assert_eq!(got, want);
    assert!(want.iter().any(|g| g.len() == 5), "{want:?}");
}

#[test]
fn summary_names_the_largest_clusters_and_their_outlets() {
    let out = copydesk()
        .args(["dedup", repo("corpora/wire.jsonl").to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("records read        28"), "{text}");
    assert!(text.contains("duplicates removed  15"), "{text}");
    assert!(text.contains("representative fish-reuters"), "{text}");
    assert!(text.contains("representative quake-ap"), "{text}");
    assert!(text.contains("Harbour Times"), "{text}");
    // Pinewood Weekly's five briefs share its standing notice and nothing else.
    assert!(
        text.contains("boilerplate         1 passage one outlet repeats in many of its articles, left out of 5 articles"),
        "{text}"
    );
    // ... quoted from one of them.
    assert!(
        text.contains(
            "  Pinewood Weekly, in 5 articles: \"Pinewood Weekly is written by volunteers"
        ),
        "{text}"
    );
    // From stdin, which cannot be read again, the passage is named without its words.
    let out = copydesk()
        .args(["dedup", "-"])
        .write_stdin(std::fs::read(repo("corpora/wire.jsonl")).unwrap())
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("  Pinewood Weekly, in 5 articles\n"),
        "{text}"
    );
}

#[test]
fn clusters_output_measures_every_member_against_the_representative() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clusters.jsonl");
    copydesk()
        .args([
            "dedup",
            repo("corpora/wire.jsonl").to_str().unwrap(),
            "--clusters",
            path.to_str().unwrap(),
        ])
        .assert()
        .success();
    let clusters = read_jsonl(&path);
    assert_eq!(clusters.len(), 2);
    for c in &clusters {
        let members = c["members"].as_array().unwrap();
        assert_eq!(c["size"].as_u64().unwrap() as usize, members.len());
        let rep: Vec<_> = members
            .iter()
            .filter(|m| m["id"] == c["representative"])
            .collect();
        assert_eq!(rep.len(), 1);
        assert_eq!(rep[0]["similarity"], 1.0);
        for m in members {
            let s = m["similarity"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&s));
            // Every member is a verified copy of the representative: most of it is in there.
            assert!(m["containment"].as_f64().unwrap() >= 0.5, "{m}");
        }
        let outlets: Vec<&str> = c["outlets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o.as_str().unwrap())
            .collect();
        assert!(
            outlets.windows(2).all(|w| w[0] < w[1]),
            "outlets sorted and distinct"
        );
    }
    // The 30% excerpt is in its story's cluster with low similarity but full containment.
    let fish = clusters
        .iter()
        .find(|c| c["representative"] == "fish-reuters")
        .unwrap();
    let excerpt = fish["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "fish-valley-courier")
        .unwrap();
    assert!(excerpt["similarity"].as_f64().unwrap() < 0.4);
    assert_eq!(excerpt["containment"], 1.0);
}

#[test]
fn unique_writes_each_representative_line_byte_for_byte() {
    let input = repo("corpora/wire.jsonl");
    let dir = tempfile::tempdir().unwrap();
    let unique = dir.path().join("u.jsonl");
    copydesk()
        .args([
            "dedup",
            input.to_str().unwrap(),
            "--unique",
            unique.to_str().unwrap(),
        ])
        .assert()
        .success();
    let original = std::fs::read_to_string(&input).unwrap();
    let written = std::fs::read_to_string(&unique).unwrap();
    let lines: Vec<&str> = written.lines().collect();
    assert_eq!(lines.len(), 13);
    for l in &lines {
        assert!(original.lines().any(|o| o == *l), "not an input line: {l}");
    }
    let ids: BTreeSet<String> = jsonl(written.as_bytes())
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert!(ids.contains("fish-reuters") && ids.contains("quake-ap"));
    assert!(!ids.contains("fish-valley-courier"));
}

#[test]
fn keep_longest_changes_the_representative() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.jsonl");
    copydesk()
        .args([
            "dedup",
            repo("corpora/wire.jsonl").to_str().unwrap(),
            "--keep",
            "longest",
            "--clusters",
            path.to_str().unwrap(),
        ])
        .assert()
        .success();
    let reps: BTreeSet<String> = read_jsonl(&path)
        .iter()
        .map(|c| c["representative"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        reps,
        BTreeSet::from([
            "fish-lakeside-gazette".to_string(),
            "quake-lakeside-gazette".to_string()
        ])
    );
}

// ---------------------------------------------------------------------------------------------
// Inputs

#[test]
fn folder_of_text_files_uses_paths_as_ids_and_first_folder_as_outlet() {
    let story = article(1, 300);
    let trimmed: String = story.split(' ').take(100).collect::<Vec<_>>().join(" ");
    let dir = world(&[
        ("ap/story.txt", story.as_bytes()),
        ("times/copy.txt", trimmed.as_bytes()),
        ("other.txt", article(2, 200).as_bytes()),
        ("notes.md", b"not an article"),
    ]);
    let (lines, stderr, code) = assignments(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["ap/story.txt", "other.txt", "times/copy.txt"]);
    assert_eq!(lines[0]["cluster"], lines[2]["cluster"]);
    assert_ne!(lines[0]["cluster"], lines[1]["cluster"]);
}

/// `copydesk dedup news/*.txt` (the shell naming every file) reads each file as one article, as
/// the folder does: ids are the paths as given, and no outlet is guessed from the folder. A
/// `.TXT` file (as Windows tools name them) is text too, in a folder or named.
#[test]
fn text_files_named_on_their_own_are_articles_too() {
    let story = article(1, 300);
    let trimmed: String = story.split(' ').take(100).collect::<Vec<_>>().join(" ");
    let dir = world(&[
        ("ap/story.txt", story.as_bytes()),
        ("times/COPY.TXT", trimmed.as_bytes()),
        ("other.txt", article(2, 200).as_bytes()),
    ]);
    let (in_folder, stderr, code) = assignments(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let ids: Vec<&str> = in_folder
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["ap/story.txt", "other.txt", "times/COPY.TXT"]);

    let out = copydesk()
        .current_dir(dir.path())
        .args(["dedup", "ap/story.txt", "times/COPY.TXT", "other.txt"])
        .args([
            "--assignments",
            "-",
            "--clusters",
            "clusters.jsonl",
            "--quiet",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let named = jsonl(&out.stdout);
    let ids: Vec<&str> = named.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["ap/story.txt", "times/COPY.TXT", "other.txt"]);
    assert_eq!(named[0]["cluster"], named[1]["cluster"]);
    assert_ne!(named[0]["cluster"], named[2]["cluster"]);
    let clusters = read_jsonl(&dir.path().join("clusters.jsonl"));
    assert_eq!(clusters.len(), 1);
    let text = clusters[0].to_string();
    assert!(
        !text.contains("\"outlet\""),
        "no outlet from a named file's folder: {text}"
    );
}

/// A copy saved as UTF-16 (as Windows editors save "Unicode" text) is read and found; with
/// `--unique` it comes back as text.
#[test]
fn a_utf16_text_file_is_read_as_text() {
    let story = article(1, 300);
    let trimmed: String = story.split(' ').take(100).collect::<Vec<_>>().join(" ");
    let utf16 = utf16_with_bom(&trimmed);
    let dir = world(&[
        ("ap/story.txt", story.as_bytes()),
        ("times/copy.txt", &utf16),
    ]);
    let (lines, stderr, code) = assignments(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(lines[0]["cluster"], lines[1]["cluster"], "{lines:?}");
    let out = copydesk()
        .args([
            "dedup",
            dir.path().to_str().unwrap(),
            "--unique",
            "-",
            "--keep",
            "first",
        ])
        .output()
        .unwrap();
    let unique = jsonl(&out.stdout);
    assert_eq!(unique.len(), 1);
    assert_eq!(unique[0]["id"], "ap/story.txt");
    // Kept alone, the UTF-16 copy is written as its text.
    let alone = world(&[("times/copy.txt", &utf16)]);
    let out = copydesk()
        .args(["dedup", alone.path().to_str().unwrap(), "--unique", "-"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(jsonl(&out.stdout)[0]["text"], trimmed.as_str());
}

#[test]
fn stdin_gzip_zstd_and_unmapped_reading_give_the_same_result_as_the_plain_file() {
    let input = std::fs::read(repo("corpora/wire.jsonl")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let gz = dir.path().join("wire.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::fast(),
    );
    enc.write_all(&input).unwrap();
    enc.finish().unwrap();
    // Two zstd frames one after the other (as `cat a.zst b.zst` makes): both are read.
    let middle = input[..input.len() / 2]
        .iter()
        .rposition(|b| *b == b'\n')
        .unwrap()
        + 1;
    let zst = dir.path().join("wire.jsonl.zst");
    let mut frames = zstd::encode_all(&input[..middle], 3).unwrap();
    frames.extend(zstd::encode_all(&input[middle..], 3).unwrap());
    std::fs::write(&zst, frames).unwrap();

    let (plain, _, _) = assignments(&[repo("corpora/wire.jsonl").to_str().unwrap()]);
    let (zipped, _, _) = assignments(&[gz.to_str().unwrap()]);
    assert_eq!(plain.len(), 28);
    assert_eq!(plain, assignments(&[zst.to_str().unwrap()]).0);
    let wire = repo("corpora/wire.jsonl");
    assert_eq!(plain, assignments(&[wire.to_str().unwrap(), "--no-mmap"]).0);
    let from_stdin = copydesk()
        .args(["dedup", "-", "--assignments", "-"])
        .write_stdin(input.clone())
        .output()
        .unwrap();
    assert_eq!(plain, zipped);
    assert_eq!(plain, jsonl(&from_stdin.stdout));

    // --unique on stdin reads the records twice: stdin is kept aside for that.
    let unique = copydesk()
        .args(["dedup", "-", "--unique", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(unique.status.success());
    assert_eq!(jsonl(&unique.stdout).len(), 13);
}

#[test]
fn integer_ids_come_back_as_integers_and_missing_ids_as_file_and_line() {
    let text = article(3, 50);
    let dir = world(&[(
        "in.jsonl",
        format!(
            "{}\n{}\n",
            json!({"id": 7, "text": text}),
            json!({"text": "other words here"})
        )
        .as_bytes(),
    )]);
    let path = dir.path().join("in.jsonl");
    let (lines, _, code) = assignments(&[path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(lines[0]["id"], json!(7));
    assert_eq!(lines[1]["id"], json!(format!("{}:2", path.display())));
}

// ---------------------------------------------------------------------------------------------
// Bad input: each reported with file, line and problem; every good record still processed.

#[test]
fn bad_input_matrix() {
    let good = |i: u64| record(&format!("good-{i}"), &article(100 + i, 80));
    let huge = "word ".repeat(10_000_000); // 50 MB
    let mut input: Vec<u8> = Vec::new();
    let mut push = |line: &[u8]| {
        input.extend_from_slice(line);
        input.push(b'\n');
    };
    push(good(1).as_bytes()); // line 1
    push(b"{\"id\": \"bad-utf8\", \"text\": \"caf\xe9\"}"); // 2: invalid UTF-8
    push(b"{\"id\": \"broken\", \"text\": \"unterminated"); // 3: broken JSON
    push(br#"{"id": "no-text", "title": "x"}"#); // 4: missing text
    push(br#"{"id": "empty", "text": ""}"#); // 5: empty text: a good record with a warning
    push(good(1).as_bytes()); // 6: duplicate id
    push(record("huge", &huge).as_bytes()); // 7: a 50 MB article: fine
    push(b"\x00\x01\x02\xff\xfe binary junk \x89PNG"); // 8: binary junk
    push(br#"{"id": "num-text", "text": 12}"#); // 9: text not a string
    push(good(2).as_bytes()); // 10
    let dir = world(&[("in.jsonl", &input)]);
    let path = dir.path().join("in.jsonl");
    let name = path.display().to_string();
    let rejects = dir.path().join("rejects.jsonl");

    let out = copydesk()
        .args([
            "dedup",
            &name,
            "--assignments",
            "-",
            "--rejects",
            rejects.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(3),
        "bad records give exit 3: {stderr}"
    );
    for (line, problem) in [
        (2, "invalid UTF-8"),
        (3, "truncated JSON"),
        (4, "`text` is missing"),
        (6, "duplicate id \"good-1\""),
        (8, "invalid UTF-8"),
        (9, "`text` must be a string"),
    ] {
        let want = format!("{name}:{line}: ");
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with(&want) && l.contains(problem)),
            "missing {want}{problem} in:\n{stderr}"
        );
    }
    assert!(
        stderr.contains(&format!("{name}:5: warning: text has no words")),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
    let ids: Vec<String> = jsonl(&out.stdout)
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, vec!["good-1", "empty", "huge", "good-2"]);
    let rejected = read_jsonl(&rejects);
    assert_eq!(
        rejected
            .iter()
            .map(|r| r["line"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        vec![2, 3, 4, 6, 8, 9]
    );

    // --strict: the same input fails before anything is written.
    let target = dir.path().join("a.jsonl");
    let out = copydesk()
        .args([
            "dedup",
            &name,
            "--strict",
            "--assignments",
            target.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(!target.exists());
}

#[test]
fn missing_input_is_an_error_naming_it() {
    copydesk()
        .args(["dedup", "no/such/file.jsonl"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "no/such/file.jsonl: no such file or folder",
        ));
}

#[test]
fn unwritable_output_is_an_error_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("missing-folder").join("a.jsonl");
    copydesk()
        .args([
            "dedup",
            repo("corpora/wire.jsonl").to_str().unwrap(),
            "--assignments",
            target.to_str().unwrap(),
        ])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("writing --assignments"));
    assert!(!target.exists());
}

#[test]
fn an_existing_output_is_replaced_whole() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("a.jsonl");
    std::fs::write(
        &target,
        "old contents that are much longer than nothing\n".repeat(1000),
    )
    .unwrap();
    copydesk()
        .args([
            "dedup",
            repo("corpora/wire.jsonl").to_str().unwrap(),
            "--assignments",
            target.to_str().unwrap(),
        ])
        .assert()
        .success();
    assert_eq!(read_jsonl(&target).len(), 28);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name() != "a.jsonl")
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn bad_settings_are_refused_with_the_flag_named() {
    copydesk()
        .args([
            "dedup",
            repo("corpora/wire.jsonl").to_str().unwrap(),
            "--jaccard",
            "1.5",
        ])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("--jaccard"));
    copydesk()
        .args(["dedup", "x", "--keep", "random"])
        .assert()
        .code(2);
}

#[test]
fn help_shows_examples_and_exit_codes() {
    copydesk()
        .args(["dedup", "--help"])
        .assert()
        .success()
        .stdout(
            predicates::str::contains("Examples:").and(predicates::str::contains("Exit status")),
        );
}

// ---------------------------------------------------------------------------------------------
// Determinism

/// 60 stories, each as a full, a trimmed and a reworded version: many near-duplicate groups,
/// so that the parallel clustering has real work.
fn grouped_corpus() -> (tempfile::TempDir, PathBuf) {
    let mut lines = Vec::new();
    for s in 0..60u64 {
        let story = article(s, 250);
        let words: Vec<&str> = story.split(' ').collect();
        lines.push(record(&format!("{s}-full"), &story));
        lines.push(record(
            &format!("{s}-trim"),
            &words[..(80 + s as usize)].join(" "),
        ));
        let mut reworded = words.clone();
        for i in (0..reworded.len()).step_by(9) {
            reworded[i] = "changed";
        }
        lines.push(record(&format!("{s}-rew"), &reworded.join(" ")));
    }
    let dir = world(&[("in.jsonl", lines.join("\n").as_bytes())]);
    let input = dir.path().join("in.jsonl");
    (dir, input)
}

/// A crawled corpus carries urls and no outlets: the url's host stands for the outlet in the
/// clusters, the per-outlet tally and the boilerplate, and the clusters are the same.
#[test]
fn without_outlets_the_url_hosts_name_the_publishers() {
    let host = |outlet: &str| {
        let slug: String = outlet
            .to_lowercase()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        format!("{slug}.example")
    };
    let crawled: Vec<String> = read_jsonl(&wire())
        .into_iter()
        .map(|mut r| {
            let outlet = r["outlet"].as_str().unwrap().to_string();
            let id = r["id"].as_str().unwrap().to_string();
            r.as_object_mut().unwrap().remove("outlet");
            r["url"] = format!("https://www.{}/news/{id}?src=rss", host(&outlet)).into();
            r.to_string()
        })
        .collect();
    let dir = world(&[("crawled.jsonl", crawled.join("\n").as_bytes())]);
    let input = dir.path().join("crawled.jsonl");
    let out = |args: &[&str], path: &Path| -> String {
        let out = copydesk()
            .arg("dedup")
            .arg(path)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let clusters = |path: &Path| jsonl(out(&["--clusters", "-"], path).as_bytes());
    let (named, crawled_clusters) = (clusters(&wire()), clusters(&input));
    assert_eq!(named.len(), crawled_clusters.len());
    for (a, b) in named.iter().zip(&crawled_clusters) {
        let hosts: Vec<String> = a["outlets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| host(o.as_str().unwrap()))
            .collect();
        let mut sorted = hosts.clone();
        sorted.sort();
        assert_eq!(b["outlets"], serde_json::json!(sorted));
        assert_eq!(a["size"], b["size"]);
    }
    let tallied: Vec<String> = jsonl(out(&["--outlets", "-"], &input).as_bytes())
        .iter()
        .map(|p| p["outlet"].as_str().unwrap().to_string())
        .collect();
    assert!(
        tallied.contains(&"metromorning.example".to_string()),
        "{tallied:?}"
    );
    let summary = out(&[], &input);
    assert!(
        summary.contains("  pinewoodweekly.example, in 5 articles: \"Pinewood Weekly is written"),
        "{summary}"
    );
}

/// A corpus written by another tool, its fields named otherwise (news-please's names, the id
/// nested): mapped with `--field`, it gives what the shipped corpus gives.
#[test]
fn fields_named_otherwise_are_read_with_field() {
    let renamed: Vec<String> = read_jsonl(&wire())
        .into_iter()
        .map(|r| {
            json!({
                "maintext": r["text"],
                "title": r["title"],
                "source_domain": r["outlet"],
                "date_publish": r["published"],
                "meta": {"id": r["id"], "lang": "en"},
            })
            .to_string()
        })
        .collect();
    let dir = world(&[("news-please.jsonl", renamed.join("\n").as_bytes())]);
    let input = dir.path().join("news-please.jsonl");
    let mapping = [
        "--field",
        "text=maintext",
        "--field",
        "outlet=source_domain",
        "--field",
        "published=date_publish",
        "--field",
        "id=/meta/id",
    ];
    let run = |path: &Path, args: &[&str]| {
        let out = copydesk()
            .arg("dedup")
            .arg(path)
            .args(args)
            .args(["--quiet"])
            .output()
            .unwrap();
        (
            out.status.code(),
            out.stdout,
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    fn with<'a>(mapping: &[&'a str], extra: &[&'a str]) -> Vec<&'a str> {
        [mapping, extra].concat()
    }

    for output in ["--assignments", "--clusters", "--outlets"] {
        let (code, mapped, stderr) = run(&input, &with(&mapping, &[output, "-"]));
        assert_eq!(code, Some(0), "{stderr}");
        let (_, usual, _) = run(&wire(), &[output, "-"]);
        assert_eq!(jsonl(&mapped), jsonl(&usual), "{output}");
    }
    // The deduplicated corpus is the records as read, fields as they were named.
    let (_, unique, _) = run(&input, &with(&mapping, &["--unique", "-"]));
    let unique = jsonl(&unique);
    assert_eq!(unique.len(), 13);
    assert!(
        unique
            .iter()
            .all(|r| r["maintext"].is_string() && r.get("text").is_none())
    );

    // Without the mapping, every record is reported, naming the field it lacks.
    let (code, _, stderr) = run(&input, &["--assignments", "/dev/null"]);
    assert_eq!(code, Some(3));
    assert!(
        stderr.contains("news-please.jsonl:1: `text` is missing"),
        "{stderr}"
    );
    // ... and a hint says which fields there are, and which likely holds the text.
    assert!(
        stderr.contains("has a `text` field (the first has: date_publish, maintext, meta, source_domain, title); its longest text is in `maintext`: --field text=maintext"),
        "{stderr}"
    );
    // A mapped field of the wrong kind is named as mapped.
    let (code, _, stderr) = run(
        &input,
        &with(
            &mapping,
            &["--field", "title=/meta", "--assignments", "/dev/null"],
        ),
    );
    assert_eq!(code, Some(3));
    assert!(
        stderr.contains("news-please.jsonl:1: `/meta` must be a string, found an object"),
        "{stderr}"
    );

    // compare --input reads the same way.
    let out = copydesk()
        .args(["compare", "--input", input.to_str().unwrap()])
        .args([
            "--ids",
            "fish-reuters,fish-metro-morning",
            "--format",
            "json",
        ])
        .args(mapping)
        .assert()
        .success()
        .get_output()
        .clone();
    let compared: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(compared["versions"][0]["outlet"], "Metro Morning");

    // Unknown names and malformed pairs are bad usage, named.
    for (bad, says) in [
        ("body=content", "no value called `body`"),
        ("text", "expected NAME=FIELD"),
        ("text=", "no field given for `text`"),
    ] {
        copydesk()
            .args(["dedup", input.to_str().unwrap(), "--field", bad])
            .assert()
            .code(2)
            .stderr(predicates::str::contains(says));
    }
}

/// A feed's copy of a story, its text and headline full of markup (tags with attributes,
/// character references, a script), is the plain copy: one cluster, the same shingles, and the
/// headline shown as read.
#[test]
fn markup_in_a_feeds_copy_is_read_as_its_text() {
    let story = article(7, 300);
    let mut fed = String::from("<div class=\"story\"><script>track(1 < 2);</script>");
    for paragraph in story.split("\n\n") {
        let paragraph = paragraph.replace("the ", "the <a href=\"https://x.com/t?a=1&amp;b=2\">");
        fed += &format!("<p>{}</a></p>\n", paragraph.replace('\'', "&#8217;"));
    }
    fed += "</div>";
    let fed = copy_beside(
        json!({"id": "plain", "title": "AT&T deal", "text": story}),
        json!({"id": "fed", "title": "AT&amp;T deal", "text": fed}),
    );
    assert_eq!(fed["similarity"].as_f64(), Some(1.0), "{fed}");
    assert_eq!(fed["title"], "AT&T deal");
}

/// The cluster member that `copy` is when clustered with `original` (which must take it:
/// one cluster, `original` its representative).
fn copy_beside(original: Value, copy: Value) -> Value {
    let lines = format!("{original}\n{copy}\n");
    let dir = world(&[("two.jsonl", lines.as_bytes())]);
    let out = copydesk()
        .args(["dedup", dir.path().join("two.jsonl").to_str().unwrap()])
        .args(["--clusters", "-", "--keep", "first", "--quiet"])
        .assert()
        .success()
        .get_output()
        .clone();
    let clusters = jsonl(&out.stdout);
    assert_eq!(clusters.len(), 1, "{clusters:?}");
    let members = clusters[0]["members"].as_array().unwrap();
    let member = members.iter().find(|m| m["id"] == copy["id"]);
    member.expect("the copy is a member").clone()
}

/// A copy garbled into mojibake (its UTF-8 read as Windows-1252: `minister’s` become
/// `ministerâ€™s`) is the clean copy: one cluster, the same shingles, its headline repaired.
/// Its last paragraph, pasted in clean, holds accents of its own, so the text is not garbled
/// throughout: each garbled character is repaired where it stands.
#[test]
fn a_copy_garbled_into_mojibake_is_the_clean_copy() {
    let story = article(11, 300)
        + "\n\nThe minister’s café deal was signed in São Paulo, officials said on Friday.";
    let pasted = "\n\nMüller’s team flew on to Kraków and Ankara, where Erdoğan met them.";
    let garble = |text: &str| {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(text.as_bytes())
            .0
            .into_owned()
    };
    assert!(garble(&story).contains("ministerâ€™s"));
    let garbled = copy_beside(
        json!({"id": "clean", "title": "Café talks", "text": story.clone() + pasted}),
        json!({"id": "garbled", "title": garble("Café talks"), "text": garble(&story) + pasted}),
    );
    assert_eq!(garbled["similarity"].as_f64(), Some(1.0), "{garbled}");
    assert_eq!(garbled["title"], "Café talks");
}

/// A Russian copy garbled through Windows-1251 (`Москва` read as `РњРѕСЃРєРІР°`, as Russian
/// software garbles UTF-8) is the clean copy, headline included, though a clean paragraph was
/// pasted under it (so each garbled character is repaired where it stands).
#[test]
fn a_russian_copy_garbled_through_windows_1251_is_the_clean_copy() {
    let shipped = std::fs::read_to_string("corpora/ru-wire.jsonl").unwrap();
    let ria: Value = jsonl(shipped.as_bytes())
        .into_iter()
        .find(|r| r["id"] == "ferry-ria")
        .unwrap();
    let (title, story) = (
        ria["title"].as_str().unwrap(),
        ria["text"].as_str().unwrap(),
    );
    let pasted = "\n\nСледите за новостями в нашем канале.";
    let garble = |text: &str| {
        encoding_rs::WINDOWS_1251
            .decode_without_bom_handling(text.as_bytes())
            .0
            .into_owned()
    };
    assert!(garble(story).starts_with("РњРћРЎРљР’Рђ, 5 "));
    let garbled = copy_beside(
        json!({"id": "clean", "title": title, "text": story.to_string() + pasted}),
        json!({"id": "garbled", "title": garble(title), "text": garble(story) + pasted}),
    );
    assert_eq!(garbled["similarity"].as_f64(), Some(1.0), "{garbled}");
    assert_eq!(garbled["title"], title);
}

/// A folder whose files are not `.txt` articles (JSONL parts, saved web pages) gives no
/// article; a hint says what it holds and how to read its corpus files, and is not given for
/// a folder that was read.
#[test]
fn a_folder_without_text_files_gets_a_hint() {
    let dir = world(&[
        ("parts/a.jsonl", b"{\"text\": \"one\"}\n"),
        ("parts/b.jsonl", b"{\"text\": \"two\"}\n"),
        ("parts/index.html", b"<p>index</p>"),
        ("news/ap/a.txt", b"A story."),
    ]);
    let parts = dir.path().join("parts");
    let (lines, stderr, code) = assignments(&[parts.to_str().unwrap()]);
    assert_eq!((lines.len(), code), (0, 0), "{stderr}");
    let expected = format!(
        "copydesk: hint: folder {} holds no .txt file, so no article was read from it (it holds \
         2 .jsonl, 1 .html); name them to read them: copydesk dedup {}",
        parts.display(),
        parts.join("*.jsonl").display()
    );
    assert!(stderr.contains(&expected), "{stderr}");
    // `bench` says so too, naming itself.
    let bench = copydesk()
        .args(["bench", parts.to_str().unwrap()])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&bench.stderr);
    let expected = expected.replace("copydesk dedup", "copydesk bench");
    assert!(stderr.contains(&expected), "{stderr}");
    let news = dir.path().join("news");
    let (lines, stderr, _) = assignments(&[news.to_str().unwrap(), parts.to_str().unwrap()]);
    assert_eq!(lines.len(), 1, "{stderr}");
    assert_eq!(stderr.matches("hint: folder").count(), 1, "{stderr}");
    assert!(
        !stderr.contains(&format!("folder {} ", news.display())),
        "{stderr}"
    );
}

/// `--quoting` says how a table is quoted when its start does not tell. Read as CSV is quoted,
/// a TSV cell opening with a quotation mark runs on to the next quote, taking the rows between
/// with it: the row is reported, naming `--quoting none`; read unquoted, every row is a record.
#[test]
fn quoting_says_how_a_table_is_quoted() {
    let tsv = "id\ttext\na\t\"I think, and\nb\tmore\nc\tHe said \"no\" twice.\nd\tlast\n";
    let dir = world(&[("t.tsv", tsv.as_bytes())]);
    let path = dir.path().join("t.tsv");
    let path = path.to_str().unwrap();
    let ids =
        |lines: &[Value]| -> Vec<String> { lines.iter().map(|l| l["id"].to_string()).collect() };
    let (lines, stderr, code) = assignments(&[path, "--quoting", "doubled"]);
    assert_eq!(code, 3, "{stderr}");
    assert_eq!(ids(&lines), ["\"d\""]);
    let reported = format!("{path}:2: a quoted cell of this row runs on to line 4");
    assert!(stderr.contains(&reported), "{stderr}");
    assert!(stderr.contains("`--quoting none`"), "{stderr}");
    for quoting in ["none", "auto"] {
        let (lines, stderr, code) = assignments(&[path, "--quoting", quoting]);
        assert_eq!(code, 0, "{quoting}: {stderr}");
        assert_eq!(
            ids(&lines),
            ["\"a\"", "\"b\"", "\"c\"", "\"d\""],
            "{quoting}"
        );
    }
}

/// A table of the shipped corpus (CSV, as spreadsheets and Kaggle datasets ship news, its
/// columns named otherwise; TSV; gzip) gives the same clusters as the JSONL.
#[test]
fn csv_and_tsv_tables_are_read_as_records() {
    let records = read_jsonl(&wire());
    let columns = ["id", "outlet", "title", "published", "text"];
    let cell = |r: &Value, c: &str| r[c].as_str().unwrap_or("").to_string();
    let quoted = |v: &str| format!("\"{}\"", v.replace('"', "\"\""));
    let mut csv = String::from("article_id,publication,title,date,content\r\n");
    let mut tsv = columns.join("\t") + "\n";
    for r in &records {
        let cells: Vec<String> = columns.iter().map(|c| cell(r, c)).collect();
        csv += &(cells
            .iter()
            .map(|c| quoted(c))
            .collect::<Vec<_>>()
            .join(",")
            + "\r\n");
        // TSV cells hold no tabs or line breaks: the texts' paragraphs are joined by spaces.
        let flat: Vec<String> = cells.iter().map(|c| c.replace(['\n', '\t'], " ")).collect();
        tsv += &(flat.join("\t") + "\n");
    }
    let dir = world(&[("news.csv", csv.as_bytes()), ("news.tsv", tsv.as_bytes())]);
    let gz = dir.path().join("news.csv.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::fast(),
    );
    enc.write_all(csv.as_bytes()).unwrap();
    enc.finish().unwrap();
    let mapping = [
        "--field",
        "id=article_id",
        "--field",
        "outlet=publication",
        "--field",
        "published=date",
        "--field",
        "text=content",
    ];
    let (usual, _, _) = assignments(&[wire().to_str().unwrap()]);
    for table in [dir.path().join("news.csv"), gz] {
        let args = [&[table.to_str().unwrap()][..], &mapping].concat();
        let (lines, stderr, code) = assignments(&args);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(lines, usual, "{}", table.display());
    }
    // With its paragraphs run together, the TSV has no paragraph for boilerplate to be found
    // in (see the README): compared with boilerplate off on both sides.
    let tsv = dir.path().join("news.tsv");
    let (lines, stderr, code) = assignments(&[tsv.to_str().unwrap(), "--boilerplate", "0"]);
    assert_eq!(code, 0, "{stderr}");
    let (plain, _, _) = assignments(&[wire().to_str().unwrap(), "--boilerplate", "0"]);
    assert_eq!(lines, plain);

    // --unique writes each kept row as the JSON object of its cells.
    let out = copydesk()
        .args([
            "dedup",
            dir.path().join("news.csv").to_str().unwrap(),
            "--unique",
            "-",
        ])
        .args(mapping)
        .output()
        .unwrap();
    let unique = jsonl(&out.stdout);
    assert_eq!(unique.len(), 13);
    let by_id: HashMap<&str, &Value> = records
        .iter()
        .map(|r| (r["id"].as_str().unwrap(), r))
        .collect();
    for row in &unique {
        let original = by_id[row["article_id"].as_str().unwrap()];
        assert_eq!(row["content"], original["text"]);
        assert_eq!(row["publication"], original["outlet"]);
    }
}

/// The shipped corpus as one pretty-printed JSON array (gzip too) gives the same clusters as
/// the JSONL, and `--unique` writes its records one a line.
#[test]
fn a_json_array_file_is_read_as_records() {
    let records = read_jsonl(&wire());
    let pretty = serde_json::to_string_pretty(&records).unwrap();
    let dir = world(&[("news.json", pretty.as_bytes())]);
    let gz = dir.path().join("news.json.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::fast(),
    );
    enc.write_all(pretty.as_bytes()).unwrap();
    enc.finish().unwrap();
    let (usual, _, _) = assignments(&[wire().to_str().unwrap()]);
    for input in [dir.path().join("news.json"), gz] {
        let (lines, stderr, code) = assignments(&[input.to_str().unwrap()]);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(lines, usual, "{}", input.display());
    }
    let out = copydesk()
        .args([
            "dedup",
            dir.path().join("news.json").to_str().unwrap(),
            "--unique",
            "-",
        ])
        .output()
        .unwrap();
    let unique = jsonl(&out.stdout);
    assert_eq!(unique.len(), 13);
    for record in &unique {
        let original = records.iter().find(|r| r["id"] == record["id"]).unwrap();
        assert_eq!(record, original);
    }
}

/// Writes `records` (the shipped corpus's) as a zstd-compressed Parquet file of their own
/// names: `doc_id`, `source`, `title`, `text` as text, `date` as a millisecond timestamp, and
/// a nested `meta` group holding a made-up link.
fn write_parquet(path: &Path, records: &[Value]) {
    use parquet::basic::{Compression, ZstdLevel};
    use parquet::data_type::{ByteArray, ByteArrayType, Int64Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    let schema = "message news {
        optional binary doc_id (UTF8);
        optional binary source (UTF8);
        optional binary title (UTF8);
        optional binary text (UTF8);
        optional int64 date (TIMESTAMP(MILLIS,true));
        optional group meta { optional binary link (UTF8); }
    }";
    let schema = std::sync::Arc::new(parquet::schema::parser::parse_message_type(schema).unwrap());
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .build();
    let file = std::fs::File::create(path).unwrap();
    let mut writer = SerializedFileWriter::new(file, schema, props.into()).unwrap();
    let mut group = writer.next_row_group().unwrap();
    let text = |r: &Value, f: &str| {
        r[f].as_str()
            .map(|s| ByteArray::from(s.as_bytes().to_vec()))
    };
    let millis = |r: &Value| {
        let published = r["published"].as_str()?;
        Some(published.parse::<jiff::Timestamp>().ok()?.as_millisecond())
    };
    for field in ["id", "outlet", "title", "text"] {
        let values = records.iter().map(|r| text(r, field)).collect();
        write_column::<ByteArrayType>(&mut group, values, 1);
    }
    write_column::<Int64Type>(&mut group, records.iter().map(millis).collect(), 1);
    // meta.link: the group and its field are there (definition level 2).
    let links = records
        .iter()
        .map(|r| {
            let link = format!("https://news.example/{}", r["id"].as_str().unwrap());
            Some(ByteArray::from(link.into_bytes()))
        })
        .collect();
    write_column::<ByteArrayType>(&mut group, links, 2);
    group.close().unwrap();
    writer.close().unwrap();
}

/// Writes the next column of `group`: `values`, a missing one null, a present one at
/// definition level `present`.
fn write_column<T: parquet::data_type::DataType>(
    group: &mut parquet::file::writer::SerializedRowGroupWriter<'_, std::fs::File>,
    values: Vec<Option<T::T>>,
    present: i16,
) {
    let defs: Vec<i16> = values
        .iter()
        .map(|v| if v.is_some() { present } else { 0 })
        .collect();
    let values: Vec<T::T> = values.into_iter().flatten().collect();
    let mut column = group.next_column().unwrap().unwrap();
    column
        .typed::<T>()
        .write_batch(&values, Some(&defs), None)
        .unwrap();
    column.close().unwrap();
}

/// A Parquet file of the shipped corpus (as dataset hubs ship corpora, its columns named
/// otherwise, the date a timestamp) gives the same clusters as the JSONL; junk named
/// `.parquet` is one bad record, not a crash.
#[test]
fn parquet_files_are_read_as_records() {
    let records = read_jsonl(&wire());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.parquet");
    write_parquet(&path, &records);
    let mapping = [
        "--field",
        "id=doc_id",
        "--field",
        "outlet=source",
        "--field",
        "published=date",
    ];
    let args = [&[path.to_str().unwrap()][..], &mapping].concat();
    let (lines, stderr, code) = assignments(&args);
    assert_eq!(code, 0, "{stderr}");
    let (usual, _, _) = assignments(&[wire().to_str().unwrap()]);
    assert_eq!(lines, usual);
    // The earliest-published version is the same article: the timestamps were read as dates.
    let keep = |input: &[&str]| {
        let (lines, _, _) = assignments(&[input, &["--keep", "earliest"]].concat());
        lines
    };
    assert_eq!(keep(&args), keep(&[wire().to_str().unwrap()]));

    // --unique writes each kept row as JSON, the nested group as an object.
    let out = copydesk()
        .arg("dedup")
        .args(&args)
        .args(["--unique", "-"])
        .output()
        .unwrap();
    let unique = jsonl(&out.stdout);
    assert_eq!(unique.len(), 13);
    let reuters = unique
        .iter()
        .find(|r| r["doc_id"] == "fish-reuters")
        .unwrap();
    assert_eq!(reuters["date"], "2026-03-14T09:05:00Z");
    let original = records.iter().find(|r| r["id"] == "fish-reuters").unwrap();
    assert_eq!(reuters["text"], original["text"]);
    assert_eq!(reuters["meta"]["link"], "https://news.example/fish-reuters");

    let junk = dir.path().join("junk.parquet");
    std::fs::write(&junk, b"PAR1 but not really").unwrap();
    let (lines, stderr, code) = assignments(&[junk.to_str().unwrap()]);
    assert_eq!((lines.len(), code), (0, 3));
    assert!(
        stderr.contains("junk.parquet:1: not a readable Parquet file"),
        "{stderr}"
    );
    // Metadata placing a column before the file's start (found by the fuzzer: the Parquet
    // crate panics on it) is a bad record too.
    let corrupt = dir.path().join("corrupt.parquet");
    std::fs::copy(repo("tests/data/corrupt-column-offset.parquet"), &corrupt).unwrap();
    let (lines, stderr, code) = assignments(&[corrupt.to_str().unwrap()]);
    assert_eq!((lines.len(), code), (0, 3), "{stderr}");
    assert!(
        stderr.contains("corrupt.parquet:1: not a readable Parquet file: column `meta.link` lies outside the file"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// `explain` says why two articles are or are not together, in agreement with `dedup` and
/// under the same tuning options.
#[test]
fn explain_agrees_with_dedup_and_says_which_stage_decided() {
    let (dedup_lines, _, _) = assignments(&[wire().to_str().unwrap()]);
    let cluster_of: HashMap<String, Value> = dedup_lines
        .iter()
        .map(|l| (l["id"].as_str().unwrap().to_string(), l["cluster"].clone()))
        .collect();
    let ids: Vec<String> = dedup_lines
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect();
    // The first id against every other: one JSON line each, the clusters as dedup's.
    for first in ["fish-reuters", "pinewood-bus"] {
        let others: Vec<&str> = ids
            .iter()
            .map(String::as_str)
            .filter(|i| *i != first)
            .collect();
        let out = copydesk()
            .args([
                "explain",
                wire().to_str().unwrap(),
                "--format",
                "json",
                "--quiet",
            ])
            .arg("--ids")
            .arg(format!("{first},{}", others.join(",")))
            .output()
            .unwrap();
        assert!(out.status.success());
        let lines = jsonl(&out.stdout);
        assert_eq!(lines.len(), others.len());
        for (line, other) in lines.iter().zip(&others) {
            assert_eq!(line["b"]["id"], *other);
            assert_eq!(line["a"]["cluster"], cluster_of[first]);
            assert_eq!(line["b"]["cluster"], cluster_of[*other]);
            let together = cluster_of[first] == cluster_of[*other];
            assert_eq!(line["verdict"] == "same_cluster", together, "{line}");
            if !together {
                assert!(line["verdict"] != "not_proposed", "{line}");
            }
        }
    }

    let text = |args: &[&str]| {
        let out = copydesk()
            .args(["explain", wire().to_str().unwrap(), "--quiet"])
            .args(args)
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let trimmed = text(&["--ids", "fish-reuters,fish-valley-courier"]);
    assert!(
        trimmed.starts_with(
            "fish-reuters (Reuters) and fish-valley-courier (Valley Courier): in one cluster"
        ),
        "{trimmed}"
    );
    assert!(trimmed.contains("100% the other way"), "{trimmed}");
    assert!(trimmed.contains("copies, by containment"), "{trimmed}");

    // Two briefs that share only their paper's standing notice: apart, the notice left out;
    // keeping it (--boilerplate 0), they are one story, as dedup says.
    let briefs = text(&["--ids", "pinewood-bus,pinewood-bridge"]);
    assert!(briefs.contains("apart: not copies"), "{briefs}");
    assert!(
        briefs.contains(
            "boilerplate 1 paragraph of pinewood-bus, 1 paragraph of pinewood-bridge left out"
        ),
        "{briefs}"
    );
    let kept = text(&[
        "--ids",
        "pinewood-bus,pinewood-bridge",
        "--boilerplate",
        "0",
    ]);
    assert!(kept.contains("in one cluster"), "{kept}");
    assert!(!kept.contains("boilerplate 1"), "{kept}");

    for (ids, says) in [
        ("fish-reuters,nowhere", "no record with id \"nowhere\""),
        ("fish-reuters", "--ids needs two articles or more"),
    ] {
        copydesk()
            .args(["explain", wire().to_str().unwrap(), "--ids", ids])
            .assert()
            .code(1)
            .stderr(predicates::str::contains(says));
    }
}

/// Without headlines, the summary names the largest clusters by their lead.
#[test]
fn untitled_clusters_are_named_by_their_lead_in_the_summary() {
    let untitled: Vec<String> = read_jsonl(&wire())
        .into_iter()
        .map(|mut r| {
            r.as_object_mut().unwrap().remove("title");
            r.to_string()
        })
        .collect();
    let dir = world(&[("untitled.jsonl", untitled.join("\n").as_bytes())]);
    let out = copydesk()
        .arg("dedup")
        .arg(dir.path().join("untitled.jsonl"))
        .output()
        .unwrap();
    let summary = String::from_utf8(out.stdout).unwrap();
    assert!(
        summary.contains(
            "9 articles  Russia and Norway have agreed to resume talks on fishing quotas"
        ),
        "{summary}"
    );
    assert!(
        summary.contains("8 articles  A magnitude 6.1 earthquake struck"),
        "{summary}"
    );
    assert!(!summary.contains("(no title)"), "{summary}");
}

/// `--against ARCHIVE`: the inputs are checked against an archive. Every input record gets one
/// assignment naming the archive article it copies, exactly when a plain run over both puts
/// them in one cluster; `--unique` keeps the stories the archive lacks; clusters of archive
/// articles alone are not reported.
#[test]
fn against_an_archive_the_outputs_speak_of_the_inputs() {
    let records = read_jsonl(&wire());
    let in_archive = |r: &Value| r["id"] == "fish-reuters" || r["id"] == "quake-ap";
    let only_archived = article(7, 80);
    let mut archive: Vec<String> = records
        .iter()
        .filter(|r| in_archive(r))
        .map(Value::to_string)
        .collect();
    archive.push(record("old-1", &only_archived));
    archive.push(record("old-2", &only_archived));
    let inputs: Vec<String> = records
        .iter()
        .filter(|r| !in_archive(r))
        .map(Value::to_string)
        .collect();
    let dir = world(&[
        ("archive.jsonl", archive.join("\n").as_bytes()),
        ("new.jsonl", inputs.join("\n").as_bytes()),
    ]);
    let (archive_path, new_path) = (
        dir.path().join("archive.jsonl"),
        dir.path().join("new.jsonl"),
    );
    let run = |args: &[&str]| -> Vec<Value> {
        let out = copydesk()
            .arg("dedup")
            .arg(&new_path)
            .arg("--against")
            .arg(&archive_path)
            .args(args)
            .assert()
            .success()
            .get_output()
            .clone();
        jsonl(&out.stdout)
    };
    // The plain run over both, to judge by.
    let (plain, _, _) = assignments(&[archive_path.to_str().unwrap(), new_path.to_str().unwrap()]);
    let cluster_of: HashMap<String, u64> = plain
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_string(),
                a["cluster"].as_u64().unwrap(),
            )
        })
        .collect();
    let archive_ids = ["fish-reuters", "quake-ap", "old-1", "old-2"];
    let archived_cluster = |id: &str| {
        archive_ids
            .iter()
            .find(|a| cluster_of[**a] == cluster_of[id])
            .copied()
    };

    let assigned = run(&["--assignments", "-"]);
    let ids: Vec<&str> = assigned.iter().map(|a| a["id"].as_str().unwrap()).collect();
    let expected: Vec<&str> = records
        .iter()
        .filter(|r| !in_archive(r))
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, expected, "one line per input record, in input order");
    let mut copies = 0;
    for a in &assigned {
        let id = a["id"].as_str().unwrap();
        assert_eq!(a["archive"].as_str(), archived_cluster(id), "{a}");
        copies += usize::from(a["archive"].is_string());
    }
    assert_eq!(
        copies, 15,
        "the 8 + 7 outlet copies of the two wire stories"
    );

    let unique = run(&["--unique", "-"]);
    let kept: BTreeSet<&str> = unique.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let new_clusters: BTreeSet<u64> = expected
        .iter()
        .filter(|id| archived_cluster(id).is_none())
        .map(|id| cluster_of[*id])
        .collect();
    assert_eq!(kept.len(), new_clusters.len(), "{kept:?}");
    assert!(kept.iter().all(|id| archived_cluster(id).is_none()));

    let clusters = run(&["--clusters", "-"]);
    assert_eq!(clusters.len(), 2, "the archive's own pair is not reported");
    for c in &clusters {
        for m in c["members"].as_array().unwrap() {
            let is_archive = archive_ids.contains(&m["id"].as_str().unwrap());
            assert_eq!(m["archive"].as_bool().unwrap_or(false), is_archive, "{m}");
        }
    }
    assert_eq!(run(&["--diffs", "-"]).len(), 2);

    // An input given as its own archive is refused, naming it.
    copydesk()
        .arg("dedup")
        .arg(&new_path)
        .arg("--against")
        .arg(dir.path().join(".").join("new.jsonl"))
        .assert()
        .code(1)
        .stderr(predicates::str::contains("is both an input and --against"));
}

/// An article fetched again keeps its id: an input may share its id with an archive record,
/// and is then that record's copy, not a bad record.
#[test]
fn an_input_may_share_its_id_with_an_archive_record() {
    let again = read_jsonl(&wire())
        .into_iter()
        .find(|r| r["id"] == "phone-meridian")
        .unwrap();
    let dir = world(&[("archive.jsonl", again.to_string().as_bytes())]);
    let out = copydesk()
        .args(["dedup", wire().to_str().unwrap(), "--assignments", "-"])
        .arg("--against")
        .arg(dir.path().join("archive.jsonl"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = jsonl(&out.stdout);
    assert_eq!(
        lines.len(),
        28,
        "every input record, none taken for a duplicate"
    );
    for l in &lines {
        let expected = (l["id"] == "phone-meridian").then_some("phone-meridian");
        assert_eq!(l["archive"].as_str(), expected, "{l}");
    }
}

#[test]
fn same_bytes_out_with_one_thread_and_many() {
    let (_dir, input) = grouped_corpus();
    let run = |threads: Option<&str>| {
        let mut c = copydesk();
        if let Some(t) = threads {
            c.env("RAYON_NUM_THREADS", t);
        }
        c.args([
            "dedup",
            input.to_str().unwrap(),
            "--clusters",
            "-",
            "--quiet",
        ])
        .output()
        .unwrap()
        .stdout
    };
    let one = run(Some("1"));
    assert!(!one.is_empty());
    assert_eq!(one, run(None));
    assert_eq!(one, run(Some("3")));
    // And the groups are found.
    let clusters = jsonl(&one);
    let sizes: HashMap<usize, usize> = clusters.iter().fold(HashMap::new(), |mut m, c| {
        *m.entry(c["size"].as_u64().unwrap() as usize).or_default() += 1;
        m
    });
    assert_eq!(sizes.get(&3), Some(&60), "{sizes:?}");
}

/// The report page (with its related articles) and `explain` are the same bytes at any thread
/// count too.
#[test]
fn report_and_explain_are_the_same_with_one_thread_and_many() {
    let (dir, grouped) = grouped_corpus();
    let run = |threads: &str, args: &[&str]| {
        copydesk()
            .env("RAYON_NUM_THREADS", threads)
            .args(args)
            .arg("--quiet")
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    for input in [wire(), grouped] {
        let page = |threads: &str| {
            let out = dir.path().join(format!("page-{threads}.html"));
            run(
                threads,
                &[
                    "report",
                    input.to_str().unwrap(),
                    "--out",
                    out.to_str().unwrap(),
                ],
            );
            std::fs::read(out).unwrap()
        };
        let one = page("1");
        assert_eq!(one, page("3"), "{}", input.display());
    }
    let explain = |threads| {
        run(
            threads,
            &[
                "explain",
                wire().to_str().unwrap(),
                "--ids",
                "fish-reuters,fish-valley-courier,fish-nordic-business,pinewood-bus",
                "--format",
                "json",
            ],
        )
    };
    let one = explain("1");
    assert_eq!(jsonl(&one).len(), 3);
    assert_eq!(one, explain("3"));
}

#[test]
fn spilled_features_give_the_same_clusters_and_leave_nothing_behind() {
    let (dir, input) = grouped_corpus();
    let spill_dir = dir.path().join("spill");
    std::fs::create_dir(&spill_dir).unwrap();
    let unique = |spill: &[&str]| dir.path().join(format!("unique-{}.jsonl", spill[1]));
    let run = |spill: &[&str]| {
        copydesk()
            .args([
                "dedup",
                input.to_str().unwrap(),
                "--clusters",
                "-",
                "--quiet",
            ])
            .args(["--unique", unique(spill).to_str().unwrap()])
            .args(spill)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let in_memory = run(&["--spill", "never"]);
    assert_eq!(jsonl(&in_memory).len(), 60);
    let spilled = run(&[
        "--spill",
        "always",
        "--spill-dir",
        spill_dir.to_str().unwrap(),
    ]);
    assert_eq!(in_memory, spilled);
    // The deduplicated corpus is re-read past the page cache when spilled: the same bytes.
    let unique_lines = std::fs::read(unique(&["--spill", "never"])).unwrap();
    assert_eq!(jsonl(&unique_lines).len(), 60);
    assert_eq!(
        unique_lines,
        std::fs::read(unique(&["--spill", "always"])).unwrap()
    );
    assert_eq!(std::fs::read_dir(&spill_dir).unwrap().count(), 0);
    // A spill folder that is not there is named in the error.
    let missing = dir.path().join("no-such-folder");
    copydesk()
        .args([
            "dedup",
            input.to_str().unwrap(),
            "--quiet",
            "--spill",
            "always",
        ])
        .args(["--spill-dir", missing.to_str().unwrap()])
        .assert()
        .failure()
        .stderr(predicates::str::contains("no-such-folder"));
}

/// One outlet's briefs on six different stories, each under the outlet's long disclaimer, and
/// a wire story the outlet and AP both ran.
fn disclaimer_corpus() -> (tempfile::TempDir, PathBuf) {
    let disclaimer = "The Gazette publishes wire reports as received and is not responsible for \
        their accuracy. Readers who find an error should write to the standards desk, which \
        reviews every complaint within five working days and prints corrections on page two of \
        the print edition and under the article online.";
    let wire = format!("{}\n\n{}", article(900, 60), article(901, 60));
    let mut lines: Vec<String> = (0..6)
        .map(|i| {
            let text = format!("{}\n\n{disclaimer}", article(i, 25));
            json!({"id": format!("brief{i}"), "outlet": "Gazette", "text": text}).to_string()
        })
        .collect();
    let text = format!("{wire}\n\n{disclaimer}");
    lines.push(json!({"id": "wire-gazette", "outlet": "Gazette", "text": text}).to_string());
    lines.push(json!({"id": "wire-ap", "outlet": "AP", "text": wire}).to_string());
    let dir = world(&[("gazette.jsonl", (lines.join("\n") + "\n").as_bytes())]);
    let path = dir.path().join("gazette.jsonl");
    (dir, path)
}

#[test]
fn an_outlets_disclaimer_does_not_make_its_briefs_one_story() {
    let (_dir, input) = disclaimer_corpus();
    let groups = |extra: &[&str]| {
        let mut args = vec![input.to_str().unwrap()];
        args.extend(extra);
        let (lines, stderr, code) = assignments(&args);
        assert_eq!(code, 0, "{stderr}");
        partition(lines.iter().map(|l| {
            (
                l["id"].as_str().unwrap().to_string(),
                l["cluster"].to_string(),
            )
        }))
    };
    let set = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    let got = groups(&[]);
    assert_eq!(got.len(), 7, "{got:?}");
    assert!(got.contains(&set(&["wire-gazette", "wire-ap"])), "{got:?}");
    // Spilled, the stripped features give the same clusters.
    assert_eq!(groups(&["--spill", "always"]), got);
    // Turned off, the disclaimer makes the six briefs one story.
    let off = groups(&["--boilerplate", "0"]);
    assert!(
        off.iter().any(|g| g.len() >= 6 && g.contains("brief0")),
        "{off:?}"
    );
    copydesk()
        .args(["dedup", input.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "boilerplate         1 passage one outlet repeats in many of its articles, left out of 7 articles",
        ));
}

// ---------------------------------------------------------------------------------------------
// Interruption

/// Ctrl-C while an output is being written: exit 130, a clear message, and neither the output
/// nor its temporary file left behind. The input is a named pipe, so the run blocks at a known
/// point: `--unique` has created its temporary file and waits to read the pipe a second time.
#[cfg(unix)]
#[test]
fn interrupt_leaves_no_partial_output() {
    use std::process::{Command as Process, Stdio};
    use std::time::{Duration, Instant};

    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("input.jsonl");
    assert!(
        Process::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let unique = out_dir.join("unique.jsonl");
    let child = Process::new(assert_cmd::cargo::cargo_bin("copydesk"))
        .args([
            "dedup",
            fifo.to_str().unwrap(),
            "--unique",
            unique.to_str().unwrap(),
            "--quiet",
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // First pass: feed the corpus through the pipe and close it.
    std::fs::write(&fifo, std::fs::read(repo("corpora/wire.jsonl")).unwrap()).unwrap();
    // Wait for the temporary file of --unique to appear.
    let started = Instant::now();
    let has_temp = || {
        std::fs::read_dir(&out_dir)
            .unwrap()
            .any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".tmp"))
    };
    while !has_temp() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the run never started writing"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        Process::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap()
            .success()
    );
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert!(String::from_utf8_lossy(&out.stderr).contains("interrupted"));
    let left: Vec<_> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[cfg(unix)]
#[test]
fn a_full_disk_is_an_error_not_a_corrupt_file() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    copydesk()
        .args([
            "dedup",
            repo("corpora/wire.jsonl").to_str().unwrap(),
            "--clusters",
            "/dev/full",
        ])
        .assert()
        .code(1)
        .stderr(
            predicates::str::contains("/dev/full").and(predicates::str::contains("No space left")),
        );
}

// ---------------------------------------------------------------------------------------------
// Bench and gen

/// `copydesk bench ARGS --format json`, which must succeed, as JSON.
fn bench_json(args: &[&str]) -> serde_json::Value {
    let out = copydesk()
        .arg("bench")
        .args(args)
        .args(["--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn bench_scores_a_generated_corpus_against_its_labels() {
    let r = bench_json(&["--generate", "3000", "--runs", "3"]);
    assert_eq!(r["articles"], 3000);
    assert_eq!(r["accuracy"]["labelled"], 3000);
    assert!(r["accuracy"]["ari"].as_f64().unwrap() > 0.95, "{r}");
    for stage in ["read_and_fingerprint", "index", "cluster"] {
        assert!(r["stages"][stage]["s"].as_f64().unwrap() > 0.0);
    }
    assert!(r["candidate_pairs"].as_u64().unwrap() >= r["verified_pairs"].as_u64().unwrap());
    // Three runs, and the wall time reported is their median.
    let mut walls: Vec<f64> = r["wall_s_each_run"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_f64().unwrap())
        .collect();
    assert_eq!(walls.len(), 3);
    walls.sort_by(f64::total_cmp);
    assert_eq!(r["wall_s"].as_f64().unwrap(), walls[1]);
    // Each run's own peak memory (Linux), and the first run's reported (a fresh process's).
    if cfg!(target_os = "linux") {
        let peaks: Vec<f64> = r["peak_rss_mb_each_run"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_f64().unwrap())
            .collect();
        assert_eq!(peaks.len(), 3);
        assert!(peaks.iter().all(|&m| m > 1.0), "{peaks:?}");
        assert_eq!(r["peak_rss_mb"].as_f64().unwrap(), peaks[0]);
    }
}

/// Spilled features are memory the kernel can take back: `bench` says how much of the peak
/// is their mapped pages, which the in-memory run holds on the heap instead.
#[cfg(target_os = "linux")]
#[test]
fn bench_tells_mapped_feature_pages_from_the_heap() {
    let run = |spill| bench_json(&["--generate", "3000", "--spill", spill]);
    let (heap, spilled) = (run("never"), run("always"));
    assert_eq!(
        (heap["spilled"].as_bool(), spilled["spilled"].as_bool()),
        (Some(false), Some(true))
    );
    let features = heap["features_heap_mb"].as_f64().unwrap();
    assert!(features > 1.0, "{heap}");
    assert!(
        spilled["features_heap_mb"].as_f64().unwrap() < features / 2.0,
        "{spilled}"
    );
    let mapped = |r: &serde_json::Value| r["mapped_files_mb_at_end"].as_f64().unwrap();
    assert!(
        mapped(&spilled) - mapped(&heap) > features / 2.0,
        "mapped {} vs {} MiB, features {features} MiB",
        mapped(&spilled),
        mapped(&heap)
    );
    let text = copydesk()
        .args(["bench", "--generate", "3000", "--spill", "always"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(text).unwrap();
    assert!(
        text.contains("MiB of mapped file pages resident at the end"),
        "{text}"
    );
}

#[test]
fn outlets_standing_notices_in_a_generated_corpus_are_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, labels) = (dir.path().join("n.jsonl"), dir.path().join("l.jsonl"));
    copydesk()
        .args(["gen", "--articles", "3000", "--notices", "0.7", "--quiet"])
        .args(["--out", corpus.to_str().unwrap()])
        .args(["--labels", labels.to_str().unwrap()])
        .assert()
        .success();
    // Each outlet's articles with a notice end with the same paragraph; outlets' notices differ.
    let mut notices: HashMap<String, BTreeSet<String>> = HashMap::new();
    let marked: BTreeSet<String> = read_jsonl(&labels)
        .iter()
        .filter(|l| l["edits"].as_array().unwrap().iter().any(|e| e == "notice"))
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect();
    for r in read_jsonl(&corpus) {
        if marked.contains(r["id"].as_str().unwrap()) {
            let last = r["text"].as_str().unwrap().rsplit("\n\n").next().unwrap();
            notices
                .entry(r["outlet"].as_str().unwrap().to_string())
                .or_default()
                .insert(last.to_string());
        }
    }
    assert!(
        marked.len() > 1500 && marked.len() < 2700,
        "{}",
        marked.len()
    );
    assert_eq!(notices.len(), 12);
    assert!(notices.values().all(|n| n.len() == 1), "{notices:?}");
    let all: BTreeSet<&String> = notices.values().flatten().collect();
    assert_eq!(all.len(), 12);
    let score = |boilerplate: &str| {
        let r = bench_json(&[
            corpus.to_str().unwrap(),
            "--labels",
            labels.to_str().unwrap(),
            "--boilerplate",
            boilerplate,
        ]);
        (
            r["accuracy"]["ari"].as_f64().unwrap(),
            r["stages"]["boilerplate"]["passages"].as_u64().unwrap(),
        )
    };
    let (stripped, passages) = score("5");
    let (kept, none) = score("0");
    assert_eq!((passages, none), (12, 0));
    // The notices pull copies apart (and briefs together) unless left out.
    assert!(
        stripped > 0.99 && stripped > kept + 0.01,
        "{stripped} vs {kept}"
    );
}

#[test]
fn bench_on_the_shipped_corpus_recovers_its_labels() {
    let out = copydesk()
        .args([
            "bench",
            repo("corpora/wire.jsonl").to_str().unwrap(),
            "--labels",
            repo("corpora/wire.labels.jsonl").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("ARI 1.0000, pairwise P 1.0000 R 1.0000"),
        "{text}"
    );
}

#[test]
fn gen_is_deterministic_and_streams_labels() {
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str| {
        let (a, l) = (
            dir.path().join(format!("{name}.jsonl")),
            dir.path().join(format!("{name}.labels.jsonl")),
        );
        copydesk()
            .args([
                "gen",
                "--articles",
                "500",
                "--seed",
                "3",
                "--out",
                a.to_str().unwrap(),
                "--labels",
                l.to_str().unwrap(),
            ])
            .assert()
            .success();
        (std::fs::read(a).unwrap(), std::fs::read(l).unwrap())
    };
    let (a1, l1) = run("one");
    assert_eq!((a1.clone(), l1.clone()), run("two"));
    assert_eq!(jsonl(&a1).len(), 500);
    assert_eq!(jsonl(&l1).len(), 500);
}
