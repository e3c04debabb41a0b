//! The staff page: paste a release's text and see the figures the extractor proposes, each with
//! its sentence highlighted, the release's date and identifier and the context it does not
//! count (`reader`, `proposals`); review them as editable rows with the release as a source (a
//! domain [`Draft`], saved on the device; `source`, `rows`, with the fields of `form`), checked as
//! staff type by the merge `eu-iom-data add` runs against the published dataset; then preview,
//! download the merged dataset, or download the whole site update (`publish`, `site_update`).
//! The same Rust code as the data tool, in the browser; nothing is sent anywhere. It is its own
//! page, `staff.html`, with its own module (`src/bin/eu-iom-staff.rs`); the dashboard's
//! `?view=extract` leads there.

mod form;
mod proposals;
mod publish;
mod reader;
mod rows;
mod site_update;
mod source;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::dataset::load::DATASET_FILE;
use crate::domain::explore::view::{to_query, View, ViewState};
use crate::domain::release::draft::{read_dataset, Draft, STORAGE_KEY};
use crate::domain::text::messages::{msg, Msg};
use crate::ui::data::DATA_URL;
use crate::ui::masthead::Masthead;
use crate::ui::page::Page;
use crate::web::fetch::fetch_json_text;
use crate::web::{location, storage};

use form::{Published, Review};

/// The staff page on its own (`staff.html`, built as its own WebAssembly module so that the
/// release reader is not in what every visitor downloads): the header and the reader.
#[component]
pub fn StaffApp() -> impl IntoView {
    let page = Page::start();
    let lang = page.lang;
    view! {
        <a class="skip-link" href="#main">{move || msg(Msg::SkipToContent, lang.get())}</a>
        <Masthead page=page/>
        <main id="main" tabindex="-1"><StaffPage page=page/></main>
        <footer class="site-footer"><p>{move || msg(Msg::FooterDisclaimer, lang.get())}</p></footer>
    }
}

/// The reader, the review and the publish step.
#[component]
pub fn StaffPage(page: Page) -> impl IntoView {
    let lang = page.lang;
    let (restored, restore_error) = match storage::read(STORAGE_KEY).map(|t| Draft::restore(&t)) {
        Some(Ok(draft)) => (draft, None),
        Some(Err(error)) => (Draft::default(), Some(error)),
        None => (Draft::default(), None),
    };
    let (draft, published) = (RwSignal::new(restored), RwSignal::new(Published::Loading));
    spawn_local(async move {
        published.set(match fetch_json_text(DATA_URL, &DATASET_FILE).await {
            Ok(text) => match read_dataset(&text) {
                Ok(raw) => Published::Ready(Arc::new((text, raw))),
                Err(error) => Published::Refused(error),
            },
            Err(error) => Published::Failed(error),
        });
    });
    let checked = Memo::new(move |_| match published.get() {
        Published::Ready(data) => Some(draft.with(|d| d.merge_into(&data.0, &data.1))),
        _ => None,
    });
    let review = Review { page, draft, not_saved: RwSignal::new(false), published, checked };
    let dataset_status = move || {
        let lang = lang.get();
        let error = match published.get() {
            Published::Loading => return view! { <p role="status">{msg(Msg::DatasetLoading, lang)}</p> }.into_any(),
            Published::Failed(error) => error.message(lang),
            Published::Refused(error) => error.message(lang),
            Published::Ready(_) => return ().into_any(),
        };
        view! { <p class="chart__error" role="alert" data-testid="staff-dataset-error">{error}</p> }.into_any()
    };
    let duplicates = move || match published.get() {
        Published::Ready(data) => draft
            .with(|d| d.duplicates(&data.1))
            .iter()
            .map(|d| view! { <li>{d.message(lang.get())}</li> })
            .collect_view()
            .into_any(),
        _ => ().into_any(),
    };
    let back = move |_| {
        let query = page.state.with_untracked(|s| to_query(&ViewState { view: View::Timeline, ..s.clone() }));
        location::go_to(&format!("./?{query}"));
    };
    view! {
        <section class="section staff" aria-labelledby="staff-title">
            <div class="view__header">
                <h2 id="staff-title">{move || msg(Msg::StaffTitle, lang.get())}</h2>
                <button type="button" class="button button--small" on:click=back>{move || msg(Msg::BackToDashboard, lang.get())}</button>
            </div>
            <p class="section__intro">{move || msg(Msg::StaffIntro, lang.get())}</p>
            {dataset_status}
            {move || restore_error.as_ref().map(|e| view! { <p class="chart__error" role="alert" data-testid="staff-restore-error">{e.message(lang.get())}</p> })}
            {move || review.not_saved.get().then(|| view! { <p class="chart__error" role="alert">{msg(Msg::DraftNotSaved, lang.get())}</p> })}
            <reader::Reader review=review/>
            <h3 id="staff-review">{move || msg(Msg::RowsHeading, lang.get())}</h3>
            <ul class="staff__duplicates" data-testid="staff-duplicates">{duplicates}</ul>
            <source::SourceForm review=review/>
            <rows::Rows review=review/>
            <p class="staff__actions">
                <button type="button" class="button button--small" data-testid="staff-add-row" on:click=move |_| review.edit(|d| d.add_row())>{move || msg(Msg::AddRow, lang.get())}</button>
                <button type="button" class="button button--small" on:click=move |_| review.edit(|d| *d = Draft::default())>{move || msg(Msg::ClearReview, lang.get())}</button>
            </p>
            <publish::PublishStep review=review/>
        </section>
    }
}
