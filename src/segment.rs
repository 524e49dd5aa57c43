//! Sentence segmentation with byte offsets into the original text.
//!
//! A hand-written scanner: it walks the bytes once and stops only at candidate
//! terminators (`.`, `?`, `!`, `…`) and line breaks. Nothing is allocated per
//! sentence except the output span.
//!
//! How a candidate is decided:
//!
//! - A blank line always ends a sentence.
//! - A single line break ends a sentence only when the line looks like a
//!   headline, byline or dateline: it began the current sentence, has no
//!   terminal or continuing punctuation at its end, does not end with a
//!   function word ("of", "the", "and"...), the next line starts with a
//!   capital or a digit, and either that next line opens with a common
//!   sentence starter ("The", "It") or a capitalised dateline ("WASHINGTON"),
//!   or the line is short (three words or fewer) or mostly capitalised. A
//!   wrapped line whose continuation starts lower case never breaks.
//! - A footnote mark (`[6]`, `[...]`) or an emoticon right after a
//!   terminator stays with the sentence it follows.
//! - A terminator run (`.`, `?!`, `...`, `…`) takes the closing quotes and
//!   brackets after it, and is a boundary only if whitespace follows. The
//!   word after the whitespace (past opening quotes and brackets) decides:
//!   a lower-case word never starts a sentence. A closing quote that
//!   tokenised text spaced from the terminator (`. ''`, `. ”`, and a `"`
//!   that closes a quotation of its line, ends the line or comes before a
//!   lower-case word or a reporting clause) is taken too: left to the next
//!   sentence, it made that sentence's narration a quotation.
//! - `?` and `!` end a sentence before anything but a lower-case word, or a
//!   quote closed and followed by a reporting clause (`"Why?" Smith asked`).
//!   An ellipsis ends one before a capital, a digit or a symbol.
//! - A single period looks at the word before it (the token after the last
//!   space, opening brackets and a party tag hyphen "R-" removed):
//!   - a title ("Mr.", "Rep.", "St.") ends a sentence only before a word that
//!     cannot be a name ("The", "It", "But"...);
//!   - a medial abbreviation ("vs.", "e.g.") never ends one;
//!   - before a digit, any abbreviation, initial or dotted word continues
//!     ("Jan. 10", "No. 5", "H.R. 5120");
//!   - a single capital letter is an initial ("John F. Kennedy") and an
//!     upper-case dotted abbreviation ("U.S.", "N.Y.") is usually a modifier
//!     ("U.S. Navy"): both end a sentence only before a common sentence
//!     starter, a closed list of pronouns, determiners, conjunctions and
//!     adverbs ("He moved to the U.S. The move was...");
//!   - suffixes, months, states, general and lower-case dotted abbreviations
//!     ("Inc.", "Calif.", "etc.", "a.m.") end a sentence before a common
//!     starter, or before a capitalised word that a lower-case word follows
//!     ("bought by Acme Inc. Shares rose"), not before a run of capitalised
//!     words ("Acme Inc. Chief Executive");
//!   - any other word ends a sentence, except a list marker ("1.", "a.") at
//!     the start of a line;
//!   - tokenised text spaces the period from its word ("Lt . Jane Roe",
//!     "the U . S . Army"): a period one space after an abbreviation or a
//!     single capital is read as if glued to it; after any other word it
//!     ends the sentence, as before.
//!
//! - Web and e-mail text (tuned on the UD English dev splits): an unquoted
//!   `?`/`!`, or a period after an ordinary word, also ends a sentence before
//!   a lower-case word ("are you coming? we leave"); a terminator glued to a
//!   capitalised word ends one ("closed.The owner"); an emoticon before a
//!   capital, a date-and-time stamp ("04/12/2003 09:15 AM"), a separator line
//!   ("=====") and a salutation or valediction ("Hi Mara,", "Best regards,")
//!   end one too.
//!
//! Numbers, URLs and e-mail addresses never break: their periods are not
//! followed by whitespace, and glued breaks are never made inside a token
//! holding "/", "@", "=" or a domain ending. Look-around is bounded
//! (`MAX_TOKEN`), so the scan is linear in the text length.

use std::collections::{HashMap, HashSet};

use crate::model::Span;
use crate::rules::{AbbrevClass, RuleSet};

const TITLE: u8 = 1;
const SUFFIX: u8 = 2;
const MONTH: u8 = 4;
const STATE: u8 = 8;
const NUMBER: u8 = 16;
const GENERAL: u8 = 32;
const MEDIAL: u8 = 64;

fn class_bit(class: AbbrevClass) -> u8 {
    match class {
        AbbrevClass::Title | AbbrevClass::Place => TITLE,
        AbbrevClass::Suffix => SUFFIX,
        AbbrevClass::Month => MONTH,
        AbbrevClass::State => STATE,
        AbbrevClass::Number => NUMBER,
        AbbrevClass::General => GENERAL,
        AbbrevClass::Medial => MEDIAL,
    }
}

/// Capitalised words that commonly start a sentence and are not names: the
/// evidence that a period after an abbreviation ends its sentence.
#[rustfmt::skip]
const STARTERS: &[&str] = &[
    "A", "About", "According", "After", "Afterward", "Afterwards", "Again", "Ahead", "All", "Also",
    "Although", "Among", "An", "And", "Another", "Any", "Anyone", "Are", "As", "At", "Because",
    "Before", "Both", "But", "By", "Can", "Could", "Despite", "Did", "Do", "Does", "During",
    "Each", "Earlier", "Either", "Even", "Every", "Few", "For", "From", "Had", "Has", "Have", "He",
    "Her", "Here", "His", "How", "However", "I", "If", "In", "Instead", "Is", "It", "Its", "Just",
    "Last", "Later", "Many", "Meanwhile", "More", "Most", "Much", "My", "Neither", "Never",
    "Next", "No", "None", "Nor", "Not", "Now", "Of", "On", "Once", "One", "Only", "Or", "Other",
    "Our", "Over", "Several", "She", "Should", "Since", "So", "Some", "Still", "Such", "That",
    "The", "Their", "Then", "There", "These", "They", "This", "Those", "Though", "Thus", "To",
    "Today", "Under", "Until", "Was", "We", "Were", "What", "When", "Where", "Whether", "Which",
    "While", "Who", "Why", "Will", "With", "Without", "Would", "Yesterday", "Yet", "You", "Your",
];

/// After a title, words that cannot be (the start of) a name. Kept small:
/// "He", "A" or "Will" can be names ("Dr. He Jiankui").
#[rustfmt::skip]
const TITLE_STOPS: &[&str] = &[
    "After", "Although", "And", "But", "However", "If", "In", "It", "Its", "Meanwhile", "That",
    "The", "Their", "There", "These", "They", "This", "Those", "We", "When", "While",
];

/// Words of a dateline besides the weekdays and months of the calendar
/// rules ("Published: November 28, 2005 - 7:07AM", "Tue Jul 2, 2013 1:28PM
/// GMT").
#[rustfmt::skip]
const DATELINE_WORDS: &[&str] = &[
    "published", "posted", "updated", "last", "on", "at", "gmt", "utc", "et", "est", "edt", "pst", "pdt", "bst",
    "cet", "am", "pm", "a.m", "p.m",
];

/// Words a headline-shaped line cannot end with: a line ending this way is
/// wrapped mid-sentence.
#[rustfmt::skip]
const CONTINUATIONS: &[&str] = &[
    "a", "about", "after", "against", "an", "and", "are", "as", "at", "be", "because", "been",
    "before", "between", "but", "by", "during", "for", "from", "had", "has", "have", "her", "his",
    "if", "in", "into", "is", "its", "nor", "of", "on", "or", "our", "over", "per", "said", "says",
    "since", "so", "than", "that", "the", "their", "to", "told", "under", "via", "was", "were",
    "when", "which", "while", "who", "whose", "with", "within", "without",
];

/// Reporting verbs: `"Why now?" Smith asked` is one sentence.
#[rustfmt::skip]
const REPORTING: &[&str] = &[
    "acknowledged", "added", "admitted", "answered", "argued", "asked", "asks", "continued",
    "cried", "declared", "explained", "insisted", "noted", "recalled", "replied", "said", "says",
    "shouted", "told", "tweeted", "wondered", "wrote", "yelled",
];

/// Domain endings: "Newsfeed.Com" is no glued sentence.
const TLDS: &[&str] = &[
    "com", "org", "net", "edu", "gov", "info", "biz", "io", "co", "uk", "us", "tv",
];

/// Emoticons that can end a sentence without a terminator.
const EMOTICONS: &[&str] = &[
    ":-)", ":-(", ":-D", ":-P", ";-)", ":)", ":(", ":D", ":P", ":p", ";)", ":/", ":-/", ";-(", ":'(",
];

/// Closing formulas of letters and e-mails, written before a signature:
/// "Best regards,", "Thanks,".
#[rustfmt::skip]
const VALEDICTIONS: &[&str] = &[
    "regards", "Regards", "Sincerely", "sincerely", "Thanks", "Cheers", "Best", "Respectfully", "Cordially",
    "Yours", "yours", "wishes",
];

/// Salutations opening a letter: "Dear All,", "Hi,".
const SALUTATIONS: &[&str] = &["Dear", "Hi", "Hello", "Hey", "Greetings"];

/// A segmenter compiled from the abbreviation rules.
#[derive(Debug, Clone)]
pub struct Segmenter {
    /// Abbreviation (without its final period) -> class bits.
    abbrevs: HashMap<String, u8>,
    starters: HashSet<&'static str>,
    title_stops: HashSet<&'static str>,
    continuations: HashSet<&'static str>,
    reporting: HashSet<&'static str>,
    datelines: Datelines,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    Lower,
    Upper,
    Digit,
    Other,
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '«' | '‹' | '¿' | '¡' | '„'
    )
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '}' | '”' | '’' | '»' | '›')
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The run of alphanumeric characters starting at `i`.
fn word_at(text: &str, i: usize) -> &str {
    let rest = &text[i..];
    let end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    &rest[..end]
}

/// Skip whitespace from `i`: where it ends and how many line feeds it held.
fn skip_space(text: &str, mut i: usize) -> (usize, usize) {
    let mut newlines = 0;
    while let Some(c) = char_at(text, i) {
        if !c.is_whitespace() {
            break;
        }
        if c == '\n' {
            newlines += 1;
        }
        i += c.len_utf8();
    }
    (i, newlines)
}

/// The length of a footnote mark ("[12]", "[...]") or an emoticon (":)")
/// at the start of `rest`, or 0.
fn attachment_len(rest: &str) -> usize {
    if let Some(inner) = rest.strip_prefix('[') {
        let close = match inner.find(']') {
            Some(p) if p <= 6 => p,
            _ => return 0,
        };
        let body = &inner[..close];
        let digits = !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit());
        if digits || body == "..." || body == "…" {
            return close + 2;
        }
        return 0;
    }
    EMOTICONS.iter().find(|e| rest.starts_with(**e)).map_or(0, |e| e.len())
}

/// Bytes the scanner stops at: line feed, terminators, colon, semicolon,
/// comma, rule characters and the first byte of "…".
const INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    let stops = b"\n.?!:;,=_*~-";
    let mut k = 0;
    while k < stops.len() {
        t[stops[k] as usize] = true;
        k += 1;
    }
    t[0xE2] = true;
    t
};

/// Whether `line` opens with a list marker: "1.", "b)", "iv." and a space.
fn list_item(line: &str) -> bool {
    let marker = line.bytes().take_while(u8::is_ascii_alphanumeric).count();
    (1..=3).contains(&marker)
        && matches!(line.as_bytes().get(marker), Some(b'.' | b')'))
        && line.as_bytes().get(marker + 1) == Some(&b' ')
}

/// Where the whitespace-delimited token holding offset `i` starts.
/// Looks back at most `MAX_TOKEN` bytes, so that text without spaces costs
/// linear time.
fn token_start(text: &str, i: usize) -> usize {
    let mut floor = i.saturating_sub(MAX_TOKEN);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    text[floor..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(floor, |(p, c)| floor + p + c.len_utf8())
}

/// Where the token holding offset `i` ends (at most `MAX_TOKEN` bytes on).
fn token_end(text: &str, i: usize) -> usize {
    let mut ceil = (i + MAX_TOKEN).min(text.len());
    while !text.is_char_boundary(ceil) {
        ceil -= 1;
    }
    text[i..ceil].find(char::is_whitespace).map_or(ceil, |p| i + p)
}

/// The longest token the scanner looks at as a whole.
const MAX_TOKEN: usize = 256;

/// Whitespace, and the invisible marks that editors leave in text: a
/// byte-order mark at the start of a file, zero-width spaces. None of them
/// belongs to a sentence.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
}

/// Append the trimmed span of `text[from..to]`, if it holds anything.
fn push(out: &mut Vec<Span>, text: &str, from: usize, to: usize) {
    let seg = &text[from..to];
    let head = seg.trim_start_matches(is_blank);
    let start = from + (seg.len() - head.len());
    let end = start + head.trim_end_matches(is_blank).len();
    if end > start {
        out.push(Span::new(start, end));
    }
}

impl Segmenter {
    pub fn new(rules: &RuleSet) -> Segmenter {
        let mut abbrevs: HashMap<String, u8> = HashMap::new();
        for rule in &rules.abbreviations {
            let bit = class_bit(rule.class);
            for w in &rule.words {
                let w = w.trim().trim_end_matches('.');
                if !w.is_empty() {
                    *abbrevs.entry(w.to_string()).or_insert(0) |= bit;
                }
            }
        }
        // Variants: "Etc." and "Approx." at a sentence start, "MR." and "GOV."
        // in all-caps headlines. Only where no rule lists the variant itself.
        let mut variants = Vec::new();
        for (w, &bits) in &abbrevs {
            if w.chars().count() < 2 {
                continue;
            }
            if w.starts_with(|c: char| c.is_lowercase()) {
                let mut chars = w.chars();
                if let Some(first) = chars.next() {
                    let cap: String = first.to_uppercase().chain(chars).collect();
                    variants.push((cap, bits));
                }
            }
            if bits & TITLE != 0 {
                variants.push((w.to_uppercase(), TITLE));
            }
        }
        for (w, bits) in variants {
            abbrevs.entry(w).or_insert(bits);
        }
        Segmenter {
            abbrevs,
            starters: STARTERS.iter().copied().collect(),
            title_stops: TITLE_STOPS.iter().copied().collect(),
            continuations: CONTINUATIONS.iter().copied().collect(),
            reporting: REPORTING.iter().copied().collect(),
            datelines: Datelines::new(rules),
        }
    }

    /// Sentence spans of `text`, in order, trimmed of surrounding whitespace.
    pub fn split(&self, text: &str) -> Vec<Span> {
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(text.len() / 120 + 1);
        let mut last = 0;
        let mut i = 0;
        while i < bytes.len() {
            // Skip the bytes no rule looks at.
            while i < bytes.len() && !INTERESTING[bytes[i] as usize] {
                i += 1;
            }
            if i >= bytes.len() {
                break;
            }
            match bytes[i] {
                b'\n' => {
                    if self.breaks_at_newline(text, i, last) {
                        push(&mut out, text, last, i);
                        last = i;
                    }
                    i += 1;
                }
                b'.' | b'?' | b'!' => i = self.at_terminator(text, i, &mut last, &mut out),
                b':' | b';' => {
                    if let Some(cut) = self.at_colon(text, i, last) {
                        push(&mut out, text, last, cut);
                        last = cut;
                    }
                    i += 1;
                }
                b',' => {
                    if self.letter_formula(text, i, last) {
                        push(&mut out, text, last, i + 1);
                        last = i + 1;
                    }
                    i += 1;
                }
                b'=' | b'_' | b'*' | b'~' | b'-' if bytes.get(i + 1) == Some(&bytes[i]) => {
                    i = self.at_rule_line(text, i, &mut last, &mut out);
                }
                0xE2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA6) => {
                    i = self.at_terminator(text, i, &mut last, &mut out)
                }
                _ => i += 1,
            }
        }
        push(&mut out, text, last, text.len());
        out
    }

    /// Handle the terminator run starting at `i`; returns where to resume.
    fn at_terminator(&self, text: &str, i: usize, last: &mut usize, out: &mut Vec<Span>) -> usize {
        let bytes = text.as_bytes();
        let mut j = i;
        let mut dots = 0;
        let mut question = false;
        let mut ellipsis = false;
        while j < bytes.len() {
            match bytes[j] {
                b'.' => {
                    dots += 1;
                    j += 1;
                }
                b'?' | b'!' => {
                    question = true;
                    j += 1;
                }
                0xE2 if bytes.get(j + 1) == Some(&0x80) && bytes.get(j + 2) == Some(&0xA6) => {
                    ellipsis = true;
                    j += 3;
                }
                _ => break,
            }
        }
        if dots >= 2 {
            ellipsis = true;
        }
        let mut closed = false;
        while let Some(c) = char_at(text, j) {
            if !is_closer(c) {
                break;
            }
            closed = true;
            j += c.len_utf8();
        }
        match char_at(text, j) {
            None => return text.len(),
            Some(c) if !c.is_whitespace() => {
                // A sentence glued to the next one ("service.There", "why?thanks").
                if self.glued_break(text, i, j, dots, question, ellipsis) {
                    push(out, text, *last, j);
                    *last = j;
                }
                return j;
            }
            Some(_) => {}
        }
        let mut cut = j;
        let (mut j, mut newlines) = skip_space(text, j);
        // A footnote mark or an emoticon after the terminator belongs to the
        // sentence it follows: "...in 1805. [6] An undistinguished...".
        while newlines < 2 && j < text.len() {
            let n = attachment_len(&text[j..]);
            if n == 0 || !char_at(text, j + n).is_none_or(char::is_whitespace) {
                break;
            }
            cut = j + n;
            (j, newlines) = skip_space(text, cut);
        }
        // Tokenised text spaces the closing quote from the terminator: in
        // `"We won . " Smith` the quote closes this sentence, not opens the
        // next.
        if newlines == 0
            && let Some(n) = self.spaced_closer(text, i, j)
        {
            cut = j + n;
            closed = true;
            (j, newlines) = skip_space(text, cut);
        }
        if j >= text.len() {
            return text.len();
        }
        if newlines >= 2 || self.breaks_after(text, i, question, ellipsis, closed, j) {
            push(out, text, *last, cut);
            *last = cut;
        }
        j
    }

    /// Whether the terminator run at `term` (whitespace after it, the next
    /// non-space character at `k`) ends its sentence.
    fn breaks_after(&self, text: &str, term: usize, question: bool, ellipsis: bool, closed: bool, k: usize) -> bool {
        let first = match char_at(text, k) {
            Some(c) => c,
            None => return true,
        };
        if matches!(first, '.' | '…' | ')' | ']' | '}' | ',' | ';' | ':') {
            // A spaced ellipsis ". . ." is decided at its last dot; a stray
            // closing bracket or comma continues the sentence.
            return false;
        }
        let mut w = k;
        while let Some(c) = char_at(text, w) {
            if !is_opener(c) {
                break;
            }
            w += c.len_utf8();
        }
        let next = match char_at(text, w) {
            None => return true,
            Some(c) if c.is_lowercase() => Next::Lower,
            Some(c) if c.is_uppercase() => Next::Upper,
            Some(c) if c.is_ascii_digit() => Next::Digit,
            Some(_) => Next::Other,
        };
        let word = word_at(text, w);
        if next == Next::Lower {
            // A stray lower-case symbol ("µ" closing an article) is no word.
            if word.chars().count() < 2 && word != "i" && word != "a" {
                return false;
            }
            // An unquoted "?" or "!" ends a sentence before a lower-case word
            // too (web text: "what do you mean? whatever"); a quoted one is
            // followed by its reporting clause ("Why?" he asked).
            if question {
                return !(closed || text[..term].ends_with(':') || word == "and" || word == "or");
            }
            if ellipsis {
                return false;
            }
            // A closing bracket or quote ("a mess." and), or a spaced
            // ellipsis "Wait . . . what".
            if closed || text[..term].ends_with(|c: char| c.is_whitespace() || c == '.') {
                return false;
            }
            return self.period_breaks(text, term, next, w, word);
        }
        if question && !ellipsis {
            if text[..term].ends_with(':') {
                return false;
            }
            return !(next == Next::Upper && closed && self.reporting_follows(text, w, word));
        }
        if question || ellipsis {
            return true;
        }
        self.period_breaks(text, term, next, w, word)
    }

    /// A boundary made at the colon or semicolon at `i`, if any: after an
    /// emoticon (":-) Posted by") and after a date and time stamp
    /// ("Jane Roe 08/16/2000 12:05 PM I wanted..."). Returns the cut offset.
    fn at_colon(&self, text: &str, i: usize, last: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        // Emoticon: a whole token, followed by a capitalised word.
        if i == 0 || bytes[i - 1].is_ascii_whitespace() {
            let end = token_end(text, i);
            if EMOTICONS.contains(&&text[i..end]) && end < text.len() {
                let (k, _) = skip_space(text, end);
                if char_at(text, k).is_some_and(char::is_uppercase) {
                    return Some(end);
                }
            }
            return None;
        }
        if bytes[i] != b':'
            || i < 2
            || !bytes[i - 1].is_ascii_digit()
            || !bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        // A time: find its end, then an optional AM/PM.
        let mut end = i + 1;
        while end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b':') {
            end += 1;
        }
        if text[end..].starts_with(" AM") || text[end..].starts_with(" PM") {
            end += 3;
        }
        if !char_at(text, end).is_some_and(char::is_whitespace) {
            return None;
        }
        // The time must follow a date "08/16/2000 ".
        let mut start = i;
        while start > 0 && bytes[start - 1].is_ascii_digit() {
            start -= 1;
        }
        if start == 0 || bytes[start - 1] != b' ' {
            return None;
        }
        let date_end = start - 1;
        let date_start = token_start(text, date_end);
        let date = &text[date_start..date_end];
        let parts: Vec<&str> = date.split('/').collect();
        if parts.len() != 3
            || !parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        let (k, _) = skip_space(text, end);
        if k >= text.len() {
            return None;
        }
        let _ = last;
        Some(end)
    }

    /// Whether the comma at `i` closes a salutation or valediction that is the
    /// whole sentence so far ("Dear All,", "Best regards,"), a capitalised
    /// word following.
    fn letter_formula(&self, text: &str, i: usize, last: usize) -> bool {
        // Cheap tests first: commas are frequent.
        if i - last > 64 || !matches!(text.as_bytes().get(i + 1), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            return false;
        }
        let head = text[last..i].trim();
        let words = head.split_whitespace().count();
        if words == 0 || words > 3 {
            return false;
        }
        let (k, _) = skip_space(text, i + 1);
        if k == i + 1 || !char_at(text, k).is_some_and(char::is_uppercase) {
            return false;
        }
        let first = head.split_whitespace().next().unwrap_or("");
        let lastw = head.rsplit(char::is_whitespace).next().unwrap_or("");
        SALUTATIONS.contains(&first) || VALEDICTIONS.contains(&lastw)
    }

    /// A run of two or more of the same rule character at `i` ("=====",
    /// "____", "--"): a separator line of four or more ends the sentence
    /// before it and starts a new one after it. Returns where to resume.
    fn at_rule_line(&self, text: &str, i: usize, last: &mut usize, out: &mut Vec<Span>) -> usize {
        let bytes = text.as_bytes();
        let c = bytes[i];
        let mut end = i;
        while end < bytes.len() && bytes[end] == c {
            end += 1;
        }
        if end - i < 4 {
            return end;
        }
        let tok_start = token_start(text, i);
        let tok_end = token_end(text, end);
        // Only a token made of rule characters (and letters inside, as in
        // "****NOTICE****") at its ends.
        if tok_start != i && !bytes[tok_start..i].iter().all(|b| !b.is_ascii_alphanumeric()) {
            return end;
        }
        if !text[*last..tok_start].trim().is_empty() {
            push(out, text, *last, tok_start);
            *last = tok_start;
        }
        if tok_end == end || bytes[tok_end - 1] == c {
            let (k, _) = skip_space(text, tok_end);
            if k < text.len() && k > tok_end {
                push(out, text, *last, tok_end);
                *last = tok_end;
            }
        }
        tok_end.max(end)
    }

    /// Whether the terminator run `text[i..j]` (closers included), directly
    /// followed by a non-space character at `j`, ends a sentence glued to the
    /// next one: "service.There", "country....Iguazu", "foreigners?thanks".
    /// Never inside a URL, an e-mail address, a file name or a number.
    fn glued_break(&self, text: &str, i: usize, j: usize, dots: usize, question: bool, ellipsis: bool) -> bool {
        let bytes = text.as_bytes();
        let tok_start = token_start(text, i);
        let tok_end = token_end(text, j);
        let token = &text[tok_start..tok_end];
        if token.contains(['/', '@', '=', '&', '\\', '_']) || token.contains("www") {
            return false;
        }
        // The word before the terminator: letters only, at least two.
        let before = &text[tok_start..i];
        let prev_len = before.chars().rev().take_while(|c| c.is_alphabetic()).count();
        if prev_len < 2 {
            return false;
        }
        let next = word_at(text, j);
        let first = match next.chars().next() {
            Some(c) if c.is_alphabetic() => c,
            _ => return false,
        };
        if !next.chars().all(char::is_alphabetic) || TLDS.contains(&next.to_ascii_lowercase().as_str()) {
            return false;
        }
        // The glued word ends the token or is followed by punctuation that
        // ends words, not by more of a name ("Node.Js.org").
        let after = j + next.len();
        if !matches!(
            bytes.get(after),
            None | Some(b' ' | b'\t' | b'\n' | b'\r' | b',' | b'!' | b'?' | b';' | b':')
        ) {
            return false;
        }
        if question && !ellipsis {
            return dots == 0;
        }
        if !first.is_uppercase() {
            return false;
        }
        if ellipsis {
            return true;
        }
        // A single period: a lower-case word before it that is no
        // abbreviation, a capitalised word after it.
        let word_before =
            &before[before.len() - before.chars().rev().take(prev_len).map(char::len_utf8).sum::<usize>()..];
        next.chars().skip(1).any(char::is_lowercase)
            && word_before.chars().all(char::is_lowercase)
            && !self.abbrevs.contains_key(word_before)
            && token.matches('.').count() == 1
    }

    /// A single period at `dot`, the next word `word` at `w`.
    fn period_breaks(&self, text: &str, dot: usize, next: Next, w: usize, word: &str) -> bool {
        let before = &text[..dot];
        let raw_start = token_start(text, dot);
        let mut start = raw_start;
        while let Some(c) = char_at(text, start) {
            if start >= dot || !is_opener(c) {
                break;
            }
            start += c.len_utf8();
        }
        let mut whole = &text[start..dot];
        let mut raw_start = raw_start;
        if whole.is_empty() {
            // "2 . 38 pounds": a decimal point of text split into tokens,
            // one space on each side between digits. Prose puts no space
            // before a full stop.
            let tokenised_decimal = next == Next::Digit
                && before.ends_with(' ')
                && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit())
                && w == dot + 2;
            // "a . 38 - caliber revolver": a bore's leading point, spaced.
            let bore = next == Next::Digit && w == dot + 2 && {
                let rest = text[w..].trim_start_matches(|c: char| c.is_ascii_digit());
                // Only the next word is read, so the scan stays linear.
                let word: String = rest.trim_start_matches([' ', '-']).chars().take(7).collect();
                word.eq_ignore_ascii_case("caliber") || word.eq_ignore_ascii_case("calibre")
            };
            if tokenised_decimal || bore {
                return false;
            }
            // Tokenised text spaces an abbreviation's period too ("Lt .
            // Gerry Roe", "the U . S . Army"): the word one space back is
            // read as if the period were glued to it.
            match self.spaced_abbreviation(text, dot) {
                Some(p) => {
                    raw_start = p;
                    whole = &text[p..dot - 1];
                }
                None => return true,
            }
        }
        let (token, bits) = match self.abbrevs.get(whole) {
            Some(&b) => (whole, b),
            None => {
                // "R-Ark", "pro-U.S": the part after the last hyphen or slash.
                let cut = whole
                    .char_indices()
                    .rfind(|&(_, c)| matches!(c, '-' | '–' | '—' | '/'))
                    .map(|(p, c)| p + c.len_utf8());
                match cut {
                    Some(p) if p < whole.len() => {
                        let part = &whole[p..];
                        (part, self.abbrevs.get(part).copied().unwrap_or(0))
                    }
                    _ => (whole, 0),
                }
            }
        };
        let mut chars = token.chars();
        let first = chars.next().unwrap_or(' ');
        let single = chars.next().is_none();
        let initial = single && first.is_uppercase();
        let dotted = token.contains('.') && token.chars().any(char::is_alphabetic);
        if bits & MEDIAL != 0 {
            return false;
        }
        if next == Next::Lower {
            // An ordinary word, its period followed by a lower-case word: an
            // uncapitalised sentence start ("i am going out. call me").
            return bits == 0
                && !dotted
                && !single
                && token.chars().all(char::is_alphanumeric)
                && token.chars().filter(|c| c.is_uppercase()).count() <= 1;
        }
        if next == Next::Digit {
            if bits != 0 || (single && first.is_alphabetic()) || dotted {
                return false;
            }
            return !self.list_marker(text, raw_start, token);
        }
        let upper = next == Next::Upper;
        if bits & TITLE != 0 {
            return upper && self.title_stops.contains(word);
        }
        if initial || (dotted && first.is_uppercase()) {
            return upper && self.starters.contains(word) && !(initial && (word == "A" || word == "I"));
        }
        if bits & (SUFFIX | MONTH | STATE | GENERAL) != 0 || dotted {
            return upper && (self.starters.contains(word) || self.lower_follows(text, w + word.len()));
        }
        !self.list_marker(text, raw_start, token)
    }

    /// The start of the abbreviation or initial that stands one space
    /// before the period at `dot` ("Mr ." in tokenised text), if any.
    fn spaced_abbreviation(&self, text: &str, dot: usize) -> Option<usize> {
        let before = text[..dot].strip_suffix(' ')?;
        let mut start = token_start(text, before.len());
        while let Some(c) = char_at(text, start).filter(|&c| start < before.len() && is_opener(c)) {
            start += c.len_utf8();
        }
        let token = &before[start..];
        let mut chars = token.chars();
        let first = chars.next()?;
        let initial = first.is_uppercase() && chars.next().is_none();
        (initial || self.abbrevs.contains_key(token)).then_some(start)
    }

    /// "1." or "a." alone at the start of a line.
    fn list_marker(&self, text: &str, token_start: usize, token: &str) -> bool {
        let short = (1..=3).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_digit());
        let letter = token.len() == 1 && token.bytes().all(|b| b.is_ascii_alphabetic());
        if !(short || letter) {
            return false;
        }
        // Only spaces back to the line start (scanning no further than them).
        let before = &text[..token_start];
        let head = before.trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
        head.is_empty() || head.ends_with('\n')
    }

    /// Whether a lower-case word follows (after spaces) the word ending at `end`.
    fn lower_follows(&self, text: &str, end: usize) -> bool {
        match char_at(text, end) {
            Some(c) if c.is_whitespace() => {}
            _ => return false,
        }
        let rest = text[end..].trim_start();
        rest.starts_with(|c: char| c.is_lowercase())
    }

    /// `Smith said` or `John Smith asked` at `w`, `word` being `Smith`/`John`.
    fn reporting_follows(&self, text: &str, w: usize, word: &str) -> bool {
        let mut end = w + word.len();
        for _ in 0..2 {
            match char_at(text, end) {
                Some(' ') => {}
                _ => return false,
            }
            let next = end + 1;
            let second = word_at(text, next);
            if self.reporting.contains(second) {
                return true;
            }
            if !second.starts_with(|c: char| c.is_uppercase()) {
                return false;
            }
            end = next + second.len();
        }
        false
    }

    /// The length of the closing quotation mark at `at`, standing alone
    /// after the terminator at `term`: `''` and `”` always close; a straight
    /// `"` closes when its line has opened a quotation before it (an odd
    /// count), when it ends its line (no quotation opens there), or when a
    /// lower-case word or a reporting clause follows it (`? " the widow
    /// read`, a quotation that opened lines before).
    fn spaced_closer(&self, text: &str, term: usize, at: usize) -> Option<usize> {
        let rest = &text[at..];
        let n = ["''", "”", "’’", "\""].into_iter().find(|q| rest.starts_with(q))?.len();
        if !char_at(text, at + n).is_none_or(char::is_whitespace) {
            return None;
        }
        if n > 1 {
            return Some(n);
        }
        // The line's quotation marks, up to a few thousand bytes back: a
        // document of one huge line stays linear.
        let mut from = term.saturating_sub(4096);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let line = text[from..term].rfind('\n').map_or(from, |p| from + p + 1);
        if text[line..term].bytes().filter(|&b| b == b'"').count() % 2 == 1 {
            return Some(n);
        }
        let (w, newlines) = skip_space(text, at + n);
        let word = word_at(text, w);
        let closes = newlines > 0
            || w >= text.len()
            || (word.starts_with(char::is_lowercase)
                || word.starts_with(char::is_uppercase) && self.reporting_follows(text, w, word));
        closes.then_some(n)
    }

    /// Whether the single line break at `nl` ends a headline-like line.
    fn breaks_at_newline(&self, text: &str, nl: usize, last: usize) -> bool {
        let bytes = text.as_bytes();
        let mut j = nl + 1;
        while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
            j += 1;
        }
        if j >= bytes.len() {
            return false;
        }
        if bytes[j] == b'\n' {
            return true;
        }
        let line_start = text[..nl].rfind('\n').map_or(0, |p| p + 1);
        let line = text[line_start..nl].trim();
        if line.is_empty() {
            return false;
        }
        // The line must have begun the current sentence.
        let pending = &text[last..];
        let sentence_start = last + (pending.len() - pending.trim_start().len());
        if sentence_start != line_start {
            return false;
        }
        let end_char = line.chars().next_back().unwrap_or(' ');
        if matches!(
            end_char,
            '.' | '?' | '!' | '…' | ',' | ';' | ':' | '-' | '–' | '—' | '(' | '[' | '{' | '&' | '/' | '+' | '“' | '‘'
        ) {
            return false;
        }
        // A dateline on a line of its own, or the line after one.
        let next_line = text[j..].split('\n').next().unwrap_or("");
        if self.datelines.is_dateline(next_line) || self.datelines.is_dateline(line) {
            return true;
        }
        // A list item follows a list item ("a. Red" / "b. Blue").
        if list_item(line) && list_item(&text[j..]) {
            return true;
        }
        // The next line starts with a capital or a digit.
        let mut w = j;
        while let Some(c) = char_at(text, w) {
            if !is_opener(c) {
                break;
            }
            w += c.len_utf8();
        }
        match char_at(text, w) {
            Some(c) if c.is_uppercase() || c.is_ascii_digit() => {}
            _ => return false,
        }
        let last_word = line
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric());
        if self.continuations.contains(last_word) {
            return false;
        }
        // A common sentence starter ("The", "It") or a dateline in capitals
        // ("WASHINGTON") opening the next line: a sentence-case headline.
        let next_word = word_at(text, w);
        let dateline = next_word.chars().count() >= 4
            && next_word.chars().any(char::is_uppercase)
            && !next_word.chars().any(char::is_lowercase);
        if dateline || (next_word != "I" && self.starters.contains(next_word)) {
            return true;
        }
        let mut words = 0;
        let mut counted = 0;
        let mut capital = 0;
        for word in line.split_whitespace() {
            words += 1;
            let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
            let first = match word.chars().next() {
                Some(c) => c,
                None => continue,
            };
            if first.is_ascii_digit() || first.is_uppercase() {
                counted += 1;
                capital += 1;
            } else if word.chars().count() >= 4 {
                counted += 1;
            }
        }
        words <= 3 || (counted > 0 && capital * 5 >= counted * 3)
    }
}

/// Datelines printed on a line of their own: a weekday or a month (the
/// `month` and `weekday` calendar rules of rules/dates.toml), with only
/// other date and time words and figures ("Tuesday , July 2nd , 2013",
/// "WEDNESDAY 03 JULY 2013", "Posted: May 14, 2013 at 10:04 am").
#[derive(Debug, Clone)]
pub struct Datelines {
    /// Weekday and month names, lower-cased.
    calendar: HashSet<String>,
}

impl Datelines {
    pub fn new(rules: &RuleSet) -> Datelines {
        let mut calendar = HashSet::new();
        for r in rules
            .calendar
            .iter()
            .filter(|r| matches!(r.kind.as_str(), "month" | "weekday"))
        {
            let words = r.groups.iter().flatten().chain(r.values.keys());
            calendar.extend(words.map(|w| w.to_lowercase()));
        }
        Datelines { calendar }
    }

    /// Whether the whole of `line` is a dateline. Reads at most ten words.
    pub fn is_dateline(&self, line: &str) -> bool {
        let figure = |w: &str| {
            let rest = w.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.len() < w.len()
                && ["", "st", "nd", "rd", "th", "am", "pm"]
                    .iter()
                    .any(|s| rest.eq_ignore_ascii_case(s))
        };
        let (mut words, mut named) = (0, false);
        for w in line
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '-' | '–' | '|' | '(' | ')'))
            .map(|w| w.trim_end_matches('.'))
            .filter(|w| !w.is_empty())
        {
            words += 1;
            if words > 10 {
                return false;
            }
            if self.calendar.contains(&w.to_lowercase()) {
                named = true;
            } else if !figure(w) && !DATELINE_WORDS.iter().any(|d| w.eq_ignore_ascii_case(d)) {
                return false;
            }
        }
        words >= 2 && named
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parse_pack;
    use proptest::prelude::*;

    fn segmenter() -> Segmenter {
        let mut set = RuleSet::default();
        let pack = parse_pack("rules/abbreviations.toml", include_str!("../rules/abbreviations.toml")).unwrap();
        set.add("rules/abbreviations.toml", pack);
        // The calendar's weekdays and months, for datelines.
        let pack = parse_pack("rules/dates.toml", include_str!("../rules/dates.toml")).unwrap();
        set.add("rules/dates.toml", pack);
        Segmenter::new(&set)
    }

    fn sentences<'a>(seg: &Segmenter, text: &'a str) -> Vec<&'a str> {
        seg.split(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    /// (input, expected sentences).
    const CASES: &[(&str, &[&str])] = &[
        // The fixtures.
        (
            "Two Republican lawmakers, Rep. Michael Hargrove of Texas and Liz Brandt of Wyoming, have since introduced legislation barring the U.S. government from doing business with either Globex or Umbrella Corp., another major Chinese electronics maker.",
            &[
                "Two Republican lawmakers, Rep. Michael Hargrove of Texas and Liz Brandt of Wyoming, have since introduced legislation barring the U.S. government from doing business with either Globex or Umbrella Corp., another major Chinese electronics maker.",
            ],
        ),
        (
            "two senators — Tom Ashby (R-Ark.) and Marco Vell (R-Fla.) — introduced legislation that would prevent the U.S. government from buying equipment.",
            &[
                "two senators — Tom Ashby (R-Ark.) and Marco Vell (R-Fla.) — introduced legislation that would prevent the U.S. government from buying equipment.",
            ],
        ),
        (
            "That bill, H.R. 5120, “The Defending U.S. Government Communications Act” prohibits the government from purchasing equipment.",
            &[
                "That bill, H.R. 5120, “The Defending U.S. Government Communications Act” prohibits the government from purchasing equipment.",
            ],
        ),
        (
            "\"Foreign commercial technology is a vehicle for spying,\" Mr. Hargrove said when he introduced his proposal last week. \"Allowing Globex access would be inviting surveillance.\"",
            &[
                "\"Foreign commercial technology is a vehicle for spying,\" Mr. Hargrove said when he introduced his proposal last week.",
                "\"Allowing Globex access would be inviting surveillance.\"",
            ],
        ),
        (
            " date 2018-01-10 US MOBILE CARRIER Q&R has allegedly backed out of a deal.",
            &["date 2018-01-10 US MOBILE CARRIER Q&R has allegedly backed out of a deal."],
        ),
        // Plain sentences.
        ("It rained. We stayed in.", &["It rained.", "We stayed in."]),
        (
            "Is it over? Nobody knows! We wait.",
            &["Is it over?", "Nobody knows!", "We wait."],
        ),
        ("Really?! Yes.", &["Really?!", "Yes."]),
        ("", &[]),
        ("   \n\t ", &[]),
        ("No terminator at all", &["No terminator at all"]),
        (
            "Sales rose in 2018. 2019 was worse.",
            &["Sales rose in 2018.", "2019 was worse."],
        ),
        // Titles.
        (
            "Sen. Elizabeth Warren and Gov. Jerry Brown spoke.",
            &["Sen. Elizabeth Warren and Gov. Jerry Brown spoke."],
        ),
        (
            "Lt. Col. Sarah Jones and Dr. He Jiankui met.",
            &["Lt. Col. Sarah Jones and Dr. He Jiankui met."],
        ),
        (
            "He lives on Main St. The house is old.",
            &["He lives on Main St.", "The house is old."],
        ),
        ("MR. SMITH GOES TO WASHINGTON.", &["MR. SMITH GOES TO WASHINGTON."]),
        // Initials.
        (
            "John F. Kennedy was elected in 1960.",
            &["John F. Kennedy was elected in 1960."],
        ),
        (
            "J. R. R. Tolkien wrote it. J.R.R. Tolkien also did.",
            &["J. R. R. Tolkien wrote it.", "J.R.R. Tolkien also did."],
        ),
        ("The firm is run by J. A. Smith.", &["The firm is run by J. A. Smith."]),
        (
            "They chose Plan B. The rest failed.",
            &["They chose Plan B.", "The rest failed."],
        ),
        // Dotted abbreviations.
        (
            "He moved to the U.S. The move was hard.",
            &["He moved to the U.S.", "The move was hard."],
        ),
        ("The U.S. Navy said so.", &["The U.S. Navy said so."]),
        (
            "The U.S. economy grew 2.3 percent.",
            &["The U.S. economy grew 2.3 percent."],
        ),
        (
            "Officials in the U.K. But not here.",
            &["Officials in the U.K.", "But not here."],
        ),
        (
            "The meeting starts at 10 a.m. The mayor will attend.",
            &["The meeting starts at 10 a.m.", "The mayor will attend."],
        ),
        ("It ended at 4 p.m. on Friday.", &["It ended at 4 p.m. on Friday."]),
        ("She has a Ph.D. in physics.", &["She has a Ph.D. in physics."]),
        // Months, states, numbers.
        (
            "The vote is on Jan. 10 in Washington.",
            &["The vote is on Jan. 10 in Washington."],
        ),
        (
            "It opened in Sept. 2017 and closed.",
            &["It opened in Sept. 2017 and closed."],
        ),
        (
            "He was born in Little Rock, Ark. The city is small.",
            &["He was born in Little Rock, Ark.", "The city is small."],
        ),
        (
            "The bill, S. 2155, passed. See No. 5 and Vol. 3 for more.",
            &["The bill, S. 2155, passed.", "See No. 5 and Vol. 3 for more."],
        ),
        (
            "Tom Ashby (R-Ark.) The senator spoke.",
            &["Tom Ashby (R-Ark.)", "The senator spoke."],
        ),
        // Suffixes.
        (
            "It was bought by Acme Inc. The deal closed.",
            &["It was bought by Acme Inc.", "The deal closed."],
        ),
        ("Shares of Acme Inc. rose 3%.", &["Shares of Acme Inc. rose 3%."]),
        (
            "It was bought by Acme Inc. Shares rose.",
            &["It was bought by Acme Inc.", "Shares rose."],
        ),
        (
            "Martin Luther King Jr. was born in Atlanta.",
            &["Martin Luther King Jr. was born in Atlanta."],
        ),
        // General and medial.
        (
            "Apples, pears, etc. are sold here.",
            &["Apples, pears, etc. are sold here."],
        ),
        (
            "We bought apples, pears, etc. Then we left.",
            &["We bought apples, pears, etc.", "Then we left."],
        ),
        (
            "The case Smith vs. Jones was decided. Roe v. Wade was cited.",
            &["The case Smith vs. Jones was decided.", "Roe v. Wade was cited."],
        ),
        (
            "Big firms, e.g. Apple, pay less.",
            &["Big firms, e.g. Apple, pay less."],
        ),
        // Numbers, URLs, e-mail.
        (
            "Revenue was $1.2bn, up 3.5 percent from v2.0 sales.",
            &["Revenue was $1.2bn, up 3.5 percent from v2.0 sales."],
        ),
        // A headline, a dateline and the article, each on a line.
        (
            "Five dead , dozens injured in Velmaria quake\nTuesday , July 2nd , 2013\nA powerful earthquake hit the island .",
            &[
                "Five dead , dozens injured in Velmaria quake",
                "Tuesday , July 2nd , 2013",
                "A powerful earthquake hit the island .",
            ],
        ),
        (
            "Quake hits Velmaria\nWEDNESDAY 03 JULY 2013\nSoldiers are leading the rescue.",
            &[
                "Quake hits Velmaria",
                "WEDNESDAY 03 JULY 2013",
                "Soldiers are leading the rescue.",
            ],
        ),
        // A wrapped line that only opens with a weekday stays joined.
        (
            "The two sides met\nTuesday and agreed on a plan.",
            &["The two sides met\nTuesday and agreed on a plan."],
        ),
        // Text split into tokens: a spaced decimal point is no full stop,
        // a spaced full stop before a capital still is.
        (
            "It weighs 2 . 38 pounds ( 1 . 08 kg ) . The price is 40 .",
            &["It weighs 2 . 38 pounds ( 1 . 08 kg ) .", "The price is 40 ."],
        ),
        (
            "See https://example.com/a.html for details. Write to press@example.org today.",
            &[
                "See https://example.com/a.html for details.",
                "Write to press@example.org today.",
            ],
        ),
        (
            "Visit example.com. The site is new.",
            &["Visit example.com.", "The site is new."],
        ),
        // Ellipses.
        ("He paused... and then left.", &["He paused... and then left."]),
        ("He paused… and then left.", &["He paused… and then left."]),
        (
            "It was over... The crowd went home.",
            &["It was over...", "The crowd went home."],
        ),
        ("Wait . . . what happened?", &["Wait . . . what happened?"]),
        // Quotations.
        (
            "\"Why now?\" he asked. \"Because.\"",
            &["\"Why now?\" he asked.", "\"Because.\""],
        ),
        (
            "“Stop!” she shouted. “We are done.” They left.",
            &["“Stop!” she shouted.", "“We are done.”", "They left."],
        ),
        ("\"Why now?\" Smith asked.", &["\"Why now?\" Smith asked."]),
        ("'It is done.' Nobody agreed.", &["'It is done.'", "Nobody agreed."]),
        ("(He left early.) She stayed.", &["(He left early.)", "She stayed."]),
        // Line breaks.
        (
            "First paragraph has no end\n\nSecond one.",
            &["First paragraph has no end", "Second one."],
        ),
        ("One.\r\n\r\nTwo.", &["One.", "Two."]),
        (
            "Lawmakers Move to Bar Globex From Government Contracts\nWASHINGTON — Lawmakers moved on Tuesday.",
            &[
                "Lawmakers Move to Bar Globex From Government Contracts",
                "WASHINGTON — Lawmakers moved on Tuesday.",
            ],
        ),
        (
            "By Jane Doe\nJan. 10, 2018\nThe deal collapsed.",
            &["By Jane Doe", "Jan. 10, 2018", "The deal collapsed."],
        ),
        (
            "The committee said the proposal was\nunlikely to pass before the end of the year.",
            &["The committee said the proposal was\nunlikely to pass before the end of the year."],
        ),
        (
            "The senators met with officials from the\nDepartment of Commerce on Monday.",
            &["The senators met with officials from the\nDepartment of Commerce on Monday."],
        ),
        (
            "Lawmakers said the rule would hurt small carriers in rural areas and\nSenator Smith agreed.",
            &["Lawmakers said the rule would hurt small carriers in rural areas and\nSenator Smith agreed."],
        ),
        (
            "It ended. The senators later met Rep. Michael\nHargrove in his office.",
            &[
                "It ended.",
                "The senators later met Rep. Michael\nHargrove in his office.",
            ],
        ),
        // Footnote marks, emoticons and stray closers stay with their sentence.
        (
            "He remained there until July 1805. [6] He then left. [...] It ended.",
            &[
                "He remained there until July 1805. [6]",
                "He then left. [...]",
                "It ended.",
            ],
        ),
        ("I love her. :) She is great.", &["I love her. :)", "She is great."]),
        (
            "We fly the next day. ) Then we rest.",
            &["We fly the next day. ) Then we rest."],
        ),
        ("Call Jane at ext. 37625 today.", &["Call Jane at ext. 37625 today."]),
        (
            "Lawmakers move to bar two foreign firms from government contracts\nWASHINGTON — The House acted.",
            &[
                "Lawmakers move to bar two foreign firms from government contracts",
                "WASHINGTON — The House acted.",
            ],
        ),
        (
            "Carrier backs out of a deal with a Chinese phone maker\nThe deal was announced in January.",
            &[
                "Carrier backs out of a deal with a Chinese phone maker",
                "The deal was announced in January.",
            ],
        ),
        // Lists.
        ("1. Buy milk\n2. Sell eggs", &["1. Buy milk", "2. Sell eggs"]),
        // A byte-order mark and a zero-width space are no part of a sentence.
        (
            "\u{feff}The plant closed. It reopened.\u{200b}",
            &["The plant closed.", "It reopened."],
        ),
    ];

    #[test]
    fn table() {
        let seg = segmenter();
        assert!(CASES.len() >= 40);
        for (text, want) in CASES {
            assert_eq!(sentences(&seg, text), *want, "input: {text:?}");
        }
    }

    #[test]
    fn rule_examples() {
        let rules = RuleSet::defaults();
        let seg = Segmenter::new(&rules);
        let mut n = 0;
        for rule in &rules.abbreviations {
            assert!(!rule.examples.is_empty(), "rule {} has no examples", rule.id);
            for ex in &rule.examples {
                let want = ex
                    .sentences
                    .as_ref()
                    .unwrap_or_else(|| panic!("rule {}: example without sentences", rule.id));
                assert_eq!(&sentences(&seg, &ex.text), want, "rule {}: {:?}", rule.id, ex.text);
                n += 1;
            }
        }
        assert!(n > 0);
    }

    #[test]
    fn spans_are_offsets_into_the_input() {
        let seg = segmenter();
        let text = "  Hello there.  \n\n  Bye now!  ";
        assert_eq!(seg.split(text), vec![Span::new(2, 14), Span::new(20, 28)]);
        // The three bytes of a byte-order mark come before the first span.
        assert_eq!(seg.split("\u{feff}Hi there."), vec![Span::new(3, 12)]);
    }

    fn check_invariants(text: &str, spans: &[Span]) -> Result<(), TestCaseError> {
        let mut prev = 0;
        for s in spans {
            prop_assert!(s.start < s.end, "empty span {s:?}");
            prop_assert!(s.start >= prev, "overlap or disorder at {s:?}");
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            let body = &text[s.start..s.end];
            prop_assert_eq!(body.trim(), body, "untrimmed span {:?}", s);
            prop_assert!(text[prev..s.start].trim().is_empty(), "dropped text before {s:?}");
            prev = s.end;
        }
        prop_assert!(text[prev..].trim().is_empty(), "dropped text at the end");
        Ok(())
    }

    proptest! {
        #[test]
        fn invariants_hold_for_any_string(text in "\\PC*") {
            let seg = segmenter();
            let spans = seg.split(&text);
            check_invariants(&text, &spans)?;
        }

        #[test]
        fn invariants_hold_for_sentence_like_text(
            text in "([A-Za-z]{1,6}|U\\.S\\.|Mr\\.|Inc\\.|R-Ark\\.|3\\.5|[.?!…\"”’()]|\\.\\.\\.| |\n|\n\n|\u{a0}|é){0,40}"
        ) {
            let seg = segmenter();
            let spans = seg.split(&text);
            check_invariants(&text, &spans)?;
        }
    }
}
