//! Every built-in rule's examples and counterexamples, run through the extractor as `check` runs it.

use factlint::extract::{date, extract_facts, number};
use factlint::load::parse_document;
use factlint::model::{CivilDate, Value};
use factlint::rules::{Grammar, load_rules};
use factlint::thresholds::Thresholds;

fn civil(s: &str) -> CivilDate {
    let p: Vec<&str> = s.split('-').collect();
    CivilDate { year: p[0].parse().unwrap(), month: p[1].parse().unwrap(), day: p[2].parse().unwrap() }
}

#[test]
fn every_rule_example_matches_and_every_counterexample_does_not() {
    let grammar = Grammar::builtin();
    let (rules, errors) = load_rules(&grammar, &[]);
    assert!(errors.is_empty(), "{errors:?}");
    let t = Thresholds::default();
    let mut failures = Vec::new();
    for rule in &rules {
        let only = std::slice::from_ref(rule);
        for e in &rule.examples {
            let mut doc = parse_document("example.txt".into(), e.text.clone(), 0);
            doc.meta.published = e.published.as_deref().map(civil);
            let facts = extract_facts(&doc, only, &grammar, &t);
            let hit = facts.iter().find(|f| doc.source[f.span.clone()] == *e.matched);
            let Some(f) = hit else {
                let got: Vec<&str> = facts.iter().map(|f| &doc.source[f.span.clone()]).collect();
                failures.push(format!("{}: {:?} does not yield {:?} (got {got:?})", rule.id, e.text, e.matched));
                continue;
            };
            let reading = match &f.value {
                Value::Count(c) => number::reading(c),
                Value::Date(d) => date::reading(d),
                Value::Name { name } => name.clone(),
            };
            if reading != e.reading {
                failures.push(format!("{}: {:?} reads {reading:?}, not {:?}", rule.id, e.matched, e.reading));
            }
            if e.population.is_some() && f.population != e.population {
                failures.push(format!(
                    "{}: {:?} population {:?}, not {:?}",
                    rule.id, e.matched, f.population, e.population
                ));
            }
            if e.subject.is_some() && f.named_subject != e.subject {
                failures
                    .push(format!("{}: {:?} subject {:?}, not {:?}", rule.id, e.matched, f.named_subject, e.subject));
            }
        }
        for text in &rule.counterexamples {
            let doc = parse_document("counterexample.txt".into(), text.clone(), 0);
            let facts = extract_facts(&doc, only, &grammar, &t);
            if !facts.is_empty() {
                let got: Vec<&str> = facts.iter().map(|f| &doc.source[f.span.clone()]).collect();
                failures.push(format!("{}: counterexample {text:?} yields {got:?}", rule.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
