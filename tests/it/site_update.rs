//! The staff page's site update against the data tool: on a built folder, running
//! `eu-iom-data prerender`, `publish`, `csp` and `compress` with a new data file changes exactly
//! the files `site::update` makes from the deployed `index.html` and `sw.js`, byte for byte
//! (the preview image is passed in: the page draws its own); a page built by other code, or
//! one the steps cannot rewrite, gives an error and no files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common;

use eu_iom_dashboard::cli::run;
use eu_iom_dashboard::domain::dataset::date::Date;
use eu_iom_dashboard::domain::dataset::load::load_dataset;
use eu_iom_dashboard::domain::explore::select::{select, Ignore};
use eu_iom_dashboard::domain::explore::view::from_query;
use eu_iom_dashboard::domain::export::metadata::{CATALOG_PATH, CSV_PATH, PACKAGE_PATH};
use eu_iom_dashboard::domain::lang::Lang;
use eu_iom_dashboard::domain::release::site_update::SiteUpdateError;
use eu_iom_dashboard::site::update::{site_update, Deployed, SiteUpdate};
use eu_iom_dashboard::site::DataFile;

const CSS: &str = "main-3b33a3e7d93c9cb9.css";
const JS: &str = "eu-iom-dashboard-b083a0b83250d22e.js";
const WASM: &str = "eu-iom-dashboard-b083a0b83250d22e_bg.wasm";

/// A folder as Trunk leaves it (the repository's page with Trunk's tags in place of its own,
/// the worker, hashed files, the staff page) with the frozen dataset.
fn trunk_output(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir.join("data")).unwrap();
    let head = format!(
        "<link rel=\"stylesheet\" href=\"/{CSS}\">\n<link rel=\"modulepreload\" href=\"/{JS}\" crossorigin>\n\
         <link rel=\"preload\" href=\"/{WASM}\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n\
         <script type=\"module\">{}</script>\n</head>",
        // Trunk's loader as it writes it for the hashed module (the policy step allows only that).
        eu_iom_dashboard::site::csp::DEV_LOADER.replace("/eu-iom-dashboard", &format!("/{}", JS.trim_end_matches(".js")))
    );
    let page: String = common::read("index.html").lines().filter(|l| !l.contains("data-trunk")).collect::<Vec<_>>().join("\n");
    std::fs::write(dir.join("index.html"), page.replace("</head>", &head)).unwrap();
    std::fs::write(dir.join("staff.html"), "<html><head>\n<meta charset=\"utf-8\">\n<title>Staff</title></head><body></body></html>")
        .unwrap();
    std::fs::copy(common::path("public/sw.js"), dir.join("sw.js")).unwrap();
    std::fs::write(dir.join(CSS), "body { color: #123; }\n".repeat(200)).unwrap();
    std::fs::write(dir.join(JS), "export default function init() {}\n".repeat(100)).unwrap();
    std::fs::write(dir.join(WASM), b"\0asm\x01\0\0\0".repeat(300)).unwrap();
    std::fs::write(dir.join("data/eu-iom-figures.json"), common::read(common::FIXTURE)).unwrap();
}

/// `make dist`'s four steps on `dir` with its data file.
fn release_steps(dir: &Path, worker: &str) {
    let (dist, data) = (dir.display().to_string(), dir.join("data/eu-iom-figures.json").display().to_string());
    let steps: [&[&str]; 4] = [
        &["prerender", &dist, &data],
        &["publish", &dist, &data, "--site-url", "https://stats.example.eu/dash/", "--service-worker", worker],
        &["csp", &dist, "--connect", "https://data.example.org"],
        &["compress", &dist],
    ];
    for args in steps {
        let outcome = run(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>()).unwrap();
        assert!(outcome.success, "{args:?}: {}", outcome.output);
    }
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.insert(path.strip_prefix(root).unwrap().display().to_string(), std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The frozen dataset with a figure of the default view doubled: a release that changes the
/// first view, the data files and the preview.
fn new_data() -> String {
    let loaded = common::fixture_dataset();
    let state = from_query("", Some(&loaded.dataset)).0;
    let shown = select(&loaded.dataset, &state.filter, Ignore::default());
    let id = loaded.dataset.figure(shown[0]).unwrap().id().to_string();
    let mut value: serde_json::Value = serde_json::from_str(&common::read(common::FIXTURE)).unwrap();
    let figure = value["figures"].as_array_mut().unwrap().iter_mut().find(|f| f["id"] == id.as_str()).unwrap();
    figure["value"] = serde_json::json!(figure["value"].as_f64().unwrap() * 2.0);
    serde_json::to_string_pretty(&value).unwrap()
}

fn scratch(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("eu-iom-site-update-{}-{name}", std::process::id()))
}

/// Builds a site, then adds the new data both ways: returns (what the tool changed, the update).
fn both_ways(name: &str, worker: &str) -> (BTreeMap<String, Vec<u8>>, Result<SiteUpdate, SiteUpdateError>, Deployed) {
    let (deployed_dir, rebuilt_dir) = (scratch(&format!("{name}-deployed")), scratch(&format!("{name}-rebuilt")));
    trunk_output(&deployed_dir);
    release_steps(&deployed_dir, worker);
    trunk_output(&rebuilt_dir);
    release_steps(&rebuilt_dir, worker);
    let before = files(&deployed_dir);
    assert_eq!(before, files(&rebuilt_dir), "the steps are deterministic");
    let text = new_data();
    std::fs::write(rebuilt_dir.join("data/eu-iom-figures.json"), &text).unwrap();
    release_steps(&rebuilt_dir, worker);
    let changed: BTreeMap<String, Vec<u8>> =
        files(&rebuilt_dir).into_iter().filter(|(path, bytes)| before.get(path) != Some(bytes)).collect();
    let deployed = Deployed {
        index_html: String::from_utf8(before["index.html"].clone()).unwrap(),
        worker: String::from_utf8(before["sw.js"].clone()).unwrap(),
        data_files: [CATALOG_PATH, PACKAGE_PATH, CSV_PATH].iter().map(|p| (p.to_string(), before[*p].clone())).collect(),
    };
    let loaded = load_dataset(&text).unwrap();
    let update = site_update(&deployed, &DataFile { text: &text, dataset: &loaded.dataset }, changed["preview.png"].clone());
    let _ = (std::fs::remove_dir_all(&deployed_dir), std::fs::remove_dir_all(&rebuilt_dir));
    (changed, update, deployed)
}

fn assert_same(changed: &BTreeMap<String, Vec<u8>>, update: &SiteUpdate) {
    let made: BTreeMap<String, Vec<u8>> = update.files.iter().cloned().collect();
    assert_eq!(made.keys().collect::<Vec<_>>(), changed.keys().collect::<Vec<_>>(), "the same files");
    for (path, bytes) in changed {
        assert!(made[path] == *bytes, "{path} differs from the data tool's");
    }
}

#[test]
fn the_update_is_what_the_data_tool_writes_on_the_built_folder() {
    let (changed, update, _) = both_ways("on", "on");
    let update = update.expect("an update");
    assert_same(&changed, &update);
    // A changed value leaves the data package as it was (it lists the sources and columns).
    assert_eq!(
        update.paths(),
        [
            "data/catalog.jsonld",
            "data/eu-iom-figures.csv",
            "data/eu-iom-figures.json",
            "index.html",
            "index.html.br",
            "index.html.gz",
            "preview.png",
            "sw.js",
            "sw.js.br",
            "sw.js.gz",
        ]
    );
    let zip = update.zip(Lang::En, Date::new(2026, 12, 1).unwrap());
    for path in update.paths().iter().chain([&"README.txt".to_string()]) {
        assert!(zip.windows(path.len()).any(|w| w == path.as_bytes()), "{path} in the ZIP");
    }
}

#[test]
fn with_the_worker_off_it_stays_as_it_was() {
    let (changed, update, _) = both_ways("off", "off");
    let update = update.expect("an update");
    assert_same(&changed, &update);
    assert!(!update.paths().iter().any(|p| p.starts_with("sw.js")), "{:?}", update.paths());
}

#[test]
fn a_page_built_by_other_code_or_not_built_gives_an_error_and_no_files() {
    let (_, _, deployed) = both_ways("bad", "on");
    let text = new_data();
    let loaded = load_dataset(&text).unwrap();
    let data = DataFile { text: &text, dataset: &loaded.dataset };
    let other = Deployed {
        index_html: deployed
            .index_html
            .replace("<meta name=\"generator\" content=\"eu-iom-dashboard ", "<meta name=\"generator\" content=\"eu-iom-dashboard 0"),
        ..deployed.clone()
    };
    assert_eq!(site_update(&other, &data, Vec::new()), Err(SiteUpdateError::OtherVersion { file: "index.html".into() }));
    let unbuilt = Deployed { index_html: common::read("index.html"), ..deployed.clone() };
    assert_eq!(site_update(&unbuilt, &data, Vec::new()), Err(SiteUpdateError::OtherVersion { file: "index.html".into() }));
    let broken = Deployed { index_html: deployed.index_html.replace("<!--/prerendered-->", ""), ..deployed.clone() };
    assert!(matches!(site_update(&broken, &data, Vec::new()), Err(SiteUpdateError::Refused { file, .. }) if file == "index.html"));
    let message = SiteUpdateError::OtherVersion { file: "index.html".into() }.message(Lang::Fr);
    assert!(message.starts_with("Aucune mise à jour du site") && message.contains("index.html"), "{message}");
}
