//! Origins: how many independent sources stand behind a cluster.
//!
//! Three articles stating a fact are weaker corroboration than they look
//! when they all got it from one place. Two ways show it in the text:
//! - the articles attribute it to one outlet or person ("Reuters
//!   reported", "according to Reuters", "told Reuters");
//! - the articles carry the same words: a wire story or a press release
//!   printed by several outlets. A long sentence written word for word in
//!   two articles is copied, and two articles that share several such
//!   sentences are copies of one text, even where one outlet edited the
//!   sentence at hand.
//!
//! Documents linked either way are one origin (linked in a chain, too: a
//! copy of a copy). The `corroborated` finding counts origins beside
//! documents, and `shared-origin` fires when a cluster has one origin.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::model::Claim;
use crate::rules::{FindingKind, FindingRule};

/// When wording counts as copied: the `shared-origin` rule's parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CopyParams {
    /// A sentence this long (in words) written identically in two
    /// documents is copied; shorter ones ("The company declined to
    /// comment.") recur by chance.
    pub min_words: usize,
    /// Two documents sharing this many copied sentences are copies of one
    /// text, in every cluster they share.
    pub min_shared: usize,
}

impl CopyParams {
    /// From the first `shared_origin` rule, enabled or not: the corroborated
    /// finding counts origins with them as well.
    pub fn from_rules(rules: &[FindingRule]) -> CopyParams {
        let rule = rules.iter().find(|r| r.kind == FindingKind::SharedOrigin);
        let param = |name: &str, default: f64| {
            rule.and_then(|r| r.params.get(name).copied())
                .unwrap_or(default)
                .max(1.0) as usize
        };
        CopyParams {
            min_words: param("min_copy_words", 12.0),
            min_shared: param("min_copied_sentences", 2.0),
        }
    }
}

/// A sentence's words, lower-cased, joined by single spaces: what two
/// copies share whatever their quotes, dashes and spacing. `None` when it
/// is shorter than `min_words`.
fn wording(text: &str, min_words: usize) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let (mut words, mut in_word) = (0, false);
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !in_word {
                if words > 0 {
                    out.push(' ');
                }
                words += 1;
                in_word = true;
            }
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            in_word = false;
        }
    }
    (words >= min_words).then_some(out)
}

/// Pairs of documents that are copies of one text (see the module doc),
/// found once over all claims.
#[derive(Debug, Default)]
pub struct Copies<'a> {
    params: Option<CopyParams>,
    /// Document pairs (ascending) and the number of sentences they share.
    shared: FxHashMap<(&'a str, &'a str), usize>,
}

impl<'a> Copies<'a> {
    pub fn new(claims: &'a [Claim], params: CopyParams) -> Copies<'a> {
        // Only counts come out of this map, so its order does not matter.
        let mut docs_of: FxHashMap<String, BTreeSet<&'a str>> = FxHashMap::default();
        let worded: Vec<Option<String>> = claims.par_iter().map(|c| wording(&c.text, params.min_words)).collect();
        for (c, w) in claims.iter().zip(worded) {
            if let Some(w) = w {
                docs_of.entry(w).or_default().insert(c.doc.as_str());
            }
        }
        let mut shared = FxHashMap::default();
        for docs in docs_of.values().filter(|d| d.len() > 1) {
            let docs: Vec<&str> = docs.iter().copied().collect();
            for (k, &a) in docs.iter().enumerate() {
                for &b in &docs[k + 1..] {
                    *shared.entry((a, b)).or_insert(0) += 1;
                }
            }
        }
        Copies {
            params: Some(params),
            shared,
        }
    }

    /// How many copied sentences two documents share.
    fn shared(&self, a: &str, b: &str) -> usize {
        let key = if a < b { (a, b) } else { (b, a) };
        self.shared.get(&key).copied().unwrap_or(0)
    }
}

/// Why two documents of a cluster are one origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// Both attribute the fact to this outlet or person.
    Attribution(String),
    /// Their sentences in the cluster are word for word the same.
    SameWords,
    /// The documents share this many copied sentences.
    CopiedText(usize),
}

/// The origins behind one cluster: its documents in groups, and why.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Origins {
    /// Groups of document ids (each ascending), in order of their first.
    pub groups: Vec<Vec<String>>,
    /// The links that joined documents: (doc, doc, why), docs ascending.
    pub links: Vec<(String, String, Link)>,
    /// The outlet or person every document attributes the fact to, when
    /// there are two documents or more and one such source is common to all.
    pub common: Option<String>,
}

impl Origins {
    /// The origins of the documents of `group` (claims of one cluster).
    pub fn of(group: &[&Claim], copies: &Copies) -> Origins {
        let docs = crate::model::documents_of(group.iter().copied());
        let min_words = copies.params.map_or(usize::MAX, |p| p.min_words);
        let min_shared = copies.params.map_or(usize::MAX, |p| p.min_shared);
        let wordings: Vec<BTreeSet<String>> = docs
            .iter()
            .map(|d| {
                group
                    .iter()
                    .filter(|c| c.doc == *d)
                    .filter_map(|c| wording(&c.text, min_words))
                    .collect()
            })
            .collect();
        let named: Vec<BTreeSet<&str>> = docs.iter().map(|d| named_origins(group, d)).collect();
        // One source every document cites makes them all one origin.
        let common = common_attribution(group);
        let mut root: Vec<usize> = (0..docs.len()).collect();
        fn find(root: &mut [usize], i: usize) -> usize {
            let mut i = i;
            while root[i] != i {
                root[i] = root[root[i]];
                i = root[i];
            }
            i
        }
        let mut links = Vec::new();
        for i in 0..docs.len() {
            for j in i + 1..docs.len() {
                // Short of a source common to all, two documents are joined
                // by what they cite only when they cite the same: a document
                // citing both Reuters and a spokesman must not chain a Reuters
                // story to the spokesman's.
                let link = if let Some(o) = &common {
                    Some(Link::Attribution(o.clone()))
                } else if !named[i].is_empty() && named[i] == named[j] {
                    Some(Link::Attribution(
                        named[i].iter().copied().collect::<Vec<_>>().join(" and "),
                    ))
                } else if !wordings[i].is_disjoint(&wordings[j]) {
                    Some(Link::SameWords)
                } else {
                    let n = copies.shared(docs[i], docs[j]);
                    (n >= min_shared).then_some(Link::CopiedText(n))
                };
                if let Some(link) = link {
                    links.push((docs[i].to_string(), docs[j].to_string(), link));
                    let (a, b) = (find(&mut root, i), find(&mut root, j));
                    root[a.max(b)] = a.min(b);
                }
            }
        }
        let mut groups: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for (i, d) in docs.iter().enumerate() {
            let r = find(&mut root, i);
            groups.entry(r).or_default().push(d.to_string());
        }
        Origins {
            groups: groups.into_values().collect(),
            links,
            common,
        }
    }

    /// The links in words, for a finding: the documents each kind of link
    /// joins, listed once ("a, b and c attribute it to Wirepost"), not pair
    /// by pair.
    pub fn explained(&self) -> Vec<String> {
        let mut by_kind: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
        let mut copied: BTreeSet<(&str, &str, usize)> = BTreeSet::new();
        for (a, b, link) in &self.links {
            let what = match link {
                Link::Attribution(o) => format!("attribute it to {o}"),
                Link::SameWords => "state it in the same words".to_string(),
                Link::CopiedText(n) => {
                    copied.insert((a, b, *n));
                    continue;
                }
            };
            by_kind.entry(what).or_default().extend([a.as_str(), b.as_str()]);
        }
        let mut out: Vec<String> = by_kind
            .into_iter()
            .map(|(what, docs)| format!("{} {what}", listed(&docs.into_iter().collect::<Vec<_>>())))
            .collect();
        out.extend(
            copied
                .into_iter()
                .map(|(a, b, n)| format!("{a} and {b} share {n} sentences word for word")),
        );
        out
    }
}

/// "a", "a and b", "a, b and c".
fn listed(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The outlet or person every document of `group` attributes the fact to,
/// when there are two documents or more and one such source is common to all.
fn common_attribution(group: &[&Claim]) -> Option<String> {
    let docs: BTreeSet<&str> = group.iter().map(|c| c.doc.as_str()).collect();
    if docs.len() < 2 {
        return None;
    }
    let mut common: Option<BTreeSet<&str>> = None;
    for d in &docs {
        let o = named_origins(group, d);
        common = Some(match common {
            None => o,
            Some(c) => c.intersection(&o).copied().collect(),
        });
    }
    common?.into_iter().next().map(str::to_string)
}

/// The named outlets or people a document gives as the source of its
/// claims in the cluster (a capitalised source, not "officials").
fn named_origins<'a>(group: &[&'a Claim], doc: &str) -> BTreeSet<&'a str> {
    group
        .iter()
        .filter(|c| c.doc == doc)
        .filter_map(|c| c.attribution.as_ref()?.source.as_deref())
        .filter(|s| s.starts_with(char::is_uppercase))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Engine;
    use crate::rules::RuleSet;

    fn claim(e: &Engine, doc: &str, text: &str) -> Claim {
        let mut c = e.sentence_claim(doc, text);
        c.doc = doc.to_string();
        c
    }

    const PARAMS: CopyParams = CopyParams {
        min_words: 12,
        min_shared: 2,
    };

    #[test]
    fn the_same_long_sentence_is_one_origin_and_a_short_one_is_not() {
        let e = Engine::new(RuleSet::defaults());
        let long = "Acme Corp said on Monday that it would close its plant in Dayton and cut 400 jobs.";
        let claims = [
            claim(&e, "a", long),
            claim(&e, "b", &long.replace("Acme Corp", "ACME CORP").replace(' ', "  ")),
            claim(
                &e,
                "c",
                "Acme will close the Dayton plant, cutting 400 jobs, the company said.",
            ),
        ];
        let group: Vec<&Claim> = claims.iter().collect();
        let o = Origins::of(&group, &Copies::new(&claims, PARAMS));
        assert_eq!(o.groups, [vec!["a", "b"], vec!["c"]]);
        assert_eq!(o.explained(), ["a and b state it in the same words"]);
        // Short boilerplate recurs by chance.
        let short = [
            claim(&e, "a", "The company declined to comment."),
            claim(&e, "b", "The company declined to comment."),
        ];
        let group: Vec<&Claim> = short.iter().collect();
        assert_eq!(Origins::of(&group, &Copies::new(&short, PARAMS)).groups.len(), 2);
    }

    #[test]
    fn documents_sharing_copied_sentences_are_one_origin_in_every_cluster() {
        let e = Engine::new(RuleSet::defaults());
        let wire = [
            "The storm brought down power lines across three counties and closed the main highway overnight.",
            "Emergency crews worked through the night to clear fallen trees from roads in the northern districts.",
        ];
        let mut claims = Vec::new();
        for d in ["a", "b"] {
            for s in wire {
                claims.push(claim(&e, d, s));
            }
        }
        // The clustered sentence itself was edited by one outlet.
        claims.push(claim(&e, "a", "Officials said 12 people were hurt in the storm."));
        claims.push(claim(
            &e,
            "b",
            "Twelve people were injured in the storm, officials said.",
        ));
        claims.push(claim(&e, "c", "A dozen people were injured, officials said."));
        let copies = Copies::new(&claims, PARAMS);
        let group: Vec<&Claim> = claims[4..].iter().collect();
        let o = Origins::of(&group, &copies);
        assert_eq!(o.groups, [vec!["a", "b"], vec!["c"]]);
        assert_eq!(o.explained(), ["a and b share 2 sentences word for word"]);
        // One shared sentence is not enough to call two articles copies.
        let one = Copies::new(&claims[..3], PARAMS);
        assert_eq!(Origins::of(&group, &one).groups.len(), 3);
    }

    #[test]
    fn one_named_source_joins_documents() {
        let e = Engine::new(RuleSet::defaults());
        let claims = [
            claim(&e, "a", "Acme dropped the Globex deal, Wirepost reported."),
            claim(&e, "b", "Acme backed out of the Globex deal, according to Wirepost."),
            claim(
                &e,
                "c",
                "Acme walked away from the Globex deal, a spokesman told Dailyline.",
            ),
        ];
        let group: Vec<&Claim> = claims.iter().collect();
        let o = Origins::of(&group, &Copies::default());
        assert_eq!(o.groups, [vec!["a", "b"], vec!["c"]]);
        assert_eq!(o.explained(), ["a and b attribute it to Wirepost"]);
        assert_eq!(common_attribution(&group), None);
        assert_eq!(common_attribution(&group[..2]).as_deref(), Some("Wirepost"));
    }

    #[test]
    fn a_document_citing_two_sources_chains_nothing() {
        let e = Engine::new(RuleSet::defaults());
        let claims = [
            claim(&e, "a", "Acme dropped the Globex deal, Wirepost reported."),
            claim(&e, "a", "Acme dropped the Globex deal, Jane Moss said."),
            claim(&e, "b", "Acme backed out of the Globex deal, according to Wirepost."),
            claim(&e, "c", "Acme walked away from the Globex deal, Jane Moss said."),
        ];
        let group: Vec<&Claim> = claims.iter().collect();
        assert_eq!(named_origins(&group, "a").len(), 2);
        let o = Origins::of(&group, &Copies::default());
        assert_eq!(o.groups.len(), 3, "{o:?}");
    }
}
