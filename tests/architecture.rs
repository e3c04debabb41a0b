//! House rules checked as tests: module docs, the pure core's boundaries, and no panicking
//! calls in shipped code (belt and braces with the clippy lints in `src/lib.rs`).

mod common;

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources() -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(&common::path("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("read file");
            let relative = path.strip_prefix(common::path("")).expect("inside the crate").display().to_string();
            (relative, text)
        })
        .collect()
}

/// The text before the first `#[cfg(test)]`: what ships.
fn shipped(text: &str) -> &str {
    text.split("#[cfg(test)]").next().unwrap_or(text)
}

#[test]
fn every_source_file_opens_with_a_module_doc() {
    for (path, text) in sources() {
        assert!(text.starts_with("//!"), "{path} must start with a //! line saying what it is for");
    }
}

#[test]
fn the_pure_core_does_not_touch_the_browser() {
    let forbidden = ["leptos", "web_sys", "js_sys", "wasm_bindgen", "gloo"];
    for (path, text) in sources() {
        let pure = path.starts_with("src/domain") || path.starts_with("src/chart");
        if !pure {
            continue;
        }
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for word in forbidden {
                assert!(!line.contains(word), "{path} mentions {word}: {line}");
            }
        }
    }
}

#[test]
fn browser_glue_stays_in_web() {
    for (path, text) in sources() {
        if path.starts_with("src/web") {
            continue;
        }
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            assert!(!line.contains("web_sys::") && !line.contains("js_sys::"), "{path} names browser APIs: {line}");
        }
    }
}

#[test]
fn shipped_code_has_no_panicking_calls() {
    let patterns = [".unwrap()", ".expect(", "panic!(", "todo!(", "unimplemented!(", "unreachable!("];
    // `testing.rs` modules hold test fixtures and are declared under `#[cfg(test)]`.
    for (path, text) in sources().into_iter().filter(|(path, _)| !path.ends_with("/testing.rs")) {
        for (number, line) in shipped(&text).lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for pattern in patterns {
                assert!(!line.contains(pattern), "{path}:{}: {pattern} in shipped code", number + 1);
            }
        }
    }
}

#[test]
fn no_ignored_or_should_panic_tests() {
    let mut files = Vec::new();
    rust_files(&common::path("tests"), &mut files);
    rust_files(&common::path("src"), &mut files);
    for path in files {
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(!text.contains(&["#[", "ignore]"].concat()), "{}", path.display());
        assert!(!text.contains(&["#[", "should_panic"].concat()), "{}", path.display());
    }
}
