//! Any UTF-8 text: spans in order, on character boundaries, covering every
//! non-whitespace character.
#![no_main]

use std::sync::OnceLock;

use corroborate::rules::RuleSet;
use corroborate::segment::Segmenter;
use libfuzzer_sys::fuzz_target;

static SEGMENTER: OnceLock<Segmenter> = OnceLock::new();

fuzz_target!(|text: &str| {
    let seg = SEGMENTER.get_or_init(|| Segmenter::new(&RuleSet::defaults()));
    let spans = seg.split(text);
    let mut last = 0;
    for s in &spans {
        assert!(s.start >= last && s.start < s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(text[last..s.start].chars().all(char::is_whitespace));
        last = s.end;
    }
    assert!(text[last..].chars().all(char::is_whitespace));
});
