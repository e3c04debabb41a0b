//! Embedded pages report their content height to the host page (see `public/embed.js` for the
//! host side and `docs/deployment.md`, "Embedding", for the message format).

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::web::observe::{watch_size, SizeWatch};

/// The `type` field of height messages.
pub const MESSAGE_TYPE: &str = "eu-iom-dashboard:height";

/// True when the page runs inside a frame.
pub fn in_frame() -> bool {
    let Some(window) = web_sys::window() else { return false };
    match window.parent() {
        Ok(Some(parent)) => !js_sys::Object::is(&parent, &window),
        _ => false,
    }
}

fn post_height(id: &str, height: f64) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    let message = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), &value);
    };
    set("type", JsValue::from_str(MESSAGE_TYPE));
    set("version", JsValue::from_f64(1.0));
    set("id", JsValue::from_str(id));
    set("height", JsValue::from_f64(height.ceil()));
    // The message holds only a height, so any host may read it; the host script checks
    // where messages come from.
    let _ = parent.post_message(&message, "*");
}

/// Posts the element's height to the parent window now and whenever it changes.
pub fn report_height(element: &Element, id: String) -> Option<SizeWatch> {
    if !in_frame() {
        return None;
    }
    let mut last = -1.0;
    watch_size(element, move |_, height| {
        if (height - last).abs() >= 0.5 {
            last = height;
            post_height(&id, height);
        }
    })
}
