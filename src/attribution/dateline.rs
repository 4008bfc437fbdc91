//! Dateline credits: the parentheses of `LONDON (Reuters) -` and of the Urdu `ڈھاکہ ۔ یکم دسمبر
//! (اے پی پی)`, an agency unless they name the outlet's own desk or reporter
//! ([`SourceKind::Staff`]).

use std::sync::LazyLock;

use regex::Regex;

use super::{Attribution, Cue, SourceKind, is_cyrillic, same_source};
use crate::normalize;

/// Words that make a dateline credit the outlet's own desk or reporter rather than an agency.
/// English, and Urdu as COUNTER's newspapers write it: desk (ڈیسک, also ڈسک), correspondent
/// (نامہ نگار, وقائع نگار, خبر نگار: any `نگار`), representative (نمائندہ), reporter and report
/// (رپورٹر, رپورٹ: `نوائے وقت رپورٹ` is the paper's own), staff (سٹاف), monitoring (مانیٹرنگ);
/// Chinese: the paper itself (本报, 本网), reporter (记者).
static STAFF: LazyLock<Regex> = LazyLock::new(|| {
    normalize::text_pattern(
        r"(?i)(?-u:\b)(?:desk|correspondents?|reporters?|staff|bureau|monitoring)(?-u:\b)|ڈیسک|ڈسک|نگار|نمائندہ|نمائندے|رپورٹ|سٹاف|مانیٹرنگ|本报|本网|记者",
    )
});

/// A dateline's credit to `source` (spaces tidied): the outlet's own when [`STAFF`] says so (or
/// `staff`), an agency otherwise.
fn dateline_credit(source: &str, staff: bool) -> Attribution {
    let source = source.split_whitespace().collect::<Vec<_>>().join(" ");
    let kind = if staff || STAFF.is_match(&source) {
        SourceKind::Staff
    } else {
        SourceKind::Agency
    };
    Attribution {
        source,
        kind,
        cue: "dateline".into(),
        cue_kind: Cue::Dateline,
        pronoun: None,
    }
}

/// An agency a Russian dateline names ([`normalize::RUSSIAN_DATELINE_AGENCIES`]).
static RUSSIAN_DATELINE_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| normalize::text_pattern(normalize::RUSSIAN_DATELINE_AGENCIES));

/// The credits of a Chinese dateline: `新华社莫斯科4月1日电（记者张三）` credits Xinhua and its
/// reporters (staff), `本报北京4月1日讯` the paper's own desk. `None` for any other dateline.
fn chinese_dateline_credits(dateline: &str) -> Option<Vec<Attribution>> {
    let caps = normalize::CHINESE_DATELINE.captures(dateline)?;
    let agency = caps
        .name("agency")
        .map(|m| dateline_credit(m.as_str(), false));
    let reporters = caps
        .name("reporters")
        .or(caps.name("named_reporters"))
        .map(|m| dateline_credit(m.as_str(), true));
    Some(agency.into_iter().chain(reporters).collect())
}

/// The credits a dateline carries in its parentheses: `LONDON, March 3 (Reuters) -` credits
/// Reuters, `ڈھاکہ ۔ یکم دسمبر (اے پی پی)` APP (in Urdu), `(Sports Desk/AFP)` the outlet's
/// sports desk and AFP; and a Chinese dateline its opening agency and its reporters
/// (`新华社莫斯科4月1日电（记者张三）`). Their cue is [`Cue::Dateline`].
pub fn dateline_credits(dateline: &str) -> Vec<Attribution> {
    if let Some(credits) = chinese_dateline_credits(dateline) {
        return credits;
    }
    if !dateline.contains('(') && dateline.chars().any(is_cyrillic) {
        // `МОСКВА, 5 дек — РИА Новости.`, `/ТАСС/.`, `INTERFAX.RU -`: agencies by name.
        return RUSSIAN_DATELINE_CREDIT
            .find_iter(dateline)
            .map(|m| dateline_credit(m.as_str(), false))
            .collect();
    }
    let Some(open) = dateline.rfind('(') else {
        return Vec::new();
    };
    let inside = &dateline[open + 1..];
    let inside = &inside[..inside.find(')').unwrap_or(inside.len())];
    let mut out: Vec<Attribution> = Vec::new();
    for part in inside.split(['/', ',', '،', '&', '+', ';']) {
        let source = part.split_whitespace().collect::<Vec<_>>().join(" ");
        if !source.chars().any(char::is_alphabetic)
            || out.iter().any(|o| same_source(&o.source, &source))
        {
            continue;
        }
        out.push(dateline_credit(&source, false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_credits_name_agencies_and_the_outlets_own_desks() {
        let credits = |d: &str| {
            dateline_credits(d)
                .into_iter()
                .map(|a| (a.source, a.kind))
                .collect::<Vec<_>>()
        };
        use SourceKind::{Agency, Staff};
        assert_eq!(
            credits("MOSCOW, March 14 (Reuters) -"),
            [("Reuters".into(), Agency)]
        );
        assert_eq!(credits("MOSCOW -"), []);
        assert_eq!(credits("(AP) —"), [("AP".into(), Agency)]);
        // Urdu: APP, spaces inside the parentheses; a desk and an agency; agencies and a desk.
        assert_eq!(
            credits("ڈھاکہ ۔ یکم دسمبر ( اے  پی پی )"),
            [("اے پی پی".into(), Agency)]
        );
        assert_eq!(
            credits("ڈھاکہ (سپورٹس ڈیسک/اے ایف پی )"),
            [("سپورٹس ڈیسک".into(), Staff), ("اے ایف پی".into(), Agency)]
        );
        assert_eq!(
            credits("بیجنگ(نیوز ایجنسیاں،مانیٹرنگ ڈیسک)"),
            [
                ("نیوز ایجنسیاں".into(), Agency),
                ("مانیٹرنگ ڈیسک".into(), Staff)
            ]
        );
        assert_eq!(
            credits("LAGOS (Our Correspondent) -"),
            [("Our Correspondent".into(), Staff)]
        );
        // Only the last parentheses credit; numbers alone credit nobody.
        assert_eq!(
            credits("KYIV (UKRAINE) (Reuters) -"),
            [("Reuters".into(), Agency)]
        );
        assert_eq!(credits("PARIS, May 3 (2024) -"), []);
        // Chinese: the agency that opens the dateline, the reporters in its parentheses; the
        // paper's own 本报 is its desk.
        assert_eq!(
            credits("新华社莫斯科4月1日电（记者张三）"),
            [("新华社".into(), Agency), ("记者张三".into(), Staff)]
        );
        assert_eq!(credits("本报北京4月1日讯"), [("本报".into(), Staff)]);
        // The parentheses name reporters even without 记者.
        assert_eq!(
            credits("新华社北京4月1日电（张三）"),
            [("新华社".into(), Agency), ("张三".into(), Staff)]
        );
        assert_eq!(
            credits("莫斯科4月1日电（记者李四）"),
            [("记者李四".into(), Staff)]
        );
        // Russian: the agency after the dash, between slashes, or before the dash.
        assert_eq!(
            credits("МОСКВА, 5 дек — РИА Новости."),
            [("РИА Новости".into(), Agency)]
        );
        assert_eq!(
            credits("МОСКВА, 5 декабря. /Корр. ТАСС Иван Петров/."),
            [("ТАСС".into(), Agency)]
        );
        assert_eq!(
            credits("Москва. 5 декабря. INTERFAX.RU -"),
            [("INTERFAX.RU".into(), Agency)]
        );
        assert_eq!(credits("МОСКВА, 5 дек —"), []);
        assert!(
            dateline_credits("(AFP) -")
                .iter()
                .all(|a| a.cue_kind == Cue::Dateline)
        );
    }
}
