//! Browser glue: the only module that names `web_sys`, `js_sys`, `wasm_bindgen` or `gloo`.
//! Every browser failure is turned into a domain error here; `JsValue` never leaves.

pub mod canvas;
pub mod download;
pub mod embed;
pub mod document;
pub mod error;
pub mod fetch;
pub mod files;
pub mod location;
pub mod observe;
pub mod offline;
pub mod perf;
pub mod storage;
pub mod paste;
pub mod site;
pub mod tools;
pub mod tools_worker;
