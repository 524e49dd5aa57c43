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

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use corroborate::check::Engine;
use corroborate::judge::judge_pair;
use corroborate::model::Finding;
use serde_json::Value;

#[path = "shared/ecb_archive.rs"]
mod ecb_archive;
use ecb_archive::unescape;

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

/// A sentence: its document and number.
type SentenceKey = (String, u64);

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
    let eco = dir.join("ecbplus");
    let csv = std::fs::read_to_string(eco.join("ECBplus_coreference_sentences.csv")).ok()?;
    let archive = eco.join("full/ecbplus_all_topics_xml.tar.gz");
    if !archive.exists() {
        return None;
    }
    let mut selected: HashSet<(String, u64)> = HashSet::new();
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.trim().split(',').collect();
        if let [topic, file, sent] = f[..]
            && let Ok(sent) = sent.parse()
        {
            selected.insert((format!("{topic}_{file}"), sent));
        }
    }
    let (_tmp, files) = ecb_archive::unpack(&archive)?;
    let token = regex::Regex::new(r#"<token[^>]*\bt_id="(\d+)"[^>]*\bsentence="(\d+)"[^>]*>([^<]*)</token>"#).ok()?;
    let mention =
        regex::Regex::new(r#"<((?:ACTION|NEG)_\w+) m_id="(\d+)"[^>/]*>\s*<token_anchor t_id="(\d+)""#).ok()?;
    let relation =
        regex::Regex::new(r#"(?s)<CROSS_DOC_COREF[^>]*\bnote="([^"]*)"[^>]*>(.*?)</CROSS_DOC_COREF>"#).ok()?;
    let source = regex::Regex::new(r#"<source m_id="(\d+)""#).ok()?;
    // Per topic: sentence texts and, per coreference note, the sentences.
    let mut texts: HashMap<(String, u64), (String, Vec<String>)> = HashMap::new();
    let mut groups: BTreeMap<(u64, String), BTreeSet<(String, u64)>> = BTreeMap::new();
    for f in &files {
        let doc = f.file_stem()?.to_string_lossy().to_string();
        let Some(topic) = doc.split('_').next().and_then(|t| t.parse::<u64>().ok()) else {
            continue;
        };
        if DERIVED_TOPICS.contains(&topic) {
            continue;
        }
        let xml = std::fs::read_to_string(f).ok()?;
        let mut sentence_of: HashMap<&str, u64> = HashMap::new();
        let mut toks: BTreeMap<u64, Vec<String>> = BTreeMap::new();
        for c in token.captures_iter(&xml) {
            let sent: u64 = c[2].parse().ok()?;
            sentence_of.insert(c.get(1)?.as_str(), sent);
            toks.entry(sent).or_default().push(unescape(&c[3]));
        }
        let is_plus = doc.ends_with("ecbplus");
        for (sent, t) in toks {
            if selected.contains(&(doc.clone(), sent)) && !(is_plus && sent == 0) {
                let nums = t
                    .iter()
                    .filter(|w| w.contains(|c: char| c.is_ascii_digit()))
                    .cloned()
                    .collect();
                texts.insert((doc.clone(), sent), (detokenize(&t), nums));
            }
        }
        let mut event_sentence: HashMap<&str, u64> = HashMap::new();
        for c in mention.captures_iter(&xml) {
            if let Some(&s) = sentence_of.get(c.get(3)?.as_str()) {
                event_sentence.insert(c.get(2)?.as_str(), s);
            }
        }
        for r in relation.captures_iter(&xml) {
            for s in source.captures_iter(&r[2]) {
                if let Some(&sent) = event_sentence.get(&s[1]) {
                    groups
                        .entry((topic, r[1].to_string()))
                        .or_default()
                        .insert((doc.clone(), sent));
                }
            }
        }
    }
    let mut seen: BTreeSet<(u64, SentenceKey, SentenceKey)> = BTreeSet::new();
    for ((topic, _), keys) in &groups {
        let keys: Vec<&(String, u64)> = keys.iter().filter(|k| texts.contains_key(*k)).collect();
        for (n, a) in keys.iter().enumerate() {
            for b in &keys[n + 1..] {
                if a.0 != b.0 && texts[*a].1 != texts[*b].1 {
                    seen.insert((*topic, (*a).clone(), (*b).clone()));
                }
            }
        }
    }
    let side = |k: &(String, u64)| GoldSide {
        doc: k.0.clone(),
        sent: k.1,
        text: texts[k].0.clone(),
    };
    let pairs: Vec<(u64, GoldSide, GoldSide)> = seen.iter().map(|(t, a, b)| (*t, side(a), side(b))).collect();
    Some(judge_all(&pairs, engine))
}

/// Tokens back to text as `derived/` does it: no space before closing
/// punctuation and clitics, digits re-joined across a decimal point or a
/// thousands separator.
fn detokenize(toks: &[String]) -> String {
    let mut out = String::new();
    for t in toks {
        let glue_left = matches!(t.as_str(), "," | "." | ";" | ":" | "!" | "?" | ")" | "%" | "'s" | "n't");
        let after_open = out.ends_with(['(', '$']);
        let decimal = out.ends_with('.') && t.starts_with(|c: char| c.is_ascii_digit()) && {
            let b = out.as_bytes();
            b.len() >= 2 && b[b.len() - 2].is_ascii_digit()
        };
        let thousands = out.ends_with(',')
            && t.bytes().take_while(u8::is_ascii_digit).count() == 3
            && out.len() >= 2
            && out.as_bytes()[out.len() - 2].is_ascii_digit();
        if !out.is_empty() && !glue_left && !after_open && !decimal && !thousands {
            out.push(' ');
        }
        out.push_str(t);
    }
    out
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
