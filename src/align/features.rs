//! Helpers for the pair features of [`super::Aligner::features`]: word
//! n-gram overlap (BLEU-style precision and recall), character n-gram
//! profiles, and the word-level LCS and edit distance (TER-like). What can
//! be computed once per sentence is, in [`super::Terms`].

use std::collections::HashMap;

/// A sentence's character n-grams, counted, sorted by gram: two profiles
/// compare by a linear merge. Each gram packs its characters exactly (21
/// bits per character), so there are no hash collisions.
#[derive(Debug, Clone, Default)]
pub struct CharGrams {
    grams: Vec<(u128, u32)>,
    norm: f64,
}

impl CharGrams {
    /// The `n`-grams (n ≤ 6) of `text` with runs of whitespace read as one
    /// space, padded with a space at each end so first and last words count.
    pub fn new(text: &str, n: usize) -> CharGrams {
        debug_assert!(n <= 6);
        let mut chars: Vec<char> = vec![' '];
        for c in text.chars() {
            if c.is_whitespace() {
                if chars.last() != Some(&' ') {
                    chars.push(' ');
                }
            } else {
                chars.push(c);
            }
        }
        if chars.last() != Some(&' ') {
            chars.push(' ');
        }
        let mut grams: Vec<u128> = chars
            .windows(n)
            .map(|w| w.iter().fold(0u128, |acc, &c| (acc << 21) | c as u128))
            .collect();
        grams.sort_unstable();
        let mut counted: Vec<(u128, u32)> = Vec::with_capacity(grams.len());
        for g in grams {
            match counted.last_mut() {
                Some((last, c)) if *last == g => *c += 1,
                _ => counted.push((g, 1)),
            }
        }
        let norm = counted.iter().map(|&(_, c)| (c as f64).powi(2)).sum::<f64>().sqrt();
        CharGrams { grams: counted, norm }
    }

    /// Cosine similarity of the two count vectors, in [0, 1].
    pub fn cosine(&self, other: &CharGrams) -> f64 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < self.grams.len() && j < other.grams.len() {
            let (a, b) = (self.grams[i], other.grams[j]);
            match a.0.cmp(&b.0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += a.1 as f64 * b.1 as f64;
                    i += 1;
                    j += 1;
                }
            }
        }
        dot / (self.norm * other.norm)
    }
}

/// Shared word n-grams (multiset, clipped as in BLEU): (share of the longer
/// side's n-grams, share of the shorter side's, Dice). The shares are the
/// two directions' precisions, taken in an order-free way.
pub fn ngram_overlap(a: &[String], b: &[String], n: usize) -> (f64, f64, f64) {
    if a.len() < n || b.len() < n {
        return (0.0, 0.0, 0.0);
    }
    let mut counts: HashMap<&[String], i64> = HashMap::new();
    for g in a.windows(n) {
        *counts.entry(g).or_insert(0) += 1;
    }
    let mut shared = 0usize;
    for g in b.windows(n) {
        if let Some(c) = counts.get_mut(g)
            && *c > 0
        {
            *c -= 1;
            shared += 1;
        }
    }
    let (la, lb) = (a.len() + 1 - n, b.len() + 1 - n);
    let s = shared as f64;
    (s / la.max(lb) as f64, s / la.min(lb) as f64, 2.0 * s / (la + lb) as f64)
}

/// The longest common word subsequence and the word edit distance
/// (insertions, deletions, substitutions), each over the longer side's
/// length, from one pass of the two dynamic programmes: (LCS share,
/// 1 − edit share). Both are 0 when a side is empty.
pub fn lcs_and_edit(a: &[String], b: &[String]) -> (f64, f64) {
    if a.is_empty() || b.is_empty() {
        return (0.0, 0.0);
    }
    let m = b.len();
    let mut lcs_prev = vec![0usize; m + 1];
    let mut lcs_cur = vec![0usize; m + 1];
    let mut ed_prev: Vec<usize> = (0..=m).collect();
    let mut ed_cur = vec![0usize; m + 1];
    for (i, x) in a.iter().enumerate() {
        ed_cur[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let same = x == y;
            lcs_cur[j + 1] = if same {
                lcs_prev[j] + 1
            } else {
                lcs_prev[j + 1].max(lcs_cur[j])
            };
            ed_cur[j + 1] = (ed_prev[j] + usize::from(!same))
                .min(ed_prev[j + 1] + 1)
                .min(ed_cur[j] + 1);
        }
        std::mem::swap(&mut lcs_prev, &mut lcs_cur);
        std::mem::swap(&mut ed_prev, &mut ed_cur);
    }
    let longer = a.len().max(b.len()) as f64;
    (lcs_prev[m] as f64 / longer, 1.0 - ed_prev[m] as f64 / longer)
}

/// `n` capped at `cap`, over `cap`: a count as a feature in [0, 1].
pub fn capped(n: usize, cap: usize) -> f64 {
    n.min(cap) as f64 / cap as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn char_grams_cosine() {
        let a = CharGrams::new("the cat sat", 3);
        assert!((a.cosine(&CharGrams::new("the  cat sat", 3)) - 1.0).abs() < 1e-12);
        let c = a.cosine(&CharGrams::new("the dog sat", 3));
        assert!(c > 0.2 && c < 0.9, "{c}");
        assert_eq!(a.cosine(&CharGrams::new("xyz", 3)), 0.0);
        assert_eq!(a.cosine(&CharGrams::default()), 0.0);
    }

    #[test]
    fn lcs_and_edit_distance() {
        let (lcs, edit) = lcs_and_edit(&words("a b c d"), &words("a x c d e"));
        assert!((lcs - 3.0 / 5.0).abs() < 1e-12);
        // One substitution and one insertion over five words.
        assert!((edit - 3.0 / 5.0).abs() < 1e-12);
        assert_eq!(lcs_and_edit(&words("a b"), &[]), (0.0, 0.0));
        assert_eq!(lcs_and_edit(&words("a b"), &words("a b")), (1.0, 1.0));
    }

    #[test]
    fn ngram_overlap_clips_repeats() {
        let (max, min, dice) = ngram_overlap(&words("a a a b"), &words("a b"), 1);
        assert_eq!((max, min, dice), (0.5, 1.0, 2.0 * 2.0 / 6.0));
        assert_eq!(ngram_overlap(&words("a"), &words("a b"), 2), (0.0, 0.0, 0.0));
    }
}
