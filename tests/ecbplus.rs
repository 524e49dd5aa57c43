//! ECB+ (CC BY 3.0, Cybulska & Vossen 2014): do sentences of different
//! articles report the same happening? Scored pairwise among the selected
//! (exhaustively annotated) sentences of each topic, against the gold
//! cross-document event coreference of `derived/gold_sentence_pairs.jsonl`.
//!
//! Read at run time from `$CORROBORATE_DATA/ecbplus` (default
//! `../shared/data`); absent -> "skipped". Development topics 1 and 18
//! (the TF-IDF baseline's threshold is tuned there); figures are reported
//! on topics 20, 24, 37, 38, 41, 43 and 44.
//!
//! Three matchers: the `similarity` decision (the paraphrase model at its
//! shipped threshold), the `check` clusters (the aligner's claim matcher,
//! candidate blocking and clustering over the topic's sentences as claims:
//! greedy average-link over the pair votes, see `src/align/cluster.rs`, its
//! `clustering` rule chosen on the development topics), and a TF-IDF cosine
//! baseline. All three are scored on the same pairs. The false-merge rate is the share of
//! cross-subtopic pairs (two different real-world events of one kind) that
//! are not gold yet were put together.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use corroborate::align::Idf;
use corroborate::check::Engine;
use corroborate::rules::RuleSet;
use serde_json::Value;

const DEV: [u64; 2] = [1, 18];
const TEST: [u64; 7] = [20, 24, 37, 38, 41, 43, 44];

fn data_dir() -> PathBuf {
    match std::env::var_os("CORROBORATE_DATA") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
    }
}

#[derive(Clone)]
struct Sentence {
    doc: String,
    sent: u64,
    subtopic: String,
    text: String,
}

struct Topic {
    sentences: Vec<Sentence>,
    gold: HashSet<(usize, usize)>,
}

fn jsonl(path: &std::path::Path) -> Option<Vec<Value>> {
    let text = std::fs::read_to_string(path).ok()?;
    Some(text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect())
}

fn load(dir: &std::path::Path) -> Option<BTreeMap<u64, Topic>> {
    let sentences = jsonl(&dir.join("sentences.jsonl"))?;
    let pairs = jsonl(&dir.join("gold_sentence_pairs.jsonl"))?;
    let mut topics: BTreeMap<u64, Topic> = BTreeMap::new();
    let mut index: HashMap<(String, u64), usize> = HashMap::new();
    for s in &sentences {
        if s["selected"] != Value::Bool(true) || s["is_url_line"] == Value::Bool(true) {
            continue;
        }
        let topic = s["topic"].as_u64()?;
        let t = topics.entry(topic).or_insert_with(|| Topic {
            sentences: Vec::new(),
            gold: HashSet::new(),
        });
        let doc = s["doc_id"].as_str()?.to_string();
        let sent = s["sent"].as_u64()?;
        index.insert((doc.clone(), sent), t.sentences.len());
        t.sentences.push(Sentence {
            doc,
            sent,
            subtopic: s["subtopic"].as_str()?.to_string(),
            text: s["text"].as_str()?.to_string(),
        });
    }
    for p in &pairs {
        if p["both_selected"] != Value::Bool(true) {
            continue;
        }
        let topic = p["topic"].as_u64()?;
        let a = index.get(&(p["doc_a"].as_str()?.to_string(), p["sent_a"].as_u64()?));
        let b = index.get(&(p["doc_b"].as_str()?.to_string(), p["sent_b"].as_u64()?));
        if let (Some(&a), Some(&b), Some(t)) = (a, b, topics.get_mut(&topic)) {
            t.gold.insert((a.min(b), a.max(b)));
        }
    }
    Some(topics)
}

/// Pairwise counts of one matcher over some topics.
#[derive(Default, Clone, Copy)]
struct Counts {
    tp: f64,
    fp: f64,
    fneg: f64,
    cross: f64,
    cross_merged: f64,
}

impl Counts {
    fn add(&mut self, t: &Topic, predicted: impl Fn(usize, usize) -> bool) {
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

    fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp / (self.tp + self.fp).max(1.0);
        let r = self.tp / (self.tp + self.fneg).max(1.0);
        (p, r, 2.0 * p * r / (p + r).max(1e-9))
    }

    fn line(&self, name: &str) -> String {
        let (p, r, f) = self.prf();
        format!(
            "{name:<22} P {:5.1}  R {:5.1}  F1 {:5.1}  cross-event false merges {:4.1}% ({} of {})",
            100.0 * p,
            100.0 * r,
            100.0 * f,
            100.0 * self.cross_merged / self.cross.max(1.0),
            self.cross_merged,
            self.cross
        )
    }
}

/// TF-IDF cosine similarity of every sentence pair of a topic.
fn tfidf(t: &Topic) -> HashMap<(usize, usize), f64> {
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

/// The `similarity` decisions and the `check` clusters of one topic.
fn engine_decisions(engine: &Engine, t: &Topic) -> (HashSet<(usize, usize)>, Vec<usize>) {
    let claims: Vec<_> = t
        .sentences
        .iter()
        .map(|s| {
            let mut c = engine.sentence_claim(&format!("{}:{}", s.doc, s.sent), &s.text);
            c.doc = s.doc.clone();
            c
        })
        .collect();
    let terms: Vec<_> = claims.iter().map(|c| engine.aligner.terms(c)).collect();
    let idf = Idf::new(terms.iter().map(|x| &x.terms));
    let mut sim = HashSet::new();
    for i in 0..terms.len() {
        for j in i + 1..terms.len() {
            if engine.aligner.score(&terms[i], &terms[j], &idf) >= engine.aligner.params.threshold {
                sim.insert((i, j));
            }
        }
    }
    let alignment = engine.aligner.align(&claims);
    let mut cluster = (0..claims.len()).map(|i| usize::MAX - i).collect::<Vec<_>>();
    for (n, members) in alignment.clusters.iter().enumerate() {
        for &m in members {
            cluster[m] = n;
        }
    }
    (sim, cluster)
}

#[test]
fn ecbplus_pairwise_alignment() {
    let dir = data_dir().join("ecbplus/derived");
    let Some(topics) = load(&dir) else {
        println!("skipped: ECB+ derived files not found under {}", dir.display());
        return;
    };
    let engine = Engine::new(RuleSet::defaults());
    let scores: BTreeMap<u64, HashMap<(usize, usize), f64>> = topics.iter().map(|(&k, t)| (k, tfidf(t))).collect();
    // The baseline's threshold: best F1 on the development topics.
    let mut best = (0.0, 0.0);
    for step in 1..100 {
        let th = step as f64 / 100.0;
        let mut c = Counts::default();
        for k in DEV {
            c.add(&topics[&k], |i, j| scores[&k][&(i, j)] >= th);
        }
        if c.prf().2 > best.0 {
            best = (c.prf().2, th);
        }
    }
    let th = best.1;
    println!("TF-IDF cosine threshold (best F1 on dev topics {DEV:?}): {th:.2}");
    let mut results = Vec::new();
    for (split, ks) in [("dev", &DEV[..]), ("test", &TEST[..])] {
        let (mut sim, mut clu, mut base) = (Counts::default(), Counts::default(), Counts::default());
        for &k in ks {
            let t = &topics[&k];
            let (s, cl) = engine_decisions(&engine, t);
            sim.add(t, |i, j| s.contains(&(i, j)));
            clu.add(t, |i, j| cl[i] == cl[j]);
            base.add(t, |i, j| scores[&k][&(i, j)] >= th);
        }
        println!("ECB+ {split} topics {ks:?}:");
        println!("  {}", sim.line("similarity"));
        println!("  {}", clu.line("check clusters"));
        println!("  {}", base.line("TF-IDF cosine"));
        results.push((split, sim, clu, base));
    }
    let (_, sim, clu, base) = results[1];
    let (fs, fc, fb) = (sim.prf().2, clu.prf().2, base.prf().2);
    let merge_rate = |c: &Counts| c.cross_merged / c.cross.max(1.0);
    for (name, f, c) in [("similarity", fs, &sim), ("check clusters", fc, &clu)] {
        println!(
            "test {name}: F1 {} the TF-IDF baseline ({:.1} vs {:.1}); cross-event false merges {:.1}% (target < 2%)",
            if f > fb { "above" } else { "NOT above" },
            100.0 * f,
            100.0 * fb,
            100.0 * merge_rate(c)
        );
    }
    // Targets (F1 above the baseline, false merges < 2%) are not reached
    // on test yet (printed above); the levels reached so far must not
    // regress: test F1 45.9 and false merges 20.4% with the 58-feature
    // paraphrase model (single-link with the old model had 49.2 and 29.9%);
    // development false merges 0.7%.
    assert!(fc >= 0.44, "check clusters F1 regressed: {fc:.3}");
    assert!(merge_rate(&clu) <= 0.22, "check clusters false merges regressed");
    let dev_clu = results[0].2;
    assert!(merge_rate(&dev_clu) <= 0.02, "dev false merges regressed");
    assert!(
        sim.prf().0 >= 0.80,
        "similarity precision regressed: {:.3}",
        sim.prf().0
    );
}
