//! Dutch credits, as ANP, Belga and the papers that run their copy write them: `meldt
//! persbureau ANP` (the ANP agency reports), `volgens het Russische persbureau Interfax`
//! (according to the Russian agency Interfax), `zei de Russische minister van Buitenlandse
//! Zaken Sergej Lavrov` (the Russian foreign minister said), `aldus een woordvoerder` (a
//! spokesman said), `onder verwijzing naar diplomatieke bronnen` (citing diplomatic sources),
//! `liet het ministerie vrijdag weten` (the ministry said on Friday: a separable verb, whose
//! particle ends its clause or stands before its `dat`), `zei hij tegen ANP` (he told ANP: ANP
//! is whom he told). The reading is `listed.rs`'s; this module holds the lists.

use std::sync::LazyLock;

use regex::Regex;

use super::listed::{self, Language};
use super::{Attribution, Cue};
use crate::normalize;

/// Adjectives before an agency, a body or a title (`het Russische persbureau`, `de Amerikaanse
/// president`, `de officiële media`).
const ADJECTIVES: &str = r"(?:(?:Russische|Amerikaanse|Franse|Chinese|Oekraïense|Britse|Duitse|Iraanse|Turkse|Israëlische|Japanse|Nederlandse|Belgische|Europese|Noorse|officiële)\s+)*";

/// Whose a title is: `van het Kremlin`, `van de politie`, `van Buitenlandse Zaken`.
const WHOSE: &str = r"(?:\s+van\s+(?:(?:de|het)\s+ADJ\p{L}+|Buitenlandse\s+Zaken|\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*)?))";

/// A name after a title: one to three capitalized words (`Sergej Lavrov`).
const NAME: &str =
    r"(?:,?\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){0,2})?";

/// Agencies (`ANP`, `persbureau Belga`, `het Russische persbureau RIA Novosti`) and media (`de
/// NOS`, `de krant De Telegraaf`, `de Volkskrant`, `de Russische staatsmedia`).
const AGENCIES: &str = r#"(?:(?:[Hh]et\s+)?ADJ(?:staats)?persbureau\s+)?(?:ANP|Belga|Reuters|AFP|AP|Associated\s+Press|Xinhua|TASS|Tass|RIA\s+Novosti|Interfax|Bloomberg|dpa|DPA|EFE|ANSA|Anadolu|BBC|CNN|NOS|RTL\s+Nieuws|VRT\s+NWS|Al\s+Jazeera)|(?:[Dd]e\s+|[Hh]et\s+)?ADJ(?:krant|dagblad|zender|omroep|nieuwszender|weekblad)\s+["'„]?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2}["'”]?|(?:[Dd]e\s+)?(?:Telegraaf|Volkskrant|Standaard)|NRC(?:\s+Handelsblad)?|Trouw|(?:[Hh]et\s+)?(?:Parool|Nieuwsblad|Financieele\s+Dagblad)|(?:[Dd]e\s+)?ADJ(?:staatsmedia|staatstelevisie|media)"#;

/// Bodies: `het ministerie van Buitenlandse Zaken`, `het Kremlin`, `de politie`, `Defensie`.
const INSTITUTIONS: &str = r"(?:(?:[Hh]et|[Dd]e)\s+)?ADJ(?:[Mm]inisterie(?:\s+van\s+(?:Buitenlandse\s+Zaken|Binnenlandse\s+Zaken|Justitie\s+en\s+Veiligheid|\p{Lu}\p{Ll}+))?|regering|kabinet|politie|Openbaar\s+Ministerie|OM|leger|krijgsmacht|ambassade|Kremlin|Witte\s+Huis|Pentagon|NAVO|VN|Buitenlandse\s+Zaken|Defensie|[Mm]arechaussee)(?-u:\b)";

/// Titles, perhaps before whose body and a name: `de Russische minister van Buitenlandse Zaken
/// Sergej Lavrov`, `Kremlinwoordvoerder Dmitri Peskov`, `de woordvoerder van het Kremlin`.
const TITLED: &str = r"(?:(?:[Dd]e|[Hh]et)\s+)?ADJ(?:minister-president|minister|premier|president|staatssecretaris|burgemeester|ambassadeur|directeur|topman|topvrouw|secretaris-generaal|generaal|commandant|\p{Lu}?\p{Ll}*woordvoer(?:der|ster))WHOSE?NAME";

/// Unnamed sources: `een woordvoerder van het Kremlin`, `diplomatieke bronnen`, `ingewijden`.
const ANONYMOUS: &str = r"[Ee]en\s+ADJ\p{Ll}*woordvoer(?:der|ster)WHOSE?|(?:(?:[Ee]en|[Dd]e)\s+)?(?:(?:diplomatieke|anonieme|betrouwbare|militaire|officiële|goed\s+ingelichte)\s+)?(?:bronnen|bron|diplomaten|diplomaat|ingewijden|functionarissen|functionaris|ambtenaren|ambtenaar|getuigen|analisten|analist)";

static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    listed::filled_source_pattern(
        [AGENCIES, INSTITUTIONS, TITLED, ANONYMOUS],
        &[("WHOSE", WHOSE), ("ADJ", ADJECTIVES), ("NAME", NAME)],
    )
});

/// `zei`, `meldt` and the like, in the past (singular and plural) or the present; `volgens`,
/// `aldus` (both before their source), `onder verwijzing naar`; separable verbs with their
/// particle at the clause's end or before its `dat` (see [`SEPARABLE`]), or joined to it in a
/// subordinate clause (`zoals de politie bekendmaakte`).
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    normalize::text_pattern(
        r"(?i)(?:(?P<according>volgens|aldus)|(?P<citing>onder\s+verwijzing\s+naar|geciteerd\s+door)|(?P<reported>meldt|meldde(?:n)?|melden|bericht(?:te|ten|en)?|schrijft|schreef|schreven)|(?P<said>zei|zeiden|zegt|zeggen|verklaarde(?:n)?|verklaart|benadrukte(?:n)?|benadrukt|bevestigde(?:n)?|bevestigt|waarschuwde(?:n)?|waarschuwt|bekendmaakte(?:n)?|meedeelde(?:n)?|toevoegde(?:n)?|aankondigde(?:n)?)|(?P<said_apart>liet(?:en)?|laat|maakt(?:e|en)?|deel(?:t|de|den)|voeg(?:t|de|den)|kondig(?:t|de|den)))",
    )
});

/// Separable verbs, as they start, and the particle that ends their clause: `liet ... weten`
/// (let know), `maakte ... bekend` (announced), `deelde ... mee` (stated), `voegde ... toe`
/// (added), `kondigde ... aan` (announced).
const SEPARABLE: &[(&str, &str)] = &[
    ("liet", "weten"),
    ("laat", "weten"),
    ("maakt", "bekend"),
    ("deel", "mee"),
    ("voeg", "toe"),
    ("kondig", "aan"),
];

/// Words that may stand between a cue and the source after it: when and where it spoke (`zei
/// vrijdag in een verklaring de minister`).
#[rustfmt::skip]
const BETWEEN: &[&str] = &[
    "in", "een", "verklaring", "persconferentie", "op", "maandag", "dinsdag", "woensdag",
    "donderdag", "vrijdag", "zaterdag", "zondag", "gisteren", "vandaag", "ook", "nog", "eerder",
];

/// Capitalized words that start a sentence or clause without being a name.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "De", "Het", "Een", "In", "Op", "Volgens", "Maar", "En", "Dit", "Deze", "Dat", "Die", "Hij",
    "Zij", "Ze", "Wij", "We", "Ik", "Er", "Ook", "Eerder", "Later", "Nu", "Toen", "Zo", "Als",
    "Bij", "Met", "Van", "Voor", "Na", "Om", "Aan", "Tot", "Zoals", "Daarnaast", "Maandag",
    "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag",
];

/// Capitals that stand for their governments when they speak (`Moskou liet weten`).
#[rustfmt::skip]
const CAPITALS: &[&str] = &[
    "Moskou", "Washington", "Peking", "Beijing", "Kiev", "Kyiv", "Londen", "Parijs", "Berlijn",
    "Tokio", "Teheran", "Ankara", "Brussel", "Den Haag", "Oslo", "Madrid", "Rome",
];

/// Prepositions: a name after one is no speaker (`in Den Haag`, `met Lavrov`).
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "in", "op", "aan", "bij", "met", "van", "voor", "naar", "uit", "over", "onder", "tegen",
    "tussen", "door", "om", "tot", "zonder", "na", "sinds", "vanuit",
];

/// Words that open a clause of what was said without a comma before them (`liet weten dat`):
/// a separable verb's particle stands before them.
const CLAUSE_OPENERS: &[&str] = &["dat", "om"];

/// An agency right after a `said` cue, perhaps past a pronoun, after `tegen` or `aan` is whom
/// the speaker told (`zei hij tegen ANP`, `liet aan persbureau ANP weten`).
fn told(_: &str, kind: Cue, to: &str, _: &str) -> bool {
    let mut words = to.split_whitespace().rev();
    kind == Cue::Said
        && matches!(words.next(), Some("tegen" | "aan"))
        && words.all(|w| matches!(w, "hij" | "zij" | "ze" | "vrijdag" | "donderdag"))
}

/// Common words of the language (lower case), by which a text is told to be written in it
/// (`attribution::Readers`); not `in`, `is` nor `over`, which are as common in English.
#[rustfmt::skip]
pub(super) const COMMON: &[&str] = &[
    "de", "het", "een", "van", "en", "dat", "op", "te", "met", "voor", "niet", "zijn", "ook",
    "door", "bij", "naar", "om", "maar", "aan", "werd", "wordt", "heeft", "hebben", "zei",
    "volgens", "nog", "uit", "deze",
];

static DUTCH: Language = Language {
    source: &SOURCE,
    cue: &CUE,
    between: BETWEEN,
    not_names: NOT_NAMES,
    capitals: CAPITALS,
    prepositions: PREPOSITIONS,
    places: &[],
    told,
    names_near: listed::NEAR,
    subjects: &["hij", "zij", "ze", "we", "wij", "ik"],
    unnamed_titles: &["woordvoer"],
    separable: SEPARABLE,
    clause_openers: CLAUSE_OPENERS,
    impersonal: &[],
    and: &["en"],
};

/// The Dutch credits of a sentence, added to `out`.
pub(super) fn find(sentence: &str, out: &mut Vec<Attribution>) {
    listed::find(&DUTCH, sentence, out);
}

#[cfg(test)]
mod tests {
    use super::super::tests::credits;
    use super::super::{Cue, SourceKind, same_source};

    #[test]
    fn agencies_bodies_and_officials_on_either_side_of_their_cue() {
        use SourceKind::*;
        assert_eq!(
            credits("De gesprekken met Noorwegen worden in april hervat, meldt persbureau ANP."),
            [("persbureau ANP".into(), Agency, Cue::Reported)]
        );
        assert_eq!(
            credits(
                "De gesprekken worden volgens het Russische persbureau Interfax in april hervat."
            ),
            [(
                "het Russische persbureau Interfax".into(),
                Agency,
                Cue::AccordingTo
            )]
        );
        assert_eq!(
            credits(
                "\"We zijn er klaar voor\", zei de Russische minister van Buitenlandse Zaken Sergej Lavrov."
            ),
            [(
                "de Russische minister van Buitenlandse Zaken Sergej Lavrov".into(),
                Person,
                Cue::Said
            )]
        );
        assert_eq!(
            credits("Het Kremlin zei dat de gesprekken in april worden hervat."),
            [("Het Kremlin".into(), Institution, Cue::Said)]
        );
        assert_eq!(
            credits("De veerboot vaart weer, aldus een woordvoerder van de politie."),
            [(
                "een woordvoerder van de politie".into(),
                Anonymous,
                Cue::AccordingTo
            )]
        );
        assert_eq!(
            credits("Het persbureau meldde dit onder verwijzing naar diplomatieke bronnen."),
            [("diplomatieke bronnen".into(), Anonymous, Cue::Citing)]
        );
    }

    #[test]
    fn a_separable_verb_credits_with_its_particle_before_its_clause_ends() {
        use SourceKind::*;
        assert_eq!(
            credits("Het ministerie liet vrijdag weten dat de gesprekken in april worden hervat."),
            [("Het ministerie".into(), Institution, Cue::Said)]
        );
        assert_eq!(
            credits("De gesprekken worden in april hervat, maakte de politie bekend."),
            [("de politie".into(), Institution, Cue::Said)]
        );
        assert_eq!(
            credits("Zoals de politie bekendmaakte, raakte bij het ongeluk niemand gewond."),
            [("de politie".into(), Institution, Cue::Said)]
        );
        // `om` before a time is a preposition, not a clause opener.
        assert_eq!(
            credits("Het ministerie maakte om 10 uur bekend dat de gesprekken worden hervat."),
            [("Het ministerie".into(), Institution, Cue::Said)]
        );
        // Left, made, shared: no particle, no credit.
        assert!(credits("Het ministerie liet de deur open voor nieuwe gesprekken.").is_empty());
        assert!(credits("De regering maakte een fout met de begroting.").is_empty());
    }

    #[test]
    fn whom_a_speaker_told_is_no_source() {
        use SourceKind::*;
        assert_eq!(
            credits("De gesprekken worden hervat, zei de woordvoerder van het Kremlin tegen ANP."),
            [(
                "de woordvoerder van het Kremlin".into(),
                Anonymous,
                Cue::Said
            )]
        );
        assert_eq!(
            credits(
                "De gesprekken met Noorwegen worden hervat, zei vrijdag tegen ANP een woordvoerder."
            ),
            [("een woordvoerder".into(), Anonymous, Cue::Said)]
        );
        assert_eq!(
            credits("De gesprekken worden hervat, zei hij tegen persbureau ANP."),
            []
        );
    }

    #[test]
    fn dutch_names_of_agencies_and_bodies_are_one_source() {
        assert!(same_source("persbureau ANP", "ANP"));
        assert!(same_source("het Russische persbureau Interfax", "Interfax"));
        assert!(same_source("het Kremlin", "the Kremlin"));
        assert!(!same_source("persbureau ANP", "Belga"));
    }
}
