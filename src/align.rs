//! Alignment: which claims of different documents state the same fact.
//!
//! Each claim becomes a set of terms: word stems, synonym classes (multi-word
//! phrases matched on stems, so "backed out" meets "pull out" and "cancel")
//! and entity names. Terms weigh by rarity (idf over the claims aligned).
//! The score blends weighted overlap (Dice, and containment in the shorter
//! claim) with a character-bigram similarity, then adjusts for facets: claims
//! naming different actors are pushed apart, claims counting the same kind
//! of thing pulled together. Candidate pairs come from an inverted index of
//! rare terms, never from all pairs. Parameters live in `rules/align.toml`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};

use crate::model::Claim;
use crate::rules::RuleSet;
use crate::tokens::tokens;

/// Tunable parameters, read from `[[align]]` rules.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    pub threshold: f64,
    pub containment: f64,
    pub char_weight: f64,
    pub entity_penalty: f64,
    pub subject_penalty: f64,
    pub measure_bonus: f64,
    pub max_df: f64,
}

impl Params {
    pub fn from_rules(rules: &RuleSet) -> Params {
        Params {
            threshold: rules.align_param("threshold", 0.34),
            containment: rules.align_param("containment", 0.45),
            char_weight: rules.align_param("char_weight", 0.15),
            entity_penalty: rules.align_param("entity_penalty", 0.25),
            subject_penalty: rules.align_param("subject_penalty", 0.5),
            measure_bonus: rules.align_param("measure_bonus", 0.12),
            max_df: rules.align_param("max_df", 0.2),
        }
    }
}

/// A claim as the matcher sees it.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    pub terms: BTreeSet<String>,
    pub entities: BTreeSet<String>,
    /// The first-named actor, when it opens the sentence.
    pub subject: Option<String>,
    pub measures: BTreeSet<String>,
    pub lower: String,
}

pub struct Aligner {
    stemmer: Stemmer,
    stopwords: HashSet<String>,
    phrases: HashMap<Vec<String>, String>,
    longest: usize,
    pub params: Params,
}

/// Result of aligning a set of claims.
#[derive(Debug, Clone, Default)]
pub struct Alignment {
    /// Groups of claim indices (two or more documents each), sorted.
    pub clusters: Vec<Vec<usize>>,
    /// Every matching pair (i < j) with its score.
    pub edges: Vec<(usize, usize, f64)>,
}

impl Aligner {
    pub fn new(rules: &RuleSet) -> Aligner {
        let stemmer = Stemmer::create(Algorithm::English);
        let stopwords: HashSet<String> = rules.stopwords.iter().flat_map(|r| r.words.iter().map(|w| w.to_lowercase())).collect();
        let mut phrases = HashMap::new();
        let mut longest = 1;
        for r in &rules.synonyms {
            for w in &r.words {
                let key: Vec<String> = tokens(&w.to_lowercase()).iter().map(|t| stemmer.stem(t.text).into_owned()).collect();
                longest = longest.max(key.len());
                phrases.insert(key, format!("~{}", r.id));
            }
        }
        Aligner { stemmer, stopwords, phrases, longest, params: Params::from_rules(rules) }
    }

    /// The terms of a claim.
    pub fn terms(&self, claim: &Claim) -> Terms {
        let text = &claim.text;
        let base = claim.start;
        let mut terms = BTreeSet::new();
        let covered = |start: usize, end: usize| claim.entities.iter().any(|e| e.start <= base + start && base + end <= e.end);
        let toks: Vec<_> = tokens(text).into_iter().filter(|t| !covered(t.start, t.end)).collect();
        let lower: Vec<String> = toks.iter().map(|t| t.text.to_lowercase().replace('’', "'")).collect();
        let stems: Vec<String> = lower.iter().map(|w| self.stemmer.stem(w.trim_end_matches("'s")).into_owned()).collect();
        let mut i = 0;
        while i < stems.len() {
            let mut matched = false;
            for len in (1..=self.longest.min(stems.len() - i)).rev() {
                if let Some(class) = self.phrases.get(&stems[i..i + len]) {
                    terms.insert(class.clone());
                    i += len;
                    matched = true;
                    break;
                }
            }
            if matched {
                continue;
            }
            let w = &lower[i];
            if !self.stopwords.contains(w.as_str()) && !w.chars().any(|c| c.is_ascii_digit()) && w.chars().count() > 1 {
                terms.insert(stems[i].clone());
            }
            i += 1;
        }
        let entities: BTreeSet<String> = claim.entities.iter().map(|e| e.canonical.to_lowercase()).collect();
        for e in &entities {
            terms.insert(format!("@{e}"));
        }
        let subject = claim.entities.first().filter(|e| tokens(&text[..e.start - base]).len() <= 3).map(|e| e.canonical.to_lowercase());
        let measures = claim.quantities.iter().filter_map(|q| q.measure.clone()).collect();
        Terms { terms, entities, subject, measures, lower: text.to_lowercase() }
    }

    /// Similarity of two claims in [0, 1] given term weights.
    pub fn score(&self, a: &Terms, b: &Terms, idf: &Idf) -> f64 {
        let p = &self.params;
        let wa: f64 = a.terms.iter().map(|t| idf.weight(t)).sum();
        let wb: f64 = b.terms.iter().map(|t| idf.weight(t)).sum();
        let shared: f64 = a.terms.intersection(&b.terms).map(|t| idf.weight(t)).sum();
        let lexical = if wa > 0.0 && wb > 0.0 {
            let dice = 2.0 * shared / (wa + wb);
            let contain = shared / wa.min(wb);
            (1.0 - p.containment) * dice + p.containment * contain
        } else {
            0.0
        };
        let chars = strsim::sorensen_dice(&a.lower, &b.lower);
        let mut score = (1.0 - p.char_weight) * lexical + p.char_weight * chars;
        if !a.entities.is_empty() && !b.entities.is_empty() && a.entities.is_disjoint(&b.entities) {
            score *= 1.0 - p.entity_penalty;
        }
        if let (Some(sa), Some(sb)) = (&a.subject, &b.subject)
            && sa != sb
            && !b.entities.contains(sa)
            && !a.entities.contains(sb)
        {
            score *= 1.0 - p.subject_penalty;
        }
        if !a.measures.is_disjoint(&b.measures) {
            score += p.measure_bonus;
        }
        score.clamp(0.0, 1.0)
    }

    /// Align claims: candidate pairs from the index, scored, then grouped.
    pub fn align(&self, claims: &[Claim]) -> Alignment {
        let terms: Vec<Terms> = claims.iter().map(|c| self.terms(c)).collect();
        let idf = Idf::new(terms.iter().map(|t| &t.terms));
        let mut edges = Vec::new();
        for (i, j) in self.candidates(claims, &terms, &idf) {
            let s = self.score(&terms[i], &terms[j], &idf);
            if s >= self.params.threshold {
                edges.push((i, j, s));
            }
        }
        let clusters = group(claims, &edges);
        Alignment { clusters, edges }
    }

    /// Pairs of claims of different documents that share a rare term or a
    /// measure class: the blocking index.
    fn candidates(&self, claims: &[Claim], terms: &[Terms], idf: &Idf) -> BTreeSet<(usize, usize)> {
        let mut postings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut measure_keys: Vec<Vec<String>> = Vec::with_capacity(terms.len());
        for t in terms {
            measure_keys.push(t.measures.iter().map(|m| format!("#{m}")).collect());
        }
        let cap = ((self.params.max_df * idf.docs as f64).ceil() as usize).max(3);
        for (i, t) in terms.iter().enumerate() {
            for term in t.terms.iter().chain(measure_keys[i].iter()) {
                postings.entry(term.as_str()).or_default().push(i);
            }
        }
        let mut pairs = BTreeSet::new();
        for list in postings.values() {
            if list.len() < 2 || list.len() > cap {
                continue;
            }
            for (x, &i) in list.iter().enumerate() {
                for &j in &list[x + 1..] {
                    if claims[i].doc != claims[j].doc {
                        pairs.insert((i.min(j), i.max(j)));
                    }
                }
            }
        }
        pairs
    }
}

/// Inverse document frequency over a set of claims' terms.
#[derive(Debug, Clone, Default)]
pub struct Idf {
    df: HashMap<String, usize>,
    pub docs: usize,
}

impl Idf {
    pub fn new<'a>(sets: impl IntoIterator<Item = &'a BTreeSet<String>>) -> Idf {
        let mut df = HashMap::new();
        let mut docs = 0;
        for s in sets {
            docs += 1;
            for t in s {
                *df.entry(t.clone()).or_insert(0) += 1;
            }
        }
        Idf { df, docs }
    }

    pub fn weight(&self, term: &str) -> f64 {
        let df = self.df.get(term).copied().unwrap_or(0) as f64;
        ((self.docs as f64 + 1.0) / (df + 1.0)).ln() + 1.0
    }
}

/// Connected components of the match graph, each spanning two or more
/// documents; claims and clusters in input order.
fn group(claims: &[Claim], edges: &[(usize, usize, f64)]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..claims.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for &(i, j, _) in edges {
        let (a, b) = (find(&mut parent, i), find(&mut parent, j));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..claims.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    groups
        .into_values()
        .filter(|g| g.iter().map(|&i| &claims[i].doc).collect::<HashSet<_>>().len() >= 2)
        .collect()
}
