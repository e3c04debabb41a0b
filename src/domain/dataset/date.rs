//! Calendar dates as the releases print them: a proleptic Gregorian `Date` plus how precise it is.
//!
//! No time zones and no clock: a release's date is a day on the calendar.
//! Days are counted from 1970-01-01 so charts can place dates on a linear axis.

use std::fmt;

/// A valid calendar day between the years 1900 and 2199.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    Format,
    /// The parts are numbers, but no such day exists (for example 2019-02-30).
    NoSuchDay,
    /// Outside the years this dashboard accepts.
    OutOfRange,
}

/// First and last year a date may have.
pub const MIN_YEAR: i32 = 1900;
/// See [`MIN_YEAR`].
pub const MAX_YEAR: i32 = 2199;

impl Date {
    /// Builds a date, checking that the day exists.
    ///
    /// # Errors
    /// [`DateError::NoSuchDay`] or [`DateError::OutOfRange`].
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, DateError> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(DateError::OutOfRange);
        }
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(DateError::NoSuchDay);
        }
        Ok(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` exactly (ten characters, ASCII digits).
    ///
    /// # Errors
    /// Any [`DateError`].
    pub fn parse_iso(text: &str) -> Result<Date, DateError> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return Err(DateError::Format);
        }
        let number = |range: std::ops::Range<usize>| -> Result<u32, DateError> {
            let part = text.get(range).ok_or(DateError::Format)?;
            if !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(DateError::Format);
            }
            part.parse::<u32>().map_err(|_| DateError::Format)
        };
        let year = number(0..4)?;
        let month = number(5..7)?;
        let day = number(8..10)?;
        let month = u8::try_from(month).map_err(|_| DateError::NoSuchDay)?;
        let day = u8::try_from(day).map_err(|_| DateError::NoSuchDay)?;
        Date::new(i32::try_from(year).map_err(|_| DateError::OutOfRange)?, month, day)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before), for placing dates on an axis.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil, on a March-based year.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, clamped to the accepted years.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        if year < i64::from(MIN_YEAR) {
            return Date { year: MIN_YEAR, month: 1, day: 1 };
        }
        if year > i64::from(MAX_YEAR) {
            return Date { year: MAX_YEAR, month: 12, day: 31 };
        }
        // The arithmetic above keeps month in 1..=12 and day in 1..=31.
        Date { year: year as i32, month: month as u8, day: day as u8 }
    }

    /// First day of the given year.
    pub fn start_of_year(year: i32) -> Date {
        Date { year: year.clamp(MIN_YEAR, MAX_YEAR), month: 1, day: 1 }
    }

    /// Last day of the given year.
    pub fn end_of_year(year: i32) -> Date {
        Date { year: year.clamp(MIN_YEAR, MAX_YEAR), month: 12, day: 31 }
    }

    /// Position of the date within its year as a fraction, for decimal-year axes.
    pub fn as_decimal_year(self) -> f64 {
        let start = Date::start_of_year(self.year).days_since_epoch();
        let length = if is_leap_year(self.year) { 366.0 } else { 365.0 };
        f64::from(self.year) + (self.days_since_epoch() - start) as f64 / length
    }
}

impl fmt::Display for Date {
    /// ISO 8601, the form used in data files and URLs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// How precisely a source's date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DatePrecision {
    /// The exact day is printed on the release.
    Day,
    /// Only the month is known; the day is the first of the month.
    Month,
    /// Only the quarter is known.
    Quarter,
    /// Only the year is known.
    Year,
    /// The date was inferred (for example from neighbouring releases) and may be off.
    Estimated,
}

impl DatePrecision {
    /// The identifier used in data files.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Quarter => "quarter",
            DatePrecision::Year => "year",
            DatePrecision::Estimated => "estimated",
        }
    }

    /// Reads the identifier used in data files.
    pub fn parse(text: &str) -> Option<DatePrecision> {
        Some(match text {
            "day" | "exact" => DatePrecision::Day,
            "month" => DatePrecision::Month,
            "quarter" => DatePrecision::Quarter,
            "year" => DatePrecision::Year,
            "estimated" => DatePrecision::Estimated,
            _ => return None,
        })
    }

    /// True unless the exact day is known.
    pub fn is_uncertain(self) -> bool {
        self != DatePrecision::Day
    }

    /// Half-width in days of the uncertainty whisker a chart draws around such a date.
    pub fn uncertainty_days(self) -> i64 {
        match self {
            DatePrecision::Day => 0,
            DatePrecision::Month => 15,
            DatePrecision::Quarter => 45,
            DatePrecision::Year => 182,
            DatePrecision::Estimated => 30,
        }
    }
}

/// True for leap years of the Gregorian calendar.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in a month (0 for a month outside 1–12).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_iso_dates() {
        let date = Date::parse_iso("2020-10-13").unwrap();
        assert_eq!((date.year(), date.month(), date.day()), (2020, 10, 13));
        assert_eq!(date.to_string(), "2020-10-13");
        assert!(Date::parse_iso("2016-02-29").is_ok());
    }

    #[test]
    fn refuses_malformed_and_impossible_dates() {
        assert_eq!(Date::parse_iso("2020-1-13"), Err(DateError::Format));
        assert_eq!(Date::parse_iso("13/10/2020"), Err(DateError::Format));
        assert_eq!(Date::parse_iso("2020-10-13T00:00"), Err(DateError::Format));
        assert_eq!(Date::parse_iso("+020-10-13"), Err(DateError::Format));
        assert_eq!(Date::parse_iso("2019-02-29"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse_iso("2020-13-01"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse_iso("2020-04-31"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse_iso("2020-00-10"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse_iso("1899-12-31"), Err(DateError::OutOfRange));
        assert_eq!(Date::parse_iso(""), Err(DateError::Format));
        assert_eq!(Date::parse_iso("٢٠٢٠-10-13"), Err(DateError::Format));
    }

    #[test]
    fn day_numbers_match_known_values_and_round_trip() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().days_since_epoch(), 11_017);
        assert_eq!(Date::new(2020, 10, 13).unwrap().days_since_epoch(), 18_548);
        for days in (-25_000..80_000).step_by(37) {
            let date = Date::from_days_since_epoch(days);
            assert_eq!(date.days_since_epoch(), days, "{date}");
        }
    }

    #[test]
    fn decimal_year_is_monotonic_within_a_year() {
        let start = Date::new(2020, 1, 1).unwrap().as_decimal_year();
        let mid = Date::new(2020, 7, 1).unwrap().as_decimal_year();
        let end = Date::new(2020, 12, 31).unwrap().as_decimal_year();
        assert!((start - 2020.0).abs() < 1e-9);
        assert!(start < mid && mid < end && end < 2021.0);
    }

    #[test]
    fn precision_round_trips_through_its_identifier() {
        for precision in [DatePrecision::Day, DatePrecision::Month, DatePrecision::Quarter, DatePrecision::Year, DatePrecision::Estimated] {
            assert_eq!(DatePrecision::parse(precision.as_str()), Some(precision));
        }
        assert_eq!(DatePrecision::parse("week"), None);
    }
}
