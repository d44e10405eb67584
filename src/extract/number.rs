//! Counts: "143", "2,000", "1.5 million", "eighty-four", "half a dozen", "at least 143",
//! "nearly 100", "between 20 and 30", "dozens". A count phrase is read as an interval.

use super::lexicon::{Lexicon, alternation};
use crate::model::{Count, Qualifier};
use crate::thresholds::Thresholds;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

pub const UNITS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
pub const TENS: &[&str] = &["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const SCALES: &[(&str, f64)] =
    &[("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)];

/// The regex of one number, without qualifier.
pub fn number_pattern() -> String {
    let unit = format!("(?:{})", UNITS.join("|"));
    let ten = format!("(?:{})", TENS.join("|"));
    let small = format!(r"(?:{ten}(?:[\s-]+{unit})?|{unit})");
    let scale = format!("(?:{})", SCALES.iter().map(|s| s.0).collect::<Vec<_>>().join("|"));
    let digits = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)";
    let words = format!(
        r"(?:{small}(?:[\s-]+(?:{scale}|dozen)(?:\s+and\s+{small}|[\s-]+{small}(?:[\s-]+(?:{scale}|dozen))?)*)*)"
    );
    let article = format!(r"(?:half[\s-]+an?[\s-]+dozen|an?[\s-]+(?:dozen|{scale})|half[\s-]+an?[\s-]+{scale})");
    format!(r"(?:{digits}(?:\s+{scale}(?:\s+and\s+{small})?)?|{article}|{words})")
}

/// Compiled count grammar: the pattern that finds a count phrase and the one that reads it.
pub struct CountGrammar {
    pub pattern: String,
    reader: Regex,
    range: Regex,
    qualifiers: Vec<(Qualifier, Vec<String>)>,
    vague: Vec<(String, Option<(f64, f64)>)>,
    /// `pattern`, compiled on first use by [`CountGrammar::scan`].
    finder: OnceLock<Regex>,
}

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bound {
    pub value: f64,
    /// True when the end belongs to the interval ("at least 30"), false when it does not ("more
    /// than 30").
    pub closed: bool,
}

/// The interval a count phrase states, ends open or closed as the words say; `None` = unbounded.
/// Unlike [`Count`], which reads counts as whole numbers ("more than 62" is 63 or more), this keeps
/// the phrase's own ends: "more than 62" is (62, ∞).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub lo: Option<Bound>,
    pub hi: Option<Bound>,
    /// True for a range named by its two ends ("between 20 and 30", "20-30", "from 20 to 30"),
    /// false for one made of comparisons ("more than 20 and less than 30").
    pub two_ends: bool,
}

impl CountGrammar {
    pub fn new(lex: &Lexicon) -> Self {
        let q = &lex.qualifiers;
        let qualifiers: Vec<(Qualifier, Vec<String>)> = vec![
            (Qualifier::AtLeast, q.at_least.clone()),
            (Qualifier::MoreThan, q.more_than.clone()),
            (Qualifier::AtMost, q.at_most.clone()),
            (Qualifier::LessThan, q.less_than.clone()),
            (Qualifier::Nearly, q.nearly.clone()),
            (Qualifier::About, q.about.clone()),
        ];
        let all_qualifiers: Vec<&str> = qualifiers.iter().flat_map(|(_, v)| v.iter().map(String::as_str)).collect();
        let vague = lex.vague_amounts();
        let vague_words: Vec<&str> = vague.iter().map(|(p, _)| p.as_str()).collect();
        let num = number_pattern();
        let qual = alternation(&all_qualifiers);
        let vague_alt = alternation(&vague_words);
        // "between 20 and 30", "20-30"; a qualifier may precede a single number, and "or more" /
        // "or so" / "+" may follow it.
        let pattern = format!(
            r"(?:\b(?:{qual}\s+)?between\s+{num}\s+and\s+{num}\b|\b\d[\d,]*\s*[-–]\s*\d[\d,]*\b|\b(?:{qual}\s+)?{num}\b(?:\s+or\s+(?:more|so)\b|\+|-plus\b)?|\b{vague_alt}\b)"
        );
        let reader = Regex::new(&format!(
            r"(?i)^(?:(?P<qual>{qual})\s+)?(?P<num>{num})(?P<suffix>\s+or\s+more|\s+or\s+so|\+|-plus)?$"
        ))
        .expect("count reader regex");
        let range = Regex::new(&format!(
            r"(?i)^(?:(?P<qual>{qual})\s+)?(?:between\s+(?P<a>{num})\s+and\s+(?P<b>{num})|(?P<c>\d[\d,]*)\s*[-–]\s*(?P<d>\d[\d,]*))$"
        ))
        .expect("range reader regex");
        CountGrammar { pattern, reader, range, qualifiers, vague, finder: OnceLock::new() }
    }

    /// Every count phrase in a text, in order, with its byte range and reading: the phrases that
    /// `{count}` in a rule would capture, without the rule's context.
    pub fn scan(&self, text: &str, t: &Thresholds) -> Vec<(Range<usize>, Count)> {
        let finder = self.finder.get_or_init(|| Regex::new(&format!("(?i){}", self.pattern)).expect("count pattern"));
        finder.find_iter(text).filter_map(|m| Some((m.range(), self.read(m.as_str(), t)?))).collect()
    }

    /// The interval a count phrase states, with its ends as written: "more than 30" is (30, ∞),
    /// "at least 30" [30, ∞), "between 20 and 30" [20, 30], "30" [30, 30]. None for vague amounts,
    /// "nearly" and "about", which state no interval.
    pub fn bounds(&self, text: &str, t: &Thresholds) -> Option<Bounds> {
        let c = self.read(text, t)?;
        let n = c.stated?;
        let b = |value: f64, closed: bool| Some(Bound { value, closed });
        Some(match c.qualifier {
            Qualifier::Exact => Bounds { lo: b(n, true), hi: b(n, true), two_ends: false },
            Qualifier::AtLeast => Bounds { lo: b(n, true), hi: None, two_ends: false },
            Qualifier::MoreThan => Bounds { lo: b(n, false), hi: None, two_ends: false },
            Qualifier::AtMost => Bounds { lo: None, hi: b(n, true), two_ends: false },
            Qualifier::LessThan => Bounds { lo: None, hi: b(n, false), two_ends: false },
            Qualifier::Range => Bounds { lo: b(c.min, true), hi: b(c.max?, true), two_ends: true },
            Qualifier::Nearly | Qualifier::About | Qualifier::Vague | Qualifier::Unbounded => return None,
        })
    }

    /// Reads a count phrase (as matched by `pattern`) into its interval.
    pub fn read(&self, text: &str, t: &Thresholds) -> Option<Count> {
        let norm = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let lower = norm.to_lowercase();
        for (phrase, range) in &self.vague {
            if lower == phrase.split_whitespace().collect::<Vec<_>>().join(" ") {
                return Some(match range {
                    Some((lo, hi)) => {
                        Count { qualifier: Qualifier::Vague, stated: None, min: *lo, max: Some(*hi), word: Some(lower) }
                    }
                    None => {
                        Count { qualifier: Qualifier::Unbounded, stated: None, min: 1.0, max: None, word: Some(lower) }
                    }
                });
            }
        }
        if let Some(c) = self.range.captures(&norm) {
            let a = parse_number(c.name("a").or(c.name("c"))?.as_str())?;
            let b = parse_number(c.name("b").or(c.name("d"))?.as_str())?;
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            return Some(Count { qualifier: Qualifier::Range, stated: Some(lo), min: lo, max: Some(hi), word: None });
        }
        let c = self.reader.captures(&norm)?;
        let n = parse_number(&c["num"])?;
        let mut qualifier = match c.name("qual") {
            Some(q) => self.qualifier_of(q.as_str())?,
            None => Qualifier::Exact,
        };
        if let Some(s) = c.name("suffix") {
            let s = s.as_str().trim().to_lowercase();
            qualifier = if s.ends_with("so") { Qualifier::About } else { Qualifier::AtLeast };
        }
        Some(interval(qualifier, n, t))
    }

    fn qualifier_of(&self, phrase: &str) -> Option<Qualifier> {
        let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        self.qualifiers.iter().find(|(_, words)| words.contains(&phrase)).map(|(q, _)| *q)
    }
}

/// The interval a qualifier gives a number. Counts are whole: "more than 62" starts at 63.
pub fn interval(qualifier: Qualifier, n: f64, t: &Thresholds) -> Count {
    let whole = n.fract() == 0.0;
    let step = if whole { 1.0 } else { 0.0 };
    let (min, max) = match qualifier {
        Qualifier::Exact => (n, Some(n)),
        Qualifier::AtLeast => (n, None),
        Qualifier::MoreThan => (n + step, None),
        Qualifier::AtMost => (0.0, Some(n)),
        Qualifier::LessThan => (0.0, Some((n - step).max(0.0))),
        Qualifier::Nearly => {
            let below = (n - step).max(0.0);
            (below.min((n * (1.0 - t.nearly_tolerance)).floor()), Some(below))
        }
        Qualifier::About => {
            let slack = (n * t.about_tolerance).max(step);
            ((n - slack).max(0.0).floor(), Some((n + slack).ceil()))
        }
        Qualifier::Range | Qualifier::Vague | Qualifier::Unbounded => (n, Some(n)),
    };
    Count { qualifier, stated: Some(n), min, max, word: None }
}

/// Parses a number written in digits or words: "2,000", "1.5 million", "eighty-four",
/// "one hundred and twenty", "half a dozen", "a thousand".
pub fn parse_number(text: &str) -> Option<f64> {
    let lower = text.to_lowercase();
    let tokens: Vec<&str> =
        lower.split(|c: char| c.is_whitespace() || c == '-').filter(|t| !t.is_empty() && *t != "and").collect();
    let mut total = 0.0;
    let mut current: Option<f64> = None;
    let mut half = false;
    for tok in tokens {
        let digits = tok.replace(',', "");
        if let Ok(v) = digits.parse::<f64>() {
            current = Some(current.unwrap_or(0.0) + v);
        } else if let Some(i) = UNITS.iter().position(|u| *u == tok) {
            current = Some(current.unwrap_or(0.0) + i as f64);
        } else if let Some(i) = TENS.iter().position(|u| *u == tok) {
            current = Some(current.unwrap_or(0.0) + 20.0 + 10.0 * i as f64);
        } else if tok == "a" || tok == "an" {
            current = Some(current.unwrap_or(0.0).max(1.0));
        } else if tok == "half" {
            half = true;
        } else if tok == "dozen" {
            current = Some(current.unwrap_or(1.0).max(1.0) * 12.0);
        } else if tok == "hundred" {
            current = Some(current.unwrap_or(1.0).max(1.0) * 100.0);
        } else if let Some((_, scale)) = SCALES.iter().find(|s| s.0 == tok) {
            total += current.unwrap_or(1.0).max(1.0) * scale;
            current = None;
        } else {
            return None;
        }
    }
    let value = total + current.unwrap_or(0.0);
    let value = if half { value / 2.0 } else { value };
    (value > 0.0 || lower.trim() == "zero" || lower.trim() == "0").then_some(value)
}

/// A short reading of a count for reports: "84", "≥ 143", "> 62", "90–99 (nearly 100)".
pub fn reading(c: &Count) -> String {
    let word = c.word.as_deref().unwrap_or("");
    let n = |v: f64| format_number(v);
    let stated = c.stated.map(n).unwrap_or_default();
    match c.qualifier {
        Qualifier::Exact => stated,
        Qualifier::AtLeast => format!("≥ {stated}"),
        Qualifier::MoreThan => format!("> {stated}"),
        Qualifier::AtMost => format!("≤ {stated}"),
        Qualifier::LessThan => format!("< {stated}"),
        Qualifier::Nearly => format!("{}–{} (nearly {stated})", n(c.min), c.max.map(n).unwrap_or_default()),
        Qualifier::About => format!("≈ {stated} ({}–{})", n(c.min), c.max.map(n).unwrap_or_default()),
        Qualifier::Range => format!("{}–{}", n(c.min), c.max.map(n).unwrap_or_default()),
        Qualifier::Vague => format!("{}–{} ({word})", n(c.min), c.max.map(n).unwrap_or_default()),
        Qualifier::Unbounded => format!("unbounded ({word})"),
    }
}

/// "2000" → "2,000"; "1.5" stays.
pub fn format_number(v: f64) -> String {
    if v.fract() != 0.0 {
        return format!("{v}");
    }
    let s = format!("{}", v as i64);
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Count {
        let g = CountGrammar::new(&Lexicon::builtin());
        let re = Regex::new(&format!("(?i)^{}$", g.pattern)).unwrap();
        assert!(re.is_match(text), "the count pattern does not match {text:?}");
        g.read(text, &Thresholds::default()).unwrap_or_else(|| panic!("cannot read {text:?}"))
    }

    fn bounds(text: &str) -> (f64, Option<f64>, Qualifier) {
        let c = read(text);
        (c.min, c.max, c.qualifier)
    }

    #[test]
    fn numbers_in_digits_and_words() {
        for (text, v) in [
            ("143", 143.0),
            ("2,000", 2000.0),
            ("1.5 million", 1.5e6),
            ("eighty-four", 84.0),
            ("Eighty four", 84.0),
            ("thirteen", 13.0),
            ("a dozen", 12.0),
            ("half-a-dozen", 6.0),
            ("half a dozen", 6.0),
            ("one hundred and twenty", 120.0),
            ("two thousand five hundred", 2500.0),
            ("a thousand", 1000.0),
            ("Twenty-six", 26.0),
            ("3 million", 3e6),
            ("two dozen", 24.0),
        ] {
            assert_eq!(read(text).stated, Some(v), "{text}");
        }
    }

    #[test]
    fn qualifiers_are_intervals() {
        assert_eq!(bounds("143"), (143.0, Some(143.0), Qualifier::Exact));
        assert_eq!(bounds("at least 143"), (143.0, None, Qualifier::AtLeast));
        assert_eq!(bounds("no fewer than 10"), (10.0, None, Qualifier::AtLeast));
        assert_eq!(bounds("143 or more"), (143.0, None, Qualifier::AtLeast));
        assert_eq!(bounds("more than 62"), (63.0, None, Qualifier::MoreThan));
        assert_eq!(bounds("over 100"), (101.0, None, Qualifier::MoreThan));
        assert_eq!(bounds("upwards of 50"), (51.0, None, Qualifier::MoreThan));
        assert_eq!(bounds("up to 170"), (0.0, Some(170.0), Qualifier::AtMost));
        assert_eq!(bounds("as many as 170"), (0.0, Some(170.0), Qualifier::AtMost));
        assert_eq!(bounds("no more than 5"), (0.0, Some(5.0), Qualifier::AtMost));
        assert_eq!(bounds("fewer than 100"), (0.0, Some(99.0), Qualifier::LessThan));
        assert_eq!(bounds("under 100"), (0.0, Some(99.0), Qualifier::LessThan));
        assert_eq!(bounds("between 20 and 30"), (20.0, Some(30.0), Qualifier::Range));
        assert_eq!(bounds("20-30"), (20.0, Some(30.0), Qualifier::Range));
    }

    #[test]
    fn nearly_excludes_the_number_and_what_is_far_below_it() {
        let (min, max, q) = bounds("nearly 100");
        assert_eq!(q, Qualifier::Nearly);
        assert_eq!(max, Some(99.0));
        assert!(min > 84.0 && min <= 90.0, "nearly 100 must exclude 84, got min {min}");
        assert_eq!(bounds("almost 10").1, Some(9.0));
        assert_eq!(bounds("close to 200").1, Some(199.0));
    }

    #[test]
    fn about_has_a_tolerance_both_ways() {
        let (min, max, q) = bounds("around 2,000");
        assert_eq!(q, Qualifier::About);
        assert!(min < 2000.0 && max.unwrap() > 2000.0);
        assert_eq!(bounds("some 30").2, Qualifier::About);
        assert_eq!(bounds("an estimated 50").2, Qualifier::About);
    }

    #[test]
    fn vague_amounts_have_documented_ranges() {
        assert_eq!(bounds("dozens"), (24.0, Some(99.0), Qualifier::Vague));
        assert_eq!(bounds("scores"), (40.0, Some(199.0), Qualifier::Vague));
        assert_eq!(bounds("hundreds"), (200.0, Some(999.0), Qualifier::Vague));
        assert_eq!(bounds("several").2, Qualifier::Vague);
        assert_eq!(bounds("a few").2, Qualifier::Vague);
        assert_eq!(bounds("many"), (1.0, None, Qualifier::Unbounded));
        assert_eq!(bounds("a number"), (1.0, None, Qualifier::Unbounded));
    }

    #[test]
    fn readings() {
        assert_eq!(reading(&read("at least 143")), "≥ 143");
        assert_eq!(reading(&read("more than 62")), "> 62");
        assert_eq!(reading(&read("2,000")), "2,000");
        assert_eq!(reading(&read("Dozens")), "24–99 (dozens)");
        assert_eq!(reading(&read("many")), "unbounded (many)");
    }
}
