//! The pure core, grouped by topic: the dataset and its loading, exploring it (selection,
//! aggregation, URL state), the interface's words and number formats, exports, the map, and the
//! release reader. No `leptos`, `web_sys`, `js_sys`, `wasm_bindgen` or `gloo` here (a test
//! checks), so everything below runs and is tested natively.
//!
//! Dependency direction between the topics, lowest first; nothing imports upward
//! (`tests/it/architecture.rs` checks that there is no import cycle between the topics and that
//! the two leaves import nothing above them):
//! - `lang`, the interface language, imports nothing of the crate;
//! - `dataset` imports only `lang`;
//! - `explore`, `map` and `release` build on `dataset`;
//! - `text`, the interface's words, builds on those three (it names and describes what they
//!   produce), so none of them imports `text`: where one needs a name (the table's sort) the
//!   caller passes it;
//! - `export` builds on `text`.

pub mod lang;
pub mod dataset;
pub mod text;
pub mod explore;
pub mod export;
pub mod map;
pub mod release;

#[cfg(test)]
pub(crate) mod testing;
