//! Fetching the dataset over HTTP with gloo-net, turning every failure into a [`LoadError`].

use gloo::net::http::Request;

use crate::domain::dataset::issue::LoadError;
use crate::domain::dataset::load::{check_size, MAX_BYTES};

/// Fetches a text file, refusing HTTP errors, non-JSON content types and oversized bodies.
///
/// # Errors
/// [`LoadError::Network`], [`LoadError::Http`], [`LoadError::WrongContentType`],
/// [`LoadError::TooLarge`] or [`LoadError::Empty`].
pub async fn fetch_json_text(url: &str) -> Result<String, LoadError> {
    let shown = crate::web::env::absolute_url(url);
    let response = Request::get(url)
        .send()
        .await
        .map_err(|error| LoadError::Network { url: shown.clone(), detail: error.to_string() })?;
    if !response.ok() {
        return Err(LoadError::Http { status: response.status(), url: shown });
    }
    let content_type = response.headers().get("content-type").unwrap_or_default();
    let essence = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    let json_like = essence.is_empty() || essence == "application/json" || essence.ends_with("+json") || essence == "text/json";
    if !json_like {
        return Err(LoadError::WrongContentType { content_type });
    }
    if let Some(length) = response.headers().get("content-length").and_then(|l| l.trim().parse::<u64>().ok()) {
        if length > MAX_BYTES {
            return Err(LoadError::TooLarge { bytes: length, limit: MAX_BYTES });
        }
    }
    let text = response
        .text()
        .await
        .map_err(|error| LoadError::Network { url: shown, detail: error.to_string() })?;
    check_size(text.len())?;
    Ok(text)
}
