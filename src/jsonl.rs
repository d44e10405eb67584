//! The check split in two, for engines that run it across machines:
//!
//! - **map** (`factlint facts --format jsonl`): per article, its facts and the context alignment
//!   reads, one JSON object a line: a `document` line (path, metadata, a hash of the text, the other
//!   inputs its text names, the alignment context), then one `fact` line per fact with everything
//!   `compare` and the reports need (path, byte span, line, column, text, value, rule, attribute,
//!   publication date, outlet, title) and its blocking key: the topic (subject + attribute) that
//!   alignment gives it among the articles of this map step.
//! - **reduce** (`factlint compare FACTS.jsonl...`): reads the lines of any number of files in any
//!   order, aligns again over every document's context (alignment is corpus-wide: an alias or a
//!   place declared in one article applies to all, so a key computed on one shard can change when
//!   the shards meet), then groups the facts by key and compares them: the same findings as one
//!   `check` over all the articles, and the same JSON bytes.
//!
//! The JSON report needs only the fact lines. The human report shows the lines around each claim,
//! so it reads the cited articles again (falling back to the claim alone if a file is gone).
//!
//! One limit: a file naming two or more of the other inputs is set aside as notes; the map step
//! sees only the names of its own inputs, so a notes file is recognised when the files it names
//! are in its shard (shard by story or folder, as newsrooms store them).

use crate::align::align;
use crate::compare::compare;
use crate::extract::Context;
use crate::extract::Extraction;
use crate::load::{LoadError, collect_paths, parse_iso_date};
use crate::map::{Citations, Columns, Mapped, Mapper, reload_sources};
use crate::model::{Document, Fact, Meta, SpanMap, Value};
use crate::pipeline::{self, InputErrors, Options, Run, Setup};
use crate::report::line_column;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, Write};
use std::path::PathBuf;

/// One line of the map output.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Line {
    Document(Box<DocumentLine>),
    Fact(Box<FactLine>),
}

#[derive(Debug, Serialize, Deserialize)]
pub struct DocumentLine {
    pub path: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    /// Hash of the text, in hex, to check a re-read for the human report.
    pub hash: String,
    /// The other inputs of the map step whose file name the text holds.
    pub cites: Vec<String>,
    /// How many fact lines follow for this document.
    pub facts: usize,
    pub context: Context,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Key {
    pub subject: String,
    pub attribute: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct FactLine {
    /// The blocking key from this map step's alignment; None = not compared.
    pub key: Option<Key>,
    pub why: String,
    pub path: String,
    /// Position among the document's facts.
    pub n: usize,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub rule: String,
    pub attribute: String,
    pub population: Option<String>,
    pub value: Value,
    pub named_subject: Option<String>,
    pub prose_start: usize,
    pub prose_end: usize,
    pub match_start: usize,
    pub match_end: usize,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
}

/// Position of a fact in its file: line, column and text.
type Position = (usize, usize, String);

/// The map step: writes the lines for the articles under `paths`.
pub fn write_facts(paths: &[PathBuf], options: &Options, out: &mut impl Write) -> std::io::Result<InputErrors> {
    let (Setup { grammar, rules, user_aliases }, rule_errors) = Setup::load(options);
    let (files, mut load_errors) = collect_paths(paths);
    let stems: Vec<String> = files.iter().map(|f| Citations::stem(f)).collect();
    let citations = Citations::new(&stems);
    let mapper = Mapper { rules: &rules, grammar: &grammar, options, citations: &citations, keep_source: true };
    if !files.is_empty() {
        grammar.prepare();
    }
    // Positions are taken while the text is at hand; then it is dropped.
    let results: Vec<Result<(Mapped, Vec<Position>), LoadError>> = files
        .par_iter()
        .enumerate()
        .map(|(i, f)| {
            let mut m = mapper.map(f, i)?;
            let positions = m
                .extraction
                .facts
                .iter()
                .map(|fact| {
                    let (line, column) = line_column(&m.doc.source, fact.span.start);
                    (line, column, m.doc.source[fact.span.clone()].to_string())
                })
                .collect();
            m.doc.source = String::new();
            Ok((m, positions))
        })
        .collect();
    let mut mapped = Vec::new();
    let mut positions = Vec::new();
    for r in results {
        match r {
            Ok((m, p)) => {
                mapped.push(m);
                positions.push(p);
            }
            Err(e) => load_errors.push(e),
        }
    }
    let display = |i: usize| files[i].to_string_lossy().into_owned();
    let cites: BTreeMap<String, Vec<String>> =
        mapped.iter().map(|m| (m.doc.path.clone(), m.cites.iter().map(|&i| display(i)).collect())).collect();
    let mut positions: BTreeMap<String, Vec<Position>> =
        mapped.iter().map(|m| m.doc.path.clone()).zip(positions).collect();
    let (mapped, skipped) = pipeline::set_aside_mapped_notes(mapped);
    let Columns { docs, extractions, hashes, .. } = Columns::from(mapped);
    let aligned = align(&docs, &extractions, &rules, &user_aliases, &options.thresholds);
    let mut aligned = aligned.into_iter();
    // Set-aside files are listed too (without facts): only `compare` sees every input.
    for s in &skipped {
        let line = DocumentLine {
            path: s.path.clone(),
            title: None,
            outlet: None,
            published: None,
            url: None,
            hash: String::new(),
            cites: cites.get(&s.path).cloned().unwrap_or_default(),
            facts: 0,
            context: Context::default(),
        };
        write_line(out, &Line::Document(Box::new(line)))?;
    }
    for ((doc, ex), hash) in docs.iter().zip(extractions).zip(hashes) {
        let meta = &doc.meta;
        let published = meta.published.map(|p| p.to_string());
        let line = DocumentLine {
            path: doc.path.clone(),
            title: meta.title.clone(),
            outlet: meta.outlet.clone(),
            published: published.clone(),
            url: meta.url.clone(),
            hash: format!("{hash:016x}"),
            cites: cites.get(&doc.path).cloned().unwrap_or_default(),
            facts: ex.facts.len(),
            context: ex.context,
        };
        write_line(out, &Line::Document(Box::new(line)))?;
        let positions = positions.remove(&doc.path).unwrap_or_default();
        for (n, ((fact, (line, column, text)), a)) in ex.facts.into_iter().zip(positions).zip(&mut aligned).enumerate()
        {
            let key = a.topic.map(|t| Key { subject: t.subject, attribute: t.attribute });
            let fact_line = FactLine {
                key,
                why: a.why,
                path: doc.path.clone(),
                n,
                start: fact.span.start,
                end: fact.span.end,
                line,
                column,
                text,
                rule: fact.rule,
                attribute: fact.attribute,
                population: fact.population,
                value: fact.value,
                named_subject: fact.named_subject,
                prose_start: fact.prose_span.start,
                prose_end: fact.prose_span.end,
                match_start: fact.match_span.start,
                match_end: fact.match_span.end,
                published: published.clone(),
                outlet: meta.outlet.clone(),
                title: meta.title.clone(),
            };
            write_line(out, &Line::Fact(Box::new(fact_line)))?;
        }
    }
    Ok(InputErrors { load_errors, rule_errors, skipped })
}

fn write_line(out: &mut impl Write, line: &Line) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, line).map_err(std::io::Error::other)?;
    out.write_all(b"\n")
}

/// Which sources the reduce step gives the documents a finding cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sources {
    /// Rebuilt from the fact lines: enough for the JSON report, no file needed.
    FromFacts,
    /// Read from the article files (for the human report), from the fact lines if one is gone.
    FromFiles,
}

/// The reduce step: reads fact files (any order, any number) and checks them as one corpus.
pub fn compare_files(inputs: &[PathBuf], options: &Options, sources: Sources) -> Run {
    let (Setup { rules, user_aliases, .. }, rule_errors) = Setup::load(options);
    let mut load_errors = Vec::new();
    // Documents in the order `check` reads them (sorted paths); facts by document.
    let mut documents: BTreeMap<PathBuf, DocumentLine> = BTreeMap::new();
    let mut facts: BTreeMap<String, Vec<FactLine>> = BTreeMap::new();
    for input in inputs {
        let error = |message: String| LoadError { path: input.display().to_string(), message };
        let file = match std::fs::File::open(input) {
            Ok(f) => f,
            Err(e) => {
                load_errors.push(error(format!("cannot read the fact file: {e}")));
                continue;
            }
        };
        for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
            let parsed = line.map_err(|e| e.to_string()).and_then(|l| {
                if l.trim().is_empty() {
                    Ok(None)
                } else {
                    serde_json::from_str::<Line>(&l).map(Some).map_err(|e| e.to_string())
                }
            });
            match parsed {
                Ok(Some(Line::Document(d))) => {
                    documents.entry(PathBuf::from(&d.path)).or_insert(*d);
                }
                Ok(Some(Line::Fact(f))) => facts.entry(f.path.clone()).or_default().push(*f),
                Ok(None) => {}
                Err(e) => load_errors.push(error(format!("line {}: {e}", i + 1))),
            }
        }
    }
    // The same document in two fact files: its facts were read twice.
    for list in facts.values_mut() {
        list.sort_by_key(|f| f.n);
        list.dedup_by_key(|f| f.n);
    }
    // Notes: a file naming two or more of the other inputs is set aside.
    let all: BTreeSet<String> = documents.values().map(|d| d.path.clone()).collect();
    let inputs = documents.len();
    let mut skipped = Vec::new();
    let mut kept: Vec<DocumentLine> = Vec::new();
    for d in documents.into_values() {
        let cited = d.cites.iter().filter(|c| **c != d.path && all.contains(*c)).count();
        if pipeline::reads_as_notes(inputs, cited) {
            skipped.push(LoadError { path: d.path.clone(), message: pipeline::notes_message(cited) });
        } else {
            kept.push(d);
        }
    }
    let mut docs = Vec::with_capacity(kept.len());
    let mut extractions = Vec::with_capacity(kept.len());
    let mut hashes = Vec::with_capacity(kept.len());
    let mut positions: Vec<Vec<Claim>> = Vec::with_capacity(kept.len());
    for (index, d) in kept.into_iter().enumerate() {
        let lines = facts.remove(&d.path).unwrap_or_default();
        let mut doc_facts = Vec::with_capacity(lines.len());
        let mut doc_positions = Vec::with_capacity(lines.len());
        for f in lines {
            doc_positions.push((f.start, f.end, f.line, f.column, f.text));
            doc_facts.push(Fact {
                doc: index,
                span: f.start..f.end,
                prose_span: f.prose_start..f.prose_end,
                match_span: f.match_start..f.match_end,
                rule: f.rule,
                attribute: f.attribute,
                population: f.population,
                value: f.value,
                named_subject: f.named_subject,
            });
        }
        let meta = Meta {
            title: d.title,
            outlet: d.outlet,
            published: d.published.as_deref().and_then(parse_iso_date),
            url: d.url,
        };
        hashes.push(u64::from_str_radix(&d.hash, 16).unwrap_or(0));
        docs.push(Document {
            index,
            path: d.path,
            meta,
            source: String::new(),
            prose: String::new(),
            map: SpanMap::default(),
        });
        extractions.push(Extraction { facts: doc_facts, context: d.context });
        positions.push(doc_positions);
    }
    let aligned = align(&docs, &extractions, &rules, &user_aliases, &options.thresholds);
    drop(extractions);
    let findings = compare(&docs, &aligned, &rules, &options.thresholds);
    let cited = pipeline::cited_documents(docs.len(), &findings);
    if sources == Sources::FromFiles {
        let paths: Vec<PathBuf> = docs.iter().map(|d| PathBuf::from(&d.path)).collect();
        for (doc, e) in reload_sources(&mut docs, &paths, &hashes, &cited) {
            // A file gone or changed since the map step: its claims come from the fact lines.
            docs[doc].source = String::new();
            load_errors.push(LoadError { message: format!("{} (the report shows the claims alone)", e.message), ..e });
        }
    }
    for ((doc, wanted), positions) in docs.iter_mut().zip(&cited).zip(&mut positions) {
        if *wanted && doc.source.is_empty() {
            doc.source = sparse_source(positions);
        }
    }
    Run { docs, facts: aligned, findings, errors: InputErrors { load_errors, rule_errors, skipped } }
}

/// A claim's start and end bytes, line, column and text.
pub type Claim = (usize, usize, usize, usize, String);

/// A stand-in for a document's text that has each claim's text at its byte span, on its line and
/// column: what the JSON report reads from a source. Elsewhere it is filler.
pub fn sparse_source(claims: &mut [Claim]) -> String {
    claims.sort_by_key(|c| c.0);
    let mut out = String::new();
    let (mut line, mut column) = (1usize, 1usize);
    for (start, _end, l, c, text) in claims.iter() {
        let (start, l, c) = (*start, *l, *c);
        if start < out.len() {
            continue;
        }
        let gap = start - out.len();
        if l > line {
            let newlines = l - line;
            let before = gap.saturating_sub(newlines + (c - 1));
            fill(&mut out, before, before);
            out.extend(std::iter::repeat_n('\n', newlines));
            let left = start - out.len();
            fill(&mut out, c - 1, left);
        } else {
            fill(&mut out, c.saturating_sub(column), gap);
        }
        out.push_str(text);
        match text.rfind('\n') {
            Some(at) => {
                line = l + text.matches('\n').count();
                column = text[at + 1..].chars().count() + 1;
            }
            None => {
                line = l;
                column = c + text.chars().count();
            }
        }
    }
    out
}

/// Appends `chars` characters taking `bytes` bytes (1 to 4 bytes each).
fn fill(out: &mut String, chars: usize, bytes: usize) {
    let mut left = bytes;
    for i in 0..chars {
        let rest = chars - i - 1;
        let size = left.saturating_sub(rest).clamp(1, 4);
        out.push(match size {
            1 => ' ',
            2 => 'é',
            3 => '€',
            _ => '𝄞',
        });
        left = left.saturating_sub(size);
    }
}

/// Paths of the fact files under `inputs` (folders are walked for `.jsonl`).
pub fn fact_files(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            if let Ok(entries) = std::fs::read_dir(input) {
                let mut files: Vec<PathBuf> = entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
                    .collect();
                files.sort();
                out.extend(files);
            }
        } else {
            out.push(input.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sparse_source_puts_each_claim_on_its_line_and_column() {
        let text =
            "---\ntitle: x\n---\nThe blast — it killed 84 people.\nIt wounded “more than 100” others; 84 died.\n";
        let spans = [text.find("84").unwrap(), text.find("more than").unwrap(), text.rfind("84").unwrap()];
        let mut claims: Vec<Claim> = spans
            .iter()
            .map(|&s| {
                let e = s + if text[s..].starts_with("more") { 13 } else { 2 };
                let (l, c) = line_column(text, s);
                (s, e, l, c, text[s..e].to_string())
            })
            .collect();
        let sparse = sparse_source(&mut claims);
        for (s, e, l, c, t) in &claims {
            assert_eq!(&sparse[*s..*e], t);
            assert_eq!(line_column(&sparse, *s), (*l, *c));
        }
    }
}
