//! One pass to learn which rule patterns can match a document at all.
//!
//! Each pattern is a full scan of the text, and there are dozens of them, while an article matches
//! only a few (4.5 of 37 on the generated corpus). A [`RegexSet`] of all the patterns answers
//! "which of them match anywhere?" in one scan of the text; only those are then run for their
//! captures. The answer is exact, so the facts are the same. The set is built from the
//! ASCII-boundary twins (see [`super::boundary`]) and is used only for texts they suit.

use crate::rules::Rule;
use regex::{RegexSet, RegexSetBuilder};

pub struct Prefilter {
    set: RegexSet,
    /// (rule, pattern) of each member of the set, in order.
    members: Vec<(usize, usize)>,
}

/// How much memory the set's lazy DFA may use per thread; more only slows it (cache misses).
const DFA_CACHE: usize = 16 << 20;

impl Prefilter {
    pub fn new(rules: &[Rule]) -> Option<Prefilter> {
        let mut members = Vec::new();
        let mut patterns = Vec::new();
        for (r, rule) in rules.iter().enumerate() {
            for (p, pattern) in rule.patterns.iter().map(|p| p.ascii()).enumerate() {
                members.push((r, p));
                patterns.push(pattern.as_str());
            }
        }
        let set = RegexSetBuilder::new(patterns).dfa_size_limit(DFA_CACHE).size_limit(256 << 20).build().ok()?;
        Some(Prefilter { set, members })
    }

    /// For each rule, which of its patterns match somewhere in `text` (a text whose words are
    /// ASCII, see [`super::boundary::words_are_ascii`]).
    pub fn matching(&self, rules: &[Rule], text: &str) -> Vec<Vec<bool>> {
        let mut out: Vec<Vec<bool>> = rules.iter().map(|r| vec![false; r.patterns.len()]).collect();
        for i in self.set.matches(text).iter() {
            let (r, p) = self.members[i];
            out[r][p] = true;
        }
        out
    }
}
