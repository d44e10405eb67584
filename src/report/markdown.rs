//! `--format markdown`: the editor's report as GitHub-flavoured Markdown, to paste into a ticket or
//! a chat: the summary, the sources, the matrix of topics by sources and every finding with its
//! passages. Findings are labelled F1, F2, ... and the matrix refers to them by label (heading
//! anchors differ from one Markdown renderer to the next).

use super::Report;
use super::matrix::{Cell, passage, rows, source_label, source_name};

/// Escapes text for Markdown: characters that would start markup, and `|` (table cells).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn cell_text(cells: &[Cell], disagree: bool) -> String {
    if cells.is_empty() {
        return "—".to_string();
    }
    cells
        .iter()
        .map(|c| {
            let reading = escape(&c.reading);
            match c.role {
                Some("outlier") => format!("**{reading}** (outlier)"),
                Some(role) => format!("{reading} ({role})"),
                None if disagree => format!("**{reading}**"),
                None => reading,
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn render(report: &Report) -> String {
    let mut out = String::from("# factlint report\n\n");
    out.push_str(&format!("**{}**\n\n", report.summary().line()));

    out.push_str("## Sources\n\n| | Outlet | Title | Published | File |\n|---|---|---|---|---|\n");
    for (i, d) in report.docs.iter().enumerate() {
        out.push_str(&format!(
            "| {} | {} | {} | {} | `{}` |\n",
            source_label(i),
            escape(d.meta.outlet.as_deref().unwrap_or("—")),
            escape(d.meta.title.as_deref().unwrap_or("—")),
            d.meta.published.map_or("—".to_string(), |p| p.to_string()),
            d.path.replace('`', "'"),
        ));
    }

    let rows = rows(report);
    out.push_str("\n## Topics by source\n\n");
    if rows.is_empty() {
        out.push_str("No topic is given by two or more sources.\n");
    } else {
        out.push_str("Values in **bold** disagree; see the finding named in the second column.\n\n| Topic | Finding |");
        for (i, d) in report.docs.iter().enumerate() {
            out.push_str(&format!(" {} {} |", source_label(i), escape(&source_name(d))));
        }
        out.push_str("\n|---|---|");
        out.push_str(&"---|".repeat(report.docs.len()));
        out.push('\n');
        for row in &rows {
            let finding = match row.finding {
                Some(i) => {
                    let f = &report.findings[i];
                    format!("F{} {} {}", i + 1, f.severity, f.code)
                }
                None => "agree".to_string(),
            };
            out.push_str(&format!("| {} — {} | {finding} |", escape(&row.topic.subject), escape(&row.topic.attribute)));
            for cells in &row.cells {
                out.push_str(&format!(" {} |", cell_text(cells, row.finding.is_some())));
            }
            out.push('\n');
        }
    }

    out.push_str("\n## Findings\n");
    if report.findings.is_empty() {
        out.push_str("\nThe sources agree on every topic they share.\n");
    }
    for (i, f) in report.findings.iter().enumerate() {
        out.push_str(&format!(
            "\n### F{} · {} · {} {} · {} — {}\n\n{}\n\n",
            i + 1,
            f.severity,
            f.code,
            f.check,
            escape(&f.topic.subject),
            escape(&f.topic.attribute),
            escape(&f.message)
        ));
        for c in &f.claims {
            let doc = &report.docs[c.fact.doc];
            let p = passage(doc, &c.fact);
            let role = c.role.map(|r| format!(", {r}")).unwrap_or_default();
            out.push_str(&format!(
                "- **{}** {}, `{}:{}:{}`: {}{role}\n  > {}**{}**{}\n",
                source_label(c.fact.doc),
                escape(&source_name(doc)),
                doc.path.replace('`', "'"),
                p.line,
                p.column,
                escape(&c.reading),
                escape(&p.before),
                escape(&p.claim),
                escape(&p.after),
            ));
        }
        out.push_str(&format!("\nHelp: {}\n", escape(&f.help)));
    }
    out
}
