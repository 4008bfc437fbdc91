//! Segment: split a story body into sentences, the way news text needs.
//!
//! A paragraph always ends a sentence (a hard-wrapped text's paragraphs run over several lines:
//! [`crate::normalize::furniture`] joins them back). Inside a paragraph a sentence ends at `.`,
//! `!`, `?`, `…` (and the Urdu and Arabic `۔` and `؟`), after any closing quotes or brackets, when
//! whitespace follows and the next word can start a sentence: a capital letter, a digit, an opening
//! quote, or a letter of a script without case. A text written without capitals (a lowercased
//! corpus) cannot mark a start that way, so there a lowercase word may start a sentence too. A
//! period after a known abbreviation (`Gen.`, `Mr.`, `Corp.`, `Jan.`) or a single capital (`U.S.`,
//! `J. Smith`; any single letter in a text without capitals) does not end one, unless a word
//! that opens sentences and no name follows it (`Co Ltd. He said`, `the U.S. The ministry`).
//! The CJK full stops `。！？` and the Urdu `۔` end a sentence with no space after them. A run
//! of text too long for a sentence (over 1,000 words or 16 KiB), with no mark to end it, is cut
//! into pieces.
//!
//! Sentences are byte ranges of the text, never copies. This module knows nothing of alignment.

use std::ops::Range;

use crate::normalize::offset_in;

/// One sentence: its byte range in the text and the paragraph it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// 0-based paragraph number.
    pub paragraph: usize,
}

/// Words whose trailing period is an abbreviation, not a sentence end (lowercased, no period).
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj",
    "gov", "sen", "rep", "rev", "st", "jr", "sr", "inc", "corp", "ltd", "co", "bros", "no", "nos",
    "vs", "etc", "approx", "dept", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "mt", "ft", "pres", "gens", "fig", "e.g", "i.e", "a.m", "p.m",
    "u.s", "u.k", "u.n", "e.u",
    // Russian: street, named after, avenue, lane, square, professor, academician, general,
    // saint, article, part, clause, house; that is, and so on, and the like, since, so-called.
    "ул", "им", "просп", "пер", "пл", "проф", "акад", "ген", "св", "ст", "ч", "п", "д", "т.е",
    "т.д", "т.п", "т.к", "т.н",
];

fn ends_sentence_char(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '۔' | '؟')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '」' | '』')
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '「' | '『' | '¿' | '¡'
    )
}

/// Whether a sentence may start with `c`; in a text written without capitals
/// (`uncased`) any letter may.
fn can_start_sentence(c: char, uncased: bool) -> bool {
    c.is_uppercase()
        || c.is_numeric()
        || is_opening(c)
        || (c.is_alphabetic() && (uncased || !c.is_lowercase()))
}

/// Whether the word ending right before byte `dot` of `text` is an abbreviation. In a text
/// written without capitals (`uncased`) a single letter of either case is an initial.
fn is_abbreviation(text: &str, dot: usize, uncased: bool) -> bool {
    let before = &text[..dot];
    let start = before
        .rfind(|c: char| c.is_whitespace() || is_opening(c))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[start..];
    if word.is_empty() {
        return false;
    }
    // A single capital letter, possibly after earlier ones: J. / U.S. / U.S.A.
    if word
        .split('.')
        .all(|p| p.chars().count() == 1 && p.chars().all(|c| c.is_uppercase() || uncased))
    {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Words that open a sentence and never follow an abbreviation inside one: after `Co Ltd.`,
/// `Inc.`, `U.S.` or `Jr.` they start the next (`said a broker at Daiwa Securities Co Ltd. He
/// said`, `exports to the U.S. The ministry said`). Not `A` nor `I`, which are initials too
/// (`J. A. Smith`).
const SENTENCE_OPENERS: &[&str] = &[
    "He", "She", "It", "They", "We", "The", "This", "That", "These", "Those", "But", "However",
    "His", "Her", "Its", "Their", "There",
];

/// Whether `rest`, the text after a period, opens with one of [`SENTENCE_OPENERS`] as a word.
fn opens_a_sentence(rest: &str) -> bool {
    let word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    SENTENCE_OPENERS.contains(&word)
}

/// Splits `text` (paragraphs separated by line breaks) into sentences.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut offset = 0;
    let uncased = uncased(text);
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if !body.trim().is_empty() {
            split_paragraph(body, offset, paragraph, uncased, &mut out);
            paragraph += 1;
        }
        offset += line.len();
    }
    out
}

/// The first sentence of the story of `text` (furniture such as the dateline left out): what
/// stands in for a missing headline.
pub fn lead(text: &str) -> Option<&str> {
    let body = crate::normalize::story_body(text);
    let first = sentences_of_parts(text, &body).into_iter().next()?;
    Some(text[first.span].trim())
}

/// Like [`sentences`], over the paragraphs of a story body (as [`crate::normalize::furniture`]
/// gives them), each a slice of `text`.
pub fn sentences_of_parts(text: &str, parts: &[&str]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let uncased = uncased(text);
    for (paragraph, part) in parts.iter().enumerate() {
        let offset = offset_in(text, part);
        split_paragraph(part, offset, paragraph, uncased, &mut out);
    }
    out
}

/// The most words a sentence holds; a longer run of text is cut into pieces ([`first_piece`]).
/// A run that long has no sentence marks (a transcript, a table, a text in a script written
/// without them), and later stages read a sentence whole, some (the credit readers) in time that
/// grows faster than its length: an unmarked 10,000-word text took minutes to compare. The
/// longest sentence in the evaluation corpora has 660 words and 5,613 bytes (an Urdu one in
/// COUNTER; eval_reuters' longest, 227 words), so no sentence of theirs is cut.
const MOST_WORDS: usize = 1_000;

/// The most bytes a sentence holds (a text in a script written without spaces has few words).
const MOST_BYTES: usize = 16 * 1024;

/// Marks that end a clause: where a piece of an over-long sentence is best cut.
const CLAUSE_MARKS: [char; 6] = [',', ';', ':', '،', '؛', '、'];

fn push(out: &mut Vec<Sentence>, text: &str, offset: usize, range: Range<usize>, paragraph: usize) {
    let mut rest = &text[range.clone()];
    let mut at = offset + range.start;
    loop {
        let lead = rest.len() - rest.trim_start().len();
        (rest, at) = (&rest[lead..], at + lead);
        if rest.is_empty() {
            return;
        }
        let (piece, next) = rest.split_at(first_piece(rest));
        out.push(Sentence {
            span: at..at + piece.trim_end().len(),
            paragraph,
        });
        (rest, at) = (next, at + piece.len());
    }
}

/// The length of the first piece of `sentence` (which starts with no space): all of it when it
/// holds at most [`MOST_WORDS`] words and [`MOST_BYTES`] bytes; else, in the second half of what
/// fits, after the clause mark or else before the word whose next word hashes lowest
/// ([`lowest_cut`]), or after the last whole character (a script written without spaces).
///
/// Where a piece ends depends on the words around the cut, not on how far it is from the run's
/// start, so a copy that adds or drops a word early in a run is cut where its source is after
/// its first piece, and its later pieces read `same`. Cut at the last space of what fits (as at
/// first), every piece of such a copy moved by the word and read `reworded`.
fn first_piece(sentence: &str) -> usize {
    // More than the most words take two bytes a word, less one: a sentence shorter than that,
    // as nearly all are, is whole without its words being read.
    const _: () = assert!(2 * MOST_WORDS < MOST_BYTES);
    if sentence.len() <= 2 * MOST_WORDS {
        return sentence.len();
    }
    let by_words = sentence
        .split_whitespace()
        .nth(MOST_WORDS)
        .map_or(sentence.len(), |word| offset_in(sentence, word));
    let fits = by_words.min(sentence.floor_char_boundary(MOST_BYTES));
    if fits == sentence.len() {
        return fits;
    }
    let head = &sentence[..fits];
    let half = fits / 2;
    let after_marks = head
        .char_indices()
        .filter(|&(i, c)| i >= half && CLAUSE_MARKS.contains(&c))
        .map(|(i, c)| i + c.len_utf8());
    let before_words = || {
        head.split_whitespace()
            .map(|word| offset_in(head, word))
            .filter(|&at| at >= half.max(1))
    };
    lowest_cut(sentence, after_marks)
        .or_else(|| lowest_cut(sentence, before_words()))
        .unwrap_or(fits)
}

/// Of the offsets `cuts` into `sentence`, the one whose next word hashes lowest (the earliest of
/// equals): a choice made by the text around each cut alone, the same wherever the text starts.
fn lowest_cut(sentence: &str, cuts: impl Iterator<Item = usize>) -> Option<usize> {
    cuts.min_by_key(|&at| {
        let next = sentence[at..].split_whitespace().next().unwrap_or_default();
        (xxhash_rust::xxh3::xxh3_64(next.as_bytes()), at)
    })
}

/// Whether `text` is written without a single capital (a lowercased corpus): then a capital
/// cannot be what marks a sentence's start. Decided for the whole text, as a hard-wrapped story's
/// lines often hold no capital of their own.
fn uncased(text: &str) -> bool {
    !text.chars().any(char::is_uppercase)
}

fn split_paragraph(
    text: &str,
    offset: usize,
    paragraph: usize,
    uncased: bool,
    out: &mut Vec<Sentence>,
) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        // CJK stops, and the Urdu full stop (often written with no space after it), end a
        // sentence whatever follows.
        let cjk_stop = matches!(c, '。' | '！' | '？' | '۔');
        if !(ends_sentence_char(c) || cjk_stop) {
            i += 1;
            continue;
        }
        // Swallow repeated terminators and closing quotes: `?!`, `."`, `.)`.
        let mut j = i + 1;
        while j < chars.len()
            && (ends_sentence_char(chars[j].1)
                || is_closing(chars[j].1)
                || matches!(chars[j].1, '。' | '！' | '？'))
        {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |c| c.0);
        if cjk_stop {
            push(out, text, offset, start..end, paragraph);
            start = end;
            i = j;
            continue;
        }
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        let spaced = k > j;
        let next = chars.get(k).map(|c| c.1);
        let boundary = match next {
            None => true,
            Some(n) => {
                spaced
                    && can_start_sentence(n, uncased)
                    && !(c == '.'
                        && j == i + 1
                        && is_abbreviation(text, pos, uncased)
                        && !opens_a_sentence(&text[chars[k].0..]))
            }
        };
        if boundary {
            push(out, text, offset, start..end, paragraph);
            start = chars.get(k).map_or(text.len(), |c| c.0);
        }
        i = j.max(i + 1);
    }
    push(out, text, offset, start..text.len(), paragraph);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lead_is_the_first_story_sentence_without_the_dateline() {
        let text = "By Jane Doe\nMOSCOW, March 14 (Reuters) - Talks resume in April. Crews wait.\n";
        assert_eq!(lead(text), Some("Talks resume in April."));
        assert_eq!(lead("   \n"), None);
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .iter()
            .map(|s| &text[s.span.clone()])
            .collect()
    }

    proptest::proptest! {
        /// The sentences hold every word of the text once, in order: what falls between two
        /// has none.
        #[test]
        fn sentences_hold_every_word_once(
            text in "([A-Za-z]{1,6}|[ .!?,'\"“”]|Mr\\.|U\\.S\\.|۔|。|你|\n){0,60}"
        ) {
            let tokens = |t: &str| {
                let mut v = Vec::new();
                crate::normalize::for_each_token([t], |h| v.push(h));
                v
            };
            let by_sentence: Vec<u64> = sentences(&text)
                .iter()
                .flat_map(|s| tokens(&text[s.span.clone()]))
                .collect();
            proptest::prop_assert_eq!(by_sentence, tokens(&text));
        }
    }

    proptest::proptest! {
        /// A run of text with no sentence marks, however long, is cut into pieces of at most
        /// [`MOST_WORDS`] words that hold its every word once, in order.
        #[test]
        fn an_over_long_run_is_cut_into_pieces_holding_every_word(
            text in "([a-z]{1,7}[,;]? ){0,2600}"
        ) {
            let pieces = split(&text);
            proptest::prop_assert!(pieces
                .iter()
                .all(|p| p.split_whitespace().count() <= MOST_WORDS && !p.is_empty()));
            let words = |t: &str| t.split_whitespace().map(str::to_string).collect::<Vec<_>>();
            let joined: Vec<String> = pieces.iter().flat_map(|p| words(p)).collect();
            proptest::prop_assert_eq!(joined, words(&text));
        }
    }

    /// `n` words (`w0 w1 ...`), a comma after word `comma` when there is one.
    fn run(n: usize, comma: Option<usize>) -> String {
        (0..n)
            .map(|i| match comma {
                Some(at) if at == i => format!("w{i},"),
                _ => format!("w{i}"),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// How many words each of `pieces` holds.
    fn words(pieces: Vec<&str>) -> Vec<usize> {
        pieces
            .iter()
            .map(|p| p.split_whitespace().count())
            .collect()
    }

    #[test]
    fn an_over_long_run_is_cut_at_a_clause_mark_in_the_second_half_of_a_piece() {
        // The longest sentence of the evaluation corpora has 660 words: sentences that long
        // are whole.
        assert_eq!(words(split(&run(MOST_WORDS, Some(700)))), [MOST_WORDS]);
        // The fewest bytes that many words take: one letter each, one space between.
        let shortest = |n: usize| vec!["a"; n].join(" ");
        assert_eq!(words(split(&shortest(MOST_WORDS))), [MOST_WORDS]);
        assert_eq!(
            words(split(&shortest(MOST_WORDS + 1)))
                .iter()
                .sum::<usize>(),
            MOST_WORDS + 1
        );
        assert_eq!(split(&shortest(MOST_WORDS + 1)).len(), 2);
        // Past the most: after a clause mark of what fits, in its second half ...
        let text = run(2_500, Some(800));
        let pieces = split(&text);
        assert!(pieces[0].ends_with("w800,"), "{}", &pieces[0][..40]);
        // ... else between words, in the second half; one mark in the first half is no cut.
        for text in [run(2_500, Some(200)), run(20_000, None)] {
            let counts = words(split(&text));
            let (last, cut) = counts.split_last().unwrap();
            assert!(*last <= MOST_WORDS, "{counts:?}");
            assert!(
                cut.iter()
                    .all(|n| (MOST_WORDS / 2..=MOST_WORDS).contains(n)),
                "{counts:?}"
            );
        }
    }

    /// A run is cut where its words say, not where it started: a copy with a word added or
    /// dropped before the first cut has every later piece of its source, word for word.
    #[test]
    fn a_word_added_early_in_a_run_moves_no_later_cut() {
        let text = run(6_000, None);
        let pieces = split(&text);
        assert!(pieces.len() > 6, "{}", pieces.len());
        for copy in [format!("Meanwhile {text}"), text.replacen("w3 ", "", 1)] {
            let copied = split(&copy);
            assert_eq!(copied[1..], pieces[1..]);
            assert_ne!(copied[0], pieces[0]);
        }
        // Clause marks too (one every seventh word: the cut is chosen among them).
        let text = (0..6_000)
            .map(|i| format!("w{i}{}", if i % 7 == 0 { "," } else { "" }))
            .collect::<Vec<_>>()
            .join(" ");
        let pieces = split(&text);
        assert!(
            pieces
                .iter()
                .all(|p| p.ends_with(',') || *p == pieces[pieces.len() - 1])
        );
        assert_eq!(split(&format!("Meanwhile {text}"))[1..], pieces[1..]);
    }

    #[test]
    fn a_run_without_spaces_is_cut_between_characters_at_the_most_bytes() {
        let text = "你".repeat(20_000);
        let pieces = split(&text);
        assert!(pieces.iter().all(|p| p.len() <= MOST_BYTES));
        assert_eq!(pieces.len(), 4);
        assert_eq!(pieces.concat(), text);
        // An enumeration comma ends a clause in Chinese.
        let text = format!("{}、{}", "你".repeat(4_000), "你".repeat(4_000));
        assert_eq!(split(&text)[0].chars().count(), 4_001);
    }

    #[test]
    fn plain_sentences_split() {
        assert_eq!(
            split("One two. Three four! Five six? Seven"),
            vec!["One two.", "Three four!", "Five six?", "Seven"]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let t = "Gen. Smith met U.S. officials and Mr. J. Doe on Jan. 5 at 3 p.m. on Friday. Talks went well.";
        assert_eq!(
            split(t),
            vec![
                "Gen. Smith met U.S. officials and Mr. J. Doe on Jan. 5 at 3 p.m. on Friday.",
                "Talks went well."
            ]
        );
    }

    /// A company's suffix, a country's initials or `Jr.` may end a sentence: a pronoun or
    /// article after them opens the next.
    #[test]
    fn an_abbreviation_before_a_sentence_opener_ends_a_sentence() {
        let t = "Shares rose, said a broker at Daiwa Securities Co Ltd. He expects more. \
                 Exports to the U.S. The ministry said so. The bill was filed by John Smith Jr. However, it failed. \
                 J. A. Smith met Gen. Thomas at Apple Inc. Their talks went well.";
        assert_eq!(
            split(t),
            vec![
                "Shares rose, said a broker at Daiwa Securities Co Ltd.",
                "He expects more.",
                "Exports to the U.S.",
                "The ministry said so.",
                "The bill was filed by John Smith Jr.",
                "However, it failed.",
                "J. A. Smith met Gen. Thomas at Apple Inc.",
                "Their talks went well."
            ]
        );
        // Not a word that only starts with one (`Theodore`, `Herald`).
        assert_eq!(
            split("Gen. Theodore Smith met Mr. Herald Jones."),
            vec!["Gen. Theodore Smith met Mr. Herald Jones."]
        );
    }

    #[test]
    fn russian_abbreviations_do_not_end_sentences() {
        let t = "Ген. Герасимов прибыл на ул. Тверскую, д. 5. Дело возбуждено по ч. 2 ст. 105 УК РФ. С. В. Лавров заявил о готовности.";
        assert_eq!(
            split(t),
            vec![
                "Ген. Герасимов прибыл на ул. Тверскую, д. 5.",
                "Дело возбуждено по ч. 2 ст. 105 УК РФ.",
                "С. В. Лавров заявил о готовности."
            ]
        );
    }

    #[test]
    fn decimals_and_lowercase_continuations_do_not_split() {
        assert_eq!(
            split("Prices rose 5.93 pct. e.g. this stays. Then more."),
            vec!["Prices rose 5.93 pct. e.g. this stays.", "Then more."]
        );
    }

    #[test]
    fn a_text_without_capitals_splits_before_lowercase_words() {
        // A lowercased corpus: nothing else marks where a sentence starts.
        assert_eq!(
            split(
                "talks resume on friday. the minister met gen. smith and j. doe. prices rose 5.9 pct."
            ),
            vec![
                "talks resume on friday.",
                "the minister met gen. smith and j. doe.",
                "prices rose 5.9 pct."
            ]
        );
        // One capital in the text, even in another paragraph (a hard-wrapped story's line),
        // and lowercase words continue a sentence again.
        assert_eq!(
            split("Talks resume\non friday. the minister met."),
            vec!["Talks resume", "on friday. the minister met."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let t = "“We will come,” he said. “We ran.” She left.";
        assert_eq!(
            split(t),
            vec!["“We will come,” he said.", "“We ran.”", "She left."]
        );
        assert_eq!(
            split("He asked (why?). Then left."),
            vec!["He asked (why?).", "Then left."]
        );
    }

    #[test]
    fn paragraphs_always_end_sentences() {
        let s = sentences("First line without stop\n\nSecond paragraph. Two.\n");
        assert_eq!(s.len(), 3);
        assert_eq!(
            s.iter().map(|x| x.paragraph).collect::<Vec<_>>(),
            vec![0, 1, 1]
        );
    }

    #[test]
    fn urdu_and_cjk_stops() {
        assert_eq!(
            split("پاکستان نے میچ جیتا۔ ٹیم خوش ہے۔"),
            vec!["پاکستان نے میچ جیتا۔", "ٹیم خوش ہے۔"]
        );
        assert_eq!(
            split("北京今天下雨。明天晴。"),
            vec!["北京今天下雨。", "明天晴。"]
        );
    }

    #[test]
    fn empty_and_blank_texts_have_no_sentences() {
        assert!(sentences("").is_empty());
        assert!(sentences("  \n\n ").is_empty());
    }

    #[test]
    fn parts_keep_their_offsets_in_the_text() {
        let text = "MOSCOW (AP) — Talks began. Then.\nMore.";
        let f = crate::normalize::furniture(text);
        let s = sentences_of_parts(text, &f.body);
        let got: Vec<&str> = s.iter().map(|x| &text[x.span.clone()]).collect();
        assert_eq!(got, vec!["Talks began.", "Then.", "More."]);
    }
}
