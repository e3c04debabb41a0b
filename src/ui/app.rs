//! The root component: loads the dataset, owns the view state (kept in the address bar) and
//! lays out the page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::dataset::date::DatePrecision;
use crate::domain::text::format::{format_date, labelled};
use crate::domain::lang::Lang;
use crate::domain::dataset::load::Loaded;
use crate::domain::text::messages::{msg, Msg};
use crate::domain::dataset::model::Dataset;
use std::collections::BTreeSet;

use crate::domain::explore::select::{select, Filter, Ignore};
use crate::domain::export::describe_filters;
use crate::domain::explore::view::{drop_unknown_ids, from_query, to_query, ThemeChoice, UrlNotice, View, ViewState};
use crate::ui::breakdown::BreakdownView;
use crate::ui::cards::HeadlineCards;
use crate::ui::data::{DataSource, LoadState};
use crate::ui::status::{DataBanner, DataControls, DropZone};
use crate::ui::downloads::DataDownloads;
use crate::ui::embed::{EmbedShell, Embedded};
use crate::ui::share::ShareDialog;
use crate::ui::staff::StaffPage;
use crate::ui::filters::FilterPanel;
use crate::ui::map::MapView;
use crate::ui::sources::SourcesPanel;
use crate::ui::status::{ErrorPanel, LoadingPanel, Notices, SkippedRecords};
use crate::ui::table::FigureTable;
use crate::ui::tabs::ViewTabs;
use crate::ui::timeline::TimelineView;
use crate::web::env;

/// Handles shared by the page's components: the language, the theme and the view state.
#[derive(Clone, Copy)]
pub struct Page {
    /// The interface language in use.
    pub lang: Signal<Lang>,
    /// Whether the page is dark (the theme choice applied to the system preference).
    pub dark: Signal<bool>,
    /// The view state; change it through [`Page::update`].
    pub state: RwSignal<ViewState>,
    /// Whether charts leave their background transparent (an embed flag).
    pub transparent: Memo<bool>,
    /// Whether the address has been read against a dataset yet (the first load does it).
    pub resolved: StoredValue<bool>,
}

impl Page {
    /// Applies a change to the view state (a new history entry) and marks the moment for the
    /// repaint benchmark.
    pub fn update(&self, change: impl FnOnce(&mut ViewState)) {
        env::mark("filter-change");
        self.state.update(change);
    }
}

/// The page.
#[component]
pub fn App() -> impl IntoView {
    let (initial, _) = from_query(&env::query_string(), None);
    let state = RwSignal::new(initial);
    let preferred = Lang::negotiate(env::preferred_languages().iter().map(String::as_str));
    // Memos, not derived signals: readers (every chart's repaint) must not re-run on each
    // change of the view state, only when the language or theme really changes.
    let lang: Signal<Lang> = Memo::new(move |_| state.with(|s| s.lang).unwrap_or(preferred)).into();
    let system_dark = RwSignal::new(env::prefers_dark());
    let media = StoredValue::new_local(env::watch_prefers_dark(move |dark| system_dark.set(dark)));
    let dark: Signal<bool> = Memo::new(move |_| state.with(|s| s.presentation.theme).is_dark(system_dark.get())).into();
    let transparent = Memo::new(move |_| state.with(|s| s.presentation.transparent));
    let page = Page { lang, dark, state, transparent, resolved: StoredValue::new(false) };
    let data = DataSource::new();
    data.start(&state.get_untracked());
    let load = data.load;
    let notices = RwSignal::new(Vec::<UrlNotice>::new());

    Effect::new(move |_| {
        let lang = lang.get();
        env::set_document_language(lang.tag(), msg(Msg::Title, lang));
    });
    Effect::new(move |_| {
        media.with_value(|_| ());
        env::set_document_theme(dark.get(), transparent.get());
    });

    let embedded = state.with_untracked(|s| s.presentation.embed);
    let staff = Memo::new(move |_| state.with(|s| s.view == View::Extract));
    let body = move || match load.get() {
        _ if staff.get() => view! { <StaffPage page=page/> }.into_any(),
        LoadState::Loading => view! { <LoadingPanel lang=lang/> }.into_any(),
        LoadState::Failed(error) => {
            let published = state.with_untracked(|s| s.data.is_some());
            view! {
                <ErrorPanel lang=lang error=error on_retry=move || data.start(&state.get_untracked())/>
                {published.then(|| view! {
                    <p class="status__alternative">
                        <button type="button" class="button" data-testid="use-published" on:click=move |_| {
                            // Another dataset covers other years: show the whole period of the published one.
                            page.update(|s| {
                                s.data = None;
                                s.filter.years = None;
                            });
                            data.start(&state.get_untracked());
                        }>{move || msg(Msg::UsePublished, lang.get())}</button>
                    </p>
                })}
            }
            .into_any()
        }
        LoadState::Ready(loaded) if embedded => view! { <Embedded loaded=loaded page=page/> }.into_any(),
        LoadState::Ready(loaded) => view! { <Dashboard loaded=loaded page=page data=data notices=notices/> }.into_any(),
    };
    if embedded {
        return view! { <EmbedShell page=page>{body}</EmbedShell> }.into_any();
    }
    sync_with_address_bar(page, data, notices);

    view! {
        <a class="skip-link" href="#main">{move || msg(Msg::SkipToContent, lang.get())}</a>
        <header class="masthead">
            <div class="masthead__inner">
                <p class="masthead__brand" aria-hidden="true"><span>"EU"</span><span>"IOM"</span></p>
                <div class="masthead__titles">
                    <h1>{move || msg(Msg::Title, lang.get())}</h1>
                    <p class="masthead__subtitle">{move || msg(Msg::Subtitle, lang.get())}</p>
                </div>
                <div class="masthead__tools">
                    <LanguageSwitch page=page/>
                    <ThemeSwitch page=page/>
                </div>
            </div>
        </header>
        <main id="main" tabindex="-1">
            <DataBanner page=page data=data/>
            {body}
        </main>
        <DropZone page=page data=data/>
        <footer class="site-footer">
            <p>{move || msg(Msg::FooterData, lang.get())}</p>
            <p>{move || msg(Msg::FooterDisclaimer, lang.get())}</p>
            <p><a href="?view=extract" on:click=move |ev| {
                ev.prevent_default();
                page.update(|s| s.view = View::Extract);
            }>{move || msg(Msg::StaffLink, lang.get())}</a></p>
        </footer>
    }
    .into_any()
}

/// Buttons to switch the interface language.
#[component]
fn LanguageSwitch(page: Page) -> impl IntoView {
    let lang = page.lang;
    view! {
        <nav class="lang-switch" aria-label=move || msg(Msg::Language, lang.get())>
            {Lang::ALL
                .into_iter()
                .map(|option| {
                    view! {
                        <button
                            type="button"
                            lang=option.tag()
                            aria-pressed=move || (lang.get() == option).to_string()
                            on:click=move |_| page.state.update(|s| s.lang = Some(option))
                        >
                            {option.endonym()}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// Buttons to choose the theme: automatic (the system's), light or dark.
#[component]
fn ThemeSwitch(page: Page) -> impl IntoView {
    let lang = page.lang;
    let current = Memo::new(move |_| page.state.with(|s| s.presentation.theme));
    view! {
        <div class="toggle toggle--small theme-switch" role="group" aria-label=move || msg(Msg::Theme, lang.get())>
            {ThemeChoice::ALL
                .into_iter()
                .map(|choice| {
                    let label = match choice {
                        ThemeChoice::Auto => Msg::ThemeAuto,
                        ThemeChoice::Light => Msg::ThemeLight,
                        ThemeChoice::Dark => Msg::ThemeDark,
                    };
                    view! {
                        <button
                            type="button"
                            data-testid=format!("theme-{}", choice.id())
                            aria-pressed=move || (current.get() == choice).to_string()
                            on:click=move |_| page.state.update(|s| s.presentation.theme = choice)
                        >
                            {move || msg(label, lang.get())}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Keeps the address bar and the view state in step: every change of state writes the URL
/// (a new history entry, except for the first, normalising write), and back/forward read it.
/// It lives as long as the page, so leaving the dashboard for the staff page and back keeps it.
fn sync_with_address_bar(page: Page, data: DataSource, notices: RwSignal<Vec<UrlNotice>>) {
    let state = page.state;
    let from_history = StoredValue::new(false);
    let written = StoredValue::new(false);
    Effect::new(move |_| {
        let query = state.with(to_query);
        // Until the first dataset has been read, the state lacks the year bounds a shared
        // link must spell out; the address is left as it came.
        if !page.resolved.get_value() {
            return;
        }
        let push = written.get_value() && !from_history.get_value();
        from_history.set_value(false);
        written.set_value(true);
        env::write_query_string(&query, push);
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let dataset = match data.load.get_untracked() {
            LoadState::Ready(loaded) => Some(loaded),
            _ => None,
        };
        let (restored, found) = from_query(&env::query_string(), dataset.as_ref().map(|l| &l.dataset));
        from_history.set_value(true);
        notices.set(found);
        state.set(restored);
    });
    on_cleanup(move || handle.remove());
}

/// The selections every view reads, derived from the view state.
#[derive(Clone, Copy)]
pub struct Selections {
    /// The view shown.
    pub view: Memo<View>,
    /// Figures for the headline cards (every metric and level).
    pub cards: Memo<Vec<usize>>,
    /// Figures for the current view (the breakdown ignores the level: it compares places).
    pub view_figures: Memo<Vec<usize>>,
}

/// Reads the URL again now that the dataset is known (year bounds, unknown ids) and builds the
/// selections.
pub fn use_selections(dataset: &Arc<Dataset>, page: Page) -> (Selections, Vec<UrlNotice>) {
    let mut found = Vec::new();
    if page.resolved.get_value() {
        // A later dataset (a reload, a local file): keep the view, drop what it does not know.
        let mut state = page.state.get_untracked();
        drop_unknown_ids(&mut state, dataset, &mut found);
        page.state.set(state);
    } else {
        // The first dataset: read the address again, now that year bounds and ids are known.
        page.resolved.set_value(true);
        let (mut state, notices) = from_query(&env::query_string(), Some(dataset));
        found = notices;
        // The language or the view may have been chosen before the data arrived.
        page.state.with_untracked(|current| {
            state.lang = state.lang.or(current.lang);
            state.view = current.view;
        });
        // Outside embeds the cards always head the page, so a link to them opens the timeline.
        if state.view == View::Cards && !state.presentation.embed {
            state.view = View::Timeline;
        }
        page.state.set(state);
    }
    let filter = Memo::new(move |_| page.state.with(|s| s.filter.clone()));
    // The cards ignore the metric and level filters; keying them on the rest of the filter
    // spares a pass over every figure when only those change.
    let cards_filter = Memo::new(move |_| {
        filter.with(|f| Filter { metrics: BTreeSet::new(), levels: BTreeSet::new(), ..f.clone() })
    });
    let cards_data = dataset.clone();
    let cards = Memo::new(move |_| cards_filter.with(|f| select(&cards_data, f, Ignore::default())));
    let view = Memo::new(move |_| page.state.with(|s| s.view));
    let selected_data = dataset.clone();
    let view_figures = Memo::new(move |_| {
        let ignore = Ignore { metrics: false, levels: matches!(view.get(), View::Breakdown | View::Map) };
        filter.with(|f| select(&selected_data, f, ignore))
    });
    env::mark("data-ready");
    (Selections { view, cards, view_figures }, found)
}

/// The body of a view (a tab of the dashboard, or what an embed shows).
pub fn view_body(view: View, dataset: Arc<Dataset>, selections: Selections, page: Page) -> AnyView {
    let Selections { cards, view_figures: selected, .. } = selections;
    let lang = page.lang;
    match view {
        View::Timeline => view! { <TimelineView dataset=dataset selected=selected page=page/> }.into_any(),
        View::Breakdown => view! { <BreakdownView dataset=dataset selected=selected page=page/> }.into_any(),
        View::Map => view! { <MapView dataset=dataset page=page/> }.into_any(),
        View::Table => view! { <FigureTable dataset=dataset selected=selected page=page/> }.into_any(),
        View::Sources => view! { <SourcesPanel dataset=dataset selected=selected lang=lang/> }.into_any(),
        View::Cards => view! { <HeadlineCards dataset=dataset figures=cards lang=lang/> }.into_any(),
        // The staff page replaces the dashboard before a view is shown, and is not embeddable.
        View::Extract => view! { <TimelineView dataset=dataset selected=selected page=page/> }.into_any(),
    }
}

/// Everything shown once the data is loaded.
#[component]
fn Dashboard(loaded: Arc<Loaded>, page: Page, data: DataSource, notices: RwSignal<Vec<UrlNotice>>) -> impl IntoView {
    let dataset = Arc::new(loaded.dataset.clone());
    let (Selections { view, cards: card_figures, view_figures: selected }, found) = use_selections(&dataset, page);
    if !found.is_empty() {
        notices.set(found);
    }
    let lang = page.lang;
    let as_of = dataset.latest_source_date();
    let issues = loaded.issues.clone();
    let print_data = dataset.clone();

    let selections = Selections { view, cards: card_figures, view_figures: selected };
    let panel = {
        let dataset = dataset.clone();
        move || view_body(view.get(), dataset.clone(), selections, page)
    };

    view! {
        <Notices notices=notices lang=lang/>
        <section class="section" aria-labelledby="headlines-heading">
            <div class="section__header">
                <h2 id="headlines-heading">{move || msg(Msg::HeadlinesHeading, lang.get())}</h2>
                <div class="data-as-of">
                    <p data-testid="data-as-of">
                        {move || {
                            let lang = lang.get();
                            as_of
                                .map(|d| format!("{} {}", msg(Msg::DataAsOf, lang), format_date(d, DatePrecision::Day, lang)))
                                .unwrap_or_default()
                        }}
                    </p>
                    <DataControls page=page data=data/>
                </div>
            </div>
            <HeadlineCards dataset=dataset.clone() figures=card_figures lang=lang/>
        </section>
        <div class="explorer">
            <FilterPanel dataset=dataset.clone() selected=selected page=page/>
            <section class="section explorer__views" aria-label=move || msg(Msg::Views, lang.get())>
                <div class="explorer__bar">
                    <ViewTabs page=page/>
                    <ShareDialog page=page/>
                </div>
                <div class="tab-panel" role="tabpanel" id="view-panel" aria-labelledby=move || format!("tab-{}", view.get().id())>
                    {panel}
                </div>
                <DataDownloads dataset=dataset.clone() selected=selected page=page/>
            </section>
        </div>
        <SkippedRecords issues=issues lang=lang/>
        <div class="print-only" data-testid="print-info">
            <p>{move || page.state.with(|s| labelled(msg(Msg::ActiveFilters, lang.get()), &describe_filters(&print_data, s, lang.get()), lang.get()))}</p>
            <p>{move || {
                let lang = lang.get();
                let as_of = as_of.map(|d| format_date(d, DatePrecision::Day, lang)).unwrap_or_default();
                format!("{} {as_of} · {} {} · {}", msg(Msg::DataAsOf, lang), msg(Msg::PrintedOn, lang), format_date(env::today(), DatePrecision::Day, lang), env::page_url())
            }}</p>
        </div>
    }
}
