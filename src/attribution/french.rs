//! French credits, as AFP's French service and the papers that run its copy write them: `selon
//! l'AFP` (according to AFP), `a déclaré le ministre russe des Affaires étrangères Sergueï
//! Lavrov` (the Russian foreign minister said), `le Kremlin a annoncé` (the Kremlin announced),
//! `citant une source diplomatique` (citing a diplomatic source), `a indiqué à l'AFP le
//! porte-parole` (the spokesman told AFP: AFP is whom he told). The reading is `listed.rs`'s;
//! this module holds the lists.

use std::sync::LazyLock;

use regex::Regex;

use super::listed::{self, Language};
use super::{Attribution, Cue};
use crate::normalize;

/// Nationalities that follow a body or a title (`le ministère russe`, `le président américain`).
const NATIONAL: &str = r"(?:russe|américain|américaine|français|française|chinois|chinoise|ukrainien|ukrainienne|norvégien|norvégienne|britannique|allemand|allemande|iranien|iranienne|turc|turque|israélien|israélienne|japonais|japonaise|indien|indienne|européen|européenne|adjoint|adjointe|délégué|déléguée)";

/// Whose a body or a title is: `des Affaires étrangères`, `de la Défense`, `du Kremlin`, or a
/// body in lower case, perhaps with its nationality (`de la diplomatie russe`: the foreign
/// ministry).
const WHOSE: &str = r"(?:\s+(?:des|du|de\s+la|de\s+l['’]|de|d['’])\s*(?:Affaires\s+étrangères|(?:diplomatie|ministère|défense|armée|police|gendarmerie|gouvernement|présidence|justice|marine|douane)(?:\s+NATIONAL)?|\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?))?";

/// Agencies (`l'AFP`, `l'agence russe RIA Novosti`, `l'agence de presse officielle Chine
/// nouvelle`) and media (`le quotidien Le Monde`, `la télévision d'État`, `les médias russes`).
const AGENCIES: &str = r"(?:[Ll]['’][Aa]gence\s+(?:de\s+presse\s+)?(?:\p{Ll}+\s+){0,2})?(?:[Ll]['’])?(?:AFP|Agence\s+France-Presse|Reuters|Associated\s+Press|AP|Xinhua|Chine\s+nouvelle|TASS|Tass|RIA\s+Novosti|Interfax|Bloomberg|dpa|DPA|EFE|ANSA|Belga|Kyodo|Yonhap|BBC|CNN|Al\s+Jazeera)|(?:[Ll]e\s+|[Ll]a\s+)?(?:quotidien|journal|hebdomadaire|magazine|chaîne|radio)(?:\s+\p{Ll}+)?\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2}|Le\s+Monde|Le\s+Figaro|Libération|Les\s+Échos|Le\s+Parisien|Ouest-France|[Ll]a\s+télévision\s+(?:d['’]État|publique|NATIONAL)|[Ll]es\s+médias(?:\s+NATIONAL)?";

/// Bodies: `le ministère russe des Affaires étrangères`, `le Kremlin`, `la police`.
const INSTITUTIONS: &str = r"(?:[Ll]e\s+|[Ll]a\s+|[Ll]['’])?(?:[Mm]inistère|[Gg]ouvernement|[Pp]olice|[Gg]endarmerie|[Pp]réfecture|[Pp]arquet|[Aa]rmée|[Aa]mbassade|Kremlin|Élysée|Maison\s+Blanche|Quai\s+d['’]Orsay|Matignon|Pentagone|Commission\s+européenne|ONU|Otan|OTAN)(?:\s+NATIONAL)?WHOSE";

/// Titles, perhaps with a nationality, whose, and a name: `le ministre russe des Affaires
/// étrangères Sergueï Lavrov`, `le porte-parole du Kremlin, Dmitri Peskov`.
const TITLED: &str = r"(?:[Ll]e\s+|[Ll]a\s+|[Ll]['’])?(?:[Mm]inistre|[Pp]résidente?|[Pp]remier\s+ministre|[Pp]remière\s+ministre|[Pp]orte-parole|[Mm]aire|[Pp]réfet|[Pp]rocureur|[Cc]hef|[Dd]irecteur|[Dd]irectrice|[Aa]mbassadeur|[Aa]mbassadrice|[Ss]ecrétaire\s+général|[Cc]hancelier|[Cc]hancelière|[Gg]énéral|[Vv]ice-ministre)(?:\s+NATIONAL)?WHOSE(?:,?\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})?";

/// Unnamed sources: `une source diplomatique`, `des responsables`, `des témoins`.
const ANONYMOUS: &str = r"(?:[Uu]ne?|[Dd]es|[Ll]es|[Pp]lusieurs)\s+(?:sources?|responsables?|diplomates?|témoins?|analystes?|experts?|officiels?)(?:\s+(?:diplomatiques?|proches?|gouvernementales?|militaires?|sécuritaires?|NATIONAL))?";

static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    listed::filled_source_pattern(
        [AGENCIES, INSTITUTIONS, TITLED, ANONYMOUS],
        &[("WHOSE", WHOSE), ("NATIONAL", NATIONAL)],
    )
});

/// `a déclaré` and the like, in the past with `a` (`ont` in the plural, `avait` before), or in
/// the present; `annoncer` is `said`, as `announced` is in English.
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    let past = r"(?:a|ont|avait|avaient)\s+";
    normalize::text_pattern(&format!(
        r"(?i)(?:(?P<according>selon|d['’]après)|(?P<citing>citant|cit[ée]e?s?\s+par)|(?P<reported>{past}rapporté|rapporte(?:nt)?|{past}écrit|écri(?:t|vent))|(?P<said>{past}(?:déclaré|indiqué|affirmé|précisé|ajouté|expliqué|souligné|assuré|dit|confirmé|estimé|annoncé|fait\s+savoir|répondu|averti)|(?:déclare|indique|affirme|précise|ajoute|explique|souligne|assure|confirme|estime|annonce)(?:nt)?))"
    ))
});

/// Words that may stand between a cue and the source after it: where it spoke (`a indiqué
/// dans un communiqué le ministère`, `sur son compte`).
#[rustfmt::skip]
const BETWEEN: &[&str] = &[
    "dans", "un", "une", "communiqué", "sur", "son", "sa", "ses", "site", "compte", "lundi",
    "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "soir", "matin", "encore",
];

/// Capitalized words that start a sentence or clause without being a name.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "Le", "La", "Les", "L", "Il", "Elle", "Ils", "Elles", "Ce", "Cette", "Ces", "Selon", "Mais",
    "Et", "Dans", "En", "Pour", "Par", "Sur", "Au", "Aux", "Du", "Des", "Un", "Une", "On", "Nous",
    "Vous", "Je", "Cela", "Ceci", "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi",
    "Dimanche", "Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août",
    "Septembre", "Octobre", "Novembre", "Décembre", "Ainsi", "Alors", "Enfin", "Puis", "Toutefois",
    "D'après", "D’après",
];

/// Capitals that stand for their governments when they speak (`Moscou a annoncé`).
#[rustfmt::skip]
const CAPITALS: &[&str] = &[
    "Moscou", "Washington", "Pékin", "Kiev", "Kyiv", "Londres", "Paris", "Berlin", "Tokyo",
    "Téhéran", "Ankara", "Bruxelles", "Oslo", "Varsovie", "Madrid", "Rome",
];

/// Prepositions: a name after one is no speaker (`à`, `de`, `pour`).
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "à", "au", "aux", "de", "du", "des", "en", "dans", "par", "pour", "sur", "avec", "vers",
    "chez", "sans", "sous", "contre", "entre",
];

/// An agency after `à` or `au` right after the cue is whom the speaker told (`a déclaré à
/// l'AFP`).
fn told(_: &str, _: Cue, to: &str, _: &str) -> bool {
    matches!(to, "à" | "au")
}

/// Common words of the language (lower case), by which a text is told to be written in it
/// (`attribution::Readers`).
#[rustfmt::skip]
pub(super) const COMMON: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "un", "une", "est", "et", "que", "dans", "pour",
    "sur", "au", "aux", "qui", "pas", "avec", "selon", "ont", "il", "elle", "ne", "se",
    "était", "été", "sont", "plus",
];

static FRENCH: Language = Language {
    source: &SOURCE,
    cue: &CUE,
    between: BETWEEN,
    not_names: NOT_NAMES,
    capitals: CAPITALS,
    prepositions: PREPOSITIONS,
    places: &[],
    told,
    names_near: listed::NEAR,
    subjects: &[],
    unnamed_titles: &["porte-parole"],
    separable: &[],
    clause_openers: &[],
    impersonal: &[],
    and: &["et"],
};

/// The French credits of a sentence, added to `out`.
pub(super) fn find(sentence: &str, out: &mut Vec<Attribution>) {
    listed::find(&FRENCH, sentence, out);
}

#[cfg(test)]
mod tests {
    use super::super::tests::credits;
    use super::super::{Cue, SourceKind, same_source};

    #[test]
    fn agencies_bodies_and_officials_on_either_side_of_their_cue() {
        use SourceKind::*;
        assert_eq!(
            credits("Les pourparlers reprendront en avril, selon l'AFP."),
            [("l'AFP".into(), Agency, Cue::AccordingTo)]
        );
        assert_eq!(
            credits("Le Kremlin a annoncé la reprise des pourparlers."),
            [("Le Kremlin".into(), Institution, Cue::Said)]
        );
        assert_eq!(
            credits(
                "« Nous sommes prêts », a déclaré le ministre russe des Affaires étrangères Sergueï Lavrov."
            ),
            [(
                "le ministre russe des Affaires étrangères Sergueï Lavrov".into(),
                Person,
                Cue::Said
            )]
        );
        assert_eq!(
            credits(
                "Le ministère russe des Affaires étrangères a indiqué que les pourparlers reprendraient."
            ),
            [(
                "Le ministère russe des Affaires étrangères".into(),
                Institution,
                Cue::Said
            )]
        );
        assert_eq!(
            credits(
                "L'agence russe RIA Novosti, citant une source diplomatique, a rapporté la nouvelle."
            ),
            [
                ("L'agence russe RIA Novosti".into(), Agency, Cue::Reported),
                ("une source diplomatique".into(), Anonymous, Cue::Citing)
            ]
        );
        assert_eq!(
            credits("Lavrov a affirmé que Moscou était prête."),
            [("Lavrov".into(), Person, Cue::Said)]
        );
        assert_eq!(
            credits("Moscou a annoncé la reprise des pourparlers."),
            [("Moscou".into(), Institution, Cue::Said)]
        );
    }

    #[test]
    fn a_title_whose_body_is_in_lower_case_keeps_its_name() {
        assert_eq!(
            credits(
                "« Nous sommes prêts », a déclaré la porte-parole de la diplomatie russe Maria Zakharova."
            ),
            [(
                "la porte-parole de la diplomatie russe Maria Zakharova".into(),
                super::super::SourceKind::Person,
                Cue::Said
            )]
        );
        assert_eq!(
            credits(
                "Le chef de la diplomatie russe Sergueï Lavrov a affirmé que Moscou était prête."
            )[0]
            .0,
            "Le chef de la diplomatie russe Sergueï Lavrov"
        );
        assert_eq!(
            credits("« C'est faux », a dit le porte-parole du ministère, Ivan Petrov.")[0].0,
            "le porte-parole du ministère, Ivan Petrov"
        );
    }

    #[test]
    fn whom_a_speaker_told_is_no_source() {
        use SourceKind::*;
        assert_eq!(
            credits(
                "Les pourparlers reprendront, a indiqué à l'AFP le porte-parole du Kremlin, Dmitri Peskov."
            ),
            [(
                "le porte-parole du Kremlin, Dmitri Peskov".into(),
                Person,
                Cue::Said
            )]
        );
        // A spokesman without a name is unnamed.
        assert_eq!(
            credits("Les pourparlers reprendront, a indiqué le porte-parole."),
            [("le porte-parole".into(), Anonymous, Cue::Said)]
        );
    }

    #[test]
    fn no_cue_or_no_source_credits_nobody() {
        assert!(credits("L'AFP et Reuters sont des agences de presse.").is_empty());
        assert!(credits("Il a déclaré que les pourparlers reprendraient.").is_empty());
        // A name after a preposition is no speaker: `à Paris`.
        assert!(
            credits("Les pourparlers ont eu lieu à Paris, a indiqué hier un communiqué.")
                .is_empty()
        );
        // English text is not read as French, though `assure` is a French cue.
        assert!(credits("Officials assure the talks will resume.").is_empty());
    }

    #[test]
    fn an_agency_with_or_without_its_article_is_one_source() {
        assert!(same_source("l'AFP", "AFP"));
        assert!(same_source("l’AFP", "l'Agence France-Presse"));
        assert!(same_source("Le Kremlin", "the Kremlin"));
        assert!(!same_source("l'AFP", "Reuters"));
    }
}
