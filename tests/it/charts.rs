//! SVG snapshots of the charts, rendered through the same drawing functions as the canvas.

use crate::common;

use std::collections::BTreeSet;

use eu_iom_dashboard::chart::breakdown::{self, BreakdownInput};
use eu_iom_dashboard::chart::placeholder::draw_placeholder;
use eu_iom_dashboard::chart::theme::Theme;
use eu_iom_dashboard::chart::timeline::{draw_timeline, TimelineInput};
use eu_iom_dashboard::chart::Style;
use eu_iom_dashboard::domain::dataset::model::{Figure, Metric, Position};
use eu_iom_dashboard::domain::explore::aggregate::{build_breakdown, build_series, BreakdownBy};
use eu_iom_dashboard::domain::explore::select::{select, Filter, Ignore, Level};
use eu_iom_dashboard::domain::explore::view::from_query;
use eu_iom_dashboard::domain::lang::Lang;
use plotters::prelude::*;

fn render<F>(width: u32, height: u32, draw: F) -> String
where
    F: FnOnce(&DrawingArea<SVGBackend<'_>, plotters::coord::Shift>),
{
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        draw(&area);
        area.present().expect("present");
    }
    svg
}

fn joint_initiative_returns() -> Filter {
    Filter {
        metrics: BTreeSet::from([Metric::MigrantsReturned]),
        programmes: BTreeSet::from(["joint-initiative".to_string()]),
        levels: BTreeSet::from([Level::ProgrammeWide]),
        ..Filter::default()
    }
}

#[test]
fn joint_initiative_cumulative_returns() {
    let loaded = common::fixture_dataset();
    let dataset = &loaded.dataset;
    let selected = select(dataset, &joint_initiative_returns(), Ignore::default());
    let series = build_series(dataset, &selected);
    assert_eq!(series.len(), 1, "one programme-wide series");
    let values: Vec<f64> = series[0].points.iter().map(|p| p.value).collect();
    assert_eq!(values, vec![15_000.0, 15_000.0, 22_000.0, 32_000.0, 81_000.0, 81_000.0, 84_000.0, 85_000.0, 106_700.0, 114_000.0]);
    let mut layout = None;
    let svg = render(800, 360, |area| {
        layout = Some(
            draw_timeline(area, TimelineInput { dataset, series: &series, focus: None }, &Style::svg(Lang::En, Theme::Light))
                .expect("draws"),
        );
    });
    let layout = layout.unwrap();
    assert_eq!(layout.points.len(), 10, "one mark per report");
    assert!(svg.contains("\n2020\n") && svg.contains("\n125,000\n"), "year and value axes are labelled");
    assert!(svg.contains("Joint Initiative · Programme-wide"), "legend names the series");
    common::assert_snapshot("timeline-ji-returns.svg", &svg);
}

fn selection(query: &str, ignore: Ignore) -> (eu_iom_dashboard::domain::dataset::load::Loaded, Vec<Position<Figure>>) {
    let loaded = common::fixture_dataset();
    let (state, notices) = from_query(query, Some(&loaded.dataset));
    assert!(notices.is_empty(), "{notices:?}");
    let selected = select(&loaded.dataset, &state.filter, ignore);
    (loaded, selected)
}

#[test]
fn several_metrics_and_countries_in_french() {
    let (loaded, selected) = selection("metric=migrants_returned,migrants_reintegration&country=SN,GM,LY&level=country", Ignore::default());
    let dataset = &loaded.dataset;
    let series = build_series(dataset, &selected);
    let mut layout = None;
    let svg = render(720, 640, |area| {
        let input = TimelineInput { dataset, series: &series, focus: Some(series[0].points[0].figure) };
        layout = Some(draw_timeline(area, input, &Style::svg(Lang::Fr, Theme::Light)).expect("draws"));
    });
    let layout = layout.unwrap();
    let n_points: usize = series.iter().map(|s| s.points.len()).sum();
    assert_eq!(layout.points.len(), n_points, "every report of the visible series is drawn");
    assert!(svg.contains("Migrants rentrés") && svg.contains("Aide à la réintégration"), "one panel per metric, titled in French");
    assert!(svg.contains("Sénégal") && svg.contains("Libye"), "places are named in French");
    assert!(svg.contains("#B22222"), "warnings are ringed");
    common::assert_snapshot("timeline-countries-fr.svg", &svg);
}

#[test]
fn dark_theme_timeline() {
    let (loaded, selected) = selection("metric=funding_eur&level=programme", Ignore::default());
    let dataset = &loaded.dataset;
    let series = build_series(dataset, &selected);
    let svg = render(640, 380, |area| {
        draw_timeline(area, TimelineInput { dataset, series: &series, focus: None }, &Style::svg(Lang::En, Theme::Dark)).expect("draws");
    });
    assert!(svg.contains("#14181F"), "dark background");
    assert!(svg.contains("€1.5\u{a0}bn") || svg.contains("bn"), "money axis is abbreviated");
    common::assert_snapshot("timeline-funding-dark.svg", &svg);
}

#[test]
fn breakdown_of_returns_by_country() {
    let (loaded, selected) = selection("metric=migrants_returned", Ignore { metrics: false, levels: true });
    let dataset = &loaded.dataset;
    let bars = build_breakdown(dataset, &selected, Metric::MigrantsReturned, BreakdownBy::Country);
    let height = breakdown::recommended_height(bars.len()) as u32;
    let mut layout = None;
    let svg = render(720, height, |area| {
        layout = Some(
            breakdown::draw_breakdown(area, BreakdownInput { dataset, bars: &bars, focus: None }, &Style::svg(Lang::En, Theme::Light))
                .expect("draws"),
        );
    });
    assert_eq!(layout.unwrap().points.len(), bars.len(), "one bar per country");
    assert_eq!(svg.matches("<rect").count(), 1 + bars.len(), "background plus one bar each");
    assert!(
        svg.contains("more than 100,000 · 12\u{a0}Jun\u{a0}2025") || svg.contains("more than 100,000"),
        "bars are labelled with qualified values"
    );
    common::assert_snapshot("breakdown-returns-by-country.svg", &svg);
}

#[test]
fn an_empty_selection_draws_a_placeholder_not_an_empty_axis() {
    let (loaded, selected) = selection("metric=projects&country=LY&level=country", Ignore::default());
    assert!(selected.is_empty());
    let series = build_series(&loaded.dataset, &selected);
    assert!(series.is_empty());
    let svg = render(640, 260, |area| {
        draw_placeholder(
            area,
            "No figures match these filters",
            "Widen the period or remove a filter to see figures.",
            &Style::svg(Lang::En, Theme::Light),
        )
        .expect("draws");
    });
    assert!(svg.contains("No figures match these filters"));
    assert!(!svg.contains("\n2020\n"), "no axis");
    common::assert_snapshot("empty-selection.svg", &svg);
}

#[test]
fn thousands_of_reports_draw_one_square_per_occupied_cell() {
    let text = serde_json::to_string(&eu_iom_dashboard::cli::synth::synthetic(20_000)).expect("serialises");
    let loaded = eu_iom_dashboard::domain::dataset::load::load_dataset(&text).expect("loads");
    let dataset = &loaded.dataset;
    let filter =
        Filter { metrics: BTreeSet::from([Metric::MigrantsReturned]), levels: BTreeSet::from([Level::ProgrammeWide]), ..Filter::default() };
    let selected = select(dataset, &filter, Ignore::default());
    let series = build_series(dataset, &selected);
    let reports: usize = series.iter().map(|s| s.points.len()).sum();
    assert!(reports > 800, "enough reports for the dense drawing: {reports}");
    let (width, height) = (800u32, 360u32);
    let mut layout = None;
    let svg = render(width, height, |area| {
        layout = Some(
            draw_timeline(area, TimelineInput { dataset, series: &series, focus: None }, &Style::svg(Lang::En, Theme::Light))
                .expect("draws"),
        );
    });
    assert!(svg.contains("Dense data: qualifiers and dates are in the tooltips and the table"));
    assert_eq!(layout.expect("layout").points.len(), reports, "every report stays reachable by keyboard and tooltip");
    // One small filled square per occupied cell, each its own fill (one outline holding them all
    // takes a canvas far longer to rasterise).
    let squares = svg
        .split("<rect")
        .skip(1)
        .filter(|tag| tag.split('>').next().is_some_and(|attrs| attrs.contains("width=\"4\" height=\"4\"")))
        .count();
    let cells = (width as usize / 6 + 1) * (height as usize / 6 + 1);
    assert!(squares > 10 && squares < reports && squares <= cells, "{squares} squares for {reports} reports");
    let largest_outline = svg
        .split("<polygon")
        .skip(1)
        .filter_map(|tag| tag.split("points=\"").nth(1)?.split('"').next())
        .map(|points| points.split_whitespace().count())
        .max()
        .unwrap_or(0);
    assert!(largest_outline <= 8, "legend markers only, no outline joining squares: {largest_outline} corners");
    let circles = svg.matches("<circle").count();
    assert!(circles < 4 * series.len(), "{circles} circles: the legend keys only, none per report");
}
