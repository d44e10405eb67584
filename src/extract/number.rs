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
/// Words for zero besides "zero".
const ZEROS: &[&str] = &["nought", "naught"];
/// Scale words, plurals, and the Indian scales with their short forms.
const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("hundreds", 1e2),
    ("thousand", 1e3),
    ("thousands", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("billion", 1e9),
    ("billions", 1e9),
    ("trillion", 1e12),
    ("trillions", 1e12),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("lac", 1e5),
    ("lacs", 1e5),
    ("lkh", 1e5),
    ("lkhs", 1e5),
    ("crore", 1e7),
    ("crores", 1e7),
    ("krore", 1e7),
    ("krores", 1e7),
    ("koti", 1e7),
    ("cr", 1e7),
    ("kr", 1e7),
];
/// Multipliers written right after digits, case as shown ("10k", "1.2M", "3bn"; a lower-case "m"
/// is metres, not millions).
const SUFFIXES: &[(&str, f64)] = &[
    ("k", 1e3),
    ("K", 1e3),
    ("M", 1e6),
    ("MM", 1e6),
    ("mil", 1e6),
    ("mln", 1e6),
    ("b", 1e9),
    ("B", 1e9),
    ("bn", 1e9),
    ("bln", 1e9),
    ("G", 1e9),
    ("tn", 1e12),
    ("tln", 1e12),
];
/// Words for twelve, after a number ("three dozen", "3 dozens").
const DOZENS: &[&str] = &["dozens", "dozen", "dozs", "doz", "dzs", "dz"];
/// Denominators of fractions ("two thirds", "a quarter") and what each divides by.
const FRACTIONS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fourth", 4.0),
    ("fourths", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("sixth", 6.0),
    ("sixths", 6.0),
    ("seventh", 7.0),
    ("sevenths", 7.0),
    ("eighth", 8.0),
    ("eighths", 8.0),
    ("ninth", 9.0),
    ("ninths", 9.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
    ("twelfth", 12.0),
    ("twelfths", 12.0),
    ("hundredth", 1e2),
    ("hundredths", 1e2),
    ("thousandth", 1e3),
    ("thousandths", 1e3),
    ("millionth", 1e6),
    ("millionths", 1e6),
    ("billionth", 1e9),
    ("billionths", 1e9),
    ("trillionth", 1e12),
    ("trillionths", 1e12),
];

fn alternatives<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut w: Vec<&str> = words.collect();
    w.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    format!("(?:{})", w.iter().map(|x| regex::escape(x)).collect::<Vec<_>>().join("|"))
}

/// The regex of one number, without qualifier: digits ("2,000", "1.5", ".5", "10k", "1 234 567"
/// with narrow spaces), words ("eighty-four", "one hundred and twenty", "three lakh"), both
/// ("1.5 million", "4 thousand 3 hundred and 21"), dozens ("half a dozen", "3 dozens"), decimals
/// in words ("two point five million") and fractions ("two thirds", "one and a half", "five and a
/// half million", "a quarter").
pub fn number_pattern() -> String {
    let unit = alternatives(UNITS.iter().chain(ZEROS).copied());
    let ten = alternatives(TENS.iter().copied());
    let small = format!(r"(?:{ten}(?:[\s-]+{unit})?|{unit})");
    let scale = alternatives(SCALES.iter().map(|s| s.0));
    let dozen = alternatives(DOZENS.iter().copied());
    let frac = alternatives(FRACTIONS.iter().map(|s| s.0));
    let suffix = format!(
        r"(?-i:{}|\s*{})",
        alternatives(["b", "B"].into_iter()),
        alternatives(SUFFIXES.iter().map(|s| s.0).filter(|s| !matches!(*s, "b" | "B")))
    );
    let plain = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u{a0}\u{202f}\u{2009}]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)";
    let multiplier = format!(r"(?:{scale}|{dozen})");
    // "1.5 million", "4 thousand 3 hundred and 21", "10k"
    let digits = format!(
        r"(?:{plain}(?:{suffix}|(?:\s+{multiplier})+(?:\s+(?:\d+|{small})\s+{multiplier})*(?:\s+and\s+(?:{small}|\d+))?)?)"
    );
    let words = format!(r"(?:{small}(?:[\s-]+{multiplier}(?:(?:\s+and\s+|[\s-]+){small}(?:[\s-]+{multiplier})?)*)*)");
    // "two point five", "1 point 1", "point 77"
    let point = format!(r"(?:(?:{words}|\d+)\s+)?point(?:[\s-]+(?:{small}|\d+))+(?:\s+{scale})?");
    let base = format!(r"(?:{digits}|{words}|an?)");
    // "two thirds", "one and a half", "five and a half million", "two thirds of a million"
    let fraction = format!(
        r"(?:{base}(?:\s+and\s+(?:an?|one|{unit}))?[\s-]+{frac}(?:\s+of\s+an?)?(?:[\s-]+{scale})?|(?:half|quarter)[\s-]+{scale}|half)"
    );
    let article = format!(r"(?:half[\s-]+an?[\s-]+dozen|an?[\s-]+(?:dozen|{scale})|half[\s-]+an?[\s-]+{scale})");
    format!(r"(?:{point}|{fraction}|{digits}|{article}|{words})")
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
            (Qualifier::Exact, q.exact.clone()),
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
            r"(?:\b(?:{qual}\s+)?between\s+{num}\s+and\s+{num}\b|\b\d[\d,]*\s*[-–]\s*\d[\d,]*\b|\b(?:{qual}\s+)?{num}\b(?:\s+or\s+(?:more|greater|above|so|less|fewer|below)\b|\+|-plus\b)?|\b{vague_alt}\b)"
        );
        let reader = Regex::new(&format!(
            r"(?i)^(?:(?P<qual>{qual})\s+)?(?P<num>{num})(?P<suffix>\s+or\s+(?:more|greater|above|so|less|fewer|below)|\+|-plus)?$"
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
        let mut out = Vec::new();
        for m in finder.find_iter(text) {
            if pronoun_one(&text[..m.start()], m.as_str()) {
                continue;
            }
            let Some(mut count) = self.read(m.as_str(), t) else { continue };
            let mut range = m.range();
            if let Some(sign_at) = minus_sign(&text[..m.start()]) {
                range.start = sign_at;
                count.stated = count.stated.map(|v| -v);
                (count.min, count.max) = (-count.max.unwrap_or(f64::INFINITY), Some(-count.min));
            }
            out.push((range, count));
        }
        out
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
        // Narrow and no-break spaces group thousands ("1 234 567"); other white space is one space.
        let norm = text
            .split(|c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}'))
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
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
            qualifier = if s.ends_with("so") {
                Qualifier::About
            } else if s.ends_with("less") || s.ends_with("fewer") || s.ends_with("below") {
                Qualifier::AtMost
            } else {
                Qualifier::AtLeast
            };
        }
        Some(interval(qualifier, n, t))
    }

    fn qualifier_of(&self, phrase: &str) -> Option<Qualifier> {
        let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        self.qualifiers.iter().find(|(_, words)| words.contains(&phrase)).map(|(q, _)| *q)
    }
}

/// "the one you mentioned", "which one": "one" after a determiner is a pronoun, not a number.
pub fn pronoun_one(before: &str, matched: &str) -> bool {
    const DETERMINERS: &[&str] = &["the", "this", "that", "which", "each", "every", "any", "no", "another", "what"];
    matched.eq_ignore_ascii_case("one")
        && before.split_whitespace().next_back().is_some_and(|w| DETERMINERS.iter().any(|d| w.eq_ignore_ascii_case(d)))
}

/// Where a minus sign before a number starts, if the text right before the number is one: "-5",
/// "- 5", "minus 5", "negative five". A hyphen joined to a word ("COVID-19") is no sign.
fn minus_sign(before: &str) -> Option<usize> {
    let trimmed = before.trim_end();
    if let Some(rest) = trimmed.strip_suffix(['-', '−']) {
        let joined = rest.chars().next_back().is_some_and(|c| !c.is_whitespace());
        let spaced_after = trimmed.len() != before.len();
        return (!joined && (!spaced_after || before.ends_with(' '))).then_some(rest.len());
    }
    let word_start = trimmed.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| i + 1);
    let word = &trimmed[word_start..];
    (trimmed.len() != before.len() && (word.eq_ignore_ascii_case("minus") || word.eq_ignore_ascii_case("negative")))
        .then_some(word_start)
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
/// "one hundred and twenty", "half a dozen", "a thousand", "10k", "three lakh crore",
/// "two point five", "two thirds", "five and a half million".
pub fn parse_number(text: &str) -> Option<f64> {
    let lower = text.to_lowercase();
    let tokens: Vec<String> = lower
        .split(|c: char| {
            (c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}'))
                || matches!(c, '-' | '‐' | '‑' | '–' | '—')
        })
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    // Digits with a suffix, written apart ("2.33 k") or together ("10k"), keep the case that tells
    // "M" (millions) from "m" (metres).
    let original: Vec<&str> = text.split_whitespace().collect();
    if let Some(v) = with_suffix(&original) {
        return Some(v);
    }
    let value = if let Some(i) = tokens.iter().rposition(|t| fraction_of(t).is_some()) {
        fraction(&tokens, i)?
    } else if let Some(i) = tokens.iter().position(|t| t == "point") {
        let whole = if i == 0 { 0.0 } else { cardinal(&tokens[..i])? };
        let end = tokens.iter().skip(i + 1).position(|t| scale_of(t).is_some()).map_or(tokens.len(), |p| p + i + 1);
        let decimals = decimal_digits(&tokens[i + 1..end])?;
        let v: f64 = format!("{}.{decimals}", whole as i64).parse().ok()?;
        tokens[end..].iter().try_fold(v, |acc, t| Some(acc * scale_of(t)?))?
    } else {
        cardinal(&tokens)?
    };
    let zero = tokens.iter().all(|t| t == "zero" || ZEROS.contains(&t.as_str()) || t.chars().all(|c| c == '0'));
    (value > 0.0 || zero).then_some(value)
}

fn scale_of(word: &str) -> Option<f64> {
    SCALES.iter().find(|s| s.0 == word).map(|s| s.1)
}

fn fraction_of(word: &str) -> Option<f64> {
    FRACTIONS.iter().find(|s| s.0 == word).map(|s| s.1)
}

/// "10k", "1.2M", "2.33 k", "1,674.5 G".
fn with_suffix(words: &[&str]) -> Option<f64> {
    let (number, suffix) = match words {
        [one] => {
            let at = one.find(|c: char| c.is_alphabetic())?;
            (&one[..at], &one[at..])
        }
        [number, suffix] => (*number, *suffix),
        _ => return None,
    };
    let factor = SUFFIXES.iter().find(|s| s.0 == suffix)?.1;
    let digits = number.replace([',', '\u{a0}', '\u{202f}', '\u{2009}'], "");
    Some(digits.parse::<f64>().ok()? * factor)
}

/// A whole number in words or digits: "one hundred and twenty", "4 thousand 3 hundred and 21",
/// "three lakh crore", "three hundred and two dozens".
fn cardinal(tokens: &[String]) -> Option<f64> {
    let mut total = 0.0;
    let mut current: Option<f64> = None;
    // The part of `current` said since the last multiplier ("two" in "three hundred and two").
    let mut last_small: Option<f64> = None;
    let mut half = false;
    for tok in tokens {
        let tok = tok.as_str();
        let digits = tok.replace([',', '\u{a0}', '\u{202f}', '\u{2009}'], "");
        let small = if let Ok(v) = digits.parse::<f64>() {
            Some(v)
        } else if let Some(i) = UNITS.iter().position(|u| *u == tok) {
            Some(i as f64)
        } else if ZEROS.contains(&tok) {
            Some(0.0)
        } else {
            TENS.iter().position(|u| *u == tok).map(|i| 20.0 + 10.0 * i as f64)
        };
        if let Some(v) = small {
            current = Some(current.unwrap_or(0.0) + v);
            last_small = Some(last_small.unwrap_or(0.0) + v);
        } else if tok == "and" {
            continue;
        } else if tok == "a" || tok == "an" {
            current = Some(current.unwrap_or(0.0).max(1.0));
            last_small = Some(1.0);
        } else if tok == "half" {
            half = true;
        } else if DOZENS.contains(&tok) {
            let c = current.unwrap_or(1.0).max(1.0);
            current = Some(match last_small {
                Some(s) => c - s + s * 12.0,
                None => c * 12.0,
            });
            last_small = None;
        } else if tok == "hundred" || tok == "hundreds" {
            current = Some(current.unwrap_or(1.0).max(1.0) * 100.0);
            last_small = None;
        } else if let Some(scale) = scale_of(tok) {
            match current {
                // "three lakh crore", "three thousand millions": a scale right after a scale
                // multiplies what came before.
                None if total > 0.0 => total *= scale,
                _ => total += current.unwrap_or(1.0).max(1.0) * scale,
            }
            current = None;
            last_small = None;
        } else {
            return None;
        }
    }
    let value = total + current.unwrap_or(0.0);
    Some(if half { value / 2.0 } else { value })
}

/// A fraction whose denominator word is `tokens[at]`: "two thirds", "one hundred and three
/// quarters" (100 + 3/4), "five and a half million" ((5 + 1/2) × 10⁶), "one billion and three
/// quarters million" (10⁹ + 3/4 × 10⁶), "two thirds of a million", "half million".
fn fraction(tokens: &[String], at: usize) -> Option<f64> {
    let denominator = fraction_of(&tokens[at])?;
    let head = &tokens[..at];
    let tail: Vec<&String> = tokens[at + 1..].iter().filter(|t| !matches!(t.as_str(), "of" | "a" | "an")).collect();
    let multiplier = |t: &str| if DOZENS.contains(&t) { Some(12.0) } else { scale_of(t) };
    let scale = tail.iter().try_fold(1.0, |acc, t| Some(acc * multiplier(t)?))?;
    // The numerator is what follows the last "and", when that is one word ("and a half", "and
    // three fifths"); otherwise the whole head ("one million two thousand two hundred three
    // fifths").
    let split = head.iter().rposition(|t| t == "and").filter(|&i| head.len() - i - 1 == 1);
    let (whole, numerator) = match split {
        Some(i) => (cardinal(&head[..i])?, &head[i + 1..]),
        None => (0.0, head),
    };
    let numerator = if numerator.is_empty() { 1.0 } else { cardinal(numerator)? };
    let part = numerator / denominator;
    Some(if whole > 0.0 && whole < scale { (whole + part) * scale } else { whole + part * scale })
}

/// The digits after "point": "zero three" → "03", "seventy-one" → "71", "77" → "77".
fn decimal_digits(tokens: &[String]) -> Option<String> {
    let mut out = String::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i].as_str();
        if t.chars().all(|c| c.is_ascii_digit()) {
            out.push_str(t);
        } else if let Some(ten) = TENS.iter().position(|u| *u == t) {
            let unit = tokens.get(i + 1).and_then(|n| UNITS.iter().position(|u| u == n)).filter(|u| *u < 10);
            out.push_str(&format!("{}", 2 + ten));
            match unit {
                Some(u) => {
                    out.push_str(&u.to_string());
                    i += 1;
                }
                None => out.push('0'),
            }
        } else if let Some(u) = UNITS.iter().position(|u| *u == t) {
            out.push_str(&u.to_string());
        } else if ZEROS.contains(&t) {
            out.push('0');
        } else {
            return None;
        }
        i += 1;
    }
    (!out.is_empty()).then_some(out)
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
    fn fractions_scales_suffixes_and_decimals_in_words() {
        for (text, v) in [
            ("two thirds", 2.0 / 3.0),
            ("one and a half", 1.5),
            ("five and a half million", 5.5e6),
            ("one hundred and three quarters", 100.75),
            ("half million", 5e5),
            ("a quarter", 0.25),
            ("10k", 1e4),
            ("1.2M", 1.2e6),
            ("3bn", 3e9),
            ("13 lakh", 1.3e6),
            ("three lakh crore", 3e12),
            ("three hundred and two dozens", 324.0),
            ("3 dozens", 36.0),
            ("two point two million", 2.2e6),
            ("nine point nought four", 9.04),
            ("4 thousand 3 hundred and 21", 4321.0),
            ("1\u{202f}234\u{202f}567", 1234567.0),
            ("nought", 0.0),
        ] {
            let got = read(text).stated.unwrap();
            assert!((got - v).abs() < 1e-9 * v.abs().max(1.0), "{text}: {got} != {v}");
        }
    }

    #[test]
    fn the_scanner_reads_signs_and_leaves_pronouns() {
        let g = CountGrammar::new(&Lexicon::builtin());
        let t = Thresholds::default();
        let found: Vec<(String, f64)> = g
            .scan("It fell to -5, minus three and COVID-19; the one you saw. That 1m hose.", &t)
            .into_iter()
            .map(|(r, c)| (r.start.to_string(), c.stated.unwrap()))
            .collect();
        let values: Vec<f64> = found.iter().map(|f| f.1).collect();
        assert_eq!(values, vec![-5.0, -3.0, 19.0], "{found:?}");
    }

    #[test]
    fn qualifiers_are_intervals() {
        assert_eq!(bounds("143"), (143.0, Some(143.0), Qualifier::Exact));
        assert_eq!(bounds("all 157"), (157.0, Some(157.0), Qualifier::Exact));
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
        assert_eq!(bounds("greater than 30"), (31.0, None, Qualifier::MoreThan));
        assert_eq!(bounds("less than or equal to 40"), (0.0, Some(40.0), Qualifier::AtMost));
        assert_eq!(bounds("five hundred or less"), (0.0, Some(500.0), Qualifier::AtMost));
        assert_eq!(bounds("200 or greater"), (200.0, None, Qualifier::AtLeast));
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
