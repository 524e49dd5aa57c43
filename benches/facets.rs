//! Quantities and dates throughput on news-like text: the files in
//! `corpus/` repeated to about 4 MB, built at run time. Finders are
//! compiled once, outside the timed loop. Prints MB/s (single thread),
//! and that of the whole extraction stage (`Extractor::claims`, every
//! facet and the claim decision) over the same text as documents.
//!
//! Run: `cargo bench --bench facets`.

use std::time::Instant;

use chrono::NaiveDate;
use corroborate::extract::Extractor;
use corroborate::extract::date::DateFinder;
use corroborate::extract::quantity::QuantityFinder;
use corroborate::model::Document;
use corroborate::rules::RuleSet;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const TARGET_BYTES: usize = 4 << 20;

fn corpus_text() -> String {
    let mut parts = Vec::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt")
                && let Ok(t) = std::fs::read_to_string(&p)
            {
                parts.push(t);
            }
        }
    }
    parts.sort();
    if parts.is_empty() {
        parts.push(
            "Globex said on Tuesday it would pay $32bn, about 85 million euros ($108 million), for 18 members.\n"
                .into(),
        );
    }
    let mut text = String::with_capacity(TARGET_BYTES + 100_000);
    while text.len() < TARGET_BYTES {
        for p in &parts {
            text.push_str(p);
            text.push('\n');
        }
    }
    text
}

fn facets(c: &mut Criterion) {
    let rules = RuleSet::defaults();
    let qf = QuantityFinder::new(&rules);
    let df = DateFinder::new(&rules);
    let text = corpus_text();
    // Paragraphs, as the pipeline feeds sentences and paragraphs, not a
    // 4 MB string.
    let paras: Vec<&str> = text.split('\n').filter(|p| !p.trim().is_empty()).collect();
    let reference = NaiveDate::from_ymd_opt(2018, 1, 10);
    let run = || {
        let mut n = 0;
        for p in &paras {
            n += qf.find(p).len();
            n += df.find(p, reference).len();
        }
        n
    };
    // One plain timed pass, printed in MB/s.
    let t = Instant::now();
    let n = std::hint::black_box(run());
    let secs = t.elapsed().as_secs_f64();
    println!(
        "facets: {:.1} MB in {:.3} s = {:.1} MB/s ({} facets)",
        text.len() as f64 / 1e6,
        secs,
        text.len() as f64 / 1e6 / secs,
        n
    );
    // Each finder alone, to see which one costs.
    let t = Instant::now();
    let nq: usize = paras.iter().map(|p| qf.find(p).len()).sum();
    let q_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let nd: usize = paras.iter().map(|p| df.find(p, reference).len()).sum();
    let d_secs = t.elapsed().as_secs_f64();
    println!(
        "quantities: {:.1} MB/s ({nq}); dates: {:.1} MB/s ({nd})",
        text.len() as f64 / 1e6 / q_secs,
        text.len() as f64 / 1e6 / d_secs,
    );
    // The whole stage, one document per paragraph run between blank lines.
    let ex = Extractor::new(&rules);
    let docs: Vec<Document> = text
        .split("\n\n")
        .filter(|d| !d.trim().is_empty())
        .enumerate()
        .map(|(i, d)| Document::new(format!("d{i}"), format!("d{i}.txt"), d))
        .collect();
    let t = Instant::now();
    let claims: usize = docs.iter().map(|d| ex.claims(d).len()).sum();
    let e_secs = t.elapsed().as_secs_f64();
    println!(
        "extraction: {:.1} MB/s ({} documents, {claims} claims)",
        text.len() as f64 / 1e6 / e_secs,
        docs.len()
    );
    let mut g = c.benchmark_group("facets");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("quantities+dates", |b| b.iter(|| std::hint::black_box(run())));
    g.finish();
}

criterion_group!(benches, facets);
criterion_main!(benches);
