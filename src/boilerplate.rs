//! Boilerplate: passages one outlet repeats across many of its articles (a disclaimer, an
//! about-us box, an editor's note, a standing background paragraph), left out of those
//! articles' similarity.
//!
//! Two short briefs from one outlet that both end in its 75-word disclaimer share most of their
//! shingles: by Jaccard alone they are copies, and six unrelated briefs become one story. Wire
//! copies share whole paragraphs too, but across outlets, and the versions of one story share
//! more than a paragraph. So a passage is boilerplate when
//! - one outlet's articles hold it word for word (after normalization) as one of their first
//!   [`HEAD`] or last [`TAIL`] paragraphs of at least [`MIN_WORDS`] words, in at least
//!   `min_articles` of them; and
//! - those articles share nothing else: the shingles common to [`SAMPLE`] of them (spread
//!   over them) are no more than the passage's own.
//!
//! The passage's shingles and anchors are then taken out of the features of every article that
//! holds it and has words of its own (an article that is nothing but the passage keeps it, and
//! stays a copy of its like). The simhash is left as it is: it only proposes pairs, and the
//! pairs are verified on the stripped shingles.
//!
//! An article's publisher is its outlet or, without one, its url's host
//! ([`Meta::publisher`]). Articles with neither are never touched: without a publisher, a
//! disclaimer and a wire story republished five times look the same. A disclaimer run into the story's last paragraph is
//! not found either (paragraphs are compared whole).

use rayon::prelude::*;

use crate::ingest::Meta;
use crate::shingle::ShingleSet;
use crate::store::FeatureStore;

/// Paragraphs shorter than this are not compared (a `Read more` line moves no similarity).
pub const MIN_WORDS: usize = 8;
/// How many long paragraphs from the top of an article are compared.
pub const HEAD: usize = 2;
/// How many long paragraphs from the bottom of an article are compared.
pub const TAIL: usize = 3;
/// How many of the articles holding a passage are compared to tell boilerplate from the
/// versions of one story.
pub const SAMPLE: usize = 8;
/// The default of `min_articles`: how many articles of one outlet must hold a passage.
pub const DEFAULT_MIN_ARTICLES: usize = 5;

/// A long paragraph at the top or bottom of an article, keyed by its outlet and its words.
/// Up to five an article: they are kept like the features, spilled to a temporary file with
/// them (16 bytes each).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[repr(C)]
pub struct Passage {
    /// A hash of the outlet and the paragraph's token hashes.
    pub key: u64,
    /// The article (input order among good records).
    pub doc: u32,
    /// The paragraph's words.
    pub words: u32,
}

// SAFETY: `repr(C)` with fields of 8, 4 and 4 bytes: no padding, and every bit pattern is a
// valid `Passage`.
unsafe impl bytemuck::Zeroable for Passage {}
// SAFETY: as above; `Passage` is `Copy` and `'static`.
unsafe impl bytemuck::Pod for Passage {}

/// Calls `emit(key, words)` for each of the first [`HEAD`] and last [`TAIL`] paragraphs of at
/// least [`MIN_WORDS`] words of an article of `outlet` that has two paragraphs or more.
/// `tokens` are the article's token hashes, and paragraph `i`'s are
/// `tokens[starts[i]..starts[i + 1]]` (the last runs to the end).
pub fn edge_passages(outlet: &str, tokens: &[u64], starts: &[u32], mut emit: impl FnMut(u64, u32)) {
    let seed = outlet_seed(outlet);
    let end = |i: usize| starts.get(i + 1).map_or(tokens.len(), |&e| e as usize);
    // An article of one paragraph has nothing beside it to keep: no boilerplate to find (and
    // generated corpora, one paragraph an article, keep nothing for this).
    if (0..starts.len())
        .filter(|&i| end(i) > starts[i] as usize)
        .count()
        < 2
    {
        return;
    }
    let long = || (0..starts.len()).filter(|&i| end(i) - starts[i] as usize >= MIN_WORDS);
    let n = long().count();
    let tail_from = n.saturating_sub(TAIL).max(HEAD.min(n));
    for (rank, i) in long().enumerate() {
        if rank < HEAD || rank >= tail_from {
            let words = &tokens[starts[i] as usize..end(i)];
            emit(
                passage_key(seed, words),
                words.len().min(u32::MAX as usize) as u32,
            );
        }
    }
}

/// What [`strip`] found and did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stripped {
    /// Each passage found, most widely held first.
    found: Vec<Notice>,
    /// Their keys, ascending.
    keys: Vec<u64>,
    /// Articles that had boilerplate left out.
    articles: usize,
}

/// One passage found to be boilerplate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Its key, as [`edge_passages`] makes it.
    pub key: u64,
    /// The first article holding it (to read it from).
    pub example: u32,
    /// How many articles hold it.
    pub articles: usize,
}

impl Stripped {
    /// How many distinct passages were found to be boilerplate.
    pub fn passages(&self) -> usize {
        self.found.len()
    }

    /// How many articles had boilerplate left out.
    pub fn articles(&self) -> usize {
        self.articles
    }

    /// The passages found, most widely held first.
    pub fn found(&self) -> &[Notice] {
        &self.found
    }

    /// Which paragraphs of the story body of `text` (as [`crate::normalize::story_body`] splits
    /// it) are boilerplate of its publisher ([`Meta::publisher`] of `meta`), by number.
    pub fn paragraphs_of(&self, text: &str, meta: &Meta) -> Vec<usize> {
        if self.keys.is_empty() {
            return Vec::new();
        }
        keyed_paragraphs(text, meta.publisher())
            .filter(|(_, key)| self.keys.binary_search(key).is_ok())
            .map(|(p, _)| p)
            .collect()
    }
}

impl Notice {
    /// The passage's words in `text` (an article holding it, such as its example, with its
    /// `meta`).
    pub fn text_in<'t>(&self, text: &'t str, meta: &Meta) -> Option<&'t str> {
        let (p, _) = keyed_paragraphs(text, meta.publisher()).find(|&(_, key)| key == self.key)?;
        crate::normalize::story_body(text).get(p).map(|s| s.trim())
    }
}

/// The seed of an outlet's passage keys.
fn outlet_seed(outlet: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(outlet.as_bytes())
}

/// The key of a paragraph of `words` (token hashes) of the outlet of `seed`.
fn passage_key(seed: u64, words: &[u64]) -> u64 {
    xxhash_rust::xxh3::xxh3_64_with_seed(bytemuck::cast_slice(words), seed)
}

/// The story paragraphs of `text` of at least [`MIN_WORDS`] words, by number, with their keys
/// for `outlet` (none without one).
fn keyed_paragraphs(text: &str, outlet: Option<&str>) -> impl Iterator<Item = (usize, u64)> {
    let mut tokens: Vec<Vec<u64>> = Vec::new();
    if outlet.is_some() {
        crate::normalize::for_each_token_of_parts(crate::normalize::story_body(text), |p, h| {
            tokens.resize_with(tokens.len().max(p + 1), Vec::new);
            tokens[p].push(h);
        });
    }
    let seed = outlet_seed(outlet.unwrap_or(""));
    tokens
        .into_iter()
        .enumerate()
        .filter(|(_, t)| t.len() >= MIN_WORDS)
        .map(move |(p, t)| (p, passage_key(seed, &t)))
}

/// A passage judged to be boilerplate: its shingles and anchors (each ascending).
struct Found {
    shingles: Vec<u32>,
    anchors: Vec<u32>,
}

/// Finds the boilerplate among `passages` (from [`edge_passages`], with their articles; sorted
/// here, in place, wherever they are kept) and leaves it out of the features in `store`, in
/// place. `k` is the shingle length; `min_articles` how many articles of one outlet must hold a
/// passage (below 2, nothing is boilerplate).
pub fn strip(
    passages: &mut [Passage],
    store: &mut FeatureStore,
    k: usize,
    min_articles: usize,
) -> Stripped {
    if min_articles < 2 {
        return Stripped::default();
    }
    passages.par_sort_unstable();
    // Each group lists its articles once: one holding a paragraph twice holds it once.
    let groups: Vec<Vec<Passage>> = passages
        .chunk_by(|a, b| a.key == b.key)
        .filter(|g| g.len() >= min_articles)
        .map(|g| {
            let mut g = g.to_vec();
            g.dedup_by_key(|p| p.doc);
            g
        })
        .filter(|g| g.len() >= min_articles)
        .collect();
    let found: Vec<Option<Found>> = groups.par_iter().map(|g| judge(g, store, k)).collect();
    // Groups are in key order, so the keys found are ascending.
    let group_notices: Vec<Notice> = groups
        .iter()
        .map(|g| Notice {
            key: g[0].key,
            example: g[0].doc,
            articles: g.len(),
        })
        .collect();
    // Which boilerplate each article holds: (article, index into `found`).
    let mut held: Vec<(u32, u32)> = groups
        .iter()
        .zip(&found)
        .enumerate()
        .filter(|(_, (_, f))| f.is_some())
        .flat_map(|(i, (g, _))| g.iter().map(move |p| (p.doc, i as u32)))
        .collect();
    drop(groups);
    held.par_sort_unstable();
    let holders: Vec<&[(u32, u32)]> = held.chunk_by(|a, b| a.0 == b.0).collect();
    let mut articles = 0;
    // A few thousand articles at a time: worked out in parallel, then written in place.
    for chunk in holders.chunks(4096) {
        let stripped: Vec<Option<(ShingleSet, Vec<u32>)>> = chunk
            .par_iter()
            .map(|holds| {
                let passages: Vec<&Found> = holds
                    .iter()
                    .filter_map(|&(_, i)| found[i as usize].as_ref())
                    .collect();
                without(holds[0].0, &passages, store, k)
            })
            .collect();
        for (holds, stripped) in chunk.iter().zip(stripped) {
            if let Some((set, anchors)) = stripped {
                store.shrink(holds[0].0 as usize, set.as_bytes(), &anchors);
                articles += 1;
            }
        }
    }
    let mut notices: Vec<Notice> = group_notices
        .into_iter()
        .zip(&found)
        .filter(|(_, f)| f.is_some())
        .map(|(n, _)| n)
        .collect();
    let keys: Vec<u64> = notices.iter().map(|n| n.key).collect();
    notices.sort_by_key(|n| (std::cmp::Reverse(n.articles), n.example));
    Stripped {
        found: notices,
        keys,
        articles,
    }
}

/// Whether the passage the articles of `group` share is boilerplate: [`SAMPLE`] of them,
/// spread evenly over the group (so that a run of one story's updates at its start does not
/// decide), share no more than its shingles. (Articles that are the passage and nothing else
/// are left as they are by [`strip`].)
fn judge(group: &[Passage], store: &FeatureStore, k: usize) -> Option<Found> {
    let n = group.len().min(SAMPLE);
    let sample: Vec<&Passage> = (0..n).map(|j| &group[j * group.len() / n]).collect();
    let sets: Vec<Vec<u32>> = sample
        .iter()
        .map(|p| {
            let mut v = Vec::new();
            store.set(p.doc as usize).decode_into(&mut v);
            v
        })
        .collect();
    let shingles = intersect_all(sets.iter().map(Vec::as_slice))?;
    // The shingles wholly inside the passage (its few repeated ones counted once, and a few
    // common phrases the articles may also share).
    let own = (group[0].words as usize).saturating_sub(k - 1).max(1);
    if shingles.len() > own + own / 8 + 2 || shingles.len() * 2 < own {
        return None;
    }
    let anchors =
        intersect_all(sample.iter().map(|p| store.anchors(p.doc as usize))).unwrap_or_default();
    Some(Found { shingles, anchors })
}

/// The values common to every slice (each ascending); `None` for no slices.
fn intersect_all<'a>(mut slices: impl Iterator<Item = &'a [u32]>) -> Option<Vec<u32>> {
    let mut common = slices.next()?.to_vec();
    for s in slices {
        common.retain(|v| s.binary_search(v).is_ok());
    }
    Some(common)
}

/// Article `doc`'s shingle set and anchors without the boilerplate `passages`, or `None` when
/// what is left has fewer than `k` shingles (the article is the boilerplate).
fn without(
    doc: u32,
    passages: &[&Found],
    store: &FeatureStore,
    k: usize,
) -> Option<(ShingleSet, Vec<u32>)> {
    let union = |of: fn(&Found) -> &[u32]| -> Vec<u32> {
        let mut all: Vec<u32> = passages.iter().flat_map(|f| of(f)).copied().collect();
        all.sort_unstable();
        all.dedup();
        all
    };
    let mut set = Vec::new();
    store.set(doc as usize).decode_into(&mut set);
    remove_ascending(&mut set, &union(|f| &f.shingles));
    if set.len() < k {
        return None;
    }
    let mut anchors = store.anchors(doc as usize).to_vec();
    remove_ascending(&mut anchors, &union(|f| &f.anchors));
    Some((ShingleSet::from_ascending(&set), anchors))
}

/// Removes from `values` every value of `gone`; both ascending.
fn remove_ascending(values: &mut Vec<u32>, gone: &[u32]) {
    let mut g = gone.iter().peekable();
    values.retain(|v| {
        while g.next_if(|&&x| x < *v).is_some() {}
        g.peek() != Some(&v)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Corpus, Settings};
    use crate::verify::Similarity;

    const DISCLAIMER: &str = "The Gazette publishes wire reports as received and is not \
        responsible for their accuracy. Readers who find an error should write to the standards \
        desk, which reviews every complaint within five working days and prints corrections on \
        page two.";

    /// A brief on topic `i`, different in every word from the others.
    fn brief(i: usize) -> String {
        (0..30)
            .map(|w| format!("t{i}w{w}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The metadata of an article of `outlet`.
    fn of(outlet: &str) -> Meta {
        Meta {
            outlet: Some(outlet.into()),
            ..Meta::default()
        }
    }

    /// Reads `(outlet, text)` records as a corpus.
    fn corpus(records: &[(&str, String)]) -> Corpus {
        corpus_with(records, &Settings::default())
    }

    /// Reads `(outlet, text)` records as a corpus with `settings`.
    fn corpus_with(records: &[(&str, String)], settings: &Settings) -> Corpus {
        let lines: Vec<serde_json::Value> = records
            .iter()
            .enumerate()
            .map(|(i, (outlet, text))| serde_json::json!({"id": i, "outlet": outlet, "text": text}))
            .collect();
        corpus_of(&lines, settings)
    }

    /// Reads JSON records as a corpus with `settings`.
    fn corpus_of(lines: &[serde_json::Value], settings: &Settings) -> Corpus {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        for line in lines {
            std::io::Write::write_all(&mut file, format!("{line}\n").as_bytes()).unwrap();
        }
        let sources = crate::ingest::open_sources(&[file.path().to_path_buf()]).unwrap();
        Corpus::read(sources, settings, |_, _| {}).unwrap()
    }

    /// Strips `c`'s boilerplate; returns what was found and the articles whose sets shrank.
    fn strip_in(c: &mut Corpus, min_articles: usize) -> (Stripped, Vec<u32>) {
        let lens: Vec<usize> = (0..c.features.len())
            .map(|d| c.features.set(d).len())
            .collect();
        let mut passages = c.passages.as_slice().to_vec();
        let found = strip(&mut passages, &mut c.features, 4, min_articles);
        let shrunk = (0..lens.len())
            .filter(|&d| c.features.set(d).len() < lens[d])
            .map(|d| d as u32)
            .collect();
        (found, shrunk)
    }

    /// Jaccard of articles `x` and `y` as clustering sees them.
    fn jaccard(c: &Corpus, x: u32, y: u32) -> f32 {
        let set = |d: u32| c.features.set(d as usize);
        Similarity::of(set(x), set(y)).jaccard
    }

    #[test]
    fn removing_keeps_what_is_not_gone() {
        let mut v = vec![1, 3, 5, 7, 9, 11];
        remove_ascending(&mut v, &[0, 3, 4, 9, 12]);
        assert_eq!(v, [1, 5, 7, 11]);
        remove_ascending(&mut v, &[]);
        assert_eq!(v, [1, 5, 7, 11]);
        remove_ascending(&mut v, &[1, 5, 7, 11]);
        assert!(v.is_empty());
    }

    /// The words of each passage [`edge_passages`] finds in paragraphs of `lens` words.
    fn passage_words(lens: &[usize]) -> Vec<usize> {
        let (mut tokens, mut starts) = (Vec::new(), Vec::new());
        for (p, &n) in lens.iter().enumerate() {
            starts.push(tokens.len() as u32);
            tokens.extend((0..n).map(|w| (p * 100 + w) as u64));
        }
        let mut got = Vec::new();
        edge_passages("AP", &tokens, &starts, |_, words| got.push(words as usize));
        got
    }

    #[test]
    fn passages_are_the_long_paragraphs_at_either_end() {
        // Paragraph lengths 10, 3, 9, 12, 8, 20, 9 words: long are 0, 2, 3, 4, 5, 6; the first
        // two and the last three are 0, 2, 4, 5, 6.
        assert_eq!(passage_words(&[10, 3, 9, 12, 8, 20, 9]), [10, 9, 8, 20, 9]);
        // Fewer long paragraphs than HEAD + TAIL: each once.
        assert_eq!(passage_words(&[10, 3, 9]), [10, 9]);
    }

    proptest::proptest! {
        #[test]
        fn passages_are_the_first_and_last_long_paragraphs(
            lens in proptest::collection::vec(0usize..20, 0..12)
        ) {
            let got = passage_words(&lens);
            let long: Vec<usize> = lens.iter().copied().filter(|&n| n >= MIN_WORDS).collect();
            let want: Vec<usize> = if lens.iter().filter(|&&n| n > 0).count() < 2 {
                Vec::new()
            } else if long.len() <= HEAD + TAIL {
                long
            } else {
                long[..HEAD].iter().chain(&long[long.len() - TAIL..]).copied().collect()
            };
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn a_passage_is_keyed_by_its_outlet_and_its_words() {
        // Two paragraphs of 12 words.
        let tokens: Vec<u64> = (0..12).chain(100..112).collect();
        let key = |outlet: &str, tokens: &[u64]| {
            let mut k = Vec::new();
            edge_passages(outlet, tokens, &[0, 12], |key, _| k.push(key));
            assert_eq!(k.len(), 2);
            k
        };
        assert_eq!(key("AP", &tokens), key("AP", &tokens));
        assert_ne!(key("AP", &tokens), key("AFP", &tokens));
        let mut other = tokens.clone();
        other.swap(3, 4);
        assert_ne!(key("AP", &tokens), key("AP", &other));
    }

    #[test]
    fn passages_spill_with_the_features_and_strip_the_same() {
        let records: Vec<(&str, String)> = (0..12)
            .map(|i| {
                let outlet = ["Gazette", "Courier"][i % 2];
                (outlet, format!("{}\n\n{DISCLAIMER} {outlet}", brief(i)))
            })
            .collect();
        let run = |spill| {
            let settings = Settings {
                spill,
                ..Settings::default()
            };
            let mut c = corpus_with(&records, &settings);
            assert_eq!(c.features.spilled(), spill == crate::store::Spill::Always);
            let passages = c.passages.as_slice().len();
            let on_heap = c.passages.heap_bytes();
            let dedup = c.dedup(&settings);
            let sets: Vec<Vec<u32>> = (0..c.features.len())
                .map(|d| {
                    let mut v = Vec::new();
                    c.features.set(d).decode_into(&mut v);
                    v
                })
                .collect();
            (passages, on_heap, dedup.boilerplate, sets)
        };
        let (kept, heap, found, sets) = run(crate::store::Spill::Never);
        let (spilled, mapped, found_spilled, sets_spilled) = run(crate::store::Spill::Always);
        // Two long paragraphs an article, each an edge paragraph.
        assert_eq!((kept, spilled), (24, 24));
        assert!(heap >= 24 * size_of::<Passage>());
        assert_eq!(mapped, 0, "spilled passages are not on the heap");
        assert_eq!((found.passages(), found.articles()), (2, 12));
        assert_eq!(found, found_spilled);
        assert_eq!(sets, sets_spilled);
    }

    #[test]
    fn without_an_outlet_the_url_host_names_the_publisher() {
        // Six briefs crawled from one site: only their urls say who published them.
        let briefs = |url: &dyn Fn(usize) -> Option<String>| -> Vec<serde_json::Value> {
            (0..6)
                .map(|i| {
                    let mut r = serde_json::json!({"id": i, "text": format!("{}\n\n{DISCLAIMER}", brief(i))});
                    if let Some(u) = url(i) {
                        r["url"] = u.into();
                    }
                    r
                })
                .collect()
        };
        let found = |lines: &[serde_json::Value]| {
            let mut c = corpus_of(lines, &Settings::default());
            strip_in(&mut c, DEFAULT_MIN_ARTICLES).0
        };
        let one_site = found(&briefs(&|i| {
            Some(format!("https://www.gazette.example:443/news/{i}?ref=rss"))
        }));
        assert_eq!((one_site.passages(), one_site.articles()), (1, 6));
        let meta = Meta {
            url: Some("http://gazette.example/other".into()),
            ..Meta::default()
        };
        let text = format!("{}\n\n{DISCLAIMER}", brief(9));
        assert_eq!(one_site.paragraphs_of(&text, &meta), [1]);
        // Six sites, or no url at all: no publisher holds it five times.
        let six_sites = found(&briefs(&|i| Some(format!("https://site{i}.example/a"))));
        assert_eq!(six_sites.passages(), 0);
        assert_eq!(found(&briefs(&|_| None)).passages(), 0);
    }

    #[test]
    fn one_outlets_disclaimer_under_unrelated_briefs_is_left_out() {
        let records: Vec<(&str, String)> = (0..6)
            .map(|i| ("Gazette", format!("{}\n\n{DISCLAIMER}", brief(i))))
            .collect();
        let mut c = corpus(&records);
        let before = Similarity::of(c.features.set(0), c.features.set(1));
        let copies = crate::verify::Thresholds::default();
        assert!(
            copies.accepts(&before),
            "the disclaimer makes them copies: {before:?}"
        );
        let anchors_before = c.features.anchors(0).len();
        let (found, shrunk) = strip_in(&mut c, DEFAULT_MIN_ARTICLES);
        assert_eq!(
            (found.passages(), found.articles(), found.keys.len()),
            (1, 6, 1)
        );
        // The passage is found again in the text: the disclaimer is each brief's paragraph 1.
        let text = format!("{}\n\n{DISCLAIMER}", brief(9));
        assert_eq!(found.paragraphs_of(&text, &of("Gazette")), [1]);
        assert!(found.paragraphs_of(&text, &of("AP")).is_empty());
        assert!(found.paragraphs_of(&text, &Meta::default()).is_empty());
        assert!(found.paragraphs_of(&brief(9), &of("Gazette")).is_empty());
        assert_eq!(shrunk, [0, 1, 2, 3, 4, 5]);
        for y in 1..6 {
            assert!(jaccard(&c, 0, y) < 0.05);
        }
        // Its anchors go too: the briefs share none.
        let anchors = |d| c.features.anchors(d).to_vec();
        assert!(anchors(0).len() < anchors_before);
        assert!(anchors(0).iter().all(|a| !anchors(1).contains(a)));
    }

    #[test]
    fn fewer_articles_than_the_minimum_is_no_boilerplate() {
        let records: Vec<(&str, String)> = (0..4)
            .map(|i| ("Gazette", format!("{}\n\n{DISCLAIMER}", brief(i))))
            .collect();
        assert_eq!(strip_in(&mut corpus(&records), 5).0.articles(), 0);
        assert_eq!(strip_in(&mut corpus(&records), 0).0.articles(), 0);
        assert_eq!(strip_in(&mut corpus(&records), 4).0.articles(), 4);
    }

    #[test]
    fn the_same_paragraph_at_different_outlets_is_a_story_not_boilerplate() {
        let records: Vec<(&str, String)> = (0..6)
            .map(|i| {
                let outlet = ["AP", "Gazette", "Courier", "Herald", "Times", "Post"][i];
                (outlet, format!("{}\n\n{DISCLAIMER}", brief(i)))
            })
            .collect();
        assert!(strip_in(&mut corpus(&records), 2).1.is_empty());
    }

    #[test]
    fn versions_of_one_story_sharing_more_than_the_passage_keep_it() {
        // Five updates, each a new top paragraph over the same three.
        let body = format!("{}\n\n{}\n\n{}", brief(100), brief(101), brief(102));
        let records: Vec<(&str, String)> = (0..5)
            .map(|i| ("Gazette", format!("{}\n\n{body}", brief(i))))
            .collect();
        assert!(strip_in(&mut corpus(&records), 5).1.is_empty());
    }

    #[test]
    fn copies_of_the_passage_alone_stay_copies() {
        // Eight articles that are only the disclaimer, then five briefs with it: the briefs
        // lose it, the bare disclaimers keep their features and stay copies of one another.
        let mut records: Vec<(&str, String)> = (0..SAMPLE)
            .map(|_| ("Gazette", DISCLAIMER.to_string()))
            .collect();
        records.extend((0..5).map(|i| ("Gazette", format!("{}\n\n{DISCLAIMER}", brief(i)))));
        let mut c = corpus(&records);
        let (found, shrunk) = strip_in(&mut c, 5);
        assert_eq!(found.passages(), 1);
        assert_eq!(shrunk, [8, 9, 10, 11, 12]);
        assert_eq!(jaccard(&c, 0, 1), 1.0);
        assert!(jaccard(&c, 0, 8) < 0.05);
        assert!(jaccard(&c, 8, 9) < 0.05);
    }

    #[test]
    fn updates_of_one_story_first_do_not_hide_the_boilerplate_after_them() {
        // Eight updates of one story (three paragraphs kept, a new top), then ten briefs, all
        // under the disclaimer: the updates stay copies, the briefs come apart.
        let body = format!("{}\n\n{}\n\n{}", brief(100), brief(101), brief(102));
        let mut records: Vec<(&str, String)> = (0..SAMPLE)
            .map(|i| ("Gazette", format!("{}\n\n{body}\n\n{DISCLAIMER}", brief(i))))
            .collect();
        records.extend((0..10).map(|i| ("Gazette", format!("{}\n\n{DISCLAIMER}", brief(200 + i)))));
        let mut c = corpus(&records);
        let (found, shrunk) = strip_in(&mut c, 5);
        assert_eq!(found.passages(), 1);
        assert_eq!(shrunk.len(), 18);
        let copies = crate::verify::Thresholds::default();
        let similarity = |x: usize, y: usize| Similarity::of(c.features.set(x), c.features.set(y));
        assert!(copies.accepts(&similarity(0, 7)), "{:?}", similarity(0, 7));
        assert!(similarity(0, 7).shared as usize >= 3 * 27);
        assert!(jaccard(&c, 8, 9) < 0.05);
    }

    #[test]
    fn a_copy_of_a_story_keeps_what_it_shares_with_the_story() {
        // The Gazette runs the wire story under its disclaimer; the wire copy has none.
        let story = format!("{}\n\n{}", brief(50), brief(51));
        let mut records: Vec<(&str, String)> = (0..5)
            .map(|i| ("Gazette", format!("{}\n\n{DISCLAIMER}", brief(i))))
            .collect();
        records.push(("Gazette", format!("{story}\n\n{DISCLAIMER}")));
        records.push(("AP", story));
        let mut c = corpus(&records);
        assert_eq!(strip_in(&mut c, 5).1, [0, 1, 2, 3, 4, 5]);
        assert!(jaccard(&c, 5, 6) > 0.9);
    }
}
