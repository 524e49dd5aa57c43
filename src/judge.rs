//! Judging: finding rules turn aligned clusters into findings.
//!
//! Each `[[finding]]` rule names a kind; this module holds one detector per
//! kind and runs every enabled rule with its own parameters and severity, so
//! a user pack can add a stricter copy of a rule or switch one off.

use std::collections::{BTreeMap, BTreeSet};

pub mod era;
pub mod origins;
pub mod quantity;
pub mod suggest;

use crate::align::{ActorSwap, Aligner, Alignment};
use crate::model::{Certainty, Claim, Cluster, Finding, Quantity};
use crate::rules::{FindingKind, FindingRule, RuleSet};
use origins::{Copies, CopyParams, Origins};
use quantity::Aspects;

/// Clusters with verdicts, and findings, in a stable order.
pub fn judge(
    claims: &[Claim],
    alignment: &Alignment,
    rules: &RuleSet,
    aligner: &Aligner,
) -> (Vec<Cluster>, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut clusters = Vec::new();
    let mut in_cluster = vec![false; claims.len()];
    // Edges by cluster in one pass, and the corpus's figures indexed once.
    let mut cluster_of = vec![usize::MAX; claims.len()];
    for (n, members) in alignment.clusters.iter().enumerate() {
        for &i in members {
            cluster_of[i] = n;
        }
    }
    let mut edges_of: Vec<Vec<(usize, usize, f64)>> = vec![Vec::new(); alignment.clusters.len()];
    for &(i, j, s) in &alignment.edges {
        if cluster_of[i] != usize::MAX && cluster_of[i] == cluster_of[j] {
            edges_of[cluster_of[i]].push((i, j, s));
        }
    }
    // Actor swaps inside one cluster are judged with it; the rest after.
    let mut swaps_of: Vec<Vec<&ActorSwap>> = vec![Vec::new(); alignment.clusters.len()];
    let mut loose_swaps = Vec::new();
    for x in &alignment.actor_swaps {
        match cluster_of[x.a] {
            n if n != usize::MAX && n == cluster_of[x.b] => swaps_of[n].push(x),
            _ => loose_swaps.push(x),
        }
    }
    let numerals = suggest::Numerals::new(claims, &alignment.stories);
    let copies = Copies::new(claims, CopyParams::from_rules(&rules.finding));
    let aspects = Aspects::new(rules);
    let eras = era::Eras::new(claims);
    let bounds: Vec<Vec<String>> = rules
        .negation
        .iter()
        .flat_map(|r| &r.bounds)
        .map(|b| b.split_whitespace().map(str::to_lowercase).collect())
        .collect();
    // How far a hedge reaches is the certainty rule's; verdicts read levels
    // even when that rule is switched off.
    let hedge_scope = rules
        .finding
        .iter()
        .find(|r| r.kind == FindingKind::CertaintyDifference)
        .map_or(6.0, |r| param(r, "scope_words", 6.0)) as usize;
    for members in &alignment.clusters {
        for &i in members {
            in_cluster[i] = true;
        }
    }
    // Clusters are judged independently, in parallel; `collect` keeps their
    // order, so the output does not depend on the number of threads.
    use rayon::prelude::*;
    let judged: Vec<(Cluster, Vec<Finding>)> = alignment
        .clusters
        .par_iter()
        .enumerate()
        .map(|(n, members)| {
            let id = format!("c{}", n + 1);
            let group: Vec<&Claim> = members.iter().map(|&i| &claims[i]).collect();
            let edges = &edges_of[n];
            let spans: Vec<&[(String, usize, usize)]> =
                members.iter().map(|&i| alignment.spans[i].as_slice()).collect();
            let levels = event_levels(&group, &spans, hedge_scope);
            let origins = Origins::of(&group, &copies);
            let mut local = Vec::new();
            for rule in rules.finding.iter().filter(|r| r.enabled) {
                let ctx = Ctx {
                    rule,
                    cluster: &id,
                    group: &group,
                    claims,
                    edges,
                    levels: &levels,
                    aligner,
                    spans: &alignment.spans,
                    numerals: &numerals,
                    aspects: &aspects,
                    eras: &eras,
                    origins: &origins,
                    bounds: &bounds,
                };
                match rule.kind {
                    FindingKind::Corroborated => local.extend(corroborated(&ctx)),
                    FindingKind::SharedOrigin => local.extend(shared_origin(&ctx)),
                    FindingKind::QuantityConflict => local.extend(quantity::quantity_conflicts(&ctx)),
                    FindingKind::DateConflict => local.extend(date_conflicts(&ctx)),
                    FindingKind::PolarityConflict => local.extend(polarity_conflicts(&ctx)),
                    FindingKind::CertaintyDifference => local.extend(certainty_difference(&ctx)),
                    FindingKind::ActorConflict => local.extend(
                        swaps_of[n]
                            .iter()
                            .filter_map(|x| actor_conflict(rule, Some(&id), claims, x)),
                    ),
                    FindingKind::SingleSource => {}
                }
            }
            let conflict = local.iter().any(|f: &Finding| {
                matches!(
                    f.kind.as_str(),
                    "quantity_conflict" | "date_conflict" | "polarity_conflict" | "actor_conflict"
                )
            });
            let verdict = if conflict {
                "conflict"
            } else if levels.iter().all(|l| l.level != Certainty::Asserted) {
                "uncertain"
            } else {
                "corroborated"
            };
            let sources = crate::model::documents_of(group.iter().copied()).len();
            let cluster = Cluster {
                id,
                claims: group.iter().map(|c| c.id.clone()).collect(),
                verdict: verdict.into(),
                sources,
                origins: origins.groups.len(),
            };
            (cluster, local)
        })
        .collect();
    for (cluster, local) in judged {
        clusters.push(cluster);
        findings.extend(local);
    }
    for rule in rules
        .finding
        .iter()
        .filter(|r| r.enabled && r.kind == FindingKind::ActorConflict)
    {
        findings.extend(loose_swaps.iter().filter_map(|x| actor_conflict(rule, None, claims, x)));
    }
    for rule in rules
        .finding
        .iter()
        .filter(|r| r.enabled && r.kind == FindingKind::SingleSource)
    {
        let need_facet = param(rule, "require_facet", 1.0) > 0.0;
        for (i, c) in claims.iter().enumerate() {
            if in_cluster[i] || (need_facet && c.quantities.is_empty() && c.dates.is_empty()) {
                continue;
            }
            findings.push(Finding {
                rule: rule.id.clone(),
                kind: rule.kind.as_str().into(),
                severity: rule.severity,
                cluster: None,
                claims: vec![c.id.clone()],
                message: format!("Only {} states this; no other source corroborates it.", c.doc),
                suggestion: None,
                evidence: c
                    .quantities
                    .iter()
                    .map(|q| format!("quantity: {}", q.text))
                    .chain(c.dates.iter().map(|d| format!("date: {}", d.text)))
                    .collect(),
            });
        }
    }
    // Stable: findings of one rule and cluster keep claim order.
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| cluster_order(a).cmp(&cluster_order(b)))
            .then_with(|| a.rule.cmp(&b.rule))
    });
    (clusters, findings)
}

/// Judge two claims of different documents as one aligned cluster: what a
/// harness calls to see the findings on a gold-aligned pair of sentences.
pub fn judge_pair(a: &Claim, b: &Claim, rules: &RuleSet, aligner: &Aligner) -> Vec<Finding> {
    let claims = [a.clone(), b.clone()];
    let alignment = Alignment {
        clusters: vec![vec![0, 1]],
        edges: vec![(0, 1, 1.0)],
        spans: claims.iter().map(|c| aligner.term_spans(c)).collect(),
        stories: vec![vec![a.doc.clone(), b.doc.clone()]],
        // Found by scoring in `align`, which a given pair skips.
        actor_swaps: Vec::new(),
    };
    judge(&claims, &alignment, rules, aligner).1
}

fn cluster_order(f: &Finding) -> (usize, usize) {
    f.cluster
        .as_deref()
        .and_then(|c| c.strip_prefix('c'))
        .and_then(|n| n.parse().ok())
        .map_or((1, 0), |n| (0, n))
}

struct Ctx<'a> {
    rule: &'a FindingRule,
    cluster: &'a str,
    group: &'a [&'a Claim],
    claims: &'a [Claim],
    edges: &'a [(usize, usize, f64)],
    /// Each group member's certainty about the shared fact, with its cues.
    levels: &'a [EventLevel],
    aligner: &'a Aligner,
    /// Every claim's terms with their spans, from the alignment.
    spans: &'a [Vec<(String, usize, usize)>],
    numerals: &'a suggest::Numerals<'a>,
    aspects: &'a Aspects,
    /// Which claims retell an earlier event, and when.
    eras: &'a era::Eras<'a>,
    /// The independent origins behind the cluster's documents.
    origins: &'a Origins,
    /// Words that make a denial before them a bound (the negation rules'
    /// `bounds`), lower-cased, each split into its words.
    bounds: &'a [Vec<String>],
}

impl Ctx<'_> {
    fn finding(
        &self,
        claims: Vec<String>,
        message: String,
        suggestion: Option<String>,
        evidence: Vec<String>,
    ) -> Finding {
        Finding {
            rule: self.rule.id.clone(),
            kind: self.rule.kind.as_str().into(),
            severity: self.rule.severity,
            cluster: Some(self.cluster.to_string()),
            claims,
            message,
            suggestion,
            evidence,
        }
    }

    fn docs(&self) -> BTreeSet<&str> {
        self.group.iter().map(|c| c.doc.as_str()).collect()
    }

    /// The cluster's matched pairs of two documents whose match score
    /// reaches `min_score`. Figures and dates are compared along these
    /// only: in a chain A~B~C, A and C may be about different things, and
    /// comparing every pair of a big cluster would cost its size squared.
    fn cross_pairs_from(&self, min_score: f64) -> Vec<(&Claim, &Claim)> {
        let mut out = Vec::new();
        for &(i, j, score) in self.edges {
            let (a, b) = (&self.claims[i.min(j)], &self.claims[i.max(j)]);
            if a.doc != b.doc && score >= min_score {
                out.push((a, b));
            }
        }
        out
    }
}

fn param(rule: &FindingRule, name: &str, default: f64) -> f64 {
    rule.params.get(name).copied().unwrap_or(default)
}

fn corroborated(ctx: &Ctx) -> Option<Finding> {
    let docs = ctx.docs();
    if (docs.len() as f64) < param(ctx.rule, "min_sources", 2.0) {
        return None;
    }
    let list: Vec<&str> = docs.iter().copied().collect();
    // Sources that cite one outlet or person, or print one text, are one
    // origin: the count of sources alone would overstate the corroboration.
    let origins = ctx.origins.groups.len();
    let message = match ctx.origins.common.as_deref() {
        Some(origin) => format!(
            "Stated by {} sources: {}; all attribute it to {origin}, so they share one origin.",
            docs.len(),
            list.join(", ")
        ),
        None if origins < docs.len() => format!(
            "Stated by {} sources: {}; {} ({}).",
            docs.len(),
            list.join(", "),
            if origins == 1 {
                "they share one origin".to_string()
            } else {
                format!("{origins} independent origins")
            },
            ctx.origins.explained().join("; ")
        ),
        None => format!("Stated by {} sources: {}.", docs.len(), list.join(", ")),
    };
    Some(
        ctx.finding(
            ctx.group.iter().map(|c| c.id.clone()).collect(),
            message,
            None,
            ctx.group
                .iter()
                .map(|c| format!("{}: {}", c.id, excerpt(&c.text, 100)))
                .collect(),
        ),
    )
}

/// Two sources tell one thing of different actors ([`ActorSwap`]): who did
/// it is what they disagree on, unless they report two facts alike.
fn actor_conflict(rule: &FindingRule, cluster: Option<&str>, claims: &[Claim], x: &ActorSwap) -> Option<Finding> {
    if x.score < param(rule, "min_score", 0.0) {
        return None;
    }
    let (a, b) = (&claims[x.a], &claims[x.b]);
    let (actor_a, actor_b) = &x.actors;
    Some(Finding {
        rule: rule.id.clone(),
        kind: rule.kind.as_str().into(),
        severity: rule.severity,
        cluster: cluster.map(str::to_string),
        claims: vec![a.id.clone(), b.id.clone()],
        message: format!(
            "{} names \"{actor_a}\" and {} names \"{actor_b}\" in otherwise the same words: sources differ on who did it, or report two facts alike.",
            a.doc, b.doc
        ),
        suggestion: None,
        evidence: vec![
            format!("{}: {}", a.id, excerpt(&a.text, 100)),
            format!("{}: {}", b.id, excerpt(&b.text, 100)),
            format!("the rest matches: model score {:.2} before the actor vetoes", x.score),
        ],
    })
}

/// Every source of the cluster comes from one origin: one outlet or person
/// they all cite, or one text they all print (see [`origins`]).
fn shared_origin(ctx: &Ctx) -> Option<Finding> {
    let n = ctx.docs().len();
    if n < 2 || ctx.origins.groups.len() != 1 {
        return None;
    }
    let claims = ctx.group.iter().map(|c| c.id.clone()).collect();
    Some(match ctx.origins.common.as_deref() {
        Some(origin) => ctx.finding(
            claims,
            format!("All {n} sources attribute this to {origin}: one origin, not independent corroboration."),
            None,
            ctx.group
                .iter()
                .filter_map(|c| c.attribution.as_ref().map(|a| attributed(&c.id, a)))
                .collect(),
        ),
        None => ctx.finding(
            claims,
            format!(
                "All {n} sources come from one origin ({}): not independent corroboration.",
                ctx.origins.explained().join("; ")
            ),
            None,
            ctx.origins.explained(),
        ),
    })
}

/// A claim's attribution as evidence, with the source it was resolved to
/// when the words do not name it ("the company said" is Acme's).
fn attributed(id: &str, a: &crate::model::Attribution) -> String {
    match a.source.as_deref() {
        Some(s) if !a.text.contains(s) && s.starts_with(char::is_uppercase) => format!("{id}: \"{}\" ({s})", a.text),
        _ => format!("{id}: \"{}\"", a.text),
    }
}

/// The range a quantity allows when compared: an open bound ("over 70
/// million") is read as at most `slack` beyond the figure, as news uses it.
pub fn comparable_range(q: &Quantity, slack: f64) -> Option<(f64, f64)> {
    bounds_range(q.value, q.low, q.high, slack)
}

/// [`comparable_range`] of a figure given by its value and bounds.
fn bounds_range(value: Option<f64>, low: Option<f64>, high: Option<f64>, slack: f64) -> Option<(f64, f64)> {
    let bounds = if low.is_none() && high.is_none() {
        (value, value)
    } else {
        (low, high)
    };
    let (lo, hi) = match bounds {
        (Some(lo), Some(hi)) => (lo, hi),
        (Some(lo), None) => (lo, lo * (1.0 + slack)),
        (None, Some(hi)) => (hi * (1.0 - slack), hi),
        (None, None) => return None,
    };
    Some((lo.min(hi), lo.max(hi)))
}

fn overlaps(a: (f64, f64), b: (f64, f64), tolerance: f64) -> bool {
    a.0 <= b.1 * (1.0 + tolerance) && b.0 <= a.1 * (1.0 + tolerance)
}

/// A claim's resolved dates of the fact as (low, high, text): the day a
/// source spoke ([`crate::model::DateFacet::said`]) is no date of the fact.
fn fact_dates(c: &Claim) -> Vec<(&str, &str, &str)> {
    c.dates
        .iter()
        .filter(|d| !d.said)
        .filter_map(|d| Some((d.low.as_deref()?, d.high.as_deref()?, d.text.as_str())))
        .collect()
}

fn date_conflicts(ctx: &Ctx) -> Vec<Finding> {
    let mut out = Vec::new();
    for (a, b) in ctx.cross_pairs_from(param(ctx.rule, "min_score", 0.0)) {
        let (ra, rb) = (fact_dates(a), fact_dates(b));
        if ra.is_empty() || rb.is_empty() {
            continue;
        }
        // ISO dates compare as strings.
        let agree = ra.iter().any(|x| rb.iter().any(|y| x.0 <= y.1 && y.0 <= x.1));
        if agree {
            continue;
        }
        out.push(ctx.finding(
            vec![a.id.clone(), b.id.clone()],
            format!("{} dates this \"{}\" but {} \"{}\".", a.doc, ra[0].2, b.doc, rb[0].2),
            None,
            vec![
                format!("{}: {} ({}..{})", a.id, ra[0].2, ra[0].0, ra[0].1),
                format!("{}: {} ({}..{})", b.id, rb[0].2, rb[0].0, rb[0].1),
            ],
        ));
    }
    out
}

fn polarity_conflicts(ctx: &Ctx) -> Vec<Finding> {
    let min_score = param(ctx.rule, "min_score", 0.5);
    let scope_words = param(ctx.rule, "scope_words", 6.0) as usize;
    let first_term = param(ctx.rule, "first_term", 1.0) > 0.0;
    let speculative = param(ctx.rule, "speculative", 0.0) > 0.0;
    let other_subject = param(ctx.rule, "other_subject", 1.0) > 0.0;
    let open_figures = param(ctx.rule, "open_figures", 1.0) > 0.0;
    let object_term = param(ctx.rule, "object_term", 1.0) > 0.0;
    let mut out = Vec::new();
    for &(i, j, score) in ctx.edges {
        let (a, b) = (&ctx.claims[i], &ctx.claims[j]);
        if a.doc == b.doc || score < min_score {
            continue;
        }
        // "would not have placed him on injured reserve if ..." and "could
        // not be rescued until morning" deny no fact: a possibility or a
        // condition is the certainty rule's to set apart, not a denial.
        if !speculative && (a.certainty == Certainty::Speculative || b.certainty == Certainty::Speculative) {
            continue;
        }
        // Negation counts only where its scope reaches what both claims say:
        // "has no plans to do business" does not negate a shared figure.
        let (sa, sb) = (&ctx.spans[i], &ctx.spans[j]);
        let shared: BTreeSet<&str> = sa
            .iter()
            .map(|t| t.0.as_str())
            .filter(|t| sb.iter().any(|u| u.0 == *t))
            .collect();
        // The cues of `c` that reach a shared term (their indices), among
        // those that withhold an answer or stand in an aside, or among those
        // that deny. A denial
        // must deny what both say: the first term it reaches is shared
        // ("will not affect the playing status of Jackson" denies no arrest
        // of Jackson).
        let reaching = |c: &Claim, spans: &[(String, usize, usize)], soft: bool| -> Vec<usize> {
            (0..c.negations.len())
                .filter(|&k| {
                    let n = &c.negations[k];
                    if n.denies() == soft {
                        return false;
                    }
                    // A denial that only corrects or bounds the fact denies
                    // nothing the other side says.
                    let after = &c.text[n.end.saturating_sub(c.start)..];
                    if !soft
                        && (n.text.eq_ignore_ascii_case("not") && corrects(after)
                            || bounded(after, ctx.bounds, scope_words)
                            || open_figures && denies_beyond_a_figure(c, n.end))
                    {
                        return false;
                    }
                    let in_scope = in_scope(c, spans, k, scope_words);
                    if soft || !first_term {
                        in_scope.iter().any(|(t, _, _)| shared.contains(t.as_str()))
                    } else {
                        in_scope.first().is_some_and(|(t, _, _)| shared.contains(t.as_str()))
                    }
                })
                .collect()
        };
        // "did not say whether it will reopen" neither states nor denies
        // the reopening: no conflict either way.
        if !reaching(a, sa, true).is_empty() || !reaching(b, sb, true).is_empty() {
            continue;
        }
        let (da, db) = (reaching(a, sa, false), reaching(b, sb, false));
        if da.is_empty() == db.is_empty() {
            continue;
        }
        let na = !da.is_empty();
        // The denial must be of someone the stating side names too.
        let (neg, neg_spans, denials) = if na { (a, sa, &da) } else { (b, sb, &db) };
        if other_subject
            && denials.iter().all(|&k| {
                let at = neg.negations[k].start.saturating_sub(neg.start);
                denies_another(neg, neg_spans, at, &shared, scope_words)
            })
        {
            continue;
        }
        // What the denied verb is done to must be shared too: "will not
        // offer 3G data" denies no "will offer the BlackBerry". Like
        // `other_subject`, this only vetoes a conflict.
        if object_term
            && denials.iter().all(|&k| {
                let later = in_scope(neg, neg_spans, k, scope_words);
                later.len() >= 2 && !later[1..].iter().any(|(t, _, _)| shared.contains(t.as_str()))
            })
        {
            continue;
        }
        // The stating side must deny nothing next to a shared term either:
        // "a price was not given" denies the price its other side's "did
        // not give a price" denies, its cue only after the term.
        let (pos, pos_spans) = if na { (b, sb) } else { (a, sa) };
        let denies_near = pos.negations.iter().filter(|n| n.denies()).any(|n| {
            let at = n.start.saturating_sub(pos.start);
            pos_spans.iter().any(|(t, s, _)| {
                shared.contains(t.as_str()) && *s < at && words_between(&pos.text, *s, at) < scope_words
            })
        });
        if denies_near {
            continue;
        }
        out.push(ctx.finding(
            vec![a.id.clone(), b.id.clone()],
            format!("{} states it, {} negates it.", pos.doc, neg.doc),
            None,
            vec![
                format!("{}: {}", pos.id, excerpt(&pos.text, 100)),
                format!("{}: {}", neg.id, excerpt(&neg.text, 100)),
            ],
        ));
    }
    out
}

/// The terms that the negation `k` of `c` reaches (`scope_words` words,
/// short of a clause mark), in text order.
fn in_scope<'s>(
    c: &Claim,
    spans: &'s [(String, usize, usize)],
    k: usize,
    scope_words: usize,
) -> Vec<&'s (String, usize, usize)> {
    let from = c.negations[k].end.saturating_sub(c.start);
    let to = scope_end(&c.text, from, scope_words);
    let mut terms: Vec<&(String, usize, usize)> = spans.iter().filter(|(_, s, _)| *s >= from && *s < to).collect();
    terms.sort_by_key(|(_, s, _)| *s);
    terms
}

/// True when the term just before a denial at `at` (within `scope_words`
/// words, no clause mark between) is a capitalised word the other claim
/// does not hold: "Unlike the stars, Ross is not signed" denies Ross's
/// contract, not the stars' that the other side states; "Authorities did
/// not know whether ..." denies what the authorities know.
fn denies_another(
    c: &Claim,
    spans: &[(String, usize, usize)],
    at: usize,
    shared: &BTreeSet<&str>,
    scope_words: usize,
) -> bool {
    spans
        .iter()
        .filter(|(_, s, _)| *s < at)
        .max_by_key(|(_, s, _)| *s)
        .is_some_and(|(t, s, _)| {
            !shared.contains(t.as_str())
                && c.text[*s..].starts_with(char::is_uppercase)
                && words_between(&c.text, *s, at) <= scope_words
        })
}

/// True when a figure with an open bound ("more than eight years", "at
/// least 10") follows a denial that ends at `end` in its sentence: "none of
/// the offers is for more than eight years" denies only going past the
/// figure, and agrees with "an eight-year offer".
fn denies_beyond_a_figure(c: &Claim, end: usize) -> bool {
    c.quantities
        .iter()
        .any(|q| q.start >= end && q.approximator.is_some() && q.low.is_some() != q.high.is_some())
}

/// True when the words after a "not" are corrected by "but" within a few
/// words: "was not one person, but several people" states the second
/// thing, and denies only what the other side may not say at all. ("No
/// one was injured, but ..." is a whole clause denied, and stays.)
fn corrects(after: &str) -> bool {
    const MAX_WORDS: usize = 4;
    let words: Vec<&str> = after.split_whitespace().take(MAX_WORDS + 2).collect();
    words
        .iter()
        .position(|w| w.eq_ignore_ascii_case("but"))
        .is_some_and(|k| k <= MAX_WORDS + 1 && words[..k].iter().any(|w| w.ends_with(',') || *w == ","))
}

/// True when one of `bounds` ("until"; each split into its words) follows
/// a denial within `scope_words` words and two more, no clause mark
/// between: "will not reveal the name until after he dies" says when he
/// will.
fn bounded(after: &str, bounds: &[Vec<String>], scope_words: usize) -> bool {
    let clause = after.find(CLAUSE_MARKS).unwrap_or(after.len());
    let window: Vec<String> = crate::tokens::tokens(&after[..clause])
        .into_iter()
        .take(scope_words + 2)
        .map(|t| t.text.to_lowercase())
        .collect();
    bounds
        .iter()
        .any(|words| window.windows(words.len()).any(|w| w == words.as_slice()))
}

fn rank(c: Certainty) -> i64 {
    match c {
        Certainty::Asserted => 0,
        Certainty::Reported => 1,
        Certainty::Alleged => 2,
        Certainty::Speculative => 3,
        Certainty::Denied => 4,
    }
}

fn certainty_difference(ctx: &Ctx) -> Option<Finding> {
    let gap = param(ctx.rule, "min_gap", 1.0) as i64;
    let members: Vec<(&Claim, Certainty)> = ctx.group.iter().zip(ctx.levels).map(|(c, l)| (*c, l.level)).collect();
    // The difference must be between documents, not only within one: some
    // document's surest level and another's least sure are `gap` apart.
    let mut span: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    for (c, l) in &members {
        let r = rank(*l);
        let e = span.entry(c.doc.as_str()).or_insert((r, r));
        *e = (e.0.min(r), e.1.max(r));
    }
    let sure = span.values().map(|v| v.0).min().unwrap_or(0);
    let unsure = span.values().map(|v| v.1).max().unwrap_or(0);
    let differs = unsure - sure >= gap
        && span
            .iter()
            .any(|(d, v)| v.0 == sure && span.iter().any(|(e, w)| e != d && w.1 - sure >= gap))
        || span
            .iter()
            .any(|(d, v)| v.1 == unsure && span.iter().any(|(e, w)| e != d && unsure - w.0 >= gap));
    if !differs {
        return None;
    }
    let mut by_doc: BTreeMap<&str, BTreeSet<Certainty>> = BTreeMap::new();
    for (c, l) in &members {
        by_doc.entry(&c.doc).or_default().insert(*l);
    }
    let parts: Vec<String> = by_doc
        .iter()
        .map(|(d, l)| format!("{d} {}", l.iter().map(|c| c.as_str()).collect::<Vec<_>>().join("/")))
        .collect();
    let evidence = ctx
        .group
        .iter()
        .zip(ctx.levels)
        .map(|(c, l)| {
            let level = l.level.as_str();
            // Hedges set aside are named in single quotes: the text report
            // marks only the double-quoted cues that counted.
            let verb = if l.asides.len() == 1 { "qualifies" } else { "qualify" };
            let asides = l.asides.iter().map(|h| format!("'{h}'")).collect::<Vec<_>>().join(", ");
            match (l.cues.is_empty(), l.asides.is_empty()) {
                (true, true) => format!("{}: {level} (no hedge)", c.id),
                (true, false) => format!(
                    "{}: {level} (no hedge on the shared fact; {asides} {verb} the rest)",
                    c.id
                ),
                (false, true) => format!("{}: {level} ({})", c.id, l.cues.join(", ")),
                (false, false) => format!("{}: {level} ({}; {asides} {verb} the rest)", c.id, l.cues.join(", ")),
            }
        })
        .collect();
    Some(ctx.finding(
        ctx.group.iter().map(|c| c.id.clone()).collect(),
        format!("Sources differ in certainty: {}.", parts.join("; ")),
        None,
        evidence,
    ))
}

/// How sure one claim is of the fact its cluster shares ([`event_levels`]).
struct EventLevel {
    level: Certainty,
    /// What made it so: hedges in quotes, or the attribution.
    cues: Vec<String>,
    /// The claim's hedges that qualify another part of it, not counted.
    asides: Vec<String>,
}

/// How sure each claim is of the fact the cluster shares. A hedge counts
/// only when its scope (the words after it, up to a clause boundary) reaches
/// a term that claims of two or more documents share: in "canceled plans
/// to carry a phone, aborting what could have introduced...", "could"
/// hedges the aside, not the cancellation. An attribution to a named source
/// or a quotation makes the whole claim reported.
fn event_levels(group: &[&Claim], spans: &[&[(String, usize, usize)]], scope_words: usize) -> Vec<EventLevel> {
    let mut docs_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (c, sp) in group.iter().zip(spans) {
        for (t, _, _) in sp.iter() {
            if !t.starts_with('@') {
                docs_of.entry(t.as_str()).or_default().insert(c.doc.as_str());
            }
        }
    }
    let core: BTreeSet<&str> = docs_of.iter().filter(|(_, d)| d.len() >= 2).map(|(t, _)| *t).collect();
    group
        .iter()
        .zip(spans)
        .map(|(c, sp)| {
            let mut level = Certainty::Asserted;
            let mut cues = Vec::new();
            let mut asides = Vec::new();
            // A hedge after the fact's first shared term, past a clause
            // boundary, belongs to an aside ("canceled plans, aborting what
            // could have...").
            let first = sp
                .iter()
                .filter(|(t, _, _)| core.contains(t.as_str()))
                .map(|(_, s, _)| *s)
                .min();
            for h in &c.hedges {
                let from = h.end - c.start;
                let to = scope_end(&c.text, from, scope_words);
                let aside = first.is_some_and(|f| {
                    f < h.start - c.start && c.text[f..h.start - c.start].contains([',', ';', '—', '–', '('])
                });
                if !aside
                    && sp
                        .iter()
                        .any(|(t, s, _)| core.contains(t.as_str()) && *s >= from && *s < to)
                {
                    level = level.max(h.level);
                    cues.push(format!("\"{}\"", h.text));
                } else {
                    asides.push(h.text.clone());
                }
            }
            // "According to" cites a source even when it names none ("according
            // to a statement"); an unnamed "told" is often a passive ("was
            // told her services would not be needed").
            if let Some(a) = &c.attribution
                && (a.source.is_some()
                    || a.quote
                    || a.verb
                        .as_deref()
                        .is_some_and(|v| v.eq_ignore_ascii_case("according to")))
            {
                level = level.max(Certainty::Reported);
                cues.push(match (&a.verb, &a.source) {
                    (Some(v), Some(s)) => format!("{v} {s}"),
                    (Some(v), None) => v.clone(),
                    _ => "quotation".into(),
                });
            }
            EventLevel { level, cues, asides }
        })
        .collect()
}

/// Punctuation that ends a clause, and with it a negation's or a hedge's
/// reach.
const CLAUSE_MARKS: [char; 10] = [',', ';', ':', '—', '–', '(', ')', '"', '“', '”'];

/// How many words of `text` lie between byte offsets `from` and `to`,
/// short of a clause boundary (a boundary counts as out of reach).
fn words_between(text: &str, from: usize, to: usize) -> usize {
    let Some(gap) = text.get(from..to) else {
        return usize::MAX;
    };
    if gap.contains(CLAUSE_MARKS) {
        return usize::MAX;
    }
    crate::tokens::tokens(gap).len()
}

/// Where a hedge's scope ends: the next clause boundary, or `words` words on.
fn scope_end(text: &str, from: usize, words: usize) -> usize {
    const BOUNDARY_WORDS: &[&str] = &[
        "and", "but", "before", "after", "while", "because", "although", "which", "who", "what", "when", "where", "so",
    ];
    // The words fit in a short window; never tokenise the rest of a huge sentence.
    let mut cut = (from + 27 * words).min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let rest = &text[from..cut];
    for (n, t) in crate::tokens::tokens(rest).into_iter().enumerate() {
        let gap = &rest[..t.start];
        if gap.contains(CLAUSE_MARKS) && n > 0 {
            return from + t.start;
        }
        if BOUNDARY_WORDS.contains(&t.text.to_lowercase().as_str()) || n >= words {
            return from + t.start;
        }
    }
    cut
}

/// A short excerpt on a character boundary.
pub fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(value: Option<f64>, low: Option<f64>, high: Option<f64>) -> Quantity {
        Quantity {
            text: String::new(),
            start: 0,
            end: 0,
            value,
            low,
            high,
            approximator: None,
            unit: None,
            counted: None,
            measure: Some("people".into()),
        }
    }

    #[test]
    fn open_bounds_are_read_with_slack() {
        assert_eq!(
            comparable_range(&q(Some(10.0), Some(10.0), Some(10.0)), 0.25),
            Some((10.0, 10.0))
        );
        assert_eq!(comparable_range(&q(Some(10.0), None, None), 0.25), Some((10.0, 10.0)));
        assert_eq!(
            comparable_range(&q(Some(40.0), Some(40.0), None), 0.25),
            Some((40.0, 50.0))
        );
        assert_eq!(comparable_range(&q(None, None, Some(20.0)), 0.25), Some((15.0, 20.0)));
        assert_eq!(comparable_range(&q(None, None, None), 0.25), None);
    }

    #[test]
    fn ranges_overlap_within_tolerance() {
        assert!(overlaps((10.0, 10.0), (10.1, 10.1), 0.02));
        assert!(!overlaps((10.0, 10.0), (11.0, 11.0), 0.02));
        assert!(overlaps((24.0, 144.0), (45.0, 55.0), 0.0));
    }

    #[test]
    fn hedge_scope_stops_at_a_clause_boundary() {
        let text = "Acme reportedly canceled the deal, aborting what could have been a launch.";
        let from = text.find("reportedly").unwrap() + "reportedly".len();
        assert_eq!(
            text[from..scope_end(text, from, 6)].trim_end_matches([',', ' ']),
            " canceled the deal"
        );
    }
}
