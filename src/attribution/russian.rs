//! Russian credits, as Russian agency copy and the outlets that republish it write them:
//! `сообщает РИА Новости` (RIA Novosti reports), `Лавров заявил` (Lavrov said), `по данным ТАСС`
//! (according to TASS), `со ссылкой на МИД России` (citing the Russian foreign ministry), `как
//! сообщили в пресс-службе Кремля` (the Kremlin's press service said).
//!
//! Russian declines its nouns, so a source is a stem with its endings (`Интерфакс`,
//! `Интерфакса`; `Кремль`, `Кремле`), and its word order is free, so a `said` or `reported` cue
//! credits a source on either side: right after it, or up to a few words before it. An agency
//! right after a `said` verb, or after a verb in the plural or the feminine, is whom the speaker
//! told, in the dative (`заявил РИА Новости Лавров`: Lavrov told RIA Novosti), and no source, as
//! `told Reuters` is none in English; `сообщает РИА Новости` (RIA Novosti reports) credits it.
//! The reading is `listed.rs`'s; this module holds the lists.

use std::sync::LazyLock;

use regex::Regex;

use super::listed::{self, Language};
use super::{Attribution, Cue};
use crate::normalize;

/// Whom an institution or official belongs to: `МИД России`, `посольство США`.
const OWNER: &str = r"(?:России|РФ|США|КНР|ЕС|ООН|НАТО|\p{Lu}\p{Ll}+)";

/// Agencies and newspapers, with their endings; a correspondent of one credits it.
const AGENCIES: &str = r"(?:[Кк]орреспондент\p{Ll}{0,2}\s+|[Аа]гентств\p{Ll}{1,2}\s+)?(?:РИА\s+Новости|РИА|ТАСС|Интерфакс\p{Ll}{0,2}|ИНТЕРФАКС|INTERFAX(?:\.RU)?|Interfax|РБК|Рейтер\p{Ll}{0,3}|Reuters|Франс\s+Пресс|AFP|Ассошиэйтед\s+Пресс|AP|Синьхуа|Xinhua|САНА|Киодо|Йонхап|ИРНА|Анадолу|УНИАН|Укринформ\p{Ll}{0,2}|ЦТАК|Аль-Джазир\p{Ll}|Блумберг\p{Ll}{0,2}|Bloomberg|Би-би-си|BBC|CNN|Си-эн-эн|Sputnik|Коммерсант\p{Ll}{0,2}|Известия\p{Ll}{0,2}|Известий|Ведомост\p{Ll}{1,3}|СМИ)";

/// A country's adjective before its body (`российский МИД`, `американское посольство`), with its
/// endings: the adjectives `governments.rs` reads.
const WHOSE: &str = r"(?:(?:[Рр]оссийск|[Аа]мериканск|[Кк]итайск|[Уу]краинск|[Кк]иевск|[Бб]ританск|[Фф]ранцузск|[Нн]емецк|[Гг]ерманск|[Яя]понск|[Ии]ранск|[Ии]зраильск|[Тт]урецк|[Бб]елорусск|[Пп]ольск|[Нн]орвежск|[Кк]ремл[её]вск|[Вв]ашингтонск)\p{Ll}{2,3}\s+)";

/// Ministries, services and other bodies, with their endings, perhaps after [`WHOSE`] and
/// before an [`OWNER`].
const INSTITUTIONS: &str = r"WHOSE?(?:(?:МИД\p{Ll}{0,2}|МВД|Минобороны|[Мм]инистерств\p{Ll}{1,2}\s+(?:иностранных\s+дел|обороны|финансов|юстиции|здравоохранения|энергетики|внутренних\s+дел|экономического\s+развития)|(?:[Пп]равительств|[Пп]осольств|[Аа]дминистраци|[Дд]ипведомств|(?:[Вв]нешнеполитическ|[Вв]оенн|[Оо]боронн)\p{Ll}{2,3}\s+ведомств)\p{Ll}{1,2}|[Вв]ласт(?:и|ей|ям|ями|ях)|Следственн\p{Ll}{2,3}\s+комитет\p{Ll}{0,2})(?:\s+OWNER)?|Минфин\p{Ll}{0,2}|Минздрав\p{Ll}{0,2}|Минюст\p{Ll}{0,2}|ФСБ|МЧС|Генштаб\p{Ll}{0,2}|Кремл\p{Ll}{1,2}|Бел\p{Ll}{2,3}\s+дом\p{Ll}{0,2}|Госдеп\p{Ll}{0,8}|Пентагон\p{Ll}{0,2}|[Пп]ресс-служб\p{Ll}{1,2}(?:\s+(?:МИД|МВД|Кремля|президента|правительства|министерства|ведомства|компании|суда|OWNER)){0,2}|[Пп]олици\p{Ll}{1,2}|[Вв]едомств\p{Ll}{1,2}|(?:Ген)?[Пп]рокуратур\p{Ll}{1,2}|Центробанк\p{Ll}{0,2}|Банк\p{Ll}{0,2}\s+России)";

/// Titles, perhaps after a country's adjective ([`WHOSE`]: `Российский министр`) and followed
/// by whose (`министр иностранных дел России`) and a name (`Сергей Лавров`), or by a portfolio
/// alone (`министр иностранных дел`, `министр обороны`); whose is in words of three letters or
/// more, or `по` and `и` (`министр по делам`), never `в` or `на`, which place a verb's subject
/// (`президент прибыл в Пекин`).
const TITLED: &str = r"(?:[Оо]фициальн\p{Ll}+\s+|[Бб]ывш\p{Ll}+\s+)?WHOSE?(?:[Пп]резидент|[Пп]ремьер-министр|[Пп]ремьер|[Мм]инистр|[Гг]лав[аеуы]|[Гг]убернатор|[Мм]эр|[Пп]осол|[Зз]амминистра|[Зз]аместитель|[Пп]ресс-секретар[ьяю]|[Пп]редставител[ьяю]|[Сс]пикер|[Пп]редседател[ьяю]|[Дд]иректор|[Кк]анцлер|[Гг]енсек)\p{Ll}{0,3}(?:(?:\s+(?:\p{Ll}{3,}|по|и)){0,3}(?:\s+\p{Lu}[\p{L}-]*){1,4}|\s+(?:иностранных\s+дел|внутренних\s+дел|обороны|финансов|юстиции|экономики|энергетики|здравоохранения|образования|культуры|транспорта|торговли))?";

/// Unnamed sources: `источник в правительстве` (a source in the government), `эксперты`.
const ANONYMOUS: &str = r"(?:[Ии]сточник|[Сс]обеседник|[Оо]чевидц|[Ээ]ксперт|[Аа]налитик|[Чч]иновник|[Дд]ипломат)\p{Ll}{0,3}";

/// Capitalized Cyrillic words: a name (`Сергей Лавров`, `Лавров`).
const PERSON: &str =
    r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){0,2}";

static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    let institution = INSTITUTIONS.replace("OWNER", OWNER).replace("WHOSE", WHOSE);
    // An unnamed source may say where it sits: `источник в правительстве`.
    let anonymous = format!(r"{ANONYMOUS}(?:\s+в\s+{institution})?");
    let titled = TITLED.replace("WHOSE", WHOSE);
    listed::source_pattern(AGENCIES, &institution, &titled, &anonymous, PERSON)
});

static CUE: LazyLock<Regex> = LazyLock::new(|| {
    normalize::text_pattern(
        r"(?i)(?:(?P<according>по\s+(?:данным|словам|информации|сообщению|сообщениям|мнению|оценке|оценкам|сведениям|заявлению)|согласно)|(?P<citing>со\s+ссылкой\s+на|ссылаясь\s+на|цитиру(?:ет|ют)|процитировал[аио]?)|(?P<reported>сообща(?:ет|ют)|сообщил[аио]?|переда(?:[её]т|ют)|передал[аио]?|пиш(?:ет|ут)|написал[аио]?|информиру(?:ет|ют))|(?P<said>заявля(?:ет|ют)|заявил[аио]?|сказал[аио]?|говор(?:ится|ит|ят)|отметил[аио]?|отмечает|добавил[аио]?|подчеркнул[аио]?|подчеркивает|рассказал[аио]?|уточнил[аио]?|пояснил[аио]?|подтвердил[аио]?|объявил[аио]?|признал[аио]?))",
    )
});

/// Words that may stand between a cue and the source after it: where it spoke (`сообщили в
/// пресс-службе`, `говорится в сообщении МИД`, `на сайте`; a place's name after `в` is read as
/// such), when (`заявил в пятницу`) and to whom (`заявил журналистам`).
#[rustfmt::skip]
const BETWEEN: &[&str] = &[
    "в", "во", "на", "сайте", "сообщении", "заявлении", "пресс-релизе", "документе", "докладе",
    "отчете", "отчёте", "письме", "публикации", "материале", "телеграм-канале",
    "telegram-канале", "официальном", "своем", "своём", "журналистам", "репортерам",
    "агентству", "изданию", "телеканалу", "газете", "нам",
    "понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье", "ранее",
    "также", "накануне", "сегодня", "вчера",
];

/// Capitalized words that start a sentence or clause without being a name.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "Он", "Она", "Оно", "Они", "Это", "Этот", "Эта", "Эти", "Об", "Как", "Также", "Так", "Там",
    "Тогда", "Кроме", "Однако", "Ранее", "Позднее", "Позже", "Вчера", "Сегодня", "Завтра",
    "Все", "Всё", "Мы", "Я", "Вы", "Но", "И", "А", "Кто", "Что", "Где", "Когда", "При", "По",
    "В", "На", "С", "Со", "К", "О", "От", "До", "Для", "Из", "За", "Не", "Ни", "Уже", "Еще",
    "Ещё", "Затем", "Потом", "Впрочем", "Напомним", "Между", "После", "Перед", "Тем",
];

/// Prepositions: a name after one is no subject (`пригласил в Белый дом, сообщили`: invited to
/// the White House).
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "в", "во", "на", "с", "со", "из", "к", "ко", "о", "об", "от", "до", "для", "за", "под",
    "над", "при", "про", "через", "у", "по", "без", "между", "перед",
];

/// Whether an agency right after a cue is whom someone told (dative) rather than who reported:
/// after a `said` verb, or a verb in the plural or the feminine (`сообщили`, `сообщила`: an
/// agency reports in the masculine or the neuter).
fn told(cue: &str, kind: Cue, to: &str, _: &str) -> bool {
    to.is_empty() && (kind == Cue::Said || cue.ends_with("ли") || cue.ends_with("ла"))
}

static RUSSIAN: Language = Language {
    source: &SOURCE,
    cue: &CUE,
    between: BETWEEN,
    not_names: NOT_NAMES,
    // `governments.rs` reads Russian capitals (`Москва`, `Москве`).
    capitals: &[],
    prepositions: PREPOSITIONS,
    places: &["в", "во"],
    told,
    names_near: listed::NEAR,
    subjects: &[],
    unnamed_titles: &["представител"],
    separable: &[],
    clause_openers: &[],
    impersonal: &["ли"],
};

/// The Russian credits of a sentence, added to `out`.
pub(super) fn find(sentence: &str, out: &mut Vec<Attribution>) {
    listed::find(&RUSSIAN, sentence, out);
}

#[cfg(test)]
mod tests {
    use super::super::tests::credits;
    use super::super::{Cue, SourceKind, same_source};

    #[test]
    fn agencies_report_after_or_before_their_cue() {
        use SourceKind::*;
        assert_eq!(
            credits("Переговоры возобновятся в апреле, сообщает РИА Новости."),
            [("РИА Новости".into(), Agency, Cue::Reported)]
        );
        assert_eq!(
            credits("Об этом передает ТАСС со ссылкой на МИД России."),
            [
                ("ТАСС".into(), Agency, Cue::Reported),
                ("МИД России".into(), Institution, Cue::Citing)
            ]
        );
        // A newspaper's name in quotation marks.
        assert_eq!(
            credits("Как пишет «Коммерсант», сделка сорвалась."),
            [("Коммерсант".into(), Agency, Cue::Reported)]
        );
        assert_eq!(
            credits("Интерфакс сообщил, что переговоры возобновятся."),
            [("Интерфакс".into(), Agency, Cue::Reported)]
        );
        assert_eq!(
            credits("По данным Интерфакса, переговоры возобновятся."),
            [("Интерфакса".into(), Agency, Cue::AccordingTo)]
        );
        // Agencies of other countries, as Russian copy names them.
        one_credit_each(&[
            (
                "Сирийское государственное агентство САНА сообщило об этом.",
                "агентство САНА",
                Agency,
                Cue::Reported,
            ),
            (
                "По данным Аль-Джазиры, переговоры сорваны.",
                "Аль-Джазиры",
                Agency,
                Cue::AccordingTo,
            ),
        ]);
    }

    /// A title's words before a name are whose office it is (`по`, `и` among them), never a
    /// verb nor a place's preposition: the president arrived, the agency reports.
    #[test]
    fn a_titles_words_are_no_verb_nor_place() {
        use SourceKind::*;
        one_credit_each(&[
            (
                "Французский президент прибыл в Пекин, сообщает Синьхуа.",
                "Синьхуа",
                Agency,
                Cue::Reported,
            ),
            (
                "Министр по чрезвычайным ситуациям Александр Куренков заявил, что пожар потушен.",
                "Министр по чрезвычайным ситуациям Александр Куренков",
                Person,
                Cue::Said,
            ),
            (
                "Министр экономики и финансов Франции Брюно Ле Мэр заявил, что рост замедлился.",
                "Министр экономики и финансов Франции Брюно Ле Мэр",
                Person,
                Cue::Said,
            ),
        ]);
    }

    /// A title is read with the country's adjective before it and the portfolio after it,
    /// named or not (`Российский министр иностранных дел заявил` credited nobody, `Французский
    /// президент` only `президент`).
    #[test]
    fn a_title_is_read_with_its_country_and_portfolio() {
        use SourceKind::*;
        one_credit_each(&[
            (
                "Российский министр иностранных дел заявил, что переговоры продолжатся.",
                "Российский министр иностранных дел",
                Person,
                Cue::Said,
            ),
            (
                "Американский президент заявил, что санкции останутся.",
                "Американский президент",
                Person,
                Cue::Said,
            ),
            (
                "Переговоры продолжатся, заявил министр обороны.",
                "министр обороны",
                Person,
                Cue::Said,
            ),
            (
                "По словам российского министра иностранных дел, переговоры продолжатся.",
                "российского министра иностранных дел",
                Person,
                Cue::AccordingTo,
            ),
        ]);
    }

    /// A source right after a `said` or `reported` cue that ends the sentence is its subject: the
    /// cue credits nobody before it (`Российский МИД готов к переговорам, заявил Лавров.`). One
    /// before `что` may be whom the speaker told, and the speaker before it still speaks.
    #[test]
    fn a_subject_after_its_cue_is_the_only_one_it_credits() {
        use SourceKind::*;
        one_credit_each(&[
            (
                "Российский МИД готов к переговорам, заявил Лавров.",
                "Лавров",
                Person,
                Cue::Said,
            ),
            (
                "Американский президент прибыл в Пекин, сообщает Синьхуа.",
                "Синьхуа",
                Agency,
                Cue::Reported,
            ),
        ]);
        let sentence = "Источник в правительстве сообщил ТАСС, что решение принято.";
        assert!(
            credits(sentence)
                .iter()
                .any(|(source, _, _)| source == "Источник в правительстве"),
            "{sentence}"
        );
    }

    #[test]
    fn officials_and_bodies_speak_in_any_order() {
        use SourceKind::*;
        assert_eq!(
            credits("Министр иностранных дел России Сергей Лавров заявил, что Москва готова."),
            [(
                "Министр иностранных дел России Сергей Лавров".into(),
                Person,
                Cue::Said
            )]
        );
        assert_eq!(
            credits("«Мы готовы», — заявил Лавров журналистам."),
            [("Лавров".into(), Person, Cue::Said)]
        );
        assert_eq!(
            credits("По словам Пескова, встреча состоится."),
            [("Пескова".into(), Person, Cue::AccordingTo)]
        );
        assert_eq!(
            credits("Как сообщили в пресс-службе МВД, пострадавших нет."),
            [("пресс-службе МВД".into(), Institution, Cue::Reported)]
        );
        assert_eq!(
            credits("В Кремле заявили, что встреча состоится."),
            [("Кремле".into(), Institution, Cue::Said)]
        );
        assert_eq!(
            credits("Ранее Лавров заявил о готовности."),
            [("Лавров".into(), Person, Cue::Said)]
        );
        // After a preposition a name is no speaker, but for the body speakers sit in.
        assert_eq!(
            credits("Трамп пригласил Путина в Белый дом во время разговора, сообщили в МИД."),
            [("МИД".into(), Institution, Cue::Reported)]
        );
        assert_eq!(
            credits("Москва заявила о готовности."),
            [("Москва".into(), Institution, Cue::Said)]
        );
        assert_eq!(
            credits("Об этом говорится в сообщении Минобороны."),
            [("Минобороны".into(), Institution, Cue::Said)]
        );
        assert_eq!(
            credits("Официальный представитель МИД заявила, что визит отменен."),
            [("Официальный представитель МИД".into(), Anonymous, Cue::Said)]
        );
        assert_eq!(
            credits("Со ссылкой на источник в правительстве издание пишет о сделке."),
            [("источник в правительстве".into(), Anonymous, Cue::Citing)]
        );
    }

    /// Asserts that each sentence gives one credit: its source, kind and cue.
    fn one_credit_each(cases: &[(&str, &str, SourceKind, Cue)]) {
        for &(sentence, source, kind, cue) in cases {
            assert_eq!(
                credits(sentence),
                [(source.into(), kind, cue)],
                "{sentence}"
            );
        }
    }

    #[test]
    fn whose_a_body_is_may_stand_before_it() {
        use SourceKind::*;
        one_credit_each(&[
            (
                "Российский МИД заявил, что визит отменен.",
                "Российский МИД",
                Institution,
                Cue::Said,
            ),
            (
                "Как сообщили в российском внешнеполитическом ведомстве, визит отменен.",
                "российском внешнеполитическом ведомстве",
                Institution,
                Cue::Reported,
            ),
            (
                "Американские власти заявили, что визит отменен.",
                "Американские власти",
                Institution,
                Cue::Said,
            ),
            (
                "Американская администрация заявила о новых санкциях.",
                "Американская администрация",
                Institution,
                Cue::Said,
            ),
        ]);
        assert_eq!(
            credits("Об этом сообщает ТАСС со ссылкой на российский МИД."),
            [
                ("ТАСС".into(), Agency, Cue::Reported),
                ("российский МИД".into(), Institution, Cue::Citing)
            ]
        );
    }

    #[test]
    fn a_country_or_capital_alone_is_its_government_but_not_where_one_spoke() {
        use SourceKind::*;
        one_credit_each(&[
            (
                "Китай заявил, что визит отменен.",
                "Китай",
                Institution,
                Cue::Said,
            ),
            (
                "В Москве заявили, что визит отменен.",
                "Москве",
                Institution,
                Cue::Said,
            ),
            // Where Lavrov spoke; but with no subject, who spoke.
            (
                "Лавров заявил в Москве, что визит отменен.",
                "Лавров",
                Person,
                Cue::Said,
            ),
            (
                "Как заявили в Токио, визит отменен.",
                "Токио",
                Institution,
                Cue::Said,
            ),
            // Where one spoke is no part of one's name.
            (
                "Об этом заявил журналистам в Москве Лавров.",
                "Лавров",
                Person,
                Cue::Said,
            ),
            (
                "В Москве Лавров заявил, что визит отменен.",
                "Лавров",
                Person,
                Cue::Said,
            ),
            // When and where the cue was said stand between it and who said it.
            (
                "Об этом заявил в пятницу министр иностранных дел Сергей Лавров.",
                "министр иностранных дел Сергей Лавров",
                Person,
                Cue::Said,
            ),
            (
                "Об этом сообщил журналистам в Минске президент Белоруссии Александр Лукашенко.",
                "президент Белоруссии Александр Лукашенко",
                Person,
                Cue::Reported,
            ),
            // The body speakers sit in after the cue is a source.
            (
                "Об этом заявили в Кремле.",
                "Кремле",
                Institution,
                Cue::Said,
            ),
        ]);
    }

    #[test]
    fn the_agency_a_speaker_told_is_no_source() {
        use SourceKind::*;
        assert_eq!(
            credits("Переговоры возобновятся, заявил РИА Новости Лавров."),
            [("Лавров".into(), Person, Cue::Said)]
        );
        assert_eq!(
            credits("Об этом сообщили ТАСС в пресс-службе Кремля."),
            [("пресс-службе Кремля".into(), Institution, Cue::Reported)]
        );
    }

    #[test]
    fn no_cue_or_no_source_credits_nobody() {
        assert!(credits("РИА Новости и ТАСС — информационные агентства.").is_empty());
        assert!(credits("Он заявил, что переговоры возобновятся.").is_empty());
        assert!(credits("Сообщается, что переговоры возобновятся.").is_empty());
        // A stem inside a longer word is no source: `ТАССовский`.
        assert!(credits("ТАССовский репортаж сообщил немного.").is_empty());
    }

    #[test]
    fn an_agency_before_a_said_verb_speaks() {
        assert_eq!(
            credits("ТАСС заявил, что переговоры возобновятся."),
            [("ТАСС".into(), SourceKind::Agency, Cue::Said)]
        );
    }

    proptest::proptest! {
        /// Sources and cues in any order and any number never make the reading fail.
        #[test]
        fn any_mix_of_sources_and_cues_is_read(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "ТАСС", "РИА Новости", "заявил", "сообщили", "сообщает", "по данным",
                    "со ссылкой на", "в", "МИД России", "Лавров", "Ранее", "«", "»", ",",
                    "пресс-службе", "Кремля", "министр", "Сергей", "источник", "журналистам",
                ]),
                0..16,
            ),
        ) {
            let sentence = words.join(" ");
            for a in credits(&sentence) {
                proptest::prop_assert!(sentence.contains(&a.0), "{} in {}", a.0, sentence);
            }
        }
    }

    #[test]
    fn declined_names_are_one_source() {
        assert!(same_source("Интерфакс", "Интерфакса"));
        assert!(same_source("Лавров", "Лаврова"));
        assert!(same_source("пресс-службе Кремля", "пресс-служба Кремля"));
        assert!(!same_source("ТАСС", "РИА Новости"));
    }
}
