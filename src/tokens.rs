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

/// Tokens of `text`, offsets relative to `text`.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
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
        // A final period after single letters belongs to the token ("U.S.").
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

    #[test]
    fn spans_slice_the_text() {
        let text = "Ça va — très bien.";
        for t in tokens(text) {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }
}
