//! Formats people share: Markdown for tickets, CSV for spreadsheets, and a
//! self-contained HTML page.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use crate::judge::excerpt;
use crate::model::{Claim, Finding, Report};

/// Which cluster each claim belongs to, and the findings that name it.
struct Index<'a> {
    cluster_of: HashMap<&'a str, &'a crate::model::Cluster>,
    findings_of: HashMap<&'a str, Vec<&'a Finding>>,
}

impl<'a> Index<'a> {
    fn new(report: &'a Report) -> Index<'a> {
        let mut cluster_of = HashMap::new();
        for cl in &report.clusters {
            for id in &cl.claims {
                cluster_of.insert(id.as_str(), cl);
            }
        }
        let mut findings_of: HashMap<&str, Vec<&Finding>> = HashMap::new();
        for f in &report.findings {
            for id in &f.claims {
                findings_of.entry(id.as_str()).or_default().push(f);
            }
        }
        Index {
            cluster_of,
            findings_of,
        }
    }
}

/// Finding ids as they appear in every format: `F1`, `F2`... in report order.
fn finding_ids(report: &Report) -> HashMap<*const Finding, String> {
    report
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| (f as *const Finding, format!("F{}", i + 1)))
        .collect()
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Markdown: a summary, the findings as a list, then clusters as tables.
pub fn markdown(report: &Report) -> String {
    let claims: HashMap<&str, &Claim> = report.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let ids = finding_ids(report);
    let mut out = String::new();
    let _ = writeln!(out, "# corroborate report\n");
    let _ = writeln!(
        out,
        "{}, {}.\n",
        super::sizes(report),
        super::tally(report.findings.len(), "finding")
    );
    if let Some((head, lines)) = super::several_stories(report) {
        let _ = writeln!(out, "{head}\n");
        for l in lines {
            let _ = writeln!(out, "- {l}");
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "## Findings\n");
    for f in &report.findings {
        let id = &ids[&(f as *const Finding)];
        let cluster = f.cluster.as_deref().map(|c| format!(" ({c})")).unwrap_or_default();
        let _ = writeln!(
            out,
            "- **{id} {}** `{}`{cluster}: {}",
            f.severity.as_str(),
            f.rule,
            md_escape(&f.message)
        );
        for cid in &f.claims {
            if let Some(c) = claims.get(cid.as_str()) {
                let _ = writeln!(
                    out,
                    "  - `{}` line {}: {}",
                    c.id,
                    c.line,
                    md_escape(&excerpt(&c.text, 200))
                );
            }
        }
        if let Some(s) = &f.suggestion {
            let _ = writeln!(out, "  - *Suggestion:* {}", md_escape(s));
        }
        if f.kind != "corroborated" {
            for e in &f.evidence {
                let _ = writeln!(out, "  - *Evidence:* {}", md_escape(e));
            }
        }
    }
    let _ = writeln!(out, "\n## Clusters\n");
    for cl in &report.clusters {
        let _ = writeln!(out, "### {}: {} ({})\n", cl.id, cl.verdict, super::sources_of(cl));
        let _ = writeln!(out, "| claim | line | certainty | text |\n|---|---|---|---|");
        for cid in &cl.claims {
            if let Some(c) = claims.get(cid.as_str()) {
                let _ = writeln!(
                    out,
                    "| `{}` | {} | {} | {} |",
                    c.id,
                    c.line,
                    c.certainty.as_str(),
                    md_escape(&excerpt(&c.text, 240))
                );
            }
        }
        let _ = writeln!(out);
    }
    out
}

/// CSV: one row per claim, with its cluster, verdict and the findings that name it.
pub fn csv(report: &Report) -> String {
    let index = Index::new(report);
    let ids = finding_ids(report);
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "document",
        "path",
        "claim",
        "line",
        "start",
        "end",
        "cluster",
        "verdict",
        "findings",
        "certainty",
        "text",
    ]);
    let paths: HashMap<&str, &str> = report
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.path.as_str()))
        .collect();
    for c in &report.claims {
        let cluster = index.cluster_of.get(c.id.as_str());
        let findings: Vec<String> = index
            .findings_of
            .get(c.id.as_str())
            .map(|fs| {
                fs.iter()
                    .map(|f| format!("{}:{}", ids[&(*f as *const Finding)], f.rule))
                    .collect()
            })
            .unwrap_or_default();
        let _ = w.write_record([
            c.doc.as_str(),
            paths.get(c.doc.as_str()).copied().unwrap_or(""),
            c.id.as_str(),
            &c.line.to_string(),
            &c.start.to_string(),
            &c.end.to_string(),
            cluster.map_or("", |cl| cl.id.as_str()),
            cluster.map_or("single_source", |cl| cl.verdict.as_str()),
            &findings.join(" "),
            c.certainty.as_str(),
            c.text.as_str(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Escape text for HTML element content and attribute values.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222}\
header{padding:1em 2em;background:#f4f4f4;border-bottom:1px solid #ddd}\
main{display:flex;gap:1em;padding:1em}\
#findings{flex:0 0 32em;max-height:90vh;overflow:auto}\
#sources{flex:1;display:flex;gap:1em;overflow-x:auto}\
.doc{flex:1 0 22em;border:1px solid #ddd;padding:0 1em;white-space:pre-wrap}\
.finding{border-left:4px solid #999;padding:.3em .8em;margin:.6em 0;background:#fafafa}\
.error{border-color:#c0392b}.warning{border-color:#e67e22}.info{border-color:#2980b9}\
mark{background:#fff3b0}mark.c{background:#d6eaff}mark.x{background:#ffd6d6}\
mark:target{outline:2px solid #333}\
a{color:inherit}small{color:#666}";

/// One self-contained HTML page: findings on the left, the sources side by
/// side with every claim highlighted and linked to its cluster. No script,
/// no external request; all article text escaped.
pub fn html(report: &Report) -> String {
    let index = Index::new(report);
    let ids = finding_ids(report);
    let claims: HashMap<&str, &Claim> = report.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
<title>corroborate report</title><style>{STYLE}</style></head><body>\n"
    );
    let _ = writeln!(
        out,
        "<header><h1>corroborate report</h1><p>{}, {}</p></header>",
        super::sizes(report),
        super::tally(report.findings.len(), "finding")
    );
    if let Some((head, lines)) = super::several_stories(report) {
        let _ = writeln!(out, "<p>{}</p><ul>", html_escape(&head));
        for l in lines {
            let _ = writeln!(out, "<li>{}</li>", html_escape(&l));
        }
        let _ = writeln!(out, "</ul>");
    }
    let _ = writeln!(out, "<main><section id=\"findings\"><h2>Findings</h2>");
    for f in &report.findings {
        let id = &ids[&(f as *const Finding)];
        let _ = writeln!(out, "<div class=\"finding {}\" id=\"{id}\">", f.severity.as_str());
        let cluster = f
            .cluster
            .as_deref()
            .map(|c| format!(" <a href=\"#{0}\">{0}</a>", html_escape(c)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<p><b>{id} {}</b> <code>{}</code>{cluster}<br>{}</p>",
            f.severity.as_str(),
            html_escape(&f.rule),
            html_escape(&f.message)
        );
        let _ = writeln!(out, "<ul>");
        for cid in &f.claims {
            if let Some(c) = claims.get(cid.as_str()) {
                let _ = writeln!(
                    out,
                    "<li><a href=\"#{}\">{}</a> line {}: {}</li>",
                    anchor(&c.id),
                    html_escape(&c.id),
                    c.line,
                    html_escape(&excerpt(&c.text, 200))
                );
            }
        }
        if let Some(s) = &f.suggestion {
            let _ = writeln!(out, "<li><i>Suggestion:</i> {}</li>", html_escape(s));
        }
        if f.kind != "corroborated" {
            for e in &f.evidence {
                let _ = writeln!(out, "<li><i>Evidence:</i> {}</li>", html_escape(e));
            }
        }
        let _ = writeln!(out, "</ul></div>");
    }
    let _ = writeln!(out, "<h2>Clusters</h2>");
    for cl in &report.clusters {
        let _ = writeln!(
            out,
            "<div class=\"finding\" id=\"{}\"><b>{}</b> {} ({})<ul>",
            html_escape(&cl.id),
            html_escape(&cl.id),
            html_escape(&cl.verdict),
            super::sources_of(cl)
        );
        for cid in &cl.claims {
            let _ = writeln!(out, "<li><a href=\"#{}\">{}</a></li>", anchor(cid), html_escape(cid));
        }
        let _ = writeln!(out, "</ul></div>");
    }
    let _ = writeln!(out, "</section><section id=\"sources\">");
    let mut by_doc: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
    for c in &report.claims {
        by_doc.entry(c.doc.as_str()).or_default().push(c);
    }
    for d in &report.documents {
        let title = d.source.as_deref().or(d.title.as_deref()).unwrap_or(&d.id);
        let _ = writeln!(
            out,
            "<article class=\"doc\"><h3>{}</h3><small>{}{}</small>",
            html_escape(title),
            html_escape(&d.path),
            d.date
                .as_deref()
                .map(|x| format!(" · {}", html_escape(x)))
                .unwrap_or_default()
        );
        let mut at = d.body_start;
        for c in by_doc.get(d.id.as_str()).map(Vec::as_slice).unwrap_or_default() {
            if c.start < at || c.end > d.text.len() {
                continue;
            }
            out.push_str(&html_escape(&d.text[at..c.start]));
            let (class, link) = match index.cluster_of.get(c.id.as_str()) {
                Some(cl) if cl.verdict == "conflict" => (
                    "x",
                    format!(" <a href=\"#{0}\"><sup>{0}</sup></a>", html_escape(&cl.id)),
                ),
                Some(cl) => (
                    "c",
                    format!(" <a href=\"#{0}\"><sup>{0}</sup></a>", html_escape(&cl.id)),
                ),
                None => ("", String::new()),
            };
            let _ = write!(
                out,
                "<mark id=\"{}\" class=\"{class}\" title=\"{}\">{}</mark>{link}",
                anchor(&c.id),
                html_escape(&c.id),
                html_escape(&c.text)
            );
            at = c.end;
        }
        out.push_str(&html_escape(&d.text[at.min(d.text.len())..]));
        let _ = writeln!(out, "</article>");
    }
    let _ = writeln!(out, "</section></main></body></html>");
    out
}

/// An element id from a claim id ("doc:3" -> "claim-doc-3").
fn anchor(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("claim-{safe}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_everything() {
        assert_eq!(
            html_escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn markdown_escapes_table_pipes() {
        assert_eq!(md_escape("a | b *c*"), "a \\| b \\*c\\*");
    }
}
