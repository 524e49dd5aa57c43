//! Clustering of scored claim pairs without chaining.
//!
//! Single-link (connected components) lets one bad edge join two events.
//! Here every scored pair votes: its weight is its score less the
//! clustering threshold (less a penalty when the two name disjoint actors),
//! so a weak pair is evidence *against* putting its claims together. Pairs
//! that were never scored (not candidates) are neutral. Two clusters merge
//! only when some pair between them matches outright and the mean vote over
//! the pairs between them is positive, best mean first (correlation
//! clustering, greedy average-link): clusters are never looser than the
//! connected components of the matches, and a chain of matches whose ends
//! disagree is cut. Cost is proportional to the candidate edges and the
//! merges, not to all pairs.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rustc_hash::FxHashMap;

/// A merge on offer: the mean vote between clusters `a` < `b`.
#[derive(PartialEq)]
struct Offer {
    mean: f64,
    a: usize,
    b: usize,
}

impl Eq for Offer {}

impl Ord for Offer {
    fn cmp(&self, o: &Self) -> Ordering {
        // Best mean first; ties to the lowest ids, so the order of merges
        // (and the clusters) depend on the input only.
        self.mean
            .total_cmp(&o.mean)
            .then_with(|| o.a.cmp(&self.a))
            .then_with(|| o.b.cmp(&self.b))
    }
}

impl PartialOrd for Offer {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

/// A scored pair: its items, its vote, and whether it matches outright.
pub type Vote = (usize, usize, f64, bool);

/// What a cluster knows of the happening it reports, beyond the pair votes:
/// two clusters whose evidence conflicts never merge (cannot-link), however
/// well their claims match; a merged cluster holds both sides' evidence.
pub trait Evidence {
    fn conflicts(&self, other: &Self) -> bool;
    fn absorb(&mut self, other: Self);
}

/// No evidence: nothing keeps clusters apart but the votes.
impl Evidence for () {
    fn conflicts(&self, _: &()) -> bool {
        false
    }
    fn absorb(&mut self, _: ()) {}
}

/// Between two live clusters: the sum of their pairs' votes, whether a
/// pair matches, and how many pairs were scored.
#[derive(Clone, Copy, Default)]
struct Link {
    sum: f64,
    matched: bool,
    scored: usize,
}

/// Groups of `n` items from scored pairs; each group's items ascending,
/// groups ordered by their first item. Items no pair joins stay alone.
/// `evidence` holds one entry per item. A pair never scored votes
/// `unscored` (0 for claims: no evidence either way; below 0 where not
/// being a candidate is itself evidence of being apart).
pub fn agglomerate<E: Evidence + Default>(
    n: usize,
    votes: &[Vote],
    mut evidence: Vec<E>,
    unscored: f64,
) -> Vec<Vec<usize>> {
    debug_assert_eq!(evidence.len(), n);
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    // Both directions kept in step. Hash maps: which order links are
    // visited in changes nothing, as every offer goes through the heap's
    // total order and a merged link's sum adds two sums.
    let mut links: Vec<FxHashMap<usize, Link>> = vec![FxHashMap::default(); n];
    for &(i, j, w, m) in votes {
        if i == j {
            continue;
        }
        for (x, y) in [(i, j), (j, i)] {
            let l = links[x].entry(y).or_default();
            l.sum += w;
            l.matched |= m;
            l.scored += 1;
        }
    }
    let mean = |members: &[Vec<usize>], a: usize, b: usize, l: &Link| {
        let pairs = members[a].len() * members[b].len();
        (l.sum + unscored * (pairs - l.scored) as f64) / pairs as f64
    };
    let mut heap = BinaryHeap::new();
    for (a, ls) in links.iter().enumerate() {
        for (&b, l) in ls.iter().filter(|(b, _)| **b > a) {
            let m = mean(&members, a, b, l);
            if l.matched && m > 0.0 {
                heap.push(Offer { mean: m, a, b });
            }
        }
    }
    while let Some(Offer { mean: m, a, b }) = heap.pop() {
        // Stale offers (a side merged away, or its sum or size changed
        // since) no longer equal the current mean; a fresh one was queued.
        let Some(l) = links[a].get(&b) else { continue };
        if members[a].is_empty() || members[b].is_empty() || mean(&members, a, b, l) != m {
            continue;
        }
        // Offered again whenever a merge changes either side's links.
        if evidence[a].conflicts(&evidence[b]) {
            continue;
        }
        let e = std::mem::take(&mut evidence[b]);
        evidence[a].absorb(e);
        // Merge b into a (a < b keeps the lowest id alive).
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        let lb = std::mem::take(&mut links[b]);
        links[a].remove(&b);
        for (c, lbc) in lb {
            if c == a {
                continue;
            }
            links[c].remove(&b);
            let l = links[a].entry(c).or_default();
            l.sum += lbc.sum;
            l.matched |= lbc.matched;
            l.scored += lbc.scored;
            let l = *l;
            links[c].insert(a, l);
        }
        for (&c, l) in &links[a] {
            let (x, y) = (a.min(c), a.max(c));
            let m = mean(&members, x, y, l);
            if l.matched && m > 0.0 {
                heap.push(Offer { mean: m, a: x, b: y });
            }
        }
    }
    let mut out: Vec<Vec<usize>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    for m in &mut out {
        m.sort_unstable();
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::{Evidence, agglomerate};

    fn plain(n: usize, v: &[super::Vote]) -> Vec<Vec<usize>> {
        agglomerate(n, v, vec![(); n], 0.0)
    }

    /// A test tag: clusters of different non-zero tags conflict.
    #[derive(Default)]
    struct Tag(u8);

    impl Evidence for Tag {
        fn conflicts(&self, o: &Tag) -> bool {
            self.0 != 0 && o.0 != 0 && self.0 != o.0
        }
        fn absorb(&mut self, o: Tag) {
            self.0 = self.0.max(o.0);
        }
    }

    #[test]
    fn conflicting_evidence_is_a_cannot_link() {
        // A chain 0-1-2 of good matches; 0 and 2 carry conflicting tags, 1
        // none: 1 joins one side, and the other side stays apart.
        let v = vec![(0, 1, 0.5, true), (1, 2, 0.4, true)];
        let got = agglomerate(3, &v, vec![Tag(1), Tag(0), Tag(2)], 0.0);
        assert_eq!(got, vec![vec![0, 1], vec![2]]);
        assert_eq!(plain(3, &v), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn a_single_bridge_does_not_chain_two_groups() {
        // Two tight triples; one matching pair bridges them, but the other
        // scored pairs across the bridge vote against.
        let mut v = vec![];
        for (x, y) in [(0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5)] {
            v.push((x, y, 0.5, true));
        }
        v.push((2, 3, 0.3, true));
        for (x, y) in [(1, 3), (2, 4), (0, 3)] {
            v.push((x, y, -0.2, false));
        }
        assert_eq!(plain(6, &v), vec![vec![0, 1, 2], vec![3, 4, 5]]);
        // Single-link would have joined them through the bridge alone.
    }

    #[test]
    fn negative_votes_keep_pairs_apart() {
        let v = vec![(0, 1, 0.4, true), (1, 2, 0.4, true), (0, 2, -1.0, false)];
        let got = plain(3, &v);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(plain(3, &[(0, 1, 0.4, true), (1, 2, 0.4, true)]), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn pairs_that_do_not_match_only_vote() {
        // A positive vote without a match between the clusters merges nothing.
        assert_eq!(plain(2, &[(0, 1, 0.1, false)]), vec![vec![0], vec![1]]);
    }

    #[test]
    fn result_does_not_depend_on_vote_order() {
        let mut v = vec![
            (0, 1, 0.3, true),
            (2, 3, 0.3, true),
            (1, 2, 0.1, true),
            (0, 3, -0.05, false),
            (4, 5, 0.2, true),
        ];
        let one = plain(6, &v);
        v.reverse();
        assert_eq!(one, plain(6, &v));
    }
}
