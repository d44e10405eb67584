//! The prose as the rules see it: each count (or date) the grammar found stands as one token.
//!
//! Rule patterns do not embed the count and date grammars. A grammar scans a document once, and
//! the rules run over a copy of its prose in which every phrase the grammar found is replaced by a
//! token of the same length: a mark byte, then filler bytes. `{count}` and `{date}` expand to the
//! token's pattern, so a rule pattern stays small (it compiles in microseconds and its DFA is
//! fast), a rule reads exactly the phrases the grammar reads (the extractor the conformance runner
//! measures), and since a token has the length of its phrase, every offset in the copy is the
//! offset in the prose: spans need no mapping.

use std::ops::Range;

/// Marks the start of a count token; no text of an article has it (control characters).
const COUNT_MARK: u8 = 0x0E;
/// Marks the start of a date token.
const DATE_MARK: u8 = 0x10;
/// Fills a token after its mark.
const FILL: u8 = 0x0F;

/// Which copy of the prose a rule pattern runs over, chosen by its value placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The prose itself (`{year}`, `{person}`).
    Prose,
    /// Counts as tokens (`{count}`).
    Counts,
    /// Dates as tokens (`{date}`).
    Dates,
}

impl View {
    /// The pattern of one token of this view, as `{count}` or `{date}` expand.
    pub fn token_pattern(self) -> Option<String> {
        let mark = self.mark()?;
        Some(format!(r"\x{mark:02X}\x{FILL:02X}*"))
    }

    /// The byte that starts each token of this view: a pattern of the view reads a value only
    /// where its copy of the prose has one.
    pub fn mark(self) -> Option<u8> {
        match self {
            View::Prose => None,
            View::Counts => Some(COUNT_MARK),
            View::Dates => Some(DATE_MARK),
        }
    }
}

/// A copy of the prose with the phrases found standing as tokens, and what each phrase reads.
#[derive(Debug, Clone)]
pub struct Shadow<V> {
    pub text: String,
    /// The phrases, in text order and not overlapping, with their readings.
    found: Vec<(Range<usize>, V)>,
}

impl<V> Shadow<V> {
    /// `found` in text order; a phrase that overlaps the one before it is left as prose.
    pub fn new(prose: &str, found: Vec<(Range<usize>, V)>, view: View) -> Shadow<V> {
        let mark = view.mark().expect("the prose view has no tokens");
        let mut bytes = prose.as_bytes().to_vec();
        let mut kept: Vec<(Range<usize>, V)> = Vec::with_capacity(found.len());
        for (range, value) in found {
            if range.is_empty() || kept.last().is_some_and(|(k, _)| range.start < k.end) {
                continue;
            }
            bytes[range.start] = mark;
            bytes[range.start + 1..range.end].fill(FILL);
            kept.push((range, value));
        }
        // Whole phrases (each on character boundaries) became ASCII bytes: still UTF-8.
        let text = String::from_utf8(bytes).expect("tokens replace whole characters");
        Shadow { text, found: kept }
    }

    /// The reading of the phrase whose token spans exactly `range`.
    pub fn at(&self, range: &Range<usize>) -> Option<&V> {
        let i = self.found.binary_search_by_key(&range.start, |(r, _)| r.start).ok()?;
        let (r, value) = &self.found[i];
        (r.end == range.end).then_some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn tokens_keep_every_offset_and_read_back_their_phrase() {
        let prose = "It killed “at least 84” people; 7 more died.";
        let at = |s: &str| prose.find(s).map(|i| i..i + s.len()).unwrap();
        let shadow = Shadow::new(prose, vec![(at("at least 84"), "≥ 84"), (at("7"), "7")], View::Counts);
        assert_eq!(shadow.text.len(), prose.len());
        let token = Regex::new(&View::Counts.token_pattern().unwrap()).unwrap();
        let found: Vec<_> = token.find_iter(&shadow.text).map(|m| (m.range(), shadow.at(&m.range()))).collect();
        assert_eq!(found, vec![(at("at least 84"), Some(&"≥ 84")), (at("7"), Some(&"7"))]);
        assert_eq!(&shadow.text[at("people")], "people");
        assert_eq!(shadow.at(&(at("at least 84").start..at("at least 84").end - 1)), None, "only a whole token");
    }

    #[test]
    fn adjacent_tokens_stay_apart_and_overlaps_are_dropped() {
        let shadow = Shadow::new("Jan-Feb", vec![(0..3, 1), (2..5, 9), (4..7, 2)], View::Dates);
        let token = Regex::new(&View::Dates.token_pattern().unwrap()).unwrap();
        let found: Vec<_> = token.find_iter(&shadow.text).map(|m| m.range()).collect();
        assert_eq!(found, vec![0..3, 4..7]);
        assert_eq!(shadow.at(&(4..7)), Some(&2));
        assert!(!Regex::new(&View::Counts.token_pattern().unwrap()).unwrap().is_match(&shadow.text));
    }
}
