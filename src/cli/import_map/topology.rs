//! The topology: TopoJSON arcs decoded into degrees, arc references into points, and the borders
//! inside one country dissolved.

use std::collections::HashMap;

use super::{MapImportError, Topology, Transform};

/// The arcs in degrees: quantized positions are delta-encoded from the arc's first point.
pub(super) fn decode_arcs(topology: &Topology) -> Vec<Vec<(f64, f64)>> {
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

/// The points of an arc reference: `i` forwards, `!i` (that is −i − 1) backwards.
pub(super) fn arc_points(reference: i64, arcs: &[Vec<(f64, f64)>]) -> Result<Vec<(f64, f64)>, MapImportError> {
    let index = if reference < 0 { !reference } else { reference };
    let arc = usize::try_from(index).ok().and_then(|i| arcs.get(i)).ok_or(MapImportError::BadArc { reference })?;
    let mut points = arc.clone();
    if reference < 0 {
        points.reverse();
    }
    Ok(points)
}

/// The points of a ring of arc references, without the closing repeat of the first point.
pub(super) fn ring_points(ring: &[i64], arcs: &[Vec<(f64, f64)>]) -> Result<Vec<(f64, f64)>, MapImportError> {
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
pub(super) fn dissolve(rings: &[Vec<i64>], arcs: &[Vec<(f64, f64)>]) -> Result<Vec<Vec<i64>>, MapImportError> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::map::ring_area;

    #[test]
    fn arcs_are_delta_decoded_with_the_transform() {
        let topology: Topology = serde_json::from_str(
            r#"{"type":"Topology","transform":{"scale":[0.5,2],"translate":[-10,-20]},"objects":{},"arcs":[[[0,0],[2,1],[1,-1]]]}"#,
        )
        .unwrap();
        assert_eq!(decode_arcs(&topology), vec![vec![(-10.0, -20.0), (-9.0, -18.0), (-8.5, -20.0)]]);
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
}
