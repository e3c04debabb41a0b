//! Loading and error states, the list of records skipped while loading, and the notices of
//! offline use (figures from the saved copy, a new version ready).

use leptos::prelude::*;

use crate::domain::dataset::date::Date;
use crate::domain::dataset::issue::{Issue, LoadError};
use crate::domain::explore::view::UrlNotice;
use crate::domain::lang::Lang;
use crate::domain::text::messages::{msg, Msg};
use crate::ui::data::DataSource;
use crate::ui::page::Page;
use crate::web::files::{drag_has_files, file_from_drop, file_from_input};
use crate::web::offline::apply_update;

/// Shown while the data loads.
#[component]
pub fn LoadingPanel(lang: Signal<Lang>) -> impl IntoView {
    view! {
        <div class="status status--loading" role="status" data-testid="loading">
            <span class="spinner" aria-hidden="true"></span>
            {move || msg(Msg::Loading, lang.get())}
        </div>
    }
}

/// Shown when the data cannot be loaded: what went wrong, what to try, and a retry button.
#[component]
pub fn ErrorPanel(lang: Signal<Lang>, error: LoadError, on_retry: impl Fn() + 'static) -> impl IntoView {
    view! {
        <div class="status status--error" role="alert" data-testid="load-error">
            <h2>{move || msg(Msg::LoadFailed, lang.get())}</h2>
            <p class="status__detail" data-testid="load-error-detail">{move || error.message(lang.get())}</p>
            <p>{move || msg(Msg::LoadFailedHint, lang.get())}</p>
            <button type="button" class="button" on:click=move |_| on_retry()>{move || msg(Msg::Retry, lang.get())}</button>
        </div>
    }
}

/// A collapsible list of the records that were skipped or repaired.
#[component]
pub fn SkippedRecords(issues: Vec<Issue>, lang: Signal<Lang>) -> impl IntoView {
    if issues.is_empty() {
        return ().into_any();
    }
    let n = issues.len();
    view! {
        <details class="skipped" data-testid="skipped-records">
            <summary>{move || format!("{} ({n})", msg(Msg::SkippedHeading, lang.get()))}</summary>
            <ul>
                {move || {
                    let lang = lang.get();
                    issues.iter().map(|issue| view! { <li>{issue.message(lang)}</li> }).collect_view()
                }}
            </ul>
        </details>
    }
    .into_any()
}

/// What a shared link contained that could not be used, with a button to dismiss it.
#[component]
pub fn Notices(notices: RwSignal<Vec<UrlNotice>>, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let list = notices.get();
        if list.is_empty() {
            return ().into_any();
        }
        let lang = lang.get();
        view! {
            <div class="notice" role="status" data-testid="url-notices">
                <p class="notice__title">{msg(Msg::LinkNotices, lang)}</p>
                <ul>{list.iter().map(|n| view! { <li>{n.message(lang)}</li> }).collect_view()}</ul>
                <button type="button" class="button" on:click=move |_| notices.set(Vec::new())>{msg(Msg::Dismiss, lang)}</button>
            </div>
        }
        .into_any()
    }
}

/// A banner that stays while the figures shown are not the published dataset.
#[component]
pub fn DataBanner(page: Page, data: DataSource) -> impl IntoView {
    let lang = page.lang;
    move || {
        let text = data.origin.with(|origin| origin.banner(lang.get()))?;
        Some(view! {
            <div class="notice notice--data" role="status" data-testid="data-origin">
                <p class="notice__title">{text}</p>
                <button type="button" class="button button--small" data-testid="use-published" on:click=move |_| {
                    // Another dataset covers other years: show the whole period of the published one.
                            page.update(|s| {
                                s.data = None;
                                s.preview = false;
                                s.filter.years = None;
                            });
                    data.start(&page.state.get_untracked());
                }>{msg(Msg::UsePublished, lang.get())}</button>
            </div>
        })
    }
}

/// In an embed, a compact line that stays while the figures are not the published dataset: no
/// flag (`plain=1`, a transparent background, any view) removes it.
#[component]
pub fn EmbedDataBanner(lang: Signal<Lang>, data: DataSource) -> impl IntoView {
    move || {
        let text = data.origin.with(|origin| origin.embed_banner(lang.get()))?;
        Some(view! { <p class="embed__data" role="status" data-testid="embed-data-origin">{text}</p> })
    }
}

/// Reload the data, or open a local JSON or CSV file; a failure is shown beside the data.
#[component]
pub fn DataControls(page: Page, data: DataSource) -> impl IntoView {
    let lang = page.lang;
    view! {
        <div class="data-controls">
            <button type="button" class="link-button" data-testid="reload-data" on:click=move |_| data.reload(&page.state.get_untracked())>
                {move || msg(Msg::ReloadData, lang.get())}
            </button>
            <label class="link-button file-button">
                {move || msg(Msg::OpenLocalFile, lang.get())}
                <input
                    type="file"
                    class="visually-hidden"
                    accept=".json,.csv,application/json,text/csv"
                    data-testid="open-file"
                    on:change=move |event| {
                        if let Some(file) = file_from_input(&event) {
                            page.update(|s| s.filter.years = None);
                            data.open_file(file);
                        }
                    }
                />
            </label>
            <span class="data-controls__reading" role="status" data-testid="reading-file">
                {move || data.reading.get().then(|| msg(Msg::ReadingFile, lang.get()))}
            </span>
            {move || data.reload_error.get().map(|error| view! {
                <p class="data-controls__error" role="alert" data-testid="reload-error">
                    {format!("{} {}", msg(Msg::ReloadFailed, lang.get()), error.message(lang.get()))}
                </p>
            })}
        </div>
    }
}

/// Dropping a JSON or CSV file anywhere on the page opens it as local data.
#[component]
pub fn DropZone(page: Page, data: DataSource) -> impl IntoView {
    let lang = page.lang;
    let dragging = RwSignal::new(false);
    let over = window_event_listener(leptos::ev::dragover, move |event| {
        if drag_has_files(&event) {
            event.prevent_default();
            dragging.set(true);
        }
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |event| {
        if event.related_target().is_none() {
            dragging.set(false);
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |event| {
        if drag_has_files(&event) {
            event.prevent_default();
        }
        dragging.set(false);
        if let Some(file) = file_from_drop(&event) {
            page.update(|s| s.filter.years = None);
            data.open_file(file);
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
    move || {
        dragging.get().then(|| {
            view! {
                <div class="drop-zone" aria-hidden="true"><p>{msg(Msg::DropFile, lang.get())}</p></div>
            }
        })
    }
}

/// Said while the figures shown are the copy saved on this device because the network failed;
/// shown once the app has replaced the pre-rendered page. When the browser is back online the
/// data is fetched again (and the notice goes once the network answers).
#[component]
pub fn OfflineNotice(page: Page, data: DataSource, as_of: Option<Date>) -> impl IntoView {
    let lang = page.lang;
    let online = window_event_listener(leptos::ev::online, move |_| {
        if data.offline.get_untracked().is_some() {
            data.reload(&page.state.get_untracked());
        }
    });
    on_cleanup(move || online.remove());
    move || {
        data.offline.get().map(|copy| {
            view! {
                <p class="notice notice--offline" role="status" data-testid="offline-notice">
                    {move || copy.message(as_of, lang.get())}
                </p>
            }
        })
    }
}

/// Offers to reload when a new version of the dashboard has been deployed and is ready.
#[component]
pub fn UpdateNotice(lang: Signal<Lang>, ready: RwSignal<bool>) -> impl IntoView {
    move || {
        ready.get().then(|| {
            view! {
                <div class="notice notice--update" role="status" data-testid="update-ready">
                    <p class="notice__title">{move || msg(Msg::UpdateReady, lang.get())}</p>
                    <button type="button" class="button button--small" data-testid="update-reload" on:click=move |_| apply_update()>
                        {move || msg(Msg::UpdateReload, lang.get())}
                    </button>
                </div>
            }
        })
    }
}
