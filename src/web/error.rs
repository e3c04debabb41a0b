//! A browser failure (a rejected promise, a thrown exception) as one line of text, for the
//! detail of a domain error or a console warning, without Rust's debug formatting.

use wasm_bindgen::{JsCast, JsValue};

/// `TypeError: Failed to fetch` for an `Error` (or `DOMException`), the text of a string, the
/// JSON of another value, else a fixed phrase.
pub fn describe(error: &JsValue) -> String {
    if let Some(error) = error.dyn_ref::<js_sys::Error>() {
        return format!("{}: {}", String::from(error.name()), String::from(error.message()));
    }
    error
        .as_string()
        .or_else(|| js_sys::JSON::stringify(error).ok().and_then(|s| s.as_string()))
        .unwrap_or_else(|| "the browser gave no reason".to_string())
}
