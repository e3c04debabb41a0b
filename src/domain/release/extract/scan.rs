//! Number scanning: every number of the text as a token (a quantity with its scale, currency and
//! qualifier, in digits or in words, a year, a range of years, a date, an ordinal, a percentage or
//! a vague quantity in words), with phone numbers,
//! postal codes, references and codes recognised first so that they are never read as counts.
//!
//! This file holds the token types, the scan loop and the digits as printed; one `Scanner` is
//! spread over its submodules: `words` (numbers in words), `dates` (dates, ranges of years, phone
//! numbers) and `money` (currency, scale and the quantity they make).

use crate::domain::dataset::model::Qualifier;

use super::lexicon::{
    month_number, number_word, Caution, Hedge, COUNT_NOUNS, DAY_JOINS, HEDGES, MEASURES, MONEY_SUFFIXES, ORDINAL_SUFFIXES, ORDINAL_WORDS,
    PHONE_WORDS, REFERENCE_WORDS, VAGUE_QUANTITIES,
};
use super::text::{ends_with, Text};

mod dates;
mod money;
mod words;

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
        // "les 20 et 26 août", "du 20 au 26 août": the first day takes the month of the second.
        let day = literal.integer().filter(|d| literal.plain && literal.lead <= 2 && (1..=31).contains(d));
        if let (Some(day), Some((_, joiner_end, joiner))) = (day, after.first()) {
            if DAY_JOINS.contains(&joiner.as_str()) && text.is_inline_space(*joiner_end) {
                let next_end = text.digits_end(joiner_end + 1);
                let month = text.words_after(next_end, 1).first().and_then(|(_, _, word)| month_number(word));
                if let (true, Some(month)) = ((1..=2).contains(&(next_end - joiner_end - 1)), month) {
                    let date = PartialDate { year: None, month, day: u8::try_from(day).ok() };
                    return self.push(Found::Date(date), i, end);
                }
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
}
