//! Reading a paste: the clipboard's HTML, when it holds some (a release copied from a web
//! page), so the page can turn it into text with `release::paste` instead of the browser's
//! flattening of it.

/// The `text/html` of a paste event, when it has a non-empty one.
pub fn pasted_html(event: &web_sys::ClipboardEvent) -> Option<String> {
    let html = event.clipboard_data()?.get_data("text/html").ok()?;
    (!html.trim().is_empty()).then_some(html)
}
