//! Quantities: numbers with their range, approximator, scale, unit, the thing
//! counted and its measure class.

use crate::model::Quantity;
use crate::rules::RuleSet;

/// Finds quantities; compiled once from the rules.
#[derive(Debug, Clone)]
pub struct QuantityFinder {}

impl QuantityFinder {
    pub fn new(_rules: &RuleSet) -> QuantityFinder {
        QuantityFinder {}
    }

    /// Every quantity in `text`, offsets into `text`, in order.
    pub fn find(&self, _text: &str) -> Vec<Quantity> {
        Vec::new()
    }
}
