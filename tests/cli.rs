//! Command-line behaviour: exit codes, bad input, determinism, exact spans, the rule commands.

mod common;
use common::{factlint, json, stderr, stdout};
use std::fs;

#[test]
fn exit_codes_follow_fail_on() {
    assert_eq!(factlint(&["check", "tests/fixtures/agreement"]).status.code(), Some(0), "agreement is silent");
    assert_eq!(factlint(&["check", "tests/fixtures/count-conflict"]).status.code(), Some(1));
    let warn_only = "tests/fixtures/count-divergence";
    assert_eq!(factlint(&["check", warn_only]).status.code(), Some(0), "warnings pass by default");
    assert_eq!(factlint(&["check", "--fail-on", "warning", warn_only]).status.code(), Some(1));
    assert_eq!(factlint(&["check", "--fail-on", "info", "tests/fixtures/name-variant"]).status.code(), Some(1));
    assert_eq!(factlint(&["check", "--fail-on", "never", "tests/fixtures/count-conflict"]).status.code(), Some(0));
    assert_eq!(factlint(&["check"]).status.code(), Some(2), "no articles is a usage error");
}

#[test]
fn bad_input_is_reported_and_the_other_files_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["a.md", "b.md"] {
        fs::copy(format!("tests/fixtures/count-conflict/{f}"), dir.path().join(f)).unwrap();
    }
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    fs::write(dir.path().join("binary.txt"), b"\x00\x01\x02 killed 5").unwrap();
    fs::write(dir.path().join("latin1.txt"), b"Caf\xe9: 12 people were killed.").unwrap();
    fs::write(dir.path().join("blank.md"), "  \n\n").unwrap();
    let missing = dir.path().join("missing.txt");
    let d = dir.path().to_str().unwrap();
    let out = factlint(&["check", "--format", "json", d, missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "input errors exit 2");
    let err = stderr(&out);
    for (file, why) in [
        ("empty.txt", "the file is empty"),
        ("binary.txt", "binary"),
        ("latin1.txt", "not valid UTF-8"),
        ("blank.md", "only white space"),
        ("missing.txt", "no such file or folder"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(file) && l.contains(why)),
            "no diagnostic for {file} ({why}) in:\n{err}"
        );
    }
    let report = json(&out);
    assert_eq!(report["documents"].as_array().unwrap().len(), 2, "the good files were checked");
    assert_eq!(report["summary"]["errors"], 1, "their conflict was found");
}

#[test]
fn a_folder_with_no_articles_is_not_an_error_but_reports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("data.csv"), "a,b").unwrap();
    let out = factlint(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["documents"].as_array().unwrap().len(), 0);
}

#[test]
fn a_malformed_rule_file_points_at_its_line_and_the_check_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("broken.toml"),
        "id = \"broken\"\ndescription = \"x\"\nattribute = \"deaths\"\nkind = \"count\"\npatterns = ['{cuont} dead']\n",
    )
    .unwrap();
    fs::write(dir.path().join("typo.toml"), "id = \"typo\"\nkind = \"count\"\npaterns = []\n").unwrap();
    let out = factlint(&[
        "check",
        "--format",
        "json",
        "--rules",
        dir.path().to_str().unwrap(),
        "tests/fixtures/count-conflict",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("broken.toml:5:13: unknown placeholder {cuont}"), "{err}");
    assert!(err.contains("typo.toml:3:1") && err.contains("paterns"), "{err}");
    assert_eq!(json(&out)["summary"]["errors"], 1, "the built-in rules still ran");
}

#[test]
fn a_user_rule_adds_an_attribute() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("taken-to-hospital.toml"),
        r#"id = "taken-to-hospital"
description = "People taken to hospital."
attribute = "taken to hospital"
kind = "count"
patterns = ['(?i){count}{who}\s+(?:were\s+)?(?:taken|rushed)\s+to\s+hospital']
counterexamples = ["The injured were taken to hospital."]
[[examples]]
text = "About 200 people were taken to hospital."
match = "About 200"
reading = "≈ 200 (180–220)"
"#,
    )
    .unwrap();
    let articles = tempfile::tempdir().unwrap();
    fs::write(articles.path().join("a.txt"), "The fire in Ruvo: 40 people taken to hospital from the valley.").unwrap();
    fs::write(articles.path().join("b.txt"), "The fire in Ruvo: 90 people rushed to hospital overnight.").unwrap();
    let rules = dir.path().to_str().unwrap();
    let out = factlint(&["check", "--format", "json", "--rules", rules, articles.path().to_str().unwrap()]);
    let report = json(&out);
    assert_eq!(report["findings"][0]["topic"]["attribute"], "taken to hospital", "{report:#}");
    assert!(stdout(&factlint(&["rules", "--rules", rules])).contains("taken-to-hospital"));
    assert!(!stdout(&factlint(&["rules"])).contains("taken-to-hospital"), "not a built-in rule");
}

#[test]
fn output_is_byte_identical_from_run_to_run() {
    for format in ["human", "json"] {
        let args = ["check", "--color", "never", "--format", format, "examples/moscow-2024"];
        let first = factlint(&args).stdout;
        let second = factlint(&args).stdout;
        assert_eq!(first, second, "{format} report differs between runs");
    }
}

#[test]
fn every_claim_quotes_the_exact_bytes_of_its_file() {
    for corpus in ["examples/moscow-2024", "tests/fixtures/count-divergence"] {
        let report = json(&factlint(&["check", "--format", "json", corpus]));
        for finding in report["findings"].as_array().unwrap() {
            for claim in finding["claims"].as_array().unwrap() {
                let source = fs::read(claim["path"].as_str().unwrap()).unwrap();
                let (start, end) = (claim["start"].as_u64().unwrap() as usize, claim["end"].as_u64().unwrap() as usize);
                let text = std::str::from_utf8(&source[start..end]).unwrap();
                assert_eq!(text, claim["text"].as_str().unwrap());
                let before = std::str::from_utf8(&source[..start]).unwrap();
                let line = before.matches('\n').count() + 1;
                let column = before[before.rfind('\n').map_or(0, |i| i + 1)..].chars().count() + 1;
                assert_eq!(
                    (claim["line"].as_u64().unwrap() as usize, claim["column"].as_u64().unwrap() as usize),
                    (line, column)
                );
            }
        }
    }
}

#[test]
fn json_report_has_the_version_1_shape() {
    let report = json(&factlint(&["check", "--format", "json", "tests/fixtures/date-conflict"]));
    assert_eq!(report["version"], 1);
    let doc = &report["documents"][1];
    assert_eq!(doc["path"], "tests/fixtures/date-conflict/two.md");
    assert_eq!(doc["published"], serde_json::Value::Null, "unknown publication date is null");
    assert_eq!(report["documents"][0]["published"], "2025-09-10");
    let f = &report["findings"][0];
    for key in ["code", "check", "severity", "topic", "message", "help", "claims"] {
        assert!(!f[key].is_null(), "finding lacks {key}");
    }
    for key in ["errors", "warnings", "notes", "documents", "facts", "topics"] {
        assert!(report["summary"][key].is_u64(), "summary lacks {key}");
    }
}

#[test]
fn facts_explains_why_a_claim_was_or_was_not_compared() {
    let out = stdout(&factlint(&["facts", "tests/fixtures/agreement"]));
    assert!(out.contains("\"146\" = 146 [injuries] → Brenmoor / injuries"), "{out}");
    assert!(out.contains("\"November 2015\" = November 2015 [event-date] → Palais"), "{out}");
    assert!(
        !out.contains("\"November 2015\" = November 2015 [founding-year]"),
        "a Paris attack date is not a founding year"
    );
    let facts = json(&factlint(&["facts", "--format", "json", "tests/fixtures/agreement"]));
    assert!(facts["facts"].as_array().unwrap().iter().all(|f| f["why"].is_string()));
}

#[test]
fn rules_and_explain() {
    let list = stdout(&factlint(&["rules"]));
    for id in ["deaths", "injuries", "founding-year", "event-date", "person-name", "FL001", "FL004"] {
        assert!(list.contains(id), "rules lists {id}");
    }
    let deaths = factlint(&["explain", "deaths"]);
    assert_eq!(deaths.status.code(), Some(0));
    assert!(stdout(&deaths).contains("Examples (must match)"));
    assert!(stdout(&deaths).contains("trend: Rising"), "a toll rises in later reports");
    assert!(stdout(&factlint(&["explain", "missing"])).contains("trend: Falling"));
    assert!(stdout(&factlint(&["explain", "age"])).contains("subject: Person, trend: Ageing, figures 0 to 125"));
    assert!(stdout(&factlint(&["explain", "FL002"])).contains("count-divergence"));
    assert!(stdout(&factlint(&["explain", "date-conflict"])).contains("FL003"));
    let unknown = factlint(&["explain", "nope"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("no rule or check named"));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = stdout(&factlint(&["check", "tests/fixtures/count-conflict"]));
    assert!(!plain.contains('\x1b'), "no colour when stdout is not a terminal");
    let coloured = stdout(&factlint(&["check", "--color", "always", "tests/fixtures/count-conflict"]));
    assert!(coloured.contains('\x1b'));
}

#[test]
fn notes_that_cite_the_other_files_are_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy("tests/fixtures/count-conflict/a.md", dir.path().join("alpha.md")).unwrap();
    fs::copy("tests/fixtures/count-conflict/b.md", dir.path().join("bravo.md")).unwrap();
    fs::copy("tests/fixtures/agreement/first.md", dir.path().join("charlie.md")).unwrap();
    fs::write(dir.path().join("notes.md"), "- alpha: 84 people were killed\n- bravo: 99 people were killed\n").unwrap();
    let out = factlint(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "a note is not an error");
    assert!(stderr(&out).contains("notes.md: set aside"), "{}", stderr(&out));
    assert_eq!(json(&out)["documents"].as_array().unwrap().len(), 3);
}

#[test]
fn a_user_alias_file_joins_names_the_texts_never_link() {
    let articles = tempfile::tempdir().unwrap();
    fs::write(articles.path().join("a.txt"), "The Northern Front was founded in 2009 by former soldiers.").unwrap();
    fs::write(articles.path().join("b.txt"), "The NLF was founded in 2011, its leaders say.").unwrap();
    let dir = articles.path().to_str().unwrap();
    let without = json(&factlint(&["check", "--format", "json", dir]));
    assert_eq!(without["findings"].as_array().unwrap().len(), 0, "unlinked names are two subjects");

    let aliases = tempfile::NamedTempFile::new().unwrap();
    fs::write(aliases.path(), "aliases = [[\"Northern Front\", \"NLF\"]]\n").unwrap();
    let out = factlint(&["check", "--format", "json", "--aliases", aliases.path().to_str().unwrap(), dir]);
    let with = json(&out);
    assert_eq!(with["findings"][0]["topic"]["attribute"], "founding year", "{with:#}");

    fs::write(aliases.path(), "alias = [[\"Northern Front\", \"NLF\"]]\n").unwrap();
    let bad = factlint(&["check", "--aliases", aliases.path().to_str().unwrap(), dir]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains(":1:1: unknown field `alias`"), "{}", stderr(&bad));
}

#[test]
fn a_relative_date_claims_no_more_than_it_says() {
    let article = |dir: &std::path::Path, name: &str, published: &str, when: &str| {
        let text = format!(
            "---\ntitle: Market bombing in Karsk\noutlet: {name}\npublished: {published}\n---\nThe bombing of the market in Karsk happened {when}, killing 40 people.\n"
        );
        fs::write(dir.join(format!("{name}.md")), text).unwrap();
    };
    let date_findings = |dir: &std::path::Path| {
        let report = json(&factlint(&["check", "--format", "json", dir.to_str().unwrap()]));
        let findings = report["findings"].as_array().unwrap().clone();
        findings.into_iter().filter(|f| f["topic"]["attribute"] == "date").count()
    };
    // "a few weeks ago" names no day: against March 1 it is no conflict.
    let vague = tempfile::tempdir().unwrap();
    article(vague.path(), "a", "2024-03-25", "a few weeks ago");
    article(vague.path(), "b", "2024-03-26", "on March 1");
    assert_eq!(date_findings(vague.path()), 0);
    // Thirty months before March 2024 is September 2021: a source that says so agrees, one that
    // says October 2021 does not.
    for (other, conflicts) in [("in September 2021", 0), ("in October 2021", 1)] {
        let half = tempfile::tempdir().unwrap();
        article(half.path(), "a", "2024-03-25", "two and a half years ago");
        article(half.path(), "b", "2024-03-26", other);
        assert_eq!(date_findings(half.path()), conflicts, "two and a half years ago against {other}");
    }
}
