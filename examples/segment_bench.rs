//! Segmenter throughput: `cargo run --release --example segment_bench`.
//!
//! Builds a news-like text of several MB at run time from the UD English
//! sentence files (`$CORROBORATE_DATA/ud-english`, default `../shared/data`;
//! nothing is copied into the repository), then prints single-threaded MB/s
//! (median of several runs) and a linearity check: the time for a 1 MB and a
//! 50 MB single paragraph, and the ratio of their per-MB times.

use std::path::PathBuf;
use std::time::Instant;

use corroborate::rules::RuleSet;
use corroborate::segment::Segmenter;

const RUNS: usize = 7;

/// The `# text` lines of a CoNLL-U file, paragraphs separated by a blank line.
fn paragraphs(conllu: &str, out: &mut String) {
    for line in conllu.lines() {
        if line.starts_with("# newdoc") || line == "# newpar" || line.starts_with("# newpar ") {
            out.push_str("\n\n");
        } else if let Some(t) = line.strip_prefix("# text = ") {
            out.push_str(t);
            out.push(' ');
        }
    }
}

/// `base` repeated until at least `bytes` long.
fn grow(base: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + base.len());
    while s.len() < bytes {
        s.push_str(base);
    }
    s
}

/// Median seconds of `RUNS` runs of `split` over `text`; also the span count.
fn time(seg: &Segmenter, text: &str, runs: usize) -> (f64, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut n = 0;
    for _ in 0..runs {
        let t = Instant::now();
        n = std::hint::black_box(seg.split(std::hint::black_box(text))).len();
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], n)
}

fn main() {
    let root = std::env::var_os("CORROBORATE_DATA").map_or_else(|| PathBuf::from("../shared/data"), PathBuf::from);
    let dir = root.join("ud-english");
    let files = [
        "gum/en_gum-ud-dev.conllu",
        "gum/en_gum-ud-test.conllu",
        "ewt/en_ewt-ud-dev.conllu",
        "ewt/en_ewt-ud-test.conllu",
    ];
    let mut base = String::new();
    for f in files {
        match std::fs::read_to_string(dir.join(f)) {
            Ok(data) => paragraphs(&data, &mut base),
            Err(e) => {
                eprintln!(
                    "segment_bench: {} not found ({e}); set CORROBORATE_DATA",
                    dir.join(f).display()
                );
                std::process::exit(2);
            }
        }
    }
    let seg = Segmenter::new(&RuleSet::defaults());

    let text = grow(&base, 16 << 20);
    let mb = text.len() as f64 / 1e6;
    let (secs, n) = time(&seg, &text, RUNS);
    println!(
        "throughput: {mb:.1} MB, {n} sentences, median of {RUNS} runs {:.1} ms, {:.0} MB/s (single thread)",
        secs * 1e3,
        mb / secs
    );

    // One paragraph, no blank lines: 1 MB against 50 MB.
    let flat = base.split_whitespace().collect::<Vec<_>>().join(" ") + " ";
    let small = grow(&flat, 1 << 20);
    let large = grow(&flat, 50 << 20);
    let (t1, _) = time(&seg, &small, RUNS);
    let (t50, _) = time(&seg, &large, 3);
    let per_small = t1 / (small.len() as f64 / 1e6);
    let per_large = t50 / (large.len() as f64 / 1e6);
    println!(
        "linearity: 1 MB paragraph {:.2} ms, 50 MB paragraph {:.1} ms, per-MB time ratio (50 MB / 1 MB) {:.2}",
        t1 * 1e3,
        t50 * 1e3,
        per_large / per_small
    );
}
