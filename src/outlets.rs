//! Outlets: how each outlet treats the stories it shares with others, tallied over many
//! clusters' comparisons: how much of the reference it keeps and how much of its text is the
//! reference's, how often it cuts the story from the bottom or adds its own sentences, and what
//! it does to the credits it finds (keeps them, rewords them, drops them, credits another
//! source).
//!
//! The question a researcher asks of a corpus ("which papers drop the agency's name?") is a
//! question about many clusters at once; [`Tally`] answers it from the comparisons `dedup
//! --diffs` and `report` already make, one cluster at a time, in the order given, so the
//! figures do not depend on the thread count.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::align::{Comparison, OpCounts, VersionDiff};
use crate::attribution::{Fate, SourceKind};

/// How many of the sources an outlet credits instead of the reference's are listed.
pub const INSTEAD_LISTED: usize = 5;

/// What an outlet did to the reference's credits, counted by fate.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Credits {
    /// Same source, same kind of cue.
    pub kept: usize,
    /// Same source, credited another way.
    pub reworded: usize,
    /// The sentence is there, the credit is gone.
    pub dropped: usize,
    /// The sentence credits another source instead.
    pub replaced: usize,
    /// The whole sentence was cut.
    pub trimmed: usize,
}

impl Credits {
    fn merge(&mut self, o: &Credits) {
        self.kept += o.kept;
        self.reworded += o.reworded;
        self.dropped += o.dropped;
        self.replaced += o.replaced;
        self.trimmed += o.trimmed;
    }

    fn count(&mut self, fate: Fate) {
        *match fate {
            Fate::Kept => &mut self.kept,
            Fate::Reworded => &mut self.reworded,
            Fate::Dropped => &mut self.dropped,
            Fate::Replaced => &mut self.replaced,
            Fate::Trimmed => &mut self.trimmed,
        } += 1;
    }
}

/// One outlet's habits over the clusters tallied.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OutletProfile {
    /// The outlet; `None` for articles without one.
    pub outlet: Option<String>,
    /// How many of its articles were compared with a cluster's reference.
    pub versions: usize,
    /// How many times one of its articles was the reference (the source the others were
    /// compared with).
    pub references: usize,
    /// Mean `kept` of its versions: the share of the reference's words they retain (`None`
    /// without versions).
    pub kept: Option<f64>,
    /// Mean `reused`: the share of its versions' words that come from the reference.
    pub reused: Option<f64>,
    /// Mean `verbatim`: the share of the reference kept word for word.
    pub verbatim: Option<f64>,
    /// Versions that cut the story from the bottom.
    pub cut_from_bottom: usize,
    /// Versions with sentences of their own (`added`).
    pub with_added: usize,
    /// Versions whose dateline differs from the reference's (another place, or none).
    pub dateline_changed: usize,
    /// Sentences over all its versions, by operation.
    pub sentences: OpCounts,
    /// The fate of every credit of the references, in its versions.
    pub credits: Credits,
    /// The same, for the credits to news agencies and media alone (the wire's own name).
    pub agency_credits: Credits,
    /// Credits its versions added that the reference does not have.
    pub credits_added: usize,
    /// The sources it credited instead of the reference's (`replaced`), most often first, at
    /// most [`INSTEAD_LISTED`].
    pub credited_instead: Vec<Instead>,
}

/// A source an outlet credited instead of the reference's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Instead {
    /// The source, in the shortest of the ways the outlet wrote it (`TASS` and `Russian news
    /// agency TASS` are one source, [`crate::attribution::source_key`]).
    pub source: String,
    /// How many times.
    pub times: usize,
}

/// Running sums for one outlet.
#[derive(Default)]
struct Sums {
    versions: usize,
    references: usize,
    kept: f64,
    reused: f64,
    verbatim: f64,
    cut_from_bottom: usize,
    with_added: usize,
    dateline_changed: usize,
    sentences: OpCounts,
    credits: Credits,
    agency_credits: Credits,
    credits_added: usize,
    /// By source key: the shortest way it was written, and how many times.
    instead: BTreeMap<String, (String, usize)>,
}

impl Sums {
    fn credit_instead(&mut self, written: String, times: usize) {
        let key = crate::attribution::source_key(&written);
        let (shortest, n) = self
            .instead
            .entry(key)
            .or_insert_with(|| (written.clone(), 0));
        // The shortest, then the first in byte order: the same whichever way tallies merge.
        if (written.len(), &written) < (shortest.len(), &*shortest) {
            *shortest = written;
        }
        *n += times;
    }

    fn merge(&mut self, o: Sums) {
        self.versions += o.versions;
        self.references += o.references;
        self.kept += o.kept;
        self.reused += o.reused;
        self.verbatim += o.verbatim;
        self.cut_from_bottom += o.cut_from_bottom;
        self.with_added += o.with_added;
        self.dateline_changed += o.dateline_changed;
        self.sentences += &o.sentences;
        self.credits.merge(&o.credits);
        self.agency_credits.merge(&o.agency_credits);
        self.credits_added += o.credits_added;
        for (written, n) in o.instead.into_values() {
            self.credit_instead(written, n);
        }
    }

    fn add(&mut self, v: &VersionDiff) {
        self.versions += 1;
        self.kept += f64::from(v.kept);
        self.reused += f64::from(v.reused);
        self.verbatim += f64::from(v.verbatim);
        self.cut_from_bottom += usize::from(v.cut_at.is_some());
        self.with_added += usize::from(v.counts.added > 0);
        self.dateline_changed +=
            usize::from(v.furniture.dateline_was.is_some() || v.furniture.dateline_now.is_some());
        self.sentences += &v.counts;
        for change in &v.attributions {
            self.credits.count(change.fate);
            if change.reference.kind == SourceKind::Agency {
                self.agency_credits.count(change.fate);
            }
            if let (Fate::Replaced, Some(instead)) = (change.fate, &change.version) {
                self.credit_instead(instead.source.clone(), 1);
            }
        }
        self.credits_added += v.added_attributions.len();
    }

    fn profile(self, outlet: Option<String>) -> OutletProfile {
        let versions = self.versions;
        let mean = |sum: f64| {
            (versions > 0).then(|| (sum / versions as f64 * 10_000.0).round() / 10_000.0)
        };
        let mut instead: Vec<Instead> = self
            .instead
            .into_values()
            .map(|(source, times)| Instead { source, times })
            .collect();
        // Most often first; the map's order (by key) breaks ties.
        instead.sort_by_key(|i| std::cmp::Reverse(i.times));
        instead.truncate(INSTEAD_LISTED);
        OutletProfile {
            outlet,
            versions: self.versions,
            references: self.references,
            kept: mean(self.kept),
            reused: mean(self.reused),
            verbatim: mean(self.verbatim),
            cut_from_bottom: self.cut_from_bottom,
            with_added: self.with_added,
            dateline_changed: self.dateline_changed,
            sentences: self.sentences,
            credits: self.credits,
            agency_credits: self.agency_credits,
            credits_added: self.credits_added,
            credited_instead: instead,
        }
    }
}

/// Tallies comparisons by outlet: [`Tally::add`] each cluster's (or [`Tally::merge`] tallies
/// of one, [`Tally::of`], made in parallel: the same sums either way), then
/// [`Tally::profiles`].
#[derive(Default)]
pub struct Tally {
    outlets: BTreeMap<Option<String>, Sums>,
    clusters: usize,
}

impl Tally {
    /// Counts one cluster's comparison: its reference's outlet, and every version's.
    pub fn add(&mut self, c: &Comparison) {
        self.merge(Tally::of(c));
    }

    /// The tally of one cluster's comparison (small: what is kept of a comparison that is
    /// tallied later, in cluster order).
    pub fn of(c: &Comparison) -> Tally {
        let mut t = Tally {
            clusters: 1,
            ..Tally::default()
        };
        t.outlets
            .entry(c.reference.outlet.clone())
            .or_default()
            .references += 1;
        for v in &c.versions {
            t.outlets.entry(v.outlet.clone()).or_default().add(v);
        }
        t
    }

    /// Adds the counts of `other`. Merging in a fixed order gives the same sums on any
    /// number of threads.
    pub fn merge(&mut self, other: Tally) {
        self.clusters += other.clusters;
        for (outlet, sums) in other.outlets {
            self.outlets.entry(outlet).or_default().merge(sums);
        }
    }

    /// How many comparisons were counted.
    pub fn clusters(&self) -> usize {
        self.clusters
    }

    /// One profile per outlet seen, the outlets with most versions first (then by name, the
    /// outlet-less last among equals).
    pub fn profiles(self) -> Vec<OutletProfile> {
        let mut profiles: Vec<OutletProfile> = self
            .outlets
            .into_iter()
            .map(|(outlet, sums)| sums.profile(outlet))
            .collect();
        profiles.sort_by(|a, b| {
            (b.versions, b.references)
                .cmp(&(a.versions, a.references))
                .then_with(|| a.outlet.is_none().cmp(&b.outlet.is_none()))
                .then_with(|| a.outlet.cmp(&b.outlet))
        });
        profiles
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{AlignParams, Doc, compare};

    const WIRE: &str = "MOSCOW, March 14 (Reuters) - Russia and Norway will resume talks on \
        fishing quotas next month, Russian news agency RIA Novosti said on Friday.\n\n\
        The joint commission sets the catch of cod and haddock every year, a ministry \
        spokeswoman told reporters.\n\n\
        Crews have complained that the lack of an agreement kept boats in harbour since January.";

    fn doc<'a>(id: &str, outlet: &str, text: &'a str) -> Doc<'a> {
        Doc {
            id: id.into(),
            outlet: Some(outlet.into()),
            text,
            ..Doc::default()
        }
    }

    fn tally(versions: &[(&str, &str)]) -> Vec<OutletProfile> {
        let reference = doc("wire", "Reuters", WIRE);
        let docs: Vec<Doc> = versions
            .iter()
            .enumerate()
            .map(|(i, (outlet, text))| doc(&format!("v{i}"), outlet, text))
            .collect();
        let mut t = Tally::default();
        t.add(&compare(&reference, &docs, &AlignParams::default()));
        assert_eq!(t.clusters(), 1);
        t.profiles()
    }

    fn of<'a>(profiles: &'a [OutletProfile], outlet: &str) -> &'a OutletProfile {
        profiles
            .iter()
            .find(|p| p.outlet.as_deref() == Some(outlet))
            .unwrap_or_else(|| panic!("no profile for {outlet}"))
    }

    #[test]
    fn each_outlet_is_credited_with_what_its_versions_did() {
        let trimmed = "Russia and Norway will resume talks on fishing quotas next month, Russian \
            news agency RIA Novosti said on Friday.";
        let retold = "Russia and Norway will resume talks on fishing quotas next month, TASS \
            reported on Friday.\n\nThe joint commission sets the catch of cod and haddock every \
            year, a ministry spokeswoman told reporters.\n\nCrews have complained that the lack \
            of an agreement kept boats in harbour since January.\n\nThe town council will meet \
            the fishermen's union on Monday to discuss the harbour fees.";
        let profiles = tally(&[
            ("Valley Courier", trimmed),
            ("Evening Post", retold),
            ("Valley Courier", WIRE),
        ]);
        let courier = of(&profiles, "Valley Courier");
        assert_eq!((courier.versions, courier.references), (2, 0));
        assert_eq!(courier.cut_from_bottom, 1, "{courier:?}");
        assert_eq!(courier.with_added, 0);
        assert!(
            courier.kept.is_some_and(|k| k > 0.3 && k < 0.9),
            "{courier:?}"
        );
        assert_eq!(courier.credits.replaced, 0);
        let post = of(&profiles, "Evening Post");
        assert_eq!(post.versions, 1);
        assert_eq!(post.with_added, 1, "{post:?}");
        assert_eq!(post.sentences.added, 1, "{post:?}");
        assert_eq!(post.credits.replaced, 1, "{post:?}");
        let tass = Instead {
            source: "TASS".into(),
            times: 1,
        };
        assert_eq!(post.credited_instead, [tass]);
        let reuters = of(&profiles, "Reuters");
        assert_eq!((reuters.versions, reuters.references), (0, 1));
        assert_eq!(reuters.kept, None, "no versions, no mean");
        // Most versions first.
        assert_eq!(profiles[0].outlet.as_deref(), Some("Valley Courier"));
    }

    #[test]
    fn one_source_written_two_ways_is_counted_once_by_its_shortest_name() {
        let first = WIRE.replace("Russian news agency RIA Novosti said", "TASS reported");
        let second = WIRE.replace(
            "Russian news agency RIA Novosti said",
            "Russian news agency TASS said",
        );
        let third = WIRE.replace("Russian news agency RIA Novosti said", "Interfax reported");
        for order in [[&first, &second, &third], [&third, &second, &first]] {
            let versions: Vec<(&str, &str)> =
                order.iter().map(|t| ("Evening Post", t.as_str())).collect();
            let profiles = tally(&versions);
            let post = of(&profiles, "Evening Post");
            let instead: Vec<(&str, usize)> = post
                .credited_instead
                .iter()
                .map(|i| (i.source.as_str(), i.times))
                .collect();
            assert_eq!(instead, [("TASS", 2), ("Interfax", 1)], "{post:?}");
        }
    }

    #[test]
    fn the_agency_credit_is_told_apart_from_the_others() {
        // The dateline credit `(Reuters)` goes; RIA Novosti's and the spokeswoman's stay.
        let undated = WIRE.replace("MOSCOW, March 14 (Reuters) - ", "");
        let profiles = tally(&[("Metro Morning", &undated)]);
        let metro = of(&profiles, "Metro Morning");
        assert_eq!(metro.agency_credits.kept, 1, "{metro:?}");
        assert_eq!(metro.agency_credits.dropped, 1, "{metro:?}");
        assert_eq!(metro.credits.kept, 2, "{metro:?}");
        assert_eq!(metro.credits.dropped, 1, "{metro:?}");
    }

    #[test]
    fn versions_without_an_outlet_are_tallied_apart_and_listed_last_among_equals() {
        let reference = doc("wire", "Reuters", WIRE);
        let anonymous = Doc::new("x", WIRE);
        let named = doc("y", "Metro Morning", WIRE);
        let mut t = Tally::default();
        t.add(&compare(
            &reference,
            &[anonymous, named],
            &AlignParams::default(),
        ));
        let profiles = t.profiles();
        let names: Vec<Option<&str>> = profiles.iter().map(|p| p.outlet.as_deref()).collect();
        assert_eq!(names, [Some("Metro Morning"), None, Some("Reuters")]);
    }
}
