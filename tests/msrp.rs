//! MSRP (Microsoft Research Paraphrase Corpus): accuracy and F1 of the
//! `similarity` decision (Engine::similarity at the shipped threshold).
//!
//! The corpus is non-commercial: it is read at run time from
//! `$CORROBORATE_DATA/msrp` (default `../shared/data`), never copied into the
//! repository. When it is absent the test prints "skipped" and passes.
//! Parameters are tuned on the train split only (see `src/bin/align_fit.rs`);
//! the test split is only reported.

use std::path::PathBuf;

use corroborate::check::Engine;
use corroborate::rules::RuleSet;

fn data_dir() -> PathBuf {
    match std::env::var_os("CORROBORATE_DATA") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
    }
}

/// (label, sentence 1, sentence 2) of one split.
fn read_split(path: &std::path::Path) -> Option<Vec<(bool, String, String)>> {
    let text = std::fs::read_to_string(path).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let rows = text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() == 5).then(|| (f[0] == "1", f[3].to_string(), f[4].to_string()))
        })
        .collect();
    Some(rows)
}

struct Figures {
    accuracy: f64,
    precision: f64,
    recall: f64,
    f1: f64,
}

fn evaluate(engine: &Engine, rows: &[(bool, String, String)]) -> Figures {
    let pairs: Vec<(String, String)> = rows.iter().map(|(_, a, b)| (a.clone(), b.clone())).collect();
    let decisions = engine.similarity(&pairs);
    let (mut tp, mut fp, mut tn, mut fneg) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    for ((gold, _, _), (_, m)) in rows.iter().zip(&decisions) {
        match (*gold, *m) {
            (true, true) => tp += 1.0,
            (false, true) => fp += 1.0,
            (false, false) => tn += 1.0,
            (true, false) => fneg += 1.0,
        }
    }
    let precision = tp / (tp + fp).max(1.0);
    let recall = tp / (tp + fneg).max(1.0);
    Figures {
        accuracy: (tp + tn) / rows.len() as f64,
        precision,
        recall,
        f1: 2.0 * precision * recall / (precision + recall).max(1e-9),
    }
}

#[test]
fn msrp_accuracy_and_f1() {
    let dir = data_dir().join("msrp");
    let (Some(train), Some(test)) = (
        read_split(&dir.join("msr_paraphrase_train.txt")),
        read_split(&dir.join("msr_paraphrase_test.txt")),
    ) else {
        println!("skipped: MSRP not found under {}", dir.display());
        return;
    };
    assert_eq!((train.len(), test.len()), (4076, 1725), "unexpected MSRP row counts");
    let engine = Engine::new(RuleSet::defaults());
    let tr = evaluate(&engine, &train);
    let te = evaluate(&engine, &test);
    for (name, f) in [("train", &tr), ("test", &te)] {
        println!(
            "MSRP {name}: accuracy {:.2}  precision {:.2}  recall {:.2}  F1 {:.2}",
            100.0 * f.accuracy,
            100.0 * f.precision,
            100.0 * f.recall,
            100.0 * f.f1
        );
    }
    const TARGET_ACC: f64 = 77.5;
    const TARGET_F1: f64 = 84.2;
    let (acc, f1) = (100.0 * te.accuracy, 100.0 * te.f1);
    if acc >= TARGET_ACC && f1 >= TARGET_F1 {
        println!("MSRP test: targets reached (accuracy >= {TARGET_ACC}, F1 >= {TARGET_F1})");
    } else {
        println!(
            "MSRP test: targets not reached: accuracy gap {:.2}, F1 gap {:.2}",
            (TARGET_ACC - acc).max(0.0),
            (TARGET_F1 - f1).max(0.0)
        );
    }
    // The level reached so far must not regress.
    const FLOOR_ACC: f64 = 77.0;
    const FLOOR_F1: f64 = 83.9;
    assert!(
        acc >= FLOOR_ACC && f1 >= FLOOR_F1,
        "MSRP test regressed: accuracy {acc:.2}, F1 {f1:.2}"
    );
}
