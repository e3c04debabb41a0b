//! Canvas set-up for crisp charts: backing store at device resolution, text measured with
//! the canvas's own font engine, and plotters' canvas backend wrapped in a typed error, with
//! runs of filled rectangles drawn straight on the context. The same backend records a chart
//! instead, for the SVG download the files worker draws, so the chart code is compiled once.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::chart::record::{estimate_text_size, Recording};
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
    Ok(ChartCanvas::Screen { inner, context, fill: None }.into_drawing_area())
}

/// Draws with `draw` on a recording of `css_width × css_height` pixels and returns it.
///
/// # Errors
/// [`ChartError::NoSize`] for an empty size, and the drawing's errors.
pub fn record<T>(
    css_width: f64,
    css_height: f64,
    draw: impl FnOnce(&DrawingArea<ChartCanvas, Shift>) -> Result<T, ChartError>,
) -> Result<Recording, ChartError> {
    if !(css_width >= 1.0 && css_height >= 1.0) {
        return Err(ChartError::NoSize);
    }
    let recording = Rc::new(RefCell::new(Recording::new((css_width.round() as u32, css_height.round() as u32))));
    draw(&ChartCanvas::Record(recording.clone()).into_drawing_area())?;
    Ok(recording.take())
}

/// plotters' canvas backend, except that filled rectangles are drawn straight on the context and
/// a run of them in one colour (the dense timeline's squares, thousands at a time) sets that
/// colour once: plotters' backend formats and sends the colour again for each. Or a recording.
pub enum ChartCanvas {
    /// Drawing on a canvas.
    Screen {
        /// plotters' backend.
        inner: CanvasBackend,
        /// The canvas's context.
        context: CanvasRenderingContext2d,
        /// The context's fill colour, when a rectangle set it and nothing else has drawn since.
        fill: Option<(u8, u8, u8, f64)>,
    },
    /// Recording what is drawn.
    Record(Rc<RefCell<Recording>>),
}

/// A bitmap, which a recording does not keep (no chart draws one).
#[derive(Debug)]
struct NotRecorded;

impl std::fmt::Display for NotRecorded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a bitmap cannot be recorded")
    }
}

impl std::error::Error for NotRecorded {}

/// plotters' canvas error (the crate does not name it).
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;
type Drawn = Result<(), DrawingErrorKind<CanvasError>>;

impl ChartCanvas {
    /// Hands a drawing to plotters' backend, which may change the fill colour, or records it.
    fn delegate(&mut self, draw: impl FnOnce(&mut CanvasBackend) -> Drawn, record: impl FnOnce(&mut Recording)) -> Drawn {
        match self {
            ChartCanvas::Screen { inner, fill, .. } => {
                *fill = None;
                draw(inner)
            }
            ChartCanvas::Record(recording) => {
                record(&mut recording.borrow_mut());
                Ok(())
            }
        }
    }
}

impl DrawingBackend for ChartCanvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            ChartCanvas::Screen { inner, .. } => inner.get_size(),
            ChartCanvas::Record(recording) => recording.borrow().size,
        }
    }

    fn ensure_prepared(&mut self) -> Drawn {
        self.delegate(|inner| inner.ensure_prepared(), |_| {})
    }

    fn present(&mut self) -> Drawn {
        self.delegate(|inner| inner.present(), |_| {})
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        self.delegate(|inner| inner.draw_pixel(point, color), |r| r.pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Drawn {
        self.delegate(|inner| inner.draw_line(from, to, style), |r| r.line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> Drawn {
        if !fill || matches!(self, ChartCanvas::Record(_)) {
            return self.delegate(
                |inner| inner.draw_rect(upper_left, bottom_right, style, fill),
                |r| r.rect(upper_left, bottom_right, style, fill),
            );
        }
        let ChartCanvas::Screen { context, fill: set, .. } = self else { return Ok(()) };
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let (r, g, b) = color.rgb;
        let key = (r, g, b, color.alpha);
        if *set != Some(key) {
            context.set_fill_style_str(&format!("rgba({r},{g},{b},{})", color.alpha));
            *set = Some(key);
        }
        let (x0, y0) = (f64::from(upper_left.0), f64::from(upper_left.1));
        context.fill_rect(x0, y0, f64::from(bottom_right.0) - x0, f64::from(bottom_right.1) - y0);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Drawn {
        match self {
            ChartCanvas::Screen { .. } => self.delegate(|inner| inner.draw_path(path, style), |_| {}),
            ChartCanvas::Record(recording) => {
                recording.borrow_mut().path(path, style);
                Ok(())
            }
        }
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Drawn {
        self.delegate(|inner| inner.draw_circle(center, radius, style, fill), |r| r.circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Drawn {
        match self {
            ChartCanvas::Screen { .. } => self.delegate(|inner| inner.fill_polygon(vert, style), |_| {}),
            ChartCanvas::Record(recording) => {
                recording.borrow_mut().polygon(vert, style);
                Ok(())
            }
        }
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Drawn {
        self.delegate(|inner| inner.draw_text(text, style, pos), |r| r.text(text, style, pos))
    }

    /// plotters' estimate, which its canvas and SVG backends both use.
    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        estimate_text_size(text, style)
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Drawn {
        match self {
            ChartCanvas::Screen { .. } => self.delegate(|inner| inner.blit_bitmap(pos, size, src), |_| {}),
            ChartCanvas::Record(_) => Err(DrawingErrorKind::FontError(Box::new(NotRecorded))),
        }
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
