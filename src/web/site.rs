//! Browser glue of the staff page's site update: reading the deployed files it rewrites from the
//! page's own site, past the service worker's and the browser's caches, and drawing the preview
//! image on a canvas (the data tool rasterises it with resvg instead).

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use gloo::net::http::Request;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, RequestCache};

use crate::chart::frame::draw_framed;
use crate::chart::spec::draw_chart;
use crate::chart::theme::Theme;
use crate::chart::Style;
use crate::domain::dataset::model::Dataset;
use crate::domain::lang::Lang;
use crate::site::preview::{default_chart, drawn_size, ZOOM};
use crate::web::canvas::{prepare, text_measure};

/// The bytes of the file at `path` (relative to the page) as the server has it now: a fresh
/// address, so the service worker's cached copy is not used, and no HTTP cache.
///
/// # Errors
/// What went wrong, in the browser's or the server's words.
pub async fn fetch_deployed(path: &str) -> Result<Vec<u8>, String> {
    let fresh = format!("{path}?site-update={}", js_sys::Date::now() as u64);
    let response = Request::get(&fresh).cache(RequestCache::NoCache).send().await.map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    response.binary().await.map_err(|e| e.to_string())
}

/// The text of a deployed file; see [`fetch_deployed`].
///
/// # Errors
/// As [`fetch_deployed`], or when the file is not UTF-8.
pub async fn fetch_deployed_text(path: &str) -> Result<String, String> {
    String::from_utf8(fetch_deployed(path).await?).map_err(|_| "not UTF-8 text".to_string())
}

/// The preview image as PNG bytes: the default chart in its frame, drawn at the data tool's
/// size in CSS pixels and zoom, on an off-screen canvas of 1200 × 630 pixels.
///
/// # Errors
/// A message when the canvas cannot be made, drawn or encoded.
pub fn preview_png(dataset: &Dataset) -> Result<Vec<u8>, String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let canvas: HtmlCanvasElement = document.create_element("canvas").map_err(|_| "no canvas")?.dyn_into().map_err(|_| "no canvas")?;
    let (width, height) = drawn_size();
    let (data, frame, _) = default_chart(dataset);
    let style = Style { lang: Lang::En, theme: Theme::Light, scale: f64::from(ZOOM), measure: Some(text_measure()), ..Style::default() };
    let area = prepare(&canvas, f64::from(width), f64::from(height), style.scale).map_err(|e| e.to_string())?;
    draw_framed(&area, &frame, &style, |inner, style| draw_chart(inner, dataset, &data, None, style)).map_err(|e| e.to_string())?;
    drop(area);
    let url = canvas.to_data_url_with_type("image/png").map_err(|e| format!("{e:?}"))?;
    let encoded = url.strip_prefix("data:image/png;base64,").ok_or("the canvas gave no PNG")?;
    BASE64.decode(encoded).map_err(|e| e.to_string())
}
