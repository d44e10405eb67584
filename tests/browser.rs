//! The HTML report in a real browser: headless Chromium renders the example corpus's report and
//! the test asserts what a reader sees there — every finding, the matrix and its highlighting,
//! working links — and keeps a screenshot at `target/html-report.png` (a CI artefact).
//!
//! The report itself has no script. The test loads an instrumented copy: a script appended to the
//! page measures the rendered layout (what is visible, computed styles, link targets) and writes
//! it into the DOM, which `chromium --dump-dom` prints. Skipped, with a message, when Chromium is
//! not installed (`.ci/run` installs Debian's `chromium`).

mod common;
use common::{factlint, json, stdout};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// Runs Chromium headless with a fresh profile and no network features; returns its stdout.
fn run_chromium(browser: &Path, args: &[String]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            child.kill().ok();
            panic!("chromium did not finish in 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Measures the rendered page and writes the result as JSON into `#probe`.
const PROBE: &str = r##"<script>
(function () {
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const out = { findings: [], rows: [], links: [], summary: '' };
  const summary = document.getElementById('summary');
  out.summary = summary && visible(summary) ? summary.innerText : '';
  document.querySelectorAll('article.finding').forEach((el) => {
    out.findings.push({ id: el.id, visible: visible(el), text: el.innerText,
      marks: [...el.querySelectorAll('mark')].filter(visible).map((m) => m.innerText) });
  });
  const heads = [...document.querySelectorAll('table.matrix thead th')].map((th) => th.innerText);
  document.querySelectorAll('table.matrix tbody tr').forEach((tr) => {
    const cells = [...tr.querySelectorAll('td.value')].map((td) => ({
      text: td.innerText, background: getComputedStyle(td).backgroundColor,
      outline: getComputedStyle(td).outlineStyle, visible: visible(td) }));
    const link = tr.querySelector('th a');
    out.rows.push({ topic: tr.querySelector('th').innerText, href: link ? link.getAttribute('href') : null,
      visible: visible(tr), cells, className: tr.className });
  });
  out.heads = heads;
  document.querySelectorAll('a[href^="#"]').forEach((a) => {
    const target = document.getElementById(a.getAttribute('href').slice(1));
    out.links.push({ href: a.getAttribute('href'), ok: !!target });
  });
  const pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"##;

fn probe_result(dom: &str) -> serde_json::Value {
    let start = dom.find("<pre id=\"probe\">").expect("the probe ran") + "<pre id=\"probe\">".len();
    let end = start + dom[start..].find("</pre>").unwrap();
    let text = dom[start..end].replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    serde_json::from_str(&text).expect("the probe wrote JSON")
}

#[test]
fn the_html_report_shows_every_finding_and_the_matrix_in_a_browser() {
    let Some(browser) = chromium() else {
        eprintln!(
            "SKIPPED: chromium is not installed (apt-get install chromium); the HTML report was not checked in a browser"
        );
        return;
    };
    let corpus = "examples/moscow-2024";
    let page = stdout(&factlint(&["check", "--format", "html", corpus]));
    let report = json(&factlint(&["check", "--format", "json", corpus]));
    let findings = report["findings"].as_array().unwrap();

    let dir = tempfile::tempdir().unwrap();
    let instrumented = dir.path().join("report.html");
    std::fs::write(&instrumented, page.replace("</body>", &format!("{PROBE}\n</body>"))).unwrap();
    let dom = run_chromium(&browser, &["--dump-dom".into(), format!("file://{}", instrumented.display())]);
    let seen = probe_result(&dom);

    let summary = &report["summary"];
    for (count, word) in [(&summary["errors"], "error"), (&summary["warnings"], "warning"), (&summary["notes"], "note")]
    {
        let shown = format!("{count} {word}");
        assert!(seen["summary"].as_str().unwrap().contains(&shown), "{} lacks {shown}", seen["summary"]);
    }

    // Every finding is on the page, visible, with its code, topic and every passage highlighted.
    let shown = seen["findings"].as_array().unwrap();
    assert_eq!(shown.len(), findings.len());
    for (i, (f, s)) in findings.iter().zip(shown).enumerate() {
        assert_eq!(s["id"], format!("finding-{}", i + 1));
        assert_eq!(s["visible"], true, "finding {} is not visible", i + 1);
        let text = s["text"].as_str().unwrap();
        for needle in [&f["code"], &f["topic"]["subject"], &f["topic"]["attribute"]] {
            assert!(text.contains(needle.as_str().unwrap()), "finding {} lacks {needle}: {text}", i + 1);
        }
        let marks = s["marks"].as_array().unwrap();
        assert_eq!(marks.len(), f["claims"].as_array().unwrap().len(), "one highlighted passage per claim");
        for (claim, mark) in f["claims"].as_array().unwrap().iter().zip(marks) {
            assert_eq!(mark, &claim["text"], "the passage highlights the claim");
        }
    }

    // The matrix: a visible row per finding, linking to it, disagreements highlighted, the
    // outliers outlined, in one column per source.
    let heads: Vec<&str> = seen["heads"].as_array().unwrap().iter().map(|h| h.as_str().unwrap()).collect();
    assert_eq!(heads.len(), 2 + report["documents"].as_array().unwrap().len(), "topic, finding, one per source");
    assert!(heads[2].starts_with("S1") && heads[2].contains("The Northern Ledger"), "{heads:?}");
    let rows = seen["rows"].as_array().unwrap();
    for (i, f) in findings.iter().enumerate() {
        let row = rows
            .iter()
            .find(|r| r["href"] == format!("#finding-{}", i + 1))
            .unwrap_or_else(|| panic!("no matrix row links to finding {}", i + 1));
        assert_eq!(row["visible"], true);
        let topic = row["topic"].as_str().unwrap();
        assert!(topic.contains(f["topic"]["subject"].as_str().unwrap()), "{topic}");
        let cells = row["cells"].as_array().unwrap();
        let given: Vec<&serde_json::Value> = cells.iter().filter(|c| c["text"] != "—").collect();
        assert!(given.len() >= 2, "a disagreement has two sources or more");
        for c in &given {
            assert_ne!(c["background"], "rgba(0, 0, 0, 0)", "disagreeing values are highlighted: {c}");
            assert_ne!(c["background"], "rgb(255, 255, 255)", "disagreeing values are highlighted: {c}");
        }
        let outliers = f["claims"].as_array().unwrap().iter().filter(|c| c["role"] == "outlier").count();
        let outlined = cells.iter().filter(|c| c["outline"] == "solid").count();
        assert_eq!(outlined > 0, outliers > 0, "outliers are outlined in row {topic}");
        for c in cells.iter().filter(|c| c["outline"] == "solid") {
            assert!(c["text"].as_str().unwrap().to_lowercase().contains("outlier"), "{c}");
        }
    }
    // The Moscow date: the March 23 outlier is marked in the Lakeside Courier's column.
    let date = rows.iter().find(|r| r["topic"] == "Crocus City Hall — date").expect("the date row");
    let s4 = date["cells"][3]["text"].as_str().unwrap();
    assert!(s4.contains("2024-03-23") && s4.to_lowercase().contains("outlier"), "{s4}");
    assert!(rows.iter().any(|r| r["className"] == "agree"), "agreeing topics are shown too");

    for link in seen["links"].as_array().unwrap() {
        assert_eq!(link["ok"], true, "dangling link {}", link["href"]);
    }

    // A screenshot for people: target/html-report.png.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().to_path_buf();
    let plain = dir.path().join("factlint-report.html");
    std::fs::write(&plain, &page).unwrap();
    let shot = target.join("html-report.png");
    let _ = std::fs::remove_file(&shot);
    run_chromium(
        &browser,
        &[
            "--window-size=1400,2600".into(),
            format!("--screenshot={}", shot.display()),
            format!("file://{}", plain.display()),
        ],
    );
    let png = std::fs::read(&shot).expect("chromium wrote the screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "{} is a real picture", shot.display());
}
