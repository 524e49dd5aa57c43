//! Quantities: numbers with their range, approximator, scale, unit, the thing
//! counted and its measure class.
//!
//! The text is cut into tokens (runs of letters and digits, keeping "1,200",
//! "3.5" and "U.S" whole; every other non-space character alone). A quantity
//! starts at a numeral, a number word ("six", "twenty-five", "a dozen") or a
//! vague amount ("dozens", "tens of millions"), takes an approximator and a
//! currency symbol written before it, a scale, a range, a percent sign, a
//! unit or currency word after it, and then looks a few words ahead for the
//! noun counted.
//!
//! Choices, documented here because callers compare the numbers:
//! - an exact figure has `low = high = value`;
//! - "over"/"more than"/"at least" give `low = value`, `high = null`;
//!   "nearly"/"under"/"up to" give `low = null`, `high = value`; "about"
//!   gives `value ± margin` (the approximator rule's margin, 10% default);
//! - a range ("5-7", "5 to 7", "between 5 and 7") has `value = null` and
//!   the ends as bounds; a scale written only on the second end applies to
//!   both ("5 to 7 million");
//! - a vague amount has `value = null` and the bounds of its `[[vague]]`
//!   rule, times the scale that follows ("tens of millions" = [1e7, 1e8]);
//! - short scale words ("m", "bn", "k") count only glued to the number or
//!   after a currency symbol ("5m", "$5 bn"), so "5 m" alone is no figure;
//! - a bare four-digit integer 1800-2100 with nothing attached is a year and
//!   left to the date finder;
//! - numbers are read by a grammar, not a word list: digits in every grouping
//!   (`numeral.rs`), number words with scales and "and" ("two hundred and
//!   three", "4 thousand 3 hundred and 21", "three lakh crore"), decimals
//!   ("two point five"), fractions ("three quarters", "one and a half",
//!   "3/4", "½", and as tokenised text spaces it, "1 / 2"), mixed numbers
//!   ("4 1/2", "4-1/2-month": one figure, not a range), signs ("-5",
//!   "minus 5") and ratios ("one out of three");
//! - a proper fraction is a share: unit and measure "fraction", and it takes
//!   the noun after "of" like a percentage ("a third of voters");
//! - "twenty and three" is no number (only a fraction may follow such an
//!   "and"), so "between five and seven" stays a range;
//! - cents after a whole amount add to it ("3 dollars 50 cents" = 3.5 USD);
//!   "30 MUSD" and "USD115" are money; an amount in brackets right after
//!   another in a different currency is a conversion (`conversions`);
//! - digit pairs with a slash other than small proper fractions ("9/11",
//!   "24/7") and one digit, or four or more, glued to one capital ("4K",
//!   "3M", "9400M") are names;
//! - the span covers the approximator, currency, number, scale and unit, not
//!   the counted noun; an approximator written after the figure ("50 or
//!   more people") is in the span, one written after the counted noun ("50
//!   employees or fewer") bounds the figure from outside it.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::Regex;

use super::numeral::{self, Literal};
use crate::model::Quantity;
use crate::rules::{Bound, RuleSet};

// The word maps are keyed by short words of the rules and probed for nearly
// every token: rustc's FxHash costs a fraction of SipHash there, and
// resistance to chosen keys buys nothing on them.
type Map<K, V> = rustc_hash::FxHashMap<K, V>;
type Set<K> = rustc_hash::FxHashSet<K>;

/// One token: a word (letters and digits) or a single other character.
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    word: bool,
}

/// Multi-word phrases keyed by their lowercased tokens joined by a space.
#[derive(Debug, Clone)]
struct Phrases<T> {
    map: Map<String, T>,
    max_len: usize,
    /// Lowercased first and last tokens of the phrases: a cheap test before
    /// building any key.
    firsts: Set<String>,
    lasts: Set<String>,
}

/// Whether the lowercased `word` is in `set`, without allocating for short
/// ASCII words.
fn lower_in(word: &str, set: &Set<String>) -> bool {
    let b = word.as_bytes();
    if b.len() > 24 || !word.is_ascii() {
        return set.contains(&word.to_lowercase());
    }
    let mut buf = [0u8; 24];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).is_ok_and(|w| set.contains(w))
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases {
            map: Map::default(),
            max_len: 0,
            firsts: Set::default(),
            lasts: Set::default(),
        }
    }
}

impl<T: Clone> Phrases<T> {
    fn insert(&mut self, phrase: &str, value: T) {
        let toks = tokenize(phrase);
        if toks.is_empty() {
            return;
        }
        self.max_len = self.max_len.max(toks.len());
        let (f, l) = (toks[0], toks[toks.len() - 1]);
        self.firsts.insert(phrase[f.start..f.end].to_lowercase());
        self.lasts.insert(phrase[l.start..l.end].to_lowercase());
        let key = join_lower(phrase, &toks);
        self.map.entry(key).or_insert(value);
    }

    /// Longest phrase starting at token `i`: (value, index after it).
    fn forward(&self, text: &str, toks: &[Tok], i: usize) -> Option<(T, usize)> {
        let t = toks.get(i)?;
        if !lower_in(&text[t.start..t.end], &self.firsts) {
            return None;
        }
        let most = self.max_len.min(toks.len().saturating_sub(i));
        for n in (1..=most).rev() {
            let key = join_lower(text, &toks[i..i + n]);
            if let Some(v) = self.map.get(&key) {
                return Some((v.clone(), i + n));
            }
        }
        None
    }

    /// Longest phrase ending right before token `end`, starting at or after
    /// `floor`: (value, index of its first token).
    fn backward(&self, text: &str, toks: &[Tok], end: usize, floor: usize) -> Option<(T, usize)> {
        if end == 0 || end <= floor {
            return None;
        }
        let t = toks.get(end - 1)?;
        if !lower_in(&text[t.start..t.end], &self.lasts) {
            return None;
        }
        let most = self.max_len.min(end.saturating_sub(floor));
        for n in (1..=most).rev() {
            let key = join_lower(text, &toks[end - n..end]);
            if let Some(v) = self.map.get(&key) {
                return Some((v.clone(), end - n));
            }
        }
        None
    }
}

fn join_lower(text: &str, toks: &[Tok]) -> String {
    let mut key = String::new();
    for (k, t) in toks.iter().enumerate() {
        // A space where the text has one; glued tokens stay glued ("US$").
        if k > 0 && toks[k - 1].end != t.start {
            key.push(' ');
        }
        key.push_str(&text[t.start..t.end].to_lowercase());
    }
    key
}

/// Cut `text` into tokens. Never panics: every index used is a char boundary.
fn tokenize(text: &str) -> Vec<Tok> {
    // About one token per five bytes of news text: one allocation, not a
    // doubling from four.
    let mut out = Vec::with_capacity(text.len() / 4 + 1);
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        // ASCII fast path for spaces.
        if bytes[i] == b' ' || bytes[i] == b'\n' || bytes[i] == b'\t' {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else { break };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                word: false,
            });
            i += c.len_utf8();
            continue;
        }
        let end = word_end(text, i, c);
        out.push(Tok {
            start: i,
            end,
            word: true,
        });
        i = end;
    }
    out
}

/// The end of the word token starting at `i` with `c`.
fn word_end(text: &str, i: usize, c: char) -> usize {
    {
        let mut end = i + c.len_utf8();
        // Letters since the last inner period, to keep "U.S" but not "end.Next".
        let mut segment = usize::from(c.is_alphabetic());
        let mut prev = c;
        loop {
            // ASCII letters and digits, the common case, without decoding.
            if let Some(&b) = text.as_bytes().get(end)
                && b.is_ascii_alphanumeric()
            {
                end += 1;
                segment = if b.is_ascii_alphabetic() { segment + 1 } else { 0 };
                prev = char::from(b);
                continue;
            }
            let rest = &text[end..];
            let mut it = rest.chars();
            let Some(c2) = it.next() else { break };
            if c2.is_alphanumeric() {
                end += c2.len_utf8();
                segment = if c2.is_alphabetic() { segment + 1 } else { 0 };
                prev = c2;
                continue;
            }
            let next = it.next();
            let joined = match (c2, next) {
                (',', Some(n)) => {
                    // Thousands separator: exactly three digits follow.
                    prev.is_ascii_digit()
                        && n.is_ascii_digit()
                        && rest.len() >= 4
                        && rest.as_bytes()[1..4].iter().all(u8::is_ascii_digit)
                        && !rest.as_bytes().get(4).is_some_and(u8::is_ascii_digit)
                }
                ('.', Some(n)) => {
                    (prev.is_ascii_digit() && n.is_ascii_digit())
                        || (prev.is_alphabetic() && n.is_alphabetic() && segment <= 2)
                }
                ('\'' | '’', Some(n)) => prev.is_alphabetic() && n.is_alphabetic(),
                _ => false,
            };
            if !joined {
                break;
            }
            end += c2.len_utf8();
            segment = 0;
            prev = c2;
        }
        end
    }
}

/// A number written as digits: its value and the letters glued after it.
fn numeral(s: &str) -> Option<(f64, &str)> {
    let b = s.as_bytes();
    if !b.first()?.is_ascii_digit() {
        return None;
    }
    let cut = s
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(s.len());
    let (digits, suffix) = s.split_at(cut);
    if suffix.chars().any(|c| !c.is_alphabetic()) {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != ',').collect();
    if clean.matches('.').count() > 1 || clean.ends_with('.') {
        return None;
    }
    clean.parse::<f64>().ok().filter(|v| v.is_finite()).map(|v| (v, suffix))
}

const UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("nought", 0.0),
    ("naught", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
];
const TENS: &[(&str, f64)] = &[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Fraction denominators: (word, (denominator, plural, only inside a
/// compound such as "twenty-first", because "seconds" and "firsts" alone
/// are no fractions)).
const ORDINALS: &[(&str, (f64, bool, bool))] = &[
    ("first", (1.0, false, true)),
    ("firsts", (1.0, true, true)),
    ("second", (2.0, false, true)),
    ("seconds", (2.0, true, true)),
    ("half", (2.0, false, false)),
    ("halves", (2.0, true, false)),
    ("third", (3.0, false, false)),
    ("thirds", (3.0, true, false)),
    ("quarter", (4.0, false, false)),
    ("quarters", (4.0, true, false)),
    ("fourth", (4.0, false, false)),
    ("fourths", (4.0, true, false)),
    ("fifth", (5.0, false, false)),
    ("fifths", (5.0, true, false)),
    ("sixth", (6.0, false, false)),
    ("sixths", (6.0, true, false)),
    ("seventh", (7.0, false, false)),
    ("sevenths", (7.0, true, false)),
    ("eighth", (8.0, false, false)),
    ("eighths", (8.0, true, false)),
    ("ninth", (9.0, false, false)),
    ("ninths", (9.0, true, false)),
    ("tenth", (10.0, false, false)),
    ("tenths", (10.0, true, false)),
    ("twelfth", (12.0, false, false)),
    ("twelfths", (12.0, true, false)),
    ("sixteenth", (16.0, false, false)),
    ("sixteenths", (16.0, true, false)),
    ("twentieth", (20.0, false, false)),
    ("twentieths", (20.0, true, false)),
    ("thirtieth", (30.0, false, false)),
    ("thirtieths", (30.0, true, false)),
    ("hundredth", (100.0, false, false)),
    ("hundredths", (100.0, true, false)),
    ("thousandth", (1e3, false, false)),
    ("thousandths", (1e3, true, false)),
    ("millionth", (1e6, false, false)),
    ("millionths", (1e6, true, false)),
    ("billionth", (1e9, false, false)),
    ("billionths", (1e9, true, false)),
    ("trillionth", (1e12, false, false)),
    ("trillionths", (1e12, true, false)),
];

/// A piece of a written number.
#[derive(Debug, Clone, Copy)]
enum Atom {
    /// A number word below a hundred; true for a tens word standing alone.
    Card(f64, bool),
    Digits(Literal),
    Scale(f64),
    And,
    A,
    Point,
    /// A fraction denominator: (denominator, plural, hyphenated compound).
    Ord(f64, bool, bool),
}

/// A number read at a token: its value, the value of its first term
/// (for "5 to 7 million"), the token after it and what was glued to it.
#[derive(Debug, Clone)]
struct Num {
    value: f64,
    raw: f64,
    next: usize,
    unit: Option<Unit>,
    scaled: bool,
    year_like: bool,
    /// A proper fraction ("a third", "3/4"): a share, not a count.
    fraction: bool,
}

impl Num {
    /// A number that is neither a bare year nor a proper fraction.
    fn whole(value: f64, raw: f64, next: usize, unit: Option<Unit>, scaled: bool) -> Num {
        Num {
            value,
            raw,
            next,
            unit,
            scaled,
            year_like: false,
            fraction: false,
        }
    }
}

/// Words that end the look-ahead for the counted noun. English grammar, not
/// story vocabulary.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "ago", "also", "an", "and", "are", "as", "at", "be", "been", "before", "being", "but", "by",
    "can", "could", "each", "earlier", "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in",
    "into", "is", "it", "its", "last", "later", "less", "may", "might", "more", "must", "my", "next", "no", "not",
    "of", "on", "or", "our", "over", "per", "said", "say", "says", "she", "should", "since", "so", "than", "that",
    "the", "their", "then", "these", "they", "this", "those", "to", "under", "until", "was", "we", "were", "when",
    "where", "which", "while", "who", "whom", "whose", "will", "with", "would", "you", "your",
];

/// Determiners skipped after "of" ("90 per cent of the smartphones").
const DETERMINERS: &[&str] = &[
    "the", "its", "their", "his", "her", "our", "all", "these", "those", "them",
];

#[derive(Debug, Clone)]
struct Approx {
    word: String,
    bound: Bound,
    margin: f64,
}

#[derive(Debug, Clone)]
struct Unit {
    unit: String,
    measure: String,
}

/// Finds quantities; compiled once from the rules.
#[derive(Debug, Clone)]
pub struct QuantityFinder {
    approximators: Phrases<Approx>,
    /// Approximators written after the figure ("or more").
    approximators_after: Phrases<Approx>,
    scales: Map<String, f64>,
    /// Scale words in the plural, for "tens of millions".
    scale_plurals: Map<String, f64>,
    /// Scale words that count only glued to a figure after a currency
    /// symbol ("$160MM").
    money_scales: Map<String, f64>,
    currency_before: Phrases<String>,
    currency_after: Phrases<String>,
    vague: Phrases<(f64, f64)>,
    units: Phrases<Unit>,
    measures: Map<String, String>,
    before: Set<String>,
    after: Set<String>,
    capitalised: bool,
    unless: Set<String>,
    blocked: Option<Regex>,
    numbers: Map<&'static str, f64>,
    tens: Map<&'static str, f64>,
    function: Set<&'static str>,
    /// Lowercased words a quantity can start with (number words, the first
    /// word of vague amounts, "a"); digits always can.
    starters: Set<String>,
    /// Words that can follow "a" in a quantity ("a million", "a third",
    /// "a few"): "a" before anything else is skipped without parsing.
    after_a: Set<String>,
    ordinals: Map<&'static str, (f64, bool, bool)>,
    /// Per first two letters of the starters (`pair_index`): the lengths
    /// they come in, one bit each.
    starter_lengths: [u32; 27 * 27],
    gate: WordGate,
    /// Units that take over a currency's word on a cue ("weighed 7 pounds").
    currency_units: Vec<CurrencyUnit>,
    /// Units that take over a glued scale's letters before certain words
    /// ("600m while"): see [`crate::rules::UnitRule::glued`].
    glued_units: Map<String, (Unit, Set<String>)>,
}

/// A unit spelled like a currency: see [`crate::rules::UnitRule::currency_words`].
#[derive(Debug, Clone)]
struct CurrencyUnit {
    unit: Unit,
    words: Set<String>,
    cues: Set<String>,
}

/// A word's first two bytes, lower-cased, as an index: letters 0-25, any
/// other byte or none 26.
fn pair_index(b: &[u8]) -> usize {
    let letter = |i: usize| {
        b.get(i)
            .map(u8::to_ascii_lowercase)
            .filter(u8::is_ascii_lowercase)
            .map_or(26, |c| usize::from(c - b'a'))
    };
    letter(0) * 27 + letter(1)
}

/// Whether any byte of `b` passes `f`, tested in blocks the compiler turns
/// into vector compares (an early exit per byte defeats that).
fn any_byte(b: &[u8], f: impl Fn(u8) -> bool) -> bool {
    b.chunks(32).any(|c| c.iter().fold(false, |a, &x| a | f(x)))
}

/// One pass over a paragraph that tells whether any quantity can start in
/// it: most news paragraphs hold no digit and no number word, and for them
/// tokenizing and the name patterns are wasted. It opens on anything that
/// could make `QuantityFinder::starts` true, so a closed gate changes no
/// result.
#[derive(Debug, Clone)]
struct WordGate {
    /// Starter words, then words that start a quantity only after "a"/"an".
    ac: Option<AhoCorasick>,
    /// Per pattern: whether it needs "a"/"an" before it.
    after_a: Vec<bool>,
}

impl WordGate {
    fn new(starters: &Set<String>, after_a: &Set<String>) -> WordGate {
        let mut words: Vec<(&str, bool)> = starters
            .iter()
            .filter(|w| !matches!(w.as_str(), "a" | "an"))
            .map(|w| (w.as_str(), false))
            .collect();
        words.extend(
            after_a
                .iter()
                .filter(|w| !starters.contains(*w))
                .map(|w| (w.as_str(), true)),
        );
        // Sorted so the automaton, and so the pattern ids, are the same on every run.
        words.sort_unstable();
        // The boundary test below holds only for words of ASCII letters and
        // digits; anything else keeps the gate open.
        let plain = words
            .iter()
            .all(|(w, _)| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphanumeric()));
        let ac = plain
            .then(|| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(words.iter().map(|(w, _)| w))
                    .ok()
            })
            .flatten();
        WordGate {
            ac,
            after_a: words.iter().map(|(_, a)| *a).collect(),
        }
    }

    fn open(&self, text: &str) -> bool {
        let b = text.as_bytes();
        if any_byte(b, |c| c.is_ascii_digit()) {
            return true;
        }
        // Vulgar fractions start a quantity; the Kelvin sign and the long s
        // lower-case to ASCII letters. All of them are encoded C2 BC-BE,
        // C5 BF or E2 84-85 xx: a cheap byte test before decoding.
        let suspect = || {
            b.windows(2)
                .any(|w| matches!((w[0], w[1]), (0xC2, 0xBC..=0xBE) | (0xC5, 0xBF) | (0xE2, 0x84 | 0x85)))
        };
        if !text.is_ascii()
            && suspect()
            && text
                .chars()
                .any(|c| c == '\u{212A}' || c == '\u{17F}' || numeral::is_vulgar(c))
        {
            return true;
        }
        let Some(ac) = &self.ac else { return true };
        // A token is a whole run of letters and digits, so a word can only
        // be one where no ASCII letter or digit touches it. Every pattern is
        // letters and digits only, so a longer match at a place hides no
        // shorter one that would pass.
        let alnum = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
        ac.find_iter(text).any(|m| {
            if m.start() > 0 && alnum(m.start() - 1) || alnum(m.end()) {
                return false;
            }
            if !self.after_a[m.pattern().as_usize()] {
                return true;
            }
            let before = text[..m.start()].trim_end();
            let lower = |i: usize| b[i].to_ascii_lowercase();
            let n = before.len();
            let is_a = n >= 1 && lower(n - 1) == b'a' && !(n >= 2 && alnum(n - 2));
            let is_an = n >= 2 && lower(n - 2) == b'a' && lower(n - 1) == b'n' && !(n >= 3 && alnum(n - 3));
            is_a || is_an
        })
    }
}

fn lower_trim_dot(s: &str) -> String {
    s.trim_end_matches('.').to_lowercase()
}

/// Singular and plural spellings of an English noun.
fn noun_forms(noun: &str) -> Vec<String> {
    let n = noun.to_lowercase();
    let mut out = vec![n.clone()];
    if let Some(stem) = n.strip_suffix("ies") {
        out.push(format!("{stem}y"));
    } else if let Some(stem) = n.strip_suffix("es") {
        out.push(stem.to_string());
        out.push(format!("{stem}e"));
    } else if let Some(stem) = n.strip_suffix('s') {
        out.push(stem.to_string());
    }
    if let Some(stem) = n.strip_suffix('y') {
        out.push(format!("{stem}ies"));
    }
    out.push(format!("{n}s"));
    out.push(format!("{n}es"));
    out
}

impl QuantityFinder {
    pub fn new(rules: &RuleSet) -> QuantityFinder {
        let mut approximators = Phrases::default();
        let mut approximators_after = Phrases::default();
        for r in &rules.approximators {
            let approx = |w: &String| Approx {
                word: w.clone(),
                bound: r.bound,
                margin: r.margin.unwrap_or(0.1),
            };
            for w in &r.words {
                approximators.insert(w, approx(w));
            }
            for w in &r.after {
                approximators_after.insert(w, approx(w));
            }
        }
        let mut scales = Map::default();
        let mut scale_plurals = Map::default();
        let mut money_scales = Map::default();
        for r in &rules.scales {
            for w in &r.words {
                scales.insert(w.to_lowercase(), r.factor);
                scale_plurals.insert(format!("{}s", w.to_lowercase()), r.factor);
            }
            for w in &r.money_words {
                money_scales.insert(w.to_lowercase(), r.factor);
            }
        }
        let mut currency_before = Phrases::default();
        let mut currency_after = Phrases::default();
        for r in &rules.currencies {
            for s in &r.symbols {
                currency_before.insert(s, r.code.clone());
            }
            for w in &r.words {
                currency_after.insert(w, r.code.clone());
            }
            // The code itself is written only when it is an ISO code
            // ("30 USD"); a code that is a word ("other", "cent") is read
            // through the rule's words, or not at all ("two other rifles").
            if r.code.bytes().all(|b| b.is_ascii_uppercase()) {
                currency_before.insert(&r.code, r.code.clone());
                currency_after.insert(&r.code, r.code.clone());
            }
        }
        let mut vague = Phrases::default();
        for r in &rules.vague {
            for w in &r.words {
                vague.insert(w, (r.low, r.high));
            }
        }
        let mut units = Phrases::default();
        let currency_units = rules
            .units
            .iter()
            .filter(|r| !r.currency_words.is_empty())
            .map(|r| CurrencyUnit {
                unit: Unit {
                    unit: r.unit.clone(),
                    measure: r.measure.clone(),
                },
                words: r.currency_words.iter().map(|w| w.to_lowercase()).collect(),
                cues: r.cues.iter().map(|w| w.to_lowercase()).collect(),
            })
            .collect();
        let mut glued_units = Map::default();
        for r in &rules.units {
            let unit = Unit {
                unit: r.unit.clone(),
                measure: r.measure.clone(),
            };
            let before: Set<String> = r.glued_before.iter().map(|w| w.to_lowercase()).collect();
            for g in &r.glued {
                glued_units.insert(g.to_lowercase(), (unit.clone(), before.clone()));
            }
        }
        for r in &rules.units {
            for w in &r.words {
                units.insert(
                    w,
                    Unit {
                        unit: r.unit.clone(),
                        measure: r.measure.clone(),
                    },
                );
            }
        }
        let mut measures = Map::default();
        for r in &rules.measures {
            for n in &r.nouns {
                for form in noun_forms(n) {
                    measures.entry(form).or_insert_with(|| r.id.clone());
                }
            }
        }
        let mut before = Set::default();
        let mut after = Set::default();
        let mut unless = Set::default();
        let mut capitalised = false;
        let mut patterns = Vec::new();
        for r in &rules.not_quantity {
            before.extend(r.before.iter().map(|w| lower_trim_dot(w)));
            after.extend(r.after.iter().map(|w| lower_trim_dot(w)));
            unless.extend(r.unless.iter().map(|w| lower_trim_dot(w)));
            capitalised |= r.capitalised;
            patterns.extend(r.patterns.iter().map(|p| format!("(?:{})", p.get_ref())));
        }
        // Words the finder itself reads right before a figure are never
        // names: a single-word approximator, or the last word of a longer
        // one ("Over 40", "More than 40"); not "lower" of "lower than",
        // which is a name's in "the Lower 48".
        for r in &rules.approximators {
            unless.extend(
                r.words
                    .iter()
                    .filter_map(|w| w.split_whitespace().last().map(lower_trim_dot)),
            );
        }
        let blocked = if patterns.is_empty() {
            None
        } else {
            regex::RegexBuilder::new(&crate::lexicon::ascii_boundaries(&patterns.join("|")))
                .size_limit(1 << 24)
                .build()
                .ok()
        };
        let mut starters: Set<String> = UNITS.iter().chain(TENS).map(|(w, _)| w.to_string()).collect();
        starters.extend(["a", "an", "half", "quarter"].map(String::from));
        for r in &rules.vague {
            for w in &r.words {
                if let Some(first) = w.split_whitespace().next() {
                    starters.insert(first.to_lowercase());
                }
            }
        }
        let mut after_a: Set<String> = scales.keys().cloned().collect();
        after_a.extend(ORDINALS.iter().map(|o| o.0.to_string()));
        after_a.extend(UNITS.iter().chain(TENS).map(|(w, _)| w.to_string()));
        for r in &rules.vague {
            for w in &r.words {
                let mut it = w.split_whitespace();
                if it
                    .next()
                    .is_some_and(|f| matches!(f.to_lowercase().as_str(), "a" | "an"))
                    && let Some(second) = it.next()
                {
                    after_a.insert(second.to_lowercase());
                }
            }
        }
        let mut starter_lengths = [0u32; 27 * 27];
        for w in &starters {
            if w.len() <= 16 && !w.is_empty() {
                starter_lengths[pair_index(w.as_bytes())] |= 1 << w.len();
            }
        }
        QuantityFinder {
            gate: WordGate::new(&starters, &after_a),
            starter_lengths,
            after_a,
            ordinals: ORDINALS.iter().copied().collect(),
            starters,
            approximators,
            approximators_after,
            scales,
            scale_plurals,
            money_scales,
            currency_before,
            currency_after,
            vague,
            units,
            currency_units,
            glued_units,
            measures,
            before,
            after,
            capitalised,
            unless,
            blocked,
            numbers: UNITS.iter().copied().collect(),
            tens: TENS.iter().copied().collect(),
            function: FUNCTION_WORDS.iter().copied().collect(),
        }
    }

    /// Whether a quantity can start with this word; no allocation.
    fn ordinal(&self, word: &str) -> Option<(f64, bool, bool)> {
        self.ordinals.get(word).copied()
    }

    fn starts(&self, word: &str) -> bool {
        let b = word.as_bytes();
        if b.first().is_some_and(u8::is_ascii_digit)
            || b.first().is_some_and(|c| !c.is_ascii()) && numeral::vulgar(word).is_some()
        {
            return true;
        }
        // Most words fail on their first two letters and length ("the"),
        // before any hashing.
        if b.len() > 16 || !word.is_ascii() || self.starter_lengths[pair_index(b)] & 1 << b.len() == 0 {
            return false;
        }
        let mut buf = [0u8; 16];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        std::str::from_utf8(&buf[..b.len()]).is_ok_and(|w| self.starters.contains(w))
    }

    /// Conversions: pairs (i, j) of indexes into `found` where amount j
    /// restates amount i in another currency, written in brackets right after
    /// it: "85 million euros ($108 million)". A judge should compare either
    /// figure, not read them as two different claims.
    pub fn conversions(text: &str, found: &[Quantity]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (i, pair) in found.windows(2).enumerate() {
            let (a, b) = (&pair[0], &pair[1]);
            let money = a.measure.as_deref() == Some("money") && b.measure.as_deref() == Some("money");
            let between = text.get(a.end..b.start).map(str::trim);
            let closes = text.get(b.end..).is_some_and(|rest| rest.trim_start().starts_with(')'));
            if money && a.unit != b.unit && between == Some("(") && closes {
                out.push((i, i + 1));
            }
        }
        out
    }

    /// Every quantity in `text`, offsets into `text`, in order.
    pub fn find(&self, text: &str) -> Vec<Quantity> {
        if !self.gate.open(text) {
            return Vec::new();
        }
        let toks = tokenize(text);
        let cx = Cx {
            f: self,
            text,
            toks: &toks,
            blocked: std::cell::OnceCell::new(),
        };
        let mut out = Vec::new();
        let mut floor = 0;
        let mut i = 0;
        while i < toks.len() {
            let start = if toks[i].word {
                let w = &text[toks[i].start..toks[i].end];
                self.starts(w)
                    && (!(w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"))
                        || toks
                            .get(i + 1)
                            .is_some_and(|t| lower_in(&text[t.start..t.end], &self.after_a)))
            } else {
                // ".08": a point glued to digits, no digit before it.
                &text[toks[i].start..toks[i].end] == "."
                    && cx.glued(i, i + 1)
                    && cx.digit_start(i + 1)
                    && !(i > 0 && cx.glued(i - 1, i) && toks[i - 1].word)
            };
            if toks[i].word
                && !start
                && let Some((q, next)) = cx.code_glued(i)
            {
                out.push(q);
                floor = next;
                i = next;
                continue;
            }
            if start && let Some((q, next)) = cx.quantity_at(i, floor) {
                out.push(q);
                floor = next;
                i = next;
                continue;
            }
            i += 1;
        }
        for q in &mut out {
            self.currency_unit(text, q);
        }
        out
    }

    /// "weighed 7 pounds", "a 300-pound bomb": a currency's word read as
    /// the unit that shares it, on a cue before the figure or a hyphen.
    fn currency_unit(&self, text: &str, q: &mut Quantity) {
        if q.unit.is_none() || self.currency_units.is_empty() {
            return;
        }
        let (head, last) = q.text.rsplit_once([' ', '-']).unwrap_or(("", &q.text));
        let Some(cu) = self
            .currency_units
            .iter()
            .find(|cu| cu.words.contains(&last.to_lowercase()))
        else {
            return;
        };
        // "a 300-pound bomb" (tokenised: "300 - pound"): the hyphen joins the
        // word to its figure; in "10-20 pounds" it joins two figures.
        let hyphened = q.text[head.len()..].starts_with('-') || head.ends_with(" -");
        let cued = hyphened
            || text[..q.start]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .rev()
                .take(3)
                .any(|w| cu.cues.contains(&w.to_lowercase()));
        if cued {
            q.unit = Some(cu.unit.unit.clone());
            q.measure = Some(cu.unit.measure.clone());
        }
    }
}

/// The core of a quantity: a number (maybe a range) or a vague amount.
#[derive(Debug, Clone)]
struct Core {
    value: Option<f64>,
    low: f64,
    high: f64,
    /// Token after the core.
    next: usize,
    vague: bool,
    range: bool,
    scaled: bool,
    /// A four-digit integer written alone that reads as a year.
    year_like: bool,
    /// A unit glued to the digits ("5km").
    unit: Option<Unit>,
}

impl Core {
    fn scale_by(&mut self, f: f64) {
        self.value = self.value.map(|v| v * f);
        self.low *= f;
        self.high *= f;
        self.scaled = true;
        self.year_like = false;
    }
}

struct Cx<'a> {
    f: &'a QuantityFinder,
    text: &'a str,
    toks: &'a [Tok],
    /// Spans of the name patterns, found on the first number that asks.
    blocked: std::cell::OnceCell<Vec<(usize, usize)>>,
}

impl Cx<'_> {
    fn s(&self, i: usize) -> &str {
        let t = self.toks[i];
        &self.text[t.start..t.end]
    }

    fn lower(&self, i: usize) -> String {
        self.s(i).to_lowercase()
    }

    fn is_word(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].word
    }

    fn is_punct(&self, i: usize, c: &str) -> bool {
        i < self.toks.len() && !self.toks[i].word && self.s(i) == c
    }

    fn glued(&self, a: usize, b: usize) -> bool {
        b < self.toks.len() && self.toks[a].end == self.toks[b].start
    }

    /// Tokens `a` and `b` are apart by exactly one space.
    fn one_space(&self, a: usize, b: usize) -> bool {
        b < self.toks.len() && &self.text[self.toks[a].end..self.toks[b].start] == " "
    }

    /// Token `k` is glued to the tokens on both sides of it ("16-year").
    fn glued_around(&self, k: usize) -> bool {
        k > 0 && self.glued(k - 1, k) && self.glued(k, k + 1)
    }

    /// Token `k` stands one space from the tokens on both sides of it, as
    /// tokenised text writes a hyphen ("16 - year").
    fn spaced_around(&self, k: usize) -> bool {
        k > 0 && self.one_space(k - 1, k) && self.one_space(k, k + 1)
    }

    /// Token `k` is a hyphen joining the tokens around it, written glued or
    /// as tokenised text spaces it.
    fn joining_hyphen(&self, k: usize) -> bool {
        self.is_punct(k, "-") && (self.glued_around(k) || self.spaced_around(k))
    }

    fn is_blocked(&self, i: usize) -> bool {
        let t = self.toks[i];
        let blocked = self.blocked.get_or_init(|| match &self.f.blocked {
            Some(re) => re
                .find_iter(self.text)
                .map(|m| (m.start(), m.end()))
                .filter(|(s, e)| s < e)
                .collect(),
            None => Vec::new(),
        });
        let k = blocked.partition_point(|&(_, e)| e <= t.start);
        blocked.get(k).is_some_and(|&(s, _)| s < t.end)
    }

    /// The word right before token `i`, with a glued period kept for short
    /// abbreviations ("No.", "H.R."): (its text, whether it is a word).
    fn word_before(&self, i: usize) -> Option<&str> {
        if i == 0 {
            return None;
        }
        let p = i - 1;
        if self.toks[p].word {
            return Some(self.s(p));
        }
        if self.s(p) == "." && p > 0 && self.toks[p - 1].word && self.glued(p - 1, p) {
            let w = self.s(p - 1);
            if w.len() <= 3 || w.contains('.') {
                return Some(w);
            }
        }
        None
    }

    /// Whether the number at token `i` is part of a name or identifier.
    fn is_name(&self, i: usize, checked_capital: bool) -> bool {
        if self.is_blocked(i) {
            return true;
        }
        if i > 0 && self.glued(i - 1, i) {
            let p = self.s(i - 1);
            if self.toks[i - 1].word
                || p == "#"
                || p == "/"
                || p == "-"
                    && i > 1
                    && self.toks[i - 2].word
                    && self.glued(i - 2, i - 1)
                    && numeral(self.s(i - 2)).is_none()
            {
                return true;
            }
        }
        if let Some(w) = self.word_before(i) {
            let key = lower_trim_dot(w);
            if self.f.before.contains(&key) {
                return true;
            }
            if checked_capital
                && self.f.capitalised
                && w.chars().any(char::is_uppercase)
                && !self.f.unless.contains(&key)
                && !self.f.numbers.contains_key(key.as_str())
                && !self.f.tens.contains_key(key.as_str())
            {
                return true;
            }
        }
        false
    }

    fn after_is_name(&self, next: usize) -> bool {
        self.is_word(next) && self.f.after.contains(&lower_trim_dot(self.s(next)))
    }

    fn digit_start(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            self.text.as_bytes()[t.start].is_ascii_digit() || numeral::vulgar(&self.text[t.start..]).is_some()
        })
    }

    /// A digit literal starting at token `i` (a digit word, or "." before
    /// one): the literal, the token after it and letters glued after it.
    fn literal(&self, i: usize) -> Option<(Literal, usize, Option<&str>)> {
        let t = self.toks.get(i)?;
        let first = self.text.as_bytes()[t.start..].first()?;
        if !first.is_ascii_digit() && numeral::vulgar(&self.text[t.start..]).is_none() {
            // ".08" only when no digit is glued before the point.
            if *first != b'.' || (i > 0 && self.glued(i - 1, i) && self.toks[i - 1].word) {
                return None;
            }
        }
        let lit = numeral::scan(self.text, t.start)?;
        let mut j = i;
        while j < self.toks.len() && self.toks[j].end <= lit.end {
            j += 1;
        }
        if j < self.toks.len() && self.toks[j].start < lit.end {
            let suffix = &self.text[lit.end..self.toks[j].end];
            return Some((lit, j + 1, Some(suffix)));
        }
        Some((lit, j, None))
    }

    /// A scale word joined to the digits before it by a hyphen ("$5.4-billion",
    /// a newspaper style, or "$2.6 - million" as tokenised text writes it):
    /// its factor and the token after it. Short scales ("5-m") stay out, as
    /// they do with a space.
    fn hyphen_scale(&self, k: usize) -> Option<(f64, usize)> {
        if !(self.joining_hyphen(k) && self.is_word(k + 1)) {
            return None;
        }
        let w = self.lower(k + 1);
        let f = *self.f.scales.get(&w).filter(|_| w.len() > 2)?;
        Some((f, k + 2))
    }

    /// A piece of a written number at token `k`: the piece and the token after it.
    fn atom(&self, k: usize, currency: bool, after_digits: bool) -> Option<(Atom, usize)> {
        if k >= self.toks.len() {
            return None;
        }
        if !self.toks[k].word {
            if after_digits && let Some((f, next)) = self.hyphen_scale(k) {
                return Some((Atom::Scale(f), next));
            }
            if self.is_punct(k, "-")
                && self.is_word(k + 1)
                && let Some((d, plural, false)) = self.f.ordinal(&self.lower(k + 1))
            {
                return Some((Atom::Ord(d, plural, true), k + 2));
            }
            return None;
        }
        let w = self.lower(k);
        if let Some(&t) = self.f.tens.get(w.as_str()) {
            // "twenty-one", "fifty - two"; "thirty-fifths" is one denominator.
            if self.is_punct(k + 1, "-") && self.is_word(k + 2) {
                let w2 = self.lower(k + 2);
                if let Some(&u) = self.f.numbers.get(w2.as_str())
                    && (1.0..10.0).contains(&u)
                {
                    return Some((Atom::Card(t + u, false), k + 3));
                }
                if let Some((d, plural, _)) = self.f.ordinal(&w2)
                    && d < 10.0
                {
                    return Some((Atom::Ord(t + d, plural, true), k + 3));
                }
            }
            return Some((Atom::Card(t, true), k + 1));
        }
        if let Some(&u) = self.f.numbers.get(w.as_str()) {
            return Some((Atom::Card(u, false), k + 1));
        }
        if let Some(&f) = self.f.scales.get(&w) {
            // Short scales ("k", "m", "bn") only after digits, and glued, after a
            // currency, or last ("2.33 k"), so "5 m" in a sentence is no million.
            let short = w.len() <= 2;
            if short && !(after_digits && (self.glued(k - 1, k) || currency || !self.is_word(k + 1))) {
                return None;
            }
            return Some((Atom::Scale(f), k + 1));
        }
        match w.as_str() {
            "and" => return Some((Atom::And, k + 1)),
            "a" | "an" => return Some((Atom::A, k + 1)),
            "point" => return Some((Atom::Point, k + 1)),
            _ => {}
        }
        if let Some((d, plural, compound_only)) = self.f.ordinal(&w)
            && !compound_only
        {
            return Some((Atom::Ord(d, plural, false), k + 1));
        }
        if numeral::scan(self.text, self.toks[k].start).is_some() {
            let (lit, next, suffix) = self.literal(k)?;
            return suffix.is_none().then_some((Atom::Digits(lit), next));
        }
        None
    }

    /// Whether a fraction word at `k` ends here as a number: something a
    /// fraction can stand before ("of", a scale, the end of the clause).
    fn fraction_ends(&self, k: usize) -> bool {
        if !self.is_word(k) {
            return true;
        }
        let w = self.lower(k);
        w == "of" || self.f.scales.get(&w).is_some_and(|_| w.len() > 2) || matches!(w.as_str(), "a" | "an")
    }

    /// A number at token `i`, digits or words, with scales, fractions and
    /// decimals ("two hundred and three", "1.5 million", "three quarters",
    /// "one and a half", "two point five", "13 lakh").
    fn number(&self, i: usize, currency: bool) -> Option<Num> {
        let mut unit = None;
        // Digits first: their value, what is glued to them.
        let mut total = 0.0;
        let mut current = 0.0;
        let mut cur_low = 0.0; // part of `current` below a hundred
        let mut has_hundred = false;
        let mut last_big = f64::INFINITY;
        let mut scaled = false;
        let mut k = i;
        let mut raw = None;
        let mut year_like = false;
        let mut best: Option<(f64, usize)> = None;
        let mut and_best: Option<(f64, usize)> = None;
        let mut and_current = None; // `current` when the last "and" was read
        let mut last_atom: Option<Atom> = None;
        let mut prev_tens_added = false;
        let mut numerator_one = false;
        // After "twenty and": only a fraction may follow ("twenty and three
        // fifths"), so "between five and seven" stays two numbers.
        let mut and_needs_fraction = false;
        // (total, current) before the last number word, for "one hundred one thousand fifths".
        let mut before_card = (0.0, 0.0);
        let mut card_before_scale: Option<(f64, (f64, f64))> = None;
        let mut steps = 0;
        if let Some((lit, next, suffix)) = self.literal(i) {
            if self.toks[i].word && self.is_name(i, !currency) {
                return None;
            }
            current = lit.value;
            raw = Some(lit.value);
            k = next;
            if let Some(sfx) = suffix {
                if !sfx.chars().all(char::is_alphabetic) {
                    return None;
                }
                // One digit and one capital letter is a name ("4K", "3M"),
                // unless it is money ("$5M"); so are four digits or more and
                // one capital (a model, "the 9400M"), as a scale letter
                // follows a short figure ("6.1M", "250M"), never "9400M"
                // for 9.4 billion.
                let written = &self.text[self.toks[i].start..lit.end];
                let model = written.len() >= 4 && written.bytes().all(|b| b.is_ascii_digit());
                if (written.len() == 1 || model)
                    && !currency
                    && sfx.len() == 1
                    && sfx.chars().all(|c| c.is_ascii_uppercase())
                {
                    return None;
                }
                let low = sfx.to_lowercase();
                if !currency
                    && let Some((u, before)) = self.f.glued_units.get(&low)
                    && self.is_word(k)
                    && before.contains(self.lower(k).as_str())
                {
                    return Some(Num::whole(current, lit.value, k, Some(u.clone()), scaled));
                }
                let money = currency.then(|| self.f.money_scales.get(&low)).flatten();
                if let Some(f) = self.f.scales.get(&low).or(money) {
                    current *= f;
                    return Some(self.more_scales(Num::whole(current, lit.value, k, unit, true), currency));
                } else if let Some((u, _)) = self.f.units.forward(sfx, &tokenize(sfx), 0) {
                    unit = Some(u);
                    return Some(Num::whole(current, lit.value, k, unit, scaled));
                } else if let Some((code, _)) = self.f.currency_after.forward(sfx, &tokenize(sfx), 0) {
                    unit = Some(Unit {
                        unit: code,
                        measure: "money".to_string(),
                    });
                    return Some(Num::whole(current, lit.value, k, unit, scaled));
                }
                return None;
            }
            let s = &self.text[self.toks[i].start..lit.end];
            year_like = lit.integer && s.len() == 4 && (1800.0..=2100.0).contains(&lit.value);
            if !lit.integer {
                // A decimal or fraction takes scales only ("1.5 million", "2.12 hundred").
                let n = Num {
                    value: lit.value,
                    raw: lit.value,
                    next: k,
                    unit,
                    scaled,
                    year_like,
                    fraction: lit.fraction && lit.value.abs() < 1.0,
                };
                return Some(self.more_scales(n, currency));
            }
            // "2  1/4": a whole number and a fraction.
            if let Some((l2, n2, None)) = self.literal(k)
                && l2.fraction
                && !self.glued(k - 1, k)
            {
                return Some(Num::whole(lit.value + l2.value, lit.value, n2, unit, scaled));
            }
            cur_low = if lit.value < 100.0 { lit.value } else { 0.0 };
            best = Some((current, k));
            last_atom = Some(Atom::Digits(lit));
        }
        let started_digits = raw.is_some();
        while steps < 64 {
            steps += 1;
            let after_digits = matches!(last_atom, Some(Atom::Digits(_)));
            let Some((atom, next)) = self.atom(k, currency, after_digits) else {
                break;
            };
            let seg_start = and_current.unwrap_or(0.0);
            match atom {
                Atom::Card(v, tens_alone) => {
                    if matches!(last_atom, Some(Atom::Digits(_))) || started_digits && !scaled {
                        break;
                    }
                    let fits = cur_low == 0.0 || (cur_low >= 20.0 && cur_low % 10.0 == 0.0 && v < 10.0 && v > 0.0);
                    if !fits || (v == 0.0 && and_current.is_some()) {
                        // "three twenty firsts", "one one hundred fifth": a
                        // compound denominator after the numerator.
                        if let Some((den, n2)) = self.compound_ordinal(k) {
                            let num = total + current;
                            let value = num / den;
                            if num > 0.0 {
                                best = Some((value, n2));
                            }
                        }
                        break;
                    }
                    if and_current.is_some() && v == 0.0 {
                        break;
                    }
                    before_card = (total, current);
                    current += v;
                    cur_low += v;
                    prev_tens_added = tens_alone;
                    numerator_one = false;
                    raw.get_or_insert(v);
                    if !and_needs_fraction {
                        best = Some((total + current, next));
                    }
                }
                Atom::Digits(lit) => {
                    // Digits continue a number only after a scale word or
                    // "and": "4 thousand 3 hundred and 21".
                    let ok = (matches!(last_atom, Some(Atom::Scale(_)))
                        || matches!(last_atom, Some(Atom::And)) && scaled)
                        && lit.integer
                        && cur_low == 0.0;
                    if !ok || (and_current.is_some() && (lit.value == 0.0 || lit.value >= 100.0)) {
                        break;
                    }
                    current += lit.value;
                    cur_low = lit.value;
                    best = Some((total + current, next));
                }
                Atom::Scale(f) => {
                    if last_atom.is_none() || matches!(last_atom, Some(Atom::And | Atom::Point)) || and_needs_fraction {
                        break;
                    }
                    card_before_scale = match last_atom {
                        Some(Atom::Card(v, _)) if v < 10.0 => Some((v, before_card)),
                        _ => None,
                    };
                    let a_before = matches!(last_atom, Some(Atom::A));
                    if f == 100.0 {
                        if has_hundred && current >= 100.0 {
                            if and_current.is_some() {
                                best = and_best;
                            }
                            break;
                        }
                        current = if a_before || current == 0.0 {
                            100.0
                        } else {
                            current * 100.0
                        };
                        has_hundred = true;
                        cur_low = 0.0;
                    } else if f < 100.0 {
                        // "dozen" multiplies what follows the last "and" only.
                        let base = if a_before { 1.0 } else { current - seg_start };
                        current = seg_start + base.max(if current == 0.0 { 1.0 } else { 0.0 }) * f;
                        cur_low = 0.0;
                    } else if f < last_big {
                        let c = if current == 0.0 { 1.0 } else { current };
                        total += c * f;
                        current = 0.0;
                        cur_low = 0.0;
                        has_hundred = false;
                        last_big = f;
                    } else if current == 0.0 && total > 0.0 {
                        // "three lakh crore": a larger scale over the whole.
                        total *= f;
                        last_big = f;
                    } else {
                        if and_current.is_some() {
                            best = and_best;
                        }
                        break;
                    }
                    scaled = true;
                    and_current = None;
                    numerator_one = false;
                    best = Some((total + current, next));
                }
                Atom::And => {
                    if last_atom.is_none() {
                        break;
                    }
                    and_best = best;
                    and_current = Some(current);
                    if cur_low > 0.0 {
                        and_needs_fraction = true;
                        cur_low = 0.0;
                    }
                }
                Atom::A => {
                    // "a hundred", "a half", "and a third".
                    if !(last_atom.is_none() || matches!(last_atom, Some(Atom::And))) {
                        break;
                    }
                    numerator_one = true;
                }
                Atom::Point => {
                    if last_atom.is_none() || started_digits && total + current == 0.0 {
                        break;
                    }
                    let Some((frac, n2)) = self.decimals(next) else {
                        break;
                    };
                    current += frac;
                    let n = Num::whole(total + current, raw.unwrap_or(0.0), n2, unit, scaled);
                    return Some(self.more_scales(n, currency));
                }
                Atom::Ord(d, plural, hyph) => {
                    if started_digits && and_current.is_none() {
                        break; // "100 millionths" is 100
                    }
                    let seg_num = current - seg_start;
                    let num = if and_current.is_some() {
                        seg_num
                    } else {
                        total + current
                    };
                    let bare = last_atom.is_none();
                    let single = bare || numerator_one && num == 0.0 || num == 1.0 && !prev_tens_added;
                    if plural == single && !(d == 2.0 && numerator_one) {
                        break;
                    }
                    let approx = bare && self.approx_before(i);
                    if and_current.is_none() && !approx && !self.fraction_ends(next) {
                        break;
                    }
                    if bare && !self.scale_follows(next) && !approx {
                        break; // "half" alone is no number; "half a million" is
                    }
                    let value;
                    if bare || numerator_one && num == 0.0 {
                        value = total + seg_start + 1.0 / d;
                    } else if let Some(start) = and_current {
                        // "one hundred and thirty fifths" is 130/5; "and three quarters" adds.
                        if has_hundred && seg_num >= 10.0 && d <= 10.0 {
                            value = (total + current) / d;
                        } else {
                            value = total + start + seg_num / d;
                        }
                    } else if prev_tens_added && !hyph && d < 10.0 && total + current > cur_low {
                        // "one hundred thirty fifths" = 100 / 35.
                        let tens = cur_low;
                        value = (total + current - tens) / (tens + d);
                    } else if let (Some((u, (t0, c0))), Some(Atom::Scale(f)), false) =
                        (card_before_scale, last_atom, hyph)
                        && d < 10.0
                        && f >= 100.0
                        && t0 + c0 > 0.0
                    {
                        // "one hundred one thousand fifths" = 100 / 1005.
                        value = (t0 + c0) / (u * f + d);
                    } else {
                        value = (total + current) / d;
                    }
                    let after_big = and_current == Some(0.0) && last_big.is_finite() && total > 0.0;
                    let fraction = value < 1.0;
                    let mut n = Num {
                        value,
                        raw: raw.unwrap_or(value),
                        next,
                        unit: None,
                        scaled,
                        year_like: false,
                        fraction,
                    };
                    // "two thirds of a million", "half a dozen", "a quarter million".
                    let mut j = next;
                    if self.is_word(j) && self.lower(j) == "of" {
                        j += 1;
                    }
                    if self.is_word(j) && matches!(self.lower(j).as_str(), "a" | "an") {
                        j += 1;
                    }
                    if self.is_word(j)
                        && let Some(&f) = self.f.scales.get(&self.lower(j))
                        && self.lower(j).len() > 2
                    {
                        // "one billion and a half million" adds half a million;
                        // "five and a half million" is 5.5 million.
                        n.value = if after_big {
                            total + (value - total) * f
                        } else {
                            value * f
                        };
                        n.next = j + 1;
                        n.scaled = true;
                        n.fraction = false;
                    } else if after_big {
                        // "one million and a half" is a million and half a million.
                        n.value = total + (value - total) * last_big;
                        n.fraction = false;
                    }
                    return Some(n);
                }
            }
            last_atom = Some(atom);
            k = next;
        }
        if and_needs_fraction {
            best = and_best;
        }
        let (value, next) = best?;
        let single = raw.is_some() && next == i + 1;
        Some(Num {
            value,
            raw: raw.unwrap_or(value),
            next,
            unit,
            scaled,
            year_like: year_like && single && !scaled,
            fraction: false,
        })
        .map(|n| self.ratio(n, currency))
    }

    /// Scales after a decimal or glued-scale figure: "1.5 million", "75 USD million" is left to the caller.
    fn more_scales(&self, mut n: Num, currency: bool) -> Num {
        if !n.scaled
            && let Some((f, next)) = self.hyphen_scale(n.next)
        {
            n.value *= f;
            n.scaled = true;
            n.year_like = false;
            n.next = next;
        }
        while self.is_word(n.next) {
            let w = self.lower(n.next);
            let Some(&f) = self.f.scales.get(&w) else {
                break;
            };
            if w.len() <= 2 && !currency && !self.glued(n.next - 1, n.next) && self.is_word(n.next + 1) {
                break;
            }
            n.value *= f;
            n.scaled = true;
            n.year_like = false;
            n.next += 1;
        }
        n
    }

    /// "USD115": a currency code glued before the digits.
    fn code_glued(&self, i: usize) -> Option<(Quantity, usize)> {
        let t = self.toks[i];
        let w = &self.text[t.start..t.end];
        // A digit within the first five bytes, after capitals only.
        let p = w.bytes().take(5).position(|c| c.is_ascii_digit())?;
        if p == 0 || !w[..p].chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        // "$US1 million", "$ A5": a dollar sign before the country's
        // capitals, as Australian and New Zealand papers write it; else the
        // capitals alone are the code ("USD115").
        let sign = i
            .checked_sub(1)
            .filter(|&k| self.s(k) == "$" && t.start - self.toks[k].end <= 1);
        let read = |code: &str| {
            let toks = tokenize(code);
            self.f.currency_before.forward(code, &toks, 0).map(|(c, _)| c)
        };
        let (code, start) = match sign.and_then(|k| Some((read(&format!("${}", &w[..p]))?, self.toks[k].start))) {
            Some(found) => found,
            None => (read(&w[..p])?, t.start),
        };
        let lit = numeral::scan(self.text, t.start + p)?;
        let mut value = lit.value;
        if lit.end != t.end {
            // "USD15bn": a scale glued to the figure.
            let rest = self.text[lit.end..t.end].to_lowercase();
            value *= self.f.scales.get(&rest).or_else(|| self.f.money_scales.get(&rest))?;
        }
        let mut next = i + 1;
        if lit.end == t.end
            && self.is_word(next)
            && self.lower(next).len() > 2
            && let Some(&f) = self.f.scales.get(&self.lower(next))
        {
            value *= f;
            next += 1;
        }
        let e = self.toks[next - 1].end;
        let q = Quantity {
            text: self.text[start..e].to_string(),
            start,
            end: e,
            value: Some(value),
            low: Some(value),
            high: Some(value),
            approximator: None,
            unit: Some(code),
            counted: None,
            measure: Some("money".to_string()),
        };
        Some((q, next))
    }

    /// "MUSD", "MEUR": M before a currency code is millions of it.
    fn million_code(&self, at: usize) -> Option<(String, f64)> {
        if !self.is_word(at) {
            return None;
        }
        let w = self.s(at);
        let code = w.strip_prefix('M')?;
        if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        let toks = tokenize(code);
        let (found, _) = self.f.currency_after.forward(code, &toks, 0)?;
        (found == code).then_some((found, 1e6))
    }

    /// Cents written after a whole amount: ("and") a number below 100, then a
    /// cent word or the end of the phrase. Returns (cents, next token).
    fn cents(&self, mut j: usize) -> Option<(f64, usize)> {
        let and = self.is_word(j) && self.lower(j) == "and";
        if and {
            j += 1;
        }
        if !self.is_word(j) {
            return None;
        }
        let n = self.number(j, true)?;
        if n.unit.is_some() || n.scaled || n.value.fract() != 0.0 || !(1.0..100.0).contains(&n.value) {
            return None;
        }
        if let Some((code, k)) = self.f.currency_after.forward(self.text, self.toks, n.next) {
            // "30 cents" are cents; "10 $ 30 $" is a second amount.
            return (code == "cent").then_some((n.value, k));
        }
        // "15 dollars and 15." ends there; "15 USD 50 more" may go on with a
        // function word, not a noun ("15 dollars 50 times").
        let ends = !self.is_word(n.next)
            || self.lower(n.next) == "and"
            || !and && self.f.function.contains(self.lower(n.next).as_str());
        ends.then_some((n.value, n.next))
    }

    fn scale_follows(&self, mut j: usize) -> bool {
        if self.is_word(j) && matches!(self.lower(j).as_str(), "a" | "an") {
            j += 1;
        }
        self.is_word(j) && self.lower(j).len() > 2 && self.f.scales.contains_key(&self.lower(j))
    }

    /// Whether an approximator ends right before token `i` ("more than half").
    fn approx_before(&self, i: usize) -> bool {
        self.f.approximators.backward(self.text, self.toks, i, 0).is_some()
    }

    /// Digits after "point": "zero three" = .03, "seventy-one" = .71.
    fn decimals(&self, k: usize) -> Option<(f64, usize)> {
        let mut digits = String::new();
        let mut j = k;
        while let Some((Atom::Card(v, _), n)) = self.atom(j, false, false) {
            if v >= 10.0 {
                if digits.is_empty() {
                    digits = format!("{v}");
                    j = n;
                }
                break;
            }
            digits.push_str(&format!("{v}"));
            j = n;
        }
        if digits.is_empty() {
            return None;
        }
        format!("0.{digits}").parse().ok().map(|v| (v, j))
    }

    /// A denominator written as a compound ordinal from `k`: "twenty firsts"
    /// (21), "one hundred and fifth" (105).
    fn compound_ordinal(&self, k: usize) -> Option<(f64, usize)> {
        let (Atom::Card(v, _), mut j) = self.atom(k, false, false)? else {
            return None;
        };
        let mut base = v;
        if v < 10.0
            && let Some((Atom::Scale(f), n)) = self.atom(j, false, false)
            && f >= 100.0
        {
            base = v * f;
            j = n;
            if let Some((Atom::And, n)) = self.atom(j, false, false) {
                j = n;
            }
        } else if !(v >= 20.0 && v % 10.0 == 0.0) {
            return None;
        }
        let w = self.is_word(j).then(|| self.lower(j))?;
        let (d, _, _) = self.f.ordinal(&w)?;
        (d < 10.0).then_some((base + d, j + 1))
    }

    /// "one over three", "1 in twenty-one", "two out of five hundred": a ratio.
    fn ratio(&self, n: Num, currency: bool) -> Num {
        if currency || n.unit.is_some() || !self.is_word(n.next) {
            return n;
        }
        let w = self.lower(n.next);
        let (skip, needs_end, needs_le) = match w.as_str() {
            "over" => (1, true, false),
            "out" if self.is_word(n.next + 1) && self.lower(n.next + 1) == "of" => (2, false, true),
            _ => return n,
        };
        let j = n.next + skip;
        let is_digits = |k: usize| {
            self.toks
                .get(k)
                .is_some_and(|t| self.text.as_bytes()[t.start].is_ascii_digit())
        };
        if !(is_digits(j)
            || self.is_word(j) && self.f.numbers.contains_key(self.lower(j).as_str())
            || self.is_word(j) && self.f.tens.contains_key(self.lower(j).as_str()))
        {
            return n;
        }
        let Some(d) = self.number_plain(j) else {
            return n;
        };
        if d.value == 0.0 || (needs_end && self.is_word(d.next)) || (needs_le && n.value > d.value) {
            return n;
        }
        let value = n.value / d.value;
        Num {
            value,
            next: d.next,
            scaled: false,
            year_like: false,
            fraction: value.abs() < 1.0,
            ..n
        }
    }

    /// A number without the ratio step (the second term of a ratio).
    fn number_plain(&self, j: usize) -> Option<Num> {
        let n = self.number(j, true)?;
        Some(n)
    }

    /// The core of a quantity starting at token `i`.
    fn core(&self, i: usize, currency: bool, between: bool) -> Option<Core> {
        if let Some((v, next)) = self.f.vague.forward(self.text, self.toks, i) {
            // "tens of millions", "several hundred".
            let (lo, hi) = v;
            let mut factor = 1.0;
            let mut end = next;
            if self.is_word(next) {
                if let Some(&f) = self.f.scales.get(&self.lower(next)) {
                    factor = f;
                    end = next + 1;
                } else if self.lower(next) == "of"
                    && self.is_word(next + 1)
                    && let Some(&f) = self.f.scale_plurals.get(&self.lower(next + 1))
                {
                    factor = f;
                    end = next + 2;
                }
            }
            return Some(Core {
                value: None,
                low: lo * factor,
                high: hi * factor,
                next: end,
                vague: true,
                range: false,
                scaled: factor != 1.0,
                year_like: false,
                unit: None,
            });
        }
        let n1 = self.number(i, currency)?;
        let (v, next, mut unit, scaled, year_like) = (n1.value, n1.next, n1.unit.clone(), n1.scaled, n1.year_like);
        if n1.fraction && unit.is_none() && !currency {
            // A share ("a third of voters", "3/4"), compared only with shares.
            unit = Some(Unit {
                unit: "fraction".to_string(),
                measure: "fraction".to_string(),
            });
        }
        let mut core = Core {
            value: Some(v),
            low: v,
            high: v,
            next,
            vague: false,
            range: false,
            scaled,
            year_like,
            unit,
        };
        // Ranges: "5-7", "5 to 7", "between 5 and 7", "$5-$7".
        let joiner = if self.is_punct(next, "-") || self.is_punct(next, "–") {
            self.digit_start(i)
        } else if self.is_word(next) {
            let w = self.lower(next);
            w == "to" || (between && w == "and")
        } else {
            false
        };
        if joiner && core.unit.is_none() {
            let mut j = next + 1;
            let mut cur2 = currency;
            if let Some((_, k)) = self.f.currency_before.forward(self.text, self.toks, j)
                && self.is_word(k)
            {
                j = k;
                cur2 = true;
            }
            if self.is_word(j)
                && self.digit_start(j) == self.digit_start(i)
                && let Some(n2) = self.number(j, cur2)
            {
                let (v2, next2, unit2, scaled2, year2) = (n2.value, n2.next, n2.unit, n2.scaled, n2.year_like);
                // "a 4-1/2-month term": a whole number hyphened to a proper
                // fraction is one mixed number, not a range down to a half.
                if n2.fraction && !scaled && v.fract() == 0.0 && self.is_punct(next, "-") {
                    // "$5-1/2 million": the scale after the fraction is the
                    // whole number's too.
                    let mixed = if scaled2 && n2.raw != 0.0 {
                        (v + n2.raw) * (v2 / n2.raw)
                    } else {
                        v + v2
                    };
                    core.value = Some(mixed);
                    core.low = mixed;
                    core.high = mixed;
                    core.next = next2;
                    core.unit = unit2;
                    return Some(core);
                }
                let mut v1 = v;
                if scaled2 && !scaled {
                    let raw2 = n2.raw;
                    if raw2 != 0.0 {
                        v1 *= v2 / raw2;
                    }
                }
                core = Core {
                    value: None,
                    low: v1.min(v2),
                    high: v1.max(v2),
                    next: next2,
                    vague: false,
                    range: true,
                    scaled: scaled || scaled2,
                    year_like: year_like && year2,
                    unit: unit2,
                };
            }
        }
        Some(core)
    }

    /// Whether token `j` opens another figure ("and more than 100", "and
    /// over 200"): then the words before it join two figures, and bound
    /// neither.
    fn starts_figure(&self, j: usize) -> bool {
        j < self.toks.len() && (self.lower(j) == "than" || self.digit_start(j) || numeral(self.s(j)).is_some())
    }

    /// A hyphen at `j` that tokenised text spaced inside a compound right
    /// after a figure ("a 16 - year - old"): it joins a singular measure noun
    /// to the figure. A dash before a plural ("50 - police said") does not.
    fn spaced_compound(&self, j: usize, words: &[(&str, String)]) -> bool {
        words.is_empty()
            && self.spaced_around(j)
            && self.is_word(j + 1)
            && self.f.measures.contains_key(&self.lower(j + 1))
            && !plural_noun(self.s(j + 1), &self.lower(j + 1))
    }

    /// The noun counted, looked for from token `j`: (the noun, measure).
    fn counted(&self, mut j: usize, allow_of: bool) -> Option<String> {
        if allow_of && self.is_word(j) && self.lower(j) == "of" {
            j += 1;
            if self.is_word(j) && DETERMINERS.contains(&self.lower(j).as_str()) {
                j += 1;
            }
        }
        let mut words = Vec::new();
        while words.len() < 4 && j < self.toks.len() {
            if !self.toks[j].word {
                let p = self.s(j);
                // "U.S." keeps going; so does a hyphen inside a compound.
                if p == "." && j > 0 && self.s(j - 1).contains('.') && self.glued(j - 1, j) {
                    j += 1;
                    continue;
                }
                if p == "-" && (self.glued_around(j) || self.spaced_compound(j, &words)) {
                    j += 1;
                    continue;
                }
                break;
            }
            let w = self.s(j);
            let low = w.to_lowercase();
            if self.f.function.contains(low.as_str()) || numeral(w).is_some() {
                break;
            }
            // A past-tense verb after a plural noun starts the predicate:
            // "two quakes flattened buildings" counts quakes, not buildings.
            if low.ends_with("ed")
                && words
                    .last()
                    .is_some_and(|(pw, pl): &(&str, String)| plural_noun(pw, pl))
            {
                break;
            }
            words.push((w, low));
            j += 1;
        }
        if let Some(k) = words.iter().position(|(_, l)| self.f.measures.contains_key(l)) {
            // A measure's noun before a plural head only modifies it:
            // "13 home runs" counts runs, not homes.
            if let Some((w, l)) = words.last()
                && k + 1 < words.len()
                && plural_noun(w, l)
                && !self.f.measures.contains_key(l)
            {
                return Some(l.clone());
            }
            return Some(words[k].1.clone());
        }
        if let Some((_, low)) = words.iter().find(|(w, l)| plural_noun(w, l)) {
            return Some(low.clone());
        }
        None
    }

    fn quantity_at(&self, i: usize, floor: usize) -> Option<(Quantity, usize)> {
        // What comes before the number: a sign, a currency symbol, an approximator.
        let mut start = i;
        let mut negative = false;
        if i > floor {
            let p = i - 1;
            // "-5", "- 1 4/5" at the start, "minus 5"; not "F-35" or "5 - 7".
            let sign = !self.toks[p].word
                && matches!(self.s(p), "-" | "−")
                && (self.glued(p, i) || p == 0)
                && !(p > 0 && self.glued(p - 1, p));
            let word = self.toks[p].word && matches!(self.lower(p).as_str(), "minus" | "negative");
            if sign || word {
                negative = true;
                start = p;
            }
        }
        let mut currency = None;
        let mut million = None;
        if let Some((code, k)) = self.f.currency_before.backward(self.text, self.toks, start, floor) {
            currency = Some(code);
            start = k;
        } else if start > floor
            && let Some((code, f)) = self.million_code(start - 1)
        {
            currency = Some(code);
            million = Some(f);
            start -= 1;
        }
        let number_start = start;
        let mut approx = None;
        if let Some((a, k)) = self.f.approximators.backward(self.text, self.toks, start, floor) {
            approx = Some(a);
            start = k;
        }
        if self.is_blocked(i) {
            return None;
        }
        let between = approx.as_ref().is_some_and(|a| a.word.eq_ignore_ascii_case("between"));
        let mut core = self.core(i, currency.is_some(), between)?;
        if let Some(f) = million {
            core.scale_by(f);
        }
        if negative {
            core.value = core.value.map(|v| -v);
            (core.low, core.high) = (-core.high, -core.low);
        }
        if between && !core.range {
            approx = None;
            start = number_start;
        }
        let mut end = core.next;
        // After the number: percent, unit, currency word; "12-cent", "one-yen"
        // take theirs after a hyphen, as does tokenised text's "16 - year - old".
        let hyphen = self.joining_hyphen(end);
        let mut unit = core.unit.clone();
        if unit.is_none() {
            for at in [end, end + 1].into_iter().take(1 + usize::from(hyphen)) {
                if let Some((u, k)) = self.f.units.forward(self.text, self.toks, at) {
                    unit = Some(u);
                    end = k;
                    break;
                }
            }
        }
        let of_money = core.vague && self.is_word(end) && self.lower(end) == "of";
        if unit.is_none() {
            let at = end + usize::from(of_money || hyphen && !self.is_word(end));
            // A symbol after the number belongs to the next one when glued to
            // it ("$ 20.00 $ 37.10"), and is not taken when one came before.
            let symbol_next = !self.is_word(at) && self.glued(at, at + 1) && self.digit_start(at + 1);
            if let Some((code, k)) = self.f.currency_after.forward(self.text, self.toks, at)
                && !(symbol_next || currency.is_some() && !self.is_word(at))
            {
                if currency.is_none() {
                    currency = Some(code);
                }
                end = k;
            } else if currency.is_none()
                && let Some((code, factor)) = self.million_code(at)
            {
                // "30 MUSD": millions of the currency, an accounting form.
                currency = Some(code);
                core.scale_by(factor);
                end = at + 1;
            }
            // "75 USD million".
            if currency.is_some()
                && !core.scaled
                && self.is_word(end)
                && self.lower(end).len() > 2
                && let Some(&f) = self.f.scales.get(&self.lower(end))
            {
                core.scale_by(f);
                end += 1;
            }
        }
        // "3 dollars 50 cents", "15 dollars and 15", "c $ 100 and fifty".
        if let Some(code) = &currency
            && !core.scaled
            && !core.range
            && !core.vague
            && core.value.is_some_and(|v| v.fract() == 0.0)
            && !matches!(code.as_str(), "cent" | "pence" | "JPY")
            && let Some((cents, k)) = self.cents(end)
        {
            core.value = core.value.map(|v| v + cents / 100.0);
            core.low += cents / 100.0;
            core.high += cents / 100.0;
            end = k;
        }
        // "50 or more people": a bound written after the figure, when none
        // came before it.
        if approx.is_none()
            && !core.range
            && let Some((a, k)) = self.f.approximators_after.forward(self.text, self.toks, end)
            && !self.starts_figure(k)
        {
            approx = Some(a);
            end = k;
        }
        // "one" on its own: only before a noun ("one person"), not "one of".
        let word = self.lower(i);
        if !core.scaled
            && !core.range
            && !negative
            && word == "one"
            && core.next == i + 1
            && currency.is_none()
            && unit.is_none()
        {
            let pronoun = i > 0
                && self.is_word(i - 1)
                && matches!(
                    self.lower(i - 1).as_str(),
                    "no" | "any" | "every" | "some" | "the" | "this" | "that" | "each" | "which"
                );
            let ok = !pronoun
                && self.is_word(end)
                && !self.f.function.contains(self.lower(end).as_str())
                && self.s(end).chars().all(char::is_lowercase);
            if !ok {
                return None;
            }
        }
        if currency.is_none() && unit.is_none() && self.after_is_name(end) {
            return None;
        }
        let percent = unit
            .as_ref()
            .is_some_and(|u| matches!(u.measure.as_str(), "percent" | "percentage points" | "fraction"));
        let counted = if currency.is_some() || (unit.is_some() && !percent) {
            None
        } else {
            self.counted(end, core.vague || percent)
        };
        // "50 employees or fewer": the bound after the thing counted.
        if approx.is_none()
            && !core.range
            && let Some(noun) = &counted
            && let Some(at) = (end..(end + 5).min(self.toks.len())).find(|&j| self.is_word(j) && self.lower(j) == *noun)
            && let Some((a, k)) = self.f.approximators_after.forward(self.text, self.toks, at + 1)
            && !self.starts_figure(k)
        {
            approx = Some(a);
        }
        if core.year_like && currency.is_none() && unit.is_none() && approx.is_none() && counted.is_none() {
            return None;
        }
        let measure = if currency.is_some() {
            Some("money".to_string())
        } else if let Some(u) = &unit {
            Some(u.measure.clone())
        } else {
            counted.as_ref().and_then(|c| self.f.measures.get(c).cloned())
        };
        let (mut low, mut high) = (Some(core.low), Some(core.high));
        if let (Some(a), Some(v)) = (&approx, core.value) {
            match a.bound {
                Bound::Above | Bound::AtLeast => high = None,
                Bound::Below | Bound::AtMost => low = None,
                Bound::About => {
                    low = Some(v * (1.0 - a.margin));
                    high = Some(v * (1.0 + a.margin));
                }
            }
        }
        let (s, e) = (self.toks[start].start, self.toks[end - 1].end);
        let q = Quantity {
            text: self.text[s..e].to_string(),
            start: s,
            end: e,
            value: core.value,
            low,
            high,
            approximator: approx.map(|a| a.word.to_lowercase()),
            unit: currency.or(unit.map(|u| u.unit)),
            counted,
            measure,
        };
        Some((q, end))
    }
}

/// A lower-case word that looks like a plural noun ("villages", not "news"
/// cut short: "us", "ss" and "is" endings are not plurals).
fn plural_noun(w: &str, l: &str) -> bool {
    w.chars().all(|c| c.is_lowercase())
        && l.len() > 3
        && l.ends_with('s')
        && !l.ends_with("ss")
        && !l.ends_with("us")
        && !l.ends_with("is")
}
