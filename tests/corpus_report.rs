//! The example corpus end to end: what a user sees, pinned by snapshots
//! (reviewed line by line before they were accepted), plus the judgements
//! each story exists to show, read from its `expect.toml` and checked here.

use std::path::Path;

use corroborate::check::Engine;
use corroborate::load::load_paths;
use corroborate::model::{Claim, Report};
use corroborate::report;
use corroborate::rules::RuleSet;
use serde::Deserialize;

fn report_of(path: &Path) -> Report {
    let docs = load_paths(&[path.to_path_buf()]).expect("corpus loads");
    Engine::new(RuleSet::defaults()).check(docs)
}

#[test]
fn text_report_snapshot() {
    let r = report_of(Path::new("corpus"));
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("corpus_text", report::text(&r));
    });
}

#[test]
fn json_report_snapshot() {
    let r = report_of(Path::new("corpus"));
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("corpus_json", report::json(&r));
    });
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    #[serde(default)]
    cluster: Vec<ExpectCluster>,
    #[serde(default)]
    finding: Vec<ExpectFinding>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectCluster {
    claims_containing: Vec<String>,
    sources: usize,
    finding: Option<String>,
    #[serde(default)]
    message_containing: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectFinding {
    kind: String,
    claims_containing: Vec<String>,
    #[serde(default)]
    suggestion_containing: Vec<String>,
    #[serde(default)]
    evidence_containing: Vec<String>,
}

fn claim<'a>(r: &'a Report, id: &str) -> &'a Claim {
    r.claims
        .iter()
        .find(|c| c.id == id)
        .expect("finding names a known claim")
}

fn holds(r: &Report, ids: &[String], needle: &str) -> bool {
    ids.iter().any(|id| claim(r, id).text.contains(needle))
}

#[test]
fn every_story_shows_what_it_is_for() {
    let mut checked = 0;
    for entry in std::fs::read_dir("corpus").unwrap() {
        let dir = entry.unwrap().path();
        let Ok(text) = std::fs::read_to_string(dir.join("expect.toml")) else {
            continue;
        };
        let expect: Expect = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        let r = report_of(&dir);
        for want in &expect.cluster {
            let cluster = r
                .clusters
                .iter()
                .find(|cl| want.claims_containing.iter().all(|n| holds(&r, &cl.claims, n)))
                .unwrap_or_else(|| {
                    panic!(
                        "{}: no cluster holds all of {:?}",
                        dir.display(),
                        want.claims_containing
                    )
                });
            assert_eq!(cluster.sources, want.sources, "{cluster:?}");
            if let Some(kind) = &want.finding {
                let f = r
                    .findings
                    .iter()
                    .find(|f| &f.kind == kind && f.cluster.as_deref() == Some(&cluster.id))
                    .unwrap_or_else(|| panic!("{}: no {kind} on {}", dir.display(), cluster.id));
                for n in &want.message_containing {
                    assert!(f.message.contains(n.as_str()), "{:?} lacks {n:?}", f.message);
                }
            }
            checked += 1;
        }
        for want in &expect.finding {
            let f = r
                .findings
                .iter()
                .find(|f| f.kind == want.kind && want.claims_containing.iter().all(|n| holds(&r, &f.claims, n)))
                .unwrap_or_else(|| panic!("{}: no {} over {:?}", dir.display(), want.kind, want.claims_containing));
            let suggestion = f.suggestion.as_deref().unwrap_or_default();
            for n in &want.suggestion_containing {
                assert!(suggestion.contains(n.as_str()), "suggestion {suggestion:?} lacks {n:?}");
            }
            for n in &want.evidence_containing {
                assert!(
                    f.evidence.iter().any(|e| e.contains(n.as_str())),
                    "evidence {:?} lacks {n:?}",
                    f.evidence
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 2, "no expectations were checked");
}

#[test]
fn header_dates_are_metadata() {
    let r = report_of(Path::new("corpus"));
    for d in r.documents.iter().filter(|d| d.date.is_some()) {
        let header = format!("date {}", d.date.as_deref().unwrap());
        let text = std::fs::read_to_string(&d.path).unwrap();
        if text.trim_start().starts_with(&header) {
            assert!(
                r.claims
                    .iter()
                    .filter(|c| c.doc == d.id)
                    .all(|c| !c.text.contains(&header))
            );
        }
    }
}
