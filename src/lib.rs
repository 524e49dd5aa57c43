//! corroborate: cross-reference the claims of several articles about one story.

pub mod extract;
pub mod model;
pub mod rules;
pub mod segment;
