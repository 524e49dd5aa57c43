//! The likely intended figure behind a quantity conflict.
//!
//! Two sources disagree on a figure. The usual causes are slips of one
//! character or one word: a dropped or added digit, transposed digits,
//! million vs billion (or thousand vs million), a misplaced decimal point,
//! or a figure carried over from a neighbouring quantity of another unit
//! ("140 countries" becoming "40 million people" instead of "140 million").
//! We generate those edits of each side, keep the ones that would make the
//! sources agree, and rank them by evidence found in the corpus: the edited
//! figure written elsewhere (strongest in the other source's own sentence),
//! or the other source stating exactly that value. No evidence, no guess.

use std::collections::HashMap;

use crate::model::{Claim, Quantity};

use super::comparable_range;

/// A suggested figure and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub text: String,
    pub evidence: Vec<String>,
    pub score: f64,
}

/// One story's written figures by their digits.
type ByDigits<'a> = HashMap<String, Vec<(&'a Claim, &'a Quantity)>>;

/// Every figure written in the corpus, by its story and digits: where the
/// edited figure of a suggestion is looked up. Built once per run.
///
/// Only the conflict's own story counts as evidence: in a folder of many
/// stories, "$102 million" in a film's budget says nothing about a riot's
/// "12" injured, however well the digits fit.
#[derive(Debug, Default)]
pub struct Numerals<'a> {
    /// By story, then digits.
    by_story: HashMap<usize, ByDigits<'a>>,
    story_of: HashMap<&'a str, usize>,
}

impl<'a> Numerals<'a> {
    /// `stories`: the document ids of each story (a document in none
    /// is a story of its own).
    pub fn new(claims: &'a [Claim], stories: &'a [Vec<String>]) -> Numerals<'a> {
        let story_of: HashMap<&str, usize> = stories
            .iter()
            .enumerate()
            .flat_map(|(s, docs)| docs.iter().map(move |d| (d.as_str(), s)))
            .collect();
        let mut numerals = Numerals {
            by_story: HashMap::new(),
            story_of,
        };
        for c in claims {
            let story = numerals.story(c);
            for q in &c.quantities {
                if let Some((_, _, digits)) = numeral(&q.text) {
                    let by_digits = numerals.by_story.entry(story).or_default();
                    by_digits.entry(digits).or_default().push((c, q));
                }
            }
        }
        numerals
    }

    /// The claim's story; documents in no story share one past the last.
    fn story(&self, c: &Claim) -> usize {
        self.story_of.get(c.doc.as_str()).copied().unwrap_or(usize::MAX)
    }

    /// The figures written with `digits` in the story of `c`.
    fn get(&self, c: &Claim, digits: &str) -> &[(&'a Claim, &'a Quantity)] {
        self.by_story
            .get(&self.story(c))
            .and_then(|by_digits| by_digits.get(digits))
            .map_or(&[], Vec::as_slice)
    }
}

/// How suggestions are scored: the quantity-conflict rule's parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    /// The rule's agreement tolerance and open-bound slack.
    pub tol: f64,
    pub slack: f64,
    /// Prior belief in each kind of slip.
    pub prior_scale: f64,
    pub prior_dropped_digit: f64,
    pub prior_added_digit: f64,
    pub prior_decimal: f64,
    /// What the edited figure written elsewhere adds: in the other source's
    /// own claim, in any other claim (counted up to `max_evidence` times).
    pub weight_other_claim: f64,
    pub weight_elsewhere: f64,
    /// What the other source stating exactly the edited value adds.
    pub weight_exact: f64,
    /// The score a suggestion needs (a prior alone, with no evidence, is 1 + prior).
    pub min_score: f64,
    pub max_evidence: usize,
}

impl Weights {
    pub fn from_rule(rule: &crate::rules::FindingRule) -> Weights {
        let p = |name: &str, default: f64| super::param(rule, name, default);
        Weights {
            tol: p("tolerance", 0.02),
            slack: p("open_slack", 0.25),
            prior_scale: p("prior_scale", 0.6),
            prior_dropped_digit: p("prior_dropped_digit", 0.5),
            prior_added_digit: p("prior_added_digit", 0.4),
            prior_decimal: p("prior_decimal", 0.3),
            weight_other_claim: p("weight_other_claim", 2.0),
            weight_elsewhere: p("weight_elsewhere", 1.0),
            weight_exact: p("weight_exact", 1.0),
            min_score: p("min_suggestion_score", 2.0),
            max_evidence: p("max_evidence", 3.0) as usize,
        }
    }
}

/// Best explanation of the conflict between `x` (in claim `xc`) and `y`
/// (in `yc`), trying to correct either side.
pub fn suggest(
    x: &Quantity,
    xc: &Claim,
    y: &Quantity,
    yc: &Claim,
    numerals: &Numerals,
    w: &Weights,
) -> Option<Suggestion> {
    let a = correct(x, xc, y, yc, numerals, w);
    let b = correct(y, yc, x, xc, numerals, w);
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.score > a.score { b } else { a }),
        (a, b) => a.or(b),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Edit {
    DroppedDigit,
    AddedDigit,
    Transposed,
    ScaleUp,
    ScaleDown,
    Decimal,
}

impl Edit {
    fn prior(self, w: &Weights) -> f64 {
        match self {
            Edit::ScaleUp | Edit::ScaleDown => w.prior_scale,
            Edit::DroppedDigit => w.prior_dropped_digit,
            Edit::AddedDigit | Edit::Transposed => w.prior_added_digit,
            Edit::Decimal => w.prior_decimal,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Edit::DroppedDigit => "a dropped digit",
            Edit::AddedDigit => "an added digit",
            Edit::Transposed => "transposed digits",
            Edit::ScaleUp | Edit::ScaleDown => "a thousand/million/billion slip",
            Edit::Decimal => "a misplaced decimal point",
        }
    }
}

/// The integer numeral written in a quantity ("40" in "over 40 million"),
/// with its byte range in `q.text`.
fn numeral(text: &str) -> Option<(usize, usize, String)> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = &text[start..];
    let len = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ','))
        .unwrap_or(rest.len());
    let raw = rest[..len].trim_end_matches(',');
    // Decimals ("3.5", and "3 . 5" as tokenised text spaces them) are
    // edited by scale only.
    if crate::model::written_figure(text).trim_end_matches('.').contains('.') {
        return None;
    }
    Some((start, start + raw.len(), raw.replace(',', "")))
}

fn edits(digits: &str) -> Vec<(String, Edit)> {
    let mut out = Vec::new();
    let d: Vec<char> = digits.chars().collect();
    for p in 0..=d.len() {
        for k in '0'..='9' {
            if p == 0 && k == '0' {
                continue;
            }
            let mut e = d.clone();
            e.insert(p, k);
            out.push((e.into_iter().collect(), Edit::DroppedDigit));
        }
    }
    if d.len() >= 2 {
        for p in 0..d.len() {
            let mut e = d.clone();
            e.remove(p);
            if e[0] != '0' {
                out.push((e.into_iter().collect(), Edit::AddedDigit));
            }
        }
        for p in 0..d.len() - 1 {
            let mut e = d.clone();
            e.swap(p, p + 1);
            if e[0] != '0' && e != d {
                out.push((e.into_iter().collect(), Edit::Transposed));
            }
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// The figure `q` scaled by `ratio`: only its value and bounds, which is
/// all a candidate is tested on (most candidates fit nothing, and cloning
/// each whole quantity was most of a suggestion's cost).
fn scaled(q: &Quantity, ratio: f64) -> Bounds {
    Bounds {
        value: q.value.map(|v| v * ratio),
        low: q.low.map(|v| v * ratio),
        high: q.high.map(|v| v * ratio),
    }
}

/// A quantity's value and bounds.
#[derive(Debug, Clone, Copy)]
struct Bounds {
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
}

fn correct(
    q: &Quantity,
    qc: &Claim,
    other: &Quantity,
    oc: &Claim,
    numerals: &Numerals,
    wt: &Weights,
) -> Option<Suggestion> {
    let (slack, tol) = (wt.slack, wt.tol);
    let target = comparable_range(other, slack)?;
    let fits = |c: Bounds| {
        super::bounds_range(c.value, c.low, c.high, slack)
            .is_some_and(|r| r.0 <= target.1 * (1.0 + tol) && target.0 <= r.1 * (1.0 + tol))
    };
    let mut best: Option<Suggestion> = None;
    // `text` is written only for a candidate that fits.
    let mut consider = |candidate: Bounds, text: &dyn Fn() -> String, edit: Edit, digits: Option<&str>| {
        if !fits(candidate) {
            return;
        }
        let text = text();
        let mut score = 1.0 + edit.prior(wt);
        let mut evidence = Vec::new();
        if let Some(digits) = digits {
            // The edited figure written elsewhere in the corpus.
            for &(c, w) in numerals.get(qc, digits) {
                if c.id == qc.id {
                    continue;
                }
                let own = c.id == oc.id;
                let weight = if own {
                    wt.weight_other_claim
                } else {
                    wt.weight_elsewhere
                };
                if own || evidence.len() < wt.max_evidence {
                    score += weight;
                    let mixup = match (&w.measure, &q.measure) {
                        (Some(a), Some(b)) if a != b => format!(": the figure may have moved from {a} to {b}"),
                        _ => String::new(),
                    };
                    evidence.push(format!("{} writes \"{}\"{mixup}", c.id, shown(w, c)));
                }
            }
        }
        // "About 100" states no exact figure: it does not vouch for "102".
        if let (Some(v), Some(ov)) = (candidate.value, other.value)
            && other.approximator.is_none()
            && (v - ov).abs() <= ov.abs() * tol
        {
            score += wt.weight_exact;
            evidence.push(format!("{} states exactly {}", oc.id, human(ov)));
        }
        evidence.push(format!(
            "\"{}\" ({}) fits \"{}\" in {}; \"{}\" in {} does not",
            text,
            edit.describe(),
            shown(other, oc),
            oc.id,
            shown(q, qc),
            qc.id
        ));
        if score < wt.min_score {
            return;
        }
        let s = Suggestion {
            text: format!("likely intended: \"{text}\" in {} ({})", qc.id, edit.describe()),
            evidence,
            score,
        };
        if best.as_ref().is_none_or(|b| s.score > b.score) {
            best = Some(s);
        }
    };
    if let Some((start, end, digits)) = numeral(&q.text)
        && let Ok(old) = digits.parse::<f64>()
        && old > 0.0
    {
        for (new, edit) in edits(&digits) {
            let Ok(v) = new.parse::<f64>() else { continue };
            let text = || {
                let text = format!(
                    "{}{}{}",
                    &q.text[..start],
                    group_like(&q.text[start..end], &new),
                    &q.text[end..]
                );
                match q.counted.as_deref().filter(|n| !q.text.contains(n)) {
                    Some(noun) => format!("{text} {noun}"),
                    None => text,
                }
            };
            consider(scaled(q, v / old), &text, edit, Some(&new));
        }
    }
    for (ratio, edit) in [
        (1000.0, Edit::ScaleUp),
        (0.001, Edit::ScaleDown),
        (10.0, Edit::Decimal),
        (0.1, Edit::Decimal),
    ] {
        let c = scaled(q, ratio);
        let text = || c.value.or(c.low).or(c.high).map(human).unwrap_or_default();
        consider(c, &text, edit, None);
    }
    best
}

/// A quantity quoted from its claim up to the thing counted ("hundreds of
/// millions of consumers"), or its own text when the noun is not near.
pub fn shown(q: &Quantity, c: &Claim) -> String {
    let (Some(noun), Some(start)) = (q.counted.as_deref(), q.start.checked_sub(c.start)) else {
        return q.text.clone();
    };
    let end = start + q.text.len();
    if let Some(after) = c.text.get(end..)
        && let Some(i) = after.find(noun)
        && i <= 40
    {
        return c.text[start..end + i + noun.len()].to_string();
    }
    q.text.clone()
}

/// Write `digits` with thousands separators when the original had them.
fn group_like(original: &str, digits: &str) -> String {
    if !original.contains(',') {
        return digits.to_string();
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A figure as a reader writes it: "140 million", "47 billion", "12,000".
pub fn human(v: f64) -> String {
    let trim = |x: f64| {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    let a = v.abs();
    if a >= 1e12 {
        format!("{} trillion", trim(v / 1e12))
    } else if a >= 1e9 {
        format!("{} billion", trim(v / 1e9))
    } else if a >= 1e6 {
        format!("{} million", trim(v / 1e6))
    } else if a >= 1e4 && v.fract() == 0.0 {
        group_like(",", &format!("{}", v as i64))
    } else {
        trim(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        assert_eq!(numeral("over 40 million people"), Some((5, 7, "40".into())));
        assert_eq!(numeral("1,200 workers"), Some((0, 5, "1200".into())));
        assert_eq!(numeral("3.5 billion"), None);
        assert_eq!(numeral("3 . 5 billion"), None);
        assert_eq!(numeral("3 . the"), Some((0, 1, "3".into())));
        assert_eq!(numeral("dozens"), None);
    }

    #[test]
    fn human_figures() {
        assert_eq!(human(1.4e8), "140 million");
        assert_eq!(human(4.7e10), "47 billion");
        assert_eq!(human(12000.0), "12,000");
        assert_eq!(human(90.0), "90");
    }

    #[test]
    fn edits_include_a_dropped_leading_digit() {
        assert!(edits("40").iter().any(|(e, k)| e == "140" && *k == Edit::DroppedDigit));
        assert!(edits("1200").iter().any(|(e, k)| e == "120" && *k == Edit::AddedDigit));
    }
}
