//! `--format github`: GitHub Actions workflow commands, which the runner turns into annotations on
//! the articles. One annotation per claim, so that every article in a disagreement is marked where
//! it says its figure, not only the first one:
//!
//! ```text
//! ::error file=a.md,line=6,col=53,endLine=6,endColumn=55,title=FL001 count-conflict%3A Iran — deaths::This source says 84. The sources give 84 vs nearly 100 …
//! ```
//!
//! Severity maps to `error`, `warning` and `notice`. Escaping follows the runner's rules: in the
//! message `%`, CR and LF are percent-encoded; in properties `:` and `,` are too. GitHub shows a
//! limited number of annotations per step (10 of each kind at the time of writing); the log keeps
//! every line.

use super::{Report, labelled_reading, line_column};
use crate::model::Severity;

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escapes the message of a workflow command.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for f in report.findings {
        for c in &f.claims {
            let doc = &report.docs[c.fact.doc];
            let (line, col) = line_column(&doc.source, c.fact.span.start);
            let (end_line, end_col) = line_column(&doc.source, c.fact.span.end);
            let this = labelled_reading(c);
            let others: Vec<String> = f
                .claims
                .iter()
                .filter(|o| o.fact.doc != c.fact.doc)
                .map(|o| {
                    let d = &report.docs[o.fact.doc];
                    let (l, k) = line_column(&d.source, o.fact.span.start);
                    format!("{}:{l}:{k} ({})", d.path, o.reading)
                })
                .collect();
            let mut message = format!("This source says {this}. {}", f.message);
            if !others.is_empty() {
                message.push_str(&format!("\nOther sources: {}", others.join("; ")));
            }
            message.push_str(&format!("\n{}", f.help));
            let title = format!("{} {}: {} — {}", f.code, f.check, f.topic.subject, f.topic.attribute);
            out.push_str(&format!(
                "::{} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}\n",
                command(f.severity),
                escape_property(&doc.path),
                escape_property(&title),
                escape_data(&message),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(escape_data("50% up\r\nnext"), "50%25 up%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
