//! What the keyboard, the pointer and the tooltip do on a drawn chart, pure: which point a key
//! focuses among the points the chart reported ([`crate::chart::ChartLayout`]), which point a
//! mouse, a pen or a finger shows ([`Pointed::after`]), and where the tooltip
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

/// What kind of pointer an event comes from (`PointerEvent.pointerType`): one that can hover
/// (a mouse, a pen held above the screen) or a finger, which only touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    /// A mouse or a pen: moving shows the point under it.
    Hovering,
    /// A finger: a tap shows the point under it.
    Touch,
}

impl Pointer {
    /// The kind of a `pointerType`: `touch` is a finger, anything else hovers.
    pub fn of(pointer_type: &str) -> Pointer {
        if pointer_type == "touch" {
            Pointer::Touch
        } else {
            Pointer::Hovering
        }
    }

    /// How far from a point (CSS pixels) the pointer still reaches it: a fingertip covers more
    /// than a mouse cursor. `shapes` is true when the chart hit-tests shapes (the map), where
    /// the nearest point only helps at the edges.
    pub fn reach(self, shapes: bool) -> f64 {
        match (self, shapes) {
            (Pointer::Hovering, true) => 8.0,
            (Pointer::Touch, true) => 12.0,
            (Pointer::Hovering, false) => 24.0,
            (Pointer::Touch, false) => 32.0,
        }
    }
}

/// What happened to a pointer over the chart, where (CSS pixels from the chart's left edge).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PointerStep {
    /// It was pressed (for a finger: it touched the screen).
    Down(f64),
    /// It moved (for a finger: it slid sideways, the one swipe the page leaves to the chart).
    Move(f64),
    /// It was lifted (for a finger: the end of a tap or a swipe).
    Up(f64),
    /// It left the chart (for a finger this comes right after every lift).
    Leave,
}

/// How far a finger may drift (CSS pixels) and still tap rather than swipe.
pub const TAP_SLOP: f64 = 10.0;

/// Which point the chart shows: the one under a hovering pointer, and the one chosen by keys
/// or a finger (a tap focuses the chart, so it is the same choice).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pointed<T> {
    /// Under the mouse or pen.
    pub hover: Option<T>,
    /// Chosen by arrow keys, a tap or a swipe.
    pub chosen: Option<T>,
    /// Where the finger on the chart went down, while it is down.
    pub touch_start: Option<f64>,
}

impl<T> Default for Pointed<T> {
    /// Nothing shown.
    fn default() -> Self {
        Pointed { hover: None, chosen: None, touch_start: None }
    }
}

impl<T: Copy> Pointed<T> {
    /// The point whose tooltip shows: the hovered one, else the chosen one.
    pub fn shown(self) -> Option<T> {
        self.hover.or(self.chosen)
    }

    /// Whether a finger down at `start` and now at `x` is swiping rather than tapping.
    fn swiping(start: Option<f64>, x: f64) -> bool {
        start.is_some_and(|start| (x - start).abs() > TAP_SLOP)
    }

    /// What the chart shows after `step` of a `pointer` that is over `hit` (the point within
    /// its reach, if any). A hovering pointer shows what it is over and nothing once it leaves.
    /// A finger chooses: a tap (lifted within [`TAP_SLOP`] of where it went down) on a point
    /// shows that point, and anywhere else on the chart hides the tooltip (a tap outside the
    /// chart hides it by taking the focus away); a sideways swipe moves the choice to each
    /// point it passes and keeps the last one when lifted; the leave that follows every lift
    /// changes nothing, so the tooltip stays.
    pub fn after(self, pointer: Pointer, step: PointerStep, hit: Option<T>) -> Pointed<T> {
        match (pointer, step) {
            (Pointer::Hovering, PointerStep::Move(_)) => Pointed { hover: hit, ..self },
            (Pointer::Hovering, PointerStep::Leave) => Pointed { hover: None, ..self },
            (Pointer::Hovering, PointerStep::Down(_) | PointerStep::Up(_)) | (Pointer::Touch, PointerStep::Leave) => self,
            (Pointer::Touch, PointerStep::Down(x)) => Pointed { touch_start: Some(x), ..self },
            (Pointer::Touch, PointerStep::Move(x)) if Self::swiping(self.touch_start, x) => Pointed { chosen: hit.or(self.chosen), ..self },
            (Pointer::Touch, PointerStep::Move(_)) => self,
            (Pointer::Touch, PointerStep::Up(x)) if Self::swiping(self.touch_start, x) => Pointed { touch_start: None, ..self },
            (Pointer::Touch, PointerStep::Up(_)) => Pointed { chosen: hit, touch_start: None, ..self },
        }
    }
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

    const NONE: Pointed<usize> = Pointed { hover: None, chosen: None, touch_start: None };

    fn tap(from: Pointed<usize>, x: f64, hit: Option<usize>) -> Pointed<usize> {
        let down = from.after(Pointer::Touch, PointerStep::Down(x), hit);
        // A finger drifts a little during a tap.
        let drift = down.after(Pointer::Touch, PointerStep::Move(x + 3.0), hit);
        drift.after(Pointer::Touch, PointerStep::Up(x + 4.0), hit).after(Pointer::Touch, PointerStep::Leave, None)
    }

    #[test]
    fn a_finger_is_touch_and_every_other_pointer_hovers() {
        assert_eq!(Pointer::of("touch"), Pointer::Touch);
        for kind in ["mouse", "pen", ""] {
            assert_eq!(Pointer::of(kind), Pointer::Hovering, "{kind:?}");
        }
        assert!(Pointer::Touch.reach(false) > Pointer::Hovering.reach(false), "a fingertip reaches further");
        assert!(Pointer::Touch.reach(true) > Pointer::Hovering.reach(true));
        assert!(Pointer::Touch.reach(true) < Pointer::Touch.reach(false), "shapes are hit-tested first");
    }

    #[test]
    fn a_tap_on_a_point_shows_it_and_the_leave_after_the_lift_keeps_it() {
        let tapped = tap(NONE, 100.0, Some(3));
        assert_eq!(tapped, Pointed { hover: None, chosen: Some(3), touch_start: None });
        assert_eq!(tap(tapped, 200.0, Some(9)).shown(), Some(9), "a tap on another point moves it");
    }

    #[test]
    fn a_tap_beside_every_point_hides_the_tooltip() {
        let tapped = tap(NONE, 100.0, Some(3));
        assert_eq!(tap(tapped, 10.0, None), NONE);
    }

    #[test]
    fn a_sideways_swipe_moves_the_choice_through_the_points_it_passes_and_keeps_the_last() {
        let down = Pointed { hover: None, chosen: Some(7), touch_start: None }.after(Pointer::Touch, PointerStep::Down(300.0), None);
        assert_eq!(down.after(Pointer::Touch, PointerStep::Move(295.0), Some(4)).shown(), Some(7), "within the slop it is still a tap");
        let over = down.after(Pointer::Touch, PointerStep::Move(250.0), Some(3));
        assert_eq!(over.shown(), Some(3));
        let between = over.after(Pointer::Touch, PointerStep::Move(200.0), None);
        assert_eq!(between.shown(), Some(3), "between points it stays");
        let lifted = between.after(Pointer::Touch, PointerStep::Up(190.0), None);
        assert_eq!(
            lifted,
            Pointed { hover: None, chosen: Some(3), touch_start: None },
            "lifted away from a point, the swipe keeps its choice"
        );
    }

    #[test]
    fn a_mouse_shows_what_it_is_over_until_it_leaves_and_keeps_the_keyboard_choice() {
        let chosen = Pointed { hover: None, chosen: Some(9), touch_start: None };
        let hovering = chosen.after(Pointer::Hovering, PointerStep::Move(10.0), Some(3));
        assert_eq!(hovering, Pointed { hover: Some(3), ..chosen });
        assert_eq!(hovering.after(Pointer::Hovering, PointerStep::Down(10.0), Some(7)), hovering);
        assert_eq!(hovering.after(Pointer::Hovering, PointerStep::Up(10.0), Some(7)), hovering, "a click leaves the choice to activation");
        assert_eq!(hovering.after(Pointer::Hovering, PointerStep::Move(80.0), None).shown(), Some(9));
        assert_eq!(hovering.after(Pointer::Hovering, PointerStep::Leave, Some(3)), chosen);
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
