//! Plain data types that flow between the pipeline stages.
//!
//! load → [`Document`] → extract → [`Fact`] → align → [`Topic`] → compare → [`Finding`] → report.
//! Nothing here does I/O; every span is a byte range into the original file.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Where an article came from and what it says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// Publication date, when the article states it.
    pub published: Option<CivilDate>,
    pub url: Option<String>,
}

/// A calendar date without time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Serialize for CivilDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl std::fmt::Display for CivilDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// One loaded article. `prose` is what extraction reads; `map` turns a range of `prose` back into a
/// range of `source`, the file's original text.
#[derive(Debug, Clone)]
pub struct Document {
    /// Position in the sorted input; the stable identity of the document in a run.
    pub index: usize,
    pub path: String,
    pub meta: Meta,
    pub source: String,
    pub prose: String,
    pub map: SpanMap,
}

impl Document {
    /// The byte range in `source` of a byte range of `prose`.
    pub fn source_span(&self, prose: Range<usize>) -> Range<usize> {
        self.map.to_source(prose)
    }
}

/// Maps byte offsets of a cleaned text (prose) to byte offsets of the original file.
///
/// The cleaned text is a sequence of pieces; a piece is either copied byte for byte from the source
/// (offsets map linearly) or replaces a source range as a whole (an HTML entity, say), in which case
/// any offset inside it maps to the whole source range.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanMap {
    pieces: Vec<Piece>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    prose_start: usize,
    prose_len: usize,
    source_start: usize,
    source_len: usize,
}

impl SpanMap {
    /// The map of a prose text that has the very offsets of its source.
    pub fn identity(len: usize) -> Self {
        let mut map = SpanMap::default();
        map.push(len, 0, len);
        map
    }

    /// Appends a piece: `prose_len` bytes of prose standing for source bytes
    /// `source_start..source_start + source_len`. Equal lengths map linearly.
    pub fn push(&mut self, prose_len: usize, source_start: usize, source_len: usize) {
        let prose_start = self.pieces.last().map_or(0, |p| p.prose_start + p.prose_len);
        self.pieces.push(Piece { prose_start, prose_len, source_start, source_len });
    }

    pub fn to_source(&self, prose: Range<usize>) -> Range<usize> {
        if prose.is_empty() {
            let at = self.offset(prose.start, false);
            return at..at;
        }
        self.offset(prose.start, false)..self.offset(prose.end, true)
    }

    fn offset(&self, at: usize, is_end: bool) -> usize {
        // For an end offset, look at the byte before it, so that an end that falls on a piece
        // boundary stays in the piece the span covers.
        let probe = if is_end { at.saturating_sub(1) } else { at };
        let i = self.pieces.partition_point(|p| p.prose_start <= probe).saturating_sub(1);
        let Some(p) = self.pieces.get(i) else { return at };
        if p.prose_len == p.source_len {
            p.source_start + (at - p.prose_start)
        } else if is_end {
            p.source_start + p.source_len
        } else {
            p.source_start
        }
    }
}

/// What a fact is about: deaths, injuries, the founding year, the date of an event, ...
pub type Attribute = String;

/// A normalised reading of a phrase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Value {
    Count(Count),
    Date(DateValue),
    Name { name: String },
}

/// How a count phrase bounds the true number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    Nearly,
    About,
    Range,
    /// "dozens", "scores", "several": a documented range, never an error on its own.
    Vague,
    /// "many", "a number of": no bound at all; never conflicts.
    Unbounded,
}

/// A count read as the closed interval `min..=max` of values it allows (`max` None = no upper bound).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Count {
    pub qualifier: Qualifier,
    /// The number as written ("100" in "nearly 100"); None for vague amounts.
    #[serde(serialize_with = "whole_opt")]
    pub stated: Option<f64>,
    #[serde(serialize_with = "whole")]
    pub min: f64,
    #[serde(serialize_with = "whole_opt")]
    pub max: Option<f64>,
    /// The vague word read ("dozens", "many"), for vague and unbounded amounts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub word: Option<String>,
    /// The unit of a length (`{measure}`), in which `stated`, `min` and `max` are given: "m".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// Counts are whole numbers but for "1.5 million": write 143, not 143.0.
fn whole<S: serde::Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9e15 { s.serialize_i64(*v as i64) } else { s.serialize_f64(*v) }
}

fn whole_opt<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => whole(v, s),
        None => s.serialize_none(),
    }
}

/// A date at the granularity the text gives it. Missing parts are unknown, never guessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateValue {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// 0 = Monday .. 6 = Sunday, when the text names the weekday.
    pub weekday: Option<u32>,
    /// A relative expression that could not be resolved (no publication date), as written.
    pub unresolved: Option<String>,
}

/// One extracted claim: a value, the attribute it is about, and where the text says it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    pub doc: usize,
    /// Byte range in the original file.
    pub span: Range<usize>,
    /// Byte range in the document's prose (for context lookups during alignment).
    #[serde(skip)]
    pub prose_span: Range<usize>,
    /// Byte range in the prose of the whole phrase the rule matched ("the March 22 attack").
    #[serde(skip)]
    pub match_span: Range<usize>,
    pub rule: String,
    pub attribute: Attribute,
    /// The group the count is about ("civilians", "women"), when the text names one.
    pub population: Option<String>,
    pub value: Value,
    /// The subject the rule's pattern itself names (an organisation before "was founded").
    pub named_subject: Option<String>,
}

/// A topic: one subject (event or entity) and one attribute.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct TopicKey {
    pub subject: String,
    pub attribute: String,
}

/// A fact placed in a topic by alignment; `topic` None = no confident subject (kept, not compared).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlignedFact {
    pub fact: Fact,
    pub topic: Option<TopicKey>,
    /// How the subject was chosen ("named in the sentence", "most salient in the document", ...).
    pub why: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One discrepancy between claims of one topic.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub check: &'static str,
    pub severity: Severity,
    pub topic: TopicKey,
    pub message: String,
    pub help: String,
    /// The claims, in document order; `role` says how each stands ("majority", "outlier", ...).
    pub claims: Vec<ClaimRole>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRole {
    pub fact: Fact,
    /// The reading shown beside the claim ("≥ 143", "2015").
    pub reading: String,
    pub role: Option<&'static str>,
}
