//! Dates, ranges of years and phone numbers: "12 October 2021", "juillet 2012", "13/10/2020",
//! "2015-2019", "02 123 45 67", read before any number could be taken for a count.

use super::{Found, Literal, PartialDate, Scanner};
use crate::domain::dataset::date::Date;

impl Scanner<'_, '_> {
    /// "juillet 2012", "July 2012", "October 12, 2021", "October 12".
    pub(super) fn month_first_date(&mut self, start: usize, end: usize, month: u8) -> Option<usize> {
        let text = self.text;
        let mut k = end;
        if text.n(k) == Some('.') {
            k += 1;
        }
        if !text.is_inline_space(k) {
            return None;
        }
        k += 1;
        let run = text.digits_end(k);
        let number = text.norm_slice(k, run).parse::<i32>().ok()?;
        if text.is_letter(run) || text.is_digit(run) {
            return None;
        }
        if run - k == 4 && (1900..=2100).contains(&number) {
            let date = PartialDate { year: Some(number), month, day: None };
            return Some(self.push(Found::Date(date), start, run));
        }
        if run - k > 2 || !(1..=31).contains(&number) {
            return None;
        }
        let day = u8::try_from(number).ok();
        let mut y = run;
        if text.n(y) == Some(',') {
            y += 1;
        }
        if text.is_inline_space(y) && text.digits_end(y + 1) == y + 5 {
            if let Ok(year) = text.norm_slice(y + 1, y + 5).parse::<i32>() {
                if (1900..=2100).contains(&year) {
                    let date = PartialDate { year: Some(year), month, day };
                    return Some(self.push(Found::Date(date), start, y + 5));
                }
            }
        }
        Some(self.push(Found::Date(PartialDate { year: None, month, day }), start, run))
    }

    /// "23 septembre", "12 October 2021": the day and month are read, the year if it follows.
    pub(super) fn day_first_date(&mut self, start: usize, day: u8, month: u8, month_end: usize) -> usize {
        let text = self.text;
        let mut k = month_end;
        if text.n(k) == Some('.') {
            k += 1;
        }
        if text.is_inline_space(k) && text.digits_end(k + 1) == k + 5 && !text.is_letter(k + 5) {
            if let Ok(year) = text.norm_slice(k + 1, k + 5).parse::<i32>() {
                if (1900..=2100).contains(&year) {
                    return self.push(Found::Date(PartialDate { year: Some(year), month, day: Some(day) }), start, k + 5);
                }
            }
        }
        self.push(Found::Date(PartialDate { year: None, month, day: Some(day) }), start, month_end)
    }

    /// "13/10/2020", "13.10.2020", "13-10-2020" and "2020-10-13".
    pub(super) fn numeric_date(&mut self, i: usize) -> Option<usize> {
        let text = self.text;
        let first = text.digits_end(i);
        let separator = text.n(first).filter(|c| matches!(*c, '/' | '.' | '-'))?;
        let second = text.digits_end(first + 1);
        if text.n(second) != Some(separator) {
            return None;
        }
        let third = text.digits_end(second + 1);
        if text.n(third).is_some_and(|c| c.is_alphanumeric()) || (text.n(third) == Some(separator) && text.is_digit(third + 1)) {
            return None;
        }
        let part = |a: usize, b: usize| text.norm_slice(a, b).parse::<i32>().ok();
        let (year, month, day) = match (first - i, second - first - 1, third - second - 1) {
            (1 | 2, 1 | 2, 4) => (part(second + 1, third)?, part(first + 1, second)?, part(i, first)?),
            (4, 2, 2) if separator == '-' => (part(i, first)?, part(first + 1, second)?, part(second + 1, third)?),
            _ => return None,
        };
        let date = Date::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?).ok()?;
        let partial = PartialDate { year: Some(date.year()), month: date.month(), day: Some(date.day()) };
        Some(self.push(Found::Date(partial), i, third))
    }

    /// Four or more groups of digits separated by single spaces, dots or hyphens, not all of
    /// three digits after the first: a phone number ("02 123 45 67").
    pub(super) fn phone_groups(&self, i: usize) -> bool {
        let text = self.text;
        let mut lengths = Vec::new();
        let mut k = i;
        loop {
            let end = text.digits_end(k);
            lengths.push(end - k);
            match text.n(end) {
                Some(' ' | '.' | '-') if text.is_digit(end + 1) => k = end + 1,
                _ => break,
            }
        }
        let thousands = lengths.first().is_some_and(|l| *l <= 3) && lengths.iter().skip(1).all(|l| *l == 3);
        lengths.len() >= 4 && !thousands
    }

    /// End of a phone number: digits with spaces, dots, hyphens, slashes and brackets between.
    pub(super) fn phone_end(&self, i: usize) -> usize {
        let text = self.text;
        let mut k = i;
        let mut end = i;
        while let Some(c) = text.n(k) {
            if c.is_ascii_digit() {
                k += 1;
                end = k;
            } else if matches!(c, ' ' | '.' | '-' | '/' | '(' | ')')
                && (text.is_digit(k + 1) || (matches!(text.n(k + 1), Some('(' | ')' | ' ')) && text.is_digit(k + 2)))
            {
                k += 1;
            } else {
                break;
            }
        }
        end
    }

    /// "2015-2019" is a range of years; anything else with a hyphen between digits is a code.
    pub(super) fn range(&mut self, i: usize, literal: Literal) -> usize {
        let text = self.text;
        let second_start = literal.end + 1;
        let second_end = text.digits_end(second_start);
        let year = |a: usize, b: usize| {
            (b - a == 4).then(|| text.norm_slice(a, b).parse::<i32>().ok()).flatten().filter(|y| (1900..=2100).contains(y))
        };
        if literal.plain && !text.n(second_end).is_some_and(|c| c.is_alphanumeric() || c == '-') {
            if let (Some(from), Some(to)) = (year(i, literal.end), year(second_start, second_end)) {
                if from <= to {
                    return self.push(Found::YearRange(from, to), i, second_end);
                }
            }
        }
        text.token_end(i)
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::dataset::date::Date;
    use crate::domain::release::extract::{extract, ContextKind};

    #[test]
    fn years_dates_and_times_are_not_counts() {
        let extraction = extract(
            "Brussels, 13/10/2020 - 13:00\n\nIn 2019 the programme ran in Niger. On 12 October 2021 and on 2021-10-12 it met again.",
        );
        assert!(extraction.proposals.is_empty(), "{:#?}", extraction.proposals);
        assert_eq!(extraction.release.date, Date::new(2020, 10, 13).ok());
        let kinds: Vec<ContextKind> = extraction.context.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, vec![ContextKind::Year, ContextKind::Date, ContextKind::Date]);
        assert_eq!(extraction.context[1].date.as_deref(), Some("2021-10-12"));
    }

    #[test]
    fn phone_numbers_postal_codes_and_references_are_skipped() {
        for text in [
            "Contact: +32 2 123 45 67 for returns.",
            "Tél. : 02 123 45 67 (retours).",
            "Call 02 123 45 67 about returns.",
            "Rue de la Loi 200, 1049 Bruxelles, returns office.",
            "B-1049 Brussels, returns office.",
            "Under Article 7 of Regulation (EU) 2019/1896 on returns.",
            "Conformément à l\u{2019}article 12, paragraphe 3, sur le retour.",
            "Per art. 5 on returns.",
            "COVID-19 slowed returns, and so did G20 talks on 5G.",
            "UNIQUE ID: 201013_8 retours",
            "See https://example.org/returns/2019/1234 for returns.",
            "Le programme a duré 3 ans et aidé des migrants à rentrer.",
        ] {
            let extraction = extract(text);
            assert!(extraction.proposals.is_empty(), "{text}: {:#?}", extraction.proposals);
            assert!(extraction.context.iter().all(|c| c.kind != ContextKind::Number), "{text}: {:#?}", extraction.context);
        }
    }
}
