//! Phrase lists compiled once into one automaton, matched on word boundaries.
//!
//! Rules hold word lists (hedges, reporting verbs, negators...). Matching each
//! word separately per sentence would be slow and would miss multi-word
//! phrases; one leftmost-longest Aho-Corasick automaton per list family finds
//! them all in a single pass.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// A compiled phrase list; each phrase carries a payload `T`.
#[derive(Debug, Clone)]
pub struct PhraseMatcher<T> {
    automaton: Option<AhoCorasick>,
    payloads: Vec<T>,
    phrases: Vec<String>,
}

/// One match: byte span and the payload of the phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseMatch<'a, T> {
    pub start: usize,
    pub end: usize,
    pub payload: &'a T,
}

impl<T> PhraseMatcher<T> {
    /// Compile `(phrase, payload)` pairs; matching ignores ASCII case.
    pub fn new(entries: impl IntoIterator<Item = (String, T)>) -> Self {
        let mut phrases = Vec::new();
        let mut payloads = Vec::new();
        for (p, t) in entries {
            let p = p.trim().to_string();
            if !p.is_empty() {
                phrases.push(p);
                payloads.push(t);
            }
        }
        let automaton = if phrases.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(&phrases)
                    .expect("phrase automaton builds"),
            )
        };
        PhraseMatcher {
            automaton,
            payloads,
            phrases,
        }
    }

    /// Non-overlapping matches that start and end on word boundaries.
    pub fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = PhraseMatch<'a, T>> + 'a {
        self.automaton.iter().flat_map(move |ac| {
            ac.find_iter(text).filter_map(move |m| {
                if is_word_boundary(text, m.start()) && is_word_boundary(text, m.end()) {
                    Some(PhraseMatch {
                        start: m.start(),
                        end: m.end(),
                        payload: &self.payloads[m.pattern().as_usize()],
                    })
                } else {
                    None
                }
            })
        })
    }

    pub fn phrase(&self, index: usize) -> &str {
        &self.phrases[index]
    }

    /// Every phrase, in payload order.
    pub fn phrases(&self) -> &[String] {
        &self.phrases
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }
}

/// True when `i` does not split a word: the characters on either side are
/// not both word characters.
pub fn is_word_boundary(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i..].chars().next();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    // An apostrophe glued to letters ("isn't") counts as inside the word.
    !(word(before) && word(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_whole_words_longest_first() {
        let m = PhraseMatcher::new(vec![("said".to_string(), 1), ("is said to".to_string(), 2)]);
        let found: Vec<_> = m
            .find_iter("He is said to have said it; unsaid.")
            .map(|x| (x.start, *x.payload))
            .collect();
        assert_eq!(found, vec![(3, 2), (19, 1)]);
    }

    #[test]
    fn ignores_case() {
        let m = PhraseMatcher::new(vec![("according to".to_string(), ())]);
        assert_eq!(m.find_iter("According to X").count(), 1);
    }
}
