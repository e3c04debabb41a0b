//! Converts Natural Earth country shapes (TopoJSON from the npm package `world-atlas`) into
//! the dashboard's map file, `public/data/world-map.json` (schema `eu-iom-dashboard/world-map`).
//!
//! The steps, each a function with its constants at the top of this file (the arcs and borders in
//! `topology`, the shaping of rings in `simplify`):
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
    load_world_map, Bounds, Projection, RawMapCountry, RawWorldMap, EARTH_RADIUS_KM, PROJECTION, SCHEMA, SCHEMA_VERSION,
};

mod simplify;
mod topology;

pub use simplify::clip_to_frame;
use simplify::{finish_rings, simplify_arc, unwrap_longitudes};
use topology::{decode_arcs, dissolve, ring_points};

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
    fn the_frame_holds_the_window() {
        let projection = Projection { central_meridian: CENTRAL_MERIDIAN_DEG, radius: EARTH_RADIUS_KM };
        let frame = frame(projection);
        for (lon, lat) in [(-27.0, -36.0), (64.0, 72.0), (-17.5, 14.7), (51.4, 11.8), (28.0, 71.0)] {
            assert!(frame.contains(projection.project(lon, lat)), "{lon}, {lat}");
        }
    }
}
