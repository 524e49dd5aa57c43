//! Dates: absolute and relative, resolved against a reference date.
//!
//! Choices, documented here because callers compare the periods:
//! - a full date has value `YYYY-MM-DD` and low = high = that day, kind
//!   "absolute"; a month with a year ("January 2018") has value `YYYY-MM` and
//!   the month's first and last day, kind "month"; a year has value `YYYY`,
//!   kind "year";
//! - a day and month without a year take the year that puts the date nearest
//!   the reference ("this"/"next" before them: the reference's year / the
//!   next such day); a month alone takes its most recent occurrence on or
//!   before the reference month; all stay unresolved (value, low and high
//!   null) without a reference, and so does an impossible date ("Feb 30");
//! - a weekday is the most recent such day on or before the reference (news
//!   convention); "last Tuesday" is the Tuesday of the previous Monday-Sunday
//!   week, "next Tuesday" that of the following week; other modifiers follow
//!   the `[[calendar]]` modifier map; "Tuesday the 11th" is the nearest month
//!   whose 11th is a Tuesday, the reference's month first, then earlier ones;
//! - a weekday beside a date ("Friday 7/6") takes the date; beside a week
//!   ("next week Monday") it is that week's day; beside a counted day ("in 3
//!   days on Friday") that day's week;
//! - relative periods (kind "relative") follow the `[[calendar]]` relative
//!   map; a period that is not a day, a month or a year (a week, "earlier
//!   this month") has value null and its bounds set;
//! - counting from a date ("2 weeks after Christmas", "3 days from Tuesday")
//!   starts from its next occurrence when the date has no year;
//! - a bare four-digit number 1900-2100 is a year unless a lowercase content
//!   word follows it ("2018 people") and no preposition precedes it.

mod calendar;
mod gate;

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use regex::{Captures, Regex};

use self::calendar::{
    NONE, Res, day, holiday, iso_week, month, relative, same_week, shift, span, week_start, year, year_words,
};
use self::gate::Gate;
use crate::model::DateFacet;
use crate::rules::RuleSet;

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

/// Words before a day and month written with digits only ("on 22/04") that
/// make them a date rather than a fraction or a score.
const NUMERIC_DATE_INTRO: &[&str] = &[
    "on", "by", "until", "till", "since", "from", "this", "next", "before", "after", "date",
];

/// Finds dates; compiled once from the rules.
#[derive(Debug, Clone)]
pub struct DateFinder {
    /// Lowercased month word -> month number 1..=12.
    months: BTreeMap<String, u32>,
    /// Lowercased weekday word -> (0 = Monday, only beside a date).
    weekdays: BTreeMap<String, (u32, bool)>,
    relative: BTreeMap<String, (String, i64)>,
    modifiers: BTreeMap<String, (String, i64)>,
    /// Lowercased holiday, apostrophes dropped -> (rule, shift in days).
    holidays: BTreeMap<String, (String, i64)>,
    numbers: BTreeMap<String, i64>,
    /// Day of the month in words ("twenty third") -> 1..=31.
    day_words: BTreeMap<String, u32>,
    mdy: Option<Regex>,
    dmy: Option<Regex>,
    my: Option<Regex>,
    ym: Option<Regex>,
    month: Option<Regex>,
    weekday: Option<Regex>,
    weekday_day: Option<Regex>,
    rel: Option<Regex>,
    holiday: Option<Regex>,
    nth_of: Option<Regex>,
    year_prefix: Option<Regex>,
    /// "in nineteen ninety six": where a year in words may start.
    year_word_intro: Regex,
    ago: Regex,
    /// "in two weeks": the day that far after the reference.
    ahead: Regex,
    /// "three weeks from tomorrow", "two days before yesterday".
    from_anchor: Regex,
    /// "2 weeks before " right before a date.
    count_before: Regex,
    /// "the week of " right before a date.
    week_of: Regex,
    /// Digits with "/", "-" or ".": "5/17/2018", "2018-7-6", "22/04", "12-2015".
    numeric: Regex,
    /// Three parts, one a month word: "Sep-23-2020", "2020/Sep/23".
    mixed: Regex,
    /// "20161016".
    compact: Regex,
    /// "2016 10 16".
    spaced: Regex,
    week_number: Regex,
    gate: Gate,
}

fn alternation(words: &[String]) -> String {
    let mut w: Vec<&String> = words.iter().collect();
    w.sort_by_key(|s| (std::cmp::Reverse(s.len()), s.to_string()));
    w.dedup();
    w.iter()
        .map(|s| regex::escape(s).replace(' ', r"[\s-]+").replace('\'', "['’]?"))
        .collect::<Vec<_>>()
        .join("|")
}

fn build(pattern: String) -> Option<Regex> {
    regex::RegexBuilder::new(&pattern).size_limit(1 << 24).build().ok()
}

fn key(s: &str) -> String {
    s.to_lowercase()
        .replace(['\'', '’'], "")
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    res: Res,
    kind: &'static str,
    /// Month and day written without a year.
    md: Option<(u32, u32)>,
    /// A month written without a year.
    month_only: Option<u32>,
    /// A weekday alone: (0 = Monday, whether a modifier came with it).
    weekday: Option<(u32, bool)>,
    /// Monday of the week a relative week names ("next week").
    week: Option<NaiveDate>,
    /// Where counting from this date starts, when not its own day.
    anchor: Option<NaiveDate>,
    /// Kept only when joined to a neighbour ("Sun", "7.6").
    weak: bool,
    /// Counted from an anchor ("3 days from now").
    counted: bool,
}

impl Found {
    fn new(start: usize, end: usize, res: Res, kind: &'static str) -> Found {
        Found {
            start,
            end,
            res,
            kind,
            md: None,
            month_only: None,
            weekday: None,
            week: None,
            anchor: None,
            weak: false,
            counted: false,
        }
    }

    fn single_day(&self) -> Option<NaiveDate> {
        match self.res {
            (_, Some(a), Some(b)) if a == b => Some(a),
            _ => None,
        }
    }
}

/// The day-and-month without a year nearest the reference.
fn nearest_md(mo: u32, d: u32, r: Option<NaiveDate>) -> Res {
    let Some(r) = r else { return NONE };
    (r.year() - 4..=r.year() + 4)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, mo, d))
        .min_by_key(|x| ((*x - r).num_days().abs(), *x))
        .map_or(NONE, day)
}

/// The day-and-month strictly before (`dir` < 0) or after the reference, or
/// in its year (`dir` = 0).
fn directed_md(mo: u32, d: u32, r: NaiveDate, dir: i64) -> Res {
    let mut ys = (r.year() - 8..=r.year() + 8).filter_map(|y| NaiveDate::from_ymd_opt(y, mo, d));
    let hit = match dir.signum() {
        -1 => ys.filter(|x| *x < r).max(),
        1 => ys.find(|x| *x > r),
        _ => NaiveDate::from_ymd_opt(r.year(), mo, d),
    };
    hit.map_or(NONE, day)
}

/// Two-digit years: 40-99 are 1900s, 00-39 2000s.
fn full_year(y: u32, digits: usize) -> i32 {
    match digits {
        2 if y >= 40 => 1900 + y as i32,
        2 => 2000 + y as i32,
        _ => y as i32,
    }
}

impl DateFinder {
    pub fn new(rules: &RuleSet) -> DateFinder {
        let mut months = BTreeMap::new();
        let mut full_months = Vec::new();
        let mut month_words = Vec::new();
        let mut weekdays = BTreeMap::new();
        let mut relative = BTreeMap::new();
        let mut modifiers = BTreeMap::new();
        let mut holidays = BTreeMap::new();
        let mut holiday_words = Vec::new();
        let mut numbers = BTreeMap::new();
        let mut year_prefixes = Vec::new();
        for r in &rules.calendar {
            match r.kind.as_str() {
                "month" => {
                    for (k, g) in r.groups.iter().enumerate().take(12) {
                        for w in g {
                            months.insert(w.to_lowercase(), k as u32 + 1);
                            month_words.push(w.clone());
                        }
                        if let Some(w) = g.first() {
                            full_months.push(w.clone());
                        }
                    }
                }
                "weekday" => {
                    for (k, g) in r.groups.iter().enumerate().take(7) {
                        for w in g {
                            weekdays.insert(w.to_lowercase(), (k as u32, r.bound));
                        }
                    }
                    for (w, k) in &r.values {
                        if let Ok(k) = u32::try_from(*k)
                            && k < 7
                        {
                            weekdays.insert(w.to_lowercase(), (k, r.bound));
                        }
                    }
                }
                "modifier" => modifiers.extend(r.relative.iter().map(|(p, v)| (key(p), v.clone()))),
                "holiday" => {
                    holidays.extend(r.relative.iter().map(|(p, v)| (key(p), v.clone())));
                    holiday_words.extend(r.relative.keys().cloned());
                }
                "number" => numbers.extend(r.values.iter().map(|(w, v)| (w.to_lowercase(), *v))),
                "year_prefix" => year_prefixes.extend(r.groups.iter().flatten().cloned()),
                _ => relative.extend(r.relative.iter().map(|(p, v)| (key(p), v.clone()))),
            }
        }
        // Days in words: "fifth", "twenty fifth", "twenty five"; cardinals
        // below ten are left out ("you may first want", "in March one year").
        let mut day_words = BTreeMap::new();
        let ordinal = |w: &str| ["st", "nd", "rd", "th"].iter().any(|s| w.ends_with(s));
        for (w, v) in &numbers {
            if (1..=31).contains(v) && (ordinal(w) || *v >= 10) {
                day_words.insert(w.clone(), *v as u32);
            }
            if *v == 20 || *v == 30 {
                for (u, uv) in &numbers {
                    if (1..=9).contains(uv) && v + uv <= 31 && !ordinal(w) {
                        day_words.insert(format!("{w} {u}"), (v + uv) as u32);
                    }
                }
            }
        }
        let b = r"(?-u:\b)";
        let words = |m: &BTreeMap<String, (u32, bool)>| m.keys().cloned().collect::<Vec<_>>();
        let dw = alternation(&day_words.keys().cloned().collect::<Vec<_>>());
        let dw = if dw.is_empty() { "[^\\s\\S]".to_string() } else { dw };
        let day = format!(r"(\d{{1,2}}(?:st|nd|rd|th)?|(?i:{dw}))");
        let year_part = r"(?:(?:\s*,?\s*|-|/|\s+of\s+|\s+in\s+)(\d{4})(?-u:\b)|\s+of\s+'?(\d{2})(?-u:\b))?";
        let mods = {
            let m: Vec<String> = modifiers.keys().cloned().collect();
            if m.is_empty() {
                "[^\\s\\S]".to_string()
            } else {
                alternation(&m)
            }
        };
        let w = if weekdays.is_empty() {
            "[^\\s\\S]".to_string()
        } else {
            format!("(?i:{})", alternation(&words(&weekdays)))
        };
        let (mdy, dmy, my, month_re, ym) = if month_words.is_empty() {
            (None, None, None, None, None)
        } else {
            let m = format!("(?i:{})", alternation(&month_words));
            (
                build(format!(
                    r"{b}(?:{w},?\s+)?({m})(?:{b}\.?(?:\s*,\s*|\s+|-|/)?|){day}{b}{year_part}"
                )),
                build(format!(
                    r"{b}(?:{w},?\s+)?(?:(?i:the)\s+)?{day}(?:\s+(?:(?i:of)\s+)?|-|/)({m}){b}\.?{year_part}"
                )),
                build(format!(
                    r"{b}({m}){b}\.?(?:,?\s+|-|/|\s+(?i:of)\s+)(\d{{4}}|'\d{{2}}|\d{{2}}){b}"
                )),
                build(format!(
                    r"{b}(?:((?i:{mods}))\s+)?((?i:{})){b}",
                    alternation(&full_months)
                )),
                build(format!(r"{b}(\d{{4}})\s+((?i:{})){b}", alternation(&full_months))),
            )
        };
        let weekday = (!weekdays.is_empty())
            .then(|| build(format!(r"{b}(?:((?i:{mods}))\s+)?({w}){b}")))
            .flatten();
        let weekday_day = (!weekdays.is_empty())
            .then(|| {
                build(format!(
                    r"{b}(?:((?i:{mods}))\s+)?({w}){b},?\s+(?:(?i:the)\s+)?{day}{b}"
                ))
            })
            .flatten();
        let rel_words: Vec<String> = relative.keys().cloned().collect();
        let rel = (!rel_words.is_empty())
            .then(|| build(format!(r"(?i){b}(?:{}){b}", alternation(&rel_words))))
            .flatten();
        let holiday_re = (!holiday_words.is_empty())
            .then(|| {
                build(format!(
                    r"(?i){b}(?:({mods})\s+)?({}){b}(?:\s+(?:of\s+)?(\d{{4}}){b}|\s+of\s+(this|next|last)\s+year{b})?",
                    alternation(&holiday_words)
                ))
            })
            .flatten();
        let ordinals: Vec<String> = day_words.keys().filter(|w| ordinal(w)).cloned().collect();
        let nth_of = (!ordinals.is_empty() && !full_months.is_empty())
            .then(|| {
                build(format!(
                    r"(?i){b}(\d{{1,2}}(?:st|nd|rd|th)|last|{})\s+(day|week|month)\s+of\s+(?:the\s+)?(\d{{4}}|(?:this|next|last)\s+(?:year|month)|{}){b}",
                    alternation(&ordinals),
                    alternation(&full_months)
                ))
            })
            .flatten();
        let year_prefix = (!year_prefixes.is_empty())
            .then(|| build(format!(r"(?i){b}(?:{})\s+(\d{{4}}){b}", alternation(&year_prefixes))))
            .flatten();
        let small: Vec<String> = numbers
            .iter()
            .filter(|(w, v)| (1..=99).contains(*v) && !ordinal(w))
            .map(|(w, _)| w.clone())
            .chain(["a".to_string(), "an".to_string()])
            .collect();
        let nums = alternation(&small);
        let unit = r"(day|week|fortnight|month|year)s?";
        let list = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        let gate = Gate::new(&[
            (gate::MONTH, month_words.clone()),
            (gate::WEEKDAY, words(&weekdays)),
            (gate::REL, rel_words.clone()),
            (gate::REL_ALSO, rel_words.iter().map(|w| gate::other_words(w)).collect()),
            (gate::HOLIDAY, holiday_words.clone()),
            (
                gate::UNIT,
                list(&[
                    "day",
                    "days",
                    "week",
                    "weeks",
                    "fortnight",
                    "fortnights",
                    "month",
                    "months",
                    "year",
                    "years",
                ]),
            ),
            (gate::PERIOD, list(&["day", "week", "month"])),
            (gate::AGO, list(&["ago"])),
            (gate::IN, list(&["in"])),
            (gate::ANCHOR, list(&["today", "tomorrow", "tmrw", "yesterday", "now"])),
            (gate::OF, list(&["of"])),
            (gate::WEEK, list(&["week"])),
            (gate::YEAR_PREFIX, year_prefixes.clone()),
            (gate::NUMBER, numbers.keys().cloned().collect()),
            (
                gate::YEAR_WORD,
                numbers
                    .iter()
                    .filter(|(_, v)| (10..=20).contains(*v))
                    .map(|(w, _)| w.clone())
                    .chain(["thousand".to_string(), "hundred".to_string()])
                    .collect(),
            ),
        ]);
        DateFinder {
            gate,
            ahead: build(format!(r"(?i){b}in\s+(\d{{1,3}}|{nums})\s+{unit}{b}")).expect("static pattern"),
            from_anchor: build(format!(
                r"(?i){b}(\d{{1,3}}|{nums})\s+{unit}\s+(from|after|before)\s+(today|tomorrow|tmrw|yesterday|now){b}"
            ))
            .expect("static pattern"),
            count_before: build(format!(r"(?i){b}(\d{{1,3}}|{nums})\s+{unit}\s+(from|after|before)\s+$"))
                .expect("static pattern"),
            ago: build(format!(r"(?i){b}(\d{{1,3}}|{nums})\s+{unit}\s+ago{b}")).expect("static pattern"),
            week_of: Regex::new(
                r"(?i)(?:(?-u:\b)(?:the\s+)?week\s+(?:of|beginning|beginning\s+on|starting|starting\s+on|commencing)|(?-u:\b)w/c)\s+$",
            )
            .expect("static pattern"),
            numeric: Regex::new(r"(?-u:\b)(\d{1,4})([-/.])(\d{1,4})(?:([-/.])(\d{1,4}))?(?-u:\b)").expect("static pattern"),
            mixed: Regex::new(
                r"(?-u:\b)([A-Za-z]{3,9}|\d{1,4})([-/])([A-Za-z]{3,9}|\d{1,4})([-/])([A-Za-z]{3,9}|\d{1,4})(?-u:\b)",
            )
            .expect("static pattern"),
            compact: Regex::new(r"(?-u:\b)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?-u:\b)")
                .expect("static pattern"),
            spaced: Regex::new(r"(?-u:\b)((?:19|20)\d{2}) (\d{1,2}) (\d{1,2})(?-u:\b)").expect("static pattern"),
            week_number: Regex::new(
                r"(?i)(?-u:\b)week\s+(\d{1,2})(?:\s+of\s+(\d{4}|(?:this|next|last)\s+year))?(?-u:\b)",
            )
            .expect("static pattern"),
            year_word_intro: Regex::new(r"(?i)(?-u:\b)(?:in|since|by|until|from|during|before|after)\s+")
                .expect("static pattern"),
            mdy,
            dmy,
            my,
            month: month_re,
            ym,
            weekday,
            weekday_day,
            rel,
            holiday: holiday_re,
            nth_of,
            year_prefix,
            months,
            weekdays,
            relative,
            modifiers,
            holidays,
            numbers,
            day_words,
        }
    }

    fn month_of(&self, word: &str) -> Option<u32> {
        self.months.get(&word.to_lowercase()).copied()
    }

    fn day_of(&self, s: &str) -> Option<u32> {
        let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
        match digits.parse::<u32>() {
            Ok(d) => Some(d),
            Err(_) => self.day_words.get(&key(s)).copied(),
        }
    }

    fn count(&self, s: &str) -> i64 {
        let s = s.to_lowercase();
        s.parse::<i64>()
            .ok()
            .or_else(|| self.numbers.get(&s).copied())
            .unwrap_or(1)
    }

    fn modifier(&self, s: Option<&str>) -> Option<(String, i64)> {
        self.modifiers.get(&key(s?)).cloned()
    }

    /// A year given as "this year", "next year", "last year" or four digits.
    fn year_of(&self, s: &str, r: Option<NaiveDate>) -> Option<i32> {
        if let Ok(y) = s.parse::<i32>() {
            return Some(y);
        }
        let k = key(s);
        let (unit, off) = self.relative.get(&k)?;
        (unit == "year").then(|| r.map(|r| r.year() + *off as i32)).flatten()
    }

    /// Every date in `text`, offsets into `text`, in order. Relative dates
    /// resolve against `reference` and stay unresolved without one.
    pub fn find(&self, text: &str, reference: Option<NaiveDate>) -> Vec<DateFacet> {
        let mut found = self.candidates(text, reference);
        // Longest first at each start; drop what overlaps a kept match.
        found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
        let mut kept: Vec<Found> = Vec::new();
        for f in found {
            if kept.last().is_some_and(|k| f.start < k.end) {
                continue;
            }
            kept.push(f);
        }
        for _ in 0..3 {
            let changed;
            (kept, changed) = self.join(text, reference, kept);
            // A round that joins nothing leaves nothing for the next.
            if !changed {
                break;
            }
        }
        kept.into_iter()
            .filter(|f| !f.weak)
            .map(|f| {
                let iso = |d: Option<NaiveDate>| d.map(iso_day);
                DateFacet {
                    text: text[f.start..f.end].to_string(),
                    start: f.start,
                    end: f.end,
                    value: f.res.0,
                    low: iso(f.res.1),
                    high: iso(f.res.2),
                    kind: f.kind.to_string(),
                    said: false,
                }
            })
            .collect()
    }

    /// Joins neighbours ("Friday" + "7/6", "next week" + "Monday") and
    /// extends dates with what stands before them ("2 weeks before", "the
    /// week of", "next"). Also says whether it changed any date: the
    /// result of a round that changed none is its input, and so is that of
    /// every later round.
    fn join(&self, text: &str, reference: Option<NaiveDate>, items: Vec<Found>) -> (Vec<Found>, bool) {
        let mut out: Vec<Found> = Vec::new();
        let mut changed = false;
        for mut f in items {
            if let Some(prev) = out.last() {
                let gap = &text[prev.end..f.start];
                if let Some(joined) = self.pair(text, prev, &f, gap) {
                    out.pop();
                    out.push(joined);
                    changed = true;
                    continue;
                }
            }
            // Only the few words before the date matter ("2 weeks before",
            // "the week of"): a bounded window keeps long texts linear.
            let mut floor = out.last().map_or(0, |p| p.end).max(f.start.saturating_sub(48));
            while !text.is_char_boundary(floor) {
                floor += 1;
            }
            let before = &text[floor..f.start];
            // The cheap tests first: most dates are neither.
            if !f.counted
                && (f.single_day().is_some() || f.anchor.is_some())
                && let Some(c) = self.count_before.captures(before)
            {
                let m = c.get(0).expect("group 0");
                let n = self.count(c.get(1).map_or("", |x| x.as_str()));
                let unit = c.get(2).map_or("", |x| x.as_str()).to_lowercase();
                let sign = if c.get(3).is_some_and(|x| x.as_str().eq_ignore_ascii_case("before")) {
                    -1
                } else {
                    1
                };
                let from = f.anchor.or_else(|| f.single_day());
                let res = from.and_then(|a| shift(&unit, sign * n, a)).map_or(NONE, day);
                let mut g = Found::new(floor + m.start(), f.end, res, "relative");
                g.counted = true;
                out.push(g);
                changed = true;
                continue;
            }
            if let Some(d) = f.single_day()
                && let Some(m) = self.week_of.find(before)
            {
                let a = week_start(d);
                out.push(Found::new(
                    floor + m.start(),
                    f.end,
                    span(a, a + Duration::days(6)),
                    "absolute",
                ));
                changed = true;
                continue;
            }
            if let Some((mo, d)) = f.md {
                let word = previous_word(text, f.start).to_lowercase();
                if let (Some((_, dir)), Some(r)) = (self.modifier(Some(&word)), reference)
                    && matches!(word.as_str(), "this" | "next")
                {
                    f.res = directed_md(mo, d, r, dir);
                    f.start = text[..f.start].trim_end().len() - word.len();
                    f.md = None;
                    f.weak = false;
                    changed = true;
                }
            }
            out.push(f);
        }
        (out, changed)
    }

    /// Two neighbouring dates read as one, if they are.
    fn pair(&self, text: &str, a: &Found, b: &Found, gap: &str) -> Option<Found> {
        let g = gap.trim().to_lowercase();
        let plain = g.is_empty() || g == "," || g == "-" || g == "(";
        // "Friday 7/6", "Tue May 9", "this Friday (Jun-15)".
        if a.weekday.is_some() && (b.md.is_some() || b.kind == "absolute") && b.single_day().is_some() && plain
            || a.weekday.is_some() && b.md.is_some() && b.res.1.is_none() && plain
        {
            let mut end = b.end;
            if g == "(" && text[end..].starts_with(')') {
                end += 1;
            }
            let mut f = b.clone();
            f.start = a.start;
            f.end = end;
            f.weak = false;
            f.md = None;
            return Some(f);
        }
        // "next week Monday", "Monday of next week".
        let week_day = match (a.week, a.weekday, b.week, b.weekday) {
            (Some(w), _, _, Some((wd, false))) if g.is_empty() || g == "on" || g == "-" || g == "," => Some((w, wd)),
            (_, Some((wd, false)), Some(w), _) if g == "of" || g == "of the" => Some((w, wd)),
            _ => None,
        };
        if let Some((w, wd)) = week_day {
            let mut f = Found::new(a.start, b.end, day(w + Duration::days(i64::from(wd))), "weekday");
            f.weak = false;
            return Some(f);
        }
        // "in 3 days on Friday", "Monday two weeks from now".
        let counted = match (
            a.counted,
            a.single_day(),
            b.weekday,
            b.counted,
            b.single_day(),
            a.weekday,
        ) {
            (true, Some(d), Some((wd, false)), ..) if g == "on" => Some((d, wd)),
            (_, _, _, true, Some(d), Some((wd, false))) if g.is_empty() || g == "," => Some((d, wd)),
            _ => None,
        };
        if let Some((d, wd)) = counted {
            let mut f = Found::new(a.start, b.end, day(same_week(d, wd)), "relative");
            f.counted = true;
            return Some(f);
        }
        None
    }

    fn candidates(&self, text: &str, reference: Option<NaiveDate>) -> Vec<Found> {
        let mut found: Vec<Found> = Vec::new();
        let num = |c: &Captures, i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let r = reference;
        let open = self.gate.open(text);
        let on = |g: u32| open & g == g;
        if on(gate::DIGIT) {
            self.numeric_dates(text, r, &mut found);
        }
        let digits = if on(gate::DIGIT) { text } else { "" };
        for c in captures(&self.compact, digits).chain(captures(&self.spaced, digits)) {
            let m = c.get(0).expect("group 0");
            if let (Some(y), Some(mo), Some(d)) = (num(&c, 1), num(&c, 2), num(&c, 3))
                && let Some(date) = NaiveDate::from_ymd_opt(y as i32, mo, d)
            {
                found.push(Found::new(m.start(), m.end(), day(date), "absolute"));
            }
        }
        // A year and a day are digits: no digit, no such date.
        let seps = if on(gate::SEP | gate::DIGIT) { text } else { "" };
        for c in captures(&self.mixed, seps) {
            let m = c.get(0).expect("group 0");
            if c.get(2).map(|x| x.as_str()) != c.get(4).map(|x| x.as_str()) {
                continue;
            }
            let parts: Vec<&str> = [1, 3, 5].iter().filter_map(|i| c.get(*i).map(|x| x.as_str())).collect();
            let mo: Vec<u32> = parts.iter().filter_map(|p| self.month_of(p)).collect();
            let y: Vec<u32> = parts
                .iter()
                .filter(|p| p.len() == 4)
                .filter_map(|p| p.parse().ok())
                .collect();
            let d: Vec<u32> = parts
                .iter()
                .filter(|p| p.len() <= 2)
                .filter_map(|p| p.parse().ok())
                .collect();
            if let ([mo], [y], [d]) = (&mo[..], &y[..], &d[..]) {
                let res = NaiveDate::from_ymd_opt(*y as i32, *mo, *d).map_or(NONE, day);
                found.push(Found::new(m.start(), m.end(), res, "absolute"));
            }
        }
        // Day and month, in either order, with or without a year.
        for (re, mi, di) in [(&self.mdy, 1, 2), (&self.dmy, 2, 1)] {
            let Some(re) = re.as_ref().filter(|_| on(gate::MONTH)) else {
                continue;
            };
            for c in re.captures_iter(text) {
                let m = c.get(0).expect("group 0");
                let Some(mw) = c.get(mi) else { continue };
                let Some(mo) = self.month_of(mw.as_str()) else {
                    continue;
                };
                let Some(dg) = c.get(di) else { continue };
                let Some(d) = self.day_of(dg.as_str()).filter(|d| (1..=31).contains(d)) else {
                    continue;
                };
                let in_words = !dg.as_str().starts_with(|c: char| c.is_ascii_digit());
                if mi == 1 {
                    // "Dec31" but not "Maytenth"; "October, 1st" but not "October, 12 people".
                    let sep = &text[mw.end()..dg.start()];
                    let ordinal = in_words || dg.as_str().ends_with(|c: char| c.is_alphabetic());
                    if sep.is_empty() && in_words || sep.contains(',') && !ordinal {
                        continue;
                    }
                }
                if in_words && self.verb_month(text, mw.start(), mw.as_str()) {
                    continue;
                }
                // "$12 December 27": the amount is no day.
                if di == 1 && text[..dg.start()].trim_end().ends_with(['$', '£', '€', '¥']) {
                    continue;
                }
                let given = num(&c, 3)
                    .map(|y| y as i32)
                    .or_else(|| num(&c, 4).map(|y| full_year(y, 2)));
                // "second of Aug." ends before the full stop.
                let end = if given.is_none() && m.as_str().ends_with('.') {
                    m.end() - 1
                } else {
                    m.end()
                };
                let mut f = match given {
                    Some(y) => Found::new(
                        m.start(),
                        end,
                        NaiveDate::from_ymd_opt(y, mo, d).map_or(NONE, day),
                        "absolute",
                    ),
                    None => {
                        let mut f = Found::new(m.start(), end, nearest_md(mo, d, r), "absolute");
                        f.md = Some((mo, d));
                        f
                    }
                };
                if given.is_none()
                    && let Some((n, y)) = self.year_after(text, end)
                {
                    f.end = n;
                    f.res = NaiveDate::from_ymd_opt(y, mo, d).map_or(NONE, day);
                    f.md = None;
                }
                f.anchor = f.md.and(r).and_then(|r| directed_md(mo, d, r - Duration::days(1), 1).1);
                found.push(f);
            }
        }
        for re in [&self.my, &self.ym] {
            let Some(re) = re.as_ref().filter(|_| on(gate::MONTH | gate::DIGIT)) else {
                continue;
            };
            for c in re.captures_iter(text) {
                let m = c.get(0).expect("group 0");
                let (a, b) = (c.get(1).map_or("", |x| x.as_str()), c.get(2).map_or("", |x| x.as_str()));
                let (mw, yw) = if self.month_of(a).is_some() { (a, b) } else { (b, a) };
                let Some(mo) = self.month_of(mw) else { continue };
                let yd = yw.trim_start_matches('\'');
                // Two digits only after "of" or an apostrophe ("April of 87").
                if yd.len() == 2 && yd.len() == yw.len() && !m.as_str().to_lowercase().contains(" of ") {
                    continue;
                }
                let Ok(y) = yd.parse::<u32>() else { continue };
                let y = full_year(y, yd.len());
                if (1000..=2999).contains(&y) {
                    found.push(Found::new(m.start(), m.end(), month(y, mo), "month"));
                }
            }
        }
        if on(gate::MONTH) {
            self.months_alone(text, r, &mut found);
        }
        if on(gate::WEEKDAY) {
            self.weekdays_found(text, r, &mut found);
        }
        if let Some(re) = self.rel.as_ref().filter(|_| on(gate::REL | gate::REL_ALSO)) {
            for m in re.find_iter(text) {
                let Some((unit, k)) = self.relative.get(&key(m.as_str())) else {
                    continue;
                };
                let res = r.map_or(NONE, |r| relative(unit, *k, r));
                let week = res.1.filter(|_| unit == "week");
                let mut f = Found::new(m.start(), m.end(), res, "relative");
                f.week = week;
                found.push(f);
            }
        }
        if on(gate::HOLIDAY) {
            self.holidays_found(text, r, &mut found);
        }
        self.counted(text, r, open, &mut found);
        self.periods(text, r, open, &mut found);
        for (start, end) in four_digits(digits) {
            let Some(y) = text[start..end]
                .parse::<u32>()
                .ok()
                .filter(|y| (1900..=2100).contains(y))
            else {
                continue;
            };
            // "the 1930s", "the 1930's": a decade, not its first year.
            if y % 10 == 0
                && let Some(n) = decade_suffix(&text[end..])
            {
                let y = y as i32;
                if let (Some(a), Some(b)) = (NaiveDate::from_ymd_opt(y, 1, 1), NaiveDate::from_ymd_opt(y + 9, 12, 31)) {
                    found.push(Found::new(start, end + n, span(a, b), "year"));
                }
                continue;
            }
            if !self.bare_year(text, start, end) {
                continue;
            }
            found.push(Found::new(start, end, year(y as i32), "year"));
        }
        // A year in words starts with ten to twenty ("nineteen ninety
        // six") or holds "thousand" (see `year_words`).
        let intro = if on(gate::YEAR_WORD) { text } else { "" };
        for m in self.year_word_intro.find_iter(intro) {
            // Most "in"s are followed by no number word: skip them cheaply.
            let mut first = [0u8; 12];
            let n = text.as_bytes()[m.end()..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .take(12)
                .zip(first.iter_mut())
                .map(|(c, d)| *d = c.to_ascii_lowercase())
                .count();
            if !std::str::from_utf8(&first[..n]).is_ok_and(|w| self.numbers.contains_key(w)) {
                continue;
            }
            if let Some((n, y)) = year_words(&text[m.end()..], &self.numbers)
                && self.year_can_end(text, m.end() + n)
            {
                found.push(Found::new(m.end(), m.end() + n, year(y), "year"));
            }
        }
        found
    }

    /// A year in words right after `end` ("October two thousand and five").
    fn year_after(&self, text: &str, end: usize) -> Option<(usize, i32)> {
        let rest = &text[end..];
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() {
            return None;
        }
        let at = end + rest.len() - trimmed.len();
        year_words(trimmed, &self.numbers).map(|(n, y)| (at + n, y))
    }

    /// A lowercase "may" or "march" with no preposition before it is a verb.
    fn verb_month(&self, text: &str, start: usize, word: &str) -> bool {
        let lower = word.to_lowercase();
        let prev = previous_word(text, start).to_lowercase();
        (lower == "may" || lower == "march")
            && !word.starts_with(char::is_uppercase)
            && !MONTH_PREPOSITIONS.contains(&prev.as_str())
    }

    fn numeric_dates(&self, text: &str, r: Option<NaiveDate>, found: &mut Vec<Found>) {
        let bytes = text.as_bytes();
        for c in self.numeric.captures_iter(text) {
            let m = c.get(0).expect("group 0");
            // Part of a longer run of digits and separators: a version, an
            // address, a phone number.
            let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
            let before = m.start().checked_sub(1).map(|i| bytes[i]);
            if before.is_some_and(|x| x.is_ascii_digit())
                || before.is_some_and(|x| b"./:,-".contains(&x)) && m.start() >= 2 && digit_at(m.start() - 2)
                || digit_at(m.end())
                || bytes.get(m.end()).is_some_and(|x| b"./:,-".contains(x)) && digit_at(m.end() + 1)
            {
                continue;
            }
            let part = |i: usize| c.get(i).map(|x| x.as_str()).unwrap_or("");
            let (p1, sep, p2, p3) = (part(1), part(2), part(3), part(5));
            let (n1, n2) = (p1.parse::<u32>().unwrap_or(0), p2.parse::<u32>().unwrap_or(0));
            if !p3.is_empty() {
                if part(4) != sep {
                    continue;
                }
                let n3 = p3.parse::<u32>().unwrap_or(0);
                let (y, mo, d) = match (p1.len(), p2.len(), p3.len()) {
                    (4, 1..=2, 1..=2) => (n1 as i32, n2, n3),
                    (1..=2, 1..=2, 4) => {
                        if n1 <= 12 {
                            (n3 as i32, n1, n2)
                        } else {
                            (n3 as i32, n2, n1)
                        }
                    }
                    (1..=2, 1..=2, 2) if sep != "." => {
                        if n1 <= 12 {
                            (full_year(n3, 2), n1, n2)
                        } else {
                            (full_year(n3, 2), n2, n1)
                        }
                    }
                    _ => continue,
                };
                if !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
                    continue;
                }
                let res = NaiveDate::from_ymd_opt(y, mo, d).map_or(NONE, day);
                found.push(Found::new(m.start(), m.end(), res, "absolute"));
                continue;
            }
            if sep == "." && p1.len() == 4 {
                continue;
            }
            match (p1.len(), p2.len()) {
                // "2015-3", "2015-12"; "2010-11" is a season or fiscal year.
                (4, 1..=2) if (1..=12).contains(&n2) && (1000..=2999).contains(&n1) && n2 != (n1 + 1) % 100 => {
                    found.push(Found::new(m.start(), m.end(), month(n1 as i32, n2), "month"));
                }
                (1..=2, 4) if (1..=12).contains(&n1) && sep != "." && (1000..=2999).contains(&n2) => {
                    found.push(Found::new(m.start(), m.end(), month(n2 as i32, n1), "month"));
                }
                (1..=2, 1..=2) => {
                    let (mo, d) = if n1 <= 12 { (n1, n2) } else { (n2, n1) };
                    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
                        continue;
                    }
                    let prev = previous_word(text, m.start()).to_lowercase();
                    let after = &text[m.end()..];
                    let ends = after.is_empty()
                        || after.starts_with(|c: char| "!?,;)".contains(c))
                        || after.starts_with('.') && !after[1..].starts_with(|c: char| c.is_alphanumeric());
                    let lead = text[..m.start()].trim_end();
                    let strong = match sep {
                        "/" => {
                            NUMERIC_DATE_INTRO.contains(&prev.as_str())
                                || (lead.is_empty() || lead.ends_with(['?', '!', '.', ':', ';', ',', '('])) && ends
                        }
                        "." => prev == "on" && ends,
                        _ => false,
                    };
                    let mut f = Found::new(m.start(), m.end(), nearest_md(mo, d, r), "absolute");
                    f.md = Some((mo, d));
                    f.weak = !strong;
                    found.push(f);
                }
                _ => {}
            }
        }
    }

    fn months_alone(&self, text: &str, r: Option<NaiveDate>, found: &mut Vec<Found>) {
        let Some(re) = &self.month else { return };
        for c in re.captures_iter(text) {
            let m = c.get(0).expect("group 0");
            let Some(word) = c.get(2) else { continue };
            let Some(mo) = self.month_of(word.as_str()) else {
                continue;
            };
            let modifier = self.modifier(c.get(1).map(|x| x.as_str()));
            let prev = previous_word(text, word.start()).to_lowercase();
            let lower = word.as_str().to_lowercase();
            let common = lower == "may" || lower == "march";
            if modifier.is_none() && common && !MONTH_PREPOSITIONS.contains(&prev.as_str()) {
                continue;
            }
            // A lowercase "may" or "march" is a verb unless a preposition
            // or a modifier makes it a month.
            if common
                && !word.as_str().starts_with(char::is_uppercase)
                && modifier.is_none()
                && !matches!(prev.as_str(), "in" | "since" | "until")
            {
                continue;
            }
            let res = match r {
                Some(r) => {
                    let y = match modifier {
                        Some((how, k)) if how == "nearest" && k < 0 => r.year() - i32::from(mo >= r.month()),
                        Some((how, _)) if how == "nearest" => r.year() + i32::from(mo <= r.month()),
                        Some((_, k)) => r.year() + k as i32,
                        None if mo <= r.month() => r.year(),
                        None => r.year() - 1,
                    };
                    month(y, mo)
                }
                None => NONE,
            };
            let mut f = Found::new(m.start(), m.end(), res, "month");
            f.month_only = Some(mo);
            if let Some((n, y)) = self.year_after(text, m.end()) {
                f.end = n;
                f.res = month(y, mo);
                f.month_only = None;
            }
            found.push(f);
        }
    }

    fn weekday_res(&self, wd: u32, modifier: Option<(String, i64)>, r: NaiveDate) -> NaiveDate {
        let back = i64::from((7 + r.weekday().num_days_from_monday() - wd) % 7);
        let ahead = i64::from((7 + wd - r.weekday().num_days_from_monday()) % 7);
        match modifier {
            Some((how, k)) if how == "nearest" && k < 0 => r - Duration::days(if back == 0 { 7 } else { back }),
            Some((how, _)) if how == "nearest" => r + Duration::days(if ahead == 0 { 7 } else { ahead }),
            Some((_, k)) => week_start(r) + Duration::days(7 * k + i64::from(wd)),
            None => r - Duration::days(back),
        }
    }

    fn weekdays_found(&self, text: &str, r: Option<NaiveDate>, found: &mut Vec<Found>) {
        let Some(re) = &self.weekday else { return };
        for c in re.captures_iter(text) {
            let m = c.get(0).expect("group 0");
            let Some(w) = c.get(2) else { continue };
            let Some(&(wd, bound)) = self.weekdays.get(&w.as_str().to_lowercase()) else {
                continue;
            };
            let modifier = self.modifier(c.get(1).map(|x| x.as_str()));
            let modified = modifier.is_some();
            let res = r.map_or(NONE, |r| day(self.weekday_res(wd, modifier, r)));
            let mut f = Found::new(m.start(), m.end(), res, "weekday");
            f.weekday = Some((wd, modified));
            f.weak = bound;
            if !modified {
                f.anchor = r.map(|r| r + Duration::days(i64::from((7 + wd - r.weekday().num_days_from_monday()) % 7)));
            }
            found.push(f);
        }
        // "Tuesday the 11th", "Mon 13th", "Monday 21!".
        let Some(re) = &self.weekday_day else { return };
        for c in re.captures_iter(text) {
            let m = c.get(0).expect("group 0");
            let (Some(w), Some(dg)) = (c.get(2), c.get(3)) else {
                continue;
            };
            let Some(&(wd, _)) = self.weekdays.get(&w.as_str().to_lowercase()) else {
                continue;
            };
            let Some(d) = self.day_of(dg.as_str()).filter(|d| (1..=31).contains(d)) else {
                continue;
            };
            let after = &text[m.end()..];
            let bare = dg.as_str().chars().all(|c| c.is_ascii_digit());
            if bare
                && !(after.is_empty()
                    || after.starts_with(|c: char| "!?,;)".contains(c))
                    || after.starts_with('.') && !after[1..].starts_with(|c: char| c.is_ascii_digit()))
            {
                continue;
            }
            let next = after.trim_start();
            let next = next.strip_prefix("of ").unwrap_or(next);
            let word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
            if self.month_of(&word).is_some() {
                continue;
            }
            let res = match r {
                Some(r) => (0..48)
                    .filter_map(|k| {
                        let (y, mo) = calendar::add_months(r.year(), r.month(), -k);
                        NaiveDate::from_ymd_opt(y, mo, d)
                    })
                    .find(|x| x.weekday().num_days_from_monday() == wd)
                    .map_or(NONE, day),
                None => NONE,
            };
            found.push(Found::new(m.start(), m.end(), res, "absolute"));
        }
    }

    fn holidays_found(&self, text: &str, r: Option<NaiveDate>, found: &mut Vec<Found>) {
        let Some(re) = &self.holiday else { return };
        for c in re.captures_iter(text) {
            let m = c.get(0).expect("group 0");
            let Some(name) = c.get(2) else { continue };
            let Some((rule, shift_days)) = self.holidays.get(&key(name.as_str())) else {
                continue;
            };
            // "Chinese New Year", "Indian Independence Day": another calendar.
            let prev = previous_word(text, m.start());
            if prev.starts_with(char::is_uppercase)
                && !MONTH_PREPOSITIONS.contains(&prev.to_lowercase().as_str())
                && !matches!(prev.to_lowercase().as_str(), "the" | "at" | "a" | "an")
            {
                continue;
            }
            let at = |y: i32| holiday(rule, *shift_days, y);
            let modifier = self.modifier(c.get(1).map(|x| x.as_str()));
            let given = c
                .get(3)
                .and_then(|y| y.as_str().parse::<i32>().ok())
                .or_else(|| c.get(4).and_then(|y| self.year_of(&format!("{} year", y.as_str()), r)));
            let mut anchor = None;
            let date = match (given, modifier, r) {
                (Some(y), ..) => at(y),
                (None, Some((_, k)), Some(r)) => {
                    let mut ys = (r.year() - 2..=r.year() + 2).filter_map(at);
                    match k.signum() {
                        -1 => ys.filter(|d| *d < r).max(),
                        1 => ys.find(|d| *d > r),
                        _ => at(r.year()),
                    }
                }
                (None, None, Some(r)) => {
                    anchor = (r.year()..=r.year() + 1).filter_map(at).find(|d| *d >= r);
                    (r.year() - 1..=r.year() + 1)
                        .filter_map(at)
                        .min_by_key(|d| ((*d - r).num_days().abs(), *d))
                }
                _ => None,
            };
            let mut f = Found::new(m.start(), m.end(), date.map_or(NONE, day), "absolute");
            f.anchor = anchor;
            found.push(f);
        }
    }

    /// "3 days ago", "in two weeks", "two weeks from tomorrow".
    fn counted(&self, text: &str, r: Option<NaiveDate>, open: u32, found: &mut Vec<Found>) {
        let only = |g: u32| {
            if open & (g | gate::UNIT) == g | gate::UNIT {
                text
            } else {
                ""
            }
        };
        let unit_of = |c: &Captures, i: usize| c.get(i).map_or(String::new(), |x| x.as_str().to_lowercase());
        for c in captures(&self.ago, only(gate::AGO)) {
            let m = c.get(0).expect("group 0");
            let n = self.count(c.get(1).map_or("", |x| x.as_str()));
            let unit = unit_of(&c, 2);
            let res = r.map_or(NONE, |r| match unit.as_str() {
                "week" | "month" | "year" => relative(&unit, -n, r),
                "fortnight" => relative("day", -14 * n, r),
                _ => relative("day", -n, r),
            });
            found.push(Found::new(m.start(), m.end(), res, "relative"));
        }
        for c in captures(&self.ahead, only(gate::IN)) {
            let m = c.get(0).expect("group 0");
            // "in two days from today" is read from its anchor instead.
            let rest = text[m.end()..].trim_start().to_lowercase();
            if ["from ", "after ", "before "].iter().any(|w| rest.starts_with(w)) {
                continue;
            }
            let n = self.count(c.get(1).map_or("", |x| x.as_str()));
            let res = r.and_then(|r| shift(&unit_of(&c, 2), n, r)).map_or(NONE, day);
            let mut f = Found::new(m.start(), m.end(), res, "relative");
            f.counted = true;
            found.push(f);
        }
        for c in captures(&self.from_anchor, only(gate::ANCHOR)) {
            let m = c.get(0).expect("group 0");
            let n = self.count(c.get(1).map_or("", |x| x.as_str()));
            let sign = if unit_of(&c, 3) == "before" { -1 } else { 1 };
            let anchor = match unit_of(&c, 4).as_str() {
                "yesterday" => -1,
                "today" | "now" => 0,
                _ => 1,
            };
            let res = r
                .and_then(|r| r.checked_add_signed(Duration::days(anchor)))
                .and_then(|a| shift(&unit_of(&c, 2), sign * n, a))
                .map_or(NONE, day);
            let mut f = Found::new(m.start(), m.end(), res, "relative");
            f.counted = true;
            found.push(f);
        }
    }

    /// "week 31", "the first week of 2015", "the 15th day of next month",
    /// "calendar year 2008".
    fn periods(&self, text: &str, r: Option<NaiveDate>, open: u32, found: &mut Vec<Found>) {
        let on = |g: u32| open & g == g;
        let weeks = if on(gate::WEEK | gate::DIGIT) { text } else { "" };
        for c in captures(&self.week_number, weeks) {
            let m = c.get(0).expect("group 0");
            let Some(w) = c
                .get(1)
                .and_then(|x| x.as_str().parse::<u32>().ok())
                .filter(|w| (1..=53).contains(w))
            else {
                continue;
            };
            let y = match c.get(2) {
                Some(y) => self.year_of(y.as_str(), r),
                None => r.map(|r| r.year()),
            };
            found.push(Found::new(
                m.start(),
                m.end(),
                y.map_or(NONE, |y| iso_week(y, w)),
                "relative",
            ));
        }
        if let Some(re) = self.nth_of.as_ref().filter(|_| on(gate::PERIOD | gate::OF)) {
            for c in re.captures_iter(text) {
                let m = c.get(0).expect("group 0");
                let (Some(nth), Some(unit), Some(of)) = (c.get(1), c.get(2), c.get(3)) else {
                    continue;
                };
                let n = if nth.as_str().eq_ignore_ascii_case("last") {
                    0
                } else {
                    self.day_of(nth.as_str()).unwrap_or(0)
                };
                let unit = unit.as_str().to_lowercase();
                let of_key = key(of.as_str());
                let res = if let Some(mo) = self.month_of(of.as_str()) {
                    match unit.as_str() {
                        "day" if n > 0 => nearest_md(mo, n, r),
                        _ => continue,
                    }
                } else if let Some(y) = self.year_of(of.as_str(), r) {
                    match unit.as_str() {
                        "week" => iso_week(y, n),
                        "month" if (1..=12).contains(&n) => month(y, n),
                        "day" if n > 0 => NaiveDate::from_yo_opt(y, n).map_or(NONE, day),
                        _ => continue,
                    }
                } else if let (Some((u, k)), Some(r)) = (self.relative.get(&of_key), r) {
                    let (y, mo) = calendar::add_months(r.year(), r.month(), *k);
                    match (u.as_str(), unit.as_str()) {
                        ("month", "day") if n > 0 => NaiveDate::from_ymd_opt(y, mo, n).map_or(NONE, day),
                        _ => continue,
                    }
                } else {
                    continue;
                };
                found.push(Found::new(m.start(), m.end(), res, "relative"));
            }
        }
        if let Some(re) = self
            .year_prefix
            .as_ref()
            .filter(|_| on(gate::YEAR_PREFIX | gate::DIGIT))
        {
            for c in re.captures_iter(text) {
                let m = c.get(0).expect("group 0");
                if let Some(y) = c.get(1).and_then(|x| x.as_str().parse::<i32>().ok())
                    && (1000..=2999).contains(&y)
                {
                    found.push(Found::new(m.start(), m.end(), year(y), "year"));
                }
            }
        }
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
        self.year_can_end(text, end)
    }

    /// Whether what follows `end` leaves a year a year (not "2018 people").
    fn year_can_end(&self, text: &str, end: usize) -> bool {
        let after = &text[end..];
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

/// The length of a decade's plural ending at the start of `after` ("s",
/// "'s", "’s" before a word boundary).
fn decade_suffix(after: &str) -> Option<usize> {
    let n = ["s", "'s", "’s"].iter().find(|s| after.starts_with(*s))?.len();
    (!after[n..].starts_with(char::is_alphanumeric)).then_some(n)
}

/// `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it, without parsing a
/// format string for every date.
fn iso_day(d: NaiveDate) -> String {
    let y = d.year();
    if !(0..=9999).contains(&y) {
        return d.format("%Y-%m-%d").to_string();
    }
    let mut out = String::with_capacity(10);
    for n in [y as u32 / 100, y as u32 % 100, 100, d.month(), 100, d.day()] {
        if n == 100 {
            out.push('-');
        } else {
            out.push(char::from(b'0' + (n / 10) as u8));
            out.push(char::from(b'0' + (n % 10) as u8));
        }
    }
    out
}

/// The word (letters only) right before byte `pos`, skipping spaces and a
/// hyphen ("mid-2018").
/// `re.captures_iter(text)`, where a closed gate makes `text` empty: then
/// nothing, without the captures an iterator allocates even for an empty
/// text. No date pattern matches the empty string (a test checks).
fn captures<'r, 't>(re: &'r Regex, text: &'t str) -> impl Iterator<Item = Captures<'t>> + use<'r, 't> {
    (!text.is_empty()).then(|| re.captures_iter(text)).into_iter().flatten()
}

fn previous_word(text: &str, pos: usize) -> &str {
    let before = text[..pos].trim_end_matches([' ', '\t', '\n', '-']);
    let start = before
        .rfind(|c: char| !c.is_alphabetic())
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    &before[start..]
}

/// Runs of exactly four ASCII digits with no ASCII word character on
/// either side, as `(?-u:\b)\d{4}(?-u:\b)` finds them (other digits never
/// parse as a year): a byte scan costs a fraction of the regex.
fn four_digits(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let word = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_');
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            if !b[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            // "2020s" too: a decade.
            let decade = b.get(i) == Some(&b's') && !word(i + 1);
            if i - start == 4 && (start == 0 || !word(start - 1)) && (!word(i) || decade) {
                return Some((start, i));
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::{DateFinder, four_digits};
    use crate::rules::RuleSet;

    #[test]
    fn no_gated_pattern_matches_the_empty_string() {
        // `captures` skips an empty text on this ground.
        let f = DateFinder::new(&RuleSet::defaults());
        for re in [
            &f.compact,
            &f.spaced,
            &f.mixed,
            &f.ago,
            &f.ahead,
            &f.from_anchor,
            &f.week_number,
        ] {
            assert!(!re.is_match(""), "{re}");
        }
    }

    #[test]
    fn four_digits_are_whole_ascii_runs() {
        let text = "In 2018, not 12345, a2019, 2020s or _2021; 2022-2023 and ٢٠٢٤ 2025";
        let found: Vec<&str> = four_digits(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(found, ["2018", "2020", "2022", "2023", "2025"]);
    }

    #[test]
    fn a_decade_spans_ten_years() {
        let d = DateFinder::new(&RuleSet::defaults());
        for text in ["It was founded in the 1930s.", "It was founded in the 1930's."] {
            let found = d.find(text, None);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].low.as_deref(), Some("1930-01-01"), "{text}");
            assert_eq!(found[0].high.as_deref(), Some("1939-12-31"), "{text}");
        }
        assert_eq!(
            d.find("It was founded in 1930.", None)[0].high.as_deref(),
            Some("1930-12-31")
        );
    }
}
