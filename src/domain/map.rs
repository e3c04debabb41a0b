//! Map geometry for the choropleth, pure: the Equal Earth projection, the country shapes of the
//! map file (`public/data/world-map.json`) loaded with typed errors, point-in-polygon hit
//! testing, and class breaks (their words are in `text::labels`).
//!
//! Map coordinates are Equal Earth x (east) and y (north) in kilometres on a sphere of radius
//! [`EARTH_RADIUS_KM`], so areas are true areas in km². Screen placement (flipping y, fitting
//! to a drawing area) belongs to `chart::map`.

use std::collections::HashSet;

use serde::Deserialize;
use serde_json::Value;

use crate::domain::lang::Lang;
use crate::domain::dataset::model::LocalName;

/// The `schema` value every map file declares.
pub const SCHEMA: &str = "eu-iom-dashboard/world-map";
/// The map schema version this build reads and writes.
pub const SCHEMA_VERSION: u64 = 1;
/// The only projection this build draws.
pub const PROJECTION: &str = "Equal Earth";
/// Largest map file accepted, in bytes.
pub const MAX_BYTES: usize = 8_000_000;
/// Radius of the sphere the map is projected from: the mean (authalic) Earth radius, in km.
pub const EARTH_RADIUS_KM: f64 = 6371.0;
/// Most classes a choropleth uses: more are hard to tell apart by colour.
pub const MAX_CLASSES: usize = 5;

/// Equal Earth polynomial coefficients (Šavrič, Patterson and Jenny, "The Equal Earth map
/// projection", International Journal of Geographical Information Science 33(3), 2019).
pub const A1: f64 = 1.340264;
/// See [`A1`].
pub const A2: f64 = -0.081106;
/// See [`A1`].
pub const A3: f64 = 0.000893;
/// See [`A1`].
pub const A4: f64 = 0.003796;

/// Equal Earth forward projection on the unit sphere, longitude and latitude in degrees.
///
/// With λ the longitude and φ the latitude in radians, θ = asin(√3/2 · sin φ), and
/// x = 2√3 · λ · cos θ / (3 · (9·A4·θ⁸ + 7·A3·θ⁶ + 3·A2·θ² + A1)),
/// y = A4·θ⁹ + A3·θ⁷ + A2·θ³ + A1·θ.
/// The projection is equal-area; the equator spans x = ±2.7066 and the poles sit at
/// y = ±1.3174. Latitudes are clamped to ±90°; longitudes are not wrapped, so a ring that
/// runs past ±180° stays continuous (it just lies outside the world's outline).
pub fn equal_earth(lon: f64, lat: f64) -> (f64, f64) {
    let lambda = lon.to_radians();
    let phi = lat.clamp(-90.0, 90.0).to_radians();
    let theta = (3f64.sqrt() / 2.0 * phi.sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = 2.0 * 3f64.sqrt() * lambda * theta.cos() / (3.0 * (9.0 * A4 * t6 * t2 + 7.0 * A3 * t6 + 3.0 * A2 * t2 + A1));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

/// An Equal Earth projection centred on a meridian, in kilometres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    /// Longitude of the central meridian, in degrees.
    pub central_meridian: f64,
    /// Sphere radius in kilometres.
    pub radius: f64,
}

impl Projection {
    /// Map coordinates (km east, km north) of a longitude and latitude in degrees.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = equal_earth(lon - self.central_meridian, lat);
        (x * self.radius, y * self.radius)
    }
}

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
    /// A map from its parts.
    pub fn new(source: &str, projection: Projection, bounds: Bounds, countries: Vec<MapCountry>) -> WorldMap {
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

    /// The country with an ISO code, and its index.
    pub fn country(&self, code: &str) -> Option<(usize, &MapCountry)> {
        self.countries.iter().enumerate().find(|(_, country)| country.code.eq_ignore_ascii_case(code))
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

/// Why a map file could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum MapError {
    /// The file is empty.
    Empty,
    /// The file is larger than the dashboard accepts.
    TooLarge {
        /// Size in bytes.
        bytes: usize,
        /// Largest accepted size in bytes.
        limit: usize,
    },
    /// The text is not valid JSON.
    NotJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the JSON reader reported.
        detail: String,
    },
    /// The `schema` field names another kind of file (empty when missing).
    WrongSchema {
        /// The schema found.
        found: String,
    },
    /// The file's `schema_version` is one this build cannot read.
    UnsupportedVersion {
        /// The version found, as text.
        found: String,
    },
    /// The file uses another projection.
    UnsupportedProjection {
        /// The projection found.
        found: String,
    },
    /// A field is missing or of the wrong type.
    WrongShape {
        /// What the JSON reader reported.
        detail: String,
    },
    /// One country record is unusable.
    BadCountry {
        /// Position in the `countries` list, from 0.
        index: usize,
        /// Its code as written.
        code: String,
        /// What is wrong.
        problem: CountryProblem,
    },
    /// The frame (`bounds`) is empty or not finite.
    BadBounds,
    /// The file lists no country.
    NoCountries,
}

/// What is wrong with one country of a map file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountryProblem {
    /// The code is not two capital letters.
    BadCode,
    /// Another country has the same code.
    DuplicateCode,
    /// A name is empty.
    MissingName,
    /// A ring has an odd number of coordinates or fewer than three points.
    BadRing,
    /// No ring is left.
    NoShape,
}

impl std::error::Error for MapError {}

/// The map file as written: rings are flat lists `x, y, x, y, …` in map coordinates.
#[derive(Debug, Clone, Deserialize)]
struct RawWorldMap {
    source: String,
    projection: String,
    central_meridian: f64,
    bounds: [f64; 4],
    countries: Vec<RawMapCountry>,
}

/// One country as written.
#[derive(Debug, Clone, Deserialize)]
struct RawMapCountry {
    code: String,
    name_en: String,
    name_fr: String,
    rings: Vec<Vec<f64>>,
}

/// Reads a map file (schema `eu-iom-dashboard/world-map`, version 1).
///
/// # Errors
/// A [`MapError`] when the text is empty, too large, not JSON, not a map of this schema,
/// version and projection, or when a country record is unusable.
pub fn load_world_map(text: &str) -> Result<WorldMap, MapError> {
    if text.trim().is_empty() {
        return Err(MapError::Empty);
    }
    if text.len() > MAX_BYTES {
        return Err(MapError::TooLarge { bytes: text.len(), limit: MAX_BYTES });
    }
    let value: Value = serde_json::from_str(text).map_err(|error| MapError::NotJson {
        line: error.line(),
        column: error.column(),
        detail: error.to_string().split(" at line").next().unwrap_or_default().to_string(),
    })?;
    let schema = value.get("schema").and_then(Value::as_str).unwrap_or_default();
    if schema != SCHEMA {
        return Err(MapError::WrongSchema { found: schema.to_string() });
    }
    match value.get("schema_version") {
        Some(Value::Number(n)) if n.as_u64() == Some(SCHEMA_VERSION) => {}
        Some(other) => return Err(MapError::UnsupportedVersion { found: other.to_string() }),
        None => return Err(MapError::UnsupportedVersion { found: "(none)".into() }),
    }
    let raw: RawWorldMap = serde_json::from_value(value).map_err(|error| MapError::WrongShape { detail: error.to_string() })?;
    if raw.projection != PROJECTION {
        return Err(MapError::UnsupportedProjection { found: raw.projection });
    }
    let [x0, y0, x1, y1] = raw.bounds;
    let frame = Bounds { x0, y0, x1, y1 };
    if !(frame.width() > 0.0 && frame.height() > 0.0 && frame.width().is_finite() && frame.height().is_finite()) {
        return Err(MapError::BadBounds);
    }
    let mut seen = HashSet::new();
    let mut countries = Vec::with_capacity(raw.countries.len());
    for (index, record) in raw.countries.into_iter().enumerate() {
        let fail = |problem| MapError::BadCountry { index, code: record.code.clone(), problem };
        if record.code.len() != 2 || !record.code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(fail(CountryProblem::BadCode));
        }
        if !seen.insert(record.code.clone()) {
            return Err(fail(CountryProblem::DuplicateCode));
        }
        if record.name_en.trim().is_empty() || record.name_fr.trim().is_empty() {
            return Err(fail(CountryProblem::MissingName));
        }
        let mut rings = Vec::with_capacity(record.rings.len());
        for flat in &record.rings {
            if flat.len() % 2 != 0 || flat.len() < 6 {
                return Err(fail(CountryProblem::BadRing));
            }
            rings.push(flat.chunks_exact(2).filter_map(|pair| Some((*pair.first()?, *pair.get(1)?))).collect());
        }
        let name = LocalName { en: record.name_en.clone(), fr: record.name_fr.clone() };
        let country = MapCountry::new(&record.code, name, rings).ok_or_else(|| fail(CountryProblem::NoShape))?;
        countries.push(country);
    }
    if countries.is_empty() {
        return Err(MapError::NoCountries);
    }
    countries.sort_by(|a, b| a.code.cmp(&b.code));
    let projection = Projection { central_meridian: raw.central_meridian, radius: EARTH_RADIUS_KM };
    Ok(WorldMap { source: raw.source, projection, bounds: frame, countries })
}

/// The edges of a closed ring, as (from, to) pairs, including the closing edge.
fn edges(ring: &[(f64, f64)]) -> impl Iterator<Item = ((f64, f64), (f64, f64))> + '_ {
    let closing = ring.last().copied().zip(ring.first().copied());
    ring.windows(2).filter_map(|pair| Some((*pair.first()?, *pair.get(1)?))).chain(closing)
}

/// True when the point lies inside the rings by the even–odd rule: a ray from the point
/// crosses their edges an odd number of times. Holes and enclaves come out right without
/// knowing which ring is which.
pub fn point_in_rings(rings: &[Vec<(f64, f64)>], (x, y): (f64, f64)) -> bool {
    let mut inside = false;
    for ring in rings {
        for ((x0, y0), (x1, y1)) in edges(ring) {
            if (y0 > y) != (y1 > y) && x < x0 + (x1 - x0) * (y - y0) / (y1 - y0) {
                inside = !inside;
            }
        }
    }
    inside
}

/// Signed area of a ring by the shoelace formula (positive when counter-clockwise with y up).
pub fn ring_area(ring: &[(f64, f64)]) -> f64 {
    edges(ring).map(|((x0, y0), (x1, y1))| x0 * y1 - x1 * y0).sum::<f64>() / 2.0
}

/// The parts of the segment from `a` to `b` that lie inside the rings (even–odd), as pairs of
/// positions along it from 0 (at `a`) to 1 (at `b`), in order. Used for hatching and labels.
pub fn inside_spans(rings: &[Vec<(f64, f64)>], a: (f64, f64), b: (f64, f64)) -> Vec<(f64, f64)> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = dx * dx + dy * dy;
    if length2 <= 0.0 || !length2.is_finite() {
        return Vec::new();
    }
    // Signed distance (times the length) of a point from the line through a and b; an edge
    // crosses the line when its ends have different signs, the same rule as the ray test.
    let side = |(x, y): (f64, f64)| dx * (y - a.1) - dy * (x - a.0);
    let mut crossings: Vec<f64> = Vec::new();
    for ring in rings {
        for (p, q) in edges(ring) {
            let (sp, sq) = (side(p), side(q));
            if (sp > 0.0) != (sq > 0.0) {
                let k = sp / (sp - sq);
                let (x, y) = (p.0 + (q.0 - p.0) * k, p.1 + (q.1 - p.1) * k);
                crossings.push(((x - a.0) * dx + (y - a.1) * dy) / length2);
            }
        }
    }
    crossings.sort_by(f64::total_cmp);
    crossings
        .chunks_exact(2)
        .filter_map(|pair| {
            let (t0, t1) = (pair.first()?.max(0.0), pair.get(1)?.min(1.0));
            (t1 > t0).then_some((t0, t1))
        })
        .collect()
}

/// True when ring `index` lies inside an odd number of the other rings.
fn is_hole(rings: &[Vec<(f64, f64)>], index: usize) -> bool {
    let Some(probe) = rings.get(index).and_then(|ring| ring.first().copied()) else { return false };
    let others: Vec<Vec<(f64, f64)>> =
        rings.iter().enumerate().filter(|(i, _)| *i != index).map(|(_, ring)| ring.clone()).collect();
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

/// Class breaks for a choropleth: up to [`MAX_CLASSES`] classes separated by round thresholds.
///
/// Class `i` holds the values from threshold `i − 1` (included) up to threshold `i`
/// (excluded); the first class has no lower threshold and the last no upper one. So a figure
/// reported as "more than 100,000" (value 100,000) falls in "100,000 or more".
#[derive(Debug, Clone, PartialEq)]
pub struct ClassBreaks {
    min: f64,
    max: f64,
    thresholds: Vec<f64>,
}

/// Class breaks for the values of a selection; `None` when no value is a finite number.
///
/// The values are split into groups of about equal numbers of places (quantiles), always
/// between two different values, so no class is empty: at most 5 groups, at most one per
/// distinct value, and at most 1 + ⌈log₂ n⌉ for n values (Sturges' rule: 4 for 8 places);
/// each threshold is then the roundest number between the largest value below it and the
/// smallest value above it (see [`roundest_between`]).
pub fn class_breaks(values: &[f64]) -> Option<ClassBreaks> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    sorted.sort_by(f64::total_cmp);
    let (min, max) = (*sorted.first()?, *sorted.last()?);
    // Gaps: positions g where sorted[g - 1] < sorted[g].
    let gaps: Vec<usize> = (1..sorted.len()).filter(|&g| sorted.get(g - 1) < sorted.get(g)).collect();
    // Sturges' rule (1 + ⌈log₂ n⌉ classes for n values) keeps a handful of places from being
    // spread over five colours; never more classes than distinct values.
    let sturges = 1 + (usize::BITS - sorted.len().saturating_sub(1).leading_zeros()) as usize;
    let n_classes = (gaps.len() + 1).min(MAX_CLASSES).min(sturges);
    let n = sorted.len() as f64;
    let mut thresholds = Vec::with_capacity(n_classes.saturating_sub(1));
    let mut first_free = 0;
    for i in 1..n_classes {
        let target = i as f64 * n / n_classes as f64;
        // Leave enough gaps for the thresholds still to come.
        let last_allowed = gaps.len().saturating_sub(n_classes - i);
        let Some(choice) = (first_free..=last_allowed)
            .filter_map(|k| gaps.get(k).map(|&g| (k, g)))
            .min_by(|a, b| (a.1 as f64 - target).abs().total_cmp(&(b.1 as f64 - target).abs()))
        else {
            break;
        };
        let (k, g) = choice;
        let (Some(&lo), Some(&hi)) = (sorted.get(g - 1), sorted.get(g)) else { break };
        thresholds.push(roundest_between(lo, hi));
        first_free = k + 1;
    }
    Some(ClassBreaks { min, max, thresholds })
}

/// The roundest number `x` with `lo < x ≤ hi`: the largest power of ten that fits (10,000
/// between 535 and 84,000); else the first multiple of the coarsest step that fits, trying
/// steps 10ⁿ, 5 × 10ⁿ⁻¹, 2 × 10ⁿ⁻¹ for decreasing n (20,000 between 16,000 and 48,000,
/// 13,000 between 12,000 and 13,000). `hi` when nothing rounder fits.
pub fn roundest_between(lo: f64, hi: f64) -> f64 {
    if !lo.is_finite() || !hi.is_finite() || hi <= lo {
        return hi;
    }
    if hi > 0.0 {
        let exponent = hi.log10().floor() as i32;
        let power = |e: i32| if e >= 0 { 10f64.powi(e) } else { 1.0 / 10f64.powi(-e) };
        // log10 may land a hair off for exact powers; take the largest power not above hi.
        let largest = [exponent + 1, exponent, exponent - 1].into_iter().map(power).find(|p| *p <= hi);
        if let Some(p) = largest.filter(|p| *p > lo) {
            return p;
        }
    }
    let magnitude = lo.abs().max(hi.abs()).max(f64::MIN_POSITIVE);
    let mut exponent = magnitude.log10().floor() as i32 + 1;
    for _ in 0..40 {
        for multiple in [10.0, 5.0, 2.0] {
            // step = multiple × 10^(exponent − 1), computed so that decimal steps stay exact.
            let power = exponent - 1;
            let scale = 10f64.powi(power.abs());
            let step = if power >= 0 { multiple * scale } else { multiple / scale };
            let count = (lo / step).floor() + 1.0;
            let x = if power >= 0 { count * multiple * scale } else { count * multiple / scale };
            if x > lo && x <= hi {
                return x;
            }
        }
        exponent -= 1;
    }
    hi
}

impl ClassBreaks {
    /// Number of classes (1 to [`MAX_CLASSES`]).
    pub fn n_classes(&self) -> usize {
        self.thresholds.len() + 1
    }

    /// The thresholds between classes, increasing.
    pub fn thresholds(&self) -> &[f64] {
        &self.thresholds
    }

    /// Smallest value classed.
    pub fn min(&self) -> f64 {
        self.min
    }

    /// Largest value classed.
    pub fn max(&self) -> f64 {
        self.max
    }

    /// The class of a value, from 0 (lowest).
    pub fn class_of(&self, value: f64) -> usize {
        self.thresholds.iter().filter(|t| value >= **t).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::model::Unit;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn equal_earth_origin_and_symmetry() {
        assert_eq!(equal_earth(0.0, 0.0), (0.0, 0.0));
        for (lon, lat) in [(10.0, 20.0), (135.0, 45.0), (179.0, 89.0), (30.5, -12.25)] {
            let (x, y) = equal_earth(lon, lat);
            assert_eq!(equal_earth(-lon, lat), (-x, y), "symmetric in longitude");
            assert_eq!(equal_earth(lon, -lat), (x, -y), "symmetric in latitude");
        }
    }

    #[test]
    fn equal_earth_matches_hand_computed_values() {
        // Equator at 180°: θ = 0, so x = 2√3·π / (3·A1) = 10.882796 / 4.020792 = 2.706630, y = 0.
        let (x, y) = equal_earth(180.0, 0.0);
        assert!(close(x, 2.706_63, 1e-5), "{x}");
        assert!(close(y, 0.0, 1e-12));
        // North pole: θ = asin(√3/2) = π/3 = 1.0471976, θ³ = 1.1483806, θ⁷ = 1.3810223,
        // θ⁹ = 1.5144597; y = A4·θ⁹ + A3·θ⁷ + A2·θ³ + A1·θ
        //   = 0.0057489 + 0.0012332 − 0.0931410 + 1.4035211 = 1.3173622, x = 0 (cos θ·0).
        let (x, y) = equal_earth(0.0, 90.0);
        assert!(close(x, 0.0, 1e-12));
        assert!(close(y, 1.317_362, 1e-5), "{y}");
        // The published aspect ratio of the whole map is about 2.05:1.
        assert!(close(2.706_63 / 1.317_362, 2.0546, 1e-3));
        // 45°N, 90°E: sin θ = 0.8660254·0.7071068 = 0.6123724, θ = 0.6590580, θ² = 0.4343575,
        // θ⁶ = 0.0819487, θ⁸ = 0.0355950, cos θ = 0.7905694;
        // 9·A4·θ⁸ + 7·A3·θ⁶ + 3·A2·θ² + A1 = 0.0012161 + 0.0005123 − 0.1056870 + 1.340264
        // = 1.2363054, times 3 = 3.7089162;
        // x = 2·1.7320508·1.5707963·0.7905694 / 3.7089162 = 4.3018024 / 3.7089162 = 1.1598544;
        // y = θ·(A1 + A2·θ² + θ⁶·(A3 + A4·θ²)) = 0.6590580·(1.340264 − 0.0352290 + 0.0002083)
        //   = 0.6590580·1.3052433 = 0.8602311.
        let (x, y) = equal_earth(90.0, 45.0);
        assert!(close(x, 1.159_854_4, 1e-6), "{x}");
        assert!(close(y, 0.860_231_1, 1e-6), "{y}");
    }

    #[test]
    fn equal_earth_is_monotonic() {
        let mut last_y = f64::NEG_INFINITY;
        for lat in -90..=90 {
            let (_, y) = equal_earth(0.0, f64::from(lat));
            assert!(y > last_y, "y grows with latitude at {lat}");
            last_y = y;
        }
        for lat in [-60.0, 0.0, 45.0] {
            let mut last_x = f64::NEG_INFINITY;
            for lon in -180..=180 {
                let (x, _) = equal_earth(f64::from(lon), lat);
                assert!(x > last_x, "x grows with longitude at {lon}, {lat}");
                last_x = x;
            }
        }
    }

    #[test]
    fn equal_earth_is_equal_area() {
        // A 1° cell near the equator and one at 60°N cover true areas in the ratio
        // (sin 61° − sin 60°) / (sin 1° − sin 0°); the projection keeps it.
        let cell = |lat: f64| {
            let ring: Vec<(f64, f64)> = [(0.0, lat), (1.0, lat), (1.0, lat + 1.0), (0.0, lat + 1.0)]
                .iter()
                .map(|&(lon, lat)| equal_earth(lon, lat))
                .collect();
            ring_area(&ring).abs()
        };
        let expected = (61f64.to_radians().sin() - 60f64.to_radians().sin()) / 1f64.to_radians().sin();
        assert!(close(cell(60.0) / cell(0.0), expected, 2e-3), "{} vs {expected}", cell(60.0) / cell(0.0));
    }

    #[test]
    fn projection_shifts_the_central_meridian_and_scales() {
        let p = Projection { central_meridian: 20.0, radius: EARTH_RADIUS_KM };
        assert_eq!(p.project(20.0, 0.0), (0.0, 0.0));
        let (x, _) = p.project(200.0, 0.0);
        assert!(close(x, 2.706_63 * EARTH_RADIUS_KM, 0.1));
    }

    fn square(x: f64, y: f64, side: f64) -> Vec<(f64, f64)> {
        vec![(x, y), (x + side, y), (x + side, y + side), (x, y + side)]
    }

    #[test]
    fn point_in_polygon_uses_even_odd() {
        let outer = square(0.0, 0.0, 10.0);
        let hole = square(3.0, 3.0, 4.0);
        let island = square(20.0, 0.0, 2.0);
        let rings = vec![outer, hole, island];
        assert!(point_in_rings(&rings, (1.0, 1.0)));
        assert!(!point_in_rings(&rings, (5.0, 5.0)), "inside the hole");
        assert!(point_in_rings(&rings, (21.0, 1.0)), "on the island");
        assert!(!point_in_rings(&rings, (15.0, 1.0)));
        assert!(!point_in_rings(&rings, (-1.0, 5.0)));
        // A concave (U-shaped) ring.
        let u = vec![(0.0, 0.0), (9.0, 0.0), (9.0, 9.0), (6.0, 9.0), (6.0, 3.0), (3.0, 3.0), (3.0, 9.0), (0.0, 9.0)];
        assert!(point_in_rings(std::slice::from_ref(&u), (1.5, 8.0)));
        assert!(!point_in_rings(std::slice::from_ref(&u), (4.5, 8.0)), "in the notch");
        // A ray through a vertex counts once.
        let diamond = vec![(0.0, 5.0), (5.0, 0.0), (10.0, 5.0), (5.0, 10.0)];
        assert!(point_in_rings(std::slice::from_ref(&diamond), (2.0, 5.0)));
        assert!(!point_in_rings(&[diamond], (-2.0, 5.0)));
    }

    #[test]
    fn spans_follow_holes_and_clip_to_the_segment() {
        let rings = vec![square(0.0, 0.0, 10.0), square(3.0, 3.0, 4.0)];
        let spans = inside_spans(&rings, (-10.0, 5.0), (10.0, 5.0));
        assert_eq!(spans, vec![(0.5, 0.65), (0.85, 1.0)]);
        assert!(inside_spans(&rings, (-10.0, 20.0), (10.0, 20.0)).is_empty());
        assert!(inside_spans(&rings, (1.0, 1.0), (1.0, 1.0)).is_empty());
    }

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

    #[test]
    fn loading_reports_typed_errors() {
        assert_eq!(load_world_map("  "), Err(MapError::Empty));
        assert!(matches!(load_world_map("{"), Err(MapError::NotJson { line: 1, .. })));
        assert_eq!(load_world_map(r#"{"schema":"other"}"#), Err(MapError::WrongSchema { found: "other".into() }));
        assert_eq!(
            load_world_map(r#"{"schema":"eu-iom-dashboard/world-map","schema_version":2}"#),
            Err(MapError::UnsupportedVersion { found: "2".into() })
        );
        let head = r#""schema":"eu-iom-dashboard/world-map","schema_version":1,"source":"s","central_meridian":20,"bounds":[0,0,10,10]"#;
        let doc = |projection: &str, countries: &str| format!(r#"{{{head},"projection":"{projection}","countries":[{countries}]}}"#);
        let ok = r#"{"code":"LY","name_en":"Libya","name_fr":"Libye","rings":[[0,0,4,0,4,4]]}"#;
        let map = load_world_map(&doc("Equal Earth", ok)).unwrap();
        assert_eq!(map.countries().len(), 1);
        assert_eq!(map.countries()[0].name(Lang::Fr), "Libye");
        assert_eq!(map.projection().central_meridian, 20.0);
        assert!(matches!(load_world_map(&doc("Mercator", ok)), Err(MapError::UnsupportedProjection { .. })));
        assert_eq!(load_world_map(&doc("Equal Earth", "")), Err(MapError::NoCountries));
        let odd = r#"{"code":"LY","name_en":"Libya","name_fr":"Libye","rings":[[0,0,4,0,4]]}"#;
        let error = load_world_map(&doc("Equal Earth", odd)).unwrap_err();
        assert_eq!(error, MapError::BadCountry { index: 0, code: "LY".into(), problem: CountryProblem::BadRing });
        assert_eq!(error.to_string(), "country 1 (\"LY\") of the map file: a ring is not a list of at least three x, y pairs");
        let twice = format!("{ok},{ok}");
        assert!(matches!(
            load_world_map(&doc("Equal Earth", &twice)),
            Err(MapError::BadCountry { index: 1, problem: CountryProblem::DuplicateCode, .. })
        ));
        let lower = ok.replace("\"LY\"", "\"ly\"");
        assert!(matches!(load_world_map(&doc("Equal Earth", &lower)), Err(MapError::BadCountry { problem: CountryProblem::BadCode, .. })));
        let text = r#"{"code":"LY","name_en":"Libya","name_fr":"Libye","rings":[["a"]]}"#;
        let error = load_world_map(&doc("Equal Earth", text)).unwrap_err();
        assert!(matches!(error, MapError::WrongShape { .. }));
        assert!(error.message(Lang::Fr).starts_with("le fichier de carte n’a pas la structure attendue"));
    }

    #[test]
    fn roundest_numbers_between_values() {
        assert_eq!(roundest_between(535.0, 84_000.0), 10_000.0);
        assert_eq!(roundest_between(0.0, 5.0), 1.0);
        assert_eq!(roundest_between(16_000.0, 48_000.0), 20_000.0);
        assert_eq!(roundest_between(5_100.0, 9_000.0), 6_000.0);
        assert_eq!(roundest_between(999.0, 1_000.0), 1_000.0);
        assert_eq!(roundest_between(12_000.0, 13_000.0), 13_000.0);
        assert_eq!(roundest_between(12_345.0, 12_346.0), 12_346.0);
        assert_eq!(roundest_between(0.1, 0.3), 0.2);
        assert_eq!(roundest_between(0.25, 0.3), 0.3);
        assert_eq!(roundest_between(1.0, 1e12), 1e12);
        assert_eq!(roundest_between(5.0, 5.0), 5.0);
    }

    #[test]
    fn class_breaks_edge_cases() {
        assert_eq!(class_breaks(&[]), None);
        assert_eq!(class_breaks(&[f64::NAN]), None);
        let one = class_breaks(&[84_000.0, 84_000.0]).unwrap();
        assert_eq!(one.n_classes(), 1);
        assert_eq!(one.class_of(84_000.0), 0);
        assert_eq!(one.describe(0, Unit::Count, Lang::En).as_deref(), Some("84,000"));
        assert_eq!(one.describe(1, Unit::Count, Lang::En), None);
        let two = class_breaks(&[535.0, 84_000.0, 535.0]).unwrap();
        assert_eq!(two.thresholds(), &[10_000.0]);
        assert_eq!(two.describe(0, Unit::Count, Lang::En).as_deref(), Some("less than 10,000"));
        assert_eq!(two.describe(1, Unit::Count, Lang::Fr).as_deref(), Some("10\u{202F}000 ou plus"));
        let zeros = class_breaks(&[0.0, 0.0, 3.0]).unwrap();
        assert_eq!(zeros.thresholds(), &[1.0]);
        assert_eq!(zeros.class_of(0.0), 0);
        assert_eq!(zeros.class_of(3.0), 1);
    }

    #[test]
    fn class_breaks_use_quantiles_and_round_thresholds() {
        let values = [120.0, 800.0, 2_300.0, 5_100.0, 9_000.0, 16_000.0, 48_000.0, 66_000.0, 100_000.0, 1_200_000.0];
        let breaks = class_breaks(&values).unwrap();
        assert_eq!(breaks.n_classes(), 5);
        assert_eq!(breaks.thresholds(), &[1_000.0, 6_000.0, 20_000.0, 100_000.0]);
        let per_class: Vec<usize> =
            (0..5).map(|c| values.iter().filter(|v| breaks.class_of(**v) == c).count()).collect();
        assert_eq!(per_class, vec![2, 2, 2, 2, 2], "quantiles: two places per class");
        let en: Vec<String> = (0..5).map(|c| breaks.describe(c, Unit::Count, Lang::En).unwrap()).collect();
        assert_eq!(en, ["less than 1,000", "1,000 to 6,000", "6,000 to 20,000", "20,000 to 100,000", "100,000 or more"]);
        assert_eq!(breaks.describe(3, Unit::Count, Lang::Fr).as_deref(), Some("20\u{202F}000 à 100\u{202F}000"));
        assert_eq!(breaks.describe(0, Unit::Count, Lang::Fr).as_deref(), Some("moins de 1\u{202F}000"));
    }

    #[test]
    fn class_breaks_handle_huge_ranges_and_money() {
        let values = [3.0, 40.0, 7_000.0, 2e6, 9e11, 3.0, 40.0, 7_000.0, 2e6, 9e11];
        let breaks = class_breaks(&values).unwrap();
        assert_eq!(breaks.n_classes(), 5);
        assert_eq!(breaks.thresholds(), &[10.0, 1_000.0, 1e6, 1e11]);
        for (i, v) in values.iter().take(5).enumerate() {
            assert_eq!(breaks.class_of(*v), i);
        }
        // Five places give four classes (Sturges' rule).
        let few = class_breaks(&values[..5]).unwrap();
        assert_eq!(few.n_classes(), 4);
        assert_eq!(few.describe(3, Unit::Count, Lang::En).as_deref(), Some("100,000,000,000 or more"));
        let money = class_breaks(&[5e6, 1.4e8, 1.88e9]).unwrap();
        assert_eq!(money.describe(2, Unit::Eur, Lang::En).as_deref(), Some("€1\u{A0}bn or more"));
        assert_eq!(money.describe(1, Unit::Eur, Lang::Fr).as_deref(), Some("100\u{A0}M€ à 1\u{A0}Md€"));
    }

    #[test]
    fn duplicates_never_make_an_empty_class() {
        let values = [10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 20.0, 30.0];
        let breaks = class_breaks(&values).unwrap();
        assert_eq!(breaks.n_classes(), 3);
        for class in 0..breaks.n_classes() {
            assert!(values.iter().any(|v| breaks.class_of(*v) == class), "class {class} is empty: {breaks:?}");
        }
    }
}
