//! The files worker, seen from the page: started on first use from the address the build
//! wrote into the page (`<meta name="eu-iom-tools">`, see `crate::site::publish`), a job posted
//! with the dataset's text and answered by the worker. A worker that cannot be loaded (offline
//! before it was cached, a failed request) fails every job waiting with
//! [`ToolsUnavailable`], and the next job tries to load it again.

use std::cell::RefCell;
use std::collections::BTreeMap;

use js_sys::{Array, Function, Promise, Uint32Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ErrorEvent, Event, MessageEvent, Worker};

use crate::domain::export::job::{Job, JobAnswer, ToolsUnavailable, FAILED, READY, TOOLS_META, TOOLS_NAME};
use crate::domain::export::DownloadError;
use crate::web::download::save_bytes;
use crate::web::error::describe;

/// The running worker and the jobs it owes an answer.
struct Tools {
    worker: Worker,
    ready: bool,
    waiting: Vec<Array>,
    pending: BTreeMap<u32, (Function, Function)>,
    next: u32,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(Event)>,
}

thread_local! {
    static TOOLS: RefCell<Option<Tools>> = const { RefCell::new(None) };
}

/// The worker's loader named by the page, or the one Trunk writes (`make serve`; a release
/// build names its own, with a content hash).
fn loader() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!("meta[name=\"{TOOLS_META}\"]")).ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| format!("{TOOLS_NAME}_loader.js"))
}

/// Stops the worker and fails every job it owed with `detail`.
fn fail_all(detail: &str) {
    let Some(tools) = TOOLS.with(|t| t.borrow_mut().take()) else { return };
    tools.worker.terminate();
    crate::web::perf::warn(&format!("the files worker could not be loaded: {detail}"));
    for (_, (_, reject)) in tools.pending {
        let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(detail));
    }
}

fn on_message(event: MessageEvent) {
    let data = event.data();
    if let Some(word) = data.as_string() {
        if word == READY {
            TOOLS.with(|t| {
                if let Some(tools) = t.borrow_mut().as_mut() {
                    tools.ready = true;
                    for message in tools.waiting.drain(..) {
                        let _ = tools.worker.post_message(&message);
                    }
                }
            });
        }
        return;
    }
    let message = Array::from(&data);
    if message.get(0).as_string().as_deref() == Some(FAILED) {
        fail_all(&message.get(1).as_string().unwrap_or_default());
        return;
    }
    let Some(id) = message.get(0).as_f64() else { return };
    let resolve = TOOLS.with(|t| t.borrow_mut().as_mut().and_then(|tools| tools.pending.remove(&(id as u32))));
    if let Some((resolve, _)) = resolve {
        let _ = resolve.call1(&JsValue::NULL, &message);
    }
}

/// Starts the worker.
fn start() -> Result<Tools, String> {
    let worker = Worker::new(&loader()).map_err(|e| describe(&e))?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(on_message);
    // A loader or glue script that cannot be fetched (a plain `Event`) or run (an `ErrorEvent`).
    let on_error = Closure::<dyn Fn(Event)>::new(|event: Event| {
        event.prevent_default();
        let detail = event.dyn_ref::<ErrorEvent>().map(ErrorEvent::message).filter(|m| !m.is_empty());
        fail_all(detail.as_deref().unwrap_or("the script could not be loaded"));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Tools { worker, ready: false, waiting: Vec::new(), pending: BTreeMap::new(), next: 0, _on_message: on_message, _on_error: on_error })
}

/// Posts a job to the worker (started on first use) and waits for its answer.
///
/// # Errors
/// [`ToolsUnavailable`] when the worker cannot be started or loaded, or answers nonsense.
pub async fn run(job: &Job, text: &str, selected: &[u32]) -> Result<JobAnswer, ToolsUnavailable> {
    let request = job.encode();
    let mut posted = Ok(());
    let promise = Promise::new(&mut |resolve, reject| {
        posted = TOOLS.with(|t| {
            let mut slot = t.borrow_mut();
            if slot.is_none() {
                *slot = Some(start()?);
            }
            let Some(tools) = slot.as_mut() else { return Err("no worker".to_string()) };
            let id = tools.next;
            tools.next = tools.next.wrapping_add(1);
            tools.pending.insert(id, (resolve, reject));
            let message =
                Array::of4(&JsValue::from(id), &JsValue::from_str(&request), &JsValue::from_str(text), &Uint32Array::from(selected));
            if tools.ready {
                tools.worker.post_message(&message).map_err(|e| describe(&e))?;
            } else {
                tools.waiting.push(message);
            }
            Ok(())
        });
    });
    posted.map_err(ToolsUnavailable)?;
    let answer = JsFuture::from(promise).await.map_err(|e| ToolsUnavailable(describe(&e)))?;
    let answer = Array::from(&answer);
    let head = answer.get(1).as_string().unwrap_or_default();
    let bytes = answer.get(2).dyn_into::<Uint8Array>().map(|a| a.to_vec()).unwrap_or_default();
    JobAnswer::decode(&head, bytes).map_err(ToolsUnavailable)
}

/// Runs a job whose answer is a file (a download) and offers the file.
///
/// # Errors
/// The job's [`DownloadError`], or [`DownloadError::ToolsUnavailable`].
pub async fn save_file(job: &Job, text: &str, selected: &[u32]) -> Result<(), DownloadError> {
    match run(job, text, selected).await? {
        JobAnswer::File { name, mime, bytes } => save_bytes(&name, &mime, &bytes),
        JobAnswer::DownloadFailed(error) => Err(error),
        JobAnswer::Document(_) | JobAnswer::ReadFailed { .. } => Err(DownloadError::ToolsUnavailable),
    }
}
