use super::*;
use crate::attribution::tests::{assert_credits, credits, sources};
use crate::attribution::{find, same_source};

/// Words and marks English credits are made of, and some that are not ASCII, `|` between.
const SOURCE_WORDS: &str = "RIA Novosti|Reuters|AP|the|The|Russian|Foreign|Ministry|said|according|to|citing|state|\
     media|news|agency|official|sources|a|spokesman|President|Vladimir|Putin|Kremlin|O’Brien|\
     —|“|”|,|.|U.S.|daily|Fraternite|Matin|Western|diplomats|police|of|Iran|told|Peskov|\
     Times|Journal|'s|José|Ångström|µ|ſources|KREMLIN|minister|1.5|£|½|…|Zvezda|Gazprom|organization";

/// The English source patterns as one alternation, a capture group each: `k0`, `k1`, ...
static SOURCE_ALTERNATION: LazyLock<Regex> = LazyLock::new(|| {
    let alternatives: Vec<String> = source_patterns(&ANY_SCRIPT)
        .iter()
        .enumerate()
        .map(|(i, p)| format!("(?P<k{i}>{p})"))
        .collect();
    normalize::text_pattern(&alternatives.join("|"))
});

/// What `regex` finds in `sentence` from `from` on: each match and its pattern.
fn found(regex: &meta::Regex, sentence: &str, from: usize) -> Vec<(Range<usize>, usize)> {
    regex
        .find_iter(Input::new(sentence).range(from..))
        .map(|m| (m.range(), m.pattern().as_usize()))
        .collect()
}

#[test]
fn a_text_read_with_ascii_letters_holds_no_other_letter() {
    // Every character besides ASCII that such a text may hold, checked against the letter
    // and mark classes and case-insensitive ASCII letters (`K`, Kelvin, is a `k`).
    let letter = Regex::new(r"[\p{L}\p{M}]|(?i:[a-z])").unwrap();
    let mut buf = [0u8; 4];
    let allowed: Vec<char> = ('\u{80}'..=char::MAX)
        .filter(|c| latin_letters_only(c.encode_utf8(&mut buf)))
        .collect();
    for c in [
        '’', '“', '—', '…', '\u{a0}', '\u{2009}', '£', '€', '«', '°', '½',
    ] {
        assert!(allowed.contains(&c), "{c:?}");
    }
    for c in allowed {
        assert!(
            !letter.is_match(c.encode_utf8(&mut buf)),
            "U+{:04X}",
            c as u32
        );
    }
    for text in [
        "Fran\u{e7}ois Hollande said",
        "\u{b5}",
        "\u{212a}remlin",
        "\u{17f}ources",
    ] {
        assert!(!latin_letters_only(text), "{text}");
    }
}

proptest::proptest! {
    /// In a text of ASCII letters the ASCII-letter sources are the any-script ones; and
    /// either automaton finds, from any word on, what the patterns' alternation with a
    /// group each finds, kind for kind (the first pattern where two match at one place).
    #[test]
    fn one_automaton_finds_the_sources_of_the_alternation(
        words in proptest::collection::vec(proptest::sample::select(SOURCE_WORDS.split('|').collect::<Vec<_>>()), 0..24),
        gaps in proptest::collection::vec(proptest::sample::select(&[" ", " ", "\u{a0}", "\n"][..]), 24),
        start in 0usize..24,
    ) {
        let mut sentence = String::new();
        let mut from = 0;
        for (i, (w, gap)) in words.iter().zip(&gaps).enumerate() {
            if i == start {
                from = sentence.len();
            }
            sentence.push_str(w);
            sentence.push_str(gap);
        }
        let alternation = &*SOURCE_ALTERNATION;
        let mut expected = Vec::new();
        let mut at = from;
        while let Some(caps) = alternation.captures_at(&sentence, at) {
            let m = caps.get(0).unwrap();
            let kind = (0..SOURCE_KINDS.len()).find(|i| caps.name(&format!("k{i}")).is_some()).unwrap();
            expected.push((m.range(), kind));
            proptest::prop_assert!(!m.is_empty());
            at = m.end();
        }
        proptest::prop_assert_eq!(&found(&SOURCE[0], &sentence, from), &expected);
        if latin_letters_only(&sentence) {
            proptest::prop_assert_eq!(&found(&SOURCE[1], &sentence, from), &expected);
        }
    }
}

proptest::proptest! {
    /// The words counted between two offsets from where words start are the words
    /// `split_whitespace` finds there, offsets inside words, in spaces or at the ends alike.
    #[test]
    fn words_between_two_offsets_are_counted_as_split_whitespace_counts_them(
        text in "([a-zé,]{1,4}|[ \u{a0}\n]{1,2}){0,20}",
        a in 0usize..80,
        b in 0usize..80,
    ) {
        let boundary = |i: usize| {
            let i = i.min(text.len());
            (0..=i).rev().find(|&j| text.is_char_boundary(j)).unwrap()
        };
        let (a, b) = (boundary(a), boundary(b));
        let (low, high) = (a.min(b), a.max(b));
        proptest::prop_assert_eq!(
            Words::of(&text).between(a, b),
            text[low..high].split_whitespace().count()
        );
    }
}

#[test]
fn seed_style_double_attribution() {
    let s = "Citing the Russian Foreign Ministry, Russian media RIA Novosti said on Friday that Trump extended the invitation.";
    let got = sources(s);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(same_source(&got[0].0, "Russian Foreign Ministry"));
    assert_eq!(got[0].1, Cue::Citing);
    assert!(same_source(&got[1].0, "RIA Novosti"));
    assert_eq!(got[1].1, Cue::Said);
}

#[test]
fn boundaries_hold_around_curly_quotes_and_inside_words() {
    // ASCII word boundaries: an agency's letters inside a longer word are no agency, and a
    // source right after a curly quote or dash is still one.
    let got = sources("“RAPID growth in APAC,” TASS said.");
    assert_eq!(got, vec![("TASS".to_string(), Cue::Said)]);
    let got = sources("The talks resume in April—according to Xinhua.");
    assert_eq!(got, vec![("Xinhua".to_string(), Cue::AccordingTo)]);
}

/// A company's name is read whole, however many words it runs to, and one credit: its
/// last words are not a second source (`Co`, `Markets`), and a copy that leaves out its
/// first words credits the same company.
#[test]
fn long_names_are_one_source() {
    for (sentence, name) in [
        (
            "Ayer Hitam Tin Dredging Malaysia Bhd told reporters it planned to raise capital.",
            "Ayer Hitam Tin Dredging Malaysia Bhd",
        ),
        (
            "F. W. Woolworth Co said sales rose 0.2 pct.",
            "F. W. Woolworth Co",
        ),
        (
            "Waseda University Political Science Professor Mitsuru Uchida said the plan would fail.",
            "Waseda University Political Science Professor Mitsuru Uchida",
        ),
    ] {
        assert_eq!(sources(sentence), vec![(name.to_string(), Cue::Said)]);
    }
    // Words joined by `and` or `of` are one name.
    for (sentence, name) in [
        (
            "Pacific Gas and Electric Co said it would buy back bonds.",
            "Pacific Gas and Electric Co",
        ),
        (
            "Dynamics Corp of America said it reached an agreement.",
            "Dynamics Corp of America",
        ),
        (
            "\"The offer stands,\" said Joel Fischer of Drexel Burnham Lambert.",
            "Joel Fischer of Drexel Burnham Lambert",
        ),
        ("A and P said the acquisition added to sales.", "A and P"),
        (
            "The debt will fall, Duff and Phelps said.",
            "Duff and Phelps",
        ),
    ] {
        assert_eq!(sources(sentence), vec![(name.to_string(), Cue::Said)]);
    }
    // An institution keeps its company suffix, and one read from inside a phrase starts
    // after its preposition.
    for (sentence, name) in [
        (
            "Moody's Investors Service Inc said it downgraded the debt.",
            "Moody's Investors Service Inc",
        ),
        (
            "California Water Service Co said its shareholders approved a split.",
            "California Water Service Co",
        ),
        (
            "His estimates come after the company told analysts that earnings would grow.",
            "the company",
        ),
    ] {
        let got = credits(sentence);
        assert_eq!(
            got,
            vec![(name.to_string(), SourceKind::Institution, Cue::Said)]
        );
    }
    let copy = sources("Woolworth Co said sales rose 0.2 pct.");
    assert!(same_source(&copy[0].0, "F. W. Woolworth Co"));
}

/// An institution's name read after other small words starts at its own article, as if the
/// comma left out were there.
#[test]
fn an_article_starts_an_institution_anew() {
    use SourceKind::{Agency, Institution};
    for (sentence, source, kind) in [
        (
            "In a statement the agency cited unusual demand.",
            "the agency",
            Institution,
        ),
        (
            "In its report the ministry said exports fell.",
            "the ministry",
            Institution,
        ),
        (
            "Profit rose last year and the company said sales would grow.",
            "the company",
            Institution,
        ),
        (
            "The state news agency said the talks had ended.",
            "The state news agency",
            Agency,
        ),
    ] {
        assert_credits(sentence, &[(source, kind)]);
    }
}

/// A place right before the cue, after a preposition, is where the speaker is, not who;
/// after `by` or `for` it is whose words they are.
#[test]
fn a_place_after_a_preposition_does_not_speak() {
    for (sentence, expected) in [
        (
            "Government officials in the rest of Europe told reporters they would wait.",
            &["Government officials"][..],
        ),
        (
            "Bankers and economists in Bangkok said they expect growth.",
            &["Bankers", "economists"][..],
        ),
        (
            "The two firms took note with regret, a statement by Enof said.",
            &["Enof"][..],
        ),
        (
            "The airline had no comment, a spokesman for Usair said.",
            &["a spokesman for Usair"][..],
        ),
        (
            "A British naval source in the Gulf said Iran had tested its missiles.",
            &["A British naval source"][..],
        ),
        (
            "It was a good deal, a spokesman for the Commission said.",
            &["a spokesman for the Commission"][..],
        ),
        // A name of several words after a preposition that places it is no speaker either;
        // after `of` it is whose words they are, and after `at` whose people they are.
        (
            "The dollar fell after foreign exchange traders in New York said the Fed bought.",
            &["traders"][..],
        ),
        (
            "A source at General Partners said it would apply for authority.",
            &["A source at General Partners"][..],
        ),
        // Whom a source is close to is read with it.
        (
            "A source close to General Partners said it would apply for authority.",
            &["A source close to General Partners"][..],
        ),
        (
            "An aide to Rep. Charles Schumer, the sponsor, said it is expected to pass.",
            &["An aide"][..],
        ),
        (
            "One official attending talks with Finance Minister Dilson Funaro said they came.",
            &[][..],
        ),
        // ... nor one in brackets, an aside to what is outside them.
        (
            "A high commission (embassy) statement said the grain would be shipped soon.",
            &["A high commission"][..],
        ),
        (
            "The company (a unit of Hanson Trust) said it would sell the mill.",
            &["The company"][..],
        ),
        // ... but an agency's brackets are a dateline's, its dash left out.
        (
            "WASHINGTON, March 8 (Reuters) Humana Inc said its board approved a rights plan.",
            &["Reuters", "Humana Inc"][..],
        ),
        (
            "Sources at the construction ministry said it plans to cut the number of firms.",
            &["Sources at the construction ministry"][..],
        ),
        (
            "Demand keeps climbing, Gene Cartledge, chairman of Union Camp said.",
            &["Gene Cartledge", "Union Camp"][..],
        ),
    ] {
        let got = sources(sentence);
        let got: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(got, expected, "{sentence}");
    }
}

/// A bank, a group, a board ... is an institution where nothing continues its name or
/// makes it a modifier; the words read before it never run over a cue.
#[test]
fn a_bank_or_a_group_speaks_where_its_name_ends() {
    use SourceKind::{Institution, Person};
    for (sentence, expected) in [
        (
            "The Bank of England said it provided the market with 20 mln stg.",
            &[("The Bank of England", Institution)][..],
        ),
        (
            "Reserves rose to 51 billion dlrs, the central bank said.",
            &[("the central bank", Institution)][..],
        ),
        (
            "The rise was confirmed, according to the association.",
            &[("the association", Institution)][..],
        ),
        (
            "The Shamrock shareholder group said its members pledged not to sell.",
            &[("The Shamrock shareholder group", Institution)][..],
        ),
        (
            "Picketing will start today, the guild said.",
            &[("the guild", Institution)][..],
        ),
        (
            "The Writers Guild of America said its members had struck.",
            &[("The Writers Guild of America", Institution)][..],
        ),
        (
            "The partnership said the units would be offered next month.",
            &[("The partnership", Institution)][..],
        ),
        (
            "The centre said the outlook remained favourable.",
            &[("The centre", Institution)][..],
        ),
        (
            "The institutes said taxes should be cut.",
            &[("The institutes", Institution)][..],
        ),
        (
            "Sears told reporters its Allstate Insurance Group reported higher income.",
            &[
                ("Sears", Person),
                ("its Allstate Insurance Group", Institution),
            ][..],
        ),
        // A keyword that starts a longer name, or modifies what follows, is no source
        // of its own.
        (
            "The group said the bank would pay the debt.",
            &[("The group", Institution)][..],
        ),
        (
            "The group, which owns the mill, said profits rose.",
            &[("The group", Institution)][..],
        ),
        (
            "Bank Negara Malaysia said reserves rose.",
            &[("Bank Negara Malaysia", Person)][..],
        ),
        (
            "Russell said the bank had two statutory responsibilities.",
            &[("Russell", Person)][..],
        ),
        (
            "“Rates will follow,” the Chancellor told Parliament.",
            &[("the Chancellor", Person)][..],
        ),
    ] {
        assert_credits(sentence, expected);
    }
    for sentence in [
        "The union officials said the strike would go on.",
        "The managing board chairman said profits rose.",
    ] {
        assert!(
            credits(sentence).iter().all(|(_, k, _)| *k != Institution),
            "{sentence}: {:?}",
            credits(sentence)
        );
    }
}

/// A pronoun right before a cue is its speaker: a name further back is what the sentence
/// is about, not who said it.
#[test]
fn a_pronoun_before_its_cue_is_the_speaker() {
    // No comma parts the name from the cue here (one comma would: see
    // `a_name_a_clause_before_the_cue_is_not_its_speaker`): the pronoun alone does.
    // After `which` the pronoun is a credit of its own (of whom it refers to, see `pronouns.rs`).
    let got = sources(
        "Salomon Brothers Inc said it has acquired debentures of Harcourt Brace Jovanovich Inc which it says could be converted into shares.",
    );
    assert_eq!(
        got,
        vec![
            ("Salomon Brothers Inc".to_string(), Cue::Said),
            ("it".to_string(), Cue::Said)
        ]
    );
    let got = sources(
        "The company allotted new shares to Warburg Securities Ltd which it said would finance the purchase.",
    );
    assert_eq!(got, vec![("it".to_string(), Cue::Said)]);
    let got =
        sources("Although Lawson denounced what he said was a wave of fear, markets held steady.");
    assert_eq!(got, vec![]);
    // A pronoun that opens a clause is a credit of its own, of whom it refers to (see
    // `pronouns.rs`): the names before it are what was said.
    let got = sources("Buyers include Saudi Arabia, Qatar and Mexico, they said.");
    assert_eq!(got, vec![("they".to_string(), Cue::Said)]);
    // Beside its cue a name still speaks.
    let got = sources("The talks ended, Kuroda said, and he said the yen would fall.");
    assert_eq!(
        got,
        vec![
            ("Kuroda".to_string(), Cue::Said),
            ("he".to_string(), Cue::Said)
        ]
    );
}

/// A subject pronoun that opens a clause before a cue is a credit of the pronoun, of the kind of
/// source it stands for (whom it refers to is `pronouns.rs`'s), in order among the sentence's
/// other credits; not one inside a quotation, after `that`, before a passive or a cue that cites.
#[test]
fn a_pronoun_that_opens_a_clause_before_its_cue_is_a_credit() {
    use SourceKind::{Anonymous, Institution, Person};
    for (sentence, pronoun, kind) in [
        ("He said the talks would resume.", "He", Person),
        ("The talks will resume, she said.", "she", Person),
        ("It also said profits rose.", "It", Institution),
        ("Profits rose 10 pct, it reported.", "it", Institution),
        ("\"We will go,\" they told reporters.", "they", Anonymous),
        (
            "Prices fell and they later said the market was weak.",
            "they",
            Anonymous,
        ),
        (
            "Prices fell; however it said the market was weak.",
            "it",
            Institution,
        ),
        ("The market - he added - was weak.", "he", Person),
        ("Smith, he said, will resign.", "he", Person),
        (
            "He defended the plan, which he said would cut costs.",
            "he",
            Person,
        ),
        // The close of a quotation opened in an earlier sentence.
        ("We sold it all,\" he said.", "he", Person),
        (
            "We sold it all.\" He said the market was weak.",
            "He",
            Person,
        ),
        (
            "The deal \"is dead\" and \"buried,\" he said.",
            "he",
            Person,
        ),
    ] {
        let got = find(sentence);
        assert_eq!(got.len(), 1, "{sentence}: {got:?}");
        assert_eq!(
            (
                got[0].source.as_str(),
                got[0].kind,
                got[0].pronoun.as_deref()
            ),
            (pronoun, kind, Some(pronoun)),
            "{sentence}"
        );
    }
    for sentence in [
        "\"He said no to the plan,\" the official told reporters.",
        "“He said no to the plan,” the official told reporters.",
        "Smith said that he told the bank of the loss.",
        "It was reported that the talks ended.",
        "He was quoted as saying the talks would end.",
        "It cited rising costs.",
        "\"The plan is dead, he said, and so is the deal,\" the official told reporters.",
        "“The plan is dead, he said, and so is the deal,” the official told reporters.",
        "We sold. \"Prices, he said, will fall,\" the official told reporters.",
        "Prices fell (\"he said no\") on Monday.",
    ] {
        let pronouns: Vec<_> = find(sentence)
            .into_iter()
            .filter(|a| a.pronoun.is_some())
            .collect();
        assert_eq!(pronouns, [], "{sentence}");
    }
    // In order among the other credits: the pronoun's before a source cited after it.
    let got = sources("He said, citing Interfax, that the talks would resume.");
    assert_eq!(
        got,
        vec![
            ("He".to_string(), Cue::Said),
            ("Interfax".to_string(), Cue::Citing)
        ]
    );
}

/// A cue after `and` or `but` that nobody speaks shares the subject its sentence opens with, a
/// source's or a pronoun's; not a word read as a name that is no subject, nor one inside a
/// quotation.
#[test]
fn a_cue_after_and_shares_the_subject_that_opens_its_sentence() {
    use SourceKind::{Anonymous, Institution, Person};
    for (sentence, source, kind) in [
        (
            "Irving rejected the bid as inadequate and said it would stay independent.",
            "Irving",
            Person,
        ),
        (
            "Earlier this month, Irving rejected the bid and said it would stay independent.",
            "Irving",
            Person,
        ),
        (
            "Wright, a Texas Democrat, conceded the vote but said the fight goes on.",
            "Wright",
            Person,
        ),
        (
            "President Reagan accused the Soviet Union of breaking the treaty, but said talks would go on.",
            "President Reagan",
            Person,
        ),
        (
            "The company, in a detailed report, estimated the harvest at 8 mln tonnes and said exports would rise.",
            "The company",
            Institution,
        ),
        (
            "The share market analysts saw no problems but told reporters the timing was poor.",
            "The share market analysts",
            Anonymous,
        ),
        (
            "Smith said rates would fall and said a cut could help.",
            "Smith",
            Person,
        ),
        (
            "Earlier this month Caesars World rejected the bid and said it would stay independent.",
            "Caesars World",
            Person,
        ),
        (
            "Analysts expect Texaco to lose the case and said the stock would fall.",
            "Analysts",
            Anonymous,
        ),
        (
            "On Friday the company rejected the bid and said it would appeal.",
            "the company",
            Institution,
        ),
        (
            "Two days later Smith rejected the bid and said it was low.",
            "Smith",
            Person,
        ),
        (
            "Smith rejected the offer from the company, a rival, and said it was low.",
            "Smith",
            Person,
        ),
        (
            "Martell was skeptical of the claim, and said the harvest was smaller.",
            "Martell",
            Person,
        ),
        (
            "Mulroney later conceded the point but said it was late.",
            "Mulroney",
            Person,
        ),
        (
            "Dome spokesman Annesley declined to name a price, but later said it was too low.",
            "Dome spokesman Annesley",
            Person,
        ),
        (
            "Finance ministers agreed on the need to act but said more was needed.",
            "Finance ministers",
            Anonymous,
        ),
    ] {
        assert_eq!(sources(sentence).len(), 1, "{sentence}");
        assert_eq!(
            credits(sentence)[0],
            (source.into(), kind, Cue::Said),
            "{sentence}"
        );
    }
    for (sentence, pronoun) in [
        (
            "He declined to quantify the shortage but said it cut earnings.",
            "He",
        ),
        ("Earlier, he rejected the bid and said it was low.", "he"),
    ] {
        let got = find(sentence);
        assert_eq!(
            got.iter().map(|a| a.pronoun.as_deref()).collect::<Vec<_>>(),
            [Some(pronoun)],
            "{sentence}"
        );
    }
    for sentence in [
        "\"We sold it all and said nothing,\" the official told reporters.",
        "Irving rejected the bid: \"We met and said no,\" a director told reporters.",
        "Leeds expects rates to hold and said the Fed would wait.",
        "Shares in Caesars World rose 2 pct on Monday and said nothing.",
    ] {
        let shared: Vec<_> = find(sentence)
            .into_iter()
            .filter(|a| a.cue != "told")
            .collect();
        assert_eq!(shared, [], "{sentence}");
    }
}

/// A time before a body is when it spoke, no part of its name.
#[test]
fn a_time_before_a_body_is_no_part_of_it() {
    for sentence in [
        "Yesterday the company said it would appeal.",
        "Last week the company said it would appeal.",
        "On Friday the company said it would appeal.",
    ] {
        assert_eq!(
            credits(sentence),
            [("the company".into(), SourceKind::Institution, Cue::Said)],
            "{sentence}"
        );
    }
    assert_eq!(
        sources("The Monday Committee said it would appeal.")[0].0,
        "The Monday Committee"
    );
}

/// A document named by what it is speaks for whoever put it out, where no name says whose it
/// is; not one its source spoke in, nor what was said of it.
#[test]
fn a_document_is_a_source_where_no_name_says_whose() {
    use SourceKind::{Document, Institution, Person};
    for (sentence, source, cue) in [
        (
            "Prices will rise, the statement said.",
            "the statement",
            Cue::Said,
        ),
        (
            "The report also said prices would rise.",
            "The report",
            Cue::Said,
        ),
        (
            "The joint communique said the talks had ended.",
            "The joint communique",
            Cue::Said,
        ),
        (
            "According to the survey, prices rose.",
            "the survey",
            Cue::AccordingTo,
        ),
        (
            "A bank statement said rates would rise.",
            "A bank statement",
            Cue::Said,
        ),
        (
            "The study, released on Monday, said prices rose.",
            "The study",
            Cue::Said,
        ),
        (
            "Prices rose, its annual report said.",
            "its annual report",
            Cue::Said,
        ),
        // A time in the possessive is no owner.
        (
            "Friday's statement said prices rose.",
            "Friday's statement",
            Cue::Said,
        ),
        (
            "Last week's report said prices rose.",
            "Last week's report",
            Cue::Said,
        ),
    ] {
        assert_eq!(
            credits(sentence),
            [(source.into(), Document, cue)],
            "{sentence}"
        );
    }
    for (sentence, source, kind) in [
        (
            "In a statement, the ministry said prices rose.",
            "the ministry",
            Institution,
        ),
        (
            "In a sworn statement, Ward, a lawyer, said the firm failed.",
            "Ward",
            Person,
        ),
        (
            "Smith said in a statement that prices rose.",
            "Smith",
            Person,
        ),
        (
            "A Finance Ministry statement said prices rose.",
            "Finance Ministry",
            Institution,
        ),
        // Whose it is, in the possessive or named in small letters before it.
        (
            "The ministry's statement said prices rose.",
            "The ministry",
            Institution,
        ),
        (
            "The Kremlin's statement said the talks would resume.",
            "The Kremlin",
            Institution,
        ),
        (
            "The unions' statement said the strike would go on.",
            "The unions",
            Institution,
        ),
        (
            "The minister's statement said prices rose.",
            "The minister",
            Person,
        ),
        (
            "Reuters' report said prices rose.",
            "Reuters",
            SourceKind::Agency,
        ),
        (
            "Japan's statement said the talks would resume.",
            "Japan",
            Institution,
        ),
        (
            "Exports fell, the ministry document said.",
            "the ministry",
            Institution,
        ),
        (
            "Tariffs will do little, a government study said.",
            "a government",
            Institution,
        ),
        (
            "The company said its report was wrong.",
            "The company",
            Institution,
        ),
    ] {
        assert_eq!(
            credits(sentence),
            [(source.into(), kind, Cue::Said)],
            "{sentence}"
        );
    }
    // Given back as what follows the document.
    assert!(
        AFTER_A_DOCUMENT
            .iter()
            .all(|word| AFTER_KEYED.contains(word))
    );
    for sentence in [
        "The report showed prices rose.",
        "Smith denied the report.",
        "Analysts said the report, due on Monday, would show a rise.",
    ] {
        let documents: Vec<_> = find(sentence)
            .into_iter()
            .filter(|a| a.kind == Document)
            .collect();
        assert_eq!(documents, [], "{sentence}");
    }
}

/// What follows `said` is its source only where the cue has no subject before it.
#[test]
fn a_source_follows_its_cue_only_after_what_was_said() {
    for (sentence, speaker) in [
        (
            "\"There is more stimulus than was thought,\" said Shultz, speaking from Washington.",
            "Shultz",
        ),
        (
            "The yen will fall, said a senior official.",
            "a senior official",
        ),
        ("Said Peskov: the talks will resume.", "Peskov"),
        // Wire copy's `told reporters`, inverted: past whom it was told.
        (
            "\"The EC is no more illiberal,\" told reporters Martin Wolf, director of studies.",
            "Martin Wolf",
        ),
        ("\"It follows,\" told reporters Wolf.", "Wolf"),
        (
            "\"Prices will fall,\" told reporters analyst Jeff Carney at Merrill Lynch.",
            "Jeff Carney",
        ),
    ] {
        assert_eq!(sources(sentence), vec![(speaker.to_string(), Cue::Said)]);
    }
    // Only the press was told: other listeners, or the source told no one, credit nobody.
    for sentence in [
        "\"It follows,\" told Wolf.",
        "\"It follows,\" told investors Wolf.",
        "\"It follows,\" said reporters Wolf.",
    ] {
        assert_eq!(sources(sentence), vec![], "{sentence}");
    }
    let got = sources("The official said Ecuador could resume exports after repairs.");
    assert_eq!(got, vec![("The official".to_string(), Cue::Said)]);
    assert_eq!(
        sources("They said Japan has been the main source of concern."),
        vec![("They".to_string(), Cue::Said)]
    );
    assert_eq!(
        sources("Shultz said West Germany would do well to look at it."),
        vec![("Shultz".to_string(), Cue::Said)]
    );
}

/// A name in a clause of its own, a comma between it and the cue, is not the speaker; one
/// set off by two commas between a speaker and the cue is an aside.
#[test]
fn a_name_a_clause_before_the_cue_is_not_its_speaker() {
    let got = sources(
        "The change reflects only interim rates approved by the Commission, Pacific Gas said.",
    );
    assert_eq!(got, vec![("Pacific Gas".to_string(), Cue::Said)]);
    let got = sources(
        "Edward White, analyst with Hutton Group Inc, said the effect would show in April.",
    );
    assert_eq!(got, vec![("Edward White".to_string(), Cue::Said)]);
    let got = sources("The party's leader, Khaleda Zia, told a news conference.");
    assert_eq!(got, vec![("Khaleda Zia".to_string(), Cue::Said)]);
    // A surname alone speaks across an aside, unless a preposition, an article or `and`
    // makes it part of something else.
    let got = sources("Shultz, speaking from Washington, said the talks would resume.");
    assert_eq!(got, vec![("Shultz".to_string(), Cue::Said)]);
    let got = sources("In Venice, Shultz, speaking to reporters, said the talks would resume.");
    assert_eq!(got, vec![("Shultz".to_string(), Cue::Said)]);
    const NOT_SPEAKERS: [&str; 9] = [
        "Mabon",
        "Malaysia",
        "Industry",
        "Dan",
        "Tweed",
        "Arkansas",
        "Co",
        "Sweetex",
        "Kestrel Investments Ltd",
    ];
    for sentence in [
        "Robert Reitzes, analyst at Mabon, Nugent and Co, said sales would rise.",
        "Mine officials in Malaysia, the leading producer, told reporters output fell.",
        "The Minister of Finance and Industry, Ahmed al-Tayer, told reporters output fell.",
        "The army newspaper Quan Doi Nhan Dan, monitored here, said soldiers must work harder.",
        "Peter Mortimer, a partner in the firm Milbank, Tweed, Hadley and McCloy, noted the rules.",
        "Rain fell in Tennessee, Arkansas, Alabama and Louisiana, said Ron Burgess.",
        "Hall and Co, an insurance and brokerage firm, said it has joined the venture.",
        // The object in a relative clause speaks no cue past the clause.
        "Demand for diet colas, most of which use Sweetex, made up the loss, said Ann Berg.",
        "Harbour Holdings, which is owned by Kestrel Investments Ltd, a listed firm, said it sold.",
    ] {
        let got = sources(sentence);
        assert!(
            !got.iter().any(|(s, _)| NOT_SPEAKERS.contains(&s.as_str())),
            "{sentence}: {got:?}"
        );
    }
    // A relative clause's own cue credits its sources; its subject speaks across an aside.
    let got = sources("The shares, which most Tokyo analysts said were cheap, fell.");
    assert_eq!(got, vec![("Tokyo analysts".to_string(), Cue::Said)]);
    let got = sources("The plan, which Reuters, citing bankers, reported last week, was dropped.");
    assert_eq!(
        got,
        vec![
            ("Reuters".to_string(), Cue::Reported),
            ("bankers".to_string(), Cue::Citing)
        ]
    );
    let got = sources("Sergei Lavrov, in Paris for talks, said the talks would resume.");
    assert_eq!(got, vec![("Sergei Lavrov".to_string(), Cue::Said)]);
    // An aside of a role, its closing comma missing, still names the speaker; a plural
    // after the comma is another source.
    let got = sources("Dr Joseph Latino, director of research at Medizone said the therapy works.");
    assert_eq!(got, vec![("Dr Joseph Latino".to_string(), Cue::Said)]);
    let got = sources("Prices will rise, Burnell Roberts, chairman and chief executive said.");
    assert_eq!(got, vec![("Burnell Roberts".to_string(), Cue::Said)]);
    let got = sources("Rates were approved by the Commission, analysts said.");
    assert_eq!(got, vec![("analysts".to_string(), Cue::Said)]);
    // A conjunction between a source and a cue opens the cue's own clause.
    let got = sources("Analysts began selling after the company said it would close the plant.");
    assert_eq!(got, vec![("the company".to_string(), Cue::Said)]);
    let got = sources("Rigs rose in the Far East while cuts were reported in Europe.");
    assert_eq!(got, vec![]);
    let got = sources("Dmitry Peskov, speaking after the talks, said the deal was fair.");
    assert_eq!(got, vec![("Dmitry Peskov".to_string(), Cue::Said)]);
}

/// A name before a noun after `cited` or `quoting` is what it describes, not a source;
/// before what it put out or its people, it is one.
#[test]
fn a_name_describing_what_is_cited_is_no_source() {
    for (sentence, described) in [
        (
            "Moody's also cited a strong New Jersey economy.",
            "New Jersey",
        ),
        (
            "He cited an Iranian Silkworm missile strike last Friday in Kuwait waters.",
            "Iranian Silkworm",
        ),
        (
            "S and P cited the American Express banking unit's decision to set aside reserves.",
            "American Express",
        ),
    ] {
        let got = credits(sentence);
        assert!(
            !got.iter().any(|(s, _, _)| s == described),
            "{sentence}: {got:?}"
        );
    }
    for (sentence, source) in [
        (
            "The paper, citing TASS reports, said the talks failed.",
            "TASS",
        ),
        (
            "Wheat exports fell, the authority said, quoting Customs and Excise figures.",
            "Customs and Excise",
        ),
        (
            "JIJI quoted Bank of Japan sources as saying it was concerned.",
            "Bank of Japan sources",
        ),
        (
            "The Manila Standard quoted Rolando Arrivillaga, World Bank representative in \
             Manila, as saying the loan was agreed.",
            "World Bank",
        ),
    ] {
        let got = credits(sentence);
        assert!(
            got.iter().any(|(s, _, _)| s == source),
            "{sentence}: {got:?}"
        );
    }
}

/// An aside between a speaker and the cue: its commas are no words, a description in it is
/// who the speaker is, and after it what follows the cue is what was said.
#[test]
fn an_aside_says_who_the_speaker_is() {
    use SourceKind::{Anonymous, Institution, Person};
    // A description set off by commas right before the cue is no second source ...
    for (sentence, speaker, kind) in [
        (
            "Bruce Wilkinson, president of the company, said the charges were large.",
            "Bruce Wilkinson",
            Person,
        ),
        (
            "Felix Meier, a senior party official, told Reuters the rules were weak.",
            "Felix Meier",
            Person,
        ),
        (
            "Hydro-Quebec, the provincially-owned utility, said it would export power.",
            "Hydro-Quebec",
            Person,
        ),
        (
            "Den Norske Creditbank, Norway's biggest bank, said the boom was over.",
            "Den Norske Creditbank",
            Person,
        ),
        (
            "Treybig, who founded the Cupertino, Calif.-based firm, stated he saw a rebound.",
            "Treybig",
            Person,
        ),
        (
            "Prices rose, the company, a unit of the group, said.",
            "the company",
            Institution,
        ),
        // ... but a name so set off is the speaker, and a source not closed on the cue is
        // one.
        (
            "Lead manager for the issue, Bank of Tokyo, said the deal was priced.",
            "Bank of Tokyo",
            Institution,
        ),
        (
            "In Brussels, the Commission, which proposed the cut, said prices would fall.",
            "the Commission",
            Institution,
        ),
        (
            "In March, a senior party official said the rules were weak.",
            "a senior party official",
            Anonymous,
        ),
        // An aside's commas are no words: six words of it still let the speaker before it
        // speak (seven counted with the comma); outside an aside, a comma counts.
        (
            "Felix Meier, a spokesman for the Finance Ministry, said the rules were weak.",
            "Felix Meier",
            Person,
        ),
        (
            "Batra, a professor at Southern Methodist University, told Reuters it was time.",
            "Batra",
            Person,
        ),
        (
            "The sources, who asked not to be named, told reporters the plan was dead.",
            "The sources",
            Anonymous,
        ),
        (
            "Dillard Department Stores Inc, based in Little Rock, Ark., and Allied Stores Corp jointly said they agreed.",
            "Allied Stores Corp",
            Institution,
        ),
        // After an aside, what follows the cue and a verb after it are what was said.
        (
            "Michel Lefebvre, vice president of operations, said Noranda will operate the mine.",
            "Michel Lefebvre",
            Person,
        ),
        (
            "Roderick, in response to a question, said USX had no plans to sell.",
            "Roderick",
            Person,
        ),
        // A title with no name after it, capitalized, is a description too.
        (
            "Li Peng, Premier of China, said output rose.",
            "Li Peng",
            Person,
        ),
        (
            "John Smith, Minister of Agriculture and Fisheries, said output rose.",
            "John Smith",
            Person,
        ),
        (
            "Tony Oates, Bond Corp's Executive Director for Finance, said the yen was weak.",
            "Tony Oates",
            Person,
        ),
        (
            "Wang Chang, Vice Chairman of the Council, told Reuters the yen was weak.",
            "Wang Chang",
            Person,
        ),
        (
            "Smith, Acme Corp's chairman, said profits rose.",
            "Smith",
            Person,
        ),
        (
            "Robert Ortner, Undersecretary of Commerce, said the yen was weak.",
            "Robert Ortner",
            Person,
        ),
        (
            "Smith, Chief Executive Officer of Acme, said profits rose.",
            "Smith",
            Person,
        ),
        // ... but a titled name so set off is the speaker.
        (
            "Acme's founder, Chairman John Smith, said profits rose.",
            "Chairman John Smith",
            Person,
        ),
        (
            "The sources, who asked not to be named, said the government will recommend it.",
            "The sources",
            Anonymous,
        ),
    ] {
        assert_credits(sentence, &[(speaker, kind)]);
    }
}

#[test]
fn according_to_and_reported() {
    let got = sources("The talks will resume in April, according to RIA Novosti.");
    assert_eq!(got, vec![("RIA Novosti".to_string(), Cue::AccordingTo)]);
    let got = sources("TASS reported that the talks would resume.");
    assert_eq!(got, vec![("TASS".to_string(), Cue::Reported)]);
}

#[test]
fn a_source_quoted_in_the_passive_comes_before_its_cue() {
    let got = sources("“It matters,” Deputy Foreign Minister Pavel Sorokin was quoted as saying.");
    assert_eq!(
        got,
        vec![(
            "Deputy Foreign Minister Pavel Sorokin".to_string(),
            Cue::Citing
        )]
    );
    // Whom a medium quoted, by the medium: the medium follows `quoted by`.
    let got = sources("The minister was quoted by TASS as saying talks would resume.");
    assert!(got.iter().any(|(s, _)| s == "TASS"), "{got:?}");
    // Active `citing` still credits only what follows it.
    let got = sources("Izvestia is citing TASS.");
    assert_eq!(got, vec![("TASS".to_string(), Cue::Citing)]);
    // A cue inside the source's words is never read backwards (no panic).
    assert!(sources("Quoted Smith Jones").len() <= 1);
}

#[test]
fn wire_phrasings_name_one_source_of_the_right_kind() {
    use SourceKind::*;
    // The medium that quoted, and whom it quoted.
    assert_eq!(
        credits("TASS quoted Foreign Minister Sergei Lavrov as saying the talks would resume."),
        [
            ("TASS".into(), Agency, Cue::Citing),
            ("Foreign Minister Sergei Lavrov".into(), Person, Cue::Citing)
        ]
    );
    // An agency with what describes it, before or after its name, is one agency.
    assert_eq!(
        credits("The talks will resume, state news agency Xinhua said."),
        [("state news agency Xinhua".into(), Agency, Cue::Said)]
    );
    assert_eq!(
        credits("The Interfax news agency reported that the talks would resume."),
        [("The Interfax news agency".into(), Agency, Cue::Reported)]
    );
    assert_eq!(
        credits("Russia's RIA Novosti news agency, citing a source, said the talks would resume.")
            [0],
        ("Russia's RIA Novosti news agency".into(), Agency, Cue::Said)
    );
    // ... and what describes it before its name (`official` is no title there).
    assert_eq!(
        credits("Prices will be checked, the official Tanjug news agency said."),
        [("the official Tanjug news agency".into(), Agency, Cue::Said)]
    );
    assert_eq!(
        credits("Growth will slow, China's official Xinhua news agency reported."),
        [(
            "China's official Xinhua news agency".into(),
            Agency,
            Cue::Reported
        )]
    );
    // An anonymous official of a named institution; a newspaper by name.
    assert_eq!(
        credits("The talks will resume, a Kremlin spokesman told reporters."),
        [("a Kremlin spokesman".into(), Anonymous, Cue::Said)]
    );
    assert_eq!(
        credits("The talks would resume, the Wall Street Journal reported."),
        [("the Wall Street Journal".into(), Agency, Cue::Reported)]
    );
    // A surname alone, right beside its cue (a listener after `told` is still none).
    assert_eq!(
        credits("The talks would resume, Lavrov told TASS."),
        [("Lavrov".into(), Person, Cue::Said)]
    );
    assert_eq!(
        credits("“We are ready,” said Peskov."),
        [("Peskov".into(), Person, Cue::Said)]
    );
    // A capital alone speaks for its government.
    assert_eq!(
        credits("Moscow said the talks would resume."),
        [("Moscow".into(), Institution, Cue::Said)]
    );
    // What the source put out is not the source.
    assert_eq!(
        credits("The talks will resume, according to a statement from the Kremlin."),
        [("the Kremlin".into(), Institution, Cue::AccordingTo)]
    );
    // A pronoun credits itself until whom it refers to is read (`pronouns.rs`).
    assert_eq!(
        credits("He said the talks would resume."),
        [("He".into(), Person, Cue::Said)]
    );
    // A cue's word inside a name is no cue: nobody here is credited.
    assert!(
        credits("On April 14, the United States, France and the United Kingdom struck.").is_empty()
    );
    assert!(
        credits("Peskov, who met the envoy on Friday, later said talks would resume.").is_empty()
    );
    assert!(
        credits("The ministry on Friday said nothing.")
            .iter()
            .all(|(s, _, _)| s != "Friday")
    );
}

#[test]
fn a_citing_clause_keeps_its_sources_and_does_not_part_a_speaker_from_its_cue() {
    use SourceKind::*;
    assert_eq!(
        credits("Interfax, citing a source in the government, said the talks would resume."),
        [
            ("Interfax".into(), Agency, Cue::Said),
            ("a source".into(), Anonymous, Cue::Citing)
        ]
    );
    assert_eq!(
        credits("The paper, quoting a senior official, said the terms would be similar."),
        [
            ("The paper".into(), Agency, Cue::Said),
            ("a senior official".into(), Anonymous, Cue::Citing)
        ]
    );
    // Two clauses over the same words.
    assert_eq!(
        credits("Interfax, citing according to a source, said so.")[0],
        ("Interfax".into(), Agency, Cue::Said)
    );
    // A source after the clause's comma is no part of it.
    assert_eq!(
        credits("Citing a source in the government, Interfax said the talks would resume."),
        [
            ("a source".into(), Anonymous, Cue::Citing),
            ("Interfax".into(), Agency, Cue::Said)
        ]
    );
}

#[test]
fn a_passive_with_by_credits_who_follows() {
    use SourceKind::*;
    // Without `by`, what was disclosed or reported is no source.
    assert_credits(
        "Results for the first three months of the company were not disclosed.",
        &[],
    );
    assert_credits("The Navy is reported to be furious over the transfer.", &[]);
    assert_credits("Results of the company have not been disclosed.", &[]);
    assert_credits(
        "Terms of the deal were not disclosed, the company said.",
        &[("the company", Institution)],
    );
    assert_eq!(
        credits("The deal was confirmed by the Foreign Ministry."),
        [("the Foreign Ministry".into(), Institution, Cue::Said)]
    );
    assert_eq!(
        credits("The decision was announced by President Vladimir Putin."),
        [("President Vladimir Putin".into(), Person, Cue::Said)]
    );
    // The agency with what describes it, though the match began on `by`.
    assert_eq!(
        credits("Peskov spoke in comments carried by state news agency TASS."),
        [("state news agency TASS".into(), Agency, Cue::Reported)]
    );
    // `quoted by` is the medium's cue, not the `said` after it, which is the speaker's
    // across the aside.
    assert_eq!(
        credits("Lavrov, quoted by RIA Novosti, said talks would resume."),
        [
            ("Lavrov".into(), Person, Cue::Said),
            ("RIA Novosti".into(), Agency, Cue::Citing)
        ]
    );
    assert_eq!(
        credits("He spoke in remarks reported by the official Ivorian daily Fraternite Matin."),
        [(
            "the official Ivorian daily Fraternite Matin".into(),
            Agency,
            Cue::Reported
        )]
    );
    // What went before a passive is not who spoke; `by` and a time credits nobody.
    assert!(credits("No deaths had been reported by midday.").is_empty());
    assert!(credits("Moscow was shaken by the news, reported by nobody.").is_empty());
}

#[test]
fn unnamed_media_and_possessives() {
    use SourceKind::*;
    assert_eq!(
        credits("State media reported the launch on Friday."),
        [("State media".into(), Agency, Cue::Reported)]
    );
    assert_eq!(
        credits("Beirut radio said gunships raided the south."),
        [("Beirut radio".into(), Agency, Cue::Said)]
    );
    // Whose is not who: a possessive is never credited alone (the party it names is).
    assert!(
        credits("Brazil's finance minister met them, officials at the talks said.")
            .iter()
            .all(|(s, _, _)| !s.ends_with("'s"))
    );
    assert_eq!(
        credits("They welcomed proposals announced by Japan's ruling party on Monday."),
        [("Japan's ruling party".into(), Institution, Cue::Said)]
    );
}

#[test]
fn the_listener_of_told_is_not_a_source() {
    let got = sources(
        "Civil protection chief Tomas Rebane told The Associated Press that two people were hurt.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0.contains("Tomas Rebane"));
}

#[test]
fn anonymous_and_named_sources() {
    let got = sources("“We will come,” a ministry spokeswoman told reporters in Oslo.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        find("“We ran,” said Marta Ilves, a baker.")[0].source,
        "Marta Ilves"
    );
}

/// What a title's pattern reads before it after a preposition or a conjunction of time is
/// no part of the name; `official` first is no title.
#[test]
fn a_title_starts_after_what_links_it() {
    use SourceKind::Person;
    assert_credits(
        "Trade talks resumed after President Reagan announced tariffs.",
        &[("President Reagan", Person)],
    );
    assert_credits(
        "Producers had difficulty selling oil at official OPEC prices, but Kuwait has said \
         there are no plans for a meeting.",
        &[("Kuwait", Person)],
    );
    assert_credits(
        "According to official Yugoslav figures, Yugoslavia repaid a record sum.",
        &[],
    );
}

/// A day or a month that opens a name is when it spoke, no part of the name; a month is one
/// only after a word that dates it (`August Busch`, `after March Resources Ltd` are names).
#[test]
fn a_date_before_a_name_is_no_part_of_it() {
    use SourceKind::{Institution, Person};
    assert_credits(
        "When the talks began on Monday Xuto said the issues should be settled.",
        &[("Xuto", Person)],
    );
    assert_credits(
        "The talks ended on Wednesday and Citicorp said new ones should begin.",
        &[("Citicorp", Person)],
    );
    assert_credits(
        "In January Secretary of State George Shultz told the committee there would be none.",
        &[("Secretary of State George Shultz", Person)],
    );
    assert_credits(
        "This March Chancellor Helmut Kohl said the budget would balance.",
        &[("Chancellor Helmut Kohl", Person)],
    );
    assert_credits(
        "August Busch said the brewer would expand.",
        &[("August Busch", Person)],
    );
    assert_credits(
        "Shares rose after March Resources Ltd said it had struck gold.",
        &[("March Resources Ltd", Institution)],
    );
}

/// A title may name a role before the name (`chief economist`, `general counsel`), and whose
/// title it is may come first, a possessive too: one credit, the title with the name.
#[test]
fn a_title_holds_its_role_and_whose_it_is() {
    use SourceKind::Person;
    for (sentence, source) in [
        (
            "Demand will slow, said Harlow Foods chief economist Ann Berg.",
            "Harlow Foods chief economist Ann Berg",
        ),
        (
            "Profits rose, Ostend Bank Ltd chief economist Piet Claes told Reuters.",
            "Ostend Bank Ltd chief economist Piet Claes",
        ),
        (
            "Chief executive Tom Reed said sales rose.",
            "Chief executive Tom Reed",
        ),
        (
            "Chief Financial Officer Jan Smit said costs rose.",
            "Chief Financial Officer Jan Smit",
        ),
        (
            "Sales will double, Harlow chairman Ann Berg told reporters.",
            "Harlow chairman Ann Berg",
        ),
        (
            "New Democratic Party leader Ed Broadbent said the deal would hurt Canada.",
            "New Democratic Party leader Ed Broadbent",
        ),
        // A title is a whole word: no `secretary` inside `undersecretary`.
        (
            "The trade undersecretary Ann Berg said it would pass.",
            "Ann Berg",
        ),
        (
            "The company's general counsel Mark Lee said it would appeal.",
            "The company's general counsel Mark Lee",
        ),
    ] {
        assert_credits(sentence, &[(source, Person)]);
    }
}

/// The small words a pattern reads before its keyword (`the company`, `Harlow chairman`) never
/// run over a cue: the speaker before it is read on its own (a capitalized cue is a name's).
#[test]
fn a_source_never_reads_over_its_cue() {
    use SourceKind::{Anonymous, Person};
    for (sentence, expected) in [
        (
            "Berger said the company is prepared to fund the trial.",
            &[("Berger", Person)][..],
        ),
        (
            "Analysts said Harlow chairman Ann Berg has been cutting costs.",
            &[("Analysts", Anonymous)][..],
        ),
        (
            "Edward Said told the conference that the talks failed.",
            &[("Edward Said", Person)][..],
        ),
    ] {
        assert_credits(sentence, expected);
    }
}

/// `The` and one capitalized word opening a sentence is no name (`The Norwegian plan`), but an
/// institution right before its cue or an aside and its cue (`The Treasury said`, `The
/// Bundesbank, in its monthly report, said`); `The reports said` credits nobody.
#[test]
fn the_and_one_name_speaks_right_before_its_cue() {
    use SourceKind::{Anonymous, Institution};
    for (sentence, expected) in [
        (
            "The Treasury said bids will be accepted.",
            &[("The Treasury", Institution)][..],
        ),
        (
            "The Bundesbank, in its monthly report, said money supply grew.",
            &[("The Bundesbank", Institution)][..],
        ),
        ("The reports said the bid would rise.", &[][..]),
        ("The Norwegian rules said they would lapse.", &[][..]),
        (
            "The Norwegian plan, officials said, was dropped.",
            &[("officials", Anonymous)][..],
        ),
    ] {
        assert_credits(sentence, expected);
    }
    // ... but not across what is no aside.
    let got = credits("The Norwegian, Kestrel, said the deal was off.");
    assert!(!got.iter().any(|(s, _, _)| s == "The Norwegian"), "{got:?}");
}

/// A speaker standing alone speaks across one whole aside however long, one with no comma of
/// its own, and across when or how it spoke after it; not across the end of a list, and an
/// abbreviation before one is a place.
#[test]
fn a_speaker_speaks_across_one_whole_aside() {
    use SourceKind::{Anonymous, Institution, Person};
    for (sentence, expected) in [
        (
            "The official, a member of the Indian delegation at the bank's annual meeting here, \
             told Reuters loans would rise.",
            &[("The official", Anonymous)][..],
        ),
        (
            "Smith, who flies to Brussels today for talks with trade officials, told Reuters the \
             talks went well.",
            &[("Smith", Person)][..],
        ),
        (
            "Allegheny International Inc, the consumer products concern that today announced a \
             merger agreement with a First Boston Corp affiliate in a deal worth about 500 mln \
             dlrs, said it intends to divest more units.",
            &[("Allegheny International Inc", Institution)][..],
        ),
        // Past thirty words an aside is likelier a clause misread than one (none so long in
        // eval_reuters stands between a speaker and its cue).
        (
            "Allegheny International Inc, the consumer products concern that today announced a \
             merger agreement with a First Boston Corp affiliate in a deal worth about 500 mln \
             dlrs after weeks of talks with its banks and its largest holders in New York and \
             Pittsburgh, said it will sell units.",
            &[][..],
        ),
        (
            "Volcker, appearing with Reagan, Greenspan, and Treasury Secretary James Baker in the \
             room, said he will stay.",
            &[][..],
        ),
        (
            "Andover Group, a Great Falls, Va., investment partnership seeking control of the \
             chain, said it raised its stake.",
            &[][..],
        ),
        (
            "An analyst at Mabon Nugent, a firm that tracks the market for large investors, said \
             prices would rise.",
            &[][..],
        ),
        // When or how it spoke may follow the aside.
        (
            "Harlow Petroleum, Norway's largest private oil company, has also said it will sell.",
            &[("Harlow Petroleum", Person)][..],
        ),
        (
            "Berger, the finance secretary, has said the talks will resume.",
            &[("Berger", Person)][..],
        ),
        (
            "Nortek, a Providence, R.I., textile maker, has disclosed it holds shares.",
            &[("Nortek", Person)][..],
        ),
    ] {
        assert_credits(sentence, expected);
    }
}

/// A cue after an article or a possessive, an adverb perhaps between, is an adjective.
#[test]
fn a_cue_after_an_article_describes_a_noun() {
    use SourceKind::Person;
    for (sentence, expected) in [
        (
            "Harlow said Kestrel Cement shareholders approved the previously announced merger.",
            &[("Harlow", Person)][..],
        ),
        ("Its reported revenues were 1.3 billion dlrs.", &[][..]),
        // A name ending in `ly` is no adverb.
        (
            "The Daily reported the talks had failed.",
            &[("The Daily", SourceKind::Agency)][..],
        ),
        (
            "Kestrel Cement had rejected a reported proposal for a stake.",
            &[][..],
        ),
    ] {
        assert_credits(sentence, expected);
    }
}

/// A surname alone speaks right beside its cue, or with only when or how it spoke between
/// (`has`, `also`, `earlier`); `As` opening a sentence is no name.
#[test]
fn a_surname_speaks_across_has_and_also_and_the_day() {
    use SourceKind::{Institution, Person};
    for (sentence, expected) in [
        (
            "Ongpin also said the government would pursue the funding.",
            &[("Ongpin", Person)][..],
        ),
        (
            "Rainbow has said the merger is soundly based.",
            &[("Rainbow", Person)][..],
        ),
        (
            "Texaco earlier said the SEC will file its brief.",
            &[("Texaco", Person)][..],
        ),
        (
            "CPC had previously said it wanted to sell the business.",
            &[("CPC", Institution)][..],
        ),
        // And the day it spoke.
        (
            "Texaco today said the SEC will file its brief.",
            &[("Texaco", Person)][..],
        ),
        (
            "Sandoz on Monday reported a rise in net profits.",
            &[("Sandoz", Person)][..],
        ),
        (
            "Chrysler last week said it would close the plant.",
            &[("Chrysler", Person)][..],
        ),
        ("The shares of Sandoz on Monday reported a rise.", &[][..]),
        ("Texaco will have said nothing by then.", &[][..]),
        (
            "As previously reported, Northern Star is raising funds.",
            &[][..],
        ),
    ] {
        assert_credits(sentence, expected);
    }
}

/// Market people are unnamed sources too: dealers, traders, bankers, economists, brokers,
/// experts, witnesses, lawyers, executives, aides, arbitrageurs, specialists, investors,
/// observers; a word they begin is none (`brokerage`), nor is a word they end (`chairman and
/// chief executive`: no `an and chief executive`).
#[test]
fn dealers_traders_and_bankers_are_sources() {
    use SourceKind::{Anonymous, Institution, Person};
    for (sentence, expected) in [
        (
            "The metal fell back, but dealers said demand was good.",
            &[("dealers", Anonymous)][..],
        ),
        (
            "Dealers said the market was quiet.",
            &[("Dealers", Anonymous)][..],
        ),
        (
            "\"It was a void,\" one New York banker said.",
            &[("one New York banker", Anonymous)][..],
        ),
        (
            "Fewer issues are expected this week, economists told reporters.",
            &[("economists", Anonymous)][..],
        ),
        (
            "Exports will stop, company spokesmen told Reuters.",
            &[("company spokesmen", Anonymous)][..],
        ),
        (
            "In a filing, the New York brokerage firm said it bought the notes.",
            &[("the New York brokerage firm", Institution)][..],
        ),
        (
            "Lawyers representing Lindqvist have said he will appeal.",
            &[("Lawyers", Anonymous)][..],
        ),
        (
            "A steel industry executive said prices would hold.",
            &[("A steel industry executive", Anonymous)][..],
        ),
        (
            "Sales will grow, Ann Berg, chairman and chief executive officer said.",
            &[("Ann Berg", Person)][..],
        ),
        (
            "Prices fell further, cocoa traders said.",
            &[("traders", Anonymous)][..],
        ),
        (
            "One arbitrageur said the bid was fair.",
            &[("One arbitrageur", Anonymous)][..],
        ),
        (
            "Republican lawmakers said they would propose a bill.",
            &[("Republican lawmakers", Anonymous)][..],
        ),
        (
            "The legislators told reporters the bank lost money.",
            &[("The legislators", Anonymous)][..],
        ),
        (
            "The treaty is ready, a Soviet negotiator said.",
            &[("a Soviet negotiator", Anonymous)][..],
        ),
        (
            "\"It offers a cheap entry,\" one consultant said.",
            &[("one consultant", Anonymous)][..],
        ),
        (
            "Two patients died, nurses told Reuters.",
            &[("nurses", Anonymous)][..],
        ),
        // Ministers unnamed; one named, or `the minister` of the story, is a person.
        (
            "A British minister said he had given a clear warning.",
            &[("A British minister", Anonymous)][..],
        ),
        (
            "Ministers said they wanted to keep the momentum.",
            &[("Ministers", Anonymous)][..],
        ),
        (
            "Government ministers told Reuters the debt was too high.",
            &[("Government ministers", Anonymous)][..],
        ),
        (
            "Finance Minister Kiichi Miyazawa said the yen was stable.",
            &[("Finance Minister Kiichi Miyazawa", Person)][..],
        ),
        (
            "The yen was stable, the minister said.",
            &[("the minister", Person)][..],
        ),
        (
            "Some arbitragers said the bid was low.",
            &[("Some arbitragers", Anonymous)][..],
        ),
        (
            "Demand was strong, sector specialists said.",
            &[("specialists", Anonymous)][..],
        ),
        (
            "Foreign investors told Reuters they would sell.",
            &[("Foreign investors", Anonymous)][..],
        ),
        (
            "The move may mark a shift, some observers said.",
            &[("observers", Anonymous)][..],
        ),
        (
            "\"They sat down together,\" a Harlow aide said of the meeting.",
            &[("a Harlow aide", Anonymous)][..],
        ),
    ] {
        assert_credits(sentence, expected);
    }
}

/// Unnamed sources in the plural keep what describes them: whose, or what kind.
#[test]
fn bare_plurals_keep_their_description() {
    for (sentence, source) in [
        (
            "Talks will resume, official sources said.",
            "official sources",
        ),
        (
            "Prices fell, Wall Street analysts said.",
            "Wall Street analysts",
        ),
        (
            "The deal is near, Western diplomats told Reuters.",
            "Western diplomats",
        ),
        ("Exports rose 5 pct, trade sources said.", "trade sources"),
        ("Talks will resume, sources said.", "sources"),
        // ... what a relative clause's pronoun comes before is none of it.
        (
            "Debt is a factor which brokers say has distanced Dutch banks.",
            "brokers",
        ),
    ] {
        let got = credits(sentence);
        assert_eq!(
            got.first().map(|c| (c.0.as_str(), c.1)),
            Some((source, SourceKind::Anonymous)),
            "{sentence}"
        );
    }
}

#[test]
fn what_follows_a_said_cue_is_not_its_source() {
    let got = sources(
        "Officials struck a cautious tone after Moscow announced that the fisheries commission would meet.",
    );
    assert!(
        got.iter().all(|(s, _)| !s.contains("commission")),
        "{got:?}"
    );
}

/// A verb credits one side of it: after its subject, who follows is whom or what it speaks of;
/// after what was said and a comma, a name before the comma is part of that.
#[test]
fn a_cue_credits_its_subject_or_who_follows_it_not_both() {
    for (sentence, expected) in [
        (
            "Rafsanjani, the speaker, warned the U.S. Navy not to intervene.",
            &["Rafsanjani"][..],
        ),
        (
            "The speaker of the Iranian Parliament, Hojatoleslam Akbar Hashemi Rafsanjani, warned the U.S. not to intervene.",
            &["Hojatoleslam Akbar Hashemi Rafsanjani"],
        ),
        (
            "Gao Jianming, an official of Zhejiang's Rural Industry department, said Zhejiang firms scour China for raw materials.",
            &["Gao Jianming"],
        ),
        (
            "Another source, also requesting anonymity, said Colombia probably will not attend.",
            &["Another source"],
        ),
        (
            "Aurelio Periquet, President of the Philippine Chamber of Commerce, informed Reuters the debt accord had helped.",
            &["Aurelio Periquet"],
        ),
        (
            "Nova, the Canadian company, said it received government approval for the deal.",
            &["Nova"],
        ),
        // After what was said, the name before the comma is part of it.
        (
            "Prices rose in Kentucky, Missouri and Arkansas, said Ron Burgess, Deputy Director of the division.",
            &["Ron Burgess"],
        ),
        (
            "Growth will slow in Europe, Asia and Latin America, said John Smith, an economist.",
            &["John Smith"],
        ),
        ("Prices will fall, said the U.S.", &["the U.S."]),
        // Not so after a verb that follows no such comma (`warned`).
        ("The talks failed, Moscow warned the U.S.", &["Moscow"]),
    ] {
        let got: Vec<String> = sources(sentence).into_iter().map(|(s, _)| s).collect();
        assert_eq!(got, expected, "{sentence}");
    }
}

/// An institution read in one match with whoever holds an office of it before it is that
/// person: an article or whose, the office, `of`.
#[test]
fn an_institution_opening_on_its_office_holder_is_a_person() {
    assert!(opens_on_its_office_holder("The head of the IAEA"));
    assert!(opens_on_its_office_holder("its chairman of the board"));
    assert!(!opens_on_its_office_holder("The head office of the IAEA"));
    assert!(!opens_on_its_office_holder("Fund head of the IMF"));
    assert!(!opens_on_its_office_holder("The Bank of Japan"));
}

/// A country, its capital or the seat of its head alone is its government, an institution
/// (`The United States said`, with its article); not a country named as people are (`Jordan
/// said`), nor an adjective alone (`American`, the airline), nor a country a preposition places
/// (`with South Korea added`); a body of one read as a name is one too (`The Israel Defense
/// Forces`).
#[test]
fn a_country_alone_is_its_government() {
    use SourceKind::*;
    for (sentence, expected) in [
        (
            "Russia said the talks would resume.",
            &[("Russia", Institution)][..],
        ),
        (
            "The United States said it would retaliate.",
            &[("The United States", Institution)],
        ),
        (
            "North Korea said it fired a missile.",
            &[("North Korea", Institution)],
        ),
        (
            "Moscow said the talks would resume.",
            &[("Moscow", Institution)],
        ),
        ("Jordan said he would play.", &[("Jordan", Person)]),
        ("American said it would cut fares.", &[("American", Person)]),
        // A body of a government read as a name is the government's too.
        (
            "The Israel Defense Forces said the strike hit a depot.",
            &[("The Israel Defense Forces", Institution)],
        ),
        (
            "The quota was raised with South Korea added as a destination.",
            &[],
        ),
    ] {
        let got: Vec<(String, SourceKind)> = credits(sentence)
            .into_iter()
            .map(|(s, kind, _)| (s, kind))
            .collect();
        let expected: Vec<(String, SourceKind)> =
            expected.iter().map(|&(s, k)| (s.to_string(), k)).collect();
        assert_eq!(got, expected, "{sentence}");
    }
}

/// A sentence of hard-wrapped text keeps its line breaks; the credits read from it do not.
#[test]
fn a_credit_across_a_line_break_is_named_on_one_line() {
    let got = find(
        "Harcourt\nBrace Jovanovich said its earnings would rise, the\r\nReuters\n  news agency reported.",
    );
    let named: Vec<(&str, &str)> = got
        .iter()
        .map(|a| (a.source.as_str(), a.cue.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            ("Harcourt Brace Jovanovich", "said"),
            ("the Reuters news agency", "reported")
        ]
    );
}

#[test]
fn no_cue_no_attribution() {
    assert!(find("RIA Novosti and TASS are news agencies.").is_empty());
    // `declared` is mostly no speech: a dividend, a moratorium.
    assert!(find("South Africa declared a moratorium on repayments.").is_empty());
}

/// Speech verbs an outlet puts for `said`, `told` or `announced` are cues too, so that the
/// credit is kept, not dropped, where a copy rewords its verb.
#[test]
fn speech_verbs_besides_said_are_cues() {
    for (sentence, source) in [
        ("Lawson acknowledged that rates fell.", "Lawson"),
        (
            "A spokeswoman for the union informed Reuters the plan would be discussed.",
            "A spokeswoman for the union",
        ),
        (
            "Usable resources would be less, U.S. officials explained.",
            "U.S. officials",
        ),
        (
            "The association disclosed a plan at a news conference.",
            "The association",
        ),
        (
            "Volcker warned a further fall might force the Fed's hand.",
            "Volcker",
        ),
        // The plural's present tense.
        (
            "The pound has been sidelined, foreign exchange analysts say.",
            "analysts",
        ),
        (
            "Western diplomats say Li is a technocrat.",
            "Western diplomats",
        ),
    ] {
        let got = sources(sentence);
        assert!(
            got.iter().any(|(s, cue)| s == source && *cue == Cue::Said),
            "{sentence}: {got:?}"
        );
    }
    // `I` is no name: who spoke is whoever the quote is credited to.
    assert_eq!(
        sources("\"I told him it was a matter for the banks,\" Lawson said."),
        [("Lawson".to_string(), Cue::Said)]
    );
}

/// Cue words that are something else: a `say` that says nothing, the plural nouns `reports`
/// and `states`.
#[test]
fn a_cue_word_that_is_no_cue_credits_nobody() {
    for sentence in [
        "The company did not say how much it would write down.",
        "The spokesman could not say when the plant would reopen.",
        "Sources would only say the field was in the North Sea.",
        "The company didn't say how much it would write down.",
        "Bankers would say little about the loan.",
        "No spokesman for either company was available to say why.",
        "A Fed spokeswoman had no comment on the dealer reports.",
        "The Dutch Finance Ministry declined to comment on the press reports.",
        "Coles Myer rose 20 cents after reports it plans to expand.",
        "Egypt wants Arab states to buy its military debts.",
        "The aide had kept the president adequately informed.",
        "The ministry would keep investors informed.",
        "Officials were adequately informed of the plan.",
        "The Fund was set up by the 13 OPEC member states to help development.",
        "The ministry has not said how many were detained.",
        "Police haven't confirmed the death toll.",
        "The ministry hasn’t said how many were detained.",
        "The Soviet-backed Afghan government has not commented on the reports.",
        "Taft Broadcasting has never commented on reports of a break-up.",
        "Food retailer Tesco added 2p to 475.",
        "Africa added three seismic crews.",
        "If the government raised value added tax, the gains would be lost.",
    ] {
        assert_eq!(credits(sentence), [], "{sentence}");
    }
    // ... but the verb after a pronoun, a relative or an adverb is one.
    use SourceKind::{Agency, Anonymous};
    assert_credits(
        "Interfax, which reports on markets, said prices rose.",
        &[("Interfax", Agency)],
    );
    assert_credits(
        "TASS also reports the talks will resume.",
        &[("TASS", Agency)],
    );
    assert_credits(
        "Xinhua regularly reports the output figures.",
        &[("Xinhua", Agency)],
    );
    assert_credits(
        "The ministry added that two ships had docked.",
        &[("The ministry", SourceKind::Institution)],
    );
    assert_credits(
        "An agreement with the banks, officials now say, is expected soon.",
        &[("officials", Anonymous)],
    );
}

/// Whom reports of an event quote besides officials: residents, rescuers, doctors, the
/// authorities, someone's lawyer or spokesman; and a cue after a noun spelled like an adverb
/// (`the daily said`, `a lawyer for the family said`) is still the verb.
#[test]
fn the_people_at_an_event_are_sources() {
    use SourceKind::*;
    for (sentence, expected) in [
        (
            "Two explosions were heard before dawn, residents said.",
            &[("residents", Anonymous)][..],
        ),
        (
            "Rescuers said they had pulled 40 people from the rubble.",
            &[("Rescuers", Anonymous)],
        ),
        (
            "The boy was in stable condition, a doctor at the hospital said.",
            &[("a doctor", Anonymous)],
        ),
        (
            "Syrian state media and activists said the strikes killed 10.",
            &[("Syrian state media", Agency), ("activists", Anonymous)],
        ),
        (
            "Russian authorities said the ferry sank in calm water.",
            &[("Russian authorities", Anonymous)],
        ),
        (
            "The port authority said the ship had docked.",
            &[("The port authority", Institution)],
        ),
        (
            "The charges are false, her lawyer told reporters.",
            &[("her lawyer", Anonymous)],
        ),
        (
            "The bank would cut rates, its spokesman said.",
            &[("its spokesman", Anonymous)],
        ),
        (
            "Borg-Warner's spokeswoman said the company still plans to sell the unit.",
            &[("Borg-Warner's spokeswoman", Anonymous)],
        ),
        (
            "The family's lawyer said they were devastated.",
            &[("The family's lawyer", Anonymous)],
        ),
        (
            "A lawyer for the family said they were devastated.",
            &[("A lawyer", Anonymous)],
        ),
        (
            "The reforms were delayed, the daily said.",
            &[("the daily", Agency)],
        ),
        (
            "The weekly reported that the minister would resign.",
            &[("The weekly", Agency)],
        ),
        (
            "Three people died, emergency services said.",
            &[("emergency services", Institution)],
        ),
        (
            "The fire brigade said the blaze was under control.",
            &[("The fire brigade", Institution)],
        ),
        (
            "The coast guard said 40 people were rescued.",
            &[("The coast guard", Institution)],
        ),
        (
            "Three people died, rescue workers said.",
            &[("rescue workers", Anonymous)],
        ),
        (
            "Firefighters said the blaze was under control.",
            &[("Firefighters", Anonymous)],
        ),
        (
            "Paramedics said the boy was in stable condition.",
            &[("Paramedics", Anonymous)],
        ),
        (
            "Another worker in a tea-growing collective said there was no point in working hard.",
            &[("Another worker", Anonymous)],
        ),
    ] {
        assert_credits(sentence, expected);
    }
    // An adverb before a cue still makes it an adjective.
    assert_eq!(credits("The previously reported merger was cancelled."), []);
    // Companies post losses: `posted` is a cue only on a platform.
    assert_eq!(
        credits("The company posted on Friday a net loss of 3 mln dlrs."),
        []
    );
    // People counted after a cue are what was said, not who said it.
    assert_credits(
        "General Motors, in announcing its schedule, said the number of workers on layoff will remain unchanged.",
        &[("General Motors", Person)],
    );
}

/// Unnamed people are read with up to three words that say whose they are (`a senior Energy
/// Ministry official`), but not from a clause before them (`the merger and analysts`), a run-on
/// (`the Soviet Union a spokesman`) or over a cue (`The firm said investors`: the firm spoke).
#[test]
fn unnamed_people_are_read_whole_and_no_further() {
    use SourceKind::*;
    for (sentence, expected) in [
        (
            "Beijing opposes the move, a Chinese foreign ministry spokesperson said.",
            &[("a Chinese foreign ministry spokesperson", Anonymous)][..],
        ),
        (
            "The shipments will stop, a senior Energy Ministry official said.",
            &[("a senior Energy Ministry official", Anonymous)],
        ),
        (
            "BIL opposes the Rainbow merger and analysts say BIL needs a stake.",
            &[("analysts", Anonymous)],
        ),
        (
            "It gave no figure for KWU's share but company sources said the order was large.",
            &[("company sources", Anonymous)],
        ),
        (
            "Several traders and analysts here told Reuters the producers will meet.",
            &[("Several traders and analysts", Anonymous)],
        ),
        (
            "In London, a Cable and Wireless spokesman said the proposals are unacceptable.",
            &[("a Cable and Wireless spokesman", Anonymous)],
        ),
        (
            "The talks were held in the Soviet Union a spokesman said.",
            &[("a spokesman", Anonymous)],
        ),
        (
            "The plan would sell the unit, according to one of the investors.",
            &[("one of the investors", Anonymous)],
        ),
        (
            "\"Prices got clobbered,\" another analyst said.",
            &[("another analyst", Anonymous)],
        ),
        (
            "The firm said investors bought the shares.",
            &[("The firm", Institution)],
        ),
        (
            "The group told analysts it expected a loss.",
            &[("The group", Institution)],
        ),
    ] {
        assert_credits(sentence, expected);
    }
}

/// A full name set off right after a description is the speaker, the description only who that
/// is; initials or a surname so set off are not, nor an aside that is no name.
#[test]
fn a_name_set_off_after_a_description_is_the_speaker() {
    use SourceKind::*;
    for (sentence, expected) in [
        (
            "Its spokesman, Dmitry Peskov, said the talks had failed.",
            &[("Dmitry Peskov", Person)][..],
        ),
        (
            "The head of the IAEA, Rafael Grossi, said the talks had failed.",
            &[("Rafael Grossi", Person)],
        ),
        (
            "The talks had failed, the president of the American Soybean Association, ASA, said.",
            &[("the president of the American Soybean Association", Person)],
        ),
        (
            "But the analyst, Crandall, said the talks had failed.",
            &[("the analyst", Anonymous)],
        ),
        (
            "The ministry, Interfax reported, said the talks had failed.",
            &[("The ministry", Institution), ("Interfax", Agency)],
        ),
        (
            "The talks had failed, Iran's national news agency, IRNA, told reporters.",
            &[("IRNA", Agency)],
        ),
    ] {
        assert_credits(sentence, expected);
    }
    // A name set off after a name is where the first works, not who spoke instead of it.
    let credited = credits("John Smith, Acme Corp, said the talks had failed.");
    assert!(
        credited.iter().any(|(source, ..)| source == "John Smith"),
        "{credited:?}"
    );
}

/// A name is read with the lower-case words that join it (`von der`, `bin`, `da`) and an
/// Arabic article glued to a word (`al-Assad`), under a title too: one credit, not a first name
/// under its title and a surname apart.
#[test]
fn names_are_read_with_the_words_that_join_them() {
    use SourceKind::*;
    for (sentence, expected) in [
        (
            "Commission President Ursula von der Leyen said the bloc would retaliate.",
            &[("Commission President Ursula von der Leyen", Person)][..],
        ),
        (
            "The European Commission's president, Ursula von der Leyen, said the bloc would act.",
            &[("Ursula von der Leyen", Person)],
        ),
        (
            "Syrian President Bashar al-Assad said the army would retake the city.",
            &[("Syrian President Bashar al-Assad", Person)],
        ),
        (
            "The army will retake the city, al-Assad said.",
            &[("al-Assad", Person)],
        ),
        (
            "Mohammed bin Salman told reporters the kingdom would cut output.",
            &[("Mohammed bin Salman", Person)],
        ),
        (
            "Brazilian President Luiz Inacio Lula da Silva said the talks had failed.",
            &[("Brazilian President Luiz Inacio Lula da Silva", Person)],
        ),
        (
            "The Estado de Sao Paulo news agency said the farmers took part.",
            &[("The Estado de Sao Paulo news agency", Agency)],
        ),
        (
            "Toronto Sun vice-president of finance Bruce Jackson told reporters it had failed.",
            &[(
                "Toronto Sun vice-president of finance Bruce Jackson",
                Person,
            )],
        ),
    ] {
        assert_credits(sentence, expected);
    }
    // A joining word is read only before a capital: `de facto` is no name.
    assert_credits(
        "Dmitry Peskov de facto said the talks had failed.",
        &[("Dmitry Peskov", Person)],
    );
}

/// The office a title holds after `of` or `for` is part of the title (`the Minister of
/// Finance`, `the Secretary of State for Defence`): the title alone credits its holder, and
/// one before a name is read with it; a link that is no office still parts a title from what
/// comes before (`drafted by Finance Minister`).
#[test]
fn an_office_after_of_or_for_is_part_of_its_title() {
    use SourceKind::*;
    for (sentence, expected) in [
        (
            "The Chancellor of the Exchequer said on Tuesday that taxes would rise.",
            &[("The Chancellor of the Exchequer", Person)][..],
        ),
        (
            "The minister of finance told reporters the deal was fair.",
            &[("The minister of finance", Person)],
        ),
        (
            "The U.S. Secretary of State said the deal was fair.",
            &[("The U.S. Secretary of State", Person)],
        ),
        (
            "Britain's Secretary of State for Defence said the deal was fair.",
            &[("Britain's Secretary of State for Defence", Person)],
        ),
        (
            "The talks failed, Minister of State for Foreign Affairs Rashid al-Nuaimi said.",
            &[(
                "Minister of State for Foreign Affairs Rashid al-Nuaimi",
                Person,
            )],
        ),
        (
            "The Secretary of State for Defence, John Healey, said the deal was fair.",
            &[("John Healey", Person)],
        ),
        (
            "Earlier today the Bundesbank's vice-president Helmut Schlesinger said rates would hold.",
            &[("the Bundesbank's vice-president Helmut Schlesinger", Person)],
        ),
    ] {
        assert_credits(sentence, expected);
    }
    // Who drafted what is quoted is none of its credits; the report quoted is.
    assert_eq!(
        credits(
            "The papers quoted the report, drafted by Finance Minister Onno Ruding, as saying revenue rose."
        ),
        [("the report".into(), Document, Cue::Citing)]
    );
}

/// Today's wire and web phrasing: outlets named after what they are (`Le Monde newspaper`,
/// `Israel's Channel 12`, `Bloomberg News`) or by it alone (`the newspaper`), the people
/// familiar with the matter, an official made anonymous by an aside, a report in a paper
/// (the paper is the source, not a place), the White House.
#[test]
fn todays_phrasing_is_credited() {
    use SourceKind::*;
    for (sentence, expected) in [
        (
            "The talks had failed, Bloomberg News reported, citing people familiar with the matter.",
            &[
                ("Bloomberg News", Agency),
                ("people familiar with the matter", Anonymous),
            ][..],
        ),
        (
            "People familiar with the matter told Reuters the talks had failed.",
            &[("People familiar with the matter", Anonymous)],
        ),
        (
            "The talks had failed, two people with knowledge of the plans said.",
            &[("two people with knowledge of the plans", Anonymous)],
        ),
        (
            "Le Monde newspaper said the talks had failed.",
            &[("Le Monde newspaper", Agency)],
        ),
        (
            "The Times of Israel reported that the cabinet would meet.",
            &[("The Times of Israel", Agency)],
        ),
        (
            "The Business Journal of New Jersey told reporters it would publish a monthly.",
            &[("The Business Journal of New Jersey", Agency)],
        ),
        (
            "Scotland Yard said two men had been arrested.",
            &[("Scotland Yard", Institution)],
        ),
        (
            "The head of the IAEA said inspectors were on site.",
            &[("The head of the IAEA", Person)],
        ),
        (
            "The chief of the IMF said growth would slow.",
            &[("The chief of the IMF", Person)],
        ),
        (
            "The head of the IAEA, Rafael Grossi, said inspectors were on site.",
            &[("Rafael Grossi", Person)],
        ),
        (
            "The Bank of Japan said rates would stay on hold.",
            &[("The Bank of Japan", Institution)],
        ),
        (
            "NBC television, quoting intelligence sources, reported that shipments went on.",
            &[
                ("NBC television", Agency),
                ("intelligence sources", Anonymous),
            ],
        ),
        (
            "The talks had failed, the newspaper said, citing officials.",
            &[("the newspaper", Agency), ("officials", Anonymous)],
        ),
        (
            "The White House said on Tuesday that the talks had failed.",
            &[("The White House", Institution)],
        ),
        (
            "A report by the state news agency WAFA said the talks had failed.",
            &[("the state news agency WAFA", Agency)],
        ),
        (
            "A Reuters report said the talks had failed.",
            &[("Reuters", Agency)],
        ),
        (
            "The NBC report said the talks had failed.",
            &[("NBC", Agency)],
        ),
        (
            "The Times report said the talks had failed.",
            &[("The Times", Agency)],
        ),
        ("The BBC said the talks had failed.", &[("The BBC", Agency)]),
        (
            "The talks had failed, a local newspaper reported.",
            &[("a local newspaper", Agency)],
        ),
        (
            "In a newspaper interview the minister said the talks had failed.",
            &[("the minister", Person)],
        ),
        (
            "In a Reuters interview, Lavrov said the talks had failed.",
            &[("Lavrov", Person)],
        ),
        (
            "A Pravda editorial said the talks had failed.",
            &[("Pravda", Agency)],
        ),
        (
            "An AFP article said the talks had failed.",
            &[("AFP", Agency)],
        ),
        (
            "A Gazette spokesman, who declined to be named, said the debt was large.",
            &[("Gazette spokesman", Anonymous)],
        ),
        (
            "Revenue will rise, figures published by the Iranian news agency IRNA show.",
            &[("the Iranian news agency IRNA", Agency)],
        ),
        (
            "The talks failed, according to a statement issued by the Kremlin.",
            &[("the Kremlin", Institution)],
        ),
        (
            "The talks failed, according to a transcript released by the ministry.",
            &[("the ministry", Institution)],
        ),
        (
            "The talks failed, according to a readout from the White House.",
            &[("the White House", Institution)],
        ),
        (
            "The talks failed, according to a Kremlin readout.",
            &[("Kremlin", Institution)],
        ),
        (
            "Musk posted on X that the deal was dead.",
            &[("Musk", Person)],
        ),
        (
            "The ministry posted on its Telegram channel that the village was taken.",
            &[("The ministry", Institution)],
        ),
        (
            "A Gazette spokesman said the debt was large.",
            &[("Gazette spokesman", Anonymous)],
        ),
        (
            "Ukraine's air force said it shot down 40 drones overnight.",
            &[("Ukraine's air force", Institution)],
        ),
        (
            "Security forces said they killed three militants.",
            &[("Security forces", Institution)],
        ),
        (
            "Indonesia's Armed Forces Commander General Benny Murdani said the threat was small.",
            &[(
                "Indonesia's Armed Forces Commander General Benny Murdani",
                Person,
            )],
        ),
        (
            "Israel's Channel 12 reported that the talks had failed.",
            &[("Israel's Channel 12", Agency)],
        ),
        (
            "The talks had failed, CNN reported, citing a U.S. official.",
            &[("CNN", Agency), ("a U.S. official", Anonymous)],
        ),
        (
            "A U.S. official, speaking on condition of anonymity, said the talks had failed.",
            &[("A U.S. official", Anonymous)],
        ),
        (
            "A report in Der Spiegel magazine said the talks had failed.",
            &[("Der Spiegel magazine", Agency)],
        ),
        (
            "A report in Kathimerini said the talks had failed.",
            &[("Kathimerini", Person)],
        ),
        (
            "A report in Ta Nea said the talks had failed.",
            &[("Ta Nea", Person)],
        ),
        (
            "According to a report in the Financial Times, the talks had failed.",
            &[("the Financial Times", Agency)],
        ),
        (
            "According to a statement from the presidential office, the talks had failed.",
            &[("the presidential office", Institution)],
        ),
        (
            "French President Emmanuel Macron's office said the talks had failed.",
            &[("French President Emmanuel Macron's office", Institution)],
        ),
        (
            "President Vladimir Putin's spokesman said the talks had failed.",
            &[("President Vladimir Putin's spokesman", Anonymous)],
        ),
        // A name in the possessive, a plural's too, is read whole with what it owns.
        (
            "The United Nations' humanitarian office said aid was blocked.",
            &[("The United Nations' humanitarian office", Institution)],
        ),
        (
            "The United States' top diplomat said the talks had failed.",
            &[("The United States' top diplomat", Anonymous)],
        ),
        (
            "The Federal Reserve Bank of New York's president said rates would stay high.",
            &[("The Federal Reserve Bank of New York's president", Person)],
        ),
        (
            "Costa Rica's economy minister said the talks had failed.",
            &[("Costa Rica's economy minister", Person)],
        ),
        (
            "Citing Japan's finance ministry, Kyodo said exports fell.",
            &[("Japan's finance ministry", Institution), ("Kyodo", Agency)],
        ),
        (
            "Israel's Prime Minister's Office said the talks had failed.",
            &[("Israel's Prime Minister's Office", Institution)],
        ),
        (
            "The president's office said the talks had failed.",
            &[("The president's office", Institution)],
        ),
        (
            "Police's spokesman said the man was arrested.",
            &[("Police's spokesman", Anonymous)],
        ),
        (
            "Analysts said it raises BP's profile ahead of the British government's announced sale.",
            &[("Analysts", Anonymous)],
        ),
        (
            "Growth slowed, the U.S. Agriculture Department's officer in Moscow said.",
            &[("the U.S. Agriculture Department's officer", Anonymous)],
        ),
        (
            "Ukraine's general staff said the talks had failed.",
            &[("Ukraine's general staff", Institution)],
        ),
        // A number alone in an aside is an age.
        (
            "Smith, 45, said the talks had failed.",
            &[("Smith", Person)],
        ),
        (
            "The talks had failed, Smith, 45, told Reuters.",
            &[("Smith", Person)],
        ),
        (
            "Rates would stay low, officials of Japan's central bank said.",
            &[("officials of Japan's central bank", Anonymous)],
        ),
        // `of the` joins a name's words as `of` does.
        (
            "The Bank of the Netherlands said output would rise.",
            &[("The Bank of the Netherlands", Institution)],
        ),
        (
            "The council of the Australian Petroleum Exploration Association said output would rise.",
            &[(
                "The council of the Australian Petroleum Exploration Association",
                Institution,
            )],
        ),
        (
            "Jane Doe of the Brookings Institution said output would rise.",
            &[("Jane Doe of the Brookings Institution", Person)],
        ),
        // ... and so do `for` and `and` between capitalized words.
        (
            "The Syrian Observatory for Human Rights said 30 died.",
            &[("Syrian Observatory for Human Rights", Person)],
        ),
        (
            "Britain's Office for National Statistics said inflation rose.",
            &[("Britain's Office for National Statistics", Institution)],
        ),
        (
            "Prices rose, the Department of Trade and Industry said.",
            &[("the Department of Trade and Industry", Institution)],
        ),
        (
            "A spokesman for President Reagan said 30 died.",
            &[("A spokesman for President Reagan", Anonymous)],
        ),
        (
            "Lebanon's state-run National News Agency reported that strikes hit the south.",
            &[("Lebanon's state-run National News Agency", Agency)],
        ),
        // `the` before a name that ends the clause after an inverted cue is no word between.
        (
            "Prices rose, said the Brookings Institution.",
            &[("Brookings Institution", Person)],
        ),
        (
            "The head of the assembly, Akbar Nouri, warned the U.S. Not to intervene.",
            &[("Akbar Nouri", Person)],
        ),
        // Who holds an office of a source is the speaker, read with it.
        (
            "Rates would stay low, according to the governor of the central bank.",
            &[("the governor of the central bank", Person)],
        ),
        (
            "Rates would stay low, said the head of the central bank.",
            &[("the head of the central bank", Person)],
        ),
        (
            "The former president of Pemex said output fell.",
            &[("The former president of Pemex", Person)],
        ),
        (
            "Prices rose, the president of the Mexican stock exchange, Manuel Somoza, said.",
            &[("Manuel Somoza", Person)],
        ),
        (
            "Prices rose, a unit of the company said.",
            &[("the company", Institution)],
        ),
        (
            "The talks had failed, Christian Roeher, Secretary-General of the European Chamber of Commerce, said.",
            &[("Christian Roeher", Person)],
        ),
        (
            "Wang Chang-Ming, Vice Chairman of the Council for Economic Planning and Development, told Reuters the talks had failed.",
            &[("Wang Chang-Ming", Person)],
        ),
        (
            "The talks had failed, U.K. Chancellor of the Exchequer Nigel Lawson said.",
            &[("U.K. Chancellor of the Exchequer Nigel Lawson", Person)],
        ),
        (
            "An article in the Sueddeutsche Zeitung said the talks had failed.",
            &[("the Sueddeutsche Zeitung", Agency)],
        ),
        (
            "The Daily Mail said the talks had failed.",
            &[("The Daily Mail", Agency)],
        ),
        (
            "Press reports said the talks had failed.",
            &[("Press reports", Agency)],
        ),
        (
            "The talks had failed, according to wire reports.",
            &[("wire reports", Agency)],
        ),
        (
            "The party's leader, Khaleda Zia, pointedly told reporters the talks had failed.",
            &[("Khaleda Zia", Person)],
        ),
        (
            "First Toronto, an investment bank, also said the talks had failed.",
            &[("First Toronto", Person)],
        ),
        (
            "The talks had failed, the semi-official Tasnim news agency reported.",
            &[("the semi-official Tasnim news agency", Agency)],
        ),
        (
            "The talks had failed, Ukraine's military said.",
            &[("Ukraine's military", Institution)],
        ),
        (
            "The United Nations said the talks had failed.",
            &[("The United Nations", Institution)],
        ),
        (
            "The talks had failed, the U.N. said.",
            &[("the U.N.", Institution)],
        ),
        (
            "The talks had failed, Hamas said in a statement.",
            &[("Hamas", Institution)],
        ),
        (
            "The Reagan administration said the talks had failed.",
            &[("The Reagan administration", Institution)],
        ),
        (
            "Reagan administration officials said the talks had failed.",
            &[("Reagan administration officials", Anonymous)],
        ),
        // Initials that describe a speaker do not speak: they are part of the speaker's credit,
        // whose representative he is.
        (
            "Pakistan's acting U.N. representative Aneesuddin Ahmed said the talks had failed.",
            &[(
                "Pakistan's acting U.N. representative Aneesuddin Ahmed",
                Person,
            )],
        ),
        // What a knowing source knows of is read with it, up to what follows it.
        (
            "Sources close to the Fed say Volcker will stay.",
            &[("Sources close to the Fed", Anonymous)],
        ),
        (
            "People familiar with the matter were quoted as saying the talks had failed.",
            &[("People familiar with the matter", Anonymous)],
        ),
        (
            "Sources close to the 1987 deal said it had failed.",
            &[("Sources", Anonymous)],
        ),
        // A title's word read over a preposition (`official at General`) takes no source
        // before it with it; the firm is whose the official is.
        (
            "An official at General Motors said it would apply.",
            &[("An official at General Motors", Anonymous)],
        ),
        (
            "Published reports put the value of the order at 2.5 billion dlrs.",
            &[],
        ),
        // A surname right after `according to`, `citing` or `quoted`.
        (
            "The talks had failed, according to Peskov.",
            &[("Peskov", Person)],
        ),
        (
            "TASS quoted Lavrov as saying the talks had failed.",
            &[("TASS", Agency), ("Lavrov", Person)],
        ),
        (
            "Exports fell, the ministry said, citing Japan trade figures.",
            &[("the ministry", Institution)],
        ),
        // A ministry's website is the ministry's word.
        (
            "The talks had failed, according to the foreign ministry website.",
            &[("the foreign ministry", Institution)],
        ),
        // An office holder without a name, unless one follows or the office is said.
        (
            "The talks had failed, Russia's foreign minister told Reuters.",
            &[("Russia's foreign minister", Person)],
        ),
        (
            "Its chairman said profits rose.",
            &[("Its chairman", Person)],
        ),
        // Whose office it is in the possessive, its office in two words after it.
        (
            "The country's central bank governor told parliament inflation would fall.",
            &[("The country's central bank governor", Person)],
        ),
        // A chief by whose they are, before a cue or a mark; not a chief executive.
        (
            "The EU's foreign policy chief said the talks would resume.",
            &[("The EU's foreign policy chief", Person)],
        ),
        (
            "The talks would resume, according to Israel's army chief, who spoke in Tel Aviv.",
            &[("Israel's army chief", Person)],
        ),
        (
            "The army chief told reporters the operation would go on.",
            &[("The army chief", Person)],
        ),
        (
            "Its chief executive said profits rose.",
            &[("Its chief executive", Anonymous)],
        ),
        // Not a name read as a title's words (a copy of `told reporters Citibank's William
        // Rhodes as Chairman`).
        (
            "The talks had failed, told reporters Citibank's William Rhodes as Chairman.",
            &[("Citibank's William Rhodes", Person)],
        ),
        (
            "The talks had failed, its ambassador to Kuwait, Ernest Zverev, said.",
            &[("Ernest Zverev", Person)],
        ),
        (
            "The talks had failed, the president of the Soybean Association said.",
            &[("the president of the Soybean Association", Person)],
        ),
        (
            "Peskov was quoted by Russian news agencies as saying the talks had failed.",
            &[("Peskov", Person), ("Russian news agencies", Agency)],
        ),
        (
            "Zemljaric was not quoted as saying whether the debt was principal or interest.",
            &[],
        ),
        // The negation a word away from the cue, which still counts as one.
        (
            "Zemljaric has not been quoted as saying whether the debt was principal or interest.",
            &[],
        ),
        (
            "The talks had failed, Iran's semi-official Fars news agency said.",
            &[("Iran's semi-official Fars news agency", Agency)],
        ),
        (
            "The talks had failed, the official Saudi Press Agency said.",
            &[("the official Saudi Press Agency", Agency)],
        ),
        (
            "The talks had failed, North Korea's KCNA state news agency said.",
            &[("North Korea's KCNA state news agency", Agency)],
        ),
    ] {
        assert_credits(sentence, expected);
    }
}

/// Unnamed people are read with whose they are, one credit, as `a Deutsche Bank spokesman` is
/// (`for`, `at`, `of`, `with`, `from`; after `citing` and `according to` too); not an agency,
/// which is a source of its own, nor a name that describes what follows it.
#[test]
fn unnamed_people_are_read_with_whose_they_are() {
    use SourceKind::*;
    for (sentence, expected) in [
        (
            "A spokesman for Deutsche Bank said the talks had ended.",
            &[("A spokesman for Deutsche Bank", Anonymous)][..],
        ),
        (
            "A spokesman for Deutsche Bank also said the talks had ended.",
            &[("A spokesman for Deutsche Bank", Anonymous)][..],
        ),
        (
            "A spokesman for Li said the talks had ended.",
            &[("A spokesman for Li", Anonymous)][..],
        ),
        (
            "A spokesman for Deutsche Bank in Frankfurt said the talks had ended.",
            &[("A spokesman for Deutsche Bank", Anonymous)][..],
        ),
        (
            "Officials at the Bank of Japan said rates would stay low.",
            &[("Officials at the Bank of Japan", Anonymous)][..],
        ),
        (
            "Rates would stay low, an official with the Finance Ministry told Reuters.",
            &[("an official with the Finance Ministry", Anonymous)][..],
        ),
        (
            "Economists from Deutsche Bank said rates would stay low.",
            &[("Economists from Deutsche Bank", Anonymous)][..],
        ),
        // Across a relative clause, where only whose they are would be credited.
        (
            "An official of the Finance Ministry who declined to be named said the talks ended.",
            &[("An official of the Finance Ministry", Anonymous)][..],
        ),
        (
            "A spokesman for the ministry, who declined to be named, said the talks ended.",
            &[("A spokesman for the ministry", Anonymous)][..],
        ),
        // A capitalized plural opening the sentence with whose they are is no name.
        (
            "Officials of MMC Sittipol said Chrysler buys the same models.",
            &[("Officials of MMC Sittipol", Anonymous)][..],
        ),
        (
            "Officials of\nMMC Sittipol said Chrysler buys the same models.",
            &[("Officials of MMC Sittipol", Anonymous)][..],
        ),
        (
            "According to a spokesman for the Russian Foreign Ministry, the talks were off.",
            &[("a spokesman for the Russian Foreign Ministry", Anonymous)][..],
        ),
        (
            "Citing a spokesman for the ministry, TASS said the talks were off.",
            &[
                ("a spokesman for the ministry", Anonymous),
                ("TASS", Agency),
            ][..],
        ),
        (
            "A spokesman for Reuters said the story was accurate.",
            &[("A spokesman", Anonymous), ("Reuters", Agency)][..],
        ),
        (
            "The Journal quoted a spokesman of Australian stock broker Jacksons Ltd as saying so.",
            &[("The Journal", Agency), ("a spokesman", Anonymous)][..],
        ),
        // Whose they are before them, kept apart by a name's joining word.
        (
            "Bank of Japan officials said rates would stay low.",
            &[("Bank of Japan officials", Anonymous)][..],
        ),
        (
            "Rates would stay low, Ministry of Finance officials said.",
            &[("Ministry of Finance officials", Anonymous)][..],
        ),
        // A body's name opening on two capitals, which a person's would too.
        (
            "Economic Planning Board officials said growth would slow.",
            &[("Economic Planning Board officials", Anonymous)][..],
        ),
        // Whose they are before `was`, no noun it describes.
        (
            "A spokesman for Deutsche Bank was quoted as saying the talks had ended.",
            &[("A spokesman for Deutsche Bank", Anonymous)][..],
        ),
        // What kind of people they are, between.
        (
            "Ministry of Finance senior officials said rates would stay low.",
            &[("Ministry of Finance senior officials", Anonymous)][..],
        ),
        (
            "Rates would stay low, Deutsche Bank market analysts said.",
            &[("Deutsche Bank market analysts", Anonymous)][..],
        ),
        // Where they are is not whose.
        (
            "Officials in Bonn said the talks had ended.",
            &[("Officials", Anonymous)][..],
        ),
        // A named person stays apart from whose they are: a person's credit ends on the name,
        // which `same_person` reads.
        (
            "Tom Smith at Deutsche Bank said the talks had ended.",
            &[("Tom Smith", Person), ("Deutsche Bank", Institution)][..],
        ),
    ] {
        assert_credits(sentence, expected);
    }
    // People with words of their own (an article) are no name's joined before them.
    let sentence = "However the sources said the talks had ended.";
    let got = credits(sentence);
    assert!(
        got.iter().all(|(s, _, _)| !s.starts_with("However")),
        "{sentence}: {got:?}"
    );
    // A person is nobody's people: the name stays a person's credit before them.
    let sentence = "Stocks were high, Chris Honnor of London-based brokers Grieveson Grant said.";
    let got = credits(sentence);
    assert!(
        got.iter()
            .any(|(s, kind, _)| s.starts_with("Chris Honnor") && *kind == Person),
        "{sentence}: {got:?}"
    );
}

#[test]
fn a_named_person_is_read_with_whose_they_are_before_their_role() {
    use SourceKind::*;
    for (sentence, expected) in [
        (
            "The bank will cut jobs, Deutsche Bank analyst Tom Smith said.",
            &[("Deutsche Bank analyst Tom Smith", Person)][..],
        ),
        (
            "The bank will cut jobs, said Deutsche Bank analyst Tom Smith.",
            &[("Deutsche Bank analyst Tom Smith", Person)][..],
        ),
        (
            "According to Deutsche Bank analyst Tom Smith, the bank will cut jobs.",
            &[("Deutsche Bank analyst Tom Smith", Person)][..],
        ),
        (
            "Senior Citibank executive William Rhodes said he was encouraged.",
            &[("Senior Citibank executive William Rhodes", Person)][..],
        ),
        (
            "Fidelity Bank senior economist Mickey Levy said rates would rise.",
            &[("Fidelity Bank senior economist Mickey Levy", Person)][..],
        ),
        (
            "Merrill Lynch and Co Inc chairman and chief executive William Schreyer said so.",
            &[(
                "Merrill Lynch and Co Inc chairman and chief executive William Schreyer",
                Person,
            )][..],
        ),
        // A ticker in brackets between them.
        (
            "Chase Manhattan Corp (CMB) president Thomas Labrecque said the fall was unjustified.",
            &[(
                "Chase Manhattan Corp (CMB) president Thomas Labrecque",
                Person,
            )][..],
        ),
        (
            "Sony Corp <SNE.T> chairman Akio Morita said profits would fall.",
            &[("Sony Corp <SNE.T> chairman Akio Morita", Person)][..],
        ),
        (
            "European Community (EC) commissioner Willy de Clercq told reporters so.",
            &[(
                "European Community (EC) commissioner Willy de Clercq",
                Person,
            )][..],
        ),
        // The role ending whose they are, or opening the person's credit.
        (
            "Special prosecutor Lawrence Walsh said he asked for a delay.",
            &[("Special prosecutor Lawrence Walsh", Person)][..],
        ),
        (
            "CBI economic situation committee chairman David Wigglesworth said sterling was fine.",
            &[(
                "CBI economic situation committee chairman David Wigglesworth",
                Person,
            )][..],
        ),
        (
            "Commission President von der Leyen said the talks had ended.",
            &[("Commission President von der Leyen", Person)][..],
        ),
        (
            "Merrill Lynch analyst and strategist John Smith said the talks had ended.",
            &[("Merrill Lynch analyst and strategist John Smith", Person)][..],
        ),
        // A cue, a comma or a preposition between them: two credits, or whom it told.
        (
            "IBM told analyst John Smith the plan was off.",
            &[("IBM", Institution)][..],
        ),
        (
            "Deutsche Bank and analyst John Smith said the talks had ended.",
            &[("Deutsche Bank", Institution), ("John Smith", Person)][..],
        ),
        // A firm's name after a role is the firm's (the bank managing a bond issue).
        (
            "Lead manager Algemene Bank Nederland said the issue was priced.",
            &[("Algemene Bank Nederland", Person)][..],
        ),
        // An agency's people are the agency's credit and their own.
        (
            "Reuters correspondent John Smith reported the talks had ended.",
            &[("Reuters", Agency), ("John Smith", Person)][..],
        ),
    ] {
        assert_credits(sentence, expected);
    }
}

/// One who speaks for a body or a firm, named as headlines and wire copy name them, by whose
/// or what kind they are without a determiner, is one unnamed credit; named after it, one
/// person's; set off by commas after a name, only who the name is.
#[test]
fn one_who_speaks_for_a_body_is_read_without_a_determiner() {
    use SourceKind::*;
    for (sentence, expected) in [
        (
            "Bundesbank spokesman said the rate was unchanged.",
            &[("Bundesbank spokesman", Anonymous)][..],
        ),
        (
            "The rate was unchanged, Bundesbank spokesman said.",
            &[("Bundesbank spokesman", Anonymous)][..],
        ),
        (
            "Egyptian official said the talks would resume.",
            &[("Egyptian official", Anonymous)][..],
        ),
        (
            "Soviet negotiator said the talks would resume.",
            &[("Soviet negotiator", Anonymous)][..],
        ),
        (
            "Deutsche Bank chief economist said rates would rise.",
            &[("Deutsche Bank chief economist", Anonymous)][..],
        ),
        (
            "Defence Ministry spokesman told reporters the talks would resume.",
            &[("Defence Ministry spokesman", Anonymous)][..],
        ),
        (
            "The deal was off, company spokesman said.",
            &[("company spokesman", Anonymous)][..],
        ),
        (
            "A delegate from one of the eight said more producers supported them.",
            &[("A delegate", Anonymous)][..],
        ),
        // Over a word that joins or places: from the people's own determiner.
        (
            "More than one official said the talks would resume.",
            &[("one official", Anonymous)][..],
        ),
        // Named after it: one person's credit, however many joins make it.
        (
            "Prices improved, Peters and Co Ltd oil analyst Wilf Gobert said.",
            &[("Peters and Co Ltd oil analyst Wilf Gobert", Person)][..],
        ),
        (
            "The yen will hold, the Bank of Tokyo's economic adviser Koei Narusawa said.",
            &[("the Bank of Tokyo's economic adviser Koei Narusawa", Person)][..],
        ),
        // Set off after a name: who the name is.
        (
            "John Smith, Deutsche Bank chief economist, said rates would rise.",
            &[("John Smith", Person)][..],
        ),
        (
            "John Smith, Bundesbank spokesman, said the rate was unchanged.",
            &[("John Smith", Person)][..],
        ),
        // Not other people without a determiner.
        (
            "Last week investor Carl Icahn said he would sell.",
            &[("Carl Icahn", Person)][..],
        ),
    ] {
        assert_credits(sentence, expected);
    }
}

/// A firm named in the possessive is a name where nothing it owns follows it: a verb that only
/// says, or one that may describe a noun before what a clause opens on, or the clause's end.
#[test]
fn a_firm_named_in_the_possessive_is_a_source() {
    use SourceKind::*;
    for (sentence, expected) in [
        (
            "Moody's said it downgraded the bank's debt.",
            &[("Moody's", Person)][..],
        ),
        (
            "The debt was cut, Standard and Poor's told reporters.",
            &[("Standard and Poor's", Person)][..],
        ),
        (
            "The debt was cut, according to Lloyd's.",
            &[("Lloyd's", Person)][..],
        ),
        (
            "The debt was cut, according to Lloyd's",
            &[("Lloyd's", Person)][..],
        ),
        (
            "However, Moody's noted that the bank remains liquid.",
            &[("Moody's", Person)][..],
        ),
        (
            "Moody's stated Standard Chartered remains liquid.",
            &[("Moody's", Person)][..],
        ),
        (
            "Although Moody's said the debt was sound, it cut the rating.",
            &[("Moody's", Person)][..],
        ),
        // Whose, before what it owns or a participle describing it.
        ("Japan's reported plan was dropped.", &[][..]),
        ("Reagan's stated policy was dropped.", &[][..]),
        ("Japan's reported 10 pct rise was revised.", &[][..]),
        ("It's said the deal was off.", &[][..]),
    ] {
        assert_credits(sentence, expected);
    }
}

/// After a cue with no subject before it, the role a name is named after stands between them
/// (`said lead manager Salomon Brothers Inc`); not after a subject, where the name is what was
/// said.
#[test]
fn a_role_may_stand_between_an_inverted_cue_and_its_name() {
    use SourceKind::*;
    for (sentence, expected) in [
        (
            "The notes yield 8.06 pct, said lead manager Salomon Brothers Inc.",
            &[("Salomon Brothers Inc", Institution)][..],
        ),
        (
            "The notes yield 8.06 pct, said analyst John Smith.",
            &[("John Smith", Person)][..],
        ),
        (
            "The notes yield 8.06 pct, said analyst Smith.",
            &[("Smith", Person)][..],
        ),
        (
            "The bank said analyst John Smith would leave.",
            &[("The bank", Institution)][..],
        ),
        (
            "The notes yield 8.06 pct, said the pricing John Smith set.",
            &[][..],
        ),
    ] {
        assert_credits(sentence, expected);
    }
}

/// A body right before another source of its cue describes it, or is where it spoke: the
/// source after it is the credit. Unnamed people before a name stay a credit of their own.
#[test]
fn a_body_before_a_source_of_its_cue_is_no_credit_of_its_own() {
    use SourceKind::{Agency, Anonymous, Institution, Person};
    for (sentence, expected) in [
        (
            "The Mexican state oil company Petroleos Mexicanos said prices would rise.",
            &[("Petroleos Mexicanos", Person)][..],
        ),
        (
            "In a filing with the Securities and Exchange Commission Bilzerian said he bought shares.",
            &[("Bilzerian", Person)][..],
        ),
        (
            "Industrial holding company Williams Holdings Plc said it was bidding.",
            &[("Williams Holdings Plc", Institution)][..],
        ),
        (
            "A spokesman for the tin mining company PT Tambang Timah told reporters it would wait.",
            &[
                ("A spokesman for the tin mining company", Anonymous),
                ("PT Tambang Timah", Person),
            ][..],
        ),
    ] {
        assert_credits(sentence, expected);
    }
    // An agency's name with its `News Agency` is one source, whatever it stands before.
    let got = credits("Kyodo News Agency, quoting a weekly magazine, said exports fell.");
    assert!(
        got.contains(&("Kyodo News Agency".into(), Agency, Cue::Said)),
        "{got:?}"
    );
}

/// A firm's name, read where and as a person's is, is credited as a body's: one that ends on a
/// firm's or a body's word, or an acronym. Not a person named with whom they work for.
#[test]
fn a_firms_name_is_a_bodys() {
    use SourceKind::{Institution, Person};
    for (sentence, expected) in [
        (
            "Unisys Corp said sales rose.",
            &[("Unisys Corp", Institution)][..],
        ),
        // A general staff, a service, a command: bodies, not a general named Staff.
        (
            "Ukraine's General Staff said 40 attacks were repelled.",
            &[("Ukraine's General Staff", Institution)][..],
        ),
        (
            "The Canadian Bond Rating Service said it cut the rating.",
            &[("Canadian Bond Rating Service", Institution)][..],
        ),
        (
            "US Central Command said it struck targets.",
            &[("US Central Command", Institution)][..],
        ),
        ("Sales rose, IBM said.", &[("IBM", Institution)][..]),
        (
            "Standard and Poor's Corp said it may upgrade the debt.",
            &[("Standard and Poor's Corp", Institution)][..],
        ),
        (
            "Fruit of the Loom Inc said sales rose.",
            &[("Fruit of the Loom Inc", Institution)][..],
        ),
        (
            "The Economic Planning Board said growth would slow.",
            &[("The Economic Planning Board", Institution)][..],
        ),
        (
            "Anglo American Corp of South Africa Ltd said gold output rose.",
            &[("Anglo American Corp of South Africa Ltd", Institution)][..],
        ),
        (
            "Executive Life Insurance Co said sales rose.",
            &[("Executive Life Insurance Co", Institution)][..],
        ),
        (
            "Chairman of Unisys Corp said sales rose.",
            &[("Chairman of Unisys Corp", Person)][..],
        ),
        (
            "Bank of Japan Governor Satoshi Sumita said rates would hold.",
            &[("Bank of Japan Governor Satoshi Sumita", Person)][..],
        ),
        ("Sales rose, Lehman said.", &[("Lehman", Person)][..]),
        // One capital is a person's initial (a witness named so), not an acronym.
        ("The guards fled, K said.", &[("K", Person)][..]),
        (
            "Sanford Margoshes of Shearson Lehman Brothers said the deal was good.",
            &[("Sanford Margoshes of Shearson Lehman Brothers", Person)][..],
        ),
        (
            "The dollar will fall, said Alan Rose of\nFirst Interstate Bank.",
            &[("Alan Rose of First Interstate Bank", Person)][..],
        ),
    ] {
        assert_credits(sentence, expected);
    }
}

/// A firm named after its partners is read with the comma in its name; a firm's name before
/// the comma is another firm's.
#[test]
fn a_firm_named_after_its_partners_is_read_whole() {
    use SourceKind::*;
    for (sentence, expected) in [
        (
            "The notes yield 8.06 pct, said lead manager Goldman, Sachs and Co.",
            &[("Goldman, Sachs and Co", Institution)][..],
        ),
        (
            "Kidder, Peabody and Co Inc said it would buy the notes.",
            &[("Kidder, Peabody and Co Inc", Institution)][..],
        ),
        (
            "Smith Barney, Harris Upham and Co said it would buy the notes.",
            &[("Smith Barney, Harris Upham and Co", Institution)][..],
        ),
        (
            "Robert Reitzes, analyst at Mabon, Nugent and Co, said the unit might be sold.",
            &[("Robert Reitzes", Person)][..],
        ),
        (
            "Salomon Inc, Goldman Sachs and Co said they would buy the notes.",
            &[("Goldman Sachs and Co", Institution)][..],
        ),
        (
            "Salomon Inc., Goldman Sachs and Co said they would buy the notes.",
            &[("Goldman Sachs and Co", Institution)][..],
        ),
    ] {
        assert_credits(sentence, expected);
    }
}

/// Whom markets and conferences are reported through are unnamed people.
#[test]
fn delegates_managers_and_underwriters_are_unnamed_people() {
    use SourceKind::*;
    for (sentence, expected) in [
        (
            "The buffer stock will buy cocoa, delegates said.",
            &[("delegates", Anonymous)][..],
        ),
        (
            "The Norwegian delegates said they would leave.",
            &[("The Norwegian delegates", Anonymous)][..],
        ),
        (
            "Gilt prices will firm, one bond manager said.",
            &[("one bond manager", Anonymous)][..],
        ),
        (
            "The issue saw strong demand, underwriters said.",
            &[("underwriters", Anonymous)][..],
        ),
        (
            "Political commentators said the result was a surprise.",
            &[("Political commentators", Anonymous)][..],
        ),
        // Leaders, representatives, trustees and businessmen, and what kind they are in small
        // letters (`union`, `bond`, `currency`, `business`), not cut from them.
        (
            "The strike began in February, and union leaders said they would not return.",
            &[("union leaders", Anonymous)][..],
        ),
        (
            "We will carry on until the end, a union leader said.",
            &[("a union leader", Anonymous)][..],
        ),
        (
            "The pact contained no wage increase, a union representative said.",
            &[("a union representative", Anonymous)][..],
        ),
        (
            "The company outbid WTD Industries Inc, the mill's bankruptcy trustee said.",
            &[("the mill's bankruptcy trustee", Anonymous)][..],
        ),
        (
            "The yen could rise to 140, a leading Japanese businessman said.",
            &[("a leading Japanese businessman", Anonymous)][..],
        ),
        (
            "Bankers and businessmen said the conference would air the problems.",
            &[("Bankers", Anonymous), ("businessmen", Anonymous)][..],
        ),
        (
            "Most issues are swap driven, bond managers said.",
            &[("bond managers", Anonymous)][..],
        ),
        (
            "The Fed bought dollars in the open market, currency dealers said.",
            &[("currency dealers", Anonymous)][..],
        ),
        (
            "The reform is not as bold as expected, economists and business leaders said.",
            &[("economists", Anonymous), ("business leaders", Anonymous)][..],
        ),
    ] {
        assert_credits(sentence, expected);
    }
}

/// An acronym after `the` is a body, read with its article, and whose people speak for it
/// (`A spokesman for the SEC`), as `the ministry` is; in a text in capitals it is no body.
#[test]
fn an_acronym_after_the_is_a_body() {
    use SourceKind::*;
    for (sentence, expected) in [
        (
            "Output rose 2.2 pct, the EEI said.",
            &[("the EEI", Institution)][..],
        ),
        (
            "The OECD said growth would slow.",
            &[("The OECD", Institution)][..],
        ),
        (
            "A spokesman for the SEC said the case was closed.",
            &[("A spokesman for the SEC", Anonymous)][..],
        ),
        (
            "Officials at the FDIC said the bank had failed.",
            &[("Officials at the FDIC", Anonymous)][..],
        ),
        // Without `the`, a name in capitals is a firm's, read as any firm's name is and
        // credited as a body's.
        (
            "On Monday IBM said it would cut jobs.",
            &[("IBM", Institution)][..],
        ),
    ] {
        assert_credits(sentence, expected);
    }
    let got = credits("The bank had failed, the FDIC said. It said deposits were safe.");
    assert_eq!(
        got.iter().map(|c| (c.0.as_str(), c.1)).collect::<Vec<_>>(),
        [("the FDIC", Institution)],
    );
}

/// Who acts in a participle describing the speaker is not the speaker (`polled by Reuters`);
/// who put out what speaks is (`issued by the Kremlin`), and so is who leads it.
#[test]
fn the_agent_of_a_participle_is_not_the_speaker() {
    use SourceKind::*;
    for (sentence, expected) in [
        (
            "Analysts polled by Reuters said the plan would work.",
            &[("Analysts", Anonymous)][..],
        ),
        (
            "Deposits will be assumed by DeMotte State Bank in DeMotte, the FDIC said.",
            &[("the FDIC", Institution)][..],
        ),
        (
            "A statement issued by the Kremlin said talks would resume.",
            &[("the Kremlin", Institution)][..],
        ),
        (
            "A group led by Shamrock Associates told the SEC it would mount a proxy contest.",
            &[("Shamrock Associates", Person)][..],
        ),
        (
            "A report carried by TASS said talks would resume.",
            &[("TASS", Agency)][..],
        ),
    ] {
        assert_credits(sentence, expected);
    }
}

/// A cue after the source's own verb and a noun it has for object is a participle describing
/// the noun, not the source's verb (`the decision announced on Friday`); a participle
/// describing the source is not its verb (`Analysts polled by Reuters said`).
#[test]
fn a_cue_describing_the_object_of_the_sources_verb_credits_nobody() {
    for sentence in [
        "Many businessmen are unhappy with Sarney's decision announced on February 20.",
        "Many bankers are unhappy with the decision announced on Friday.",
        "Analysts welcomed the plan announced on Friday.",
        "Dealers were surprised by the new measures announced on Friday.",
        "Analysts welcomed the plan for lower interest rates announced on Friday.",
        "Traders welcomed these measures announced on Friday.",
    ] {
        assert_eq!(credits(sentence), [], "{sentence}");
    }
    use SourceKind::Anonymous;
    for (sentence, source) in [
        (
            "Officials involved in the talks said the plan would work.",
            "Officials involved in the talks",
        ),
        (
            "Economists polled last week said rates would fall.",
            "Economists",
        ),
        (
            "Economists surveyed in the latest poll said rates would fall.",
            "Economists",
        ),
        (
            "Dealers were among the few that said the dollar would rise.",
            "Dealers",
        ),
        (
            "The dealers have in the past said rates would fall.",
            "The dealers",
        ),
        (
            "The dealers have not yet said whether they will bid.",
            "The dealers",
        ),
        (
            "Bankers reported the loans and said the plan would work.",
            "Bankers",
        ),
    ] {
        assert_eq!(
            credits(sentence).first().map(|c| (c.0.as_str(), c.1)),
            Some((source, Anonymous)),
            "{sentence}"
        );
    }
}

#[test]
fn a_papers_word_alone_or_opening_a_firms_name_is_no_paper() {
    use SourceKind::*;
    for (sentence, expected) in [
        (
            "\"Times change, conditions change,\" Schneider said.",
            &[("Schneider", Person)][..],
        ),
        (
            "The Times said the minister would resign.",
            &[("The Times", Agency)][..],
        ),
        (
            "Times of India reported the minister would resign.",
            &[("Times of India", Agency)][..],
        ),
        // Before a capital, a firm's name.
        (
            "Courier Corp said it expects to report a small loss.",
            &[("Courier Corp", Institution)][..],
        ),
        (
            "Times Mirror Co. Inc said it expects to report a small loss.",
            &[("Times Mirror Co. Inc", Institution)][..],
        ),
        // An agency's name opening a firm's is the firm's.
        (
            "Reuters Holdings PLC said its unit would join the venture.",
            &[("Reuters Holdings PLC", Institution)][..],
        ),
    ] {
        assert_credits(sentence, expected);
    }
}

/// An agency is read whole: its name with `Agency` or `News Agency` after it, a name on the list
/// of several words (`Press Trust of India`, `Deutsche Presse-Agentur`, the longer name before
/// the shorter it opens with: `Associated Press of Pakistan`), a press agency after whose it is
/// or what describes it, and an outlet after its kind whose name opens on an Arabic article,
/// joins its words or ends on a number.
#[test]
fn agencies_and_papers_are_read_whole() {
    use SourceKind::Agency;
    for (sentence, source) in [
        (
            "Kyodo News Agency reported that the talks failed.",
            "Kyodo News Agency",
        ),
        (
            "Anadolu Agency reported that the talks resumed.",
            "Anadolu Agency",
        ),
        (
            "The state-run Xinhua News Agency said the plant was closed.",
            "The state-run Xinhua News Agency",
        ),
        (
            "Press Trust of India reported the decision.",
            "Press Trust of India",
        ),
        (
            "Deutsche Presse-Agentur reported the vote.",
            "Deutsche Presse-Agentur",
        ),
        (
            "United Press International reported the fire.",
            "United Press International",
        ),
        (
            "The Associated Press of Pakistan said the prime minister arrived.",
            "The Associated Press of Pakistan",
        ),
        ("Voice of America reported the attack.", "Voice of America"),
        (
            "The official Saudi Press Agency said the king approved the plan.",
            "The official Saudi Press Agency",
        ),
        (
            "The Kuwait daily al-Qabas said supplies rose.",
            "The Kuwait daily al-Qabas",
        ),
        (
            "The London-based daily al-Quds al-Arabi said the talks had stalled.",
            "The London-based daily al-Quds al-Arabi",
        ),
        (
            "The pan-Arab newspaper Asharq al-Awsat said the deal was close.",
            "The pan-Arab newspaper Asharq al-Awsat",
        ),
        // An outlet by what it is, its name with the words that join one and its number.
        (
            "The independent Russian outlet Meduza reported that the ban was lifted.",
            "The independent Russian outlet Meduza",
        ),
        (
            "Italian daily Corriere della Sera reported the arrest.",
            "Italian daily Corriere della Sera",
        ),
        (
            "The state channel Rossiya 24 said the fire was out.",
            "The state channel Rossiya 24",
        ),
        // With the words that describe it before what it is.
        (
            "Japanese public broadcaster NHK reported that the quake was strong.",
            "Japanese public broadcaster NHK",
        ),
        (
            "The talks failed, Russian business daily Kommersant reported.",
            "Russian business daily Kommersant",
        ),
        (
            "Israel's public broadcaster Kan reported the strike.",
            "Israel's public broadcaster Kan",
        ),
        (
            "The German public broadcaster ARD said the vote was close.",
            "The German public broadcaster ARD",
        ),
    ] {
        assert_credits(sentence, &[(source, Agency)]);
    }
    // Not past a cue, a word that places it or a determiner.
    assert_credits(
        "The quake was strong, said public broadcaster NHK.",
        &[("public broadcaster NHK", Agency)],
    );
    assert_credits(
        "The quake was strong, according to public broadcaster NHK.",
        &[("public broadcaster NHK", Agency)],
    );
    for sentence in [
        "Stocks fell after public broadcaster NHK reported the quake.",
        "Stocks fell as public broadcaster NHK reported the quake.",
        "Stocks fell but public broadcaster NHK reported no damage.",
        "On Monday public broadcaster NHK reported the quake.",
    ] {
        assert_credits(sentence, &[("public broadcaster NHK", Agency)]);
    }
    // Three words at most.
    let sentence = "alpha beta gamma delta broadcaster NHK";
    let outlet = &sentence[sentence.find("broadcaster").unwrap()..];
    assert_eq!(
        with_what_describes_the_outlet(sentence, outlet),
        "beta gamma delta broadcaster NHK"
    );
    assert_credits(
        "The minister said that public broadcaster NHK reported the quake.",
        &[
            ("The minister", SourceKind::Person),
            ("public broadcaster NHK", Agency),
        ],
    );
}

/// A name with its initials in brackets after it, both read as sources, is one source, read with
/// them: not the name and a second source that a copy keeping either would be said to have
/// dropped.
#[test]
fn a_name_and_its_initials_in_brackets_are_one_source() {
    use SourceKind::Agency;
    assert_credits(
        "North Korea's official Korean Central News Agency (KCNA) said the test worked.",
        &[(
            "North Korea's official Korean Central News Agency (KCNA)",
            Agency,
        )],
    );
    assert_credits(
        "Kuwait News Agency (KUNA) reported the minister's visit.",
        &[("Kuwait News Agency (KUNA)", Agency)],
    );
    // Sources side by side, or more than one name in brackets, are as many credits.
    assert_credits(
        "Kyodo and Yonhap reported the launch.",
        &[("Kyodo", Agency), ("Yonhap", Agency)],
    );
    // An aside in brackets with a comma of its own is no clause apart from the cue.
    assert_credits(
        "Kuwait News Agency (KUNA, the state agency) said the talks had stalled.",
        &[("Kuwait News Agency", Agency)],
    );
    assert_credits(
        "Kuwait News Agency (KUNA and WAM) reported the visit.",
        &[
            ("Kuwait News Agency", Agency),
            ("KUNA", Agency),
            ("WAM", Agency),
        ],
    );
}

/// What a source counts, estimates or polls credits it as its report does (`according to a
/// Reuters tally`, `an AFP count`, `the ministry's estimate`).
#[test]
fn a_tally_count_or_estimate_credits_whose_it_is() {
    use SourceKind::{Agency, Document, Institution};
    for (sentence, expected) in [
        (
            "According to a Reuters tally, at least 40 people were killed.",
            &[("Reuters", Agency)][..],
        ),
        (
            "According to an AFP count, 12 people died.",
            &[("AFP", Agency)][..],
        ),
        (
            "According to a Reuters poll of economists, the economy grew.",
            &[("Reuters", Agency)][..],
        ),
        (
            "According to the ministry's estimate, 12 people died.",
            &[("the ministry", Institution)][..],
        ),
        ("The poll said support fell.", &[("The poll", Document)][..]),
    ] {
        assert_credits(sentence, expected);
    }
}

/// An outlet's journalists, desks and what it put out, named in its possessive or after its
/// name, credit the outlet: not nobody (`Xinhua's correspondent`, `Xinhua's report`), nor a
/// place among them read as a person (`The BBC's Moscow`) or an institution (`' Moscow
/// bureau`).
#[test]
fn an_outlets_journalists_credit_the_outlet() {
    use SourceKind::{Agency, Institution, Person};
    for (sentence, expected) in [
        (
            "The BBC's Moscow correspondent said the talks had stalled.",
            &[("BBC", Agency)][..],
        ),
        (
            "Al Jazeera's correspondent in Gaza said the hospital was hit.",
            &[("Al Jazeera", Agency)][..],
        ),
        (
            "The talks had stalled, according to the BBC's Moscow correspondent.",
            &[("BBC", Agency)][..],
        ),
        (
            "Reuters' Jerusalem bureau said the road was closed.",
            &[("Reuters", Agency)][..],
        ),
        (
            "Reuters' Moscow bureau chief Andrew Osborn said the convoy left.",
            &[("Reuters", Agency), ("Andrew Osborn", Person)][..],
        ),
        (
            "The Guardian's diplomatic editor said the talks had stalled.",
            &[("The Guardian", Agency)][..],
        ),
        (
            "State television's correspondent said the bridge was hit.",
            &[("State television", Agency)][..],
        ),
        (
            "The BBC's Moscow office said the talks had stalled.",
            &[("BBC", Agency)][..],
        ),
        (
            "The talks had stalled, according to a Reuters correspondent in Kabul.",
            &[("Reuters", Agency)][..],
        ),
        (
            "The Kyodo office in Seoul said the figures were wrong.",
            &[("Kyodo", Agency)][..],
        ),
        (
            "Xinhua's latest report said the plant was closed.",
            &[("Xinhua", Agency)][..],
        ),
        (
            "According to Reuters' tally, 40 people died.",
            &[("Reuters", Agency)][..],
        ),
        // Not an outlet's office where a preposition places it (where someone spoke), nor what
        // follows the possessive but its people, desks and reports.
        (
            "Speaking at the Reuters office in Nairobi, the minister said the plan was dead.",
            &[("the minister", Person)][..],
        ),
        (
            "The Times's owner was fired, the company said.",
            &[("the company", Institution)][..],
        ),
        // Nor past a mark, a word that joins another outlet, or a cue.
        (
            "Reuters and the AFP correspondent said the road was closed.",
            &[("Reuters", Agency), ("AFP", Agency)][..],
        ),
        (
            "Reuters, BBC correspondents said the road was closed.",
            &[("BBC", Agency)][..],
        ),
        (
            "TASS quoted BBC correspondents as saying the road was closed.",
            &[("TASS", Agency), ("BBC", Agency)][..],
        ),
    ] {
        assert_credits(sentence, expected);
    }
    // `reports` after the possessive is what the outlet put out, not its verb.
    assert_eq!(
        credits("Xinhua's reports said the plant was closed."),
        [("Xinhua".to_string(), Agency, Cue::Said)]
    );
}

/// An outlet's journalists end where [`its_journalists`] says: past up to three words that say
/// which, and a bureau's chief; not past more words, which say something else of the outlet.
#[test]
fn an_outlets_journalists_are_read_to_their_end() {
    for (sentence, outlet, journalists) in [
        (
            "The BBC's chief Middle East correspondent said",
            "BBC",
            Some("'s chief Middle East correspondent"),
        ),
        (
            "Reuters Moscow bureau chief Andrew Osborn said",
            "Reuters",
            Some(" Moscow bureau chief"),
        ),
        ("Xinhua's report.", "Xinhua", Some("'s report")),
        (
            "Xinhua coverage upset many Western correspondents",
            "Xinhua",
            None,
        ),
        ("A Reuters report said", "Reuters", None),
    ] {
        let end = sentence.find(outlet).unwrap() + outlet.len();
        let got = its_journalists(sentence, end).map(|to| &sentence[end..to]);
        assert_eq!(got, journalists, "{sentence}");
    }
}

/// Commas in brackets are the brackets' own; one after they close is the sentence's.
#[test]
fn commas_in_brackets_are_not_counted() {
    for (between, commas) in [
        (" (KUNA, the state agency) ", 0),
        (" (HUT), analyst ", 1),
        (", a unit (of Hanson, Trust), ", 2),
    ] {
        assert_eq!(commas_outside_brackets(between), commas, "{between}");
    }
}

/// A quote mark typed for a possessive's apostrophe is read as one: whose, opening no quotation.
#[test]
fn a_quote_typed_for_an_apostrophe_is_one() {
    use SourceKind::{Institution, Person};
    assert_credits(
        "Ecuador\"s deputy energy minister Fernando Santos said output would fall.",
        &[("Ecuador's deputy energy minister Fernando Santos", Person)],
    );
    assert_credits(
        "The World Bank, citing Pakistan\"s progress in its reforms, said it agreed aid.",
        &[("The World Bank", Institution)],
    );
    // A quote before a word, or after no word, stays a quote.
    assert_eq!(with_apostrophes("the \"sales\" rose"), None);
    assert_eq!(with_apostrophes("he said\"sure\""), None);
    assert_eq!(with_apostrophes("\"s"), None);
    assert_eq!(
        with_apostrophes("bloc\"s and opec\"s").as_deref(),
        Some("bloc's and opec's")
    );
}
