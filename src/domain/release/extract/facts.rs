//! The facts: the release's own date, identifier, title and language, then, sentence by
//! sentence, the reader that gives each quantity its metric (or leaves it as context), dates it
//! from the phrases around it, and writes the proposals and the context items.
//!
//! This file holds the release's facts, the reader's types and its walk through a sentence; one
//! `Reader` is spread over its submodules: `metric` (what a quantity counts), `dating` (the phrases
//! that date it) and `proposal` (the proposals and context items it writes).

use crate::domain::dataset::date::Date;
use crate::domain::dataset::model::Metric;
use crate::domain::lang::Lang;

use super::lexicon::{BOILERPLATE, BREAKDOWN_WORDS, ENGLISH_WORDS, FRENCH_WORDS, ID_LABELS, ID_LABELS_KEPT, PROGRAMME_NAMES};
use super::scan::{Found, Money, PartialDate, Quantity, Token};
use super::text::{has_phrase, Text};
use super::{Confidence, Proposal};

mod dating;
mod metric;
mod proposal;

/// The release date: the first full date in the first eight lines, with its token and line.
pub(super) fn release_date(tokens: &[Token], lines: &[(usize, usize)]) -> Option<(Date, usize, usize)> {
    tokens.iter().enumerate().find_map(|(index, token)| {
        let Found::Date(PartialDate { year: Some(year), month, day: Some(day) }) = token.found else { return None };
        let line = lines.iter().take(8).position(|(start, end)| token.start >= *start && token.start < *end)?;
        Date::new(year, month, day).ok().map(|date| (date, index, line))
    })
}

/// A release's identifier as [`unique_id`] finds it.
pub(super) struct FoundId {
    /// The identifier alone: `201013_8`, `IP/21/123`.
    pub(super) id: String,
    /// The reference as the release writes it, with its label where the label is part of it:
    /// `UNIQUE ID: 201013_8`, `IP/21/123`.
    pub(super) reference: String,
    /// Where the identifier starts, in characters.
    pub(super) start: usize,
    /// Where it ends.
    pub(super) end: usize,
}

/// `UNIQUE ID: 201013_8` or `Reference: IP/21/123`: the identifier, the reference as written
/// and the identifier's character range.
pub(super) fn unique_id(text: &Text<'_>) -> Option<FoundId> {
    ID_LABELS.iter().find_map(|label| {
        let at = text.find_word(0, text.len(), label)?;
        let mut k = at + label.chars().count();
        while text.n(k).is_some_and(|c| c == ' ' || c == ':') {
            k += 1;
        }
        let start = k;
        while text.n(k).is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '/' | '-' | '.')) {
            k += 1;
        }
        while k > start && text.before(k).is_some_and(|c| matches!(c, '.' | '-' | '/')) {
            k -= 1;
        }
        let id = text.slice(start, k);
        let reference = if ID_LABELS_KEPT.contains(label) { text.slice(at, k) } else { id.clone() };
        (id.chars().any(|c| c.is_ascii_digit())).then_some(FoundId { id, reference, start, end: k })
    })
}

/// The title's line: the nearest line of substance above the dateline, else the first one below
/// it or the first line of the text.
pub(super) fn title_line(text: &Text<'_>, lines: &[(usize, usize)], dateline: Option<usize>) -> Option<(usize, usize)> {
    let is_title = |(start, end): &(usize, usize)| {
        let line = text.norm_slice(*start, *end);
        !BOILERPLATE.contains(&line.trim())
            && end - start <= 300
            && line.split_whitespace().count() <= 25
            && line.chars().any(char::is_alphabetic)
    };
    // A date inside a paragraph of body text ("Le 16 septembre 2025, l'OIM Tunisie a
    // organisé…", a press agency's "TUNIS, 14 oct 2025 (TAP) - L'OIM…") is no dateline of its
    // own: the headline can only be above it.
    let in_body = |line: usize| lines.get(line).is_some_and(|(start, end)| text.norm_slice(*start, *end).split_whitespace().count() > 20);
    let found = match dateline {
        Some(line) => lines
            .iter()
            .take(line)
            .rev()
            .find(|l| is_title(l))
            .or_else(|| lines.iter().skip(line + 1).take(if in_body(line) { 0 } else { 3 }).find(|l| is_title(l))),
        // Without a dateline, only the first line (after site names) can be a headline: a short
        // line further down is body text.
        None => lines
            .iter()
            .take(5)
            .find(|(start, end)| !BOILERPLATE.contains(&text.norm_slice(*start, *end).trim()))
            .filter(|l| is_title(l)),
    };
    found.copied()
}

/// French or English, by counting each language's commonest short words.
pub(super) fn guess_language(text: &Text<'_>) -> Lang {
    let mut french = 0;
    let mut english = 0;
    let mut i = 0;
    while i < text.len() {
        if text.is_letter(i) {
            let end = text.letters_end(i);
            let word = text.norm_slice(i, end);
            french += usize::from(FRENCH_WORDS.contains(&word.as_str()));
            english += usize::from(ENGLISH_WORDS.contains(&word.as_str()));
            i = end;
        } else {
            i += 1;
        }
    }
    if french > english {
        Lang::Fr
    } else {
        Lang::En
    }
}

/// A phrase of the sentence that dates the figures near it.
#[derive(Debug, Clone)]
struct Hint {
    kind: HintKind,
    start: usize,
    end: usize,
    tokens: Vec<usize>,
}

#[derive(Debug, Clone, Copy)]
enum HintKind {
    Period(Date, Date),
    Since(Date),
    SinceLaunch,
    AsOf(Date),
}

impl HintKind {
    fn is_start(self) -> bool {
        !matches!(self, HintKind::AsOf(_))
    }
}

/// A quantity of a sentence that has a metric, before it is dated.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    token: Token,
    quantity: Quantity,
    metric: Metric,
    confidence: Confidence,
    previous_end: usize,
    next_start: usize,
    /// The metric was taken from the figure before ("contre 2 100 en 2020").
    ellipsis: bool,
    /// The metric was read from the rest of the sentence or the sentence before, not from the
    /// number's own clause.
    from_context: bool,
}

impl Candidate {
    /// The number with its qualifier.
    fn own(&self) -> (usize, usize) {
        (self.quantity.qualifier_start.unwrap_or(self.token.start), self.token.end)
    }
}

pub(super) struct Reader<'r, 'a> {
    pub(super) text: &'r Text<'a>,
    pub(super) tokens: &'r [Token],
    pub(super) release_date: Option<Date>,
    /// Tokens that became part of a proposal or of the release's facts.
    pub(super) used: Vec<bool>,
    pub(super) proposals: Vec<Proposal>,
    /// Quantities with no metric, with the reason.
    pub(super) numbers: Vec<(usize, &'static str)>,
    /// Where the text names a programme (see [`programme_names`]): its words decide no metric.
    pub(super) programmes: Vec<(usize, usize)>,
    /// The sentence before the one being read, when both are in the same paragraph.
    pub(super) previous_sentence: Option<(usize, usize)>,
}

/// Where the text names a programme whose name holds metric words.
pub(super) fn programme_names(text: &Text<'_>) -> Vec<(usize, usize)> {
    text.find_phrases(PROGRAMME_NAMES)
}

impl Reader<'_, '_> {
    pub(super) fn sentence(&mut self, (start, end): (usize, usize)) {
        let inside: Vec<usize> =
            (0..self.tokens.len()).filter(|k| self.tokens.get(*k).is_some_and(|t| t.start >= start && t.start < end)).collect();
        let quantities: Vec<usize> =
            inside.iter().copied().filter(|k| self.tokens.get(*k).is_some_and(|t| matches!(t.found, Found::Quantity(_)))).collect();
        let mut candidates: Vec<Candidate> = Vec::new();
        let mut previous_is_target = false;
        for (position, index) in quantities.iter().enumerate() {
            let Some(token) = self.tokens.get(*index).copied() else { continue };
            let Found::Quantity(quantity) = token.found else { continue };
            let previous_end =
                position.checked_sub(1).and_then(|p| quantities.get(p)).and_then(|k| self.tokens.get(*k)).map_or(start, |t| t.end);
            let next_start = quantities.get(position + 1).and_then(|k| self.tokens.get(*k)).map_or(end, |t| t.start);
            let target = self.is_target(&token, quantity, previous_end)
                || (previous_is_target && self.joins_previous(&token, quantity, previous_end));
            previous_is_target = target;
            if target {
                self.numbers.push((*index, "a target or an aim (\u{ab}aims to reach\u{bb}, \u{ab}objectif\u{bb}), not a result"));
                continue;
            }
            let mut ellipsis = false;
            let mut from_context = false;
            let found = self
                .metric(&token, quantity, previous_end, next_start, (start, end))
                .or_else(|| {
                    let previous = candidates.last().map(|c| c.metric)?;
                    ellipsis = quantity.money == Money::None && !self.counts_things(&token) && self.is_comparison(&token, quantity);
                    ellipsis.then_some((previous, Confidence::Medium))
                })
                .or_else(|| {
                    let metric = self.metric_from_context(&token, quantity, (start, end), self.previous_sentence)?;
                    from_context = true;
                    Some((metric, Confidence::Low))
                });
            let Some((metric, confidence)) = found else {
                let reason = if quantity.money == Money::Other {
                    "an amount in a currency other than the euro"
                } else {
                    "no word near it says what it counts"
                };
                self.numbers.push((*index, reason));
                continue;
            };
            if let Some(slot) = self.used.get_mut(*index) {
                *slot = true;
            }
            candidates.push(Candidate { token, quantity, metric, confidence, previous_end, next_start, ellipsis, from_context });
        }
        let Some(first) = candidates.first().map(Candidate::own) else { return };
        let hints = self.hints(&inside, (start, end));
        // A phrase before the first figure dates every figure of the sentence; any other phrase
        // dates only the figure it is closest to, preferring one it shares a clause with, and
        // none when it shares its clause only with a number that is no figure ("… 322
        // migrants …, contre 150 demandes traitées en 2024": the year is the requests').
        let others: Vec<(usize, usize)> = quantities
            .iter()
            .filter_map(|k| self.tokens.get(*k))
            .filter(|t| !candidates.iter().any(|c| c.token.start == t.start))
            .map(|t| (t.start, t.end))
            .collect();
        let owners: Vec<Option<usize>> = hints
            .iter()
            .map(|hint| {
                if hint.end <= first.0 {
                    return None;
                }
                let (j, reach) = candidates.iter().enumerate().map(|(j, c)| (j, self.reach(hint, c.own()))).min_by_key(|(_, r)| *r)?;
                let closer_other = reach.0 && others.iter().any(|other| !self.reach(hint, *other).0);
                Some(if closer_other { usize::MAX } else { j })
            })
            .collect();
        let mut used_hints = vec![false; hints.len()];
        for (j, candidate) in candidates.iter().enumerate() {
            let pick = |start: bool| {
                let choose = |owner: Option<usize>| {
                    hints
                        .iter()
                        .zip(&owners)
                        .enumerate()
                        .filter(|(_, (hint, o))| **o == owner && hint.kind.is_start() == start)
                        .min_by_key(|(_, (hint, _))| self.reach(hint, candidate.own()))
                        .map(|(k, _)| k)
                };
                choose(Some(j)).or_else(|| choose(None))
            };
            let from = pick(true).and_then(|k| hints.get(k).map(|h| (k, h)));
            let as_of = pick(false).and_then(|k| hints.get(k).map(|h| (k, h)));
            let (proposal, used_from, used_as_of) = self.proposal(candidate, (start, end), from.map(|(_, h)| h), as_of.map(|(_, h)| h));
            for (picked, used) in [(from, used_from), (as_of, used_as_of)] {
                if let (Some((k, _)), true) = (picked, used) {
                    if let Some(slot) = used_hints.get_mut(k) {
                        *slot = true;
                    }
                }
            }
            self.proposals.push(proposal);
        }
        for (hint, used) in hints.iter().zip(&used_hints) {
            if *used {
                for token in &hint.tokens {
                    if let Some(slot) = self.used.get_mut(*token) {
                        *slot = true;
                    }
                }
            }
        }
    }

    /// A headline's figure that the body repeats (same metric, value and unit) is the body's: the
    /// headline's proposal goes back to the context, with a note.
    pub(super) fn drop_headline_repeats(&mut self, headline: Option<(usize, usize)>) {
        let Some((start, end)) = headline else { return };
        let in_headline = |p: &Proposal| (start..end).contains(&p.number.start);
        let repeats: Vec<usize> = self
            .proposals
            .iter()
            .filter(|p| in_headline(p) && self.proposals.iter().any(|q| !in_headline(q) && same_figure(p, q)))
            .map(|p| p.number.start)
            .collect();
        self.demote(&repeats, "the headline repeats a figure of the body, which is proposed instead");
    }

    /// A figure the body gives twice is proposed once, where it first appears.
    pub(super) fn drop_body_repeats(&mut self) {
        let repeats: Vec<usize> = self
            .proposals
            .iter()
            .enumerate()
            .filter(|(k, p)| self.proposals.iter().take(*k).any(|q| same_figure(p, q)))
            .map(|(_, p)| p.number.start)
            .collect();
        self.demote(&repeats, "repeats a figure given earlier in the release, which is proposed instead");
    }

    /// The parts of a figure are not figures of their own: numbers of the same metric listed right
    /// after or before a total that they add up to exactly ("268 migrants … 159 … 109", one per
    /// flight), or listed after it in its sentence behind "dont", "including", "of whom".
    pub(super) fn drop_breakdowns(&mut self) {
        let mut parts: Vec<usize> = Vec::new();
        let proposals = &self.proposals;
        let alike = |a: &Proposal, b: &Proposal| a.metric == b.metric && a.unit == b.unit;
        for (k, total) in proposals.iter().enumerate() {
            // A run right after the total, or right before it, adding up to it.
            let after = proposals.iter().skip(k + 1).take_while(|p| alike(p, total));
            let before = proposals.iter().take(k).rev().take_while(|p| alike(p, total));
            for run in [after.collect::<Vec<_>>(), before.collect::<Vec<_>>()] {
                let mut sum = 0.0;
                for (n, part) in run.iter().enumerate() {
                    sum += part.value;
                    if n >= 1 && sum == total.value {
                        parts.extend(run.iter().take(n + 1).map(|p| p.number.start));
                        break;
                    }
                    if sum > total.value {
                        break;
                    }
                }
            }
            // "dont …", "including …" after the total, in its sentence.
            for part in proposals.iter().skip(k + 1).filter(|p| alike(p, total) && p.sentence == total.sentence && p.value < total.value) {
                let words = self.text.words_between(total.number.end, part.number.start);
                if BREAKDOWN_WORDS.iter().any(|phrase| has_phrase(&words, phrase)) {
                    parts.push(part.number.start);
                }
            }
        }
        parts.sort_unstable();
        parts.dedup();
        self.demote(&parts, "a part of a figure given beside it (a breakdown by flight, country or group), not a figure of its own");
    }

    /// Takes the proposals whose numbers start at `starts` back into the context, with `reason`.
    fn demote(&mut self, starts: &[usize], reason: &'static str) {
        self.proposals.retain(|p| !starts.contains(&p.number.start));
        for at in starts {
            if let Some(index) = self.tokens.iter().position(|t| t.start == *at) {
                if let Some(slot) = self.used.get_mut(index) {
                    *slot = false;
                }
                self.numbers.push((index, reason));
            }
        }
    }
}

/// Two proposals give the same figure: metric, value and unit agree.
fn same_figure(a: &Proposal, b: &Proposal) -> bool {
    a.metric == b.metric && a.value == b.value && a.unit == b.unit
}

#[cfg(test)]
mod tests {
    use crate::domain::dataset::date::Date;
    use crate::domain::dataset::model::Metric;
    use crate::domain::lang::Lang;
    use crate::domain::release::extract::{extract, ContextKind};

    #[test]
    fn a_further_number_takes_the_metric_before_it() {
        let extraction = extract("Some 2,400 returnees have received reintegration assistance in Guinea, and a further 1,150 in Mali.");
        let metrics: Vec<(f64, Metric)> = extraction.proposals.iter().map(|p| (p.value, p.metric)).collect();
        assert_eq!(metrics, vec![(2400.0, Metric::MigrantsReintegration), (1150.0, Metric::MigrantsReintegration)]);
    }

    #[test]
    fn a_headline_repeating_a_figure_of_the_body_is_not_proposed_twice() {
        let extraction = extract(
            "Team Europe steps up migration partnerships with EUR 1.5 billion\n\nBrussels, 7 December 2023\n\nThe European Union will mobilise 1.5 billion euros for migration partnerships.",
        );
        assert_eq!(extraction.proposals.len(), 1, "{:#?}", extraction.proposals);
        assert!(extraction.proposals[0].sentence.text.starts_with("The European Union"));
        let repeat = extraction.context.iter().find(|c| c.kind == ContextKind::Number).expect("the headline's figure");
        assert!(repeat.note.as_deref().is_some_and(|n| n.contains("headline")), "{:#?}", extraction.context);
        // A figure only the headline gives stays.
        let extraction = extract("EU gives EUR 2 million for returns\n\nBrussels, 7 December 2023\n\nThe money goes to IOM.");
        assert_eq!(extraction.proposals.len(), 1, "{:#?}", extraction.proposals);
    }

    #[test]
    fn reads_the_release_facts() {
        let extraction = extract(
            "European Union External Action\n\nA headline about returns\n\nBrussels, 13/10/2020 - 13:00, UNIQUE ID: 201013_8\nPress releases\n\nLe texte est en français et les chiffres sont dans le texte.",
        );
        let release = extraction.release;
        assert_eq!(release.date, Date::new(2020, 10, 13).ok());
        assert_eq!(release.unique_id.as_deref(), Some("201013_8"));
        assert_eq!(release.reference.as_deref(), Some("UNIQUE ID: 201013_8"), "the EEAS label is part of the reference");
        assert_eq!(release.title.as_deref(), Some("A headline about returns"));
        let commission = extract("Brussels, 12 October 2021\nReference: IP/21/123\n\nMore than 5,000 migrants returned home.").release;
        assert_eq!((commission.unique_id.as_deref(), commission.reference.as_deref()), (Some("IP/21/123"), Some("IP/21/123")));
        assert_eq!(release.language, Lang::Fr);
        assert!(extraction.context.is_empty(), "{:#?}", extraction.context);
    }
}
