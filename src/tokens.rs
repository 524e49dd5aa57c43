//! Word tokens with byte spans, shared by the stages that read words.
//!
//! A token is a run of letters and digits, with `&`, `.`, `'`, `’` and `-`
//! kept when they sit between two such characters, so "Q&R", "U.S",
//! "Globex's" and "Globex-made" stay one token (callers split them further
//! when they need to).

/// A word of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '&' | '.' | '\'' | '’' | '-')
}

/// What an ASCII byte is to the tokeniser: part of a word, a joiner
/// kept between word characters, or neither. Bytes of 0x80 and above
/// (multi-byte characters) are decoded and classified as characters.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Joiner,
    Other,
}

const ASCII: [Class; 128] = {
    let mut t = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            Class::Word
        } else if matches!(c, b'&' | b'.' | b'\'' | b'-') {
            Class::Joiner
        } else {
            Class::Other
        };
        b += 1;
    }
    t
};

/// The class and length of the character at byte `i` of `text` (a
/// character boundary).
#[inline]
fn class_at(text: &str, i: usize) -> (Class, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (ASCII[b as usize], 1);
    }
    let (c, len) = char_at(text, i);
    let class = if is_word_char(c) {
        Class::Word
    } else if is_joiner(c) {
        Class::Joiner
    } else {
        Class::Other
    };
    (class, len)
}

/// Tokens of `text`, offsets relative to `text`.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    // Every stage tokenises every sentence, so this runs over the text many
    // times: an ASCII byte is classified by table, and only a non-ASCII
    // byte is decoded as a character.
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut i = 0;
    while i < bytes.len() {
        let (class, len) = class_at(text, i);
        if class != Class::Word {
            i += len;
            continue;
        }
        let start = i;
        let mut end = i + len;
        while end < bytes.len() {
            let (d, dlen) = class_at(text, end);
            // A joiner stays when a word character follows it.
            let keep = match d {
                Class::Word => true,
                Class::Joiner => end + dlen < bytes.len() && class_at(text, end + dlen).0 == Class::Word,
                Class::Other => false,
            };
            if !keep {
                break;
            }
            end += dlen;
        }
        // A final period after single letters belongs to the token ("U.S.").
        let mut tok_end = end;
        if bytes.get(tok_end) == Some(&b'.')
            && text[start..tok_end].contains('.')
            && text[start..tok_end].split('.').all(|p| p.chars().count() == 1)
        {
            tok_end += 1;
        }
        out.push(Token {
            text: &text[start..tok_end],
            start,
            end: tok_end,
        });
        i = tok_end;
    }
    out
}

/// The character at byte `i` of `text` (a character boundary) and its length.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (b as char, 1);
    }
    let c = text[i..].chars().next().expect("a character boundary");
    (c, c.len_utf8())
}

/// True when the word starts with an upper-case letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when every letter is upper case and there are at least two.
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_joined_words() {
        let t: Vec<_> = tokens("Q&R's U.S. deal, Globex-made phones (R-Ark.) cost $3.5bn.")
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            t,
            [
                "Q&R's",
                "U.S.",
                "deal",
                "Globex-made",
                "phones",
                "R-Ark",
                "cost",
                "3.5bn"
            ]
        );
    }

    /// The tokeniser as first written, over `char_indices`: the fast one
    /// must cut every text the same way.
    fn reference(text: &str) -> Vec<Token<'_>> {
        let mut out = Vec::new();
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if !is_word_char(c) {
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    iter.next();
                } else if is_joiner(d) {
                    let next = text[j + d.len_utf8()..].chars().next();
                    if next.is_some_and(is_word_char) {
                        iter.next();
                        end = j + d.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let mut tok_end = end;
            if text[tok_end..].starts_with('.')
                && text[i..tok_end].contains('.')
                && text[i..tok_end].split('.').all(|p| p.chars().count() == 1)
            {
                tok_end += 1;
            }
            out.push(Token {
                text: &text[i..tok_end],
                start: i,
                end: tok_end,
            });
            while iter.peek().is_some_and(|&(j, _)| j < tok_end) {
                iter.next();
            }
        }
        out
    }

    #[test]
    fn cuts_as_the_reference_does() {
        let pieces = [
            "a", "B", "7", "é", "Ω", "中", "’", "'", ".", "-", "&", " ", ",", "\n", "U", "S", "..", "🙂", "ß", "x.",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(seed % 12) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
            assert_eq!(tokens(&text), reference(&text), "{text:?}");
        }
    }

    #[test]
    fn spans_slice_the_text() {
        let text = "Ça va — très bien.";
        for t in tokens(text) {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }
}
