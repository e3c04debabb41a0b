//! Time and traces: performance marks for the benchmark, the page's clock and today's date,
//! fresh identifiers, and warnings in the browser console.

use wasm_bindgen::JsValue;

/// Records a performance mark (visible to benchmarks through `performance.getEntriesByName`).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Milliseconds since the page started.
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// Logs a warning to the browser console.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// Today's date in the browser's time zone; `None` when the clock gives no valid date (never a
/// made-up one).
pub fn today() -> Option<crate::domain::dataset::date::Date> {
    let now = js_sys::Date::new_0();
    if now.get_time().is_nan() {
        return None;
    }
    let year = i32::try_from(now.get_full_year()).ok()?;
    let (month, day) = (u8::try_from(now.get_month() + 1).ok()?, u8::try_from(now.get_date()).ok()?);
    crate::domain::dataset::date::Date::new(year, month, day).ok()
}

/// A short identifier for a new embed, different on every call.
pub fn new_embed_id() -> String {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 65_536.0) as u64;
    format!("euiom-{:x}{:04x}", now % 0xff_ffff, random)
}
