//! Event signatures: discrete facts of a claim that pin down which
//! real-world happening it reports (the year, the weekday, the named
//! actors and places, the people named in full, figures with a decimal
//! part such as a quake's magnitude). Two earthquakes, two heists or two
//! takeovers of one company share almost all their words; what tells them
//! apart is that one cluster says 2008 and Aceh and the other 2013 and
//! Papua. A cluster's signature is the union of its claims'; two clusters
//! whose signatures conflict do not merge (see [`super::cluster::agglomerate`]). A date or a figure that
//! differs alone is what the date- and quantity-conflict findings report,
//! so the rules let those veto only together with another facet.
//!
//! Counts are left out on purpose: sources disagree on the counts of one
//! event ("at least 10" vs "12"), and finding that is the product's point.

use std::collections::BTreeSet;

use super::flag;
use crate::model::Claim;
use crate::rules::RuleSet;

/// How much a conflict of each facet counts (the `clustering` rule's
/// `event_*` weights): two clusters stay apart when the weights of their
/// conflicting facets reach 1. A weight under 1 lets a facet veto only
/// together with another: sources do disagree on the date of one event,
/// and reporting that is a finding, not a reason to split it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Vetoes {
    pub years: f64,
    pub weekdays: f64,
    pub names: f64,
    pub decimals: f64,
    pub persons: f64,
}

impl Vetoes {
    pub fn from_rules(rules: &RuleSet) -> Vetoes {
        let w = |name: &str| rules.align_param(name, 0.0);
        Vetoes {
            years: w("event_years"),
            weekdays: w("event_weekdays"),
            names: w("event_names"),
            decimals: w("event_decimals"),
            persons: w("event_persons"),
        }
    }
}

/// The discrete facts of one claim, or the union over a cluster's claims.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Signature {
    /// What a conflict of each facet weighs.
    pub vetoes: Vetoes,
    /// Years of dates resolved to a calendar value.
    pub years: BTreeSet<String>,
    /// Weekdays named, as their first three letters ("tue").
    pub weekdays: BTreeSet<String>,
    /// Actors and places, as the matcher reads them (lower-cased names).
    pub names: BTreeSet<String>,
    /// Figures with a decimal part ("6.1", "13.9"), scale not applied.
    pub decimals: BTreeSet<String>,
    /// People named in full (lower-cased).
    pub persons: BTreeSet<String>,
}

impl Signature {
    /// The facets `v` enables, only those; `actors`: the claim's entities
    /// as the matcher cleaned them.
    pub fn of(claim: &Claim, actors: &BTreeSet<String>, persons: &BTreeSet<String>, v: &Vetoes) -> Signature {
        let mut s = Signature {
            vetoes: *v,
            ..Signature::default()
        };
        // The persons facet reads the names too: a person the other side
        // names at all, by any of its names, is no other participant.
        if v.names > 0.0 || v.persons > 0.0 {
            s.names = actors.clone();
        }
        if v.persons > 0.0 {
            s.persons = persons.clone();
        }
        for d in &claim.dates {
            if d.kind == "weekday" && v.weekdays > 0.0 {
                for w in d.text.split(|c: char| !c.is_alphabetic()) {
                    let w = w.to_lowercase();
                    if let Some(p) = w.get(..3)
                        && ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].contains(&p)
                    {
                        s.weekdays.insert(p.to_string());
                    }
                }
            } else if d.value.is_some()
                && v.years > 0.0
                && let Some(y) = d.year()
            {
                s.years.insert(y.to_string());
            }
        }
        for q in claim.quantities.iter().filter(|_| v.decimals > 0.0) {
            // A decimal written in the text: "6.1", not "1,200".
            let digits = q.written_figure();
            if let Some((_, frac)) = digits.split_once('.')
                && !frac.is_empty()
                && frac.bytes().all(|b| b.is_ascii_digit())
            {
                s.decimals.insert(digits.trim_end_matches('.').to_string());
            }
        }
        s
    }
}

impl super::cluster::Evidence for Signature {
    /// Two signatures report different happenings when the facets both
    /// state without sharing a value (names: no actor in common) weigh 1
    /// or more.
    fn conflicts(&self, other: &Signature) -> bool {
        let disjoint = |a: &BTreeSet<String>, b: &BTreeSet<String>| !a.is_empty() && !b.is_empty() && a.is_disjoint(b);
        let v = &self.vetoes;
        let weight = flag(disjoint(&self.years, &other.years)) * v.years
            + flag(disjoint(&self.weekdays, &other.weekdays)) * v.weekdays
            + flag(disjoint(&self.decimals, &other.decimals)) * v.decimals
            + flag(super::actors_apart(&self.names, &other.names)) * v.names
            + flag(
                super::names_another_person(&self.persons, &other.names)
                    && super::names_another_person(&other.persons, &self.names),
            ) * v.persons;
        weight >= 1.0
    }

    fn absorb(&mut self, other: Signature) {
        self.years.extend(other.years);
        self.weekdays.extend(other.weekdays);
        self.names.extend(other.names);
        self.decimals.extend(other.decimals);
        self.persons.extend(other.persons);
    }
}

#[cfg(test)]
mod tests {
    use super::super::cluster::Evidence;
    use super::*;
    use crate::check::Engine;

    const ALL: Vetoes = Vetoes {
        years: 1.0,
        weekdays: 1.0,
        names: 1.0,
        decimals: 1.0,
        persons: 1.0,
    };

    fn sig(e: &Engine, text: &str, v: &Vetoes) -> Signature {
        let c = e.sentence_claim("d", text);
        let t = e.aligner.terms(&c);
        Signature::of(&c, &t.entities, &t.persons, v)
    }

    #[test]
    fn different_years_places_weekdays_and_magnitudes_conflict() {
        let e = Engine::new(RuleSet::defaults());
        let pairs = [
            (
                "The storm flooded the coast on 3 March 2011.",
                "The storm flooded the coast on 3 March 2014.",
            ),
            ("A strong quake shook Norland.", "A strong quake shook Sudmark."),
            ("The bank was robbed on Monday.", "The bank was robbed on Friday."),
            ("A 5.8 quake struck the valley.", "A 6.4 quake struck the valley."),
        ];
        for (a, b) in pairs {
            assert!(sig(&e, a, &ALL).conflicts(&sig(&e, b, &ALL)), "{a} | {b}");
            // Facets the vetoes leave off count for nothing.
            let none = Vetoes::default();
            assert!(!sig(&e, a, &none).conflicts(&sig(&e, b, &none)), "{a} | {b}");
        }
    }

    #[test]
    fn a_facet_under_weight_one_vetoes_only_with_another() {
        let e = Engine::new(RuleSet::defaults());
        let v = Vetoes {
            years: 0.5,
            decimals: 0.5,
            ..ALL
        };
        // One date slip between sources is a date conflict to report.
        let a = sig(&e, "The 5.8 quake hit the valley in March 2011.", &v);
        let b = sig(&e, "The 5.8 quake hit the valley in March 2014.", &v);
        assert!(!a.conflicts(&b));
        // Another year and another magnitude: another quake.
        let c = sig(&e, "The 6.4 quake hit the valley in March 2014.", &v);
        assert!(a.conflicts(&c));
    }

    #[test]
    fn another_person_on_each_side_conflicts_with_another_facet() {
        let e = Engine::new(RuleSet::defaults());
        let v = Vetoes {
            weekdays: 0.5,
            persons: 0.5,
            ..ALL
        };
        let a = sig(&e, "Paul Keller stopped John Harwood on Saturday.", &v);
        // Another opponent on another day: another fight.
        let b = sig(&e, "Paul Keller stopped David Bellamy on Sunday.", &v);
        assert!(a.conflicts(&b));
        // Another day alone, or the same opponent under his surname: one fight.
        let c = sig(&e, "Paul Keller stopped Harwood on Sunday.", &v);
        assert!(!a.conflicts(&c));
        let d = sig(&e, "Paul Keller stopped John Harwood on Sunday.", &v);
        assert!(!a.conflicts(&d));
        // A person only one side names is no conflict.
        let f = sig(&e, "Keller stopped his man on Sunday, promoter David Bellamy said.", &v);
        assert!(!a.conflicts(&f), "{:?} {:?}", a.persons, f.persons);
    }

    #[test]
    fn differing_counts_and_shared_facts_do_not_conflict() {
        let e = Engine::new(RuleSet::defaults());
        // Sources disagree on the counts of one event: no veto on counts.
        let a = sig(&e, "At least 10 people died in the fire on Monday.", &ALL);
        let b = sig(&e, "Twelve people died in the fire on Monday.", &ALL);
        assert!(!a.conflicts(&b));
        // A cluster that already holds both places agrees with either.
        let mut c = sig(&e, "A strong quake shook Norland.", &ALL);
        c.absorb(sig(&e, "Sudmark also felt the quake.", &ALL));
        assert!(!c.conflicts(&sig(&e, "A strong quake shook Sudmark.", &ALL)));
    }
}
