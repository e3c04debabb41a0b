//! Sentences about figures and charts: scopes, source lines, tooltips and the text
//! alternatives that stand in for a chart for screen-reader users.

use crate::domain::dataset::date::{Date, DatePrecision};
use crate::domain::dataset::model::{Country, Dataset, Figure, Place, Position, Source};
use crate::domain::dataset::model::{Qualifier, Unit};
use crate::domain::explore::aggregate::{Series, Warning};
use crate::domain::lang::{tr, Lang};
use crate::domain::release::extract::Proposal;
use crate::domain::text::format::{format_as_of, format_date, format_period, format_qualified, format_since, labelled};
use crate::domain::text::i18n::{metric_name, precision_note, qualifier_name};
use crate::domain::text::labels::place_name;
use crate::domain::text::messages::{msg, Msg};

/// The value as the release words it: `more than 84,000`.
pub fn figure_value(figure: &Figure, lang: Lang) -> String {
    format_qualified(figure.value(), figure.unit(), figure.qualifier(), lang)
}

/// The value with its qualifier always named, where qualifiers are listed (table, tooltips): a
/// number the source gave without one is `535 (as stated)`, even when it is round.
pub fn figure_value_stated(figure: &Figure, lang: Lang) -> String {
    value_stated(figure.value(), figure.unit(), figure.qualifier(), lang)
}

/// A proposal of the release reader worded as [`figure_value_stated`] words a figure, for the
/// staff page's table: `535 (as stated)`, `more than 84,000`.
pub fn proposal_value_stated(proposal: &Proposal, lang: Lang) -> String {
    value_stated(proposal.value, proposal.unit, proposal.qualifier, lang)
}

/// The value with its qualifier, `(as stated)` where the source gave none.
fn value_stated(value: f64, unit: Unit, qualifier: Qualifier, lang: Lang) -> String {
    let worded = format_qualified(value, unit, qualifier, lang);
    match qualifier {
        Qualifier::Exact => format!("{worded} ({})", qualifier_name(Qualifier::Exact, lang)),
        _ => worded,
    }
}

/// The date of a report and, for a running total, what it counts from: `13 Oct 2020, since
/// 15 Dec 2016`.
pub fn figure_date_counted(figure: &Figure, lang: Lang) -> String {
    let date = figure_date(figure, lang);
    match figure.cumulative_since() {
        Some(since) => format!("{date}, {} {}", msg(Msg::Since, lang), format_since(since, lang)),
        None => date,
    }
}

/// A value with its date in brackets, for chart descriptions: `more than 84,000 (13 Oct 2020)`,
/// `81,000 (as stated, c. Jun 2020)`.
fn value_dated(figure: &Figure, date: &str, lang: Lang) -> String {
    match figure.qualifier() {
        Qualifier::Exact => format!("{} ({}, {date})", figure_value(figure, lang), qualifier_name(Qualifier::Exact, lang)),
        _ => format!("{} ({date})", figure_value(figure, lang)),
    }
}

/// Names the starts of the running totals of one series when they differ: `its running totals
/// count from different starts (15 Dec 2016, May 2017) and cannot be compared as a trend`.
fn different_starts(starts: &[Date], lang: Lang) -> Option<String> {
    if starts.len() < 2 {
        return None;
    }
    let list = starts.iter().map(|d| format_since(*d, lang)).collect::<Vec<_>>().join(", ");
    Some(tr!(lang,
        en: format!("its running totals count from different starts ({list}) and cannot be compared as a trend"),
        fr: format!("ses totaux cumulés comptent depuis des dates différentes ({list}) et ne se comparent pas comme une tendance"),
    ))
}

/// What period a figure covers: `2015–2019`, `since 1 Jan 2017`, or nothing for a level.
pub fn figure_period(figure: &Figure, lang: Lang) -> Option<String> {
    describe_period(figure.period_start(), figure.period_end(), figure.cumulative_since(), lang)
}

/// What period a proposal of the release reader covers, for the staff page: its period in the
/// words of [`describe_period`], else the date it is as of (`as of 13 Oct 2020`), else `–`.
pub fn proposal_period(proposal: &Proposal, lang: Lang) -> String {
    describe_period(proposal.period_start, proposal.period_end, proposal.cumulative_since, lang)
        .or_else(|| proposal.period_end.map(|end| format_as_of(end, DatePrecision::Day, lang)))
        .unwrap_or_else(|| "–".into())
}

/// The period between `start` and `end`, or of a running total `since` a date, in words:
/// `2015–2019`, `1 Jan 2015 – 30 Jun 2021`, `since May 2017`. A start without an end reads as
/// a running total too. `None` without a start (a level as of a date).
pub fn describe_period(start: Option<Date>, end: Option<Date>, since: Option<Date>, lang: Lang) -> Option<String> {
    let running = |date| format!("{} {}", msg(Msg::Since, lang), format_since(date, lang));
    match (since, start, end) {
        (Some(since), _, _) => Some(running(since)),
        (None, Some(start), Some(end)) => Some(format_period(start, end, lang)),
        (None, Some(start), None) => Some(running(start)),
        (None, None, _) => None,
    }
}

/// Programme, place and period of a figure: `EU-IOM strategic cooperation · 2015–2019`.
pub fn figure_scope(dataset: &Dataset, figure: &Figure, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(programme) = dataset.programme_of(figure) {
        parts.push(programme.name(lang).to_string());
    }
    let place = Place::of(figure);
    if place != Place::Whole {
        parts.push(place_name(dataset, &place, lang));
    }
    parts.extend(figure_period(figure, lang));
    parts.join(" · ")
}

/// The as-of date with its precision: `13 Oct 2020`, `c. Jan 2022`.
pub fn figure_date(figure: &Figure, lang: Lang) -> String {
    format_date(figure.as_of(), figure.as_of_precision(), lang)
}

/// "As of" the figure's date, worded for its precision: `as of 13 Oct 2020`, `vers janv. 2022`.
pub fn figure_as_of(figure: &Figure, lang: Lang) -> String {
    format_as_of(figure.as_of(), figure.as_of_precision(), lang)
}

/// Publisher, publication date and, where the release has one, its reference as it writes it:
/// `European External Action Service (EEAS), 13 Oct 2020, UNIQUE ID: 201013_8`.
pub fn source_line(dataset: &Dataset, figure: &Figure, lang: Lang) -> String {
    let Some(source) = dataset.source_of(figure) else { return String::new() };
    let mut line = format!("{}, {}", source.publisher(), format_date(source.date(), source.date_precision(), lang));
    if let Some(reference) = source.reference() {
        line.push_str(", ");
        line.push_str(reference);
    }
    line
}

/// A source's reference, labelled: `Reference: UNIQUE ID: 201013_8` (`Référence : …`).
pub fn source_reference(source: &Source, lang: Lang) -> Option<String> {
    source.reference().map(|reference| labelled(msg(Msg::Reference, lang), reference, lang))
}

/// Lines of the tooltip shown for a chart point: value, what it counts, where and when, source,
/// and any warning.
pub fn tooltip_lines(dataset: &Dataset, figure_index: Position<Figure>, warnings: &[Warning], lang: Lang) -> Vec<String> {
    tooltip_lines_with_starts(dataset, figure_index, warnings, &[], lang)
}

/// The tooltip of a point of the timeline: [`tooltip_lines`] with the point's warnings in its
/// series, naming the starts of the series' running totals when they differ.
pub fn series_tooltip_lines(dataset: &Dataset, series: &[Series], figure_index: Position<Figure>, lang: Lang) -> Vec<String> {
    let found = series.iter().find_map(|s| s.points.iter().find(|p| p.figure == figure_index).map(|p| (s, p)));
    match found {
        Some((s, point)) => tooltip_lines_with_starts(dataset, figure_index, &point.warnings, &s.starts(dataset), lang),
        None => tooltip_lines(dataset, figure_index, &[], lang),
    }
}

fn tooltip_lines_with_starts(
    dataset: &Dataset,
    figure_index: Position<Figure>,
    warnings: &[Warning],
    starts: &[Date],
    lang: Lang,
) -> Vec<String> {
    let Some(figure) = dataset.figure(figure_index) else { return Vec::new() };
    let mut lines =
        vec![format!("{} — {}", figure_value_stated(figure, lang), figure.detail_in(lang).0), figure_scope(dataset, figure, lang)];
    let mut when = figure_as_of(figure, lang);
    let note = precision_note(figure.as_of_precision(), lang);
    if !note.is_empty() {
        when.push_str(&format!(" ({note})"));
    }
    lines.push(when);
    lines.push(labelled(msg(Msg::SourceLink, lang), &source_line(dataset, figure, lang), lang));
    for warning in warnings {
        match warning {
            Warning::Decrease => lines.push(format!("⚠ {}", msg(Msg::WarningDecrease, lang))),
            Warning::Conflict => lines.push(format!("⚠ {}", msg(Msg::WarningConflict, lang))),
            Warning::Documented => {
                for disagreement in dataset.disagreements_of(figure_index) {
                    lines.push(format!("⚠ {}", disagreement.note(lang)));
                }
            }
            Warning::StartDiffers => {
                let sentence = match different_starts(starts, lang) {
                    Some(named) => tr!(lang, en: format!("In this series, {named}."), fr: format!("Dans cette série, {named}.")),
                    None => msg(Msg::WarningStartDiffers, lang).to_string(),
                };
                lines.push(format!("⚠ {sentence}"));
            }
        }
    }
    lines
}

/// A text alternative for the timeline: what is shown, the range of dates and values, the
/// trend of each series and how many reports carry warnings.
pub fn describe_timeline(dataset: &Dataset, series: &[Series], lang: Lang) -> String {
    if series.is_empty() {
        return msg(Msg::EmptyTitle, lang).to_string();
    }
    let n_reports: usize = series.iter().map(|s| s.points.len()).sum();
    let n_series = series.len();
    let mut sentences = vec![tr!(lang,
        en: format!("Chart of {n_reports} reported figures in {n_series} series."),
        fr: format!("Graphique de {n_reports} chiffres publiés en {n_series} séries."),
    )];
    for s in series.iter().take(8) {
        let (Some(first), Some(last)) = (s.points.first(), s.points.last()) else { continue };
        let (Some(first_figure), Some(last_figure)) = (dataset.figure(first.figure), dataset.figure(last.figure)) else {
            continue;
        };
        let name = {
            let mut parts = vec![metric_name(s.key.metric, lang).to_string()];
            if let Some(programme) = dataset.programme(s.key.programme) {
                parts.push(programme.name(lang).to_string());
            }
            parts.push(place_name(dataset, &s.key.place, lang));
            parts.join(", ")
        };
        let first = value_dated(first_figure, &figure_date_counted(first_figure, lang), lang);
        let sentence = if s.points.len() == 1 {
            tr!(lang,
                en: format!("{name}: one report, {first}."),
                fr: format!("{name} : un seul chiffre, {first}."),
            )
        } else {
            let last = value_dated(last_figure, &figure_date_counted(last_figure, lang), lang);
            let n = s.points.len();
            let warnings = match s.n_warnings() {
                0 => String::new(),
                n => tr!(lang,
                    en: format!(" {n} of them carry a warning (a fall, a disagreement between sources or another start)."),
                    fr: format!(" {n} d’entre eux portent un avertissement (baisse, désaccord entre sources ou autre date de départ)."),
                ),
            };
            let starts = match different_starts(&s.starts(dataset), lang) {
                Some(named) => tr!(lang, en: format!(" Careful: {named}."), fr: format!(" Attention : {named}.")),
                None => String::new(),
            };
            tr!(lang,
                en: format!("{name}: {n} reports, from {first} to {last}.{warnings}{starts}"),
                fr: format!("{name} : {n} chiffres, de {first} à {last}.{warnings}{starts}"),
            )
        };
        sentences.push(sentence);
    }
    if series.len() > 8 {
        sentences.push(format!("+{} {}", series.len() - 8, msg(Msg::HiddenSeries, lang)));
    }
    sentences.join(" ")
}

/// A text alternative for the breakdown: how many places, the largest and the smallest.
pub fn describe_breakdown(dataset: &Dataset, bars: &[crate::domain::explore::aggregate::BreakdownBar], lang: Lang) -> String {
    let (Some(first), Some(last)) = (bars.first(), bars.last()) else {
        return msg(Msg::EmptyTitle, lang).to_string();
    };
    let describe = |bar: &crate::domain::explore::aggregate::BreakdownBar| -> String {
        let Some(figure) = dataset.figure(bar.figure) else { return String::new() };
        format!("{} {}", place_name(dataset, &bar.place, lang), value_dated(figure, &figure_date(figure, lang), lang))
    };
    let (first, n) = (describe(first), bars.len());
    match n {
        1 => tr!(lang,
            en: format!("Bar chart of one place: {first}."),
            fr: format!("Diagramme en barres d’un seul lieu : {first}."),
        ),
        _ => {
            let last = describe(last);
            tr!(lang,
                en: format!("Bar chart of {n} places, from {first} down to {last}."),
                fr: format!("Diagramme en barres de {n} lieux, de {first} à {last}."),
            )
        }
    }
}

/// A text alternative for the map: how many countries have a figure, and the highest and lowest.
pub fn describe_map(
    dataset: &Dataset,
    values: &[(Position<Country>, Position<Figure>)],
    metric: crate::domain::dataset::model::Metric,
    lang: Lang,
) -> String {
    let mut shown: Vec<(&str, &Figure)> = values
        .iter()
        .filter_map(|(country, figure)| Some((dataset.country(*country)?.name(lang), dataset.figure(*figure)?)))
        .collect();
    shown.sort_by(|a, b| b.1.value().total_cmp(&a.1.value()));
    let (Some(first), Some(last)) = (shown.first(), shown.last()) else {
        return msg(Msg::EmptyTitle, lang).to_string();
    };
    let metric = metric_name(metric, lang);
    let describe = |(name, figure): &(&str, &Figure)| format!("{name} {}", value_dated(figure, &figure_date(figure, lang), lang));
    let (n, first, last) = (shown.len(), describe(first), describe(last));
    tr!(lang,
        en: format!("Map of {metric}: {n} countries have a figure, from {first} down to {last}; the others are hatched."),
        fr: format!("Carte : {metric}. {n} pays ont un chiffre, de {first} à {last} ; les autres sont hachurés."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::model::Metric;
    use crate::domain::explore::aggregate::{build_breakdown, build_series, BreakdownBy};
    use crate::domain::release::extract::extract;
    use crate::domain::testing::{dataset, figure};

    /// The date of `YYYY-MM-DD`, none for an empty text.
    fn date(text: &str) -> Option<Date> {
        (!text.is_empty()).then(|| Date::parse_iso(text).unwrap())
    }

    #[test]
    fn a_period_reads_as_its_years_or_its_days() {
        assert_eq!(describe_period(date("2015-01-01"), date("2019-12-31"), None, Lang::En).as_deref(), Some("2015–2019"));
        assert_eq!(describe_period(date("2019-01-01"), date("2019-12-31"), None, Lang::En).as_deref(), Some("2019"));
        assert_eq!(
            describe_period(date("2015-01-01"), date("2021-06-30"), None, Lang::En).as_deref(),
            Some("1\u{a0}Jan\u{a0}2015 – 30\u{a0}Jun\u{a0}2021")
        );
    }

    #[test]
    fn a_running_total_reads_from_its_start_as_precisely_as_it_was_stated() {
        assert_eq!(describe_period(date("2017-01-01"), date("2021-10-12"), date("2017-01-01"), Lang::En).as_deref(), Some("since 2017"));
        assert_eq!(describe_period(None, None, date("2017-04-01"), Lang::Fr).as_deref(), Some("depuis avr.\u{a0}2017"));
        assert_eq!(
            describe_period(date("2016-12-15"), None, None, Lang::En).as_deref(),
            Some("since 15\u{a0}Dec\u{a0}2016"),
            "a start without an end"
        );
    }

    #[test]
    fn a_level_as_of_a_date_has_no_period() {
        assert_eq!(describe_period(None, date("2020-10-13"), None, Lang::En), None);
        assert_eq!(describe_period(None, None, None, Lang::Fr), None);
    }

    #[test]
    fn the_staff_page_gives_a_proposal_s_period_else_its_date_else_a_dash() {
        let seed = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/seeds/eeas-2020-10-13-eu-iom-7th-strategic-meeting.fr.txt"
        ))
        .unwrap();
        let mut proposal = extract(&seed).proposals.into_iter().next().unwrap();
        let mut period = |start: &str, end: &str, since: &str, lang: Lang| {
            (proposal.period_start, proposal.period_end, proposal.cumulative_since) = (date(start), date(end), date(since));
            proposal_period(&proposal, lang)
        };
        assert_eq!(period("2015-01-01", "2019-12-31", "", Lang::Fr), "2015–2019");
        assert_eq!(period("2017-01-01", "2020-10-13", "2017-01-01", Lang::Fr), "depuis 2017");
        assert_eq!(period("2017-05-01", "2020-10-13", "2017-05-01", Lang::En), "since May\u{a0}2017");
        assert_eq!(period("", "2020-10-13", "", Lang::Fr), "au 13\u{a0}oct.\u{a0}2020");
        assert_eq!(period("", "2020-10-13", "", Lang::En), "as of 13\u{a0}Oct\u{a0}2020");
        assert_eq!(period("", "", "", Lang::En), "–");
    }

    #[test]
    fn the_staff_page_words_a_proposal_without_qualifier_as_stated() {
        let seed = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/seeds/eeas-2020-10-13-eu-iom-7th-strategic-meeting.fr.txt"
        ))
        .unwrap();
        let proposals = extract(&seed).proposals;
        let words = |lang| proposals.iter().map(|p| proposal_value_stated(p, lang)).collect::<Vec<_>>();
        assert_eq!(words(Lang::En)[..3], ["535 (as stated)", "about €1.88\u{a0}bn", "more than 84,000"]);
        assert_eq!(words(Lang::Fr)[0], "535 (tel quel)");
    }

    #[test]
    fn a_number_without_qualifier_reads_as_stated_in_descriptions() {
        let d = dataset(&[
            figure("a").date("2020-10-13").value(97000.0).country("LY"),
            figure("b").date("2021-10-13").value(84000.0).qualifier(Qualifier::MoreThan).country("NE"),
        ]);
        let bars = build_breakdown(&d, &[Position::new(0), Position::new(1)], Metric::MigrantsReturned, BreakdownBy::Country);
        assert_eq!(
            describe_breakdown(&d, &bars, Lang::En),
            "Bar chart of 2 places, from Libya 97,000 (as stated, 13\u{a0}Oct\u{a0}2020) down to Niger more than 84,000 (13\u{a0}Oct\u{a0}2021)."
        );
        let series = build_series(&d, &[Position::new(0)]);
        assert!(
            describe_timeline(&d, &series, Lang::Fr).contains("un seul chiffre, 97\u{202f}000 (tel quel, 13\u{a0}oct.\u{a0}2020)"),
            "{}",
            describe_timeline(&d, &series, Lang::Fr)
        );
        assert_eq!(figure_value_stated(&d.figures()[0], Lang::En), "97,000 (as stated)");
        assert_eq!(figure_value_stated(&d.figures()[1], Lang::En), "more than 84,000");
    }
}
