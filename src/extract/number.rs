//! Counts: "143", "2,000", "1.5 million", "eighty-four", "half a dozen", "3/4", "at least 143",
//! "nearly 100", "between 20 and 30", "from 20 to 30", "more than 20 and less than 30", "dozens".
//! A count phrase is read as an interval.

use super::boundary::{SparseCaptures, Twin, words_are_ascii};
use super::lexicon::{Lexicon, alternation, sort_longest_first};
use super::{single_spaced, single_spaced_lowercase};
use crate::model::{Count, Qualifier};
use crate::thresholds::Thresholds;
use regex::Regex;
use std::collections::HashMap;
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
const ZEROS: &[&str] = &["nought", "naught", "nil"];
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
/// Words that multiply the number before them ("three dozen", "3 dozens", "a pair").
const MULTIPLES: &[(&str, f64)] = &[
    ("dozens", 12.0),
    ("dozen", 12.0),
    ("dozs", 12.0),
    ("doz", 12.0),
    ("dzs", 12.0),
    ("dz", 12.0),
    ("pair", 2.0),
    ("pairs", 2.0),
];
/// Single characters for common fractions ("¾").
const VULGAR_FRACTIONS: &[(char, f64)] = &[
    ('½', 1.0 / 2.0),
    ('⅓', 1.0 / 3.0),
    ('⅔', 2.0 / 3.0),
    ('¼', 1.0 / 4.0),
    ('¾', 3.0 / 4.0),
    ('⅕', 1.0 / 5.0),
    ('⅖', 2.0 / 5.0),
    ('⅗', 3.0 / 5.0),
    ('⅘', 4.0 / 5.0),
    ('⅙', 1.0 / 6.0),
    ('⅚', 5.0 / 6.0),
    ('⅐', 1.0 / 7.0),
    ('⅛', 1.0 / 8.0),
    ('⅜', 3.0 / 8.0),
    ('⅝', 5.0 / 8.0),
    ('⅞', 7.0 / 8.0),
    ('⅑', 1.0 / 9.0),
    ('⅒', 1.0 / 10.0),
];
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
    ("eleventh", 11.0),
    ("elevenths", 11.0),
    ("twelfth", 12.0),
    ("twelfths", 12.0),
    ("thirteenth", 13.0),
    ("thirteenths", 13.0),
    ("fourteenth", 14.0),
    ("fourteenths", 14.0),
    ("fifteenth", 15.0),
    ("fifteenths", 15.0),
    ("sixteenth", 16.0),
    ("sixteenths", 16.0),
    ("seventeenth", 17.0),
    ("seventeenths", 17.0),
    ("eighteenth", 18.0),
    ("eighteenths", 18.0),
    ("nineteenth", 19.0),
    ("nineteenths", 19.0),
    ("twentieth", 20.0),
    ("twentieths", 20.0),
    ("thirtieth", 30.0),
    ("thirtieths", 30.0),
    ("fortieth", 40.0),
    ("fortieths", 40.0),
    ("fiftieth", 50.0),
    ("fiftieths", 50.0),
    ("sixtieth", 60.0),
    ("sixtieths", 60.0),
    ("seventieth", 70.0),
    ("seventieths", 70.0),
    ("eightieth", 80.0),
    ("eightieths", 80.0),
    ("ninetieth", 90.0),
    ("ninetieths", 90.0),
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
/// "first" and "second" name a fraction only as the end of a compound denominator ("three
/// twenty-firsts"); alone they are ordinals, and "seconds" is time.
const COMPOUND_ONLY_FRACTIONS: &[(&str, f64)] = &[("first", 1.0), ("firsts", 1.0), ("second", 2.0), ("seconds", 2.0)];

/// One regex alternation of words, longest first (a trie, see [`alternation`]).
fn alternatives<'a>(words: impl Iterator<Item = &'a str>) -> String {
    alternation(&words.collect::<Vec<_>>())
}

/// Digits alone, in groups or not: "2,000", "1.5", ".5", "1 234 567" (narrow spaces or three-digit
/// groups), "12,34,567".
const PLAIN_DIGITS: &str = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?:\.[0-9]+)?|[0-9]{1,3}(?:[\u{a0}\u{202f}\u{2009}][0-9]{3})+(?:\.[0-9]+)?|[0-9]{1,3}(?:\x20[0-9]{3}){2,}(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)";

/// A number under a hundred in words: "eighty-four", "twenty one", "seven", "zero".
fn small_number_words() -> String {
    let unit = alternatives(UNITS.iter().chain(ZEROS).copied());
    let ten = alternatives(TENS.iter().copied());
    format!(r"(?:{ten}(?:[\s-]+{unit})?|{unit})")
}

/// The regex of one number, without qualifier: digits ("2,000", "1.5", ".5", "10k", "1 234 567"
/// with narrow spaces or in three-digit groups, "12,34,567"), words ("eighty-four", "one hundred
/// and twenty", "three lakh", "one twenty two", "nil", "single"), both ("1.5 million", "4 thousand
/// 3 hundred and 21"), multiples ("half a dozen", "3 dozens", "a pair"), decimals in words ("two
/// point five million"), fractions ("two thirds", "one and a half", "five and a half million", "a
/// quarter", "three twenty-firsts", "3/4", "1 3/4", "¾") and powers ("1.3e6", "6.23x10^-4",
/// "1.1^23").
/// Digits are `[0-9]`: Unicode `\d` would multiply the size of every rule regex that embeds this.
pub fn number_pattern() -> String {
    let digit_word = alternatives(UNITS[1..10].iter().copied());
    let ten = alternatives(TENS.iter().copied());
    let small = small_number_words();
    let scale = alternatives(SCALES.iter().map(|s| s.0));
    let multiple = alternatives(MULTIPLES.iter().map(|s| s.0));
    let suffix = format!(
        r"(?-i:{}|\s*{})",
        alternatives(["b", "B"].into_iter()),
        alternatives(SUFFIXES.iter().map(|s| s.0).filter(|s| !matches!(*s, "b" | "B")))
    );
    let multiplier = format!(r"(?:{scale}|{multiple})");
    let words = format!(r"(?:{small}(?:[\s-]+{multiplier}(?:(?:\s+and\s+|[\s-]+){small}(?:[\s-]+{multiplier})?)*)*)");
    // "1.5 million", "4 thousand 3 hundred and 21", "6 crore and two hundred", "10k"
    let digits = format!(
        r"(?:{PLAIN_DIGITS}(?:{suffix}|(?:\s+{multiplier})+(?:\s+(?:[0-9]+|{small})\s+{multiplier})*(?:\s+and\s+(?:{small}|[0-9]+(?:\.[0-9]+)?)(?:\s+{multiplier})?)?)?)"
    );
    // "two point five", "1 point 1", "point 77"
    let point = format!(r"(?:(?:{words}|[0-9]+)\s+)?point(?:[\s-]+(?:{small}|[0-9]+))+(?:\s+{scale})?");
    // Denominators: a fraction word ("thirds"), or an ordinal compound that ends in one
    // ("twenty-fifths", "one hundred fifth"). A singular one follows "a" or "one" only: "two
    // millionth" is a number and an ordinal, "two millionths" a fraction.
    let denominator = |plural: bool| {
        let fraction = alternatives(FRACTIONS.iter().map(|s| s.0).filter(|w| w.ends_with('s') == plural));
        let last = alternatives(
            FRACTIONS
                .iter()
                .chain(COMPOUND_ONLY_FRACTIONS)
                .filter(|s| s.1 < 10.0 && !s.0.starts_with("half") && !s.0.starts_with("quarter"))
                .map(|s| s.0)
                .filter(|w| w.ends_with('s') == plural),
        );
        format!(
            r"(?:{ten}[\s-]+{last}|one\s+(?:hundred|thousand)(?:\s+and)?\s+(?:{ten}[\s-]+)?(?:{last}|{fraction})|{fraction})"
        )
    };
    let (one_part, parts) = (denominator(false), denominator(true));
    // "twenty and three and three fifths", "two hundred thirty two and a thirtieth"
    let whole = format!(r"(?:(?:{digits}|{words})\s+and\s+)*");
    let fraction = format!(
        r"(?:{whole}(?:(?:an?|one)[\s-]+{one_part}|(?:{words}|an?(?:[\s-]+{scale})+)[\s-]+{parts})(?:\s+of\s+an?)?(?:[\s-]+{scale})?|(?:half|quarter)[\s-]+{scale})"
    );
    // "a hundred and forty", "a thousand two hundred": a scale after "a" goes on as after "one".
    let article = format!(
        r"(?:half[\s-]+an?[\s-]+dozen|an?[\s-]+{multiple}|an?[\s-]+{scale}(?:(?:\s+and\s+|[\s-]+){small}(?:[\s-]+{multiplier})?)*|half[\s-]+an?[\s-]+{scale})"
    );
    // "one twenty two": hundreds said as a digit and a pair of digits.
    let spoken = format!(r"(?:{digit_word}\s+{ten}[\s-]+{digit_word})");
    let power = r"(?:[0-9]+(?:\.[0-9]+)?(?:e[+-]?[0-9]+|\s*[x×*]\s*10\s*\^\s*[+-]*[0-9]+|\^[+-]*[0-9]+))";
    let slash = r"(?:(?:[0-9]{1,3}\s+)?[0-9]+/[0-9]+)";
    let vulgar = format!("(?:[0-9]*[{}])", VULGAR_FRACTIONS.iter().map(|v| v.0).collect::<String>());
    // "two out of five hundred", "one over three". "Over" after any other number is the
    // comparison it usually is ("killed 20 over three days" is no fraction).
    let ratio = format!(r"(?:(?:{words}|[0-9]+)\s+out\s+of|(?:one|1)\s+over)\s+(?:{words}|[0-9]+)");
    format!(r"(?:{ratio}|{power}|{slash}|{vulgar}|{point}|{fraction}|{spoken}|{digits}|{article}|{words}|single|half)")
}

/// Comparison signs and what each says; `None` for pairs a reader cannot trust ("<>" is "not
/// equal", "=>" an arrow): they are matched so that the number after them is not read alone.
const SIGNS: &[(&str, Option<Qualifier>)] = &[
    (">=", Some(Qualifier::AtLeast)),
    ("≥", Some(Qualifier::AtLeast)),
    ("<=", Some(Qualifier::AtMost)),
    ("≤", Some(Qualifier::AtMost)),
    (">", Some(Qualifier::MoreThan)),
    ("<", Some(Qualifier::LessThan)),
    ("<>", None),
    ("=>", None),
    ("=<", None),
];

/// What may join two comparisons into one range: "more than 10 and less than 20", "higher than
/// 100, lower than 300", "at least 5 but at most 9".
const JOINT: &str = r"(?:\s*,\s*(?:and\s+|but\s+)?|\s+(?:and|but)\s+)";
/// A minus sign or word before a number inside a phrase ("between negative ten and fifteen").
const MINUS: &str = r"(?:(?:minus|negative)\s+|[-−]\s*)";

/// Compiled count grammar: the pattern that finds a count phrase and the ones that read it.
pub struct CountGrammar {
    pub pattern: String,
    reader_patterns: Readers<String>,
    /// The readers, compiled on first use or by [`CountGrammar::prepare`]: they hold every number
    /// word and fraction, and took most of the time a grammar took to build, which a run that
    /// reads no article (`factlint rules`, `compare`) has no use for.
    readers: OnceLock<Readers<Regex>>,
    qualifiers: Vec<(Qualifier, Vec<String>)>,
    /// Vague amounts by their words in lower case, single-spaced ("scores of"), with their range.
    vague: HashMap<String, Option<(f64, f64)>>,
    /// `pattern`, compiled on first use by [`CountGrammar::scan`] or by [`CountGrammar::prepare`].
    finder: OnceLock<Twin>,
}

/// The regexes that read a phrase the finder found (or their patterns).
struct Readers<R> {
    reader: R,
    /// The most common shapes of `reader`'s phrases, a qualifier or none and then digits, a
    /// number word under a hundred, "single" or "half" ("at least 143", "twenty", "roughly
    /// half"), for which it gives the same
    /// captures: neither qualifiers nor signs hold a digit or a number word, so the qualifier is
    /// the same text either way. `reader` is large (every number word and fraction), and a
    /// captures search through it cost several times one through this.
    plain_reader: R,
    /// Two ends: "between 20 and 30", "from 20 to 30", "20 through 30", "20-30", "5k~20k".
    range: R,
    /// Two comparisons: "more than 10 and less than 20".
    comparisons: R,
}

impl Readers<String> {
    fn compile(&self) -> Readers<Regex> {
        let compile = |pattern: &str, what: &str| Regex::new(pattern).unwrap_or_else(|e| panic!("{what}: {e}"));
        Readers {
            reader: compile(&self.reader, "count reader regex"),
            plain_reader: compile(&self.plain_reader, "plain count reader regex"),
            range: compile(&self.range, "range reader regex"),
            comparisons: compile(&self.comparisons, "comparisons reader regex"),
        }
    }
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
        // Word boundaries that also hold beside a sign or a fraction character (".5", "¾").
        let (s, e) = (r"\b{start-half}", r"\b{end-half}");
        let mut sign_list: Vec<&str> = SIGNS.iter().map(|x| x.0).collect();
        sort_longest_first(&mut sign_list);
        // "< =" is "<=".
        let signs = format!(
            "(?:{})",
            sign_list
                .iter()
                .map(|x| x.chars().map(|c| regex::escape(&c.to_string())).collect::<Vec<_>>().join(r"\s*"))
                .collect::<Vec<_>>()
                .join("|")
        );
        let lead = format!(r"(?:{s}{qual}\s+|{signs}\s*)");
        let end = format!(r"{MINUS}?{s}(?:{num}){e}");
        let tight = alternatives(SUFFIXES.iter().map(|x| x.0));
        let dash_end = format!(r"[0-9][0-9,]*(?:\.[0-9]+)?(?-i:{tight})?");
        let dash = format!(r"(?:{dash_end}\s*[-–~]\s*{dash_end})");
        let to = r"\s+(?:to|through|thru)\s+";
        // "140-odd" is 140 and some: at least 140, as "140-plus".
        let suffix = r"(?:\s+or\s+(?:more|greater|above|so|less|fewer|below|equal(?:\s+to)?)\b|\+|-(?:plus|odd)\b)";
        // Digits joined by more than one dash, slash or dot are a code, a date or an address
        // ("+1-222-2222", "3/4/2024", "192.168.1.2"): matched whole, read as nothing.
        let code = format!(r"{s}[0-9]+(?:[-/.][0-9]+){{2,}}{e}");
        // Digits glued to letters are read whole or not at all: "10k" and "1.2M" are numbers,
        // "180.25ml" and "3rd" are not, and "180" is no part of them. (A lone "e" is a power.)
        let glued = format!(r"{s}[0-9]+(?:\.[0-9]+)?(?:[a-df-z][a-z]*|e[a-z]+){e}");
        // One number, qualified ("at least 30", "> 30", "30 or more"), or the first of two: "from
        // 20 to 30", "20 through 30", "more than 20 and less than 30".
        let one_or_two =
            format!(r"(?:{s}from\s+|{lead}{MINUS}?)?{s}(?:{num}){e}(?:(?:{JOINT}{lead}|{to}){end}|{suffix})?");
        let pattern = format!(
            r"(?:{code}|{s}(?:{qual}\s+)?between\s+{end}\s+and\s+{end}|{s}(?:{qual}\s+)?{dash}{e}|{glued}|{one_or_two}|{s}{vague_alt}{e})"
        );
        let signed = format!(r"{MINUS}?(?:{num})");
        let small = small_number_words();
        let comparison_lead = format!(r"(?:{qual}\s+|{signs}\s*)");
        let reader_patterns = Readers {
            reader: format!(
                r"(?i)^(?:(?P<qual>{qual})\s+|(?P<sign>{signs})\s*)?(?P<num>{signed})(?P<suffix>{suffix})?$"
            ),
            plain_reader: format!(r"(?i)^(?:(?P<qual>{qual})\s+)?(?P<num>{PLAIN_DIGITS}|{small}|single|half)$"),
            range: format!(
                r"(?i)^(?:{qual}\s+)?(?:between\s+(?P<a>{signed})\s+and\s+(?P<b>{signed})|(?:from\s+)?(?P<c>{signed}){to}(?P<d>{signed})|(?P<e>{dash_end})\s*[-–~]\s*(?P<f>{dash_end}))$"
            ),
            comparisons: format!(r"(?i)^(?P<p>{comparison_lead}{signed}){JOINT}(?P<q>{comparison_lead}{signed})$"),
        };
        let mut vague_by_words = HashMap::new();
        for (phrase, range) in vague {
            vague_by_words.entry(single_spaced(&phrase)).or_insert(range);
        }
        CountGrammar {
            pattern,
            reader_patterns,
            readers: OnceLock::new(),
            qualifiers,
            vague: vague_by_words,
            finder: OnceLock::new(),
        }
    }

    /// Compiles now what a scan compiles on first use: the finder (its ASCII twin) and the
    /// readers, side by side.
    pub fn prepare(&self) {
        rayon::join(|| self.finder(), || self.readers());
    }

    fn finder(&self) -> &Twin {
        self.finder.get_or_init(|| Twin::new(&format!("(?i){}", self.pattern)).expect("count pattern"))
    }

    fn readers(&self) -> &Readers<Regex> {
        self.readers.get_or_init(|| self.reader_patterns.compile())
    }

    /// Every count phrase in a text, in order, with its byte range and reading: the phrases that
    /// `{count}` in a rule would capture, without the rule's context.
    pub fn scan(&self, text: &str, t: &Thresholds) -> Vec<(Range<usize>, Count)> {
        let finder = self.finder().get(words_are_ascii(text));
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(found) = finder.find_at(text, at) {
            at = found.end();
            let opens_count = |rest: &str| finder.find(rest).is_some_and(|c| c.start() == 0);
            // "equal to 5000 or less than 6000": the number, then a second phrase from "less".
            let end = match suffix_opening_a_comparison(found.as_str(), &text[found.end()..], opens_count) {
                Some((number_end, resume)) => {
                    at = found.start() + resume;
                    found.start() + number_end
                }
                None => found.end(),
            };
            let (start, phrase) = (found.start(), &text[found.start()..end]);
            if pronoun_one(&text[..start], phrase) || asked(&text[..start], phrase) {
                continue;
            }
            let reading = (!changed_from(&text[..start], phrase))
                .then(|| self.read(phrase, t))
                .flatten()
                .filter(|_| !after_day_name(&text[..start], phrase));
            let Some(mut count) = reading else {
                // Two comparisons that make no range ("more than 40 and less than 10"), "5 to 4",
                // "March 1 to 2 people", or a change ("rose from 62 to 115"): each part is read
                // on its own.
                for part in self.parts(phrase) {
                    if let Some(count) = self.read(&phrase[part.clone()], t) {
                        out.push((start + part.start..start + part.end, count));
                    }
                }
                continue;
            };
            let mut range = start..end;
            if let Some(sign_at) = minus_sign(&text[..start]).filter(|_| opens_on_a_number(phrase)) {
                range.start = sign_at;
                count.stated = count.stated.map(|v| -v);
                (count.min, count.max) = (-count.max.unwrap_or(f64::INFINITY), Some(-count.min));
            }
            out.push((range, count));
        }
        out
    }

    /// The parts of a phrase that reads as nothing whole: two comparisons, "X to Y", or the digit
    /// runs of a code ("5/17/2018", "+1-222-2222").
    fn parts(&self, phrase: &str) -> Vec<Range<usize>> {
        if phrase.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'/' | b'.')) {
            let runs = phrase.split(['-', '/', '.']).scan(0, |at, run| {
                let start = *at;
                *at += run.len() + 1;
                Some(start..start + run.len())
            });
            return runs.filter(|r| !r.is_empty()).collect();
        }
        let captured = |c: regex::Captures, a: &str, b: &str| -> Vec<Range<usize>> {
            [a, b].iter().filter_map(|n| c.name(n)).map(|m| m.range()).collect()
        };
        if let Some(c) = self.readers().comparisons.captures(phrase) {
            return captured(c, "p", "q");
        }
        if let Some(c) = self.readers().range.captures(phrase) {
            return captured(c, "c", "d");
        }
        // "3 hundred and 2 hundred", "12 out of 10", "81, and at least 300" (the comma is no
        // part of the first).
        let lower = phrase.to_ascii_lowercase();
        [" and ", " out of ", " over "]
            .iter()
            .find_map(|w| {
                lower.rfind(w).map(|at| vec![0..phrase[..at].trim_end_matches(',').len(), at + w.len()..phrase.len()])
            })
            .unwrap_or_default()
    }

    /// The interval a count phrase states, with its ends as written: "more than 30" is (30, ∞),
    /// "at least 30" [30, ∞), "between 20 and 30" [20, 30], "more than 20 and at most 30" (20,
    /// 30], "30" [30, 30]. None for vague amounts, "nearly" and "about", which state no interval.
    pub fn bounds(&self, text: &str) -> Option<Bounds> {
        let norm = normalise(text);
        if self.vague_of(&norm).is_some() {
            return None;
        }
        if let Some(b) = self.two_sided(&norm) {
            return Some(b);
        }
        let (qualifier, n) = self.single(&norm)?;
        one_sided(qualifier, n)
    }

    /// Reads a count phrase (as matched by `pattern`) into its interval.
    pub fn read(&self, text: &str, t: &Thresholds) -> Option<Count> {
        // Most counts in news are bare digits ("84", "2015", "1,500"): a number, nothing to parse.
        if let Some(n) = bare_digits(text) {
            return Some(interval(Qualifier::Exact, n, t));
        }
        let norm = normalise(text);
        if let Some(c) = self.vague_of(&norm) {
            return Some(c);
        }
        if let Some(b) = self.two_sided(&norm) {
            let (lo, hi) = (b.lo?, b.hi?);
            // Counts are whole: "more than 10 and less than 20" is 11 to 19.
            let step = |v: f64| if v.fract() == 0.0 { 1.0 } else { 0.0 };
            let min = if lo.closed { lo.value } else { lo.value + step(lo.value) };
            let max = if hi.closed { hi.value } else { hi.value - step(hi.value) };
            return Some(Count {
                qualifier: Qualifier::Range,
                stated: Some(lo.value),
                min,
                max: Some(max),
                word: None,
                unit: None,
            });
        }
        let (qualifier, n) = self.single(&norm)?;
        Some(interval(qualifier, n, t))
    }

    fn vague_of(&self, norm: &str) -> Option<Count> {
        let lower = norm.to_lowercase();
        let range = self.vague.get(&lower)?;
        Some(match range {
            Some((lo, hi)) => Count {
                qualifier: Qualifier::Vague,
                stated: None,
                min: *lo,
                max: Some(*hi),
                word: Some(lower),
                unit: None,
            },
            None => Count {
                qualifier: Qualifier::Unbounded,
                stated: None,
                min: 1.0,
                max: None,
                word: Some(lower),
                unit: None,
            },
        })
    }

    /// A range with two ends, named ("between 20 and 30") or made of two comparisons ("more than
    /// 20 and less than 30"). None when the ends do not make a range ("5 to 4", "1995-01").
    fn two_sided(&self, norm: &str) -> Option<Bounds> {
        if let Some(c) = self.readers().range.captures_if_any(norm) {
            let end = |name: &str| c.name(name).and_then(|m| signed_number(m.as_str()));
            let (lo, hi) = if let (Some(a), Some(b)) = (end("a"), end("b")) {
                // "between 30 and 20" says the same as "between 20 and 30".
                (a.min(b), a.max(b))
            } else {
                let (a, b) = (end("c").or(end("e"))?, end("d").or(end("f"))?);
                if a >= b {
                    return None;
                }
                (a, b)
            };
            let closed = |value: f64| Some(Bound { value, closed: true });
            return Some(Bounds { lo: closed(lo), hi: closed(hi), two_ends: true });
        }
        let c = self.readers().comparisons.captures_if_any(norm)?;
        let side = |name: &str| self.single(&c[name]).and_then(|(q, n)| one_sided(q, n));
        let (lo, hi) = match (side("p")?, side("q")?) {
            (Bounds { lo: Some(lo), hi: None, .. }, Bounds { lo: None, hi: Some(hi), .. })
            | (Bounds { lo: None, hi: Some(hi), .. }, Bounds { lo: Some(lo), hi: None, .. }) => (lo, hi),
            _ => return None,
        };
        (lo.value < hi.value).then_some(Bounds { lo: Some(lo), hi: Some(hi), two_ends: false })
    }

    /// One number with its qualifier: "at least 30", "> 30", "30 or more", "less than 30 or equal".
    fn single(&self, norm: &str) -> Option<(Qualifier, f64)> {
        // A number alone ("one", "eighty-four"): with no white space there is no room for a
        // qualifier, so the plain reader's `num` is the whole phrase, and its DFA alone can tell
        // whether it reads it, without a capture search.
        if !norm.contains(char::is_whitespace) && self.readers().plain_reader.is_match(norm) {
            return Some((Qualifier::Exact, signed_number(norm)?));
        }
        // A qualifier and digits ("at least 143"): no qualifier holds a digit, so the plain
        // reader's `qual` is all before the digits and its `num` the digits.
        if let Some((qualifier, digits)) = norm.rsplit_once(' ')
            && qualifier.is_ascii()
            && !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && let Some(q) = self.qualifier_of(qualifier)
        {
            return Some((q, digits.parse().ok()?));
        }
        self.single_captured(norm)
    }

    /// What [`CountGrammar::single`] reads, from the readers' captures.
    fn single_captured(&self, norm: &str) -> Option<(Qualifier, f64)> {
        let c = self.readers().plain_reader.captures(norm).or_else(|| self.readers().reader.captures(norm))?;
        let n = signed_number(&c["num"])?;
        let mut qualifier = match (c.name("qual"), c.name("sign")) {
            (Some(q), _) => self.qualifier_of(q.as_str())?,
            (None, Some(s)) => {
                let s: String = s.as_str().split_whitespace().collect();
                SIGNS.iter().find(|x| x.0 == s)?.1?
            }
            (None, None) => Qualifier::Exact,
        };
        if let Some(s) = c.name("suffix") {
            let s = s.as_str().trim().to_lowercase();
            qualifier = if s.contains("equal") {
                match qualifier {
                    Qualifier::MoreThan => Qualifier::AtLeast,
                    Qualifier::LessThan => Qualifier::AtMost,
                    other => other,
                }
            } else if s.ends_with("so") {
                Qualifier::About
            } else if s.ends_with("less") || s.ends_with("fewer") || s.ends_with("below") {
                Qualifier::AtMost
            } else {
                Qualifier::AtLeast
            };
        }
        Some((qualifier, n))
    }

    fn qualifier_of(&self, phrase: &str) -> Option<Qualifier> {
        let phrase = single_spaced_lowercase(phrase);
        self.qualifiers.iter().find(|(_, words)| words.contains(&phrase)).map(|(q, _)| *q)
    }
}

/// Narrow and no-break spaces group thousands ("1 234 567"); other white space is one space.
fn normalise(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The value of digits alone, in groups of three after the first where commas part them
/// ("84", "1,500"); None for anything else.
fn bare_digits(text: &str) -> Option<f64> {
    let mut groups = text.split(',');
    let first = groups.next()?;
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let grouped = groups.clone().all(|g| g.len() == 3 && digits(g)) && (first.len() <= 3 || !text.contains(','));
    if text.len() > 15 || !digits(first) || !grouped {
        return None;
    }
    text.replace(',', "").parse().ok()
}

/// The interval of one qualified number; None for qualifiers that state none ("nearly").
fn one_sided(qualifier: Qualifier, n: f64) -> Option<Bounds> {
    let b = |value: f64, closed: bool| Some(Bound { value, closed });
    Some(match qualifier {
        Qualifier::Exact => Bounds { lo: b(n, true), hi: b(n, true), two_ends: false },
        Qualifier::AtLeast => Bounds { lo: b(n, true), hi: None, two_ends: false },
        Qualifier::MoreThan => Bounds { lo: b(n, false), hi: None, two_ends: false },
        Qualifier::AtMost => Bounds { lo: None, hi: b(n, true), two_ends: false },
        Qualifier::LessThan => Bounds { lo: None, hi: b(n, false), two_ends: false },
        Qualifier::Range | Qualifier::Nearly | Qualifier::About | Qualifier::Vague | Qualifier::Unbounded => {
            return None;
        }
    })
}

/// A number with an optional minus sign or word before it: "-30", "negative ten".
fn signed_number(text: &str) -> Option<f64> {
    let lower = text.trim().to_lowercase();
    let rest = ["minus", "negative", "-", "−"].iter().find_map(|m| lower.strip_prefix(m));
    match rest {
        Some(rest) => parse_number(rest.trim()).map(|v| -v),
        None => parse_number(text.trim()),
    }
}

/// "March 1 to 2 people", "Saturday 3 to 5": a day of the month after a capitalised word (a month
/// or a weekday) starts a date, not a range of counts.
fn after_day_name(before: &str, phrase: &str) -> bool {
    let capitalised = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| w.len() > 1 && w.starts_with(|c: char| c.is_uppercase()) && before.ends_with(' '));
    let day =
        phrase.split_whitespace().next().and_then(|w| w.parse::<u32>().ok()).is_some_and(|d| (1..=31).contains(&d));
    capitalised
        && day
        && phrase
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "to" | "through" | "thru"))
}

/// "The toll rose from 62 to 115", "revised down from 150 to 140": "from X to Y" after a verb of
/// change is one figure replaced by another, two counts, not a range.
fn changed_from(before: &str, phrase: &str) -> bool {
    const CHANGES: &[&str] = &[
        "rose",
        "risen",
        "rises",
        "rising",
        "climbed",
        "climbing",
        "increased",
        "jumped",
        "grew",
        "fell",
        "fallen",
        "dropped",
        "decreased",
        "declined",
        "revised",
        "raised",
        "lowered",
        "up",
        "down",
    ];
    phrase.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("from ")) && last_word_is_one_of(before, CHANGES)
}

/// Whether the last word of `before` is one of `words` (lowercase), in any case.
fn last_word_is_one_of(before: &str, words: &[&str]) -> bool {
    before.split_whitespace().next_back().is_some_and(|w| words.iter().any(|v| w.eq_ignore_ascii_case(v)))
}

/// "How many people died?": an amount asked after is none.
fn asked(before: &str, phrase: &str) -> bool {
    let word = phrase.split_whitespace().next().unwrap_or("");
    (word.eq_ignore_ascii_case("many") || word.eq_ignore_ascii_case("much")) && last_word_is_one_of(before, &["how"])
}

/// "the one you mentioned", "which one": "one" after a determiner is a pronoun, not a number.
fn pronoun_one(before: &str, matched: &str) -> bool {
    const DETERMINERS: &[&str] = &["the", "this", "that", "which", "each", "every", "any", "no", "another", "what"];
    matched.eq_ignore_ascii_case("one") && last_word_is_one_of(before, DETERMINERS)
}

/// "5000 or less than 6000", "200 or greater than 190", "more than 5000 or equal to 6000": the
/// phrase ends in "or less", "or greater", "or equal to", which here open a second comparison
/// (a count follows, `opens_count`), not a suffix of the first number ("200 or greater", "200 or
/// greater than"). Returns where the first phrase ends and where the second starts, both within
/// `phrase`.
fn suffix_opening_a_comparison(
    phrase: &str,
    after: &str,
    opens_count: impl Fn(&str) -> bool,
) -> Option<(usize, usize)> {
    static SUFFIX: OnceLock<(Regex, Regex)> = OnceLock::new();
    let (suffix, than) = SUFFIX.get_or_init(|| {
        (
            Regex::new(r"(?i)\s+or\s+(?P<word>more|greater|above|less|fewer|below|(?P<equal>equal(?:\s+to)?))$")
                .expect("a suffix"),
            Regex::new(r"(?i)^\s+than\s+").expect("than"),
        )
    });
    let c = suffix.captures_if_any(phrase)?;
    let count_at = if c.name("equal").is_some() { after.trim_start() } else { &after[than.find(after)?.end()..] };
    opens_count(count_at).then(|| (c.get(0).expect("whole").start(), c.name("word").expect("word").start()))
}

/// Whether a count phrase starts with its number ("5", ".5", "three hundred") rather than a qualifier
/// ("at least 233"): only a number takes a minus sign.
fn opens_on_a_number(phrase: &str) -> bool {
    let first_word = phrase.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    phrase.starts_with(|c: char| c.is_ascii_digit() || c == '.') || simple_number(first_word).is_some()
}

/// Where a minus sign before a number starts, if the text right before the number is one: "-5",
/// "(-5)", "minus 5", "negative five", and "- 5" with nothing before the sign. A hyphen joined to
/// a word ("COVID-19") is no sign, nor is a dash between words, as after a wire dateline
/// ("(Reuters) - 5 people died") or in "(- 12 dead)".
fn minus_sign(before: &str) -> Option<usize> {
    let trimmed = before.trim_end();
    if let Some(rest) = trimmed.strip_suffix(['-', '−']) {
        let opening = rest.trim_end().ends_with(['(', '[']);
        let joined = !opening && rest.chars().next_back().is_some_and(|c| !c.is_whitespace());
        let spaced_after = trimmed.len() != before.len();
        let alone = rest.trim_end().is_empty() && before.ends_with(' ');
        return (!joined && (!spaced_after || alone)).then_some(rest.len());
    }
    let word_start = trimmed.char_indices().rfind(|(_, c)| !c.is_alphabetic()).map_or(0, |(i, c)| i + c.len_utf8());
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
    Count { qualifier, stated: Some(n), min, max, word: None, unit: None }
}

/// A count of a unit of length or area (`size` of `unit`, "m" or "ha", in one), read in metres or
/// hectares. A measure, unlike a head count, is rounded as written: "3.2" is 3.15 to 3.25 and "40"
/// 39.5 to 40.5, so "10 feet" agrees with "3 metres"; the zeros of a figure of thousands round it
/// to its first two digits ("35,000 acres" is 34,500 to 35,500, and agrees with "14,200
/// hectares"; "14,000 acres" does not); "about" widens that to a tenth either side when a tenth is
/// more ("about 40" is 36 to 44). None for a vague amount: "dozens of metres" gives no length.
pub fn measure(c: &Count, phrase: &str, size: f64, unit: &str, t: &Thresholds) -> Option<Count> {
    let n = c.stated?;
    let digits = phrase
        .rsplit(|ch: char| !(ch.is_ascii_digit() || ch == '.' || ch == ','))
        .find(|run| run.bytes().any(|b| b.is_ascii_digit()))
        .unwrap_or("");
    let decimals = digits.split_once('.').map_or(0, |(_, fraction)| fraction.len() as i32);
    let whole: String = digits.chars().filter(char::is_ascii_digit).collect();
    let zeros = if decimals == 0 && whole.len() >= 4 {
        (whole.len() - whole.trim_end_matches('0').len()).min(whole.len() - 2) as i32
    } else {
        0
    };
    let half = 0.5 * 10f64.powi(zeros - decimals);
    let (min, max) = match c.qualifier {
        Qualifier::Exact => (n - half, Some(n + half)),
        Qualifier::About => {
            let slack = (n * t.about_tolerance).max(half);
            (n - slack, Some(n + slack))
        }
        Qualifier::Nearly => ((n * (1.0 - t.nearly_tolerance)).min(n - half), Some(n)),
        Qualifier::AtLeast | Qualifier::MoreThan => (n, None),
        Qualifier::AtMost | Qualifier::LessThan => (0.0, Some(n)),
        Qualifier::Range => (c.min, c.max),
        Qualifier::Vague | Qualifier::Unbounded => return None,
    };
    // To the millionth: "10.5 feet" is 3.2004 m, not 3.2004000000000001.
    let in_unit = |v: f64| (v * size * 1e6).round() / 1e6;
    Some(Count {
        qualifier: c.qualifier,
        stated: Some(in_unit(n)),
        min: in_unit(min.max(0.0)),
        max: max.map(in_unit),
        word: None,
        unit: Some(unit.to_string()),
    })
}

/// Parses a number written in digits or words: "2,000", "1.5 million", "eighty-four",
/// "one hundred and twenty", "half a dozen", "a thousand", "10k", "three lakh crore",
/// "two point five", "two thirds", "five and a half million", "3/4", "1.3e6".
pub fn parse_number(text: &str) -> Option<f64> {
    simple_number(text).or_else(|| parse_any_number(text))
}

/// The commonest numbers, digits alone ("143") or one number word ("one", "Twenty"), read
/// without the general parser's allocations, as it reads them (a test holds the two equal). The
/// words are ASCII and hold no "k" (the Kelvin sign lowercases to one), so an ASCII
/// case-insensitive match is a match of the lowercased text.
fn simple_number(text: &str) -> Option<f64> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok();
    }
    if let Some(i) = UNITS.iter().position(|u| u.eq_ignore_ascii_case(text)) {
        return Some(i as f64);
    }
    TENS.iter().position(|t| t.eq_ignore_ascii_case(text)).map(|i| 20.0 + 10.0 * i as f64)
}

fn parse_any_number(text: &str) -> Option<f64> {
    if let Some(v) = symbolic(text) {
        return Some(v);
    }
    let lower = text.to_lowercase();
    for word in [" over ", " out of "] {
        if let Some((numerator, denominator)) = lower.split_once(word) {
            // "12 out of 10" is two numbers, not a share.
            let (n, d) = (parse_number(numerator)?, parse_number(denominator)?);
            return (n < d).then_some(n / d);
        }
    }
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
    let value = if let Some(i) = tokens.iter().rposition(|t| denominator_of(t).is_some()) {
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

/// Numbers written with signs: "3/4", "1 3/4", "¾", "2½", "1.3x10^6", "1.1^23", "2.5^-1",
/// "1 234 567". (E-notation, "1.3e6", is read as digits.)
fn symbolic(text: &str) -> Option<f64> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let last = text.chars().next_back()?;
    if let Some(&(_, part)) = VULGAR_FRACTIONS.iter().find(|v| v.0 == last) {
        let whole = text[..text.len() - last.len_utf8()].trim();
        return Some(if whole.is_empty() { part } else { whole.parse::<f64>().ok()? + part });
    }
    if let Some((numerator, denominator)) = words.last()?.split_once('/') {
        let (n, d): (f64, f64) = (numerator.parse().ok()?, denominator.parse().ok()?);
        return match words[..] {
            [_] if d != 0.0 => Some(n / d),
            // "1 3/4": a whole number and a proper fraction.
            [whole, _] if n < d => Some(whole.parse::<f64>().ok()? + n / d),
            _ => None,
        };
    }
    let compact: String = words.concat().to_lowercase();
    // "1.3e6", "12e-1" (a number that starts with a digit, not "inf" or "nan").
    if compact.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && let Ok(v) = compact.parse::<f64>()
    {
        return Some(v);
    }
    if let Some((base, exponent)) = compact.split_once('^') {
        // "--23": every minus flips the sign.
        let minuses = exponent.chars().take_while(|c| matches!(c, '+' | '-')).filter(|c| *c == '-').count();
        let e: f64 = exponent.trim_start_matches(['+', '-']).parse().ok()?;
        let e = if minuses % 2 == 1 { -e } else { e };
        return match base.split_once(['x', '×', '*']) {
            Some((mantissa, "10")) => Some(mantissa.parse::<f64>().ok()? * 10f64.powf(e)),
            Some(_) => None,
            None => Some(base.parse::<f64>().ok()?.powf(e)),
        };
    }
    // "1 234 567": three-digit groups after the first, at least two of them (one alone is too
    // often two numbers: "March 22 143 people").
    let grouped = words.len() >= 3
        && words[0].len() <= 3
        && words.iter().all(|w| w.bytes().all(|b| b.is_ascii_digit()))
        && words[1..].iter().all(|w| w.len() == 3);
    grouped.then(|| compact.parse().ok()).flatten()
}

fn scale_of(word: &str) -> Option<f64> {
    SCALES.iter().find(|s| s.0 == word).map(|s| s.1)
}

fn multiple_of(word: &str) -> Option<f64> {
    MULTIPLES.iter().find(|s| s.0 == word).map(|s| s.1)
}

/// The denominator a fraction word names ("thirds" → 3, "firsts" → 1 in "twenty-firsts").
fn denominator_of(word: &str) -> Option<f64> {
    FRACTIONS.iter().chain(COMPOUND_ONLY_FRACTIONS).find(|s| s.0 == word).map(|s| s.1)
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
/// "three lakh crore", "three hundred and two dozens", "one twenty two".
fn cardinal(tokens: &[String]) -> Option<f64> {
    let mut total = 0.0;
    let mut current: Option<f64> = None;
    // The part of `current` said since the last multiplier ("two" in "three hundred and two").
    let mut last_small: Option<f64> = None;
    let mut half = false;
    let mut previous: Option<&str> = None;
    // The last multiplier, and whether "and" came after it: "3 hundred and 2 hundred" is two
    // numbers, not one.
    let mut last_multiplier: Option<f64> = None;
    let mut and_since = false;
    for tok in tokens {
        let tok = tok.as_str();
        let digits = tok.replace([',', '\u{a0}', '\u{202f}', '\u{2009}'], "");
        let unit = UNITS.iter().position(|u| *u == tok);
        let ten = TENS.iter().position(|u| *u == tok).map(|i| 20.0 + 10.0 * i as f64);
        let small = if let Ok(v) = digits.parse::<f64>() {
            Some(v)
        } else if let Some(i) = unit {
            Some(i as f64)
        } else if ZEROS.contains(&tok) {
            Some(0.0)
        } else {
            ten
        };
        // "one twenty two": a digit word right before a tens word says hundreds.
        let hundreds = ten.is_some()
            && previous.and_then(|p| UNITS.iter().position(|u| *u == p)).is_some_and(|u| (1..10).contains(&u));
        previous = Some(tok);
        if let Some(v) = small {
            if hundreds {
                let digit = last_small.unwrap_or(0.0);
                current = Some(current.unwrap_or(0.0) + digit * 99.0 + v);
                last_small = Some(digit * 100.0 + v);
            } else {
                current = Some(current.unwrap_or(0.0) + v);
                last_small = Some(last_small.unwrap_or(0.0) + v);
            }
        } else if tok == "and" {
            and_since = true;
            continue;
        } else if matches!(tok, "a" | "an" | "single") {
            current = Some(current.unwrap_or(0.0).max(1.0));
            last_small = Some(1.0);
        } else if tok == "half" {
            half = true;
        } else if let Some(m) = multiple_of(tok) {
            let c = current.unwrap_or(1.0).max(1.0);
            current = Some(match last_small {
                Some(s) => c - s + s * m,
                None => c * m,
            });
            last_small = None;
        } else if and_since && scale_of(tok).is_some() && last_multiplier == scale_of(tok) {
            return None;
        } else if tok == "hundred" || tok == "hundreds" {
            current = Some(current.unwrap_or(1.0).max(1.0) * 100.0);
            last_small = None;
            (last_multiplier, and_since) = (Some(1e2), false);
        } else if let Some(scale) = scale_of(tok) {
            match current {
                // "three lakh crore", "three thousand millions": a scale right after a scale
                // multiplies what came before.
                None if total > 0.0 => total *= scale,
                _ => total += current.unwrap_or(1.0).max(1.0) * scale,
            }
            current = None;
            last_small = None;
            (last_multiplier, and_since) = (Some(scale), false);
        } else {
            return None;
        }
    }
    let value = total + current.unwrap_or(0.0);
    Some(if half { value / 2.0 } else { value })
}

/// A fraction whose (last) denominator word is `tokens[at]`: "two thirds", "one hundred and three
/// quarters" (100 + 3/4), "one hundred and thirty fifths" (130/5), "one hundred thirty-fifths"
/// (100/35), "one one hundred fifth" (1/105), "five and a half million" ((5 + 1/2) × 10⁶), "three
/// million and a half" (3.5 × 10⁶), "one billion and three quarters million" (10⁹ + 3/4 × 10⁶),
/// "two thirds of a million", "half million".
fn fraction(tokens: &[String], at: usize) -> Option<f64> {
    let word = |i: usize| tokens.get(i).map(String::as_str);
    let last = tokens[at].as_str();
    let mut denominator = denominator_of(last)?;
    let mut start = at;
    // A tens word before a unit's ordinal belongs to the denominator ("twenty-firsts"), unless
    // "and" ties it to the numerator ("one hundred and thirty fifths") or nothing precedes it.
    if denominator < 10.0
        && let Some(ten) = start.checked_sub(1).and_then(word).and_then(|w| TENS.iter().position(|t| *t == w))
        && start >= 2
        && word(start - 2) != Some("and")
    {
        denominator += 20.0 + 10.0 * ten as f64;
        start -= 1;
    }
    // "one hundred fifth", "one thousand fifths" after a numerator: one denominator.
    let and = usize::from(start >= 1 && word(start - 1) == Some("and"));
    if denominator < 100.0
        && start >= 3 + and
        && let Some(scale) = word(start - 1 - and).and_then(scale_of).filter(|s| *s == 1e2 || *s == 1e3)
        && word(start - 2 - and) == Some("one")
    {
        denominator += scale;
        start -= 2 + and;
    }
    let head = &tokens[..start];
    let tail: Vec<&String> = tokens[at + 1..].iter().filter(|t| !matches!(t.as_str(), "of" | "a" | "an")).collect();
    let multiplier = |t: &str| multiple_of(t).or_else(|| scale_of(t));
    let mut scale = tail.iter().try_fold(1.0, |acc, t| Some(acc * multiplier(t)?))?;
    // After the last "and" comes the fraction's numerator when it is smaller than the
    // denominator ("two and fifty-four hundredths"); otherwise the whole head is the numerator
    // ("one hundred and thirty fifths").
    let numerator_of = |words: &[String]| if words.is_empty() { Some(1.0) } else { cardinal(words) };
    let mixed = head.iter().rposition(|t| t == "and").and_then(|i| {
        let n = numerator_of(&head[i + 1..])?;
        (n < denominator).then_some((i, n))
    });
    let (whole, numerator, whole_words) = match mixed {
        Some((i, n)) => (cardinal(&head[..i])?, n, &head[..i]),
        None => (0.0, numerator_of(head)?, &head[..0]),
    };
    // "three million and a half": the half is of the last scale.
    if scale == 1.0
        && let Some(s) = whole_words.last().and_then(|w| scale_of(w)).filter(|s| *s >= 1e3)
    {
        scale = s;
    }
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

/// A short reading of a count for reports: "84", "≥ 143", "> 62", "90–99 (nearly 100)", "3.2 m".
pub fn reading(c: &Count) -> String {
    let word = c.word.as_deref().unwrap_or("");
    let (n, unit) = display_unit(c);
    let stated = c.stated.map(&n).unwrap_or_default() + &unit;
    let span = format!("{}–{}{unit}", n(c.min), c.max.map(&n).unwrap_or_default());
    match c.qualifier {
        Qualifier::Exact => stated,
        Qualifier::AtLeast => format!("≥ {stated}"),
        Qualifier::MoreThan => format!("> {stated}"),
        Qualifier::AtMost => format!("≤ {stated}"),
        Qualifier::LessThan => format!("< {stated}"),
        Qualifier::Nearly => format!("{span} (nearly {stated})"),
        Qualifier::About => format!("≈ {stated} ({span})"),
        Qualifier::Range if word.is_empty() => span,
        Qualifier::Range | Qualifier::Vague => format!("{span} ({word})"),
        Qualifier::Unbounded => format!("unbounded ({word})"),
    }
}

/// The reading as a message lists it: "≥ 143", "nearly 100", "about 4 m", "dozens".
pub fn short_reading(c: &Count) -> String {
    let (n, unit) = display_unit(c);
    let stated = n(c.stated.unwrap_or(c.min)) + &unit;
    match c.qualifier {
        Qualifier::Nearly => format!("nearly {stated}"),
        Qualifier::About => format!("about {stated}"),
        Qualifier::Vague | Qualifier::Unbounded => c.word.clone().unwrap_or_default(),
        _ => reading(c),
    }
}

/// How a count's numbers are written and the unit after them: a length of a kilometre or more in
/// kilometres ("17 km", not "17,000 m"), to the thousandth (50 miles is 80.467 km, not
/// 80.46719999999999); an area of a hundred hectares or more to the hectare (48,000 acres is
/// 19,425 ha); a head count as it is.
fn display_unit(c: &Count) -> (impl Fn(f64) -> String, String) {
    let size = c.stated.unwrap_or(c.min);
    let (scale, parts, unit) = match c.unit.as_deref() {
        Some("m") if size >= 1000.0 => (Some(1000.0), 1000.0, " km".to_string()),
        Some("ha") if size >= 100.0 => (Some(1.0), 1.0, " ha".to_string()),
        Some(u) => (Some(1.0), 1000.0, format!(" {u}")),
        None => (None, 1.0, String::new()),
    };
    let written = move |v: f64| match scale {
        Some(scale) => format_number((v / scale * parts).round() / parts),
        None => format_number(v),
    };
    (written, unit)
}

/// "2000" → "2,000", "-233" → "-233"; "1.5" stays.
pub fn format_number(v: f64) -> String {
    if v.fract() != 0.0 {
        return format!("{v}");
    }
    let s = format!("{}", (v as i64).unsigned_abs());
    let mut out = String::from(if v < 0.0 { "-" } else { "" });
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
    use crate::extract::with_capital_first;

    #[test]
    fn a_grammar_compiles_its_readers_on_first_use_or_when_prepared() {
        let (lazy, prepared) = (CountGrammar::new(&Lexicon::builtin()), CountGrammar::new(&Lexicon::builtin()));
        assert!(lazy.readers.get().is_none() && lazy.finder.get().is_none(), "building a grammar compiles neither");
        prepared.prepare();
        assert!(prepared.readers.get().is_some() && prepared.finder.get().is_some());
        let t = Thresholds::default();
        let text = "At least 143 people died and between 20 and 30 were hurt; more than 10 and less than 20 fled.";
        let found = lazy.scan(text, &t);
        assert!(lazy.readers.get().is_some(), "a scan compiles the readers");
        let readings: Vec<(&str, String)> = found.iter().map(|(r, c)| (&text[r.clone()], reading(c))).collect();
        assert_eq!(
            readings,
            [
                ("At least 143", "≥ 143".to_string()),
                ("between 20 and 30", "20–30".to_string()),
                ("more than 10 and less than 20", "11–19".to_string())
            ]
        );
        assert_eq!(found, prepared.scan(text, &t));
    }

    /// The trie finds what the plain alternation of the same words finds, at every place of a
    /// text, whatever follows: a longer word before the shorter it begins ("seventeen", "seven"),
    /// and a shorter one where only it lets the rest match ("seven teens").
    #[test]
    fn word_trie_matches_as_the_plain_alternation() {
        let lists: [&[&str]; 4] =
            [UNITS, TENS, &SCALES.iter().map(|s| s.0).collect::<Vec<_>>(), &["a", "an", "and", "ant", "b", ""]];
        let texts = [
            "seventeen",
            "seven teens",
            "seventy-one",
            "eleven hundreds",
            "an ant and a b",
            "millions",
            "lakh crore",
            "nought",
        ];
        for words in lists {
            let mut sorted = words.to_vec();
            sorted.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
            let plain = format!("(?:{})", sorted.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|"));
            let trie = alternatives(words.iter().copied());
            assert_ne!(plain, trie, "a trie shares the words' beginnings");
            // Followed by something, so that a shorter word must sometimes give way to a longer.
            for tail in ["", r"\s+teens", r"[\s-]+one", r"\s+and"] {
                let (p, t) = (
                    Regex::new(&format!("(?i){plain}{tail}")).unwrap(),
                    Regex::new(&format!("(?i){trie}{tail}")).unwrap(),
                );
                for text in texts {
                    let found = |re: &Regex| re.find_iter(text).map(|m| m.range()).collect::<Vec<_>>();
                    assert_eq!(found(&p), found(&t), "{trie}{tail} on {text:?}");
                }
            }
        }
    }

    fn read(text: &str) -> Count {
        let g = CountGrammar::new(&Lexicon::builtin());
        let re = Regex::new(&format!("(?i)^{}$", g.pattern)).unwrap();
        assert!(re.is_match(text), "the count pattern does not match {text:?}");
        g.read(text, &Thresholds::default()).unwrap_or_else(|| panic!("cannot read {text:?}"))
    }

    #[test]
    fn bare_digits_read_as_the_reader_reads_them() {
        let g = CountGrammar::new(&Lexicon::builtin());
        let t = Thresholds::default();
        for digits in
            ["0", "7", "84", "007", "2015", "100000", "123456789012345", "1,500", "12,345,678", "1,50", "1500,000"]
        {
            let by_reader = g.single(&normalise(digits)).map(|(qualifier, n)| interval(qualifier, n, &t));
            assert_eq!(g.read(digits, &t), by_reader, "{digits}");
        }
    }

    /// `single` tries the small reader first; it must take exactly the phrases, and give exactly
    /// the captures, the full reader would.
    #[test]
    fn plain_reader_agrees_with_the_full_reader() {
        let g = CountGrammar::new(&Lexicon::builtin());
        let number_words: Vec<&str> = UNITS.iter().chain(TENS).chain(ZEROS).copied().collect();
        for (_, phrases) in &g.qualifiers {
            for q in phrases {
                let words = normalise(q);
                assert!(
                    !words.bytes().any(|b| b.is_ascii_digit())
                        && !words.split_whitespace().any(|w| number_words.contains(&w)),
                    "qualifier {q:?} holds a number, so the plain reader could split it differently"
                );
            }
        }
        let numbers = [
            "143",
            "2,000",
            "1.5",
            ".5",
            "12,34,567",
            "1 234 567",
            "1\u{202f}234",
            "007",
            "seven",
            "zero",
            "nil",
            "eighty-four",
            "Twenty one",
            "ninety  nine",
            "eleven",
            "forty-",
            "single",
            "half",
            "a half",
            "halves",
        ];
        let qualifiers = g.qualifiers.iter().flat_map(|(_, v)| v.iter().map(|q| normalise(q)));
        for qualifier in std::iter::once(String::new()).chain(qualifiers) {
            for number in numbers {
                let phrase = if qualifier.is_empty() { number.to_string() } else { format!("{qualifier} {number}") };
                let norm = normalise(&phrase);
                let groups = |c: Option<regex::Captures>| {
                    c.map(|c| ["qual", "sign", "num", "suffix"].map(|n| c.name(n).map(|m| m.as_str().to_string())))
                };
                let plain = groups(g.readers().plain_reader.captures(&norm));
                if plain.is_some() {
                    assert_eq!(plain, groups(g.readers().reader.captures(&norm)), "{phrase:?}");
                }
            }
        }
        assert!(g.readers().plain_reader.is_match("at least 143") && g.readers().plain_reader.is_match("eighty-four"));
    }

    #[test]
    fn a_number_alone_reads_as_the_captures_read_it() {
        let g = CountGrammar::new(&Lexicon::builtin());
        let words = UNITS.iter().chain(TENS).chain(ZEROS).copied();
        let others = [
            "eighty-four",
            "Twenty-One",
            "SEVEN",
            "single",
            "half",
            "Half",
            "halves",
            "forty-",
            "-5",
            "−7",
            "+5",
            "minus",
            "1,500",
            "1.5",
            ".5",
            "007",
            "10k",
            "5+",
            "140-odd",
            "140-plus",
            "dozens",
            "twentyone",
            "1\u{a0}234",
            "one\u{a0}two",
            "~5",
            ">5",
            "between",
        ];
        for phrase in words.chain(others) {
            assert_eq!(g.single(phrase), g.single_captured(phrase), "{phrase:?}");
        }
        assert_eq!(g.single("eighty-four"), Some((Qualifier::Exact, 84.0)));
    }

    #[test]
    fn a_qualifier_and_digits_read_as_the_captures_read_them() {
        let g = CountGrammar::new(&Lexicon::builtin());
        let qualifiers = g.qualifiers.iter().flat_map(|(_, v)| v.iter().map(|q| normalise(q)));
        let mut read = 0;
        for qualifier in qualifiers {
            for q in [qualifier.clone(), with_capital_first(&qualifier), qualifier.to_uppercase()] {
                for digits in ["143", "7", "007", "2015", "1,500", "1.5", "12 000"] {
                    let phrase = format!("{q} {digits}");
                    assert_eq!(g.single(&phrase), g.single_captured(&phrase), "{phrase:?}");
                    read += usize::from(g.single(&phrase).is_some());
                }
            }
        }
        assert!(read > 100, "the qualifiers read: {read}");
        for phrase in ["at  least 143", "more than 60 000", "people 143", "nearly\u{a0}100", "at least -5"] {
            assert_eq!(g.single(phrase), g.single_captured(phrase), "{phrase:?}");
        }
        assert_eq!(g.single("At least 143"), Some((Qualifier::AtLeast, 143.0)));
    }

    #[test]
    fn simple_numbers_read_as_the_general_parser_reads_them() {
        let words = UNITS.iter().chain(TENS).flat_map(|w| [w.to_string(), with_capital_first(w), w.to_uppercase()]);
        let digits = ["0", "7", "007", "143", "2015", "123456789012345678901234567890"].map(String::from);
        for text in words.chain(digits) {
            assert!(simple_number(&text).is_some(), "{text:?}");
            assert_eq!(simple_number(&text), parse_any_number(&text), "{text:?}");
        }
        for text in ["", "one hundred", "1,500", "1.5", "twenty-one", "nil", "a", "sevens", "\u{212a}"] {
            assert_eq!(simple_number(text), None, "{text:?}");
        }
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
            // Not "forty" alone after "a hundred and": a reading of 40 would be a false conflict.
            ("A hundred and forty", 140.0),
            ("a thousand two hundred", 1200.0),
            ("a hundred and fifty thousand", 150_000.0),
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
    fn a_change_from_one_figure_to_another_is_two_counts() {
        let g = CountGrammar::new(&Lexicon::builtin());
        let t = Thresholds::default();
        let read = |text: &str| -> Vec<(String, Qualifier)> {
            g.scan(text, &t).into_iter().map(|(r, c)| (text[r].to_string(), c.qualifier)).collect()
        };
        assert_eq!(
            read("The toll rose from 62 to 115."),
            vec![("62".into(), Qualifier::Exact), ("115".into(), Qualifier::Exact)]
        );
        assert_eq!(
            read("It was revised down from 150 to 140."),
            vec![("150".into(), Qualifier::Exact), ("140".into(), Qualifier::Exact)]
        );
        assert_eq!(read("from 20 to 30 people were hurt"), vec![("from 20 to 30".into(), Qualifier::Range)]);
        // Two counts of two things, joined by a comma and "and".
        assert_eq!(
            read("The toll rose to 81, and at least 300 are missing."),
            vec![("81".into(), Qualifier::Exact), ("at least 300".into(), Qualifier::AtLeast)]
        );
    }

    #[test]
    fn numbers_are_written_with_thousands_separators() {
        let written: Vec<String> = [2000.0, -1233.0, -5.0, 1.5, 143.0].into_iter().map(format_number).collect();
        assert_eq!(written, ["2,000", "-1,233", "-5", "1.5", "143"]);
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
        assert!(g.scan("How many people died? How much", &t).is_empty(), "a question is no amount");
        let after_quote = g.scan("the group’s 84 dead and “minus 2”", &t);
        let values: Vec<f64> = after_quote.iter().map(|(_, c)| c.stated.unwrap()).collect();
        assert_eq!(values, vec![84.0, -2.0], "a word after a curly quote is no minus sign");
        let dateline =
            g.scan("BALASORE, June 3 (Eastern Wire) - At least 233 died; (Wire) - 5 more; - 7 and (- 8) (-9)", &t);
        let read: Vec<(usize, f64)> = dateline.iter().map(|(r, c)| (r.start, c.stated.unwrap())).collect();
        assert_eq!(
            read,
            vec![(15, 3.0), (34, 233.0), (62, 5.0), (72, 7.0), (81, 8.0), (85, -9.0)],
            "a dash after a dateline is no minus sign, nor one before a qualifier"
        );
    }

    #[test]
    fn or_less_than_opens_a_second_comparison_only_before_a_count() {
        let g = CountGrammar::new(&Lexicon::builtin());
        let t = Thresholds::default();
        let found = |text: &str| -> Vec<(String, f64, Option<f64>)> {
            g.scan(text, &t).into_iter().map(|(r, c)| (text[r].to_string(), c.min, c.max)).collect()
        };
        assert_eq!(
            found("equal to 5000 or less than 6000"),
            vec![("5000".into(), 5000.0, Some(5000.0)), ("less than 6000".into(), 0.0, Some(5999.0))]
        );
        assert_eq!(
            found("200 or greater than 190"),
            vec![("200".into(), 200.0, Some(200.0)), ("greater than 190".into(), 191.0, None)]
        );
        assert_eq!(found("200 or greater than that"), vec![("200 or greater".into(), 200.0, None)]);
        assert_eq!(found("200 or more were hurt"), vec![("200 or more".into(), 200.0, None)]);
    }

    #[test]
    fn qualifiers_are_intervals() {
        assert_eq!(bounds("143"), (143.0, Some(143.0), Qualifier::Exact));
        assert_eq!(bounds("all 157"), (157.0, Some(157.0), Qualifier::Exact));
        assert_eq!(bounds("at least 143"), (143.0, None, Qualifier::AtLeast));
        assert_eq!(bounds("no fewer than 10"), (10.0, None, Qualifier::AtLeast));
        assert_eq!(bounds("143 or more"), (143.0, None, Qualifier::AtLeast));
        assert_eq!(bounds("140-odd"), (140.0, None, Qualifier::AtLeast));
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

    /// Every count phrase `scan` finds in `text`, as (matched text, stated value).
    fn scanned(text: &str) -> Vec<(String, Option<f64>)> {
        let g = CountGrammar::new(&Lexicon::builtin());
        g.scan(text, &Thresholds::default()).into_iter().map(|(r, c)| (text[r].to_string(), c.stated)).collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    #[test]
    fn fractions_in_signs_and_ordinal_words() {
        for (text, v) in [
            ("3/4", 0.75),
            ("1 3/4", 1.75),
            ("¾", 0.75),
            ("2½", 2.5),
            ("three twenty-firsts", 3.0 / 21.0),
            ("a twenty-first", 1.0 / 21.0),
            ("one hundred thirty-fifths", 100.0 / 35.0),
            ("one hundred and thirty fifths", 26.0),
            ("one one hundred fifth", 1.0 / 105.0),
            ("two and fifty-four hundredths", 2.54),
            ("two hundred and fifty-four hundredths", 200.54),
            ("three million and a half", 3.5e6),
            ("one over three", 1.0 / 3.0),
            ("two out of five hundred", 0.004),
        ] {
            let got = read(text).stated.unwrap();
            assert!(close(got, v), "{text}: {got} != {v}");
        }
    }

    #[test]
    fn powers_and_other_written_forms() {
        for (text, v) in [
            ("1e10", 1e10),
            ("1.3x10^6", 1.3e6),
            ("6.23x10^-4", 6.23e-4),
            ("1.1^23", 1.1f64.powi(23)),
            ("2.5^-1", 0.4),
            (".77", 0.77),
            ("1 234 567", 1234567.0),
            ("12,34,567.89", 1234567.89),
            ("one twenty two", 122.0),
            ("6 crore and two hundred", 60000200.0),
            ("nil", 0.0),
            ("single", 1.0),
            ("a pair", 2.0),
        ] {
            let got = read(text).stated.unwrap();
            assert!(close(got, v), "{text}: {got} != {v}");
        }
    }

    #[test]
    fn forms_that_are_not_one_number() {
        // A date with a year, a phone number and an address are their digit runs, not a fraction.
        assert_eq!(
            scanned("on 3/4/2024").iter().map(|x| x.1).collect::<Vec<_>>(),
            [Some(3.0), Some(4.0), Some(2024.0)]
        );
        assert_eq!(scanned("call +1-222-2222").len(), 3);
        // One group of three digits after a space is two numbers: "March 22 143 people".
        assert_eq!(scanned("March 22 143 people"), [("22".into(), Some(22.0)), ("143".into(), Some(143.0))]);
        // Units glued to digits, and an ordinal with a singular denominator.
        assert!(scanned("the 180.25ml liquid").is_empty());
        assert_eq!(scanned("two millionth"), [("two".into(), Some(2.0))]);
        // "over" after a number other than one is the comparison; "out of" only makes a share.
        assert_eq!(scanned("killed 20 over three days")[0], ("20".into(), Some(20.0)));
        assert_eq!(scanned("there are 12 out of 10").len(), 2);
        assert_eq!(
            scanned("3 hundred and 2 hundred").iter().map(|x| x.1).collect::<Vec<_>>(),
            [Some(300.0), Some(200.0)]
        );
    }

    /// One end as (value, closed).
    type End = Option<(f64, bool)>;

    fn ends(text: &str) -> (End, End) {
        let g = CountGrammar::new(&Lexicon::builtin());
        let b = g.bounds(text).unwrap_or_else(|| panic!("no bounds for {text:?}"));
        (b.lo.map(|x| (x.value, x.closed)), b.hi.map(|x| (x.value, x.closed)))
    }

    #[test]
    fn ranges_from_two_ends_and_from_two_comparisons() {
        assert_eq!(ends("from 20 to 30"), (Some((20.0, true)), Some((30.0, true))));
        assert_eq!(ends("20 through 100"), (Some((20.0, true)), Some((100.0, true))));
        assert_eq!(ends("20~100"), (Some((20.0, true)), Some((100.0, true))));
        assert_eq!(ends("5k-20k"), (Some((5e3, true)), Some((2e4, true))));
        assert_eq!(ends("between negative ten and fifteen"), (Some((-10.0, true)), Some((15.0, true))));
        assert_eq!(ends("more than 10 and less than 20"), (Some((10.0, false)), Some((20.0, false))));
        assert_eq!(ends("at most 100 and at least 20"), (Some((20.0, true)), Some((100.0, true))));
        assert_eq!(
            ends("higher or equal than 100, lower or equal than 300"),
            (Some((100.0, true)), Some((300.0, true)))
        );
        assert_eq!(ends(">= 30"), (Some((30.0, true)), None));
        assert_eq!(ends("< = 100"), (None, Some((100.0, true))));
        assert_eq!(ends("less than 5000 or equal"), (None, Some((5000.0, true))));
        assert_eq!(bounds("more than 10 and less than 20"), (11.0, Some(19.0), Qualifier::Range));
        assert_eq!(bounds("20 to 30"), (20.0, Some(30.0), Qualifier::Range));
    }

    #[test]
    fn what_is_no_range() {
        // Two comparisons that leave nothing between them are two mentions.
        let found = scanned("More than 40 and less than 10 were found");
        assert_eq!(found.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(), ["More than 40", "less than 10"]);
        // A year and a month, a descending pair, a day of the month, a sign that is no comparison.
        assert_eq!(scanned("1995-01").iter().map(|x| x.1).collect::<Vec<_>>(), [Some(1995.0), Some(1.0)]);
        assert_eq!(scanned("the vote was 5 to 4").len(), 2);
        assert_eq!(scanned("On March 1 to 2 people were hurt"), [("1".into(), Some(1.0)), ("2".into(), Some(2.0))]);
        assert_eq!(scanned("between 1 to 2 people"), [("1 to 2".into(), Some(1.0))]);
        assert!(scanned("<>30").is_empty());
    }
}
