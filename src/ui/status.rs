//! Loading and error states, and the list of records skipped while loading.

use leptos::prelude::*;

use crate::domain::i18n::Lang;
use crate::domain::issue::{Issue, LoadError};
use crate::domain::messages::{msg, Msg};
use crate::domain::view::UrlNotice;

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
