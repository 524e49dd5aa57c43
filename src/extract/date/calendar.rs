//! Calendar arithmetic for the date finder: periods, weeks, holidays and
//! years written in words.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// (value, first day, last day) of a found date.
pub(super) type Res = (Option<String>, Option<NaiveDate>, Option<NaiveDate>);

pub(super) const NONE: Res = (None, None, None);

pub(super) fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

pub(super) fn add_months(y: i32, m: u32, k: i64) -> (i32, u32) {
    let total = i64::from(y) * 12 + i64::from(m) - 1 + k;
    let y = total.div_euclid(12);
    (
        i32::try_from(y).unwrap_or(y.signum() as i32 * 100_000),
        (total.rem_euclid(12) + 1) as u32,
    )
}

pub(super) fn week_start(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// The day `wd` (0 = Monday) of the Monday-Sunday week holding `d`.
pub(super) fn same_week(d: NaiveDate, wd: u32) -> NaiveDate {
    week_start(d) + Duration::days(i64::from(wd))
}

pub(super) fn day(d: NaiveDate) -> Res {
    (Some(d.format("%Y-%m-%d").to_string()), Some(d), Some(d))
}

pub(super) fn month(y: i32, m: u32) -> Res {
    match (NaiveDate::from_ymd_opt(y, m, 1), month_end(y, m)) {
        (Some(a), Some(b)) => (Some(format!("{y:04}-{m:02}")), Some(a), Some(b)),
        _ => NONE,
    }
}

pub(super) fn year(y: i32) -> Res {
    match (NaiveDate::from_ymd_opt(y, 1, 1), NaiveDate::from_ymd_opt(y, 12, 31)) {
        (Some(a), Some(b)) => (Some(format!("{y:04}")), Some(a), Some(b)),
        _ => NONE,
    }
}

pub(super) fn span(a: NaiveDate, b: NaiveDate) -> Res {
    (None, Some(a), Some(b.max(a)))
}

/// ISO week `w` of ISO year `y` (`w` = 0: the year's last week).
pub(super) fn iso_week(y: i32, w: u32) -> Res {
    let w = if w == 0 {
        NaiveDate::from_ymd_opt(y, 12, 28).map_or(52, |d| d.iso_week().week())
    } else {
        w
    };
    match NaiveDate::from_isoywd_opt(y, w, Weekday::Mon) {
        Some(a) => span(a, a + Duration::days(6)),
        None => NONE,
    }
}

/// The first half of a period, cut before the reference ("earlier this
/// month"), or its second half from the reference on ("later this month"):
/// Recognizers-Text's reading.
fn half(a: NaiveDate, mid: NaiveDate, b: NaiveDate, r: NaiveDate, first: bool) -> Res {
    if first {
        span(a, mid.min(r).pred_opt().unwrap_or(a))
    } else {
        span(mid.max(r), b)
    }
}

/// The period a relative unit and offset name, seen from `r`.
pub(super) fn relative(unit: &str, k: i64, r: NaiveDate) -> Res {
    let (base, part) = unit.split_once('_').unwrap_or((unit, ""));
    match base {
        "day" => r.checked_add_signed(Duration::days(k)).map_or(NONE, day),
        "week" | "workweek" => {
            let Some(a) = week_start(r).checked_add_signed(Duration::weeks(k)) else {
                return NONE;
            };
            let b = a + Duration::days(if base == "week" { 6 } else { 4 });
            match part {
                "start" | "end" => half(a, a + Duration::days(3), b, r, part == "start"),
                _ => span(a, b),
            }
        }
        "month" => {
            let (y, m) = add_months(r.year(), r.month(), k);
            let (v, a, b) = month(y, m);
            match (part, a, b) {
                ("start" | "end", Some(a), Some(b)) => half(a, a + Duration::days(15), b, r, part == "start"),
                _ => (v, a, b),
            }
        }
        "year" => {
            let y = i32::try_from(i64::from(r.year()) + k).unwrap_or(0);
            let (v, a, b) = year(y);
            match (part, a, b) {
                ("start" | "end", Some(a), Some(b)) => match NaiveDate::from_ymd_opt(y, 7, 1) {
                    Some(mid) => half(a, mid, b, r, part == "start"),
                    None => NONE,
                },
                ("to", Some(a), _) => span(a, r.pred_opt().unwrap_or(a)),
                _ => (v, a, b),
            }
        }
        _ => NONE,
    }
}

/// `r` moved by `n` units (day, week, fortnight, month, year).
pub(super) fn shift(unit: &str, n: i64, r: NaiveDate) -> Option<NaiveDate> {
    let months = |m: i64| {
        let m32 = chrono::Months::new(u32::try_from(m.unsigned_abs()).ok()?);
        if m >= 0 {
            r.checked_add_months(m32)
        } else {
            r.checked_sub_months(m32)
        }
    };
    match unit {
        "week" => r.checked_add_signed(Duration::try_weeks(n)?),
        "fortnight" => r.checked_add_signed(Duration::try_weeks(2 * n)?),
        "month" => months(n),
        "year" => months(12 * n),
        _ => r.checked_add_signed(Duration::try_days(n)?),
    }
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// A holiday in year `y` from its rule ("12-25", "easter", "11-thu-4") and
/// a shift in days.
pub(super) fn holiday(rule: &str, shift: i64, y: i32) -> Option<NaiveDate> {
    let base = if rule == "easter" {
        easter(y)?
    } else {
        let mut parts = rule.splitn(3, '-');
        let m: u32 = parts.next()?.parse().ok()?;
        let second = parts.next()?;
        match parts.next() {
            None => NaiveDate::from_ymd_opt(y, m, second.parse().ok()?)?,
            Some(n) => {
                let wd: Weekday = second.parse().ok()?;
                let n: i32 = n.parse().ok()?;
                let n8 = u8::try_from(n).ok();
                match n8 {
                    Some(n) if n > 0 => NaiveDate::from_weekday_of_month_opt(y, m, wd, n)?,
                    _ => {
                        let end = month_end(y, m)?;
                        let back = (7 + end.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
                        end - Duration::days(i64::from(back))
                    }
                }
            }
        }
    };
    base.checked_add_signed(Duration::days(shift))
}

/// Splits `s` into words with their byte ends, hyphens counting as spaces.
fn words(s: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain([(s.len(), ' ')]) {
        let part = c.is_alphabetic() || c == '\'';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                out.push((s[a..i].to_lowercase(), i));
                start = None;
                if !(c.is_whitespace() || c == '-') {
                    break;
                }
            }
            (false, None) if !(c.is_whitespace() || c == '-') => break,
            _ => {}
        }
        if out.len() > 8 {
            break;
        }
    }
    out
}

/// A number below 100 in words at `words[i..]`: (value, words used).
fn below_hundred(words: &[(String, usize)], i: usize, numbers: &BTreeMap<String, i64>) -> Option<(i64, usize)> {
    let v = *numbers.get(&words.get(i)?.0)?;
    match v {
        20..=90 if v % 10 == 0 => match words.get(i + 1).and_then(|w| numbers.get(&w.0)) {
            Some(u @ 1..=9) => Some((v + u, 2)),
            _ => Some((v, 1)),
        },
        1..=19 => Some((v, 1)),
        _ => None,
    }
}

/// A year written in words at the start of `s` ("nineteen ninety six", "two
/// thousand and five", "seventeen hundred thirty three"): (bytes, year).
pub(super) fn year_words(s: &str, numbers: &BTreeMap<String, i64>) -> Option<(usize, i32)> {
    let w = words(s);
    let (a, used) = below_hundred(&w, 0, numbers)?;
    let mut i = used;
    let mut y;
    match w.get(i).map(|x| x.0.as_str()) {
        Some("thousand") if (1..=9).contains(&a) => {
            y = a * 1000;
            i += 1;
        }
        Some("hundred") if (10..=20).contains(&a) => {
            y = a * 100;
            i += 1;
        }
        _ if (10..=20).contains(&a) => {
            let (b, n) = below_hundred(&w, i, numbers).filter(|(b, _)| *b >= 10)?;
            let end = w[i + n - 1].1;
            return i32::try_from(a * 100 + b)
                .ok()
                .filter(|y| (1000..=2999).contains(y))
                .map(|y| (end, y));
        }
        _ => return None,
    }
    let mut end = w[i - 1].1;
    let j = if w.get(i).is_some_and(|x| x.0 == "and") {
        i + 1
    } else {
        i
    };
    if let Some((b, n)) = below_hundred(&w, j, numbers) {
        y += b;
        end = w[j + n - 1].1;
    }
    i32::try_from(y)
        .ok()
        .filter(|y| (1000..=2999).contains(y))
        .map(|y| (end, y))
}
