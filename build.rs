//! Build script: gives the crate `EU_IOM_CODE_ID`, a fingerprint of its sources (`src/`,
//! `Cargo.toml`, `Cargo.lock`), so a page written by the data tool and the staff page's module can
//! tell whether they were built from the same code (`site::publish` writes it into the page's
//! `generator` tag; the staff page's site update refuses a page built from other code).

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let mut all = vec![root.join("Cargo.toml"), root.join("Cargo.lock")];
    files(&root.join("src"), &mut all);
    all.sort();
    // FNV-1a, 64 bits, over each file's path (relative, with `/`) and bytes.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for path in &all {
        let name = path.strip_prefix(&root).unwrap_or(path).to_string_lossy().replace('\\', "/");
        for byte in name.bytes().chain([0]).chain(std::fs::read(path).unwrap_or_default()).chain([0]) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=EU_IOM_CODE_ID={hash:016x}");
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.toml");
    println!("cargo:rerun-if-changed=Cargo.lock");
}
