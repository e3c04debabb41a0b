//! The files worker's own side (`src/bin/eu-iom-tools.rs`): answers each job the page posts
//! with [`JobRunner`], then says it is ready. A message is `[id, job, text, selected]` and an
//! answer `[id, answer, bytes]`, the bytes handed over without a copy.

use std::cell::RefCell;

use js_sys::{Array, Uint32Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::chart::record::svg_of_recording;
use crate::domain::export::job::{JobRunner, READY};

/// Starts answering the page's messages.
pub fn serve() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else { return };
    let runner = RefCell::new(JobRunner::new(svg_of_recording));
    let reply = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let message = Array::from(&event.data());
        let request = message.get(1).as_string().unwrap_or_default();
        let text = message.get(2).as_string().unwrap_or_default();
        let selected = message.get(3).dyn_into::<Uint32Array>().map(|a| a.to_vec()).unwrap_or_default();
        let (answer, bytes) = runner.borrow_mut().run(&request, &text, &selected).encode();
        let bytes = Uint8Array::from(bytes.as_slice());
        let transfer = Array::of1(&bytes.buffer());
        let _ = reply.post_message_with_transfer(&Array::of3(&message.get(0), &JsValue::from_str(&answer), &bytes), &transfer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}
