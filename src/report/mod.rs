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

/// [`json`], streamed into `w`: exactly what `serde_json::to_writer_pretty`
/// writes of the report, and a newline. The claims, most of the report,
/// are rendered in parallel a block at a time and written in order.
pub fn write_json(report: &Report, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    use std::io::Write;
    let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
    // Report's fields, in their order.
    w.write_all(b"{\n  \"schema\": ")?;
    pretty_at(&mut w, &report.schema, 1)?;
    w.write_all(b",\n  \"documents\": ")?;
    pretty_at(&mut w, &report.documents, 1)?;
    w.write_all(b",\n  \"stories\": ")?;
    pretty_at(&mut w, &report.stories, 1)?;
    w.write_all(b",\n  \"claims\": ")?;
    claims_at(&mut w, &report.claims)?;
    w.write_all(b",\n  \"clusters\": ")?;
    pretty_at(&mut w, &report.clusters, 1)?;
    w.write_all(b",\n  \"findings\": ")?;
    pretty_at(&mut w, &report.findings, 1)?;
    w.write_all(b"\n}\n")?;
    w.flush()
}

/// Claims rendered at once: enough to keep both threads busy, few enough
/// that the rendered text held at once stays small (about 400 KB).
const CLAIM_BLOCK: usize = 256;

/// The claims array as the pretty printer writes it at the report's first
/// level, each claim rendered on its own (in parallel) at the second.
fn claims_at(w: &mut dyn std::io::Write, claims: &[crate::model::Claim]) -> std::io::Result<()> {
    use rayon::prelude::*;
    if claims.is_empty() {
        return w.write_all(b"[]");
    }
    w.write_all(b"[")?;
    for (b, block) in claims.chunks(CLAIM_BLOCK).enumerate() {
        let rendered: Vec<std::io::Result<Vec<u8>>> = block
            .par_iter()
            .map(|c| {
                let mut out = Vec::with_capacity(2048);
                pretty_at(&mut out, c, 2)?;
                Ok(out)
            })
            .collect();
        for (k, text) in rendered.into_iter().enumerate() {
            w.write_all(if b == 0 && k == 0 { b"\n    " } else { b",\n    " })?;
            w.write_all(&text?)?;
        }
    }
    w.write_all(b"\n  ]")
}

/// `value` pretty-printed as it would be `depth` levels down in a larger
/// document: its inner lines indented for that depth, its first line not.
///
/// Generic over the writer: a claim is rendered into a `Vec` in many small
/// writes, which inline when the writer's type is known.
fn pretty_at<W: std::io::Write>(w: W, value: &impl serde::Serialize, depth: usize) -> std::io::Result<()> {
    use serde_json::ser::Formatter;
    let mut formatter = serde_json::ser::PrettyFormatter::new();
    // Opening `depth` objects nobody sees sets the formatter's indent.
    for _ in 0..depth {
        formatter.begin_object(&mut std::io::sink())?;
    }
    let mut ser = serde_json::Serializer::with_formatter(w, formatter);
    // An I/O failure keeps its kind: a closed pipe must still read as one.
    value.serialize(&mut ser).map_err(|e| match e.io_error_kind() {
        Some(kind) => std::io::Error::new(kind, e),
        None => std::io::Error::other(e),
    })
}

/// The text report without colour (see [`text::render`] for options).
pub fn text(report: &Report) -> String {
    text::render(report, &text::TextOptions::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Engine;
    use crate::model::Document;
    use crate::rules::RuleSet;

    /// The hand-assembled JSON is the pretty printer's, byte for byte:
    /// with claims in several blocks and in none, with and without
    /// clusters and findings.
    #[test]
    fn json_is_what_the_pretty_printer_writes() {
        let engine = Engine::new(RuleSet::defaults());
        let docs: Vec<Document> = (0..3)
            .map(|k| {
                // Each line names its own place, so line n of one document
                // states the fact of line n of the others; the third
                // document gives other figures.
                let text = (0..400)
                    .map(|n| {
                        let place: String = format!("{n:03}").bytes().map(|d| char::from(b'k' + d - b'0')).collect();
                        let jobs = if k == 2 { 30 + n } else { 10 + n };
                        format!("Acme Corp said it cut {jobs} jobs at its \"Vel{place}\" plant in Ohio on Monday.\n")
                    })
                    .collect::<String>();
                Document::new(format!("d{k}"), format!("d{k}.txt"), text)
            })
            .collect();
        let full = engine.check(docs);
        assert!(full.claims.len() > 2 * CLAIM_BLOCK, "claims span several blocks");
        assert!(!full.clusters.is_empty() && !full.findings.is_empty());
        let empty = engine.check(vec![Document::new("e", "e.txt", "Hello.\n")]);
        assert!(empty.claims.is_empty());
        for report in [&full, &empty] {
            let want = serde_json::to_string_pretty(report).unwrap() + "\n";
            assert_eq!(json(report), want);
        }
    }
}
