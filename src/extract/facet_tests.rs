//! Tests of the quantity and date finders, and of every example of their
//! rule sections.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::date::DateFinder;
use super::quantity::QuantityFinder;
use crate::model::{DateFacet, Quantity};
use crate::rules::{self, Example, RuleSet};

const PACKS: &[(&str, &str)] = &[
    ("rules/quantities.toml", include_str!("../../rules/quantities.toml")),
    ("rules/measures.toml", include_str!("../../rules/measures.toml")),
    ("rules/dates.toml", include_str!("../../rules/dates.toml")),
];

fn rules() -> RuleSet {
    let mut set = RuleSet::default();
    for (p, text) in PACKS {
        set.add(p, rules::parse_pack(p, text).unwrap_or_else(|e| panic!("{e}")));
    }
    set
}

fn qf() -> QuantityFinder {
    QuantityFinder::new(&rules())
}

fn df() -> DateFinder {
    DateFinder::new(&rules())
}

fn one(text: &str) -> Quantity {
    let qs = qf().find(text);
    assert_eq!(qs.len(), 1, "{text}: {qs:#?}");
    qs.into_iter().next().unwrap()
}

fn reference() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2018, 1, 10)
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
        (None, None) => true,
        _ => false,
    }
}

#[track_caller]
fn check(
    text: &str,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<&str>,
    counted: Option<&str>,
    measure: Option<&str>,
) {
    let q = one(text);
    assert!(close(q.value, value), "{text}: value {:?} != {value:?}", q.value);
    assert!(close(q.low, low), "{text}: low {:?} != {low:?}", q.low);
    assert!(close(q.high, high), "{text}: high {:?} != {high:?}", q.high);
    assert_eq!(q.unit.as_deref(), unit, "{text}: unit");
    assert_eq!(q.counted.as_deref(), counted, "{text}: counted");
    assert_eq!(q.measure.as_deref(), measure, "{text}: measure");
}

#[test]
fn news_money() {
    check(
        "a $47bn deal",
        Some(4.7e10),
        Some(4.7e10),
        Some(4.7e10),
        Some("USD"),
        None,
        Some("money"),
    );
    check(
        "paid £74m",
        Some(7.4e7),
        Some(7.4e7),
        Some(7.4e7),
        Some("GBP"),
        None,
        Some("money"),
    );
    check(
        "a €1.2bn fine",
        Some(1.2e9),
        Some(1.2e9),
        Some(1.2e9),
        Some("EUR"),
        None,
        Some("money"),
    );
    check(
        "US$3.5 billion",
        Some(3.5e9),
        Some(3.5e9),
        Some(3.5e9),
        Some("USD"),
        None,
        Some("money"),
    );
    check(
        "5 billion yuan",
        Some(5e9),
        Some(5e9),
        Some(5e9),
        Some("CNY"),
        None,
        Some("money"),
    );
    let qs = qf().find("a fine of 85 million euros ($108 million) was imposed");
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!((qs[0].value, qs[0].unit.as_deref()), (Some(8.5e7), Some("EUR")));
    assert_eq!(qs[0].text, "85 million euros");
    assert_eq!((qs[1].value, qs[1].unit.as_deref()), (Some(1.08e8), Some("USD")));
    assert_eq!(qs[1].text, "$108 million");
}

#[test]
fn news_counts() {
    let q = one("over 40 million people");
    assert_eq!(q.approximator.as_deref(), Some("over"));
    assert_eq!(q.text, "over 40 million");
    check(
        "over 40 million people",
        Some(4e7),
        Some(4e7),
        None,
        None,
        Some("people"),
        Some("people"),
    );
    check(
        "hundreds of millions of consumers",
        None,
        Some(1e8),
        Some(1e9),
        None,
        Some("consumers"),
        Some("people"),
    );
    check(
        "in more than 120 countries",
        Some(120.0),
        Some(120.0),
        None,
        None,
        Some("countries"),
        Some("countries"),
    );
    check(
        "tens of millions of new Globex devices",
        None,
        Some(1e7),
        Some(1e8),
        None,
        Some("devices"),
        Some("devices"),
    );
    check(
        "18 members of the US Senate",
        Some(18.0),
        Some(18.0),
        Some(18.0),
        None,
        Some("members"),
        Some("people"),
    );
    check(
        "six top U.S. intelligence chiefs said",
        Some(6.0),
        Some(6.0),
        Some(6.0),
        None,
        Some("chiefs"),
        Some("people"),
    );
    check(
        "Eighteen senators",
        Some(18.0),
        Some(18.0),
        Some(18.0),
        None,
        Some("senators"),
        Some("people"),
    );
    check(
        "twenty-five workers",
        Some(25.0),
        Some(25.0),
        Some(25.0),
        None,
        Some("workers"),
        Some("people"),
    );
    check(
        "a dozen firms",
        Some(12.0),
        Some(12.0),
        Some(12.0),
        None,
        Some("firms"),
        Some("companies"),
    );
    check(
        "1,200 passengers",
        Some(1200.0),
        Some(1200.0),
        Some(1200.0),
        None,
        Some("passengers"),
        Some("people"),
    );
    check(
        "3.5 million subscribers",
        Some(3.5e6),
        Some(3.5e6),
        Some(3.5e6),
        None,
        Some("subscribers"),
        Some("people"),
    );
    check(
        "ten years",
        Some(10.0),
        Some(10.0),
        Some(10.0),
        None,
        Some("years"),
        Some("time"),
    );
}

#[test]
fn percent_and_units() {
    check(
        "90 per cent",
        Some(90.0),
        Some(90.0),
        Some(90.0),
        Some("percent"),
        None,
        Some("percent"),
    );
    check(
        "90%",
        Some(90.0),
        Some(90.0),
        Some(90.0),
        Some("percent"),
        None,
        Some("percent"),
    );
    check(
        "90 percent",
        Some(90.0),
        Some(90.0),
        Some(90.0),
        Some("percent"),
        None,
        Some("percent"),
    );
    check(
        "over 90 per cent of smartphones",
        Some(90.0),
        Some(90.0),
        None,
        Some("percent"),
        Some("smartphones"),
        Some("percent"),
    );
    check(
        "3 percentage points",
        Some(3.0),
        Some(3.0),
        Some(3.0),
        Some("percentage points"),
        None,
        Some("percentage points"),
    );
    check(
        "5 km",
        Some(5.0),
        Some(5.0),
        Some(5.0),
        Some("km"),
        None,
        Some("distance"),
    );
    check(
        "10 miles away",
        Some(10.0),
        Some(10.0),
        Some(10.0),
        Some("mi"),
        None,
        Some("distance"),
    );
    // A word that names no currency by itself ("other" is the code of the
    // rule for currencies read by name) is no unit.
    check(
        "two other rifles",
        Some(2.0),
        Some(2.0),
        Some(2.0),
        None,
        Some("rifles"),
        None,
    );
    // A measure's noun before a plural head only modifies it.
    check(
        "13 home runs",
        Some(13.0),
        Some(13.0),
        Some(13.0),
        None,
        Some("runs"),
        None,
    );
    check(
        "300 police officers",
        Some(300.0),
        Some(300.0),
        Some(300.0),
        None,
        Some("officers"),
        Some("people"),
    );
    // A unit glued to grouped digits.
    check(
        "fell about 2,000ft",
        Some(2000.0),
        Some(1800.0),
        Some(2200.0),
        Some("ft"),
        None,
        Some("distance"),
    );
    // Text split into tokens spaces the thousands comma on both sides.
    check(
        "170 , 000 people",
        Some(170000.0),
        Some(170000.0),
        Some(170000.0),
        None,
        Some("people"),
        Some("people"),
    );
    check(
        "a 7.1 magnitude quake",
        Some(7.1),
        Some(7.1),
        Some(7.1),
        Some("magnitude"),
        None,
        Some("magnitude"),
    );
}

#[test]
fn approximators_and_ranges() {
    check("dozens", None, Some(24.0), Some(144.0), None, None, None);
    check("at least 10", Some(10.0), Some(10.0), None, None, None, None);
    check("about 50", Some(50.0), Some(45.0), Some(55.0), None, None, None);
    check("nearly 50", Some(50.0), None, Some(50.0), None, None, None);
    check("up to 20", Some(20.0), None, Some(20.0), None, None, None);
    check("between 5 and 7", None, Some(5.0), Some(7.0), None, None, None);
    check("5-7", None, Some(5.0), Some(7.0), None, None, None);
    check(
        "5 to 7 million people",
        None,
        Some(5e6),
        Some(7e6),
        None,
        Some("people"),
        Some("people"),
    );
    check(
        "$5-$7 billion",
        None,
        Some(5e9),
        Some(7e9),
        Some("USD"),
        None,
        Some("money"),
    );
    assert_eq!(one("between 5 and 7").approximator.as_deref(), Some("between"));
    assert_eq!(one("nearly 50").approximator.as_deref(), Some("nearly"));
    assert_eq!(
        one("More than 120 countries").approximator.as_deref(),
        Some("more than")
    );
}

#[test]
fn spans_are_offsets() {
    let text = "Officials said over 40 million people and £74m were involved.";
    for q in qf().find(text) {
        assert_eq!(&text[q.start..q.end], q.text);
    }
}

fn date(text: &str, r: Option<NaiveDate>) -> DateFacet {
    let ds = df().find(text, r);
    assert_eq!(ds.len(), 1, "{text}: {ds:#?}");
    ds.into_iter().next().unwrap()
}

/// text, resolve with the reference?, value, low, high, kind.
type DateRow = (
    &'static str,
    bool,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
);

#[test]
fn dates_table() {
    let r = reference();
    // text, reference?, value, low, high, kind
    let table: &[DateRow] = &[
        (
            "on 2018-01-10",
            false,
            Some("2018-01-10"),
            Some("2018-01-10"),
            Some("2018-01-10"),
            "absolute",
        ),
        (
            "January 10, 2018",
            false,
            Some("2018-01-10"),
            Some("2018-01-10"),
            Some("2018-01-10"),
            "absolute",
        ),
        (
            "Jan. 10, 2018",
            false,
            Some("2018-01-10"),
            Some("2018-01-10"),
            Some("2018-01-10"),
            "absolute",
        ),
        (
            "10 January 2018",
            false,
            Some("2018-01-10"),
            Some("2018-01-10"),
            Some("2018-01-10"),
            "absolute",
        ),
        (
            "on Tuesday, January 9, 2018,",
            false,
            Some("2018-01-09"),
            Some("2018-01-09"),
            Some("2018-01-09"),
            "absolute",
        ),
        (
            "January 2018",
            false,
            Some("2018-01"),
            Some("2018-01-01"),
            Some("2018-01-31"),
            "month",
        ),
        (
            "in February 2016",
            false,
            Some("2016-02"),
            Some("2016-02-01"),
            Some("2016-02-29"),
            "month",
        ),
        (
            "in 2012",
            false,
            Some("2012"),
            Some("2012-01-01"),
            Some("2012-12-31"),
            "year",
        ),
        (
            "since 2011",
            false,
            Some("2011"),
            Some("2011-01-01"),
            Some("2011-12-31"),
            "year",
        ),
        (
            "CES 2018",
            false,
            Some("2018"),
            Some("2018-01-01"),
            Some("2018-12-31"),
            "year",
        ),
        (
            "in January",
            true,
            Some("2018-01"),
            Some("2018-01-01"),
            Some("2018-01-31"),
            "month",
        ),
        (
            "in March",
            true,
            Some("2017-03"),
            Some("2017-03-01"),
            Some("2017-03-31"),
            "month",
        ),
        ("in January", false, None, None, None, "month"),
        (
            "on Jan. 8",
            true,
            Some("2018-01-08"),
            Some("2018-01-08"),
            Some("2018-01-08"),
            "absolute",
        ),
        (
            "on Dec. 28",
            true,
            Some("2017-12-28"),
            Some("2017-12-28"),
            Some("2017-12-28"),
            "absolute",
        ),
        (
            "Tuesday",
            true,
            Some("2018-01-09"),
            Some("2018-01-09"),
            Some("2018-01-09"),
            "weekday",
        ),
        (
            "on Wednesday",
            true,
            Some("2018-01-10"),
            Some("2018-01-10"),
            Some("2018-01-10"),
            "weekday",
        ),
        (
            "on Thursday",
            true,
            Some("2018-01-04"),
            Some("2018-01-04"),
            Some("2018-01-04"),
            "weekday",
        ),
        (
            "last Tuesday",
            true,
            Some("2018-01-02"),
            Some("2018-01-02"),
            Some("2018-01-02"),
            "weekday",
        ),
        (
            "next Monday",
            true,
            Some("2018-01-15"),
            Some("2018-01-15"),
            Some("2018-01-15"),
            "weekday",
        ),
        ("on Tuesday", false, None, None, None, "weekday"),
        (
            "today",
            true,
            Some("2018-01-10"),
            Some("2018-01-10"),
            Some("2018-01-10"),
            "relative",
        ),
        (
            "yesterday",
            true,
            Some("2018-01-09"),
            Some("2018-01-09"),
            Some("2018-01-09"),
            "relative",
        ),
        (
            "tomorrow",
            true,
            Some("2018-01-11"),
            Some("2018-01-11"),
            Some("2018-01-11"),
            "relative",
        ),
        (
            "last week",
            true,
            None,
            Some("2018-01-01"),
            Some("2018-01-07"),
            "relative",
        ),
        (
            "this week",
            true,
            None,
            Some("2018-01-08"),
            Some("2018-01-14"),
            "relative",
        ),
        (
            "next week",
            true,
            None,
            Some("2018-01-15"),
            Some("2018-01-21"),
            "relative",
        ),
        (
            "last month",
            true,
            Some("2017-12"),
            Some("2017-12-01"),
            Some("2017-12-31"),
            "relative",
        ),
        (
            "this month",
            true,
            Some("2018-01"),
            Some("2018-01-01"),
            Some("2018-01-31"),
            "relative",
        ),
        (
            "earlier this month",
            true,
            None,
            Some("2018-01-01"),
            Some("2018-01-09"),
            "relative",
        ),
        (
            "later this month",
            true,
            None,
            Some("2018-01-16"),
            Some("2018-01-31"),
            "relative",
        ),
        (
            "earlier this week",
            true,
            None,
            Some("2018-01-08"),
            Some("2018-01-09"),
            "relative",
        ),
        (
            "last year",
            true,
            Some("2017"),
            Some("2017-01-01"),
            Some("2017-12-31"),
            "relative",
        ),
        (
            "this year",
            true,
            Some("2018"),
            Some("2018-01-01"),
            Some("2018-12-31"),
            "relative",
        ),
        (
            "earlier this year",
            true,
            None,
            Some("2018-01-01"),
            Some("2018-01-09"),
            "relative",
        ),
        (
            "next year",
            true,
            Some("2019"),
            Some("2019-01-01"),
            Some("2019-12-31"),
            "relative",
        ),
        (
            "3 days ago",
            true,
            Some("2018-01-07"),
            Some("2018-01-07"),
            Some("2018-01-07"),
            "relative",
        ),
        (
            "two weeks ago",
            true,
            None,
            Some("2017-12-25"),
            Some("2017-12-31"),
            "relative",
        ),
        (
            "six months ago",
            true,
            Some("2017-07"),
            Some("2017-07-01"),
            Some("2017-07-31"),
            "relative",
        ),
        (
            "a year ago",
            true,
            Some("2017"),
            Some("2017-01-01"),
            Some("2017-12-31"),
            "relative",
        ),
        ("last week", false, None, None, None, "relative"),
        ("yesterday", false, None, None, None, "relative"),
    ];
    for (text, with_ref, value, low, high, kind) in table {
        let d = date(text, if *with_ref { r } else { None });
        assert_eq!(d.value.as_deref(), *value, "{text}: value");
        assert_eq!(d.low.as_deref(), *low, "{text}: low");
        assert_eq!(d.high.as_deref(), *high, "{text}: high");
        assert_eq!(d.kind, *kind, "{text}: kind");
        assert_eq!(&text[d.start..d.end], d.text);
    }
}

#[test]
fn not_dates() {
    let f = df();
    for text in [
        "at the last minute",
        "2018 people attended",
        "it may rain",
        "they march on",
        "$2018",
        "1,2018",
        "a 1500-word essay",
        "sold 2000 units",
        "the last one",
    ] {
        let ds = f.find(text, reference());
        assert!(ds.is_empty(), "{text}: {ds:#?}");
    }
}

#[test]
fn dates_in_a_sentence() {
    let text = "On Tuesday, the company said it sold 2,000 phones in March, up from 2017, and will report next week.";
    let ds = df().find(text, reference());
    let kinds: Vec<&str> = ds.iter().map(|d| d.kind.as_str()).collect();
    assert_eq!(kinds, ["weekday", "month", "year", "relative"], "{ds:#?}");
}

fn check_quantity_example(section: &str, id: &str, ex: &Example, f: &QuantityFinder) {
    let qs = f.find(&ex.text);
    let at = format!("[[{section}]] {id}: {:?} -> {qs:#?}", ex.text);
    if let Some(n) = ex.count {
        assert_eq!(qs.len(), n, "{at}");
    }
    let first = qs.first();
    if ex.value.is_some() {
        assert!(close(first.and_then(|q| q.value), ex.value), "value {at}");
    }
    if ex.low.is_some() {
        assert!(close(first.and_then(|q| q.low), ex.low), "low {at}");
    }
    if ex.high.is_some() {
        assert!(close(first.and_then(|q| q.high), ex.high), "high {at}");
    }
    if let Some(u) = &ex.unit {
        assert_eq!(first.and_then(|q| q.unit.as_deref()), Some(u.as_str()), "unit {at}");
    }
    if let Some(m) = &ex.measure {
        assert_eq!(
            first.and_then(|q| q.measure.as_deref()),
            Some(m.as_str()),
            "measure {at}"
        );
    }
}

#[test]
fn rule_examples() {
    let set = rules();
    let f = QuantityFinder::new(&set);
    let d = DateFinder::new(&set);
    let mut n = 0;
    macro_rules! run {
        ($($field:ident),*) => {$(
            for r in &set.$field {
                assert!(!r.description.trim().is_empty(), "{} has no description", r.id);
                assert!(!r.examples.is_empty(), "{} has no examples", r.id);
                for ex in &r.examples {
                    check_quantity_example(stringify!($field), &r.id, ex, &f);
                    n += 1;
                }
            }
        )*};
    }
    run!(approximators, scales, currencies, vague, units, measures, not_quantity);
    for r in &set.calendar {
        assert!(!r.description.trim().is_empty(), "{} has no description", r.id);
        assert!(!r.examples.is_empty(), "{} has no examples", r.id);
        for ex in &r.examples {
            let reference = ex
                .date
                .as_deref()
                .map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
            let ds = d.find(&ex.text, reference);
            let at = format!("[[calendar]] {}: {:?} -> {ds:#?}", r.id, ex.text);
            if let Some(c) = ex.count {
                assert_eq!(ds.len(), c, "{at}");
            }
            if let Some(e) = &ex.expect {
                let first = ds.first().unwrap_or_else(|| panic!("{at}"));
                match e.split_once("..") {
                    Some((lo, hi)) => {
                        assert_eq!(first.low.as_deref(), Some(lo), "{at}");
                        assert_eq!(first.high.as_deref(), Some(hi), "{at}");
                    }
                    None => assert_eq!(first.value.as_deref(), Some(e.as_str()), "{at}"),
                }
            }
            n += 1;
        }
    }
    assert!(n > 60, "only {n} examples");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
    #[test]
    fn no_panic_and_valid_spans(s in "\\PC{0,80}|[0-9$£€¥%,.\\- a-zA-Z]{0,60}") {
        let set = rules();
        let (f, d) = (QuantityFinder::new(&set), DateFinder::new(&set));
        for q in f.find(&s) {
            prop_assert!(q.start < q.end && q.end <= s.len());
            prop_assert!(s.is_char_boundary(q.start) && s.is_char_boundary(q.end));
            prop_assert_eq!(&s[q.start..q.end], q.text.as_str());
        }
        for r in [None, reference()] {
            for x in d.find(&s, r) {
                prop_assert!(x.start < x.end && x.end <= s.len());
                prop_assert!(s.is_char_boundary(x.start) && s.is_char_boundary(x.end));
            }
        }
    }
}
