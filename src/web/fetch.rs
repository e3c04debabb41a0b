//! Fetching the dataset over HTTP with gloo-net, turning every failure into a [`LoadError`], and
//! telling a copy the service worker served from this device's cache (the network failed).

use gloo::net::http::Request;

use crate::domain::dataset::issue::LoadError;
use crate::domain::dataset::json::{FileError, FileSpec};
use crate::domain::dataset::origin::{OfflineCopy, OFFLINE_HEADER};

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
    let response = Request::get(url).send().await.map_err(|error| LoadError::Network { url: shown.clone(), detail: error.to_string() })?;
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
