//! One run of the pipeline, from paths to findings: what `check` and `facts` share. File reading
//! happens here (through `load`); printing stays in the binary.

use crate::align::align;
use crate::compare::compare;
use crate::extract::{Extraction, extract};
use crate::load::meta::MetaFields;
use crate::load::{LoadError, collect_paths, load_file};
use crate::model::{AlignedFact, Document, Finding};
use crate::progress::{Progress, Step};
use crate::rules::{Grammar, Rule, RuleError, load_rules};
use crate::thresholds::Thresholds;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// What a run needs besides the articles.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub rule_dirs: Vec<PathBuf>,
    pub alias_files: Vec<PathBuf>,
    pub thresholds: Thresholds,
    /// Metadata per article path (from `factlint.toml`); replaces what the article says.
    pub metadata: Vec<(PathBuf, MetaFields)>,
    pub progress: Progress,
}

/// Everything a run produced, and every input it could not use.
pub struct Run {
    pub docs: Vec<Document>,
    pub facts: Vec<AlignedFact>,
    pub findings: Vec<Finding>,
    pub load_errors: Vec<LoadError>,
    pub rule_errors: Vec<RuleError>,
    /// Files left out on purpose, with the reason (not errors).
    pub skipped: Vec<LoadError>,
}

impl Run {
    pub fn has_input_errors(&self) -> bool {
        !self.load_errors.is_empty() || !self.rule_errors.is_empty()
    }
}

/// The rules a run uses (built-in plus `--rules` folders) and the errors of the files that could
/// not be used.
pub fn rules(grammar: &Grammar, options: &Options) -> (Vec<Rule>, Vec<RuleError>) {
    let dirs: Vec<&Path> = options.rule_dirs.iter().map(PathBuf::as_path).collect();
    load_rules(grammar, &dirs)
}

pub fn run(paths: &[PathBuf], options: &Options) -> Run {
    let grammar = Grammar::builtin();
    let (rules, mut rule_errors) = rules(&grammar, options);
    let (user_aliases, alias_errors) = read_alias_files(&options.alias_files);
    rule_errors.extend(alias_errors);
    let (files, mut load_errors) = collect_paths(paths);
    options.progress.report(Step::Start { files: files.len() });
    let mut docs = Vec::new();
    for file in &files {
        match load_file(file, docs.len()) {
            Ok(mut doc) => {
                crate::load::meta::apply_configured(&mut doc, &options.metadata);
                docs.push(doc)
            }
            Err(e) => load_errors.push(e),
        }
    }
    let (docs, skipped) = set_aside_notes(docs);
    let (facts, findings) =
        analyse_with_progress(&docs, &rules, &grammar, &user_aliases, &options.thresholds, &options.progress);
    Run { docs, facts, findings, load_errors, rule_errors, skipped }
}

/// A file that names two or more of the other files (a fact-checker's notes, a review, an
/// annotation) is about the articles, not one of them: comparing its quotations with the
/// articles would only repeat them. It is set aside with a note; pass it alone to check it.
pub fn set_aside_notes(docs: Vec<Document>) -> (Vec<Document>, Vec<LoadError>) {
    if docs.len() < 3 {
        return (docs, Vec::new());
    }
    let stems: Vec<String> = docs
        .iter()
        .map(|d| Path::new(&d.path).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default())
        .collect();
    let mut kept = Vec::new();
    let mut skipped = Vec::new();
    for (i, doc) in docs.into_iter().enumerate() {
        let cited = stems
            .iter()
            .enumerate()
            .filter(|(j, stem)| *j != i && stem.len() >= 4 && doc.prose.contains(stem.as_str()))
            .count();
        if cited >= 2 {
            skipped.push(LoadError {
                path: doc.path.clone(),
                message: format!(
                    "set aside: it names {cited} of the other files, so it reads as notes about them, not an article"
                ),
            });
        } else {
            kept.push(Document { index: kept.len(), ..doc });
        }
    }
    (kept, skipped)
}

/// The pure part: documents in, aligned facts and findings out.
pub fn analyse(
    docs: &[Document],
    rules: &[Rule],
    grammar: &Grammar,
    user_aliases: &[(String, String)],
    t: &Thresholds,
) -> (Vec<AlignedFact>, Vec<Finding>) {
    analyse_with_progress(docs, rules, grammar, user_aliases, t, &Progress::default())
}

/// [`analyse`], reporting each analysed document to `progress`.
pub fn analyse_with_progress(
    docs: &[Document],
    rules: &[Rule],
    grammar: &Grammar,
    user_aliases: &[(String, String)],
    t: &Thresholds,
    progress: &Progress,
) -> (Vec<AlignedFact>, Vec<Finding>) {
    let extractions: Vec<Extraction> = docs
        .iter()
        .map(|d| {
            let e = extract(d, rules, grammar, t);
            progress.report(Step::Analysed);
            e
        })
        .collect();
    progress.report(Step::Comparing);
    let facts = align(docs, &extractions, rules, &grammar.lexicon, user_aliases, t);
    let findings = compare(docs, &facts, rules, t);
    (facts, findings)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasFile {
    /// Each entry lists names of one subject: `aliases = [["ISIS-K", "ISKP", "Islamic State Khorasan"]]`.
    aliases: Vec<Vec<String>>,
}

/// Reads user alias files into pairs of names that are one subject.
pub fn read_alias_files(files: &[PathBuf]) -> (Vec<(String, String)>, Vec<RuleError>) {
    let mut pairs = Vec::new();
    let mut errors = Vec::new();
    for file in files {
        let path = file.display().to_string();
        let parsed = std::fs::read_to_string(file)
            .map_err(|e| RuleError {
                path: path.clone(),
                line: 1,
                column: 1,
                message: format!("cannot read the alias file: {e}"),
            })
            .and_then(|text| {
                toml::from_str::<AliasFile>(&text).map_err(|e| {
                    let (line, column) = crate::rules::line_column(&text, e.span().map_or(0, |s| s.start));
                    RuleError { path: path.clone(), line, column, message: e.message().trim().to_string() }
                })
            });
        match parsed {
            Ok(f) => {
                for group in f.aliases {
                    for other in group.iter().skip(1) {
                        pairs.push((group[0].clone(), other.clone()));
                    }
                }
            }
            Err(e) => errors.push(e),
        }
    }
    (pairs, errors)
}
