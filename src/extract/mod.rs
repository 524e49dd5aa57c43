//! Extraction: which sentences are claims, and their facets.

pub mod date;
pub mod quantity;
