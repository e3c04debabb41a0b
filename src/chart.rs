//! Pure drawing: every chart is a function generic over plotters' `DrawingBackend`, so the
//! browser canvas, SVG downloads and the snapshot tests run the same code.
//!
//! Charts work in CSS pixels; [`Painter`] multiplies by the device pixel ratio (`scale`) when
//! it draws, so a canvas whose backing store is `scale` times its CSS size stays crisp.
//! Charts return a [`ChartLayout`] telling the page where each data point landed (in CSS
//! pixels), for hover and keyboard focus.
//! Depends on `domain` and `plotters` only.

pub mod scale;
pub mod theme;
pub mod timeline;
pub mod breakdown;
pub mod placeholder;
pub mod map;
pub mod frame;
pub mod spec;
pub mod interact;
pub mod record;

use crate::domain::dataset::model::{Figure, Position};
use std::fmt;
use std::sync::Arc;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, RGBColor};

use crate::domain::lang::Lang;
use theme::{Marker, Palette, Theme, FONT_FAMILY};

/// Why a chart could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartError {
    /// The backend failed (for example, the canvas context is gone).
    Backend(String),
    /// The drawing surface has no usable size yet.
    NoSize,
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::Backend(detail) => write!(f, "the chart could not be drawn ({detail})"),
            ChartError::NoSize => write!(f, "the chart has no room to be drawn"),
        }
    }
}

impl std::error::Error for ChartError {}

impl ChartError {
    /// The message shown to the user, in `lang`.
    pub fn message(&self, lang: crate::domain::lang::Lang) -> String {
        use crate::domain::text::messages::{msg, Msg};
        match self {
            ChartError::Backend(detail) => format!("{} {detail}", msg(Msg::ChartNotDrawn, lang)),
            ChartError::NoSize => format!("{} {}", msg(Msg::ChartNotDrawn, lang), msg(Msg::ChartNoRoom, lang)),
        }
    }
}

impl From<ChartError> for crate::domain::export::DownloadError {
    fn from(error: ChartError) -> Self {
        match error {
            ChartError::NoSize => crate::domain::export::DownloadError::NoRoom,
            ChartError::Backend(detail) => crate::domain::export::DownloadError::Failed(detail),
        }
    }
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(error: DrawingAreaErrorKind<E>) -> Self {
        ChartError::Backend(error.to_string())
    }
}

/// Measures the width of a text in CSS pixels: (text, font size in CSS pixels, bold).
pub type TextMeasure = Arc<dyn Fn(&str, f64, bool) -> f64 + Send + Sync>;

/// How to draw: language, theme, device pixel ratio, and how text is sized on the backend.
#[derive(Clone)]
pub struct Style {
    /// Interface language for labels.
    pub lang: Lang,
    /// Light or dark.
    pub theme: Theme,
    /// Device pixels per CSS pixel.
    pub scale: f64,
    /// Draw the background (false for transparent embeds).
    pub opaque: bool,
    /// Factor between a CSS font size and the size handed to the backend. plotters' SVG
    /// backend divides font sizes by 1.24 while its canvas backend does not, so SVG output
    /// uses [`SVG_TEXT_FACTOR`] to keep text the same size in both.
    pub text_factor: f64,
    /// Text measurement; `None` uses plotters' estimate (deterministic natively, but it lays
    /// out a DOM element per call in the browser, so the page passes a canvas-based one).
    pub measure: Option<TextMeasure>,
}

/// See [`Style::text_factor`].
pub const SVG_TEXT_FACTOR: f64 = 1.24;

impl Default for Style {
    fn default() -> Self {
        Style { lang: Lang::En, theme: Theme::Light, scale: 1.0, opaque: true, text_factor: 1.0, measure: None }
    }
}

impl Style {
    /// The style for SVG output (downloads and snapshots) in a language and theme.
    pub fn svg(lang: Lang, theme: Theme) -> Style {
        Style { lang, theme, text_factor: SVG_TEXT_FACTOR, ..Style::default() }
    }
}

impl fmt::Debug for Style {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Style")
            .field("lang", &self.lang)
            .field("theme", &self.theme)
            .field("scale", &self.scale)
            .field("opaque", &self.opaque)
            .field("text_factor", &self.text_factor)
            .finish_non_exhaustive()
    }
}

/// The width in device pixels plotters estimates for a text at a font size when the backend cannot
/// measure it (its "naive" font: 0.7 em a byte, the em being the size over 1.24²), computed here:
/// in the browser plotters would measure with the page instead, and SVG drawn there (the staff
/// page's site update) must be the same as SVG drawn natively.
fn estimated_width(text: &str, font_size: f64) -> f64 {
    let em = font_size / 1.24 / 1.24;
    (em * 0.7 * text.len() as f64).round()
}

/// Where a data point was drawn, in CSS pixels from the chart's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct HitPoint {
    /// The figure in the dataset.
    pub figure: Position<Figure>,
    /// Horizontal position.
    pub x: f64,
    /// Vertical position.
    pub y: f64,
    /// Series (or bar) position in the chart's own order.
    pub series: usize,
}

/// What a chart drew, for interaction and text alternatives.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartLayout {
    /// Data points in reading order (panel, then series, then date).
    pub points: Vec<HitPoint>,
    /// Series that did not fit (shown in the table instead).
    pub n_hidden_series: usize,
}

impl ChartLayout {
    /// The point nearest to (x, y) within `radius` CSS pixels.
    pub fn nearest(&self, x: f64, y: f64, radius: f64) -> Option<&HitPoint> {
        self.points
            .iter()
            .map(|p| (p, (p.x - x).powi(2) + (p.y - y).powi(2)))
            .filter(|(_, d)| *d <= radius * radius)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(p, _)| p)
    }
}

/// Text alignment relative to the anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Left edge, vertically centred.
    Left,
    /// Centre.
    Centre,
    /// Right edge, vertically centred.
    Right,
    /// Left edge, top.
    TopLeft,
    /// Centre, top.
    TopCentre,
}

/// Draws in CSS pixels on a drawing area whose pixels are `scale` times smaller.
pub struct Painter<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    scale: f64,
    text_factor: f64,
    measure: Option<TextMeasure>,
    /// Colours in use.
    pub palette: Palette,
    /// Language of labels.
    pub lang: Lang,
}

impl<'a, DB: DrawingBackend> Painter<'a, DB> {
    /// A painter for `area` in `style`.
    pub fn new(area: &'a DrawingArea<DB, Shift>, style: &Style) -> Self {
        let scale = if style.scale.is_finite() && style.scale > 0.0 { style.scale } else { 1.0 };
        let text_factor = if style.text_factor.is_finite() && style.text_factor > 0.0 { style.text_factor } else { 1.0 };
        Painter { area, scale, text_factor, measure: style.measure.clone(), palette: theme::palette(style.theme), lang: style.lang }
    }

    /// Starts a chart: a painter for `area` that has filled the background (unless the style is
    /// transparent), with the area's size in CSS pixels.
    ///
    /// # Errors
    /// [`ChartError::NoSize`] when the area is smaller than `min_width` × `min_height`, or the
    /// backend's error.
    pub fn start(area: &'a DrawingArea<DB, Shift>, style: &Style, min_width: f64, min_height: f64) -> Result<(Self, f64, f64), ChartError> {
        let painter = Painter::new(area, style);
        if style.opaque {
            painter.fill(painter.palette.background)?;
        }
        let (width, height) = painter.size();
        if width < min_width || height < min_height {
            return Err(ChartError::NoSize);
        }
        Ok((painter, width, height))
    }

    /// Width and height in CSS pixels.
    pub fn size(&self) -> (f64, f64) {
        let (w, h) = self.area.dim_in_pixel();
        (f64::from(w) / self.scale, f64::from(h) / self.scale)
    }

    fn px(&self, v: f64) -> i32 {
        (v * self.scale).round() as i32
    }

    fn pt(&self, (x, y): (f64, f64)) -> (i32, i32) {
        (self.px(x), self.px(y))
    }

    fn stroke(&self, width: f64) -> u32 {
        (width * self.scale).round().max(1.0) as u32
    }

    fn font(&self, size: f64, bold: bool) -> FontDesc<'static> {
        let style = if bold { FontStyle::Bold } else { FontStyle::Normal };
        FontDesc::new(FontFamily::Name(FONT_FAMILY), size * self.scale * self.text_factor, style)
    }

    /// Fills everything with a colour.
    pub fn fill(&self, colour: RGBColor) -> Result<(), ChartError> {
        self.area.fill(&colour)?;
        Ok(())
    }

    /// Width of a text in CSS pixels.
    pub fn text_width(&self, text: &str, size: f64, bold: bool) -> f64 {
        if let Some(measure) = &self.measure {
            return measure(text, size, bold);
        }
        estimated_width(text, size * self.scale * self.text_factor) / self.scale
    }

    /// The text, cut with an ellipsis if needed so that it fits `max_width` CSS pixels.
    pub fn fit_text(&self, text: &str, size: f64, bold: bool, max_width: f64) -> String {
        if self.text_width(text, size, bold) <= max_width {
            return text.to_string();
        }
        let mut chars: Vec<char> = text.chars().collect();
        while chars.len() > 1 {
            chars.pop();
            let candidate: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
            if self.text_width(&candidate, size, bold) <= max_width {
                return candidate;
            }
        }
        "…".into()
    }

    /// Draws a text.
    pub fn text(&self, text: &str, at: (f64, f64), size: f64, colour: RGBColor, anchor: Anchor, bold: bool) -> Result<(), ChartError> {
        if text.is_empty() {
            return Ok(());
        }
        let pos = match anchor {
            Anchor::Left => Pos::new(HPos::Left, VPos::Center),
            Anchor::Centre => Pos::new(HPos::Center, VPos::Center),
            Anchor::Right => Pos::new(HPos::Right, VPos::Center),
            Anchor::TopLeft => Pos::new(HPos::Left, VPos::Top),
            Anchor::TopCentre => Pos::new(HPos::Center, VPos::Top),
        };
        let style = TextStyle::from(self.font(size, bold)).color(&colour).pos(pos);
        self.area.draw(&Text::new(text.to_string(), self.pt(at), style))?;
        Ok(())
    }

    /// Draws a polyline, solid or dashed (`dash` = (on, off) in CSS pixels).
    pub fn line(&self, points: &[(f64, f64)], colour: RGBColor, width: f64, dash: (u32, u32)) -> Result<(), ChartError> {
        if points.len() < 2 {
            return Ok(());
        }
        let style = colour.stroke_width(self.stroke(width));
        if dash.0 == 0 {
            let pixels: Vec<(i32, i32)> = points.iter().map(|p| self.pt(*p)).collect();
            self.area.draw(&PathElement::new(pixels, style))?;
            return Ok(());
        }
        for segment in dash_segments(points, f64::from(dash.0), f64::from(dash.1)) {
            let pixels: Vec<(i32, i32)> = segment.iter().map(|p| self.pt(*p)).collect();
            self.area.draw(&PathElement::new(pixels, style))?;
        }
        Ok(())
    }

    /// Draws a rectangle given two corners.
    pub fn rect(&self, a: (f64, f64), b: (f64, f64), colour: RGBColor, filled: bool) -> Result<(), ChartError> {
        let style = if filled { colour.filled() } else { colour.stroke_width(self.stroke(1.0)) };
        self.area.draw(&Rectangle::new([self.pt(a), self.pt(b)], style))?;
        Ok(())
    }

    /// Draws a closed polygon, filled or as an outline of `width` CSS pixels.
    pub fn polygon(&self, points: &[(f64, f64)], colour: RGBColor, filled: bool, width: f64) -> Result<(), ChartError> {
        if points.len() < 3 {
            return Ok(());
        }
        let pixels: Vec<(i32, i32)> = points.iter().map(|p| self.pt(*p)).collect();
        if filled {
            self.area.draw(&Polygon::new(pixels, colour.filled()))?;
        } else {
            let mut closed = pixels;
            if let Some(first) = closed.first().copied() {
                closed.push(first);
            }
            self.area.draw(&PathElement::new(closed, colour.stroke_width(self.stroke(width))))?;
        }
        Ok(())
    }

    /// Draws many small filled squares (dense data), one fill each. One outline holding them all
    /// costs a few calls less, but a canvas rasterises it hundreds of times slower (every edge
    /// of every square, and the spokes joining them, crosses the scanlines of the whole panel).
    pub fn squares(&self, centres: &[(f64, f64)], half_side: f64, colour: RGBColor) -> Result<(), ChartError> {
        let half = self.px(half_side).max(1);
        let style = colour.filled();
        for centre in centres {
            let (x, y) = self.pt(*centre);
            self.area.draw(&Rectangle::new([(x - half, y - half), (x + half, y + half)], style))?;
        }
        Ok(())
    }

    /// Draws a circle outline.
    pub fn ring(&self, centre: (f64, f64), radius: f64, colour: RGBColor, width: f64) -> Result<(), ChartError> {
        let style = colour.stroke_width(self.stroke(width));
        self.area.draw(&Circle::new(self.pt(centre), self.px(radius).max(1), style))?;
        Ok(())
    }

    /// Draws a series marker, filled or as an outline over the background.
    pub fn marker(&self, shape: Marker, centre: (f64, f64), radius: f64, colour: RGBColor, filled: bool) -> Result<(), ChartError> {
        let (x, y) = centre;
        let r = radius;
        let outline = colour.stroke_width(self.stroke(1.8));
        let body = if filled { colour.filled() } else { self.palette.background.filled() };
        match shape {
            Marker::Circle => {
                self.area.draw(&Circle::new(self.pt(centre), self.px(r).max(1), body))?;
                self.area.draw(&Circle::new(self.pt(centre), self.px(r).max(1), outline))?;
            }
            Marker::Plus | Marker::Cross => {
                let k = if shape == Marker::Cross { 0.8 } else { 1.0 };
                let arms = if shape == Marker::Cross {
                    [((x - r * k, y - r * k), (x + r * k, y + r * k)), ((x - r * k, y + r * k), (x + r * k, y - r * k))]
                } else {
                    [((x - r, y), (x + r, y)), ((x, y - r), (x, y + r))]
                };
                let width = if filled { 3.0 } else { 1.6 };
                for (a, b) in arms {
                    self.area.draw(&PathElement::new(vec![self.pt(a), self.pt(b)], colour.stroke_width(self.stroke(width))))?;
                }
            }
            _ => {
                let points = polygon(shape, centre, r);
                let pixels: Vec<(i32, i32)> = points.iter().map(|p| self.pt(*p)).collect();
                self.area.draw(&Polygon::new(pixels.clone(), body))?;
                let mut closed = pixels;
                if let Some(first) = closed.first().copied() {
                    closed.push(first);
                }
                self.area.draw(&PathElement::new(closed, outline))?;
            }
        }
        Ok(())
    }

    /// Draws a small filled triangle pointing right or left (qualifier carets on bars).
    pub fn caret_sideways(&self, tip: (f64, f64), right: bool, size: f64, colour: RGBColor) -> Result<(), ChartError> {
        let (x, y) = tip;
        let dx = if right { -size } else { size };
        let points = vec![
            self.pt((x + if right { size } else { -size }, y)),
            self.pt((x + dx * 0.2, y - size * 0.8)),
            self.pt((x + dx * 0.2, y + size * 0.8)),
        ];
        self.area.draw(&Polygon::new(points, colour.filled()))?;
        Ok(())
    }

    /// Draws a small filled triangle pointing up or down (qualifier carets).
    pub fn caret(&self, tip: (f64, f64), up: bool, size: f64, colour: RGBColor) -> Result<(), ChartError> {
        let (x, y) = tip;
        let dy = if up { size } else { -size };
        let points = vec![self.pt((x, y)), self.pt((x - size * 0.8, y + dy)), self.pt((x + size * 0.8, y + dy))];
        self.area.draw(&Polygon::new(points, colour.filled()))?;
        Ok(())
    }
}

/// Corner points of polygonal markers.
fn polygon(shape: Marker, (x, y): (f64, f64), r: f64) -> Vec<(f64, f64)> {
    match shape {
        Marker::Square => {
            let s = r * 0.88;
            vec![(x - s, y - s), (x + s, y - s), (x + s, y + s), (x - s, y + s)]
        }
        Marker::Triangle => vec![(x, y - r * 1.15), (x + r, y + r * 0.75), (x - r, y + r * 0.75)],
        Marker::TriangleDown => vec![(x, y + r * 1.15), (x + r, y - r * 0.75), (x - r, y - r * 0.75)],
        Marker::Diamond => vec![(x, y - r * 1.2), (x + r, y), (x, y + r * 1.2), (x - r, y)],
        Marker::Pentagon => (0..5)
            .map(|i| {
                let angle = -std::f64::consts::FRAC_PI_2 + f64::from(i) * 2.0 * std::f64::consts::PI / 5.0;
                (x + r * 1.05 * angle.cos(), y + r * 1.05 * angle.sin())
            })
            .collect(),
        Marker::Circle | Marker::Plus | Marker::Cross => Vec::new(),
    }
}

/// Splits a polyline into dashes of `on` pixels separated by gaps of `off` pixels.
pub fn dash_segments(points: &[(f64, f64)], on: f64, off: f64) -> Vec<Vec<(f64, f64)>> {
    let mut out = Vec::new();
    if on <= 0.0 {
        return vec![points.to_vec()];
    }
    let mut drawing = true;
    let mut left = on;
    let mut current: Vec<(f64, f64)> = points.first().copied().into_iter().collect();
    for pair in points.windows(2) {
        let (Some(&(x0, y0)), Some(&(x1, y1))) = (pair.first(), pair.get(1)) else { continue };
        let length = ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt();
        let mut travelled = 0.0;
        while length - travelled > left {
            travelled += left;
            let t = travelled / length;
            let point = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
            if drawing {
                current.push(point);
                out.push(std::mem::take(&mut current));
            } else {
                current = vec![point];
            }
            drawing = !drawing;
            left = if drawing { on } else { off.max(0.5) };
        }
        left -= length - travelled;
        if drawing {
            current.push((x1, y1));
        }
    }
    if drawing && current.len() > 1 {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_estimate_is_plotters_own_natively() {
        let mut svg = String::new();
        let area = plotters::prelude::SVGBackend::with_string(&mut svg, (100, 100)).into_drawing_area();
        for (text, size) in [("Projects", 12.0), ("Migrants aidés · 2020", 13.64), ("", 10.0), ("84 000", 17.5)] {
            let font = FontDesc::new(FontFamily::Name(FONT_FAMILY), size, FontStyle::Normal);
            let (width, _) = area.estimate_text_size(text, &TextStyle::from(font)).unwrap();
            assert_eq!(estimated_width(text, size), f64::from(width), "{text} at {size}");
        }
    }

    #[test]
    fn drawing_errors_speak_the_page_language() {
        use crate::domain::lang::Lang;
        assert_eq!(
            ChartError::Backend("context lost".into()).message(Lang::Fr),
            "Le graphique n’a pas pu être dessiné. Motif : context lost"
        );
        assert_eq!(ChartError::NoSize.message(Lang::En), "The chart could not be drawn. Reason: the chart has no room to be drawn.");
    }

    #[test]
    fn dashes_alternate_along_the_path() {
        let dashes = dash_segments(&[(0.0, 0.0), (20.0, 0.0)], 4.0, 2.0);
        assert_eq!(dashes.len(), 4);
        assert_eq!(dashes[0], vec![(0.0, 0.0), (4.0, 0.0)]);
        assert_eq!(dashes[1], vec![(6.0, 0.0), (10.0, 0.0)]);
        assert_eq!(dashes[3], vec![(18.0, 0.0), (20.0, 0.0)]);
    }

    #[test]
    fn dashes_follow_corners() {
        let dashes = dash_segments(&[(0.0, 0.0), (3.0, 0.0), (3.0, 3.0)], 4.0, 2.0);
        assert_eq!(dashes[0], vec![(0.0, 0.0), (3.0, 0.0), (3.0, 1.0)]);
    }

    #[test]
    fn nearest_point_respects_the_radius() {
        let layout = ChartLayout {
            points: vec![
                HitPoint { figure: Position::new(1), x: 10.0, y: 10.0, series: 0 },
                HitPoint { figure: Position::new(2), x: 30.0, y: 10.0, series: 0 },
            ],
            n_hidden_series: 0,
        };
        assert_eq!(layout.nearest(27.0, 12.0, 8.0).map(|p| p.figure), Some(Position::new(2)));
        assert_eq!(layout.nearest(20.0, 40.0, 8.0), None);
    }
}
