//! The map's shapes: rectangles, countries (rings, holes, area, label point) and the map
//! itself, which finds the country under a point with the tests of `hit`; and the ring
//! geometry (edges, area, centroid) they are built from.

use crate::domain::dataset::model::LocalName;
use crate::domain::lang::Lang;
use crate::domain::map::hit::{inside_spans, point_in_rings};
use crate::domain::map::projection::Projection;

/// An axis-aligned rectangle in map or screen coordinates (`x0 ≤ x1`, `y0 ≤ y1`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// Smallest x.
    pub x0: f64,
    /// Smallest y.
    pub y0: f64,
    /// Largest x.
    pub x1: f64,
    /// Largest y.
    pub y1: f64,
}

impl Bounds {
    /// The smallest rectangle holding every point; `None` without points.
    pub fn of_points<'a>(points: impl IntoIterator<Item = &'a (f64, f64)>) -> Option<Bounds> {
        points.into_iter().fold(None, |acc: Option<Bounds>, &(x, y)| {
            Some(match acc {
                None => Bounds { x0: x, y0: y, x1: x, y1: y },
                Some(b) => Bounds { x0: b.x0.min(x), y0: b.y0.min(y), x1: b.x1.max(x), y1: b.y1.max(y) },
            })
        })
    }

    /// Width.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Height.
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// Centre point.
    pub fn centre(&self) -> (f64, f64) {
        ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }

    /// True when the point lies inside or on the edge.
    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }

    /// True when the two rectangles overlap or touch.
    pub fn intersects(&self, other: &Bounds) -> bool {
        self.x0 <= other.x1 && other.x0 <= self.x1 && self.y0 <= other.y1 && other.y0 <= self.y1
    }
}

/// One country of the map: its ISO code, names and projected shape.
#[derive(Debug, Clone, PartialEq)]
pub struct MapCountry {
    pub(crate) code: String,
    pub(crate) name: LocalName,
    pub(crate) rings: Vec<Vec<(f64, f64)>>,
    pub(crate) holes: Vec<bool>,
    pub(crate) bounds: Bounds,
    pub(crate) label: (f64, f64),
    pub(crate) area: f64,
}

impl MapCountry {
    /// A country from its rings; `None` when no ring has three points.
    pub fn new(code: &str, name: LocalName, rings: Vec<Vec<(f64, f64)>>) -> Option<MapCountry> {
        let rings: Vec<Vec<(f64, f64)>> = rings.into_iter().filter(|ring| ring.len() >= 3).collect();
        let bounds = Bounds::of_points(rings.iter().flatten())?;
        let holes: Vec<bool> = (0..rings.len()).map(|index| is_hole(&rings, index)).collect();
        let area = rings
            .iter()
            .zip(&holes)
            .map(|(ring, hole)| if *hole { -ring_area(ring).abs() } else { ring_area(ring).abs() })
            .sum::<f64>()
            .max(0.0);
        let label = label_point(&rings, &holes, bounds);
        Some(MapCountry { code: code.to_string(), name, rings, holes, bounds, label, area })
    }

    /// ISO 3166-1 alpha-2 code, upper case.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Display name.
    pub fn name(&self, lang: Lang) -> &str {
        self.name.get(lang)
    }

    /// Closed rings (the last point joins the first), outer boundaries and holes alike.
    pub fn rings(&self) -> &[Vec<(f64, f64)>] {
        &self.rings
    }

    /// True when ring `index` is a hole (it lies inside another ring of the country).
    pub fn is_hole(&self, index: usize) -> bool {
        self.holes.get(index).copied().unwrap_or(false)
    }

    /// Bounding box.
    pub fn bounds(&self) -> Bounds {
        self.bounds
    }

    /// A point inside the country for a label or a marker: the area centroid of its largest
    /// ring when that falls inside, else the middle of the widest inside span across it.
    pub fn label_point(&self) -> (f64, f64) {
        self.label
    }

    /// Area in square map units (km² for the shipped map), holes removed.
    pub fn area(&self) -> f64 {
        self.area
    }

    /// True when the point lies inside the country (even–odd over all rings).
    pub fn contains(&self, point: (f64, f64)) -> bool {
        self.bounds.contains(point) && point_in_rings(&self.rings, point)
    }
}

/// The map: the countries of the drawn region, projected and clipped to a frame.
#[derive(Debug, Clone, PartialEq)]
pub struct WorldMap {
    pub(crate) source: String,
    pub(crate) projection: Projection,
    pub(crate) bounds: Bounds,
    pub(crate) countries: Vec<MapCountry>,
}

impl WorldMap {
    /// A map from its parts (the countries in any order: the map keeps them sorted by code).
    pub fn new(source: &str, projection: Projection, bounds: Bounds, mut countries: Vec<MapCountry>) -> WorldMap {
        countries.sort_by(|a, b| a.code.cmp(&b.code));
        WorldMap { source: source.to_string(), projection, bounds, countries }
    }

    /// Where the shapes and names come from (for attribution).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The projection of the coordinates.
    pub fn projection(&self) -> Projection {
        self.projection
    }

    /// The frame to draw: every shape lies inside it.
    pub fn bounds(&self) -> Bounds {
        self.bounds
    }

    /// Countries, sorted by code.
    pub fn countries(&self) -> &[MapCountry] {
        &self.countries
    }

    /// The country with an ISO code (in any case), and its index: a binary search, the
    /// countries being sorted by their (upper-case) codes.
    pub fn country(&self, code: &str) -> Option<(usize, &MapCountry)> {
        let code = code.to_ascii_uppercase();
        let index = self.countries.binary_search_by(|country| country.code.as_str().cmp(&code)).ok()?;
        Some((index, self.countries.get(index)?))
    }

    /// Index of the country under a point in map coordinates; where shapes overlap (an
    /// enclave drawn over its surroundings) the smaller country wins.
    pub fn country_at(&self, point: (f64, f64)) -> Option<usize> {
        self.countries
            .iter()
            .enumerate()
            .filter(|(_, country)| country.contains(point))
            .min_by(|a, b| a.1.area.total_cmp(&b.1.area))
            .map(|(index, _)| index)
    }
}

/// The edges of a closed ring, as (from, to) pairs, including the closing edge.
pub(super) fn edges(ring: &[(f64, f64)]) -> impl Iterator<Item = ((f64, f64), (f64, f64))> + '_ {
    let closing = ring.last().copied().zip(ring.first().copied());
    ring.windows(2).filter_map(|pair| Some((*pair.first()?, *pair.get(1)?))).chain(closing)
}

/// Signed area of a ring by the shoelace formula (positive when counter-clockwise with y up).
pub fn ring_area(ring: &[(f64, f64)]) -> f64 {
    edges(ring).map(|((x0, y0), (x1, y1))| x0 * y1 - x1 * y0).sum::<f64>() / 2.0
}

/// True when ring `index` lies inside an odd number of the other rings.
fn is_hole(rings: &[Vec<(f64, f64)>], index: usize) -> bool {
    let Some(probe) = rings.get(index).and_then(|ring| ring.first().copied()) else { return false };
    let others: Vec<Vec<(f64, f64)>> = rings.iter().enumerate().filter(|(i, _)| *i != index).map(|(_, ring)| ring.clone()).collect();
    point_in_rings(&others, probe)
}

/// Area centroid of a ring; the mean of its points when its area is zero.
fn centroid(ring: &[(f64, f64)]) -> (f64, f64) {
    let area = ring_area(ring);
    if area.abs() > f64::EPSILON {
        let (cx, cy) = edges(ring).fold((0.0, 0.0), |(cx, cy), ((x0, y0), (x1, y1))| {
            let cross = x0 * y1 - x1 * y0;
            (cx + (x0 + x1) * cross, cy + (y0 + y1) * cross)
        });
        return (cx / (6.0 * area), cy / (6.0 * area));
    }
    let n = ring.len().max(1) as f64;
    let (sx, sy) = ring.iter().fold((0.0, 0.0), |(sx, sy), (x, y)| (sx + x, sy + y));
    (sx / n, sy / n)
}

/// See [`MapCountry::label_point`].
fn label_point(rings: &[Vec<(f64, f64)>], holes: &[bool], bounds: Bounds) -> (f64, f64) {
    let largest = rings
        .iter()
        .zip(holes)
        .filter(|(_, hole)| !**hole)
        .map(|(ring, _)| ring)
        .max_by(|a, b| ring_area(a).abs().total_cmp(&ring_area(b).abs()));
    let Some(ring) = largest else { return bounds.centre() };
    let centre = centroid(ring);
    if point_in_rings(rings, centre) {
        return centre;
    }
    let Some(ring_bounds) = Bounds::of_points(ring) else { return bounds.centre() };
    let mut lines = vec![centre.1];
    lines.extend([0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8].map(|f| ring_bounds.y0 + ring_bounds.height() * f));
    let mut best: Option<(f64, (f64, f64))> = None;
    // The centroid's own line comes first; fractions of the ring's height follow.
    for y in lines {
        let (a, b) = ((ring_bounds.x0 - 1.0, y), (ring_bounds.x1 + 1.0, y));
        for (t0, t1) in inside_spans(rings, a, b) {
            let width = (t1 - t0) * (b.0 - a.0);
            if best.is_none_or(|(w, _)| width > w) {
                best = Some((width, (a.0 + (b.0 - a.0) * (t0 + t1) / 2.0, y)));
            }
        }
    }
    best.map_or(bounds.centre(), |(_, point)| point)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::map::square;

    #[test]
    fn countries_know_holes_area_and_a_label_point_inside() {
        let name = LocalName { en: "A".into(), fr: "A".into() };
        let c = MapCountry::new("AA", name.clone(), vec![square(0.0, 0.0, 10.0), square(3.0, 3.0, 4.0)]).unwrap();
        assert!(!c.is_hole(0) && c.is_hole(1));
        assert_eq!(c.area(), 84.0);
        let label = c.label_point();
        assert!(c.contains(label), "label {label:?} inside (the centroid is in the hole)");
        let u = vec![(0.0, 0.0), (9.0, 0.0), (9.0, 9.0), (6.0, 9.0), (6.0, 1.0), (3.0, 1.0), (3.0, 9.0), (0.0, 9.0)];
        let c = MapCountry::new("UU", name.clone(), vec![u]).unwrap();
        assert!(c.contains(c.label_point()));
        assert!(MapCountry::new("NO", name, vec![vec![(0.0, 0.0), (1.0, 1.0)]]).is_none());
    }

    #[test]
    fn enclaves_win_hit_tests() {
        let name = |n: &str| LocalName { en: n.into(), fr: n.into() };
        let big = MapCountry::new("IT", name("Italy"), vec![square(0.0, 0.0, 10.0)]).unwrap();
        let small = MapCountry::new("SM", name("San Marino"), vec![square(4.0, 4.0, 1.0)]).unwrap();
        let bounds = Bounds { x0: 0.0, y0: 0.0, x1: 10.0, y1: 10.0 };
        let map = WorldMap::new("test", Projection { central_meridian: 0.0, radius: 1.0 }, bounds, vec![big, small]);
        assert_eq!(map.country_at((4.5, 4.5)), Some(1));
        assert_eq!(map.country_at((1.0, 1.0)), Some(0));
        assert_eq!(map.country_at((11.0, 1.0)), None);
        assert_eq!(map.country("sm").map(|(i, _)| i), Some(1));
    }
}
