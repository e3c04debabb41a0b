//! EU–IOM cooperation dashboard: figures published in EU and IOM releases, charted with filters.
//!
//! Reading order: [`domain`] (pure data model and logic), [`chart`] (pure drawing, generic over
//! plotters' backends), [`html`] (markup the pre-rendered page and the app share, as strings),
//! then the browser shell, `ui` (Leptos components) and `web` (browser glue: `location`,
//! `document`, `perf`, fetches, files, canvas), which exist only in the WebAssembly build.
//! Natively, `prerender` writes the page's first view into the release build and `cli` is the
//! data tool (`eu-iom-data`).
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
