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
//!                  "attributions": [[sentence, {source, kind, cue, cue_kind}], ..],
//!                  "dateline_credits"?: [{source, kind, cue: "dateline", cue_kind: "dateline"}] },
//!   "versions": [ { "id", "outlet"?, "published"?, "words", "kept", "reused", "verbatim",
//!                   "cut_at"?, "counts": {same, reworded, trimmed, added, moved},
//!                   "segments": [ { "op": same|reworded|trimmed|added|moved,
//!                                   "reference"?: {index, text}, "version"?: {index, text},
//!                                   "similarity"?, "reworded"?, "cut"?,
//!                                   "changes"?: [ {tag: equal|delete|insert, text, joined?} ] } ],
//!                   "attributions": [ { "reference": {..}, "fate": kept|reworded|dropped|
//!                                       replaced|trimmed, "version"?: {..} } ],
//!                   "added_attributions": [..],
//!                   "furniture"?: { dateline_was?, dateline_now?, added?, removed?, notices? },
//!                   "headline"?: { "was"?, "now"?, "same", "changes"?: [..] } } ] }
//! ```

use std::collections::HashMap;

// Maps keyed by token hashes (XXH3, so already uniform) or small ids: FxHash's one multiply
// rather than SipHash (`dedup --diffs` on 100k generated articles: SipHash was 2.3% of the
// profile).
use rustc_hash::{FxHashMap, FxHashSet};

use rayon::prelude::*;
use serde::Serialize;
use similar::{Algorithm, DiffOp};

use crate::attribution::{self, Attribution, AttributionChange};
use crate::normalize;
use crate::segment;

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
            word_diff(&a, &b).0
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
    /// Share of the reference's words the version keeps, verbatim or reworded (0..1).
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
    /// Dense word ids in text order.
    sequence: Vec<u32>,
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

/// Word ids and inverse sentence frequencies over all texts of one comparison.
#[derive(Default)]
struct Vocabulary {
    ids: FxHashMap<u64, u32>,
    df: Vec<u32>,
    weight: Vec<f32>,
}

impl Vocabulary {
    fn id(&mut self, token: u64) -> u32 {
        let next = self.ids.len() as u32;
        let id = *self.ids.entry(token).or_insert(next);
        if id == next {
            self.df.push(0);
        }
        id
    }

    fn finish(&mut self, sentences: usize) {
        let n = sentences.max(1) as f32;
        self.weight = self
            .df
            .iter()
            .map(|&df| (1.0 + n / df.max(1) as f32).ln())
            .collect();
    }

    /// Sets every sentence's mass, once [`Vocabulary::finish`] has weighed the words.
    fn weigh(&self, doc: &mut PreparedDoc<'_>) {
        for s in &mut doc.sentences {
            s.mass = s.set.iter().map(|&i| self.weight[i as usize]).sum();
        }
    }

    /// Weighted Dice similarity of two sentences (their sorted id sets).
    fn similarity(&self, a: &Prepared<'_>, b: &Prepared<'_>) -> f32 {
        let total = a.mass + b.mass;
        if total == 0.0 {
            return 0.0;
        }
        let (a, b) = (&a.set[..], &b.set[..]);
        let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        // A sentence against a text with no sentence ends (one "sentence" of 100,000 words):
        // look each word of the small set up rather than walk the large one every time.
        if small.len().saturating_mul(32) < large.len() {
            let mut rest = large;
            let mut shared = 0.0f32;
            for &id in small {
                let at = rest.partition_point(|&x| x < id);
                if rest.get(at) == Some(&id) {
                    shared += self.weight[id as usize];
                }
                rest = &rest[at..];
            }
            return 2.0 * shared / total;
        }
        let (mut i, mut j, mut shared) = (0, 0, 0.0f32);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += self.weight[a[i] as usize];
                    i += 1;
                    j += 1;
                }
            }
        }
        2.0 * shared / total
    }
}

/// One display word (see [`display_words`]) of a sentence or headline.
#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    /// As written.
    text: &'a str,
    /// Written against the word before it, with no space between (`在` `四` `月`).
    joined: bool,
    /// Its normalized tokens hashed together: what the word diff compares (0 for a word of
    /// punctuation only).
    key: u64,
    /// How many normalized tokens it holds.
    tokens: u32,
}

/// The display words of `text`, each with whether it was written against the word before it:
/// its whitespace-separated words, taken apart where two words meet without a space.
///
/// - A number written against an Arabic-script word (`505رنز` is `505` and `رنز`). Urdu papers
///   often set a number without the space the agency gave it, or the other way round; read as
///   one word it would match nothing. On COUNTER this lifted `reused`'s AUC for derived against
///   independent articles by about 0.01 (see `tests/eval/counter.rs`).
/// - Every Chinese character and kana (`同意在四月` is five words), and a number or Latin word
///   after one. Chinese and Japanese are written without spaces, so without this a sentence
///   with one character changed was one word replaced whole. The tokens are the same either
///   way (each such character is a token of its own); punctuation stays with the word before it.
fn display_words(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let joint = |a: char, b: char| {
        number_meets_arabic_letter(a, b)
            || normalize::is_han_or_kana(b)
            || (normalize::is_han_or_kana(a) && b.is_alphanumeric())
    };
    text.split_whitespace().flat_map(move |word| {
        let mut rest = word;
        let mut joined = false;
        std::iter::from_fn(move || {
            if rest.is_empty() {
                return None;
            }
            let mut chars = rest.char_indices();
            let (_, first) = chars.next()?;
            let mut prev = first;
            let cut = chars
                .find(|&(_, c)| {
                    let cut = joint(prev, c);
                    prev = c;
                    cut
                })
                .map_or(rest.len(), |(i, _)| i);
            let (head, tail) = rest.split_at(cut);
            rest = tail;
            let word = (head, joined);
            joined = true;
            Some(word)
        })
    })
}

/// Whether `a` then `b` is a digit against an Arabic-script letter, either way round.
fn number_meets_arabic_letter(a: char, b: char) -> bool {
    fn arabic_letter(c: char) -> bool {
        matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
            && c.is_alphabetic()
    }
    let digit = |c: char| c.is_numeric();
    (digit(a) && arabic_letter(b)) || (arabic_letter(a) && digit(b))
}

/// Every token hash of `text` in order, read as [`display_words`] reads it.
fn for_each_token(text: &str, mut each_token: impl FnMut(u64)) -> usize {
    normalize::for_each_token_of_parts(display_words(text).map(|(w, _)| w), |_, h| each_token(h))
}

/// The display words of `text`, and its token count; `each_token` sees every token hash in
/// order. Each word is tokenized once (tokens never span whitespace), for its key and for the
/// caller.
fn words_of(text: &str, mut each_token: impl FnMut(u64)) -> (Vec<Word<'_>>, usize) {
    let mut words: Vec<Word<'_>> = display_words(text)
        .map(|(text, joined)| Word {
            text,
            joined,
            key: 0,
            tokens: 0,
        })
        .collect();
    let tokens = normalize::for_each_token_of_parts(display_words(text).map(|(w, _)| w), |i, h| {
        let w = &mut words[i];
        w.key = w.key.rotate_left(17) ^ h;
        w.tokens += 1;
        each_token(h);
    });
    (words, tokens)
}

fn prepare<'a>(
    doc: &Doc<'a>,
    vocab: &mut Vocabulary,
    sentence_count: &mut usize,
) -> PreparedDoc<'a> {
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
    let sentences = segment::sentences_of_parts(text, &furniture.body)
        .into_iter()
        .map(|s| {
            let t = &text[s.span];
            let mut sequence = Vec::new();
            let (words, tokens) = words_of(t, |h| sequence.push(vocab.id(h)));
            let mut ids = sequence.clone();
            ids.sort_unstable();
            ids.dedup();
            for &i in &ids {
                vocab.df[i as usize] += 1;
            }
            tokens_total += tokens;
            *sentence_count += 1;
            Prepared {
                text: t,
                set: ids,
                words,
                tokens,
                sequence,
                mass: 0.0,
                attributions: attribution::find(t),
            }
        })
        .collect();
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

/// The version's sentences in the reference's order, as `(place, sentence)` sorted: each
/// aligned sentence (moved ones included) at the place of its reference sentence, each added
/// sentence after the aligned sentence it follows in the version.
fn reference_order(of_version: &[Option<(usize, f32)>], in_order: &[bool]) -> Vec<(usize, usize)> {
    let mut anchor = 0;
    let mut keyed: Vec<(usize, usize)> = of_version
        .iter()
        .zip(in_order)
        .enumerate()
        .map(|(j, (pair, &in_order))| match pair {
            Some((i, _)) => {
                if in_order {
                    anchor = *i;
                }
                (*i, j)
            }
            None => (anchor, j),
        })
        .collect();
    keyed.sort_unstable();
    keyed
}

/// How many of `version`'s words come from `reference` (see [`reused_words`]), read in the
/// reference's order.
///
/// Texts of up to [`REUSE_DIFF_CELLS`] (reference words times version words) are diffed whole.
/// Longer ones (book-length texts: two of 300,000 words took 30 s whole) are cut into pieces at
/// their aligned sentence pairs, each pair diffed on its own and the unaligned sentences between
/// two pairs against each other, so the work grows with the pieces' sizes, not the texts'.
fn reused_in_reference_order(
    reference: &PreparedDoc<'_>,
    reference_words: &[u32],
    version: &PreparedDoc<'_>,
    of_version: &[Option<(usize, f32)>],
    in_order: &[bool],
) -> usize {
    let order = reference_order(of_version, in_order);
    let words = |sentences: &[Prepared<'_>]| -> Vec<u32> {
        sentences
            .iter()
            .flat_map(|s| s.sequence.iter().copied())
            .collect()
    };
    let version_len: usize = version.sentences.iter().map(|s| s.sequence.len()).sum();
    if reference_words.len().saturating_mul(version_len) <= REUSE_DIFF_CELLS {
        let version_words: Vec<u32> = order
            .iter()
            .flat_map(|&(_, j)| version.sentences[j].sequence.iter().copied())
            .collect();
        return reused_words(reference_words, &version_words);
    }
    let piece = |reference: &[u32], version: &[u32]| {
        reused_words_bounded(reference, version, REUSE_DIFF_CELLS)
    };
    let mut reused = 0;
    // The first reference sentence past the last pair, and the version's unaligned words since.
    let mut next = 0;
    let mut unaligned: Vec<u32> = Vec::new();
    for &(_, j) in &order {
        let sequence = &version.sentences[j].sequence;
        match of_version[j] {
            Some((i, _)) => {
                reused += piece(&words(&reference.sentences[next..i]), &unaligned);
                reused += piece(&reference.sentences[i].sequence, sequence);
                unaligned.clear();
                next = i + 1;
            }
            None => unaligned.extend_from_slice(sequence),
        }
    }
    reused + piece(&words(&reference.sentences[next..]), &unaligned)
}

/// [`reused_words`] when the pair is at most `cells` words times words; otherwise the version's
/// words in runs of two or more whose every adjacent pair of words also stands side by side in
/// the reference (in any place): linear where the diff would not be.
fn reused_words_bounded(reference: &[u32], version: &[u32], cells: usize) -> usize {
    if reference.len().saturating_mul(version.len()) <= cells {
        return reused_words(reference, version);
    }
    let pair = |w: &[u32]| u64::from(w[0]) << 32 | u64::from(w[1]);
    let pairs: FxHashSet<u64> = reference.windows(2).map(pair).collect();
    let mut covered = vec![false; version.len()];
    for (k, w) in version.windows(2).enumerate() {
        if pairs.contains(&pair(w)) {
            covered[k] = true;
            covered[k + 1] = true;
        }
    }
    covered.iter().filter(|&&c| c).count()
}

/// How many of `version`'s words a longest common subsequence with `reference` matches, counting
/// only matches that have company: runs of two or more matched words, a run allowed to step over
/// one unmatched word on either side. A stray "the" or "said" matched between independent texts
/// does not count; a reworded sentence, with a word changed here and there, still does.
///
/// Myers' diff (the `similar` crate) finds the subsequence; its time grows with the product of
/// the lengths at worst, so callers keep to [`REUSE_DIFF_CELLS`] (see [`reused_words_bounded`]).
fn reused_words(reference: &[u32], version: &[u32]) -> usize {
    let counts = |run: usize| if run >= 2 { run } else { 0 };
    let mut counted = 0;
    // The current run: its matched words, and where it ends in each text.
    let (mut run, mut end_old, mut end_new) = (0usize, 0usize, 0usize);
    for op in similar::capture_diff_slices(Algorithm::Myers, reference, version) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            let continues = run > 0 && old_index <= end_old + 1 && new_index <= end_new + 1;
            if !continues {
                counted += counts(run);
                run = 0;
            }
            run += len;
            end_old = old_index + len;
            end_new = new_index + len;
        }
    }
    counted + counts(run)
}

/// Word-level diff of two aligned sentences (their words, each with its key); also returns how
/// many reference words are equal.
fn word_diff(a: &[Word<'_>], b: &[Word<'_>]) -> (Vec<Change>, usize) {
    let ka: Vec<u64> = a.iter().map(|w| w.key).collect();
    let kb: Vec<u64> = b.iter().map(|w| w.key).collect();
    let mut changes: Vec<Change> = Vec::new();
    let mut equal_tokens = 0;
    let mut push = |tag: Tag, words: &[Word<'_>]| {
        if words.is_empty() {
            return;
        }
        let text = match changes.last_mut() {
            Some(last) if last.tag == tag => &mut last.text,
            _ => {
                changes.push(Change {
                    tag,
                    text: String::new(),
                    joined: words[0].joined,
                });
                &mut changes.last_mut().expect("just pushed").text
            }
        };
        for w in words {
            if !text.is_empty() && !w.joined {
                text.push(' ');
            }
            text.push_str(w.text);
        }
    };
    let ops = if ka.len().saturating_mul(kb.len()) <= WORD_DIFF_CELLS {
        similar::capture_diff_slices(Algorithm::Myers, &ka, &kb)
    } else {
        coarse_diff(&ka, &kb)
    };
    for op in ops {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                let words = &a[old_index..old_index + len];
                equal_tokens += words.iter().map(|w| w.tokens as usize).sum::<usize>();
                push(Tag::Equal, words);
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(Tag::Delete, &a[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(Tag::Insert, &b[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(Tag::Delete, &a[old_index..old_index + old_len]);
                push(Tag::Insert, &b[new_index..new_index + new_len]);
            }
        }
    }
    (changes, equal_tokens)
}

/// A deterministic, linear diff for very long sentences: the common start, the common end, and
/// the middle replaced.
fn coarse_diff(a: &[u64], b: &[u64]) -> Vec<DiffOp> {
    let start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let end = a[start..]
        .iter()
        .rev()
        .zip(b[start..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (old_len, new_len) = (a.len() - start - end, b.len() - start - end);
    let mut ops = Vec::new();
    if start > 0 {
        ops.push(DiffOp::Equal {
            old_index: 0,
            new_index: 0,
            len: start,
        });
    }
    match (old_len, new_len) {
        (0, 0) => {}
        (0, n) => ops.push(DiffOp::Insert {
            old_index: start,
            new_index: start,
            new_len: n,
        }),
        (o, 0) => ops.push(DiffOp::Delete {
            old_index: start,
            old_len: o,
            new_index: start,
        }),
        (o, n) => ops.push(DiffOp::Replace {
            old_index: start,
            old_len: o,
            new_index: start,
            new_len: n,
        }),
    }
    if end > 0 {
        ops.push(DiffOp::Equal {
            old_index: start + old_len,
            new_index: start + new_len,
            len: end,
        });
    }
    ops
}

/// Indices (into `seq`) of one longest strictly increasing subsequence; ties go to the earliest.
fn longest_increasing(seq: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new(); // index into seq of the smallest tail per length
    let mut prev = vec![usize::MAX; seq.len()];
    for i in 0..seq.len() {
        let pos = tails.partition_point(|&t| seq[t] < seq[i]);
        if pos > 0 {
            prev[i] = tails[pos - 1];
        }
        if pos == tails.len() {
            tails.push(i);
        } else {
            tails[pos] = i;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut cur = tails.last().copied().unwrap_or(usize::MAX);
    while cur != usize::MAX {
        out.push(cur);
        cur = prev[cur];
    }
    out.reverse();
    out
}

/// Pairs reference and version sentences one to one, most similar first.
fn pair(
    vocab: &Vocabulary,
    reference: &PreparedDoc<'_>,
    version: &PreparedDoc<'_>,
    threshold: f32,
) -> Vec<Option<(usize, f32)>> {
    let mut scored: Vec<(f32, usize, usize)> = Vec::new();
    let mut consider = |i: usize, j: usize| {
        let s = vocab.similarity(&reference.sentences[i], &version.sentences[j]);
        if s >= threshold {
            scored.push((s, i, j));
        }
    };
    if reference.sentences.len() * version.sentences.len() <= ALL_PAIRS {
        for i in 0..reference.sentences.len() {
            for j in 0..version.sentences.len() {
                consider(i, j);
            }
        }
    } else {
        // Very long texts: compare each version sentence only with the reference sentences
        // that share one of its rarest words, so the work stays near-linear.
        let mut holders: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
        for (i, r) in reference.sentences.iter().enumerate() {
            for &w in &r.set {
                holders.entry(w).or_default().push(i);
            }
        }
        let mut seen = Vec::new();
        for (j, v) in version.sentences.iter().enumerate() {
            let mut rare = v.set.clone();
            rare.sort_by(|a, b| {
                vocab.weight[*b as usize]
                    .total_cmp(&vocab.weight[*a as usize])
                    .then(a.cmp(b))
            });
            seen.clear();
            for w in rare.iter().take(RARE_WORDS) {
                if let Some(list) = holders.get(w) {
                    seen.extend(list.iter().take(RARE_HOLDERS));
                }
            }
            seen.sort_unstable();
            seen.dedup();
            for &i in &seen {
                consider(i, j);
            }
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut of_version: Vec<Option<(usize, f32)>> = vec![None; version.sentences.len()];
    let mut taken = vec![false; reference.sentences.len()];
    for (s, i, j) in scored {
        if !taken[i] && of_version[j].is_none() {
            taken[i] = true;
            of_version[j] = Some((i, s));
        }
    }
    rescue(
        vocab,
        reference,
        version,
        &mut of_version,
        &mut taken,
        threshold * RESCUE,
    );
    of_version
}

/// Up to this many sentence pairs, every pair is compared; beyond, only pairs sharing a rare word.
const ALL_PAIRS: usize = 250_000;
/// Rarest words of a sentence used to find its candidates in a very long text.
const RARE_WORDS: usize = 4;
/// Sentences looked at per rare word.
const RARE_HOLDERS: usize = 64;
/// Longest pair of sentences (words times words) diffed word by word; longer ones are diffed as
/// common start, common end, and one replaced middle.
const WORD_DIFF_CELLS: usize = 4_000_000;

/// Reference words times version words above which `reused` is not diffed whole (about two
/// 20,000-word texts); see [`reused_in_reference_order`].
const REUSE_DIFF_CELLS: usize = 400_000_000;

/// Share of the alignment threshold from which a pair aligns when its place agrees.
const RESCUE: f32 = 0.6;

/// Second chance for a heavily reworded sentence (a rewritten lead): a reference sentence and
/// a version sentence left unaligned in the *same gap* between two in-order aligned pairs
/// align at a lower similarity, since the story's structure vouches for them.
fn rescue(
    vocab: &Vocabulary,
    reference: &PreparedDoc<'_>,
    version: &PreparedDoc<'_>,
    of_version: &mut [Option<(usize, f32)>],
    taken: &mut [bool],
    threshold: f32,
) {
    let aligned: Vec<usize> = (0..of_version.len())
        .filter(|&j| of_version[j].is_some())
        .collect();
    let order: Vec<usize> = aligned
        .iter()
        .map(|&j| of_version[j].expect("aligned").0)
        .collect();
    let mut fences: Vec<(usize, usize)> = longest_increasing(&order)
        .into_iter()
        .map(|k| (order[k], aligned[k]))
        .collect();
    fences.push((reference.sentences.len(), version.sentences.len()));
    let (mut r0, mut v0) = (0, 0);
    for (r1, v1) in fences {
        let mut scored: Vec<(f32, usize, usize)> = Vec::new();
        if (r1 - r0).saturating_mul(v1.saturating_sub(v0)) > ALL_PAIRS {
            (r0, v0) = (r1 + 1, v1 + 1);
            continue; // a gap this large is not a rewritten sentence or two
        }
        for i in (r0..r1).filter(|&i| !taken[i]) {
            for j in (v0..v1).filter(|&j| of_version[j].is_none()) {
                let s = vocab.similarity(&reference.sentences[i], &version.sentences[j]);
                if s >= threshold {
                    scored.push((s, i, j));
                }
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (s, i, j) in scored {
            if !taken[i] && of_version[j].is_none() {
                taken[i] = true;
                of_version[j] = Some((i, s));
            }
        }
        (r0, v0) = (r1 + 1, v1 + 1);
    }
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
    // Pairs in the version's order; those off the longest in-order run moved.
    let aligned: Vec<usize> = (0..version.sentences.len())
        .filter(|&j| of_version[j].is_some())
        .collect();
    let ref_order: Vec<usize> = aligned
        .iter()
        .map(|&j| of_version[j].expect("aligned").0)
        .collect();
    let mut in_order = vec![false; version.sentences.len()];
    for k in longest_increasing(&ref_order) {
        in_order[aligned[k]] = true;
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
                let (changes, equal) = word_diff(&r.words, &v.words);
                let same = changes.iter().all(|c| c.tag == Tag::Equal);
                kept_tokens += r.tokens;
                verbatim_tokens += equal.min(r.tokens);
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
                attributions.extend(attribution::compare(
                    &r.attributions,
                    Some(&v.attributions),
                    &mut used,
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
            attributions.extend(attribution::compare(&r.attributions, None, &mut []));
        }
    }
    attribution::moved_between_dateline_and_text(&mut attributions, &mut added_attributions);
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
    let mut vocab = Vocabulary::default();
    let mut sentence_count = 0;
    let mut r = prepare(reference, &mut vocab, &mut sentence_count);
    let mut vs: Vec<PreparedDoc> = versions
        .iter()
        .map(|v| prepare(v, &mut vocab, &mut sentence_count))
        .collect();
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
    let (mut i, mut j, mut shared) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += w(&a[i]);
                i += 1;
                j += 1;
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
        let sentence = |tag: &str, s: usize| -> Vec<String> {
            (0..20).map(|k| format!("{tag}{s}w{k}")).collect()
        };
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
        let fates: Vec<_> = v.attributions.iter().map(|a| a.fate).collect();
        // The dateline's Reuters credit first, then the two credits of the lead.
        assert_eq!(fates, vec![attribution::Fate::Dropped; 3]);
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
    fn longest_increasing_run() {
        assert_eq!(longest_increasing(&[0, 3, 1, 2]), vec![0, 2, 3]);
        assert_eq!(longest_increasing(&[]), Vec::<usize>::new());
        assert_eq!(longest_increasing(&[2, 1, 0]).len(), 1);
    }
}
