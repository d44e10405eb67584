//! Stage 5: render findings. One module per format; only `human` knows miette.

pub mod human;
pub mod json;

use crate::model::{AlignedFact, Document, Finding, Severity};
use serde::Serialize;

/// Everything a report shows: the documents, the findings, and the counts of the summary.
pub struct Report<'a> {
    pub docs: &'a [Document],
    pub facts: &'a [AlignedFact],
    pub findings: &'a [Finding],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub documents: usize,
    pub facts: usize,
    pub topics: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Report<'_> {
    pub fn summary(&self) -> Summary {
        let topics =
            self.facts.iter().filter_map(|f| f.topic.as_ref()).collect::<std::collections::BTreeSet<_>>().len();
        let count = |s: Severity| self.findings.iter().filter(|f| f.severity == s).count();
        Summary {
            documents: self.docs.len(),
            facts: self.facts.len(),
            topics,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            notes: count(Severity::Info),
        }
    }
}

/// 1-based line and character column of a byte offset in a text.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    crate::rules::line_column(text, offset)
}
