//! Facts about the page: device pixel ratio, preferred languages, base URL, `<html lang>`,
//! the query string and history, and performance marks.

use wasm_bindgen::{JsCast, JsValue};

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

/// An address resolved against the document's base URL (for messages and links).
pub fn absolute_url(relative: &str) -> String {
    let base = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten());
    match base {
        Some(base) => web_sys::Url::new_with_base(relative, &base).map(|u| u.href()).unwrap_or_else(|_| relative.to_string()),
        None => relative.to_string(),
    }
}

/// The query string without its leading `?`.
pub fn query_string() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map(|s| s.trim_start_matches('?').to_string())
        .unwrap_or_default()
}

/// Writes a new query string into the address bar; `push` adds a history entry, otherwise
/// the current entry is replaced.
pub fn write_query_string(query: &str, push: bool) {
    let Some(window) = web_sys::window() else { return };
    let Ok(history) = window.history() else { return };
    let path = window.location().pathname().unwrap_or_default();
    let hash = window.location().hash().unwrap_or_default();
    let url = if query.is_empty() { format!("{path}{hash}") } else { format!("{path}?{query}{hash}") };
    let current = format!("{path}{}{hash}", window.location().search().unwrap_or_default());
    if current == url {
        return;
    }
    let result = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
    if let Err(error) = result {
        web_sys::console::warn_2(&JsValue::from_str("could not update the address bar"), &error);
    }
}

/// Records a performance mark (visible to benchmarks through `performance.getEntriesByName`).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Milliseconds since the page started.
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// Logs a warning to the browser console.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// The `#app` element, emptied of the static loading message, ready to mount into.
pub fn take_app_root() -> Option<web_sys::HtmlElement> {
    let root = web_sys::window()?.document()?.get_element_by_id("app")?;
    root.set_inner_html("");
    root.dyn_into::<web_sys::HtmlElement>().ok()
}

/// Moves keyboard focus to the element with this id, if there is one.
pub fn focus_element(id: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}
