//! Entry point of the browser app: mounts the dashboard. Built for wasm32 by Trunk.

#[cfg(target_arch = "wasm32")]
fn main() {
    eu_iom_dashboard::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the browser app: build it with `make dist` or serve it with `make serve`.");
    eprintln!("The native data tool is `cargo run --bin eu-iom-data -- help`.");
}
