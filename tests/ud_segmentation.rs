//! Sentence-boundary accuracy on UD English EWT and GUM (dev and test splits).
//!
//! The data is read at run time from `$CORROBORATE_DATA/ud-english` (default
//! `../shared/data`); none of it is copied into the repository. Without it the
//! test prints "skipped" and passes.
//!
//! Method (see `ud-english/README.md`): paragraphs start at `# newdoc` or
//! `# newpar`; a paragraph's text is its sentences' `# text` joined with one
//! space, or with nothing after a last token marked `SpaceAfter=No`; gold
//! boundaries are the ends of all sentences but the last in each paragraph.
//! Each paragraph is segmented on its own and every boundary is written as the
//! number of non-whitespace characters before it; precision, recall and F1 are
//! micro-averaged over all paragraphs.
//!
//! Tuning is done on dev only; the assertions are on test.
//! Set `CORROBORATE_SEG_SHOW=1` to print the missed (MISS) and spurious (FP)
//! boundaries of the dev files.
//!
//! Figures measured on UD English EWT / GUM, Universal Dependencies 2.16.

use std::path::PathBuf;

use corroborate::rules::RuleSet;
use corroborate::segment::Segmenter;

struct Paragraph {
    text: String,
    gold: Vec<usize>,
}

fn non_ws(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// Paragraphs and gold boundaries of one CoNLL-U file.
fn load(conllu: &str) -> Vec<Paragraph> {
    let mut paras: Vec<Paragraph> = Vec::new();
    let mut new_par = false;
    let mut text: Option<&str> = None;
    // SpaceAfter=No on the last surface token of the sentence being read, and
    // of the previous sentence.
    let mut last_no_space = false;
    let mut prev_no_space = false;
    let mut mwt_end = 0usize;
    let finish = |paras: &mut Vec<Paragraph>, new_par: bool, text: &str, prev_no_space: bool| {
        if new_par || paras.is_empty() {
            paras.push(Paragraph {
                text: String::new(),
                gold: Vec::new(),
            });
        }
        let p = paras.last_mut().expect("a paragraph");
        if !p.text.is_empty() {
            p.gold.push(non_ws(&p.text));
            if !prev_no_space {
                p.text.push(' ');
            }
        }
        p.text.push_str(text);
    };
    for line in conllu.lines().chain(std::iter::once("")) {
        if line.is_empty() {
            if let Some(t) = text.take() {
                finish(&mut paras, new_par, t, prev_no_space);
                prev_no_space = last_no_space;
            }
            new_par = false;
            last_no_space = false;
            mwt_end = 0;
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim_start();
            if comment.starts_with("newdoc")
                || comment == "newpar"
                || comment.starts_with("newpar ")
                || comment.starts_with("newpar=")
            {
                new_par = true;
            }
            if let Some(t) = comment.strip_prefix("text = ") {
                text = Some(t);
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 {
            continue;
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // empty node
        }
        let no_space = cols[9].split('|').any(|m| m == "SpaceAfter=No");
        if let Some((_, end)) = id.split_once('-') {
            mwt_end = end.parse().unwrap_or(0);
            last_no_space = no_space;
            continue;
        }
        let n: usize = id.parse().unwrap_or(0);
        if n > mwt_end {
            last_no_space = no_space;
        }
    }
    paras
}

#[derive(Default, Clone, Copy)]
struct Score {
    tp: usize,
    fp: usize,
    fneg: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fneg).max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

/// `text` with a marker at the `n`-th non-whitespace character, trimmed to
/// some context around it.
fn mark(text: &str, n: usize) -> String {
    let mut k = 0;
    let mut pos = text.len();
    for (i, c) in text.char_indices() {
        if k == n {
            pos = i;
            break;
        }
        if !c.is_whitespace() {
            k += 1;
        }
    }
    let a = text[..pos].char_indices().rev().nth(60).map_or(0, |x| x.0);
    let b = text[pos..].char_indices().nth(40).map_or(text.len(), |x| pos + x.0);
    format!("{}‖{}", &text[a..pos], &text[pos..b])
}

fn score(seg: &Segmenter, paras: &[Paragraph], show: bool) -> Score {
    let mut s = Score::default();
    for p in paras {
        let spans = seg.split(&p.text);
        let mut pred = Vec::with_capacity(spans.len());
        let (mut count, mut at) = (0, 0);
        for span in spans.iter().take(spans.len().saturating_sub(1)) {
            count += non_ws(&p.text[at..span.end]);
            at = span.end;
            pred.push(count);
        }
        for g in &p.gold {
            if pred.binary_search(g).is_ok() {
                s.tp += 1;
            } else {
                s.fneg += 1;
                if show {
                    println!("MISS {}", mark(&p.text, *g));
                }
            }
        }
        for q in &pred {
            if p.gold.binary_search(q).is_err() {
                s.fp += 1;
                if show {
                    println!("FP   {}", mark(&p.text, *q));
                }
            }
        }
    }
    s
}

#[test]
fn ud_english_boundaries() {
    let root = std::env::var_os("CORROBORATE_DATA").map_or_else(|| PathBuf::from("../shared/data"), PathBuf::from);
    let dir = root.join("ud-english");
    if !dir.is_dir() {
        println!("skipped: UD English data not found at {}", dir.display());
        return;
    }
    let show = std::env::var_os("CORROBORATE_SEG_SHOW").is_some();
    let seg = Segmenter::new(&RuleSet::defaults());
    // (file, minimum F1 asserted; dev files are reported only).
    let files = [
        ("ewt/en_ewt-ud-dev.conllu", None),
        ("gum/en_gum-ud-dev.conllu", None),
        ("ewt/en_ewt-ud-test.conllu", Some(0.86)),
        ("gum/en_gum-ud-test.conllu", Some(0.95)),
    ];
    let mut failures = Vec::new();
    for (file, target) in files {
        let path = dir.join(file);
        let data = match std::fs::read_to_string(&path) {
            Ok(d) => d,
            Err(e) => {
                println!("skipped: {} not found ({e})", path.display());
                continue;
            }
        };
        let paras = load(&data);
        let s = score(&seg, &paras, show && target.is_none());
        println!(
            "{file}: paragraphs {} gold {} P {:.3} R {:.3} F1 {:.3}",
            paras.len(),
            s.tp + s.fneg,
            s.precision(),
            s.recall(),
            s.f1()
        );
        if let Some(min) = target
            && s.f1() < min
        {
            failures.push(format!("{file}: F1 {:.3} < {min}", s.f1()));
        }
    }
    assert!(failures.is_empty(), "targets missed: {failures:?}");
}
