//! Dates: absolute and relative, resolved against a reference date.
//!
//! Choices, documented here because callers compare the periods:
//! - a full date has value `YYYY-MM-DD` and low = high = that day, kind
//!   "absolute"; a month with a year ("January 2018") has value `YYYY-MM` and
//!   the month's first and last day, kind "month"; a year has value `YYYY`,
//!   kind "year";
//! - a day and month without a year take the year that puts the date nearest
//!   the reference; a month alone takes its most recent occurrence on or
//!   before the reference month; both stay unresolved (value, low and high
//!   null) without a reference;
//! - a weekday is the most recent such day on or before the reference (news
//!   convention); "last Tuesday" is the Tuesday of the previous Monday-Sunday
//!   week, "next Tuesday" that of the following week;
//! - relative periods (kind "relative") follow the `[[calendar]]` relative
//!   map; a period that is not a day, a month or a year (a week, "earlier
//!   this month") has value null and its bounds set;
//! - a bare four-digit number 1900-2100 is a year unless a lowercase content
//!   word follows it ("2018 people") and no preposition precedes it.

use chrono::{Datelike, Duration, NaiveDate};
use regex::{Captures, Regex};

use crate::model::DateFacet;
use crate::rules::RuleSet;

const NUMBER_WORDS: &[&str] = &[
    "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
];

/// Words after a bare year that still leave it a year ("in 2012 the ...").
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "or",
    "but",
    "when",
    "as",
    "to",
    "in",
    "on",
    "at",
    "for",
    "of",
    "with",
    "by",
    "was",
    "were",
    "is",
    "are",
    "had",
    "has",
    "have",
    "will",
    "after",
    "before",
    "that",
    "which",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "his",
    "her",
    "its",
    "their",
    "there",
    "this",
    "the",
    "said",
    "season",
    "election",
    "elections",
    "edition",
    "version",
    "until",
    "through",
    "so",
    "while",
    "because",
    "if",
    "from",
];

/// Words before a bare year that make it a year whatever follows.
const YEAR_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "during",
    "before",
    "after",
    "of",
    "through",
    "to",
    "and",
    "early",
    "late",
    "mid",
    "around",
    "circa",
    "between",
    "throughout",
    "for",
];

/// Words before a bare month that make it a month ("in May", not "may").
const MONTH_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "during",
    "before",
    "after",
    "of",
    "through",
    "to",
    "and",
    "early",
    "late",
    "mid",
    "last",
    "this",
    "next",
    "between",
    "throughout",
    "on",
    "for",
    "end",
];

/// Finds dates; compiled once from the rules.
#[derive(Debug, Clone)]
pub struct DateFinder {
    /// Lowercased month word -> month number 1..=12.
    months: Vec<(String, u32)>,
    weekdays: Vec<(String, u32)>,
    relative: Vec<(String, String, i64)>,
    iso: Regex,
    mdy: Option<Regex>,
    dmy: Option<Regex>,
    my: Option<Regex>,
    month: Option<Regex>,
    weekday: Option<Regex>,
    rel: Option<Regex>,
    ago: Regex,
    /// "in two weeks": the day that far after the reference.
    ahead: Regex,
    /// "three weeks from tomorrow", "two days before yesterday".
    from_anchor: Regex,
    /// "5/17/2018", US order.
    slash: Regex,
    /// "2017 April".
    ym: Option<Regex>,
    year: Regex,
}

fn alternation(words: &[String]) -> String {
    let mut w: Vec<&String> = words.iter().collect();
    w.sort_by_key(|s| std::cmp::Reverse(s.len()));
    w.dedup();
    w.iter().map(|s| regex::escape(s)).collect::<Vec<_>>().join("|")
}

fn build(pattern: String) -> Option<Regex> {
    regex::RegexBuilder::new(&pattern).size_limit(1 << 24).build().ok()
}

#[derive(Debug)]
struct Found {
    start: usize,
    end: usize,
    value: Option<String>,
    low: Option<NaiveDate>,
    high: Option<NaiveDate>,
    kind: &'static str,
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

fn add_months(y: i32, m: u32, k: i64) -> (i32, u32) {
    let total = i64::from(y) * 12 + i64::from(m) - 1 + k;
    let y = total.div_euclid(12);
    (
        i32::try_from(y).unwrap_or(y.signum() as i32 * 100_000),
        (total.rem_euclid(12) + 1) as u32,
    )
}

fn week_start(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

fn day(d: NaiveDate) -> (Option<String>, Option<NaiveDate>, Option<NaiveDate>) {
    (Some(d.format("%Y-%m-%d").to_string()), Some(d), Some(d))
}

fn month(y: i32, m: u32) -> (Option<String>, Option<NaiveDate>, Option<NaiveDate>) {
    match (NaiveDate::from_ymd_opt(y, m, 1), month_end(y, m)) {
        (Some(a), Some(b)) => (Some(format!("{y:04}-{m:02}")), Some(a), Some(b)),
        _ => (None, None, None),
    }
}

fn year(y: i32) -> (Option<String>, Option<NaiveDate>, Option<NaiveDate>) {
    match (NaiveDate::from_ymd_opt(y, 1, 1), NaiveDate::from_ymd_opt(y, 12, 31)) {
        (Some(a), Some(b)) => (Some(format!("{y:04}")), Some(a), Some(b)),
        _ => (None, None, None),
    }
}

fn span(a: NaiveDate, b: NaiveDate) -> (Option<String>, Option<NaiveDate>, Option<NaiveDate>) {
    (None, Some(a), Some(b))
}

/// The period a relative unit and offset name, seen from `r`.
fn relative(unit: &str, k: i64, r: NaiveDate) -> (Option<String>, Option<NaiveDate>, Option<NaiveDate>) {
    let none = (None, None, None);
    match unit {
        "day" => r.checked_add_signed(Duration::days(k)).map_or(none, day),
        "week" | "week_start" | "week_end" => {
            let Some(a) = week_start(r).checked_add_signed(Duration::weeks(k)) else {
                return none;
            };
            let b = a + Duration::days(6);
            match unit {
                "week_start" => span(a, r),
                "week_end" => span(r, b),
                _ => span(a, b),
            }
        }
        "month" | "month_start" | "month_end" => {
            let (y, m) = add_months(r.year(), r.month(), k);
            let (v, a, b) = month(y, m);
            match (unit, a, b) {
                ("month_start", Some(a), _) => span(a, r),
                ("month_end", _, Some(b)) => span(r, b),
                _ => (v, a, b),
            }
        }
        "year" | "year_start" | "year_end" => {
            let y = i32::try_from(i64::from(r.year()) + k).unwrap_or(0);
            let (v, a, b) = year(y);
            match (unit, a, b) {
                ("year_start", Some(a), _) => span(a, r),
                ("year_end", _, Some(b)) => span(r, b),
                _ => (v, a, b),
            }
        }
        _ => none,
    }
}

impl DateFinder {
    pub fn new(rules: &RuleSet) -> DateFinder {
        let mut months = Vec::new();
        let mut full_months = Vec::new();
        let mut weekdays = Vec::new();
        let mut relative = Vec::new();
        for r in &rules.calendar {
            match r.kind.as_str() {
                "month" => {
                    for (k, g) in r.groups.iter().enumerate().take(12) {
                        for w in g {
                            months.push((w.to_lowercase(), k as u32 + 1));
                        }
                        if let Some(w) = g.first() {
                            full_months.push(w.clone());
                        }
                    }
                }
                "weekday" => {
                    for (k, g) in r.groups.iter().enumerate().take(7) {
                        for w in g {
                            weekdays.push((w.to_lowercase(), k as u32));
                        }
                    }
                }
                _ => {
                    for (phrase, (unit, k)) in &r.relative {
                        relative.push((phrase.to_lowercase(), unit.clone(), *k));
                    }
                }
            }
        }
        let month_words: Vec<String> = rules
            .calendar
            .iter()
            .filter(|r| r.kind == "month")
            .flat_map(|r| r.groups.iter().flatten().cloned())
            .collect();
        let weekday_words: Vec<String> = rules
            .calendar
            .iter()
            .filter(|r| r.kind == "weekday")
            .flat_map(|r| r.groups.iter().flatten().cloned())
            .collect();
        let rel_words: Vec<String> = relative.iter().map(|r| r.0.clone()).collect();
        let b = r"(?-u:\b)";
        let (mdy, dmy, my, month) = if month_words.is_empty() {
            (None, None, None, None)
        } else {
            let m = format!("(?i:{})", alternation(&month_words));
            let w = if weekday_words.is_empty() {
                "(?!)".to_string()
            } else {
                format!("(?i:{})", alternation(&weekday_words))
            };
            (
                build(format!(
                    r"{b}(?:(?:{w}),?\s+)?({m}){b}\.?(?:\s+|-)?(\d{{1,2}})(?:st|nd|rd|th)?{b}(?:\s*,?\s*(\d{{4}}){b})?"
                )),
                build(format!(
                    r"{b}(?:(?:{w}),?\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-)({m}){b}\.?(?:(?:,?\s+|-)(\d{{4}}){b})?"
                )),
                build(format!(r"{b}({m}){b}\.?(?:,?\s+|-)(\d{{4}}){b}")),
                build(format!(
                    r"{b}(?:((?i:this|last|next))\s+)?((?i:{})){b}",
                    alternation(&full_months)
                )),
            )
        };
        let weekday = if weekday_words.is_empty() {
            None
        } else {
            build(format!(
                r"{b}(?:((?i:last|next|this))\s+)?((?i:{})){b}",
                alternation(&weekday_words)
            ))
        };
        let rel = if rel_words.is_empty() {
            None
        } else {
            build(format!(r"(?i){b}(?:{}){b}", alternation(&rel_words)))
        };
        let nums = NUMBER_WORDS.join("|");
        let ym = if full_months.is_empty() {
            None
        } else {
            build(format!(r"{b}(\d{{4}})\s+((?i:{})){b}", alternation(&full_months)))
        };
        DateFinder {
            ahead: build(format!(
                r"(?i){b}in\s+(\d{{1,3}}|an|{nums})\s+(day|week|month|year)s?{b}"
            ))
            .expect("static pattern"),
            from_anchor: build(format!(
                r"(?i){b}(\d{{1,3}}|an|{nums})\s+(day|week|month|year)s?\s+(from|after|before)\s+(today|tomorrow|tmrw|yesterday){b}"
            ))
            .expect("static pattern"),
            slash: build(format!(r"{b}(\d{{1,2}})/(\d{{1,2}})/(\d{{4}}){b}")).expect("static pattern"),
            ym,
            months,
            weekdays,
            relative,
            iso: build(format!(r"{b}(\d{{4}})-(\d{{2}})-(\d{{2}}){b}")).expect("static pattern"),
            mdy,
            dmy,
            my,
            month,
            weekday,
            rel,
            ago: build(format!(
                r"(?i){b}(\d{{1,3}}|an|{nums})\s+(day|week|month|year)s?\s+ago{b}"
            ))
            .expect("static pattern"),
            year: build(format!(r"{b}(\d{{4}}){b}")).expect("static pattern"),
        }
    }

    fn month_of(&self, word: &str) -> Option<u32> {
        let w = word.to_lowercase();
        self.months.iter().find(|(m, _)| *m == w).map(|(_, k)| *k)
    }

    /// Every date in `text`, offsets into `text`, in order. Relative dates
    /// resolve against `reference` and stay unresolved without one.
    pub fn find(&self, text: &str, reference: Option<NaiveDate>) -> Vec<DateFacet> {
        let mut found: Vec<Found> = Vec::new();
        let none = (None, None, None);
        let num = |c: &Captures, i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let push = |found: &mut Vec<Found>,
                    s: usize,
                    e: usize,
                    v: (Option<String>, Option<NaiveDate>, Option<NaiveDate>),
                    kind| {
            found.push(Found {
                start: s,
                end: e,
                value: v.0,
                low: v.1,
                high: v.2,
                kind,
            });
        };
        for c in self.iso.captures_iter(text) {
            let m = c.get(0).expect("group 0");
            if let (Some(y), Some(mo), Some(d)) = (num(&c, 1), num(&c, 2), num(&c, 3))
                && let Some(date) = NaiveDate::from_ymd_opt(y as i32, mo, d)
            {
                push(&mut found, m.start(), m.end(), day(date), "absolute");
            }
        }
        // Day and month, in either order, with or without a year.
        for (re, mi, di) in [(&self.mdy, 1, 2), (&self.dmy, 2, 1)] {
            let Some(re) = re else { continue };
            for c in re.captures_iter(text) {
                let m = c.get(0).expect("group 0");
                let Some(mo) = c.get(mi).and_then(|x| self.month_of(x.as_str())) else {
                    continue;
                };
                let Some(d) = num(&c, di).filter(|d| (1..=31).contains(d)) else {
                    continue;
                };
                let v = match num(&c, 3) {
                    Some(y) => NaiveDate::from_ymd_opt(y as i32, mo, d).map_or(none.clone(), day),
                    None => match reference {
                        Some(r) => (r.year() - 1..=r.year() + 1)
                            .filter_map(|y| NaiveDate::from_ymd_opt(y, mo, d))
                            .min_by_key(|x| (*x - r).num_days().abs())
                            .map_or(none.clone(), day),
                        None => none.clone(),
                    },
                };
                push(&mut found, m.start(), m.end(), v, "absolute");
            }
        }
        if let Some(re) = &self.my {
            for c in re.captures_iter(text) {
                let m = c.get(0).expect("group 0");
                if let (Some(mo), Some(y)) = (c.get(1).and_then(|x| self.month_of(x.as_str())), num(&c, 2))
                    && (1000..=2999).contains(&y)
                {
                    push(&mut found, m.start(), m.end(), month(y as i32, mo), "month");
                }
            }
        }
        if let Some(re) = &self.month {
            for c in re.captures_iter(text) {
                let m = c.get(0).expect("group 0");
                let Some(word) = c.get(2) else { continue };
                let Some(mo) = self.month_of(word.as_str()) else {
                    continue;
                };
                let modifier = c.get(1).map(|x| x.as_str().to_lowercase());
                let prev = previous_word(text, word.start()).to_lowercase();
                let lower = word.as_str().to_lowercase();
                let common = lower == "may" || lower == "march";
                let capital = word.as_str().starts_with(char::is_uppercase);
                if modifier.is_none() && common && !MONTH_PREPOSITIONS.contains(&prev.as_str()) {
                    continue;
                }
                // A lowercase "may" or "march" is a verb unless a preposition
                // or a "this"/"last"/"next" makes it a month.
                if common && !capital && modifier.is_none() && !matches!(prev.as_str(), "in" | "since" | "until") {
                    continue;
                }
                let v = match reference {
                    Some(r) => {
                        let y = match modifier.as_deref() {
                            Some("this") => r.year(),
                            Some("last") => r.year() - 1,
                            Some("next") => r.year() + 1,
                            _ if mo <= r.month() => r.year(),
                            _ => r.year() - 1,
                        };
                        month(y, mo)
                    }
                    None => none.clone(),
                };
                push(&mut found, m.start(), m.end(), v, "month");
            }
        }
        if let Some(re) = &self.weekday {
            for c in re.captures_iter(text) {
                let m = c.get(0).expect("group 0");
                let Some(w) = c.get(2) else { continue };
                let Some(wd) = self
                    .weekdays
                    .iter()
                    .find(|(x, _)| *x == w.as_str().to_lowercase())
                    .map(|x| x.1)
                else {
                    continue;
                };
                let modifier = c.get(1).map(|x| x.as_str().to_lowercase());
                let v = match reference {
                    Some(r) => {
                        let date = match modifier.as_deref() {
                            Some("last") => week_start(r) - Duration::days(7) + Duration::days(i64::from(wd)),
                            Some("next") => week_start(r) + Duration::days(7 + i64::from(wd)),
                            Some(_) => week_start(r) + Duration::days(i64::from(wd)),
                            None => {
                                let back = (7 + r.weekday().num_days_from_monday() - wd) % 7;
                                r - Duration::days(i64::from(back))
                            }
                        };
                        day(date)
                    }
                    None => none.clone(),
                };
                push(&mut found, m.start(), m.end(), v, "weekday");
            }
        }
        if let Some(re) = &self.rel {
            for m in re.find_iter(text) {
                let key = m.as_str().to_lowercase();
                let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
                let Some((_, unit, k)) = self.relative.iter().find(|(p, _, _)| *p == key) else {
                    continue;
                };
                let v = reference.map_or(none.clone(), |r| relative(unit, *k, r));
                push(&mut found, m.start(), m.end(), v, "relative");
            }
        }
        for c in self.ago.captures_iter(text) {
            let m = c.get(0).expect("group 0");
            let n_text = c.get(1).map_or("", |x| x.as_str()).to_lowercase();
            let n = match n_text.parse::<i64>() {
                Ok(n) => n,
                Err(_) => NUMBER_WORDS
                    .iter()
                    .position(|w| *w == n_text)
                    .map_or(1, |p| p.max(1) as i64),
            };
            let unit = c.get(2).map_or("", |x| x.as_str()).to_lowercase();
            let v = reference.map_or(none.clone(), |r| match unit.as_str() {
                "week" => relative("week", -n, r),
                "month" => relative("month", -n, r),
                "year" => relative("year", -n, r),
                _ => relative("day", -n, r),
            });
            push(&mut found, m.start(), m.end(), v, "relative");
        }
        let count = |s: &str| -> i64 {
            let s = s.to_lowercase();
            s.parse::<i64>()
                .unwrap_or_else(|_| NUMBER_WORDS.iter().position(|w| *w == s).map_or(1, |p| p.max(1) as i64))
        };
        let shift = |unit: &str, n: i64, r: NaiveDate| -> Option<NaiveDate> {
            match unit {
                "week" => r.checked_add_signed(Duration::weeks(n)),
                "month" => r
                    .checked_add_months(chrono::Months::new(n.unsigned_abs() as u32))
                    .filter(|_| n >= 0)
                    .or_else(|| r.checked_sub_months(chrono::Months::new(n.unsigned_abs() as u32))),
                "year" => r
                    .checked_add_months(chrono::Months::new(12 * n.unsigned_abs() as u32))
                    .filter(|_| n >= 0)
                    .or_else(|| r.checked_sub_months(chrono::Months::new(12 * n.unsigned_abs() as u32))),
                _ => r.checked_add_signed(Duration::days(n)),
            }
        };
        for c in self.ahead.captures_iter(text) {
            let m = c.get(0).expect("group 0");
            // "in two days from today" is read from its anchor instead.
            let rest = text[m.end()..].trim_start().to_lowercase();
            if ["from ", "after ", "before "].iter().any(|w| rest.starts_with(w)) {
                continue;
            }
            let n = count(c.get(1).map_or("", |x| x.as_str()));
            let unit = c.get(2).map_or("", |x| x.as_str()).to_lowercase();
            let v = reference.and_then(|r| shift(&unit, n, r)).map_or(none.clone(), day);
            push(&mut found, m.start(), m.end(), v, "relative");
        }
        for c in self.from_anchor.captures_iter(text) {
            let m = c.get(0).expect("group 0");
            let n = count(c.get(1).map_or("", |x| x.as_str()));
            let unit = c.get(2).map_or("", |x| x.as_str()).to_lowercase();
            let sign = if c.get(3).is_some_and(|x| x.as_str().eq_ignore_ascii_case("before")) {
                -1
            } else {
                1
            };
            let anchor = match c.get(4).map_or("", |x| x.as_str()).to_lowercase().as_str() {
                "yesterday" => -1,
                "today" => 0,
                _ => 1,
            };
            let v = reference
                .and_then(|r| r.checked_add_signed(Duration::days(anchor)))
                .and_then(|a| shift(&unit, sign * n, a))
                .map_or(none.clone(), day);
            push(&mut found, m.start(), m.end(), v, "relative");
        }
        for c in self.slash.captures_iter(text) {
            let m = c.get(0).expect("group 0");
            if let (Some(mo), Some(d), Some(y)) = (num(&c, 1), num(&c, 2), num(&c, 3))
                && let Some(date) = NaiveDate::from_ymd_opt(y as i32, mo, d)
            {
                push(&mut found, m.start(), m.end(), day(date), "absolute");
            }
        }
        if let Some(re) = &self.ym {
            for c in re.captures_iter(text) {
                let m = c.get(0).expect("group 0");
                if let (Some(y), Some(mo)) = (num(&c, 1), c.get(2).and_then(|x| self.month_of(x.as_str())))
                    && (1000..=2999).contains(&y)
                {
                    push(&mut found, m.start(), m.end(), month(y as i32, mo), "month");
                }
            }
        }
        for c in self.year.captures_iter(text) {
            let m = c.get(0).expect("group 0");
            let Some(y) = num(&c, 1).filter(|y| (1900..=2100).contains(y)) else {
                continue;
            };
            if !self.bare_year(text, m.start(), m.end()) {
                continue;
            }
            push(&mut found, m.start(), m.end(), year(y as i32), "year");
        }
        // Longest first at each start; drop what overlaps a kept match.
        found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
        let mut out: Vec<DateFacet> = Vec::new();
        let mut last_end = 0;
        for f in found {
            if f.start < last_end {
                continue;
            }
            last_end = f.end;
            let iso = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
            out.push(DateFacet {
                text: text[f.start..f.end].to_string(),
                start: f.start,
                end: f.end,
                value: f.value,
                low: iso(f.low),
                high: iso(f.high),
                kind: f.kind.to_string(),
            });
        }
        out
    }

    /// Whether a four-digit number at `start..end` reads as a year.
    fn bare_year(&self, text: &str, start: usize, end: usize) -> bool {
        let before = &text[..start];
        let after = &text[end..];
        let pc = before.chars().next_back();
        if matches!(pc, Some('$' | '£' | '€' | '¥' | '#' | '+' | '-' | '/' | ':'))
            || (matches!(pc, Some('.' | ',')) && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit()))
        {
            return false;
        }
        let mut ac = after.chars();
        match ac.next() {
            Some('%' | '-' | '/' | ':') => return false,
            Some('.' | ',') if ac.next().is_some_and(|c| c.is_ascii_digit()) => return false,
            _ => {}
        }
        let prev = previous_word(text, start).to_lowercase();
        if YEAR_PREPOSITIONS.contains(&prev.as_str()) {
            return true;
        }
        let next = after.trim_start();
        let word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        if word.is_empty() || !next.starts_with(|c: char| c.is_alphabetic()) || after.len() == next.len() {
            return true;
        }
        let lower = word.to_lowercase();
        word.chars().next().is_some_and(char::is_uppercase) && self.month_of(&word).is_none()
            || FUNCTION_WORDS.contains(&lower.as_str())
    }
}

/// The word (letters only) right before byte `pos`, skipping spaces and a
/// hyphen ("mid-2018").
fn previous_word(text: &str, pos: usize) -> &str {
    let before = text[..pos].trim_end_matches([' ', '\t', '\n', '-']);
    let start = before
        .rfind(|c: char| !c.is_alphabetic())
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    &before[start..]
}
