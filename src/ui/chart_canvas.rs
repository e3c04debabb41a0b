//! A chart on a canvas, whatever it shows: sized to its container at device resolution,
//! repainted when its data, language, theme, size or focus change, with pointer hover, taps and
//! arrow-key focus moving between the points the chart reports, a live tooltip, a text
//! alternative, PNG and SVG downloads and a one-click switch to the table.

use std::rc::Rc;
use std::sync::Arc;

use leptos::ev::{KeyboardEvent, MouseEvent, PointerEvent};
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::chart::frame::FrameText;
use crate::chart::interact::{key_move, tooltip_position, KeyMove, Pointed, Pointer, PointerStep, TooltipPosition};
use crate::chart::spec::{draw_chart, draw_export, export_size, ChartData};
use crate::chart::{ChartError, ChartLayout, HitPoint, Style};
use crate::domain::dataset::model::{Dataset, Figure, Position};
use crate::domain::explore::view::View;
use crate::domain::export::job::Job;
use crate::domain::export::{chart_footer, describe_filters, file_name, ChartFormat, DownloadError, Scope};
use crate::domain::text::messages::{msg, Msg};
use crate::html::figure::{caption_inner, ChartTool, TOOL_CLASS};
use crate::ui::chart_style;
use crate::ui::page::Page;
use crate::web::canvas::{prepare, record};
use crate::web::download::{export_context, save_png};
use crate::web::observe::{watch_width, SizeWatch};
use crate::web::tools;
use crate::web::{document, perf};

/// What a chart canvas needs from the view that shows it.
pub struct ChartCanvasProps {
    /// `data-testid` of the frame (the canvas gets `<id>-canvas`).
    pub test_id: String,
    /// Title of the chart (frame of downloads, accessible name).
    pub title: Signal<String>,
    /// Text alternative: what the chart shows.
    pub description: Signal<String>,
    /// The dataset the chart draws from.
    pub dataset: Arc<Dataset>,
    /// What to draw.
    pub data: Signal<Arc<ChartData>>,
    /// The figures behind the chart (for the source line of downloads).
    pub figures: Signal<Vec<Position<Figure>>>,
    /// Tooltip lines for a figure.
    pub tooltip: Arc<dyn Fn(Position<Figure>) -> Vec<String> + Send + Sync>,
    /// The page (language, theme, view state).
    pub page: Page,
    /// Called with a figure when the user activates it (Enter, click).
    pub on_activate: Option<Rc<dyn Fn(Position<Figure>)>>,
    /// Finds the point under the pointer (width, height, position in CSS pixels) when the
    /// chart knows better than "nearest point", as the map does with country shapes.
    pub hit: Option<HitTest>,
}

/// See [`ChartCanvasProps::hit`].
pub type HitTest = Arc<dyn Fn(f64, f64, (f64, f64)) -> Option<HitPoint> + Send + Sync>;

/// The chart canvas with its interaction, text alternative and tools.
pub fn chart_canvas(props: ChartCanvasProps) -> impl IntoView {
    let ChartCanvasProps { test_id, title, description, dataset, data, figures, tooltip, page, on_activate, hit } = props;
    let lang = page.lang;
    let frame = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    let width = RwSignal::new(0.0_f64);
    let layout = RwSignal::new(ChartLayout::default());
    // The point shown: under the mouse, or chosen by keys or a tap.
    let pointed = RwSignal::new(Pointed::<Position<Figure>>::default());
    let watch = StoredValue::new_local(None::<SizeWatch>);
    let description_id = format!("{test_id}-description");
    let caption_id = description_id.clone();
    let drawn_mark = format!("{test_id}-drawn");
    let chart_name = format!("{test_id}-chart");

    Effect::new(move |_| {
        if let Some(element) = frame.get() {
            watch.set_value(watch_width(&element, move |w| width.set(w)));
        }
    });

    let draw_data = dataset.clone();
    // A drawing that fails is said on screen, not only in the console.
    let draw_error = RwSignal::new(None::<ChartError>);
    Effect::new(move |_| {
        let css_width = width.get();
        let highlighted = pointed.get().shown();
        let style = chart_style(page);
        let data = data.get();
        let Some(canvas) = canvas.get() else { return };
        if css_width < 1.0 {
            return;
        }
        let style = Style { scale: document::device_pixel_ratio(), ..style };
        let outcome = prepare(&canvas, css_width, data.height(css_width), style.scale)
            .and_then(|area| draw_chart(&area, &draw_data, &data, highlighted, &style));
        match outcome {
            Ok(drawn) => {
                layout.set(drawn);
                if draw_error.with_untracked(Option::is_some) {
                    draw_error.set(None);
                }
            }
            Err(error) => {
                perf::warn(&error.to_string());
                draw_error.set(Some(error));
            }
        }
        perf::mark(&drawn_mark);
    });

    let points = move || layout.with_untracked(|l| l.points.iter().map(|p| p.figure).collect::<Vec<_>>());
    let activate = on_activate.clone();
    let choose = move |chosen: Option<Position<Figure>>| pointed.update(|p| p.chosen = chosen);
    let on_key = move |event: KeyboardEvent| match key_move(&event.key(), &points(), pointed.get_untracked().chosen) {
        Some(KeyMove::Focus(figure)) => {
            event.prevent_default();
            choose(Some(figure));
        }
        Some(KeyMove::Clear) => choose(None),
        Some(KeyMove::Activate(figure)) => {
            if let Some(activate) = activate.as_ref() {
                event.prevent_default();
                activate(figure);
            }
        }
        None => {}
    };
    // The point under the pointer: the chart's own hit test first (shapes), then the nearest
    // point within reach (small markers).
    let point_at = move |pointer: Pointer, x: f64, y: f64| -> Option<Position<Figure>> {
        let width = width.get_untracked();
        let height = data.with_untracked(|d| d.height(width));
        let radius = pointer.reach(hit.is_some());
        hit.as_ref()
            .and_then(|hit| hit(width, height, (x, y)))
            .map(|p| p.figure)
            .or_else(|| layout.with_untracked(|l| l.nearest(x, y, radius).map(|p| p.figure)))
    };
    let point_at_click = point_at.clone();
    let on_pointer = move |step: fn(f64) -> PointerStep| {
        let point_at = point_at.clone();
        move |event: PointerEvent| {
            let pointer = Pointer::of(&event.pointer_type());
            let (x, y) = (f64::from(event.offset_x()), f64::from(event.offset_y()));
            let next = pointed.get_untracked().after(pointer, step(x), point_at(pointer, x, y));
            if next != pointed.get_untracked() {
                pointed.set(next);
            }
        }
    };
    let on_click = move |event: MouseEvent| {
        let figure = point_at_click(Pointer::Hovering, f64::from(event.offset_x()), f64::from(event.offset_y()));
        if let (Some(figure), Some(activate)) = (figure, on_activate.as_ref()) {
            activate(figure);
        }
    };

    let tip = move || {
        let figure = pointed.get().shown()?;
        let point = layout.with(|l| l.points.iter().find(|p| p.figure == figure).cloned())?;
        let lines = tooltip(figure);
        let TooltipPosition { left, top } = tooltip_position(point.x, point.y, width.get());
        Some(view! {
            <div
                class="chart__tooltip"
                style:left=format!("{left:.0}px")
                style:top=format!("{top:.0}px")
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

    // Downloads: the same drawing functions, framed with title, filters, sources and dates. The
    // SVG is recorded here and drawn by the files worker (loaded on first use), its button
    // saying "Preparing…" meanwhile.
    let download_error = RwSignal::new(None::<DownloadError>);
    let busy = RwSignal::new(None::<ChartTool>);
    let export = Rc::new(move |format: ChartFormat| {
        let lang = lang.get_untracked();
        let state = page.state.get_untracked();
        let result = export_context(lang).and_then(|context| {
            let frame = FrameText {
                title: title.get_untracked(),
                filters: describe_filters(&dataset, &state, lang),
                footer: figures.with_untracked(|f| chart_footer(&dataset, f, &context)),
            };
            let style = chart_style(page);
            let data = data.get_untracked();
            let name = file_name(&state, Scope::Selection, &chart_name, context.today, format.extension());
            match format {
                ChartFormat::Svg => {
                    let svg_style = Style { text_factor: crate::chart::SVG_TEXT_FACTOR, opaque: true, ..style };
                    let (width, height) = export_size(&data, &frame);
                    let recording = record(width, height, |area| draw_export(area, &dataset, &data, &frame, &svg_style))?;
                    busy.set(Some(ChartTool::Svg));
                    spawn_local(async move {
                        let result = tools::save_file(&Job::Svg { name }, &recording.encode(), &[]).await;
                        busy.set(None);
                        download_error.set(result.err());
                    });
                    Ok(())
                }
                ChartFormat::Png => save_png(&name, &dataset, &data, &frame, &style),
            }
        });
        download_error.set(result.err());
    });
    let run_tool = move |tool: ChartTool| match tool {
        _ if busy.get_untracked().is_some() => {}
        ChartTool::Png => export(ChartFormat::Png),
        ChartTool::Svg => export(ChartFormat::Svg),
        ChartTool::AsTable => page.update(|s| s.view = View::Table),
    };

    view! {
        <figure class="chart">
            <div
                class="chart__frame"
                node_ref=frame
                tabindex="0"
                data-testid=test_id.clone()
                aria-label=move || format!("{}. {}", title.get(), msg(Msg::ChartKeys, lang.get()))
                aria-describedby=description_id
                on:keydown=on_key
                on:pointerdown=on_pointer(PointerStep::Down)
                on:pointermove=on_pointer(PointerStep::Move)
                on:pointerup=on_pointer(PointerStep::Up)
                on:pointerleave=on_pointer(|_| PointerStep::Leave)
                on:click=on_click
                on:blur=move |_| choose(None)
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
                (hidden > 0).then(|| view! { <p class="chart__note">{format!("+{hidden} {}", msg(Msg::HiddenSeries, lang.get()))}</p> })
            }}
            <figcaption class="chart__description">
                <details inner_html=move || caption_inner(&description.get(), lang.get(), &caption_id)></details>
            </figcaption>
            <div class="chart__tools">
                {ChartTool::ALL
                    .into_iter()
                    .map(|tool| {
                        let run = run_tool.clone();
                        let working = move || busy.get() == Some(tool);
                        view! {
                            <button
                                type="button"
                                class=TOOL_CLASS
                                data-testid=format!("{test_id}-{}", tool.id())
                                aria-busy=move || working().then_some("true")
                                on:click=move |_| run(tool)
                            >
                                {move || msg(if working() { Msg::Preparing } else { tool.label() }, lang.get())}
                            </button>
                        }
                    })
                    .collect_view()}
                {move || download_error.get().map(|e| view! { <p class="chart__error" role="alert" data-testid="download-error">{e.message(lang.get())}</p> })}
                {move || draw_error.get().map(|e| view! { <p class="chart__error" role="alert" data-testid="chart-error">{e.message(lang.get())}</p> })}
            </div>
        </figure>
    }
}
