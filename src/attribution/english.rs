//! English credits, in newswire phrasing: a source (an agency, an institution, a titled or named
//! person, an unnamed official) within a few words of a cue, on either side (`RIA Novosti
//! said`, `said Peskov`, `according to the Foreign Ministry`, `citing TASS`, `quoted by
//! Interfax`). The sources are found by one automaton of six patterns, one per kind
//! ([`SOURCE`]); the cue by [`CUE`]; the rest of this module decides which source each cue
//! credits, and which matches are no source at all (a place after a preposition, whom `told`
//! addresses, what was said, a description of the speaker).

use std::ops::Range;
use std::ptr;
use std::sync::LazyLock;

use regex::Regex;
use regex_automata::{Input, meta};

use super::{Attribution, Cue, SourceKind, add_new, governments, offset, pronouns};
use crate::normalize;

/// News agencies and broadcasters known by name (a name followed by `News`, `Agency` or `News
/// Agency` is theirs too: `Bloomberg News`, `Anadolu Agency`, `Kyodo News Agency`).
const AGENCIES: &str = r"RIA Novosti|RIA|ITAR-TASS|TASS|Interfax|Reuters|Associated Press of Pakistan|Associated Press|AP|United Press International|UPI|Press Trust of India|Jiji Press|Jiji|Deutsche Presse-Agentur|Agence France-Presse|AFP|Xinhua|Sputnik|Bloomberg|dpa|DPA|Kyodo|Yonhap|ANSA|EFE|APP|PTI|Anadolu|IRNA|Tanjug|IANS|Bernama|Antara|ANN|BBC|CNN|Al Jazeera|Al Arabiya|NBC|ABC News|CBS|NPR|Fox News|Sky News|NHK|CCTV|KCNA|WAFA|SANA|UNIAN|Ukrinform|Politico|Axios|Voice of America|VOA|Deutsche Welle|Radio Free Europe/Radio Liberty|RFE/RL|Radio Free Europe|Radio Liberty|WAM|KUNA|MENA|QNA|Nikkei";

/// How the English source patterns spell letters: in any script, or in Latin ones only.
struct Letters {
    /// A capital, as a class's contents.
    upper: &'static str,
    /// A small letter.
    lower: &'static str,
    /// Any letter.
    letter: &'static str,
    /// A combining mark.
    mark: &'static str,
}

/// Letters in any script: the patterns as they read every text.
const ANY_SCRIPT: Letters = Letters {
    upper: r"\p{Lu}",
    lower: r"\p{Ll}",
    letter: r"\p{L}",
    mark: r"\p{M}",
};

/// ASCII letters: the same patterns for a text whose letters are all ASCII ones (see
/// [`latin_letters_only`]), where they match just what [`ANY_SCRIPT`] ones match.
const ASCII_LETTERS: Letters = Letters {
    upper: "A-Z",
    lower: "a-z",
    letter: "A-Za-z",
    mark: "",
};

/// The lower-case words inside people's names, between capitalized ones: `von der` in `Ursula
/// von der Leyen`, `bin` in `Mohammed bin Salman`, `da` in `Luiz Inacio Lula da Silva`. Read
/// only with a capital after them, so the words they also are (`de facto`) are no names.
const PARTICLES: &str =
    "von|van|der|den|de|del|della|di|da|du|dos|das|la|le|bin|ibn|ben|al|el|ter|zu";

/// The Arabic article as names join it to their next word (`al-Assad`, `el-Sisi`), which copies
/// write or leave out.
pub(super) const ARABIC_ARTICLES: &[&str] = &["al-", "el-", "as-", "ash-", "ad-"];

/// The kind of source each of [`source_patterns`] names, in their order.
const SOURCE_KINDS: [SourceKind; 7] = [
    SourceKind::Agency,
    SourceKind::Person,
    SourceKind::Anonymous,
    SourceKind::Document,
    SourceKind::Institution,
    SourceKind::Institution,
    SourceKind::Person,
];

// Word boundaries in these patterns are ASCII ones, `(?-u:\b)`: the regex crate's lazy DFA
// cannot run Unicode word boundaries over non-ASCII text and hands such searches to its PikeVM,
// so any text with a curly quote or a dash ran there (`dedup --diffs` of 20,000 versions of a
// story with curly quotes: 14.0 s, 2.4 s with ASCII boundaries, the same output). Sources and
// cues are Latin-script words; only one glued to a non-ASCII letter is read differently.
/// The English sources, one pattern a kind of [`SOURCE_KINDS`] and tried in that order where
/// two match at one place: agencies and media, titled people, anonymous sources, documents
/// ([`DOCUMENTS`]: before institutions, so that `The ministry's statement said` is read whole,
/// whose it is then read by [`owner_of_a_document`]), institutions, institutions named by a
/// word that names other things too ([`KEYED`]), names.
fn source_patterns(letters: &Letters) -> [String; 7] {
    let Letters {
        upper,
        lower,
        letter,
        mark,
    } = letters;
    let cap = format!(r"[{upper}][{letter}{mark}'’.-]*");
    // A word of a person's name: capitalized, or an Arabic article joined to one (`al-Assad`).
    let article = ARABIC_ARTICLES.join("|");
    let name = format!(r"(?:(?-u:\b)(?:{article}))?{cap}");
    // Whose: a capitalized word in the possessive, the plural's too (`Japan's`, `the United
    // Nations'`; see [`possessive`]).
    let whose = format!(r"{cap}(?:['’]s|s['’])");
    // A name's next word, after the lower-case words that join a name (`Ursula von der
    // Leyen`, `Mohammed bin Salman`, `Lula da Silva`).
    let then_name = format!(r"\s+(?:(?:{PARTICLES})\s+){{0,2}}{name}");
    let agency = format!(
        r"(?:(?:the\s+)?(?:(?:{cap}|{DESCRIBED})\s+){{0,2}}(?:news\s+agency|media|agency|daily|newspaper|broadcaster)\s+)?(?:[Tt]he\s+|[Aa]n?\s+)?(?:(?:{cap}\s+)?{whose}\s+)?(?:(?:{DESCRIBED})\s+){{0,2}}(?-u:\b)(?:{AGENCIES})(?-u:\b)(?:\s+(?:(?:{DESCRIBED})\s+)?news\s+agency|\s+(?:News\s+)?Agency(?-u:\b)|\s+(?:News|television|TV|radio)(?-u:\b))?"
    );
    // Newspapers by name: `the Wall Street Journal`, `The Daily Telegraph`, `Kommersant`,
    // `Le Monde newspaper`; and numbered channels, `Israel's Channel 12`.
    let media = format!(
        r"(?:[Tt]he\s+)?(?:(?:{cap}\s+)?{whose}\s+)?(?:(?:{DESCRIBED})\s+)?(?:{cap}\s+){{0,3}}(?-u:\b)(?:Press\s+Agency|News\s+Agency|Times|Post|Journal|Herald|Gazette|Tribune|Telegraph|Guardian|Observer|Chronicle|Courier|Ledger|Bulletin|Daily\s+Mail|Daily|Zeitung|Allgemeine|Shimbun|Kommersant|Izvestia|Vedomosti|Pravda|Spiegel|Monde|Figaro|Haaretz)(?-u:\b)(?:\s+of\s+{cap}(?:\s+{cap})?)?(?:\s+(?:newspaper|daily|weekly|magazine)(?-u:\b))?|(?:{whose}\s+)?Channel\s+[0-9]{{1,3}}(?-u:\b)"
    );
    // Media unnamed, `state media`, `Russian state television`, `local radio`, `press
    // reports`, or by what they are alone, `the newspaper`; or named after what they are, `the
    // official Ivorian daily Fraternite Matin`, or before it, `Der Spiegel magazine`.
    // (Latin capitals only: Unicode ones here made the automaton a fifth bigger to build.)
    let word = r"[A-Z][A-Za-z'’.-]*";
    let outlet = alternation(OUTLETS.iter());
    // What an outlet alone is called (`the newspaper said`); not a website, as often a
    // ministry's (`according to the foreign ministry website`, the ministry's credit).
    let lone = alternation(
        OUTLETS
            .iter()
            .filter(|kind| !kind.ends_with("website"))
            .chain(&["paper", "station", "publication"]),
    );
    // An outlet's name, perhaps after an Arabic article (`the daily al-Quds al-Arabi`).
    let named = format!(r"(?:(?-u:\b)(?:{article}))?{word}");
    let unnamed = format!(
        r"(?:[Tt]he\s+)?(?:(?:(?:[a-z]+-)?{word}|{DESCRIBED})\s+){{0,2}}(?:{outlet})\s+{named}(?:\s+(?:(?:{PARTICLES})\s+)?{named}|\s+[0-9]{{1,3}}(?-u:\b)){{0,2}}|(?:[Tt]he\s+)?(?:(?:{word}|{DESCRIBED})\s+){{1,2}}(?:media|television|TV|radio|news\s+agencies)(?-u:\b)|(?:(?:[Tt]he|{word}['’]s)\s+(?:[a-z-]+\s+)?)?{word}(?:\s+(?:(?:{PARTICLES})\s+)?{word}){{0,2}}\s+(?:{outlet})(?-u:\b)|(?:[Pp]ress|[Nn]ews|[Mm]edia|[Nn]ewspaper|[Ww]ire|[Pp]ublished|[Uu]nconfirmed)\s+reports(?-u:\b)|[Tt]he\s+(?:[a-z-]+\s+){{0,2}}?(?:{lone})(?-u:\b)|(?-u:\b)[Aa]n?\s+(?:[a-z-]+\s+)?(?:{lone})(?-u:\b)"
    );
    // What names an institution after its keyword: `of` or `for`, `the` after it or not, and
    // up to four capitalized words (`Ministry of Foreign Affairs`, `the Bank of Japan`, `the
    // Bank of the Netherlands`, `The council of the Australian Petroleum Exploration
    // Association`, `the Office for National Statistics`).
    let of_name = format!(r"(?:\s+(?:of|for)\s+(?:the\s+)?{cap}(?:\s+(?:and\s+)?{cap}){{0,4}})?");
    // Services and forces named by what they do, with whose they are before them (`Ukraine's
    // air force`, `emergency services`, `the coast guard`): not after the words any other
    // institution may have before it, which made the automaton a tenth slower to build.
    let services = format!(
        r"(?-u:\b)(?:[Tt]he\s+)?(?:{whose}\s+|{cap}\s+)?(?i:(?:emergency|rescue|security|intelligence)\s+services|fire\s+brigade|general\s+staff|(?:coast|national|border)\s+guards?|air\s+force|(?-i:(?:[Aa]rmed|[Dd]efen[cs]e|[Ss]ecurity)\s+forces))(?-u:\b)"
    );
    let institution = format!(
        r"(?:the\s+)?(?:(?:{cap}|[{lower}'’-]+)\s+){{0,3}}(?i:{INSTITUTIONS}){of_name}(?:\s+(?:Inc|Corp|Co|Ltd|Plc|PLC|AG|SA|NV)(?-u:\b)\.?)?(?-u:\b)|{services}"
    );
    // `The Bank of England said`, `the central bank said`, `according to the group.`: a word
    // that is as often a name's first word (`Bank Negara Malaysia`) or a modifier (`union
    // officials`, `board chairman`) names an institution only before punctuation, a speech
    // verb or a word of [`AFTER_KEYED`], which the match takes in (the regex crate has no
    // lookahead) and [`english_sources`] gives back. Without that condition, these words
    // gained 204 credits on the eval_reuters corpus, only about 60% of a sample right.
    let followed_by = AFTER_KEYED.join("|");
    let keyed = format!(
        r"(?-u:\b)(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|{whose})\s+(?:(?:{cap}|[{lower}'’-]+)\s+){{0,3}}?|(?:{cap}\s+){{1,3}})?(?:{KEYED}){of_name}(?:\s*(?:[,;:.)]|$)|\s+(?:{SPEECH_VERBS}|{followed_by})(?-u:\b))"
    );
    // A document that speaks for whoever put it out, named by what it is (`The report said`,
    // `the joint communique said`, `according to the statement.`): only before a speech verb,
    // punctuation or a word of [`AFTER_A_DOCUMENT`], as reports are as often what was said
    // (`the report showed`, `a report on trade`). Its words in small letters only: a name before
    // it says whose it is (`A Finance Ministry statement said`: the ministry's credit), and
    // so does one in the possessive (`The Kremlin's statement said`, `the ministry's report`;
    // see [`owner_of_a_document`]).
    let after_a_document = AFTER_A_DOCUMENT.join("|");
    let document = format!(
        r"(?-u:\b)(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|{whose}|[{lower}-]+(?:['’]s|s['’]))\s+(?:[{lower}'’-]+\s+){{0,2}}?(?:{DOCUMENTS})(?:\s*(?:[,;:.)]|$)|\s+(?:{SPEECH_VERBS}|{after_a_document})(?-u:\b))"
    );
    let portfolio = an_office();
    // A title before a name (`Finance Minister Anton Siluanov`), or an office holder after whose
    // they are (`Russia's foreign minister`, `its chairman`, `The country's central bank
    // governor`: a possessive in small letters before two words of the office; a name is not
    // such a word, `Citibank's William Rhodes as Chairman`).
    let titled = format!(
        r"(?-u:\b)(?:(?:{cap}|[{lower}'’]+)\s+){{0,3}}(?:(?i:vice|deputy|ex|co)-)?(?i:minister|president|spokes(?:man|woman|person)|chief|director|governor|secretary|ambassador|general|mayor|premier|chancellor|official|officer|chairman|leader)(?:{portfolio}){{0,2}}(?:\s+(?:economist|executive|officer|strategist|analyst|manager|negotiator|delegate|adviser|advisor|counsel))?\s+{name}(?:{then_name}){{0,3}}|(?-u:\b)(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|{whose})\s+(?:[{lower}-]+['’]s\s+)?(?:(?:{cap}|[{lower}'’-]+)\s+){{0,2}}(?:(?i:{OFFICE_HOLDERS})(?:{portfolio}){{0,2}}(?-u:\b)|chief(?:\s*(?:[,;:.]|$)|\s+(?:{SPEECH_VERBS})(?-u:\b)))"
    );
    // A bare plural keeps what describes it: `official sources`, `Western diplomats`.
    let people = UNNAMED_PEOPLE
        .iter()
        .map(|(one, many)| format!("{many}|{one}"))
        .collect::<Vec<_>>()
        .join("|");
    let plurals = UNNAMED_PEOPLE
        .iter()
        .map(|(_, many)| *many)
        .collect::<Vec<_>>()
        .join("|");
    // Whoever knows of the matter, read with what they know of: `people familiar with the
    // matter`, `a source with knowledge of the plans`, `sources close to the Fed`. What the
    // match reads past it (`the matter were`) [`english_sources`] gives back.
    let knowing = format!(
        r"(?-u:\b)(?:(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ss]everal|[Ss]ome|[Oo]ther)\s+)?(?:[{letter}.-]+\s+)?(?i:people|person|persons|{people})\s+(?:familiar\s+with|with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on|close\s+to|involved\s+in|aware\s+of)\s+(?:(?:the|a|an|its|their|this|these|those)\s+)?(?:{cap}(?:\s+{cap}){{0,2}}|[{lower}-]+(?:\s+[{lower}-]+)?)(?-u:\b)"
    );
    // One who speaks for a body or a firm, without a determiner, as headlines and wire copy
    // write them, after whose or what kind they are: a name, then up to two words in small
    // letters (`Bundesbank spokesman said`, `Egyptian official said`, `Deutsche Bank chief
    // economist said`), or a word of [`OF_WHOM`] (`company spokesman said`). Not other people
    // (`Last week investor Carl Icahn said`).
    let of_whom = format!("(?:{})", OF_WHOM.join("|"));
    let singulars = SPEAKING_FOR
        .iter()
        .chain(EMPLOYEES)
        .copied()
        .collect::<Vec<_>>()
        .join("|");
    let anonymous = format!(
        r"{knowing}|(?-u:\b)(?:[Aa]n?|[Aa]nother|[Tt]he|[Oo]ne|[Tt]wo|[Ss]everal|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|(?:[Tt]he\s+)?[{letter}-]+(?:['’]s|s['’]))\s+(?:[{letter}.-]+\s+){{0,3}}(?:spokes(?:woman|person)|{people})(?-u:\b)|(?-u:\b)(?:(?:{word}|{of_whom})\s+){{0,2}}(?:{plurals})(?-u:\b)|(?-u:\b)(?:(?:{word}\s+){{1,3}}(?:[a-z-]+\s+){{0,2}}|{of_whom}\s+(?:[a-z-]+\s+)?)(?:{singulars})(?-u:\b)"
    );
    // A name is read whole, up to eight words (`Ayer Hitam Tin Dredging Malaysia Bhd`): a
    // shorter cap cut `F. W. Woolworth Co` into two credits, `F. W. Woolworth` and `Co`. Its
    // words may be joined by `and` (`Pacific Gas and Electric`, `S and P`, `Duff and Phelps`;
    // two names so joined are one credit, `Baker International Corp and Hughes Tool Co`), or
    // by `of` or `for`, with or without `the` (`Fruit of the Loom Inc`, `Jane Doe of the
    // Brookings Institution`, `the Syrian Observatory for Human Rights`).
    // A firm named after its partners has a comma in its name (`Goldman, Sachs and Co`,
    // `Smith Barney, Harris Upham and Co Inc`), read before any name it starts.
    let partners = format!(
        r"{cap}(?:\s+{cap})?,\s+{cap}(?:\s+{cap})?\s+(?:and|&)\s+Co(?-u:\b)(?:\s+(?:Inc|Ltd|Plc|PLC|Corp)(?-u:\b))?"
    );
    let person = format!(
        r"{partners}|{name}(?:\s+(?:and|&|(?:of|for)(?:\s+the)?)\s+{cap}|{then_name}){{0,7}}"
    );
    [
        format!("{agency}|{media}|{unnamed}"),
        titled,
        anonymous,
        document,
        institution,
        keyed,
        person,
    ]
}

/// `phrases` as a regex alternation, their spaces any white space.
fn alternation<'a>(phrases: impl Iterator<Item = &'a &'a str>) -> String {
    phrases
        .map(|phrase| phrase.replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// [`source_patterns`] as one automaton whose matches say their pattern, so no capture groups
/// are resolved after a match; and two of them, letters in any script and ASCII letters, the
/// second for the texts both read alike (most English news): its lazy DFA has far fewer states
/// to build. `dedup --diffs` of the eval_reuters corpus spent 35% of its time building states
/// of the one Unicode pattern and 10% in the backtracker resolving its groups: 2.95 -> 1.65 s
/// user (one automaton alone: 2.5 s; ASCII letters alone: 2.1 s), peak RSS 146 -> 104 MB; every
/// shipped and generated corpus's diffs byte-identical.
static SOURCE: LazyLock<[meta::Regex; 2]> = LazyLock::new(|| {
    [&ANY_SCRIPT, &ASCII_LETTERS].map(|letters| normalize::text_patterns(&source_patterns(letters)))
});

/// Whether every letter and mark in `text` is an ASCII letter, so that [`ASCII_LETTERS`] read
/// it as [`ANY_SCRIPT`] do (`\s` stays Unicode in both). Besides ASCII it may hold what news
/// text is typeset with and that no letter class nor case-insensitive ASCII letter matches:
/// general punctuation (curly quotes, dashes, ellipses, thin and no-break spaces), currency
/// signs, and Latin-1's punctuation, symbols and numbers (`«`, `°`, `£`, `½`), but not its
/// `ª`, `µ` or `º`.
fn latin_letters_only(text: &str) -> bool {
    text.is_ascii()
        || text.chars().all(|c| {
            c.is_ascii()
                || matches!(c,
                    '\u{2000}'..='\u{206F}'
                    | '\u{20A0}'..='\u{20CF}'
                    | '\u{00A0}'..='\u{00A9}'
                    | '\u{00AB}'..='\u{00B4}'
                    | '\u{00B6}'..='\u{00B9}'
                    | '\u{00BB}'..='\u{00BF}'
                    | '\u{00D7}'
                    | '\u{00F7}')
        })
}

/// The English sources in `sentence` from byte `from` on (what comes before still decides
/// word boundaries), each with its kind.
fn english_sources(
    sentence: &str,
    from: usize,
) -> impl Iterator<Item = (Range<usize>, SourceKind)> {
    let regex = &SOURCE[usize::from(latin_letters_only(sentence))];
    let (mut at, mut until) = (from, sentence.len());
    // Where to go on, and up to where, after a stretch searched on its own.
    let mut after: Vec<(usize, usize)> = Vec::new();
    std::iter::from_fn(move || {
        loop {
            let Some(m) = regex.find(Input::new(sentence).range(at..until)) else {
                (at, until) = after.pop()?;
                continue;
            };
            let mut range = m.range();
            let pattern = m.pattern().as_usize();
            // A document after `in` is where its source spoke (`In a statement, the ministry
            // said`), no source of its own.
            if pattern == DOCUMENT_PATTERN
                && sentence[..range.start]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|word| word.eq_ignore_ascii_case("in"))
            {
                at = range.end;
                continue;
            }
            let keyed = pattern == KEYED_PATTERN
                || pattern == DOCUMENT_PATTERN
                || (pattern == TITLED_PATTERN && a_chief_before_a_cue(&sentence[range.clone()]));
            if keyed {
                range.end = range.start + without_what_follows(&sentence[range.clone()]);
            } else if pattern == ANONYMOUS_PATTERN {
                range.end =
                    range.start + without_what_they_know_reads_past(&sentence[range.clone()]);
            }
            // The words a pattern reads before its keyword may run over a cue (`the Chancellor
            // told Parliament`, `Analysts said GenCorp chairman A. William Reynolds`): what
            // comes before the cue is searched on its own, then what follows it. The cue is
            // searched with what comes before it, as a keyed institution speaks only before one
            // (`The firm said investors`: `The firm`), unless a match there runs over it again.
            // A capitalized cue is part of a name (`Edward Said`) but for a keyed institution's;
            // the reports that end an agency's match are the source (`Press reports said`).
            let matched = &sentence[range.clone()];
            let reports = pattern == AGENCY_PATTERN && matched.ends_with("reports");
            if let Some(cue) = CUE.find_iter(matched).find(|c| {
                (keyed || !c.as_str().starts_with(char::is_uppercase))
                    && !(reports && c.end() == matched.len())
            }) {
                let with_cue = range.start + cue.end();
                if until == with_cue {
                    // A match ran over the cue again: what comes before it, on its own.
                    until = range.start + cue.start();
                } else {
                    after.push((with_cue, until));
                    until = with_cue;
                }
                at = range.start;
                continue;
            }
            // What reads as a firm named after its partners may be two names, the first a
            // firm's whole (`Salomon Inc, Goldman Sachs and Co`): each is searched on its own.
            if pattern == NAME_PATTERN
                && let Some((firm, _)) = matched.split_once(',')
                && firm
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|word| one_of(without_trailing_marks(word), FIRMS))
            {
                let comma = range.start + firm.len();
                after.push((comma + 1, until));
                (at, until) = (range.start, comma);
                continue;
            }
            // One who speaks for a body, named without a determiner, may be read over a word
            // that joins or places them (`Deutsche Bank and analyst John Smith`, `More than one
            // official`; not roles joined, `analyst and strategist`): what comes before the
            // word is searched on its own, with the word (`Deutsche Bank and` is the bank's
            // pattern's, see [`AFTER_KEYED`]), then from the word on.
            if pattern == ANONYMOUS_PATTERN
                && speaks_for_without_a_determiner(matched)
                && let Some((_, word)) = matched
                    .split_whitespace()
                    .zip(matched.split_whitespace().skip(1))
                    .find(|&(before, word)| {
                        (one_of(word, PREPOSITIONS) && !(word == "and" && an_employee(before)))
                            || word == "than"
                    })
            {
                let at_word = offset(sentence, word);
                after.push((at_word, until));
                (at, until) = (range.start, at_word + word.len());
                continue;
            }
            // A title's pattern may read over a link to what comes before it (`An official at
            // General Motors said`: `official at General` read as a title): what comes before
            // the link is searched on its own, then from the link on, where the titled name
            // is read as before (see [`named_person`]).
            if pattern == TITLED_PATTERN
                && let Some(link) = matched
                    .split_whitespace()
                    .skip(1)
                    .find(|word| links_before_a_title(sentence, word))
            {
                let link = offset(sentence, link);
                after.push((link, until));
                (at, until) = (range.start, link);
                continue;
            }
            // An outlet's journalists are the outlet (`The BBC's Moscow correspondent said`):
            // the search goes on past them, so that no name among them is read as another
            // source (`Moscow`).
            if pattern == AGENCY_PATTERN
                && let Some(past) = its_journalists(sentence, range.end)
            {
                at = past;
                return Some((range, SourceKind::Agency));
            }
            // A name in the possessive is whose the source is (`French President Emmanuel
            // Macron's office said`, `The United States' top diplomat said`): the search goes
            // on from the name's last word, where the office or the people are read with it
            // (`Macron's office`, read whole by [`with_whose_name`]); always past the match's
            // start, so the search goes forward.
            if let Some(last) = matched.split_whitespace().next_back()
                && (possessive(last) || before_its_possessive(sentence, range.end))
                && offset(sentence, last) > range.start
                && !named_in_the_possessive(sentence, offset(sentence, last), range.end)
            {
                at = offset(sentence, last);
                continue;
            }
            at = range.end;
            return Some((range, SOURCE_KINDS[pattern]));
        }
    })
}

/// What English calls an outlet, before or after its name: `the daily Kommersant`, `Le Monde
/// newspaper`, `the Tasnim news agency`.
pub(super) const OUTLETS: &[&str] = &[
    "daily",
    "newspaper",
    "weekly",
    "magazine",
    "tabloid",
    "broadcaster",
    "news agency",
    "news website",
    "website",
    "news outlet",
    "outlet",
    "news site",
    "channel",
    "network",
];

/// Which of [`source_patterns`] reads news agencies and media.
const AGENCY_PATTERN: usize = 0;

/// Which of [`source_patterns`] reads the institutions of [`KEYED`].
const KEYED_PATTERN: usize = 5;

/// Which of [`source_patterns`] reads documents.
const DOCUMENT_PATTERN: usize = 3;

/// Which of [`source_patterns`] reads names.
const NAME_PATTERN: usize = 6;

/// Titles that name who holds them without a name: `the president`, `Russia's foreign
/// minister`, `its chairman` (read by the titled pattern of [`source_patterns`]).
const OFFICE_HOLDERS: &str = "minister|president|premier|chancellor|chairman|chairwoman|ambassador|governor|mayor|secretary|director|leader";

/// The offices a title names after `of` or `for` (`the Minister of Finance`, `the Secretary
/// of State for Defence`, `the Chancellor of the Exchequer`): part of the title, not a second
/// source nor a name.
const PORTFOLIOS: &str = r"state|foreign\s+affairs|home\s+affairs|internal\s+affairs|external\s+affairs|economic\s+affairs|finance|defen[cs]e|(?:the\s+)?interior|justice|health|education|(?:the\s+)?economy|trade|commerce|industry|agriculture|energy|labou?r|transport|information|(?:the\s+)?exchequer|(?:the\s+)?treasury";

/// `of` or `for` and one of [`PORTFOLIOS`], as a pattern (`of the Exchequer`).
fn an_office() -> String {
    format!(r"\s+(?:of|for)\s+(?i:{PORTFOLIOS})")
}

/// Whether `text` opens on one of [`PORTFOLIOS`].
fn names_a_portfolio(text: &str) -> bool {
    static PORTFOLIO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)^\s*(?:{PORTFOLIOS})(?-u:\b)")).expect("portfolio pattern")
    });
    PORTFOLIO.is_match(text)
}

/// Whether `text`, a titled person's credit, ends with a title of [`OFFICE_HOLDERS`] or
/// `chief` (read so only before a cue: see [`a_chief_before_a_cue`]), or one and its
/// [`PORTFOLIOS`], and so names one without a name.
fn office_holder(text: &str) -> bool {
    static OFFICE_AT_END: LazyLock<Regex> = LazyLock::new(|| {
        let office = an_office();
        Regex::new(&format!(
            r"(?i)(?:^|\s)(?:{OFFICE_HOLDERS}|chief)(?:{office}){{0,2}}$"
        ))
        .expect("office pattern")
    });
    OFFICE_AT_END.is_match(text)
}

/// Whether what follows an office holder's title (`after`) says which office or names who
/// holds it, so that the title alone is not the credit: `the president of the American Soybean
/// Association`, `its ambassador to Kuwait`, `Foreign Minister and Cartagena group chairman
/// Enrique Iglesias`, `The party's leader, Khaleda Zia,`.
fn named_after(after: &str) -> bool {
    let after = after.trim_start();
    if let Some(rest) = after.strip_prefix(',') {
        return rest.trim_start().starts_with(char::is_uppercase);
    }
    matches!(
        after.split_whitespace().next(),
        Some("of" | "to" | "for" | "and")
    )
}

/// Which of [`source_patterns`] reads titled people.
const TITLED_PATTERN: usize = 1;

/// Which of [`source_patterns`] reads anonymous sources.
const ANONYMOUS_PATTERN: usize = 2;

/// The words of a knowing phrase that say nothing known when they end it (`sources close to
/// the`, `people familiar with`): given back with what follows them.
#[rustfmt::skip]
const KNOWING_LEFT_BARE: &[&str] = &[
    "the", "a", "an", "its", "their", "those", "with", "to", "on", "of", "familiar", "knowledge",
    "briefed", "close", "involved", "aware", "direct",
];

/// How much of a match of [`ANONYMOUS_PATTERN`] is the source: without the words after what
/// its people know of that the pattern may read (`people familiar with the matter were`,
/// `sources close to the talks on Monday`), nor a knowing phrase left with nothing known
/// (`sources close to the` 1987 deal: `sources`).
fn without_what_they_know_reads_past(matched: &str) -> usize {
    let mut text = matched.trim_end();
    while let Some(i) = text.rfind(char::is_whitespace) {
        let last = &text[i + 1..];
        let read_past = one_of(last, AUXILIARIES)
            || one_of(last, AFTER_KEYED)
            || is_cue_word(last)
            || one_of(last, KNOWING_LEFT_BARE);
        if !read_past {
            break;
        }
        text = text[..i].trim_end();
    }
    text.len()
}

/// Words that name an institution only where nothing capitalized or modified follows them: a
/// bank, a party, an exchange, the military; and bodies known by name or initials, as often
/// what describes someone (`U.N. representative`, `NATO allies`) as the speaker (see
/// [`source_patterns`]).
const KEYED: &str = "[Bb]ank|[Gg]roup|[Ff]irm|[Aa]ssociation|[Uu]nion|[Ff]ederation|[Bb]oard|[Ee]xchange|[Ff]und|[Pp]arty|[Cc]orporation|[Oo]rgani[sz]ation|[Bb]ourse|[Rr]egulator|[Ww]atchdog|[Pp]arliament|[Cc]ongress|[Ss]enate|[Uu]niversity|[Uu]tility|[Aa]irline|[Ff]oundation|[Aa]lliance|[Cc]oalition|[Gg]uild|[Pp]artnership|[Cc]ent(?:re|er)|[Ii]nstitutes|[Mm]ilitary|[Aa]dministration|UN|U\\.N\\.|United\\s+Nations|NATO|EU|European\\s+Union|IAEA|IMF|OPEC|WHO|Hamas|Hezbollah|Taliban|Houthis";

/// What a source puts out that speaks in its stead, read as the source where no name says whose
/// it is (see [`source_patterns`]): on eval_reuters, 59 reference sentences credited only such a
/// document (`the report said` 22, `the statement said` 15, the study, the communique, the
/// announcement, the survey ...).
const DOCUMENTS: &str = "[Ss]tatements?|[Rr]eport|[Ss]tud(?:y|ies)|[Ss]urveys?|[Cc]ommuniqu[eé]s?|[Aa]nnouncements?|[Nn]ewsletters?|[Dd]ocuments?|[Ll]etters?|[Mm]emo(?:randum)?|[Bb]ulletin|[Ff]iling|[Ee]ditorial|[Rr]eadout|[Tt]ranscript|[Ee]stimates?|[Tt]all(?:y|ies)|[Cc]alculations?|[Pp]olls?|[Aa]nalys[ie]s";

/// The words besides [`SPEECH_VERBS`] after which a word of [`DOCUMENTS`] names the source:
/// `The report also said`, `the statement on Monday said`. Each is a word of [`AFTER_KEYED`], so
/// that [`without_what_follows`] gives it back.
const AFTER_A_DOCUMENT: &[&str] = &["also", "on", "last", "earlier", "later", "today"];

/// The words besides [`SPEECH_VERBS`] after which a word of [`KEYED`] names an institution:
/// auxiliaries and what tells when or where it spoke (`the group has`, `the fund on Monday`).
#[rustfmt::skip]
const AFTER_KEYED: &[&str] = &[
    "also", "has", "had", "have", "was", "is", "would", "will", "could", "may", "might", "on",
    "in", "last", "earlier", "later", "yesterday", "today", "this", "that", "which", "who",
    "and", "or", "but",
];

/// Whether a match of [`TITLED_PATTERN`] is a chief by whose they are, read with the cue or the
/// mark after them (`The EU's foreign policy chief said`, `Israel's army chief,`), which is
/// given back: `chief` alone is a title only so, as `Its chief executive said` is unnamed
/// people's.
fn a_chief_before_a_cue(matched: &str) -> bool {
    let chief = |word: &str| word.eq_ignore_ascii_case("chief");
    let mut words = matched.split_whitespace().rev();
    match words.next() {
        Some(last) if is_cue_word(last) => words.next().is_some_and(chief),
        Some(last) => chief(without_trailing_marks(last)),
        None => false,
    }
}

/// How much of a match of [`KEYED_PATTERN`] or [`DOCUMENT_PATTERN`] (or a chief's of
/// [`TITLED_PATTERN`], see [`a_chief_before_a_cue`]) is the source: without the verb or word of
/// [`AFTER_KEYED`] (which holds [`AFTER_A_DOCUMENT`]), or the punctuation, its pattern read
/// after it.
fn without_what_follows(matched: &str) -> usize {
    let text = matched.trim_end();
    if let Some(i) = text.rfind(char::is_whitespace)
        && (AFTER_KEYED.contains(&&text[i + 1..]) || is_cue_word(&text[i + 1..]))
    {
        return text[..i].trim_end().len();
    }
    text.strip_suffix([',', ';', ':', '.', ')'])
        .map_or(text, str::trim_end)
        .len()
}

/// The people English news quotes without naming them, singular and plural: `a dealer said`,
/// `one New York banker said`, and in the plural alone, read with what describes them, `official
/// sources`, `Wall Street analysts`, `dealers said`. A copy that credits one of them in other
/// words credits the same kind of source ([`one_source`](super::one_source)).
#[rustfmt::skip]
pub(super) const UNNAMED_PEOPLE: &[(&str, &str)] = &[
    ("official", "officials"), ("source", "sources"), ("analyst", "analysts"),
    ("diplomat", "diplomats"), ("dealer", "dealers"), ("trader", "traders"),
    ("banker", "bankers"), ("economist", "economists"), ("broker", "brokers"),
    ("expert", "experts"), ("witness", "witnesses"), ("spokesman", "spokesmen"),
    ("lawyer", "lawyers"), ("executive", "executives"), ("aide", "aides"),
    ("arbitrageur", "arbitrageurs"), ("arbitrager", "arbitragers"), ("specialist", "specialists"),
    ("investor", "investors"), ("observer", "observers"),
    // Whom today's reports of an event quote: `residents said`, `a rescuer told Reuters`.
    ("resident", "residents"), ("villager", "villagers"), ("eyewitness", "eyewitnesses"),
    ("survivor", "survivors"), ("activist", "activists"), ("campaigner", "campaigners"),
    ("protester", "protesters"), ("demonstrator", "demonstrators"), ("rescuer", "rescuers"),
    ("investigator", "investigators"), ("researcher", "researchers"), ("scientist", "scientists"),
    ("doctor", "doctors"), ("medic", "medics"), ("organizer", "organizers"),
    ("organiser", "organisers"), ("firefighter", "firefighters"), ("paramedic", "paramedics"),
    ("worker", "workers"), ("officer", "officers"),
    // Whom markets and conferences are reported through: `delegates said`, `bond managers
    // said`, `underwriters said`, `political commentators said`.
    ("delegate", "delegates"), ("manager", "managers"), ("underwriter", "underwriters"),
    ("commentator", "commentators"),
    ("leader", "leaders"), ("representative", "representatives"), ("trustee", "trustees"),
    ("businessman", "businessmen"), ("consultant", "consultants"), ("negotiator", "negotiators"),
    ("lawmaker", "lawmakers"), ("legislator", "legislators"), ("nurse", "nurses"),
    // Ministers unnamed (`a British minister said`, `EC ministers said`); `the minister` and a
    // minister by name are people, read first by the titled pattern.
    ("minister", "ministers"),
    // Authorities are officials collectively: a copy that writes `officials` for `authorities`
    // credits the same source.
    ("official", "authorities"),
];

/// The people of [`UNNAMED_PEOPLE`] who speak for a body or a firm, singular: named by whose
/// they are without a determiner (`Bundesbank spokesman said`), as the other people are not.
#[rustfmt::skip]
const SPEAKING_FOR: &[&str] = &[
    "spokesman", "spokeswoman", "spokesperson", "official", "source", "analyst", "economist",
    "diplomat", "dealer", "trader", "banker", "broker", "lawyer", "executive", "aide",
];

/// Whether `word` is one of [`UNNAMED_PEOPLE`], singular or plural, whatever its case.
fn names_unnamed_people(word: &str) -> bool {
    UNNAMED_PEOPLE
        .iter()
        .any(|(one, many)| word.eq_ignore_ascii_case(one) || word.eq_ignore_ascii_case(many))
}

/// Words that say whose or what kind of officials, sources, analysts or diplomats a bare plural
/// names (`official sources`, `trade sources`, `senior officials`).
#[rustfmt::skip]
pub(super) const OF_WHOM: &[&str] = &[
    "official", "diplomatic", "government", "military", "security", "intelligence", "industry",
    "trade", "banking", "bank", "market", "oil", "grain", "shipping", "company", "senior",
    "informed", "reliable", "knowledgeable", "unnamed", "anonymous", "local", "police", "party",
    "opposition", "political", "federal", "administration", "congressional", "defence",
    "defense", "foreign", "western", "other", "rescue", "emergency", "aid", "relief", "health",
    "hospital", "medical", "fire", "union", "labour", "labor", "business", "bond", "currency",
    "farm", "city", "state", "court",
];

/// The verbs that credit who speaks with what follows them: `said`, `say`, `told`, `reported`, and
/// those an outlet puts for them (`informed`, `disclosed`, `explained`, `warned`; a copy that
/// rewords its verb keeps the credit). Not `declared`, mostly no speech (`declared a dividend`),
/// nor `states`, a noun in news (`member states`, `Gulf states`: all 22 of its credits in
/// eval_reuters were so).
const SPEECH_VERBS: &str = "reported|reports|said|says|say|told|tells|stated|added|noted|announced|confirmed|wrote|claimed|disclosed|informed|explained|stressed|warned|insisted|argued|acknowledged|revealed|commented|remarked|asserted|emphasi[sz]ed";

/// Where people post what they say (`Musk posted on X that`); only after one of these is
/// `posted` a cue, as companies post losses (`posted on Friday a net loss`).
const PLATFORMS: &str = r"X|Telegram|Facebook|Instagram|Twitter|TikTok|Truth\s+Social|Weibo|WeChat|VKontakte|YouTube|LinkedIn|Bluesky|Threads|social\s+media|(?:its|his|her|their|the)\s+(?:website|blog|Telegram\s+channel|official\s+account)";

static CUE: LazyLock<Regex> = LazyLock::new(|| {
    normalize::text_pattern(&format!(
        r"(?i)(?-u:\b)(?:according\s+to|(?:carried|published|broadcast)\s+by|posted\s+on\s+(?:{PLATFORMS})|citing|cited|cites|quoting|quoted|quotes|{SPEECH_VERBS})(?-u:\b)",
    ))
});

fn cue_kind(cue: &str) -> Cue {
    let c = cue.to_lowercase();
    if c.starts_with("according") {
        Cue::AccordingTo
    } else if c.starts_with("cit") || c.starts_with("quot") {
        Cue::Citing
    } else if ["report", "carried", "published", "broadcast"]
        .iter()
        .any(|verb| c.starts_with(verb))
    {
        Cue::Reported
    } else {
        Cue::Said
    }
}

/// Where each word of a text starts (a byte that is no whitespace, after one that is or at the
/// start), for counting the words between two offsets without reading them ([`Words::between`]):
/// a sentence's every source is measured against its every cue.
struct Words<'s> {
    text: &'s str,
    starts: Vec<usize>,
}

impl<'s> Words<'s> {
    fn of(text: &'s str) -> Self {
        let starts = text.split_whitespace().map(|w| offset(text, w)).collect();
        Words { text, starts }
    }

    /// Words between two byte offsets of the text, as `text[a..b].split_whitespace()` counts
    /// them: those that start between them, and one that runs over the first offset.
    fn between(&self, a: usize, b: usize) -> usize {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        if a == b {
            return 0;
        }
        let at = |i: usize| self.starts.partition_point(|&start| start < i);
        let inside = |i: usize| {
            self.text[i..].starts_with(|c: char| !c.is_whitespace())
                && self.text[..i].ends_with(|c: char| !c.is_whitespace())
        };
        at(b) - at(a) + usize::from(inside(a))
    }
}

/// Words allowed between a source and its cue.
const NEAR: usize = 6;

/// Words allowed between a speaker and its cue across one whole aside (see
/// [`across_an_aside`]). The asides of eval_reuters run to 27 words (`Allegheny International
/// Inc, the consumer products concern that today announced a merger agreement with a First
/// Boston Corp affiliate in a deal worth about 500 mln dlrs, said`); none longer stands between
/// a speaker and its cue.
const NEAR_ACROSS_AN_ASIDE: usize = 30;

/// Whether a source after `before`, `words` words and `between` from its cue, speaks it across
/// one whole aside, however long (`The official, a member of the Indian delegation at the bank's
/// annual meeting here, told Reuters`; `Smith, who flies to Brussels today for talks with EC
/// officials, told Reuters`): the aside holds no comma of its own and does not end a list
/// (`Reagan, Greenspan, and Treasury Secretary James Baker`), the cue follows its closing comma,
/// and the source stands alone before it, up to [`NEAR_ACROSS_AN_ASIDE`] words.
fn across_an_aside(before: &str, between: &str, words: usize) -> bool {
    // The count first: this is asked of every source and cue a sentence apart.
    if words > NEAR_ACROSS_AN_ASIDE {
        return false;
    }
    let between = without_how(between);
    let ends_a_list = between
        .trim_start()
        .trim_start_matches(',')
        .split_whitespace()
        .next()
        .is_some_and(|w| matches!(w, "and" | "or"));
    is_aside(between) && between.matches(',').count() == 2 && !ends_a_list && stands_alone(before)
}

/// Whether surname `text`, after `before`, `between` it and its cue and `gap` words from it,
/// speaks the cue across an aside (`Shultz, speaking from Washington, said`; `Ongpin, the
/// finance secretary, has also said`): within [`NEAR`] words, its commas not counted, or
/// [`across_an_aside`]; standing alone, and no object of a relative clause. An abbreviation is
/// a place (`a Great Falls, Va., investment partnership, said`; `a Providence, R.I., textile
/// maker, has disclosed`).
fn surname_across_an_aside(text: &str, before: &str, between: &str, gap: usize) -> bool {
    if text.ends_with('.') {
        return false;
    }
    let words = gap.saturating_sub(lone_marks(between));
    (words <= NEAR || across_an_aside(before, between, words))
        && is_aside(without_how(between))
        && stands_alone(before)
        && !object_of_a_relative(before, between)
}

/// How many of what [`Words::between`] counts in `text` are marks standing alone, no words: the
/// commas of an aside (`Felix Meier, a spokesman for the Finance Ministry, said`: six words,
/// seven counted with the comma that opens it), which do not take a speaker further from the
/// cue.
fn lone_marks(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| !w.contains(char::is_alphanumeric))
        .count()
}

/// Lowercase words that describe an agency before its kind: `state news agency Xinhua`.
pub(super) const DESCRIBED: &str = r"state|state-run|state-owned|official|semi-official|government|private|independent|local|national|international";

/// What a source puts out, before `from`/`by`: `according to a statement from the Kremlin`.
const ISSUED: &[&str] = &[
    "statement",
    "statements",
    "report",
    "reports",
    "data",
    "figures",
    "estimate",
    "estimates",
    "calculation",
    "calculations",
    "tally",
    "count",
    "survey",
    "surveys",
    "poll",
    "polls",
    "analysis",
    "remarks",
    "comments",
    "letter",
    "document",
    "documents",
    "filing",
    "filings",
    "website",
    "readout",
    "readouts",
    "transcript",
    "transcripts",
    "communique",
    "communiqué",
    "memo",
    "announcement",
    "bulletin",
];

/// Participles that say a source put out what they follow (`a statement issued by the
/// Kremlin`, `a transcript released by the ministry`).
const PUT_OUT: &[&str] = &["issued", "released", "published", "posted", "circulated"];

/// Words that link clauses, and auxiliaries (`was announced by`): they never start a source's
/// name.
const LINKING: &[&str] = &[
    "that", "which", "who", "and", "or", "but", "of", "in", "on", "to", "for", "with", "as", "by",
    "at", "from", "after", "before", "while", "when", "if", "because", "although", "though",
    "unless", "was", "were", "is", "are", "be", "been", "has", "have", "had",
];

/// Words that start a sentence capitalized without being a name.
const NOT_NAMES: &[&str] = &[
    "I",
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "It",
    "He",
    "She",
    "They",
    "We",
    "But",
    "And",
    "This",
    "That",
    "Citing",
    "According",
    "As",
];

/// Whether `other` is another name of `source` in brackets right after it (`North Korea's Korean
/// Central News Agency (KCNA)`, `the American Soybean Association (ASA)`): one source, not a
/// second that a copy keeping either name would be said to have dropped.
fn named_again_in_brackets(sentence: &str, source: &Source, other: &Source) -> bool {
    sentence
        .get(source.end..other.start)
        .is_some_and(|between| between.trim() == "(")
        && sentence[other.end..].starts_with(')')
}

/// Capitalized words of the calendar, which a lone capitalized word before `said` may be
/// ("on Friday said") but never names a source: the days of the week, then the months.
#[rustfmt::skip]
const CALENDAR: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

/// How many of [`CALENDAR`] are the days of the week.
const WEEKDAYS: usize = 7;

/// Words before a month that make it a date (`In January`, `since March`), not the first word
/// of a name (`August Busch`; `after March Resources Ltd`, so not `after`, `by` or `from`).
#[rustfmt::skip]
const BEFORE_A_DATE: &[&str] = &[
    "in", "since", "until", "during", "last", "next", "this", "early", "late", "mid",
];

/// The English credits of `sentence`, added to `out` (a source another reader found is not
/// credited twice: see [`add_new`]): each source [`english_sources`] finds, read whole by
/// [`read_source`], credited by the nearest of the sentence's [`Cues`] that may credit it.
pub(super) fn find(sentence: &str, out: &mut Vec<Attribution>) {
    if let Some(mended) = with_apostrophes(sentence) {
        return find(&mended, out);
    }
    let Some(cues) = Cues::of(sentence) else {
        return;
    };
    let read: Vec<Source> = english_sources(sentence, 0)
        .filter_map(|(matched, kind)| read_source(sentence, matched, kind))
        .collect();
    let credited: Vec<(&Source, &SentenceCue)> = read
        .iter()
        .filter_map(|source| cues.crediting(source).map(|cue| (source, cue)))
        .collect();
    // A verb credits one side of it: its subject before it, and nobody after it, where that is
    // whom or what it speaks of (`Rafsanjani, the speaker, warned the U.S. Navy not to
    // intervene`); who follows `said` (or `added`, `reported`, ...) where only a comma stands
    // between it and what was said before it (`..., Alabama and Louisiana, said Ron Burgess`).
    let one_side = |source: &Source, cue: &SentenceCue| {
        let before = source.end <= cue.at.start();
        let what_was_said = |source: &Source| {
            sentence[source.end..cue.at.start()].trim() == ","
                && one_of(cue.at.as_str(), INVERTED_CUES)
        };
        !matches!(cue.kind, Cue::Said | Cue::Reported)
            || !credited.iter().any(|(other, c)| {
                c.at.start() == cue.at.start()
                    && if before {
                        other.start >= cue.at.end() && what_was_said(source)
                    } else {
                        other.end <= cue.at.start() && !what_was_said(other)
                    }
            })
    };
    let mut credited: Vec<(&Source, &SentenceCue)> = credited
        .iter()
        .copied()
        .filter(|(source, cue)| one_side(source, cue))
        .collect();
    // A cue right after `and` or `but` has no subject of its own: it shares the one that opens
    // the sentence (`Irving rejected the bid as inadequate and said`), not a source before the
    // conjunction (`the offer from the company, a rival, and said`). That subject is the last
    // source read that opens the sentence ([`opens_the_sentence`]: `Irving` in `Earlier this
    // month, Irving`, where `Earlier` is read as a name too), and a name of one word only before
    // a verb (not `Finance` in `Finance ministers agreed`); placed among the credits where it
    // stands. Where no source opens it, a pronoun may ([`opened_by_a_pronoun`]).
    let shared: Vec<&SentenceCue> = cues
        .cues
        .iter()
        .filter(|cue| shares_the_subject(sentence, cue))
        .collect();
    let is_shared = |cue: &SentenceCue| shared.iter().any(|s| ptr::eq(*s, cue));
    if !shared.is_empty() {
        credited.retain(|(_, cue)| !is_shared(cue));
        let subject = read
            .iter()
            .take_while(|s| opens_the_sentence(sentence, s.start))
            .filter(|s| !s.surname || before_a_verb(&sentence[s.end..]))
            .last();
        if let Some(subject) = subject {
            credited.extend(shared.iter().map(|&cue| (subject, cue)));
            credited.sort_by_key(|(source, _)| source.start);
        }
    }
    let joined: Vec<(&Source, &Source)> = read
        .iter()
        .filter_map(|people| {
            whose_people(sentence, &read, people)
                .or_else(|| whose_employee(sentence, &read, people))
                .map(|whose| (people, whose))
        })
        .collect();
    // A body right before another source of its cue describes it or is where it spoke, not who
    // (`The Mexican state oil company Petroleos Mexicanos said`, `In a filing with the
    // Securities and Exchange Commission Bilzerian said`): the source after it is the credit.
    // Not unnamed people (`A spokesman for the state-owned tin mining company PT Tambang Timah
    // told`: the spokesman), nor a body joined to its people.
    let in_joined = |source: &Source| {
        joined
            .iter()
            .any(|(people, whose)| ptr::eq(*people, source) || ptr::eq(*whose, source))
    };
    let describing: Vec<usize> = credited
        .iter()
        .enumerate()
        .filter(|(_, (source, cue))| {
            matches!(
                source.kind,
                SourceKind::Institution | SourceKind::Agency | SourceKind::Document
            ) && !in_joined(source)
                && credited.iter().any(|(next, other)| {
                    ptr::eq(*other, *cue)
                        && next.start > source.end
                        && sentence[source.end..next.start].trim().is_empty()
                })
        })
        .map(|(i, _)| i)
        .collect();
    for i in describing.into_iter().rev() {
        credited.remove(i);
    }
    // Pronouns that speak a cue no source credits (`, he said`), in order, to be put among the
    // sources' credits where they stand.
    let mut pronouns = cues
        .cues
        .iter()
        .filter(|cue| !credited.iter().any(|(_, c)| c.at.start() == cue.at.start()))
        .filter_map(|cue| {
            spoken_by_a_pronoun(sentence, cue).or_else(|| {
                is_shared(cue)
                    .then(|| opened_by_a_pronoun(sentence, cue))
                    .flatten()
            })
        })
        .peekable();
    let mut credits = credited.iter().peekable();
    while let Some((source, cue)) = credits.next() {
        while let Some(pronoun) = pronouns.next_if(|(at, _)| *at < source.start) {
            out.push(pronoun.1);
        }
        // Unnamed people and whose they are are one credit, read from the people, or from
        // whose they are where only that is credited (across a relative clause: `An official
        // of the Finance Ministry who declined to be named said`); where both are, `add_new`
        // keeps the first.
        let (people, whose) = joined
            .iter()
            .copied()
            .find(|(people, whose)| ptr::eq(*people, *source) || ptr::eq(*whose, *source))
            .unwrap_or((source, source));
        let (mut start, mut end) = (people.start.min(whose.start), people.end.max(whose.end));
        let mut kind = people.kind;
        // Joins that share a source are one credit too, a named person's where one is (`Peters
        // and Co Ltd` `oil analyst` `Wilf Gobert`: the firm's analyst, named).
        while let Some((people, whose)) = joined.iter().find(|(people, whose)| {
            let (from, to) = (people.start.min(whose.start), people.end.max(whose.end));
            from < end && to > start && (from < start || to > end)
        }) {
            start = start.min(people.start.min(whose.start));
            end = end.max(people.end.max(whose.end));
            if people.kind == SourceKind::Person {
                kind = SourceKind::Person;
            }
        }
        // A firm's name is read where and as a person's is (`Unisys Corp said`, `analyst at
        // Salomon Brothers`), but credited as a body's: so `it` refers to it and `he` does not,
        // and two firms are not one person for a like first word (`Texaco Inc`, `Textron Inc`).
        if kind == SourceKind::Person && a_firms_name(&sentence[start..end]) {
            kind = SourceKind::Institution;
        }
        // Another name in brackets right after it is read with it.
        if let Some((other, _)) =
            credits.next_if(|(other, _)| named_again_in_brackets(sentence, source, other))
        {
            end = other.end + 1;
        }
        let source = &sentence[start..end];
        add_new(
            out,
            Attribution {
                source: source.to_string(),
                kind,
                cue: cue.at.as_str().to_string(),
                cue_kind: cue.kind,
                pronoun: None,
            },
        );
    }
    out.extend(pronouns.map(|(_, credit)| credit));
}

/// `sentence` with an apostrophe for each quote mark typed for one, where any is: between a
/// word and the `s` of its possessive (`Ecuador"s deputy energy minister`, as Reuters' wire of
/// 1987 writes it 32 times in eval_reuters' texts). Read as a quote, it opened a quotation and
/// left `s deputy energy minister` a source; read as an apostrophe, the possessive is whose.
fn with_apostrophes(sentence: &str) -> Option<String> {
    let bytes = sentence.as_bytes();
    let typed = |at: usize| {
        at > 0
            && bytes[at - 1].is_ascii_alphanumeric()
            && bytes.get(at + 2).is_none_or(|b| !b.is_ascii_alphanumeric())
    };
    let mut marks = sentence
        .match_indices("\"s")
        .map(|(at, _)| at)
        .filter(|&at| typed(at))
        .peekable();
    marks.peek()?;
    let mut mended = sentence.as_bytes().to_vec();
    for at in marks {
        mended[at] = b'\'';
    }
    // An ASCII byte for an ASCII byte: still UTF-8.
    String::from_utf8(mended).ok()
}

/// Adverbs that may stand between a pronoun and its cue (`he also said`, `it later reported`).
const BEFORE_A_CUE: &[&str] = &[
    "also",
    "later",
    "earlier",
    "further",
    "then",
    "previously",
    "separately",
    "again",
    "recently",
    "subsequently",
    "repeatedly",
    "first",
    "originally",
    "additionally",
];

/// Words after which a pronoun opens a clause (`and he said`, `however it said`, `the plan,
/// which he said was aimed at`); not `that`, after which it opens what was said (`Smith said
/// that he told them`).
const CLAUSE_JOINERS: &[&str] = &[
    "and", "but", "or", "yet", "so", "however", "while", "although", "though", "because", "since",
    "whereas", "which",
];

/// The credit of a subject pronoun right before `cue` (`He said`, `, she added`, `" they
/// said`, `and it also reported`), with the pronoun's offset: a pronoun that opens a clause (at
/// the sentence's start, after a comma, a quotation mark, a dash or [`CLAUSE_JOINERS`]), outside
/// a quotation (`"The plan, he said, is dead," Smith said`: not a credit of `he`), before a cue
/// that says or reports (`it cited rising costs` credits nobody). Not after `that`: `Smith said
/// that he told them` credits Smith.
fn spoken_by_a_pronoun(sentence: &str, cue: &SentenceCue) -> Option<(usize, Attribution)> {
    if !matches!(cue.kind, Cue::Said | Cue::Reported) {
        return None;
    }
    let before = &sentence[..cue.at.start()];
    let mut words = before.split_whitespace().rev();
    let mut pronoun = words.next()?;
    if one_of(pronoun, BEFORE_A_CUE) {
        pronoun = words.next()?;
    }
    let kind = pronouns::stands_for(pronoun)?;
    let at = offset(sentence, pronoun);
    let opening = sentence[..at].trim_end();
    let opens_a_clause = opening.is_empty()
        || opening.ends_with([
            ',', ';', ':', '"', '“', '”', '\'', '‘', '’', '-', '—', '–', '(',
        ])
        || opening
            .split_whitespace()
            .next_back()
            .is_some_and(|w| one_of(w, CLAUSE_JOINERS));
    (opens_a_clause && !in_a_quotation(&sentence[..at]))
        .then(|| pronoun_credit(sentence, pronoun, kind, cue))
}

/// The credit of subject pronoun `pronoun`, a slice of `sentence` standing for a source of
/// `kind` until whom it refers to is read, for `cue`; with the pronoun's offset.
fn pronoun_credit(
    sentence: &str,
    pronoun: &str,
    kind: SourceKind,
    cue: &SentenceCue,
) -> (usize, Attribution) {
    (
        offset(sentence, pronoun),
        Attribution {
            source: pronoun.to_string(),
            kind,
            cue: cue.at.as_str().to_string(),
            cue_kind: cue.kind,
            pronoun: Some(pronoun.to_string()),
        },
    )
}

/// Whether `cue` says or reports right after `and` or `but` (past an adverb: `but also said`),
/// outside a quotation, and so has no subject of its own: it shares the one its sentence opens
/// with (`The minister did not say which, but said`, `Irving rejected the bid and said`).
fn shares_the_subject(sentence: &str, cue: &SentenceCue) -> bool {
    if !matches!(cue.kind, Cue::Said | Cue::Reported) {
        return false;
    }
    let before = &sentence[..cue.at.start()];
    let mut words = before.split_whitespace().rev();
    let mut word = words.next();
    if word.is_some_and(|w| one_of(w, BEFORE_A_CUE)) {
        word = words.next();
    }
    word.is_some_and(|w| one_of(w, &["and", "but"])) && !in_a_quotation(before)
}

/// Whether `after` opens on a verb as a subject's is spelled, past an aside: an auxiliary, a
/// past tense in `-ed`, or an adverb before either (`Irving rejected`, `Martell was`, `Deutsche
/// later confirmed`); not a noun (`Finance ministers`, `Food chain`). A verb in `-s` is as often a
/// plural noun (`Leeds expects`, `Japanese consumers`), and is left out.
fn before_a_verb(after: &str) -> bool {
    // Past an aside (`Wright, a Texas Democrat, conceded`).
    let after = after
        .trim_start()
        .strip_prefix(',')
        .and_then(|aside| aside.split_once(',').map(|(_, rest)| rest))
        .unwrap_or(after);
    let mut words = after.split_whitespace();
    let mut word = words.next();
    if word.is_some_and(|w| an_adverb(w) || one_of(w, BEFORE_A_CUE)) {
        word = words.next();
    }
    word.is_some_and(|w| {
        w.starts_with(char::is_lowercase) && (one_of(w, AUXILIARIES) || w.ends_with("ed"))
    })
}

/// Whether a source at byte `at` may be the subject that opens `sentence`: at its start, right
/// after a comma (`Earlier, Irving rejected`), or after an opening phrase of time without one
/// (`Earlier this month Caesars World rejected`, `Last week Smith`; not `Analysts expect Texaco`,
/// nor `Shares in Texaco`). The subject is the last such source before any source that may not
/// be (see [`find`]).
fn opens_the_sentence(sentence: &str, at: usize) -> bool {
    let before = sentence[..at].trim_end();
    before
        .split_whitespace()
        .next_back()
        .is_none_or(|last| last.ends_with(',') || one_of(last, WHEN) || CALENDAR.contains(&last))
}

/// The words an opening phrase of time ends on: `Earlier this month`, `Two days later`, `On
/// Monday` (with [`CALENDAR`]).
#[rustfmt::skip]
const WHEN: &[&str] = &[
    "today", "yesterday", "tonight", "day", "days", "week", "weeks", "month", "months", "year",
    "years", "later", "earlier", "ago", "morning", "afternoon", "evening", "night",
];

/// The credit of a subject pronoun that opens `sentence`, as its first word or the first after
/// its first comma (`He welcomed the decision but said`, `Earlier, he rejected the bid and
/// said`), for `cue`, which shares it; with the pronoun's offset.
fn opened_by_a_pronoun(sentence: &str, cue: &SentenceCue) -> Option<(usize, Attribution)> {
    let (pronoun, kind) = sentence[..cue.at.start()]
        .split(',')
        .take(2)
        .find_map(|clause| {
            let word = clause.split_whitespace().next()?;
            pronouns::stands_for(word).map(|kind| (word, kind))
        })?;
    Some(pronoun_credit(sentence, pronoun, kind, cue))
}

/// Whether the end of `before` stands inside a quotation: after a quotation mark that opens
/// one. Which way a straight quote faces is read from what stands beside it: one after a space
/// or a bracket (or the sentence's start) and before a word opens; one after a word or a mark
/// closes (`again," he said`). Counting straight quotes could not tell the close of a quotation
/// opened in an earlier sentence (`Prices will fall. We sold," he said.`), which wire copy
/// writes after every quoted paragraph (57 uncredited `he said` on eval_reuters).
fn in_a_quotation(before: &str) -> bool {
    let Some((at, quote)) = before
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '"' | '“' | '”'))
    else {
        return false;
    };
    match quote {
        '“' => true,
        '”' => false,
        _ => {
            let after_a_space = before[..at]
                .chars()
                .next_back()
                .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–'));
            // `before` ends where a word starts: a quote it ends on stands before that word.
            let before_a_word = before[at + 1..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_whitespace());
            after_a_space && before_a_word
        }
    }
}

/// The words that join unnamed people to whose people they are: `a spokesman for Usair`,
/// `officials at the Bank of Japan`, `an official of the Finance Ministry`, `an official with
/// the ministry`, `experts from Deutsche Bank`.
pub(super) const WHOSE_PEOPLE: &[&str] = &["for", "at", "of", "with", "from"];

/// The source of those `read` in `sentence` that says whose `people` are, when they are unnamed
/// and it does: a name or institution right after them past a word of [`WHOSE_PEOPLE`] (`A
/// spokesman for Deutsche Bank said`, `according to a spokesman for the Russian Foreign
/// Ministry`), whole (not `Australian` in `a spokesman of Australian stock broker Jacksons`), or
/// one right before them that a name's joining word kept apart (`Bank of Japan officials
/// said`), no person's. The two are one credit, the people's, as `a Deutsche Bank spokesman`
/// is: a copy that writes either has kept it, and `a Commerzbank spokesman` replaced it. An
/// agency is a source of its own, not whose (`a spokesman for Reuters`).
fn whose_people<'r, 's>(
    sentence: &str,
    read: &'r [Source<'s>],
    people: &Source,
) -> Option<&'r Source<'s>> {
    if people.kind != SourceKind::Anonymous {
        return None;
    }
    // A noun after the name is what it describes (`Australian stock broker`), not a verb.
    let a_name_describing = |whose: &Source| {
        whose.a_modifier
            && sentence[whose.end..]
                .split_whitespace()
                .next()
                .map(without_trailing_marks)
                .is_some_and(|word| !is_cue_word(word) && !only_how(word))
    };
    read.iter().find(|whose| {
        matches!(whose.kind, SourceKind::Institution | SourceKind::Person)
            && if whose.start > people.end {
                !a_name_describing(whose)
                    && one_of(sentence[people.end..whose.start].trim(), WHOSE_PEOPLE)
            } else {
                whose.end < people.start
                    && sentence[whose.end..people.start].trim().is_empty()
                    && bare_people(people.text)
                    && !(whose.kind == SourceKind::Person
                        && opens_on_a_name(whose.text)
                        && !names_a_body(whose.text))
            }
    })
}

/// The source of those `read` in `sentence` that named person `person` works for, where it
/// stands right before them with only their role between (`First Kansas City analyst Jonathan
/// Braatz`, `Senior Citibank executive William Rhodes`, `Chase Manhattan Corp (CMB) president
/// Thomas Labrecque`, `Special prosecutor Lawrence Walsh`), or read with their role as unnamed
/// people are (`oil analyst Wilf Gobert`, `the Bank of Tokyo's economic adviser Koei
/// Narusawa`): the two are one credit, the person's, as `Jonathan Braatz, an analyst at First
/// Kansas City,` is, not a firm speaking beside them. An agency is a source of its own
/// (`Reuters correspondent John Smith`).
fn whose_employee<'r, 's>(
    sentence: &str,
    read: &'r [Source<'s>],
    person: &Source,
) -> Option<&'r Source<'s>> {
    let named = person.kind == SourceKind::Person
        && !person
            .text
            .split_whitespace()
            .any(|word| one_of(without_trailing_marks(word), FIRMS));
    if !named {
        return None;
    }
    // A title the person's credit opens on: any in small letters (`first vice-president Janos
    // Fekete`), a role's in capitals (`Commission President von der Leyen`).
    let first = person.text.split_whitespace().next().unwrap_or_default();
    let titled = first.starts_with(char::is_lowercase) || an_employee(first);
    read.iter().find(|employer| {
        employer.end < person.start && {
            let role_ends = employer
                .text
                .split_whitespace()
                .next_back()
                .is_some_and(|word| word.starts_with(char::is_lowercase) && an_employee(word));
            let between = &sentence[employer.end..person.start];
            match employer.kind {
                SourceKind::Institution | SourceKind::Person => match role_between(between) {
                    Some(0) => titled || role_ends,
                    Some(_) => true,
                    None => false,
                },
                // Whose they are and their role read as one (`Bundesbank spokesman`, `the
                // Bank of Tokyo's economic adviser`).
                SourceKind::Anonymous => role_ends && between.trim().is_empty(),
                _ => false,
            }
        }
    })
}

/// How many words of a role `between` holds, when that is all it holds but a ticker in
/// brackets (`(CMB)`, `<SNE.T>`): up to three lower-case words, none a cue, the last a role
/// someone is named after (`analyst`, `senior vice president`, `chairman and chief executive`);
/// `None` where it holds anything else (`said analyst`, `, an analyst`).
fn role_between(between: &str) -> Option<usize> {
    let mut words = 0;
    let mut last = "";
    for word in between.split_whitespace() {
        let ticker = (word.starts_with('(') && word.ends_with(')'))
            || (word.starts_with('<') && word.ends_with('>'));
        if ticker && words == 0 {
            continue;
        }
        let a_word = word.starts_with(char::is_lowercase)
            && word.chars().all(|c| c.is_alphabetic() || c == '-');
        let joins_roles = word == "and" && an_employee(last);
        if !a_word
            || words == 3
            || is_cue_word(word)
            || (!joins_roles && (one_of(word, PREPOSITIONS) || one_of(word, AUXILIARIES)))
        {
            return None;
        }
        (words, last) = (words + 1, word);
    }
    (words == 0 || an_employee(last)).then_some(words)
}

/// Whether `between` holds a role at most (`lead manager`, `analyst`; see [`role_between`]).
fn only_a_role(between: &str) -> bool {
    role_between(between).is_some()
}

/// Whether name `text` ends on a word only a firm's or a body's name ends on ([`FIRMS`],
/// [`BODIES`]): `Economic Planning Board`, not a person's.
fn names_a_body(text: &str) -> bool {
    text.split_whitespace()
        .next_back()
        .map(without_trailing_marks)
        .is_some_and(|word| one_of(word, FIRMS) || one_of(word, BODIES))
}

/// Words that end a body's name, never a person's (`Economic Planning Board`).
#[rustfmt::skip]
const BODIES: &[&str] = &[
    "Board", "Agency", "Ministry", "Department", "Commission", "Council", "Committee", "Office",
    "Bureau", "Authority", "Institute", "Exchange", "Fund", "Association", "Union", "Federation",
    "Party", "Corporation", "Company", "Organisation", "Organization", "Administration", "Staff",
    "Service", "Command",
];

/// Words that make a name a firm's, never a person's (`lead manager Algemene Bank Nederland`:
/// the bank managing a bond issue, not its manager).
#[rustfmt::skip]
const FIRMS: &[&str] = &[
    "Bank", "Group", "Inc", "Corp", "Co", "Ltd", "Plc", "PLC", "AG", "SA", "NV", "N.V", "Bhd",
    "Securities", "Brothers", "Partners", "Holdings",
];

/// Whether `word` is a role a firm's or a body's people are named after: one of [`ROLES`], or
/// another job wire copy names people by (`strategist`, `prosecutor`, `commissioner`).
pub(super) fn an_employee(word: &str) -> bool {
    a_role(word) || one_of(word, EMPLOYEES)
}

/// Jobs besides [`ROLES`] that name people after their firm or body (`Salomon Brothers
/// strategist`, `Special prosecutor`).
#[rustfmt::skip]
const EMPLOYEES: &[&str] = &[
    "strategist", "trader", "dealer", "broker", "commissioner", "prosecutor", "adviser", "advisor",
    "counsel", "treasurer", "controller", "researcher", "negotiator", "delegate", "envoy",
];

/// Whether unnamed people `text` are people alone, or with what kind of them they are before
/// them (`officials`, `market analysts`, `senior officials`), no determiner (`the sources`,
/// `its officials`: words of their own).
fn bare_people(text: &str) -> bool {
    let mut words = text.split_whitespace().rev();
    words.next().is_some_and(names_unnamed_people) && words.all(|word| !a_determiner(word))
}

/// Whether `text` opens on two capitalized words, a person's first name and surname (`Chris
/// Honnor of London-based` brokers), rather than a body's name (`Bank of Japan` officials).
fn opens_on_a_name(text: &str) -> bool {
    let mut words = text.split_whitespace();
    words.next().zip(words.next()).is_some_and(|(a, b)| {
        a.starts_with(char::is_uppercase) && b.starts_with(char::is_uppercase)
    })
}

/// A source as [`read_source`] reads it from a match of [`english_sources`], with what decides
/// which cue may credit it.
struct Source<'s> {
    /// The source's words, a slice of the sentence.
    text: &'s str,
    /// What kind of source it is, as its reading settled it (`The Treasury` an institution).
    kind: SourceKind,
    /// Where `text` starts and ends in the sentence, in bytes.
    start: usize,
    end: usize,
    /// Where what the source put out begins, when the match began on it (`statement from the
    /// Kremlin`): after `according to` or `citing` it counts as the source.
    issued_from: Option<usize>,
    /// A name of one word (`Peskov`), which credits only right beside `said` or `reported`.
    surname: bool,
    /// A country or its capital standing for its government (`South Korea`, `Moscow`), or a body
    /// of one read as a name (`Israel Defense Forces`), which a preposition places as it does a
    /// person's name (`with South Korea added`).
    a_place: bool,
    /// An auxiliary follows the source: it is the subject of what was said (`Michel Lefebvre,
    /// vice president of operations, said Noranda will operate the mine`), not who said it.
    what_was_said: bool,
    /// A noun follows the source: it describes it (`cited a strong New Jersey economy`,
    /// `citing the American Express banking unit`), unless the noun is what it put out or its
    /// people (`citing TASS reports`, `quoting Bank of Japan sources`).
    a_modifier: bool,
}

/// The source in `matched`, a range of `sentence` that [`english_sources`] found as `kind`, read
/// whole: past the words a match may start on, its name's own rules applied; `None` where the
/// match names no source (a possessive, a capitalized word that is no name, a description of
/// the speaker before it, whom `told` addresses).
fn read_source(sentence: &str, matched: Range<usize>, kind: SourceKind) -> Option<Source<'_>> {
    let (mut text, issued_from) = past_what_starts_a_match(sentence, matched.clone());
    // What the source put out may stand before the match, as where the pattern read the
    // preposition after it (`a statement from the presidential office`: `from the presidential
    // office`, too many words before `office` to reach back to `statement`).
    let issued_from = issued_from.or_else(|| published_in(&sentence[..offset(sentence, text)]));
    // A match that began on such words may have read the source after them short (`reported
    // by the official Ivorian` for `the official Ivorian daily Fraternite Matin`): the source
    // is read again from where it starts.
    let mut kind = kind;
    let from = offset(sentence, text);
    if from > matched.start
        && let Some((again, kind_again)) = english_sources(sentence, from).next()
        && again.start == from
        && again.end > from + text.len()
    {
        (text, kind) = (sentence[again].trim(), kind_again);
    }
    match kind {
        SourceKind::Institution => text = without_a_before_a_name(after_preposition(text)),
        SourceKind::Person => (text, kind) = named_person(sentence, text)?,
        SourceKind::Anonymous => {
            text = from_the_last_article(after_a_conjunction(after_a_relative(text)));
            if a_statistic(text) {
                return None;
            }
        }
        SourceKind::Agency => {
            text = without_the_before_an_agency(
                sentence,
                with_what_describes_the_outlet(sentence, without_a_before_a_name(text)),
            )
        }
        _ => {}
    }
    let text = without_full_stop(text);
    // A possessive is whose, not who (`announced by Japan's ruling party`), and so is a word
    // whose `'s` a pattern's word boundary left out (`the company's previously announced
    // plan`: `company`); but for a firm named so (`Moody's said`).
    let end = offset(sentence, text) + text.len();
    let last = text
        .split_whitespace()
        .next_back()
        .map_or(end, |last| offset(sentence, last));
    // An outlet's journalists after it (`The BBC's Moscow correspondent`): where it stays an
    // outlet below, its end stays too.
    let journalists = kind == SourceKind::Agency && its_journalists(sentence, end).is_some();
    if (possessive(text) || before_its_possessive(sentence, end))
        && !named_in_the_possessive(sentence, last, end)
        && !journalists
    {
        return None;
    }
    let mut text = with_whose_name(sentence, text);
    if kind == SourceKind::Document
        && let Some(owner) = owner_of_a_document(text)
    {
        (text, kind) = owner;
    }
    // Who holds an office of the source is who speaks (`the governor of the central bank`),
    // unless named after it (`the president of the Mexican stock exchange, Manuel Somoza,`).
    if matches!(kind, SourceKind::Institution | SourceKind::Person)
        && let Some(holder) = with_its_office_holder(sentence, text)
        && !named_in_an_aside(&sentence[offset(sentence, text) + text.len()..])
    {
        (text, kind) = (holder, SourceKind::Person);
    } else if kind == SourceKind::Institution
        && opens_on_its_office_holder(text)
        && !named_in_an_aside(&sentence[offset(sentence, text) + text.len()..])
    {
        kind = SourceKind::Person;
    }
    // An outlet's own people are the source (`A Gazette spokesman said`).
    if kind == SourceKind::Agency
        && let Some(people) = sentence[offset(sentence, text) + text.len()..]
            .split_whitespace()
            .next()
            .map(without_trailing_marks)
            .filter(|word| names_unnamed_people(word))
    {
        let start = offset(sentence, text);
        text = &sentence[start..offset(sentence, people) + people.len()];
        kind = SourceKind::Anonymous;
    }
    // A paper's word is a paper only with `the` or more of its name (`The Times`); alone it is
    // read as any capitalized word is, a name only beside its cue (`"Times change," he said`),
    // and the name it opens before a capital, a firm's, up to its last capitalized word
    // (`Courier Corp said`, `Times Mirror Co. said`). So is an agency's name before a firm's
    // word (`Reuters Holdings PLC said`: the agency's owner, not the agency).
    let start = offset(sentence, text);
    let mut end = start + text.len();
    let opens_a_firm = || {
        sentence[end..]
            .split_whitespace()
            .next()
            .is_some_and(|word| one_of(without_trailing_marks(word), FIRMS))
    };
    if kind == SourceKind::Agency && (one_of(text, PAPERS_WORDS) || opens_a_firm()) {
        for word in sentence[end..].split_whitespace().take(4) {
            let bare = without_trailing_marks(word);
            if !bare.starts_with(char::is_uppercase) {
                break;
            }
            // An abbreviation's full stop is the name's (`Co.`), other marks end it.
            let name = if word.ends_with('.') { word } else { bare };
            end = offset(sentence, name) + name.len();
            if name.len() < word.len() {
                break;
            }
        }
        (text, kind) = (&sentence[start..end], SourceKind::Person);
    }
    // A bare plural capitalized at a sentence's start is read as a name (`Dealers said`; the
    // plural pattern is lower-case, so that `Bankers Trust` stays a name), and so is one with
    // whose people they are (`Officials of MMC Sittipol said`).
    if kind == SourceKind::Person {
        let mut words = text.split_whitespace();
        let first = words.next().unwrap_or_default();
        if UNNAMED_PEOPLE
            .iter()
            .any(|(_, plural)| first.eq_ignore_ascii_case(plural))
            && words.next().is_none_or(|word| WHOSE_PEOPLE.contains(&word))
        {
            kind = SourceKind::Anonymous;
        }
    }
    // A capitalized word that is no name never credits; a country, its capital or the seat of
    // its head alone is its government (`Moscow said`, `The United States said`), but for
    // countries named as people are (`Jordan said`); and an acronym after `the` is a body
    // (`the SEC said`, `the OECD said`: no person is written so).
    let surname = kind == SourceKind::Person && !text.contains(char::is_whitespace);
    if surname && (NOT_NAMES.contains(&text) || CALENDAR.contains(&text)) {
        return None;
    }
    let a_place = kind == SourceKind::Person
        && (governments::government_or_body(text)
            || (surname && an_acronym(text) && after_the(&sentence[..offset(sentence, text)])));
    if a_place {
        kind = SourceKind::Institution;
        let start = offset(sentence, text);
        if let Some(the) = ["The ", "the "]
            .iter()
            .find(|the| sentence[..start].ends_with(*the))
        {
            text = &sentence[start - the.len()..start + text.len()];
        }
    }

    let start = offset(sentence, text);
    let end = start + text.len();
    if describes_the_speaker(&sentence[..start], text, kind, &sentence[end..])
        || (kind != SourceKind::Person && named_in_an_aside(&sentence[end..]))
    {
        return None;
    }
    // Whom someone "told" is a listener, not a source.
    let before = sentence[..start].trim_end();
    if ends_with_ignoring_case(before, "told") || ends_with_ignoring_case(before, "tells") {
        return None;
    }
    let next_word = sentence[end..].split_whitespace().next();
    // An outlet before what it runs describes that (`In a newspaper interview the minister
    // said`, `in a Reuters interview`), but for its office, its journalists' (see
    // [`its_journalists`]).
    let journalists = journalists && kind == SourceKind::Agency;
    if kind == SourceKind::Agency
        && !journalists
        && next_word.is_some_and(|word| one_of(without_trailing_marks(word), OUTLETS_RUN))
    {
        return None;
    }
    let what_was_said = next_word.is_some_and(|word| AUXILIARIES.contains(&word));
    let a_modifier = !what_was_said
        && !journalists
        && next_word.is_some_and(|word| {
            let bare = without_trailing_marks(word);
            word.starts_with(|c: char| c.is_lowercase())
                && !ISSUED.contains(&bare)
                && !ROLES.contains(&bare)
                && !names_unnamed_people(bare)
                && !NOT_NOUNS.contains(&bare)
        });
    Some(Source {
        text,
        kind,
        start,
        end,
        issued_from,
        surname,
        a_place,
        what_was_said,
        a_modifier,
    })
}

/// Whose a document is, where it is named in the possessive before it (`The ministry's statement
/// said`: the ministry, as `A Kremlin statement said` credits the Kremlin), and what kind of source
/// that is: an office holder, a body after `the` or a place's government, or a name (read as any
/// name is; an agency's is read by its own pattern first). Not a time (`Friday's statement`, `last
/// week's report`). Or an institution that names it (`the ministry document said`, `a government
/// study`).
fn owner_of_a_document(text: &str) -> Option<(&str, SourceKind)> {
    let Some(whose) = text.split_whitespace().find(|word| possessive(word)) else {
        let body = text.split_whitespace().find(|word| an_institution(word))?;
        return Some((
            &text[..offset(text, body) + body.len()],
            SourceKind::Institution,
        ));
    };
    let owner = &text[..offset(text, whose) + whose.len()];
    let owner = ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|mark| owner.strip_suffix(mark))?;
    let last = owner.split_whitespace().next_back()?;
    if CALENDAR.contains(&last) || one_of(last, TIMES) {
        return None;
    }
    let bare = owner
        .strip_prefix("the ")
        .or_else(|| owner.strip_prefix("The "))
        .unwrap_or(owner);
    let kind = if office_holder(owner) {
        SourceKind::Person
    } else if bare.len() < owner.len() || governments::government_or_body(bare) {
        SourceKind::Institution
    } else {
        SourceKind::Person
    };
    Some((owner, kind))
}

/// What names an institution, in any case (`the ministry`, `the Kremlin`, `a government`).
const INSTITUTIONS: &str = r"ministry|department|office|agency|service|commission|council|institute|bureau|authority|police|army|navy|kremlin|white\s+house|pentagon|downing\s+street|scotland\s+yard|vatican|government|committee|company|embassy|court|prosecutors?";

/// Whether `word` is one of [`INSTITUTIONS`] of one word, in any case (the alternatives of two
/// words, written with `\s+`, never equal a word). Run once per document read, not per word.
fn an_institution(word: &str) -> bool {
    INSTITUTIONS
        .split('|')
        .any(|name| name.eq_ignore_ascii_case(word))
}

/// Words of time a possessive may stand on (`last week's report`).
#[rustfmt::skip]
const TIMES: &[&str] = &[
    "today", "yesterday", "tomorrow", "week", "weekend", "month", "year", "day", "quarter",
];

/// Whether `word` is an acronym: capitals and nothing else.
fn an_acronym(word: &str) -> bool {
    word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether name `text` is a firm's or a body's, not a person's: one acronym (`IBM`, `GM`; a
/// text in capitals, where every name is one, has no cue in small letters to credit it), or a
/// name whose words are all capitalized but those joining them, that ends on a word only theirs
/// end on ([`names_a_body`]: `Unisys Corp`, `Salomon Brothers`, `Fruit of the Loom Inc`) or
/// says where they are (`Dynamics Corp of America`); not a person named with whom they work
/// for (`Sanford Margoshes of Shearson Lehman Brothers`, `Chairman of Unisys Corp`, `Bank of
/// Japan Governor Satoshi Sumita`, `the president of the American Soybean Association`).
fn a_firms_name(text: &str) -> bool {
    if text.len() >= 2 && an_acronym(text) {
        return true;
    }
    let joined = text.split_whitespace().all(|word| {
        !word.starts_with(char::is_lowercase) || ["and", "of", "the", "for"].contains(&word)
    });
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or_default();
    let before_of = words
        .find(|word| *word == "of")
        .map(|of| text[..offset(text, of)].trim_end());
    joined
        && match before_of {
            None => names_a_body(text),
            // A body's name before `of` (`Dynamics Corp`, `Bank`), or one word before a body's
            // last word (`Fruit`); no role either side (`Chairman`, `Governor`), which names a
            // person (a firm's name may hold one: `Executive Life Insurance Co`).
            Some(before) => {
                !text.split_whitespace().any(an_employee)
                    && (names_a_body(before) || (before == first && names_a_body(text)))
            }
        }
}

/// Whether `before` ends on the article `the` or `The` (not `THE`: in a text in capitals,
/// every name is written as an acronym).
fn after_the(before: &str) -> bool {
    matches!(before.split_whitespace().next_back(), Some("the" | "The"))
}

/// Source `text`, a slice of `sentence`, with the rest of the name it opens with in the
/// possessive, where [`english_sources`] read on from that name's last word (`The United
/// Nations' humanitarian office`, `The Federal Reserve Bank of New York's president`), or with
/// that name where it stands right before (`Lebanon's state-run National News Agency`): its
/// capitalized words, the `of` that joins them and the article before them, none past
/// punctuation nor one of [`NOT_NAMES`] or [`LINKING`] (`In Japan's`, `Although Moody's`).
fn with_whose_name<'s>(sentence: &'s str, text: &'s str) -> &'s str {
    let start = offset(sentence, text);
    let mut from = start;
    let mut words = sentence[..start].split_whitespace().rev().peekable();
    if !text.split_whitespace().next().is_some_and(possessive) {
        // Or the name in the possessive is right before it (`Lebanon's state-run National
        // News Agency`).
        match words.next_if(|word| possessive(word) && word.starts_with(char::is_uppercase)) {
            Some(word) => from = offset(sentence, word),
            None => return text,
        }
    }
    // As many words as a name's pattern reads (see [`source_patterns`]).
    for _ in 0..8 {
        let Some(word) = words.next_if(|word| {
            let name = word.starts_with(char::is_uppercase)
                && word.ends_with(|c: char| c.is_alphanumeric() || c == '.')
                && !NOT_NAMES.contains(word)
                && !one_of(word, LINKING)
                && !is_cue_word(word);
            name || *word == "of"
        }) else {
            break;
        };
        from = offset(sentence, word);
    }
    // Never from the `of` that joins it to what comes before (`the head of Japan's`).
    while let Some(rest) = sentence[from..start].strip_prefix("of") {
        from = start - rest.trim_start().len();
    }
    if let Some(the) = words.next_if(|word| matches!(*word, "the" | "The")) {
        from = offset(sentence, the);
    }
    &sentence[from..start + text.len()]
}

/// `text` without `a` or `an` before a name, which says what the name is part of (`A Reuters
/// report said`: `Reuters`; `according to a Kremlin readout`: `Kremlin`).
fn without_a_before_a_name(text: &str) -> &str {
    ["A ", "An ", "a ", "an "]
        .iter()
        .find_map(|article| text.strip_prefix(article))
        .filter(|name| name.starts_with(char::is_uppercase))
        .unwrap_or(text)
}

/// Institution or person `text`, a slice of `sentence`, with who holds an office of it
/// before it (`according to the governor of the central bank`, `said the head of the IAEA`,
/// `the former president of Pemex`): a title of [`OFFICE_HOLDERS`], or `head` or `chief`,
/// with `of` after it and a determiner before it, or a possessive, with up to two words
/// between. The title alone names nobody here (see [`named_after`]).
fn with_its_office_holder<'s>(sentence: &'s str, text: &'s str) -> Option<&'s str> {
    let start = offset(sentence, text);
    // Most sources have no `of` before them: nothing else is read.
    let before = sentence[..start].trim_end().strip_suffix(" of")?;
    let mut words = before.split_whitespace().rev();
    if !holds_an_office(words.next()?) {
        return None;
    }
    let from = words
        .take(3)
        .take_while(|word| word.starts_with(char::is_lowercase) || a_determiner(word))
        .find(|word| a_determiner(word))?;
    Some(&sentence[offset(sentence, from)..start + text.len()])
}

/// Whether `title` is one who holds an office of what follows `of` (`head`, `chief`, or one
/// of [`OFFICE_HOLDERS`]).
fn holds_an_office(title: &str) -> bool {
    title.eq_ignore_ascii_case("head")
        || title.eq_ignore_ascii_case("chief")
        || OFFICE_HOLDERS
            .split('|')
            .any(|holder| title.eq_ignore_ascii_case(holder))
}

/// Whether `word` is an article or whose what follows is (`the`, `its`, `Russia's`).
fn a_determiner(word: &str) -> bool {
    possessive(word)
        || one_of(
            word,
            &["the", "a", "an", "its", "their", "his", "her", "our"],
        )
}

/// Whether unnamed people `text` are one who speaks for a body or a firm ([`SPEAKING_FOR`],
/// [`EMPLOYEES`]) named without a determiner (`Bundesbank spokesman`, `company spokesman`).
pub(super) fn speaks_for_without_a_determiner(text: &str) -> bool {
    text.split_whitespace()
        .next_back()
        .is_some_and(|last| one_of(last, SPEAKING_FOR) || one_of(last, EMPLOYEES))
        && !opens_on_a_determiner(text)
}

/// Words unnamed people may open on before whose or what kind they are (`The spokesman`, `one
/// official`, `this economist`).
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "another", "one", "two", "several", "its", "their", "his", "her", "this",
    "that",
];

/// Whether unnamed people `text` open on a determiner ([`DETERMINERS`], in either case, or a
/// possessive), not right on whose or what kind they are (`Bundesbank spokesman`).
fn opens_on_a_determiner(text: &str) -> bool {
    text.split_whitespace().next().is_some_and(|first| {
        possessive(first)
            || DETERMINERS
                .iter()
                .any(|determiner| first.eq_ignore_ascii_case(determiner))
    })
}

/// Whether institution `text` opens on whoever holds an office of it, read in one match (`The
/// head of the IAEA`, `The chief of the IMF`): a person.
fn opens_on_its_office_holder(text: &str) -> bool {
    let mut words = text.split_whitespace();
    matches!(
        (words.next(), words.next(), words.next()),
        (Some(determiner), Some(title), Some("of")) if a_determiner(determiner) && holds_an_office(title)
    )
}

/// The words newspapers are named by that are words first (`Times`, `Post`): a paper only with
/// `the` or more of its name (`The Times`, `the Washington Post`).
#[rustfmt::skip]
const PAPERS_WORDS: &[&str] = &[
    "Times", "Post", "Journal", "Herald", "Gazette", "Tribune", "Telegraph", "Guardian",
    "Observer", "Chronicle", "Courier", "Ledger", "Bulletin", "Daily",
];

/// Whether `name` is one of [`AGENCIES`], as written there.
fn an_agency(name: &str) -> bool {
    AGENCIES.split('|').any(|agency| agency == name)
}

/// Outlet `text`, a slice of `sentence` that opens on what it is (`broadcaster NHK`, `daily
/// Vedomosti`), with the words before it that describe it, which the pattern's few describing
/// words leave out (`Japanese public broadcaster NHK`, `Russian business daily Vedomosti`;
/// reading them in the pattern cost 3% of `dedup --diffs`): up to three plain words and `the`
/// before them (whose it is, `Israel's`, is read by [`with_whose_name`], as for any source);
/// not past a mark, a word that joins or places, a word that opens a clause, a determiner, a
/// day or month, or a cue (`according to public broadcaster NHK`, `said that public
/// broadcaster NHK reported`, `after public broadcaster NHK reported`, `as public broadcaster
/// NHK reported`).
fn with_what_describes_the_outlet<'s>(sentence: &'s str, text: &'s str) -> &'s str {
    let opens_on_its_kind = text.split_whitespace().next().is_some_and(|first| {
        OUTLETS
            .iter()
            .any(|kind| kind.split(' ').next() == Some(first))
    });
    if !opens_on_its_kind {
        return text;
    }
    let start = offset(sentence, text);
    let end = start + text.len();
    let mut from = start;
    for word in sentence[..start].split_whitespace().rev().take(3) {
        let plain = word.chars().all(|c| c.is_alphabetic() || c == '-')
            && !one_of(word, PREPOSITIONS)
            && !one_of(word, DETERMINERS)
            && !one_of(word, SUBORDINATORS)
            && !one_of(word, CLAUSE_JOINERS)
            && !one_of(word, &["as", "if", "than", "whether"])
            && !CALENDAR.contains(&word)
            && !is_cue_word(word);
        if !plain {
            break;
        }
        from = offset(sentence, word);
    }
    if from == start {
        return text;
    }
    if let Some(the) = ["The ", "the "]
        .iter()
        .find(|the| sentence[..from].ends_with(*the))
    {
        from -= the.len();
    }
    &sentence[from..end]
}

/// Agency `text`, a slice of `sentence`, without `the` before an agency's name that what
/// the agency put out or its journalists follow (`The NBC report said`, `The BBC's Moscow
/// correspondent`: `NBC`, `BBC`); `the` that is part of a paper's name stays (`The New York
/// Times reported`).
fn without_the_before_an_agency<'s>(sentence: &'s str, text: &'s str) -> &'s str {
    let Some(name) = text
        .strip_prefix("The ")
        .or_else(|| text.strip_prefix("the "))
    else {
        return text;
    };
    let end = offset(sentence, text) + text.len();
    let put_out = sentence[end..]
        .split_whitespace()
        .next()
        .is_some_and(|word| one_of(without_trailing_marks(word), ISSUED));
    if (put_out || its_journalists(sentence, end).is_some()) && an_agency(name) {
        name
    } else {
        text
    }
}

/// An outlet's journalists and desks, through whom it reports (`a Reuters correspondent`, `the
/// BBC's Moscow bureau chief`, `The Kyodo office in Seoul`): the outlet is the source, as it is
/// of what they file. (Where a preposition places an outlet's office, `at the Reuters office`,
/// the office is read as an institution's, `the Reuters office`, before the outlet is.)
#[rustfmt::skip]
const JOURNALISTS: &[&str] = &[
    "correspondent", "correspondents", "reporter", "reporters", "journalist", "journalists",
    "photographer", "photographers", "photojournalist", "cameraman", "cameramen", "crew",
    "editor", "editors", "editor-in-chief", "columnist", "stringer", "stringers", "producer",
    "presenter", "anchor", "team", "bureau", "desk", "office", "offices",
];

/// Where an outlet's journalists end (see [`JOURNALISTS`]), when they follow the outlet's name
/// ending at byte `end` of `sentence`, in its possessive or not, with up to three words that
/// say which between (`'s Moscow correspondent`, `' chief political correspondent`, ` Moscow
/// bureau chief`, ` News Agency office in Beijing`); what it put out ([`ISSUED`]) after the
/// possessive (`Xinhua's latest report`; `a Reuters report` is read without). `None` where
/// anything else follows: a mark, a word that joins or places (`Reuters, BBC correspondents`,
/// `Reuters and the AFP correspondent`: two outlets) or a cue (`TASS quoted BBC
/// correspondents`).
fn its_journalists(sentence: &str, end: usize) -> Option<usize> {
    let after = &sentence[end..];
    let possessive = ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|mark| after.strip_prefix(mark))
        .filter(|rest| rest.starts_with(char::is_whitespace));
    let mut words = possessive.unwrap_or(after).split_whitespace();
    for _ in 0..4 {
        let word = words.next()?;
        let bare = without_trailing_marks(word);
        let desk = one_of(bare, JOURNALISTS) || (possessive.is_some() && ISSUED.contains(&bare));
        if desk {
            // A bureau's chief is the bureau's (`Moscow bureau chief`).
            let chief = (bare == word)
                .then(|| words.next())
                .flatten()
                .filter(|next| without_trailing_marks(next) == "chief");
            let last = chief.map_or(bare, without_trailing_marks);
            return Some(offset(sentence, last) + last.len());
        }
        let which = word.chars().all(|c| c.is_alphabetic() || c == '-')
            && !one_of(bare, PREPOSITIONS)
            && !is_cue_word(bare);
        if !which {
            return None;
        }
    }
    None
}

/// What an outlet runs in which others speak, which the outlet's name before it describes (`a
/// newspaper interview`); not what it writes itself (`a Pravda editorial said`: Pravda), nor a
/// word that is as often a verb (`figures published by IRNA show`).
const OUTLETS_RUN: &[&str] = &[
    "interview",
    "interviews",
    "advertisement",
    "advertisements",
    "office",
    "offices",
];

/// Whether unnamed people's credit `text` counts them rather than names them (`said the number
/// of workers on layoff will remain unchanged`): what was said, no source. `A number of
/// analysts said` is several analysts speaking.
fn a_statistic(text: &str) -> bool {
    let mut words = text.split_whitespace();
    words
        .next()
        .is_some_and(|the| the.eq_ignore_ascii_case("the"))
        && words
            .next()
            .is_some_and(|what| one_of(what, &["number", "share", "proportion", "percentage"]))
        && words.next() == Some("of")
}

/// The words of `matched`, a range of `sentence`, from where its source starts: past a linking
/// word or a cue (`that the commission`), a time (`Friday the company`), and past what a source
/// puts out (`statement from the Kremlin`), with where that began when it was read past.
fn past_what_starts_a_match(sentence: &str, matched: Range<usize>) -> (&str, Option<usize>) {
    let mut text = sentence[matched].trim();
    let mut issued_from = None;
    while let Some((first, rest)) = text.split_once(char::is_whitespace) {
        if one_of(first, LINKING) || is_cue_word(first) {
            text = rest.trim_start();
        } else if let Some(the) = after_a_time(text) {
            text = the;
        } else if one_of(first, PUT_OUT)
            && let Some(("by", after)) = rest.split_once(char::is_whitespace)
        {
            text = after.trim_start();
        } else if one_of(first, ISSUED)
            && let Some((by, after)) = rest.split_once(char::is_whitespace)
            && matches!(by, "from" | "by" | "of")
        {
            issued_from.get_or_insert(offset(sentence, text));
            text = after.trim_start();
        } else {
            break;
        }
    }
    (text, issued_from)
}

/// What follows a time that opens `text`, up to three words ending on one of [`WHEN`] or
/// [`CALENDAR`], where `the` follows it: when a body spoke, not its name (`Yesterday the company
/// said`, `Last week the company`, `Friday the company`).
fn after_a_time(text: &str) -> Option<&str> {
    let mut words = text.split_whitespace().take(4).peekable();
    while let Some(word) = words.next() {
        if one_of(word, WHEN) || CALENDAR.contains(&word) {
            let the = words.peek().filter(|the| **the == "the")?;
            return Some(&text[offset(text, the)..]);
        }
    }
    None
}

/// A person's name `text`, a slice of `sentence`, without what a title's pattern read before
/// it, and its kind; `None` where it names nobody.
fn named_person<'s>(sentence: &'s str, text: &'s str) -> Option<(&'s str, SourceKind)> {
    // The words a title's pattern read before it are no part of the name after a word that
    // links them to something else (`to visit Japan since President Reagan`, `selling oil at
    // official OPEC prices`).
    let mut text = text;
    if let Some(last) = text
        .split_whitespace()
        .rfind(|w| links_before_a_title(sentence, w))
    {
        let after = offset(text, last) + last.len();
        text = text[after..].trim_start();
    }
    // `official` first is what describes a name, no title (`according to official Yugoslav
    // figures`); a name right after a participle is what it acts on.
    if text.starts_with("official ") || after_a_participle(&sentence[..offset(sentence, text)]) {
        return None;
    }
    // An office holder without a name (`the minister`, `Russia's foreign minister`), unless
    // the office or the name follows.
    if office_holder(text) {
        return (!named_after(&sentence[offset(sentence, text) + text.len()..]))
            .then_some((text, SourceKind::Person));
    }
    // "The Norwegian ..." at a sentence start is not a name; "A and P" is one.
    let first = text.split_whitespace().next().unwrap_or("");
    let rest = text[first.len()..].trim_start();
    let joined = rest.starts_with("and ") || rest.starts_with("& ");
    if !NOT_NAMES.contains(&first) || joined {
        return Some((past_a_date(sentence, text), SourceKind::Person));
    }
    match rest.split_whitespace().count() {
        2.. => Some((past_a_date(sentence, rest), SourceKind::Person)),
        // ... but `The Treasury said`, `The Bundesbank said`: an institution.
        1 if first == "The" && cue_follows(sentence, text) => Some((text, SourceKind::Institution)),
        _ => None,
    }
}

/// Name `text`, a slice of `sentence`, past a date that opens it (`on Monday Xuto said`, `on
/// Wednesday and Citicorp said`, `In January Secretary of State George Shultz told`, `today the
/// Bundesbank's vice-president Helmut Schlesinger said`): a day of the week, `today` or
/// `yesterday`, or a month after a word of [`BEFORE_A_DATE`].
fn past_a_date<'s>(sentence: &'s str, text: &'s str) -> &'s str {
    let Some((first, rest)) = text.split_once(char::is_whitespace) else {
        return text;
    };
    let dated = match CALENDAR.iter().position(|&day| day == first) {
        Some(i) if i < WEEKDAYS => true,
        Some(_) => sentence[..offset(sentence, text)]
            .split_whitespace()
            .next_back()
            .is_some_and(|word| one_of(word, BEFORE_A_DATE)),
        None => one_of(first, &["today", "yesterday", "tonight"]),
    };
    if !dated {
        return text;
    }
    let rest = rest.trim_start();
    rest.strip_prefix("and ").map_or(rest, str::trim_start)
}

/// `text` without a full stop that ends the sentence after it (`said Peskov.`); one inside a
/// name or after an initial (`U.S.`, `Jr.`) is part of it.
fn without_full_stop(text: &str) -> &str {
    match text.strip_suffix('.') {
        Some(stripped)
            if stripped
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|last| last.chars().count() > 2 && !last.contains('.')) =>
        {
            stripped
        }
        _ => text,
    }
}

/// One cue of a sentence, read once for all its sources.
struct SentenceCue<'s> {
    /// Where the cue stands and its words.
    at: regex::Match<'s>,
    kind: Cue,
    /// Whether it is a passive with `by` (see [`by_whom`]).
    by: Option<bool>,
}

/// What [`find`] reads of a sentence's cues once, for all its sources.
struct Cues<'s> {
    sentence: &'s str,
    words: Words<'s>,
    cues: Vec<SentenceCue<'s>>,
    /// The clause each `citing` or `according to` cue opens, up to the next comma, as byte
    /// offsets: its sources are what that cue credits, never who spoke a later cue (`Interfax,
    /// citing a source in the government, said`: the government said nothing), and its words
    /// do not part a speaker from a later cue.
    clauses: Vec<(usize, usize)>,
}

impl<'s> Cues<'s> {
    /// The cues of `sentence`, `None` where it has none. A capitalized cue inside a sentence is
    /// part of a name (`the United States`, `Edward Said`); at its start it is a cue (`Citing
    /// the ministry, ...`). A cue after an article or a possessive describes a noun (`the
    /// previously reported placement`, `its announced plan`); `reports` may be one
    /// ([`plural_noun`]), and a `say` may say nothing ([`left_unsaid`]).
    fn of(sentence: &'s str) -> Option<Self> {
        let cues: Vec<SentenceCue> = CUE
            .find_iter(sentence)
            .filter(|c| {
                (!c.as_str().starts_with(char::is_uppercase)
                    || !sentence[..c.start()].chars().any(char::is_alphanumeric))
                    && !describes_a_noun(&sentence[..c.start()])
                    && !plural_noun(c.as_str(), &sentence[..c.start()])
                    && !left_unsaid(c.as_str(), &sentence[..c.start()])
                    && !kept_informed(c.as_str(), &sentence[..c.start()])
                    && !added_an_amount(c.as_str(), &sentence[..c.start()], &sentence[c.end()..])
            })
            .map(|at| SentenceCue {
                at,
                kind: cue_kind(at.as_str()),
                by: by_whom(sentence, &at),
            })
            .collect();
        if cues.is_empty() {
            return None;
        }
        let clauses = cues
            .iter()
            .filter(|cue| matches!(cue.kind, Cue::Citing | Cue::AccordingTo))
            .map(|SentenceCue { at: c, .. }| {
                let end = sentence[c.end()..]
                    .find(',')
                    .map_or(sentence.len(), |i| c.end() + i);
                (c.start(), end)
            })
            .collect();
        Some(Cues {
            sentence,
            words: Words::of(sentence),
            cues,
            clauses,
        })
    }

    /// The cue that credits `source`: of those that may ([`Cues::credits`]), a passive `by`
    /// first, the most specific (`Lavrov, quoted by RIA Novosti, said`: RIA Novosti quoted),
    /// then the nearest.
    fn crediting(&self, source: &Source) -> Option<&SentenceCue<'s>> {
        self.cues
            .iter()
            .filter(|cue| self.credits(cue, source))
            .min_by_key(|SentenceCue { at: c, by, .. }| {
                let distance = if source.start >= c.end() {
                    source.start - c.end()
                } else {
                    c.start() - source.end
                };
                (by.is_none(), distance)
            })
    }

    /// Whether `cue` may credit `source`.
    fn credits(&self, cue: &SentenceCue, source: &Source) -> bool {
        let (sentence, start, end) = (self.sentence, source.start, source.end);
        let SentenceCue { at: c, kind: k, by } = *cue;
        if c.start() < end && start < c.end() {
            return false; // a cue inside the source is none of its cues
        }
        let after_cue = start >= c.end();
        let Some(gap) = self.gap(cue, source) else {
            return false;
        };
        match k {
            // "X was quoted (by Y) as saying": the passive credits what comes before, unless
            // denied ("X was not quoted as saying whether").
            Cue::Citing
                if !after_cue
                    && is_passive_link(&sentence[end..c.start()])
                    && !negated(&sentence[end..c.start()])
                    && one_of(c.as_str(), &["quoted", "cited"]) =>
            {
                true
            }
            // Else a verb in the passive with `by` credits only who follows (`confirmed by the
            // ministry`, `quoted by RIA Novosti`, `carried by TASS`).
            _ if by.is_some() => after_cue && gap == 0,
            _ if source.surname => match k {
                Cue::Said | Cue::Reported if after_cue => {
                    let between = past_the_listeners(c.as_str(), &sentence[c.end()..start]);
                    (gap == 0 || only_a_role(between))
                        && inverted(sentence, c.start())
                        && !source.what_was_said
                }
                Cue::Said | Cue::Reported => self.surname_speaks(source, &c, gap),
                // `according to Peskov`, `citing Peskov`, `quoted Peskov as saying`: right
                // after the cue, no noun after it (`citing Japan trade figures`).
                Cue::AccordingTo | Cue::Citing => {
                    after_cue && gap == 0 && !source.a_modifier && !source.what_was_said
                }
                _ => false,
            },
            // "TASS quoted the minister as saying": the medium right before `quoted`.
            Cue::Citing
                if !after_cue
                    && gap == 0
                    && one_of(c.as_str(), &["quoted", "cited", "quotes", "cites"]) =>
            {
                true
            }
            // "according to X" and "citing X" credit what follows.
            Cue::AccordingTo | Cue::Citing => after_cue && gap <= 2 && !source.a_modifier,
            // "said X" only right after the cue, and only where the cue has no subject before it.
            // (`The` before a name that ends the clause is no word between: `, said the
            // Brookings Institution.`; not `warned the U.S. Not to intervene`; nor the role
            // the name is named after: `, said lead manager Salomon Brothers Inc`, `, said
            // analyst John Smith`.)
            _ if after_cue => {
                let the_name = sentence[c.end()..start].trim().eq_ignore_ascii_case("the")
                    && sentence[end..]
                        .trim_start()
                        .chars()
                        .next()
                        .is_none_or(|c| matches!(c, '.' | ',' | ';' | ':'));
                let between = past_the_listeners(c.as_str(), &sentence[c.end()..start]);
                (gap == 0 || the_name || only_a_role(between))
                    && inverted(sentence, c.start())
                    && !source.what_was_said
            }
            _ => self.speaks(source, &c, gap),
        }
    }

    /// The words between `source` and `cue`: after a passive's cue its `by` not counted, before
    /// a cue the clauses of `citing` or `according to` between not counted; `None` where the
    /// source stands in such a clause that closes before the cue.
    fn gap(&self, cue: &SentenceCue, source: &Source) -> Option<usize> {
        let (start, end) = (source.start, source.end);
        let SentenceCue { at: c, kind: k, by } = *cue;
        if start >= c.end() {
            // After `according to` or `citing`, what the source put out counts as the source
            // (`according to a statement from the Kremlin`).
            let credited_from = match k {
                Cue::AccordingTo | Cue::Citing => source.issued_from.unwrap_or(start),
                _ => start,
            };
            return Some(
                self.words.between(c.end(), credited_from.max(c.end()))
                    - usize::from(by == Some(true)),
            );
        }
        if self
            .clauses
            .iter()
            .any(|&(from, to)| from < start && start < to && to <= c.start())
        {
            return None;
        }
        let aside: usize = self
            .clauses
            .iter()
            .filter(|&&(from, to)| end <= from && to <= c.start())
            .map(|&(from, to)| self.words.between(from, to))
            .sum();
        // Clauses may overlap (`citing, according to X,`): never below nothing.
        Some(self.words.between(end, c.start()).saturating_sub(aside))
    }

    /// Whether surname `source`, `gap` words before cue `c` (`said` or `reported`), is who
    /// spoke it: right beside it, or with only when or how between (`Ongpin has said`), not
    /// after a preposition; or across an aside (see [`surname_across_an_aside`]).
    fn surname_speaks(&self, source: &Source, c: &regex::Match, gap: usize) -> bool {
        let before = &self.sentence[..source.start];
        let between = &self.sentence[source.end..c.start()];
        ((gap == 0 || only_how(between))
            && (!after_a_preposition(before) || published_in(before).is_some()))
            || surname_across_an_aside(source.text, before, between, gap)
    }

    /// Whether `source`, no surname, `gap` words before cue `c`, is who spoke it: within
    /// [`NEAR`] words, an aside's commas not counted, or across one whole aside; not where the
    /// cue's speaker is a pronoun after it (`X, which it says`), the cue is a passive (`Terms of
    /// the deal were not disclosed`), or the source stands in a clause of its own (`approved by
    /// the commission, Pacific Gas said`) or is the object of a relative clause; nor where a
    /// name is [`placed`] by a preposition (`traders in New York said`) or stands
    /// [`in_brackets`].
    fn speaks(&self, source: &Source, c: &regex::Match, gap: usize) -> bool {
        let before = &self.sentence[..source.start];
        let between = &self.sentence[source.end..c.start()];
        if ((source.kind == SourceKind::Person || source.a_place) && placed(before))
            || (source.kind != SourceKind::Agency && in_brackets(between))
            || the_agent_of_a_participle(before)
        {
            return false;
        }
        let words = if is_aside(between) {
            gap.saturating_sub(lone_marks(between))
        } else {
            gap
        };
        (words <= NEAR || across_an_aside(before, between, words))
            && !spoken_by_pronoun(between)
            && !is_passive_link(between)
            && !clause_apart(before, between)
            && !object_of_a_relative(before, between)
            && !a_clause_of_its_own(between)
            && !a_participle_of_its_object(between)
    }
}

/// Whether `between` a source and a cue after it holds the source's own verb and a noun the cue
/// describes as a participle (`Analysts welcomed the plan announced on Friday`, `Many
/// businessmen are unhappy with Sarney's decision announced`): a first word that is the
/// source's verb (a form of `be`, not an auxiliary of the cue, `The banks have in the past
/// said`; or `-ed` with its object right after, not a participle describing the source,
/// `Analysts polled by Reuters said`), and a noun opened by a determiner or a possessive
/// before the cue.
fn a_participle_of_its_object(between: &str) -> bool {
    let opens_a_noun = |word: &str| {
        possessive(word) || one_of(word, DETERMINERS) || one_of(word, &["these", "those"])
    };
    let mut words = between.split_whitespace();
    let a_verb = match (words.next(), words.next()) {
        (Some(first), Some(second)) => {
            one_of(first, &["is", "are", "was", "were"])
                || (first.ends_with("ed") && opens_a_noun(second))
        }
        _ => false,
    };
    // The last determiner, with a noun after it.
    a_verb
        && between
            .split_whitespace()
            .rev()
            .position(opens_a_noun)
            .is_some_and(|words_after| words_after > 0)
}

/// Whether a source after `before` is who acts in a participle describing the speaker, not the
/// speaker (`Analysts polled by Reuters said`, `deposits will be assumed by DeMotte State Bank in
/// DeMotte, Ind, the FDIC said`): after `by` and a word in `-ed` (a cue's `by` credits by its own
/// rule, `quoted by TASS`) that does not say the source put out what speaks (`a statement issued by
/// the Kremlin said`: the Kremlin's), nor leads who speaks (`A group led by Shamrock Associates
/// said`: a group is its leader's voice).
fn the_agent_of_a_participle(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    words.next().is_some_and(|by| by == "by")
        && words.next().is_some_and(|participle| {
            participle.ends_with("ed")
                && !one_of(participle, PUT_OUT)
                && !one_of(participle, &["led", "headed"])
        })
}

/// Conjunctions that open a clause of time, cause or concession.
const SUBORDINATORS: &[&str] = &[
    "after", "before", "when", "while", "because", "since", "until", "although", "though",
    "unless", "whereas",
];

/// Whether `between` a source and a cue after it opens a clause of its own (`Analysts began
/// selling after the company said`): the cue is that clause's, not the source's; an aside set
/// off by commas is not (`Peskov, speaking after the talks, said`).
fn a_clause_of_its_own(between: &str) -> bool {
    !is_aside(between)
        && between
            .split_whitespace()
            .any(|word| one_of(word, SUBORDINATORS))
}

/// An institution read from inside a phrase starts after the phrase's preposition: `analyst
/// with Hutton Group Inc` is `Hutton Group Inc`, `bid by Dixons Group Plc` is `Dixons Group
/// Plc`. Only small words before the name's first capital are looked at, and `of` is left
/// (`head of the department`; `the Bank of England`). An article after other small words starts
/// the name anew, as a comma left out would (`In a statement the agency said`: `the agency`).
fn after_preposition(text: &str) -> &str {
    let mut from = 0;
    for (i, word) in text.split_whitespace().map(|w| (offset(text, w), w)) {
        if word.starts_with(char::is_uppercase) {
            break;
        }
        if matches!(
            word,
            "with" | "by" | "at" | "for" | "from" | "in" | "on" | "to" | "after"
        ) {
            from = i + word.len();
        } else if matches!(word, "the" | "a" | "an") {
            from = i;
        }
    }
    text[from..].trim_start()
}

/// Unnamed people read from inside a relative clause start after its pronoun: the words the
/// pattern allows between an article and the people (`a senior official`) may be a noun and
/// the pronoun (`a factor which brokers say`, `a move which officials said`: `brokers`,
/// `officials`).
fn after_a_relative(text: &str) -> &str {
    match text
        .split_whitespace()
        .rfind(|w| matches!(*w, "which" | "that" | "who" | "whom"))
    {
        Some(pronoun) => text[offset(text, pronoun) + pronoun.len()..].trim_start(),
        None => text,
    }
}

/// Unnamed people read from inside the phrase before them start at their own article (`the
/// Soviet Union a spokesman said`: `a spokesman`), a run-on the words the pattern allows between
/// an article and the people may read: an article past the first word, not after `of` (`one of
/// the investors`), in a match that ends on the people (not on what people familiar with a
/// matter know, `sources close to the Fed`).
fn from_the_last_article(text: &str) -> &str {
    let words: Vec<&str> = text.split_whitespace().collect();
    let ends_on_people = words
        .last()
        .is_some_and(|last| last.starts_with("spokes") || names_unnamed_people(last));
    let article = (1..words.len())
        .rev()
        .find(|&i| matches!(words[i], "a" | "an" | "the") && words[i - 1] != "of");
    match article {
        Some(i) if ends_on_people => &text[offset(text, words[i])..],
        _ => text,
    }
}

/// Unnamed people read over a conjunction start after it (`opposes the merger and analysts
/// say`: `analysts`; `no figure for KWU's share but company sources said`: `company sources`),
/// unless it joins people (`Several traders and analysts`) or a name's words (`a Cable and
/// Wireless spokesman`).
fn after_a_conjunction(text: &str) -> &str {
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(i) = words
        .iter()
        .rposition(|w| matches!(*w, "and" | "but" | "or"))
    else {
        return text;
    };
    let before = i.checked_sub(1).and_then(|j| words.get(j));
    let after = words.get(i + 1);
    let people = before.is_some_and(|w| names_unnamed_people(w));
    let capital = |w: Option<&&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase));
    if people || (capital(before) && capital(after)) {
        return text;
    }
    after.map_or(text, |w| &text[offset(text, w)..])
}

/// Whether a source before `between` ends inside brackets that close right after it: an aside
/// to what is outside them (`A high commission (embassy) statement said`, `The company (a unit
/// of Hanson Trust) said`), no speaker of a cue after them. Not asked of an agency: in a
/// dateline the normalizer did not cut (`WASHINGTON, March 8 (Reuters) Humana Inc said`, its
/// dash left out) it is the one credit a copy keeps of it (read as moved into the text).
fn in_brackets(between: &str) -> bool {
    between.trim_start().starts_with(')')
}

/// Subject pronouns: one right before a cue is who spoke it.
const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "you"];

/// Whether the words between a source and the cue after it end on a subject pronoun (`Harcourt
/// Brace Jovanovich Inc, which it says`), the cue's own speaker.
fn spoken_by_pronoun(between: &str) -> bool {
    between
        .split_whitespace()
        .next_back()
        .is_some_and(|w| one_of(w, PRONOUNS))
}

/// Whether a source, with `before` and `between` it and the cue after it, stands in a clause or
/// an aside of its own: one comma between, not two (`rates approved by the commission, Pacific
/// Gas and Electric said`; `Edward White, analyst with Hutton Group Inc, said`: not the company),
/// where two commas set an aside between the speaker and the cue. A source set off by commas
/// right before the cue names the speaker (`the party's leader, Khaleda Zia, told`). A comma
/// in brackets is the brackets' (`Kuwait News Agency (KUNA, the state agency) said`).
fn clause_apart(before: &str, between: &str) -> bool {
    commas_outside_brackets(between) == 1
        && !(without_how(between).trim() == "," && before.trim_end().ends_with(','))
        && !opens_a_role(between)
}

/// How many commas `text` holds outside round brackets.
fn commas_outside_brackets(text: &str) -> usize {
    let mut depth = 0usize;
    text.chars()
        .filter(|&c| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
            c == ',' && depth == 0
        })
        .count()
}

/// Whether a source after `before`, `between` it and its cue, is the object in a relative
/// clause that closes before the cue (`diet sodas, most of which use Nutrasweet, ...`,
/// `Industrial Equity, which is owned by Brierley Investments Ltd, ...`): its phrase holds
/// `which`, `who` or `whose` with words between it and the source, and `between` a comma. Such a
/// source speaks no cue past the clause; one right after the pronoun is the clause's subject
/// (`the plan, which Reuters, citing bankers, reported`), and the clause's own cue credits its
/// sources (`the shares, which most Tokyo analysts said were cheap`).
fn object_of_a_relative(before: &str, between: &str) -> bool {
    if !between.contains(',') {
        return false;
    }
    let phrase = before.rsplit(',').next().unwrap_or(before);
    let mut words = phrase.split_whitespace().rev();
    words.next().is_some() && words.any(|w| one_of(w, &["which", "who", "whose"]))
}

/// Whether `between` opens with a comma and a role (`, director of research at Medizone `): an
/// aside that says who the speaker is, its closing comma missing, not a clause of its own.
fn opens_a_role(between: &str) -> bool {
    between
        .trim_start()
        .strip_prefix(',')
        .and_then(|aside| aside.split_whitespace().next())
        .is_some_and(|word| ROLES.contains(&word))
}

/// What a speaker is, in an aside after the name (singular: `, analysts said` is another
/// source).
#[rustfmt::skip]
const ROLES: &[&str] = &[
    "director", "chairman", "president", "vice", "analyst", "economist", "spokesman",
    "spokeswoman", "head", "chief", "manager", "secretary", "minister", "governor", "executive",
    "official", "partner", "founder", "editor", "professor", "lawyer", "representative",
    "premier", "officer", "undersecretary",
];

/// Whether `word` names a role of [`ROLES`], whatever its case and what a hyphen adds
/// (`President`, `Secretary-General`, `Vice-Chairman`).
fn a_role(word: &str) -> bool {
    word.split('-')
        .any(|part| ROLES.iter().any(|role| part.eq_ignore_ascii_case(role)))
}

/// Whether the words between a source and its cue are an aside: set off by commas on both
/// sides and opening on a small letter, a possessive or a role (`, speaking from Washington, `,
/// `, a U.S. lawyer, `, `, Norway's largest oil company, `, `, President of the West German
/// Federation of Banks, `), not the rest of a list of names (`Milbank, Tweed, Hadley and
/// McCloy, noted`).
fn is_aside(between: &str) -> bool {
    let between = between.trim();
    let opens_small = |aside: &str| {
        let first = aside.split_whitespace().next().unwrap_or("");
        first.starts_with(char::is_lowercase)
            || possessive(first)
            || a_role(first)
            || a_title(aside)
            || an_age(aside)
    };
    between.len() > 2
        && between.ends_with(',')
        && between.strip_prefix(',').is_some_and(opens_small)
}

/// Whether `aside`, what follows a comma up to the next, is a number alone: a person's age
/// (`Smith, 45, said`).
fn an_age(aside: &str) -> bool {
    let age = aside.trim().trim_end_matches(',');
    !age.is_empty() && age.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `text` opens on a title with no name after it (`Premier of China`, `Vice Chairman
/// of the Council`, `Bond Corp's Executive Director for Finance`, `Acme Corp's chairman`): its
/// capitalized words, after whose it is, all a role's ([`a_role`]), if any; not a titled name
/// (`Chairman John Smith`).
fn a_title(text: &str) -> bool {
    // How many roles follow the last possessive, `None` once a word that is none follows it.
    let (mut roles, mut whose) = (Some(0), false);
    for word in text
        .split_whitespace()
        .take_while(|w| w.starts_with(char::is_uppercase))
    {
        roles = if possessive(word) {
            whose = true;
            Some(0)
        } else {
            roles.filter(|_| a_role(word)).map(|n| n + 1)
        };
    }
    roles.is_some_and(|n| n > 0 || whose)
}

/// Whether `source`, no name, with `before` and `after` it, is a description set off by commas
/// and closed right before the cue: it says who the speaker before it is, it is not a second
/// source (`Bruce Wilkinson, president of the company, said`; `Hall and Co, an insurance and
/// brokerage firm, said`; `Citibank, the largest U.S. bank, said`; `the company, a unit of the
/// group, said`; `Den Norske Creditbank, Norway's biggest bank, said`; `the Cupertino,
/// Calif.-based firm, stated`; `John Smith, Deutsche Bank chief economist, said`). A name so set
/// off is the speaker (`Iran's news agency, IRNA, said`).
fn describes_the_speaker(before: &str, source: &str, kind: SourceKind, after: &str) -> bool {
    let first = source.split_whitespace().next().unwrap_or("");
    let description = first.starts_with(char::is_lowercase)
        || possessive(first)
        || first.contains("-based")
        || a_title(source)
        || (kind == SourceKind::Anonymous && !opens_on_a_determiner(source));
    description
        && before.trim_end().ends_with(',')
        && after
            .trim_start()
            .strip_prefix(',')
            .and_then(|rest| rest.split_whitespace().find(|word| !only_how(word)))
            .is_some_and(|word| is_cue_word(without_trailing_marks(word)))
}

/// Whether what follows a source (`after`) names it in an aside, a full name alone between
/// commas (`its spokesman, Dmitry Peskov, said`; `The head of the IAEA, Rafael Grossi, said`):
/// the name is the speaker, the source before it only says who that is. A word alone there is
/// initials (`the American Soybean Association, ASA, said`) or a surname, which credits only
/// right beside its cue (`the analyst, Crandall, said`): the source before it speaks; unless it
/// is an agency's name (`Iran's national news agency, IRNA, told`), which is the credit.
fn named_in_an_aside(after: &str) -> bool {
    let Some((aside, _)) = after
        .trim_start()
        .strip_prefix(',')
        .and_then(|rest| rest.split_once(','))
    else {
        return false;
    };
    let words: Vec<&str> = aside.split_whitespace().collect();
    let capitalized = |word: Option<&&str>| word.is_some_and(|w| w.starts_with(char::is_uppercase));
    ((2..=5).contains(&words.len()) && capitalized(words.first()) && capitalized(words.last()))
        || an_agency(aside.trim())
}

/// Whether a name after `before` stands alone: at the start of a sentence or a phrase (`In
/// Venice, Shultz, ...`), not after a preposition, an article or `and` (`reports in Canada`,
/// `analyst at Mabon`, `the Cupertino`, `Finance and Industry`) nor at the end of a longer
/// capitalized name (`Quan Doi Nhan Dan`).
fn stands_alone(before: &str) -> bool {
    let Some(word) = before.split_whitespace().next_back() else {
        return true;
    };
    word.ends_with([',', ';', ':', '"', '“', '”'])
        || (!word.starts_with(char::is_uppercase) && !PREPOSITIONS.contains(&word))
}

/// Whether the word before a name, or before its article, is a preposition of [`PREPOSITIONS`]
/// that places it (not `and`, `by` or `for`): a surname right before its cue is then where the
/// speaker is (`officials in the rest of Europe told`, `a ministry spokesman in Bonn said`), not
/// who. After `by` or `for` it is whose words they are (`a statement by Williams said`, `a
/// spokesman for Abbott said`), credited as an institution's would be (and with the unnamed
/// people before it, one credit: see [`whose_people`]).
fn after_a_preposition(before: &str) -> bool {
    placing_preposition(before).is_some()
}

/// The preposition of [`after_a_preposition`] before a name, or before its article.
fn placing_preposition(before: &str) -> Option<&str> {
    let mut words = before.split_whitespace().rev();
    // An article between is looked past (`officials in the Netherlands said`).
    let word = match words.next() {
        Some("the" | "a" | "an") => words.next(),
        word => word,
    };
    word.filter(|word| {
        PREPOSITIONS.contains(word) && !matches!(*word, "the" | "a" | "an" | "and" | "by" | "for")
    })
}

/// Whether a person's name of more than one word after `before` is where or with whom
/// something is, the object of a preposition that places it (`traders in New York said`, `a
/// source at General Partners said`, `An aide to Rep. Charles Schumer, the sponsor,
/// said`, `talks with Brazilian Finance Minister Dilson Funaro said`): no speaker. After `of`
/// it is whose words they are (`chairman of Union Camp said`, as after `for` and `by`), or part
/// of a title (`Chancellor of the Exchequer Nigel Lawson said`). An institution so placed is
/// whose people spoke (`Sources at the construction ministry said`), credited with them as one
/// ([`whose_people`]).
fn placed(before: &str) -> bool {
    placing_preposition(before).is_some_and(|word| word != "of") && published_in(before).is_none()
}

/// What a paper or broadcaster publishes, before the outlet's name, besides what any source
/// puts out ([`ISSUED`], `a report in`): `an interview with`, `an article by`.
const PUBLISHED: &[&str] = &[
    "article",
    "story",
    "editorial",
    "commentary",
    "column",
    "interview",
    "broadcast",
];

/// Where a publication's mention starts, when `before` ends with one (`according to a report
/// in` the Financial Times, `An article in` Pravda said, `an interview with` the newspaper, `a
/// statement issued by` the Kremlin): the outlet after it is the source, not a place, and after
/// `according to` the mention counts as the source, as what a source put out does
/// ([`Source::issued_from`]). A word may describe the publication (`a front-page report in`).
fn published_in(before: &str) -> Option<usize> {
    let mut words = before.split_whitespace().rev().peekable();
    let preposition = words
        .next()
        .filter(|word| matches!(*word, "in" | "with" | "by" | "on" | "from"))?;
    // `a statement issued by`: what was put out stands before its participle.
    if preposition == "by" {
        words.next_if(|word| one_of(word, PUT_OUT));
    }
    let mut start = None;
    for (i, word) in words.take(3).enumerate() {
        if i == 0 && !one_of(word, PUBLISHED) && !one_of(word, ISSUED) {
            return None;
        }
        if i > 0 && !word.starts_with(char::is_lowercase) && !one_of(word, &["A", "An", "The"]) {
            break;
        }
        start = Some(offset(before, word));
        if one_of(word, &["a", "an", "the", "its", "his", "her", "their"]) {
            break;
        }
    }
    start
}

/// Whether the word before a name is a participle that takes it as its object (`lawyers
/// representing Ward have said`, `a group including Lazard Freres said`): the speaker is who the
/// participle describes. Participles that describe a name rather than act on it (`ruling`,
/// `leading`, `left-wing`) are not among them.
fn after_a_participle(before: &str) -> bool {
    before.split_whitespace().next_back().is_some_and(|word| {
        matches!(
            word,
            "representing"
                | "including"
                | "involving"
                | "owning"
                | "advising"
                | "backing"
                | "supporting"
                | "excluding"
        )
    })
}

/// Words after a name that do not make it describe them (see [`Source::a_modifier`]): what
/// links a clause or a phrase to it.
#[rustfmt::skip]
const NOT_NOUNS: &[&str] = &[
    "as", "that", "which", "who", "whose", "and", "or", "but", "of", "in", "at", "on", "for",
    "from", "to", "with", "by", "about", "after", "before", "when", "while", "saying",
    "telling", "adding",
];

/// Whether the words between a surname and its cue only say when or how it spoke (`Ongpin has
/// said`, `Roderick also said`, `Lawson had earlier told`, `Camargo pointedly said`, `Texaco
/// today said`, `Smith on Monday said`), so that the surname is the cue's subject as right
/// beside it.
fn only_how(between: &str) -> bool {
    between.split_whitespace().all(|word| {
        matches!(
            word,
            "has" | "had" | "have" | "also" | "earlier" | "previously" | "already" | "again"
        ) || an_adverb(word)
            || a_days_word(word)
    })
}

/// Whether `word` says when something was said, or is one of the words that do so (`today`,
/// `yesterday`; `on Monday`, `last week`, `this morning`).
fn a_days_word(word: &str) -> bool {
    matches!(
        word,
        "today"
            | "yesterday"
            | "tonight"
            | "on"
            | "last"
            | "this"
            | "week"
            | "weekend"
            | "month"
            | "year"
            | "night"
            | "morning"
            | "afternoon"
            | "evening"
    ) || CALENDAR[..WEEKDAYS].contains(&word)
}

/// `between` up to an aside's closing comma when all that follows it says when or how the
/// speaker spoke (`Saga Petroleum, Norway's largest private oil company, has also said`).
fn without_how(between: &str) -> &str {
    match between.rfind(',') {
        Some(i) if only_how(&between[i + 1..]) => &between[..=i],
        _ => between,
    }
}

/// `word` without the punctuation after it (`said.` -> `said`, `reports,` -> `reports`).
fn without_trailing_marks(word: &str) -> &str {
    word.trim_end_matches(|c: char| !c.is_alphanumeric())
}

/// Small words that end what comes before a titled person's name (see [`named_person`]):
/// prepositions that place or join it to something else, and conjunctions of time.
#[rustfmt::skip]
const LINKS_BEFORE_A_TITLE: &[&str] = &[
    "in", "at", "for", "from", "by", "to", "with", "on", "near", "about", "since", "after",
    "before", "when", "while", "until",
];

/// Whether `word`, a slice of `sentence`, is one of [`LINKS_BEFORE_A_TITLE`] there: not the
/// `for` before an office a title holds (`Minister of State for Foreign Affairs`), which is
/// part of the title, nor one inside a name, between capitalized words (`the Syrian
/// Observatory for Human Rights`, `the Centers for Disease Control`).
fn links_before_a_title(sentence: &str, word: &str) -> bool {
    let at = offset(sentence, word);
    let after = &sentence[at + word.len()..];
    let in_a_name = || {
        let capitalized = |w: Option<&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase));
        let mut next = after.split_whitespace();
        let next = match next.next() {
            Some("the") => next.next(),
            word => word,
        };
        capitalized(sentence[..at].split_whitespace().next_back()) && capitalized(next)
    };
    LINKS_BEFORE_A_TITLE.contains(&word)
        && !(word == "for" && (names_a_portfolio(after) || in_a_name()))
}

/// Verbs that, right after a source, make it the subject of a clause of its own.
#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "will", "would", "had", "has", "have", "was", "were", "is", "are", "should", "could", "can",
    "may", "might", "must", "shall", "did", "does", "do",
];

/// The cues a source follows after what was said (`..., said Ron Burgess`), where a name before
/// the comma is no subject of theirs.
const INVERTED_CUES: &[&str] = &[
    "said", "says", "added", "adds", "reported", "reports", "wrote", "writes", "asked",
];

/// Prepositions, articles and `and`, which a name may follow without being the subject alone.
const PREPOSITIONS: &[&str] = &[
    "the", "a", "an", "of", "in", "at", "for", "from", "by", "to", "with", "on", "near", "about",
    "and",
];

/// What stands `between` cue `cue` and a source after it past whom a `told` was told, where
/// that is the press: `"...," told reporters Martin Wolf`, `told reporters analyst Jeff Carney`
/// (wire copy's inversion of `Martin Wolf told reporters`).
fn past_the_listeners<'a>(cue: &str, between: &'a str) -> &'a str {
    let rest = between.trim_start();
    let listeners = rest.split_whitespace().next().unwrap_or_default();
    if one_of(cue, &["told", "tells"]) && one_of(listeners, &["reporters", "journalists"]) {
        &rest[listeners.len()..]
    } else {
        between
    }
}

/// Whether the cue starting at byte `at` has no subject before it, so that a source may follow
/// it: it opens the sentence or follows what was said (`"...," said Shultz`; `..., said a
/// spokesman`). After a subject, what follows `said` is what was said (`The official said
/// Ecuador could resume exports`).
fn inverted(sentence: &str, at: usize) -> bool {
    let before = sentence[..at].trim_end();
    before.is_empty()
        || before.ends_with([
            ',', ':', ';', '"', '\'', '“', '”', '‘', '’', '«', '»', '—', '–', '-', '(', '.', '!',
            '?',
        ])
}

/// Whether cue `c` is a verb in the passive with `by`: `Some(true)` when the `by` follows the
/// cue's text (`confirmed by`), `Some(false)` when the cue holds it (`carried by`), `None` when
/// it is no such verb.
fn by_whom(sentence: &str, c: &regex::Match) -> Option<bool> {
    let cue = c.as_str().to_lowercase();
    if cue.ends_with(" by") || cue.ends_with("\tby") || cue.ends_with("\nby") {
        return Some(false);
    }
    let passive = [
        "quoted",
        "cited",
        "reported",
        "announced",
        "confirmed",
        "stated",
    ];
    let by_follows = sentence[c.end()..]
        .split_whitespace()
        .next()
        .is_some_and(|w| w == "by");
    (passive.contains(&cue.as_str()) && by_follows).then_some(true)
}

/// Whether the word after `text`, a slice of `sentence`, is a cue, or the word after one whole
/// aside there (`The Bundesbank, in its monthly report, said`).
fn cue_follows(sentence: &str, text: &str) -> bool {
    let end = offset(sentence, text) + text.len();
    let mut after = &sentence[end..];
    if let Some(aside) = after.strip_prefix(',')
        && let Some(close) = aside.find(',')
        && is_aside(&after[..close + 2])
    {
        after = &aside[close + 1..];
    }
    after
        .split_whitespace()
        .next()
        .is_some_and(|next| is_cue_word(without_trailing_marks(next)))
}

/// Whether the word in the possessive at bytes `from..end` of `sentence` (its `'s` in it or
/// right after) is a name of its own, a firm's (`Moody's said`, `Standard and Poor's told
/// reporters`, `according to Lloyd's.`): nothing it owns follows, a verb that only says or the
/// clause's end does, or a verb that may describe a noun too before what a clause opens on
/// (`Moody's stated it`, `Moody's noted that`; not `Japan's reported plan`); not a pronoun's
/// contraction (`It's said`).
fn named_in_the_possessive(sentence: &str, from: usize, end: usize) -> bool {
    let word = &sentence[from..end];
    let owner = ["'s", "’s"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .or_else(|| before_its_possessive(sentence, end).then_some(word));
    if owner.is_none_or(|owner| PRONOUNS.iter().any(|p| owner.eq_ignore_ascii_case(p))) {
        return false;
    }
    let after = &sentence[end..];
    let after = ["'s", "’s"]
        .iter()
        .find_map(|s| after.strip_prefix(s))
        .unwrap_or(after)
        .trim_start();
    let mut words = after.split_whitespace().map(without_trailing_marks);
    let says = match words.next() {
        Some(verb) if one_of(verb, ONLY_SAYING) => true,
        Some(verb) if is_cue_word(verb) => words.next().is_some_and(|next| {
            one_of(next, CLAUSE_OPENERS) || next.starts_with(|c: char| c.is_uppercase())
        }),
        _ => false,
    };
    after.is_empty() || after.starts_with([',', '.', ';', ':', ')']) || says
}

/// Cues that are verbs only, never a participle describing a noun (as `reported`, `announced`,
/// `stated` are).
const ONLY_SAYING: &[&str] = &["said", "says", "told", "tells", "added", "adds"];

/// Words a clause opens on after a verb that says (`stated it`, `noted that`), not a noun a
/// participle describes.
#[rustfmt::skip]
const CLAUSE_OPENERS: &[&str] = &[
    "that", "it", "its", "the", "a", "an", "he", "she", "they", "there", "this", "on", "in",
];

/// Whether `sentence` has a possessive's `'s` at byte `end`, where a pattern's word boundary
/// stopped a match before it (`the president` in `the president's office`).
fn before_its_possessive(sentence: &str, end: usize) -> bool {
    ["'s", "’s"].iter().any(|s| sentence[end..].starts_with(s))
}

/// Whether `word` ends in a possessive's apostrophe, a plural's too (`Japan's`, `the United
/// Nations'`, `the Philippines’`).
fn possessive(word: &str) -> bool {
    ["'s", "’s", "s'", "s’"]
        .iter()
        .any(|ending| word.ends_with(ending))
}

/// Whether a cue after `before` is an adjective: right after an article or a possessive, or
/// after one and an adverb (`the reported bid`, `its previously announced plan`, `a widely
/// quoted remark`).
fn describes_a_noun(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let determiner = |w: &str| one_of(w, &["the", "a", "an", "its", "their", "his", "her", "our"]);
    match words.next() {
        Some(w) if determiner(w) => true,
        Some(w) if an_adverb(w) => words.next().is_some_and(determiner),
        _ => false,
    }
}

/// Whether `word` is an adverb by its spelling, a small word ending in `ly` (`previously`,
/// `pointedly`) that is none of [`NOUNS_IN_LY`].
fn an_adverb(word: &str) -> bool {
    word.ends_with("ly") && word.starts_with(char::is_lowercase) && !one_of(word, NOUNS_IN_LY)
}

/// Nouns spelled like an adverb, after which a cue is the verb: `the daily said`, `a lawyer for
/// the family said`.
#[rustfmt::skip]
const NOUNS_IN_LY: &[&str] = &[
    "daily", "weekly", "monthly", "quarterly", "family", "assembly", "ally", "rally", "supply",
    "monopoly", "reply", "tally",
];

/// Whether cue `cue` after `before` is the plural noun it is spelled as too: `reports` after a
/// lower-case word that is no pronoun, relative or adverb (`press reports`, `dealer reports`,
/// `after reports it plans`) or after a possessive (`Xinhua's reports said`), not the verb (`it
/// reports`, `Interfax, which reports`, `TASS also reports`).
fn plural_noun(cue: &str, before: &str) -> bool {
    cue.eq_ignore_ascii_case("reports")
        && before.split_whitespace().next_back().is_some_and(|word| {
            possessive(word)
                || (word.starts_with(char::is_lowercase)
                    && !one_of(word, PRONOUNS)
                    && !one_of(word, &["which", "that", "who", "also", "now", "still"])
                    && !word.ends_with("ly"))
        })
}

/// Whether cue `cue` after `before` says nothing: any cue right after a negation (`has not
/// said`, `hasn't confirmed`, `never told`), and a `say` after `to` or an auxiliary too
/// (`declined to say`, `would only say`, `could say when`), where the source before it told
/// nothing. `analysts say`, `officials now say` are credits.
fn left_unsaid(cue: &str, before: &str) -> bool {
    before.split_whitespace().next_back().is_some_and(|word| {
        a_negation(word)
            || (cue.eq_ignore_ascii_case("say")
                && (one_of(word, &["to", "only", "even"]) || one_of(word, AUXILIARIES)))
    })
}

/// Whether cue `cue` after `before` is `informed` that tells of being told, not of telling:
/// after a form of `keep` a few words back or an adverb (`kept the president adequately
/// informed`, `keep investors informed`, `well informed sources`).
fn kept_informed(cue: &str, before: &str) -> bool {
    cue.eq_ignore_ascii_case("informed")
        && before
            .split_whitespace()
            .rev()
            .take(4)
            .enumerate()
            .any(|(i, word)| {
                one_of(word, &["keep", "keeps", "kept", "keeping"])
                    || (i == 0
                        && (one_of(word, &["well", "better", "fully", "ill"]) || an_adverb(word)))
            })
}

/// Whether cue `cue`, between `before` and `after`, is `added` that adds an amount, not words:
/// before a number (`Tesco added 2p to 475`, `Africa added three seismic crews`) or in `value
/// added tax`.
fn added_an_amount(cue: &str, before: &str, after: &str) -> bool {
    const NUMBERS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half",
    ];
    cue.eq_ignore_ascii_case("added")
        && (after.split_whitespace().next().is_some_and(|word| {
            word.starts_with(|c: char| c.is_ascii_digit())
                || one_of(without_trailing_marks(word), NUMBERS)
        }) || before
            .split_whitespace()
            .next_back()
            .is_some_and(|word| word.eq_ignore_ascii_case("value")))
}

/// Whether `text` ends with `suffix`, ASCII case aside, compared in place.
fn ends_with_ignoring_case(text: &str, suffix: &str) -> bool {
    text.len()
        .checked_sub(suffix.len())
        .and_then(|from| text.get(from..))
        .is_some_and(|end| end.eq_ignore_ascii_case(suffix))
}

/// Whether `word` is one of `words`, ASCII case aside, compared in place (no lower-cased copy:
/// the predicates calling it run for every source and cue pair of a sentence).
fn one_of(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Whether `word` is a cue by itself (`quoted`, `said`): such a word never starts a source.
fn is_cue_word(word: &str) -> bool {
    CUE.find(word)
        .is_some_and(|m| m.start() == 0 && m.end() == word.len())
}

/// Whether the words between a source and its cue make the cue passive: `was`, `were`, `is`,
/// `are`, `has been`, `had been`, with `not`, `also`, `never` or `yet` among them. After
/// `quoted` the source is who spoke ("Deputy Foreign Minister Pavel Sorokin was quoted as
/// saying"); after other cues it is what was said (`Terms of the deal were not disclosed`).
fn is_passive_link(between: &str) -> bool {
    // Compared in place: this runs for every source and cue pair of a sentence.
    let mut words = between
        .split_whitespace()
        .filter(|w| !one_of(w, &["not", "also", "never", "yet"]));
    match (words.next(), words.next(), words.next()) {
        (Some(first), None, None) => one_of(first, &["was", "were", "is", "are"]),
        (Some(first), Some(been), None) => {
            one_of(first, &["has", "have", "had"]) && been.eq_ignore_ascii_case("been")
        }
        _ => false,
    }
}

/// Whether `between` denies what follows it (see [`a_negation`]).
fn negated(between: &str) -> bool {
    between.split_whitespace().any(a_negation)
}

/// Whether `word` is a negation: `not`, `never`, or a verb with `n't` (straight or curly).
fn a_negation(word: &str) -> bool {
    one_of(word, &["not", "never"])
        || ends_with_ignoring_case(word, "n't")
        || ends_with_ignoring_case(word, "n’t")
}

#[cfg(test)]
mod tests;
