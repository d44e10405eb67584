//! Stage 5: render findings. One module per format; only `human` knows miette.

pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod markdown;
pub mod matrix;
pub mod sarif;

use crate::model::{AlignedFact, Document, Finding, Severity};
use serde::Serialize;

/// Everything a report shows: the documents, the findings, and the counts of the summary.
pub struct Report<'a> {
    pub docs: &'a [Document],
    pub facts: &'a [AlignedFact],
    pub findings: &'a [Finding],
    /// Findings left out by suppressions (counted in the summary only).
    pub suppressed: usize,
    /// Findings left out because the baseline has them (None: no baseline in use).
    pub baselined: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub documents: usize,
    pub facts: usize,
    pub topics: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    pub suppressed: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baselined: Option<usize>,
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
            suppressed: self.suppressed,
            baselined: self.baselined,
        }
    }
}

/// A claim's reading with its role, as reports label it: "84 (majority)".
pub fn labelled_reading(c: &crate::model::ClaimRole) -> String {
    match c.role {
        Some(role) => format!("{} ({role})", c.reading),
        None => c.reading.clone(),
    }
}

pub use crate::rules::line_column;

impl Summary {
    /// "6 documents, 54 facts, 31 topics: 3 errors, 1 warning, 1 note", then what was left out
    /// when something was: " (1 suppressed, 4 in the baseline)".
    pub fn line(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let mut line = format!(
            "{}, {}, {}: {}, {}, {}",
            plural(self.documents, "document"),
            plural(self.facts, "fact"),
            plural(self.topics, "topic"),
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.notes, "note"),
        );
        let mut left_out = Vec::new();
        if self.suppressed > 0 {
            left_out.push(format!("{} suppressed", self.suppressed));
        }
        if let Some(n) = self.baselined {
            left_out.push(format!("{n} in the baseline"));
        }
        if !left_out.is_empty() {
            line.push_str(&format!(" ({})", left_out.join(", ")));
        }
        line
    }
}
