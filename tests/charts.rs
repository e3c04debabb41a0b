//! SVG snapshots of the charts, rendered through the same drawing functions as the canvas.

mod common;

use std::collections::BTreeSet;

use eu_iom_dashboard::chart::timeline::{draw_timeline, TimelineInput};
use eu_iom_dashboard::chart::theme::Theme;
use eu_iom_dashboard::chart::Style;
use eu_iom_dashboard::domain::i18n::Lang;
use eu_iom_dashboard::domain::aggregate::build_series;
use eu_iom_dashboard::domain::model::{Dataset, Metric};
use eu_iom_dashboard::domain::select::{select, Filter, Ignore, Level};
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

fn joint_initiative_returns(dataset: &Dataset) -> Filter {
    let _ = dataset;
    Filter {
        metrics: BTreeSet::from([Metric::MigrantsReturned]),
        programmes: BTreeSet::from(["joint-initiative".to_string()]),
        levels: BTreeSet::from([Level::ProgrammeWide]),
        ..Filter::default()
    }
}

#[test]
fn joint_initiative_cumulative_returns() {
    let loaded = common::real_dataset();
    let dataset = &loaded.dataset;
    let selected = select(dataset, &joint_initiative_returns(dataset), Ignore::default());
    let series = build_series(dataset, &selected);
    assert_eq!(series.len(), 1, "one programme-wide series");
    let values: Vec<f64> = series[0].points.iter().map(|p| p.value).collect();
    assert_eq!(values, vec![15_000.0, 15_000.0, 22_000.0, 32_000.0, 81_000.0, 81_000.0, 84_000.0, 85_000.0, 106_700.0, 114_000.0]);
    let mut layout = None;
    let svg = render(800, 360, |area| {
        layout = Some(draw_timeline(area, TimelineInput { dataset, series: &series, focus: None }, &Style::svg(Lang::En, Theme::Light)).expect("draws"));
    });
    let layout = layout.unwrap();
    assert_eq!(layout.points.len(), 10, "one mark per report");
    std::fs::write(common::path("target/timeline-debug.svg"), &svg).ok();
    assert!(svg.contains("\n2020\n") && svg.contains("\n125,000\n"), "year and value axes are labelled");
    assert!(svg.contains("EU-IOM Joint Initiative · Programme-wide"), "legend names the series");
    common::assert_snapshot("timeline-ji-returns.svg", &svg);
}
