//! The map file (`public/data/world-map.json`, schema `eu-iom-dashboard/world-map`): the
//! envelope every dashboard file shares ([`crate::domain::dataset::json`]), then its own checks, typed
//! errors and reading into a [`WorldMap`] (the errors' words are in `text::notices`).

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::domain::dataset::json::{FileError, FileSpec};
use crate::domain::dataset::model::LocalName;
use crate::domain::map::projection::{Projection, EARTH_RADIUS_KM};
use crate::domain::map::shapes::{Bounds, MapCountry, WorldMap};

/// The `schema` value every map file declares.
pub const SCHEMA: &str = "eu-iom-dashboard/world-map";
/// The map schema version this build reads and writes.
pub const SCHEMA_VERSION: u64 = 1;
/// The only projection this build draws.
pub const PROJECTION: &str = "Equal Earth";
/// Largest map file accepted, in bytes.
pub const MAX_BYTES: u64 = 8_000_000;
/// What a map file must be: its schema, version and size limit.
pub const MAP_FILE: FileSpec = FileSpec { schema: SCHEMA, version: SCHEMA_VERSION, max_bytes: MAX_BYTES };

/// Why a map file could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum MapError {
    /// The file fails the checks every dashboard file shares: empty, too large, not JSON, not
    /// an object, another schema or version.
    File(FileError),
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

/// The map file as written (by `eu-iom-data import-map`) and read: rings are flat lists
/// `x, y, x, y, …` in map coordinates.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RawWorldMap {
    /// [`SCHEMA`] (checked before the rest is read).
    pub schema: String,
    /// [`SCHEMA_VERSION`] (checked before the rest is read).
    pub schema_version: u64,
    /// Where the shapes and names come from.
    pub source: String,
    /// [`PROJECTION`].
    pub projection: String,
    /// The projection's central meridian, in degrees.
    pub central_meridian: f64,
    /// Unit of the coordinates (`km`), for people reading the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The Earth's radius in that unit, for people reading the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub radius: Option<f64>,
    /// Longitudes and latitudes the map was cut to (west, south, east, north), for people reading the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<[f64; 4]>,
    /// The map's frame in map coordinates: x0, y0, x1, y1.
    pub bounds: [f64; 4],
    /// The countries.
    pub countries: Vec<RawMapCountry>,
}

/// One country as written.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RawMapCountry {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// English name.
    pub name_en: String,
    /// French name.
    pub name_fr: String,
    /// Rings, each a flat list `x, y, x, y, …`.
    pub rings: Vec<Vec<f64>>,
}

/// Reads a map file (schema `eu-iom-dashboard/world-map`, version 1).
///
/// # Errors
/// A [`MapError`] when the text fails the envelope (empty, too large, not JSON, not a map of
/// this schema and version), has another projection, or when a country record is unusable.
pub fn load_world_map(text: &str) -> Result<WorldMap, MapError> {
    let mut file: Map<String, Value> = MAP_FILE.read(text).map_err(MapError::File)?;
    // The envelope has checked the schema and its version; the type the file is written from
    // reads them back with the rest.
    file.insert("schema".into(), SCHEMA.into());
    file.insert("schema_version".into(), SCHEMA_VERSION.into());
    let raw: RawWorldMap =
        serde_json::from_value(Value::Object(file)).map_err(|error| MapError::WrongShape { detail: error.to_string() })?;
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
    let projection = Projection { central_meridian: raw.central_meridian, radius: EARTH_RADIUS_KM };
    Ok(WorldMap::new(&raw.source, projection, frame, countries))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lang::Lang;

    #[test]
    fn loading_reports_typed_errors() {
        assert_eq!(load_world_map("  "), Err(MapError::File(FileError::Empty)));
        assert!(matches!(load_world_map("{"), Err(MapError::File(FileError::NotJson { line: 1, .. }))));
        assert_eq!(load_world_map(r#"{"schema":"other"}"#), Err(MapError::File(FileError::WrongSchema { found: "other".into() })));
        assert_eq!(
            load_world_map(r#"{"schema":"eu-iom-dashboard/world-map","schema_version":2}"#),
            Err(MapError::File(FileError::UnsupportedVersion { found: "2".into() }))
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
    fn the_envelope_is_the_dataset_files_one() {
        let head = r#""schema":"eu-iom-dashboard/world-map","schema_version":1,"source":"s","central_meridian":20,"bounds":[0,0,10,10]"#;
        let ok = format!(
            r#"{{{head},"projection":"Equal Earth","countries":[{{"code":"LY","name_en":"Libya","name_fr":"Libye","rings":[[0,0,4,0,4,4]]}}]}}"#
        );
        assert!(load_world_map(&format!("\u{feff}{ok}")).is_ok(), "a byte-order mark is dropped, as for the dataset");
        let error = load_world_map("[1, 2]").unwrap_err();
        assert_eq!(error, MapError::File(FileError::NotAnObject));
        assert_eq!(error.message(Lang::En), "the map file does not have the expected structure: expected a JSON object");
        let big = format!("{{\"padding\": \"{}\"}}", "x".repeat(9_000_000));
        assert_eq!(load_world_map(&big).unwrap_err().to_string(), "the map file is too large (9 MB; the limit is 8 MB)");
    }
}
