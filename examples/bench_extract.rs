//! Extraction speed: every built-in rule over a large text, on one core.
//!
//! ```text
//! cargo run --release --example bench_extract            # 32 MB, 3 rounds
//! cargo run --release --example bench_extract -- 64 5    # 64 MB, 5 rounds
//! ```
//!
//! Two figures, each MB of prose per second of one core: the run is single-threaded and timed in
//! CPU seconds of this process (from /proc/self/stat, where there is one), so other work on a
//! shared machine does not count against it; wall-clock time is printed beside it.
//!
//! - `extraction`: the example corpus (examples/moscow-2024/*.md, without front matter) repeated
//!   in memory to the size asked, as one document, as `check` would see one very long article,
//!   through `extract_facts`, the function that runs the rules. The issue's figure.
//! - `extraction per article`: the same files as `check` reads them, each its own document,
//!   repeated to the same size, through `extract`, the whole stage: the facts and the context
//!   alignment reads (`Context::of`). What a check's map step costs once its patterns compiled.
//!
//! `BENCH_PER_PATTERN=1` also times each rule pattern alone.

use factlint::extract::shadow::View;
use factlint::extract::{Views, extract, extract_facts};
use factlint::load::parse_document;
use factlint::rules::{Grammar, load_rules};
use factlint::thresholds::Thresholds;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let megabytes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(32);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);

    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/moscow-2024");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples/moscow-2024")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    let texts: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).expect("readable example")).collect();
    let mut corpus = String::new();
    for text in &texts {
        // Drop the front matter: only prose is read for facts.
        let body = text.strip_prefix("---").and_then(|t| t.split_once("\n---\n")).map_or(text.as_str(), |(_, b)| b);
        corpus.push_str(body);
        corpus.push_str("\n\n");
    }
    let target = megabytes * 1_000_000;
    let mut text = String::with_capacity(target + corpus.len());
    while text.len() < target {
        text.push_str(&corpus);
    }
    let doc = parse_document("bench.md".into(), text, 0);

    let grammar = Grammar::builtin();
    let (rules, errors) = load_rules(&grammar, &[]);
    assert!(errors.is_empty(), "{errors:?}");
    let t = Thresholds::default();

    let mb = doc.prose.len() as f64 / 1e6;
    if std::env::var_os("BENCH_PER_PATTERN").is_some() {
        let ascii_words = factlint::extract::boundary::words_are_ascii(&doc.prose);
        // Where the time goes: the two grammar scans, then each pattern alone over its copy of the
        // prose, its matches walked as extraction walks them.
        let views = Views::new(&doc, &grammar, &t);
        for view in [View::Counts, View::Dates] {
            let start = Instant::now();
            views.text(view);
            println!("{:>8.2} MB/s  scan for {view:?}", mb / start.elapsed().as_secs_f64());
        }
        for rule in &rules {
            for (i, pattern) in rule.patterns.iter().enumerate() {
                let text = views.text(pattern.view);
                let start = Instant::now();
                let n = pattern.regex.get(ascii_words).captures_iter(text).count();
                let secs = start.elapsed().as_secs_f64();
                println!("{:>8.2} MB/s  {:>6} matches  {}#{i}", mb / secs, n, rule.id);
            }
        }
    }
    println!("{} rules, {:.1} MB of prose ({} example files repeated)", rules.len(), mb, files.len());
    let (best, facts) = best_of(rounds, mb, || extract_facts(&doc, &rules, &grammar, &t).len());
    println!("extraction: {:.1} MB/s per core (best of {rounds}), {facts} facts", mb / best);

    // The same articles as `check` reads them: each its own document, front matter and all (so
    // relative dates resolve against its publication date), through the whole extract stage, the
    // facts and the context alignment reads (`Context::of`), repeated to the same size.
    let (mut articles, mut size) = (Vec::new(), 0);
    while size < target {
        for (f, text) in files.iter().zip(&texts) {
            let doc = parse_document(f.display().to_string(), text.clone(), articles.len());
            size += doc.prose.len();
            articles.push(doc);
        }
    }
    let mb = size as f64 / 1e6;
    println!("{} articles, {mb:.1} MB of prose", articles.len());
    let (best, facts) =
        best_of(rounds, mb, || articles.iter().map(|d| extract(d, &rules, &grammar, &t).facts.len()).sum());
    println!(
        "extraction per article, facts and context: {:.1} MB/s per core (best of {rounds}), {facts} facts",
        mb / best
    );
}

/// Runs `round` `rounds` times, printing each; the fewest CPU seconds one took, and the facts
/// it found.
fn best_of(rounds: usize, mb: f64, mut round: impl FnMut() -> usize) -> (f64, usize) {
    let mut best = f64::INFINITY;
    let mut facts = 0;
    for n in 1..=rounds {
        let (wall, cpu) = (Instant::now(), cpu_seconds());
        facts = round();
        let wall = wall.elapsed().as_secs_f64();
        let secs = cpu.and_then(|c| Some(cpu_seconds()? - c)).filter(|s| *s > 0.0).unwrap_or(wall);
        best = best.min(secs);
        println!("round {n}: {secs:.2} CPU s ({wall:.2} s wall), {:.1} MB/s per core, {facts} facts", mb / secs);
    }
    (best, facts)
}

/// CPU seconds (user + system) this process has used, where Linux's /proc tells it.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}
