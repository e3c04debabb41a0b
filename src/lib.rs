//! EU–IOM cooperation dashboard: figures published in EU and IOM releases, charted with filters.
//!
//! Reading order: [`domain`] (pure data model and logic), [`chart`] (pure drawing, generic over
//! plotters' backends), then the browser shell, `ui` (Leptos components) and `web` (browser
//! glue), which exist only in the WebAssembly build. `cli` is the native data tool.
//! The README's "Code map" describes each module and the rules between them.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::todo, clippy::unimplemented, clippy::indexing_slicing)
)]

pub mod domain;
pub mod chart;
pub mod html;
pub mod prerender;
pub mod site;

#[cfg(target_arch = "wasm32")]
pub mod web;
#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
