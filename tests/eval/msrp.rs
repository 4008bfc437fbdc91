//! Does the sentence aligner align reworded sentences and only those? Scored on the Microsoft
//! Research Paraphrase Corpus (training split, 4,076 pairs of sentences from different outlets
//! on the same story; label 1 = same meaning).
//!
//! For each pair the aligner's similarity ([`copydesk::align::sentence_similarity`], word
//! weights learnt from all the corpus's sentences) is compared with the default alignment
//! threshold: aligned or not. Prints accuracy and F1 against the labels, beside the 66.5%
//! majority baseline, and the same with the threshold chosen by 5-fold cross-validation.
//!
//! ```sh
//! cargo run --release --example eval_msrp [-- PATH/TO/msr_paraphrase_train.txt]
//! ```

use copydesk::align::{AlignParams, SentenceWeights, sentence_similarity};

fn scores(data: &[(bool, f32)], threshold: f32) -> (f64, f64) {
    let (mut tp, mut fp, mut fn_, mut tn) = (0.0, 0.0, 0.0, 0.0);
    for &(label, s) in data {
        match (label, s >= threshold) {
            (true, true) => tp += 1.0,
            (false, true) => fp += 1.0,
            (true, false) => fn_ += 1.0,
            (false, false) => tn += 1.0,
        }
    }
    (
        (tp + tn) / data.len() as f64,
        2.0 * tp / (2.0 * tp + fp + fn_),
    )
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/msrp/msr_paraphrase_train.txt".into());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let rows: Vec<(bool, &str, &str)> = text
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() == 5).then(|| (f[0].trim_start_matches('\u{feff}') == "1", f[3], f[4]))
        })
        .collect();
    let weights = SentenceWeights::learn(rows.iter().flat_map(|r| [r.1, r.2]));
    let data: Vec<(bool, f32)> = rows
        .iter()
        .map(|r| (r.0, sentence_similarity(r.1, r.2, &weights)))
        .collect();
    let positives = data.iter().filter(|d| d.0).count() as f64 / data.len() as f64;
    let threshold = AlignParams::default().threshold;
    let (acc, f1) = scores(&data, threshold);
    println!(
        "MSRP train: {} pairs, {:.1}% paraphrases (majority baseline accuracy {:.1}%)",
        data.len(),
        positives * 100.0,
        positives.max(1.0 - positives) * 100.0
    );
    println!(
        "aligner at its default threshold {threshold:.2}: accuracy {:.1}%, F1 {:.3}",
        acc * 100.0,
        f1
    );
    // Threshold chosen on 4/5, scored on 1/5.
    let mut predictions = Vec::new();
    let mut chosen = Vec::new();
    for fold in 0..5 {
        let train: Vec<(bool, f32)> = data
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 5 != fold)
            .map(|(_, d)| *d)
            .collect();
        let best = (0..=100)
            .map(|t| t as f32 / 100.0)
            .max_by(|a, b| scores(&train, *a).0.total_cmp(&scores(&train, *b).0))
            .unwrap_or(threshold);
        chosen.push(best);
        predictions.extend(
            data.iter()
                .enumerate()
                .filter(|(i, _)| i % 5 == fold)
                .map(|(_, d)| (d.0, if d.1 >= best { 1.0 } else { 0.0 })),
        );
    }
    let (acc, f1) = scores(&predictions, 0.5);
    println!(
        "aligner, threshold by 5-fold CV (chosen {chosen:.2?}): accuracy {:.1}%, F1 {:.3}",
        acc * 100.0,
        f1
    );
}
