//! Listed credits: a language's sources and cues, read from its lists (a [`Language`]), a cue
//! crediting a source on either side of it. The reader of Russian (`russian.rs`), French
//! (`french.rs`), Spanish (`spanish.rs`), German (`german.rs`), Italian (`italian.rs`),
//! Portuguese (`portuguese.rs`) and Dutch (`dutch.rs`) text; English has its own, older reader
//! in the parent module.
//!
//! A `said` or `reported` cue credits the source right after it (only words of the language's
//! `between` list may stand between: where it spoke, to whom) or up to a few words before it (a
//! name: as many as the language allows), unless a preposition stands before that source (it is
//! then an object: `invited to the White House, officials said`) or it is the body the speakers sit
//! in right before the cue (`В Кремле заявили`, the Kremlin said). `according to` and `citing`
//! credit what follows them, but an `according to` written after its source (a cue pattern's
//! `according_after` group: German `der Polizei zufolge`) credits the source right before it. An
//! agency right after a cue may be whom the speaker told (`told`), and
//! is then no source. A single capitalized word credits only right beside its cue; a capital city
//! there is its government.

use std::sync::LazyLock;

use regex::Regex;

use super::{Attribution, Cue, SourceKind, add_new, governments, offset};

/// What a language's credits are read from.
pub(super) struct Language {
    /// Sources, in the groups `agency`, `institution`, `titled`, `anonymous` and `person`,
    /// each after a delimiter that is no letter, digit or hyphen.
    pub source: &'static LazyLock<Regex>,
    /// Cues, in the groups `according`, `citing`, `reported` and `said` (words apart from their
    /// neighbours are told by the reader: with no delimiter in the pattern, the regex crate
    /// skips ahead to the cues' letters, and English text is scanned fast); `said_apart` for a
    /// verb whose particle ends its clause (see [`Language::separable`]).
    pub cue: &'static LazyLock<Regex>,
    /// Words that may stand between a cue and the source after it (lower case).
    pub between: &'static [&'static str],
    /// Capitalized words that start a sentence or clause without being a name.
    pub not_names: &'static [&'static str],
    /// Capitals that stand for their governments when they speak, besides the countries,
    /// capitals and seats `governments.rs` reads (English and Russian names).
    pub capitals: &'static [&'static str],
    /// Prepositions: a name after one is no speaker (lower case).
    pub prepositions: &'static [&'static str],
    /// The prepositions of the body speakers sit in, right before a cue (`в`: `В Кремле
    /// заявили`).
    pub places: &'static [&'static str],
    /// Whether `agency`, after the cue `cue` (lower case, of kind `kind`) with `to` (trimmed)
    /// between them, is whom the speaker told.
    pub told: fn(cue: &str, kind: Cue, to: &str, agency: &str) -> bool,
    /// Titles of unnamed speakers (lower-case stems: a spokesman): anonymous without a name.
    pub unnamed_titles: &'static [&'static str],
    /// Words a name (a run of capitalized words) may stand before its `said` or `reported` cue:
    /// [`NEAR`] where a capital tells a name, none in German, where every noun has one.
    pub names_near: usize,
    /// Pronouns that, right after a `said` or `reported` cue, are its subject (`..., sagte
    /// er`): then no source before the cue is who spoke.
    pub subjects: &'static [&'static str],
    /// Separable verbs of the `said_apart` cues (lower case, as they start) with the particle
    /// that must end the cue's clause for them to credit (German `teilte ... mit`, announced:
    /// `teilte das Ministerium am Freitag mit`, but not `teilte mit den Partnern die Kosten`,
    /// shared the costs).
    pub separable: &'static [(&'static str, &'static str)],
    /// Words that open a clause of what was said with no comma before them (Dutch `dat`): a
    /// separable verb's particle stands right before one, or at the punctuation's.
    pub clause_openers: &'static [&'static str],
    /// Endings of cue forms that take no subject (Russian `заявили`, `сообщили`: they said):
    /// after one, a body or a government named by its place after [`Language::places`] is who
    /// spoke (`Как заявили в Токио`, `сообщили в мэрии`); after another, and in a language with
    /// none listed, it is where the subject spoke (`Лавров заявил в Москве`, `sagte im
    /// Kanzleramt ein Sprecher`).
    pub impersonal: &'static [&'static str],
    /// The word that joins two sources (lower case): sources joined so before a cue are its
    /// subject together (`Лавров и Блинкен заявили`, `Macron et Scholz ont déclaré`).
    pub and: &'static [&'static str],
}

/// Capitalized words in Latin script, a name (`Sergueï Lavrov`, `Lavrov`): the `person` group of
/// French and Spanish.
pub(super) const LATIN_NAME: &str = r"\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){0,2}";

/// A language's source pattern ([`Language::source`]): each list in its group, after a
/// delimiter.
pub(super) fn source_pattern(
    agency: &str,
    institution: &str,
    titled: &str,
    anonymous: &str,
    person: &str,
) -> Regex {
    crate::normalize::text_pattern(&format!(
        r"(?:^|[^\p{{L}}\p{{N}}-])(?:(?P<agency>{agency})|(?P<institution>{institution})|(?P<titled>{titled})|(?P<anonymous>{anonymous})|(?P<person>{person}))"
    ))
}

/// A language's source pattern from its four lists (agencies, institutions, titles, unnamed
/// sources), each with its placeholders filled in the order given (`WHOSE` first, as it holds
/// `NATIONAL` or `ADJ` itself); names are [`LATIN_NAME`].
pub(super) fn filled_source_pattern(lists: [&str; 4], placeholders: &[(&str, &str)]) -> Regex {
    let [agency, institution, titled, anonymous] = lists.map(|list| {
        placeholders
            .iter()
            .fold(list.to_string(), |list, (name, value)| {
                list.replace(name, value)
            })
    });
    source_pattern(&agency, &institution, &titled, &anonymous, LATIN_NAME)
}

/// Words a source may stand from a `said` or `reported` cue after it (`Лавров в пятницу
/// заявил`).
pub(super) const NEAR: usize = 6;

/// A match with the offsets of its text, without the delimiter before it.
#[derive(Clone, Copy)]
struct Span<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

impl<'a> Span<'a> {
    /// The span of `m`, or `None` when a letter stands right before or after it (a stem inside
    /// a longer word).
    fn of(sentence: &'a str, m: regex::Match<'a>) -> Option<Self> {
        let apart = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '-'));
        let whole = apart(sentence[..m.start()].chars().next_back())
            && apart(sentence[m.end()..].chars().next());
        whole.then_some(Span {
            start: m.start(),
            end: m.end(),
            text: m.as_str(),
        })
    }
}

/// The credits of `sentence` in `lang`, added to `out`.
pub(super) fn find(lang: &Language, sentence: &str, out: &mut Vec<Attribution>) {
    // The cues written after their source (`zufolge`), by where they start.
    let mut postpositions: Vec<usize> = Vec::new();
    let cues: Vec<(Span, Cue)> = lang
        .cue
        .captures_iter(sentence)
        .filter_map(|caps| {
            if let Some(m) = caps.name("according_after") {
                postpositions.push(m.start());
            }
            let (m, kind) = named(
                &caps,
                [
                    ("according", Cue::AccordingTo),
                    ("according_after", Cue::AccordingTo),
                    ("citing", Cue::Citing),
                    ("reported", Cue::Reported),
                    ("said", Cue::Said),
                    ("said_apart", Cue::Said),
                ],
            )?;
            if caps.name("said_apart").is_some() && !particle_ends_clause(lang, sentence, m) {
                return None;
            }
            Some((Span::of(sentence, m)?, kind))
        })
        .collect();
    if cues.is_empty() {
        return;
    }
    // Each source with its kind and whether it is a run of capitalized words.
    let sources: Vec<(Span, SourceKind, bool)> = lang
        .source
        .captures_iter(sentence)
        .filter_map(|caps| {
            let (m, kind) = named(
                &caps,
                [
                    ("agency", SourceKind::Agency),
                    ("institution", SourceKind::Institution),
                    ("titled", SourceKind::Person),
                    ("anonymous", SourceKind::Anonymous),
                    ("person", SourceKind::Person),
                ],
            )?;
            let span = Span::of(sentence, m)?;
            match (caps.name("person"), caps.name("titled")) {
                (Some(_), _) => name_of(lang, sentence, span),
                (_, Some(_)) => Some((span, titled_kind(lang, span.text), false)),
                _ => Some((span, kind, false)),
            }
        })
        // A cue's words are never a source (`Сообщает` opening a sentence is capitalized).
        .filter(|(s, _, _)| !cues.iter().any(|(c, _)| c.start < s.end && s.start < c.end))
        .collect();
    // Whom a speaker told, from the cue on: `заявил РИА Новости`, `a déclaré à l'AFP`.
    let listeners: Vec<Span> = sources
        .iter()
        .filter_map(|(s, kind, _)| {
            let (c, _) = cues.iter().find(|(c, k)| {
                *kind == SourceKind::Agency
                    && c.end <= s.start
                    && (lang.told)(
                        &c.text.to_lowercase(),
                        *k,
                        sentence[c.end..s.start].trim(),
                        s.text,
                    )
            })?;
            Some(Span {
                start: c.end,
                end: s.end,
                text: &sentence[c.end..s.end],
            })
        })
        .collect();
    // A pronoun right after a cue is its subject, and so is a source there that ends the
    // sentence (`..., заявил Лавров.`, `..., сообщает Синьхуа.`; one before `что` may be whom
    // the speaker told: `сообщил ТАСС, что`), and so is the body the speakers sit in after a
    // cue that takes no subject (`..., сообщили в мэрии`; a place's name there is read as a
    // name, and may be where a subject spoke: `Лавров и Блинкен заявили в Женеве`): the cue
    // credits nobody before it. Read once a cue.
    let subjects_after: Vec<bool> = cues
        .iter()
        .map(|(c, _)| {
            sentence[c.end..]
                .split_whitespace()
                .next()
                .is_some_and(|w| lang.subjects.contains(&w.trim_end_matches([',', '.'])))
                || sources.iter().any(|(after, kind, _)| {
                    let Some(between) = sentence.get(c.end..after.start) else {
                        return false;
                    };
                    let between = between.trim();
                    if between.is_empty() {
                        return sentence[after.end..].chars().all(|mark| {
                            matches!(mark, '.' | '!' | '?' | '»' | '"' | '”')
                                || mark.is_whitespace()
                        });
                    }
                    body(*kind)
                        && lang.places.contains(&between.to_lowercase().as_str())
                        && takes_no_subject(lang, c)
                })
        })
        .collect();
    for (s, kind, name) in &sources {
        if listeners
            .iter()
            .any(|l| l.start <= s.start && s.end <= l.end)
        {
            continue;
        }
        let surname = *kind == SourceKind::Person && !s.text.contains(char::is_whitespace);
        // A country, its capital or the seat of its head alone is its government (`Москва
        // заявила`, `В Москве заявили`, `Китай заявил`).
        let government = surname
            && (lang.capitals.contains(&s.text) || governments::stands_for_a_government(s.text));
        let kind = if government {
            SourceKind::Institution
        } else {
            *kind
        };
        let credits = |((c, k), subject_after): &(&(Span, Cue), &bool)| {
            if postpositions.contains(&c.start) {
                // Only the listed source right before it, nothing between: a run of capitals
                // there is most often a noun (`Dem Bericht zufolge`, according to the report).
                return !name && s.end <= c.start && sentence[s.end..c.start].trim().is_empty();
            }
            if s.start >= c.end {
                // After its cue: only what may stand between them stands between them, and
                // not a preposition right before it (`unter Berufung auf das Ministerium in
                // Moskau`: Moskau is where it is), but for the body the speakers sit in after a
                // cue that takes no subject (`сообщили в Кремле`, `заявили в Токио`); after one
                // that does, a body or a government there is where its subject spoke (`Лавров
                // заявил в Кремле`, `Лавров заявил в Москве`, `sagte im Kanzleramt ein
                // Sprecher`).
                let most = match k {
                    Cue::AccordingTo | Cue::Citing => 1,
                    _ => 0,
                };
                let between =
                    between_words(lang, &sentence[c.end..s.start], &listeners, c.end, most);
                let object = preposition_before(lang, &sentence[c.end..s.start]).is_some_and(|p| {
                    !(lang.places.contains(&p.as_str()) && body(kind) && takes_no_subject(lang, c))
                });
                if object {
                    return false;
                }
                between <= most
            } else if s.end <= c.start {
                let most = match (surname, name) {
                    (true, _) => 0,
                    (false, true) => lang.names_near,
                    (false, false) => NEAR,
                };
                // Counted no further than one past the most (a source is paired with every
                // cue after it, however far), from the last of the sources joined to it.
                let end = joined_end(lang, sentence, s, &sources, c.start);
                let gap = sentence[end..c.start]
                    .split_whitespace()
                    .take(most + 1)
                    .count();
                matches!(k, Cue::Said | Cue::Reported)
                    && !**subject_after
                    && gap <= most
                    && subject_or_place(lang, sentence, s, kind, gap)
            } else {
                false
            }
        };
        let nearest = cues
            .iter()
            .zip(&subjects_after)
            .filter(credits)
            .map(|(cue, _)| cue)
            .min_by_key(|(c, _)| {
                if s.start >= c.end {
                    s.start - c.end
                } else {
                    c.start - s.end
                }
            });
        if let Some((c, k)) = nearest {
            add_new(
                out,
                Attribution {
                    source: s.text.to_string(),
                    kind,
                    cue: c.text.to_string(),
                    cue_kind: *k,
                    pronoun: None,
                },
            );
        }
    }
}

/// Whether cue `c` is a form that takes no subject (see [`Language::impersonal`]).
fn takes_no_subject(lang: &Language, c: &Span) -> bool {
    let cue = c.text.to_lowercase();
    lang.impersonal.iter().any(|ending| cue.ends_with(ending))
}

/// Where the run of sources joined to `s` by the language's `and` ends, before `limit`
/// (`Лавров и Блинкен`: after `Блинкен`); `s`'s own end when none is joined to it.
fn joined_end(
    lang: &Language,
    sentence: &str,
    s: &Span,
    sources: &[(Span, SourceKind, bool)],
    limit: usize,
) -> usize {
    let mut end = s.end;
    while let Some((next, _, _)) = sources.iter().find(|(next, _, _)| {
        next.start > end
            && next.end <= limit
            && lang
                .and
                .contains(&sentence[end..next.start].trim().to_lowercase().as_str())
    }) {
        end = next.end;
    }
    end
}

/// Whether the separable verb `verb` (see [`Language::separable`]) has its particle as the last
/// word of its clause, which ends at the next punctuation mark (see [`clause_end`]) or clause
/// opener; an opener before a number is a preposition (Dutch `om 10 uur`, at ten o'clock).
fn particle_ends_clause(lang: &Language, sentence: &str, verb: regex::Match) -> bool {
    let lower = verb.as_str().to_lowercase();
    let Some((_, particle)) = lang.separable.iter().find(|(v, _)| lower.starts_with(v)) else {
        return false;
    };
    let after = &sentence[verb.end()..];
    let mut words = after[..clause_end(after)].split_whitespace().peekable();
    let mut last = None;
    while let Some(word) = words.next() {
        let opener = lang.clause_openers.contains(&word.to_lowercase().as_str())
            && !words
                .peek()
                .is_some_and(|next| next.starts_with(|c: char| c.is_ascii_digit()));
        if opener {
            break;
        }
        last = Some(word);
    }
    last.is_some_and(|last| last.to_lowercase() == *particle)
}

/// Where the clause that `text` begins ends: at its first punctuation mark, but for a full stop
/// after a digit (a German ordinal, `am 5. Dezember`) and a comma or full stop inside a number
/// (`3,5 Prozent`), or at the end of `text`.
fn clause_end(text: &str) -> usize {
    let digit = |c: char| c.is_ascii_digit();
    text.char_indices()
        .find(|&(i, c)| match c {
            '.' => !text[..i].ends_with(digit),
            ',' => !(text[..i].ends_with(digit) && text[i + 1..].starts_with(digit)),
            ';' | ':' | '!' | '?' | '„' | '“' | '"' | '«' | '»' => true,
            _ => false,
        })
        .map_or(text.len(), |(i, _)| i)
}

/// Whether source `s`, `gap` words before its cue, may be who spoke: not after a preposition,
/// unless it is the body where the speakers sit right before the cue.
fn subject_or_place(
    lang: &Language,
    sentence: &str,
    s: &Span,
    kind: SourceKind,
    gap: usize,
) -> bool {
    match preposition_before(lang, &sentence[..s.start]) {
        Some(p) => lang.places.contains(&p.as_str()) && gap == 0 && body(kind),
        None => true,
    }
}

/// The last word of `before` (lower case), when it is a preposition of the language.
fn preposition_before(lang: &Language, before: &str) -> Option<String> {
    before
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| lang.prepositions.contains(&w.as_str()))
}

/// Whether a source of this kind is a body speakers may sit in (see [`Language::places`]).
fn body(kind: SourceKind) -> bool {
    matches!(kind, SourceKind::Institution | SourceKind::Agency)
}

/// How many words of `between` (which starts at offset `from` of the sentence) may not stand
/// between a cue and its source: not in the language's list, not in a listener, not
/// punctuation. A comma outside a listener ends the cue's clause (`sagte der Deutschen
/// Presse-Agentur, Berlin begrüße`: Berlin is in what was said), and counts as a word. Counts no
/// further than `most` + 1: the caller asks only whether there are more (a cue is paired with
/// every source after it, however far).
fn between_words(
    lang: &Language,
    between: &str,
    listeners: &[Span],
    from: usize,
    most: usize,
) -> usize {
    let listened = |at: usize| listeners.iter().any(|l| l.start <= at && at < l.end);
    let mut count = 0;
    let mut previous = "";
    for word in between.split(|c: char| c.is_whitespace() || c == ',') {
        // The mark after the word: a comma counts.
        let end = offset(between, word) + word.len();
        if between[end..].starts_with(',') && !listened(from + end) {
            count += 1;
        }
        let at = from + offset(between, word);
        // Punctuation alone (the quotation marks of `«Коммерсант»`) is no word.
        if word.chars().any(char::is_alphanumeric) {
            // A name after a preposition of place is where the cue was said (`заявил в Москве
            // министр`), which may stand between it and its source.
            let place = word.starts_with(char::is_uppercase)
                && lang.places.contains(&previous.to_lowercase().as_str());
            if !listened(at) && !place && !lang.between.contains(&word.to_lowercase().as_str()) {
                count += 1;
            }
            previous = word;
        }
        if count > most {
            break;
        }
    }
    count
}

/// A run of capitalized words as a name, with its kind and whether it is a run of capitalized
/// words: without the words that start a sentence or clause (`Ранее Лавров` is `Лавров`) and a
/// place before it (`в Москве Лавров`); `None` when nothing is left. What those words hid may be
/// a listed source, read so (`Selon Le Monde`: the paper `Le Monde`, not the person `Monde`;
/// `Ранее Минобороны`: the ministry).
fn name_of<'a>(
    lang: &Language,
    sentence: &'a str,
    span: Span<'a>,
) -> Option<(Span<'a>, SourceKind, bool)> {
    let mut text = span.text;
    while let Some(first) = text.split_whitespace().next()
        && lang.not_names.contains(&first)
    {
        text = text[first.len()..].trim_start();
        if !text.is_empty()
            && let Some(listed) = listed_at(lang, sentence, offset(sentence, text))
        {
            return Some(listed);
        }
    }
    // A government's place after a preposition is where, not the start of the name after it
    // (`заявил в Москве Лавров`, `В Москве Лавров заявил`: Lavrov).
    if let Some(first) = text.split_whitespace().next()
        && text.len() > first.len()
        && preposition_before(lang, &sentence[..offset(sentence, text)]).is_some()
        && governments::stands_for_a_government(first)
    {
        text = text[first.len()..].trim_start();
    }
    if text.is_empty() {
        return None;
    }
    let start = offset(sentence, text);
    Some((
        Span {
            start,
            end: start + text.len(),
            text,
        },
        SourceKind::Person,
        true,
    ))
}

/// The agency or institution of `lang`'s list that starts at byte `at` of `sentence`, if one
/// does: its span, kind, and `false` (no run of capitalized words).
fn listed_at<'a>(
    lang: &Language,
    sentence: &'a str,
    at: usize,
) -> Option<(Span<'a>, SourceKind, bool)> {
    // The pattern reads the delimiter before a source: start at the character before it.
    let before = sentence[..at].char_indices().next_back()?.0;
    let caps = lang.source.captures_at(sentence, before)?;
    let (m, kind) = named(
        &caps,
        [
            ("agency", SourceKind::Agency),
            ("institution", SourceKind::Institution),
        ],
    )?;
    (m.start() == at)
        .then(|| Span::of(sentence, m))
        .flatten()
        .map(|span| (span, kind, false))
}

/// A titled source's kind: an unnamed speaker's title (a spokesman) without a name is
/// anonymous, as a spokesman is in English; any other title, a person. A name is a capitalized
/// word other than the title (`der Sprecher`, `Kremlsprecher` name nobody) and than the one or
/// two right after a word of [`WHOSE`], which say whose spokesman it is (`der Sprecher des
/// Auswärtigen Amtes`, `le porte-parole du Kremlin`; but `la porte-parole de la diplomatie russe
/// Maria Zakharova` and `le porte-parole du Kremlin, Dmitri Peskov` are named).
fn titled_kind(lang: &Language, text: &str) -> SourceKind {
    let title = |w: &str| {
        let lower = w.to_lowercase();
        lang.unnamed_titles.iter().any(|t| lower.contains(t))
    };
    if !title(text) {
        return SourceKind::Person;
    }
    let named = text.split(',').enumerate().any(|(part, words)| {
        // Capitalized words still to be read as whose spokesman it is.
        let mut whose = 0;
        // The first part's first word is the article or the title (`der`, `Kremlsprecher`).
        for w in words.split_whitespace().skip(usize::from(part == 0)) {
            if title(w) {
                continue;
            }
            if w.starts_with(char::is_lowercase) {
                whose = if WHOSE.contains(&w) { 2 } else { 0 };
            } else if whose > 0 {
                whose -= 1;
            } else if w.chars().skip(1).all(char::is_lowercase) {
                return true;
            }
        }
        false
    });
    if named {
        SourceKind::Person
    } else {
        SourceKind::Anonymous
    }
}

/// The words before whose spokesman a spokesman is, in the listed languages (`des Auswärtigen
/// Amtes`, `du Kremlin`, `del Cremlino`, `do Kremlin`, `van het Kremlin`).
#[rustfmt::skip]
const WHOSE: &[&str] = &[
    "des", "der", "dem", "du", "de", "del", "della", "dello", "degli", "dei", "di", "do", "da",
    "dos", "das", "van", "het",
];

/// The first of `groups` that matched, with what it stands for.
fn named<'h, T: Copy, const N: usize>(
    caps: &regex::Captures<'h>,
    groups: [(&str, T); N],
) -> Option<(regex::Match<'h>, T)> {
    groups
        .into_iter()
        .find_map(|(name, kind)| caps.name(name).map(|m| (m, kind)))
}

#[cfg(test)]
mod tests {
    use super::super::SourceKind::{self, *};
    use super::super::tests::credits;

    /// The kind of the one credit of `sentence`.
    fn kind(sentence: &str) -> SourceKind {
        let found = credits(sentence);
        assert_eq!(found.len(), 1, "{sentence}: {found:?}");
        found[0].1
    }

    #[test]
    fn a_spokesman_is_named_by_a_name_not_by_whose_spokesman_he_is() {
        // Whose spokesman, after `du`, `des`, `del`, `do`: still unnamed.
        for sentence in [
            "Les pourparlers reprendront en avril, a déclaré le porte-parole du Kremlin.",
            "Die Gespräche sollen im April beginnen, sagte der Sprecher des Auswärtigen Amtes.",
            "Las negociaciones se reanudarán en abril, dijo el portavoz del Kremlin.",
            "Il negoziato riprenderà ad aprile, ha detto il portavoce del Cremlino.",
            "As negociações com Kiev serão retomadas em abril, disse o porta-voz do Kremlin.",
            "Die Gespräche sollen im April beginnen, sagte der Sprecher.",
        ] {
            assert_eq!(kind(sentence), Anonymous, "{sentence}");
        }
        // A name after a comma or right after the title: a person.
        for sentence in [
            "Les pourparlers reprendront en avril, a déclaré le porte-parole du Kremlin, Dmitri Peskov.",
            "Die Gespräche sollen im April beginnen, sagte der Sprecher des Auswärtigen Amtes, Martin Weber.",
            "Die Gespräche sollen im April beginnen, sagte Kremlsprecher Dmitri Peskow.",
            "Las negociaciones se reanudarán en abril, dijo el portavoz Dmitri Peskov.",
            "Les pourparlers reprendront en avril, a déclaré le porte-parole du Kremlin Dmitri Peskov.",
        ] {
            assert_eq!(kind(sentence), Person, "{sentence}");
        }
    }

    /// A body after a place's preposition after the cue is where the speaker spoke, unless the
    /// cue takes no subject (`сообщили в мэрии`: the mayoralty said).
    #[test]
    fn a_body_after_the_cue_is_where_its_subject_spoke() {
        use super::super::Cue;
        for (sentence, source, kind, cue) in [
            (
                "Die Gespräche seien gescheitert, sagte im Kanzleramt ein Sprecher.",
                "ein Sprecher",
                Anonymous,
                Cue::Said,
            ),
            (
                "Die Gespräche seien gescheitert, erklärte im Kreml Dmitri Peskow.",
                "Dmitri Peskow",
                Person,
                Cue::Said,
            ),
            ("Лавров заявил в Кремле.", "Лавров", Person, Cue::Said),
            (
                "Об этом заявили в Кремле.",
                "Кремле",
                Institution,
                Cue::Said,
            ),
        ] {
            assert_eq!(
                credits(sentence),
                [(source.to_string(), kind, cue)],
                "{sentence}"
            );
        }
    }

    /// Sources joined by `and` before their cue speak together; joined after a preposition,
    /// they are its objects.
    #[test]
    fn sources_joined_before_their_cue_speak_together() {
        use super::super::Cue;
        for (sentence, sources, cue) in [
            (
                "Macron et Scholz ont déclaré que les négociations avaient échoué.",
                ["Macron", "Scholz"],
                Cue::Said,
            ),
            (
                "Reuters und AFP berichteten, die Gespräche seien gescheitert.",
                ["Reuters", "AFP"],
                Cue::Reported,
            ),
            (
                "Путин и Си Цзиньпин заявили о партнерстве.",
                ["Путин", "Си Цзиньпин"],
                Cue::Said,
            ),
        ] {
            let found: Vec<(String, Cue)> = credits(sentence)
                .into_iter()
                .map(|(source, _, cue)| (source, cue))
                .collect();
            assert_eq!(found, sources.map(|s| (s.to_string(), cue)), "{sentence}");
        }
        assert_eq!(
            credits("Лавров встретился с Блинкеном и Ваном, сообщили в МИД."),
            [("МИД".to_string(), Institution, Cue::Reported)]
        );
    }

    /// A listed source after a word that opens a sentence is read whole, not as the name the
    /// capitalized run would be without that word (`Selon Le Monde` was the person `Monde`).
    #[test]
    fn a_listed_source_after_an_opening_word_is_read_whole() {
        use super::super::Cue;
        for (sentence, source, kind, cue) in [
            (
                "Selon Le Monde, les négociations ont échoué.",
                "Le Monde",
                Agency,
                Cue::AccordingTo,
            ),
            // The cue itself opens the run of capitals (`D'après`).
            (
                "D'après Le Figaro, les négociations entre le gouvernement et les syndicats ont \
                 échoué mardi soir.",
                "Le Figaro",
                Agency,
                Cue::AccordingTo,
            ),
            (
                "Según El País, las negociaciones fracasaron.",
                "El País",
                Agency,
                Cue::AccordingTo,
            ),
            (
                "Secondo La Repubblica, i negoziati sono falliti.",
                "La Repubblica",
                Agency,
                Cue::AccordingTo,
            ),
            (
                "Ранее Минобороны заявило о переговорах.",
                "Минобороны",
                Institution,
                Cue::Said,
            ),
            // A name stays a name.
            (
                "Selon Sergueï Lavrov, les négociations ont échoué.",
                "Sergueï Lavrov",
                Person,
                Cue::AccordingTo,
            ),
        ] {
            assert_eq!(
                credits(sentence),
                [(source.to_string(), kind, cue)],
                "{sentence}"
            );
        }
    }
}
