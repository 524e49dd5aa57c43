//! Quantity conflicts: which figures of two aligned claims are counterparts,
//! and whether they agree.
//!
//! Figures are compared only within one measure, refined by the `[[aspects]]`
//! rules: "10 people were killed" counts deaths and "50 people were hurt"
//! injuries, so the two never meet; "a 37-year-old" is an age, not a span
//! of time. Within a measure each figure looks for a counterpart on the
//! other side: a figure that agrees with some figure there is accounted
//! for, and a conflict is reported only between figures that no figure of
//! the other side agrees with, paired with their closest counterpart.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

use rustc_hash::FxHashMap;

use crate::align::Aligner;
use crate::model::{Claim, Finding, Quantity};
use crate::rules::{Factor, RuleSet};

use super::{Ctx, comparable_range, overlaps, param, suggest};

/// One compiled `[[aspects]]` rule.
#[derive(Debug, Clone)]
struct Aspect {
    measure: String,
    refines: BTreeSet<String>,
    before: Cues,
    after: Cues,
    window: usize,
    keep_counted: bool,
    holder: bool,
    anchor: bool,
    unless_after: Vec<String>,
    unless_before: Vec<String>,
    compared: bool,
    anywhere: bool,
}

/// The aspect rules and the units' conversion factors, compiled once per run.
#[derive(Debug, Clone, Default)]
pub struct Aspects {
    rules: Vec<Aspect>,
    /// Each unit with a `to_base` factor: figures in two of them compare
    /// after conversion.
    conversions: HashMap<String, Conversion>,
    /// How far a sum converted into another currency in brackets may be
    /// off (the quantity-conflict rule's `exchange_slack`).
    exchange_slack: f64,
}

/// How a unit converts into its measure's base unit: `(v + offset) × factor`.
#[derive(Debug, Clone)]
struct Conversion {
    factor: Factor,
    /// See `UnitRule::offset`; 0 for most units.
    offset: f64,
    /// Only units of one measure convert.
    measure: String,
}

/// Words that end a figure's clause: a cue past them is about another figure.
const CLAUSE_WORDS: &[&str] = &["and", "but", "or", "while", "whereas", "as", "which", "who", "that"];

fn words(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(str::to_lowercase).collect()
}

impl Aspects {
    pub fn new(rules: &RuleSet) -> Aspects {
        Aspects {
            rules: rules
                .aspects
                .iter()
                .map(|r| Aspect {
                    measure: r.measure.clone(),
                    refines: r.refines.iter().cloned().collect(),
                    before: Cues::new(r.before.iter().map(|w| words(w)).collect()),
                    after: Cues::new(r.after.iter().map(|w| words(w)).collect()),
                    window: r.window,
                    keep_counted: r.keep_counted,
                    holder: r.holder,
                    anchor: r.anchor,
                    unless_after: r.unless_after.iter().map(|w| w.to_lowercase()).collect(),
                    unless_before: r.unless_before.iter().map(|w| w.to_lowercase()).collect(),
                    compared: r.compared,
                    anywhere: r.anywhere,
                })
                .collect(),
            conversions: rules
                .units
                .iter()
                .filter_map(|u| {
                    let conversion = Conversion {
                        factor: u.to_base?,
                        offset: u.offset.unwrap_or(0.0),
                        measure: u.measure.clone(),
                    };
                    Some((u.unit.clone(), conversion))
                })
                .collect(),
            exchange_slack: rules
                .finding
                .iter()
                .find(|r| r.kind == crate::rules::FindingKind::QuantityConflict)
                .map_or(0.0, |r| param(r, "exchange_slack", 0.0)),
        }
    }

    /// How the units of `a` and `b` convert, when both are units of one
    /// measure that the rules convert between, and not one unit.
    fn conversions(&self, a: &Quantity, b: &Quantity) -> Option<(&Conversion, &Conversion)> {
        let of = |q: &Quantity| self.conversions.get(q.unit.as_deref()?);
        let (ca, cb) = (of(a)?, of(b)?);
        (a.unit != b.unit && ca.measure == cb.measure).then_some((ca, cb))
    }

    /// Both figures are in units of one measure that the rules convert
    /// between, and not in one unit.
    fn convertible(&self, a: &Quantity, b: &Quantity) -> bool {
        self.conversions(a, b).is_some()
    }

    /// True when `b`, in brackets right after `a`, converts it into another
    /// currency ("€110 billion ($141 billion)"), also after a bare amount
    /// whose currency was not read ("110 billion ($141 billion)" under a
    /// garbled euro sign).
    fn exchanges(a: &Quantity, b: &Quantity) -> bool {
        let money = |q: &Quantity| q.measure.as_deref() == Some("money");
        money(b) && (money(a) && a.unit != b.unit || a.measure.is_none() && a.unit.is_none())
    }

    /// `y` in the unit of `x`, when the two units convert ("5 miles" beside
    /// "8 km" reads as 8.05 km, "104 °F" beside "40 °C" as 40 °C); otherwise
    /// `y` itself. A factor known only within bounds widens the figure to a
    /// range.
    fn in_unit_of<'q>(&self, y: &'q Quantity, x: &Quantity) -> Cow<'q, Quantity> {
        let Some((cx, cy)) = self.conversions(x, y) else {
            return Cow::Borrowed(y);
        };
        let (fx, ox, fy, oy) = (cx.factor, cx.offset, cy.factor, cy.offset);
        // Into the base unit and out into x's, at both ends of each factor.
        let ends = |v: f64| {
            let base = [(v + oy) * fy.low, (v + oy) * fy.high];
            let all = base.map(|b| [b / fx.high - ox, b / fx.low - ox]).concat();
            let low = all.iter().copied().fold(f64::INFINITY, f64::min);
            let high = all.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            (low, high)
        };
        let exact = fx.low == fx.high && fy.low == fy.high;
        let bounds = if y.low.is_none() && y.high.is_none() {
            (y.value, y.value)
        } else {
            (y.low, y.high)
        };
        let mut z = y.clone();
        z.unit.clone_from(&x.unit);
        z.value = y.value.filter(|_| exact).map(|v| ends(v).0);
        z.low = bounds.0.map(|v| ends(v).0);
        z.high = bounds.1.map(|v| ends(v).1);
        Cow::Owned(z)
    }

    /// The claim's quantities with their measure refined by the words next
    /// to them. A refined figure's generic counted noun ("people") is
    /// dropped, as the aspect now says what is counted.
    pub fn refine(&self, claim: &Claim) -> Vec<Quantity> {
        if claim.quantities.is_empty() {
            return Vec::new();
        }
        let text = claim.text.as_str();
        let spans: Vec<(usize, usize)> = claim
            .quantities
            .iter()
            .map(|q| {
                let s = q.start.saturating_sub(claim.start).min(text.len());
                let e = q.end.saturating_sub(claim.start).clamp(s, text.len());
                (s, e)
            })
            .collect();
        let sentence = clause_free_words(text);
        let mut found: Vec<Option<&Aspect>> = claim
            .quantities
            .iter()
            .enumerate()
            .map(|(n, q)| {
                let (s, e) = spans[n];
                let next = spans.get(n + 1).map_or(text.len(), |x| x.0.max(e));
                let prev = if n > 0 {
                    ratio_start(text, spans[n - 1]).min(s)
                } else {
                    0
                };
                let after = after_words(text, e, next, q);
                let before = clause_words(text, prev, s, true);
                let class = q.measure.as_deref().unwrap_or("none");
                let mut best: Option<(usize, &Aspect)> = None;
                let rest = std::cell::OnceCell::new();
                for a in &self.rules {
                    if !a.refines.is_empty() && !a.refines.contains(class) {
                        continue;
                    }
                    if !a.unless_after.is_empty() {
                        let rest = rest.get_or_init(|| text[e..].trim_start().to_lowercase());
                        if a.unless_after.iter().any(|w| rest.starts_with(w.as_str())) {
                            continue;
                        }
                    }
                    if before.first().is_some_and(|w| a.unless_before.contains(w)) {
                        continue;
                    }
                    if a.anywhere {
                        // A sentence-wide cue outranks any cue next to the figure.
                        if a.before.distance(&sentence, sentence.len(), false).is_some() {
                            best = Some((0, a));
                            break;
                        }
                        continue;
                    }
                    // Twice the distance, plus one before the figure: the
                    // nearest cue wins, after the figure on a tie.
                    let d = a
                        .after
                        .distance(&after, a.window, false)
                        .map(|d| 2 * d)
                        .into_iter()
                        .chain(a.before.distance(&before, a.window, true).map(|d| 2 * d + 1))
                        .min();
                    if let Some(d) = d
                        && best.is_none_or(|(b, _)| d < b)
                    {
                        best = Some((d, a));
                    }
                }
                best.map(|(_, a)| a)
            })
            .collect();
        // Coordinated figures share their predicate: in "two women and one
        // man died" both count deaths, and in "killed 4 in one town and 6 in
        // another" both do too.
        // The text between figure `n - 1` and figure `n`.
        let gap = |n: usize| &text[spans[n - 1].1..spans[n].0.max(spans[n - 1].1)];
        let joined = |n: usize| {
            gap(n)
                .split_whitespace()
                .last()
                .is_some_and(|w| w.eq_ignore_ascii_case("and"))
        };
        let fits = |a: &Aspect, n: usize| {
            let class = claim.quantities[n].measure.as_deref().unwrap_or("none");
            a.refines.is_empty() || a.refines.contains(class)
        };
        for n in (0..found.len().saturating_sub(1)).rev() {
            let q = &claim.quantities[n];
            if let (None, Some(a)) = (found[n], found[n + 1])
                && joined(n + 1)
                && after_words(text, spans[n].1, spans[n + 1].0.max(spans[n].1), q).is_empty()
                && fits(a, n)
            {
                found[n] = Some(a);
            }
        }
        for n in 1..found.len() {
            if let (None, Some(a)) = (found[n], found[n - 1])
                && joined(n)
                && fits(a, n)
            {
                found[n] = Some(a);
            }
        }
        let shares = share_keys(claim, &spans);
        claim
            .quantities
            .iter()
            .zip(found)
            .enumerate()
            .map(|(n, (q, a))| {
                let mut q = q.clone();
                if q.approximator.is_none() && denied_figure(text, spans[n].0) {
                    // "was not one person, but a combination of people":
                    // the figure is what the source denies.
                    q.measure = None;
                    return q;
                }
                if partial_member(text, spans[n].0) {
                    // "a man and two women died": the figure is only part of
                    // a count whose other member carries no figure.
                    q.measure = None;
                    return q;
                }
                // "less than 25 km (15 miles)", "a depth of 10 km (6 miles)":
                // the bracketed figure restates the one before in another
                // unit, without its bound or its aspect; the first is compared.
                let bracketed = n > 0 && gap(n).trim() == "(";
                if bracketed && self.convertible(&claim.quantities[n - 1], &q) {
                    q.measure = None;
                    return q;
                }
                // A conversion into another currency is compared, but sources
                // convert at the rates of different days: "€110 billion
                // ($141 billion)" and "($158 billion)" agree.
                if bracketed
                    && Self::exchanges(&claim.quantities[n - 1], &q)
                    && let Some((lo, hi)) = comparable_range(&q, 0.0)
                {
                    q.low = Some(lo * (1.0 - self.exchange_slack));
                    q.high = Some(hi * (1.0 + self.exchange_slack));
                    q.value = None;
                }
                match &shares[n] {
                    Share::Of(key) => q.counted = Some(key.clone()),
                    Share::Unread => {
                        q.measure = None;
                        return q;
                    }
                    Share::Keep => {}
                }
                let Some(a) = a else { return q };
                if !a.compared {
                    q.measure = None;
                    return q;
                }
                let class = q.measure.clone().unwrap_or_else(|| "none".into());
                q.measure = Some(a.measure.replace("{class}", &class));
                if a.holder {
                    // The name stands in for the thing counted; no name, no comparison.
                    match holder(claim, &q) {
                        Some(name) => q.counted = Some(name),
                        None => q.measure = None,
                    }
                } else if a.anchor {
                    // The place stands in for the thing counted; with no
                    // place the figure compares with any of its measure.
                    q.counted = anchor(claim, &q);
                } else if !a.keep_counted {
                    q.counted = None;
                }
                q
            })
            .collect()
    }
}

/// Where the words before the next figure start, after the figure at
/// `span`: its end, or its last word when that is "1" or "one", so the
/// next figure sees the cue of a ratio ("as many as 1 in 500 users").
fn ratio_start(text: &str, (s, e): (usize, usize)) -> usize {
    let figure = &text[s..e];
    let last = figure.rfind(' ').map_or(0, |k| k + 1);
    if matches!(figure[last..].to_lowercase().as_str(), "1" | "one") {
        s + last
    } else {
        e
    }
}

/// Every lowercased word of the sentence, in order, hyphenated words split.
fn clause_free_words(text: &str) -> Vec<String> {
    let toks = crate::tokens::tokens(text);
    let mut out = Vec::with_capacity(toks.len());
    for t in &toks {
        push_pieces(&mut out, t.text.to_lowercase(), false);
    }
    out
}

/// Pushes a lower-cased word's hyphen-free pieces ("37-year-old": "37",
/// "year", "old"; in reverse order when `backward`), the word itself when
/// it has no hyphen, without copying it again.
fn push_pieces(out: &mut Vec<String>, lower: String, backward: bool) {
    if !lower.contains('-') {
        out.push(lower);
        return;
    }
    let pieces = lower.split('-').filter(|p| !p.is_empty()).map(String::from);
    if backward {
        out.extend(pieces.collect::<Vec<_>>().into_iter().rev());
    } else {
        out.extend(pieces);
    }
}

/// Articles that make a coordinated noun a member of one ("a man and two
/// women"): a figure after it counts only part of the whole.
const ONE_MEMBER: &[&str] = &["a", "an"];

/// True when the figure at `start` follows "a <noun> and": a count one
/// member of which has no figure.
fn partial_member(text: &str, start: usize) -> bool {
    let toks = crate::tokens::tokens(&text[..start.min(text.len())]);
    let w: Vec<String> = toks.iter().rev().take(3).map(|t| t.text.to_lowercase()).collect();
    w.len() == 3
        && w[0] == "and"
        && ONE_MEMBER.contains(&w[2].as_str())
        && !text[toks[toks.len() - 3].end..start].contains(',')
}

/// A figure right after "not" ("not one person", "not 10 but 12") is
/// denied, not stated; "not more than 10" is a bound, read as the figure's
/// approximator, and never reaches here.
fn denied_figure(text: &str, start: usize) -> bool {
    let head = text.get(..start).unwrap_or(text).trim_end();
    head.len()
        .checked_sub(3)
        .and_then(|at| Some((head.get(at..)?, head.get(..at)?)))
        .is_some_and(|(word, before)| word.eq_ignore_ascii_case("not") && !before.ends_with(char::is_alphanumeric))
}

/// What a share is a share of ("75 percent of traffic"): the noun after
/// "of", past a determiner. Shares of different things are not compared.
fn share_base(text: &str, end: usize) -> Option<String> {
    const DETERMINERS: &[&str] = &[
        "the", "all", "its", "their", "his", "her", "our", "a", "an", "this", "that",
    ];
    let toks = crate::tokens::tokens(text.get(end..)?);
    let mut it = toks.iter().map(|t| t.text.to_lowercase());
    if it.next()? != "of" {
        return None;
    }
    it.find(|w| !DETERMINERS.contains(&w.as_str()))
        .filter(|w| w.chars().all(char::is_alphabetic))
}

/// What a figure in percent is a share of, as [`share_keys`] reads it.
enum Share {
    /// Compared as the figure is: not a share in percent, or a lone share
    /// whose base the claim does not say (compared with any).
    Keep,
    /// A share of this, compared only with shares of the same.
    Of(String),
    /// A share in a list whose base and place the claim does not say, when
    /// other shares of the list say theirs: which it is, is not known.
    Unread,
}

/// What each share in percent of a claim is a share of: its counted noun
/// or the word after its "of" ([`share_base`]), else the place it was
/// measured in ([`share_place`]). In a list of shares ("55 percent of
/// voice traffic in Saudi Arabia, 52 percent in Egypt and 82 percent in
/// India") a share with no base of its own takes the one before it, and
/// each names its place too: "web services in India" and "voice traffic
/// in India" are two things, and so are one base in two places.
fn share_keys(claim: &Claim, spans: &[(usize, usize)]) -> Vec<Share> {
    let text = claim.text.as_str();
    let qs = &claim.quantities;
    let percent = |n: usize| qs[n].measure.as_deref() == Some("percent");
    let list = (0..qs.len()).filter(|&n| percent(n)).count() >= 2;
    let mut bases: Vec<Option<String>> = vec![None; qs.len()];
    let mut prev: Option<usize> = None;
    for n in (0..qs.len()).filter(|&n| percent(n)) {
        let own = qs[n].counted.clone().or_else(|| share_base(text, spans[n].1));
        bases[n] = own.or_else(|| {
            let p = prev.filter(|&p| coordinated(text.get(spans[p].1..spans[n].0).unwrap_or("")))?;
            bases[p].clone()
        });
        prev = Some(n);
    }
    let keys: Vec<Option<String>> = (0..qs.len())
        .map(|n| {
            let place = percent(n).then(|| share_place(claim, &qs[n])).flatten();
            match (bases[n].take(), place) {
                (Some(base), Some(place)) if list => Some(format!("{base} in {place}")),
                (base, place) => base.or(place),
            }
        })
        .collect();
    let some_read = keys.iter().any(Option::is_some);
    keys.into_iter()
        .enumerate()
        .map(|(n, key)| match key {
            _ if !percent(n) => Share::Keep,
            Some(key) => Share::Of(key),
            None if list && some_read => Share::Unread,
            None => Share::Keep,
        })
        .collect()
}

/// Whether the words between two figures join them as items of one list:
/// the first figure's own words, then a comma, "and" or "or", and nothing
/// after ("of web services in Egypt, and").
fn coordinated(gap: &str) -> bool {
    const ITEM_WORDS: usize = 10;
    let gap = gap.trim_end();
    let joined = gap.ends_with(',') || {
        let last = gap.rsplit(' ').next().unwrap_or("");
        last.eq_ignore_ascii_case("and") || last.eq_ignore_ascii_case("or")
    };
    joined && !gap.contains([';', '.', ':']) && crate::tokens::tokens(gap).len() <= ITEM_WORDS
}

/// Where a share was measured, when a name follows it after one linking
/// word ("52 percent in Egypt", "65 % with India") or comes before it with
/// the figure's "by" ("in India by 65 percent"): shares of two places are
/// not compared, as a story lists one share for each.
fn share_place(claim: &Claim, q: &Quantity) -> Option<String> {
    const LINKS: &[&str] = &["in", "with", "for", "among", "across", "from", "at"];
    let linked = |w: &str| LINKS.contains(&w.to_lowercase().as_str());
    let after = name_after(claim, q).and_then(|(ent, between)| {
        let toks = crate::tokens::tokens(between);
        // "52 percent in Egypt", or past the base: "55 percent of voice
        // traffic in Saudi Arabia".
        let of_base = toks.len() <= 6
            && toks.first().is_some_and(|t| t.text.eq_ignore_ascii_case("of"))
            && toks.last().is_some_and(|t| linked(t.text));
        let link = match toks.as_slice() {
            [w] | [w, _] => linked(w.text),
            _ => of_base,
        };
        let determiner = of_base || toks.get(1).is_none_or(|t| t.text.eq_ignore_ascii_case("the"));
        // "80 percent, in India by 65 percent": the place is the next figure's.
        (link && determiner && !between.contains(',')).then(|| ent.canonical.to_lowercase())
    });
    after.or_else(|| {
        let text = claim.text.as_str();
        let s = q.start.checked_sub(claim.start)?;
        let ent = claim
            .entities
            .iter()
            .filter(|ent| ent.end <= q.start)
            .max_by_key(|ent| ent.end)?;
        let (es, ee) = (ent.start.checked_sub(claim.start)?, ent.end.checked_sub(claim.start)?);
        let by = text.get(ee..s)?.trim().eq_ignore_ascii_case("by");
        let link = crate::tokens::tokens(text.get(..es)?)
            .last()
            .is_some_and(|t| linked(t.text));
        (by && link).then(|| ent.canonical.to_lowercase())
    })
}

/// Words after a figure in its clause, the counted noun left out: cue
/// distances count from it ("eight days ago").
fn after_words(text: &str, from: usize, to: usize, q: &Quantity) -> Vec<String> {
    let mut after = clause_words(text, from, to, false);
    if let Some(c) = &q.counted
        && after.first().is_some_and(|w| *w == c.to_lowercase())
    {
        after.remove(0);
    }
    after
}

/// The named entity a figure belongs to: a name right after it ("the
/// 32-year-old Smith") or right before it ("Smith, 32," / "Smith, aged 32").
fn holder(claim: &Claim, q: &Quantity) -> Option<String> {
    const LINKS: &[&str] = &["a", "an", "the", "aged", "age", "then"];
    let text = claim.text.as_str();
    let (s, e) = (q.start.saturating_sub(claim.start), q.end.saturating_sub(claim.start));
    claim.entities.iter().find_map(|ent| {
        let (es, ee) = (
            ent.start.saturating_sub(claim.start),
            ent.end.saturating_sub(claim.start),
        );
        let between = if es >= e {
            text.get(e..es)?
        } else if ee <= s {
            text.get(ee..s)?
        } else {
            return None;
        };
        let toks = crate::tokens::tokens(between);
        let close = if es >= e {
            // "-year-old " only: the cue and the counted noun.
            toks.len() <= 1 && !between.contains([',', ';', '(', ')'])
        } else {
            toks.iter().all(|t| LINKS.contains(&t.text.to_lowercase().as_str())) && toks.len() <= 2
        };
        close.then(|| ent.canonical.to_lowercase())
    })
}

/// The first name after a figure in its claim, with the text between them.
fn name_after<'c>(claim: &'c Claim, q: &Quantity) -> Option<(&'c crate::model::Entity, &'c str)> {
    let e = q.end.saturating_sub(claim.start);
    let ent = claim
        .entities
        .iter()
        .filter(|ent| ent.start.saturating_sub(claim.start) >= e)
        .min_by_key(|ent| ent.start)?;
    Some((ent, claim.text.get(e..ent.start.saturating_sub(claim.start))?))
}

/// The place a distance is measured from: the first name after the figure,
/// at most `ANCHOR_WORDS` words on ("14 miles north-northeast of Ashford",
/// "10 km (6 miles) from Ashford"), within the clause.
fn anchor(claim: &Claim, q: &Quantity) -> Option<String> {
    const ANCHOR_WORDS: usize = 6;
    let (ent, between) = name_after(claim, q)?;
    let close = crate::tokens::tokens(between).len() <= ANCHOR_WORDS && !between.contains([',', ';', ':', '.']);
    close.then(|| ent.canonical.to_lowercase())
}

/// Lowercased words of `text[from..to]` up to a clause boundary, nearest the
/// figure first (`backward`: read leftwards from `to`). Hyphenated words are
/// split ("37-year-old" leaves "old" after the figure "37-year").
fn clause_words(text: &str, from: usize, to: usize, backward: bool) -> Vec<String> {
    let part = &text[from..to];
    let toks = crate::tokens::tokens(part);
    let mut out = Vec::new();
    let mut last = if backward { part.len() } else { 0 };
    let order: Box<dyn Iterator<Item = &crate::tokens::Token>> = if backward {
        Box::new(toks.iter().rev())
    } else {
        Box::new(toks.iter())
    };
    for t in order {
        let gap = if backward {
            &part[t.end..last]
        } else {
            &part[last..t.start]
        };
        if gap.contains([',', ';', ':', '(', ')', '—', '–', '"', '“', '”', '.']) {
            break;
        }
        let lower = t.text.to_lowercase();
        if CLAUSE_WORDS.contains(&lower.as_str()) {
            break;
        }
        push_pieces(&mut out, lower, backward);
        last = if backward { t.start } else { t.end };
    }
    out
}

/// An aspect's cue phrases, each a list of lower-cased words, indexed by
/// the word a match starts with when read forwards and when read
/// backwards: a figure's words are compared with the few cues that can
/// start at each position, not with every cue of every aspect.
#[derive(Debug, Clone, Default)]
struct Cues {
    cues: Vec<Vec<String>>,
    by_first: FxHashMap<String, Vec<usize>>,
    by_last: FxHashMap<String, Vec<usize>>,
    /// An empty phrase matches wherever the window has a word.
    empty: bool,
}

impl Cues {
    fn new(cues: Vec<Vec<String>>) -> Cues {
        let mut by_first: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut by_last: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (k, c) in cues.iter().enumerate() {
            if let (Some(first), Some(last)) = (c.first(), c.last()) {
                by_first.entry(first.clone()).or_default().push(k);
                by_last.entry(last.clone()).or_default().push(k);
            }
        }
        let empty = cues.iter().any(Vec::is_empty);
        Cues {
            cues,
            by_first,
            by_last,
            empty,
        }
    }

    /// How many words into `words` a cue starts, within the first `window`
    /// words. With `backward`, `words` run leftwards from the figure and a
    /// cue matches read in reverse ("death toll rose to 31": "to", "rose",
    /// "toll", "death").
    fn distance(&self, words: &[String], window: usize, backward: bool) -> Option<usize> {
        let index = if backward { &self.by_last } else { &self.by_first };
        (0..window.min(words.len())).find(|&k| {
            self.empty
                || index.get(&words[k]).is_some_and(|ks| {
                    ks.iter().any(|&c| {
                        let c = &self.cues[c];
                        words.len() >= k + c.len()
                            && if backward {
                                c.iter().rev().zip(&words[k..]).all(|(w, x)| w == x)
                            } else {
                                c.iter().zip(&words[k..]).all(|(w, x)| w == x)
                            }
                    })
                })
        })
    }
}

/// Same measure, same thing counted (or unstated), same unit (or unstated,
/// or one the rules convert to).
fn comparable(a: &Quantity, b: &Quantity, aligner: &Aligner, aspects: &Aspects) -> bool {
    let compatible = match (aligner.quantity_key(a), aligner.quantity_key(b)) {
        (Some(x), Some(y)) => crate::align::keys_compatible(&x, &y),
        _ => false,
    };
    compatible && (a.unit == b.unit || a.unit.is_none() || b.unit.is_none() || aspects.convertible(a, b))
}

/// Whether `x` and `y`, `y` in `x`'s unit, overlap or one rounds the other
/// (across units too: "7 miles" is "11 km" rounded, "six miles" is
/// "10 km" rounded).
fn agree(x: &Quantity, y: &Quantity, aspects: &Aspects, slack: f64, tol: f64) -> bool {
    let converted = aspects.in_unit_of(y, x);
    let yc = converted.as_ref();
    match (comparable_range(x, slack), comparable_range(yc, slack)) {
        (Some(rx), Some(ry)) => {
            // y's precision in x's unit: its half-unit scaled as its value was.
            let hy = half_unit(y)
                .zip(y.value.zip(yc.value))
                .and_then(|(h, (before, after))| (before != 0.0).then(|| h * (after / before).abs()));
            let hx = half_unit(x);
            overlaps(rx, ry, tol) || rounded(x, hx, yc, hy) || rounded(yc, hy, x, hx)
        }
        _ => true,
    }
}

/// `coarse` is `fine` rounded: written with fewer decimals (half-units
/// `hc` and `hf`, in one unit), it lies within half a unit of its last
/// written digit ("18 km" and "18.5 km", "$3.2bn" and "$3.24bn"). Two
/// figures written to one precision are never taken as roundings of each
/// other ("18 km" and "19 km").
fn rounded(coarse: &Quantity, hc: Option<f64>, fine: &Quantity, hf: Option<f64>) -> bool {
    let (Some(c), Some(f)) = (coarse.value, fine.value) else {
        return false;
    };
    if coarse.approximator.is_some() || fine.approximator.is_some() {
        return false;
    }
    match (hc, hf) {
        (Some(hc), Some(hf)) => hc > hf * 1.5 && (c - f).abs() <= hc * (1.0 + 1e-9),
        _ => false,
    }
}

/// Half a unit of the last digit a figure's text writes, scale applied:
/// 0.5 for "18", 0.05 for "18.5", 5e7 for "$3.2bn". A figure in words
/// is whole to its last word: 0.5 for "six", 5e5 for "six million".
fn half_unit(q: &Quantity) -> Option<f64> {
    let digits = q.written_figure().replace(',', "");
    if digits.is_empty() {
        return words_half_unit(q);
    }
    let digits = digits.trim_end_matches('.');
    let written: f64 = digits.parse().ok().filter(|&n: &f64| n > 0.0)?;
    let decimals = digits.split_once('.').map_or(0, |(_, frac)| frac.len()) as i32;
    let scale = q.value? / written;
    Some(0.5 * 10f64.powi(-decimals) * scale.abs())
}

/// [`half_unit`] of a figure written in words: half of its largest scale
/// word ("hundred", "thousand", "million"...), or 0.5. None for a range
/// or a value the scale does not divide (no whole count of it).
fn words_half_unit(q: &Quantity) -> Option<f64> {
    let value = q.value?;
    if [q.low, q.high].into_iter().flatten().any(|b| b != value) {
        return None;
    }
    let text = q.text.to_lowercase();
    let scale = [
        ("trillion", 1e12),
        ("billion", 1e9),
        ("million", 1e6),
        ("thousand", 1e3),
        ("hundred", 1e2),
    ]
    .into_iter()
    .find(|(w, _)| text.split(|c: char| !c.is_alphabetic()).any(|t| t == *w))
    .map_or(1.0, |(_, s)| s);
    let whole = value / scale;
    (whole >= 1.0 && (whole - whole.round()).abs() < 1e-9).then_some(0.5 * scale)
}

/// How far apart two figures are, as a ratio: the closest counterpart wins.
fn gap(x: &Quantity, y: &Quantity, aspects: &Aspects, slack: f64) -> f64 {
    match (
        comparable_range(x, slack),
        comparable_range(&aspects.in_unit_of(y, x), slack),
    ) {
        (Some(rx), Some(ry)) => {
            let (mx, my) = ((rx.0 + rx.1) / 2.0, (ry.0 + ry.1) / 2.0);
            if mx > 0.0 && my > 0.0 {
                (mx / my).ln().abs()
            } else {
                (mx - my).abs()
            }
        }
        _ => f64::INFINITY,
    }
}

/// One claim's figures of one measure, and the figures its refinement set
/// aside (see [`set_aside`]).
struct Side<'q> {
    figures: Vec<&'q Quantity>,
    aside: &'q [&'q Quantity],
}

/// The conflicting counterparts among two claims' figures of one measure:
/// figures with no agreeing figure on the other side, closest pair first.
fn counterparts<'q>(
    a: &Side<'q>,
    b: &Side<'q>,
    ctx: &Ctx,
    slack: f64,
    tol: f64,
) -> Option<(&'q Quantity, &'q Quantity)> {
    let (aligner, aspects) = (ctx.aligner, ctx.aspects);
    let (qa, qb) = (a.figures.as_slice(), b.figures.as_slice());
    // A total one side states may be the sum of figures the other gives
    // apart ("two women and one man died" vs "3 dead").
    let (sum_a, sum_b) = (total(qa, aspects, slack), total(qb, aspects, slack));
    let settled = |x: &Quantity, other: &Side, other_sum: &Option<Quantity>, own_sum: &Option<Quantity>| {
        let others = other.figures.as_slice();
        let with = |y: &Quantity| comparable(x, y, aligner, aspects) && agree(x, y, aspects, slack, tol);
        others.iter().any(|y| with(y))
            // A figure set aside is compared with nothing, yet agreeing
            // with it accounts for a figure: "up to 8 hours of use" (set
            // aside as a span still running) is what "eight hours" says,
            // and leaves only "(7 hours on the other model)" to conflict.
            || other.aside.iter().any(|y| with(y))
            || other_sum.as_ref().is_some_and(with)
            || own_sum.as_ref().is_some_and(|t| {
                others
                    .iter()
                    .any(|y| comparable(t, y, aligner, aspects) && agree(t, y, aspects, slack, tol))
            })
    };
    let open_a: Vec<&Quantity> = qa.iter().copied().filter(|x| !settled(x, b, &sum_b, &sum_a)).collect();
    let open_b: Vec<&Quantity> = qb.iter().copied().filter(|y| !settled(y, a, &sum_a, &sum_b)).collect();
    // Counterparts in one unit come first: "about 60 metres (200 feet)"
    // meets "200 metres" with its metres.
    let mut best: Option<((bool, f64), &Quantity, &Quantity)> = None;
    for x in &open_a {
        for y in &open_b {
            if !comparable(x, y, aligner, aspects) {
                continue;
            }
            let g = (aspects.convertible(x, y), gap(x, y, aspects, slack));
            if best.is_none_or(|(b, _, _)| g < b) {
                best = Some((g, x, y));
            }
        }
    }
    best.map(|(_, x, y)| (x, y))
}

/// A claim that lists figures of one measure for several items ("$1,099
/// for the 13-inch and $1,799 for the 15-inch"), none of which the other
/// claim states: nothing tells which item the other claim's figure is
/// about, so no figure of the list is its counterpart. A list one of whose
/// figures the other claim states is anchored on that item, and its other
/// figures are compared. Two figures that agree (a figure and its
/// conversion, "60 metres (200 feet)") are one item, not a list.
fn unanchored_list(list: &Side, other: &Side, ctx: &Ctx, slack: f64, tol: f64) -> bool {
    let (aligner, aspects) = (ctx.aligner, ctx.aspects);
    let figures = list.figures.as_slice();
    let listed = figures.iter().enumerate().any(|(k, x)| {
        figures[k + 1..]
            .iter()
            .any(|y| comparable(x, y, aligner, aspects) && !agree(x, y, aspects, slack, tol))
    });
    listed
        && !figures.iter().any(|x| {
            other
                .figures
                .iter()
                .chain(other.aside)
                .any(|y| comparable(x, y, aligner, aspects) && agree(x, y, aspects, slack, tol))
        })
}

/// The sum of two or more figures of one measure, as a figure in the
/// unit of the first.
fn total(qs: &[&Quantity], aspects: &Aspects, slack: f64) -> Option<Quantity> {
    if qs.len() < 2 {
        return None;
    }
    let (mut lo, mut hi) = (0.0, 0.0);
    for q in qs {
        let (l, h) = comparable_range(&aspects.in_unit_of(q, qs[0]), slack)?;
        lo += l;
        hi += h;
    }
    let mut t = qs[0].clone();
    t.value = (lo == hi).then_some(lo);
    t.low = Some(lo);
    t.high = Some(hi);
    t.approximator = None;
    t.counted = None;
    Some(t)
}

/// The claim's figures of some measure that [`Aspects::refine`] (whose
/// result is `refined`) set aside as not to be compared, as written.
fn set_aside<'q>(claim: &'q Claim, refined: &[Quantity]) -> Vec<&'q Quantity> {
    claim
        .quantities
        .iter()
        .zip(refined)
        .filter(|(q, r)| q.measure.is_some() && r.measure.is_none())
        .map(|(q, _)| q)
        .collect()
}

pub(super) fn quantity_conflicts(ctx: &Ctx) -> Vec<Finding> {
    let tol = param(ctx.rule, "tolerance", 0.02);
    let slack = param(ctx.rule, "open_slack", 0.25);
    let weights = suggest::Weights::from_rule(ctx.rule);
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    // A claim meets each neighbour along the cluster's edges; its figures
    // are refined once.
    let mut refined: std::collections::HashMap<&str, Vec<Quantity>> = std::collections::HashMap::new();
    let separate_eras = param(ctx.rule, "separate_eras", 1.0) > 0.0;
    let skip_lists = param(ctx.rule, "skip_unanchored_lists", 1.0) > 0.0;
    for (a, b) in ctx.cross_pairs_from(param(ctx.rule, "min_score", 0.0)) {
        if separate_eras && ctx.eras.of(a) != ctx.eras.of(b) {
            continue;
        }
        for c in [a, b] {
            refined.entry(c.id.as_str()).or_insert_with(|| ctx.aspects.refine(c));
        }
        let (ra, rb) = (&refined[a.id.as_str()], &refined[b.id.as_str()]);
        let (aside_a, aside_b) = (set_aside(a, ra), set_aside(b, rb));
        let measures: BTreeSet<&str> = ra.iter().filter_map(|q| q.measure.as_deref()).collect();
        for m in measures {
            let qa: Vec<&Quantity> = ra.iter().filter(|q| q.measure.as_deref() == Some(m)).collect();
            let qb: Vec<&Quantity> = rb.iter().filter(|q| q.measure.as_deref() == Some(m)).collect();
            // "dropped by 6.3 percent" against "a drop of 6.3 percentage
            // points": one figure, two measures a share can change by.
            if let Some(other) = points_counterpart(m) {
                let qo: Vec<&Quantity> = rb.iter().filter(|q| q.measure.as_deref() == Some(other)).collect();
                if let Some((x, y)) = same_figure(&qa, &qo, slack, tol, |_, _| true)
                    && seen.insert((a.id.clone(), b.id.clone(), m.to_string()))
                {
                    out.push(points_finding(ctx, a, x, b, y));
                }
            }
            let any_comparable = qa
                .iter()
                .any(|x| qb.iter().any(|y| comparable(x, y, ctx.aligner, ctx.aspects)));
            if !any_comparable {
                // One figure, two currencies, and no amount both state in
                // one currency: a currency slip.
                if let Some((x, y)) = currency_slip(&qa, &qb, slack, tol)
                    && seen.insert((a.id.clone(), b.id.clone(), m.to_string()))
                {
                    out.push(slip_finding(ctx, a, x, b, y));
                }
                continue;
            }
            let (side_a, side_b) = (
                Side {
                    figures: qa,
                    aside: &aside_a,
                },
                Side {
                    figures: qb,
                    aside: &aside_b,
                },
            );
            if skip_lists
                && (unanchored_list(&side_a, &side_b, ctx, slack, tol)
                    || unanchored_list(&side_b, &side_a, ctx, slack, tol))
            {
                continue;
            }
            let Some((x, y)) = counterparts(&side_a, &side_b, ctx, slack, tol) else {
                continue;
            };
            if !seen.insert((a.id.clone(), b.id.clone(), m.to_string())) {
                continue;
            }
            let converted = ctx.aspects.convertible(x, y);
            let (suggestion, mut evidence) = if converted {
                // The digit-slip guesses read one unit's figures; across
                // units the telling slip is the unit itself.
                (unit_slip(x, y, slack, tol), Vec::new())
            } else {
                match suggest::suggest(x, a, y, b, ctx.numerals, &weights) {
                    Some(s) => (Some(s.text), s.evidence),
                    None => (None, Vec::new()),
                }
            };
            // Across units each range names its unit, and the second is
            // also given in the first's.
            let (x_range, y_range) = if converted {
                let unit = |q: &Quantity| q.unit.clone().unwrap_or_default();
                (
                    format!("{} {}", describe_range(x, slack), unit(x)),
                    format!(
                        "{} {} ≈ {} {}",
                        describe_range(y, slack),
                        unit(y),
                        describe_range(&ctx.aspects.in_unit_of(y, x), slack).trim_start_matches("= "),
                        unit(x)
                    ),
                )
            } else {
                (describe_range(x, slack), describe_range(y, slack))
            };
            evidence.insert(0, format!("{}: \"{}\" ({x_range})", a.id, suggest::shown(x, a)));
            evidence.insert(1, format!("{}: \"{}\" ({y_range})", b.id, suggest::shown(y, b)));
            out.push(ctx.finding(
                vec![a.id.clone(), b.id.clone()],
                format!(
                    "{} says \"{}\" but {} says \"{}\" ({m}).",
                    a.doc,
                    suggest::shown(x, a),
                    b.doc,
                    suggest::shown(y, b)
                ),
                suggestion,
                evidence,
            ));
        }
    }
    out
}

fn slip_finding(ctx: &Ctx, a: &Claim, x: &Quantity, b: &Claim, y: &Quantity) -> Finding {
    let units = (x.unit.as_deref().unwrap_or("?"), y.unit.as_deref().unwrap_or("?"));
    ctx.finding(
        vec![a.id.clone(), b.id.clone()],
        format!(
            "{} says \"{}\" but {} says \"{}\": the same figure in {} and {}.",
            a.doc, x.text, b.doc, y.text, units.0, units.1
        ),
        Some(format!(
            "likely a currency slip: one source wrote the figure in the wrong currency ({} vs {}); \
             check the original announcement",
            units.0, units.1
        )),
        vec![
            format!("{}: \"{}\" ({})", a.id, x.text, units.0),
            format!("{}: \"{}\" ({})", b.id, y.text, units.1),
        ],
    )
}

/// Two figures in units of one measure that disagree once converted but
/// agree as written: one source likely wrote the wrong unit ("20 miles"
/// against "20 km").
fn unit_slip(x: &Quantity, y: &Quantity, slack: f64, tol: f64) -> Option<String> {
    same_range(x, y, slack, tol).then(|| {
        format!(
            "likely a unit slip: the same figure in {} and {}; check which unit the original gives",
            x.unit.as_deref().unwrap_or("?"),
            y.unit.as_deref().unwrap_or("?")
        )
    })
}

/// Two amounts of money in different currencies whose figures agree, when
/// no pair in a shared currency exists.
fn currency_slip<'q>(
    qa: &[&'q Quantity],
    qb: &[&'q Quantity],
    slack: f64,
    tol: f64,
) -> Option<(&'q Quantity, &'q Quantity)> {
    // A bracketed conversion has no single value (`refine` widens it by the
    // exchange slack): it is meant to be in another currency, no slip.
    same_figure(qa, qb, slack, tol, |x, y| {
        x.unit.is_some()
            && y.unit.is_some()
            && x.unit != y.unit
            && x.measure.as_deref() == Some("money")
            && x.value.is_some()
            && y.value.is_some()
    })
}

/// The first pair of figures, one of each list, that `keep` accepts and
/// whose ranges overlap.
fn same_figure<'q>(
    qa: &[&'q Quantity],
    qb: &[&'q Quantity],
    slack: f64,
    tol: f64,
    keep: impl Fn(&Quantity, &Quantity) -> bool,
) -> Option<(&'q Quantity, &'q Quantity)> {
    qa.iter().find_map(|x| {
        qb.iter()
            .find(|y| keep(x, y) && same_range(x, y, slack, tol))
            .map(|y| (*x, *y))
    })
}

/// Whether two figures' ranges overlap as written, units aside.
fn same_range(x: &Quantity, y: &Quantity, slack: f64, tol: f64) -> bool {
    matches!(
        (comparable_range(x, slack), comparable_range(y, slack)),
        (Some(rx), Some(ry)) if overlaps(rx, ry, tol)
    )
}

/// The measure a change of a share is confused with: a change in percent
/// and one in percentage points (the `change` aspects' "{class} change" of
/// the units `%` and `percentage points`).
fn points_counterpart(measure: &str) -> Option<&'static str> {
    match measure {
        "percent change" => Some("percentage points change"),
        "percentage points change" => Some("percent change"),
        _ => None,
    }
}

fn points_finding(ctx: &Ctx, a: &Claim, x: &Quantity, b: &Claim, y: &Quantity) -> Finding {
    let measured = |c: &Claim, q: &Quantity| {
        let measure = q.measure.as_deref().unwrap_or("?");
        format!("{}: \"{}\" ({measure})", c.id, suggest::shown(q, c))
    };
    ctx.finding(
        vec![a.id.clone(), b.id.clone()],
        format!(
            "{} says \"{}\" but {} says \"{}\": a change in percent is not a change in percentage points.",
            a.doc,
            suggest::shown(x, a),
            b.doc,
            suggest::shown(y, b)
        ),
        Some(
            "likely a percent / percentage-point slip: a share that falls from 50% to 40% falls 10 \
             percentage points, or 20 percent; check which the original gives"
                .to_string(),
        ),
        vec![measured(a, x), measured(b, y)],
    )
}

fn describe_range(q: &Quantity, slack: f64) -> String {
    match comparable_range(q, slack) {
        Some((lo, hi)) if lo == hi => format!("= {}", suggest::human(lo)),
        Some((lo, hi)) => format!("{} to {}", suggest::human(lo), suggest::human(hi)),
        None => "no figure".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Engine;
    use crate::model::Document;

    fn figure(value: f64, unit: &str) -> Quantity {
        Quantity {
            text: format!("{value} {unit}"),
            start: 0,
            end: 0,
            value: Some(value),
            low: None,
            high: None,
            approximator: None,
            unit: Some(unit.into()),
            counted: None,
            measure: None,
        }
    }

    #[test]
    fn figures_convert_into_the_other_unit() {
        let aspects = Aspects::new(&RuleSet::defaults());
        let km = figure(8.0, "km");
        let miles = aspects.in_unit_of(&figure(5.0, "mi"), &km).into_owned();
        assert!((miles.value.unwrap() - 8.047).abs() < 1e-3, "{miles:?}");
        assert_eq!(miles.unit.as_deref(), Some("km"));
        // A ton of uncertain size reads as a range of kilograms.
        let tons = aspects
            .in_unit_of(&figure(30.0, "ton"), &figure(1.0, "kg"))
            .into_owned();
        assert_eq!(tons.value, None);
        let (lo, hi) = (tons.low.unwrap(), tons.high.unwrap());
        assert!(
            (27_215.0..27_216.0).contains(&lo) && (30_481.0..30_482.0).contains(&hi),
            "{tons:?}"
        );
        // A scale with an offset: 104 °F is 40 °C, and 40 °C is 104 °F.
        let celsius = aspects
            .in_unit_of(&figure(104.0, "°F"), &figure(1.0, "°C"))
            .into_owned();
        assert!((celsius.value.unwrap() - 40.0).abs() < 1e-9, "{celsius:?}");
        let fahrenheit = aspects.in_unit_of(&figure(40.0, "°C"), &figure(1.0, "°F")).into_owned();
        assert!((fahrenheit.value.unwrap() - 104.0).abs() < 1e-9, "{fahrenheit:?}");
        // Units without a factor, or one unit, stay as they are.
        let usd = figure(5.0, "USD");
        assert_eq!(aspects.in_unit_of(&usd, &figure(5.0, "GBP")).as_ref(), &usd);
        assert!(!aspects.convertible(&km, &figure(3.0, "km")));
        assert!(!aspects.convertible(&km, &figure(3.0, "°C")));
        assert!(!aspects.convertible(&figure(3.0, "degrees"), &figure(3.0, "°C")));
    }

    /// The quantity conflict between two one-sentence documents `a` and `b`.
    fn conflict_between(a: &str, b: &str) -> Finding {
        let engine = Engine::new(RuleSet::defaults());
        let report = engine.check(vec![Document::new("a", "a.txt", a), Document::new("b", "b.txt", b)]);
        report
            .findings
            .into_iter()
            .find(|f| f.rule == "quantity-conflict")
            .unwrap_or_else(|| panic!("no quantity conflict between {a:?} and {b:?}"))
    }

    #[test]
    fn a_conflict_across_units_shows_both_and_names_a_unit_slip() {
        let f = conflict_between(
            "A 20-mile stretch of the Dornby motorway was closed on Monday.",
            "A 20-kilometre stretch of the Dornby motorway was closed on Monday.",
        );
        assert_eq!(
            f.evidence[..2],
            [
                "a:1: \"20-mile\" (= 20 mi)".to_string(),
                "b:1: \"20-kilometre\" (= 20 km ≈ 12.43 mi)".to_string()
            ]
        );
        assert!(
            f.suggestion
                .as_deref()
                .is_some_and(|s| s.starts_with("likely a unit slip")),
            "{f:?}"
        );
    }

    #[test]
    fn a_change_in_percent_against_one_in_points_is_a_slip() {
        let f = conflict_between(
            "Acme's share of the Dornby market dropped by 4.2 percent last year.",
            "Acme's share of the Dornby market fell last year, a drop of 4.2 percentage points.",
        );
        assert_eq!(
            f.evidence,
            [
                "a:1: \"4.2 percent\" (percent change)".to_string(),
                "b:1: \"4.2 percentage points\" (percentage points change)".to_string()
            ]
        );
        assert!(
            f.suggestion
                .as_deref()
                .is_some_and(|s| s.starts_with("likely a percent / percentage-point slip")),
            "{f:?}"
        );
    }

    fn w(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn clause_words_stop_at_a_boundary_and_split_hyphens() {
        let t = "the 37-year-old driver, who fled";
        let e = t.find("37").unwrap() + 2;
        assert_eq!(clause_words(t, e, t.len(), false), w(&["year", "old", "driver"]));
        let t = "police said the blast killed at least 4";
        let s = t.find("at least").unwrap();
        assert_eq!(clause_words(t, 0, s, true)[..2], w(&["killed", "blast"]));
        let t = "killed 4 and injured 6";
        let s = t.find('6').unwrap();
        assert_eq!(clause_words(t, 8, s, true), w(&["injured"]));
    }

    #[test]
    fn a_member_without_a_figure_makes_the_figure_partial() {
        let t = "a man and two women died";
        assert!(partial_member(t, t.find("two").unwrap()));
        let t = "four men and two women died";
        assert!(!partial_member(t, t.find("two").unwrap()));
    }

    #[test]
    fn a_share_names_its_base() {
        let t = "40 percent of the votes";
        assert_eq!(share_base(t, 10), Some("votes".to_string()));
        assert_eq!(share_base("40 percent in May", 10), None);
    }

    #[test]
    fn cues_match_within_the_window_and_phrases_in_reading_order() {
        let cues = Cues::new(vec![w(&["death", "toll"]), w(&["killed"])]);
        assert_eq!(cues.distance(&w(&["were", "killed"]), 4, false), Some(1));
        assert_eq!(cues.distance(&w(&["were", "killed"]), 1, false), None);
        // Before the figure the words run leftwards: "... death toll rose to 31".
        assert_eq!(cues.distance(&w(&["to", "rose", "toll", "death"]), 3, true), Some(2));
        assert_eq!(
            Cues::new(vec![w(&["death", "toll"])]).distance(&w(&["toll", "death"]), 3, false),
            None
        );
    }
}
