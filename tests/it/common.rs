//! Helpers shared by the integration tests: the frozen and the published dataset, files and snapshots.

use std::path::{Path, PathBuf};

use eu_iom_dashboard::domain::dataset::load::{load_dataset, Loaded};

/// Path relative to the crate root.
pub fn path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Adds the Rust files under `dir`, in every sub-folder, to `out`.
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read the folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Text of a file relative to the crate root.
pub fn read(relative: &str) -> String {
    std::fs::read_to_string(path(relative)).unwrap_or_else(|e| panic!("cannot read {relative}: {e}"))
}

/// The frozen test dataset (`tests/fixtures/dataset/`): real figures that a data release does not
/// change, for every test of the code.
pub const FIXTURE: &str = "tests/fixtures/dataset/eu-iom-figures.json";

/// The published dataset (`public/data/`), only for the checks of the published data itself.
pub const PUBLISHED: &str = "public/data/eu-iom-figures.json";

/// The frozen test dataset, loaded.
pub fn fixture_dataset() -> Loaded {
    load_dataset(&read(FIXTURE)).expect("the test dataset loads")
}

/// The published dataset, loaded.
pub fn published_dataset() -> Loaded {
    load_dataset(&read(PUBLISHED)).expect("the published dataset loads")
}

/// Compares `actual` with the snapshot file `tests/snapshots/<name>`; with `UPDATE_SNAPSHOTS=1`
/// writes it instead. Snapshots are plain files, so a reviewer can open them in a browser.
pub fn assert_snapshot(name: &str, actual: &str) {
    let file = path(&format!("tests/snapshots/{name}"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&file, actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&file)
        .unwrap_or_else(|_| panic!("missing snapshot {name}; run UPDATE_SNAPSHOTS=1 cargo test to create it"));
    if expected != actual {
        let out = path(&format!("target/snapshots/{name}"));
        let _ = std::fs::create_dir_all(out.parent().expect("parent"));
        let _ = std::fs::write(&out, actual);
        panic!(
            "snapshot {name} differs; the new rendering is in {}; if the change is intended, run UPDATE_SNAPSHOTS=1 cargo test",
            out.display()
        );
    }
}
