//! Linear scales from data to pixels, and "nice" tick values (1, 2, 2.5, 5 × 10ⁿ).

/// Maps a data interval onto a pixel interval (which may run backwards, as y does on screen).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    domain: (f64, f64),
    range: (f64, f64),
}

impl LinearScale {
    /// A scale from `domain` to `range`. A zero-width domain is widened by one unit so the
    /// scale stays invertible.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        let (mut lo, mut hi) = domain;
        if !(lo.is_finite() && hi.is_finite()) {
            (lo, hi) = (0.0, 1.0);
        }
        if (hi - lo).abs() < f64::EPSILON {
            hi = lo + 1.0;
        }
        LinearScale { domain: (lo, hi), range }
    }

    /// Pixel position of a data value.
    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    /// Data value at a pixel position.
    pub fn invert(&self, pixel: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if (r1 - r0).abs() < f64::EPSILON {
            return d0;
        }
        d0 + (pixel - r0) / (r1 - r0) * (d1 - d0)
    }

    /// The data interval.
    pub fn domain(&self) -> (f64, f64) {
        self.domain
    }
}

/// A step of the form {1, 2, 2.5, 5} × 10ⁿ giving at most about `target` steps over `span`.
pub fn nice_step(span: f64, target: usize) -> f64 {
    if !(span.is_finite() && span > 0.0) || target == 0 {
        return 1.0;
    }
    let raw = span / target as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let fraction = raw / magnitude;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 2.5 {
        2.5
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// Ticks from zero up to at least `max`: the axis always includes zero, so bars and lines are
/// not exaggerated; the last tick is the first multiple of the step at or above `max`.
pub fn ticks_from_zero(max: f64, target: usize) -> Vec<f64> {
    let max = if max.is_finite() && max > 0.0 { max } else { 1.0 };
    let step = nice_step(max, target.max(1));
    let n = (max / step - 1e-9).ceil().max(1.0) as usize;
    // Rounding to two digits below the step keeps 0.6 from becoming 0.6000000000000001.
    let precision = 10f64.powi((2 - step.log10().floor() as i32).max(0));
    (0..=n).map(|i| (i as f64 * step * precision).round() / precision).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_nice() {
        assert_eq!(nice_step(114_000.0, 5), 25_000.0);
        assert_eq!(nice_step(100.0, 5), 20.0);
        assert_eq!(nice_step(1.0, 4), 0.25);
        assert_eq!(nice_step(1.88e9, 4), 5e8);
        assert_eq!(nice_step(0.0, 5), 1.0);
        assert_eq!(nice_step(f64::NAN, 5), 1.0);
    }

    #[test]
    fn ticks_start_at_zero_and_cover_the_maximum() {
        assert_eq!(ticks_from_zero(114_000.0, 5), vec![0.0, 25_000.0, 50_000.0, 75_000.0, 100_000.0, 125_000.0]);
        assert_eq!(ticks_from_zero(100_000.0, 5), vec![0.0, 20_000.0, 40_000.0, 60_000.0, 80_000.0, 100_000.0]);
        assert_eq!(ticks_from_zero(0.0, 4), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(ticks_from_zero(1.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(ticks_from_zero(34.0, 4), vec![0.0, 10.0, 20.0, 30.0, 40.0]);
    }

    #[test]
    fn scales_map_and_invert() {
        let y = LinearScale::new((0.0, 100.0), (300.0, 100.0));
        assert_eq!(y.map(0.0), 300.0);
        assert_eq!(y.map(100.0), 100.0);
        assert_eq!(y.map(50.0), 200.0);
        assert_eq!(y.invert(200.0), 50.0);
        let flat = LinearScale::new((5.0, 5.0), (0.0, 10.0));
        assert!(flat.map(5.0).is_finite());
    }
}
