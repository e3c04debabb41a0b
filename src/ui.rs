//! Leptos components. Thin by rule: signals hold domain values, memos call pure functions from
//! `domain`, effects only redraw canvases or write the URL; no parsing or arithmetic here.

pub mod app;
pub mod breakdown;
pub mod cards;
pub mod chart_canvas;
pub mod filters;
pub mod sources;
pub mod status;
pub mod table;
pub mod tabs;
pub mod timeline;

use crate::chart::theme::Theme;
use crate::chart::Style;
use crate::domain::i18n::Lang;

/// The drawing style of on-screen charts in a language.
pub fn chart_style(lang: Lang) -> Style {
    Style { lang, theme: Theme::Light, ..Style::default() }
}


/// Mounts the app into `#app`, replacing the static loading message of `index.html`.
pub fn mount() {
    console_error_panic_hook::set_once();
    match crate::web::env::take_app_root() {
        Some(root) => leptos::mount::mount_to(root, app::App).forget(),
        None => crate::web::env::warn("no #app element to mount the dashboard into"),
    }
}
