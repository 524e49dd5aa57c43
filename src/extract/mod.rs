//! Extraction: which sentences are claims, and their facets.

pub mod date;
pub mod quantity;

#[cfg(test)]
mod facet_tests;
