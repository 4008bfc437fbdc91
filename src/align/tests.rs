use super::pairing::longest_increasing;
use super::reuse::{REUSE_DIFF_CELLS, reused_words, reused_words_bounded};
use super::words::{coarse_diff, display_words};
use super::*;
use similar::DiffOp;

#[test]
fn headline_changes_are_word_diffs() {
    assert_eq!(HeadlineChange::of(None, None), None);
    assert_eq!(HeadlineChange::of(Some("  "), None), None);
    let same = HeadlineChange::of(Some("Talks to resume"), Some("TALKS to resume!")).unwrap();
    assert!(same.same && same.changes.is_empty());
    let changed = HeadlineChange::of(
        Some("Fishing talks to resume"),
        Some("Quota talks to resume in April"),
    )
    .unwrap();
    assert!(!changed.same);
    let tagged: Vec<(Tag, &str)> = changed
        .changes
        .iter()
        .map(|c| (c.tag, c.text.as_str()))
        .collect();
    assert_eq!(
        tagged,
        vec![
            (Tag::Delete, "Fishing"),
            (Tag::Insert, "Quota"),
            (Tag::Equal, "talks to resume"),
            (Tag::Insert, "in April"),
        ]
    );
    let added = HeadlineChange::of(None, Some("New headline")).unwrap();
    assert!(!added.same && added.was.is_none() && added.now.as_deref() == Some("New headline"));
}

#[test]
fn reuse_counts_runs_not_stray_words() {
    // One word in common, alone: nothing reused.
    assert_eq!(reused_words(&[1, 2, 3, 4], &[9, 3, 8]), 0);
    // A run of two counts both words.
    assert_eq!(reused_words(&[1, 2, 3, 4], &[9, 2, 3, 8]), 2);
    // A run may step over one changed word on either side: 1 2 _ 4 5 is one run of four.
    assert_eq!(reused_words(&[1, 2, 3, 4, 5], &[1, 2, 7, 4, 5]), 4);
    // Two changed words in a row break it; each side still a run of two.
    assert_eq!(reused_words(&[1, 2, 3, 4, 5, 6], &[1, 2, 7, 8, 5, 6]), 4);
    // A lone word left after the break is dropped.
    assert_eq!(reused_words(&[1, 2, 3, 4, 5], &[1, 2, 7, 8, 5]), 2);
    assert_eq!(reused_words(&[], &[1, 2]), 0);
}

#[test]
fn past_the_diff_budget_reuse_counts_word_pairs_the_reference_holds() {
    // 4 5 and 1 2 stand side by side in the reference; 3 matches alone; 2 7 does not.
    assert_eq!(
        reused_words_bounded(&[1, 2, 3, 4, 5], &[9, 4, 5, 1, 2, 7, 3], 0),
        4
    );
    // A run of pairs: 1 2 3 all covered.
    assert_eq!(reused_words_bounded(&[1, 2, 3], &[1, 2, 3, 1], 0), 3);
    // Within the budget the diff decides: 4 5 and 1 2 cannot both be in order; 1 2, a step
    // over 7, then 3 is one run of three.
    assert_eq!(
        reused_words_bounded(&[1, 2, 3, 4, 5], &[9, 4, 5, 1, 2, 7, 3], 100),
        3
    );
    assert_eq!(reused_words_bounded(&[], &[1, 2], 0), 0);
}

/// A reference of `n` 20-word sentences of distinct words, and a version that moves its
/// third ten sentences before the second, changes one word in every sentence, puts in the
/// place of the sixth a sentence of its own quoting four words of it, repeats four words of
/// the eighth after it, quotes four of the last but one after the ninth, trims the last tenth,
/// adds a tenth of sentences of its own, and ends on one sentence quoting four words in a
/// row from the last (trimmed) sentence and one holding three later words of it one at a
/// time (a diff matches them, but alone they do not count). Returns the texts and the share
/// of the version's words reused, counted by hand.
fn reordered_edited_story(n: usize) -> (String, String, f32) {
    let sentence =
        |tag: &str, s: usize| -> Vec<String> { (0..20).map(|k| format!("{tag}{s}w{k}")).collect() };
    let line = |words: &[String]| {
        let mut t = words.join(" ");
        t[..1].make_ascii_uppercase();
        t + "."
    };
    let quoting = |tag: &str, s: usize, at: std::ops::Range<usize>| {
        let mut words = sentence(tag, 0);
        words[at.clone()].clone_from_slice(&sentence("r", s)[at]);
        words
    };
    let reference: Vec<String> = (0..n).map(|s| line(&sentence("r", s))).collect();
    let kept = n - n / 10;
    let mut order: Vec<usize> = (0..kept).collect();
    order[10..30].rotate_left(10);
    let mut version: Vec<String> = Vec::new();
    for s in order {
        let mut words = sentence("r", s);
        words[10] = format!("changed{s}");
        version.push(line(&if s == 5 {
            quoting("mid", 5, 4..8)
        } else {
            words
        }));
        // Words the version holds already, or only much further on: neither counts.
        if s == 7 {
            version.push(line(&quoting("echo", 7, 4..8)));
        }
        if s == 8 {
            version.push(line(&quoting("early", n - 2, 4..8)));
        }
    }
    version.extend((0..n / 10).map(|s| line(&sentence("own", s))));
    version.push(line(&quoting("quote", n - 1, 4..8)));
    let mut strays = sentence("stray", 0);
    for k in [12, 15, 18] {
        strays[k] = sentence("r", n - 1)[k].clone();
    }
    version.push(line(&strays));
    let version_words = (kept + n / 10 + 4) * 20;
    let reused = ((kept - 1) * 19 + 4 + 4) as f32 / version_words as f32;
    (reference.join(" "), version.join(" "), reused)
}

#[test]
fn long_texts_reuse_in_pieces_what_short_ones_reuse_whole() {
    let share = |r: f32| (r * 10_000.0).round() / 10_000.0;
    // 50 sentences: diffed whole.
    let (reference, version, expected) = reordered_edited_story(50);
    let c = compare(
        &doc("r", &reference),
        &[doc("v", &version)],
        &AlignParams::default(),
    );
    assert_eq!(c.versions[0].reused, share(expected));
    // 1,100 sentences, 22,000 words a side: past REUSE_DIFF_CELLS, diffed in pieces, with
    // the same rule (stray words matched one at a time do not count).
    let (reference, version, expected) = reordered_edited_story(1_100);
    let words = |t: &str| t.split_whitespace().count();
    assert!(words(&reference) * words(&version) > REUSE_DIFF_CELLS);
    let c = compare(
        &doc("r", &reference),
        &[doc("v", &version)],
        &AlignParams::default(),
    );
    assert_eq!(c.versions[0].reused, share(expected));
}

#[test]
fn a_sentence_against_a_far_larger_one_scores_as_by_merging() {
    let mut vocab = Vocabulary::default();
    let ids: Vec<u32> = (0..5_000u64).map(|t| vocab.id(t * 7 + 1)).collect();
    vocab
        .df
        .iter_mut()
        .enumerate()
        .for_each(|(i, d)| *d = 1 + (i as u32 % 13));
    vocab.finish(100);
    let sentence = |set: Vec<u32>| {
        let mass = set.iter().map(|&i| vocab.weight[i as usize]).sum();
        Prepared {
            text: "",
            set,
            words: Vec::new(),
            tokens: 0,
            sequence: Vec::new(),
            hashes: Vec::new(),
            mass,
            attributions: Vec::new(),
        }
    };
    let large = sentence(ids.iter().copied().filter(|i| i % 3 != 0).collect());
    let small = sentence(ids.iter().copied().filter(|i| i % 250 < 2).collect());
    assert!(small.set.len() * 32 < large.set.len());
    let shared: f32 = small
        .set
        .iter()
        .filter(|i| large.set.binary_search(i).is_ok())
        .map(|&i| vocab.weight[i as usize])
        .sum();
    let by_merging = 2.0 * shared / (small.mass + large.mass);
    assert!(shared > 0.0);
    assert_eq!(vocab.similarity(&small, &large), by_merging);
    assert_eq!(vocab.similarity(&large, &small), by_merging);
}

#[test]
fn moved_sentences_count_as_reused() {
    let reference = "The port reopened on Monday after the storm. \
                     Ships queued for two days outside the harbour.";
    let swapped = "Ships queued for two days outside the harbour. \
                   The port reopened on Monday after the storm.";
    let c = compare(
        &doc("r", reference),
        &[doc("v", swapped)],
        &AlignParams::default(),
    );
    assert_eq!(c.versions[0].reused, 1.0);
    assert_eq!(c.versions[0].counts.moved, 1);
}

#[test]
fn chinese_is_diffed_character_by_character_and_shown_without_spaces() {
    let words: Vec<(&str, bool)> = display_words("在2024年四月, 谈判。Reuters").collect();
    assert_eq!(
        words,
        [
            ("在", false),
            ("2024", true),
            ("年", true),
            ("四", true),
            ("月,", true),
            ("谈", false),
            ("判。Reuters", true)
        ]
    );
    let c = compare(
        &doc("r", "俄罗斯和挪威同意在四月恢复渔业谈判。"),
        &[doc("v", "俄罗斯和挪威同意在五月恢复渔业谈判。")],
        &AlignParams::default(),
    );
    let v = &c.versions[0];
    let changes: Vec<(Tag, &str, bool)> = v.segments[0]
        .changes
        .iter()
        .map(|c| (c.tag, c.text.as_str(), c.joined))
        .collect();
    assert_eq!(
        changes,
        [
            (Tag::Equal, "俄罗斯和挪威同意在", false),
            (Tag::Delete, "四", true),
            (Tag::Insert, "五", true),
            (Tag::Equal, "月恢复渔业谈判。", true)
        ]
    );
    // Every character but one kept word for word (it was none, the sentence one word).
    assert_eq!(v.verbatim, (16.0f32 / 17.0 * 10_000.0).round() / 10_000.0);
}

#[test]
fn a_number_set_against_an_arabic_script_word_is_a_word_of_its_own() {
    let words: Vec<&str> = display_words("ٹیم نے505رنز بنائے، 2013ء میں 10am F16")
        .map(|(w, _)| w)
        .collect();
    assert_eq!(
        words,
        [
            "ٹیم",
            "نے",
            "505",
            "رنز",
            "بنائے،",
            "2013",
            "ء",
            "میں",
            "10am",
            "F16"
        ]
    );
    // The agency's spacing and the paper's read alike.
    let c = compare(
        &doc("r", "ٹیم نے 505 رنز بنائے اور میچ جیت لیا۔"),
        &[doc("v", "ٹیم نے505رنز بنائے اور میچ جیت لیا۔")],
        &AlignParams::default(),
    );
    let v = &c.versions[0];
    assert_eq!((v.reused, v.verbatim, v.counts.same), (1.0, 1.0, 1));
}

fn doc<'a>(id: &str, text: &'a str) -> Doc<'a> {
    Doc::new(id, text)
}

const REF: &str = "MOSCOW, March 14 (Reuters) - Russia and Norway agreed to resume fishing talks in April.\n\
    Citing the Foreign Ministry, RIA Novosti said the first round would be held in Murmansk.\n\
    Scientists warned that cod stocks in the Barents Sea had fallen to a thirty-year low.\n\
    Fishing crews in Tromso welcomed the news after months in harbour.";

fn ops(v: &VersionDiff) -> Vec<Op> {
    v.segments.iter().map(|s| s.op).collect()
}

#[test]
fn versions_with_one_text_share_a_diff_but_keep_their_own_names() {
    let trimmed = "MOSCOW, March 14 (Reuters) - Russia and Norway agreed to resume fishing talks in April.\n\
        RIA Novosti said the first round would be held in Murmansk.";
    let named = |id: &str, outlet: &str, title: &str| Doc {
        outlet: Some(outlet.into()),
        published: Some(format!("2024-03-1{}", id.len())),
        title: Some(title.into()),
        ..doc(id, trimmed)
    };
    let versions = [
        named("a", "Daily One", "Talks resume"),
        named("bb", "Daily Two", "Fishing talks to resume in April"),
    ];
    let c = compare(&doc("r", REF), &versions, &AlignParams::default());
    let (a, b) = (&c.versions[0], &c.versions[1]);
    assert_eq!((a.id.as_str(), b.id.as_str()), ("a", "bb"));
    assert_eq!(b.outlet.as_deref(), Some("Daily Two"));
    assert_eq!(b.published.as_deref(), Some("2024-03-12"));
    assert_ne!(a.headline, b.headline);
    assert_eq!(a.segments, b.segments);
    assert_eq!(a.attributions, b.attributions);
    assert_eq!((a.kept, a.reused), (b.kept, b.reused));
}

/// Versions are read in parallel and numbered in order: the comparison is the same on one
/// thread as on several.
#[test]
fn a_comparison_does_not_depend_on_the_thread_count() {
    let reordered: String = REF.lines().rev().collect::<Vec<_>>().join("\n");
    let texts = [
        REF.replace("Murmansk", "Arkhangelsk"),
        reordered,
        format!("Our own reporter adds a line.\n{REF}"),
        REF.lines().take(2).collect::<Vec<_>>().join("\n"),
        "An unrelated story about fishing quotas in Iceland.".to_string(),
    ];
    let versions: Vec<Doc> = texts
        .iter()
        .enumerate()
        .map(|(k, t)| doc(&format!("v{k}"), t))
        .collect();
    let on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| compare(&doc("r", REF), &versions, &AlignParams::default()))
    };
    let one = on(1);
    assert_eq!(one.versions.len(), texts.len());
    assert_eq!(one, on(4));
}

#[test]
fn identical_version_is_all_same() {
    let c = compare(&doc("r", REF), &[doc("v", REF)], &AlignParams::default());
    let v = &c.versions[0];
    assert_eq!(ops(v), vec![Op::Same; 4]);
    assert_eq!((v.kept, v.reused, v.verbatim), (1.0, 1.0, 1.0));
    assert!(
        v.attributions
            .iter()
            .all(|a| a.fate == attribution::Fate::Kept)
    );
    assert!(v.furniture.is_empty());
}

/// A hard-wrapped copy (old wire feeds, Reuters-21578: a line break every 60-70 characters, an
/// indent opening each paragraph) is the same story: its sentences run over lines.
#[test]
fn a_hard_wrapped_copy_is_the_same_story() {
    let wrapped = "MOSCOW, March 14 (Reuters) - Russia and Norway agreed to resume\n\
        fishing talks in April.\n    \
        Citing the Foreign Ministry, RIA Novosti said the first round would\n\
        be held in Murmansk. Scientists warned that cod stocks in the\n\
        Barents Sea had fallen to a thirty-year low.\n    \
        Fishing crews in Tromso welcomed the news after months in harbour.";
    let c = compare(
        &doc("r", REF),
        &[doc("v", wrapped)],
        &AlignParams::default(),
    );
    let v = &c.versions[0];
    assert_eq!(ops(v), vec![Op::Same; 4]);
    assert_eq!((v.kept, v.verbatim), (1.0, 1.0));
    assert!(
        v.attributions
            .iter()
            .all(|a| a.fate == attribution::Fate::Kept)
    );
}

#[test]
fn bottom_trim_is_a_cut() {
    let trimmed = "MOSCOW, March 14 (Reuters) - Russia and Norway agreed to resume fishing talks in April.\n\
        Citing the Foreign Ministry, RIA Novosti said the first round would be held in Murmansk.";
    let c = compare(
        &doc("r", REF),
        &[doc("v", trimmed)],
        &AlignParams::default(),
    );
    let v = &c.versions[0];
    assert_eq!(ops(v), vec![Op::Same, Op::Same, Op::Trimmed, Op::Trimmed]);
    assert!(v.segments[2].cut && v.segments[3].cut);
    assert_eq!(v.cut_at, Some(2));
    assert!(v.kept < 0.6 && v.reused == 1.0);
}

/// `kept` counts the reference's words, not its sentences: a copy that keeps every sentence but
/// cuts the end of each has kept only the words it has; words replaced by others are kept
/// (reworded), those cut with nothing in their place are not.
#[test]
fn words_cut_inside_kept_sentences_are_not_kept() {
    let reference = "The central bank raised its main interest rate by half a point on Thursday, \
        citing stubborn inflation in services.\n\
        Governor Anna Berg told reporters that further increases could follow by the summer.";
    let kept_of = |version: &str| {
        let c = compare(
            &doc("r", reference),
            &[doc("v", version)],
            &AlignParams::default(),
        );
        let v = c.versions[0].clone();
        assert_eq!(ops(&v)[0], Op::Reworded, "{version}");
        assert_eq!((v.counts.trimmed, v.counts.added), (0, 0), "{version}");
        (v.kept, v.verbatim, c.reference.words)
    };
    // 19 + 13 words; the ends cut: 5 and 3 gone.
    let (kept, verbatim, words) = kept_of(
        "The central bank raised its main interest rate by half a point on Thursday.\n\
         Governor Anna Berg told reporters that further increases could follow.",
    );
    assert_eq!(words, 32);
    let share = |n: f32| (n / 32.0 * 10_000.0).round() / 10_000.0;
    assert_eq!((kept, verbatim), (share(24.0), share(24.0)));
    // Words replaced one for one are reworded, and kept: all 32, 30 word for word.
    let (kept, verbatim, _) = kept_of(
        "The central bank lifted its main interest rate by half a point on Thursday, \
         citing stubborn inflation in services.\n\
         Governor Anna Berg told journalists that further increases could follow by the summer.",
    );
    assert_eq!((kept, verbatim), (1.0, share(30.0)));
    // Four words replaced by one (`citing stubborn inflation in` -> `blaming`): three cut.
    let (kept, _, _) = kept_of(
        "The central bank raised its main interest rate by half a point on Thursday, \
         blaming services.\n\
         Governor Anna Berg told reporters that further increases could follow by the summer.",
    );
    assert_eq!(kept, share(29.0));
}

#[test]
fn reworded_moved_added_and_dropped_credit() {
    let version = "Scientists warned that cod stocks in the Barents Sea had fallen to a thirty-year low.\n\
        Russia and Norway have agreed to restart their fishing talks in April.\n\
        The first round would be held in Murmansk.\n\
        Our own harbour will feel the effects of any deal.";
    let c = compare(
        &doc("r", REF),
        &[doc("v", version)],
        &AlignParams::default(),
    );
    let v = &c.versions[0];
    let by_op = |op| v.segments.iter().filter(|s| s.op == op).count();
    assert_eq!(by_op(Op::Moved), 1, "{:?}", ops(v));
    assert_eq!(by_op(Op::Reworded), 2);
    assert_eq!(by_op(Op::Added), 1);
    assert_eq!(by_op(Op::Trimmed), 1);
    // The dateline's Reuters credit first; it and the two credits of the lead are dropped,
    // while the scientists' warning, moved to the top, keeps its credit.
    assert_eq!(v.attributions.len(), 4);
    for a in &v.attributions {
        let expected = if a.reference.source == "Scientists" {
            attribution::Fate::Kept
        } else {
            attribution::Fate::Dropped
        };
        assert_eq!(a.fate, expected, "{}", a.reference.source);
    }
    assert_eq!(v.attributions[0].reference.source, "Reuters");
    assert_eq!(
        v.attributions[0].reference.cue_kind,
        attribution::Cue::Dateline
    );
    let rew = v.segments.iter().find(|s| s.op == Op::Reworded).unwrap();
    assert!(
        rew.changes
            .iter()
            .any(|c| c.tag == Tag::Insert && c.text.contains("restart"))
    );
    assert_eq!(v.furniture.dateline_now, None);
    assert_eq!(
        v.furniture.dateline_was.as_deref(),
        Some("MOSCOW, March 14 (Reuters) -")
    );
}

#[test]
fn dateline_credits_kept_replaced_dropped_or_moved_into_the_text() {
    let fates = |version: &str| {
        let c = compare(
            &doc("r", REF),
            &[doc("v", version)],
            &AlignParams::default(),
        );
        assert_eq!(c.reference.dateline_credits.len(), 1);
        let v = &c.versions[0];
        let dateline = v
            .attributions
            .iter()
            .find(|a| a.reference.cue_kind == attribution::Cue::Dateline)
            .expect("the reference's dateline credit has a fate");
        assert_eq!(dateline.sentence, None, "a dateline stands in no sentence");
        (
            dateline.fate,
            dateline.version.as_ref().map(|a| a.source.clone()),
            v.added_attributions.len(),
        )
    };
    let story = REF.split_once(" - ").unwrap().1;
    use attribution::Fate::*;
    assert_eq!(
        fates(&format!("MOSCOW (Reuters) - {story}")),
        (Kept, Some("Reuters".into()), 0)
    );
    assert_eq!(
        fates(&format!("MOSCOW (AP) - {story}")),
        (Replaced, Some("AP".into()), 0)
    );
    assert_eq!(
        fates(&format!("MOSCOW (Our Correspondent) - {story}")),
        (Replaced, Some("Our Correspondent".into()), 0)
    );
    assert_eq!(fates(&format!("MOSCOW - {story}")), (Dropped, None, 0));
    assert_eq!(fates(story), (Dropped, None, 0));
    // Moved into the text: reworded, and not counted as an added credit.
    let (lead, rest) = story.split_once('\n').unwrap();
    let moved = format!("{}, Reuters reported.\n{rest}", lead.trim_end_matches('.'));
    assert_eq!(fates(&moved), (Reworded, Some("Reuters".into()), 0));
}

#[test]
fn a_different_sentence_on_the_same_topic_does_not_align() {
    let other = "Fishing talks between the two countries have often broken down over Svalbard.";
    let c = compare(&doc("r", REF), &[doc("v", other)], &AlignParams::default());
    assert_eq!(c.versions[0].counts.added, 1);
    assert_eq!(c.versions[0].counts.trimmed, 4);
}

#[test]
fn empty_and_other_script_versions_do_not_panic() {
    let c = compare(
        &doc("r", REF),
        &[doc("e", ""), doc("u", "پاکستان نے میچ جیتا۔")],
        &AlignParams::default(),
    );
    assert_eq!(c.versions[0].kept, 0.0);
    assert_eq!(c.versions[0].reused, 0.0);
    assert_eq!(c.versions[1].counts.added, 1);
    let c = compare(&doc("r", ""), &[doc("e", "")], &AlignParams::default());
    assert!(c.versions[0].segments.is_empty());
}

#[test]
fn coarse_diff_keeps_common_ends() {
    let ops = coarse_diff(&[1, 2, 3, 4, 5], &[1, 2, 9, 5]);
    assert_eq!(
        ops,
        vec![
            DiffOp::Equal {
                old_index: 0,
                new_index: 0,
                len: 2
            },
            DiffOp::Replace {
                old_index: 2,
                old_len: 2,
                new_index: 2,
                new_len: 1
            },
            DiffOp::Equal {
                old_index: 4,
                new_index: 3,
                len: 1
            },
        ]
    );
    assert_eq!(
        coarse_diff(&[1, 2], &[1, 2]),
        vec![DiffOp::Equal {
            old_index: 0,
            new_index: 0,
            len: 2
        }]
    );
}

#[test]
fn long_texts_align_through_rare_words() {
    // 700 distinct sentences each side: beyond ALL_PAIRS, still aligned one to one.
    let text: String = (0..700)
        .map(|i| format!("Report number w{i}a lists item w{i}b today.\n"))
        .collect();
    let c = compare(
        &doc("r", Box::leak(text.clone().into_boxed_str())),
        &[doc("v", Box::leak(text.into_boxed_str()))],
        &AlignParams::default(),
    );
    assert_eq!(c.versions[0].counts.same, 700);
}

#[test]
fn long_texts_find_sentences_made_of_common_words_wherever_they_moved() {
    // 700 sentences; every fifth is made of ten of forty common words only (no two alike),
    // each word in more than RARE_HOLDERS sentences (the others hold five common words and two
    // of their own). The version moves the last 250 sentences to the top, out of the second
    // chance's reach, so each must be found by its words.
    let common: Vec<String> = (0..40).map(|k| format!("c{k}")).collect();
    let sentences: Vec<String> = (0..700usize)
        .map(|i| {
            let q = i / 5;
            let step = [1, 3, 7, 9, 11, 13, 17, 19][q % 8];
            let pick = |k: usize| common[(q / 8 + q + k * step) % 40].as_str();
            if i % 5 == 0 {
                let words: Vec<&str> = (0..10).map(pick).collect();
                format!("Then {}.", words.join(" "))
            } else {
                let words: Vec<&str> = (0..5).map(|k| pick(k + i % 5)).collect();
                format!("Report w{i}a lists w{i}b {}.", words.join(" "))
            }
        })
        .collect();
    let reference = sentences.join("\n");
    let version = [&sentences[450..], &sentences[..450]].concat().join("\n");
    let c = compare(
        &doc("r", &reference),
        &[doc("v", &version)],
        &AlignParams::default(),
    );
    let v = &c.versions[0];
    assert_eq!(
        (v.counts.trimmed, v.counts.added),
        (0, 0),
        "every sentence found: {:?}",
        v.counts
    );
    assert_eq!((v.counts.same, v.counts.moved), (450, 250));
}

#[test]
fn longest_increasing_run() {
    assert_eq!(longest_increasing(&[0, 3, 1, 2]), vec![0, 2, 3]);
    assert_eq!(longest_increasing(&[]), Vec::<usize>::new());
    assert_eq!(longest_increasing(&[2, 1, 0]).len(), 1);
}

#[test]
fn chinese_credits_are_kept_reworded_or_dropped() {
    let wire =
        "俄罗斯和挪威同意在四月恢复渔业谈判。据俄罗斯外交部消息，第一轮谈判将在摩尔曼斯克举行。";
    let kept =
        "挪威和俄罗斯同意在四月恢复渔业谈判。据俄罗斯外交部消息，首轮谈判将在摩尔曼斯克举行。";
    let reworded = "俄罗斯和挪威同意在四月恢复渔业谈判。外交部表示，第一轮谈判将在摩尔曼斯克举行。";
    let dropped = "俄罗斯和挪威同意在四月恢复渔业谈判。第一轮谈判将在摩尔曼斯克举行。";
    use attribution::Fate::*;
    assert_eq!(
        credit_fates(wire, &[kept, reworded, dropped]),
        [vec![Kept], vec![Reworded], vec![Dropped]]
    );
}

/// Each version's credits as (the reference's source, its fate).
fn source_fates(c: &Comparison) -> Vec<Vec<(String, attribution::Fate)>> {
    c.versions
        .iter()
        .map(|v| {
            v.attributions
                .iter()
                .map(|a| (a.reference.source.clone(), a.fate))
                .collect()
        })
        .collect()
}

/// The fate of each of `wire`'s credits in each of `versions`.
fn credit_fates(wire: &str, versions: &[&str]) -> Vec<Vec<attribution::Fate>> {
    let versions: Vec<Doc> = versions.iter().map(|v| doc("v", v)).collect();
    let c = compare(&doc("wire", wire), &versions, &AlignParams::default());
    c.versions
        .iter()
        .map(|v| v.attributions.iter().map(|a| a.fate).collect())
        .collect()
}

#[test]
fn a_chinese_dateline_credit_is_kept_or_given_to_the_papers_own_desk() {
    let story = "俄罗斯和挪威同意在四月恢复渔业谈判。第一轮谈判将在摩尔曼斯克举行。";
    let wire = format!("新华社莫斯科4月1日电 {story}");
    let kept = format!("新华社莫斯科4月1日电 {story}");
    let own = format!("本报莫斯科4月1日讯 {story}");
    let c = compare(
        &doc("wire", &wire),
        &[doc("a", &kept), doc("b", &own)],
        &AlignParams::default(),
    );
    // The dateline is furniture: the story is the same in both.
    assert!(c.versions.iter().all(|v| v.counts.same == 2));
    let fates: Vec<_> = c
        .versions
        .iter()
        .map(|v| {
            let a = &v.attributions[0];
            assert_eq!(a.reference.source, "新华社");
            (
                a.fate,
                a.version.as_ref().map(|x| (x.source.clone(), x.kind)),
            )
        })
        .collect();
    use attribution::Fate::*;
    use attribution::SourceKind::*;
    assert_eq!(
        fates,
        [
            (Kept, Some(("新华社".to_string(), Agency))),
            (Replaced, Some(("本报".to_string(), Staff)))
        ]
    );
}

#[test]
fn russian_credits_are_kept_replaced_or_dropped_and_the_dateline_read() {
    let lead = "Россия и Норвегия договорились возобновить переговоры о рыболовстве в апреле.";
    let cod = "Запасы трески в Баренцевом море сократились до минимума за десять лет.";
    let wire = format!(
        "МОСКВА, 5 дек — РИА Новости. {lead} Первый раунд пройдет в Мурманске, сообщили в МИД России. {cod}"
    );
    let kept = format!(
        "МОСКВА, 5 декабря. /ТАСС/. {lead} Первый раунд пройдет в Мурманске, сообщили в МИД России. {cod}"
    );
    let replaced = format!("{lead} Первый раунд пройдет в Мурманске, сообщает ТАСС. {cod}");
    let dropped = format!("{lead} Первый раунд пройдет в Мурманске. {cod}");
    let c = compare(
        &doc("wire", &wire),
        &[doc("a", &kept), doc("b", &replaced), doc("c", &dropped)],
        &AlignParams::default(),
    );
    assert_eq!(c.reference.dateline_credits.len(), 1);
    assert_eq!(c.reference.dateline_credits[0].source, "РИА Новости");
    let fates = source_fates(&c);
    use attribution::Fate::*;
    let ria = "РИА Новости".to_string();
    let mid = "МИД России".to_string();
    assert_eq!(
        fates,
        [
            // The dateline now credits TASS; the ministry is still cited. The second drops
            // the dateline and credits TASS in the ministry's place; the third drops both.
            vec![(ria.clone(), Replaced), (mid.clone(), Kept)],
            vec![(ria.clone(), Dropped), (mid.clone(), Replaced)],
            vec![(ria, Dropped), (mid, Dropped)],
        ]
    );
    let instead = c.versions[1].attributions[1].version.as_ref();
    assert_eq!(instead.map(|a| a.source.as_str()), Some("ТАСС"));
    assert!(c.versions[1].added_attributions.is_empty());
    // The dateline is furniture: every version keeps the story's first sentence as it was.
    assert!(c.versions.iter().all(|v| ops(v).first() == Some(&Op::Same)));
}

/// A lead sentence credited by `credits[0]` in the wire copy; one version credits it with
/// `credits[1]` (the same source, another cue), one with `credits[2]` (another source), one not
/// at all. Asserts the three fates: reworded, replaced, dropped.
fn assert_credit_kept_replaced_dropped(lead: &str, cod: &str, credits: [&str; 3]) {
    let [wire, kept, replaced] = credits.map(|credit| format!("{lead}, {credit}. {cod}"));
    let dropped = format!("{lead}. {cod}");
    use attribution::Fate::*;
    assert_eq!(
        credit_fates(&wire, &[&kept, &replaced, &dropped]),
        [vec![Reworded], vec![Replaced], vec![Dropped]]
    );
}

#[test]
fn french_credits_are_kept_reworded_replaced_or_dropped() {
    // `a rapporté` (reported) became `a indiqué` (said): the same agency, credited otherwise.
    assert_credit_kept_replaced_dropped(
        "La Russie et la Norvège ont convenu de reprendre en avril les négociations sur la pêche",
        "Les stocks de cabillaud ont atteint leur plus bas niveau depuis dix ans.",
        [
            "a rapporté l'agence Interfax",
            "a indiqué l'agence Interfax",
            "rapporte l'agence Reuters",
        ],
    );
}

#[test]
fn german_credits_are_kept_reworded_replaced_or_dropped() {
    // `berichtete` (reported) became `sagte` (said): the same agency, credited otherwise.
    assert_credit_kept_replaced_dropped(
        "Russland und Norwegen wollen die Gespräche über die Fischerei im April fortsetzen",
        "Die Bestände des Kabeljaus sind so niedrig wie seit zehn Jahren nicht.",
        [
            "berichtete die Nachrichtenagentur Interfax",
            "sagte die Agentur Interfax",
            "meldete die Deutsche Presse-Agentur",
        ],
    );
}

#[test]
fn italian_credits_are_kept_reworded_replaced_or_dropped() {
    // `ha riferito` (reported) became `ha detto` (said): the same agency, credited otherwise.
    assert_credit_kept_replaced_dropped(
        "La Russia e la Norvegia hanno deciso di riprendere ad aprile i negoziati sulla pesca",
        "Gli stock di merluzzo sono al livello più basso degli ultimi dieci anni.",
        [
            "ha riferito l'agenzia Interfax",
            "ha detto l'agenzia Interfax",
            "riferisce l'agenzia Reuters",
        ],
    );
}

#[test]
fn portuguese_credits_are_kept_reworded_replaced_or_dropped() {
    // `noticiou` (reported) became `disse` (said): the same agency, credited otherwise.
    assert_credit_kept_replaced_dropped(
        "A Rússia e a Noruega decidiram retomar em abril as negociações sobre a pesca",
        "Os stocks de bacalhau estão no nível mais baixo dos últimos dez anos.",
        [
            "noticiou a agência Interfax",
            "disse a agência Interfax",
            "noticiou a agência Lusa",
        ],
    );
}

#[test]
fn dutch_credits_are_kept_reworded_replaced_or_dropped() {
    // `meldde` (reported) became `zei` (said): the same agency, credited otherwise.
    assert_credit_kept_replaced_dropped(
        "Rusland en Noorwegen hebben besloten de gesprekken over de visserij in april te hervatten",
        "De kabeljauwbestanden zijn op het laagste niveau in tien jaar.",
        [
            "meldde persbureau Interfax",
            "zei persbureau Interfax",
            "meldde persbureau ANP",
        ],
    );
}

/// A credit the version moved into another of its sentences is kept there, not dropped from
/// one sentence and added to another; one the version gives nowhere is still dropped.
#[test]
fn a_credit_moved_to_another_sentence_is_kept() {
    let wire = "Citing the Russian Foreign Ministry, RIA Novosti said on Friday that talks on fishing quotas in the Barents Sea would resume in April. The first round will be held in Murmansk and led by deputy ministers from both sides.";
    let moved = "Talks on fishing quotas in the Barents Sea will resume in April, the Russian Foreign Ministry said. The first round will be held in Murmansk and led by deputy ministers from both sides, RIA Novosti said on Friday.";
    let gone = "Talks on fishing quotas in the Barents Sea will resume in April. The first round will be held in Murmansk and led by deputy ministers from both sides.";
    let versions = [doc("moved", moved), doc("gone", gone)];
    let c = compare(&doc("wire", wire), &versions, &AlignParams::default());
    use attribution::Fate::*;
    let fates = source_fates(&c);
    assert_eq!(
        fates,
        [
            vec![
                ("the Russian Foreign Ministry".to_string(), Reworded),
                ("RIA Novosti".to_string(), Kept)
            ],
            vec![
                ("the Russian Foreign Ministry".to_string(), Dropped),
                ("RIA Novosti".to_string(), Dropped)
            ]
        ]
    );
    assert!(c.versions[0].added_attributions.is_empty());
}

/// A pronoun's credit is whom it refers to: a copy that names the speaker where the wire wrote
/// `he` keeps the credit, one that keeps `he` where the name was cut keeps it too, one that
/// drops `he said` drops it.
#[test]
fn a_pronoun_credits_whom_it_refers_to() {
    let wire = "Finance Minister John Smith said on Friday that the budget would be cut by a tenth in April. The cuts will fall hardest on defence and on roads, he said.";
    let named = "The budget will be cut by a tenth in April. The cuts will fall hardest on defence and on roads, Smith said.";
    let kept_he = "The cuts will fall hardest on defence and on roads, he said.";
    let gone = "Finance Minister John Smith said on Friday that the budget would be cut by a tenth in April. The cuts will fall hardest on defence and on roads.";
    let versions = [doc("named", named), doc("kept", kept_he), doc("gone", gone)];
    let c = compare(&doc("wire", wire), &versions, &AlignParams::default());
    let credits: Vec<_> = c
        .reference
        .attributions
        .iter()
        .map(|(i, a)| (*i, a))
        .collect();
    assert_eq!(credits.len(), 2);
    assert_eq!(
        (credits[1].0, credits[1].1.source.as_str()),
        (1, "Finance Minister John Smith")
    );
    assert_eq!(credits[1].1.pronoun.as_deref(), Some("he"));
    use attribution::Fate::*;
    let smith = || "Finance Minister John Smith".to_string();
    assert_eq!(
        source_fates(&c),
        [
            vec![(smith(), Dropped), (smith(), Kept)],
            // The fates of the version's sentences first, then those of the cut ones.
            vec![(smith(), Kept), (smith(), Trimmed)],
            vec![(smith(), Kept), (smith(), Dropped)],
        ]
    );
    for v in &c.versions {
        assert!(v.added_attributions.is_empty(), "{}", v.id);
    }
    // Each fate says which reference sentence its credit stands in.
    let sentences: Vec<Vec<Option<usize>>> = c
        .versions
        .iter()
        .map(|v| v.attributions.iter().map(|a| a.sentence).collect())
        .collect();
    assert_eq!(
        sentences,
        [[Some(0), Some(1)], [Some(1), Some(0)], [Some(0), Some(1)]]
    );
}
