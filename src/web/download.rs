//! Saving files from the page: text and bytes through a Blob and an object URL, PNG charts
//! drawn on an off-screen canvas at twice the resolution, and what a download made now needs
//! from the browser (today's date, the page's address).

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, Url};

use crate::chart::frame::FrameText;
use crate::chart::spec::{draw_export, export_size, ChartData};
use crate::chart::Style;
use crate::domain::dataset::model::Dataset;
use crate::domain::export::{DownloadError, ExportContext};
use crate::domain::lang::Lang;
use crate::web::canvas::prepare;
use crate::web::error::describe;
use crate::web::{location, perf};

fn js_error(error: JsValue) -> DownloadError {
    DownloadError::Failed(describe(&error))
}

/// Offers `url` to the user as a file named `name`.
fn save_url(name: &str, url: &str) -> Result<(), DownloadError> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| DownloadError::Failed("no document".into()))?;
    let anchor: HtmlAnchorElement =
        document.create_element("a").map_err(js_error)?.dyn_into().map_err(|_| DownloadError::Failed("no anchor".into()))?;
    anchor.set_href(url);
    anchor.set_download(name);
    anchor.set_attribute("data-testid", "download-link").map_err(js_error)?;
    let body = document.body().ok_or_else(|| DownloadError::Failed("no body".into()))?;
    body.append_child(&anchor).map_err(js_error)?;
    anchor.click();
    anchor.remove();
    Ok(())
}

/// Offers bytes as a file.
///
/// # Errors
/// [`DownloadError`] when the browser refuses to build the Blob.
pub fn save_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), DownloadError> {
    let array = Uint8Array::from(bytes);
    let parts = Array::of1(&array);
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(js_error)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(js_error)?;
    let result = save_url(name, &url);
    // The click has started the download; the URL can go once the event loop has moved on.
    let revoke = url.clone();
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&revoke);
    })
    .forget();
    result
}

/// Offers a text as a UTF-8 file.
///
/// # Errors
/// See [`save_bytes`].
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), DownloadError> {
    save_bytes(name, mime, text.as_bytes())
}

/// Draws the chart with its frame on an off-screen canvas at twice the resolution and offers
/// it as a PNG file.
///
/// # Errors
/// [`DownloadError`] when the canvas cannot be made or drawn.
pub fn save_png(name: &str, dataset: &Dataset, data: &ChartData, frame: &FrameText, style: &Style) -> Result<(), DownloadError> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| DownloadError::Failed("no document".into()))?;
    let canvas: HtmlCanvasElement =
        document.create_element("canvas").map_err(js_error)?.dyn_into().map_err(|_| DownloadError::Failed("no canvas".into()))?;
    let (width, height) = export_size(data, frame);
    let style = Style { scale: 2.0, opaque: true, ..style.clone() };
    let area = prepare(&canvas, width, height, 2.0)?;
    draw_export(&area, dataset, data, frame, &style)?;
    drop(area);
    let url = canvas.to_data_url_with_type("image/png").map_err(js_error)?;
    save_url(name, &url)
}

/// What a download made now needs to know: today's date (a clock that gives none stops the
/// download with a message; no date is made up), the page's address and language.
///
/// # Errors
/// [`DownloadError::Clock`] when the computer's clock gives no valid date.
pub fn export_context(lang: Lang) -> Result<ExportContext, DownloadError> {
    let today = perf::today().ok_or(DownloadError::Clock)?;
    Ok(ExportContext { today, page_url: location::page_url(), lang })
}
