//! Dates: absolute and relative, resolved against a reference date.

use chrono::NaiveDate;

use crate::model::DateFacet;
use crate::rules::RuleSet;

/// Finds dates; compiled once from the rules.
#[derive(Debug, Clone)]
pub struct DateFinder {}

impl DateFinder {
    pub fn new(_rules: &RuleSet) -> DateFinder {
        DateFinder {}
    }

    /// Every date in `text`, offsets into `text`, in order. Relative dates
    /// resolve against `reference` and stay unresolved without one.
    pub fn find(&self, _text: &str, _reference: Option<NaiveDate>) -> Vec<DateFacet> {
        Vec::new()
    }
}
