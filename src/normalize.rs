//! Normalize: turn an article body into a stream of normalized word tokens.
//!
//! Two jobs, in this order:
//! 1. [`story_body`] cuts away wire-copy furniture that is not the story: a leading dateline
//!    (`WASHINGTON, April 20 (Reuters) -`, `Washington(ANN)-`, `ڈھاکہ ۔ یکم دسمبر (اے پی پی)`),
//!    bylines (`By Jane Doe`) and footers (`Reporting by ...`, `Follow us on ...`). Copies that
//!    differ only there must look the same, and unrelated stories that share only that must not
//!    look alike.
//! 2. [`for_each_token`] splits the body into words for every script: compatibility
//!    normalization (NFKD: the equivalence of NFKC, decomposed so accents come apart), Latin,
//!    Greek and Cyrillic accents and optional Arabic-script vowel marks dropped (`café` = `cafe`,
//!    `کَر` = `کر`; the marks other scripts need are kept), Unicode case folding, punctuation and
//!    whitespace folded, characters that are not drawn dropped (a soft hyphen, a zero-width
//!    space or non-joiner: `Wash\u{ad}ington` = `Washington`), apostrophes inside a word dropped
//!    (`Trump's` = `trumps`). Scripts written without spaces (Han, kana, Thai) yield one token per
//!    character, which is what the shingles downstream need.
//!
//! Each token is reported as a stable 64-bit hash ([`token_hash`]: XXH3-64, seed 0, over the
//! folded UTF-8 bytes), never `std::hash::Hash`, so a stored fingerprint matches one computed by a
//! later build. This module never allocates per token on ASCII text.

use std::cell::RefCell;
use std::sync::LazyLock;

use icu_casemap::CaseMapperBorrowed;
use icu_normalizer::DecomposingNormalizerBorrowed;
use regex::{Regex, RegexBuilder};

/// The stable hash of one normalized token: XXH3-64 with seed 0 over its UTF-8 bytes.
#[inline]
pub fn token_hash(folded: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(folded)
}

/// Compiles one of the furniture and attribution patterns. Their Unicode classes under counted
/// repetition (`\p{Lu}[..]{1,40}`) make an automaton too big for the regex crate's default 2 MiB
/// lazy-DFA cache, and it then falls back to its much slower PikeVM: with 8 MiB the dateline
/// search measured 0.21 us per article instead of 1.24 us (a sixth of tokenizing one). The
/// attribution patterns outgrew 8 MiB: `dedup --diffs` of the eval_reuters corpus spent 43% of
/// its time building lazy-DFA states, the cache being cleared and filled again; with 32 MiB,
/// 3.75 -> 2.76-2.91 s user (16 MiB: 3.1-3.35 s, 64 MiB no better than 32), peak RSS 123 -> 146
/// MB on two threads: a cache grows only to the states its thread meets. The align bench's
/// generated story, which never filled 8 MiB, went the other way, 23.1-24.8 -> 24.9-26.7 ms for
/// 50 versions (three alternations): news text is what the diff stage is for.
pub(crate) fn text_pattern(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .dfa_size_limit(LAZY_DFA_CACHE)
        .build()
        .unwrap_or_else(|e| panic!("built-in pattern is valid: {e}"))
}

/// The lazy-DFA cache each thread gives one of the text patterns (see [`text_pattern`]).
const LAZY_DFA_CACHE: usize = 32 << 20;

/// [`text_pattern`] for several patterns in one automaton, a match telling which of them it is
/// (the first of them where two match at one place, as in an alternation).
pub(crate) fn text_patterns<P: AsRef<str>>(patterns: &[P]) -> regex_automata::meta::Regex {
    use regex_automata::meta::{Config, Regex};
    use regex_automata::nfa::thompson::WhichCaptures;
    Regex::builder()
        .configure(
            Config::new()
                .hybrid_cache_capacity(LAZY_DFA_CACHE)
                .which_captures(WhichCaptures::Implicit),
        )
        .build_many(patterns)
        .unwrap_or_else(|e| panic!("built-in pattern is valid: {e}"))
}

/// Leading datelines. Each alternative needs a strong signal (an all-capitals place, or an agency
/// in parentheses right before a dash) so that an ordinary first sentence is never cut.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // EFE writes its dash after a full stop: `Madrid, 5 dic (EFE).-`.
    let dash = r"(?:\.?-{1,2}|–|—|:)";
    // The month first (`April 20`, `Nov. 27, 2025`) or the day first, as European agencies
    // write it (`5 déc 2025`, `5. Dezember`, `5 dic`).
    let date = r"(?:,?\s*(?:[\p{L}]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\.?\s+\p{L}{3,9}\.?(?:\s+\d{4})?))";
    let agency = r"(?:\([^()\n]{1,40}\))";
    // WASHINGTON, April 20 (Reuters) -   /   MOSCOW -   /   BEIJING, Nov. 27 (Xinhua) --
    let caps = format!(r"\p{{Lu}}[\p{{Lu}}\p{{M}} .'’/-]{{1,40}}?{date}?\s*{agency}?\s*{dash}\s");
    // Washington(ANN)-   /   Paris, May 3 (AFP) —
    let titled = format!(r"\p{{Lu}}[\p{{L}}\p{{M}} .'’-]{{1,40}}?{date}?\s*{agency}\s*{dash}");
    // Moscow, March 14 —   /   New York, Nov. 3, 2025 (AP) -
    let month = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?";
    let dated = format!(
        r"\p{{Lu}}[\p{{L}}\p{{M}}'’.-]+(?:\s+\p{{Lu}}[\p{{L}}\p{{M}}'’.-]+){{0,2}},\s*{month}\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*{agency}?\s*{dash}\s"
    );
    // The dash or the day left out, as a scraper or a retyped copy may: an all-capitals place,
    // an English month and a known agency, `WASHINGTON, March 8 (Reuters)`, `SYDNEY, Sept
    // (Reuters) -`.
    let dashless = format!(
        r"\p{{Lu}}[\p{{Lu}}\p{{M}} .'’/-]{{1,40}}?,\s*{month}(?:\s+\d{{1,2}})?(?:,\s*\d{{4}})?\s*\((?:Reuters|AP|AFP|UPI|Xinhua|Bloomberg|dpa|TASS|Kyodo|Yonhap|ANSA|EFE|PTI|IANS|APP)\)(?:\s*{dash})?\s"
    );
    // Scripts without case: a short place and date, then the agency in parentheses.
    let nocase = format!(r"[^\n()\p{{Ll}}\p{{Lu}}\p{{Lt}}]{{1,40}}{agency}\s*{dash}?");
    // (Reuters) -
    let bare = format!(r"{agency}\s*{dash}");
    // Russian agency copy, its credit after the date (tried first, as `caps` would stop
    // before it): МОСКВА, 5 дек — РИА Новости.   /
    // МОСКВА, 5 декабря. /ТАСС/.   /   Москва. 5 декабря. INTERFAX.RU -   /   МОСКВА, 5 дек —
    let ru_place = r"\p{Lu}[\p{L}\p{M}-]+(?:\s+\p{Lu}[\p{L}\p{M}-]+){0,2}";
    let ru_date = r"[,.]\s*\d{1,2}\s+(?:янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)\p{Ll}*\.?(?:\s+\d{4}(?:\s*г(?:ода|\.))?)?";
    let ru_credit = format!(
        r"(?:{RUSSIAN_DATELINE_AGENCIES})(?:,\s*\p{{Lu}}\p{{Ll}}+(?:\s+\p{{Lu}}\p{{Ll}}+)?)?"
    );
    let russian = format!(
        r"{ru_place}{ru_date}\s*(?:{dash}\s*{ru_credit}\s*[.,]?|/[^/\n]{{1,40}}/\s*\.?|{ru_credit}\s*{dash}|{dash})\s"
    );
    text_pattern(&format!(
        r"^\s*(?:{russian}|{caps}|{titled}|{dated}|{dashless}|{nocase}|{bare})\s*"
    ))
});

/// The agencies a Russian dateline credits (`— РИА Новости.`, `/ТАСС/`, `INTERFAX.RU -`).
pub(crate) const RUSSIAN_DATELINE_AGENCIES: &str = r"РИА\s+Новости|ТАСС|ИНТЕРФАКС|Интерфакс|INTERFAX\.RU|Interfax|ПРАЙМ|Прайм|РБК|Sputnik|RT|ИА\s+REGNUM|REGNUM|БелТА|Казинформ|УНИАН|Укринформ|Reuters|Рейтер|AFP|AP|Синьхуа|Xinhua";

/// A leading Chinese dateline: `新华社莫斯科4月1日电（记者张三）`, `本报北京4月1日讯`. An agency (or
/// the paper's own `本报`), a place and a month-day date ending in 电 (dispatch) or 讯 (report),
/// then perhaps the reporters in parentheses; without a known agency only when the parentheses
/// follow, as a sentence may well begin with a date and 电力 (electricity). Its own pattern, tried
/// only on a line that starts with a Chinese character, so other text pays nothing for it.
pub(crate) static CHINESE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let date = r"\d{1,2}月\d{1,2}日[电讯]";
    let reporters = |name: &str| format!(r"\s*[（(](?P<{name}>[^（）()\n]{{1,30}})[）)]");
    text_pattern(&format!(
        r"^\s*(?:(?P<agency>{CHINESE_DATELINE_AGENCIES})\p{{Han}}{{0,10}}?{date}(?:{})?|\p{{Han}}{{1,10}}?{date}{})\s*",
        reporters("reporters"),
        reporters("named_reporters"),
    ))
});

/// The dateline opening `line`, if any: [`DATELINE`], or [`CHINESE_DATELINE`] for a line that
/// starts with a Chinese character.
fn dateline_of(line: &str) -> Option<regex::Match<'_>> {
    DATELINE.find(line).or_else(|| {
        line.trim_start()
            .starts_with(is_han_or_kana)
            .then(|| CHINESE_DATELINE.find(line))
            .flatten()
    })
}

/// Who opens a Chinese dateline: agencies, and the paper's own desk (`本报`, `本网`).
const CHINESE_DATELINE_AGENCIES: &str = "新华社|中新社|中新网|中央社|人民网|央视网|央视新闻|环球网|路透社|美联社|法新社|塔斯社|俄新社|共同社|韩联社|本报|本网";

/// A byline line: `By Jane Doe`, `By JANE DOE and John Roe`, `BY Staff Reporter`.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    text_pattern(
        r"^\s*(?:By|BY)\s+\p{Lu}[\p{L}\p{M}.'’-]*(?:(?:\s+|\s*,\s*|\s+and\s+|\s*&\s*)\p{L}[\p{L}\p{M}.'’-]*){0,6}\s*$",
    )
});

/// A footer line: credits, social-media prompts, copyright notices.
static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    text_pattern(
        r"(?i)^\s*[(\[]?\s*(?:(?:additional\s+)?reporting\s+by|writing\s+by|editing\s+by|compiled\s+by|follow\s+(?:us|\S+)\s+on\b|like\s+us\s+on\s+facebook|click\s+here|subscribe\s+to\b|sign\s+up\s+for\b|copyright\b|©|\(c\)\s+\d{4}|all\s+rights\s+reserved|read\s+more\s*:|related\s*:|share\s+this\b)",
    )
});

/// How many non-empty lines at the top are checked for bylines.
const HEAD_LINES: usize = 3;
/// How many non-empty lines at the bottom are checked for footers.
const TAIL_LINES: usize = 6;
/// How many story paragraphs from the top may open with the dateline.
const DATELINE_LINES: usize = 2;
/// Longer lines are story text, whatever they start with.
const FURNITURE_MAX_CHARS: usize = 300;

/// An article split into its story and the wire furniture around it. Every field is a slice of
/// the original text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Furniture<'a> {
    /// The dateline cut from the first story line (`WASHINGTON, April 20 (Reuters) - `).
    pub dateline: Option<&'a str>,
    /// Byline lines from the top.
    pub bylines: Vec<&'a str>,
    /// Footer lines from the bottom.
    pub footers: Vec<&'a str>,
    /// The story: non-empty lines (paragraphs), in order, the first without its dateline.
    pub body: Vec<&'a str>,
}

/// Splits `text` into the story and its furniture. A line is a paragraph, but in a
/// hard-wrapped text (old wire feeds, Reuters-21578, mail: a line break every 60-80
/// characters) lines are joined back into paragraphs, each a slice of `text` over its lines.
pub fn furniture(text: &str) -> Furniture<'_> {
    // Non-empty lines, each with whether a blank line stands before it.
    let mut blank = false;
    let lines: Vec<Line<'_>> = lines(text)
        .filter_map(|text| {
            if text.trim().is_empty() {
                blank = true;
                return None;
            }
            let after_blank = std::mem::take(&mut blank);
            Some(Line { text, after_blank })
        })
        .collect();
    let n = lines.len();
    let mut f = Furniture {
        body: Vec::with_capacity(n),
        ..Furniture::default()
    };
    // The line each paragraph of the body is, needed (and kept) only to rejoin a hard-wrapped
    // text: most texts allocate nothing for it.
    let wrapped = hard_wrapped(&lines);
    let mut body_lines = Vec::new();
    for (i, line) in lines.iter().map(|l| l.text).enumerate() {
        let short = line.len() <= FURNITURE_MAX_CHARS;
        if short && i < HEAD_LINES && BYLINE.is_match(line) {
            f.bylines.push(line);
        } else if short && i + TAIL_LINES >= n && i > 0 && FOOTER.is_match(line) {
            f.footers.push(line);
        } else {
            f.body.push(line);
            if wrapped.is_some() {
                body_lines.push(i);
            }
        }
    }
    // The dateline opens the wire copy: the first paragraph, or the second after a local intro.
    for line in f.body.iter_mut().take(DATELINE_LINES) {
        if let Some(m) = dateline_of(line) {
            f.dateline = Some(line[..m.end()].trim_end());
            *line = &line[m.end()..];
            break;
        }
    }
    if let Some(width) = wrapped {
        f.body = rejoin(text, &lines, &f.body, &body_lines, width);
    }
    f
}

/// A non-empty line of a text.
struct Line<'a> {
    text: &'a str,
    /// Whether a blank line stands right before it.
    after_blank: bool,
}

/// Lines no longer than this (in characters) may be a hard-wrapped text's.
const WRAP_MAX_CHARS: usize = 100;

/// The width a text is hard-wrapped at (its longest line, in characters), if it is: old wire
/// feeds, Reuters-21578 and mail break every line at 60-80 characters, so a sentence runs over
/// several lines and a line is no paragraph. Such a text has three lines at least, none longer
/// than [`WRAP_MAX_CHARS`], and half of them (the last aside) or more end without a sentence's
/// end; or, where short lines end in brackets or stops (a table of figures under the story:
/// `Goods  -7.1 (-8.7)`), half of its long lines do (see [`long_lines_open`]). A text of one
/// paragraph a line has lines longer than that, or lines that end sentences.
fn hard_wrapped(lines: &[Line<'_>]) -> Option<usize> {
    // Cheap tests first (most texts fail one): bytes, then line ends, then characters.
    if lines.len() < 3 || lines.iter().any(|l| l.text.len() > 4 * WRAP_MAX_CHARS) {
        return None;
    }
    let body = &lines[..lines.len() - 1];
    let open = body.iter().filter(|l| !ends_a_sentence(l.text)).count();
    if open == 0 {
        return None;
    }
    let width = lines
        .iter()
        .map(|l| l.text.trim_end().chars().count())
        .max()?;
    if width > WRAP_MAX_CHARS {
        return None;
    }
    (2 * open >= body.len() || long_lines_open(body, width)).then_some(width)
}

/// Whether half or more of the `lines` at least three quarters of `width` long end without a
/// sentence's end, where `width` is one a text is wrapped at (40 characters or more; lines
/// all shorter are short paragraphs): a hard-wrapped text's full lines break inside sentences
/// whatever its short ones (table rows, a short first line) end with. Among Reuters-21578's
/// wrapped stories (eval_reuters), 9 of 3,018 were read one line a paragraph for their tables'
/// rows, every sentence over two lines cut in two.
fn long_lines_open(lines: &[Line<'_>], width: usize) -> bool {
    if width < 40 {
        return false;
    }
    let (long, open) = lines
        .iter()
        .filter(|l| 4 * l.text.trim_end().chars().count() >= 3 * width)
        .fold((0, 0), |(long, open), l| {
            (long + 1, open + usize::from(!ends_a_sentence(l.text)))
        });
    long > 0 && 2 * open >= long
}

/// Whether `line` ends with what ends a sentence (closing quotes and brackets count).
fn ends_a_sentence(line: &str) -> bool {
    line.trim_end().ends_with([
        '.', '!', '?', '…', ':', '"', '”', '’', '\'', '»', ')', '。', '！', '？', '۔', '؟',
    ])
}

/// Where `part`, a slice of `text` (as `split_whitespace`, `trim` and the like return), starts
/// in it, in bytes.
pub(crate) fn offset_in(text: &str, part: &str) -> usize {
    debug_assert!(text.as_bytes().as_ptr_range().contains(&part.as_ptr()) || part.is_empty());
    part.as_ptr() as usize - text.as_ptr() as usize
}

/// The paragraphs of a hard-wrapped text: `body`'s lines (`from` says which line of `lines`
/// each is) joined back into paragraphs, each a slice of `text` over its lines. A paragraph
/// ends at a blank line, at a line furniture took, before an indented line (Reuters opens a
/// paragraph with an indent), and, in a text without such indents, after a line shorter than
/// three quarters of `width` that ends a sentence or is followed by anything but a lower-case
/// word.
fn rejoin<'a>(
    text: &'a str,
    lines: &[Line<'a>],
    body: &[&'a str],
    from: &[usize],
    width: usize,
) -> Vec<&'a str> {
    let offset = |s: &str| offset_in(text, s);
    let mut out: Vec<&'a str> = Vec::with_capacity(body.len());
    // A text that opens its paragraphs with an indent marks them so and no other way: there a
    // short line (Reuters-21578's first, its dateline cut) ends no paragraph.
    let indented = lines[1..]
        .iter()
        .any(|l| l.text.starts_with(char::is_whitespace));
    // The line the paragraph so far ends with.
    let mut last: Option<usize> = None;
    for (&part, &i) in body.iter().zip(from) {
        let line = &lines[i];
        let continues = last.is_some_and(|last| {
            let before = lines[last].text;
            let short = 4 * before.trim_end().chars().count() < 3 * width;
            // Without indents, a short line ends its paragraph when it ends a sentence or a
            // capital follows it.
            let short_end = !indented
                && short
                && (ends_a_sentence(before) || !line.text.starts_with(char::is_lowercase));
            i == last + 1
                && !line.after_blank
                && !line.text.starts_with(char::is_whitespace)
                && !short_end
        });
        match out.last_mut() {
            Some(paragraph) if continues => {
                let start = offset(paragraph);
                *paragraph = &text[start..offset(part) + part.len()];
            }
            _ => out.push(part),
        }
        last = Some(i);
    }
    out
}

/// [`str::lines`], with the line ends found by the `memchr` crate: std's search, a word at a
/// time, was 1.5% of the read-and-tokenize floor's time at 1M.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut starts =
        std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1));
    let mut start = starts.next();
    std::iter::from_fn(move || {
        let from = start?;
        start = starts.next();
        match start {
            // A line ends at `\n` or `\r\n`; a `\r` alone is part of the line.
            Some(next) => {
                let line = &text[from..next - 1];
                Some(line.strip_suffix('\r').unwrap_or(line))
            }
            None if from == text.len() => None,
            None => Some(&text[from..]),
        }
    })
}

/// The parts of `text` that are the story: furniture lines removed, the dateline cut from the
/// first remaining line. The parts are slices of `text`, in order.
pub fn story_body(text: &str) -> Vec<&str> {
    furniture(text).body
}

/// Characters of scripts written without spaces between words; each is a token of its own.
#[inline]
fn is_unspaced_script(c: char) -> bool {
    is_han_or_kana(c)
        || matches!(c as u32,
            0x0E00..=0x0EFF       // Thai, Lao
            | 0x1000..=0x109F     // Myanmar
            | 0x1780..=0x17FF) // Khmer
}

/// Chinese characters and Japanese kana: written without spaces, one token each, and (unlike
/// Thai or Myanmar letters) never carrying a combining mark, so each can stand as a word of its
/// own in a word diff.
#[inline]
pub fn is_han_or_kana(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF       // Hiragana, Katakana
        | 0x3400..=0x4DBF     // CJK extension A
        | 0x4E00..=0x9FFF     // CJK unified ideographs
        | 0xF900..=0xFAFF     // CJK compatibility ideographs
        | 0x20000..=0x3FFFF) // CJK extensions B and later
}

/// Combining marks of scripts that need them (Indic vowel signs, viramas): part of the word.
#[inline]
fn is_kept_mark(c: char) -> bool {
    matches!(c as u32, 0x0900..=0x0DFF | 0x1100..=0x11FF | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E)
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Calls `emit` with the hash of every normalized token of `parts`, in order, and returns how
/// many tokens there were.
pub fn for_each_token<'a>(
    parts: impl IntoIterator<Item = &'a str>,
    mut emit: impl FnMut(u64),
) -> usize {
    for_each_token_of_parts(parts, |_, h| emit(h))
}

/// Like [`for_each_token`], also telling `emit` which part (its index in `parts`) each token
/// comes from. No token spans two parts: a text's tokens are those of its whitespace-separated
/// words, in order, so the diff stage tokenizes each word once and knows whose tokens they are.
pub fn for_each_token_of_parts<'a>(
    parts: impl IntoIterator<Item = &'a str>,
    mut emit: impl FnMut(usize, u64),
) -> usize {
    thread_local! {
        static ASCII: RefCell<AsciiScratch> = RefCell::default();
    }
    let mut count = 0usize;
    let mut buf = String::new();
    ASCII.with(|shared| {
        // The thread's buffers, or fresh ones if `emit` is itself tokenizing.
        let mut own = AsciiScratch::default();
        let mut borrowed = shared.try_borrow_mut();
        let ascii = match borrowed.as_deref_mut() {
            Ok(scratch) => scratch,
            Err(_) => &mut own,
        };
        for (i, part) in parts.into_iter().enumerate() {
            if part.is_ascii() {
                count += ascii_tokens(part.as_bytes(), ascii, &mut |h| emit(i, h));
            } else {
                count += unicode_tokens(part, &mut buf, &mut |h| emit(i, h));
            }
        }
    });
    count
}

/// Buffers of [`ascii_tokens`], reused from part to part and text to text (one set a thread).
#[derive(Default)]
struct AsciiScratch {
    /// The text, lowercased.
    lowered: Vec<u8>,
    /// Bit `i` set when byte `i` belongs to a word: a letter or digit, then also a joining
    /// apostrophe.
    word: Vec<u64>,
    /// Bit `i` set when byte `i` is an apostrophe between two letters or digits (empty when
    /// the text has no apostrophe).
    joins: Vec<u64>,
    /// A word with its apostrophes taken out.
    joined: Vec<u8>,
}

/// ASCII fast path: ASCII is already NFKC and its case folding is `to_ascii_lowercase`, so
/// there is no normalization pass (measured about 4x faster than the general path on English
/// news). Texts shorter than [`BITMAP_MIN_BYTES`] (the diff stage tokenizes word by word) go
/// byte by byte; longer ones through bitmaps.
fn ascii_tokens(bytes: &[u8], scratch: &mut AsciiScratch, emit: &mut impl FnMut(u64)) -> usize {
    if bytes.len() < BITMAP_MIN_BYTES {
        ascii_tokens_bytewise(bytes, emit)
    } else {
        ascii_tokens_bitmap(bytes, scratch, emit)
    }
}

/// Below this many bytes, setting up the bitmaps costs more than they save: with them for every
/// length, the diff stage (which tokenizes a word at a time) was 5-15% slower.
const BITMAP_MIN_BYTES: usize = 32;

/// [`ascii_tokens`] a byte at a time, word by word.
fn ascii_tokens_bytewise(bytes: &[u8], emit: &mut impl FnMut(u64)) -> usize {
    let mut count = 0;
    let mut word = [0u8; 64];
    let mut long: Vec<u8> = Vec::new();
    let mut i = 0;
    // Word by word rather than byte by byte with a state machine: furniture and tokens of a
    // generated news article went from 5.9 to 4.7 us.
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let mut len = 0;
        long.clear();
        loop {
            while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_alphanumeric()) {
                let b = b.to_ascii_lowercase();
                if len < word.len() {
                    word[len] = b;
                } else {
                    if len == word.len() {
                        long.extend_from_slice(&word);
                    }
                    long.push(b);
                }
                len += 1;
                i += 1;
            }
            // An apostrophe inside a word joins it: don't, Trump's.
            if bytes.get(i) == Some(&b'\'')
                && bytes.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric())
            {
                i += 1;
                continue;
            }
            break;
        }
        emit(token_hash(if len > word.len() {
            &long
        } else {
            &word[..len]
        }));
        count += 1;
    }
    count
}

/// [`ascii_tokens`] from bitmaps rather than byte by byte: the text is lowercased in one pass,
/// and a bit a byte marks the word characters (letters and digits, and an apostrophe with one on
/// each side: `don't`, `Trump's`), 64 or eight bytes at a time ([`mark`]); each run of set bits
/// is a word, hashed where it lies in the lowered text (or from a copy without its apostrophes).
/// Tokenizing a generated news article took 40% fewer instructions than byte by byte
/// (callgrind), about 30% less time; marking 64 bytes at a time and reading the words' starts
/// and ends off the bitmap with `trailing_zeros` then took the `tokenize` bench from 7.5-10.0 to
/// 4.2-4.5 ms per 1,000 articles (`benches/fingerprint.rs`, alternated runs).
fn ascii_tokens_bitmap(
    bytes: &[u8],
    scratch: &mut AsciiScratch,
    emit: &mut impl FnMut(u64),
) -> usize {
    let AsciiScratch {
        lowered,
        word,
        joins,
        joined,
    } = scratch;
    let blocks = bytes.len().div_ceil(64);
    let apostrophes = mark(bytes, lowered, word, joins);
    if !apostrophes {
        joins.clear();
    } else {
        // An apostrophe joins the letters or digits on either side of it.
        for w in 0..blocks {
            let prev = word[w] << 1 | if w > 0 { word[w - 1] >> 63 } else { 0 };
            let next = word[w] >> 1 | word.get(w + 1).map_or(0, |n| n << 63);
            joins[w] &= prev & next;
        }
        for (w, j) in word.iter_mut().zip(joins.iter()) {
            *w |= j;
        }
    }
    // Each word is a run of set bits: it starts where a set bit follows a clear one and ends
    // where a set bit precedes one. Both are found a block at a time and read off with
    // `trailing_zeros`; the padding past the text is clear, so every word ends.
    let mut count = 0;
    let mut open = 0; // where the word being read started
    for (w, &bits) in word.iter().enumerate() {
        if bits == 0 {
            continue;
        }
        let before = if w > 0 { word[w - 1] >> 63 } else { 0 };
        let after = word.get(w + 1).map_or(0, |n| n & 1);
        let mut starts = bits & !(bits << 1 | before);
        let mut ends = bits & !(bits >> 1 | after << 63); // a word's last byte
        while ends != 0 {
            let last = 64 * w + ends.trailing_zeros() as usize;
            // Starts and ends alternate: a start before this end opens its word; without one
            // the word began in an earlier block.
            if starts != 0 && starts.trailing_zeros() <= ends.trailing_zeros() {
                open = 64 * w + starts.trailing_zeros() as usize;
                starts &= starts - 1;
            }
            let token = &lowered[open..=last];
            if !joins.is_empty() && next_bit(joins, open, true) <= last {
                joined.clear();
                joined.extend(token.iter().filter(|&&b| b != b'\''));
                emit(token_hash(joined));
            } else {
                emit(token_hash(token));
            }
            count += 1;
            ends &= ends - 1;
        }
        if starts != 0 {
            open = 64 * w + starts.trailing_zeros() as usize; // runs on into the next block
        }
    }
    count
}

/// The one pass over an ASCII text: lowercases it into `lowered`, marks its letters and digits
/// (a bit a byte, 64 bytes a block) in `word` and its apostrophes in `joins`; says whether there
/// was any apostrophe. With AVX-512 64 bytes at a time, with AVX2 32, otherwise [`mark_swar`].
fn mark(bytes: &[u8], lowered: &mut Vec<u8>, word: &mut Vec<u64>, joins: &mut Vec<u64>) -> bool {
    let blocks = bytes.len().div_ceil(64);
    word.clear();
    word.resize(blocks, 0);
    joins.clear();
    joins.resize(blocks, 0);
    lowered.clear();
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512bw") {
            // SAFETY: AVX-512 F and BW are available, checked just above (BW implies F).
            return unsafe { avx512::mark(bytes, lowered, word, joins) };
        }
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: AVX2 is available, checked just above.
            return unsafe { avx2::mark(bytes, lowered, word, joins) };
        }
    }
    mark_swar(bytes, lowered, word, joins)
}

/// [`mark`] eight bytes at a time in a `u64` (SWAR); `word` and `joins` come zeroed.
fn mark_swar(bytes: &[u8], lowered: &mut Vec<u8>, word: &mut [u64], joins: &mut [u64]) -> bool {
    lowered.resize(bytes.len().next_multiple_of(8), 0); // whole words of 8, cut back below
    let mut apostrophes = 0;
    for (k, eight) in bytes.chunks(8).enumerate() {
        let x = match <[u8; 8]>::try_from(eight) {
            Ok(full) => u64::from_le_bytes(full),
            Err(_) => {
                let mut padded = [0u8; 8];
                padded[..eight.len()].copy_from_slice(eight);
                u64::from_le_bytes(padded)
            }
        };
        let lower = x | in_range(x, b'A', b'Z') >> 2; // 0x80 >> 2 is the case bit
        lowered[8 * k..8 * k + 8].copy_from_slice(&lower.to_le_bytes());
        let (block, shift) = (k / 8, 8 * (k % 8));
        let letters_digits = in_range(lower, b'0', b'9') | in_range(lower, b'a', b'z');
        word[block] |= high_bits_to_mask(letters_digits) << shift;
        let marks = high_bits_to_mask(in_range(x, b'\'', b'\''));
        joins[block] |= marks << shift;
        apostrophes |= marks;
    }
    lowered.truncate(bytes.len());
    apostrophes != 0
}

/// [`mark`] with AVX-512: a block of 64 bytes is one load, three range tests that each give the
/// block's bits directly, a masked add for the case bit and one store, where the eight-byte pass
/// takes about thirty instructions for every eight bytes.
#[cfg(target_arch = "x86_64")]
mod avx512 {
    use std::arch::x86_64::*;

    /// See [`super::mark`]; `word` and `joins` come zeroed, `lowered` empty.
    ///
    /// # Safety
    /// The processor must support AVX-512 F and BW.
    #[target_feature(enable = "avx512f,avx512bw")]
    pub(super) unsafe fn mark(
        bytes: &[u8],
        lowered: &mut Vec<u8>,
        word: &mut [u64],
        joins: &mut [u64],
    ) -> bool {
        lowered.reserve(bytes.len().next_multiple_of(64));
        let in_range = |v: __m512i, lo: u8, hi: u8| {
            let offset = _mm512_sub_epi8(v, _mm512_set1_epi8(lo as i8));
            _mm512_cmple_epu8_mask(offset, _mm512_set1_epi8((hi - lo) as i8))
        };
        let mut apostrophes = 0;
        for (block, at) in (0..bytes.len()).step_by(64).enumerate() {
            let left = bytes.len() - at;
            let load: __mmask64 = if left >= 64 { !0 } else { (1 << left) - 1 };
            // SAFETY: the masked load reads only the `min(left, 64)` bytes of `bytes` from `at`
            // (masked-off bytes never fault, and read as zero); the store writes 64 bytes at
            // `at` of `lowered`, whose capacity is `bytes.len()` rounded up to 64.
            unsafe {
                let v = _mm512_maskz_loadu_epi8(load, bytes.as_ptr().add(at).cast());
                let upper = in_range(v, b'A', b'Z');
                let lower = _mm512_mask_add_epi8(v, upper, v, _mm512_set1_epi8(0x20));
                _mm512_storeu_si512(lowered.as_mut_ptr().add(at).cast(), lower);
                word[block] = in_range(lower, b'a', b'z') | in_range(v, b'0', b'9');
                let marks = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(b'\'' as i8));
                joins[block] = marks;
                apostrophes |= marks;
            }
        }
        // SAFETY: every byte up to `bytes.len()` was written by the stores above.
        unsafe { lowered.set_len(bytes.len()) };
        apostrophes != 0
    }
}

/// [`mark`] with AVX2, for processors without AVX-512: a block of 64 bytes is two 32-byte
/// halves, each tested for its ranges by a subtract and an unsigned minimum, its bits gathered by
/// `movemask`. The last block is copied into a zeroed buffer first (AVX2 has no masked byte
/// load). Against the eight-byte pass on an EPYC without AVX-512 (`benches/fingerprint.rs`,
/// alternated twice), per 1,000 articles: `tokenize` 5.03-5.15 -> 3.44-3.50 ms, `analyze`
/// 9.94-10.41 -> 8.67-8.92 ms.
#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::*;

    /// See [`super::mark`]; `word` and `joins` come zeroed, `lowered` empty.
    ///
    /// # Safety
    /// The processor must support AVX2.
    #[target_feature(enable = "avx2")]
    pub(super) unsafe fn mark(
        bytes: &[u8],
        lowered: &mut Vec<u8>,
        word: &mut [u64],
        joins: &mut [u64],
    ) -> bool {
        lowered.reserve(bytes.len().next_multiple_of(64));
        // All ones in the lanes holding `lo..=hi`.
        let in_range = |v: __m256i, lo: u8, hi: u8| {
            let offset = _mm256_sub_epi8(v, _mm256_set1_epi8(lo as i8));
            let top = _mm256_set1_epi8((hi - lo) as i8);
            _mm256_cmpeq_epi8(_mm256_min_epu8(offset, top), offset)
        };
        // Lowercases 32 bytes into `out`; returns their word and apostrophe bits.
        let half = |v: __m256i, out: *mut u8| {
            let upper = in_range(v, b'A', b'Z');
            let lower = _mm256_add_epi8(v, _mm256_and_si256(upper, _mm256_set1_epi8(0x20)));
            // SAFETY: the caller hands 32 writable bytes at `out`.
            unsafe { _mm256_storeu_si256(out.cast(), lower) };
            let letters_digits =
                _mm256_or_si256(in_range(lower, b'a', b'z'), in_range(v, b'0', b'9'));
            let marks = _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'\'' as i8));
            (
                _mm256_movemask_epi8(letters_digits) as u32 as u64,
                _mm256_movemask_epi8(marks) as u32 as u64,
            )
        };
        let mut apostrophes = 0;
        let mut last = [0u8; 64];
        for (block, at) in (0..bytes.len()).step_by(64).enumerate() {
            let left = bytes.len() - at;
            let from = if left >= 64 {
                // SAFETY: `at + 64 <= bytes.len()`.
                unsafe { bytes.as_ptr().add(at) }
            } else {
                last[..left].copy_from_slice(&bytes[at..]);
                last.as_ptr()
            };
            // SAFETY: `from` has 64 readable bytes (of `bytes`, or of `last`); `lowered` has
            // capacity for 64 bytes at `at` (`bytes.len()` rounded up to 64).
            unsafe {
                let out = lowered.as_mut_ptr().add(at);
                let (word_low, marks_low) = half(_mm256_loadu_si256(from.cast()), out);
                let (word_high, marks_high) =
                    half(_mm256_loadu_si256(from.add(32).cast()), out.add(32));
                word[block] = word_low | word_high << 32;
                joins[block] = marks_low | marks_high << 32;
            }
            apostrophes |= joins[block];
        }
        // SAFETY: every byte up to `bytes.len()` was written by the stores above.
        unsafe { lowered.set_len(bytes.len()) };
        apostrophes != 0
    }
}

const LOW_BITS: u64 = 0x0101_0101_0101_0101;

/// For eight ASCII bytes (each below 0x80) in `x`: the high bit of each byte set when
/// `lo <= byte <= hi` (`1 <= lo <= hi < 0x80`). Each sum stays within its byte, so no carries
/// cross bytes.
#[inline]
fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let at_least = x + LOW_BITS * u64::from(0x80 - lo);
    let above = x + LOW_BITS * u64::from(0x7f - hi);
    at_least & !above & (LOW_BITS << 7)
}

/// The high bits of the eight bytes of `x` (all other bits clear) as eight bits, byte 0 first.
#[inline]
fn high_bits_to_mask(x: u64) -> u64 {
    ((x >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// The first position at or after `from` whose bit in `bits` is `set` (`bits.len() * 64` when
/// there is none).
#[inline]
fn next_bit(bits: &[u64], from: usize, set: bool) -> usize {
    let flip = if set { 0 } else { u64::MAX };
    let mut w = from / 64;
    if w >= bits.len() {
        return bits.len() * 64;
    }
    let mut m = (bits[w] ^ flip) & (u64::MAX << (from % 64));
    loop {
        if m != 0 {
            return 64 * w + m.trailing_zeros() as usize;
        }
        w += 1;
        if w == bits.len() {
            return 64 * w;
        }
        m = bits[w] ^ flip;
    }
}

/// Characters that are not drawn (Unicode's default ignorables): a soft hyphen a CMS put in for
/// line breaking (`Wash\u{ad}ing\u{ad}ton`), a zero-width space or joiner, a word joiner, the
/// zero-width non-joiner of Persian and Urdu spelling, a right-to-left mark. Inside a word they
/// would split it, and a copy that has them would not match one that has not.
///
/// Written out rather than asked of `icu_properties` (a test holds the two to each other):
/// the set lookup for every character of non-ASCII text cost 2-3% of `dedup`'s time on Urdu
/// news (30,100 COUNTER texts, three alternated runs: 2.44-2.53 s of user time against
/// 2.38-2.45 s).
#[inline]
fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0xAD | 0x34F | 0x61C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}

/// Marks that only decorate a letter: combining diacritics (after NFKD, the accents of Latin,
/// Greek and Cyrillic) and the optional Arabic-script vowel marks. Other scripts' marks
/// (Devanagari vowel signs, say) are part of the word and are kept.
#[inline]
fn is_optional_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED)
}

/// The general path: NFKD, drop optional marks, fold case, split on everything that is not a
/// letter, digit or kept mark.
fn unicode_tokens(part: &str, buf: &mut String, emit: &mut dyn FnMut(u64)) -> usize {
    let nfkd = DecomposingNormalizerBorrowed::new_nfkd().normalize(part);
    let folder = CaseMapperBorrowed::new();
    let mut count = 0;
    let mut finish = |buf: &mut String, count: &mut usize| {
        if !buf.is_empty() {
            if buf.is_ascii() {
                buf.make_ascii_lowercase();
                emit(token_hash(buf.as_bytes()));
            } else {
                emit(token_hash(folder.fold_string(buf).as_bytes()));
            }
            *count += 1;
            buf.clear();
        }
    };
    let mut chars = nfkd.chars().peekable();
    while let Some(c) = chars.next() {
        if is_optional_mark(c) || is_invisible(c) {
            continue; // never splits a word, never counts
        }
        if is_unspaced_script(c) {
            finish(buf, &mut count);
            buf.push(c);
            finish(buf, &mut count);
        } else if c.is_alphanumeric() || (!buf.is_empty() && is_kept_mark(c)) {
            buf.push(c);
        } else if is_apostrophe(c)
            && !buf.is_empty()
            && chars.peek().is_some_and(|n| n.is_alphanumeric())
        {
            // joins the word
        } else {
            finish(buf, &mut count);
        }
    }
    finish(buf, &mut count);
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<u64> {
        let mut v = Vec::new();
        for_each_token(story_body(text), |h| v.push(h));
        v
    }

    fn hashes(words: &[&str]) -> Vec<u64> {
        words.iter().map(|w| token_hash(w.as_bytes())).collect()
    }

    #[test]
    fn ascii_words_are_lowercased_and_punctuation_folded() {
        assert_eq!(
            tokens("The  U.S. (said) Friday's\tnews!"),
            hashes(&["the", "u", "s", "said", "fridays", "news"])
        );
    }

    #[test]
    fn unicode_path_agrees_with_ascii_path() {
        // The curly apostrophe and the accented word force the general path.
        assert_eq!(
            tokens("Trump’s CAFÉ plan"),
            hashes(&["trumps", "cafe", "plan"])
        );
        assert_eq!(tokens("Trump's cafe plan"), tokens("Trump’s café plan"));
    }

    proptest::proptest! {
        /// Both ASCII fast paths give exactly what the general path gives.
        #[test]
        fn ascii_path_is_the_general_path(text in "[a-zA-Z0-9' .,\\-\n]{0,200}|[a-z']{60,140}|[ -~\t\n]{0,300}") {
            let (mut fast, mut general) = (Vec::new(), Vec::new());
            let mut bitmap = Vec::new();
            let n = ascii_tokens_bytewise(text.as_bytes(), &mut |h| fast.push(h));
            let b = ascii_tokens_bitmap(text.as_bytes(), &mut AsciiScratch::default(), &mut |h| bitmap.push(h));
            let m = unicode_tokens(&text, &mut String::new(), &mut |h| general.push(h));
            proptest::prop_assert_eq!(&fast, &general);
            proptest::prop_assert_eq!(&bitmap, &general);
            proptest::prop_assert_eq!(n, fast.len());
            proptest::prop_assert_eq!(b, bitmap.len());
            proptest::prop_assert_eq!(m, general.len());
        }

        /// The one pass over the bytes marks and lowercases the same, 64 bytes at a time (with
        /// AVX-512, where there is), 32 (AVX2) or eight.
        #[test]
        fn both_marking_passes_agree(text in "[ -~\t\n]{0,300}|[a-zA-Z']{0,200}") {
            let bytes = text.as_bytes();
            let blocks = bytes.len().div_ceil(64);
            let (mut lowered, mut word, mut joins) = (Vec::new(), Vec::new(), Vec::new());
            let any = mark(bytes, &mut lowered, &mut word, &mut joins);
            let (mut lowered8, mut word8, mut joins8) =
                (Vec::new(), vec![0; blocks], vec![0; blocks]);
            let any8 = mark_swar(bytes, &mut lowered8, &mut word8, &mut joins8);
            #[cfg(target_arch = "x86_64")]
            if std::arch::is_x86_feature_detected!("avx2") {
                let (mut lowered32, mut word32, mut joins32) =
                    (Vec::new(), vec![0; blocks], vec![0; blocks]);
                // SAFETY: AVX2 is available, checked just above.
                let any32 =
                    unsafe { avx2::mark(bytes, &mut lowered32, &mut word32, &mut joins32) };
                proptest::prop_assert_eq!(&lowered32, &lowered8);
                proptest::prop_assert_eq!(&word32, &word8);
                proptest::prop_assert_eq!(&joins32, &joins8);
                proptest::prop_assert_eq!(any32, any8);
            }
            proptest::prop_assert_eq!(&lowered, &text.to_ascii_lowercase().into_bytes());
            proptest::prop_assert_eq!(lowered, lowered8);
            proptest::prop_assert_eq!(word, word8);
            proptest::prop_assert_eq!(joins, joins8);
            proptest::prop_assert_eq!(any, any8);
            proptest::prop_assert_eq!(any, text.contains('\''));
        }
    }

    proptest::proptest! {
        /// A text's tokens are its whitespace-separated words' tokens, in order: what the diff
        /// stage relies on to tokenize each word once.
        #[test]
        fn tokens_never_span_whitespace(
            text in "(\\PC|[ \t\n\u{a0}\u{3000}'’\u{301}\u{64e}۔.])*"
        ) {
            let mut whole = Vec::new();
            let n = for_each_token([text.as_str()], |h| whole.push(h));
            let (mut by_word, mut parts) = (Vec::new(), Vec::new());
            let m = for_each_token_of_parts(text.split_whitespace(), |i, h| {
                by_word.push(h);
                parts.push(i);
            });
            proptest::prop_assert_eq!(&whole, &by_word);
            proptest::prop_assert_eq!(n, m);
            proptest::prop_assert!(parts.windows(2).all(|w| w[0] <= w[1]));
        }
    }

    #[test]
    fn the_invisible_characters_are_unicodes_default_ignorables() {
        let ignorable = icu_properties::CodePointSetData::new::<
            icu_properties::props::DefaultIgnorableCodePoint,
        >();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_invisible(c), ignorable.contains(c), "{:#x}", c as u32);
        }
    }

    #[test]
    fn invisible_characters_do_not_split_words() {
        assert_eq!(
            tokens("Wash\u{ad}ing\u{ad}ton agree\u{200b}ment min\u{2060}ister said\u{200f}."),
            tokens("Washington agreement minister said.")
        );
        // The zero-width non-joiner of Persian and Urdu spelling.
        assert_eq!(tokens("می\u{200c}خواهم"), tokens("میخواهم"));
    }

    #[test]
    fn case_folding_and_nfkc() {
        // Full-width letters (NFKC), German sharp s and final sigma (folding).
        assert_eq!(tokens("ＡＢＣ Straße ΟΔΟΣ"), tokens("abc STRASSE οδος"));
    }

    #[test]
    fn urdu_marks_do_not_split_words_and_full_stop_splits_sentences() {
        let with_marks = "پاکستان نے میچ جیتا۔ ٹیم خوش ہے";
        let toks = tokens(with_marks);
        assert_eq!(toks.len(), 7);
        // Zabar (U+064E) is an optional vowel mark: same token with or without it.
        assert_eq!(tokens("کَر"), tokens("کر"));
    }

    #[test]
    fn han_text_yields_one_token_per_character() {
        assert_eq!(tokens("北京今天下雨").len(), 6);
        assert_eq!(tokens("東京 Tokyo").len(), 3);
    }

    #[test]
    fn very_long_ascii_word_is_one_token() {
        let w = "a".repeat(200);
        assert_eq!(tokens(&w), hashes(&[&w]));
    }

    #[test]
    fn datelines_are_cut() {
        let body = "Trump invited Putin to the White House.";
        for dated in [
            "WASHINGTON, April 20 (Reuters) - Trump invited Putin to the White House.",
            "Washington(ANN)-Trump invited Putin to the White House.",
            "MOSCOW (AP) — Trump invited Putin to the White House.",
            "BEIJING, Nov. 27 (Xinhua) -- Trump invited Putin to the White House.",
            "(Reuters) - Trump invited Putin to the White House.",
            "NEW YORK - Trump invited Putin to the White House.",
            "Moscow, March 14 — Trump invited Putin to the White House.",
            "New York, Nov. 3, 2025 (AP) - Trump invited Putin to the White House.",
            "PARIS, 5 déc 2025 (AFP) - Trump invited Putin to the White House.",
            "Berlin, 5. Dezember (dpa) - Trump invited Putin to the White House.",
            "Madrid, 5 dic (EFE).- Trump invited Putin to the White House.",
            "LONDON, 5 December (Reuters) - Trump invited Putin to the White House.",
            "WASHINGTON, March 8 (Reuters) Trump invited Putin to the White House.",
            "SYDNEY, Sept (Reuters) Trump invited Putin to the White House.",
            "WASHINGTON, Feb (Reuters) - Trump invited Putin to the White House.",
        ] {
            assert_eq!(tokens(dated), tokens(body), "{dated}");
        }
    }

    #[test]
    fn dateline_after_a_local_intro_is_cut() {
        let f = furniture("Our readers care.\nMOSCOW (AP) - Talks began.");
        assert_eq!(f.dateline, Some("MOSCOW (AP) -"));
        assert_eq!(f.body, vec!["Our readers care.", "Talks began."]);
    }

    #[test]
    fn ordinary_first_sentences_are_not_cut() {
        for text in [
            "US President Donald Trump (R) met Putin on Friday.",
            "The talks - which lasted hours - ended.",
            "Trump said: we will meet.",
            "Paris, the capital, hosted the summit.",
            "Paris, 5 people were hurt - police said.",
            "The talks.- no more.",
            "IBM, March 8 (the company said) would cut jobs.",
            "NASA shares 12 (Reuters poll) rose.",
        ] {
            assert_eq!(story_body(text), vec![text], "{text}");
        }
    }

    #[test]
    fn chinese_dateline_is_cut() {
        let story = "俄罗斯和挪威同意在四月恢复渔业谈判。";
        for dressed in [
            "新华社莫斯科4月1日电（记者张三）俄罗斯和挪威同意在四月恢复渔业谈判。",
            "本报北京4月1日讯 俄罗斯和挪威同意在四月恢复渔业谈判。",
            "中新网4月1日电 俄罗斯和挪威同意在四月恢复渔业谈判。",
        ] {
            assert_eq!(tokens(dressed), tokens(story), "{dressed}");
            assert!(furniture(dressed).dateline.is_some());
        }
        // A sentence that begins with a date and 电力 (electricity) is story.
        let plain = "他说4月1日电力供应将恢复。";
        assert_eq!(furniture(plain).dateline, None);
    }

    #[test]
    fn russian_datelines_are_cut() {
        let story = "Лавров заявил о готовности к переговорам.";
        for dressed in [
            "МОСКВА, 5 дек — РИА Новости. Лавров заявил о готовности к переговорам.",
            "МОСКВА, 5 дек — РИА Новости, Иван Петров. Лавров заявил о готовности к переговорам.",
            "МОСКВА, 5 декабря. /ТАСС/. Лавров заявил о готовности к переговорам.",
            "САНКТ-ПЕТЕРБУРГ, 5 декабря. /Корр. ТАСС Иван Петров/. Лавров заявил о готовности к переговорам.",
            "Москва. 5 декабря. INTERFAX.RU - Лавров заявил о готовности к переговорам.",
            "Нижний Новгород, 5 мая 2025 года — Лавров заявил о готовности к переговорам.",
        ] {
            assert_eq!(tokens(dressed), tokens(story), "{dressed}");
        }
        // A date in the first sentence is story.
        for plain in [
            "Лавров, 5 декабря заявивший о готовности, прибыл в Женеву.",
            "В Москве 5 декабря — день переговоров.",
        ] {
            assert_eq!(furniture(plain).dateline, None, "{plain}");
        }
    }

    #[test]
    fn urdu_dateline_is_cut() {
        let t = "ڈھاکہ ۔ یکم دسمبر (اے پی پی) بنگلہ دیش جیت گیا";
        assert_eq!(tokens(t), tokens("بنگلہ دیش جیت گیا"));
    }

    #[test]
    fn bylines_and_footers_are_dropped() {
        let story = "Markets rose on Monday.\nTraders were calm.";
        let dressed = "By Jane Doe\nMarkets rose on Monday.\nTraders were calm.\n(Reporting by John Roe; Editing by Ann Poe)\nFollow us on Twitter @news";
        assert_eq!(tokens(dressed), tokens(story));
    }

    proptest::proptest! {
        #[test]
        fn lines_split_as_std_splits_them(text in "[a\r\n]{0,20}") {
            proptest::prop_assert_eq!(lines(&text).collect::<Vec<_>>(), text.lines().collect::<Vec<_>>());
        }
    }

    #[test]
    fn furniture_says_what_was_cut() {
        let f = furniture("By Jane Doe\nMOSCOW (AP) — Talks began.\nMore text.\nFollow us on X");
        assert_eq!(f.dateline, Some("MOSCOW (AP) —"));
        assert_eq!(f.bylines, vec!["By Jane Doe"]);
        assert_eq!(f.footers, vec!["Follow us on X"]);
        assert_eq!(f.body, vec!["Talks began.", "More text."]);
    }

    #[test]
    fn a_hard_wrapped_text_is_read_in_paragraphs_not_lines() {
        // Reuters-21578: an indent opens each paragraph.
        let reuters = "BONN, March 4 - AEG AG <AEGG.F> said it\n\
                       will cooperate with Intel on the development of automation\n\
                       systems for factories, power plants and rail networks.\n    \
                       The cooperation will centre on a new real-time operation\n\
                       system, AEG said.\n    \
                       REUTER";
        let f = furniture(reuters);
        assert_eq!(f.dateline, Some("BONN, March 4 -"));
        assert_eq!(
            f.body,
            vec![
                "AEG AG <AEGG.F> said it\nwill cooperate with Intel on the development of automation\nsystems for factories, power plants and rail networks.",
                "    The cooperation will centre on a new real-time operation\nsystem, AEG said.",
                "    REUTER",
            ]
        );
        // Its dateline field cut, a Reuters-21578 text opens with a short line: in a text whose
        // paragraphs open with an indent, that is no paragraph's end.
        let cut = "Suburban Bancorp said a Cook\n\
                   County Circuit Court ruled in favor of one of its companies on\n\
                   claims against six former directors.\n    \
                   It said a hearing on damages was set for April 21.";
        assert_eq!(story_body(cut).len(), 2, "{:?}", story_body(cut));
        // Mail: a blank line between paragraphs; a short line that ends a sentence ends one
        // too, as does a short line before a capital (a subhead).
        let mail = "The talks will resume in April, the ministry said on\n\
                    Friday, after a break of two months and a half.\n\
                    \n\
                    The first round will be held in Murmansk, officials\n\
                    said.\n\
                    Cod stocks\n\
                    Scientists warned that cod stocks had fallen to a\n\
                    record low in the Barents Sea this year.";
        assert_eq!(
            story_body(mail),
            vec![
                "The talks will resume in April, the ministry said on\nFriday, after a break of two months and a half.",
                "The first round will be held in Murmansk, officials\nsaid.",
                "Cod stocks",
                "Scientists warned that cod stocks had fallen to a\nrecord low in the Barents Sea this year.",
            ]
        );
        // A table of figures under the story: its rows end in brackets, most lines end a
        // sentence or a bracket, yet its full lines break inside sentences.
        let table = "The ministry said grain exports rose to a provisional 11.2\n\
                     mln tonnes last year from 9.7 mln, the highest level since\n\
                     1979.\n    \
                     It gave the following figures (1985 in brackets):\n\
                     Wheat        6.1 (5.2)\n\
                     Barley       2.9 (2.4)\n\
                     Maize        1.4 (1.3)\n\
                     Oats         0.8 (0.8)\n    \
                     REUTER";
        let body = story_body(table);
        assert_eq!(body.len(), 3, "{body:?}");
        assert!(body[0].ends_with("since\n1979."), "{body:?}");
        // A lower-cased corpus: a short line that ends a sentence ends its paragraph.
        let lowered = "the talks will resume in april, the ministry said on\n\
                       friday.\n\
                       the first round will be held in murmansk, officials said\n\
                       on friday after a break of two months.";
        assert_eq!(story_body(lowered).len(), 2);
        // A furniture line between two wrapped lines is no part of a paragraph.
        let signed = "The talks will resume in April, the ministry said on\n\
                      By Jane Doe\n\
                      Friday, after a break of two months, officials said\n\
                      in Moscow on Friday.";
        let f = furniture(signed);
        assert_eq!(f.bylines, vec!["By Jane Doe"]);
        assert_eq!(f.body.len(), 2, "{:?}", f.body);
    }

    proptest::proptest! {
        /// Joining a hard-wrapped text's lines loses and repeats nothing: its paragraphs, in
        /// order, hold the tokens its lines hold (each line a paragraph once blank lines part
        /// them), and no line is split.
        #[test]
        fn rejoined_paragraphs_hold_every_line_once(
            lines in proptest::collection::vec("[ a-zA-Zé.,]{0,70}", 0..12)
        ) {
            let text = lines.join("\n");
            let parted = lines.join("\n\n");
            let (joined, apart) = (story_body(&text), story_body(&parted));
            let words = |parts: &[&str]| parts.iter().flat_map(|p| p.split_whitespace()).map(str::to_owned).collect::<Vec<_>>();
            proptest::prop_assert_eq!(words(&joined), words(&apart));
            proptest::prop_assert!(joined.len() <= apart.len());
            for paragraph in &joined {
                proptest::prop_assert!(paragraph.lines().count() >= 1);
                proptest::prop_assert!(text.contains(paragraph));
            }
        }
    }

    #[test]
    fn a_paragraph_a_line_stays_so() {
        // Short paragraphs that end their sentences: no wrapping.
        let short = "Talks resume.\nThe first round\nwill be in Murmansk.\nCod stocks fell.";
        assert_eq!(story_body(short).len(), 4);
        // Long lines are paragraphs, whatever they end with.
        let long = format!(
            "{} and\n{} and\n{}",
            "word ".repeat(30),
            "more ".repeat(30),
            "end."
        );
        assert_eq!(story_body(&long).len(), 3);
    }

    #[test]
    fn footer_words_inside_the_story_are_kept() {
        let text = "Editing by hand is slow, he said.\nThe end.";
        assert_eq!(story_body(text).len(), 2);
    }

    #[test]
    fn empty_and_symbol_only_texts_have_no_tokens() {
        assert!(tokens("").is_empty());
        assert!(tokens(" \n\t ... ---").is_empty());
    }
}
