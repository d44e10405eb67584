//! The workflows of a team: factlint.toml (found upward, errors that name the key and where it
//! is), severity overrides, fail-on, thresholds, per-path metadata, suppressions with reasons,
//! baselines that survive unrelated edits, shell completions and the man page.

mod common;
use common::{factlint, json, stderr, stdout};
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// Runs factlint in `dir` (so that factlint.toml is found from there).
fn factlint_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint")).args(args).current_dir(dir).output().expect("factlint runs")
}

/// A project folder with the count-conflict fixture (Port Verlan deaths: 84 vs nearly 100) in
/// `articles/` and the given factlint.toml.
fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("articles")).unwrap();
    for f in ["a.md", "b.md"] {
        fs::copy(format!("tests/fixtures/count-conflict/{f}"), dir.path().join("articles").join(f)).unwrap();
    }
    fs::write(dir.path().join("factlint.toml"), config).unwrap();
    dir
}

#[test]
fn the_config_is_found_from_the_current_folder_upward() {
    let dir = project("[severity]\nFL001 = \"warning\"\n");
    fs::create_dir(dir.path().join("articles/sub")).unwrap();
    let out = factlint_in(&dir.path().join("articles/sub"), &["check", "--format", "json", ".."]);
    assert_eq!(out.status.code(), Some(0), "the overridden severity no longer fails: {}", stderr(&out));
    assert_eq!(json(&out)["findings"][0]["severity"], "warning");
    // --config names another file; a missing one is an error.
    let other = dir.path().join("other.toml");
    fs::write(&other, "[severity]\ncount-conflict = \"off\"\n").unwrap();
    let out = factlint_in(dir.path(), &["check", "--format", "json", "--config", "other.toml", "articles"]);
    assert_eq!(json(&out)["findings"].as_array().unwrap().len(), 0, "a check turned off reports nothing");
    let out = factlint_in(dir.path(), &["check", "--config", "missing.toml", "articles"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.toml"), "{}", stderr(&out));
}

#[test]
fn config_errors_name_the_key_the_file_the_line_and_the_column() {
    for (config, expected) in [
        ("rules = []\n[thresholds]\nfuzzy-name = 0.9\n", "factlint.toml:3:1: unknown field `fuzzy-name`"),
        ("fail_on = \"warning\"\n", "factlint.toml:1:1: unknown field `fail_on`"),
        ("[severity]\nFL999 = \"off\"\n", "factlint.toml:2:1: unknown check `FL999`"),
        ("[thresholds]\ndiverge-ratio = 0.5\n", "factlint.toml:2:17: diverge-ratio must be between 1 and"),
        ("[[suppress]]\nsubject = \"Port Verlan\"\nattribute = \"deaths\"\n", "missing field `reason`"),
        ("[metadata.\"articles/a.md\"]\nauthor = \"x\"\n", "factlint.toml:2:1: unknown field `author`"),
    ] {
        let dir = project(config);
        let out = factlint_in(dir.path(), &["check", "articles"]);
        assert_eq!(out.status.code(), Some(2), "{config}");
        let err = stderr(&out);
        assert!(err.contains(expected), "for {config:?} expected {expected:?} in:\n{err}");
        assert!(stdout(&out).is_empty(), "a broken configuration stops the run");
    }
}

#[test]
fn fail_on_thresholds_and_metadata_come_from_the_config() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["early.md", "later.md"] {
        fs::copy(format!("tests/fixtures/count-divergence/{f}"), dir.path().join(f)).unwrap();
    }
    assert_eq!(factlint_in(dir.path(), &["check", "."]).status.code(), Some(0), "a warning passes by default");
    fs::write(dir.path().join("factlint.toml"), "fail-on = \"warning\"\n").unwrap();
    assert_eq!(factlint_in(dir.path(), &["check", "."]).status.code(), Some(1), "fail-on from the config");
    assert_eq!(factlint_in(dir.path(), &["check", "--fail-on", "never", "."]).status.code(), Some(0), "the flag wins");
    // 143 / 62 = 2.3: a diverge ratio of 3 takes the arena's bounds for close enough.
    let arena = |out: &Output| {
        json(out)["findings"].as_array().unwrap().iter().any(|f| f["topic"]["subject"] == "Lindqvist Arena")
    };
    assert!(arena(&factlint_in(dir.path(), &["check", "--format", "json", "."])));
    fs::write(dir.path().join("factlint.toml"), "[thresholds]\ndiverge-ratio = 3.0\n").unwrap();
    assert!(!arena(&factlint_in(dir.path(), &["check", "--format", "json", "."])), "the threshold applies");
    fs::write(
        dir.path().join("factlint.toml"),
        "[metadata.\"later.md\"]\noutlet = \"The Configured Review\"\npublished = 2025-02-20\n",
    )
    .unwrap();
    let report = json(&factlint_in(dir.path(), &["check", "--format", "json", "./later.md", "early.md"]));
    let later = report["documents"].as_array().unwrap().iter().find(|d| d["path"] == "./later.md").unwrap();
    assert_eq!(later["outlet"], "The Configured Review");
    assert_eq!(later["published"], "2025-02-20");
}

#[test]
fn a_suppression_silences_a_reviewed_topic_and_counts_it() {
    let dir = project(
        r#"[[suppress]]
subject = "Port Verlan"
attribute = "deaths"
reason = "Checked with the governor's office: 84 on May 4, 97 by May 5."

[[suppress]]
subject = "Lindqvist Arena"
attribute = "deaths"
check = "FL002"
reason = "Reviewed in March."
"#,
    );
    let out = factlint_in(dir.path(), &["check", "--format", "json", "articles"]);
    assert_eq!(out.status.code(), Some(0), "a suppressed error does not fail the check");
    let report = json(&out);
    assert_eq!(report["findings"].as_array().unwrap().len(), 0);
    assert_eq!(report["summary"]["suppressed"], 1);
    assert_eq!(report["summary"]["errors"], 0);
    let err = stderr(&out);
    assert!(
        err.contains("warning: factlint.toml:6:1: the suppression of Lindqvist Arena / deaths matches no finding"),
        "the suppression that matches nothing is reported: {err}"
    );
    assert!(!err.contains("factlint.toml:1:1"), "the used one is not: {err}");
    let human = stdout(&factlint_in(dir.path(), &["check", "--color", "never", "articles"]));
    assert!(human.contains("0 errors, 0 warnings, 0 notes (1 suppressed)"), "{human}");
}

#[test]
fn a_baseline_keeps_old_findings_quiet_until_a_new_reading_appears() {
    let dir = project("");
    let base = dir.path().join("factlint-baseline.json");
    let out = factlint_in(dir.path(), &["check", "--write-baseline", "factlint-baseline.json", "articles"]);
    assert_eq!(out.status.code(), Some(0), "after writing the baseline nothing is new");
    assert!(stderr(&out).contains("wrote 1 finding(s) to the baseline"), "{}", stderr(&out));
    let written: serde_json::Value = serde_json::from_str(&fs::read_to_string(&base).unwrap()).unwrap();
    assert_eq!(written["version"], 1);
    assert_eq!(written["findings"][0]["code"], "FL001");
    assert_eq!(written["findings"][0]["subject"], "Port Verlan");

    let check = |dir: &Path| {
        factlint_in(dir, &["check", "--format", "json", "--baseline", "factlint-baseline.json", "articles"])
    };
    let out = check(dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["summary"]["baselined"], 1);

    // Unrelated text moves the claims: the finding is still the baselined one.
    let a = dir.path().join("articles/a.md");
    let text = fs::read_to_string(&a).unwrap();
    let moved = text.replacen(
        "---\nThe explosion",
        "---\nA new opening paragraph about the harbour's history, written later.\n\nThe explosion",
        1,
    );
    assert_ne!(moved, text);
    fs::write(&a, moved).unwrap();
    let out = check(dir.path());
    assert_eq!(out.status.code(), Some(0), "moved text keeps the fingerprint: {}", stdout(&out));

    // A new figure is a new disagreement.
    let b = dir.path().join("articles/b.md");
    fs::write(&b, fs::read_to_string(&b).unwrap().replace("nearly 100", "nearly 120")).unwrap();
    let out = check(dir.path());
    assert_eq!(out.status.code(), Some(1), "a new reading is reported");
    assert_eq!(json(&out)["summary"]["baselined"], 0);

    // SARIF marks what is new against the baseline and carries the same fingerprint.
    let sarif = json(&factlint_in(
        dir.path(),
        &["check", "--format", "sarif", "--baseline", "factlint-baseline.json", "articles"],
    ));
    assert_eq!(sarif["runs"][0]["results"][0]["baselineState"], "new");

    fs::write(&base, "not json").unwrap();
    let out = check(dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a factlint baseline"), "{}", stderr(&out));
}

#[test]
fn sarif_fingerprints_are_the_baseline_fingerprints() {
    let dir = project("");
    factlint_in(dir.path(), &["check", "--write-baseline", "b.json", "articles"]);
    let baseline: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("b.json")).unwrap()).unwrap();
    let sarif = json(&factlint_in(dir.path(), &["check", "--format", "sarif", "articles"]));
    assert_eq!(
        sarif["runs"][0]["results"][0]["partialFingerprints"]["factlintFinding/v1"],
        baseline["findings"][0]["fingerprint"]
    );
}

#[test]
fn completions_and_man_page_come_from_the_command_line_definition() {
    for shell in ["bash", "zsh", "fish"] {
        let out = factlint(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0));
        let script = stdout(&out);
        assert!(script.contains("factlint") && script.contains("write-baseline"), "{shell}");
    }
    let man = factlint(&["man"]);
    assert_eq!(man.status.code(), Some(0));
    let page = stdout(&man);
    assert!(page.contains(".TH factlint") && page.contains("check"), "{page}");
    assert_eq!(factlint(&["completions", "tcsh"]).status.code(), Some(2), "an unknown shell is a usage error");
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..25 {
        fs::copy("tests/fixtures/count-conflict/a.md", dir.path().join(format!("a{i:02}.md"))).unwrap();
    }
    let out = factlint(&["check", "--color", "never", dir.path().to_str().unwrap()]);
    assert!(stderr(&out).is_empty(), "nothing on stderr: {:?}", stderr(&out));
}
