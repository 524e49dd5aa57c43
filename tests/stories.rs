//! Stories: articles about two different happenings of one kind (two
//! earthquakes) are told apart before any claim is compared, so no cluster
//! joins them; articles about one happening stay one story. The articles
//! are invented for this test.

use corroborate::check::Engine;
use corroborate::model::{Document, Report};
use corroborate::rules::RuleSet;

const NORTH: [&str; 3] = [
    "A magnitude 6.2 earthquake struck the mountain town of Valdoria on Tuesday, killing at least 12 people. \
     Rescue teams in Valdoria pulled survivors from the rubble of the old market hall. \
     Governor Anna Brisk said the Valdoria hospital was overwhelmed. \
     The quake was centred 10 kilometres north of Valdoria, the Kessel Seismic Institute said. \
     Roads to the Brenner valley were blocked by landslides.",
    "At least 12 people died when a 6.2 magnitude quake hit Valdoria on Tuesday. \
     Governor Anna Brisk said survivors were still being pulled from the market hall in Valdoria. \
     The Kessel Seismic Institute put the epicentre 10 kilometres north of the town. \
     Landslides cut the roads to the Brenner valley.",
    "Rescuers in Valdoria searched the ruins of the market hall after Tuesday's earthquake. \
     Governor Anna Brisk asked for tents and blankets for the families of Valdoria. \
     The Kessel Seismic Institute recorded three aftershocks near Valdoria overnight. \
     The Brenner valley road reopened on Wednesday.",
];

const SOUTH: [&str; 3] = [
    "A magnitude 5.8 earthquake shook the port city of Marsten on Friday, injuring 40 people. \
     Mayor Tomas Greel said the Marsten harbour wall had cracked. \
     The Osric Geological Survey said the quake was centred offshore, 25 kilometres south of Marsten. \
     Ferries to the Lindholm islands were suspended.",
    "Forty people were hurt when a 5.8 magnitude quake struck Marsten on Friday. \
     Mayor Tomas Greel said engineers were checking the Marsten harbour wall. \
     The Osric Geological Survey placed the epicentre offshore, south of Marsten. \
     Ferry services to the Lindholm islands were halted.",
    "Engineers inspected the cracked harbour wall in Marsten after Friday's earthquake. \
     Mayor Tomas Greel said ferries to the Lindholm islands would resume on Sunday. \
     The Osric Geological Survey recorded two aftershocks off Marsten.",
];

fn check(texts: &[(&str, &str)]) -> Report {
    let docs = texts
        .iter()
        .map(|(id, text)| Document::new(id.to_string(), format!("{id}.txt"), text.to_string()))
        .collect();
    Engine::new(RuleSet::defaults()).check(docs)
}

#[test]
fn two_earthquakes_are_two_stories_and_no_cluster_joins_them() {
    let texts: Vec<(&str, &str)> = ["n1", "n2", "n3"]
        .into_iter()
        .zip(NORTH)
        .chain(["s1", "s2", "s3"].into_iter().zip(SOUTH))
        .collect();
    let report = check(&texts);
    let stories: Vec<Vec<&str>> = report
        .stories
        .iter()
        .map(|s| s.documents.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(stories, vec![vec!["n1", "n2", "n3"], vec!["s1", "s2", "s3"]]);
    assert_eq!(report.stories[0].id, "s1");
    assert!(!report.clusters.is_empty(), "each story's articles still align");
    for cl in &report.clusters {
        let north = cl.claims.iter().filter(|c| c.starts_with('n')).count();
        assert!(
            north == 0 || north == cl.claims.len(),
            "a cluster joins the two quakes: {:?}",
            cl.claims
        );
    }
    for rendered in [
        corroborate::report::text(&report),
        corroborate::report::markdown(&report),
        corroborate::report::html(&report),
    ] {
        assert!(
            rendered.contains("2 stories") && rendered.contains("n1, n2, n3"),
            "{rendered}"
        );
    }
}

#[test]
fn one_earthquake_is_one_story() {
    let texts: Vec<(&str, &str)> = ["n1", "n2", "n3"].into_iter().zip(NORTH).collect();
    let report = check(&texts);
    assert_eq!(report.stories.len(), 1);
    assert_eq!(report.stories[0].documents, vec!["n1", "n2", "n3"]);
    let text = corroborate::report::text(&report);
    assert!(!text.contains("stories"), "{text}");
}
