//! Quantity conflicts on ECB+ (CC BY 3.0, Cybulska & Vossen 2014): for every
//! gold-aligned cross-document pair of selected sentences whose digits
//! differ, judge the two sentences as claims of two documents, aligned, and
//! list each quantity-conflict finding: topic, pair ids, the two figures and
//! the message. The hand labels of `tests/data/ecb_conflict_labels.tsv` are
//! keyed by the pair ids printed here.
//!
//! Usage: `cargo run --release --bin ecb_conflicts [DATA_DIR] [--full]`
//! (default `$CORROBORATE_DATA` or `../shared/data`). `--full` derives the
//! gold pairs the same way from the full archive (`full/`, needs `tar`) for
//! the 34 topics outside the nine of `derived/`: the development pool, as
//! the nine hold only two development topics (1 and 18) and those yield no
//! conflict.

use std::path::Path;

use corroborate::check::Engine;
use corroborate::judge::judge_pair;
use corroborate::model::Finding;
use serde_json::Value;

#[path = "shared/ecb_archive.rs"]
mod ecb_archive;
use ecb_archive::SentenceKey;

/// A gold-aligned pair and the quantity-conflict findings on it.
pub struct PairConflicts {
    pub topic: u64,
    /// `<doc>:<sentence>` of each side.
    pub a: String,
    pub b: String,
    /// The two sentences, for reading (`--text`); never stored with labels.
    pub texts: (String, String),
    pub findings: Vec<Finding>,
}

/// Every gold pair (both sentences selected, different digit tokens) with
/// its quantity conflicts, in file order; `None` when the data is absent.
pub fn pair_conflicts(dir: &Path, engine: &Engine) -> Option<Vec<PairConflicts>> {
    let text = std::fs::read_to_string(dir.join("ecbplus/derived/gold_sentence_pairs.jsonl")).ok()?;
    let mut pairs = Vec::new();
    for line in text.lines() {
        let Ok(p) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        if p["both_selected"] != Value::Bool(true) || p["nums_a"] == p["nums_b"] {
            continue;
        }
        let side = |d: &str, s: &str, t: &str| GoldSide {
            doc: p[d].as_str().unwrap_or_default().to_string(),
            sent: p[s].as_u64().unwrap_or_default(),
            text: p[t].as_str().unwrap_or_default().to_string(),
        };
        pairs.push((
            p["topic"].as_u64().unwrap_or_default(),
            side("doc_a", "sent_a", "text_a"),
            side("doc_b", "sent_b", "text_b"),
        ));
    }
    Some(judge_all(&pairs, engine))
}

/// One sentence of a gold pair.
pub struct GoldSide {
    pub doc: String,
    pub sent: u64,
    pub text: String,
}

fn judge_all(pairs: &[(u64, GoldSide, GoldSide)], engine: &Engine) -> Vec<PairConflicts> {
    let claim = |s: &GoldSide| {
        let mut c = engine.sentence_claim(&format!("{}:{}", s.doc, s.sent), &s.text);
        c.doc = s.doc.clone();
        c
    };
    pairs
        .iter()
        .map(|(topic, a, b)| {
            let (a, b) = (claim(a), claim(b));
            let findings = judge_pair(&a, &b, &engine.rules, &engine.aligner)
                .into_iter()
                .filter(|f| f.kind == "quantity_conflict")
                .collect();
            PairConflicts {
                topic: *topic,
                a: a.id,
                b: b.id,
                texts: (a.text, b.text),
                findings,
            }
        })
        .collect()
}

/// The topics of `derived/`: the full archive's other topics are the
/// development pool.
pub const DERIVED_TOPICS: [u64; 9] = [1, 18, 20, 24, 37, 38, 41, 43, 44];

/// Gold pairs derived from the full archive as `derived/` was (README there):
/// sentences of two documents of one topic whose event mentions share a
/// cross-document coreference note, both sentences selected, digit tokens
/// different; topics of `derived/` left out. `None` when the data is absent.
pub fn full_pair_conflicts(dir: &Path, engine: &Engine) -> Option<Vec<PairConflicts>> {
    let gold = ecb_archive::gold(&dir.join("ecbplus"), &DERIVED_TOPICS)?;
    let side = |k: &SentenceKey| GoldSide {
        doc: k.0.clone(),
        sent: k.1,
        text: gold.sentences[k].text.clone(),
    };
    let pairs: Vec<(u64, GoldSide, GoldSide)> = gold
        .pairs
        .iter()
        .filter(|(_, a, b)| gold.sentences[a].nums != gold.sentences[b].nums)
        .map(|(t, a, b)| (*t, side(a), side(b)))
        .collect();
    Some(judge_all(&pairs, engine))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let full = args.iter().any(|a| a == "--full");
    let show = args.iter().any(|a| a == "--text");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .or_else(|| std::env::var("CORROBORATE_DATA").ok())
        .unwrap_or_else(|| "../shared/data".to_string());
    let engine = Engine::new(corroborate::rules::RuleSet::defaults());
    let found = if full {
        full_pair_conflicts(Path::new(&dir), &engine)
    } else {
        pair_conflicts(Path::new(&dir), &engine)
    };
    let Some(pairs) = found else {
        eprintln!("ECB+ data not found under {dir}/ecbplus");
        std::process::exit(2);
    };
    let mut flagged = 0;
    for p in &pairs {
        if !p.findings.is_empty() {
            flagged += 1;
        }
        for f in &p.findings {
            let figures: Vec<&str> = f.evidence.iter().take(2).map(String::as_str).collect();
            println!("{}\t{}\t{}\t{}\t{}", p.topic, p.a, p.b, figures.join(" | "), f.message);
        }
        if show && !p.findings.is_empty() {
            println!("  A: {}\n  B: {}", p.texts.0, p.texts.1);
        }
    }
    eprintln!(
        "{} gold pairs with differing digits, {} with a quantity conflict, {} findings",
        pairs.len(),
        flagged,
        pairs.iter().map(|p| p.findings.len()).sum::<usize>()
    );
}
