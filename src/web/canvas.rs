//! Canvas set-up for crisp charts: backing store at device resolution, text measured with
//! the canvas's own font engine, and plotters' canvas backend wrapped in a typed error, with
//! runs of filled rectangles drawn straight on the context.

use std::cell::RefCell;
use std::sync::Arc;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};
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
) -> Result<DrawingArea<ChartCanvas, Shift>, ChartError> {
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
    let no_context = || ChartError::Backend("no 2D context on the canvas".into());
    let inner = CanvasBackend::with_canvas_object(canvas.clone()).ok_or_else(no_context)?;
    let context = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(no_context)?;
    Ok(ChartCanvas { inner, context, fill: None }.into_drawing_area())
}

/// plotters' canvas backend, except that filled rectangles are drawn straight on the context and
/// a run of them in one colour (the dense timeline's squares, thousands at a time) sets that
/// colour once: plotters' backend formats and sends the colour again for each.
pub struct ChartCanvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    /// The context's fill colour, when a rectangle set it and nothing else has drawn since.
    fill: Option<(u8, u8, u8, f64)>,
}

/// plotters' canvas error (the crate does not name it).
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;
type Drawn = Result<(), DrawingErrorKind<CanvasError>>;

impl ChartCanvas {
    /// Hands a drawing to plotters' backend, which may change the fill colour.
    fn delegate(&mut self, draw: impl FnOnce(&mut CanvasBackend) -> Drawn) -> Drawn {
        self.fill = None;
        draw(&mut self.inner)
    }
}

impl DrawingBackend for ChartCanvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Drawn {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Drawn {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        self.delegate(|inner| inner.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Drawn {
        self.delegate(|inner| inner.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> Drawn {
        let color = style.color();
        if !fill {
            return self.delegate(|inner| inner.draw_rect(upper_left, bottom_right, style, fill));
        }
        if color.alpha == 0.0 {
            return Ok(());
        }
        let (r, g, b) = color.rgb;
        let key = (r, g, b, color.alpha);
        if self.fill != Some(key) {
            self.context.set_fill_style_str(&format!("rgba({r},{g},{b},{})", color.alpha));
            self.fill = Some(key);
        }
        let (x0, y0) = (f64::from(upper_left.0), f64::from(upper_left.1));
        self.context.fill_rect(x0, y0, f64::from(bottom_right.0) - x0, f64::from(bottom_right.1) - y0);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Drawn {
        self.delegate(|inner| inner.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Drawn {
        self.delegate(|inner| inner.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Drawn {
        self.delegate(|inner| inner.fill_polygon(vert, style))
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Drawn {
        self.delegate(|inner| inner.draw_text(text, style, pos))
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        self.inner.estimate_text_size(text, style)
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Drawn {
        self.delegate(|inner| inner.blit_bitmap(pos, size, src))
    }
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
