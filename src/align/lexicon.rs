//! The words of a run, each read once.
//!
//! Most words of a run recur, and lower-casing, stemming and hashing every
//! occurrence in every stage was the costliest part of reading a claim.
//! Before claims are read, every distinct word as written gets its
//! [`Reading`] (by `Aligner::word_form`); the lexicon then holds them all,
//! shared read-only by every thread and stage. Its strings sit in one
//! buffer and its table holds indices: a run's twenty thousand words cost
//! a few allocations, not several each.

use super::features::word_id;
use crate::tokens::{Token, tokens};

/// Everything the matcher reads of one word as written.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub stem: String,
    /// The stem of a possessive without its "'s", when the word is one:
    /// what term spans read.
    pub term_stem: Option<String>,
    pub ids: WordIds,
    /// The related-word bases of a content word.
    pub bases: Vec<u32>,
}

/// What a reading says of a word besides its strings, held as it is.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordIds {
    /// [`word_id`] of the word lower-cased with curly apostrophes
    /// straightened and hyphens dropped, of its stem, of the word merely
    /// lower-cased, and of the first five letters of the first.
    pub lower_id: u64,
    pub stem_id: u64,
    pub cased_id: u64,
    pub prefix_id: u64,
    /// Not a stopword, not a figure.
    pub content: bool,
    /// Content, and longer than one letter: a term of its own when no
    /// phrase takes it.
    pub term_word: bool,
    /// The most words of a synonym phrase that opens with the term stem
    /// (0: none does).
    pub phrase_words: usize,
}

/// A string of the lexicon's buffer, or a run of its bases.
#[derive(Debug, Clone, Copy, Default)]
struct Piece {
    start: u32,
    len: u32,
}

impl Piece {
    fn range(self) -> std::ops::Range<usize> {
        self.start as usize..(self.start + self.len) as usize
    }
}

/// A word's [`Reading`] as the lexicon holds it.
#[derive(Debug, Clone, Default)]
pub struct WordForm {
    key: Piece,
    /// The stem a term of the word takes (the possessive's own, if any).
    term: Piece,
    bases: Piece,
    pub ids: WordIds,
}

/// Every distinct word of some texts with its reading.
#[derive(Debug, Default)]
pub struct Lexicon {
    text: String,
    bases: Vec<u32>,
    forms: Vec<WordForm>,
    /// Open addressing by the word's id: a form's index plus one, 0 when
    /// free.
    slots: Vec<u32>,
}

impl Lexicon {
    /// The lexicon of distinct words, each with its reading.
    pub fn new(words: Vec<(&str, Reading)>) -> Lexicon {
        let mut lex = Lexicon {
            slots: vec![0; (2 * words.len()).next_power_of_two().max(16)],
            forms: Vec::with_capacity(words.len()),
            ..Lexicon::default()
        };
        let mask = lex.slots.len() - 1;
        for (word, r) in words {
            let key = lex.push_str(word);
            let term = lex.push_str(r.term_stem.as_deref().unwrap_or(&r.stem));
            let bases = Piece {
                start: lex.bases.len() as u32,
                len: r.bases.len() as u32,
            };
            lex.bases.extend(&r.bases);
            let mut slot = word_id(word) as usize & mask;
            while lex.slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            lex.forms.push(WordForm {
                key,
                term,
                bases,
                ids: r.ids,
            });
            lex.slots[slot] = lex.forms.len() as u32;
        }
        lex.text.shrink_to_fit();
        lex.bases.shrink_to_fit();
        lex
    }

    fn push_str(&mut self, s: &str) -> Piece {
        let start = self.text.len() as u32;
        self.text.push_str(s);
        Piece {
            start,
            len: s.len() as u32,
        }
    }

    /// The form of a word as written, if the lexicon holds it.
    pub fn get(&self, word: &str) -> Option<&WordForm> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut slot = word_id(word) as usize & mask;
        loop {
            let k = *self.slots.get(slot)?;
            if k == 0 {
                return None;
            }
            let form = &self.forms[k as usize - 1];
            if &self.text[form.key.range()] == word {
                return Some(form);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The text's words, each with its form; the lexicon holds them all.
    pub fn words<'t, 'l>(&'l self, text: &'t str) -> Words<'t, 'l> {
        let toks = tokens(text);
        let forms = toks
            .iter()
            .map(|t| self.get(t.text).expect("the lexicon holds every word of the claims"))
            .collect();
        Words {
            toks,
            forms,
            lexicon: self,
        }
    }

    /// How many words it holds.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// The stem a term of the word takes.
    pub fn term(&self, f: &WordForm) -> &str {
        &self.text[f.term.range()]
    }

    /// The related-word bases of the word.
    pub fn bases(&self, f: &WordForm) -> &[u32] {
        &self.bases[f.bases.range()]
    }
}

/// A text's tokens with each one's [`WordForm`].
pub struct Words<'t, 'l> {
    pub toks: Vec<Token<'t>>,
    pub forms: Vec<&'l WordForm>,
    pub lexicon: &'l Lexicon,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(lower: &str) -> Reading {
        Reading {
            stem: lower.trim_end_matches('s').to_string(),
            ids: WordIds {
                lower_id: word_id(lower),
                content: true,
                ..WordIds::default()
            },
            bases: vec![lower.len() as u32],
            ..Reading::default()
        }
    }

    #[test]
    fn every_word_is_found_with_its_own_reading() {
        let words: Vec<String> = (0..5000).map(|k| format!("W{k}s")).collect();
        let lex = Lexicon::new(words.iter().map(|w| (w.as_str(), reading(&w.to_lowercase()))).collect());
        assert_eq!(lex.len(), 5000);
        for w in &words {
            let f = lex.get(w).expect("held");
            assert_eq!(f.ids.lower_id, word_id(&w.to_lowercase()));
            assert_eq!(lex.term(f), w.to_lowercase().trim_end_matches('s'));
            assert_eq!(lex.bases(f), &[w.len() as u32]);
        }
        assert!(lex.get("w1s").is_none() && lex.get("").is_none());
        assert!(Lexicon::default().get("w").is_none());
    }
}
