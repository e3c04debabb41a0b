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

/// Resolves an address the way the browser will fetch it: against the document's base URL, with
/// the browser's own (WHATWG) URL parser. `None` when it cannot be parsed.
pub fn resolve_address(given: &str) -> Option<crate::domain::dataset::origin::ResolvedAddress> {
    let base = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten())?;
    let url = web_sys::Url::new_with_base(given, &base).ok()?;
    Some(crate::domain::dataset::origin::ResolvedAddress {
        href: url.href(),
        scheme: url.protocol().trim_end_matches(':').to_ascii_lowercase(),
        origin: url.origin(),
        has_credentials: !url.username().is_empty() || !url.password().is_empty(),
    })
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

/// Goes to another page (a new history entry).
pub fn go_to(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(url);
    }
}

/// Goes to another page in place of this one (no history entry), as a redirect does.
pub fn replace_location(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(url);
    }
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

/// Today's date in the browser's time zone; `None` when the clock gives no valid date (never a
/// made-up one).
pub fn today() -> Option<crate::domain::dataset::date::Date> {
    let now = js_sys::Date::new_0();
    if now.get_time().is_nan() {
        return None;
    }
    let year = i32::try_from(now.get_full_year()).ok()?;
    let (month, day) = (u8::try_from(now.get_month() + 1).ok()?, u8::try_from(now.get_date()).ok()?);
    crate::domain::dataset::date::Date::new(year, month, day).ok()
}

/// The page's full address.
pub fn page_url() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
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

/// The page's address without query or fragment (where the dashboard is deployed).
pub fn page_base_url() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return String::new() };
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// The dashboard's base URL (from `<base>`), ending with `/`: where `embed.js` is served.
pub fn deployment_base_url() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .map(|base| match base.rfind('/') {
            Some(slash) => base.get(..=slash).unwrap_or(&base).to_string(),
            None => base,
        })
        .unwrap_or_default()
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

/// A short identifier for a new embed, different on every call.
pub fn new_embed_id() -> String {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 65_536.0) as u64;
    format!("euiom-{:x}{:04x}", now % 0xff_ffff, random)
}

/// The page's origin (`scheme://host:port`).
pub fn page_origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// Origins other than the page's own that `?data=` may load from, fixed when the app is built
/// (`EU_IOM_DATA_ORIGINS="https://a.example https://b.example" make dist`); none by default.
pub fn allowed_data_origins() -> Vec<String> {
    crate::domain::dataset::origin::parse_allowed(option_env!("EU_IOM_DATA_ORIGINS").unwrap_or(""))
}
