//! Fast regexes for text whose letters are ASCII.
//!
//! The regex crate's lazy DFA cannot evaluate a Unicode word boundary (`\b`) and gives up at the
//! first non-ASCII byte, falling back to an NFA simulation that is two orders of magnitude
//! slower. News prose is full of non-ASCII punctuation (’ “ ” —), so nearly every article hit
//! the slow path. An ASCII word boundary, `(?-u:\b)`, gives exactly the same answer as `\b`
//! wherever the characters on either side are ASCII or not word characters at all; it can differ
//! only next to a non-ASCII word character (é, ü, 다, ٣). So each pattern is compiled twice, and a
//! document uses the ASCII-boundary twin unless its text holds such a character: the same
//! matches, at DFA speed, for every document that can have them.

use rayon::prelude::*;
use regex::{Captures, Regex, RegexBuilder};
use regex_automata::hybrid::LazyStateID;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::{Input, MatchKind, PatternSet};
use std::ops::Range;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Rewrites a pattern for texts whose word characters are all ASCII: `\b`, `\B`, `\w` and `\d`
/// become their ASCII forms. On such a text each gives the same answer as the Unicode form (every
/// non-ASCII character there is not a word character, and Unicode digits are word characters),
/// and the smaller classes keep the lazy DFA small. `\s` stays Unicode: a no-break space is not
/// a word character, so it may well be in the text.
pub fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    // Depth of character classes (`[a-z[0-9]]` nests), where `\w` must stay a class item.
    let mut depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                // A half boundary, `\b{start-half}`, keeps its braces inside the group.
                Some('b') if chars.peek() == Some(&'{') => {
                    out.push_str("(?-u:\\b");
                    for c in chars.by_ref() {
                        out.push(c);
                        if c == '}' {
                            break;
                        }
                    }
                    out.push(')');
                }
                Some(b @ ('b' | 'B')) => {
                    out.push_str("(?-u:\\");
                    out.push(b);
                    out.push(')');
                }
                Some('w') => out.push_str(if depth > 0 { "[:word:]" } else { "[[:word:]]" }),
                Some('d') => out.push_str(if depth > 0 { "0-9" } else { "[0-9]" }),
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            },
            '[' => {
                out.push('[');
                if depth > 0 && chars.peek() == Some(&':') {
                    // An ASCII class such as [:word:]: copy it whole.
                    for c in chars.by_ref() {
                        out.push(c);
                        if c == ']' {
                            break;
                        }
                    }
                    continue;
                }
                depth += 1;
                // A `]` (after an optional `^`) first in a class is a literal.
                if chars.peek() == Some(&'^') {
                    out.push(chars.next().unwrap());
                }
                if chars.peek() == Some(&']') {
                    out.push(chars.next().unwrap());
                }
            }
            ']' if depth > 0 => {
                depth -= 1;
                out.push(']');
            }
            _ => out.push(c),
        }
    }
    out
}

/// True when every word character of the text (in the regex crate's Unicode sense) is ASCII,
/// so that the ASCII-boundary twins of the patterns find exactly what the originals find.
pub fn words_are_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    // Only the few non-ASCII characters of a text (quotes, dashes) need a look; whole blocks of
    // ASCII are passed over by `is_ascii`, which tests a machine word at a time.
    const BLOCK: usize = 64;
    while at < bytes.len() {
        let block = &bytes[at..(at + BLOCK).min(bytes.len())];
        if block.is_ascii() {
            at += block.len();
            continue;
        }
        let i = block.iter().position(|b| !b.is_ascii()).expect("a block that is not ASCII has a non-ASCII byte");
        let c = text[at + i..].chars().next().expect("a character starts at a non-ASCII byte of a str");
        if regex_syntax::is_word_character(c) {
            return false;
        }
        at += i + c.len_utf8();
    }
    true
}

/// A pattern and its ASCII-boundary twin. The twin is compiled at once (it also checks the
/// pattern); the Unicode original only when a text needs it, since few do and its compilation is
/// the slower one.
#[derive(Debug, Clone)]
pub struct Twin {
    pattern: String,
    ascii: Regex,
    unicode: OnceLock<Regex>,
}

/// The lazy DFA cache of each pattern (per thread). A rule pattern that starts with `{count}`
/// starts a match at every position through a large alternation; with the default 2 MiB its DFA
/// kept clearing its cache, gave up, and the search fell to the NFA simulation: 0.4 MB/s for such
/// a pattern, against 40-180 MB/s with this room (`BENCH_PER_PATTERN=1` of `bench_extract`).
/// The cache grows only as far as a text needs.
const DFA_CACHE: usize = 16 << 20;

fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).dfa_size_limit(DFA_CACHE).build()
}

impl Twin {
    pub fn new(pattern: &str) -> Result<Twin, regex::Error> {
        // Errors name the pattern as written, not its rewrite.
        let ascii = compile(&ascii_boundaries(pattern)).or_else(|_| compile(pattern))?;
        Ok(Twin { pattern: pattern.to_string(), ascii, unicode: OnceLock::new() })
    }

    /// The regex to run on a text for which [`words_are_ascii`] said `ascii_words`.
    pub fn get(&self, ascii_words: bool) -> &Regex {
        if ascii_words {
            return &self.ascii;
        }
        // The original compiles whenever its twin does, but for the size limit of its larger
        // Unicode classes; the twin is then the best there is.
        self.unicode.get_or_init(|| compile(&self.pattern).unwrap_or_else(|_| self.ascii.clone()))
    }
}

/// Room for a compiled [`Gate`]: the date forms together (number words, holiday names) outgrow
/// the regex crate's default 10 MiB.
const GATE_SIZE: usize = 64 << 20;

/// How much prose a [`Gate`] lets through before it compiles. The date forms' gate takes about
/// 0.25 s of CPU to compile and saves about 0.1 s per MB of prose, so a run over a few articles
/// never compiles it and a run over a large corpus does, early.
const GATE_AFTER: usize = 1 << 20;

/// Tells, paragraph by paragraph, which of many patterns can match there.
///
/// Running forty patterns over a text is forty passes, though most paragraphs hold a match of
/// two or three. So each paragraph (text between blank lines) first goes through one pass of a
/// [`SetScan`] of the patterns' ASCII twins, and only the patterns it names then search that
/// paragraph. A paragraph with a non-ASCII word character skips the set, and every pattern's
/// Unicode original runs there (the twins' answers may differ). Until the gate has seen
/// [`GATE_AFTER`] bytes, and if the set is too large to compile, every pattern runs on every
/// paragraph: the same matches, in the same order. No match spans a blank line.
///
/// Where every match of every pattern holds one byte (a value token's mark), a paragraph
/// without it is passed over before any of that.
#[derive(Debug)]
pub struct Gate {
    patterns: Vec<String>,
    needs: Option<u8>,
    seen: AtomicUsize,
    set: OnceLock<Option<SetScan>>,
}

impl Gate {
    pub fn new<'a>(twins: impl IntoIterator<Item = &'a Twin>, needs: Option<u8>) -> Gate {
        let patterns = twins.into_iter().map(|t| t.ascii.as_str().to_string()).collect();
        Gate { patterns, needs, seen: AtomicUsize::new(0), set: OnceLock::new() }
    }

    fn set(&self, text: &str) -> Option<&SetScan> {
        if self.seen.fetch_add(text.len(), Ordering::Relaxed) + text.len() < GATE_AFTER {
            return self.set.get().and_then(Option::as_ref);
        }
        self.set.get_or_init(|| SetScan::new(&self.patterns)).as_ref()
    }

    /// The paragraphs of `text` a pattern can match in, each with whether its words are ASCII
    /// (which twin to run, see [`Twin::get`]) and the indices, in order, of the patterns to run
    /// over it. Where the caller knows every word of the text is ASCII (`all_ascii`, from
    /// [`words_are_ascii`] over the text or the prose it shadows), no paragraph is checked again.
    pub fn paragraphs<'t>(
        &'t self,
        text: &'t str,
        all_ascii: bool,
    ) -> impl Iterator<Item = (Range<usize>, bool, Vec<usize>)> + 't {
        let set = self.set(text);
        let holds_needed =
            move |para: &Range<usize>| self.needs.is_none_or(|b| text.as_bytes()[para.clone()].contains(&b));
        // One set for every paragraph: news has one paragraph a line.
        let mut found = PatternSet::new(self.patterns.len());
        paragraphs(text).filter(holds_needed).map(move |para| {
            let chunk = &text[para.clone()];
            let ascii_words = all_ascii || words_are_ascii(chunk);
            found.clear();
            let patterns = if set.filter(|_| ascii_words).and_then(|set| set.matches(chunk, &mut found)).is_some() {
                found.iter().map(|p| p.as_usize()).collect()
            } else {
                (0..self.patterns.len()).collect()
            };
            (para, ascii_words, patterns)
        })
    }
}

/// Which of many patterns match somewhere in a text, in one pass of a lazy DFA over it.
///
/// This is what `RegexSet::matches` answers, but its overlapping search steps through a text a
/// byte at a time with bookkeeping around each step, and runs a literal prefilter between them
/// that finds a candidate every few bytes in news prose; the gates spent nearly a fifth of
/// extraction there. The same DFA (all matches of every pattern, unanchored) walked in a plain loop costs a
/// table lookup a byte.
#[derive(Debug)]
struct SetScan {
    dfa: DFA,
    caches: Pool<Cache, Box<dyn Fn() -> Cache + Send + Sync + std::panic::RefUnwindSafe + std::panic::UnwindSafe>>,
}

impl SetScan {
    /// None if the set does not compile within [`GATE_SIZE`].
    fn new(patterns: &[String]) -> Option<SetScan> {
        let dfa = DFA::builder()
            .configure(DFA::config().match_kind(MatchKind::All).cache_capacity(DFA_CACHE).unicode_word_boundary(true))
            .thompson(thompson::Config::new().nfa_size_limit(Some(GATE_SIZE)).which_captures(WhichCaptures::None))
            .build_many(patterns)
            .ok()?;
        let for_caches = dfa.clone();
        Some(SetScan { dfa, caches: Pool::new(Box::new(move || for_caches.create_cache())) })
    }

    /// Adds the patterns that match in `text` to `found` (an empty set of as many patterns);
    /// None where the DFA cannot tell (a Unicode word boundary next to a non-ASCII byte): then
    /// any may.
    fn matches(&self, text: &str, found: &mut PatternSet) -> Option<()> {
        let dfa = &self.dfa;
        let mut cache = self.caches.get();
        let cache = &mut *cache;
        let mut sid = dfa.start_state_forward(cache, &Input::new(text)).ok()?;
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Known transitions between plain states are one lookup each, through a cache that
            // does not change meanwhile; the rest (a state not yet computed, a match, the dead
            // state) go through `next_state`.
            let known: &Cache = cache;
            let step =
                |sid: LazyStateID, byte: u8| Some(dfa.next_state_untagged(known, sid, byte)).filter(|s| !s.is_tagged());
            // Four bytes a round while all four steps are plain.
            while !sid.is_tagged()
                && let Some(&[a, b, c, d]) = bytes.get(at..at + 4)
                && let Some(s4) =
                    step(sid, a).and_then(|s| step(s, b)).and_then(|s| step(s, c)).and_then(|s| step(s, d))
            {
                sid = s4;
                at += 4;
            }
            while !sid.is_tagged()
                && let Some(next) = bytes.get(at).and_then(|&b| step(sid, b))
            {
                sid = next;
                at += 1;
            }
            let Some(&byte) = bytes.get(at) else { break };
            sid = dfa.next_state(cache, sid, byte).ok()?;
            at += 1;
            if sid.is_tagged() && self.record(cache, sid, found)? {
                return Some(());
            }
        }
        sid = dfa.next_eoi_state(cache, sid).ok()?;
        self.record(cache, sid, found)?;
        Some(())
    }

    /// Adds the patterns a state says matched (a match shows in the state after the byte that
    /// follows it, or after the end); whether the search is over; None on a quit state.
    fn record(&self, cache: &Cache, sid: LazyStateID, found: &mut PatternSet) -> Option<bool> {
        if sid.is_quit() {
            return None;
        }
        if sid.is_match() {
            for i in 0..self.dfa.match_len(cache, sid) {
                found.insert(self.dfa.match_pattern(cache, sid, i));
            }
        }
        Some(sid.is_dead() || found.is_full())
    }
}

/// A capture search for the tests that mostly find nothing.
pub trait SparseCaptures {
    /// What `Regex::captures` gives, without allocating a set of captures where nothing
    /// matches: the regex crate allocates it before it searches, and the tests the date scanner
    /// runs on the text around every date it finds ("2 days after", "between ... and") nearly
    /// always fail. A match is searched twice, first by the DFA alone.
    fn captures_if_any<'h>(&self, haystack: &'h str) -> Option<Captures<'h>>;
}

impl SparseCaptures for Regex {
    fn captures_if_any<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        if self.is_match(haystack) { self.captures(haystack) } else { None }
    }
}

/// Many patterns, each to find all its matches in a text, behind a [`Gate`]: the date scanner's
/// forms.
#[derive(Debug)]
pub struct Forms {
    twins: Vec<Twin>,
    /// Each pattern's named groups with their indices (a twin has its original's groups).
    groups: Vec<Vec<(String, usize)>>,
    gate: Gate,
}

impl Forms {
    pub fn new(patterns: &[String]) -> Result<Forms, regex::Error> {
        Ok(Forms::from_twins(patterns.iter().map(|p| Twin::new(p)).collect::<Result<Vec<_>, _>>()?))
    }

    /// What [`Forms::new`] gives, its patterns compiled on every core (rayon). Not inside a
    /// `OnceLock`'s initialisation: a worker waiting for these jobs may take another that waits
    /// on the same lock.
    pub fn new_in_parallel(patterns: &[String]) -> Result<Forms, regex::Error> {
        Ok(Forms::from_twins(patterns.par_iter().map(|p| Twin::new(p)).collect::<Result<Vec<_>, _>>()?))
    }

    fn from_twins(twins: Vec<Twin>) -> Forms {
        let groups: Vec<Vec<(String, usize)>> = twins
            .iter()
            .map(|t| t.ascii.capture_names().enumerate().filter_map(|(i, n)| Some((n?.to_string(), i))).collect())
            .collect();
        assert!(groups.iter().all(|g| g.len() <= 64), "a form names at most 64 groups (FormMatch::present)");
        let gate = Gate::new(&twins, None);
        Forms { twins, groups, gate }
    }

    /// Every match of every pattern, paragraph by paragraph and, within one, pattern by pattern
    /// in their order; `all_ascii` as for [`Gate::paragraphs`].
    pub fn captures_iter<'t>(&'t self, text: &'t str, all_ascii: bool) -> impl Iterator<Item = FormMatch<'t>> + 't {
        self.gate.paragraphs(text, all_ascii).flat_map(move |(para, ascii_words, patterns)| {
            let chunk = &text[para.clone()];
            patterns.into_iter().flat_map(move |i| {
                let groups = &self.groups[i];
                self.twins[i].get(ascii_words).captures_iter(chunk).map(move |caps| {
                    let present = groups
                        .iter()
                        .enumerate()
                        .filter(|(_, (_, i))| caps.get(*i).is_some())
                        .fold(0, |bits, (k, _)| bits | 1 << k);
                    FormMatch { base: para.start, caps, groups, present }
                })
            })
        })
    }
}

/// One match of one of the [`Forms`].
///
/// Its groups are looked up by name among the few of its own pattern's that took part in the
/// match: [`Captures::name`] hashes the name it is given, and the date reader asks each match for
/// dozens of names, most of them absent.
pub struct FormMatch<'t> {
    /// The offset in the text of the paragraph the captures' offsets are relative to.
    pub base: usize,
    caps: Captures<'t>,
    groups: &'t [(String, usize)],
    /// Bit `k` is set where `groups[k]` took part in the match.
    present: u64,
}

impl<'t> FormMatch<'t> {
    pub fn name(&self, name: &str) -> Option<regex::Match<'t>> {
        let mut bits = self.present;
        while bits != 0 {
            let (n, i) = &self.groups[bits.trailing_zeros() as usize];
            if n == name {
                return self.caps.get(*i);
            }
            bits &= bits - 1;
        }
        None
    }

    /// The whole match.
    pub fn whole(&self) -> regex::Match<'t> {
        self.caps.get(0).expect("group 0 of a match")
    }
}

/// The paragraphs of a text: the stretches between blank lines, each without its line breaks.
fn paragraphs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    blank_lines(text).chain(std::iter::once(text.len()..text.len())).filter_map(move |gap| {
        let para = start..gap.start;
        start = gap.end;
        (!para.is_empty()).then_some(para)
    })
}

/// The matches of `\n[ \t\r]*\n` in a text, leftmost first, as `Regex::find_iter` gives them.
/// Each line of news prose is a paragraph, so a regex search per blank line cost more in call
/// overhead than the line's bytes; a line break is found with `memchr` (through `str::find`).
fn blank_lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(i) = text.get(at..).and_then(|rest| rest.find('\n')) {
            let start = at + i;
            // The greedy run of blanks can only be followed by the second line break: no blank
            // is one.
            let end = start + 1 + bytes[start + 1..].iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\r')).count();
            if bytes.get(end) == Some(&b'\n') {
                at = end + 1;
                return Some(start..end + 1);
            }
            at = end;
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_find_every_match_paragraph_by_paragraph_with_or_without_the_gate() {
        let forms = Forms::new(&[r"\b\d{4}\b".to_string(), r"\b(?P<month>March)\s+(?P<day>\d+)".to_string()]).unwrap();
        let text = "Founded in 2015.\n\nOn March 22, 2024, in Krasnogorsk.\n \nIn March\n\n5 died; café1999, café 1998";
        let found = || -> Vec<(usize, &str)> {
            forms
                .captures_iter(text, words_are_ascii(text))
                .map(|f| (f.base + f.whole().start(), f.whole().as_str()))
                .collect()
        };
        let at = |s: &str| text.find(s).unwrap();
        let expected = vec![
            (at("2015"), "2015"),
            // Within a paragraph, pattern by pattern.
            (at("2024"), "2024"),
            (at("March 22"), "March 22"),
            // "café1999" has no word boundary before the digits: the Unicode original runs
            // where a word has a non-ASCII letter.
            (at("1998"), "1998"),
        ];
        assert_eq!(found(), expected, "before the gate compiles; no match spans a blank line");
        assert!(forms.gate.set.get().is_none());
        let prose = "Nothing to see here.\n\n".repeat(GATE_AFTER / 20);
        assert_eq!(forms.captures_iter(&prose, true).count(), 0);
        assert!(forms.gate.set.get().is_some_and(Option::is_some), "the gate compiles after {GATE_AFTER} bytes");
        assert_eq!(found(), expected, "through the gate");
        let march = forms.captures_iter(text, words_are_ascii(text)).find(|f| f.name("month").is_some()).unwrap();
        assert_eq!(march.name("day").map(|m| m.as_str()), Some("22"));
        assert!(
            march.name("year").is_none()
                && forms
                    .captures_iter(text, words_are_ascii(text))
                    .all(|f| f.name("day").is_none_or(|d| d.as_str() == "22"))
        );
    }

    #[test]
    fn the_set_scan_names_what_a_regex_set_names() {
        let patterns = [r"(?i)\bkilled\s+\d+", r"\d+\s+dead\b", r"(?-u:\b)March(?-u:\b)", r"^On\b", r"people$", r"x*"];
        let scan = SetScan::new(&patterns.map(String::from)).unwrap();
        let set = regex::RegexSet::new(patterns).unwrap();
        for text in ["It killed 84 people", "84 dead.", "On March 22", "", "Marching on", "5 dead, 7 KILLED 9 people"] {
            let mut found = PatternSet::new(patterns.len());
            assert!(scan.matches(text, &mut found).is_some());
            let ours: Vec<usize> = found.iter().map(|p| p.as_usize()).collect();
            assert_eq!(ours, set.matches(text).into_iter().collect::<Vec<_>>(), "{text:?}");
        }
        let mut found = PatternSet::new(patterns.len());
        assert!(scan.matches("Zone 7é dead", &mut found).is_none(), "a Unicode boundary beside a non-ASCII letter");
    }

    #[test]
    fn forms_compiled_in_parallel_keep_the_patterns_order() {
        let patterns: Vec<String> = (0..40).map(|i| format!(r"\b(?P<n{i}>x{{{i}}})\b")).collect();
        let (one, all) = (Forms::new(&patterns).unwrap(), Forms::new_in_parallel(&patterns).unwrap());
        let written = |f: &Forms| f.twins.iter().map(|t| t.pattern.clone()).collect::<Vec<_>>();
        assert_eq!(written(&all), patterns);
        assert_eq!(written(&all), written(&one));
        assert_eq!(all.groups, one.groups);
    }

    #[test]
    fn a_gate_passes_over_paragraphs_without_the_byte_its_patterns_need() {
        let twins = [Twin::new(r"\x0E\x0F* dead").unwrap(), Twin::new(r"wounded \x0E").unwrap()];
        let text = "No token here, dead.\n\n\u{e}\u{f}\u{f} dead and wounded\n\nwounded \u{e}";
        let paragraphs = |gate: &Gate| gate.paragraphs(text, true).map(|(p, _, _)| &text[p]).collect::<Vec<_>>();
        assert_eq!(paragraphs(&Gate::new(&twins, Some(0x0E))), ["\u{e}\u{f}\u{f} dead and wounded", "wounded \u{e}"]);
        assert_eq!(paragraphs(&Gate::new(&twins, None)).len(), 3);
    }

    #[test]
    fn blank_lines_are_what_the_regex_finds() {
        let blank = Regex::new(r"\n[ \t\r]*\n").unwrap();
        for text in ["", "\n", "a\n\nb", "\n\n\n", "a\n \t\r\nb\n \nc \n", "x\n \n\n\r\r\n", "é\n\n’\n", "a\n b\n\n"]
        {
            let ours: Vec<_> = blank_lines(text).collect();
            assert_eq!(ours, blank.find_iter(text).map(|m| m.range()).collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn boundaries_are_rewritten_and_escapes_kept() {
        assert_eq!(ascii_boundaries(r"\bkilled\b"), r"(?-u:\b)killed(?-u:\b)");
        assert_eq!(ascii_boundaries(r"a\\b\B\d\s"), r"a\\b(?-u:\B)[0-9]\s");
        assert_eq!(ascii_boundaries(r"[\w’'.-]+\w[^\d,]"), r"[[:word:]’'.-]+[[:word:]][^0-9,]");
        assert_eq!(ascii_boundaries(r"[]\w][[:alpha:]\w]"), r"[][:word:]][[:alpha:][:word:]]");
        assert_eq!(ascii_boundaries(r"\b{start-half}\.5\b{end-half}"), r"(?-u:\b{start-half})\.5(?-u:\b{end-half})");
    }

    #[test]
    fn punctuation_is_not_a_word_character_but_letters_are() {
        assert!(words_are_ascii("The group’s “attack” — 84 dead"));
        assert!(!words_are_ascii("A café in Zürich"));
        assert!(!words_are_ascii("이태원"));
        // Wherever the character falls, also across the blocks the scan steps by.
        for pad in 0..140 {
            let before = "x".repeat(pad);
            assert!(words_are_ascii(&format!("{before}’{before}—")), "{pad}");
            assert!(!words_are_ascii(&format!("{before}’{before}é")), "{pad}");
            assert!(!words_are_ascii(&format!("{before}é")), "{pad}");
        }
    }

    #[test]
    fn twins_agree_on_text_with_ascii_words() {
        let t = Twin::new(r"\b(?:at least\s+)?\d+\b").unwrap();
        let text = "It killed “at least 84” people — and 7’s wounded.";
        assert!(words_are_ascii(text));
        let a: Vec<_> = t.get(false).find_iter(text).map(|m| m.range()).collect();
        let b: Vec<_> = t.get(true).find_iter(text).map(|m| m.range()).collect();
        assert_eq!(a, b);
        assert_eq!(a, [13..24, 43..44]);
    }

    #[test]
    fn next_to_a_non_ascii_letter_only_the_original_is_right() {
        let t = Twin::new(r"\b\d+\b").unwrap();
        let text = "Zone 7é and 84";
        assert!(!words_are_ascii(text));
        let found: Vec<&str> = t.get(false).find_iter(text).map(|m| m.as_str()).collect();
        assert_eq!(found, ["84"], "7é is one word");
    }
}
