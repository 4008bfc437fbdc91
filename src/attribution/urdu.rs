//! Urdu credits, as COUNTER's agency copy and newspapers write them: a known source
//! ([`URDU_SOURCES`]) and up to three words of its name before its cue (`کے مطابق`, according
//! to; `نے کہا`, said; ...).

use std::sync::LazyLock;

use regex::Regex;

use super::{Attribution, Cue, SourceKind, add_new, offset};
use crate::normalize;

/// Urdu sources, as COUNTER's agency copy and newspapers write them, with their kind: news
/// agencies and media first (the longest names first, so `کشمیر میڈیا سروس` is not `میڈیا`),
/// then institutions, then anonymous sources.
const URDU_SOURCES: &[(&str, SourceKind)] = &[
    ("کشمیر میڈیا سروس", SourceKind::Agency), // Kashmir Media Service
    ("خبر رساں ادارے", SourceKind::Agency),   // news agency
    ("ریڈیو پاکستان", SourceKind::Agency),    // Radio Pakistan
    ("این این آئی", SourceKind::Agency),      // NNI
    ("ذرائع ابلاغ", SourceKind::Agency),       // the media
    ("اے ایف پی", SourceKind::Agency),        // AFP
    ("اے پی پی", SourceKind::Agency),         // APP
    ("ثناء نیوز", SourceKind::Agency),        // Sana News
    ("بی بی سی", SourceKind::Agency),         // BBC
    ("سی این این", SourceKind::Agency),       // CNN
    ("الجزیرہ", SourceKind::Agency),          // Al Jazeera
    ("رائٹرز", SourceKind::Agency),           // Reuters
    ("شنہوا", SourceKind::Agency),            // Xinhua
    ("اے پی", SourceKind::Agency),            // AP
    ("میڈیا", SourceKind::Agency),            // media
    ("آئی ایس پی آر", SourceKind::Institution), // ISPR, the military's press office
    ("وزارت خارجہ", SourceKind::Institution), // foreign ministry
    ("دفتر خارجہ", SourceKind::Institution),  // foreign office
    ("پولیس", SourceKind::Institution),       // police
    ("وزیراعظم", SourceKind::Person),         // prime minister
    ("وزیر اعظم", SourceKind::Person),        // prime minister, spaced
    ("وزیراعلیٰ", SourceKind::Person),         // chief minister
    ("وزیر اعلیٰ", SourceKind::Person),        // chief minister, spaced
    ("وزیر", SourceKind::Person),             // minister (`وزیر خزانہ`, finance minister)
    ("صدر", SourceKind::Person),              // president (`صدر مملکت`, of the state)
    ("گورنر", SourceKind::Person),            // governor
    ("چیئرمین", SourceKind::Person),          // chairman
    ("سینیٹر", SourceKind::Person),           // senator
    ("مشیر", SourceKind::Person),             // adviser
    ("سفیر", SourceKind::Person),             // ambassador
    ("سیکرٹری", SourceKind::Person),          // secretary
    ("جنرل", SourceKind::Person),             // general
    ("کپتان", SourceKind::Person),            // captain
    ("کوچ", SourceKind::Person),              // coach
    ("اداکار", SourceKind::Person),           // actor
    ("اداکارہ", SourceKind::Person),          // actress
    ("وکیل", SourceKind::Person),             // lawyer
    ("ترجمان", SourceKind::Anonymous),        // spokesman
    ("عینی شاہدین", SourceKind::Anonymous),   // eyewitnesses
    ("عہدیدار", SourceKind::Anonymous),       // official
    ("ذرائع", SourceKind::Anonymous),         // sources
    ("حکام", SourceKind::Anonymous),          // officials
];

/// Urdu cues come after their source: `X کے مطابق` (according to X), `X کے حوالے سے` (citing
/// X), `X کی رپورٹ` (X's report), `X نے کہا` / `کا کہنا` / `نے بتایا` (X said, says, told).
const URDU_CUES: &[(&str, Cue)] = &[
    ("کے مطابق", Cue::AccordingTo),
    ("کے حوالے سے", Cue::Citing),
    ("کی رپورٹ", Cue::Reported),
    ("نے رپورٹ", Cue::Reported),
    ("نے کہا", Cue::Said),
    ("کا کہنا", Cue::Said),
    ("نے بتایا", Cue::Said),
];

/// Words that end a source's name: postpositions and `and`. `وزارت خارجہ کے ترجمان نے کہا` (the
/// foreign ministry's spokesman said) credits the spokesman; `وزیراعظم کی ہدایات کے مطابق` (as
/// the prime minister instructed) credits nobody.
const URDU_NAME_STOPS: &[&str] = &["کے", "کی", "کا", "نے", "میں", "سے", "کو", "پر", "اور"];

/// A known Urdu source, up to three more words of its name (`ترجمان نور محمد نور`, `پولیس
/// حکام`, `وزیراعظم محمد نواز شریف`), then a cue. The source starts a word: at the start or after
/// a space or punctuation. A name running through one of [`URDU_NAME_STOPS`] is no source.
static URDU: LazyLock<Regex> = LazyLock::new(|| {
    let alternatives = |names: &mut dyn Iterator<Item = &str>| {
        names
            .map(|n| {
                n.split(' ')
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(r"\s+")
            })
            .collect::<Vec<_>>()
            .join("|")
    };
    let sources = alternatives(&mut URDU_SOURCES.iter().map(|s| s.0));
    let cues = alternatives(&mut URDU_CUES.iter().map(|c| c.0));
    normalize::text_pattern(&format!(
        r"(?:^|[\s\p{{P}}])(?P<source>(?P<name>{sources})(?:\s+[^\s\p{{P}}]+){{0,3}}?)\s+(?P<cue>{cues})"
    ))
});

/// The Urdu credits of a sentence (see [`URDU_SOURCES`] and [`URDU_CUES`]).
pub(super) fn find(sentence: &str, out: &mut Vec<Attribution>) {
    let spaced = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut at = 0;
    while let Some(caps) = URDU.captures_at(sentence, at) {
        let (source, name) = (&caps["source"], &caps["name"]);
        let whole = caps.name("source").expect("group");
        // The words after the name, as a slice of `sentence`, so a word's offset is its pointer's.
        let stop_end = sentence[whole.start() + name.len()..whole.end()]
            .split_whitespace()
            .rfind(|w| URDU_NAME_STOPS.contains(w))
            .map(|w| offset(sentence, w) + w.len());
        if let Some(end) = stop_end {
            // Search again after the last stop word: a source may start there.
            at = end;
            continue;
        }
        at = caps.get(0).expect("match").end();
        let (name, cue) = (spaced(name), spaced(&caps["cue"]));
        let kind = URDU_SOURCES.iter().find(|s| s.0 == name).map(|s| s.1);
        let cue_kind = URDU_CUES.iter().find(|c| c.0 == cue).map(|c| c.1);
        let (Some(kind), Some(cue_kind)) = (kind, cue_kind) else {
            continue;
        };
        add_new(
            out,
            Attribution {
                source: spaced(source),
                kind,
                cue,
                cue_kind,
                pronoun: None,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::credits;
    use super::super::{Cue, SourceKind, same_source};

    #[test]
    fn urdu_credits_come_before_their_cue() {
        use SourceKind::*;
        assert_eq!(
            credits("ذرائع ابلاغ کے مطابق حملے میں دس افراد ہلاک ہوئے۔"),
            [("ذرائع ابلاغ".into(), Agency, Cue::AccordingTo)]
        );
        // The source's name runs on to the cue; `کہاکہ` (said-that) is written joined.
        assert_eq!(
            credits("ترجمان دفتر خارجہ نے کہاکہ مذاکرات جاری رہیں گے۔"),
            [("ترجمان دفتر خارجہ".into(), Anonymous, Cue::Said)]
        );
        assert_eq!(
            credits("بھارتی فوج نے، کشمیر میڈیا سروس کے مطابق، فائرنگ کی۔"),
            [("کشمیر میڈیا سروس".into(), Agency, Cue::AccordingTo)]
        );
        assert_eq!(
            credits("پولیس حکام کے حوالے سے بتایا گیا"),
            [("پولیس حکام".into(), Institution, Cue::Citing)]
        );
        // A titled person, the title written joined or spaced, with up to three words of name.
        assert_eq!(
            credits("وزیراعظم محمد نواز شریف نے کہاکہ"),
            [("وزیراعظم محمد نواز شریف".into(), Person, Cue::Said)]
        );
        assert_eq!(
            credits("وزیر اعظم نے کہا"),
            [("وزیر اعظم".into(), Person, Cue::Said)]
        );
        // A name does not run through a postposition: the ministry's spokesman is credited, and
        // "as the prime minister instructed" credits nobody.
        assert_eq!(
            credits("وزارت خارجہ کے ترجمان نے کہا"),
            [("ترجمان".into(), Anonymous, Cue::Said)]
        );
        assert!(credits("وزیراعظم کی ہدایات کے مطابق کام ہوگا۔").is_empty());
        // "According to the details" credits nobody; a source inside a longer word is none.
        assert!(credits("تفصیلات کے مطابق میچ کل ہوگا۔").is_empty());
        assert!(credits("ذرائعے کے مطابق").is_empty());
        // The media, written two ways, are one source.
        assert!(same_source("ذرائع ابلاغ", "میڈیا"));
        assert!(!same_source("میڈیا", "پولیس"));
    }
}
