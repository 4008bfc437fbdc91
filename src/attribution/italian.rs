//! Italian credits, as ANSA and the papers that run its copy write them: `secondo l'Ansa`
//! (according to ANSA), `riferisce l'agenzia Interfax` (the Interfax agency reports), `ha detto
//! il ministro degli Esteri russo Sergej Lavrov` (the Russian foreign minister said), `citando
//! fonti diplomatiche` (citing diplomatic sources), `ha detto all'Ansa il portavoce` (the
//! spokesman told ANSA: ANSA is whom he told). The reading is `listed.rs`'s; this module holds
//! the lists.

use std::sync::LazyLock;

use regex::Regex;

use super::listed::{self, Language};
use super::{Attribution, Cue};
use crate::normalize;

/// Nationalities that follow a body or a title (`il ministero russo`, `il presidente francese`).
const NATIONAL: &str = r"(?:russ[oaie]|american[oaie]|statunitense|frances[ei]|cines[ei]|ucrain[oaie]|norveges[ei]|britannic[oaie]|tedesc[oaie]|iranian[oaie]|turc[oaie]|israelian[oaie]|giappones[ei]|italian[oaie]|europe[oaie])";

/// Whose a body or a title is: `degli Esteri`, `della Difesa`, `del Cremlino`, or a body in
/// lower case, perhaps with its nationality (`della diplomazia russa`: the foreign ministry).
const WHOSE: &str = r"(?:\s+(?:degli|dello|della|dell['’]|del|di|d['’])\s*(?:(?:diplomazia|ministero|difesa|polizia|governo|presidenza|giustizia|marina|esercito)(?:\s+NATIONAL)?|\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?))?";

/// Agencies (`l'Ansa`, `l'agenzia russa Ria Novosti`, `l'agenzia di stampa Xinhua`) and media
/// (`il quotidiano La Repubblica`, `la televisione di Stato`, `i media russi`).
const AGENCIES: &str = r"(?:[Ll]['’][Aa]genzia\s+(?:di\s+stampa\s+)?(?:\p{Ll}+\s+){0,2})?(?:[Ll]['’])?(?:ANSA|Ansa|AGI|Agi|Adnkronos|LaPresse|AFP|Afp|Reuters|Associated\s+Press|AP|Ap|Xinhua|Nuova\s+Cina|TASS|Tass|RIA\s+Novosti|Ria\s+Novosti|Interfax|Bloomberg|dpa|Dpa|EFE|Efe|BBC|CNN|Al\s+Jazeera)|(?:[Ii]l\s+|[Ll]a\s+)?(?:quotidiano|giornale|settimanale|emittente|rete|radio|tv)(?:\s+\p{Ll}+)?\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2}|(?:[Ll]a\s+)?Repubblica|(?:[Ii]l\s+)?Corriere\s+della\s+Sera|(?:[Ll]a\s+)?Stampa|(?:[Ii]l\s+)?Sole\s+24\s+Ore|[Ll]a\s+televisione\s+(?:di\s+Stato|pubblica|NATIONAL)|[Ii]\s+media(?:\s+NATIONAL)?";

/// Bodies: `il ministero degli Esteri russo`, `il Cremlino`, `la polizia`.
const INSTITUTIONS: &str = r"(?:[Ii]l\s+|[Ll]a\s+|[Ll]['’])?(?:[Mm]inistero|[Gg]overno|[Pp]olizia|[Cc]arabinieri|[Pp]rocura|[Ee]sercito|[Aa]mbasciata|[Pp]refettura|[Qq]uestura|Cremlino|Casa\s+Bianca|Farnesina|Palazzo\s+Chigi|Quirinale|Viminale|Pentagono|Onu|ONU|Nato|NATO)(?:\s+NATIONAL)?WHOSE(?:\s+NATIONAL)?";

/// Titles, perhaps with whose, a nationality and a name: `il ministro degli Esteri russo Sergej
/// Lavrov`, `il portavoce del Cremlino, Dmitri Peskov`.
const TITLED: &str = r"(?:[Ii]l\s+|[Ll]a\s+|[Ll]['’])?(?:[Mm]inistr[oa]|[Pp]residente|[Pp]remier|[Pp]ortavoce|[Ss]indac[oa]|[Pp]refetto|[Pp]rocuratore|[Cc]apo|[Dd]irettore|[Dd]irettrice|[Aa]mbasciatore|[Aa]mbasciatrice|[Ss]egretari[oa]\s+generale|[Cc]ancelliere|[Gg]enerale|[Vv]iceministr[oa])(?:\s+NATIONAL)?WHOSE(?:\s+NATIONAL)?(?:,?\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})?";

/// Unnamed sources: `fonti diplomatiche`, `un portavoce`, `alcuni testimoni`.
const ANONYMOUS: &str = r"(?:(?:[Uu]n[oa]?|[Ll]e|[Ii]|[Aa]lcun[ei]|[Dd]iverse|[Dd]iversi)\s+)?(?:fonti?|responsabili|diplomatici|testimoni|analisti|esperti|funzionari)(?:\s+(?:diplomatiche|ufficiali|governative|militari|vicine|informate|NATIONAL))?";

static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    listed::filled_source_pattern(
        [AGENCIES, INSTITUTIONS, TITLED, ANONYMOUS],
        &[("WHOSE", WHOSE), ("NATIONAL", NATIONAL)],
    )
});

/// `ha detto`, `riferisce` and the like, in the past with `ha` (`hanno` in the plural, `aveva`
/// before) or in the present; `annunciare` is `said`, as `announced` is in English.
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    let past = r"(?:ha|hanno|aveva|avevano)\s+";
    normalize::text_pattern(&format!(
        r"(?i)(?:(?P<according>secondo|stando\s+a)|(?P<citing>citando|citat[oaie]\s+da)|(?P<reported>{past}(?:riferito|riportato|scritto)|riferisc(?:e|ono)|riport(?:a|ano)|scriv(?:e|ono))|(?P<said>{past}(?:detto|dichiarato|affermato|spiegato|aggiunto|sottolineato|precisato|assicurato|confermato|annunciato|avvertito|ribadito)|(?:dice|dicono|afferma(?:no)?|dichiara(?:no)?|spiega(?:no)?|aggiunge|aggiungono|sottolinea(?:no)?|precisa(?:no)?|conferma(?:no)?|annuncia(?:no)?)))"
    ))
});

/// Words that may stand between a cue and the source after it: where it spoke (`ha detto in
/// una nota il ministero`, `in conferenza stampa`).
#[rustfmt::skip]
const BETWEEN: &[&str] = &[
    "in", "una", "un", "nota", "conferenza", "stampa", "comunicato", "sul", "suo", "sua",
    "profilo", "oggi", "ieri", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato",
    "domenica", "anche",
];

/// Capitalized words that start a sentence or clause without being a name.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "Il", "Lo", "La", "I", "Gli", "Le", "L", "Un", "Una", "Uno", "In", "Secondo", "Ma", "E",
    "Questo", "Questa", "Lui", "Lei", "Per", "Con", "Del", "Della", "Dei", "Al", "Alla", "Su",
    "Anche", "Così", "Poi", "Inoltre", "Lunedì", "Martedì", "Mercoledì", "Giovedì", "Venerdì",
    "Sabato", "Domenica", "Gennaio", "Febbraio", "Marzo", "Aprile", "Maggio", "Giugno", "Luglio",
    "Agosto", "Settembre", "Ottobre", "Novembre", "Dicembre",
];

/// Capitals that stand for their governments when they speak (`Mosca ha annunciato`).
#[rustfmt::skip]
const CAPITALS: &[&str] = &[
    "Mosca", "Washington", "Pechino", "Kiev", "Londra", "Parigi", "Berlino", "Tokyo", "Teheran",
    "Ankara", "Bruxelles", "Oslo", "Varsavia", "Madrid", "Roma",
];

/// Prepositions: a name after one is no speaker (`a Roma`, `di`, `per`).
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "a", "ad", "al", "allo", "alla", "ai", "agli", "alle", "all", "di", "del", "della", "dei",
    "degli", "delle", "dell", "da", "dal", "dalla", "in", "nel", "nella", "con", "su", "sul",
    "per", "tra", "fra", "verso", "contro", "senza",
];

/// An agency after `a`, `al`, `alla` or `all'` right after the cue is whom the speaker told
/// (`ha detto all'Ansa`).
fn told(_: &str, _: Cue, to: &str, _: &str) -> bool {
    matches!(to, "a" | "al" | "alla" | "all'" | "all’" | "ai")
}

/// Common words of the language (lower case), by which a text is told to be written in it
/// (`attribution::Readers`); not `a` nor `in`, which are as common in English.
#[rustfmt::skip]
pub(super) const COMMON: &[&str] = &[
    "il", "lo", "la", "le", "gli", "un", "una", "e", "è", "che", "di", "del", "della", "dei",
    "delle", "ad", "al", "alla", "ai", "da", "dal", "nel", "nella", "sul", "per",
    "tra", "non", "si", "ma", "sono", "anche", "secondo", "ha", "hanno", "stato", "era", "più",
    "dopo",
];

static ITALIAN: Language = Language {
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
    unnamed_titles: &["portavoce"],
    separable: &[],
    clause_openers: &[],
    impersonal: &[],
    and: &["e", "ed"],
};

/// The Italian credits of a sentence, added to `out`.
pub(super) fn find(sentence: &str, out: &mut Vec<Attribution>) {
    listed::find(&ITALIAN, sentence, out);
}

#[cfg(test)]
mod tests {
    use super::super::tests::credits;
    use super::super::{Cue, SourceKind, same_source};

    #[test]
    fn agencies_bodies_and_officials_on_either_side_of_their_cue() {
        use SourceKind::*;
        assert_eq!(
            credits("Il negoziato riprenderà ad aprile, secondo l'Ansa."),
            [("l'Ansa".into(), Agency, Cue::AccordingTo)]
        );
        assert_eq!(
            credits("Il negoziato è previsto ad aprile, riferisce l'agenzia russa Interfax."),
            [("l'agenzia russa Interfax".into(), Agency, Cue::Reported)]
        );
        assert_eq!(
            credits("«Siamo pronti», ha detto il ministro degli Esteri russo Sergej Lavrov."),
            [(
                "il ministro degli Esteri russo Sergej Lavrov".into(),
                Person,
                Cue::Said
            )]
        );
        assert_eq!(
            credits("Il Cremlino ha annunciato che i negoziati riprenderanno."),
            [("Il Cremlino".into(), Institution, Cue::Said)]
        );
        assert_eq!(
            credits("Lo ha riferito l'agenzia Tass citando fonti diplomatiche della capitale."),
            [
                ("l'agenzia Tass".into(), Agency, Cue::Reported),
                ("fonti diplomatiche".into(), Anonymous, Cue::Citing)
            ]
        );
        assert_eq!(
            credits("Mosca ha annunciato che i negoziati riprenderanno."),
            [("Mosca".into(), Institution, Cue::Said)]
        );
    }

    #[test]
    fn a_title_whose_body_is_in_lower_case_keeps_its_name() {
        assert_eq!(
            credits("«Siamo pronti», ha detto il capo della diplomazia russa Sergej Lavrov.")[0].0,
            "il capo della diplomazia russa Sergej Lavrov"
        );
        assert_eq!(
            credits("«È falso», ha detto il portavoce del ministero, Ivan Petrov.")[0].0,
            "il portavoce del ministero, Ivan Petrov"
        );
    }

    #[test]
    fn whom_a_speaker_told_is_no_source() {
        use SourceKind::*;
        assert_eq!(
            credits(
                "I negoziati riprenderanno, ha detto all'Ansa il portavoce del Cremlino, Dmitri Peskov."
            ),
            [(
                "il portavoce del Cremlino, Dmitri Peskov".into(),
                Person,
                Cue::Said
            )]
        );
        assert_eq!(
            credits("I negoziati riprenderanno, ha detto il portavoce."),
            [("il portavoce".into(), Anonymous, Cue::Said)]
        );
    }

    #[test]
    fn no_cue_or_no_source_credits_nobody() {
        assert!(credits("L'Ansa e la Reuters sono agenzie di stampa.").is_empty());
        assert!(credits("I negoziati si sono svolti a Roma, ha detto ieri una nota.").is_empty());
        // English text is not read as Italian, though `dice` is an Italian cue.
        assert!(credits("The minister rolled the dice, and Lavrov dice nothing of it.").is_empty());
    }

    #[test]
    fn an_agency_with_or_without_its_article_is_one_source() {
        assert!(same_source("l'Ansa", "ANSA"));
        assert!(same_source("l'agenzia Interfax", "Interfax"));
        assert!(same_source("il Cremlino", "the Kremlin"));
        assert!(!same_source("l'Ansa", "Reuters"));
    }
}
