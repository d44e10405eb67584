//! One run of the pipeline, from paths to findings: what `check` and `facts` share. File reading
//! happens here (through `load`); printing stays in the binary.

use crate::align::align;
use crate::compare::compare;
use crate::load::meta::MetaFields;
use crate::load::{LoadError, collect_paths};
use crate::map::{Citations, Columns, Mapped, Mapper, reload_sources};
use crate::model::{AlignedFact, Document, Finding};
use crate::progress::{Progress, Step};
use crate::rules::{Grammar, RuleBook, RuleError, load_rules};
use crate::thresholds::Thresholds;
use serde::Deserialize;
use std::collections::BTreeSet;
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
    /// The documents checked, in input order. Their `prose` is empty, and so is the `source` of
    /// a document no finding cites (unless the run kept every source: [`run_keeping`]).
    pub docs: Vec<Document>,
    pub facts: Vec<AlignedFact>,
    pub findings: Vec<Finding>,
    pub errors: InputErrors,
}

/// Every input a run could not use, and the files it left out on purpose.
#[derive(Debug, Default)]
pub struct InputErrors {
    pub load_errors: Vec<LoadError>,
    pub rule_errors: Vec<RuleError>,
    /// Files left out on purpose, with the reason (not errors).
    pub skipped: Vec<LoadError>,
}

impl InputErrors {
    /// True when an article, rule or alias file could not be used (skipped files do not count).
    pub fn any(&self) -> bool {
        !self.load_errors.is_empty() || !self.rule_errors.is_empty()
    }
}

/// The rules a run uses (built-in plus `--rules` folders) and the errors of the files that could
/// not be used.
pub fn rules(grammar: &Grammar, options: &Options) -> (RuleBook, Vec<RuleError>) {
    let dirs: Vec<&Path> = options.rule_dirs.iter().map(PathBuf::as_path).collect();
    load_rules(grammar, &dirs)
}

/// What every run reads before the articles: the grammar, the rules and the user's aliases.
pub struct Setup {
    pub grammar: Grammar,
    pub rules: RuleBook,
    pub user_aliases: Vec<(String, String)>,
}

impl Setup {
    /// The setup `options` ask for, and the errors of the rule and alias files that could not be
    /// used.
    pub fn load(options: &Options) -> (Setup, Vec<RuleError>) {
        let grammar = Grammar::builtin();
        let (rules, mut errors) = rules(&grammar, options);
        let (user_aliases, alias_errors) = read_alias_files(&options.alias_files);
        errors.extend(alias_errors);
        (Setup { grammar, rules, user_aliases }, errors)
    }
}

/// Which of `docs` documents a finding cites (what a report shows).
pub fn cited_documents(docs: usize, findings: &[Finding]) -> Vec<bool> {
    let mut cited = vec![false; docs];
    for claim in findings.iter().flat_map(|f| &f.claims) {
        cited[claim.fact.doc] = true;
    }
    cited
}

/// Which documents keep their source text in [`Run::docs`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sources {
    /// Only the documents a finding cites (what a report shows); the others are dropped after
    /// extraction, so memory does not grow with the corpus.
    #[default]
    Cited,
    /// Every document (for listings of every fact).
    All,
}

/// Checks the articles; [`Run::docs`] keeps the source of the documents a finding cites.
pub fn run(paths: &[PathBuf], options: &Options) -> Run {
    run_keeping(paths, options, Sources::Cited)
}

/// Checks the articles: each is read and extracted on its own, in parallel (see [`crate::map`]),
/// then aligned and compared as a whole.
pub fn run_keeping(paths: &[PathBuf], options: &Options, keep: Sources) -> Run {
    let (Setup { grammar, rules, user_aliases }, rule_errors) = Setup::load(options);
    let (files, mut load_errors) = collect_paths(paths);
    options.progress.report(Step::Start { files: files.len() });
    let stems: Vec<String> = files.iter().map(|f| Citations::stem(f)).collect();
    let citations = Citations::new(&stems);
    let mapper =
        Mapper { rules: &rules, grammar: &grammar, options, citations: &citations, keep_source: keep == Sources::All };
    let (mapped, unread) = mapper.map_all(&files);
    load_errors.extend(unread);
    let (mapped, skipped) = set_aside_mapped_notes(mapped);
    let Columns { mut docs, extractions, paths, hashes } = Columns::from(mapped);
    options.progress.report(Step::Comparing);
    let facts = align(&docs, &extractions, &rules, &user_aliases, &options.thresholds);
    drop(extractions);
    let findings = compare(&docs, &facts, &rules, &options.thresholds);
    let cited = cited_documents(docs.len(), &findings);
    load_errors.extend(reload_sources(&mut docs, &paths, &hashes, &cited).into_iter().map(|(_, e)| e));
    Run { docs, facts, findings, errors: InputErrors { load_errors, rule_errors, skipped } }
}

/// Among `inputs` files, one that names `cited` of the others reads as notes about them (see
/// [`set_aside_mapped_notes`]).
pub fn reads_as_notes(inputs: usize, cited: usize) -> bool {
    inputs >= 3 && cited >= 2
}

pub fn notes_message(cited: usize) -> String {
    format!("set aside: it names {cited} of the other files, so it reads as notes about them, not an article")
}

/// A file that names two or more of the other files (a fact-checker's notes, a review, an
/// annotation) is about the articles, not one of them: comparing its quotations with the
/// articles would only repeat them. It is set aside with a note; pass it alone to check it.
///
/// The citations were found in the map step; only those of files that loaded count. Kept
/// documents and their facts are numbered anew.
pub fn set_aside_mapped_notes(mapped: Vec<Mapped>) -> (Vec<Mapped>, Vec<LoadError>) {
    let inputs = mapped.len();
    let loaded: BTreeSet<usize> = mapped.iter().map(|m| m.doc.index).collect();
    let mut kept = Vec::new();
    let mut skipped = Vec::new();
    for mut m in mapped {
        let cited = m.cites.iter().filter(|f| loaded.contains(f)).count();
        if reads_as_notes(inputs, cited) {
            skipped.push(LoadError { path: m.doc.path.clone(), message: notes_message(cited) });
            continue;
        }
        m.doc.index = kept.len();
        for f in &mut m.extraction.facts {
            f.doc = m.doc.index;
        }
        kept.push(m);
    }
    (kept, skipped)
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
