//! The example corpus end to end: what a user sees, pinned by snapshots
//! (reviewed line by line before they were accepted), plus the judgements
//! the example exists to show, asserted directly.

use corroborate::check::Engine;
use corroborate::load::load_paths;
use corroborate::model::Report;
use corroborate::report;
use corroborate::rules::RuleSet;

fn corpus_report() -> Report {
    let docs = load_paths(&["corpus/att-huawei-2018".into()]).expect("corpus loads");
    Engine::new(RuleSet::defaults()).check(docs)
}

#[test]
fn text_report_snapshot() {
    let r = corpus_report();
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("corpus_text", report::text(&r));
    });
}

#[test]
fn json_report_snapshot() {
    let r = corpus_report();
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("corpus_json", report::json(&r));
    });
}

fn claim<'a>(r: &'a Report, id: &str) -> &'a corroborate::model::Claim {
    r.claims.iter().find(|c| c.id == id).unwrap()
}

/// The cancellation of the phone deal: one cluster stated by all three
/// sources, with the certainty difference between them.
#[test]
fn cancellation_is_one_cluster_of_three_sources_with_a_certainty_difference() {
    let r = corpus_report();
    let cluster = r
        .clusters
        .iter()
        .find(|cl| {
            cl.claims
                .iter()
                .any(|id| claim(&r, id).text.contains("abruptly canceled"))
        })
        .expect("the cancellation is clustered");
    assert_eq!(cluster.sources, 3, "{cluster:?}");
    for needle in ["allegedly backed out", "reportedly backed out"] {
        assert!(
            cluster.claims.iter().any(|id| claim(&r, id).text.contains(needle)),
            "{needle} missing from {cluster:?}"
        );
    }
    let f = r
        .findings
        .iter()
        .find(|f| f.kind == "certainty_difference" && f.cluster.as_deref() == Some(&cluster.id))
        .expect("certainty difference found");
    assert!(
        f.message.contains("asserted") && f.message.contains("alleged") && f.message.contains("reported"),
        "{}",
        f.message
    );
}

/// "over 70 million people" against "hundreds of millions of consumers":
/// a quantity conflict whose suggestion names the likely intended figure.
#[test]
fn reach_figures_conflict_and_the_suggestion_names_the_figure() {
    let r = corpus_report();
    let f = r
        .findings
        .iter()
        .find(|f| {
            f.kind == "quantity_conflict"
                && f.claims
                    .iter()
                    .any(|id| claim(&r, id).text.contains("70 million people"))
        })
        .expect("quantity conflict on the reach figure");
    assert!(
        f.claims
            .iter()
            .any(|id| claim(&r, id).text.contains("hundreds of millions of consumers")),
        "{f:?}"
    );
    let s = f.suggestion.as_deref().expect("a suggestion");
    assert!(s.contains("170 million"), "{s}");
    assert!(
        f.evidence.iter().any(|e| e.contains("170 countries")),
        "{:?}",
        f.evidence
    );
}

#[test]
fn header_date_is_metadata() {
    let r = corpus_report();
    assert_eq!(
        r.documents
            .iter()
            .filter(|d| d.date.as_deref() == Some("2018-01-10"))
            .count(),
        1
    );
    assert!(r.claims.iter().all(|c| !c.text.contains("date 2018")));
}
