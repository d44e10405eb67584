//! Proleptic Gregorian calendar arithmetic (no time zones, no times of day), and the days of
//! the other calendars that holidays follow: the Julian computus of Orthodox Easter, the Hebrew
//! calendar and the Parsi (Shahenshahi) year computed exactly; the Islamic calendar of Umm al-Qura,
//! the Chinese New Year and the Indian lunisolar and solar calendars from the tables of
//! `rules/calendars/` (no exact arithmetic gives them).

use crate::model::CivilDate;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

pub fn is_valid(d: CivilDate) -> bool {
    (1..=12).contains(&d.month) && d.day >= 1 && d.day <= days_in_month(d.year, d.month)
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
pub fn days_from_civil(d: CivilDate) -> i64 {
    let y = i64::from(d.year) - i64::from(d.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(d.month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

pub fn civil_from_days(z: i64) -> CivilDate {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    CivilDate { year, month, day }
}

/// 0 = Monday .. 6 = Sunday.
pub fn weekday(d: CivilDate) -> u32 {
    (days_from_civil(d) + 3).rem_euclid(7) as u32
}

pub fn add_days(d: CivilDate, n: i64) -> CivilDate {
    civil_from_days(days_from_civil(d) + n)
}

/// Western Easter Sunday of a Gregorian year (the anonymous algorithm of Meeus, Jones and Butcher).
pub fn easter(year: i32) -> CivilDate {
    let a = year % 19;
    let (b, c) = (year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    CivilDate { year, month: month as u32, day: day as u32 }
}

/// Orthodox Easter Sunday of a year, in the Gregorian calendar: the Julian computus (Meeus),
/// its Julian date moved by the days the Julian calendar lags behind the Gregorian.
pub fn orthodox_easter(year: i32) -> CivilDate {
    let (a, b, c) = (year % 4, year % 7, year % 19);
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let (month, day) = ((d + e + 114) / 31, (d + e + 114) % 31 + 1);
    // The Julian date as a day count: the proleptic Gregorian day of the same numbers, plus the
    // lag (13 days in 1900-2099).
    let lag = year / 100 - year / 400 - 2;
    add_days(CivilDate { year, month: month as u32, day: day as u32 }, i64::from(lag))
}

/// Hebrew months, numbered as the calendar does: Nisan = 1 .. Adar = 12, Adar II = 13 in a
/// leap year; the year begins with Tishrei = 7.
pub const HEBREW_MONTHS: &[&str] =
    &["nisan", "iyar", "sivan", "tammuz", "av", "elul", "tishrei", "cheshvan", "kislev", "tevet", "shevat", "adar"];

/// Whether a Hebrew year has thirteen months (7 of every 19).
pub fn hebrew_leap(year: i64) -> bool {
    (7 * year + 1).rem_euclid(19) < 7
}

/// Days from the Hebrew epoch to the molad of Tishrei of `year`, with the postponement that
/// keeps Rosh Hashanah off a Sunday, Wednesday or Friday (Reingold and Dershowitz,
/// Calendrical Calculations).
fn hebrew_elapsed_days(year: i64) -> i64 {
    let months = (235 * year - 234).div_euclid(19);
    let parts = 12084 + 13753 * months;
    let day = 29 * months + parts.div_euclid(25920);
    if (3 * (day + 1)).rem_euclid(7) < 3 { day + 1 } else { day }
}

/// Days since 1970-01-01 of 1 Tishrei (Rosh Hashanah) of a Hebrew year.
fn hebrew_new_year(year: i64) -> i64 {
    // The fixed day (days from 0001-01-01 = 1) of the epoch, 1 Tishrei AM 1, and of 1970-01-01.
    const EPOCH: i64 = -1_373_427;
    const UNIX: i64 = 719_163;
    let (ny0, ny1, ny2) = (hebrew_elapsed_days(year - 1), hebrew_elapsed_days(year), hebrew_elapsed_days(year + 1));
    // Two more postponements keep every year 353-355 or 383-385 days long.
    let correction = if ny2 - ny1 == 356 {
        2
    } else if ny1 - ny0 == 382 {
        1
    } else {
        0
    };
    EPOCH + ny1 + correction - UNIX
}

fn hebrew_month_days(year: i64, month: u32) -> i64 {
    let year_days = hebrew_new_year(year + 1) - hebrew_new_year(year);
    match month {
        2 | 4 | 6 | 10 | 13 => 29,
        12 if !hebrew_leap(year) => 29,
        // Cheshvan is long and Kislev short in some years.
        8 if year_days % 10 != 5 => 29,
        9 if year_days % 10 == 3 => 29,
        _ => 30,
    }
}

/// The Gregorian day of a Hebrew date (the daytime day: a Hebrew day begins at the sundown before).
/// Adar (12) in a leap year is Adar II (13), where Purim falls.
pub fn hebrew_to_civil(year: i64, month: u32, day: u32) -> CivilDate {
    let month = if month == 12 && hebrew_leap(year) { 13 } else { month };
    let last = if hebrew_leap(year) { 13 } else { 12 };
    let before: i64 = if month >= 7 {
        (7..month).map(|m| hebrew_month_days(year, m)).sum()
    } else {
        (7..=last).chain(1..month).map(|m| hebrew_month_days(year, m)).sum()
    };
    civil_from_days(hebrew_new_year(year) + before + i64::from(day) - 1)
}

/// Islamic months, Muharram = 1 .. Dhu al-Hijjah = 12.
pub const ISLAMIC_MONTHS: &[&str] = &[
    "muharram",
    "safar",
    "rabi-al-awwal",
    "rabi-al-thani",
    "jumada-al-ula",
    "jumada-al-thani",
    "rajab",
    "shaban",
    "ramadan",
    "shawwal",
    "dhu-al-qadah",
    "dhu-al-hijjah",
];

#[derive(Deserialize)]
struct UmmAlQura {
    years: BTreeMap<String, HijriYear>,
}

#[derive(Deserialize)]
struct HijriYear {
    first: String,
    months: Vec<i64>,
}

fn parse_iso(text: &str) -> Option<CivilDate> {
    let mut parts = text.split('-').map(str::parse::<i64>);
    let (year, month, day) = (parts.next()?.ok()?, parts.next()?.ok()?, parts.next()?.ok()?);
    let d = CivilDate { year: year as i32, month: month as u32, day: day as u32 };
    is_valid(d).then_some(d)
}

/// The Umm al-Qura table: each Hijri year's first day (days since 1970-01-01) and month lengths.
fn umm_al_qura() -> &'static BTreeMap<i64, (i64, Vec<i64>)> {
    static TABLE: OnceLock<BTreeMap<i64, (i64, Vec<i64>)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let table: UmmAlQura =
            toml::from_str(include_str!("../../rules/calendars/umm-al-qura.toml")).expect("the Umm al-Qura table");
        let year = |(y, h): (String, HijriYear)| {
            let first = parse_iso(&h.first).expect("a Umm al-Qura year's first day");
            (y.parse().expect("a Hijri year"), (days_from_civil(first), h.months))
        };
        table.years.into_iter().map(year).collect()
    })
}

/// The Gregorian days `[start, end)` of an Islamic month (Umm al-Qura), or of one day of it; None
/// outside the table's years (1356-1500 AH, 1937-2077).
pub fn hijri_to_civil(year: i64, month: u32, day: Option<u32>) -> Option<(CivilDate, CivilDate)> {
    let (first, months) = umm_al_qura().get(&year)?;
    let index = usize::try_from(month).ok()?.checked_sub(1)?;
    let start = first + months.get(..index)?.iter().sum::<i64>();
    match day {
        None => Some((civil_from_days(start), civil_from_days(start + months.get(index)?))),
        Some(d) => {
            let at = start + i64::from(d) - 1;
            (i64::from(d) <= months[index]).then(|| (civil_from_days(at), civil_from_days(at + 1)))
        }
    }
}

/// Hijri years that cover every day of a Gregorian year (and a few more).
pub fn hijri_years_in(year: i32) -> std::ops::RangeInclusive<i64> {
    // 1 AH began in 622; 33 Hijri years are about 32 Gregorian ones.
    let near = (i64::from(year) - 622) * 33 / 32;
    near - 1..=near + 1
}

/// The Chinese New Year of a Gregorian year, 1901-2099 (the table of `rules/calendars/`).
pub fn chinese_new_year(year: i32) -> Option<CivilDate> {
    static TABLE: OnceLock<BTreeMap<i32, CivilDate>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        #[derive(Deserialize)]
        struct Table {
            years: BTreeMap<String, String>,
        }
        let table: Table = toml::from_str(include_str!("../../rules/calendars/chinese-new-year.toml"))
            .expect("the Chinese New Year table");
        let entry =
            |(y, d): (String, String)| (y.parse().expect("a year"), parse_iso(&d).expect("a Chinese New Year's day"));
        table.years.into_iter().map(entry).collect()
    });
    table.get(&year).copied()
}

/// The Parsi New Year (Navroz, 1 Farvardin) of the Shahenshahi calendar that falls in a Gregorian
/// year. The Shahenshahi year has 365 days and no leap day, so its new year comes a day earlier
/// in the Gregorian calendar every four years. Its years count from the era of Yazdegerd III,
/// whose first day is June 16, 632 (Julian) in the Qadimi reckoning; the Shahenshahi reckoning
/// trails the Qadimi by a month of 30 days (1 Farvardin 1388 Y.Z. was 2018-08-17).
pub fn parsi_new_year(year: i32) -> CivilDate {
    // June 16, 632 in the Julian calendar is June 19 in the proleptic Gregorian one.
    let epoch = days_from_civil(CivilDate { year: 632, month: 6, day: 19 }) + 30;
    let jan1 = days_from_civil(CivilDate { year, month: 1, day: 1 });
    // The first new year on or after January 1; a Gregorian year has room for one only.
    civil_from_days(epoch + (jan1 - epoch + 364).div_euclid(365) * 365)
}

/// The months of the Indian lunisolar calendar, Chaitra = 1 .. Phalguna = 12, named as the amanta
/// reckoning does (a month runs from new moon to new moon).
pub const HINDU_MONTHS: &[&str] = &[
    "chaitra",
    "vaishakha",
    "jyeshtha",
    "ashadha",
    "shravana",
    "bhadrapada",
    "ashvin",
    "kartika",
    "margashirsha",
    "pausha",
    "magha",
    "phalguna",
];

/// The sidereal signs the Sun enters at each sankranti, Mesha = 1 .. Meena = 12.
pub const SOLAR_SIGNS: &[&str] = &[
    "mesha",
    "vrishabha",
    "mithuna",
    "karka",
    "simha",
    "kanya",
    "tula",
    "vrischika",
    "dhanu",
    "makara",
    "kumbha",
    "meena",
];

/// The time of day at which a festival keeps its tithi, and so the day it is kept on when a tithi
/// begins or ends within a day: see `kept` in `tools/calendar_tables.py`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TithiTime {
    /// The tithi prevailing at sunrise (udaya tithi), the almanac's tithi of the day.
    Sunrise,
    /// Madhyahna, the middle fifth of the daytime.
    Noon,
    /// Aparahna, the fourth fifth of the daytime.
    Afternoon,
    /// Pradosh, the first fifth of the night.
    Evening,
    /// Nishita, the eighth of the night's fifteen muhurtas.
    Midnight,
    Moonrise,
}

impl TithiTime {
    pub fn from_word(word: &str) -> Option<Self> {
        Some(match word {
            "sunrise" => TithiTime::Sunrise,
            "noon" => TithiTime::Noon,
            "afternoon" => TithiTime::Afternoon,
            "evening" => TithiTime::Evening,
            "midnight" => TithiTime::Midnight,
            "moonrise" => TithiTime::Moonrise,
            _ => return None,
        })
    }
}

/// One lunar month of the Hindu table: the day its day counts start from (days since
/// 1970-01-01), its number (Chaitra = 1), whether it is intercalary, and for each tithi its three
/// characters (see the table's header).
struct LunarMonth {
    key: i64,
    month: u32,
    adhika: bool,
    days: Vec<[u8; 3]>,
}

#[derive(Deserialize)]
struct HinduTable {
    months: BTreeMap<String, HinduMonthRow>,
    sankranti: BTreeMap<String, BTreeMap<String, [String; 2]>>,
}

#[derive(Deserialize)]
struct HinduMonthRow {
    month: String,
    #[serde(default)]
    adhika: bool,
    days: String,
}

/// The Hindu table: the lunar months in order, and each year's sankrantis by sign (Mesha = 1):
/// the civil day of the ingress and whether it comes after that day's sunset.
#[allow(clippy::type_complexity)]
fn hindu_table() -> &'static (Vec<LunarMonth>, BTreeMap<i32, [(CivilDate, bool); 12]>) {
    static TABLE: OnceLock<(Vec<LunarMonth>, BTreeMap<i32, [(CivilDate, bool); 12]>)> = OnceLock::new();
    TABLE.get_or_init(|| {
        let table: HinduTable =
            toml::from_str(include_str!("../../rules/calendars/hindu.toml")).expect("the Hindu calendar table");
        let months = table
            .months
            .into_iter()
            .map(|(key, row)| {
                let key = days_from_civil(parse_iso(&key).expect("a Hindu month's key day"));
                let month = HINDU_MONTHS.iter().position(|m| *m == row.month).expect("a Hindu month") as u32 + 1;
                let days: Vec<[u8; 3]> =
                    row.days.as_bytes().chunks(3).map(|c| c.try_into().expect("three characters a tithi")).collect();
                assert_eq!(days.len(), 30, "thirty tithis a month");
                LunarMonth { key, month, adhika: row.adhika, days }
            })
            .collect();
        let sankranti = table
            .sankranti
            .into_iter()
            .map(|(year, signs)| {
                let ingress = |sign: &str| {
                    let [moment, sunset] = &signs[sign];
                    let (day, time) = moment.split_once('T').expect("an ingress's day and time");
                    // "HH:MM" strings compare as times.
                    (parse_iso(day).expect("an ingress's day"), time > sunset.as_str())
                };
                let year: i32 = year.parse().expect("a year");
                let signs: [(CivilDate, bool); 12] = std::array::from_fn(|i| ingress(SOLAR_SIGNS[i]));
                (year, signs)
            })
            .collect();
        (months, sankranti)
    })
}

/// The days on which tithi `tithi` (1-30: 1-15 the bright half, 15 the full moon; 16-30 the dark
/// half, 30 the new moon) of the Hindu month `month` (Chaitra = 1, amanta; never an intercalary
/// month) is kept at `at`, for each such month that begins from December of the year before
/// `year` to December of `year` (1950-2100, the table's years): a day of another year is the
/// caller's to drop.
pub fn hindu_tithi_days(year: i32, month: u32, tithi: u32, at: TithiTime) -> Vec<CivilDate> {
    let (months, _) = hindu_table();
    let from = days_from_civil(CivilDate { year: year - 1, month: 12, day: 1 });
    let to = days_from_civil(CivilDate { year, month: 12, day: 31 });
    let Some(index) = usize::try_from(tithi).ok().and_then(|t| t.checked_sub(1)).filter(|t| *t < 30) else {
        return Vec::new();
    };
    let first = months.partition_point(|m| m.key < from);
    months[first..]
        .iter()
        .take_while(|m| m.key <= to)
        .filter(|m| m.month == month && !m.adhika)
        .map(|m| {
            let [day, earlier, moon] = m.days[index];
            let at_sunrise = m.key + i64::from(char::from(day).to_digit(36).expect("a day count"));
            let bit = match at {
                TithiTime::Noon => 1,
                TithiTime::Afternoon => 2,
                TithiTime::Evening => 4,
                TithiTime::Midnight => 8,
                TithiTime::Sunrise | TithiTime::Moonrise => 0,
            };
            let shift = match at {
                TithiTime::Moonrise => i64::from(moon == b'+') - i64::from(moon == b'-'),
                _ => -i64::from(char::from(earlier).to_digit(16).expect("a hexadecimal digit") & bit != 0),
            };
            civil_from_days(at_sunrise + shift)
        })
        .collect()
}

/// The sankranti of a year at which the Sun enters `sign` (Mesha = 1): the civil day (IST) of
/// the ingress, or, `after_sunset`, the next day when the ingress comes after that day's sunset
/// (the rule of the Tamil calendar and of Makar Sankranti). None outside 1950-2100.
pub fn sankranti(year: i32, sign: u32, after_sunset: bool) -> Option<CivilDate> {
    let (_, years) = hindu_table();
    let (day, late) = *years.get(&year)?.get(usize::try_from(sign).ok()?.checked_sub(1)?)?;
    Some(if after_sunset && late { add_days(day, 1) } else { day })
}

/// The `n`th `weekday` (0 = Monday) of a month, counting from 1; `n` = 0 is the last one. None
/// when the month has no such day (a fifth Monday).
pub fn nth_weekday(year: i32, month: u32, n: u32, weekday_: u32) -> Option<CivilDate> {
    let first = CivilDate { year, month, day: 1 };
    let last = CivilDate { year, month, day: days_in_month(year, month) };
    let date = if n == 0 {
        add_days(last, -i64::from((weekday(last) + 7 - weekday_) % 7))
    } else {
        add_days(first, i64::from((weekday_ + 7 - weekday(first)) % 7) + 7 * (i64::from(n) - 1))
    };
    (date.month == month).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_weekdays() {
        assert_eq!(weekday(CivilDate { year: 2024, month: 3, day: 22 }), 4, "2024-03-22 was a Friday");
        assert_eq!(weekday(CivilDate { year: 2022, month: 10, day: 29 }), 5, "2022-10-29 was a Saturday");
        assert_eq!(weekday(CivilDate { year: 1970, month: 1, day: 1 }), 3);
    }

    #[test]
    fn round_trip_and_leap_years() {
        let d = CivilDate { year: 2024, month: 2, day: 29 };
        assert!(is_valid(d));
        assert!(!is_valid(CivilDate { year: 2023, month: 2, day: 29 }));
        assert_eq!(civil_from_days(days_from_civil(d)), d);
        assert_eq!(add_days(d, 1), CivilDate { year: 2024, month: 3, day: 1 });
        assert_eq!(
            add_days(CivilDate { year: 2024, month: 1, day: 1 }, -1),
            CivilDate { year: 2023, month: 12, day: 31 }
        );
    }

    #[test]
    fn easter_sundays() {
        assert_eq!(easter(2013), CivilDate { year: 2013, month: 3, day: 31 });
        assert_eq!(easter(2010), CivilDate { year: 2010, month: 4, day: 4 });
        assert_eq!(easter(2019), CivilDate { year: 2019, month: 4, day: 21 });
        assert_eq!(easter(2038), CivilDate { year: 2038, month: 4, day: 25 }, "the latest possible");
    }

    #[test]
    fn nth_weekdays() {
        // Thanksgiving 2013, the fourth Thursday of November; Memorial Day 2024, the last Monday of May.
        assert_eq!(nth_weekday(2013, 11, 4, 3), Some(CivilDate { year: 2013, month: 11, day: 28 }));
        assert_eq!(nth_weekday(2024, 5, 0, 0), Some(CivilDate { year: 2024, month: 5, day: 27 }));
        assert_eq!(nth_weekday(2024, 2, 5, 0), None, "February 2024 has four Mondays");
    }

    fn ymd(year: i32, month: u32, day: u32) -> CivilDate {
        CivilDate { year, month, day }
    }

    #[test]
    fn orthodox_easter_sundays() {
        // From python-dateutil's easter(year, EASTER_ORTHODOX).
        assert_eq!(orthodox_easter(2018), ymd(2018, 4, 8));
        assert_eq!(orthodox_easter(2010), ymd(2010, 4, 4), "the same day as Western Easter");
        assert_eq!(orthodox_easter(2024), ymd(2024, 5, 5));
        assert_eq!(orthodox_easter(1950), ymd(1950, 4, 9));
        assert_eq!(orthodox_easter(2099), ymd(2099, 4, 12));
    }

    #[test]
    fn hebrew_dates() {
        // From convertdate's hebrew.to_gregorian.
        assert_eq!(hebrew_to_civil(5779, 7, 1), ymd(2018, 9, 10), "Rosh Hashanah 5779");
        assert_eq!(hebrew_to_civil(5734, 7, 10), ymd(1973, 10, 6), "Yom Kippur 1973");
        assert_eq!(hebrew_to_civil(5778, 1, 15), ymd(2018, 3, 31), "Passover 5778");
        assert_eq!(hebrew_to_civil(5779, 9, 25), ymd(2018, 12, 3), "Hanukkah 5779");
        assert_eq!(hebrew_to_civil(5773, 12, 14), ymd(2013, 2, 24), "Purim in a common year");
        assert_eq!(hebrew_to_civil(5784, 12, 14), ymd(2024, 3, 24), "Purim in a leap year: Adar II");
        assert_eq!(hebrew_to_civil(5700, 7, 1), ymd(1939, 9, 14));
        assert_eq!(hebrew_to_civil(5810, 1, 15), ymd(2050, 4, 7));
        for year in 5600..5900 {
            let days = hebrew_new_year(year + 1) - hebrew_new_year(year);
            let allowed = if hebrew_leap(year) { [383, 384, 385] } else { [353, 354, 355] };
            assert!(allowed.contains(&days), "Hebrew year {year} has {days} days");
            assert!(![6, 2, 4].contains(&weekday(civil_from_days(hebrew_new_year(year)))), "Rosh Hashanah {year}");
        }
    }

    #[test]
    fn islamic_and_chinese_tables() {
        // From hijridate's Hijri(...).to_gregorian() and lunardate.
        let day = |y, m, d| hijri_to_civil(y, m, Some(d)).map(|(s, _)| s);
        assert_eq!(day(1439, 10, 1), Some(ymd(2018, 6, 15)), "Eid al-Fitr 1439");
        assert_eq!(day(1420, 10, 1), Some(ymd(2000, 1, 8)));
        assert_eq!(day(1421, 10, 1), Some(ymd(2000, 12, 27)), "a second Eid al-Fitr in 2000");
        assert_eq!(day(1500, 12, 10), Some(ymd(2077, 10, 27)));
        assert_eq!(hijri_to_civil(1439, 9, None), Some((ymd(2018, 5, 16), ymd(2018, 6, 15))), "Ramadan 1439, 30 days");
        assert_eq!(day(1355, 1, 1), None, "before the table");
        assert_eq!(day(1439, 9, 31), None);
        for year in [1950, 2000, 2018, 2050] {
            // The years given cover the whole Gregorian year.
            let start = |y: i64| hijri_to_civil(y, 1, Some(1)).map(|(s, _)| s).expect("in the table");
            let years = hijri_years_in(year);
            assert!(start(*years.start()) <= ymd(year, 1, 1), "{year}");
            assert!(start(*years.end() + 1) > ymd(year, 12, 31), "{year}");
        }
        assert_eq!(chinese_new_year(2014), Some(ymd(2014, 1, 31)));
        assert_eq!(chinese_new_year(2013), Some(ymd(2013, 2, 10)));
        assert_eq!(chinese_new_year(1900), None);
    }

    #[test]
    fn parsi_new_years() {
        // The Shahenshahi year has 365 days: a day earlier every four Gregorian years.
        assert_eq!(parsi_new_year(2018), ymd(2018, 8, 17));
        assert_eq!(parsi_new_year(2019), ymd(2019, 8, 17));
        assert_eq!(parsi_new_year(2020), ymd(2020, 8, 16));
        assert_eq!(parsi_new_year(2022), ymd(2022, 8, 16));
        assert_eq!(parsi_new_year(2024), ymd(2024, 8, 15));
        assert_eq!(parsi_new_year(2017), ymd(2017, 8, 17));
        for year in 1900..2200 {
            let d = parsi_new_year(year);
            assert_eq!(d.year, year);
            let next = parsi_new_year(year + 1);
            assert_eq!(days_from_civil(next) - days_from_civil(d), 365, "{year}");
        }
    }

    #[test]
    fn hindu_tithis_and_sankrantis() {
        let kept = |year, month, tithi, at| hindu_tithi_days(year, month, tithi, at);
        // Diwali: the new moon tithi of Ashvin (amanta) kept at pradosh, after sunset.
        assert!(kept(2019, 7, 30, TithiTime::Evening).contains(&ymd(2019, 10, 27)));
        // 2020 has an intercalary Ashvin (September 18 - October 16): Diwali is in the regular one.
        assert_eq!(kept(2020, 7, 30, TithiTime::Evening), vec![ymd(2020, 11, 14)]);
        // At sunrise the same new moon tithi is the next day's.
        assert!(kept(2019, 7, 30, TithiTime::Sunrise).contains(&ymd(2019, 10, 28)));
        // Maha Shivaratri, the fourteenth of Magha's dark half at midnight; Karva Chauth at moonrise.
        assert!(kept(2020, 11, 29, TithiTime::Midnight).contains(&ymd(2020, 2, 21)));
        assert!(kept(2018, 7, 19, TithiTime::Moonrise).contains(&ymd(2018, 10, 27)));
        // Guru Gobind Singh's birthday, Pausha's bright seventh, came twice in 2017.
        let twice: Vec<CivilDate> =
            kept(2017, 10, 7, TithiTime::Sunrise).into_iter().filter(|d| d.year == 2017).collect();
        assert_eq!(twice, vec![ymd(2017, 1, 5), ymd(2017, 12, 25)]);
        assert!(kept(1949, 1, 1, TithiTime::Sunrise).is_empty(), "before the table");
        assert!(kept(2019, 1, 31, TithiTime::Sunrise).is_empty(), "no tithi 31");
        // Makar Sankranti 2019: the Sun entered Makara at 19:51 IST on January 14, after sunset.
        assert_eq!(sankranti(2019, 10, false), Some(ymd(2019, 1, 14)));
        assert_eq!(sankranti(2019, 10, true), Some(ymd(2019, 1, 15)));
        assert_eq!(sankranti(2018, 10, true), Some(ymd(2018, 1, 14)));
        // Mesha Sankranti, Vaisakhi: April 13 in 2020, 2024; 14 in 2018, 2021.
        for (year, day) in [(2018, 14), (2020, 13), (2021, 14), (2024, 13)] {
            assert_eq!(sankranti(year, 1, false), Some(ymd(year, 4, day)), "{year}");
        }
        assert_eq!(sankranti(2101, 1, false), None);
        // Every year of the table has its twelve ingresses in order, a solar month apart.
        for year in 1950..=2100 {
            let days: Vec<i64> = (1..=12).map(|s| days_from_civil(sankranti(year, s, false).unwrap())).collect();
            for pair in days.windows(2) {
                let gap = (pair[1] - pair[0]).rem_euclid(366);
                assert!((29..=32).contains(&gap), "{year}: {days:?}");
            }
        }
    }
}
