//! Hit testing on rings: whether a point lies inside (even–odd rule), and which parts of a
//! segment do (for hatching and labels).

use crate::domain::map::shapes::edges;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::map::square;

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
}
