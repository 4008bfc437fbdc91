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

/// Agencies and outlets Russian copy names alone, with their endings: Russian names, Latin ones
/// (in Russian text, a paper's: `The Guardian`, `Financial Times`), and a name in quotation
/// marks that says it is a paper, a channel or news (`«Российская газета»`, `«Эхо Москвы ТВ»`).
const OUTLETS: &str = r"(?:РИА\s+Новости|РИА|ТАСС|Интерфакс\p{Ll}{0,2}|ИНТЕРФАКС|INTERFAX(?:\.RU)?|Interfax|РБК|Рейтер\p{Ll}{0,3}|Reuters|Франс\s+Пресс|AFP|Ассошиэйтед\s+Пресс|AP|Синьхуа|Xinhua|САНА|Киодо|Йонхап|ИРНА|Анадолу|УНИАН|Укринформ\p{Ll}{0,2}|ЦТАК|Аль-Джазир\p{Ll}|Блумберг\p{Ll}{0,2}|Bloomberg|Би-би-си|BBC|CNN|Си-эн-эн|Sputnik|Спутник\p{Ll}{0,2}|RT|Russia\s+Today|Лент\p{Ll}\.ру|Lenta\.ru|Газет\p{Ll}\.[Рр]у|Медуз\p{Ll}|Фонтанк\p{Ll}|НТВ|РЕН\s+ТВ|Regnum|REGNUM|ПРАЙМ|dpa|ДПА|EFE|ANSA|Коммерсант\p{Ll}{0,2}|Известия\p{Ll}{0,2}|Известий|Ведомост\p{Ll}{1,3}|СМИ|The(?:\s+[A-Z][A-Za-z&'-]*){1,4}|Financial\s+Times|Wall\s+Street\s+Journal|Politico|Axios|Forbes|Newsweek|Bild|Der\s+Spiegel|Le\s+Monde|Le\s+Figaro|Haaretz|Fox\s+News|Sky\s+News|NBC(?:\s+News)?|CBS|ABC|CNBC|NHK|Daily\s+Mail|«[^«»\n]*(?:[Гг]азет|ТВ|[Рр]адио|Новости|Правд|Times|News|Post)[^«»\n]*»)";

/// What an outlet is, with its endings, perhaps after a country's adjective ([`WHOSE`]):
/// `газета`, `британское издание`, `телеканал`; a correspondent of one credits it. Before a
/// name ([`NAMED`]), an outlet whatever its name.
const MEDIA: &str = r"(?:WHOSE?(?:(?:[Гг]азет|[Ии]нтернет-издани|[Ии]здани|[Рр]адиостанци|[Ии]нформагентств|[Аа]гентств)\p{Ll}{1,2}|(?:[Тт]елеканал|[Жж]урнал|[Пп]ортал|[Тт]елеграм-канал|Telegram-канал|[Тт]аблоид|[Ее]женедельник)\p{Ll}{0,2})|[Кк]орреспондент\p{Ll}{0,2})";

/// A name after what it names ([`MEDIA`], a firm's kind): in quotation marks (`«Россия 24»`)
/// or in Latin letters (`The Wall Street Journal`, `Politico`).
const NAMED: &str = r#"(?:«[^«»\n]+»|"[^"\n]+"|“[^“”\n]+”|„[^„“\n]+“|(?:The\s+)?[A-Z][A-Za-z0-9&'-]*(?:\.[A-Za-z0-9]+)*(?:\s+[A-Z][A-Za-z0-9&'-]*){0,3})"#;

/// An outlet by its kind alone, in the nominative, as a subject (`Издание отмечает`, the
/// publication notes, was read as a person's name; `как пишет газета`): not `в своем
/// телеграм-канале` (where one wrote) nor `собеседник агентства` (whose).
const UNNAMED_OUTLET: &str = r"WHOSE?(?:[Гг]азета|[Ии]нтернет-издание|[Ии]здание|[Рр]адиостанция|[Ии]нформагентство|[Аа]гентство|[Тт]елеканал|[Жж]урнал|[Пп]ортал|[Тт]аблоид|[Ее]женедельник)";

/// Agencies and newspapers: a listed outlet, perhaps after its kind, any named after its kind,
/// or an outlet by its kind alone ([`UNNAMED_OUTLET`]).
const AGENCIES: &str = r"(?:MEDIA\s+(?:NAMED|OUTLETS)|OUTLETS|UNNAMED_OUTLET)";

/// A country's adjective before its body (`российский МИД`, `американское посольство`), with its
/// endings: the adjectives `governments.rs` reads.
const WHOSE: &str = r"(?:(?:[Рр]оссийск|[Аа]мериканск|[Кк]итайск|[Уу]краинск|[Кк]иевск|[Бб]ританск|[Фф]ранцузск|[Нн]емецк|[Гг]ерманск|[Яя]понск|[Ии]ранск|[Ии]зраильск|[Тт]урецк|[Бб]елорусск|[Пп]ольск|[Нн]орвежск|[Кк]ремл[её]вск|[Вв]ашингтонск)\p{Ll}{2,3}\s+)";

/// Ministries, services and other bodies, with their endings, perhaps after [`WHOSE`] and
/// before an [`OWNER`]; a firm or party named by its kind (`компания «Газпром»`, `банк HSBC`);
/// a country's side in talks (`российская сторона`, never a side alone).
const INSTITUTIONS: &str = r"(?:WHOSE?(?:(?:МИД\p{Ll}{0,2}|МВД|Минобороны|[Мм]инистерств\p{Ll}{1,2}\s+(?:иностранных\s+дел|обороны|финансов|юстиции|здравоохранения|энергетики|внутренних\s+дел|экономического\s+развития)|(?:[Пп]равительств|[Пп]осольств|[Аа]дминистраци|[Дд]ипведомств|(?:[Вв]нешнеполитическ|[Вв]оенн|[Оо]боронн)\p{Ll}{2,3}\s+ведомств)\p{Ll}{1,2}|[Вв]ласт(?:и|ей|ям|ями|ях)|[Мм]эри\p{Ll}{1,2}|Следственн\p{Ll}{2,3}\s+комитет\p{Ll}{0,2})(?:\s+OWNER)?|Мин(?:фин|здрав|юст|транс|энерго|промторг|экономразвития|просвещения|обрнауки|цифры|труд|сельхоз|природы|строй|культуры|спорт)\p{Ll}{0,2}|Рос(?:стат|потребнадзор|комнадзор|сельхознадзор|технадзор|авиаци|гварди|космос|атом)\p{Ll}{0,2}|ФСБ|МЧС|ЦБ|ЦИК|ORGANIZATIONS|FIRMS|Генштаб\p{Ll}{0,2}|Госдум\p{Ll}{1,2}|Совфед\p{Ll}{0,2}|Совбез\p{Ll}{0,2}|Кремл\p{Ll}{1,2}|Бел\p{Ll}{2,3}\s+дом\p{Ll}{0,2}|Госдеп\p{Ll}{0,8}|Пентагон\p{Ll}{0,2}|[Пп]ресс-служб\p{Ll}{1,2}(?:\s+(?:МИД|МВД|Кремля|президента|правительства|министерства|ведомства|компании|суда|OWNER)){0,2}|[Пп]олици\p{Ll}{1,2}|[Вв]едомств\p{Ll}{1,2}|(?:Ген)?[Пп]рокуратур\p{Ll}{1,2}|Центробанк\p{Ll}{0,2}|Банк\p{Ll}{0,2}\s+России|(?:(?:(?:[Аа]виа|[Гг]ос)?(?:[Кк]омпани|[Кк]орпораци)|[Пп]арти|[Оо]рганизаци)\p{Ll}{1,2}|(?:[Кк]онцерн|[Хх]олдинг|[Бб]анк|[Фф]онд)\p{Ll}{0,2})\s+NAMED)|WHOSE[Сс]торон\p{Ll}{1,2})";

/// International organizations and Russian services and firms by their initials (`ВОЗ`, `ООН`,
/// `МАГАТЭ`, `РЖД`): listed, as initials also stand for things that never speak (`ВВП`, `ДТП`).
const ORGANIZATIONS: &str = r"(?:ВОЗ|ООН|НАТО|МАГАТЭ|ОБСЕ|ЕС|ЕЦБ|МВФ|ВТО|ОПЕК|ШОС|БРИКС|СНГ|ОДКБ|ЕАЭС|ЮНЕСКО|ЮНИСЕФ|МККК|ПАСЕ|ЕСПЧ|МУС|МОК|ФИФА|УЕФА|ВАДА|РУСАДА|РЖД|ФАС|ФНС|ФСИН|ФМБА|ГИБДД|СВР|ФСО|ВЦИОМ|ФОМ|ВТБ|МТС|РФПИ|АСВ)";

/// A firm's name by the word it ends on, with its endings: `Газпром`, `Роснефть`, `Сбербанка`,
/// `Аэрофлот`, `Ростелеком`, `Мосэнерго`; or one of the largest by name (`Лукойл`, `Яндекс`,
/// `Норникель`). Read as a person's name otherwise.
const FIRMS: &str = r"(?:\p{Lu}\p{Ll}*(?:пром|нефт|банк|флот|телеком|энерго)\p{Ll}{0,2}|(?:Лукойл|Яндекс|Ростех|Сибур|Мечел|АвтоВАЗ|КамАЗ)\p{Ll}{0,2}|(?:Норникел|Северстал)\p{Ll}{1,2})";

/// Titles, perhaps after a country's adjective ([`WHOSE`]: `Российский министр`) and followed
/// by whose (`министр иностранных дел России`) and a name (`Сергей Лавров`), or by a portfolio
/// alone (`министр иностранных дел`, `министр обороны`); whose is in words of three letters or
/// more, or `по` and `и` (`министр по делам`), or a region (`губернатор Белгородской области
/// Вячеслав Гладков`), never `в` or `на`, which place a verb's subject (`президент прибыл в
/// Пекин`); or by a body in lower case alone (`глава ведомства`, `представитель компании`).
const TITLED: &str = r"(?:[Оо]фициальн\p{Ll}+\s+|[Бб]ывш\p{Ll}+\s+)?WHOSE?(?:[Пп]резидент|[Пп]ремьер-министр|[Пп]ремьер|[Мм]инистр|[Гг]лав[аеуы]|[Гг]убернатор|[Мм]эр|[Пп]осол|[Зз]амминистра|[Зз]амглав|[Зз]аместитель|[Пп]ресс-секретар[ьяю]|[Пп]редставител[ьяю]|[Сс]пикер|[Пп]редседател[ьяю]|[Дд]иректор|[Кк]анцлер|[Гг]енсек)\p{Ll}{0,3}(?:(?:\s+(?:\p{Ll}{3,}|по|и|\p{Lu}[\p{Ll}-]+(?:ой|ого)\s+(?:области|края|округа|республики))){0,3}(?:\s+\p{Lu}[\p{L}-]*){1,4}|\s+(?:иностранных\s+дел|внутренних\s+дел|обороны|финансов|юстиции|экономики|энергетики|здравоохранения|образования|культуры|транспорта|торговли)|\s+(?:ведомства|министерства|правительства|администрации|компании|корпорации|банка|региона|города|области|республики|края|государства|страны|дипломатии|делегации|комитета|посольства|организации))?";

/// Unnamed sources: `источник в правительстве` (a source in the government), `эксперты`.
const ANONYMOUS: &str = r"(?:[Ии]сточник|[Сс]обеседник|[Оо]чевидц|[Ээ]ксперт|[Аа]налитик|[Чч]иновник|[Дд]ипломат)\p{Ll}{0,3}";

/// Where an unnamed source sits (`источник в правительстве`, `в правоохранительных органах`,
/// `в российском МИД`): bodies, circles and services, with their endings. A list of its own,
/// not [`INSTITUTIONS`]: a second copy of that in the source pattern made the reader a quarter
/// slower on Russian text (callgrind, `compare` of 11,000 words: 2.81 -> 2.39 G instructions).
const SITS: &str = r"WHOSE?(?:правительств|администраци|министерств|ведомств|дипведомств|посольств|парламент|Госдум|Кремл|МИД|МВД|Минобороны|ФСБ|Генштаб|Пентагон|Госдеп|Белом\s+доме|полици|прокуратур|окружени\p{Ll}{0,2}\s+(?:президента|премьер-министра|премьера|губернатора|мэра|министра)|окружени|спецслужб|силовых\s+структур|правоохранительных\s+орган|дипломатических\s+круг|компани|отрасл)\p{Ll}{0,2}(?:\s+OWNER)?";

/// Capitalized Cyrillic words: a name (`Сергей Лавров`, `Лавров`).
const PERSON: &str =
    r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){0,2}";

static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    let institution = INSTITUTIONS
        .replace("ORGANIZATIONS", ORGANIZATIONS)
        .replace("FIRMS", FIRMS)
        .replace("OWNER", OWNER)
        .replace("NAMED", NAMED)
        .replace("WHOSE", WHOSE);
    let agencies = AGENCIES
        .replace("MEDIA", MEDIA)
        .replace("UNNAMED_OUTLET", UNNAMED_OUTLET)
        .replace("NAMED", NAMED)
        .replace("OUTLETS", OUTLETS)
        .replace("WHOSE", WHOSE);
    // An unnamed source may say where it sits: `источник в правительстве`.
    let sits = SITS.replace("OWNER", OWNER).replace("WHOSE", WHOSE);
    let anonymous = format!(r"{ANONYMOUS}(?:\s+в\s+{sits})?");
    let titled = TITLED.replace("WHOSE", WHOSE);
    listed::source_pattern(&agencies, &institution, &titled, &anonymous, PERSON)
});

static CUE: LazyLock<Regex> = LazyLock::new(|| {
    normalize::text_pattern(
        r"(?i)(?:(?P<according>по\s+(?:данным|словам|информации|сообщению|сообщениям|мнению|оценке|оценкам|сведениям|заявлению)|согласно)|(?P<citing>со\s+ссылкой\s+на|ссылаясь\s+на|цитиру(?:ет|ют)|процитировал[аио]?)|(?P<reported>стало\s+известно|сообща(?:ет|ют)|сообщил[аио]?|сообщал[аио]?|переда(?:[её]т|ют)|передал[аио]?|передавал[аио]?|пиш(?:ет|ут)|писал[аио]?|написал[аио]?|информиру(?:ет|ют))|(?P<said>заявля(?:ет|ют)|заявил[аио]?|заявлял[аио]?|сказал[аио]?|говор(?:ится|ит|ят)|говорил[аио]?|отметил[аио]?|отмечал[аио]?|отмечает|добавил[аио]?|подчеркнул[аио]?|подчеркивает|рассказал[аио]?|уточнил[аио]?|пояснил[аио]?|подтвердил[аио]?|объявил[аио]?|признал[аио]?))",
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
    "агентству", "изданию", "телеканалу", "газете", "нам", "интервью",
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
/// agency reports in the masculine or the neuter), or one whose name is declined in the dative
/// (`сообщил Интерфаксу`). An outlet named by its kind says which by the kind's case: `сообщила
/// газета` (the newspaper reported), `сообщил изданию` (told the outlet). What became known to
/// an outlet (`стало известно «Известиям»`) it reports.
fn told(cue: &str, kind: Cue, to: &str, agency: &str) -> bool {
    // `стало известно РБК`: what became known to the outlet, which it reports.
    if cue.starts_with("стало") {
        return false;
    }
    // Only where or when it was said may stand before whom (`заявил в интервью газете`), not a
    // speaker (`сообщил источник изданию`).
    let only_where_or_when = to.split_whitespace().all(|word| {
        let word = word.trim_matches(QUOTES).to_lowercase();
        word.is_empty() || BETWEEN.contains(&word.as_str())
    });
    if !only_where_or_when {
        return false;
    }
    let media = agency.split_whitespace().find_map(|word| {
        let word = word.to_lowercase();
        MEDIA_KINDS.iter().find_map(|(stem, dative)| {
            let ending = word.strip_prefix(stem)?;
            Some(ending == *dative)
        })
    });
    match media {
        // The dative, after a verb (`сообщил изданию`; `по сообщению радиостанции` is whose).
        Some(dative) => dative && matches!(kind, Cue::Said | Cue::Reported),
        None => {
            // A declined name in the dative: `сообщил Интерфаксу`, `«Известиям»` (not
            // `Лента.ру`, nor `Анадолу`, which is not declined).
            let name = agency.trim_matches(QUOTES);
            let dative = !name.contains('.')
                && name != "Анадолу"
                && (name.ends_with(['у', 'ю']) || name.ends_with("ям") || name.ends_with("ам"));
            kind == Cue::Said
                || cue.ends_with("ли")
                || cue.ends_with("ла")
                || (dative && kind == Cue::Reported)
        }
    }
}

/// Quotation marks around a name.
pub(super) const QUOTES: [char; 6] = ['«', '»', '"', '“', '”', '„'];

/// The stems of [`MEDIA`]'s kinds in lower case (longest first where one holds another), each
/// with its dative ending.
pub(super) const MEDIA_KINDS: &[(&str, &str)] = &[
    ("интернет-издани", "ю"),
    ("информагентств", "у"),
    ("телеграм-канал", "у"),
    ("telegram-канал", "у"),
    ("газет", "е"),
    ("издани", "ю"),
    ("радиостанци", "и"),
    ("агентств", "у"),
    ("телеканал", "у"),
    ("журнал", "у"),
    ("портал", "у"),
    ("таблоид", "у"),
    ("еженедельник", "у"),
    ("корреспондент", "у"),
];

/// The stems of the kinds of firm and party a name in [`INSTITUTIONS`] may follow, in lower
/// case.
pub(super) const FIRM_KINDS: &[&str] = &[
    "компани",
    "авиакомпани",
    "корпораци",
    "госкорпораци",
    "концерн",
    "холдинг",
    "банк",
    "фонд",
    "парти",
    "организаци",
];

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
    and: &["и"],
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
        one_credit_each(&[
            (
                "Источник в правоохранительных органах сообщил, что задержаны трое.",
                "Источник в правоохранительных органах",
                Anonymous,
                Cue::Reported,
            ),
            (
                "Как сообщил источник в окружении президента, решение принято.",
                "источник в окружении президента",
                Anonymous,
                Cue::Reported,
            ),
            (
                "Источник в российском МИД сообщил, что визит отменен.",
                "Источник в российском МИД",
                Anonymous,
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
            [
                ("источник в правительстве".into(), Anonymous, Cue::Citing),
                ("издание".into(), Agency, Cue::Reported)
            ]
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

    /// An outlet named by its kind and a name in quotation marks or Latin letters is a
    /// source, whatever the name (`газета «Ведомости»`, `издание Politico`): in the nominative
    /// it reported, even after a feminine verb (`сообщила газета`); in the dative it is whom the
    /// speaker told (`сообщил изданию «Медуза»`). A firm or party so named is an institution.
    #[test]
    fn an_outlet_named_by_its_kind_is_a_source() {
        use SourceKind::*;
        one_credit_each(&[
            (
                "Как пишет газета «Коммерсант», сделка сорвалась.",
                "газета «Коммерсант»",
                Agency,
                Cue::Reported,
            ),
            (
                "Об этом сообщил телеканал «Россия 24».",
                "телеканал «Россия 24»",
                Agency,
                Cue::Reported,
            ),
            (
                "Как передает корреспондент «Интерфакса», заседание завершилось.",
                "корреспондент «Интерфакса»",
                Agency,
                Cue::Reported,
            ),
            (
                "По данным британской газеты Financial Times, сделка сорвалась.",
                "британской газеты Financial Times",
                Agency,
                Cue::AccordingTo,
            ),
            (
                "Как пишет американское издание Politico, визит отложен.",
                "американское издание Politico",
                Agency,
                Cue::Reported,
            ),
            (
                "Компания «Северный завод» сообщила о росте продаж.",
                "Компания «Северный завод»",
                Institution,
                Cue::Reported,
            ),
            (
                "Источник сообщил изданию «Медуза», что задержаны трое.",
                "Источник",
                Anonymous,
                Cue::Reported,
            ),
            // The genitive of `радиостанция` is spelt as its dative: after `по сообщению`, whose.
            (
                "По сообщению радиостанции «Эхо», учения завершены.",
                "радиостанции «Эхо»",
                Agency,
                Cue::AccordingTo,
            ),
            // Not whom a speaker between told (`источник`), but what follows where one spoke.
            (
                "Как сообщил источник изданию «Медуза», задержаны трое.",
                "источник",
                Anonymous,
                Cue::Reported,
            ),
            (
                "Как заявил в интервью телеканалу CNN президент Украины, переговоры невозможны.",
                "президент Украины",
                Person,
                Cue::Said,
            ),
            // A declined name in the dative is whom the speaker told, quoted or not.
            (
                "Как сообщил Интерфаксу источник, решение принято.",
                "источник",
                Anonymous,
                Cue::Reported,
            ),
            (
                "Как сообщил «Интерфаксу» источник, решение принято.",
                "источник",
                Anonymous,
                Cue::Reported,
            ),
            // An agency after where one spoke is whom one told.
            (
                "«Мы готовы», — заявил в интервью РИА Новости Лавров.",
                "Лавров",
                Person,
                Cue::Said,
            ),
        ]);
        // By its kind alone, as a subject: not where one wrote, nor whose.
        one_credit_each(&[
            (
                "Издание отмечает, что сделка сорвалась.",
                "Издание",
                Agency,
                Cue::Said,
            ),
            (
                "Как пишет британская газета, сделка сорвалась.",
                "британская газета",
                Agency,
                Cue::Reported,
            ),
            (
                "Об этом сообщил в своем телеграм-канале губернатор Белгородской области Вячеслав \
                 Гладков.",
                "губернатор Белгородской области Вячеслав Гладков",
                Person,
                Cue::Reported,
            ),
            (
                "Собеседник агентства сообщил, что решение принято.",
                "Собеседник",
                Anonymous,
                Cue::Reported,
            ),
        ]);
        assert_eq!(
            credits("Об этом сообщила газета «Ведомости» со ссылкой на источники."),
            [
                ("газета «Ведомости»".into(), Agency, Cue::Reported),
                ("источники".into(), Anonymous, Cue::Citing)
            ]
        );
    }

    /// Outlets Russian copy names without their kind, and `стало известно` (became known to),
    /// which credits the outlet in the dative after it.
    #[test]
    fn outlets_credited_by_name_or_by_what_they_learned() {
        use SourceKind::*;
        one_credit_each(&[
            ("Об этом сообщает RT.", "RT", Agency, Cue::Reported),
            (
                "Как сообщает Лента.ру, сделка сорвалась.",
                "Лента.ру",
                Agency,
                Cue::Reported,
            ),
            (
                "Как стало известно «Известиям», сделка сорвалась.",
                "Известиям",
                Agency,
                Cue::Reported,
            ),
            ("Об этом стало известно РБК.", "РБК", Agency, Cue::Reported),
            // The imperfective past: what an outlet had reported.
            (
                "Ранее РИА Новости сообщало о переговорах.",
                "РИА Новости",
                Agency,
                Cue::Reported,
            ),
            (
                "Как стало известно Интерфаксу, сделка сорвалась.",
                "Интерфаксу",
                Agency,
                Cue::Reported,
            ),
            (
                "Как сообщает Анадолу, переговоры продолжатся.",
                "Анадолу",
                Agency,
                Cue::Reported,
            ),
            (
                "Об этом сообщает Лента.ру.",
                "Лента.ру",
                Agency,
                Cue::Reported,
            ),
            // A paper's name in Latin letters, and a name in quotation marks that says it is one.
            (
                "Как пишет The New York Times, санкции готовы.",
                "The New York Times",
                Agency,
                Cue::Reported,
            ),
            (
                "Об этом сообщила «Российская газета».",
                "«Российская газета»",
                Agency,
                Cue::Reported,
            ),
        ]);
    }

    /// Bodies Russian copy credits beyond the ministries (`мэрия`, `Госдума`, `Росстат`), a
    /// country's `side` in talks, and a title whose office is a lowercase body (`глава
    /// ведомства`). A body after an impersonal cue is who spoke, not a subject earlier in the
    /// sentence (`Власти Москвы ввели ограничения, сообщили в мэрии`).
    #[test]
    fn bodies_sides_and_heads_of_bodies() {
        use SourceKind::*;
        one_credit_each(&[
            (
                "Власти Москвы ввели новые ограничения, сообщили в мэрии.",
                "мэрии",
                Institution,
                Cue::Reported,
            ),
            (
                "Российская сторона заявила о готовности к переговорам.",
                "Российская сторона",
                Institution,
                Cue::Said,
            ),
            (
                "В Госдуме заявили, что закон будет принят.",
                "Госдуме",
                Institution,
                Cue::Said,
            ),
            (
                "Цены выросли на 2%, сообщили в Росстате.",
                "Росстате",
                Institution,
                Cue::Reported,
            ),
            (
                "Об этом заявил РИА Новости глава ведомства.",
                "глава ведомства",
                Person,
                Cue::Said,
            ),
            (
                "Как рассказал РИА Новости замглавы ведомства, работы завершены.",
                "замглавы ведомства",
                Person,
                Cue::Said,
            ),
            (
                "Об этом сообщил губернатор Белгородской области Вячеслав Гладков.",
                "губернатор Белгородской области Вячеслав Гладков",
                Person,
                Cue::Reported,
            ),
            (
                "В мэрии Москвы заявили, что ограничения сняты.",
                "мэрии Москвы",
                Institution,
                Cue::Said,
            ),
            // The body after an impersonal cue, whatever follows it.
            (
                "Депутаты Госдумы приняли закон, сообщили в пресс-службе нижней палаты.",
                "пресс-службе",
                Institution,
                Cue::Reported,
            ),
            (
                "Министр обороны Андрей Белоусов прибудет в Минск, сообщили в МИД, уточнив детали.",
                "МИД",
                Institution,
                Cue::Reported,
            ),
        ]);
        // A body after a verb with a subject is where the subject spoke.
        assert_eq!(
            credits("Глава МИД Сергей Лавров заявил в Кремле, что визит отменен."),
            [("Глава МИД Сергей Лавров".into(), Person, Cue::Said)]
        );
        // A place after a plural verb is where its subject spoke.
        assert_eq!(
            credits("Лавров и Блинкен заявили в Женеве о прогрессе."),
            [
                ("Лавров".into(), Person, Cue::Said),
                ("Блинкен".into(), Person, Cue::Said)
            ]
        );
        // One side is no source.
        assert!(credits("Одна сторона заявила о готовности.").is_empty());
        // Organizations by their initials, firms by the word their names end on.
        one_credit_each(&[
            (
                "ВОЗ заявила, что пандемия продолжается.",
                "ВОЗ",
                Institution,
                Cue::Said,
            ),
            (
                "В НАТО заявили, что учения пройдут по плану.",
                "НАТО",
                Institution,
                Cue::Said,
            ),
            (
                "Газпром сообщил о росте добычи.",
                "Газпром",
                Institution,
                Cue::Reported,
            ),
            (
                "Лукойл заявил о росте добычи.",
                "Лукойл",
                Institution,
                Cue::Said,
            ),
            (
                "Как сообщили в Сбербанке, сбой устранен.",
                "Сбербанке",
                Institution,
                Cue::Reported,
            ),
        ]);
        // Initials of what never speaks are no source.
        assert!(credits("ВВП вырос на 2%, говорится в докладе.").is_empty());
    }

    #[test]
    fn an_outlet_is_one_source_however_named() {
        assert!(same_source("газета «Ведомости»", "Ведомости"));
        assert!(same_source("газета «Коммерсант»", "«Коммерсант»"));
        assert!(same_source(
            "британской газеты Financial Times",
            "Financial Times"
        ));
        assert!(same_source("Компания «Северный завод»", "«Северный завод»"));
        assert!(!same_source("газета «Коммерсант»", "газета «Ведомости»"));
        assert!(!same_source("телеканал «Россия 24»", "телеканал «Звезда»"));
        // A bank named by whose it is keeps its kind's word.
        assert!(!same_source("Банк России", "МИД России"));
        assert!(!same_source("Банк России", "Правительство России"));
        assert!(!same_source("Банк России", "посольство России"));
        assert!(!same_source("Фонд развития", "Министерство развития"));
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
