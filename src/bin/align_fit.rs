//! Fits the aligner's weights (`rules/align.toml`) on the MSRP train split:
//! an L2-regularised logistic regression over the pair features, then the
//! threshold that maximises train accuracy. Prints the `params` line to
//! paste into `rules/align.toml`, and the train figures.
//!
//! Usage: `cargo run --release --bin align_fit [DATA_DIR]` (default
//! `$CORROBORATE_DATA` or `../shared/data`). Only the train split is read.

#![allow(clippy::needless_range_loop)] // index loops read better in the linear algebra

use corroborate::align::FEATURES;
use corroborate::check::Engine;
use corroborate::rules::RuleSet;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("CORROBORATE_DATA").ok())
        .unwrap_or_else(|| "../shared/data".to_string());
    let path = std::path::Path::new(&dir).join("msrp/msr_paraphrase_train.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut labels = Vec::new();
    let mut pairs = Vec::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() == 5 {
            labels.push(if f[0] == "1" { 1.0 } else { 0.0 });
            pairs.push((f[3].to_string(), f[4].to_string()));
        }
    }
    let engine = Engine::new(RuleSet::defaults());
    if std::env::var_os("DEBUG_SUBJECTS").is_some() {
        debug_subjects(&engine, &pairs, &labels);
        return;
    }
    let x = engine.pair_features(&pairs);
    let (bias, w) = fit(&x, &labels, 1e-4, 50);
    // The vetoes of the shipped rules apply on top of the fitted model.
    let p = &engine.aligner.params;
    let score = |f: &[f64]| {
        let z = bias + f.iter().zip(&w).map(|(a, b)| a * b).sum::<f64>();
        (1.0 - p.veto_entity * f[5]) * (1.0 - p.veto_person * f[7]) * (1.0 - p.veto_subject * f[8]) / (1.0 + (-z).exp())
    };
    let scores: Vec<f64> = x.iter().map(|f| score(f)).collect();
    let mut best = (0.0, 0.5);
    for t in (20..=80).map(|t| t as f64 / 100.0) {
        let acc = scores
            .iter()
            .zip(&labels)
            .filter(|(s, y)| (**s >= t) == (**y > 0.5))
            .count() as f64
            / labels.len() as f64;
        if acc > best.0 {
            best = (acc, t);
        }
    }
    let mut line = format!("threshold = {:.2}, bias = {:.3}", best.1, bias);
    for (name, wi) in FEATURES.iter().zip(&w) {
        line.push_str(&format!(", w_{name} = {wi:.3}"));
    }
    println!("{line}");
    println!("train accuracy at {:.2}: {:.2}", best.1, 100.0 * best.0);
}

/// Newton's method (iteratively reweighted least squares) on the mean log
/// loss plus `l2`·|w|² (the bias is not penalised).
fn fit(x: &[Vec<f64>], y: &[f64], l2: f64, iters: usize) -> (f64, Vec<f64>) {
    let n = x.len() as f64;
    let d = x[0].len() + 1;
    let row = |f: &Vec<f64>| -> Vec<f64> { std::iter::once(1.0).chain(f.iter().copied()).collect() };
    let mut beta = vec![0.0; d];
    for _ in 0..iters {
        let mut grad = vec![0.0; d];
        let mut hess = vec![vec![0.0; d]; d];
        for (f, &yi) in x.iter().zip(y) {
            let r = row(f);
            let z: f64 = r.iter().zip(&beta).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let wgt = p * (1.0 - p);
            for i in 0..d {
                grad[i] += (p - yi) * r[i] / n;
                for j in 0..d {
                    hess[i][j] += wgt * r[i] * r[j] / n;
                }
            }
        }
        for i in 1..d {
            grad[i] += 2.0 * l2 * beta[i];
            hess[i][i] += 2.0 * l2;
        }
        let step = solve(hess, grad);
        let mut change = 0.0f64;
        for i in 0..d {
            beta[i] -= step[i];
            change = change.max(step[i].abs());
        }
        if change < 1e-9 {
            break;
        }
    }
    (beta[0], beta[1..].to_vec())
}

/// Gaussian elimination with partial pivoting: solves `a`·x = `b`.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let d = b.len();
    for c in 0..d {
        let p = (c..d)
            .max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))
            .unwrap_or(c);
        a.swap(c, p);
        b.swap(c, p);
        for r in c + 1..d {
            let k = a[r][c] / a[c][c];
            for j in c..d {
                a[r][j] -= k * a[c][j];
            }
            b[r] -= k * b[c];
        }
    }
    let mut x = vec![0.0; d];
    for c in (0..d).rev() {
        let s: f64 = (c + 1..d).map(|j| a[c][j] * x[j]).sum();
        x[c] = (b[c] - s) / a[c][c];
    }
    x
}

/// Positive train pairs whose opening actors differ (tuning aid).
fn debug_subjects(engine: &Engine, pairs: &[(String, String)], labels: &[f64]) {
    let mut n = 0;
    for ((a, b), y) in pairs.iter().zip(labels) {
        let ta = engine.aligner.terms(&engine.sentence_claim("a", a));
        let tb = engine.aligner.terms(&engine.sentence_claim("b", b));
        let f = engine.aligner.features(&ta, &tb, &corroborate::align::Idf::default());
        if *y > 0.5 && (f[8] > 0.0 || f[7] > 0.0) {
            eprintln!(
                "{:?} {:?} | {:?} {:?}",
                ta.subject, ta.entities, tb.subject, tb.entities
            );
            n += 1;
            if n > 25 {
                break;
            }
        }
    }
}
