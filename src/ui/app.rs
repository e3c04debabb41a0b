//! The root component: assembles the page — loads the dataset, creates the shared [`Page`]
//! handles (kept in step with the address bar) and lays out the header, the dashboard or an
//! embed, and the footer. Nothing imports from here but `ui::mount`.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::dataset::date::DatePrecision;
use crate::domain::dataset::load::Loaded;
use crate::domain::text::format::{format_date, labelled};
use crate::domain::text::messages::{msg, Msg};

use crate::domain::explore::view::{from_query, to_query, UrlNotice, View};
use crate::domain::export::describe_filters;
use crate::html::chrome::{footer_inner, headlines_header, staff_href, STAFF_PAGE};
use crate::html::tabs::tab_id;
use crate::ui::cards::HeadlineCards;
use crate::ui::data::{DataSource, LoadState};
use crate::ui::downloads::DataDownloads;
use crate::ui::embed::{EmbedShell, Embedded};
use crate::ui::filters::{FilterButton, FilterPanel};
use crate::ui::masthead::Masthead;
use crate::ui::page::{use_selections, Page, Selections};
use crate::ui::share::ShareDialog;
use crate::ui::status::{DataBanner, DataControls, DropZone, EmbedDataBanner};
use crate::ui::status::{ErrorPanel, LoadingPanel, Notices, OfflineNotice, SkippedRecords, UpdateNotice};
use crate::ui::tabs::ViewTabs;
use crate::ui::views::view_body;
use crate::web::{document, location, offline, perf};

/// The page.
#[component]
pub fn App() -> impl IntoView {
    let page = Page::start();
    let Page { lang, state, .. } = page;
    let data = DataSource::new();
    data.start(&state.get_untracked());
    let load = data.load;
    let notices = RwSignal::new(Vec::<UrlNotice>::new());

    let embedded = state.with_untracked(|s| s.presentation.embed);
    let staff = Memo::new(move |_| state.with(|s| s.view == View::Extract));
    // The staff page is its own page with its own module: `?view=extract` leads there.
    Effect::new(move |_| {
        if staff.get() {
            location::replace_location(&format!("{STAFF_PAGE}?{}", state.with_untracked(to_query)));
        }
    });
    let update_ready = RwSignal::new(false);
    let worker_started = StoredValue::new(false);
    // The pre-rendered page stays until there is something to show instead of it; then the
    // service worker starts (once), so it never competes with the first view.
    Effect::new(move |_| {
        if staff.get() || !matches!(load.get(), LoadState::Loading) {
            document::reveal_app();
            if !staff.get_untracked() && !worker_started.get_value() {
                worker_started.set_value(true);
                offline::start(move || update_ready.set(true));
            }
        }
    });
    let body = move || match load.get() {
        _ if staff.get() => view! { <LoadingPanel lang=lang/> }.into_any(),
        LoadState::Loading => view! { <LoadingPanel lang=lang/> }.into_any(),
        LoadState::Failed(error) => {
            let published = state.with_untracked(|s| s.data.is_some() || s.preview);
            view! {
                <ErrorPanel lang=lang error=error on_retry=move || data.start(&state.get_untracked())/>
                {published.then(|| view! {
                    <p class="status__alternative">
                        <button type="button" class="button" data-testid="use-published" on:click=move |_| {
                            // Another dataset covers other years: show the whole period of the published one.
                            page.update(|s| {
                                s.data = None;
                                s.preview = false;
                                s.filter.years = None;
                            });
                            data.start(&state.get_untracked());
                        }>{move || msg(Msg::UsePublished, lang.get())}</button>
                    </p>
                })}
            }
            .into_any()
        }
        LoadState::Ready(loaded) if embedded => view! {
            <EmbedDataBanner lang=lang data=data/>
            <OfflineNotice page=page data=data as_of=loaded.dataset.latest_source_date()/>
            <Embedded loaded=loaded page=page/>
        }
        .into_any(),
        LoadState::Ready(loaded) => view! { <Dashboard loaded=loaded page=page data=data notices=notices/> }.into_any(),
    };
    if embedded {
        return view! { <EmbedShell page=page><UpdateNotice lang=lang ready=update_ready/>{body}</EmbedShell> }.into_any();
    }
    sync_with_address_bar(page, data, notices);

    view! {
        <a class="skip-link" href="#main">{move || msg(Msg::SkipToContent, lang.get())}</a>
        <Masthead page=page/>
        <main id="main" tabindex="-1">
            <UpdateNotice lang=lang ready=update_ready/>
            <DataBanner page=page data=data/>
            {body}
        </main>
        <DropZone page=page data=data/>
        <footer class="site-footer" inner_html=move || footer_inner(lang.get(), &state.with(staff_href))></footer>
    }
    .into_any()
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
        location::write_query_string(&query, push);
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let dataset = match data.load.get_untracked() {
            LoadState::Ready(loaded) => Some(loaded),
            _ => None,
        };
        let (restored, found) = from_query(&location::query_string(), dataset.as_ref().map(|l| &*l.dataset));
        from_history.set_value(true);
        notices.set(found);
        state.set(restored);
    });
    on_cleanup(move || handle.remove());
}

/// Everything shown once the data is loaded.
#[component]
fn Dashboard(loaded: Arc<Loaded>, page: Page, data: DataSource, notices: RwSignal<Vec<UrlNotice>>) -> impl IntoView {
    let dataset = loaded.dataset.clone();
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
        <OfflineNotice page=page data=data as_of=as_of/>
        {move || data.snapshot_replaced.get().then(|| view! {
            <p class="notice" role="status" data-testid="snapshot-replaced">{move || msg(Msg::SnapshotReplaced, lang.get())}</p>
        })}
        <section class="section headlines" aria-labelledby="headlines-heading">
            <div class="section__header" inner_html=move || headlines_header(lang.get(), as_of, "headlines-heading")></div>
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
                <div class="tab-panel" role="tabpanel" id="view-panel" tabindex="-1" aria-labelledby=move || tab_id(view.get())>
                    {panel}
                </div>
                <DataDownloads dataset=dataset.clone() selected=selected page=page data=data/>
                <DataControls page=page data=data/>
            </section>
        </div>
        <SkippedRecords issues=issues lang=lang/>
        <div class="print-only" data-testid="print-info">
            <p>{move || page.state.with(|s| labelled(msg(Msg::ActiveFilters, lang.get()), &describe_filters(&print_data, s, lang.get()), lang.get()))}</p>
            <p>{move || {
                let lang = lang.get();
                let as_of = as_of.map(|d| format_date(d, DatePrecision::Day, lang)).unwrap_or_default();
                format!("{} {as_of} · {} {} · {}", msg(Msg::DataAsOf, lang), msg(Msg::PrintedOn, lang), perf::today().map_or_else(|| msg(Msg::ClockUnknown, lang).to_string(), |d| format_date(d, DatePrecision::Day, lang)), location::page_url())
            }}</p>
        </div>
    }
}
