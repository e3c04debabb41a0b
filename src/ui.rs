//! Leptos components. Thin by rule: signals hold domain values, memos call pure functions from
//! `domain`, effects only redraw canvases or write the URL; no parsing or arithmetic here.

pub mod app;
pub mod breakdown;
pub mod cards;
pub mod chart_canvas;
pub mod data;
pub mod downloads;
pub mod embed;
pub mod filters;
pub mod map;
pub mod masthead;
pub mod page;
pub mod share;
pub mod staff;
pub mod sources;
pub mod status;
pub mod table;
pub mod tabs;
pub mod timeline;
pub mod views;

use leptos::prelude::Get;

use crate::chart::theme::Theme;
use crate::chart::Style;
use crate::ui::page::Page;
use crate::web::canvas::text_measure;

/// The drawing style of the page's charts: its language and theme (tracked, so an effect that
/// calls this repaints when either changes), with text measured on a canvas. plotters' own
/// measuring in the browser lays out a styled element per call, which is slow and which a strict
/// `style-src` policy blocks, so every chart drawn in the browser must use this style.
pub fn chart_style(page: Page) -> Style {
    let theme = if page.dark.get() { Theme::Dark } else { Theme::Light };
    let opaque = !page.transparent.get();
    Style { lang: page.lang.get(), theme, opaque, measure: Some(text_measure()), ..Style::default() }
}

/// Mounts the staff page (`staff.html`) into `#app`.
pub fn mount_staff() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    match crate::web::document::take_app_root() {
        Some(root) => leptos::mount::mount_to(root, staff::StaffApp).forget(),
        None => crate::web::perf::warn("no #app element to mount the staff page into"),
    }
}

/// Mounts the app into `#app`, replacing the static loading message of `index.html`.
pub fn mount() {
    // Development builds name a panic's message and place in the console. Release builds rebuild
    // the standard library so that a panic aborts at once (.ci/wasm-env), where the hook never
    // runs; it is left out of them.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    match crate::web::document::take_app_root() {
        Some(root) => leptos::mount::mount_to(root, app::App).forget(),
        None => crate::web::perf::warn("no #app element to mount the dashboard into"),
    }
}
