//! Pronoun credits: whom `he said`, `it said` and `they said` refer back to. A pronoun's credit
//! (read by `english.rs`) takes the source of the last credit of its kind before it, within
//! [`REACH`] sentences, or within [`REACH_FROM_A_PRONOUN`] of a pronoun's that referred to one:
//! `he` and `she` one person's (`Smith said`, `a spokesman said`), `it` a body's (an institution,
//! an agency or outlet), `they` unnamed people's (`analysts said`). One without such a credit
//! keeps the pronoun as its source. Whether a copy kept such a credit is [`same_pronoun`]'s too.

use super::{Attribution, SourceKind, same_source};

/// How many sentences back a pronoun's credit looks for whom it refers to: the sentence it
/// stands in and the three before it. Further back, another subject the text names without
/// crediting it (`Smith said X. Jones resigned. ... He said`) grows likelier than the credit.
const REACH: usize = 3;

/// How many sentences back a pronoun's credit looks for another pronoun's that referred to
/// someone: the next sentence only. Chains of pronouns hold whom they refer to over longer
/// stretches (`Poehl said ... He said ... he said ... he added`), but a chain that skips
/// sentences runs past new subjects the text names without crediting them (`Kubiak projected
/// ...`, `Seizaburo Sato ... thought ...`): where a chain could skip up to three, two of eight
/// chains read by hand on eval_reuters had run past one.
const REACH_FROM_A_PRONOUN: usize = 1;

/// Whom a pronoun may refer back to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Referent {
    /// One person: `he`, `she`.
    OnePerson,
    /// A company, a ministry, an agency: `it`.
    Body,
    /// Unnamed people in the plural: `they`.
    People,
}

/// The subject pronouns that credit whom they refer to (`, he said`), each with whom it may
/// refer to and the kind of source its credit is until then.
const SUBJECT_PRONOUNS: &[(&str, Referent, SourceKind)] = &[
    ("he", Referent::OnePerson, SourceKind::Person),
    ("she", Referent::OnePerson, SourceKind::Person),
    ("it", Referent::Body, SourceKind::Institution),
    ("they", Referent::People, SourceKind::Anonymous),
];

/// `word`'s entry in [`SUBJECT_PRONOUNS`], in any case.
fn subject_pronoun(word: &str) -> Option<&'static (&'static str, Referent, SourceKind)> {
    SUBJECT_PRONOUNS
        .iter()
        .find(|(pronoun, ..)| word.eq_ignore_ascii_case(pronoun))
}

/// The kind of source `word`'s credit is until whom it refers to is read, where it is a subject
/// pronoun that credits.
pub(super) fn stands_for(word: &str) -> Option<SourceKind> {
    subject_pronoun(word).map(|&(_, _, kind)| kind)
}

/// Whom `pronoun` refers to.
fn referent_of(pronoun: &str) -> Option<Referent> {
    subject_pronoun(pronoun).map(|&(_, referent, _)| referent)
}

/// What a credit (not a pronoun's) may be referred back to as: a named or titled person and
/// one unnamed person (`a spokesman`) as `he`, a body as `it`, unnamed people (`officials`,
/// `sources`) as `they`.
fn referred_to_as(credit: &Attribution) -> Option<Referent> {
    // Unnamed people end on a plural (`Analysts`, `officials`), a body in small letters
    // (`wire reports`; not a name's `Reuters`, `Salomon Brothers`).
    let last = credit.source.split_whitespace().next_back().unwrap_or("");
    let plural = last.ends_with('s') && !last.ends_with("ss");
    let named = last.starts_with(char::is_uppercase);
    match credit.kind {
        SourceKind::Person => Some(Referent::OnePerson),
        SourceKind::Institution | SourceKind::Agency | SourceKind::Document if plural && !named => {
            Some(Referent::People)
        }
        SourceKind::Institution | SourceKind::Agency | SourceKind::Document => Some(Referent::Body),
        SourceKind::Anonymous if plural => Some(Referent::People),
        SourceKind::Anonymous => Some(Referent::OnePerson),
        SourceKind::Staff => None,
    }
}

/// A credit a later pronoun may refer back to.
struct Antecedent {
    source: String,
    kind: SourceKind,
    /// The number of the last sentence whose pronouns may refer to it.
    until: usize,
}

/// The last antecedent of each kind of referent, by `Referent as usize`.
#[derive(Default)]
struct Recent([Option<Antecedent>; 3]);

impl Recent {
    /// Remembers `credit`, of sentence `n`, for pronouns up to `reach` sentences on; where it is
    /// the source remembered already, for as long as either reaches (`Margoshes said X, though
    /// he said Y`: the pronoun does not shorten the name's reach).
    fn remember(&mut self, credit: &Attribution, n: usize, reach: usize) {
        let Some(referent) = referred_to_as(credit) else {
            return;
        };
        let slot = &mut self.0[referent as usize];
        let until = match slot {
            Some(a) if a.source == credit.source => a.until.max(n + reach),
            _ => n + reach,
        };
        *slot = Some(Antecedent {
            source: credit.source.clone(),
            kind: credit.kind,
            until,
        });
    }

    /// The antecedent of `referent` a pronoun in sentence `n` may refer to.
    fn within_reach(&self, referent: Referent, n: usize) -> Option<&Antecedent> {
        self.0[referent as usize].as_ref().filter(|a| n <= a.until)
    }
}

/// Gives each pronoun's credit in `sentences` (one text's credits, sentence by sentence, in
/// reading order) the source and kind of the last credit before it that its pronoun may refer
/// to: in its own sentence or the three before it, or a pronoun's credit in the sentence before
/// (`REACH`, `REACH_FROM_A_PRONOUN`). A pronoun's credit of a source its sentence credits
/// already is none of its own (`Smith said X and he added Y`: Smith once).
pub fn refer_pronouns<'a>(sentences: impl IntoIterator<Item = &'a mut Vec<Attribution>>) {
    let mut recent = Recent::default();
    for (n, credits) in sentences.into_iter().enumerate() {
        for credit in credits.iter_mut() {
            let Some(pronoun) = credit.pronoun.as_deref() else {
                recent.remember(credit, n, REACH);
                continue;
            };
            let Some(referent) = referent_of(pronoun) else {
                continue;
            };
            // `it` refers to a name where no body is credited within reach: the reader takes a
            // company called by its name for a person's (`Endotronics said ... It also said`;
            // on eval_reuters 252 of 305 `it` credits left unreferred had such a name within
            // reach, and 25 of them read by hand were all a company's, a bank's or a
            // publication's).
            let to = recent.within_reach(referent, n).or_else(|| {
                (referent == Referent::Body)
                    .then(|| recent.within_reach(Referent::OnePerson, n))
                    .flatten()
                    .filter(|a| a.kind == SourceKind::Person && only_a_name(&a.source))
            });
            if let Some(to) = to {
                credit.source.clone_from(&to.source);
                credit.kind = to.kind;
                // Whom a pronoun refers to stays in mind as long as pronouns keep referring to
                // it (`Poehl said ... He said ... he said ... he added`).
                recent.remember(credit, n, REACH_FROM_A_PRONOUN);
            }
        }
        credits_once(credits);
    }
}

/// Whether `source`, a person's credit, is a name alone, whose words in small letters (if any)
/// join a company's (`Fruit of the Loom`, `Kahn and Kahn`): no title (`chairman Yousef
/// Shirawi`) nor a name's particle (`Ursula von der Leyen`), which make it a person's for sure.
fn only_a_name(source: &str) -> bool {
    source
        .split_whitespace()
        .all(|w| !w.starts_with(char::is_lowercase) || ["and", "of", "the", "for"].contains(&w))
}

/// Takes out of one sentence's `credits` each pronoun's credit of a source another credit
/// there names, a source's own or an earlier pronoun's.
fn credits_once(credits: &mut Vec<Attribution>) {
    let mut i = 0;
    while i < credits.len() {
        let repeated = credits[i].pronoun.is_some()
            && credits[..i]
                .iter()
                .chain(credits[i + 1..].iter().filter(|c| c.pronoun.is_none()))
                .any(|c| same_source(&c.source, &credits[i].source));
        if repeated {
            credits.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Whether `a` and `b` are credits of one pronoun: a copy that keeps `it said` keeps the
/// credit, whomever the pronoun refers to in each text (the copy may have cut whom, or named it
/// otherwise: what it did to that credit is said where that credit stands).
pub fn same_pronoun(a: &Attribution, b: &Attribution) -> bool {
    match (&a.pronoun, &b.pronoun) {
        (Some(p), Some(q)) => p.eq_ignore_ascii_case(q),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::find;

    /// Each sentence's credits, whom their pronouns refer to read, as (source, pronoun).
    fn referred(text: &[&str]) -> Vec<Vec<(String, Option<String>)>> {
        let mut credits: Vec<Vec<Attribution>> = text.iter().map(|s| find(s)).collect();
        refer_pronouns(credits.iter_mut());
        credits
            .into_iter()
            .map(|c| c.into_iter().map(|a| (a.source, a.pronoun)).collect())
            .collect()
    }

    /// The sources of the pronouns' credits of `text`, sentence by sentence (`None` where a
    /// sentence has none).
    fn pronoun_sources(text: &[&str]) -> Vec<Option<String>> {
        referred(text)
            .into_iter()
            .map(|c| c.into_iter().find(|(_, p)| p.is_some()).map(|(s, _)| s))
            .collect()
    }

    fn some(source: &str) -> Option<String> {
        Some(source.to_string())
    }

    #[test]
    fn each_pronoun_refers_to_the_last_credit_of_its_kind() {
        let text = [
            "The Finance Ministry said revenue rose.",
            "Finance Minister John Smith said costs fell.",
            "It said sales would rise.",
            "He said the plan would work.",
            "Analysts said the shares were cheap.",
            "They said the stock would rise.",
            "A spokesman for the bank said it would wait.",
            "She said the bank would act.",
        ];
        assert_eq!(
            pronoun_sources(&text),
            [
                None,
                None,
                some("The Finance Ministry"),
                some("Finance Minister John Smith"),
                None,
                some("Analysts"),
                None,
                some("A spokesman for the bank"),
            ]
        );
        // Whom a pronoun refers to is of its kind, or the pronoun stays.
        let text = [
            "The ministry said revenue rose.",
            "He said the plan would work.",
            "A spokesman said the bank would wait.",
            "They said the talks would end.",
        ];
        assert_eq!(
            pronoun_sources(&text),
            [None, some("He"), None, some("They")]
        );
    }

    #[test]
    fn a_pronoun_refers_no_further_back_than_its_reach() {
        let mut text = vec!["John Smith said costs fell."];
        text.extend(["The market was quiet."; REACH - 1]);
        text.push("He said the plan would work.");
        assert_eq!(pronoun_sources(&text)[REACH], some("John Smith"));
        text.insert(1, "Prices were steady.");
        assert_eq!(pronoun_sources(&text)[REACH + 1], some("He"));
        // A pronoun that refers to someone carries them to the next sentence's, not further.
        let text = [
            "John Smith said costs fell.",
            "The market was quiet.",
            "Prices were steady.",
            "He said the plan would work.",
            "He added that rates would fall.",
            "Bond prices eased.",
            "He said the bank would act.",
        ];
        assert_eq!(
            pronoun_sources(&text),
            [
                None,
                None,
                None,
                some("John Smith"),
                some("John Smith"),
                None,
                some("He")
            ]
        );
    }

    #[test]
    fn a_pronoun_does_not_shorten_the_reach_of_the_name_it_refers_to() {
        let text = [
            "Margoshes said he recommends Exxon, though he said he is wary of its debt.",
            "Atlantic Richfield rose 1-3/4 to 77.",
            "He said the market could fall.",
        ];
        assert_eq!(pronoun_sources(&text), [None, None, some("Margoshes")]);
    }

    /// A firm's name is a body's: `it` refers to it, `he` and `she` do not.
    #[test]
    fn a_firms_name_is_referred_to_as_it() {
        let text = [
            "Allen and Co Inc said the shares were cheap.",
            "He said the stock would rise.",
        ];
        assert_eq!(pronoun_sources(&text), [None, some("He")]);
        let text = [
            "Smith said the shares were cheap.",
            "Unisys Corp said sales fell.",
            "He said the stock would rise.",
            "It said costs rose.",
        ];
        assert_eq!(
            pronoun_sources(&text),
            [None, None, some("Smith"), some("Unisys Corp")]
        );
    }

    #[test]
    fn it_refers_to_a_name_only_where_no_body_is_credited() {
        let text = ["Endotronics said sales fell.", "It also said costs rose."];
        assert_eq!(pronoun_sources(&text), [None, some("Endotronics")]);
        let text = [
            "Fruit of the Loom Inc said sales fell.",
            "It said costs rose.",
        ];
        assert_eq!(
            pronoun_sources(&text),
            [None, some("Fruit of the Loom Inc")]
        );
        // Not to one a title says is a person.
        let text = [
            "Sales fell, chairman Yousef Shirawi said.",
            "It said costs rose.",
        ];
        assert_eq!(pronoun_sources(&text), [None, some("It")]);
        let text = [
            "The company said sales fell.",
            "John Smith said costs rose.",
            "It said prices would rise.",
        ];
        assert_eq!(pronoun_sources(&text), [None, None, some("The company")]);
        // Not to unnamed people, nor `he` to a name that ends on a plural: `Reuters` is `it`.
        let text = ["A spokesman said sales fell.", "It said costs rose."];
        assert_eq!(pronoun_sources(&text), [None, some("It")]);
        let text = ["Reuters said sales fell.", "It said costs rose."];
        assert_eq!(pronoun_sources(&text), [None, some("Reuters")]);
        let text = ["A witness said the ship sank.", "He said it sank fast."];
        assert_eq!(pronoun_sources(&text), [None, some("A witness")]);
        let text = ["Wire reports said sales fell.", "They said costs rose."];
        assert_eq!(pronoun_sources(&text), [None, some("Wire reports")]);
        // A document speaks as a body: the report is `it`.
        let text = ["The report said sales fell.", "It said costs rose."];
        assert_eq!(pronoun_sources(&text), [None, some("The report")]);
    }

    #[test]
    fn a_source_is_credited_once_in_a_sentence() {
        let got = referred(&["The talks ended, Kuroda said, and he said the yen would fall."]);
        assert_eq!(got, [[("Kuroda".to_string(), None)]]);
        let got = referred(&[
            "Kuroda said the talks ended.",
            "He said the yen would fall, and he added that rates would rise.",
        ]);
        assert_eq!(got[1], [("Kuroda".to_string(), Some("He".to_string()))]);
    }

    #[test]
    fn one_pronoun_is_one_credit_whomever_it_refers_to() {
        let pronoun = |source: &str, pronoun: &str| Attribution {
            source: source.into(),
            kind: SourceKind::Person,
            cue: "said".into(),
            cue_kind: super::super::Cue::Said,
            pronoun: Some(pronoun.into()),
        };
        assert!(same_pronoun(&pronoun("Smith", "He"), &pronoun("he", "he")));
        assert!(same_pronoun(
            &pronoun("Smith", "He"),
            &pronoun("Jones", "he")
        ));
        assert!(!same_pronoun(
            &pronoun("Smith", "He"),
            &pronoun("Smith", "she")
        ));
        let named = Attribution {
            pronoun: None,
            ..pronoun("Smith", "He")
        };
        assert!(!same_pronoun(&pronoun("Smith", "He"), &named));
    }
}
