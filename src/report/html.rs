//! `--format html`: one self-contained page for editors (inline style, no script, no network):
//! the summary, the sources, a matrix of topics by sources in which every disagreeing value is
//! highlighted (the majority and the outliers marked) and links to its finding, and every finding
//! with its passages in context.

use super::Report;
use super::matrix::{Cell, passage, rows, source_label, source_name};
use crate::model::Severity;

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --error: #b3261e; --error-bg: #fde7e5; --warning: #8a5a00; --warning-bg: #fff3d6;
        --info: #1f5fa8; --info-bg: #e5efff; --ok: #2e6b30; --ok-bg: #e6f4e6; --line: #d5d7dc; --muted: #5b6170; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2330; margin: 0 auto;
       max-width: 78rem; padding: 1.5rem; background: #fbfbfc; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 0 0 .5rem; }
a { color: #1f5fa8; }
.summary { font-size: 1.05rem; margin: .25rem 0 0; }
.counts span { display: inline-block; margin-right: .75rem; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f0f1f4; position: sticky; top: 0; }
.sources td.date { white-space: nowrap; }
.sources td.path { font-family: ui-monospace, monospace; font-size: .85rem; color: var(--muted); }
.matrix-wrap { overflow-x: auto; }
.matrix th[scope=row] { font-weight: 600; min-width: 14rem; }
.matrix td.value a { color: inherit; text-decoration: none; }
.matrix td.value a:hover { text-decoration: underline; }
.matrix tr.agree td.value { color: var(--ok); }
.matrix tr.error td.value.given { background: var(--error-bg); }
.matrix tr.warning td.value.given { background: var(--warning-bg); }
.matrix tr.info td.value.given { background: var(--info-bg); }
.matrix td.none { color: #a0a4ad; text-align: center; }
.matrix td.outlier { outline: 2px solid var(--error); outline-offset: -2px; font-weight: 600; }
.tag { display: inline-block; font-size: .72rem; font-weight: 600; text-transform: uppercase; letter-spacing: .03em;
       border-radius: .6rem; padding: 0 .45rem; margin-left: .3rem; vertical-align: .1em; }
.tag.majority { background: var(--ok-bg); color: var(--ok); }
.tag.outlier { background: var(--error); color: #fff; }
.badge { display: inline-block; font-size: .75rem; font-weight: 700; text-transform: uppercase; border-radius: .3rem;
         padding: .05rem .4rem; margin-right: .4rem; color: #fff; vertical-align: .1em; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
.badge.agree { background: var(--ok); }
.finding { background: #fff; border: 1px solid var(--line); border-left: 5px solid var(--line); border-radius: .4rem;
           padding: 1rem 1.2rem; margin: 0 0 1rem; }
.finding.error { border-left-color: var(--error); } .finding.warning { border-left-color: var(--warning); }
.finding.info { border-left-color: var(--info); }
.finding:target, .claim:target { box-shadow: 0 0 0 3px #ffd54a; }
.message { margin: 0 0 .75rem; }
.claims { list-style: none; padding: 0; margin: 0; }
.claim { border-top: 1px solid #eceef1; padding: .6rem .4rem; }
.where { font-size: .88rem; color: var(--muted); }
.where .reading { color: #1d2330; font-weight: 600; }
.where code { font-size: .82rem; }
blockquote { margin: .3rem 0 0; padding: .35rem .75rem; border-left: 3px solid var(--line); background: #f7f8fa; }
mark { background: #ffe07a; padding: 0 .1rem; border-radius: .15rem; }
.claim.outlier mark { background: #ffb4ab; }
.help { margin: .75rem 0 0; color: var(--muted); }
.back { font-size: .85rem; margin: .5rem 0 0; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
"#;

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn cell(out: &mut String, cells: &[Cell], finding: Option<usize>) {
    if cells.is_empty() {
        out.push_str("<td class=\"value none\" title=\"not given\">—</td>");
        return;
    }
    let outlier = cells.iter().any(|c| c.role == Some("outlier"));
    out.push_str(&format!("<td class=\"value given{}\">", if outlier { " outlier" } else { "" }));
    for (k, c) in cells.iter().enumerate() {
        if k > 0 {
            out.push_str("<br>");
        }
        match (finding, c.claim) {
            (Some(f), Some(j)) => {
                out.push_str(&format!("<a href=\"#finding-{}-claim-{}\">{}</a>", f + 1, j + 1, escape(&c.reading)))
            }
            _ => out.push_str(&escape(&c.reading)),
        }
        if let Some(role) = c.role {
            out.push_str(&format!("<span class=\"tag {role}\">{role}</span>"));
        }
    }
    out.push_str("</td>");
}

pub fn render(report: &Report) -> String {
    let summary = report.summary();
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<title>factlint report: {} finding{}</title>\n",
        report.findings.len(),
        if report.findings.len() == 1 { "" } else { "s" }
    ));
    out.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n"));

    out.push_str("<header>\n<h1>factlint report</h1>\n");
    out.push_str(&format!("<p class=\"summary\" id=\"summary\">{}</p>\n", escape(&summary.line())));
    out.push_str(&format!(
        "<p class=\"counts\"><span><span class=\"badge error\">error</span>{}</span><span><span class=\"badge warning\">warning</span>{}</span><span><span class=\"badge info\">info</span>{}</span></p>\n</header>\n",
        summary.errors, summary.warnings, summary.notes
    ));

    out.push_str("<section id=\"sources\">\n<h2>Sources</h2>\n<table class=\"sources\">\n<thead><tr><th></th><th>Outlet</th><th>Title</th><th>Published</th><th>File</th></tr></thead>\n<tbody>\n");
    for (i, d) in report.docs.iter().enumerate() {
        out.push_str(&format!(
            "<tr id=\"source-{}\"><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td class=\"date\">{}</td><td class=\"path\">{}</td></tr>\n",
            i + 1,
            source_label(i),
            escape(d.meta.outlet.as_deref().unwrap_or("—")),
            escape(d.meta.title.as_deref().unwrap_or("—")),
            d.meta.published.map_or("unknown".to_string(), |p| p.to_string()),
            escape(&d.path),
        ));
    }
    out.push_str("</tbody>\n</table>\n</section>\n");

    let rows = rows(report);
    out.push_str("<section id=\"matrix\">\n<h2>Topics by source</h2>\n");
    if rows.is_empty() {
        out.push_str("<p>No topic is given by two or more sources.</p>\n");
    } else {
        out.push_str("<p class=\"legend\">Each row is a topic that two or more sources give; each cell is what one source says. Highlighted rows disagree: the value links to its passage and the row to its finding. <span class=\"tag majority\">majority</span> marks the reading most sources support, <span class=\"tag outlier\">outlier</span> a reading that departs from it.</p>\n");
        out.push_str(
            "<div class=\"matrix-wrap\">\n<table class=\"matrix\">\n<thead><tr><th>Topic</th><th>Finding</th>",
        );
        for (i, d) in report.docs.iter().enumerate() {
            out.push_str(&format!(
                "<th title=\"{}\">{}<br><small>{}</small></th>",
                escape(&d.path),
                source_label(i),
                escape(&source_name(d))
            ));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for (r, row) in rows.iter().enumerate() {
            let class = row.severity(report.findings).map_or("agree", severity_class);
            let topic = format!("{} — {}", row.topic.subject, row.topic.attribute);
            out.push_str(&format!("<tr id=\"topic-{}\" class=\"{class}\">", r + 1));
            match row.finding {
                Some(i) => {
                    let f = &report.findings[i];
                    out.push_str(&format!(
                        "<th scope=\"row\"><a href=\"#finding-{n}\">{}</a></th><td><a href=\"#finding-{n}\"><span class=\"badge {class}\">{}</span>{}</a></td>",
                        escape(&topic),
                        f.severity,
                        f.code,
                        n = i + 1
                    ));
                }
                None => out.push_str(&format!(
                    "<th scope=\"row\">{}</th><td><span class=\"badge agree\">agree</span></td>",
                    escape(&topic)
                )),
            }
            for cells in &row.cells {
                cell(&mut out, cells, row.finding);
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n</div>\n");
    }
    out.push_str("</section>\n");

    out.push_str("<section id=\"findings\">\n<h2>Findings</h2>\n");
    if report.findings.is_empty() {
        out.push_str("<p>The sources agree on every topic they share.</p>\n");
    }
    for (i, f) in report.findings.iter().enumerate() {
        let class = severity_class(f.severity);
        out.push_str(&format!(
            "<article class=\"finding {class}\" id=\"finding-{n}\">\n<h3><span class=\"badge {class}\">{}</span>{} {} · {} — {}</h3>\n<p class=\"message\">{}</p>\n<ol class=\"claims\">\n",
            f.severity,
            f.code,
            f.check,
            escape(&f.topic.subject),
            escape(&f.topic.attribute),
            escape(&f.message),
            n = i + 1
        ));
        for (j, c) in f.claims.iter().enumerate() {
            let doc = &report.docs[c.fact.doc];
            let p = passage(doc, &c.fact);
            let role = c.role.map(|r| format!("<span class=\"tag {r}\">{r}</span>")).unwrap_or_default();
            out.push_str(&format!(
                "<li class=\"claim{}\" id=\"finding-{}-claim-{}\">\n<div class=\"where\"><a href=\"#source-{}\">{}</a> {} · <code>{}:{}:{}</code> · <span class=\"reading\">{}</span>{role}</div>\n<blockquote>{}<mark>{}</mark>{}</blockquote>\n</li>\n",
                c.role.map(|r| format!(" {r}")).unwrap_or_default(),
                i + 1,
                j + 1,
                c.fact.doc + 1,
                source_label(c.fact.doc),
                escape(&source_name(doc)),
                escape(&doc.path),
                p.line,
                p.column,
                escape(&c.reading),
                escape(&p.before),
                escape(&p.claim),
                escape(&p.after),
            ));
        }
        out.push_str(&format!(
            "</ol>\n<p class=\"help\"><strong>Help:</strong> {}</p>\n<p class=\"back\"><a href=\"#matrix\">Back to the matrix</a></p>\n</article>\n",
            escape(&f.help)
        ));
    }
    out.push_str("</section>\n");
    out.push_str(&format!(
        "<footer>Generated by factlint {}. Run <code>factlint explain CODE</code> for what a check means.</footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    ));
    out
}
