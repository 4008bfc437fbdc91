//! German credits, as dpa and the papers that run its copy write them: `sagte Kremlsprecher
//! Dmitri Peskow` (Kremlin spokesman Dmitry Peskov said), `berichtete die Nachrichtenagentur
//! Interfax` (the Interfax news agency reported), `wie die Agentur Tass meldete`, `laut dpa`
//! (according to dpa), `nach Angaben der Polizei` (according to the police), `unter Berufung
//! auf diplomatische Kreise` (citing diplomatic circles), `sagte er der Deutschen
//! Presse-Agentur` (he told dpa: dpa is whom he told, in the dative), `teilte das Ministerium
//! am Freitag mit` (the ministry announced on Friday: a separable verb, whose particle ends its
//! clause). The reading is `listed.rs`'s; this module holds the lists.
//!
//! Every German noun is capitalized, so a capital does not make a name: a run of capitalized
//! words credits only right beside its cue (`Lawrow sagte`, `sagte Sergej Lawrow`), where a
//! German subject stands; titles, bodies and agencies are read from their lists as in the
//! other languages.

use std::sync::LazyLock;

use regex::Regex;

use super::listed::{self, Language};
use super::{Attribution, Cue};
use crate::normalize;

/// Adjectives before an agency, a body or a title, in any ending (`die staatliche
/// Nachrichtenagentur`, `das russische Außenministerium`, `der französische Präsident`).
const ADJECTIVES: &str = r"(?:(?:staatlich|amtlich|offiziell|russisch|amerikanisch|US-amerikanisch|chinesisch|ukrainisch|norwegisch|französisch|britisch|deutsch|iranisch|türkisch|israelisch|japanisch|polnisch|europäisch|zuständig|stellvertretend)(?:e|en|er|es|em)\s+)*";

/// Whose a title is: `des Kremls`, `des Auswärtigen Amtes`, `der russischen Regierung`.
const WHOSE: &str =
    r"(?:\s+(?:des|der)\s+ADJ(?:Auswärtigen\s+Amte?s|Weißen\s+Hauses|\p{Lu}\p{L}*))";

/// A name after a title: one to three capitalized words (`Sergej Lawrow`).
const NAME: &str =
    r"(?:,?\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){0,2})?";

/// Agencies (`dpa`, `die Nachrichtenagentur Interfax`, `die Deutsche Presse-Agentur`) and media
/// (`der Sender CNN`, `die Zeitung „Kommersant“`, `das Staatsfernsehen`, `russische Medien`).
/// Only the nominative `die` is part of them: a `der` or `dem` before one is read by [`told`].
const AGENCIES: &str = r#"(?:[Dd]ie\s+)?ADJ(?:(?:Nachrichtenagentur|Agentur)\s+)?(?:dpa|DPA|Deutschen?\s+Presse-Agentur|AFP|Reuters|AP|Associated\s+Press|Xinhua|Tass|TASS|Ria\s+Nowosti|RIA\s+Nowosti|RIA\s+Novosti|Interfax|Bloomberg|Anadolu|Kyodo|Yonhap|EFE|ANSA|APA|KNA|epd|BBC|CNN)|(?:[Dd]ie\s+|[Dd]as\s+)?ADJ(?:Zeitung|Tageszeitung|Wochenzeitung|Sender|Fernsehsender|Nachrichtenportal|Magazin)\s+[„"»]?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2}[“"«]?|(?:[Dd]er\s+)?(?:Spiegel|Stern)|(?:[Dd]ie\s+)?(?:Bild|Welt|Süddeutsche\s+Zeitung|Frankfurter\s+Allgemeine(?:\s+Zeitung)?)|(?:[Dd]as\s+)?ADJ(?:Staatsfernsehen|Fernsehen)|ADJ(?:Staatsmedien|Medien)"#;

/// Bodies: `das Auswärtige Amt`, `das russische Außenministerium`, `der Kreml`, `die Polizei`,
/// in any case (`nach Angaben der Polizei`, `unter Berufung auf das Ministerium`); never the
/// start of a longer word (`Kremlsprecher` is a title).
const INSTITUTIONS: &str = r"(?:(?:(?:[Dd]ie|[Dd]er|[Dd]as|[Dd]en|[Dd]em|[Dd]es)\s+)?ADJ(?:Auswärtigen?\s+Amt(?:e?s)?|Weißen?\s+Haus(?:es)?|\p{Lu}\p{Ll}*ministerium(?:s)?|Ministerium(?:s)?|Kreml(?:s)?|Bundesregierung|Regierung|Polizei|Staatsanwaltschaft|Bundeswehr|Armee|Streitkräfte|Botschaft|Behörden|Kanzleramt(?:s)?|Präsidialamt(?:s)?|Pentagon(?:s)?|Nato|NATO|UN|EU-Kommission))(?-u:\b)";

/// Titles, perhaps after whose country and before whose body and a name: `Russlands
/// Außenminister Sergej Lawrow`, `Kremlsprecher Dmitri Peskow`, `der Sprecher des Kremls`.
const TITLED: &str = r"(?:(?:[Dd]er|[Dd]ie|[Dd]en|[Dd]em)\s+|\p{Lu}\p{Ll}+s\s+)?ADJ(?:\p{Lu}\p{Ll}*(?:minister|ministerin|sprecher|sprecherin)|Minister|Ministerin|Sprecher|Sprecherin|Präsident|Präsidentin|Bundeskanzler|Bundeskanzlerin|Kanzler|Kanzlerin|Ministerpräsident|Ministerpräsidentin|Botschafter|Botschafterin|Bürgermeister|Bürgermeisterin|Generalsekretär|Staatssekretär|Chef|Chefin|Vize-Außenminister)WHOSE?NAME";

/// Unnamed sources: `ein Sprecher des Ministeriums`, `diplomatische Kreise`, `Augenzeugen`.
const ANONYMOUS: &str = r"(?:[Ee]in|[Ee]ine)\s+ADJ\p{Lu}?\p{Ll}*(?:[Ss]precher|[Ss]precherin)WHOSE?|ADJ(?:diplomatische|informierte|gut\s+unterrichtete)n?\s+Kreise(?:n)?|(?:[Ee]in|[Ee]ine|[Ee]inem|[Ee]iner)\s+ADJ(?:Quelle|Diplomaten?|Insider|Beamten?|Vertreter)|(?:Augenzeugen|Diplomaten|Beamte|Insider|Quellen)";

static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    listed::filled_source_pattern(
        [AGENCIES, INSTITUTIONS, TITLED, ANONYMOUS],
        &[("WHOSE", WHOSE), ("ADJ", ADJECTIVES), ("NAME", NAME)],
    )
});

/// `sagte`, `berichtete` and the like, in the past (singular and plural) or the present; `laut`,
/// `nach Angaben`, `unter Berufung auf`; `zufolge` after its source (`der Polizei zufolge`);
/// separable verbs with their particle at the clause's end (`teilte ... mit`, `gab ...
/// bekannt`: see [`SEPARABLE`]) or joined to it in a subordinate clause (`wie die Polizei
/// mitteilte`).
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    normalize::text_pattern(
        r"(?i)(?:(?P<according>laut|nach\s+Angaben(?:\s+von)?)|(?P<according_after>zufolge)|(?P<citing>unter\s+Berufung\s+auf|zitiert\s+von)|(?P<reported>berichtete(?:n)?|berichtet|meldete(?:n)?|meldet|schrieb(?:en)?|zitierte(?:n)?)|(?P<said>sagte(?:n)?|sagt|erklärte(?:n)?|erklärt|betonte(?:n)?|bestätigte(?:n)?|versicherte(?:n)?|warnte(?:n)?|ergänzte(?:n)?|verkündete(?:n)?|mitteilt(?:en?)?|bekanntgab(?:en)?|bekanntgibt|ankündigt(?:en?)?|hinzufügt(?:en?)?)|(?P<said_apart>teilt(?:en?)?|gab(?:en)?|gibt|kündigt(?:en?)?|fügt(?:en?)?))",
    )
});

/// Separable verbs, as they start, and the particle that ends their clause: `teilte ... mit`,
/// `gab ... bekannt` (announced), `kündigte ... an` (announced), `fügte ... hinzu` (added).
const SEPARABLE: &[(&str, &str)] = &[
    ("teilt", "mit"),
    ("gab", "bekannt"),
    ("gibt", "bekannt"),
    ("kündigt", "an"),
    ("fügt", "hinzu"),
];

/// Words that may stand between a cue and the source after it: when and where it spoke (`sagte
/// am Freitag in Moskau`, `laut einer Mitteilung`), the nominative `der` and `das` of sources
/// whose lists leave them out (`berichtete der Sender CNN`).
#[rustfmt::skip]
const BETWEEN: &[&str] = &[
    "der", "das", "am", "im", "in", "auf", "einer", "einem", "mitteilung", "erklärung", "pressekonferenz",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "abend",
    "morgen", "dazu", "zudem", "außerdem", "weiter", "demnach", "bereits", "zuvor",
];

/// Capitalized words that start a sentence or clause without being a name: articles,
/// pronouns, the first words of clauses, days and months.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "Der", "Die", "Das", "Dem", "Den", "Des", "Ein", "Eine", "Einem", "Einen", "Einer", "Er",
    "Sie", "Es", "Wir", "Ich", "Man", "Und", "Aber", "Doch", "Auch", "Dies", "Diese", "Dieser",
    "Dazu", "Damit", "Zudem", "Außerdem", "Zuvor", "Bereits", "Nun", "Jetzt", "Dann", "So", "Wie",
    "Als", "Wenn", "Nach", "Laut", "Am", "Im", "In", "Bei", "Auf", "Mit", "Von", "Vor", "Für",
    "Zum", "Zur", "Seit", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
    "Sonntag", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
    "September", "Oktober", "November", "Dezember", "Abend", "Morgen",
];

/// Capitals that stand for their governments when they speak (`Moskau erklärte`).
#[rustfmt::skip]
const CAPITALS: &[&str] = &[
    "Moskau", "Washington", "Peking", "Kiew", "London", "Paris", "Berlin", "Tokio", "Teheran",
    "Ankara", "Brüssel", "Oslo", "Warschau", "Madrid", "Rom", "Wien",
];

/// Prepositions: a name after one is no speaker (`in Berlin`, `mit Lawrow`).
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "in", "im", "an", "am", "auf", "aus", "bei", "mit", "nach", "von", "vom", "zu", "zum", "zur",
    "für", "gegen", "über", "unter", "vor", "seit", "durch", "ohne", "um", "gegenüber",
];

/// An agency right after a `said` cue, perhaps past a pronoun or `gegenüber`, in the dative
/// (`dem`, or `der` before a feminine one: `der Nachrichtenagentur`, `der dpa`), is whom the
/// speaker told: `sagte er der Deutschen Presse-Agentur`.
fn told(_: &str, kind: Cue, to: &str, agency: &str) -> bool {
    let mut words = to.split_whitespace().rev();
    let article = words.next();
    let rest_is_speaker = words.all(|w| matches!(w, "er" | "sie" | "gegenüber"));
    let feminine = [
        "Nachrichtenagentur",
        "Agentur",
        "Deutschen Presse",
        "dpa",
        "Zeitung",
    ]
    .iter()
    .any(|f| agency.contains(f));
    kind == Cue::Said
        && rest_is_speaker
        && match article {
            Some("dem") => true,
            Some("der") => feminine,
            _ => false,
        }
}

/// Common words of the language (lower case), by which a text is told to be written in it
/// (`attribution::Readers`).
#[rustfmt::skip]
pub(super) const COMMON: &[&str] = &[
    "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "sich", "auf", "für",
    "ein", "eine", "zu", "im", "wurde", "auch", "sei", "sagte", "nach", "bei", "werden", "einer",
    "sind", "wir", "er", "sie", "dass", "wird", "werde", "hat", "habe", "war", "seien",
];

static GERMAN: Language = Language {
    source: &SOURCE,
    cue: &CUE,
    between: BETWEEN,
    not_names: NOT_NAMES,
    capitals: CAPITALS,
    prepositions: PREPOSITIONS,
    places: &["im"],
    told,
    unnamed_titles: &["sprecher"],
    names_near: 0,
    subjects: &["er", "sie", "es", "man", "wir", "ich"],
    separable: SEPARABLE,
    clause_openers: &[],
    impersonal: &[],
    and: &["und"],
};

/// The German credits of a sentence, added to `out`.
pub(super) fn find(sentence: &str, out: &mut Vec<Attribution>) {
    listed::find(&GERMAN, sentence, out);
}

#[cfg(test)]
mod tests {
    use super::super::tests::credits;
    use super::super::{Cue, SourceKind, same_source};

    #[test]
    fn agencies_bodies_and_officials_on_either_side_of_their_cue() {
        use SourceKind::*;
        assert_eq!(
            credits(
                "Die Gespräche sollen im April beginnen, berichtete die Nachrichtenagentur Interfax."
            ),
            [(
                "die Nachrichtenagentur Interfax".into(),
                Agency,
                Cue::Reported
            )]
        );
        assert_eq!(
            credits("Wie die staatliche Agentur Tass meldete, wird die Fähre im Mai fahren."),
            [("die staatliche Agentur Tass".into(), Agency, Cue::Reported)]
        );
        assert_eq!(
            credits("Die Fähre soll laut dpa im Mai wieder fahren."),
            [("dpa".into(), Agency, Cue::AccordingTo)]
        );
        assert_eq!(
            credits("Nach Angaben der Polizei wurde niemand verletzt."),
            [("der Polizei".into(), Institution, Cue::AccordingTo)]
        );
        assert_eq!(
            credits("„Wir sind bereit“, sagte Russlands Außenminister Sergej Lawrow am Freitag."),
            [(
                "Russlands Außenminister Sergej Lawrow".into(),
                Person,
                Cue::Said
            )]
        );
        assert_eq!(
            credits("Das russische Außenministerium erklärte, die Gespräche würden fortgesetzt."),
            [(
                "Das russische Außenministerium".into(),
                Institution,
                Cue::Said
            )]
        );
        assert_eq!(
            credits(
                "Die Agentur berief sich dabei unter Berufung auf diplomatische Kreise auf das Ministerium."
            ),
            [("diplomatische Kreise".into(), Anonymous, Cue::Citing)]
        );
        assert_eq!(
            credits("Lawrow sagte, die Gespräche seien konstruktiv gewesen."),
            [("Lawrow".into(), Person, Cue::Said)]
        );
        assert_eq!(
            credits("Am Freitag sagte ein Sprecher des Ministeriums, die Fähre werde fahren."),
            [("ein Sprecher des Ministeriums".into(), Anonymous, Cue::Said)]
        );
    }

    /// `zufolge` stands after what it credits, right after it.
    #[test]
    fn zufolge_credits_the_source_before_it() {
        use SourceKind::*;
        assert_eq!(
            credits("Der Polizei zufolge wurde niemand verletzt."),
            [("Der Polizei".into(), Institution, Cue::AccordingTo)]
        );
        assert_eq!(
            credits("Die Fähre soll der Agentur Interfax zufolge im Mai fahren."),
            [("Agentur Interfax".into(), Agency, Cue::AccordingTo)]
        );
        assert_eq!(
            credits("Kremlsprecher Dmitri Peskow zufolge sind die Gespräche beendet."),
            [(
                "Kremlsprecher Dmitri Peskow".into(),
                Person,
                Cue::AccordingTo
            )]
        );
        // Not what follows it, nor a source further off.
        assert!(credits("Dem Bericht zufolge will die Polizei ermitteln.").is_empty());
        assert!(credits("Die Polizei hat dem Bericht zufolge ermittelt.").is_empty());
    }

    #[test]
    fn a_separable_verb_credits_with_its_particle_at_the_clause_end() {
        use SourceKind::*;
        assert_eq!(
            credits("Das Auswärtige Amt teilte am Freitag mit, die Gespräche würden fortgesetzt."),
            [("Das Auswärtige Amt".into(), Institution, Cue::Said)]
        );
        assert_eq!(
            credits("Die Gespräche sollen im April beginnen, teilte das Ministerium mit."),
            [("das Ministerium".into(), Institution, Cue::Said)]
        );
        assert_eq!(
            credits("Die Gespräche sollen im April beginnen, gab die Polizei am Abend bekannt."),
            [("die Polizei".into(), Institution, Cue::Said)]
        );
        assert_eq!(
            credits("Wie die Polizei mitteilte, wurde niemand verletzt."),
            [("die Polizei".into(), Institution, Cue::Said)]
        );
        assert_eq!(
            credits("Die Fähre fährt wieder, fügte ein Sprecher des Ministeriums hinzu."),
            [("ein Sprecher des Ministeriums".into(), Anonymous, Cue::Said)]
        );
        // A date's full stop and a number's comma are inside the clause.
        assert_eq!(
            credits("Das Ministerium teilte am 5. Dezember mit, die Gespräche würden fortgesetzt."),
            [("Das Ministerium".into(), Institution, Cue::Said)]
        );
        assert_eq!(
            credits("Die Polizei gab für das Jahr einen Anstieg der Fälle um 3,5 Prozent bekannt."),
            [("Die Polizei".into(), Institution, Cue::Said)]
        );
        // Shared the costs with its partners, gave the police a list: no particle, no credit.
        assert!(credits("Die Regierung teilte mit den Partnern die Kosten.").is_empty());
        assert!(credits("Das Ministerium gab der Polizei eine Liste.").is_empty());
        // The particle ends another clause than the verb's.
        assert!(credits("Die Regierung teilte die Kosten, der Rest kam mit.").is_empty());
    }

    #[test]
    fn whom_a_speaker_told_is_no_source() {
        use SourceKind::*;
        assert_eq!(
            credits(
                "Die Fähre werde im Mai fahren, sagte der Deutschen Presse-Agentur ein Sprecher des Ministeriums."
            ),
            [("ein Sprecher des Ministeriums".into(), Anonymous, Cue::Said)]
        );
        assert_eq!(
            credits(
                "Die Fähre werde fahren, sagte der Nachrichtenagentur Interfax Kremlsprecher Dmitri Peskow."
            ),
            [("Kremlsprecher Dmitri Peskow".into(), Person, Cue::Said)]
        );
        // Before a masculine noun `der` is nominative: the broadcaster is who spoke.
        assert_eq!(
            credits("Die Fähre werde fahren, sagte der Sender CNN."),
            [("Sender CNN".into(), Agency, Cue::Said)]
        );
        assert_eq!(
            credits("Die Fähre werde fahren, berichtete der Sender CNN."),
            [("Sender CNN".into(), Agency, Cue::Reported)]
        );
    }

    #[test]
    fn a_place_after_a_preposition_and_what_follows_a_comma_are_no_sources() {
        use SourceKind::*;
        assert_eq!(
            credits(
                "Das berichtete die Nachrichtenagentur Ria Nowosti unter Berufung auf das Außenministerium in Moskau."
            ),
            [
                (
                    "die Nachrichtenagentur Ria Nowosti".into(),
                    Agency,
                    Cue::Reported
                ),
                ("das Außenministerium".into(), Institution, Cue::Citing)
            ]
        );
        assert_eq!(
            credits(
                "Ein Sprecher des Auswärtigen Amtes sagte der Deutschen Presse-Agentur, Berlin begrüße den Schritt."
            ),
            [(
                "Ein Sprecher des Auswärtigen Amtes".into(),
                Anonymous,
                Cue::Said
            )]
        );
    }

    #[test]
    fn capitalized_nouns_are_no_speakers() {
        // Every German noun is capitalized: `Westen Waffen`, `Gespräche` are no names.
        assert!(
            credits("Die Regierung habe dem Westen Waffen geliefert, sagte er am Freitag.")
                .is_empty()
        );
        assert!(credits("Im April sollen die Gespräche beginnen, sagte er.").is_empty());
        assert_eq!(
            credits("Dem Westen Waffen zu liefern sei falsch, sagte Lawrow."),
            [("Lawrow".into(), SourceKind::Person, Cue::Said)]
        );
        // A name after a preposition is no speaker: `in Berlin`.
        assert!(credits("Die Gespräche fanden in Berlin statt, sagte er.").is_empty());
        // English text is not read as German.
        assert!(
            credits("Lawrow sagte nothing of the kind in the talks on Friday, and that is all.")
                .is_empty()
        );
    }

    #[test]
    fn german_names_of_agencies_and_bodies_are_one_source() {
        assert!(same_source("die Deutsche Presse-Agentur", "dpa"));
        assert!(same_source("die Nachrichtenagentur Interfax", "Interfax"));
        assert!(same_source("Ria Nowosti", "RIA Novosti"));
        assert!(same_source("der Kreml", "the Kremlin"));
        assert!(!same_source("dpa", "Reuters"));
    }
}
