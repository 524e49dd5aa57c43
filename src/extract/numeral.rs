//! Numbers written with digits, read straight from the text: grouped
//! thousands ("1,234,567", "1 234 567", Indian "12,34,567.89", European
//! "1.111,11"), decimals (".08", "4.800", decimal comma "5,00"), exponents
//! ("1e10", "12.32e+14", "1.3x10^6"), powers ("2.5^-1") and fractions
//! ("3/4"). The caller decides what the digits mean (a quantity, a label);
//! this only says where a literal ends and what it is worth.

/// A digit literal: its value, the byte after it, and whether it was a
/// plain integer (no separator, point, exponent or slash).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Literal {
    pub value: f64,
    pub end: usize,
    pub integer: bool,
    pub fraction: bool,
}

/// Vulgar fraction characters and their values.
const VULGAR: &[(char, f64)] = &[
    ('½', 0.5),
    ('⅓', 1.0 / 3.0),
    ('⅔', 2.0 / 3.0),
    ('¼', 0.25),
    ('¾', 0.75),
    ('⅕', 0.2),
    ('⅖', 0.4),
    ('⅗', 0.6),
    ('⅘', 0.8),
    ('⅙', 1.0 / 6.0),
    ('⅚', 5.0 / 6.0),
    ('⅛', 0.125),
    ('⅜', 0.375),
    ('⅝', 0.625),
    ('⅞', 0.875),
];

pub fn is_vulgar(c: char) -> bool {
    VULGAR.iter().any(|v| v.0 == c)
}

/// The value of a vulgar fraction character at the start of `s`.
pub fn vulgar(s: &str) -> Option<(f64, usize)> {
    let c = s.chars().next()?;
    VULGAR.iter().find(|v| v.0 == c).map(|v| (v.1, c.len_utf8()))
}

fn digits(b: &[u8], i: usize) -> usize {
    b[i..].iter().take_while(|c| c.is_ascii_digit()).count()
}

fn alnum_at(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(u8::is_ascii_alphanumeric)
}

/// Length of a thousands separator starting at `i`: a comma, or one space
/// of the kinds used between digit groups (space, no-break, narrow no-break).
fn space_sep(s: &str, i: usize) -> usize {
    let rest = &s[i..];
    for sep in [" ", "\u{202f}", "\u{a0}"] {
        if rest.starts_with(sep) {
            return sep.len();
        }
    }
    0
}

/// What stands between two digit groups.
#[derive(Clone, Copy, PartialEq)]
enum Sep {
    Comma,
    /// One space of the kinds [`space_sep`] knows ("40 000").
    Space,
    /// A comma with a space on each side: text split into tokens, as
    /// corpora and tokenised dumps are ("170 , 000"). Prose never spaces
    /// a comma on its left, so a list is not read as one number.
    SpacedComma,
}

/// Groups of exactly `n` digits after separators of one kind, from `i`:
/// the end of the last whole group.
fn groups(s: &str, mut i: usize, kind: Sep, n: usize) -> (usize, usize) {
    let b = s.as_bytes();
    let mut count = 0;
    loop {
        let sep = match kind {
            Sep::Comma => usize::from(b.get(i) == Some(&b',')),
            Sep::Space => space_sep(s, i),
            Sep::SpacedComma => {
                if s[i..].starts_with(" , ") {
                    3
                } else {
                    0
                }
            }
        };
        if sep == 0 || digits(b, i + sep) != n {
            return (i, count);
        }
        i += sep + n;
        count += 1;
    }
}

/// The digit literal starting at byte `at` (a digit, or a point before one).
pub fn scan(s: &str, at: usize) -> Option<Literal> {
    let b = s.as_bytes();
    let lead = digits(b, at);
    if let Some((v, n)) = vulgar(&s[at..]) {
        return Some(Literal {
            value: v,
            end: at + n,
            integer: false,
            fraction: true,
        });
    }
    if lead == 0 {
        // ".08": a point and digits, nothing before.
        if b.get(at) == Some(&b'.') && digits(b, at + 1) > 0 {
            let end = at + 1 + digits(b, at + 1);
            let value = s[at..end].parse().ok()?;
            return Some(Literal {
                value,
                end,
                integer: false,
                fraction: false,
            });
        }
        return None;
    }
    // The second number of a spaced slash pair ("41 / 2", "24 / 7") is no
    // count of what follows it: "41 / 2 months" is not two months.
    if at >= 4 && b[..at].ends_with(b" / ") && b[at - 4].is_ascii_digit() {
        return None;
    }
    // Digits on either side of a colon are a clock time, a score or a ratio
    // ("7 : 35 am", "13:42", "3:2"), no count of anything.
    let colon = |i: usize| {
        [&b":"[..], b" : "]
            .into_iter()
            .find(|c| b[i..].starts_with(c))
            .map(<[u8]>::len)
    };
    if colon(at + lead).is_some_and(|n| digits(b, at + lead + n) > 0)
        || [1, 3]
            .into_iter()
            .any(|n| at > n && colon(at - n) == Some(n) && b[at - n - 1].is_ascii_digit())
    {
        return None;
    }
    let mut int_end = at + lead;
    let mut text: String = s[at..int_end].to_string();
    let mut integer = true;
    let mut decimal_comma = false;
    // European "1.111,11": point-grouped thousands then a decimal comma.
    if lead <= 3 && b.get(int_end) == Some(&b'.') {
        let mut j = int_end;
        let mut k = 0;
        while b.get(j) == Some(&b'.') && digits(b, j + 1) == 3 {
            j += 4;
            k += 1;
        }
        if k > 0 && b.get(j) == Some(&b',') && digits(b, j + 1) > 0 {
            text = s[at..j].replace('.', "");
            int_end = j;
            decimal_comma = true;
        }
    }
    if !decimal_comma {
        let (c_end, c_count) = if lead <= 3 {
            groups(s, int_end, Sep::Comma, 3)
        } else {
            (int_end, 0)
        };
        let indian = if lead <= 2 {
            groups(s, int_end, Sep::Comma, 2)
        } else {
            (int_end, 0)
        };
        if c_count > 0 {
            text = s[at..c_end].replace(',', "");
            int_end = c_end;
            integer = false;
        } else if indian.1 > 0 {
            let (e2, n2) = groups(s, indian.0, Sep::Comma, 3);
            if n2 == 1 && !(b.get(e2) == Some(&b',') && digits(b, e2 + 1) > 0) {
                text = s[at..e2].replace(',', "");
                int_end = e2;
                integer = false;
            }
        } else if lead <= 3 {
            let spaced = [Sep::Space, Sep::SpacedComma]
                .into_iter()
                .map(|kind| groups(s, int_end, kind, 3))
                .find(|&(_, count)| count > 0);
            if let Some((s_end, _)) = spaced {
                text = s[at..s_end].chars().filter(char::is_ascii_digit).collect();
                int_end = s_end;
                integer = false;
            }
        }
        // Decimal comma "5,00", "1,3": one short group, no list after it.
        if integer && b.get(int_end) == Some(&b',') {
            let n = digits(b, int_end + 1);
            let after = int_end + 1 + n;
            let listed = b.get(after) == Some(&b',') && digits(b, after + 1) > 0;
            let before_list = at > 0 && b[at - 1] == b',' && at > 1 && b[at - 2].is_ascii_digit();
            if (1..=2).contains(&n) && !listed && !before_list && !alnum_at(b, after) {
                text = format!("{}.{}", &s[at..int_end], &s[int_end + 1..after]);
                return Some(Literal {
                    value: text.parse().ok()?,
                    end: after,
                    integer: false,
                    fraction: false,
                });
            }
        }
    }
    let mut end = int_end;
    if decimal_comma {
        let n = digits(b, end + 1);
        text = format!("{text}.{}", &s[end + 1..end + 1 + n]);
        end += 1 + n;
        integer = false;
    } else if b.get(end) == Some(&b'.') && digits(b, end + 1) > 0 {
        let n = digits(b, end + 1);
        text.push_str(&s[end..end + 1 + n]);
        end += 1 + n;
        integer = false;
    } else if s[end..].starts_with(" . ") && digits(b, end + 3) > 0 {
        // "2 . 38": a decimal point of tokenised text (see `Sep::SpacedComma`).
        let n = digits(b, end + 3);
        text.push('.');
        text.push_str(&s[end + 3..end + 3 + n]);
        end += 3 + n;
        integer = false;
    }
    let mut value: f64 = text.parse().ok()?;
    // Exponent "1e10", "12.32e+14", "-12e-1".
    if matches!(b.get(end), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(b.get(end + 1), Some(b'+' | b'-')));
        let n = digits(b, end + 1 + sign);
        if n > 0 && !alnum_at(b, end + 1 + sign + n) {
            let e: i32 = s[end + 1..end + 1 + sign + n].trim_start_matches('+').parse().ok()?;
            value *= 10f64.powi(e);
            end += 1 + sign + n;
            integer = false;
        }
    }
    // "1.3x10^6".
    if s[end..].starts_with("x10^") {
        let j = end + 4;
        let sign = usize::from(matches!(b.get(j), Some(b'+' | b'-')));
        let n = digits(b, j + sign);
        if n > 0 {
            let e: i32 = s[j..j + sign + n].trim_start_matches('+').parse().ok()?;
            value *= 10f64.powi(e);
            end = j + sign + n;
            integer = false;
        }
    }
    // Power "1.1^23", "2.5^-1", "1.1^--23" (signs multiply).
    if b.get(end) == Some(&b'^') {
        let mut j = end + 1;
        let mut negative = false;
        while let Some(&c) = b.get(j) {
            match c {
                b'-' => negative = !negative,
                b'+' => {}
                _ => break,
            }
            j += 1;
        }
        let n = digits(b, j);
        if n > 0 {
            let mut e: f64 = s[j..j + n].parse().ok()?;
            if negative {
                e = -e;
            }
            value = value.powf(e);
            end = j + n;
            integer = false;
        }
    }
    // Fraction "3/4": plain integers on both sides, and no date's second slash.
    let mut fraction = false;
    if integer && let Some((v, n)) = vulgar(&s[end..]) {
        return Some(Literal {
            value: value + v,
            end: end + n,
            integer: false,
            fraction: true,
        });
    }
    if integer && b.get(end) == Some(&b'/') && digits(b, end + 1) > 0 {
        let n = digits(b, end + 1);
        let after = end + 1 + n;
        let den: f64 = s[end + 1..after].parse().ok()?;
        // A proper fraction with a small or decimal denominator ("3/4",
        // "7/100"); other digit pairs with a slash are dates, scores and names
        // ("9/11", "24/7", "50/50", "10/3"), no number at all.
        if b.get(after) == Some(&b'/') || alnum_at(b, after) || !proper(value, den) {
            return None;
        }
        value /= den;
        end = after;
        integer = false;
        fraction = true;
    } else if integer && b[end..].starts_with(b" / ") && !b[..at].ends_with(b"/ ") && digits(b, end + 3) > 0 {
        // Tokenised text spaces the slash: "4 1 / 2 hours". Only a proper
        // fraction is read so, and not inside a date ("05 / 02 / 07"); other
        // pairs are no number, as unspaced ("24 / 7", and "41 / 2", a mixed
        // number that lost its space).
        let n = digits(b, end + 3);
        let after = end + 3 + n;
        let den: f64 = s[end + 3..after].parse().ok()?;
        if !b[after..].starts_with(b" / ") && !alnum_at(b, after) && b.get(after) != Some(&b'/') {
            if !proper(value, den) {
                return None;
            }
            value /= den;
            end = after;
            integer = false;
            fraction = true;
        }
    }
    value.is_finite().then_some(Literal {
        value,
        end,
        integer,
        fraction,
    })
}

/// A proper fraction with a small or decimal denominator ("3/4", "7/100").
fn proper(numerator: f64, den: f64) -> bool {
    numerator < den && (den <= 10.0 || [16.0, 100.0, 1000.0].contains(&den))
}

#[cfg(test)]
mod tests {
    use super::scan;

    #[test]
    fn literals() {
        let cases: &[(&str, f64, &str)] = &[
            ("1,234,567 people", 1234567.0, "1,234,567"),
            ("1 234 567", 1234567.0, "1 234 567"),
            ("40\u{202f}000 x", 40000.0, "40\u{202f}000"),
            ("12,34,567.89 rupees", 1234567.89, "12,34,567.89"),
            ("1.111,11", 1111.11, "1.111,11"),
            ("5,00 or", 5.0, "5,00"),
            ("22,24,26", 22.0, "22"),
            (".08", 0.08, ".08"),
            ("4.800", 4.8, "4.800"),
            ("192.", 192.0, "192"),
            ("1e10", 1e10, "1e10"),
            ("12.32e+14", 1.232e15, "12.32e+14"),
            ("1.3x10^6", 1.3e6, "1.3x10^6"),
            ("2.5^-1", 0.4, "2.5^-1"),
            ("3/4", 0.75, "3/4"),
            ("1 / 2 hours", 0.5, "1 / 2"),
            ("1 / 2 / 2009", 1.0, "1"),
            ("05 / 02 / 07", 5.0, "05"),
            ("1, 234", 1.0, "1"),
            ("423 0000", 423.0, "423"),
            ("2019 100", 2019.0, "2019"),
            ("170 , 000 people", 170000.0, "170 , 000"),
            ("2 . 38 pounds", 2.38, "2 . 38"),
            ("1 , 234 , 567", 1234567.0, "1 , 234 , 567"),
            ("2,000ft", 2000.0, "2,000"),
            ("5 , 10 and 20", 5.0, "5"),
            ("5, 100", 5.0, "5"),
        ];
        for (text, value, span) in cases {
            let lit = scan(text, 0).unwrap_or_else(|| panic!("{text}: nothing"));
            assert!(
                (lit.value - value).abs() < 1e-9 * value.abs().max(1.0),
                "{text}: {lit:?}"
            );
            assert_eq!(&text[..lit.end], *span, "{text}");
        }
        // The middle of a spaced date is no fraction, nor any number.
        let date = "05 / 02 / 07";
        assert!(scan(date, 5).is_none());
        for label in [
            "5/17/2018",
            "9/11",
            "24/7",
            "50/50",
            "24 / 7",
            "9 / 11",
            "41 / 2 months",
        ] {
            assert!(scan(label, 0).is_none(), "{label}");
        }
        assert!(scan("41 / 2 months", 5).is_none());
        for (time, at) in [
            ("7 : 35 am", 0),
            ("7 : 35 am", 4),
            ("13:42", 0),
            ("13:42", 3),
            ("3:2", 2),
        ] {
            assert!(scan(time, at).is_none(), "{time} at {at}");
        }
        assert!(scan("at 7: the", 3).is_some_and(|l| l.value == 7.0));
        assert!(scan("2½", 0).is_some_and(|l| l.value == 2.5 && l.end == "2½".len()));
    }
}
