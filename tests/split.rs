//! The map/reduce split: facts written as JSON lines by several map steps, read back in another
//! order by `compare`, give the same report as one `check` over all the articles.

use factlint::jsonl::{Sources, compare_files, write_facts};
use factlint::load::collect_paths;
use factlint::pipeline::{Options, Run, run};
use factlint::report::{Report, human, json};
use std::path::PathBuf;

fn render(run: &Run) -> (String, String) {
    let report = Report { docs: &run.docs, facts: &run.facts, findings: &run.findings };
    (json::render(&report), human::render(&report, human::Style { colour: false, width: 100 }))
}

#[test]
fn shards_of_facts_compare_to_the_same_report_as_one_check() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    factlint::corpus::generate(21, 60_000, &corpus).unwrap();
    let inputs = vec![corpus.clone(), PathBuf::from("examples/moscow-2024")];
    let options = Options::default();
    let (check_json, check_human) = render(&run(&inputs, &options));
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
    let (json_from_facts, _) = render(&compare_files(&shards, &options, Sources::FromFacts));
    assert_eq!(json_from_facts, check_json, "the JSON report needs only the fact lines");
    let (json_from_files, human_from_files) = render(&compare_files(&shards, &options, Sources::FromFiles));
    assert_eq!(json_from_files, check_json);
    assert_eq!(human_from_files, check_human);
}
