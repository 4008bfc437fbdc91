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
        let Some(len) = bare_tag_len(&bytes[at..]) else {
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

/// The length of the bare tag `bytes` starts with, if it starts with one.
fn bare_tag_len(bytes: &[u8]) -> Option<usize> {
    let mut at = 1; // past `<`
    if bytes.get(at) == Some(&b'/') {
        at += 1;
    }
    let name_start = at;
    while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
        at += 1;
    }
    if ELEMENTS.binary_search(&&bytes[name_start..at]).is_err() {
        return None;
    }
    if bytes.get(at) == Some(&b'/') {
        at += 1;
    }
    (bytes.get(at) == Some(&b'>')).then_some(at + 1)
}

#[cfg(test)]
mod tests {
    use super::read;

    #[test]
    fn the_elements_are_sorted_for_binary_search() {
        assert!(super::ELEMENTS.is_sorted());
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
