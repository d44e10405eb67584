//! The editor's view that the `html` and `markdown` reports share: topics by sources, each cell the
//! readings one source gives, and each claim's passage in context. Pure data; the two renderers
//! only format it.

use super::{Report, line_column};
use crate::extract::context::sentences;
use crate::model::{Document, Fact, Finding, Severity, TopicKey};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// One row: a topic two or more sources give, with its finding if the sources disagree.
#[derive(Debug, Clone)]
pub struct Row {
    pub topic: TopicKey,
    /// Index into the report's findings.
    pub finding: Option<usize>,
    /// One cell per document, in document order; empty when the source does not give the topic.
    pub cells: Vec<Vec<Cell>>,
}

/// One reading a source gives for a topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub reading: String,
    /// "majority", "outlier" or None.
    pub role: Option<&'static str>,
    /// Index of the claim in its finding, to link to its passage.
    pub claim: Option<usize>,
}

impl Row {
    pub fn severity(&self, findings: &[Finding]) -> Option<Severity> {
        self.finding.map(|i| findings[i].severity)
    }
}

/// The rows of the matrix: every topic with a finding, in the findings' order, then every other
/// topic that two or more sources give (they agree), by topic. Topics only one source gives are
/// left out: there is nothing to compare.
pub fn rows(report: &Report) -> Vec<Row> {
    let n = report.docs.len();
    let mut rows = Vec::new();
    let mut with_finding = BTreeSet::new();
    for (i, f) in report.findings.iter().enumerate() {
        let mut cells = vec![Vec::new(); n];
        for (j, c) in f.claims.iter().enumerate() {
            let cell = Cell { reading: c.reading.clone(), role: c.role, claim: Some(j) };
            let slot: &mut Vec<Cell> = &mut cells[c.fact.doc];
            if !slot.iter().any(|s| s.reading == cell.reading && s.role == cell.role) {
                slot.push(cell);
            }
        }
        with_finding.insert(&f.topic);
        rows.push(Row { topic: f.topic.clone(), finding: Some(i), cells });
    }
    let mut agreed: BTreeMap<&TopicKey, Vec<Vec<Cell>>> = BTreeMap::new();
    for a in report.facts {
        let Some(topic) = &a.topic else { continue };
        if with_finding.contains(topic) {
            continue;
        }
        let cells = agreed.entry(topic).or_insert_with(|| vec![Vec::new(); n]);
        let reading = crate::extract::reading(&a.fact.value);
        let slot = &mut cells[a.fact.doc];
        if !slot.iter().any(|c| c.reading == reading) {
            slot.push(Cell { reading, role: None, claim: None });
        }
    }
    for (topic, cells) in agreed {
        if cells.iter().filter(|c| !c.is_empty()).count() >= 2 {
            rows.push(Row { topic: topic.clone(), finding: None, cells });
        }
    }
    rows
}

/// A claim in its sentence, as a reader reads it (markup dropped, white space folded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub before: String,
    pub claim: String,
    pub after: String,
    /// 1-based line and column of the claim in its file.
    pub line: usize,
    pub column: usize,
}

/// The most context shown on either side of a claim, in characters.
const CONTEXT_CHARS: usize = 240;

pub fn passage(doc: &Document, fact: &Fact) -> Passage {
    let (line, column) = line_column(&doc.source, fact.span.start);
    let claim = fact.prose_span.clone();
    if doc.prose.get(claim.clone()).is_none() {
        // The article could not be read again (a split check's reduce step, a file since gone):
        // the claim as the facts quote it, without context.
        let quoted = doc.source.get(fact.span.clone()).unwrap_or_default();
        return Passage {
            before: String::new(),
            claim: fold(quoted).trim().to_string(),
            after: String::new(),
            line,
            column,
        };
    }
    let (spans, _) = sentences(&doc.prose);
    let sentence: Range<usize> = spans
        .iter()
        .find(|s| s.start <= claim.start && claim.start < s.end)
        .map_or(claim.clone(), |s| s.start.min(claim.start)..s.end.max(claim.end));
    let before = fold(&doc.prose[sentence.start..claim.start]);
    let after = fold(&doc.prose[claim.end..sentence.end]);
    let before = if before.chars().count() > CONTEXT_CHARS {
        let skip = before.chars().count() - CONTEXT_CHARS;
        format!("…{}", before.chars().skip(skip).collect::<String>().trim_start())
    } else {
        before
    };
    let after = if after.chars().count() > CONTEXT_CHARS {
        format!("{}…", after.chars().take(CONTEXT_CHARS).collect::<String>().trim_end())
    } else {
        after
    };
    Passage { before, claim: fold(&doc.prose[claim]).trim().to_string(), after, line, column }
}

/// Folds runs of white space to one space, keeping a leading or trailing one.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Short labels for the sources: "S1", "S2", ...
pub fn source_label(doc: usize) -> String {
    format!("S{}", doc + 1)
}

/// A source's name for column heads: its outlet, else its file name.
pub fn source_name(doc: &Document) -> String {
    doc.meta.outlet.clone().unwrap_or_else(|| {
        std::path::Path::new(&doc.path).file_name().map_or(doc.path.clone(), |n| n.to_string_lossy().into_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_edges() {
        assert_eq!(fold("  a \n\n b  "), " a b ");
        assert_eq!(fold("a"), "a");
    }
}
