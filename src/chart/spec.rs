//! One entry point for every chart: what to draw ([`ChartData`]), how tall it wants to be, and
//! drawing it on any backend, with or without the download frame. The canvas on screen, the
//! SVG and PNG downloads and the snapshot tests all go through here.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend, IntoDrawingArea, SVGBackend};

use std::sync::Arc;

use super::breakdown::{self, draw_breakdown, BreakdownInput};
use super::frame::{draw_framed, frame_height, FrameText};
use super::map::{self, draw_map, MapInput};
use super::placeholder::draw_placeholder;
use super::timeline::{self, draw_timeline, TimelineInput};
use super::{ChartError, ChartLayout, Style};
use crate::domain::dataset::model::{Country, Dataset, Figure, Position};
use crate::domain::explore::aggregate::{BreakdownBar, Series};
use crate::domain::map::WorldMap;
use crate::domain::text::labels::metrics_in;
use crate::domain::text::messages::{msg, Msg};

/// What a chart shows.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartData {
    /// Reported values over time.
    Timeline(Vec<Series>),
    /// Latest value per place.
    Breakdown(Vec<BreakdownBar>),
    /// Latest value per country on a map.
    Map(MapChart),
}

/// What the map shows.
#[derive(Debug, Clone, PartialEq)]
pub struct MapChart {
    /// Country shapes.
    pub map: Arc<WorldMap>,
    /// (dataset country index, figure index) of the countries with a figure.
    pub values: Vec<(Position<Country>, Position<Figure>)>,
    /// ISO codes of countries to outline.
    pub highlight: Vec<String>,
    /// What the outline means (legend).
    pub highlight_label: Option<String>,
}

impl MapChart {
    /// The drawing input for a dataset.
    pub fn input<'a>(&'a self, dataset: &'a Dataset, focus: Option<Position<Figure>>) -> MapInput<'a> {
        MapInput {
            map: &self.map,
            dataset,
            values: &self.values,
            highlight: &self.highlight,
            highlight_label: self.highlight_label.as_deref(),
            focus,
        }
    }
}

/// Height of the placeholder drawn for an empty selection, in CSS pixels.
pub const EMPTY_HEIGHT: f64 = 260.0;

impl ChartData {
    /// True when there is nothing to draw (the placeholder is shown instead).
    pub fn is_empty(&self) -> bool {
        match self {
            ChartData::Timeline(series) => series.is_empty(),
            ChartData::Breakdown(bars) => bars.is_empty(),
            ChartData::Map(chart) => chart.values.is_empty(),
        }
    }

    /// Height in CSS pixels at a given width.
    pub fn height(&self, width: f64) -> f64 {
        if self.is_empty() {
            return EMPTY_HEIGHT;
        }
        match self {
            ChartData::Timeline(series) => timeline::recommended_height(metrics_in(series).len(), width),
            ChartData::Breakdown(bars) => breakdown::recommended_height(bars.len()),
            ChartData::Map(chart) => map::recommended_height(&chart.map, width),
        }
    }
}

/// Draws a chart, or the placeholder when it is empty.
///
/// # Errors
/// [`ChartError`] when the backend fails.
pub fn draw_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    dataset: &Dataset,
    data: &ChartData,
    focus: Option<Position<Figure>>,
    style: &Style,
) -> Result<ChartLayout, ChartError> {
    if data.is_empty() {
        draw_placeholder(area, msg(Msg::EmptyTitle, style.lang), msg(Msg::EmptyHint, style.lang), style)?;
        return Ok(ChartLayout::default());
    }
    match data {
        ChartData::Timeline(series) => draw_timeline(area, TimelineInput { dataset, series, focus }, style),
        ChartData::Breakdown(bars) => draw_breakdown(area, BreakdownInput { dataset, bars, focus }, style),
        ChartData::Map(chart) => draw_map(area, chart.input(dataset, focus), style),
    }
}

/// Width of downloaded charts in CSS pixels (PNG downloads are drawn at twice that).
pub const EXPORT_WIDTH: f64 = 960.0;

/// Size of a downloaded chart with its frame, in CSS pixels.
pub fn export_size(data: &ChartData, frame: &FrameText) -> (f64, f64) {
    (EXPORT_WIDTH, data.height(EXPORT_WIDTH) + frame_height(frame))
}

/// Draws a chart inside its download frame (title, filters, source line, data date).
///
/// # Errors
/// [`ChartError`] when the backend fails.
pub fn draw_export<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    dataset: &Dataset,
    data: &ChartData,
    frame: &FrameText,
    style: &Style,
) -> Result<ChartLayout, ChartError> {
    draw_framed(area, frame, style, |inner, inner_style| draw_chart(inner, dataset, data, None, inner_style))
}

/// The chart as an SVG document with its download frame.
///
/// # Errors
/// [`ChartError`] when drawing fails.
pub fn render_svg(dataset: &Dataset, data: &ChartData, frame: &FrameText, style: &Style) -> Result<String, ChartError> {
    let (width, height) = export_size(data, frame);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (width.round() as u32, height.round() as u32)).into_drawing_area();
        draw_export(&area, dataset, data, frame, style)?;
        area.present().map_err(|e| ChartError::Backend(e.to_string()))?;
    }
    Ok(svg)
}
