//! What the keyboard and the tooltip do on a drawn chart, pure: which point a key focuses
//! among the points the chart reported ([`crate::chart::ChartLayout`]), and where the tooltip
//! of a point goes so that it stays inside the chart's frame. The canvas in `ui` only calls
//! these.

/// What a key pressed on a chart asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMove<T> {
    /// Focus this point (arrows, Home, End).
    Focus(T),
    /// Leave the points (Escape).
    Clear,
    /// Activate the focused point (Enter, Space).
    Activate(T),
}

/// What `key` (a `KeyboardEvent.key`) does on a chart whose points are `points`, in reading
/// order, when `focused` has focus: arrows step (right and down forwards, left and up
/// backwards, stopping at the ends; from no focus, forwards starts at the first point and
/// backwards at the last), Home and End jump to the ends, Escape clears the focus, Enter and
/// Space activate the focused point. `None` for any other key, for Enter without a focused
/// point, and for every key while the chart has no points.
pub fn key_move<T: Copy + PartialEq>(key: &str, points: &[T], focused: Option<T>) -> Option<KeyMove<T>> {
    let last = points.len().checked_sub(1)?;
    let current = focused.and_then(|f| points.iter().position(|p| *p == f));
    let next = match key {
        "ArrowRight" | "ArrowDown" => current.map_or(0, |i| (i + 1).min(last)),
        "ArrowLeft" | "ArrowUp" => current.map_or(last, |i| i.saturating_sub(1)),
        "Home" => 0,
        "End" => last,
        "Escape" => return Some(KeyMove::Clear),
        "Enter" | " " => return focused.map(KeyMove::Activate),
        _ => return None,
    };
    points.get(next).copied().map(KeyMove::Focus)
}

/// The width kept for a tooltip (CSS pixels): the stylesheet's `min(18.5rem, 90%)`, rounded up.
pub const TOOLTIP_WIDTH: f64 = 300.0;

/// How far a tooltip sits right of and below its point (CSS pixels).
pub const TOOLTIP_OFFSET: f64 = 14.0;

/// Where a tooltip's top left corner goes, in CSS pixels from the frame's top left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TooltipPosition {
    /// From the frame's left edge.
    pub left: f64,
    /// From the frame's top edge.
    pub top: f64,
}

/// Places the tooltip of a point at (`x`, `y`) in a frame `frame_width` wide: right of and
/// below the point, or left of it when a tooltip there would run past the right edge, never
/// past the left or top edge.
pub fn tooltip_position(x: f64, y: f64, frame_width: f64) -> TooltipPosition {
    let left = if x + TOOLTIP_WIDTH > frame_width { (x - TOOLTIP_WIDTH).max(0.0) } else { x + TOOLTIP_OFFSET };
    TooltipPosition { left, top: (y + TOOLTIP_OFFSET).max(0.0) }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POINTS: [usize; 3] = [7, 3, 9];

    fn press(key: &str, focused: Option<usize>) -> Option<KeyMove<usize>> {
        key_move(key, &POINTS, focused)
    }

    #[test]
    fn arrows_step_through_the_points_and_stop_at_both_ends() {
        assert_eq!(press("ArrowRight", Some(7)), Some(KeyMove::Focus(3)));
        assert_eq!(press("ArrowDown", Some(3)), Some(KeyMove::Focus(9)));
        assert_eq!(press("ArrowRight", Some(9)), Some(KeyMove::Focus(9)), "stays on the last point");
        assert_eq!(press("ArrowLeft", Some(9)), Some(KeyMove::Focus(3)));
        assert_eq!(press("ArrowUp", Some(3)), Some(KeyMove::Focus(7)));
        assert_eq!(press("ArrowLeft", Some(7)), Some(KeyMove::Focus(7)), "stays on the first point");
    }

    #[test]
    fn without_focus_forwards_starts_at_the_first_point_and_backwards_at_the_last() {
        for focused in [None, Some(42)] {
            assert_eq!(press("ArrowRight", focused), Some(KeyMove::Focus(7)), "{focused:?}");
            assert_eq!(press("ArrowDown", focused), Some(KeyMove::Focus(7)), "{focused:?}");
            assert_eq!(press("ArrowLeft", focused), Some(KeyMove::Focus(9)), "{focused:?}");
            assert_eq!(press("ArrowUp", focused), Some(KeyMove::Focus(9)), "{focused:?}");
        }
    }

    #[test]
    fn home_and_end_jump_to_the_ends_from_anywhere() {
        for focused in [None, Some(7), Some(3), Some(9)] {
            assert_eq!(press("Home", focused), Some(KeyMove::Focus(7)), "{focused:?}");
            assert_eq!(press("End", focused), Some(KeyMove::Focus(9)), "{focused:?}");
        }
    }

    #[test]
    fn escape_clears_and_enter_or_space_activate_the_focused_point() {
        assert_eq!(press("Escape", Some(3)), Some(KeyMove::Clear));
        assert_eq!(press("Escape", None), Some(KeyMove::Clear));
        assert_eq!(press("Enter", Some(3)), Some(KeyMove::Activate(3)));
        assert_eq!(press(" ", Some(9)), Some(KeyMove::Activate(9)));
        assert_eq!(press("Enter", None), None, "nothing to activate");
    }

    #[test]
    fn other_keys_are_left_to_the_browser() {
        for key in ["Tab", "a", "PageDown", "", "arrowright"] {
            assert_eq!(press(key, Some(3)), None, "{key:?}");
        }
    }

    #[test]
    fn a_chart_without_points_takes_no_key() {
        for key in ["ArrowRight", "ArrowLeft", "Home", "End", "Escape", "Enter", " "] {
            assert_eq!(key_move::<usize>(key, &[], None), None, "{key:?}");
            assert_eq!(key_move::<usize>(key, &[], Some(1)), None, "{key:?}");
        }
    }

    #[test]
    fn a_single_point_is_both_ends() {
        for key in ["ArrowRight", "ArrowLeft", "Home", "End"] {
            assert_eq!(key_move(key, &[5], Some(5)), Some(KeyMove::Focus(5)), "{key:?}");
            assert_eq!(key_move(key, &[5], None), Some(KeyMove::Focus(5)), "{key:?}");
        }
    }

    #[test]
    fn the_tooltip_sits_right_of_and_below_its_point() {
        assert_eq!(tooltip_position(100.0, 50.0, 800.0), TooltipPosition { left: 114.0, top: 64.0 });
        // Just fits: the point plus the tooltip's width reaches the right edge exactly.
        assert_eq!(tooltip_position(500.0, 0.0, 800.0), TooltipPosition { left: 514.0, top: 14.0 });
    }

    #[test]
    fn near_the_right_edge_the_tooltip_goes_left_of_its_point() {
        assert_eq!(tooltip_position(501.0, 50.0, 800.0), TooltipPosition { left: 201.0, top: 64.0 });
        assert_eq!(tooltip_position(790.0, 50.0, 800.0).left, 490.0);
    }

    #[test]
    fn in_a_narrow_frame_the_tooltip_stops_at_the_left_edge() {
        assert_eq!(tooltip_position(120.0, 50.0, 320.0).left, 0.0);
        assert_eq!(tooltip_position(0.0, 50.0, 200.0).left, 0.0);
    }

    #[test]
    fn near_the_top_the_tooltip_stays_inside_the_frame() {
        assert_eq!(tooltip_position(10.0, 0.0, 800.0).top, 14.0);
        assert_eq!(tooltip_position(10.0, -5.0, 800.0).top, 9.0);
        assert_eq!(tooltip_position(10.0, -40.0, 800.0).top, 0.0, "a point drawn above the frame");
    }
}
