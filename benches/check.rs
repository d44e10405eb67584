//! `cargo bench`: extraction alone, and the whole check on the example corpus and on a generated
//! 10 MB corpus, with bytes per second. The 100 MB and 1 GB corpora are timed by hand with
//! `examples/bench_check.rs` (see the README, "Performance"): a statistical harness would take hours.
//!
//! divan rather than criterion: it reports throughput (bytes/s) per benchmark out of the box,
//! takes a per-benchmark sample count (one 10 MB check is seconds long), and builds in a fraction
//! of criterion's dependencies on a shared two-core machine.

use divan::Bencher;
use divan::counter::BytesCount;
use factlint::extract::{Context, extract_facts};
use factlint::load::{collect_paths, load_file};
use factlint::model::Document;
use factlint::pipeline::{Options, run};
use factlint::rules::{Grammar, load_rules};
use factlint::thresholds::Thresholds;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

/// A generated corpus under target/, made once (the generator is deterministic).
fn corpus(name: &str, bytes: u64) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join(name);
    if !dir.join("manifest.json").exists() {
        factlint::corpus::generate(1, bytes, &dir).expect("the corpus is written");
    }
    dir
}

fn documents(dir: &Path) -> Vec<Document> {
    let (files, _) = collect_paths(&[dir.to_path_buf()]);
    files.iter().enumerate().map(|(i, f)| load_file(f, i).expect("loads")).collect()
}

fn size(docs: &[Document]) -> usize {
    docs.iter().map(|d| d.source.len()).sum()
}

struct Setup {
    grammar: Grammar,
    rules: factlint::rules::RuleBook,
    docs: Vec<Document>,
}

fn setup() -> &'static Setup {
    static S: OnceLock<Setup> = OnceLock::new();
    S.get_or_init(|| {
        let grammar = Grammar::builtin();
        let (rules, _) = load_rules(&grammar, &[]);
        let docs = documents(&corpus("bench-corpus-2mb", 2_000_000));
        Setup { grammar, rules, docs }
    })
}

/// The rules over 2 MB of generated articles, one thread: the facts half of extraction.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn extract_rules(bencher: Bencher) {
    let s = setup();
    let t = Thresholds::default();
    bencher
        .counter(BytesCount::new(size(&s.docs)))
        .bench(|| s.docs.iter().map(|d| extract_facts(d, &s.rules, &s.grammar, &t).len()).sum::<usize>());
}

/// The alignment context over the same articles, one thread: the other half of extraction.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn extract_context(bencher: Bencher) {
    let s = setup();
    bencher
        .counter(BytesCount::new(size(&s.docs)))
        .bench(|| s.docs.iter().map(|d| Context::of(d, &s.grammar).names.len()).sum::<usize>());
}

/// `check` on examples/moscow-2024 (six articles): dominated by compiling the rules.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn check_example(bencher: Bencher) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/moscow-2024");
    let bytes = size(&documents(&dir));
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| run(std::slice::from_ref(&dir), &Options::default()).findings.len());
}

/// `check` on a generated 10 MB corpus, all threads.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn check_10mb(bencher: Bencher) {
    let dir = corpus("bench-corpus-10mb", 10_000_000);
    let bytes = size(&documents(&dir));
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| run(std::slice::from_ref(&dir), &Options::default()).findings.len());
}
