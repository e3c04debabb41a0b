//! Build-time security step for `dist/`: computes the SHA-256 hashes of the inline scripts Trunk
//! injects, writes the strict Content-Security-Policy into `index.html` (as a `<meta>`, for hosts
//! that cannot set headers) and into example server configurations (`_headers`,
//! `nginx.conf.example`), and refuses JavaScript that evaluates strings (`eval(`, `new Function`).

use std::fmt::Write as _;
use std::path::Path;

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

/// SHA-256 of some bytes (FIPS 180-4).
pub fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
        0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
        0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
        0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
        0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
        0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
        0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    let mut message = data.to_vec();
    let bit_length = (data.len() as u64).wrapping_mul(8);
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend(bit_length.to_be_bytes());
    for chunk in message.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (slot, word) in w.iter_mut().zip(chunk.chunks_exact(4)) {
            *slot = u32::from_be_bytes([word.first().copied().unwrap_or(0), word.get(1).copied().unwrap_or(0), word.get(2).copied().unwrap_or(0), word.get(3).copied().unwrap_or(0)]);
        }
        for i in 16..64 {
            let at = |j: usize| w.get(j).copied().unwrap_or(0);
            let s0 = at(i - 15).rotate_right(7) ^ at(i - 15).rotate_right(18) ^ (at(i - 15) >> 3);
            let s1 = at(i - 2).rotate_right(17) ^ at(i - 2).rotate_right(19) ^ (at(i - 2) >> 10);
            let value = at(i - 16).wrapping_add(s0).wrapping_add(at(i - 7)).wrapping_add(s1);
            if let Some(slot) = w.get_mut(i) {
                *slot = value;
            }
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for (k, wi) in K.iter().zip(w.iter()) {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(*k).wrapping_add(*wi);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (state, add) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *state = state.wrapping_add(add);
        }
    }
    let mut out = [0u8; 32];
    for (slot, word) in out.chunks_exact_mut(4).zip(h) {
        slot.copy_from_slice(&word.to_be_bytes());
    }
    out
}

/// Standard base64 with padding.
pub fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk.first().copied().unwrap_or(0), chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET.get(((n >> shift) & 63) as usize).copied().unwrap_or(b'A')));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The text of every inline `<script>` (one without `src`) in an HTML document.
pub fn inline_scripts(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let Some(tag_end) = rest.get(start..).and_then(|r| r.find('>')).map(|i| start + i) else { break };
        let tag = rest.get(start..=tag_end).unwrap_or_default();
        let Some(close) = rest.get(tag_end + 1..).and_then(|r| r.find("</script>")).map(|i| tag_end + 1 + i) else { break };
        if !tag.contains(" src=") {
            out.push(rest.get(tag_end + 1..close).unwrap_or_default().to_string());
        }
        rest = rest.get(close + "</script>".len()..).unwrap_or_default();
    }
    out
}

/// The policy: everything from this origin only, WebAssembly compilation allowed, the inline
/// loader allowed by its hash, no inline styles, no plug-ins, framing only by `frame_ancestors`.
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
         font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
    );
    if let Some(ancestors) = frame_ancestors {
        let _ = write!(out, "; frame-ancestors {ancestors}");
    }
    out
}

const META_START: &str = "<meta http-equiv=\"Content-Security-Policy\"";

/// Puts the policy into `index.html` as a `<meta>` right after the charset (replacing an earlier
/// one). `frame-ancestors` is left out: browsers ignore it in `<meta>`.
pub fn with_meta(html: &str, meta_policy: &str) -> String {
    let mut html = html.to_string();
    if let Some(start) = html.find(META_START) {
        if let Some(end) = html.get(start..).and_then(|r| r.find('>')) {
            html.replace_range(start..=start + end, "");
        }
    }
    let meta = format!("{META_START} content=\"{meta_policy}\">");
    match html.find("<meta charset=\"utf-8\">") {
        Some(at) => {
            let at = at + "<meta charset=\"utf-8\">".len();
            html.insert_str(at, &format!("\n    {meta}"));
            html
        }
        None => html.replacen("<head>", &format!("<head>\n    {meta}"), 1),
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

/// Runs the whole step on a `dist/` directory; returns the policy written.
///
/// # Errors
/// [`CspError`] when a file cannot be read or written, or the build breaks the policy.
pub fn secure_dist(dist: &Path, connect: &[String], frame_ancestors: &str) -> Result<String, CspError> {
    let io = |e: std::io::Error, what: &Path| CspError::Io(format!("{}: {e}", what.display()));
    let entries = std::fs::read_dir(dist).map_err(|e| io(e, dist))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "js") {
            let text = std::fs::read_to_string(&path).map_err(|e| io(e, &path))?;
            check_javascript(&path.display().to_string(), &text)?;
        }
    }
    // The dashboard and, when built, the staff page: each gets its own scripts' hashes in its
    // `<meta>` policy; the site-wide header policy allows the scripts of both.
    let mut all_hashes: Vec<String> = Vec::new();
    for name in PAGES {
        let page = dist.join(name);
        if name != "index.html" && !page.exists() {
            continue;
        }
        let html = std::fs::read_to_string(&page).map_err(|e| io(e, &page))?;
        for found in [" style=\"", "<style", " onclick=", " onload="] {
            if html.contains(found) {
                return Err(CspError::Inline { found: format!("{} ({name})", found.trim()) });
            }
        }
        let hashes: Vec<String> = inline_scripts(&html).iter().map(|s| base64(&sha256(s.as_bytes()))).collect();
        let meta = policy(&hashes, connect, None);
        std::fs::write(&page, with_meta(&html, &meta)).map_err(|e| io(e, &page))?;
        all_hashes.extend(hashes.into_iter().filter(|h| !all_hashes.contains(h)).collect::<Vec<_>>());
    }
    let full = policy(&all_hashes, connect, Some(frame_ancestors));
    let headers = format!(
        "# Headers for Netlify, Cloudflare Pages and other hosts that read a _headers file.\n\
         # Generated by `eu-iom-data csp` for this build: the script hash changes with every build.\n\
         /*\n  Content-Security-Policy: {full}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n\
         /*.wasm\n  Content-Type: application/wasm\n/data/*\n  Cache-Control: no-cache\n"
    );
    let headers_path = dist.join("_headers");
    std::fs::write(&headers_path, headers).map_err(|e| io(e, &headers_path))?;
    let nginx = format!(
        "# nginx example for this build (generated by `eu-iom-data csp`; the script hash changes with every build).\n\
         # Serve dist/ under any path, e.g. location /dashboards/eu-iom/ {{ alias /srv/eu-iom/dist/; … }}.\n\
         types {{ application/wasm wasm; }}\n\
         add_header Content-Security-Policy \"{full}\" always;\n\
         add_header X-Content-Type-Options nosniff always;\n\
         add_header Referrer-Policy strict-origin-when-cross-origin always;\n\
         location ~ /data/ {{ add_header Cache-Control no-cache always; add_header Content-Security-Policy \"{full}\" always; }}\n"
    );
    let nginx_path = dist.join("nginx.conf.example");
    std::fs::write(&nginx_path, nginx).map_err(|e| io(e, &nginx_path))?;
    Ok(full)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn sha256_matches_the_standard_vectors() {
        assert_eq!(hex(&sha256(b"")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(hex(&sha256(b"abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(
            hex(&sha256(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(hex(&sha256(&[b'a'; 1000])), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
    }

    #[test]
    fn base64_pads() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn finds_inline_scripts_only() {
        let html = "<head><script type=\"module\">\nimport init;\n</script><script src=\"a.js\"></script><script>x()</script></head>";
        assert_eq!(inline_scripts(html), vec!["\nimport init;\n".to_string(), "x()".to_string()]);
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
    fn the_policy_is_strict() {
        let p = policy(&["abc=".into()], &[], Some("'self' https://intranet.example"));
        assert_eq!(
            p,
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='; style-src 'self'; img-src 'self' data: blob:; \
             connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self' https://intranet.example"
        );
        assert!(!p.contains("unsafe-inline") && !p.contains("'unsafe-eval'"));
    }

    #[test]
    fn string_evaluation_is_refused() {
        assert!(check_javascript("a.js", "const f = new Function('x')").is_err());
        assert!(check_javascript("a.js", "window.eval('1')").is_err());
        assert!(check_javascript("a.js", "retrieval(x); evaluate(y)").is_ok());
    }
}
