//! Entry point of the staff page (`staff.html`): its own WebAssembly module, so the release
//! reader is downloaded only by the staff who use it. Built for wasm32 by Trunk.

#[cfg(target_arch = "wasm32")]
fn main() {
    eu_iom_dashboard::ui::mount_staff();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the staff page of the browser app: build it with `make dist`.");
}
