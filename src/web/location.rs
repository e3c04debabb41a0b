//! Where the page is and where it goes: the query string and history, the page's address,
//! origin and base URL, addresses resolved the browser's way, and the origins `?data=` may
//! load from.

use wasm_bindgen::JsValue;

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

/// The page's full address.
pub fn page_url() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
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

/// The page's origin (`scheme://host:port`).
pub fn page_origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// Origins other than the page's own that `?data=` may load from, fixed when the app is built
/// (`EU_IOM_DATA_ORIGINS="https://a.example https://b.example" make dist`); none by default.
pub fn allowed_data_origins() -> Vec<String> {
    crate::domain::dataset::origin::parse_allowed(option_env!("EU_IOM_DATA_ORIGINS").unwrap_or(""))
}
