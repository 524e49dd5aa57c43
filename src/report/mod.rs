//! Reports: terminal text and JSON (the contract in DESIGN.md), and the
//! formats people share (see `formats`).

mod formats;
pub mod text;

pub use formats::{csv, html, html_escape, markdown};

use crate::model::Report;

/// The JSON report: stable field order, pretty-printed, newline-terminated.
pub fn json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).expect("report serialises");
    s.push('\n');
    s
}

/// The text report without colour (see [`text::render`] for options).
pub fn text(report: &Report) -> String {
    text::render(report, &text::TextOptions::default())
}
