//! Check-worthiness: is a sentence a factual claim worth checking?
//!
//! A sum of weighted, hand-written rules from `rules/claims.toml`: facets the
//! extractors found (a quantity, a date, a named actor, an attribution), word
//! lists (statistics words, policy verbs, opinion and promise cues) and
//! patterns (a question, a past-tense verb). A sentence is a claim when the
//! weights of the rules that fire reach the threshold; the rules that fired
//! are its reasons, so every decision can be read back.
//!
//! The weights are fitted on debate transcripts, where a short sentence or
//! a "would" rarely states a fact. News is different: "Acme equipment is not
//! banned in France." is short and is a claim. So rules marked `keep` (the
//! facets the judge compares: a quantity, a date, a named actor, a source)
//! make a sentence a claim whatever the score; the score adds the sentences
//! without such facets that read as factual.

use aho_corasick::AhoCorasick;
use regex::{Regex, RegexBuilder};

use crate::lexicon::{PhraseMatcher, ascii_boundaries, is_word_boundary, overlapping_automaton};
use crate::rules::{ClaimRule, RuleSet};
use crate::tokens::tokens;

/// What the other extractors found in the sentence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FacetSignals {
    pub quantity: bool,
    pub date: bool,
    /// A named entity in a sentence long enough to say something about it.
    pub actor: bool,
    /// Information attributed to a named or unnamed source.
    pub attribution: bool,
}

#[derive(Debug, Clone)]
enum Test {
    Quantity,
    Date,
    Actor,
    Attribution,
    Words(PhraseMatcher<()>),
    Pattern(Vec<Regex>),
    /// Fewer words than this.
    Short(usize),
    /// At least this many words.
    Long(usize),
}

#[derive(Debug, Clone)]
struct Compiled {
    id: String,
    weight: f64,
    keep: bool,
    test: Test,
}

/// The compiled claim rules and the decision threshold.
#[derive(Debug, Clone)]
pub struct CheckWorthiness {
    rules: Vec<Compiled>,
    /// Every phrase of every word rule in one automaton: one pass says
    /// which word rules may fire, and only those run their own matcher.
    prefilter: Option<AhoCorasick>,
    /// The rule of each phrase of `prefilter`.
    phrase_rule: Vec<usize>,
    pub threshold: f64,
}

/// One decision: the score, the rules that fired (indices into
/// [`CheckWorthiness::ids`]) and whether the sentence is a claim: its score
/// reaches the threshold, or a `keep` rule fired.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub score: f64,
    pub fired: Vec<usize>,
    pub claim: bool,
}

/// What a claim records of the decision that kept it: the rules that fired
/// and whether their score alone reaches the threshold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Worthiness {
    pub reasons: Vec<String>,
    pub check_worthy: bool,
}

impl CheckWorthiness {
    pub fn new(rules: &RuleSet) -> CheckWorthiness {
        let compiled: Vec<Compiled> = rules.claims.iter().map(compile).collect();
        // The last pack that sets a threshold wins, as with any overridden rule.
        let threshold = rules.checkworthy.last().map_or(0.0, |r| r.threshold);
        let mut phrases: Vec<&str> = Vec::new();
        let mut phrase_rule = Vec::new();
        for (i, r) in compiled.iter().enumerate() {
            if let Test::Words(m) = &r.test {
                for p in m.phrases() {
                    phrases.push(p);
                    phrase_rule.push(i);
                }
            }
        }
        // Overlapping matches, case as the rule matchers ignore it: a
        // phrase that occurs anywhere is reported, whatever else matches
        // around it.
        let prefilter = overlapping_automaton(&phrases);
        CheckWorthiness {
            rules: compiled,
            prefilter,
            phrase_rule,
            threshold,
        }
    }

    /// Rule ids, in rule order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|r| r.id.as_str())
    }

    /// Whether each rule keeps a sentence as a claim, in rule order.
    pub fn keeps(&self) -> Vec<bool> {
        self.rules.iter().map(|r| r.keep).collect()
    }

    /// Rule weights, in rule order.
    pub fn weights(&self) -> Vec<f64> {
        self.rules.iter().map(|r| r.weight).collect()
    }

    /// Indices of the rules that fire on `sentence`.
    pub fn fired(&self, sentence: &str, facets: FacetSignals) -> Vec<usize> {
        self.fired_counted(sentence, tokens(sentence).len(), facets)
    }

    /// [`Self::fired`] for a sentence of `words` tokens (as
    /// [`crate::tokens::tokens`] counts them), when the caller has them.
    pub fn fired_counted(&self, sentence: &str, words: usize, facets: FacetSignals) -> Vec<usize> {
        // Curly apostrophes read as straight ones, so "we’ll" is "we'll".
        let normalised;
        let s = if sentence.contains('’') {
            normalised = sentence.replace('’', "'");
            normalised.as_str()
        } else {
            sentence
        };
        let words_fired = self.word_rules_fired(s);
        self.rules
            .iter()
            .enumerate()
            .filter(|&(i, r)| match &r.test {
                Test::Quantity => facets.quantity,
                Test::Date => facets.date,
                Test::Actor => facets.actor,
                Test::Attribution => facets.attribution,
                Test::Words(_) => words_fired[i],
                Test::Pattern(p) => p.iter().any(|p| p.is_match(s)),
                Test::Short(n) => words < *n,
                Test::Long(n) => words >= *n,
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Which word rules fire on `s`, by rule index: as if each rule's own
    /// matcher ran over `s` (leftmost-longest, non-overlapping, a match
    /// counting only on word boundaries), but read off the one overlapping
    /// pass of the prefilter, which reports every occurrence of every
    /// phrase. Running each present rule's matcher over the whole sentence
    /// again cost more than all the other rules together.
    fn word_rules_fired(&self, s: &str) -> Vec<bool> {
        let mut fired = vec![false; self.rules.len()];
        let Some(ac) = &self.prefilter else {
            return fired;
        };
        // A news sentence holds a dozen or two occurrences: room for them
        // at once, not grown by doubling from four.
        let mut found: Vec<(usize, usize, std::cmp::Reverse<usize>)> = Vec::with_capacity(32);
        found.extend(ac.find_overlapping_iter(s).map(|m| {
            (
                self.phrase_rule[m.pattern().as_usize()],
                m.start(),
                std::cmp::Reverse(m.end()),
            )
        }));
        // Per rule, by start, longest first: the order in which a
        // leftmost-longest search meets them.
        found.sort_unstable();
        let mut resume = (usize::MAX, 0);
        for (rule, start, std::cmp::Reverse(end)) in found {
            if fired[rule] {
                continue;
            }
            if resume.0 == rule && start < resume.1 {
                // Inside (or beside, shorter) the match the search took last.
                continue;
            }
            if is_word_boundary(s, start) && is_word_boundary(s, end) {
                fired[rule] = true;
            } else {
                resume = (rule, end);
            }
        }
        fired
    }

    /// The decision for `sentence`: its score against the threshold.
    pub fn decide(&self, sentence: &str, facets: FacetSignals) -> Decision {
        self.decide_counted(sentence, tokens(sentence).len(), facets)
    }

    /// [`Self::decide`] for a sentence of `words` tokens.
    pub fn decide_counted(&self, sentence: &str, words: usize, facets: FacetSignals) -> Decision {
        let fired = self.fired_counted(sentence, words, facets);
        let score = fired.iter().map(|&i| self.rules[i].weight).sum::<f64>();
        let kept = fired.iter().any(|&i| self.rules[i].keep);
        Decision {
            score,
            claim: kept || score >= self.threshold,
            fired,
        }
    }

    /// The ids of the rules a decision lists as its reasons.
    pub fn reasons(&self, d: &Decision) -> Vec<String> {
        d.fired.iter().map(|&i| self.rules[i].id.clone()).collect()
    }

    /// What a claim records of its decision.
    pub fn verdict(&self, d: &Decision) -> Worthiness {
        Worthiness {
            reasons: self.reasons(d),
            check_worthy: d.score >= self.threshold,
        }
    }
}

fn compile(r: &ClaimRule) -> Compiled {
    let test = match r.signal.as_str() {
        "quantity" => Test::Quantity,
        "date" => Test::Date,
        "actor" => Test::Actor,
        "attribution" => Test::Attribution,
        "words" => Test::Words(PhraseMatcher::new(r.words.iter().map(|w| (w.clone(), ())))),
        "pattern" => Test::Pattern(
            r.patterns
                .iter()
                .map(|p| {
                    // Validated when the pack was parsed.
                    RegexBuilder::new(&ascii_boundaries(p))
                        .case_insensitive(true)
                        .size_limit(1 << 20)
                        .build()
                        .expect("claim pattern validated on load")
                })
                .collect(),
        ),
        "short" => Test::Short(r.words_below.unwrap_or(0)),
        "long" => Test::Long(r.words_from.unwrap_or(usize::MAX)),
        other => unreachable!("claim signal {other} validated on load"),
    };
    Compiled {
        id: r.id.clone(),
        weight: r.weight,
        keep: r.keep,
        test,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decide(s: &str, facets: FacetSignals) -> (bool, Vec<String>) {
        let cw = CheckWorthiness::new(&RuleSet::defaults());
        let d = cw.decide(s, facets);
        (d.claim, cw.reasons(&d))
    }

    #[test]
    fn opinion_and_promise_count_against() {
        let (claim, reasons) = decide("I think we will do better than that.", FacetSignals::default());
        assert!(!claim);
        assert!(reasons.iter().any(|r| r == "opinion"), "{reasons:?}");
    }

    #[test]
    fn curly_apostrophes_read_as_straight() {
        let cw = CheckWorthiness::new(&RuleSet::defaults());
        let a = cw.fired("We’ll fix it.", FacetSignals::default());
        let b = cw.fired("We'll fix it.", FacetSignals::default());
        assert_eq!(a, b);
    }

    #[test]
    fn a_stated_figure_is_a_claim() {
        let facets = FacetSignals {
            quantity: true,
            ..Default::default()
        };
        let (claim, reasons) = decide("Unemployment rose to 9 percent last year.", facets);
        assert!(claim, "{reasons:?}");
        assert!(reasons.iter().any(|r| r == "has-quantity"));
    }
}
