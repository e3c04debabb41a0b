//! What a quantity counts: money is funding, the noun right after it decides projects, countries
//! and partners, otherwise the words of its clause (programme names masked); aims and comparisons.

use super::Reader;
use crate::domain::dataset::model::Metric;
use crate::domain::release::extract::lexicon::{
    COMPARISONS, COUNTRY_NOUNS, HUMANITARIAN, PARTNER_NOUNS, PEOPLE_METRICS, PEOPLE_NOUNS, PROJECT_NOUNS, TARGET_JOINS, TARGET_WORDS,
    THINGS,
};
use crate::domain::release::extract::scan::{Money, Quantity, Token};
use crate::domain::release::extract::text::{ends_with, has_phrase};
use crate::domain::release::extract::Confidence;

impl Reader<'_, '_> {
    /// True when the number's clause, up to the number, says it is an aim ("aims to reach").
    pub(super) fn is_target(&self, token: &Token, quantity: Quantity, previous_end: usize) -> bool {
        let own_start = quantity.qualifier_start.unwrap_or(token.start);
        let left = self.clause_start(previous_end, own_start);
        // Every whole word of the clause before the number, across the years and dates in it
        // ("prévoit en 2025 de faciliter le retour de 21 187").
        self.text.words_between(left, own_start).iter().rev().take(16).any(|word| TARGET_WORDS.contains(&word.as_str()))
    }

    /// True when the first nouns after a number name things, not people ("150 demandes", "412
    /// charter flights"): such a number takes no metric, not even from the figure before it.
    pub(super) fn counts_things(&self, token: &Token) -> bool {
        self.text.words_after(token.end, 3).iter().any(|(_, _, word)| THINGS.contains(&word.as_str()))
    }

    /// True when the words between the previous quantity and this one join it to that quantity
    /// ("…, ainsi que la réintégration de 18 420", "and 300"): used to carry a target over.
    pub(super) fn joins_previous(&self, token: &Token, quantity: Quantity, previous_end: usize) -> bool {
        let words = self.text.words_between(previous_end, quantity.qualifier_start.unwrap_or(token.start));
        TARGET_JOINS.iter().any(|phrase| has_phrase(&words, phrase))
    }

    /// What a number of people counts when its own clause does not say ("Au total, plus de 6.500
    /// migrants ont pu bénéficier de ce dispositif"): the words of its sentence, then of the
    /// sentence before it in the paragraph, programme names masked. Only for a number followed
    /// by a noun of people, and never sure.
    pub(super) fn metric_from_context(
        &self,
        token: &Token,
        quantity: Quantity,
        sentence: (usize, usize),
        before: Option<(usize, usize)>,
    ) -> Option<Metric> {
        if quantity.money != Money::None {
            return None;
        }
        let head = self.text.words_after(token.end, 1);
        if !head.first().is_some_and(|(_, _, word)| PEOPLE_NOUNS.contains(&word.as_str())) {
            return None;
        }
        [Some(sentence), before].into_iter().flatten().find_map(|(start, end)| {
            PEOPLE_METRICS
                .iter()
                .find(|(_, words)| self.text.contains_any_outside(start, end, words, &self.programmes))
                .map(|(metric, _)| *metric)
        })
    }

    /// True when the words before a number compare it with the figure before ("contre environ
    /// 2 100 en 2020", "compared with 2,100").
    pub(super) fn is_comparison(&self, token: &Token, quantity: Quantity) -> bool {
        let before = self.text.words_before(quantity.qualifier_start.unwrap_or(token.start), 3);
        COMPARISONS.iter().any(|phrase| ends_with(&before, phrase))
    }

    /// Where the clause of a quantity begins: after the last `,`, `;`, `:` or bracket before it,
    /// and never before the previous quantity.
    fn clause_start(&self, from: usize, start: usize) -> usize {
        let text = self.text;
        (from..start).rev().find(|k| matches!(text.n(*k), Some(',' | ';' | ':' | '(' | ')'))).map_or(from, |k| k + 1)
    }

    /// Where the right-hand window of a quantity ends: the next quantity, a `;`, or the sentence end.
    fn window_end(&self, end: usize, limit: usize) -> usize {
        (end..limit).find(|k| self.text.n(*k) == Some(';')).unwrap_or(limit)
    }

    pub(super) fn metric(
        &self,
        token: &Token,
        quantity: Quantity,
        previous_end: usize,
        next_start: usize,
        sentence: (usize, usize),
    ) -> Option<(Metric, Confidence)> {
        let text = self.text;
        let left = self.clause_start(previous_end, quantity.qualifier_start.unwrap_or(token.start));
        let right = self.window_end(token.end, next_start);
        match quantity.money {
            Money::Euro => return Some((Metric::FundingEur, Confidence::High)),
            Money::Other => return None,
            Money::None => {}
        }
        let head = text.words_after(token.end, 3);
        for (position, (_, _, word)) in head.iter().enumerate() {
            let word = word.as_str();
            // "412 charter flights", "14 régions du pays": the first noun says what is counted.
            if THINGS.contains(&word) {
                return None;
            }
            if COUNTRY_NOUNS.contains(&word) {
                let humanitarian = text.contains_any(sentence.0, sentence.1, HUMANITARIAN);
                let metric = if humanitarian { Metric::CountriesHumanitarianAid } else { Metric::CountriesCovered };
                return Some((metric, Confidence::High));
            }
            if PROJECT_NOUNS.contains(&word) {
                return Some((Metric::Projects, Confidence::High));
            }
            let partner_of_countries = matches!(word, "partner" | "partenaire")
                && head.get(position + 1).is_some_and(|(_, _, next)| COUNTRY_NOUNS.contains(&next.as_str()));
            if PARTNER_NOUNS.contains(&word) && !partner_of_countries {
                return Some((Metric::Partners, Confidence::High));
            }
        }
        PEOPLE_METRICS
            .iter()
            .find(|(_, words)| {
                text.contains_any_outside(token.end, right, words, &self.programmes)
                    || text.contains_any_outside(left, token.start, words, &self.programmes)
            })
            .map(|(metric, _)| (*metric, Confidence::Medium))
    }

    /// A short phrase around the number: up to four words before it in its clause, and its
    /// clause after it up to the next comma, capped at fourteen words.
    pub(super) fn detail(&self, token: &Token, quantity: Quantity, previous_end: usize, next_start: usize) -> String {
        let text = self.text;
        let own_start = quantity.qualifier_start.unwrap_or(token.start);
        let left = self.clause_start(previous_end, own_start);
        let before = text.words_before(own_start, 4);
        let from = before.iter().map(|(at, _)| *at).filter(|at| *at >= left).min().unwrap_or(own_start);
        let limit = self.window_end(token.end, next_start);
        let to = (token.end..limit).find(|k| matches!(text.n(*k), Some(',' | '.' | ';' | ':' | '('))).unwrap_or(limit);
        let words: Vec<String> = text.slice(from, to).split_whitespace().map(str::to_string).collect();
        let mut phrase = words.iter().take(4 + 14).cloned().collect::<Vec<_>>().join(" ");
        if words.len() > 18 {
            phrase.push('…');
        }
        phrase
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::dataset::model::Metric;
    use crate::domain::release::extract::testing::one;
    use crate::domain::release::extract::{extract, ContextKind};

    #[test]
    fn nouns_after_the_number_decide_projects_countries_and_partners() {
        assert_eq!(one("dans le cadre de 535 projets").metric, Metric::Projects);
        assert_eq!(one("in 26 countries of origin").metric, Metric::CountriesCovered);
        assert_eq!(one("in 34 partner countries").metric, Metric::CountriesCovered);
        assert_eq!(one("l\u{2019}OIM apporte une aide humanitaire dans 34 pays").metric, Metric::CountriesHumanitarianAid);
        assert_eq!(one("with 120 partner organisations").metric, Metric::Partners);
        assert_eq!(one("avec 45 organisations partenaires").metric, Metric::Partners);
    }

    #[test]
    fn clauses_decide_the_people_metrics() {
        let extraction = extract(
            "Depuis le lancement, plus de 84\u{a0}000 migrants ont bénéficié d\u{2019}une protection et d\u{2019}une assistance pour rentrer dans leur pays d\u{2019}origine, \
             97\u{a0}000 migrants de retour au pays d\u{2019}origine ont bénéficié d\u{2019}une aide à la réintégration, \
             et plus de 25\u{a0}000 migrants en détresse ont bénéficié de secours.",
        );
        let metrics: Vec<Metric> = extraction.proposals.iter().map(|p| p.metric).collect();
        assert_eq!(metrics, vec![Metric::MigrantsReturned, Metric::MigrantsReintegration, Metric::MigrantsRescued]);
        assert_eq!(one("IOM provided reintegration assistance to 8,000 returnees.").metric, Metric::MigrantsReintegration);
        assert_eq!(one("IOM protected and assisted 5,000 stranded migrants.").metric, Metric::MigrantsProtectedAssisted);
        let unattributed = extract("There were 5,000 people at the event.");
        assert!(unattributed.proposals.is_empty());
        assert_eq!(unattributed.context[0].kind, ContextKind::Number);
    }

    #[test]
    fn programme_names_do_not_decide_the_metric() {
        let cases = [
            "More than 15,000 migrants returned home under the EU-IOM Joint Initiative for Migrant Protection and Reintegration.",
            "Près de 3 000 migrants sont rentrés chez eux dans le cadre de l\u{2019}Initiative conjointe UE-OIM pour la protection et la réintégration des migrants.",
            "The Joint Initiative for Migrant Protection and Reintegration helped 2,000 migrants return home.",
            "Some 940 migrants returned to Ethiopia with the Facility on Sustainable and Dignified Return and Reintegration.",
        ];
        for text in cases {
            assert_eq!(one(text).metric, Metric::MigrantsReturned, "{text}");
        }
        // The people's own words still decide, inside a sentence that names the programme.
        let assisted =
            one("Under the Facility on Sustainable and Dignified Return and Reintegration, IOM assisted 3,600 stranded migrants.");
        assert_eq!(assisted.metric, Metric::MigrantsProtectedAssisted);
        let reintegrated = one("Under the EU-IOM Joint Initiative for Migrant Protection and Reintegration, 2,400 returnees received reintegration assistance.");
        assert_eq!(reintegrated.metric, Metric::MigrantsReintegration);
        // A name alone names no metric.
        assert!(extract("The EU-IOM Joint Initiative for Migrant Protection and Reintegration met 30 donors.").proposals.is_empty());
    }

    #[test]
    fn targets_and_aims_are_context() {
        for text in [
            "It aims to reach 20,000 returnees by the end of 2024.",
            "Participants also agreed to aim for 25,000 voluntary returns from Libya by 2026.",
            "L\u{2019}objectif est d\u{2019}atteindre 150 000 retours d\u{2019}ici à 2027.",
            "La deuxième phase vise à réintégrer 10 000 migrants de retour.",
            "The target is 5,000 rescued migrants a year.",
        ] {
            let extraction = extract(text);
            assert!(extraction.proposals.is_empty(), "{text}: {:#?}", extraction.proposals);
            let number = extraction.context.iter().find(|c| c.kind == ContextKind::Number).expect(text);
            assert!(number.note.as_deref().is_some_and(|n| n.contains("target")), "{text}: {:#?}", extraction.context);
        }
        // What was done stays a figure, in a sentence that also states an aim.
        assert_eq!(one("IOM provided targeted assistance to 5,000 stranded migrants.").metric, Metric::MigrantsProtectedAssisted);
        assert_eq!(one("The EU has pledged EUR 300 million for 2025.").metric, Metric::FundingEur);
    }

    #[test]
    fn the_first_noun_after_a_number_decides() {
        // Regions of the country are not countries; organisations met are not partners.
        assert!(extract("Le programme couvre 14 régions du pays.").proposals.is_empty());
        assert!(extract("The Commissioner met representatives of 30 civil society organisations.").proposals.is_empty());
        assert_eq!(one("with 30 partner organisations").metric, Metric::Partners);
        assert_eq!(one("avec 30 ONG partenaires").metric, Metric::Partners);
    }

    #[test]
    fn things_are_not_people() {
        let extraction = extract("IOM helped 60,617 migrants to return home on 412 charter flights.");
        assert_eq!(extraction.proposals.len(), 1);
        assert_eq!(extraction.proposals[0].value, 60617.0);
        assert_eq!(extraction.context[0].value, 412.0);
        assert_eq!(extraction.context[0].kind, ContextKind::Number);
    }
}
