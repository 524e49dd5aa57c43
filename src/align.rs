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
//!
//! A run first builds every claim's light terms (what the index, the term
//! weights and the stories read), then scores and clusters one story at a
//! time (`Aligner::align_story`): no pair crosses two stories, so the
//! heavy per-claim [`Profile`] of a story lives only while that story is
//! scored, and memory follows the largest story rather than the run.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use rust_stemmers::{Algorithm, Stemmer};

use crate::extract::entity::PersonNames;
use crate::model::Claim;
use crate::rules::RuleSet;
use crate::tokens::{is_capitalised, tokens};

mod features;
use features::{
    CharBigrams, CharGrams, capped, lcs_and_edit, ngram_ids, ngram_overlap, padded_chars, shared_sorted, word_id,
};

mod cluster;
mod events;
mod lexicon;
pub mod related;
use lexicon::{Lexicon, Reading, WordIds, Words};
mod spelling;
mod stories;
pub use stories::StoryParams;

/// The pair features the score weighs, in order; the weight of feature
/// `name` is the `[[align]]` parameter `w_name`.
pub const FEATURES: [&str; 59] = [
    "dice",
    "contain_min",
    "contain_max",
    "chars",
    "bigrams",
    "entity_disjoint",
    "entity_missing",
    "person_disjoint",
    "subject_mismatch",
    "measure",
    "numbers_differ",
    "numbers_one_side",
    "numbers_agree",
    "length_ratio",
    "negation_mismatch",
    "dates_differ",
    "words_min",
    "words_max",
    "words_bigrams",
    "words_trigrams",
    "words_4grams",
    "lcs",
    "words2_min",
    "words2_max",
    "words3_min",
    "words3_max",
    "words4_min",
    "words4_max",
    "raw_min",
    "raw_max",
    "raw_bigrams",
    "terms_min",
    "terms_max",
    "unmatched_min",
    "unmatched_max",
    "contained",
    "idf_unmatched_max",
    "char3",
    "char4",
    "edit",
    "caps_unmatched",
    "values_differ",
    "values_one_side",
    "quote_mismatch",
    "length_diff",
    "dice_sq",
    "chars_sq",
    "words_min_sq",
    "lcs_sq",
    "char4_sq",
    "terms_min_sq",
    "extra_run_min",
    "extra_run_max",
    "extra_tail",
    "numbers_unmatched",
    "prefix_min",
    "prefix_max",
    "subject_head_mismatch",
    "related_words",
];

/// Tunable parameters, read from `[[align]]` rules.
#[derive(Debug, Clone)]
pub struct Params {
    pub threshold: f64,
    /// The claim matcher of `check` ([`Aligner::claim_score`]).
    pub claim: ClaimParams,
    pub bias: f64,
    /// Facet vetoes applied to the model's probability: both claims name
    /// actors and share none; both name people and share none; each opens
    /// with a different actor the other does not name.
    pub veto_entity: f64,
    pub veto_person: f64,
    pub veto_subject: f64,
    /// How many words besides the subjects may differ for two claims that
    /// open with different actors to count as `subject_mismatch` even when
    /// neither actor is surely a name (see [`Terms::subject_sure`]).
    pub subject_swap_slack: usize,
    /// Pairs whose weighted term overlap (`dice`) is below this do not
    /// match: the model is fitted on MSRP, whose pairs all overlap a good
    /// deal, and says nothing trustworthy about pairs outside that region.
    pub min_dice: f64,
    /// One weight per entry of [`FEATURES`].
    pub weights: Vec<f64>,
    pub max_df: f64,
    pub max_postings: usize,
    /// Whether a claim whose chosen terms are all too common to propose
    /// alone posts them in pairs, each pair a blocking key of its own.
    pub block_pairs: bool,
    /// How many of a claim's rarest terms it posts to the blocking index.
    pub block_terms: usize,
    /// Pairs whose idf-weighted overlap, measured against the shorter
    /// claim, is below this are not scored at all.
    pub prefilter: f64,
    /// Clustering (the `clustering` rule): a scored pair votes its score
    /// less `cluster_threshold`, less `cluster_entity_penalty` when both
    /// claims name actors and share none, less `cluster_person_penalty`
    /// when each names a person the other never names ([`persons_apart`]),
    /// less `cluster_document_penalty`
    /// when their documents are a far pair of one story
    /// ([`stories::Grouping::far`]).
    pub cluster_threshold: f64,
    pub cluster_entity_penalty: f64,
    pub cluster_person_penalty: f64,
    pub cluster_document_penalty: f64,
    /// Staged scoring (the `clustering` rule): the paraphrase model runs
    /// only on pairs whose claim score and idf-weighted overlap reach these.
    pub model_min_claim: f64,
    pub model_min_overlap: f64,
    /// Which event facets keep two clusters apart (the `clustering` rule).
    pub events: events::Vetoes,
    /// How documents are grouped into stories (the `stories` rule).
    pub stories: StoryParams,
}

impl Params {
    pub fn from_rules(rules: &RuleSet) -> Params {
        Params {
            threshold: rules.align_param("threshold", 0.5),
            claim: ClaimParams {
                threshold: rules.align_param("claim_threshold", 0.34),
                containment: rules.align_param("containment", 0.45),
                char_weight: rules.align_param("char_weight", 0.15),
                entity_penalty: rules.align_param("entity_penalty", 0.25),
                subject_penalty: rules.align_param("subject_penalty", 0.5),
                person_penalty: rules.align_param("person_penalty", 0.6),
                measure_bonus: rules.align_param("measure_bonus", 0.12),
                min_shared: rules.align_param("claim_min_shared", 1.0) as usize,
            },
            bias: rules.align_param("bias", 0.0),
            veto_entity: rules.align_param("veto_entity", 0.0),
            veto_person: rules.align_param("veto_person", 0.0),
            veto_subject: rules.align_param("veto_subject", 0.0),
            subject_swap_slack: rules.align_param("subject_swap_slack", 1.0) as usize,
            min_dice: rules.align_param("min_dice", 0.0),
            weights: FEATURES
                .iter()
                .map(|f| rules.align_param(&format!("w_{f}"), 0.0))
                .collect(),
            max_df: rules.align_param("max_df", 0.2),
            max_postings: rules.align_param("max_postings", 100.0) as usize,
            block_pairs: rules.align_param("block_pairs", 0.0) > 0.0,
            block_terms: rules.align_param("block_terms", 8.0) as usize,
            prefilter: rules.align_param("prefilter", 0.15),
            cluster_threshold: rules.align_param("cluster_threshold", 0.2),
            cluster_entity_penalty: rules.align_param("cluster_entity_penalty", 0.15),
            cluster_person_penalty: rules.align_param("cluster_person_penalty", 0.0),
            cluster_document_penalty: rules.align_param("cluster_document_penalty", 0.0),
            model_min_claim: rules.align_param("model_min_claim", 0.0),
            model_min_overlap: rules.align_param("model_min_overlap", 0.0),
            events: events::Vetoes::from_rules(rules),
            stories: StoryParams {
                threshold: rules.align_param("story_threshold", 0.0),
                idf_floor: rules.align_param("story_idf_floor", 0.0),
                max_share: rules.align_param("story_max_share", 1.0),
                min_docs: rules.align_param("story_min_docs", 1.0) as usize,
            },
        }
    }
}

/// Parameters of [`Aligner::claim_score`].
#[derive(Debug, Clone, Copy)]
pub struct ClaimParams {
    pub threshold: f64,
    pub containment: f64,
    pub char_weight: f64,
    pub entity_penalty: f64,
    pub subject_penalty: f64,
    pub person_penalty: f64,
    pub measure_bonus: f64,
    /// Fewer shared facts than this (terms, not
    /// counting incidental ones, and one for a shared measure) never match
    /// on the claim score alone: over a handful of claims every term is
    /// rare, and two short claims sharing one noun ("the company") score
    /// high.
    pub min_shared: usize,
}

/// A claim as the matcher sees it.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    pub terms: BTreeSet<String>,
    /// Terms written only inside the claim's attribution ("the company
    /// said", "according to the union": who says it, not what is said) or
    /// in a quantity's approximator ("at least 1,200": the figure is
    /// compared as a quantity), and the thing a figure counts ("820
    /// people"), which a shared measure stands for.
    pub incidental: BTreeSet<String>,
    pub entities: BTreeSet<String>,
    /// Entities that name people.
    pub persons: BTreeSet<String>,
    /// `entities` and `persons` as [`ActorKey`]s, in the same order: what
    /// pair scoring compares.
    pub entity_keys: Vec<ActorKey>,
    pub person_keys: Vec<ActorKey>,
    /// The first-named actor, when it opens the sentence.
    pub subject: Option<String>,
    /// Whether that actor is surely a name: written with a title, a
    /// company suffix or more than one word ("Acme Corp", "Sen. Smith"),
    /// or a person by a given name. A lone capitalised word that opens a
    /// sentence is often no actor at all ("Deposit", "Senior").
    pub subject_sure: bool,
    /// Words of the subject as written.
    pub subject_words: usize,
    pub measures: BTreeSet<String>,
    /// Word terms in text order (for bigrams), as ids (`features::word_id`).
    pub seq: Vec<u64>,
    /// Figures written in digits, normalised ("1,200" and "1200" are one).
    pub numbers: BTreeSet<String>,
    /// Resolved date values.
    pub dates: BTreeSet<String>,
    pub negated: bool,
    /// Word count.
    pub words: usize,
    /// Each term with its byte span in the claim's text (see `term_spans`).
    pub spans: Vec<(String, usize, usize)>,
    /// Quantities' values, scale applied ("1.5 million" and "1,500,000" are one).
    pub values: BTreeSet<String>,
    /// The text quotes someone.
    pub quoted: bool,
    /// The first word, lower-cased, when it is capitalised and neither a
    /// stopword nor a common sentence starter (most often a name), else the
    /// first word of the subject: as an id.
    pub head: Option<u64>,
    /// What only pair scoring reads, the bulk of a claim's memory: built
    /// by [`Aligner::terms`], and by [`Aligner::align`] one story at a time
    /// (boxed: a claim without one holds a pointer, not its fields).
    pub profile: Option<Box<Profile>>,
}

impl Terms {
    /// The profile, which every claim given to pair scoring has.
    fn profile(&self) -> &Profile {
        self.profile.as_deref().expect("pairs are scored on profiled terms")
    }

    /// The profile's detail, which every claim given to the paraphrase
    /// model has.
    fn detail(&self) -> &Detail {
        self.profile()
            .detail
            .get()
            .expect("the model runs on detailed profiles")
    }
}

/// What pair scoring reads of a claim, built once per claim rather than
/// once per pair.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Character bigrams of the text, lower-cased: what the claim matcher
    /// reads of every scored pair.
    pub chars: CharBigrams,
    /// What only the paraphrase model reads. Within a run it is built when
    /// a pair of the claim first reaches the model: most claims' pairs stop
    /// at the claim matcher or the model's first feature.
    pub detail: OnceLock<Detail>,
}

/// A claim's word sequences, character profiles and sorted n-gram lists.
#[derive(Debug, Clone, Default)]
pub struct Detail {
    /// Every word stemmed, stopwords included, in text order, as ids.
    pub all: Vec<u64>,
    /// Every word lower-cased, unstemmed, in text order, as ids.
    pub raw: Vec<u64>,
    /// For each word of `all`: whether it carries content (not a stopword,
    /// not a figure).
    pub content: Vec<bool>,
    /// The first five letters of each content word, as ids, sorted (with
    /// repeats): a lenient match for spelling variants and derived forms that
    /// the stemmer keeps apart ("Qaeda"/"Qaida" do not; "organised"/"organization" do).
    pub prefixes: Vec<u64>,
    /// Capitalised words after the first, lower-cased: names and titles
    /// (sorted distinct ids).
    pub caps: Vec<u64>,
    /// Character 3- and 4-gram profiles of the text.
    pub char3: CharGrams,
    pub char4: CharGrams,
    /// Sorted word n-gram ids of `all` for n = 1 to 4 (`features::ngram_ids`).
    pub grams: [Vec<u64>; 4],
    /// Sorted word n-gram ids of `raw` for n = 1 and 2.
    pub raw_grams: [Vec<u64>; 2],
    /// Adjacent pairs of `seq`, sorted, distinct.
    pub seq_pairs: Vec<(u64, u64)>,
    /// Each content word that has bases among the related words, as
    /// (its `raw` id, a base id), sorted (see [`related::Related`]).
    pub bases: Vec<(u64, u32)>,
    /// All those bases, sorted, distinct; and all they reach.
    pub base_set: Vec<u32>,
    pub reach_set: Vec<u32>,
}

pub struct Aligner {
    stemmer: Stemmer,
    stopwords: FxHashSet<String>,
    /// Synonym phrases by their stems joined with spaces (a stem holds
    /// none), so a lookup needs no list of strings.
    phrases: FxHashMap<String, String>,
    /// The most words of a phrase opening with each stem: most words open
    /// none, and need no phrase lookup at all.
    longest: FxHashMap<String, usize>,
    /// Given names, and the head words that make a name no person's.
    persons: PersonNames,
    /// Common words that open sentences capitalised (not names).
    starters: FxHashSet<String>,
    pub related: related::Related,
    pub params: Params,
}

/// Result of aligning a set of claims.
#[derive(Debug, Clone, Default)]
pub struct Alignment {
    /// Groups of claim indices (two or more documents each), sorted.
    pub clusters: Vec<Vec<usize>>,
    /// Every matching pair (i < j) with its score.
    pub edges: Vec<(usize, usize, f64)>,
    /// Each claim's terms with their spans ([`Aligner::term_spans`]), in
    /// claim order, empty for claims in no cluster: all that judging reads
    /// of the claims' terms.
    pub spans: Vec<Vec<(String, usize, usize)>>,
    /// The documents (ids, ascending) of each story, stories in order of
    /// their first document (see `align::stories`); claims of two stories are never
    /// aligned.
    pub stories: Vec<Vec<String>>,
    /// Claims that say the same thing of different actors, by claim pair.
    pub actor_swaps: Vec<ActorSwap>,
}

/// Two claims of different documents, word for word the same but for the
/// actor each opens with ("Acme canceled the deal" / "Globex canceled the
/// deal"): one fact told of two actors, or two facts alike. The actor
/// vetoes keep them out of one cluster; judging reports the difference.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorSwap {
    /// Claim indices, `a < b`.
    pub a: usize,
    pub b: usize,
    /// The paraphrase model's score before the actor vetoes.
    pub score: f64,
    /// The actor each claim opens with, as written.
    pub actors: (String, String),
}

impl Aligner {
    pub fn new(rules: &RuleSet) -> Aligner {
        let stemmer = Stemmer::create(Algorithm::English);
        let stopwords: FxHashSet<String> = rules
            .stopwords
            .iter()
            .filter(|r| r.id != "sentence-starters")
            .flat_map(|r| r.words.iter().map(|w| w.to_lowercase()))
            .collect();
        let mut phrases = FxHashMap::default();
        let mut longest: FxHashMap<String, usize> = FxHashMap::default();
        for r in &rules.synonyms {
            for w in &r.words {
                let key: Vec<String> = tokens(&w.to_lowercase())
                    .iter()
                    .map(|t| stemmer.stem(t.text).into_owned())
                    .collect();
                if let Some(first) = key.first() {
                    let l = longest.entry(first.clone()).or_insert(0);
                    *l = (*l).max(key.len());
                }
                phrases.insert(key.join(" "), format!("~{}", r.id));
            }
        }
        let starters = rules
            .stopwords
            .iter()
            .filter(|r| r.id == "sentence-starters")
            .flat_map(|r| r.words.iter().map(|w| w.to_lowercase()))
            .collect();
        Aligner {
            stemmer,
            stopwords,
            phrases,
            longest,
            persons: PersonNames::new(rules),
            starters,
            related: related::Related::new(rules),
            params: Params::from_rules(rules),
        }
    }

    /// The claim's entities as the matcher reads them: a name opened by a
    /// common word ("Besides Japan", "Instead") loses that word, and a name
    /// left with none is no name.
    fn actors(&self, claim: &Claim) -> Vec<crate::model::Entity> {
        let mut out = Vec::new();
        for e in &claim.entities {
            let mut e = e.clone();
            let canonical = e.canonical.replace('-', " ");
            let words: Vec<&str> = canonical.split(' ').filter(|w| !w.is_empty()).collect();
            let skip = words
                .iter()
                .take_while(|w| {
                    let w = w.to_lowercase();
                    self.stopwords.contains(&w) || self.starters.contains(&w)
                })
                .count();
            if skip == words.len() {
                continue;
            }
            if skip > 0 {
                let text = &claim.text;
                let local = e.start.saturating_sub(claim.start);
                // Move the span past the dropped words.
                let mut cut = local;
                for w in &words[..skip] {
                    // A short window: the dropped words open the mention.
                    let window = text.get(cut..).map(|t| {
                        let mut n = t.len().min(64);
                        while !t.is_char_boundary(n) {
                            n -= 1;
                        }
                        &t[..n]
                    });
                    if let Some(p) = window.and_then(|t| t.to_lowercase().find(&w.to_lowercase())) {
                        cut += p + w.len();
                    }
                }
                let rest = text
                    .get(cut..)
                    .map_or(0, |t| t.len() - t.trim_start_matches([' ', ',']).len());
                e.start = claim.start + cut + rest;
                e.canonical = words[skip..].join(" ");
            } else {
                e.canonical = canonical;
            }
            out.push(e);
        }
        out
    }

    /// Each term of a claim with its byte span in the claim's text.
    pub fn term_spans(&self, claim: &Claim) -> Vec<(String, usize, usize)> {
        self.term_spans_with(claim, &self.lexicon(std::slice::from_ref(claim)))
    }

    fn term_spans_with(&self, claim: &Claim, lexicon: &Lexicon) -> Vec<(String, usize, usize)> {
        let entities = self.actors(claim);
        let words = lexicon.words(&claim.text);
        self.spans_with(claim, &entities, &words)
    }

    /// The [`Reading`] of every word the claims' texts write, each worked
    /// out once, in parallel.
    fn lexicon(&self, claims: &[Claim]) -> Lexicon {
        use rayon::prelude::*;
        let seen = distinct(claims, |c| tokens(&c.text).into_iter().map(|t| t.text));
        let words: Vec<&str> = seen.into_iter().collect();
        Lexicon::new(words.par_iter().map(|&w| (w, self.word_form(w))).collect())
    }

    /// Everything the matcher reads of one word as written.
    fn word_form(&self, word: &str) -> Reading {
        let lower = lower_word(word);
        let stem = self.stemmer.stem(&lower).into_owned();
        // A possessive is stemmed without its "'s".
        let bare = lower.trim_end_matches("'s");
        let term_stem = (bare.len() != lower.len()).then(|| self.stemmer.stem(bare).into_owned());
        let content = self.is_content(&lower);
        let term_word = content && lower.chars().count() > 1;
        let phrase_words = self
            .longest
            .get(term_stem.as_deref().unwrap_or(&stem))
            .copied()
            .unwrap_or(0);
        let mut bases = Vec::new();
        if content {
            self.related.bases(&lower, &mut bases);
        }
        Reading {
            ids: WordIds {
                lower_id: word_id(&lower),
                stem_id: word_id(&stem),
                cased_id: word_id(&word.to_lowercase()),
                prefix_id: word_id(&lower.chars().take(5).collect::<String>()),
                content,
                term_word,
                phrase_words,
            },
            bases,
            stem,
            term_stem,
        }
    }

    fn spans_with(
        &self,
        claim: &Claim,
        entities: &[crate::model::Entity],
        words: &Words,
    ) -> Vec<(String, usize, usize)> {
        let text = &claim.text;
        let base = claim.start;
        let mut out = Vec::new();
        // Tokens inside an entity mention become the entity term; one sweep
        // over both ordered lists keeps this linear.
        let mut ents = entities.iter().peekable();
        let kept: Vec<usize> = (0..words.toks.len())
            .filter(|&k| {
                let t = &words.toks[k];
                let (s, e) = (base + t.start, base + t.end);
                while ents.peek().is_some_and(|x| x.end <= s) {
                    ents.next();
                }
                !ents.peek().is_some_and(|x| x.start <= s && e <= x.end)
            })
            .collect();
        let toks: Vec<&crate::tokens::Token> = kept.iter().map(|&k| &words.toks[k]).collect();
        let forms: Vec<&lexicon::WordForm> = kept.iter().map(|&k| words.forms[k]).collect();
        let stems: Vec<&str> = forms.iter().map(|f| words.lexicon.term(f)).collect();
        let mut i = 0;
        while i < stems.len() {
            let mut matched = false;
            let n = forms[i].ids.phrase_words.min(stems.len() - i);
            // The longest candidate joined once; the shorter ones are its
            // prefixes.
            let mut joined = String::new();
            let mut ends = Vec::with_capacity(n);
            for (k, stem) in stems[i..i + n].iter().enumerate() {
                if k > 0 {
                    joined.push(' ');
                }
                joined.push_str(stem);
                ends.push(joined.len());
            }
            for len in (1..=n).rev() {
                if let Some(class) = self.phrases.get(&joined[..ends[len - 1]]) {
                    out.push((class.clone(), toks[i].start, toks[i + len - 1].end));
                    i += len;
                    matched = true;
                    break;
                }
            }
            if matched {
                continue;
            }
            if forms[i].ids.term_word {
                out.push((stems[i].to_string(), toks[i].start, toks[i].end));
            }
            i += 1;
        }
        for e in entities {
            if e.start >= base && e.end <= base + text.len() {
                out.push((format!("@{}", e.canonical.to_lowercase()), e.start - base, e.end - base));
            }
        }
        out
    }

    /// The terms of a claim.
    pub fn terms(&self, claim: &Claim) -> Terms {
        self.terms_with(claim, &self.lexicon(std::slice::from_ref(claim)))
    }

    /// The terms of several claims, each word read once for all of them.
    pub fn terms_of(&self, claims: &[Claim]) -> Vec<Terms> {
        use rayon::prelude::*;
        let lexicon = self.lexicon(claims);
        claims.par_iter().map(|c| self.terms_with(c, &lexicon)).collect()
    }

    /// [`Aligner::terms`], each word's form read from `lexicon`, which
    /// holds every word of the claim's text.
    fn terms_with(&self, claim: &Claim, lexicon: &Lexicon) -> Terms {
        let mut t = self.terms_light(claim, lexicon, true);
        let profile = self.profile(claim);
        let _ = profile.detail.set(self.detail(claim, &t, lexicon));
        t.profile = Some(Box::new(profile));
        t
    }

    /// The profile of a claim, its detail not yet built.
    fn profile(&self, claim: &Claim) -> Profile {
        Profile {
            chars: CharBigrams::new(&claim.text.to_lowercase()),
            detail: OnceLock::new(),
        }
    }

    /// The detail of a claim's profile ([`Aligner::profile`]), built once
    /// whichever pair asks first.
    fn ensure_detail(&self, claim: &Claim, t: &Terms, lexicon: &Lexicon) {
        t.profile().detail.get_or_init(|| self.detail(claim, t, lexicon));
    }

    /// The profile's detail of a claim whose other terms are `t`.
    fn detail(&self, claim: &Claim, t: &Terms, lexicon: &Lexicon) -> Detail {
        let words = lexicon.words(&claim.text);
        let forms = &words.forms;
        let all: Vec<u64> = forms.iter().map(|f| f.ids.stem_id).collect();
        let raw_ids: Vec<u64> = forms.iter().map(|f| f.ids.lower_id).collect();
        let mut caps: Vec<u64> = words
            .toks
            .iter()
            .zip(forms)
            .skip(1)
            .filter(|(t, _)| is_capitalised(t.text))
            .map(|(_, f)| f.ids.cased_id)
            .collect();
        caps.sort_unstable();
        caps.dedup();
        let mut prefixes: Vec<u64> = forms
            .iter()
            .filter(|f| f.ids.content)
            .map(|f| f.ids.prefix_id)
            .collect();
        prefixes.sort_unstable();
        let lower = claim.text.to_lowercase();
        let padded = padded_chars(&lower);
        let mut seq_pairs: Vec<(u64, u64)> = t.seq.windows(2).map(|w| (w[0], w[1])).collect();
        seq_pairs.sort_unstable();
        seq_pairs.dedup();
        let content: Vec<bool> = forms.iter().map(|f| f.ids.content).collect();
        let mut bases: Vec<(u64, u32)> = forms
            .iter()
            .flat_map(|f| lexicon.bases(f).iter().map(|&b| (f.ids.lower_id, b)))
            .collect();
        bases.sort_unstable();
        bases.dedup();
        let mut base_set: Vec<u32> = bases.iter().map(|&(_, b)| b).collect();
        base_set.sort_unstable();
        base_set.dedup();
        let reach_set = self.related.reach_all(&base_set);
        Detail {
            bases,
            base_set,
            reach_set,
            content,
            prefixes,
            caps,
            char3: CharGrams::of_padded(&padded, 3),
            char4: CharGrams::of_padded(&padded, 4),
            grams: [1, 2, 3, 4].map(|n| ngram_ids(&all, n)),
            raw_grams: [1, 2].map(|n| ngram_ids(&raw_ids, n)),
            seq_pairs,
            all,
            raw: raw_ids,
        }
    }

    /// [`Aligner::terms`] without the profile, each word's reading taken
    /// from `lexicon`. `keep_spans`: whether the terms keep their spans, which only
    /// judging reads (a run reads them again for clustered claims only).
    fn terms_light(&self, claim: &Claim, lexicon: &Lexicon, keep_spans: bool) -> Terms {
        let text = &claim.text;
        let base = claim.start;
        let actors = self.actors(claim);
        let words = lexicon.words(text);
        let spans = self.spans_with(claim, &actors, &words);
        let seq: Vec<u64> = spans
            .iter()
            .filter(|(t, _, _)| !t.starts_with('@'))
            .map(|(t, _, _)| word_id(t))
            .collect();
        // The attribution's span and the quantities' approximators ("at
        // least", "more than"), relative to the text.
        let attribution = claim
            .attribution
            .as_ref()
            .map(|a| (a.start.saturating_sub(base), a.end.saturating_sub(base)));
        let approximators: Vec<(usize, usize, &str)> = claim
            .quantities
            .iter()
            .filter_map(|q| {
                let a = q.approximator.as_deref()?;
                Some((q.start.saturating_sub(base), q.end.saturating_sub(base), a))
            })
            .collect();
        let inside = |x: &&(String, usize, usize)| {
            attribution.is_some_and(|(s, e)| s <= x.1 && x.2 <= e)
                || approximators.iter().any(|&(s, e, a)| {
                    s <= x.1
                        && x.2 <= e
                        && text
                            .get(x.1..x.2)
                            .is_some_and(|w| a.split_whitespace().any(|p| p.eq_ignore_ascii_case(w)))
                })
        };
        let outside: BTreeSet<&str> = spans
            .iter()
            .filter(|x| !inside(x))
            .map(|(t, _, _)| t.as_str())
            .collect();
        let mut incidental: BTreeSet<String> = spans
            .iter()
            .filter(|x| inside(x) && !outside.contains(x.0.as_str()))
            .map(|(t, _, _)| t.clone())
            .collect();
        drop(outside);
        let (terms, spans): (BTreeSet<String>, _) = if keep_spans {
            (spans.iter().map(|(t, _, _)| t.clone()).collect(), spans)
        } else {
            (spans.into_iter().map(|(t, _, _)| t).collect(), Vec::new())
        };
        let toks = &words.toks;
        let numbers = toks.iter().filter_map(|t| normalise_number(t.text)).collect();
        let dates = claim.dates.iter().filter_map(|d| d.value.clone()).collect();
        let entities: BTreeSet<String> = actors.iter().map(|e| e.canonical.to_lowercase()).collect();
        // The person a claim is attributed to is its source, not its actor.
        let speaker = claim.attribution.as_ref().and_then(|a| a.source.as_deref());
        let persons: BTreeSet<String> = actors
            .iter()
            .filter(|e| self.is_person(e) && Some(e.canonical.as_str()) != speaker)
            .map(|e| e.canonical.to_lowercase())
            .collect();
        let entity_keys = entities.iter().map(|x| ActorKey::new(x)).collect();
        let person_keys = persons.iter().map(|x| ActorKey::new(x)).collect();
        let opening = actors.first().filter(|e| {
            text.get(..e.start.saturating_sub(base))
                .is_some_and(|t| tokens(t).len() <= 3)
        });
        let subject_words = opening.map_or(0, |e| e.text.split_whitespace().count());
        let subject_sure = opening.is_some_and(|e| e.titled || subject_words >= 2 || self.is_person(e));
        let subject: Option<String> = opening.map(|e| e.canonical.to_lowercase());
        let measures: BTreeSet<String> = claim.quantities.iter().filter_map(|q| self.quantity_key(q)).collect();
        // The thing a figure counts ("820 people") is part of the quantity,
        // which one shared measure already stands for.
        incidental.extend(
            measures
                .iter()
                .filter_map(|m| m.split_once('/'))
                .map(|(_, thing)| thing)
                .filter(|&thing| thing != "*" && terms.contains(thing))
                .map(String::from),
        );
        let values = claim
            .quantities
            .iter()
            .filter_map(|q| q.value)
            .map(|v| format!("{v:.6e}"))
            .collect();
        let quoted = text.contains(['"', '“', '”']) || text.contains("``") || text.contains("''");
        let opener = toks
            .first()
            .filter(|t| is_capitalised(t.text))
            .map(|t| t.text.to_lowercase())
            .filter(|w| !self.stopwords.contains(w) && !self.starters.contains(w));
        // Each opens with a name (or an actor) whose first word the other
        // never writes ("Acme Corp" and "Globex Corp", which `same_actor`
        // takes as one by their shared "Corp"): see `subject_head_mismatch`.
        let head = opener
            .as_deref()
            .or_else(|| subject.as_deref().and_then(|x| x.split(' ').next()))
            .map(word_id);
        Terms {
            terms,
            incidental,
            entities,
            persons,
            entity_keys,
            person_keys,
            subject,
            subject_sure,
            subject_words,
            measures,
            seq,
            numbers,
            dates,
            negated: claim.negated,
            words: toks.len(),
            spans,
            values,
            quoted,
            head,
            profile: None,
        }
    }

    /// A word that carries content: not a stopword, not a figure.
    fn is_content(&self, w: &str) -> bool {
        !self.stopwords.contains(w) && !w.chars().any(|c| c.is_ascii_digit())
    }

    fn is_person(&self, e: &crate::model::Entity) -> bool {
        self.persons.is_person(e)
    }

    /// What a quantity counts, as `measure/thing`: the thing is the synonym
    /// class or stem of the counted noun ("people/~people" for consumers,
    /// "people/lawmak" for lawmakers), `*` when none is stated.
    pub fn quantity_key(&self, q: &crate::model::Quantity) -> Option<String> {
        let measure = q.measure.as_deref()?;
        let thing = match q.counted.as_deref() {
            Some(noun) => {
                let stem = self.stemmer.stem(&noun.to_lowercase()).into_owned();
                self.phrases.get(&stem).cloned().unwrap_or(stem)
            }
            None => "*".to_string(),
        };
        Some(format!("{measure}/{thing}"))
    }

    /// The features of a pair, in the order of [`FEATURES`]; each in [0, 1].
    pub fn features(&self, a: &Terms, b: &Terms, idf: &Idf) -> Vec<f64> {
        let (ia, ib) = Weighted::pair(a, b, idf);
        self.features_weighted(a, b, &ia, &ib, chars_dice(a, b)).to_vec()
    }

    /// [`Aligner::features`] with each side's term weights looked up once,
    /// and the pair's [`chars_dice`], which the claim matcher computed first.
    fn features_weighted(
        &self,
        a: &Terms,
        b: &Terms,
        ia: &Weighted,
        ib: &Weighted,
        chars: f64,
    ) -> [f64; FEATURES.len()] {
        let (wa, wb) = (ia.total, ib.total);
        let shared = ia.shared(ib);
        let dice = weighted_dice(ia, ib);
        let (contain_min, contain_max) = if wa > 0.0 && wb > 0.0 {
            (shared / wa.min(wb), shared / wa.max(wb))
        } else {
            (0.0, 0.0)
        };
        let (pa, pb) = (a.detail(), b.detail());
        let bigrams = {
            let (ba, bb) = (&pa.seq_pairs, &pb.seq_pairs);
            if ba.is_empty() || bb.is_empty() {
                0.0
            } else {
                2.0 * shared_sorted(ba, bb) as f64 / (ba.len() + bb.len()) as f64
            }
        };
        let entity_disjoint = flag(keys_disjoint(&a.entity_keys, &b.entity_keys));
        let missing = |x: &Terms, y: &Terms| {
            if x.entity_keys.is_empty() {
                0.0
            } else {
                x.entity_keys.iter().filter(|e| !e.named_in(&y.entity_keys)).count() as f64 / x.entity_keys.len() as f64
            }
        };
        let entity_missing = missing(a, b).max(missing(b, a));
        let person_disjoint = flag(keys_disjoint(&a.person_keys, &b.person_keys));
        // Aliases too: one actor opens both under two spellings.
        let measure = flag(
            a.measures
                .iter()
                .any(|x| b.measures.iter().any(|y| keys_compatible(x, y))),
        );
        let both_numbers = !a.numbers.is_empty() && !b.numbers.is_empty();
        let numbers_differ = flag(both_numbers && a.numbers != b.numbers);
        let numbers_one_side = flag(a.numbers.is_empty() != b.numbers.is_empty());
        let numbers_agree = flag(both_numbers && a.numbers == b.numbers);
        let length_ratio = if a.words.max(b.words) == 0 {
            0.0
        } else {
            a.words.min(b.words) as f64 / a.words.max(b.words) as f64
        };
        let negation_mismatch = flag(a.negated != b.negated);
        let dates_differ = flag(!a.dates.is_empty() && !b.dates.is_empty() && a.dates.is_disjoint(&b.dates));
        // Each side's words sorted, for unigram overlap and the added runs.
        let (sa, sb) = (&pa.grams[0], &pb.grams[0]);
        let words: [(f64, f64, f64); 4] =
            [1, 2, 3, 4].map(|n| ngram_overlap(&pa.grams[n - 1], &pb.grams[n - 1], pa.all.len(), pb.all.len(), n));
        let raw1 = ngram_overlap(&pa.raw_grams[0], &pb.raw_grams[0], pa.raw.len(), pb.raw.len(), 1);
        let raw2 = ngram_overlap(&pa.raw_grams[1], &pb.raw_grams[1], pa.raw.len(), pb.raw.len(), 2);
        let (lcs, edit) = lcs_and_edit(&pa.all, &pb.all);
        // Only the subjects differ ("Acme canceled the deal" / "Globex
        // canceled the deal"): who did what, whether or not the names are
        // sure ones. Up to `slack` other words may differ too.
        let slack = self.params.subject_swap_slack;
        let longer = pa.all.len().max(pb.all.len());
        let shared_words = (lcs * longer as f64).round() as usize;
        let swap = shared_words + a.subject_words.max(b.subject_words) + slack >= longer;
        let subject_mismatch = flag(match (&a.subject, &b.subject) {
            (Some(sa), Some(sb)) => {
                (a.subject_sure && b.subject_sure || swap)
                    && !known_actor(sa, &b.entities)
                    && !known_actor(sb, &a.entities)
                    && !alias(sa, sb)
            }
            _ => false,
        });
        // Content terms each side states and the other does not: the "same
        // event, different details" pairs.
        let (only_a, mass_a) = ia.unshared(ib);
        let (only_b, mass_b) = ib.unshared(ia);
        let common = ia.ids.len() - only_a;
        let (fewer, more) = (ia.ids.len().min(ib.ids.len()), ia.ids.len().max(ib.ids.len()));
        // Shares of the longer and the shorter side's terms the other states.
        let (terms_min, terms_max) = if fewer == 0 {
            (0.0, 0.0)
        } else {
            (common as f64 / more as f64, common as f64 / fewer as f64)
        };
        let unmatched_min = only_a.min(only_b);
        let unmatched_max = only_a.max(only_b);
        let idf_unmatched_max = (mass_a.max(mass_b) / 40.0).min(1.0);
        let char3 = pa.char3.cosine(&pb.char3);
        let char4 = pa.char4.cosine(&pb.char4);
        // A capitalised word of one side the other does not write at all.
        let caps_missing = |x: &Detail, y: &Detail| x.caps.iter().filter(|w| !y.raw.contains(w)).count();
        let caps_unmatched = capped(caps_missing(pa, pb) + caps_missing(pb, pa), 6);
        let both_values = !a.values.is_empty() && !b.values.is_empty();
        let values_differ = flag(both_values && a.values != b.values);
        let values_one_side = flag(a.values.is_empty() != b.values.is_empty());
        let quote_mismatch = flag(a.quoted != b.quoted);
        let length_diff = capped(a.words.abs_diff(b.words), 30);
        let subject_head_mismatch = flag(match (a.head, b.head) {
            (Some(x), Some(y)) => x != y && !pb.raw.contains(&x) && !pa.raw.contains(&y),
            _ => false,
        });
        let numbers_unmatched = capped(a.numbers.symmetric_difference(&b.numbers).count(), 4);
        let (prefix_min, prefix_max) = prefix_overlap(&pa.prefixes, &pb.prefixes);
        let (ea, eb) = (extra_runs(pa, sb), extra_runs(pb, sa));
        // Counted from both sides: a related pair usually counts twice.
        let related_words = capped(self.related_words(pa, pb) + self.related_words(pb, pa), 4);
        [
            dice,
            contain_min,
            contain_max,
            chars,
            bigrams,
            entity_disjoint,
            entity_missing,
            person_disjoint,
            subject_mismatch,
            measure,
            numbers_differ,
            numbers_one_side,
            numbers_agree,
            length_ratio,
            negation_mismatch,
            dates_differ,
            words[0].0,
            words[0].1,
            words[1].2,
            words[2].2,
            words[3].2,
            lcs,
            words[1].0,
            words[1].1,
            words[2].0,
            words[2].1,
            words[3].0,
            words[3].1,
            raw1.0,
            raw1.1,
            raw2.2,
            terms_min,
            terms_max,
            capped(unmatched_min, 10),
            capped(unmatched_max, 10),
            flag(unmatched_min == 0),
            idf_unmatched_max,
            char3,
            char4,
            edit,
            caps_unmatched,
            values_differ,
            values_one_side,
            quote_mismatch,
            length_diff,
            dice * dice,
            chars * chars,
            words[0].0 * words[0].0,
            lcs * lcs,
            char4 * char4,
            terms_min * terms_min,
            capped(ea.longest.min(eb.longest), 6),
            capped(ea.longest.max(eb.longest), 6),
            capped(ea.tail.max(eb.tail), 6),
            numbers_unmatched,
            prefix_min,
            prefix_max,
            subject_head_mismatch,
            related_words,
        ]
    }

    /// Similarity of two claims in [0, 1] given term weights: a logistic
    /// model over [`Aligner::features`], weights from the `[[align]]` rule.
    pub fn score(&self, a: &Terms, b: &Terms, idf: &Idf) -> f64 {
        let (ia, ib) = Weighted::pair(a, b, idf);
        self.score_weighted(a, b, &ia, &ib)
    }

    /// [`Aligner::score`] with each side's term weights looked up once.
    fn score_weighted(&self, a: &Terms, b: &Terms, ia: &Weighted, ib: &Weighted) -> f64 {
        self.score_parts(a, b, ia, ib).1
    }

    /// The model's score before the actor vetoes, and after them (the score).
    fn score_parts(&self, a: &Terms, b: &Terms, ia: &Weighted, ib: &Weighted) -> (f64, f64) {
        let p = &self.params;
        // The first feature alone decides half the pairs `check` runs the
        // model on: the rest need not be computed.
        if weighted_dice(ia, ib) < p.min_dice {
            return (0.0, 0.0);
        }
        self.model_parts(a, b, ia, ib, chars_dice(a, b))
    }

    /// [`Aligner::score_parts`] of a pair past the first feature's bound.
    fn model_parts(&self, a: &Terms, b: &Terms, ia: &Weighted, ib: &Weighted, chars: f64) -> (f64, f64) {
        let p = &self.params;
        let f = self.features_weighted(a, b, ia, ib, chars);
        let z = p.bias + f.iter().zip(&p.weights).map(|(x, w)| x * w).sum::<f64>();
        let before = 1.0 / (1.0 + (-z).exp());
        // Feature order: see FEATURES.
        let (entity_disjoint, person_disjoint, subject_mismatch) = (f[5], f[7], f[8]);
        let mut score = before;
        score *= 1.0 - p.veto_entity * entity_disjoint;
        score *= 1.0 - p.veto_person * person_disjoint;
        score *= 1.0 - p.veto_subject * subject_mismatch;
        (before, score)
    }

    /// The actors two claims open with, as written, when the claims say the
    /// same but for them: different actors (not one under two names: see
    /// [`alias`]), and the rest word for word the same, up to
    /// `subject_swap_slack` words. Both claims need profiles.
    fn actor_swap(&self, ca: &Claim, cb: &Claim, a: &Terms, b: &Terms) -> Option<(String, String)> {
        let (sa, sb) = (a.subject.as_ref()?, b.subject.as_ref()?);
        if sa == sb || known_actor(sa, &b.entities) || known_actor(sb, &a.entities) || alias(sa, sb) {
            return None;
        }
        let (pa, pb) = (a.detail(), b.detail());
        let longer = pa.all.len().max(pb.all.len());
        let (lcs, _) = lcs_and_edit(&pa.all, &pb.all);
        let shared_words = (lcs * longer as f64).round() as usize;
        if shared_words + a.subject_words.max(b.subject_words) + self.params.subject_swap_slack < longer {
            return None;
        }
        let opener = |c: &Claim| self.actors(c).into_iter().next().map(|e| e.text);
        let (xa, xb) = (opener(ca)?, opener(cb)?);
        // Each actor's last word (its head: a surname, "Corp") must be
        // missing from the other claim: "Alaska Gov. Sarah Palin" and "Gov.
        // Sarah Palin" only differ by a word added, and "Hansbrough, the
        // national player of the year" names the other's actor too.
        let head = |x: &str| {
            x.split(|c: char| !c.is_alphanumeric())
                .rfind(|w| !w.is_empty())
                .map(str::to_lowercase)
        };
        let (ha, hb) = (head(&xa)?, head(&xb)?);
        if pb.raw.contains(&word_id(&ha)) || pa.raw.contains(&word_id(&hb)) {
            return None;
        }
        // A place and its people ("Zealand", "Zealander"; "Iraq", "Iraqi").
        if ha.len() >= 4 && hb.len() >= 4 && (ha.starts_with(&hb) || hb.starts_with(&ha)) {
            return None;
        }
        Some((xa, xb))
    }

    /// How far two claims state one fact, in [0, 1]: weighted term overlap
    /// (Dice blended with containment in the shorter claim) blended with
    /// character similarity, pushed apart by different actors and pulled
    /// together by quantities of one measure. What `check` clusters on, with
    /// the paraphrase model of [`Aligner::score`] as a second way to match.
    pub fn claim_score(&self, a: &Terms, b: &Terms, idf: &Idf) -> f64 {
        let (ia, ib) = Weighted::pair(a, b, idf);
        self.claim_score_weighted(a, b, &ia, &ib, chars_dice(a, b))
    }

    /// Content words of `x` that `y` lacks, in any form, but that are related
    /// to a word of `y` ([`related::Related`]).
    fn related_words(&self, x: &Detail, y: &Detail) -> usize {
        x.bases
            .chunk_by(|p, q| p.0 == q.0)
            .filter(|run| {
                y.raw_grams[0].binary_search(&run[0].0).is_err()
                    && !run.iter().any(|(_, b)| y.base_set.binary_search(b).is_ok())
                    && self.related.reaches(run.iter().map(|&(_, b)| b), &y.reach_set)
            })
            .count()
    }

    /// [`Aligner::claim_score`] with each side's term weights looked up
    /// once, and the pair's [`chars_dice`].
    fn claim_score_weighted(&self, a: &Terms, b: &Terms, ia: &Weighted, ib: &Weighted, chars: f64) -> f64 {
        let p = &self.params.claim;
        let (wa, wb) = (ia.total, ib.total);
        let shared = ia.shared(ib);
        let lexical = if wa > 0.0 && wb > 0.0 {
            let dice = 2.0 * shared / (wa + wb);
            let contain = shared / wa.min(wb);
            (1.0 - p.containment) * dice + p.containment * contain
        } else {
            0.0
        };
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
        if same_measure(a, b) {
            score += p.measure_bonus;
        }
        score.clamp(0.0, 1.0)
    }

    /// How much two claims state in common: their shared terms, and a
    /// quantity of one measure on both sides ("lost $3.2bn" and "lost $32
    /// billion" share "lost" and a sum of money).
    fn shared_facts(&self, a: &Terms, b: &Terms, ia: &Weighted, ib: &Weighted) -> usize {
        ia.shared_count(ib) + usize::from(same_measure(a, b))
    }

    /// Align claims: candidate pairs from the index, scored, then grouped.
    pub fn align(&self, claims: &[Claim]) -> Alignment {
        use rayon::prelude::*;
        // Profiling aid: the time of each alignment step on stderr.
        let timing = std::env::var_os("CORROBORATE_DEBUG_TIMES").is_some();
        let mut clock = std::time::Instant::now();
        let mut lap = |step: &str, n: usize| {
            if timing {
                eprintln!("align {step}: {:.3} s ({n})", clock.elapsed().as_secs_f64());
            }
            clock = std::time::Instant::now();
        };
        let lexicon = self.lexicon(claims);
        lap("lexicon", lexicon.len());
        // Spans are judging's, and only for claims that end up in a cluster:
        // rebuilt for those below rather than held for every claim.
        let mut terms: Vec<Terms> = claims
            .par_iter()
            .map(|c| self.terms_light(c, &lexicon, false))
            .collect();
        lap("terms", terms.len());
        let (weighted, df) = intern(&mut terms);
        lap("weights", weighted.len());
        let (docs, doc_of) = documents(claims);
        let (story_docs, story_of, grouping) = self.stories(&docs, &doc_of, &weighted);
        lap("stories", story_docs.len());
        let pairs = self.candidates(&doc_of, &terms, &weighted, &df, &story_of);
        lap("candidates", pairs.len());
        drop(df);
        // Each story is scored and clustered on its own (no pair crosses
        // two), its claims' profiles built and dropped with it: memory then
        // grows with the largest story, not with the run.
        let mut stories: Vec<StoryWork> = (0..story_docs.len()).map(|_| StoryWork::default()).collect();
        for (i, t) in terms.into_iter().enumerate() {
            let story = &mut stories[story_of[i]];
            story.ids.push(i);
            story.terms.push(t);
        }
        for &(i, j) in &pairs {
            stories[story_of[i]].pairs.push((i, j));
        }
        drop(pairs);
        let done: Vec<StoryAlignment> = stories
            .into_par_iter()
            .map(|w| {
                self.align_story(claims, w, &weighted, &lexicon, &|i, j| {
                    grouping.far(doc_of[i], doc_of[j])
                })
            })
            .collect();
        if timing {
            eprintln!("align model runs: {}", done.iter().map(|d| d.model_runs).sum::<usize>());
        }
        // Back in the order of one pass over all candidates: edges by pair,
        // clusters by first claim.
        let mut edges: Vec<(usize, usize, f64)> = Vec::new();
        let mut clusters: Vec<Vec<usize>> = Vec::new();
        let mut spans = vec![Vec::new(); claims.len()];
        let mut actor_swaps = Vec::new();
        for d in done {
            edges.extend(d.edges);
            clusters.extend(d.clusters);
            actor_swaps.extend(d.actor_swaps);
            for (i, s) in d.spans {
                spans[i] = s;
            }
        }
        edges.sort_unstable_by_key(|&(i, j, _)| (i, j));
        clusters.sort_unstable();
        actor_swaps.sort_unstable_by_key(|x| (x.a, x.b));
        lap("scoring and clustering", clusters.len());
        Alignment {
            clusters,
            edges,
            spans,
            stories: story_docs,
            actor_swaps,
        }
    }

    /// One story's claims (`ids`, ascending, with their `terms`) scored on
    /// the story's candidate `pairs` and clustered, with the term spans of
    /// the claims that end up in a cluster. Claims are named by their index
    /// in `claims` throughout; `far` tells the pairs whose documents are far
    /// apart ([`stories::Grouping::far`]).
    fn align_story(
        &self,
        claims: &[Claim],
        work: StoryWork,
        weighted: &[Weighted],
        lexicon: &Lexicon,
        far: &(dyn Fn(usize, usize) -> bool + Sync),
    ) -> StoryAlignment {
        use rayon::prelude::*;
        let StoryWork { ids, mut terms, pairs } = work;
        let (ids, pairs) = (ids.as_slice(), pairs.as_slice());
        let local = |i: usize| ids.binary_search(&i).expect("a pair's claims are the story's");
        // Profiles only for claims some pair will score.
        let mut paired = vec![false; ids.len()];
        for &(i, j) in pairs {
            paired[local(i)] = true;
            paired[local(j)] = true;
        }
        terms
            .par_iter_mut()
            .zip(ids)
            .zip(&paired)
            .filter(|(_, p)| **p)
            .for_each(|((t, &i), _)| t.profile = Some(Box::new(self.profile(&claims[i]))));
        // Scored in parallel; `collect` keeps the candidates' order, so the
        // result does not depend on the number of threads.
        type Scored = (usize, usize, f64, Option<f64>, Option<ActorSwap>);
        let scored: Vec<Scored> = pairs
            .par_iter()
            .filter_map(|&(i, j)| {
                let (wi, wj) = (&weighted[i], &weighted[j]);
                let overlap = wi.overlap_share(wj);
                if overlap < self.params.prefilter {
                    return None;
                }
                let (ta, tb) = (&terms[local(i)], &terms[local(j)]);
                let chars = chars_dice(ta, tb);
                let s = self.claim_score_weighted(ta, tb, wi, wj, chars);
                // Staged: the paraphrase model costs far more than the claim
                // matcher, and below these bounds (the `clustering` rule) it
                // was never seen to pass; such pairs vote on `s` alone.
                if s < self.params.model_min_claim || overlap < self.params.model_min_overlap {
                    return Some((i, j, s, None, None));
                }
                // The model's first feature decides half these pairs
                // (`score_parts`); the others need both claims' detail.
                let (before, para) = if weighted_dice(wi, wj) < self.params.min_dice {
                    (0.0, 0.0)
                } else {
                    self.ensure_detail(&claims[i], ta, lexicon);
                    self.ensure_detail(&claims[j], tb, lexicon);
                    self.model_parts(ta, tb, wi, wj, chars)
                };
                // A match but for the actors: who did it is what differs.
                let swap = (before >= self.params.threshold && ta.subject.is_some() && tb.subject.is_some())
                    .then(|| self.actor_swap(&claims[i], &claims[j], ta, tb))
                    .flatten()
                    .map(|actors| ActorSwap {
                        a: i,
                        b: j,
                        score: before,
                        actors,
                    });
                Some((i, j, s, Some(para), swap))
            })
            .collect();
        for t in &mut terms {
            t.profile = None;
        }
        // Tuning aid: near-threshold pair scores on stderr.
        let debug = std::env::var_os("CORROBORATE_DEBUG_PAIRS").is_some();
        let model_runs = scored.iter().filter(|x| x.3.is_some()).count();
        let mut edges = Vec::new();
        let mut actor_swaps = Vec::new();
        let mut votes = Vec::with_capacity(scored.len());
        let p = &self.params;
        for (i, j, s, para, swap) in scored {
            actor_swaps.extend(swap);
            let para = para.unwrap_or(0.0);
            if debug && (s >= p.claim.threshold * 0.7 || para >= p.threshold * 0.7) {
                eprintln!("{:.3}\t{:.3}\t{}\t{}", s, para, claims[i].id, claims[j].id);
            }
            let best = s.max(para);
            let (ta, tb) = (&terms[local(i)], &terms[local(j)]);
            let matched = (s >= p.claim.threshold
                && self.shared_facts(ta, tb, &weighted[i], &weighted[j]) >= p.claim.min_shared)
                || para >= p.threshold;
            if matched {
                edges.push((i, j, best));
            }
            let (li, lj) = (local(i), local(j));
            let disjoint = keys_disjoint(&terms[li].entity_keys, &terms[lj].entity_keys);
            let vote = best
                - p.cluster_threshold
                - flag(disjoint) * p.cluster_entity_penalty
                - flag(persons_apart(&terms[li], &terms[lj])) * p.cluster_person_penalty
                - flag(far(i, j)) * p.cluster_document_penalty;
            votes.push((li, lj, vote, matched));
        }
        let mine: Vec<&Claim> = ids.iter().map(|&i| &claims[i]).collect();
        let clusters: Vec<Vec<usize>> = group(&mine, &votes, &terms, &p.events)
            .into_iter()
            .map(|g| g.into_iter().map(|k| ids[k]).collect())
            .collect();
        drop(terms);
        // Spans are judging's, and only for claims that end up in a cluster.
        let clustered: Vec<usize> = clusters.iter().flatten().copied().collect();
        let spans = clustered
            .par_iter()
            .map(|&i| (i, self.term_spans_with(&claims[i], lexicon)))
            .collect();
        StoryAlignment {
            clusters,
            edges,
            spans,
            actor_swaps,
            model_runs,
        }
    }

    /// The stories ([`stories::group`]) as document ids, and each claim's
    /// story. `docs` and `doc_of` are [`documents`]. A document's terms are
    /// its claims' terms, counted once a claim.
    fn stories(
        &self,
        docs: &[&str],
        doc_of: &[usize],
        weighted: &[Weighted],
    ) -> (Vec<Vec<String>>, Vec<usize>, stories::Grouping) {
        let mut claims_of: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
        for (i, &d) in doc_of.iter().enumerate() {
            claims_of[d].push(i);
        }
        // Each document's terms with how many of its claims hold them, ids
        // ascending; documents in parallel.
        use rayon::prelude::*;
        let bags: Vec<Vec<(u32, f64)>> = claims_of
            .par_iter()
            .map(|members| {
                let mut ids: Vec<u32> = members.iter().flat_map(|&i| weighted[i].ids.iter().copied()).collect();
                ids.sort_unstable();
                ids.chunk_by(|a, b| a == b)
                    .map(|run| (run[0], run.len() as f64))
                    .collect()
            })
            .collect();
        let grouping = stories::group(&bags, &self.params.stories);
        let story = &grouping.story;
        let mut out = vec![Vec::new(); story.iter().max().map_or(0, |m| m + 1)];
        for (k, &d) in docs.iter().enumerate() {
            out[story[k]].push(d.to_string());
        }
        let of = doc_of.iter().map(|&d| story[d]).collect();
        (out, of, grouping)
    }

    /// Pairs of claims of different documents that share one of their
    /// rarest terms or a measure class: the blocking index. Each claim posts
    /// only its `block_terms` rarest terms, and a term shared by more than
    /// `max_postings` claims (or `max_df` of them) proposes nothing alone, so
    /// the number of pairs grows linearly with the number of claims; with
    /// `block_pairs`, a claim whose chosen terms all propose nothing pairs
    /// with the claims that hold two of them. Only claims of one story
    /// (`story_of`, one entry per claim) pair.
    fn candidates(
        &self,
        doc_of: &[usize],
        terms: &[Terms],
        weighted: &[Weighted],
        df: &[usize],
        story_of: &[usize],
    ) -> Vec<(usize, usize)> {
        use rayon::prelude::*;
        // Each claim's rarest terms, chosen in parallel: rarest first, ties
        // by name (ids are in name order), so the choice is deterministic.
        let chosen: Vec<Vec<u32>> = weighted
            .par_iter()
            .map(|w| {
                let mut rare: Vec<(u32, f64)> = w.ids.iter().copied().zip(w.weights.iter().copied()).collect();
                rare.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                rare.into_iter()
                    .filter(|&(x, _)| df[x as usize] >= 2)
                    .take(self.params.block_terms)
                    .map(|(x, _)| x)
                    .collect()
            })
            .collect();
        // Postings by term id, in id order.
        let mut postings: Vec<Vec<usize>> = vec![Vec::new(); df.len()];
        // Measure classes post apart from terms: keys of their own.
        let mut measure_postings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let cap = ((self.params.max_df * terms.len() as f64).ceil() as usize)
            .min(self.params.max_postings)
            .max(3);
        for (i, (t, chosen)) in terms.iter().zip(&chosen).enumerate() {
            for &term in chosen {
                postings[term as usize].push(i);
            }
            for m in &t.measures {
                measure_postings
                    .entry(m.split('/').next().unwrap_or(m))
                    .or_default()
                    .push(i);
            }
        }
        // A claim whose chosen terms are all too common to propose (a
        // headline naming only the story's protagonist and its verb) would
        // get no candidate at all: for such a claim, two terms together,
        // one of them too common alone, are a key of their own, rarer than
        // either, which it shares with the claims that hold both.
        let common = |x: u32| postings[x as usize].len() > cap;
        let starved: Vec<bool> = chosen
            .iter()
            .map(|chosen| self.params.block_pairs && !chosen.is_empty() && chosen.iter().all(|&x| common(x)))
            .collect();
        let mut compound: Vec<((u32, u32), usize)> = Vec::new();
        if starved.contains(&true) {
            for (i, chosen) in chosen.iter().enumerate() {
                for (k, &a) in chosen.iter().enumerate() {
                    for &b in &chosen[k + 1..] {
                        if common(a) || common(b) {
                            compound.push(((a.min(b), a.max(b)), i));
                        }
                    }
                }
            }
            compound.sort_unstable();
        }
        let mut pairs = Vec::new();
        let mut propose = |list: &[usize]| {
            if list.len() < 2 || list.len() > cap {
                return;
            }
            for (x, &i) in list.iter().enumerate() {
                for &j in &list[x + 1..] {
                    if doc_of[i] != doc_of[j] && story_of[i] == story_of[j] {
                        pairs.push((i.min(j), i.max(j)));
                    }
                }
            }
        };
        for list in postings.iter().chain(measure_postings.values()) {
            propose(list);
        }
        for run in compound.chunk_by(|x, y| x.0 == y.0) {
            if run.len() > cap {
                continue;
            }
            for &(_, i) in run.iter().filter(|x| starved[x.1]) {
                for &(_, j) in run {
                    if i != j && doc_of[i] != doc_of[j] && story_of[i] == story_of[j] {
                        pairs.push((i.min(j), i.max(j)));
                    }
                }
            }
        }
        pairs.par_sort_unstable();
        pairs.dedup();
        pairs
    }
}

/// The claims' documents, ids ascending, and each claim's document as a
/// number into them: what story grouping reads, and what candidate
/// blocking compares for every pair a posting list proposes.
fn documents(claims: &[Claim]) -> (Vec<&str>, Vec<usize>) {
    let docs = crate::model::documents_of(claims);
    let doc_of = claims
        .iter()
        .map(|c| {
            docs.binary_search(&c.doc.as_str())
                .expect("every claim's document is listed")
        })
        .collect();
    (docs, doc_of)
}

/// One actor under two names: the same name, or names sharing a word of
/// three letters or more ("Bush" and "George W. Bush", "Supreme Court" and
/// "U.S. Supreme Court").
fn same_actor(x: &str, y: &str) -> bool {
    x == y
        || x.split(' ')
            .any(|w| w.chars().count() >= 3 && y.split(' ').any(|v| v == w))
}

/// A name as `same_actor` compares it, read once: the name's id and the
/// sorted ids of its words of three letters or more. Pair scoring compares
/// the actors of every scored pair, and splitting the names anew each time
/// was a tenth of its cost.
#[derive(Debug, Clone, Default)]
pub struct ActorKey {
    id: u64,
    words: Box<[u64]>,
}

impl ActorKey {
    pub fn new(name: &str) -> ActorKey {
        let mut words: Vec<u64> = name
            .split(' ')
            .filter(|w| w.chars().count() >= 3)
            .map(word_id)
            .collect();
        words.sort_unstable();
        words.dedup();
        ActorKey {
            id: word_id(name),
            words: words.into_boxed_slice(),
        }
    }

    /// `same_actor` of the two names.
    fn same(&self, other: &ActorKey) -> bool {
        self.id == other.id || shared_sorted(&self.words, &other.words) > 0
    }

    /// One of `set` is this actor ([`ActorKey::same`]).
    fn named_in(&self, set: &[ActorKey]) -> bool {
        set.iter().any(|y| self.same(y))
    }
}

/// The Sørensen–Dice coefficient of two profiled claims' character bigrams:
/// both the claim matcher and the paraphrase model read it.
fn chars_dice(a: &Terms, b: &Terms) -> f64 {
    a.profile().chars.dice(&b.profile().chars)
}

/// Each claim names a person the other never names, whatever else they
/// share ("Klitschko stopped Rahman" and "Klitschko stopped Thompson").
fn persons_apart(a: &Terms, b: &Terms) -> bool {
    names_another_person(&a.persons, &b.entities) && names_another_person(&b.persons, &a.entities)
}

/// One of `persons` is none of `names`, by any of its names ([`known_actor`]):
/// what [`persons_apart`] asks of two claims and the clusters' event
/// evidence of two clusters.
fn names_another_person(persons: &BTreeSet<String>, names: &BTreeSet<String>) -> bool {
    persons.iter().any(|p| !known_actor(p, names))
}

/// Both claims name actors and no actor of one is an actor of the other
/// (under [`same_actor`]).
fn keys_disjoint(a: &[ActorKey], b: &[ActorKey]) -> bool {
    !a.is_empty() && !b.is_empty() && !a.iter().any(|x| x.named_in(b))
}

/// Two lower-cased names of one actor that [`same_actor`] does not see:
/// an acronym and its words ("ata", "air transport association": initials
/// of the words other than "of", "and", "the", "for", "&"), a possessive
/// or plural "s" ("hp", "hps"), or one letter's difference in a word of six
/// or more ("defense", "defence"; "falluja", "al fallujah").
fn alias(x: &str, y: &str) -> bool {
    // Pair scoring asks this of every pair's actors: no allocation, and
    // the spelling test only for words of near lengths.
    // A dotted abbreviation gives each of its letters ("U.S. Geological
    // Survey" is "usgs").
    fn initials(s: &str) -> impl Iterator<Item = char> + '_ {
        s.split(' ')
            .filter(|w| !matches!(*w, "of" | "and" | "the" | "for" | "&"))
            .flat_map(|w| w.split('.').filter(|p| !p.is_empty()))
            .filter_map(|w| w.chars().next())
    }
    let acronym = |a: &str, b: &str| a.len() >= 2 && !a.contains(' ') && b.contains(' ') && initials(b).eq(a.chars());
    let plural = |a: &str, b: &str| a.len() >= 2 && b.strip_suffix('s') == Some(a);
    let long = |w: &&str| w.len() >= 6 && w.chars().count() >= 6;
    let spelling = x
        .split(' ')
        .filter(long)
        .any(|v| y.split(' ').filter(long).any(|w| one_edit_apart(v, w)));
    acronym(x, y) || acronym(y, x) || plural(x, y) || plural(y, x) || spelling
}

/// `strsim::levenshtein(a, b) == 1`: one character inserted, deleted or
/// replaced.
fn one_edit_apart(a: &str, b: &str) -> bool {
    if a.len().abs_diff(b.len()) > 4 || a == b {
        return false;
    }
    if a.is_ascii() && b.is_ascii() {
        return one_edit_apart_in(a.as_bytes(), b.as_bytes());
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    one_edit_apart_in(&a, &b)
}

/// [`one_edit_apart`] of two different sequences.
fn one_edit_apart_in<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let first = short.iter().zip(long).take_while(|(p, q)| p == q).count();
    if short.len() == long.len() {
        first < short.len() && short[first + 1..] == long[first + 1..]
    } else {
        short[first..] == long[first + 1..]
    }
}

/// Shared items of two sorted lists (multiset): (share of the longer
/// list, share of the shorter).
fn prefix_overlap(a: &[u64], b: &[u64]) -> (f64, f64) {
    if a.is_empty() || b.is_empty() {
        return (0.0, 0.0);
    }
    let s = shared_sorted(a, b) as f64;
    (s / a.len().max(b.len()) as f64, s / a.len().min(b.len()) as f64)
}

/// Runs of content words of one sentence that the other does not write
/// (stopwords neither break nor extend a run): an added clause ("..., as he
/// screamed in pain") is what most often makes two close sentences state
/// different facts.
struct ExtraRuns {
    /// The longest run.
    longest: usize,
    /// The run that ends the sentence.
    tail: usize,
}

fn extra_runs(x: &Detail, other: &[u64]) -> ExtraRuns {
    let (mut longest, mut run, mut shares_any) = (0, 0, false);
    for (w, &content) in x.all.iter().zip(&x.content) {
        if !content {
            continue;
        }
        if other.binary_search(w).is_ok() {
            shares_any = true;
            run = 0;
        } else {
            run += 1;
            longest = longest.max(run);
        }
    }
    ExtraRuns {
        longest,
        // A sentence with no word in common is all extra, not an added clause.
        tail: if shares_any { run } else { 0 },
    }
}

fn flag(b: bool) -> f64 {
    if b { 1.0 } else { 0.0 }
}

/// A figure written in digits, without thousands separators and trailing
/// zero decimals ("1,200" and "1200.00" give "1200"); None for words.
pub fn normalise_number(word: &str) -> Option<String> {
    let w = word.trim_start_matches(['$', '£', '€']);
    if !w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let digits: String = w
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    let digits = digits.trim_end_matches('.');
    let digits = if digits.contains('.') {
        digits.trim_end_matches('0').trim_end_matches('.')
    } else {
        digits
    };
    Some(digits.to_string())
}

/// Two quantity keys count the same thing: one measure, and the same
/// counted thing or one left unstated.
pub fn keys_compatible(a: &str, b: &str) -> bool {
    let (ma, ta) = a.split_once('/').unwrap_or((a, "*"));
    let (mb, tb) = b.split_once('/').unwrap_or((b, "*"));
    ma == mb && (ta == tb || ta == "*" || tb == "*")
}

/// A claim's terms as ids in the terms' string order, each with its idf
/// weight, and their total weight. Sums run in the same order as over the
/// `BTreeSet<String>` they come from, so the figures are the same to the bit.
#[derive(Debug, Clone, Default)]
struct Weighted {
    ids: Vec<u32>,
    weights: Vec<f64>,
    total: f64,
    /// Of `ids`, those of [`Terms::incidental`]: no shared fact.
    incidental: Vec<u32>,
}

impl Weighted {
    /// Ids with their weights, in that order; the total sums them in it.
    fn new(ids: Vec<u32>, weights: Vec<f64>) -> Weighted {
        let total = weights.iter().fold(0.0, |t, &x| t + x);
        Weighted {
            ids,
            weights,
            total,
            incidental: Vec::new(),
        }
    }

    /// Ids into `vocab`: sorted distinct terms that hold every term given,
    /// each id replaced by its representative `rep` (spelling variants of
    /// a name are one term); a second variant in one claim counts once.
    fn interned(terms: &BTreeSet<String>, vocab: &[&str], rep: &[u32], idf: &Idf) -> Weighted {
        let mut items: Vec<(u32, f64)> = terms
            .iter()
            .map(|t| {
                (
                    rep[vocab.binary_search(&t.as_str()).unwrap_or_else(|at| at)],
                    idf.weight(t),
                )
            })
            .collect();
        // Stable: with no variant, the order (and so every sum) is the
        // terms' string order.
        items.sort_by_key(|&(id, _)| id);
        items.dedup_by_key(|&mut (id, _)| id);
        let (ids, weights) = items.into_iter().unzip();
        Weighted::new(ids, weights)
    }

    /// Terms given as ids (in string order), weighted by their document
    /// frequency `df` among `docs` claims as [`Idf::weight`] does.
    fn of_ids(ids: Vec<u32>, df: &[usize], docs: usize) -> Weighted {
        let weights = ids.iter().map(|&k| Idf::weight_of(df[k as usize], docs)).collect();
        Weighted::new(ids, weights)
    }

    /// Both claims' terms as ids into the union of their terms.
    fn pair(a: &Terms, b: &Terms, idf: &Idf) -> (Weighted, Weighted) {
        let vocab: Vec<&str> = a.terms.union(&b.terms).map(String::as_str).collect();
        let rep = spelling::representatives(&vocab);
        (
            Weighted::interned(&a.terms, &vocab, &rep, idf),
            Weighted::interned(&b.terms, &vocab, &rep, idf),
        )
    }

    /// This side's terms the other lacks: how many, and their weight summed
    /// in this side's order.
    fn unshared(&self, other: &Weighted) -> (usize, f64) {
        let (mut j, mut n, mut sum) = (0, 0, 0.0);
        for (&id, &w) in self.ids.iter().zip(&self.weights) {
            while j < other.ids.len() && other.ids[j] < id {
                j += 1;
            }
            if other.ids.get(j) != Some(&id) {
                n += 1;
                sum += w;
            }
        }
        (n, sum)
    }

    /// The positions in `self.ids` of the terms `other` holds too, in order.
    fn common<'a>(&'a self, other: &'a Weighted) -> impl Iterator<Item = usize> + 'a {
        let (mut i, mut j) = (0, 0);
        std::iter::from_fn(move || {
            while i < self.ids.len() && j < other.ids.len() {
                match self.ids[i].cmp(&other.ids[j]) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        i += 1;
                        j += 1;
                        return Some(i - 1);
                    }
                }
            }
            None
        })
    }

    /// The weight of the terms both share, summed in this side's order.
    fn shared(&self, other: &Weighted) -> f64 {
        self.common(other).fold(0.0, |sum, i| sum + self.weights[i])
    }

    /// How many terms the two share, leaving out either's incidental ones.
    fn shared_count(&self, other: &Weighted) -> usize {
        self.common(other)
            .map(|i| self.ids[i])
            .filter(|k| self.incidental.binary_search(k).is_err() && other.incidental.binary_search(k).is_err())
            .count()
    }

    /// The idf-weighted share of the smaller term set that the other
    /// shares: a cheap bound used to skip pairs before full scoring.
    fn overlap_share(&self, other: &Weighted) -> f64 {
        let (small, large) = if self.ids.len() <= other.ids.len() {
            (self, other)
        } else {
            (other, self)
        };
        if small.total <= 0.0 {
            return 0.0;
        }
        small.shared(large) / small.total
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
        Idf::weight_of(self.df.get(term).copied().unwrap_or(0), self.docs)
    }

    /// The weight of a term found in `df` of `docs` claims.
    fn weight_of(df: usize, docs: usize) -> f64 {
        ((docs as f64 + 1.0) / (df as f64 + 1.0)).ln() + 1.0
    }
}

/// The `dice` feature: the rarity-weighted Dice overlap of two claims' terms.
fn weighted_dice(ia: &Weighted, ib: &Weighted) -> f64 {
    let (wa, wb) = (ia.total, ib.total);
    if wa > 0.0 && wb > 0.0 {
        2.0 * ia.shared(ib) / (wa + wb)
    } else {
        0.0
    }
}

/// Both claims hold a quantity of one measure class.
fn same_measure(a: &Terms, b: &Terms) -> bool {
    a.measures
        .iter()
        .any(|x| b.measures.iter().any(|y| keys_compatible(x, y)))
}

/// Items a thread reads at a time when listing distinct words: enough for
/// a chunk's set of words to pay, small enough that the chunks keep both
/// threads busy.
const WORD_CHUNK: usize = 1024;

/// The distinct words `words` gives of all `items`, gathered in parallel.
fn distinct<'a, T, I>(items: &'a [T], words: impl Fn(&'a T) -> I + Sync) -> FxHashSet<&'a str>
where
    T: Sync,
    I: Iterator<Item = &'a str>,
{
    use rayon::prelude::*;
    items
        .par_chunks(WORD_CHUNK)
        .map(|chunk| chunk.iter().flat_map(&words).collect::<FxHashSet<&str>>())
        .reduce(FxHashSet::default, |mut a, b| {
            a.extend(b);
            a
        })
}

/// A word lower-cased, curly apostrophes straightened, hyphens dropped.
fn lower_word(word: &str) -> String {
    let w = word.to_lowercase();
    let w = if w.contains('’') { w.replace('’', "'") } else { w };
    // "south-west" and "southwest", "e-mail" and "email", "cease-fire" and
    // "ceasefire" are one word; a figure keeps its hyphen ("6.8-magnitude").
    if w.contains('-') && !w.chars().any(|c| c.is_ascii_digit()) {
        w.replace('-', "")
    } else {
        w
    }
}

/// Each claim's terms as ids in string order, weighted by their rarity
/// among the claims, and each id's document frequency: the prefilter and
/// the claim matcher then merge two sorted lists. Spelling variants of a
/// name take one id ([`spelling`]). The term strings have then served and
/// are dropped from `terms`.
fn intern(terms: &mut [Terms]) -> (Vec<Weighted>, Vec<usize>) {
    use rayon::prelude::*;
    // Each claim's terms and incidental terms (a subset, also in string
    // order) as ids.
    let (ids, incidental): (Vec<Vec<u32>>, Vec<Vec<u32>>) = {
        // The distinct terms, sorted: gathered in parallel (every claim's
        // terms sorted together were a tenth of the run's wall time).
        let mut vocab: Vec<&str> = distinct(terms, |t| t.terms.iter().map(String::as_str))
            .into_iter()
            .collect();
        vocab.par_sort_unstable();
        let rep = spelling::representatives(&vocab);
        let index: FxHashMap<&str, u32> = vocab.iter().zip(&rep).map(|(&t, &r)| (t, r)).collect();
        let ids_of = |set: &BTreeSet<String>| {
            let mut ids: Vec<u32> = set.iter().map(|x| index[x.as_str()]).collect();
            // A spelling variant's id may sort before its neighbours', or
            // repeat another term's.
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        terms
            .par_iter()
            .map(|t| (ids_of(&t.terms), ids_of(&t.incidental)))
            .unzip()
    };
    terms.par_iter_mut().for_each(|t| {
        t.terms = BTreeSet::new();
        t.incidental = BTreeSet::new();
    });
    let mut df = vec![0usize; ids.iter().flatten().max().map_or(0, |&m| m as usize + 1)];
    for &k in ids.iter().flatten() {
        df[k as usize] += 1;
    }
    let weighted = ids
        .into_par_iter()
        .zip(incidental)
        .map(|(ids, incidental)| Weighted {
            incidental,
            ..Weighted::of_ids(ids, &df, terms.len())
        })
        .collect();
    (weighted, df)
}

/// A term of a claim with its byte span in the claim's text.
pub type TermSpan = (String, usize, usize);

/// One story's share of the run: its claims (ascending), their terms, and
/// its candidate pairs.
#[derive(Default)]
struct StoryWork {
    ids: Vec<usize>,
    terms: Vec<Terms>,
    pairs: Vec<(usize, usize)>,
}

/// What [`Aligner::align_story`] finds in one story.
struct StoryAlignment {
    clusters: Vec<Vec<usize>>,
    edges: Vec<(usize, usize, f64)>,
    /// Term spans of the clustered claims.
    spans: Vec<(usize, Vec<TermSpan>)>,
    actor_swaps: Vec<ActorSwap>,
    model_runs: usize,
}

/// Clusters of the pair votes (see [`cluster::agglomerate`]), each spanning
/// two or more documents; claims and clusters in input order.
fn group(claims: &[&Claim], votes: &[cluster::Vote], terms: &[Terms], vetoes: &events::Vetoes) -> Vec<Vec<usize>> {
    let signatures = claims
        .iter()
        .zip(terms)
        .map(|(c, t)| events::Signature::of(c, &t.entities, &t.persons, vetoes))
        .collect();
    cluster::agglomerate(claims.len(), votes, signatures, 0.0)
        .into_iter()
        .filter(|g| g.iter().any(|&i| claims[i].doc != claims[g[0]].doc))
        .collect()
}

/// `x` is one of the actors of `set`, under [`same_actor`] or as an
/// [`alias`] (one actor opens both claims under two spellings).
fn known_actor(x: &str, set: &BTreeSet<String>) -> bool {
    set.iter().any(|y| same_actor(x, y) || alias(x, y))
}

/// [`keys_disjoint`] of the names, but an [`alias`] is one actor too ("Marrakech" and
/// "Marrakesh"; "ATA" and "Air Transport Association").
fn actors_apart(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    !a.is_empty() && !b.is_empty() && !a.iter().any(|x| known_actor(x, b))
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
    fn an_actor_swap_is_the_same_words_told_of_another_actor() {
        let e = engine();
        let swap = |x: &str, y: &str| {
            let (a, b) = (claim(&e, "a", x), claim(&e, "b", y));
            let (ta, tb) = (e.aligner.terms(&a), e.aligner.terms(&b));
            e.aligner.actor_swap(&a, &b, &ta, &tb)
        };
        let found = swap(
            "Apple bought the startup for $200 million last week.",
            "Google bought the startup for $200 million last week.",
        );
        assert_eq!(found, Some(("Apple".to_string(), "Google".to_string())));
        for (x, y) in [
            // One actor under two names.
            (
                "Obama signed the bill on Monday.",
                "President Obama signed the bill on Monday.",
            ),
            (
                "Microsoft released the patch on Tuesday.",
                "Microsoft Corp. released the patch on Tuesday.",
            ),
            // A word added before the same actor.
            (
                "Ohio Gov. jane doe 's church was damaged in a fire on Sunday.",
                "Gov. Jane Doe 's church was damaged in a fire on Sunday.",
            ),
            // The other's actor named too, in another role.
            (
                "The reigning Coach of the Year won the final on Sunday.",
                "Marsh, the reigning coach of the year, won the final on Sunday.",
            ),
            // A place and its people.
            (
                "The New Zealand climber fell near the hut on Friday.",
                "The New Zealander climber fell near the hut on Friday.",
            ),
            // More differs than the actor.
            (
                "Apple bought the startup last week.",
                "Google opened a new office in Dublin last week.",
            ),
        ] {
            assert_eq!(swap(x, y), None, "{x} | {y}");
        }
    }

    #[test]
    fn aliases_are_one_actor_and_near_names_are_not() {
        for (x, y) in [
            ("ata", "air transport association"),
            ("asean", "association of south east asian nations"),
            ("hp", "hps"),
            ("defense", "defence"),
            ("falluja", "al fallujah"),
            ("usgs", "u.s. geological survey"),
        ] {
            assert!(alias(x, y) && alias(y, x), "{x} | {y}");
        }
        for (x, y) in [
            ("iran", "iraq"),
            ("austria", "australia"),
            ("acme", "globex"),
            ("ap", "air transport"),
        ] {
            assert!(!alias(x, y), "{x} | {y}");
        }
    }

    proptest::proptest! {
        // `ActorKey::same` is `same_actor` read once per name: the two must
        // never disagree, whichever the scorer or the clusterer asks.
        #[test]
        fn actor_keys_agree_with_same_actor(
            x in "(ab|acme|corp|al|de|globex|smith|é|[a-z]{1,4})( (ab|acme|corp|al|de|globex|smith|é|[a-z]{1,4})){0,3}",
            y in "(ab|acme|corp|al|de|globex|smith|é|[a-z]{1,4})( (ab|acme|corp|al|de|globex|smith|é|[a-z]{1,4})){0,3}",
        ) {
            proptest::prop_assert_eq!(ActorKey::new(&x).same(&ActorKey::new(&y)), same_actor(&x, &y));
        }
    }

    proptest::proptest! {
        // `one_edit_apart` stands for strsim's distance in `alias`.
        #[test]
        fn one_edit_apart_is_levenshtein_one(
            a in "[abé🙂]{0,8}",
            b in "[abé🙂]{0,8}",
        ) {
            proptest::prop_assert_eq!(one_edit_apart(&a, &b), strsim::levenshtein(&a, &b) == 1);
        }
    }

    #[test]
    fn same_actor_shares_a_word_of_three_letters_or_more() {
        assert!(same_actor("acme corp", "acme"));
        assert!(same_actor("al", "al"));
        assert!(!same_actor("al smith", "al jones"));
        assert!(!same_actor("acme", "globex"));
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
        let mut terms: Vec<Terms> = claims.iter().map(|c| e.aligner.terms(c)).collect();
        let (weighted, df) = intern(&mut terms);
        let pairs = e
            .aligner
            .candidates(&documents(&claims).1, &terms, &weighted, &df, &[0; 4]);
        assert!(pairs.iter().all(|&(i, j)| claims[i].doc != claims[j].doc));
        assert!(!pairs.contains(&(0, 3)) && !pairs.contains(&(1, 3)));
        let al = e.aligner.align(&claims);
        assert_eq!(al.clusters, vec![vec![0, 1, 2]]);
    }

    /// A headline that names only the story's subject and its verb, both
    /// in too many claims to propose alone, still gets the candidates that
    /// hold both (`block_pairs`).
    #[test]
    fn a_claim_of_common_terms_only_posts_them_in_pairs() {
        let texts = [
            "Kessler Tower collapsed.",
            "Kessler Tower has collapsed.",
            "Kessler Tower opened in 1931.",
            "Kessler Tower draws tourists.",
            "Kessler Tower stands downtown.",
            "Kessler Tower sold its roof garden.",
            "The old bridge collapsed.",
            "A mine shaft collapsed.",
            "The stadium roof collapsed.",
            "Talks collapsed in June.",
        ];
        let pairs_with = |block_pairs: bool| {
            let mut e = engine();
            e.aligner.params.block_pairs = block_pairs;
            let claims: Vec<Claim> = texts
                .iter()
                .enumerate()
                .map(|(k, t)| claim(&e, &format!("d{k}"), t))
                .collect();
            let mut terms: Vec<Terms> = claims.iter().map(|c| e.aligner.terms(c)).collect();
            let (weighted, df) = intern(&mut terms);
            e.aligner
                .candidates(&documents(&claims).1, &terms, &weighted, &df, &[0; 10])
        };
        let (on, off) = (pairs_with(true), pairs_with(false));
        assert!(on.contains(&(0, 1)) && !off.contains(&(0, 1)), "{on:?}");
        // Only a claim whose terms are all common posts pairs of them.
        assert!(on.iter().all(|&(i, j)| i <= 1 || j <= 1 || off.contains(&(i, j))));
    }

    /// Over a handful of claims every term is rare: two short claims that
    /// share one noun scored above the claim threshold and joined two facts
    /// into one cluster. One shared term and a sum of money on both sides
    /// still match.
    #[test]
    fn one_shared_term_is_no_match_but_with_a_quantity_of_one_measure() {
        let e = engine();
        let claims = vec![
            claim(&e, "a", "Acme Corp will cut 1,200 jobs, the company said."),
            claim(&e, "a", "It lost $32 billion last year."),
            claim(&e, "b", "The company lost $3.2bn last year."),
        ];
        let al = e.aligner.align(&claims);
        assert_eq!(al.clusters, vec![vec![1, 2]], "{:?}", al.edges);
    }

    /// Who says it is not what is said: "the company said" on both sides
    /// is no shared fact.
    #[test]
    fn terms_of_the_attribution_are_no_shared_fact() {
        let e = engine();
        let claims = vec![
            claim(&e, "a", "Globex shut its Dayton plant on March 3, the company said."),
            claim(&e, "b", "Globex closed its plant in Dayton on Tuesday, March 5."),
            claim(&e, "b", "The company said it will not reopen the plant."),
        ];
        let t = e.aligner.terms(&claims[0]);
        assert_eq!(
            t.incidental.iter().collect::<Vec<_>>(),
            ["~company"],
            "the synonym class of \"company\""
        );
        let al = e.aligner.align(&claims);
        assert_eq!(al.clusters, vec![vec![0, 1]], "{:?}", al.edges);
    }

    #[test]
    fn a_hyphenated_word_is_the_word_written_whole() {
        let e = engine();
        let a = e
            .aligner
            .terms(&claim(&e, "a", "The quake struck south-west of the town."));
        let b = e
            .aligner
            .terms(&claim(&e, "b", "The quake struck southwest of the town."));
        assert_eq!(a.terms, b.terms);
    }

    /// Two outlets spell the place their own way: one name, one term, and
    /// no names veto between the two claims.
    #[test]
    fn spelling_variants_of_a_name_are_one_term() {
        let e = engine();
        let claims = vec![
            claim(
                &e,
                "a",
                "The USGS said the quake struck 71 kilometres south-west of Tarrakech at a depth of 18 kilometres.",
            ),
            claim(
                &e,
                "b",
                "The quake's epicentre was 72 km southwest of Tarrakesh, at a depth of 18.5 km, according to the US Geological Survey.",
            ),
        ];
        let al = e.aligner.align(&claims);
        assert_eq!(al.clusters, vec![vec![0, 1]], "{:?}", al.edges);
    }

    /// "at least" and "people" belong to the figures: one death toll and
    /// one count of the injured share no fact for it.
    #[test]
    fn a_figure_s_approximator_and_counted_noun_are_no_shared_fact() {
        let e = engine();
        let claims = vec![
            claim(
                &e,
                "a",
                "A magnitude 6.8 earthquake struck central Morocco, killing at least 820 people.",
            ),
            claim(&e, "a", "Another 672 people were injured, 205 of them seriously."),
            claim(&e, "b", "At least 1,200 people were injured."),
        ];
        let t = e.aligner.terms(&claims[2]);
        assert!(t.incidental.contains("least"), "{:?}", t.incidental);
        let al = e.aligner.align(&claims);
        assert_eq!(al.clusters, vec![vec![1, 2]], "{:?}", al.edges);
    }

    /// Both fights of one champion: each claim names an opponent the other
    /// never names. The same fight told with and without a second name is
    /// no such pair.
    #[test]
    fn persons_apart_needs_a_person_on_each_side_the_other_never_names() {
        let e = engine();
        let t = |text: &str| e.aligner.terms(&claim(&e, "a", text));
        let first = t("Champion Paul Keller stopped John Harwood in the seventh round.");
        let second = t("Champion Paul Keller stopped David Bellamy in the sixth round.");
        let retold = t("Paul Keller beat John Harwood, trainer Peter Stone said.");
        let short = t("Paul Keller stopped Harwood in the seventh round.");
        assert!(
            persons_apart(&first, &second),
            "{:?} {:?}",
            first.persons,
            second.persons
        );
        assert!(persons_apart(&retold, &second));
        assert!(
            !persons_apart(&first, &short),
            "{:?} {:?}",
            first.persons,
            short.persons
        );
        assert!(!persons_apart(&first, &first));
    }

    #[test]
    fn quantity_keys() {
        assert!(keys_compatible("people/~people", "people/~people"));
        assert!(keys_compatible("people/*", "people/lawmak"));
        assert!(!keys_compatible("people/~people", "people/lawmak"));
        assert!(!keys_compatible("money/*", "people/*"));
    }
}
