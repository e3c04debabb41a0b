//! Build-time security step for `dist/`: computes the SHA-256 hashes of the inline scripts Trunk
//! injects, writes the strict Content-Security-Policy into `index.html` (as a `<meta>`, for hosts
//! that cannot set headers) and into example server configurations (`_headers`,
//! `nginx.conf.example`), and refuses JavaScript that evaluates strings (`eval(`, `new Function`).

use std::fmt::Write as _;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use sha2::{Digest, Sha256};

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
    /// `index.html` has something a strict policy would block (inline styles, inline handlers).
    Inline {
        /// What was found.
        found: String,
    },
}

impl std::fmt::Display for CspError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CspError::Io(detail) => write!(f, "{detail}"),
            CspError::Eval { file, found } => {
                write!(f, "{file} contains `{found}`, which the Content-Security-Policy (no 'unsafe-eval') would block")
            }
            CspError::Inline { found } => write!(f, "index.html contains {found}, which style-src/script-src 'self' would block"),
        }
    }
}

/// The hash a Content-Security-Policy names a script by: base64 (standard, padded) of the
/// SHA-256 of its text, as in `'sha256-…'`.
pub fn script_hash(script: &str) -> String {
    BASE64.encode(Sha256::digest(script.as_bytes()))
}

/// Whether a `<script>` tag holds code the browser runs: no `type`, or a JavaScript or module
/// type. Data blocks (`application/ld+json`) are never executed, so the policy needs no hash.
fn is_executable(tag: &str) -> bool {
    let Some(at) = tag.find(" type=\"") else { return true };
    let kind = tag.get(at + " type=\"".len()..).and_then(|rest| rest.split('"').next()).unwrap_or_default().to_ascii_lowercase();
    matches!(kind.as_str(), "" | "module" | "text/javascript" | "application/javascript")
}

/// The text of every inline `<script>` the browser runs (one without `src` that is not a data
/// block) in an HTML document.
pub fn inline_scripts(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let Some(tag_end) = rest.get(start..).and_then(|r| r.find('>')).map(|i| start + i) else { break };
        let tag = rest.get(start..=tag_end).unwrap_or_default();
        let Some(close) = rest.get(tag_end + 1..).and_then(|r| r.find("</script>")).map(|i| tag_end + 1 + i) else { break };
        if !tag.contains(" src=") && is_executable(tag) {
            out.push(rest.get(tag_end + 1..close).unwrap_or_default().to_string());
        }
        rest = rest.get(close + "</script>".len()..).unwrap_or_default();
    }
    out
}

/// The policy: everything from this origin only, WebAssembly compilation allowed, the inline
/// loader allowed by its hash, no inline styles, no plug-ins, the service worker from this
/// origin only, framing only by `frame_ancestors`.
pub fn policy(script_hashes: &[String], connect: &[String], frame_ancestors: Option<&str>) -> String {
    let mut script = String::from("'self' 'wasm-unsafe-eval'");
    for hash in script_hashes {
        let _ = write!(script, " 'sha256-{hash}'");
    }
    let mut connect_src = String::from("'self'");
    for origin in connect {
        let _ = write!(connect_src, " {origin}");
    }
    let mut out = format!(
        "default-src 'self'; script-src {script}; style-src 'self'; img-src 'self' data: blob:; connect-src {connect_src}; \
         font-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
    );
    if let Some(ancestors) = frame_ancestors {
        let _ = write!(out, "; frame-ancestors {ancestors}");
    }
    out
}

/// The loader Trunk writes into `index.html` when it serves the app for development (`make
/// serve`: `trunk serve --filehash false` at `/`, no reload script): the release build's loader
/// with unhashed file names. `tests/e2e/specs/trust.test.mjs` checks it against the release build.
pub const DEV_LOADER: &str = "\nimport init, * as bindings from '/eu-iom-dashboard.js';\nconst wasm = await init({ module_or_path: '/eu-iom-dashboard_bg.wasm' });\n\n\nwindow.wasmBindings = bindings;\n\n\ndispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));\n\n";

/// Headers every response carries besides the policy, in the release's example configurations
/// and on the development server alike.
pub const OTHER_HEADERS: [(&str, &str); 2] =
    [("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "strict-origin-when-cross-origin")];

/// The policy of the development server: the release policy, made by the same function, for the
/// development loader, no other data origins and framing by the page's own origin only (the
/// release default).
pub fn serve_policy() -> String {
    policy(&[script_hash(DEV_LOADER)], &[], Some("'self'"))
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
/// own inline scripts into it as a `<meta>`; returns the page and those scripts' hashes.
///
/// # Errors
/// [`CspError::Inline`] naming what the page `name` contains.
pub fn secure_page(name: &str, html: &str, connect: &[String]) -> Result<(String, Vec<String>), CspError> {
    for found in [" style=\"", "<style", " onclick=", " onload="] {
        if html.contains(found) {
            return Err(CspError::Inline { found: format!("{} ({name})", found.trim()) });
        }
    }
    let hashes: Vec<String> = inline_scripts(html).iter().map(|s| script_hash(s)).collect();
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
        let p = policy(&["abc=".into()], &[], Some("'self' https://intranet.example"));
        assert_eq!(
            p,
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='; style-src 'self'; img-src 'self' data: blob:; \
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

    #[test]
    fn string_evaluation_is_refused() {
        assert!(check_javascript("a.js", "const f = new Function('x')").is_err());
        assert!(check_javascript("a.js", "window.eval('1')").is_err());
        assert!(check_javascript("a.js", "retrieval(x); evaluate(y)").is_ok());
    }
}
