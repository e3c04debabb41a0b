//! Money and scale around a number ("€1.88 billion", "EUR 140 million", "2,5 millions d’euros"):
//! the quantity with its currency, scale and qualifier.

use super::{qualifier_before, Found, Literal, Money, Quantity, Scanner};
use crate::domain::release::extract::lexicon::{scale_of, CURRENCY_FILLERS, OTHER_CURRENCY_CODES, OTHER_CURRENCY_NAMES};

impl Scanner<'_, '_> {
    /// A quantity: the number, its scale, its currency before or after, and its qualifier.
    pub(super) fn quantity(&mut self, i: usize, literal: Literal, scale: Option<(u32, usize)>) -> usize {
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

    /// A scale word after a number ("million", "milliard", "bn"): its power and where it ends.
    pub(super) fn scale_after(&self, end: usize) -> Option<(u32, usize)> {
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
    pub(super) fn money_prefix(&self, i: usize) -> Option<(Money, usize)> {
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
            word if OTHER_CURRENCY_CODES.contains(&word) => Some((Money::Other, *start)),
            _ => None,
        }
    }

    /// Money written after a number or its scale ("€", "EUR", "euros", "d’euros", "de dollars").
    pub(super) fn money_after(&self, end: usize) -> Option<(Money, usize)> {
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
        let words = text.words_after(end, 3);
        let money = |word: &str| match word {
            "eur" | "euro" | "euros" => Some(Money::Euro),
            word if OTHER_CURRENCY_CODES.contains(&word) || OTHER_CURRENCY_NAMES.contains(&word) => Some(Money::Other),
            _ => None,
        };
        // "380 millions de dollars", "380 million US dollars", "5 MD", "d’euros".
        let mut skipped = 0;
        for (_, word_end, word) in &words {
            if let Some(kind) = money(word) {
                return Some((kind, *word_end));
            }
            if skipped == 0 && CURRENCY_FILLERS.contains(&word.as_str()) {
                skipped += 1;
                continue;
            }
            break;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::dataset::model::{Metric, Qualifier, Unit};
    use crate::domain::release::extract::testing::one;

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
}
