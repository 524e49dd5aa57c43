//! Reports: terminal text and JSON (the contract in DESIGN.md), and the
//! formats people share (see `formats`).

mod formats;

pub use formats::{csv, html, html_escape, markdown};

use std::collections::HashMap;
use std::fmt::Write;

use crate::judge::excerpt;
use crate::model::{Claim, Report, Severity};

/// The JSON report: stable field order, pretty-printed, newline-terminated.
pub fn json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).expect("report serialises");
    s.push('\n');
    s
}

/// The text report: findings first (most severe first), then clusters with
/// each claim's source, line and excerpt, then a summary line.
pub fn text(report: &Report) -> String {
    let claims: HashMap<&str, &Claim> = report.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut out = String::new();
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    let _ = writeln!(out, "Findings");
    let _ = writeln!(out, "========");
    let mut singles = Vec::new();
    for f in &report.findings {
        if f.kind == "single_source" {
            singles.push(f);
            continue;
        }
        let where_ = f.cluster.as_deref().map(|c| format!(" {c}")).unwrap_or_default();
        let _ = writeln!(out, "{}[{}]{}: {}", f.severity.as_str(), f.rule, where_, f.message);
        for id in &f.claims {
            if let Some(c) = claims.get(id.as_str()) {
                let _ = writeln!(out, "  {} (line {}): {}", c.id, c.line, excerpt(&c.text, 160));
            }
        }
        if let Some(s) = &f.suggestion {
            let _ = writeln!(out, "  = suggestion: {s}");
        }
        for e in &f.evidence {
            if f.kind != "corroborated" {
                let _ = writeln!(out, "  = evidence: {e}");
            }
        }
        let _ = writeln!(out);
    }
    if !singles.is_empty() {
        let _ = writeln!(out, "Single-source claims ({}):", singles.len());
        for f in singles {
            for id in &f.claims {
                if let Some(c) = claims.get(id.as_str()) {
                    let _ = writeln!(out, "  {} (line {}): {}", c.id, c.line, excerpt(&c.text, 120));
                }
            }
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "Clusters");
    let _ = writeln!(out, "========");
    for cl in &report.clusters {
        let _ = writeln!(out, "{} {} ({} sources)", cl.id, cl.verdict, cl.sources);
        for id in &cl.claims {
            if let Some(c) = claims.get(id.as_str()) {
                let _ = writeln!(
                    out,
                    "  {} (line {}, {}): {}",
                    c.id,
                    c.line,
                    c.certainty.as_str(),
                    excerpt(&c.text, 160)
                );
            }
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(
        out,
        "{} documents, {} claims, {} clusters; findings: {} error, {} warning, {} info",
        report.documents.len(),
        report.claims.len(),
        report.clusters.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    );
    out
}
