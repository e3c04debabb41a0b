//! Entry point of the files worker: its own WebAssembly module, loaded by the dashboard on the
//! first download or CSV import, so the writers and the CSV reader are downloaded only by the
//! visitors who use them. Built for wasm32 by Trunk (`data-type="worker"` in index.html).

#[cfg(target_arch = "wasm32")]
fn main() {
    eu_iom_dashboard::web::tools_worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the dashboard's files worker: build it with `make dist`.");
}
