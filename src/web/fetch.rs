//! Fetching the dataset over HTTP with gloo-net, turning every failure into a [`LoadError`].

use gloo::net::http::Request;

use crate::domain::dataset::issue::LoadError;
use crate::domain::dataset::json::{FileError, FileSpec};

/// Fetches the text of a file of kind `file`, refusing HTTP errors, non-JSON content types and
/// bodies announced larger than the file may be (the text itself then goes through the file's
/// envelope when it is read).
///
/// # Errors
/// [`LoadError::Network`], [`LoadError::Http`], [`LoadError::WrongContentType`], or
/// [`LoadError::File`] with [`FileError::TooLarge`].
pub async fn fetch_json_text(url: &str, file: &FileSpec) -> Result<String, LoadError> {
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
        if length > file.max_bytes {
            return Err(FileError::TooLarge { bytes: length, limit: file.max_bytes }.into());
        }
    }
    response.text().await.map_err(|error| LoadError::Network { url: shown, detail: error.to_string() })
}
