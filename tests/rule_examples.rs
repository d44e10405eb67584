//! Every example of every rule must match with the reading it states; every counterexample must
//! not match. One test per rule file, so a failure names the rule.

use factlint::extract::{extract_facts, reading};
use factlint::load::{parse_document, parse_iso_date};
use factlint::model::{CivilDate, Document};
use factlint::rules::{Grammar, Rule, RuleBook, load_rules};
use factlint::thresholds::Thresholds;

fn doc(text: &str, published: Option<CivilDate>) -> Document {
    let mut d = parse_document("example.txt".into(), text.into(), 0);
    d.meta.published = published;
    d
}

fn check_rule(id: &str) {
    let grammar = Grammar::builtin();
    let (rules, errors) = load_rules(&grammar, &[]);
    assert!(errors.is_empty(), "{errors:?}");
    let rule: &Rule = rules.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("no rule {id}"));
    assert!(!rule.examples.is_empty(), "{id} has no examples");
    assert!(!rule.counterexamples.is_empty(), "{id} has no counterexamples");
    let t = Thresholds::default();
    let alone = RuleBook::new(vec![rule.clone()]);
    for ex in &rule.examples {
        let published = ex.published.as_deref().map(|p| parse_iso_date(p).expect("example date"));
        let d = doc(&ex.text, published);
        let facts = extract_facts(&d, &alone, &grammar, &t);
        let fact = facts
            .iter()
            .find(|f| ex.text[f.span.clone()] == ex.matched)
            .unwrap_or_else(|| panic!("{id}: {:?} should match {:?}; got {:?}", ex.text, ex.matched, facts));
        assert_eq!(reading(&fact.value), ex.reading, "{id}: reading of {:?}", ex.matched);
        if let Some(p) = &ex.population {
            assert_eq!(fact.population.as_deref(), Some(p.as_str()), "{id}: population in {:?}", ex.text);
        }
        if let Some(s) = &ex.subject {
            assert_eq!(fact.named_subject.as_deref(), Some(s.as_str()), "{id}: subject in {:?}", ex.text);
        }
    }
    for text in &rule.counterexamples {
        let facts = extract_facts(&doc(text, None), &alone, &grammar, &t);
        assert!(facts.is_empty(), "{id}: counterexample {text:?} matched {facts:?}");
    }
}

macro_rules! rule_tests {
    ($($name:ident => $id:expr),* $(,)?) => { $( #[test] fn $name() { check_rule($id); } )* };
}

rule_tests! {
    abducted => "abducted",
    area_burned => "area-burned",
    aboard => "aboard",
    age => "age",
    arrests => "arrests",
    attackers => "attackers",
    deaths => "deaths",
    depth => "depth",
    evacuated => "evacuated",
    event_date => "event-date",
    founding_year => "founding-year",
    hospitalised => "hospitalised",
    in_hospital => "in-hospital",
    injuries => "injuries",
    magnitude => "magnitude",
    members => "members",
    missing => "missing",
    width => "width",
    person_name => "person-name",
    rescued => "rescued",
    serious_condition => "serious-condition",
    storm_category => "storm-category",
    storeys => "storeys",
    year_built => "year-built",
}

#[test]
fn every_rule_has_a_test_above() {
    let (rules, _) = load_rules(&Grammar::builtin(), &[]);
    let tested = [
        "abducted",
        "area-burned",
        "aboard",
        "age",
        "arrests",
        "attackers",
        "deaths",
        "depth",
        "evacuated",
        "event-date",
        "founding-year",
        "hospitalised",
        "in-hospital",
        "injuries",
        "magnitude",
        "members",
        "missing",
        "person-name",
        "rescued",
        "serious-condition",
        "storm-category",
        "storeys",
        "year-built",
        "width",
    ];
    for r in &rules {
        assert!(tested.contains(&r.id.as_str()), "add a test for rule {}", r.id);
    }
}
