//! Data downloads: the current selection or the whole dataset as CSV (zipped with its README and
//! its Frictionless Data package) or JSON, each with every figure's source and a citation text.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::dataset::model::{Dataset, Figure, Position};
use crate::domain::export::{citation, csv_archive, file_name, to_json, DownloadError, DownloadFormat, Scope};
use crate::domain::text::messages::{msg, Msg};
use crate::ui::page::Page;
use crate::web::download::{export_context, save_bytes, save_text};

/// The download buttons and the citation.
#[component]
pub fn DataDownloads(dataset: Arc<Dataset>, selected: Memo<Vec<Position<Figure>>>, page: Page) -> impl IntoView {
    let lang = page.lang;
    let error = RwSignal::new(None::<DownloadError>);
    let save_data = dataset.clone();
    let save = Rc::new(move |scope: Scope, format: DownloadFormat| {
        let lang = lang.get_untracked();
        let state = page.state.get_untracked();
        let figures: Vec<Position<Figure>> = match scope {
            Scope::Selection => selected.get_untracked(),
            Scope::Everything => save_data.figure_positions().collect(),
        };
        let result = export_context(lang).and_then(|context| match format {
            DownloadFormat::Json => to_json(&save_data, &state, &figures, scope, &context)
                .map_err(|e| DownloadError::Failed(e.to_string()))
                .and_then(|text| save_text(&file_name(&state, scope, "", context.today, "json"), "application/json", &text)),
            DownloadFormat::Csv => csv_archive(&save_data, &state, &figures, scope, &context)
                .map_err(|e| DownloadError::Failed(e.to_string()))
                .and_then(|(name, zip)| save_bytes(&name, "application/zip", &zip)),
        });
        error.set(result.err());
    });
    let button = move |scope: Scope, format: DownloadFormat, test_id: &'static str| {
        let save = save.clone();
        view! {
            <button type="button" class="button button--small" data-testid=test_id on:click=move |_| save(scope, format)>
                {format.label()}
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
