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
    pub person_penalty: f64,
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
            person_penalty: rules.align_param("person_penalty", 0.5),
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
    /// Entities that name people.
    pub persons: BTreeSet<String>,
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
    given_names: HashSet<String>,
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
        let stopwords: HashSet<String> = rules
            .stopwords
            .iter()
            .flat_map(|r| r.words.iter().map(|w| w.to_lowercase()))
            .collect();
        let mut phrases = HashMap::new();
        let mut longest = 1;
        for r in &rules.synonyms {
            for w in &r.words {
                let key: Vec<String> = tokens(&w.to_lowercase())
                    .iter()
                    .map(|t| stemmer.stem(t.text).into_owned())
                    .collect();
                longest = longest.max(key.len());
                phrases.insert(key, format!("~{}", r.id));
            }
        }
        let given_names = rules
            .names
            .iter()
            .filter(|r| r.kind == crate::rules::NameKind::Nickname)
            .flat_map(|r| r.groups.iter().flatten().cloned())
            .collect();
        Aligner {
            stemmer,
            stopwords,
            phrases,
            longest,
            given_names,
            params: Params::from_rules(rules),
        }
    }

    /// Each term of a claim with its byte span in the claim's text.
    pub fn term_spans(&self, claim: &Claim) -> Vec<(String, usize, usize)> {
        let text = &claim.text;
        let base = claim.start;
        let mut out = Vec::new();
        // Tokens inside an entity mention become the entity term; one sweep
        // over both ordered lists keeps this linear.
        let mut ents = claim.entities.iter().peekable();
        let toks: Vec<_> = tokens(text)
            .into_iter()
            .filter(|t| {
                let (s, e) = (base + t.start, base + t.end);
                while ents.peek().is_some_and(|x| x.end <= s) {
                    ents.next();
                }
                !ents.peek().is_some_and(|x| x.start <= s && e <= x.end)
            })
            .collect();
        let lower: Vec<String> = toks.iter().map(|t| t.text.to_lowercase().replace('’', "'")).collect();
        let stems: Vec<String> = lower
            .iter()
            .map(|w| self.stemmer.stem(w.trim_end_matches("'s")).into_owned())
            .collect();
        let mut i = 0;
        while i < stems.len() {
            let mut matched = false;
            for len in (1..=self.longest.min(stems.len() - i)).rev() {
                if let Some(class) = self.phrases.get(&stems[i..i + len]) {
                    out.push((class.clone(), toks[i].start, toks[i + len - 1].end));
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
                out.push((stems[i].clone(), toks[i].start, toks[i].end));
            }
            i += 1;
        }
        for e in &claim.entities {
            if e.start >= base && e.end <= base + text.len() {
                out.push((format!("@{}", e.canonical.to_lowercase()), e.start - base, e.end - base));
            }
        }
        out
    }

    /// The terms of a claim.
    pub fn terms(&self, claim: &Claim) -> Terms {
        let text = &claim.text;
        let base = claim.start;
        let terms: BTreeSet<String> = self.term_spans(claim).into_iter().map(|(t, _, _)| t).collect();
        let entities: BTreeSet<String> = claim.entities.iter().map(|e| e.canonical.to_lowercase()).collect();
        // The person a claim is attributed to is its source, not its actor.
        let speaker = claim.attribution.as_ref().and_then(|a| a.source.as_deref());
        let persons = claim
            .entities
            .iter()
            .filter(|e| self.is_person(e) && Some(e.canonical.as_str()) != speaker)
            .map(|e| e.canonical.to_lowercase())
            .collect();
        let subject = claim
            .entities
            .first()
            .filter(|e| tokens(&text[..e.start - base]).len() <= 3)
            .map(|e| e.canonical.to_lowercase());
        let measures = claim.quantities.iter().filter_map(|q| self.quantity_key(q)).collect();
        Terms {
            terms,
            entities,
            persons,
            subject,
            measures,
            lower: text.to_lowercase(),
        }
    }

    /// A person's name: two or three capitalised words, the first a known
    /// given name, or a name the text introduced with a title.
    fn is_person(&self, e: &crate::model::Entity) -> bool {
        let parts: Vec<&str> = e.canonical.split(' ').collect();
        (2..=3).contains(&parts.len())
            && parts
                .iter()
                .all(|p| p.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\''))
            && (self.given_names.contains(parts[0]) || e.titled)
    }

    /// What a quantity counts, as `measure/thing`: the thing is the synonym
    /// class or stem of the counted noun ("people/~people" for consumers,
    /// "people/lawmak" for lawmakers), `*` when none is stated.
    pub fn quantity_key(&self, q: &crate::model::Quantity) -> Option<String> {
        let measure = q.measure.as_deref()?;
        let thing = match q.counted.as_deref() {
            Some(noun) => {
                let stem = self.stemmer.stem(&noun.to_lowercase()).into_owned();
                self.phrases.get(std::slice::from_ref(&stem)).cloned().unwrap_or(stem)
            }
            None => "*".to_string(),
        };
        Some(format!("{measure}/{thing}"))
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
        // Different people in the same sentence role: not the same fact.
        if !a.persons.is_empty() && !b.persons.is_empty() && a.persons.is_disjoint(&b.persons) {
            score *= 1.0 - p.person_penalty;
        }
        if let (Some(sa), Some(sb)) = (&a.subject, &b.subject)
            && sa != sb
            && !b.entities.contains(sa)
            && !a.entities.contains(sb)
        {
            score *= 1.0 - p.subject_penalty;
        }
        if a.measures
            .iter()
            .any(|x| b.measures.iter().any(|y| keys_compatible(x, y)))
        {
            score += p.measure_bonus;
        }
        score.clamp(0.0, 1.0)
    }

    /// Align claims: candidate pairs from the index, scored, then grouped.
    pub fn align(&self, claims: &[Claim]) -> Alignment {
        let terms: Vec<Terms> = claims.iter().map(|c| self.terms(c)).collect();
        let idf = Idf::new(terms.iter().map(|t| &t.terms));
        let mut edges = Vec::new();
        // Tuning aid: near-threshold pair scores on stderr.
        let debug = std::env::var_os("CORROBORATE_DEBUG_PAIRS").is_some();
        for (i, j) in self.candidates(claims, &terms, &idf) {
            let s = self.score(&terms[i], &terms[j], &idf);
            if debug && s >= self.params.threshold * 0.7 {
                eprintln!("{:.3}\t{}\t{}", s, claims[i].id, claims[j].id);
            }
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
            measure_keys.push(
                t.measures
                    .iter()
                    .map(|m| format!("#{}", m.split('/').next().unwrap_or(m)))
                    .collect(),
            );
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

/// Two quantity keys count the same thing: one measure, and the same
/// counted thing or one left unstated.
pub fn keys_compatible(a: &str, b: &str) -> bool {
    let (ma, ta) = a.split_once('/').unwrap_or((a, "*"));
    let (mb, tb) = b.split_once('/').unwrap_or((b, "*"));
    ma == mb && (ta == tb || ta == "*" || tb == "*")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Engine;

    fn engine() -> Engine {
        Engine::new(RuleSet::defaults())
    }

    fn claim(e: &Engine, doc: &str, text: &str) -> Claim {
        let mut c = e.sentence_claim(doc, text);
        c.doc = doc.to_string();
        c
    }

    #[test]
    fn phrases_map_to_one_synonym_class() {
        let e = engine();
        for text in [
            "Acme backed out of it.",
            "Acme canceled it.",
            "Acme called off it.",
            "Acme pulled out of it.",
        ] {
            let t = e.aligner.terms(&claim(&e, "a", text));
            assert!(t.terms.contains("~cancel"), "{text}: {:?}", t.terms);
        }
    }

    #[test]
    fn different_people_in_the_same_role_do_not_match() {
        let e = engine();
        let pairs = vec![
            (
                "Senator John Smith introduced a bill to ban the devices.".to_string(),
                "Senator Mary Jones introduced a bill to ban the devices.".to_string(),
            ),
            (
                "Senator John Smith introduced a bill to ban the devices.".to_string(),
                "Sen. John Smith introduced legislation to ban the devices.".to_string(),
            ),
        ];
        let scores = e.similarity(&pairs);
        assert!(!scores[0].1, "{scores:?}");
        assert!(scores[1].1, "{scores:?}");
    }

    #[test]
    fn candidates_skip_same_document_and_unrelated_pairs() {
        let e = engine();
        let claims = vec![
            claim(&e, "a", "Acme canceled the Globex phone deal on Monday."),
            claim(&e, "a", "Acme called off the Globex phone deal on Monday."),
            claim(&e, "b", "Acme backed out of the Globex phone deal on Monday."),
            claim(&e, "b", "Floods hit the northern valley after heavy rain."),
        ];
        let terms: Vec<Terms> = claims.iter().map(|c| e.aligner.terms(c)).collect();
        let idf = Idf::new(terms.iter().map(|t| &t.terms));
        let pairs = e.aligner.candidates(&claims, &terms, &idf);
        assert!(pairs.iter().all(|&(i, j)| claims[i].doc != claims[j].doc));
        assert!(!pairs.contains(&(0, 3)) && !pairs.contains(&(1, 3)));
        let al = e.aligner.align(&claims);
        assert_eq!(al.clusters, vec![vec![0, 1, 2]]);
    }

    #[test]
    fn quantity_keys() {
        assert!(keys_compatible("people/~people", "people/~people"));
        assert!(keys_compatible("people/*", "people/lawmak"));
        assert!(!keys_compatible("people/~people", "people/lawmak"));
        assert!(!keys_compatible("money/*", "people/*"));
    }
}
