//! Governments as Russian copy names them. Russian declines its nouns and puts whose a body is
//! after it in the genitive (`МИД России`, `пресс-служба Кремля`) or before it as an adjective
//! (`российский МИД`, `российского внешнеполитического ведомства`), so names are read word by
//! word as stems, each followed by a case ending of up to three letters (`Кремль`, `Кремля`,
//! `Кремлём`; `российский`, `российского`), and a body is put in the English words the English
//! reading gives it (`МИД`, `Министерство иностранных дел`: `foreign ministry`), so that one
//! ministry is one source in both languages.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// What a run of words of a credit names: a government (and how), or a body of one.
#[derive(Clone, Copy)]
enum Names {
    /// A government by its country's name (`России`, `РФ`), read anywhere in a credit.
    Country(&'static str),
    /// A government by its people's adjective (`российский`): only before or after a body.
    Adjective(&'static str),
    /// A government by the seat of its head (`Кремля`, `Белого дома`), read anywhere.
    Seat(&'static str),
    /// A government by its capital, only when the capital is the whole credit (`Москва
    /// заявила`); `мэр Москвы` is the city's mayor, `власти Москвы` the city's authorities.
    Capital(&'static str),
    /// A body, in the English words of [`super::body`]'s office, and its government when the
    /// name says it (`Пентагон`, `Госдеп`: the United States').
    Body(&'static str, Option<&'static str>),
}

/// One government's Russian names: stems of its country's names, its people's adjectives, the
/// seats of its head and its capital (see [`Phrase`] for how a stem is written).
type Government = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

/// Governments by their Russian names: key (as [`super::GOVERNMENTS`] has it), countries,
/// adjectives, seats, capitals. Adjectives of two capitals stand for their governments in
/// Russian news (`киевские власти`, `вашингтонская администрация`); Moscow's does not
/// (`московские власти` are the city's).
#[rustfmt::skip]
const GOVERNMENTS: &[Government] = &[
    ("russia", &["росси", "рф$", "российск федераци"], &["российск", "кремлевск"], &["кремл"], &["москв"]),
    ("united states", &["сша$", "соединенн штат"], &["американск", "вашингтонск"], &["бел дом"], &["вашингтон"]),
    ("china", &["кита", "кнр$"], &["китайск"], &[], &["пекин"]),
    ("ukraine", &["украин"], &["украинск", "киевск"], &[], &["киев"]),
    ("united kingdom", &["великобритани", "британи", "соединенн королевств"], &["британск"], &["даунинг-стрит$"], &["лондон"]),
    ("france", &["франци"], &["французск"], &["елисейск двор"], &["париж"]),
    ("germany", &["германи", "фрг$"], &["германск", "немецк"], &[], &["берлин"]),
    ("japan", &["япони"], &["японск"], &[], &["токио$"]),
    ("iran", &["иран"], &["иранск"], &[], &["тегеран"]),
    ("israel", &["израил"], &["израильск"], &[], &["иерусалим"]),
    ("north korea", &["кндр$", "северн коре"], &["северокорейск"], &[], &["пхеньян"]),
    ("south korea", &["южн коре", "республик коре"], &["южнокорейск"], &[], &["сеул"]),
    ("turkey", &["турци"], &["турецк"], &[], &["анкар"]),
    ("pakistan", &["пакистан"], &["пакистанск"], &[], &["исламабад"]),
    ("india", &["инди"], &["индийск"], &[], &["нью-дели$"]),
    ("syria", &["сири"], &["сирийск"], &[], &["дамаск"]),
    ("iraq", &["ирак"], &["иракск"], &[], &["багдад"]),
    ("afghanistan", &["афганистан"], &["афганск"], &[], &["кабул"]),
    ("belarus", &["белорусси", "беларус"], &["белорусск"], &[], &["минск"]),
    ("poland", &["польш"], &["польск"], &[], &["варшав"]),
    ("norway", &["норвеги"], &["норвежск"], &[], &["осло$"]),
    ("canada", &["канад"], &["канадск"], &[], &["оттав"]),
    ("georgia", &["грузи"], &["грузинск"], &[], &["тбилиси$"]),
    ("armenia", &["армени"], &["армянск"], &[], &["ереван"]),
    ("azerbaijan", &["азербайджан"], &["азербайджанск"], &[], &["баку$"]),
    ("italy", &["итали"], &["итальянск"], &[], &["рим"]),
    ("spain", &["испани"], &["испанск"], &[], &["мадрид"]),
    ("egypt", &["египт", "египет$"], &["египетск"], &[], &["каир"]),
    ("hungary", &["венгри"], &["венгерск"], &[], &["будапешт"]),
    ("venezuela", &["венесуэл"], &["венесуэльск"], &[], &["каракас"]),
    (super::EU, &["ес$", "евросоюз", "европейск союз"], &[], &[], &["брюссел"]),
];

/// Bodies by their Russian names, with the office [`super::body`] gives their English names (the
/// government itself as the English word [`super::THE_GOVERNMENT_ITSELF`] holds), and their
/// government where the name says it.
#[rustfmt::skip]
const BODIES: &[(&str, &str, Option<&str>)] = &[
    ("мид", "foreign ministry", None),
    ("министерств иностранн дел$", "foreign ministry", None),
    ("внешнеполитическ ведомств", "foreign ministry", None),
    ("дипведомств", "foreign ministry", None),
    ("минобороны$", "defense ministry", None),
    ("министерств оборон", "defense ministry", None),
    ("военн ведомств", "defense ministry", None),
    ("оборонн ведомств", "defense ministry", None),
    ("пентагон", "defense department", Some("united states")),
    ("госдеп", "state department", Some("united states")),
    ("госдепартамент", "state department", Some("united states")),
    ("государственн департамент", "state department", Some("united states")),
    ("мвд$", "interior ministry", None),
    ("министерств внутренн дел$", "interior ministry", None),
    ("минфин", "finance ministry", None),
    ("министерств финанс", "finance ministry", None),
    ("минюст", "justice ministry", None),
    ("министерств юстици", "justice ministry", None),
    ("минздрав", "health ministry", None),
    ("министерств здравоохранени", "health ministry", None),
    ("мчс$", "emergencies ministry", None),
    ("вооруженн сил", "military", None),
    ("арми", "military", None),
    ("генштаб", "general staff", None),
    ("правительств", "government", None),
    ("власт", "authorities", None),
    ("руководств", "leadership", None),
    ("администраци", "administration", None),
    ("еврокомисси", "commission", Some(super::EU)),
    ("европейск комисси", "commission", Some(super::EU)),
    ("пресс-служб", "press service", None),
    ("посольств", "embassy", None),
];

/// A name of [`GOVERNMENTS`] or [`BODIES`]: its words' stems, each matching a word that starts
/// with it and ends in at most three more letters (a case ending), or, marked with a trailing
/// `$` in the tables, only the word itself (`США`, `РФ`: abbreviations are not declined).
struct Phrase {
    stems: Vec<(&'static str, bool)>,
    names: Names,
}

/// Every name of [`GOVERNMENTS`] and [`BODIES`], longest first so that `российск федераци` is
/// read before `российск`.
static PHRASES: LazyLock<Vec<Phrase>> = LazyLock::new(|| {
    let mut phrases = Vec::new();
    let mut add = |name: &'static str, names: Names| {
        let stems = name
            .split(' ')
            .map(|stem| match stem.strip_suffix('$') {
                Some(word) => (word, true),
                None => (stem, false),
            })
            .collect();
        phrases.push(Phrase { stems, names });
    };
    for &(key, countries, adjectives, seats, capitals) in GOVERNMENTS {
        countries.iter().for_each(|n| add(n, Names::Country(key)));
        adjectives
            .iter()
            .for_each(|n| add(n, Names::Adjective(key)));
        seats.iter().for_each(|n| add(n, Names::Seat(key)));
        capitals.iter().for_each(|n| add(n, Names::Capital(key)));
    }
    for &(name, office, government) in BODIES {
        add(name, Names::Body(office, government));
    }
    phrases.sort_by_key(|p| std::cmp::Reverse(p.stems.len()));
    phrases
});

/// Whether `word` (lower case, `ё` written `е`) is `stem` with a case ending, or `stem` itself
/// where `exact`.
fn declines(word: &str, (stem, exact): (&str, bool)) -> bool {
    word.strip_prefix(stem).is_some_and(|ending| {
        ending.is_empty()
            || (!exact
                && ending.chars().count() <= 3
                && ending.chars().all(super::super::is_cyrillic))
    })
}

/// The phrase of [`PHRASES`] that `words` start with, and how many words it takes.
fn phrase_at(words: &[Cow<str>]) -> Option<(Names, usize)> {
    PHRASES.iter().find_map(|p| {
        (p.stems.len() <= words.len()
            && p.stems
                .iter()
                .zip(words)
                .all(|(&stem, word)| declines(word, stem)))
        .then_some((p.names, p.stems.len()))
    })
}

/// Prepositions of where a body is (`посольство США в Москве`): a place after one is not whose.
const WHERE: &[&str] = &["в", "во", "на"];

/// A run of a credit's words as [`whose`] reads it.
enum Part {
    /// A body, as [`BODIES`] words its office.
    Office(&'static str),
    /// Words read as they are (or the government named, where it is used as one).
    Words(Range<usize>),
}

/// Which government a Russian credit names and its body's words, from `text` (lower case, its
/// words one space apart): the office in English words where [`BODIES`] holds it, the credit's
/// other words as they are (`ё` written `е`).
pub(super) fn whose(text: &str) -> (Option<&'static str>, String) {
    // Most words hold no `ё`: only those are copied.
    let words: Vec<Cow<str>> = text
        .split(' ')
        .map(|w| {
            if w.contains('ё') {
                Cow::Owned(w.replace('ё', "е"))
            } else {
                Cow::Borrowed(w)
            }
        })
        .collect();
    // The credit's words read, the first government named among them (not after a preposition
    // of place) apart.
    let mut parts: Vec<Part> = Vec::new();
    let mut named: Option<(Names, usize)> = None;
    let mut government = None;
    let mut at = 0;
    while at < words.len() {
        let after_where = at > 0 && WHERE.contains(&words[at - 1].as_ref());
        match phrase_at(&words[at..]) {
            Some((Names::Body(office, whose), taken)) => {
                parts.push(Part::Office(office));
                government = government.or(whose);
                at += taken;
            }
            Some((names, taken)) if named.is_none() && !after_where => {
                named = Some((names, parts.len()));
                parts.push(Part::Words(at..at + taken));
                at += taken;
            }
            _ => {
                parts.push(Part::Words(at..at + 1));
                at += 1;
            }
        }
    }
    // The government named, where it names one here: an adjective only beside other words
    // (`российские` alone names none), a capital only as the whole credit (`мэр Москвы`).
    let used = named.and_then(|(names, part)| {
        let key = match names {
            Names::Country(key) | Names::Seat(key) => Some(key),
            Names::Adjective(key) => (parts.len() > 1).then_some(key),
            Names::Capital(key) => (parts.len() == 1).then_some(key),
            Names::Body(..) => None,
        };
        key.map(|key| (key, part))
    });
    let mut office: Vec<&str> = Vec::with_capacity(parts.len());
    for (i, part) in parts.into_iter().enumerate() {
        match part {
            Part::Office(body) => office.push(body),
            Part::Words(_) if used.is_some_and(|(_, part)| part == i) => {}
            Part::Words(range) => office.extend(words[range].iter().map(AsRef::as_ref)),
        }
    }
    (used.map(|(key, _)| key).or(government), office.join(" "))
}

#[cfg(test)]
mod tests {
    use super::super::body;
    use super::*;

    /// The government and body of `source`, as [`body`] reads it.
    fn read(source: &str) -> (Option<&'static str>, String) {
        let body = body(source);
        (body.government, body.office)
    }

    /// Asserts that each of `sources` is `office` of `government`.
    fn all_read(sources: &[&str], government: Option<&'static str>, office: &str) {
        for source in sources {
            assert_eq!(read(source), (government, office.to_string()), "{source}");
        }
    }

    #[test]
    fn a_body_is_read_in_any_case_and_word_order() {
        let russia = Some("russia");
        all_read(
            &[
                "МИД России",
                "МИДа России",
                "российский МИД",
                "российском МИДе",
                "Министерство иностранных дел РФ",
                "Министерстве иностранных дел Российской Федерации",
                "российского внешнеполитического ведомства",
                "российское дипведомство",
            ],
            russia,
            "foreign ministry",
        );
        all_read(
            &[
                "Минобороны РФ",
                "Министерства обороны России",
                "российское военное ведомство",
            ],
            russia,
            "defense ministry",
        );
        all_read(&["пресс-службе Кремля"], russia, "press service");
        let us = Some("united states");
        all_read(
            &[
                "Пентагон",
                "Пентагоне",
                "Минобороны США",
                "американского военного ведомства",
            ],
            us,
            "defense department",
        );
        all_read(&["Госдеп"], us, "state department");
        all_read(&["МИД Китая"], Some("china"), "foreign ministry");
        // Where a body is is not whose it is.
        all_read(&["посольство США в Москве"], us, "embassy в москве");
        all_read(&["посольство в России"], None, "embassy в россии");
        all_read(&["МИД"], None, "foreign ministry");
    }

    #[test]
    fn a_government_is_its_country_seat_or_capital_alone() {
        all_read(
            &[
                "Кремль",
                "Кремле",
                "Кремлём",
                "Москва",
                "Москве",
                "Россия",
                "правительство России",
                "российские власти",
                "Российская Федерация",
            ],
            Some("russia"),
            "",
        );
        all_read(
            &[
                "Белый дом",
                "Белом доме",
                "Вашингтон",
                "США",
                "администрация США",
                "Соединённые Штаты",
            ],
            Some("united states"),
            "",
        );
        all_read(
            &["Еврокомиссия", "Брюссель", "Евросоюз"],
            Some(super::super::EU),
            "",
        );
        // A capital inside a longer credit is the city; an adjective alone names nobody.
        all_read(&["мэр Москвы"], None, "мэр москвы");
        all_read(&["власти Москвы"], None, "authorities москвы");
        all_read(&["российские"], None, "российские");
        all_read(&["Лавров"], None, "лавров");
    }

    #[test]
    fn a_stem_takes_a_case_ending_and_an_abbreviation_none() {
        assert!(declines("кремля", ("кремл", false)));
        assert!(declines("кремлем", ("кремл", false)));
        assert!(declines("сша", ("сша", true)));
        assert!(!declines("сшаа", ("сша", true)));
        // More than an ending: another word.
        assert!(!declines("российскому", ("росси", false)));
        assert!(!declines("кремлевский", ("кремл", false)));
    }
}
