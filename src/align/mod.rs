//! Align: what each outlet's version did with the shared source, sentence by sentence.
//!
//! Every text is split into its story and furniture ([`crate::normalize::furniture`], and the
//! paragraphs [`Doc::boilerplate`] names) and the story into sentences ([`crate::segment`]). Each sentence becomes a set of normalized words,
//! weighted by how rare the word is among all the sentences being compared (an inverse sentence
//! frequency: `the` weighs little, `Murmansk` a lot). Reference and version sentences are
//! paired one to one, most similar first, when their weighted Dice similarity reaches
//! [`AlignParams::threshold`]: a reworded sentence keeps most of its rare words and aligns; a
//! different sentence on the same topic shares only a few and does not. The cost is the
//! reference's sentences times the version's, never cubic.
//!
//! Each pair is then diffed word by word (the `similar` crate, Myers) and every sentence gets an
//! [`Op`]: `same`, `reworded`, `moved` (kept, but out of the reference's order: not on the
//! longest run of pairs in order), `trimmed` (reference content the version lacks; `cut` when it
//! is the bottom of the story) or `added` (the version's own). Credits are compared by
//! [`crate::attribution`]. The result is a [`Comparison`], serialized as the documented JSON
//! schema [`SCHEMA`]; each field is documented on its type. In short:
//!
//! ```text
//! { "schema": "copydesk.compare/1",
//!   "reference": { "id", "outlet"?, "published"?, "title"?, "words", "sentences": [..],
//!                  "attributions": [[sentence, {source, kind, cue, cue_kind, pronoun?}], ..],
//!                  "dateline_credits"?: [{source, kind, cue: "dateline", cue_kind: "dateline"}] },
//!   "versions": [ { "id", "outlet"?, "published"?, "words", "kept", "reused", "verbatim",
//!                   "cut_at"?, "counts": {same, reworded, trimmed, added, moved},
//!                   "segments": [ { "op": same|reworded|trimmed|added|moved,
//!                                   "reference"?: {index, text}, "version"?: {index, text},
//!                                   "similarity"?, "reworded"?, "cut"?,
//!                                   "changes"?: [ {tag: equal|delete|insert, text, joined?} ] } ],
//!                   "attributions": [ { "reference": {..}, "fate": kept|reworded|dropped|
//!                                       replaced|trimmed, "version"?: {..}, "sentence"? } ],
//!                   "added_attributions": [..],
//!                   "furniture"?: { dateline_was?, dateline_now?, added?, removed?, notices? },
//!                   "headline"?: { "was"?, "now"?, "same", "changes"?: [..] } } ] }
//! ```

use std::collections::HashMap;

// Maps keyed by token hashes (XXH3, so already uniform) or small ids, here and in the
// submodules: FxHash's one multiply rather than SipHash (`dedup --diffs` on 100k generated
// articles: SipHash was 2.3% of the profile).
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::attribution::{self, Attribution, AttributionChange};
use crate::normalize;
use crate::segment;

// Which version sentence is which reference sentence.
mod pairing;
// How many of a version's words come from the reference.
mod reuse;
#[cfg(test)]
mod tests;
// Display words and the word diff of two aligned sentences.
mod words;

use pairing::{Vocabulary, longest_run_in_order, pair, shared_weight};
use reuse::reused_in_reference_order;
use words::{Word, for_each_token, word_diff, words_of};

/// The JSON schema name and version of a [`Comparison`]. The version goes up when a field
/// changes meaning or goes away; new fields may be added within a version.
pub const SCHEMA: &str = "copydesk.compare/1";

/// Alignment settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AlignParams {
    /// Weighted Dice similarity from which two sentences align.
    pub threshold: f32,
}

impl Default for AlignParams {
    fn default() -> Self {
        AlignParams { threshold: 0.45 }
    }
}

/// One text to compare.
#[derive(Clone, Debug, Default)]
pub struct Doc<'a> {
    /// Its id.
    pub id: String,
    /// Outlet, when known ([`crate::ingest::Meta::publisher`] when made from metadata: the
    /// url's host stands in for a missing outlet).
    pub outlet: Option<String>,
    /// Publication time as given, when known.
    pub published: Option<String>,
    /// Headline, when known.
    pub title: Option<String>,
    /// The text.
    pub text: &'a str,
    /// Paragraphs of its story body (by number, as [`crate::normalize::story_body`] splits it)
    /// that are its outlet's boilerplate ([`crate::boilerplate`]): compared as furniture, like
    /// a footer, not as story.
    pub boilerplate: Vec<usize>,
}

impl<'a> Doc<'a> {
    /// A text with its id and no metadata.
    pub fn new(id: impl Into<String>, text: &'a str) -> Doc<'a> {
        Doc {
            id: id.into(),
            text,
            ..Doc::default()
        }
    }

    /// The text of an article with the metadata it was read with.
    pub fn with_meta(id: String, meta: &crate::ingest::Meta, text: &'a str) -> Doc<'a> {
        let owned = |v: &Option<Box<str>>| v.as_deref().map(str::to_string);
        Doc {
            id,
            // Crawled articles often carry a url and no outlet: the url's host names them.
            outlet: meta.publisher().map(str::to_string),
            published: owned(&meta.published),
            title: owned(&meta.title),
            text,
            boilerplate: Vec::new(),
        }
    }
}

/// What happened to one sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Kept word for word.
    Same,
    /// Kept with words changed.
    Reworded,
    /// Reference content the version does not have.
    Trimmed,
    /// The version's own content.
    Added,
    /// Kept, but in another place.
    Moved,
}

/// Which way a word-level change goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tag {
    /// In both.
    Equal,
    /// Only in the reference.
    Delete,
    /// Only in the version.
    Insert,
}

/// A run of words with one [`Tag`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Direction.
    pub tag: Tag,
    /// The words, as written: joined by spaces, or by nothing where the text has none between
    /// them (Chinese and Japanese).
    pub text: String,
    /// Written against the change before it, with no space between (`在` `[-四-]` `{+五+}`
    /// `月`): a view puts these together; others it separates by a space. Left out when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub joined: bool,
}

/// A sentence of one side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SentenceRef {
    /// 0-based sentence number in its text's story.
    pub index: usize,
    /// The sentence.
    pub text: String,
}

/// One aligned (or unaligned) sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Segment {
    /// What happened.
    pub op: Op,
    /// The reference sentence (absent for `added`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<SentenceRef>,
    /// The version sentence (absent for `trimmed`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<SentenceRef>,
    /// Weighted similarity of an aligned pair.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f32>,
    /// For `moved`: whether the words changed too.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub reworded: bool,
    /// For `trimmed`: part of the cut from the bottom of the story.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cut: bool,
    /// Word-level changes of a reworded pair.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
}

/// What a version did to the headline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HeadlineChange {
    /// The reference's headline, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub was: Option<String>,
    /// The version's headline, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub now: Option<String>,
    /// Both have one, and they are word for word the same (case and punctuation aside).
    pub same: bool,
    /// Word-level changes from `was` to `now`, when both exist and differ.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
}

impl HeadlineChange {
    /// Compares two headlines; `None` when neither text has one.
    fn of(was: Option<&str>, now: Option<&str>) -> Option<HeadlineChange> {
        fn words(t: Option<&str>) -> Vec<Word<'_>> {
            t.map_or_else(Vec::new, |t| words_of(t, |_| ()).0)
        }
        let (a, b) = (words(was), words(now));
        if a.is_empty() && b.is_empty() {
            return None;
        }
        let same = !a.is_empty() && a.iter().map(|w| w.key).eq(b.iter().map(|w| w.key));
        let changes = if same || a.is_empty() || b.is_empty() {
            Vec::new()
        } else {
            word_diff(&a, &b).changes
        };
        Some(HeadlineChange {
            was: was.filter(|_| !a.is_empty()).map(|t| t.trim().to_string()),
            now: now.filter(|_| !b.is_empty()).map(|t| t.trim().to_string()),
            same,
            changes,
        })
    }
}

/// Changes to the wire furniture (dateline, bylines, footers), which are not story text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FurnitureChange {
    /// The reference's dateline, when the version's differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline_was: Option<String>,
    /// The version's dateline, when it differs from the reference's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline_now: Option<String>,
    /// Bylines and footers the version has and the reference does not.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<String>,
    /// Bylines and footers the reference has and the version does not.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
    /// Of `added`, the version's outlet's standing notices: boilerplate it runs under many of
    /// its articles (known only when compared from a corpus, see [`Doc::boilerplate`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<String>,
}

impl FurnitureChange {
    /// True when the furniture is the same.
    pub fn is_empty(&self) -> bool {
        self == &FurnitureChange::default()
    }
}

/// Segments per op.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct OpCounts {
    /// `same` sentences.
    pub same: usize,
    /// `reworded` sentences.
    pub reworded: usize,
    /// `trimmed` reference sentences.
    pub trimmed: usize,
    /// `added` version sentences.
    pub added: usize,
    /// `moved` sentences.
    pub moved: usize,
}

impl std::ops::AddAssign<&OpCounts> for OpCounts {
    fn add_assign(&mut self, o: &OpCounts) {
        self.same += o.same;
        self.reworded += o.reworded;
        self.trimmed += o.trimmed;
        self.added += o.added;
        self.moved += o.moved;
    }
}

/// What one version did with the reference.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VersionDiff {
    /// Version id.
    pub id: String,
    /// Its outlet (or, without one, its url's host).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Its publication time as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Words in its story.
    pub words: usize,
    /// Share of the reference's words the version keeps, verbatim or reworded (0..1): the words
    /// of its aligned sentences, less those it cut from inside them with nothing in their place
    /// (ten words replaced by three: three reworded, seven cut).
    pub kept: f32,
    /// Share of the version's words that come from the reference (0..1): words of a longest
    /// common subsequence with the reference, in runs of two or more (see `reused_words`), read
    /// with moved sentences put back where the reference has them.
    pub reused: f32,
    /// Share of the reference's words the version keeps word for word (0..1).
    pub verbatim: f32,
    /// When the version cut the bottom of the story: the first reference sentence cut.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cut_at: Option<usize>,
    /// Segments per op.
    pub counts: OpCounts,
    /// Every sentence, in the version's reading order, with trimmed reference sentences where
    /// they stood.
    pub segments: Vec<Segment>,
    /// The fate of each of the reference's credits.
    pub attributions: Vec<AttributionChange>,
    /// Credits the version has that the reference does not.
    pub added_attributions: Vec<Attribution>,
    /// Dateline, byline and footer changes.
    #[serde(skip_serializing_if = "FurnitureChange::is_empty")]
    pub furniture: FurnitureChange,
    /// What it did to the headline, when either has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<HeadlineChange>,
}

/// The reference, as summarized in a [`Comparison`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReferenceSummary {
    /// Reference id.
    pub id: String,
    /// Its outlet (or, without one, its url's host).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Its publication time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Its headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Words in its story.
    pub words: usize,
    /// Its sentences.
    pub sentences: Vec<String>,
    /// Its credits, per sentence index.
    pub attributions: Vec<(usize, Attribution)>,
    /// The credits in its dateline (`(Reuters)`), when it has any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dateline_credits: Vec<Attribution>,
}

/// A reference and what every version did with it. Serialized with `schema` = [`SCHEMA`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// [`SCHEMA`].
    pub schema: &'static str,
    /// The reference.
    pub reference: ReferenceSummary,
    /// One entry per version, in the order given.
    pub versions: Vec<VersionDiff>,
}

/// A sentence ready for alignment.
struct Prepared<'a> {
    text: &'a str,
    /// Dense word ids, sorted, distinct.
    set: Vec<u32>,
    /// Display words.
    words: Vec<Word<'a>>,
    /// Normalized word count.
    tokens: usize,
    /// Dense word ids in text order (see [`number`]).
    sequence: Vec<u32>,
    /// Token hashes in text order, until [`number`] turns them into `sequence`.
    hashes: Vec<u64>,
    /// Its distinct words' summed weights, once the vocabulary is finished (see
    /// [`Vocabulary::weigh`]): the denominator of every similarity it takes part in.
    mass: f32,
    attributions: Vec<Attribution>,
}

/// A text ready for alignment.
struct PreparedDoc<'a> {
    furniture: normalize::Furniture<'a>,
    /// The outlet's boilerplate paragraphs (also among the furniture's footers).
    notices: Vec<&'a str>,
    /// Credits in the dateline.
    credits: Vec<Attribution>,
    sentences: Vec<Prepared<'a>>,
    tokens: usize,
}

/// Reads a text for alignment: its furniture, sentences, words and credits. Each sentence's
/// `sequence` holds token hashes until [`number`] gives them dense ids; texts are read in
/// parallel, numbered in order, so the ids do not depend on the thread count.
fn prepare<'a>(doc: &Doc<'a>) -> PreparedDoc<'a> {
    let text = doc.text;
    let mut furniture = normalize::furniture(text);
    let mut notices = Vec::new();
    if !doc.boilerplate.is_empty() {
        // The outlet's boilerplate is furniture: listed with the footers, kept out of the story.
        let (boilerplate, body): (Vec<_>, Vec<_>) = furniture
            .body
            .iter()
            .copied()
            .enumerate()
            .partition(|(i, _)| doc.boilerplate.contains(i));
        furniture.body = body.into_iter().map(|(_, p)| p).collect();
        notices = boilerplate.into_iter().map(|(_, p)| p).collect();
        furniture.footers.extend(&notices);
    }
    let mut tokens_total = 0;
    let readers = attribution::Readers::of(text);
    let mut sentences: Vec<Prepared> = segment::sentences_of_parts(text, &furniture.body)
        .into_iter()
        .map(|s| {
            let t = &text[s.span];
            let mut hashes = Vec::new();
            let (words, tokens) = words_of(t, |h| hashes.push(h));
            tokens_total += tokens;
            Prepared {
                text: t,
                set: Vec::new(),
                words,
                tokens,
                sequence: Vec::new(),
                hashes,
                mass: 0.0,
                attributions: readers.find(t),
            }
        })
        .collect();
    attribution::refer_pronouns(sentences.iter_mut().map(|s| &mut s.attributions));
    PreparedDoc {
        credits: furniture
            .dateline
            .map(attribution::dateline_credits)
            .unwrap_or_default(),
        furniture,
        notices,
        sentences,
        tokens: tokens_total,
    }
}

/// Gives a prepared text's token hashes their dense ids in `vocab` and counts each sentence's
/// distinct words into the document frequencies.
fn number(doc: &mut PreparedDoc<'_>, vocab: &mut Vocabulary) {
    for s in &mut doc.sentences {
        s.sequence = s.hashes.iter().map(|&h| vocab.id(h)).collect();
        s.hashes = Vec::new();
        let mut ids = s.sequence.clone();
        ids.sort_unstable();
        ids.dedup();
        for &i in &ids {
            vocab.df[i as usize] += 1;
        }
        s.set = ids;
    }
}

/// `changes`, the fates of the credits of reference sentence `i`, each saying so.
fn in_sentence(
    i: usize,
    changes: Vec<AttributionChange>,
) -> impl Iterator<Item = AttributionChange> {
    changes.into_iter().map(move |c| AttributionChange {
        sentence: Some(i),
        ..c
    })
}

fn furniture_change(reference: &PreparedDoc<'_>, version: &PreparedDoc<'_>) -> FurnitureChange {
    let (r, v) = (&reference.furniture, &version.furniture);
    let mut f = FurnitureChange::default();
    let key = |d: Option<&str>| {
        d.map(|s| {
            let mut tokens = Vec::new();
            for_each_token(s, |h| tokens.push(h));
            tokens
        })
    };
    if r.dateline != v.dateline && key(r.dateline) != key(v.dateline) {
        f.dateline_was = r.dateline.map(str::to_string);
        f.dateline_now = v.dateline.map(str::to_string);
    }
    let rl: Vec<&str> = r.bylines.iter().chain(&r.footers).copied().collect();
    let vl: Vec<&str> = v.bylines.iter().chain(&v.footers).copied().collect();
    f.added = vl
        .iter()
        .filter(|l| !rl.contains(l))
        .map(|l| l.to_string())
        .collect();
    f.removed = rl
        .iter()
        .filter(|l| !vl.contains(l))
        .map(|l| l.to_string())
        .collect();
    f.notices = version
        .notices
        .iter()
        .filter(|n| !rl.contains(n))
        .map(|n| n.to_string())
        .collect();
    f
}

/// The credits of `credits` that `used` does not mark.
fn unused<'a>(
    credits: &'a [Attribution],
    used: &'a [bool],
) -> impl Iterator<Item = Attribution> + 'a {
    credits
        .iter()
        .zip(used)
        .filter(|(_, u)| !**u)
        .map(|(a, _)| a.clone())
}

fn diff_version(
    vocab: &Vocabulary,
    reference: &PreparedDoc<'_>,
    version: &PreparedDoc<'_>,
    reference_words: &[u32],
    doc: &Doc<'_>,
    params: &AlignParams,
) -> VersionDiff {
    let of_version = pair(vocab, reference, version, params.threshold);
    let mut of_reference: Vec<Option<usize>> = vec![None; reference.sentences.len()];
    for (j, p) in of_version.iter().enumerate() {
        if let Some((i, _)) = p {
            of_reference[*i] = Some(j);
        }
    }
    // Pairs off the longest run in the reference's order moved.
    let mut in_order = vec![false; version.sentences.len()];
    for (_, j) in longest_run_in_order(&of_version) {
        in_order[j] = true;
    }
    let last_kept = of_reference.iter().rposition(Option::is_some);
    let cut_from = last_kept.map_or(0, |k| k + 1);
    let sref = |i: usize| SentenceRef {
        index: i,
        text: reference.sentences[i].text.to_string(),
    };
    let sver = |j: usize| SentenceRef {
        index: j,
        text: version.sentences[j].text.to_string(),
    };
    let trimmed = |i: usize| Segment {
        op: Op::Trimmed,
        reference: Some(sref(i)),
        version: None,
        similarity: None,
        reworded: false,
        cut: i >= cut_from,
        changes: Vec::new(),
    };

    let mut segments = Vec::new();
    let mut counts = OpCounts::default();
    let mut next_trim = 0; // reference sentences before this are placed
    let (mut kept_tokens, mut verbatim_tokens) = (0usize, 0usize);
    // Dateline credits first: the dateline heads the story.
    let mut used = vec![false; version.credits.len()];
    let mut attributions =
        attribution::compare(&reference.credits, Some(&version.credits), &mut used);
    let mut added_attributions: Vec<Attribution> = unused(&version.credits, &used).collect();
    for (j, v) in version.sentences.iter().enumerate() {
        let mut used = vec![false; v.attributions.len()];
        match of_version[j] {
            Some((i, similarity)) => {
                if in_order[j] {
                    while next_trim < i {
                        if of_reference[next_trim].is_none() {
                            segments.push(trimmed(next_trim));
                            counts.trimmed += 1;
                        }
                        next_trim += 1;
                    }
                    next_trim = next_trim.max(i + 1);
                }
                let r = &reference.sentences[i];
                let diff = word_diff(&r.words, &v.words);
                let changes = diff.changes;
                let same = changes.iter().all(|c| c.tag == Tag::Equal);
                kept_tokens += r.tokens.saturating_sub(diff.cut_tokens);
                verbatim_tokens += diff.equal_tokens.min(r.tokens);
                let op = match (in_order[j], same) {
                    (false, _) => Op::Moved,
                    (true, true) => Op::Same,
                    (true, false) => Op::Reworded,
                };
                match op {
                    Op::Same => counts.same += 1,
                    Op::Reworded => counts.reworded += 1,
                    _ => counts.moved += 1,
                }
                attributions.extend(in_sentence(
                    i,
                    attribution::compare(&r.attributions, Some(&v.attributions), &mut used),
                ));
                segments.push(Segment {
                    op,
                    reference: Some(sref(i)),
                    version: Some(sver(j)),
                    similarity: Some((similarity * 1000.0).round() / 1000.0),
                    reworded: op == Op::Moved && !same,
                    cut: false,
                    changes: if same { Vec::new() } else { changes },
                });
            }
            None => {
                counts.added += 1;
                segments.push(Segment {
                    op: Op::Added,
                    reference: None,
                    version: Some(sver(j)),
                    similarity: None,
                    reworded: false,
                    cut: false,
                    changes: Vec::new(),
                });
            }
        }
        added_attributions.extend(unused(&v.attributions, &used));
    }
    for (i, pair) in of_reference.iter().enumerate().skip(next_trim) {
        if pair.is_none() {
            segments.push(trimmed(i));
            counts.trimmed += 1;
        }
    }
    // Credits of trimmed reference sentences, in reference order after the others.
    for (i, r) in reference.sentences.iter().enumerate() {
        if of_reference[i].is_none() {
            attributions.extend(in_sentence(
                i,
                attribution::compare(&r.attributions, None, &mut []),
            ));
        }
    }
    attribution::found_elsewhere(&mut attributions, &mut added_attributions);
    let share = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            ((a as f32 / b as f32) * 10_000.0).round() / 10_000.0
        }
    };
    VersionDiff {
        id: doc.id.clone(),
        outlet: doc.outlet.clone(),
        published: doc.published.clone(),
        words: version.tokens,
        kept: share(kept_tokens, reference.tokens),
        reused: share(
            reused_in_reference_order(reference, reference_words, version, &of_version, &in_order),
            version.tokens,
        ),
        verbatim: share(verbatim_tokens, reference.tokens),
        cut_at: (last_kept.is_some() && cut_from < reference.sentences.len()).then_some(cut_from),
        counts,
        segments,
        attributions,
        added_attributions,
        furniture: furniture_change(reference, version),
        headline: None,
    }
}

/// Compares every version with the reference.
pub fn compare(reference: &Doc<'_>, versions: &[Doc<'_>], params: &AlignParams) -> Comparison {
    let (mut r, mut vs) = rayon::join(
        || prepare(reference),
        || versions.par_iter().map(prepare).collect::<Vec<_>>(),
    );
    let mut vocab = Vocabulary::default();
    let mut sentence_count = 0;
    for doc in std::iter::once(&mut r).chain(&mut vs) {
        number(doc, &mut vocab);
        sentence_count += doc.sentences.len();
    }
    vocab.finish(sentence_count);
    for doc in std::iter::once(&mut r).chain(&mut vs) {
        vocab.weigh(doc);
    }
    let reference_words: Vec<u32> = r
        .sentences
        .iter()
        .flat_map(|s| s.sequence.iter().copied())
        .collect();
    // Versions with the same text as an earlier one get a copy of its diff (a corpus can hold
    // one page thousands of times; the diff is most of the work).
    let mut first_with_text: HashMap<&str, usize> = HashMap::new();
    let same_as: Vec<usize> = versions
        .iter()
        .enumerate()
        .map(|(k, v)| *first_with_text.entry(v.text).or_insert(k))
        .collect();
    let mut computed: Vec<Option<VersionDiff>> = vs
        .par_iter()
        .zip(versions)
        .enumerate()
        .map(|(k, (p, d))| {
            (same_as[k] == k).then(|| diff_version(&vocab, &r, p, &reference_words, d, params))
        })
        .collect();
    // In version order, so a copy's original (always earlier) is already in `diffs`.
    let mut diffs: Vec<VersionDiff> = Vec::with_capacity(versions.len());
    for (k, d) in versions.iter().enumerate() {
        let diff = match computed[k].take() {
            Some(diff) => diff,
            None => VersionDiff {
                id: d.id.clone(),
                outlet: d.outlet.clone(),
                published: d.published.clone(),
                ..diffs[same_as[k]].clone()
            },
        };
        diffs.push(VersionDiff {
            headline: HeadlineChange::of(reference.title.as_deref(), d.title.as_deref()),
            ..diff
        });
    }
    Comparison {
        schema: SCHEMA,
        reference: ReferenceSummary {
            id: reference.id.clone(),
            outlet: reference.outlet.clone(),
            published: reference.published.clone(),
            title: reference.title.clone(),
            words: r.tokens,
            sentences: r.sentences.iter().map(|s| s.text.to_string()).collect(),
            attributions: r
                .sentences
                .iter()
                .enumerate()
                .flat_map(|(i, s)| s.attributions.iter().map(move |a| (i, a.clone())))
                .collect(),
            dateline_credits: r.credits.clone(),
        },
        versions: diffs,
    }
}

/// The similarity the aligner gives two sentences, with word weights from `context` (a
/// collection of sentences such as the corpus they come from). For evaluation and tuning.
pub fn sentence_similarity(a: &str, b: &str, context: &SentenceWeights) -> f32 {
    let ids = |s: &str| {
        let mut v: Vec<u64> = Vec::new();
        for_each_token(s, |h| v.push(h));
        v.sort_unstable();
        v.dedup();
        v
    };
    let (a, b) = (ids(a), ids(b));
    let w = |t: &u64| context.weight(*t);
    let shared = shared_weight(&a, &b, w);
    let total: f32 = a.iter().map(w).sum::<f32>() + b.iter().map(w).sum::<f32>();
    if total == 0.0 {
        0.0
    } else {
        2.0 * shared / total
    }
}

/// Inverse sentence frequencies learnt from a collection of sentences.
#[derive(Debug, Default)]
pub struct SentenceWeights {
    df: FxHashMap<u64, u32>,
    sentences: usize,
}

impl SentenceWeights {
    /// Learns from `sentences`.
    pub fn learn<'a>(sentences: impl IntoIterator<Item = &'a str>) -> SentenceWeights {
        let mut w = SentenceWeights::default();
        let mut ids = Vec::new();
        for s in sentences {
            ids.clear();
            for_each_token(s, |h| ids.push(h));
            ids.sort_unstable();
            ids.dedup();
            for &t in &ids {
                *w.df.entry(t).or_default() += 1;
            }
            w.sentences += 1;
        }
        w
    }

    /// Weight of a token hash: `ln(1 + N / df)`; unseen tokens weigh as if seen once.
    pub fn weight(&self, token: u64) -> f32 {
        let df = self.df.get(&token).copied().unwrap_or(1).max(1);
        (1.0 + self.sentences.max(1) as f32 / df as f32).ln()
    }
}
