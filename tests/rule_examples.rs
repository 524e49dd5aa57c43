//! Every example carried by a default rule runs here: a rule whose examples
//! fail breaks the build. (Segmentation, quantity and date examples run in
//! the unit tests of their modules, beside the code that reads them.)

use corroborate::check::Engine;
use corroborate::load;
use corroborate::model::Document;
use corroborate::rules::RuleSet;

fn engine() -> Engine {
    Engine::new(RuleSet::defaults())
}

fn doc(id: &str, text: &str) -> Document {
    Document::new(id, format!("{id}.txt"), text)
}

#[test]
fn certainty_examples() {
    let e = engine();
    let mut n = 0;
    for r in &e.rules.certainty {
        for ex in &r.examples {
            let claim = e.sentence_claim("x", &ex.text);
            assert_eq!(
                Some(claim.certainty),
                ex.level,
                "rule {}: {:?} got {:?} from {:?}",
                r.id,
                ex.text,
                claim.certainty,
                claim.hedges
            );
            n += 1;
        }
    }
    assert!(n >= 5);
}

#[test]
fn reporting_examples() {
    let e = engine();
    for r in &e.rules.reporting {
        assert!(!r.examples.is_empty(), "rule {} has no examples", r.id);
        for ex in &r.examples {
            let claim = e.sentence_claim("x", &ex.text);
            let got = claim.attribution.and_then(|a| a.source);
            assert_eq!(got, ex.source, "rule {}: {:?}", r.id, ex.text);
        }
    }
}

#[test]
fn negation_examples() {
    let e = engine();
    for r in &e.rules.negation {
        for ex in &r.examples {
            let claim = e.sentence_claim("x", &ex.text);
            assert_eq!(Some(claim.negated), ex.negated, "rule {}: {:?}", r.id, ex.text);
        }
    }
}

/// Synonym, stopword and align examples: pairs that must (not) match.
#[test]
fn similarity_examples() {
    let e = engine();
    let mut pairs = Vec::new();
    let mut expected = Vec::new();
    for (id, examples) in e
        .rules
        .synonyms
        .iter()
        .map(|r| (&r.id, &r.examples))
        .chain(e.rules.stopwords.iter().map(|r| (&r.id, &r.examples)))
        .chain(e.rules.align.iter().map(|r| (&r.id, &r.examples)))
    {
        assert!(!examples.is_empty(), "rule {id} has no examples");
        for ex in examples {
            let other = ex
                .other
                .clone()
                .unwrap_or_else(|| panic!("rule {id}: example needs `other`"));
            pairs.push((ex.text.clone(), other));
            expected.push((id.clone(), ex.matches.unwrap_or(true)));
        }
    }
    let scores = e.similarity(&pairs);
    for ((pair, (id, want)), (score, got)) in pairs.iter().zip(&expected).zip(&scores) {
        assert_eq!(got, want, "rule {id}: {pair:?} scored {score:.3}");
    }
}

#[test]
fn name_examples() {
    let e = engine();
    for r in &e.rules.names {
        for ex in &r.examples {
            let got = e
                .extractor
                .entities
                .find(&ex.text, 0, &Default::default())
                .into_iter()
                .next()
                .map(|x| x.canonical);
            assert_eq!(got, ex.canonical, "rule {}: {:?}", r.id, ex.text);
        }
    }
}

/// Claim examples: the rule fires on the text (unless `fires = false`) and
/// the whole decision, all rules summed against the threshold, is `claim`.
/// The same decision `check` makes, so a claim example is also checked as a
/// one-sentence document.
#[test]
fn claim_examples() {
    let e = engine();
    let cw = &e.extractor.checkworthiness;
    let ids: Vec<&str> = cw.ids().collect();
    let mut n = 0;
    let mut failures = Vec::new();
    for r in &e.rules.claims {
        assert!(!r.examples.is_empty(), "rule {} has no examples", r.id);
        for ex in &r.examples {
            let d = e.extractor.check_worthiness(&ex.text);
            let fired = d.fired.iter().any(|&i| ids[i] == r.id);
            let reasons: Vec<&str> = d.fired.iter().map(|&i| ids[i]).collect();
            let as_doc = !e.extractor.claims(&doc("x", &ex.text)).is_empty();
            if fired != ex.fires.unwrap_or(true) || Some(d.claim) != ex.claim || as_doc != d.claim {
                failures.push(format!(
                    "rule {}: {:?} scored {:.2} (threshold {:.2}), claim {} (as a document {as_doc}), from {reasons:?}",
                    r.id, ex.text, d.score, cw.threshold, d.claim
                ));
            }
            n += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for r in &e.rules.checkworthy {
        assert!(!r.examples.is_empty(), "rule {} has no examples", r.id);
        for ex in &r.examples {
            let d = e.extractor.check_worthiness(&ex.text);
            assert_eq!(
                Some(d.claim),
                ex.claim,
                "rule {}: {:?} scored {:.2}",
                r.id,
                ex.text,
                d.score
            );
        }
    }
    assert!(n >= 20);
}

/// Finding examples: one sentence per document; the rule fires or not.
#[test]
fn finding_examples() {
    let e = engine();
    for r in &e.rules.finding {
        assert!(!r.examples.is_empty(), "rule {} has no examples", r.id);
        for ex in &r.examples {
            let docs = ex
                .docs
                .as_ref()
                .unwrap_or_else(|| panic!("rule {}: example needs `docs`", r.id));
            let docs: Vec<Document> = docs.iter().enumerate().map(|(i, t)| doc(&format!("d{i}"), t)).collect();
            let report = e.check(docs);
            let fired = report.findings.iter().any(|f| f.rule == r.id);
            assert_eq!(
                Some(fired),
                ex.fires,
                "rule {}: {:?}\nfindings: {:#?}\nclaims: {:#?}",
                r.id,
                ex.docs,
                report.findings,
                report.claims
            );
        }
    }
}

/// Aspect examples: the text's first figure is compared as `measure`.
#[test]
fn aspect_examples() {
    let e = engine();
    let aspects = corroborate::judge::quantity::Aspects::new(&e.rules);
    assert!(!e.rules.aspects.is_empty());
    for r in &e.rules.aspects {
        assert!(!r.examples.is_empty(), "aspect {} has no examples", r.id);
        for ex in &r.examples {
            let refined = aspects.refine(&e.sentence_claim("x", &ex.text));
            assert_eq!(
                refined.first().and_then(|q| q.measure.as_deref()),
                ex.measure.as_deref(),
                "aspect {}: {:?}\n{refined:#?}",
                r.id,
                ex.text
            );
        }
    }
}

#[test]
fn default_packs_lint_clean() {
    for (path, text) in corroborate::rules::DEFAULT_PACKS {
        corroborate::rules::parse_pack(path, text).unwrap_or_else(|e| panic!("{e}"));
    }
    let _ = load::SIDECAR;
}

/// Related-word examples: word pairs that are (not) related.
#[test]
fn related_examples() {
    let e = engine();
    let mut n = 0;
    for r in &e.rules.related {
        assert!(!r.examples.is_empty(), "rule {} has no examples", r.id);
        for ex in &r.examples {
            let other = ex
                .other
                .as_deref()
                .unwrap_or_else(|| panic!("rule {}: example needs `other`", r.id));
            let got = e.aligner.related.related(&ex.text, other);
            assert_eq!(Some(got), ex.matches, "rule {}: {:?} and {other:?}", r.id, ex.text);
            n += 1;
        }
    }
    assert!(n >= 5);
}
