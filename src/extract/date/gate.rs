//! A cheap literal test, run once per text, that tells which date patterns
//! can match at all: most paragraphs name no month, weekday or holiday, and
//! the big case-insensitive alternations cost far more than one
//! Aho-Corasick pass. A closed gate only skips a pattern that could not
//! have matched, so results are unchanged.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

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

#[derive(Debug, Clone)]
pub struct Gate {
    ac: Option<AhoCorasick>,
    /// Per pattern: its bits, and whether the word must end where it ends.
    info: Vec<(u32, bool)>,
    /// Per pattern: the bits of the shorter literals it hides in a
    /// leftmost-longest search and that would have passed where it stands.
    hidden: Vec<u32>,
    /// Patterns are " " + literal, searched leftmost-longest in a folded
    /// copy of the text (see `fold`); else the literals themselves,
    /// searched overlapping in the text.
    folded: bool,
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

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Word bytes (ASCII letters, digits, `_`) lower-cased, every other byte a
/// space, behind one leading space: a literal that follows a space in the
/// copy starts at a word start in the text, so the search reports no match
/// inside a word ("wed" in "showed"), and most paragraphs give only a few.
const FOLD: [u8; 256] = {
    let mut t = [b' '; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        if b.is_ascii_alphanumeric() || b == b'_' {
            t[c] = b.to_ascii_lowercase();
        }
        c += 1;
    }
    t
};

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
        // With literals of word characters only, a leftmost-longest search
        // of the folded text loses nothing: no literal can start inside
        // another (both begin with the space), and a shorter literal at the
        // same start is accounted for by `hidden`. Otherwise an overlapping
        // search, several times slower, visits every match.
        let folded = lits.keys().all(|l| l.bytes().all(is_word));
        let hidden = lits
            .keys()
            .map(|q| {
                (1..q.len())
                    .filter_map(|n| {
                        let (bit, ends) = lits.get(&q[..n])?;
                        // The shorter literal's end test, with the longer's
                        // next letter after it.
                        let next = q.as_bytes()[n];
                        (!(*ends && (next.is_ascii_alphabetic() || next == b'_'))).then_some(*bit)
                    })
                    .fold(0, |a, b| a | b)
            })
            .collect();
        let (pats, info): (Vec<String>, Vec<(u32, bool)>) = lits.into_iter().unzip();
        let builder = if folded {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                // Every pattern starts with a space: a prefilter would stop
                // at each word.
                .prefilter(false)
                .build(pats.iter().map(|p| format!(" {p}")))
        } else {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&pats)
        };
        let ac = builder.ok();
        if ac.is_none() {
            always = u32::MAX;
        }
        Gate {
            ac,
            info,
            hidden,
            folded,
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
        if b.iter().any(u8::is_ascii_digit) || !ascii && text.chars().any(char::is_numeric) {
            bits |= DIGIT;
        }
        if b.iter().any(|c| *c == b'-' || *c == b'/') {
            bits |= SEP;
        }
        let Some(ac) = &self.ac else { return bits };
        if self.folded {
            let mut f = Vec::with_capacity(b.len() + 1);
            f.push(b' ');
            f.extend(b.iter().map(|c| FOLD[usize::from(*c)]));
            for m in ac.find_iter(&f) {
                let id = m.pattern().as_usize();
                bits |= self.hidden[id];
                let (bit, ends) = self.info[id];
                if !(ends && f.get(m.end()).is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')) {
                    bits |= bit;
                }
            }
            return bits;
        }
        for m in ac.find_overlapping_iter(text) {
            let (bit, ends) = self.info[m.pattern().as_usize()];
            if bits & bit == bit
                || m.start() > 0 && is_word(b[m.start() - 1])
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
    fn a_longer_match_does_not_hide_a_shorter_one() {
        // Number words may be the start of a longer word; "ago" is found
        // as the longest match where "a" also starts.
        let g = Gate::new(&[(NUMBER, vec!["a".into(), "six".into()]), (AGO, vec!["ago".into()])]);
        assert!(g.folded);
        assert_eq!(g.open("long ago") & (NUMBER | AGO), NUMBER | AGO);
        assert_eq!(g.open("sixty") & NUMBER, NUMBER);
        assert_eq!(g.open("xago") & (NUMBER | AGO), 0);
        // A word that is not all letters keeps the overlapping search.
        let g = Gate::new(&[(MONTH, vec!["sept.".into()]), (NUMBER, vec!["t".into()])]);
        assert!(!g.folded);
        assert_eq!(g.open("in sept. t") & (MONTH | NUMBER), MONTH | NUMBER);
    }
}
