//! The picture shown instead of an empty chart: a framed message saying why nothing is drawn
//! and what to try, never an empty axis.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::theme::size;
use super::{Anchor, ChartError, Painter, Style};

/// Draws a framed message with a title and a hint.
///
/// # Errors
/// [`ChartError`] when the backend fails.
pub fn draw_placeholder<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    hint: &str,
    style: &Style,
) -> Result<(), ChartError> {
    let (painter, width, height) = Painter::start(area, style, 40.0, 40.0)?;
    let pad = size::PAD;
    let frame = [(pad, pad), (width - pad, pad), (width - pad, height - pad), (pad, height - pad), (pad, pad)];
    painter.line(&frame, painter.palette.axis, 1.0, (6, 4))?;
    let centre = width / 2.0;
    painter.text(title, (centre, height / 2.0 - 12.0), size::TITLE, painter.palette.text, Anchor::Centre, true)?;
    painter.text(hint, (centre, height / 2.0 + 14.0), size::TEXT, painter.palette.muted, Anchor::Centre, false)?;
    Ok(())
}
