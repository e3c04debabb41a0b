//! The shapes: Douglas–Peucker simplification of the arcs, longitudes made continuous across
//! the antimeridian, rings clipped to the frame, rounded, and small islands dropped.

use super::MIN_ISLAND_KM2;
use crate::domain::map::{ring_area, Bounds};

/// Makes a ring's longitudes continuous: Natural Earth cuts shapes at ±180°, and a few rings
/// (Fiji, the east of Russia) step from 180° to −180°; adding or removing 360° after such a
/// step keeps the ring in one piece (it then lies beyond the frame instead of across it).
pub(super) fn unwrap_longitudes(ring: &[(f64, f64)]) -> Vec<(f64, f64)> {
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
pub(super) fn simplify_arc(arc: &[(f64, f64)], tolerance: f64) -> Vec<usize> {
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
pub(super) fn farthest(points: &[(f64, f64)], from: usize, to: usize, measure: impl Fn((f64, f64)) -> f64) -> usize {
    (from..=to)
        .filter_map(|i| points.get(i).map(|p| (i, measure(*p))))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(from, |(i, _)| i)
}

pub(super) fn distance(p: (f64, f64), q: (f64, f64)) -> f64 {
    ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt()
}

/// Distance from `p` to the segment from `a` to `b`.
pub(super) fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
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
pub(super) fn crossing(p: (f64, f64), q: (f64, f64), vertical: bool, at: f64) -> (f64, f64) {
    if vertical {
        let t = (at - p.0) / (q.0 - p.0);
        (at, p.1 + (q.1 - p.1) * t)
    } else {
        let t = (at - p.1) / (q.1 - p.1);
        (p.0 + (q.0 - p.0) * t, at)
    }
}

/// Rounds a ring to a grid of `step` km, dropping repeated points.
pub(super) fn round_ring(ring: &[(f64, f64)], step: f64) -> Vec<(f64, f64)> {
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
pub(super) fn finish_rings(simple: Vec<Vec<(f64, f64)>>, detailed: Vec<Vec<(f64, f64)>>) -> Vec<Vec<(f64, f64)>> {
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
