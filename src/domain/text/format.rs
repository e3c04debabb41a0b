//! Locale-aware formatting of numbers, money, qualifiers and dates, for English and French: one
//! `Locale` per language holds its separators, money and date patterns.
//!
//! Pure and deterministic: the same input gives the same text on every machine. French groups
//! thousands with a narrow no-break space (U+202F) and uses a decimal comma; units are joined to
//! numbers with a no-break space (U+00A0) so they never wrap onto another line.
//! Written by hand rather than with ICU: the dashboard needs two locales and a dozen patterns,
//! and ICU4X's formatting data would cost far more WebAssembly than these few functions.

use crate::domain::dataset::date::{Date, DatePrecision};
use crate::domain::dataset::model::{Qualifier, Unit};
use crate::domain::lang::{tr, Lang};
use crate::domain::text::i18n::qualifier_words;

/// Narrow no-break space, the French thousands separator.
pub const NNBSP: char = '\u{202F}';
/// No-break space, between a number and its unit.
pub const NBSP: char = '\u{00A0}';

/// How a language writes numbers, money and dates: everything the functions below need to
/// know about a language. Adding a language means adding one of these to [`locale`].
struct Locale {
    /// Between a label and its value.
    colon: &'static str,
    /// Between groups of three digits.
    group: char,
    /// Before the decimals.
    decimal: char,
    /// Around an amount in euros below a million (before, after the number).
    euros: (&'static str, &'static str),
    /// Around an amount in millions of euros.
    euro_millions: (&'static str, &'static str),
    /// Around an amount in billions of euros.
    euro_billions: (&'static str, &'static str),
    /// After a number of millions on an axis.
    millions: &'static str,
    /// After a percentage.
    percent: &'static str,
    /// An ordinal number.
    ordinal: fn(u64) -> String,
    /// Abbreviated month names, January first.
    months: [&'static str; 12],
    /// Before the number of a quarter.
    quarter: &'static str,
    /// Before an estimated date.
    circa: &'static str,
    /// Before a date said "as of", by its precision.
    as_of: fn(DatePrecision) -> &'static str,
}

const ENGLISH: Locale = Locale {
    colon: ": ",
    group: ',',
    decimal: '.',
    euros: ("€", ""),
    euro_millions: ("€", "\u{A0}m"),
    euro_billions: ("€", "\u{A0}bn"),
    millions: "\u{A0}m",
    percent: "%",
    ordinal: |n| {
        let suffix = match (n % 10, n % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        format!("{n}{suffix}")
    },
    months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    quarter: "Q",
    circa: "c.",
    as_of: |_| "as of ",
};

const FRENCH: Locale = Locale {
    colon: "\u{202F}: ",
    group: NNBSP,
    decimal: ',',
    euros: ("", "\u{A0}€"),
    euro_millions: ("", "\u{A0}M€"),
    euro_billions: ("", "\u{A0}Md€"),
    millions: "\u{A0}M",
    percent: "\u{202F}%",
    ordinal: |n| if n == 1 { "1re".into() } else { format!("{n}e") },
    months: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
    quarter: "T",
    circa: "vers",
    // "au 13 oct. 2020", "en janv. 2022", "en 2022", and "vers janv. 2022", never "au vers".
    as_of: |precision| match precision {
        DatePrecision::Day | DatePrecision::Quarter => "au ",
        DatePrecision::Month | DatePrecision::Year => "en ",
        DatePrecision::Estimated => "",
    },
};

/// The formats of a language.
fn locale(lang: Lang) -> &'static Locale {
    tr!(lang, en: &ENGLISH, fr: &FRENCH)
}

/// "Label: value" with the language's punctuation: French puts a narrow no-break space before
/// the colon.
pub fn labelled(label: &str, value: &str, lang: Lang) -> String {
    format!("{label}{}{value}", locale(lang).colon)
}

/// Formats a number with `decimals` digits after the separator, grouped by thousands.
pub fn format_number(value: f64, decimals: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let rounded = format!("{:.*}", decimals, value.abs());
    let (integer, fraction) = match rounded.split_once('.') {
        Some((integer, fraction)) => (integer, Some(fraction)),
        None => (rounded.as_str(), None),
    };
    let Locale { group, decimal, .. } = *locale(lang);
    let mut out = String::with_capacity(rounded.len() + 4);
    let negative = value < 0.0 && rounded.bytes().any(|b| b.is_ascii_digit() && b != b'0');
    if negative {
        out.push('−');
    }
    let digits = integer.len();
    for (position, digit) in integer.chars().enumerate() {
        if position > 0 && (digits - position) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push(decimal);
        out.push_str(fraction);
    }
    out
}

/// Formats a number with as few decimals as it needs, up to `max_decimals`.
pub fn format_trimmed(value: f64, max_decimals: usize, lang: Lang) -> String {
    let mut decimals = 0;
    while decimals < max_decimals {
        let scale = 10f64.powi(decimals as i32);
        if ((value * scale).round() - value * scale).abs() < 1e-6 {
            break;
        }
        decimals += 1;
    }
    format_number(value, decimals, lang)
}

/// A count in full digits: `84,000` / `84 000`.
pub fn format_count(value: f64, lang: Lang) -> String {
    format_trimmed(value, 1, lang)
}

/// An amount in euros, abbreviated from a million up: `€1.88 bn` / `1,88 Md€`, `€140 m` / `140 M€`.
pub fn format_money(value: f64, lang: Lang) -> String {
    let locale = locale(lang);
    let (scaled, (before, after)) = if value >= 1e9 {
        (value / 1e9, locale.euro_billions)
    } else if value >= 1e6 {
        (value / 1e6, locale.euro_millions)
    } else {
        (value, locale.euros)
    };
    format!("{before}{}{after}", format_trimmed(scaled, 2, lang))
}

/// An ordinal: `7th` / `7e`.
pub fn format_ordinal(value: f64, lang: Lang) -> String {
    (locale(lang).ordinal)(value.round().max(0.0) as u64)
}

/// A value in its unit, without qualifier.
pub fn format_value(value: f64, unit: Unit, lang: Lang) -> String {
    match unit {
        Unit::Count => format_count(value, lang),
        Unit::Eur => format_money(value, lang),
        Unit::Percent => format!("{}{}", format_trimmed(value, 1, lang), locale(lang).percent),
        Unit::Ordinal => format_ordinal(value, lang),
        Unit::Year => format!("{}", value.round() as i64),
    }
}

/// A value with the release's hedging in front: `more than 84,000` / `plus de 84 000`.
pub fn format_qualified(value: f64, unit: Unit, qualifier: Qualifier, lang: Lang) -> String {
    let number = format_value(value, unit, lang);
    match qualifier {
        Qualifier::Exact => number,
        other => format!("{} {number}", qualifier_words(other, lang)),
    }
}

/// A value for an axis tick: full digits below a million, abbreviated above.
pub fn format_axis_value(value: f64, unit: Unit, lang: Lang) -> String {
    match unit {
        Unit::Eur => format_money(value, lang),
        _ if value.abs() >= 1e6 => format!("{}{}", format_trimmed(value / 1e6, 1, lang), locale(lang).millions),
        _ => format_trimmed(value, 1, lang),
    }
}

/// Abbreviated month name.
pub fn month_abbreviation(month: u8, lang: Lang) -> &'static str {
    locale(lang).months.get(usize::from(month.saturating_sub(1))).copied().unwrap_or("")
}

/// A date at the precision it is known: `13 Oct 2020` / `13 oct. 2020`, `Oct 2020`, `Q4 2020`,
/// `2020`, and `c. Oct 2020` / `vers oct. 2020` for an estimated date.
pub fn format_date(date: Date, precision: DatePrecision, lang: Lang) -> String {
    let month = month_abbreviation(date.month(), lang);
    let year = date.year();
    match precision {
        DatePrecision::Day => format!("{}{NBSP}{month}{NBSP}{year}", date.day()),
        DatePrecision::Month => format!("{month}{NBSP}{year}"),
        DatePrecision::Quarter => format!("{}{}{NBSP}{year}", locale(lang).quarter, (date.month() - 1) / 3 + 1),
        DatePrecision::Year => format!("{year}"),
        DatePrecision::Estimated => format!("{}{NBSP}{month}{NBSP}{year}", locale(lang).circa),
    }
}

/// "As of" a date, worded for its precision: English says `as of 13 Oct 2020`, `as of c. Jan 2022`;
/// French says `au 13 oct. 2020` for a day but `en janv. 2022`, `en 2022` and `vers janv. 2022`
/// when only the month or year is known or the date is estimated.
pub fn format_as_of(date: Date, precision: DatePrecision, lang: Lang) -> String {
    format!("{}{}", (locale(lang).as_of)(precision), format_date(date, precision, lang))
}

/// The start of a running total, as precisely as it was most likely stated: research records
/// "since 2017" as 1 January and "since May 2017" as the 1st of the month, so those print as
/// `2017` and `May 2017`; any other day prints in full.
pub fn format_since(date: Date, lang: Lang) -> String {
    match (date.month(), date.day()) {
        (1, 1) => format_date(date, DatePrecision::Year, lang),
        (_, 1) => format_date(date, DatePrecision::Month, lang),
        _ => format_date(date, DatePrecision::Day, lang),
    }
}

/// A period between two dates, at day precision: `1 Jan 2015 – 31 Dec 2019`, shortened to
/// `2015–2019` when it runs over whole calendar years.
pub fn format_period(start: Date, end: Date, lang: Lang) -> String {
    let whole_years = start.month() == 1 && start.day() == 1 && end.month() == 12 && end.day() == 31;
    if whole_years && start.year() == end.year() {
        return format!("{}", start.year());
    }
    if whole_years {
        return format!("{}–{}", start.year(), end.year());
    }
    format!("{} – {}", format_date(start, DatePrecision::Day, lang), format_date(end, DatePrecision::Day, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_the_punctuation_of_the_language() {
        assert_eq!(labelled("Source", "EEAS", Lang::En), "Source: EEAS");
        assert_eq!(labelled("Source", "EEAS", Lang::Fr), "Source\u{202F}: EEAS");
    }

    #[test]
    fn counts_follow_the_locale() {
        assert_eq!(format_count(84_000.0, Lang::En), "84,000");
        assert_eq!(format_count(84_000.0, Lang::Fr), "84\u{202F}000");
        assert_eq!(format_count(535.0, Lang::Fr), "535");
        assert_eq!(format_count(1_234_567.0, Lang::En), "1,234,567");
        assert_eq!(format_count(0.0, Lang::En), "0");
        assert_eq!(format_count(-1500.0, Lang::En), "−1,500");
        assert_eq!(format_count(12.5, Lang::Fr), "12,5");
        assert_eq!(format_count(f64::NAN, Lang::En), "–");
    }

    #[test]
    fn money_is_abbreviated_from_a_million() {
        assert_eq!(format_money(1_880_000_000.0, Lang::En), "€1.88\u{A0}bn");
        assert_eq!(format_money(1_880_000_000.0, Lang::Fr), "1,88\u{A0}Md€");
        assert_eq!(format_money(140_000_000.0, Lang::En), "€140\u{A0}m");
        assert_eq!(format_money(346_900_000.0, Lang::Fr), "346,9\u{A0}M€");
        assert_eq!(format_money(5_400_000.0, Lang::En), "€5.4\u{A0}m");
        assert_eq!(format_money(900_000.0, Lang::Fr), "900\u{202F}000\u{A0}€");
        assert_eq!(format_money(900_000.0, Lang::En), "€900,000");
    }

    #[test]
    fn qualifiers_read_naturally() {
        assert_eq!(format_qualified(84_000.0, Unit::Count, Qualifier::MoreThan, Lang::En), "more than 84,000");
        assert_eq!(format_qualified(84_000.0, Unit::Count, Qualifier::MoreThan, Lang::Fr), "plus de 84\u{202F}000");
        assert_eq!(format_qualified(1.88e9, Unit::Eur, Qualifier::About, Lang::Fr), "environ 1,88\u{A0}Md€");
        assert_eq!(format_qualified(15_000.0, Unit::Count, Qualifier::Almost, Lang::Fr), "près de 15\u{202F}000");
        assert_eq!(format_qualified(535.0, Unit::Count, Qualifier::Exact, Lang::En), "535");
    }

    #[test]
    fn other_units() {
        assert_eq!(format_value(7.0, Unit::Ordinal, Lang::En), "7th");
        assert_eq!(format_value(7.0, Unit::Ordinal, Lang::Fr), "7e");
        assert_eq!(format_value(1.0, Unit::Ordinal, Lang::Fr), "1re");
        assert_eq!(format_value(2.0, Unit::Ordinal, Lang::En), "2nd");
        assert_eq!(format_value(11.0, Unit::Ordinal, Lang::En), "11th");
        assert_eq!(format_value(2012.0, Unit::Year, Lang::Fr), "2012");
        assert_eq!(format_value(28.0, Unit::Percent, Lang::En), "28%");
        assert_eq!(format_value(28.0, Unit::Percent, Lang::Fr), "28\u{202F}%");
    }

    #[test]
    fn axis_values_abbreviate_only_large_numbers() {
        assert_eq!(format_axis_value(120_000.0, Unit::Count, Lang::En), "120,000");
        assert_eq!(format_axis_value(1_500_000.0, Unit::Count, Lang::Fr), "1,5\u{A0}M");
        assert_eq!(format_axis_value(2e9, Unit::Eur, Lang::En), "€2\u{A0}bn");
    }

    #[test]
    fn dates_follow_the_locale_and_precision() {
        let date = Date::new(2020, 10, 13).unwrap();
        assert_eq!(format_date(date, DatePrecision::Day, Lang::En), "13\u{A0}Oct\u{A0}2020");
        assert_eq!(format_date(date, DatePrecision::Day, Lang::Fr), "13\u{A0}oct.\u{A0}2020");
        assert_eq!(format_date(date, DatePrecision::Month, Lang::Fr), "oct.\u{A0}2020");
        assert_eq!(format_date(date, DatePrecision::Quarter, Lang::En), "Q4\u{A0}2020");
        assert_eq!(format_date(date, DatePrecision::Quarter, Lang::Fr), "T4\u{A0}2020");
        assert_eq!(format_date(date, DatePrecision::Year, Lang::En), "2020");
        assert_eq!(format_date(date, DatePrecision::Estimated, Lang::En), "c.\u{A0}Oct\u{A0}2020");
        let february = Date::new(2018, 2, 5).unwrap();
        assert_eq!(format_date(february, DatePrecision::Day, Lang::Fr), "5\u{A0}févr.\u{A0}2018");
    }

    #[test]
    fn as_of_reads_naturally_at_every_precision() {
        let date = Date::new(2022, 1, 1).unwrap();
        assert_eq!(format_as_of(date, DatePrecision::Day, Lang::En), "as of 1\u{A0}Jan\u{A0}2022");
        assert_eq!(format_as_of(date, DatePrecision::Estimated, Lang::En), "as of c.\u{A0}Jan\u{A0}2022");
        assert_eq!(format_as_of(date, DatePrecision::Day, Lang::Fr), "au 1\u{A0}janv.\u{A0}2022");
        assert_eq!(format_as_of(date, DatePrecision::Quarter, Lang::Fr), "au T1\u{A0}2022");
        assert_eq!(format_as_of(date, DatePrecision::Month, Lang::Fr), "en janv.\u{A0}2022");
        assert_eq!(format_as_of(date, DatePrecision::Year, Lang::Fr), "en 2022");
        assert_eq!(format_as_of(date, DatePrecision::Estimated, Lang::Fr), "vers\u{A0}janv.\u{A0}2022", "never \"au vers\"");
    }

    #[test]
    fn since_dates_keep_their_likely_precision() {
        assert_eq!(format_since(Date::new(2017, 1, 1).unwrap(), Lang::En), "2017");
        assert_eq!(format_since(Date::new(2017, 5, 1).unwrap(), Lang::Fr), "mai\u{A0}2017");
        assert_eq!(format_since(Date::new(2017, 11, 28).unwrap(), Lang::En), "28\u{A0}Nov\u{A0}2017");
    }

    #[test]
    fn periods_shorten_to_years_when_whole() {
        let start = Date::new(2015, 1, 1).unwrap();
        let end = Date::new(2019, 12, 31).unwrap();
        assert_eq!(format_period(start, end, Lang::En), "2015–2019");
        assert_eq!(format_period(Date::new(2016, 1, 1).unwrap(), Date::new(2016, 12, 31).unwrap(), Lang::Fr), "2016");
        let partial = Date::new(2018, 7, 31).unwrap();
        assert_eq!(format_period(Date::new(2018, 1, 1).unwrap(), partial, Lang::En), "1\u{A0}Jan\u{A0}2018 – 31\u{A0}Jul\u{A0}2018");
    }
}
