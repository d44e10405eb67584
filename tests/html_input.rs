//! HTML articles: the web-page versions of the example corpus give the same findings as the
//! Markdown ones, with every span pointing at the bytes of the HTML files.

mod common;
use common::{factlint, json};
use factlint::load::html::decode_text;
use std::fs;

/// What a claim says, as a reader reads it: tags dropped, references decoded, white space
/// (a no-break space too) folded to one space.
fn read(raw: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in raw.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    decode_text(&text).split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn file_name(path: &serde_json::Value) -> String {
    let path = path.as_str().unwrap();
    let name = path.rsplit('/').next().unwrap();
    name.rsplit_once('.').unwrap().0.to_string()
}

/// A claim as compared: file stem, decoded text, reading.
type Claim = (String, String, String);

/// Findings as comparable tuples: code, topic, and each claim's file stem, decoded text and reading.
fn findings(report: &serde_json::Value) -> Vec<(String, String, Vec<Claim>)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let topic = format!("{} / {}", f["topic"]["subject"], f["topic"]["attribute"]);
            let claims = f["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    (
                        file_name(&c["path"]),
                        read(c["text"].as_str().unwrap()),
                        c["value"]["reading"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            (f["code"].as_str().unwrap().to_string(), topic, claims)
        })
        .collect()
}

#[test]
fn html_pages_give_the_findings_of_their_markdown_versions() {
    let markdown = json(&factlint(&["check", "--format", "json", "examples/moscow-2024"]));
    let html = json(&factlint(&["check", "--format", "json", "examples/moscow-2024-html"]));
    assert_eq!(html["documents"].as_array().unwrap().len(), 6, "a folder walk picks up .html files");
    assert_eq!(findings(&html), findings(&markdown));
    assert_eq!(html["summary"], markdown["summary"]);
    // The metadata comes from the pages' <title>, Open Graph and JSON-LD.
    for (h, m) in html["documents"].as_array().unwrap().iter().zip(markdown["documents"].as_array().unwrap()) {
        for key in ["title", "outlet", "published"] {
            assert_eq!(h[key], m[key], "{key} of {}", h["path"]);
        }
    }
}

#[test]
fn html_claims_quote_the_raw_bytes_of_the_page() {
    let report = json(&factlint(&["check", "--format", "json", "examples/moscow-2024-html"]));
    let mut with_reference = 0;
    for finding in report["findings"].as_array().unwrap() {
        for claim in finding["claims"].as_array().unwrap() {
            let path = claim["path"].as_str().unwrap();
            assert!(path.ends_with(".html"), "{path}");
            let source = fs::read_to_string(path).unwrap();
            let (start, end) = (claim["start"].as_u64().unwrap() as usize, claim["end"].as_u64().unwrap() as usize);
            assert_eq!(&source[start..end], claim["text"].as_str().unwrap());
            let before = &source[..start];
            let line = before.matches('\n').count() + 1;
            let column = before[before.rfind('\n').map_or(0, |i| i + 1)..].chars().count() + 1;
            assert_eq!(
                (claim["line"].as_u64().unwrap() as usize, claim["column"].as_u64().unwrap() as usize),
                (line, column)
            );
            if source[start..end].contains("&nbsp;") {
                with_reference += 1;
            }
        }
    }
    assert!(with_reference >= 3, "the corpus has claims written with &nbsp;, quoted raw");
}

#[test]
fn every_fact_of_an_html_page_is_a_fact_of_its_markdown_version() {
    let facts = |corpus: &str| -> Vec<(String, String, String, String, serde_json::Value)> {
        let report = json(&factlint(&["facts", "--format", "json", corpus]));
        report["facts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    file_name(&f["path"]),
                    f["rule"].as_str().unwrap().to_string(),
                    read(f["text"].as_str().unwrap()),
                    f["value"]["reading"].as_str().unwrap().to_string(),
                    f["topic"].clone(),
                )
            })
            .collect()
    };
    assert_eq!(facts("examples/moscow-2024-html"), facts("examples/moscow-2024"));
}

#[test]
fn a_sidecar_gives_a_plain_file_its_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    fs::write(&article, "The attack at the Port Verlan fish market took place on Friday.").unwrap();
    fs::write(dir.path().join("a.txt.meta.toml"), "published = 2024-03-23\noutlet = \"The Ledger\"\n").unwrap();
    let report = json(&factlint(&["check", "--format", "json", article.to_str().unwrap()]));
    assert_eq!(report["documents"][0]["published"], "2024-03-23");
    assert_eq!(report["documents"][0]["outlet"], "The Ledger");

    fs::write(dir.path().join("a.txt.meta.toml"), "published = 2024-03-23\ndate = 2024-03-24\n").unwrap();
    let out = factlint(&["check", "--format", "json", article.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = common::stderr(&out);
    assert!(err.contains("a.txt.meta.toml:2:1: unknown field `date`"), "{err}");
}
