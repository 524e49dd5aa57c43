//! Related words from the `[[related]]` rules (WordNet senses): "bought" and
//! "purchased", "agreement" and "deal". Stems cannot see these, and a
//! synonym class cannot hold them: relatedness is not transitive, and a
//! class of every word of every sense would merge half the language.
//!
//! A word reaches the senses marked `*` for it (its first few, so a common
//! word does not drag in its rare senses). Two words are related when their
//! bases share a word of what they reach, each reaching itself too: "buy"
//! reaches "v *buy purchase", which holds "purchase". Bases come from the
//! irregular forms and from WordNet's own suffix rules (morphy), each rule
//! only for a word of its part of speech, so "news" is no form of "new".

use rustc_hash::FxHashMap;

use crate::rules::{RelatedRule, RuleSet};

/// Parts of speech, as bits.
const NOUN: u8 = 1;
const VERB: u8 = 2;
const ADJ: u8 = 4;

/// WordNet's detachment rules: (part of speech, ending, replacement).
const SUFFIXES: &[(u8, &str, &str)] = &[
    (NOUN, "s", ""),
    (NOUN, "ses", "s"),
    (NOUN, "xes", "x"),
    (NOUN, "zes", "z"),
    (NOUN, "ches", "ch"),
    (NOUN, "shes", "sh"),
    (NOUN, "men", "man"),
    (NOUN, "ies", "y"),
    (VERB, "s", ""),
    (VERB, "ies", "y"),
    (VERB, "es", "e"),
    (VERB, "es", ""),
    (VERB, "ed", "e"),
    (VERB, "ed", ""),
    (VERB, "ing", "e"),
    (VERB, "ing", ""),
    (ADJ, "er", ""),
    (ADJ, "est", ""),
    (ADJ, "er", "e"),
    (ADJ, "est", "e"),
];

#[derive(Debug, Clone, Default)]
pub struct Related {
    /// Every word of a sense, lower-cased, to its id.
    ids: FxHashMap<String, u32>,
    /// Per id: the parts of speech of its senses.
    pos: Vec<u8>,
    /// Per id: the sorted ids it reaches, itself included.
    reach: Vec<Box<[u32]>>,
    /// Irregular forms to their bases' ids.
    irregular: FxHashMap<String, Vec<u32>>,
}

impl Related {
    pub fn new(rules: &RuleSet) -> Related {
        let mut r = Related::default();
        let mut reach: Vec<Vec<u32>> = Vec::new();
        // Validated on load: a malformed line is never in a rule set.
        for rule in &rules.related {
            for (pos, words) in rule.senses.iter().filter_map(|s| RelatedRule::parse_sense(s)) {
                let pos = match pos {
                    "n" => NOUN,
                    "v" => VERB,
                    "a" => ADJ,
                    _ => 0,
                };
                let members: Vec<u32> = words
                    .iter()
                    .map(|&(w, _)| {
                        let id = r.id_of(w.to_lowercase(), &mut reach);
                        r.pos[id as usize] |= pos;
                        id
                    })
                    .collect();
                for (&id, _) in members.iter().zip(&words).filter(|(_, (_, marked))| *marked) {
                    reach[id as usize].extend(&members);
                }
            }
        }
        for rule in &rules.related {
            for (form, base) in rule.inflections.iter().filter_map(|f| RelatedRule::parse_inflection(f)) {
                if let Some(&id) = r.ids.get(&base.to_lowercase()) {
                    r.irregular.entry(form.to_lowercase()).or_default().push(id);
                }
            }
        }
        r.reach = reach
            .into_iter()
            .map(|mut v| {
                v.sort_unstable();
                v.dedup();
                v.into_boxed_slice()
            })
            .collect();
        r
    }

    fn id_of(&mut self, word: String, reach: &mut Vec<Vec<u32>>) -> u32 {
        let next = self.pos.len() as u32;
        let id = *self.ids.entry(word).or_insert(next);
        if id == next {
            self.pos.push(0);
            reach.push(vec![id]);
        }
        id
    }

    /// The ids of the bases of a lower-cased word, sorted, distinct, in
    /// `out` (its old contents replaced; a buffer kept across words): the
    /// word itself when it is one, its irregular bases, and what the suffix
    /// rules leave that is a word of the rule's part of speech.
    pub fn bases(&self, word: &str, out: &mut Vec<u32>) {
        out.clear();
        if let Some(&id) = self.ids.get(word) {
            out.push(id);
        }
        if let Some(ids) = self.irregular.get(word) {
            out.extend(ids);
        } else {
            let mut candidate = String::new();
            for &(pos, ending, with) in SUFFIXES {
                let Some(stem) = word.strip_suffix(ending) else {
                    continue;
                };
                if stem.len() < 2 {
                    continue;
                }
                candidate.clear();
                candidate.push_str(stem);
                candidate.push_str(with);
                if let Some(&id) = self.ids.get(candidate.as_str())
                    && self.pos[id as usize] & pos != 0
                {
                    out.push(id);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
    }

    /// What the base `id` reaches, itself included, sorted.
    fn reach(&self, id: u32) -> &[u32] {
        &self.reach[id as usize]
    }

    /// Everything the bases reach, sorted, distinct.
    pub fn reach_all(&self, bases: &[u32]) -> Vec<u32> {
        let mut all: Vec<u32> = bases.iter().flat_map(|&b| self.reach(b).iter().copied()).collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// Whether something the bases reach is in `far` (sorted: what the
    /// other side's bases reach, [`Related::reach_all`]).
    pub fn reaches(&self, bases: impl IntoIterator<Item = u32>, far: &[u32]) -> bool {
        bases
            .into_iter()
            .any(|b| self.reach(b).iter().any(|x| far.binary_search(x).is_ok()))
    }

    /// Whether two lower-cased words are related (and not one word).
    pub fn related(&self, a: &str, b: &str) -> bool {
        let (mut ba, mut bb) = (Vec::new(), Vec::new());
        self.bases(a, &mut ba);
        self.bases(b, &mut bb);
        a != b && !ba.iter().any(|x| bb.contains(x)) && self.reaches(ba, &self.reach_all(&bb))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Pack, RelatedRule};

    fn related(senses: &[&str], inflections: &[&str]) -> Related {
        let mut rules = RuleSet::default();
        rules.add(
            "t.toml",
            Pack {
                related: vec![RelatedRule {
                    id: "t".into(),
                    description: "d".into(),
                    senses: senses.iter().map(|s| s.to_string()).collect(),
                    inflections: inflections.iter().map(|s| s.to_string()).collect(),
                    examples: vec![],
                }],
                ..Pack::default()
            },
        );
        Related::new(&rules)
    }

    #[test]
    fn a_word_reaches_only_its_marked_senses() {
        let r = related(
            &["v *buy purchase", "n *bank depository", "n bank shore"],
            &["bought buy"],
        );
        assert!(r.related("bought", "purchased"));
        assert!(r.related("purchases", "buys"));
        assert!(r.related("depository", "banks"));
        // "shore" is a rare sense of "bank", unmarked, and "shore" reaches
        // nothing of its own.
        assert!(!r.related("bank", "shore"));
        // One base is no relation: that is a plain match.
        assert!(!r.related("buys", "bought"));
    }

    #[test]
    fn suffix_rules_keep_to_their_part_of_speech() {
        let r = related(&["a *new fresh", "n *news intelligence"], &[]);
        let mut out = Vec::new();
        r.bases("news", &mut out);
        assert_eq!(out, vec![r.ids["news"]]);
        out.clear();
        r.bases("newer", &mut out);
        assert_eq!(out, vec![r.ids["new"]]);
        assert!(!r.related("news", "fresh"));
        assert!(r.related("newest", "fresh"));
    }

    #[test]
    fn unknown_words_relate_to_nothing() {
        let r = related(&["v *buy purchase"], &[]);
        assert!(!r.related("globex", "purchase"));
        assert!(!r.related("", "buy"));
    }
}
