//! Extraction: which sentences are claims, and their facets.
//!
//! Facets are found per sentence, so each sentence's cues stay its own, and
//! shifted to document offsets.

pub mod attribution;
pub mod certainty;
pub mod checkworthy;
pub mod date;
pub mod entity;
pub mod numeral;
pub mod quantity;

#[cfg(test)]
mod facet_tests;

use chrono::NaiveDate;

use crate::lexicon::PhraseScan;
use crate::model::{Certainty, Claim, Document, Facets, Span};
use crate::rules::RuleSet;
use crate::segment::Segmenter;
use crate::tokens::{Token, tokens};

use attribution::AttributionFinder;
use certainty::CueFinder;
use checkworthy::{CheckWorthiness, Decision, FacetSignals, Worthiness};
use date::DateFinder;
use entity::{EntityFinder, LowerVocabulary, NameVocabulary};
use quantity::QuantityFinder;

/// Every extractor, compiled once from the rules.
#[derive(Debug, Clone)]
pub struct Extractor {
    pub segmenter: Segmenter,
    pub quantities: QuantityFinder,
    pub dates: DateFinder,
    pub entities: EntityFinder,
    pub attributions: AttributionFinder,
    pub cues: CueFinder,
    pub checkworthiness: CheckWorthiness,
    /// The phrase lists of `cues` and `attributions`, searched in one pass
    /// per sentence: [`CueFinder::phrase_lists`], then
    /// [`AttributionFinder::phrase_list`].
    phrases: PhraseScan,
}

/// The facets of one sentence, document offsets.
#[derive(Debug, Clone, Default)]
pub struct SentenceFacets {
    pub facets: Facets,
    pub attribution: Option<crate::model::Attribution>,
    pub certainty: Certainty,
    /// How many words ([`tokens`]) the sentence has.
    pub words: usize,
}

impl SentenceFacets {
    /// The claim these facets describe: `text` is the sentence at `span`.
    pub fn into_claim(
        self,
        id: String,
        doc: String,
        span: Span,
        line: usize,
        text: &str,
        worthiness: Worthiness,
    ) -> Claim {
        // Facet lists were grown by pushing; a run holds every claim to the
        // end, so what they reserved and never used is given back.
        let mut facets = self.facets;
        facets.negations.shrink_to_fit();
        facets.quantities.shrink_to_fit();
        facets.dates.shrink_to_fit();
        facets.entities.shrink_to_fit();
        facets.hedges.shrink_to_fit();
        let mut reasons = worthiness.reasons;
        reasons.shrink_to_fit();
        Claim {
            id,
            doc,
            start: span.start,
            end: span.end,
            line,
            text: text.to_string(),
            // A negator in an aside denies the aside, not the claim.
            negated: facets.negations.iter().any(|n| !n.aside),
            negations: facets.negations,
            quantities: facets.quantities,
            dates: facets.dates,
            entities: facets.entities,
            hedges: facets.hedges,
            attribution: self.attribution,
            certainty: self.certainty,
            check_worthy: worthiness.check_worthy,
            reasons,
        }
    }
}

impl Extractor {
    pub fn new(rules: &RuleSet) -> Extractor {
        let cues = CueFinder::new(rules);
        let entities = EntityFinder::new(rules);
        let attributions = AttributionFinder::with_persons(rules, entities.persons());
        let [hedges, negators, not_negating, withheld] = cues.phrase_lists();
        let phrases = PhraseScan::new(&[hedges, negators, not_negating, withheld, attributions.phrase_list()]);
        Extractor {
            segmenter: Segmenter::new(rules),
            quantities: QuantityFinder::new(rules),
            dates: DateFinder::new(rules),
            entities,
            attributions,
            cues,
            checkworthiness: CheckWorthiness::new(rules),
            phrases,
        }
    }

    /// Facets of one sentence at `span` of `text`.
    pub fn sentence_facets(
        &self,
        text: &str,
        span: Span,
        reference: Option<NaiveDate>,
        lower_vocab: &LowerVocabulary,
    ) -> SentenceFacets {
        let toks = tokens(&text[span.start..span.end]);
        self.sentence_facets_in(text, span, &toks, reference, lower_vocab, &NameVocabulary::default())
    }

    /// [`Self::sentence_facets`] given the sentence's `toks` ([`tokens`] of it).
    fn sentence_facets_in(
        &self,
        text: &str,
        span: Span,
        toks: &[Token],
        reference: Option<NaiveDate>,
        lower_vocab: &LowerVocabulary,
        names: &NameVocabulary,
    ) -> SentenceFacets {
        let s = &text[span.start..span.end];
        let base = span.start;
        let mut f = Facets {
            quantities: self.quantities.find(s),
            ..Default::default()
        };
        for q in &mut f.quantities {
            q.start += base;
            q.end += base;
        }
        f.dates = self.dates.find(s, reference);
        for d in &mut f.dates {
            d.start += base;
            d.end += base;
        }
        f.entities = self.entities.find_in(s, base, toks, lower_vocab, names);
        // A date word is not a name ("CES 2018" keeps "CES").
        let occurrences = self.phrases.scan(s);
        f.hedges = self.cues.hedges_in(s, base, &occurrences[..4]);
        f.negations = self.cues.negations_in(s, base, &occurrences[..4]);
        let found = self.attributions.find_in(s, base, &f.entities, toks, &occurrences[4]);
        let mut levels: Vec<Certainty> = f.hedges.iter().map(|h| h.level).collect();
        let attribution = found.map(|(a, level)| {
            levels.push(level);
            a
        });
        if let Some(a) = &attribution {
            self.attributions.mark_said_dates(s, base, a, &mut f.dates);
        }
        self.attributions.mark_published_dates(s, base, &mut f.dates);
        f.attributions.extend(attribution.clone());
        SentenceFacets {
            certainty: certainty::overall(levels),
            facets: f,
            attribution,
            words: toks.len(),
        }
    }

    /// "the company said" in an article that names one organisation, and
    /// names it first, is said by that organisation: two articles that both
    /// have it from the company share one origin. An article naming two
    /// organisations, or none surely ([`EntityFinder::is_organisation`]),
    /// keeps the common noun. `sentences` are all the article's sentences.
    pub fn resolve_stand_ins(&self, text: &str, sentences: &mut [SentenceFacets]) {
        let Some((first, name)) = self
            .entities
            .sole_organisation(sentences.iter().flat_map(|s| &s.facets.entities))
        else {
            return;
        };
        for sf in sentences {
            for a in sf.attribution.iter_mut().chain(sf.facets.attributions.iter_mut()) {
                if first <= a.start && self.attributions.is_stand_in(text, a) {
                    a.source = Some(name.clone());
                }
            }
        }
    }

    /// The check-worthiness of one sentence, `text`, whose facets are found.
    pub fn decide(&self, text: &str, sf: &SentenceFacets, attribution: Option<&crate::model::Attribution>) -> Decision {
        let words = sf.words;
        let facets = FacetSignals {
            quantity: !sf.facets.quantities.is_empty(),
            date: !sf.facets.dates.is_empty(),
            actor: !sf.facets.entities.is_empty() && words >= 5,
            attribution: attribution.is_some_and(|a| a.source.is_some()),
        };
        self.checkworthiness.decide_counted(text, words, facets)
    }

    /// The check-worthiness of a text taken as one sentence (the ClaimBuster
    /// harness and rule examples), with no document date.
    pub fn check_worthiness(&self, text: &str) -> Decision {
        let sf = self.lone_sentence(text);
        self.decide(text, &sf, sf.attribution.as_ref())
    }

    /// The facets of a text taken as one sentence, with no document date:
    /// an article of one sentence.
    pub fn lone_sentence(&self, text: &str) -> SentenceFacets {
        let mut sentences = self.article(text, &[Span::new(0, text.len())], None, 0);
        sentences.pop().unwrap_or_default()
    }

    /// The facets of an article given as its sentences, with no document
    /// date: what an article's words in lower case tell of its capitalised
    /// ones holds across them. The offsets, and the returned spans, are
    /// into the sentences joined by line breaks.
    pub fn sentence_list(&self, sentences: &[&str]) -> (Vec<Span>, Vec<SentenceFacets>) {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(sentences.len());
        for s in sentences {
            if !text.is_empty() {
                text.push('\n');
            }
            spans.push(Span::new(text.len(), text.len() + s.len()));
            text.push_str(s);
        }
        let facets = self.article(&text, &spans, None, 0);
        (spans, facets)
    }

    /// The facets of an article's sentences at `spans`, with what one
    /// sentence says of another resolved ([`Self::resolve_stand_ins`]).
    /// The words the article writes in lower case are those of
    /// `text[vocabulary_from..]` ([`lower_vocabulary`]).
    fn article(
        &self,
        text: &str,
        spans: &[Span],
        reference: Option<NaiveDate>,
        vocabulary_from: usize,
    ) -> Vec<SentenceFacets> {
        let toks: Vec<Vec<Token>> = spans.iter().map(|s| tokens(&text[s.start..s.end])).collect();
        let vocab = article_vocabulary(text, vocabulary_from, spans, &toks);
        let names = self.entities.names_written(&toks);
        let mut sentences: Vec<SentenceFacets> = spans
            .iter()
            .zip(&toks)
            .map(|(&span, toks)| self.sentence_facets_in(text, span, toks, reference, &vocab, &names))
            .collect();
        self.resolve_stand_ins(text, &mut sentences);
        self.attributions.resolve_tellers(&mut sentences);
        sentences
    }

    /// Every facet of a whole text (the `facets` command).
    pub fn facets(&self, text: &str, body_start: usize, reference: Option<NaiveDate>) -> Facets {
        let mut all = Facets::default();
        for sf in self.article(text, &self.sentences(text, body_start), reference, 0) {
            all.quantities.extend(sf.facets.quantities);
            all.dates.extend(sf.facets.dates);
            all.entities.extend(sf.facets.entities);
            all.hedges.extend(sf.facets.hedges);
            all.attributions.extend(sf.facets.attributions);
            all.negations.extend(sf.facets.negations);
        }
        all
    }

    /// Sentence spans of the text after `body_start`, document offsets.
    pub fn sentences(&self, text: &str, body_start: usize) -> Vec<Span> {
        self.segmenter
            .split(&text[body_start..])
            .into_iter()
            .map(|s| Span::new(s.start + body_start, s.end + body_start))
            .collect()
    }

    /// The claims of one document.
    pub fn claims(&self, doc: &Document) -> Vec<Claim> {
        let reference = doc
            .date
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(doc.text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut claims = Vec::new();
        let mut previous_speaker: Option<String> = None;
        let spans = self.sentences(&doc.text, doc.body_start);
        let sentences = self.article(&doc.text, &spans, reference, doc.body_start);
        for (span, sf) in spans.into_iter().zip(sentences) {
            let text = &doc.text[span.start..span.end];
            let mut attribution = sf.attribution.clone();
            // A quotation that runs on from the previous sentence keeps its speaker.
            if attribution.as_ref().is_none_or(|a| a.source.is_none())
                && text.starts_with(['"', '“'])
                && let (Some(a), Some(speaker)) = (attribution.as_mut(), previous_speaker.as_ref())
            {
                a.source = Some(speaker.clone());
            }
            previous_speaker = attribution.as_ref().filter(|a| a.quote).and_then(|a| a.source.clone());
            let decision = self.decide(text, &sf, attribution.as_ref());
            if !decision.claim || bare_figures(text, span.start, &sf.facets) {
                continue;
            }
            let worthiness = self.checkworthiness.verdict(&decision);
            let line = line_starts.partition_point(|&s| s <= span.start);
            let mut sf = sf;
            sf.attribution = attribution;
            let id = format!("{}:{}", doc.id, claims.len() + 1);
            claims.push(sf.into_claim(id, doc.id.clone(), span, line, text, worthiness));
        }
        claims
    }
}

/// A line that is nothing but dates and figures ("March 4, 2025", a
/// dateline; "$25 million"): every letter and digit of the sentence `text`,
/// which starts at byte `start`, lies inside one of its dates or
/// quantities. It states nothing to check, though its date or figure
/// would keep it as a claim.
fn bare_figures(text: &str, start: usize, facets: &crate::model::Facets) -> bool {
    let mut spans: Vec<(usize, usize)> = facets
        .dates
        .iter()
        .map(|d| (d.start, d.end))
        .chain(facets.quantities.iter().map(|q| (q.start, q.end)))
        .collect();
    if spans.is_empty() {
        return false;
    }
    // One pass over the text and the spans in order: linear however many
    // figures a long sentence holds.
    spans.sort_unstable();
    let mut k = 0;
    text.char_indices().filter(|(_, c)| c.is_alphanumeric()).all(|(i, _)| {
        let at = start + i;
        while k < spans.len() && spans[k].1 <= at {
            k += 1;
        }
        // Spans before `k` end at or before `at`, and those after it start
        // no earlier than it does: only it can hold `at`.
        spans.get(k).is_some_and(|&(s, e)| s <= at && at < e)
    })
}

/// [`lower_vocabulary`] of `text[from..]`, whose sentences are at `spans`
/// with tokens `toks`. When the sentences cover that text but for white
/// space, with some between each two, no token crosses from one to the
/// next or lies outside them, and a sentence's tokens are those the whole
/// text has there (the tokenizer looks at most two characters past a
/// token, and white space ends it either way): the vocabulary is read off
/// the sentences' tokens instead of tokenising the text a second time.
fn article_vocabulary<'a>(text: &'a str, from: usize, spans: &[Span], toks: &[Vec<Token<'a>>]) -> LowerVocabulary<'a> {
    if !apart_by_white_space(text, from, spans) {
        return lower_vocabulary(&text[from..]);
    }
    // Sized for every token at once: growing by doubling rehashes each time.
    let mut vocab = LowerVocabulary::with_capacity_and_hasher(toks.iter().map(Vec::len).sum(), Default::default());
    for (span, toks) in spans.iter().zip(toks) {
        let sentence = &text[span.start..span.end];
        let addresses = certainty::web_addresses(sentence);
        vocab.extend(
            toks.iter()
                .filter(|t| t.text.starts_with(char::is_lowercase))
                .filter(|t| !addresses.iter().any(|&(s, e)| (s..e).contains(&t.start)))
                .map(|t| t.text),
        );
    }
    vocab
}

/// Whether `spans`, in order, cover `text[from..]` but for white space, with
/// some white space between each two.
fn apart_by_white_space(text: &str, from: usize, spans: &[Span]) -> bool {
    let mut at = from;
    for (k, s) in spans.iter().enumerate() {
        let Some(gap) = text.get(at..s.start) else {
            return false;
        };
        if k > 0 && gap.is_empty() || !gap.chars().all(char::is_whitespace) {
            return false;
        }
        at = s.end;
    }
    text.get(at..).is_some_and(|rest| rest.chars().all(char::is_whitespace))
}

/// Words the text writes in lower case: a capitalised sentence-initial word
/// found here is a common word, not a name. The words are borrowed from
/// `text`: one set per document, probed once per sentence at most, need not
/// own a copy of every word.
pub fn lower_vocabulary(text: &str) -> LowerVocabulary<'_> {
    let addresses = certainty::web_addresses(text);
    tokens(text)
        .into_iter()
        .filter(|t| t.text.starts_with(char::is_lowercase))
        .filter(|t| !addresses.iter().any(|&(s, e)| (s..e).contains(&t.start)))
        .map(|t| t.text)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(text: &str) -> Vec<Option<String>> {
        let ex = Extractor::new(&RuleSet::defaults());
        ex.claims(&Document::new("d", "d.txt", text))
            .into_iter()
            .map(|c| c.attribution.and_then(|a| a.source))
            .collect()
    }

    #[test]
    fn a_line_of_dates_and_figures_alone_is_no_claim() {
        let ex = Extractor::new(&RuleSet::defaults());
        let text = "Flood in Dornby\n\nMarch 4, 2025\n\nAbout 3,000 people were evacuated on Monday.\n\n$25 million.\n\nTuesday, March 5.";
        let claims: Vec<String> = ex
            .claims(&Document::new("d", "d.txt", text))
            .into_iter()
            .map(|c| c.text)
            .collect();
        assert_eq!(claims, ["About 3,000 people were evacuated on Monday."]);
    }

    #[test]
    fn the_vocabulary_read_off_sentences_is_the_whole_texts() {
        let ex = Extractor::new(&RuleSet::defaults());
        for text in [
            "The U.S. officials said.  He left the U.S.\nthe end-\nof it. Q&R's deal-maker's job.",
            "\"We left,\" she said.\"They stayed.\" it's   done...  ok",
            "date 2018-01-10\nheader words\n\nBody text here. more of it",
            "  leading space. trailing space.  \n",
            "no sentence end",
        ] {
            for from in [0, text.find('\n').map_or(0, |i| i + 1)] {
                let spans = ex.sentences(text, from);
                let toks: Vec<Vec<Token>> = spans.iter().map(|s| tokens(&text[s.start..s.end])).collect();
                assert_eq!(
                    article_vocabulary(text, from, &spans, &toks),
                    lower_vocabulary(&text[from..]),
                    "{text:?} from {from}"
                );
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]
        #[test]
        fn the_vocabulary_read_off_sentences_is_always_the_whole_texts(
            text in "[a-zA-Z0-9 .,'’&\"“”\n-]{0,120}|\\PC{0,60}"
        ) {
            static EX: std::sync::LazyLock<Extractor> = std::sync::LazyLock::new(|| Extractor::new(&RuleSet::defaults()));
            let spans = EX.sentences(&text, 0);
            let toks: Vec<Vec<Token>> = spans.iter().map(|s| tokens(&text[s.start..s.end])).collect();
            proptest::prop_assert_eq!(article_vocabulary(&text, 0, &spans, &toks), lower_vocabulary(&text));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]
        #[test]
        fn cues_and_attribution_from_one_scan_are_the_finders_own(
            text in "([a-zA-Z' ,.\"’-]|not |n't |may |said |told |according to |reportedly |could |did not say |the company ){0,30}"
        ) {
            static EX: std::sync::LazyLock<Extractor> = std::sync::LazyLock::new(|| Extractor::new(&RuleSet::defaults()));
            let occurrences = EX.phrases.scan(&text);
            proptest::prop_assert_eq!(EX.cues.hedges_in(&text, 3, &occurrences[..4]), EX.cues.hedges(&text, 3));
            proptest::prop_assert_eq!(EX.cues.negations_in(&text, 3, &occurrences[..4]), EX.cues.negations(&text, 3));
            let toks = tokens(&text);
            let vocab = lower_vocabulary(&text);
            let entities = EX.entities.find_in(&text, 0, &toks, &vocab, &Default::default());
            proptest::prop_assert_eq!(
                EX.attributions.find_in(&text, 0, &entities, &toks, &occurrences[4]),
                EX.attributions.find(&text, 0, &entities)
            );
        }
    }

    #[test]
    fn a_claim_kept_by_its_facets_alone_is_not_check_worthy() {
        let ex = Extractor::new(&RuleSet::defaults());
        let text = "Unemployment fell to 3.9 percent last year, the lowest rate in a decade.\n\
                    I think Maria Lopez would be a great mayor for us.\n";
        let claims = ex.claims(&Document::new("d", "d.txt", text));
        // Both are cross-referenced (the second for its named actor), but
        // only the first reads as a checkable fact.
        assert_eq!(claims.len(), 2);
        assert!(claims[0].check_worthy);
        assert!(!claims[1].check_worthy);
        assert!(claims[1].reasons.iter().any(|r| r == "named-actor"));
        for c in &claims {
            let d = ex.check_worthiness(&c.text);
            assert_eq!(c.check_worthy, d.score >= ex.checkworthiness.threshold, "{}", c.text);
        }
    }

    /// A page's address writes its words in lower case ("/nordvik/"): that
    /// is no evidence that a capitalised word opening a sentence is a
    /// common word.
    #[test]
    fn a_web_address_does_not_make_a_name_a_common_word() {
        for text in [
            "http://www.example.com/news/nordvik/contract.html\n\nNordvik said it had won the contract in 2019.\n",
            "http : / / www . example . com / news / nordvik - wins - contract . html\n\nNordvik said it had won the contract in 2019 .\n",
        ] {
            assert_eq!(
                sources(text).last().cloned().flatten().as_deref(),
                Some("Nordvik"),
                "{text}"
            );
        }
        // Prose that writes the word in lower case still makes it one.
        let prose = "The harbour was silted up in 2019.\nHarbour fees rose 12% in 2020.\n";
        let ex = Extractor::new(&RuleSet::defaults());
        let facets = ex.facets(prose, 0, None);
        assert!(
            facets.entities.iter().all(|e| e.canonical != "Harbour"),
            "{:?}",
            facets.entities
        );
    }

    /// Told a claim, a lone surname is a person who heard it when the
    /// article names that person in full; else it may be an outlet.
    #[test]
    fn a_named_teller_is_the_source_when_a_person_heard_it() {
        let named = "Judge Marcus Okafor heard the case on Monday.\n\
                     Jane Roe told Okafor that the plant had closed in 2019.\n";
        assert_eq!(sources(named)[1].as_deref(), Some("Jane Roe"));
        let unnamed = "The plant stood empty on Monday.\n\
                       Jane Roe told Okafor that the plant had closed in 2019.\n";
        assert_eq!(sources(unnamed)[1].as_deref(), Some("Okafor"));
        let outlet = "Judge Marcus Okafor heard the case on Monday.\n\
                      Jane Roe told Wirepost that the plant had closed in 2019.\n";
        assert_eq!(sources(outlet)[1].as_deref(), Some("Wirepost"));
    }

    #[test]
    fn the_company_is_the_one_organisation_the_article_names_first() {
        let named = "Nordvik Chemicals recalled 1,200 tanks on Monday.\n\
                     Nordvik shares fell 8% in Oslo trading.\n\
                     The tanks leaked 30 tonnes of ammonia, the company said.\n";
        assert_eq!(sources(named)[2].as_deref(), Some("Nordvik Chemicals"));
        // Two organisations: which one is "the company" is not known.
        let two = "Nordvik Chemicals sold 1,200 tanks to Globex Inc on Monday.\n\
                   The tanks leaked 30 tonnes of ammonia, the company said.\n";
        assert_eq!(sources(two)[1].as_deref(), Some("company"));
        // Named only after it: the words point back, not forward.
        let after = "The tanks leaked 30 tonnes of ammonia, the company said.\n\
                     Nordvik Chemicals recalled 1,200 tanks on Monday.\n";
        assert_eq!(sources(after)[0].as_deref(), Some("company"));
        // "Nordvik" alone is not surely a company.
        let unsure = "Nordvik recalled 1,200 tanks on Monday.\n\
                      The tanks leaked 30 tonnes of ammonia, the company said.\n";
        assert_eq!(sources(unsure)[1].as_deref(), Some("company"));
    }
}
