//! Reported values over time: one panel per metric, one series per programme and place,
//! a point at each report's as-of date.
//!
//! Honesty rules drawn here: the value axis starts at zero; running totals are joined by a
//! line, totals over a period are drawn as a span and never joined; "about" is a hollow
//! marker, "more than" and "almost" carry a caret (above: the true value is higher; below:
//! it is a little lower); an uncertain date gets a horizontal whisker; a point with a warning
//! (a running total that falls, reports that disagree, a documented contradiction) gets a ring.

use std::collections::BTreeMap;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::scale::{ticks_from_zero, LinearScale};
use super::theme::{series_look, size, Marker};
use super::{Anchor, ChartError, ChartLayout, HitPoint, Painter, Style};
use crate::domain::dataset::date::Date;
use crate::domain::dataset::model::{Dataset, Figure, Place, Position, Programme, Qualifier};
use crate::domain::explore::aggregate::Series;
use crate::domain::lang::Lang;
use crate::domain::text::format::format_axis_value;
use crate::domain::text::i18n::{metric_name, qualifier_name};
use crate::domain::text::labels::{entity_labels, metrics_in};
use crate::domain::text::messages::{msg, Msg};

/// Most series drawn at once; more would be unreadable (the table still lists them all).
pub const MAX_SERIES: usize = 8;

/// What to draw.
#[derive(Debug, Clone, Copy)]
pub struct TimelineInput<'a> {
    /// The dataset the series come from.
    pub dataset: &'a Dataset,
    /// Series, most important first (as [`crate::domain::explore::aggregate::build_series`] orders them).
    pub series: &'a [Series],
    /// Figure to highlight (keyboard focus or hover).
    pub focus: Option<Position<Figure>>,
}

/// Suggested height in CSS pixels for `n_panels` panels at a given width.
pub fn recommended_height(n_panels: usize, width: f64) -> f64 {
    let legend = if width < 520.0 { 120.0 } else { 76.0 };
    let panel = if width < 520.0 { 230.0 } else { 270.0 };
    legend + panel * n_panels.max(1) as f64
}

/// A (programme, place) pair: the thing a series follows, which keeps its look across panels.
type Entity = (Position<Programme>, Place);

/// Draws the timeline and returns where its points landed.
///
/// # Errors
/// [`ChartError`] when the backend fails.
pub fn draw_timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: TimelineInput<'_>,
    style: &Style,
) -> Result<ChartLayout, ChartError> {
    let (painter, width, height) = Painter::start(area, style, 40.0, 40.0)?;
    let lang = style.lang;

    // Entities in order of importance get looks 0..MAX_SERIES; the rest are hidden.
    let mut entities: Vec<Entity> = Vec::new();
    for series in input.series {
        let entity = (series.key.programme, series.key.place.clone());
        if !entities.contains(&entity) {
            entities.push(entity);
        }
    }
    let visible: Vec<Entity> = entities.iter().take(MAX_SERIES).cloned().collect();
    let look_of: BTreeMap<Entity, usize> = visible.iter().cloned().enumerate().map(|(i, e)| (e, i)).collect();
    let drawn: Vec<&Series> = input.series.iter().filter(|s| look_of.contains_key(&(s.key.programme, s.key.place.clone()))).collect();
    let n_hidden_series = input.series.len() - drawn.len();

    let pairs: Vec<(Position<Programme>, &Place)> = visible.iter().map(|(p, place)| (*p, place)).collect();
    let labels = entity_labels(input.dataset, &pairs, lang);
    let legend_bottom = draw_legend(&painter, &labels, width)?;

    let (x0, x1) = day_extent(input.dataset, &drawn);
    let metrics = metrics_in(input.series);
    let panel_height = (height - legend_bottom) / metrics.len().max(1) as f64;
    let mut layout = ChartLayout { points: Vec::new(), n_hidden_series };
    for (panel_index, metric) in metrics.iter().enumerate() {
        let top = legend_bottom + panel_index as f64 * panel_height;
        let in_panel: Vec<&Series> = drawn.iter().copied().filter(|s| s.key.metric == *metric).collect();
        let title = metric_name(*metric, lang);
        let panel = Panel { top, bottom: top + panel_height, width, x_days: (x0, x1) };
        draw_panel(&painter, input, &panel, title, &in_panel, &look_of, &mut layout)?;
    }
    Ok(layout)
}

/// Earliest and latest day any drawn mark needs, widened to whole years.
fn day_extent(dataset: &Dataset, series: &[&Series]) -> (f64, f64) {
    let mut lo = i64::MAX;
    let mut hi = i64::MIN;
    for point in series.iter().flat_map(|s| s.points.iter()) {
        let spread = dataset.figure(point.figure).map_or(0, |f| f.as_of_precision().uncertainty_days());
        lo = lo.min(point.period_start_day.unwrap_or(point.day) - spread);
        hi = hi.max(point.day + spread);
    }
    if lo > hi {
        return (0.0, 1.0);
    }
    let first = Date::from_days_since_epoch(lo).year();
    let last = Date::from_days_since_epoch(hi).year();
    (Date::start_of_year(first).days_since_epoch() as f64, Date::start_of_year(last + 1).days_since_epoch() as f64)
}

/// Draws the legend (series, then the key to marks) and returns its bottom edge.
fn draw_legend<DB: DrawingBackend>(painter: &Painter<'_, DB>, labels: &[String], width: f64) -> Result<f64, ChartError> {
    let mut flow = Flow { x: size::PAD, y: size::PAD + Flow::ROW / 2.0, width };
    for (index, label) in labels.iter().enumerate() {
        let (colour, marker, dash) = series_look(&painter.palette, index);
        let label = painter.fit_text(label, size::TEXT, false, width - 2.0 * size::PAD - 34.0);
        let text_width = painter.text_width(&label, size::TEXT, false);
        let (lx, ly) = flow.place(34.0 + text_width);
        painter.line(&[(lx, ly), (lx + 26.0, ly)], colour, size::LINE, dash)?;
        painter.marker(marker, (lx + 13.0, ly), size::MARKER, colour, true)?;
        painter.text(&label, (lx + 34.0, ly), size::TEXT, painter.palette.text, Anchor::Left, false)?;
    }
    // The key to the marks, in muted text, on a new row.
    flow.new_row();
    let muted = painter.palette.muted;
    let key = key_words(painter.lang);
    for (index, word) in key.iter().enumerate() {
        let text_width = painter.text_width(word, size::SMALL, false);
        let (kx, ky) = flow.place(22.0 + text_width);
        let centre = (kx + 8.0, ky);
        match index {
            0 => painter.marker(Marker::Circle, centre, 4.5, muted, true)?,
            1 => painter.marker(Marker::Circle, centre, 4.5, muted, false)?,
            2 => {
                painter.marker(Marker::Circle, (kx + 8.0, ky + 3.0), 4.0, muted, true)?;
                painter.caret((kx + 8.0, ky - 8.0), true, 4.0, muted)?;
            }
            3 => {
                painter.marker(Marker::Circle, (kx + 8.0, ky - 3.0), 4.0, muted, true)?;
                painter.caret((kx + 8.0, ky + 8.0), false, 4.0, muted)?;
            }
            4 => {
                painter.line(&[(kx, ky), (kx + 16.0, ky)], muted, 1.5, (0, 0))?;
                painter.line(&[(kx, ky - 4.0), (kx, ky + 4.0)], muted, 1.5, (0, 0))?;
                painter.line(&[(kx + 16.0, ky - 4.0), (kx + 16.0, ky + 4.0)], muted, 1.5, (0, 0))?;
            }
            _ => {
                painter.marker(Marker::Circle, centre, 3.5, muted, true)?;
                painter.ring(centre, 7.5, painter.palette.warning, 1.6)?;
            }
        }
        painter.text(word, (kx + 22.0, ky), size::SMALL, muted, Anchor::Left, false)?;
    }
    Ok(flow.y + Flow::ROW / 2.0 + 6.0)
}

/// Left-to-right placement of legend items, wrapping at the chart's width.
struct Flow {
    x: f64,
    y: f64,
    width: f64,
}

impl Flow {
    const ROW: f64 = 22.0;

    /// Where an item `item_width` wide goes; wraps first if it does not fit.
    fn place(&mut self, item_width: f64) -> (f64, f64) {
        if self.x + item_width > self.width - size::PAD && self.x > size::PAD {
            self.new_row();
        }
        let at = (self.x, self.y);
        self.x += item_width + 18.0;
        at
    }

    /// Starts a new row unless the current one is empty.
    fn new_row(&mut self) {
        if self.x > size::PAD {
            self.x = size::PAD;
            self.y += Self::ROW;
        }
    }
}

/// Words of the key to the marks.
pub fn key_words(lang: Lang) -> [&'static str; 6] {
    let qualifier = |q| qualifier_name(q, lang);
    [
        qualifier(Qualifier::Exact),
        qualifier(Qualifier::About),
        qualifier(Qualifier::MoreThan),
        qualifier(Qualifier::Almost),
        msg(Msg::KeyUncertain, lang),
        msg(Msg::KeyWarning, lang),
    ]
}

struct Panel {
    top: f64,
    bottom: f64,
    width: f64,
    x_days: (f64, f64),
}

fn draw_panel<DB: DrawingBackend>(
    painter: &Painter<'_, DB>,
    input: TimelineInput<'_>,
    panel: &Panel,
    title: &str,
    series: &[&Series],
    look_of: &BTreeMap<Entity, usize>,
    layout: &mut ChartLayout,
) -> Result<(), ChartError> {
    let palette = &painter.palette;
    let pad = size::PAD;
    painter.text(title, (pad, panel.top + 4.0), size::TITLE, palette.text, Anchor::TopLeft, true)?;

    let unit = series.first().map(|s| s.unit).unwrap_or(crate::domain::dataset::model::Unit::Count);
    let max_value = series.iter().flat_map(|s| s.points.iter()).map(|p| p.value).fold(0.0, f64::max);
    let ticks = ticks_from_zero(max_value, 5);
    let tick_labels: Vec<String> = ticks.iter().map(|t| format_axis_value(*t, unit, painter.lang)).collect();
    let label_width = tick_labels.iter().map(|l| painter.text_width(l, size::SMALL, false)).fold(0.0, f64::max);
    let left = pad + label_width + 8.0;
    let right = panel.width - pad - 8.0;
    let top = panel.top + 34.0;
    let bottom = panel.bottom - 30.0;
    if right - left < 20.0 || bottom - top < 20.0 {
        return Ok(());
    }
    let x = LinearScale::new(panel.x_days, (left, right));
    let y = LinearScale::new((0.0, ticks.last().copied().unwrap_or(1.0)), (bottom, top));

    for (tick, label) in ticks.iter().zip(&tick_labels) {
        let ty = y.map(*tick);
        let colour = if *tick == 0.0 { palette.axis } else { palette.grid };
        painter.line(&[(left, ty), (right, ty)], colour, 1.0, (0, 0))?;
        painter.text(label, (left - 6.0, ty), size::SMALL, palette.muted, Anchor::Right, false)?;
    }
    draw_years(painter, &x, (left, right), top, bottom)?;

    let n_points: usize = series.iter().map(|s| s.points.len()).sum();
    let dense = n_points as f64 > (right - left) * DENSE_POINTS_PER_PIXEL;
    if dense {
        let note = msg(Msg::DenseData, painter.lang);
        painter.text(note, (right, panel.top + 6.0), size::SMALL, palette.muted, Anchor::Right, false)?;
    }
    for series in series {
        let Some(look) = look_of.get(&(series.key.programme, series.key.place.clone())) else { continue };
        draw_series(painter, input, series, *look, &Plot { x, y, dense }, layout)?;
    }
    if let Some(focus) = input.focus {
        if let Some(point) = layout.points.iter().find(|p| p.figure == focus) {
            painter.ring((point.x, point.y), size::MARKER + 5.0, palette.text, 2.0)?;
        }
    }
    Ok(())
}

/// Thousands of reports cannot each carry a whisker and a caret: a dense panel draws a thin
/// line and one small square per occupied 6-pixel cell (every report stays in the layout, so the
/// keyboard and tooltips still reach each one, with its qualifier and date in words).
fn draw_dense_points<DB: DrawingBackend>(
    painter: &Painter<'_, DB>,
    series: &Series,
    look: usize,
    colour: plotters::style::RGBColor,
    x: &LinearScale,
    y: &LinearScale,
    layout: &mut ChartLayout,
) -> Result<(), ChartError> {
    const CELL: f64 = 6.0;
    let (width, height) = painter.size();
    let columns = (width / CELL).ceil().max(1.0) as usize;
    let rows = (height / CELL).ceil().max(1.0) as usize;
    let mut occupied = vec![false; columns * rows];
    let mut centres = Vec::new();
    for point in &series.points {
        let centre = (x.map(point.day as f64), y.map(point.value));
        let column = ((centre.0 / CELL).max(0.0) as usize).min(columns - 1);
        let row = ((centre.1 / CELL).max(0.0) as usize).min(rows - 1);
        if let Some(cell) = occupied.get_mut(row * columns + column) {
            if !*cell {
                *cell = true;
                centres.push(centre);
            }
        }
        layout.points.push(HitPoint { figure: point.figure, x: centre.0, y: centre.1, series: look });
    }
    painter.squares(&centres, 2.0, colour)
}

/// Year boundaries as faint vertical lines; year labels centred on each year.
fn draw_years<DB: DrawingBackend>(
    painter: &Painter<'_, DB>,
    x: &LinearScale,
    (left, right): (f64, f64),
    top: f64,
    bottom: f64,
) -> Result<(), ChartError> {
    let (d0, d1) = x.domain();
    let first = Date::from_days_since_epoch(d0 as i64).year();
    let last = Date::from_days_since_epoch(d1 as i64 - 1).year();
    let n_years = (last - first + 1).max(1);
    let year_width = (right - left) / f64::from(n_years);
    let label_every = if year_width >= 38.0 {
        1
    } else if year_width >= 19.0 {
        2
    } else {
        5
    };
    for year in first..=last {
        let start = x.map(Date::start_of_year(year).days_since_epoch() as f64);
        let end = x.map(Date::start_of_year(year + 1).days_since_epoch() as f64);
        if year > first {
            painter.line(&[(start, top), (start, bottom)], painter.palette.grid, 1.0, (0, 0))?;
        }
        if year % label_every == 0 || n_years == 1 {
            painter.text(
                &year.to_string(),
                ((start + end) / 2.0, bottom + 8.0),
                size::SMALL,
                painter.palette.muted,
                Anchor::TopCentre,
                false,
            )?;
        }
    }
    Ok(())
}

/// More points than this per pixel of plot width switches a panel to the dense drawing.
pub const DENSE_POINTS_PER_PIXEL: f64 = 0.5;

/// Where a panel draws: its scales, and whether it is too dense for full marks.
struct Plot {
    x: LinearScale,
    y: LinearScale,
    dense: bool,
}

fn draw_series<DB: DrawingBackend>(
    painter: &Painter<'_, DB>,
    input: TimelineInput<'_>,
    series: &Series,
    look: usize,
    plot: &Plot,
    layout: &mut ChartLayout,
) -> Result<(), ChartError> {
    let Plot { x, y, dense } = plot;
    let dense = *dense;
    let (colour, marker, dash) = series_look(&painter.palette, look);
    let running: Vec<(f64, f64)> =
        series.points.iter().filter(|p| p.period_start_day.is_none()).map(|p| (x.map(p.day as f64), y.map(p.value))).collect();
    if dense {
        painter.line(&running, colour, 1.0, (0, 0))?;
        return draw_dense_points(painter, series, look, colour, x, y, layout);
    }
    painter.line(&running, colour, size::LINE, dash)?;

    for point in &series.points {
        let Some(figure) = input.dataset.figure(point.figure) else { continue };
        let centre = (x.map(point.day as f64), y.map(point.value));
        if let Some(start) = point.period_start_day {
            let from = x.map(start as f64);
            painter.line(&[(from, centre.1), centre], colour, 3.0, (0, 0))?;
            painter.line(&[(from, centre.1 - 4.0), (from, centre.1 + 4.0)], colour, 1.5, (0, 0))?;
        }
        let spread = figure.as_of_precision().uncertainty_days() as f64;
        if spread > 0.0 {
            let a = x.map(point.day as f64 - spread);
            let b = x.map(point.day as f64 + spread);
            painter.line(&[(a, centre.1), (b, centre.1)], colour, 1.5, (0, 0))?;
            painter.line(&[(a, centre.1 - 4.0), (a, centre.1 + 4.0)], colour, 1.5, (0, 0))?;
            painter.line(&[(b, centre.1 - 4.0), (b, centre.1 + 4.0)], colour, 1.5, (0, 0))?;
        }
        let filled = figure.qualifier() != Qualifier::About;
        painter.marker(marker, centre, size::MARKER, colour, filled)?;
        match figure.qualifier() {
            Qualifier::MoreThan => painter.caret((centre.0, centre.1 - size::MARKER - 9.0), true, 4.0, colour)?,
            Qualifier::Almost => painter.caret((centre.0, centre.1 + size::MARKER + 9.0), false, 4.0, colour)?,
            Qualifier::Exact | Qualifier::About => {}
        }
        if !point.warnings.is_empty() {
            painter.ring(centre, size::MARKER + 4.0, painter.palette.warning, 1.6)?;
        }
        layout.points.push(HitPoint { figure: point.figure, x: centre.0, y: centre.1, series: look });
    }
    Ok(())
}
