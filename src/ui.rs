//! Leptos components. Thin by rule: signals hold domain values, memos call pure functions from
//! `domain`, effects only redraw canvases or write the URL; no parsing or arithmetic here.

pub mod app;
pub mod cards;
pub mod status;
pub mod timeline;


/// Mounts the app into `#app`, replacing the static loading message of `index.html`.
pub fn mount() {
    console_error_panic_hook::set_once();
    match crate::web::env::take_app_root() {
        Some(root) => leptos::mount::mount_to(root, app::App).forget(),
        None => crate::web::env::warn("no #app element to mount the dashboard into"),
    }
}
