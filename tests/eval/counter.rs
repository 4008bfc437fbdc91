//! How well `compare` tells derived newspaper text from independent reporting, on COUNTER.
//!
//! COUNTER (Sharjeel et al. 2017) pairs a Pakistani agency story with a newspaper article that is
//! wholly derived (WD), partly derived (PD) or not derived (ND: same event, written
//! independently) from it; Urdu, Arabic script. For each pair this runs `align::compare` with the
//! agency story as reference and reports ROC-AUC of `reused` (and `kept`) for WD+PD vs ND and WD
//! vs ND, and a three-way macro-F1 from two thresholds on `reused`, chosen on 4/5 of the pairs
//! and scored on the rest (5-fold cross-validation). Beside it, the plain word-3-shingle
//! containment baseline; the pairs that most of the WD/ND ranking's mistakes involve; the fate of
//! the agency's credits; and how many pairs `dedup` puts in one cluster, per label. The data is read at run time from `../shared/data/`.
//!
//! ```sh
//! cargo run --release --example eval_counter [-- PATH/TO/dev.jsonl]
//! ```

use std::collections::HashSet;

use copydesk::align::{AlignParams, Doc, compare};
use copydesk::normalize;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Label {
    Wd,
    Pd,
    Nd,
}

struct Pair {
    /// COUNTER's `pair_id`.
    id: String,
    label: Label,
    reused: f64,
    kept: f64,
    baseline: f64,
    /// What the newspaper did with the agency's dateline credit, when the story has one.
    credit: Option<Credit>,
}

/// The fate of the agency story's dateline credit (`(اے پی پی)`) in the newspaper's version.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Credit {
    Kept,
    ToOwnDesk,
    ToAnotherSource,
    Dropped,
}

fn dateline_credit(v: &copydesk::align::VersionDiff) -> Option<Credit> {
    use copydesk::attribution::{Cue, Fate, SourceKind};
    let change = v
        .attributions
        .iter()
        .find(|a| a.reference.cue_kind == Cue::Dateline)?;
    Some(match (change.fate, &change.version) {
        (Fate::Kept | Fate::Reworded, _) => Credit::Kept,
        (Fate::Replaced, Some(a)) if a.kind == SourceKind::Staff => Credit::ToOwnDesk,
        (Fate::Replaced, _) => Credit::ToAnotherSource,
        _ => Credit::Dropped,
    })
}

fn shingles3(text: &str) -> HashSet<[u64; 3]> {
    let mut t = Vec::new();
    normalize::for_each_token([text], |h| t.push(h));
    t.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

/// ROC-AUC: the chance a positive scores above a negative (ties count half).
fn auc(pos: &[f64], neg: &[f64]) -> f64 {
    let mut wins = 0.0;
    for p in pos {
        for n in neg {
            wins += if p > n {
                1.0
            } else if p == n {
                0.5
            } else {
                0.0
            };
        }
    }
    wins / (pos.len() * neg.len()) as f64
}

fn classify(x: f64, lo: f64, hi: f64) -> Label {
    if x < lo {
        Label::Nd
    } else if x < hi {
        Label::Pd
    } else {
        Label::Wd
    }
}

fn macro_f1(pairs: &[(Label, Label)]) -> f64 {
    let labels = [Label::Wd, Label::Pd, Label::Nd];
    labels
        .iter()
        .map(|&l| {
            let tp = pairs.iter().filter(|(t, p)| *t == l && *p == l).count() as f64;
            let fp = pairs.iter().filter(|(t, p)| *t != l && *p == l).count() as f64;
            let fn_ = pairs.iter().filter(|(t, p)| *t == l && *p != l).count() as f64;
            if tp == 0.0 {
                0.0
            } else {
                2.0 * tp / (2.0 * tp + fp + fn_)
            }
        })
        .sum::<f64>()
        / 3.0
}

/// Macro-F1 with thresholds chosen on the other folds.
fn cross_validated_f1(data: &[(Label, f64)], folds: usize) -> f64 {
    let grid: Vec<f64> = (0..=100).map(|i| i as f64 / 100.0).collect();
    let mut predictions = Vec::new();
    for f in 0..folds {
        let train: Vec<&(Label, f64)> = data
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != f)
            .map(|(_, d)| d)
            .collect();
        let mut best = (f64::MIN, 0.0, 0.0);
        for (a, &lo) in grid.iter().enumerate() {
            for &hi in &grid[a..] {
                let f1 = macro_f1(
                    &train
                        .iter()
                        .map(|(t, x)| (*t, classify(*x, lo, hi)))
                        .collect::<Vec<_>>(),
                );
                if f1 > best.0 {
                    best = (f1, lo, hi);
                }
            }
        }
        predictions.extend(
            data.iter()
                .enumerate()
                .filter(|(i, _)| i % folds == f)
                .map(|(_, (t, x))| (*t, classify(*x, best.1, best.2))),
        );
    }
    macro_f1(&predictions)
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/counter-urdu/dev.jsonl".into());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let params = AlignParams::default();
    let mut pairs = Vec::new();
    let mut in_text: std::collections::BTreeMap<String, usize> = Default::default();
    // Every pair's two texts as a corpus for `dedup`: `a{n}` the agency story, `d{n}` the paper's.
    let mut corpus = String::new();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("COUNTER line is JSON");
        let label = match v["label"].as_str() {
            Some("WD") => Label::Wd,
            Some("PD") => Label::Pd,
            _ => Label::Nd,
        };
        let id = v["pair_id"].as_str().unwrap_or("?").to_string();
        let source = v["source"]["body"].as_str().unwrap_or("");
        let derived = v["derived"]["body"].as_str().unwrap_or("");
        let n = pairs.len();
        for (id, text) in [(format!("a{n}"), source), (format!("d{n}"), derived)] {
            corpus.push_str(&serde_json::json!({ "id": id, "text": text }).to_string());
            corpus.push('\n');
        }
        let c = compare(
            &Doc::new("source", source),
            &[Doc::new("derived", derived)],
            &params,
        );
        let (s, d) = (shingles3(source), shingles3(derived));
        let baseline = if d.is_empty() {
            0.0
        } else {
            d.intersection(&s).count() as f64 / d.len() as f64
        };
        let v = &c.versions[0];
        pairs.push(Pair {
            id,
            label,
            reused: v.reused as f64,
            kept: v.kept as f64,
            baseline,
            credit: dateline_credit(v),
        });
        // Credits inside the text (Urdu cues), by fate; and those the paper added.
        for a in &v.attributions {
            if a.reference.cue_kind != copydesk::attribution::Cue::Dateline {
                *in_text
                    .entry(format!("{:?}", a.fate).to_lowercase())
                    .or_insert(0) += 1;
            }
        }
        *in_text.entry("added by the paper".into()).or_insert(0) += v
            .added_attributions
            .iter()
            .filter(|a| a.cue_kind != copydesk::attribution::Cue::Dateline)
            .count();
    }
    let scores = |f: fn(&Pair) -> f64, pos: &[Label]| {
        let p: Vec<f64> = pairs
            .iter()
            .filter(|x| pos.contains(&x.label))
            .map(f)
            .collect();
        let n: Vec<f64> = pairs
            .iter()
            .filter(|x| x.label == Label::Nd)
            .map(f)
            .collect();
        auc(&p, &n)
    };
    let f1 = |f: fn(&Pair) -> f64| {
        cross_validated_f1(
            &pairs.iter().map(|p| (p.label, f(p))).collect::<Vec<_>>(),
            5,
        )
    };
    let count = |l| pairs.iter().filter(|p| p.label == l).count();
    println!(
        "COUNTER dev: {} pairs (WD {}, PD {}, ND {})",
        pairs.len(),
        count(Label::Wd),
        count(Label::Pd),
        count(Label::Nd)
    );
    println!(
        "{:<40} {:>12} {:>12} {:>16}",
        "score", "AUC WD/ND", "AUC WD+PD/ND", "macro-F1 (5-fold)"
    );
    type Score = fn(&Pair) -> f64;
    let rows: [(&str, Score); 3] = [
        ("copydesk compare: reused", |p| p.reused),
        ("copydesk compare: kept", |p| p.kept),
        ("baseline: word 3-shingle containment", |p| p.baseline),
    ];
    for (name, f) in rows {
        println!(
            "{:<40} {:>12.3} {:>12.3} {:>16.3}",
            name,
            scores(f, &[Label::Wd]),
            scores(f, &[Label::Wd, Label::Pd]),
            f1(f)
        );
    }
    // Where the WD/ND ranking goes wrong: the pairs in the most misordered (WD, ND) pairs.
    let (wd, nd): (Vec<&Pair>, Vec<&Pair>) = (
        pairs.iter().filter(|p| p.label == Label::Wd).collect(),
        pairs.iter().filter(|p| p.label == Label::Nd).collect(),
    );
    let misordered = |p: &Pair, others: &[&Pair], wrong: fn(f64, f64) -> bool| {
        others.iter().filter(|o| wrong(p.reused, o.reused)).count()
    };
    let mut costly: Vec<(usize, &Pair)> = wd
        .iter()
        .map(|p| (misordered(p, &nd, |me, o| me <= o), *p))
        .chain(nd.iter().map(|p| (misordered(p, &wd, |me, o| me >= o), *p)))
        .filter(|(n, _)| *n > 0)
        .collect();
    costly.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    println!(
        "pairs in the most misordered (WD, ND) pairs by `reused`: {}",
        costly
            .iter()
            .take(5)
            .map(|(n, p)| format!(
                "{} ({:?}, reused {:.2}, containment {:.2}): {n}",
                p.id, p.label, p.reused, p.baseline
            ))
            .collect::<Vec<_>>()
            .join("; ")
    );
    println!();
    println!(
        "the agency's dateline credit in the newspaper's version (share of pairs whose agency story has one)"
    );
    println!(
        "{:<6} {:>6} {:>8} {:>12} {:>16} {:>8}",
        "label", "pairs", "kept", "own desk", "another source", "dropped"
    );
    for (name, label) in [("WD", Label::Wd), ("PD", Label::Pd), ("ND", Label::Nd)] {
        let credits: Vec<Credit> = pairs
            .iter()
            .filter(|p| p.label == label)
            .filter_map(|p| p.credit)
            .collect();
        let share =
            |c| credits.iter().filter(|&&x| x == c).count() as f64 / credits.len().max(1) as f64;
        println!(
            "{:<6} {:>6} {:>8.2} {:>12.2} {:>16.2} {:>8.2}",
            name,
            credits.len(),
            share(Credit::Kept),
            share(Credit::ToOwnDesk),
            share(Credit::ToAnotherSource),
            share(Credit::Dropped)
        );
    }
    println!(
        "credits inside the agency stories' text, by what the paper did: {}",
        in_text
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    // Does `dedup` put the agency story and the paper's article in one cluster?
    let grouped = together_in_dedup(&corpus, pairs.len());
    let share = |l: Label| {
        let of: Vec<bool> = pairs
            .iter()
            .zip(&grouped)
            .filter(|(p, _)| p.label == l)
            .map(|(_, &g)| g)
            .collect();
        format!("{}/{}", of.iter().filter(|&&g| g).count(), of.len())
    };
    println!(
        "copydesk dedup clusters the agency story with the paper's article: WD {}, PD {}, ND {}",
        share(Label::Wd),
        share(Label::Pd),
        share(Label::Nd)
    );
    let mean = |l| {
        pairs
            .iter()
            .filter(|p| p.label == l)
            .map(|p| p.reused)
            .sum::<f64>()
            / count(l).max(1) as f64
    };
    println!(
        "mean reused: WD {:.3}, PD {:.3}, ND {:.3}",
        mean(Label::Wd),
        mean(Label::Pd),
        mean(Label::Nd)
    );
}

/// For each pair `n`, whether `dedup` (default settings) puts `a{n}` and `d{n}` of `corpus` (JSONL)
/// in one cluster.
fn together_in_dedup(corpus: &str, pairs: usize) -> Vec<bool> {
    use copydesk::pipeline::{Corpus, Settings};
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("counter.jsonl");
    std::fs::write(&path, corpus).expect("the corpus is written");
    let settings = Settings::default();
    let sources = copydesk::ingest::open_sources(&[path]).expect("the corpus opens");
    let mut read = Corpus::read(sources, &settings, |_, _| {}).expect("the corpus reads");
    let dedup = read.dedup(&settings);
    let cluster_of: std::collections::HashMap<String, u32> = read
        .articles
        .iter()
        .zip(&dedup.clustering.assignment)
        .map(|(a, &c)| (a.id.to_string(), c))
        .collect();
    (0..pairs)
        .map(|n| cluster_of[&format!("a{n}")] == cluster_of[&format!("d{n}")])
        .collect()
}
