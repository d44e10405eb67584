//! Baselines: adopt factlint on an archive without fixing every old finding first.
//!
//! `factlint check --write-baseline FILE` records the current findings by [`fingerprint`];
//! `--baseline FILE` then reports only findings whose fingerprint is not in the file. A
//! fingerprint hashes what the finding is about (its check, its topic and the set of readings the
//! sources give), never where the claims are: moving, editing or adding unrelated text leaves it
//! unchanged, while a new reading in the topic (a new figure, a new date) makes a new finding.
//! SARIF's `partialFingerprints` carry the same value.

use crate::model::Finding;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The key under which SARIF and baselines carry the fingerprint; the `/v1` names the recipe.
pub const FINGERPRINT_KEY: &str = "factlintFinding/v1";

/// A finding's stable identity: 32 hex digits of a 128-bit FNV-1a hash of the check code, the
/// topic and the sorted, de-duplicated readings of its claims.
pub fn fingerprint(f: &Finding) -> String {
    let readings: BTreeSet<String> = f.claims.iter().map(|c| normalise(&c.reading)).collect();
    let mut hash = Fnv128::new();
    hash.write("factlint/v1");
    hash.write(f.code);
    hash.write(&normalise(&f.topic.subject));
    hash.write(&normalise(&f.topic.attribute));
    for r in &readings {
        hash.write(r);
    }
    format!("{:032x}", hash.0)
}

/// Case and white space do not make a different reading.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// FNV-1a, 128 bits: small, dependency-free and stable across platforms and releases.
struct Fnv128(u128);

impl Fnv128 {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;

    fn new() -> Self {
        Fnv128(Self::OFFSET)
    }

    /// Hashes a field and a separator, so that ("ab", "c") and ("a", "bc") differ.
    fn write(&mut self, field: &str) {
        for &b in field.as_bytes().iter().chain(&[0u8]) {
            self.0 ^= u128::from(b);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }
}

/// A baseline file: the findings accepted when it was written.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<BaselineEntry>,
}

/// One accepted finding. Only the fingerprint is matched; the rest is there for the reader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BaselineEntry {
    pub fingerprint: String,
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub attribute: String,
    #[serde(default)]
    pub readings: Vec<String>,
}

impl Baseline {
    pub fn of(findings: &[Finding]) -> Baseline {
        let findings = findings
            .iter()
            .map(|f| {
                let mut readings: Vec<String> = f.claims.iter().map(|c| c.reading.clone()).collect();
                readings.sort();
                readings.dedup();
                BaselineEntry {
                    fingerprint: fingerprint(f),
                    code: f.code.to_string(),
                    subject: f.topic.subject.clone(),
                    attribute: f.topic.attribute.clone(),
                    readings,
                }
            })
            .collect();
        Baseline { version: 1, findings }
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a baseline serialises");
        s.push('\n');
        s
    }

    pub fn from_json(text: &str) -> Result<Baseline, String> {
        let b: Baseline = serde_json::from_str(text).map_err(|e| format!("not a factlint baseline: {e}"))?;
        if b.version != 1 {
            return Err(format!("baseline version {} is not supported (expected 1)", b.version));
        }
        Ok(b)
    }

    pub fn contains(&self, f: &Finding) -> bool {
        let fp = fingerprint(f);
        self.findings.iter().any(|e| e.fingerprint == fp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimRole, Fact, Severity, TopicKey, Value};

    fn finding(readings: &[(&str, std::ops::Range<usize>)]) -> Finding {
        Finding {
            code: "FL001",
            check: "count-conflict",
            severity: Severity::Error,
            topic: TopicKey { subject: "Iran".into(), attribute: "deaths".into() },
            message: "m".into(),
            help: "h".into(),
            claims: readings
                .iter()
                .enumerate()
                .map(|(doc, (r, span))| ClaimRole {
                    fact: Fact {
                        doc,
                        span: span.clone(),
                        prose_span: span.clone(),
                        match_span: span.clone(),
                        rule: "deaths".into(),
                        attribute: "deaths".into(),
                        population: None,
                        value: Value::Name { name: r.to_string() },
                        named_subject: None,
                    },
                    reading: r.to_string(),
                    role: None,
                })
                .collect(),
        }
    }

    #[test]
    fn a_fingerprint_ignores_positions_order_and_repeats_but_not_readings() {
        let a = finding(&[("84", 10..12), ("90–99 (nearly 100)", 40..50)]);
        let moved = finding(&[("90–99 (nearly 100)", 400..410), ("84", 7..9), ("84", 900..902)]);
        assert_eq!(fingerprint(&a), fingerprint(&moved));
        let new_figure = finding(&[("84", 10..12), ("95", 40..42)]);
        assert_ne!(fingerprint(&a), fingerprint(&new_figure));
        assert_eq!(fingerprint(&a).len(), 32);
    }

    #[test]
    fn a_baseline_round_trips() {
        let b = Baseline::of(&[finding(&[("84", 1..3), ("95", 5..7)])]);
        let back = Baseline::from_json(&b.to_json()).unwrap();
        assert_eq!(back, b);
        assert!(back.contains(&finding(&[("95", 0..2), ("84", 9..11)])));
        assert!(Baseline::from_json("{\"version\": 2, \"findings\": []}").is_err());
        assert!(Baseline::from_json("[]").is_err());
    }
}
