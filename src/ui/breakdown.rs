//! The "by place" view: for each selected metric, the latest reported value per country or
//! region as bars.

use std::sync::Arc;

use leptos::prelude::*;

use crate::chart::spec::ChartData;
use crate::domain::dataset::model::{Dataset, Figure, Metric, Position};
use crate::domain::explore::aggregate::{build_breakdown, BreakdownBar, BreakdownBy};
use crate::domain::text::describe::{describe_breakdown, tooltip_lines};
use crate::domain::text::i18n::metric_name;
use crate::domain::text::messages::{msg, Msg};
use crate::ui::chart_canvas::{chart_canvas, ChartCanvasProps};
use crate::ui::page::Page;

/// The bars of every compared metric.
type Panels = Memo<Vec<(Metric, Vec<BreakdownBar>)>>;

/// The breakdown view.
#[component]
pub fn BreakdownView(dataset: Arc<Dataset>, selected: Memo<Vec<Position<Figure>>>, page: Page) -> impl IntoView {
    let lang = page.lang;
    let by = Memo::new(move |_| page.state.with(|s| s.breakdown_by));
    let bars_data = dataset.clone();
    let panels: Panels = Memo::new(move |_| {
        let by = by.get();
        let metrics = page.state.with(|state| Metric::compared(&state.filter.metrics));
        selected.with(|selected| {
            metrics
                .into_iter()
                .map(|metric| (metric, build_breakdown(&bars_data, selected, metric, by)))
                .filter(|(_, bars)| !bars.is_empty())
                .collect()
        })
    });
    let toggle = move |option: BreakdownBy, label: Msg| {
        view! {
            <button
                type="button"
                aria-pressed=move || (by.get() == option).to_string()
                on:click=move |_| page.update(|s| s.breakdown_by = option)
            >
                {move || msg(label, lang.get())}
            </button>
        }
    };
    let charts = move || {
        let metrics: Vec<Metric> = panels.with(|list| list.iter().map(|(m, _)| *m).collect());
        if metrics.is_empty() {
            return breakdown_chart(dataset.clone(), page, None, panels).into_any();
        }
        metrics
            .into_iter()
            .map(|metric| {
                view! {
                    <h3 class="view__subheading">{move || metric_name(metric, lang.get())}</h3>
                    {breakdown_chart(dataset.clone(), page, Some(metric), panels)}
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="view__header">
            <h2 class="view__heading">{move || msg(Msg::BreakdownHeading, lang.get())}</h2>
            <div class="toggle" role="group" aria-label=move || msg(Msg::BreakdownHeading, lang.get())>
                {toggle(BreakdownBy::Country, Msg::ByCountry)}
                {toggle(BreakdownBy::Region, Msg::ByRegion)}
            </div>
        </div>
        <p class="section__intro">{move || msg(Msg::BreakdownIntro, lang.get())}</p>
        {charts}
    }
}

/// One metric's bars (or the empty placeholder when `metric` is `None`).
fn breakdown_chart(dataset: Arc<Dataset>, page: Page, metric: Option<Metric>, panels: Panels) -> impl IntoView {
    let lang = page.lang;
    let bars = move || -> Vec<BreakdownBar> {
        panels.with(|list| list.iter().find(|(m, _)| Some(*m) == metric).map(|(_, bars)| bars.clone()).unwrap_or_default())
    };
    let describe_data = dataset.clone();
    let tip_data = dataset.clone();
    chart_canvas(ChartCanvasProps {
        test_id: breakdown_test_id(metric),
        title: Signal::derive(move || {
            let lang = lang.get();
            match metric {
                Some(metric) => format!("{} — {}", msg(Msg::BreakdownHeading, lang), metric_name(metric, lang)),
                None => msg(Msg::BreakdownHeading, lang).to_string(),
            }
        }),
        description: Signal::derive(move || describe_breakdown(&describe_data, &bars(), lang.get())),
        dataset: dataset.clone(),
        data: Memo::new(move |_| Arc::new(ChartData::Breakdown(bars()))).into(),
        figures: Signal::derive(move || bars().iter().map(|b| b.figure).collect()),
        tooltip: Arc::new(move |figure| tooltip_lines(&tip_data, figure, &[], lang.get_untracked())),
        page,
        on_activate: None,
        hit: None,
    })
}

/// `data-testid` of a metric's breakdown chart.
fn breakdown_test_id(metric: Option<Metric>) -> String {
    format!("breakdown-{}", metric.map_or("empty", Metric::id))
}
