//! Chinese credits: a known source ([`CHINESE_SOURCES`]), after the country or body it belongs
//! to if any (`俄罗斯外交部`), inside `据…报道` / `据…消息` (according to), before `援引`
//! (citing) or a cue (`表示`, `说`, `称`: said; `报道`: reported), with up to three characters
//! of a person's name before the cue.

use std::sync::LazyLock;

use regex::Regex;

use super::{Attribution, Cue, SourceKind, add_new};
use crate::normalize;

/// Chinese sources, as Chinese-language wire copy writes them, with their kind: news agencies
/// and media, then institutions, then titles, then anonymous sources; the longest names of each
/// first, so `外交部发言人` is one source and not `外交部`.
const CHINESE_SOURCES: &[(&str, SourceKind)] = &[
    ("俄罗斯卫星通讯社", SourceKind::Agency), // Sputnik
    ("国际文传电讯社", SourceKind::Agency),   // Interfax
    ("新华社", SourceKind::Agency),           // Xinhua
    ("中新社", SourceKind::Agency),           // China News Service
    ("中央社", SourceKind::Agency),           // Central News Agency
    ("路透社", SourceKind::Agency),           // Reuters
    ("美联社", SourceKind::Agency),           // AP
    ("法新社", SourceKind::Agency),           // AFP
    ("塔斯社", SourceKind::Agency),           // TASS
    ("俄新社", SourceKind::Agency),           // RIA Novosti
    ("共同社", SourceKind::Agency),           // Kyodo
    ("韩联社", SourceKind::Agency),           // Yonhap
    ("彭博社", SourceKind::Agency),           // Bloomberg
    ("央视", SourceKind::Agency),             // CCTV
    ("媒体", SourceKind::Agency),             // the media
    ("外交部发言人", SourceKind::Anonymous),  // the foreign ministry's spokesman
    ("外交部", SourceKind::Institution),      // foreign ministry
    ("国防部", SourceKind::Institution),      // defence ministry
    ("警方", SourceKind::Institution),        // the police
    ("政府", SourceKind::Institution),        // the government
    ("总统", SourceKind::Person),             // president
    ("总理", SourceKind::Person),             // premier, prime minister
    ("部长", SourceKind::Person),             // minister
    ("发言人", SourceKind::Anonymous),        // spokesman
    ("消息人士", SourceKind::Anonymous),      // sources
    ("官员", SourceKind::Anonymous),          // officials
    ("目击者", SourceKind::Anonymous),        // eyewitnesses
];

/// Places and bodies a Chinese source may be named after (`俄罗斯外交部`, the Russian foreign
/// ministry; `美国总统`, the US president): the only words read before a source, as Chinese
/// has no spaces to say where a name starts.
const CHINESE_OWNERS: &[&str] = &[
    "俄罗斯",
    "中国",
    "美国",
    "英国",
    "法国",
    "德国",
    "日本",
    "韩国",
    "朝鲜",
    "印度",
    "巴基斯坦",
    "挪威",
    "乌克兰",
    "伊朗",
    "以色列",
    "土耳其",
    "欧盟",
    "联合国",
    "当地",
];

/// Chinese cues: `据X报道` / `据X消息` / `据X称` (according to X), `X援引Y` (X citing Y: both
/// credited, as `TASS quoted the minister` is), and after a source `表示` / `说` / `称` / `指出`
/// / `透露` / `宣布` (said) or `报道` (reported).
/// Up to three characters of a person's name may stand between a title and its cue
/// (`外交部发言人华春莹表示`).
static CHINESE: LazyLock<Regex> = LazyLock::new(|| {
    let sources = CHINESE_SOURCES
        .iter()
        .map(|s| s.0)
        .collect::<Vec<_>>()
        .join("|");
    let owners = CHINESE_OWNERS.join("|");
    let source = format!(r"(?:{owners})?(?:{sources})\p{{Han}}{{0,3}}?");
    normalize::text_pattern(&format!(
        r"据(?P<per>{source})(?:报道|消息|称)|(?P<citer>{source})?援引(?P<cited>{source})?|(?P<source>{source})(?P<cue>表示|说|称|指出|透露|宣布|报道)"
    ))
});

/// The Chinese credits of a sentence (see [`CHINESE_SOURCES`] and [`CHINESE`]).
pub(super) fn find(sentence: &str, out: &mut Vec<Attribution>) {
    let mut credit = |source: &str, cue: String, cue_kind: Cue| {
        let Some(kind) = CHINESE_SOURCES
            .iter()
            .find(|s| source.contains(s.0))
            .map(|s| s.1)
        else {
            return;
        };
        add_new(
            out,
            Attribution {
                source: source.to_string(),
                kind,
                cue,
                cue_kind,
                pronoun: None,
            },
        );
    };
    for caps in CHINESE.captures_iter(sentence) {
        if let Some(s) = caps.name("per") {
            // `据X报道`: the cue is what stands around the source.
            let after = &sentence[s.end()..caps.get(0).expect("match").end()];
            credit(s.as_str(), format!("据…{after}"), Cue::AccordingTo);
        } else if let Some(s) = caps.name("source") {
            let cue = &caps["cue"];
            let kind = if cue == "报道" {
                Cue::Reported
            } else {
                Cue::Said
            };
            credit(s.as_str(), cue.to_string(), kind);
        } else {
            for s in [caps.name("citer"), caps.name("cited")]
                .into_iter()
                .flatten()
            {
                credit(s.as_str(), "援引".to_string(), Cue::Citing);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::credits;
    use super::super::{Cue, SourceKind, find, same_source};

    #[test]
    fn chinese_credits_by_known_sources() {
        use SourceKind::*;
        // 据X消息 (according to X), with the country it belongs to.
        let a = find("据俄罗斯外交部消息，第一轮谈判将在摩尔曼斯克举行。");
        assert_eq!(a.len(), 1);
        assert_eq!(
            (
                a[0].source.as_str(),
                a[0].kind,
                a[0].cue.as_str(),
                a[0].cue_kind
            ),
            ("俄罗斯外交部", Institution, "据…消息", Cue::AccordingTo)
        );
        assert_eq!(
            credits("据塔斯社报道，谈判将于四月恢复。"),
            [("塔斯社".into(), Agency, Cue::AccordingTo)]
        );
        // A title and the name after it, then the cue; an agency that reported.
        assert_eq!(
            credits("外交部发言人华春莹表示，双方同意恢复谈判。"),
            [("外交部发言人华春莹".into(), Anonymous, Cue::Said)]
        );
        assert_eq!(
            credits("新华社报道说，渔民表示欢迎。"),
            [("新华社".into(), Agency, Cue::Reported)]
        );
        // X援引Y: both credited, as `TASS quoted the minister` is.
        assert_eq!(
            credits("俄新社援引消息人士的话说"),
            [
                ("俄新社".into(), Agency, Cue::Citing),
                ("消息人士".into(), Anonymous, Cue::Citing)
            ]
        );
        // Nobody credited: no known source before the cue.
        assert!(credits("科学家警告说，鳕鱼资源已降至最低点。").is_empty());
        // One ministry, named with and without its country.
        assert!(same_source("外交部", "俄罗斯外交部"));
        assert!(!same_source("外交部", "国防部"));
    }
}
