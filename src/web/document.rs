//! The document on screen: its language and theme (and the system's light or dark
//! preference), the device's pixel ratio and preferred languages, keyboard focus, dialogs, the
//! clipboard, and taking over from the pre-rendered page.

use wasm_bindgen::{JsCast, JsValue};

use crate::web::perf::mark;

/// Device pixels per CSS pixel (1 when unknown).
pub fn device_pixel_ratio() -> f64 {
    web_sys::window().map(|w| w.device_pixel_ratio()).filter(|r| r.is_finite() && *r > 0.0).unwrap_or(1.0)
}

/// The browser's preferred languages, most preferred first.
pub fn preferred_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let mut out: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if out.is_empty() {
        out.extend(navigator.language());
    }
    out
}

/// Sets `<html lang>` and the document title.
pub fn set_document_language(tag: &str, title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", tag);
        }
        document.set_title(title);
    }
}

/// The `#app` element, emptied of the static loading message, ready to mount into.
pub fn take_app_root() -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    let root = document.get_element_by_id("app")?;
    // A pre-rendered page stays on screen while the app starts in a hidden element beside it;
    // `reveal_app` swaps them once the app has drawn.
    if let Some(snapshot) = document.get_element_by_id("prerendered") {
        SNAPSHOT.with(|s| s.replace(snapshot.get_attribute("data-fingerprint")));
        let live = document.create_element("div").ok()?;
        live.set_class_name("app--pending");
        root.append_child(&live).ok()?;
        return live.dyn_into::<web_sys::HtmlElement>().ok();
    }
    root.set_inner_html("");
    root.dyn_into::<web_sys::HtmlElement>().ok()
}

thread_local! {
    /// The fingerprint of the data file the pre-rendered page was built from, if there was one.
    static SNAPSHOT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The fingerprint written into the pre-rendered page (`data-fingerprint`), if the page had one.
pub fn snapshot_fingerprint() -> Option<String> {
    SNAPSHOT.with(|s| s.borrow().clone())
}

/// Replaces the pre-rendered page with the app, two frames from now, so the app's charts have
/// been sized and drawn while still hidden. Does nothing when there is no pre-rendered page.
pub fn reveal_app() {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    if document.get_element_by_id("prerendered").is_none() {
        return;
    }
    let swap = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(snapshot) = document.get_element_by_id("prerendered") {
            snapshot.remove();
        }
        if let Ok(Some(live)) = document.query_selector(".app--pending") {
            live.set_class_name("");
        }
        mark("app-revealed");
    });
    let next = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(swap.unchecked_ref());
        }
    });
    let _ = window.request_animation_frame(next.unchecked_ref());
}

/// Moves keyboard focus to the element with this id, if there is one.
pub fn focus_element(id: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Moves keyboard focus to the element with this id once the pending changes are drawn: for an
/// element that a signal set a moment ago is about to show (a hidden one cannot take focus).
pub fn focus_element_when_shown(id: &'static str) {
    leptos::prelude::request_animation_frame(move || focus_element(id));
}

/// Moves keyboard focus to the first element matching the first of `selectors` that matches
/// any, if one does.
pub fn focus_first(selectors: &[&str]) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let element = selectors.iter().find_map(|s| document.query_selector(s).ok().flatten());
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Whether the system prefers a dark colour scheme now.
pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Keeps a `matchMedia` listener alive; dropping it stops listening.
pub struct MediaWatch {
    query: web_sys::MediaQueryList,
    callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for MediaWatch {
    fn drop(&mut self) {
        let _ = self.query.remove_event_listener_with_callback("change", self.callback.as_ref().unchecked_ref());
    }
}

/// Calls `on_change` with the new preference whenever the system switches between light and dark.
pub fn watch_prefers_dark(mut on_change: impl FnMut(bool) + 'static) -> Option<MediaWatch> {
    let query = web_sys::window()?.match_media("(prefers-color-scheme: dark)").ok()??;
    let watched = query.clone();
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || on_change(watched.matches()));
    query.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref()).ok()?;
    Some(MediaWatch { query, callback })
}

/// Sets `data-theme` on `<html>` (the stylesheet's dark and light variables follow it) and the
/// transparent flag for embeds.
pub fn set_document_theme(dark: bool, transparent: bool) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
        if transparent {
            let _ = root.set_attribute("data-transparent", "");
        } else {
            let _ = root.remove_attribute("data-transparent");
        }
    }
}

/// Copies a text to the clipboard; returns false when the browser refuses.
pub fn copy_to_clipboard(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return false };
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok();
    let write = clipboard.as_ref().and_then(|c| js_sys::Reflect::get(c, &JsValue::from_str("writeText")).ok());
    match (clipboard, write.and_then(|w| w.dyn_into::<js_sys::Function>().ok())) {
        (Some(clipboard), Some(write)) => write.call1(&clipboard, &JsValue::from_str(text)).is_ok(),
        _ => false,
    }
}

/// Opens a `<dialog>` element as a modal (focus moves into it; Escape closes it).
pub fn show_dialog(id: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(dialog) = element.and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok()) {
        let _ = dialog.show_modal();
    }
}

/// Closes a `<dialog>` element.
pub fn close_dialog(id: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(dialog) = element.and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok()) {
        dialog.close();
    }
}
