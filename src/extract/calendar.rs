//! Proleptic Gregorian calendar arithmetic (no time zones, no times of day).

use crate::model::CivilDate;

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
}
