//! Scale bench on the full ECB+ archive (982 articles): wall time of the
//! whole `check` pipeline at 10%, 25%, 50% and 100% of the articles, the
//! fitted growth exponent (log-log slope of time against input size),
//! throughput and peak memory (VmHWM). Each share runs twice: once with
//! the heap of each stage counted, once timed with counting off (the
//! counters cost a third of the time).
//!
//! Usage: `cargo run --release --bin ecb_bench [DATA_DIR] [REPORT.json]`
//! (default `$CORROBORATE_DATA` or `../shared/data`). Needs `tar` on the
//! PATH. With a second argument, the report of the full archive is written
//! there as JSON: two runs compare byte for byte, so a speed-up can be shown
//! to change nothing.

use std::time::Instant;

use corroborate::check::Engine;
use corroborate::model::Document;
use corroborate::rules::RuleSet;

#[path = "shared/ecb_archive.rs"]
mod ecb_archive;
use ecb_archive::unescape;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("CORROBORATE_DATA").ok())
        .unwrap_or_else(|| "../shared/data".to_string());
    let archive = std::path::Path::new(&dir).join("ecbplus/full/ecbplus_all_topics_xml.tar.gz");
    let (_tmp, files) = ecb_archive::unpack(&archive).unwrap_or_else(|| panic!("cannot unpack {}", archive.display()));
    let token = regex::Regex::new(r#"<token[^>]*\bsentence="(\d+)"[^>]*>([^<]*)</token>"#).unwrap();
    let docs: Vec<Document> = files
        .iter()
        .map(|f| {
            let xml = std::fs::read_to_string(f).expect("xml");
            let mut text = String::new();
            let mut last = None;
            for c in token.captures_iter(&xml) {
                let s = c[1].to_string();
                if last.as_ref().is_some_and(|l| *l != s) {
                    text.push('\n');
                } else if last.is_some() {
                    text.push(' ');
                }
                text.push_str(&unescape(&c[2]));
                last = Some(s);
            }
            text.push('\n');
            let id = f.file_stem().unwrap().to_string_lossy().replace('.', "_");
            Document::new(id.clone(), format!("ecbplus/{id}.txt"), text)
        })
        .collect();
    let engine = Engine::new(RuleSet::defaults());
    // What the process holds before any checking: binary, compiled rules
    // and the loaded articles.
    if let Some(kb) = hwm_kb() {
        println!(
            "baseline memory before checking (VmHWM): {:.1} MB, of which heap {:.1} MB",
            kb / 1e3,
            heap::live() as f64 / 1e6
        );
    }
    let total: usize = docs.iter().map(|d| d.text.len()).sum();
    println!("{} articles, {:.2} MB of text", docs.len(), total as f64 / 1e6);
    let mut points = Vec::new();
    // `ECB_BENCH_SHARES=100` runs only the full archive: the peak memory of
    // one run, without what earlier, smaller runs left to the allocator.
    let shares: Vec<usize> = std::env::var("ECB_BENCH_SHARES")
        .ok()
        .map(|v| v.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10, 25, 50, 100]);
    for pct in shares {
        let n = (docs.len() * pct).div_ceil(100);
        let bytes: usize = docs[..n].iter().map(|d| d.text.len()).sum();
        // Counting the heap costs every allocation two atomic updates that
        // the threads contend for (a third of the run's time). So one run
        // counts the heap of each stage, and another, counting nothing, is
        // timed; every block of the timed run is freed before counting
        // starts again.
        heap::reset_peak();
        let mut heaps: Vec<(f64, f64)> = Vec::new();
        let report = engine.check_staged(docs[..n].to_vec(), &mut |_, _| {
            heaps.push((heap::peak() as f64 / 1e6, heap::live() as f64 / 1e6));
            heap::reset_peak();
        });
        let (claims, clusters) = (report.claims.len(), report.clusters.len());
        if pct == 100
            && let Some(out) = std::env::args().nth(2)
        {
            let json = serde_json::to_string_pretty(&report).expect("report serialises");
            std::fs::write(&out, json).unwrap_or_else(|e| panic!("cannot write {out}: {e}"));
        }
        drop(report);
        heap::counting(false);
        let part: Vec<Document> = docs[..n].to_vec();
        let start = Instant::now();
        let cpu_start = cpu_seconds();
        let mut shares: Vec<String> = Vec::new();
        let timed = engine.check_staged(part, &mut |name, t| {
            let (peak, held) = heaps.get(shares.len()).copied().unwrap_or_default();
            shares.push(format!(
                "{name} {:.2} s (heap peak {peak:.1} MB, {held:.1} MB held after)",
                t.as_secs_f64()
            ));
        });
        let secs = start.elapsed().as_secs_f64();
        let cpu_end = cpu_seconds();
        drop(timed);
        heap::counting(true);
        println!(
            "{pct:>3}%: {n} articles, {:.2} MB, {claims} claims, {clusters} clusters, {:.2} s, {:.2} MB/s",
            bytes as f64 / 1e6,
            secs,
            bytes as f64 / 1e6 / secs
        );
        println!("      stages: {}", shares.join(", "));
        // CPU time is what a loaded machine does not inflate (wall time is).
        if let (Some(a), Some(b)) = (cpu_start, cpu_end) {
            println!(
                "      CPU time {:.2} s, {:.2} MB per CPU-second",
                b - a,
                bytes as f64 / 1e6 / (b - a)
            );
        }
        points.push(((bytes as f64).ln(), secs.ln()));
    }
    let k = points.len() as f64;
    let (mx, my) = (
        points.iter().map(|p| p.0).sum::<f64>() / k,
        points.iter().map(|p| p.1).sum::<f64>() / k,
    );
    let slope = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum::<f64>()
        / points.iter().map(|p| (p.0 - mx).powi(2)).sum::<f64>();
    if points.len() >= 2 {
        println!("growth exponent (log-log slope of time against size): {slope:.2}");
    }
    if let Some(kb) = hwm_kb() {
        println!(
            "peak memory (VmHWM): {:.1} MB, {:.1}x the input text",
            kb / 1e3,
            kb * 1e3 / total as f64
        );
    }
}

/// Live heap bytes, counted by the global allocator: what each stage
/// holds at its peak, which VmHWM (the whole run's resident peak, binary
/// and compiled rules included) cannot tell apart.
mod heap {
    use std::alloc::{GlobalAlloc, Layout};

    use corroborate::Allocator;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};

    static LIVE: AtomicUsize = AtomicUsize::new(0);
    static PEAK: AtomicUsize = AtomicUsize::new(0);
    static COUNTING: AtomicBool = AtomicBool::new(true);

    /// Count from now on, or stop counting. A block allocated while
    /// counting is off must be freed before it is turned on again, or
    /// `live` loses track.
    pub fn counting(on: bool) {
        COUNTING.store(on, Relaxed);
    }

    struct Counting;

    #[global_allocator]
    static ALLOC: Counting = Counting;

    // SAFETY: every call is passed on to the CLI's allocator unchanged; only counters
    // are updated beside it.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let p = unsafe { Allocator.alloc(layout) };
            if !p.is_null() {
                grew(layout.size());
            }
            p
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { Allocator.dealloc(ptr, layout) };
            shrank(layout.size());
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let p = unsafe { Allocator.realloc(ptr, layout, new_size) };
            if !p.is_null() {
                shrank(layout.size());
                grew(new_size);
            }
            p
        }
    }

    fn shrank(n: usize) {
        if COUNTING.load(Relaxed) {
            LIVE.fetch_sub(n, Relaxed);
        }
    }

    fn grew(n: usize) {
        if !COUNTING.load(Relaxed) {
            return;
        }
        let live = LIVE.fetch_add(n, Relaxed) + n;
        PEAK.fetch_max(live, Relaxed);
    }

    /// The most heap held since the last [`reset_peak`].
    pub fn peak() -> usize {
        PEAK.load(Relaxed)
    }

    /// Start a new peak from what is held now.
    pub fn reset_peak() {
        PEAK.store(LIVE.load(Relaxed), Relaxed);
    }

    /// Heap held now.
    pub fn live() -> usize {
        LIVE.load(Relaxed)
    }
}

/// User and system CPU time of the process so far, in seconds (Linux
/// only; assumes the usual 100 clock ticks per second).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses.
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Peak resident memory so far, in kB (Linux only).
fn hwm_kb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
