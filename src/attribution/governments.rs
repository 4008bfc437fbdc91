//! Governments by the names copies give them. A wire story's `the Kremlin said` becomes a copy's
//! `Moscow said` or `Russia said`; its `the Russian Foreign Ministry` a copy's `Russia's Ministry
//! of Foreign Affairs`; `the European Commission` becomes `Brussels` or `the EU's executive arm`.
//! [`body`] reads which government a credit names, if any (by its country, its capital, the seat
//! of its head, or its people's adjective), and which of its bodies (its name in one word order,
//! `defense ministry` for `the Ministry of Defence`), so that matching can take one government's
//! body named two ways for one source, and another government's for another.

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
    government("european union", &["european union", "eu", "e.u."], &["eu", "e.u.", "european"], &["brussels"]),
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

/// Bodies that a place or their initials name (`the Pentagon`, `the MFA`), with their
/// government when the name says it, and the body as [`office`] words it.
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

/// Which government credit `source` names and which body of it (`Russia's Ministry of Foreign
/// Affairs`: Russia's foreign ministry; `the Kremlin`, `Moscow`, `the Russian government`:
/// Russia's government). The government's name is read before the body (`the Russian`,
/// `Russia's`, `Kremlin`) or after it (`the Ministry of Defence of Russia`); a place after `in`
/// is where a body is, not whose (`the U.S. Embassy in Moscow`).
pub fn body(source: &str) -> Body {
    let lower = source.to_lowercase().replace('’', "'");
    let mut words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c| matches!(c, ',' | ';' | ':' | '"' | '“' | '”')))
        .filter(|w| !w.is_empty())
        .collect();
    if words
        .first()
        .is_some_and(|w| matches!(*w, "the" | "a" | "an"))
    {
        words.remove(0);
    }
    let (government, rest) = whose(&words);
    let spelt = spelt(rest);
    let government = government.or_else(|| {
        BODIES_BY_OTHER_NAMES
            .iter()
            .find(|(name, ..)| *name == spelt)
            .and_then(|(_, government, _)| *government)
    });
    let mut office = office(&spelt);
    if let Some(key) = government
        && (THE_GOVERNMENT_ITSELF.contains(&office.as_str())
            || (key == "european union" && EU_EXECUTIVE.contains(&office.as_str()))
            || named(key, &office, true))
    {
        office.clear();
    }
    Body { government, office }
}

/// The government named first in `words` (a name or seat, alone or in the possessive, or an
/// adjective; the longest of three words or fewer) or last after `of`, and the words left.
fn whose<'w>(words: &'w [&'w str]) -> (Option<&'static str>, &'w [&'w str]) {
    for n in (1..=words.len().min(3)).rev() {
        let head = words[..n].join(" ");
        let bare = ["'s", "'"]
            .iter()
            .find_map(|ending| head.strip_suffix(ending));
        // An adjective alone names no government (`the French`, `American` the airline).
        let adjective = |g: &Government| n < words.len() && g.adjectives.contains(&head.as_str());
        let government = match bare {
            Some(bare) => GOVERNMENTS.iter().find(|g| named(g.key, bare, true)),
            None => GOVERNMENTS
                .iter()
                .find(|g| named(g.key, &head, true) || adjective(g)),
        };
        if let Some(government) = government {
            return (Some(government.key), &words[n..]);
        }
    }
    if let Some(of) = words.iter().rposition(|w| *w == "of") {
        let after = &words[of + 1..];
        let after = after.strip_prefix(&["the"]).unwrap_or(after);
        let name = after.join(" ");
        if let Some(government) = GOVERNMENTS.iter().find(|g| named(g.key, &name, false)) {
            return (Some(government.key), &words[..of]);
        }
    }
    (None, words)
}

/// Whether `name` names government `key`: its country's name, or one of its seats when
/// `seats` (a body `of Moscow` is the city's, not the government's).
fn named(key: &str, name: &str, seats: bool) -> bool {
    GOVERNMENTS
        .iter()
        .find(|g| g.key == key)
        .is_some_and(|g| g.names.contains(&name) || (seats && g.seats.contains(&name)))
}

/// `words` joined, spelt one way (`defence`, `internal`: `defense`, `interior`).
fn spelt(words: &[&str]) -> String {
    let mut joined = String::new();
    for word in words {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(match *word {
            "defence" => "defense",
            "internal" => "interior",
            word => word,
        });
    }
    joined
}

/// A body's name in one word order: `ministry of foreign affairs`, `foreign affairs ministry`
/// and `foreign ministry` are `foreign ministry`; `department of the treasury` is `treasury
/// department`; `pentagon` and `mfa` what [`BODIES_BY_OTHER_NAMES`] says they are.
fn office(spelt: &str) -> String {
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
                return office(&format!("{what} {kind}"));
            }
        }
        // `foreign affairs ministry`.
        if let Some(what) = spelt.strip_suffix(&format!(" affairs {kind}")) {
            return office(&format!("{what} {kind}"));
        }
    }
    spelt.to_string()
}

/// Whether `source`, a name alone, is a government as a whole: a country, its capital or the
/// seat of its head (`Russia`, `Moscow`, `the Kremlin`, `The United States`).
pub fn stands_for_a_government(source: &str) -> bool {
    let body = body(source);
    body.government.is_some() && body.office.is_empty()
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
        ] {
            assert!(!stands_for_a_government(source), "{source}");
        }
    }
}
