//! Map geometry for the choropleth, pure: the Equal Earth projection, the country shapes,
//! point-in-polygon hit testing, class breaks (their words are in `text::labels`), and the map
//! file (`public/data/world-map.json`) loaded with typed errors.
//! What the map shows for a selection (the shaded metric, the outlined countries) is in
//! [`choropleth`].
//!
//! Map coordinates are Equal Earth x (east) and y (north) in kilometres on a sphere of radius
//! [`EARTH_RADIUS_KM`], so areas are true areas in km². Screen placement (flipping y, fitting
//! to a drawing area) belongs to `chart::map`.

pub mod projection;
pub mod shapes;
pub mod hit;
pub mod breaks;
pub mod file;
pub mod choropleth;

pub use breaks::{class_breaks, roundest_between, ClassBreaks, MAX_CLASSES};
pub use file::{
    load_world_map, CountryProblem, MapError, RawMapCountry, RawWorldMap, MAP_FILE, MAX_BYTES, PROJECTION, SCHEMA, SCHEMA_VERSION,
};
pub use hit::{inside_spans, point_in_rings};
pub use projection::{equal_earth, Projection, A1, A2, A3, A4, EARTH_RADIUS_KM};
pub use shapes::{ring_area, Bounds, MapCountry, WorldMap};

/// A square ring with its lower left corner at (x, y), for the tests of the submodules.
#[cfg(test)]
fn square(x: f64, y: f64, side: f64) -> Vec<(f64, f64)> {
    vec![(x, y), (x + side, y), (x + side, y + side), (x, y + side)]
}
