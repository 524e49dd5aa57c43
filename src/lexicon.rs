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

impl<T> PhraseMatcher<T> {
    /// The matches [`Self::find_iter`] finds in `text`, read off
    /// `occurrences`: every occurrence of this matcher's phrases in `text`,
    /// in the order [`PhraseScan::scan`] gives them. The first at or past
    /// where the last one ended is the leftmost-longest match there (the
    /// first listed of equal ones, as the automaton reports it).
    pub fn matches_in<'a>(
        &'a self,
        text: &'a str,
        occurrences: &'a [Occurrence],
    ) -> impl Iterator<Item = PhraseMatch<'a, T>> + 'a {
        let mut resume = 0;
        occurrences.iter().filter_map(move |&(start, end, index)| {
            if start < resume {
                return None;
            }
            resume = end;
            (is_word_boundary(text, start) && is_word_boundary(text, end)).then(|| PhraseMatch {
                start,
                end,
                payload: &self.payloads[index],
            })
        })
    }
}

/// An automaton for an overlapping search of `phrases`, ignoring ASCII
/// case as the phrase matchers do; none for no phrases.
pub fn overlapping_automaton(phrases: &[&str]) -> Option<AhoCorasick> {
    (!phrases.is_empty()).then(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(phrases)
            .expect("phrase automaton builds")
    })
}

/// An occurrence of a phrase: its byte span and its index in its list.
pub type Occurrence = (usize, usize, usize);

/// Several phrase lists searched in one pass over a text instead of one
/// per list: an overlapping search reports every occurrence of every
/// phrase, from which each list's matches are read
/// ([`PhraseMatcher::matches_in`]).
#[derive(Debug, Clone)]
pub struct PhraseScan {
    automaton: Option<AhoCorasick>,
    /// Per phrase of the automaton: its list, and its index there.
    origin: Vec<(usize, usize)>,
    lists: usize,
}

impl PhraseScan {
    /// One automaton over `lists` (each a [`PhraseMatcher::phrases`]),
    /// ignoring ASCII case as the matchers do.
    pub fn new(lists: &[&[String]]) -> PhraseScan {
        let mut phrases: Vec<&str> = Vec::new();
        let mut origin = Vec::new();
        for (l, list) in lists.iter().enumerate() {
            for (i, p) in list.iter().enumerate() {
                phrases.push(p);
                origin.push((l, i));
            }
        }
        PhraseScan {
            automaton: overlapping_automaton(&phrases),
            origin,
            lists: lists.len(),
        }
    }

    /// Per list, every occurrence of its phrases in `text`: by start,
    /// longest first, then in list order.
    pub fn scan(&self, text: &str) -> Vec<Vec<Occurrence>> {
        let mut per_list = vec![Vec::new(); self.lists];
        if let Some(ac) = &self.automaton {
            for m in ac.find_overlapping_iter(text) {
                let (l, i) = self.origin[m.pattern().as_usize()];
                per_list[l].push((m.start(), m.end(), i));
            }
        }
        for occurrences in &mut per_list {
            occurrences.sort_unstable_by_key(|&(start, end, i)| (start, std::cmp::Reverse(end), i));
        }
        per_list
    }
}

/// A rule pattern with its word boundaries (`\b`) made ASCII ones
/// (`(?-u:\b)`). A Unicode `\b` makes the regex crate's fast DFA give up on
/// any text with a non-ASCII character (a curly quote is enough), and the
/// search falls back to an engine that costs a hundred times more on a long
/// sentence. The patterns' own classes (`\w`, `\d`) stay Unicode: only a
/// letter outside ASCII next to a word ("Müller") reads differently.
pub fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('b') => out.push_str("(?-u:\\b)"),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
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
    fn ascii_boundaries_rewrite_only_word_boundaries() {
        assert_eq!(ascii_boundaries(r"\b\w{3,}ed\b"), r"(?-u:\b)\w{3,}ed(?-u:\b)");
        // An escaped backslash followed by "b" is a literal, not a boundary.
        assert_eq!(ascii_boundaries(r"a\\b"), r"a\\b");
        let re = regex::Regex::new(&ascii_boundaries(r"\b\w{3,}ed\b")).unwrap();
        assert!(re.is_match("“They voted,” she said."));
        assert!(!re.is_match("a red bedspread"));
    }

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
    fn one_scan_finds_what_each_matcher_finds() {
        // Duplicates (the first listed wins), a longer phrase that fails the
        // word test and hides shorter ones inside it, overlaps across lists.
        let a = PhraseMatcher::new(
            ["said", "is said to", "per", "per cent", "told", "Told"]
                .iter()
                .enumerate()
                .map(|(i, p)| (p.to_string(), i)),
        );
        let b = PhraseMatcher::new(
            ["cent", "he", "she said", "told", "d"]
                .iter()
                .enumerate()
                .map(|(i, p)| (p.to_string(), i)),
        );
        let scan = PhraseScan::new(&[a.phrases(), b.phrases()]);
        for text in [
            "He is said to have said it; unsaid. She said per centimetre, per cent.",
            "TOLD told; he told her. said she said, shesaid",
            "",
            "percent per cents he'd",
        ] {
            let occurrences = scan.scan(text);
            for (m, occ) in [(&a, &occurrences[0]), (&b, &occurrences[1])] {
                assert_eq!(
                    m.matches_in(text, occ).collect::<Vec<_>>(),
                    m.find_iter(text).collect::<Vec<_>>(),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn ignores_case() {
        let m = PhraseMatcher::new(vec![("according to".to_string(), ())]);
        assert_eq!(m.find_iter("According to X").count(), 1);
    }
}
