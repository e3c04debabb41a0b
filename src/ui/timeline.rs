//! The timeline chart on a canvas: redrawn when the series, language, size or focus change;
//! hover and arrow keys move between reports, and a live tooltip describes the current one.

use std::sync::Arc;

use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::html::{Canvas, Div};
use leptos::prelude::*;

use crate::chart::placeholder::draw_placeholder;
use crate::chart::theme::Theme;
use crate::chart::timeline::{draw_timeline, recommended_height, TimelineInput};
use crate::chart::{ChartLayout, Style};
use crate::domain::aggregate::Series;
use crate::domain::describe::{describe_timeline, tooltip_lines};
use crate::domain::i18n::Lang;
use crate::domain::labels::metrics_in;
use crate::domain::messages::{msg, Msg};
use crate::domain::model::Dataset;
use crate::web::canvas::{prepare, text_measure};
use crate::web::env;
use crate::web::observe::{watch_width, SizeWatch};

/// Height of the placeholder drawn for an empty selection, in CSS pixels.
const EMPTY_HEIGHT: f64 = 260.0;

/// The chart with its keyboard and pointer interaction and its text alternative.
#[component]
pub fn TimelineChart(dataset: Arc<Dataset>, series: Memo<Vec<Series>>, lang: RwSignal<Lang>) -> impl IntoView {
    let frame = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    let width = RwSignal::new(0.0_f64);
    let layout = RwSignal::new(ChartLayout::default());
    let focus = RwSignal::new(None::<usize>);
    let hover = RwSignal::new(None::<usize>);
    let watch = StoredValue::new_local(None::<SizeWatch>);

    Effect::new(move |_| {
        if let Some(element) = frame.get() {
            watch.set_value(watch_width(&element, move |w| width.set(w)));
        }
    });

    let draw_data = dataset.clone();
    let measure = text_measure();
    Effect::new(move |_| {
        let css_width = width.get();
        let lang = lang.get();
        let highlighted = hover.get().or(focus.get());
        let Some(canvas) = canvas.get() else { return };
        if css_width < 1.0 {
            return;
        }
        let started = env::now_ms();
        let style = Style { lang, theme: Theme::Light, scale: env::device_pixel_ratio(), measure: Some(measure.clone()), ..Style::default() };
        let outcome = series.with(|series| {
            if series.is_empty() {
                let area = prepare(&canvas, css_width, EMPTY_HEIGHT, style.scale)?;
                draw_placeholder(&area, msg(Msg::EmptyTitle, lang), msg(Msg::EmptyHint, lang), &style)?;
                return Ok(ChartLayout::default());
            }
            let height = recommended_height(metrics_in(series).len(), css_width);
            let area = prepare(&canvas, css_width, height, style.scale)?;
            draw_timeline(&area, TimelineInput { dataset: &draw_data, series, focus: highlighted }, &style)
        });
        match outcome {
            Ok(drawn) => layout.set(drawn),
            Err(error) => env::warn(&error.to_string()),
        }
        env::mark("chart-drawn");
        let _ = started;
    });

    let move_focus = move |step: isize| {
        let points = layout.with_untracked(|l| l.points.iter().map(|p| p.figure).collect::<Vec<_>>());
        if points.is_empty() {
            return;
        }
        let current = focus.get_untracked().and_then(|f| points.iter().position(|p| *p == f));
        let next = match (current, step) {
            (None, s) if s < 0 => points.len() - 1,
            (None, _) => 0,
            (Some(i), isize::MIN) => i.min(0),
            (Some(_), isize::MAX) => points.len() - 1,
            (Some(i), s) => (i as isize + s).clamp(0, points.len() as isize - 1) as usize,
        };
        focus.set(points.get(next).copied());
    };
    let on_key = move |event: KeyboardEvent| {
        let step = match event.key().as_str() {
            "ArrowRight" | "ArrowDown" => 1,
            "ArrowLeft" | "ArrowUp" => -1,
            "Home" => isize::MIN,
            "End" => isize::MAX,
            "Escape" => {
                focus.set(None);
                return;
            }
            _ => return,
        };
        event.prevent_default();
        if step == isize::MIN {
            focus.set(layout.with_untracked(|l| l.points.first().map(|p| p.figure)));
        } else {
            move_focus(step);
        }
    };
    let on_pointer = move |event: PointerEvent| {
        let (x, y) = (f64::from(event.offset_x()), f64::from(event.offset_y()));
        hover.set(layout.with_untracked(|l| l.nearest(x, y, 24.0).map(|p| p.figure)));
    };

    let tip_data = dataset.clone();
    let tooltip = move || {
        let figure = hover.get().or(focus.get())?;
        let lang = lang.get();
        let point = layout.with(|l| l.points.iter().find(|p| p.figure == figure).cloned())?;
        let warnings = series.with(|all| {
            all.iter().flat_map(|s| s.points.iter()).find(|p| p.figure == figure).map(|p| p.warnings.clone()).unwrap_or_default()
        });
        let lines = tooltip_lines(&tip_data, figure, &warnings, lang);
        let frame_width = width.get();
        let left = if point.x + 300.0 > frame_width { (point.x - 300.0).max(0.0) } else { point.x + 14.0 };
        let top = (point.y + 14.0).max(0.0);
        Some(view! {
            <div class="chart__tooltip" style=format!("left:{left:.0}px;top:{top:.0}px") data-testid="chart-tooltip">
                {lines.into_iter().enumerate().map(|(i, line)| {
                    let class = if i == 0 { "chart__tooltip-value" } else { "" };
                    view! { <p class=class>{line}</p> }
                }).collect_view()}
            </div>
        })
    };
    let describe_data = dataset.clone();
    let description = Memo::new(move |_| series.with(|s| describe_timeline(&describe_data, s, lang.get())));
    let hidden = move || {
        let n = layout.with(|l| l.n_hidden_series);
        (n > 0).then(|| view! { <p class="chart__note">{format!("+{n} {}", msg(Msg::HiddenSeries, lang.get()))}</p> })
    };

    view! {
        <figure class="chart">
            <div
                class="chart__frame"
                node_ref=frame
                tabindex="0"
                data-testid="timeline"
                aria-label=move || match lang.get() {
                    Lang::En => "Reported figures over time. Use the arrow keys to move from report to report.",
                    Lang::Fr => "Chiffres publiés au fil du temps. Utilisez les flèches pour passer d’un chiffre à l’autre.",
                }
                aria-describedby="timeline-description"
                on:keydown=on_key
                on:pointermove=on_pointer
                on:pointerleave=move |_| hover.set(None)
                on:blur=move |_| focus.set(None)
            >
                <canvas node_ref=canvas class="chart__canvas" role="img" aria-label=move || description.get() data-testid="timeline-canvas"></canvas>
                <div class="chart__live" aria-live="polite">{tooltip}</div>
            </div>
            {hidden}
            <figcaption id="timeline-description" class="chart__description">{move || description.get()}</figcaption>
        </figure>
    }
}
