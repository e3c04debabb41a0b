//! Where the figures come from and how they are (re)loaded: the published dataset, another
//! allowed address (`?data=`), or a local JSON or CSV file; a reload that fails keeps the last
//! good data on screen with the error beside it; only the last load started may change what is
//! shown.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::dataset::file_format::load_file;
use crate::domain::dataset::fingerprint::fingerprint;
use crate::domain::dataset::issue::LoadError;
use crate::domain::dataset::load::{Loaded, DATASET_FILE};
use crate::domain::dataset::origin::{check_data_address, DataOrigin, LoadGenerations, LoadTicket, OfflineCopy, PREVIEW_KEY};
use crate::domain::explore::view::ViewState;
use crate::web::fetch::fetch_json;
use crate::web::files::{read_text, PickedFile};
use crate::web::storage;
use crate::web::{document, location, perf};

/// Where the published dataset is, relative to the page's base URL.
pub const DATA_URL: &str = "data/eu-iom-figures.json";

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
            let outcome = storage::read(PREVIEW_KEY).ok_or(LoadError::NoPreview).and_then(|text| load_file("preview.json", &text));
            self.offline.set(None);
            match outcome {
                Ok(loaded) => {
                    self.origin.set(DataOrigin::Preview);
                    self.load.set(LoadState::Ready(Arc::new(loaded)));
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
                    let parsed = load_file(&url, &text);
                    perf::mark("data-parsed");
                    parsed
                }
                Err(error) => Err(error),
            };
            match outcome {
                Ok(loaded) => {
                    self.origin.set(origin);
                    self.load.set(LoadState::Ready(Arc::new(loaded)));
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
                Ok(fetched) => load_file(&url, &fetched.text).map(|loaded| (loaded, fetched.offline_copy)),
                Err(error) => Err(error),
            };
            if !self.is_latest(ticket) {
                return;
            }
            match outcome {
                Ok((loaded, offline)) => {
                    self.offline.set(offline);
                    self.reload_error.set(None);
                    self.origin.set(origin);
                    self.load.set(LoadState::Ready(Arc::new(loaded)));
                }
                Err(error) => self.reload_error.set(Some(error)),
            }
        });
    }

    /// Shows a local file instead of the published data, with the same validation. A file
    /// that cannot be used leaves the data on screen and says why.
    pub fn open_file(self, file: PickedFile) {
        let ticket = self.begin();
        spawn_local(async move {
            let name = file.name();
            let outcome = match read_text(&file).await {
                Ok(text) => load_file(&name, &text),
                Err(error) => Err(error),
            };
            if !self.is_latest(ticket) {
                return;
            }
            match outcome {
                Ok(loaded) => {
                    self.reload_error.set(None);
                    self.offline.set(None);
                    self.origin.set(DataOrigin::LocalFile(name));
                    self.load.set(LoadState::Ready(Arc::new(loaded)));
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
