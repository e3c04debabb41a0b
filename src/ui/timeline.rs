//! The "over time" view: the timeline chart of the selected figures.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::chart::placeholder::draw_placeholder;
use crate::chart::timeline::{draw_timeline, recommended_height, TimelineInput};
use crate::chart::ChartLayout;
use crate::domain::aggregate::build_series;
use crate::domain::describe::{describe_timeline, tooltip_lines};
use crate::domain::labels::metrics_in;
use crate::domain::messages::{msg, Msg};
use crate::domain::model::Dataset;
use crate::ui::app::Page;
use crate::ui::chart_canvas::{chart_canvas, ChartCanvasProps};
use crate::ui::chart_style;

/// Height of the placeholder drawn for an empty selection, in CSS pixels.
pub const EMPTY_HEIGHT: f64 = 260.0;

/// The timeline with its heading and explanation.
#[component]
pub fn TimelineView(dataset: Arc<Dataset>, selected: Memo<Vec<usize>>, page: Page) -> impl IntoView {
    let lang = page.lang;
    let series_data = dataset.clone();
    let series = Memo::new(move |_| selected.with(|s| build_series(&series_data, s)));
    let describe_data = dataset.clone();
    let description = Signal::derive(move || series.with(|s| describe_timeline(&describe_data, s, lang.get())));
    let paint_data = dataset.clone();
    let tip_data = dataset.clone();
    let canvas = chart_canvas(ChartCanvasProps {
        test_id: "timeline",
        label: Signal::derive(move || format!("{}. {}", msg(Msg::TimelineHeading, lang.get()), msg(Msg::ChartKeys, lang.get()))),
        description,
        height: Rc::new(move |width| {
            series.with(|s| if s.is_empty() { EMPTY_HEIGHT } else { recommended_height(metrics_in(s).len(), width) })
        }),
        paint: Rc::new(move |area, style, focus| {
            series.with(|series| {
                if series.is_empty() {
                    draw_placeholder(area, msg(Msg::EmptyTitle, style.lang), msg(Msg::EmptyHint, style.lang), style)?;
                    return Ok(ChartLayout::default());
                }
                draw_timeline(area, TimelineInput { dataset: &paint_data, series, focus }, style)
            })
        }),
        tooltip: Arc::new(move |figure| {
            let warnings = series.with_untracked(|all| {
                all.iter().flat_map(|s| s.points.iter()).find(|p| p.figure == figure).map(|p| p.warnings.clone()).unwrap_or_default()
            });
            tooltip_lines(&tip_data, figure, &warnings, lang.get_untracked())
        }),
        style: Signal::derive(move || chart_style(lang.get())),
        on_activate: None,
    });
    view! {
        <h2 class="view__heading">{move || msg(Msg::TimelineHeading, lang.get())}</h2>
        <p class="section__intro">{move || msg(Msg::TimelineIntro, lang.get())}</p>
        {canvas}
    }
}
