//! Mojibake: text whose UTF-8 bytes were once read as Windows-1252 (or Latin-1) and written out
//! again, so that `Trump’s` reads `Trumpâ€™s` and `café` reads `cafÃ©`. Scraped corpora are full
//! of it, and a copy of a story with it shares no apostrophe word and no accented word with the
//! clean copy.
//!
//! A garbled character is a run of characters standing for the bytes of one UTF-8 character: a
//! character standing for a lead byte (`Ã` for 0xC3, `â` for 0xE2, `Ð` for 0xD0) and after it
//! as many standing for continuation bytes (0x80-0xBF: `€ ™ ’ © ¼`...) as the lead calls for.
//! Clean text practically never holds such a run: it would need a letter such as `Ã` or `Ð`
//! followed directly by `©`, `€` or `¼`.
//!
//! Repair comes in two kinds. A text garbled throughout (every character stands for a
//! Windows-1252 byte, and the bytes are valid UTF-8) and holding at least one run of the kind
//! below is read back whole. Otherwise (a text
//! mixing garbled and clean characters, as one pasted together from two feeds, or garbled
//! through Latin-1, whose C1 controls Windows-1252 lacks) each run is repaired on its own, where
//! its lead is one that news mojibake comes from: Latin-1 and Latin Extended-A letters (`Ã Â Ä
//! Å`: `é`, `£`, `ł`, `ğ`), Romanian (`È`: `ș`), Greek (`Î Ï`), Cyrillic (`Ð Ñ`), Hebrew (`×`),
//! Arabic and Urdu (`Ø Ù Ú Û`), and every lead of a three- or four-byte character (punctuation,
//! Indic, CJK, emoji; these need two continuations, which clean text does not put after a
//! letter). So a German `Fuß“` (`ß` before a closing quote) or a French headline's `ARRIVÉ…`
//! stays. A text garbled twice (`Ã¢â‚¬â„¢` for `’`) is repaired in two rounds. In a text so
//! repaired, `Ã` and `Â` before a plain space were `à` and a no-break space whose second byte
//! became a space (`Ã  Paris`).
//!
//! Text garbled through Windows-1251, as Russian software garbles it (`Москва` reads
//! `РњРѕСЃРєРІР°`, `—` reads `вЂ”`), is repaired the same two ways, with the leads of Cyrillic
//! letters, Latin-1 signs and three-byte punctuation; a lone garbled letter is repaired only
//! beside no other letter and in a text holding a longer garbled word (see `CYRILLIC`), since
//! clean Russian has `Р` and `С` before `»` or `Ё` (`СССР»`).

use std::borrow::Cow;

/// `text` with its mojibake repaired; borrowed when it has none.
pub fn repaired(text: &str) -> Cow<'_, str> {
    let mut text = Cow::Borrowed(text);
    // Garbled twice takes two rounds; a third is the most any text is given.
    for _ in 0..3 {
        match repaired_once(&text) {
            Some(read) => text = Cow::Owned(read),
            None => break,
        }
    }
    text
}

/// One round of repair: `None` when it changes nothing.
fn repaired_once(text: &str) -> Option<String> {
    [&WESTERN, &CYRILLIC].into_iter().find_map(|page| {
        if !(page.may_be_garbled)(text.as_bytes()) {
            return None;
        }
        // A text is read back whole only when it holds a run repaired on its own too: `Fuß“
        // sagt er` reads as Windows-1252 bytes of valid UTF-8 (`ß“` as NKo's `ߓ`), but it is
        // not garbled.
        let runs = read_runs(text, page)?;
        Some(read_whole(text, page).unwrap_or_else(|| (page.after_runs)(runs)))
    })
}

/// A code page UTF-8 text was garbled through, and how its garbled characters are told.
struct Page {
    encoding: &'static encoding_rs::Encoding,
    /// The byte a character stands for.
    byte: fn(char) -> Option<u8>,
    /// How many bytes the UTF-8 character a lead byte starts has, when a run with that lead is
    /// repaired (a run's other bytes are continuations, 0x80-0xBF).
    run_length: fn(u8) -> Option<usize>,
    /// Whether a run may stand for this character.
    reads: fn(char) -> bool,
    /// Whether a group of abutting runs (their count, and whether one is longer than two
    /// bytes) is repaired wherever it stands; when not, only in a text holding one that is,
    /// and with no letter on either side.
    sure: fn(usize, bool) -> bool,
    /// The quick test that spares most text the attempt.
    may_be_garbled: fn(&[u8]) -> bool,
    /// What else a text repaired run by run (so known to be garbled) gets.
    after_runs: fn(String) -> String,
}

/// Windows-1252 and Latin-1, the mojibake of Western software: every run is sure.
static WESTERN: Page = Page {
    encoding: encoding_rs::WINDOWS_1252,
    byte: cp1252_byte,
    run_length,
    reads: |_| true,
    sure: |_, _| true,
    may_be_garbled,
    after_runs: no_break_spaces_lost,
};

/// Windows-1251, the mojibake of Russian software: `Москва` reads `РњРѕСЃРєРІР°`, `—` reads
/// `вЂ”`, `«` reads `В«`. Runs stand only for Cyrillic letters, Latin-1 signs and punctuation.
/// A lone two-byte run is doubtful (`СССР»` is clean: `Р»` would be `л`), so it needs a sure
/// one in the text (a garbled word of two letters or more, or garbled punctuation) and no
/// letter beside it: `РІ` for the one-letter word `в`.
static CYRILLIC: Page = Page {
    encoding: encoding_rs::WINDOWS_1251,
    byte: cp1251_byte,
    run_length: cp1251_run_length,
    reads: |c| matches!(c, '\u{A0}'..='\u{BF}' | '\u{400}'..='\u{45F}' | '\u{2010}'..='\u{203A}' | '€' | '№' | '™'),
    sure: |runs, long| runs >= 2 || long,
    may_be_garbled: may_be_cp1251_garbled,
    after_runs: |text| text,
};

/// `text` (garbled through Windows-1252, its runs repaired) with the runs whose no-break space
/// became a plain space read back: `à` is 0xC3 0xA0, so `à Paris` garbles to `Ã`, a no-break
/// space and a space, and scrapers turn the no-break space into a space (`Ã  Paris`); a no-break
/// space alone garbles to `Â` and itself (`Â `). Such a `Ã` is `à`, such a `Â` goes, unless a
/// capital stands before it (Portuguese `IRMÃ`); of two spaces after it one goes, a lone one
/// stays (the two were squeezed into one).
fn no_break_spaces_lost(text: String) -> String {
    let finder = |s: &str| memchr::memmem::find(text.as_bytes(), s.as_bytes()).is_some();
    if !finder("Ã ") && !finder("Â ") {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut before: Option<char> = None;
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        let rest = &text[at + c.len_utf8()..];
        let lost = matches!(c, 'Ã' | 'Â')
            && rest.starts_with(' ')
            && !before.is_some_and(char::is_uppercase);
        match c {
            'Ã' if lost => out.push('à'),
            'Â' if lost => {}
            _ => out.push(c),
        }
        if lost && rest.starts_with("  ") {
            // The no-break space turned plain, then the text's own space.
            chars.next();
        }
        before = Some(c);
    }
    out
}

/// `text` read back whole, when every character stands for a byte of the page, the bytes are
/// valid UTF-8 (and differ from it), and each character read is one a run may stand for (clean
/// `аёё` is Windows-1251's bytes of a Thai vowel sign).
fn read_whole(text: &str, page: &Page) -> Option<String> {
    let (bytes, _, unmappable) = page.encoding.encode(text);
    if unmappable {
        return None;
    }
    match std::str::from_utf8(&bytes) {
        Ok(read) if read != text && read.chars().all(|c| c.is_ascii() || (page.reads)(c)) => {
            Some(read.to_string())
        }
        _ => None,
    }
}

/// A garbled character: where its run stands in the text, and the character it stands for.
struct Run {
    start: usize,
    end: usize,
    read: char,
}

/// The garbled character whose run starts with `c` at `at` (see [`Page::run_length`]).
fn run_at(page: &Page, at: usize, c: char, rest: &mut std::str::CharIndices<'_>) -> Option<Run> {
    let lead = (page.byte)(c)?;
    let len = (page.run_length)(lead)?;
    let mut bytes = [lead, 0, 0, 0];
    let mut end = at + c.len_utf8();
    for byte in &mut bytes[1..len] {
        let (i, d) = rest.next()?;
        *byte = (page.byte)(d).filter(|b| (0x80..=0xBF).contains(b))?;
        end = i + d.len_utf8();
    }
    let read = std::str::from_utf8(&bytes[..len]).ok()?.chars().next()?;
    if !(page.reads)(read) {
        return None;
    }
    Some(Run {
        start: at,
        end,
        read,
    })
}

/// `text` with each garbled character repaired on its own, by groups of abutting runs as
/// [`Page::sure`] says; `None` when it has no sure one.
fn read_runs(text: &str, page: &Page) -> Option<String> {
    let mut runs: Vec<Run> = Vec::new();
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        let mut rest = chars.clone();
        if let Some(run) = run_at(page, at, c, &mut rest) {
            runs.push(run);
            chars = rest;
        }
    }
    let groups: Vec<&[Run]> = runs.chunk_by(|a, b| a.end == b.start).collect();
    let is_sure = |g: &[Run]| (page.sure)(g.len(), g.iter().any(|r| r.read.len_utf8() > 2));
    if !groups.iter().any(|g| is_sure(g)) {
        return None;
    }
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for g in groups {
        let (start, end) = (g[0].start, g[g.len() - 1].end);
        let lone =
            !letter(text[..start].chars().next_back()) && !letter(text[end..].chars().next());
        if is_sure(g) || lone {
            out.push_str(&text[copied..start]);
            out.extend(g.iter().map(|r| r.read));
            copied = end;
        }
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// How many bytes the UTF-8 character that `lead` starts has, when a run with that lead is
/// repaired on its own (see the module's doc for which leads).
fn run_length(lead: u8) -> Option<usize> {
    match lead {
        0xC2..=0xC5 | 0xC8 | 0xCE | 0xCF | 0xD0 | 0xD1 | 0xD7..=0xDB => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

/// Windows-1252's characters for the bytes 0x80-0x9F; the five bytes it leaves undefined are
/// their C1 controls, as WHATWG's decoder (and a Latin-1 reading of any of them) has them.
const HIGH_CONTROLS: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// The byte that `c` stands for in text garbled through Windows-1252 or Latin-1, if any.
fn cp1252_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        // Latin-1's C1 controls stand for their own bytes.
        code @ 0..=0xFF => Some(code as u8),
        _ => HIGH_CONTROLS
            .iter()
            .position(|&h| h == c)
            .map(|i| 0x80 + i as u8),
    }
}

/// In Windows-1251 mojibake, the leads of Cyrillic letters (`Р С` for 0xD0 0xD1: Russian,
/// Ukrainian, Belarusian, Serbian, Macedonian), of Latin-1 signs (`В` for 0xC2: `«`, `»`, the
/// no-break space, `°`) and of three-byte characters (`в` for 0xE2: punctuation, `€`, `№`).
fn cp1251_run_length(lead: u8) -> Option<usize> {
    match lead {
        0xC2 | 0xD0 | 0xD1 => Some(2),
        0xE2 => Some(3),
        _ => None,
    }
}

/// Windows-1251's characters for the bytes 0x80-0xBF (0xC0-0xFF are `А` to `я` in order); the
/// one byte it leaves undefined (0x98) is its C1 control, as WHATWG's decoder has it.
#[rustfmt::skip]
const CP1251_HIGH: [char; 64] = [
    'Ђ', 'Ѓ', '‚', 'ѓ', '„', '…', '†', '‡', '€', '‰', 'Љ', '‹', 'Њ', 'Ќ', 'Ћ', 'Џ',
    'ђ', '‘', '’', '“', '”', '•', '–', '—', '\u{98}', '™', 'љ', '›', 'њ', 'ќ', 'ћ', 'џ',
    '\u{A0}', 'Ў', 'ў', 'Ј', '¤', 'Ґ', '¦', '§', 'Ё', '©', 'Є', '«', '¬', '\u{AD}', '®', 'Ї',
    '°', '±', 'І', 'і', 'ґ', 'µ', '¶', '·', 'ё', '№', 'є', '»', 'ј', 'Ѕ', 'ѕ', 'ї',
];

/// The byte that `c` stands for in text garbled through Windows-1251, if any.
fn cp1251_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        code @ 0..=0x7F => Some(code as u8),
        code @ 0x410..=0x44F => Some((code - 0x410 + 0xC0) as u8),
        _ => CP1251_HIGH
            .iter()
            .position(|&h| h == c)
            .map(|i| 0x80 + i as u8),
    }
}

/// Whether `bytes` may hold a Windows-1251 garbled character: `Р` or `С` (UTF-8 0xD0 0xA0-0xA1)
/// followed by a character that may stand for a continuation byte (its UTF-8 starts 0xC2, 0xD0
/// 0x80-0x8F, 0xD1 0x90-0x9F, 0xD2 0x90-0x91 or 0xE2), or garbled punctuation: `в` (0xD0 0xB2)
/// followed by `Ђ`, `‚` or `„` (`—` reads `вЂ”`, `€` `в‚¬`, `№` `в„–`).
fn may_be_cp1251_garbled(bytes: &[u8]) -> bool {
    // Found by their second bytes: capital `Р` and `С` are rare in clean Russian, where the
    // first byte, 0xD0, starts half the letters.
    let after_capital = memchr::memchr2_iter(0xA0, 0xA1, bytes).any(|at| {
        let next = |k: usize| bytes.get(at + k).copied();
        at > 0
            && bytes[at - 1] == 0xD0
            && matches!(
                (next(1), next(2)),
                (Some(0xC2 | 0xE2), _)
                    | (Some(0xD0), Some(0x80..=0x8F))
                    | (Some(0xD1), Some(0x90..=0x9F))
                    | (Some(0xD2), Some(0x90 | 0x91))
            )
    });
    after_capital
        || memchr::memmem::find(bytes, "вЂ".as_bytes()).is_some()
        || memchr::memmem::find(bytes, "в\u{201A}".as_bytes()).is_some()
        || memchr::memmem::find(bytes, "в\u{201E}".as_bytes()).is_some()
}

/// Whether `bytes` may hold a garbled character: a character standing for a lead byte (`Â` to
/// `ô`, UTF-8 0xC3 0x82-0xB4) followed by one that may stand for a continuation byte (its UTF-8
/// starts 0xC2, 0xC5, 0xC6, 0xCB or 0xE2). Without one there is nothing to repair, and most text,
/// French and German with their accents too, is spared the attempt.
fn may_be_garbled(bytes: &[u8]) -> bool {
    memchr::memchr_iter(0xC3, bytes).any(|at| {
        matches!(bytes.get(at + 1), Some(0x82..=0xB4))
            && matches!(bytes.get(at + 2), Some(0xC2 | 0xC5 | 0xC6 | 0xCB | 0xE2))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `text`'s UTF-8 bytes read as Windows-1252.
    fn garble(text: &str) -> String {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(text.as_bytes())
            .0
            .into_owned()
    }

    #[test]
    fn each_byte_stands_for_the_character_windows_1252_reads_it_as() {
        for byte in 0..=255u8 {
            let read = garble_bytes(&[byte]);
            let c = read.chars().next().unwrap();
            assert_eq!(cp1252_byte(c), Some(byte), "{byte:#x} {c:?}");
        }
        assert_eq!(cp1252_byte('Ж'), None);
        assert_eq!(cp1252_byte('\u{2019}'), Some(0x92));
    }

    fn garble_bytes(bytes: &[u8]) -> String {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()
    }

    #[test]
    fn text_garbled_throughout_is_repaired() {
        assert_eq!(
            repaired("Trumpâ€™s â€œdealâ€\u{9d} in SÃ£o Paulo cost Â£5 â€” cafÃ©"),
            "Trump’s “deal” in São Paulo cost £5 — café"
        );
        for clean in [
            "Москва сообщила",
            "پاکستان نے میچ جیتا",
            "Αθήνα",
            "CAFÉ ÉTÉ",
        ] {
            let garbled = garble(clean);
            assert_ne!(garbled, clean);
            assert_eq!(repaired(&garbled), clean);
        }
    }

    #[test]
    fn garbled_characters_among_clean_ones_are_repaired() {
        for (text, clean) in [
            ("Trumpâ€™s deal with Müller", "Trump’s deal with Müller"),
            (
                "ErdoÄŸan and WaÅ‚Ä™sa met in IaÈ™i, cafÃ© included: café",
                "Erdoğan and Wałęsa met in Iași, café included: café",
            ),
            ("Ð\u{9c}Ð¾Ñ\u{81}ÐºÐ²Ð° and Москва", "Москва and Москва"),
            // Read through Latin-1: the C1 controls Windows-1252 has no character for.
            ("donâ\u{80}\u{99}t say cafÃ©", "don’t say café"),
            ("ä¸\u{ad}å›½ and 中国, ðŸ˜€ 😀", "中国 and 中国, 😀 😀"),
        ] {
            assert_eq!(repaired(text), clean, "{text}");
        }
    }

    /// `text`'s UTF-8 bytes read as Windows-1251.
    fn garble_1251(text: &str) -> String {
        encoding_rs::WINDOWS_1251
            .decode_without_bom_handling(text.as_bytes())
            .0
            .into_owned()
    }

    #[test]
    fn each_byte_stands_for_the_character_windows_1251_reads_it_as() {
        for byte in 0..=255u8 {
            let read = encoding_rs::WINDOWS_1251
                .decode_without_bom_handling(&[byte])
                .0
                .into_owned();
            let c = read.chars().next().unwrap();
            assert_eq!(cp1251_byte(c), Some(byte), "{byte:#x} {c:?}");
        }
        assert_eq!(cp1251_byte('é'), None);
    }

    #[test]
    fn russian_garbled_through_windows_1251_is_repaired() {
        let clean = "Москва, 5 декабря — «РИА Новости». Лавров заявил, что в переговорах \
                     участвуют представители Норвегии и Финляндии, сообщает МИД.";
        let garbled = garble_1251(clean);
        assert!(garbled.starts_with("РњРѕСЃРєРІР°, 5 "), "{garbled}");
        assert_eq!(repaired(&garbled), clean);
        // Among clean text: the garbled words, the one-letter `в` and the garbled dash are
        // repaired, the clean words stay.
        let mixed = format!(
            "{} Лавров {}",
            garble_1251("Москва — в «субботу»"),
            "в СССР» и СССР"
        );
        assert_eq!(
            repaired(&mixed),
            "Москва — в «субботу» Лавров в СССР» и СССР"
        );
        // Read whole, clean `аёё` would be a Thai vowel sign.
        assert_eq!(repaired(&format!("аёё {}", garble_1251("ёё"))), "аёё ёё");
        // Ukrainian and Serbian letters are Cyrillic runs too.
        for clean in ["Київ і Львів", "Ђоковић у Београду"] {
            assert_eq!(
                repaired(&format!("{} {clean}", garble_1251(clean))),
                format!("{clean} {clean}")
            );
        }
    }

    #[test]
    fn clean_cyrillic_is_not_read_as_windows_1251_mojibake() {
        for text in [
            "СССР» и «СССР",
            "Р» alone",
            "ГРЁЗЫ и СЁСТРЫ",
            "В «Известиях» сообщили",
            "СІЧЕНЬ, РІК",
            "Р№ С№",
            "ГРЁЗЫ привёё вёё “вёё”",
        ] {
            assert!(
                matches!(repaired(text), std::borrow::Cow::Borrowed(_)),
                "{text}"
            );
        }
    }

    #[test]
    fn no_break_spaces_turned_plain_are_read_in_garbled_text() {
        // `à Paris`: à, a no-break space turned plain, a space; then a no-break space alone.
        let garbled = "Il est arrivÃ© Ã  Paris, voilÃ  :Â tout.";
        assert_eq!(repaired(garbled), "Il est arrivé à Paris, voilà : tout.");
        // Squeezed into one space, and after a capital (Portuguese, clean).
        assert_eq!(
            repaired("arrivÃ© Ã Paris, IRMÃ e CAPITÃ lá"),
            "arrivé à Paris, IRMÃ e CAPITÃ lá"
        );
        // In a text with no other sign of garbling, nothing is read.
        assert!(matches!(
            repaired("Ã  Paris"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn text_garbled_twice_is_repaired() {
        let twice = garble(&garble("the minister’s café"));
        assert!(twice.contains("Ã¢â‚¬â„¢"), "{twice}");
        assert_eq!(repaired(&twice), "the minister’s café");
    }

    #[test]
    fn text_that_is_not_garbled_stays() {
        for text in [
            "SÃO PAULO, the city of São Paulo",
            "pâte à l'âge de raison",
            "naïve café",
            "Ã alone",
            "plain",
            "Москва сообщила",
            "„Das ist mein Fuß“, sagte er",
            "TOUT EST ARRIVÉ… «c'est réglé» et «réglé».",
            "Fuß“ and the café",
            "Fuß“ sagt er",
        ] {
            assert!(
                matches!(repaired(text), std::borrow::Cow::Borrowed(_)),
                "{text}"
            );
        }
    }

    /// Words and punctuation marks, joined by spaces, so that no clean letter stands right
    /// before a punctuation mark (which could read as a garbled character).
    fn tokens() -> impl Strategy<Value = Vec<(String, bool)>> {
        let word = "[a-zéüñçłğșαжبی中😀]{1,8}";
        let mark = "[’“”—…]";
        proptest::collection::vec((prop_oneof![word, mark], any::<bool>()), 0..30)
    }

    proptest! {
        /// Any mix of garbled and clean words reads back as the clean words.
        #[test]
        fn garbled_words_among_clean_ones_read_back(tokens in tokens()) {
            let clean: Vec<&str> = tokens.iter().map(|(t, _)| t.as_str()).collect();
            let mixed: Vec<String> = tokens
                .iter()
                .map(|(t, garbled)| if *garbled { garble(t) } else { t.clone() })
                .collect();
            let mixed = mixed.join(" ");
            prop_assert_eq!(repaired(&mixed), clean.join(" "));
        }

        /// Any mix of Russian words and punctuation garbled through Windows-1251 and clean
        /// ones reads back as the clean words.
        #[test]
        fn words_garbled_through_windows_1251_read_back(
            tokens in proptest::collection::vec((prop_oneof!["[а-яё]{2,8}", "[—…“”]"], any::<bool>()), 0..30)
        ) {
            let clean: Vec<&str> = tokens.iter().map(|(t, _)| t.as_str()).collect();
            let mixed: Vec<String> = tokens
                .iter()
                .map(|(t, garbled)| if *garbled { garble_1251(t) } else { t.clone() })
                .collect();
            let mixed = mixed.join(" ");
            prop_assert_eq!(repaired(&mixed), clean.join(" "));
        }

        /// Text dense with leads and continuations, runs abutting and cut short: repairing
        /// never panics and only ever shortens the text (a run of characters becomes one).
        #[test]
        fn repair_only_shortens(text in "[aÃâÐÑØÄÅÈßð€™’“©¼Ÿ\u{80}-\u{9f}éРСВвЂЃЁ«»ёї№ ]{0,40}") {
            prop_assert!(repaired(&text).chars().count() <= text.chars().count());
        }
    }
}
