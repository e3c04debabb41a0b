//! The service worker (`sw.js`, see `public/sw.js`): registering it under the page's base, so it
//! works under any sub-path, when the build enabled it; noticing that a new build is waiting; and
//! letting it take over when the visitor agrees (the page then reloads into the new version).

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use crate::web::error::describe;
use crate::web::{location, perf};

/// The `<meta name>` the release build writes (with the build id) when the worker is on.
const META: &str = "eu-iom-service-worker";
/// The message that asks a waiting worker to take over (see `public/sw.js`).
const SKIP_WAITING: &str = "eu-iom-dashboard:skip-waiting";
/// Where the page's loader leaves the promise of its kept responses.
const KEPT: &str = "__euIomKept";
/// How often an open page asks whether a new version was deployed.
const CHECK_EVERY_MS: u32 = 30 * 60 * 1000;

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
}

/// The build id the release build wrote into the page, when it turned the worker on.
pub fn build_id() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document.query_selector(&format!("meta[name=\"{META}\"]")).ok()??;
    meta.get_attribute("content").filter(|id| !id.is_empty())
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent in insecure contexts and some embedded browsers.
    let present = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    present.then(|| navigator.service_worker())
}

/// Registers the worker when the build turned it on, and calls `on_update` whenever a new
/// build has been installed and waits to take over (a visit after a deployment, or the hourly
/// check of an open page). Failures are logged and change nothing: the page works without it.
pub fn start(on_update: impl Fn() + Clone + 'static) {
    if build_id().is_none() {
        return;
    }
    let Some(container) = container() else {
        perf::warn("offline use is not available here: this browser has no service workers for this page");
        return;
    };
    let base = location::deployment_base_url();
    wasm_bindgen_futures::spawn_local(async move {
        // The worker downloads what is not in its cache yet: on a first visit, the page's loader
        // (`site::publish::KEEPING_LOADER`) is putting its own responses there; they go first.
        if let Some(kept) = kept_responses() {
            let _ = JsFuture::from(kept).await;
        }
        let options = web_sys::RegistrationOptions::new();
        options.set_scope(&base);
        let registration = match JsFuture::from(container.register_with_options(&format!("{base}sw.js"), &options)).await {
            // A browser that blocks workers may answer with no registration at all.
            Ok(registration) => match registration.dyn_into::<ServiceWorkerRegistration>() {
                Ok(registration) => registration,
                Err(other) => {
                    perf::warn(&format!(
                        "offline use is not available: the browser gave no service worker registration ({})",
                        describe(&other)
                    ));
                    return;
                }
            },
            Err(error) => {
                perf::warn(&format!("offline use is not available: the service worker did not register ({})", describe(&error)));
                return;
            }
        };
        watch(&container, &registration, on_update);
        REGISTRATION.with(|r| r.replace(Some(registration)));
    });
}

/// Settles once the page's loader has stored the responses it keeps for the worker, when it
/// keeps any (`window.__euIomKept`, written by `site::publish::KEEPING_LOADER`).
fn kept_responses() -> Option<js_sys::Promise> {
    let window: JsValue = web_sys::window()?.into();
    js_sys::Reflect::get(&window, &JsValue::from_str(KEPT)).ok()?.dyn_into::<js_sys::Promise>().ok()
}

/// Calls `on_update` for a worker that is already waiting, one still installing, and every
/// later one.
fn watch(container: &ServiceWorkerContainer, registration: &ServiceWorkerRegistration, on_update: impl Fn() + Clone + 'static) {
    // Only a page that a worker already controls has an older version to replace; the first
    // installation just starts working.
    if container.controller().is_some() {
        if registration.waiting().is_some() {
            on_update();
        }
        check_now(registration);
    }
    // The visit itself may have found the new build: it is installing already.
    if let Some(installing) = registration.installing() {
        track(container, installing, on_update.clone());
    }
    let found_in = registration.clone();
    let observed = container.clone();
    let on_found = Closure::<dyn FnMut()>::new(move || {
        if let Some(installing) = found_in.installing() {
            track(&observed, installing, on_update.clone());
        }
    });
    registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
    // An open page asks again when it becomes visible, and every half hour.
    let checked = registration.clone();
    let on_visible = Closure::<dyn FnMut()>::new(move || {
        if web_sys::window().and_then(|w| w.document()).is_some_and(|d| !d.hidden()) {
            check_now(&checked);
        }
    });
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        let _ = document.add_event_listener_with_callback("visibilitychange", on_visible.as_ref().unchecked_ref());
    }
    on_visible.forget();
    let checked = registration.clone();
    gloo::timers::callback::Interval::new(CHECK_EVERY_MS, move || check_now(&checked)).forget();
}

/// Calls `on_update` once `worker` (a new build) is installed and waits, if an older build
/// controls the page.
fn track(container: &ServiceWorkerContainer, worker: web_sys::ServiceWorker, on_update: impl Fn() + 'static) {
    let observed = worker.clone();
    let container = container.clone();
    let on_state = Closure::<dyn FnMut()>::new(move || {
        if observed.state() == ServiceWorkerState::Installed && container.controller().is_some() {
            on_update();
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// Asks the browser to fetch `sw.js` again and compare it with the installed one.
fn check_now(registration: &ServiceWorkerRegistration) {
    if let Ok(promise) = registration.update() {
        wasm_bindgen_futures::spawn_local(async move {
            // Offline, the check fails; the next one will do.
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// Lets the waiting build take over and reloads the page into it once it has.
pub fn apply_update() {
    let Some(container) = container() else { return };
    let Some(waiting) = REGISTRATION.with(|r| r.borrow().as_ref().and_then(ServiceWorkerRegistration::waiting)) else {
        // Nothing waiting any more (another tab took the update): reloading shows it.
        reload();
        return;
    };
    let on_change = Closure::<dyn FnMut()>::new(reload);
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    if let Err(error) = waiting.post_message(&JsValue::from_str(SKIP_WAITING)) {
        perf::warn(&format!("the new version could not be started ({})", describe(&error)));
        reload();
    }
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
