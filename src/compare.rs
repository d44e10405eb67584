//! Stage 4: judge the claims of each topic. Interval semantics: two claims conflict when no value
//! satisfies both. Agreement is silent.
//!
//! | code | check | severity | when |
//! |---|---|---|---|
//! | FL001 | count-conflict | error | counts that cannot all be true (84 against "nearly 100") |
//! | FL002 | count-divergence | warning | compatible only loosely: bounds far apart, or a vague amount that misstates a precise one |
//! | FL003 | date-conflict | error | dates or years that cannot all be true (March 22 against March 23); event dates further apart than `same_event_days` are taken for different events at one place, and an article that gives two days in a row for one event conflicts with neither |
//! | FL004 | name-variant | info | one name spelled several ways (Soleimani / Suleimani) |

use crate::extract::calendar::{days_from_civil, days_in_month, weekday};
use crate::extract::{date, number};
use crate::model::{
    AlignedFact, CivilDate, ClaimRole, Count, DateValue, Document, Fact, Finding, Qualifier, Severity, TopicKey, Value,
};
use crate::rules::{Rule, Trend, ValueKind};
use crate::thresholds::Thresholds;
use std::collections::{BTreeMap, BTreeSet};

/// A check: its stable code, name, and the text `factlint explain` and SARIF show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub explanation: &'static str,
    pub example: &'static str,
    pub resolve: &'static str,
}

pub const CHECKS: &[Check] = &[
    Check {
        code: "FL001",
        name: "count-conflict",
        severity: Severity::Error,
        summary: "Counts of one topic that cannot all be true",
        explanation: "Each count is read as the interval its qualifier allows (\"at least 143\" is 143 or more, \"nearly 100\" is just under 100). When no single number satisfies every claim, at least one source is wrong or out of date.",
        example: "One article: the bombings killed 84 people. Another: they killed nearly 100 people. 84 is not \"nearly 100\".",
        resolve: "Check which figure the sources' own sources give and when; a toll that grows with the publication date is usually an update.",
    },
    Check {
        code: "FL002",
        name: "count-divergence",
        severity: Severity::Warning,
        summary: "Counts of one topic that agree only loosely",
        explanation: "The claims can all be true, but barely: two lower bounds far apart (\"more than 62\" and \"at least 143\"), or a vague amount whose documented range misses a precise figure (\"dozens\" against 170).",
        example: "One article: more than 62 people died. A later one: at least 143.",
        resolve: "Check whether the lower figure is an early count, and whether the vague wording understates what other sources report.",
    },
    Check {
        code: "FL003",
        name: "date-conflict",
        severity: Severity::Error,
        summary: "Dates or years of one topic that cannot all be true",
        explanation: "Dates are compared at the granularity both give: a month-day without a year still conflicts with another month-day; a weekday conflicts with a full date that fell on another day.",
        example: "One article: the attack took place on March 22. Another: on March 23.",
        resolve: "Check the date against a primary source; mind time zones and night-time events that straddle midnight.",
    },
    Check {
        code: "FL004",
        name: "name-variant",
        severity: Severity::Info,
        summary: "One name spelled in several ways",
        explanation: "Names whose words are each equal or nearly equal (Jaro-Winkler similarity at or above the threshold) are read as spellings of one name. Transliterations differ legitimately, but a publication usually wants one.",
        example: "Qassem Soleimani, Qassim Suleimani, Qassem Soleiman.",
        resolve: "Pick the house spelling and check that no variant is a different person.",
    },
    Check {
        code: "FL005",
        name: "weekday-slip",
        severity: Severity::Info,
        summary: "A date written with a weekday it does not fall on",
        explanation: "A date that names its weekday (\"Saturday, June 2\") is checked against the calendar, in the year the text gives or, without one, the year nearest the publication date whose weekday agrees. When none does, the text contradicts itself. Where another article names another weekday for the same topic, the date conflict (FL003) shows it instead.",
        example: "Written in 2023: the crash happened on Saturday, June 2. June 2, 2023 was a Friday.",
        resolve: "Check both the day and the weekday against a primary source: one of them is wrong.",
    },
];

pub fn check(code_or_name: &str) -> Option<&'static Check> {
    CHECKS.iter().find(|c| c.code.eq_ignore_ascii_case(code_or_name) || c.name == code_or_name)
}

fn by_code(code: &str) -> &'static Check {
    check(code).expect("known check code")
}

/// Compares the claims of every topic. Findings come out sorted by topic.
pub fn compare(docs: &[Document], facts: &[AlignedFact], rules: &[Rule], t: &Thresholds) -> Vec<Finding> {
    let rule_of: BTreeMap<&str, &Rule> = rules.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut topics: BTreeMap<&TopicKey, Vec<&Fact>> = BTreeMap::new();
    for f in facts {
        if let Some(topic) = &f.topic {
            topics.entry(topic).or_default().push(&f.fact);
        }
    }
    let published: Vec<Option<CivilDate>> = docs.iter().map(|d| d.meta.published).collect();
    let mut findings = Vec::new();
    for (topic, mut claims) in topics {
        claims.sort_by_key(|f| (f.doc, f.span.start));
        claims.dedup_by_key(|f| (f.doc, f.span.clone()));
        if claims.len() < 2 {
            findings.extend(weekday_slips(topic, &claims, &published));
            continue;
        }
        let rule = rule_of.get(claims[0].rule.as_str());
        let finding = match &claims[0].value {
            Value::Count(_) => compare_counts(topic, &claims, &published, rule.map_or(Trend::Rising, |r| r.trend), t),
            Value::Date(_) => {
                // Event dates far apart are different events at one place, not one event misdated.
                let event_date = rule.is_some_and(|r| r.kind == ValueKind::Date);
                let window = event_date.then_some(t.same_event_days);
                compare_dates(topic, &claims, window)
            }
            Value::Name { .. } => compare_names(topic, &claims),
        };
        // A date conflict lists every claim of its topic, a slip among them.
        let slips = if finding.is_none() { weekday_slips(topic, &claims, &published) } else { None };
        findings.extend(finding);
        findings.extend(slips);
    }
    findings
}

fn count_of(f: &Fact) -> Option<&Count> {
    match &f.value {
        Value::Count(c) => Some(c),
        _ => None,
    }
}

fn overlap(a: &Count, b: &Count) -> bool {
    let a_max = a.max.unwrap_or(f64::INFINITY);
    let b_max = b.max.unwrap_or(f64::INFINITY);
    // Two lengths that only touch are rounding neighbours: "3 metres" (2.5 to 3.5) and "4 metres"
    // (3.5 to 4.5) disagree.
    if a.unit.is_some() && b.unit.is_some() {
        return a.min < b_max && b.min < a_max;
    }
    a.min <= b_max && b.min <= a_max
}

fn is_hard(c: &Count) -> bool {
    !matches!(c.qualifier, Qualifier::Vague | Qualifier::Unbounded)
}

fn compare_counts(
    topic: &TopicKey,
    claims: &[&Fact],
    published: &[Option<CivilDate>],
    trend: Trend,
    t: &Thresholds,
) -> Option<Finding> {
    let counts: Vec<(&Fact, &Count)> = claims.iter().filter_map(|f| Some((*f, count_of(f)?))).collect();
    let hard: Vec<&(&Fact, &Count)> = counts.iter().filter(|(_, c)| is_hard(c)).collect();
    let compatible = |a: &(&Fact, &Count), b: &(&Fact, &Count)| match (trend, years_between(published, a.0, b.0)) {
        (Trend::Ageing, Some(years)) => ages_agree(a.1, b.1, years),
        _ => overlap(a.1, b.1),
    };
    let conflicting: Vec<(usize, usize)> = pairs(&counts, |a, b| is_hard(a.1) && is_hard(b.1) && !compatible(a, b));
    let subject = &topic.subject;
    let attribute = &topic.attribute;
    if !conflicting.is_empty() {
        let roles = majority(&counts, compatible);
        let mut message = format!("{subject} — {attribute}: the sources give {}", list_readings(claims, true));
        let help = if let Some(direction) = update_direction(trend).filter(|_| follows_trend(&hard, published, trend)) {
            message.push_str(&format!(" (likely an updated count: later reports give {direction} figures)"));
            format!(
                "Later articles report {direction} figures: check that each article gives the latest count, or says when its count was made."
            )
        } else if trend == Trend::Steady {
            format!("{STEADY_HELP}: later reports do not revise it.")
        } else if trend == Trend::Ageing {
            AGEING_HELP.to_string()
        } else {
            by_code("FL001").resolve.to_string()
        };
        return Some(finding("FL001", topic, message, help, claims, roles));
    }
    // Loose agreement: a vague amount outside a precise figure, or bounds far apart.
    let vague_miss = pairs(&counts, |a, b| {
        (a.1.qualifier == Qualifier::Vague || b.1.qualifier == Qualifier::Vague)
            && a.1.qualifier != Qualifier::Unbounded
            && b.1.qualifier != Qualifier::Unbounded
            && !overlap(a.1, b.1)
    });
    let lower: Vec<f64> = hard
        .iter()
        .filter(|(_, c)| matches!(c.qualifier, Qualifier::AtLeast | Qualifier::MoreThan))
        .map(|(_, c)| c.min)
        .collect();
    let upper: Vec<f64> = hard
        .iter()
        .filter(|(_, c)| matches!(c.qualifier, Qualifier::AtMost | Qualifier::LessThan))
        .filter_map(|(_, c)| c.max)
        .collect();
    let spread = |v: &[f64]| {
        let (lo, hi) = v.iter().fold((f64::INFINITY, 0.0f64), |(lo, hi), x| (lo.min(*x), hi.max(*x)));
        v.len() >= 2 && lo > 0.0 && hi / lo >= t.diverge_ratio
    };
    let diverging = spread(&lower) || spread(&upper);
    if vague_miss.is_empty() && !diverging {
        return None;
    }
    let why = if !vague_miss.is_empty() {
        "a vague amount does not fit a precise figure"
    } else {
        "the bounds are far apart"
    };
    let mut message = format!("{subject} — {attribute}: {why}: {}", list_readings(claims, false));
    if update_direction(trend).is_some() && diverging && follows_trend(&hard, published, trend) {
        message.push_str(" (likely an updated count)");
    }
    let help = if vague_miss.is_empty() && trend == Trend::Steady {
        &format!("{STEADY_HELP}.")
    } else if vague_miss.is_empty() {
        "Check whether the lower figure is an early count that later reports updated."
    } else {
        "Check whether the vague wording understates or overstates the precise figure other sources give."
    };
    let roles = vec![None; claims.len()];
    Some(finding("FL002", topic, message, help.to_string(), claims, roles))
}

/// What to check when sources disagree on a steady figure (a magnitude, a width).
const STEADY_HELP: &str = "Check which figure the sources' own sources give, and whether they measured the same thing";

/// What to check when sources disagree on a person's age beyond the years between them.
const AGEING_HELP: &str = "Check the age against a primary source, and whether the sources name the same person: the years between the articles do not explain the difference.";

/// The years from `a`'s article to `b`'s, by their publication dates (negative when `b`'s is
/// earlier); None when either is undated.
fn years_between(published: &[Option<CivilDate>], a: &Fact, b: &Fact) -> Option<f64> {
    let day = |f: &Fact| published.get(f.doc).copied().flatten().map(crate::extract::calendar::days_from_civil);
    Some((day(b)? - day(a)?) as f64 / 365.2425)
}

/// Whether an age given in one article and one given `years` later can be the same person's: the
/// later is older by the whole years between, or by one more where a birthday can have come,
/// unless less than a month would have had to hold it (19 in January 2024 agrees with 20 in March
/// 2025 and with 19 in December 2024; 19 and 20 a day apart do not, nor 19 and 21 a year apart).
fn ages_agree(a: &Count, b: &Count, years: f64) -> bool {
    let (earlier, later, years) = if years < 0.0 { (b, a, -years) } else { (a, b, years) };
    let least = years.floor();
    let most = (years - 1.0 / 12.0).ceil().max(least);
    let (earlier_max, later_max) = (earlier.max.unwrap_or(f64::INFINITY), later.max.unwrap_or(f64::INFINITY));
    later.min - earlier_max <= most && later_max - earlier.min >= least
}

/// Which way a report that follows `trend` moves an updated count: a toll, the number of people
/// arrested or rescued go higher, the number of the missing lower; a steady fact is never updated.
fn update_direction(trend: Trend) -> Option<&'static str> {
    match trend {
        Trend::Rising => Some("higher"),
        Trend::Falling => Some("lower"),
        Trend::Steady | Trend::Ageing => None,
    }
}

/// True when publication dates are known for the claims and each later article's figure is at
/// least as high as every earlier one's, with some strictly higher (for a falling trend: as low,
/// some strictly lower), and no two figures of one day conflict.
fn follows_trend(hard: &[&(&Fact, &Count)], published: &[Option<CivilDate>], trend: Trend) -> bool {
    let mut dated: Vec<(CivilDate, f64)> = Vec::new();
    let mut by_day: Vec<(CivilDate, &Count)> = Vec::new();
    for (f, c) in hard {
        let Some(p) = published.get(f.doc).copied().flatten() else { return false };
        dated.push((p, if trend == Trend::Falling { -c.min } else { c.min }));
        by_day.push((p, c));
    }
    // Two figures of one day that cannot both be true are no update of each other.
    if !pairs(&by_day, |a, b| a.0 == b.0 && !overlap(a.1, b.1)).is_empty() {
        return false;
    }
    dated.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let rising = dated.windows(2).all(|w| w[0].0 == w[1].0 || w[0].1 <= w[1].1);
    let distinct_days = dated.iter().map(|d| d.0).collect::<BTreeSet<_>>().len() > 1;
    rising && distinct_days && dated.first().map(|d| d.1) < dated.last().map(|d| d.1)
}

fn pairs<T>(items: &[T], mut pred: impl FnMut(&T, &T) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 0..items.len() {
        for j in i + 1..items.len() {
            if pred(&items[i], &items[j]) {
                out.push((i, j));
            }
        }
    }
    out
}

/// With three or more documents: the reading that the most documents support (a document
/// supports a reading when one of its claims fits it) is the majority when no other reading ties
/// it; claims that do not fit it are outliers.
fn majority<T>(
    claims: &[(&Fact, T)],
    compatible: impl Fn(&(&Fact, T), &(&Fact, T)) -> bool,
) -> Vec<Option<&'static str>> {
    let docs: BTreeSet<usize> = claims.iter().map(|c| c.0.doc).collect();
    let none = vec![None; claims.len()];
    if docs.len() < 3 {
        return none;
    }
    let support: Vec<usize> = claims
        .iter()
        .map(|c| claims.iter().filter(|o| compatible(c, o)).map(|o| o.0.doc).collect::<BTreeSet<_>>().len())
        .collect();
    let best = *support.iter().max().unwrap_or(&0);
    let leaders: Vec<usize> = (0..claims.len()).filter(|&i| support[i] == best).collect();
    // Every leader must fit every other leader, or there are rival readings.
    let one_reading = leaders.iter().all(|&i| leaders.iter().all(|&j| compatible(&claims[i], &claims[j])));
    if best < 2 || !one_reading || best * 2 <= docs.len() {
        return none;
    }
    let leader = leaders[0];
    claims.iter().map(|c| Some(if compatible(c, &claims[leader]) { "majority" } else { "outlier" })).collect()
}

fn list_readings(claims: &[&Fact], with_counts: bool) -> String {
    let mut seen: Vec<(String, BTreeSet<usize>)> = Vec::new();
    for f in claims {
        let r = short_reading(f);
        match seen.iter_mut().find(|(s, _)| *s == r) {
            Some((_, docs)) => {
                docs.insert(f.doc);
            }
            None => seen.push((r, BTreeSet::from([f.doc]))),
        }
    }
    seen.iter()
        .map(|(r, docs)| {
            if with_counts && seen.len() > 1 && docs.len() > 1 {
                format!("{r} ({} sources)", docs.len())
            } else {
                r.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" vs ")
}

/// The reading as a message lists it: "≥ 143", "nearly 100", "dozens", "March 22".
fn short_reading(f: &Fact) -> String {
    match &f.value {
        Value::Count(c) => number::short_reading(c),
        Value::Date(d) => {
            date::reading(d).replace(" (year unknown)", "").replace(" (unresolved: no publication date)", "")
        }
        Value::Name { name } => name.clone(),
    }
}

fn finding(
    code: &'static str,
    topic: &TopicKey,
    message: String,
    help: String,
    claims: &[&Fact],
    roles: Vec<Option<&'static str>>,
) -> Finding {
    let check = by_code(code);
    Finding {
        code,
        check: check.name,
        severity: check.severity,
        topic: topic.clone(),
        message,
        help,
        claims: claims
            .iter()
            .zip(roles)
            .map(|(f, role)| ClaimRole { fact: (*f).clone(), reading: crate::extract::reading(&f.value), role })
            .collect(),
    }
}

/// Whether two dates can both be true, compared at the granularity both give; None = the texts
/// do not say enough to tell.
pub fn dates_compatible(a: &DateValue, b: &DateValue) -> Option<bool> {
    let weekday_only = |d: &DateValue| d.weekday.filter(|_| d.day.is_none());
    match (weekday_only(a), weekday_only(b)) {
        (Some(x), Some(y)) => return Some(x == y),
        (Some(w), None) => return date::full_date(b).map(|d| weekday(d) == w),
        (None, Some(w)) => return date::full_date(a).map(|d| weekday(d) == w),
        (None, None) => {}
    }
    if a.unresolved.is_some() || b.unresolved.is_some() {
        return None;
    }
    // "Saturday, June 2" against "Friday, June 2" (or "on Friday", resolved to June 2): the day
    // agrees, the weekday the texts give does not.
    if let (Some(x), Some(y)) = (a.weekday, b.weekday)
        && x != y
    {
        return Some(false);
    }
    let mut compared = false;
    if let (Some(x), Some(y)) = (a.year, b.year) {
        if x != y {
            return Some(false);
        }
        compared = true;
    }
    if let (Some(x), Some(y)) = (a.month, b.month) {
        if x != y {
            return Some(false);
        }
        compared = true;
        if let (Some(x), Some(y)) = (a.day, b.day)
            && x != y
        {
            return Some(false);
        }
    }
    compared.then_some(true)
}

/// The least number of days between two dates as far as the texts tell (None = cannot tell).
fn days_apart(a: &DateValue, b: &DateValue) -> Option<i64> {
    let (ya, yb) = (a.year.or(b.year)?, b.year.or(a.year)?);
    let first = |d: &DateValue, y: i32| -> Option<(i64, i64)> {
        let (m_lo, m_hi) = match d.month {
            Some(m) => (m, m),
            None => (1, 12),
        };
        let lo = CivilDate { year: y, month: m_lo, day: d.day.unwrap_or(1) };
        let hi = CivilDate { year: y, month: m_hi, day: d.day.unwrap_or(days_in_month(y, m_hi)) };
        Some((days_from_civil(lo), days_from_civil(hi)))
    };
    let (a_lo, a_hi) = first(a, ya)?;
    let (b_lo, b_hi) = first(b, yb)?;
    Some(if a_hi < b_lo {
        b_lo - a_hi
    } else if b_hi < a_lo {
        a_lo - b_hi
    } else {
        0
    })
}

fn compare_dates(topic: &TopicKey, claims: &[&Fact], window: Option<i64>) -> Option<Finding> {
    let dates: Vec<(&Fact, &DateValue)> = claims
        .iter()
        .filter_map(|f| match &f.value {
            Value::Date(d) => Some((*f, d)),
            _ => None,
        })
        .collect();
    let same_event = |a: &DateValue, b: &DateValue| match (window, days_apart(a, b)) {
        (Some(w), Some(days)) => days <= w,
        _ => true,
    };
    // "Gunmen seized the mall on Friday evening ... troops stormed it on Saturday morning": an
    // article that itself gives two days in a row tells of an event that ran past midnight, and
    // no other article's date it gives too is a conflict with it.
    let overnight = |x: &(&Fact, &DateValue), y: &(&Fact, &DateValue)| {
        days_apart(x.1, y.1).is_some_and(|d| d <= 1)
            && dates.iter().any(|z| z.0.doc == x.0.doc && dates_compatible(z.1, y.1) == Some(true))
    };
    let conflicts = pairs(&dates, |a, b| {
        dates_compatible(a.1, b.1) == Some(false) && same_event(a.1, b.1) && !overnight(a, b) && !overnight(b, a)
    });
    if conflicts.is_empty() {
        return None;
    }
    let roles = majority(&dates, |a, b| dates_compatible(a.1, b.1) == Some(true));
    let message = format!("{} — {}: the sources give {}", topic.subject, topic.attribute, list_readings(claims, true));
    let years_only = dates.iter().all(|(_, d)| d.month.is_none() && d.weekday.is_none());
    // "Friday" and "Saturday, June 2" both read as June 2: only a weekday is wrong.
    let day = |d: &DateValue| d.day.map(|day| (d.year, d.month, day));
    let one_day = conflicts.iter().all(|&(i, j)| day(dates[i].1).is_some() && day(dates[i].1) == day(dates[j].1));
    let help = if years_only {
        "Check the year against a primary or reference source; one of the articles may count from a different milestone."
    } else if one_day {
        by_code("FL005").resolve
    } else {
        by_code("FL003").resolve
    };
    Some(finding("FL003", topic, message, help.to_string(), claims, roles))
}

/// How far from its article's publication a slip is told: further off, the year the scanner chose
/// for a date written without one may be the wrong one ("a year ago, ... on Sunday, April 16").
const SLIP_DAYS: i64 = 183;

/// The dates of a topic whose text names a weekday they do not fall on.
fn weekday_slips(topic: &TopicKey, claims: &[&Fact], published: &[Option<CivilDate>]) -> Option<Finding> {
    let near_publication = |f: &Fact, slip: date::WeekdaySlip| {
        published[f.doc].is_none_or(|p| (days_from_civil(slip.date) - days_from_civil(p)).abs() <= SLIP_DAYS)
    };
    let slipped: Vec<&Fact> = claims
        .iter()
        .copied()
        .filter(|f| matches!(&f.value, Value::Date(d) if date::weekday_slip(d).is_some_and(|slip| near_publication(f, slip))))
        .collect();
    if slipped.is_empty() {
        return None;
    }
    let readings: BTreeSet<String> = slipped.iter().map(|f| short_reading(f)).collect();
    let readings = readings.into_iter().collect::<Vec<_>>().join("; ");
    let message = format!("{} — {}: the weekday does not fit the date: {readings}", topic.subject, topic.attribute);
    let roles = vec![None; slipped.len()];
    Some(finding("FL005", topic, message, by_code("FL005").resolve.to_string(), &slipped, roles))
}

fn compare_names(topic: &TopicKey, claims: &[&Fact]) -> Option<Finding> {
    // One claim per document and spelling is enough to show the variants.
    let mut shown: Vec<&Fact> = Vec::new();
    for f in claims {
        if !shown.iter().any(|s| s.doc == f.doc && s.value == f.value) {
            shown.push(f);
        }
    }
    let spellings: BTreeSet<String> = shown.iter().map(|f| short_reading(f)).collect();
    if spellings.len() < 2 {
        return None;
    }
    let message =
        format!("{} — spelled differently: {}", topic.subject, spellings.into_iter().collect::<Vec<_>>().join(" / "));
    let roles = vec![None; shown.len()];
    Some(finding("FL004", topic, message, by_code("FL004").resolve.to_string(), &shown, roles))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: Option<i32>, m: Option<u32>, day: Option<u32>, wd: Option<u32>) -> DateValue {
        DateValue { year: y, month: m, day, weekday: wd, unresolved: None }
    }

    #[test]
    fn dates_compare_at_the_common_granularity() {
        assert_eq!(dates_compatible(&d(None, Some(3), Some(22), None), &d(None, Some(3), Some(23), None)), Some(false));
        assert_eq!(
            dates_compatible(&d(Some(2024), Some(3), None, None), &d(Some(2024), Some(3), Some(22), None)),
            Some(true)
        );
        assert_eq!(dates_compatible(&d(Some(2015), None, None, None), &d(Some(2014), None, None, None)), Some(false));
        assert_eq!(dates_compatible(&d(Some(2021), None, None, None), &d(Some(2021), Some(8), None, None)), Some(true));
    }

    #[test]
    fn a_weekday_checks_against_a_full_date_only() {
        let friday = d(None, None, None, Some(4));
        assert_eq!(dates_compatible(&friday, &d(Some(2024), Some(3), Some(22), None)), Some(true));
        assert_eq!(dates_compatible(&friday, &d(Some(2024), Some(3), Some(23), None)), Some(false));
        assert_eq!(dates_compatible(&friday, &d(None, Some(3), Some(23), None)), None, "no year, no weekday");
        assert_eq!(dates_compatible(&friday, &d(None, None, None, Some(5))), Some(false));
    }

    #[test]
    fn a_weekday_written_beside_a_date_is_a_claim_of_its_own() {
        // June 2, 2023 was a Friday: "Saturday, June 2" slips, and conflicts with "Friday" read as
        // June 2, not with a plain "June 2".
        let (saturday, friday) = (d(Some(2023), Some(6), Some(2), Some(5)), d(Some(2023), Some(6), Some(2), Some(4)));
        let june_2 = CivilDate { year: 2023, month: 6, day: 2 };
        assert_eq!(date::weekday_slip(&saturday), Some(date::WeekdaySlip { date: june_2, stated: 5, actual: 4 }));
        assert_eq!(date::weekday_slip(&friday), None);
        assert_eq!(date::weekday_slip(&d(None, Some(6), Some(2), Some(5))), None, "no year, no calendar to check");
        assert_eq!(dates_compatible(&saturday, &friday), Some(false));
        assert_eq!(dates_compatible(&saturday, &d(Some(2023), Some(6), Some(2), None)), Some(true));
        assert_eq!(crate::extract::reading(&Value::Date(saturday)), "2023-06-02 (Friday; the text says Saturday)");
    }

    #[test]
    fn lengths_that_only_touch_disagree() {
        let length = |min: f64, max: f64| Count {
            qualifier: Qualifier::Exact,
            stated: Some((min + max) / 2.0),
            min,
            max: Some(max),
            word: None,
            unit: Some("m".into()),
        };
        // "3 metres" against "4 metres", "3.2" against "3.25".
        assert!(!overlap(&length(2.5, 3.5), &length(3.5, 4.5)));
        assert!(overlap(&length(2.5, 3.5), &length(3.15, 3.25)));
        // Head counts are whole: 3 to 4 and 4 to 5 share the 4.
        let count = |min: f64, max: f64| Count { unit: None, ..length(min, max) };
        assert!(overlap(&count(3.0, 4.0), &count(4.0, 5.0)));
    }

    #[test]
    fn every_check_has_its_texts() {
        for c in CHECKS {
            assert!(c.code.starts_with("FL") && !c.summary.is_empty() && !c.explanation.is_empty());
            assert_eq!(check(c.name), Some(c));
        }
    }
}
