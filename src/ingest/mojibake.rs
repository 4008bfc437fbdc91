//! Mojibake: text whose UTF-8 bytes were once read as Windows-1252 (or Latin-1) and written out
//! again, so that `Trump’s` reads `Trumpâ€™s` and `café` reads `cafÃ©`. Scraped corpora are full
//! of it, and a copy of a story with it shares no apostrophe word and no accented word with the
//! clean copy.
//!
//! The repair is all or nothing: a text is read back as the Windows-1252 bytes its characters
//! stand for, and kept so only when every character has such a byte and the bytes are valid
//! UTF-8. Text that was never garbled fails that test at its first accented letter (`é` alone is
//! the byte 0xE9, which UTF-8 never has alone), so only a text garbled throughout is changed.

use std::borrow::Cow;

/// `text` with its mojibake repaired; borrowed when it has none (or is not garbled throughout).
pub fn repaired(text: &str) -> Cow<'_, str> {
    if !has_marker(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    if unmappable {
        return Cow::Borrowed(text);
    }
    match std::str::from_utf8(&bytes) {
        Ok(read) if read != text => Cow::Owned(read.to_string()),
        _ => Cow::Borrowed(text),
    }
}

/// Whether `bytes` hold a character that a garbled UTF-8 lead byte turns into: `Â` and `Ã`
/// (Latin letters and signs), `â` (punctuation: `’“”—`), `Î` and `Ï` (Greek), `Ð` and `Ñ`
/// (Cyrillic), `Ø` and `Ù` (Arabic and Urdu). Without one there is nothing to repair, and most
/// text is spared the attempt (which reads the whole text).
fn has_marker(bytes: &[u8]) -> bool {
    memchr::memchr_iter(0xC3, bytes).any(|at| {
        matches!(
            bytes.get(at + 1),
            Some(0x82 | 0x83 | 0x8E | 0x8F | 0x90 | 0x91 | 0x98 | 0x99 | 0xA2)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::repaired;

    #[test]
    fn text_garbled_throughout_is_repaired() {
        assert_eq!(
            repaired("Trumpâ€™s â€œdealâ€\u{9d} in SÃ£o Paulo cost Â£5 â€” cafÃ©"),
            "Trump’s “deal” in São Paulo cost £5 — café"
        );
        for clean in ["Москва сообщила", "پاکستان نے میچ جیتا", "Αθήνα"]
        {
            let garbled = encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(clean.as_bytes())
                .0;
            assert_ne!(garbled, clean);
            assert_eq!(repaired(&garbled), clean);
        }
    }

    #[test]
    fn text_that_is_not_garbled_stays() {
        for text in [
            "SÃO PAULO, the city of São Paulo",
            "pâte à l'âge de raison",
            "naïve café",
            "Ã alone",
            "Trumpâ€™s deal with Müller",
            "plain",
            "Москва сообщила",
        ] {
            assert!(
                matches!(repaired(text), std::borrow::Cow::Borrowed(_)),
                "{text}"
            );
        }
    }
}
