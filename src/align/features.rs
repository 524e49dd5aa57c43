//! Helpers for the pair features of [`super::Aligner::features`]: word
//! n-gram overlap (BLEU-style precision and recall), character n-gram
//! profiles, and the word-level LCS and edit distance (TER-like). What can
//! be computed once per sentence is, in [`super::Terms`]; words are compared
//! as ids ([`word_id`]), so pair features are integer work.

/// A word (or any string) as a 64-bit id: FNV-1a of its bytes. Claims are
/// compared on these ids, not on strings; two different words of one run
/// share an id with probability about n²/2⁶⁵ (3·10⁻¹⁰ for n = 10⁵ distinct
/// words), and only then can a feature value differ.
pub fn word_id(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The text with runs of whitespace read as one space, padded with a space
/// at each end so first and last words count: what n-gram profiles cut.
pub fn padded_chars(text: &str) -> Vec<char> {
    let mut chars: Vec<char> = Vec::with_capacity(text.len() + 2);
    chars.push(' ');
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
    chars
}

/// A sentence's character n-grams (n = 3 or 4), as sorted distinct keys
/// with their counts: two profiles compare by a linear merge. See
/// [`gram_key`] for when two grams can share a key.
#[derive(Debug, Clone, Default)]
pub struct CharGrams {
    keys: Vec<u32>,
    counts: Vec<u32>,
    norm: f64,
}

impl CharGrams {
    pub fn new(text: &str, n: usize) -> CharGrams {
        CharGrams::of_padded(&padded_chars(text), n)
    }

    /// [`CharGrams::new`] of a text already cut by [`padded_chars`]: a
    /// claim's 3- and 4-gram profiles share one cut.
    pub fn of_padded(chars: &[char], n: usize) -> CharGrams {
        debug_assert!(n == 3 || n == 4);
        let mut grams: Vec<u32> = match n {
            3 => chars.array_windows::<3>().map(gram_key).collect(),
            _ => chars.array_windows::<4>().map(gram_key).collect(),
        };
        grams.sort_unstable();
        let distinct = 1 + grams.windows(2).filter(|w| w[0] != w[1]).count();
        let (mut keys, mut counts) = (Vec::with_capacity(distinct), Vec::with_capacity(distinct));
        for (k, c) in runs(&grams) {
            keys.push(k);
            counts.push(c);
        }
        let norm = counts.iter().map(|&c| (c as f64).powi(2)).sum::<f64>().sqrt();
        CharGrams { keys, counts, norm }
    }

    /// Cosine similarity of the two count vectors, in [0, 1]. The dot
    /// product and the norms are sums of whole numbers, exact in any order.
    pub fn cosine(&self, other: &CharGrams) -> f64 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        let dot = merge_counts((&self.keys, &self.counts), (&other.keys, &other.counts), |x, y| {
            u64::from(x) * u64::from(y)
        });
        dot as f64 / (self.norm * other.norm)
    }
}

/// A character n-gram (n ≤ 4) as a 32-bit key: its characters packed
/// exactly when they fit in 31 bits (n = 2: every character below U+8000;
/// n = 3: below U+0400, Latin, Greek and Cyrillic; n = 4: ASCII), else a
/// 31-bit hash of them with the top bit set. Only two hashed grams can
/// share a key: a sentence has a few (curly quotes, dashes), so two of one
/// pair collide with odds of about 10⁻⁷, and then one count is off by one.
#[inline]
fn gram_key<const N: usize>(w: &[char; N]) -> u32 {
    let bits = 31 / N as u32;
    if w.iter().all(|&c| (c as u32) >> bits == 0) {
        return w.iter().fold(0u32, |acc, &c| (acc << bits) | c as u32);
    }
    let h = word_id(&w.iter().collect::<String>());
    (h as u32 ^ (h >> 32) as u32) | 1 << 31
}

/// The sum of `each(count in a, count in b)` over the keys both profiles
/// hold; each profile is sorted distinct keys with their counts. Equal keys
/// advance both sides; written without branches on the comparison, which a
/// merge of random keys mispredicts.
#[inline]
fn merge_counts(a: (&[u32], &[u32]), b: (&[u32], &[u32]), each: impl Fn(u32, u32) -> u64) -> u64 {
    let ((ak, ac), (bk, bc)) = (a, b);
    let (mut i, mut j, mut sum) = (0, 0, 0u64);
    while i < ak.len() && j < bk.len() {
        let (x, y) = (ak[i], bk[j]);
        sum += u64::from(x == y) * each(ac[i], bc[j]);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    sum
}

/// Runs of equal keys of a sorted list: (key, count).
fn runs(keys: &[u32]) -> impl Iterator<Item = (u32, u32)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let &k = keys.get(i)?;
        let start = i;
        while keys.get(i) == Some(&k) {
            i += 1;
        }
        Some((k, (i - start) as u32))
    })
}

/// Shared items of two sorted lists with repeats (multiset intersection).
pub fn shared_sorted<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    // An equal pair advances both sides and counts once; written without
    // branches on the comparison, which a merge of random keys mispredicts.
    while i < a.len() && j < b.len() {
        let (x, y) = (&a[i], &b[j]);
        shared += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    shared
}

/// A text's character bigrams with whitespace removed, as
/// `strsim::sorensen_dice` counts them, computed once per claim: that
/// function rebuilds a hash map of both sides on every call.
#[derive(Debug, Clone, Default)]
pub struct CharBigrams {
    /// Sorted distinct keys ([`gram_key`]) with their counts: the claim
    /// matcher compares every scored pair's, and a merge of distinct keys is
    /// shorter than one of keys with repeats.
    keys: Vec<u32>,
    counts: Vec<u32>,
    /// Length in bytes of the text without whitespace (strsim divides by it).
    bytes: usize,
    /// That text's id, for strsim's "equal texts score 1" rule.
    id: u64,
}

impl CharBigrams {
    pub fn new(text: &str) -> CharBigrams {
        let s: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let mut grams: Vec<u32> = s
            .chars()
            .zip(s.chars().skip(1))
            .map(|(x, y)| gram_key(&[x, y]))
            .collect();
        grams.sort_unstable();
        let (keys, counts) = runs(&grams).unzip();
        CharBigrams {
            keys,
            counts,
            bytes: s.len(),
            id: word_id(&s),
        }
    }

    /// `strsim::sorensen_dice` of the two texts, to the bit unless two
    /// bigrams of characters above U+8000 share a key.
    pub fn dice(&self, other: &CharBigrams) -> f64 {
        if self.bytes == other.bytes && self.id == other.id {
            return 1.0;
        }
        if self.bytes < 2 || other.bytes < 2 {
            return 0.0;
        }
        // Shared bigrams counted as a multiset: the smaller count of each
        // key both hold.
        let shared = merge_counts((&self.keys, &self.counts), (&other.keys, &other.counts), |x, y| {
            u64::from(x.min(y))
        });
        (2 * shared as usize) as f64 / (self.bytes + other.bytes - 2) as f64
    }
}

/// The word n-grams of a sequence of word ids, each folded into one id
/// (n = 1 keeps the words' own), sorted.
pub fn ngram_ids(words: &[u64], n: usize) -> Vec<u64> {
    let mut out: Vec<u64> = if n == 1 {
        words.to_vec()
    } else {
        words
            .windows(n)
            .map(|g| {
                g.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &w| {
                    (h ^ w).wrapping_mul(0x0100_0000_01b3).rotate_left(29)
                })
            })
            .collect()
    };
    out.sort_unstable();
    out
}

/// Shared word n-grams (multiset, clipped as in BLEU) of two sequences of
/// `la` and `lb` words, given their sorted n-gram ids ([`ngram_ids`]):
/// (share of the longer side's n-grams, share of the shorter side's, Dice).
/// The shares are the two directions' precisions, taken in an order-free way.
pub fn ngram_overlap(a: &[u64], b: &[u64], la: usize, lb: usize, n: usize) -> (f64, f64, f64) {
    if la < n || lb < n {
        return (0.0, 0.0, 0.0);
    }
    ngram_shares(shared_sorted(a, b), la + 1 - n, lb + 1 - n)
}

/// [`ngram_overlap`] from the number of shared n-grams and each side's count.
pub fn ngram_shares(shared: usize, la: usize, lb: usize) -> (f64, f64, f64) {
    let s = shared as f64;
    (s / la.max(lb) as f64, s / la.min(lb) as f64, 2.0 * s / (la + lb) as f64)
}

/// The longest common word subsequence and the word edit distance
/// (insertions, deletions, substitutions), each over the longer side's
/// length: (LCS share, 1 − edit share). Both are 0 when a side is empty.
pub fn lcs_and_edit(a: &[u64], b: &[u64]) -> (f64, f64) {
    if a.is_empty() || b.is_empty() {
        return (0.0, 0.0);
    }
    let (lcs, edit) = lcs_and_edit_counts(a, b);
    let longer = a.len().max(b.len()) as f64;
    (lcs as f64 / longer, 1.0 - edit as f64 / longer)
}

/// The LCS length and the edit distance of two word sequences. Pair
/// scoring runs this on every candidate pair, and a sentence seldom has
/// more than 64 words: then the shorter side fits one machine word and
/// both counts come from the bit-parallel algorithms (Allison and Dix's
/// LCS, Myers' edit distance in Hyyrö's form), one step per word of the
/// longer side instead of one per pair of words. Both give exactly the
/// dynamic programmes' counts, which longer sentences still run.
fn lcs_and_edit_counts(a: &[u64], b: &[u64]) -> (usize, usize) {
    let (pattern, text) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if pattern.len() > 64 {
        return lcs_and_edit_dp(a, b);
    }
    let masks = PatternMasks::new(pattern);
    let m = pattern.len();
    let top = 1u64 << (m - 1);
    let all = if m == 64 { u64::MAX } else { (1u64 << m) - 1 };
    // LCS: a zero bit of `v` for each pattern word matched so far.
    let mut v = all;
    // Edit distance: vertical +1 / -1 deltas of the current column, and
    // the last row's value.
    let (mut vp, mut vn, mut dist) = (all, 0u64, m);
    for &w in text {
        let eq = masks.get(w);
        let u = v & eq;
        v = (v.wrapping_add(u) | v.wrapping_sub(u)) & all;
        let xv = eq | vn;
        let xh = (((eq & vp).wrapping_add(vp)) ^ vp) | eq;
        let ph = vn | !(xh | vp);
        let mh = vp & xh;
        if ph & top != 0 {
            dist += 1;
        } else if mh & top != 0 {
            dist -= 1;
        }
        // Row 0 counts the text's words: its horizontal delta is +1.
        let ph = (ph << 1) | 1;
        let mh = mh << 1;
        vp = (mh | !(xv | ph)) & all;
        vn = ph & xv & all;
    }
    (m - v.count_ones() as usize, dist)
}

/// Each distinct word of a pattern of at most 64 words with the bit mask of
/// its positions, in a small open-addressed table: words are FNV ids, so
/// their low bits spread them.
struct PatternMasks {
    keys: [u64; 128],
    masks: [u64; 128],
}

impl PatternMasks {
    fn new(pattern: &[u64]) -> PatternMasks {
        let mut t = PatternMasks {
            keys: [0; 128],
            masks: [0; 128],
        };
        for (i, &w) in pattern.iter().enumerate() {
            let mut k = (w as usize) & 127;
            // A slot is taken when its mask is set; a word's mask never is 0.
            while t.masks[k] != 0 && t.keys[k] != w {
                k = (k + 1) & 127;
            }
            t.keys[k] = w;
            t.masks[k] |= 1 << i;
        }
        t
    }

    fn get(&self, w: u64) -> u64 {
        let mut k = (w as usize) & 127;
        while self.masks[k] != 0 {
            if self.keys[k] == w {
                return self.masks[k];
            }
            k = (k + 1) & 127;
        }
        0
    }
}

/// [`lcs_and_edit_counts`] by the two dynamic programmes, one pass.
fn lcs_and_edit_dp<T: PartialEq>(a: &[T], b: &[T]) -> (usize, usize) {
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
    (lcs_prev[m], ed_prev[m])
}

/// `n` capped at `cap`, over `cap`: a count as a feature in [0, 1].
pub fn capped(n: usize, cap: usize) -> f64 {
    n.min(cap) as f64 / cap as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<u64> {
        s.split(' ').map(word_id).collect()
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
    fn char_bigrams_match_strsim() {
        let texts = [
            "",
            "a",
            "ab",
            "a b",
            "The cat sat.",
            "the cat  sat.",
            "thecatsat.",
            "é",
            "éa",
            "café au lait",
            "Café au lait",
            "aaaa",
            "aa aa a",
            "Zürich’s “new” rule",
            "x\ty\nz",
            "🙂 ok 🙂",
        ];
        for a in texts {
            for b in texts {
                let want = strsim::sorensen_dice(a, b);
                let got = CharBigrams::new(a).dice(&CharBigrams::new(b));
                assert_eq!(got.to_bits(), want.to_bits(), "{a:?} {b:?}: {got} {want}");
            }
        }
    }

    #[test]
    fn char_grams_of_rare_characters() {
        let a = CharGrams::new("🙂🙂🙂🙂 ok", 4);
        assert!((a.cosine(&CharGrams::new("🙂🙂🙂🙂  ok", 4)) - 1.0).abs() < 1e-12);
        assert!(a.cosine(&CharGrams::new("🙃🙃🙃🙃 ok", 4)) < 1.0);
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
    fn bit_parallel_counts_equal_the_dynamic_programmes() {
        // Small alphabets make many matches; lengths cross the 64-word
        // limit of the bit-parallel path on both sides.
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for round in 0..3000 {
            let alphabet = 1 + next() % 6;
            let (la, lb) = (1 + next() % 80, 1 + next() % 80);
            // Ids whose low bits collide in the mask table now and then.
            let word = |x: u64| {
                if round % 2 == 0 {
                    x * 128
                } else {
                    word_id(&x.to_string())
                }
            };
            let a: Vec<u64> = (0..la).map(|_| word(next() % alphabet)).collect();
            let b: Vec<u64> = (0..lb).map(|_| word(next() % alphabet)).collect();
            assert_eq!(lcs_and_edit_counts(&a, &b), lcs_and_edit_dp(&a, &b), "{a:?} {b:?}");
        }
    }

    /// `ngram_overlap` of two texts' words.
    fn overlap(a: &str, b: &str, n: usize) -> (f64, f64, f64) {
        let (a, b) = (words(a), words(b));
        ngram_overlap(&ngram_ids(&a, n), &ngram_ids(&b, n), a.len(), b.len(), n)
    }

    #[test]
    fn ngram_overlap_clips_repeats() {
        let (max, min, dice) = overlap("a a a b", "a b", 1);
        assert_eq!((max, min, dice), (0.5, 1.0, 2.0 * 2.0 / 6.0));
        assert_eq!(overlap("a", "a b", 2), (0.0, 0.0, 0.0));
        // "a b" twice on one side, once on the other: one shared bigram.
        assert_eq!(overlap("a b a b", "a b c", 2), (1.0 / 3.0, 1.0 / 2.0, 2.0 / 5.0));
    }
}
