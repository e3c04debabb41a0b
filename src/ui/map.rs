//! The map view: each country coloured by the latest reported value of the selected metric, with
//! the boundaries disclaimer; choosing a country (click, Enter) sets the country filter.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::chart::map::hit_at;
use crate::chart::spec::{ChartData, MapChart};
use crate::domain::dataset::issue::LoadError;
use crate::domain::dataset::model::{Dataset, Metric};
use crate::domain::explore::countries::latest_values;
use crate::domain::map::choropleth::outline_countries;
use crate::domain::map::{load_world_map, MapError, WorldMap, MAP_FILE};
use crate::domain::text::describe::{describe_map, tooltip_lines};
use crate::domain::text::i18n::metric_name;
use crate::domain::text::messages::{msg, Msg};
use crate::ui::chart_canvas::{chart_canvas, ChartCanvasProps};
use crate::ui::page::Page;
use crate::web::fetch::fetch_json_text;

/// Where the country shapes are, relative to the page's base URL.
pub const MAP_URL: &str = "data/world-map.json";

/// Loading the country shapes, which only the map view needs.
#[derive(Debug, Clone, PartialEq)]
enum MapLoad {
    Loading,
    Ready(Arc<WorldMap>),
    FetchFailed(LoadError),
    Invalid(MapError),
}

thread_local! {
    /// The shapes, kept once loaded so that coming back to the map costs nothing.
    static SHAPES: RefCell<Option<Arc<WorldMap>>> = const { RefCell::new(None) };
}

fn start_loading(state: RwSignal<MapLoad>) {
    if let Some(map) = SHAPES.with(|s| s.borrow().clone()) {
        state.set(MapLoad::Ready(map));
        return;
    }
    spawn_local(async move {
        let outcome = match fetch_json_text(MAP_URL, &MAP_FILE).await {
            // A body announced too large is the map file's own problem, named as such.
            Err(LoadError::File(error)) => MapLoad::Invalid(MapError::File(error)),
            Err(error) => MapLoad::FetchFailed(error),
            Ok(text) => match load_world_map(&text) {
                Ok(map) => {
                    let map = Arc::new(map);
                    SHAPES.with(|s| *s.borrow_mut() = Some(map.clone()));
                    MapLoad::Ready(map)
                }
                Err(error) => MapLoad::Invalid(error),
            },
        };
        state.set(outcome);
    });
}

/// The map view.
#[component]
pub fn MapView(dataset: Arc<Dataset>, page: Page) -> impl IntoView {
    let lang = page.lang;
    let load = RwSignal::new(MapLoad::Loading);
    start_loading(load);
    let partners = RwSignal::new(false);
    let metric = Memo::new(move |_| page.state.with(|s| Metric::primary(&s.filter.metrics)));
    let values_data = dataset.clone();
    // Shading ignores the country filter, so choosing a country outlines it instead of
    // hiding every other one.
    let values = Memo::new(move |_| page.state.with(|s| latest_values(&values_data, &s.filter, metric.get())));
    let partner_data = dataset.clone();
    let highlight = Memo::new(move |_| {
        let partners = partners.get();
        page.state.with(|s| outline_countries(&partner_data, &s.filter.countries, &s.filter.programmes, partners))
    });
    let data: Signal<Arc<ChartData>> = Memo::new(move |_| {
        let MapLoad::Ready(map) = load.get() else { return Arc::new(ChartData::Breakdown(Vec::new())) };
        let label = match (page.state.with(|s| s.filter.countries.is_empty()), partners.get()) {
            (true, false) => None,
            (false, false) => Some(msg(Msg::MapSelected, lang.get()).to_string()),
            (_, true) => Some(msg(Msg::MapPartners, lang.get()).to_string()),
        };
        Arc::new(ChartData::Map(MapChart { map, values: values.get(), highlight: highlight.get(), highlight_label: label }))
    })
    .into();
    let hit_data = dataset.clone();
    let activate_data = dataset.clone();
    let describe_data = dataset.clone();
    let tip_data = dataset.clone();
    let canvas = chart_canvas(ChartCanvasProps {
        test_id: "map".to_string(),
        title: Signal::derive(move || format!("{} — {}", msg(Msg::MapHeading, lang.get()), metric_name(metric.get(), lang.get()))),
        description: Signal::derive(move || values.with(|v| describe_map(&describe_data, v, metric.get(), lang.get()))),
        dataset: dataset.clone(),
        data,
        figures: Signal::derive(move || values.get().into_iter().map(|(_, figure)| figure).collect()),
        tooltip: Arc::new(move |figure| tooltip_lines(&tip_data, figure, &[], lang.get_untracked())),
        page,
        on_activate: Some(std::rc::Rc::new(move |figure| {
            if let Some(code) = activate_data.figure(figure).and_then(|f| activate_data.country_of(f)).map(|c| c.code().to_string()) {
                page.update(|s| s.toggle_country(&code));
            }
        })),
        hit: Some(Arc::new(move |width, height, point| {
            let data = data.get_untracked();
            match data.as_ref() {
                ChartData::Map(chart) => hit_at(&chart.input(&hit_data, None), width, height, point),
                _ => None,
            }
        })),
    });
    let status = move || match load.get() {
        MapLoad::Loading => {
            Some(view! { <p class="status status--loading" role="status">{msg(Msg::MapLoading, lang.get())}</p> }.into_any())
        }
        MapLoad::FetchFailed(error) => {
            Some(view! { <p class="status status--error" role="alert" data-testid="map-error">{error.message(lang.get())}</p> }.into_any())
        }
        MapLoad::Invalid(error) => {
            Some(view! { <p class="status status--error" role="alert" data-testid="map-error">{error.message(lang.get())}</p> }.into_any())
        }
        MapLoad::Ready(_) => None,
    };
    let ready = move || matches!(load.get(), MapLoad::Ready(_));
    view! {
        <div class="view__header">
            <h2 class="view__heading">{move || format!("{} — {}", msg(Msg::MapHeading, lang.get()), metric_name(metric.get(), lang.get()))}</h2>
            <div class="check">
                <input type="checkbox" id="map-partners" prop:checked=move || partners.get() on:change=move |_| partners.update(|p| *p = !*p)/>
                <label for="map-partners">{move || msg(Msg::MapShowPartners, lang.get())}</label>
            </div>
        </div>
        <p class="section__intro">{move || msg(Msg::MapIntro, lang.get())}</p>
        {status}
        <div class:hidden=move || !ready()>{canvas}</div>
        <p class="map__disclaimer" data-testid="map-disclaimer">{move || msg(Msg::MapDisclaimer, lang.get())}</p>
        <p class="map__credit">{move || msg(Msg::MapCredit, lang.get())}</p>
    }
}
