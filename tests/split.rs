//! The map/reduce split: facts written as JSON lines by several map steps, read back in another
//! order by `compare`, give the same report as one `check` over all the articles.

use factlint::jsonl::{Sources, compare_files, write_facts};
use factlint::load::collect_paths;
use factlint::pipeline::{Options, Run, run};
use factlint::report::{Report, html, human, json};
use std::path::PathBuf;

/// The JSON, human and HTML reports of a run.
fn render(run: &Run) -> (String, String, String) {
    let report = Report { docs: &run.docs, facts: &run.facts, findings: &run.findings, suppressed: 0, baselined: None };
    (json::render(&report), human::render(&report, human::Style { colour: false, width: 100 }), html::render(&report))
}

#[test]
fn shards_of_facts_compare_to_the_same_report_as_one_check() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    factlint::corpus::generate(21, 60_000, &corpus).unwrap();
    let inputs =
        vec![corpus.clone(), PathBuf::from("examples/moscow-2024"), PathBuf::from("examples/moscow-2024-html")];
    let options = Options::default();
    let (check_json, check_human, check_html) = render(&run(&inputs, &options));
    assert!(check_json.contains("FL001") && check_json.contains("FL003"));

    // Three shards, dealt article by article, so that every story is split across them.
    let (files, _) = collect_paths(&inputs);
    let mut shards = Vec::new();
    for k in 0..3 {
        let part: Vec<PathBuf> = files.iter().skip(k).step_by(3).cloned().collect();
        let path = dir.path().join(format!("shard-{k}.jsonl"));
        let mut out = std::fs::File::create(&path).unwrap();
        let errors = write_facts(&part, &options, &mut out).unwrap();
        assert!(errors.load_errors.is_empty() && errors.skipped.is_empty());
        shards.push(path);
    }
    shards.reverse();
    let (json_from_facts, _, _) = render(&compare_files(&shards, &options, Sources::FromFacts));
    assert_eq!(json_from_facts, check_json, "the JSON report needs only the fact lines");
    let (json_from_files, human_from_files, html_from_files) =
        render(&compare_files(&shards, &options, Sources::FromFiles));
    assert_eq!(json_from_files, check_json);
    assert_eq!(human_from_files, check_human);
    assert_eq!(html_from_files, check_html, "passages in context come from the articles read again");
}

/// The split as a user runs it: `facts --format jsonl` per folder, then `compare` on the fact
/// files, with the same exit code and the same bytes as `check` (here with HTML articles, whose
/// spans point into the pages' bytes).
#[test]
fn the_command_line_split_gives_the_report_of_check() {
    let dir = tempfile::tempdir().unwrap();
    let factlint = env!("CARGO_BIN_EXE_factlint");
    let run = |args: &[&str]| std::process::Command::new(factlint).args(args).output().unwrap();
    let mut shards = Vec::new();
    for (k, folder) in ["examples/moscow-2024-html", "examples/moscow-2024"].iter().enumerate() {
        let out = run(&["facts", "--format", "jsonl", folder]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let path = dir.path().join(format!("{k}.jsonl"));
        std::fs::write(&path, &out.stdout).unwrap();
        shards.push(path.display().to_string());
    }
    for format in ["json", "sarif", "human", "markdown"] {
        let check = run(&[
            "check",
            "--format",
            format,
            "--color",
            "never",
            "examples/moscow-2024",
            "examples/moscow-2024-html",
        ]);
        let compare = run(&["compare", "--format", format, "--color", "never", &shards[1], &shards[0]]);
        assert_eq!(check.status.code(), Some(1), "the example corpus has errors");
        assert_eq!(compare.status.code(), check.status.code(), "{format}");
        assert_eq!(String::from_utf8_lossy(&compare.stdout), String::from_utf8_lossy(&check.stdout), "{format}");
    }
}
