//! The reports a user reads, snapshotted: the example corpus and one fixture per check, in the
//! human format (no colour, fixed width) and as JSON.

mod common;
use common::{factlint, json, stdout};

fn human(path: &str) -> String {
    stdout(&factlint(&["check", "--color", "never", "--width", "100", path]))
}

fn json_report(path: &str) -> String {
    stdout(&factlint(&["check", "--format", "json", path]))
}

#[test]
fn example_corpus_human() {
    snapshot!("example_corpus_human", human("examples/moscow-2024"));
}

#[test]
fn example_corpus_json() {
    snapshot!("example_corpus_json", json_report("examples/moscow-2024"));
}

#[test]
fn per_check_fixtures() {
    for fixture in ["count-conflict", "count-divergence", "date-conflict", "name-variant", "weekday-slip", "agreement"]
    {
        let path = format!("tests/fixtures/{fixture}");
        snapshot!(format!("fixture_{fixture}_human"), human(&path));
        snapshot!(format!("fixture_{fixture}_json"), json_report(&path));
    }
}

#[test]
fn the_example_corpus_flags_what_a_reader_flags() {
    let report = json(&factlint(&["check", "--format", "json", "examples/moscow-2024"]));
    let findings = report["findings"].as_array().unwrap();
    let has = |severity: &str, attribute: &str, readings: &[&str]| {
        findings.iter().any(|f| {
            f["severity"] == severity
                && f["topic"]["attribute"] == attribute
                && readings.iter().all(|r| f["claims"].as_array().unwrap().iter().any(|c| c["text"] == *r))
        })
    };
    assert!(has("error", "founding year", &["2015", "2014"]), "founding year 2015 vs 2014");
    assert!(has("error", "deaths", &["84", "nearly 100"]), "Kerman toll 84 vs nearly 100");
    assert!(has("error", "date", &["March 22", "March 23"]), "attack date March 22 vs 23");
    assert!(has("warning", "deaths", &["More than 60", "At least 143"]), "Moscow toll grows");
    assert!(has("info", "name spelling", &["Qassem Soleimani", "Qassim Suleimani"]));
    // Agreements stay silent: injuries (more than 100 / 145) and the Kabul total vs civilians.
    for attribute in ["injuries", "deaths (civilians)", "deaths (military)", "attackers"] {
        assert!(!findings.iter().any(|f| f["topic"]["attribute"] == attribute), "{attribute} must not be flagged");
    }
    // The Kerman and Moscow tolls are never one topic.
    for f in findings {
        let texts: Vec<&str> = f["claims"].as_array().unwrap().iter().map(|c| c["text"].as_str().unwrap()).collect();
        assert!(!(texts.contains(&"84") && texts.contains(&"At least 143")), "Kerman and Moscow lumped: {texts:?}");
    }
}

#[test]
fn a_headers_line_and_column_are_its_first_labels() {
    // miette counts a header's column in bytes; the labels and the JSON count characters. A
    // dateline's em dash before the claim ("TOLEDO, Ohio — Four people") must not tell them apart.
    let out = stdout(&factlint(&["check", "--color", "never", "tests/fixtures/stories/nightclub"]));
    let position = |line: &str| line.rsplit_once('[').map(|(_, rest)| rest.trim_end_matches(']').to_string());
    let mut checked = 0;
    let mut header: Option<String> = None;
    for line in out.lines() {
        if line.contains("╭─[") {
            header = position(line.trim_end()).and_then(|p| p.split_once(':').map(|(_, lc)| lc.to_string()));
        } else if line.contains("╰── ")
            && let Some(h) = header.take()
        {
            assert_eq!(Some(h), position(line.trim_end()), "{line}");
            checked += 1;
        }
    }
    assert!(checked >= 5, "{out}");
}
