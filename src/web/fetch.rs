//! Fetching the dataset over HTTP with gloo-net, turning every failure into a [`LoadError`], and
//! telling a copy the service worker served from this device's cache (the network failed). The
//! first load of the published file takes the request the page's head already started.

use gloo::net::http::{Request, Response};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::dataset::issue::LoadError;
use crate::domain::dataset::json::{FileError, FileSpec};
use crate::domain::dataset::origin::{OfflineCopy, OFFLINE_HEADER};
use crate::web::error::describe;

/// A fetched text and whether it is the copy saved on this device.
#[derive(Debug, Clone, PartialEq)]
pub struct Fetched {
    /// The body.
    pub text: String,
    /// Set when the service worker answered from its cache because the network failed.
    pub offline_copy: Option<OfflineCopy>,
}

/// Fetches the text of a file of kind `file`; see [`fetch_json`].
///
/// # Errors
/// As [`fetch_json`].
pub async fn fetch_json_text(url: &str, file: &FileSpec) -> Result<String, LoadError> {
    fetch_json(url, file).await.map(|fetched| fetched.text)
}

/// Fetches the text of a file of kind `file`, refusing HTTP errors, non-JSON content types and
/// bodies announced larger than the file may be (the text itself then goes through the file's
/// envelope when it is read).
///
/// # Errors
/// [`LoadError::Network`], [`LoadError::Http`], [`LoadError::WrongContentType`], or
/// [`LoadError::File`] with [`FileError::TooLarge`].
pub async fn fetch_json(url: &str, file: &FileSpec) -> Result<Fetched, LoadError> {
    let shown = crate::web::location::absolute_url(url);
    let network = |detail: String| LoadError::Network { url: shown.clone(), detail };
    let response = match take_early_request(url) {
        Some(started) => JsFuture::from(started)
            .await
            .map(|answer| Response::from(answer.unchecked_into::<web_sys::Response>()))
            .map_err(|error| network(describe(&error)))?,
        None => Request::get(url).send().await.map_err(|error| network(error.to_string()))?,
    };
    if !response.ok() {
        return Err(LoadError::Http { status: response.status(), url: shown });
    }
    let offline_copy = response.headers().get(OFFLINE_HEADER).map(|fetched| OfflineCopy::from_header(&fetched));
    let content_type = response.headers().get("content-type").unwrap_or_default();
    let essence = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    let json_like = essence.is_empty() || essence == "application/json" || essence.ends_with("+json") || essence == "text/json";
    if !json_like {
        return Err(LoadError::WrongContentType { content_type });
    }
    if let Some(length) = response.headers().get("content-length").and_then(|l| l.trim().parse::<u64>().ok()) {
        if length > file.max_bytes {
            return Err(FileError::TooLarge { bytes: length, limit: file.max_bytes }.into());
        }
    }
    let text = response.text().await.map_err(|error| LoadError::Network { url: shown, detail: error.to_string() })?;
    Ok(Fetched { text, offline_copy })
}

/// The request for `url` the page's head started (`prerender::HEAD_SCRIPT`, only for the
/// published file), taken once: later loads (a reload) make their own.
fn take_early_request(url: &str) -> Option<js_sys::Promise> {
    if url != crate::domain::export::metadata::JSON_PATH {
        return None;
    }
    let window: JsValue = web_sys::window()?.into();
    let key = JsValue::from_str(EARLY_DATA_GLOBAL);
    let started = js_sys::Reflect::get(&window, &key).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let _ = js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
    Some(started)
}

/// Where the page's head leaves its request (`prerender::EARLY_DATA_GLOBAL`, same name).
const EARLY_DATA_GLOBAL: &str = "__euIomData";
