//! Latest reported value per place, as horizontal bars sorted by value and labelled directly
//! with the value (and its qualifier) and the date it refers to.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::scale::LinearScale;
use super::theme::size;
use super::{Anchor, ChartError, ChartLayout, HitPoint, Painter, Style};
use crate::domain::dataset::model::{Dataset, Figure, Position, Qualifier};
use crate::domain::explore::aggregate::BreakdownBar;
use crate::domain::text::describe::figure_value_stated;
use crate::domain::text::format::format_date;
use crate::domain::text::labels::place_name;

/// Height of one bar's row in CSS pixels.
pub const ROW: f64 = 30.0;

/// What to draw.
#[derive(Debug, Clone, Copy)]
pub struct BreakdownInput<'a> {
    /// The dataset the bars come from.
    pub dataset: &'a Dataset,
    /// Bars, largest first.
    pub bars: &'a [BreakdownBar],
    /// Figure to highlight.
    pub focus: Option<Position<Figure>>,
}

/// Suggested height in CSS pixels for `n_bars` bars.
pub fn recommended_height(n_bars: usize) -> f64 {
    2.0 * size::PAD + ROW * n_bars.max(1) as f64
}

/// Draws the bars and returns where each bar ends.
///
/// # Errors
/// [`ChartError`] when the backend fails.
pub fn draw_breakdown<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: BreakdownInput<'_>,
    style: &Style,
) -> Result<ChartLayout, ChartError> {
    let (painter, width, height) = Painter::start(area, style, 40.0, 20.0)?;
    let lang = style.lang;
    let pad = size::PAD;
    let rows: Vec<(String, String, f64, Position<Figure>, Qualifier)> = input
        .bars
        .iter()
        .filter_map(|bar| {
            let figure = input.dataset.figure(bar.figure)?;
            let when = format_date(figure.as_of(), figure.as_of_precision(), lang);
            let value = figure_value_stated(figure, lang);
            Some((place_name(input.dataset, &bar.place, lang), format!("{value} · {when}"), bar.value, bar.figure, figure.qualifier()))
        })
        .collect();
    let label_width = rows.iter().map(|r| painter.text_width(&r.0, size::TEXT, false)).fold(0.0, f64::max).min(width * 0.34);
    let value_width = rows.iter().map(|r| painter.text_width(&r.1, size::SMALL, false)).fold(0.0, f64::max).min(width * 0.42);
    let left = pad + label_width + 10.0;
    let right = (width - pad - value_width - 10.0).max(left + 10.0);
    let max = rows.iter().map(|r| r.2).fold(0.0, f64::max);
    let x = LinearScale::new((0.0, if max > 0.0 { max } else { 1.0 }), (left, right));
    let palette = &painter.palette;
    let mut layout = ChartLayout::default();
    for (index, (label, value_text, value, figure, qualifier)) in rows.iter().enumerate() {
        let centre_y = pad + ROW * (index as f64 + 0.5);
        if centre_y > height {
            layout.n_hidden_series += 1;
            continue;
        }
        let end = x.map(*value).max(left + 1.0);
        let (top, bottom) = (centre_y - 8.0, centre_y + 8.0);
        painter.text(
            &painter.fit_text(label, size::TEXT, false, label_width),
            (left - 10.0, centre_y),
            size::TEXT,
            palette.text,
            Anchor::Right,
            false,
        )?;
        if *qualifier == Qualifier::About {
            painter.rect((left, top), (end, bottom), palette.background, true)?;
            painter.rect((left, top), (end, bottom), palette.bar, false)?;
        } else {
            painter.rect((left, top), (end, bottom), palette.bar, true)?;
        }
        match qualifier {
            Qualifier::MoreThan => painter.caret_sideways((end + 2.0, centre_y), true, 5.0, palette.bar)?,
            Qualifier::Almost => painter.caret_sideways((end - 2.0, centre_y), false, 5.0, palette.background)?,
            Qualifier::Exact | Qualifier::About => {}
        }
        let text_x = if matches!(qualifier, Qualifier::MoreThan) { end + 12.0 } else { end + 8.0 };
        painter.text(value_text, (text_x, centre_y), size::SMALL, palette.muted, Anchor::Left, false)?;
        if input.focus == Some(*figure) {
            painter.rect((left - 4.0, top - 4.0), (end + 4.0, bottom + 4.0), palette.text, false)?;
        }
        layout.points.push(HitPoint { figure: *figure, x: end, y: centre_y, series: index });
    }
    painter.line(&[(left, pad), (left, pad + ROW * rows.len() as f64)], palette.axis, 1.0, (0, 0))?;
    Ok(layout)
}
