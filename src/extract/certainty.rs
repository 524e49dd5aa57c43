//! Certainty and negation cues.

use crate::lexicon::{Occurrence, PhraseMatch, PhraseMatcher};
use crate::model::{Certainty, Hedge, Negation};
use crate::rules::{NegationRule, RuleSet};

#[derive(Debug, Clone)]
pub struct CueFinder {
    /// Each cue's level, rule id, and the index of its rule's `not_after`
    /// matcher, if any.
    hedges: PhraseMatcher<(Certainty, String, Option<usize>)>,
    /// Each `not_after` matcher with how many words before the cue it reads
    /// (0: all).
    not_after: Vec<(PhraseMatcher<()>, usize)>,
    negators: PhraseMatcher<()>,
    not_negating: PhraseMatcher<()>,
    withheld: PhraseMatcher<()>,
    /// Words that open an aside after a comma, lower-cased.
    asides: Vec<String>,
}

impl CueFinder {
    pub fn new(rules: &RuleSet) -> CueFinder {
        let mut not_after = Vec::new();
        let mut hedges = Vec::new();
        for r in &rules.certainty {
            let after = (!r.not_after.is_empty()).then(|| {
                not_after.push((
                    PhraseMatcher::new(r.not_after.iter().map(|w| (w.clone(), ()))),
                    r.not_after_words,
                ));
                not_after.len() - 1
            });
            hedges.extend(r.words.iter().map(|w| (w.clone(), (r.level, r.id.clone(), after))));
        }
        let negators = rules
            .negation
            .iter()
            .flat_map(|r| r.words.iter().map(|w| (w.clone(), ())));
        // A phrase written with "n't" ("n't say") stands for every
        // contraction among the negators: "didn't say", "won't say", ...
        let contractions: Vec<&str> = rules
            .negation
            .iter()
            .flat_map(|r| &r.words)
            .filter(|w| w.len() > 3 && w.ends_with("n't"))
            .map(String::as_str)
            .collect();
        let phrases = |list: fn(&NegationRule) -> &Vec<String>| -> PhraseMatcher<()> {
            PhraseMatcher::new(
                rules
                    .negation
                    .iter()
                    .flat_map(list)
                    .flat_map(|w| match w.strip_prefix("n't ") {
                        Some(rest) => contractions.iter().map(|c| format!("{c} {rest}")).collect(),
                        None => vec![w.clone()],
                    })
                    .map(|w| (w, ())),
            )
        };
        let not_negating = phrases(|r| &r.except);
        let withheld = phrases(|r| &r.withheld);
        CueFinder {
            hedges: PhraseMatcher::new(hedges),
            not_after,
            negators: PhraseMatcher::new(negators),
            not_negating,
            withheld,
            asides: rules
                .negation
                .iter()
                .flat_map(|r| &r.asides)
                .map(|w| w.trim().to_lowercase())
                .collect(),
        }
    }

    /// The phrase lists [`Self::hedges_in`] and [`Self::negations_in`] read
    /// occurrences of, in this order: hedges, negators, not-negating
    /// phrases, withheld phrases.
    pub fn phrase_lists(&self) -> [&[String]; 4] {
        [
            self.hedges.phrases(),
            self.negators.phrases(),
            self.not_negating.phrases(),
            self.withheld.phrases(),
        ]
    }

    /// Hedges in `sentence`, offsets shifted by `base`. A capitalised cue
    /// inside a sentence is a name, not a hedge ("May" the month, "Will" the person).
    pub fn hedges(&self, sentence: &str, base: usize) -> Vec<Hedge> {
        self.hedges_of(sentence, base, self.hedges.find_iter(sentence))
    }

    /// [`Self::hedges`] given `occurrences` of [`Self::phrase_lists`] in
    /// `sentence` ([`crate::lexicon::PhraseScan::scan`]).
    pub fn hedges_in(&self, sentence: &str, base: usize, occurrences: &[Vec<Occurrence>]) -> Vec<Hedge> {
        self.hedges_of(sentence, base, self.hedges.matches_in(sentence, &occurrences[0]))
    }

    fn hedges_of<'a>(
        &'a self,
        sentence: &str,
        base: usize,
        found: impl Iterator<Item = PhraseMatch<'a, (Certainty, String, Option<usize>)>>,
    ) -> Vec<Hedge> {
        found
            .filter(|m| m.start == 0 || !sentence[m.start..].starts_with(char::is_uppercase))
            // "did not deny" is no denial.
            .filter(|m| m.payload.0 != Certainty::Denied || !self.negated_just_before(sentence, m.start))
            .filter(|m| {
                m.payload.2.is_none_or(|k| {
                    let (matcher, words) = &self.not_after[k];
                    matcher
                        .find_iter(last_words(&sentence[..m.start], *words))
                        .next()
                        .is_none()
                })
            })
            .map(|m| Hedge {
                text: sentence[m.start..m.end].to_string(),
                start: base + m.start,
                end: base + m.end,
                level: m.payload.0,
                rule: m.payload.1.clone(),
            })
            .collect()
    }

    /// A negator among the two words before byte `at`.
    fn negated_just_before(&self, sentence: &str, at: usize) -> bool {
        let window = last_words(&sentence[..at], 2);
        self.negators.find_iter(window).next().is_some() || window.contains("n't") || window.contains("n’t")
    }

    pub fn negations(&self, sentence: &str, base: usize) -> Vec<Negation> {
        self.negations_of(sentence, base, self.negators.find_iter(sentence), || {
            (
                self.not_negating
                    .find_iter(sentence)
                    .map(|m| (m.start, m.end))
                    .collect(),
                self.withheld.find_iter(sentence).map(|m| (m.start, m.end)).collect(),
            )
        })
    }

    /// [`Self::negations`] given `occurrences` of [`Self::phrase_lists`] in
    /// `sentence` ([`crate::lexicon::PhraseScan::scan`]).
    pub fn negations_in(&self, sentence: &str, base: usize, occurrences: &[Vec<Occurrence>]) -> Vec<Negation> {
        self.negations_of(
            sentence,
            base,
            self.negators.matches_in(sentence, &occurrences[1]),
            || {
                (
                    self.not_negating
                        .matches_in(sentence, &occurrences[2])
                        .map(|m| (m.start, m.end))
                        .collect(),
                    self.withheld
                        .matches_in(sentence, &occurrences[3])
                        .map(|m| (m.start, m.end))
                        .collect(),
                )
            },
        )
    }

    /// The byte spans of the asides of `sentence`: from a comma before one
    /// of the `asides` words to the next comma or the end ("Vance, who was
    /// not at the plant, visited it").
    fn asides_in(&self, sentence: &str) -> Vec<(usize, usize)> {
        if self.asides.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (comma, _) in sentence.match_indices(',') {
            let after = &sentence[comma + 1..];
            let rest = after.trim_start();
            let word_end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
            if word_end == 0 || !self.asides.iter().any(|w| w.eq_ignore_ascii_case(&rest[..word_end])) {
                continue;
            }
            let from = comma + 1 + (after.len() - rest.len()) + word_end;
            let end = sentence[from..].find(',').map_or(sentence.len(), |k| from + k);
            out.push((comma, end));
        }
        out
    }

    /// The negations of `sentence` given its `negators` and, asked only
    /// when it may negate, the spans of its not-negating and withheld
    /// phrases.
    fn negations_of<'a>(
        &'a self,
        sentence: &str,
        base: usize,
        negators: impl Iterator<Item = PhraseMatch<'a, ()>>,
        exceptions: impl FnOnce() -> (Vec<(usize, usize)>, Vec<(usize, usize)>),
    ) -> Vec<Negation> {
        let mut negators = negators.peekable();
        // Most sentences negate nothing: the exceptions are read only for one that may.
        if negators.peek().is_none() && !CONTRACTIONS.iter().any(|c| sentence.contains(c)) {
            return Vec::new();
        }
        let (mut exempt, withheld) = exceptions();
        exempt.extend(web_addresses(sentence));
        let asides = self.asides_in(sentence);
        let within =
            |spans: &[(usize, usize)], from: usize, to: usize| spans.iter().any(|&(s, e)| s <= from && to <= e);
        let mut out: Vec<Negation> = negators
            .filter(|m| !within(&exempt, m.start, m.end) && !number_sign(sentence, m.start, m.end))
            .map(|m| Negation {
                text: sentence[m.start..m.end].to_string(),
                start: base + m.start,
                end: base + m.end,
                withheld: within(&withheld, m.start, m.end),
                aside: within(&asides, m.start, m.end),
            })
            .collect();
        // Contractions: "isn't" is one token to the word-boundary check, and
        // tokenised text spaces the apostrophe ("hadn ’ t").
        for (i, m) in CONTRACTIONS.iter().flat_map(|c| sentence.match_indices(c)) {
            let end = i + m.len();
            // "'locked down ' the" holds "n ' t" too.
            if sentence[end..].starts_with(char::is_alphanumeric) {
                continue;
            }
            if !out.iter().any(|n| n.start <= base + i && base + i < n.end) && !within(&exempt, i, end) {
                out.push(Negation {
                    text: sentence[i..end].to_string(),
                    start: base + i,
                    end: base + end,
                    withheld: within(&withheld, i, end),
                    aside: within(&asides, i, end),
                });
            }
        }
        out.sort_by_key(|n| n.start);
        out
    }
}

/// The byte spans of the web addresses in `sentence`: a negator inside one
/// ("/man-pleads-not-guilty-in-deaths/") is a page's name, not a denial.
/// An address runs from "http", "https" or "www" to the next space; as
/// tokenised text spaces it ("http : / / www . example . com / a - b"), to
/// the end of its line.
pub(crate) fn web_addresses(sentence: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, _) in sentence.match_indices("http").chain(sentence.match_indices("www")) {
        if i > 0 && sentence[..i].ends_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let rest = &sentence[i..];
        let word = ["https", "http", "www"]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
            .unwrap_or(rest);
        let compact = word.starts_with("://") || (rest.starts_with("www") && word.starts_with('.'));
        let spaced = word.starts_with(" : / /") || (rest.starts_with("www") && word.starts_with(" . "));
        let end = if compact {
            rest.find(char::is_whitespace).unwrap_or(rest.len())
        } else if spaced {
            rest.find('\n').unwrap_or(rest.len())
        } else {
            continue;
        };
        out.push((i, i + end));
    }
    out
}

/// A negative contraction's ending, as written and as tokenised text
/// spaces it.
const CONTRACTIONS: &[&str] = &["n't", "n’t", "n ' t", "n ’ t"];

/// True when the negator at `start..end` is "No." before a figure: the
/// number sign ("the No. 5 seed"), not a negation.
fn number_sign(sentence: &str, start: usize, end: usize) -> bool {
    sentence[start..end].eq_ignore_ascii_case("no")
        && sentence[end..]
            .trim_start()
            .strip_prefix('.')
            .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// The last `n` words of `text` (all of it for 0).
fn last_words(text: &str, n: usize) -> &str {
    if n == 0 {
        return text;
    }
    let head = text.trim_end();
    let from = head
        .rmatch_indices(char::is_whitespace)
        .nth(n - 1)
        .map_or(0, |(i, _)| i + 1);
    &head[from..]
}

/// The least certain level among cues (Asserted when there are none).
pub fn overall(levels: impl IntoIterator<Item = Certainty>) -> Certainty {
    levels.into_iter().max().unwrap_or(Certainty::Asserted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_number_sign_is_no_negation() {
        let c = CueFinder::new(&RuleSet::defaults());
        assert!(c.negations("The Colts secured the No. 5 seed.", 0).is_empty());
        assert!(c.negations("The Colts secured the No . 5 seed .", 0).is_empty());
        assert_eq!(c.negations("No. The Colts lost.", 0).len(), 1);
    }

    #[test]
    fn month_may_is_not_a_hedge() {
        let c = CueFinder::new(&RuleSet::defaults());
        assert!(c.hedges("The plant closes in May.", 0).is_empty());
        assert_eq!(c.hedges("The plant may close.", 0)[0].level, Certainty::Speculative);
    }

    #[test]
    fn contractions_negate() {
        let c = CueFinder::new(&RuleSet::defaults());
        assert_eq!(c.negations("The firm isn't taking it lying down.", 0).len(), 1);
        assert_eq!(c.negations("The case hadn ’ t been submitted .", 0).len(), 1);
        assert_eq!(c.negations("The case hadn ' t been submitted .", 0).len(), 1);
        assert!(c.negations("Police 'locked down ' the street .", 0).is_empty());
        assert!(c.negations("The firm is taking it.", 0).is_empty());
    }

    #[test]
    fn a_negator_in_an_aside_is_marked() {
        let c = CueFinder::new(&RuleSet::defaults());
        let found = c.negations("Ms. Vance , who was not at the plant , visited it .", 0);
        assert!(found.len() == 1 && found[0].aside, "{found:?}");
        let found = c.negations("The plant, which reopened, did not hire.", 0);
        assert!(found.len() == 1 && !found[0].aside, "{found:?}");
        // No comma, no aside: a restrictive clause.
        assert!(!c.negations("The man who did not pay was jailed.", 0)[0].aside);
    }

    #[test]
    fn a_web_address_negates_nothing() {
        let c = CueFinder::new(&RuleSet::defaults());
        assert!(
            c.negations("See http://example.com/man-pleads-not-guilty-in-case today.", 0)
                .is_empty()
        );
        assert!(c.negations("www.example.com/no-deal-yet", 0).is_empty());
        let spaced = "http : / / www . example . com / man - pleads - not - guilty / 37\nThe man did not appear .";
        let found = c.negations(spaced, 0);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(spaced[found[0].start..].starts_with("not appear"));
        // Only an address: "httpd" or a word ending in "www" starts none.
        assert_eq!(c.negations("The httpd server did not start.", 0).len(), 1);
    }
}
