//! Dates: "March 22", "March 22, 2024", "22 March", "Jan. 3", "2024-03-22", "August 2021",
//! "2015", weekdays ("Friday"), and relative expressions ("last year", "last March", "earlier this
//! month", "two months ago") resolved against the publication date when it is known.
//! A part the text does not give is left unknown, never guessed.

use super::boundary::{FormMatch, Forms, SparseCaptures, Twin, words_are_ascii};
use super::calendar::{
    TithiTime, add_days, chinese_new_year, civil_from_days, days_from_civil, easter, hebrew_to_civil, hijri_to_civil,
    hijri_years_in, hindu_tithi_days, is_valid, nth_weekday, orthodox_easter, parsi_new_year, sankranti, weekday,
};
use super::lexicon::{Holiday, Lexicon, WHITE_SPACE, token_alternation};
use super::number::{TENS, UNITS, number_pattern, parse_number};
use super::{single_spaced, single_spaced_lowercase, with_capital_first};
use crate::model::{CivilDate, DateValue};
use regex::Regex;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::OnceLock;

pub(crate) const MONTHS: &[&str] = &[
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
/// The months' short forms `month_pattern` reads.
const MONTH_ABBREVIATIONS: &[&str] =
    &["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"];
const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
/// The weekdays' short forms the scanner reads ("Thu.", "tues").
const WEEKDAY_ABBREVIATIONS: &str = "mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun";
/// Words before a holiday's name that pick one year's: "last Christmas", "this Easter".
const HOLIDAY_DIRECTIONS: &[&str] = &["this", "next", "last", "coming", "upcoming", "previous", "past"];

/// A weekday's full name or short form, as a regex alternation.
fn weekday_words() -> String {
    format!("{}|{WEEKDAY_ABBREVIATIONS}", WEEKDAYS.join("|"))
}

/// A month's name or short form with a capital, as a regex alternation; a short form may take a
/// full stop.
fn month_pattern() -> String {
    let names = MONTHS.iter().map(|m| with_capital_first(m));
    let short_forms = MONTH_ABBREVIATIONS.iter().map(|a| format!(r"{}\.?", with_capital_first(a)));
    // Case-sensitive: "may" and "march" are also verbs.
    format!("(?-i:{})", names.chain(short_forms).collect::<Vec<_>>().join("|"))
}

fn weekday_pattern() -> &'static str {
    r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
}

pub const YEAR_PATTERN: &str = r"\b(?:1[89]\d\d|20\d\d)\b";

pub struct DateGrammar {
    pub pattern: String,
    /// Reads a phrase that `pattern` matched, in three steps that give what one anchored regex
    /// `^(the eve of)?(relative|absolute)$` would, without running that regex's captures: with
    /// the number words of "three days ago" it is large, and a captures search through it cost
    /// about ten times a search through the absolute forms alone.
    reader: PhraseReader,
    /// `pattern`, compiled on first use by [`DateGrammar::scan`] or by [`DateGrammar::prepare`].
    finder: OnceLock<Twin>,
    /// Lengths of time ("six months", "3.5 years", "an hour"), compiled the same way.
    durations: OnceLock<DurationRegexes>,
    /// The scanner's own forms (see [`DateGrammar::scan_with`]), compiled the same way.
    extra: OnceLock<Forms>,
    /// The lexicon's holidays: each name, and its day.
    holidays: Vec<(String, HolidayRule)>,
    /// The same by [`holiday_key`]: every date the scanner finds asks whether it is a holiday.
    holidays_by_key: HashMap<String, HolidayRule>,
}

/// The days a holiday falls on in a year, as the lexicon's `[holidays]` give them: a fixed day,
/// the Nth weekday of a month, Western or Orthodox Easter, a day of the Hebrew or the Islamic
/// calendar or the Chinese New Year, moved by a number of days and off some weekdays, lasting one
/// day or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HolidayRule {
    base: HolidayBase,
    offset: i64,
    /// How many days it lasts (an Islamic month without a day: the month's own length).
    days: u32,
    /// Days it moves by when it falls on each weekday (0 = Monday): "sat +1".
    moves: [i8; 7],
    /// Its names are read only capitalised ("Lent", not the verb "lent") or before a year.
    capitalised: bool,
    /// Its names are read only before a year ("Rakhi 2018", not the given name "Rakhi").
    year_required: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HolidayBase {
    Fixed {
        month: u32,
        day: u32,
    },
    /// The `n`th `weekday` of `month`; `n` = 0 is the last.
    Nth {
        n: u32,
        weekday: u32,
        month: u32,
    },
    Easter,
    OrthodoxEaster,
    /// A day of a Hebrew month (Nisan = 1; Adar is Adar II in a leap year).
    Hebrew {
        month: u32,
        day: u32,
    },
    /// A day of an Islamic month (Muharram = 1), or the whole month.
    Islamic {
        month: u32,
        day: Option<u32>,
    },
    /// The last `weekday` of an Islamic month.
    IslamicLast {
        month: u32,
        weekday: u32,
    },
    ChineseNewYear,
    /// A tithi (1-30) of a Hindu lunar month (Chaitra = 1, amanta), kept at a time of day.
    Hindu {
        month: u32,
        tithi: u32,
        at: TithiTime,
    },
    /// The sankranti at which the Sun enters a sidereal sign (Mesha = 1): its civil day, or the
    /// next when `after_sunset` and the Sun enters after sunset.
    Solar {
        sign: u32,
        after_sunset: bool,
    },
    /// The Parsi (Shahenshahi) New Year.
    ParsiNewYear,
}

/// A tithi as the lexicon names it: "shukla N" (1-15) and "krishna N" (1-15) for the bright and
/// the dark half, "purnima" (the full moon, shukla 15) and "amavasya" (the new moon, krishna 15).
fn tithi_number(words: &[&str]) -> Option<u32> {
    let n = |t: &str| t.parse::<u32>().ok().filter(|n| (1..=15).contains(n));
    match words {
        ["purnima"] => Some(15),
        ["amavasya"] => Some(30),
        ["shukla", t] => n(t),
        ["krishna", t] => n(t).map(|t| t + 15),
        _ => None,
    }
}

impl HolidayRule {
    /// Reads the day a holiday falls on: "12-25", "4 thu nov", "last mon may", "easter",
    /// "easter -2", "4 thu nov +1", "orthodox easter -48", "hebrew tishrei 10", "islamic
    /// shawwal 1", "islamic ramadan" (the whole month), "islamic ramadan last fri", "chinese new
    /// year", "hindu ashvin amavasya evening", "hindu chaitra shukla 9 noon", "solar mesha",
    /// "solar makara sunset", "parsi new year".
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad =
            || format!("{text:?} is not a holiday day (\"12-25\", \"4 thu nov\", \"easter -2\", \"hebrew nisan 15\")");
        let mut words: Vec<&str> = text.split_whitespace().collect();
        let offset = match words.last() {
            Some(w) if w.starts_with(['+', '-']) => {
                let n = w.trim_start_matches('+').parse().map_err(|_| bad())?;
                words.pop();
                n
            }
            _ => 0,
        };
        let month_in = |months: &[&str], name: &str| months.iter().position(|m| *m == name).map(|i| i as u32 + 1);
        let base = match words.as_slice() {
            ["easter"] => HolidayBase::Easter,
            ["orthodox", "easter"] => HolidayBase::OrthodoxEaster,
            ["chinese", "new", "year"] => HolidayBase::ChineseNewYear,
            ["parsi", "new", "year"] => HolidayBase::ParsiNewYear,
            ["solar", sign, rest @ ..] if matches!(rest, [] | ["sunset"]) => HolidayBase::Solar {
                sign: month_in(super::calendar::SOLAR_SIGNS, sign).ok_or_else(bad)?,
                after_sunset: !rest.is_empty(),
            },
            ["hindu", month, rest @ ..] => {
                let month = month_in(super::calendar::HINDU_MONTHS, month).ok_or_else(bad)?;
                let (tithi, at) = match rest {
                    [tithi @ .., at] if TithiTime::from_word(at).is_some() => (tithi, TithiTime::from_word(at)),
                    tithi => (tithi, Some(TithiTime::Sunrise)),
                };
                HolidayBase::Hindu { month, tithi: tithi_number(tithi).ok_or_else(bad)?, at: at.ok_or_else(bad)? }
            }
            ["hebrew", month, day] => HolidayBase::Hebrew {
                month: month_in(super::calendar::HEBREW_MONTHS, month).ok_or_else(bad)?,
                day: day.parse().ok().filter(|d| (1..=30).contains(d)).ok_or_else(bad)?,
            },
            ["islamic", month, "last", wd] => HolidayBase::IslamicLast {
                month: month_in(super::calendar::ISLAMIC_MONTHS, month).ok_or_else(bad)?,
                weekday: scan_weekday(wd).ok_or_else(bad)?,
            },
            ["islamic", month, rest @ ..] if rest.len() <= 1 => HolidayBase::Islamic {
                month: month_in(super::calendar::ISLAMIC_MONTHS, month).ok_or_else(bad)?,
                day: match rest {
                    [day] => Some(day.parse().ok().filter(|d| (1..=30).contains(d)).ok_or_else(bad)?),
                    _ => None,
                },
            },
            [md] => {
                let (m, d) = md.split_once('-').ok_or_else(bad)?;
                let (month, day) = (m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
                if !is_valid(CivilDate { year: 2024, month, day }) {
                    return Err(bad());
                }
                HolidayBase::Fixed { month, day }
            }
            [n, wd, mon] => HolidayBase::Nth {
                n: if *n == "last" { 0 } else { n.parse().ok().filter(|n| (1..=5).contains(n)).ok_or_else(bad)? },
                weekday: scan_weekday(wd).ok_or_else(bad)?,
                month: month_number(mon).ok_or_else(bad)?,
            },
            _ => return Err(bad()),
        };
        Ok(HolidayRule { base, offset, days: 1, moves: [0; 7], capitalised: false, year_required: false })
    }

    /// A lexicon holiday's rule: its day, how long it lasts, the weekdays it moves off ("sat
    /// +1", "sun -1") and whether its names must be capitalised.
    pub fn of(holiday: &Holiday) -> Result<Self, String> {
        let mut rule = Self::parse(&holiday.day)?;
        rule.days = holiday.days.unwrap_or(1);
        if rule.days == 0 {
            return Err("a holiday lasts at least a day".into());
        }
        for m in &holiday.moved {
            let bad = || format!("{m:?} is not a move off a weekday (\"sat +1\")");
            let (wd, n) = m.split_once(' ').ok_or_else(bad)?;
            let n: i8 = n.trim_start_matches('+').parse().map_err(|_| bad())?;
            rule.moves[scan_weekday(wd).ok_or_else(bad)? as usize] = n;
        }
        rule.capitalised = holiday.capitalised;
        rule.year_required = holiday.year_required;
        Ok(rule)
    }

    /// The days `[start, end)` of each time the holiday begins in the Gregorian `year`, in
    /// order: none when that year has no such day (a fixed February 29, a year beyond a
    /// calendar table), two for an Islamic holiday some years.
    pub fn in_year(self, year: i32) -> Vec<(CivilDate, CivilDate)> {
        let one = |d: CivilDate| (d, add_days(d, 1));
        let starts: Vec<(CivilDate, CivilDate)> = match self.base {
            HolidayBase::Fixed { month, day } => {
                Some(CivilDate { year, month, day }).filter(|d| is_valid(*d)).map(one).into_iter().collect()
            }
            HolidayBase::Nth { n, weekday, month } => {
                nth_weekday(year, month, n, weekday).map(one).into_iter().collect()
            }
            HolidayBase::Easter => vec![one(easter(year))],
            HolidayBase::OrthodoxEaster => vec![one(orthodox_easter(year))],
            HolidayBase::ChineseNewYear => chinese_new_year(year).map(one).into_iter().collect(),
            HolidayBase::ParsiNewYear => vec![one(parsi_new_year(year))],
            HolidayBase::Solar { sign, after_sunset } => {
                sankranti(year, sign, after_sunset).map(one).into_iter().collect()
            }
            // The months that begin from December of the year before: a day of another year is
            // dropped below, after the offset.
            HolidayBase::Hindu { month, tithi, at } => {
                hindu_tithi_days(year, month, tithi, at).into_iter().map(one).collect()
            }
            HolidayBase::Hebrew { month, day } => {
                let hebrew_years = [i64::from(year) + 3760, i64::from(year) + 3761];
                hebrew_years.into_iter().map(|y| one(hebrew_to_civil(y, month, day))).collect()
            }
            HolidayBase::Islamic { month, day } => {
                hijri_years_in(year).filter_map(|y| hijri_to_civil(y, month, day)).collect()
            }
            HolidayBase::IslamicLast { month, weekday: w } => hijri_years_in(year)
                .filter_map(|y| hijri_to_civil(y, month, None))
                .map(|(_, end)| {
                    let last = add_days(end, -1);
                    one(add_days(last, -i64::from((weekday(last) + 7 - w) % 7)))
                })
                .collect(),
        };
        let mut days: Vec<(CivilDate, CivilDate)> = starts
            .into_iter()
            .map(|(start, end)| {
                let start = add_days(start, self.offset);
                let start = add_days(start, i64::from(self.moves[weekday(start) as usize]));
                let length = if matches!(self.base, HolidayBase::Islamic { day: None, .. }) {
                    days_from_civil(end) - days_from_civil(start)
                } else {
                    i64::from(self.days)
                };
                (start, add_days(start, length))
            })
            .filter(|(start, _)| start.year == year)
            .collect();
        days.sort();
        days
    }
}

/// The holiday's days nearest to `from` looking back (`back`) or ahead, `from` itself included
/// when `inclusive`.
fn holiday_from(rule: HolidayRule, from: CivilDate, back: bool, inclusive: bool) -> Option<(CivilDate, CivilDate)> {
    let d0 = days_from_civil(from);
    let days = (from.year - 1..=from.year + 1).flat_map(|y| rule.in_year(y)).map(|d| (days_from_civil(d.0), d));
    let days: Vec<(i64, (CivilDate, CivilDate))> = days.collect();
    if back {
        days.into_iter().filter(|(n, _)| *n < d0 || (inclusive && *n == d0)).max_by_key(|(n, _)| *n)
    } else {
        days.into_iter().filter(|(n, _)| *n > d0 || (inclusive && *n == d0)).min_by_key(|(n, _)| *n)
    }
    .map(|(_, d)| d)
}

/// A season of the northern hemisphere, from its equinox or solstice to the next, the days taken
/// as March 20, June 21, September 23 and December 21 (as Duckling takes them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    fn named(name: &str) -> Option<Season> {
        Some(match name.to_lowercase().as_str() {
            "spring" => Season::Spring,
            "summer" => Season::Summer,
            "autumn" | "fall" => Season::Autumn,
            "winter" => Season::Winter,
            _ => return None,
        })
    }

    /// The days of the season that starts in `year` (a winter ends the next year).
    fn starting_in(self, year: i32) -> (CivilDate, CivilDate) {
        let at = |year, month, day| CivilDate { year, month, day };
        match self {
            Season::Spring => (at(year, 3, 20), at(year, 6, 21)),
            Season::Summer => (at(year, 6, 21), at(year, 9, 23)),
            Season::Autumn => (at(year, 9, 23), at(year, 12, 21)),
            Season::Winter => (at(year, 12, 21), at(year + 1, 3, 20)),
        }
    }

    fn of(self, year: i32) -> DateReading {
        let (start, end) = self.starting_in(year);
        DateReading::Period { start, end }
    }

    /// "this summer" (`step` 0): the one under way at `p`, else the one starting in its year;
    /// "last summer" (-1): the last one over by `p`; "next summer" (1): the first one to start
    /// after `p`.
    fn from(self, p: CivilDate, step: i64) -> Option<DateReading> {
        let mut seasons = (p.year - 2..=p.year + 1).map(|y| self.starting_in(y));
        let (start, end) = match step {
            0 => {
                let seasons: Vec<_> = seasons.collect();
                let under_way = seasons.iter().find(|(start, end)| *start <= p && p < *end);
                *under_way.or_else(|| seasons.iter().find(|(start, _)| start.year == p.year))?
            }
            step if step < 0 => seasons.rev().find(|(_, end)| *end <= p)?,
            _ => seasons.find(|(start, _)| *start > p)?,
        };
        Some(DateReading::Period { start, end })
    }
}

/// Which way a direction word counts from this one: "last", "past", "previous" back one; "this",
/// "current" none; "next", "coming", "the following" ahead one.
fn step_of(dir: &str) -> i64 {
    match dir.to_lowercase().split_whitespace().last().unwrap_or_default() {
        "last" | "past" | "previous" => -1,
        "this" | "current" => 0,
        _ => 1,
    }
}

/// How many units a date phrase counts: "3", "three", "a"; "few" and "a few" are three, as both
/// peers count them ("the past few days", "in a few weeks"); "couple (of)" two.
fn amount_of(text: &str) -> Option<f64> {
    match text.to_lowercase().as_str() {
        "few" | "a few" => Some(3.0),
        a if a.starts_with("couple") => Some(2.0),
        a => one_or_number(a),
    }
}

/// Whether a text is a year in digits alone, 1800 to 2099 ("2014"), as `YEAR_PATTERN` reads one.
pub(crate) fn is_year_digits(text: &str) -> bool {
    matches!(text.as_bytes(), [b'1', b'8' | b'9', _, _] | [b'2', b'0', _, _])
        && text.bytes().all(|b| b.is_ascii_digit())
}

/// An amount of units as written: "a" or "an" is one, else the number ("3", "two and a half").
pub(crate) fn one_or_number(text: &str) -> Option<f64> {
    if text.eq_ignore_ascii_case("a") || text.eq_ignore_ascii_case("an") { Some(1.0) } else { parse_number(text) }
}

/// A holiday's days as a reading: a day, or a stretch of days (Passover, Ramadan).
fn holiday_reading((start, end): (CivilDate, CivilDate)) -> DateReading {
    if end == add_days(start, 1) { DateReading::Date(day_value_of(start)) } else { DateReading::Period { start, end } }
}

/// `day` moved by `n` units (whole days, weeks, months or years); a day past the end of the
/// month it lands in is that month's last ("a month after January 31" is February 28 or 29).
fn shift(day: CivilDate, n: i64, unit: DurationUnit) -> Option<CivilDate> {
    let months = match unit {
        DurationUnit::Day => return Some(add_days(day, n)),
        DurationUnit::Week => return Some(add_days(day, 7 * n)),
        DurationUnit::Month => n,
        DurationUnit::Year => 12 * n,
        _ => return None,
    };
    let first = month_start(month_index(day) + months);
    Some(CivilDate { day: day.day.min(super::calendar::days_in_month(first.year, first.month)), ..first })
}

/// A whole count of units in a date phrase: "3", "three", "a"; None beyond ten thousand, where
/// a phrase is no date.
fn count_of(text: &str) -> Option<i64> {
    let n = one_or_number(text)?;
    (n.fract() == 0.0 && (1.0..=10_000.0).contains(&n)).then_some(n as i64)
}

/// The ten years from January 1 of `start`: "the 1990s" from 1990.
fn decade(start: i32) -> DateReading {
    let at = |year: i32| CivilDate { year, month: 1, day: 1 };
    DateReading::Period { start: at(start), end: at(start + 10) }
}

/// How many months `day`'s month comes after January of year 0: [`month_start`]'s inverse.
fn month_index(day: CivilDate) -> i64 {
    i64::from(day.year) * 12 + i64::from(day.month) - 1
}

/// The first day of the month `k` months after January of year 0.
fn month_start(k: i64) -> CivilDate {
    CivilDate { year: k.div_euclid(12) as i32, month: k.rem_euclid(12) as u32 + 1, day: 1 }
}

/// The Monday of ISO week 1 of `year`, the week with January 4th in it.
fn iso_week1(year: i32) -> CivilDate {
    monday_of(CivilDate { year, month: 1, day: 4 })
}

/// Whether `before` ends in "at": "at 4.22" is a time of day, not April 22.
fn at_before(before: &str) -> bool {
    static AT: OnceLock<Regex> = OnceLock::new();
    AT.get_or_init(|| Regex::new(r"(?i)\bat\s+$").expect("at before a number")).is_match(before)
}

/// Whether a bare year stands in a run of numbers joined by hyphens or slashes that makes no
/// date: a telephone number ("138-2010-2015"), a code ("133-03-03-2020"), a year beside a number
/// that is no month ("32-2015"). A run of two years ("2010-2015"), a year with the end of a
/// span ("2015-16") or with a month ("12-2019") is no such run; a date in numbers
/// ("02-02-2020") is read whole by its own form.
fn in_a_run_of_numbers(text: &str, year: Range<usize>) -> bool {
    let joins = |b: u8| b.is_ascii_digit() || matches!(b, b'-' | b'/');
    let bytes = text.as_bytes();
    let start = bytes[..year.start].iter().rposition(|b| !joins(*b)).map_or(0, |i| i + 1);
    let end = bytes[year.end..].iter().position(|b| !joins(*b)).map_or(text.len(), |i| year.end + i);
    let (before, after) = (&text[start..year.start], &text[year.end..end]);
    fn parts(side: &str) -> Vec<&str> {
        side.split(['-', '/']).filter(|p| !p.is_empty()).collect()
    }
    match (parts(before).as_slice(), parts(after).as_slice()) {
        ([], []) => false,
        ([], [next]) => next.len() > 4 || next.len() == 3,
        ([previous], []) => {
            previous.len() != 4
                && !(previous.len() <= 2 && previous.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m)))
        }
        _ => true,
    }
}

/// Whether the text before a number ends in an acronym in mixed-case prose ("Pay ABC 2000",
/// "the A320 and MH 370"): a number right after one is part of a name or a code, not a year. In a
/// line of capitals ("KILLED IN 2015") the word before is no acronym.
fn after_acronym(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(' ') else { return false };
    let mut words = rest.rsplit(' ');
    let caps = |w: &str| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase());
    words.next().is_some_and(caps)
        && !words.next().is_some_and(|w| caps(w.trim_end_matches(|c: char| !c.is_alphanumeric())))
}

/// Whether the line around `range` is all capitals, as headlines are ("BOY, 12, DIES"): more than
/// one word and no lower-case letter.
fn in_a_line_of_capitals(text: &str, range: &Range<usize>) -> bool {
    let start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[range.end..].find('\n').map_or(text.len(), |i| range.end + i);
    let line = &text[start..end];
    line.split_whitespace().nth(1).is_some() && !line.chars().any(char::is_lowercase)
}

/// A relative phrase read without a reference date: its words, unresolved.
fn unresolved(phrase: &str) -> DateReading {
    let text = single_spaced_lowercase(phrase);
    DateReading::Date(DateValue { year: None, month: None, day: None, weekday: None, unresolved: Some(text) })
}

/// A regex alternation of holiday names (a trie, see [`token_alternation`]), longest first, each
/// apostrophe or full stop optional and any white space between words.
fn holiday_names_pattern<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut names: Vec<&str> = names.collect();
    super::lexicon::sort_longest_first(&mut names);
    let tokens: Vec<Vec<String>> = names
        .iter()
        .map(|name| {
            let words = name.split_whitespace().map(|w| {
                w.chars()
                    .map(|ch| match ch {
                        '\'' | '’' => "['’]?".to_string(),
                        '.' => r"\.?".to_string(),
                        '-' => r"[\s-]?".to_string(),
                        ch => regex::escape(&ch.to_string()),
                    })
                    .collect::<Vec<_>>()
            });
            words.collect::<Vec<_>>().join(&WHITE_SPACE.to_string())
        })
        .collect();
    token_alternation(&tokens)
}

/// Whether `range` overlaps one of `sorted`, ranges in text order that do not overlap each other.
fn overlaps_any(sorted: &[Range<usize>], range: &Range<usize>) -> bool {
    let first_ending_after = sorted.partition_point(|r| r.end <= range.start);
    sorted.get(first_ending_after).is_some_and(|r| r.start < range.end)
}

/// A holiday name as the scanner compares it: lower case, without apostrophes, full stops,
/// hyphens or white space ("St. Patrick's Day" and "st patricks day" are one name, "Eid al-Fitr"
/// and "eid al fitr").
fn holiday_key(name: &str) -> String {
    name.to_lowercase().chars().filter(|c| !matches!(c, '\'' | '’' | '.' | '-') && !c.is_whitespace()).collect()
}

/// The words that go on with a clause after a date, where a noun would make a number a count:
/// "in two thousand and fifteen and ...", but not "in two thousand and fifteen cases".
const CLAUSE_GOES_ON: &str = r"(?:and|or|but|when|while|as|to|until|through|after|before|then)\b";

/// Words between an amount and its unit: "two more weeks", "three additional days".
const EXTRA_WORDS: &[&str] = &["more", "additional", "extra", "less", "fewer"];

/// The duration finder and the readers of what it finds.
#[derive(Debug)]
struct DurationRegexes {
    finder: Twin,
    reader: Regex,
    /// A unit alone.
    unit: Regex,
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
    /// A part of a stretch `[start, end)` named by its place in it: "early March", "mid-2016",
    /// "the end of next week". How many days the part spans is a convention the text does not
    /// state, so the reading keeps the whole stretch and the part's name.
    Part { of: (CivilDate, CivilDate), part: Part },
    /// A range open at one end, `[from, to)` with exactly one end `None`: "since 2010" (from
    /// 2010-01-01), "before March 2019" (to 2019-03-01), "2018 or later".
    Open { from: Option<CivilDate>, to: Option<CivilDate> },
}

/// Where in a stretch of time a phrase places a part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// "the beginning of", "the start of".
    Start,
    /// "early".
    Early,
    /// "mid", "the middle of".
    Middle,
    /// "late".
    Late,
    /// "the end of".
    End,
}

impl Part {
    fn from_word(word: &str) -> Option<Part> {
        Some(match word.to_lowercase().as_str() {
            "beginning" | "start" => Part::Start,
            "early" | "earlier" => Part::Early,
            "mid" | "middle" => Part::Middle,
            "late" | "later" => Part::Late,
            "end" => Part::End,
            _ => return None,
        })
    }
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
        Self::new(&Lexicon::builtin())
    }
}

impl DateGrammar {
    /// The date grammar, with the holidays of `lexicon`.
    pub fn new(lexicon: &Lexicon) -> Self {
        let holidays: Vec<(String, HolidayRule)> = lexicon
            .holidays
            .iter()
            .flat_map(|(key, h)| {
                let rule = HolidayRule::of(h).unwrap_or_else(|e| panic!("lexicon holiday {key}: {e}"));
                h.names.iter().map(move |name| (name.clone(), rule))
            })
            .collect();
        let mut holidays_by_key = HashMap::new();
        for (name, rule) in &holidays {
            holidays_by_key.entry(holiday_key(name)).or_insert(*rule);
        }
        let month = &month_pattern();
        let wd = weekday_pattern();
        let day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b";
        let year = r"(?:1[89]\d\d|20\d\d)\b";
        let num = number_pattern();
        let part = r"(?:night|morning|evening|afternoon)";
        let absolute = format!(
            r"(?:{wd},?\s+)?(?:{month}\s+{day}(?:,?\s+{year})?|{day}\s+(?:of\s+)?{month}(?:,?\s+{year})?)|{month},?\s+{year}|\b{year}-\d\d-\d\d\b|{wd}(?:\s+{part})?\b|\b{year}"
        );
        let relative = format!(
            r"\b(?:(?:last|this|next|earlier\s+this|later\s+this|early\s+last|late\s+last|earlier\s+last)\s+(?:year|month|week|{month}|{wd})\b|yesterday\b|(?:(?:{num})\s+(?:days?|weeks?|months?|years?|decades?)|(?:an?|one)\s+(?:day|week|month|year|decade)\s+and\s+a\s+half)\s+(?:ago|earlier|before|later)\b)"
        );
        let pattern = format!(r"(?:\bthe\s+eve\s+of\s+)?(?:{relative}|{absolute})");
        let reader = PhraseReader {
            eve: Regex::new(r"(?i)^the\s+eve\s+of\s+").expect("the eve of"),
            relative: Regex::new(&format!(r"(?i)^(?:{relative})$")).expect("relative date reader"),
            absolute: Regex::new(&format!(
                r"(?i)^(?:(?:(?P<wd>{wd}),?\s+)?(?:(?P<m1>{month})\s+(?P<d1>{day})(?:,?\s+(?P<y1>{year}))?|(?P<d2>{day})\s+(?:of\s+)?(?P<m2>{month})(?:,?\s+(?P<y2>{year}))?)|(?P<m3>{month}),?\s+(?P<y3>{year})|(?P<iy>{year})-(?P<im>\d\d)-(?P<id>\d\d)|(?P<wdonly>{wd})(?:\s+{part})?|(?P<yonly>{year}))$"
            ))
            .expect("absolute date reader"),
        };
        DateGrammar {
            pattern,
            reader,
            finder: OnceLock::new(),
            durations: OnceLock::new(),
            extra: OnceLock::new(),
            holidays,
            holidays_by_key,
        }
    }

    /// Every date phrase in a text, in order, with its byte range and reading; relative phrases
    /// are resolved against `published`, looking back ([`Prefer::Past`]) as news does.
    pub fn scan(&self, text: &str, published: Option<CivilDate>) -> Vec<(Range<usize>, DateReading)> {
        self.scan_with(text, published, Prefer::Past)
    }

    /// Every date phrase in a text, in order, with its byte range and reading, a date that leaves
    /// its year, month or week unsaid resolved against `reference` the way `prefer` says.
    ///
    /// Besides what `pattern` (the rules' `{date}`) finds, the scanner knows forms too loose for
    /// a rule (see [`DateGrammar::scan_regexes`]) and joins two dates around "to", "-", "through",
    /// "and" (after "between") into a range. Where finds overlap, the longest wins.
    pub fn scan_with(
        &self,
        text: &str,
        reference: Option<CivilDate>,
        prefer: Prefer,
    ) -> Vec<(Range<usize>, DateReading)> {
        let finder = self.finder();
        let ascii_words = words_are_ascii(text);
        // "$12 December 27": an amount is no day; nor "6,107.31 August 2019" the end of a number.
        let amount = |at: usize| {
            let before = &text[..at];
            before.trim_end().ends_with(['$', '£', '€'])
                || before.strip_suffix(['.', ',']).is_some_and(|b| b.ends_with(|ch: char| ch.is_ascii_digit()))
        };
        // News looks back, but not where it speaks of what is to come.
        let future = if prefer == Prefer::Past { future_stretches(text) } else { Vec::new() };
        let prefer_at = |date: &Range<usize>| if looks_ahead(text, &future, date) { Prefer::Future } else { prefer };
        let mut candidates: Vec<(Range<usize>, DateReading)> = finder
            .get(ascii_words)
            .find_iter(text)
            .filter(|m| !(m.as_str().len() == 4 && after_acronym(&text[..m.start()])))
            .filter(|m| !in_a_run_of_numbers(text, m.range()))
            .filter(|m| !(m.as_str().starts_with(|c: char| c.is_ascii_digit()) && amount(m.start())))
            .filter_map(|m| {
                Some((m.range(), DateReading::Date(self.read_with(m.as_str(), reference, prefer_at(&m.range()))?)))
            })
            .collect();
        let bytes = text.as_bytes();
        let durations = &self.duration_regexes().finder;
        let lengths: Vec<Range<usize>> = durations.get(ascii_words).find_iter(text).map(|m| m.range()).collect();
        for c in self.scan_regexes().captures_iter(text, ascii_words) {
            let base = c.base;
            // A form that needs words around a date to know it is one marks the date `ml2`.
            let m = c.name("ml2").unwrap_or_else(|| c.whole());
            let m = base + m.start()..base + m.end();
            // A year or a month opening a numeric date ("2018-10-7", "12-2019") is no piece of a
            // longer run of numbers ("10/1/2018-10/7/2018", the number "123-12-1234").
            let before = text[..m.start].trim_end();
            if before
                .strip_suffix(['-', '/', '.', '–'])
                .is_some_and(|b| b.trim_end().ends_with(|ch: char| ch.is_ascii_digit()))
                && ["ya", "yb", "yc", "mym2"].iter().any(|g| c.name(g).is_some())
            {
                continue;
            }
            if c.name("dd").is_some() && amount(m.start) {
                continue;
            }
            if decimal_measure(&text[m.clone()], &text[m.end..]) {
                continue;
            }
            // "2015-1-32": a year and a month that a number goes on from.
            if bytes.get(m.end).is_some_and(|b| matches!(b, b'-' | b'/'))
                && bytes.get(m.end + 1).is_some_and(u8::is_ascii_digit)
                && (c.name("yb").is_some() || c.name("ymn").is_some())
            {
                continue;
            }
            // "October, 1st" only where the date ends: not "in October, 3rd-quarter profits", "in
            // October, 1st Lt. Smith"; "2016 10 16" neither in a run of numbers.
            let phrase = &text[m.clone()];
            let suffixed = |d: &str| d.starts_with(|ch: char| ch.is_ascii_digit()) && d.ends_with(char::is_alphabetic);
            if (phrase.contains(',')
                && c.name("mdc").is_some()
                && !(c.name("de").is_some_and(|d| suffixed(d.as_str())) && date_may_end(&text[m.end..])))
                || (phrase.starts_with(|ch: char| ch.is_ascii_digit())
                    && phrase.contains(' ')
                    && c.name("ys").is_some()
                    && (!date_may_end(&text[m.end..]) || before.ends_with(|ch: char| ch.is_ascii_digit())))
            {
                continue;
            }
            // "temperatures in the nineties", "ratings in the forties": degrees, percentages.
            if phrase.len() > 3
                && phrase.is_char_boundary(phrase.len() - 3)
                && phrase[phrase.len() - 3..].eq_ignore_ascii_case("ies")
                && c.name("dw").is_some()
                && c.name("dwc").is_none()
                && measured_before(&text[..m.start])
            {
                continue;
            }
            // "in 2014 BC Hydro", "14 AD patients": an undotted era is an abbreviation of something
            // else when a word follows it.
            if c.name("era").is_some_and(|e| !e.as_str().ends_with('.'))
                && text[m.end..].trim_start().starts_with(char::is_alphanumeric)
            {
                continue;
            }
            // "$20161016", "20161016%", "20161016.5" are amounts, "case no. 20161016" a number.
            if c.name("cy").is_some()
                && (amount(m.start)
                    || numbered(&text[..m.start])
                    || bytes.get(m.end) == Some(&b'%')
                    || (matches!(bytes.get(m.end), Some(b'.' | b','))
                        && bytes.get(m.end + 1).is_some_and(u8::is_ascii_digit)))
            {
                continue;
            }
            // "the 10 victims", "the 2-1 win", "the first week", "the second round": a number or
            // an ordinal after "the" is a day only where a date ends or a range goes on ("back
            // for the 27.", "from the 13 to 15 July", "on the first of the month").
            // So a number after a weekday: "On Saturday, 12 protesters were held" is last
            // Saturday, not the 12th of a month whose 12th was a Saturday. An ordinal in words
            // after one ends the phrase or is no day at all ("on Friday, the first anniversary of
            // the truce", "on Friday, the second in a month"); "the 22nd" is a day wherever it
            // stands.
            let wtd = c.name("wtd").map(|d| d.as_str());
            let bare = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
            let in_words = wtd.is_some_and(|d| d.starts_with(|ch: char| ch.is_alphabetic()));
            if ((c.name("dn").is_some() || wtd.is_some_and(bare)) && !date_may_end(&text[m.end..]))
                || (in_words && !ends_at_a_mark(&text[m.end..]))
            {
                continue;
            }
            // "THE BOY WHO LIVED": in a line of capitals, a word in capitals is no abbreviation.
            if c.name("ab").is_some() && in_a_line_of_capitals(text, &m) {
                continue;
            }
            // "won Friday 7-6": a score after a weekday, now that "Friday 7" is no longer read.
            let word_before =
                text[..m.start].trim_end().trim_end_matches(',').rsplit(|ch: char| !ch.is_alphabetic()).next();
            if c.name("na").is_some() && text[m.clone()].contains('-') && word_before.and_then(weekday_number).is_some()
            {
                continue;
            }
            if c.name("na").or(c.name("sr1")).or(c.name("sd1")).is_some() {
                // "3.5 years" is a length of time.
                if overlaps_any(&lengths, &m) {
                    continue;
                }
                // Not a piece of a longer run of numbers: "1.5/2", "3/4/5/6", "24/7%".
                let before = text[..m.start].chars().next_back();
                let after = &bytes[m.end..];
                let digit_after = |i: usize| after.get(i).is_some_and(u8::is_ascii_digit);
                // "at 4.22", "at 4-22" are times of day ("at 5/12/2020" a date); "30/4.85" a
                // ratio of a decimal, its separators unlike.
                let phrase = &text[m.clone()];
                // Four digits: "at 10.30.45" is a time to the second.
                let with_year = has_four_digits(phrase);
                let mut separators = phrase.chars().filter(|ch| matches!(ch, '-' | '/' | '.'));
                let first_separator = separators.next();
                if before.is_some_and(|ch| ch.is_ascii_digit() || matches!(ch, '.' | '/' | '-' | ':' | '$'))
                    || (after.first().is_some_and(|b| matches!(b, b'/' | b'.' | b'-' | b':')) && digit_after(1))
                    || after.first() == Some(&b'%')
                    || (at_before(&text[..m.start]) && !with_year)
                    || (c.name("nc").is_some() && separators.any(|ch| Some(ch) != first_separator))
                {
                    continue;
                }
            }
            if let Some(r) = self.read_scanned(&c, reference, prefer_at(&m)) {
                // "during Q3": the word that makes a quarter a date is no part of it.
                let start = c.name("qn4").map_or(m.start, |q| base + q.start() - 1);
                candidates.push((start..m.end, r));
            }
        }
        candidates.retain(|(r, _)| !modal_may(&text[r.clone()], &text[r.end..]));
        // Longest first among overlapping finds; the rules' own reading first among equals.
        let unresolved =
            |r: &DateReading| matches!(r, DateReading::Date(v) if v.unresolved.is_some() || v.year.is_none());
        // Each key ends in the index, so no two are equal and the unstable sort is stable.
        let mut order: Vec<_> = candidates
            .iter()
            .enumerate()
            .map(|(i, (r, d))| (std::cmp::Reverse(r.len()), r.start, unresolved(d), i))
            .collect();
        order.sort_unstable();
        // The finds kept so far by start; they never overlap, so a find overlaps one of them
        // exactly when it overlaps the last that starts before its end.
        let mut kept: BTreeMap<usize, (Range<usize>, DateReading)> = BTreeMap::new();
        let mut candidates: Vec<Option<(Range<usize>, DateReading)>> = candidates.into_iter().map(Some).collect();
        for (.., i) in order {
            let r = &candidates[i].as_ref().expect("each candidate comes once in the order").0;
            if kept.range(..r.end).next_back().is_none_or(|(_, (k, _))| k.end <= r.start) {
                let (r, d) = candidates[i].take().expect("each candidate comes once in the order");
                kept.insert(r.start, (r, d));
            }
        }
        let kept: Vec<(Range<usize>, DateReading)> = kept.into_values().collect();
        let kept = self.attach_years(text, kept);
        let kept = self.count_from_offsets(text, kept, reference);
        let kept = self.apply_parts(text, kept, reference, prefer_at);
        let found = self.join_ranges(text, kept, reference);
        let found = ranges_under_way(text, found, reference);
        let found = offset_days(text, found, |phrase| self.is_holiday_name(phrase));
        let found = bounded_offsets(text, found);
        let found = compared_years(text, found);
        let found = self.holiday_weekends(text, found);
        let mut found = open_ranges(text, found);
        let dates: Vec<Range<usize>> = found.iter().map(|(r, _)| r.clone()).collect();
        for m in lengths {
            if overlaps_any(&dates, &m) || ordinal_second(&text[m.clone()], &text[m.end..]) {
                continue;
            }
            if let Some(d) = self.read_duration(&text[m.clone()]) {
                found.push((m, DateReading::Duration(d)));
            }
        }
        found.sort_by_key(|(r, _)| r.start);
        found
    }

    fn finder(&self) -> &Twin {
        self.finder.get_or_init(|| Twin::new(&format!("(?i){}", self.pattern)).expect("date pattern"))
    }

    fn duration_regexes(&self) -> &DurationRegexes {
        self.durations.get_or_init(|| {
            let num = number_pattern();
            let unit = DURATION_UNITS;
            let extra = format!(r"(?:(?:{})\s+)?", EXTRA_WORDS.join("|"));
            let finder = Twin::new(&format!(
                r"(?i)\b(?:(?:{num}|an?)[\s-]*{extra}{unit}|half[\s-]+(?:an?\s+)?{unit}|(?:all|full|whole)[\s-]+(?:day|week|month|year))\b"
            ))
            .expect("duration pattern");
            let reader = Regex::new(&format!(r"(?i)^(?P<amount>.*?)[\s-]*{extra}(?P<unit>{unit})$")).expect("duration reader");
            let unit = Regex::new(&format!(r"(?i)^{unit}$")).expect("duration unit");
            DurationRegexes { finder, reader, unit }
        })
    }

    /// The amount and the unit of a length of time, single-spaced, as the duration reader
    /// captures them.
    fn duration_parts<'p>(&self, norm: &'p str) -> Option<(&'p str, &'p str)> {
        // "six months", "3 years": the reader's amount is the shortest start that a unit follows,
        // perhaps after dashes or an extra word ("two more weeks"). Before a word alone, nothing
        // shorter than the first word can be that start unless the first word ends with a dash
        // or an extra word.
        if let Some((amount, unit)) = norm.split_once(' ')
            && amount.is_ascii()
            && !amount.ends_with('-')
            && !EXTRA_WORDS
                .iter()
                .any(|w| amount.len() >= w.len() && amount[amount.len() - w.len()..].eq_ignore_ascii_case(w))
            && self.duration_regexes().unit.is_match(unit)
        {
            return Some((amount, unit));
        }
        self.duration_parts_captured(norm)
    }

    fn duration_parts_captured<'p>(&self, norm: &'p str) -> Option<(&'p str, &'p str)> {
        let c = self.duration_regexes().reader.captures(norm)?;
        Some((c.name("amount")?.as_str(), c.name("unit")?.as_str()))
    }

    /// Reads a length of time: "six months" → 6 months, "3.5years", "an hour", "half a day",
    /// "two decades", "all week" (one week).
    pub fn read_duration(&self, text: &str) -> Option<Duration> {
        let norm = single_spaced(text);
        let (amount, unit) = self.duration_parts(&norm)?;
        let unit = DurationUnit::from_name(unit)?;
        let amount = amount.trim().to_lowercase();
        let amount = match amount.as_str() {
            "a" | "an" | "all" | "full" | "whole" | "one" => 1.0,
            "half" | "half a" | "half an" => 0.5,
            other => parse_number(other)?,
        };
        Some(Duration { amount, unit })
    }

    /// Reads a date phrase (as matched by `pattern`), resolving relative parts against `published`
    /// and looking back, as news does ([`Prefer::Past`]).
    pub fn read(&self, text: &str, published: Option<CivilDate>) -> Option<DateValue> {
        self.read_with(text, published, Prefer::Past)
    }

    /// Reads a date phrase (as matched by `pattern`), resolving relative parts against `reference`;
    /// a weekday or a month and day without a year resolve the way `prefer` says.
    pub fn read_with(&self, text: &str, published: Option<CivilDate>, prefer: Prefer) -> Option<DateValue> {
        // Most dates in news are a bare year: nothing to parse but the number.
        if is_year_digits(text) {
            return Some(DateValue {
                year: text.parse().ok(),
                month: None,
                day: None,
                weekday: None,
                unresolved: None,
            });
        }
        let norm = single_spaced(text);
        let (eve, phrase) = self.reader.split_eve(&norm);
        let v = if self.reader.relative.is_match(phrase) {
            resolve_relative(phrase, published)?
        } else if let Some(groups) = common_absolute(phrase) {
            read_absolute(|name| groups.get(name), &norm, published, prefer)?
        } else {
            let c = self.reader.absolute.captures(phrase)?;
            read_absolute(|name| c.name(name).map(|m| m.as_str()), &norm, published, prefer)?
        };
        if let (Some(y), Some(m), Some(d)) = (v.year, v.month, v.day) {
            if !is_valid(CivilDate { year: y, month: m, day: d }) {
                return None;
            }
        } else if let (Some(m), Some(d)) = (v.month, v.day)
            && d > super::calendar::days_in_month(2024, m)
        {
            return None;
        }
        if eve { day_before(v) } else { Some(v) }
    }
}

/// The parts of [`DateGrammar`]'s phrase reader.
#[derive(Debug, Clone)]
struct PhraseReader {
    eve: Regex,
    relative: Regex,
    absolute: Regex,
}

impl PhraseReader {
    /// Whether a phrase begins "the eve of", and the rest. No relative or absolute form begins
    /// with "the", so taking the prefix whenever it is there is what the optional group of one
    /// anchored regex would do.
    fn split_eve<'p>(&self, phrase: &'p str) -> (bool, &'p str) {
        match self.eve.find(phrase) {
            Some(m) => (true, &phrase[m.end()..]),
            None => (false, phrase),
        }
    }
}

/// The groups [`PhraseReader::absolute`] captures from the commonest absolute phrases, found
/// without its capture search: a weekday alone ("Friday": `wdonly`), a month and a day ("March
/// 22": `m1`, `d1`) or a month and a year ("Aug. 2021": `m3`, `y3`), the names capitalised as
/// `month_pattern` and `weekday_pattern` have them. None for any other phrase.
struct CommonGroups<'p>([(&'static str, &'p str); 2]);

impl<'p> CommonGroups<'p> {
    fn get(&self, name: &str) -> Option<&'p str> {
        self.0.iter().find(|(n, _)| *n == name).map(|g| g.1)
    }
}

fn common_absolute(phrase: &str) -> Option<CommonGroups<'_>> {
    if WEEKDAYS.iter().any(|w| capitalised(phrase, w)) {
        // One group, given twice.
        return Some(CommonGroups([("wdonly", phrase); 2]));
    }
    let (month, number) = phrase.split_once(' ')?;
    let abbreviation = month.strip_suffix('.').unwrap_or(month);
    if !(MONTHS.iter().any(|m| capitalised(month, m))
        || MONTH_ABBREVIATIONS.iter().any(|a| capitalised(abbreviation, a)))
    {
        return None;
    }
    let digits = number.bytes().take_while(u8::is_ascii_digit).count();
    let (day, suffix) = number.split_at(digits);
    let ordinal = ["", "st", "nd", "rd", "th"].iter().any(|s| suffix.eq_ignore_ascii_case(s));
    // As `day` in `DateGrammar::new` reads: 1 to 31, with an optional leading zero.
    let day_of_month =
        matches!(day.as_bytes(), [b'1'..=b'9'] | [b'0', b'1'..=b'9'] | [b'1' | b'2', _] | [b'3', b'0' | b'1']);
    if day_of_month && ordinal {
        return Some(CommonGroups([("m1", month), ("d1", number)]));
    }
    is_year_digits(number).then_some(CommonGroups([("m3", month), ("y3", number)]))
}

/// Whether `word` is `lower` (a lowercase ASCII name) with a capital first letter.
fn capitalised(word: &str, lower: &str) -> bool {
    let (w, l) = (word.as_bytes(), lower.as_bytes());
    w.len() == l.len() && !w.is_empty() && w[0] == l[0].to_ascii_uppercase() && w[1..] == l[1..]
}

/// The date an absolute phrase names ("Friday, March 22", "August 2021", "Sunday"), from the
/// groups [`PhraseReader::absolute`] captures (`group` gives each by name); `norm` is the phrase,
/// single-spaced.
fn read_absolute<'p>(
    group: impl Fn(&str) -> Option<&'p str>,
    norm: &str,
    published: Option<CivilDate>,
    prefer: Prefer,
) -> Option<DateValue> {
    let mut v = DateValue { year: None, month: None, day: None, weekday: None, unresolved: None };
    let num =
        |name: &str| group(name).and_then(|m| m.trim_end_matches(|ch: char| ch.is_alphabetic()).parse::<i64>().ok());
    if let (Some(y), Some(m), Some(d)) = (num("iy"), num("im"), num("id")) {
        (v.year, v.month, v.day) = (Some(y as i32), Some(m as u32), Some(d as u32));
    } else if let Some(m) = group("m1").or(group("m2")) {
        v.month = month_number(m);
        v.day = num("d1").or(num("d2")).map(|d| d as u32);
        v.year = num("y1").or(num("y2")).map(|y| y as i32);
        if v.year.is_none() {
            v.year = match (published, group("wd").and_then(weekday_number)) {
                // "Sunday, Feb 10": the year whose February 10 is a Sunday.
                (Some(p), Some(w)) => day_on_weekday(p, v.month?, v.day?, w, prefer).map(|d| d.year),
                (p, _) => p.and_then(|p| month_day_year(p, v.month?, v.day?, prefer)),
            };
        }
    } else if let Some(m) = group("m3") {
        v.month = month_number(m);
        v.year = num("y3").map(|y| y as i32);
    } else if let Some(w) = group("wdonly") {
        v = lone_weekday(weekday_number(w)?, norm, published, prefer);
    } else if let Some(y) = num("yonly") {
        v.year = Some(y as i32);
    }
    if let Some(w) = group("wd") {
        v.weekday = weekday_number(w);
    }
    Some(v)
}

// The names are ASCII, and no character outside ASCII lowercases to one of their letters (the
// Kelvin sign lowercases to "k"; no name holds one), so comparing ASCII case-insensitively is
// comparing lowercased, without building the lowercase string.
/// A weekday said alone ("Friday", "Sunday night": `phrase`): the day it is nearest the
/// publication day the way `prefer` says, or the phrase kept unresolved without one.
fn lone_weekday(w: u32, phrase: &str, published: Option<CivilDate>, prefer: Prefer) -> DateValue {
    let mut v = DateValue { year: None, month: None, day: None, weekday: Some(w), unresolved: None };
    match published {
        Some(p) => {
            let d = weekday_near(p, w, prefer);
            (v.year, v.month, v.day) = (Some(d.year), Some(d.month), Some(d.day));
        }
        None => v.unresolved = Some(phrase.to_string()),
    }
    v
}

fn month_number(text: &str) -> Option<u32> {
    let t = text.trim_end_matches('.').as_bytes();
    MONTHS
        .iter()
        .position(|m| t.len() >= 3 && m.len() >= t.len() && m.as_bytes()[..t.len()].eq_ignore_ascii_case(t))
        .map(|i| i as u32 + 1)
}

fn weekday_number(text: &str) -> Option<u32> {
    WEEKDAYS.iter().position(|w| w.eq_ignore_ascii_case(text)).map(|i| i as u32)
}

/// The year of a month-day said in an article published on `p`: news speaks of the past, so a
/// date more than a week after publication belongs to the year before; February 29 to the last
/// leap year.
fn year_for_month_day(p: CivilDate, month: u32, day: u32) -> Option<i32> {
    let this_year = CivilDate { year: p.year, month, day };
    if !is_valid(this_year) {
        return (p.year - 8..p.year).rev().find(|y| is_valid(CivilDate { year: *y, month, day }));
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
    let lower = single_spaced_lowercase(text);
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
        // "a year and a half ago": the half goes with the amount before the unit.
        let (amount, unit, half) = match &words[..words.len() - 1] {
            [amount @ .., unit, "and", "a", "half"] => (amount, unit, 0.5),
            [amount @ .., unit] => (amount, unit, 0.0),
            [] => return None,
        };
        let unit = unit.trim_end_matches('s');
        // Beyond ten thousand units ago a phrase is not a news date (and would overflow).
        let n = one_or_number(&amount.join(" ")).map(|n| n + half).filter(|n| *n <= 10_000.0)?;
        // "two and a half years ago" is thirty months ago, not two years: a part of a unit counts
        // in the next smaller one, where it comes out whole; else ("a month and a half ago") the
        // phrase names no month or day, and is read as none rather than as a wrong one.
        let (n, unit) = match unit {
            "year" if n.fract() != 0.0 => (n * 12.0, "month"),
            "decade" if n.fract() != 0.0 => (n * 10.0, "year"),
            _ => (n, unit),
        };
        if n.fract() != 0.0 {
            return None;
        }
        let n = n as i64;
        return match unit {
            "day" => {
                let d = add_days(p, -n);
                date(d.year, Some(d.month), Some(d.day))
            }
            "week" => Some(unresolved()),
            "month" => {
                let months = month_index(p) - n;
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
                // "last March": the March of the year before; "this March": this year's; "next
                // March": the coming one (said in February, this year's), as both peers read it.
                let y = if direction == "next" {
                    p.year + i32::from(m <= p.month)
                } else if past {
                    p.year - 1
                } else {
                    p.year
                };
                date(y, Some(m), None)
            } else if let Some(wd) = weekday_number(w) {
                let back = (weekday(p) + 7 - wd) % 7;
                let back = if past { back + 7 * i64::from(back == 0) as u32 } else { back };
                let d = if direction == "next" {
                    // "next Friday": the Friday of next week, never one already past.
                    add_days(p, 7 - i64::from(weekday(p)) + i64::from(wd))
                } else if direction == "this" {
                    // "this Friday": the Friday of this week (Monday to Sunday), past or to come.
                    add_days(monday_of(p), i64::from(wd))
                } else {
                    add_days(p, -i64::from(back))
                };
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

/// A range end the scanner does not find as a date on its own, which takes what it leaves unsaid
/// from the other end: a bare day ("from the 13th to the 15th of July", "April 9th through
/// 17th"), a month beside another month ("Jan-Feb 2017", "Nov-Feb 2017") or "now" ("from March
/// to date", "between now and November 15th").
#[derive(Debug, Clone, Copy, PartialEq)]
enum Loose {
    Day(u32),
    Month(u32),
    Now,
}

/// One end of a possible range: where it is, what the scanner read there (None for an end found
/// only beside another), and how it reads as a loose end.
struct End {
    range: Range<usize>,
    reading: Option<DateReading>,
    loose: Option<Loose>,
}

/// Whether a range end is a weekday alone ("Friday", "on Tue.").
fn weekday_end(text: &str) -> bool {
    static WD: OnceLock<Regex> = OnceLock::new();
    WD.get_or_init(|| {
        Regex::new(&format!(r"(?i)^(?:on\s+)?(?:(?:this|next|last|coming)\s+)?(?:{})\.?$", weekday_words()))
            .expect("a weekday alone")
    })
    .is_match(text.trim())
}

/// The words that join two range ends: "-", "to", "till", "until", "through", "and".
const RANGE_LINK: &str = r"(?:-|–|—|~|to|till|until|through|thru|and)";

/// The month names a loose range end may be: any case, but "May", "March" and "Mar" only
/// capitalized (they are also words).
fn loose_month_pattern() -> &'static str {
    r"(?:(?-i:May|March|Mar)|(?i:january|february|april|june|july|august|september|october|november|december|jan|feb|apr|jun|jul|aug|sept|sep|oct|nov|dec))"
}

/// The day a loose end names: "13th", "the 13th", "ninth", "the 9"; a bare number ("13") only
/// where `plain_ok` (after "from" or "between", or after a word link), never a cardinal word
/// ("two"), which is a count.
fn loose_day(text: &str, plain_ok: bool) -> Option<u32> {
    let t = text.trim();
    let (the, rest) = match t.get(..4) {
        Some(w) if w.eq_ignore_ascii_case("the ") => (true, t[4..].trim_start()),
        _ => (false, t),
    };
    if DAY_CARDINALS.iter().any(|c| rest.eq_ignore_ascii_case(c)) {
        return None;
    }
    let plain = rest.bytes().all(|b| b.is_ascii_digit());
    if plain && !the && !plain_ok {
        return None;
    }
    day_value(rest)
}

/// The loose range end a match of `join_ranges`' `before` or `after` found (its `day`, `mon` or
/// `now` group), and where it is in the match: a plain number is a day only where `plain_day`,
/// "now" an end only where `now`.
fn loose_end(c: &regex::Captures, plain_day: bool, now: bool) -> Option<(Range<usize>, Loose)> {
    if let Some(d) = c.name("day") {
        loose_day(d.as_str(), plain_day).map(|l| (d.range(), Loose::Day(l)))
    } else if let Some(m) = c.name("mon") {
        month_number(m.as_str()).map(|l| (m.range(), Loose::Month(l)))
    } else {
        c.name("now").filter(|_| now).map(|m| (m.range(), Loose::Now))
    }
}

impl DateGrammar {
    /// Whether a found date leaves its year unsaid, so that a range's other end may supply it:
    /// a month and day ("Nov 18", "10/1"), a month ("August") or a weekday ("Friday").
    fn floats(&self, text: &str) -> bool {
        static ALONE: OnceLock<Regex> = OnceLock::new();
        let alone = ALONE.get_or_init(|| {
            Regex::new(&format!(
                r"(?i)^(?:(?:on|in|of|since|until|from|between|during|by)\s+)?(?:{}|{})\.?$",
                weekday_words(),
                MONTHS.join("|")
            ))
            .expect("a weekday or a month alone")
        });
        if alone.is_match(text.trim()) {
            return true;
        }
        matches!(
            self.scan_with(text, None, Prefer::Past).as_slice(),
            [(r, DateReading::Date(v))] if r.len() == text.len() && v.year.is_none() && v.month.is_some() && v.unresolved.is_none()
        )
    }

    /// Gives a month or a month and day the year written after it with "of" or "in", or the year
    /// counted from this one: "June of 1992", "July 4th of 1995", "28 June in 2020", "in October
    /// last year" (said in December 2024, October 2023, not the October just past), "January 3
    /// this year".
    fn attach_years(&self, text: &str, found: Vec<(Range<usize>, DateReading)>) -> Vec<(Range<usize>, DateReading)> {
        static OF: OnceLock<(Regex, Regex, Regex)> = OnceLock::new();
        let (of, year, counted) = OF.get_or_init(|| {
            (
                Regex::new(r"(?i)^\s*,?\s*(?:of|in)\s+$").expect("of a year"),
                Regex::new(&format!(r"^{YEAR_PATTERN}$")).expect("a year"),
                Regex::new(r"(?i)^(?:last|this|next|previous)\s+year$").expect("a year counted from this one"),
            )
        });
        let mut out: Vec<(Range<usize>, DateReading)> = Vec::with_capacity(found.len());
        let mut found = found.into_iter().peekable();
        while let Some((a, reading)) = found.next() {
            if let DateReading::Date(_) = reading
                && let Some((b, DateReading::Date(yv))) = found.peek()
                && let Some(y) = if year.is_match(&text[b.clone()]) && of.is_match(&text[a.end..b.start]) {
                    text[b.clone()].parse::<i32>().ok()
                } else if counted.is_match(&text[b.clone()])
                    && text[a.end..b.start].trim().is_empty()
                    && !text[b.end..].starts_with(['\'', '’'])
                    && text[a.clone()].split_whitespace().any(|w| month_number(w.trim_end_matches('.')).is_some())
                {
                    yv.year.filter(|_| yv.month.is_none())
                } else {
                    None
                }
                && self.floats(&text[a.clone()])
                && let Some(DateReading::Date(v)) =
                    self.reread(&text[a.clone()], CivilDate { year: y, month: 1, day: 1 }, Prefer::Future)
                && v.year == Some(y)
                && v.month.is_some()
            {
                out.push((a.start..b.end, DateReading::Date(DateValue { weekday: None, ..v })));
                found.next();
                continue;
            }
            out.push((a, reading));
        }
        out
    }

    /// A holiday or a month counted from another day than the reference: "thanksgiving in 9
    /// months", "March in a year", "Christmas two years ago". Counted in years, it is the
    /// occurrence in the year counted to ("Christmas two years ago", said in February 2013, is
    /// Christmas 2011, as "Christmas last year" is 2012); counted in shorter units, the occurrence
    /// nearest the day counted to. "in N years" after a superlative or an ordinal counts the time
    /// since, not a date ("the coldest March in 50 years", "the first Christmas in two years"),
    /// and before "when" or "of" it is no offset either ("a March in a year when ...").
    fn count_from_offsets(
        &self,
        text: &str,
        found: Vec<(Range<usize>, DateReading)>,
        reference: Option<CivilDate>,
    ) -> Vec<(Range<usize>, DateReading)> {
        static RE: OnceLock<(Regex, Regex, Regex)> = OnceLock::new();
        let Some(p) = reference else { return found };
        let (offset, since, clause) = RE.get_or_init(|| {
            let num = number_pattern();
            let unit = r"days?|weeks?|months?|years?";
            (
                Regex::new(&format!(
                    r"(?i)^\s+(?:(?P<in>in)\s+(?P<n1>{num}|an?)\s+(?P<u1>{unit})|(?P<n2>{num}|an?)\s+(?P<u2>{unit})\s+(?P<dir>from\s+now|hence|ago))\b"
                ))
                .expect("an offset after a holiday or a month"),
                Regex::new(r"(?i)\b(?:first|last|only|most|least|\w{2,}est)\b(?:\s+\S+){0,2}\s+$")
                    .expect("a superlative or an ordinal before a holiday or a month"),
                Regex::new(r"(?i)^\s+(?:when|that|where|of|since|for)\b").expect("a clause after an offset"),
            )
        });
        let mut out = Vec::with_capacity(found.len());
        let mut covered = 0;
        for (range, reading) in found {
            if range.start < covered {
                continue;
            }
            let shifted = offset.captures_if_any(&text[range.end..]).and_then(|c| {
                let after = range.end + c.get(0)?.end();
                if c.name("in").is_some() && (since.is_match(&text[..range.start]) || clause.is_match(&text[after..])) {
                    return None;
                }
                let n = count_of(c.name("n1").or(c.name("n2"))?.as_str())?;
                let n = if c.name("dir").is_some_and(|d| d.as_str().eq_ignore_ascii_case("ago")) { -n } else { n };
                let unit = DurationUnit::from_name(c.name("u1").or(c.name("u2"))?.as_str())?;
                let reading = self.occurrence_near(&text[range.clone()], &reading, shift(p, n, unit)?, unit)?;
                Some((range.start..after, reading))
            });
            match shifted {
                Some((span, reading)) => {
                    covered = span.end;
                    out.push((span, reading));
                }
                None => out.push((range, reading)),
            }
        }
        out
    }

    /// The occurrence of a holiday or a month (`phrase`, read as `reading`) that an offset of
    /// `unit`s counts to from the reference: the one in `day`'s year when counting years, else the
    /// one nearest `day`. None for any other phrase.
    fn occurrence_near(
        &self,
        phrase: &str,
        reading: &DateReading,
        day: CivilDate,
        unit: DurationUnit,
    ) -> Option<DateReading> {
        let distance = |(start, end): (CivilDate, CivilDate)| {
            (days_from_civil(start) + days_from_civil(end) - 2 * days_from_civil(day)).abs()
        };
        if let Some(rule) = self.holiday(phrase) {
            let days = if unit == DurationUnit::Year {
                rule.in_year(day.year).into_iter().next()
            } else {
                [holiday_from(rule, day, true, true), holiday_from(rule, day, false, true)]
                    .into_iter()
                    .flatten()
                    .min_by_key(|d| distance(*d))
            };
            return days.map(holiday_reading);
        }
        // A month alone: "March 2024 in two years" keeps the year it states.
        let (DateReading::Date(DateValue { month: Some(m), day: None, .. }), Some(_)) = (reading, month_number(phrase))
        else {
            return None;
        };
        let year = if unit == DurationUnit::Year {
            day.year
        } else {
            (day.year - 1..=day.year + 1).min_by_key(|y| date_stretch(&month_value(*y, *m)).map(distance))?
        };
        Some(DateReading::Date(month_value(year, *m)))
    }

    /// A found date read again against `anchor` instead of the reference date.
    fn reread(&self, text: &str, anchor: CivilDate, prefer: Prefer) -> Option<DateReading> {
        match self.scan_with(text, Some(anchor), prefer).as_slice() {
            [(r, reading)] if r.len() == text.len() => Some(reading.clone()),
            _ => None,
        }
    }

    /// Joins two dates written as the ends of one range: "from March 3 to March 5", "2014-2018",
    /// "between 2016 and 2018". An end that leaves its year unsaid takes it from the other end
    /// ("Nov 18 - Dec 19, 2015", "from May to Oct 2020"); when neither says it, the second end
    /// follows the first ("from Nov to March"). A bare day or month takes the rest from the other
    /// end ("between 3 and 12 of Sept", "Jan-Feb 2017"), and "now" or "date" is the reference day
    /// ("from March to date").
    fn join_ranges(
        &self,
        text: &str,
        found: Vec<(Range<usize>, DateReading)>,
        reference: Option<CivilDate>,
    ) -> Vec<(Range<usize>, DateReading)> {
        static RE: OnceLock<(Regex, Regex, Regex, Regex, Regex)> = OnceLock::new();
        let (link, lead, before, after, bare) = RE.get_or_init(|| {
            let day = day_words_pattern();
            let mon = loose_month_pattern();
            (
                Regex::new(&format!(r"(?i)^\s*{RANGE_LINK}\s*$")).expect("range link"),
                Regex::new(r"(?i)\b(?:from|between)\s+$").expect("range lead"),
                Regex::new(&format!(
                    r"(?i)(?:\b(?P<lead>from|between)\s+)?(?:\b(?P<day>(?:the\s+)?{day})|\b(?P<mon>{mon})\.?|\b(?P<now>now))\s*{RANGE_LINK}\s*$"
                ))
                .expect("a loose first end"),
                Regex::new(&format!(
                    r"(?i)^\s*(?P<link>{RANGE_LINK})\s*(?:(?P<day>(?:the\s+)?{day})|(?P<mon>{mon})\b\.?|(?P<now>now|date|current\s+date|the\s+present)\b)"
                ))
                .expect("a loose second end"),
                Regex::new(&format!(r"(?i)^(?:on\s+)?(?P<day>(?:the\s+)?{day})$")).expect("a bare day")
            )
        });
        // The ends: each found date (a bare day as a loose one too), and loose ends beside them.
        let mut ends: Vec<End> = Vec::with_capacity(found.len());
        let mut prev_end = 0;
        let mut found = found.into_iter().peekable();
        while let Some((range, reading)) = found.next() {
            let next_start = found.peek().map_or(text.len(), |(r, _)| r.start);
            let last_end = ends.last().map_or(0, |e| e.range.end);
            if let Some(c) = before.captures_if_any(&text[prev_end.max(last_end)..range.start]) {
                let at = prev_end.max(last_end);
                let led = c.name("lead").is_some() || lead.is_match(&text[..at + c.get(0).map_or(0, |m| m.start())]);
                if let Some((r, loose)) = loose_end(&c, led, led) {
                    ends.push(End { range: at + r.start..at + r.end, reading: None, loose: Some(loose) });
                }
            }
            let loose =
                bare.captures_if_any(&text[range.clone()]).and_then(|c| loose_day(&c["day"], true)).map(Loose::Day);
            ends.push(End { range: range.clone(), reading: Some(reading), loose });
            if let Some(c) = after.captures_if_any(&text[range.end..next_start]) {
                let word_link = c["link"].chars().all(char::is_alphabetic);
                let led = lead.is_match(&text[..range.start]);
                if let Some((r, loose)) = loose_end(&c, led || word_link, true) {
                    let at = range.end;
                    ends.push(End { range: at + r.start..at + r.end, reading: None, loose: Some(loose) });
                }
            }
            prev_end = range.end;
        }
        let mut out: Vec<(Range<usize>, DateReading)> = Vec::with_capacity(ends.len());
        let mut i = 0;
        while i < ends.len() {
            if i + 1 < ends.len() {
                let (a, b) = (&ends[i], &ends[i + 1]);
                // Most ends are no range: the link between them, first.
                if a.range.end <= b.range.start
                    && let between = &text[a.range.end..b.range.start]
                    && link.is_match(between)
                    && let lead_m = lead.find(&text[..a.range.start])
                    && (!between.trim().eq_ignore_ascii_case("and")
                        || lead_m.as_ref().is_some_and(|m| m.as_str().to_lowercase().starts_with("between")))
                    && let Some(reading) = self.range_of(text, a, b, reference)
                {
                    let start = lead_m.map_or(a.range.start, |m| m.start());
                    out.push((start..b.range.end, reading));
                    i += 2;
                    continue;
                }
            }
            // No later step looks at this end again.
            if let Some(reading) = ends[i].reading.take() {
                out.push((ends[i].range.clone(), reading));
            }
            i += 1;
        }
        out
    }

    /// The range two ends make, each end read as [`DateGrammar::join_ranges`] says; None when
    /// they make none (the second before the first, a bare day beside a month).
    fn range_of(&self, text: &str, a: &End, b: &End, reference: Option<CivilDate>) -> Option<DateReading> {
        let day_of = |r: &DateReading| match r {
            DateReading::Date(v) if v.day.is_some() => date_stretch(v),
            _ => None,
        };
        let month_of = |r: &DateReading| match r {
            DateReading::Date(v) if v.month.is_some() => date_stretch(v).map(|s| s.0),
            _ => None,
        };
        let day = |y: i32, m: u32, d: u32| {
            let s = CivilDate { year: y, month: m, day: d };
            is_valid(s).then(|| (s, add_days(s, 1)))
        };
        let month = |y: i32, m: u32| date_stretch(&month_value(y, m));
        let (ta, tb) = (&text[a.range.clone()], &text[b.range.clone()]);
        let (from, to) = match (a.loose, &a.reading, b.loose, &b.reading) {
            (Some(Loose::Day(d)), _, _, Some(rb)) if day_of(rb).is_some() => {
                let to = day_of(rb)?;
                (day(to.0.year, to.0.month, d).filter(|f| f.0 < to.0)?, to)
            }
            (_, Some(ra), Some(Loose::Day(d)), _) if day_of(ra).is_some() => {
                let from = day_of(ra)?;
                (from, day(from.0.year, from.0.month, d).filter(|t| t.0 > from.0)?)
            }
            (Some(Loose::Month(m)), None, _, Some(rb)) => {
                let s = month_of(rb)?;
                (month(if m <= s.month { s.year } else { s.year - 1 }, m)?, reading_stretch(rb)?)
            }
            (_, Some(ra), Some(Loose::Month(m)), None) => {
                let s = month_of(ra)?;
                (reading_stretch(ra)?, month(if m >= s.month { s.year } else { s.year + 1 }, m)?)
            }
            // "Now" is the reference day; a date beside it without a year is the one nearest it
            // on its side ("between now and November 15th": the coming one).
            (Some(Loose::Now), None, _, Some(rb)) => {
                let p = reference?;
                let to = if self.floats(tb) { &self.reread(tb, p, Prefer::Future)? } else { rb };
                ((p, add_days(p, 1)), reading_stretch(to)?)
            }
            (_, Some(ra), Some(Loose::Now), None) => {
                let p = reference?;
                let from = if self.floats(ta) { &self.reread(ta, p, Prefer::Past)? } else { ra };
                (reading_stretch(from)?, (p, add_days(p, 1)))
            }
            // A bare day ranges only with another day: "from the first to the second quarter"
            // is no range of days.
            (Some(Loose::Day(_)), ..) | (_, _, Some(Loose::Day(_)), _) => return None,
            (_, Some(ra), _, Some(rb)) => {
                let (sa, sb) = (end_stretch(ra)?, end_stretch(rb)?);
                // "Friday-Jun-15" names one day twice; "Monday - Friday" and "from Monday to
                // June 15" are ranges.
                let one_day = |s: (CivilDate, CivilDate)| days_from_civil(s.1) - days_from_civil(s.0) == 1;
                let dash = matches!(text[a.range.end..b.range.start].trim(), "-" | "–" | "—");
                if dash
                    && ((weekday_end(ta) && one_day(sb) && !weekday_end(tb))
                        || (weekday_end(tb) && one_day(sa) && !weekday_end(ta)))
                {
                    return None;
                }
                if self.floats(tb) {
                    (sa, reading_stretch(&self.reread(tb, sa.0, Prefer::Future)?)?)
                } else if self.floats(ta) {
                    (reading_stretch(&self.reread(ta, sb.0, Prefer::Past)?)?, sb)
                } else {
                    (sa, sb)
                }
            }
            _ => return None,
        };
        (from.0 < to.1).then_some(DateReading::Between { from, to })
    }
}

/// A range read ahead (a future clause's "between August and October", said in September) that
/// a year back would hold the reference day is the one under way, unless its year is written.
fn ranges_under_way(
    text: &str,
    found: Vec<(Range<usize>, DateReading)>,
    reference: Option<CivilDate>,
) -> Vec<(Range<usize>, DateReading)> {
    let Some(p) = reference else { return found };
    let says_a_year = |phrase: &str| has_four_digits(phrase) || phrase.contains(['\'', '’']);
    let year_back =
        |(s, e): (CivilDate, CivilDate)| Some((shift(s, -1, DurationUnit::Year)?, shift(e, -1, DurationUnit::Year)?));
    found
        .into_iter()
        .map(|(range, reading)| {
            if let DateReading::Between { from, to } = reading
                && from.0 > p
                && !says_a_year(&text[range.clone()])
                && let (Some(from), Some(to)) = (year_back(from), year_back(to))
                && from.0 <= p
                && p < to.1
            {
                return (range, DateReading::Between { from, to });
            }
            (range, reading)
        })
        .collect()
}

/// Whether a phrase holds a run of exactly four digits: a year ("10/1/2018"), or the seconds of
/// "10.30.45" not.
fn has_four_digits(phrase: &str) -> bool {
    phrase.split(|ch: char| !ch.is_ascii_digit()).any(|digits| digits.len() == 4)
}

/// Reads a length of time before or after a day as the day that far from it: "three days after
/// Christmas", "2 weeks before May 13, 1999", "16 days from 01/02/2018", "six months after March
/// 3, 2020" (whole months or years keep the day of the month, or take the last of a shorter
/// month). Not months or years from a holiday named without its year (`is_holiday`): "a year
/// after Christmas" is read one way by one peer (the next Christmas) and another by the other (a
/// year after the last), so there the length stays beside the day.
fn offset_days(
    text: &str,
    found: Vec<(Range<usize>, DateReading)>,
    is_holiday: impl Fn(&str) -> bool,
) -> Vec<(Range<usize>, DateReading)> {
    static OFFSET: OnceLock<Regex> = OnceLock::new();
    let offset = OFFSET.get_or_init(|| {
        Regex::new(&format!(
            r"(?i)\b(?P<n>{}|an?)\s+(?P<u>days?|weeks?|months?|years?)\s+(?P<d>after|before|from)\s+$",
            number_pattern()
        ))
        .expect("a length of time before a day")
    });
    let mut out: Vec<(Range<usize>, DateReading)> = Vec::new();
    for (range, reading) in found {
        let day = match &reading {
            DateReading::Date(v) if v.day.is_some() => date_stretch(v).map(|s| s.0),
            _ => None,
        };
        let c = day.and_then(|_| offset.captures_if_any(&text[..range.start]));
        let (Some(d), Some(c)) = (day, c) else {
            out.push((range, reading));
            continue;
        };
        let at = c.get(0).map_or(range.start, |m| m.start());
        // A phrase the scanner read inside the length ("2 weeks before") gives way to it; one
        // that reaches into it from before keeps its place.
        if out.last().is_some_and(|(r, _)| r.start < at && r.end > at) {
            out.push((range, reading));
            continue;
        }
        let whole_months = |unit| matches!(unit, DurationUnit::Month | DurationUnit::Year);
        let shifted = DurationUnit::from_name(&c["u"])
            .zip(count_of(&c["n"]))
            .filter(|(unit, _)| !(whole_months(*unit) && is_holiday(&text[range.clone()])))
            .and_then(|(unit, n)| shift(d, if c["d"].eq_ignore_ascii_case("before") { -n } else { n }, unit));
        let Some(shifted) = shifted else {
            out.push((range, reading));
            continue;
        };
        out.retain(|(r, _)| r.end <= at);
        out.push((at..range.end, DateReading::Date(day_value_of(shifted))));
    }
    out
}

/// How a word before or after a date opens a range on it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Opening {
    /// From the start of the date on: "since 2010", "2018 or later", "starting January 7th".
    FromStart,
    /// From its end on: "after 2018", "later than March".
    FromEnd,
    /// Up to its start: "before 2019", "earlier than June".
    ToStart,
    /// Up to its end: "no later than 2010", "as late as Friday", "2015 or earlier".
    ToEnd,
}

/// Reads the words that open a range on a date ("since 2010", "after Feb 2018", "before the year
/// 2019", "2018 or later", "no later than January 1, 2010") as a [`DateReading::Open`], and "the
/// week of April 10th", "the week beginning February 4", "w/c Feb 4" as the week (Monday to
/// Sunday) of that day.
///
/// The ends follow what the words say in news: "after X" starts when X is over, "no later than
/// X" ends when X is. Recognizers writes both at the start of a single day ("after January 1,
/// 2007" from 2007-01-01, "as late as tomorrow" until tomorrow's start) but at the end of a
/// month or a year ("after Feb 2018" from 2018-03-01); Duckling starts "after 2014" with 2014.
/// A date in the possessive ("after Friday's vote") names an event's day, not a bound; nor is
/// one after a length of time ("a week before March 3", "shortly after 2010").
fn open_ranges(text: &str, found: Vec<(Range<usize>, DateReading)>) -> Vec<(Range<usize>, DateReading)> {
    static RE: OnceLock<(Regex, Regex, Regex, Regex)> = OnceLock::new();
    let (before, after, unit, possessive) = RE.get_or_init(|| {
        (
            Regex::new(
                r"(?i)\b(?:(?P<fs>since|starting(?:\s+(?:on|from|in))?|beginning(?:\s+(?:on|from|in))?|as\s+early\s+as|no(?:t)?\s+earlier\s+than)|(?P<fe>after|later\s+than)|(?P<ts>before|earlier\s+than)|(?P<te>no(?:t)?\s+later\s+than|as\s+late\s+as)|(?P<wk>\b(?:the\s+)?week\s+of|\bthe\s+week\s+(?:beginning|starting|commencing)(?:\s+on)?|\bw/c))\s+(?:the\s+year\s+)?$",
            )
            .expect("words opening a range before a date"),
            Regex::new(r"(?i)^\s*(?:(?P<fs>(?:or|and)\s+(?:later|after|beyond)|(?:and\s+)?onwards?)|(?P<te>(?:or|and)\s+(?:earlier|before)))\b")
                .expect("words opening a range after a date"),
            Regex::new(r"(?i)\b(?:days?|weeks?|months?|years?|decades?|hours?|minutes?|shortly|soon|immediately|right|just|long|well|night|morning|evening|afternoon)\s*$")
                .expect("a length before a bound"),
            Regex::new(r"^['’]s\b").expect("a possessive"),
        )
    });
    let mut out: Vec<(Range<usize>, DateReading)> = Vec::with_capacity(found.len());
    let mut found = found.into_iter().peekable();
    while let Some((range, reading)) = found.next() {
        let stretch = match &reading {
            DateReading::Date(v) => date_stretch(v),
            DateReading::Period { start, end } => Some((*start, *end)),
            // "since late July", "after mid-May": a span of the stretch; "before the end of
            // December": until the point where December ends.
            DateReading::Part { of, part } => part_span(*of, *part).or_else(|| end_stretch(&reading)),
            _ => None,
        };
        let prev_end = out.last().map_or(0, |(r, _)| r.end);
        let next_start = found.peek().map_or(text.len(), |(r, _)| r.start);
        let (Some((start, end)), false) = (stretch, possessive.is_match(&text[range.end..])) else {
            out.push((range, reading));
            continue;
        };
        let b = before.captures_if_any(&text[prev_end..range.start]).filter(|c| {
            let at = prev_end + c.get(0).map_or(0, |m| m.start());
            !unit.is_match(&text[..at])
        });
        let a = after.captures_if_any(&text[range.end..next_start]);
        let group = |c: &regex::Captures, names: &[&str]| names.iter().any(|n| c.name(n).is_some());
        let (opening, span) = match (&b, &a) {
            (Some(c), _) if c.name("wk").is_some() => {
                if days_from_civil(end) - days_from_civil(start) == 1 {
                    let monday = monday_of(start);
                    let at = prev_end + c.get(0).map_or(0, |m| m.start());
                    out.push((at..range.end, DateReading::Period { start: monday, end: add_days(monday, 7) }));
                } else {
                    out.push((range, reading));
                }
                continue;
            }
            (Some(c), _) => {
                let o = if group(c, &["fs"]) {
                    Opening::FromStart
                } else if group(c, &["fe"]) {
                    Opening::FromEnd
                } else if group(c, &["ts"]) {
                    Opening::ToStart
                } else {
                    Opening::ToEnd
                };
                (o, prev_end + c.get(0).map_or(0, |m| m.start())..range.end)
            }
            (None, Some(c)) => {
                let o = if group(c, &["fs"]) { Opening::FromStart } else { Opening::ToEnd };
                (o, range.start..range.end + c.get(0).map_or(0, |m| m.end()))
            }
            (None, None) => {
                out.push((range, reading));
                continue;
            }
        };
        let (from, to) = match opening {
            Opening::FromStart => (Some(start), None),
            Opening::FromEnd => (Some(end), None),
            Opening::ToStart => (None, Some(start)),
            Opening::ToEnd => (None, Some(end)),
        };
        out.push((span, DateReading::Open { from, to }));
    }
    out
}

/// Whether `before` ends with a word that numbers what comes next: "case no.", "number", "#".
fn numbered(before: &str) -> bool {
    static NUMBERED: OnceLock<Regex> = OnceLock::new();
    NUMBERED
        .get_or_init(|| {
            Regex::new(r"(?i)(?:\b(?:no|nos|nr|number|id|code|tel|phone|fax|ref|account|order)\.?:?|#)\s*$")
                .expect("a number's label")
        })
        .is_match(before)
}

/// "This may take longer", "one may ask", "May I ask": the verb, not the month. A phrase that ends
/// with "may" in lower case names the month only where a date ends or goes on after it ("from this
/// may to October", "after mid may", "may 2018"); "May" before "I" or "we" asks.
fn modal_may(phrase: &str, after: &str) -> bool {
    static MAY: OnceLock<(Regex, Regex)> = OnceLock::new();
    let (month_goes_on, asks) = MAY.get_or_init(|| {
        (
            Regex::new(r"^(?:\s*$|\s*[,;.!?)\-–]|\s+(?:(?:to|through|thru|until|till|and|in|of)\b|\d))")
                .expect("a month that goes on"),
            Regex::new(r"^\s+(?:I|we|you|he|she|they|it)\b").expect("a question that asks"),
        )
    });
    let word_may = phrase.strip_suffix("may").is_some_and(|b| !b.ends_with(char::is_alphabetic));
    (word_may && !month_goes_on.is_match(after)) || (phrase == "May" && asks.is_match(after))
}

/// "a second wave", "a second round": the ordinal, not a length of time, unless the phrase ends
/// where a date may or counts on ("a second later", "a second of silence").
fn ordinal_second(phrase: &str, after: &str) -> bool {
    let b = phrase.as_bytes();
    let a_second = b.len() == 8
        && b[0].eq_ignore_ascii_case(&b'a')
        && matches!(b[1], b' ' | b'-')
        && b[2..].eq_ignore_ascii_case(b"second");
    let counts_on = || ["later", "earlier", "ago", "longer"].iter().any(|w| after.trim_start().starts_with(w));
    a_second && !(date_may_end(after) || counts_on())
}

/// Whether `phrase` is a decimal number that measures something, not a day and a month: "a
/// 6.8-magnitude quake", "a 7.8 magnitude quake", "3.2 metres", "4.5 percent".
fn decimal_measure(phrase: &str, after: &str) -> bool {
    static UNIT: OnceLock<Regex> = OnceLock::new();
    let decimal = phrase
        .split_once('.')
        .is_some_and(|(a, b)| [a, b].iter().all(|part| !part.is_empty() && part.bytes().all(|d| d.is_ascii_digit())));
    decimal
        && UNIT
            .get_or_init(|| {
                Regex::new(r"(?i)^(?:-[a-z]|\s+(?:magnitude|richter|earthquake|quake|tremor|percent|per\s+cent|points?|degrees?|million|billion|trillion|m|cm|km|meters?|metres?|kilometers?|kilometres?|feet|foot|ft|inch(?:es)?|miles?|mph|kph|km/h|kg|tons?|tonnes?|hectares?|acres?|seconds?|minutes?|hours?|times)\b)")
                    .expect("a unit after a decimal")
            })
            .is_match(after)
}

/// Whether the clause that ends with `before` measures something that a decade's word may count
/// instead of years: "temperatures in the nineties", "approval ratings in the forties", "shot a
/// round in the sixties".
fn measured_before(before: &str) -> bool {
    static MEASURED: OnceLock<Regex> = OnceLock::new();
    let clause = &before[super::sentence_start(before)..];
    MEASURED
        .get_or_init(|| {
            Regex::new(r"(?i)\b(?:temperatures?|temps|highs|lows|degrees|heat|mercury|fahrenheit|celsius|ratings?|approval|polls?|polling|percent|scores?|scored|scoring|shot|mph|speeds?|gusts|winds)\b")
                .expect("a measure before a decade's word")
        })
        .is_match(clause)
}

/// The end of a phrase: the end of the text, or punctuation that ends a phrase.
const PHRASE_END: &str = r"\s*$|\s*[,;!?)]|\s*[.:](?:\s|$)";

/// Whether a date may end where `after` begins: at the end, before punctuation that ends a
/// phrase, or before a word that goes on with a clause or a range.
fn date_may_end(after: &str) -> bool {
    static END: OnceLock<Regex> = OnceLock::new();
    END.get_or_init(|| {
        Regex::new(&format!(r"(?i)^(?:{PHRASE_END}|\s+(?:of|from|between|at|in|on|this|next|last|{CLAUSE_GOES_ON}))"))
            .expect("the end of a date")
    })
    .is_match(after)
}

/// The stretches of a text that speak of what is to come: from a future verb ("will", "'ll",
/// "shall", "are set to", "is scheduled for") to the end of its clause. A date there that leaves
/// its year or week unsaid is the next one, not the last: "the funeral will be held on Friday",
/// "the trial is set to open in March". A stretch stops at a word that turns back to another time
/// ("will review footage of the attack on March 22", "will never forget March 22", "will reopen
/// after the attack on Tuesday", "will be sentenced on Monday for the bombing on Nov. 3", "will
/// need months to recover from the blast on Tuesday", "will compensate families hit by the June
/// 3 bombing") and after a few words. ("Is due to" is left out: as often "because of" as
/// "expected to".)
fn future_stretches(text: &str) -> Vec<Range<usize>> {
    static FUTURE: OnceLock<(Regex, Regex)> = OnceLock::new();
    let (verb, back) = FUTURE.get_or_init(|| {
        (
            // "will" in lower case: not "Will Smith". ASCII word boundaries keep the scan in the
            // lazy DFA over text with curly quotes.
            Regex::new(
                r"(?-u:\b)(?:will|shall)\s+[a-z]+(?-u:\b)|(?-u:\b)(?:won't|won’t)(?-u:\b)|(?:'ll|’ll)(?-u:\b)|(?-u:\b)(?:is|are)\s+(?:(?:set|scheduled|slated|expected|poised)\s+to\s+[a-z]+|(?:set|scheduled|slated)\s+for)(?-u:\b)|(?-u:\b)(?:is|are)\s+to\s+be(?-u:\b)",
            )
            .expect("future verbs"),
            Regex::new(
                r"(?i)(?-u:\b)(?:of|since|after|following|for|from|by|into|killed|injured|wounded|hit|caused|destroyed|damaged|who|whom|whose|which|that|when|where|ago|last|previous|earlier|never|forget|remember|recalls?|said|says)(?-u:\b)|[.;:!?—–\n]|,\s",
            )
            .expect("a turn back to another time"),
        )
    });
    // The words after which "will" or "to" is no verb's: "his will on March 3", "the will of the
    // people", "expected to the end".
    const NO_VERB: &[&str] = &[
        "on", "in", "at", "of", "and", "or", "to", "from", "for", "during", "against", "with", "by", "as", "was",
        "were", "is", "the", "a", "an", "his", "her", "their", "its", "this", "that",
    ];
    // The words before which "will" is a noun: "against their will", "the will of God".
    const OWNERS: &[&str] =
        &["the", "a", "his", "her", "their", "its", "our", "my", "your", "own", "free", "good", "ill", "whose"];
    let mut stretches = Vec::new();
    for m in verb.find_iter(text) {
        // "we'll", not a quotation's "'ll".
        if m.as_str().ends_with("ll") && !text[..m.start()].ends_with(|c: char| c.is_ascii_lowercase()) {
            continue;
        }
        let last = m.as_str().rsplit(char::is_whitespace).next().unwrap_or("");
        let modal = m.as_str().starts_with("will") || m.as_str().starts_with("shall");
        let owned = text[..m.start()].split_whitespace().next_back().is_some_and(|w| OWNERS.contains(&w));
        if (modal || m.as_str().contains(" to ")) && NO_VERB.contains(&last) || (modal && owned) {
            continue;
        }
        let from = m.end();
        let limit = text.ceil_char_boundary((from + FUTURE_REACH).min(text.len()));
        // "3 days after January 12th", "2 weeks from Monday" count from the day; they turn back
        // to no other time.
        let counted = |b: &regex::Match| {
            (b.as_str().eq_ignore_ascii_case("after") || b.as_str().eq_ignore_ascii_case("from"))
                && text[..from + b.start()]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| DurationUnit::from_name(w).is_some())
        };
        let end = back.find_iter(&text[from..limit]).find(|b| !counted(b)).map_or(limit, |b| from + b.start());
        stretches.push(from..end);
    }
    stretches
}

/// Whether the date at `date` of `text` looks ahead: it stands in one of the `future` stretches
/// and names no event by its day ("will reopen after Tuesday's attack": a possessive day is one
/// gone by).
fn looks_ahead(text: &str, future: &[Range<usize>], date: &Range<usize>) -> bool {
    // The stretches come in order of their starts and none is longer than the reach: only the
    // few that start just before the date can hold it.
    let after = future.partition_point(|f| f.start <= date.start);
    let holds = future[..after]
        .iter()
        .rev()
        .take_while(|f| f.start + FUTURE_REACH >= date.start)
        .any(|f| f.contains(&date.start));
    holds && !text[date.end..].starts_with(['\'', '’'])
}

/// Whether the date at `date` of `text` stands in a clause about what is to come (see
/// [`future_stretches`]); only the stretch a verb there could reach from is searched.
pub(crate) fn in_future_clause(text: &str, date: &Range<usize>) -> bool {
    let from = text.floor_char_boundary(date.start.saturating_sub(FUTURE_REACH + 16));
    // A stretch that reaches the end of the window reaches the date.
    let future: Vec<Range<usize>> = future_stretches(&text[from..date.start])
        .into_iter()
        .filter(|f| f.end + from == date.start)
        .map(|f| f.start + from..date.start + 1)
        .collect();
    looks_ahead(text, &future, date)
}

/// Whether a phrase ends where `after` starts, at a mark or the end of the text: what an ordinal
/// in words needs to be a day ("Friday the twenty-second, officials said").
fn ends_at_a_mark(after: &str) -> bool {
    static END: OnceLock<Regex> = OnceLock::new();
    END.get_or_init(|| Regex::new(&format!("^(?:{PHRASE_END})")).expect("a mark after a date")).is_match(after)
}

/// "more than 2 weeks before today", "less than 3 days after tomorrow": a day counted from another
/// after "more than" or "less than" bounds a range instead of naming a day. More than a length
/// before a day is before the day it counts to, more than a length after is after it (from the
/// next day: Recognizers starts on it); less than a length after a day runs from that day up to
/// the one counted to, less than a length before from the one counted to up to the day.
fn bounded_offsets(text: &str, found: Vec<(Range<usize>, DateReading)>) -> Vec<(Range<usize>, DateReading)> {
    static RE: OnceLock<(Regex, Regex)> = OnceLock::new();
    let (bound, offset) = RE.get_or_init(|| {
        (
            Regex::new(r"(?i)\b(?P<q>more|less|fewer)\s+than\s+$").expect("a bound before a length"),
            Regex::new(&format!(
                r"(?i)^(?P<n>{}|an?)\s+(?P<u>days?|weeks?)\s+(?P<d>after|before|from)\b",
                number_pattern()
            ))
            .expect("a length counted from a day"),
        )
    });
    found
        .into_iter()
        .map(|(range, reading)| {
            let day = match &reading {
                DateReading::Date(v) if v.day.is_some() => date_stretch(v).map(|s| s.0),
                _ => None,
            };
            let counted = day.and_then(|d| Some((d, offset.captures_if_any(&text[range.clone()])?)));
            let Some((d, c)) = counted else { return (range, reading) };
            let Some((q, n)) = bound.captures_if_any(&text[..range.start]).zip(count_of(&c["n"])) else {
                return (range, reading);
            };
            let length = if c["u"].to_lowercase().starts_with("week") { 7 * n } else { n };
            let before = c["d"].eq_ignore_ascii_case("before");
            let more = q["q"].eq_ignore_ascii_case("more");
            let bounded = match (more, before) {
                (true, true) => DateReading::Open { from: None, to: Some(d) },
                (true, false) => DateReading::Open { from: Some(add_days(d, 1)), to: None },
                (false, true) => DateReading::Period { start: add_days(d, 1), end: add_days(d, length + 1) },
                (false, false) => DateReading::Period { start: add_days(d, -length), end: d },
            };
            (q.get(0).map_or(range.start, |m| m.start())..range.end, bounded)
        })
        .collect()
}

/// "year greater than 2012", "year 2016 and greater", ">= 2019": a year compared, as a query or a
/// table bounds one. Only after the word "year" or a sign: "greater than 2012" alone is a count,
/// and so is a year after a sign with a noun after it ("<2000 people").
fn compared_years(text: &str, found: Vec<(Range<usize>, DateReading)>) -> Vec<(Range<usize>, DateReading)> {
    static RE: OnceLock<(Regex, Regex, Regex)> = OnceLock::new();
    let (before, after, year_word) = RE.get_or_init(|| {
        (
            Regex::new(r"(?i)(?:\byears?\s+(?:(?:is|are|was|were)\s+)?(?:(?P<gt>greater|later|higher|bigger|more)|(?P<lt>less|smaller|lower|earlier))\s+than|(?:^|\s)(?:(?P<ge>>\s*=|≥)|(?P<le><\s*=|≤)|(?P<gts>>)|(?P<lts><)))\s*$")
                .expect("a comparison before a year"),
            Regex::new(r"(?i)^\s+(?:and|or)\s+(?:(?P<ge>greater|higher|above)|(?P<le>less|smaller|lower|below))\b")
                .expect("a comparison after a year"),
            Regex::new(r"(?i)\byears?\s+$").expect("the word year"),
        )
    });
    let mut out: Vec<(Range<usize>, DateReading)> = Vec::with_capacity(found.len());
    for (range, reading) in found {
        let year = match &reading {
            DateReading::Date(DateValue { year: Some(y), month: None, day: None, .. }) => Some(*y),
            _ => None,
        };
        let prev_end = out.last().map_or(0, |(r, _)| r.end);
        let Some(y) = year else {
            out.push((range, reading));
            continue;
        };
        let (start, end) = (CivilDate { year: y, month: 1, day: 1 }, CivilDate { year: y + 1, month: 1, day: 1 });
        let noun_after = text[range.end..].trim_start().starts_with(char::is_alphabetic);
        let has = |c: &regex::Captures, names: &[&str]| names.iter().any(|n| c.name(n).is_some());
        let b = before
            .captures_if_any(&text[prev_end..range.start])
            .filter(|c| !(has(c, &["gts", "lts", "ge", "le"]) && noun_after));
        let a = after.captures_if_any(&text[range.end..]).filter(|_| year_word.is_match(&text[prev_end..range.start]));
        let (span, from, to) = match (b, a) {
            (Some(c), _) => {
                let at = prev_end + c.get(0).map_or(0, |m| m.start());
                let at = at + text[at..range.start].len() - text[at..range.start].trim_start().len();
                let (from, to) = if has(&c, &["gt", "gts"]) {
                    (Some(end), None)
                } else if has(&c, &["ge"]) {
                    (Some(start), None)
                } else if has(&c, &["lt", "lts"]) {
                    (None, Some(start))
                } else {
                    (None, Some(end))
                };
                (at..range.end, from, to)
            }
            (None, Some(c)) => {
                let at = year_word.find(&text[prev_end..range.start]).map_or(range.start, |m| prev_end + m.start());
                let to_end = range.end + c.get(0).map_or(0, |m| m.end());
                if has(&c, &["ge"]) { (at..to_end, Some(start), None) } else { (at..to_end, None, Some(end)) }
            }
            (None, None) => {
                out.push((range, reading));
                continue;
            }
        };
        out.push((span, DateReading::Open { from, to }));
    }
    out
}

/// The day a date names, when it names year, month and day.
pub fn full_date(v: &DateValue) -> Option<CivilDate> {
    Some(CivilDate { year: v.year?, month: v.month?, day: v.day? })
}

/// A weekday written beside a date it does not fall on: "Saturday, June 2" in 2023 (a Friday).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekdaySlip {
    pub date: CivilDate,
    pub stated: u32,
    pub actual: u32,
}

/// The weekday a date's text names against the one its day falls on, where they differ. Only a
/// full date can tell; its year may be one the scanner chose, which it chose so that the weekday
/// agrees if either nearest year's does.
pub fn weekday_slip(v: &DateValue) -> Option<WeekdaySlip> {
    let date = full_date(v)?;
    let (stated, actual) = (v.weekday?, weekday(date));
    (stated != actual).then_some(WeekdaySlip { date, stated, actual })
}

/// A short reading for reports: "2024-03-22", "March 22 (year unknown)", "Friday (date unknown)".
pub fn reading(v: &DateValue) -> String {
    let month_name = |m: u32| with_capital_first(MONTHS[(m - 1) as usize]);
    let wd = |w: u32| with_capital_first(WEEKDAYS[w as usize]);
    if let Some(u) = &v.unresolved {
        return format!("{u} (unresolved: no publication date)");
    }
    match (v.year, v.month, v.day) {
        (Some(y), Some(m), Some(d)) => {
            let date = CivilDate { year: y, month: m, day: d };
            match weekday_slip(v) {
                Some(slip) => format!("{date} ({}; the text says {})", wd(slip.actual), wd(slip.stated)),
                None => format!("{date} ({})", wd(weekday(date))),
            }
        }
        (None, Some(m), Some(d)) => format!("{} {d} (year unknown)", month_name(m)),
        (Some(y), Some(m), None) => format!("{} {y}", month_name(m)),
        (Some(y), None, None) if y < 0 => format!("{} BC", -y),
        (Some(y), None, None) => format!("{y}"),
        _ => v.weekday.map(|w| format!("{} (date unknown)", wd(w))).unwrap_or_else(|| "unknown date".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_and_a_unit_split_as_the_duration_reader_splits_them() {
        let g = DateGrammar::default();
        let amounts = [
            "six",
            "6",
            "3.5",
            "twenty-five",
            "a",
            "an",
            "half",
            "furthermore",
            "two-",
            "nevermore",
            "Countless",
            "MORE",
            "1,500",
            "x",
            "ſix",
            "two\u{a0}more",
        ];
        let units = ["months", "Month", "yrs", "h", "s", "decades", "centuries", "day.", "days-", "weeks ago", "hour"];
        let mut split = 0;
        for amount in amounts {
            for unit in units {
                let norm = single_spaced(&format!("{amount} {unit}"));
                assert_eq!(g.duration_parts(&norm), g.duration_parts_captured(&norm), "{norm:?}");
                split += usize::from(g.duration_parts(&norm).is_some());
            }
        }
        assert!(split > 80, "{split}");
        assert_eq!(g.duration_parts("two more weeks"), Some(("two", "weeks")));
        assert_eq!(g.duration_parts("furthermore years"), Some(("further", "years")), "the reader's own reading");
    }

    #[test]
    fn a_prepared_grammar_has_its_scanner_compiled_and_scans_alike() {
        let (prepared, lazy) = (DateGrammar::default(), DateGrammar::default());
        prepared.prepare();
        assert!(
            prepared.extra.get().is_some() && prepared.finder.get().is_some() && prepared.durations.get().is_some()
        );
        assert!(lazy.extra.get().is_none(), "only a scan or prepare compiles the forms");
        let text = "It came on Friday. Three days after the March 22 attack, and 2 weeks before Christmas 2023, talks ran for six months.";
        let reference = Some(CivilDate { year: 2024, month: 3, day: 25 });
        let found = prepared.scan(text, reference);
        let phrases: Vec<&str> = found.iter().map(|(r, _)| &text[r.clone()]).collect();
        assert_eq!(phrases, ["Friday", "Three days", "March 22", "2 weeks before Christmas 2023", "six months"]);
        assert_eq!(found, lazy.scan(text, reference));
    }

    #[test]
    fn common_absolute_phrases_give_the_groups_the_absolute_reader_captures() {
        let g = DateGrammar::default();
        let months = MONTHS.iter().chain(MONTH_ABBREVIATIONS).flat_map(|m| {
            let capitalised = with_capital_first(m);
            [m.to_string(), format!("{capitalised}."), m.to_uppercase(), capitalised]
        });
        let numbers = [
            "0", "1", "01", "9", "10", "22", "29", "30", "31", "32", "001", "1st", "22nd", "22ND", "3rd", "4th", "1th",
            "31st", "2015", "1899", "1799", "2099", "2100", "20", "05", "2015s", "22,",
        ];
        let phrases = months.flat_map(|m| numbers.map(|n| format!("{m} {n}")));
        let weekdays = WEEKDAYS.iter().flat_map(|w| [w.to_string(), with_capital_first(w), w.to_uppercase()]);
        let names = ["wdonly", "wd", "m1", "d1", "y1", "m2", "d2", "y2", "m3", "y3", "iy", "im", "id", "yonly"];
        let mut common = 0;
        for phrase in phrases.chain(weekdays).chain(["Friday, March 22".into(), "March 22 2024".into()]) {
            let captured = g.reader.absolute.captures(&phrase);
            let Some(groups) = common_absolute(&phrase) else { continue };
            common += 1;
            let captured = captured.unwrap_or_else(|| panic!("{phrase:?} is read by hand but not by the reader"));
            for name in names {
                assert_eq!(groups.get(name), captured.name(name).map(|m| m.as_str()), "{phrase:?} {name}");
            }
        }
        assert!(common > 300, "{common} phrases read by hand");
        assert_eq!(g.read("Friday", None).and_then(|v| v.unresolved), Some("Friday".to_string()));
        assert_eq!(g.read("March 22", None).map(|v| (v.month, v.day)), Some((Some(3), Some(22))));
    }

    fn p(y: i32, m: u32, d: u32) -> Option<CivilDate> {
        Some(CivilDate { year: y, month: m, day: d })
    }

    fn read(text: &str, published: Option<CivilDate>) -> DateValue {
        let g = DateGrammar::default();
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
        assert_eq!(ymd(&read("two and a half years ago", pub_)), (Some(2021), Some(9), None), "30 months");
        assert_eq!(ymd(&read("1.5 years ago", pub_)), (Some(2022), Some(9), None), "18 months");
        assert_eq!(ymd(&read("two and a half decades ago", pub_)), (Some(1999), None, None), "25 years");
        let grammar = DateGrammar::default();
        for no_whole_month in ["two and a half months ago", "a month and a half ago", "1.5 days ago"] {
            assert_eq!(grammar.read(no_whole_month, pub_), None, "{no_whole_month}");
        }
        assert_eq!(ymd(&read("a year and a half ago", pub_)), (Some(2022), Some(9), None), "18 months");
        assert_eq!(ymd(&read("a decade and a half ago", pub_)), (Some(2009), None, None), "15 years");
        assert!(read("four years earlier", pub_).unresolved.is_some(), "relative to another event");
        // Published on a Monday: "this Friday" is the Friday of that week, "this Sunday" its end.
        assert_eq!(ymd(&read("this Friday", p(2016, 11, 7))), (Some(2016), Some(11), Some(11)));
        assert_eq!(ymd(&read("this Monday", p(2016, 11, 13))), (Some(2016), Some(11), Some(7)));
        // "Last Tuesday" in a Saturday's paper is four days back, "last Monday" in a Sunday's six:
        // the latest such day before the publication day, as news writes it.
        assert_eq!(ymd(&read("last Tuesday", p(2025, 3, 15))), (Some(2025), Some(3), Some(11)));
        assert_eq!(ymd(&read("last Monday", p(2025, 3, 16))), (Some(2025), Some(3), Some(10)));
        assert!(read("last year", None).unresolved.is_some());
    }

    #[test]
    fn the_eve_of_a_date_is_the_day_before() {
        assert_eq!(ymd(&read("the eve of Oct. 30", None)), (None, Some(10), Some(29)));
        assert_eq!(ymd(&read("the eve of March 1, 2024", None)), (Some(2024), Some(2), Some(29)));
    }

    #[test]
    fn durations() {
        let g = DateGrammar::default();
        let d = |text: &str| g.read_duration(text).map(|d| (d.amount, d.unit));
        assert_eq!(d("six months"), Some((6.0, DurationUnit::Month)));
        assert_eq!(d("3.5years"), Some((3.5, DurationUnit::Year)));
        assert_eq!(d("two decades"), Some((2.0, DurationUnit::Decade)));
        assert_eq!(d("an hour"), Some((1.0, DurationUnit::Hour)));
        assert_eq!(d("half a day"), Some((0.5, DurationUnit::Day)));
        let found = g.scan("It lasted six months, from March 22.", None);
        assert!(matches!(found[0].1, DateReading::Duration(Duration { amount: 6.0, unit: DurationUnit::Month })));
    }

    /// What the scanner finds in `text`: each phrase and its reading.
    fn scanned(text: &str, reference: Option<CivilDate>, prefer: Prefer) -> Vec<(&str, DateReading)> {
        DateGrammar::default().scan_with(text, reference, prefer).into_iter().map(|(r, d)| (&text[r], d)).collect()
    }

    fn day(y: i32, m: u32, d: u32) -> DateReading {
        DateReading::Date(day_value_of(CivilDate { year: y, month: m, day: d }))
    }

    #[test]
    fn holidays_resolve_by_their_rule_and_the_reference_date() {
        let past = |text| scanned(text, p(2024, 3, 1), Prefer::Past);
        assert_eq!(past("Thanksgiving 2013"), vec![("Thanksgiving 2013", day(2013, 11, 28))]);
        assert_eq!(past("on Christmas Day"), vec![("Christmas Day", day(2023, 12, 25))], "news looks back");
        assert_eq!(past("Black Friday of last year"), vec![("Black Friday of last year", day(2023, 11, 24))]);
        assert_eq!(past("St Patricks day"), vec![("St Patricks day", day(2023, 3, 17))]);
        let a_week_ahead = scanned("St. Patrick's Day", p(2024, 3, 12), Prefer::Past);
        assert_eq!(a_week_ahead, vec![("St. Patrick's Day", day(2024, 3, 17))], "a week ahead is still this year's");
        assert_eq!(past("last Easter"), vec![("last Easter", day(2023, 4, 9))]);
        assert_eq!(past("Memorial Day"), vec![("Memorial Day", day(2023, 5, 29))]);
        let future = |text| scanned(text, p(2013, 2, 12), Prefer::Future);
        assert_eq!(future("next Halloween"), vec![("next Halloween", day(2013, 10, 31))]);
        assert_eq!(future("Good Friday"), vec![("Good Friday", day(2013, 3, 29))]);
        assert!(
            matches!(&scanned("Thanksgiving", None, Prefer::Past)[0].1, DateReading::Date(v) if v.unresolved.is_some())
        );
        assert!(past("Easterly winds, a Christmassy mood and a thanksgivings list").is_empty());
        // Holidays of other calendars resolve the same way; a holiday of several days is a stretch.
        let ramadan = DateReading::Period {
            start: CivilDate { year: 2023, month: 3, day: 23 },
            end: CivilDate { year: 2023, month: 4, day: 21 },
        };
        assert_eq!(past("during Ramadan"), vec![("Ramadan", ramadan)]);
        assert_eq!(future("next Yom Kippur"), vec![("next Yom Kippur", day(2013, 9, 14))]);
        assert_eq!(
            future("Chinese New Year"),
            vec![("Chinese New Year", day(2014, 1, 31))],
            "the 2013 one was two days ago"
        );
        let phrases = past("The bank lent them money during Lent").into_iter().map(|(t, _)| t).collect::<Vec<_>>();
        assert_eq!(phrases, ["Lent"], "lent in lower case is the verb");
        let grammar = DateGrammar::default();
        assert!(grammar.names_hebrew_holiday("yom kippur 2018") && grammar.names_hebrew_holiday("last Passover"));
        assert!(!grammar.names_hebrew_holiday("Eid al-Fitr 2018") && !grammar.names_hebrew_holiday("Easter"));
    }

    #[test]
    fn counted_weekdays_and_compound_offsets() {
        let tuesday = p(2013, 2, 12);
        let on = |text| scanned(text, tuesday, Prefer::Past);
        for (text, reading) in [
            ("3 fridays from now", day(2013, 3, 1)),
            ("two thursdays ago", day(2013, 1, 31)),
            ("Wednesday after next", day(2013, 2, 20)),
        ] {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        assert_eq!(
            on("March after next"),
            vec![("March after next", DateReading::Date(month_value(2014, 3)))],
            "the coming March is this year's"
        );
        let thursday = p(2017, 11, 23);
        let on = |text| scanned(text, thursday, Prefer::Past);
        for (text, reading) in
            [("1 month and 21 days ago", day(2017, 10, 2)), ("2 years, 21 days later", day(2019, 12, 14))]
        {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        assert!(on("three Fridays in a row").is_empty(), "a count of weekdays without an offset is no date");
    }

    #[test]
    fn years_in_words_after_a_month_or_day() {
        let on = |text| scanned(text, p(2016, 11, 7), Prefer::Past);
        assert_eq!(
            on("on sunday jan twenty one two thousand and eighteen"),
            vec![("sunday jan twenty one two thousand and eighteen", day(2018, 1, 21))]
        );
        for (text, reading) in [
            ("September the twenty-first nineteen seventy eight", day(1978, 9, 21)),
            ("September 10, nineteen oh one", day(1901, 9, 10)),
            ("the tenth of September, two thousand", day(2000, 9, 10)),
        ] {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        // One number word after a date is a count, not a year.
        assert_eq!(on("March 3 two people"), vec![("March 3", day(2016, 3, 3))]);
    }

    #[test]
    fn years_in_words_alone_and_two_digit_years_after_of() {
        let year = |y| DateReading::Date(year_value(y));
        let on = |text| scanned(text, p(2018, 5, 22), Prefer::Past);
        assert_eq!(
            on("They left in nineteen ninety six and came back in two thousand and fifteen."),
            vec![("nineteen ninety six", year(1996)), ("two thousand and fifteen", year(2015))]
        );
        for (text, reading) in [
            ("fifteen August nineteen hundred ninety three", day(1993, 8, 15)),
            ("6 April seventeen hundred thirty three", day(1733, 4, 6)),
            ("April of 87", DateReading::Date(month_value(1987, 4))),
            ("15 April of '87", day(1987, 4, 15)),
        ] {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        // Counts: a noun after the number, "of" a number, "two thousand" alone, a time of day.
        for text in [
            "a crowd of two thousand and fifty gathered",
            "in two thousand and fifteen cases",
            "It happened in two thousand.",
            "the train left at twenty thirty",
        ] {
            assert!(on(text).is_empty(), "{text}: {:?}", on(text));
        }
        assert_eq!(on("on April 6 eleven hundred people marched"), vec![("April 6", day(2018, 4, 6))]);
        let marches = on("a March of 20 miles and the May of 10 years");
        assert!(
            marches
                .iter()
                .all(|(_, r)| !matches!(r, DateReading::Date(v) if v.year == Some(2020) || v.year == Some(2010))),
            "{marches:?}"
        );
    }

    #[test]
    fn a_two_digit_year_lies_at_most_twenty_years_ahead() {
        // Published in March 2026: 20yy up to 2046, 19yy after.
        let on = |text| scanned(text, p(2026, 3, 2), Prefer::Past);
        for (text, phrase, reading) in [
            ("The deed, dated 03/09/48, was found in the attic.", "03/09/48", day(1948, 3, 9)),
            ("Her passport, issued 11/02/47, had expired.", "11/02/47", day(1947, 11, 2)),
            ("The lease runs until 12/31/46.", "12/31/46", day(2046, 12, 31)),
            ("The suspect was born on 7/4/52, police said.", "7/4/52", day(1952, 7, 4)),
            ("The contract ends on 30-Jun-30.", "30-Jun-30", day(2030, 6, 30)),
        ] {
            assert_eq!(on(text), vec![(phrase, reading)], "{text}");
        }
        // Without a publication date the pivot stays at 50.
        let undated = scanned("dated 03/09/41", None, Prefer::Past);
        assert_eq!(undated, vec![("03/09/41", day(2041, 3, 9))]);
    }

    #[test]
    fn a_number_after_a_year_or_after_the_is_mostly_a_count() {
        let on = |text| scanned(text, p(2024, 3, 14), Prefer::Past);
        let year = |y| DateReading::Date(year_value(y));
        // Not October 2016, March 2019, the 10th, the 3rd.
        for (text, phrase, reading) in [
            ("In 2016, 10 people died", "2016", year(2016)),
            ("In 2016 10 people died", "2016", year(2016)),
            ("By 2019, 3 schools had closed", "2019", year(2019)),
            ("in 2016-10", "2016-10", DateReading::Date(month_value(2016, 10))),
            ("in 2016 / 11", "2016 / 11", DateReading::Date(month_value(2016, 11))),
            ("I went back for the 27.", "the 27", day(2024, 2, 27)),
        ] {
            assert_eq!(on(text), vec![(phrase, reading)], "{text}");
        }
        for text in ["the 10 victims were named", "the 3 suspects", "of the 21 dead"] {
            assert!(on(text).is_empty(), "{text}: {:?}", on(text));
        }
        assert!(
            matches!(&on("On Saturday, 12 protesters were held.")[..], [("Saturday", DateReading::Date(v))] if v.day == Some(9))
        );
        assert!(
            matches!(&on("On Saturday 3 people were killed")[..], [("Saturday", DateReading::Date(v))] if v.day == Some(9))
        );
        assert_eq!(on("on Friday 13!"), vec![("Friday 13", day(2023, 10, 13))]);
    }

    #[test]
    fn compact_dates_and_working_weeks() {
        let on = |text| scanned(text, p(2018, 6, 27), Prefer::Past);
        let week = |a: u32, b: u32| DateReading::Period {
            start: CivilDate { year: 2018, month: 6, day: a },
            end: CivilDate { year: 2018, month: 6, day: b },
        };
        for (text, phrase, reading) in [
            ("I'll go back 20161016.", "20161016", day(2016, 10, 16)),
            ("www.example2.com/data/report-20170302.html", "20170302", day(2017, 3, 2)),
            ("It will happen this working week", "this working week", week(25, 30)),
            ("last workweek", "last workweek", week(18, 23)),
        ] {
            assert_eq!(on(text), vec![(phrase, reading)], "{text}");
        }
        for text in
            ["He paid $20161016 in fines.", "Case no. 20161016 was filed.", "a 20161016.5 rise", "phone 20161316"]
        {
            assert!(on(text).is_empty(), "{text}: {:?}", on(text));
        }
    }

    #[test]
    fn the_nth_day_of_the_month_is_this_months() {
        let on = |text| scanned(text, p(2020, 7, 1), Prefer::Past);
        assert_eq!(
            on("the twenty-sixth day of the month"),
            vec![("the twenty-sixth day of the month", day(2020, 7, 26))]
        );
        let at = CivilDate { year: 2020, month: 7, day: 31 };
        assert_eq!(
            on("before the thirty-first day of the month"),
            vec![("before the thirty-first day of the month", DateReading::Open { from: None, to: Some(at) })],
            "not the first day"
        );
        let one_day = on("the one day of the month he rests");
        assert!(one_day.iter().all(|(_, r)| !matches!(r, DateReading::Date(_))), "a length: {one_day:?}");
    }

    #[test]
    fn more_or_less_than_a_length_from_a_day_bounds_a_range() {
        let on = |text| scanned(text, p(2018, 5, 29), Prefer::Past);
        let at = |m, d| CivilDate { year: 2018, month: m, day: d };
        for (text, reading) in [
            ("more than 2 weeks before today", DateReading::Open { from: None, to: Some(at(5, 15)) }),
            ("more than 2 weeks after today", DateReading::Open { from: Some(at(6, 13)), to: None }),
            ("less than 3 days after tomorrow", DateReading::Period { start: at(5, 30), end: at(6, 2) }),
            ("less than 3 days before yesterday", DateReading::Period { start: at(5, 26), end: at(5, 29) }),
        ] {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        assert!(matches!(on("more than 2 weeks")[..], [(_, DateReading::Duration(_))]), "a length alone");
    }

    #[test]
    fn a_year_compared_after_the_word_year_or_a_sign() {
        let on = |text| scanned(text, p(2018, 5, 29), Prefer::Past);
        let jan1 = |y| CivilDate { year: y, month: 1, day: 1 };
        for (text, phrase, reading) in [
            (
                "sales for year greater than 2012",
                "year greater than 2012",
                DateReading::Open { from: Some(jan1(2013)), to: None },
            ),
            (
                "where year is less than 2015",
                "year is less than 2015",
                DateReading::Open { from: None, to: Some(jan1(2015)) },
            ),
            (
                "How about year 2016 and greater",
                "year 2016 and greater",
                DateReading::Open { from: Some(jan1(2016)), to: None },
            ),
            ("> = 2019", "> = 2019", DateReading::Open { from: Some(jan1(2019)), to: None }),
            ("< =2019", "< =2019", DateReading::Open { from: None, to: Some(jan1(2020)) }),
        ] {
            assert_eq!(on(text), vec![(phrase, reading)], "{text}");
        }
        for text in ["<2000 people were there", "a toll greater than 2012 deaths in 2012"] {
            assert!(on(text).iter().all(|(_, r)| !matches!(r, DateReading::Open { .. })), "{text}: {:?}", on(text));
        }
    }

    #[test]
    fn a_holiday_weekend_is_the_holiday_with_the_weekend_beside_it() {
        let on = |text| scanned(text, p(2021, 11, 1), Prefer::Past);
        for (text, phrase, reading) in [
            ("Labor Day weekend", "Labor Day weekend", period(at(2021, 9, 4), at(2021, 9, 7))),
            ("the weekend of Halloween", "the weekend of Halloween", period(at(2021, 10, 30), at(2021, 11, 1))),
            ("Halloween weekend 2022", "Halloween weekend 2022", period(at(2022, 10, 29), at(2022, 11, 1))),
            ("Labor Day 2021 weekend", "Labor Day 2021 weekend", period(at(2021, 9, 4), at(2021, 9, 7))),
            (
                "weekend of Thanksgiving 2023",
                "weekend of Thanksgiving 2023",
                period(at(2023, 11, 23), at(2023, 11, 27)),
            ),
            (
                "the Fourth of July weekend 2023",
                "the Fourth of July weekend 2023",
                period(at(2023, 7, 1), at(2023, 7, 5)),
            ),
        ] {
            assert_eq!(on(text), vec![(phrase, reading)], "{text}");
        }
        // Easter's weekend differs by country; a Wednesday's holiday has no weekend beside it.
        assert_eq!(on("Easter weekend")[0].1, day(2021, 4, 4));
        assert_eq!(on("Christmas 2024 weekend"), vec![("Christmas 2024", day(2024, 12, 25))]);
    }

    #[test]
    fn days_without_a_month() {
        let on = |text| scanned(text, p(2016, 11, 7), Prefer::Past);
        assert_eq!(on("I'll go back on 15"), vec![("on 15", day(2016, 10, 15))]);
        assert!(on("on 15 occasions").is_empty());
        assert!(on("at 4.22 and at 4-22").is_empty(), "a time of day");
        assert_eq!(on("2/29"), vec![("2/29", day(2016, 2, 29))]);
        assert_eq!(
            scanned("Feb 29", p(2019, 6, 1), Prefer::Past),
            vec![("Feb 29", day(2016, 2, 29))],
            "the last leap year"
        );
    }

    #[test]
    fn a_full_stop_ends_a_sentence_not_a_full_name() {
        let on = |text| scanned(text, p(2018, 9, 30), Prefer::Past);
        let phrases = |text| on(text).into_iter().map(|(phrase, _)| phrase).collect::<Vec<_>>();
        assert_eq!(phrases("It happened on Thursday."), ["Thursday"]);
        assert_eq!(on("It happened in March."), vec![("March", DateReading::Date(month_value(2018, 3)))]);
        assert_eq!(phrases("on Thu. Sept. 27"), ["Thu. Sept. 27"], "abbreviations keep theirs");
    }

    #[test]
    fn a_number_after_an_acronym_is_no_year() {
        let on = |text| scanned(text, p(2018, 9, 30), Prefer::Past);
        assert!(on("Pay ABC 2000").is_empty());
        assert_eq!(on("KILLED IN 2015").len(), 1, "a line of capitals");
        assert_eq!(on("the UN in 2015").len(), 1);
    }

    #[test]
    fn holiday_rules() {
        let on = |rule: &str, year| HolidayRule::parse(rule).unwrap().in_year(year).first().map(|(start, _)| *start);
        assert_eq!(on("12-25", 2024), Some(CivilDate { year: 2024, month: 12, day: 25 }));
        assert_eq!(on("last mon may", 2024), Some(CivilDate { year: 2024, month: 5, day: 27 }));
        assert_eq!(on("4 thu nov +1", 2013), Some(CivilDate { year: 2013, month: 11, day: 29 }));
        assert_eq!(on("easter -47", 2013), Some(CivilDate { year: 2013, month: 2, day: 12 }));
        assert_eq!(on("02-29", 2023), None);
        assert_eq!(on("hebrew tishrei 1", 2018), Some(CivilDate { year: 2018, month: 9, day: 10 }));
        assert_eq!(on("orthodox easter -48", 2018), Some(CivilDate { year: 2018, month: 2, day: 19 }));
        assert_eq!(on("islamic ramadan last fri", 2017), Some(CivilDate { year: 2017, month: 6, day: 23 }));
        let eid = HolidayRule::parse("islamic shawwal 1").unwrap().in_year(2000);
        assert_eq!(eid.len(), 2, "two Eid al-Fitr in 2000: {eid:?}");
        assert_eq!(on("chinese new year", 2100), None, "beyond the table");
        assert_eq!(on("hindu ashvin amavasya evening", 2019), Some(CivilDate { year: 2019, month: 10, day: 27 }));
        assert_eq!(on("hindu phalguna purnima evening +1", 2019), Some(CivilDate { year: 2019, month: 3, day: 21 }));
        assert_eq!(on("hindu kartika shukla 6", 2019), Some(CivilDate { year: 2019, month: 11, day: 2 }));
        assert_eq!(on("hindu shravana krishna 8 midnight", 2019), Some(CivilDate { year: 2019, month: 8, day: 23 }));
        assert_eq!(on("solar makara sunset", 2019), Some(CivilDate { year: 2019, month: 1, day: 15 }));
        assert_eq!(on("solar makara", 2019), Some(CivilDate { year: 2019, month: 1, day: 14 }));
        assert_eq!(on("parsi new year", 2020), Some(CivilDate { year: 2020, month: 8, day: 16 }));
        assert_eq!(on("hindu chaitra shukla 1", 1949), None, "before the table");
        for bad in [
            "12-32",
            "6 mon may",
            "easter +x",
            "christmas",
            "1 xyz jan",
            "hebrew adar 31",
            "islamic ramadhan 1",
            "islamic ramadan last xyz",
            "hindu kartik purnima",
            "hindu ashvin shukla 16",
            "hindu ashvin krishna 0",
            "hindu ashvin purnima dusk",
            "hindu ashvin",
            "solar makar",
            "solar makara sunrise",
        ] {
            assert!(HolidayRule::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn lexicon_holidays_read_as_their_examples_say() {
        let grammar = DateGrammar::default();
        let lexicon = Lexicon::builtin();
        let iso = |t: &str| {
            let n: Vec<u32> = t.split('-').map(|x| x.parse().expect("a date in an example")).collect();
            CivilDate { year: n[0] as i32, month: n[1], day: n[2] }
        };
        for (key, h) in &lexicon.holidays {
            assert!(HolidayRule::of(h).is_ok(), "lexicon holiday {key}");
            assert!(!h.examples.is_empty(), "lexicon holiday {key} has no example");
            for example in &h.examples {
                let (text, days) = example.split_once(" => ").expect("TEXT => DAY");
                let (first, last) = days.split_once(" .. ").unwrap_or((days, days));
                let (first, last) = (iso(first), iso(last));
                let want = if first == last {
                    DateReading::Date(day_value_of(first))
                } else {
                    DateReading::Period { start: first, end: add_days(last, 1) }
                };
                let found = grammar.scan_with(text, p(2024, 3, 1), Prefer::Past);
                assert_eq!(found, vec![(0..text.len(), want)], "{key}: {text:?}");
            }
            for text in &h.counterexamples {
                assert_eq!(grammar.scan_with(text, p(2024, 3, 1), Prefer::Past), vec![], "{key}: {text:?}");
            }
        }
    }

    #[test]
    fn parts_of_a_month_a_year_or_a_week() {
        let reference = p(2024, 3, 20);
        let part = |text| scanned(text, reference, Prefer::Past);
        let year = |y| (at(y, 1, 1), at(y + 1, 1, 1));
        assert_eq!(
            part("early March 2024"),
            vec![("early March 2024", DateReading::Part { of: (at(2024, 3, 1), at(2024, 4, 1)), part: Part::Early })]
        );
        assert_eq!(part("in mid-2016"), vec![("mid-2016", DateReading::Part { of: year(2016), part: Part::Middle })]);
        assert_eq!(
            part("by the end of the year"),
            vec![("the end of the year", DateReading::Part { of: year(2024), part: Part::End })]
        );
        assert_eq!(
            part("late last year"),
            vec![("late last year", DateReading::Part { of: year(2023), part: Part::Late })]
        );
        assert_eq!(
            part("at the beginning of next week"),
            vec![(
                "the beginning of next week",
                DateReading::Part { of: (at(2024, 3, 25), at(2024, 4, 1)), part: Part::Start }
            )]
        );
        // "later this week" is a part of the week, no day the rules could compare; "later this
        // year" stays the year.
        assert_eq!(
            part("later this week"),
            vec![("later this week", DateReading::Part { of: (at(2024, 3, 18), at(2024, 3, 25)), part: Part::Late })]
        );
        assert_eq!(part("later this year"), vec![("later this year", DateReading::Date(year_value(2024)))]);
        // A day has no early or late part: the day stays as it is.
        assert_eq!(part("late March 22, 2024"), vec![("March 22, 2024", day(2024, 3, 22))]);
        assert!(matches!(&part("the end of Friday")[..], [("Friday", DateReading::Date(v))] if v.day == Some(15)));
    }

    #[test]
    fn eom_boy_and_eoy_read_as_the_words_they_abbreviate() {
        let on = |text| scanned(text, p(2013, 2, 12), Prefer::Past);
        for (text, phrase, words) in [
            ("EOM", "EOM", "the end of the month"),
            ("at the EOM", "the EOM", "the end of the month"),
            ("by EOY", "EOY", "the end of the year"),
            ("the BOY", "the BOY", "the beginning of the year"),
        ] {
            let [(found, reading)] = &on(text)[..] else { panic!("{text:?}: {:?}", on(text)) };
            assert_eq!((*found, reading), (phrase, &on(words)[0].1), "{text}");
        }
        assert_eq!(on("EOM")[0].1, DateReading::Part { of: (at(2013, 2, 1), at(2013, 3, 1)), part: Part::End });
        // Capitals only; "BOM" is the Bureau of Meteorology; in a line of capitals a word is no
        // abbreviation.
        for text in [
            "the boy and the eom",
            "BOYS and TOMBOY",
            "a forecaster at the BOM said",
            "THE BOY WHO LIVED",
            "BOY, 12, DIES",
        ] {
            assert!(on(text).is_empty(), "{text}: {:?}", on(text));
        }
    }

    fn between(a: (i32, u32, u32), b: (i32, u32, u32)) -> DateReading {
        let day = |(y, m, d): (i32, u32, u32)| {
            let s = CivilDate { year: y, month: m, day: d };
            (s, add_days(s, 1))
        };
        DateReading::Between { from: day(a), to: day(b) }
    }

    fn at(year: i32, month: u32, day: u32) -> CivilDate {
        CivilDate { year, month, day }
    }

    fn period(start: CivilDate, end: CivilDate) -> DateReading {
        DateReading::Period { start, end }
    }

    fn months(a: (i32, u32), b: (i32, u32)) -> DateReading {
        let month = |(y, m): (i32, u32)| date_stretch(&month_value(y, m)).unwrap();
        DateReading::Between { from: month(a), to: month(b) }
    }

    #[test]
    fn range_ends_share_a_year_or_a_month() {
        let on = |text| scanned(text, p(2018, 9, 20), Prefer::Past);
        for (text, reading) in [
            ("Nov 18 - Dec 19, 2015", between((2015, 11, 18), (2015, 12, 19))),
            ("Dec 28 to Jan 3, 2016", between((2015, 12, 28), (2016, 1, 3))),
            ("from May to Oct 2020", months((2020, 5), (2020, 10))),
            ("Jan-Feb 2017", months((2017, 1), (2017, 2))),
            ("Nov-Feb 2017", months((2016, 11), (2017, 2))),
            ("from April to June in 2017", months((2017, 4), (2017, 6))),
            ("between August and October", months((2018, 8), (2018, 10))),
            ("from November to March", months((2017, 11), (2018, 3))),
            ("from 10/1 to 11/7", between((2017, 10, 1), (2017, 11, 7))),
            ("26 June to 28 June in 2020", between((2020, 6, 26), (2020, 6, 28))),
            ("from May 2015 to June", months((2015, 5), (2015, 6))),
        ] {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        // A stated year on each end stays as written.
        assert_eq!(
            on("from 2014 to 2016"),
            vec![(
                "from 2014 to 2016",
                DateReading::Between {
                    from: date_stretch(&DateValue {
                        year: Some(2014),
                        month: None,
                        day: None,
                        weekday: None,
                        unresolved: None
                    })
                    .unwrap(),
                    to: date_stretch(&DateValue {
                        year: Some(2016),
                        month: None,
                        day: None,
                        weekday: None,
                        unresolved: None
                    })
                    .unwrap(),
                }
            )]
        );
    }

    #[test]
    fn numeric_ranges() {
        let on = |text| scanned(text, p(2018, 9, 20), Prefer::Past);
        assert_eq!(on("10/1-11/2/2017"), vec![("10/1-11/2/2017", between((2017, 10, 1), (2017, 11, 2)))]);
        assert_eq!(on("from 5/1-5/7, 2020"), vec![("5/1-5/7, 2020", between((2020, 5, 1), (2020, 5, 7)))]);
        for (text, reading) in [
            ("5/1/2019-5/7/2020", between((2019, 5, 1), (2020, 5, 7))),
            ("10/1/2018 - 10/7/2018", between((2018, 10, 1), (2018, 10, 7))),
            ("02-02-2020 - 03-03-2020", between((2020, 2, 2), (2020, 3, 3))),
        ] {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        // Numbers that cannot be months and days are no ranges.
        assert!(on("ratios 13/14-15/16 and 24/7-365").iter().all(|(_, r)| !matches!(r, DateReading::Between { .. })));
    }

    #[test]
    fn bare_days_and_months_take_the_rest_from_the_other_end() {
        let on = |text| scanned(text, p(2016, 11, 7), Prefer::Past);
        for (text, reading) in [
            ("between 3 and 12 of Sept", between((2016, 9, 3), (2016, 9, 12))),
            ("from 13th to the 15th of July", between((2016, 7, 13), (2016, 7, 15))),
            ("from the 13th to the 15th July", between((2016, 7, 13), (2016, 7, 15))),
            ("April 9th through 17th", between((2016, 4, 9), (2016, 4, 17))),
            ("April ninth through seventeenth", between((2016, 4, 9), (2016, 4, 17))),
            ("from 4 to January 22, 1995", between((1995, 1, 4), (1995, 1, 22))),
        ] {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        assert_eq!(
            on("Nov-Feb 5th, 2017"),
            vec![(
                "Nov-Feb 5th, 2017",
                DateReading::Between {
                    from: date_stretch(&month_value(2016, 11)).unwrap(),
                    to: (CivilDate { year: 2017, month: 2, day: 5 }, CivilDate { year: 2017, month: 2, day: 6 }),
                }
            )]
        );
        // A count before a date is no day of it, nor a day after it that comes before it.
        assert_eq!(on("rose 3 to the 12th of March 2016"), vec![("the 12th of March 2016", day(2016, 3, 12))]);
        assert_eq!(on("two to March 3, 2016"), vec![("March 3, 2016", day(2016, 3, 3))]);
        assert_eq!(on("March 9, 2016 through 7th"), vec![("March 9, 2016", day(2016, 3, 9))]);
        let quarters = on("from the first to the second quarter");
        assert!(quarters.iter().all(|(_, r)| !matches!(r, DateReading::Between { .. })), "{quarters:?}");
    }

    #[test]
    fn now_as_a_range_end() {
        let on = |text| scanned(text, p(2019, 4, 23), Prefer::Past);
        assert_eq!(
            on("between now and November 15th"),
            vec![("between now and November 15th", between((2019, 4, 23), (2019, 11, 15)))]
        );
        assert_eq!(
            on("from March to date"),
            vec![(
                "from March to date",
                DateReading::Between {
                    from: date_stretch(&month_value(2019, 3)).unwrap(),
                    to: (CivilDate { year: 2019, month: 4, day: 23 }, CivilDate { year: 2019, month: 4, day: 24 }),
                }
            )]
        );
        assert!(
            scanned("from March to date", None, Prefer::Past)
                .iter()
                .all(|(_, r)| !matches!(r, DateReading::Between { .. }))
        );
    }

    #[test]
    fn open_ended_ranges() {
        let on = |text| scanned(text, p(2018, 9, 20), Prefer::Past);
        let at = |y, m, d| Some(CivilDate { year: y, month: m, day: d });
        let open = |from, to| DateReading::Open { from, to };
        for (text, reading) in [
            ("since 2010", open(at(2010, 1, 1), None)),
            ("since August", open(at(2018, 8, 1), None)),
            ("after Feb 2018", open(at(2018, 3, 1), None)),
            ("later than 2018", open(at(2019, 1, 1), None)),
            ("before the year 2019", open(None, at(2019, 1, 1))),
            ("earlier than March 2015", open(None, at(2015, 3, 1))),
            ("2018 or later", open(at(2018, 1, 1), None)),
            ("1/1/2016 and after", open(at(2016, 1, 1), None)),
            ("2010 onwards", open(at(2010, 1, 1), None)),
            ("starting on January 7th, 2019", open(at(2019, 1, 7), None)),
            ("no later than January 1, 2010", open(None, at(2010, 1, 2))),
            // Early and late are halves, the middle a third, the end a point.
            ("since late July", open(at(2018, 7, 16), None)),
            ("before early September", open(None, at(2018, 9, 1))),
            ("after mid-May", open(at(2018, 5, 21), None)),
            ("since late 2017", open(at(2017, 7, 1), None)),
            ("before mid-2017", open(None, at(2017, 5, 1))),
            ("since the end of 2017", open(at(2018, 1, 1), None)),
        ] {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        assert_eq!(on("as early as 2020"), vec![("as early as 2020", open(at(2020, 1, 1), None))]);
        // A date that names an event's day, or one a length of time away, is no bound.
        assert!(matches!(&on("after Friday's vote")[..], [("Friday", DateReading::Date(v))] if v.day == Some(14)));
        assert_eq!(on("a week before March 3, 2016"), vec![("a week before March 3, 2016", day(2016, 2, 25))]);
        assert_eq!(on("months before March 3, 2016"), vec![("March 3, 2016", day(2016, 3, 3))]);
        assert_eq!(
            on("shortly after 2010"),
            vec![(
                "2010",
                DateReading::Date(DateValue {
                    year: Some(2010),
                    month: None,
                    day: None,
                    weekday: None,
                    unresolved: None
                })
            )]
        );
    }

    #[test]
    fn a_year_in_a_run_of_numbers_is_no_year() {
        let on = |text| scanned(text, p(2018, 9, 20), Prefer::Past);
        for text in
            ["Tel: +86 138-2010-2015", "code 133-03-03-2020", "2015-1-32 is no date", "see 32-2015", "A320-2015"]
        {
            assert_eq!(on(text), vec![], "{text}");
        }
        let year =
            |y| DateReading::Date(DateValue { year: Some(y), month: None, day: None, weekday: None, unresolved: None });
        assert_eq!(on("the 2015-16 season"), vec![("2015", year(2015))]);
        assert_eq!(on("the 2020/21 season"), vec![("2020", year(2020))]);
        assert!(matches!(&on("from 1990-2000")[..], [("from 1990-2000", DateReading::Between { .. })]));
        assert_eq!(on("on 02-02-2020"), vec![("02-02-2020", day(2020, 2, 2))]);
    }

    #[test]
    fn numbers_after_at_are_a_time_unless_they_have_a_year() {
        let on = |text| scanned(text, p(2018, 9, 20), Prefer::Past);
        assert_eq!(on("back at 4.22"), vec![]);
        assert_eq!(on("back at 4-22"), vec![]);
        assert_eq!(on("serious at 5/12/2020"), vec![("5/12/2020", day(2020, 5, 12))]);
        assert_eq!(on("a ratio of 30/4.85"), vec![], "a ratio of a decimal is no day");
        assert_eq!(on("on 5.12.2020"), vec![("5.12.2020", day(2020, 5, 12))]);
    }

    #[test]
    fn the_week_of_a_day() {
        let on = |text| scanned(text, p(2018, 9, 20), Prefer::Past);
        let week = |y, m, d| {
            let start = CivilDate { year: y, month: m, day: d };
            DateReading::Period { start, end: add_days(start, 7) }
        };
        for (text, reading) in [
            ("the week of April 10th, 2018", week(2018, 4, 9)),
            ("the week beginning February 4, 2019", week(2019, 2, 4)),
            ("w/c Feb 4, 2019", week(2019, 2, 4)),
        ] {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        // A week of a month is no week of a day.
        assert_eq!(on("the week of March 2018"), vec![("March 2018", DateReading::Date(month_value(2018, 3)))]);
    }

    #[test]
    fn compact_dates_quarters_and_halves() {
        let on = |text| scanned(text, p(2016, 11, 7), Prefer::Past);
        assert_eq!(on("on 31/Oct/1974"), vec![("31/Oct/1974", day(1974, 10, 31))]);
        for (text, reading) in [
            ("05-Aug-2016", day(2016, 8, 5)),
            ("31-Oct-74", day(1974, 10, 31)),
            ("Sep-23-2020", day(2020, 9, 23)),
            ("Dec-2018", DateReading::Date(month_value(2018, 12))),
            ("Dec/2018", DateReading::Date(month_value(2018, 12))),
        ] {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        let at = |y, m| CivilDate { year: y, month: m, day: 1 };
        for (text, reading) in [
            ("2017-Q1", period(at(2017, 1), at(2017, 4))),
            ("2018Q4", period(at(2018, 10), at(2019, 1))),
            ("q1-2019", period(at(2019, 1), at(2019, 4))),
        ] {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        assert_eq!(on("during Q4 2015"), vec![("Q4 2015", period(at(2015, 10), at(2016, 1)))]);
        assert_eq!(on("in Q3"), vec![("Q3", period(at(2016, 7), at(2016, 10)))]);
        assert_eq!(on("in Q4"), vec![("Q4", period(at(2016, 10), at(2017, 1)))], "the quarter under way");
        let before_q4 = scanned("in Q4", p(2016, 5, 2), Prefer::Past);
        assert_eq!(before_q4, vec![("Q4", period(at(2015, 10), at(2016, 1)))], "news looks back");
        for (text, reading) in [
            ("2019 H2", period(at(2019, 7), at(2020, 1))),
            ("H1 2016", period(at(2016, 1), at(2016, 7))),
            ("the first half of 2019", period(at(2019, 1), at(2019, 7))),
            ("the second half of last year", period(at(2015, 7), at(2016, 1))),
        ] {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        // A car model, a half of something else.
        assert!(
            on("the Audi Q3 and half of 2019's budget").iter().all(|(_, r)| !matches!(r, DateReading::Period { .. }))
        );
    }

    #[test]
    fn centuries_decades_and_weeks_of_a_year() {
        let on = |text| scanned(text, p(2018, 11, 7), Prefer::Past);
        assert_eq!(on("in the 21st century"), vec![("the 21st century", period(at(2000, 1, 1), at(2100, 1, 1)))]);
        for (text, reading) in [
            ("the nineteenth century", period(at(1800, 1, 1), at(1900, 1, 1))),
            ("the nineteen seventies", period(at(1970, 1, 1), at(1980, 1, 1))),
        ] {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        assert_eq!(on("the twenty-tens"), vec![("the twenty-tens", period(at(2010, 1, 1), at(2020, 1, 1)))]);
        assert!(on("a man in his forties; temperatures in the seventies").is_empty(), "ages and degrees");
        for (text, reading) in [
            ("the first week of 2015", period(at(2014, 12, 29), at(2015, 1, 5))),
            ("the last week of 2016", period(at(2016, 12, 26), at(2017, 1, 2))),
            ("3rd week of 2018", period(at(2018, 1, 15), at(2018, 1, 22))),
            ("week 31 of 2018", period(at(2018, 7, 30), at(2018, 8, 6))),
            ("week 27 of last year", period(at(2017, 7, 3), at(2017, 7, 10))),
            // A week of a month is the month's as a week of a year is the year's: by its
            // Thursday. The first week of a month can begin in the month before, the last end
            // in the month after; October 1 to 5, 2014 are in October's first week.
            ("the first week of January 2015", period(at(2014, 12, 29), at(2015, 1, 5))),
            ("the first week of October 2014", period(at(2014, 9, 29), at(2014, 10, 6))),
            ("the last week of December 2016", period(at(2016, 12, 26), at(2017, 1, 2))),
            ("the second week of March 2024", period(at(2024, 3, 11), at(2024, 3, 18))),
            ("the second last week of December 2016", period(at(2016, 12, 19), at(2016, 12, 26))),
        ] {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        assert!(on("in Week 3 of the season").is_empty(), "a week of a season is no week of a year");
        assert!(on("week 54 of 2018").iter().all(|(_, r)| !matches!(r, DateReading::Period { .. })), "no such week");
        // Counted back from the last week of a year or a month, the last day or weekday of a month.
        let third_last = on("the third last week of 2018");
        assert_eq!(third_last, vec![("the third last week of 2018", period(at(2018, 12, 10), at(2018, 12, 17)))]);
        let second_last = on("the 2nd last week of October 2018");
        assert_eq!(
            second_last,
            vec![("the 2nd last week of October 2018", period(at(2018, 10, 15), at(2018, 10, 22)))]
        );
        for (text, reading) in [
            ("the fifth last day of May 2018", day(2018, 5, 27)),
            ("the second last Friday of March 2024", day(2024, 3, 22)),
        ] {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        assert!(
            on("the fifth last Friday of February 2024").iter().all(|(t, _)| !t.contains("fifth last")),
            "February 2024 has four Fridays"
        );
    }

    #[test]
    fn decades_in_words_spaced_or_counted_from_this_one() {
        let on = |text| scanned(text, p(2026, 3, 2), Prefer::Past);
        let decade = |y| period(at(y, 1, 1), at(y + 10, 1, 1));
        for (text, phrase, reading) in [
            ("The bridge, built in the 1970 s, was closed.", "the 1970 s", decade(1970)),
            ("Prices doubled in the nineties, the report said.", "the nineties", decade(1990)),
            ("The band formed in the noughties.", "the noughties", decade(2000)),
            ("a rivalry that began in seventies Britain", "seventies", decade(1970)),
            ("The Sixties changed the town.", "The Sixties", decade(1960)),
            ("More storms are expected this decade.", "this decade", decade(2020)),
            ("The mine will close in the next decade.", "next decade", decade(2030)),
        ] {
            assert_eq!(on(text), vec![(phrase, reading)], "{text}");
        }
        // Ages, degrees, percentages, a golf score; a decade by name alone; the ten years before
        // the publication date, which "the past decade" means in news, are no calendar decade.
        for text in [
            "The victim, a woman in her nineties, was rescued.",
            "Temperatures will stay in the nineties all week.",
            "Approval ratings remained in the forties.",
            "He shot a round in the sixties.",
            "fans of nineties pop",
            "Crime has fallen over the past decade.",
            "Sales grew 1990 S-class cars",
            "The lap took 90 s.",
        ] {
            assert!(on(text).iter().all(|(_, r)| !matches!(r, DateReading::Period { .. })), "{text}: {:?}", on(text));
        }
        let last = on("the last decade of the 20th century");
        assert_eq!(last, vec![("the 20th century", period(at(1900, 1, 1), at(2000, 1, 1)))]);
    }

    #[test]
    fn a_date_after_a_comma_a_space_or_in_an_unusual_order() {
        let on = |text| scanned(text, p(2026, 3, 2), Prefer::Past);
        for (text, phrase, reading) in [
            ("The vote was moved to October, 1st.", "October, 1st", day(2025, 10, 1)),
            ("On 2024 10 16, the court ruled.", "2024 10 16", day(2024, 10, 16)),
            ("the memo dated September-2020-23", "September-2020-23", day(2020, 9, 23)),
            ("a filing stamped 2020/23/Sep", "2020/23/Sep", day(2020, 9, 23)),
            ("the invoice of 23-2020-September", "23-2020-September", day(2020, 9, 23)),
        ] {
            assert_eq!(on(text), vec![(phrase, reading)], "{text}");
        }
        // Not a day after the comma: a count, an ordinal that names something else, a run of numbers.
        for text in [
            "In October, 12 people were hurt.",
            "In October, 3rd-quarter profits fell.",
            "In October, 1st Lt. Ana Ruiz was promoted.",
            "In May, first responders arrived.",
            "In 2016 10 16-year-olds were charged.",
            "Scores: 2019 11 12 14",
        ] {
            assert!(on(text).iter().all(|(_, r)| !matches!(r, DateReading::Date(v) if v.day.is_some())), "{text}");
        }
    }

    #[test]
    fn a_weekday_with_this_or_next_before_its_date_and_a_couple_of_weeks() {
        let on = |text| scanned(text, p(2023, 5, 8), Prefer::Past);
        assert_eq!(on("The hearing is set for this Friday 5/12."), vec![("this Friday 5/12", day(2023, 5, 12))]);
        assert_eq!(on("Talks resume next Monday 5/15."), vec![("next Monday 5/15", day(2023, 5, 15))]);
        // Whole weeks from next Monday, as "the next two weeks".
        let couple = on("Results are due in the next couple of weeks.");
        assert_eq!(couple, vec![("next couple of weeks", period(at(2023, 5, 15), at(2023, 5, 29)))]);
        assert!(on("a couple of weeks").iter().all(|(_, r)| !matches!(r, DateReading::Period { .. })));
    }

    #[test]
    fn this_coming_weekday_halves_written_as_one_word_and_the_end_of_a_number() {
        // Published Monday 2023-05-08.
        let on = |text| scanned(text, p(2023, 5, 8), Prefer::Past);
        for (text, phrase, reading) in [
            ("The strike starts this coming Friday.", "this coming Friday", day(2023, 5, 12)),
            ("a vote on the upcoming Saturday", "upcoming Saturday", day(2023, 5, 13)),
            ("The court sits again this coming Monday.", "this coming Monday", day(2023, 5, 15)),
            ("Revenue rose in 2016H2, the filing said.", "2016H2", period(at(2016, 7, 1), at(2017, 1, 1))),
            ("The fund paid 6,107.31 August 2019.", "August 2019", DateReading::Date(month_value(2019, 8))),
            ("It paid on 31 August 2019.", "31 August 2019", day(2019, 8, 31)),
        ] {
            assert_eq!(on(text), vec![(phrase, reading)], "{text}");
        }
        assert_ne!(on("next Friday"), vec![("next Friday", day(2023, 5, 12))], "next week's Friday");
        assert!(on("the 2016H2O study").iter().all(|(_, r)| !matches!(r, DateReading::Period { .. })));
    }

    #[test]
    fn a_modal_may_an_ordinal_after_the_and_a_run_of_numbers_are_no_dates() {
        let on = |text| scanned(text, p(2024, 3, 14), Prefer::Past);
        for text in [
            "This may take weeks, officials said.",
            "This may or may not be true.",
            "One may argue the vote was rigged.",
            "May I add one thing, the minister asked.",
            "In the first week of the trial, jurors heard from the police.",
            "The second round of talks failed.",
            "fears of a second wave of infections",
            "Tickets: call 123-12-1234.",
        ] {
            assert!(on(text).is_empty(), "{text}: {:?}", on(text));
        }
        // A dash of more than one byte before a day.
        assert!(on("The festival ran 10–12 October.").iter().any(|(t, _)| t.contains("12 October")));
        let run = on("the 2015-1-32 entry");
        assert!(run.iter().all(|(_, r)| !matches!(r, DateReading::Date(v) if v.month.is_some())), "{run:?}");
        assert_eq!(on("Police came back on the first."), vec![("on the first", day(2024, 3, 1))]);
        let later = on("A second later, it exploded.");
        assert!(matches!(later.as_slice(), [("A second", DateReading::Duration(_))]), "{later:?}");
        // "may" in lower case where a date goes on is the month.
        let may = on("the strike lasted from this may to october");
        assert!(may.iter().any(|(t, _)| t.contains("may")), "{may:?}");
        assert_eq!(on("The vote is in May."), vec![("May", DateReading::Date(month_value(2023, 5)))]);
    }

    #[test]
    fn stretches_of_whole_units_before_or_after_this_one() {
        // Published Thursday 2019-07-04, in the third quarter.
        let cases = [
            ("the past two quarters", "past two quarters", period(at(2019, 1, 1), at(2019, 7, 1))),
            ("the previous eleven quarters", "previous eleven quarters", period(at(2016, 10, 1), at(2019, 7, 1))),
            ("the next 7 quarters", "next 7 quarters", period(at(2019, 10, 1), at(2021, 7, 1))),
            ("the next 2 months", "next 2 months", period(at(2019, 8, 1), at(2019, 10, 1))),
            ("in the 2 next days", "2 next days", period(at(2019, 7, 5), at(2019, 7, 7))),
            ("in the 5 past years", "5 past years", period(at(2014, 1, 1), at(2019, 1, 1))),
            ("the 3 upcoming weeks", "3 upcoming weeks", period(at(2019, 7, 8), at(2019, 7, 29))),
            ("in the past two decades", "past two decades", period(at(1990, 1, 1), at(2010, 1, 1))),
            ("the next 3 decades", "next 3 decades", period(at(2020, 1, 1), at(2050, 1, 1))),
            ("over the past fortnight", "past fortnight", period(at(2019, 6, 17), at(2019, 7, 1))),
            ("in the next fortnight", "next fortnight", period(at(2019, 7, 15), at(2019, 7, 29))),
            ("in the year to date", "the year to date", period(at(2019, 1, 1), at(2019, 7, 4))),
        ];
        for (text, phrase, reading) in cases {
            assert_eq!(scanned(text, p(2019, 7, 4), Prefer::Past), vec![(phrase, reading)], "{text}");
        }
        let on = |text| scanned(text, p(2019, 7, 4), Prefer::Past);
        // "following" counts from the story's own time, not from the publication date.
        assert!(on("in the 2 following days").iter().all(|(_, r)| !matches!(r, DateReading::Period { .. })));
    }

    #[test]
    fn a_fortnight_and_the_nth_month_of_a_year() {
        let on = |text| scanned(text, p(2021, 5, 20), Prefer::Past);
        let month = |y, m| DateReading::Date(month_value(y, m));
        let cases = [
            ("a fortnight ago", "a fortnight ago", day(2021, 5, 6)),
            ("back in a fortnight", "in a fortnight", day(2021, 6, 3)),
            ("in the third month of 2021", "the third month of 2021", month(2021, 3)),
            ("The 9th month of next year", "The 9th month of next year", month(2022, 9)),
            ("the twelfth month of the year", "the twelfth month of the year", month(2021, 12)),
        ];
        for (text, phrase, reading) in cases {
            assert_eq!(on(text), vec![(phrase, reading)], "{text}");
        }
        for text in ["the 13th month of 2021", "the second month of the war", "it took a year to date the bones"] {
            let found = on(text);
            assert!(
                found.iter().all(|(t, r)| !t.contains("month") && !matches!(r, DateReading::Period { .. })),
                "{found:?}"
            );
        }
    }

    #[test]
    fn the_first_or_last_days_weeks_months_or_quarters_of_a_year() {
        let cases = [
            ("the first six months of 2024", period(at(2024, 1, 1), at(2024, 7, 1))),
            ("the last four months of 2021", period(at(2021, 9, 1), at(2022, 1, 1))),
            ("the first two quarters of 2019", period(at(2019, 1, 1), at(2019, 7, 1))),
            ("first ten days of last year", period(at(2018, 1, 1), at(2018, 1, 11))),
            ("the last 3 days of the year", period(at(2019, 12, 29), at(2020, 1, 1))),
            // ISO weeks: 2021's first Monday-to-Sunday week starts on January 4.
            ("the first 2 weeks of 2021", period(at(2021, 1, 4), at(2021, 1, 18))),
            ("the last 3 weeks of this year", period(at(2019, 12, 9), at(2019, 12, 30))),
        ];
        for (text, reading) in cases {
            assert_eq!(scanned(text, p(2019, 7, 4), Prefer::Past), vec![(text, reading)], "{text}");
        }
        let on = |text| scanned(text, p(2019, 7, 4), Prefer::Past);
        let too_long = on("the first 13 months of 2020");
        assert!(too_long.iter().all(|(_, r)| !matches!(r, DateReading::Period { .. })), "{too_long:?}");
    }

    #[test]
    fn a_weekday_with_its_date_in_brackets_or_after_a_hyphen() {
        let on = |text| scanned(text, p(2024, 3, 25), Prefer::Past);
        let cases = [
            ("on Friday (March 22)", "Friday (March 22)", day(2024, 3, 22)),
            // Of June 15's two nearest occurrences, the one that is a Saturday.
            ("this saturday (jun-15)", "saturday (jun-15)", day(2024, 6, 15)),
            ("on Thursday (Dec. 5, 2019)", "Thursday (Dec. 5, 2019)", day(2019, 12, 5)),
            ("Saturday-Jun-15", "Saturday-Jun-15", day(2024, 6, 15)),
        ];
        for (text, phrase, reading) in cases {
            assert_eq!(on(text), vec![(phrase, reading)], "{text}");
        }
        // Brackets that hold no date leave the weekday to itself.
        let phrases: Vec<&str> = on("on Friday (local time)").into_iter().map(|(t, _)| t).collect();
        assert_eq!(phrases, vec!["Friday"]);
    }

    #[test]
    fn a_clause_about_what_is_to_come_looks_ahead() {
        let weekday_day = |y, m, d, w| DateReading::Date(DateValue { weekday: Some(w), ..day_value_of(at(y, m, d)) });
        let month_of = |y, m| DateReading::Date(month_value(y, m));
        // Thursday, November 13, 2025.
        let news = |text| scanned(text, p(2025, 11, 13), Prefer::Past);
        assert_eq!(news("He will be sentenced on Monday."), vec![("Monday", weekday_day(2025, 11, 17, 0))]);
        assert_eq!(news("He was sentenced on Monday."), vec![("Monday", weekday_day(2025, 11, 10, 0))]);
        assert_eq!(
            news("The funeral is set to be held on Saturday."),
            vec![("Saturday", weekday_day(2025, 11, 15, 5))]
        );
        // "Due to" is as often "because of"; a day with "'s" is one gone by; "after" turns back.
        assert_eq!(news("The closure is due to Monday's landslide."), vec![("Monday", weekday_day(2025, 11, 10, 0))]);
        assert_eq!(
            news("They will rehouse those displaced by Monday's flood"),
            vec![("Monday", weekday_day(2025, 11, 10, 0))]
        );
        assert_eq!(news("It won't reopen after the attack on Monday"), vec![("Monday", weekday_day(2025, 11, 10, 0))]);
        assert_eq!(
            news("They were held against their will on Monday."),
            vec![("Monday", weekday_day(2025, 11, 10, 0))]
        );
        assert_eq!(news("We'll know more on Friday"), vec![("Friday", weekday_day(2025, 11, 14, 4))]);
        assert_eq!(news("An appeal hearing is scheduled for March 3."), vec![("March 3", day(2026, 3, 3))]);
        assert_eq!(news("The trial will open in March"), vec![("March", month_of(2026, 3))]);
        // The clause ends; the verb does not reach across a comma, a "said" or a turn back.
        assert_eq!(news("It will open, officials said on Monday."), vec![("Monday", weekday_day(2025, 11, 10, 0))]);
        assert_eq!(news("We will never forget March 3."), vec![("March 3", day(2025, 3, 3))]);
        assert_eq!(
            news("They will study footage of the attack on Monday"),
            vec![("Monday", weekday_day(2025, 11, 10, 0))]
        );
        // "will" as a noun, or a name.
        assert_eq!(news("He signed his will on Monday."), vec![("Monday", weekday_day(2025, 11, 10, 0))]);
        assert_eq!(news("Will Jones spoke on Monday."), vec![("Monday", weekday_day(2025, 11, 10, 0))]);
        // A range read ahead that a year back would hold the day the text was written is the one
        // under way; a range whose year is written stays where it is.
        let september = |text| scanned(text, p(2018, 9, 7), Prefer::Past);
        let stretch = |r: &DateReading| match r {
            DateReading::Between { from, to } => Some((from.0, to.1)),
            _ => None,
        };
        let found = september("What will happen between August and October");
        assert_eq!(
            found.iter().map(|(_, r)| stretch(r)).collect::<Vec<_>>(),
            vec![Some((at(2018, 8, 1), at(2018, 11, 1)))]
        );
        let found = september("It will run between August and October 2019");
        assert_eq!(
            found.iter().map(|(_, r)| stretch(r)).collect::<Vec<_>>(),
            vec![Some((at(2019, 8, 1), at(2019, 11, 1)))]
        );
    }

    #[test]
    fn a_weekday_before_a_numeric_date() {
        let on = |text| scanned(text, p(2018, 7, 1), Prefer::Future);
        assert_eq!(on("Friday 7/6"), vec![("Friday 7/6", day(2018, 7, 6))]);
        let past = scanned("on Tuesday 7/6", p(2018, 7, 1), Prefer::Past);
        assert_eq!(past, vec![("Tuesday 7/6", day(2018, 7, 6))], "no July 6 near is a Tuesday: the weekday is a slip");
        let past = scanned("on Thursday 7/6", p(2018, 7, 1), Prefer::Past);
        assert_eq!(past, vec![("Thursday 7/6", day(2017, 7, 6))], "last year's July 6 was a Thursday");
        // A score after a weekday is no date.
        assert!(on("won Friday 7-6 at home").iter().all(|(t, _)| !t.contains("7-6")));
    }

    #[test]
    fn a_weekday_before_a_month_and_day_picks_a_year_where_it_agrees() {
        let tuesday = p(2013, 2, 12);
        let on = |text, prefer| {
            let found = scanned(text, tuesday, prefer);
            let [(phrase, DateReading::Date(v))] = found.as_slice() else { panic!("{text:?}: {found:?}") };
            (phrase.to_string(), v.year, v.month, v.day)
        };
        let sunday_feb_10 = ("Sunday, Feb 10".to_string(), Some(2013), Some(2), Some(10));
        assert_eq!(on("Sunday, Feb 10", Prefer::Future), sunday_feb_10, "two days ago, not 2019");
        assert_eq!(on("Sunday, Feb 10", Prefer::Past), sunday_feb_10);
        // Neither the last nor the next July 18 is a Friday, the one after is: looking ahead, the
        // weekday picks it, before the date or after it.
        for text in ["Friday, July 18", "Fri, Jul 18", "Jul 18, Fri", "18 July, Friday"] {
            assert_eq!(on(text, Prefer::Future), (text.to_string(), Some(2014), Some(7), Some(18)), "{text}");
        }
        // News names no day over a year away without its year: the weekday is a slip.
        assert_eq!(on("Friday, July 18", Prefer::Past), ("Friday, July 18".to_string(), Some(2012), Some(7), Some(18)));
        let slip = scanned("on Sunday, April 13", p(2024, 4, 16), Prefer::Past);
        let sunday_april_13 = DateValue { weekday: Some(6), ..day_value_of(at(2024, 4, 13)) };
        assert_eq!(slip, vec![("Sunday, April 13", DateReading::Date(sunday_april_13))], "a slip, not 2025");
        let ahead = scanned("on Monday, May 6", p(2024, 4, 16), Prefer::Past);
        let monday_may_6 = DateValue { weekday: Some(0), ..day_value_of(at(2024, 5, 6)) };
        assert_eq!(ahead, vec![("Monday, May 6", DateReading::Date(monday_may_6))], "announced three weeks ahead");
        let week_old = scanned("on Tuesday March 7", p(2018, 3, 14), Prefer::Past);
        let tuesday_march_7 = DateValue { weekday: Some(1), ..day_value_of(at(2018, 3, 7)) };
        assert_eq!(week_old, vec![("Tuesday March 7", DateReading::Date(tuesday_march_7))], "not March 7, 2017");
        // A weekday after a year is no weekday of the date.
        let phrases: Vec<&str> =
            scanned("July 18, 2014, Fri", tuesday, Prefer::Past).into_iter().map(|(t, _)| t).collect();
        assert_eq!(phrases, ["July 18, 2014", "Fri"]);
    }

    #[test]
    fn a_start_middle_or_end_as_a_range_end() {
        let on = |text| scanned(text, p(2016, 11, 7), Prefer::Past);
        let point = |d: CivilDate| (d, d);
        let year = |y| (at(y, 1, 1), at(y + 1, 1, 1));
        assert_eq!(
            on("from 2007 to the end of 2008"),
            vec![(
                "from 2007 to the end of 2008",
                DateReading::Between { from: year(2007), to: point(at(2009, 1, 1)) }
            )]
        );
        assert_eq!(
            on("from the middle of 2007 to the start of 2008"),
            vec![(
                "from the middle of 2007 to the start of 2008",
                DateReading::Between { from: point(at(2007, 7, 2)), to: point(at(2008, 1, 1)) }
            )]
        );
        assert_eq!(
            on("from April until the end of June"),
            vec![(
                "from April until the end of June",
                DateReading::Between { from: date_stretch(&month_value(2016, 4)).unwrap(), to: point(at(2016, 7, 1)) }
            )]
        );
    }

    #[test]
    fn days_and_weeks_before_or_after_a_day() {
        let on = |text| scanned(text, p(2016, 11, 7), Prefer::Past);
        for (text, reading) in [
            ("three days after Christmas", day(2015, 12, 28)),
            ("2 weeks before May 13 1999", day(1999, 4, 29)),
            ("16 days from 01/02/2018", day(2018, 1, 18)),
        ] {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        // Whole months or years move the day, except from a holiday without its year.
        for (text, reading) in [
            ("a year after March 3, 2015", day(2016, 3, 3)),
            ("two months after next Friday", day(2017, 1, 18)),
            ("4 months from tomorrow", day(2017, 3, 8)),
            ("one month before March 31, 2016", day(2016, 2, 29)),
        ] {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        let a_year = on("a year after Christmas");
        assert!(matches!(a_year[..], [(_, DateReading::Duration(_)), ("Christmas", _)]), "{a_year:?}");
        let lasted = on("It lasted four months from March 3 to July 3");
        assert!(lasted.iter().all(|(_, r)| !matches!(r, DateReading::Date(_))), "{lasted:?}");
    }

    #[test]
    fn holidays_and_months_counted_from_another_day() {
        let month = |y, m| DateReading::Date(month_value(y, m));
        for prefer in [Prefer::Past, Prefer::Future] {
            let on = |text| scanned(text, p(2013, 2, 12), prefer);
            for (text, reading) in [
                ("thanksgiving in 9 months", day(2013, 11, 28)),
                ("thanksgiving 3 months ago", day(2012, 11, 22)),
                ("Christmas two years ago", day(2011, 12, 25)),
                ("New Year's Day two years ago", day(2011, 1, 1)),
                ("Christmas in 2 weeks", day(2012, 12, 25)),
                ("Easter three years hence", day(2016, 3, 27)),
                ("March in a year", month(2014, 3)),
                ("September 6 months from now", month(2013, 9)),
            ] {
                assert_eq!(on(text), vec![(text, reading)], "{text} ({prefer:?})");
            }
        }
        // The time since, not a date: each phrase stays two readings, the month or holiday by the
        // reference date and the offset apart.
        let on = |text| scanned(text, p(2013, 2, 12), Prefer::Past);
        for text in [
            "the coldest March in 50 years",
            "the first Christmas in two years",
            "its most violent March in a decade",
            "a March in a year when nothing happened",
            "March 2024 in two years",
        ] {
            let found = on(text);
            assert!(found.iter().all(|(phrase, _)| !phrase.contains(" in ")), "{text}: {found:?}");
        }
    }

    #[test]
    fn a_month_takes_the_year_counted_after_it() {
        let on = |text| scanned(text, p(2024, 12, 10), Prefer::Past);
        let month = |y, m| DateReading::Date(month_value(y, m));
        assert_eq!(on("October last year"), vec![("October last year", month(2023, 10))], "not the October just past");
        assert_eq!(on("January 3 this year"), vec![("January 3 this year", day(2024, 1, 3))]);
        assert_eq!(on("March next year"), vec![("March next year", month(2025, 3))]);
        for text in ["In March last year's winner returned", "on Friday last year"] {
            let found = on(text);
            assert!(found.iter().all(|(phrase, _)| !phrase.contains(" last year")), "{text}: {found:?}");
        }
    }

    #[test]
    fn eras_seasons_and_the_closest_day() {
        let year = |y| DateReading::Date(year_value(y));
        let on = |text| scanned(text, p(2013, 2, 12), Prefer::Past);
        for (text, reading) in [
            ("2014 BC", year(-2014)),
            ("44 B.C.", year(-44)),
            ("14 a.d.", year(14)),
            ("AD 70", year(70)),
            ("14april 2015", day(2015, 4, 14)),
            ("Easter Sunday two thousand ten", day(2010, 4, 4)),
            ("next few days", period(at(2013, 2, 13), at(2013, 2, 16))),
            ("past few days", period(at(2013, 2, 9), at(2013, 2, 12))),
            ("this summer", period(at(2013, 6, 21), at(2013, 9, 23))),
            ("this winter", period(at(2012, 12, 21), at(2013, 3, 20))),
            ("last winter", period(at(2011, 12, 21), at(2012, 3, 20))),
            ("last summer", period(at(2012, 6, 21), at(2012, 9, 23))),
            ("next autumn", period(at(2013, 9, 23), at(2013, 12, 21))),
            ("the summer of 2019", period(at(2019, 6, 21), at(2019, 9, 23))),
            ("the closest Monday to Oct 5th", day(2012, 10, 8)),
            ("the second closest Monday to October fifth", day(2012, 10, 1)),
            ("the closest Christmas to today", day(2012, 12, 25)),
            ("the 3rd closest Christmas to today", day(2011, 12, 25)),
        ] {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        assert_eq!(reading(&year_value(-44)), "44 BC");
        // A count after a holiday, a verb after a direction, an advert or a disease.
        for (text, not) in [
            ("Easter two thousand pilgrims came", "Easter two thousand"),
            ("the next fall in prices", "next fall"),
            ("14 ads ran", "14 ads"),
            ("treating 14 AD patients", "14 AD"),
            ("In 2014 BC Hydro raised its rates", "2014 BC"),
        ] {
            let found = on(text);
            assert!(found.iter().all(|(phrase, _)| !phrase.starts_with(not)), "{text}: {found:?}");
        }
        let around = scanned("at the end of around next week", p(2013, 2, 12), Prefer::Future);
        assert!(
            matches!(around[..], [("the end of around next week", DateReading::Part { part: Part::End, .. })]),
            "{around:?}"
        );
    }

    #[test]
    fn near_misses_of_the_compact_and_open_forms() {
        let on = |text| scanned(text, p(2019, 10, 7), Prefer::Past);
        assert_eq!(on("On 3/15, 12 people were hurt"), vec![("3/15", day(2019, 3, 15))]);
        assert_eq!(on("on 08/12,15"), vec![("08/12,15", day(2015, 8, 12))]);
        let week = on("for a week starting tomorrow");
        assert!(
            week.iter().all(|(_, r)| !matches!(r, DateReading::Period { .. })),
            "a length, not a calendar week: {week:?}"
        );
        assert!(
            on("Friday-Oct-4").iter().all(|(_, r)| !matches!(r, DateReading::Between { .. })),
            "one day named twice"
        );
        let at = |y, m| CivilDate { year: y, month: m, day: 1 };
        assert_eq!(
            on("from Q1 of 2017 - Q3 of 2018"),
            vec![(
                "from Q1 of 2017 - Q3 of 2018",
                DateReading::Between { from: (at(2017, 1), at(2017, 4)), to: (at(2018, 7), at(2018, 10)) }
            )]
        );
        assert_eq!(
            on("before the end of December 2018"),
            vec![("before the end of December 2018", DateReading::Open { from: None, to: Some(at(2019, 1)) })]
        );
    }

    #[test]
    fn next_month_amounts_and_spaced_month_years() {
        let on = |text| scanned(text, p(2016, 11, 7), Prefer::Past);
        for (text, reading) in [
            ("next June", DateReading::Date(month_value(2017, 6))),
            ("next january", DateReading::Date(month_value(2017, 1))),
        ] {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        assert_eq!(ymd(&read("next March", p(2024, 2, 10))), (Some(2024), Some(3), None), "the coming March");
        assert_eq!(ymd(&read("next February", p(2024, 2, 10))), (Some(2025), Some(2), None));
        assert_eq!(on("paid $12 December 27"), vec![("December 27", day(2015, 12, 27))]);
        assert_eq!(on("in 11 / 2016"), vec![("11 / 2016", DateReading::Date(month_value(2016, 11)))]);
    }

    #[test]
    fn two_abbreviated_months() {
        let on = |text| scanned(text, p(2018, 10, 24), Prefer::Past);
        for (text, reading) in [
            ("from Sep to Nov", months((2018, 9), (2018, 11))),
            ("Nov-Feb", months((2017, 11), (2018, 2))),
            ("Sept to Nov 2020", months((2020, 9), (2020, 11))),
        ] {
            assert_eq!(on(text), vec![(text, reading)], "{text}");
        }
        assert_eq!(on("Nov-Feb 5th, 2017")[0].0, "Nov-Feb 5th, 2017");
        assert!(on("you may to mar it").is_empty(), "verbs");
    }

    #[test]
    fn impossible_dates_are_not_dates() {
        assert!(DateGrammar::default().read("February 30", None).is_none());
    }

    #[test]
    fn decimal_measures_are_no_dates() {
        let on = |text| scanned(text, p(2025, 4, 15), Prefer::Past);
        for text in
            ["a 6.8-magnitude quake", "a 7.8 magnitude quake", "the 6.8 quake", "a 3.2 metre gap", "rose 4.5 percent"]
        {
            assert_eq!(on(text), vec![], "{text}");
        }
        assert_eq!(on("due on 7.6.").len(), 1, "a day and a month with no unit after them");
    }

    #[test]
    fn readings() {
        assert_eq!(reading(&read("March 22, 2024", None)), "2024-03-22 (Friday)");
        assert_eq!(reading(&read("March 23", None)), "March 23 (year unknown)");
        assert_eq!(reading(&read("Friday", None)), "friday (unresolved: no publication date)".replacen('f', "F", 1));
    }
}

/// Which way a date that leaves its year, month or week unsaid resolves against the reference
/// date: news speaks of the past, so `check` reads "Friday" as the last Friday and "March 22" as
/// the last March 22 ([`Prefer::Past`], the default); a calendar assistant's "Friday" is the next
/// one ([`Prefer::Future`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Prefer {
    #[default]
    Past,
    Future,
}

const DAY_ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
/// "one" .. "nineteen": the number words, without "zero".
const DAY_CARDINALS: &[&str] = UNITS.split_at(1).1;

/// A day of the month in words or digits: "21", "21st", "twenty-first", "twenty one", "first".
fn day_words_pattern() -> String {
    let units =
        r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|one|two|three|four|five|six|seven|eight|nine)";
    let ords = DAY_ORDINALS.join("|");
    let cards = DAY_CARDINALS.join("|");
    format!(
        r"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b|twenty[\s-]+{units}\b|thirty[\s-]+(?:first|one)\b|twentieth\b|thirtieth\b|twenty\b|thirty\b|(?:{ords})\b|(?:{cards})\b)"
    )
}

/// The day a [`day_words_pattern`] match names.
fn day_value(text: &str) -> Option<u32> {
    let t = text.to_lowercase().replace('-', " ");
    let t = t.split_whitespace().collect::<Vec<_>>();
    let unit = |w: &str| {
        DAY_ORDINALS
            .iter()
            .position(|o| *o == w)
            .or_else(|| DAY_CARDINALS.iter().position(|c| *c == w))
            .map(|i| i as u32 + 1)
    };
    let d = match t.as_slice() {
        [w] => {
            let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
            if !digits.is_empty() {
                digits.parse().ok()?
            } else {
                match *w {
                    "twenty" | "twentieth" => 20,
                    "thirty" | "thirtieth" => 30,
                    w => unit(w)?,
                }
            }
        }
        ["twenty", u] => 20 + unit(u).filter(|u| *u < 10)?,
        ["thirty", u] => 30 + unit(u).filter(|u| *u == 1)?,
        _ => return None,
    };
    (1..=31).contains(&d).then_some(d)
}

const SCAN_WEEKDAYS: &[(&str, u32)] =
    &[("mon", 0), ("tue", 1), ("wed", 2), ("thu", 3), ("fri", 4), ("sat", 5), ("sun", 6)];

fn scan_weekday(text: &str) -> Option<u32> {
    let t = text.trim_end_matches('.').to_lowercase();
    SCAN_WEEKDAYS.iter().find(|(p, _)| t.starts_with(p)).map(|(_, w)| *w)
}

/// Weekday numbers run from 0 (Monday) to 6 (Sunday).
const THURSDAY: u32 = 3;

/// The Monday of the week of `d`.
fn monday_of(d: CivilDate) -> CivilDate {
    add_days(d, -i64::from(weekday(d)))
}

/// The first day after `p` that is weekday `w` (0 Monday .. 6 Sunday): one to seven days on.
fn next_weekday(p: CivilDate, w: u32) -> CivilDate {
    add_days(p, i64::from((w + 6 - weekday(p)) % 7 + 1))
}

/// The weekday `w` a bare "Friday" said on `p` names: the last one up to `p` itself, or the
/// next one after it.
fn weekday_near(p: CivilDate, w: u32, prefer: Prefer) -> CivilDate {
    match prefer {
        Prefer::Past => add_days(p, -i64::from((weekday(p) + 7 - w) % 7)),
        Prefer::Future => next_weekday(p, w),
    }
}

fn day_value_of(d: CivilDate) -> DateValue {
    DateValue { year: Some(d.year), month: Some(d.month), day: Some(d.day), weekday: None, unresolved: None }
}

fn year_value(year: i32) -> DateValue {
    DateValue { year: Some(year), month: None, day: None, weekday: None, unresolved: None }
}

fn month_value(year: i32, month: u32) -> DateValue {
    DateValue { year: Some(year), month: Some(month), day: None, weekday: None, unresolved: None }
}

/// The stretch of days `[start, end)` a resolved date covers: its day, month or year.
pub fn date_stretch(v: &DateValue) -> Option<(CivilDate, CivilDate)> {
    if v.unresolved.is_some() {
        return None;
    }
    let y = v.year?;
    Some(match (v.month, v.day) {
        (Some(m), Some(d)) => {
            let s = CivilDate { year: y, month: m, day: d };
            (s, add_days(s, 1))
        }
        (Some(m), None) => {
            let s = CivilDate { year: y, month: m, day: 1 };
            (s, add_days(s, i64::from(super::calendar::days_in_month(y, m))))
        }
        (None, _) => (CivilDate { year: y, month: 1, day: 1 }, CivilDate { year: y + 1, month: 1, day: 1 }),
    })
}

/// The stretch a part ("early", "the end of") can be taken of: a month, a year or a stretch of
/// days named as one (a week), never a single day.
fn part_stretch(r: &DateReading) -> Option<(CivilDate, CivilDate)> {
    match r {
        DateReading::Date(v) if v.day.is_none() => date_stretch(v),
        DateReading::Period { start, end } => Some((*start, *end)),
        _ => None,
    }
}

/// The stretch a range end covers: as [`reading_stretch`], and the start, the middle or the end
/// of a stretch as a point ("from 2007 to the end of 2008" ends as 2008 does).
fn end_stretch(r: &DateReading) -> Option<(CivilDate, CivilDate)> {
    let DateReading::Part { of: (start, end), part } = r else { return reading_stretch(r) };
    let point = match part {
        Part::Start => *start,
        Part::End => *end,
        Part::Middle => add_days(*start, (days_from_civil(*end) - days_from_civil(*start)) / 2),
        Part::Early | Part::Late => return None,
    };
    Some((point, point))
}

/// The days an early, middle or late part of a stretch spans, where a range opens on one ("since
/// late July", "after mid-May", "before early September"): early and late are its halves, the
/// middle its middle third, in whole months where the stretch is made of months. Recognizers
/// bounds them so: late July from the 16th, after mid-May from the 21st, late 2018 from July.
/// The start and the end of a stretch are points, not spans: None.
fn part_span((start, end): (CivilDate, CivilDate), part: Part) -> Option<(CivilDate, CivilDate)> {
    let whole_months = start.day == 1 && end.day == 1 && month_index(end) - month_index(start) >= 2;
    let at = |numerator: i64, denominator: i64| {
        if whole_months {
            month_start(month_index(start) + (month_index(end) - month_index(start)) * numerator / denominator)
        } else {
            add_days(start, (days_from_civil(end) - days_from_civil(start)) * numerator / denominator)
        }
    };
    Some(match part {
        Part::Early => (start, at(1, 2)),
        Part::Late => (at(1, 2), end),
        Part::Middle => (at(1, 3), at(2, 3)),
        Part::Start | Part::End => return None,
    })
}

fn reading_stretch(r: &DateReading) -> Option<(CivilDate, CivilDate)> {
    match r {
        DateReading::Date(v) => date_stretch(v),
        DateReading::Period { start, end } => Some((*start, *end)),
        _ => None,
    }
}

/// A year in words after a month or a day: "two thousand and eighteen", "nineteen seventy
/// eight", "nineteen oh one", "twenty twenty". Never one word alone ("two", "twenty"), which is a
/// day or a count.
fn year_words_pattern() -> String {
    year_words_with(true)
}

/// [`year_words_pattern`] with or without "two thousand" alone, which after a holiday's name is
/// more often a count ("Easter two thousand pilgrims") than the year 2000.
fn year_words_with(bare_thousand: bool) -> String {
    let units = UNITS[1..10].join("|");
    let teens = UNITS[10..].join("|");
    let tens = TENS.join("|");
    let below_100 = format!(r"(?:(?:{tens})(?:[\s-]+(?:{units}))?|{teens}|{units})\b");
    let bare = if bare_thousand { r"|\b" } else { "" };
    let centuries = UNITS[11..].join("|");
    format!(
        r"(?:two\s+thousand(?:\s+(?:and\s+)?{below_100}{bare})|(?:{centuries})\s+hundred\s+(?:and\s+)?{below_100}|(?:eighteen|nineteen|twenty)\s+(?:(?:{tens})(?:[\s-]+(?:{units}))?\b|(?:{teens})\b|(?:zero|oh|o)\s+(?:{units})\b))"
    )
}

/// The year a [`year_words_pattern`] match names.
fn year_in_words(text: &str) -> Option<i32> {
    let t = text.to_lowercase().replace('-', " ");
    let words: Vec<&str> = t.split_whitespace().filter(|w| *w != "and").collect();
    let number = |ws: &[&str]| parse_number(&ws.join(" ")).map(|n| n as i32);
    match words.as_slice() {
        ["two", "thousand"] => Some(2000),
        ["two", "thousand", rest @ ..] => Some(2000 + number(rest)?),
        [century, "hundred", rest @ ..] => Some(100 * number(&[century])? + number(rest)?),
        [century, "zero" | "oh" | "o", rest @ ..] => Some(100 * number(&[century])? + number(rest)?),
        [century, rest @ ..] => Some(100 * number(&[century])? + number(rest)?),
        [] => None,
    }
}

/// How many years after the reference year a two-digit year may still name, as Java's
/// `SimpleDateFormat` counts (80 years back, 20 ahead): written in 2016, "12/31/30" is a deadline
/// in 2030 and "03/18/40" a day in 1940 (a birth date, an anniversary).
const TWO_DIGIT_YEARS_AHEAD: i32 = 20;

/// A year in digits or words. A two-digit year is 20yy unless that lies more than
/// [`TWO_DIGIT_YEARS_AHEAD`] years after `reference`'s year, then 19yy: news names past years far
/// more often than distant ones (Recognizers fixes the pivot, 00-30 to 20yy and 40-99 to 19yy,
/// Duckling reads "10/31/74" as 1974). Without a reference, 00-49 are 20yy, 50-99 19yy.
fn full_year(text: &str, reference: Option<CivilDate>) -> Option<i32> {
    if text.starts_with(|c: char| c.is_alphabetic()) {
        return year_in_words(text);
    }
    let t = text.trim_start_matches('\'');
    let y: i32 = t.parse().ok()?;
    if t.len() != 2 {
        return Some(y);
    }
    let last = reference.map_or(2049, |p| p.year + TWO_DIGIT_YEARS_AHEAD);
    Some(if 2000 + y <= last { 2000 + y } else { 1900 + y })
}

/// How far ahead of its publication a news text may name a day by its weekday and date alone.
const NEWS_DAYS_AHEAD: i64 = 183;

/// How far after its verb a future clause reaches, in bytes: "will be sentenced at the High Court
/// in Abeokuta on Monday".
const FUTURE_REACH: usize = 80;

/// Month `m` day `d` said with weekday `w` but no year ("Sunday, Feb 10"): of its two
/// occurrences nearest to `p` (the last and the next), the one whose weekday agrees; looking
/// ahead ([`Prefer::Future`]), also the one a year after the next. If none agrees, the one
/// `prefer` points to, the weekday a slip of the writer's.
///
/// A date an assistant is asked about may lie over a year ahead: "Fri, Jul 18" said in February
/// 2013 is July 18, 2014 (2013's is a Thursday, 2012's a Wednesday). News does not name a day
/// over a year back without its year, nor one most of a year ahead, so there a weekday that
/// agrees with neither nearest occurrence is a slip: "Tuesday March 7" written on March 14, 2018
/// is the Wednesday a week before, not March 7, 2017.
fn day_on_weekday(p: CivilDate, m: u32, d: u32, w: u32, prefer: Prefer) -> Option<CivilDate> {
    let on = |year: i32| Some(CivilDate { year, month: m, day: d }).filter(|date| is_valid(*date));
    let mut near: Vec<CivilDate> = (p.year - 1..=p.year + 1).filter_map(on).collect();
    near.sort_by_key(|date| (days_from_civil(*date) - days_from_civil(p)).abs());
    near.truncate(2);
    // News may announce a day a few months ahead ("the trial opens on Monday, May 6"), not one
    // nearly a year ahead: "Sunday, April 13" written on April 16, 2024 (a Saturday) is a slip,
    // not April 13, 2025.
    if prefer == Prefer::Past {
        near.retain(|date| days_from_civil(*date) - days_from_civil(p) <= NEWS_DAYS_AHEAD);
    }
    if prefer == Prefer::Future
        && let Some(after_next) = near.iter().max().and_then(|next| on(next.year + 1))
    {
        near.push(after_next);
    }
    match near.iter().find(|date| weekday(**date) == w) {
        Some(date) => Some(*date),
        None => month_day_year(p, m, d, prefer).map(|year| CivilDate { year, month: m, day: d }),
    }
}

/// Month `m` day `d` without a year, placed in the year `prefer` points to from `p`.
fn month_day_year(p: CivilDate, m: u32, d: u32, prefer: Prefer) -> Option<i32> {
    match prefer {
        Prefer::Past => year_for_month_day(p, m, d),
        Prefer::Future => {
            let this = CivilDate { year: p.year, month: m, day: d };
            if is_valid(this) {
                Some(if days_from_civil(this) < days_from_civil(p) { p.year + 1 } else { p.year })
            } else {
                // February 29: the next leap year.
                (p.year + 1..p.year + 9).find(|y| is_valid(CivilDate { year: *y, month: m, day: d }))
            }
        }
    }
}

impl DateGrammar {
    /// The scanner's own forms, beyond `pattern`: numeric dates ("4/22", "22/04/2016",
    /// "2016-4-22"), days in words ("May twenty-first", "the 21st of May"), "today", "tomorrow",
    /// "the day before yesterday", weeks ("next week", "this weekend"), a month alone ("in March"),
    /// a day of the month alone ("on the 21st") and ranges of days within a month ("March 3-5").
    /// They are too loose for the rules' `{date}` placeholder ("24/7", a score "3/2", "the 21st"
    /// of anything), so only [`DateGrammar::scan_with`] uses them.
    fn scan_regexes(&self) -> &Forms {
        // One after another: a rayon worker compiling inside this lock could take another
        // article's job meanwhile and wait on the lock it holds (see `prepare`).
        self.extra.get_or_init(|| Forms::new(&self.form_patterns()).expect("date scanner forms"))
    }

    /// Compiles now, on every core, what [`DateGrammar::scan`] compiles on first use (the ASCII
    /// twins; a Unicode original still waits for a text that needs it). Nothing is held while the
    /// forms compile, so a scan meanwhile, on any thread, compiles its own and never waits for
    /// these.
    pub fn prepare(&self) {
        rayon::join(
            || {
                if self.extra.get().is_none() {
                    let forms = Forms::new_in_parallel(&self.form_patterns()).expect("date scanner forms");
                    let _ = self.extra.set(forms);
                }
            },
            || {
                self.finder();
                self.duration_regexes();
            },
        );
    }

    /// The scanner's own forms, as [`Forms`] patterns.
    fn form_patterns(&self) -> Vec<String> {
        let (months, short_forms) = (MONTHS.join("|"), MONTH_ABBREVIATIONS.join("|"));
        let names = &format!("(?:{months}|{short_forms})");
        // A full stop ends an abbreviation ("Sept."), never a full name: "in March." ends
        // a sentence.
        let mon = &format!(r"(?:(?:{months})\b|(?:{short_forms})(?:\.|\b))");
        // "may" and "march" in lower case are verbs unless a preposition comes first; the
        // phrase is the month alone (group `ml`).
        let lone_mon = r"(?P<ml>(?-i:May|March)\b|(?:january|february|april|june|july|august|september|october|november|december)\b)|\b(?:in|of|since|until|from|between|during|by)\s+(?P<ml2>may|march)\b";
        let weekday_names = WEEKDAYS.join("|");
        let wd = format!(r"(?:(?:{weekday_names})\b|(?:{WEEKDAY_ABBREVIATIONS})\b\.?)");
        let day = day_words_pattern();
        let year = r"(?:1\d{3}|20\d\d)\b";
        let n = r"\d{1,2}";
        let num = number_pattern();
        let nth = r"(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)";
        let rel = r"(?:this|current|next|last|previous|past|coming|upcoming|(?:the\s+)?following)";
        let spans = "days|weeks|months|quarters|years|decades";
        let month_ordinals = DAY_ORDINALS[..12].join("|");
        let year_words = year_words_pattern();
        let holiday_year_words = year_words_with(false);
        let holiday_directions = HOLIDAY_DIRECTIONS.join("|");
        let holidays = holiday_names_pattern(self.holidays.iter().map(|(name, _)| name.as_str()));
        let forms = [
            format!(r"\b(?:(?P<hdir>{holiday_directions})\s+)?(?P<hol>{holidays})\b(?:\s*,?\s*(?:of\s+|in\s+)?(?P<hy>{year}|{holiday_year_words})|\s+(?:of|in)\s+(?P<hyrel>this|next|last|previous)\s+year\b)?"),
            // "EOM", "the BOY": the end of the month, the beginning of the year, in capitals
            // only ("boy"); not "BOM", the Bureau of Meteorology ("a forecaster at the BOM").
            r"\b(?:the\s+)?(?:(?P<bpart>beginning|start|middle|end)\s+of\s+(?:the\s+)?(?P<bunit>week|month|year)\b|(?P<ab>(?-i:EOM|EOY|BOY))\b)".to_string(),
            format!(r"\b(?P<ya>{year})\s?[-/.]\s?(?P<ma>{n}|{mon})\s?[-/.]\s?(?P<da>{n})\b"),
            format!(r"\b(?P<yb>{year})[-/](?P<mb>{n})\b"),
            // "2016 10 16" (see `scan_with`: only where the date ends), and a month by name in
            // any place: "September-2020-23", "2020/23/Sep", "23-2020-September".
            format!(r"(?P<odd>\b(?P<ys>{year})\s(?P<ms>0[1-9]|1[0-2])\s(?P<ds>0[1-9]|[12]\d|3[01])\b|\b(?P<mh>{names})\.?-(?P<yh>{year})-(?P<dh>{n})\b|\b(?P<yh2>{year})/(?P<dh2>{n})/(?P<mh2>{names})\b|\b(?P<dh3>{n})-(?P<yh3>{year})-(?P<mh3>{names})\b)"),
            format!(r"\b(?P<mc>{n})\s*/\s*(?P<yc>{year})"),
            format!(r"\b(?P<sr1>{n}/{n}(?:/(?:\d{{4}}|\d{{2}}))?)\s*[-–]\s*(?P<sr2>{n}/{n}(?:/(?:\d{{4}}|\d{{2}}))?)\b(?:,\s*(?P<sry>{year}))?|\b(?P<sd1>{n}-{n}-\d{{4}})\s*[-–]\s*(?P<sd2>{n}-{n}-\d{{4}})\b"),
            format!(r"\b(?P<dx>{n})\s?[-/.]\s?(?P<mx>{names})\.?\s?[-/.]\s?(?P<yx>\d{{4}}|\d{{2}})\b|\b(?P<mx2>{names})\.?[-/.](?P<dx2>{n})[-/.](?P<yx2>\d{{4}})\b"),
            format!(r"\b(?P<na>{n})\s?[-/.]\s?(?P<nb>{n})\b(?:\s?[-/.]\s?(?P<nc>\d{{4}}|\d{{2}})\b|,\s?(?P<nc2>\d{{4}})\b|,(?P<nc3>\d\d)\b)?"),
            format!(r"\b(?:(?P<wa>{wd}),?\s*)?(?P<mr>{mon})\s*(?P<dr1>{n})(?:st|nd|rd|th)?\s*(?:-|–|to|through|thru|till|until)\s*(?P<dr2>{n})(?:st|nd|rd|th)?\b(?:,?\s*(?P<yr>{year}))?"),
            format!(r"\b(?P<dr3>{n})(?:st|nd|rd|th)?\s*(?:-|–|to|through|thru|till|until)\s*(?P<dr4>{n})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mr2>{mon})(?:,?\s*(?P<yr2>{year}))?"),
            format!(r"\b(?P<ymy>{year})(?:\s*[,/-]?\s*(?P<ymm>{names}\b\.?)|\s*[/-]\s*(?P<ymn>0?[1-9]\b|1[0-2]\b))|\b(?P<mym>{names})\.?(?:\s*,?\s*|\s*[-/]\s*)(?P<myy>{year}|{year_words})|\b(?P<mym2>0?[1-9]|1[0-2])\s*-\s*(?P<myy2>{year})"),
            r"\bthe\s+(?P<after>week|month|year)\s+after\s+next\b".to_string(),
            // "the 1990s", "the 90's", "1990 s" (as text pulled from a PDF spaces it); "this
            // decade", "the next decade" (whole decades, as "the next 3 decades").
            r"(?P<decades>\b(?:the\s+)?(?P<decade>(?:1[89]|20)?\d0(?:'?s|\s(?-i:s)))\b|\b(?P<decdir>this|current|next|coming|upcoming)\s+decade\b)".to_string(),
            // "the nineteen seventies", "the twenty-tens"; "the nineties", "in nineties" (see
            // `scan_with` for "temperatures in the nineties"; "in her nineties" has no "the").
            r"\b(?:in\s+)?(?P<ml2>(?:the\s+)?(?:(?P<dwc>nineteen|twenty)[\s-]+)?(?P<dw>noughties|tens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b".to_string(),
            format!(r"\b(?:the\s+)?(?P<cent>(?:[1-9]|1\d|2[01])(?:st|nd|rd|th)|{day})[\s-]+century\b"),
            format!(r"\b(?:the\s+)?(?P<iwn>first|second|third|fourth|fifth|last|\d{{1,2}}(?:st|nd|rd|th))(?:\s+(?P<iwlast>last))?\s+week\s+of\s+(?:(?P<iwy>{year})|(?:the\s+)?(?:(?P<iwrel>this|next|last|previous|current)\s+)?year\b)|\bweek\s+(?P<iwn2>\d{{1,2}})\s*(?:of\s+|,\s*)?(?:(?P<iwy2>{year})|(?:the\s+)?(?P<iwrel2>this|next|last|previous|current)\s+year\b)"),
            // "Friday 5/12", "this Friday 5/12": the date it states, whichever Friday the word
            // before it points to.
            format!(r"\b(?:(?:this|next|last|coming)\s+)?(?P<wsl>{wd}),?\s+(?P<wslm>{n})/(?P<wsld>{n})\b(?:/(?P<wsly>\d{{4}}|\d{{2}})\b)?"),
            format!(r"\b(?P<lmdir>last|this|next)\s+(?P<lmm>{mon})"),
            format!(r"\b(?P<ndir>last|next|past|previous|coming|upcoming)\s+(?P<nn>{num}|few|couple(?:\s+of)?)\s+(?P<nu>{spans})\b|\b(?P<nn2>{num})\s+(?P<ndir2>next|past|previous|coming|upcoming)\s+(?P<nu2>{spans})\b"),
            format!(r"\b(?:the\s+)?(?P<mofn>{month_ordinals}|1[0-2]th|[1-9](?:st|nd|rd|th))\s+month\s+of\s+(?:(?P<mofy>{year})|(?:the\s+)?(?:(?P<mofrel>this|next|last|previous|current)\s+)?year\b)|\b(?P<ytd>the\s+year\s+to\s+date|year-to-date)\b"),
            format!(r"\b(?:the\s+)?(?P<fnd>first|last)\s+(?P<fnn>{num})\s+(?P<fnu>days|weeks|months|quarters)\s+of\s+(?:(?P<fny>{year})|(?:the\s+)?(?:(?P<fnrel>this|next|last|previous|current)\s+)?year\b)"),
            format!(r"\b(?:(?P<wb>{wd}),?\s*)?(?:the\s+)?(?P<dd>{day})\.?\s*(?:day\s+)?(?:of\s+)?(?P<md>{mon})(?:\s*,?\s*(?P<yd>{year}|'\d\d\b|{year_words})|,\s*(?P<wf>{wd}))?"),
            // "October, 1st": after a comma only a day in digits with its suffix, where the
            // date ends (see `scan_with`): "In October, 12 people", "in May, first responders".
            format!(r"\b(?:(?P<wc>{wd})(?:,?\s*|-))?(?P<me>{mon})(?:\s*[./-]\s*|\s+the\s+|(?P<mdc>,)\s*|\s*)(?P<de>{day})(?:\s*,?\s*(?P<ye>{year}|{year_words})|,\s*(?P<wf>{wd}))?"),
            // "Friday (March 22)": a weekday with its date in brackets, as news agencies write it.
            format!(r"\b(?P<wc>{wd})\s*\(\s*(?P<me>{mon})\s*[./-]?\s*(?P<de>{day})(?:\s*,?\s*(?P<ye>{year}))?\s*\)"),
            format!(r"\b(?P<mg>{names})(?P<dg>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*,?\s*(?P<yg>{year}))?"),
            format!(r"\b(?:from\s+)?(?P<mm1>{ab})\.?\s*(?:-|–|to|through|thru|till|until)\s*(?P<mm2>{ab})\b\.?(?:\s*,?\s*(?P<mmy>{year}))?", ab = r"(?:(?-i:Mar)|(?i:jan|feb|apr|jun|jul|aug|sept|sep|oct|nov|dec))"),
            r"\b(?P<rel>today|tomorrows?|tmrw|yesterday|the\s+day\s+(?:before\s+yesterday|after\s+(?:tomorrow|tmrw))|(?:the\s+)?next\s+day)\b".to_string(),
            format!(r"\b(?P<pdir>{rel})\s+(?:calendar\s+)?(?P<punit>week(?:end)?|fortnight|month|year|yr)\b"),
            format!(r"\b(?P<wdir>last|this(?:\s+(?:coming|upcoming))?|next|coming|upcoming)\s+(?P<wr>{wd})"),
            format!(r"\b(?P<ww>{wd})\s+(?:of\s+|from\s+|on\s+)?(?:the\s+)?(?P<wwdir>{rel})\s+week\b|\b(?P<wwdir2>{rel})\s+week(?:'s)?\s+(?:on\s+)?(?P<ww2>{wd})"),
            format!(r"\b(?P<wl>{wd})"),
            lone_mon.to_string(),
            format!(r"\b(?:on\s+)?the\s+(?P<dn>{day})|\bon\s+(?P<dm>[12]\d|3[01]|0?[1-9])(?:(?:st|nd|rd|th)\b|\s*(?:[.!?;,](?:\s|$)|$))"),
            format!(r"\b(?P<wt>{wd}),?\s+(?:the\s+)?(?P<wtd>{day})"),
            format!(r"\b(?:the\s+)?(?P<dofm>{day})\s+(?:day\s+)?of\s+(?:the\s+)?(?P<dofdir>{rel})\s+month\b"),
            format!(r"\b(?P<agon>{num}|an?|few|a\s+few)\s+(?P<agou>days?|weeks?|fortnights?|months?|years?)\s+(?P<agod>ago|back|hence|from\s+(?:now|today)|later)\b|\bin\s+(?P<inn>{num}|an?)\s+(?P<inu>days?|weeks?|fortnights?|months?|years?)\b"),
            format!(r"\b(?:the\s+)?(?P<qn>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|qtr)(?:\s+(?:of\s+)?(?P<qy>{year}))?|\b(?P<qdir>{rel})\s+(?:quarter|qtr)\b|\b(?P<qy2>1\d{{3}}|20\d\d|\d\d)[-\s]?q(?P<qn2>[1-4])\b|\bq(?P<qn3>[1-4])\s*(?:-\s*|of\s+)?(?P<qy3>{year})|\b(?:in|during|for|by|through|until)\s+(?:the\s+)?q(?P<qn4>[1-4])\b(?:\s*-?\s*(?P<qy4>{year}))?"),
            format!(r"\b(?P<hy>1\d{{3}}|20\d\d)\s?-?\s?h(?P<hn>[12])\b|\bh(?P<hn2>[12])\s*-?\s*(?P<hy2>{year})|\b(?:the\s+)?(?P<hn3>first|second|1st|2nd)\s+half\s+of\s+(?:(?P<hy3>{year})|(?:the\s+)?(?:(?P<hrel>this|next|last|previous|current)\s+)?year\b)"),
            format!(r"\b(?:the\s+)?(?P<nth>{nth})(?:\s+(?P<nlast>last))?\s+(?P<nwd>{wd}|week|day)\s+(?:of|in)\s+(?:(?P<nmon>{mon})(?:\s*,?\s*(?P<ny>{year}))?|(?:the\s+)?(?P<nrel>this|next|last|previous|current)?\s*month\b)|\b(?P<nth2>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+(?P<nwd2>{weekday_names})\b"),
            format!(r"\b(?P<wcn>{num}|an?)\s+(?P<wcw>{weekday_names})s?\s+(?P<wcd>from\s+now|hence|later|ago|back)\b"),
            format!(r"\b(?P<wan>{weekday_names}|{names})\s+after\s+next\b"),
            format!(r"\b(?P<cago>(?:(?:{num}|an?)\s+(?:years?|months?|weeks?|days?)(?:\s*,\s*|\s+and\s+|\s+)){{1,3}}(?:{num}|an?)\s+(?:years?|months?|weeks?|days?))\s+(?P<cagod>ago|later|from\s+now|hence)\b"),
            format!(r"\b(?P<offn>{num}|an?)\s+(?P<offu>days?|weeks?)\s+(?P<offd>from|after|before)\s+(?P<offr>today|tomorrow|tmrw|yesterday|now)\b"),
            // "2014 BC", "in 14 a.d.", "AD 70": a year of the era (see `scan_with` for "BC Hydro").
            r"\b(?P<eray>\d{1,4})\s*(?P<era>(?-i:BCE|BC|CE|AD)\b|b\.\s?c\.(?:\s?e\.)?|a\.\s?d\.|c\.\s?e\.)|\b(?:(?-i:AD)|a\.\s?d\.)\s*(?P<eray2>\d{1,4})\b".to_string(),
            // "this summer", "last winter", "the summer of 2019"; "fall" only before no "in" or
            // "of" ("the next fall in prices"), and winter with no year (which winter "winter
            // 2013" is, is unclear).
            format!(r"\b(?P<sdir>this|current|last|past|previous|next|coming)\s+(?P<season>spring|summer|autumn|fall|winter)\b(?:\s+(?P<sverb>in|of)\b)?|\b(?:the\s+)?(?P<season2>spring|summer|autumn|fall)\s+(?:of\s+)?(?P<sy>{year})"),
            // "the closest Monday to Oct 5th", "the second closest xmas to today".
            format!(r"\bthe\s+(?:(?P<cln>second|third|fourth|2nd|3rd|4th)\s+)?closest\s+(?P<clw>{wd}|{holidays})\s+to\s+(?P<cla>today|{mon}\s*{day}|(?:the\s+)?{day}\s+(?:of\s+)?{mon})"),
            // "14april 2015": a day and a month written as one word.
            format!(r"\b(?P<dd>\d{{1,2}})(?P<md>{names})\b(?:\s*,?\s*(?P<yd>{year}))?"),
            // A year in words alone ("in nineteen ninety six", "since two thousand and
            // fifteen") only after a preposition of time and before the clause ends: "of two
            // thousand and fifty" and "two thousand and fifteen people" are counts.
            format!(r"\b(?:in|since|until|till|during|before|after)\s+(?P<ml2>(?P<yw>{year_words}))(?:\s*(?:[.,;:!?)]|$)|\s+{CLAUSE_GOES_ON})"),
            // "April of 87", "15 April of '87": a two-digit year only where nothing follows
            // it ("the March of 20 miles", "May of 10 years").
            format!(r"\b(?P<ml2>(?:(?P<dk>{day})\s+)?(?P<mk>(?-i:May|March)|january|february|april|june|july|august|september|october|november|december)\s+of\s+['’]?(?P<yk>\d\d))\b(?:\s*(?:[.,;:!?)]|$)|\s+{CLAUSE_GOES_ON})"),
            // "the twenty-sixth day of the month": this month's ("the thirty-first" is no
            // "first day of the month").
            format!(r"\b(?:the\s+)?(?P<dotm>{day})\s+day\s+of\s+the\s+month\b"),
            // "20161016", "report-20170302.html": a compact date, as file names and
            // identifiers write one.
            r"\b(?P<cy>(?:19|20)\d\d)(?P<cm>0[1-9]|1[0-2])(?P<cd>0[1-9]|[12]\d|3[01])\b".to_string(),
            // "this working week", "next workweek": Monday to Friday.
            format!(r"\b(?P<wkdir>{rel})\s+work(?:ing)?[\s-]?week\b"),
        ];
        forms.iter().map(|f| format!("(?i){f}")).collect()
    }

    /// "the closest Monday to Oct 5th", "the second closest xmas to today": of the days that are
    /// `what` (a weekday or a holiday), the `nth` nearest to the day `anchor` names.
    fn closest(&self, what: &str, anchor: &str, nth: u32, p: CivilDate, prefer: Prefer) -> Option<DateReading> {
        let Some(DateReading::Date(DateValue { year: Some(y), month: Some(m), day: Some(d), .. })) =
            self.reread(anchor, p, prefer)
        else {
            return None;
        };
        let anchor = days_from_civil(CivilDate { year: y, month: m, day: d });
        let mut days: Vec<i64> = match (scan_weekday(what), self.holiday(what)) {
            (Some(w), _) => (anchor - 28..=anchor + 28).filter(|n| weekday(civil_from_days(*n)) == w).collect(),
            (None, Some(rule)) => {
                (y - 4..=y + 4).flat_map(|year| rule.in_year(year)).map(|(start, _)| days_from_civil(start)).collect()
            }
            (None, None) => return None,
        };
        days.sort_by_key(|n| ((n - anchor).abs(), *n));
        days.get(nth as usize - 1).map(|n| DateReading::Date(day_value_of(civil_from_days(*n))))
    }

    /// Reads "early", "mid", "late", "the beginning of", "the end of" before a month, a year or a
    /// week as a [`DateReading::Part`] of it: "early March", "mid-2016", "the end of next week".
    /// A found phrase that starts with "early" or "late" itself ("late last year", which the
    /// rules read as the year) is read again without that word, and so is "earlier this week" or
    /// "later this week" (a part of the week, no day), but not "later this year" (the year).
    fn apply_parts(
        &self,
        text: &str,
        found: Vec<(Range<usize>, DateReading)>,
        reference: Option<CivilDate>,
        prefer_at: impl Fn(&Range<usize>) -> Prefer,
    ) -> Vec<(Range<usize>, DateReading)> {
        static PART: OnceLock<(Regex, Regex)> = OnceLock::new();
        let (before, inside) = PART.get_or_init(|| {
            (
                Regex::new(r"(?i)\b(?:the\s+)?(?:(?P<a>early|mid|late)(?:\s*-\s*|\s+)|(?P<b>beginning|start|middle|end)\s+of\s+(?:the\s+)?(?:around\s+)?)$")
                    .expect("part before a date"),
                Regex::new(r"(?i)^(?P<a>early|late|(?P<er>earlier|later))\s+").expect("part opening a date"),
            )
        });
        found
            .into_iter()
            .map(|(range, reading)| {
                if let Some(c) = before.captures_if_any(&text[..range.start])
                    && let Some(of) = part_stretch(&reading)
                    && let Some(part) = c.name("a").or(c.name("b")).and_then(|m| Part::from_word(m.as_str()))
                {
                    return (c.get(0).map_or(range.start, |m| m.start())..range.end, DateReading::Part { of, part });
                }
                let inner = &text[range.clone()];
                if let Some(c) = inside.captures_if_any(inner)
                    && let [(r, rest)] = self.scan_with(&inner[c[0].len()..], reference, prefer_at(&range)).as_slice()
                    && r.end == inner.len() - c[0].len()
                    // "later this week" is no day, but "later this year" stays the year the rules read.
                    && (c.name("er").is_none() || matches!(rest, DateReading::Period { .. }))
                    && let (Some(of), Some(part)) = (part_stretch(rest), Part::from_word(&c["a"]))
                {
                    return (range, DateReading::Part { of, part });
                }
                (range, reading)
            })
            .collect()
    }

    /// Whether a phrase is a holiday's name alone, perhaps after "this", "next" or "last"
    /// ("Halloween", "last Christmas"): no year, no day.
    pub fn is_holiday_name(&self, phrase: &str) -> bool {
        self.holiday_named(phrase).is_some()
    }

    /// The rule of the holiday a phrase names alone, perhaps after "this", "next" or "last".
    fn holiday_named(&self, phrase: &str) -> Option<HolidayRule> {
        let name = match phrase.split_once(char::is_whitespace) {
            Some((first, rest)) if HOLIDAY_DIRECTIONS.iter().any(|d| first.eq_ignore_ascii_case(d)) => rest,
            _ => phrase,
        };
        self.holiday(name)
    }

    /// "Labor Day weekend", "the weekend of Halloween", "Thanksgiving 2023 weekend": the holiday
    /// with the weekend it falls on or next to, as long weekends are counted: Saturday to a
    /// Monday or Tuesday holiday, a Thursday or Friday holiday to Sunday, a Saturday or Sunday
    /// holiday's own weekend. Read alone as the holiday's day, a weekend event would conflict with
    /// a report of its Saturday. A Wednesday holiday has no weekend of its own, and Easter's is
    /// Friday to Monday in some countries and Saturday to Sunday in others: they stay the day.
    fn holiday_weekends(
        &self,
        text: &str,
        found: Vec<(Range<usize>, DateReading)>,
    ) -> Vec<(Range<usize>, DateReading)> {
        static RE: OnceLock<(Regex, Regex, Regex)> = OnceLock::new();
        let (before, after, stated) = RE.get_or_init(|| {
            (
                Regex::new(r"(?i)\b(?:the\s+)?week[\s-]?end\s+of\s+$").expect("a weekend before a holiday"),
                Regex::new(r"(?i)^\s*week[\s-]?end\b(?:\s*,?\s*(?P<y>1\d{3}|20\d\d)\b)?")
                    .expect("a weekend after a holiday"),
                Regex::new(r"(?i)^(?P<name>.*?)\s*,?\s*(?:(?:of|in)\s+)?(?:1\d{3}|20\d\d)$")
                    .expect("a holiday and its year"),
            )
        });
        let mut out: Vec<(Range<usize>, DateReading)> = Vec::with_capacity(found.len());
        for (range, reading) in found {
            if out.last().is_some_and(|(r, _)| r.end > range.start) {
                // The year after "weekend", taken into the weekend before it.
                continue;
            }
            let day = match &reading {
                DateReading::Date(v) if v.day.is_some() => date_stretch(v).map(|s| s.0),
                _ => None,
            };
            // Most dates are no day, and most days have no weekend beside them: no holiday to look
            // up.
            let prev_end = out.last().map_or(0, |(r, _)| r.end);
            let b = day.and_then(|_| before.find(&text[prev_end..range.start])).map(|m| prev_end + m.start());
            let a = day.and_then(|_| after.captures_if_any(&text[range.end..]));
            if day.is_none() || (b.is_none() && a.is_none()) {
                out.push((range, reading));
                continue;
            }
            let phrase = &text[range.clone()];
            let year = stated.captures(phrase);
            let name = year.as_ref().and_then(|c| c.name("name")).map_or(phrase, |m| m.as_str());
            // "the Fourth of July" is a date of the rules' own.
            let name = name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name);
            let rule = day.and(self.holiday_named(name));
            let (Some(day), Some(rule)) =
                (day, rule.filter(|r| !matches!(r.base, HolidayBase::Easter | HolidayBase::OrthodoxEaster)))
            else {
                out.push((range, reading));
                continue;
            };
            // "Halloween weekend 2021": the holiday of the year after the weekend.
            let day = match a.as_ref().and_then(|c| c.name("y")) {
                Some(y) if year.is_none() => {
                    match y.as_str().parse().ok().and_then(|y| rule.in_year(y).into_iter().next()) {
                        Some((start, _)) => start,
                        None => day,
                    }
                }
                _ => day,
            };
            let w = i64::from(weekday(day));
            let weekend = match w {
                0 | 1 => Some((add_days(day, -w - 2), add_days(day, 1))),
                3 | 4 => Some((day, add_days(day, 7 - w))),
                5 => Some((day, add_days(day, 2))),
                6 => Some((add_days(day, -1), add_days(day, 1))),
                _ => None,
            };
            let span = match (b, &a) {
                (Some(at), _) => Some(at..range.end),
                (None, Some(c)) => Some(range.start..range.end + c.get(0).map_or(0, |m| m.end())),
                (None, None) => None,
            };
            match (weekend, span) {
                (Some((start, end)), Some(span)) => out.push((span, DateReading::Period { start, end })),
                _ => out.push((range, reading)),
            }
        }
        out
    }

    /// Whether a phrase names a holiday of the Hebrew calendar ("Yom Kippur 2018"), whose days
    /// begin at the sundown before the days the scanner reads.
    pub fn names_hebrew_holiday(&self, phrase: &str) -> bool {
        let phrase = holiday_key(phrase);
        let hebrew = |rule: &HolidayRule| matches!(rule.base, HolidayBase::Hebrew { .. });
        self.holidays.iter().any(|(name, rule)| hebrew(rule) && phrase.contains(&holiday_key(name)))
    }

    /// The rule for the holiday `name` (any of its names in the lexicon).
    fn holiday(&self, name: &str) -> Option<HolidayRule> {
        self.holidays_by_key.get(&holiday_key(name)).copied()
    }

    /// Reads one match of the scanner's own forms.
    fn read_scanned(&self, c: &FormMatch, p: Option<CivilDate>, prefer: Prefer) -> Option<DateReading> {
        let s = |name: &str| c.name(name).map(|m| m.as_str());
        let ymd = |y: i32, m: u32, d: u32| {
            let date = CivilDate { year: y, month: m, day: d };
            is_valid(date).then(|| DateReading::Date(day_value_of(date)))
        };
        let month_of = |t: &str| t.parse::<u32>().ok().or_else(|| month_number(t));
        let place = |m: u32, d: u32, y: Option<&str>| -> Option<DateReading> {
            let y =
                match (y, p) {
                    (Some(y), _) => full_year(y, p)?,
                    (None, Some(p)) => month_day_year(p, m, d, prefer)?,
                    // Without a reference date the year stays unknown.
                    (None, None) => {
                        return (d <= super::calendar::days_in_month(2024, m)).then_some(DateReading::Date(
                            DateValue { year: None, month: Some(m), day: Some(d), weekday: None, unresolved: None },
                        ));
                    }
                };
            ymd(y, m, d)
        };
        if let Some(y) = s("ymy").or(s("myy")).or(s("myy2")) {
            let m = s("ymm").or(s("ymn")).or(s("mym")).or(s("mym2"))?;
            let m = month_of(m.trim_end_matches('.')).filter(|m| (1..=12).contains(m))?;
            return Some(DateReading::Date(month_value(full_year(y, p)?, m)));
        }
        if let Some(y) = s("eray").or(s("eray2")) {
            // Years before the era count back from it: 2014 BC is year -2014 (Duckling writes it
            // so; there is no year 0 to skip, as a year here is a label, not a day count).
            let y: i32 = y.parse().ok().filter(|y| *y > 0)?;
            let bc = s("era").is_some_and(|e| e.starts_with(['b', 'B']));
            return Some(DateReading::Date(year_value(if bc { -y } else { y })));
        }
        if let Some(y) = s("yw") {
            // "two thousand" alone is a count ("in two thousand cases" aside, "in two thousand"
            // is rarely the year 2000).
            let y = year_in_words(y).filter(|_| !y.trim().eq_ignore_ascii_case("two thousand"))?;
            return Some(DateReading::Date(year_value(y)));
        }
        if let Some(y) = s("yk") {
            let (m, y) = (month_number(s("mk")?)?, full_year(y, p)?);
            return match s("dk") {
                Some(d) => ymd(y, m, day_value(d)?),
                None => Some(DateReading::Date(month_value(y, m))),
            };
        }
        if let Some(d) = s("dotm") {
            // "the one day of the month" is no day.
            if DAY_CARDINALS.iter().any(|c| d.eq_ignore_ascii_case(c)) {
                return None;
            }
            let Some(p) = p else { return Some(unresolved(c.whole().as_str())) };
            return ymd(p.year, p.month, day_value(d)?);
        }
        if let Some(y) = s("cy") {
            return ymd(y.parse().ok()?, s("cm")?.parse().ok()?, s("cd")?.parse().ok()?);
        }
        if let (Some(dir), Some(p)) = (s("wkdir"), p) {
            let start = add_days(monday_of(p), 7 * step_of(dir));
            return Some(DateReading::Period { start, end: add_days(start, 5) });
        }
        if s("decades").is_some() {
            let Some(d) = s("decade") else {
                return Some(decade(p?.year - p?.year.rem_euclid(10) + 10 * step_of(s("decdir")?) as i32));
            };
            // "in 90 s" is ninety seconds.
            let digits = d.trim_end_matches(|ch: char| !ch.is_ascii_digit());
            if d.contains(' ') && digits.len() != 4 {
                return None;
            }
            let d: i32 = digits.parse().ok()?;
            return Some(decade(if d < 100 { 1900 + d } else { d }));
        }
        if let Some(w) = s("dw") {
            // "the nineteen seventies", "the twenty-tens"; "the nineties", "in nineties": the
            // 1990s ("the twenties" and "the tens" alone may be this century's or the last's),
            // "the noughties" the 2000s. "nineties" alone is none ("who lived to nineties").
            let tens = [
                "noughties",
                "tens",
                "twenties",
                "thirties",
                "forties",
                "fifties",
                "sixties",
                "seventies",
                "eighties",
                "nineties",
            ];
            let k = tens.iter().position(|t| w.eq_ignore_ascii_case(t))? as i32;
            let century = match s("dwc") {
                Some(_) if k == 0 => return None,
                Some(c) if c.eq_ignore_ascii_case("nineteen") => 1900,
                Some(_) => 2000,
                None if !c.whole().as_str().contains(char::is_whitespace) => return None,
                None if k == 0 => 2000,
                None if k >= 3 => 1900,
                None => return None,
            };
            return Some(decade(century + 10 * k));
        }
        if let Some(n) = s("cent") {
            // "the 21st century": 2000 to 2099, as the peers and common usage count it.
            let n = day_value(n).filter(|n| (1..=21).contains(n))? as i32;
            let at = |y: i32| CivilDate { year: y, month: 1, day: 1 };
            return Some(DateReading::Period { start: at(100 * (n - 1)), end: at(100 * n) });
        }
        if let Some(m) = s("wslm") {
            // "Friday 7/6" without a year: the last or the next July 6 that is a Friday (see
            // `day_on_weekday`).
            let (m, d): (u32, u32) = (m.parse().ok()?, s("wsld")?.parse().ok()?);
            let w = scan_weekday(s("wsl")?)?;
            if s("wsly").is_some() || p.is_none() {
                return place(m, d, s("wsly"));
            }
            return day_on_weekday(p?, m, d, w, prefer).map(|date| DateReading::Date(day_value_of(date)));
        }
        if let Some(m) = s("mx").or(s("mx2")) {
            // "31/Oct/1974", "05-Aug-2016", "Sep-23-2020".
            let d: u32 = s("dx").or(s("dx2"))?.parse().ok()?;
            return place(month_number(m)?, d, s("yx").or(s("yx2")));
        }
        if let Some(y) = s("ya") {
            return ymd(y.parse().ok()?, month_of(s("ma")?)?, s("da")?.parse().ok()?);
        }
        if s("odd").is_some() {
            if let Some(y) = s("ys") {
                return ymd(y.parse().ok()?, s("ms")?.parse().ok()?, s("ds")?.parse().ok()?);
            }
            let y = s("yh").or(s("yh2")).or(s("yh3"))?;
            let m = month_number(s("mh").or(s("mh2")).or(s("mh3"))?)?;
            return ymd(y.parse().ok()?, m, s("dh").or(s("dh2")).or(s("dh3"))?.parse().ok()?);
        }
        if let Some(y) = s("yb").or(s("yc")) {
            let m: u32 = s("mb").or(s("mc"))?.parse().ok()?;
            let y: i32 = y.parse().ok()?;
            return (1..=12).contains(&m).then(|| DateReading::Date(month_value(y, m)));
        }
        if let Some(a) = s("sr1").or(s("sd1")) {
            // "10/1-11/2/2017", "5/1-5/7, 2020", "02-02-2020 - 03-03-2020": an end without a year
            // takes the other's; without either, the second follows the first.
            let end = |t: &str| -> Option<(u32, u32, Option<i32>)> {
                let parts: Vec<&str> = t.split(['/', '-']).collect();
                let (a, b): (u32, u32) = (parts.first()?.parse().ok()?, parts.get(1)?.parse().ok()?);
                let (m, d) = if a > 12 { (b, a) } else { (a, b) };
                let y = parts.get(2).map(|y| full_year(y, p)).map_or(Ok(None), |y| y.map(Some).ok_or(()));
                Some((m, d, y.ok()?))
            };
            let ((m1, d1, y1), (m2, d2, y2)) = (end(a)?, end(s("sr2").or(s("sd2"))?)?);
            let y2 = y2.or(s("sry").and_then(|y| full_year(y, p)));
            let (from, to) = match (y1, y2) {
                (y1, Some(y2)) => {
                    let y1 = y1.unwrap_or(if (m1, d1) > (m2, d2) { y2 - 1 } else { y2 });
                    (ymd(y1, m1, d1)?, ymd(y2, m2, d2)?)
                }
                (Some(y1), None) => (ymd(y1, m1, d1)?, ymd(if (m2, d2) < (m1, d1) { y1 + 1 } else { y1 }, m2, d2)?),
                (None, None) => {
                    let from = place(m1, d1, None)?;
                    let DateReading::Date(DateValue { year: Some(y1), .. }) = from else { return None };
                    (from, ymd(if (m2, d2) < (m1, d1) { y1 + 1 } else { y1 }, m2, d2)?)
                }
            };
            let (from, to) = (reading_stretch(&from)?, reading_stretch(&to)?);
            return (from.0 < to.1).then_some(DateReading::Between { from, to });
        }
        if let Some(a) = s("na") {
            let (a, b): (u32, u32) = (a.parse().ok()?, s("nb")?.parse().ok()?);
            // Month first, as in American usage, unless the first number cannot be a month.
            let (m, d) = if a > 12 { (b, a) } else { (a, b) };
            return place(m, d, s("nc").or(s("nc2")).or(s("nc3")));
        }
        if let Some(m) = s("mr").or(s("mr2")) {
            let m = month_number(m)?;
            let (d1, d2): (u32, u32) = (s("dr1").or(s("dr3"))?.parse().ok()?, s("dr2").or(s("dr4"))?.parse().ok()?);
            let a = place(m, d1, s("yr").or(s("yr2")))?;
            let DateReading::Date(av) = &a else { return None };
            let y = av.year?;
            let b = ymd(y, m, d2)?;
            return Some(DateReading::Between { from: reading_stretch(&a)?, to: reading_stretch(&b)? });
        }
        if let Some(m) = s("md").or(s("me")).or(s("mg")) {
            let m = month_number(m)?;
            let d = day_value(s("dd").or(s("de")).or(s("dg"))?)?;
            let y = s("yd").or(s("ye")).or(s("yg"));
            if let (None, Some(p), Some(w)) = (y, p, s("wb").or(s("wc")).or(s("wf")).and_then(scan_weekday)) {
                return day_on_weekday(p, m, d, w, prefer).map(|date| DateReading::Date(day_value_of(date)));
            }
            return place(m, d, y);
        }
        if let Some(anchor) = s("cla") {
            return self.closest(s("clw")?, anchor, s("cln").map_or(Some(1), day_value)?, p?, prefer);
        }
        if let Some(name) = s("season").or(s("season2")) {
            let season = Season::named(name)?;
            if let Some(y) = s("sy") {
                return Some(season.of(full_year(y, p)?));
            }
            if s("sverb").is_some() && season == Season::Autumn && name.eq_ignore_ascii_case("fall") {
                return None;
            }
            return season.from(p?, step_of(s("sdir")?));
        }
        if let Some(name) = s("hol") {
            let rule = self.holiday(name)?;
            // "lent" in lower case is the verb, unless a year follows ("lent 2018").
            if rule.capitalised && s("hy").is_none() && !name.chars().any(char::is_uppercase) {
                return None;
            }
            if rule.year_required && s("hy").is_none() {
                return None;
            }
            let first = |year: i32| rule.in_year(year).into_iter().next();
            let days = match (s("hy"), s("hyrel"), s("hdir"), p) {
                (Some(y), ..) => first(full_year(y, p)?),
                (None, Some(rel), _, Some(p)) => first(p.year + step_of(rel) as i32),
                (None, None, Some(dir), Some(p)) => match step_of(dir) {
                    0 => first(p.year),
                    step => holiday_from(rule, p, step < 0, false),
                },
                (None, None, None, Some(p)) => match prefer {
                    // News may name a holiday a few days ahead, as with a month and day.
                    Prefer::Past => holiday_from(rule, add_days(p, 7), true, true),
                    Prefer::Future => holiday_from(rule, p, false, true),
                },
                _ => return Some(unresolved(c.whole().as_str())),
            };
            return days.map(holiday_reading);
        }
        let Some(p) = p else {
            return Some(unresolved(c.whole().as_str()));
        };
        // The year a phrase states ("of 2018"), or the one it counts from this one ("of next year").
        let stated_or_counted = |stated: Option<&str>, counted: Option<&str>| match stated {
            Some(y) => full_year(y, Some(p)),
            None => Some(p.year + counted.map_or(0, step_of) as i32),
        };
        if let Some(m1) = s("mm1") {
            // "Sep to Nov", "Jan-Mar 2019": two abbreviated months, neither found alone, the
            // second after the first. (Full names are found alone and joined as range ends.)
            let (m1, m2) = (month_number(m1)?, month_number(s("mm2")?)?);
            let (y1, y2) = match s("mmy") {
                Some(y) => {
                    let y = full_year(y, Some(p))?;
                    (if m1 <= m2 { y } else { y - 1 }, y)
                }
                None => {
                    let y1 = match prefer {
                        Prefer::Past if m1 > p.month => p.year - 1,
                        Prefer::Future if m1 < p.month => p.year + 1,
                        _ => p.year,
                    };
                    (y1, if m2 >= m1 { y1 } else { y1 + 1 })
                }
            };
            let (from, to) = (date_stretch(&month_value(y1, m1))?, date_stretch(&month_value(y2, m2))?);
            return Some(DateReading::Between { from, to });
        }
        if let Some(r) = s("rel") {
            let r = r.to_lowercase();
            let n = if r.starts_with("today") {
                0
            } else if r.starts_with("tom") || r == "tmrw" || r.ends_with("next day") {
                1
            } else if r == "yesterday" {
                -1
            } else if r.ends_with("yesterday") {
                -2
            } else {
                2
            };
            return Some(DateReading::Date(day_value_of(add_days(p, n))));
        }
        if let Some(dir) = s("pdir") {
            let dir = dir.to_lowercase();
            let step: i64 = match dir.split_whitespace().last()? {
                "last" | "past" | "previous" => -1,
                "this" | "current" => 0,
                _ => 1,
            };
            let unit = s("punit")?.to_lowercase();
            return Some(match unit.as_str() {
                "week" => {
                    let start = add_days(monday_of(p), 7 * step);
                    DateReading::Period { start, end: add_days(start, 7) }
                }
                "weekend" => {
                    let start = add_days(monday_of(p), 7 * step + 5);
                    DateReading::Period { start, end: add_days(start, 2) }
                }
                // Two weeks from this Monday: "the next fortnight" starts in two weeks.
                "fortnight" => {
                    let start = add_days(monday_of(p), 14 * step);
                    DateReading::Period { start, end: add_days(start, 14) }
                }
                "month" => {
                    let months = month_index(p) + step;
                    DateReading::Date(month_value(months.div_euclid(12) as i32, months.rem_euclid(12) as u32 + 1))
                }
                _ => DateReading::Date(DateValue {
                    year: Some(p.year + step as i32),
                    month: None,
                    day: None,
                    weekday: None,
                    unresolved: None,
                }),
            });
        }
        let abbreviated = s("ab").map(|ab| {
            let part = if ab.starts_with('E') { Part::End } else { Part::Start };
            (part, if ab.ends_with('M') { "month" } else { "year" })
        });
        if let Some((part, unit)) = abbreviated.or(s("bpart").and_then(Part::from_word).zip(s("bunit"))) {
            // "the end of the year": of the current one.
            let of = match unit.to_lowercase().as_str() {
                "week" => (monday_of(p), add_days(monday_of(p), 7)),
                "month" => date_stretch(&month_value(p.year, p.month))?,
                _ => (CivilDate { year: p.year, month: 1, day: 1 }, CivilDate { year: p.year + 1, month: 1, day: 1 }),
            };
            return Some(DateReading::Part { of, part });
        }
        if let Some(unit) = s("after") {
            let unit = unit.to_lowercase();
            return Some(match unit.as_str() {
                "week" => {
                    let start = add_days(monday_of(p), 14);
                    DateReading::Period { start, end: add_days(start, 7) }
                }
                "month" => {
                    let months = month_index(p) + 2;
                    DateReading::Date(month_value(months.div_euclid(12) as i32, months.rem_euclid(12) as u32 + 1))
                }
                _ => DateReading::Date(DateValue {
                    year: Some(p.year + 2),
                    month: None,
                    day: None,
                    weekday: None,
                    unresolved: None,
                }),
            });
        }
        if let Some(m) = s("lmm") {
            let m = month_number(m)?;
            let y = match step_of(s("lmdir")?) {
                1 => p.year + i32::from(m <= p.month),
                step => p.year + step as i32,
            };
            return Some(DateReading::Date(month_value(y, m)));
        }
        if let Some(w) = s("ww").or(s("ww2")) {
            let w = scan_weekday(w)?;
            let step = step_of(s("wwdir").or(s("wwdir2"))?);
            return Some(DateReading::Date(day_value_of(add_days(monday_of(p), 7 * step + i64::from(w)))));
        }
        if let Some(w) = s("wt") {
            // "Friday the 15th": the nearest month whose 15th is a Friday.
            let (w, d) = (scan_weekday(w)?, day_value(s("wtd")?)?);
            let base = month_index(p);
            let dir: i64 = if prefer == Prefer::Past { -1 } else { 1 };
            return (0..48).find_map(|k| {
                let months = base + dir * k;
                let date =
                    CivilDate { year: months.div_euclid(12) as i32, month: months.rem_euclid(12) as u32 + 1, day: d };
                let ahead = days_from_civil(date) >= days_from_civil(p);
                (is_valid(date) && weekday(date) == w && (ahead == (prefer == Prefer::Future) || date == p))
                    .then(|| DateReading::Date(day_value_of(date)))
            });
        }
        if let Some(d) = s("dofm") {
            let d = day_value(d)?;
            let months = month_index(p) + step_of(s("dofdir")?);
            return ymd(months.div_euclid(12) as i32, months.rem_euclid(12) as u32 + 1, d);
        }
        if let Some((amount, unit)) = s("agon").zip(s("agou")).or(s("inn").zip(s("inu"))) {
            let n = amount_of(amount)?;
            if n.fract() != 0.0 || n > 10_000.0 {
                return None;
            }
            let back = s("agod").is_some_and(|d| matches!(d.to_lowercase().as_str(), "ago" | "back"));
            let n = if back { -(n as i64) } else { n as i64 };
            let unit = unit.to_lowercase();
            let date = match unit.trim_end_matches('s') {
                "day" => add_days(p, n),
                "week" => add_days(p, 7 * n),
                "fortnight" => add_days(p, 14 * n),
                u => {
                    let months = month_index(p) + if u == "year" { 12 * n } else { n };
                    let (y, m) = (months.div_euclid(12) as i32, months.rem_euclid(12) as u32 + 1);
                    CivilDate { year: y, month: m, day: p.day.min(super::calendar::days_in_month(y, m)) }
                }
            };
            return Some(DateReading::Date(day_value_of(date)));
        }
        let quarter = |y: i32, q: u32| {
            let start = CivilDate { year: y, month: 3 * q - 2, day: 1 };
            let end = if q == 4 {
                CivilDate { year: y + 1, month: 1, day: 1 }
            } else {
                CivilDate { year: y, month: 3 * q + 1, day: 1 }
            };
            DateReading::Period { start, end }
        };
        if let Some(q) = s("qn").or(s("qn2")).or(s("qn3")).or(s("qn4")) {
            let q = day_value(q).or_else(|| q.parse().ok())?;
            let y = match s("qy").or(s("qy2")).or(s("qy3")).or(s("qy4")) {
                Some(y) => full_year(y, Some(p))?,
                // "in Q3" alone: this year's, or the last one's when it is still to come.
                None if s("qn4").is_some() && prefer == Prefer::Past && 3 * q - 2 > p.month => p.year - 1,
                None => p.year,
            };
            return (1..=4).contains(&q).then(|| quarter(y, q));
        }
        if let Some(n) = s("iwn").or(s("iwn2")) {
            // "the first week of 2015", "week 31 of 2018", "the last week of 2016": ISO weeks,
            // Monday to Sunday, the first the one with January 4th in it.
            let y = stated_or_counted(s("iwy").or(s("iwy2")), s("iwrel").or(s("iwrel2")))?;
            // "the third last week of 2018": counted back from the last.
            let k =
                if n.eq_ignore_ascii_case("last") { 1 } else { i64::from(day_value(n).or_else(|| n.parse().ok())?) };
            let start = match (n.eq_ignore_ascii_case("last"), s("iwlast").is_some()) {
                (true, true) => return None,
                (false, false) => add_days(iso_week1(y), 7 * (k - 1)),
                _ => add_days(iso_week1(y + 1), -7 * k),
            };
            return (iso_week1(y) <= start && start < iso_week1(y + 1))
                .then(|| DateReading::Period { start, end: add_days(start, 7) });
        }
        if let Some(n) = s("mofn") {
            // "the third month of 2021", "the 9th month of next year".
            let y = stated_or_counted(s("mofy"), s("mofrel"))?;
            let m = day_value(n).filter(|m| (1..=12).contains(m))?;
            return Some(DateReading::Date(month_value(y, m)));
        }
        if s("ytd").is_some() {
            // "the year to date": from January 1 to the publication day.
            let jan1 = CivilDate { year: p.year, month: 1, day: 1 };
            return (jan1 < p).then_some(DateReading::Period { start: jan1, end: p });
        }
        if let Some(n) = s("fnn") {
            // "the first six months of 2024", "the last 3 weeks of this year": a stretch at one end
            // of a year (weeks are ISO weeks, as in "the last week of 2016").
            let n = count_of(n)?;
            let y = stated_or_counted(s("fny"), s("fnrel"))?;
            let first = s("fnd")?.eq_ignore_ascii_case("first");
            let unit = s("fnu")?.to_lowercase();
            let jan1 = |y: i32| CivilDate { year: y, month: 1, day: 1 };
            let (lo, hi) = if unit == "weeks" { (iso_week1(y), iso_week1(y + 1)) } else { (jan1(y), jan1(y + 1)) };
            let (start, end) = match unit.as_str() {
                "days" | "weeks" => {
                    let days = if unit == "days" { n } else { 7 * n };
                    if first { (lo, add_days(lo, days)) } else { (add_days(hi, -days), hi) }
                }
                _ => {
                    let months = if unit == "months" { n } else { 3 * n };
                    let jan = i64::from(y) * 12;
                    if first { (lo, month_start(jan + months)) } else { (month_start(jan + 12 - months), hi) }
                }
            };
            // "the first 13 months of 2020" is no stretch of 2020.
            return (lo <= start && end <= hi).then_some(DateReading::Period { start, end });
        }
        if let Some(h) = s("hn").or(s("hn2")).or(s("hn3")) {
            // "2019 H2", "H1 2016", "the first half of 2019", "the second half of next year".
            let first = matches!(h.to_lowercase().as_str(), "1" | "first" | "1st");
            let y = stated_or_counted(s("hy").or(s("hy2")).or(s("hy3")), s("hrel"))?;
            let at = |y: i32, m: u32| CivilDate { year: y, month: m, day: 1 };
            let (start, end) = if first { (at(y, 1), at(y, 7)) } else { (at(y, 7), at(y + 1, 1)) };
            return Some(DateReading::Period { start, end });
        }
        if let Some(dir) = s("qdir") {
            let qs = i64::from(p.year) * 4 + i64::from((p.month - 1) / 3) + step_of(dir);
            return Some(quarter(qs.div_euclid(4) as i32, qs.rem_euclid(4) as u32 + 1));
        }
        if let Some(unit) = s("nu").or(s("nu2")) {
            // "the next 3 days", "the 2 next days": the days after today; "the last two weeks",
            // "the past two quarters": whole weeks, months, quarters, years before this one.
            let n = amount_of(s("nn").or(s("nn2"))?).filter(|n| n.fract() == 0.0 && *n >= 1.0 && *n <= 1_000.0)? as i64;
            let back = step_of(s("ndir").or(s("ndir2"))?) < 0;
            let unit = unit.to_lowercase();
            let (start, end) = match unit.as_str() {
                "days" => {
                    if back {
                        (add_days(p, -n), p)
                    } else {
                        (add_days(p, 1), add_days(p, 1 + n))
                    }
                }
                "weeks" => {
                    let monday = monday_of(p);
                    if back {
                        (add_days(monday, -7 * n), monday)
                    } else {
                        (add_days(monday, 7), add_days(monday, 7 + 7 * n))
                    }
                }
                "months" | "quarters" => {
                    let len = if unit == "months" { 1 } else { 3 };
                    let month = month_index(p);
                    let base = month - month % len;
                    if back {
                        (month_start(base - n * len), month_start(base))
                    } else {
                        (month_start(base + len), month_start(base + len + n * len))
                    }
                }
                _ => {
                    let len = if unit == "years" { 1 } else { 10 };
                    let at = |y: i64| CivilDate { year: y as i32, month: 1, day: 1 };
                    let base = i64::from(p.year) - i64::from(p.year) % len;
                    if back { (at(base - n * len), at(base)) } else { (at(base + len), at(base + len + n * len)) }
                }
            };
            return Some(DateReading::Period { start, end });
        }
        if let Some(w) = s("wcw") {
            // "3 fridays from now": the third Friday after today; "2 thursdays ago" before it.
            let n = count_of(s("wcn")?)?;
            let w = scan_weekday(w)?;
            let back = matches!(s("wcd")?.to_lowercase().as_str(), "ago" | "back");
            let first = if back { add_days(p, -i64::from((weekday(p) + 6 - w) % 7 + 1)) } else { next_weekday(p, w) };
            return Some(DateReading::Date(day_value_of(add_days(first, if back { -7 } else { 7 } * (n - 1)))));
        }
        if let Some(what) = s("wan") {
            // "Friday after next": a week after the coming Friday; "March after next" a year after
            // the coming March.
            if let Some(w) = scan_weekday(what).filter(|_| weekday_number(what).is_some()) {
                return Some(DateReading::Date(day_value_of(add_days(next_weekday(p, w), 7))));
            }
            let m = month_number(what)?;
            return Some(DateReading::Date(month_value(p.year + 1 + i32::from(m <= p.month), m)));
        }
        if let Some(amounts) = s("cago") {
            // "2 years 1 month 21 days ago": years and months first, then weeks and days.
            static AMOUNT: OnceLock<Regex> = OnceLock::new();
            let amount = AMOUNT.get_or_init(|| {
                Regex::new(&format!(r"(?i)(?P<n>{}|an?)\s+(?P<u>year|month|week|day)", number_pattern()))
                    .expect("an amount")
            });
            let sign = if matches!(s("cagod")?.to_lowercase().as_str(), "ago") { -1 } else { 1 };
            let (mut months, mut days) = (0, 0);
            for a in amount.captures_iter(amounts) {
                let n = sign * count_of(&a["n"])?;
                match a["u"].to_lowercase().as_str() {
                    "year" => months += 12 * n,
                    "month" => months += n,
                    "week" => days += 7 * n,
                    _ => days += n,
                }
            }
            let m = month_index(p) + months;
            let (y, m) = (m.div_euclid(12) as i32, m.rem_euclid(12) as u32 + 1);
            let date = CivilDate { year: y, month: m, day: p.day.min(super::calendar::days_in_month(y, m)) };
            return Some(DateReading::Date(day_value_of(add_days(date, days))));
        }
        if let Some(r) = s("offr") {
            let base = match r.to_lowercase().as_str() {
                "tomorrow" | "tmrw" => 1,
                "yesterday" => -1,
                _ => 0,
            };
            let amount = s("offn")?.to_lowercase();
            let n = one_or_number(&amount)?;
            if n.fract() != 0.0 || n > 10_000.0 {
                return None;
            }
            let unit = if s("offu")?.to_lowercase().starts_with("week") { 7 } else { 1 };
            let sign = if s("offd")?.eq_ignore_ascii_case("before") { -1 } else { 1 };
            return Some(DateReading::Date(day_value_of(add_days(p, base + sign * unit * n as i64))));
        }
        if let Some(nth) = s("nth").or(s("nth2")) {
            let (y, m) = if let Some(m) = s("nmon") {
                let m = month_number(m)?;
                match s("ny") {
                    Some(y) => (y.parse().ok()?, m),
                    None => {
                        let y = match prefer {
                            Prefer::Past if m > p.month => p.year - 1,
                            Prefer::Future if m < p.month => p.year + 1,
                            _ => p.year,
                        };
                        (y, m)
                    }
                }
            } else {
                let months = month_index(p) + s("nrel").map_or(0, step_of);
                (months.div_euclid(12) as i32, months.rem_euclid(12) as u32 + 1)
            };
            let last_day = super::calendar::days_in_month(y, m);
            let first = CivilDate { year: y, month: m, day: 1 };
            let last = CivilDate { year: y, month: m, day: last_day };
            let nth = nth.to_lowercase();
            let k = if nth == "last" { 0 } else { day_value(&nth)? };
            let what = s("nwd").or(s("nwd2"))?.to_lowercase();
            if s("nlast").is_some() {
                // "the fifth last day of May", "the 2nd last week of October": counted back from
                // the last, which is the first last.
                let back = 7 * (i64::from(k) - 1);
                let start = match what.as_str() {
                    _ if k == 0 => return None,
                    "day" => add_days(last, 1 - i64::from(k)),
                    "week" => add_days(monday_of(nth_weekday(y, m, 0, THURSDAY)?), -back),
                    w => add_days(nth_weekday(y, m, 0, scan_weekday(w)?)?, -back),
                };
                // A week is the month's while its Thursday is.
                let day_in_month = if what == "week" { add_days(start, 3) } else { start };
                return (first <= day_in_month).then(|| match what.as_str() {
                    "week" => DateReading::Period { start, end: add_days(start, 7) },
                    _ => DateReading::Date(day_value_of(start)),
                });
            }
            return Some(match what.as_str() {
                "day" => DateReading::Date(day_value_of(if k == 0 { last } else { add_days(first, i64::from(k) - 1) })),
                "week" => {
                    // ISO 8601, as for the weeks of a year: a week (Monday to Sunday) is the
                    // month's whose Thursday falls in it, so "the first week of January 2015" is
                    // December 29 to January 4, and the last week of December 2016 ends on New
                    // Year's Day.
                    let start = monday_of(nth_weekday(y, m, k, THURSDAY)?);
                    DateReading::Period { start, end: add_days(start, 7) }
                }
                w => DateReading::Date(day_value_of(nth_weekday(y, m, k, scan_weekday(w)?)?)),
            });
        }
        if let Some(w) = s("wr") {
            let w = scan_weekday(w)?;
            let dir = s("wdir")?.to_lowercase();
            // "this coming Friday", "upcoming Friday": the first after the reference day, in this
            // week or the next.
            if dir.ends_with("coming") {
                return Some(DateReading::Date(day_value_of(next_weekday(p, w))));
            }
            return Some(DateReading::Date(day_value_of(add_days(monday_of(p), 7 * step_of(&dir) + i64::from(w)))));
        }
        if let Some(w) = s("wl") {
            return Some(DateReading::Date(day_value_of(weekday_near(p, scan_weekday(w)?, prefer))));
        }
        if let Some(m) = s("ml").or(s("ml2")) {
            let m = month_number(m.split_whitespace().last()?)?;
            let y = match prefer {
                Prefer::Past if m > p.month => p.year - 1,
                Prefer::Future if m < p.month => p.year + 1,
                _ => p.year,
            };
            return Some(DateReading::Date(month_value(y, m)));
        }
        if let Some(d) = s("dn").or(s("dm")) {
            // "the one", "the two of them" are no days; "the 2nd", "the second", "the thirty" are.
            if DAY_CARDINALS.iter().any(|c| d.eq_ignore_ascii_case(c)) {
                return None;
            }
            let d = day_value(d)?;
            let months = month_index(p);
            let months = match prefer {
                Prefer::Past if d > p.day => months - 1,
                Prefer::Future if d < p.day => months + 1,
                _ => months,
            };
            return ymd(months.div_euclid(12) as i32, months.rem_euclid(12) as u32 + 1, d);
        }
        None
    }
}
