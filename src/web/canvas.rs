//! Canvas set-up for crisp charts: backing store at device resolution, text measured with
//! the canvas's own font engine, and plotters' canvas backend wrapped in a typed error.

use std::cell::RefCell;
use std::sync::Arc;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::chart::theme::FONT_FAMILY;
use crate::chart::{ChartError, TextMeasure};

/// Sizes the canvas's backing store to `css_width × css_height` CSS pixels at `ratio` device
/// pixels each, keeps its CSS size, and returns a drawing area over it.
///
/// # Errors
/// [`ChartError::NoSize`] for an empty size, [`ChartError::Backend`] when the canvas has no
/// 2D context.
pub fn prepare(
    canvas: &HtmlCanvasElement,
    css_width: f64,
    css_height: f64,
    ratio: f64,
) -> Result<DrawingArea<CanvasBackend, Shift>, ChartError> {
    if !(css_width >= 1.0 && css_height >= 1.0) {
        return Err(ChartError::NoSize);
    }
    let width = (css_width * ratio).round() as u32;
    let height = (css_height * ratio).round() as u32;
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    let _ = canvas.style().set_property("height", &format!("{css_height}px"));
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| ChartError::Backend("no 2D context on the canvas".into()))?;
    Ok(backend.into_drawing_area())
}

thread_local! {
    static MEASURE_CONTEXT: RefCell<Option<CanvasRenderingContext2d>> = const { RefCell::new(None) };
}

fn measure_context() -> Option<CanvasRenderingContext2d> {
    MEASURE_CONTEXT.with(|cell| {
        if cell.borrow().is_none() {
            let context = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.create_element("canvas").ok())
                .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
                .and_then(|c| c.get_context("2d").ok().flatten())
                .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
            *cell.borrow_mut() = context;
        }
        cell.borrow().clone()
    })
}

/// Text measurement with an off-screen canvas: no layout work, unlike plotters' default.
pub fn text_measure() -> TextMeasure {
    Arc::new(|text: &str, size: f64, bold: bool| {
        let fallback = text.chars().count() as f64 * size * 0.55;
        let Some(context) = measure_context() else { return fallback };
        let weight = if bold { "bold " } else { "" };
        context.set_font(&format!("{weight}{size}px {FONT_FAMILY}"));
        context.measure_text(text).map(|m| m.width()).unwrap_or(fallback)
    })
}
