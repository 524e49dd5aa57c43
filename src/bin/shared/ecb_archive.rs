//! Reading the full ECB+ archive, shared by the `ecb_bench` and
//! `ecb_conflicts` binaries and the `ecbplus` test (included by `#[path]`: a folder without
//! `main.rs` under `src/bin/` is not a binary of its own).
// Each includer uses a part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Unpacks the archive into a temporary folder (kept alive by the returned
/// handle) and lists its XML files in path order; `None` when `tar` fails.
pub fn unpack(archive: &Path) -> Option<(tempfile::TempDir, Vec<PathBuf>)> {
    let tmp = tempfile::tempdir().ok()?;
    let ok = std::process::Command::new("tar")
        .arg("-xzf")
        .arg(archive)
        .arg("-C")
        .arg(tmp.path())
        .status()
        .ok()?
        .success();
    if !ok {
        return None;
    }
    let mut files = Vec::new();
    collect(tmp.path(), &mut files);
    files.sort();
    Some((tmp, files))
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "xml") {
            out.push(p);
        }
    }
}

/// The five XML entities the archive's token texts use.
pub fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// A sentence of the archive: its document and 0-based number.
pub type SentenceKey = (String, u64);

/// One selected sentence of the archive.
pub struct Selected {
    pub topic: u64,
    /// `ecb` or `ecbplus`: the file name's ending.
    pub subtopic: String,
    /// Tokens back to text, as `derived/` writes them.
    pub text: String,
    /// The tokens that hold a digit.
    pub nums: Vec<String>,
}

/// The gold sentence alignment of the full archive, derived as `derived/`
/// was (README there): two sentences of different documents of one topic
/// are gold when event (`ACTION_*`/`NEG_*`) mentions in them share a
/// cross-document coreference note; only selected sentences (the CSV),
/// never an `ecbplus` file's URL line.
pub struct Gold {
    pub sentences: std::collections::BTreeMap<SentenceKey, Selected>,
    /// Topic and the two sentences, the lesser key first.
    pub pairs: std::collections::BTreeSet<(u64, SentenceKey, SentenceKey)>,
    /// The sentences not selected (never a URL line), with their topic: the
    /// rest of each article, which `check` reads too.
    pub others: std::collections::BTreeMap<SentenceKey, (u64, String)>,
}

/// Reads `full/ecbplus_all_topics_xml.tar.gz` and the selected-sentence CSV
/// under `ecbplus` (needs `tar`), leaving out the topics in `skip`; `None`
/// when either is absent.
pub fn gold(ecbplus: &Path, skip: &[u64]) -> Option<Gold> {
    use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
    let csv = std::fs::read_to_string(ecbplus.join("ECBplus_coreference_sentences.csv")).ok()?;
    let archive = ecbplus.join("full/ecbplus_all_topics_xml.tar.gz");
    if !archive.exists() {
        return None;
    }
    let mut selected: HashSet<SentenceKey> = HashSet::new();
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.trim().split(',').collect();
        if let [topic, file, sent] = f[..]
            && let Ok(sent) = sent.parse()
        {
            selected.insert((format!("{topic}_{file}"), sent));
        }
    }
    let (_tmp, files) = unpack(&archive)?;
    let token = regex::Regex::new(r#"<token[^>]*\bt_id="(\d+)"[^>]*\bsentence="(\d+)"[^>]*>([^<]*)</token>"#).ok()?;
    let mention =
        regex::Regex::new(r#"<((?:ACTION|NEG)_\w+) m_id="(\d+)"[^>/]*>\s*<token_anchor t_id="(\d+)""#).ok()?;
    let relation =
        regex::Regex::new(r#"(?s)<CROSS_DOC_COREF[^>]*\bnote="([^"]*)"[^>]*>(.*?)</CROSS_DOC_COREF>"#).ok()?;
    let source = regex::Regex::new(r#"<source m_id="(\d+)""#).ok()?;
    let mut sentences: BTreeMap<SentenceKey, Selected> = BTreeMap::new();
    let mut others = BTreeMap::new();
    // Per topic and coreference note: the sentences of its event mentions.
    let mut groups: BTreeMap<(u64, String), BTreeSet<SentenceKey>> = BTreeMap::new();
    for f in &files {
        let doc = f.file_stem()?.to_string_lossy().to_string();
        let Some(topic) = doc.split('_').next().and_then(|t| t.parse::<u64>().ok()) else {
            continue;
        };
        if skip.contains(&topic) {
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
                let subtopic = if is_plus { "ecbplus" } else { "ecb" }.to_string();
                let text = detokenize(&t);
                sentences.insert(
                    (doc.clone(), sent),
                    Selected {
                        topic,
                        subtopic,
                        text,
                        nums,
                    },
                );
            } else if !(is_plus && sent == 0) {
                others.insert((doc.clone(), sent), (topic, detokenize(&t)));
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
    let mut pairs = BTreeSet::new();
    for ((topic, _), keys) in &groups {
        let keys: Vec<&SentenceKey> = keys.iter().filter(|k| sentences.contains_key(*k)).collect();
        for (n, a) in keys.iter().enumerate() {
            for b in &keys[n + 1..] {
                if a.0 != b.0 {
                    pairs.insert((*topic, (*a).clone(), (*b).clone()));
                }
            }
        }
    }
    Some(Gold {
        sentences,
        pairs,
        others,
    })
}

/// Tokens back to text as `derived/` does it: no space before closing
/// punctuation and clitics, digits re-joined across a decimal point or a
/// thousands separator.
pub fn detokenize(toks: &[String]) -> String {
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
