//! "Download the site update": every file of the deployed site that the release changes, made
//! by the release steps of the data tool (`site::update`) from this site's own deployed files,
//! in one ZIP with a README, so staff without a toolchain publish the whole release.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::dataset::load::load_dataset;
use crate::domain::export::metadata::{CATALOG_PATH, CSV_PATH, PACKAGE_PATH};
use crate::domain::export::DownloadError;
use crate::domain::lang::Lang;
use crate::domain::release::site_update::SiteUpdateError;
use crate::domain::text::messages::{msg, Msg};
use crate::site::publish::WORKER;
use crate::site::update::{site_update, Deployed, PAGE};
use crate::site::DataFile;
use crate::web::download::save_bytes;
use crate::web::site::{fetch_deployed, fetch_deployed_text, preview_png};

use super::form::Review;

/// Why no ZIP was offered.
#[derive(Debug, Clone, PartialEq)]
enum Failure {
    Update(SiteUpdateError),
    Download(DownloadError),
}

/// The button, what it is for, and how it went.
#[component]
pub fn SiteUpdateButton(review: Review) -> impl IntoView {
    let lang = review.lang();
    let working = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Result<Vec<String>, Failure>>);
    let make = move |_| {
        let Some(text) = review.merged_text() else { return };
        working.set(true);
        outcome.set(None);
        spawn_local(async move {
            outcome.set(Some(download(&text, lang.get_untracked()).await));
            working.set(false);
        });
    };
    let report = move || {
        let lang = lang.get();
        outcome.get().map(|result| match result {
            Ok(paths) => view! {
                <div role="status" data-testid="staff-site-update-done">
                    <p>{msg(Msg::SiteUpdateSaved, lang)}</p>
                    <ul class="staff__files">{paths.into_iter().map(|p| view! { <li><code>{p}</code></li> }).collect_view()}</ul>
                </div>
            }
            .into_any(),
            Err(failure) => {
                let text = match failure {
                    Failure::Update(error) => error.message(lang),
                    Failure::Download(error) => error.message(lang),
                };
                view! { <p class="chart__error" role="alert" data-testid="staff-site-update-error">{text}</p> }.into_any()
            }
        })
    };
    view! {
        <p class="section__intro">{move || msg(Msg::SiteUpdateIntro, lang.get())}</p>
        <p class="staff__actions">
            <button type="button" class="button" data-testid="staff-download-site" prop:disabled=move || !review.ready() || working.get() on:click=make>
                {move || msg(Msg::DownloadSiteUpdate, lang.get())}
            </button>
        </p>
        {move || working.get().then(|| view! { <p role="status">{msg(Msg::SiteUpdateWorking, lang.get())}</p> })}
        {report}
    }
}

/// Reads the deployed files, runs the release steps, and offers the ZIP; returns its files.
async fn download(text: &str, lang: Lang) -> Result<Vec<String>, Failure> {
    let refused = |detail: String| Failure::Update(SiteUpdateError::Refused { file: "data/eu-iom-figures.json".into(), detail });
    let loaded = load_dataset(text).map_err(|e| refused(e.to_string()))?;
    let unreadable = |file: &'static str| move |detail: String| Failure::Update(SiteUpdateError::Unreadable { file: file.into(), detail });
    let index_html = fetch_deployed_text(PAGE).await.map_err(unreadable(PAGE))?;
    let worker = fetch_deployed_text(WORKER).await.map_err(unreadable(WORKER))?;
    // The data files as deployed, to leave out those the release does not change.
    let mut data_files = Vec::new();
    for path in [CATALOG_PATH, PACKAGE_PATH, CSV_PATH] {
        if let Ok(bytes) = fetch_deployed(path).await {
            data_files.push((path.to_string(), bytes));
        }
    }
    let dataset = &loaded.dataset;
    let png = preview_png(dataset).map_err(|detail| Failure::Update(SiteUpdateError::Preview { detail }))?;
    let update = site_update(&Deployed { index_html, worker, data_files }, &DataFile { text, dataset }, png).map_err(Failure::Update)?;
    let date = dataset
        .info()
        .compiled()
        .or_else(crate::web::perf::today)
        .ok_or_else(|| Failure::Download(DownloadError::Failed("no date".into())))?;
    save_bytes(&format!("eu-iom-site-update-{date}.zip"), "application/zip", &update.zip(lang, date)).map_err(Failure::Download)?;
    Ok(update.paths())
}
