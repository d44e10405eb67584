//! `--format json`: one document, version 1. Fields are added over time, never removed or
//! renamed. Boundary structs of their own, so internal types can change freely.

use super::{Report, Summary, line_column};
use crate::compare::CHECKS;
use crate::model::{AlignedFact, Document, Fact, Finding};
use serde::Serialize;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    documents: Vec<JsonDocument<'a>>,
    findings: Vec<JsonFinding<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    path: &'a str,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    published: Option<String>,
}

#[derive(Serialize)]
struct JsonTopic<'a> {
    subject: &'a str,
    attribute: &'a str,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: &'a str,
    check: &'a str,
    severity: String,
    topic: JsonTopic<'a>,
    message: &'a str,
    help: &'a str,
    claims: Vec<JsonClaim<'a>>,
}

#[derive(Serialize)]
pub struct JsonClaim<'a> {
    path: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: &'a str,
    value: serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonFact<'a> {
    #[serde(flatten)]
    claim: JsonClaim<'a>,
    rule: &'a str,
    attribute: &'a str,
    topic: Option<JsonTopic<'a>>,
    why: &'a str,
}

fn documents(docs: &[Document]) -> Vec<JsonDocument<'_>> {
    docs.iter()
        .map(|d| JsonDocument {
            path: &d.path,
            title: d.meta.title.as_deref(),
            outlet: d.meta.outlet.as_deref(),
            published: d.meta.published.map(|p| p.to_string()),
        })
        .collect()
}

/// A claim as JSON: its exact place in the original file and its normalised value.
pub fn claim<'a>(docs: &'a [Document], fact: &'a Fact, reading: &str, role: Option<&'a str>) -> JsonClaim<'a> {
    let doc = &docs[fact.doc];
    let (line, column) = line_column(&doc.source, fact.span.start);
    let mut value = serde_json::to_value(&fact.value).unwrap_or_default();
    if let Some(obj) = value.as_object_mut() {
        obj.insert("reading".into(), reading.into());
        if let Some(p) = &fact.population {
            obj.insert("population".into(), p.clone().into());
        }
    }
    JsonClaim {
        path: &doc.path,
        start: fact.span.start,
        end: fact.span.end,
        line,
        column,
        text: &doc.source[fact.span.clone()],
        value,
        role,
    }
}

fn finding<'a>(docs: &'a [Document], f: &'a Finding) -> JsonFinding<'a> {
    JsonFinding {
        code: f.code,
        check: f.check,
        severity: f.severity.to_string(),
        topic: JsonTopic { subject: &f.topic.subject, attribute: &f.topic.attribute },
        message: &f.message,
        help: &f.help,
        claims: f.claims.iter().map(|c| claim(docs, &c.fact, &c.reading, c.role)).collect(),
    }
}

pub fn render(report: &Report) -> String {
    let json = JsonReport {
        version: 1,
        documents: documents(report.docs),
        findings: report.findings.iter().map(|f| finding(report.docs, f)).collect(),
        summary: report.summary(),
    };
    let mut s = serde_json::to_string_pretty(&json).expect("report serialises");
    s.push('\n');
    s
}

/// `factlint facts --format json`: every fact with its topic, or why it has none.
pub fn render_facts(docs: &[Document], facts: &[AlignedFact]) -> String {
    #[derive(Serialize)]
    struct Facts<'a> {
        version: u32,
        documents: Vec<JsonDocument<'a>>,
        facts: Vec<JsonFact<'a>>,
    }
    let facts = facts
        .iter()
        .map(|a| JsonFact {
            claim: claim(docs, &a.fact, &crate::extract::reading(&a.fact.value), None),
            rule: &a.fact.rule,
            attribute: &a.fact.attribute,
            topic: a.topic.as_ref().map(|t| JsonTopic { subject: &t.subject, attribute: &t.attribute }),
            why: &a.why,
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&Facts { version: 1, documents: documents(docs), facts })
        .expect("facts serialise");
    s.push('\n');
    s
}

/// The check registry as JSON (for tools that want the codes).
pub fn checks() -> serde_json::Value {
    CHECKS
        .iter()
        .map(|c| serde_json::json!({"code": c.code, "check": c.name, "severity": c.severity.to_string(), "summary": c.summary}))
        .collect()
}
