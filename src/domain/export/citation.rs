//! What a download says about itself: the citation, the active filters in words, the line
//! naming the sources, and the footer of a downloaded chart (the sentences are in
//! `text::downloads`).

use crate::domain::dataset::date::{Date, DatePrecision};
use crate::domain::dataset::model::{Dataset, Figure, Metric, Place, Position};
use crate::domain::explore::select::{count_sources, sources_behind, Level, PublisherFilter};
use crate::domain::explore::view::ViewState;
use crate::domain::export::{ExportContext, Scope};
use crate::domain::lang::{lowercase, Lang};
use crate::domain::text::downloads::{citation_text, download_line, sources_line, CitationFacts};
use crate::domain::text::format::{format_date, format_period};
use crate::domain::text::i18n::{level_name, metric_name};
use crate::domain::text::labels::place_name;
use crate::domain::text::messages::{msg, Msg};

/// The active filters in words: `Migrants returned · all programmes · programme-wide totals ·
/// 2013–2025 · all sources`.
pub fn describe_filters(dataset: &Dataset, state: &ViewState, lang: Lang) -> String {
    let filter = &state.filter;
    let words = |message: Msg| msg(message, lang).to_string();
    let mut parts = Vec::new();
    parts.push(if filter.metrics.is_empty() {
        words(Msg::AllMetrics)
    } else {
        Metric::ALL
            .into_iter()
            .filter(|m| filter.metrics.contains(m))
            .map(|m| metric_name(m, lang))
            .collect::<Vec<_>>()
            .join(", ")
    });
    parts.push(if filter.programmes.is_empty() {
        words(Msg::AllProgrammes)
    } else {
        filter
            .programmes
            .iter()
            .filter_map(|id| dataset.programme_index(id).and_then(|i| dataset.programme(i)))
            .map(|p| p.short_name(lang).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    });
    if !filter.regions.is_empty() {
        parts.push(
            filter
                .regions
                .iter()
                .filter_map(|id| dataset.region_index(id).and_then(|i| dataset.region(i)))
                .map(|r| r.name(lang).to_string())
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    if !filter.countries.is_empty() {
        parts.push(
            filter
                .countries
                .iter()
                .filter_map(|code| dataset.country_index(code).map(|i| place_name(dataset, &Place::Country(i), lang)))
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    if !filter.levels.is_empty() && filter.levels.len() < Level::ALL.len() {
        parts.push(
            Level::ALL
                .into_iter()
                .filter(|l| filter.levels.contains(l))
                .map(|l| lowercase(level_name(l, lang)))
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    parts.push(match filter.years {
        Some((from, to)) if from == to => from.to_string(),
        Some((from, to)) => format!("{from}–{to}"),
        None => words(Msg::AllYears),
    });
    parts.push(match filter.publishers {
        PublisherFilter::All => words(Msg::AllPublishers),
        PublisherFilter::OfficialOnly => words(Msg::OfficialPublishersOnly),
    });
    parts.join(" · ")
}

/// One line naming where a selection's figures come from: `Sources: 10 releases from 7
/// publishers, 15 Dec 2017 to c. Jan 2022 (each figure's source is listed in the data download)`.
pub fn source_summary(dataset: &Dataset, figures: &[Position<Figure>], lang: Lang) -> String {
    let sources = sources_behind(dataset, figures);
    let mut publishers: Vec<&str> = sources.iter().filter_map(|s| dataset.source(*s)).map(|s| s.publisher()).collect();
    publishers.sort_unstable();
    publishers.dedup();
    let dated: Vec<_> = sources.iter().filter_map(|s| dataset.source(*s)).map(|s| (s.date(), s.date_precision())).collect();
    let range = match (dated.iter().min(), dated.iter().max()) {
        (Some(first), Some(last)) if first == last => format_date(first.0, first.1, lang),
        (Some(first), Some(last)) => format!("{} – {}", format_date(first.0, first.1, lang), format_date(last.0, last.1, lang)),
        _ => String::new(),
    };
    sources_line(sources.len(), publishers.len(), &range, lang)
}

/// Characters per footer line of a downloaded chart (960 px wide at 12 px text).
pub const FOOTER_CHARS: usize = 128;

/// Breaks a text into lines of at most `max` characters, at spaces where possible; a word
/// longer than a line (an address) is broken after `&`, `?` or `/`, or anywhere if it must.
pub fn wrap_text(text: &str, max: usize) -> Vec<String> {
    let max = max.max(10);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let mut word = word.to_string();
        while word.chars().count() > max {
            let chars: Vec<char> = word.chars().collect();
            let room = max.saturating_sub(line.chars().count() + usize::from(!line.is_empty())).max(1);
            let head_len = chars
                .iter()
                .take(room)
                .enumerate()
                .filter(|(_, c)| matches!(c, '&' | '?' | '/'))
                .map(|(i, _)| i + 1)
                .next_back()
                .unwrap_or(room)
                .min(chars.len());
            let head: String = chars.iter().take(head_len).collect();
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&head);
            lines.push(std::mem::take(&mut line));
            word = chars.iter().skip(head_len).collect();
        }
        if line.chars().count() + word.chars().count() + usize::from(!line.is_empty()) > max && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The footer lines of a downloaded chart: sources, then data date, download date and address,
/// wrapped to fit the chart's width.
pub fn chart_footer(dataset: &Dataset, figures: &[Position<Figure>], context: &ExportContext) -> Vec<String> {
    let lang = context.lang;
    let as_of = dataset.latest_source_date().map(|d| format_date(d, DatePrecision::Day, lang)).unwrap_or_default();
    let today = format_date(context.today, DatePrecision::Day, lang);
    let second = download_line(&as_of, &today, &context.page_url, lang);
    let mut lines = wrap_text(&source_summary(dataset, figures, lang), FOOTER_CHARS);
    lines.extend(wrap_text(&second, FOOTER_CHARS));
    lines
}

/// The citation and metadata text shipped with every download.
pub fn citation(dataset: &Dataset, state: &ViewState, figures: &[Position<Figure>], scope: Scope, context: &ExportContext) -> String {
    let lang = context.lang;
    let as_of = dataset.latest_source_date().map(|d| format_date(d, DatePrecision::Day, lang)).unwrap_or_default();
    let today = format_date(context.today, DatePrecision::Day, lang);
    let n_sources = count_sources(dataset, figures);
    let selection = match scope {
        Scope::Everything => msg(Msg::TheWholeDataset, lang).to_string(),
        Scope::Selection => describe_filters(dataset, state, lang),
    };
    let period = dataset
        .year_bounds()
        .map(|(a, b)| format_period(Date::start_of_year(a), Date::end_of_year(b), lang))
        .unwrap_or_default();
    let references: Vec<String> = sources_behind(dataset, figures)
        .into_iter()
        .filter_map(|s| dataset.source(s))
        .filter_map(|s| {
            let date = format_date(s.date(), s.date_precision(), lang);
            s.reference().map(|reference| format!("{reference} ({}, {date})", s.publisher()))
        })
        .collect();
    let facts = CitationFacts {
        n_figures: figures.len(),
        n_sources,
        period: &period,
        selection: &selection,
        as_of: &as_of,
        today: &today,
        url: &context.page_url,
        references: &references,
    };
    citation_text(&facts, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::export::context;
    use crate::domain::testing::{dataset, figure};

    #[test]
    fn filters_are_described_in_words() {
        let d = dataset(&[figure("a").date("2020-10-13")]);
        let state = ViewState::default_for(Some(&d));
        assert_eq!(
            describe_filters(&d, &state, Lang::En),
            "Migrants returned · all programmes · programme-wide totals · 2020 · all sources"
        );
        assert_eq!(
            describe_filters(&d, &state, Lang::Fr),
            "Migrants rentrés · tous les programmes · totaux pour l’ensemble du programme · 2020 · toutes les sources"
        );
    }

    #[test]
    fn citations_name_dates_and_the_view() {
        let d = dataset(&[figure("a").date("2020-10-13")]);
        let state = ViewState::default_for(Some(&d));
        let text = citation(&d, &state, &[Position::new(0)], Scope::Selection, &context());
        assert!(text.contains("Data as of: 13\u{a0}Oct\u{a0}2020"));
        assert!(text.contains("Retrieved: 28\u{a0}Nov\u{a0}2026"));
        assert!(text.contains("https://example.org/?v=1"));
        assert!(text.contains("\"as stated\" (qualifier `exact` in the data) means the source gave the number without a qualifier, even when the number is round"));
        assert!(text.contains("Figures are never added together"));
        let fr = citation(&d, &state, &[Position::new(0)], Scope::Selection, &ExportContext { lang: Lang::Fr, ..context() });
        assert!(fr.contains("« tel quel » (qualificatif `exact` dans les données)"));
    }

    #[test]
    fn source_lines_count_releases_and_publishers() {
        let d = dataset(&[figure("a").date("2017-12-15"), figure("b").date("2020-10-13").value(2.0)]);
        assert_eq!(
            source_summary(&d, &[Position::new(0), Position::new(1)], Lang::En),
            "Sources: 2 releases from 1 publisher, 15\u{a0}Dec\u{a0}2017 – 13\u{a0}Oct\u{a0}2020; each figure's source is listed in the table and the data download."
        );
        let footer = chart_footer(&d, &[Position::new(1)], &context());
        assert!(footer[1].starts_with("Data as of 13\u{a0}Oct\u{a0}2020 · Downloaded 28\u{a0}Nov\u{a0}2026"));
    }

    #[test]
    fn wrapping_keeps_every_character_and_breaks_addresses_sensibly() {
        let text = "Data as of 12 Jun 2025 · https://example.org/dash/?v=1&view=timeline&metric=migrants_returned&programme=all";
        let lines = wrap_text(text, 40);
        assert!(lines.iter().all(|l| l.chars().count() <= 40), "{lines:?}");
        assert_eq!(lines.join(" ").replace(' ', ""), text.replace(' ', ""));
        assert!(lines.iter().any(|l| l.ends_with('&')), "addresses break after &: {lines:?}");
        assert_eq!(wrap_text("short", 40), vec!["short"]);
    }
}
