//! Where the figures come from and how they are (re)loaded: the published dataset, another
//! allowed address (`?data=`), or a local JSON or CSV file; a reload that fails keeps the last
//! good data on screen with the error beside it; only the last load started may change what is
//! shown.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::dataset::file_format::DataFormat;
use crate::domain::dataset::fingerprint::fingerprint;
use crate::domain::dataset::issue::LoadError;
use crate::domain::dataset::load::{load_dataset, Loaded, DATASET_FILE};
use crate::domain::dataset::origin::{check_data_address, DataOrigin, LoadGenerations, LoadTicket, OfflineCopy, PREVIEW_KEY};
use crate::domain::explore::view::ViewState;
use crate::domain::export::job::{Job, JobAnswer};
use crate::web::fetch::fetch_json;
use crate::web::files::{read_text, PickedFile};
use crate::web::storage;
use crate::web::tools;
use crate::web::{document, location, perf};

/// Where the published dataset is, relative to the page's base URL.
pub const DATA_URL: &str = "data/eu-iom-figures.json";

/// Reads a dataset file in the format [`DataFormat::sniff`] finds: JSON here, CSV in the files
/// worker (loaded on first use), which rewrites it as a JSON document read here. Gives the
/// dataset with the JSON text it was read from (the files worker's downloads read it again).
async fn read_dataset(name: &str, text: String) -> Result<(Loaded, Arc<str>), LoadError> {
    match DataFormat::sniff(name, &text) {
        DataFormat::Json => load_dataset(&text).map(|loaded| (loaded, Arc::from(text))),
        DataFormat::Csv => match tools::run(&Job::ReadCsv, DATASET_FILE.text(&text)?, &[]).await? {
            JobAnswer::Document(document) => document.load().map(|loaded| (loaded, Arc::from(document.text))),
            JobAnswer::ReadFailed { line, detail } => Err(LoadError::Csv { line, detail }),
            JobAnswer::File { .. } | JobAnswer::DownloadFailed(_) => Err(LoadError::ToolsUnavailable),
        },
    }
}

/// Where loading stands.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    /// Waiting for the file.
    Loading,
    /// Loaded (possibly with skipped records).
    Ready(Arc<Loaded>),
    /// Nothing to show.
    Failed(LoadError),
}

/// The data on screen, where it came from, and the error of the last failed reload.
#[derive(Clone, Copy)]
pub struct DataSource {
    /// Where loading stands.
    pub load: RwSignal<LoadState>,
    /// Where the data shown comes from.
    pub origin: RwSignal<DataOrigin>,
    /// Why the last reload failed, while older data stays on screen.
    pub reload_error: RwSignal<Option<LoadError>>,
    /// Whether the published file differs from the one the pre-rendered page was built from
    /// (the page then says that the figures on screen replaced the snapshot's).
    pub snapshot_replaced: RwSignal<bool>,
    /// Set while the figures shown are the copy saved on this device (the network failed).
    pub offline: RwSignal<Option<OfflineCopy>>,
    /// The JSON text of the data shown, for the files worker's downloads.
    pub text: StoredValue<Arc<str>>,
    /// Set while a local file is read (the first CSV file also loads the reader).
    pub reading: RwSignal<bool>,
    /// The loads started, so a slow earlier answer cannot replace a newer one.
    generations: StoredValue<LoadGenerations>,
}

impl DataSource {
    /// A source that has loaded nothing yet.
    pub fn new() -> Self {
        DataSource {
            load: RwSignal::new(LoadState::Loading),
            origin: RwSignal::new(DataOrigin::Published),
            reload_error: RwSignal::new(None),
            snapshot_replaced: RwSignal::new(false),
            offline: RwSignal::new(None),
            text: StoredValue::new(Arc::from("")),
            reading: RwSignal::new(false),
            generations: StoredValue::new(LoadGenerations::default()),
        }
    }

    /// Starts a load: every load started before it will be ignored when it answers.
    fn begin(self) -> Option<LoadTicket> {
        self.generations.try_update_value(LoadGenerations::start)
    }

    /// Whether the load holding `ticket` is still the last one started.
    fn is_latest(self, ticket: Option<LoadTicket>) -> bool {
        ticket.is_some_and(|t| self.generations.try_with_value(|g| g.is_latest(t)).unwrap_or(false))
    }

    /// The address to fetch for the view state: `?data=` resolved by the browser's URL parser
    /// when its origin is allowed, else the published file.
    fn address(state: &ViewState) -> Result<(String, DataOrigin), LoadError> {
        match &state.data {
            None => Ok((DATA_URL.to_string(), DataOrigin::Published)),
            Some(url) => {
                let allowed = location::allowed_data_origins();
                let allowed: Vec<&str> = allowed.iter().map(String::as_str).collect();
                let resolved = check_data_address(
                    url,
                    location::resolve_address,
                    &location::page_origin(),
                    &location::deployment_base_url(),
                    &allowed,
                )?;
                Ok((resolved.clone(), DataOrigin::Address(resolved)))
            }
        }
    }

    /// Shows `loaded`, read from `text`.
    fn show(self, loaded: Loaded, text: Arc<str>) {
        self.text.set_value(text);
        self.load.set(LoadState::Ready(Arc::new(loaded)));
    }

    /// Loads the data the view state asks for, replacing what is shown.
    pub fn start(self, state: &ViewState) {
        let ticket = self.begin();
        self.reload_error.set(None);
        if state.preview && state.presentation.embed {
            self.origin.set(DataOrigin::Published);
            self.load.set(LoadState::Failed(LoadError::PreviewInEmbed));
            return;
        }
        let (url, origin) = match DataSource::address(state) {
            Ok(found) => found,
            Err(error) => {
                self.origin.set(DataOrigin::Published);
                self.load.set(LoadState::Failed(error));
                return;
            }
        };
        if state.preview {
            self.offline.set(None);
            // The staff page saves a JSON document.
            let outcome = storage::read(PREVIEW_KEY).ok_or(LoadError::NoPreview).and_then(|text| Ok((load_dataset(&text)?, text)));
            match outcome {
                Ok((loaded, text)) => {
                    self.origin.set(DataOrigin::Preview);
                    self.show(loaded, Arc::from(text));
                }
                Err(error) => self.load.set(LoadState::Failed(error)),
            }
            return;
        }
        self.load.set(LoadState::Loading);
        spawn_local(async move {
            // Marks for the benchmark: fetching and parsing, separately.
            perf::mark("data-fetch-start");
            let fetched = fetch_json(&url, &DATASET_FILE).await;
            if !self.is_latest(ticket) {
                return;
            }
            let outcome = match fetched {
                Ok(fetched) => {
                    perf::mark("data-fetched");
                    self.offline.set(fetched.offline_copy);
                    let text = fetched.text;
                    if origin == DataOrigin::Published {
                        let built_from = document::snapshot_fingerprint();
                        self.snapshot_replaced.set(built_from.is_some_and(|f| f != fingerprint(text.as_bytes())));
                    }
                    let parsed = read_dataset(&url, text).await;
                    perf::mark("data-parsed");
                    parsed
                }
                Err(error) => Err(error),
            };
            if !self.is_latest(ticket) {
                return;
            }
            match outcome {
                Ok((loaded, text)) => {
                    self.origin.set(origin);
                    self.show(loaded, text);
                }
                Err(error) => {
                    perf::warn(&error.to_string());
                    self.load.set(LoadState::Failed(error));
                }
            }
        });
    }

    /// Fetches the same address again. On failure the data on screen stays, with the error.
    pub fn reload(self, state: &ViewState) {
        if !matches!(self.load.get_untracked(), LoadState::Ready(_))
            || matches!(self.origin.get_untracked(), DataOrigin::LocalFile(_) | DataOrigin::Preview)
        {
            self.start(state);
            return;
        }
        let Ok((url, origin)) = DataSource::address(state) else {
            self.start(state);
            return;
        };
        let ticket = self.begin();
        spawn_local(async move {
            let outcome = match fetch_json(&url, &DATASET_FILE).await {
                Ok(fetched) => read_dataset(&url, fetched.text).await.map(|read| (read, fetched.offline_copy)),
                Err(error) => Err(error),
            };
            if !self.is_latest(ticket) {
                return;
            }
            match outcome {
                Ok(((loaded, text), offline)) => {
                    self.offline.set(offline);
                    self.reload_error.set(None);
                    self.origin.set(origin);
                    self.show(loaded, text);
                }
                Err(error) => self.reload_error.set(Some(error)),
            }
        });
    }

    /// Shows a local file instead of the published data, with the same validation. A file
    /// that cannot be used leaves the data on screen and says why.
    pub fn open_file(self, file: PickedFile) {
        let ticket = self.begin();
        self.reading.set(true);
        spawn_local(async move {
            let name = file.name();
            let outcome = match read_text(&file).await {
                Ok(text) => read_dataset(&name, text).await,
                Err(error) => Err(error),
            };
            if !self.is_latest(ticket) {
                return;
            }
            self.reading.set(false);
            match outcome {
                Ok((loaded, text)) => {
                    self.reload_error.set(None);
                    self.offline.set(None);
                    self.origin.set(DataOrigin::LocalFile(name));
                    self.show(loaded, text);
                }
                Err(error) if matches!(self.load.get_untracked(), LoadState::Ready(_)) => self.reload_error.set(Some(error)),
                Err(error) => self.load.set(LoadState::Failed(error)),
            }
        });
    }
}

impl Default for DataSource {
    fn default() -> Self {
        DataSource::new()
    }
}
