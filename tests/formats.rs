//! One fixture through every format, as users see it (the ruff way): the example corpus rendered
//! as SARIF, GitHub workflow commands, HTML and Markdown, snapshotted; SARIF validated against the
//! SARIF 2.1.0 schema; GitHub commands checked against the runner's escaping rules.
//! The human and JSON renderings of the same corpus are snapshotted in tests/report.rs.

mod common;
use common::{factlint, json, stdout};

const CORPUS: &str = "examples/moscow-2024";

fn render(format: &str, path: &str) -> String {
    let out = factlint(&["check", "--format", format, path]);
    assert_eq!(out.status.code(), Some(1), "the example corpus has errors");
    stdout(&out)
}

#[test]
fn example_corpus_sarif() {
    snapshot!("example_corpus_sarif", render("sarif", CORPUS));
}

#[test]
fn example_corpus_github() {
    snapshot!("example_corpus_github", render("github", CORPUS));
}

#[test]
fn example_corpus_html() {
    snapshot!("example_corpus_html", render("html", CORPUS));
}

#[test]
fn example_corpus_markdown() {
    snapshot!("example_corpus_markdown", render("markdown", CORPUS));
}

/// The validator of the vendored schema, formats asserted too. One erratum of the published
/// schema is mended in memory first: its `language` patterns have a stray `]`, valid in
/// ECMAScript's web-compatibility syntax (a literal `]`) but rejected by jsonschema's strict check
/// of the schema's own patterns; escaping it keeps its meaning. factlint writes no `language`.
fn sarif_validator() -> jsonschema::Validator {
    const ERRATUM: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    fn mend(v: &mut serde_json::Value) -> usize {
        match v {
            serde_json::Value::Object(o) => {
                let mut n = 0;
                if o.get("pattern").is_some_and(|p| p == ERRATUM) {
                    o.insert("pattern".into(), ERRATUM.replace("]?$", "\\]?$").into());
                    n += 1;
                }
                n + o.values_mut().map(mend).sum::<usize>()
            }
            serde_json::Value::Array(a) => a.iter_mut().map(mend).sum(),
            _ => 0,
        }
    }
    let mut schema: serde_json::Value =
        serde_json::from_str(include_str!("sarif/sarif-schema-2.1.0.json")).expect("the vendored schema is JSON");
    assert!(mend(&mut schema) > 0, "the erratum is where it was");
    jsonschema::options().should_validate_formats(true).build(&schema).expect("the SARIF schema compiles")
}

/// Every `uri` in the log is a relative reference of our own making: unreserved characters, `/`
/// and %-escapes only (stricter than the schema's `uri-reference`).
fn assert_uris(value: &serde_json::Value) {
    match value {
        serde_json::Value::Object(o) => {
            if let Some(serde_json::Value::String(uri)) = o.get("uri") {
                let ok = uri.split('%').skip(1).all(|e| e.len() >= 2 && e[..2].chars().all(|c| c.is_ascii_hexdigit()))
                    && uri.chars().all(|c| c.is_ascii_alphanumeric() || "-._~/%".contains(c));
                assert!(ok, "not a URI reference: {uri}");
            }
            o.values().for_each(assert_uris);
        }
        serde_json::Value::Array(a) => a.iter().for_each(assert_uris),
        _ => {}
    }
}

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let validator = sarif_validator();
    for corpus in [CORPUS, "examples/moscow-2024-html", "tests/fixtures/agreement", "tests/fixtures/name-variant"] {
        let log: serde_json::Value = serde_json::from_slice(&factlint(&["check", "--format", "sarif", corpus]).stdout)
            .expect("SARIF output is JSON");
        let errors: Vec<String> =
            validator.iter_errors(&log).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{corpus}: SARIF does not validate:\n{}", errors.join("\n"));
        assert_uris(&log);
    }
    // The schema is strict enough to catch a broken log.
    let broken = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]});
    assert!(!validator.is_valid(&broken), "a driver without a name is invalid");
}

#[test]
fn sarif_results_match_the_json_findings() {
    let log = json(&factlint(&["check", "--format", "sarif", CORPUS]));
    let report = json(&factlint(&["check", "--format", "json", CORPUS]));
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let explain = stdout(&factlint(&["explain", "FL001"]));
    assert!(explain.contains(rules[0]["fullDescription"]["text"].as_str().unwrap()), "rules use the explain text");
    let results = run["results"].as_array().unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(results.len(), findings.len(), "one result per finding");
    for (r, f) in results.iter().zip(findings) {
        assert_eq!(r["ruleId"], f["code"]);
        assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"], f["code"]);
        let claims = f["claims"].as_array().unwrap();
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], claims[0]["line"]);
        assert_eq!(region["startColumn"], claims[0]["column"]);
        assert_eq!(region["byteOffset"], claims[0]["start"]);
        assert_eq!(region["snippet"]["text"], claims[0]["text"]);
        assert_eq!(r["relatedLocations"].as_array().map_or(0, Vec::len), claims.len() - 1);
        let fp = r["partialFingerprints"]["factlintFinding/v1"].as_str().unwrap();
        assert_eq!(fp.len(), 32);
    }
}

/// Splits a workflow command into its name, properties and message.
fn parse_command(line: &str) -> (String, Vec<(String, String)>, String) {
    let rest = line.strip_prefix("::").expect("a command starts with ::");
    let (head, message) = rest.split_once("::").expect("a command has a message");
    let (name, props) = head.split_once(' ').expect("a command has properties");
    let props = props
        .split(',')
        .map(|p| {
            let (k, v) = p.split_once('=').expect("key=value");
            (k.to_string(), v.to_string())
        })
        .collect();
    (name.to_string(), props, message.to_string())
}

#[test]
fn github_commands_annotate_every_claim_and_escape_per_the_runner() {
    let report = json(&factlint(&["check", "--format", "json", CORPUS]));
    let claims: Vec<&serde_json::Value> =
        report["findings"].as_array().unwrap().iter().flat_map(|f| f["claims"].as_array().unwrap()).collect();
    let text = render("github", CORPUS);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), claims.len(), "one annotation per claim");
    for (line, claim) in lines.iter().zip(&claims) {
        let (name, props, message) = parse_command(line);
        assert!(["error", "warning", "notice"].contains(&name.as_str()), "{name}");
        let get = |k: &str| props.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).unwrap();
        assert_eq!(get("file"), claim["path"].as_str().unwrap());
        assert_eq!(get("line"), claim["line"].to_string());
        assert_eq!(get("col"), claim["column"].to_string());
        assert!(!get("title").contains(':') && get("title").contains("%3A"), "':' is escaped in properties");
        assert!(!message.contains('\n') && !message.contains('\r'), "line breaks are escaped");
        assert!(message.contains(claim["value"]["reading"].as_str().unwrap()));
    }
}

#[test]
fn html_is_self_contained() {
    let page = render("html", CORPUS);
    for external in ["<script", "<link", "src=", "@import", "url(", "http://", "https://"] {
        assert!(!page.contains(external), "the HTML report refers to something outside it: {external}");
    }
    // Every link points inside the page, at an element that exists.
    for link in page.split("href=\"#").skip(1) {
        let id = &link[..link.find('"').unwrap()];
        assert!(page.contains(&format!("id=\"{id}\"")), "dangling link #{id}");
    }
}

#[test]
fn a_clean_corpus_renders_in_every_format() {
    for format in ["sarif", "github", "html", "markdown"] {
        let out = factlint(&["check", "--format", format, "tests/fixtures/agreement"]);
        assert_eq!(out.status.code(), Some(0), "{format}");
    }
    assert_eq!(stdout(&factlint(&["check", "--format", "github", "tests/fixtures/agreement"])), "");
    assert!(
        stdout(&factlint(&["check", "--format", "markdown", "tests/fixtures/agreement"]))
            .contains("The sources agree on every topic they share.")
    );
}
