//! Spelling variants of one name across a run's articles.
//!
//! Outlets transliterate and spell names their own way: "Marrakech" and
//! "Marrakesh", "Qadhafi" and "Qaddafi", "Defence Ministry" and "Defense
//! Ministry". As entity terms these never meet, so two claims stating one
//! fact lose the name that ties them. Entity names of seven letters or
//! more that differ by one letter inside the name (an edit distance of 1
//! that keeps the first and the last letter) become one term for the whole
//! run. Shorter names stay apart: "Iraq" and "Iran", "Hiller" and "Heller".
//! On the 982 ECB+ articles this maps 69 names onto another spelling; a
//! few are two names after all ("Marion County" and "Marin County",
//! "Alexandria" and "Alexandra"). The actor test [`super::alias`] is
//! looser, as it only tells whether two claims' subjects may be one actor.
//!
//! Candidates come from a deletion index (each name and every form of it
//! with one inner character deleted, hashed): two names one edit apart
//! share a key, so the work grows with the number of names, not with its
//! square.

/// The fewest characters (after the `@` of an entity term) a name needs
/// for a one-letter difference to be taken as a spelling variant.
pub const MIN_CHARS: usize = 7;

/// For each term of the sorted `vocab`, the index of the term that stands
/// for it: the first (in string order) of its spelling variants, or itself.
/// Only entity terms (`@name`) without digits take part.
pub fn representatives(vocab: &[&str]) -> Vec<u32> {
    let mut parent: Vec<u32> = (0..vocab.len() as u32).collect();
    // (hash of a key, term index), sorted below so that equal keys meet:
    // a flat list costs a fraction of a map from key strings.
    let mut keys: Vec<(u64, u32)> = Vec::new();
    for (k, term) in vocab.iter().enumerate() {
        let Some(name) = term.strip_prefix('@') else {
            continue;
        };
        let chars: Vec<char> = name.chars().collect();
        if chars.len() < MIN_CHARS || chars.iter().any(char::is_ascii_digit) {
            continue;
        }
        // The name, and the name with one inner letter deleted: variants
        // keep their first and last letters.
        keys.push((key_hash(&chars, None), k as u32));
        for skip in 1..chars.len() - 1 {
            keys.push((key_hash(&chars, Some(skip)), k as u32));
        }
    }
    keys.sort_unstable();
    // A name with a doubled letter yields one key twice.
    keys.dedup();
    // Each run of one key holds candidates; a hash collision only adds
    // candidates that the exact test turns down. The order of the unions
    // does not matter: a class's representative is its smallest index.
    for run in keys.chunk_by(|x, y| x.0 == y.0).filter(|r| r.len() > 1) {
        for (x, &(_, a)) in run.iter().enumerate() {
            for &(_, b) in &run[x + 1..] {
                // A shared key also joins a swap of two letters ("ie" and
                // "ei"): two edits, not taken.
                if a != b && variants(&vocab[a as usize][1..], &vocab[b as usize][1..]) {
                    union(&mut parent, a, b);
                }
            }
        }
    }
    (0..parent.len() as u32).map(|k| find(&mut parent, k)).collect()
}

/// The hash of `chars` without the one at `skip`.
fn key_hash(chars: &[char], skip: Option<usize>) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    for (i, &c) in chars.iter().enumerate() {
        if Some(i) != skip {
            h.write_u32(c as u32);
        }
    }
    h.finish()
}

/// Two names one letter apart that keep their first and last letters: a
/// different first or last letter more often makes another word ("Kerman"
/// and "German", "Stewart" and "Steward", "Killed" and "Billed") than
/// another spelling. A final "s" is such a letter, so plurals stay apart:
/// joining them ("Palestinians" and "Palestinian") cost 0.3 points of
/// check-cluster F1 on the ECB+ development topics 1 and 18.
fn variants(a: &str, b: &str) -> bool {
    a.chars().next() == b.chars().next() && a.chars().last() == b.chars().last() && strsim::levenshtein(a, b) == 1
}

fn find(parent: &mut [u32], mut k: u32) -> u32 {
    while parent[k as usize] != k {
        let up = parent[parent[k as usize] as usize];
        parent[k as usize] = up;
        k = up;
    }
    k
}

/// Joins the classes of `a` and `b` under the smaller root.
fn union(parent: &mut [u32], a: u32, b: u32) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    let (lo, hi) = (ra.min(rb), ra.max(rb));
    parent[hi as usize] = lo;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(words: &[&str]) -> Vec<(String, String)> {
        let mut vocab = words.to_vec();
        vocab.sort_unstable();
        let rep = representatives(&vocab);
        vocab
            .iter()
            .zip(&rep)
            .map(|(w, &r)| (w.to_string(), vocab[r as usize].to_string()))
            .collect()
    }

    fn rep_of(words: &[&str], word: &str) -> String {
        classes(words).into_iter().find(|(w, _)| w == word).unwrap().1
    }

    #[test]
    fn one_letter_apart_names_share_a_term() {
        let v = ["@marrakech", "@marrakesh", "@morocco", "quake"];
        assert_eq!(rep_of(&v, "@marrakesh"), "@marrakech");
        assert_eq!(rep_of(&v, "@marrakech"), "@marrakech");
        assert_eq!(rep_of(&v, "@morocco"), "@morocco");
        // Insertions too, and variants chain into one class; another first
        // letter is another name.
        let v = ["@qaddafi", "@qadhafi", "@qadhaffi", "@gaddafi"];
        assert_eq!(rep_of(&v, "@qadhafi"), "@qaddafi");
        assert_eq!(rep_of(&v, "@qadhaffi"), "@qaddafi");
        assert_eq!(rep_of(&v, "@gaddafi"), "@gaddafi");
    }

    #[test]
    fn short_names_words_and_figures_stay_apart() {
        let v = [
            "@iraq",
            "@iran",
            "@heller",
            "@hiller",
            "@stewart",
            "@steward",
            "reports",
            "resorts",
            "@boeing 747",
            "@boeing 737",
        ];
        for (w, r) in classes(&v) {
            assert_eq!(w, r);
        }
        // Two edits: a swap of two letters is no one-letter difference.
        let v = ["@neilson", "@nielson"];
        assert_eq!(rep_of(&v, "@nielson"), "@nielson");
    }
}
