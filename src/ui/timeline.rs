//! The "over time" view: the timeline chart of the selected figures.

use std::sync::Arc;

use leptos::prelude::*;

use crate::chart::spec::ChartData;
use crate::domain::dataset::model::{Dataset, Figure, Position};
use crate::domain::explore::aggregate::build_series;
use crate::domain::text::describe::{describe_timeline, series_tooltip_lines};
use crate::domain::text::messages::{msg, Msg};
use crate::ui::chart_canvas::{chart_canvas, ChartCanvasProps};
use crate::ui::page::Page;

/// The timeline with its heading and explanation.
#[component]
pub fn TimelineView(dataset: Arc<Dataset>, selected: Memo<Vec<Position<Figure>>>, page: Page) -> impl IntoView {
    let lang = page.lang;
    let series_data = dataset.clone();
    let series = Memo::new(move |_| selected.with(|s| build_series(&series_data, s)));
    let describe_data = dataset.clone();
    let tip_data = dataset.clone();
    let canvas = chart_canvas(ChartCanvasProps {
        test_id: "timeline".to_string(),
        title: Signal::derive(move || msg(Msg::TimelineHeading, lang.get()).to_string()),
        description: Signal::derive(move || series.with(|s| describe_timeline(&describe_data, s, lang.get()))),
        dataset: dataset.clone(),
        data: Memo::new(move |_| Arc::new(ChartData::Timeline(series.get()))).into(),
        figures: selected.into(),
        tooltip: Arc::new(move |figure| series.with_untracked(|all| series_tooltip_lines(&tip_data, all, figure, lang.get_untracked()))),
        page,
        on_activate: None,
        hit: None,
    });
    view! {
        <h2 class="view__heading">{move || msg(Msg::TimelineHeading, lang.get())}</h2>
        {canvas}
        <p class="section__intro">{move || msg(Msg::TimelineIntro, lang.get())}</p>
    }
}
