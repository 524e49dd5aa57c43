//! Scores the quantity and date finders against the English test
//! specifications of Microsoft Recognizers-Text (MIT licence), read at run
//! time from `$CORROBORATE_DATA/recognizers-text/Specs` (default
//! `../shared/data`). Nothing from the specs is copied into this repository.
//! When the folder is absent the test prints "skipped: ... not found" and
//! passes.
//!
//! # What is scored
//!
//! - **NumberModel**: `Number/English/NumberModel.json`,
//!   `NumberModelExperimentalMode.json`, `NumberModelPercentMode.json`,
//!   `NumberRangeModel.json`, `PercentModel.json` (reported per file; the
//!   NumberModel figure is over `NumberModel.json` plus the experimental and
//!   percent-mode variants of it). Ordinal files are not scored: ordinals
//!   are ranks, never quantities, in the news contract.
//! - **CurrencyModel**: `NumberWithUnit/English/CurrencyModel.json`.
//! - **DateTime (news selection)**: cases of `DateTimeModel.json` whose every
//!   expected result is a `datetimeV2.date` or `datetimeV2.daterange` whose
//!   timex is a calendar date, month, year, ISO week or weekday
//!   (`YYYY-MM-DD`, `XXXX-MM-DD`, `YYYY-MM`, `XXXX-MM`, `YYYY`, `YYYY-Www`,
//!   `XXXX-WXX-d`), with no modifier (`Mod`: before/after/since/approx...).
//!   That covers dates, months, years, weekdays and relative days, weeks,
//!   months and years ("yesterday", "last week", "in two weeks", "two years
//!   ago"). Not selected: times of day, durations and "next 3 days"-style
//!   spans (parenthesised timex), sets, seasons, quarters, half-years,
//!   weekends, decades, centuries, ranges between two dates, "the 18th"
//!   (`XXXX-XX-dd`) and modified dates ("after 2018"). The date finder does
//!   not model those and news claims rarely turn on them. Negative cases (no
//!   expected result) are not selected either, because most of them are
//!   about times of day.
//!
//! Cases marked `NotSupported` for `dotnet` (the reference implementation
//! fails them too) are skipped in every file.
//!
//! # Per-case pass criterion
//!
//! A case passes when every expected result is found and nothing spurious
//! is:
//!
//! - *number / percentage*: a found quantity whose span **contains** the
//!   expected span (characters, End inclusive, converted to bytes) and whose
//!   value equals the expected value (relative tolerance 1e-6; a percentage
//!   compares the number before `%`). Containment, not equality, because a
//!   quantity's span also covers the currency, approximator and unit
//!   ("$20" for the expected number "20"), which is the news contract.
//!   A number range (`(30,)`, `[20,30)`) needs the found quantity's low and
//!   high to equal the interval's ends (an open end must be null, except
//!   that "between 20 and 30" counts with high 30).
//! - *currency*: a found quantity with a currency unit whose span equals the
//!   expected span, ignoring ASCII case (a leading approximator that the
//!   quantity's span includes by design, "about $ 14 million", is allowed),
//!   and whose value equals the expected
//!   value. Results with no value (a bare "dollar") must still be found as
//!   a span, which the finder never does: they fail honestly.
//! - *date*: a found date whose span equals the expected span, ignoring case
//!   and a leading "the", "on" or "in" on either side, and whose bounds
//!   equal one of the expected candidate values (`start` .. `end` - 1 day
//!   for a range; the date itself for a date). An impossible date ("feb
//!   30"), whose expected value is "not resolved", passes when found with
//!   the same span and no bounds.
//! - *spurious*: a found item overlapping no expected span fails the case.
//!
//! Targets of issue 4: NumberModel ≥ 95 %, CurrencyModel ≥ 95 %, news
//! DateTime selection ≥ 85 %. `TARGETS` asserts floors just below the
//! figures reached, so that regressions fail. The test prints the pass
//! rate per file.

use std::path::PathBuf;

use chrono::{Duration, NaiveDate};
use corroborate::extract::date::DateFinder;
use corroborate::extract::quantity::QuantityFinder;
use corroborate::model::{DateFacet, Quantity};
use corroborate::rules::RuleSet;
use serde_json::Value;

/// (model, minimum pass rate). Raising them is the goal of issue 4.
const TARGETS: &[(&str, f64)] = &[
    ("NumberModel", FLOOR_NUMBER),
    ("CurrencyModel", FLOOR_CURRENCY),
    ("DateTime", FLOOR_DATE),
];

/// Floors asserted today, as a regression guard: the targets are
/// 0.95 / 0.95 / 0.85. Measured: NumberModel 95.4 %, CurrencyModel 96.0 %,
/// news DateTime selection 90.3 % (234/259): all targets met.
const FLOOR_NUMBER: f64 = 0.95;
const FLOOR_CURRENCY: f64 = 0.95;
const FLOOR_DATE: f64 = 0.90;

fn specs_dir() -> PathBuf {
    let base = std::env::var("CORROBORATE_DATA").unwrap_or_else(|_| "../shared/data".to_string());
    PathBuf::from(base).join("recognizers-text").join("Specs")
}

fn load(path: &PathBuf) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    match serde_json::from_str(text) {
        Ok(Value::Array(v)) => v,
        _ => panic!("{}: not a JSON array", path.display()),
    }
}

fn skipped(case: &Value) -> bool {
    case.get("NotSupported")
        .and_then(Value::as_str)
        .is_some_and(|s| s.to_lowercase().contains("dotnet"))
}

/// Byte span of characters `start..=end` in `input`.
fn byte_span(input: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let idx: Vec<usize> = input.char_indices().map(|(i, _)| i).chain([input.len()]).collect();
    Some((*idx.get(start)?, *idx.get(end + 1)?))
}

struct Expected {
    span: (usize, usize),
    text: String,
    type_name: String,
    resolution: Value,
}

fn expected(case: &Value) -> Option<Vec<Expected>> {
    let input = case["Input"].as_str()?;
    let mut out = Vec::new();
    for r in case["Results"].as_array()? {
        let s = r["Start"].as_u64()? as usize;
        let e = r["End"].as_u64()? as usize;
        let type_name = r
            .get("TypeName")
            .or_else(|| r.get("Typename"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        out.push(Expected {
            span: byte_span(input, s, e)?,
            text: r["Text"].as_str().unwrap_or("").to_string(),
            type_name,
            resolution: r.get("Resolution").cloned().unwrap_or(Value::Null),
        });
    }
    Some(out)
}

fn num(v: &Value) -> Option<f64> {
    v.as_str()?.trim().trim_end_matches('%').parse().ok()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Interval notation "(30,)", "[20,30)": (low, low closed, high, high closed).
fn interval(s: &str) -> Option<(Option<f64>, Option<f64>)> {
    let inner = s.trim().get(1..s.trim().len() - 1)?;
    let (lo, hi) = inner.split_once(',')?;
    let p = |x: &str| {
        if x.trim().is_empty() {
            Some(None)
        } else {
            x.trim().parse().ok().map(Some)
        }
    };
    Some((p(lo)?, p(hi)?))
}

fn number_ok(e: &Expected, q: &Quantity) -> bool {
    if !(q.start <= e.span.0 && e.span.1 <= q.end) {
        return false;
    }
    if e.type_name == "numberrange" {
        let Some((lo, hi)) = e.resolution["value"].as_str().and_then(interval) else {
            return false;
        };
        let same = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (None, None) => true,
            (Some(x), Some(y)) => close(x, y),
            _ => false,
        };
        return same(lo, q.low) && same(hi, q.high);
    }
    let Some(want) = num(&e.resolution["value"]) else {
        return false;
    };
    q.value.is_some_and(|v| close(v, want))
}

fn currency_ok(input: &str, e: &Expected, q: &Quantity) -> bool {
    // The quantity's span also covers an approximator written before the
    // amount ("about $ 14 million"): the news contract. Compare without it.
    let got = &input[q.start..q.end];
    let want = &input[e.span.0..e.span.1];
    let same_span = got.eq_ignore_ascii_case(want)
        || (q.approximator.is_some() && q.end == e.span.1 && got.len() > want.len() && {
            let head = got[..got.len() - want.len()].trim().to_lowercase();
            q.approximator.as_deref() == Some(head.as_str())
        });
    let money = q.measure.as_deref() == Some("money");
    let value = match num(&e.resolution["value"]) {
        Some(want) => q.value.is_some_and(|v| close(v, want)),
        None => q.value.is_none(),
    };
    same_span && money && value
}

/// Scores one case: every expected result matched, no spurious find.
fn score<T>(
    found: &[T],
    exp: &[Expected],
    span: impl Fn(&T) -> (usize, usize),
    ok: impl Fn(&Expected, &T) -> bool,
) -> bool {
    let all = exp.iter().all(|e| found.iter().any(|f| ok(e, f)));
    let clean = found.iter().all(|f| exp.iter().any(|e| overlaps(span(f), e.span)));
    all && clean
}

struct Tally {
    pass: usize,
    total: usize,
}

impl Tally {
    fn rate(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.pass as f64 / self.total as f64
        }
    }
}

fn run_numbers(qf: &QuantityFinder, path: &PathBuf, verbose: bool) -> Tally {
    let mut t = Tally { pass: 0, total: 0 };
    for case in load(path) {
        if skipped(&case) {
            continue;
        }
        let (Some(input), Some(exp)) = (case["Input"].as_str(), expected(&case)) else {
            continue;
        };
        let found = qf.find(input);
        t.total += 1;
        if score(&found, &exp, |q| (q.start, q.end), number_ok) {
            t.pass += 1;
        } else if verbose {
            eprintln!("FAIL {input:?} want {:?} got {:?}", texts(&exp), qtexts(&found));
        }
    }
    t
}

fn run_currency(qf: &QuantityFinder, path: &PathBuf, verbose: bool) -> Tally {
    let mut t = Tally { pass: 0, total: 0 };
    for case in load(path) {
        if skipped(&case) {
            continue;
        }
        let (Some(input), Some(exp)) = (case["Input"].as_str(), expected(&case)) else {
            continue;
        };
        // Only money is scored here: other quantities in the sentence
        // ("27 %", "3 years") are right to be found and are not spurious.
        let found: Vec<Quantity> = qf
            .find(input)
            .into_iter()
            .filter(|q| q.measure.as_deref() == Some("money"))
            .collect();
        t.total += 1;
        if score(&found, &exp, |q| (q.start, q.end), |e, q| currency_ok(input, e, q)) {
            t.pass += 1;
        } else if verbose {
            eprintln!("FAIL {input:?} want {:?} got {:?}", texts(&exp), qtexts(&found));
        }
    }
    t
}

fn texts(exp: &[Expected]) -> Vec<(String, String)> {
    exp.iter().map(|e| (e.text.clone(), e.resolution.to_string())).collect()
}

fn qtexts(found: &[Quantity]) -> Vec<String> {
    found
        .iter()
        .map(|q| format!("{} v={:?} [{:?},{:?}] {:?}", q.text, q.value, q.low, q.high, q.unit))
        .collect()
}

/// Whether a date result's timex is one the news selection covers.
fn news_timex(e: &Expected) -> bool {
    if e.type_name != "datetimeV2.date" && e.type_name != "datetimeV2.daterange" {
        return false;
    }
    let Some(values) = e.resolution["values"].as_array() else {
        return false;
    };
    values.iter().all(|v| {
        if v.get("Mod").is_some() || v.get("list").is_some() {
            return false;
        }
        let timex = v["timex"].as_str().unwrap_or("");
        let shape: String = timex
            .chars()
            .map(|c| if c.is_ascii_digit() || c == 'X' { '9' } else { c })
            .collect();
        match shape.as_str() {
            "9999-99-99" | "9999-99" | "9999" => !timex.starts_with("XXXX-XX"),
            "9999-W99" => !timex.contains('X'),
            "9999-W99-9" => timex.starts_with("XXXX-WXX-"),
            _ => false,
        }
    })
}

fn strip_lead(s: &str) -> &str {
    let l = s.trim();
    for p in ["the ", "on ", "in ", "The ", "On ", "In "] {
        if let Some(rest) = l.strip_prefix(p) {
            return rest;
        }
    }
    l
}

fn date_ok(input: &str, e: &Expected, d: &DateFacet) -> bool {
    let got = strip_lead(&input[d.start..d.end]);
    let want = strip_lead(&input[e.span.0..e.span.1]);
    if !got.eq_ignore_ascii_case(want) {
        return false;
    }
    let Some(values) = e.resolution["values"].as_array() else {
        return false;
    };
    values.iter().any(|v| {
        let day = |k: &str| {
            v[k].as_str()
                .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        };
        let (lo, hi) = if v["type"] == "date" {
            (day("value"), day("value"))
        } else {
            (day("start"), day("end").map(|x| x - Duration::days(1)))
        };
        let fmt = |x: Option<NaiveDate>| x.map(|x| x.format("%Y-%m-%d").to_string());
        // An impossible date ("feb 30") is expected found and "not resolved".
        let unresolved = v["value"] == "not resolved" && d.low.is_none() && d.high.is_none();
        unresolved || lo.is_some() && fmt(lo) == d.low && fmt(hi) == d.high
    })
}

fn run_dates(df: &DateFinder, path: &PathBuf, verbose: bool) -> Tally {
    let mut t = Tally { pass: 0, total: 0 };
    for case in load(path) {
        if skipped(&case) {
            continue;
        }
        let (Some(input), Some(exp)) = (case["Input"].as_str(), expected(&case)) else {
            continue;
        };
        if exp.is_empty() || !exp.iter().all(news_timex) {
            continue;
        }
        let reference = case["Context"]["ReferenceDateTime"]
            .as_str()
            .and_then(|s| NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok())
            .unwrap_or(NaiveDate::from_ymd_opt(2016, 11, 7).expect("valid date"));
        let found = df.find(input, Some(reference));
        t.total += 1;
        if score(&found, &exp, |d| (d.start, d.end), |e, d| date_ok(input, e, d)) {
            t.pass += 1;
        } else if verbose {
            let got: Vec<String> = found
                .iter()
                .map(|d| format!("{} {:?}..{:?}", d.text, d.low, d.high))
                .collect();
            let want: Vec<String> = exp
                .iter()
                .map(|e| format!("{} {}", e.text, e.resolution["values"][0]))
                .collect();
            eprintln!("FAIL {input:?} ref {reference} want {want:?} got {got:?}");
        }
    }
    t
}

#[test]
fn recognizers_text_specs() {
    let dir = specs_dir();
    if !dir.is_dir() {
        println!("skipped: {} not found", dir.display());
        return;
    }
    // RT_VERBOSE=Currency (or a file name part) prints the failing cases.
    let verbose = std::env::var("RT_VERBOSE").unwrap_or_default();
    let rules = RuleSet::defaults();
    let qf = QuantityFinder::new(&rules);
    let df = DateFinder::new(&rules);
    let groups: &[(&str, &[&str])] = &[
        (
            "NumberModel",
            &[
                "Number/English/NumberModel.json",
                "Number/English/NumberModelExperimentalMode.json",
                "Number/English/NumberModelPercentMode.json",
            ],
        ),
        ("NumberRangeModel", &["Number/English/NumberRangeModel.json"]),
        ("PercentModel", &["Number/English/PercentModel.json"]),
        ("CurrencyModel", &["NumberWithUnit/English/CurrencyModel.json"]),
        ("DateTime", &["DateTime/English/DateTimeModel.json"]),
    ];
    let mut failures = Vec::new();
    for (model, files) in groups {
        let mut all = Tally { pass: 0, total: 0 };
        for file in *files {
            let path = dir.join(file);
            if !path.is_file() {
                println!("skipped: {} not found", path.display());
                continue;
            }
            let v = !verbose.is_empty() && file.contains(verbose.as_str());
            let t = match *model {
                "CurrencyModel" => run_currency(&qf, &path, v),
                "DateTime" => run_dates(&df, &path, v),
                _ => run_numbers(&qf, &path, v),
            };
            println!("  {file}: {}/{} = {:.1}%", t.pass, t.total, 100.0 * t.rate());
            all.pass += t.pass;
            all.total += t.total;
        }
        println!("{model}: {}/{} = {:.1}%", all.pass, all.total, 100.0 * all.rate());
        if let Some((_, floor)) = TARGETS.iter().find(|(m, _)| m == model)
            && all.total > 0
            && all.rate() < *floor
        {
            failures.push(format!("{model} {:.1}% < {:.1}%", 100.0 * all.rate(), 100.0 * floor));
        }
    }
    assert!(failures.is_empty(), "below target: {failures:?}");
}
