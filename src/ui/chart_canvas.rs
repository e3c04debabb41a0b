//! A chart on a canvas, whatever it draws: sized to its container at device resolution,
//! repainted when its inputs change, with pointer hover and arrow-key focus moving between the
//! points the chart reports, a live tooltip, and a text alternative.

use std::rc::Rc;
use std::sync::Arc;

use leptos::ev::{KeyboardEvent, MouseEvent, PointerEvent};
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use plotters_canvas::CanvasBackend;

use crate::chart::{ChartError, ChartLayout, Style};
use crate::domain::messages::{msg, Msg};
use crate::web::canvas::{prepare, text_measure};
use crate::web::env;
use crate::web::observe::{watch_width, SizeWatch};

/// Draws on the canvas in a style, highlighting a figure; returns what it drew.
pub type Paint = Rc<dyn Fn(&DrawingArea<CanvasBackend, Shift>, &Style, Option<usize>) -> Result<ChartLayout, ChartError>>;

/// What a chart canvas needs from its owner. Closures are called inside reactive effects, so
/// any signal they read makes the chart repaint when it changes.
pub struct ChartCanvasProps {
    /// `data-testid` of the frame (the canvas gets `<id>-canvas`).
    pub test_id: &'static str,
    /// Accessible name of the interactive frame (how to use it).
    pub label: Signal<String>,
    /// Text alternative: what the chart shows.
    pub description: Signal<String>,
    /// Height in CSS pixels for a given width.
    pub height: Rc<dyn Fn(f64) -> f64>,
    /// The drawing.
    pub paint: Paint,
    /// Tooltip lines for a figure.
    pub tooltip: Arc<dyn Fn(usize) -> Vec<String> + Send + Sync>,
    /// Style of the drawing (language, theme); the device pixel ratio and text measure are set here.
    pub style: Signal<Style>,
    /// Called with a figure when the user activates it (Enter, click).
    pub on_activate: Option<Rc<dyn Fn(usize)>>,
}

/// The chart canvas with its interaction and text alternative.
pub fn chart_canvas(props: ChartCanvasProps) -> impl IntoView {
    let ChartCanvasProps { test_id, label, description, height, paint, tooltip, style, on_activate } = props;
    let frame = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    let width = RwSignal::new(0.0_f64);
    let layout = RwSignal::new(ChartLayout::default());
    let focus = RwSignal::new(None::<usize>);
    let hover = RwSignal::new(None::<usize>);
    let watch = StoredValue::new_local(None::<SizeWatch>);
    let description_id = format!("{test_id}-description");

    Effect::new(move |_| {
        if let Some(element) = frame.get() {
            watch.set_value(watch_width(&element, move |w| width.set(w)));
        }
    });

    let measure = text_measure();
    Effect::new(move |_| {
        let css_width = width.get();
        let highlighted = hover.get().or(focus.get());
        let Some(canvas) = canvas.get() else { return };
        if css_width < 1.0 {
            return;
        }
        let mut style = style.get();
        style.scale = env::device_pixel_ratio();
        style.measure = Some(measure.clone());
        let css_height = height(css_width);
        let outcome = prepare(&canvas, css_width, css_height, style.scale).and_then(|area| paint(&area, &style, highlighted));
        match outcome {
            Ok(drawn) => layout.set(drawn),
            Err(error) => env::warn(&error.to_string()),
        }
        env::mark(&format!("{test_id}-drawn"));
    });

    let figures = move || layout.with_untracked(|l| l.points.iter().map(|p| p.figure).collect::<Vec<_>>());
    let activate = on_activate.clone();
    let on_key = move |event: KeyboardEvent| {
        let points = figures();
        if points.is_empty() {
            return;
        }
        let current = focus.get_untracked().and_then(|f| points.iter().position(|p| *p == f));
        let last = points.len() - 1;
        let next = match event.key().as_str() {
            "ArrowRight" | "ArrowDown" => current.map_or(0, |i| (i + 1).min(last)),
            "ArrowLeft" | "ArrowUp" => current.map_or(last, |i| i.saturating_sub(1)),
            "Home" => 0,
            "End" => last,
            "Escape" => {
                focus.set(None);
                return;
            }
            "Enter" | " " => {
                if let (Some(figure), Some(activate)) = (focus.get_untracked(), activate.as_ref()) {
                    event.prevent_default();
                    activate(figure);
                }
                return;
            }
            _ => return,
        };
        event.prevent_default();
        focus.set(points.get(next).copied());
    };
    let on_pointer = move |event: PointerEvent| {
        let (x, y) = (f64::from(event.offset_x()), f64::from(event.offset_y()));
        hover.set(layout.with_untracked(|l| l.nearest(x, y, 24.0).map(|p| p.figure)));
    };
    let on_click = move |event: MouseEvent| {
        let (x, y) = (f64::from(event.offset_x()), f64::from(event.offset_y()));
        let hit = layout.with_untracked(|l| l.nearest(x, y, 24.0).map(|p| p.figure));
        if let (Some(figure), Some(activate)) = (hit, on_activate.as_ref()) {
            activate(figure);
        }
    };

    let tip = move || {
        let figure = hover.get().or(focus.get())?;
        let point = layout.with(|l| l.points.iter().find(|p| p.figure == figure).cloned())?;
        let lines = tooltip(figure);
        let frame_width = width.get();
        let left = if point.x + 300.0 > frame_width { (point.x - 300.0).max(0.0) } else { point.x + 14.0 };
        let top = (point.y + 14.0).max(0.0);
        Some(view! {
            <div
                class="chart__tooltip"
                style=format!("left:{left:.0}px;top:{top:.0}px")
                data-testid="chart-tooltip"
                data-x=format!("{:.0}", point.x)
                data-y=format!("{:.0}", point.y)
            >
                {lines
                    .into_iter()
                    .enumerate()
                    .map(|(i, line)| view! { <p class=if i == 0 { "chart__tooltip-value" } else { "" }>{line}</p> })
                    .collect_view()}
            </div>
        })
    };

    view! {
        <figure class="chart">
            <div
                class="chart__frame"
                node_ref=frame
                tabindex="0"
                data-testid=test_id
                aria-label=move || label.get()
                aria-describedby=description_id.clone()
                on:keydown=on_key
                on:pointermove=on_pointer
                on:pointerleave=move |_| hover.set(None)
                on:click=on_click
                on:blur=move |_| focus.set(None)
            >
                <canvas
                    node_ref=canvas
                    class="chart__canvas"
                    role="img"
                    aria-label=move || description.get()
                    data-testid=format!("{test_id}-canvas")
                ></canvas>
                <div class="chart__live" aria-live="polite">{tip}</div>
            </div>
            {move || {
                let hidden = layout.with(|l| l.n_hidden_series);
                (hidden > 0).then(|| view! {
                    <p class="chart__note">{format!("+{hidden} {}", msg(Msg::HiddenSeries, style.with(|s| s.lang)))}</p>
                })
            }}
            <figcaption id=description_id class="chart__description">{move || description.get()}</figcaption>
        </figure>
    }
}
