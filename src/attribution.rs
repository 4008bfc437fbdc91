//! Attribution: find who a sentence credits ("RIA Novosti said", "according to the Foreign
//! Ministry", "citing TASS") and say what a version did to each credit of the reference.
//!
//! A [`Attribution`] is a *source* (a news agency, a newspaper, an institution, a titled or named
//! person, an anonymous official) joined to a *cue* (`said`, `told`, `reported`, `according
//! to`, `citing`, `quoted`, ...) within a few words of it. One reader per language, each in its
//! own module:
//! - `english.rs`: newswire phrasing, a source on either side of its cue; a name right after
//!   `told` is whom the source spoke to, not a source.
//! - `urdu.rs`: a known source (an agency, the media, the police, a spokesman, sources, a title
//!   such as `وزیراعظم`, prime minister) and up to three words of its name before its cue (`کے
//!   مطابق`, according to; `نے کہا`, said; ...).
//! - `chinese.rs`: a known source (`新华社`, `塔斯社`, `外交部`, `发言人`, ...), after the
//!   country or body it belongs to if any (`俄罗斯外交部`), inside `据…报道` (according to),
//!   before `援引` (citing) or a cue (`表示`, `说`, `称`, `报道`).
//! - `russian.rs`, `french.rs`, `spanish.rs`, `german.rs`, `italian.rs`, `portuguese.rs`,
//!   `dutch.rs`: agencies, bodies, titled and named people on either side of a cue
//!   (`сообщает РИА Новости`, `selon l'AFP`, `según EFE`, `meldt persbureau ANP`), all read by
//!   `listed.rs` from their lists; a text is read in the ones it is written in ([`Readers`]).
//!
//! A dateline's parentheses credit too (`dateline.rs`, [`dateline_credits`]: `LONDON (Reuters)
//! -`, the Urdu `ڈھاکہ ۔ یکم دسمبر (اے پی پی)`), with the cue [`Cue::Dateline`]; a credit there
//! is an agency unless it names the outlet's own desk or reporter ([`SourceKind::Staff`]).
//!
//! Whether two credits name one source is `matching.rs`'s: a normalized key (`the`, `news
//! agency` and the like dropped; `Associated Press` = `AP`; an agency one source in any script,
//! `TASS`, `ТАСС`, `塔斯社`), equal, containing one another, or within a small edit distance
//! (strsim), so that `RIA` and `RIA Novosti` are one source; but two names alike save one
//! capitalized word put for another (`the Russian` / `the Ukrainian Foreign Ministry`) are two.
//! A government is read from its country, capital, seat or people's adjective (`governments.rs`):
//! one government's body however named is one source (`the Kremlin`, `Moscow`; `the Ministry of
//! Defence`, `the Defense Ministry`; `МИД России`, `российский МИД`, `the Russian Foreign
//! Ministry`), two governments' are two (`a Kremlin spokesman`, `a White House spokesman`).
//! [`one_source`] also takes one person under another title and unnamed sources of one kind
//! described otherwise (`trade sources`, `commerce sources`) for one source. [`compare`] says
//! what a version did to each credit of the reference; a credit the version gives in another
//! sentence is found there ([`found_elsewhere`]).
//!
//! Heuristic by nature: credits in the text are read in English newswire phrasing and, for a
//! list of sources, in Urdu, Chinese, Russian, French, Spanish, German, Italian, Portuguese
//! and Dutch; dateline credits in any script. It never aligns sentences; see [`crate::align`].

use std::sync::LazyLock;

use serde::Serialize;

use crate::normalize;

mod chinese;
mod dateline;
mod dutch;
mod english;
mod french;
mod german;
mod governments;
mod italian;
mod listed;
mod matching;
mod portuguese;
mod pronouns;
mod russian;
mod spanish;
mod urdu;

pub use dateline::dateline_credits;
use matching::{another_government, other_proper_word};
pub use matching::{one_source, same_person, same_source, source_key};
pub use pronouns::refer_pronouns;
use pronouns::same_pronoun;

/// How a source is credited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cue {
    /// said, says, told, stated, added, announced, confirmed, wrote ...
    Said,
    /// reported, reports
    Reported,
    /// according to
    AccordingTo,
    /// citing, cited, quoted, quoting
    Citing,
    /// Credited in the dateline: `LONDON (Reuters) -`, `ڈھاکہ ۔ یکم دسمبر (اے پی پی)`.
    Dateline,
}

/// What kind of source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A news agency or outlet.
    Agency,
    /// A ministry, service, company, police, bank, party ...
    Institution,
    /// A named or titled person.
    Person,
    /// A spokesman, an official, sources, dealers, economists.
    Anonymous,
    /// The outlet's own desk or reporter: `Sports Desk`, `Our Correspondent`, `سپورٹس ڈیسک`.
    Staff,
    /// What a source put out, where no name says whose: `the statement`, `the report`.
    Document,
}

/// One credit in a sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attribution {
    /// The source as written.
    pub source: String,
    /// Its kind.
    pub kind: SourceKind,
    /// The cue as written.
    pub cue: String,
    /// The cue's meaning.
    pub cue_kind: Cue,
    /// The pronoun that credits the source, when one does (`, he said`): `source` and `kind`
    /// are then those of whom it refers back to ([`refer_pronouns`]), or the pronoun's own
    /// where no credit before it is of its kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pronoun: Option<String>,
}

/// The credits in one sentence, in order of their sources. A pronoun's credit (`, he said`)
/// names the pronoun until [`refer_pronouns`] reads whom it refers to in the text.
pub fn find(sentence: &str) -> Vec<Attribution> {
    Readers::of(sentence).find(sentence)
}

/// Which of the list readers a text needs, decided once for the text: French, Spanish, German,
/// Italian, Portuguese and Dutch credits are read only in a text written in that language
/// (English `assure` and `dice` are French and Spanish cues, and scanning every English sentence
/// for them cost a tenth of `dedup --diffs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Readers {
    french: bool,
    spanish: bool,
    german: bool,
    italian: bool,
    portuguese: bool,
    dutch: bool,
}

/// Common English words, against which a text's French, Spanish, German, Italian, Portuguese
/// and Dutch ones are weighed.
const ENGLISH_COMMON: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "said", "was", "by", "it",
    "he", "as", "at", "from", "has", "have",
];

/// Each common word of English, French, Spanish, German, Italian, Portuguese and Dutch, with
/// the languages it is common in (a bit each, in that order: one more language fits the `u8`).
static COMMON: LazyLock<rustc_hash::FxHashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut map = rustc_hash::FxHashMap::default();
    for (bit, words) in [
        ENGLISH_COMMON,
        french::COMMON,
        spanish::COMMON,
        german::COMMON,
        italian::COMMON,
        portuguese::COMMON,
        dutch::COMMON,
    ]
    .into_iter()
    .enumerate()
    {
        for &word in words {
            *map.entry(word).or_default() |= 1 << bit;
        }
    }
    map
});

impl Readers {
    /// The readers `text` needs, judged from its first kilobyte: the languages whose common
    /// words there outnumber English ones (two at least) and those of every other language.
    pub fn of(text: &str) -> Self {
        let mut head = text.len().min(1024);
        while !text.is_char_boundary(head) {
            head -= 1;
        }
        let mut counts = [0usize; 7];
        let mut lower = [0u8; 8];
        for word in text[..head].split(|c: char| !c.is_alphabetic()) {
            let Some(lower) = lower.get_mut(..word.len()) else {
                continue;
            };
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            let languages = std::str::from_utf8(lower)
                .ok()
                .and_then(|w| COMMON.get(w))
                .copied()
                .unwrap_or(0);
            for (bit, count) in counts.iter_mut().enumerate() {
                *count += usize::from(languages >> bit & 1);
            }
            // Plainly English (most texts, within a line or two): no need to read on.
            if counts[0] >= 8 && counts[1..].iter().all(|&n| n < 2) {
                break;
            }
        }
        let [english, french, spanish, german, italian, portuguese, dutch] = counts;
        // French, Spanish, Italian and Portuguese share articles and more (`la`, `il`, `un`,
        // `que`), Dutch `de` with them: a text is read in the languages that count the most.
        let most = [french, spanish, german, italian, portuguese, dutch]
            .into_iter()
            .max()
            .unwrap_or(0);
        let written = |n: usize| n >= 2 && n > english && n == most;
        Readers {
            french: written(french),
            spanish: written(spanish),
            german: written(german),
            italian: written(italian),
            portuguese: written(portuguese),
            dutch: written(dutch),
        }
    }

    /// The credits in one sentence of the text, in order of their sources (a pronoun's as
    /// [`find`] says).
    pub fn find(self, sentence: &str) -> Vec<Attribution> {
        find_with(sentence, self)
    }
}

fn find_with(sentence: &str, readers: Readers) -> Vec<Attribution> {
    let mut out = find_as_written(sentence, readers);
    // A credit read across a line break of hard-wrapped text (`Harcourt\nBrace Jovanovich`) is
    // named on one line.
    for a in &mut out {
        for field in [&mut a.source, &mut a.cue] {
            if field.contains(['\n', '\r', '\t']) || field.contains("  ") {
                *field = field.split_whitespace().collect::<Vec<_>>().join(" ");
            }
        }
    }
    out
}

/// [`find_with`], each source and cue as the sentence writes it.
fn find_as_written(sentence: &str, readers: Readers) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::new();
    if sentence
        .chars()
        .any(|c| matches!(c, '\u{0600}'..='\u{06FF}'))
    {
        urdu::find(sentence, &mut out);
    }
    if sentence.chars().any(normalize::is_han_or_kana) {
        chinese::find(sentence, &mut out);
    }
    if sentence.chars().any(is_cyrillic) {
        russian::find(sentence, &mut out);
    }
    if readers.french {
        french::find(sentence, &mut out);
    }
    if readers.spanish {
        spanish::find(sentence, &mut out);
    }
    if readers.german {
        german::find(sentence, &mut out);
    }
    if readers.italian {
        italian::find(sentence, &mut out);
    }
    if readers.portuguese {
        portuguese::find(sentence, &mut out);
    }
    if readers.dutch {
        dutch::find(sentence, &mut out);
    }
    english::find(sentence, &mut out);
    out
}

/// Adds `a` to `out` unless `out` already credits its source.
fn add_new(out: &mut Vec<Attribution>, a: Attribution) {
    if !out.iter().any(|o| same_source(&o.source, &a.source)) {
        out.push(a);
    }
}

/// Whether `c` is a Cyrillic letter.
fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

use crate::normalize::offset_in as offset;

/// What a version did to one credit of the reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fate {
    /// Same source, same kind of cue (in the aligned sentence, or another of the version's).
    Kept,
    /// Same source, credited another way (`said` became `according to`).
    Reworded,
    /// The sentence is there but the credit is gone.
    Dropped,
    /// The sentence credits another source instead.
    Replaced,
    /// The whole sentence was cut.
    Trimmed,
}

/// The fate of one reference credit in one version.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttributionChange {
    /// The reference's credit.
    pub reference: Attribution,
    /// What happened to it.
    pub fate: Fate,
    /// The version's credit, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<Attribution>,
    /// The number of the reference sentence the credit stands in (from 0; none for a
    /// dateline's credit): one source credited in two sentences is two credits, each with its
    /// own fate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<usize>,
}

/// Decides the fate of each of `reference`'s credits given the credits of the version's aligned
/// sentence (`None` when the sentence was cut). Returns the changes (their `sentence` is the
/// caller's to say), and marks in `used` the
/// version credits that account for a reference credit.
pub fn compare(
    reference: &[Attribution],
    version: Option<&[Attribution]>,
    used: &mut [bool],
) -> Vec<AttributionChange> {
    let Some(version) = version else {
        return reference
            .iter()
            .map(|r| AttributionChange {
                reference: r.clone(),
                fate: Fate::Trimmed,
                version: None,
                sentence: None,
            })
            .collect();
    };
    let mut out = Vec::with_capacity(reference.len());
    for r in reference {
        if let Some(i) = (0..version.len())
            .find(|&i| !used[i] && (one_source(r, &version[i]) || same_pronoun(r, &version[i])))
        {
            used[i] = true;
            let fate = if version[i].cue_kind == r.cue_kind {
                Fate::Kept
            } else {
                Fate::Reworded
            };
            out.push(AttributionChange {
                reference: r.clone(),
                fate,
                version: Some(version[i].clone()),
                sentence: None,
            });
        } else {
            out.push(AttributionChange {
                reference: r.clone(),
                fate: Fate::Dropped,
                version: None,
                sentence: None,
            });
        }
    }
    // A dropped agency credit whose sentence now credits another agency was replaced; so was
    // any dropped dateline credit when the dateline now credits someone else (an agency, or the
    // outlet's own desk); so was a credit whose sentence names another of its kind in its words
    // but for a proper one (the Ukrainian Foreign Ministry for the Russian one) or one
    // government's body for another's (`Kyiv` for `the Kremlin`), and an unnamed credit whose
    // sentence names unnamed sources of another kind (Western officials for diplomatic
    // sources). Other credits of the kind are not taken for replacements: on the
    // eval_reuters corpus those were mostly the same source shortened or misspelt (`Valero Corp`
    // for `Valero Energy Corp`, `Unisy`).
    let replacement = |r: &Attribution, a: &Attribution| {
        if refers_to_nobody(r) {
            return false;
        }
        let agency_or_dateline = r.kind == SourceKind::Agency || r.cue_kind == Cue::Dateline;
        another_government(&r.source, &a.source)
            || (a.kind == r.kind
                && (r.kind == SourceKind::Anonymous || other_proper_word(&r.source, &a.source)))
            || (agency_or_dateline
                && (a.kind == SourceKind::Agency
                    || (a.cue_kind == Cue::Dateline && a.kind == SourceKind::Staff)))
    };
    for change in out.iter_mut().filter(|c| c.fate == Fate::Dropped) {
        if let Some(i) =
            (0..version.len()).find(|&i| !used[i] && replacement(&change.reference, &version[i]))
        {
            used[i] = true;
            change.fate = Fate::Replaced;
            change.version = Some(version[i].clone());
        }
    }
    // A credit dropped where its sentence now credits an agency, and no other new source, was
    // replaced by the agency: the copy names whom it has the news from instead (`..., сообщили
    // в МИД России` written `..., передает ТАСС`). Only one for one: with two credits dropped,
    // or two new, which took whose place is not told.
    let mut dropped = out.iter_mut().filter(|c| c.fate == Fate::Dropped);
    let mut new = (0..version.len()).filter(|&i| !used[i]);
    if let (Some(change), None, Some(i), None) =
        (dropped.next(), dropped.next(), new.next(), new.next())
        && version[i].kind == SourceKind::Agency
        && !refers_to_nobody(&change.reference)
    {
        used[i] = true;
        change.fate = Fate::Replaced;
        change.version = Some(version[i].clone());
    }
    out
}

/// Whether `credit` is a pronoun that refers to nobody found: it names no source another could
/// replace.
fn refers_to_nobody(credit: &Attribution) -> bool {
    credit.pronoun.as_deref() == Some(credit.source.as_str())
}

/// A credit the version gives in another sentence than the reference's is kept, not dropped and
/// added: a dropped credit whose source (or person) the version credits where no reference credit
/// accounts for it, in a sentence it wrote or rearranged (`Citing the ministry, RIA Novosti said
/// X. Y.` became `X. Y, RIA Novosti reported.`), in its text for a dateline credit (`LONDON
/// (Reuters) -` became `..., Reuters reported`) or in its dateline for a text credit. Kept when
/// the cue is of the same kind, reworded otherwise (a dateline's is always another). Takes the
/// version's credit out of `added`.
pub fn found_elsewhere(changes: &mut [AttributionChange], added: &mut Vec<Attribution>) {
    for change in changes.iter_mut().filter(|c| c.fate == Fate::Dropped) {
        let r = &change.reference;
        if let Some(i) = added.iter().position(|a| one_source(r, a)) {
            change.fate = if added[i].cue_kind == r.cue_kind {
                Fate::Kept
            } else {
                Fate::Reworded
            };
            change.version = Some(added.remove(i));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each credit of `s` as (source, cue kind).
    pub(super) fn sources(s: &str) -> Vec<(String, Cue)> {
        find(s)
            .into_iter()
            .map(|a| (a.source, a.cue_kind))
            .collect()
    }

    /// Each credit of `s` as (source, kind, cue kind).
    pub(super) fn credits(s: &str) -> Vec<(String, SourceKind, Cue)> {
        find(s)
            .into_iter()
            .map(|a| (a.source, a.kind, a.cue_kind))
            .collect()
    }

    #[test]
    fn a_text_is_read_in_the_languages_it_is_written_in() {
        let read = |t: &str| {
            let r = Readers::of(t);
            (r.french, r.spanish)
        };
        // English, though it holds three French common words (`plus`, `de`, `la`).
        let english = "Officials assure the talks will resume, plus a round de facto set for La \
                       Paz, the ministry said that it is so.";
        assert_eq!(read(english), (false, false));
        let french = "Les pourparlers reprendront en avril. Le premier cycle se tiendra à \
                      Mourmansk, selon le ministère.";
        assert!(read(french).0);
        let spanish = "Las negociaciones se reanudarán en abril, según el ministerio, y la \
                       primera ronda será en Múrmansk.";
        assert!(read(spanish).1);
        let german = "Die Gespräche sollen im April beginnen, sagte ein Sprecher des Ministeriums.";
        let italian = "Il negoziato riprenderà ad aprile, secondo il ministero, e la prima sessione \
                       si terrà a Murmansk.";
        let portuguese = "As negociações serão retomadas em abril, segundo o ministério, e a \
                          primeira ronda será em Murmansk.";
        let (g, i, p) = (
            Readers::of(german),
            Readers::of(italian),
            Readers::of(portuguese),
        );
        assert!(g.german && !g.italian && !g.french && !g.spanish && !g.portuguese);
        assert!(i.italian && !i.german && !i.french && !i.spanish && !i.portuguese);
        assert!(p.portuguese && !p.spanish && !p.italian && !p.french && !p.german);
        let dutch = "De gesprekken worden in april hervat, volgens het ministerie, en de eerste \
                     ronde is in Moermansk.";
        let d = Readers::of(dutch);
        assert!(d.dutch && !d.german && !d.spanish && !d.french && !d.portuguese);
        assert!(!g.dutch && !i.dutch && !p.dutch);
        // The Romance languages share articles: a text is read only in the one it counts most.
        let (f, s) = (Readers::of(french), Readers::of(spanish));
        assert!(!f.italian && !f.spanish && !s.italian && !s.french);
        assert!(!f.portuguese && !s.portuguese);
        let e = Readers::of(english);
        assert!(!e.german && !e.italian && !e.portuguese && !e.dutch);
        // Told from the whole text: a French sentence with few common words is read as French.
        let credits = Readers::of(french).find("Lavrov a affirmé être prêt.");
        assert_eq!(credits.len(), 1, "{credits:?}");
    }

    /// Asserts that `sentence` credits just the sources of `expected`, of those kinds, in order.
    pub(super) fn assert_credits(sentence: &str, expected: &[(&str, SourceKind)]) {
        let got = credits(sentence);
        let got: Vec<(&str, SourceKind)> = got.iter().map(|(s, k, _)| (s.as_str(), *k)).collect();
        assert_eq!(got, expected, "{sentence}");
    }

    /// A credit of `source`, of kind `kind`, with the cue `said`.
    fn said(source: &str, kind: SourceKind) -> Attribution {
        Attribution {
            source: source.into(),
            kind,
            cue: "said".into(),
            cue_kind: Cue::Said,
            pronoun: None,
        }
    }

    /// The fate of a reference credit `reference` when the version's sentence credits `version`
    /// (both `said`, of kind `kind`).
    fn fate_of(kind: SourceKind, reference: &str, version: &str) -> Fate {
        compare(
            &[said(reference, kind)],
            Some(&[said(version, kind)]),
            &mut [false],
        )[0]
        .fate
    }

    /// Unnamed sources of one kind described otherwise are one source; of two kinds, two.
    #[test]
    fn unnamed_sources_of_one_kind_are_one_source() {
        let fate =
            |reference: &str, version: &str| fate_of(SourceKind::Anonymous, reference, version);
        assert_eq!(fate("a company spokesman", "a firm spokesman"), Fate::Kept);
        assert_eq!(fate("rescue workers", "rescuers"), Fate::Kept);
        assert_eq!(fate("medical workers", "medics"), Fate::Kept);
        assert_eq!(fate("a rescue worker", "a rescuer"), Fate::Kept);
        assert_eq!(fate("a medical worker", "a medic"), Fate::Kept);
        assert_eq!(fate("rescue workers", "aid workers"), Fate::Replaced);
        assert_eq!(fate("trade sources", "commerce sources"), Fate::Kept);
        assert_eq!(fate("official sources", "diplomatic sources"), Fate::Kept);
        assert_eq!(
            fate("fonti diplomatiche", "fonti vicine al governo"),
            Fate::Kept
        );
        assert_eq!(
            fate("fontes diplomáticas", "fontes próximas do governo"),
            Fate::Kept
        );
        assert_eq!(
            fate("um porta-voz do ministério", "o porta-voz"),
            Fate::Kept
        );
        assert_eq!(
            fate("funcionários do ministério", "funcionários ocidentais"),
            Fate::Kept
        );
        assert_eq!(fate("een woordvoerder", "a spokesman"), Fate::Kept);
        assert_eq!(
            fate("diplomatieke bronnen", "ingewijde bronnen"),
            Fate::Kept
        );
        assert_eq!(
            fate("fontes diplomáticas", "funcionários ocidentais"),
            Fate::Replaced
        );
        assert_eq!(
            fate("diplomatic sources", "Western officials"),
            Fate::Replaced
        );
        assert_eq!(fate("a ministry spokesman", "officials"), Fate::Replaced);
        // The market's people too, one word in the singular and the plural.
        assert_eq!(fate("one London dealer", "dealers"), Fate::Kept);
        assert_eq!(fate("a Tokyo economist", "economists"), Fate::Kept);
        assert_eq!(fate("a witness", "witnesses"), Fate::Kept);
        assert_eq!(
            fate("a company spokeswoman", "company spokesmen"),
            Fate::Kept
        );
        assert_eq!(fate("dealers", "traders"), Fate::Replaced);
    }

    /// A credit whose sentence now credits an agency instead, one for one, was replaced by it
    /// (`..., the ministry said` written `..., TASS reported`); beside another new credit, with
    /// another credit dropped, for a new source not an agency, or for a pronoun that refers to
    /// nobody, it was dropped.
    #[test]
    fn an_agency_credited_in_a_credits_place_replaced_it() {
        use Fate::{Dropped, Replaced};
        use SourceKind::{Agency, Institution, Person};
        let compared = |reference: Vec<&Attribution>, version: Vec<&Attribution>| {
            let reference: Vec<Attribution> = reference.into_iter().cloned().collect();
            let version: Vec<Attribution> = version.into_iter().cloned().collect();
            compare(&reference, Some(&version), &mut vec![false; version.len()])
        };
        let fates = |reference, version| {
            compared(reference, version)
                .into_iter()
                .map(|c| c.fate)
                .collect::<Vec<_>>()
        };
        let ministry = said("the Russian Foreign Ministry", Institution);
        let tass = said("TASS", Agency);
        let change = compared(vec![&ministry], vec![&tass]).remove(0);
        assert_eq!(change.fate, Replaced);
        assert_eq!(change.version.map(|a| a.source).as_deref(), Some("TASS"));
        let interfax = said("Interfax", Agency);
        assert_eq!(fates(vec![&ministry], vec![&tass, &interfax]), [Dropped]);
        let smith = said("John Smith", Person);
        assert_eq!(fates(vec![&ministry], vec![&smith]), [Dropped]);
        assert_eq!(
            fates(vec![&ministry, &smith], vec![&tass]),
            [Dropped, Dropped]
        );
        let it = Attribution {
            pronoun: Some("It".into()),
            ..said("It", Institution)
        };
        assert_eq!(fates(vec![&it], vec![&tass]), [Dropped]);
    }

    /// A sentence that credits one body of another government than the reference's replaced
    /// the credit (`Kyiv` for `the Kremlin`, `U.S. officials` for `Russian officials`).
    #[test]
    fn another_governments_body_replaces_a_credit() {
        let fate = |kind, reference: &str, version: &str| fate_of(kind, reference, version);
        use SourceKind::{Anonymous, Institution};
        assert_eq!(fate(Institution, "The Kremlin", "Kyiv"), Fate::Replaced);
        assert_eq!(
            fate(
                Institution,
                "The Russian Foreign Ministry",
                "China's foreign ministry"
            ),
            Fate::Replaced
        );
        assert_eq!(
            fate(Anonymous, "A Kremlin spokesman", "A White House spokesman"),
            Fate::Replaced
        );
        assert_eq!(
            fate(Anonymous, "Russian officials", "U.S. officials"),
            Fate::Replaced
        );
        assert_eq!(fate(Institution, "The Kremlin", "Moscow"), Fate::Kept);
        // Another body of another government is no replacement.
        assert_eq!(
            fate(Institution, "The Russian Foreign Ministry", "Kyiv"),
            Fate::Dropped
        );
    }

    #[test]
    fn possessive_institutions_are_one_source() {
        let got = sources("The navy's hydrographic office said there was no risk of a tsunami.");
        assert_eq!(
            got,
            vec![("The navy's hydrographic office".to_string(), Cue::Said)]
        );
    }

    #[test]
    fn fates() {
        let r =
            find("Citing the Russian Foreign Ministry, RIA Novosti said the talks would resume.");
        let kept =
            find("Citing the Russian Foreign Ministry, RIA Novosti said the talks would resume.");
        let reworded = find(
            "According to RIA Novosti, which cited the Russian Foreign Ministry, the talks would resume.",
        );
        let replaced =
            find("Citing the Russian Foreign Ministry, TASS said the talks would resume.");
        let fates = |v: &[Attribution]| {
            let mut used = vec![false; v.len()];
            compare(&r, Some(v), &mut used)
                .into_iter()
                .map(|c| c.fate)
                .collect::<Vec<_>>()
        };
        assert_eq!(fates(&kept), vec![Fate::Kept, Fate::Kept]);
        assert_eq!(fates(&reworded), vec![Fate::Kept, Fate::Reworded]);
        assert_eq!(fates(&replaced), vec![Fate::Kept, Fate::Replaced]);
        let other_ministry =
            find("Citing the Ukrainian Foreign Ministry, RIA Novosti said the talks would resume.");
        assert_eq!(fates(&other_ministry), vec![Fate::Replaced, Fate::Kept]);
        assert_eq!(fates(&[]), vec![Fate::Dropped, Fate::Dropped]);
        assert_eq!(compare(&r, None, &mut [])[0].fate, Fate::Trimmed);
    }

    /// Two firms whose names share their last word are two sources, not one person by a like
    /// first name (`Texaco Inc`, `Textron Inc`).
    #[test]
    fn a_firm_credited_in_another_firms_place_replaced_it() {
        let credit = |firm: &str| find(&format!("{firm} said it would cut crude prices."));
        let fate = |version: &str| {
            compare(&credit("Texaco Inc"), Some(&credit(version)), &mut [false])[0].fate
        };
        assert_eq!(fate("Textron Inc"), Fate::Replaced);
        assert_eq!(fate("Texaco Inc"), Fate::Kept);
    }

    /// A pronoun that refers to nobody found is kept by the same pronoun, and replaced by
    /// nobody: `They said` written `Analysts said` may be the same people.
    #[test]
    fn a_pronoun_referring_to_nobody_is_kept_or_dropped() {
        let they = Attribution {
            pronoun: Some("They".into()),
            ..said("They", SourceKind::Anonymous)
        };
        let fate = |version: &Attribution| {
            compare(
                std::slice::from_ref(&they),
                Some(std::slice::from_ref(version)),
                &mut [false],
            )[0]
            .fate
        };
        let lower = Attribution {
            source: "they".into(),
            pronoun: Some("they".into()),
            ..they.clone()
        };
        assert_eq!(fate(&lower), Fate::Kept);
        assert_eq!(
            fate(&said("Analysts", SourceKind::Anonymous)),
            Fate::Dropped
        );
        assert_eq!(
            fate(&said("Officials", SourceKind::Anonymous)),
            Fate::Dropped
        );
    }

    /// A dropped credit is found again among the version's unaccounted credits: the same
    /// source, or the same person under another title; nobody else.
    #[test]
    fn a_dropped_credit_is_found_in_another_sentence() {
        let person = |source: &str| said(source, SourceKind::Person);
        let dropped = |source: &str| AttributionChange {
            reference: person(source),
            fate: Fate::Dropped,
            version: None,
            sentence: None,
        };
        let mut changes = [
            dropped("Foreign Minister Sergei Lavrov"),
            dropped("Interior Minister Hans Müller"),
        ];
        let mut added = vec![
            person("Peter Schmidt"),
            person("Russia's top diplomat Sergey Lavrov"),
        ];
        found_elsewhere(&mut changes, &mut added);
        assert_eq!(changes.map(|c| c.fate), [Fate::Kept, Fate::Dropped]);
        assert_eq!(added, [person("Peter Schmidt")]);
    }

    /// A person under another title is the same source, kept; other people sharing a title, a
    /// surname or a company suffix are not.
    #[test]
    fn one_person_under_another_title_is_one_source() {
        let person = |source: &str| said(source, SourceKind::Person);
        let fate = |reference: &str, version: &str| fate_of(SourceKind::Person, reference, version);
        for (a, b) in [
            (
                "il ministro degli Esteri russo Sergej Lavrov",
                "il capo della diplomazia russa Sergej Lavrov",
            ),
            (
                "company president Klaus Jacobs",
                "firm president Klaus Jacobs",
            ),
            (
                "Foreign Minister Sergei Lavrov",
                "Russia's top diplomat Sergey Lavrov",
            ),
            ("le ministre russe Sergueï Lavrov", "Sergei Lavrov"),
            ("Economy Minister Hans Müller", "Hans Muller"),
            // A surname under a title or `Mr` alone is whoever has that surname.
            ("Syrian President Bashar al-Assad", "President Assad"),
            ("Kremlin spokesman Dmitry Peskov", "Mr. Peskov"),
            ("President Assad", "Syrian President Bashar al-Assad"),
        ] {
            assert_eq!(fate(a, b), Fate::Kept, "{a} / {b}");
        }
        // Another surname is another person, and a title after a title is no surname.
        for (a, b) in [
            ("President Putin", "President Biden"),
            ("Kremlin spokesman Dmitry Peskov", "Mr. Lavrov"),
            ("the Secretary General", "the Governor General"),
        ] {
            assert!(!same_person(&person(a), &person(b)), "{a} / {b}");
        }
        for (a, b) in [
            (
                "the Iranian Defence Minister",
                "the Iranian Foreign Minister",
            ),
            (
                "Foreign Minister Sergei Lavrov",
                "Foreign Minister Dmitry Lavrov",
            ),
            ("Suburban Bancorp", "Mellon Bancorp"),
        ] {
            // Another source of the same kind and shape in the sentence: credited instead.
            assert_eq!(fate(a, b), Fate::Replaced, "{a} / {b}");
        }
        // One letter apart may be a typo: not kept, not taken for another source either.
        assert_eq!(fate("AEG AG", "AEK AG"), Fate::Dropped);
        // Names a word apart are not taken for other sources (often one name, read shifted).
        assert_eq!(fate("E.F. Hutton Group", "Hutton Group Inc"), Fate::Dropped);
        assert_eq!(
            fate(
                "Iranian Parliamentary Speaker",
                "Iranian Parliamentary Hojatoleslam"
            ),
            Fate::Dropped
        );
        // Only people: two agencies are matched by their names alone.
        let agency = |source: &str| said(source, SourceKind::Agency);
        assert!(!same_person(
            &agency("Sergei Lavrov"),
            &person("Sergei Lavrov")
        ));
        // A title is no name, however its words are capitalized.
        assert!(!same_person(
            &person("the Iranian Foreign Minister"),
            &person("the Syrian Foreign Minister")
        ));
    }
}
