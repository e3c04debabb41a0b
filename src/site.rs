//! The release build's steps on a built site, as pure functions from the files they read to the
//! files they write: the pre-rendered first view (`prerender`), the metadata, data files and
//! service worker (`publish`), the Content-Security-Policy (`csp`) and the pre-compressed copies
//! (`compress`). One code path for two callers: the data tool (`cli::dist`, run by `make dist`,
//! which reads and writes `dist/`) and the staff page's site update (`update`), which makes the
//! same bytes in the browser from the deployed files.

pub mod compress;
pub mod csp;
pub mod preview;
pub mod publish;
pub mod update;

use crate::domain::dataset::fingerprint::fingerprint;
use crate::domain::dataset::model::Dataset;

/// A data file: its text as the site serves it, and the dataset it holds.
#[derive(Debug, Clone, Copy)]
pub struct DataFile<'a> {
    /// The file's text.
    pub text: &'a str,
    /// What it holds (loaded by the caller with `load_dataset`).
    pub dataset: &'a Dataset,
}

/// The `prerender` step: the default view of the data written into a built `index.html` (see
/// [`crate::prerender`]); it replaces an earlier snapshot, so it runs again after a release.
///
/// # Errors
/// A message naming what the page lacks.
pub fn prerender(index_html: &str, data: &DataFile<'_>) -> Result<String, String> {
    let fingerprint = fingerprint(data.text.as_bytes());
    let snapshot = crate::prerender::Snapshot { dataset: data.dataset, fingerprint: &fingerprint };
    crate::prerender::insert(index_html, &snapshot)
}
