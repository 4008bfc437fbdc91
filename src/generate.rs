//! Generate: deterministic synthetic wire corpora of any size, with labels, for benchmarks.
//!
//! Each story is drawn from a Zipf-distributed vocabulary of made-up words (news-like lengths:
//! 8 to 30 sentences of 8 to 32 words), so word frequencies look like real text without shipping
//! anyone's text. Some stories are republished by outlets with known edits (trimmed from the
//! bottom to 25-90%, words reworded, a local intro, a dateline and footer, two sentences
//! swapped); a share of the rest are *same-topic distractors*: a new story that reuses one
//! sentence (a quote) of an earlier one. Story `i` depends only on `(seed, i)`, so batches are
//! generated in parallel and written in order, and memory does not grow with the corpus.
//!
//! The random source is SplitMix64, written out here because benchmark corpora must stay the
//! same across crate upgrades (`rand`'s `StdRng` does not promise a stable stream).

use std::io::Write;

use rayon::prelude::*;
use serde::Serialize;

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and a fixed stream for a fixed seed.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * n as f64) as usize
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// What to generate.
#[derive(Clone, Debug)]
pub struct GenParams {
    /// Number of articles.
    pub articles: u64,
    /// Seed.
    pub seed: u64,
    /// Share of stories republished by other outlets.
    pub republished: f64,
    /// Share of stories that quote an earlier story (same-topic distractors).
    pub distractors: f64,
    /// Share of articles that end with their outlet's standing notice (a paragraph of about 40
    /// words, the same under every article of that outlet that has it): boilerplate, not story.
    pub notices: f64,
}

impl Default for GenParams {
    fn default() -> Self {
        GenParams {
            articles: 10_000,
            seed: 1,
            republished: 0.3,
            distractors: 0.1,
            notices: 0.0,
        }
    }
}

const VOCABULARY: usize = 30_000;
const SYLLABLES: [&str; 32] = [
    "ka", "lo", "mi", "ra", "te", "su", "no", "vi", "de", "po", "ri", "an", "el", "on", "ta", "be",
    "gu", "sa", "ne", "mo", "li", "tor", "ven", "dal", "per", "ist", "com", "ber", "ash", "ul",
    "ex", "ma",
];
const OUTLETS: [&str; 12] = [
    "Wire",
    "Harbour Times",
    "Valley Courier",
    "Daily Meridian",
    "Capital Digest",
    "Northern Ledger",
    "Lakeside Gazette",
    "Evening Post",
    "Metro Morning",
    "Coastal Herald",
    "City Bulletin",
    "Radio North",
];

/// Outlet `o`'s standing notice: three sentences of its own.
fn notice(lex: &Lexicon, o: usize) -> String {
    let mut rng = SplitMix64::new(0x5EED_0000 ^ o as u64);
    (0..3)
        .map(|_| lex.sentence(&mut rng))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The vocabulary and its Zipf cumulative distribution.
struct Lexicon {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Lexicon {
    fn new() -> Lexicon {
        let mut rng = SplitMix64::new(0xC0DE);
        let words = (0..VOCABULARY)
            .map(|i| {
                let n = 1 + (i > 100) as usize + (i > 2000) as usize + rng.below(2);
                (0..n)
                    .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                    .collect::<String>()
                    + &format!("{}", i % 7)
            })
            .collect();
        let mut total = 0.0;
        let cumulative = (0..VOCABULARY)
            .map(|r| {
                total += 1.0 / (r as f64 + 2.7);
                total
            })
            .collect::<Vec<_>>();
        let cumulative = cumulative.iter().map(|c| c / total).collect();
        Lexicon { words, cumulative }
    }

    fn word(&self, rng: &mut SplitMix64) -> &str {
        let u = rng.unit();
        let i = self
            .cumulative
            .partition_point(|&c| c < u)
            .min(VOCABULARY - 1);
        &self.words[i]
    }

    fn sentence(&self, rng: &mut SplitMix64) -> String {
        let n = 8 + rng.below(25);
        let mut s = String::with_capacity(n * 7);
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            let w = self.word(rng);
            if i == 0 {
                let mut c = w.chars();
                if let Some(f) = c.next() {
                    s.extend(f.to_uppercase());
                    s.push_str(c.as_str());
                }
            } else {
                s.push_str(w);
            }
        }
        s.push('.');
        s
    }

    fn story(&self, rng: &mut SplitMix64) -> Vec<String> {
        let n = 8 + rng.below(23);
        (0..n).map(|_| self.sentence(rng)).collect()
    }
}

/// One generated article.
#[derive(Clone, Debug, Serialize)]
pub struct GenArticle {
    /// `s<story>-<version>`.
    pub id: String,
    /// Outlet.
    pub outlet: &'static str,
    /// Body.
    pub text: String,
}

/// The label of one generated article.
#[derive(Clone, Debug, Serialize)]
pub struct GenLabel {
    /// Article id.
    pub id: String,
    /// Story id: articles with the same story are copies.
    pub story: String,
    /// Edits applied, e.g. `trim0.42`, `reword`, `intro`.
    pub edits: Vec<String>,
}

fn edit(lex: &Lexicon, story: &[String], rng: &mut SplitMix64) -> (String, Vec<String>) {
    let mut sentences: Vec<String> = story.to_vec();
    let mut edits = Vec::new();
    if rng.unit() < 0.5 {
        let share = 0.25 + 0.65 * rng.unit();
        let keep = ((sentences.len() as f64 * share).ceil() as usize).max(1);
        sentences.truncate(keep);
        edits.push(format!("trim{share:.2}"));
    }
    if rng.unit() < 0.5 {
        for s in sentences.iter_mut() {
            if rng.unit() < 0.25 {
                *s = s
                    .split(' ')
                    .map(|w| if rng.unit() < 0.2 { lex.word(rng) } else { w })
                    .collect::<Vec<_>>()
                    .join(" ");
            }
        }
        edits.push("reword".into());
    }
    if sentences.len() > 3 && rng.unit() < 0.2 {
        let i = 1 + rng.below(sentences.len() - 2);
        sentences.swap(i, i + 1);
        edits.push("reorder".into());
    }
    if rng.unit() < 0.3 {
        sentences.insert(0, lex.sentence(rng));
        edits.push("intro".into());
    }
    let mut text = sentences.join(" ");
    if rng.unit() < 0.5 {
        text = format!(
            "LONDON, May {} (Reuters) - {text}\nFollow us on Twitter for more.",
            1 + rng.below(28)
        );
        edits.push("furniture".into());
    }
    (text, edits)
}

/// Generates the articles of story `i`: the original, and its copies or a distractor.
fn story(lex: &Lexicon, params: &GenParams, i: u64) -> Vec<(GenArticle, GenLabel)> {
    let mut rng = SplitMix64::new(params.seed ^ i.wrapping_mul(0xA24B_AED4_963E_E407));
    let mut sentences = lex.story(&mut rng);
    let mut out = Vec::new();
    let story_id = format!("s{i}");
    if i > 0 && rng.unit() < params.distractors {
        // Quote a sentence of an earlier story: same topic, not a copy.
        let mut other = SplitMix64::new(
            params.seed ^ (rng.below(i as usize) as u64).wrapping_mul(0xA24B_AED4_963E_E407),
        );
        let quoted = lex.story(&mut other);
        let pos = rng.below(sentences.len());
        sentences[pos] = quoted[rng.below(quoted.len())].clone();
    }
    let label = |id: &str, edits: Vec<String>| GenLabel {
        id: id.into(),
        story: story_id.clone(),
        edits,
    };
    // Whether an article carries its outlet's notice comes from a stream of its own, so that
    // the corpus without notices is the same whatever `notices` is.
    let mut notices = SplitMix64::new(params.seed ^ i.wrapping_mul(0x9FB2_1C65_1E98_DF25) ^ 0x0B0E);
    let mut with_notice = |text: String, outlet: usize, edits: &mut Vec<String>| {
        if notices.unit() < params.notices {
            edits.push("notice".into());
            format!("{text}\n\n{}", notice(lex, outlet))
        } else {
            text
        }
    };
    let id = format!("{story_id}-0");
    let mut edits = Vec::new();
    let text = with_notice(sentences.join(" "), 0, &mut edits);
    out.push((
        GenArticle {
            id: id.clone(),
            outlet: OUTLETS[0],
            text,
        },
        label(&id, edits),
    ));
    if rng.unit() < params.republished {
        let copies = 1 + rng.below(6);
        for c in 1..=copies {
            let (text, mut edits) = edit(lex, &sentences, &mut rng);
            let id = format!("{story_id}-{c}");
            let outlet = 1 + rng.below(OUTLETS.len() - 1);
            let text = with_notice(text, outlet, &mut edits);
            out.push((
                GenArticle {
                    id: id.clone(),
                    outlet: OUTLETS[outlet],
                    text,
                },
                label(&id, edits),
            ));
        }
    }
    out
}

/// Writes `params.articles` articles as JSONL to `articles`, and their labels to `labels`.
/// Output is in story order, identical for any thread count.
pub fn generate(
    params: &GenParams,
    articles: &mut dyn Write,
    labels: &mut dyn Write,
) -> std::io::Result<()> {
    let lex = Lexicon::new();
    let mut written = 0u64;
    let mut next_story = 0u64;
    const BATCH: u64 = 4096;
    while written < params.articles {
        let stories: Vec<Vec<(GenArticle, GenLabel)>> = (next_story..next_story + BATCH)
            .into_par_iter()
            .map(|i| story(&lex, params, i))
            .collect();
        next_story += BATCH;
        for (article, label) in stories.into_iter().flatten() {
            if written == params.articles {
                break;
            }
            serde_json::to_writer(&mut *articles, &article)?;
            articles.write_all(b"\n")?;
            serde_json::to_writer(&mut *labels, &label)?;
            labels.write_all(b"\n")?;
            written += 1;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(n: u64, seed: u64) -> (String, String) {
        let (mut a, mut l) = (Vec::new(), Vec::new());
        generate(
            &GenParams {
                articles: n,
                seed,
                ..GenParams::default()
            },
            &mut a,
            &mut l,
        )
        .unwrap();
        (String::from_utf8(a).unwrap(), String::from_utf8(l).unwrap())
    }

    #[test]
    fn exact_count_same_output_for_same_seed_and_different_for_another() {
        let (a, l) = run(300, 5);
        assert_eq!(a.lines().count(), 300);
        assert_eq!(l.lines().count(), 300);
        assert_eq!(run(300, 5).0, a);
        assert_ne!(run(300, 6).0, a);
    }

    #[test]
    fn some_stories_have_copies_and_articles_are_news_length() {
        let (a, l) = run(2000, 1);
        let labels: Vec<serde_json::Value> = l
            .lines()
            .map(|x| serde_json::from_str(x).unwrap())
            .collect();
        let copies = labels
            .iter()
            .filter(|x| !x["id"].as_str().unwrap().ends_with("-0"))
            .count();
        assert!(copies > 300, "{copies}");
        let words: usize = a.lines().map(|x| x.split(' ').count()).sum();
        let mean = words / 2000;
        assert!((150..600).contains(&mean), "{mean}");
    }
}
