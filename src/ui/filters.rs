//! The filter panel: metric, programme, geographic level, region, country (searchable, sorted
//! by name or value), period (two-thumb year range) and publisher, with a live count and a
//! reset button. Every control is a native, labelled form element, so the keyboard works as
//! everywhere else.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::dataset::model::{Country, Dataset, Figure, LocalName, Metric, Position};
use crate::domain::explore::countries::{country_list, latest_values, CountryRow};
use crate::domain::explore::select::{count_sources, Filter, Level, PublisherFilter, YearBounds, YearEnd, YearError};
use crate::domain::explore::view::{CountryOrder, ViewState};
use crate::domain::text::format::format_value;
use crate::domain::text::i18n::{level_name, metric_name};
use crate::domain::text::messages::{active_filters, match_count, msg, Msg};
use crate::ui::page::Page;
use crate::web::document;

fn close_filters(open: RwSignal<bool>) {
    open.set(false);
    document::focus_element("filters-open");
}

/// The button that opens the filter panel on narrow screens (where it is a drawer), with the
/// number of filters that differ from the defaults.
#[component]
pub fn FilterButton(page: Page, open: RwSignal<bool>, defaults: Filter) -> impl IntoView {
    let lang = page.lang;
    let active = Memo::new(move |_| page.state.with(|s| s.filter.changes_from(&defaults)));
    view! {
        <button
            type="button"
            class="button filters-open"
            id="filters-open"
            data-testid="filters-open"
            aria-controls="filters"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| {
                open.set(true);
                document::focus_element_when_shown("filters-close");
            }
        >
            {move || active_filters(active.get(), lang.get())}
        </button>
    }
}

/// A checkbox in a filter group.
fn checkbox(
    id: String,
    label: impl Fn() -> String + Send + Sync + 'static,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    on_toggle: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <div class="check">
            <input type="checkbox" id=id.clone() prop:checked=checked on:change=move |_| on_toggle()/>
            <label for=id>{label}</label>
        </div>
    }
}

/// A checkbox for an entry of a dataset vocabulary (a programme, a region), named in the
/// interface language, checked when `selected` holds its id, changed by `on_toggle`.
fn vocabulary_checkbox(
    page: Page,
    kind: &str,
    id: &str,
    name: LocalName,
    selected: fn(&ViewState) -> &BTreeSet<String>,
    on_toggle: fn(&mut ViewState, &str),
) -> impl IntoView {
    let (checked_id, toggle_id) = (id.to_string(), id.to_string());
    checkbox(
        format!("f-{kind}-{id}"),
        move || name.get(page.lang.get()).to_string(),
        move || page.state.with(|s| selected(s).contains(&checked_id)),
        move || page.update(|s| on_toggle(s, &toggle_id)),
    )
}

/// The filter panel, a drawer on narrow screens (`open`), counting the `selected` figures.
#[component]
pub fn FilterPanel(dataset: Arc<Dataset>, selected: Memo<Vec<Position<Figure>>>, page: Page, open: RwSignal<bool>) -> impl IntoView {
    let lang = page.lang;
    let state = page.state;
    let count_data = dataset.clone();
    let count = move || selected.with(|s| match_count(s.len(), count_sources(&count_data, s), lang.get()));

    let metrics = Metric::ALL
        .into_iter()
        .map(|metric| {
            checkbox(
                format!("f-metric-{}", metric.id()),
                move || metric_name(metric, lang.get()).to_string(),
                move || state.with(|s| s.filter.metrics.contains(&metric)),
                move || page.update(|s| s.toggle_metric(metric)),
            )
        })
        .collect_view();

    let programmes = dataset
        .programmes()
        .iter()
        .map(|p| vocabulary_checkbox(page, "programme", p.id(), p.names().clone(), |s| &s.filter.programmes, ViewState::toggle_programme))
        .collect_view();

    let levels = Level::ALL
        .into_iter()
        .map(|level| {
            checkbox(
                format!("f-level-{}", level.id()),
                move || level_name(level, lang.get()).to_string(),
                move || state.with(|s| s.filter.levels.contains(&level)),
                move || page.update(|s| s.toggle_level(level)),
            )
        })
        .collect_view();

    let regions = dataset
        .regions()
        .iter()
        .map(|r| vocabulary_checkbox(page, "region", r.id(), r.names().clone(), |s| &s.filter.regions, ViewState::toggle_region))
        .collect_view();

    let period = YearBounds::of(&dataset).map(|bounds| period_range(page, bounds));

    let publisher_option = move |option: PublisherFilter, label: Msg| {
        let id = format!("f-publisher-{}", option.id());
        view! {
            <div class="check">
                <input
                    type="radio"
                    name="publisher"
                    id=id.clone()
                    prop:checked=move || state.with(|s| s.filter.publishers == option)
                    on:change=move |_| page.update(|s| s.filter.publishers = option)
                />
                <label for=id>{move || msg(label, lang.get())}</label>
            </div>
        }
    };

    view! {
        <aside
            class="filters section"
            class:filters--open=move || open.get()
            id="filters"
            aria-labelledby="filters-heading"
            data-testid="filters"
            on:keydown=move |ev| {
                if ev.key() == "Escape" && open.get_untracked() {
                    close_filters(open);
                }
            }
        >
            <a class="skip-link" href="#view-panel" data-testid="skip-to-chart" on:click=move |ev| {
                ev.prevent_default();
                open.set(false);
                document::focus_first(&["#view-panel .chart__frame", "#view-panel"]);
            }>
                {move || msg(if state.with(|s| s.view.has_chart()) { Msg::SkipToChart } else { Msg::SkipToView }, lang.get())}
            </a>
            <div class="filters__head">
                <h2 id="filters-heading">{move || msg(Msg::Filters, lang.get())}</h2>
                <button type="button" class="button filters__toggle" id="filters-close" on:click=move |_| close_filters(open)>
                    {move || msg(Msg::CloseFilters, lang.get())}
                </button>
            </div>
            <p class="filters__count" aria-live="polite" data-testid="match-count">{count}</p>
            <div class="filters__body" id="filters-body">
                <fieldset>
                    <legend>{move || msg(Msg::FilterMetric, lang.get())}</legend>
                    {metrics}
                </fieldset>
                {period}
                <fieldset prop:disabled=move || state.with(|s| s.view.ignores_level())>
                    <legend>{move || msg(Msg::FilterLevel, lang.get())}</legend>
                    {levels}
                    {move || state.with(|s| s.view.ignores_level()).then(|| view! {
                        <p class="filters__hint">{msg(Msg::LevelNotUsed, lang.get())}</p>
                    })}
                </fieldset>
                <fieldset>
                    <legend>{move || msg(Msg::FilterProgramme, lang.get())}</legend>
                    {programmes}
                </fieldset>
                <fieldset>
                    <legend>{move || msg(Msg::FilterRegion, lang.get())}</legend>
                    {regions}
                </fieldset>
                <CountryList dataset=dataset.clone() page=page/>
                <fieldset>
                    <legend>{move || msg(Msg::FilterPublisher, lang.get())}</legend>
                    {publisher_option(PublisherFilter::All, Msg::AllSources)}
                    {publisher_option(PublisherFilter::OfficialOnly, Msg::OfficialOnly)}
                </fieldset>
                <button
                    type="button"
                    class="button button--secondary"
                    data-testid="reset"
                    on:click=move |_| page.update(|s| *s = s.with_default_filters(Some(&dataset)))
                >
                    {move || msg(Msg::Reset, lang.get())}
                </button>
            </div>
        </aside>
    }
}

/// The period filter: two range inputs over the years of the data, a filled track between
/// them, the period in words, and the two years as number fields to type into (dragging two
/// thumbs on a phone is hard), all bound to the filter's period.
fn period_range(page: Page, bounds: YearBounds) -> impl IntoView {
    let (lang, state) = (page.lang, page.state);
    let years = Memo::new(move |_| state.with(|s| bounds.selected(s.filter.years)));
    let fill_left = move || format!("{:.2}%", bounds.track_gaps(years.get()).0);
    let fill_right = move || format!("{:.2}%", bounds.track_gaps(years.get()).1);
    let sliders = YearEnd::BOTH.map(|end| year_slider(page, bounds, years, end));
    let fields = YearEnd::BOTH.map(|end| year_field(page, bounds, years, end));
    view! {
        <fieldset>
            <legend>{move || msg(Msg::FilterPeriod, lang.get())}</legend>
            <p class="range__value" data-testid="period-value">{move || { let (a, b) = years.get(); format!("{a} – {b}") }}</p>
            <div class="range">
                <div class="range__track"><div class="range__fill" style:left=fill_left style:right=fill_right></div></div>
                {sliders}
            </div>
            <div class="range__years">{fields}</div>
        </fieldset>
    }
}

/// The words naming one end of the period.
fn year_end_label(end: YearEnd) -> Msg {
    match end {
        YearEnd::From => Msg::FromYear,
        YearEnd::To => Msg::ToYear,
    }
}

/// The range input (thumb) for one end of the period; a thumb moved past the other one stops
/// there.
fn year_slider(page: Page, bounds: YearBounds, years: Memo<(i32, i32)>, end: YearEnd) -> impl IntoView {
    let (lang, state) = (page.lang, page.state);
    let on_change = move |text: String| {
        if let Some(years) = state.with_untracked(|s| bounds.slide_end(s.filter.years, end, &text)) {
            page.update(|s| s.filter.years = Some(years));
        }
    };
    view! {
        <input
            type="range"
            id=format!("f-year-{}", end.id())
            min=bounds.first
            max=bounds.last
            step="1"
            prop:value=move || end.of(years.get()).to_string()
            aria-label=move || msg(year_end_label(end), lang.get())
            on:change=move |ev| on_change(event_target_value(&ev))
        />
    }
}

/// The number field for one end of the period, its label around it so the words are part of
/// the target; a year it refuses leaves the period as it was and says why beside the field.
fn year_field(page: Page, bounds: YearBounds, years: Memo<(i32, i32)>, end: YearEnd) -> impl IntoView {
    let (lang, state) = (page.lang, page.state);
    let error = RwSignal::new(None::<YearError>);
    // A period set by the thumbs or a link replaces whatever was refused.
    Effect::new(move |_| {
        years.track();
        error.set(None);
    });
    let on_change = move |text: String| match state.with_untracked(|s| bounds.typed_end(s.filter.years, end, &text)) {
        Ok(years) => {
            error.set(None);
            page.update(|s| s.filter.years = Some(years));
        }
        Err(refused) => error.set(Some(refused)),
    };
    let id = format!("f-year-{}-typed", end.id());
    let error_id = format!("{id}-error");
    let (label_for, described_by) = (id.clone(), error_id.clone());
    view! {
        <div class="range__year">
            <label class="year-field" for=label_for>
                <span>{move || msg(year_end_label(end), lang.get())}</span>
                <input
                    type="number"
                    class="input"
                    id=id
                    inputmode="numeric"
                    min=bounds.first
                    max=bounds.last
                    step="1"
                    data-testid=format!("year-{}", end.id())
                    prop:value=move || end.of(years.get()).to_string()
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=move || error.with(Option::is_some).then(|| described_by.clone())
                    on:change=move |ev| on_change(event_target_value(&ev))
                />
            </label>
            {move || error.get().map(|e| view! {
                <p class="filters__error" id=error_id.clone() role="alert" data-testid=format!("year-{}-error", end.id())>
                    {e.message(lang.get())}
                </p>
            })}
        </div>
    }
}

/// The country filter: a search box, an order toggle, and the countries as checkboxes, each
/// with the latest value of the primary metric as a small bar.
#[component]
fn CountryList(dataset: Arc<Dataset>, page: Page) -> impl IntoView {
    let lang = page.lang;
    let state = page.state;
    let search = RwSignal::new(String::new());
    let order = Memo::new(move |_| state.with(|s| s.country_order));
    let metric = Memo::new(move |_| state.with(|s| Metric::primary(&s.filter.metrics)));
    let values_data = dataset.clone();
    // Keyed on the filter without the dimensions the values do not use (countries, levels,
    // and metrics, since only the primary one matters), so that most filter changes skip this
    // pass over every figure.
    let others = Memo::new(move |_| {
        state.with(|s| Filter { metrics: BTreeSet::new(), levels: BTreeSet::new(), countries: BTreeSet::new(), ..s.filter.clone() })
    });
    let values = Memo::new(move |_| {
        others.with(|filter| {
            latest_values(&values_data, filter, metric.get())
                .into_iter()
                .filter_map(|(country, figure)| Some((country, values_data.figure(figure)?.value())))
                .collect::<Vec<(Position<Country>, f64)>>()
        })
    });
    let list_data = dataset.clone();
    let rows = move || {
        let lang = lang.get();
        let unit = metric.get().default_unit();
        let countries = values.with(|values| search.with(|search| country_list(&list_data, values, search, order.get(), lang)));
        if countries.is_empty() {
            return view! { <p class="empty">{msg(Msg::NoCountryMatch, lang)}</p> }.into_any();
        }
        countries
            .into_iter()
            .map(|CountryRow { code, name, value, share, .. }| {
                let id = format!("f-country-{code}");
                let (checked_code, toggle_code) = (code.clone(), code.clone());
                let width = share * 100.0;
                view! {
                    <div class="check check--country" data-testid="country-option" data-code=code.clone()>
                        <input
                            type="checkbox"
                            id=id.clone()
                            prop:checked=move || state.with(|s| s.filter.countries.contains(&checked_code))
                            on:change=move |_| page.update(|s| s.toggle_country(&toggle_code))
                        />
                        <label for=id>
                            <span class="check__name">{name}</span>
                            <span class="check__value">{value.map(|v| format_value(v, unit, lang))}</span>
                            <span class="check__bar" aria-hidden="true"><span style:width=format!("{width:.1}%")></span></span>
                        </label>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    let order_button = move |option: CountryOrder, label: Msg| {
        view! {
            <button
                type="button"
                aria-pressed=move || (order.get() == option).to_string()
                data-testid=format!("country-order-{}", option.id())
                on:click=move |_| page.update(|s| s.country_order = option)
            >
                {move || msg(label, lang.get())}
            </button>
        }
    };
    view! {
        <fieldset class="countries">
            <legend>{move || msg(Msg::FilterCountry, lang.get())}</legend>
            <div class="countries__tools">
                <label class="visually-hidden" for="f-country-search">{move || msg(Msg::SearchCountries, lang.get())}</label>
                <input
                    type="search"
                    id="f-country-search"
                    class="input"
                    placeholder=move || msg(Msg::SearchCountries, lang.get())
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))
                />
                <div class="toggle toggle--small" role="group" aria-label=move || msg(Msg::FilterCountry, lang.get())>
                    {order_button(CountryOrder::Name, Msg::SortByName)}
                    {order_button(CountryOrder::Value, Msg::SortByValue)}
                </div>
            </div>
            <p class="countries__metric">{move || metric_name(metric.get(), lang.get())}</p>
            <div class="countries__list">{rows}</div>
        </fieldset>
    }
}
