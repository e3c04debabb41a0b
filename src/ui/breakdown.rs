//! The "by place" view: for each selected metric, the latest reported value per country or
//! region as bars.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::chart::breakdown::{draw_breakdown, recommended_height, BreakdownInput};
use crate::chart::placeholder::draw_placeholder;
use crate::chart::ChartLayout;
use crate::domain::aggregate::{build_breakdown, BreakdownBar, BreakdownBy};
use crate::domain::describe::{describe_breakdown, tooltip_lines};
use crate::domain::i18n::metric_name;
use crate::domain::messages::{msg, Msg};
use crate::domain::model::{Dataset, Metric};
use crate::ui::app::Page;
use crate::ui::chart_canvas::{chart_canvas, ChartCanvasProps};
use crate::ui::chart_style;
use crate::ui::timeline::EMPTY_HEIGHT;

/// Metrics the breakdown compares: the selected ones, or all charted metrics when none is.
fn compared_metrics(selected: &std::collections::BTreeSet<Metric>) -> Vec<Metric> {
    Metric::ALL
        .into_iter()
        .filter(|m| *m != Metric::Other && (selected.is_empty() || selected.contains(m)))
        .collect()
}

/// The breakdown view.
#[component]
pub fn BreakdownView(dataset: Arc<Dataset>, selected: Memo<Vec<usize>>, page: Page) -> impl IntoView {
    let lang = page.lang;
    let by = Memo::new(move |_| page.state.with(|s| s.breakdown_by));
    let bars_data = dataset.clone();
    let panels = Memo::new(move |_| {
        let by = by.get();
        let metrics = page.state.with(|state| compared_metrics(&state.filter.metrics));
        selected.with(|selected| {
            metrics
                .into_iter()
                .map(|metric| (metric, build_breakdown(&bars_data, selected, metric, by)))
                .filter(|(_, bars)| !bars.is_empty())
                .collect::<Vec<(Metric, Vec<BreakdownBar>)>>()
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
        let list = panels.get();
        if list.is_empty() {
            return breakdown_chart(dataset.clone(), page, None).into_any();
        }
        list.into_iter()
            .map(|(metric, _)| {
                view! {
                    <h3 class="view__subheading">{move || metric_name(metric, lang.get())}</h3>
                    {breakdown_chart(dataset.clone(), page, Some((metric, panels)))}
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

/// The bars of every compared metric.
type Panels = Memo<Vec<(Metric, Vec<BreakdownBar>)>>;

/// One metric's bars (or the empty placeholder when `panel` is `None`).
fn breakdown_chart(dataset: Arc<Dataset>, page: Page, panel: Option<(Metric, Panels)>) -> impl IntoView {
    let lang = page.lang;
    let bars = move || -> Vec<BreakdownBar> {
        match panel {
            Some((metric, panels)) => {
                panels.with(|list| list.iter().find(|(m, _)| *m == metric).map(|(_, bars)| bars.clone()).unwrap_or_default())
            }
            None => Vec::new(),
        }
    };
    let test_id = match panel {
        Some((metric, _)) => breakdown_test_id(metric),
        None => "breakdown-empty",
    };
    let describe_data = dataset.clone();
    let paint_data = dataset.clone();
    let tip_data = dataset.clone();
    chart_canvas(ChartCanvasProps {
        test_id,
        label: Signal::derive(move || format!("{}. {}", msg(Msg::BreakdownHeading, lang.get()), msg(Msg::ChartKeys, lang.get()))),
        description: Signal::derive(move || describe_breakdown(&describe_data, &bars(), lang.get())),
        height: Rc::new(move |_| {
            let n = bars().len();
            if n == 0 { EMPTY_HEIGHT } else { recommended_height(n) }
        }),
        paint: Rc::new(move |area, style, focus| {
            let bars = bars();
            if bars.is_empty() {
                draw_placeholder(area, msg(Msg::EmptyTitle, style.lang), msg(Msg::EmptyHint, style.lang), style)?;
                return Ok(ChartLayout::default());
            }
            draw_breakdown(area, BreakdownInput { dataset: &paint_data, bars: &bars, focus }, style)
        }),
        tooltip: Arc::new(move |figure| tooltip_lines(&tip_data, figure, &[], lang.get_untracked())),
        style: Signal::derive(move || chart_style(lang.get())),
        on_activate: None,
    })
}

/// `data-testid` of a metric's breakdown chart.
fn breakdown_test_id(metric: Metric) -> &'static str {
    match metric {
        Metric::Projects => "breakdown-projects",
        Metric::FundingEur => "breakdown-funding_eur",
        Metric::MigrantsReturned => "breakdown-migrants_returned",
        Metric::MigrantsReintegration => "breakdown-migrants_reintegration",
        Metric::MigrantsRescued => "breakdown-migrants_rescued",
        Metric::MigrantsProtectedAssisted => "breakdown-migrants_protected_assisted",
        Metric::CountriesCovered => "breakdown-countries_covered",
        Metric::CountriesHumanitarianAid => "breakdown-countries_humanitarian_aid",
        Metric::Partners => "breakdown-partners",
        Metric::Other => "breakdown-other",
    }
}
