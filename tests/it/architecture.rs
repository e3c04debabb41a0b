//! House rules checked as tests: module docs, the pure core's boundaries, and no panicking
//! calls in shipped code (belt and braces with the clippy lints in `src/lib.rs`).

use crate::common;

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

/// True when a line of code decides something by interface language: a match arm whose
/// pattern names a language (`Lang::Fr =>`, `(kind, Lang::En) =>`, `… if lang == Lang::Fr =>`),
/// a comparison with one (`== Lang::Fr`), `matches!(…, Lang::Fr)` or `if let Lang::Fr`.
fn branches_on_language(line: &str) -> bool {
    // A variant (`Lang::Fr`, and any language added later), not the constant `Lang::ALL`.
    let names_a_language = |text: &str| {
        text.split("Lang::").skip(1).any(|after| after.starts_with(|c: char| c.is_ascii_uppercase()) && !after.starts_with("ALL"))
    };
    let pattern = line.split("=>").next().unwrap_or(line);
    (line.contains("=>") && names_a_language(pattern))
        || ["== Lang::", "!= Lang::", "let Lang::"].iter().any(|p| line.contains(p))
        || (line.contains("matches!(") && names_a_language(line))
}

#[test]
fn language_branches_live_with_the_words() {
    // Every decision by language is in `domain/text/` (the words and the number formats) or in
    // `domain/lang.rs` (the languages and `tr!`, the one switch between them), so adding a
    // language is one column in text/ and one locale, and no English-only text hides elsewhere.
    // `tr!` is for words, so it stays in text/ too; the model uses it to pick the dataset's own
    // names and wordings in a language.
    let home = |path: &str| path.starts_with("src/domain/text") || path == "src/domain/lang.rs";
    let mut found = Vec::new();
    for (path, text) in sources().into_iter().filter(|(path, _)| !home(path)) {
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or(line);
            let uses_tr = code.contains("tr!(") && path != "src/domain/dataset/model.rs";
            if branches_on_language(code) || uses_tr {
                found.push(format!("{path}:{}: {}", number + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "{} language branches outside domain/text/:\n{}", found.len(), found.join("\n"));
}

#[test]
fn the_language_branch_check_sees_every_form() {
    for line in [
        "Lang::Fr => \"Carte\",",
        "(MapError::Empty, Lang::En) => \"the map file is empty\".into(),",
        "(None, Some(upper), Lang::Fr) => format!(\"moins de {}\", number(upper)),",
        "(Lang::Fr, Some(french)) => (french, Lang::Fr),",
        "(_, _) if lang == Lang::Fr => x,",
        "move || if page.lang.get() == Lang::Fr { a } else { b },",
        "if matches!(lang, Lang::En) {",
        "Lang::De => \"Karte\",",
    ] {
        assert!(branches_on_language(line), "{line}");
    }
    for line in [
        "let csv = to_csv(&d, &[0], Lang::En);",
        "Some(x) => x.message(Lang::En),",
        "for lang in Lang::ALL {",
        "if french > english { Lang::Fr } else { Lang::En }",
    ] {
        assert!(!branches_on_language(line), "{line}");
    }
}
