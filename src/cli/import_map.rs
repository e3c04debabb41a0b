//! Converts Natural Earth country shapes (TopoJSON from the npm package `world-atlas`) into
//! the dashboard's map file, `public/data/world-map.json` (schema `eu-iom-dashboard/world-map`).
//!
//! The steps, each a function below with its constants at the top of this file:
//! 1. decode the topology's quantized, delta-encoded arcs into longitude and latitude;
//! 2. simplify every arc once with Douglas–Peucker ([`TOLERANCE_KM`]), measured on its Equal
//!    Earth projection centred on [`CENTRAL_MERIDIAN_DEG`]; arcs are shared by neighbours,
//!    so simplified borders still meet without gaps;
//! 3. join the shapes of each ISO 3166-1 code (numeric ids from `i18n-iso-countries`, or the
//!    [`UNNUMBERED`] table for shapes without one), dissolving the borders inside a country;
//! 4. make each ring's longitudes continuous across the antimeridian, project it with Equal
//!    Earth in kilometres (equal-area, so a country's colour covers its true share of the
//!    map), and clip it to the frame: the smallest Equal Earth rectangle holding the window
//!    [`WINDOW`] (Africa, Europe and the Middle East). A country is kept when any part of it
//!    is inside the frame, cut at the frame's edge;
//! 5. drop islands smaller than [`MIN_ISLAND_KM2`], never a country's largest ring, so no
//!    country disappears; round to whole kilometres (0.1 km for microstates that would
//!    otherwise vanish);
//! 6. write one country per line, names in English and French from `i18n-iso-countries`
//!    (the same rule as the dataset, [`crate::cli::import::parse_country_names`]), as the
//!    dashboard's own [`RawWorldMap`], the type it reads the file with.

use std::collections::{BTreeMap, HashMap};
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize as _};
use serde_json::ser::Formatter;
use serde_json::Value;

use crate::cli::import::{parse_country_names, CountryNames};
use crate::cli::{read, Outcome};
use crate::domain::map::{
    load_world_map, ring_area, Bounds, Projection, RawMapCountry, RawWorldMap, EARTH_RADIUS_KM, PROJECTION, SCHEMA, SCHEMA_VERSION,
};

/// The region the map shows, as (west, south, east, north) in degrees.
pub const WINDOW: (f64, f64, f64, f64) = (-27.0, -36.0, 64.0, 72.0);
/// Central meridian of the projection: the middle of the window, so Europe and Africa stand upright.
pub const CENTRAL_MERIDIAN_DEG: f64 = 20.0;
/// Douglas–Peucker tolerance in km: about a third of a CSS pixel on a 1,000-pixel-wide map.
pub const TOLERANCE_KM: f64 = 3.0;
/// Islands smaller than this (in km²) are dropped, unless they are all there is of a country.
pub const MIN_ISLAND_KM2: f64 = 150.0;
/// Shapes without an ISO numeric id in Natural Earth, by name, and the code they are drawn as:
/// Kosovo as `XK` (the code the EU and `i18n-iso-countries` use); the self-declared states in
/// the north of Cyprus and Somalia as part of the internationally recognised states.
pub const UNNUMBERED: [(&str, &str); 3] = [("Kosovo", "XK"), ("N. Cyprus", "CY"), ("Somaliland", "SO")];

/// Why the conversion stopped.
#[derive(Debug, Clone, PartialEq)]
pub enum MapImportError {
    /// An input file is not the expected JSON.
    Json {
        /// Which input.
        file: &'static str,
        /// What the reader reported.
        detail: String,
    },
    /// The topology has no `countries` object.
    NoCountries,
    /// A geometry refers to an arc that does not exist.
    BadArc {
        /// The arc reference.
        reference: i64,
    },
    /// A shape inside the frame has no ISO code and is not in [`UNNUMBERED`].
    UnknownShape {
        /// Its name in Natural Earth.
        name: String,
        /// Its id, if any.
        id: String,
    },
    /// No French or English name for a code.
    NoName {
        /// The code.
        code: String,
    },
}

impl std::fmt::Display for MapImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MapImportError::Json { file, detail } => write!(f, "the {file} is not valid: {detail}"),
            MapImportError::NoCountries => write!(f, "the topology has no \"countries\" object"),
            MapImportError::BadArc { reference } => write!(f, "the topology refers to arc {reference}, which does not exist"),
            MapImportError::UnknownShape { name, id } => write!(
                f,
                "the shape \"{name}\" (id \"{id}\") has no ISO 3166-1 code; review it and add it to UNNUMBERED in src/cli/import_map.rs"
            ),
            MapImportError::NoName { code } => write!(f, "i18n-iso-countries has no English or French name for {code}"),
        }
    }
}

impl std::error::Error for MapImportError {}

/// A TopoJSON topology, as far as the conversion reads it.
#[derive(Debug, Deserialize)]
struct Topology {
    objects: HashMap<String, Collection>,
    arcs: Vec<Vec<Vec<f64>>>,
    #[serde(default)]
    transform: Option<Transform>,
}

/// Quantization transform: position = index × scale + translate.
#[derive(Debug, Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

/// A geometry collection.
#[derive(Debug, Deserialize)]
struct Collection {
    geometries: Vec<Geometry>,
}

/// A geometry: polygons as lists of rings, each a list of arc references (`~i` = reversed).
#[derive(Debug, Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    Polygon {
        arcs: Vec<Vec<i64>>,
        #[serde(default)]
        id: Option<Value>,
        #[serde(default)]
        properties: Properties,
    },
    MultiPolygon {
        arcs: Vec<Vec<Vec<i64>>>,
        #[serde(default)]
        id: Option<Value>,
        #[serde(default)]
        properties: Properties,
    },
    #[serde(other)]
    Other,
}

/// Feature properties.
#[derive(Debug, Default, Deserialize)]
struct Properties {
    #[serde(default)]
    name: String,
}

/// What the conversion produced, for the tool's report.
#[derive(Debug, Clone, PartialEq)]
pub struct MapSummary {
    /// Countries written.
    pub countries: usize,
    /// Rings written.
    pub rings: usize,
    /// Points written.
    pub points: usize,
}

/// Converts a `world-atlas` topology into the map file's text.
///
/// `codes_json` is `i18n-iso-countries/codes.json` (alpha-2, alpha-3, numeric per country);
/// `names` come from [`crate::cli::import::parse_country_names`]; `source` is written as is.
///
/// # Errors
/// [`MapImportError`] when an input is malformed, a shape in the frame has no code, or a
/// code has no names.
pub fn import_map(
    topology_json: &str,
    codes_json: &str,
    names: &CountryNames,
    source: &str,
) -> Result<(String, MapSummary), MapImportError> {
    let topology: Topology =
        serde_json::from_str(topology_json).map_err(|e| MapImportError::Json { file: "topology", detail: e.to_string() })?;
    let numeric = numeric_codes(codes_json)?;
    let projection = Projection { central_meridian: CENTRAL_MERIDIAN_DEG, radius: EARTH_RADIUS_KM };
    let frame = frame(projection);
    // Arcs stay in degrees (so rings can be unwrapped across the antimeridian) and are
    // simplified by the distances they will have once projected.
    let arcs = decode_arcs(&topology);
    let simplified: Vec<Vec<(f64, f64)>> = arcs
        .iter()
        .map(|arc| {
            let projected: Vec<(f64, f64)> = arc.iter().map(|&(lon, lat)| projection.project(lon, lat)).collect();
            simplify_arc(&projected, TOLERANCE_KM).into_iter().filter_map(|i| arc.get(i).copied()).collect()
        })
        .collect();
    let place = |ring: &[(f64, f64)]| {
        let projected: Vec<(f64, f64)> = unwrap_longitudes(ring).into_iter().map(|(lon, lat)| projection.project(lon, lat)).collect();
        clip_to_frame(&projected, frame)
    };
    let collection = topology.objects.get("countries").ok_or(MapImportError::NoCountries)?;

    // Rings of arc references, grouped by code.
    let mut by_code: BTreeMap<String, Vec<Vec<i64>>> = BTreeMap::new();
    for geometry in &collection.geometries {
        let (rings, id, name): (Vec<Vec<i64>>, &Option<Value>, &str) = match geometry {
            Geometry::Polygon { arcs, id, properties } => (arcs.clone(), id, &properties.name),
            Geometry::MultiPolygon { arcs, id, properties } => (arcs.iter().flatten().cloned().collect(), id, &properties.name),
            Geometry::Other => continue,
        };
        let id_text = match id {
            Some(Value::String(text)) => text.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        };
        let code = id_text
            .parse::<u32>()
            .ok()
            .and_then(|n| numeric.get(&n).cloned())
            .or_else(|| UNNUMBERED.iter().find(|(shape, _)| *shape == name).map(|(_, code)| (*code).to_string()));
        let Some(code) = code else {
            // A shape without a code only matters when it shows on the map.
            let inside = rings.iter().filter_map(|ring| ring_points(ring, &arcs).ok()).any(|ring| !place(&ring).is_empty());
            if inside {
                return Err(MapImportError::UnknownShape { name: name.to_string(), id: id_text });
            }
            continue;
        };
        by_code.entry(code).or_default().extend(rings);
    }

    let mut summary = MapSummary { countries: 0, rings: 0, points: 0 };
    let mut countries = Vec::new();
    for (code, references) in &by_code {
        let mut detailed = Vec::new();
        let mut rings = Vec::new();
        for ring in dissolve(references, &arcs)? {
            let full = ring_points(&ring, &arcs)?;
            let simple = ring_points(&ring, &simplified)?;
            let clipped = place(&simple);
            if clipped.is_empty() {
                continue;
            }
            rings.push(clipped);
            detailed.push(place(&full));
        }
        let rings = finish_rings(rings, detailed);
        if rings.is_empty() {
            continue;
        }
        let (name_en, name_fr) = names.get(code).ok_or_else(|| MapImportError::NoName { code: code.clone() })?;
        summary.countries += 1;
        summary.rings += rings.len();
        summary.points += rings.iter().map(Vec::len).sum::<usize>();
        countries.push(RawMapCountry {
            code: code.clone(),
            name_en: name_en.clone(),
            name_fr: name_fr.clone(),
            rings: rings.iter().map(|ring| ring.iter().flat_map(|&(x, y)| [x, y]).collect()).collect(),
        });
    }
    let map = RawWorldMap {
        schema: SCHEMA.to_string(),
        schema_version: SCHEMA_VERSION,
        source: source.to_string(),
        projection: PROJECTION.to_string(),
        central_meridian: CENTRAL_MERIDIAN_DEG,
        unit: Some("km".to_string()),
        radius: Some(EARTH_RADIUS_KM),
        window: Some([WINDOW.0, WINDOW.1, WINDOW.2, WINDOW.3]),
        bounds: [frame.x0.floor(), frame.y0.floor(), frame.x1.ceil(), frame.y1.ceil()],
        countries,
    };
    Ok((write_map(&map)?, summary))
}

/// The map file's text: `map` serialised by the type the dashboard reads it with, one country
/// per line (`MapLayout`).
///
/// # Errors
/// [`MapImportError::Json`] if serialising fails.
pub fn write_map(map: &RawWorldMap) -> Result<String, MapImportError> {
    let mut out = Vec::new();
    map.serialize(&mut serde_json::Serializer::with_formatter(&mut out, MapLayout::default()))
        .map_err(|e| MapImportError::Json { file: "map", detail: e.to_string() })?;
    out.push(b'\n');
    String::from_utf8(out).map_err(|e| MapImportError::Json { file: "map", detail: e.to_string() })
}

/// The map file's layout: one country per line, and whole numbers without a decimal point
/// (`-1528`, not `-1528.0`), so the file stays small and a change shows as changed lines.
#[derive(Debug, Default)]
struct MapLayout {
    /// How many objects and lists the writer is inside.
    depth: usize,
    /// The list being closed held countries.
    in_countries: bool,
}

impl Formatter for MapLayout {
    fn write_f64<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: f64) -> io::Result<()> {
        if value.fract() == 0.0 && value.abs() < 9.0e15 {
            write!(writer, "{}", value as i64)
        } else if value.is_finite() {
            write!(writer, "{value}")
        } else {
            writer.write_all(b"null")
        }
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth += 1;
        // Depth 3: an object in a list of the file's object, that is a country.
        if self.depth == 3 {
            self.in_countries = true;
            writer.write_all(b"\n")?;
        }
        writer.write_all(b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth = self.depth.saturating_sub(1);
        writer.write_all(b"}")
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth += 1;
        writer.write_all(b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        if self.depth == 2 && self.in_countries {
            self.in_countries = false;
            writer.write_all(b"\n")?;
        }
        self.depth = self.depth.saturating_sub(1);
        writer.write_all(b"]")
    }
}

/// `import-map <countries.json> <i18n-iso-countries dir> --out <world-map.json>`: converts,
/// checks that the result loads with the dashboard's own reader, and writes it.
///
/// # Errors
/// A message for the user when the files are wrong.
pub fn run(topology_path: &Path, i18n: &Path, out: &Path) -> Result<Outcome, String> {
    let names = parse_country_names(&read(&i18n.join("langs/en.json"))?, &read(&i18n.join("langs/fr.json"))?).map_err(|e| e.to_string())?;
    let version = |package: &Path| {
        std::fs::read_to_string(package)
            .ok()
            .and_then(|text| serde_json::from_str::<Value>(&text).ok())
            .and_then(|value| value.get("version").and_then(Value::as_str).map(|v| format!(" {v}")))
            .unwrap_or_default()
    };
    let atlas_version = version(&topology_path.parent().unwrap_or(Path::new(".")).join("package.json"));
    let names_version = version(&i18n.join("package.json"));
    let stem = topology_path.file_stem().and_then(|s| s.to_str()).unwrap_or("countries");
    let source = format!(
        "Natural Earth (public domain) via world-atlas{atlas_version} ({stem}, ISC licence); names from i18n-iso-countries{names_version} (MIT licence)"
    );
    let (text, summary) =
        import_map(&read(topology_path)?, &read(&i18n.join("codes.json"))?, &names, &source).map_err(|e| e.to_string())?;
    // The result must pass the dashboard's own reader before it is written.
    let map = load_world_map(&text).map_err(|e| format!("the converted map does not load: {e}"))?;
    std::fs::write(out, &text).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(Outcome {
        output: format!(
            "wrote {}: {} countries, {} rings, {} points, {} bytes\n",
            out.display(),
            map.countries().len(),
            summary.rings,
            summary.points,
            text.len()
        ),
        success: true,
    })
}

/// ISO numeric code → alpha-2, from `codes.json`.
fn numeric_codes(codes_json: &str) -> Result<HashMap<u32, String>, MapImportError> {
    let rows: Vec<Vec<String>> =
        serde_json::from_str(codes_json).map_err(|e| MapImportError::Json { file: "codes.json", detail: e.to_string() })?;
    Ok(rows.into_iter().filter_map(|row| Some((row.get(2)?.parse::<u32>().ok()?, row.first()?.clone()))).collect())
}

/// The arcs in degrees: quantized positions are delta-encoded from the arc's first point.
fn decode_arcs(topology: &Topology) -> Vec<Vec<(f64, f64)>> {
    topology
        .arcs
        .iter()
        .map(|arc| {
            let mut position = (0.0, 0.0);
            arc.iter()
                .filter_map(|p| Some((*p.first()?, *p.get(1)?)))
                .map(|(x, y)| match &topology.transform {
                    Some(Transform { scale: [sx, sy], translate: [tx, ty] }) => {
                        position = (position.0 + x, position.1 + y);
                        (position.0 * sx + tx, position.1 * sy + ty)
                    }
                    None => (x, y),
                })
                .collect()
        })
        .collect()
}

/// The frame: the smallest projected rectangle holding the window's outline.
pub fn frame(projection: Projection) -> Bounds {
    let (west, south, east, north) = WINDOW;
    let steps = 200;
    let mut outline = Vec::with_capacity(4 * (steps + 1));
    for i in 0..=steps {
        let t = i as f64 / steps as f64;
        let lon = west + (east - west) * t;
        let lat = south + (north - south) * t;
        outline.extend([
            projection.project(lon, south),
            projection.project(lon, north),
            projection.project(west, lat),
            projection.project(east, lat),
        ]);
    }
    Bounds::of_points(&outline).unwrap_or(Bounds { x0: 0.0, y0: 0.0, x1: 1.0, y1: 1.0 })
}

/// The points of an arc reference: `i` forwards, `!i` (that is −i − 1) backwards.
fn arc_points(reference: i64, arcs: &[Vec<(f64, f64)>]) -> Result<Vec<(f64, f64)>, MapImportError> {
    let index = if reference < 0 { !reference } else { reference };
    let arc = usize::try_from(index).ok().and_then(|i| arcs.get(i)).ok_or(MapImportError::BadArc { reference })?;
    let mut points = arc.clone();
    if reference < 0 {
        points.reverse();
    }
    Ok(points)
}

/// The points of a ring of arc references, without the closing repeat of the first point.
fn ring_points(ring: &[i64], arcs: &[Vec<(f64, f64)>]) -> Result<Vec<(f64, f64)>, MapImportError> {
    let mut points: Vec<(f64, f64)> = Vec::new();
    for reference in ring {
        let arc = arc_points(*reference, arcs)?;
        // Consecutive arcs share their joining point.
        let skip = usize::from(!points.is_empty());
        points.extend(arc.into_iter().skip(skip));
    }
    if points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    Ok(points)
}

/// Removes the borders inside one country: an arc used by two of its rings (once each way)
/// separates two parts of the same country; the remaining arcs are chained into new rings.
fn dissolve(rings: &[Vec<i64>], arcs: &[Vec<(f64, f64)>]) -> Result<Vec<Vec<i64>>, MapImportError> {
    let index = |r: i64| if r < 0 { !r } else { r };
    let mut uses: HashMap<i64, (usize, usize)> = HashMap::new();
    for reference in rings.iter().flatten() {
        let entry = uses.entry(index(*reference)).or_default();
        if *reference < 0 {
            entry.1 += 1;
        } else {
            entry.0 += 1;
        }
    }
    let internal = |r: i64| uses.get(&index(r)).is_some_and(|(forward, backward)| *forward > 0 && *backward > 0);
    if !rings.iter().flatten().any(|r| internal(*r)) {
        return Ok(rings.to_vec());
    }
    // Chain the outer arcs: from each unused arc, follow arcs starting where the last one ends.
    let key = |p: (f64, f64)| (p.0.to_bits(), p.1.to_bits());
    let remaining: Vec<i64> = rings.iter().flatten().copied().filter(|r| !internal(*r)).collect();
    let mut ends = Vec::with_capacity(remaining.len());
    for reference in &remaining {
        let points = arc_points(*reference, arcs)?;
        let (Some(first), Some(last)) = (points.first().copied(), points.last().copied()) else { continue };
        ends.push((*reference, key(first), key(last)));
    }
    let mut used = vec![false; ends.len()];
    let mut out = Vec::new();
    for start in 0..ends.len() {
        if used.get(start).copied().unwrap_or(true) {
            continue;
        }
        let Some(&(reference, first, mut last)) = ends.get(start) else { continue };
        if let Some(flag) = used.get_mut(start) {
            *flag = true;
        }
        let mut ring = vec![reference];
        while last != first {
            let next = ends.iter().enumerate().find(|(i, (_, from, _))| *from == last && !used.get(*i).copied().unwrap_or(true));
            let Some((i, &(next_reference, _, next_last))) = next else { break };
            if let Some(flag) = used.get_mut(i) {
                *flag = true;
            }
            ring.push(next_reference);
            last = next_last;
        }
        out.push(ring);
    }
    Ok(out)
}

/// Makes a ring's longitudes continuous: Natural Earth cuts shapes at ±180°, and a few rings
/// (Fiji, the east of Russia) step from 180° to −180°; adding or removing 360° after such a
/// step keeps the ring in one piece (it then lies beyond the frame instead of across it).
fn unwrap_longitudes(ring: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut offset = 0.0;
    let mut previous: Option<f64> = None;
    ring.iter()
        .map(|&(lon, lat)| {
            if let Some(last) = previous {
                if lon - last > 180.0 {
                    offset -= 360.0;
                } else if lon - last < -180.0 {
                    offset += 360.0;
                }
            }
            previous = Some(lon);
            (lon + offset, lat)
        })
        .collect()
}

/// Douglas–Peucker simplification of one arc: the indices of the points kept, always its ends.
/// A closed arc (an island drawn as one arc) also keeps its two points farthest from its
/// start, so it stays a polygon.
fn simplify_arc(arc: &[(f64, f64)], tolerance: f64) -> Vec<usize> {
    if arc.len() <= 2 {
        return (0..arc.len()).collect();
    }
    let last = arc.len() - 1;
    let mut keep = vec![false; arc.len()];
    let mut anchors = vec![0, last];
    if arc.first() == arc.last() {
        let start = arc.first().copied().unwrap_or_default();
        let far = farthest(arc, 0, last, |p| distance(p, start));
        let far_point = arc.get(far).copied().unwrap_or_default();
        let third = farthest(arc, 0, last, |p| segment_distance(p, start, far_point));
        anchors.extend([far, third]);
    }
    anchors.sort_unstable();
    anchors.dedup();
    for &anchor in &anchors {
        if let Some(flag) = keep.get_mut(anchor) {
            *flag = true;
        }
    }
    let mut stack: Vec<(usize, usize)> = anchors.windows(2).filter_map(|w| Some((*w.first()?, *w.get(1)?))).collect();
    while let Some((from, to)) = stack.pop() {
        if to <= from + 1 {
            continue;
        }
        let (a, b) = (arc.get(from).copied().unwrap_or_default(), arc.get(to).copied().unwrap_or_default());
        let worst = farthest(arc, from + 1, to - 1, |p| segment_distance(p, a, b));
        let worst_distance = arc.get(worst).map_or(0.0, |p| segment_distance(*p, a, b));
        if worst_distance > tolerance {
            if let Some(flag) = keep.get_mut(worst) {
                *flag = true;
            }
            stack.push((from, worst));
            stack.push((worst, to));
        }
    }
    keep.iter().enumerate().filter(|(_, k)| **k).map(|(i, _)| i).collect()
}

/// Index in `from..=to` of the point with the largest `measure`.
fn farthest(points: &[(f64, f64)], from: usize, to: usize, measure: impl Fn((f64, f64)) -> f64) -> usize {
    (from..=to)
        .filter_map(|i| points.get(i).map(|p| (i, measure(*p))))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(from, |(i, _)| i)
}

fn distance(p: (f64, f64), q: (f64, f64)) -> f64 {
    ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt()
}

/// Distance from `p` to the segment from `a` to `b`.
fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = dx * dx + dy * dy;
    if length2 == 0.0 {
        return distance(p, a);
    }
    let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length2).clamp(0.0, 1.0);
    distance(p, (a.0 + t * dx, a.1 + t * dy))
}

/// Sutherland–Hodgman clipping of a ring to a rectangle (exact for a convex clip region; a
/// concave ring cut in two keeps a zero-width seam along the frame's edge, which is invisible).
pub fn clip_to_frame(ring: &[(f64, f64)], frame: Bounds) -> Vec<(f64, f64)> {
    type Inside = fn((f64, f64), &Bounds) -> bool;
    let edges: [(Inside, bool, f64); 4] = [
        (|p, b| p.0 >= b.x0, true, frame.x0),
        (|p, b| p.0 <= b.x1, true, frame.x1),
        (|p, b| p.1 >= b.y0, false, frame.y0),
        (|p, b| p.1 <= b.y1, false, frame.y1),
    ];
    let mut points = ring.to_vec();
    for (inside, vertical, at) in edges {
        let Some(mut previous) = points.last().copied() else { return Vec::new() };
        let mut next = Vec::with_capacity(points.len() + 4);
        for &current in &points {
            let (now_in, was_in) = (inside(current, &frame), inside(previous, &frame));
            if now_in != was_in {
                next.push(crossing(previous, current, vertical, at));
            }
            if now_in {
                next.push(current);
            }
            previous = current;
        }
        points = next;
    }
    if points.len() < 3 {
        return Vec::new();
    }
    points
}

/// Where the segment from `p` to `q` crosses the line x = `at` (vertical) or y = `at`.
fn crossing(p: (f64, f64), q: (f64, f64), vertical: bool, at: f64) -> (f64, f64) {
    if vertical {
        let t = (at - p.0) / (q.0 - p.0);
        (at, p.1 + (q.1 - p.1) * t)
    } else {
        let t = (at - p.1) / (q.1 - p.1);
        (p.0 + (q.0 - p.0) * t, at)
    }
}

/// Rounds a ring to a grid of `step` km, dropping repeated points.
fn round_ring(ring: &[(f64, f64)], step: f64) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(ring.len());
    for &(x, y) in ring {
        let point = ((x / step).round() * step, (y / step).round() * step);
        let point = if step < 1.0 { ((point.0 * 10.0).round() / 10.0, (point.1 * 10.0).round() / 10.0) } else { point };
        if out.last() != Some(&point) {
            out.push(point);
        }
    }
    while out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    out
}

/// Rounds the rings, replaces any that simplification or rounding flattened by its detailed
/// version, and drops small islands, always keeping the country's largest ring.
fn finish_rings(simple: Vec<Vec<(f64, f64)>>, detailed: Vec<Vec<(f64, f64)>>) -> Vec<Vec<(f64, f64)>> {
    let usable = |ring: &Vec<(f64, f64)>| ring.len() >= 3 && ring_area(ring).abs() >= 1.0;
    let rings: Vec<Vec<(f64, f64)>> = simple
        .iter()
        .zip(&detailed)
        .filter_map(|(simple, detailed)| {
            [round_ring(simple, 1.0), round_ring(detailed, 1.0), round_ring(detailed, 0.1)]
                .into_iter()
                .find(|ring| usable(ring))
                .or_else(|| Some(round_ring(detailed, 0.1)).filter(|ring| ring.len() >= 3))
        })
        .collect();
    let largest = rings.iter().enumerate().max_by(|a, b| ring_area(a.1).abs().total_cmp(&ring_area(b.1).abs())).map(|(index, _)| index);
    rings
        .into_iter()
        .enumerate()
        .filter(|(index, ring)| Some(*index) == largest || ring_area(ring).abs() >= MIN_ISLAND_KM2)
        .map(|(_, ring)| ring)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_file_is_written_one_country_a_line_and_reads_back() {
        let country = |code: &str, name: &str, ring: Vec<f64>| RawMapCountry {
            code: code.to_string(),
            name_en: name.to_string(),
            name_fr: name.to_string(),
            rings: vec![ring],
        };
        let map = RawWorldMap {
            schema: SCHEMA.to_string(),
            schema_version: SCHEMA_VERSION,
            source: "test \"shapes\"".to_string(),
            projection: PROJECTION.to_string(),
            central_meridian: CENTRAL_MERIDIAN_DEG,
            unit: Some("km".to_string()),
            radius: Some(EARTH_RADIUS_KM),
            window: Some([WINDOW.0, WINDOW.1, WINDOW.2, WINDOW.3]),
            bounds: [-10.0, -10.0, 10.0, 10.0],
            countries: vec![
                country("NE", "Niger", vec![0.0, 0.0, 5.0, 0.0, 5.0, 5.5]),
                country("ML", "Mali", vec![-0.0, 1.0, -5.0, 1.0, -5.0, 6.0]),
            ],
        };
        let text = write_map(&map).unwrap();
        assert_eq!(
            text,
            "{\"schema\":\"eu-iom-dashboard/world-map\",\"schema_version\":1,\"source\":\"test \\\"shapes\\\"\",\"projection\":\"Equal Earth\",\
             \"central_meridian\":20,\"unit\":\"km\",\"radius\":6371,\"window\":[-27,-36,64,72],\"bounds\":[-10,-10,10,10],\"countries\":[\n\
             {\"code\":\"NE\",\"name_en\":\"Niger\",\"name_fr\":\"Niger\",\"rings\":[[0,0,5,0,5,5.5]]},\n\
             {\"code\":\"ML\",\"name_en\":\"Mali\",\"name_fr\":\"Mali\",\"rings\":[[0,1,-5,1,-5,6]]}\n]}\n"
        );
        let loaded = load_world_map(&text).unwrap();
        assert_eq!(loaded.countries().len(), 2);
    }

    #[test]
    fn arcs_are_delta_decoded_with_the_transform() {
        let topology: Topology = serde_json::from_str(
            r#"{"type":"Topology","transform":{"scale":[0.5,2],"translate":[-10,-20]},"objects":{},"arcs":[[[0,0],[2,1],[1,-1]]]}"#,
        )
        .unwrap();
        assert_eq!(decode_arcs(&topology), vec![vec![(-10.0, -20.0), (-9.0, -18.0), (-8.5, -20.0)]]);
    }

    #[test]
    fn douglas_peucker_keeps_ends_and_corners() {
        let arc = vec![(0.0, 0.0), (1.0, 0.1), (2.0, -0.1), (3.0, 5.0), (4.0, 6.0), (5.0, 7.0)];
        assert_eq!(simplify_arc(&arc, 0.5), vec![0, 2, 3, 5]);
        let island = vec![(0.0, 0.0), (10.0, 0.1), (10.0, 10.0), (0.1, 10.0), (0.0, 0.0)];
        let simple = simplify_arc(&island, 100.0);
        assert_eq!(simple.len(), 4, "a closed arc keeps three corners: {simple:?}");
    }

    #[test]
    fn rings_across_the_antimeridian_stay_whole() {
        let ring = vec![(179.0, -16.0), (-179.5, -16.5), (-179.0, -17.0), (179.5, -17.0)];
        assert_eq!(unwrap_longitudes(&ring), vec![(179.0, -16.0), (180.5, -16.5), (181.0, -17.0), (179.5, -17.0)]);
    }

    #[test]
    fn clipping_cuts_rings_at_the_frame() {
        let frame = Bounds { x0: 0.0, y0: 0.0, x1: 10.0, y1: 10.0 };
        let ring = vec![(-5.0, 2.0), (5.0, 2.0), (5.0, 8.0), (-5.0, 8.0)];
        let clipped = clip_to_frame(&ring, frame);
        assert_eq!(ring_area(&clipped).abs(), 30.0);
        assert!(clip_to_frame(&[(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)], frame).is_empty());
        let inside = vec![(1.0, 1.0), (2.0, 1.0), (2.0, 2.0)];
        assert_eq!(clip_to_frame(&inside, frame), inside);
    }

    #[test]
    fn internal_borders_are_dissolved() {
        // Two squares side by side sharing arc 1 (drawn up by the left square, down by the right).
        let arcs = vec![
            vec![(1.0, 1.0), (0.0, 1.0), (0.0, 0.0), (1.0, 0.0)],
            vec![(1.0, 0.0), (1.0, 1.0)],
            vec![(1.0, 0.0), (2.0, 0.0), (2.0, 1.0), (1.0, 1.0)],
        ];
        let rings = vec![vec![0, 1], vec![2, !1]];
        let dissolved = dissolve(&rings, &arcs).unwrap();
        assert_eq!(dissolved.len(), 1);
        let points = ring_points(&dissolved[0], &arcs).unwrap();
        assert_eq!(ring_area(&points).abs(), 2.0);
        assert_eq!(dissolve(&[vec![0, 1]], &arcs).unwrap(), vec![vec![0, 1]]);
    }

    #[test]
    fn the_frame_holds_the_window() {
        let projection = Projection { central_meridian: CENTRAL_MERIDIAN_DEG, radius: EARTH_RADIUS_KM };
        let frame = frame(projection);
        for (lon, lat) in [(-27.0, -36.0), (64.0, 72.0), (-17.5, 14.7), (51.4, 11.8), (28.0, 71.0)] {
            assert!(frame.contains(projection.project(lon, lat)), "{lon}, {lat}");
        }
    }

    #[test]
    fn tiny_rings_go_but_a_country_never_vanishes() {
        let big = vec![(0.0, 0.0), (100.0, 0.0), (100.0, 100.0), (0.0, 100.0)];
        let islet = vec![(200.0, 0.0), (205.0, 0.0), (205.0, 5.0)];
        let kept = finish_rings(vec![big.clone(), islet.clone()], vec![big, islet.clone()]);
        assert_eq!(kept.len(), 1);
        let micro = vec![(0.0, 0.0), (0.4, 0.0), (0.4, 0.4), (0.0, 0.4)];
        let kept = finish_rings(vec![micro.clone()], vec![micro]);
        assert_eq!(kept.len(), 1, "a microstate keeps its shape at 0.1 km");
        assert_eq!(kept[0][2], (0.4, 0.4));
    }
}
