//! The map step: every article read, extracted and checked for citations of the other inputs on
//! its own, in parallel, keeping only what the later stages need.
//!
//! An article's text is held only while it is mapped: afterwards its [`Document`] keeps the path
//! and metadata, and the text comes back from the file for the documents a report shows
//! ([`reload_sources`]). Results come out in input order whatever the number of threads, so the
//! output is the same bytes with one thread or many.

use crate::extract::{Extraction, extract};
use crate::load::{LoadError, load_file};
use crate::model::Document;
use crate::pipeline::Options;
use crate::progress::Step;
use crate::rules::{Grammar, RuleBook};
use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// One article after the map step.
#[derive(Debug)]
pub struct Mapped {
    /// Source and prose are empty unless they were asked to be kept.
    pub doc: Document,
    pub path: PathBuf,
    pub extraction: Extraction,
    /// Indices (in the input list) of the other files whose name (stem) the article's text holds.
    pub cites: Vec<usize>,
    /// Hash of the source, to check a re-read.
    pub hash: u64,
}

/// Finds, in one pass over a text, which input files it names (by file stem), for
/// [`crate::pipeline::set_aside_mapped_notes`]: the same answer as searching for every stem in turn.
pub struct Citations {
    matcher: Option<AhoCorasick>,
    /// Per distinct stem, the input files that have it.
    owners: Vec<Vec<usize>>,
}

impl Citations {
    /// Stems of the inputs, in input order; stems shorter than four bytes are never looked for.
    pub fn new<S: AsRef<str>>(stems: &[S]) -> Citations {
        let mut distinct: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, stem) in stems.iter().enumerate() {
            let stem = stem.as_ref();
            if stem.len() >= 4 {
                distinct.entry(stem).or_default().push(i);
            }
        }
        let patterns: Vec<&str> = distinct.keys().copied().collect();
        let matcher = (!patterns.is_empty()).then(|| {
            AhoCorasick::builder().match_kind(MatchKind::Standard).build(&patterns).expect("stems make a matcher")
        });
        Citations { matcher, owners: distinct.into_values().collect() }
    }

    /// The stem of a file, as citations name it.
    pub fn stem(path: &Path) -> String {
        path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
    }

    /// The inputs, other than `own`, whose stem occurs in `text`; sorted.
    pub fn cited_by(&self, text: &str, own: usize) -> Vec<usize> {
        let Some(matcher) = &self.matcher else { return Vec::new() };
        let mut stems: Vec<usize> = matcher.find_overlapping_iter(text).map(|m| m.pattern().as_usize()).collect();
        stems.sort_unstable();
        stems.dedup();
        let mut out: Vec<usize> =
            stems.iter().flat_map(|&s| self.owners[s].iter().copied()).filter(|&f| f != own).collect();
        out.sort_unstable();
        out
    }
}

/// Everything the map step needs besides the file.
pub struct Mapper<'a> {
    pub rules: &'a RuleBook,
    pub grammar: &'a Grammar,
    /// Thresholds, configured metadata and the progress hook.
    pub options: &'a Options,
    pub citations: &'a Citations,
    /// Keep each document's source text (for listings of every fact); else it is dropped.
    pub keep_source: bool,
}

pub fn source_hash(source: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    source.hash(&mut h);
    h.finish()
}

impl Mapper<'_> {
    /// Reads, extracts and looks for citations in one file; `index` is its place in the inputs.
    pub fn map(&self, path: &Path, index: usize) -> Result<Mapped, LoadError> {
        let mut doc = load_file(path, index)?;
        crate::load::meta::apply_configured(&mut doc, &self.options.metadata);
        let mut extraction = extract(&doc, self.rules, self.grammar, &self.options.thresholds);
        shrink(&mut extraction);
        let cites = self.citations.cited_by(&doc.prose, index);
        let hash = source_hash(&doc.source);
        doc.prose = String::new();
        if !self.keep_source {
            doc.source = String::new();
        }
        self.options.progress.report(Step::Analysed);
        Ok(Mapped { doc, path: path.to_path_buf(), extraction, cites, hash })
    }

    /// Maps every file, in parallel: the articles in input order, and the files that could not
    /// be read.
    pub fn map_all(&self, files: &[PathBuf]) -> (Vec<Mapped>, Vec<LoadError>) {
        if !files.is_empty() {
            self.grammar.prepare();
        }
        let results: Vec<Result<Mapped, LoadError>> =
            files.par_iter().enumerate().map(|(i, f)| self.map(f, i)).collect();
        let mut mapped = Vec::with_capacity(results.len());
        let mut errors = Vec::new();
        for r in results {
            match r {
                Ok(m) => mapped.push(m),
                Err(e) => errors.push(e),
            }
        }
        (mapped, errors)
    }
}

/// Mapped articles as the later stages take them: lists side by side, in input order.
#[derive(Debug, Default)]
pub struct Columns {
    pub docs: Vec<Document>,
    pub extractions: Vec<Extraction>,
    pub paths: Vec<PathBuf>,
    pub hashes: Vec<u64>,
}

impl From<Vec<Mapped>> for Columns {
    fn from(mapped: Vec<Mapped>) -> Columns {
        let mut c = Columns::default();
        for m in mapped {
            c.docs.push(m.doc);
            c.extractions.push(m.extraction);
            c.paths.push(m.path);
            c.hashes.push(m.hash);
        }
        c
    }
}

/// Gives back the spare capacity of the extraction's lists: they are held until alignment, for
/// every document, and half-empty vectors were a third of the memory.
fn shrink(ex: &mut Extraction) {
    let c = &mut ex.context;
    ex.facts.shrink_to_fit();
    c.sentences.shrink_to_fit();
    c.paragraph.shrink_to_fit();
    c.places.shrink_to_fit();
    c.containment.shrink_to_fit();
    c.suffixed.shrink_to_fit();
    c.aliases.shrink_to_fit();
    c.organisations.shrink_to_fit();
    c.names.shrink_to_fit();
    c.title_places.shrink_to_fit();
    c.events.shrink_to_fit();
    c.clause_breaks.shrink_to_fit();
    c.year_when_clauses.shrink_to_fit();
    c.event_years.shrink_to_fit();
    c.years.shrink_to_fit();
}

/// Loads again the documents `which` selects (their texts were dropped after the map step): the
/// source for the labels, the prose for the passages in context. A file that cannot be read, or
/// that changed since it was checked, is an error, given with the document's index.
pub fn reload_sources(
    docs: &mut [Document],
    paths: &[PathBuf],
    hashes: &[u64],
    which: &[bool],
) -> Vec<(usize, LoadError)> {
    docs.par_iter_mut()
        .zip(paths)
        .zip(hashes)
        .zip(which)
        .filter(|(((doc, _), _), wanted)| **wanted && doc.source.is_empty())
        .filter_map(|(((doc, path), hash), _)| {
            let error = |message: String| (doc.index, LoadError { path: doc.path.clone(), message });
            match load_file(path, doc.index) {
                Ok(again) => {
                    let changed = source_hash(&again.source) != *hash;
                    doc.source = again.source;
                    doc.prose = again.prose;
                    changed.then(|| error("the file changed while it was checked: its spans may be off".into()))
                }
                Err(e) => Some(error(format!("cannot read it again for the report: {}", e.message))),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_find_every_stem_even_overlapping_ones() {
        let c = Citations::new(&["01-attack", "01-attack-update", "abc", "notes", "01-attack"]);
        assert_eq!(c.cited_by("see 01-attack-update and the notes", 1), vec![0, 3, 4]);
        assert_eq!(c.cited_by("nothing here", 0), Vec::<usize>::new());
        assert_eq!(c.cited_by("abc is too short to count", 0), Vec::<usize>::new());
    }
}
