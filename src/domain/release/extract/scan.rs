//! Number scanning: every number of the text as a token (a quantity with its scale, currency and
//! qualifier, in digits or in words, a year, a range of years, a date, an ordinal, a percentage or
//! a vague quantity in words), with phone numbers,
//! postal codes, references and codes recognised first so that they are never read as counts.

use crate::domain::dataset::date::Date;
use crate::domain::dataset::model::Qualifier;

use super::lexicon::{
    month_number, number_word, scale_of, Caution, Hedge, NumberWord, COUNT_NOUNS, HEDGES, MEASURES, MONEY_SUFFIXES, NUMBER_JOINS,
    ORDINAL_SUFFIXES, ORDINAL_WORDS, PHONE_WORDS, REFERENCE_WORDS, VAGUE_QUANTITIES,
};
use super::text::{ends_with, Text};

/// A month, a day of it and its year, as far as the text gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct PartialDate {
    pub(super) year: Option<i32>,
    pub(super) month: u8,
    pub(super) day: Option<u8>,
}

/// Which money a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Money {
    None,
    Euro,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Quantity {
    pub(super) value: f64,
    pub(super) money: Money,
    pub(super) qualifier: Qualifier,
    pub(super) caution: Option<Caution>,
    /// Where the qualifier's words begin, when there are any.
    pub(super) qualifier_start: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Found {
    Quantity(Quantity),
    Year(i32),
    YearRange(i32, i32),
    Date(PartialDate),
    Ordinal(u32),
    Percent(f64),
    /// A vague quantity in words ("a dozen", "hundreds of", "des milliers"): its order of magnitude.
    Vague(f64),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Token {
    pub(super) found: Found,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// A number as printed: its digits without separators and how many of them are decimals.
#[derive(Debug, Clone, Copy)]
struct Literal {
    end: usize,
    mantissa: u128,
    decimals: u32,
    /// Digits of the first run.
    lead: usize,
    /// Printed without any separator or decimal part.
    plain: bool,
    /// One `,` or `.` group of three digits: thousands, unless a scale word follows.
    ambiguous: bool,
}

impl Literal {
    fn integer(&self) -> Option<u64> {
        (self.decimals == 0).then(|| u64::try_from(self.mantissa).ok()).flatten()
    }

    /// The value times ten to the power `scale`, exact for whole results below 2^53.
    fn value(&self, scale: u32) -> f64 {
        let (mantissa, decimals) = if self.ambiguous && scale > 0 { (self.mantissa, 3) } else { (self.mantissa, self.decimals) };
        if scale >= decimals {
            match 10u128.checked_pow(scale - decimals).and_then(|factor| mantissa.checked_mul(factor)) {
                Some(whole) => whole as f64,
                None => f64::INFINITY,
            }
        } else {
            mantissa as f64 / 10f64.powi(i32::try_from(decimals - scale).unwrap_or(0))
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Separator {
    Space,
    Comma,
    Dot,
}

pub(super) fn scan(text: &Text<'_>) -> Vec<Token> {
    let mut scanner = Scanner { text, tokens: Vec::new(), phone_until: 0 };
    let mut i = 0;
    while i < text.len() {
        let next = if text.is_digit(i) {
            scanner.number(i)
        } else if text.is_letter(i) && !text.before(i).is_some_and(char::is_alphanumeric) {
            scanner.word(i)
        } else {
            i + 1
        };
        i = next.max(i + 1);
    }
    scanner.tokens
}

struct Scanner<'t, 'a> {
    text: &'t Text<'a>,
    tokens: Vec<Token>,
    /// Numbers starting before this index follow a phone keyword.
    phone_until: usize,
}

impl Scanner<'_, '_> {
    fn push(&mut self, found: Found, start: usize, end: usize) -> usize {
        self.tokens.push(Token { found, start, end });
        end
    }

    /// A word at `i`: month dates, ordinal words, "un million", URLs and phone keywords.
    fn word(&mut self, i: usize) -> usize {
        let text = self.text;
        let end = text.letters_end(i);
        let word = text.norm_slice(i, end);
        if matches!(word.as_str(), "http" | "https" | "www") {
            let mut k = end;
            while text.n(k).is_some_and(|c| !c.is_whitespace()) {
                k += 1;
            }
            return k;
        }
        if let Some(month) = month_number(&word) {
            if let Some(stop) = self.month_first_date(i, end, month) {
                return stop;
            }
        }
        if let Some((_, n)) = ORDINAL_WORDS.iter().find(|(name, _)| *name == word) {
            return self.push(Found::Ordinal(*n), i, end);
        }
        if let Some((_, magnitude)) = VAGUE_QUANTITIES.iter().find(|(name, _)| *name == word) {
            return self.push(Found::Vague(*magnitude), i, end);
        }
        if number_word(&word).is_some() {
            return self.number_in_words(i);
        }
        if PHONE_WORDS.contains(&word.as_str()) {
            self.phone_until = end + 12;
        }
        end
    }

    /// A number written in words at `i` ("fifteen thousand", "more than two hundred", "deux
    /// millions d’euros", "quatre-vingt-dix"): a quantity when it is worth twenty or more or holds
    /// "hundred", "thousand" or a scale; otherwise it is skipped.
    fn number_in_words(&mut self, i: usize) -> usize {
        let text = self.text;
        // The "cent" of "per cent", "pour cent".
        if text.norm_slice(i, text.letters_end(i)) == "cent"
            && text.words_before(i, 1).first().is_some_and(|(_, w)| matches!(w.as_str(), "per" | "pour"))
        {
            return text.letters_end(i);
        }
        let (mut total, mut group, mut previous) = (0u128, 0u128, None);
        let mut multiplied = false;
        let mut k = i;
        let mut end = i;
        loop {
            let word_end = text.letters_end(k);
            let Some(kind) = number_word(&text.norm_slice(k, word_end)) else { break };
            match kind {
                // "quatre-vingt(s)" is four twenties.
                NumberWord::Add(20) if previous == Some(NumberWord::Add(4)) => group = group.saturating_add(76),
                NumberWord::Add(n) => group = group.saturating_add(u128::from(n)),
                NumberWord::Hundred => group = group.max(1).saturating_mul(100),
                NumberWord::Thousand => {
                    total = total.saturating_add(group.max(1).saturating_mul(1_000));
                    group = 0;
                }
                NumberWord::Scale(power) => {
                    total = total.saturating_add(group.max(1)).saturating_mul(10u128.saturating_pow(power));
                    group = 0;
                }
            }
            multiplied |= !matches!(kind, NumberWord::Add(_));
            previous = Some(kind);
            end = word_end;
            // The next word of the number: after a hyphen, a space, or "and" / "et".
            let separated = matches!(text.n(word_end), Some('-' | ' ')) && text.is_letter(word_end + 1);
            if !separated {
                break;
            }
            let next = word_end + 1;
            let next_end = text.letters_end(next);
            let next_word = text.norm_slice(next, next_end);
            k = if NUMBER_JOINS.contains(&next_word.as_str())
                && text.is_inline_space(next_end)
                && number_word(&text.norm_slice(next_end + 1, text.letters_end(next_end + 1))).is_some()
            {
                next_end + 1
            } else {
                next
            };
        }
        let value = total.saturating_add(group);
        if let Some(stop) = self.percent_end(end) {
            return self.push(Found::Percent(value as f64), i, stop);
        }
        if value < 20 && !multiplied {
            return end;
        }
        let literal = Literal { end, mantissa: value, decimals: 0, lead: 0, plain: false, ambiguous: false };
        self.quantity(i, literal, None)
    }

    /// "juillet 2012", "July 2012", "October 12, 2021", "October 12".
    fn month_first_date(&mut self, start: usize, end: usize, month: u8) -> Option<usize> {
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

    /// A number at `i`: a date, a phone number, a reference, an ordinal, a percentage, a year
    /// or a quantity. Returns where scanning continues.
    fn number(&mut self, i: usize) -> usize {
        let text = self.text;
        // Inside a word or a code ("G20", "COVID-19", "B-1049", "2019/1896", "7(2)").
        let before = text.before(i);
        let before2 = i.checked_sub(2).and_then(|p| text.n(p));
        let attached = before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '/' | '=' | '.' | ','))
            || (matches!(before, Some('-' | '(')) && before2.is_some_and(char::is_alphanumeric));
        if attached {
            return text.token_end(i);
        }
        if let Some(end) = self.numeric_date(i) {
            return end;
        }
        let leading_zero = text.n(i) == Some('0') && text.is_digit(i + 1);
        if before == Some('+') || i < self.phone_until || leading_zero || self.phone_groups(i) {
            return self.phone_end(i);
        }
        let literal = self.literal(i);
        let end = literal.end;
        match (text.n(end), text.n(end + 1)) {
            // A time ("13:00") or a reference ("2019/1896").
            (Some(':' | '/'), Some(d)) if d.is_ascii_digit() => return text.token_end(i),
            (Some('-'), Some(d)) if d.is_ascii_digit() => return self.range(i, literal),
            (Some('-'), Some(c)) if c.is_alphabetic() => return text.token_end(i),
            _ => {}
        }
        if text.is_letter(end) || text.n(end) == Some('_') {
            return self.attached_letters(i, literal);
        }
        // References: "Article 7", "art. 12", "n° 5", "§ 3".
        let mut k = i;
        if text.before(k) == Some(' ') {
            k -= 1;
        }
        if matches!(text.before(k), Some('°' | 'º' | '§' | '#'))
            || text.word_before_loose(i).is_some_and(|w| REFERENCE_WORDS.contains(&w.as_str()))
        {
            return text.token_end(i).max(end);
        }
        // Percentages.
        if let Some(stop) = self.percent_end(end) {
            return self.push(Found::Percent(literal.value(0)), i, stop);
        }
        let after = text.words_after(end, 2);
        let first = after.first().map(|(_, _, w)| w.as_str()).unwrap_or_default();
        // A day and a month ("23 septembre", "12 October 2021").
        if let (Some(day), Some((_, month_end, word))) = (literal.integer().filter(|_| literal.plain), after.first()) {
            if let (Some(month), true) = (month_number(word), (1..=31).contains(&day) && literal.lead <= 2) {
                return self.day_first_date(i, u8::try_from(day).unwrap_or(1), month, *month_end);
            }
        }
        // Postal codes: four or five plain digits before a capitalised place name.
        let capitalised_next = text.is_inline_space(end) && text.ch(end + 1).is_some_and(char::is_uppercase);
        if literal.plain && (4..=5).contains(&literal.lead) && capitalised_next {
            let year_like = literal.lead == 4 && literal.integer().is_some_and(|y| (1900..=2100).contains(&y));
            if !year_like {
                return text.token_end(i);
            }
        }
        let scale = self.scale_after(end);
        let money_prefix = self.money_prefix(i);
        let money_after = self.money_after(scale.map_or(end, |(_, e)| e));
        // Years.
        if literal.plain && literal.lead == 4 && scale.is_none() && money_prefix.is_none() && money_after.is_none() {
            if let Some(year) = literal.integer().and_then(|y| i32::try_from(y).ok()).filter(|y| (1900..=2100).contains(y)) {
                if !COUNT_NOUNS.contains(&first) {
                    return self.push(Found::Year(year), i, end);
                }
            }
        }
        // Durations and measures.
        if scale.is_none() && money_prefix.is_none() && money_after.is_none() && MEASURES.contains(&first) {
            return after.first().map_or(end, |(_, e, _)| *e);
        }
        self.quantity(i, literal, scale)
    }

    /// Where a percent sign or words ("%", "per cent", "pour cent", "percent") after `end` stop.
    fn percent_end(&self, end: usize) -> Option<usize> {
        let text = self.text;
        let mut p = end;
        if text.is_inline_space(p) {
            p += 1;
        }
        if text.n(p) == Some('%') {
            return Some(p + 1);
        }
        let after = text.words_after(end, 2);
        let first = after.first().map(|(_, _, w)| w.as_str()).unwrap_or_default();
        let second = after.get(1).map(|(_, _, w)| w.as_str()).unwrap_or_default();
        match (first, second) {
            ("per" | "pour", "cent") => after.get(1).map(|(_, e, _)| *e),
            ("percent" | "pourcent", _) => after.first().map(|(_, e, _)| *e),
            _ => None,
        }
    }

    /// A quantity: the number, its scale, its currency before or after, and its qualifier.
    fn quantity(&mut self, i: usize, literal: Literal, scale: Option<(u32, usize)>) -> usize {
        let text = self.text;
        let (power, mut end) = scale.unwrap_or((0, literal.end));
        let prefix = self.money_prefix(i);
        let suffix = self.money_after(end);
        let money = match (prefix, suffix) {
            (Some((money, _)), _) | (None, Some((money, _))) => money,
            (None, None) => Money::None,
        };
        if let Some((_, stop)) = suffix {
            end = stop;
        }
        let start = prefix.map_or(i, |(_, at)| at);
        let (qualifier, caution, qualifier_start) = qualifier_before(text, start);
        let quantity = Quantity { value: literal.value(power), money, qualifier, caution, qualifier_start };
        if !quantity.value.is_finite() {
            return end;
        }
        self.push(Found::Quantity(quantity), start, end)
    }

    /// Letters written onto a number: an ordinal ("7e", "1er octobre"), a money scale
    /// ("€140m"), or a code to skip ("5G", "201013_8").
    fn attached_letters(&mut self, i: usize, literal: Literal) -> usize {
        let text = self.text;
        let end = literal.end;
        let letters_end = text.letters_end(end);
        let letters = text.norm_slice(end, letters_end);
        let word_ends = !text.n(letters_end).is_some_and(|c| c.is_alphanumeric() || c == '_');
        if word_ends && ORDINAL_SUFFIXES.contains(&letters.as_str()) && literal.plain {
            if let Some(n) = literal.integer().and_then(|n| u32::try_from(n).ok()) {
                // "1er octobre 2020" is a date.
                if let Some((_, month_end, word)) = text.words_after(letters_end, 1).first() {
                    if let (Some(month), true) = (month_number(word), (1..=31).contains(&n)) {
                        return self.day_first_date(i, u8::try_from(n).unwrap_or(1), month, *month_end);
                    }
                }
                return self.push(Found::Ordinal(n), i, letters_end);
            }
        }
        if word_ends && self.money_prefix(i).is_some() {
            if let Some((_, power)) = MONEY_SUFFIXES.iter().find(|(name, _)| *name == letters) {
                return self.quantity(i, literal, Some((*power, letters_end)));
            }
        }
        text.token_end(i)
    }

    /// "23 septembre", "12 October 2021": the day and month are read, the year if it follows.
    fn day_first_date(&mut self, start: usize, day: u8, month: u8, month_end: usize) -> usize {
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
    fn numeric_date(&mut self, i: usize) -> Option<usize> {
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
    fn phone_groups(&self, i: usize) -> bool {
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
    fn phone_end(&self, i: usize) -> usize {
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
    fn range(&mut self, i: usize, literal: Literal) -> usize {
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

    /// The digits at `i` with their thousands separators and decimal part.
    fn literal(&self, i: usize) -> Literal {
        let text = self.text;
        let lead_end = text.digits_end(i);
        let lead = lead_end - i;
        let mut digits = text.norm_slice(i, lead_end);
        let mut k = lead_end;
        let mut separator: Option<Separator> = None;
        let mut groups = 0;
        if lead <= 3 {
            while let Some(c) = text.n(k) {
                let kind = match c {
                    ',' => Separator::Comma,
                    '.' => Separator::Dot,
                    ' ' => Separator::Space,
                    _ => break,
                };
                if separator.is_some_and(|s| s != kind) || text.digits_end(k + 1) != k + 4 {
                    break;
                }
                separator = Some(kind);
                digits.push_str(&text.norm_slice(k + 1, k + 4));
                groups += 1;
                k += 4;
            }
        }
        let mut decimals = 0;
        if let Some(c @ (',' | '.')) = text.n(k) {
            let allowed = match separator {
                Some(Separator::Comma) => c == '.',
                Some(Separator::Dot) => c == ',',
                _ => true,
            };
            let end = text.digits_end(k + 1);
            if allowed && end > k + 1 {
                digits.push_str(&text.norm_slice(k + 1, end));
                decimals = u32::try_from(end - k - 1).unwrap_or(0);
                k = end;
            }
        }
        let mantissa = if digits.len() > 30 { u128::MAX } else { digits.parse::<u128>().unwrap_or(u128::MAX) };
        Literal {
            end: k,
            mantissa,
            decimals,
            lead,
            plain: groups == 0 && decimals == 0,
            ambiguous: groups == 1 && decimals == 0 && matches!(separator, Some(Separator::Comma | Separator::Dot)),
        }
    }

    /// A scale word after a number ("million", "milliard", "bn"): its power and where it ends.
    fn scale_after(&self, end: usize) -> Option<(u32, usize)> {
        let text = self.text;
        if !text.is_inline_space(end) {
            return None;
        }
        let word_end = text.letters_end(end + 1);
        let word = text.norm_slice(end + 1, word_end);
        if word == "m" && self.money_prefix_before_number(end).is_none() {
            return None;
        }
        let power = scale_of(&word).or_else(|| (word == "m").then_some(6))?;
        Some((power, word_end))
    }

    fn money_prefix_before_number(&self, end: usize) -> Option<(Money, usize)> {
        let mut start = end;
        while start > 0 && self.text.before(start).is_some_and(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ')) {
            start -= 1;
        }
        while self.text.n(start) == Some(' ') {
            start += 1;
        }
        self.money_prefix(start)
    }

    /// Money written before a number ("€1.88", "EUR 140", "US$ 5"): its kind and start.
    fn money_prefix(&self, i: usize) -> Option<(Money, usize)> {
        let text = self.text;
        let mut k = i;
        if text.before(k) == Some(' ') {
            k -= 1;
        }
        match text.before(k) {
            Some('€') => return Some((Money::Euro, k - 1)),
            Some('$' | '£') => {
                let mut start = k - 1;
                while text.before(start).is_some_and(char::is_alphabetic) {
                    start -= 1;
                }
                return Some((Money::Other, start));
            }
            _ => {}
        }
        let words = text.words_before(i, 1);
        let (start, word) = words.first()?;
        if *start + word.chars().count() + 1 < i {
            return None;
        }
        match word.as_str() {
            "eur" | "euro" => Some((Money::Euro, *start)),
            "usd" | "chf" | "gbp" => Some((Money::Other, *start)),
            _ => None,
        }
    }

    /// Money written after a number or its scale ("€", "EUR", "euros", "d’euros", "de dollars").
    fn money_after(&self, end: usize) -> Option<(Money, usize)> {
        let text = self.text;
        let mut k = end;
        if text.is_inline_space(k) {
            k += 1;
        }
        match text.n(k) {
            Some('€') => return Some((Money::Euro, k + 1)),
            Some('$' | '£') => return Some((Money::Other, k + 1)),
            _ => {}
        }
        let words = text.words_after(end, 2);
        let (first_end, first) = words.first().map(|(_, e, w)| (*e, w.as_str()))?;
        let money = |word: &str| match word {
            "eur" | "euro" | "euros" => Some(Money::Euro),
            "usd" | "dollar" | "dollars" | "chf" | "francs" | "gbp" | "livres" | "pounds" => Some(Money::Other),
            _ => None,
        };
        if let Some(kind) = money(first) {
            return Some((kind, first_end));
        }
        if matches!(first, "d" | "de") {
            let (second_end, second) = words.get(1).map(|(_, e, w)| (*e, w.as_str()))?;
            return money(second).map(|kind| (kind, second_end));
        }
        None
    }
}

/// The qualifier in front of `start`: the longest hedge phrase that ends right there.
pub(super) fn qualifier_before(text: &Text<'_>, start: usize) -> (Qualifier, Option<Caution>, Option<usize>) {
    let before = text.words_before(start, 4);
    let best = HEDGES.iter().filter(|(phrase, _)| ends_with(&before, phrase)).max_by_key(|(phrase, _)| phrase.len());
    match best {
        Some((phrase, hedge)) => {
            let at = before.get(phrase.len().saturating_sub(1)).map(|(at, _)| *at);
            match hedge {
                Hedge::Is(qualifier) => (*qualifier, None, at),
                Hedge::Caution(caution) => (Qualifier::Exact, Some(*caution), at),
            }
        }
        None => (Qualifier::Exact, None, None),
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::dataset::date::Date;
    use crate::domain::dataset::model::{Metric, Qualifier, Unit};
    use crate::domain::release::extract::testing::{context_kinds, one, values};
    use crate::domain::release::extract::{extract, Confidence, ContextKind};

    #[test]
    fn reads_thousands_with_every_kind_of_space_and_separator() {
        for text in [
            "Plus de 84\u{a0}000 migrants sont rentrés.",
            "Plus de 84\u{202f}000 migrants sont rentrés.",
            "Plus de 84 000 migrants sont rentrés.",
            "More than 84,000 migrants returned home.",
            "Plus de 84.000 migrants sont rentrés.",
            "More than 84000 migrants returned home.",
        ] {
            let proposal = one(text);
            assert_eq!(proposal.value, 84000.0, "{text}");
            assert_eq!(proposal.metric, Metric::MigrantsReturned, "{text}");
            assert_eq!(proposal.qualifier, Qualifier::MoreThan, "{text}");
            assert_eq!(proposal.unit, Unit::Count);
        }
        assert_eq!(values("In total 1 234 567 migrants returned."), vec![1_234_567.0]);
        assert_eq!(values("In total 1,234,567 migrants returned."), vec![1_234_567.0]);
    }

    #[test]
    fn reads_money_in_french_and_english() {
        let cases = [
            ("un montant d\u{2019}environ 1,88\u{a0}milliard d\u{2019}euros", 1_880_000_000.0, Qualifier::About),
            ("worth about \u{20ac}1.88 billion in total", 1_880_000_000.0, Qualifier::About),
            ("a budget of EUR 140 million for the region", 140_000_000.0, Qualifier::Exact),
            ("un budget de 140 millions d'euros pour la région", 140_000_000.0, Qualifier::Exact),
            ("un budget de plus de 2,5 millions d\u{2019}euros", 2_500_000.0, Qualifier::MoreThan),
            ("a package of \u{20ac}140m for the region", 140_000_000.0, Qualifier::Exact),
            ("a package of EUR 2.125 billion", 2_125_000_000.0, Qualifier::Exact),
            ("un financement de 15 000 \u{20ac} par projet", 15_000.0, Qualifier::Exact),
            ("plus d\u{2019}un milliard d\u{2019}euros", 1_000_000_000.0, Qualifier::MoreThan),
            ("nearly EUR 3 million", 3_000_000.0, Qualifier::Almost),
        ];
        for (text, value, qualifier) in cases {
            let proposal = one(text);
            assert_eq!(proposal.value, value, "{text}");
            assert_eq!(proposal.unit, Unit::Eur, "{text}");
            assert_eq!(proposal.metric, Metric::FundingEur, "{text}");
            assert_eq!(proposal.qualifier, qualifier, "{text}");
        }
        let proposal = one("un montant d\u{2019}environ 1,88\u{a0}milliard d\u{2019}euros.");
        assert_eq!(proposal.number_text, "1,88\u{a0}milliard d\u{2019}euros");
        assert_eq!(proposal.qualifier_text.as_deref(), Some("environ"));
    }

    #[test]
    fn reads_numbers_written_in_words() {
        let cases = [
            ("fifteen thousand migrants returned home", 15_000.0, Qualifier::Exact, Unit::Count),
            ("more than two thousand migrants were rescued", 2_000.0, Qualifier::MoreThan, Unit::Count),
            ("more than two hundred projects", 200.0, Qualifier::MoreThan, Unit::Count),
            ("two hundred and fifty migrants returned", 250.0, Qualifier::Exact, Unit::Count),
            ("seventy-five migrants were rescued", 75.0, Qualifier::Exact, Unit::Count),
            ("one million migrants were assisted", 1_000_000.0, Qualifier::Exact, Unit::Count),
            ("the EU gave two million euros", 2_000_000.0, Qualifier::Exact, Unit::Eur),
            ("près de trois mille migrants sont rentrés", 3_000.0, Qualifier::Almost, Unit::Count),
            ("deux mille migrants ont été protégés", 2_000.0, Qualifier::Exact, Unit::Count),
            ("plus de cent mille migrants sont rentrés", 100_000.0, Qualifier::MoreThan, Unit::Count),
            ("quatre-vingt-dix migrants secourus", 90.0, Qualifier::Exact, Unit::Count),
            ("soixante et onze migrants secourus", 71.0, Qualifier::Exact, Unit::Count),
            ("deux cent cinquante mille migrants rentrés", 250_000.0, Qualifier::Exact, Unit::Count),
            ("deux millions d\u{2019}euros pour ces opérations", 2_000_000.0, Qualifier::Exact, Unit::Eur),
            ("un financement d\u{2019}un milliard d\u{2019}euros", 1_000_000_000.0, Qualifier::Exact, Unit::Eur),
            ("1,2 million de migrants sont rentrés", 1_200_000.0, Qualifier::Exact, Unit::Count),
            ("1.5 billion euros for partnerships", 1_500_000_000.0, Qualifier::Exact, Unit::Eur),
        ];
        for (text, value, qualifier, unit) in cases {
            let proposal = one(text);
            assert_eq!((proposal.value, proposal.qualifier, proposal.unit), (value, qualifier, unit), "{text}");
        }
        assert_eq!(context_kinds("twenty per cent of returnees"), vec![(ContextKind::Percent, 20.0)]);
        assert_eq!(context_kinds("ten per cent of returnees"), vec![(ContextKind::Percent, 10.0)]);
        assert_eq!(context_kinds("vingt pour cent des migrants rentrés"), vec![(ContextKind::Percent, 20.0)]);
        assert_eq!(one("près de trois mille migrants sont rentrés").number_text, "trois mille");
        assert_eq!(one("the EU gave two million euros").number_text, "two million euros");
    }

    #[test]
    fn small_and_vague_numbers_in_words_are_not_figures() {
        // Numbers under twenty in words are mostly not counts ("the two organisations").
        for text in [
            "The two organisations helped migrants return.",
            "Les deux partenaires ont aidé des migrants à rentrer.",
            "One migrant returned.",
        ] {
            let extraction = extract(text);
            assert!(extraction.proposals.is_empty(), "{text}: {:#?}", extraction.proposals);
            assert!(extraction.context.is_empty(), "{text}: {:#?}", extraction.context);
        }
        // Vague quantities come out as context with a note, never as figures.
        for (text, value) in [
            ("A dozen partner organisations helped returnees.", 12.0),
            ("Une douzaine de pays ont coopéré.", 12.0),
            ("Hundreds of migrants returned home.", 100.0),
            ("Des milliers de migrants sont rentrés.", 1_000.0),
            ("Thousands of migrants were rescued.", 1_000.0),
        ] {
            let extraction = extract(text);
            assert!(extraction.proposals.is_empty(), "{text}: {:#?}", extraction.proposals);
            assert_eq!(context_kinds(text), vec![(ContextKind::Number, value)], "{text}");
            assert!(extraction.context[0].note.as_deref().is_some_and(|n| n.contains("vague")), "{text}: {:#?}", extraction.context);
        }
    }

    #[test]
    fn reads_every_qualifier() {
        let cases = [
            ("plus de 500 migrants rapatriés", Qualifier::MoreThan),
            ("more than 500 migrants returned", Qualifier::MoreThan),
            ("over 500 migrants returned", Qualifier::MoreThan),
            ("at least 500 migrants returned", Qualifier::MoreThan),
            ("au moins 500 migrants rapatriés", Qualifier::MoreThan),
            ("environ 500 migrants rapatriés", Qualifier::About),
            ("about 500 migrants returned", Qualifier::About),
            ("some 500 migrants returned", Qualifier::About),
            ("quelque 500 migrants rapatriés", Qualifier::About),
            ("around 500 migrants returned", Qualifier::About),
            ("près de 500 migrants rapatriés", Qualifier::Almost),
            ("almost 500 migrants returned", Qualifier::Almost),
            ("nearly 500 migrants returned", Qualifier::Almost),
            ("close to 500 migrants returned", Qualifier::Almost),
            ("500 migrants returned", Qualifier::Exact),
        ];
        for (text, qualifier) in cases {
            assert_eq!(one(text).qualifier, qualifier, "{text}");
        }
        let capped = one("up to 500 migrants will be returned");
        assert_eq!(capped.qualifier, Qualifier::Exact);
        assert_eq!(capped.confidence, Confidence::Low);
        assert!(capped.notes.iter().any(|n| n.contains("upper bound")));
    }

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
    fn ordinals_are_context() {
        assert_eq!(context_kinds("La 7e réunion a eu lieu."), vec![(ContextKind::Ordinal, 7.0)]);
        assert_eq!(context_kinds("La septième réunion a eu lieu."), vec![(ContextKind::Ordinal, 7.0)]);
        assert_eq!(context_kinds("The 11th meeting took place."), vec![(ContextKind::Ordinal, 11.0)]);
        assert_eq!(context_kinds("The seventh meeting took place."), vec![(ContextKind::Ordinal, 7.0)]);
        assert_eq!(context_kinds("Bruxelles, 2 octobre 2020\n\nLe 1er octobre 2020, rien."), vec![(ContextKind::Date, 2020.0)]);
        assert!(extract("La 7e réunion sur le retour des migrants.").proposals.is_empty());
    }

    #[test]
    fn percentages_are_context() {
        for text in ["28 % des migrants rentrés", "28% of returned migrants", "28 per cent of returned migrants", "28\u{a0}% des rapatriés"]
        {
            assert_eq!(context_kinds(text), vec![(ContextKind::Percent, 28.0)], "{text}");
            assert!(extract(text).proposals.is_empty(), "{text}");
        }
        assert_eq!(context_kinds("un taux de 28,5 % de retours"), vec![(ContextKind::Percent, 28.5)]);
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
