//! `--format human`: rustc-like diagnostics drawn by miette, one per finding. miette draws one
//! source per diagnostic, so the claims in other articles are attached as related diagnostics,
//! each with its own source. The only module that knows miette.

use super::{Report, line_column};
use crate::extract::reading;
use crate::model::{AlignedFact, Document, Finding, Severity};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents, NamedSource,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt;

/// How to draw: colour or not, and how wide.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub colour: bool,
    pub width: usize,
}

/// One miette diagnostic: a finding (code, help, and the other sources as `related`), or one
/// of those other sources (no code, no help).
struct Diag {
    message: String,
    code: Option<String>,
    help: Option<String>,
    severity: miette::Severity,
    source: CharColumns,
    labels: Vec<LabeledSpan>,
    related: Vec<Diag>,
}

/// A named source whose spans give their column in characters, as the labels and the JSON do:
/// miette counts bytes, so a header's column after an em dash was two more than its label's.
struct CharColumns(NamedSource<String>);

impl SourceCode for CharColumns {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let contents = self.0.read_span(span, context_lines_before, context_lines_after)?;
        // With lines before, the contents start a line and their column is 0 either way.
        if context_lines_before > 0 {
            return Ok(contents);
        }
        let text = self.0.inner();
        let Some(before) = text.get(..span.offset()) else { return Ok(contents) };
        let line_start = before.rfind('\n').map_or(0, |at| at + 1);
        let column = before[line_start..].chars().count();
        Ok(Box::new(MietteSpanContents::new_named(
            self.0.name().to_string(),
            contents.data(),
            *contents.span(),
            contents.line(),
            column,
            contents.line_count(),
        )))
    }
}

impl fmt::Debug for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diag {}

impl Diagnostic for Diag {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code.as_ref().map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
    }
}

fn severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

fn diagnostic(docs: &[Document], finding: &Finding) -> Diag {
    // Claims grouped by document, in document order; the first document carries the finding.
    let mut groups: Vec<(usize, Vec<LabeledSpan>)> = Vec::new();
    for claim in &finding.claims {
        let doc = &docs[claim.fact.doc];
        let (line, column) = line_column(&doc.source, claim.fact.span.start);
        let mut label = claim.reading.clone();
        if let Some(role) = claim.role {
            label.push_str(&format!(" ({role})"));
        }
        let label = format!("{label} [{line}:{column}]");
        let span = LabeledSpan::new(Some(label), claim.fact.span.start, claim.fact.span.len());
        match groups.iter_mut().find(|(d, _)| *d == claim.fact.doc) {
            Some((_, labels)) => labels.push(span),
            None => groups.push((claim.fact.doc, vec![span])),
        }
    }
    let source = |doc: usize| CharColumns(NamedSource::new(docs[doc].path.clone(), docs[doc].source.clone()));
    let mut groups = groups.into_iter();
    let (first, labels) = groups.next().expect("a finding has claims");
    let related = groups
        .map(|(doc, labels)| Diag {
            message: format!("also in {}", docs[doc].path),
            code: None,
            help: None,
            severity: severity(finding.severity),
            source: source(doc),
            labels,
            related: Vec::new(),
        })
        .collect();
    Diag {
        message: finding.message.clone(),
        code: Some(format!("{}({})", finding.code, finding.check)),
        help: Some(finding.help.clone()),
        severity: severity(finding.severity),
        source: source(first),
        labels,
        related,
    }
}

fn handler(style: Style) -> GraphicalReportHandler {
    let theme = if style.colour { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    GraphicalReportHandler::new_themed(theme).with_width(style.width).with_links(false)
}

pub fn render(report: &Report, style: Style) -> String {
    let handler = handler(style);
    let mut out = String::new();
    for finding in report.findings {
        let d = diagnostic(report.docs, finding);
        let mut s = String::new();
        handler.render_report(&mut s, &d).expect("rendering into a String cannot fail");
        out.push_str(&s);
        out.push('\n');
    }
    out.push_str(&report.summary().line());
    out.push('\n');
    out
}

/// `factlint facts`: one line per fact, with its topic or why it has none.
pub fn render_facts(docs: &[Document], facts: &[AlignedFact]) -> String {
    let mut out = String::new();
    for a in facts {
        let doc = &docs[a.fact.doc];
        let (line, column) = line_column(&doc.source, a.fact.span.start);
        let text = &doc.source[a.fact.span.clone()];
        let topic = match &a.topic {
            Some(t) => format!("{} / {}", t.subject, t.attribute),
            None => "(not compared)".to_string(),
        };
        out.push_str(&format!(
            "{}:{line}:{column}: {:?} = {} [{}] → {topic} ({})\n",
            doc.path,
            text,
            reading(&a.fact.value),
            a.fact.rule,
            a.why
        ));
    }
    out
}

/// A plain error line for a problem that stops one input (a file, a rule), rustc style.
pub fn input_error(message: &str, style: Style) -> String {
    if style.colour { format!("\x1b[1;31merror\x1b[0m: {message}\n") } else { format!("error: {message}\n") }
}
