//! The choropleth map: each country coloured by the class of its latest reported value,
//! countries without a figure in a neutral grey with a diagonal hatch, partner countries
//! outlined, and a legend that states every class in words and numbers.
//!
//! Honesty rules drawn here: classes come from [`crate::domain::map::class_breaks`] (round
//! thresholds, no empty class) and the legend says exactly what each colour covers; "no
//! figure" is never a colour of the ramp; the projection is equal-area, so a country's share
//! of colour is its true share of land; countries too small to see get a marker.
//!
//! This file holds the plan (where the map and its legend go), hit testing and the drawing of
//! the countries; `legend` holds the colours, the no-figure hatch and the legend.

use std::collections::BTreeMap;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::RGBColor;

use super::theme::{size, Marker};
use super::{ChartError, ChartLayout, HitPoint, Painter, Style};
use crate::domain::dataset::model::{Country, Dataset, Figure, Position};
use crate::domain::map::{class_breaks, Bounds, WorldMap};

mod legend;

pub use legend::{class_colours, ramp, RAMP_DARK, RAMP_LIGHT};
use legend::{draw_legend, hatch, hatch_colour, legend_height, legend_rows, LegendInput};

/// What to draw.
#[derive(Debug, Clone, Copy)]
pub struct MapInput<'a> {
    /// Country shapes.
    pub map: &'a WorldMap,
    /// The dataset the figures come from.
    pub dataset: &'a Dataset,
    /// (index in the dataset's country list, index of the figure shown for that country), as
    /// [`crate::domain::explore::aggregate::latest_by_country`] gives them; one metric at a time.
    pub values: &'a [(Position<Country>, Position<Figure>)],
    /// ISO codes of countries to outline (for example a programme's partner countries).
    pub highlight: &'a [String],
    /// What the outline means, for the legend (`None`: no legend row).
    pub highlight_label: Option<&'a str>,
    /// Figure to highlight (keyboard focus or hover).
    pub focus: Option<Position<Figure>>,
}

/// Gap between the map and a legend beside or below it.
const LEGEND_GAP: f64 = 16.0;
/// Narrowest map (CSS pixels) whose legend sits in the sea off south-west Africa.
pub const INSET_MIN_WIDTH: f64 = 600.0;
/// Share of the map's width an inset legend may take (the open South Atlantic).
const INSET_WIDTH_SHARE: f64 = 0.38;
/// Share of the map's height an inset legend may take.
const INSET_HEIGHT_SHARE: f64 = 0.36;
/// Width of a legend beside the map, used when the area is wide but too short for an inset.
pub const SIDE_LEGEND_WIDTH: f64 = 270.0;
/// Countries drawn smaller than this (in square CSS pixels), or thinner than
/// [`SMALL_COUNTRY_THICKNESS`], also get a marker.
const SMALL_COUNTRY_PX2: f64 = 60.0;
/// Mean thickness (area over the longer side of the bounding box) below which a country also
/// gets a marker (The Gambia), in CSS pixels.
const SMALL_COUNTRY_THICKNESS: f64 = 3.5;
/// Radius of that marker.
const SMALL_MARKER: f64 = 4.0;

/// Where the map is drawn: map coordinates (km, y north) to CSS pixels (y down) and back.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapFit {
    /// CSS pixels per map unit.
    pub scale: f64,
    /// Left edge of the map's frame.
    pub left: f64,
    /// Top edge of the map's frame.
    pub top: f64,
    /// The map's frame in map coordinates.
    pub frame: Bounds,
}

impl MapFit {
    /// Fits `frame` into a rectangle of CSS pixels, keeping its aspect ratio, centred.
    pub fn new(frame: Bounds, area: Bounds) -> MapFit {
        let scale = (area.width() / frame.width()).min(area.height() / frame.height()).max(0.0);
        let scale = if scale.is_finite() { scale } else { 0.0 };
        let left = area.x0 + (area.width() - frame.width() * scale) / 2.0;
        let top = area.y0 + (area.height() - frame.height() * scale) / 2.0;
        MapFit { scale, left, top, frame }
    }

    /// Screen position of a map point.
    pub fn to_screen(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (self.left + (x - self.frame.x0) * self.scale, self.top + (self.frame.y1 - y) * self.scale)
    }

    /// Map point under a screen position.
    pub fn to_map(&self, (sx, sy): (f64, f64)) -> (f64, f64) {
        if self.scale <= 0.0 {
            return (f64::NAN, f64::NAN);
        }
        (self.frame.x0 + (sx - self.left) / self.scale, self.frame.y1 - (sy - self.top) / self.scale)
    }

    /// The frame on screen.
    pub fn screen_frame(&self) -> Bounds {
        Bounds {
            x0: self.left,
            y0: self.top,
            x1: self.left + self.frame.width() * self.scale,
            y1: self.top + self.frame.height() * self.scale,
        }
    }
}

/// Where the legend goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegendPlacement {
    /// Inside the map's frame, over the sea at the bottom left.
    Inset,
    /// To the right of the map, aligned with its bottom.
    Side,
    /// Below the map.
    Below,
}

/// Where the map and its legend go in an area of `width` × `height` CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapPlan {
    /// The map's placement.
    pub fit: MapFit,
    /// The room the legend may use; the legend is as narrow as its text allows and sits at
    /// the bottom of this room (inset, side) or at its top (below).
    pub legend: Bounds,
    /// Where the legend goes.
    pub placement: LegendPlacement,
}

/// Plans the picture. The legend goes into the sea at the bottom left of the map when the map
/// can be at least [`INSET_MIN_WIDTH`] wide; else beside the map when the area is wide enough
/// for [`SIDE_LEGEND_WIDTH`] more; else below it. The map fills the rest, keeping its aspect
/// ratio, centred. The same plan serves drawing and hit testing.
pub fn plan(input: &MapInput<'_>, width: f64, height: f64) -> MapPlan {
    let pad = size::PAD;
    let frame = input.map.bounds();
    // Room for one more row than needed, in case a long title wraps.
    let legend_h = legend_height(legend_rows(input) + 1);
    let full = Bounds { x0: pad, y0: pad, x1: (width - pad).max(pad), y1: (height - pad).max(pad) };
    let whole = MapFit::new(frame, full);
    let on_screen = whole.screen_frame();
    if on_screen.width() >= INSET_MIN_WIDTH && legend_h <= on_screen.height() * INSET_HEIGHT_SHARE {
        let x0 = on_screen.x0 + 4.0;
        let legend =
            Bounds { x0, y0: on_screen.y1 - 4.0 - legend_h, x1: x0 + on_screen.width() * INSET_WIDTH_SHARE, y1: on_screen.y1 - 4.0 };
        return MapPlan { fit: whole, legend, placement: LegendPlacement::Inset };
    }
    let above = Bounds { y1: (full.y1 - legend_h - LEGEND_GAP).max(pad), ..full };
    let below = MapFit::new(frame, above);
    let beside = Bounds { x1: (full.x1 - SIDE_LEGEND_WIDTH - LEGEND_GAP).max(pad), ..full };
    let side = MapFit::new(frame, beside);
    let side_frame = side.screen_frame();
    // Beside the map only when that leaves the map at least as large as a legend below would.
    if side.scale >= below.scale && side_frame.height() >= legend_h {
        // Centre the map and its legend together.
        let shift = (full.width() - side_frame.width() - LEGEND_GAP - SIDE_LEGEND_WIDTH) / 2.0;
        let fit = MapFit { left: full.x0 + shift, ..side };
        let map_frame = fit.screen_frame();
        let x0 = map_frame.x1 + LEGEND_GAP;
        let legend = Bounds { x0, y0: map_frame.y0, x1: x0 + SIDE_LEGEND_WIDTH, y1: map_frame.y1 };
        return MapPlan { fit, legend, placement: LegendPlacement::Side };
    }
    let fit = below;
    let y0 = fit.screen_frame().y1 + LEGEND_GAP;
    let legend = Bounds { x0: full.x0, y0, x1: full.x1, y1: y0 + legend_h };
    MapPlan { fit, legend, placement: LegendPlacement::Below }
}

/// Suggested height in CSS pixels at a given width: the map's own aspect ratio, plus room for
/// the legend below the map when it is too narrow for an inset legend.
pub fn recommended_height(map: &WorldMap, width: f64) -> f64 {
    let frame = map.bounds();
    let inner = (width - 2.0 * size::PAD).max(1.0);
    let map_height = inner * frame.height() / frame.width().max(1.0);
    let legend = if inner >= INSET_MIN_WIDTH { 0.0 } else { legend_height(9) + LEGEND_GAP };
    (map_height + legend + 2.0 * size::PAD).ceil()
}

/// The values of the selection.
fn values(input: &MapInput<'_>) -> Vec<f64> {
    input.values.iter().filter_map(|(_, figure)| input.dataset.figure(*figure).map(|f| f.value())).collect()
}

/// A country with a figure: map index → (figure, dataset country, value).
fn shaded(input: &MapInput<'_>) -> BTreeMap<usize, (Position<Figure>, Position<Country>, f64)> {
    let mut out = BTreeMap::new();
    for &(country, figure) in input.values {
        let (Some(place), Some(fig)) = (input.dataset.country(country), input.dataset.figure(figure)) else {
            continue;
        };
        if let Some((index, _)) = input.map.country(place.code()) {
            out.insert(index, (figure, country, fig.value()));
        }
    }
    out
}

/// Index (in the map) of the country under a point in CSS pixels, for hover by shape.
pub fn country_at(input: &MapInput<'_>, width: f64, height: f64, point: (f64, f64)) -> Option<usize> {
    let fit = plan(input, width, height).fit;
    if !fit.screen_frame().contains(point) {
        return None;
    }
    input.map.country_at(fit.to_map(point))
}

/// The data point of the country under a point in CSS pixels, if that country has a figure;
/// its position is the country's label point, as in [`draw_map`]'s layout.
pub fn hit_at(input: &MapInput<'_>, width: f64, height: f64, point: (f64, f64)) -> Option<HitPoint> {
    let fit = plan(input, width, height).fit;
    let index = country_at(input, width, height, point)?;
    let &(figure, country, _) = shaded(input).get(&index)?;
    let (x, y) = fit.to_screen(input.map.countries().get(index)?.label_point());
    Some(HitPoint { figure, x, y, series: country.get() })
}

/// Screen rings of a country, with points closer than a device pixel merged.
fn screen_rings(rings: &[Vec<(f64, f64)>], fit: &MapFit, device: f64) -> Vec<Vec<(f64, f64)>> {
    rings
        .iter()
        .map(|ring| {
            let mut out: Vec<(f64, f64)> = Vec::with_capacity(ring.len());
            let mut last: Option<(i64, i64)> = None;
            for point in ring {
                let (x, y) = fit.to_screen(*point);
                let key = ((x * device).round() as i64, (y * device).round() as i64);
                if last != Some(key) {
                    out.push((x, y));
                    last = Some(key);
                }
            }
            out
        })
        .collect()
}

/// Draws the map and returns one point per country with a figure (at its label point, north
/// to south), `figure` being the figure's index and `series` the country's dataset index.
///
/// # Errors
/// [`ChartError`] when the backend fails or the area is too small.
pub fn draw_map<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, input: MapInput<'_>, style: &Style) -> Result<ChartLayout, ChartError> {
    let (painter, width, height) = Painter::start(area, style, 80.0, 80.0)?;
    let palette = painter.palette.clone();
    let plan = plan(&input, width, height);
    let fit = plan.fit;
    let device = if style.scale.is_finite() && style.scale > 0.0 { style.scale } else { 1.0 };
    let breaks = class_breaks(&values(&input));
    let colours = breaks.as_ref().map_or_else(Vec::new, |b| class_colours(style.theme, b.n_classes()));
    let shaded = shaded(&input);
    let countries = input.map.countries();
    let rings: Vec<Vec<Vec<(f64, f64)>>> = countries.iter().map(|c| screen_rings(c.rings(), &fit, device)).collect();
    let colour_of = |index: usize| -> Option<RGBColor> {
        let (_, _, value) = shaded.get(&index)?;
        colours.get(breaks.as_ref()?.class_of(*value)).copied()
    };

    // Larger countries first, so enclaves are painted over their surroundings.
    let mut order: Vec<usize> = (0..countries.len()).collect();
    order.sort_by(|a, b| {
        let area = |i: &usize| countries.get(*i).map_or(0.0, |c| c.area());
        area(b).total_cmp(&area(a))
    });
    for &index in &order {
        let (Some(country), Some(screen)) = (countries.get(index), rings.get(index)) else { continue };
        let fill = colour_of(index).unwrap_or(palette.missing);
        for (ring_index, ring) in screen.iter().enumerate() {
            if !country.is_hole(ring_index) {
                painter.polygon(ring, fill, true, 0.0)?;
            }
        }
    }
    let missing: Vec<usize> = (0..countries.len()).filter(|i| !shaded.contains_key(i)).collect();
    hatch(&painter, &missing, &rings, (width, height), hatch_colour(style.theme))?;
    for screen in &rings {
        for ring in screen {
            painter.polygon(ring, palette.background, false, 0.6)?;
        }
    }
    let highlight_colour = palette.series.get(1).copied().unwrap_or(palette.text);
    for code in input.highlight {
        if let Some((index, _)) = input.map.country(code) {
            for ring in rings.get(index).into_iter().flatten() {
                painter.polygon(ring, highlight_colour, false, 2.0)?;
            }
        }
    }

    let f = fit.screen_frame();
    painter.polygon(&[(f.x0, f.y0), (f.x1, f.y0), (f.x1, f.y1), (f.x0, f.y1)], palette.grid, false, 1.0)?;

    // Countries too small to see carry a marker in their class colour.
    let mut layout = ChartLayout::default();
    for (&index, &(figure, country_index, _)) in &shaded {
        let Some(country) = countries.get(index) else { continue };
        let (x, y) = fit.to_screen(country.label_point());
        let colour = colour_of(index).unwrap_or(palette.missing);
        let bounds = country.bounds();
        let thickness = country.area() / bounds.width().max(bounds.height()).max(f64::MIN_POSITIVE) * fit.scale;
        let small = country.area() * fit.scale * fit.scale < SMALL_COUNTRY_PX2 || thickness < SMALL_COUNTRY_THICKNESS;
        if small {
            painter.marker(Marker::Circle, (x, y), SMALL_MARKER, colour, true)?;
            painter.ring((x, y), SMALL_MARKER + 1.4, palette.text, 1.0)?;
        }
        if input.focus == Some(figure) {
            for ring in rings.get(index).into_iter().flatten() {
                painter.polygon(ring, palette.text, false, 2.2)?;
            }
            if small {
                painter.ring((x, y), SMALL_MARKER + 3.5, palette.text, 2.0)?;
            }
        }
        layout.points.push(HitPoint { figure, x, y, series: country_index.get() });
    }
    layout.points.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));

    let metric = input.values.first().and_then(|(_, figure)| input.dataset.figure(*figure)).map(|f| (f.metric(), f.unit()));
    let legend = LegendInput {
        breaks: breaks.as_ref(),
        colours: &colours,
        metric,
        highlight: input.highlight_label.map(|label| (label, highlight_colour)),
    };
    draw_legend(&painter, style, &plan, legend)?;
    Ok(layout)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::theme::Theme;
    use crate::domain::dataset::model::LocalName;
    use crate::domain::dataset::model::Qualifier;
    use crate::domain::lang::Lang;
    use crate::domain::map::{MapCountry, Projection};
    use crate::domain::testing::{dataset, figure};
    use plotters::prelude::{IntoDrawingArea, SVGBackend};

    #[test]
    fn the_fit_round_trips_and_keeps_the_aspect_ratio() {
        let frame = Bounds { x0: -100.0, y0: -50.0, x1: 100.0, y1: 150.0 };
        let fit = MapFit::new(frame, Bounds { x0: 0.0, y0: 0.0, x1: 400.0, y1: 200.0 });
        assert_eq!(fit.scale, 1.0);
        assert_eq!(fit.to_screen((-100.0, 150.0)), (100.0, 0.0), "north-west corner, centred horizontally");
        let (x, y) = fit.to_map(fit.to_screen((12.5, 33.0)));
        assert!((x - 12.5).abs() < 1e-9 && (y - 33.0).abs() < 1e-9);
    }

    fn toy_map() -> WorldMap {
        let name = |n: &str| LocalName { en: n.into(), fr: n.into() };
        let square = |x: f64, y: f64, s: f64| vec![(x, y), (x + s, y), (x + s, y + s), (x, y + s)];
        let countries = vec![
            MapCountry::new("LY", name("Libya"), vec![square(0.0, 0.0, 100.0)]).unwrap(),
            MapCountry::new("NE", name("Niger"), vec![square(100.0, 0.0, 100.0)]).unwrap(),
            MapCountry::new("TD", name("Chad"), vec![square(0.0, 100.0, 200.0)]).unwrap(),
        ];
        WorldMap::new(
            "test",
            Projection { central_meridian: 0.0, radius: 1.0 },
            Bounds { x0: 0.0, y0: 0.0, x1: 200.0, y1: 300.0 },
            countries,
        )
    }

    #[test]
    fn draws_countries_legend_and_hit_points() {
        let d = dataset(&[
            figure("ly").value(60_000.0).qualifier(Qualifier::MoreThan).country("LY"),
            figure("ne").date("2021-01-01").value(2_000.0).country("NE"),
        ]);
        let map = toy_map();
        let values = vec![(d.country_index("LY").unwrap(), Position::new(0)), (d.country_index("NE").unwrap(), Position::new(1))];
        let highlight = vec!["TD".to_string()];
        let input = MapInput {
            map: &map,
            dataset: &d,
            values: &values,
            highlight: &highlight,
            highlight_label: Some("Partner"),
            focus: Some(Position::new(1)),
        };
        let mut svg = String::new();
        let layout = {
            let area = SVGBackend::with_string(&mut svg, (300, 420)).into_drawing_area();
            let layout = draw_map(&area, input, &Style::svg(Lang::En, Theme::Light)).unwrap();
            area.present().unwrap();
            layout
        };
        assert_eq!(layout.points.len(), 2);
        assert!(svg.contains("10,000 or more") && svg.contains("less than 10,000"), "classes in words: {svg}");
        assert!(svg.contains("No figure") && svg.contains("Partner") && svg.contains("Migrants returned"));
        assert!(svg.contains("#08306B") && svg.contains("#BDD7EE"), "both ends of the ramp for two classes");
        // Hover by shape finds Niger (index 1 in the map) anywhere inside it.
        let plan = plan(&input, 300.0, 420.0);
        let inside_niger = plan.fit.to_screen((150.0, 10.0));
        assert_eq!(country_at(&input, 300.0, 420.0, inside_niger), Some(1));
        let hit = hit_at(&input, 300.0, 420.0, inside_niger).unwrap();
        assert_eq!((hit.figure, hit.series), (Position::new(1), d.country_index("NE").unwrap().get()));
        let inside_chad = plan.fit.to_screen((100.0, 250.0));
        assert_eq!(country_at(&input, 300.0, 420.0, inside_chad), Some(2));
        assert_eq!(hit_at(&input, 300.0, 420.0, inside_chad), None, "Chad has no figure");
        assert_eq!(country_at(&input, 300.0, 420.0, (1.0, 1.0)), None, "outside the frame");
    }

    #[test]
    fn recommended_height_keeps_the_aspect_ratio() {
        let map = toy_map();
        let h = recommended_height(&map, 1000.0);
        assert_eq!(h, ((1000.0 - 24.0) * 1.5 + 24.0_f64).ceil());
        assert!(recommended_height(&map, 320.0) > (320.0 - 24.0) * 1.5 + 24.0, "room for the legend below");
    }
}
