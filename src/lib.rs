//! factlint: find the facts on which news articles about one story disagree.
//!
//! The pipeline runs one way: [`load`] → [`extract`] → [`align`] → [`compare`] → [`report`].
//! Each stage is a pure function over the plain types of [`model`]; only `load` reads files and
//! only the binary prints.

pub mod align;
pub mod baseline;
pub mod blocking;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod extract;
pub mod jsonl;
pub mod load;
pub mod map;
pub mod model;
pub mod pipeline;
pub mod progress;
pub mod report;
pub mod rules;
pub mod thresholds;
pub mod triage;
