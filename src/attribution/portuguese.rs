//! Portuguese credits, as Lusa, Agência Brasil and the papers that run their copy write them:
//! `segundo a Lusa` (according to Lusa), `informou a agência russa Interfax` (the Russian agency
//! Interfax reported), `disse o ministro dos Negócios Estrangeiros russo, Serguei Lavrov` (the
//! Russian foreign minister said), `citando fontes diplomáticas` (citing diplomatic sources),
//! `disse à Lusa o porta-voz` (the spokesman told Lusa: Lusa is whom he told). Portugal's and
//! Brazil's spellings both (`Moscovo`, `Moscou`; `diretor`, `director`). The reading is
//! `listed.rs`'s; this module holds the lists.

use std::sync::LazyLock;

use regex::Regex;

use super::listed::{self, Language};
use super::{Attribution, Cue};
use crate::normalize;

/// Nationalities that follow a body or a title (`o ministério russo`, `o presidente francês`).
const NATIONAL: &str = r"(?:russ[oa]s?|norte-american[oa]s?|american[oa]s?|estadunidenses?|francês|francesa|chinês|chinesa|ucranian[oa]s?|britânic[oa]s?|alemão|alemã|iranian[oa]s?|turc[oa]s?|israelitas?|israelenses?|japonês|japonesa|português|portuguesa|brasileir[oa]s?|espanhol|espanhola|angolan[oa]s?|moçambican[oa]s?|europeu|europeia)";

/// Whose a body or a title is: `dos Negócios Estrangeiros`, `das Relações Exteriores`, `do
/// Kremlin`, or a body in lower case, perhaps with its nationality (`da diplomacia russa`: the
/// foreign ministry).
const WHOSE: &str = r"(?:\s+(?:dos|das|do|da|de)\s+(?:Negócios\s+Estrangeiros|Relações\s+Exteriores|(?:diplomacia|ministério|defesa|polícia|governo|presidência|justiça|marinha|exército)(?:\s+NATIONAL)?|\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?))?";

/// Agencies (`a Lusa`, `a agência russa RIA Novosti`, `a Agência Brasil`) and media (`o jornal
/// Público`, `a televisão estatal`, `a imprensa russa`, `os media russos`).
const AGENCIES: &str = r"(?:[Aa]\s+)?(?:[Aa]gência\s+(?:de\s+notícias\s+)?(?:\p{Ll}+\s+){0,2})?(?:Lusa|LUSA|Agência\s+Brasil|Agência\s+Estado|EFE|Efe|AFP|Reuters|Associated\s+Press|AP|Xinhua|TASS|Tass|RIA\s+Novosti|Interfax|Bloomberg|dpa|DPA|ANSA|Sputnik|BBC|CNN|Al\s+Jazeera)|(?:[Oo]\s+|[Aa]\s+)?(?:jornal|diário|semanário|revista|estação|emissora|canal|rádio|televisão)(?:\s+\p{Ll}+)?\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2}|(?:[Oo]\s+)?(?:Público|Expresso|Globo|Estadão)|(?:[Aa]\s+)?Folha\s+de\s+S\.\s?Paulo|RTP|SIC|TVI|[Aa]\s+televisão\s+(?:estatal|pública|NATIONAL)|[Oo]s\s+media(?:\s+NATIONAL)?|[Aa]\s+imprensa(?:\s+NATIONAL)?";

/// Bodies: `o Ministério dos Negócios Estrangeiros russo`, `o Kremlin`, `a PSP`, `o Itamaraty`.
const INSTITUTIONS: &str = r"(?:[Oo]\s+|[Aa]\s+)?(?:[Mm]inistério|[Gg]overno|[Pp]olícia|PSP|GNR|[Ee]xército|[Pp]rocuradoria(?:-[Gg]eral)?|[Ee]mbaixada|[Pp]residência|Kremlin|Casa\s+Branca|Itamaraty|Planalto|Pentágono|ONU|NATO|OTAN)(?:\s+NATIONAL)?WHOSE(?:\s+NATIONAL)?";

/// Titles, perhaps with whose, a nationality and a name: `o ministro dos Negócios Estrangeiros
/// russo, Serguei Lavrov`, `o porta-voz do Kremlin, Dmitri Peskov`, `o chanceler russo`.
const TITLED: &str = r"(?:[Oo]\s+|[Aa]\s+)?(?:[Mm]inistr[oa]|[Pp]residente|[Pp]rimeiro-ministro|[Pp]rimeira-ministra|[Pp]orta-voz|[Pp]refeit[oa]|[Pp]rocurador(?:a)?(?:-geral)?|[Cc]hefe|[Dd]ire(?:c)?tor(?:a)?|[Ee]mbaixador(?:a)?|[Ss]ecretári[oa]-geral|[Cc]hanceler|[Gg]eneral|[Cc]omandante|[Vv]ice-ministr[oa])(?:\s+NATIONAL)?WHOSE(?:\s+NATIONAL)?(?:,?\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})?";

/// Unnamed sources: `fontes diplomáticas`, `um porta-voz` (a title), `várias testemunhas`.
const ANONYMOUS: &str = r"(?:(?:[Uu]ma?|[Uu]ns|[Uu]mas|[Aa]s|[Oo]s|[Vv]ári[oa]s)\s+)?(?:fontes?|responsáveis|diplomatas?|testemunhas?|analistas?|especialistas?|funcionári[oa]s?)(?:\s+(?:diplomáticas|oficiais|governamentais|militares|policiais|próximas|NATIONAL))?";

static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    listed::filled_source_pattern(
        [AGENCIES, INSTITUTIONS, TITLED, ANONYMOUS],
        &[("WHOSE", WHOSE), ("NATIONAL", NATIONAL)],
    )
});

/// `disse`, `informou` and the like, in the past (singular and plural) or the present.
/// `avançou` (advanced) is how Portuguese papers say an agency reported (`avançou a Lusa`),
/// so `o exército avançou` reads as the army's credit too.
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    normalize::text_pattern(
        r"(?i)(?:(?P<according>segundo|de\s+acordo\s+com|conforme)|(?P<citing>citando|citad[oa]s?\s+(?:pel[oa]s?|por))|(?P<reported>inform(?:ou|aram|a|am)|notici(?:ou|aram|a|am)|public(?:ou|aram)|divulg(?:ou|aram)|report(?:ou|aram)|avanç(?:ou|aram|a|am)|escrev(?:eu|eram|e))|(?P<said>disse|disseram|diz|dizem|afirm(?:ou|aram|a|am)|declar(?:ou|aram)|anunci(?:ou|aram)|acrescent(?:ou|aram)|adiant(?:ou|aram)|explic(?:ou|aram)|indic(?:ou|aram)|sublinh(?:ou|aram)|refer(?:iu|iram|e)|confirm(?:ou|aram)|assegur(?:ou|aram)|garant(?:iu|iram|e)|alert(?:ou|aram)|salient(?:ou|aram)|precis(?:ou|aram)|revel(?:ou|aram)))",
    )
});

/// Words that may stand between a cue and the source after it: where and when it spoke (`disse
/// em comunicado o ministério`, `em conferência de imprensa`, `esta sexta-feira`).
#[rustfmt::skip]
const BETWEEN: &[&str] = &[
    "em", "um", "uma", "comunicado", "nota", "conferência", "coletiva", "de", "imprensa", "na",
    "no", "sua", "seu", "conta", "rede", "social", "hoje", "ontem", "esta", "este", "ainda",
    "também", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
    "sábado", "domingo",
];

/// Capitalized words that start a sentence or clause without being a name.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "O", "A", "Os", "As", "Um", "Uma", "Em", "No", "Na", "Segundo", "Mas", "E", "Este", "Esta",
    "Ele", "Ela", "Eles", "Elas", "Por", "Para", "Com", "Do", "Da", "Ao", "À", "Sem", "Sobre",
    "Além", "Também", "Assim", "Depois", "Já", "Ainda", "Janeiro", "Fevereiro", "Março", "Abril",
    "Maio", "Junho", "Julho", "Agosto", "Setembro", "Outubro", "Novembro", "Dezembro",
];

/// Capitals that stand for their governments when they speak (`Moscovo anunciou`).
#[rustfmt::skip]
const CAPITALS: &[&str] = &[
    "Moscovo", "Moscou", "Washington", "Pequim", "Kiev", "Kyiv", "Londres", "Paris", "Berlim",
    "Tóquio", "Teerão", "Teerã", "Ancara", "Bruxelas", "Madrid", "Lisboa", "Brasília", "Luanda",
    "Maputo",
];

/// Prepositions: a name after one is no speaker (`a`, `de`, `em Lisboa`).
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "a", "ao", "à", "aos", "às", "de", "do", "da", "dos", "das", "em", "no", "na", "nos", "nas",
    "com", "por", "pelo", "pela", "pelos", "pelas", "para", "sem", "sobre", "entre", "contra",
    "até", "desde", "perante", "após",
];

/// An agency after `a`, `à`, `ao` or `aos` right after the cue is whom the speaker told
/// (`disse à Lusa`).
fn told(_: &str, _: Cue, to: &str, _: &str) -> bool {
    matches!(to, "a" | "à" | "ao" | "aos" | "às")
}

/// Common words of the language (lower case), by which a text is told to be written in it
/// (`attribution::Readers`); not `a`, `as`, `do` nor `no`, which are as common in English.
#[rustfmt::skip]
pub(super) const COMMON: &[&str] = &[
    "o", "os", "um", "uma", "é", "e", "que", "da", "das", "dos", "em", "na", "nas", "nos", "ao",
    "pelo", "pela", "não", "foi", "são", "está", "mais", "também", "segundo", "disse", "com",
    "para", "se", "como",
];

static PORTUGUESE: Language = Language {
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
    unnamed_titles: &["porta-voz"],
    separable: &[],
    clause_openers: &[],
    impersonal: &[],
    and: &["e"],
};

/// The Portuguese credits of a sentence, added to `out`.
pub(super) fn find(sentence: &str, out: &mut Vec<Attribution>) {
    listed::find(&PORTUGUESE, sentence, out);
}

#[cfg(test)]
mod tests {
    use super::super::tests::credits;
    use super::super::{Cue, SourceKind, same_source};

    #[test]
    fn agencies_bodies_and_officials_on_either_side_of_their_cue() {
        use SourceKind::*;
        assert_eq!(
            credits("As negociações serão retomadas em abril, segundo a Lusa."),
            [("a Lusa".into(), Agency, Cue::AccordingTo)]
        );
        assert_eq!(
            credits(
                "As negociações com Kiev serão retomadas em abril, informou a agência russa Interfax."
            ),
            [("a agência russa Interfax".into(), Agency, Cue::Reported)]
        );
        assert_eq!(
            credits(
                "\"Estamos prontos\", disse o ministro dos Negócios Estrangeiros russo, Serguei Lavrov."
            ),
            [(
                "o ministro dos Negócios Estrangeiros russo, Serguei Lavrov".into(),
                Person,
                Cue::Said
            )]
        );
        assert_eq!(
            credits("O Kremlin anunciou que as negociações serão retomadas."),
            [("O Kremlin".into(), Institution, Cue::Said)]
        );
        assert_eq!(
            credits("A informação foi avançada pela Interfax, citando fontes diplomáticas."),
            [("fontes diplomáticas".into(), Anonymous, Cue::Citing)]
        );
        assert_eq!(
            credits("Moscovo anunciou que as negociações com Kiev serão retomadas em abril."),
            [("Moscovo".into(), Institution, Cue::Said)]
        );
        assert_eq!(
            credits("O cessar-fogo entrou em vigor, avançou a Agência Brasil."),
            [("a Agência Brasil".into(), Agency, Cue::Reported)]
        );
    }

    #[test]
    fn a_title_whose_body_is_in_lower_case_keeps_its_name() {
        assert_eq!(
            credits("\"Estamos prontos\", disse o chefe da diplomacia russa, Serguei Lavrov.")[0].0,
            "o chefe da diplomacia russa, Serguei Lavrov"
        );
        assert_eq!(
            credits("\"Não é verdade\", afirmou o porta-voz do ministério, Ivan Petrov.")[0].0,
            "o porta-voz do ministério, Ivan Petrov"
        );
    }

    #[test]
    fn whom_a_speaker_told_is_no_source() {
        use SourceKind::*;
        assert_eq!(
            credits(
                "As negociações serão retomadas, disse à Lusa o porta-voz do Kremlin, Dmitri Peskov."
            ),
            [(
                "o porta-voz do Kremlin, Dmitri Peskov".into(),
                Person,
                Cue::Said
            )]
        );
        assert_eq!(
            credits("As negociações serão retomadas, disse o porta-voz."),
            [("o porta-voz".into(), Anonymous, Cue::Said)]
        );
    }

    #[test]
    fn no_cue_or_no_source_credits_nobody() {
        assert!(credits("A Lusa e a Reuters são agências de notícias.").is_empty());
        assert!(credits("As negociações decorreram em Lisboa, disse ontem uma nota.").is_empty());
        // `segundo` is also the ordinal: the second round credits nobody.
        assert!(credits("O segundo turno das eleições será em outubro.").is_empty());
    }

    #[test]
    fn an_agency_with_or_without_its_article_is_one_source() {
        assert!(same_source("a Lusa", "Lusa"));
        assert!(same_source("a agência Interfax", "Interfax"));
        assert!(same_source("o Kremlin", "the Kremlin"));
        assert!(!same_source("a Lusa", "Reuters"));
    }
}
