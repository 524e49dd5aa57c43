//! A cheap literal test, run once per text, that tells which date patterns
//! can match at all: most paragraphs name no month, weekday or holiday, and
//! the big case-insensitive alternations cost far more than one pass over
//! the words. A closed gate only skips a pattern that could not have
//! matched, so results are unchanged.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

pub const MONTH: u32 = 1;
pub const WEEKDAY: u32 = 1 << 1;
pub const REL: u32 = 1 << 2;
pub const HOLIDAY: u32 = 1 << 3;
/// day, week, fortnight, month, year (and plurals).
pub const UNIT: u32 = 1 << 4;
pub const AGO: u32 = 1 << 5;
pub const IN: u32 = 1 << 6;
/// today, tomorrow, tmrw, yesterday, now.
pub const ANCHOR: u32 = 1 << 7;
pub const OF: u32 = 1 << 8;
pub const WEEK: u32 = 1 << 9;
pub const YEAR_PREFIX: u32 = 1 << 10;
/// A digit (`\d` is Unicode in the patterns).
pub const DIGIT: u32 = 1 << 11;
/// "-" or "/".
pub const SEP: u32 = 1 << 12;
/// A number word ("in nineteen ninety six").
pub const NUMBER: u32 = 1 << 13;
/// day, week, month: the units "the 15th day of" counts in.
pub const PERIOD: u32 = 1 << 14;
/// A word a year in words starts with ("nineteen", "twenty": ten to
/// twenty) or holds ("thousand", "hundred"): most texts hold some number
/// word ("one", "a"), far fewer one of these.
pub const YEAR_WORD: u32 = 1 << 15;
/// A second word of a relative trigger ("last" of "last week", see
/// [`other_words`]): most news says "year" somewhere, far less often "last
/// year" or "this year".
pub const REL_ALSO: u32 = 1 << 16;

#[derive(Debug, Clone)]
pub struct Gate {
    /// The literals, when all are ASCII letters: walked once per word.
    trie: Option<Trie>,
    /// Otherwise: the literals searched overlapping, and per pattern its
    /// bits and whether the word must end where it ends.
    ac: Option<AhoCorasick>,
    info: Vec<(u32, bool)>,
    /// Groups that cannot be tested by ASCII literals: always open.
    always: u32,
}

/// The part of a trigger the text must hold literally: its longest word
/// (the rarest, most likely: "yesterday" of "the day before yesterday"), up
/// to an apostrophe (optional in the patterns). Every word of a trigger
/// stands at a word start (after `\b` or `[\s-]`); whether it must end
/// there: not before an apostrophe, where anything may follow.
fn literal(w: &str) -> (&str, bool) {
    w.split(' ')
        .map(|part| match part.find(['\'', '’']) {
            Some(i) => (&part[..i], false),
            None => (part, true),
        })
        .max_by_key(|(lit, _)| lit.len())
        .unwrap_or(("", true))
}

/// A trigger less the word [`literal`] tests, for a second group that
/// needs one more of its words; a one-word trigger is itself. A text that
/// holds the trigger holds both.
pub fn other_words(w: &str) -> String {
    let parts: Vec<&str> = w.split(' ').collect();
    let len = |part: &&str| part.find(['\'', '’']).unwrap_or(part.len());
    // The last of the longest, as `literal` picks.
    match parts.iter().enumerate().max_by_key(|(_, p)| len(p)) {
        Some((pick, _)) if parts.len() > 1 => parts
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != pick)
            .map(|(_, p)| *p)
            .collect::<Vec<_>>()
            .join(" "),
        _ => w.to_string(),
    }
}

/// Byte classes: bit `LETTER` for ASCII letters, bit `WORD` for word
/// characters (ASCII letters, digits, `_`), and the digits and "-" or "/"
/// for the `DIGIT` and `SEP` groups.
const LETTER: u8 = 1;
const WORD: u8 = 2;
const DIGIT_BYTE: u8 = 4;
const SEP_BYTE: u8 = 8;
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        if b.is_ascii_alphabetic() {
            t[c] = LETTER | WORD;
        } else if b.is_ascii_digit() {
            t[c] = WORD | DIGIT_BYTE;
        } else if b == b'_' {
            t[c] = WORD;
        } else if b == b'-' || b == b'/' {
            t[c] = SEP_BYTE;
        }
        c += 1;
    }
    t
};

/// Lower-case letter literals as a trie. Walking a word's letters visits
/// every literal that starts where the word starts, which is all a literal
/// at a word start needs; most words leave the trie after a letter or two.
/// An Aho-Corasick search costs several times more here, as it also stops
/// inside words ("wed" in "showed", "in" everywhere).
#[derive(Debug, Clone)]
struct Trie {
    /// Per node: the child per letter (0: none; the root is node 0).
    next: Vec<[u16; 26]>,
    /// Per node: bits of the literal ending here that may be followed by
    /// more letters, and of the one that must end here.
    prefix: Vec<u32>,
    whole: Vec<u32>,
    /// The node after two letters, per pair, and the prefix bits after the
    /// first: most words leave the trie there, and this small table stays
    /// in the cache where the nodes do not.
    pairs: Vec<u16>,
    first: [u32; 26],
}

impl Trie {
    fn new(lits: &BTreeMap<String, (u32, bool)>) -> Option<Trie> {
        let mut t = Trie {
            next: vec![[0; 26]],
            prefix: vec![0],
            whole: vec![0],
            pairs: vec![0; 26 * 26],
            first: [0; 26],
        };
        for (lit, (bits, ends)) in lits {
            if !lit.bytes().all(|c| c.is_ascii_lowercase()) {
                return None;
            }
            let mut node = 0;
            for c in lit.bytes() {
                let k = usize::from(c - b'a');
                if t.next[node][k] == 0 {
                    t.next[node][k] = u16::try_from(t.next.len()).ok()?;
                    t.next.push([0; 26]);
                    t.prefix.push(0);
                    t.whole.push(0);
                }
                node = usize::from(t.next[node][k]);
            }
            if *ends {
                t.whole[node] |= bits;
            } else {
                t.prefix[node] |= bits;
            }
        }
        for a in 0..26 {
            let one = usize::from(t.next[0][a]);
            t.first[a] = t.prefix[one];
            for z in 0..26 {
                t.pairs[a * 26 + z] = t.next[one][z];
            }
        }
        // Node 0 is the root, so `one` = 0 (no such first letter) gives its
        // children above: clear them.
        for a in 0..26 {
            if t.next[0][a] == 0 {
                t.first[a] = 0;
                t.pairs[a * 26..a * 26 + 26].fill(0);
            }
        }
        Some(t)
    }

    /// The bits of the literals at the word start `i` of `b`.
    fn walk(&self, b: &[u8], mut i: usize) -> u32 {
        let mut bits = 0;
        let mut node = 0;
        if let (Some(c1), Some(c2)) = (b.get(i), b.get(i + 1))
            && c1.is_ascii_alphabetic()
            && c2.is_ascii_alphabetic()
        {
            let a = usize::from(c1.to_ascii_lowercase() - b'a');
            bits = self.first[a];
            node = usize::from(self.pairs[a * 26 + usize::from(c2.to_ascii_lowercase() - b'a')]);
            if node == 0 {
                return bits;
            }
            i += 2;
            bits |= self.prefix[node];
        }
        while let Some(c) = b.get(i).filter(|c| c.is_ascii_alphabetic()) {
            node = usize::from(self.next[node][usize::from(c.to_ascii_lowercase() - b'a')]);
            if node == 0 {
                return bits;
            }
            i += 1;
            bits |= self.prefix[node];
        }
        // A word-ending literal: no letter after it, and no "_" (a digit
        // may follow: "Dec31").
        if b.get(i) != Some(&b'_') {
            bits |= self.whole[node];
        }
        bits
    }
}

impl Gate {
    pub fn new(groups: &[(u32, Vec<String>)]) -> Gate {
        let mut lits: BTreeMap<String, (u32, bool)> = BTreeMap::new();
        let mut always = 0;
        for (bit, words) in groups {
            for w in words {
                let (lit, ends) = literal(w);
                // Year words are read from at most 12 letters: a longer
                // word may still start with one.
                let ends = ends && *bit != NUMBER;
                if lit.is_empty() || !lit.is_ascii() {
                    always |= bit;
                    continue;
                }
                let e = lits.entry(lit.to_ascii_lowercase()).or_insert((0, true));
                e.0 |= bit;
                e.1 &= ends;
            }
        }
        if let Some(trie) = Trie::new(&lits) {
            return Gate {
                trie: Some(trie),
                ac: None,
                info: Vec::new(),
                always,
            };
        }
        let (pats, info): (Vec<String>, Vec<(u32, bool)>) = lits.into_iter().unzip();
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&pats)
            .ok();
        if ac.is_none() {
            always = u32::MAX;
        }
        Gate {
            trie: None,
            ac,
            info,
            always,
        }
    }

    /// The groups `text` may match: a trigger at a word start (ASCII `\b`)
    /// and, where it must, at a word end (a digit may follow: "Dec31").
    pub fn open(&self, text: &str) -> u32 {
        let b = text.as_bytes();
        let ascii = text.is_ascii();
        // The only non-ASCII letters that case-fold to ASCII ones: the
        // Kelvin sign and the long s.
        if !ascii && text.contains(['\u{212A}', '\u{17F}']) {
            return u32::MAX;
        }
        let mut bits = self.always;
        if !ascii && text.chars().any(char::is_numeric) {
            bits |= DIGIT;
        }
        if let Some(trie) = &self.trie {
            // The letters with no word character before them, found without
            // a branch per byte (a branch at every word edge mispredicts
            // often enough to cost more than the walks), 64 bytes at a time.
            let mut prev = 0u8;
            let mut seen = 0u8;
            for (n, chunk) in b.chunks(64).enumerate() {
                let mut starts = 0u64;
                for (k, &c) in chunk.iter().enumerate() {
                    let class = CLASS[usize::from(c)];
                    // A letter, and the byte before no word character.
                    starts |= u64::from(class & !(prev >> 1) & LETTER) << k;
                    seen |= class;
                    prev = class;
                }
                while starts != 0 {
                    let k = starts.trailing_zeros() as usize;
                    starts &= starts - 1;
                    bits |= trie.walk(b, n * 64 + k);
                }
            }
            if seen & DIGIT_BYTE != 0 {
                bits |= DIGIT;
            }
            if seen & SEP_BYTE != 0 {
                bits |= SEP;
            }
            return bits;
        }
        if b.iter().any(u8::is_ascii_digit) {
            bits |= DIGIT;
        }
        if b.iter().any(|c| *c == b'-' || *c == b'/') {
            bits |= SEP;
        }
        let Some(ac) = &self.ac else { return bits };
        for m in ac.find_overlapping_iter(text) {
            let (bit, ends) = self.info[m.pattern().as_usize()];
            if bits & bit == bit
                || m.start() > 0 && CLASS[usize::from(b[m.start() - 1])] & WORD != 0
                || ends && b.get(m.end()).is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
            {
                continue;
            }
            bits |= bit;
        }
        bits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_only_on_whole_words() {
        let g = Gate::new(&[
            (MONTH, vec!["May".into(), "Dec".into()]),
            (HOLIDAY, vec!["new year's day".into()]),
        ]);
        assert_eq!(g.open("a decision was made") & MONTH, 0);
        assert_eq!(g.open("on Dec31") & MONTH, MONTH);
        assert_eq!(g.open("in MAY") & MONTH, MONTH);
        assert_eq!(g.open("renew it") & HOLIDAY, 0);
        assert_eq!(g.open("New Year's Day") & HOLIDAY, HOLIDAY);
        assert_eq!(g.open("new years day") & HOLIDAY, HOLIDAY);
        assert_eq!(g.open("a new day") & HOLIDAY, 0);
        assert_eq!(g.open("no digits") & DIGIT, 0);
        assert_eq!(g.open("\u{17F}ome text"), u32::MAX);
    }

    #[test]
    fn a_second_word_narrows_a_trigger() {
        let words = [
            "last week".to_string(),
            "the day before yesterday".into(),
            "today".into(),
        ];
        let g = Gate::new(&[
            (REL, words.to_vec()),
            (REL_ALSO, words.iter().map(|w| other_words(w)).collect()),
        ]);
        let both = REL | REL_ALSO;
        assert_eq!(g.open("Last week it rained.") & both, both);
        assert_eq!(g.open("the day before yesterday") & both, both);
        assert_eq!(g.open("Today.") & both, both);
        // "week" alone, or "last" alone, is no trigger.
        assert_ne!(g.open("a week of rain") & both, both);
        assert_ne!(g.open("the last train") & both, both);
        assert_eq!(other_words("the day before yesterday"), "the day before");
        assert_eq!(other_words("last week"), "last");
    }

    #[test]
    fn a_longer_match_does_not_hide_a_shorter_one() {
        // Number words may be the start of a longer word; "ago" is found
        // as the longest match where "a" also starts.
        let g = Gate::new(&[(NUMBER, vec!["a".into(), "six".into()]), (AGO, vec!["ago".into()])]);
        assert!(g.trie.is_some());
        assert_eq!(g.open("long ago") & (NUMBER | AGO), NUMBER | AGO);
        assert_eq!(g.open("sixty") & NUMBER, NUMBER);
        assert_eq!(g.open("xago") & (NUMBER | AGO), 0);
        // A word that is not all letters keeps the overlapping search.
        let g = Gate::new(&[(MONTH, vec!["sept.".into()]), (NUMBER, vec!["t".into()])]);
        assert!(g.trie.is_none());
        assert_eq!(g.open("in sept. t") & (MONTH | NUMBER), MONTH | NUMBER);
    }
}
