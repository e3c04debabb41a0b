//! Watching an element's size with a `ResizeObserver`, reporting its content width.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};

/// Keeps a `ResizeObserver` alive; dropping it stops observing.
pub struct SizeWatch {
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_width` with the element's content width (CSS pixels) now and whenever it changes.
/// Returns `None` when the browser has no `ResizeObserver`.
pub fn watch_width(element: &Element, mut on_width: impl FnMut(f64) + 'static) -> Option<SizeWatch> {
    watch_size(element, move |width, _| on_width(width))
}

/// Calls `on_size` with the element's border-box width and height (CSS pixels) now and whenever
/// either changes.
pub fn watch_size(element: &Element, mut on_size: impl FnMut(f64, f64) + 'static) -> Option<SizeWatch> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        for entry in entries.iter() {
            if let Ok(entry) = entry.dyn_into::<ResizeObserverEntry>() {
                let rect = entry.target().get_bounding_client_rect();
                on_size(entry.content_rect().width(), rect.height());
            }
        }
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    Some(SizeWatch { observer, _callback: callback })
}
