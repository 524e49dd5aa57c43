//! Reports: terminal text and JSON (the contract in DESIGN.md), and the
//! formats people share (see `formats`).

mod formats;
pub mod text;

pub use formats::{csv, html, html_escape, markdown};

use crate::model::Report;

/// When the documents report more than one happening, the sentence every
/// format opens with (the reader should know which articles were never
/// compared), and each story as "id: documents".
fn several_stories(report: &Report) -> Option<(String, Vec<String>)> {
    (report.stories.len() > 1).then(|| {
        let head = format!(
            "{} stories: these groups of documents report different happenings; claims of two groups are not compared",
            report.stories.len()
        );
        let lines = report
            .stories
            .iter()
            .map(|s| format!("{}: {}", s.id, s.documents.join(", ")))
            .collect();
        (head, lines)
    })
}

/// "1 document", "3 documents": a count with its noun, plural unless one.
/// Every format's summary line uses it, so none reads "1 documents".
fn tally(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// "3 documents, 47 claims, 4 clusters": the size of a report.
fn sizes(report: &Report) -> String {
    format!(
        "{}, {}, {}",
        tally(report.documents.len(), "document"),
        tally(report.claims.len(), "claim"),
        tally(report.clusters.len(), "cluster")
    )
}

/// "3 sources", or "3 sources, 2 origins" when some of them share an origin
/// (one outlet they all cite, or one text they all print).
fn sources_of(cluster: &crate::model::Cluster) -> String {
    let sources = tally(cluster.sources, "source");
    if cluster.origins < cluster.sources {
        format!("{sources}, {}", tally(cluster.origins, "origin"))
    } else {
        sources
    }
}

/// The JSON report: stable field order, pretty-printed, newline-terminated.
pub fn json(report: &Report) -> String {
    let mut out = Vec::new();
    write_json(report, &mut out).expect("a report serialises into memory");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// [`json`], streamed into `w`.
pub fn write_json(report: &Report, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    // An I/O failure keeps its kind: a closed pipe must still read as one.
    serde_json::to_writer_pretty(&mut *w, report).map_err(|e| match e.io_error_kind() {
        Some(kind) => std::io::Error::new(kind, e),
        None => std::io::Error::other(e),
    })?;
    w.write_all(b"\n")
}

/// The text report without colour (see [`text::render`] for options).
pub fn text(report: &Report) -> String {
    text::render(report, &text::TextOptions::default())
}
