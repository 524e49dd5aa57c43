//! The terminal report: findings first, most severe first, each with its
//! source excerpts and the words that decided it underlined (rendered like
//! compiler diagnostics by annotate-snippets); then clusters; then a summary
//! line with counts.

use std::collections::HashMap;
use std::fmt::Write;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::judge::excerpt;
use crate::model::{Claim, Document, Finding, Report, Severity};

/// How to render the text report.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextOptions {
    /// ANSI colour (the caller decides from `--color`, `NO_COLOR` and the terminal).
    pub color: bool,
    /// Only the summary line.
    pub quiet: bool,
}

/// Render the whole text report.
pub fn render(report: &Report, opts: &TextOptions) -> String {
    let mut out = String::new();
    if !opts.quiet {
        stories(report, &mut out);
        findings(report, opts, &mut out);
        clusters(report, &mut out);
    }
    let _ = writeln!(out, "{}", summary(report));
    out
}

/// "3 documents, 47 claims, 4 clusters; findings: 1 error, 2 warnings, 16 info"
pub fn summary(report: &Report) -> String {
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    format!(
        "{}; findings: {}, {}, {} info",
        super::sizes(report),
        super::tally(count(Severity::Error), "error"),
        super::tally(count(Severity::Warning), "warning"),
        count(Severity::Info)
    )
}

/// Byte spans within a claim's text that a finding is about, with labels.
fn highlights(f: &Finding, c: &Claim) -> Vec<(usize, usize, String)> {
    let rel = |start: usize, end: usize| {
        let (s, e) = (start.saturating_sub(c.start), end.saturating_sub(c.start));
        (e <= c.text.len() && s < e && c.text.is_char_boundary(s) && c.text.is_char_boundary(e)).then_some((s, e))
    };
    let mut out = Vec::new();
    match f.kind.as_str() {
        "quantity_conflict" => {
            for q in c.quantities.iter().filter(|q| f.message.contains(&q.text)) {
                out.extend(rel(q.start, q.end).map(|(s, e)| (s, e, q.measure.clone().unwrap_or_default())));
            }
        }
        "date_conflict" => {
            for d in c.dates.iter().filter(|d| f.message.contains(&d.text)) {
                let label = match (&d.low, &d.high) {
                    (Some(l), Some(h)) if l == h => l.clone(),
                    (Some(l), Some(h)) => format!("{l}..{h}"),
                    _ => String::new(),
                };
                out.extend(rel(d.start, d.end).map(|(s, e)| (s, e, label)));
            }
        }
        "actor_conflict" => {
            for e in c
                .entities
                .iter()
                .filter(|e| f.message.contains(&format!("\"{}\"", e.text)))
            {
                out.extend(rel(e.start, e.end).map(|(s, e)| (s, e, "actor".to_string())));
            }
        }
        "polarity_conflict" => {
            for n in &c.negations {
                out.extend(rel(n.start, n.end).map(|(s, e)| (s, e, "negation".to_string())));
            }
        }
        "certainty_difference" | "shared_origin" => {
            let said = |t: &str| f.evidence.iter().any(|e| e.starts_with(&c.id) && e.contains(t));
            for h in c.hedges.iter().filter(|h| said(&format!("\"{}\"", h.text))) {
                out.extend(rel(h.start, h.end).map(|(s, e)| (s, e, h.level.as_str().to_string())));
            }
            if let Some(a) = &c.attribution
                && !a.text.is_empty()
            {
                out.extend(rel(a.start, a.end).map(|(s, e)| (s, e, "attribution".to_string())));
            }
        }
        _ => {}
    }
    out
}

fn findings(report: &Report, opts: &TextOptions, out: &mut String) {
    let claims: HashMap<&str, &Claim> = report.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let docs: HashMap<&str, &Document> = report.documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let renderer = if opts.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut corroborated = Vec::new();
    let mut singles = Vec::new();
    for f in &report.findings {
        match f.kind.as_str() {
            "single_source" => singles.push(f),
            "corroborated" => corroborated.push(f),
            _ => {
                let level = match f.severity {
                    Severity::Error => Level::ERROR,
                    Severity::Warning => Level::WARNING,
                    Severity::Info => Level::INFO,
                };
                let title = match &f.cluster {
                    Some(c) => format!("{} [{c}]", f.message),
                    None => f.message.clone(),
                };
                let mut group = Group::with_title(level.primary_title(title).id(&f.rule));
                for id in &f.claims {
                    let Some(c) = claims.get(id.as_str()) else { continue };
                    let doc = docs.get(c.doc.as_str()).copied();
                    let (source, shift) = doc
                        .and_then(|d| whole_lines(&d.text, c))
                        .unwrap_or((c.text.as_str(), 0));
                    let mut snippet = Snippet::source(source)
                        .line_start(c.line)
                        .path(doc.map_or(c.doc.as_str(), |d| d.path.as_str()))
                        .fold(true);
                    let mut marks = highlights(f, c);
                    if marks.is_empty() {
                        // Nothing in particular decided it: mark the sentence,
                        // labelled with what the rule saw in it.
                        let label = f
                            .evidence
                            .iter()
                            .find_map(|e| e.strip_prefix(c.id.as_str()).and_then(|r| r.strip_prefix(": ")))
                            .unwrap_or_default();
                        let end = c.text.trim_end().len();
                        marks.push((0, end, label.to_string()));
                    }
                    for (k, (s, e, label)) in marks.into_iter().enumerate() {
                        let kind = if k == 0 {
                            AnnotationKind::Primary
                        } else {
                            AnnotationKind::Context
                        };
                        snippet = snippet.annotation(kind.span(shift + s..shift + e).label(label));
                    }
                    group = group.element(snippet);
                }
                let mut notes = Vec::new();
                if let Some(s) = &f.suggestion {
                    notes.push(Level::HELP.message(s.as_str()));
                }
                for e in &f.evidence {
                    notes.push(Level::NOTE.message(e.as_str()));
                }
                for n in notes {
                    group = group.element(n);
                }
                let _ = writeln!(out, "{}\n", renderer.render(&[group]));
            }
        }
    }
    for f in corroborated {
        let where_ = f.cluster.as_deref().map(|c| format!(" [{c}]")).unwrap_or_default();
        let _ = writeln!(out, "{}[{}]: {}{}", f.severity.as_str(), f.rule, f.message, where_);
        for id in &f.claims {
            if let Some(c) = claims.get(id.as_str()) {
                let _ = writeln!(out, "  {} (line {}): {}", c.id, c.line, excerpt(&c.text, 160));
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
}

/// The lines of `text` that hold the claim, and the claim's offset in them:
/// so the excerpt's `path:line:column` is where an editor finds the words,
/// even for a sentence that starts mid-line. A byte-order mark is no column.
/// None when the claim does not sit in `text` (a report built without its
/// documents' text).
fn whole_lines<'t>(text: &'t str, c: &Claim) -> Option<(&'t str, usize)> {
    if text.get(c.start..c.end)? != c.text {
        return None;
    }
    let mut from = text[..c.start].rfind('\n').map_or(0, |i| i + 1);
    if from == 0 && text.starts_with('\u{feff}') {
        from = '\u{feff}'.len_utf8();
    }
    let to = text[c.end..].find('\n').map_or(text.len(), |i| c.end + i);
    let lines = text[from..to].trim_end_matches('\r');
    Some((lines, c.start - from))
}

fn stories(report: &Report, out: &mut String) {
    if let Some((head, lines)) = super::several_stories(report) {
        let _ = writeln!(out, "{head}");
        for l in lines {
            let _ = writeln!(out, "  {l}");
        }
        let _ = writeln!(out);
    }
}

fn clusters(report: &Report, out: &mut String) {
    let claims: HashMap<&str, &Claim> = report.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let _ = writeln!(out, "Clusters");
    let _ = writeln!(out, "========");
    if report.clusters.is_empty() {
        let _ = writeln!(out, "none: no two sources state the same fact\n");
    }
    for cl in &report.clusters {
        let _ = writeln!(out, "{} {} ({})", cl.id, cl.verdict, super::sources_of(cl));
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
}
