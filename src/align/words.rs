//! Words: a sentence's display words (taken apart where two meet without a space) and the
//! word-level diff of two aligned sentences.

use similar::{Algorithm, DiffOp};

use super::{Change, Tag};
use crate::normalize;

/// One display word (see [`display_words`]) of a sentence or headline.
#[derive(Clone, Copy, Debug)]
pub(super) struct Word<'a> {
    /// As written.
    pub(super) text: &'a str,
    /// Written against the word before it, with no space between (`在` `四` `月`).
    pub(super) joined: bool,
    /// Its normalized tokens hashed together: what the word diff compares (0 for a word of
    /// punctuation only).
    pub(super) key: u64,
    /// How many normalized tokens it holds.
    pub(super) tokens: u32,
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
pub(super) fn display_words(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let joint = |a: char, b: char| {
        number_meets_arabic_letter(a, b)
            || normalize::is_han_or_kana(b)
            || (normalize::is_han_or_kana(a) && b.is_alphanumeric())
    };
    text.split_whitespace().flat_map(move |word| {
        // No joint involves an ASCII character pair (digits meet Arabic letters, Han and kana
        // are not ASCII): an ASCII word is one display word, decided without a char walk.
        let mut rest = word;
        let mut joined = false;
        let whole = word.is_ascii();
        std::iter::from_fn(move || {
            if rest.is_empty() {
                return None;
            }
            if whole {
                let word = (rest, false);
                rest = "";
                return Some(word);
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
pub(super) fn for_each_token(text: &str, mut each_token: impl FnMut(u64)) -> usize {
    normalize::for_each_token_of_parts(display_words(text).map(|(w, _)| w), |_, h| each_token(h))
}

/// The display words of `text`, and its token count; `each_token` sees every token hash in
/// order. Each word is tokenized once (tokens never span whitespace), for its key and for the
/// caller.
pub(super) fn words_of(text: &str, mut each_token: impl FnMut(u64)) -> (Vec<Word<'_>>, usize) {
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

/// The word-level diff of two aligned sentences, and what it says of the reference's tokens.
pub(super) struct WordDiff {
    /// Runs of words, in order.
    pub changes: Vec<Change>,
    /// Reference tokens in both.
    pub equal_tokens: usize,
    /// Reference tokens the version cut with nothing in their place: in each stretch of changes
    /// between two equal runs, the reference's tokens past the version's (ten words replaced by
    /// three: three reworded, seven cut).
    pub cut_tokens: usize,
}

/// Word-level diff of two aligned sentences (their words, each with its key).
pub(super) fn word_diff(a: &[Word<'_>], b: &[Word<'_>]) -> WordDiff {
    let ka: Vec<u64> = a.iter().map(|w| w.key).collect();
    let kb: Vec<u64> = b.iter().map(|w| w.key).collect();
    let mut changes: Vec<Change> = Vec::new();
    let (mut equal_tokens, mut cut_tokens) = (0, 0);
    // The current stretch of changes: reference and version tokens.
    let (mut deleted, mut inserted) = (0usize, 0usize);
    let tokens = |words: &[Word<'_>]| words.iter().map(|w| w.tokens as usize).sum::<usize>();
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
        let (old, new) = (op.old_range(), op.new_range());
        if let DiffOp::Equal { .. } = op {
            cut_tokens += deleted.saturating_sub(inserted);
            (deleted, inserted) = (0, 0);
            equal_tokens += tokens(&a[old.clone()]);
            push(Tag::Equal, &a[old]);
        } else {
            deleted += tokens(&a[old.clone()]);
            inserted += tokens(&b[new.clone()]);
            push(Tag::Delete, &a[old]);
            push(Tag::Insert, &b[new]);
        }
    }
    cut_tokens += deleted.saturating_sub(inserted);
    WordDiff {
        changes,
        equal_tokens,
        cut_tokens,
    }
}

/// A deterministic, linear diff for very long sentences: the common start, the common end, and
/// the middle replaced.
pub(super) fn coarse_diff(a: &[u64], b: &[u64]) -> Vec<DiffOp> {
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
/// Longest pair of sentences (words times words) diffed word by word; longer ones are diffed as
/// common start, common end, and one replaced middle.
const WORD_DIFF_CELLS: usize = 4_000_000;
