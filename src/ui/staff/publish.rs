//! The publish step: what still stops the review, then the preview on the dashboard and the
//! downloads (the merged dataset, the reviewed records, the site update).

use leptos::prelude::*;

use crate::domain::dataset::origin::PREVIEW_KEY;
use crate::domain::explore::view::{to_query, View, ViewState};
use crate::domain::export::DownloadError;
use crate::domain::release::draft::{FieldProblem, Target};
use crate::domain::text::messages::{msg, Msg};
use crate::web::download::save_text;
use crate::web::{location, perf, storage};

use super::form::{Published, Review};
use super::site_update::SiteUpdateButton;

/// The publish section.
#[component]
pub fn PublishStep(review: Review) -> impl IntoView {
    let lang = review.lang();
    let done = RwSignal::new(false);
    let download_error = RwSignal::new(None::<DownloadError>);
    let save = move |name: &str, text: Option<String>| {
        let result = text.ok_or(DownloadError::Failed(String::new())).and_then(|t| save_text(name, "application/json", &t));
        download_error.set(result.err());
    };
    let download_dataset = move |_| {
        save("eu-iom-figures.json", review.merged_text());
        done.set(true);
    };
    let preview = move |_| match review.merged_text() {
        Some(text) if storage::write(PREVIEW_KEY, &text) => {
            let query = review.page.state.with_untracked(|s| to_query(&ViewState { view: View::Timeline, preview: true, ..s.clone() }));
            location::go_to(&format!("./?{query}"));
        }
        _ => review.not_saved.set(true),
    };
    let download_reviewed = move |_| {
        let text = match review.published.get_untracked() {
            Published::Ready(data) => review.draft.with_untracked(|d| d.to_reviewed(&data.1.programmes).ok()),
            _ => None,
        }
        .and_then(|reviewed| serde_json::to_string_pretty(&reviewed).ok());
        let name = perf::today().map_or_else(|| "reviewed.json".to_string(), |today| format!("reviewed-{today}.json"));
        save(&name, text);
    };
    let whole_problems = move || {
        let lang = lang.get();
        review.checked.with(|c| match c {
            Some(Err(problems)) => problems
                .iter()
                .filter(|p| p.at == Target::Whole)
                .map(|p: &FieldProblem| view! { <li>{p.problem.message(lang)}</li> })
                .collect_view()
                .into_any(),
            _ => ().into_any(),
        })
    };
    let blocked = move || !review.ready();
    view! {
        <h3>{move || msg(Msg::PublishHeading, lang.get())}</h3>
        <ul class="staff__problems">{whole_problems}</ul>
        <p data-testid="staff-status" role="status">{move || msg(if review.ready() { Msg::ReviewReady } else { Msg::ReviewIncomplete }, lang.get())}</p>
        <p class="staff__actions">
            <button type="button" class="button" data-testid="staff-preview" prop:disabled=blocked on:click=preview>{move || msg(Msg::PreviewOnDashboard, lang.get())}</button>
            <button type="button" class="button" data-testid="staff-download-dataset" prop:disabled=blocked on:click=download_dataset>{move || msg(Msg::DownloadDataset, lang.get())}</button>
            <button type="button" class="button button--small" data-testid="staff-download-reviewed" prop:disabled=blocked on:click=download_reviewed>{move || msg(Msg::DownloadReviewed, lang.get())}</button>
        </p>
        {move || (done.get() && review.ready()).then(|| view! { <p class="staff__steps" data-testid="staff-steps">{msg(Msg::PublishSteps, lang.get())}</p> })}
        {move || download_error.get().map(|e| view! { <p class="chart__error" role="alert" data-testid="download-error">{e.message(lang.get())}</p> })}
        <SiteUpdateButton review=review/>
    }
}
