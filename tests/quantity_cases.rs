//! Quantities in the forms news writes and the public specs lack, and
//! strings with digits that are no quantity at all. Every sample here is
//! written for this test.

use corroborate::extract::quantity::QuantityFinder;
use corroborate::model::Quantity;
use corroborate::rules::RuleSet;

fn finder() -> QuantityFinder {
    QuantityFinder::new(&RuleSet::defaults())
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        _ => false,
    }
}

/// text, span of the first quantity, value, low, high, unit, counted noun.
type Row = (
    &'static str,
    &'static str,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Option<&'static str>,
    Option<&'static str>,
);

const NEWS: &[Row] = &[
    // A hyphen between the figure and the scale word, a Canadian and US
    // newspaper style: the scale still applies.
    (
        "the province signed a $5.4-billion deal",
        "$5.4-billion",
        Some(5.4e9),
        Some(5.4e9),
        Some(5.4e9),
        Some("USD"),
        None,
    ),
    // Tokenised text (a space on each side of every hyphen) keeps it too.
    (
        "the firm paid $2.6 - million for the site",
        "$2.6 - million",
        Some(2.6e6),
        Some(2.6e6),
        Some(2.6e6),
        Some("USD"),
        None,
    ),
    (
        "a $12-million grant",
        "$12-million",
        Some(1.2e7),
        Some(1.2e7),
        Some(1.2e7),
        Some("USD"),
        None,
    ),
    (
        "a $32bn takeover",
        "$32bn",
        Some(3.2e10),
        Some(3.2e10),
        Some(3.2e10),
        Some("USD"),
        None,
    ),
    (
        "fined £74m",
        "£74m",
        Some(7.4e7),
        Some(7.4e7),
        Some(7.4e7),
        Some("GBP"),
        None,
    ),
    (
        "hundreds of millions of viewers",
        "hundreds of millions",
        None,
        Some(1e8),
        Some(1e9),
        None,
        Some("viewers"),
    ),
    (
        "tens of millions of accounts",
        "tens of millions",
        None,
        Some(1e7),
        Some(1e8),
        None,
        Some("accounts"),
    ),
    (
        "dozens of flights",
        "dozens",
        None,
        Some(24.0),
        Some(144.0),
        None,
        Some("flights"),
    ),
    (
        "at least 10 people",
        "at least 10",
        Some(10.0),
        Some(10.0),
        None,
        None,
        Some("people"),
    ),
    (
        "about 50 schools",
        "about 50",
        Some(50.0),
        Some(45.0),
        Some(55.0),
        None,
        Some("schools"),
    ),
    (
        "nearly 40 workers",
        "nearly 40",
        Some(40.0),
        None,
        Some(40.0),
        None,
        Some("workers"),
    ),
    (
        "more than 170 countries",
        "more than 170",
        Some(170.0),
        Some(170.0),
        None,
        None,
        Some("countries"),
    ),
    (
        "over 70 million people",
        "over 70 million",
        Some(7e7),
        Some(7e7),
        None,
        None,
        Some("people"),
    ),
    (
        "up to 20 years",
        "up to 20",
        Some(20.0),
        None,
        Some(20.0),
        None,
        Some("years"),
    ),
    (
        "between 5 and 7 reporters",
        "between 5 and 7",
        None,
        Some(5.0),
        Some(7.0),
        None,
        Some("reporters"),
    ),
    (
        "5-7 reporters",
        "5-7",
        None,
        Some(5.0),
        Some(7.0),
        None,
        Some("reporters"),
    ),
    (
        "rose 3 percentage points",
        "3 percentage points",
        Some(3.0),
        Some(3.0),
        Some(3.0),
        Some("percentage points"),
        None,
    ),
    (
        "rose 3 per cent",
        "3 per cent",
        Some(3.0),
        Some(3.0),
        Some(3.0),
        Some("percent"),
        None,
    ),
    // The predicate's object is not what the subject's figure counts.
    (
        "two powerful storms flattened 40 homes",
        "two",
        Some(2.0),
        Some(2.0),
        Some(2.0),
        None,
        Some("storms"),
    ),
    (
        "12 newly elected members",
        "12",
        Some(12.0),
        Some(12.0),
        Some(12.0),
        None,
        Some("members"),
    ),
    (
        "18 members",
        "18",
        Some(18.0),
        Some(18.0),
        Some(18.0),
        None,
        Some("members"),
    ),
    (
        "170 countries",
        "170",
        Some(170.0),
        Some(170.0),
        Some(170.0),
        None,
        Some("countries"),
    ),
    (
        "two and a half years",
        "two and a half",
        Some(2.5),
        Some(2.5),
        Some(2.5),
        None,
        Some("years"),
    ),
    (
        "half a million homes",
        "half a million",
        Some(5e5),
        Some(5e5),
        Some(5e5),
        None,
        Some("homes"),
    ),
    (
        "a third of voters",
        "a third",
        Some(1.0 / 3.0),
        Some(1.0 / 3.0),
        Some(1.0 / 3.0),
        Some("fraction"),
        Some("voters"),
    ),
    (
        "two-thirds of the board",
        "two-thirds",
        Some(2.0 / 3.0),
        Some(2.0 / 3.0),
        Some(2.0 / 3.0),
        Some("fraction"),
        None,
    ),
    (
        "twenty-one clinics",
        "twenty-one",
        Some(21.0),
        Some(21.0),
        Some(21.0),
        None,
        Some("clinics"),
    ),
    (
        "two hundred and fifty jobs",
        "two hundred and fifty",
        Some(250.0),
        Some(250.0),
        Some(250.0),
        None,
        Some("jobs"),
    ),
    (
        "1,234.56 tonnes",
        "1,234.56 tonnes",
        Some(1234.56),
        Some(1234.56),
        Some(1234.56),
        Some("t"),
        None,
    ),
    (
        "10k runners",
        "10k",
        Some(1e4),
        Some(1e4),
        Some(1e4),
        None,
        Some("runners"),
    ),
    (
        "3 dozen eggs",
        "3 dozen",
        Some(36.0),
        Some(36.0),
        Some(36.0),
        None,
        Some("eggs"),
    ),
    (
        "minus 5 degrees",
        "minus 5 degrees",
        Some(-5.0),
        Some(-5.0),
        Some(-5.0),
        Some("degrees"),
        None,
    ),
    (
        "fell -2.5%",
        "-2.5%",
        Some(-2.5),
        Some(-2.5),
        Some(-2.5),
        Some("percent"),
        None,
    ),
    (
        "1.5 million barrels",
        "1.5 million barrels",
        Some(1.5e6),
        Some(1.5e6),
        Some(1.5e6),
        Some("barrels"),
        None,
    ),
    (
        "a 12-cent dividend",
        "12-cent",
        Some(12.0),
        Some(12.0),
        Some(12.0),
        Some("cent"),
        None,
    ),
    (
        "it cost 3 dollars 50 cents",
        "3 dollars 50 cents",
        Some(3.5),
        Some(3.5),
        Some(3.5),
        Some("USD"),
        None,
    ),
    (
        "35 lakh rupees",
        "35 lakh rupees",
        Some(3.5e6),
        Some(3.5e6),
        Some(3.5e6),
        Some("INR"),
        None,
    ),
    // A bound written after the figure: in the span before the thing
    // counted, outside it after.
    (
        "50 or more people were hurt",
        "50 or more",
        Some(50.0),
        Some(50.0),
        None,
        None,
        Some("people"),
    ),
    (
        "firms with 50 employees or fewer",
        "50",
        Some(50.0),
        None,
        Some(50.0),
        None,
        Some("employees"),
    ),
    (
        "a fine of $5 million or less",
        "$5 million or less",
        Some(5e6),
        None,
        Some(5e6),
        Some("USD"),
        None,
    ),
    (
        "he faces 10 years or more in prison",
        "10",
        Some(10.0),
        Some(10.0),
        None,
        None,
        Some("years"),
    ),
    (
        "a figure greater than 4,565",
        "greater than 4,565",
        Some(4565.0),
        Some(4565.0),
        None,
        None,
        None,
    ),
    // Two figures joined by "or" are two figures, not a bound.
    (
        "we sold 20 or 30 cars",
        "20",
        Some(20.0),
        Some(20.0),
        Some(20.0),
        None,
        None,
    ),
    // A mixed number, as tokenised text spaces it, and hyphened: one
    // figure, not a range down to a half.
    (
        "the battery lasts 4 1 / 2 hours",
        "4 1 / 2",
        Some(4.5),
        Some(4.5),
        Some(4.5),
        None,
        Some("hours"),
    ),
    (
        "he served a 4-1/2-month prison term",
        "4-1/2",
        Some(4.5),
        Some(4.5),
        Some(4.5),
        None,
        Some("month"),
    ),
    // The scale after a hyphened fraction is the whole number's too.
    (
        "the contract is worth $5-1/2 million a year",
        "$5-1/2 million",
        Some(5.5e6),
        Some(5.5e6),
        Some(5.5e6),
        Some("USD"),
        None,
    ),
];

#[test]
fn news_forms() {
    let f = finder();
    let mut wrong = Vec::new();
    for &(text, span, value, low, high, unit, counted) in NEWS {
        let found = f.find(text);
        let ok = found.first().is_some_and(|q: &Quantity| {
            q.text == span
                && close(q.value, value)
                && close(q.low, low)
                && close(q.high, high)
                && q.unit.as_deref() == unit
                && q.counted.as_deref() == counted
        });
        if !ok {
            wrong.push((text, found));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn bracketed_conversion_links_two_amounts() {
    let text = "a fine of 85 million euros ($108 million) was imposed";
    let found = finder().find(text);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].unit.as_deref(), Some("EUR"));
    assert_eq!(found[1].unit.as_deref(), Some("USD"));
    assert!(close(found[1].value, Some(1.08e8)));
    assert_eq!(QuantityFinder::conversions(text, &found), vec![(0, 1)]);
    // Two amounts side by side without brackets are two figures.
    let text = "85 million euros and $108 million";
    let found = finder().find(text);
    assert!(QuantityFinder::conversions(text, &found).is_empty());
}

/// Digits that name, label or locate: never a quantity. A year alone is a
/// date, left to the date finder, so it yields no quantity either.
const NOT_QUANTITIES: &[&str] = &[
    // A spaced slash that makes no proper fraction is no figure, as unspaced:
    // neither side counts what follows ("41 / 2 months" lost a space).
    "the store is open 24 / 7 now",
    "he served 41 / 2 months",
    // Digits around a colon: a clock time, a score, a ratio.
    "posted December 15 , 2008 , 7 : 35 am",
    "the meeting ended at 13:42",
    "they mixed it 3:2 with water",
    "H.R. 4747",
    "S. 2391",
    "the Boeing 737 MAX",
    "Windows 11",
    "the iPhone 12",
    "5G",
    "4K video",
    "the 9400M (a graphics chip)",
    "shares of 3M",
    "the Fortune 100",
    "COVID-19",
    "Section 702",
    "Route 1",
    "Interstate 80",
    "call 212-555-0198",
    "call (415) 555-0100",
    "ranked 3rd",
    "the 2nd-largest",
    "the 21st century",
    "at 7:45 p.m.",
    "ISBN 978-3-16-148410-0",
    "version 3.2",
    "Python 3.11",
    "Flight 93",
    "the 9/11 attacks",
    "24/7 coverage",
    "a 50/50 split",
    "the 49ers",
    "7-Eleven",
    "Area 51",
    "Catch-22",
    "Proposition 8",
    "G20 leaders",
    "the B-52 bomber",
    "the Airbus A320",
    "PS5",
    "Form 10-K",
    "Title 42",
    "Highway 101",
    "Formula 1",
    "Room 101",
    "UN Resolution 2334",
    "Gate 5",
    "Channel 4",
    "Galaxy S21",
    "Model 3",
    "Level 4 autonomy",
    "Stage 3 cancer",
    "Phase 2 trial",
    "Category 5 hurricane",
    "IPv6",
    "MP3 files",
    "the 1980s",
    "Apollo 13",
    "Episode 7",
    "in 2019",
    "at 10 a.m.",
    "on 2 May",
    "the second half",
    "in the third quarter",
    "which one is it",
    // Names, models, laws, routes, phone numbers, times and dates.
    "the first time",
    "came 2nd in the race",
    "the third-largest maker",
    "in 2012",
    "at CES 2018",
    "2018",
    "since 2011 it has grown",
    "H.R. 5120",
    "the Fortune 500",
    "4G LTE",
    "a Boeing 747",
    "Windows 10",
    "the Zephyr 9 Pro",
    "the iPhone 8",
    "the G7 summit",
    "the F-35",
    "Section 230",
    "Article 5",
    "Title IX",
    "No. 10",
    "Flight 370",
    "Route 66",
    "Interstate 95",
    "123RF",
    "call 555-0123",
    "call +1 202 555 0147",
    "call (202) 555-0147",
    "at 10:30",
    "at 10:30 a.m.",
    "at 9 a.m.",
    "on 2018-01-10",
    "on Jan. 10",
    "on January 10, 2018",
    "10 January 2018",
    "on the 10th of January",
    "version 2.3.1",
    "v1.2.3",
    "in the 1990s",
    "Apollo 11",
    "Air Force One",
    "the MH-17 crash",
    "Super Bowl LII",
    "#1 seller",
    "one of the biggest",
    "no one knew",
    "the Galaxy S9",
    "Xbox 360",
    "PlayStation 4",
    "the A380",
    "Snapdragon 845",
    "Mark Zuckerberg's 2004 project",
    "until 2020",
    "by 1999",
    "the U-2 spy plane",
    "chapter 11 bankruptcy",
    "Chapter 11",
    "page 4",
    "on 12/01/2018",
    "https://example.com/news/2018/01/10/3-dead-in-blast",
    "www.example.org/search?q=30%25",
    "press2018@example.com",
];

#[test]
fn not_quantities() {
    let f = finder();
    let bad: Vec<(&str, Vec<Quantity>)> = NOT_QUANTITIES
        .iter()
        .map(|t| (*t, f.find(t)))
        .filter(|(_, q)| !q.is_empty())
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
    assert!(NOT_QUANTITIES.len() >= 50);
}
