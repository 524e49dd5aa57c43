//! Stories: which documents report the same happening.
//!
//! A folder of articles is meant to cover one story, but a search for "6.1
//! quake Indonesia" also returns the 6.1 quake of another year, and two
//! articles about two different earthquakes share nearly every word a
//! sentence matcher looks at. Whole documents tell them apart far better
//! than single sentences: each names the places, people and dates of its
//! own event again and again. Claims of documents in different stories are
//! never compared, so the worst error (merging two events) is ruled out
//! before any claim is scored, and the pairs to score shrink.
//!
//! How: each document is a TF-IDF vector of the terms it shares with
//! another document (idf over the documents, so the names of one event
//! weigh most; plus `idf_floor`, so the words every article uses still
//! count for something: with idf alone, one story's articles would share
//! nothing that weighs). Documents merge by the same greedy average-link as
//! claims ([`super::cluster::agglomerate`]) at cosine `threshold`; two
//! documents that share too little to be scored vote as a cosine of 0.
//! Small stories then join their closest story.
//!
//! Tried and dropped (figures in the `clustering` rule's description and
//! the session notes): a threshold relative to the corpus' mean cosine,
//! and bisecting 2-means with a gap test; both split one happening's
//! articles far more often on the ECB+ development topics. Also each
//! document's event signature (the years and decimal figures of all its
//! claims, [`super::events::Signature`]) as cannot-link evidence between
//! documents: at weight 0.5 each it changes nothing on dev or dev-full;
//! years at weight 1 cut dev-full story false merges from 7.4% to 3.2% but
//! cost check-cluster F1 (dev 45.5 to 40.9, dev-full 56.0 to 53.7, measured
//! before the refit of `5f114eb`), since one happening's articles also
//! name other years.

use std::collections::{BTreeMap, BTreeSet};

use super::cluster::{self, Vote};

/// The `stories` rule's parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StoryParams {
    /// Two groups of documents merge when some pair between them reaches
    /// this cosine and their mean cosine exceeds it; 0 keeps every
    /// document in one story.
    pub threshold: f64,
    /// Added to every term's idf, so the words all the articles share
    /// still count for something.
    pub idf_floor: f64,
    /// A term in more than this share of the documents is not indexed.
    pub max_share: f64,
    /// A story of fewer documents joins the story it is closest to, when
    /// it shares anything with one: one odd article is no second story.
    pub min_docs: usize,
}

type Vector = Vec<(u32, f64)>;

/// How the documents of a run were grouped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grouping {
    /// The story of each document, stories numbered in order of their
    /// first document.
    pub story: Vec<usize>,
    /// The pairs of documents (ascending) close enough to be scored, at
    /// cosine half the threshold or more. `None` when grouping is off.
    pub near: Option<BTreeSet<(usize, usize)>>,
}

impl Grouping {
    /// Two documents of one story that share too little to have been
    /// scored as a pair: the average link of their neighbours put them
    /// together, not anything they say. ECB+'s two events of one kind (two
    /// injured running backs, two Doctor Who castings) come together in a
    /// story this way, and a claim pair between such documents is the
    /// likeliest to join two events.
    pub fn far(&self, a: usize, b: usize) -> bool {
        self.near
            .as_ref()
            .is_some_and(|near| a != b && !near.contains(&(a.min(b), a.max(b))))
    }
}

/// The stories of the documents. `docs[i]`: the terms of document `i` as
/// ids, each with a count (how many of its claims hold the term), ids
/// ascending.
pub fn group(docs: &[Vec<(u32, f64)>], p: &StoryParams) -> Grouping {
    let n = docs.len();
    if n < 2 || p.threshold <= 0.0 {
        return Grouping {
            story: vec![0; n],
            near: None,
        };
    }
    let dim = docs.iter().flatten().map(|&(t, _)| t as usize + 1).max().unwrap_or(0);
    let mut df = vec![0usize; dim];
    for d in docs {
        for &(t, _) in d {
            df[t as usize] += 1;
        }
    }
    // Unit vectors over the terms two or more documents hold (a term of
    // one document makes it closer to no other).
    let vectors: Vec<Vector> = docs
        .iter()
        .map(|d| {
            let v: Vector = d
                .iter()
                .filter(|&&(t, _)| df[t as usize] >= 2)
                .map(|&(t, tf)| {
                    let idf = ((n as f64 + 1.0) / df[t as usize] as f64).ln() + p.idf_floor;
                    (t, (1.0 + tf.ln()) * idf)
                })
                .collect();
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt().max(1e-12);
            v.into_iter().map(|(t, x)| (t, x / norm)).collect()
        })
        .collect();
    let cap = ((p.max_share * n as f64).ceil() as usize).max(2);
    let mut postings: Vec<Vec<(usize, f64)>> = vec![Vec::new(); dim];
    for (i, v) in vectors.iter().enumerate() {
        for &(t, x) in v {
            if df[t as usize] <= cap {
                postings[t as usize].push((i, x));
            }
        }
    }
    // Each document's dot products with the later documents, one row at a
    // time into a dense buffer (sums in term order, so the figures depend
    // on the input only). Pairs under half the threshold are dropped: they
    // would vote nearly as much against as a pair that shares nothing, and
    // keeping the few close pairs holds memory to a handful per document.
    // Rows are independent: computed in parallel, each with a dense buffer
    // of its own, then gathered in order.
    use rayon::prelude::*;
    let rows: Vec<Vec<(usize, f64)>> = vectors
        .par_iter()
        .enumerate()
        .map_init(
            || (vec![0.0; n], Vec::new()),
            |(row, touched), (i, v)| {
                for &(t, x) in v {
                    for &(j, y) in &postings[t as usize] {
                        if j > i {
                            if row[j] == 0.0 {
                                touched.push(j);
                            }
                            row[j] += x * y;
                        }
                    }
                }
                touched.sort_unstable();
                let mut close = Vec::new();
                for &j in touched.iter() {
                    if row[j] >= p.threshold / 2.0 {
                        close.push((j, row[j]));
                    }
                    row[j] = 0.0;
                }
                touched.clear();
                close
            },
        )
        .collect();
    let dots: BTreeMap<(usize, usize), f64> = rows
        .into_iter()
        .enumerate()
        .flat_map(|(i, row)| row.into_iter().map(move |(j, d)| ((i, j), d)))
        .collect();
    let votes: Vec<Vote> = dots
        .iter()
        .map(|(&(i, j), &cos)| (i, j, cos - p.threshold, cos >= p.threshold))
        .collect();
    let mut groups = cluster::agglomerate(n, &votes, vec![(); n], -p.threshold);
    absorb_small(&mut groups, &dots, p.min_docs);
    let mut story = vec![0; n];
    for (s, g) in groups.iter().enumerate() {
        for &d in g {
            story[d] = s;
        }
    }
    Grouping {
        story,
        near: Some(dots.into_keys().collect()),
    }
}

/// Moves each group under `min_docs` documents into the larger group it
/// has the highest mean cosine with, smallest groups first.
fn absorb_small(groups: &mut Vec<Vec<usize>>, dots: &BTreeMap<(usize, usize), f64>, min_docs: usize) {
    let cos = |a: usize, b: usize| dots.get(&(a.min(b), a.max(b))).copied().unwrap_or(0.0);
    // Groups that share nothing with any larger one stay as they are.
    let mut alone: Vec<usize> = Vec::new();
    while let Some(small) = (0..groups.len())
        .filter(|&g| groups[g].len() < min_docs && !alone.contains(&groups[g][0]))
        .min_by_key(|&g| (groups[g].len(), groups[g][0]))
    {
        let mean = |other: usize| {
            let sum: f64 = groups[small]
                .iter()
                .flat_map(|&a| groups[other].iter().map(move |&b| cos(a, b)))
                .sum();
            sum / (groups[small].len() * groups[other].len()) as f64
        };
        let best = (0..groups.len())
            .filter(|&g| g != small && groups[g].len() >= groups[small].len())
            .map(|g| (mean(g), g))
            .filter(|&(m, _)| m > 0.0)
            .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
        let Some((_, into)) = best else {
            alone.push(groups[small][0]);
            continue;
        };
        let moved = std::mem::take(&mut groups[small]);
        groups[into].extend(moved);
        groups[into].sort_unstable();
        groups.remove(small);
    }
    groups.sort_unstable();
}

#[cfg(test)]
mod tests {
    use super::{StoryParams, group};

    fn doc(terms: &[u32]) -> Vec<(u32, f64)> {
        terms.iter().map(|&t| (t, 1.0)).collect()
    }

    const P: StoryParams = StoryParams {
        threshold: 0.2,
        idf_floor: 0.0,
        max_share: 1.0,
        min_docs: 1,
    };

    #[test]
    fn documents_naming_different_events_form_two_stories() {
        // 1-3: words every quake story uses; 10-12 one event, 20-22 another.
        let docs = vec![
            doc(&[1, 2, 3, 10, 11, 12]),
            doc(&[1, 2, 3, 20, 21, 22]),
            doc(&[1, 2, 10, 11, 12]),
            doc(&[1, 3, 20, 21, 22]),
        ];
        assert_eq!(group(&docs, &P).story, vec![0, 1, 0, 1]);
    }

    #[test]
    fn a_chain_of_close_documents_is_one_story_whose_ends_are_far() {
        // A shares terms 3-4 with B, B shares 5-6 with C; A and C share
        // nothing: one story through B, but A and C are a far pair.
        let docs = vec![doc(&[1, 2, 3, 4]), doc(&[3, 4, 5, 6]), doc(&[5, 6, 7, 8])];
        let g = group(&docs, &P);
        assert_eq!(g.story, vec![0, 0, 0]);
        assert!(g.far(0, 2) && g.far(2, 0));
        assert!(!g.far(0, 1) && !g.far(1, 2) && !g.far(1, 1));
    }

    #[test]
    fn one_story_stays_whole_and_zero_turns_grouping_off() {
        let docs = vec![
            doc(&[1, 2, 10, 11]),
            doc(&[1, 3, 10, 11]),
            doc(&[2, 3, 10, 12]),
            doc(&[1, 2, 11, 12]),
        ];
        assert_eq!(group(&docs, &P).story, vec![0, 0, 0, 0]);
        let off = StoryParams { threshold: 0.0, ..P };
        let apart = vec![doc(&[1, 2]), doc(&[1, 2]), doc(&[3, 4]), doc(&[3, 4])];
        assert_eq!(group(&apart, &P).story, vec![0, 0, 1, 1]);
        assert_eq!(group(&apart, &off).story, vec![0, 0, 0, 0]);
        // Grouping off: no pair of documents is far.
        assert!(!group(&apart, &off).far(0, 2));
    }
}
