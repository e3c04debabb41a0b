//! Numbers written in words ("fifteen thousand", "deux millions d’euros", "quatre-vingt-dix"):
//! read into a quantity or a percentage, small ones skipped.

use super::{Found, Literal, Scanner};
use crate::domain::release::extract::lexicon::{number_word, NumberWord, NUMBER_JOINS};

impl Scanner<'_, '_> {
    /// A number written in words at `i` ("fifteen thousand", "more than two hundred", "deux
    /// millions d’euros", "quatre-vingt-dix"): a quantity when it is worth twenty or more or holds
    /// "hundred", "thousand" or a scale; otherwise it is skipped.
    pub(super) fn number_in_words(&mut self, i: usize) -> usize {
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
}

#[cfg(test)]
mod tests {
    use crate::domain::dataset::model::{Qualifier, Unit};
    use crate::domain::release::extract::testing::{context_kinds, one};
    use crate::domain::release::extract::{extract, ContextKind};

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
}
