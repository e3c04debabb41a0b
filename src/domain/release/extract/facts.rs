//! The facts: the release's own date, identifier, title and language, then, sentence by
//! sentence, the reader that gives each quantity its metric (or leaves it as context), dates it
//! from the phrases around it, and writes the proposals and the context items.

use crate::domain::dataset::date::{days_in_month, Date};
use crate::domain::dataset::model::{Metric, Unit};
use crate::domain::lang::Lang;

use super::lexicon::{
    Caution, BOILERPLATE, COMPARISONS, COUNTRY_NOUNS, ENGLISH_WORDS, EVENT_WORDS, FRENCH_WORDS, HUMANITARIAN, ID_LABELS, ID_LABELS_KEPT,
    LAUNCH_PHRASES, PARTNER_NOUNS, PEOPLE_METRICS, PROGRAMME_NAMES, PROJECT_NOUNS, TARGET_WORDS, THINGS,
};
use super::scan::{Found, Money, PartialDate, Quantity, Token};
use super::text::{ends_with, Text};
use super::{Confidence, ContextItem, ContextKind, Proposal};

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
        !BOILERPLATE.contains(&line.trim()) && end - start <= 300 && line.chars().any(char::is_alphabetic)
    };
    let found = match dateline {
        Some(line) => lines
            .iter()
            .take(line)
            .rev()
            .find(|l| is_title(l))
            .or_else(|| lines.iter().skip(line + 1).take(3).find(|l| is_title(l))),
        None => lines.iter().take(5).find(|l| is_title(l)),
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

fn first_day(found: Found, fallback_year: Option<i32>) -> Option<Date> {
    match found {
        Found::Year(year) | Found::YearRange(year, _) => Some(Date::start_of_year(year)),
        Found::Date(date) => {
            let year = date.year.or(fallback_year)?;
            Date::new(year, date.month, date.day.unwrap_or(1)).ok()
        }
        _ => None,
    }
}

fn last_day(found: Found, fallback_year: Option<i32>) -> Option<Date> {
    match found {
        Found::Year(year) | Found::YearRange(_, year) => Some(Date::end_of_year(year)),
        Found::Date(date) => {
            let year = date.year.or(fallback_year)?;
            Date::new(year, date.month, date.day.unwrap_or_else(|| days_in_month(year, date.month))).ok()
        }
        _ => None,
    }
}

fn is_time(found: Found) -> bool {
    matches!(found, Found::Year(_) | Found::YearRange(..) | Found::Date(_))
}

/// Distance between two character ranges (0 when they touch or overlap).
fn distance(a: (usize, usize), b: (usize, usize)) -> usize {
    if a.1 <= b.0 {
        b.0 - a.1
    } else {
        a.0.saturating_sub(b.1)
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
}

/// Where the text names a programme whose name holds metric words.
pub(super) fn programme_names(text: &Text<'_>) -> Vec<(usize, usize)> {
    text.find_phrases(PROGRAMME_NAMES)
}

impl Reader<'_, '_> {
    fn fallback_year(&self) -> Option<i32> {
        self.release_date.map(Date::year)
    }

    pub(super) fn sentence(&mut self, (start, end): (usize, usize)) {
        let inside: Vec<usize> =
            (0..self.tokens.len()).filter(|k| self.tokens.get(*k).is_some_and(|t| t.start >= start && t.start < end)).collect();
        let quantities: Vec<usize> =
            inside.iter().copied().filter(|k| self.tokens.get(*k).is_some_and(|t| matches!(t.found, Found::Quantity(_)))).collect();
        let mut candidates: Vec<Candidate> = Vec::new();
        for (position, index) in quantities.iter().enumerate() {
            let Some(token) = self.tokens.get(*index).copied() else { continue };
            let Found::Quantity(quantity) = token.found else { continue };
            let previous_end =
                position.checked_sub(1).and_then(|p| quantities.get(p)).and_then(|k| self.tokens.get(*k)).map_or(start, |t| t.end);
            let next_start = quantities.get(position + 1).and_then(|k| self.tokens.get(*k)).map_or(end, |t| t.start);
            if self.is_target(&token, quantity, previous_end) {
                self.numbers.push((*index, "a target or an aim (\u{ab}aims to reach\u{bb}, \u{ab}objectif\u{bb}), not a result"));
                continue;
            }
            let mut ellipsis = false;
            let found = self.metric(&token, quantity, previous_end, next_start, (start, end)).or_else(|| {
                let previous = candidates.last().map(|c| c.metric)?;
                ellipsis = quantity.money == Money::None && self.is_comparison(&token, quantity);
                ellipsis.then_some((previous, Confidence::Medium))
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
            candidates.push(Candidate { token, quantity, metric, confidence, previous_end, next_start, ellipsis });
        }
        let Some(first) = candidates.first().map(Candidate::own) else { return };
        let hints = self.hints(&inside, (start, end));
        // A phrase before the first figure dates every figure of the sentence; any other phrase
        // dates only the figure it is closest to, preferring one it shares a clause with.
        let owners: Vec<Option<usize>> = hints
            .iter()
            .map(|hint| {
                if hint.end <= first.0 {
                    None
                } else {
                    candidates.iter().enumerate().min_by_key(|(_, c)| self.reach(hint, c.own())).map(|(j, _)| j)
                }
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

    /// How far a dating phrase is from a figure: whether a `,`, `;` or `:` separates them, then
    /// the number of characters between them.
    fn reach(&self, hint: &Hint, own: (usize, usize)) -> (bool, usize) {
        let (from, to) = if hint.end <= own.0 { (hint.end, own.0) } else { (own.1, hint.start) };
        let separated = (from..to).any(|k| matches!(self.text.n(k), Some(',' | ';' | ':')));
        (separated, distance((hint.start, hint.end), own))
    }

    /// True when the number's clause, up to the number, says it is an aim ("aims to reach").
    fn is_target(&self, token: &Token, quantity: Quantity, previous_end: usize) -> bool {
        let own_start = quantity.qualifier_start.unwrap_or(token.start);
        let left = self.clause_start(previous_end, own_start);
        self.text
            .words_before(own_start, 12)
            .iter()
            .take_while(|(at, _)| *at >= left)
            .any(|(_, word)| TARGET_WORDS.contains(&word.as_str()))
    }

    /// A headline's figure that the body repeats (same metric, value and unit) is the body's: the
    /// headline's proposal goes back to the context, with a note.
    pub(super) fn drop_headline_repeats(&mut self, headline: Option<(usize, usize)>) {
        let Some((start, end)) = headline else { return };
        let in_headline = |p: &Proposal| (start..end).contains(&p.number.start);
        let repeats: Vec<usize> = self
            .proposals
            .iter()
            .filter(|p| {
                in_headline(p)
                    && self.proposals.iter().any(|q| !in_headline(q) && q.metric == p.metric && q.value == p.value && q.unit == p.unit)
            })
            .map(|p| p.number.start)
            .collect();
        self.proposals.retain(|p| !repeats.contains(&p.number.start));
        for at in repeats {
            if let Some(index) = self.tokens.iter().position(|t| t.start == at) {
                if let Some(slot) = self.used.get_mut(index) {
                    *slot = false;
                }
                self.numbers.push((index, "the headline repeats a figure of the body, which is proposed instead"));
            }
        }
    }

    /// True when the words before a number compare it with the figure before ("contre environ
    /// 2 100 en 2020", "compared with 2,100").
    fn is_comparison(&self, token: &Token, quantity: Quantity) -> bool {
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

    fn metric(
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
    fn detail(&self, token: &Token, quantity: Quantity, previous_end: usize, next_start: usize) -> String {
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

    /// Every dating phrase of a sentence.
    fn hints(&self, inside: &[usize], sentence: (usize, usize)) -> Vec<Hint> {
        let text = self.text;
        let year = self.fallback_year();
        let mut hints = Vec::new();
        let mut taken: Vec<usize> = Vec::new();
        // Launch phrases, dated when they say "in December 2016".
        for phrase in LAUNCH_PHRASES {
            let Some(at) = text.find_word(sentence.0, sentence.1, phrase) else { continue };
            let mut stop = (at..sentence.1).find(|k| matches!(text.n(*k), Some(',' | ';' | '.'))).unwrap_or(sentence.1);
            if let Some(next) =
                inside.iter().filter_map(|k| self.tokens.get(*k)).find(|t| t.start > at && matches!(t.found, Found::Quantity(_)))
            {
                stop = stop.min(next.start);
            }
            let dated = inside.iter().copied().find(|k| {
                self.tokens.get(*k).is_some_and(|t| {
                    t.start > at && t.end <= stop && is_time(t.found) && {
                        let before = text.words_before(t.start, 1);
                        ends_with(&before, &["en"]) || ends_with(&before, &["in"])
                    }
                })
            });
            let hint = match dated.and_then(|k| self.tokens.get(k).map(|t| (k, t))) {
                Some((k, t)) => match first_day(t.found, year) {
                    Some(date) => {
                        taken.push(k);
                        Hint { kind: HintKind::Since(date), start: at, end: stop, tokens: vec![k] }
                    }
                    None => Hint { kind: HintKind::SinceLaunch, start: at, end: stop, tokens: Vec::new() },
                },
                None => Hint { kind: HintKind::SinceLaunch, start: at, end: stop, tokens: Vec::new() },
            };
            hints.push(hint);
            break;
        }
        let times: Vec<usize> =
            inside.iter().copied().filter(|k| !taken.contains(k) && self.tokens.get(*k).is_some_and(|t| is_time(t.found))).collect();
        let mut skip_next = false;
        for (position, index) in times.iter().enumerate() {
            if skip_next {
                skip_next = false;
                continue;
            }
            let Some(token) = self.tokens.get(*index) else { continue };
            let before = text.words_before(token.start, 4);
            let prefix_start = |words: usize| before.get(words.saturating_sub(1)).map_or(token.start, |(at, _)| *at);
            let next = times.get(position + 1).and_then(|k| self.tokens.get(*k).map(|t| (*k, t)));
            // "Entre 2015 et 2019", "from 2015 to 2019".
            if let Some((next_index, next_token)) = next {
                let between = text.norm_slice(token.end, next_token.start);
                let between = between.trim();
                let opens_range = ends_with(&before, &["entre"]) || ends_with(&before, &["between"]);
                let opens_from = ends_with(&before, &["de"]) || ends_with(&before, &["from"]) || ends_with(&before, &["du"]);
                let closes = if opens_range {
                    matches!(between, "et" | "and")
                } else {
                    opens_from
                        && matches!(
                            between,
                            "à" | "a" | "au" | "to" | "until" | "till" | "through" | "-" | "jusqu'à" | "jusqu'en" | "jusqu'au"
                        )
                };
                if closes {
                    if let (Some(from), Some(to)) = (first_day(token.found, year), last_day(next_token.found, year)) {
                        hints.push(Hint {
                            kind: HintKind::Period(from, to),
                            start: prefix_start(1),
                            end: next_token.end,
                            tokens: vec![*index, next_index],
                        });
                        skip_next = true;
                        continue;
                    }
                }
            }
            let kind = if let Found::YearRange(from, to) = token.found {
                Some((HintKind::Period(Date::start_of_year(from), Date::end_of_year(to)), 0))
            } else if ends_with(&before, &["depuis"]) || ends_with(&before, &["since"]) || ends_with(&before, &["depuis", "le"]) {
                first_day(token.found, year).map(|d| (HintKind::Since(d), if ends_with(&before, &["depuis", "le"]) { 2 } else { 1 }))
            } else if ends_with(&before, &["fin"]) || ends_with(&before, &["end", "of"]) || ends_with(&before, &["end"]) {
                last_day(token.found, year).map(|d| (HintKind::AsOf(d), 1))
            } else if ends_with(&before, &["as", "of"]) || ends_with(&before, &["as", "at"]) || ends_with(&before, &["date", "du"]) {
                last_day(token.found, year).map(|d| (HintKind::AsOf(d), 2))
            } else if ends_with(&before, &["au"]) || ends_with(&before, &["by"]) || ends_with(&before, &["ici"]) {
                last_day(token.found, year).map(|d| (HintKind::AsOf(d), 1))
            } else if let Found::Year(y) = token.found {
                let preposition = ["en", "in", "during", "pendant", "throughout", "for"].iter().any(|p| ends_with(&before, &[*p]))
                    || ends_with(&before, &["au", "cours", "de"]);
                let event = before.get(1).is_some_and(|(_, w)| EVENT_WORDS.contains(&w.as_str()));
                (preposition && !event).then(|| (HintKind::Period(Date::start_of_year(y), Date::end_of_year(y)), 1))
            } else {
                None
            };
            if let Some((kind, words)) = kind {
                hints.push(Hint { kind, start: prefix_start(words), end: token.end, tokens: vec![*index] });
            }
        }
        hints
    }

    /// The proposal for a candidate dated by the phrases picked for it; also says whether
    /// each phrase was used.
    fn proposal(
        &self,
        candidate: &Candidate,
        sentence: (usize, usize),
        from: Option<&Hint>,
        as_of: Option<&Hint>,
    ) -> (Proposal, bool, bool) {
        let text = self.text;
        let Candidate { token, quantity, metric, mut confidence, previous_end, next_start, ellipsis } = *candidate;
        let quote = |hint: &Hint| text.slice(hint.start, hint.end).split_whitespace().collect::<Vec<_>>().join(" ");
        let mut notes = Vec::new();
        if ellipsis {
            notes.push("Compared with the figure before it in the sentence, whose metric it was given.".to_string());
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
    pub(super) fn context(&self, sentences: &[(usize, usize)]) -> Vec<ContextItem> {
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

#[cfg(test)]
mod tests {
    use crate::domain::dataset::date::Date;
    use crate::domain::dataset::model::{Metric, Qualifier};
    use crate::domain::lang::Lang;
    use crate::domain::release::extract::testing::one;
    use crate::domain::release::extract::{extract, Confidence, ContextKind};

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
    fn a_further_number_takes_the_metric_before_it() {
        let extraction = extract("Some 2,400 returnees have received reintegration assistance in Guinea, and a further 1,150 in Mali.");
        let metrics: Vec<(f64, Metric)> = extraction.proposals.iter().map(|p| (p.value, p.metric)).collect();
        assert_eq!(metrics, vec![(2400.0, Metric::MigrantsReintegration), (1150.0, Metric::MigrantsReintegration)]);
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
    fn dating_phrases_set_periods_and_running_totals() {
        let release = "Brussels, 12 October 2021\n\n";
        let p = one(&format!("{release}Between 2015 and 2019, the EU funded 535 projects."));
        assert_eq!((p.period_start, p.period_end), (Date::new(2015, 1, 1).ok(), Date::new(2019, 12, 31).ok()));
        let p = one(&format!("{release}Over 2015-2019, the EU funded 535 projects."));
        assert_eq!(p.period_start, Date::new(2015, 1, 1).ok());
        let p = one(&format!("{release}IOM has worked in 34 countries since 2017."));
        assert_eq!(p.cumulative_since, Date::new(2017, 1, 1).ok());
        assert_eq!(p.period_end, Date::new(2021, 10, 12).ok());
        let p = one(&format!("{release}Depuis avril 2017, 5 000 migrants sont rentrés."));
        assert_eq!(p.cumulative_since, Date::new(2017, 4, 1).ok());
        let p = one(&format!("{release}Since the launch of the Joint Initiative, 5,000 migrants returned."));
        assert_eq!((p.period_start, p.cumulative_since), (None, None));
        assert_eq!(p.period_end, Date::new(2021, 10, 12).ok());
        assert!(p.notes[0].contains("Since the launch of the Joint Initiative"), "{:?}", p.notes);
        let p = one(&format!("{release}In 2019, 5,000 migrants returned."));
        assert_eq!((p.period_start, p.period_end), (Date::new(2019, 1, 1).ok(), Date::new(2019, 12, 31).ok()));
        let p = one(&format!("{release}As of 30 June 2021, 5,000 migrants had returned."));
        assert_eq!(p.period_end, Date::new(2021, 6, 30).ok());
        let p = one(&format!("{release}The programme, launched in 2016, helped 5,000 migrants return."));
        assert_eq!((p.period_start, p.period_end), (None, Date::new(2021, 10, 12).ok()));
        let p = one(&format!("{release}By 2025, 9,000 migrants will have returned."));
        assert_eq!(p.confidence, Confidence::Low);
    }

    #[test]
    fn leading_phrases_date_every_figure_and_trailing_ones_their_own() {
        let release = "Bruxelles, 5 juillet 2021\n\n";
        let extraction = extract(&format!(
            "{release}Au 30 juin 2021, l\u{2019}OIM fournissait une aide humanitaire dans 41 pays, contre 34 pays en 2020."
        ));
        let dated: Vec<(f64, Option<Date>, Option<Date>)> =
            extraction.proposals.iter().map(|p| (p.value, p.period_start, p.period_end)).collect();
        assert_eq!(
            dated,
            vec![(41.0, None, Date::new(2021, 6, 30).ok()), (34.0, Date::new(2020, 1, 1).ok(), Date::new(2020, 12, 31).ok())]
        );
        assert!(extraction.proposals.iter().all(|p| p.metric == Metric::CountriesHumanitarianAid));
        let extraction =
            extract(&format!("{release}Les équipes de sauvetage ont secouru 2.750 migrants en 2021, contre environ 2.100 en 2020."));
        let rescued: Vec<(f64, Metric, Qualifier, Option<Date>)> =
            extraction.proposals.iter().map(|p| (p.value, p.metric, p.qualifier, p.period_start)).collect();
        assert_eq!(
            rescued,
            vec![
                (2750.0, Metric::MigrantsRescued, Qualifier::Exact, Date::new(2021, 1, 1).ok()),
                (2100.0, Metric::MigrantsRescued, Qualifier::About, Date::new(2020, 1, 1).ok()),
            ]
        );
    }

    #[test]
    fn things_are_not_people() {
        let extraction = extract("IOM helped 60,617 migrants to return home on 412 charter flights.");
        assert_eq!(extraction.proposals.len(), 1);
        assert_eq!(extraction.proposals[0].value, 60617.0);
        assert_eq!(extraction.context[0].value, 412.0);
        assert_eq!(extraction.context[0].kind, ContextKind::Number);
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
