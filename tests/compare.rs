//! `copydesk compare` and `dedup --diffs`, end to end, on the shipped corpus: every edit the
//! team made to every outlet version is named, and nothing else is.

use serde_json::Value;

mod common;
use common::{
    copydesk, read_jsonl, repo, utf16_with_bom, wire as corpus, wire_with_pinewood_copy, world,
};

fn compare_json(ids: &[&str], extra: &[&str]) -> Value {
    compare_json_in(&corpus(), ids, extra)
}

/// `compare --format json` of the records `ids` of the JSONL corpus `input`.
fn compare_json_in(input: &std::path::Path, ids: &[&str], extra: &[&str]) -> Value {
    let out = copydesk()
        .args([
            "compare",
            "--input",
            input.to_str().unwrap(),
            "--ids",
            &ids.join(","),
            "--format",
            "json",
        ])
        .args(extra)
        .assert()
        .success()
        .get_output()
        .clone();
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

/// One version's edits in a line: every op other than `same` with its count, the cut, the
/// furniture changes, every credit whose fate is not `kept`, and a headline not kept.
fn edits(v: &Value) -> String {
    let mut parts = Vec::new();
    for op in ["reworded", "moved", "trimmed", "added"] {
        let n = v["counts"][op].as_u64().unwrap();
        if n > 0 {
            parts.push(format!("{op} {n}"));
        }
    }
    if let Some(cut) = v.get("cut_at") {
        parts.push(format!("cut at {cut}"));
    }
    let f = &v["furniture"];
    if let Some(now) = f.get("dateline_now") {
        parts.push(format!("dateline now {}", now.as_str().unwrap()));
    } else if f.get("dateline_was").is_some() {
        parts.push("dateline dropped".into());
    }
    for a in f
        .get("added")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        parts.push(format!("furniture added {}", a.as_str().unwrap()));
    }
    // A credit by its source, and "(dateline)" when the dateline gives it.
    let credit = |a: &Value| {
        let source = a["source"].as_str().unwrap();
        if a["cue_kind"] == "dateline" {
            format!("{source} (dateline)")
        } else {
            source.to_string()
        }
    };
    for a in v["attributions"].as_array().unwrap() {
        let fate = a["fate"].as_str().unwrap();
        if fate != "kept" {
            let now = a
                .get("version")
                .map_or(String::new(), |n| format!(" -> {}", credit(n)));
            parts.push(format!("{} {fate}{now}", credit(&a["reference"])));
        }
    }
    for a in v["added_attributions"].as_array().unwrap() {
        parts.push(format!("{} added", credit(a)));
    }
    if v["headline"]["same"] == false {
        parts.push("headline changed".into());
    }
    parts.join("; ")
}

#[test]
fn every_edit_of_every_version_is_named_and_nothing_else() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "fish-reuters",
            &[
                (
                    "fish-harbour-times",
                    "trimmed 5; cut at 5; dateline now Moscow, March 14 —; Reuters (dateline) dropped; Norway's fisheries ministry trimmed; a ministry spokeswoman trimmed; Scientists trimmed; headline changed",
                ),
                (
                    "fish-valley-courier",
                    "trimmed 8; cut at 2; Deputy Foreign Minister Pavel Sorokin trimmed; Norway's fisheries ministry trimmed; a ministry spokeswoman trimmed; Scientists trimmed; headline changed",
                ),
                (
                    "fish-daily-meridian",
                    "reworded 1; dateline dropped; Reuters (dateline) dropped; headline changed",
                ),
                (
                    "fish-capital-digest",
                    "reworded 1; Russian news agency RIA Novosti reworded -> RIA Novosti",
                ),
                (
                    "fish-northern-ledger",
                    "reworded 1; the Russian Foreign Ministry dropped; Russian news agency RIA Novosti dropped; headline changed",
                ),
                (
                    "fish-lakeside-gazette",
                    "added 1; furniture added Follow us on Facebook for more news from the fishing industry.; headline changed",
                ),
                ("fish-evening-post", "moved 3"),
                (
                    "fish-metro-morning",
                    "reworded 1; Russian news agency RIA Novosti replaced -> Russian news agency TASS",
                ),
            ],
        ),
        (
            "quake-ap",
            &[
                (
                    "quake-coastal-herald",
                    "trimmed 5; cut at 7; The regional power company trimmed; The navy's hydrographic office trimmed; headline changed",
                ),
                (
                    "quake-city-bulletin",
                    "trimmed 9; cut at 3; Marta Ilves trimmed; Civil protection chief Tomas Rebane trimmed; The regional power company trimmed; The navy's hydrographic office trimmed; headline changed",
                ),
                (
                    "quake-daily-meridian",
                    "reworded 1; dateline dropped; AP (dateline) dropped; headline changed",
                ),
                ("quake-capital-digest", "reworded 1; AP added"),
                (
                    "quake-northern-ledger",
                    "reworded 1; Civil protection chief Tomas Rebane dropped; headline changed",
                ),
                (
                    "quake-lakeside-gazette",
                    "added 2; furniture added Follow us on Facebook for more news from the fishing industry.; headline changed",
                ),
                ("quake-evening-post", "moved 5"),
            ],
        ),
    ];
    for (reference, versions) in cases {
        let mut ids = vec![*reference];
        ids.extend(versions.iter().map(|v| v.0));
        let c = compare_json(&ids, &[]);
        assert_eq!(c["schema"], "copydesk.compare/1");
        assert_eq!(c["reference"]["id"], *reference);
        for (v, (id, want)) in c["versions"]
            .as_array()
            .unwrap()
            .iter()
            .zip(versions.iter())
        {
            assert_eq!(v["id"], *id);
            assert_eq!(edits(v), *want, "{id}");
        }
    }
}

/// The Russian corpus: each version's changes to RIA Novosti's story, its credits among them
/// (a dateline's agency swapped or moved into the text, a ministry dropped or cited, TASS
/// credited instead).
#[test]
fn every_edit_of_every_russian_version_is_named_and_nothing_else() {
    let versions = [
        (
            "ferry-tass",
            "reworded 1; trimmed 2; cut at 7; dateline now МОСКВА, 5 декабря. /ТАСС/.; РИА Новости (dateline) replaced -> ТАСС (dateline)",
        ),
        (
            "ferry-severnaya",
            "reworded 1; trimmed 5; added 1; cut at 4; dateline dropped; РИА Новости (dateline) reworded -> РИА Новости; МИД России reworded -> МИД России; Климова trimmed; headline changed",
        ),
        ("ferry-rewrite", "reworded 1; МИД России dropped"),
        (
            "ferry-reordered",
            "reworded 1; moved 1; МИД России replaced -> ТАСС",
        ),
    ];
    let mut ids = vec!["ferry-ria"];
    ids.extend(versions.iter().map(|v| v.0));
    let c = compare_json_in(&repo("corpora/ru-wire.jsonl"), &ids, &[]);
    for (v, (id, want)) in c["versions"].as_array().unwrap().iter().zip(versions) {
        assert_eq!(v["id"], id);
        assert_eq!(edits(v), want, "{id}");
    }
}

#[test]
fn reworded_sentences_carry_their_word_changes() {
    let c = compare_json(
        &["fish-reuters", "fish-capital-digest", "fish-metro-morning"],
        &[],
    );
    let reworded = |v: &Value| -> Vec<(String, String)> {
        let seg = v["segments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["op"] == "reworded")
            .unwrap()
            .clone();
        seg["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["tag"].as_str().unwrap().to_string(),
                    c["text"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let digest = reworded(&c["versions"][0]);
    assert!(
        digest.contains(&(
            "insert".into(),
            "According to RIA Novosti, which cited".into()
        )),
        "{digest:?}"
    );
    let metro = reworded(&c["versions"][1]);
    assert_eq!(
        metro
            .iter()
            .filter(|c| c.0 != "equal")
            .cloned()
            .collect::<Vec<_>>(),
        vec![
            ("delete".into(), "RIA Novosti".into()),
            ("insert".into(), "TASS".into())
        ]
    );
}

#[test]
fn shares_tell_trims_from_additions() {
    let c = compare_json(
        &[
            "fish-reuters",
            "fish-valley-courier",
            "fish-lakeside-gazette",
            "fish-nordic-business",
        ],
        &[],
    );
    let v = c["versions"].as_array().unwrap();
    let f = |i: usize, k: &str| v[i][k].as_f64().unwrap();
    // A 30% excerpt keeps little of the source, and all of it is reused.
    assert!(f(0, "kept") < 0.35 && f(0, "reused") == 1.0);
    // A padded copy keeps everything and reuses most of its words.
    assert!(f(1, "kept") == 1.0 && f(1, "reused") > 0.85 && f(1, "reused") < 1.0);
    // An independent article on the same event shares one quote and a few stock phrases.
    assert!(
        f(2, "kept") < 0.15 && f(2, "reused") < 0.3,
        "{} {}",
        f(2, "kept"),
        f(2, "reused")
    );
    for i in 0..3 {
        assert!(f(i, "verbatim") <= f(i, "kept"));
    }
}

#[test]
fn reference_auto_picks_the_full_wire_copy() {
    let c = compare_json(
        &["fish-valley-courier", "fish-reuters", "fish-harbour-times"],
        &["--reference", "auto"],
    );
    assert_eq!(c["reference"]["id"], "fish-reuters");
    let ids: Vec<&str> = c["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["fish-valley-courier", "fish-harbour-times"]);
}

#[test]
fn text_files_and_views() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "Talks resume in April, TASS said. Crews welcomed the news.",
    )
    .unwrap();
    std::fs::write(&b, "Talks restart in April, TASS said.").unwrap();
    let text = copydesk()
        .args(["compare", a.to_str().unwrap(), b.to_str().unwrap()])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(!text.contains('\x1b'), "no colour off a terminal");
    assert!(
        text.contains("~ Talks [-resume-] {+restart+} in April"),
        "{text}"
    );
    assert!(text.contains("✂ Crews welcomed the news."), "{text}");
    let forced = copydesk()
        .args([
            "compare",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--color",
            "always",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8(forced.stdout).unwrap().contains('\x1b'));
    let sbs = copydesk()
        .args([
            "compare",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--format",
            "side-by-side",
        ])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(sbs.stdout)
            .unwrap()
            .contains(" | Talks restart in April, TASS said.")
    );
}

/// The fates of the reference's credits in each version (`source fate version's source`) when
/// `compare` is given `wire` and two versions of it, and how many credits each version added.
fn fates_of_credits(wire: &str, renamed: &str, other: &str) -> Vec<(Vec<String>, usize)> {
    let dir = world(&[
        ("wire.txt", wire.as_bytes()),
        ("renamed.txt", renamed.as_bytes()),
        ("other.txt", other.as_bytes()),
    ]);
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let out = copydesk()
        .args([
            "compare",
            &path("wire.txt"),
            &path("renamed.txt"),
            &path("other.txt"),
        ])
        .args(["--format", "json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let c: Value = serde_json::from_slice(&out.stdout).unwrap();
    c["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            let fates = v["attributions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| {
                    format!(
                        "{} {} {}",
                        a["reference"]["source"].as_str().unwrap(),
                        a["fate"].as_str().unwrap(),
                        a["version"]["source"].as_str().unwrap_or("-")
                    )
                })
                .collect();
            (fates, v["added_attributions"].as_array().unwrap().len())
        })
        .collect()
}

/// What each outlet did with a government's credit, end to end: `Moscow` for `the Kremlin` and
/// `Russia's Ministry of Foreign Affairs` for `the Russian Foreign Ministry` keep the credit
/// under another name; `Kyiv` and `China's foreign ministry` replace it with another
/// government's.
#[test]
fn a_government_named_otherwise_keeps_its_credit_and_another_replaces_it() {
    let versions = fates_of_credits(
        "The Kremlin said on Friday that talks on fishing quotas would resume in April. \
        The Russian Foreign Ministry said the first round would take place in Murmansk.",
        "Moscow said on Friday that talks on fishing quotas would resume in April. \
        Russia's Ministry of Foreign Affairs said the first round would take place in Murmansk.",
        "Kyiv said on Friday that talks on fishing quotas would resume in April. \
        China's foreign ministry said the first round would take place in Murmansk.",
    );
    assert_eq!(
        versions,
        [
            (
                vec![
                    "The Kremlin kept Moscow".to_string(),
                    "The Russian Foreign Ministry kept Russia's Ministry of Foreign Affairs".into()
                ],
                0
            ),
            (
                vec![
                    "The Kremlin replaced Kyiv".to_string(),
                    "The Russian Foreign Ministry replaced China's foreign ministry".into()
                ],
                0
            )
        ]
    );
}

/// Unnamed people and whose they are are one credit, however a copy joins them: `a Deutsche
/// Bank spokesman` and `BOJ officials` keep `a spokesman for Deutsche Bank` and `Officials at
/// the Bank of Japan` (none dropped, none added); another firm's spokesman and another bank's
/// officials replace them.
#[test]
fn unnamed_people_keep_their_credit_however_whose_they_are_is_joined() {
    let versions = fates_of_credits(
        "A spokesman for Deutsche Bank said the merger talks had ended on Friday. \
        Officials at the Bank of Japan said rates would stay low through the summer.",
        "A Deutsche Bank spokesman said the merger talks had ended on Friday. \
        BOJ officials said rates would stay low through the summer.",
        "A spokesman for Commerzbank said the merger talks had ended on Friday. \
        Officials at the Bank of Korea said rates would stay low through the summer.",
    );
    assert_eq!(
        versions,
        [
            (
                vec![
                    "A spokesman for Deutsche Bank kept A Deutsche Bank spokesman".to_string(),
                    "Officials at the Bank of Japan kept BOJ officials".into()
                ],
                0
            ),
            (
                vec![
                    "A spokesman for Deutsche Bank replaced A spokesman for Commerzbank"
                        .to_string(),
                    "Officials at the Bank of Japan replaced Officials at the Bank of Korea".into()
                ],
                0
            )
        ]
    );
}

/// An analyst named after her bank and her role is one credit, the analyst's: a copy naming her
/// in an aside after her name has kept it, one giving her words to the bank has dropped it (and
/// credits the bank), as one naming the bank's other people has.
#[test]
fn a_named_analyst_keeps_her_credit_and_her_bank_alone_does_not() {
    let versions = fates_of_credits(
        "Deutsche Bank analyst Jane Doe said the merger talks had ended on Friday. \
        Chase Manhattan Corp (CMB) president Thomas Labrecque said rates would stay low.",
        "Jane Doe, an analyst at Deutsche Bank, said the merger talks had ended on Friday. \
        Chase Manhattan president Thomas Labrecque said rates would stay low.",
        "Deutsche Bank said the merger talks had ended on Friday. \
        Chase Manhattan sources said rates would stay low.",
    );
    assert_eq!(
        versions,
        [
            (
                vec![
                    "Deutsche Bank analyst Jane Doe kept Jane Doe".to_string(),
                    "Chase Manhattan Corp (CMB) president Thomas Labrecque kept Chase Manhattan \
                     president Thomas Labrecque"
                        .into()
                ],
                0
            ),
            (
                vec![
                    "Deutsche Bank analyst Jane Doe dropped -".to_string(),
                    "Chase Manhattan Corp (CMB) president Thomas Labrecque dropped -".into()
                ],
                2
            )
        ]
    );
}

/// The same in Russian, where a name is declined and whose a body is may stand before or after
/// it: `в Москве` for `в Кремле`, `российском МИДе` and `Министерстве иностранных дел РФ` for
/// `МИД России` keep the credit; `в Киеве` and `МИД Китая` replace it.
#[test]
fn a_russian_government_named_otherwise_keeps_its_credit_and_another_replaces_it() {
    let versions = fates_of_credits(
        "В Кремле заявили, что переговоры о квотах на вылов трески возобновятся в апреле. \
        Первый раунд пройдет в Мурманске, сообщили в МИД России. \
        Делегации возглавят заместители министров, уточнили в МИД России.",
        "В Москве заявили, что переговоры о квотах на вылов трески возобновятся в апреле. \
        Первый раунд пройдет в Мурманске, сообщили в российском МИДе. \
        Делегации возглавят заместители министров, уточнили в Министерстве иностранных дел РФ.",
        "В Киеве заявили, что переговоры о квотах на вылов трески возобновятся в апреле. \
        Первый раунд пройдет в Мурманске, сообщили в МИД Китая. \
        Делегации возглавят заместители министров, уточнили в МИД Китая.",
    );
    assert_eq!(
        versions,
        [
            (
                vec![
                    "Кремле kept Москве".to_string(),
                    "МИД России kept российском МИДе".into(),
                    "МИД России kept Министерстве иностранных дел РФ".into()
                ],
                0
            ),
            (
                vec![
                    "Кремле replaced Киеве".to_string(),
                    "МИД России replaced МИД Китая".into(),
                    "МИД России replaced МИД Китая".into()
                ],
                0
            )
        ]
    );
}

/// A feed's copy with its markup (`<p>` tags, `&#8217;` for the apostrophe) is the same text
/// as the plain one: every sentence `same`, all of it kept word for word.
#[test]
fn a_copy_with_feed_markup_is_the_plain_text() {
    let dir = world(&[
        (
            "plain.txt",
            b"The minister's \"deal\" with AT&T was signed, officials said.\n\nCrews welcomed it.",
        ),
        (
            "fed.txt",
            b"<p>The minister&#8217;s &ldquo;deal&rdquo; with AT&amp;T was signed, officials \
              said.</p>\n\n<p>Crews welcomed it.<br/></p>",
        ),
    ]);
    let (plain, fed) = (dir.path().join("plain.txt"), dir.path().join("fed.txt"));
    let out = copydesk()
        .args(["compare", plain.to_str().unwrap(), fed.to_str().unwrap()])
        .args(["--format", "json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let version = &json["versions"][0];
    assert_eq!(version["verbatim"].as_f64(), Some(1.0), "{version}");
    assert_eq!(version["counts"]["same"], 2, "{version}");
}

#[test]
fn awkward_inputs_give_sensible_output() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    };
    let story = write(
        "story.txt",
        b"Talks resume in April, TASS said. Crews welcomed the news.",
    );
    let same = write(
        "same.txt",
        b"Talks resume in April, TASS said. Crews welcomed the news.",
    );
    let empty = write("empty.txt", b"");
    let urdu = write("urdu.txt", "پاکستان نے میچ جیتا۔ ٹیم خوش ہے۔".as_bytes());
    let out = copydesk()
        .args(["compare", &story, &same, &empty, &urdu, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let c: Value = serde_json::from_slice(&out.stdout).unwrap();
    let v = c["versions"].as_array().unwrap();
    assert_eq!(
        (v[0]["kept"].as_f64(), v[0]["verbatim"].as_f64()),
        (Some(1.0), Some(1.0))
    );
    assert_eq!(v[1]["kept"].as_f64(), Some(0.0));
    assert_eq!(v[2]["counts"]["added"], 2);
    // One text only, invalid UTF-8, a missing id: clear errors, no panic.
    copydesk()
        .args(["compare", &story])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("at least one version"));
    // Files saved by Windows editors: a UTF-8 byte order mark, or UTF-16, read as text.
    let text = std::fs::read_to_string(&story).unwrap();
    let with_bom = write("bom.txt", &[b"\xef\xbb\xbf", text.as_bytes()].concat());
    let utf16 = utf16_with_bom(&text);
    let utf16 = write("utf16.txt", &utf16);
    let out = copydesk()
        .args(["compare", &story, &with_bom, &utf16, "--format", "json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    for version in json["versions"].as_array().unwrap() {
        assert_eq!(version["verbatim"].as_f64(), Some(1.0), "{version}");
    }
    let bad = write("bad.txt", b"fine\nnot \xff fine");
    copydesk()
        .args(["compare", &story, &bad])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("bad.txt:2: invalid UTF-8"));
    copydesk()
        .args([
            "compare",
            "--input",
            corpus().to_str().unwrap(),
            "--ids",
            "fish-reuters,nope",
        ])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no record with id \"nope\""));
}

#[test]
fn a_lowercased_story_is_read_sentence_by_sentence() {
    // Corpora prepared for NLP are often lowercased: no capital marks a sentence's start.
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.txt");
    let moved = dir.path().join("moved.txt");
    std::fs::write(
        &story,
        "talks resume in april, tass said. crews in tromso welcomed the news. \
         the first round will be held in murmansk.",
    )
    .unwrap();
    std::fs::write(
        &moved,
        "crews in tromso welcomed the news. talks resume in april, tass said. \
         the first round will be held in murmansk.",
    )
    .unwrap();
    let out = copydesk()
        .args(["compare", story.to_str().unwrap(), moved.to_str().unwrap()])
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let c: Value = serde_json::from_slice(&out.stdout).unwrap();
    let v = &c["versions"][0];
    assert_eq!(v["segments"].as_array().unwrap().len(), 3);
    assert_eq!(
        (&v["counts"]["same"], &v["counts"]["moved"]),
        (&2.into(), &1.into())
    );
    assert_eq!(v["verbatim"].as_f64(), Some(1.0));
}

/// Wire copy as the old feeds and Reuters-21578 keep it, broken every 60-odd characters with an
/// indent opening each paragraph, is the story its re-flowed copy tells: every sentence `same`,
/// the terminal shows each sentence on one line, and JSON keeps the text as written.
#[test]
fn a_hard_wrapped_wire_copy_is_read_in_sentences_not_lines() {
    let dir = tempfile::tempdir().unwrap();
    let wrapped = dir.path().join("wire.txt");
    let flowed = dir.path().join("paper.txt");
    std::fs::write(
        &wrapped,
        "BONN, March 4 - AEG AG said it will cooperate with Intel on\n\
         the development of automation systems for factories and power\n\
         plants.\n    \
         The cooperation will centre on a new real-time operating system\n\
         with 32-bit microprocessors, AEG said at the Hanover trade fair.\n",
    )
    .unwrap();
    std::fs::write(
        &flowed,
        "AEG AG said it will cooperate with Intel on the development of automation systems for \
         factories and power plants.\n\
         The cooperation will centre on a new real-time operating system with 32-bit \
         microprocessors, AEG said at the Hanover trade fair.\n",
    )
    .unwrap();
    let (wrapped, flowed) = (wrapped.to_str().unwrap(), flowed.to_str().unwrap());
    let out = copydesk()
        .args(["compare", wrapped, flowed, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let c: Value = serde_json::from_slice(&out.stdout).unwrap();
    let v = &c["versions"][0];
    assert_eq!(v["counts"]["same"], 2, "{v}");
    assert_eq!(v["segments"].as_array().unwrap().len(), 2, "{v}");
    assert_eq!(v["verbatim"].as_f64(), Some(1.0));
    assert!(
        c["reference"]["sentences"][0]
            .as_str()
            .unwrap()
            .contains("Intel on\nthe development")
    );
    let text = copydesk()
        .args(["compare", wrapped, flowed])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("= AEG AG said it will cooperate with Intel on the development of automation systems for factories and power plants.\n"),
        "{text}"
    );
}

#[test]
fn dedup_diffs_describe_every_cluster() {
    let dir = tempfile::tempdir().unwrap();
    let diffs = dir.path().join("diffs.jsonl");
    copydesk()
        .args([
            "dedup",
            corpus().to_str().unwrap(),
            "--diffs",
            diffs.to_str().unwrap(),
        ])
        .assert()
        .success();
    let lines = read_jsonl(&diffs);
    assert_eq!(lines.len(), 2);
    for l in &lines {
        assert_eq!(l["schema"], "copydesk.compare/1");
        assert!(l["cluster"].is_u64());
    }
    let refs: Vec<&str> = lines
        .iter()
        .map(|l| l["reference"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(refs, vec!["fish-reuters", "quake-ap"]);
    assert_eq!(lines[0]["versions"].as_array().unwrap().len(), 8);
    assert_eq!(lines[1]["versions"].as_array().unwrap().len(), 7);
}

/// `dedup --outlets` tallies the diffs by outlet: each outlet's figures agree with its versions
/// in `--diffs`, the same with `--diffs` or without, from stdin or a file, on one thread or many.
#[test]
fn dedup_outlets_tally_the_diffs_by_outlet() {
    let dir = tempfile::tempdir().unwrap();
    let (diffs, outlets) = (dir.path().join("d.jsonl"), dir.path().join("o.jsonl"));
    copydesk()
        .args(["dedup", corpus().to_str().unwrap(), "--quiet"])
        .args(["--diffs", diffs.to_str().unwrap()])
        .args(["--outlets", outlets.to_str().unwrap()])
        .assert()
        .success();
    let alone = |threads: &str, stdin: bool| {
        let mut c = copydesk();
        c.env("RAYON_NUM_THREADS", threads);
        if stdin {
            c.args(["dedup", "-", "--outlets", "-"])
                .write_stdin(std::fs::read(corpus()).unwrap());
        } else {
            c.args(["dedup", corpus().to_str().unwrap(), "--outlets", "-"]);
        }
        c.assert().success().get_output().stdout.clone()
    };
    let written = std::fs::read(&outlets).unwrap();
    assert_eq!(written, alone("1", false));
    assert_eq!(written, alone("2", true));

    let diffs = read_jsonl(&diffs);
    let profiles = read_jsonl(&outlets);
    let outlets: Vec<&str> = profiles
        .iter()
        .map(|p| p["outlet"].as_str().unwrap())
        .collect();
    assert_eq!(
        outlets.len(),
        12,
        "the outlets of the two stories: {outlets:?}"
    );
    for p in &profiles {
        let outlet = &p["outlet"];
        let versions: Vec<&Value> = diffs
            .iter()
            .flat_map(|d| d["versions"].as_array().unwrap())
            .filter(|v| &v["outlet"] == outlet)
            .collect();
        let references = diffs
            .iter()
            .filter(|d| &d["reference"]["outlet"] == outlet)
            .count();
        assert_eq!(p["versions"], versions.len(), "{p}");
        assert_eq!(p["references"], references, "{p}");
        if versions.is_empty() {
            assert!(p["kept"].is_null(), "{p}");
            continue;
        }
        let mean = |f: &str| {
            versions.iter().map(|v| v[f].as_f64().unwrap()).sum::<f64>() / versions.len() as f64
        };
        for f in ["kept", "reused", "verbatim"] {
            assert!((p[f].as_f64().unwrap() - mean(f)).abs() < 1e-3, "{f}: {p}");
        }
        let cut = versions.iter().filter(|v| !v["cut_at"].is_null()).count();
        assert_eq!(p["cut_from_bottom"], cut, "{p}");
        for fate in ["kept", "reworded", "dropped", "replaced", "trimmed"] {
            let n = versions
                .iter()
                .flat_map(|v| v["attributions"].as_array().unwrap())
                .filter(|a| a["fate"] == fate)
                .count();
            assert_eq!(p["credits"][fate], n, "{fate}: {p}");
        }
    }
    let metro = profiles
        .iter()
        .find(|p| p["outlet"] == "Metro Morning")
        .unwrap();
    assert_eq!(
        metro["credited_instead"],
        serde_json::json!([{"source": "Russian news agency TASS", "times": 1}])
    );
}

#[test]
fn diffs_and_report_read_stdin_twice() {
    let input = std::fs::read(corpus()).unwrap();
    let out = copydesk()
        .args(["dedup", "-", "--diffs", "-"])
        .write_stdin(input.clone())
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("r.html");
    copydesk()
        .args(["report", "-", "--out", page.to_str().unwrap(), "--quiet"])
        .write_stdin(input)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(page)
            .unwrap()
            .matches("<script type=\"application/json\" id=\"cluster-")
            .count(),
        2
    );
}

/// `compare --input FILE --copies-of ID` with `extra` options: exit status, JSON, stderr.
fn copies_of(id: &str, extra: &[&str]) -> (i32, Value, String) {
    let out = copydesk()
        .args(["compare", "--input", corpus().to_str().unwrap()])
        .args(["--copies-of", id, "--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).expect("JSON output");
    let stderr = String::from_utf8(out.stderr).unwrap();
    (out.status.code().unwrap(), json, stderr)
}

/// The ids the corpus's labels put in the same story as `id`, `id` included.
fn labelled_story_of(id: &str) -> std::collections::BTreeSet<String> {
    let labels = read_jsonl(&repo("corpora/wire.labels.jsonl"));
    let story = |l: &Value| l["story"].as_str().unwrap().to_string();
    let of = labels.iter().find(|l| l["id"] == id).map(story).unwrap();
    labels
        .iter()
        .filter(|l| story(l) == of)
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn copies_of_an_article_are_its_labelled_story() {
    // A trimmed copy names the story; every labelled version of it is compared, the copy first.
    let (code, c, stderr) = copies_of("fish-harbour-times", &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(c["reference"]["id"], "fish-harbour-times");
    let mut ids: std::collections::BTreeSet<String> = c["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    assert!(ids.insert("fish-harbour-times".into()));
    assert_eq!(ids, labelled_story_of("fish-harbour-times"));
    assert!(stderr.contains("8 copies found"), "{stderr}");
    // The business-page piece quoting the story is named beside it, not among its versions.
    assert!(
        stderr.contains("related, not versions of this story (sharing passages with its representative, fish-reuters):\n  fish-nordic-business (Nordic Business Daily): 19% of it"),
        "{stderr}"
    );
    // `--reference auto`: the reconstructed source, the wire copy.
    let (_, c, _) = copies_of("fish-harbour-times", &["--reference", "auto", "-q"]);
    assert_eq!(c["reference"]["id"], "fish-reuters");
    assert_eq!(c["versions"].as_array().unwrap().len(), 8);
}

#[test]
fn an_article_without_copies_is_compared_with_nothing() {
    // The business-page piece quotes the wire story once but is not a copy of it.
    let (code, c, stderr) = copies_of("fish-nordic-business", &[]);
    assert_eq!(code, 0);
    assert_eq!(c["reference"]["id"], "fish-nordic-business");
    assert_eq!(c["versions"].as_array().unwrap().len(), 0);
    assert!(stderr.contains("no copies of it"), "{stderr}");
    // Its own story (itself) has the wire story beside it.
    assert!(stderr.contains("  fish-reuters (Reuters): "), "{stderr}");
}

#[test]
fn copies_of_needs_a_known_id_and_input_needs_a_choice() {
    copydesk()
        .args(["compare", "--input", corpus().to_str().unwrap()])
        .args(["--copies-of", "nope"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no record with id \"nope\""));
    copydesk()
        .args(["compare", "--input", corpus().to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("--ids"));
    copydesk()
        .args(["compare", "--copies-of", "fish-reuters"])
        .assert()
        .code(2);
}

#[test]
fn a_reader_that_stops_early_is_no_error() {
    // `copydesk compare ... | head -c 10`: the comparison is larger than a pipe holds, so the
    // write fails once the reader is gone; copydesk stops quietly.
    use std::io::Read;
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("copydesk"))
        .args(["compare", "--input", corpus().to_str().unwrap()])
        .args(["--copies-of", "fish-reuters", "--format", "json", "-q"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(&first[..1], b"{");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// A village paper runs the Reuters fishing story under its standing notice, as it does its five
/// briefs (the shipped corpus's Pinewood Weekly, and one more article): the notice is the
/// paper's furniture, named as such, not text the paper added to the story.
#[test]
fn an_outlets_standing_notice_is_furniture_in_its_diffs() {
    let dir = tempfile::tempdir().unwrap();
    let (input, notice) = wire_with_pinewood_copy(dir.path());
    let version = |c: &Value| -> Value {
        c["versions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["id"] == "fish-pinewood")
            .cloned()
            .expect("the copy is compared")
    };
    // The Pinewood version in `compare --input <corpus> ARGS --format json`.
    let compared = |args: &[&str]| -> Value {
        let out = copydesk()
            .args(["compare", "--input", input.to_str().unwrap()])
            .args(args)
            .args(["--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        version(&serde_json::from_slice(&out).unwrap())
    };
    let v = compared(&[
        "--copies-of",
        "fish-pinewood",
        "--reference",
        "fish-reuters",
    ]);
    assert_eq!(v["counts"]["added"], 0, "{v}");
    assert_eq!(v["reused"], 1.0, "{v}");
    assert_eq!(v["furniture"]["added"][0], notice.as_str(), "{v}");
    assert_eq!(
        v["furniture"]["notices"],
        serde_json::json!([notice]),
        "named a notice: {v}"
    );
    // The terminal view names it so too.
    let shown = copydesk()
        .args(["compare", "--input", input.to_str().unwrap()])
        .args([
            "--copies-of",
            "fish-pinewood",
            "--reference",
            "fish-reuters",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let shown = String::from_utf8(shown).unwrap();
    assert!(
        shown.contains(&format!(
            "standing notice of the outlet (boilerplate): {notice}"
        )),
        "{shown}"
    );
    // `dedup --diffs` says the same.
    let diffs = dir.path().join("diffs.jsonl");
    copydesk()
        .args(["dedup", input.to_str().unwrap(), "--quiet"])
        .args(["--diffs", diffs.to_str().unwrap()])
        .assert()
        .success();
    let fish = read_jsonl(&diffs)
        .into_iter()
        .find(|c| c["reference"]["id"] == "fish-reuters")
        .unwrap();
    assert_eq!(version(&fish), v);
    // Compared on its own, without the corpus that shows it is a notice, it is text the paper
    // added (its two sentences), and the paper's words are not all Reuters'.
    let alone = compared(&["--ids", "fish-reuters,fish-pinewood"]);
    assert_eq!(alone["counts"]["added"], 2, "{alone}");
    assert!(alone["reused"].as_f64().unwrap() < 0.9, "{alone}");
    assert!(alone["furniture"].get("added").is_none(), "{alone}");
    assert!(alone["furniture"].get("notices").is_none(), "{alone}");
}
