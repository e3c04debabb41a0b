//! Dating: the phrases of a sentence that date its figures ("Entre 2015 et 2019", "since 2017",
//! "as of 30 June 2021", "since the launch of"), and how far each is from a figure.

use super::{Hint, HintKind, Reader};
use crate::domain::dataset::date::{days_in_month, Date};
use crate::domain::release::extract::lexicon::{EVENT_WORDS, LAUNCH_PHRASES, YEAR_START_PHRASES};
use crate::domain::release::extract::scan::{Found, PartialDate};
use crate::domain::release::extract::text::ends_with;

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

impl Reader<'_, '_> {
    pub(super) fn fallback_year(&self) -> Option<i32> {
        self.release_date.map(Date::year)
    }

    /// How far a dating phrase is from a figure: whether a `,`, `;` or `:` separates them, then
    /// the number of characters between them.
    pub(super) fn reach(&self, hint: &Hint, own: (usize, usize)) -> (bool, usize) {
        let (from, to) = if hint.end <= own.0 { (hint.end, own.0) } else { (own.1, hint.start) };
        let separated = (from..to).any(|k| matches!(self.text.n(k), Some(',' | ';' | ':')));
        (separated, distance((hint.start, hint.end), own))
    }

    /// Every dating phrase of a sentence.
    pub(super) fn hints(&self, inside: &[usize], sentence: (usize, usize)) -> Vec<Hint> {
        let text = self.text;
        let year = self.fallback_year();
        let mut hints = Vec::new();
        let mut taken: Vec<usize> = Vec::new();
        // "Depuis le début de l'année 2025", "since the start of the year": from the 1st of
        // January of the year that follows, else of the release's year.
        let year_start = YEAR_START_PHRASES.iter().find_map(|phrase| {
            let at = text.find_word(sentence.0, sentence.1, phrase)?;
            let end = at + phrase.chars().count();
            let next = inside.iter().copied().find(|k| self.tokens.get(*k).is_some_and(|t| t.start >= end));
            let following = next
                .and_then(|k| self.tokens.get(k).map(|t| (k, t)))
                .filter(|(_, t)| text.norm_slice(end, t.start).trim().is_empty())
                .and_then(|(k, t)| match t.found {
                    Found::Year(y) => Some((k, y, t.end)),
                    _ => None,
                });
            match following {
                Some((k, y, stop)) => Some(Hint { kind: HintKind::Since(Date::start_of_year(y)), start: at, end: stop, tokens: vec![k] }),
                None => Some(match year {
                    Some(y) => Hint { kind: HintKind::Since(Date::start_of_year(y)), start: at, end, tokens: Vec::new() },
                    None => Hint { kind: HintKind::SinceLaunch, start: at, end, tokens: Vec::new() },
                }),
            }
        });
        if let Some(hint) = year_start {
            taken.extend(hint.tokens.iter().copied());
            hints.push(hint);
        }
        // Launch phrases, dated when they say "in December 2016".
        for phrase in LAUNCH_PHRASES.iter().filter(|_| hints.is_empty()) {
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
            } else if matches!(token.found, Found::Year(_) | Found::Date(PartialDate { day: None, .. })) {
                // "en 2019", "in July 2025", "Rien qu'en juillet 2025": the year or the month.
                let preposition =
                    ["en", "in", "during", "pendant", "throughout", "for", "année", "year"].iter().any(|p| ends_with(&before, &[*p]))
                        || ends_with(&before, &["au", "cours", "de"]);
                let event = before.get(1).is_some_and(|(_, w)| EVENT_WORDS.contains(&w.as_str()));
                let period = first_day(token.found, year).zip(last_day(token.found, year));
                period.filter(|_| preposition && !event).map(|(from, to)| (HintKind::Period(from, to), 1))
            } else {
                None
            };
            if let Some((kind, words)) = kind {
                hints.push(Hint { kind, start: prefix_start(words), end: token.end, tokens: vec![*index] });
            }
        }
        hints
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::dataset::date::Date;
    use crate::domain::dataset::model::{Metric, Qualifier};
    use crate::domain::release::extract::testing::one;
    use crate::domain::release::extract::{extract, Confidence};

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
}
