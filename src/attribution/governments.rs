//! Governments by the names copies give them. A wire story's `the Kremlin said` becomes a copy's
//! `Moscow said` or `Russia said`; its `the Russian Foreign Ministry` a copy's `Russia's Ministry
//! of Foreign Affairs`; `the European Commission` becomes `Brussels` or `the EU's executive arm`.
//! [`body`] reads which government a credit names, if any (by its country, its capital, the seat
//! of its head, or its people's adjective), and which of its bodies (its name in one word order,
//! `defense ministry` for `the Ministry of Defence`), so that matching can take one government's
//! body named two ways for one source, and another government's for another. Russian names
//! (`МИД России`, `российский МИД`, `Кремль`) are read by [`russian`], into the same keys and
//! the English words of the same bodies.

mod russian;

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// The European Union's key in [`GOVERNMENTS`].
const EU: &str = "european union";

/// A government: its key (the country's usual English name, lower-case, as all these are),
/// the names of the country, the adjectives of its people, and the places that stand for it
/// (its capital, the seat of its head).
struct Government {
    key: &'static str,
    names: &'static [&'static str],
    adjectives: &'static [&'static str],
    seats: &'static [&'static str],
}

/// Shorthand for a [`Government`] in [`GOVERNMENTS`].
const fn government(
    key: &'static str,
    names: &'static [&'static str],
    adjectives: &'static [&'static str],
    seats: &'static [&'static str],
) -> Government {
    Government {
        key,
        names,
        adjectives,
        seats,
    }
}

/// The governments wire copy names most, the European Union's among them: its Commission is
/// what `Brussels` and `the EU's executive arm` name ([`EU_EXECUTIVE`]).
#[rustfmt::skip]
const GOVERNMENTS: &[Government] = &[
    government("russia", &["russia", "russian federation"], &["russian"], &["moscow", "kremlin"]),
    government(
        "united states",
        &["united states", "u.s.", "us", "usa", "u.s.a.", "america", "united states of america"],
        &["u.s.", "us", "american"],
        &["washington", "white house"],
    ),
    government("china", &["china", "people's republic of china", "prc"], &["chinese"], &["beijing"]),
    government("ukraine", &["ukraine"], &["ukrainian"], &["kyiv", "kiev"]),
    government(
        "united kingdom",
        &["britain", "united kingdom", "uk", "u.k.", "great britain"],
        &["british", "uk", "u.k."],
        &["london", "downing street", "number 10", "no. 10", "no 10", "whitehall"],
    ),
    government("france", &["france"], &["french"], &["paris", "elysee", "élysée", "elysee palace", "élysée palace"]),
    government("germany", &["germany"], &["german"], &["berlin"]),
    government("japan", &["japan"], &["japanese"], &["tokyo"]),
    government("iran", &["iran", "islamic republic of iran"], &["iranian"], &["tehran"]),
    government("israel", &["israel"], &["israeli"], &["jerusalem"]),
    government("north korea", &["north korea", "dprk"], &["north korean"], &["pyongyang"]),
    government("south korea", &["south korea", "republic of korea"], &["south korean"], &["seoul"]),
    government("turkey", &["turkey", "türkiye", "turkiye"], &["turkish"], &["ankara"]),
    government("pakistan", &["pakistan"], &["pakistani"], &["islamabad"]),
    government("india", &["india"], &["indian"], &["new delhi"]),
    government("syria", &["syria"], &["syrian"], &["damascus"]),
    government("saudi arabia", &["saudi arabia"], &["saudi"], &["riyadh"]),
    government("egypt", &["egypt"], &["egyptian"], &["cairo"]),
    government("iraq", &["iraq"], &["iraqi"], &["baghdad"]),
    government("afghanistan", &["afghanistan"], &["afghan"], &["kabul"]),
    government("belarus", &["belarus"], &["belarusian", "belarussian"], &["minsk"]),
    government("poland", &["poland"], &["polish"], &["warsaw"]),
    government("norway", &["norway"], &["norwegian"], &["oslo"]),
    government("canada", &["canada"], &["canadian"], &["ottawa"]),
    government("australia", &["australia"], &["australian"], &["canberra"]),
    government("taiwan", &["taiwan"], &["taiwanese"], &["taipei"]),
    government("philippines", &["philippines"], &["philippine", "filipino"], &["manila"]),
    government("vietnam", &["vietnam", "viet nam"], &["vietnamese"], &["hanoi"]),
    government("venezuela", &["venezuela"], &["venezuelan"], &["caracas"]),
    government("cuba", &["cuba"], &["cuban"], &["havana"]),
    government("georgia", &["georgia"], &["georgian"], &["tbilisi"]),
    government("armenia", &["armenia"], &["armenian"], &["yerevan"]),
    government("azerbaijan", &["azerbaijan"], &["azerbaijani", "azeri"], &["baku"]),
    government("italy", &["italy"], &["italian"], &["rome"]),
    government("spain", &["spain"], &["spanish"], &["madrid"]),
    government("qatar", &["qatar"], &["qatari"], &["doha"]),
    government("lebanon", &["lebanon"], &["lebanese"], &["beirut"]),
    government("jordan", &["jordan"], &["jordanian"], &["amman"]),
    government("hungary", &["hungary"], &["hungarian"], &["budapest"]),
    government("mexico", &["mexico"], &["mexican"], &["mexico city"]),
    government("brazil", &["brazil"], &["brazilian"], &["brasilia", "brasília"]),
    government("south africa", &["south africa"], &["south african"], &["pretoria"]),
    government("nigeria", &["nigeria"], &["nigerian"], &["abuja"]),
    government(EU, &["european union", "eu", "e.u."], &["eu", "e.u.", "european"], &["brussels"]),
];

/// What names a government as a whole after its country's name or adjective (`the Russian
/// government`, `Ukrainian authorities`).
const THE_GOVERNMENT_ITSELF: &[&str] = &[
    "government",
    "authorities",
    "administration",
    "leadership",
    "regime",
    "federal government",
    "central government",
];

/// What names the European Union's Commission, which speaks for it: `the European
/// Commission`, `the EU executive`, `the EU's executive arm`.
const EU_EXECUTIVE: &[&str] = &["commission", "executive", "executive arm", "executive body"];

/// Bodies that a place, their initials or other words name (`the Pentagon`, `the MFA`, `the
/// armed forces`), with their government when the name says it, and the body as [`office`]
/// words it.
const BODIES_BY_OTHER_NAMES: &[(&str, Option<&str>, &str)] = &[
    ("pentagon", Some("united states"), "defense department"),
    (
        "war department",
        Some("united states"),
        "defense department",
    ),
    ("dod", Some("united states"), "defense department"),
    ("mfa", None, "foreign ministry"),
    ("foreign office", None, "foreign ministry"),
    ("quai d'orsay", Some("france"), "foreign ministry"),
    ("armed forces", None, "military"),
    ("defense forces", None, "military"),
    ("idf", Some("israel"), "military"),
];

/// What a credit names of a government: whose it is, if the credit says, and which body of it
/// (the credit's other words, a body's name in one word order; empty for the government
/// itself). A credit that names no government is all body (`the Foreign Ministry`, `Reuters`).
#[derive(Debug, PartialEq, Eq)]
pub struct Body {
    /// The government's key, where a country, capital, seat or adjective names it.
    pub government: Option<&'static str>,
    /// The body of it, lower-case, in one word order (`defense ministry`); empty for the whole.
    pub office: String,
}

impl Body {
    /// Whether `other` is named as another government's (`Kyiv` and `the Kremlin`; `a Kremlin
    /// spokesman` and `a White House spokesman`): both name one, and not the same.
    pub fn of_another_government(&self, other: &Body) -> bool {
        matches!((self.government, other.government), (Some(x), Some(y)) if x != y)
    }
}

/// How a phrase of [`GOVERNMENTS`] names its government: as the country, as one of the places
/// that stand for it, or as its people's adjective (`us` and `u.s.` are both a name and one).
#[derive(Clone, Copy, Default)]
struct Naming {
    country: bool,
    seat: bool,
    adjective: bool,
}

/// Every phrase of [`GOVERNMENTS`], with its government's key and how it names it: a credit's
/// words are looked up, not compared with each phrase in turn (as [`body`] is asked of every
/// pair of credits a sentence and its copy give, and of every name the reader reads).
static PHRASES: LazyLock<FxHashMap<&'static str, (&'static str, Naming)>> = LazyLock::new(|| {
    let mut phrases: FxHashMap<&'static str, (&'static str, Naming)> = FxHashMap::default();
    for g in GOVERNMENTS {
        let mut add = |phrase: &'static str, set: fn(&mut Naming)| {
            set(&mut phrases
                .entry(phrase)
                .or_insert((g.key, Naming::default()))
                .1);
        };
        g.names.iter().for_each(|p| add(p, |n| n.country = true));
        g.seats.iter().for_each(|p| add(p, |n| n.seat = true));
        g.adjectives
            .iter()
            .for_each(|p| add(p, |n| n.adjective = true));
    }
    phrases
});

/// The government `phrase` names and how.
fn naming(phrase: &str) -> Option<(&'static str, Naming)> {
    PHRASES.get(phrase).copied()
}

/// The government that `phrase` alone names in any way, its people's adjective too (`U.S.`,
/// `American`, `the Kremlin`): in `U.S. officials` and `some American officials` the same.
pub fn named_by(phrase: &str) -> Option<&'static str> {
    let lower = phrase.to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    naming(lower).map(|(key, _)| key)
}

/// Which government credit `source` names and which body of it (`Russia's Ministry of Foreign
/// Affairs`: Russia's foreign ministry; `the Kremlin`, `Moscow`, `the Russian government`:
/// Russia's government). The government's name is read before the body (`the Russian`,
/// `Russia's`, `Kremlin`) or after it (`the Ministry of Defence of Russia`); a place after `in`
/// is where a body is, not whose (`the U.S. Embassy in Moscow`).
pub fn body(source: &str) -> Body {
    // The credit in lower case, its words one space apart and without the marks around them.
    let mut lower = String::with_capacity(source.len());
    for word in source.split_whitespace() {
        let word = word.trim_matches(|c| matches!(c, ',' | ';' | ':' | '"' | '“' | '”'));
        if word.is_empty() {
            continue;
        }
        if !lower.is_empty() {
            lower.push(' ');
        }
        for c in word.chars() {
            match c {
                '’' => lower.push('\''),
                c => lower.extend(c.to_lowercase()),
            }
        }
    }
    let text = ["the ", "a ", "an "]
        .iter()
        .find_map(|article| lower.strip_prefix(article))
        .unwrap_or(&lower);
    let (government, mut office) = if text.chars().any(super::is_cyrillic) {
        russian::whose(text)
    } else {
        let (government, rest) = whose(text);
        let spelt = spelt(rest);
        match BODIES_BY_OTHER_NAMES
            .iter()
            .find(|(name, ..)| *name == spelt)
        {
            Some((_, whose, body)) => (government.or(*whose), (*body).to_string()),
            None => (government, office(spelt)),
        }
    };
    if let Some(key) = government {
        if THE_GOVERNMENT_ITSELF.contains(&office.as_str())
            || (key == EU && EU_EXECUTIVE.contains(&office.as_str()))
            || naming(&office).is_some_and(|(k, n)| k == key && (n.country || n.seat))
        {
            office.clear();
        }
        // The United States' ministries are departments (`Минобороны США`, `the U.S. Defense
        // Ministry` of translated copy: the Pentagon).
        if key == "united states" {
            match office.as_str() {
                "defense ministry" => office = "defense department".into(),
                "foreign ministry" => office = "state department".into(),
                _ => {}
            }
        }
    }
    Body { government, office }
}

/// The government named first in `text` (a name or seat, alone or in the possessive, or an
/// adjective with a body after it; the longest of three words or fewer) or last after `of`
/// (a country's name), and the words left.
fn whose(text: &str) -> (Option<&'static str>, &str) {
    // Where each of the first three words ends.
    let mut ends = [0; 3];
    let mut words = 0;
    for (at, _) in text.match_indices(' ').take(3) {
        ends[words] = at;
        words += 1;
    }
    if words < 3 {
        ends[words] = text.len();
        words += 1;
    }
    for &end in ends[..words].iter().rev() {
        let (head, rest) = (&text[..end], text[end..].trim_start());
        let government = match head.strip_suffix("'s").or_else(|| head.strip_suffix('\'')) {
            Some(bare) => naming(bare).filter(|(_, n)| n.country || n.seat),
            // An adjective alone names no government (`the French`, `American` the airline).
            None => naming(head)
                .filter(|(_, n)| n.country || n.seat || (n.adjective && !rest.is_empty())),
        };
        if let Some((key, _)) = government {
            return (Some(key), rest);
        }
    }
    if let Some(of) = text.rfind(" of ") {
        let after = &text[of + " of ".len()..];
        let after = after.strip_prefix("the ").unwrap_or(after);
        if let Some((key, _)) = naming(after).filter(|(_, n)| n.country) {
            return (Some(key), &text[..of]);
        }
    }
    (None, text)
}

/// `text` spelt one way (`defence`, `internal`: `defense`, `interior`).
fn spelt(text: &str) -> String {
    let mut spelt = String::with_capacity(text.len());
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !spelt.is_empty() {
            spelt.push(' ');
        }
        spelt.push_str(match word {
            "defence" => "defense",
            "internal" => "interior",
            word => word,
        });
    }
    spelt
}

/// A body's name in one word order: `ministry of foreign affairs`, `foreign affairs ministry`
/// and `foreign ministry` are `foreign ministry`; `department of the treasury` is `treasury
/// department`; `pentagon` and `mfa` what [`BODIES_BY_OTHER_NAMES`] says they are.
fn office(spelt: String) -> String {
    if let Some((_, _, body)) = BODIES_BY_OTHER_NAMES
        .iter()
        .find(|(name, ..)| *name == spelt)
    {
        return (*body).to_string();
    }
    for kind in ["ministry", "department"] {
        // `ministry of foreign affairs`, `department of the treasury`.
        if let Some(what) = spelt
            .strip_prefix(kind)
            .and_then(|rest| rest.strip_prefix(" of "))
        {
            let what = what.strip_prefix("the ").unwrap_or(what);
            let what = what.strip_suffix(" affairs").unwrap_or(what);
            if !what.is_empty() && !what.contains(' ') {
                return office(format!("{what} {kind}"));
            }
        }
        // `foreign affairs ministry`.
        if let Some(what) = spelt
            .strip_suffix(kind)
            .and_then(|rest| rest.strip_suffix(" affairs "))
        {
            return office(format!("{what} {kind}"));
        }
    }
    spelt
}

/// Countries whose names are people's names too (`Jordan said`): alone, they are no government.
const PEOPLES_NAMES: &[&str] = &["Jordan", "Georgia"];

/// Whether `source`, a name alone, is a government as a whole: a country, its capital or the
/// seat of its head (`Russia`, `Moscow`, `the Kremlin`, `The United States`, `Кремль`), but for
/// [`PEOPLES_NAMES`].
pub fn stands_for_a_government(source: &str) -> bool {
    speaks_for_a_government(source, false)
}

/// Whether `source`, a name, is a government ([`stands_for_a_government`]) or one of its bodies
/// known by another name than a ministry's (`the Israel Defense Forces`, `the Pentagon`, `the
/// Russian MFA`): an institution, though it reads as a name does.
pub fn government_or_body(source: &str) -> bool {
    speaks_for_a_government(source, true)
}

/// [`stands_for_a_government`], or [`government_or_body`] where `or_body`.
fn speaks_for_a_government(source: &str, or_body: bool) -> bool {
    if PEOPLES_NAMES.contains(&source) {
        return false;
    }
    let body = body(source);
    body.government.is_some()
        && (body.office.is_empty()
            || (or_body
                && BODIES_BY_OTHER_NAMES
                    .iter()
                    .any(|(_, _, office)| *office == body.office)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The government and body of `source`.
    fn read(source: &str) -> (Option<&'static str>, String) {
        let Body { government, office } = body(source);
        (government, office)
    }

    #[test]
    fn a_government_is_read_by_its_country_capital_seat_or_adjective() {
        for source in [
            "Russia",
            "Moscow",
            "the Kremlin",
            "The Russian government",
            "Russian authorities",
            "the government of Russia",
            "Russia's government",
        ] {
            assert_eq!(read(source), (Some("russia"), String::new()), "{source}");
        }
        for source in [
            "The United States",
            "The U.S.",
            "Washington",
            "The White House",
            "the U.S. administration",
            "The United States' government",
        ] {
            assert_eq!(
                read(source),
                (Some("united states"), String::new()),
                "{source}"
            );
        }
        for source in [
            "The European Commission",
            "Brussels",
            "the EU's executive arm",
            "The EU",
            "the European Union",
        ] {
            assert_eq!(
                read(source),
                (Some("european union"), String::new()),
                "{source}"
            );
        }
        assert_eq!(read("Downing Street").0, Some("united kingdom"));
        assert_eq!(read("Britain").0, Some("united kingdom"));
    }

    #[test]
    fn a_body_is_read_in_one_word_order() {
        for (source, government, office) in [
            (
                "The Russian Foreign Ministry",
                Some("russia"),
                "foreign ministry",
            ),
            (
                "Russia's Ministry of Foreign Affairs",
                Some("russia"),
                "foreign ministry",
            ),
            ("the Russian MFA", Some("russia"), "foreign ministry"),
            ("The Foreign Ministry", None, "foreign ministry"),
            ("The Ministry of Defence", None, "defense ministry"),
            (
                "the Ministry of Defence of Russia",
                Some("russia"),
                "defense ministry",
            ),
            (
                "the Ministry of Internal Affairs",
                None,
                "interior ministry",
            ),
            ("The Pentagon", Some("united states"), "defense department"),
            (
                "The U.S. Department of Defense",
                Some("united states"),
                "defense department",
            ),
            ("The Defense Department", None, "defense department"),
            (
                "the Department of the Treasury",
                None,
                "treasury department",
            ),
            ("the Foreign Affairs Ministry", None, "foreign ministry"),
            // A seat after the country's name is the government too.
            ("the U.S. White House", Some("united states"), ""),
            (
                "Britain's Foreign Office",
                Some("united kingdom"),
                "foreign ministry",
            ),
            ("The Israel Defense Forces", Some("israel"), "military"),
            ("the Israeli military", Some("israel"), "military"),
            ("The IDF", Some("israel"), "military"),
            (
                "Kremlin spokesman Dmitry Peskov",
                Some("russia"),
                "spokesman dmitry peskov",
            ),
            // A place after `in` is where, not whose.
            (
                "the U.S. Embassy in Moscow",
                Some("united states"),
                "embassy in moscow",
            ),
            ("the embassy in Moscow", None, "embassy in moscow"),
            // A city's body is no government's.
            ("the mayor of Moscow", None, "mayor of moscow"),
            ("Reuters", None, "reuters"),
        ] {
            assert_eq!(read(source), (government, office.to_string()), "{source}");
        }
    }

    #[test]
    fn a_government_alone_stands_for_it() {
        for source in [
            "Russia",
            "The Kremlin",
            "Kyiv",
            "The United States",
            "Brussels",
        ] {
            assert!(stands_for_a_government(source), "{source}");
        }
        for source in [
            "The Russian Foreign Ministry",
            "Reuters",
            "Smith",
            "The Pentagon",
            "American",
            "the French",
            "Jordan",
            "Georgia",
        ] {
            assert!(!stands_for_a_government(source), "{source}");
        }
        // A body named otherwise than a ministry is a government's too, not a person's.
        for source in [
            "The Pentagon",
            "Israel Defense Forces",
            "the Russian MFA",
            "the U.S. Defense Ministry",
        ] {
            assert!(government_or_body(source), "{source}");
        }
        for source in [
            "Kremlin spokesman Dmitry Peskov",
            "the Foreign Ministry",
            "Jordan",
        ] {
            assert!(!government_or_body(source), "{source}");
        }
    }
}
