//! Errors the library reports to its callers; the binary maps them to exit
//! code 2. Each names the file it is about.

use thiserror::Error;

use crate::rules::RuleError;

#[derive(Debug, Error)]
pub enum Error {
    #[error("{path}: no such file or folder")]
    Missing { path: String },
    #[error("{path}: cannot read: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{path}: not valid UTF-8 (invalid byte at offset {offset}); convert it to UTF-8 first")]
    InvalidUtf8 { path: String, offset: usize },
    #[error("{path}: looks like a binary file (NUL byte at offset {offset}), not an article")]
    Binary { path: String, offset: usize },
    #[error("{path}: {what}, not an article; save it as UTF-8")]
    Utf16 { path: String, what: &'static str },
    #[error("{path}: looks like an HTML page, not an article's text; save the article as plain text or Markdown first")]
    Html { path: String },
    #[error("{path}: empty input, nothing to check")]
    Empty { path: String },
    #[error("{path}: no .txt or .md files found")]
    NoDocuments { path: String },
    #[error("{path}:{line}: bad metadata: {reason}")]
    Metadata { path: String, line: usize, reason: String },
    #[error("{0}")]
    Rules(#[from] RuleError),
    #[error("{path}: cannot write: {reason}")]
    Write { path: String, reason: String },
    #[error("{0}")]
    Usage(String),
}

pub type Result<T> = std::result::Result<T, Error>;
