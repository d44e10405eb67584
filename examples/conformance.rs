//! Measures factlint's own extractor against test suites written by other projects.
//!
//! ```text
//! cargo run --release --example conformance -- ../shared/peer-specs
//! cargo run --release --example conformance -- ../shared/peer-specs --check conformance/ratchet.toml
//! cargo run --release --example conformance -- ../shared/peer-specs --write conformance/ratchet.toml
//! cargo run --release --example conformance -- ../shared/peer-specs --show NumberModel
//! ```
//!
//! The spec files are read at run time (see `peer-specs/README.md`); nothing of them is copied into
//! the project. Each case runs through the library's own grammars, the ones `factlint check` uses:
//! the count grammar for numbers and number ranges, the ordinal grammar for ordinals, the date
//! grammar (with the case's reference date as the publication date) for dates, date ranges and
//! durations.
//!
//! A case is *found* when every expected mention overlaps something the extractor reports (and a
//! case that expects nothing gets nothing). It is *value-correct* when, besides, everything the
//! extractor reports over an expected mention has the expected value and nothing is reported where
//! nothing is expected. A spec judges only values of its own kind where it expects none: a vague
//! amount ("a number") is no stray in a number spec, nor a bare number ("in 2009") in a range spec.

use factlint::extract::calendar::{add_days, days_from_civil};
use factlint::extract::date::{DateReading, DurationUnit, Part, Prefer, date_stretch};
use factlint::extract::number::Bounds;
use factlint::extract::ordinal::OrdinalGrammar;
use factlint::model::{CivilDate, Count};
use factlint::rules::Grammar;
use factlint::thresholds::Thresholds;
use serde_json::Value as Json;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What the extractor reported at one place.
#[derive(Debug, Clone)]
enum Got {
    Count(Count, Option<Bounds>),
    Ordinal(f64),
    Date(DateReading),
}

#[derive(Debug, Clone)]
struct Mention {
    span: Range<usize>,
    got: Got,
    text: String,
}

/// An interval with open or closed ends; `None` = unbounded.
#[derive(Debug, Clone, PartialEq)]
struct Interval {
    lo: Option<(f64, bool)>,
    hi: Option<(f64, bool)>,
}

/// What a case expects at one place.
#[derive(Debug, Clone)]
enum Want {
    Number(f64),
    Interval(Interval),
    Ordinal(f64),
    /// Any of these stretches of days, `[start, end)`; an end or start may be open ("since").
    Days(Vec<(Option<CivilDate>, Option<CivilDate>)>),
    /// A length of time in seconds (Recognizers: a year is 365 days, a month 30).
    Seconds(f64),
    /// A length of time as amount and unit (Duckling).
    Duration(f64, DurationUnit),
    /// Only the place counts (extractor specs).
    Span,
    /// A value this project cannot state (a season "not resolved"): never correct.
    Unresolvable,
}

#[derive(Debug, Clone)]
struct Expect {
    span: Range<usize>,
    want: Want,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Numbers,
    Ranges,
    Ordinals,
    Dates,
}

/// How a range given by two ends is written in the peer's resolution.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Convention {
    /// Recognizers: "from March 3 to 5" ends at March 5 (the second end's start).
    Recognizers,
    /// Duckling: an interval ends where the second end's own period ends ("1960 - 1961" ends 1962).
    Duckling,
}

struct Case {
    input: String,
    reference: Option<CivilDate>,
    expected: Vec<Expect>,
    skip: Option<String>,
    /// The kind of mention the case expects, for a spec tallied by type ([`Spec::by_type`]).
    class: Class,
}

/// What a DateTimeModel case expects, by the resolution types of its results. The issue's
/// target is for dates and date ranges, so they get a row of their own; the rest stay visible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
enum Class {
    /// Every result is a `datetimeV2.date` or a `datetimeV2.daterange`.
    #[default]
    DatesAndRanges,
    /// Every result is a `datetimeV2.duration`.
    Durations,
    /// Dates or ranges together with a duration in one input.
    Mixed,
    /// No result: the input must yield nothing.
    Nothing,
}

impl Class {
    fn name(self) -> &'static str {
        match self {
            Class::DatesAndRanges => "date and date-range",
            Class::Durations => "duration",
            Class::Mixed => "date with duration",
            Class::Nothing => "nothing expected",
        }
    }

    fn of(types: &[&str]) -> Class {
        if types.is_empty() {
            Class::Nothing
        } else if types.iter().all(|t| matches!(*t, "date" | "daterange")) {
            Class::DatesAndRanges
        } else if types.iter().all(|t| *t == "duration") {
            Class::Durations
        } else {
            Class::Mixed
        }
    }
}

struct Spec {
    name: &'static str,
    path: &'static str,
    kind: Kind,
    convention: Convention,
    /// A reason every case of the file is out of scope.
    out_of_scope: Option<&'static str>,
    /// The type of mention the spec judges.
    only: Only,
    /// Also tally the cases by the type of mention they expect ([`Class`]), each a row of its own.
    by_type: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Only {
    All,
    Dates,
    Durations,
}

const SPECS: &[Spec] = &[
    spec("Recognizers NumberModel", "recognizers/Number/English/NumberModel.json", Kind::Numbers),
    spec("Recognizers NumberRangeModel", "recognizers/Number/English/NumberRangeModel.json", Kind::Ranges),
    spec("Recognizers OrdinalModel", "recognizers/Number/English/OrdinalModel.json", Kind::Ordinals),
    Spec {
        name: "Recognizers PercentModel",
        path: "recognizers/Number/English/PercentModel.json",
        kind: Kind::Numbers,
        convention: Convention::Recognizers,
        out_of_scope: Some("percentages are not counts (factlint reads no percentages)"),
        only: Only::All,
        by_type: false,
    },
    Spec {
        by_type: true,
        ..spec("Recognizers DateTimeModel", "recognizers/DateTime/English/DateTimeModel.json", Kind::Dates)
    },
    only(
        Only::Dates,
        spec("Recognizers DateExtractor", "recognizers/DateTime/English/DateExtractor.json", Kind::Dates),
    ),
    only(Only::Dates, spec("Recognizers DateParser", "recognizers/DateTime/English/DateParser.json", Kind::Dates)),
    only(
        Only::Dates,
        spec("Recognizers DatePeriodParser", "recognizers/DateTime/English/DatePeriodParser.json", Kind::Dates),
    ),
    only(
        Only::Durations,
        spec("Recognizers DurationParser", "recognizers/DateTime/English/DurationParser.json", Kind::Dates),
    ),
    Spec {
        name: "Duckling Numeral",
        path: "duckling/Numeral_EN_Corpus.json",
        kind: Kind::Numbers,
        convention: Convention::Duckling,
        out_of_scope: None,
        only: Only::All,
        by_type: false,
    },
    Spec {
        name: "Duckling Ordinal",
        path: "duckling/Ordinal_EN_Corpus.json",
        kind: Kind::Ordinals,
        convention: Convention::Duckling,
        out_of_scope: None,
        only: Only::All,
        by_type: false,
    },
    Spec {
        name: "Duckling Duration",
        path: "duckling/Duration_EN_Corpus.json",
        kind: Kind::Dates,
        convention: Convention::Duckling,
        out_of_scope: None,
        only: Only::Durations,
        by_type: false,
    },
    Spec {
        name: "Duckling Time",
        path: "duckling/Time_EN_Corpus.json",
        kind: Kind::Dates,
        convention: Convention::Duckling,
        out_of_scope: None,
        only: Only::Dates,
        by_type: false,
    },
];

const fn spec(name: &'static str, path: &'static str, kind: Kind) -> Spec {
    Spec { name, path, kind, convention: Convention::Recognizers, out_of_scope: None, only: Only::All, by_type: false }
}

const fn only(only: Only, spec: Spec) -> Spec {
    Spec { only, ..spec }
}

/// Duckling's reference time for the Time corpus: Tuesday 2013-02-12.
const DUCKLING_NOW: CivilDate = CivilDate { year: 2013, month: 2, day: 12 };

#[derive(Default)]
struct Tally {
    run: usize,
    found: usize,
    correct: usize,
    skipped: BTreeMap<String, usize>,
    failures: Vec<String>,
    /// (run, found, value-correct) per class, for a spec tallied by type.
    by_class: BTreeMap<Class, (usize, usize, usize)>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir: Option<PathBuf> = None;
    let mut check: Option<PathBuf> = None;
    let mut write: Option<PathBuf> = None;
    let mut show: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--check" => check = it.next().map(PathBuf::from),
            "--write" => write = it.next().map(PathBuf::from),
            "--show" => show = it.next().cloned(),
            "-h" | "--help" => {
                println!(
                    "usage: conformance SPEC_DIR [--check RATCHET.toml] [--write RATCHET.toml] [--show FILE-NAME-PART]"
                );
                return ExitCode::SUCCESS;
            }
            _ if dir.is_none() => dir = Some(PathBuf::from(a)),
            _ => {
                eprintln!("conformance: unexpected argument {a:?}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: conformance SPEC_DIR [--check RATCHET.toml] [--write RATCHET.toml] [--show FILE-NAME-PART]");
        return ExitCode::from(2);
    };

    let grammar = Grammar::builtin();
    let ordinals = OrdinalGrammar::new();
    let t = Thresholds::default();
    let mut tallies: Vec<(&Spec, Tally)> = Vec::new();
    for spec in SPECS {
        let path = dir.join(spec.path);
        let cases = match load_cases(&path, spec) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("conformance: {}: {e}", path.display());
                return ExitCode::from(2);
            }
        };
        let mut tally = Tally::default();
        for case in &cases {
            if let Some(reason) = &case.skip {
                *tally.skipped.entry(reason.clone()).or_default() += 1;
                continue;
            }
            tally.run += 1;
            let mut got = extract(spec.kind, &case.input, case.reference, spec.convention, &grammar, &ordinals, &t);
            // A spec of one type judges only mentions of that type: a length of time found in a
            // date spec (or a date in a duration spec) is neither right nor wrong there.
            got.retain(|m| match (&m.got, spec.only) {
                (Got::Date(DateReading::Duration(_)), Only::Dates) => false,
                (Got::Date(d), Only::Durations) => matches!(d, DateReading::Duration(_)),
                _ => true,
            });
            // A number spec judges numbers and a range spec ranges: a vague amount ("a number")
            // states no number, a bare number ("in 2009") no range. Such a mention is judged
            // only where the spec expects a mention.
            got.retain(|m| {
                states_judged_value(spec.kind, &m.got) || case.expected.iter().any(|e| overlaps(&e.span, &m.span))
            });
            let (found, correct) = judge(&case.expected, &got, spec.convention);
            tally.found += usize::from(found);
            tally.correct += usize::from(correct);
            if spec.by_type {
                let row = tally.by_class.entry(case.class).or_default();
                *row = (row.0 + 1, row.1 + usize::from(found), row.2 + usize::from(correct));
            }
            if !correct {
                let class = if spec.by_type { format!("[{}] ", case.class.name()) } else { String::new() };
                tally.failures.push(format!("{class}{}", describe(case, &got, found)));
            }
        }
        tallies.push((spec, tally));
    }

    print_table(&tallies);
    if let Some(part) = &show {
        for (spec, tally) in &tallies {
            if spec.name.contains(part.as_str()) {
                println!("\n## {} — cases not value-correct ({})", spec.name, tally.failures.len());
                for f in &tally.failures {
                    println!("{f}");
                }
            }
        }
    }

    let mut counts: BTreeMap<String, usize> =
        tallies.iter().map(|(spec, t)| (spec.name.to_string(), t.correct)).collect();
    for (spec, t) in &tallies {
        counts.extend(t.by_class.iter().map(|(class, row)| (class_row(spec, *class), row.2)));
    }
    if let Some(path) = &write {
        if let Err(e) = write_ratchet(path, &counts) {
            eprintln!("conformance: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
        println!("\nwrote {}", path.display());
    }
    if let Some(path) = &check {
        return match check_ratchet(path, &counts) {
            Ok(drops) if drops.is_empty() => {
                println!("\nratchet {}: no count dropped", path.display());
                ExitCode::SUCCESS
            }
            Ok(drops) => {
                println!("\nratchet {}: value-correct counts dropped:", path.display());
                for d in drops {
                    println!("  {d}");
                }
                ExitCode::from(1)
            }
            Err(e) => {
                eprintln!("conformance: {}: {e}", path.display());
                ExitCode::from(2)
            }
        };
    }
    ExitCode::SUCCESS
}

/// The row name of one class of a spec tallied by type: "Recognizers DateTimeModel: duration".
fn class_row(spec: &Spec, class: Class) -> String {
    format!("{}: {}", spec.name, class.name())
}

fn print_table(tallies: &[(&Spec, Tally)]) {
    let pct = |correct: usize, run: usize| {
        if run == 0 { "–".to_string() } else { format!("{:.1}", 100.0 * correct as f64 / run as f64) }
    };
    println!("| spec file | run | skipped | found | value-correct | % |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (spec, t) in tallies {
        let skipped: usize = t.skipped.values().sum();
        println!(
            "| {} | {} | {} | {} | {} | {} |",
            spec.name,
            t.run,
            skipped,
            t.found,
            t.correct,
            pct(t.correct, t.run)
        );
        // The classes split the cases run; the skipped ones are listed below by reason.
        for (class, (run, found, correct)) in &t.by_class {
            println!("| {} | {run} | – | {found} | {correct} | {} |", class_row(spec, *class), pct(*correct, *run));
        }
    }
    println!("\nSkipped, by reason:");
    for (spec, t) in tallies {
        for (reason, n) in &t.skipped {
            println!("  {}: {n} — {reason}", spec.name);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Running the extractor

fn extract(
    kind: Kind,
    text: &str,
    reference: Option<CivilDate>,
    convention: Convention,
    grammar: &Grammar,
    ordinals: &OrdinalGrammar,
    t: &Thresholds,
) -> Vec<Mention> {
    let mention = |span: Range<usize>, got: Got| Mention { text: text[span.clone()].to_string(), span, got };
    match kind {
        Kind::Numbers | Kind::Ranges => grammar
            .counts
            .scan(text, t)
            .into_iter()
            .map(|(span, c)| {
                let b = grammar.counts.bounds(&text[span.clone()]);
                mention(span, Got::Count(c, b))
            })
            .collect(),
        Kind::Ordinals => ordinals.scan(text).into_iter().map(|(span, v)| mention(span, Got::Ordinal(v))).collect(),
        Kind::Dates => {
            // Duckling resolves a bare weekday or month to the next one (its corpus is written
            // for an assistant); Recognizers lists both, either counts; news (`check`) looks back.
            let prefer = match convention {
                Convention::Duckling => Prefer::Future,
                Convention::Recognizers => Prefer::Past,
            };
            grammar
                .dates
                .scan_with(text, reference, prefer)
                .into_iter()
                .map(|(span, d)| {
                    // A Hebrew day begins at the sundown before. factlint reads a Hebrew holiday
                    // as the days calendars print ("Yom Kippur 2018": September 19); Duckling
                    // writes a one-day holiday as the day of its eve (September 18) and a longer
                    // one from its eve to its last day.
                    let eve =
                        convention == Convention::Duckling && grammar.dates.names_hebrew_holiday(&text[span.clone()]);
                    // factlint reads a season up to the day the next one starts ("this summer":
                    // June 21 to September 22); Duckling writes a season it names as a closed
                    // interval to that day.
                    let season = convention == Convention::Duckling && names_season(&text[span.clone()]);
                    match (stretch(&d, convention), &d) {
                        (Some((Some(start), Some(end))), _) if eve => {
                            let end = if end == add_days(start, 1) { start } else { end };
                            mention(span, Got::Date(DateReading::Period { start: add_days(start, -1), end }))
                        }
                        (_, DateReading::Period { start, end }) if season => {
                            mention(span, Got::Date(DateReading::Period { start: *start, end: add_days(*end, 1) }))
                        }
                        _ => mention(span, Got::Date(d)),
                    }
                })
                .collect()
        }
    }
}

/// Whether a mention names a season ("this summer", "last winter").
fn names_season(mention: &str) -> bool {
    let lower = mention.to_lowercase();
    ["spring", "summer", "autumn", "fall", "winter"].iter().any(|season| lower.contains(season))
}

/// Whether a mention states the kind of value a spec of `kind` judges.
fn states_judged_value(kind: Kind, got: &Got) -> bool {
    match (kind, got) {
        (Kind::Numbers, Got::Count(c, _)) => c.stated.is_some(),
        (Kind::Ranges, Got::Count(_, b)) => b.is_some_and(|b| b.lo != b.hi),
        _ => true,
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// (found, value-correct) for one case.
fn judge(expected: &[Expect], got: &[Mention], convention: Convention) -> (bool, bool) {
    if expected.is_empty() {
        return (got.is_empty(), got.is_empty());
    }
    let found = expected.iter().all(|e| got.iter().any(|g| overlaps(&e.span, &g.span)));
    let stray = got.iter().any(|g| !expected.iter().any(|e| overlaps(&e.span, &g.span)));
    let right = got.iter().all(|g| {
        expected.iter().filter(|e| overlaps(&e.span, &g.span)).any(|e| value_matches(&e.want, &g.got, convention))
            || !expected.iter().any(|e| overlaps(&e.span, &g.span))
    });
    (found, found && right && !stray)
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

fn value_matches(want: &Want, got: &Got, convention: Convention) -> bool {
    match (want, got) {
        (Want::Span, _) => true,
        (Want::Unresolvable, _) => false,
        (Want::Number(v), Got::Count(c, _)) => c.stated.is_some_and(|s| close(s, *v)),
        (Want::Interval(i), Got::Count(_, b)) => b.as_ref().is_some_and(|b| same_interval(&interval(b), i)),
        (Want::Ordinal(v), Got::Ordinal(x)) => close(*v, *x),
        (Want::Days(options), Got::Date(d)) => {
            stretch(d, convention).is_some_and(|(s, e)| options.iter().any(|(ws, we)| *ws == s && *we == e))
        }
        (Want::Seconds(secs), Got::Date(DateReading::Duration(d))) => close(d.seconds(), *secs),
        // The same length however it is cut: "half an hour" is Duckling's 30 minutes.
        (Want::Duration(amount, unit), Got::Date(DateReading::Duration(d))) => {
            close(d.seconds(), amount * unit.seconds())
        }
        _ => false,
    }
}

fn same_interval(a: &Interval, b: &Interval) -> bool {
    let end = |x: &Option<(f64, bool)>, y: &Option<(f64, bool)>| match (x, y) {
        (None, None) => true,
        (Some((u, c)), Some((v, d))) => close(*u, *v) && c == d,
        _ => false,
    };
    end(&a.lo, &b.lo) && end(&a.hi, &b.hi)
}

/// A count's bounds in interval notation. A range given by its two ends ("between 20 and 30",
/// "20-30") includes both in factlint: [20, 30]. Recognizers writes every such range half-open,
/// [20, 30), so a closed upper end of a two-ended range is compared as Recognizers writes it.
fn interval(b: &Bounds) -> Interval {
    let hi = b.hi.map(|h| (h.value, h.closed && !b.two_ends));
    Interval { lo: b.lo.map(|l| (l.value, l.closed)), hi }
}

/// The stretch of days `[start, end)` a date reading covers, written in the peer's convention; an
/// end is None where the reading leaves it open ("since 2010").
fn stretch(d: &DateReading, convention: Convention) -> Option<(Option<CivilDate>, Option<CivilDate>)> {
    let closed = |(s, e): (CivilDate, CivilDate)| (Some(s), Some(e));
    match d {
        DateReading::Date(v) => date_stretch(v).map(closed),
        DateReading::Period { start, end } => Some((Some(*start), Some(*end))),
        DateReading::Between { from, to } => match convention {
            Convention::Recognizers => Some((Some(from.0), Some(to.0))),
            Convention::Duckling => Some((Some(from.0), Some(to.1))),
        },
        DateReading::Part { of, part } => part_days(*of, *part, convention).map(closed),
        DateReading::Open { from, to } => Some((*from, *to)),
        DateReading::Duration(_) => None,
    }
}

/// The days a part of a week, a month or a year ("early March", "the end of next week") covers as
/// each peer writes it: Recognizers halves a month and a week (Monday to Thursday, Thursday to
/// Monday) and takes "early"/"late" in a year as a half but "beginning"/"middle"/"end" as a third;
/// Duckling cuts a month in thirds of ten days, a week in its first three days and its last three,
/// a year in its first three months and its last four. A part the peer has no rule for is None.
fn part_days(of: (CivilDate, CivilDate), part: Part, convention: Convention) -> Option<(CivilDate, CivilDate)> {
    use Convention::{Duckling, Recognizers};
    use Part::{Early, End, Late, Middle, Start};
    let (start, end) = of;
    let day = |d: u32| CivilDate { day: d, ..start };
    let month = |m: u32| CivilDate { year: start.year, month: m, day: 1 };
    Some(match (days_from_civil(end) - days_from_civil(start), start.day, start.month) {
        (7, ..) => {
            let (a, b) = match (convention, part) {
                (_, Start | Early) => (0, 3),
                (Recognizers, Middle) => (1, 5),
                (Recognizers, Late | End) => (3, 7),
                (Duckling, Late | End) => (4, 7),
                (Duckling, Middle) => return None,
            };
            (add_days(start, a), add_days(start, b))
        }
        (28..=31, 1, _) => match (convention, part) {
            (Recognizers, Start | Early) => (start, day(16)),
            (Recognizers, Middle) => (day(10), day(21)),
            (Recognizers, Late | End) => (day(16), end),
            (Duckling, Start | Early) => (start, day(11)),
            (Duckling, Middle) => (day(11), day(21)),
            (Duckling, Late | End) => (day(21), end),
        },
        (365 | 366, 1, 1) => match (convention, part) {
            (Recognizers, Early) => (start, month(7)),
            (Recognizers, Late) => (month(7), end),
            (Recognizers, Start) => (start, month(5)),
            (Recognizers, Middle) => (month(5), month(9)),
            (Recognizers, End) => (month(9), end),
            (Duckling, Start | Early) => (start, month(4)),
            (Duckling, Middle) => return None,
            (Duckling, Late | End) => (month(9), end),
        },
        _ => return None,
    })
}

fn describe(case: &Case, got: &[Mention], found: bool) -> String {
    let want: Vec<String> =
        case.expected.iter().map(|e| format!("{:?}={:?}", &case.input[e.span.clone()], e.want)).collect();
    let got: Vec<String> = got.iter().map(|g| format!("{:?}={:?}", g.text, short(&g.got))).collect();
    format!(
        "- {:?} [{}] want {} got {}",
        case.input,
        if found { "found" } else { "NOT FOUND" },
        want.join(", "),
        got.join(", ")
    )
}

fn short(g: &Got) -> String {
    match g {
        Got::Count(c, b) => {
            format!("{:?} {:?} [{}, {:?}] {:?}", c.qualifier, c.stated, c.min, c.max, b.map(|b| interval(&b)))
        }
        Got::Ordinal(v) => format!("ordinal {v}"),
        Got::Date(d) => format!("{d:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Reading the spec files

fn load_cases(path: &Path, spec: &Spec) -> Result<Vec<Case>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let text = text.trim_start_matches('\u{feff}');
    let json: Json = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let items = json.as_array().ok_or("not a JSON array")?;
    let mut cases = Vec::new();
    for item in items {
        if spec.path.starts_with("duckling/") {
            cases.extend(duckling_cases(item, spec));
        } else {
            cases.push(recognizers_case(item, spec));
        }
    }
    Ok(cases)
}

fn civil(s: &str) -> Option<CivilDate> {
    let s = s.get(..10)?;
    let p: Vec<&str> = s.split('-').collect();
    if p.len() != 3 {
        return None;
    }
    Some(CivilDate { year: p[0].parse().ok()?, month: p[1].parse().ok()?, day: p[2].parse().ok()? })
}

/// Byte range of the characters `start..start + len` of `text`.
fn char_span(text: &str, start: usize, len: usize) -> Range<usize> {
    let byte = |i: usize| text.char_indices().nth(i).map_or(text.len(), |(b, _)| b);
    byte(start)..byte(start + len)
}

fn recognizers_case(item: &Json, spec: &Spec) -> Case {
    let input = item["Input"].as_str().unwrap_or_default().to_string();
    let reference = item["Context"]["ReferenceDateTime"].as_str().and_then(civil);
    let mut case = Case { input, reference, expected: Vec::new(), skip: None, class: Class::default() };
    let names = |key: &str| item[key].as_str().unwrap_or_default().to_lowercase();
    if let Some(reason) = spec.out_of_scope {
        case.skip = Some(reason.to_string());
        return case;
    }
    if names("NotSupported").contains("dotnet") || names("NotSupportedByDesign").contains("dotnet") {
        case.skip = Some("NotSupported names dotnet (the reference implementation fails it)".into());
        return case;
    }
    if item["Comment"].as_str().is_some_and(|c| c.contains("CalendarMode")) {
        case.skip = Some("calendar mode only".into());
        return case;
    }
    let empty = Vec::new();
    let results = item["Results"].as_array().unwrap_or(&empty);
    let types: Vec<&str> =
        results.iter().filter_map(|r| r["TypeName"].as_str()).map(|t| t.trim_start_matches("datetimeV2.")).collect();
    case.class = Class::of(&types);
    for r in results {
        let type_name =
            r["TypeName"].as_str().or(r["Typename"].as_str()).or(r["Type"].as_str()).unwrap_or_default().to_string();
        let ty = type_name.trim_start_matches("datetimeV2.");
        let reason = match ty {
            "time" | "datetime" | "timerange" | "datetimerange" | "datetimealt" => Some("time of day"),
            "timezone" => Some("time zone"),
            "set" => Some("recurring set"),
            "ordinal.relative" => Some("relative ordinal (last, next, previous: a place in a list, not a number)"),
            _ => None,
        };
        if let Some(reason) = reason {
            case.skip = Some(reason.into());
            return case;
        }
        let start = r["Start"].as_u64().unwrap_or(0) as usize;
        let len = match (r["End"].as_u64(), r["Length"].as_u64()) {
            (Some(end), _) => end as usize + 1 - start,
            (None, Some(len)) => len as usize,
            _ => r["Text"].as_str().map_or(0, |t| t.chars().count()),
        };
        let span = char_span(&case.input, start, len);
        let want = recognizers_want(spec, ty, r);
        case.expected.push(Expect { span, want });
    }
    case
}

fn number(v: &Json) -> Option<f64> {
    v.as_str().and_then(|s| s.parse().ok()).or_else(|| v.as_f64())
}

fn recognizers_want(spec: &Spec, ty: &str, r: &Json) -> Want {
    let res = &r["Resolution"];
    match spec.kind {
        Kind::Numbers => number(&res["value"]).map_or(Want::Unresolvable, Want::Number),
        Kind::Ordinals => number(&res["value"]).map_or(Want::Unresolvable, Want::Ordinal),
        Kind::Ranges => res["value"].as_str().and_then(parse_interval).map_or(Want::Unresolvable, Want::Interval),
        Kind::Dates => {
            if spec.name.ends_with("Extractor") {
                return Want::Span;
            }
            if !r["Value"].is_null() {
                // Parser specs: Value { FutureResolution, PastResolution }.
                let v = &r["Value"];
                let mut days = Vec::new();
                for key in ["PastResolution", "FutureResolution"] {
                    let res = &v[key];
                    if let Some(d) = res["duration"].as_str().and_then(|s| s.parse().ok()) {
                        return Want::Seconds(d);
                    }
                    if let Some(d) = res["date"].as_str().and_then(civil) {
                        days.push((Some(d), Some(add_days(d, 1))));
                    } else if res["startDate"].is_string() || res["endDate"].is_string() {
                        days.push((res["startDate"].as_str().and_then(civil), res["endDate"].as_str().and_then(civil)));
                    }
                }
                return if days.is_empty() { Want::Unresolvable } else { Want::Days(days) };
            }
            let empty = Vec::new();
            let values = res["values"].as_array().unwrap_or(&empty);
            let mut days = Vec::new();
            for v in values {
                match ty {
                    "duration" => {
                        if let Some(s) = number(&v["value"]) {
                            return Want::Seconds(s);
                        }
                    }
                    "date" => {
                        if let Some(d) = v["value"].as_str().and_then(civil) {
                            days.push((Some(d), Some(add_days(d, 1))));
                        }
                    }
                    _ => {
                        let (mut s, mut e) = (v["start"].as_str().and_then(civil), v["end"].as_str().and_then(civil));
                        // Open at one end of a range ("after 2016"), Recognizers writes the day past
                        // the range, as this runner does; open at one end of a day ("after January
                        // 1, 2007", "as late as tomorrow"), it writes the day itself and leaves in
                        // the Mod whether that day is in: "after" leaves it out, "until" keeps it.
                        if v["timex"].as_str().is_some_and(names_one_day) {
                            match v["Mod"].as_str() {
                                Some("after") => s = s.map(|d| add_days(d, 1)),
                                Some("until") => e = e.map(|d| add_days(d, 1)),
                                _ => {}
                            }
                        }
                        if s.is_some() || e.is_some() {
                            days.push((s, e));
                        }
                    }
                }
            }
            if days.is_empty() { Want::Unresolvable } else { Want::Days(days) }
        }
    }
}

/// A timex of one day, "2018-06-12" or "XXXX-06-15" (any year), not a week, a month or a year.
fn names_one_day(timex: &str) -> bool {
    let b = timex.as_bytes();
    b.len() == 10 && b[4] == b'-' && b[7] == b'-' && [5, 6, 8, 9].iter().all(|&i| b[i].is_ascii_digit())
}

/// "(30,)", "[20,30)", "(,100]".
fn parse_interval(s: &str) -> Option<Interval> {
    let s = s.trim();
    let lo_closed = s.starts_with('[');
    let hi_closed = s.ends_with(']');
    let inner = s.get(1..s.len() - 1)?;
    let (a, b) = inner.split_once(',')?;
    let end = |x: &str, closed: bool| -> Option<Option<(f64, bool)>> {
        let x = x.trim();
        if x.is_empty() { Some(None) } else { Some(Some((x.parse().ok()?, closed))) }
    };
    Some(Interval { lo: end(a, lo_closed)?, hi: end(b, hi_closed)? })
}

fn duckling_cases(item: &Json, spec: &Spec) -> Vec<Case> {
    let empty = Vec::new();
    let inputs = item["inputs"].as_array().unwrap_or(&empty);
    let section = item["section"].as_str().unwrap_or_default();
    let grain = item["grain"].as_str().unwrap_or_default().to_lowercase();
    let reference = Some(DUCKLING_NOW);
    let mut cases = Vec::new();
    for input in inputs.iter().filter_map(Json::as_str) {
        let whole = 0..input.len();
        let mut case =
            Case { input: input.to_string(), reference, expected: Vec::new(), skip: None, class: Class::default() };
        if section == "negativeCorpus" {
            cases.push(case);
            continue;
        }
        let want = match spec.kind {
            Kind::Numbers => number(&item["value"]).map(Want::Number),
            Kind::Ordinals => number(&item["value"]).map(Want::Ordinal),
            Kind::Ranges => None,
            Kind::Dates if spec.name.ends_with("Duration") => duckling_duration(item),
            Kind::Dates => {
                if matches!(grain.as_str(), "hour" | "minute" | "second") {
                    case.skip = Some("time of day".into());
                    cases.push(case);
                    continue;
                }
                duckling_time(item, &grain)
            }
        };
        case.expected.push(Expect { span: whole, want: want.unwrap_or(Want::Unresolvable) });
        cases.push(case);
    }
    cases
}

fn duckling_duration(item: &Json) -> Option<Want> {
    // "DurationData 2 Minute"
    let expr = item["expr"].as_str()?;
    let mut words = expr.split_whitespace().skip(1);
    let amount: f64 = words.next()?.parse().ok()?;
    let unit = DurationUnit::from_name(words.next()?)?;
    Some(Want::Duration(amount, unit))
}

fn duckling_time(item: &Json, grain: &str) -> Option<Want> {
    let tuples = item["tuples"].as_array()?;
    let date = |t: &Json| -> Option<CivilDate> {
        let t = t.as_array()?;
        Some(CivilDate {
            year: t.first()?.as_i64()? as i32,
            month: t.get(1)?.as_u64()? as u32,
            day: t.get(2)?.as_u64()? as u32,
        })
    };
    let start = date(tuples.first()?)?;
    // A holiday is the day its expression names, `datetimeHoliday (2014, 1, 31, 0, 0, 0) Day
    // "Chinese New Year"`, whatever grain the corpus lists beside it (Year for some).
    let expr_grain = item["expr"].as_str().and_then(|e| e.strip_prefix("datetimeHoliday ")?.split(") ").nth(1));
    let expr_grain = expr_grain.and_then(|g| g.split_whitespace().next()).map(str::to_lowercase);
    let grain = expr_grain.as_deref().unwrap_or(grain);
    // "since 2014": an interval open at one end, After or Before its one point.
    let expr = item["expr"].as_str().unwrap_or_default();
    if let Some(side) = expr.strip_prefix("datetimeOpenInterval ") {
        let end = if side.starts_with("After") { (Some(start), None) } else { (None, Some(start)) };
        return Some(Want::Days(vec![end]));
    }
    let end = match tuples.get(1) {
        Some(t) => date(t)?,
        None => match grain {
            "day" => add_days(start, 1),
            "week" => add_days(start, 7),
            "month" => add_months(start, 1),
            "quarter" => add_months(start, 3),
            "year" => add_months(start, 12),
            _ => return None,
        },
    };
    Some(Want::Days(vec![(Some(start), Some(end))]))
}

fn add_months(d: CivilDate, n: i32) -> CivilDate {
    let m = d.year * 12 + d.month as i32 - 1 + n;
    CivilDate { year: m.div_euclid(12), month: m.rem_euclid(12) as u32 + 1, day: d.day }
}

// ---------------------------------------------------------------------------------------------
// The ratchet: per-file value-correct counts that may only go up.

fn write_ratchet(path: &Path, counts: &BTreeMap<String, usize>) -> std::io::Result<()> {
    let mut out = String::from(
        "# Value-correct cases per peer spec file (cargo run --release --example conformance -- ../shared/peer-specs).\n\
         # `--check` fails when a count drops below the one recorded here; `--write` records the current counts.\n\
         [value_correct]\n",
    );
    for (name, n) in counts {
        out.push_str(&format!("{name:?} = {n}\n"));
    }
    if let Some(parent) = path.parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, out)
}

fn check_ratchet(path: &Path, counts: &BTreeMap<String, usize>) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let table: toml::Table = toml::from_str(&text).map_err(|e| e.to_string())?;
    let recorded = table.get("value_correct").and_then(|v| v.as_table()).ok_or("no [value_correct] table")?;
    let mut drops = Vec::new();
    for (name, v) in recorded {
        let want = v.as_integer().ok_or_else(|| format!("{name}: not a number"))? as usize;
        match counts.get(name) {
            Some(&now) if now < want => drops.push(format!("{name}: {now} < {want} recorded")),
            Some(_) => {}
            None => drops.push(format!("{name}: recorded but no longer measured")),
        }
    }
    Ok(drops)
}
