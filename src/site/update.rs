//! The site update: every file of a deployed site that adding a release changes, made by the
//! release steps from the deployed files they rewrite (`index.html`, `sw.js`) and the new data
//! file — the same bytes as `eu-iom-data prerender`, `publish`, `csp` and `compress` write on
//! the built folder — with fresh compressed copies and a `README.txt`, in one ZIP. The staff
//! page downloads it; the preview image is the one file it draws itself (on a canvas).

use crate::domain::dataset::date::Date;
use crate::domain::export::metadata::JSON_PATH;
use crate::domain::export::zip::zip_store;
use crate::domain::lang::Lang;
use crate::domain::release::site_update::SiteUpdateError;
use crate::domain::text::site_update::site_update_readme;

use super::compress::copies_of;
use super::csp::{connect_of, secure_page};
use super::publish::{generator_of, precached, publish, Built, Options, GENERATOR, PREVIEW, WORKER};
use super::{prerender, DataFile};

/// The deployed page, read from the site.
pub const PAGE: &str = "index.html";

/// The deployed files the steps rewrite, as the site serves them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deployed {
    /// [`PAGE`].
    pub index_html: String,
    /// The service worker ([`WORKER`]).
    pub worker: String,
    /// The deployed data files `publish` rewrites (the CSV, the data package, the catalogue record),
    /// by path, those that could be read: one the release leaves unchanged is left out.
    pub data_files: Vec<(String, Vec<u8>)>,
}

/// The files of a site update, by path in the site, in path order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteUpdate {
    /// (path, bytes).
    pub files: Vec<(String, Vec<u8>)>,
}

/// Runs the release steps on the deployed files with a new data file and its preview image.
///
/// # Errors
/// [`SiteUpdateError::OtherVersion`] when the deployed page was not built by this code's
/// `make dist`; [`SiteUpdateError::Refused`] when a step cannot rewrite a file.
pub fn site_update(deployed: &Deployed, data: &DataFile<'_>, preview_png: Vec<u8>) -> Result<SiteUpdate, SiteUpdateError> {
    let html = &deployed.index_html;
    let other_version = || SiteUpdateError::OtherVersion { file: PAGE.into() };
    if generator_of(html).as_deref() != Some(GENERATOR) {
        return Err(other_version());
    }
    // What the build was made with: the site's address and the worker (publish's options),
    // the other origins data may come from (csp's).
    let options = Options::of_page(html);
    let connect = connect_of(html).ok_or_else(other_version)?;
    let refused = |file: &'static str| move |detail: String| SiteUpdateError::Refused { file: file.into(), detail };

    let page = prerender(html, data).map_err(refused(PAGE))?;
    let files = precached(&deployed.worker);
    // The deployed page has its stylesheet and icon inline already.
    let built = Built { index_html: &page, worker: &deployed.worker, files: &files, linked: &[] };
    let published = publish(data, &built, &options).map_err(refused(WORKER))?;
    let (page, _) = secure_page(PAGE, &published.index_html, &connect).map_err(|e| refused(PAGE)(e.to_string()))?;

    let mut changed: Vec<(String, Vec<u8>)> = vec![(JSON_PATH.into(), data.text.as_bytes().to_vec()), (PAGE.into(), page.into_bytes())];
    changed.extend(published.data_files.into_iter().map(|(path, bytes)| (path.to_string(), bytes)));
    changed.push((PREVIEW.into(), preview_png));
    // A worker turned off stays as it was: nothing to replace.
    if published.worker != deployed.worker {
        changed.push((WORKER.into(), published.worker.into_bytes()));
    }
    changed.retain(|(path, bytes)| !deployed.data_files.iter().any(|(old_path, old)| old_path == path && old == bytes));
    let mut files = Vec::new();
    for (path, bytes) in changed {
        files.extend(copies_of(&path, &bytes).map_err(refused(PAGE))?);
        files.push((path, bytes));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(SiteUpdate { files })
}

impl SiteUpdate {
    /// The paths of its files, in order.
    pub fn paths(&self) -> Vec<String> {
        self.files.iter().map(|(path, _)| path.clone()).collect()
    }

    /// The ZIP staff download: the files at their paths and a `README.txt` in `lang`, dated `date`.
    pub fn zip(&self, lang: Lang, date: Date) -> Vec<u8> {
        let mut entries = self.files.clone();
        entries.push(("README.txt".into(), site_update_readme(&self.paths(), lang).into_bytes()));
        zip_store(&entries, date)
    }
}
