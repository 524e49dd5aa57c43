//! Rules as data: TOML packs, the defaults embedded in the binary.
//!
//! A pack is a TOML file whose top-level arrays of tables are rule sections
//! (`[[abbreviations]]`, `[[certainty]]`, `[[finding]]`, ...). Every rule has an
//! `id`, a `description` and `examples` that the test suite runs. A later pack
//! that repeats an id replaces the earlier rule, so a user pack can override a
//! default without copying the whole file.
//!
//! Raw rules are plain deserialised data; each pipeline stage compiles the
//! sections it needs once (see `Rules::compile`) into matchers.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::Deserialize;

use crate::model::{Certainty, Severity};

/// The default packs, embedded at build time: (file name, contents).
pub const DEFAULT_PACKS: &[(&str, &str)] = &[
    ("rules/abbreviations.toml", include_str!("../rules/abbreviations.toml")),
    ("rules/certainty.toml", include_str!("../rules/certainty.toml")),
    ("rules/attribution.toml", include_str!("../rules/attribution.toml")),
    ("rules/negation.toml", include_str!("../rules/negation.toml")),
    ("rules/synonyms.toml", include_str!("../rules/synonyms.toml")),
    ("rules/related.toml", include_str!("../rules/related.toml")),
    ("rules/names.toml", include_str!("../rules/names.toml")),
    ("rules/common.toml", include_str!("../rules/common.toml")),
    ("rules/quantities.toml", include_str!("../rules/quantities.toml")),
    ("rules/measures.toml", include_str!("../rules/measures.toml")),
    ("rules/dates.toml", include_str!("../rules/dates.toml")),
    ("rules/stopwords.toml", include_str!("../rules/stopwords.toml")),
    ("rules/claims.toml", include_str!("../rules/claims.toml")),
    ("rules/align.toml", include_str!("../rules/align.toml")),
    ("rules/findings.toml", include_str!("../rules/findings.toml")),
];

/// An error in a rule file, located like a compiler error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub path: String,
    /// 1-based; 0 when the error has no position (an unreadable file).
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}:{}: {}", self.path, self.line, self.column, self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for RuleError {}

/// A rule error drawn like a compiler diagnostic: the offending line of the
/// pack with the token at the error's position underlined.
pub fn render_error(e: &RuleError, text: &str, color: bool) -> String {
    use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
    if e.line == 0 {
        return format!("error: {e}");
    }
    let line_start: usize = text.split_inclusive('\n').take(e.line - 1).map(str::len).sum();
    let line = text[line_start.min(text.len())..].split('\n').next().unwrap_or("");
    let col = line
        .char_indices()
        .nth(e.column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let start = line_start + col;
    let token = text[start..]
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ']' | '}'))
        .unwrap_or(text.len() - start);
    // At least the character under the caret, whole (it may be multi-byte
    // whitespace such as U+00A0, where the token search stops at once).
    let first = text[start..].chars().next().map_or(0, char::len_utf8);
    let end = (start + token.max(first)).min(text.len());
    let (start, end) = if start >= text.len() {
        (text.len(), text.len())
    } else {
        (start, end)
    };
    let report = &[Level::ERROR.primary_title(e.message.as_str()).element(
        Snippet::source(text)
            .path(e.path.as_str())
            .annotation(AnnotationKind::Primary.span(start..end)),
    )];
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    renderer.render(report).to_string()
}

/// Turn a byte offset into a 1-based (line, column in characters).
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One example a rule carries. Each section reads the fields it needs; the
/// test suite runs every example against the stage that owns the section.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The text the example runs on.
    #[serde(default)]
    pub text: String,
    /// Segmentation: the sentences expected, in order.
    #[serde(default)]
    pub sentences: Option<Vec<String>>,
    /// Similarity: the second sentence, and whether the two should match.
    #[serde(default)]
    pub other: Option<String>,
    #[serde(default, rename = "match")]
    pub matches: Option<bool>,
    /// Quantities: expected value, bounds, unit and measure of the first one.
    #[serde(default)]
    pub value: Option<f64>,
    #[serde(default)]
    pub low: Option<f64>,
    #[serde(default)]
    pub high: Option<f64>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub measure: Option<String>,
    /// How many facets of the section's kind the text yields (0 = none).
    #[serde(default)]
    pub count: Option<usize>,
    /// Dates: the reference date and the expected value.
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub expect: Option<String>,
    /// Certainty: the expected level.
    #[serde(default)]
    pub level: Option<Certainty>,
    /// Negation: whether the text is negated.
    #[serde(default)]
    pub negated: Option<bool>,
    /// Attribution: the expected source.
    #[serde(default)]
    pub source: Option<String>,
    /// Claims: whether the sentence is a claim.
    #[serde(default)]
    pub claim: Option<bool>,
    /// Findings: one sentence per document, and the finding kinds expected
    /// (an empty list: the rule must not fire).
    #[serde(default)]
    pub docs: Option<Vec<String>>,
    #[serde(default)]
    pub fires: Option<bool>,
    /// Names: the canonical name a mention should resolve to.
    #[serde(default)]
    pub canonical: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    pub name: String,
    #[serde(default)]
    pub description: String,
}

/// What kind of abbreviation a word is decides whether a period after it can
/// end a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AbbrevClass {
    /// Before a name: "Mr.", "Rep.", "Gen." never end a sentence before a capital.
    Title,
    /// Before a place's or a saint's name, and part of it: "St. Louis",
    /// "Mt. Cook", "St. Mary's Hospital". Never ends a sentence before a
    /// capital, as a title does.
    Place,
    /// Company and name suffixes: "Corp.", "Inc.", "Jr." may end a sentence.
    Suffix,
    /// "Jan.", "Sept.": not an end before a day number.
    Month,
    /// U.S. state abbreviations, also in party-state tags like "(R-Ark.)".
    State,
    /// Before a number: "No. 5", "H.R. 5120", "Vol. 3".
    Number,
    /// Anything else ("etc.", "approx.", "a.m."): ends a sentence only before
    /// a capitalised word that is not a name continuation.
    General,
    /// Only ever inside a sentence, whatever follows: "vs.", "e.g.", "i.e.",
    /// "cf." ("Smith vs. Jones was decided" is one sentence).
    Medial,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AbbreviationRule {
    pub id: String,
    pub description: String,
    pub class: AbbrevClass,
    /// Written without the final period; inner periods kept ("U.S" for "U.S.").
    pub words: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertaintyRule {
    pub id: String,
    pub description: String,
    pub level: Certainty,
    pub words: Vec<String>,
    /// Words that, earlier in the sentence, take the cue's force away:
    /// after "said", "would" is the reported "will" ("Acme said it would
    /// cut jobs"), not a possibility.
    #[serde(default)]
    pub not_after: Vec<String>,
    /// How many words before the cue `not_after` looks at (0: the whole
    /// sentence before it): "said it would" is the reported "will", but in
    /// "said his advisers concluded that listing the bear would require"
    /// the "would" is a hypothetical of its own clause.
    #[serde(default)]
    pub not_after_words: usize,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// How a reporting phrase names its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportingShape {
    /// "X reported", "X said", "said X".
    Verb,
    /// "according to X", "told X", "citing X": the source follows.
    SourceAfter,
    /// Nouns that name a source without naming anyone ("police",
    /// "officials", "sources"): a sentence that opens with one before a
    /// reporting verb ("Police said ...") is attributed to it, and at a
    /// sentence's start the noun is not taken for a name.
    UnnamedSubject,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportingRule {
    pub id: String,
    pub description: String,
    pub shape: ReportingShape,
    /// The certainty a claim gets when it is attributed this way.
    pub level: Certainty,
    pub words: Vec<String>,
    /// `unnamed_subject` only: common words that may open the unnamed
    /// source ("local officials", "senior aides"). At a sentence's start such
    /// a word before one of the nouns is not a name, so "Local officials
    /// said" is said by officials, not by someone called Local.
    #[serde(default)]
    pub modifiers: Vec<String>,
    /// `unnamed_subject` only: words that may open what follows a
    /// clause-final "X said" before the sentence ends, saying when or how
    /// it was said ("..., the company said in a statement on Monday."): up
    /// to six words so opened still end the clause, and a date among them
    /// is when the source spoke (see `AttributionFinder::mark_said_dates`).
    #[serde(default)]
    pub closing: Vec<String>,
    /// `unnamed_subject` only: words that mark a page's own date
    /// ("Published", "Posted", "Last updated"): a date a few words after
    /// one written capitalised is the day the source published, a day it
    /// spoke (`said`), not a date of the fact; so is every date of a
    /// sentence whose line a web address opens or ends, or that is only a
    /// dateline (a page's header copied with its text).
    #[serde(default)]
    pub publication: Vec<String>,
    /// `unnamed_subject` only: words that, among the two before a reporting
    /// verb, mean nobody says it ("did not say", "declined to say"); a
    /// contraction in "n't" always does.
    #[serde(default)]
    pub unsaid: Vec<String>,
    /// `unnamed_subject` only: nouns of bodies that a possessive name owns
    /// and that speak as themselves ("Morocco's geophysical centre",
    /// "Acme's legal department"): such a body, not its owner, is the source.
    #[serde(default)]
    pub bodies: Vec<String>,
    /// `source_after` only: phrases whose object is who was told, not who
    /// told ("told police", "in a letter to employees"): a common noun
    /// after one is no source, while a name still is ("told Wirepost": the
    /// outlet a reader can check).
    #[serde(default)]
    pub listeners: Vec<String>,
    /// `source_after` only: news outlets whose name is one word written
    /// like a surname ("Reuters", "Bloomberg"): told such a name, a named
    /// teller gave the outlet the claim, and the outlet stays its origin.
    #[serde(default)]
    pub outlets: Vec<String>,
    /// `unnamed_subject` only: nouns that, after "the", stand for the one
    /// organisation an article names ("Acme Corp ... the company said" is
    /// said by Acme): see [`crate::extract::Extractor::resolve_stand_ins`].
    #[serde(default)]
    pub stand_ins: Vec<String>,
    /// `unnamed_subject` only: nouns of people who speak for a body ("the
    /// company's spokesman", "a police spokeswoman"): the body is the
    /// source, as with a name ("Acme's spokesperson" is Acme).
    #[serde(default)]
    pub spokespeople: Vec<String>,
    /// `unnamed_subject` only: nouns of people who speak for themselves
    /// ("observers", "students", "fans"): a name right before one describes
    /// them ("Western observers said"), and they, not the name, are the
    /// source.
    #[serde(default)]
    pub independent: Vec<String>,
    /// `verb` only: when not empty, the rule's verbs say something only
    /// right before one of these words or marks, or at the sentence's end
    /// ("he responded: ...", "\"Yes,\" he responded."); elsewhere they
    /// are deeds ("police responded to the call", "posted 16 points").
    #[serde(default)]
    pub only_before: Vec<String>,
    /// `verb` only, with `only_before`: phrases that, later in the verb's
    /// clause (up to a comma, a semicolon or the sentence's end), also show
    /// it reports speech ("responded to the claims by saying ...").
    #[serde(default)]
    pub speech_later: Vec<String>,
    /// `verb` only: phrases right after the verb that make it no saying
    /// ("the film tells the story of ...").
    #[serde(default)]
    pub never_before: Vec<String>,
    /// `verb` only: phrases right before the verb that make it no saying
    /// ("needless to say").
    #[serde(default)]
    pub never_after: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NegationRule {
    pub id: String,
    pub description: String,
    #[serde(default)]
    pub words: Vec<String>,
    /// Phrases in which a negator does not negate ("not only").
    #[serde(default)]
    pub except: Vec<String>,
    /// Phrases in which a negator withholds an answer ("did not say
    /// whether"): the claim stays negated, but no polarity conflict is
    /// drawn from it.
    #[serde(default)]
    pub withheld: Vec<String>,
    /// Words that, following a negator within its scope, make the denial a
    /// bound ("will not reveal it until after he dies"): the claim stays
    /// negated, but no polarity conflict is drawn from that negator.
    #[serde(default)]
    pub bounds: Vec<String>,
    /// Words that open an aside after a comma (", who was not there,"): a
    /// negator inside the aside, up to the next comma or the end of the
    /// sentence, denies only the aside, not what the sentence states.
    #[serde(default)]
    pub asides: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// Words and phrases that state the same thing; aligned as one term.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SynonymRule {
    pub id: String,
    pub description: String,
    pub words: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// Words of one sense (from WordNet): the aligner counts a content word
/// with no match in the other claim but a related word there. Looser than
/// [`SynonymRule`]: related words stay separate terms.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelatedRule {
    pub id: String,
    pub description: String,
    /// One sense per entry: a part of speech (n, v, a, r), then its words,
    /// those that reach the sense marked `*` ("v *buy purchase").
    pub senses: Vec<String>,
    /// Irregular forms and their base ("bought buy").
    #[serde(default)]
    pub inflections: Vec<String>,
    /// Word pairs that are (not) related: `text`, `other`, `match`.
    #[serde(default)]
    pub examples: Vec<Example>,
}

impl RelatedRule {
    /// A sense as written ("v *buy purchase"): its part of speech and its
    /// words, each with whether it is marked `*`; `None` unless it has a
    /// part of speech (n, v, a, r) and two words or more, one marked.
    pub fn parse_sense(sense: &str) -> Option<(&str, Vec<(&str, bool)>)> {
        let mut parts = sense.split_whitespace();
        let pos = parts.next().filter(|p| matches!(*p, "n" | "v" | "a" | "r"))?;
        let words: Vec<(&str, bool)> = parts
            .map(|w| match w.strip_prefix('*') {
                Some(bare) => (bare, true),
                None => (w, false),
            })
            .collect();
        (words.len() >= 2 && words.iter().any(|&(_, marked)| marked)).then_some((pos, words))
    }

    /// An inflection as written ("bought buy"): the form and its base.
    pub fn parse_inflection(line: &str) -> Option<(&str, &str)> {
        let mut parts = line.split_whitespace();
        match (parts.next(), parts.next(), parts.next()) {
            (Some(form), Some(base), None) => Some((form, base)),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameKind {
    /// Given-name variants: each group lists the full name first.
    Nickname,
    /// Common given names (`words`): a name that opens with one is a person's.
    Given,
    /// Words before a name that are not part of it ("Mr", "Congressman", "CEO").
    Title,
    /// Different names of one thing: the first of each group is canonical.
    Alias,
    /// Last words that make a name an organisation's ("Nordvik Chemicals",
    /// "Delta Air Lines"), besides the company suffixes ("Corp", "Inc").
    Organisation,
    /// Last words of the names of places, buildings and institutions, which
    /// are often named after a person ("Betty Ford Center", "Kennedy
    /// Airport"): a name ending in one is no person's.
    Place,
    /// Last words of the names of public bodies, whose names often join
    /// two nouns with "and" ("Fish and Wildlife Service"): a name goes on
    /// across "and" to one of them.
    Body,
    /// Frequent common English words: in a title-case line a capitalised
    /// one is read as a word, not a name.
    Common,
    /// Words the aligner skips as function words (rules/stopwords.toml)
    /// that open names when capitalised ("New York"): the name finder
    /// reads them as name words, and at a sentence's start before another
    /// name word as a name's first word.
    Opener,
    /// Words the aligner skips as function words that end names when
    /// capitalised right after a name word inside a sentence ("USA Today",
    /// "Psychology Today"): never a name's first word.
    Closer,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameRule {
    pub id: String,
    pub description: String,
    pub kind: NameKind,
    #[serde(default)]
    pub words: Vec<String>,
    #[serde(default)]
    pub groups: Vec<Vec<String>>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// How an approximator bounds the number after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// "over", "more than": (n, open).
    Above,
    /// "at least": [n, open).
    AtLeast,
    /// "under", "less than", "nearly", "almost": (open, n).
    Below,
    /// "up to", "at most", "no more than": (open, n].
    AtMost,
    /// "about", "around", "some", "roughly": n ± margin.
    About,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApproximatorRule {
    pub id: String,
    pub description: String,
    pub bound: Bound,
    /// For `about`: the relative margin either side (0.1 = ±10%).
    #[serde(default)]
    pub margin: Option<f64>,
    /// Written before the figure ("more than 50").
    pub words: Vec<String>,
    /// Written after the figure and its unit, before the thing counted
    /// ("50 or more people", "$5 million or less").
    #[serde(default)]
    pub after: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleRule {
    pub id: String,
    pub description: String,
    pub factor: f64,
    pub words: Vec<String>,
    /// Short forms that scale a figure only glued to it after a currency
    /// symbol ("$160MM"; "9mm" is no money).
    #[serde(default)]
    pub money_words: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurrencyRule {
    pub id: String,
    pub description: String,
    /// ISO 4217 code reported as the quantity's unit.
    pub code: String,
    #[serde(default)]
    pub symbols: Vec<String>,
    #[serde(default)]
    pub words: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// Vague amounts: "dozens", "hundreds of", "tens of millions".
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VagueRule {
    pub id: String,
    pub description: String,
    /// Bounds before any scale that follows ("tens" = [10, 100)).
    pub low: f64,
    pub high: f64,
    pub words: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// Units of measure and what they measure ("km" measures distance).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitRule {
    pub id: String,
    pub description: String,
    pub unit: String,
    pub measure: String,
    pub words: Vec<String>,
    /// Words a currency also spells ("pounds") that are this unit when one
    /// of the `cues` stands within three words before the figure ("weighed
    /// 7 pounds") or the figure is hyphened to the word ("a 300-pound bomb").
    #[serde(default)]
    pub currency_words: Vec<String>,
    #[serde(default)]
    pub cues: Vec<String>,
    /// Letters a scale rule reads as a scale when glued to a figure ("m",
    /// million: "$50m", "6m people") that are this unit when no currency
    /// comes before the figure and one of `glued_before` comes right after
    /// it ("fell 600m while climbing", "50m by 50m", "the 400m hurdles").
    #[serde(default)]
    pub glued: Vec<String>,
    #[serde(default)]
    pub glued_before: Vec<String>,
    /// One of this unit in its measure's base unit (distance: metres,
    /// weight: kilograms, speed: km/h): `1000` for km. A `[low, high]` pair
    /// is a unit of uncertain size ("tons" is a short, metric or long ton).
    /// Figures in two units that both have one are compared after
    /// conversion ("5 miles" agrees with "8 km"); without it, only figures
    /// in one unit are.
    #[serde(default)]
    pub to_base: Option<Factor>,
    /// Added to a figure before `to_base` multiplies it, for scales that
    /// do not start at zero together: °F to the base °C is (F − 32) × 5/9,
    /// so `offset = -32` beside `to_base = 5/9`. Needs `to_base`.
    #[serde(default)]
    pub offset: Option<f64>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// A conversion factor, exact or known only within bounds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Factor {
    pub low: f64,
    pub high: f64,
}

impl<'de> Deserialize<'de> for Factor {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Factor, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Factor;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a positive number or a [low, high] pair of positive numbers")
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Factor, E> {
                Factor::new(v, v).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Float(v), &self))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Factor, E> {
                Factor::new(v as f64, v as f64).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Signed(v), &self))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Factor, E> {
                self.visit_f64(v as f64)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Factor, A::Error> {
                use serde::de::Error;
                let low: f64 = seq.next_element()?.ok_or_else(|| A::Error::invalid_length(0, &self))?;
                let high: f64 = seq.next_element()?.ok_or_else(|| A::Error::invalid_length(1, &self))?;
                if seq.next_element::<f64>()?.is_some() {
                    return Err(A::Error::invalid_length(3, &self));
                }
                Factor::new(low, high)
                    .ok_or_else(|| A::Error::custom(format!("expected 0 < low <= high, found [{low}, {high}]")))
            }
        }
        d.deserialize_any(Visit)
    }
}

impl Factor {
    fn new(low: f64, high: f64) -> Option<Factor> {
        (low.is_finite() && high.is_finite() && low > 0.0 && low <= high).then_some(Factor { low, high })
    }
}

/// A measure class: nouns that count the same kind of thing. Quantities are
/// compared only within one class.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureRule {
    pub id: String,
    pub description: String,
    pub nouns: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// What a figure is about, read from the words next to it ("10 people were
/// killed": deaths; "a 37-year-old": an age; "$5m a year": a rate). It
/// refines the measure class of the counted noun for judging, so deaths are
/// not compared with injuries, nor an age with a span of time.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AspectRule {
    pub id: String,
    pub description: String,
    /// The measure the figure is then compared as; `{class}` stands for the
    /// class it had ("money rate").
    pub measure: String,
    /// The classes it refines ("none": a figure of no class); empty: any.
    #[serde(default)]
    pub refines: Vec<String>,
    /// Cue words or phrases before the figure, and after it.
    #[serde(default)]
    pub before: Vec<String>,
    #[serde(default)]
    pub after: Vec<String>,
    /// How many words from the figure a cue may stand, within its clause.
    #[serde(default = "one")]
    pub window: usize,
    /// Keep the counted noun (a unit such as "days"); otherwise the aspect
    /// says what is counted and the generic noun ("people") is dropped.
    #[serde(default)]
    pub keep_counted: bool,
    /// Compare only figures held by one named entity ("the 32-year-old
    /// Smith"): a figure with no name next to it is not compared.
    #[serde(default)]
    pub holder: bool,
    /// Compare only figures measured from one named place ("14 miles north
    /// of Ashford", "two miles from Ashford"): the first name after the
    /// figure, within a few words, is what it is measured from, and stands
    /// for the thing counted; a figure with no such name keeps none.
    #[serde(default)]
    pub anchor: bool,
    /// Words right after the figure that undo the reading ("in cash and
    /// stock" is the whole price, not its cash part).
    #[serde(default)]
    pub unless_after: Vec<String>,
    /// The word right before the figure that undoes the reading ("killed
    /// by two gunmen": after "by" the figure is who did it).
    #[serde(default)]
    pub unless_before: Vec<String>,
    /// False: a figure so read is not compared at all (its reading depends
    /// on what the engine cannot see, such as the day a source wrote).
    #[serde(default = "yes")]
    pub compared: bool,
    /// The cue may stand anywhere in the sentence, not only next to the figure.
    #[serde(default)]
    pub anywhere: bool,
    #[serde(default)]
    pub examples: Vec<Example>,
}

fn one() -> usize {
    1
}

/// Words and regular expressions that mark digits as part of a name or an
/// identifier, not a quantity ("Fortune 500", "H.R. 5120", "5G").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotQuantityRule {
    pub id: String,
    pub description: String,
    /// Words that, right before a number, make it part of a name.
    #[serde(default)]
    pub before: Vec<String>,
    /// Words that, right after a number, make it part of a name.
    #[serde(default)]
    pub after: Vec<String>,
    /// Regular expressions matched against the text; digits inside a match
    /// are never quantities.
    #[serde(default)]
    pub patterns: Vec<toml::Spanned<String>>,
    /// When true: a capitalised or mixed-case word right before a number
    /// makes it part of a name ("Boeing 747", "iPhone 8"), unless that word
    /// is listed in `unless` (compared lowercased: "the", "about", ...).
    #[serde(default)]
    pub capitalised: bool,
    #[serde(default)]
    pub unless: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// Calendar words: months, weekdays and relative expressions.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarRule {
    pub id: String,
    pub description: String,
    /// "month" (groups in calendar order), "weekday" (groups Monday first),
    /// "relative", "modifier" or "holiday" (phrases with their meaning in
    /// `relative`), "number" (words with their value in `values`) or
    /// "year_prefix" (groups of words that may stand before a year).
    pub kind: String,
    #[serde(default)]
    pub groups: Vec<Vec<String>>,
    /// For "relative": phrase -> [unit, offset], e.g. "last week" -> ["week", "-1"];
    /// for "modifier" and "holiday" see rules/dates.toml.
    #[serde(default)]
    pub relative: BTreeMap<String, (String, i64)>,
    /// For "number": word -> value ("twenty" -> 20, "third" -> 3).
    #[serde(default)]
    pub values: BTreeMap<String, i64>,
    /// The words count only beside a day number, a date or a week ("Sun 14th", not "the Sun").
    #[serde(default)]
    pub bound: bool,
    #[serde(default)]
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StopwordRule {
    pub id: String,
    pub description: String,
    pub words: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// One cue of check-worthiness; a sentence's score is the sum of the weights
/// of the rules that fire, and their ids are a claim's reasons.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimRule {
    pub id: String,
    pub description: String,
    /// A facet: "quantity", "date", "actor" (a named entity with a verb),
    /// "attribution"; or "words" (any of `words`), "pattern" (any of
    /// `patterns`, case-insensitive), "short" (fewer than `words_below`
    /// words), "long" (at least `words_from` words).
    pub signal: String,
    /// Added to the score when the rule fires; negative counts against.
    #[serde(default = "unit_weight")]
    pub weight: f64,
    /// A sentence on which this rule fires is a claim whatever its score.
    #[serde(default)]
    pub keep: bool,
    #[serde(default)]
    pub words: Vec<String>,
    #[serde(default)]
    pub patterns: Vec<String>,
    #[serde(default)]
    pub words_below: Option<usize>,
    #[serde(default)]
    pub words_from: Option<usize>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

fn unit_weight() -> f64 {
    1.0
}

/// The check-worthiness threshold: a sentence whose claim rules sum to at
/// least this is a claim.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckworthyRule {
    pub id: String,
    pub description: String,
    pub threshold: f64,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// Alignment parameters: thresholds and weights of the similarity matcher.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlignRule {
    pub id: String,
    pub description: String,
    pub params: BTreeMap<String, f64>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// A finding rule: turns clusters into findings of one kind.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingRule {
    pub id: String,
    pub description: String,
    pub kind: FindingKind,
    pub severity: Severity,
    #[serde(default = "yes")]
    pub enabled: bool,
    #[serde(default)]
    pub params: BTreeMap<String, f64>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    Corroborated,
    SingleSource,
    QuantityConflict,
    DateConflict,
    PolarityConflict,
    CertaintyDifference,
    SharedOrigin,
    ActorConflict,
}

impl FindingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Corroborated => "corroborated",
            FindingKind::SingleSource => "single_source",
            FindingKind::QuantityConflict => "quantity_conflict",
            FindingKind::DateConflict => "date_conflict",
            FindingKind::PolarityConflict => "polarity_conflict",
            FindingKind::CertaintyDifference => "certainty_difference",
            FindingKind::SharedOrigin => "shared_origin",
            FindingKind::ActorConflict => "actor_conflict",
        }
    }
}

/// One rule file as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub pack: Option<PackMeta>,
    #[serde(default)]
    pub abbreviations: Vec<AbbreviationRule>,
    #[serde(default)]
    pub certainty: Vec<CertaintyRule>,
    #[serde(default)]
    pub reporting: Vec<ReportingRule>,
    #[serde(default)]
    pub negation: Vec<NegationRule>,
    #[serde(default)]
    pub synonyms: Vec<SynonymRule>,
    #[serde(default)]
    pub related: Vec<RelatedRule>,
    #[serde(default)]
    pub names: Vec<NameRule>,
    #[serde(default)]
    pub approximators: Vec<ApproximatorRule>,
    #[serde(default)]
    pub scales: Vec<ScaleRule>,
    #[serde(default)]
    pub currencies: Vec<CurrencyRule>,
    #[serde(default)]
    pub vague: Vec<VagueRule>,
    #[serde(default)]
    pub units: Vec<UnitRule>,
    #[serde(default)]
    pub measures: Vec<MeasureRule>,
    #[serde(default)]
    pub aspects: Vec<AspectRule>,
    #[serde(default)]
    pub not_quantity: Vec<NotQuantityRule>,
    #[serde(default)]
    pub calendar: Vec<CalendarRule>,
    #[serde(default)]
    pub stopwords: Vec<StopwordRule>,
    #[serde(default)]
    pub claims: Vec<ClaimRule>,
    #[serde(default)]
    pub checkworthy: Vec<CheckworthyRule>,
    #[serde(default)]
    pub align: Vec<AlignRule>,
    #[serde(default)]
    pub finding: Vec<FindingRule>,
}

/// Every rule of every pack loaded, later packs overriding earlier ids.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub abbreviations: Vec<AbbreviationRule>,
    pub certainty: Vec<CertaintyRule>,
    pub reporting: Vec<ReportingRule>,
    pub negation: Vec<NegationRule>,
    pub synonyms: Vec<SynonymRule>,
    pub related: Vec<RelatedRule>,
    pub names: Vec<NameRule>,
    pub approximators: Vec<ApproximatorRule>,
    pub scales: Vec<ScaleRule>,
    pub currencies: Vec<CurrencyRule>,
    pub vague: Vec<VagueRule>,
    pub units: Vec<UnitRule>,
    pub measures: Vec<MeasureRule>,
    pub aspects: Vec<AspectRule>,
    pub not_quantity: Vec<NotQuantityRule>,
    pub calendar: Vec<CalendarRule>,
    pub stopwords: Vec<StopwordRule>,
    pub claims: Vec<ClaimRule>,
    pub checkworthy: Vec<CheckworthyRule>,
    pub align: Vec<AlignRule>,
    pub finding: Vec<FindingRule>,
    /// Which file each rule id came from, for `rules list`.
    pub origins: BTreeMap<String, String>,
}

/// Anything with an id that a later pack can replace.
pub trait HasId {
    fn id(&self) -> &str;
}

macro_rules! has_id {
    ($($t:ty),*) => { $(impl HasId for $t { fn id(&self) -> &str { &self.id } })* };
}
has_id!(
    AbbreviationRule,
    CertaintyRule,
    ReportingRule,
    NegationRule,
    SynonymRule,
    RelatedRule,
    NameRule,
    ApproximatorRule,
    ScaleRule,
    CurrencyRule,
    VagueRule,
    UnitRule,
    MeasureRule,
    AspectRule,
    NotQuantityRule,
    CalendarRule,
    StopwordRule,
    ClaimRule,
    CheckworthyRule,
    AlignRule,
    FindingRule
);

fn merge<T: HasId>(into: &mut Vec<T>, from: Vec<T>) {
    for rule in from {
        if let Some(slot) = into.iter_mut().find(|r| r.id() == rule.id()) {
            *slot = rule;
        } else {
            into.push(rule);
        }
    }
}

/// Parse one pack; errors carry file, line and column.
pub fn parse_pack(path: &str, text: &str) -> Result<Pack, RuleError> {
    let pack: Pack = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
        RuleError {
            path: path.to_string(),
            line,
            column,
            message: e.message().trim().to_string(),
        }
    })?;
    validate(path, text, &pack)?;
    Ok(pack)
}

/// Checks serde cannot make: duplicate ids within a file, empty word lists,
/// regular expressions that do not compile.
fn validate(path: &str, text: &str, pack: &Pack) -> Result<(), RuleError> {
    let at = |needle: &str, message: String| {
        let offset = text.find(needle).unwrap_or(0);
        let (line, column) = line_col(text, offset);
        RuleError {
            path: path.to_string(),
            line,
            column,
            message,
        }
    };
    let mut seen = HashSet::new();
    let mut ids: Vec<(&str, &str, bool)> = Vec::new();
    macro_rules! collect {
        ($field:ident, $section:literal, $words:expr) => {
            for r in &pack.$field {
                let has_words: fn(&_) -> bool = $words;
                ids.push(($section, r.id.as_str(), has_words(r)));
            }
        };
    }
    collect!(abbreviations, "abbreviations", |r: &AbbreviationRule| !r
        .words
        .is_empty());
    collect!(certainty, "certainty", |r: &CertaintyRule| !r.words.is_empty());
    collect!(reporting, "reporting", |r: &ReportingRule| !r.words.is_empty());
    collect!(negation, "negation", |r: &NegationRule| !r.words.is_empty()
        || !r.except.is_empty()
        || !r.withheld.is_empty()
        || !r.bounds.is_empty()
        || !r.asides.is_empty());
    collect!(synonyms, "synonyms", |r: &SynonymRule| r.words.len() >= 2);
    collect!(related, "related", |r: &RelatedRule| !r.senses.is_empty());
    collect!(names, "names", |r: &NameRule| !r.words.is_empty()
        || !r.groups.is_empty());
    collect!(approximators, "approximators", |r: &ApproximatorRule| !r
        .words
        .is_empty());
    collect!(scales, "scales", |r: &ScaleRule| !r.words.is_empty());
    collect!(currencies, "currencies", |r: &CurrencyRule| !r.symbols.is_empty()
        || !r.words.is_empty());
    collect!(vague, "vague", |r: &VagueRule| !r.words.is_empty());
    collect!(units, "units", |r: &UnitRule| !r.words.is_empty());
    collect!(measures, "measures", |r: &MeasureRule| !r.nouns.is_empty());
    collect!(aspects, "aspects", |r: &AspectRule| !r.before.is_empty()
        || !r.after.is_empty());
    collect!(not_quantity, "not_quantity", |r: &NotQuantityRule| r.capitalised
        || !r.before.is_empty()
        || !r.after.is_empty()
        || !r.patterns.is_empty());
    collect!(calendar, "calendar", |r: &CalendarRule| !r.groups.is_empty()
        || !r.relative.is_empty()
        || !r.values.is_empty());
    collect!(stopwords, "stopwords", |r: &StopwordRule| !r.words.is_empty());
    collect!(claims, "claims", |r: &ClaimRule| match r.signal.as_str() {
        "words" => !r.words.is_empty(),
        "pattern" => !r.patterns.is_empty(),
        _ => true,
    });
    collect!(checkworthy, "checkworthy", |_r: &CheckworthyRule| true);
    collect!(align, "align", |_r: &AlignRule| true);
    collect!(finding, "finding", |_r: &FindingRule| true);
    for (section, id, has_words) in ids {
        let needle = format!("\"{id}\"");
        if id.trim().is_empty() {
            return Err(at("id", format!("[[{section}]]: expected a non-empty `id`")));
        }
        if !seen.insert((section, id)) {
            let offset = text.match_indices(&needle).nth(1).map_or(0, |(i, _)| i);
            let (line, column) = line_col(text, offset);
            return Err(RuleError {
                path: path.to_string(),
                line,
                column,
                message: format!("[[{section}]] id `{id}` is defined twice in this file"),
            });
        }
        if !has_words {
            return Err(at(&needle, format!("[[{section}]] `{id}`: expected at least one word")));
        }
    }
    for r in &pack.units {
        if r.offset.is_some() && r.to_base.is_none() {
            return Err(at(
                &format!("\"{}\"", r.id),
                format!("[[units]] `{}`: `offset` needs `to_base`", r.id),
            ));
        }
        if r.offset.is_some_and(|o| !o.is_finite()) {
            return Err(at(
                &format!("\"{}\"", r.id),
                format!("[[units]] `{}`: expected a finite `offset`", r.id),
            ));
        }
    }
    for r in &pack.not_quantity {
        for p in &r.patterns {
            if let Err(e) = regex::RegexBuilder::new(p.get_ref()).size_limit(1 << 20).build() {
                let (line, column) = line_col(text, p.span().start);
                return Err(RuleError {
                    path: path.to_string(),
                    line,
                    column,
                    message: format!("invalid regular expression: {e}"),
                });
            }
        }
    }
    // A blank bound would match an empty run of words anywhere; an aside
    // opens with one word.
    for r in &pack.negation {
        let problem = if r.bounds.iter().any(|b| b.trim().is_empty()) {
            "`bounds` holds an empty phrase"
        } else if r
            .asides
            .iter()
            .any(|w| w.trim().is_empty() || w.trim().contains(char::is_whitespace))
        {
            "`asides` holds an entry that is not one word"
        } else {
            continue;
        };
        return Err(at(
            &format!("\"{}\"", r.id),
            format!("[[negation]] `{}`: {problem}", r.id),
        ));
    }
    for r in &pack.related {
        for sense in &r.senses {
            if RelatedRule::parse_sense(sense).is_none() {
                return Err(at(
                    &format!("\"{sense}\""),
                    format!(
                        "[[related]] `{}`: a sense is a part of speech (n, v, a or r) and two words or more, one marked `*` (\"v *buy purchase\"), not {sense:?}",
                        r.id
                    ),
                ));
            }
        }
        for f in &r.inflections {
            if RelatedRule::parse_inflection(f).is_none() {
                return Err(at(
                    &format!("\"{f}\""),
                    format!(
                        "[[related]] `{}`: an inflection is a form and its base (\"bought buy\"), not {f:?}",
                        r.id
                    ),
                ));
            }
        }
    }
    for r in &pack.calendar {
        if !matches!(
            r.kind.as_str(),
            "month" | "weekday" | "relative" | "modifier" | "holiday" | "number" | "year_prefix"
        ) {
            return Err(at(
                &format!("\"{}\"", r.kind),
                format!(
                    "[[calendar]] `{}`: expected kind \"month\", \"weekday\", \"relative\", \"modifier\", \"holiday\", \"number\" or \"year_prefix\"",
                    r.id
                ),
            ));
        }
    }
    for r in &pack.claims {
        let signals = [
            "quantity",
            "date",
            "actor",
            "attribution",
            "words",
            "pattern",
            "short",
            "long",
        ];
        if !signals.contains(&r.signal.as_str()) {
            return Err(at(
                &format!("\"{}\"", r.signal),
                format!(
                    "[[claims]] `{}`: expected signal \"quantity\", \"date\", \"actor\", \"attribution\", \"words\", \"pattern\", \"short\" or \"long\"",
                    r.id
                ),
            ));
        }
        let needs = match r.signal.as_str() {
            "short" => r.words_below.is_none().then_some("words_below"),
            "long" => r.words_from.is_none().then_some("words_from"),
            _ => None,
        };
        if let Some(field) = needs {
            return Err(at(
                &format!("\"{}\"", r.id),
                format!("[[claims]] `{}`: signal \"{}\" needs `{field}`", r.id, r.signal),
            ));
        }
        if !r.weight.is_finite() {
            return Err(at(
                &format!("\"{}\"", r.id),
                format!("[[claims]] `{}`: expected a finite weight", r.id),
            ));
        }
        for p in &r.patterns {
            if let Err(e) = regex::RegexBuilder::new(p).size_limit(1 << 20).build() {
                return Err(at(p, format!("invalid regular expression: {e}")));
            }
        }
    }
    Ok(())
}

impl RuleSet {
    /// The embedded default packs.
    pub fn defaults() -> RuleSet {
        use rayon::prelude::*;
        // Parsed side by side (the WordNet pack alone is most of the text),
        // added in order.
        let packs: Vec<Pack> = DEFAULT_PACKS
            .par_iter()
            .map(|(path, text)| parse_pack(path, text).unwrap_or_else(|e| panic!("embedded rule pack is invalid: {e}")))
            .collect();
        let mut set = RuleSet::default();
        for ((path, _), pack) in DEFAULT_PACKS.iter().zip(packs) {
            set.add(path, pack);
        }
        set
    }

    /// The defaults plus user packs read from `paths`, in order.
    pub fn with_files(paths: &[std::path::PathBuf]) -> Result<RuleSet, RuleError> {
        let mut set = RuleSet::defaults();
        for path in paths {
            let shown = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|e| RuleError {
                path: shown.clone(),
                line: 0,
                column: 0,
                message: format!("cannot read rule file: {e}"),
            })?;
            let pack = parse_pack(&shown, &text)?;
            set.add(&shown, pack);
        }
        Ok(set)
    }

    /// Add a pack; rules with an id already present replace the old ones.
    pub fn add(&mut self, path: &str, pack: Pack) {
        macro_rules! take {
            ($($field:ident),*) => {$(
                for r in &pack.$field {
                    self.origins.insert(format!("{}/{}", stringify!($field), r.id), path.to_string());
                }
                merge(&mut self.$field, pack.$field);
            )*};
        }
        take!(
            abbreviations,
            certainty,
            reporting,
            negation,
            synonyms,
            related,
            names,
            approximators,
            scales,
            currencies,
            vague,
            units,
            measures,
            aspects,
            not_quantity,
            calendar,
            stopwords,
            claims,
            checkworthy,
            align,
            finding
        );
    }

    /// A numeric parameter of an align rule, or the default given.
    pub fn align_param(&self, name: &str, default: f64) -> f64 {
        self.align
            .iter()
            .rev()
            .find_map(|r| r.params.get(name).copied())
            .unwrap_or(default)
    }
}

/// The most entries of a list that `explain` prints. The hand-written
/// lists (the longest, the stopwords, holds about 200) print whole; a
/// generated table (12,839 WordNet senses) is for the engine, not for a
/// reader's terminal.
const EXPLAIN_LIST_LIMIT: usize = 500;

/// A rule's value as `explain` prints it: as written in TOML, a long list
/// cut to its first entries with a count of the rest and where they are.
fn shown_value(v: &toml::Value, path: &str) -> String {
    match v.as_array() {
        Some(items) if items.len() > EXPLAIN_LIST_LIMIT => {
            let head: Vec<String> = items[..EXPLAIN_LIST_LIMIT].iter().map(|x| x.to_string()).collect();
            format!(
                "[{}, ...]  ({} more of {}; all in {path})",
                head.join(", "),
                items.len() - EXPLAIN_LIST_LIMIT,
                items.len()
            )
        }
        _ => v.to_string(),
    }
}

/// A rule described for a reader: every rule of that id (in `section/id`
/// or plain `id` form) across the default packs and `extra` packs, the
/// later one marked as the one in force.
pub fn explain(id: &str, extra: &[std::path::PathBuf]) -> Result<String, RuleError> {
    let mut packs: Vec<(String, String)> = DEFAULT_PACKS
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect();
    for p in extra {
        let shown = p.display().to_string();
        let text = std::fs::read_to_string(p).map_err(|e| RuleError {
            path: shown.clone(),
            line: 0,
            column: 0,
            message: format!("cannot read rule file: {e}"),
        })?;
        parse_pack(&shown, &text)?;
        packs.push((shown, text));
    }
    let (want_section, want_id) = id.split_once('/').map_or((None, id), |(s, i)| (Some(s), i));
    let mut out = String::new();
    for (path, text) in &packs {
        let value: toml::Table = toml::from_str(text).map_err(|e| RuleError {
            path: path.clone(),
            line: 1,
            column: 1,
            message: e.message().to_string(),
        })?;
        for (section, rules) in &value {
            if want_section.is_some_and(|s| s != section) {
                continue;
            }
            let Some(rules) = rules.as_array() else { continue };
            for rule in rules.iter().filter_map(|r| r.as_table()) {
                if rule.get("id").and_then(|v| v.as_str()) != Some(want_id) {
                    continue;
                }
                out.push_str(&format!("{section}/{want_id}  ({path})\n\n"));
                if let Some(d) = rule.get("description").and_then(|v| v.as_str()) {
                    out.push_str(&format!("{}\n\n", d.trim()));
                }
                for (k, v) in rule {
                    if !matches!(k.as_str(), "id" | "description" | "examples") {
                        out.push_str(&format!("{k} = {}\n", shown_value(v, path)));
                    }
                }
                if let Some(examples) = rule.get("examples").and_then(|v| v.as_array()) {
                    out.push_str("\nexamples:\n");
                    for e in examples {
                        out.push_str(&format!("  {e}\n"));
                    }
                }
                out.push('\n');
            }
        }
    }
    if out.is_empty() {
        return Err(RuleError {
            path: "rules".into(),
            line: 0,
            column: 0,
            message: format!("no rule with id `{id}` (see `corroborate rules list`)"),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_load() {
        let set = RuleSet::defaults();
        assert!(!set.abbreviations.is_empty());
        assert!(!set.finding.is_empty());
    }

    #[test]
    fn syntax_error_has_position() {
        let e = parse_pack("x.toml", "[[certainty]]\nid = \"a\"\nlevel = \n").unwrap_err();
        assert_eq!(e.path, "x.toml");
        assert_eq!(e.line, 3);
    }

    #[test]
    fn unknown_field_is_located() {
        let text = "[[negation]]\nid = \"n\"\ndescription = \"d\"\nwords = [\"not\"]\nwrods = 1\n";
        let e = parse_pack("x.toml", text).unwrap_err();
        assert_eq!(e.line, 5, "{e}");
        assert!(e.message.contains("wrods"), "{e}");
    }

    #[test]
    fn bad_level_is_located() {
        let text = "[[certainty]]\nid = \"c\"\ndescription = \"d\"\nlevel = \"sure\"\nwords = [\"x\"]\n";
        let e = parse_pack("x.toml", text).unwrap_err();
        assert_eq!((e.line, e.column), (4, 9), "{e}");
    }

    #[test]
    fn duplicate_id_is_an_error() {
        let text = "[[negation]]\nid = \"n\"\ndescription = \"d\"\nwords = [\"not\"]\n[[negation]]\nid = \"n\"\ndescription = \"d\"\nwords = [\"no\"]\n";
        let e = parse_pack("x.toml", text).unwrap_err();
        assert_eq!(e.line, 6, "{e}");
    }

    #[test]
    fn bad_regex_is_located() {
        let text = "[[not_quantity]]\nid = \"q\"\ndescription = \"d\"\npatterns = [\"(unclosed\"]\n";
        let e = parse_pack("x.toml", text).unwrap_err();
        assert_eq!(e.line, 4, "{e}");
        assert!(e.message.contains("regular expression"));
    }

    #[test]
    fn bad_related_sense_is_located() {
        let text =
            "[[related]]\nid = \"r\"\ndescription = \"d\"\nsenses = [\"v *buy purchase\",\n  \"v buy purchase\"]\n";
        let e = parse_pack("x.toml", text).unwrap_err();
        assert_eq!((e.line, e.column), (5, 3), "{e}");
        assert!(e.message.contains("marked `*`"), "{e}");
        let text = "[[related]]\nid = \"r\"\ndescription = \"d\"\nsenses = [\"v *buy purchase\"]\ninflections = [\"bought\"]\n";
        let e = parse_pack("x.toml", text).unwrap_err();
        assert_eq!(e.line, 5, "{e}");
    }

    #[test]
    fn later_pack_overrides_id() {
        let mut set = RuleSet::defaults();
        let n = set.negation.len();
        let id = set.negation[0].id.clone();
        let text = format!("[[negation]]\nid = \"{id}\"\ndescription = \"d\"\nwords = [\"nope\"]\n");
        set.add("user.toml", parse_pack("user.toml", &text).unwrap());
        assert_eq!(set.negation.len(), n);
        assert_eq!(set.negation[0].words, vec!["nope".to_string()]);
    }

    #[test]
    fn explain_finds_a_rule_by_id() {
        let text = explain("finding/quantity-conflict", &[]).unwrap();
        assert!(text.contains("severity = \"error\""), "{text}");
        assert!(text.contains("examples:"));
        assert!(explain("no-such-rule", &[]).is_err());
    }

    #[test]
    fn explain_cuts_a_generated_table_short() {
        let text = explain("related/wordnet-senses", &[]).unwrap();
        let n = RuleSet::defaults()
            .related
            .iter()
            .map(|r| r.senses.len())
            .sum::<usize>();
        let senses = text.lines().find(|l| l.starts_with("senses = ")).unwrap();
        let tail = format!("({} more of {n}; all in rules/related.toml)", n - EXPLAIN_LIST_LIMIT);
        assert!(senses.ends_with(&tail), "{senses}");
        assert!(senses.len() < 50_000, "{} bytes", senses.len());
        // A hand-written list is printed whole, however long.
        let stopwords = explain("stopwords/english", &[]).unwrap();
        assert!(!stopwords.contains("more of"), "{stopwords}");
    }

    #[test]
    fn rendered_error_points_at_the_token() {
        let text = "[[certainty]]\nid = \"c\"\ndescription = \"d\"\nlevel = \"sure\"\nwords = [\"x\"]\n";
        let e = parse_pack("x.toml", text).unwrap_err();
        let shown = render_error(&e, text, false);
        assert!(shown.contains("x.toml:4:9"), "{shown}");
        assert!(shown.contains("level = \"sure\""), "{shown}");
        assert!(shown.contains("^^^^^^"), "{shown}");
    }

    proptest::proptest! {
        /// The loader never panics: any text is a pack or a located error,
        /// and the error renders.
        #[test]
        fn any_text_loads_or_fails_cleanly(text in "(\\PC|\n|\\[\\[|\\]\\]|=|\"|id|words|level){0,200}") {
            if let Err(e) = parse_pack("p.toml", &text) {
                proptest::prop_assert!(e.line >= 1);
                let _ = render_error(&e, &text, false);
            }
        }

        /// Well-formed sections with arbitrary values: no panic either.
        #[test]
        fn arbitrary_values_in_known_sections(
            section in "(negation|certainty|synonyms|related|finding|not_quantity|calendar|align)",
            id in "\\PC{0,12}",
            word in "\\PC{0,12}",
            level in "\\PC{0,10}",
        ) {
            let text = format!(
                "[[{section}]]\nid = {id:?}\ndescription = \"d\"\nwords = [{word:?}]\nlevel = {level:?}\npatterns = [{word:?}]\n"
            );
            if let Err(e) = parse_pack("p.toml", &text) {
                let _ = render_error(&e, &text, false);
            }
        }
    }

    #[test]
    fn rendered_error_at_multibyte_whitespace() {
        // Found by the rules fuzzer: the caret sat on a no-break space.
        let text = "\u{a0}=\u{a0}=\0\"\"";
        let e = parse_pack("x.toml", text).unwrap_err();
        let shown = render_error(&e, text, false);
        assert!(shown.contains("x.toml:1:"), "{shown}");
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\ncé d", 7), (2, 4));
    }
}
