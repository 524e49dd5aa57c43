//! News date forms and things that only look like dates, through the public
//! finder with the default rules. The reference is Wednesday 2018-01-10.

use chrono::NaiveDate;
use corroborate::extract::date::DateFinder;
use corroborate::rules::RuleSet;

fn finder() -> DateFinder {
    DateFinder::new(&RuleSet::defaults())
}

fn reference() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2018, 1, 10)
}

/// Words that are not dates, numbers that are not years, times of day.
const NOT_DATES: &[&str] = &[
    "she may go to the meeting",
    "Theresa May said the plan would work",
    "May I ask a question?",
    "they march on the capital",
    "Protesters will March to the square",
    "The Sun reported the story first",
    "Sun Microsystems was bought",
    "he sat on the board for years",
    "they wed in a small ceremony",
    "sold 2000 units",
    "2018 people attended",
    "the meeting starts at 10:30 am",
    "doors open at 5 p.m.",
    "the score was 7-6 after extra time",
    "the shop is open 24/7",
    "roughly 1/2 of the voters",
    "shares grew 5.12 percent",
    "version 2.1.3 was released",
    "call 555-1234 for details",
    "a 1500-word essay",
    "it cost $2018",
    "at the last minute",
    "Chinese New Year celebrations began",
    "the Boeing 747 and Windows 10",
    "in the second half",
    "the 2010-11 season",
    "you may first want to check",
    "they will march through the city",
];

#[test]
fn not_dates() {
    let f = finder();
    let bad: Vec<_> = NOT_DATES
        .iter()
        .map(|t| (t, f.find(t, reference())))
        .filter(|(_, d)| !d.is_empty())
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
    assert!(NOT_DATES.len() >= 20);
}

/// (text, span found, first day, last day).
const NEWS: &[(&str, &str, &str, &str)] = &[
    ("prices fell last week", "last week", "2018-01-01", "2018-01-07"),
    (
        "the deal was signed earlier this month",
        "earlier this month",
        "2018-01-01",
        "2018-01-09",
    ),
    ("the board met on Tuesday", "Tuesday", "2018-01-09", "2018-01-09"),
    ("the plant opens in 2019", "2019", "2019-01-01", "2019-12-31"),
    ("talks resume in mid-March", "March", "2017-03-01", "2017-03-31"),
    ("sales slowed late last year", "last year", "2017-01-01", "2017-12-31"),
    (
        "the vote is the day after tomorrow",
        "the day after tomorrow",
        "2018-01-12",
        "2018-01-12",
    ),
    ("the vote is next Friday", "next Friday", "2018-01-19", "2018-01-19"),
    ("he resigned two weeks ago", "two weeks ago", "2017-12-25", "2017-12-31"),
    ("results come in 3 days", "in 3 days", "2018-01-13", "2018-01-13"),
    ("output rose this month", "this month", "2018-01-01", "2018-01-31"),
    (
        "founded on Jan 1st, 2016 in Ohio",
        "Jan 1st, 2016",
        "2016-01-01",
        "2016-01-01",
    ),
    ("filed on 1/2/2017 in court", "1/2/2017", "2017-01-02", "2017-01-02"),
    (
        "the law takes effect the first of May",
        "the first of May",
        "2018-05-01",
        "2018-05-01",
    ),
    (
        "the law takes effect May fifth",
        "May fifth",
        "2018-05-05",
        "2018-05-05",
    ),
    (
        "published 2016-11-21 by the agency",
        "2016-11-21",
        "2016-11-21",
        "2016-11-21",
    ),
    (
        "it closed on Tuesday the 5th",
        "Tuesday the 5th",
        "2017-12-05",
        "2017-12-05",
    ),
    (
        "shops shut on Christmas Day",
        "Christmas Day",
        "2017-12-25",
        "2017-12-25",
    ),
    (
        "sales since last Thanksgiving",
        "last Thanksgiving",
        "2017-11-23",
        "2017-11-23",
    ),
    (
        "the strike began on Monday, Jan. 8",
        "Monday, Jan. 8",
        "2018-01-08",
        "2018-01-08",
    ),
    (
        "a summit in the first week of 2018",
        "first week of 2018",
        "2018-01-01",
        "2018-01-07",
    ),
    (
        "the fund lost 4% in the year to date",
        "year to date",
        "2018-01-01",
        "2018-01-09",
    ),
];

#[test]
fn news_forms() {
    let f = finder();
    for (text, span, low, high) in NEWS {
        let found = f.find(text, reference());
        assert_eq!(found.len(), 1, "{text}: {found:#?}");
        let d = &found[0];
        assert_eq!(d.text, *span, "{text}");
        assert_eq!(
            (d.low.as_deref(), d.high.as_deref()),
            (Some(*low), Some(*high)),
            "{text}"
        );
    }
}

#[test]
fn unresolved_without_a_reference() {
    let f = finder();
    for text in ["last week", "on Tuesday", "next Friday", "in March", "Feb 30"] {
        let found = f.find(text, None);
        assert_eq!(found.len(), 1, "{text}: {found:#?}");
        assert_eq!(found[0].low, None, "{text}");
    }
    // An impossible date is still a date, with no bounds.
    let d = f.find("on Feb 30, 2019", reference());
    assert_eq!((d.len(), d[0].low.as_deref()), (1, None));
}
