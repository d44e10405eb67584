//! `--format sarif`: SARIF 2.1.0, the interchange format of code-scanning tools.
//!
//! One result per finding: its first claim is the location, the other claims are
//! `relatedLocations` (each with its reading and role as the message). Regions give 1-based lines
//! and columns counted in Unicode code points (`columnKind`), plus the byte offset and length.
//! The driver's `rules` are the checks of [`CHECKS`], described by the same text as
//! `factlint explain`. `partialFingerprints` carry the baseline fingerprint. Boundary structs of
//! its own, like the JSON report.

use super::{Report, labelled_reading, line_column};
use crate::baseline::{FINGERPRINT_KEY, fingerprint};
use crate::compare::{CHECKS, Check};
use crate::model::{Document, Fact, Severity};
use serde::Serialize;

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    column_kind: &'static str,
    artifacts: Vec<Artifact>,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Artifact {
    location: ArtifactLocation,
    #[serde(rename = "mimeType")]
    mime_type: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: std::collections::BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_state: Option<&'static str>,
    properties: ResultProperties,
}

#[derive(Serialize)]
struct ResultProperties {
    topic: Topic,
}

#[derive(Serialize)]
struct Topic {
    subject: String,
    attribute: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    index: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
    snippet: Text,
}

/// SARIF's level for a severity.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative file path as a URI reference: `/` separators, anything but unreserved characters
/// percent-encoded.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn rule(c: &Check) -> Rule {
    Rule {
        id: c.code,
        name: c.name,
        short_description: Text { text: format!("{}.", c.summary) },
        full_description: Text { text: c.explanation.to_string() },
        help: Help {
            text: format!("{}\n\nExample: {}\n\nHow to resolve: {}", c.explanation, c.example, c.resolve),
            markdown: format!("{}\n\n**Example:** {}\n\n**How to resolve:** {}", c.explanation, c.example, c.resolve),
        },
        default_configuration: Configuration { level: level(c.severity) },
    }
}

fn location(docs: &[Document], fact: &Fact, id: Option<usize>, message: Option<String>) -> Location {
    let doc = &docs[fact.doc];
    let (start_line, start_column) = line_column(&doc.source, fact.span.start);
    let (end_line, end_column) = line_column(&doc.source, fact.span.end);
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation { uri: uri(&doc.path), index: fact.doc },
            region: Region {
                start_line,
                start_column,
                end_line,
                end_column,
                byte_offset: fact.span.start,
                byte_length: fact.span.len(),
                snippet: Text { text: doc.source[fact.span.clone()].to_string() },
            },
        },
        message: message.map(|text| Text { text }),
    }
}

pub fn render(report: &Report) -> String {
    let results = report
        .findings
        .iter()
        .map(|f| {
            let rule_index = CHECKS.iter().position(|c| c.code == f.code).expect("a finding's check is registered");
            let (first, others) = f.claims.split_first().expect("a finding has claims");
            SarifResult {
                rule_id: f.code,
                rule_index,
                level: level(f.severity),
                message: Text { text: format!("{}\nThis source: {}. {}", f.message, labelled_reading(first), f.help) },
                locations: vec![location(report.docs, &first.fact, None, None)],
                related_locations: others
                    .iter()
                    .enumerate()
                    .map(|(i, c)| location(report.docs, &c.fact, Some(i + 1), Some(labelled_reading(c))))
                    .collect(),
                partial_fingerprints: [(FINGERPRINT_KEY, fingerprint(f))].into_iter().collect(),
                baseline_state: report.baselined.map(|_| "new"),
                properties: ResultProperties {
                    topic: Topic { subject: f.topic.subject.clone(), attribute: f.topic.attribute.clone() },
                },
            }
        })
        .collect();
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "factlint",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: CHECKS.iter().map(rule).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            artifacts: report
                .docs
                .iter()
                .enumerate()
                .map(|(index, d)| Artifact {
                    location: ArtifactLocation { uri: uri(&d.path), index },
                    mime_type: if d.path.ends_with(".html") || d.path.ends_with(".htm") {
                        "text/html"
                    } else {
                        "text/plain"
                    },
                })
                .collect(),
            results,
        }],
    };
    let mut s = serde_json::to_string_pretty(&log).expect("a SARIF log serialises");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("examples/moscow-2024/01-a.md"), "examples/moscow-2024/01-a.md");
        assert_eq!(uri("my notes/ü#1.txt"), "my%20notes/%C3%BC%231.txt");
        assert_eq!(uri(r"a\b.txt"), "a/b.txt");
    }
}
