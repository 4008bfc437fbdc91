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
//! stays. A text garbled twice (`Ã¢â‚¬â„¢` for `’`) is repaired in two rounds.

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
    if !may_be_garbled(text.as_bytes()) {
        return None;
    }
    // A text is read back whole only when it holds a run repaired on its own too: `Fuß“ sagt
    // er` reads as Windows-1252 bytes of valid UTF-8 (`ß“` as NKo's `ߓ`), but it is not garbled.
    let runs = read_runs(text)?;
    Some(read_whole(text).unwrap_or(runs))
}

/// `text` read back whole, when every character stands for a Windows-1252 byte and the bytes
/// are valid UTF-8 (and differ from it).
fn read_whole(text: &str) -> Option<String> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    if unmappable {
        return None;
    }
    match std::str::from_utf8(&bytes) {
        Ok(read) if read != text => Some(read.to_string()),
        _ => None,
    }
}

/// `text` with each garbled character (a run whose lead [`run_length`] accepts) repaired on its
/// own; `None` when it has none.
fn read_runs(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut copied = 0;
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        let Some(lead) = cp1252_byte(c) else { continue };
        let Some(len) = run_length(lead) else {
            continue;
        };
        let mut bytes = [lead, 0, 0, 0];
        let mut rest = chars.clone();
        let mut end = at + c.len_utf8();
        let whole = (1..len).all(|k| match rest.next() {
            Some((i, d)) => match cp1252_byte(d) {
                Some(b @ 0x80..=0xBF) => {
                    bytes[k] = b;
                    end = i + d.len_utf8();
                    true
                }
                _ => false,
            },
            None => false,
        });
        let Some(read) = whole
            .then(|| std::str::from_utf8(&bytes[..len]).ok())
            .flatten()
        else {
            continue;
        };
        out.push_str(&text[copied..at]);
        out.push_str(read);
        copied = end;
        chars = rest;
    }
    if copied == 0 {
        return None;
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

        /// Text dense with leads and continuations, runs abutting and cut short: repairing
        /// never panics and only ever shortens the text (a run of characters becomes one).
        #[test]
        fn repair_only_shortens(text in "[aÃâÐÑØÄÅÈßð€™’“©¼Ÿ\u{80}-\u{9f}é ]{0,40}") {
            prop_assert!(repaired(&text).chars().count() <= text.chars().count());
        }
    }
}
