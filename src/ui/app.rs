//! The root component: assembles the page — loads the dataset, creates the shared [`Page`]
//! handles (kept in step with the address bar) and lays out the header, the dashboard or an
//! embed, and the footer. Nothing imports from here but `ui::mount`.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::dataset::date::DatePrecision;
use crate::domain::text::format::{format_date, labelled};
use crate::domain::lang::Lang;
use crate::domain::dataset::load::Loaded;
use crate::domain::text::messages::{msg, Msg};

use crate::domain::export::describe_filters;
use crate::domain::explore::view::{from_query, to_query, ThemeChoice, UrlNotice, View};
use crate::ui::cards::HeadlineCards;
use crate::ui::data::{DataSource, LoadState};
use crate::ui::status::{DataBanner, DataControls, DropZone};
use crate::ui::downloads::DataDownloads;
use crate::ui::embed::{EmbedShell, Embedded};
use crate::ui::share::ShareDialog;
use crate::ui::staff::StaffPage;
use crate::ui::filters::{FilterButton, FilterPanel};
use crate::ui::status::{ErrorPanel, LoadingPanel, Notices, SkippedRecords};
use crate::ui::page::{use_selections, Page, Selections};
use crate::ui::tabs::ViewTabs;
use crate::ui::views::view_body;
use crate::web::env;

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
    // The pre-rendered page stays until there is something to show instead of it.
    Effect::new(move |_| {
        if staff.get() || !matches!(load.get(), LoadState::Loading) {
            env::reveal_app();
        }
    });
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
    let filters_open = RwSignal::new(false);
    let default_filter = page.state.with_untracked(|s| s.with_default_filters(Some(&dataset)).filter);
    let panel = {
        let dataset = dataset.clone();
        move || view_body(view.get(), dataset.clone(), selections, page)
    };

    view! {
        <Notices notices=notices lang=lang/>
        {move || data.snapshot_replaced.get().then(|| view! {
            <p class="notice" role="status" data-testid="snapshot-replaced">{move || msg(Msg::SnapshotReplaced, lang.get())}</p>
        })}
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
            <FilterPanel dataset=dataset.clone() selected=selected page=page open=filters_open/>
            <section class="section explorer__views" aria-label=move || msg(Msg::Views, lang.get())>
                <div class="explorer__bar">
                    <ViewTabs page=page/>
                    <div class="explorer__actions">
                        <FilterButton page=page open=filters_open defaults=default_filter/>
                        <ShareDialog page=page/>
                    </div>
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
