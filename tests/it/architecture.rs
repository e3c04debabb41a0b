//! House rules checked as tests: module docs, the pure core's boundaries, no panicking calls in
//! shipped code (belt and braces with the clippy lints in `src/lib.rs`), and the dependency
//! graph: which top-level module may import which, and no import cycles between the top-level
//! modules of `src/` or between the topics of `src/domain/`; and the build tools' versions, which
//! `.ci/versions` pins and other files repeat; and the README stays a map for a newcomer.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn sources() -> Vec<(String, String)> {
    let mut files = Vec::new();
    common::rust_files(&common::path("src"), &mut files);
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
    // `testing.rs` modules hold test fixtures and are declared under `#[cfg(test)]`; a module's
    // `tests.rs` is its test module, when the module declares it so.
    let all = sources();
    let test_only = |path: &str| {
        path.ends_with("/testing.rs")
            || path.strip_suffix("/tests.rs").is_some_and(|parent| {
                all.iter().any(|(other, text)| *other == format!("{parent}.rs") && text.contains("#[cfg(test)]\nmod tests;"))
            })
    };
    for (path, text) in all.iter().filter(|(path, _)| !test_only(path)) {
        for (number, line) in shipped(text).lines().enumerate() {
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
    common::rust_files(&common::path("tests"), &mut files);
    common::rust_files(&common::path("src"), &mut files);
    for path in files {
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(!text.contains(&["#[", "ignore]"].concat()), "{}", path.display());
        assert!(!text.contains(&["#[", "should_panic"].concat()), "{}", path.display());
    }
}

/// The test functions of a file that name the published dataset (`public/data/`), directly or
/// through `common::PUBLISHED` and `common::published_dataset`.
fn tests_reading_the_published_data(text: &str) -> Vec<String> {
    let published = ["public/data/eu-iom-figures.json", "common::PUBLISHED", "common::published_dataset()"];
    let mut names = BTreeSet::new();
    for needle in published {
        for (at, _) in text.match_indices(needle) {
            let before = &text[..at];
            let name = before.rfind("\nfn ").map_or("(outside a function)", |start| {
                let rest = &before[start + 4..];
                rest.split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap_or("")
            });
            names.insert(name.to_string());
        }
    }
    names.into_iter().collect()
}

/// A data release replaces `public/data/eu-iom-figures.json`; code tests read the frozen copy in
/// `tests/fixtures/dataset/`, so only the checks of the published data itself can fail then: the
/// tests of `tests/it/dataset.rs` and those whose name says they check the published dataset.
#[test]
fn only_the_checks_of_the_published_data_read_it() {
    let mut files = Vec::new();
    common::rust_files(&common::path("tests/it"), &mut files);
    common::rust_files(&common::path("src"), &mut files);
    let mut offenders = Vec::new();
    for path in files {
        let relative = path.strip_prefix(common::path("")).expect("inside the crate").display().to_string();
        if ["tests/it/dataset.rs", "tests/it/common.rs", "tests/it/architecture.rs"].contains(&relative.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read");
        // In src/, only the test modules count: shipped code may name the file in its messages.
        let tests = if relative.starts_with("src/") { text.split_once("#[cfg(test)]").map_or("", |(_, t)| t) } else { &text };
        for name in tests_reading_the_published_data(tests) {
            if !name.contains("published") {
                offenders.push(format!("{relative}: {name}"));
            }
        }
    }
    assert!(offenders.is_empty(), "code tests read the published dataset instead of common::FIXTURE: {offenders:?}");
}

#[test]
fn the_published_data_check_names_the_test_that_reads_it() {
    let text = "fn a() {\n    common::fixture_dataset();\n}\nfn b_reads() {\n    common::read(common::PUBLISHED);\n}\n";
    assert_eq!(tests_reading_the_published_data(text), ["b_reads"]);
}

/// True when a line of code decides something by interface language: a match arm whose
/// pattern names a language (`Lang::Fr =>`, `(kind, Lang::En) =>`, `… if lang == Lang::Fr =>`),
/// a comparison with one (`== Lang::Fr`), `matches!(…, Lang::Fr)` or `if let Lang::Fr`.
fn branches_on_language(line: &str) -> bool {
    // A variant (`Lang::Fr`, and any language added later), not the constant `Lang::ALL`.
    let names_a_language = |text: &str| {
        text.split("Lang::")
            .skip(1)
            .any(|after| after.starts_with(|c: char| c.is_ascii_uppercase()) && !after.starts_with("ALL"))
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
            let uses_tr = code.contains("tr!(") && path != "src/domain/dataset/model/records.rs";
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

/// Modules and the modules each one imports, with where the first import of each is
/// (`src/domain/text/labels.rs:4`).
type Graph = BTreeMap<String, BTreeMap<String, String>>;

/// The module a file of `src/` defines, as path segments: `src/domain/explore/table.rs` is
/// `domain::explore::table`, `src/domain.rs` is `domain`. `None` for the crate roots and the
/// binaries, which are not modules of the library.
fn module_of(relative: &str) -> Option<Vec<String>> {
    let path = relative.strip_prefix("src/")?.strip_suffix(".rs")?;
    if matches!(path, "lib" | "main") || path.starts_with("bin/") {
        return None;
    }
    let mut segments: Vec<String> = path.split('/').map(str::to_string).collect();
    if segments.last().is_some_and(|s| s == "mod") {
        segments.pop();
    }
    Some(segments)
}

/// Every path of the crate that `code` names, as absolute segments: `crate::a::b` and
/// `super::…` (resolved from `module`), with `{…}` groups expanded. Comment lines are skipped.
fn crate_paths(code: &str, module: &[String]) -> Vec<(Vec<String>, usize)> {
    let mut out = Vec::new();
    for (number, line) in code.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find(|c: char| c.is_alphabetic() || c == '_' || c == '$') {
            let word_end = rest[at..].find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$')).map_or(rest.len(), |e| at + e);
            let word = &rest[at..word_end];
            let base: Option<Vec<String>> = match word {
                "crate" => Some(Vec::new()),
                "super" => Some(module.iter().take(module.len().saturating_sub(1)).cloned().collect()),
                _ => None,
            };
            match base {
                Some(base) if rest[word_end..].starts_with("::") => {
                    let (tree, used) = use_tree(&rest[word_end + 2..], base);
                    out.extend(tree.into_iter().map(|path| (path, number + 1)));
                    rest = &rest[word_end + 2 + used..];
                }
                _ => rest = &rest[word_end..],
            }
        }
    }
    out
}

/// Reads a use tree (`a::b`, `a::{b, c::d}`, `super::x`) in front of `text`, appending to
/// `prefix`; returns the paths and how many bytes it read.
fn use_tree(text: &str, prefix: Vec<String>) -> (Vec<Vec<String>>, usize) {
    let trimmed = text.trim_start();
    let mut read = text.len() - trimmed.len();
    if let Some(group) = trimmed.strip_prefix('{') {
        read += 1;
        let mut paths = Vec::new();
        let mut rest = group;
        loop {
            let (tree, used) = use_tree(rest, prefix.clone());
            paths.extend(tree);
            read += used;
            rest = &rest[used..];
            let after = rest.trim_start();
            read += rest.len() - after.len() + 1;
            match after.chars().next() {
                Some(',') => rest = &after[1..],
                _ => return (paths, read.min(text.len())),
            }
        }
    }
    let end = trimmed.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(trimmed.len());
    if end == 0 {
        return (vec![prefix], read);
    }
    let segment = &trimmed[..end];
    read += end;
    let mut path = prefix;
    match segment {
        "self" => {}
        "super" => {
            path.pop();
        }
        _ => path.push(segment.to_string()),
    }
    if trimmed[end..].starts_with("::") {
        let (tree, used) = use_tree(&trimmed[end + 2..], path);
        (tree, read + 2 + used)
    } else {
        (vec![path], read)
    }
}

/// The import graph of `files` (path and text) at one level: `depth` 1 is the top-level modules
/// of `src/`, depth 2 under `within` (such as `domain`) its topics. Only shipped code counts, and
/// the `testing.rs` fixture modules of unit tests are left out.
fn import_graph(files: &[(String, String)], within: &[&str], depth: usize) -> Graph {
    let mut graph = Graph::new();
    let inside = |path: &[String]| path.len() >= depth && path.iter().zip(within).all(|(a, b)| a == b);
    for (file, text) in files.iter().filter(|(file, _)| !file.ends_with("/testing.rs")) {
        let Some(module) = module_of(file) else { continue };
        if !inside(&module) || module.len() < depth {
            continue;
        }
        let from = module[depth - 1].clone();
        let edges = graph.entry(from.clone()).or_default();
        for (path, line) in crate_paths(shipped(text), &module) {
            if inside(&path) && path[depth - 1] != from {
                edges.entry(path[depth - 1].clone()).or_insert_with(|| format!("{file}:{line}"));
            }
        }
    }
    graph
}

/// An import cycle of `graph`, as the modules along it with the first one repeated at the end
/// (`["text", "explore", "text"]`), or `None` when the graph has none.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(node: &str, graph: &Graph, path: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flat_map(|edges| edges.keys()) {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

/// A cycle in words, each step with the import that makes it: `text → explore
/// (src/domain/text/labels.rs:4) → text (src/domain/explore/table.rs:5)`.
fn describe_cycle(graph: &Graph, cycle: &[String]) -> String {
    let mut out = cycle.first().cloned().unwrap_or_default();
    for step in cycle.windows(2) {
        let at = graph.get(&step[0]).and_then(|edges| edges.get(&step[1])).cloned().unwrap_or_default();
        out.push_str(&format!(" → {} ({at})", step[1]));
    }
    out
}

/// Every import of a module `allowed` names that it does not list for that module, as
/// `domain → chart (src/domain/x.rs:3)`; modules `allowed` does not name are not checked.
fn forbidden_imports(graph: &Graph, allowed: &[(&str, &[&str])]) -> Vec<String> {
    let mut out = Vec::new();
    for (from, edges) in graph {
        let Some((_, may)) = allowed.iter().find(|(module, _)| module == from) else { continue };
        for (to, at) in edges {
            if !may.contains(&to.as_str()) {
                out.push(format!("{from} → {to} ({at})"));
            }
        }
    }
    out
}

/// Which top-level module of `src/` may import which (the README's dependency direction).
const TOP_LEVEL: &[(&str, &[&str])] = &[
    ("domain", &[]),
    ("chart", &["domain"]),
    ("html", &["domain"]),
    ("prerender", &["domain", "chart", "html"]),
    ("site", &["domain", "chart", "html", "prerender"]),
    ("web", &["domain", "chart", "site"]),
    ("cli", &["domain", "chart", "html", "prerender", "site"]),
    ("ui", &["domain", "chart", "html", "web", "site"]),
];

/// Which topic of `src/domain/` may import which: the leaves (the rest is free as long as there
/// is no cycle; `src/domain.rs` writes the whole direction down).
const DOMAIN_LEAVES: &[(&str, &[&str])] = &[("lang", &[]), ("dataset", &["lang"])];

#[test]
fn top_level_modules_import_only_downwards() {
    let graph = import_graph(&sources(), &[], 1);
    let mut listed: Vec<&str> = TOP_LEVEL.iter().map(|(module, _)| *module).collect();
    listed.sort_unstable();
    assert_eq!(graph.keys().map(String::as_str).collect::<Vec<_>>(), listed, "every top-level module has a line in TOP_LEVEL");
    let forbidden = forbidden_imports(&graph, TOP_LEVEL);
    assert!(forbidden.is_empty(), "imports against the dependency direction: {forbidden:#?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle between top-level modules: {}", describe_cycle(&graph, &cycle));
    }
}

#[test]
fn domain_topics_have_no_cycles_and_the_leaves_import_nothing_above() {
    let graph = import_graph(&sources(), &["domain"], 2);
    for topic in ["lang", "dataset", "explore", "text", "export", "map", "release"] {
        assert!(graph.contains_key(topic), "no domain topic {topic}: {:?}", graph.keys());
    }
    let forbidden = forbidden_imports(&graph, DOMAIN_LEAVES);
    assert!(forbidden.is_empty(), "domain leaves importing above themselves: {forbidden:#?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle between domain topics: {}", describe_cycle(&graph, &cycle));
    }
}

/// Files of a made-up crate: `domain::a` and `domain::b` import each other (one through a
/// `{…}` group, one through `super::`), and `domain` imports `ui`.
fn made_up_crate() -> Vec<(String, String)> {
    let file = |path: &str, text: &str| (path.to_string(), text.to_string());
    vec![
        file("src/lib.rs", "//! Root.\npub mod domain;\npub mod ui;\n"),
        file("src/main.rs", "//! Binary.\nuse crate::ui::x;\n"),
        file("src/domain.rs", "//! Core.\npub mod a;\npub mod b;\n"),
        file("src/domain/a.rs", "//! A.\nuse crate::domain::{lang::Lang, b::thing};\n// use crate::domain::c::Commented;\n"),
        file("src/domain/a/inner.rs", "//! Inner.\nuse super::super::c::Deep;\n"),
        file(
            "src/domain/b.rs",
            "//! B.\nuse super::a::Other;\nuse crate::ui::Page;\n#[cfg(test)]\nmod tests { use crate::domain::d::OnlyInTests; }\n",
        ),
        file("src/domain/testing.rs", "//! Fixtures.\nuse crate::domain::e::Fixture;\n"),
        file("src/ui.rs", "//! UI.\nuse crate::domain::a::{self, Thing};\n"),
    ]
}

#[test]
fn the_graph_reads_groups_super_and_shipped_code_only() {
    let files = made_up_crate();
    let top = import_graph(&files, &[], 1);
    assert_eq!(top["domain"].keys().collect::<Vec<_>>(), ["ui"]);
    assert_eq!(top["ui"].keys().collect::<Vec<_>>(), ["domain"]);
    assert!(!top.contains_key("main") && !top.contains_key("lib"), "{top:?}");
    let domain = import_graph(&files, &["domain"], 2);
    assert_eq!(domain["a"].keys().collect::<Vec<_>>(), ["b", "c", "lang"], "groups and super::super, not comments");
    assert_eq!(domain["b"].keys().collect::<Vec<_>>(), ["a"], "tests and testing.rs do not count");
    assert_eq!(domain["a"]["b"], "src/domain/a.rs:2");
    assert_eq!(domain["a"]["c"], "src/domain/a/inner.rs:2");
}

#[test]
fn the_checks_find_a_made_up_cycle_and_a_forbidden_import() {
    let files = made_up_crate();
    let top = import_graph(&files, &[], 1);
    assert_eq!(forbidden_imports(&top, TOP_LEVEL), ["domain → ui (src/domain/b.rs:3)"]);
    assert_eq!(find_cycle(&top), Some(vec!["domain".to_string(), "ui".to_string(), "domain".to_string()]));
    let domain = import_graph(&files, &["domain"], 2);
    let cycle = find_cycle(&domain).expect("a and b import each other");
    assert_eq!(cycle, ["a", "b", "a"]);
    assert_eq!(describe_cycle(&domain, &cycle), "a → b (src/domain/a.rs:2) → a (src/domain/b.rs:2)");
    assert_eq!(forbidden_imports(&domain, &[("a", &["b", "c", "lang"]), ("b", &["a"])]), Vec::<String>::new());
    assert_eq!(forbidden_imports(&domain, DOMAIN_LEAVES), Vec::<String>::new(), "a and b are not leaves");
    assert_eq!(forbidden_imports(&domain, &[("a", &["lang"])]), ["a → b (src/domain/a.rs:2)", "a → c (src/domain/a/inner.rs:2)"]);
}

#[test]
fn a_longer_cycle_is_found_and_a_diamond_is_not_one() {
    let graph = |edges: &[(&str, &str)]| -> Graph {
        let mut graph = Graph::new();
        for (from, to) in edges {
            graph.entry(from.to_string()).or_default().insert(to.to_string(), format!("{from}.rs:1"));
            graph.entry(to.to_string()).or_default();
        }
        graph
    };
    let diamond = graph(&[("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")]);
    assert_eq!(find_cycle(&diamond), None);
    let ring = graph(&[("a", "b"), ("b", "c"), ("c", "d"), ("d", "b")]);
    assert_eq!(find_cycle(&ring), Some(["b", "c", "d", "b"].map(String::from).to_vec()));
    assert_eq!(describe_cycle(&ring, &["b", "c", "d", "b"].map(String::from)), "b → c (b.rs:1) → d (c.rs:1) → b (d.rs:1)");
}

/// `KEY=VALUE` lines of a shell file such as `.ci/versions`.
fn shell_values(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('='))
        .map(|(key, value)| (key.trim().to_string(), value.trim().trim_matches('"').to_string()))
        .collect()
}

/// The string value of `key` in the TOML `section` of `text` (`""`: before any section header;
/// `[[package]]` blocks count as sections named `package` and the first whose `when` key has
/// the given value is taken, as in `Cargo.lock`).
fn toml_value(text: &str, section: &str, key: &str, when: Option<(&str, &str)>) -> Option<String> {
    let mut current = String::new();
    let mut block: Vec<(String, String)> = Vec::new();
    let mut found = None;
    let mut finish = |current: &str, block: &mut Vec<(String, String)>| {
        let matches = current == section && when.is_none_or(|(k, v)| block.iter().any(|(bk, bv)| bk == k && bv == v));
        if matches && found.is_none() {
            found = block.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        }
        block.clear();
    };
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            finish(&current, &mut block);
            current = line.trim_matches(|c| c == '[' || c == ']').to_string();
        } else if let Some((k, v)) = line.split_once('=') {
            let value = v.split('#').next().unwrap_or_default().trim();
            block.push((k.trim().to_string(), value.trim_matches('"').to_string()));
        }
    }
    finish(&current, &mut block);
    found
}

/// Every place where a tool's version disagrees with `.ci/versions`, given the texts of
/// `.ci/versions`, `Cargo.toml`, `Cargo.lock`, `Trunk.toml`, `tests/e2e/package.json` and its lock.
fn version_disagreements(
    versions: &str,
    cargo_toml: &str,
    cargo_lock: &str,
    trunk_toml: &str,
    package: &str,
    package_lock: &str,
) -> Vec<String> {
    let pins = shell_values(versions);
    let pin = |key: &str| pins.get(key).cloned().unwrap_or_else(|| format!("(no {key} in .ci/versions)"));
    let json = |text: &str, pointer: &str| {
        serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|v| v.pointer(pointer).and_then(|v| v.as_str()).map(str::to_string))
    };
    let binaryen = format!("{}.0.0", pin("BINARYEN"));
    let checks = [
        (
            "Cargo.toml wasm-bindgen",
            toml_value(cargo_toml, "target.'cfg(target_arch = \"wasm32\")'.dependencies", "wasm-bindgen", None),
            format!("={}", pin("WASM_BINDGEN")),
        ),
        ("Cargo.lock wasm-bindgen", toml_value(cargo_lock, "package", "version", Some(("name", "wasm-bindgen"))), pin("WASM_BINDGEN")),
        ("Trunk.toml trunk-version", toml_value(trunk_toml, "", "trunk-version", None), pin("TRUNK")),
        ("Trunk.toml [tools] wasm_bindgen", toml_value(trunk_toml, "tools", "wasm_bindgen", None), pin("WASM_BINDGEN")),
        ("Trunk.toml [tools] wasm_opt", toml_value(trunk_toml, "tools", "wasm_opt", None), format!("version_{}", pin("BINARYEN"))),
        ("tests/e2e/package.json binaryen", json(package, "/devDependencies/binaryen"), binaryen.clone()),
        ("tests/e2e/package-lock.json binaryen", json(package_lock, "/packages/node_modules~1binaryen/version"), binaryen),
    ];
    checks
        .into_iter()
        .filter(|(_, found, wanted)| found.as_deref() != Some(wanted.as_str()))
        .map(|(place, found, wanted)| format!("{place} is {}, .ci/versions says {wanted}", found.as_deref().unwrap_or("missing")))
        .collect()
}

#[test]
fn tool_versions_agree_with_ci_versions() {
    let disagreements = version_disagreements(
        &common::read(".ci/versions"),
        &common::read("Cargo.toml"),
        &common::read("Cargo.lock"),
        &common::read("Trunk.toml"),
        &common::read("tests/e2e/package.json"),
        &common::read("tests/e2e/package-lock.json"),
    );
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}

#[test]
fn a_version_that_disagrees_is_named() {
    let versions = "# pins\nTRUNK=0.21.14\nWASM_BINDGEN=0.2.130\nBINARYEN=132\n";
    let cargo_toml = "[package]\nname = \"x\"\n\n[target.'cfg(target_arch = \"wasm32\")'.dependencies]\nwasm-bindgen = \"=0.2.130\"\n";
    let cargo_lock = "[[package]]\nname = \"wasm-bindgen-shared\"\nversion = \"0.2.99\"\n\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
    let trunk = "trunk-version = \"0.21.14\"\n\n[build]\ntarget = \"index.html\"\n\n[tools]\n# comment\nwasm_bindgen = \"0.2.130\"\nwasm_opt = \"version_132\"\n";
    let package = r#"{"devDependencies": {"binaryen": "132.0.0"}}"#;
    let lock = r#"{"packages": {"node_modules/binaryen": {"version": "132.0.0"}}}"#;
    assert_eq!(version_disagreements(versions, cargo_toml, cargo_lock, trunk, package, lock), Vec::<String>::new());
    let newer_lock = cargo_lock.replace("0.2.130", "0.2.131");
    assert_eq!(
        version_disagreements(versions, cargo_toml, &newer_lock, trunk, package, lock),
        ["Cargo.lock wasm-bindgen is 0.2.131, .ci/versions says 0.2.130"]
    );
    let old_opt = trunk.replace("version_132", "version_116");
    assert_eq!(
        version_disagreements(versions, cargo_toml, cargo_lock, &old_opt, package, lock),
        ["Trunk.toml [tools] wasm_opt is version_116, .ci/versions says version_132"]
    );
    let bumped = versions.replace("BINARYEN=132", "BINARYEN=133");
    assert_eq!(
        version_disagreements(&bumped, cargo_toml, cargo_lock, trunk, package, lock),
        [
            "Trunk.toml [tools] wasm_opt is version_132, .ci/versions says version_133",
            "tests/e2e/package.json binaryen is 132.0.0, .ci/versions says 133.0.0",
            "tests/e2e/package-lock.json binaryen is 132.0.0, .ci/versions says 133.0.0",
        ]
    );
    let no_trunk = trunk.replace("trunk-version = \"0.21.14\"\n", "");
    assert_eq!(
        version_disagreements(versions, cargo_toml, cargo_lock, &no_trunk, package, lock),
        ["Trunk.toml trunk-version is missing, .ci/versions says 0.21.14"]
    );
}

/// What keeps the README a map for a newcomer: under 30 KB, its code map within the first 80
/// lines, and every source file named in the code map (a new module goes on the map, it is not
/// left for the reader to find). The problems found, in words.
fn readme_problems(readme: &str, files: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    if readme.len() >= 30_000 {
        problems.push(format!("the README is {} bytes, not under 30,000", readme.len()));
    }
    let lines: Vec<&str> = readme.lines().collect();
    let Some(at) = lines.iter().position(|line| *line == "## Code map") else {
        problems.push("the README has no \"## Code map\" section".to_string());
        return problems;
    };
    if at >= 80 {
        problems.push(format!("the code map starts on line {}, after the first 80", at + 1));
    }
    let map: Vec<&str> = lines[at + 1..].iter().take_while(|line| !line.starts_with("## ")).copied().collect();
    let words: BTreeSet<&str> = map.iter().flat_map(|line| line.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))).collect();
    for file in files {
        let stem = Path::new(file).file_stem().and_then(|s| s.to_str()).unwrap_or(file);
        if !words.contains(stem) {
            problems.push(format!("{file} is not named in the README's code map"));
        }
    }
    problems
}

#[test]
fn the_readme_is_a_map_that_names_every_module() {
    let readme = std::fs::read_to_string(common::path("README.md")).expect("read README.md");
    let files: Vec<String> = sources().into_iter().map(|(path, _)| path).collect();
    assert_eq!(readme_problems(&readme, &files), Vec::<String>::new());
}

#[test]
fn the_readme_check_sees_a_buried_map_a_missing_module_and_a_long_readme() {
    let files = vec!["src/web/location.rs".to_string(), "src/web/perf.rs".to_string()];
    let good = "# Title\n\n## Code map\n\n    location.rs, perf.rs\n\n## Next\n";
    assert_eq!(readme_problems(good, &files), Vec::<String>::new());
    let buried = format!("# Title\n{}## Code map\nlocation.rs perf.rs\n", "text\n".repeat(90));
    assert_eq!(readme_problems(&buried, &files), ["the code map starts on line 92, after the first 80"]);
    let after_the_map = "## Code map\nlocation.rs\n## Next\nperf.rs\n";
    assert_eq!(readme_problems(after_the_map, &files), ["src/web/perf.rs is not named in the README's code map"]);
    let long = format!("## Code map\nlocation.rs perf.rs\n{}", "x".repeat(30_000));
    assert_eq!(readme_problems(&long, &files).len(), 1, "only the size");
    assert_eq!(readme_problems("# No map\n", &files), ["the README has no \"## Code map\" section"]);
}
