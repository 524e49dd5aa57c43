//! Any UTF-8 text through every extractor, with and without a reference
//! date: no panic, and every facet's span slices the text it reports.
#![no_main]

use std::sync::OnceLock;

use corroborate::extract::Extractor;
use corroborate::rules::RuleSet;
use libfuzzer_sys::fuzz_target;

static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();

fuzz_target!(|text: &str| {
    let ex = EXTRACTOR.get_or_init(|| Extractor::new(&RuleSet::defaults()));
    let reference = chrono::NaiveDate::from_ymd_opt(2018, 1, 10);
    for date in [None, reference] {
        let f = ex.facets(text, 0, date);
        for q in &f.quantities {
            assert_eq!(&text[q.start..q.end], q.text);
        }
        for d in &f.dates {
            assert_eq!(&text[d.start..d.end], d.text);
        }
        for e in &f.entities {
            assert_eq!(&text[e.start..e.end], e.text);
        }
    }
});
