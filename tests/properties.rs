//! Property tests of the invariants: determinism across thread counts, every input record
//! accounted for exactly once, symmetric verification.

use std::io::Write;

use proptest::prelude::*;

use copydesk::ingest;
use copydesk::pipeline::{Corpus, Settings};
use copydesk::shingle::ShingleSet;
use copydesk::verify::Similarity;

/// A random corpus line: a story, an edited copy of an earlier story, or junk; stories and
/// copies come from one of three outlets, some ending in their outlet's disclaimer paragraph
/// (so that boilerplate is found and stripped).
#[derive(Clone, Debug)]
enum Line {
    Story(Vec<u8>),
    Copy {
        of: usize,
        keep: f64,
        reword_every: usize,
    },
    Junk(Vec<u8>),
}

fn line() -> impl Strategy<Value = (Line, u8)> {
    let line = prop_oneof![
        4 => prop::collection::vec(0u8..40, 0..120).prop_map(Line::Story),
        4 => (0usize..50, 0.2f64..1.0, 3usize..30).prop_map(|(of, keep, reword_every)| Line::Copy { of, keep, reword_every }),
        1 => prop::collection::vec(any::<u8>(), 0..30).prop_map(Line::Junk),
    ];
    // The outlet (tag % 3), and whether the text ends in the outlet's disclaimer (tag >= 3).
    (line, 0u8..6)
}

/// A credit's name of one to five words of those credits are made of.
fn credit_name() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &[
        "the",
        "The",
        "of",
        "for",
        "and",
        "Russian",
        "Russia's",
        "Ukrainian",
        "Kremlin",
        "Moscow",
        "Kyiv",
        "U.S.",
        "US",
        "UN",
        "United",
        "States",
        "Nations",
        "Foreign",
        "Defence",
        "Defense",
        "Ministry",
        "ministry",
        "Department",
        "Affairs",
        "government",
        "spokesman",
        "officials",
        "Pentagon",
        "MFA",
        "European",
        "Commission",
        "EU's",
        "executive",
        "Brussels",
        "Bank",
        "Japan",
        "BOJ",
        "RIA",
        "Novosti",
        "TASS",
        "news",
        "agency",
        "Reuters",
        "Sergei",
        "Lavrov",
        "al-Assad",
        "Assad",
        "President",
        "Smith",
        "Corp",
        "company",
        "firm",
        "armed",
        "forces",
        // Russian credits' words, declined: whose a body is stands before or after it.
        "МИД",
        "МИДе",
        "России",
        "российский",
        "российском",
        "Министерство",
        "иностранных",
        "дел",
        "РФ",
        "Кремль",
        "Кремля",
        "в",
        "Москве",
        "Китая",
        "власти",
        "пресс-служба",
        "США",
        // Whose people unnamed credits are.
        "Deutsche",
        "Commerzbank",
        "EPA",
        "economists",
        "sources",
        // People named after their firm and role (`Deutsche Bank analyst Tom Smith`).
        "analyst",
        "spokesman",
        "Tom",
        "Smith",
    ];
    prop::collection::vec(prop::sample::select(WORDS), 1..6).prop_map(|words| words.join(" "))
}

/// Two credits' names: two drawn alike, or the second made from the first as copies write it
/// (its capitalized words as initials, the rest kept; `the` before it; its last word left out).
fn credit_pair() -> impl Strategy<Value = (String, String)> {
    (credit_name(), credit_name(), 0u8..4).prop_map(|(a, other, how)| {
        let words: Vec<&str> = a.split(' ').collect();
        let b = match how {
            0 => other,
            1 => {
                let capitals = words
                    .iter()
                    .take_while(|w| w.starts_with(char::is_uppercase));
                let initials: String = capitals.clone().filter_map(|w| w.chars().next()).collect();
                let rest = &words[capitals.count()..];
                std::iter::once(initials.as_str())
                    .chain(rest.iter().copied())
                    .collect::<Vec<_>>()
                    .join(" ")
            }
            2 => format!("the {a}"),
            _ => words[..words.len().saturating_sub(1).max(1)].join(" "),
        };
        (a, b)
    })
}

/// Two unnamed credits as wire copy writes them: a determiner or none, whose people they are
/// (a government, a firm, nobody), and who (`a Deutsche Bank spokesman`, `U.S. officials`), or
/// whose after who, joined (`a spokesman for Deutsche Bank`, `officials at the White House`).
fn unnamed_pair() -> impl Strategy<Value = (String, String)> {
    const DETERMINERS: &[&str] = &["", "a", "A", "some", "the"];
    const WHOSE: &[&str] = &[
        "",
        "U.S.",
        "American",
        "Russian",
        "Kremlin",
        "White House",
        "Deutsche Bank",
        "Commerzbank",
        "EPA",
        "Western",
        "trade",
    ];
    const WHO: &[&str] = &[
        "spokesman",
        "spokeswoman",
        "officials",
        "authorities",
        "sources",
        "economists",
    ];
    const JOINED: &[&str] = &["", "for", "at the", "of"];
    let credit = (
        prop::sample::select(DETERMINERS),
        prop::sample::select(WHOSE),
        prop::sample::select(WHO),
        prop::sample::select(JOINED),
    )
        .prop_map(|(determiner, whose, who, joined)| {
            let words = if joined.is_empty() || whose.is_empty() {
                [determiner, whose, who, ""]
            } else {
                [determiner, who, joined, whose]
            };
            words
                .into_iter()
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        });
    (credit.clone(), credit)
}

/// Outlet `o`'s record of `text`, ending in its disclaimer when `tag` says so.
fn record(i: usize, text: &str, tag: u8) -> Vec<u8> {
    let o = tag % 3;
    let text = if tag >= 3 {
        format!(
            "{text}\n\nOutlet {o} disclaimer: reports are published as received and the desk reviews every complaint."
        )
    } else {
        text.to_string()
    };
    serde_json::json!({"id": i, "outlet": format!("outlet {o}"), "text": text})
        .to_string()
        .into_bytes()
}

fn words(codes: &[u8]) -> Vec<String> {
    codes.iter().map(|c| format!("w{c}")).collect()
}

/// Renders the lines as a JSONL file; returns it and the number of non-blank lines.
fn render(lines: &[(Line, u8)]) -> (tempfile::NamedTempFile, usize) {
    let mut stories: Vec<Vec<String>> = Vec::new();
    let mut file = tempfile::NamedTempFile::new().unwrap();
    let mut count = 0;
    for (i, (l, tag)) in lines.iter().enumerate() {
        let bytes = match l {
            Line::Story(codes) => {
                stories.push(words(codes));
                record(i, &stories.last().unwrap().join(" "), *tag)
            }
            Line::Copy {
                of,
                keep,
                reword_every,
            } if !stories.is_empty() => {
                let src = &stories[of % stories.len()];
                let n = ((src.len() as f64) * keep).ceil() as usize;
                let text: Vec<String> = src[..n]
                    .iter()
                    .enumerate()
                    .map(|(j, w)| {
                        if j % reword_every == 0 {
                            "x".to_string()
                        } else {
                            w.clone()
                        }
                    })
                    .collect();
                record(i, &text.join(" "), *tag)
            }
            Line::Copy { .. } => b"{\"id\": \"early-copy\"}".to_vec(),
            Line::Junk(bytes) => bytes
                .iter()
                .map(|b| if *b == b'\n' || *b == b'\r' { b'?' } else { *b })
                .collect(),
        };
        if !bytes.iter().all(u8::is_ascii_whitespace) {
            count += 1;
        }
        file.write_all(&bytes).unwrap();
        file.write_all(b"\n").unwrap();
    }
    file.flush().unwrap();
    (file, count)
}

/// Runs the pipeline on `threads` threads, anchors in more than `max_postings` articles being
/// over-full (stock phrases, or a story's flood); returns (assignments, representatives, bad
/// lines, articles, articles with boilerplate stripped).
fn run(
    path: &std::path::Path,
    threads: usize,
    max_postings: usize,
) -> (Vec<u32>, Vec<u32>, Vec<u64>, usize, usize) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    pool.install(|| {
        let sources = ingest::open_sources(&[path.to_path_buf()]).unwrap();
        let mut settings = Settings {
            batch_bytes: 512,
            ..Settings::default()
        };
        settings.candidates.max_postings = max_postings;
        let mut corpus = Corpus::read(sources, &settings, |_, _| {}).unwrap();
        let dedup = corpus.dedup(&settings);
        let stripped = dedup.boilerplate.articles();
        let c = dedup.clustering;
        let reps = c.clusters.iter().map(|k| k.representative).collect();
        (
            c.assignment,
            reps,
            corpus.bad.iter().map(|b| b.line).collect(),
            corpus.articles.len(),
            stripped,
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn same_result_on_one_thread_and_two(lines in prop::collection::vec(line(), 1..60)) {
        let (file, _) = render(&lines);
        prop_assert_eq!(run(file.path(), 1, 1000), run(file.path(), 2, 1000));
        // With tiny postings, most anchors are over-full: dropped, or kept with hubs.
        prop_assert_eq!(run(file.path(), 1, 3), run(file.path(), 2, 3));
    }

    #[test]
    fn every_clustered_article_is_tallied_once_by_outlet(lines in prop::collection::vec(line(), 1..40)) {
        let (file, _) = render(&lines);
        let sources = ingest::open_sources(&[file.path().to_path_buf()]).unwrap();
        let settings = Settings::default();
        let mut corpus = Corpus::read(sources, &settings, |_, _| {}).unwrap();
        let dedup = corpus.dedup(&settings);
        let multi = copydesk::report::multi_clusters(&corpus, &dedup);
        let in_clusters: usize = multi.iter().map(|&k| dedup.clustering.clusters[k].members.len()).sum();
        let params = copydesk::align::AlignParams::default();
        let tally = copydesk::report::tally_outlets(&corpus, &dedup, &settings, &params, |_| {}).unwrap();
        prop_assert_eq!(tally.clusters(), multi.len());
        let profiles = tally.profiles();
        let versions: usize = profiles.iter().map(|p| p.versions).sum();
        let references: usize = profiles.iter().map(|p| p.references).sum();
        prop_assert_eq!(references, multi.len());
        prop_assert_eq!(versions + references, in_clusters);
        for p in &profiles {
            prop_assert_eq!(p.kept.is_some(), p.versions > 0);
            prop_assert!(p.cut_from_bottom <= p.versions && p.with_added <= p.versions);
        }
    }

    #[test]
    fn against_itself_every_article_with_words_has_an_archive_copy(lines in prop::collection::vec(line(), 1..40)) {
        let (file, _) = render(&lines);
        let path = file.path().to_path_buf();
        let sources = ingest::open_sources(&[path.clone(), path]).unwrap();
        let settings = Settings::default();
        let mut corpus = Corpus::read_against(1, sources, &settings, |_, _| {}).unwrap();
        // Ids repeat across the archive and the inputs, never within one: no bad record is
        // a duplicate id.
        prop_assert!(corpus.bad.iter().all(|b| !b.problem.contains("duplicate id")));
        let c = corpus.dedup(&settings).clustering;
        let half = corpus.articles.len() / 2;
        prop_assert_eq!(half * 2, corpus.articles.len());
        for d in half..corpus.articles.len() {
            prop_assert!(!corpus.is_archive(d as u32) && corpus.is_archive((d - half) as u32));
            if corpus.features.words(d) == 0 {
                continue;
            }
            let k = &c.clusters[c.assignment[d] as usize];
            prop_assert!(k.members.iter().any(|m| corpus.is_archive(m.doc)), "article {} alone", d);
        }
    }

    #[test]
    fn every_record_is_clustered_once_or_reported(lines in prop::collection::vec(line(), 1..60)) {
        let (file, nonblank) = render(&lines);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        pool.install(|| {
            for max_postings in [1000, 3] {
            let sources = ingest::open_sources(&[file.path().to_path_buf()]).unwrap();
            let mut settings = Settings::default();
            settings.candidates.max_postings = max_postings;
            let mut corpus = Corpus::read(sources, &settings, |_, _| {}).unwrap();
            prop_assert_eq!(corpus.articles.len() + corpus.bad.len(), nonblank);
            let c = corpus.dedup(&settings).clustering;
            prop_assert_eq!(c.assignment.len(), corpus.articles.len());
            let mut seen = vec![0u32; corpus.articles.len()];
            for (k, cluster) in c.clusters.iter().enumerate() {
                prop_assert!(cluster.members.iter().any(|m| m.doc == cluster.representative));
                for m in &cluster.members {
                    seen[m.doc as usize] += 1;
                    prop_assert_eq!(c.assignment[m.doc as usize] as usize, k);
                }
            }
            prop_assert!(seen.iter().all(|&s| s == 1));
            }
            Ok(())
        })?;
    }

    #[test]
    fn verification_is_symmetric(a in prop::collection::vec(0u64..400, 0..300), b in prop::collection::vec(0u64..400, 0..300)) {
        let set = |v: &[u64]| ShingleSet::from_values(v.iter().map(|&x| x as u32));
        let (a, b) = (set(&a), set(&b));
        let ab = Similarity::of(a.view(), b.view());
        prop_assert_eq!(ab, Similarity::of(b.view(), a.view()).swapped());
        prop_assert!((0.0..=1.0).contains(&ab.jaccard));
        prop_assert!(ab.jaccard <= ab.containment());
    }
}

proptest! {
    // Cheap to ask: many more pairs than the corpus properties above.
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    /// Whether two credits name one source does not depend on their order, and a name is one
    /// source with itself: names drawn from the words credits are made of (governments,
    /// bodies, titles, names, joining words, initials).
    #[test]
    fn one_source_is_symmetric((a, b) in credit_pair()) {
        use copydesk::attribution::same_source;
        prop_assert_eq!(same_source(&a, &b), same_source(&b, &a), "{} / {}", a, b);
        prop_assert!(same_source(&a, &a), "{}", a);
    }

    /// The same of two credits of any kinds, named people or institutions, or unnamed people
    /// (`a Deutsche Bank spokesman`, `some U.S. officials`: whose people they are is read from
    /// their capitalized words; `Deutsche Bank analyst Tom Smith`, a person, and `Deutsche
    /// Bank`).
    #[test]
    fn credits_are_one_source_either_way(
        (a, b) in prop_oneof![credit_pair(), unnamed_pair()],
        kinds in (0u8..3, 0u8..3),
    ) {
        use copydesk::attribution::{Attribution, Cue, SourceKind, one_source};
        let credit = |source: &str, kind: u8| Attribution {
            source: source.to_string(),
            kind: [SourceKind::Anonymous, SourceKind::Person, SourceKind::Institution][kind as usize],
            cue: "said".into(),
            cue_kind: Cue::Said,
            pronoun: None,
        };
        let (a, b) = (credit(&a, kinds.0), credit(&b, kinds.1));
        prop_assert_eq!(one_source(&a, &b), one_source(&b, &a), "{} / {}", a.source, b.source);
        prop_assert!(one_source(&a, &a), "{}", a.source);
    }

    /// Whom pronouns refer to (`he said`, `it said`) is read without losing or changing any other
    /// credit: every credit a sentence names is still there, in order, and each pronoun's credit
    /// is its pronoun's, or a source named in a credit of its own sentence or one before it, and
    /// never one its own sentence credits already.
    #[test]
    fn pronouns_refer_only_to_sources_credited_before_them(
        sentences in prop::collection::vec((0usize..12, 0usize..5), 0..14),
    ) {
        use copydesk::attribution::{find, refer_pronouns};
        const SUBJECTS: &[&str] = &[
            "John Smith", "He", "she", "It", "they", "The ministry", "Analysts", "A spokesman",
            "Exxon Corp", "The market", "Smith and he", "Reuters",
        ];
        const ENDINGS: &[&str] = &[
            " said prices rose.", " also said costs fell.", " fell sharply.",
            " told reporters the talks ended.", " was quoted as saying so.",
        ];
        let text: Vec<String> = sentences
            .iter()
            .map(|&(s, e)| format!("{}{}", SUBJECTS[s], ENDINGS[e]))
            .collect();
        let before: Vec<_> = text.iter().map(|s| find(s)).collect();
        let mut after = before.clone();
        refer_pronouns(after.iter_mut());
        for (n, (was, now)) in before.iter().zip(&after).enumerate() {
            let named = |c: &[copydesk::attribution::Attribution]| {
                c.iter().filter(|a| a.pronoun.is_none()).cloned().collect::<Vec<_>>()
            };
            prop_assert_eq!(named(was), named(now), "{}", text[n]);
            for credit in now.iter().filter(|a| a.pronoun.is_some()) {
                let pronoun = credit.pronoun.as_deref().unwrap_or_default();
                let credited_before = before[..=n]
                    .iter()
                    .flatten()
                    .any(|a| a.pronoun.is_none() && a.source == credit.source);
                prop_assert!(credit.source == pronoun || credited_before, "{:?}", credit);
                prop_assert!(
                    !now.iter().any(|a| a.pronoun.is_none() && a.source == credit.source),
                    "{}: {:?}", text[n], now
                );
            }
        }
    }
}
