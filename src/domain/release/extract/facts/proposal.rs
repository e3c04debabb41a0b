//! What the reader writes: the proposal for each attributed, dated quantity (with its notes and
//! confidence), and a context item for every token no proposal or fact uses.

use super::{Candidate, Hint, HintKind, Reader};
use crate::domain::dataset::model::Unit;
use crate::domain::release::extract::lexicon::Caution;
use crate::domain::release::extract::scan::{Found, Money};
use crate::domain::release::extract::{Confidence, ContextItem, ContextKind, Proposal};

impl Reader<'_, '_> {
    /// The proposal for a candidate dated by the phrases picked for it; also says whether
    /// each phrase was used.
    pub(super) fn proposal(
        &self,
        candidate: &Candidate,
        sentence: (usize, usize),
        from: Option<&Hint>,
        as_of: Option<&Hint>,
    ) -> (Proposal, bool, bool) {
        let text = self.text;
        let Candidate { token, quantity, metric, mut confidence, previous_end, next_start, ellipsis, from_context } = *candidate;
        let quote = |hint: &Hint| text.slice(hint.start, hint.end).split_whitespace().collect::<Vec<_>>().join(" ");
        let mut notes = Vec::new();
        if ellipsis {
            notes.push("Compared with the figure before it in the sentence, whose metric it was given.".to_string());
        }
        if from_context {
            notes.push(
                "Its own clause does not say what it counts: the metric is read from the rest of the sentence or the sentence before. Check it."
                    .to_string(),
            );
        }
        let mut period_start = None;
        let mut period_end = None;
        let mut cumulative_since = None;
        let mut used_from = false;
        let mut used_as_of = false;
        if let Some(hint) = from {
            used_from = true;
            match hint.kind {
                HintKind::Period(start, end) => {
                    period_start = Some(start);
                    period_end = Some(end);
                    notes.push(format!("Covers {start} to {end} (\u{ab}{}\u{bb}).", quote(hint)));
                }
                HintKind::Since(date) => {
                    period_start = Some(date);
                    cumulative_since = Some(date);
                    notes.push(format!("Running total since {date} (\u{ab}{}\u{bb}).", quote(hint)));
                }
                HintKind::SinceLaunch => {
                    notes.push(format!("Running total \u{ab}{}\u{bb}; the release gives no start date.", quote(hint)));
                }
                HintKind::AsOf(_) => used_from = false,
            }
        }
        if period_end.is_none() {
            if let Some(hint @ Hint { kind: HintKind::AsOf(date), .. }) = as_of {
                used_as_of = true;
                period_end = Some(*date);
                notes.push(format!("As of {date} (\u{ab}{}\u{bb}).", quote(hint)));
            }
        }
        if period_end.is_none() {
            period_end = self.release_date;
            match self.release_date {
                Some(date) => notes.push(format!("As of the release date, {date}.")),
                None => {
                    notes.push("No release date found: set period_end before adding.".to_string());
                    confidence = Confidence::Low;
                }
            }
        }
        // A period that ends in the release's own year is normal; a later year, or an as-of
        // day after the release, is a target or a forecast.
        if let (Some(end), Some(release)) = (period_end, self.release_date) {
            if end.year() > release.year() || (used_as_of && end > release) {
                notes.push(format!("Dated {end}, after the release: a target or forecast? Check before adding."));
                confidence = Confidence::Low;
            }
        }
        match quantity.caution {
            Some(Caution::UpTo) => {
                notes.push("Printed as an upper bound (\u{ab}up to\u{bb}), which no qualifier expresses.".to_string());
                confidence = Confidence::Low;
            }
            Some(Caution::LessThan) => {
                notes.push("Printed as an upper bound (\u{ab}less than\u{bb}), which no qualifier expresses.".to_string());
                confidence = Confidence::Low;
            }
            None => {}
        }
        let qualifier_text =
            quantity.qualifier_start.map(|at| text.slice(at, token.start).trim_end().to_string()).filter(|q| !q.is_empty());
        let proposal = Proposal {
            metric,
            metric_detail: self.detail(&token, quantity, previous_end, next_start),
            value: quantity.value,
            unit: if quantity.money == Money::Euro { Unit::Eur } else { Unit::Count },
            qualifier: quantity.qualifier,
            qualifier_text,
            period_start,
            period_end,
            cumulative_since,
            number_text: text.slice(token.start, token.end),
            number: text.span(token.start, token.end),
            sentence: text.span(sentence.0, sentence.1),
            confidence,
            notes,
        };
        (proposal, used_from, used_as_of)
    }

    /// Every token that is not part of a proposal or of the release's facts, in text order.
    pub(in crate::domain::release::extract) fn context(&self, sentences: &[(usize, usize)]) -> Vec<ContextItem> {
        let text = self.text;
        let year = self.fallback_year();
        let mut out = Vec::new();
        for (index, token) in self.tokens.iter().enumerate() {
            if self.used.get(index).copied().unwrap_or(true) {
                continue;
            }
            let sentence = sentences
                .iter()
                .find(|(start, end)| token.start >= *start && token.start < *end)
                .copied()
                .unwrap_or((token.start, token.end));
            let mut note = None;
            let (kind, value, date) = match token.found {
                Found::Ordinal(n) => (ContextKind::Ordinal, f64::from(n), None),
                Found::Year(y) => (ContextKind::Year, f64::from(y), Some(y.to_string())),
                Found::YearRange(from, to) => (ContextKind::Period, f64::from(from), Some(format!("{from}/{to}"))),
                Found::Percent(value) => (ContextKind::Percent, value, None),
                Found::Date(date) => {
                    let known = date.year.or(year);
                    if date.year.is_none() && known.is_some() {
                        note = Some("year taken from the release date".to_string());
                    }
                    let iso = match (known, date.day) {
                        (Some(y), Some(d)) => Some(format!("{y:04}-{:02}-{d:02}", date.month)),
                        (Some(y), None) => Some(format!("{y:04}-{:02}", date.month)),
                        (None, Some(d)) => Some(format!("--{:02}-{d:02}", date.month)),
                        (None, None) => None,
                    };
                    (ContextKind::Date, f64::from(known.unwrap_or(0)), iso)
                }
                Found::Vague(magnitude) => {
                    note = Some(
                        "a vague quantity in words (\u{ab}a dozen\u{bb}, \u{ab}hundreds of\u{bb}): not a figure; the value is its order of magnitude"
                            .to_string(),
                    );
                    (ContextKind::Number, magnitude, None)
                }
                Found::Quantity(quantity) => {
                    let reason = self.numbers.iter().find(|(k, _)| *k == index).map_or("not read as a figure", |(_, r)| *r);
                    note = Some(reason.to_string());
                    (ContextKind::Number, quantity.value, None)
                }
            };
            out.push(ContextItem {
                kind,
                value,
                date,
                span: text.span(token.start, token.end),
                sentence: text.span(sentence.0, sentence.1),
                note,
            });
        }
        out
    }
}
