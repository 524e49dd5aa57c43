//! Pairwise scoring of ECB+ topics, shared by the harnesses that read the
//! nine topics of `derived/` and those that derive gold from the full
//! archive: the three matchers (the `similarity` decision, the `check`
//! clusters, a TF-IDF cosine baseline) are scored on the same pairs.

use std::collections::{HashMap, HashSet};

use corroborate::align::Idf;
use corroborate::check::Engine;

#[derive(Clone)]
pub struct Sentence {
    pub doc: String,
    pub sent: u64,
    /// `ecb` or `ecbplus`: two different real-world events of one kind.
    pub subtopic: String,
    pub text: String,
}

/// The selected sentences of one topic and its gold pairs (indices into
/// `sentences`, the lesser first).
#[derive(Default)]
pub struct Topic {
    pub sentences: Vec<Sentence>,
    pub gold: HashSet<(usize, usize)>,
    /// The articles' other sentences (document, text): never scored, but
    /// `check` reads whole articles, so it is given them too.
    pub context: Vec<(String, String)>,
}

/// Pairwise counts of one matcher over some topics.
#[derive(Default, Clone, Copy)]
pub struct Counts {
    pub tp: f64,
    pub fp: f64,
    pub fneg: f64,
    /// Cross-subtopic pairs that are not gold, and those put together.
    pub cross: f64,
    pub cross_merged: f64,
}

impl Counts {
    /// Counts every pair of sentences of different documents of `t`.
    pub fn add(&mut self, t: &Topic, predicted: impl Fn(usize, usize) -> bool) {
        let s = &t.sentences;
        for i in 0..s.len() {
            for j in i + 1..s.len() {
                if s[i].doc == s[j].doc {
                    continue;
                }
                let (gold, pred) = (t.gold.contains(&(i, j)), predicted(i, j));
                match (gold, pred) {
                    (true, true) => self.tp += 1.0,
                    (false, true) => self.fp += 1.0,
                    (true, false) => self.fneg += 1.0,
                    _ => {}
                }
                if s[i].subtopic != s[j].subtopic && !gold {
                    self.cross += 1.0;
                    if pred {
                        self.cross_merged += 1.0;
                    }
                }
            }
        }
    }

    pub fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp / (self.tp + self.fp).max(1.0);
        let r = self.tp / (self.tp + self.fneg).max(1.0);
        (p, r, 2.0 * p * r / (p + r).max(1e-9))
    }

    pub fn merge_rate(&self) -> f64 {
        self.cross_merged / self.cross.max(1.0)
    }

    pub fn line(&self, name: &str) -> String {
        let (p, r, f) = self.prf();
        format!(
            "{name:<22} P {:5.1}  R {:5.1}  F1 {:5.1}  cross-event false merges {:4.1}% ({} of {})",
            100.0 * p,
            100.0 * r,
            100.0 * f,
            100.0 * self.merge_rate(),
            self.cross_merged,
            self.cross
        )
    }
}

/// A similarity per sentence pair of a topic, the lesser index first.
pub type PairScores = HashMap<(usize, usize), f64>;

/// TF-IDF cosine similarity of every sentence pair of a topic.
pub fn tfidf(t: &Topic) -> PairScores {
    let bags: Vec<HashMap<String, f64>> = t
        .sentences
        .iter()
        .map(|s| {
            let mut m = HashMap::new();
            for w in corroborate::tokens::tokens(&s.text) {
                *m.entry(w.text.to_lowercase()).or_insert(0.0) += 1.0;
            }
            m
        })
        .collect();
    let mut df: HashMap<&str, f64> = HashMap::new();
    for b in &bags {
        for w in b.keys() {
            *df.entry(w).or_insert(0.0) += 1.0;
        }
    }
    let n = bags.len() as f64;
    let vecs: Vec<HashMap<&str, f64>> = bags
        .iter()
        .map(|b| {
            let v: HashMap<&str, f64> = b
                .iter()
                .map(|(w, tf)| (w.as_str(), tf * ((n + 1.0) / (df[w.as_str()] + 1.0)).ln()))
                .collect();
            let norm = v.values().map(|x| x * x).sum::<f64>().sqrt().max(1e-12);
            v.into_iter().map(|(w, x)| (w, x / norm)).collect()
        })
        .collect();
    let mut out = HashMap::new();
    for i in 0..vecs.len() {
        for j in i + 1..vecs.len() {
            let dot = vecs[i].iter().filter_map(|(w, x)| vecs[j].get(w).map(|y| x * y)).sum();
            out.insert((i, j), dot);
        }
    }
    out
}

/// The TF-IDF threshold of best F1 over `topics` (each with its scores).
pub fn best_tfidf_threshold(topics: &[(&Topic, &PairScores)]) -> f64 {
    let mut best = (0.0, 0.0);
    for step in 1..100 {
        let th = step as f64 / 100.0;
        let mut c = Counts::default();
        for (t, s) in topics {
            c.add(t, |i, j| s[&(i, j)] >= th);
        }
        if c.prf().2 > best.0 {
            best = (c.prf().2, th);
        }
    }
    best.1
}

/// The `similarity` decisions of one topic (pairs at or above the
/// aligner's threshold), each sentence a claim of its document.
pub fn similarity_decisions(engine: &Engine, t: &Topic) -> HashSet<(usize, usize)> {
    let claims = claims(engine, t, false);
    let terms = engine.aligner.terms_of(&claims);
    let idf = Idf::new(terms.iter().map(|x| &x.terms));
    let mut sim = HashSet::new();
    for i in 0..terms.len() {
        for j in i + 1..terms.len() {
            if engine.aligner.score(&terms[i], &terms[j], &idf) >= engine.aligner.params.threshold {
                sim.insert((i, j));
            }
        }
    }
    sim
}

/// What `check` makes of one topic, each sentence a claim of its document:
/// a cluster number per sentence (sentences no cluster holds get numbers
/// of their own) and a story number per sentence.
pub fn check_decisions(engine: &Engine, t: &Topic) -> (Vec<usize>, Vec<usize>) {
    let mut claims = claims(engine, t, true);
    // As `check` does once every article is read.
    engine.resolve_names(&mut claims);
    let alignment = engine.aligner.align(&claims);
    let mut cluster = (0..claims.len()).map(|i| usize::MAX - i).collect::<Vec<_>>();
    for (n, members) in alignment.clusters.iter().enumerate() {
        for &m in members {
            cluster[m] = n;
        }
    }
    cluster.truncate(t.sentences.len());
    let story_of: HashMap<&str, usize> = alignment
        .stories
        .iter()
        .enumerate()
        .flat_map(|(k, docs)| docs.iter().map(move |d| (d.as_str(), k)))
        .collect();
    let story = t.sentences.iter().map(|s| story_of[s.doc.as_str()]).collect();
    (cluster, story)
}

/// Each selected sentence as a claim of its document, in order; with
/// `context`, the articles' other sentences after them (what `check`
/// reads), and each article's sentences read together
/// ([`Engine::article_claims`]), as `check` reads an article.
fn claims(engine: &Engine, t: &Topic, context: bool) -> Vec<corroborate::model::Claim> {
    let selected = t
        .sentences
        .iter()
        .map(|s| (s.doc.as_str(), format!("{}:{}", s.doc, s.sent), s.text.as_str()));
    let others = t
        .context
        .iter()
        .enumerate()
        .filter(|_| context)
        .map(|(k, (doc, text))| (doc.as_str(), format!("{doc}:context{k}"), text.as_str()));
    let all: Vec<(&str, String, &str)> = selected.chain(others).collect();
    if !context {
        return all
            .iter()
            .map(|(doc, id, text)| {
                let mut c = engine.sentence_claim(id, text);
                c.doc = doc.to_string();
                c
            })
            .collect();
    }
    // Per article, in the order of first appearance; then back in `all`'s order.
    let mut by_doc: Vec<(&str, Vec<usize>)> = Vec::new();
    for (k, (doc, _, _)) in all.iter().enumerate() {
        match by_doc.iter_mut().find(|(d, _)| d == doc) {
            Some((_, ks)) => ks.push(k),
            None => by_doc.push((doc, vec![k])),
        }
    }
    let mut out: Vec<Option<corroborate::model::Claim>> = vec![None; all.len()];
    for (doc, ks) in by_doc {
        let sentences: Vec<(&str, &str)> = ks.iter().map(|&k| (all[k].1.as_str(), all[k].2)).collect();
        for (k, c) in ks.iter().zip(engine.article_claims(doc, &sentences)) {
            out[*k] = Some(c);
        }
    }
    out.into_iter()
        .map(|c| c.expect("every sentence is in its article"))
        .collect()
}

/// The four matchers' counts over some topics: similarity, check
/// clusters, check stories, TF-IDF at threshold `th`.
pub fn score_split(engine: &Engine, topics: &[&Topic], th: f64) -> [Counts; 4] {
    let mut out = [Counts::default(); 4];
    for t in topics {
        let scores = tfidf(t);
        let s = similarity_decisions(engine, t);
        let (cl, st) = check_decisions(engine, t);
        out[0].add(t, |i, j| s.contains(&(i, j)));
        out[1].add(t, |i, j| cl[i] == cl[j]);
        // `ECB_DEBUG_MERGES=1` lists each check-cluster false merge, to
        // read what joined two events (development topics only: never
        // used to tune on test).
        if std::env::var_os("ECB_DEBUG_MERGES").is_some() {
            let s = &t.sentences;
            for i in 0..s.len() {
                for j in i + 1..s.len() {
                    if s[i].doc != s[j].doc && s[i].subtopic != s[j].subtopic && cl[i] == cl[j] {
                        eprintln!("MERGE {} | {} | {} | {}", s[i].doc, s[j].doc, s[i].text, s[j].text);
                    }
                }
            }
        }
        out[2].add(t, |i, j| st[i] == st[j]);
        out[3].add(t, |i, j| scores[&(i, j)] >= th);
    }
    out
}

/// Each subtopic of `topics` given to `check` alone (one happening): the
/// share of its cross-document sentence pairs that stay in one story.
pub fn one_story_kept_whole(engine: &Engine, topics: &[&Topic]) -> f64 {
    let (mut kept, mut all) = (0.0, 0.0f64);
    for t in topics {
        for sub in ["ecb", "ecbplus"] {
            let sentences: Vec<Sentence> = t.sentences.iter().filter(|s| s.subtopic == sub).cloned().collect();
            let docs: HashSet<&str> = sentences.iter().map(|s| s.doc.as_str()).collect();
            let part = Topic {
                context: t
                    .context
                    .iter()
                    .filter(|(d, _)| docs.contains(d.as_str()))
                    .cloned()
                    .collect(),
                sentences,
                gold: HashSet::new(),
            };
            let (_, story) = check_decisions(engine, &part);
            let s = &part.sentences;
            for i in 0..s.len() {
                for j in i + 1..s.len() {
                    if s[i].doc != s[j].doc {
                        all += 1.0;
                        if story[i] == story[j] {
                            kept += 1.0;
                        }
                    }
                }
            }
        }
    }
    kept / all.max(1.0)
}
