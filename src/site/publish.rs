//! The release step after `prerender` and before `csp` (`eu-iom-data publish`): writes what the
//! built site needs to be found, cited, shared and used offline, all from the dataset file —
//! the page's title and description naming the latest figures, Open Graph and Twitter card tags,
//! the schema.org `Dataset` JSON-LD, the DCAT-AP catalogue record, the CSV with its Frictionless
//! data package, the 1200 × 630 preview image, and the service worker stamped with this build's
//! id and files (or turned off); it also writes the stylesheet and the icon into the page and,
//! with the worker on, a loader that hands the worker the first visit's own responses, so that
//! nothing is downloaded twice. It can run again on a built folder (after a release is added).
//! Pure: the data tool (`cli::dist`) reads and writes `dist/`, the staff page's site update
//! (`site::update`) the deployed files.

use std::fmt::Write as _;

use crate::domain::dataset::fingerprint::fingerprint;
use crate::domain::dataset::model::Dataset;
use crate::domain::export::job::{FAILED, TOOLS_META, TOOLS_NAME};
use crate::domain::export::metadata::{
    data_package, dcat_catalog, page_description, page_title, schema_org_dataset, Publication, CATALOG_PATH, CSV_PATH, JSON_PATH,
    PACKAGE_PATH,
};
use crate::domain::export::to_csv;
use crate::domain::lang::Lang;
use crate::domain::text::messages::{msg, Msg};

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use crate::html::{escape, script_json};

use super::csp::{build_loader_module, trunk_loader};
use super::{preview, DataFile};

/// Opens and closes what this step writes into `<head>`, so a later run replaces it.
const START: &str = "<!--published-->";
const END: &str = "<!--/published-->";
/// The preview image, at the site's root.
pub const PREVIEW: &str = "preview.png";
/// The service worker, at the site's root (Trunk copies `public/sw.js` there).
pub const WORKER: &str = "sw.js";
/// Longest image description social networks keep.
const ALT_CHARS: usize = 420;
/// The code that wrote a page, in its `generator` tag: the crate's version and a fingerprint of its
/// sources (see `build.rs`), so the staff page can refuse a page another version built.
pub const GENERATOR: &str = concat!("eu-iom-dashboard ", env!("CARGO_PKG_VERSION"), "+", env!("EU_IOM_CODE_ID"));

/// What to publish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The site's public address (`SITE_URL`), ending with `/`, when given.
    pub site_url: Option<String>,
    /// Whether the service worker is on (`SERVICE_WORKER=off` turns it off).
    pub service_worker: bool,
}

/// Reads `SITE_URL`: empty means none; otherwise an absolute http(s) address, given a final `/`.
///
/// # Errors
/// A message for anything else.
pub fn site_url(text: &str) -> Result<Option<String>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let after_scheme = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://"));
    match after_scheme {
        Some(rest) if !rest.is_empty() && !rest.starts_with('/') && !text.contains(['?', '#', ' ', '"', '<', '>']) => {
            Ok(Some(if text.ends_with('/') { text.to_string() } else { format!("{text}/") }))
        }
        _ => Err(format!("SITE_URL must be the site's absolute http(s) address, like https://stats.example.eu/dash/ (got {text:?})")),
    }
}

/// A text shortened to at most `max` characters at a word boundary, with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let cut = cut.rfind(' ').map_or(cut.as_str(), |at| cut.get(..at).unwrap_or_default());
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// The tags this step writes into `<head>`.
pub fn head_block(dataset: &Dataset, publication: &Publication, build: Option<&str>) -> Result<String, String> {
    let title = page_title(dataset, Lang::En);
    let description = page_description(dataset, Lang::En);
    let mut out = String::from(START);
    let meta = |out: &mut String, attribute: &str, name: &str, content: &str| {
        let _ = write!(out, "\n    <meta {attribute}=\"{name}\" content=\"{}\">", escape(content));
    };
    // Open Graph has one title per page: the page's default language, with French as an alternate locale.
    meta(&mut out, "property", "og:type", "website");
    meta(&mut out, "property", "og:site_name", msg(Msg::Title, Lang::En));
    meta(&mut out, "property", "og:title", &title);
    meta(&mut out, "property", "og:description", &description);
    meta(&mut out, "property", "og:locale", "en_GB");
    meta(&mut out, "property", "og:locale:alternate", "fr_FR");
    meta(&mut out, "name", "twitter:title", &title);
    meta(&mut out, "name", "twitter:description", &description);
    match &publication.site_url {
        Some(site) => {
            let image = format!("{site}{PREVIEW}");
            let alt = shorten(&preview::alt_text(dataset), ALT_CHARS);
            meta(&mut out, "property", "og:url", site);
            meta(&mut out, "property", "og:image", &image);
            meta(&mut out, "property", "og:image:type", "image/png");
            meta(&mut out, "property", "og:image:width", &preview::WIDTH.to_string());
            meta(&mut out, "property", "og:image:height", &preview::HEIGHT.to_string());
            meta(&mut out, "property", "og:image:alt", &alt);
            meta(&mut out, "name", "twitter:card", "summary_large_image");
            meta(&mut out, "name", "twitter:image", &image);
            meta(&mut out, "name", "twitter:image:alt", &alt);
            let _ = write!(out, "\n    <link rel=\"canonical\" href=\"{}\">", escape(site));
        }
        // Images need absolute addresses: without the site's address there is none.
        None => meta(&mut out, "name", "twitter:card", "summary"),
    }
    let _ = write!(out, "\n    <link rel=\"alternate\" type=\"application/ld+json\" href=\"{CATALOG_PATH}\" title=\"DCAT-AP\">");
    let _ = write!(out, "\n    <script type=\"application/ld+json\">{}</script>", script_json(&schema_org_dataset(dataset, publication))?);
    meta(&mut out, "name", "generator", GENERATOR);
    if let Some(build) = build {
        meta(&mut out, "name", "eu-iom-service-worker", build);
    }
    out.push('\n');
    out.push_str(END);
    Ok(out)
}

/// Writes the head block, the title and the description into a built `index.html` (replacing
/// what an earlier run wrote).
///
/// # Errors
/// A message naming what the page lacks.
pub fn with_head(html: &str, block: &str, title: &str, description: &str) -> Result<String, String> {
    let mut page = html.to_string();
    // Everything this step touches is in `<head>`, and its markers stand on lines of their own
    // there: text in the page (escaped, so holding neither `<` nor a marker) is never mistaken
    // for them.
    let head_end = page.find("</head>").ok_or("index.html has no </head>")?;
    if let Some(start) = marker_line(&page[..head_end], START) {
        let end = marker_line(&page[start..head_end], END).map(|at| start + at).ok_or("the earlier published block is not closed")?;
        let line_end = page[end..].find('\n').map_or(end + END.len(), |at| end + at + 1);
        page.replace_range(start..line_end, "");
    }
    let head_end = page.find("</head>").ok_or("index.html has no </head>")?;
    let head = &page[..head_end];
    let (Some(open), Some(close)) = (head.find("<title>"), head.find("</title>")) else { return Err("index.html has no <title>".into()) };
    page.replace_range(open + "<title>".len()..close, &escape(title));
    let marker = "<meta name=\"description\" content=\"";
    let head_end = page.find("</head>").ok_or("index.html has no </head>")?;
    let at = page[..head_end].find(marker).ok_or("index.html has no <meta name=\"description\">")? + marker.len();
    let end = page.get(at..).and_then(|rest| rest.find('"')).ok_or("the description <meta> is not closed")? + at;
    page.replace_range(at..end, &escape(description));
    let head_end = page.find("</head>").ok_or("index.html has no </head>")?;
    // The block opens a line of its own, so that a later run finds its marker (Trunk may leave
    // `</head>` at the end of a line of its tags).
    let opens_a_line = page[..head_end].ends_with('\n') || head_end == 0;
    page.insert_str(head_end, &format!("{}{block}\n", if opens_a_line { "" } else { "\n" }));
    Ok(page)
}

/// Where `marker` opens a line of `text` (after the line's indentation), as this step writes it.
fn marker_line(text: &str, marker: &str) -> Option<usize> {
    text.match_indices(marker).map(|(at, _)| at).find(|at| {
        let line_start = text[..*at].rfind('\n').map_or(0, |n| n + 1);
        text[line_start..*at].trim().is_empty()
    })
}

/// The module loader this step writes in place of Trunk's when the service worker is on, for the
/// module at `{module}` (a path without `.js`, as in Trunk's loader). On a first visit (no worker
/// controls the page yet) it puts the responses the page fetches anyway — the WebAssembly and
/// the data file the head script asked for (`prerender::HEAD_SCRIPT`) — into the cache of this
/// build's worker (named as `public/sw.js` names it), stamped as the worker stamps its own;
/// the worker then downloads only what is missing. `window.__euIomKept` settles once they are
/// stored; the app registers the worker after that (`web::offline`). A failed copy is only a
/// file the worker fetches itself. The policy step hashes it, like Trunk's loader.
pub const KEEPING_LOADER: &str = r#"
import init, * as bindings from '{module}.js';
const build = document.querySelector('meta[name="eu-iom-service-worker"]')?.content;
const workers = navigator.serviceWorker;
const cache = build && workers && !workers.controller && self.caches ? caches.open(`eu-iom-dashboard ${new URL('./', document.baseURI)} ${build}`) : null;
const kept = [];
function keep(path, pending) {
  if (!cache || !pending) return pending;
  let copy = null;
  const answer = pending.then((response) => { if (response.ok) copy = response.clone(); return response; });
  kept.push(answer.then(async () => {
    if (!copy) return;
    const headers = new Headers(copy.headers);
    headers.set('x-eu-iom-fetched', new Date().toISOString());
    const stamped = new Response(await copy.blob(), { status: copy.status, statusText: copy.statusText, headers });
    await (await cache).put(new URL(path, document.baseURI), stamped);
  }).catch(() => {}));
  return answer;
}
window.__euIomData = keep('data/eu-iom-figures.json', window.__euIomData);
const module_or_path = keep('{module}_bg.wasm', fetch('{module}_bg.wasm'));
window.__euIomKept = Promise.all(kept);
const wasm = await init({ module_or_path });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
"#;

/// [`KEEPING_LOADER`] for the module at `module`.
pub fn keeping_loader(module: &str) -> String {
    KEEPING_LOADER.replace("{module}", module)
}

/// The page with its module loader made the one wanted: [`KEEPING_LOADER`] when the worker is
/// on, Trunk's otherwise (so a run with the worker turned off undoes an earlier one).
///
/// # Errors
/// A message when the page has no loader of the build's.
pub fn with_loader(html: &str, keeping: bool) -> Result<String, String> {
    const OPEN: &str = "<script type=\"module\">";
    let found = html.match_indices(OPEN).find_map(|(at, _)| {
        let start = at + OPEN.len();
        let end = start + html[start..].find("</script>")?;
        build_loader_module(&html[start..end]).map(|module| (start, end, module))
    });
    let (start, end, module) = found.ok_or("index.html has no module loader of Trunk's to rewrite")?;
    let mut page = html.to_string();
    page.replace_range(start..end, &if keeping { keeping_loader(&module) } else { trunk_loader(&module) });
    Ok(page)
}

/// The page with its `<link rel="stylesheet">` to a file of `linked` replaced by a `<style>`
/// holding it, and its `<link rel="icon">` to one pointing to a `data:` address: nothing to
/// fetch before the first paint, and no file for the service worker to fetch again. A page
/// without such links (inlined already) is returned as it is.
///
/// # Errors
/// A message when a stylesheet could close its `<style>` element early, or is not UTF-8.
pub fn inline_links(html: &str, linked: &[NamedFile]) -> Result<String, String> {
    let mut page = html.to_string();
    for (rel, inline) in [("stylesheet", true), ("icon", false)] {
        let opening = format!("<link rel=\"{rel}\" href=\"");
        let head_end = page.find("</head>").ok_or("index.html has no </head>")?;
        let Some(at) = page[..head_end].find(&opening) else { continue };
        let Some(end) = page[at..].find('>').map(|e| at + e + 1) else { continue };
        let href = page[at + opening.len()..end].split('"').next().unwrap_or_default();
        let name = href.rsplit('/').next().unwrap_or_default();
        // Icons only in SVG, the type Trunk's page links to.
        let given = linked.iter().find(|(file, _)| file == name && (inline || file.ends_with(".svg")));
        let Some((_, bytes)) = given else { continue };
        let tag = if inline {
            let css = std::str::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8"))?;
            if css.to_ascii_lowercase().contains("</style") {
                return Err(format!("{name} contains `</style`, which would close its <style> element in the page"));
            }
            format!("<style>{css}</style>")
        } else {
            format!("<link rel=\"icon\" href=\"data:image/svg+xml;base64,{}\">", BASE64.encode(bytes))
        };
        page.replace_range(at..end, &tag);
    }
    Ok(page)
}

/// A file's name and content.
pub type NamedFile = (String, Vec<u8>);

/// A worker module's files, named after `stem`: its glue, its WebAssembly and its loader.
fn module_files(stem: &str) -> [String; 3] {
    [format!("{stem}.js"), format!("{stem}_bg.wasm"), format!("{stem}_loader.js")]
}

/// The files worker's files as Trunk writes them, without a content hash (Trunk leaves a
/// worker's names as they are), each renamed by [`hash_tools`].
pub fn tools_files() -> [String; 3] {
    module_files(TOOLS_NAME)
}

/// Gives the files worker's glue (`js`) and WebAssembly (`wasm`) names carrying their content's
/// hash, as the page's other files have, so the service worker caches them as such and a new
/// build never runs an old worker; writes their loader, which tells the page when the
/// WebAssembly cannot be loaded; and names the loader in the page (`<meta>` after `<head>`).
/// Returns the page and the three files.
///
/// # Errors
/// A message when the page has no `<head>`.
pub fn hash_tools(html: &str, js: &[u8], wasm: &[u8]) -> Result<(String, Vec<NamedFile>), String> {
    let mut both = js.to_vec();
    both.extend_from_slice(wasm);
    let stem = format!("{TOOLS_NAME}-{}", fingerprint(&both));
    let [js_name, wasm_name, loader_name] = module_files(&stem);
    let loader = format!(
        "importScripts(\"./{js_name}\");wasm_bindgen({{module_or_path:\"./{wasm_name}\"}}).catch(function(e){{postMessage([\"{FAILED}\",String(e)])}});\n"
    );
    let head = html.find("<head>").ok_or("the page has no <head>")? + "<head>".len();
    let (before, after) = html.split_at_checked(head).ok_or("the page has no <head>")?;
    let page = format!("{before}\n    <meta name=\"{TOOLS_META}\" content=\"{loader_name}\">{after}");
    Ok((page, vec![(js_name, js.to_vec()), (wasm_name, wasm.to_vec()), (loader_name, loader.into_bytes())]))
}

/// Whether a file name carries Trunk's content hash (`main-3b33a3e7d93c9cb9.css`,
/// `…-b083a0b83250d22e_bg.wasm`; a 64-bit hash in hexadecimal without leading zeros, so up to
/// 16 digits): such files never change under the same name.
pub fn is_hashed(name: &str) -> bool {
    hashed_stem(name).is_some()
}

/// Whether the page loads the hashed file `name`: it names it, or it names the loader of the
/// module whose glue or WebAssembly it is (the files worker's, which only its loader names).
fn page_loads(page: &str, name: &str) -> bool {
    hashed_stem(name).is_some_and(|stem| {
        let [js, wasm, loader] = module_files(stem);
        page.contains(name) || ((name == js || name == wasm) && page.contains(&loader))
    })
}

/// The name a hashed file shares with the other files of its module (`eu-iom-dashboard-<hash>`
/// for its `.js` and `_bg.wasm`, `eu-iom-tools-<hash>` for the files worker's three).
fn hashed_stem(name: &str) -> Option<&str> {
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").or_else(|| stem.strip_suffix("_loader")).unwrap_or(stem);
    let (_, hash) = stem.rsplit_once('-')?;
    ((10..=16).contains(&hash.len()) && hash.chars().all(|c| c.is_ascii_hexdigit())).then_some(stem)
}

/// Replaces the worker's `const BUILD = …;` and `const PRECACHE = …;` lines.
///
/// # Errors
/// A message when the worker lacks either line.
pub fn stamp_worker(worker: &str, build: &str, files: &[String]) -> Result<String, String> {
    let list = serde_json::to_string(files).map_err(|e| e.to_string())?;
    let mut found = (false, false);
    let mut out = String::with_capacity(worker.len() + list.len());
    for line in worker.split_inclusive('\n') {
        if line.starts_with("const BUILD = ") {
            found.0 = true;
            let _ = writeln!(out, "const BUILD = {};", serde_json::Value::from(build));
        } else if line.starts_with("const PRECACHE = ") {
            found.1 = true;
            let _ = writeln!(out, "const PRECACHE = {list};");
        } else {
            out.push_str(line);
        }
    }
    match found {
        (true, true) => Ok(out),
        _ => Err(format!("{WORKER} has no `const BUILD = …;` and `const PRECACHE = …;` lines to stamp (is it public/sw.js?)")),
    }
}

/// The names in the worker's `const PRECACHE = […];` line (none when the line is missing or
/// empty, as in a worker turned off).
pub fn precached(worker: &str) -> Vec<String> {
    worker
        .lines()
        .find_map(|line| line.strip_prefix("const PRECACHE = "))
        .and_then(|list| serde_json::from_str(list.trim_end().trim_end_matches(';')).ok())
        .unwrap_or_default()
}

/// What this step wrote into a page's `<head>`, when it did.
fn published_block(html: &str) -> Option<&str> {
    let start = html.find(START)?;
    let end = html.get(start..)?.find(END)? + start;
    html.get(start..end)
}

/// The value of `attribute="…"` right after `prefix` in `text`, with its HTML escapes undone.
fn attribute_after(text: &str, prefix: &str) -> Option<String> {
    let at = text.find(prefix)? + prefix.len();
    let value = text.get(at..)?.split('"').next()?;
    Some(html_escape::decode_html_entities(value).into_owned())
}

/// The `generator` this step wrote into a page ([`GENERATOR`] of the code that built it).
pub fn generator_of(html: &str) -> Option<String> {
    attribute_after(published_block(html)?, "<meta name=\"generator\" content=\"")
}

impl Options {
    /// The options a published page was written with: its canonical address (the site's
    /// address) and whether it names a service worker build.
    pub fn of_page(html: &str) -> Options {
        let block = published_block(html).unwrap_or_default();
        Options {
            site_url: attribute_after(block, "<link rel=\"canonical\" href=\""),
            service_worker: block.contains("<meta name=\"eu-iom-service-worker\""),
        }
    }
}

/// The built files the step rewrites, as read before it runs.
#[derive(Debug, Clone, Copy)]
pub struct Built<'a> {
    /// `index.html`, after `prerender`.
    pub index_html: &'a str,
    /// The service worker ([`WORKER`]).
    pub worker: &'a str,
    /// Names of the build's files at its root; the worker caches the hashed ones the page loads
    /// (the data tool lists `dist/`, the staff page reads the deployed worker's list).
    pub files: &'a [String],
    /// The hashed stylesheets and icons at the build's root, with their bytes, for the page's
    /// `<link>`s to them to be written into it ([`inline_links`]); none for a page that has them
    /// inline already (the staff page's site update).
    pub linked: &'a [NamedFile],
}

/// What the step writes, besides the preview image (the data tool rasterises it, the staff
/// page draws it on a canvas).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The page with its title, description, tags and JSON-LD.
    pub index_html: String,
    /// The stamped service worker.
    pub worker: String,
    /// The CSV, the data package and the catalogue record, each with its path in the site.
    pub data_files: Vec<(&'static str, Vec<u8>)>,
    /// The build id the worker was stamped with, `None` when it is off.
    pub build: Option<String>,
    /// How many files the worker caches.
    pub precached: usize,
}

/// Runs the step on the files of a built site and its data file.
///
/// # Errors
/// A message when the data cannot be described or a file lacks what the step rewrites.
pub fn publish(data: &DataFile<'_>, built: &Built<'_>, options: &Options) -> Result<Published, String> {
    let (text, dataset) = (data.text, data.dataset);
    let all: Vec<_> = dataset.figure_positions().collect();
    let csv = to_csv(dataset, &all, Lang::En);
    let publication = Publication { site_url: options.site_url.clone(), json_bytes: text.len(), csv_bytes: csv.len() };
    let package_home = options.site_url.clone().unwrap_or_else(|| "../".into());
    let package = data_package(dataset, &all, "eu-iom-figures.csv", &package_home).map_err(|e| e.to_string())?;
    let catalog = dcat_catalog(dataset, &publication).map_err(|e| e.to_string())?;
    let data_files = vec![
        (CSV_PATH, csv.into_bytes()),
        (PACKAGE_PATH, serde_json::to_vec_pretty(&package).map_err(|e| e.to_string())?),
        (CATALOG_PATH, serde_json::to_vec_pretty(&catalog).map_err(|e| e.to_string())?),
    ];

    let title = page_title(dataset, Lang::En);
    let description = page_description(dataset, Lang::En);
    let worker = built.worker;
    let html = &with_loader(&inline_links(built.index_html, built.linked)?, options.service_worker)?;
    if options.service_worker {
        // The worker caches the hashed files of the modules the page names (not those of other
        // pages, such as the staff page's module; with the files worker's, which the page names
        // by its loader); the build id covers the page without its id and the names of those
        // files, which carry their content's hash.
        let draft = with_head(html, &head_block(dataset, &publication, None)?, &title, &description)?;
        let mut files: Vec<String> = built.files.iter().filter(|name| page_loads(&draft, name)).cloned().collect();
        files.sort();
        files.dedup();
        let mut hashed = draft.clone().into_bytes();
        for name in &files {
            hashed.extend(name.as_bytes());
        }
        hashed.extend(worker.as_bytes());
        let build = fingerprint(&hashed);
        files.insert(0, "index.html".into());
        files.push(JSON_PATH.into());
        Ok(Published {
            index_html: with_head(html, &head_block(dataset, &publication, Some(&build))?, &title, &description)?,
            worker: stamp_worker(worker, &build, &files)?,
            data_files,
            build: Some(build),
            precached: files.len(),
        })
    } else {
        Ok(Published {
            index_html: with_head(html, &head_block(dataset, &publication, None)?, &title, &description)?,
            worker: stamp_worker(worker, "off", &[])?,
            data_files,
            build: None,
            precached: 0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_addresses_are_checked_and_end_with_a_slash() {
        assert_eq!(site_url(""), Ok(None));
        assert_eq!(site_url("https://stats.example.eu/dash").unwrap().as_deref(), Some("https://stats.example.eu/dash/"));
        assert_eq!(site_url("http://127.0.0.1:8080/").unwrap().as_deref(), Some("http://127.0.0.1:8080/"));
        for bad in ["stats.example.eu", "https://", "ftp://x/", "https://x/?a", "javascript:alert(1)", "https://x/\"><script>"] {
            assert!(site_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn hashed_names_are_recognised() {
        assert!(is_hashed("main-3b33a3e7d93c9cb9.css"));
        assert!(is_hashed("main-47cef0fc0a86792.css"), "a hash with a leading zero dropped");
        assert!(is_hashed("eu-iom-dashboard-b083a0b83250d22e_bg.wasm"));
        assert!(is_hashed("eu-iom-dashboard-b083a0b83250d22e.js"));
        assert!(!is_hashed("embed.js"));
        assert!(!is_hashed("sw.js"));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("eu-iom-figures.json"));
    }

    #[test]
    fn the_worker_is_stamped_again_on_a_second_run() {
        let template = "// x\nconst BUILD = '';\nconst PRECACHE = [];\nconst ON = 1;\n";
        let once = stamp_worker(template, "abc", &["index.html".into(), "main-3b33a3e7d93c9cb9.css".into()]).unwrap();
        assert_eq!(once, "// x\nconst BUILD = \"abc\";\nconst PRECACHE = [\"index.html\",\"main-3b33a3e7d93c9cb9.css\"];\nconst ON = 1;\n");
        let twice = stamp_worker(&once, "off", &[]).unwrap();
        assert_eq!(twice, "// x\nconst BUILD = \"off\";\nconst PRECACHE = [];\nconst ON = 1;\n");
        assert!(stamp_worker("const ON = 1;\n", "abc", &[]).is_err());
    }

    #[test]
    fn the_head_block_is_replaced_not_repeated() {
        let html = "<head>\n<meta name=\"description\" content=\"old\">\n<title>Old</title>\n</head><body></body>";
        // The markers stand on lines of their own, as head_block writes them.
        let once = with_head(html, &format!("{START}\n<meta name=\"a\">\n{END}"), "New & improved", "Figures: 1 < 2").unwrap();
        let twice = with_head(&once, &format!("{START}\n<meta name=\"b\">\n{END}"), "New & improved", "Figures: 1 < 2").unwrap();
        assert_eq!(twice.matches(START).count(), 1);
        assert!(twice.contains("<meta name=\"b\">") && !twice.contains("<meta name=\"a\">"));
        assert!(twice.contains("<title>New &amp; improved</title>"));
        assert!(twice.contains("content=\"Figures: 1 &lt; 2\""));
        assert!(twice.find(START) < twice.find("</head>"));
        let again = with_head(&twice, &format!("{START}\n<meta name=\"b\">\n{END}"), "New & improved", "Figures: 1 < 2").unwrap();
        assert_eq!(again, twice, "a run again with the same block changes nothing");
    }

    #[test]
    fn the_block_opens_a_line_where_trunk_left_head_closing_a_line_of_tags() {
        let html = "<head>\n<meta name=\"description\" content=\"\">\n<title>t</title>\n<link rel=\"modulepreload\" href=\"/a.js\"></head><body></body>";
        let block = format!("{START}\n<meta name=\"a\">\n{END}");
        let once = with_head(html, &block, "T", "D").unwrap();
        assert!(once.contains(&format!("<link rel=\"modulepreload\" href=\"/a.js\">\n{START}")), "{once}");
        let twice = with_head(&once, &block, "T", "D").unwrap();
        assert_eq!(twice.matches(START).count(), 1, "{twice}");
        assert_eq!(twice, once);
    }

    #[test]
    fn json_in_a_script_cannot_close_it() {
        let value = serde_json::json!({ "name": "</script><script>alert(1)</script><!--" });
        assert!(!script_json(&value).unwrap().contains('<'));
    }

    /// The small valid dataset of the bad-data cases, with `text` in its title and description.
    fn dataset_saying(text: &str) -> std::sync::Arc<Dataset> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad-data/00-valid-base.json");
        let mut doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        doc["info"]["title"] = text.into();
        doc["info"]["description"] = text.into();
        crate::domain::dataset::load::load_value(&doc).unwrap().dataset
    }

    #[test]
    fn publishing_twice_keeps_the_head_whatever_the_texts_hold() {
        let hostile = "<!--<script>alert(1)</script> <!--/published--> </head> <!--published-->";
        let dataset = dataset_saying(hostile);
        let publication = Publication { site_url: None, json_bytes: 1, csv_bytes: 1 };
        let html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n    <meta charset=\"utf-8\">\n    <meta name=\"description\" content=\"x\">\n    \
                    <title>x</title>\n</head>\n<body>\n<div id=\"app\"><p>view</p></div>\n</body>\n</html>\n";
        let run = |page: &str| with_head(page, &head_block(&dataset, &publication, Some("b1")).unwrap(), hostile, hostile).unwrap();
        let once = run(html);
        let twice = run(&once);
        assert_eq!(twice, once, "a second run writes the same page");
        let page = scraper::Html::parse_document(&twice);
        let elements: Vec<scraper::ElementRef<'_>> = page.root_element().descendants().filter_map(scraper::ElementRef::wrap).collect();
        let scripts: Vec<String> = elements.iter().filter(|e| e.value().name() == "script").map(|e| e.text().collect()).collect();
        assert_eq!(scripts.len(), 1, "the JSON-LD, and no script made of the data: {twice}");
        let json: serde_json::Value = serde_json::from_str(&scripts[0]).unwrap();
        assert_eq!(json["name"], hostile, "the JSON-LD reads back as the text");
        assert!(elements.iter().any(|e| e.value().id() == Some("app") && e.text().collect::<String>() == "view"), "the app's mount point");
        let title: String = elements.iter().find(|e| e.value().name() == "title").unwrap().text().collect();
        assert_eq!(title, hostile);
    }

    /// Trunk's `<head>` links to its stylesheet and icon, under a sub-path.
    const LINKED_PAGE: &str = "<head>\n<link rel=\"stylesheet\" href=\"/sub/main-0123456789abcdef.css\" integrity=\"sha384-x\"/>\n\
                               <link rel=\"icon\" href=\"/sub/favicon-0123456789abcdef.svg\" integrity=\"sha384-y\"/>\n</head><body></body>";

    fn linked(css: &str) -> Vec<NamedFile> {
        vec![("main-0123456789abcdef.css".into(), css.as_bytes().to_vec()), ("favicon-0123456789abcdef.svg".into(), b"<svg/>".to_vec())]
    }

    #[test]
    fn the_stylesheet_and_icon_are_written_into_the_page_once() {
        let once = inline_links(LINKED_PAGE, &linked("a>b{color:red}")).unwrap();
        assert_eq!(
            once,
            "<head>\n<style>a>b{color:red}</style>\n<link rel=\"icon\" href=\"data:image/svg+xml;base64,PHN2Zy8+\">\n</head><body></body>"
        );
        assert_eq!(inline_links(&once, &linked("a>b{color:red}")).unwrap(), once, "a second run changes nothing");
        assert_eq!(inline_links(&once, &[]).unwrap(), once, "the site update has no files to write in");
        assert_eq!(inline_links(LINKED_PAGE, &[]).unwrap(), LINKED_PAGE, "a file not given stays linked");
        let error = inline_links(LINKED_PAGE, &linked("p::after{content:'</STYLE><script>'}")).unwrap_err();
        assert!(error.contains("</style"), "{error}");
    }

    #[test]
    fn the_loader_keeps_responses_when_the_worker_is_on_and_is_trunks_when_it_is_off() {
        let module = "/sub/eu-iom-dashboard-0123456789abcdef";
        let page = format!("<head>\n<script type=\"module\">{}</script>\n<script>x()</script>\n</head>", trunk_loader(module));
        let on = with_loader(&page, true).unwrap();
        assert_eq!(on, page.replace(&trunk_loader(module), &keeping_loader(module)));
        assert!(on.contains("fetch('/sub/eu-iom-dashboard-0123456789abcdef_bg.wasm')") && on.contains("<script>x()</script>"));
        assert_eq!(with_loader(&on, true).unwrap(), on, "a second run changes nothing");
        assert_eq!(with_loader(&on, false).unwrap(), page, "turned off, Trunk's loader is back");
        assert!(with_loader("<head><script type=\"module\">import('/x.js')</script></head>", true).is_err(), "no loader of the build's");
    }

    #[test]
    fn the_loaders_cache_and_data_are_the_workers() {
        // The loader names the cache as the worker does, and keeps the data file the head script fetches.
        let worker = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/sw.js")).unwrap();
        assert!(worker.contains("const PREFIX = `eu-iom-dashboard ${SCOPE} `;") && worker.contains("const CACHE = PREFIX + BUILD;"));
        assert!(KEEPING_LOADER.contains("caches.open(`eu-iom-dashboard ${new URL('./', document.baseURI)} ${build}`)"));
        assert!(worker.contains("const FETCHED = 'x-eu-iom-fetched';") && KEEPING_LOADER.contains("headers.set('x-eu-iom-fetched', "));
        assert!(KEEPING_LOADER.contains(&format!("keep('{JSON_PATH}', window.{})", crate::prerender::EARLY_DATA_GLOBAL)));
    }

    #[test]
    fn the_files_worker_gets_hashed_names_its_loader_is_named_in_the_page_and_cached() {
        let html = &format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n    <meta charset=\"utf-8\">\n    <meta name=\"description\" content=\"x\">\n    <title>x</title>\n    \
             <link rel=\"preload\" href=\"/eu-iom-dashboard-b083a0b83250d22e_bg.wasm\" as=\"fetch\">\
             <script type=\"module\">{}</script>\n</head>\n<body></body>\n</html>\n",
            trunk_loader("/eu-iom-dashboard-b083a0b83250d22e")
        );
        let (page, files) = hash_tools(html, b"var wasm_bindgen;", b"\0asm").unwrap();
        let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
        let stem = format!("eu-iom-tools-{}", fingerprint(b"var wasm_bindgen;\0asm"));
        assert_eq!(names, [format!("{stem}.js"), format!("{stem}_bg.wasm"), format!("{stem}_loader.js")]);
        assert!(names.iter().all(|name| is_hashed(name)), "{names:?}");
        assert_eq!(files[0].1, b"var wasm_bindgen;", "the glue as it was");
        let loader = String::from_utf8(files[2].1.clone()).unwrap();
        // Initialised with an object, as wasm-bindgen asks (a bare path logs a deprecation warning).
        assert!(
            loader.starts_with(&format!("importScripts(\"./{stem}.js\");wasm_bindgen({{module_or_path:\"./{stem}_bg.wasm\"}})")),
            "{loader}"
        );
        assert!(loader.contains(FAILED), "a WebAssembly that cannot be loaded is said to the page: {loader}");
        assert!(
            page.contains(&format!("<head>\n    <meta name=\"{TOOLS_META}\" content=\"{stem}_loader.js\">\n    <meta charset")),
            "{page}"
        );
        let (other, _) = hash_tools(html, b"var wasm_bindgen;", b"\0asm!").unwrap();
        assert!(!other.contains(&stem), "another module, another name");

        // The service worker caches the worker's three files, named by the page through its
        // loader, beside the main module's; not the staff page's module.
        let dataset = dataset_saying("x");
        let mut built_files: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        built_files.extend(
            [
                "eu-iom-dashboard-b083a0b83250d22e.js",
                "eu-iom-dashboard-b083a0b83250d22e_bg.wasm",
                "eu-iom-staff-4c2d5d729e942286_bg.wasm",
                "sw.js",
            ]
            .map(String::from),
        );
        // The compressed copies are not cached (the server picks one per request).
        let mut with_copies = built_files.clone();
        with_copies.extend(built_files.iter().map(|name| format!("{name}.br")));
        let worker = "const BUILD = '';\nconst PRECACHE = [];\n";
        let built = Built { index_html: &page, worker, files: &with_copies, linked: &[] };
        let text = crate::domain::testing::fixture_dataset_text();
        let published =
            publish(&DataFile { text: &text, dataset: &dataset }, &built, &Options { site_url: None, service_worker: true }).unwrap();
        let mut cached = precached(&published.worker);
        cached.sort();
        let mut expected: Vec<String> = built_files.iter().filter(|n| !n.contains("staff") && *n != "sw.js").cloned().collect();
        expected.extend(["index.html".to_string(), JSON_PATH.to_string()]);
        expected.sort();
        assert_eq!(cached, expected);
    }

    #[test]
    fn long_texts_are_shortened_at_a_word() {
        assert_eq!(shorten("one two three", 100), "one two three");
        assert_eq!(shorten("one two three four", 10), "one two…");
    }
}
