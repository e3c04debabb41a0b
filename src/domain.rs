//! The pure core, grouped by topic: the dataset and its loading, exploring it (selection,
//! aggregation, URL state), the interface's words and number formats, exports, the map, and the
//! release reader. No `leptos`, `web_sys`, `js_sys`, `wasm_bindgen` or `gloo` here (a test
//! checks), so everything below runs and is tested natively.
//!
//! Dependency direction (checked by `tests/it/architecture.rs`): `dataset` ← `text` ← `explore` ←
//! `export`, `map`, `release`; nothing imports upward.

pub mod lang;
pub mod dataset;
pub mod text;
pub mod explore;
pub mod export;
pub mod map;
pub mod release;

#[cfg(test)]
pub(crate) mod testing;
