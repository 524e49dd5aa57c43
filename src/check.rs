//! The whole pipeline, end to end: documents in, report out.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::align::{Aligner, Idf, Terms};
use crate::extract::Extractor;
use crate::judge::judge;
use crate::model::{Claim, Document, Entity, Report, SCHEMA, Span, Story};
use crate::rules::RuleSet;

/// Compiled rules, reusable across runs.
pub struct Engine {
    pub rules: RuleSet,
    pub extractor: Extractor,
    pub aligner: Aligner,
}

impl Engine {
    pub fn new(rules: RuleSet) -> Engine {
        // Compiling the rules is most of a small run's time: the two halves
        // do not wait on each other.
        let (extractor, aligner) = rayon::join(|| Extractor::new(&rules), || Aligner::new(&rules));
        Engine {
            rules,
            extractor,
            aligner,
        }
    }

    /// Run the pipeline over loaded documents. Documents are ordered by path
    /// first, so the report does not depend on the order they were given in.
    pub fn check(&self, docs: Vec<Document>) -> Report {
        self.check_with_progress(docs, &|| {})
    }

    /// `check`, calling `progress` once per document extracted (from any
    /// thread): what drives the command line's progress bar.
    pub fn check_with_progress(&self, docs: Vec<Document>, progress: &(dyn Fn() + Sync)) -> Report {
        self.run(docs, progress, &mut |_, _| {})
    }

    /// `check`, calling `stage` with the name and wall time of each stage
    /// (extraction, alignment, judging) as it ends: what the scale bench
    /// reports, with the memory it reads at that moment.
    pub fn check_staged(
        &self,
        docs: Vec<Document>,
        stage: &mut dyn FnMut(&'static str, std::time::Duration),
    ) -> Report {
        self.run(docs, &|| {}, stage)
    }

    fn run(
        &self,
        mut docs: Vec<Document>,
        progress: &(dyn Fn() + Sync),
        stage: &mut dyn FnMut(&'static str, std::time::Duration),
    ) -> Report {
        let mut clock = std::time::Instant::now();
        let mut lap = |name: &'static str| {
            stage(name, clock.elapsed());
            clock = std::time::Instant::now();
        };
        docs.sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.id.cmp(&b.id)));
        // Names resolve within a document ([`Engine::resolve_names`]), so
        // each document's are resolved with its extraction, in parallel.
        let per_doc: Vec<Vec<Claim>> = docs
            .par_iter()
            .map(|d| {
                let mut claims = self.extractor.claims(d);
                let mut mentions: Vec<&mut Entity> = claims.iter_mut().flat_map(|c| c.entities.iter_mut()).collect();
                crate::extract::entity::resolve(&self.extractor.entities, &mut mentions);
                progress();
                claims
            })
            .collect();
        let claims: Vec<Claim> = per_doc.into_iter().flatten().collect();
        lap("extract");
        let alignment = self.aligner.align(&claims);
        lap("align");
        let (clusters, findings) = judge(&claims, &alignment, &self.rules, &self.aligner);
        lap("judge");
        let stories = alignment
            .stories
            .iter()
            .enumerate()
            .map(|(k, documents)| Story {
                id: format!("s{}", k + 1),
                documents: documents.clone(),
            })
            .collect();
        Report {
            schema: SCHEMA,
            documents: docs,
            stories,
            claims,
            clusters,
            findings,
        }
    }

    /// Short names ("Hargrove", "M. Hargrove") resolved to the full name
    /// their own document uses, when only one full name fits: what `check`
    /// does before alignment. Within a document, as news style gives the
    /// full name first: across a folder of several stories, "Reid" in one
    /// story's articles would become another story's "Richard Reid".
    pub fn resolve_names(&self, claims: &mut [Claim]) {
        let mut by_doc: BTreeMap<&str, Vec<&mut Entity>> = BTreeMap::new();
        for Claim { doc, entities, .. } in claims.iter_mut() {
            by_doc.entry(doc.as_str()).or_default().extend(entities.iter_mut());
        }
        by_doc
            .into_values()
            .collect::<Vec<_>>()
            .par_iter_mut()
            .for_each(|mentions| crate::extract::entity::resolve(&self.extractor.entities, mentions));
    }

    /// A single sentence as a claim (every facet, no claim test): what the
    /// `similarity` command compares.
    pub fn sentence_claim(&self, id: &str, text: &str) -> Claim {
        let sf = self.extractor.lone_sentence(text);
        sf.into_claim(
            id.to_string(),
            id.to_string(),
            Span::new(0, text.len()),
            1,
            text,
            Default::default(),
        )
    }

    /// The sentences of one article as claims (every facet, no claim
    /// test), one per `(id, text)`: unlike [`Engine::sentence_claim`], the
    /// article's words written in lower case inform its capitalised ones
    /// (a headline's "Checks Into Rehab"). Offsets are into the sentences
    /// joined by line breaks.
    pub fn article_claims(&self, doc: &str, sentences: &[(&str, &str)]) -> Vec<Claim> {
        let texts: Vec<&str> = sentences.iter().map(|(_, t)| *t).collect();
        let (spans, facets) = self.extractor.sentence_list(&texts);
        sentences
            .iter()
            .zip(spans)
            .zip(facets)
            .enumerate()
            .map(|(k, (((id, text), span), sf))| {
                sf.into_claim(id.to_string(), doc.to_string(), span, k + 1, text, Default::default())
            })
            .collect()
    }

    /// Similarity scores of sentence pairs, and whether each matches at the
    /// aligner's threshold. Term rarity is measured over all the sentences.
    pub fn similarity(&self, pairs: &[(String, String)]) -> Vec<(f64, bool)> {
        let (terms, idf) = self.pair_terms(pairs);
        terms
            .iter()
            .map(|(a, b)| {
                let s = self.aligner.score(a, b, &idf);
                (s, s >= self.aligner.params.threshold)
            })
            .collect()
    }

    /// The aligner's features of sentence pairs (see [`crate::align::FEATURES`]),
    /// with rarity measured as [`Engine::similarity`] does: what the weights
    /// of `rules/align.toml` are fitted on.
    pub fn pair_features(&self, pairs: &[(String, String)]) -> Vec<Vec<f64>> {
        let (terms, idf) = self.pair_terms(pairs);
        terms.iter().map(|(a, b)| self.aligner.features(a, b, &idf)).collect()
    }

    fn pair_terms(&self, pairs: &[(String, String)]) -> (Vec<(Terms, Terms)>, Idf) {
        let claims: Vec<Claim> = pairs
            .par_iter()
            .flat_map_iter(|(a, b)| [self.sentence_claim("a", a), self.sentence_claim("b", b)])
            .collect();
        let mut terms = self.aligner.terms_of(&claims).into_iter();
        let terms: Vec<(Terms, Terms)> = std::iter::from_fn(|| Some((terms.next()?, terms.next()?))).collect();
        let idf = Idf::new(terms.iter().flat_map(|(a, b)| [&a.terms, &b.terms]));
        (terms, idf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_common_word_opening_a_sentence_is_no_name_unless_the_article_names_it() {
        let engine = Engine::new(RuleSet::defaults());
        let sentences = [
            (
                "a",
                "Damage to the bridge in Dayton was severe, officials said on Friday.",
            ),
            ("b", "Page said the bridge had been inspected in May."),
            ("c", "The engineer, Elizabeth Page, was questioned on Saturday."),
        ];
        let claims = engine.article_claims("d", &sentences);
        let names = |k: usize| -> Vec<&str> { claims[k].entities.iter().map(|e| e.text.as_str()).collect() };
        assert_eq!(names(0), ["Dayton"]);
        // "page" is a word too, but the article writes it inside a sentence.
        assert_eq!(names(1), ["Page"]);
    }

    #[test]
    fn a_word_capitalised_only_inside_a_longer_name_opens_no_name_alone() {
        let engine = Engine::new(RuleSet::defaults());
        let sentences = [
            (
                "a",
                "The rules were issued by the Environmental Protection Agency in May.",
            ),
            ("b", "Environmental groups said the rules were weak."),
            ("c", "The environmental review took two years."),
            ("d", "The talks with North Korea resumed in June."),
            ("e", "North Korea said the talks would go on."),
            ("f", "The north wind kept boats in port."),
        ];
        let claims = engine.article_claims("d", &sentences);
        let names = |k: usize| -> Vec<&str> { claims[k].entities.iter().map(|e| e.text.as_str()).collect() };
        assert_eq!(names(1), Vec::<&str>::new());
        // Written as the article writes the name, it is the name.
        assert_eq!(names(4), ["North Korea"]);
    }

    #[test]
    fn a_lone_surname_resolves_within_its_own_document() {
        let engine = Engine::new(RuleSet::defaults());
        let doc = |id: &str, text: &str| Document::new(id.to_string(), format!("{id}.txt"), text.to_string());
        let report = engine.check(vec![
            doc(
                "a",
                "Richard Reid was arrested at the airport. Reid was charged on Monday.",
            ),
            doc(
                "b",
                "The actress checked into a clinic on Tuesday. Reid left after two days.",
            ),
        ]);
        let names = |d: &str| -> Vec<String> {
            report
                .claims
                .iter()
                .filter(|c| c.doc == d)
                .flat_map(|c| c.entities.iter().map(|e| e.canonical.clone()))
                .collect()
        };
        assert_eq!(names("a"), ["Richard Reid", "Richard Reid"]);
        // Another story's full name is not this one's.
        assert_eq!(names("b"), ["Reid"]);
    }

    #[test]
    fn an_articles_sentences_read_together_inform_its_headline() {
        let engine = Engine::new(RuleSet::defaults());
        let sentences = [
            ("h", "Acme Recalls Trucks After Fire"),
            ("b", "The recall by Acme covers trucks sold before the fire."),
        ];
        let claims = engine.article_claims("d", &sentences);
        assert_eq!(claims.len(), 2);
        assert_eq!((claims[0].id.as_str(), claims[0].doc.as_str()), ("h", "d"));
        assert_eq!(claims[1].text, sentences[1].1);
        // The body writes "recall", "trucks" and "fire" in lower case, so the
        // headline's only name is the company.
        let names: Vec<&str> = claims[0].entities.iter().map(|e| e.canonical.as_str()).collect();
        assert_eq!(names, ["Acme"]);
        // Offsets are into the sentences joined by line breaks.
        let (a, b) = (&claims[1].entities[0], &claims[1]);
        assert_eq!(&b.text[a.start - b.start..a.end - b.start], "Acme");
    }
}
