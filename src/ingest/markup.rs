//! Markup: the HTML that feeds and scrapers leave in a record's text, read as a browser shows
//! it. Tags of HTML elements go: a block element's (`<p>`, `</p>`, `<br/>`, `<div class="x">`,
//! `<li>`) ends a line, an inline one's (`<a href="...">`, `<b>`, `<img src="...">`) leaves
//! nothing; so do comments and what `<script>` and `<style>` hold. Then character references
//! (`&#8217;`, `&rsquo;`, `&amp;`) become the characters they stand for (html-escape; a
//! reference needs its semicolon, so `AT&T` stays).
//!
//! One outlet's feed writes `<p>Trump&#8217;s` where another's text has `Trump’s`; the two must
//! give the same words and the same sentences. Read as words, the markup cost a copy wrapped in
//! `<p>` tags a tenth to a fifth of its Jaccard with its plain original (Reuters stories), and
//! `compare` saw its apostrophe words reworded and its `</p><p>` run sentences together.
//!
//! A name in angle brackets that is not an HTML element's, one in capitals with nothing after
//! it, or one followed by words that are not attributes (no `=`), is text: Reuters writes
//! tickers and company names so (`ChemLawn Corp <CHEM>`, Sears `<S>`, Phillips Petroleum `<P>`,
//! `<I P Sharp Associates Ltd>`). Old markup in capitals loses its tags with attributes and its
//! closing tags (`<A HREF="...">`, `</A>`, `</P>`), and a text holding such a tag is markup in
//! capitals throughout: its bare `<P>` and `<BR>` go too, and its `<SCRIPT>` with what it holds.
//! That is why this is a narrow reader of its own rather than an HTML parser (html5ever,
//! html2text): a parser takes `<CHEM>` for an element it does not know and drops it with the
//! ticker.

use std::borrow::Cow;

/// `text` with its markup read; borrowed when it has none.
pub fn stripped(text: &str) -> Cow<'_, str> {
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

/// `text` with its tags, comments, scripts and styles replaced as [`stripped`] says; `None`
/// when it has none.
fn without_tags(text: &str) -> Option<String> {
    let mut capitals = Capitals::default();
    let out = without_tags_reading(text, &mut capitals);
    if capitals.taken && capitals.refused {
        // Markup in capitals: read its bare capital tags too.
        capitals.markup = true;
        return without_tags_reading(text, &mut capitals);
    }
    out
}

/// What a text's tags in capitals say: whether one with attributes or a closing one was read
/// (`taken`), whether a bare opening one was left as text (`refused`), and whether to read
/// those too (`markup`).
#[derive(Default)]
struct Capitals {
    taken: bool,
    refused: bool,
    markup: bool,
}

/// [`without_tags`], reading bare opening tags in capitals only if `capitals.markup`.
fn without_tags_reading(text: &str, capitals: &mut Capitals) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `text` already in `out`
    let mut ends = EndTags::default();
    for at in memchr::memchr_iter(b'<', bytes) {
        if at < copied {
            continue;
        }
        let Some((len, kind)) = tag(bytes, at, &mut ends, capitals) else {
            continue;
        };
        let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(&text[copied..at]);
        if kind == Kind::Block {
            out.push('\n');
        }
        copied = at + len;
    }
    let mut out = out?;
    out.push_str(&text[copied..]);
    Some(out)
}

/// What a tag stands for in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A block element's: a line ends there.
    Block,
    /// An inline element's, a comment, a script or a style: nothing.
    Inline,
}

/// Longest span a tag with attributes, or a comment, is looked for in (a `<` and a `>` further
/// apart are text).
const TAG_MAX: usize = 4096;

/// The length of the tag (with what a script or style element holds, and its end tag) or
/// comment at byte `at` of `text`, and what it stands for.
fn tag(
    text: &[u8],
    at: usize,
    ends: &mut EndTags,
    capitals: &mut Capitals,
) -> Option<(usize, Kind)> {
    let bytes = &text[at..];
    let within = &bytes[..bytes.len().min(TAG_MAX)];
    if let Some(comment) = within.strip_prefix(b"<!--") {
        let end = memchr::memmem::find(comment, b"-->")?;
        return Some((4 + end + 3, Kind::Inline));
    }
    let closing = within.get(1) == Some(&b'/');
    let name_start = 1 + usize::from(closing);
    let name_len = within[name_start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = &within[name_start..name_start + name_len];
    let after = name_start + name_len;
    let bare = match within.get(after) {
        Some(b'>') => after + 1,
        Some(b'/') if within.get(after + 1) == Some(&b'>') => after + 2,
        Some(b) if b.is_ascii_whitespace() => 0,
        _ => return None,
    };
    let mut lower = [0u8; 10]; // the longest element name
    let lower = lower.get_mut(..name.len())?;
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    let kind = element(lower)?;
    let in_capitals = lower != name;
    let len = if bare > 0 {
        // A bare opening tag in capitals is text (Reuters' tickers: Sears `<S>`, Du Pont
        // `<DD>`), unless the text is markup in capitals. A closing one (`</A>`) is no ticker.
        if in_capitals && !closing && !capitals.markup {
            capitals.refused = true;
            return None;
        }
        bare
    } else {
        // Attributes (`href="..."`): the tag ends at the next `>`, before any `<`, and holds
        // an `=`. Reuters names companies so: `<I P Sharp Associates Ltd>` is text.
        let end = after
            + within[after..]
                .iter()
                .position(|&b| b == b'>' || b == b'<')?;
        if within[end] == b'<' || !within[after..end].contains(&b'=') {
            return None;
        }
        end + 1
    };
    capitals.taken |= in_capitals && (closing || bare == 0);
    if closing || !(lower == b"script" || lower == b"style") {
        return Some((len, kind));
    }
    // A script or style element goes with what it holds, up to its end tag, written in the
    // same case (left as text when there is none).
    let end = ends.find(text, at + len, lower == b"script", in_capitals)?;
    Some((end - at, kind))
}

/// Where the next `</script>` and `</style>` (and `</SCRIPT>`, `</STYLE>`) end, found once for
/// all the tags of a text (which are read in order): a text of many script tags and no end tag
/// is read once, not once a tag.
#[derive(Default)]
struct EndTags {
    /// By element (script, style) and case (lower, capitals).
    found: [[Found; 2]; 2],
}

/// The end of the next end tag found after some place, or that there is none.
#[derive(Clone, Copy, Default)]
enum Found {
    #[default]
    NotLooked,
    At(usize),
    Nowhere,
}

impl EndTags {
    /// The end of the first `</script>` (or `</style>`; in capitals if `capitals`) at or after
    /// byte `from` of `text`.
    fn find(&mut self, text: &[u8], from: usize, script: bool, capitals: bool) -> Option<usize> {
        const END_TAGS: [[&[u8]; 2]; 2] =
            [[b"</script>", b"</SCRIPT>"], [b"</style>", b"</STYLE>"]];
        let (element, case) = (usize::from(!script), usize::from(capitals));
        let (found, end_tag) = (&mut self.found[element][case], END_TAGS[element][case]);
        match *found {
            Found::Nowhere => return None,
            Found::At(end) if end - end_tag.len() >= from => return Some(end),
            _ => {}
        }
        *found = match memchr::memmem::find(&text[from..], end_tag) {
            Some(start) => Found::At(from + start + end_tag.len()),
            None => Found::Nowhere,
        };
        match *found {
            Found::At(end) => Some(end),
            _ => None,
        }
    }
}

/// What a tag of the HTML element `name` (lower case) stands for, if it names one.
fn element(name: &[u8]) -> Option<Kind> {
    if BLOCKS.binary_search(&name).is_ok() {
        Some(Kind::Block)
    } else if INLINES.binary_search(&name).is_ok() {
        Some(Kind::Inline)
    } else {
        None
    }
}

/// Elements that break text into blocks, sorted.
#[rustfmt::skip]
const BLOCKS: [&[u8]; 40] = [
    b"address", b"article", b"aside", b"blockquote", b"body", b"br", b"caption", b"center",
    b"dd", b"div", b"dl", b"dt", b"figcaption", b"figure", b"footer", b"h1", b"h2", b"h3", b"h4",
    b"h5", b"h6", b"head", b"header", b"hr", b"html", b"li", b"main", b"nav", b"ol", b"p",
    b"pre", b"section", b"table", b"tbody", b"td", b"tfoot", b"th", b"thead", b"tr", b"ul",
];

/// Elements inside a line of text (and the script and style elements, whose contents go),
/// sorted.
#[rustfmt::skip]
const INLINES: [&[u8]; 34] = [
    b"a", b"abbr", b"audio", b"b", b"big", b"cite", b"code", b"del", b"em", b"font", b"i",
    b"iframe", b"img", b"ins", b"kbd", b"label", b"mark", b"noscript", b"picture", b"q", b"s",
    b"script", b"small", b"source", b"span", b"strike", b"strong", b"style", b"sub", b"sup",
    b"time", b"tt", b"u", b"video",
];

#[cfg(test)]
mod tests {
    use super::stripped;

    #[test]
    fn the_element_lists_are_sorted_for_binary_search() {
        assert!(super::BLOCKS.is_sorted());
        assert!(super::INLINES.is_sorted());
    }

    #[test]
    fn tags_go_and_references_are_their_characters() {
        assert_eq!(
            stripped("<p>Trump&#8217;s &ldquo;deal&rdquo;</p><p>AT&amp;T<br/>Q&A</p>"),
            "\nTrump’s “deal”\n\nAT&T\nQ&A\n"
        );
        // Attributes, inline tags, images, comments, scripts and styles.
        assert_eq!(
            stripped(
                "<div class=\"body\">He told <a href=\"https://x.com/a?b=1\">Reuters</a>\
                 <img src=\"x.jpg\" alt=\"\"/> on <b>Friday</b>.<!-- ad --><script>var a = \
                 1 < 2;</script><style>p { x: 1 }</style></div>"
            ),
            "\nHe told Reuters on Friday.\n"
        );
        // Escaped markup is text.
        assert_eq!(stripped("&lt;p&gt; x"), "<p> x");
        // Old markup in capitals: tags with attributes and closing tags.
        assert_eq!(
            stripped("told <A HREF=\"x.htm\">Reuters</A> on <FONT SIZE=2>Friday</FONT>."),
            "told Reuters on Friday."
        );
        // Old markup in capitals throughout: its bare tags go too, and its scripts.
        assert_eq!(
            stripped("<P>Phillips <P> rose.<BR>More.</P><SCRIPT>x()</SCRIPT><P>End"),
            "\nPhillips \n rose.\nMore.\n\nEnd"
        );
        // Each script element ends at its own end tag; one with none stays text.
        assert_eq!(
            stripped("a<script>x</script> b <style>y</style><script>z</script>c <script>w"),
            "a b c <script>w"
        );
    }

    #[test]
    fn text_in_angle_brackets_stays() {
        for text in [
            "ChemLawn <CHEM> and Sears <S> rose",
            "Phillips Petroleum <P> and Burlington Resources <BR> rose",
            "agreed to buy <I P Sharp Associates Ltd> of Toronto, <i am not a tag>",
            "a < b, a <b c <3 <p",
            "<unknown attr=\"x\">",
            "an unclosed <a href=\"x\" and <p>",
            "<script>never closed",
            "<!-- never closed",
            "AT&T R&D &copy 2024 &ampfoo",
        ] {
            let expected = text.replace(" and <p>", " and \n");
            assert_eq!(stripped(text), expected.as_str(), "{text}");
        }
        assert!(matches!(
            stripped("plain text"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
