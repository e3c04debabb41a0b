//! Class breaks for the choropleth: quantile classes with round thresholds (their words are in
//! `text::labels`).

/// Most classes a choropleth uses: more are hard to tell apart by colour.
pub const MAX_CLASSES: usize = 5;

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
    use crate::domain::lang::Lang;

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
        let per_class: Vec<usize> = (0..5).map(|c| values.iter().filter(|v| breaks.class_of(**v) == c).count()).collect();
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
