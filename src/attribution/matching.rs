//! Matching: whether two credits name one source. Names are compared by a normalized key
//! ([`source_key`]: `the`, `news agency` and the like dropped, an agency one name in any script),
//! equal, containing one another, or within a small edit distance, or one government's body
//! however named ([`governments::body`]); one person under another title and unnamed sources of
//! one kind described otherwise are one source ([`one_source`]), unless two governments' or
//! two organisations' (`a Deutsche Bank spokesman`, `a Commerzbank spokesman`).

use super::english::{
    ARABIC_ARTICLES, DESCRIBED, OF_WHOM, OUTLETS, UNNAMED_PEOPLE, WHOSE_PEOPLE, an_employee,
    speaks_for_without_a_determiner,
};
use super::governments::{self, Body};
use super::{Attribution, SourceKind, is_cyrillic, offset, russian};
use crate::normalize;

/// The comparable form of a source name.
pub fn source_key(source: &str) -> String {
    let lower = outlet_name(source).to_lowercase();
    // French, Spanish, German and Italian articles: `l'AFP` is AFP, `le Kremlin`, `el
    // Kremlin`, `der Kreml` and `il Cremlino` the Kremlin.
    let lower = [
        "l'", "l’", "le ", "la ", "les ", "el ", "los ", "las ", "die ", "der ", "das ", "dem ",
        "den ", "des ", "il ", "lo ", "gli ", "i ",
    ]
    .iter()
    .find_map(|article| lower.strip_prefix(article))
    .unwrap_or(&lower);
    // A comma in a name is no part of it (`Goldman, Sachs and Co`, `Goldman Sachs`).
    let mut s = lower
        .replace(['’', '\'', ','], "")
        .replace("armed forces", "military");
    for drop in [
        "the ",
        "a ",
        "an ",
        "russian ",
        "state ",
        "news agency ",
        "media ",
        "agency ",
        "agence ",
        "agencia ",
        "agenzia ",
        "agência ",
        "persbureau ",
        "nachrichtenagentur ",
        "agentur ",
        "daily ",
        "newspaper ",
        "broadcaster ",
    ] {
        while let Some(rest) = s.strip_prefix(drop) {
            s = rest.to_string();
        }
    }
    // A Russian outlet or firm named by its kind, in any of its cases, perhaps after a
    // country's adjective (`агентство САНА`, `британской газеты Financial Times`, `компания
    // «Газпром»`): its name alone (quoted or in Latin letters but after `agency`: not `Банк
    // России`), and without quotation marks (`«Коммерсант»`).
    let mut words = s.split(' ');
    let kind = words.by_ref().find(|word| {
        let media = russian::MEDIA_KINDS.iter().map(|(kind, _)| kind);
        media
            .chain(russian::FIRM_KINDS)
            .any(|kind| word.starts_with(kind))
    });
    if let Some(kind) = kind
        && let Some(name) = words.next()
        && (kind.starts_with("агентств")
            || name.starts_with(|c: char| c.is_ascii_alphabetic() || russian::QUOTES.contains(&c)))
    {
        s = s[offset(&s, name)..].to_string();
    }
    let s = s.trim_matches(russian::QUOTES).to_string();
    let s = s
        .split_whitespace()
        .map(|word| {
            GENERIC_NAMES
                .iter()
                .find(|(other, _)| *other == word)
                .map_or(word, |(_, usual)| usual)
        })
        .map(without_arabic_article)
        .collect::<Vec<_>>()
        .join(" ");
    match s.as_str() {
        "associated press" => "ap".into(),
        "france-presse" => "afp".into(),
        "deutsche presse-agentur" | "deutschen presse-agentur" => "dpa".into(),
        // Radio Free Europe/Radio Liberty, its first `Radio` dropped as a broadcaster's word.
        "free europe/radio liberty" | "free europe" | "liberty" => "rfe/rl".into(),
        "kreml" | "kremls" | "cremlino" => "kremlin".into(),
        "ذرائع ابلاغ" => "میڈیا".into(), // "the media", two ways
        "ria" => "ria novosti".into(),
        "u.n." | "un" => "united nations".into(),
        "eu" => "european union".into(),
        _ => agency_alias(&s).map_or(s, str::to_string),
    }
}

/// Words a copy puts for a generic name of the subject, with the usual word: `the firm said`
/// for `the company said` credits the same source (and `armed forces` for `military`, two
/// words, which [`source_key`] puts for them before its words are read).
const GENERIC_NAMES: &[(&str, &str)] = &[("firm", "company"), ("firms", "companies")];

/// A name's word without the Arabic article joined to it ([`ARABIC_ARTICLES`]), which copies
/// write or leave out (`al-Assad`, `Assad`; `el-Sisi`, `Sisi`).
fn without_arabic_article(word: &str) -> &str {
    ARABIC_ARTICLES
        .iter()
        .find_map(|article| word.strip_prefix(article))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(word)
}

/// What a broadcaster is called after its name besides [`OUTLETS`] (`NBC television`,
/// `Bloomberg News`): tried after them, so that `news agency` is read before `news`.
const BROADCAST: &[&str] = &["television", "radio", "tv", "news"];

/// The name of an outlet in credit `source`, without what it is: after the last word of
/// [`OUTLETS`] or [`BROADCAST`] that a capitalized name follows (`the French daily Le Monde`: `Le Monde`),
/// and before those that end the credit after a word that names it (`Le Monde newspaper`, `Fox
/// News channel`, `the influential Mercurio newspaper`: `Le Monde`, `Fox`, `the influential
/// Mercurio`). A credit that is all description (`the state news agency`) stays whole.
fn outlet_name(source: &str) -> &str {
    let outlet_words = || OUTLETS.iter().chain(BROADCAST);
    let words: Vec<&str> = source.split_whitespace().collect();
    let named = |w: &&str| w.starts_with(char::is_uppercase) && !matches!(*w, "The" | "A" | "An");
    // A word that names or sets apart (`Mercurio`, `mercurio`, `influential`), not one that
    // only describes (`the state news agency`).
    let naming = |w: &&str| {
        !["the", "a", "an"]
            .into_iter()
            .chain(DESCRIBED.split('|'))
            .any(|d| w.eq_ignore_ascii_case(d))
    };
    // Where each word of `words` from `i` on spells `outlet`, the index after it.
    let spells = |i: usize, outlet: &str| {
        let mut at = i;
        for part in outlet.split(' ') {
            if !words.get(at).is_some_and(|w| w.eq_ignore_ascii_case(part)) {
                return None;
            }
            at += 1;
        }
        Some(at)
    };
    let mut from = 0;
    for i in 0..words.len() {
        if let Some(after) = outlet_words().find_map(|outlet| spells(i, outlet))
            && words.get(after).is_some_and(named)
        {
            from = after;
        }
    }
    let mut to = words.len();
    while let Some(at) =
        (from + 1..to).find(|&i| outlet_words().any(|outlet| spells(i, outlet) == Some(to)))
        && words[from..at].iter().any(naming)
    {
        to = at;
    }
    if from == 0 && to == words.len() {
        return source;
    }
    let start = super::offset(source, words[from]);
    let last = words[to - 1];
    &source[start..super::offset(source, last) + last.len()]
}

/// Agencies as other scripts write them, by the key of their English name: a Russian version's
/// `ТАСС`, a Chinese one's `塔斯社` and an English one's `TASS` are one source.
const AGENCY_ALIASES: &[(&str, &[&str])] = &[
    ("reuters", &["рейтер", "рейтерс", "路透社", "رائٹرز"]),
    ("ap", &["ассошиэйтед пресс", "美联社", "اے پی"]),
    (
        "afp",
        &["франс пресс", "франс-пресс", "法新社", "اے ایف پی"],
    ),
    ("xinhua", &["синьхуа", "新华社", "شنہوا"]),
    ("tass", &["тасс", "塔斯社"]),
    (
        "ria novosti",
        &["риа новости", "риа", "俄新社", "ria nowosti"],
    ),
    ("interfax", &["интерфакс", "interfax.ru", "国际文传电讯社"]),
    ("bloomberg", &["блумберг", "彭博社"]),
    ("bbc", &["би-би-си", "بی بی سی"]),
    ("cnn", &["си-эн-эн", "سی این این"]),
    ("al jazeera", &["الجزیرہ", "аль-джазир"]),
    ("kyodo", &["共同社", "киодо"]),
    ("yonhap", &["韩联社", "йонхап"]),
    ("sana", &["сана"]),
    ("irna", &["ирна"]),
    ("anadolu", &["анадолу"]),
    ("unian", &["униан"]),
    ("ukrinform", &["укринформ"]),
    ("kcna", &["цтак"]),
    ("sputnik", &["俄罗斯卫星通讯社"]),
];

/// The English key of an agency named in another script (`key`, lower-cased), Russian names
/// with their case endings (`интерфакса`).
fn agency_alias(key: &str) -> Option<&'static str> {
    AGENCY_ALIASES.iter().find_map(|(english, names)| {
        names
            .iter()
            .any(|name| {
                key.strip_prefix(name).is_some_and(|ending| {
                    ending.is_empty()
                        || (name.chars().all(|c| is_cyrillic(c) || c == ' ' || c == '-')
                            && ending.chars().count() <= 2
                            && ending.chars().all(is_cyrillic))
                })
            })
            .then_some(*english)
    })
}

/// Whether two source names name one source.
pub fn same_source(a: &str, b: &str) -> bool {
    let bodies = (governments::body(a), governments::body(b));
    !bodies.0.of_another_government(&bodies.1) && same_name(a, b, &bodies)
}

/// A name and another, where `source` ends on the other in brackets (`Kuwait News Agency
/// (KUNA)`).
fn with_another_name(source: &str) -> Option<(&str, &str)> {
    source.strip_suffix(')')?.rsplit_once(" (")
}

/// [`same_source`] of names `a` and `b` of no two governments, given their [`Body`]s.
fn same_name(a: &str, b: &str, (body_a, body_b): &(Body, Body)) -> bool {
    // A name with another in brackets is either (`the Korean Central News Agency (KCNA)`).
    if let Some((name, other)) = with_another_name(a) {
        return same_source(name, b) || same_source(other, b);
    }
    if let Some((name, other)) = with_another_name(b) {
        return same_source(a, name) || same_source(a, other);
    }
    // One government's body however named (`the Kremlin`, `Moscow`; `the Foreign Ministry`,
    // `the Ministry of Foreign Affairs`); two governments' bodies are two sources, however
    // alike their names (`China's foreign ministry`, `the Russian Foreign Ministry`).
    if body_a.office == body_b.office {
        return true;
    }
    let (key_a, key_b) = (source_key(a), source_key(b));
    if key_a == key_b
        || initials_of(a, b)
        || initials_of(b, a)
        || initials_within(a, b)
        || initials_within(b, a)
        || named_after_its_kind(a, b)
        || named_after_its_kind(b, a)
    {
        return true;
    }
    if other_proper_word(a, b) {
        return false;
    }
    let (a, b) = (key_a, key_b);
    let contains = |x: &str, y: &str| {
        // Whole-word containment: "foreign ministry" in "russian foreign ministry"; Chinese,
        // written without spaces, contains its names whole (`外交部` in `俄罗斯外交部`).
        let chinese = x.chars().count() >= 2 && x.chars().all(normalize::is_han_or_kana);
        (chinese && y.contains(x))
            || (x.len() >= 3
                && (y.starts_with(&format!("{x} "))
                    || y.ends_with(&format!(" {x}"))
                    || y.contains(&format!(" {x} "))))
    };
    contains(&a, &b)
        || contains(&b, &a)
        || within(&a, &b)
        || within(&b, &a)
        || strsim::normalized_damerau_levenshtein(&a, &b) >= 0.85
}

/// Whether two credits name one body of two governments, a credit replaced with another
/// (`the Kremlin`, `Kyiv`; `the Russian Foreign Ministry`, `China's foreign ministry`).
pub(super) fn another_government(a: &str, b: &str) -> bool {
    let (a, b) = (governments::body(a), governments::body(b));
    a.of_another_government(&b) && a.office == b.office
}

/// Whether `named` is outlet `unnamed`, a description ending on what it is, with a name after
/// it: `the state news agency WAFA` is `the state news agency`, `the daily Kommersant`
/// `the daily`.
fn named_after_its_kind(unnamed: &str, named: &str) -> bool {
    let without_the = |s: &str| {
        let s = s.trim().to_lowercase();
        s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
    };
    let (kind, named) = (without_the(unnamed), without_the(named));
    OUTLETS.iter().any(|outlet| kind.ends_with(outlet))
        && named
            .strip_prefix(&kind)
            .is_some_and(|name| name.starts_with(' '))
}

/// Whether `short` is written as the initials of the capitalized words of `long`, two to six
/// capitals (`SPA`, `the official Saudi Press Agency`; `KCNA`, `the Korean Central News
/// Agency`).
fn initials_of(short: &str, long: &str) -> bool {
    let short = short.trim();
    (2..=6).contains(&short.len())
        && short.chars().all(|c| c.is_ascii_uppercase())
        && long
            .split_whitespace()
            .filter(|w| w.starts_with(char::is_uppercase) && !matches!(*w, "The" | "A" | "An"))
            .filter_map(|w| w.chars().next())
            .eq(short.chars())
}

/// Whether `short` is `long` with a run of its capitalized words written as their initials,
/// the rest word for word (`the UN humanitarian office`, `The United Nations' humanitarian
/// office`; `The BOJ governor`, `The Bank of Japan's governor`; `U.S. officials`, `United
/// States officials`): an article before either and a possessive's ending are left out, and a
/// lower-case `of`, `and` or `for` inside the run may give its initial or not.
fn initials_within(short: &str, long: &str) -> bool {
    /// Whether `word` is written in capitals, with full stops or not (`UN`, `U.S.`).
    fn in_capitals(word: &str) -> bool {
        word.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
    }
    // Most pairs hold no initials: no words to split. A name longer than a credit's is none
    // either, and the choices `spelled` makes at each joining word stay few.
    if !short
        .split_whitespace()
        .any(|w| w.len() >= 2 && in_capitals(w))
        || long.split_whitespace().count() > MAX_NAME_WORDS
    {
        return false;
    }
    fn words(name: &str) -> Vec<&str> {
        let mut words: Vec<&str> = name
            .split_whitespace()
            .map(|word| {
                let word = word.trim_end_matches([',', ';', ':']);
                ["'s", "’s", "'", "’"]
                    .iter()
                    .find_map(|ending| word.strip_suffix(ending))
                    .unwrap_or(word)
            })
            .filter(|word| !word.is_empty())
            .collect();
        if words
            .first()
            .is_some_and(|w| matches!(*w, "the" | "The" | "a" | "A" | "an" | "An"))
        {
            words.remove(0);
        }
        words
    }
    /// Whether `initials` are those of all of `run`: its capitalized words' each, its joining
    /// words' or not.
    fn spelled(initials: &[u8], run: &[&str]) -> bool {
        let Some((word, rest)) = run.split_first() else {
            return initials.is_empty();
        };
        let first = word.as_bytes()[0];
        let gives =
            initials.first() == Some(&first.to_ascii_uppercase()) && spelled(&initials[1..], rest);
        if first.is_ascii_uppercase() {
            gives
        } else {
            matches!(*word, "of" | "and" | "for") && (gives || spelled(initials, rest))
        }
    }
    /// Whether `short` walks `long` word for word, at least one of its words the initials of
    /// a run of `long`'s (`abbreviated`).
    fn walk(short: &[&str], long: &[&str], abbreviated: bool) -> bool {
        let (Some((word, short_rest)), Some(_)) = (short.split_first(), long.first()) else {
            return short.is_empty() && long.is_empty() && abbreviated;
        };
        if long[0].eq_ignore_ascii_case(word) && walk(short_rest, &long[1..], abbreviated) {
            return true;
        }
        if !in_capitals(word) {
            return false;
        }
        let initials: Vec<u8> = word.bytes().filter(|&b| b != b'.').collect();
        (2..=6).contains(&initials.len())
            && (2..=long.len())
                .any(|n| spelled(&initials, &long[..n]) && walk(short_rest, &long[n..], true))
    }
    walk(&words(short), &words(long), false)
}

/// The most words [`initials_within`] reads in a name: more than any credit's.
const MAX_NAME_WORDS: usize = 16;

/// Whether the words of key `short`, two or more, stand in key `long` in order with others
/// between them: a name with a word left out (`valero corp` in `valero energy corp`, `national
/// bank` in `national city bank`). Its first and last words must be `long`'s, so that words
/// strewn through a longer name (`foreign minister` in `foreign affairs minister of iran`) do not
/// count; whole-word containment is [`same_source`]'s own test.
fn within(short: &str, long: &str) -> bool {
    let (short, long): (Vec<&str>, Vec<&str>) = (
        short.split_whitespace().collect(),
        long.split_whitespace().collect(),
    );
    if short.len() < 2 || short.len() >= long.len() {
        return false;
    }
    let mut rest = long.iter();
    short.first() == long.first()
        && short.last() == long.last()
        && short.iter().all(|w| rest.any(|l| l == w))
}

/// Whether two names are one name with one capitalized word put for another that is not a
/// spelling of it (`the Iranian Foreign Minister`, `the Syrian Foreign Minister`; `the Russian
/// Foreign Ministry`, `the Ukrainian Foreign Ministry`; `Suburban Bancorp`, `Mellon Bancorp`): two
/// sources, however alike the rest. Asked only of names whose keys differ (`der Kreml` and `the
/// Kremlin` are one key); the keys drop `Russian` and match within an edit distance, so this looks
/// at the names as written. Spellings, typos and cuts of one word stay alike (`RIA Novosti`, `RIA
/// Nowosti`; `Sergei`, `Sergey`; `CME`, `CM`; `Malaysia`, `Ma`), lower-case words (`state`,
/// `official`) are left to the keys, and so are names that differ in more than one word or in a
/// title's word: those are most often one name read through windows a word apart (`E.F. Hutton
/// Group`, `Hutton Group Inc`; `Iranian Parliamentary Speaker`, `Iranian Parliamentary
/// Hojatoleslam`).
pub(super) fn other_proper_word(a: &str, b: &str) -> bool {
    // An article opening a sentence is capitalized, no name's word (`The Futures Trading
    // Commission`, `Commodity Futures Trading Commission`: one name, a word left out).
    fn words(name: &str) -> std::iter::Peekable<std::str::SplitWhitespace<'_>> {
        let mut words = name.split_whitespace().peekable();
        words.next_if(|w| ["the", "a", "an"].iter().any(|a| w.eq_ignore_ascii_case(a)));
        words
    }
    let (a, b) = (words(a), words(b));
    if a.clone().count() != b.clone().count() {
        return false;
    }
    let mut differing = a
        .zip(b)
        .filter(|(x, y)| x.to_lowercase() != y.to_lowercase());
    let (Some((x, y)), None) = (differing.next(), differing.next()) else {
        return false;
    };
    let proper = |w: &str| w.starts_with(char::is_uppercase);
    let (x_lower, y_lower) = (x.to_lowercase(), y.to_lowercase());
    let title = |w: &str| TITLE_WORDS.contains(&w);
    proper(x)
        && proper(y)
        && !title(&x_lower)
        && !title(&y_lower)
        && !x_lower.starts_with(&y_lower)
        && !y_lower.starts_with(&x_lower)
        && strsim::damerau_levenshtein(&x_lower, &y_lower) > 1
        && strsim::normalized_damerau_levenshtein(&x_lower, &y_lower) < 0.75
}

/// Words that end a title or a body, never a name: `the Iranian Foreign Minister` and `the
/// Syrian Foreign Minister` are two people.
#[rustfmt::skip]
const TITLE_WORDS: &[&str] = &[
    "minister", "ministry", "secretary", "president", "premier", "chancellor", "spokesman",
    "spokeswoman", "spokesperson", "chief", "head", "director", "governor", "ambassador",
    "general", "mayor", "commander", "chairman", "affairs", "office", "state", "house", "king",
    "queen", "prince", "pope", "speaker", "ministre", "ministro", "ministra", "président",
    "presidente", "präsident", "sprecher", "sprecherin", "porte-parole", "portavoz", "portavoce",
    "kanzler", "kanzlerin", "außenminister", "chef", "capo", "jefe",
];

/// The first name and surname ending a named person's credit (`Sergej Lavrov` in `il ministro
/// degli Esteri russo Sergej Lavrov`; `Bashar Assad` in `Bashar al-Assad`, read without the
/// Arabic article): two capitalized words, neither written in capitals alone (`AEG AG`) nor a
/// title's.
fn full_name(source: &str) -> Option<(&str, &str)> {
    let mut words = source
        .split_whitespace()
        .rev()
        .map(|w| without_arabic_article(w.trim_matches(|c: char| !c.is_alphanumeric())));
    let (surname, first) = (words.next()?, words.next()?);
    let named = |w: &str| {
        w.starts_with(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && !TITLE_WORDS.contains(&w.to_lowercase().as_str())
    };
    (named(first) && named(surname)).then_some((first, surname))
}

/// Whether two credits name one person under other titles (`il ministro degli Esteri russo
/// Sergej Lavrov`, `il capo della diplomazia russa Sergej Lavrov`): both people, the same
/// surname (folded as tokens are: `Lavrov`, `LAVROV`), first names alike however transliterated
/// (`Sergej`, `Sergei`, `Sergueï`).
pub fn same_person(a: &Attribution, b: &Attribution) -> bool {
    if a.kind != SourceKind::Person || b.kind != SourceKind::Person {
        return false;
    }
    let folded = |w: &str| {
        let mut hashes = Vec::new();
        normalize::for_each_token([without_arabic_article(&w.to_lowercase())], |h| {
            hashes.push(h)
        });
        hashes
    };
    // A surname under a title alone (`President Assad`) is whoever the other credit names so.
    for (titled, other) in [(a, b), (b, a)] {
        if let (Some(x), Some(y)) = (
            titled_surname(&titled.source),
            full_name(&other.source)
                .map(|(_, surname)| surname)
                .or_else(|| titled_surname(&other.source)),
        ) {
            return folded(x) == folded(y);
        }
    }
    let (Some((first_a, surname_a)), Some((first_b, surname_b))) =
        (full_name(&a.source), full_name(&b.source))
    else {
        return false;
    };
    folded(surname_a) == folded(surname_b)
        && strsim::jaro_winkler(&first_a.to_lowercase(), &first_b.to_lowercase()) >= 0.8
}

/// The surname ending a person's credit that gives no first name, only a title or a form of
/// address before it (`President Assad`, `Mr. Peskov`, `the Syrian president Assad`).
fn titled_surname(source: &str) -> Option<&str> {
    let mut words = source
        .split_whitespace()
        .rev()
        .map(|w| without_arabic_article(w.trim_matches(|c: char| !c.is_alphanumeric())));
    let (surname, before) = (words.next()?, words.next()?);
    let before = before.to_lowercase();
    let titled = TITLE_WORDS.contains(&before.as_str())
        || matches!(before.as_str(), "mr" | "ms" | "mrs" | "dr");
    (titled
        && surname.starts_with(char::is_uppercase)
        && surname.chars().any(char::is_lowercase)
        && !TITLE_WORDS.contains(&surname.to_lowercase().as_str()))
    .then_some(surname)
}

/// Whether two credits name one source: the same name ([`same_source`]), one person under
/// another title ([`same_person`]), or unnamed sources of one kind described otherwise (`trade
/// sources`, `commerce sources`; see `same_unnamed`).
///
/// Credits of two governments, their bodies or their people are two sources (`a Kremlin
/// spokesman`, `a White House spokesman`; `Russian officials`, `U.S. officials`), and so are
/// two organisations' people (`a Deutsche Bank spokesman`, `a Commerzbank spokesman`).
pub fn one_source(a: &Attribution, b: &Attribution) -> bool {
    let bodies = (governments::body(&a.source), governments::body(&b.source));
    !bodies.0.of_another_government(&bodies.1)
        && !employer_alone(a, b)
        && !employer_alone(b, a)
        && (same_name(&a.source, &b.source, &bodies)
            || same_person(a, b)
            || (same_unnamed(a, b) && !other_peoples(&a.source, &b.source)))
}

/// Whether `other` names only whose `person` is, where `person` is named after the firm or body
/// and their role (`Deutsche Bank analyst Tom Smith`; `Deutsche Bank`, `Deutsche Bank
/// sources`): two sources, the analyst's words given to the bank, as `Tom Smith, an analyst at
/// Deutsche Bank,` and `Deutsche Bank` are. One that holds the surname or a role names the
/// person too (`Smith`, `a Deutsche Bank analyst`, a name cut short: `TWA vice president and
/// general counsel Mark`).
fn employer_alone(person: &Attribution, other: &Attribution) -> bool {
    if person.kind != SourceKind::Person {
        return false;
    }
    let Some(surname) = person.source.split_whitespace().next_back() else {
        return false;
    };
    let a_role = |word: &str| word.starts_with(char::is_lowercase) && an_employee(word);
    // A role after a capitalized word, whose the person is; but a spokesman's words are whose
    // they speak for (`Deutsche Bank spokesman Tom Smith`, `Deutsche Bank`: one source, as `a
    // spokesman for Deutsche Bank` is). Asked of every pair of credits compared: no allocation.
    let mut words = person.source.split_whitespace();
    let employee = words
        .by_ref()
        .any(|word| word.starts_with(char::is_uppercase))
        && words.any(|word| a_role(word) && !word.starts_with("spokes"));
    employee
        && !other
            .source
            .split_whitespace()
            .any(|word| a_role(word) || word.eq_ignore_ascii_case(surname))
}

/// Whether unnamed credits `a` and `b` are two organisations' people (`a Deutsche Bank
/// spokesman`, `a Commerzbank spokesman`): each says whose they are ([`whose_people`]), and not
/// one source's, nor one government's (`U.S. officials`, `some American officials`). One that
/// does not say may be either's (`a spokesman`).
fn other_peoples(a: &str, b: &str) -> bool {
    let (a, b) = (whose_people(a), whose_people(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let one_government =
        governments::named_by(&a).is_some_and(|g| governments::named_by(&b) == Some(g));
    !one_government && !same_source(&a, &b)
}

/// Whose people an unnamed credit names: what follows the word that joins them to it (`the
/// Bank of Japan` in `Officials at the Bank of Japan`, `Usair` in `a spokesman for Usair`), or
/// else its capitalized words with the words that join them (`Deutsche Bank` in `a Deutsche
/// Bank spokesman`; `Bank of Japan` in `sources close to the Bank of Japan`), one space apart;
/// its first word only where it is written as only a name is (`U.S.`, `EPA`, `McKinsey`) or
/// with more of a name after it (`Deutsche Bank economists`, `Bank of Japan officials`), as a
/// sentence's start capitalizes any word (`Trade sources said`).
fn whose_people(source: &str) -> String {
    let mut words = source.split_whitespace().peekable();
    while let Some(word) = words.next() {
        if people_word(&word.to_lowercase()).is_some()
            && let Some(joining) = words.next_if(|w| WHOSE_PEOPLE.contains(w))
        {
            return source[offset(source, joining) + joining.len()..]
                .trim()
                .to_string();
        }
    }
    let words: Vec<&str> = source
        .split_whitespace()
        .map(|word| word.trim_end_matches([',', ';', ':']))
        .collect();
    let capitalized = |i: usize| {
        words
            .get(i)
            .is_some_and(|w| w.starts_with(char::is_uppercase))
    };
    let joining = |i: usize| {
        words
            .get(i)
            .is_some_and(|w| matches!(*w, "of" | "and" | "for" | "the"))
    };
    let name_only = |word: &str| word.chars().skip(1).any(char::is_uppercase);
    // One who speaks for a body or a firm, named without a determiner, is named after it, at a
    // sentence's start too (`Bundesbank spokesman`, `Egyptian official`), unless the word says
    // what kind they are (`Trade source`, `Senior official`).
    let speaks_for_the_first = words.len() > 1
        && speaks_for_without_a_determiner(source)
        && words
            .first()
            .is_some_and(|first| !OF_WHOM.iter().any(|word| first.eq_ignore_ascii_case(word)));
    // Whether a capitalized word follows word `i`, past the words that join a name's.
    let name_goes_on = |i: usize| (i + 1..).find(|&j| !joining(j)).is_some_and(capitalized);
    let mut kept = vec![false; words.len()];
    for i in 0..words.len() {
        kept[i] = if capitalized(i) {
            i > 0 || name_only(words[i]) || name_goes_on(i) || speaks_for_the_first
        } else {
            i > 0 && kept[i - 1] && joining(i) && name_goes_on(i)
        };
    }
    let whose: Vec<&str> = words
        .iter()
        .zip(&kept)
        .filter_map(|(word, kept)| kept.then_some(*word))
        .collect();
    whose.join(" ")
}

/// The words other languages name unnamed sources by (French, Spanish, Italian, Portuguese,
/// German, Dutch and Urdu; singular and plural), each group under the English word of
/// [`UNNAMED_PEOPLE`] it means; a spokeswoman and spokesperson, who are a spokesman; and the
/// people familiar with a matter, its sources.
#[rustfmt::skip]
const UNNAMED_ABROAD: &[(&str, &[&str])] = &[
    ("source", &["fuente", "fuentes", "fonte", "fonti", "fontes", "bron", "bronnen", "quelle", "quellen", "kreise", "kreisen", "ذرائع"]),
    ("official", &["responsable", "responsables", "funcionario", "funcionarios", "funzionario", "funzionari", "funcionário", "funcionários", "responsáveis", "functionaris", "functionarissen", "ambtenaar", "ambtenaren", "beamte", "beamter", "beamten"]),
    ("spokesman", &["spokeswoman", "spokesperson", "porte-parole", "portavoz", "portavoce", "porta-voz", "woordvoerder", "woordvoerster", "sprecher", "sprecherin", "ترجمان"]),
    ("diplomat", &["diplomate", "diplomates", "diplomático", "diplomáticos", "diplomatico", "diplomatici", "diplomata", "diplomatas", "diplomaat", "diplomaten"]),
    ("analyst", &["analyste", "analystes", "analista", "analistas", "analisti", "analysten"]),
    ("source", &["people", "person", "persons"]),
];

/// Unnamed people written in two words, with the word of [`UNNAMED_PEOPLE`] they are: a copy
/// that writes `rescuers` for `rescue workers` credits the same people.
const PEOPLE_IN_TWO_WORDS: &[(&str, &str)] = &[
    ("rescue workers", "rescuer"),
    ("rescue worker", "rescuer"),
    ("medical workers", "medic"),
    ("medical worker", "medic"),
];

/// Whether two unnamed credits are sources of one kind described in other words (`trade
/// sources`, `commerce sources`; `a company spokesman`, `a firm spokesman`): the same word names
/// what they are. `diplomatic sources` and `Western officials` are two.
fn same_unnamed(a: &Attribution, b: &Attribution) -> bool {
    if a.kind != SourceKind::Anonymous || b.kind != SourceKind::Anonymous {
        return false;
    }
    // The last such word: `official sources` are sources; rescue workers are rescuers.
    let group = |name: &str| {
        let lower = name.to_lowercase();
        if let Some((_, one)) = PEOPLE_IN_TWO_WORDS
            .iter()
            .find(|(two, _)| lower.ends_with(two))
        {
            return Some(*one);
        }
        lower.split_whitespace().rev().find_map(people_word)
    };
    group(&a.source).is_some_and(|g| group(&b.source) == Some(g))
}

/// The English word of [`UNNAMED_PEOPLE`] that lower-case `word` names people by, in English
/// or abroad ([`UNNAMED_ABROAD`]): `official` for `officials` and `funcionarios`.
fn people_word(word: &str) -> Option<&'static str> {
    let english = UNNAMED_PEOPLE
        .iter()
        .find(|(one, many)| word == *one || word == *many);
    let abroad = || {
        UNNAMED_ABROAD
            .iter()
            .find(|(_, forms)| forms.contains(&word))
    };
    english
        .map(|(one, _)| *one)
        .or_else(|| abroad().map(|(one, _)| *one))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_names_match_loosely_but_not_across_sources() {
        assert!(same_source("RIA", "the RIA Novosti news agency"));
        assert!(same_source("The Associated Press", "AP"));
        assert!(same_source(
            "the Russian Foreign Ministry",
            "Foreign Ministry"
        ));
        assert!(same_source("Goldman, Sachs and Co", "Goldman Sachs"));
        assert!(!same_source("TASS", "RIA Novosti"));
        assert!(!same_source("Reuters", "AP"));
    }

    /// A name with another in brackets is one source with either, and with neither else.
    #[test]
    fn a_name_with_another_in_brackets_is_either() {
        let kcna = "North Korea's official Korean Central News Agency (KCNA)";
        one_source_both_ways(&[
            (kcna, "KCNA"),
            (kcna, "the Korean Central News Agency"),
            ("Kuwait News Agency (KUNA)", "KUNA"),
        ]);
        assert!(!same_source(kcna, "Yonhap"));
        assert!(!same_source("Kuwait News Agency (KUNA)", "WAM"));
    }

    /// Radio Free Europe/Radio Liberty is one broadcaster however much of its name is written;
    /// the longer names of the list are their own agencies, not the shorter they open with.
    #[test]
    fn listed_long_names_are_their_agencies() {
        one_source_both_ways(&[
            ("Radio Free Europe/Radio Liberty", "RFE/RL"),
            ("Radio Liberty", "RFE/RL"),
            ("the Associated Press of Pakistan", "APP"),
        ]);
        assert!(!same_source("the Associated Press of Pakistan", "AP"));
    }

    /// An outlet is its name, whatever it is called besides (`newspaper`, `the French daily`,
    /// `News`); a body its name or its initials.
    #[test]
    fn an_outlet_is_one_source_whatever_it_is_called() {
        one_source_both_ways(&[
            ("Le Monde newspaper", "The French daily Le Monde"),
            ("Bloomberg News", "Bloomberg"),
            (
                "the influential Mercurio newspaper",
                "The mercurio newspaper",
            ),
            ("NBC television", "NBC"),
            ("Fox News channel", "Fox News"),
            ("the U.N.", "the United Nations"),
            ("SPA", "the official Saudi Press Agency"),
            ("the Korean Central News Agency", "KCNA"),
        ]);
        one_source_both_ways(&[
            ("the state news agency", "the state news agency WAFA"),
            ("The daily", "the daily Kommersant"),
        ]);
        two_sources_both_ways(&[
            ("Le Monde newspaper", "Le Figaro newspaper"),
            ("the state news agency", "the agency WAFA"),
            ("the French", "the French daily Le Monde"),
            ("the daily", "the Dailystar"),
            ("the state news agency", "state television"),
            ("the daily Kommersant", "the daily Izvestia"),
            ("SPA", "the Saudi News Agency"),
        ]);
        assert_eq!(
            outlet_name("the state news agency"),
            "the state news agency"
        );
        // One key, as the `--outlets` tally groups credits.
        for (a, b) in [
            ("The French daily Le Monde", "Le Monde newspaper"),
            ("Bloomberg News", "Bloomberg"),
            ("NBC television", "NBC"),
            ("Fox News channel", "Fox"),
        ] {
            assert_eq!(source_key(a), source_key(b), "{a} / {b}");
        }
    }

    /// Asserts that each pair names one source, asked either way round.
    fn one_source_both_ways(pairs: &[(&str, &str)]) {
        for (a, b) in pairs {
            assert!(same_source(a, b), "{a} / {b}");
            assert!(same_source(b, a), "{b} / {a}");
        }
    }

    /// Asserts that each pair names two sources, asked either way round.
    fn two_sources_both_ways(pairs: &[(&str, &str)]) {
        for (a, b) in pairs {
            assert!(!same_source(a, b), "{a} / {b}");
            assert!(!same_source(b, a), "{b} / {a}");
        }
    }

    /// An unnamed source's credit: `source` said.
    fn unnamed(source: &str) -> Attribution {
        Attribution {
            source: source.into(),
            kind: SourceKind::Anonymous,
            cue: "said".into(),
            cue_kind: super::super::Cue::Said,
            pronoun: None,
        }
    }

    /// People familiar with a matter and sources familiar with it are one unnamed source.
    #[test]
    fn people_who_know_are_sources() {
        let credit = unnamed;
        assert!(one_source(
            &credit("people familiar with the matter"),
            &credit("sources familiar with the situation")
        ));
        assert!(!one_source(
            &credit("people familiar with the matter"),
            &credit("Western diplomats")
        ));
    }

    /// A copy's usual synonyms for an unnamed subject name the same source: `the firm` for
    /// `the company`, `authorities` for `officials`; `residents` are not `witnesses`.
    #[test]
    fn a_synonym_of_a_generic_name_is_the_same_source() {
        assert!(same_source("the company", "The firm"));
        assert!(same_source("the oil company", "the oil firm"));
        assert!(!same_source("the company", "the fund"));
        assert!(same_source("Ukraine's military", "Ukraine's armed forces"));
        assert!(same_source(
            "the Ukrainian military",
            "The Ukrainian armed forces"
        ));
        assert!(!same_source(
            "the Ukrainian military",
            "the Polish armed forces"
        ));
        let credit = unnamed;
        assert!(one_source(
            &credit("Board officials"),
            &credit("Board authorities")
        ));
        assert!(!one_source(&credit("residents"), &credit("witnesses")));
    }

    /// Unnamed people of one kind are two sources when each says whose they are and those
    /// differ: a copy's `a Commerzbank spokesman` for `a Deutsche Bank spokesman` credits another
    /// bank; `a spokesman` may be either's, and one government's people are one source however
    /// it is named. A capital a sentence's start gives says nothing (`Trade sources`).
    #[test]
    fn another_organisations_people_are_another_source() {
        let credit = unnamed;
        for (a, b) in [
            ("A Deutsche Bank spokesman", "A Commerzbank spokesman"),
            ("some Western diplomats", "a few Asian diplomats"),
            ("EPA officials", "FDA officials"),
            // Whose they are may follow them, read whole.
            ("A spokesman for Deutsche Bank", "A Commerzbank spokesman"),
            (
                "A spokesman for Deutsche Bank",
                "a spokesman at Commerzbank",
            ),
            (
                "Officials at the Bank of Japan",
                "Officials at the Bank of Korea",
            ),
            (
                "sources close to the Bank of Japan",
                "sources close to the Bank of Korea",
            ),
            // A hard-wrapped line's break is a space.
            ("a spokesman for\nthe union", "a Deutsche Bank spokesman"),
            ("Deutsche Bank economists", "Dresdner Bank economists"),
            ("Bank of Japan officials", "Bank of Korea officials"),
        ] {
            assert!(!one_source(&credit(a), &credit(b)), "{a} / {b}");
            assert!(!one_source(&credit(b), &credit(a)), "{b} / {a}");
        }
        for (a, b) in [
            ("A Deutsche Bank spokesman", "a spokesman"),
            ("A Deutsche Bank spokesman", "A Deutsche Bank spokeswoman"),
            ("U.S. officials", "American officials"),
            ("U.S. officials", "some American officials"),
            ("Trade sources", "Commerce sources"),
            ("EPA officials", "EPA authorities"),
            ("A spokesman for Deutsche Bank", "A Deutsche Bank spokesman"),
            ("Officials at the Bank of Japan", "BOJ officials"),
            ("Officials of MMC Sittipol", "authorities of MMC Sittipol"),
            ("Deutsche Bank economists", "economists at Deutsche Bank"),
            ("Bank of Japan officials", "BOJ officials"),
            ("Bank of Japan officials", "officials at the Bank of Japan"),
            ("Some U.S. officials", "U.S. officials"),
            ("A spokesman for Deutsche Bank", "a spokesman"),
            (
                "people familiar with the matter",
                "people familiar with the plans",
            ),
        ] {
            assert!(one_source(&credit(a), &credit(b)), "{a} / {b}");
            assert!(one_source(&credit(b), &credit(a)), "{b} / {a}");
        }
    }

    /// A person named after whose they are and their role is the person: one source with their
    /// name under another title, misspelt, or cut short, and with an unnamed one of that role,
    /// but not with the firm alone nor its other people, as a copy giving the analyst's words to
    /// the bank credits them.
    #[test]
    fn a_person_named_after_their_firm_is_not_the_firm() {
        let said = |source: &str, kind| Attribution {
            source: source.into(),
            kind,
            cue: "said".into(),
            cue_kind: super::super::Cue::Said,
            pronoun: None,
        };
        let analyst = said("Deutsche Bank analyst Tom Smith", SourceKind::Person);
        for (other, kind, one) in [
            ("Deutsche Bank", SourceKind::Institution, false),
            ("Deutsche Bank", SourceKind::Person, false),
            ("Deutsche Bank sources", SourceKind::Anonymous, false),
            ("Tom Smith", SourceKind::Person, true),
            ("Smith", SourceKind::Person, true),
            ("Deutsche Bank analyst Tom Smyth", SourceKind::Person, true),
            ("A Deutsche Bank analyst", SourceKind::Anonymous, true),
            ("Deutsche Bank analyst Tom", SourceKind::Person, true),
        ] {
            let other = said(other, kind);
            assert_eq!(one_source(&analyst, &other), one, "{other:?}");
            assert_eq!(one_source(&other, &analyst), one, "{other:?}");
        }
        // A spokesman speaks for the bank.
        let spokesman = said("Deutsche Bank spokesman Tom Smith", SourceKind::Person);
        assert!(one_source(
            &spokesman,
            &said("Deutsche Bank", SourceKind::Institution)
        ));
        // A title with no firm before it names nobody's employee (`chairman John Shad`).
        let chairman = said("chairman John Shad", SourceKind::Person);
        assert!(!employer_alone(
            &chairman,
            &said("the commission", SourceKind::Institution)
        ));
    }

    /// One who speaks for a body, named without a determiner, is theirs as with one
    /// (`Bundesbank spokesman`, `A Bundesbank spokesman`), even at a sentence's start, where
    /// the name is the first word; another body's is another source; a word that says what
    /// kind they are names no body (`Trade source`).
    #[test]
    fn one_who_speaks_for_a_body_without_a_determiner_is_theirs() {
        for (a, b, one) in [
            ("Bundesbank spokesman", "A Bundesbank spokesman", true),
            (
                "Bundesbank spokesman",
                "a spokesman for the Bundesbank",
                true,
            ),
            ("Bundesbank spokesman", "Commerzbank spokesman", false),
            ("Bundesbank spokesman", "a Commerzbank spokesman", false),
            (
                "Deutsche Bank chief economist",
                "Commerzbank chief economist",
                false,
            ),
            ("Egyptian official", "An Egyptian official", true),
            ("Soviet negotiator", "a Soviet negotiator", true),
            ("Trade source", "an industry source", true),
            ("Senior official", "a Bundesbank official", true),
        ] {
            assert_eq!(one_source(&unnamed(a), &unnamed(b)), one, "{a} / {b}");
            assert_eq!(one_source(&unnamed(b), &unnamed(a)), one, "{b} / {a}");
        }
    }

    /// Two titles of one shape are two sources when a capitalized word differs, even where the
    /// keys drop it (`Russian`) or are within the keys' edit distance (Iranian, Syrian).
    #[test]
    fn another_country_is_another_source() {
        two_sources_both_ways(&[
            (
                "the Iranian Foreign Minister",
                "the Syrian Foreign Minister",
            ),
            (
                "the Russian Foreign Ministry",
                "the Ukrainian Foreign Ministry",
            ),
            ("the Defence Ministry", "the Foreign Ministry"),
        ]);
        one_source_both_ways(&[
            ("RIA Novosti", "RIA Nowosti"),
            ("Maria Zakharova", "Maria Sakharova"),
            (
                "the state news agency Xinhua",
                "the official news agency Xinhua",
            ),
            ("the Russian Foreign Ministry", "the Foreign Ministry"),
            ("a CME spokesman", "a CM spokesman"),
        ]);
    }

    /// One government named by its country, capital, seat or adjective is one source, and so
    /// is one body of it with its name in another order; two governments' are two.
    #[test]
    fn a_government_by_another_name_is_one_source() {
        one_source_both_ways(&[
            ("The Kremlin", "Russia"),
            ("The Kremlin", "Moscow"),
            ("The Russian government", "Russia"),
            ("The European Commission", "Brussels"),
            ("The European Commission", "The EU's executive arm"),
            ("The U.S. administration", "The White House"),
            ("The British government", "Downing Street"),
            ("The U.S. Department of Defense", "The Pentagon"),
            ("The Defense Ministry", "The Ministry of Defence"),
            (
                "The Russian Foreign Ministry",
                "Russia's Ministry of Foreign Affairs",
            ),
            ("The Russian Foreign Ministry", "The Russian MFA"),
            ("the Foreign Ministry", "The Ministry of Foreign Affairs"),
            ("The Israel Defense Forces", "The Israeli military"),
            ("The IDF", "The Israeli military"),
            ("Ukraine's armed forces", "the Ukrainian military"),
            ("The Russian Defence Forces", "Russia's military"),
        ]);
        two_sources_both_ways(&[
            ("The Kremlin", "Kyiv"),
            ("The Russian Foreign Ministry", "China's foreign ministry"),
            ("The Russian government", "The Ukrainian government"),
            ("The Pentagon", "The Russian Defense Ministry"),
            ("The Kremlin", "The Russian Foreign Ministry"),
            ("the French", "Paris"),
        ]);
        // Unnamed people and people of two governments are two sources too.
        let credit = unnamed;
        assert!(!one_source(
            &credit("A Kremlin spokesman"),
            &credit("A White House spokesman")
        ));
        assert!(!one_source(
            &credit("Russian officials"),
            &credit("U.S. officials")
        ));
        assert!(one_source(
            &credit("Russian officials"),
            &credit("officials")
        ));
    }

    /// The same in Russian, declined, in either word order and in English: `МИД России` is
    /// `российский МИД`, `Министерство иностранных дел РФ` and `the Russian Foreign Ministry`;
    /// `МИД Китая` is another source.
    #[test]
    fn a_russian_government_by_another_name_is_one_source() {
        one_source_both_ways(&[
            ("МИД России", "российском МИДе"),
            ("МИД России", "Министерстве иностранных дел РФ"),
            ("МИД России", "российского внешнеполитического ведомства"),
            ("МИД России", "the Russian Foreign Ministry"),
            ("Кремле", "Москва"),
            ("Кремля", "Российские власти"),
            ("Кремль", "the Kremlin"),
            ("Пентагон", "Минобороны США"),
            ("Госдеп", "the U.S. Foreign Ministry"),
            ("the State Department", "the U.S. Foreign Ministry"),
            ("Пентагоне", "The Pentagon"),
            ("Министерство обороны России", "Минобороны РФ"),
        ]);
        two_sources_both_ways(&[
            ("МИД России", "МИД Китая"),
            ("Кремле", "Киеве"),
            ("Кремль", "Белый дом"),
            ("Минобороны России", "Пентагон"),
            ("МИД России", "China's foreign ministry"),
        ]);
    }

    /// A surname written with or without the Arabic article glued to it is one name.
    #[test]
    fn an_arabic_article_is_no_part_of_a_name() {
        assert!(same_source("Syrian President Bashar al-Assad", "Assad"));
        assert!(same_source("Abdel Fattah el-Sisi", "Sisi"));
        assert!(same_source("al-Qabas", "Qabas"));
        assert!(!same_source("al-Assad", "al-Sabah"));
    }

    /// A name with a word left out is one source; words strewn through a longer name are not.
    #[test]
    fn a_name_with_a_word_left_out_is_one_source() {
        assert!(same_source("Valero Energy Corp", "Valero Corp"));
        // A sentence's capitalized `The` is no word of the name.
        assert!(same_source(
            "Commodity Futures Trading Commission",
            "The Futures Trading Commission"
        ));
        assert!(!same_source(
            "The Iranian Foreign Minister",
            "Syrian Foreign Minister"
        ));
        // An indefinite article is no part of a name.
        assert!(same_source("British securities firm", "a british firm"));
        assert!(same_source(
            "president Bouygues",
            "president Francis Bouygues"
        ));
        assert!(!same_source(
            "Foreign Minister",
            "Foreign Affairs Minister of Iran"
        ));
        assert!(!same_source("Bank Corp", "National Bank of Canada Corp"));
        assert!(!same_source("Bank of England", "Bank of Japan"));
    }

    /// A name with part of it written as initials is one source (`UN`, `United Nations`);
    /// other initials, or other words beside them, are another.
    #[test]
    fn a_name_partly_in_initials_is_one_source() {
        one_source_both_ways(&[
            (
                "The United Nations' humanitarian office",
                "the UN humanitarian office",
            ),
            ("The Bank of Japan's governor", "The BOJ governor"),
            ("United States officials", "U.S. officials"),
            ("the European Union's executive", "the EU executive"),
            (
                "the Ministry of Foreign Affairs spokesman",
                "the MFA spokesman",
            ),
        ]);
        two_sources_both_ways(&[
            (
                "The United Nations' humanitarian office",
                "the UN refugee agency",
            ),
            ("The Bank of Japan's governor", "The BOE governor"),
            ("The Bank of Japan's governor", "The BJ deputy governor"),
            ("the New York Stock Exchange chairman", "the NYSE chief"),
            ("the New York Stock Exchange chairman", "the NYE chairman"),
            ("The Bank of Japan's governor", "the BOJ"),
            // A word that is only a mark or an apostrophe is none.
            ("' , ;", "' UN"),
            // Nor is a name longer than any credit's: the guard that keeps the choices at
            // its joining words few (`of of of ...` would otherwise be tried every way).
            (
                "the Union of Banks and Bankers a b c d e f g h i j k l",
                "the UBB a b c d e f g h i j k l",
            ),
        ]);
    }

    /// The `--outlets` tally groups credits by their key: one agency written with or without its
    /// article and its kind is one key.
    #[test]
    fn agency_credits_written_with_articles_have_one_key() {
        for (a, b) in [
            ("l'agence Reuters", "Reuters"),
            ("la agencia EFE", "EFE"),
            ("le Kremlin", "the Kremlin"),
            ("l’Agence France-Presse", "AFP"),
            ("Agence France-Presse", "AFP"),
            ("l'agenzia Interfax", "Interfax"),
            ("il Cremlino", "the Kremlin"),
            ("l'Ansa", "ANSA"),
        ] {
            assert_eq!(source_key(a), source_key(b), "{a} / {b}");
        }
    }

    #[test]
    fn agencies_are_one_source_in_any_script() {
        for (english, other) in [
            ("TASS", "ТАСС"),
            ("TASS", "塔斯社"),
            ("Reuters", "路透社"),
            ("Reuters", "Рейтер"),
            ("RIA Novosti", "РИА Новости"),
            ("Interfax", "Интерфакса"),
            ("Interfax", "INTERFAX.RU"),
            ("Xinhua", "新华社"),
            ("AFP", "Франс Пресс"),
            ("AP", "اے پی"),
            ("SANA", "агентство САНА"),
            ("Al Jazeera", "Аль-Джазиры"),
            ("Kyodo", "Киодо"),
            ("Ukrinform", "Укринформа"),
            ("Xinhua", "агентства Синьхуа"),
        ] {
            assert!(same_source(english, other), "{english} {other}");
        }
        assert!(!same_source("ТАСС", "Рейтер"));
        assert!(!same_source("САНА", "ИРНА"));
        assert!(!same_source("Reuters", "新华社"));
        // A case ending is only read on a Russian name.
        assert!(!same_source("AP", "اے پی پی"));
    }
}
