//! A chart drawing kept as the list of what was drawn, to be drawn again on another backend:
//! the page records a chart's SVG download with its canvas backend (so the chart code is
//! compiled once, for that backend) and the files worker replays the recording into plotters'
//! SVG backend. The recording travels between them as text, one drawing a line.

use std::fmt::Write as _;

use crate::domain::export::job::{escape, unescape};

use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily, FontStyle, FontTransform,
};

/// A colour and a line width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    /// Red, green, blue.
    pub rgb: (u8, u8, u8),
    /// Opacity, 0 to 1.
    pub alpha: f64,
    /// Line width in pixels.
    pub width: u32,
}

impl Stroke {
    fn of<S: BackendStyle>(style: &S) -> Stroke {
        let color = style.color();
        Stroke { rgb: color.rgb, alpha: color.alpha, width: style.stroke_width() }
    }
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        BackendColor { alpha: self.alpha, rgb: self.rgb }
    }

    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// How a text was drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLook {
    /// Colour (the width is unused).
    pub color: Stroke,
    /// Font size handed to the backend.
    pub size: f64,
    /// `normal`, `bold`, `italic` or `oblique`.
    pub style: String,
    /// Clockwise rotation in degrees: 0, 90, 180 or 270.
    pub turn: u16,
    /// Where the position is on the text: `l`, `c` or `r`, then `t`, `c` or `b`.
    pub anchor: (char, char),
    /// Font family, as the backend names it.
    pub family: String,
}

impl TextLook {
    fn of<S: BackendTextStyle>(style: &S) -> TextLook {
        let color = style.color();
        TextLook {
            color: Stroke { rgb: color.rgb, alpha: color.alpha, width: 0 },
            size: style.size(),
            style: style.style().as_str().to_string(),
            turn: match style.transform() {
                FontTransform::None => 0,
                FontTransform::Rotate90 => 90,
                FontTransform::Rotate180 => 180,
                FontTransform::Rotate270 => 270,
            },
            anchor: {
                let Pos { h_pos, v_pos } = style.anchor();
                let h = match h_pos {
                    HPos::Left => 'l',
                    HPos::Center => 'c',
                    HPos::Right => 'r',
                };
                let v = match v_pos {
                    VPos::Top => 't',
                    VPos::Center => 'c',
                    VPos::Bottom => 'b',
                };
                (h, v)
            },
            family: style.family().as_str().to_string(),
        }
    }
}

/// The replayed text's style. Its layout box and glyphs are not known here: a backend that
/// needs them (a bitmap) cannot replay a recording, which only the SVG backend does.
impl BackendTextStyle for TextLook {
    type FontError = std::fmt::Error;

    fn color(&self) -> BackendColor {
        self.color.color()
    }

    fn size(&self) -> f64 {
        self.size
    }

    fn transform(&self) -> FontTransform {
        match self.turn {
            90 => FontTransform::Rotate90,
            180 => FontTransform::Rotate180,
            270 => FontTransform::Rotate270,
            _ => FontTransform::None,
        }
    }

    fn style(&self) -> FontStyle {
        FontStyle::from(self.style.as_str())
    }

    fn anchor(&self) -> Pos {
        let h_pos = match self.anchor.0 {
            'c' => HPos::Center,
            'r' => HPos::Right,
            _ => HPos::Left,
        };
        let v_pos = match self.anchor.1 {
            'c' => VPos::Center,
            'b' => VPos::Bottom,
            _ => VPos::Top,
        };
        Pos::new(h_pos, v_pos)
    }

    fn family(&self) -> FontFamily<'_> {
        FontFamily::from(self.family.as_str())
    }

    fn layout_box(&self, _text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        Err(std::fmt::Error)
    }

    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _: &str,
        _: BackendCoord,
        _: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        Err(std::fmt::Error)
    }
}

/// One drawing call.
#[derive(Debug, Clone, PartialEq)]
pub enum Drawing {
    /// A pixel.
    Pixel(BackendCoord, Stroke),
    /// A line.
    Line(BackendCoord, BackendCoord, Stroke),
    /// A rectangle, filled or outlined.
    Rect(BackendCoord, BackendCoord, Stroke, bool),
    /// A polyline.
    Path(Vec<BackendCoord>, Stroke),
    /// A circle, filled or outlined.
    Circle(BackendCoord, u32, Stroke, bool),
    /// A filled polygon.
    Polygon(Vec<BackendCoord>, Stroke),
    /// A text.
    Text(String, TextLook, BackendCoord),
}

/// A drawing's size and calls, in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Recording {
    /// Width and height in backend pixels.
    pub size: (u32, u32),
    /// What was drawn.
    pub drawings: Vec<Drawing>,
}

/// The size of `text` as plotters' backends estimate it by default (the canvas and SVG
/// backends both do), so that a recorded chart is laid out as the SVG backend lays it out.
///
/// # Errors
/// The font's error, as the backends give it.
pub fn estimate_text_size<S: BackendTextStyle, E: std::error::Error + Send + Sync>(
    text: &str,
    style: &S,
) -> Result<(u32, u32), DrawingErrorKind<E>> {
    let ((x0, y0), (x1, y1)) = style.layout_box(text).map_err(|e| DrawingErrorKind::FontError(Box::new(e)))?;
    Ok(((x1 - x0) as u32, (y1 - y0) as u32))
}

impl Recording {
    /// An empty recording of a drawing of `size`.
    pub fn new(size: (u32, u32)) -> Recording {
        Recording { size, drawings: Vec::new() }
    }

    /// Records a pixel.
    pub fn pixel(&mut self, at: BackendCoord, color: BackendColor) {
        self.drawings.push(Drawing::Pixel(at, Stroke { rgb: color.rgb, alpha: color.alpha, width: 1 }));
    }

    /// Records a line.
    pub fn line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) {
        self.drawings.push(Drawing::Line(from, to, Stroke::of(style)));
    }

    /// Records a rectangle.
    pub fn rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) {
        self.drawings.push(Drawing::Rect(upper_left, bottom_right, Stroke::of(style), fill));
    }

    /// Records a polyline.
    pub fn path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, points: I, style: &S) {
        self.drawings.push(Drawing::Path(points.into_iter().collect(), Stroke::of(style)));
    }

    /// Records a circle.
    pub fn circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) {
        self.drawings.push(Drawing::Circle(center, radius, Stroke::of(style), fill));
    }

    /// Records a filled polygon.
    pub fn polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, points: I, style: &S) {
        self.drawings.push(Drawing::Polygon(points.into_iter().collect(), Stroke::of(style)));
    }

    /// Records a text.
    pub fn text<S: BackendTextStyle>(&mut self, text: &str, style: &S, at: BackendCoord) {
        self.drawings.push(Drawing::Text(text.to_string(), TextLook::of(style), at));
    }

    /// Draws the recording again on `backend`, in order.
    ///
    /// # Errors
    /// The backend's.
    pub fn replay<DB: DrawingBackend>(&self, backend: &mut DB) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        backend.ensure_prepared()?;
        for drawing in &self.drawings {
            match drawing {
                Drawing::Pixel(at, color) => backend.draw_pixel(*at, color.color())?,
                Drawing::Line(from, to, stroke) => backend.draw_line(*from, *to, stroke)?,
                Drawing::Rect(from, to, stroke, fill) => backend.draw_rect(*from, *to, stroke, *fill)?,
                Drawing::Path(points, stroke) => backend.draw_path(points.iter().copied(), stroke)?,
                Drawing::Circle(center, radius, stroke, fill) => backend.draw_circle(*center, *radius, stroke, *fill)?,
                Drawing::Polygon(points, stroke) => backend.fill_polygon(points.iter().copied(), stroke)?,
                Drawing::Text(text, look, at) => backend.draw_text(text, look, *at)?,
            }
        }
        backend.present()
    }

    /// The recording as text: the size, then one drawing a line (numbers separated by spaces;
    /// a text's family and words after tabs, escaped).
    pub fn encode(&self) -> String {
        let mut out = format!("{} {}\n", self.size.0, self.size.1);
        let stroke = |out: &mut String, s: &Stroke| {
            let _ = write!(out, " {} {} {} {} {}", s.rgb.0, s.rgb.1, s.rgb.2, s.alpha, s.width);
        };
        let points = |out: &mut String, points: &[BackendCoord]| {
            for (x, y) in points {
                let _ = write!(out, " {x} {y}");
            }
        };
        for drawing in &self.drawings {
            match drawing {
                Drawing::Pixel((x, y), s) => {
                    let _ = write!(out, "P {x} {y}");
                    stroke(&mut out, s);
                }
                Drawing::Line((x0, y0), (x1, y1), s) => {
                    let _ = write!(out, "L {x0} {y0} {x1} {y1}");
                    stroke(&mut out, s);
                }
                Drawing::Rect((x0, y0), (x1, y1), s, fill) => {
                    let _ = write!(out, "R {x0} {y0} {x1} {y1} {}", u8::from(*fill));
                    stroke(&mut out, s);
                }
                Drawing::Circle((x, y), radius, s, fill) => {
                    let _ = write!(out, "C {x} {y} {radius} {}", u8::from(*fill));
                    stroke(&mut out, s);
                }
                Drawing::Path(at, s) | Drawing::Polygon(at, s) => {
                    out.push(if matches!(drawing, Drawing::Path(..)) { 'A' } else { 'G' });
                    stroke(&mut out, s);
                    points(&mut out, at);
                }
                Drawing::Text(text, look, (x, y)) => {
                    let (h, v) = look.anchor;
                    let _ = write!(out, "T {x} {y} {} {} {} {h}{v}", look.size, look.style, look.turn);
                    stroke(&mut out, &look.color);
                    let _ = write!(out, "\t{}\t{}", escape(&look.family), escape(text));
                }
            }
            out.push('\n');
        }
        out
    }

    /// Reads a recording written by [`Recording::encode`].
    ///
    /// # Errors
    /// The line that cannot be read, in words.
    pub fn decode(text: &str) -> Result<Recording, String> {
        let mut lines = text.lines();
        let bad = |line: &str| format!("a drawing that cannot be read: {line}");
        let first = lines.next().unwrap_or_default();
        let size: Vec<u32> = first.split(' ').map(str::parse).collect::<Result<_, _>>().map_err(|_| bad(first))?;
        let &[width, height] = size.as_slice() else { return Err(bad(first)) };
        let mut recording = Recording::new((width, height));
        for line in lines {
            let (numbers, words) = line.split_once('\t').unwrap_or((line, ""));
            let mut fields = numbers.split(' ');
            let kind = fields.next().unwrap_or_default();
            let rest: Vec<&str> = fields.collect();
            let int = |i: usize| rest.get(i).and_then(|n| n.parse::<i32>().ok()).ok_or_else(|| bad(line));
            let stroke = |i: usize| -> Result<Stroke, String> {
                let byte = |j: usize| rest.get(i + j).and_then(|n| n.parse::<u8>().ok()).ok_or_else(|| bad(line));
                Ok(Stroke {
                    rgb: (byte(0)?, byte(1)?, byte(2)?),
                    alpha: rest.get(i + 3).and_then(|n| n.parse().ok()).ok_or_else(|| bad(line))?,
                    width: rest.get(i + 4).and_then(|n| n.parse().ok()).ok_or_else(|| bad(line))?,
                })
            };
            let points = |from: usize| -> Result<Vec<BackendCoord>, String> {
                let tail = rest.get(from..).unwrap_or_default();
                if tail.len() % 2 == 1 {
                    return Err(bad(line));
                }
                tail.chunks(2)
                    .map(|pair| Ok((pair_at(pair, 0).ok_or_else(|| bad(line))?, pair_at(pair, 1).ok_or_else(|| bad(line))?)))
                    .collect()
            };
            let drawing = match kind {
                "P" => Drawing::Pixel((int(0)?, int(1)?), stroke(2)?),
                "L" => Drawing::Line((int(0)?, int(1)?), (int(2)?, int(3)?), stroke(4)?),
                "R" => Drawing::Rect((int(0)?, int(1)?), (int(2)?, int(3)?), stroke(5)?, int(4)? == 1),
                "C" => Drawing::Circle((int(0)?, int(1)?), u32::try_from(int(2)?).map_err(|_| bad(line))?, stroke(4)?, int(3)? == 1),
                "A" => Drawing::Path(points(5)?, stroke(0)?),
                "G" => Drawing::Polygon(points(5)?, stroke(0)?),
                "T" => {
                    let (family, text) = words.split_once('\t').ok_or_else(|| bad(line))?;
                    let size = rest.get(2).and_then(|n| n.parse().ok()).ok_or_else(|| bad(line))?;
                    let style = rest.get(3).ok_or_else(|| bad(line))?.to_string();
                    let turn = rest.get(4).and_then(|n| n.parse().ok()).ok_or_else(|| bad(line))?;
                    let mut anchor = rest.get(5).copied().unwrap_or_default().chars();
                    let anchor = (anchor.next().ok_or_else(|| bad(line))?, anchor.next().ok_or_else(|| bad(line))?);
                    let look = TextLook { color: stroke(6)?, size, style, turn, anchor, family: unescape(family) };
                    Drawing::Text(unescape(text), look, (int(0)?, int(1)?))
                }
                _ => return Err(bad(line)),
            };
            recording.drawings.push(drawing);
        }
        Ok(recording)
    }
}

fn pair_at(pair: &[&str], i: usize) -> Option<i32> {
    pair.get(i).and_then(|n| n.parse().ok())
}

/// A backend that only records (natively, for the tests; the page records with its canvas
/// backend, `crate::web::canvas`).
pub struct Recorder<'a> {
    /// Where the drawings go.
    pub recording: &'a mut Recording,
}

impl DrawingBackend for Recorder<'_> {
    type ErrorType = std::fmt::Error;

    fn get_size(&self) -> (u32, u32) {
        self.recording.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.recording.pixel(point, color);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.recording.line(from, to, style);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.recording.rect(upper_left, bottom_right, style, fill);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.recording.path(path, style);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.recording.circle(center, radius, style, fill);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.recording.polygon(vert, style);
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.recording.text(text, style, pos);
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        estimate_text_size(text, style)
    }
}

/// The SVG document of a recording's text (plotters' SVG backend): the files worker's
/// [`crate::domain::export::job::SvgDrawer`].
///
/// # Errors
/// The recording that cannot be read, or the backend's error, in words.
pub fn svg_of_recording(text: &str) -> Result<String, String> {
    let recording = Recording::decode(text)?;
    let mut svg = String::new();
    {
        let mut backend = plotters::prelude::SVGBackend::with_string(&mut svg, recording.size);
        recording.replay(&mut backend).map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::frame::FrameText;
    use crate::chart::spec::{draw_export, export_size, render_svg, ChartData};
    use crate::chart::Style;
    use crate::domain::dataset::load::load_dataset;
    use crate::domain::explore::aggregate::build_series;
    use crate::domain::export::job::{Job, JobAnswer, JobRunner};
    use crate::domain::lang::Lang;
    use crate::domain::testing::fixture_dataset_text;
    use plotters::prelude::IntoDrawingArea;

    #[test]
    fn a_recorded_chart_replayed_into_svg_is_the_svg_download_byte_for_byte() {
        let dataset = load_dataset(&fixture_dataset_text()).unwrap().dataset;
        let all: Vec<_> = dataset.figure_positions().collect();
        let data = ChartData::Timeline(build_series(&dataset, &all));
        let frame = FrameText {
            title: "Reported figures over time".into(),
            filters: "all \t metrics\\ \"quoted\" <b>".into(),
            footer: vec!["Sources: 11 releases".into(), "line two\nwith a break".into()],
        };
        for lang in [Lang::En, Lang::Fr] {
            let style = Style::svg(lang, crate::chart::theme::Theme::Dark);
            let (width, height) = export_size(&data, &frame);
            let mut recording = Recording::new((width.round() as u32, height.round() as u32));
            draw_export(&Recorder { recording: &mut recording }.into_drawing_area(), &dataset, &data, &frame, &style).unwrap();
            assert!(recording.drawings.len() > 100, "{} drawings", recording.drawings.len());
            let text = recording.encode();
            assert_eq!(Recording::decode(&text).unwrap(), recording);
            // As the files worker draws it.
            let mut runner = JobRunner::new(svg_of_recording);
            let JobAnswer::File { bytes, .. } = runner.run(&Job::Svg { name: "chart.svg".into() }.encode(), &text, &[]) else {
                panic!("a file")
            };
            assert_eq!(String::from_utf8(bytes).unwrap(), render_svg(&dataset, &data, &frame, &style).unwrap());
        }
    }

    #[test]
    fn every_kind_of_drawing_reads_back_and_nonsense_is_refused() {
        let stroke = Stroke { rgb: (1, 2, 3), alpha: 0.35, width: 2 };
        let look = TextLook {
            color: stroke,
            size: 13.64,
            style: "bold".into(),
            turn: 270,
            anchor: ('r', 'b'),
            family: "Source Sans, sans-serif".into(),
        };
        let recording = Recording {
            size: (960, 540),
            drawings: vec![
                Drawing::Pixel((1, -2), stroke),
                Drawing::Line((0, 0), (10, 20), stroke),
                Drawing::Rect((1, 2), (3, 4), stroke, true),
                Drawing::Path(vec![(1, 1), (2, 3), (-4, 5)], stroke),
                Drawing::Circle((5, 5), 3, stroke, false),
                Drawing::Polygon(vec![], stroke),
                Drawing::Text("a\tb\\n é".into(), look, (7, 8)),
            ],
        };
        assert_eq!(Recording::decode(&recording.encode()), Ok(recording));
        assert!(svg_of_recording("10 10\nX").is_err());
        for nonsense in ["", "10", "10 10\nX 1 2", "10 10\nL 1 2 3", "10 10\nA 1 2 3 1 1 5", "10 10\nT 1 2 3 bold 0 lt 1 2 3 1 0"] {
            assert!(Recording::decode(nonsense).is_err(), "{nonsense:?}");
        }
    }
}
