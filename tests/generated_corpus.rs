//! The benchmark corpus doubles as a correctness check at scale: on a small generated corpus,
//! `check` must flag exactly the planted disagreements (at warning or error), no more, no fewer.

use factlint::corpus::{Planted, generate};
use factlint::model::Severity;
use factlint::pipeline::{Options, run};
use std::collections::BTreeSet;

#[test]
fn every_planted_disagreement_is_found_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = generate(4, 60_000, dir.path()).unwrap();
    let kinds: BTreeSet<Planted> = manifest.planted.iter().map(|p| p.kind).collect();
    assert_eq!(kinds.len(), Planted::ALL.len(), "the seed plants every kind: {kinds:?}");

    let run = run(&[dir.path().to_path_buf()], &Options::default());
    assert!(run.errors.load_errors.is_empty() && run.errors.rule_errors.is_empty() && run.errors.skipped.is_empty());
    assert_eq!(run.docs.len(), manifest.articles);

    let found: BTreeSet<(String, String, &str)> = run
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .map(|f| (f.topic.subject.clone(), f.topic.attribute.clone(), f.code))
        .collect();
    let planted: BTreeSet<(String, String, &str)> =
        manifest.planted.iter().map(|p| (p.subject.clone(), p.attribute.clone(), p.code)).collect();
    let missed: Vec<_> = planted.difference(&found).collect();
    let extra: Vec<_> = found.difference(&planted).collect();
    assert!(missed.is_empty() && extra.is_empty(), "missed {missed:?}\nextra {extra:?}");
}

#[test]
fn the_generator_is_deterministic() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let ma = generate(3, 40_000, a.path()).unwrap();
    let mb = generate(3, 40_000, b.path()).unwrap();
    assert_eq!(ma.bytes, mb.bytes);
    assert_eq!(ma.planted, mb.planted);
    for entry in std::fs::read_dir(a.path().join("part-0000")).unwrap().flatten() {
        let twin = b.path().join("part-0000").join(entry.file_name());
        assert_eq!(std::fs::read(entry.path()).unwrap(), std::fs::read(twin).unwrap());
    }
}
