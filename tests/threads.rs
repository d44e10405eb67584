//! The output is the same bytes whatever the number of threads: documents are mapped in
//! parallel, but every stage keeps input order and merges names independently of timing.

use factlint::pipeline::{Options, run};
use factlint::report::{Report, human, json};
use std::path::PathBuf;

fn check(paths: &[PathBuf], threads: usize) -> (String, String) {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
    pool.install(|| {
        let run = run(paths, &Options::default());
        let report =
            Report { docs: &run.docs, facts: &run.facts, findings: &run.findings, suppressed: 0, baselined: None };
        (json::render(&report), human::render(&report, human::Style { colour: false, width: 100 }))
    })
}

#[test]
fn one_thread_and_four_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    factlint::corpus::generate(11, 50_000, dir.path()).unwrap();
    let paths = vec![
        dir.path().to_path_buf(),
        PathBuf::from("examples/moscow-2024"),
        PathBuf::from("examples/moscow-2024-html"),
    ];
    let (json_1, human_1) = check(&paths, 1);
    let (json_4, human_4) = check(&paths, 4);
    assert!(json_1.contains("FL001"), "the corpus has findings to compare");
    assert_eq!(json_1, json_4);
    assert_eq!(human_1, human_4);
}
