//! Dates: "March 22", "March 22, 2024", "22 March", "Jan. 3", "2024-03-22", "August 2021",
//! "2015", weekdays ("Friday"), and relative expressions ("last year", "last March", "earlier this
//! month", "two months ago") resolved against the publication date when it is known.
//! A part the text does not give is left unknown, never guessed.

use super::calendar::{add_days, days_from_civil, is_valid, weekday};
use super::number::{number_pattern, parse_number};
use crate::model::{CivilDate, DateValue};
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

fn month_pattern() -> &'static str {
    // Case-sensitive: "may" and "march" are also verbs.
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
}

fn weekday_pattern() -> &'static str {
    r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
}

pub const YEAR_PATTERN: &str = r"\b(?:1[89]\d\d|20\d\d)\b";

pub struct DateGrammar {
    pub pattern: String,
    reader: Regex,
    /// `pattern`, compiled on first use by [`DateGrammar::scan`].
    finder: OnceLock<Regex>,
    /// Lengths of time ("six months", "3.5 years", "an hour"), compiled on first use.
    durations: OnceLock<(Regex, Regex)>,
}

const DURATION_UNITS: &str =
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|wks?|months?|years?|yrs?|decades?|centuries|century)";

/// What a date phrase says, in full: a date as [`DateGrammar::read`] gives it, a stretch of days,
/// a range between two dates, or a length of time.
#[derive(Debug, Clone, PartialEq)]
pub enum DateReading {
    /// A day, or a month or a year as a whole: what `check` compares.
    Date(DateValue),
    /// A stretch of days named as one, `[start, end)`: "last week", "the 1990s", "the next 3 days".
    Period { start: CivilDate, end: CivilDate },
    /// A range given by its two ends, each a stretch `[start, end)`: "from March 3 to 5" (from =
    /// March 3, to = March 5), "1960 - 1961".
    Between { from: (CivilDate, CivilDate), to: (CivilDate, CivilDate) },
    /// A length of time: "six months", "two decades".
    Duration(Duration),
}

/// A length of time as written: an amount of a unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Duration {
    pub amount: f64,
    pub unit: DurationUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

impl DurationUnit {
    /// The unit a word names: "days", "Day", "yrs", "min".
    pub fn from_name(word: &str) -> Option<Self> {
        let w = word.trim_end_matches('.').to_lowercase();
        let w = w.as_str();
        Some(match w {
            "s" | "sec" | "secs" | "second" | "seconds" => DurationUnit::Second,
            "m" | "min" | "mins" | "minute" | "minutes" => DurationUnit::Minute,
            "h" | "hr" | "hrs" | "hour" | "hours" => DurationUnit::Hour,
            "d" | "day" | "days" => DurationUnit::Day,
            "w" | "wk" | "wks" | "week" | "weeks" => DurationUnit::Week,
            "mo" | "mos" | "month" | "months" => DurationUnit::Month,
            "y" | "yr" | "yrs" | "year" | "years" => DurationUnit::Year,
            "decade" | "decades" => DurationUnit::Decade,
            "century" | "centuries" => DurationUnit::Century,
            _ => return None,
        })
    }

    /// Seconds in one unit, a month taken as 30 days and a year as 365.
    pub fn seconds(self) -> f64 {
        const DAY: f64 = 86_400.0;
        match self {
            DurationUnit::Second => 1.0,
            DurationUnit::Minute => 60.0,
            DurationUnit::Hour => 3_600.0,
            DurationUnit::Day => DAY,
            DurationUnit::Week => 7.0 * DAY,
            DurationUnit::Month => 30.0 * DAY,
            DurationUnit::Year => 365.0 * DAY,
            DurationUnit::Decade => 3_650.0 * DAY,
            DurationUnit::Century => 36_500.0 * DAY,
        }
    }
}

impl Duration {
    /// The length in seconds (a month is 30 days, a year 365).
    pub fn seconds(&self) -> f64 {
        self.amount * self.unit.seconds()
    }
}

impl Default for DateGrammar {
    fn default() -> Self {
        Self::new()
    }
}

impl DateGrammar {
    pub fn new() -> Self {
        let month = month_pattern();
        let wd = weekday_pattern();
        let day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b";
        let year = r"(?:1[89]\d\d|20\d\d)\b";
        let num = number_pattern();
        let part = r"(?:night|morning|evening|afternoon)";
        let absolute = format!(
            r"(?:{wd},?\s+)?(?:{month}\s+{day}(?:,?\s+{year})?|{day}\s+(?:of\s+)?{month}(?:,?\s+{year})?)|{month},?\s+{year}|\b{year}-\d\d-\d\d\b|{wd}(?:\s+{part})?\b|\b{year}"
        );
        let relative = format!(
            r"\b(?:(?:last|this|next|earlier\s+this|later\s+this|early\s+last|late\s+last|earlier\s+last)\s+(?:year|month|week|{month}|{wd})\b|yesterday\b|(?:{num})\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:ago|earlier|before|later)\b)"
        );
        let pattern = format!(r"(?:\bthe\s+eve\s+of\s+)?(?:{relative}|{absolute})");
        let reader = Regex::new(&format!(
            r"(?i)^(?P<eve>the\s+eve\s+of\s+)?(?:(?P<rel>{relative})|(?:(?P<wd>{wd}),?\s+)?(?:(?P<m1>{month})\s+(?P<d1>{day})(?:,?\s+(?P<y1>{year}))?|(?P<d2>{day})\s+(?:of\s+)?(?P<m2>{month})(?:,?\s+(?P<y2>{year}))?)|(?P<m3>{month}),?\s+(?P<y3>{year})|(?P<iy>{year})-(?P<im>\d\d)-(?P<id>\d\d)|(?P<wdonly>{wd})(?:\s+{part})?|(?P<yonly>{year}))$"
        ))
        .expect("date reader regex");
        DateGrammar { pattern, reader, finder: OnceLock::new(), durations: OnceLock::new() }
    }

    /// Every date phrase in a text, in order, with its byte range and reading; relative phrases
    /// are resolved against `published`.
    pub fn scan(&self, text: &str, published: Option<CivilDate>) -> Vec<(Range<usize>, DateReading)> {
        let finder = self.finder.get_or_init(|| Regex::new(&format!("(?i){}", self.pattern)).expect("date pattern"));
        let mut found: Vec<(Range<usize>, DateReading)> = finder
            .find_iter(text)
            .filter_map(|m| Some((m.range(), DateReading::Date(self.read(m.as_str(), published)?))))
            .collect();
        let (durations, _) = self.duration_regexes();
        for m in durations.find_iter(text) {
            if found.iter().any(|(r, _)| r.start < m.end() && m.start() < r.end) {
                continue;
            }
            if let Some(d) = self.read_duration(m.as_str()) {
                found.push((m.range(), DateReading::Duration(d)));
            }
        }
        found.sort_by_key(|(r, _)| r.start);
        found
    }

    fn duration_regexes(&self) -> &(Regex, Regex) {
        self.durations.get_or_init(|| {
            let num = number_pattern();
            let unit = DURATION_UNITS;
            let extra = r"(?:(?:more|additional|extra|less|fewer)\s+)?";
            let finder = Regex::new(&format!(
                r"(?i)\b(?:(?:{num}|an?)[\s-]*{extra}{unit}|half[\s-]+(?:an?\s+)?{unit}|(?:all|full|whole)[\s-]+(?:day|week|month|year))\b"
            ))
            .expect("duration pattern");
            let reader = Regex::new(&format!(r"(?i)^(?P<amount>.*?)[\s-]*{extra}(?P<unit>{unit})$")).expect("duration reader");
            (finder, reader)
        })
    }

    /// Reads a length of time: "six months" → 6 months, "3.5years", "an hour", "half a day",
    /// "two decades", "all week" (one week).
    pub fn read_duration(&self, text: &str) -> Option<Duration> {
        let (_, reader) = self.duration_regexes();
        let norm = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let c = reader.captures(&norm)?;
        let unit = DurationUnit::from_name(&c["unit"])?;
        let amount = c["amount"].trim().to_lowercase();
        let amount = match amount.as_str() {
            "a" | "an" | "all" | "full" | "whole" | "one" => 1.0,
            "half" | "half a" | "half an" => 0.5,
            other => parse_number(other)?,
        };
        Some(Duration { amount, unit })
    }

    /// Reads a date phrase (as matched by `pattern`), resolving relative parts against `published`.
    pub fn read(&self, text: &str, published: Option<CivilDate>) -> Option<DateValue> {
        let norm = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let c = self.reader.captures(&norm)?;
        let mut v = DateValue { year: None, month: None, day: None, weekday: None, unresolved: None };
        let num = |name: &str| {
            c.name(name).and_then(|m| m.as_str().trim_end_matches(|ch: char| ch.is_alphabetic()).parse::<i64>().ok())
        };
        if let Some(rel) = c.name("rel") {
            v = resolve_relative(rel.as_str(), published)?;
        } else if let (Some(y), Some(m), Some(d)) = (num("iy"), num("im"), num("id")) {
            (v.year, v.month, v.day) = (Some(y as i32), Some(m as u32), Some(d as u32));
        } else if let Some(m) = c.name("m1").or(c.name("m2")) {
            v.month = month_number(m.as_str());
            v.day = num("d1").or(num("d2")).map(|d| d as u32);
            v.year = num("y1").or(num("y2")).map(|y| y as i32);
            if v.year.is_none() {
                v.year = published.and_then(|p| year_for_month_day(p, v.month?, v.day?));
            }
        } else if let Some(m) = c.name("m3") {
            v.month = month_number(m.as_str());
            v.year = num("y3").map(|y| y as i32);
        } else if let Some(w) = c.name("wdonly") {
            v.weekday = weekday_number(w.as_str());
            if let Some(p) = published {
                let back = (weekday(p) + 7 - v.weekday?) % 7;
                let d = add_days(p, -i64::from(back));
                (v.year, v.month, v.day) = (Some(d.year), Some(d.month), Some(d.day));
            } else {
                v.unresolved = Some(norm.clone());
            }
        } else if let Some(y) = num("yonly") {
            v.year = Some(y as i32);
        }
        if let Some(w) = c.name("wd") {
            v.weekday = weekday_number(w.as_str());
        }
        if let (Some(y), Some(m), Some(d)) = (v.year, v.month, v.day) {
            if !is_valid(CivilDate { year: y, month: m, day: d }) {
                return None;
            }
        } else if let (Some(m), Some(d)) = (v.month, v.day)
            && d > super::calendar::days_in_month(2024, m)
        {
            return None;
        }
        if c.name("eve").is_some() {
            v = day_before(v)?;
        }
        Some(v)
    }
}

fn month_number(text: &str) -> Option<u32> {
    let t = text.trim_end_matches('.').to_lowercase();
    MONTHS.iter().position(|m| m.starts_with(&t) && t.len() >= 3).map(|i| i as u32 + 1)
}

fn weekday_number(text: &str) -> Option<u32> {
    let t = text.to_lowercase();
    WEEKDAYS.iter().position(|w| *w == t).map(|i| i as u32)
}

/// The year of a month-day said in an article published on `p`: news speaks of the past, so a
/// date more than a week after publication belongs to the year before.
fn year_for_month_day(p: CivilDate, month: u32, day: u32) -> Option<i32> {
    let this_year = CivilDate { year: p.year, month, day };
    if !is_valid(this_year) {
        return None;
    }
    Some(if days_from_civil(this_year) > days_from_civil(p) + 7 { p.year - 1 } else { p.year })
}

fn day_before(v: DateValue) -> Option<DateValue> {
    let (m, d) = (v.month?, v.day?);
    match v.year {
        Some(y) => {
            let prev = add_days(CivilDate { year: y, month: m, day: d }, -1);
            Some(DateValue {
                year: Some(prev.year),
                month: Some(prev.month),
                day: Some(prev.day),
                weekday: None,
                unresolved: None,
            })
        }
        // Without a year, only a day inside the month can step back safely.
        None if d > 1 => Some(DateValue { day: Some(d - 1), weekday: None, ..v }),
        None => None,
    }
}

fn resolve_relative(text: &str, published: Option<CivilDate>) -> Option<DateValue> {
    let lower = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let unresolved =
        || DateValue { year: None, month: None, day: None, weekday: None, unresolved: Some(lower.clone()) };
    let words: Vec<&str> = lower.split(' ').collect();
    let last = *words.last()?;
    // "four years earlier" is relative to another event, not to the publication date.
    if matches!(last, "earlier" | "before" | "later") {
        return Some(unresolved());
    }
    let Some(p) = published else {
        let mut v = unresolved();
        v.weekday = weekday_number(last);
        return Some(v);
    };
    let date = |year: i32, month: Option<u32>, day: Option<u32>| {
        Some(DateValue { year: Some(year), month, day, weekday: None, unresolved: None })
    };
    if last == "ago" {
        let unit = words[words.len() - 2].trim_end_matches('s');
        // Beyond ten thousand units ago a phrase is not a news date (and would overflow).
        let n = parse_number(&words[..words.len() - 2].join(" ")).filter(|n| *n <= 10_000.0)? as i64;
        return match unit {
            "day" => {
                let d = add_days(p, -n);
                date(d.year, Some(d.month), Some(d.day))
            }
            "week" => Some(unresolved()),
            "month" => {
                let months = i64::from(p.year) * 12 + i64::from(p.month) - 1 - n;
                date(months.div_euclid(12) as i32, Some(months.rem_euclid(12) as u32 + 1), None)
            }
            "year" => date(p.year - n as i32, None, None),
            "decade" => date(p.year - 10 * n as i32, None, None),
            _ => None,
        };
    }
    if lower == "yesterday" {
        let d = add_days(p, -1);
        return date(d.year, Some(d.month), Some(d.day));
    }
    let direction = words[0];
    let past = direction != "this"
        && direction != "next"
        && !lower.starts_with("earlier this")
        && !lower.starts_with("later this");
    match last {
        "year" => date(
            if direction == "next" {
                p.year + 1
            } else if past {
                p.year - 1
            } else {
                p.year
            },
            None,
            None,
        ),
        "month" if direction == "next" => None,
        "month" => {
            let (y, m) = if past {
                if p.month == 1 { (p.year - 1, 12) } else { (p.year, p.month - 1) }
            } else {
                (p.year, p.month)
            };
            date(y, Some(m), None)
        }
        "week" => Some(unresolved()),
        w => {
            if let Some(m) = month_number(w) {
                // "last March": the March of the year before; "this March": this year's.
                let y = if past { p.year - 1 } else { p.year };
                date(y, Some(m), None)
            } else if let Some(wd) = weekday_number(w) {
                let back = (weekday(p) + 7 - wd) % 7;
                let back = if past { back + 7 * i64::from(back == 0) as u32 } else { back };
                let d = add_days(p, -i64::from(back));
                Some(DateValue {
                    year: Some(d.year),
                    month: Some(d.month),
                    day: Some(d.day),
                    weekday: Some(wd),
                    unresolved: None,
                })
            } else {
                None
            }
        }
    }
}

/// A short reading for reports: "2024-03-22", "March 22 (year unknown)", "Friday (date unknown)".
pub fn reading(v: &DateValue) -> String {
    let month_name = |m: u32| {
        let name = MONTHS[(m - 1) as usize];
        let mut s = name[..1].to_uppercase();
        s.push_str(&name[1..]);
        s
    };
    let wd = |w: u32| {
        let name = WEEKDAYS[w as usize];
        format!("{}{}", name[..1].to_uppercase(), &name[1..])
    };
    if let Some(u) = &v.unresolved {
        return format!("{u} (unresolved: no publication date)");
    }
    match (v.year, v.month, v.day) {
        (Some(y), Some(m), Some(d)) => {
            let date = CivilDate { year: y, month: m, day: d };
            format!("{date} ({})", wd(weekday(date)))
        }
        (None, Some(m), Some(d)) => format!("{} {d} (year unknown)", month_name(m)),
        (Some(y), Some(m), None) => format!("{} {y}", month_name(m)),
        (Some(y), None, None) => format!("{y}"),
        _ => v.weekday.map(|w| format!("{} (date unknown)", wd(w))).unwrap_or_else(|| "unknown date".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(y: i32, m: u32, d: u32) -> Option<CivilDate> {
        Some(CivilDate { year: y, month: m, day: d })
    }

    fn read(text: &str, published: Option<CivilDate>) -> DateValue {
        let g = DateGrammar::new();
        let re = Regex::new(&format!("(?i)^(?:{})$", g.pattern)).unwrap();
        assert!(re.is_match(text), "the date pattern does not match {text:?}");
        g.read(text, published).unwrap_or_else(|| panic!("cannot read {text:?}"))
    }

    fn ymd(v: &DateValue) -> (Option<i32>, Option<u32>, Option<u32>) {
        (v.year, v.month, v.day)
    }

    #[test]
    fn absolute_forms() {
        assert_eq!(ymd(&read("March 22", None)), (None, Some(3), Some(22)));
        assert_eq!(ymd(&read("March 22, 2024", None)), (Some(2024), Some(3), Some(22)));
        assert_eq!(ymd(&read("22 March", None)), (None, Some(3), Some(22)));
        assert_eq!(ymd(&read("22 March 2024", None)), (Some(2024), Some(3), Some(22)));
        assert_eq!(ymd(&read("Jan. 3", None)), (None, Some(1), Some(3)));
        assert_eq!(ymd(&read("Sept. 11, 2001", None)), (Some(2001), Some(9), Some(11)));
        assert_eq!(ymd(&read("2024-03-22", None)), (Some(2024), Some(3), Some(22)));
        assert_eq!(ymd(&read("August 2021", None)), (Some(2021), Some(8), None));
        assert_eq!(ymd(&read("2015", None)), (Some(2015), None, None));
        let v = read("Friday, March 22, 2024", None);
        assert_eq!((ymd(&v), v.weekday), ((Some(2024), Some(3), Some(22)), Some(4)));
    }

    #[test]
    fn a_missing_year_comes_from_the_publication_date_never_from_nowhere() {
        assert_eq!(read("March 22", p(2024, 3, 25)).year, Some(2024));
        assert_eq!(read("December 24", p(2024, 1, 5)).year, Some(2023), "news looks back");
        assert_eq!(read("March 22", None).year, None);
    }

    #[test]
    fn weekdays_resolve_to_the_latest_such_day() {
        let v = read("Friday", p(2024, 3, 25));
        assert_eq!(ymd(&v), (Some(2024), Some(3), Some(22)));
        let v = read("Saturday night", p(2022, 10, 30));
        assert_eq!(ymd(&v), (Some(2022), Some(10), Some(29)));
        let v = read("Friday", None);
        assert_eq!((v.weekday, v.unresolved.is_some()), (Some(4), true));
    }

    #[test]
    fn relative_expressions() {
        let pub_ = p(2024, 3, 29);
        assert_eq!(ymd(&read("last year", pub_)), (Some(2023), None, None));
        assert_eq!(ymd(&read("last March", pub_)), (Some(2023), Some(3), None));
        assert_eq!(ymd(&read("earlier this month", pub_)), (Some(2024), Some(3), None));
        assert_eq!(ymd(&read("last month", pub_)), (Some(2024), Some(2), None));
        assert_eq!(ymd(&read("two months ago", pub_)), (Some(2024), Some(1), None));
        assert_eq!(ymd(&read("three years ago", pub_)), (Some(2021), None, None));
        assert!(read("four years earlier", pub_).unresolved.is_some(), "relative to another event");
        assert!(read("last year", None).unresolved.is_some());
    }

    #[test]
    fn the_eve_of_a_date_is_the_day_before() {
        assert_eq!(ymd(&read("the eve of Oct. 30", None)), (None, Some(10), Some(29)));
        assert_eq!(ymd(&read("the eve of March 1, 2024", None)), (Some(2024), Some(2), Some(29)));
    }

    #[test]
    fn durations() {
        let g = DateGrammar::new();
        let d = |text: &str| g.read_duration(text).map(|d| (d.amount, d.unit));
        assert_eq!(d("six months"), Some((6.0, DurationUnit::Month)));
        assert_eq!(d("3.5years"), Some((3.5, DurationUnit::Year)));
        assert_eq!(d("two decades"), Some((2.0, DurationUnit::Decade)));
        assert_eq!(d("an hour"), Some((1.0, DurationUnit::Hour)));
        assert_eq!(d("half a day"), Some((0.5, DurationUnit::Day)));
        let found = g.scan("It lasted six months, from March 22.", None);
        assert!(matches!(found[0].1, DateReading::Duration(Duration { amount: 6.0, unit: DurationUnit::Month })));
    }

    #[test]
    fn impossible_dates_are_not_dates() {
        assert!(DateGrammar::new().read("February 30", None).is_none());
    }

    #[test]
    fn readings() {
        assert_eq!(reading(&read("March 22, 2024", None)), "2024-03-22 (Friday)");
        assert_eq!(reading(&read("March 23", None)), "March 23 (year unknown)");
        assert_eq!(reading(&read("Friday", None)), "friday (unresolved: no publication date)".replacen('f', "F", 1));
    }
}
