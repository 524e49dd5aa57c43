//! corroborate: cross-reference the claims of several articles about one story.
//!
//! The pipeline, one module a stage: [`load`] → [`segment`] → [`extract`] →
//! [`align`] → [`judge`] → [`report`], all driven by [`rules`] and passing the
//! types of [`model`]. [`check`] runs it end to end.

pub mod align;
pub mod check;
pub mod error;
pub mod extract;
pub mod judge;
pub mod lexicon;
pub mod load;
pub mod model;
pub mod output;
pub mod report;
pub mod rules;
pub mod segment;
pub mod tokens;
