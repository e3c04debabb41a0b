//! The Equal Earth projection (equal-area, so a country's area on screen is true to its size),
//! on the unit sphere and centred on a meridian in kilometres.

/// Radius of the sphere the map is projected from: the mean (authalic) Earth radius, in km.
pub const EARTH_RADIUS_KM: f64 = 6371.0;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::map::shapes::ring_area;

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
            let ring: Vec<(f64, f64)> =
                [(0.0, lat), (1.0, lat), (1.0, lat + 1.0), (0.0, lat + 1.0)].iter().map(|&(lon, lat)| equal_earth(lon, lat)).collect();
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
}
