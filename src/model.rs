//! The one data model passed between pipeline stages.
//!
//! Every stage is a plain function from these types to these types, so a
//! library user can stop the pipeline anywhere and inspect what it holds.
//! Offsets are byte offsets into the document text, end exclusive.

use serde::Serialize;

/// A byte range into a document's text, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// One input article.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// The file stem, made unique within a run.
    pub id: String,
    pub path: String,
    /// Outlet name, when a sidecar says so; never guessed.
    pub source: Option<String>,
    /// `YYYY-MM-DD`, from a sidecar or a `date YYYY-MM-DD` header.
    pub date: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    #[serde(skip)]
    pub text: String,
    /// Where the article body starts: a metadata header before it is not text.
    #[serde(skip)]
    pub body_start: usize,
}

impl Document {
    /// A document with text only: no metadata, no header.
    pub fn new(id: impl Into<String>, path: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            path: path.into(),
            source: None,
            date: None,
            url: None,
            title: None,
            text: text.into(),
            body_start: 0,
        }
    }
}

/// A sentence of a document.
#[derive(Debug, Clone, Serialize)]
pub struct Sentence {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// A number found in text, with what it measures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The stated figure, scale applied ("$47bn" = 4.7e10). Null for a vague
    /// amount ("dozens") that only has bounds.
    pub value: Option<f64>,
    /// Lower bound of the range or approximation; null when open.
    pub low: Option<f64>,
    /// Upper bound; null when open ("over 40 million").
    pub high: Option<f64>,
    /// "over", "more than", "nearly", "about", "up to", "at least"...
    pub approximator: Option<String>,
    /// Currency code ("USD", "GBP"), "percent", "percentage points",
    /// "fraction" (a share: "a third", "3/4"), or a unit of measure ("km");
    /// null for a plain count.
    pub unit: Option<String>,
    /// The noun counted ("people", "countries", "members"), when stated.
    pub counted: Option<String>,
    /// The measure class from the rules ("money", "people", "countries"...):
    /// only quantities of one measure are compared.
    pub measure: Option<String>,
}

impl Quantity {
    /// The figure as its text writes it in digits: the first run of digits,
    /// points and commas ("6.1" of "a 6.1 quake", "1,200" of "1,200
    /// people"); empty for a figure written in words. A point or comma
    /// spaced between digits, as tokenised text writes them ("6 . 1",
    /// "170 , 000"), is read closed up.
    pub fn written_figure(&self) -> std::borrow::Cow<'_, str> {
        written_figure(&self.text)
    }
}

/// [`Quantity::written_figure`] of any text.
pub fn written_figure(text: &str) -> std::borrow::Cow<'_, str> {
    let Some(start) = text.find(|c: char| c.is_ascii_digit()) else {
        return "".into();
    };
    let rest = &text[start..];
    let run = |s: &str| {
        s.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(s.len())
    };
    let mut len = run(rest);
    let mut spaced = false;
    while let Some(after) = rest[len..]
        .strip_prefix(" . ")
        .or_else(|| rest[len..].strip_prefix(" , "))
        && after.starts_with(|c: char| c.is_ascii_digit())
    {
        spaced = true;
        len += 3 + run(after);
    }
    if spaced {
        rest[..len].replace(' ', "").into()
    } else {
        rest[..len].into()
    }
}

/// A date or period found in text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateFacet {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; null when relative and unresolved.
    pub value: Option<String>,
    /// First day of the period, ISO; null when unresolved.
    pub low: Option<String>,
    /// Last day of the period, ISO; null when unresolved.
    pub high: Option<String>,
    /// "absolute", "relative", "weekday", "month", "year".
    pub kind: String,
    /// The day a source said it ("officials said on Sunday"), not the day
    /// of what it says: date conflicts leave it out. Written only when true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub said: bool,
}

impl DateFacet {
    /// The year a resolved date falls in ("2009-09" gives 2009), read from
    /// its value or, for a range, its first day.
    pub fn year(&self) -> Option<i32> {
        let v = self.value.as_deref().or(self.low.as_deref())?;
        let y = v.get(..4)?;
        y.bytes().all(|b| b.is_ascii_digit()).then(|| y.parse().ok())?
    }
}

/// A named entity and the canonical name it resolves to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The fullest name this mention resolves to within the document.
    pub canonical: String,
    /// True when the text put a title before the name ("Rep.", "CEO").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub titled: bool,
}

/// How sure a source is of what it states, most certain first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    #[default]
    Asserted,
    Reported,
    Alleged,
    Speculative,
    Denied,
}

impl Certainty {
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Asserted => "asserted",
            Certainty::Reported => "reported",
            Certainty::Alleged => "alleged",
            Certainty::Speculative => "speculative",
            Certainty::Denied => "denied",
        }
    }
}

/// A word or phrase that lowers (or marks) certainty.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hedge {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub level: Certainty,
    /// The rule that listed this word.
    pub rule: String,
}

/// Who a sentence says the information comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attribution {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The outlet or speaker: a name as the document resolves it (its
    /// fullest form in the document, a nickname expanded by the `names`
    /// rules: "Tim Mead said" gives "Timothy Mead"),
    /// so that two spellings of one source count as one origin; a common
    /// noun lower-cased ("officials"); null for an unnamed "reports". The
    /// words as written are in `text`.
    pub source: Option<String>,
    /// The reporting verb or phrase ("reported", "told", "according to").
    pub verb: Option<String>,
    /// True when the claim is a direct quotation.
    pub quote: bool,
    /// The named teller when `source` is a lone surname that was told the
    /// claim ("Jane Roe told Okafor"): the source if the article names
    /// that person in full, see
    /// [`crate::extract::attribution::AttributionFinder::resolve_tellers`].
    #[serde(skip)]
    pub teller: Option<String>,
}

/// Everything `facets` finds in a text.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateFacet>,
    pub entities: Vec<Entity>,
    pub hedges: Vec<Hedge>,
    pub attributions: Vec<Attribution>,
    pub negations: Vec<Negation>,
}

/// A negation cue ("not", "never", "denied").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Negation {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The negator withholds an answer ("did not say whether"): the claim
    /// says something else than one stating the fact, but denies nothing,
    /// so no polarity conflict is drawn from it. Written only when true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub withheld: bool,
    /// The negator stands in an aside ("Vance, who was not at the plant,
    /// visited it"): it denies only the aside, so the claim is not negated,
    /// and, as for a withheld answer, no polarity conflict is drawn from
    /// it. Written only when true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub aside: bool,
}

impl Negation {
    /// Whether the negator denies the fact: neither a withheld answer nor
    /// an aside's, which neither state nor deny it.
    pub fn denies(&self) -> bool {
        !self.withheld && !self.aside
    }
}

/// A sentence that carries something checkable, with its facets.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    /// `<doc id>:<n>`, n counting claims of the document from 1.
    pub id: String,
    pub doc: String,
    pub start: usize,
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    pub text: String,
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateFacet>,
    pub entities: Vec<Entity>,
    pub hedges: Vec<Hedge>,
    pub attribution: Option<Attribution>,
    pub negated: bool,
    /// The negation cues behind `negated`.
    pub negations: Vec<Negation>,
    pub certainty: Certainty,
    /// The check-worthiness rules' weights (rules/claims.toml) reach their
    /// threshold: the decision measured on ClaimBuster. A sentence kept
    /// only by a `keep` rule (a quantity, a date, a named actor, a source)
    /// is cross-referenced all the same, but is not check-worthy by that
    /// measure. False for claims made without the claim test.
    pub check_worthy: bool,
    /// Why this sentence counts as a claim: the ids of the rules that fired.
    pub reasons: Vec<String>,
}

/// The distinct documents of some claims, in id order.
pub fn documents_of<'a>(claims: impl IntoIterator<Item = &'a Claim>) -> Vec<&'a str> {
    let mut docs: Vec<&str> = claims.into_iter().map(|c| c.doc.as_str()).collect();
    docs.sort_unstable();
    docs.dedup();
    docs
}

/// Claims from different documents that state the same fact.
#[derive(Debug, Clone, Serialize)]
pub struct Cluster {
    pub id: String,
    pub claims: Vec<String>,
    /// "corroborated", "conflict" or "uncertain".
    pub verdict: String,
    /// Number of distinct documents.
    pub sources: usize,
    /// Number of independent origins among them: documents that cite one
    /// outlet or person, or print one text, count once (`judge::origins`).
    pub origins: usize,
}

/// A judgement over a cluster or a claim, made by one rule.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub rule: String,
    pub kind: String,
    pub severity: Severity,
    pub cluster: Option<String>,
    pub claims: Vec<String>,
    pub message: String,
    pub suggestion: Option<String>,
    /// The facts the rule saw: the quantities, words or attributions compared.
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Documents that report one happening (see `align::stories`): claims of
/// two stories are never aligned.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Story {
    /// "s1", "s2", ... in order of each story's first document.
    pub id: String,
    /// Document ids, ascending.
    pub documents: Vec<String>,
}

/// The whole result of `check`: what `--format json` prints.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema: &'static str,
    pub documents: Vec<Document>,
    pub stories: Vec<Story>,
    pub claims: Vec<Claim>,
    pub clusters: Vec<Cluster>,
    pub findings: Vec<Finding>,
}

pub const SCHEMA: &str = "corroborate/1";

#[cfg(test)]
mod tests {
    use super::Quantity;

    fn q(text: &str) -> Quantity {
        Quantity {
            text: text.into(),
            start: 0,
            end: text.len(),
            value: None,
            low: None,
            high: None,
            approximator: None,
            unit: None,
            counted: None,
            measure: None,
        }
    }

    #[test]
    fn written_figure_closes_up_tokenised_separators() {
        for (text, figure) in [
            ("a 6.1 quake", "6.1"),
            ("1,200 people", "1,200"),
            ("6 . 2 miles", "6.2"),
            ("about 170 , 000", "170,000"),
            ("6 . the", "6"),
            ("six", ""),
        ] {
            assert_eq!(q(text).written_figure(), figure, "{text}");
        }
    }
}
