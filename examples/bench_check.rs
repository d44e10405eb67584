//! Times `check` on a corpus, stage by stage: MB/s, articles/s, CPU time and peak memory.
//! Criterion is too slow for the large corpora, so this is run by hand:
//!
//! `cargo run --release --example bench_check -- target/corpus-100mb`
//!
//! With a `manifest.json` beside the articles (from `gen_corpus`), it also checks that exactly
//! the planted disagreements were found. Set RAYON_NUM_THREADS to choose the threads.

use factlint::align::align;
use factlint::compare::compare;
use factlint::load::collect_paths;
use factlint::map::{Citations, Columns, Mapper, reload_sources};
use factlint::model::Severity;
use factlint::pipeline::{Options, cited_documents, set_aside_mapped_notes};
use factlint::report::{Report, json};
use factlint::rules::{Grammar, load_rules};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// CPU time (user + system, all threads) of this process so far.
fn cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok()).unwrap_or(0);
    // Fields 14 and 15 of the file; 12 and 13 after the command name. Linux counts 100 a second.
    Duration::from_millis((ticks(11) + ticks(12)) * 10)
}

fn status_mib(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status.lines().find_map(|l| l.strip_prefix(field)).and_then(|v| v.trim().strip_suffix("kB"));
    kb.and_then(|v| v.trim().parse::<f64>().ok()).unwrap_or(0.0) / 1024.0
}

fn peak_rss_mib() -> f64 {
    status_mib("VmHWM:")
}

struct Stage {
    name: &'static str,
    wall: Duration,
    cpu: Duration,
    /// Resident memory at the end of the stage, and the peak so far (MiB).
    rss: (f64, f64),
}

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("usage: bench_check CORPUS_DIR"));
    let threads = rayon::current_num_threads();
    let mut stages: Vec<Stage> = Vec::new();
    let mut clock = (Instant::now(), cpu());
    let mut lap = |name: &'static str, stages: &mut Vec<Stage>| {
        let now = (Instant::now(), cpu());
        let rss = (status_mib("VmRSS:"), peak_rss_mib());
        stages.push(Stage { name, wall: now.0 - clock.0, cpu: now.1.saturating_sub(clock.1), rss });
        clock = now;
    };
    let start = Instant::now();
    let grammar = Grammar::builtin();
    let (rules, _) = load_rules(&grammar, &[]);
    let options = Options::default();
    let t = &options.thresholds;
    lap("compile rules", &mut stages);
    let (files, _) = collect_paths(std::slice::from_ref(&dir));
    let bytes: u64 = files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum();
    let stems: Vec<String> = files.iter().map(|f| Citations::stem(f)).collect();
    let citations = Citations::new(&stems);
    lap("list files", &mut stages);
    let mapper =
        Mapper { rules: &rules, grammar: &grammar, options: &options, citations: &citations, keep_source: false };
    let (mapped, _) = mapper.map_all(&files);
    lap("map: load + extract", &mut stages);
    let (mapped, _) = set_aside_mapped_notes(mapped);
    let Columns { mut docs, extractions, paths, hashes } = Columns::from(mapped);
    let facts = align(&docs, &extractions, &rules, &[], t);
    drop(extractions);
    lap("align", &mut stages);
    let findings = compare(&docs, &facts, &rules, t);
    lap("compare", &mut stages);
    let cited = cited_documents(docs.len(), &findings);
    let errors = reload_sources(&mut docs, &paths, &hashes, &cited);
    assert!(errors.is_empty(), "{errors:?}");
    let report =
        json::render(&Report { docs: &docs, facts: &facts, findings: &findings, suppressed: 0, baselined: None });
    lap("report (JSON)", &mut stages);
    let total = start.elapsed();
    let total_cpu: Duration = stages.iter().map(|s| s.cpu).sum();

    let mb = bytes as f64 / 1e6;
    println!(
        "corpus {} : {:.1} MB, {} articles, {} facts, {} findings, {} threads",
        dir.display(),
        mb,
        docs.len(),
        facts.len(),
        findings.len(),
        threads
    );
    println!(
        "{:<22} {:>9} {:>9} {:>10} {:>12} {:>9} {:>9}",
        "stage", "wall s", "CPU s", "MB/s", "MB/CPU-s", "RSS MiB", "peak"
    );
    for s in &stages {
        let rate =
            |d: Duration| if d.as_secs_f64() > 0.0 { format!("{:.1}", mb / d.as_secs_f64()) } else { "-".into() };
        println!(
            "{:<22} {:>9.2} {:>9.2} {:>10} {:>12} {:>9.0} {:>9.0}",
            s.name,
            s.wall.as_secs_f64(),
            s.cpu.as_secs_f64(),
            rate(s.wall),
            rate(s.cpu),
            s.rss.0,
            s.rss.1
        );
    }
    println!(
        "{:<22} {:>9.2} {:>9.2} {:>10.1} {:>12.1}",
        "total",
        total.as_secs_f64(),
        total_cpu.as_secs_f64(),
        mb / total.as_secs_f64(),
        mb / total_cpu.as_secs_f64()
    );
    println!(
        "articles/s {:.0}, peak RSS {:.0} MiB, report {:.1} MB",
        docs.len() as f64 / total.as_secs_f64(),
        peak_rss_mib(),
        report.len() as f64 / 1e6
    );

    let manifest = dir.join("manifest.json");
    if let Ok(text) = std::fs::read_to_string(&manifest) {
        let m: serde_json::Value = serde_json::from_str(&text).expect("manifest is JSON");
        let planted: BTreeSet<(String, String, String)> = m["planted"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|p| {
                (
                    p["subject"].as_str().unwrap().into(),
                    p["attribute"].as_str().unwrap().into(),
                    p["code"].as_str().unwrap().into(),
                )
            })
            .collect();
        let found: BTreeSet<(String, String, String)> = findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .map(|f| (f.topic.subject.clone(), f.topic.attribute.clone(), f.code.to_string()))
            .collect();
        let missed = planted.difference(&found).count();
        let extra = found.difference(&planted).count();
        println!("planted {}, found {}, missed {missed}, extra {extra}", planted.len(), found.len());
    }
}
