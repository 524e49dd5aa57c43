//! Verdicts: which figures conflict, which agree, when corroboration shares
//! one origin, and the hand-labelled precision of quantity conflicts on
//! ECB+ (read at run time; skipped when the data is absent).
//!
//! Every sentence here is invented for the test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use corroborate::check::Engine;
use corroborate::judge::judge_pair;
use corroborate::model::{Document, Finding};
use corroborate::rules::RuleSet;

#[allow(dead_code)]
#[path = "../src/bin/ecb_conflicts.rs"]
mod ecb_conflicts;

fn engine() -> Engine {
    Engine::new(RuleSet::defaults())
}

/// Two sentences judged as claims of two documents, aligned.
fn pair(e: &Engine, a: &str, b: &str) -> Vec<Finding> {
    let mut ca = e.sentence_claim("a:1", a);
    ca.doc = "a".into();
    let mut cb = e.sentence_claim("b:1", b);
    cb.doc = "b".into();
    judge_pair(&ca, &cb, &e.rules, &e.aligner)
}

/// (rule that decides, sentence a, sentence b, the measure of the conflict
/// expected, or None when the figures must agree or not be compared).
const CASES: &[(&str, &str, &str, Option<&str>)] = &[
    // Deaths and injuries are different facets of one event.
    (
        "aspects/killed+injured",
        "The bus crash near Dornby killed 10 people and injured 50.",
        "Ten people died and 50 were hurt in the bus crash near Dornby.",
        None,
    ),
    (
        "aspects/killed+injured",
        "Ten people were killed in the bus crash near Dornby.",
        "Fifty people were injured in the bus crash near Dornby.",
        None,
    ),
    (
        "aspects/killed",
        "At least 12 people were killed in the Dornby blast.",
        "The Dornby blast killed 30 people.",
        Some("deaths"),
    ),
    (
        "aspects/injured",
        "The Dornby blast injured 40 people.",
        "The Dornby blast injured 4 people.",
        Some("injuries"),
    ),
    (
        "aspects/injured",
        "The quake killed 8 people and injured 120 near Velmara.",
        "The quake killed 8 people and injured 45 near Velmara.",
        Some("injuries"),
    ),
    (
        "aspects/killed",
        "The quake killed 8 people and injured 120 near Velmara.",
        "The quake killed 9 people and injured 120 near Velmara.",
        Some("deaths"),
    ),
    (
        "aspects/killed (coordination, total)",
        "Two women and one man died in the Velm warehouse fire.",
        "Three people died in the Velm warehouse fire.",
        None,
    ),
    (
        "aspects/killed (counterparts)",
        "The storm killed 4 people in Dornby and 6 in Velm.",
        "The storm killed 6 people in Velm and 4 in Dornby.",
        None,
    ),
    (
        "aspects/killed",
        "The flood left 40 people dead in Velmara.",
        "Some 30 people were killed by the flood in Velmara.",
        Some("deaths"),
    ),
    // Ages, offsets and rates are not spans, totals or one another.
    (
        "aspects/age",
        "Investigators questioned the 42-year-old Dana Whitcombe about the fire.",
        "Investigators questioned Dana Whitcombe about the fire, which burned for 12 days.",
        None,
    ),
    (
        "aspects/age (holder)",
        "The 42-year-old Dana Whitcombe was charged with arson.",
        "The 29-year-old Lena Marsh was charged with arson.",
        None,
    ),
    (
        "aspects/age (holder)",
        "The 42-year-old Dana Whitcombe was charged with arson.",
        "The 24-year-old Dana Whitcombe was charged with arson.",
        Some("age"),
    ),
    (
        "aspects/time-offset",
        "The Velm plant closed nine years ago.",
        "The Velm plant had been open for 40 years.",
        None,
    ),
    (
        "aspects/rate",
        "The Velm club offered the striker $12 million a season.",
        "The Velm club offered the striker a $96 million contract.",
        None,
    ),
    (
        "aspects/rate",
        "The Velm club offered the striker $12 million a season.",
        "The Velm club offered the striker $15 million a season.",
        Some("money rate"),
    ),
    // Ranges and approximations that overlap agree.
    (
        "quantity-conflict (open bound)",
        "The quake near Velmara killed at least 10 people.",
        "The quake near Velmara killed ten people.",
        None,
    ),
    (
        "quantity-conflict (vague amount)",
        "About 50 people were hurt when the Dornby stand collapsed.",
        "Dozens of people were hurt when the Dornby stand collapsed.",
        None,
    ),
    (
        "quantity-conflict (open bound)",
        "Globex sells its phones in more than 170 countries.",
        "Globex sells its phones in over 170 countries.",
        None,
    ),
    (
        "quantity-conflict (upper bound)",
        "The storm damaged nearly 100 homes in Velm.",
        "The storm damaged 99 homes in Velm.",
        None,
    ),
    (
        "quantity-conflict (scale)",
        "Thieves took jewels worth 85 million euros from the Velm store.",
        "Thieves took jewels worth €85m from the Velm store.",
        None,
    ),
    (
        "quantity-conflict (range)",
        "Between 20 and 30 people were killed in the Dornby landslide.",
        "The Dornby landslide killed 25 people.",
        None,
    ),
    (
        "quantity-conflict",
        "Thieves took jewels worth 85 million euros from the Velm store.",
        "Thieves took jewels worth €58m from the Velm store.",
        Some("money"),
    ),
    (
        "quantity-conflict (upper bound)",
        "Up to 5,000 people fled the Velm fire.",
        "Some 9,000 people fled the Velm fire.",
        Some("displaced"),
    ),
    (
        "quantity-conflict",
        "The storm killed 4 people and destroyed 200 homes in Velm.",
        "The storm killed 4 people and destroyed 20 homes in Velm.",
        Some("buildings"),
    ),
    // Different measure classes are never compared.
    (
        "measures (money vs people)",
        "The Ohio plant of Acme employs 300 workers.",
        "The Ohio plant of Acme cost $45 million.",
        None,
    ),
    (
        "measures (share vs count)",
        "About 40% of the workers at the Acme plant joined the strike.",
        "About 1,200 workers at the Acme plant joined the strike.",
        None,
    ),
    (
        "measures (magnitude vs depth)",
        "The quake off Velmara had a magnitude of 6.1.",
        "The quake off Velmara struck at a depth of 10 kilometres.",
        None,
    ),
    (
        "measures (depth)",
        "The quake off Velmara struck at a depth of 10 km.",
        "The quake off Velmara struck at a depth of 35 km.",
        Some("depth"),
    ),
    (
        "measures (depth vs distance)",
        "The quake struck at a depth of 3 miles, officials in Velmara said.",
        "The quake struck two miles from Velmara, officials said.",
        None,
    ),
    // Distances measured from different named places are not counterparts;
    // from the same place, or from none, they are.
    (
        "measures (distances from two towns)",
        "The quake struck about 14 miles north of Velmara on Sunday.",
        "The quake struck about 26 miles north of Ostrova on Sunday.",
        None,
    ),
    (
        "quantity-conflict",
        "The quake struck about 14 miles north of Velmara on Sunday.",
        "The quake struck about 26 miles north of Velmara on Sunday.",
        Some("distance"),
    ),
    // A figure in words is whole to its last word: "six miles" (9.7 km)
    // is "10 km" rounded; "six miles" and "20 km" still conflict.
    (
        "quantity-conflict (rounded across units)",
        "The quake off Velmara struck at a depth of just 10 kilometres.",
        "The quake off Velmara struck at a depth of just six miles.",
        None,
    ),
    (
        "quantity-conflict",
        "The quake off Velmara struck at a depth of just 20 kilometres.",
        "The quake off Velmara struck at a depth of just six miles.",
        Some("depth"),
    ),
    (
        "quantity-conflict",
        "The climber fell about 60 metres from a ridge on Friday.",
        "The climber fell 150 metres from a ridge on Friday.",
        Some("distance"),
    ),
    // Parts of a deal, revenue and share-price targets are not its price.
    (
        "measures (cash part vs whole price)",
        "Acme will buy Globex for $5.4 billion, the companies said.",
        "Acme will pay $4.2 billion in cash and 57 million shares for Globex.",
        None,
    ),
    (
        "quantity-conflict (whole price in cash and stock)",
        "Acme will buy Globex for $5.4 billion in cash and stock.",
        "Acme will buy Globex for $6.1 billion, the companies said.",
        Some("money"),
    ),
    (
        "measures (revenue vs price)",
        "Acme will buy Globex, which had $500 million in revenue last year.",
        "Acme will buy Globex for $13.9 billion.",
        None,
    ),
    (
        "measures (price target vs price)",
        "Acme will buy Globex, and an analyst set a price target of $21 for Acme.",
        "Acme will buy Globex for $5.4 billion.",
        None,
    ),
    (
        "measures (market value vs price)",
        "Acme, with a market value of about $115 billion, will buy Globex.",
        "Acme will buy Globex for about $13 billion.",
        None,
    ),
    (
        "measures (an earlier deal)",
        "It is Acme's largest deal since it bought Initech for $19 billion in 2002, and Globex agreed.",
        "Acme will buy Globex for about $13 billion.",
        None,
    ),
    (
        "measures (population vs deaths)",
        "The quake killed 10 people on Velm island, which has a population of 120,000.",
        "The quake killed 10 people on Velm island.",
        None,
    ),
    (
        "measures (injured vs sheltering)",
        "The strike on the Velm school left 50 people injured.",
        "The strike hit the Velm school where hundreds of people were sheltering.",
        None,
    ),
    // Text split into tokens: "6 . 2" is written to a tenth, so "6" rounds it.
    (
        "tokenised decimal rounds",
        "The Velm quake struck at a depth of 10 kilometres ( 6 . 2 miles ) , officials said .",
        "The Velm quake struck at a depth of 10 kilometers ( 6 miles ) , officials said .",
        None,
    ),
    // A figure restated in brackets in another unit loses the first's
    // bound and aspect (the depth's "6 miles" read as a distance from
    // Dornby); the first is the one compared.
    (
        "bracketed conversion",
        "The Velm quake hit at a depth of 10 kilometers (6 miles) near Dornby.",
        "The Velm quake hit 55 kilometres south of Dornby.",
        None,
    ),
    // A sum in another currency in brackets is a conversion: exchange
    // rates differ between sources and days (`exchange_slack`), but a
    // figure far off still conflicts.
    (
        "bracketed currency",
        "Velmaria gets a €110 billion ($141 billion) loan package.",
        "Velmaria gets a €110 billion ($158 billion) loan package.",
        None,
    ),
    (
        "bracketed currency",
        "Velmaria gets a 110 billion ( $141 billion ) loan package.",
        "Velmaria gets a $158 billion loan package.",
        None,
    ),
    (
        "bracketed currency",
        "Thieves stole jewels worth 85 million euros ($108 million) from a Dornby shop.",
        "Jewels worth more than $160 million were stolen from a Dornby shop.",
        Some("money"),
    ),
    (
        "bracketed currency",
        "Velmaria gets a $141 billion loan package.",
        "Velmaria gets a $158 billion loan package.",
        Some("money"),
    ),
    (
        "bracketed conversion",
        "The Velm quake struck at a depth of 10 km (6 miles).",
        "The Velm quake struck at a depth of 30 km.",
        Some("depth"),
    ),
    // A share is measured somewhere: one place's share against another's
    // is no disagreement.
    (
        "shares of two places",
        "In the first round, turnout reached 52 percent in Velmaria.",
        "In the first round, turnout reached 82 percent in Dornland.",
        None,
    ),
    (
        "shares of one place",
        "In the first round, turnout reached 52 percent in Velmaria.",
        "In the first round, turnout reached 82 percent in Velmaria.",
        Some("percent"),
    ),
    // A ratio whose "1" was read as a figure of its own ("as many as 1"):
    // the group size after it is still a ratio, not a count of users.
    (
        "ratio after a figure",
        "As many as 1 in 500 users of the Velm browser could have been exposed.",
        "Millions of users of the Velm browser could have been exposed.",
        None,
    ),
    // "Seven other members": part of a count beside someone named.
    (
        "partial count",
        "Besides Dana Whitcombe, seven other members of the Velm sect were convicted.",
        "Eight members of the Velm sect were convicted.",
        None,
    ),
    (
        "partial count",
        "Seven members of the Velm sect were convicted.",
        "Eight members of the Velm sect were convicted.",
        Some("people"),
    ),
    // Tokenised text spaces the hyphens of an age ("a 16 - year - old"):
    // still an age, not a toll beside "killed".
    (
        "tokenised age",
        "Two officers shot and killed a 16 - year - old Dornby resident .",
        "The police said two officers fatally shot the Dornby teenager on Saturday.",
        None,
    ),
];

#[test]
fn quantity_verdict_table() {
    let e = engine();
    assert!(CASES.len() >= 25);
    let mut failures = Vec::new();
    for (rule, a, b, expect) in CASES {
        let conflicts: Vec<Finding> = pair(&e, a, b)
            .into_iter()
            .filter(|f| f.kind == "quantity_conflict")
            .collect();
        let ok = match expect {
            None => conflicts.is_empty(),
            Some(m) => conflicts.len() == 1 && conflicts[0].message.ends_with(&format!("({m}).")),
        };
        if !ok {
            failures.push(format!(
                "[{rule}] {a:?} / {b:?}: expected {expect:?}, got {:?}",
                conflicts.iter().map(|f| &f.message).collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A conflict names its rule, both claims, and the two figures compared.
#[test]
fn conflicts_name_rule_claims_and_evidence() {
    let e = engine();
    let f = pair(
        &e,
        "At least 12 people were killed in the Dornby blast.",
        "The Dornby blast killed 30 people.",
    );
    let c = f.iter().find(|f| f.kind == "quantity_conflict").expect("a conflict");
    assert_eq!(c.rule, "quantity-conflict");
    assert_eq!(c.claims, ["a:1", "b:1"]);
    assert!(c.message.ends_with("(deaths)."), "{}", c.message);
    assert!(c.evidence[0].starts_with("a:1: \"At least 12"), "{:?}", c.evidence);
    assert!(c.evidence[1].starts_with("b:1: \"30"), "{:?}", c.evidence);
}

fn check(e: &Engine, texts: &[&str]) -> Vec<Finding> {
    let docs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("d{i}"), format!("d{i}.txt"), *t))
        .collect();
    e.check(docs).findings
}

/// Sources that all cite one outlet are one origin, whichever way they
/// cite it: "X reported", "according to X", "told X".
#[test]
fn shared_origin_forms() {
    let e = engine();
    let forms = [
        "Acme dropped its plan to buy the Globex plant in Ohio, Wirepost reported.",
        "Acme dropped its plan to buy the Globex plant in Ohio, according to Wirepost.",
        "Acme dropped its plan to buy the Globex plant in Ohio, a spokesman told Wirepost.",
    ];
    for (i, a) in forms.iter().enumerate() {
        for b in &forms[i + 1..] {
            let f = check(&e, &[a, b]);
            let shared = f.iter().find(|f| f.rule == "shared-origin");
            assert!(
                shared.is_some_and(|s| s.message.contains("Wirepost")),
                "{a} / {b}: {f:#?}"
            );
            let corroborated = f.iter().find(|f| f.rule == "corroborated").expect("corroborated");
            assert!(
                corroborated.message.contains("share one origin") && corroborated.message.contains("Wirepost"),
                "{}",
                corroborated.message
            );
            assert_eq!(shared.unwrap().claims, corroborated.claims);
        }
    }
    // Two different outlets: independent, and the message does not say otherwise.
    let f = check(&e, &[forms[0], &forms[1].replace("Wirepost", "Dailyline")]);
    assert!(f.iter().all(|f| f.rule != "shared-origin"), "{f:#?}");
    let corroborated = f.iter().find(|f| f.rule == "corroborated").expect("corroborated");
    assert!(!corroborated.message.contains("origin"), "{}", corroborated.message);
}

/// Every parameter the judge reads is set in the default rules, so no
/// threshold falls back to a figure written in code.
#[test]
fn finding_parameters_live_in_rules() {
    let e = engine();
    let want: BTreeMap<&str, &[&str]> = [
        ("corroborated", &["min_sources"][..]),
        ("single_source", &["require_facet"][..]),
        (
            "quantity_conflict",
            &[
                "tolerance",
                "open_slack",
                "skip_unanchored_lists",
                "prior_scale",
                "prior_dropped_digit",
                "prior_added_digit",
                "prior_decimal",
                "weight_other_claim",
                "weight_elsewhere",
                "weight_exact",
                "min_suggestion_score",
                "max_evidence",
            ][..],
        ),
        ("polarity_conflict", &["min_score", "scope_words"][..]),
        ("certainty_difference", &["min_gap", "scope_words"][..]),
    ]
    .into_iter()
    .collect();
    for r in &e.rules.finding {
        for p in want.get(r.kind.as_str()).copied().unwrap_or_default() {
            assert!(r.params.contains_key(*p), "rule {} lacks parameter {p}", r.id);
        }
    }
}

fn data_dir() -> PathBuf {
    match std::env::var_os("CORROBORATE_DATA") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
    }
}

/// Precision of the quantity conflicts the current code raises on the
/// hand-labelled ECB+ pairs (`tests/data/ecb_conflict_labels.tsv`), for the
/// development pool (full-archive topics outside the nine) and the test
/// topics apart. A labelled pair no longer flagged is reported, not counted.
#[test]
fn ecb_conflict_precision() {
    let dir = data_dir();
    let e = engine();
    let Some(test) = ecb_conflicts::pair_conflicts(&dir, &e) else {
        println!("skipped: ECB+ derived data not found under {}", dir.display());
        return;
    };
    let dev = ecb_conflicts::full_pair_conflicts(&dir, &e).unwrap_or_default();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/ecb_conflict_labels.tsv"
    ))
    .expect("labels");
    let mut labels: BTreeMap<(String, String), bool> = BTreeMap::new();
    // Rows after the `#@ fresh` marker were labelled from a listing that no
    // code change had seen: the held-out figure.
    let mut fresh: BTreeSet<(String, String)> = BTreeSet::new();
    let mut in_fresh = false;
    for line in text.lines().skip_while(|l| l.starts_with('#')).skip(1) {
        if line.starts_with("#@ fresh") {
            in_fresh = true;
        }
        if line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 4, "label line: {line}");
        assert!(matches!(f[2], "yes" | "no"), "label: {line}");
        let key = (f[0].to_string(), f[1].to_string());
        if in_fresh {
            fresh.insert(key.clone());
        }
        labels.insert(key, f[2] == "yes");
    }
    let mut precision = BTreeMap::new();
    for (name, pool) in [("dev", &dev), ("test", &test)] {
        let flagged: BTreeSet<(String, String)> = pool
            .iter()
            .filter(|p| !p.findings.is_empty())
            .map(|p| (p.a.clone(), p.b.clone()))
            .collect();
        let in_pool: BTreeSet<(String, String)> = pool.iter().map(|p| (p.a.clone(), p.b.clone())).collect();
        let labelled: Vec<bool> = flagged.iter().filter_map(|k| labels.get(k).copied()).collect();
        let dropped: Vec<&(String, String)> = labels
            .keys()
            .filter(|k| in_pool.contains(*k) && !flagged.contains(*k))
            .collect();
        let yes = labelled.iter().filter(|y| **y).count();
        let p = yes as f64 / labelled.len().max(1) as f64;
        println!(
            "{name}: {} pairs flagged, {} of them labelled, {yes} real: precision {:.1}%; \
             {} labelled pairs no longer flagged ({} of them labelled real); {} flagged pairs unlabelled",
            flagged.len(),
            labelled.len(),
            100.0 * p,
            dropped.len(),
            dropped.iter().filter(|k| labels[**k]).count(),
            flagged.len() - labelled.len()
        );
        precision.insert(name, p);
        let sample: Vec<bool> = flagged
            .iter()
            .filter(|k| fresh.contains(*k))
            .filter_map(|k| labels.get(k).copied())
            .collect();
        if !sample.is_empty() {
            let yes = sample.iter().filter(|y| **y).count();
            println!(
                "{name}, fresh sample only: {} labelled pairs still flagged, {yes} real: precision {:.1}%",
                sample.len(),
                100.0 * yes as f64 / sample.len() as f64
            );
        }
    }
    // Regression floors a little below the measured precision.
    if !dev.is_empty() {
        assert!(precision["dev"] >= 0.95, "{precision:?}");
    }
    assert!(precision["test"] >= 0.88, "{precision:?}");
}

/// The engine with one parameter of the quantity-conflict rule set.
fn engine_with(param: &str, value: f64) -> Engine {
    engine_with_rule("quantity-conflict", param, value)
}

/// The engine with one parameter of finding rule `id` set.
fn engine_with_rule(id: &str, param: &str, value: f64) -> Engine {
    let mut rules = RuleSet::defaults();
    let rule = rules.finding.iter_mut().find(|r| r.id == id).expect("the finding rule");
    rule.params.insert(param.into(), value);
    Engine::new(rules)
}

fn quantity_conflicts(e: &Engine, texts: &[&str]) -> Vec<String> {
    check(e, texts)
        .into_iter()
        .filter(|f| f.kind == "quantity_conflict")
        .map(|f| f.message)
        .collect()
}

/// A sentence that retells an earlier event (it names a year before the
/// latest its article names) is no source for this event's figures.
#[test]
fn background_years_are_not_compared_with_the_event() {
    let docs = [
        "A strong quake struck Velmaria on July 2, 2013, officials said.\n\nIn 2004, a tsunami off the coast of Velmaria killed 230,000 people.",
        "A strong quake struck Velmaria on July 2, 2013.\n\nThe tsunami off the coast of Velmaria killed 24 people, officials said.",
    ];
    let on = quantity_conflicts(&engine(), &docs);
    assert!(on.is_empty(), "{on:?}");
    let off = quantity_conflicts(&engine_with("separate_eras", 0.0), &docs);
    assert!(off.iter().any(|m| m.contains("230,000")), "{off:?}");
    // The same background year on both sides is compared.
    let both = [
        docs[0],
        "A strong quake struck Velmaria on July 2, 2013.\n\nIn 2004, a tsunami off the coast of Velmaria killed 170,000 people.",
    ];
    let same = quantity_conflicts(&engine(), &both);
    assert!(same.iter().any(|m| m.contains("170,000")), "{same:?}");
}

/// Figures are compared only between claims that match well enough to
/// state one fact: two prices in claims that share a product's name and
/// little else are prices of two models.
#[test]
fn loosely_matched_claims_are_not_compared() {
    let docs = [
        "Acme's new Zephyr laptop line starts at $1,199 for the 13-inch model, but can go much higher.",
        "If you prefer the older design, Acme will ask $1,099 for the base 13-inch Zephyr laptop.",
    ];
    let loose = quantity_conflicts(&engine_with("min_score", 0.0), &docs);
    assert!(loose.iter().any(|m| m.contains("1,099")), "{loose:?}");
    let strict = quantity_conflicts(&engine(), &docs);
    assert!(strict.is_empty(), "{strict:?}");
}

fn polarity_conflicts(e: &Engine, texts: &[&str]) -> usize {
    check(e, texts).iter().filter(|f| f.kind == "polarity_conflict").count()
}

/// A denial conflicts with a statement only when what it denies first is
/// what both say: "will not affect his playing status" denies no arrest.
#[test]
fn a_denial_must_deny_the_shared_fact() {
    let docs = [
        "The arrest will not affect the playing status of Dornby Rams receiver Tal Okafor for Sunday's game.",
        "Dornby Rams receiver Tal Okafor was arrested on suspicion of drunk driving before Sunday's game.",
    ];
    assert_eq!(polarity_conflicts(&engine(), &docs), 0);
    let any_term = engine_with_rule("polarity-conflict", "first_term", 0.0);
    assert_eq!(polarity_conflicts(&any_term, &docs), 1);
    // The denied fact itself still conflicts.
    let denied = [
        "Dornby Rams receiver Tal Okafor was arrested on suspicion of drunk driving before Sunday's game.",
        "Dornby Rams receiver Tal Okafor was not arrested on suspicion of drunk driving before Sunday's game.",
    ];
    assert_eq!(polarity_conflicts(&engine(), &denied), 1);
}

/// "Not X, but Y" states Y.
#[test]
fn a_corrected_denial_states_the_correction() {
    let docs = [
        "Velm said the source of the leak was not one person, but probably a combination of several people.",
        "Velm said the source of the leak was probably a combination of several people.",
    ];
    assert_eq!(polarity_conflicts(&engine(), &docs), 0);
    let docs = [
        "No one was injured, but several people were inside the Dornby church when the fire started.",
        "Several people were injured inside the Dornby church when the fire started.",
    ];
    assert_eq!(polarity_conflicts(&engine(), &docs), 1);
}

/// The certainty-difference finding of `texts`, one article each.
fn certainty_difference(texts: &[&str]) -> Finding {
    let f = check(&engine(), texts);
    f.iter()
        .find(|f| f.kind == "certainty_difference")
        .cloned()
        .unwrap_or_else(|| panic!("no certainty difference: {f:#?}"))
}

/// A hedge that qualifies an aside does not make the shared fact
/// uncertain, and the evidence says which hedges were set aside, so the
/// reader is not left to wonder why "could" did not count.
#[test]
fn certainty_evidence_names_the_hedges_set_aside() {
    let docs = [
        "Last week, Acme abruptly canceled plans to sell the Globex phone, aborting what could have been a big launch.",
        "Acme reportedly canceled plans to sell the Globex phone last week.",
    ];
    let c = certainty_difference(&docs);
    let first = c.evidence.iter().find(|e| e.starts_with("d0:")).expect("d0 evidence");
    assert!(
        first.starts_with("d0:1: asserted (no hedge on the shared fact; 'could'"),
        "{first}"
    );
    let second = c.evidence.iter().find(|e| e.starts_with("d1:")).expect("d1 evidence");
    assert_eq!(second, "d1:1: reported (\"reportedly\")");
}

/// "According to" cites a source even when it names none: the fact is
/// reported, not asserted.
#[test]
fn according_to_an_unnamed_source_is_reported() {
    let docs = [
        "The victim was taken to Dornby General Hospital, where she was pronounced dead, according to the report.",
        "The victim was taken to Dornby General Hospital, where she was pronounced dead.",
    ];
    let c = certainty_difference(&docs);
    assert!(
        c.evidence.iter().any(|e| e == "d0:1: reported (according to)"),
        "{:?}",
        c.evidence
    );
}
