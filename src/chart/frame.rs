//! The frame around a downloaded chart: title, the active filters in words, and a footer with
//! the source line and the data date, so an image carries its provenance wherever it goes.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::theme::size;
use super::{Anchor, ChartError, ChartLayout, Painter, Style};

/// Texts of the frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameText {
    /// Chart title.
    pub title: String,
    /// The active filters in words.
    pub filters: String,
    /// Footer: sources, data date and where the chart comes from.
    pub footer: Vec<String>,
}

/// Height of the title block in CSS pixels.
pub const HEADER: f64 = 64.0;
/// Height of one footer line in CSS pixels.
pub const FOOTER_LINE: f64 = 17.0;

/// Extra height the frame adds around a chart.
pub fn frame_height(text: &FrameText) -> f64 {
    HEADER + FOOTER_LINE * text.footer.len() as f64 + 2.0 * size::PAD
}

/// Draws the frame and, inside it, the chart drawn by `draw`.
///
/// # Errors
/// [`ChartError`] when the backend fails or the chart does.
pub fn draw_framed<DB, F>(area: &DrawingArea<DB, Shift>, text: &FrameText, style: &Style, draw: F) -> Result<ChartLayout, ChartError>
where
    DB: DrawingBackend,
    F: FnOnce(&DrawingArea<DB, Shift>, &Style) -> Result<ChartLayout, ChartError>,
{
    let painter = Painter::new(area, style);
    if style.opaque {
        painter.fill(painter.palette.background)?;
    }
    let (width, height) = painter.size();
    let pad = size::PAD;
    let usable = width - 2.0 * pad;
    painter.text(
        &painter.fit_text(&text.title, size::HEADLINE, true, usable),
        (pad, pad),
        size::HEADLINE,
        painter.palette.text,
        Anchor::TopLeft,
        true,
    )?;
    painter.text(
        &painter.fit_text(&text.filters, size::TEXT, false, usable),
        (pad, pad + 30.0),
        size::TEXT,
        painter.palette.muted,
        Anchor::TopLeft,
        false,
    )?;
    let footer_top = height - pad - FOOTER_LINE * text.footer.len() as f64;
    painter.line(&[(pad, footer_top - 6.0), (width - pad, footer_top - 6.0)], painter.palette.grid, 1.0, (0, 0))?;
    for (index, line) in text.footer.iter().enumerate() {
        let y = footer_top + FOOTER_LINE * index as f64;
        painter.text(
            &painter.fit_text(line, size::SMALL, false, usable),
            (pad, y),
            size::SMALL,
            painter.palette.muted,
            Anchor::TopLeft,
            false,
        )?;
    }
    let scale = if style.scale.is_finite() && style.scale > 0.0 { style.scale } else { 1.0 };
    let top = ((HEADER + pad) * scale).round() as u32;
    let bottom = ((height - footer_top + 10.0) * scale).round() as u32;
    let inner = area.margin(top, bottom, 0, 0);
    let inner_style = Style { opaque: false, ..style.clone() };
    let mut layout = draw(&inner, &inner_style)?;
    for point in &mut layout.points {
        point.y += HEADER + pad;
    }
    Ok(layout)
}
