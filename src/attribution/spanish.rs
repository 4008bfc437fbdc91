//! Spanish credits, as EFE and the papers that run its copy write them: `según EFE` (according
//! to EFE), `informó la agencia Europa Press` (the agency Europa Press reported), `dijo el
//! ministro de Exteriores ruso, Serguéi Lavrov` (the Russian foreign minister said), `citando a
//! fuentes diplomáticas` (citing diplomatic sources), `dijo a EFE el portavoz` (the spokesman told
//! EFE: EFE is whom he told). The reading is `listed.rs`'s; this module holds the lists.

use std::sync::LazyLock;

use regex::Regex;

use super::listed::{self, Language};
use super::{Attribution, Cue};
use crate::normalize;

/// Nationalities that follow a body or a title (`el ministerio ruso`, `el presidente francés`).
const NATIONAL: &str = r"(?:rus[oa]|estadounidense|francés|francesa|chin[oa]|ucranian[oa]|norueg[oa]|británic[oa]|alemán|alemana|iraní|turc[oa]|israelí|japonés|japonesa|español|española|mexican[oa]|argentin[oa]|venezolan[oa]|colombian[oa]|cuban[oa]|europe[oa])";

/// Whose a body or a title is: `de Exteriores`, `de Asuntos Exteriores`, `del Kremlin`, or a
/// body in lower case, perhaps with its nationality (`de la diplomacia rusa`: the foreign
/// ministry).
const WHOSE: &str = r"(?:\s+(?:de\s+la|de|del)\s+(?:Asuntos\s+Exteriores|(?:diplomacia|ministerio|defensa|policía|gobierno|presidencia|justicia|armada|ejército)(?:\s+NATIONAL)?|\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?))?";

/// Agencies (`EFE`, `la agencia Europa Press`, `la agencia rusa RIA Novosti`) and media (`el
/// diario El País`, `la televisión estatal`, `los medios rusos`).
const AGENCIES: &str = r"(?:[Ll]a\s+)?(?:[Aa]gencia\s+(?:de\s+noticias\s+)?(?:\p{Ll}+\s+){0,2})?(?:EFE|Efe|Europa\s+Press|AFP|Reuters|Associated\s+Press|AP|Xinhua|TASS|RIA\s+Novosti|Interfax|Bloomberg|dpa|DPA|ANSA|Notimex|Télam|Prensa\s+Latina|Sputnik)|(?:[Ee]l\s+|[Ll]a\s+)?(?:diario|periódico|cadena|canal|radio|semanario)(?:\s+\p{Ll}+)?\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2}|El\s+País|El\s+Mundo|La\s+Vanguardia|Clarín|La\s+Nación|[Ll]a\s+televisión\s+(?:estatal|pública|NATIONAL)|[Ll]os\s+medios(?:\s+NATIONAL)?";

/// Bodies: `el Ministerio de Asuntos Exteriores ruso`, `el Kremlin`, `la Policía`.
const INSTITUTIONS: &str = r"(?:[Ee]l\s+|[Ll]a\s+)?(?:[Mm]inisterio|[Gg]obierno|[Pp]olicía|[Ee]jército|[Ff]iscalía|[Ee]mbajada|[Cc]ancillería|Kremlin|Casa\s+Blanca|Moncloa|Pentágono|ONU|OTAN)(?:\s+NATIONAL)?WHOSE(?:\s+NATIONAL)?";

/// Titles, perhaps with whose, a nationality and a name: `el ministro de Exteriores ruso,
/// Serguéi Lavrov`, `el portavoz del Kremlin, Dmitri Peskov`.
const TITLED: &str = r"(?:[Ee]l\s+|[Ll]a\s+)?(?:[Mm]inistr[oa]|[Pp]residente|[Pp]residenta|[Pp]rimer\s+ministro|[Pp]rimera\s+ministra|[Pp]ortavoz|[Aa]lcalde|[Aa]lcaldesa|[Ff]iscal|[Jj]ef[ea]|[Dd]irector|[Dd]irectora|[Ee]mbajador|[Ee]mbajadora|[Ss]ecretari[oa]\s+general|[Cc]anciller|[Gg]eneral|[Vv]iceministr[oa])(?:\s+NATIONAL)?WHOSE(?:\s+NATIONAL)?(?:,?\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})?";

/// Unnamed sources: `fuentes diplomáticas`, `un portavoz`, `varios testigos`.
const ANONYMOUS: &str = r"(?:(?:[Uu]n[oa]?s?|[Ll]as|[Ll]os|[Vv]ari[oa]s)\s+)?(?:fuentes?|responsables?|diplomáticos?|testigos?|analistas?|expertos?|funcionarios?)(?:\s+(?:diplomáticas?|oficiales|gubernamentales|militares|cercanas|NATIONAL))?";

static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    listed::filled_source_pattern(
        [AGENCIES, INSTITUTIONS, TITLED, ANONYMOUS],
        &[("WHOSE", WHOSE), ("NATIONAL", NATIONAL)],
    )
});

/// `dijo`, `informó` and the like, in the past (singular and plural) or the present.
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    normalize::text_pattern(
        r"(?i)(?:(?P<according>según|de\s+acuerdo\s+con)|(?P<citing>citando\s+a|citad[oa]s?\s+por)|(?P<reported>inform(?:ó|aron|a|an)|public(?:ó|aron)|report(?:ó|aron)|difundi(?:ó|eron))|(?P<said>dijo|dijeron|dice|dicen|afirm(?:ó|aron|a)|declar(?:ó|aron)|señal(?:ó|aron)|asegur(?:ó|aron|a)|explic(?:ó|aron)|añadi(?:ó|eron)|indic(?:ó|aron)|precis(?:ó|aron)|subray(?:ó|aron)|anunci(?:ó|aron)|confirm(?:ó|aron)|advirti(?:ó|eron)))",
    )
});

/// Words that may stand between a cue and the source after it: where it spoke (`dijo en rueda
/// de prensa el ministro`, `informó en un comunicado`).
#[rustfmt::skip]
const BETWEEN: &[&str] = &[
    "en", "un", "una", "comunicado", "rueda", "de", "prensa", "su", "cuenta", "este", "hoy",
    "ayer", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
];

/// Capitalized words that start a sentence or clause without being a name.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "El", "La", "Los", "Las", "Un", "Una", "En", "Según", "Pero", "Y", "Este", "Esta", "Estos",
    "Él", "Ella", "Ellos", "Por", "Para", "Con", "Del", "Al", "Sin", "Sobre", "Además", "También",
    "Así", "Lunes", "Martes", "Miércoles", "Jueves", "Viernes", "Sábado", "Domingo", "Enero",
    "Febrero", "Marzo", "Abril", "Mayo", "Junio", "Julio", "Agosto", "Septiembre", "Octubre",
    "Noviembre", "Diciembre",
];

/// Capitals that stand for their governments when they speak (`Moscú anunció`).
#[rustfmt::skip]
const CAPITALS: &[&str] = &[
    "Moscú", "Washington", "Pekín", "Kiev", "Londres", "París", "Berlín", "Tokio", "Teherán",
    "Ankara", "Bruselas", "Madrid", "Oslo", "Caracas", "Bogotá",
];

/// Prepositions: a name after one is no speaker (`a`, `de`, `para`).
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "a", "al", "de", "del", "en", "con", "por", "para", "sin", "sobre", "entre", "hacia", "desde",
    "hasta", "contra", "tras", "ante", "bajo",
];

/// An agency after `a` or `al` right after the cue is whom the speaker told (`dijo a EFE`).
fn told(_: &str, _: Cue, to: &str, _: &str) -> bool {
    matches!(to, "a" | "al")
}

/// Common words of the language (lower case), by which a text is told to be written in it
/// (`attribution::Readers`).
#[rustfmt::skip]
pub(super) const COMMON: &[&str] = &[
    "el", "la", "los", "las", "de", "del", "un", "una", "es", "y", "que", "en", "por", "para",
    "con", "al", "según", "se", "está", "están", "ha", "han", "su", "lo", "más", "como",
];

static SPANISH: Language = Language {
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
    unnamed_titles: &["portavoz"],
    separable: &[],
    clause_openers: &[],
    impersonal: &[],
    and: &["y", "e"],
};

/// The Spanish credits of a sentence, added to `out`.
pub(super) fn find(sentence: &str, out: &mut Vec<Attribution>) {
    listed::find(&SPANISH, sentence, out);
}

#[cfg(test)]
mod tests {
    use super::super::tests::credits;
    use super::super::{Cue, SourceKind, same_source};

    #[test]
    fn agencies_bodies_and_officials_on_either_side_of_their_cue() {
        use SourceKind::*;
        assert_eq!(
            credits("Las negociaciones se reanudarán en abril, según EFE."),
            [("EFE".into(), Agency, Cue::AccordingTo)]
        );
        assert_eq!(
            credits("Las negociaciones se reanudarán en abril, informó la agencia Europa Press."),
            [("la agencia Europa Press".into(), Agency, Cue::Reported)]
        );
        assert_eq!(
            credits("«Estamos preparados», dijo el ministro de Exteriores ruso, Serguéi Lavrov."),
            [(
                "el ministro de Exteriores ruso, Serguéi Lavrov".into(),
                Person,
                Cue::Said
            )]
        );
        assert_eq!(
            credits("El Kremlin anunció la reanudación de las negociaciones."),
            [("El Kremlin".into(), Institution, Cue::Said)]
        );
        assert_eq!(
            credits("Lavrov afirmó que Moscú está preparada."),
            [("Lavrov".into(), Person, Cue::Said)]
        );
        assert_eq!(
            credits(
                "La agencia rusa RIA Novosti, citando a fuentes diplomáticas, informó del acuerdo."
            ),
            [
                ("La agencia rusa RIA Novosti".into(), Agency, Cue::Reported),
                ("fuentes diplomáticas".into(), Anonymous, Cue::Citing)
            ]
        );
    }

    #[test]
    fn a_title_whose_body_is_in_lower_case_keeps_its_name() {
        assert_eq!(
            credits("«Estamos listos», dijo el jefe de la diplomacia rusa, Serguéi Lavrov."),
            [(
                "el jefe de la diplomacia rusa, Serguéi Lavrov".into(),
                super::super::SourceKind::Person,
                Cue::Said
            )]
        );
        assert_eq!(
            credits("«Es falso», dijo el portavoz del ministerio, Iván Petrov.")[0].0,
            "el portavoz del ministerio, Iván Petrov"
        );
    }

    #[test]
    fn whom_a_speaker_told_is_no_source() {
        use SourceKind::*;
        assert_eq!(
            credits(
                "Las negociaciones se reanudarán, dijo a EFE el portavoz del Kremlin, Dmitri Peskov."
            ),
            [(
                "el portavoz del Kremlin, Dmitri Peskov".into(),
                Person,
                Cue::Said
            )]
        );
        assert_eq!(
            credits("Las negociaciones se reanudarán, dijo el portavoz."),
            [("el portavoz".into(), Anonymous, Cue::Said)]
        );
    }

    #[test]
    fn no_cue_or_no_source_credits_nobody() {
        assert!(credits("EFE y Reuters son agencias de noticias.").is_empty());
        // English text is not read as Spanish, though `informa` and `dice` are Spanish cues.
        assert!(credits("Traders dice the figures weekly.").is_empty());
        assert!(credits("Él dijo que las negociaciones se reanudarán.").is_empty());
        // A name after a preposition is no speaker: `en Madrid`.
        assert!(
            credits("Las negociaciones se celebraron en Madrid, informó ayer un comunicado.")
                .is_empty()
        );
    }

    #[test]
    fn an_agency_with_or_without_its_article_is_one_source() {
        assert!(same_source("la agencia EFE", "EFE"));
        assert!(same_source("El Kremlin", "the Kremlin"));
        assert!(!same_source("EFE", "Reuters"));
    }
}
