//! Markup that feeds and scrapers leave in article text: bare HTML tags (`<p>`, `</p>`,
//! `<br/>`) read as spaces, and character references (`&#8217;`, `&rsquo;`, `&amp;`) as the
//! characters they stand for. One outlet's feed writes `Trump&#8217;s` and `<p>` between
//! paragraphs where another's text has `Trump’s` and a blank line; both must give the same
//! words (with the markup read as words, a copy wrapped in `<p>` tags kept 0.78-0.90 Jaccard
//! with its plain original on Reuters stories).
//!
//! A tag with a space in it (`<a href="...">`, `<br />`) spans several whitespace-separated
//! words, and the diff stage tokenizes word by word, so it is left as it is: reading it here
//! alone would make the two stages disagree about the words of a text.

use std::borrow::Cow;

/// `text` with its bare tags made spaces and its character references decoded (tags first, so
/// that an escaped `&lt;p&gt;` stays text); borrowed when it has neither.
pub(super) fn read(text: &str) -> Cow<'_, str> {
    if memchr::memchr2(b'&', b'<', text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    let untagged = match without_tags(text) {
        Some(untagged) => Cow::Owned(untagged),
        None => Cow::Borrowed(text),
    };
    match html_escape::decode_html_entities(&untagged) {
        Cow::Owned(decoded) => Cow::Owned(decoded),
        Cow::Borrowed(_) => untagged,
    }
}

/// `text` with every bare tag (`<p>`, `</p>`, `<br/>`: an HTML element's name, nothing else,
/// no space) replaced by a space; `None` when it has none.
fn without_tags(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `text` already in `out`
    for at in memchr::memchr_iter(b'<', bytes) {
        if at < copied {
            continue;
        }
        let Some((len, _)) = bare_tag(&bytes[at..]) else {
            continue;
        };
        let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(&text[copied..at]);
        out.push(' ');
        copied = at + len;
    }
    let mut out = out?;
    out.push_str(&text[copied..]);
    Some(out)
}

/// Names of the HTML elements whose bare tags are read as spaces, sorted: those of text and its
/// layout, in lower case as markup is written now. Other names in angle brackets, and these in
/// capitals, are words: Reuters writes tickers so (`ChemLawn Corp <CHEM>`, Sears `<S>`, Dow
/// Chemical `<DD>`).
#[rustfmt::skip]
const ELEMENTS: [&[u8]; 48] = [
    b"a", b"abbr", b"article", b"aside", b"b", b"blockquote", b"body", b"br", b"center", b"cite",
    b"code", b"dd", b"del", b"div", b"dl", b"dt", b"em", b"figcaption", b"figure", b"font",
    b"footer", b"h1", b"h2", b"h3", b"h4", b"h5", b"h6", b"header", b"hr", b"html", b"i", b"ins",
    b"li", b"main", b"mark", b"ol", b"p", b"pre", b"q", b"s", b"section", b"small", b"span",
    b"strong", b"sub", b"sup", b"u", b"ul",
];

/// Elements that break text into blocks, sorted: a bare tag of one between two sentences ends
/// the first (`said.</p><p>Crews`), as a line break does, with or without a full stop.
#[rustfmt::skip]
const BLOCKS: [&[u8]; 27] = [
    b"article", b"aside", b"blockquote", b"body", b"br", b"center", b"dd", b"div", b"dl", b"dt",
    b"figcaption", b"figure", b"footer", b"h1", b"h2", b"h3", b"h4", b"h5", b"h6", b"header",
    b"hr", b"li", b"main", b"ol", b"p", b"section", b"ul",
];

/// The length of the run of bare tags and whitespace that `bytes` starts with, when the run
/// holds a tag of a block element (`</p><p>`, `<br/>`): a break between sentences.
pub(crate) fn block_break_len(bytes: &[u8]) -> Option<usize> {
    let (mut at, mut block) = (0, false);
    loop {
        match bytes.get(at) {
            Some(b) if b.is_ascii_whitespace() => at += 1,
            Some(b'<') => {
                let Some((len, name)) = bare_tag(&bytes[at..]) else {
                    break;
                };
                block |= BLOCKS.binary_search(&name).is_ok();
                at += len;
            }
            _ => break,
        }
    }
    block.then_some(at)
}

/// The length and element name of the bare tag `bytes` starts with, if it starts with one.
fn bare_tag(bytes: &[u8]) -> Option<(usize, &[u8])> {
    let mut at = 1; // past `<`
    if bytes.get(at) == Some(&b'/') {
        at += 1;
    }
    let name_start = at;
    while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
        at += 1;
    }
    let name = &bytes[name_start..at];
    if ELEMENTS.binary_search(&name).is_err() {
        return None;
    }
    if bytes.get(at) == Some(&b'/') {
        at += 1;
    }
    (bytes.get(at) == Some(&b'>')).then_some((at + 1, name))
}

#[cfg(test)]
mod tests {
    use super::read;

    #[test]
    fn the_elements_are_sorted_for_binary_search() {
        assert!(super::ELEMENTS.is_sorted());
        assert!(super::BLOCKS.is_sorted());
        assert!(
            super::BLOCKS
                .iter()
                .all(|b| super::ELEMENTS.binary_search(b).is_ok())
        );
    }

    #[test]
    fn a_run_of_tags_holding_a_block_one_is_a_break() {
        use super::block_break_len as len;
        assert_eq!(len(b"</p> <p>Crews"), Some(8));
        assert_eq!(len(b"<br/>x"), Some(5));
        assert_eq!(len(b"</b><p>x"), Some(7));
        assert_eq!(len(b"</b> x"), None);
        assert_eq!(len(b"<CHEM> x"), None);
        assert_eq!(len(b"x</p>"), None);
    }

    #[test]
    fn bare_tags_are_spaces_and_character_references_their_characters() {
        assert_eq!(
            read("<p>Trump&#8217;s &ldquo;deal&rdquo;</p><p>AT&amp;T<br/>Q&A<br />end"),
            " Trump’s “deal”  AT&T Q&A<br />end"
        );
        // Escaped markup is text; attributes, unclosed tags, other names (a ticker) and
        // non-tags stay as they are.
        assert_eq!(read("&lt;p&gt; x"), "<p> x");
        assert_eq!(
            read("<a href=\"x\">link</a> a < b, a <b c <3 <p ChemLawn <CHEM> Sears <S></P>"),
            "<a href=\"x\">link  a < b, a <b c <3 <p ChemLawn <CHEM> Sears <S></P>"
        );
        // References need their semicolon, as in HTML text; plain text is borrowed.
        assert_eq!(
            read("AT&T R&D &copy 2024 &ampfoo"),
            "AT&T R&D &copy 2024 &ampfoo"
        );
        assert!(matches!(read("plain text"), std::borrow::Cow::Borrowed(_)));
    }
}
