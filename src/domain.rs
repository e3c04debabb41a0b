//! The pure core: data model, loading and validation, filtering, aggregation, URL state and
//! formatting. No `leptos`, `web_sys`, `js_sys`, `wasm_bindgen` or `gloo` here (a test checks),
//! so everything below runs and is tested natively.

pub mod date;
pub mod i18n;
pub mod model;
pub mod issue;
pub mod load;
pub mod raw;
pub mod format;
pub mod select;
pub mod aggregate;
pub mod labels;
pub mod messages;
pub mod describe;
pub mod table;
pub mod view;
pub mod export;
pub mod origin;
pub mod csv_import;
pub mod geo;
pub mod extract;
pub mod review;

#[cfg(test)]
pub(crate) mod testing;
