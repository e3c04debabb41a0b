//! Data downloads: the current selection or the whole dataset as CSV (zipped with its README and
//! its Frictionless Data package) or JSON, each with every figure's source and a citation text.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::dataset::model::{Dataset, Figure, Position};
use crate::domain::explore::view::to_query;
use crate::domain::export::job::Job;
use crate::domain::export::{citation, DownloadError, DownloadFormat, Scope};
use crate::domain::text::messages::{msg, Msg};
use crate::ui::data::DataSource;
use crate::ui::page::Page;
use crate::web::download::export_context;
use crate::web::tools;

/// The download buttons and the citation. The files are written by the files worker (loaded
/// on the first download), from the data's text and the selection; the button says
/// "Preparing…" meanwhile.
#[component]
pub fn DataDownloads(dataset: Arc<Dataset>, selected: Memo<Vec<Position<Figure>>>, page: Page, data: DataSource) -> impl IntoView {
    let lang = page.lang;
    let error = RwSignal::new(None::<DownloadError>);
    // The button whose file is being prepared.
    let busy = RwSignal::new(None::<&'static str>);
    let save = move |scope: Scope, format: DownloadFormat, test_id: &'static str| {
        let lang = lang.get_untracked();
        let context = match export_context(lang) {
            Ok(context) => context,
            Err(e) => return error.set(Some(e)),
        };
        let query = page.state.with_untracked(to_query);
        let figures: Vec<u32> = match scope {
            Scope::Selection => selected.with_untracked(|s| s.iter().map(|p| p.get() as u32).collect()),
            Scope::Everything => Vec::new(),
        };
        let job = Job::Download { format, scope, query, context };
        let text = data.text.get_value();
        busy.set(Some(test_id));
        error.set(None);
        spawn_local(async move {
            let result = tools::save_file(&job, &text, &figures).await;
            busy.set(None);
            error.set(result.err());
        });
    };
    let button = move |scope: Scope, format: DownloadFormat, test_id: &'static str| {
        let working = move || busy.get() == Some(test_id);
        view! {
            <button
                type="button"
                class="button button--small"
                data-testid=test_id
                aria-busy=move || working().then_some("true")
                on:click=move |_| {
                    if busy.get_untracked().is_none() {
                        save(scope, format, test_id);
                    }
                }
            >
                {move || if working() { msg(Msg::Preparing, lang.get()) } else { format.label() }}
            </button>
        }
    };
    let cite_data = dataset.clone();
    let cite = move || {
        let lang = lang.get();
        match export_context(lang) {
            Ok(context) => {
                page.state.with(|state| selected.with(|figures| citation(&cite_data, state, figures, Scope::Selection, &context)))
            }
            Err(error) => error.message(lang),
        }
    };
    view! {
        <section class="downloads" aria-labelledby="downloads-heading">
            <h3 id="downloads-heading">{move || msg(Msg::DownloadData, lang.get())}</h3>
            <p class="downloads__intro">{move || msg(Msg::DownloadDataIntro, lang.get())}</p>
            <div class="downloads__row">
                <span class="downloads__label">{move || msg(Msg::CurrentSelection, lang.get())}</span>
                {button(Scope::Selection, DownloadFormat::Csv, "download-selection-csv")}
                {button(Scope::Selection, DownloadFormat::Json, "download-selection-json")}
            </div>
            <div class="downloads__row">
                <span class="downloads__label">{move || msg(Msg::WholeDataset, lang.get())}</span>
                {button(Scope::Everything, DownloadFormat::Csv, "download-all-csv")}
                {button(Scope::Everything, DownloadFormat::Json, "download-all-json")}
            </div>
            <details class="downloads__cite">
                <summary>{move || msg(Msg::HowToCite, lang.get())}</summary>
                <pre data-testid="citation">{cite}</pre>
            </details>
            {move || error.get().map(|e| view! { <p class="chart__error" role="alert" data-testid="download-error">{e.message(lang.get())}</p> })}
        </section>
    }
}
