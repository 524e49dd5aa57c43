//! The report is byte-identical whatever the thread count and the order
//! the documents come in.

use corroborate::check::Engine;
use corroborate::model::Document;
use corroborate::rules::RuleSet;

fn docs() -> Vec<Document> {
    let actors = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay"];
    let places = ["Ohio", "Texas", "Oregon", "Nevada"];
    let mut out = Vec::new();
    for n in 0..36 {
        let a = actors[n % actors.len()];
        let b = actors[(n * 7 + 1) % actors.len()];
        let p = places[n % places.len()];
        let text = format!(
            "{a} said on Monday it will buy {b} for ${} million.\n\
             The deal would add {} jobs at the {p} plant, {a} said.\n\
             Analysts expect {b} shares to rise about {} percent.\n\
             About {} people attended the meeting in {p} last week.\n",
            10 + n % 5,
            100 * (n % 3 + 1),
            n % 4 + 2,
            50 + n % 2 * 10
        );
        let id = format!("doc{n:02}");
        out.push(Document::new(id.clone(), format!("gen/{id}.txt"), text));
    }
    out
}

fn run(threads: usize, reverse: bool) -> String {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
    let engine = Engine::new(RuleSet::defaults());
    let mut d = docs();
    if reverse {
        d.reverse();
    }
    let report = pool.install(|| engine.check(d));
    serde_json::to_string(&report).unwrap()
}

#[test]
fn output_does_not_depend_on_threads_or_file_order() {
    let one = run(1, false);
    assert!(one.contains("\"clusters\""));
    assert_eq!(one, run(2, false));
    assert_eq!(one, run(2, true));
}
