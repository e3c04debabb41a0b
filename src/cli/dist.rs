//! The release build's steps on a `dist/` folder (`eu-iom-data prerender`, `publish`, `csp`,
//! `compress`): each reads the files it needs, calls the step in `crate::site` (shared with the
//! staff page's site update) and writes what it returns. Only the preview image is drawn here,
//! rasterised with resvg.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use resvg::{tiny_skia, usvg};

use crate::domain::dataset::load::load_dataset;
use crate::domain::dataset::model::Dataset;
use crate::domain::export::metadata::JSON_PATH;
use crate::site::compress::{skip_reason, smaller, Encoding, Entry, Made, Skip};
use crate::site::csp::{check_javascript, headers_file, nginx_file, policy, secure_page, CspError, Hashes, PAGES};
use crate::site::preview::{preview_svg, HEIGHT, WIDTH, ZOOM};
use crate::site::publish::{hash_tools, is_hashed, publish, tools_files, Built, Options, PREVIEW, WORKER};
use crate::site::DataFile;

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// `prerender`: writes the default view of a dataset into a built `index.html`.
///
/// # Errors
/// A message when a file cannot be read or written, or the page lacks what the step replaces.
pub fn prerender(dist: &Path, data: &Path) -> Result<String, String> {
    let bytes = read_bytes(data)?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8", data.display()))?;
    let loaded = load_dataset(&text).map_err(|e| format!("{}: {e}", data.display()))?;
    let index = dist.join("index.html");
    let html = read(&index)?;
    // Trunk's page, before the data is written in: nothing in it may need an inline handler or style.
    crate::site::csp::check_inline(&html, "index.html").map_err(|e| e.to_string())?;
    let page = crate::site::prerender(&html, &DataFile { text: &text, dataset: &loaded.dataset })
        .map_err(|e| format!("{}: {e}", index.display()))?;
    write(&index, &page)?;
    let fingerprint = crate::domain::dataset::fingerprint::fingerprint(text.as_bytes());
    Ok(format!("pre-rendered the default view into {} ({} bytes, data {fingerprint})\n", index.display(), page.len()))
}

/// `publish`: runs the step on a built `dist/` with its data file; returns what it wrote.
///
/// # Errors
/// A message when a file cannot be read or written or the data cannot be described.
pub fn publish_dist(dist: &Path, data: &Path, options: &Options) -> Result<String, String> {
    let text = read(data)?;
    let loaded = load_dataset(&text).map_err(|e| format!("{}: {e}", data.display()))?;
    let dataset = &loaded.dataset;
    // A data file other than the one deployed (make dist passes dist's own) is not what the
    // page will fetch: say so rather than describe a file the site does not serve.
    let deployed = dist.join(JSON_PATH);
    if read_bytes(&deployed)? != text.as_bytes() {
        return Err(format!("{} differs from {}: publish describes the data file the site serves", data.display(), deployed.display()));
    }
    let index = dist.join("index.html");
    let mut report = String::new();
    // The files worker as Trunk left it (a build, not a second run on a built folder): its
    // files renamed with their content's hash, its loader named in the page.
    let [js, wasm, loader] = tools_files().map(|name| dist.join(name));
    if js.is_file() && wasm.is_file() {
        let (page, files) = hash_tools(&read(&index)?, &read_bytes(&js)?, &read_bytes(&wasm)?)?;
        for (name, bytes) in &files {
            write(&dist.join(name), bytes)?;
        }
        for old in [&js, &wasm, &loader] {
            if old.is_file() {
                std::fs::remove_file(old).map_err(|e| format!("cannot remove {}: {e}", old.display()))?;
            }
        }
        write(&index, &page)?;
        let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
        let _ = writeln!(report, "files worker: {}", names.join(", "));
    }
    let worker_path = dist.join(WORKER);
    let (html, worker) = (read(&index)?, read(&worker_path)?);
    let mut files: Vec<String> = Vec::new();
    let entries = std::fs::read_dir(dist).map_err(|e| format!("cannot read {}: {e}", dist.display()))?;
    for entry in entries.flatten() {
        if entry.path().is_file() {
            files.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    // The stylesheets and icons the page may link to, to be written into it.
    let mut linked = Vec::new();
    for name in files.iter().filter(|name| is_hashed(name) && (name.ends_with(".css") || name.ends_with(".svg"))) {
        linked.push((name.clone(), read_bytes(&dist.join(name))?));
    }
    let built = Built { index_html: &html, worker: &worker, files: &files, linked: &linked };
    let published = publish(&DataFile { text: &text, dataset }, &built, options)?;

    let preview = (PREVIEW, preview_png(dataset)?);
    for (path, bytes) in published.data_files.iter().map(|(path, bytes)| (*path, bytes)).chain([(preview.0, &preview.1)]) {
        write(&dist.join(path), bytes)?;
        let _ = writeln!(report, "wrote {} ({} bytes)", dist.join(path).display(), bytes.len());
    }
    write(&worker_path, &published.worker)?;
    match &published.build {
        Some(build) => {
            let _ = writeln!(report, "service worker {WORKER}: build {build}, {} files cached for offline use", published.precached);
        }
        None => {
            let _ = writeln!(report, "service worker off: {WORKER} unregisters itself from earlier visitors");
        }
    }
    write(&index, &published.index_html)?;
    let _ = writeln!(report, "wrote the title, description, social tags and Dataset JSON-LD into {}", index.display());
    if options.site_url.is_none() {
        let _ = writeln!(report, "no SITE_URL: addresses are relative and the preview image tags are left out");
    }
    Ok(report)
}

/// Fonts tried, in order, for the preview's sans-serif text.
const FONTS: [&str; 2] = ["Liberation Sans", "DejaVu Sans"];

/// Rasterises an SVG of the preview's size to a PNG of [`WIDTH`] × [`HEIGHT`].
///
/// # Errors
/// A message when no usable font is installed or the SVG cannot be read.
pub fn rasterise(svg: &str) -> Result<Vec<u8>, String> {
    let mut options = usvg::Options::default();
    let fonts = options.fontdb_mut();
    fonts.load_system_fonts();
    let family = FONTS
        .into_iter()
        .find(|name| fonts.faces().any(|face| face.families.iter().any(|(family, _)| family == name)))
        .ok_or_else(|| {
            format!(
                "no font for the preview image's text: install one of {} (Debian: fonts-liberation or fonts-dejavu-core)",
                FONTS.join(", ")
            )
        })?;
    fonts.set_sans_serif_family(family);
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| format!("the preview SVG cannot be read: {e}"))?;
    let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("the preview image cannot be allocated")?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(ZOOM, ZOOM), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("the preview PNG cannot be encoded: {e}"))
}

/// The preview image as PNG bytes.
///
/// # Errors
/// See [`preview_svg`] and [`rasterise`].
pub fn preview_png(dataset: &Dataset) -> Result<Vec<u8>, String> {
    rasterise(&preview_svg(dataset)?)
}

/// `csp`: runs the step on a `dist/` directory; returns the policy written.
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
    let mut all_hashes = Hashes::default();
    for name in PAGES {
        let page = dist.join(name);
        if name != "index.html" && !page.exists() {
            continue;
        }
        let html = std::fs::read_to_string(&page).map_err(|e| io(e, &page))?;
        let (secured, hashes) = secure_page(name, &html, connect)?;
        std::fs::write(&page, secured).map_err(|e| io(e, &page))?;
        all_hashes.extend(hashes);
    }
    let full = policy(&all_hashes, connect, Some(frame_ancestors));
    let headers_path = dist.join("_headers");
    std::fs::write(&headers_path, headers_file(&full)).map_err(|e| io(e, &headers_path))?;
    let nginx_path = dist.join("nginx.conf.example");
    std::fs::write(&nginx_path, nginx_file(&full)).map_err(|e| io(e, &nginx_path))?;
    Ok(full)
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        if kind.is_dir() {
            files(&entry.path(), out)?;
        } else if kind.is_file() {
            out.push(entry.path());
        }
    }
    Ok(())
}

/// `file` with `.extension` added after its own (`app.wasm` → `app.wasm.br`).
fn with_suffix(file: &Path, extension: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    PathBuf::from(name)
}

/// What the step does with one file of `dist/`: no copies, or copies, each (in [`Encoding::ALL`]'s
/// order) kept from before when still current, else made.
enum Plan {
    Skipped(Skip),
    Copies { data: Vec<u8>, made: [Option<Made>; 2] },
}

/// A copy to make: the file, its bytes, the encoding, and where the outcome goes.
struct Job<'a> {
    file: &'a Path,
    data: &'a [u8],
    encoding: Encoding,
    made: &'a mut Option<Made>,
}

/// Runs `work` on every item, on as many threads as the machine has cores, and returns the results
/// in the items' order. Items are taken in order, so put the longest first.
fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Result<Vec<R>, String> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get).min(items.len()).max(1);
    let worker = || {
        let mut done = Vec::new();
        loop {
            let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(item) = items.get(at) else { return done };
            done.push((at, work(item)));
        }
    };
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(worker)).collect();
        handles
            .into_iter()
            .map(|handle| handle.join().map_err(|_| "a compression thread failed".to_string()))
            .collect::<Result<Vec<_>, _>>()
    })?
    .into_iter()
    .flatten()
    .collect();
    results.sort_by_key(|(at, _)| *at);
    Ok(results.into_iter().map(|(_, result)| result).collect())
}

/// The copy of `data` (the bytes of `file`, at `relative` in its build) in `encoding` that is
/// already there: beside the file, or else (copied beside it) beside the same file in `reuse`,
/// another build. `None` when neither decodes to `data`.
fn existing_copy(file: &Path, relative: &Path, data: &[u8], encoding: Encoding, reuse: Option<&Path>) -> Result<Option<Made>, String> {
    let beside = with_suffix(file, encoding.extension());
    let current = |path: &Path| std::fs::read(path).ok().filter(|copy| encoding.decodes_to(copy, data));
    if let Some(copy) = current(&beside) {
        return Ok(Some(Made::Kept(copy.len())));
    }
    let Some(copy) = reuse.and_then(|other| current(&with_suffix(&other.join(relative), encoding.extension()))) else {
        return Ok(None);
    };
    write(&beside, &copy)?;
    Ok(Some(Made::Reused(copy.len())))
}

/// `compress`: writes the compressed copies for every file of `dist` (recursively, in path order).
/// A copy already beside its file that decodes to the file's bytes is kept as it is, and one in
/// `reuse` (another build) beside the same file is taken; the others are made on all cores, the
/// largest files first.
///
/// # Errors
/// A message naming the file that could not be read, compressed or written.
pub fn compress_dist(dist: &Path, reuse: Option<&Path>) -> Result<Vec<Entry>, String> {
    let mut all = Vec::new();
    files(dist, &mut all).map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
    all.sort();
    let mut plans = Vec::new();
    for file in all {
        let size = std::fs::metadata(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?.len();
        let relative = file.strip_prefix(dist).unwrap_or(&file);
        let plan = match skip_reason(relative, size) {
            Some(why) => Plan::Skipped(why),
            None => {
                let data = read_bytes(&file)?;
                let mut made = [None; 2];
                for (slot, encoding) in made.iter_mut().zip(Encoding::ALL) {
                    *slot = existing_copy(&file, relative, &data, encoding, reuse)?;
                }
                Plan::Copies { data, made }
            }
        };
        plans.push((file, plan));
    }

    // The copies to make, the largest files first and brotli (the slower) before gzip.
    let mut jobs = Vec::new();
    for (file, plan) in &mut plans {
        if let Plan::Copies { data, made } = plan {
            for (slot, encoding) in made.iter_mut().zip(Encoding::ALL) {
                if slot.is_none() {
                    jobs.push(Job { file, data, encoding, made: slot });
                }
            }
        }
    }
    jobs.sort_by_key(|job| (std::cmp::Reverse(job.data.len()), job.encoding == Encoding::Gzip));
    let copies = in_parallel(&jobs, |job| job.encoding.encode(job.data))?;
    for (job, copy) in jobs.into_iter().zip(copies) {
        let copy = copy.map_err(|e| format!("cannot compress {}: {e}", job.file.display()))?;
        let target = with_suffix(job.file, job.encoding.extension());
        *job.made = Some(match smaller(job.data, copy) {
            Some(copy) => {
                write(&target, &copy)?;
                Made::Written(copy.len())
            }
            None => {
                // A copy left from other bytes would be served in place of the file.
                if target.exists() {
                    std::fs::remove_file(&target).map_err(|e| format!("cannot remove {}: {e}", target.display()))?;
                }
                Made::NotSmaller
            }
        });
    }
    Ok(plans
        .into_iter()
        .map(|(file, plan)| {
            let path = file.strip_prefix(dist).unwrap_or(&file).to_path_buf();
            match plan {
                Plan::Skipped(why) => Entry::Skipped { path, why },
                Plan::Copies { data, made: [gzip, brotli] } => Entry::Compressed {
                    path,
                    original: data.len(),
                    gzip: gzip.unwrap_or(Made::NotSmaller),
                    brotli: brotli.unwrap_or(Made::NotSmaller),
                },
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::compress::copies_of;
    use std::io::Read as _;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("eu-iom-compress-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("data")).unwrap();
        dir
    }

    fn gunzip(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).unwrap();
        out
    }

    fn unbrotli(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        brotli::Decompressor::new(bytes, 4096).read_to_end(&mut out).unwrap();
        out
    }

    /// Text that compresses, but not to nothing: numbered lines.
    fn text(lines: usize) -> Vec<u8> {
        (0..lines)
            .map(|i| format!("<p class=\"figure\">{i} migrants assisted in {}</p>\n", 2000 + i % 25))
            .collect::<String>()
            .into_bytes()
    }

    #[test]
    fn every_copy_decompresses_to_the_original_and_the_rest_is_skipped() {
        let dist = scratch("round-trip");
        let html = text(400);
        // WebAssembly-like bytes: a header, then a repeating but irregular pattern.
        let wasm: Vec<u8> = b"\0asm\x01\0\0\0"
            .iter()
            .copied()
            .chain((0u32..60_000).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8 & 0x3f))
            .collect();
        std::fs::create_dir_all(dist.join("assets")).unwrap();
        std::fs::write(dist.join("index.html"), &html).unwrap();
        std::fs::write(dist.join("app_bg.wasm"), &wasm).unwrap();
        std::fs::write(dist.join("assets/style.CSS"), text(100)).unwrap();
        std::fs::write(dist.join("tiny.js"), b"export const a = 1;\n").unwrap();
        std::fs::write(dist.join("logo.png"), text(100)).unwrap();
        std::fs::write(dist.join("_headers"), text(100)).unwrap();
        std::fs::write(dist.join("data/eu-iom-figures.json"), text(100)).unwrap();

        let entries = compress_dist(&dist, None).unwrap();

        for (name, original) in [("index.html", &html), ("app_bg.wasm", &wasm), ("assets/style.CSS", &text(100))] {
            let file = dist.join(name);
            let gz = std::fs::read(with_suffix(&file, "gz")).unwrap();
            let br = std::fs::read(with_suffix(&file, "br")).unwrap();
            assert_eq!(&gunzip(&gz), original, "{name}.gz");
            assert_eq!(&unbrotli(&br), original, "{name}.br");
            assert!(gz.len() < original.len() && br.len() < original.len(), "{name}: copies are smaller");
            assert_eq!(std::fs::read(&file).unwrap(), *original, "{name} itself is unchanged");
            // Made on several threads, they are byte for byte the copies the staff page makes.
            let serial = copies_of(name, original).unwrap();
            assert_eq!(serial, vec![(format!("{name}.gz"), gz), (format!("{name}.br"), br)], "{name}");
        }
        for name in ["tiny.js", "logo.png", "_headers", "data/eu-iom-figures.json"] {
            let file = dist.join(name);
            assert!(!with_suffix(&file, "gz").exists() && !with_suffix(&file, "br").exists(), "{name} has no copies");
        }
        let skipped: Vec<(String, Skip)> = entries
            .iter()
            .filter_map(|e| match e {
                Entry::Skipped { path, why } => Some((path.display().to_string(), *why)),
                Entry::Compressed { .. } => None,
            })
            .collect();
        assert_eq!(
            skipped,
            vec![
                ("_headers".to_string(), Skip::NotCompressible),
                ("data/eu-iom-figures.json".to_string(), Skip::Replaceable),
                ("logo.png".to_string(), Skip::NotCompressible),
                ("tiny.js".to_string(), Skip::Tiny),
            ]
        );
        let compressed = |entries: &[Entry]| {
            entries
                .iter()
                .filter_map(|e| match e {
                    Entry::Compressed { path, gzip, brotli, .. } => Some((path.display().to_string(), *gzip, *brotli)),
                    Entry::Skipped { .. } => None,
                })
                .collect::<Vec<_>>()
        };
        let first = compressed(&entries);
        assert_eq!(first.iter().map(|(path, ..)| path.as_str()).collect::<Vec<_>>(), ["app_bg.wasm", "assets/style.CSS", "index.html"]);
        assert!(first.iter().all(|(_, gzip, brotli)| matches!((gzip, brotli), (Made::Written(_), Made::Written(_)))), "{first:?}");

        // A second run keeps every copy (they are current, and the same sizes) and never
        // compresses the copies themselves.
        let kept = |made: Made| match made {
            Made::Written(n) => Made::Kept(n),
            other => other,
        };
        let again = compress_dist(&dist, None).unwrap();
        assert_eq!(
            compressed(&again),
            first.iter().map(|(path, gzip, brotli)| (path.clone(), kept(*gzip), kept(*brotli))).collect::<Vec<_>>()
        );
        assert!(!with_suffix(&dist.join("index.html.gz"), "gz").exists());
        let _ = std::fs::remove_dir_all(&dist);
    }

    fn brotli_fast(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut encoder = brotli::CompressorWriter::new(&mut out, 4096, 1, 22);
            std::io::Write::write_all(&mut encoder, data).unwrap();
        }
        out
    }

    fn gzip_fast(data: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut encoder, data).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn a_copy_of_the_current_bytes_is_kept_and_any_other_is_made_again() {
        let dist = scratch("rebuild");
        let (page, script, style) = (text(400), text(300), text(200));
        std::fs::write(dist.join("index.html"), &page).unwrap();
        std::fs::write(dist.join("app.js"), &script).unwrap();
        std::fs::write(dist.join("style.css"), &style).unwrap();
        // Copies of the current bytes, made at the fastest levels, so that they differ from what
        // the step would write: kept, they stay as they are.
        let (page_gz, page_br) = (gzip_fast(&page), brotli_fast(&page));
        std::fs::write(dist.join("index.html.gz"), &page_gz).unwrap();
        std::fs::write(dist.join("index.html.br"), &page_br).unwrap();
        // A copy of earlier bytes, and a damaged copy of the current ones: made again.
        std::fs::write(dist.join("app.js.br"), brotli_fast(&text(299))).unwrap();
        let gz = gzip_fast(&script);
        std::fs::write(dist.join("app.js.gz"), &gz[..gz.len() - 4]).unwrap();

        let entries = compress_dist(&dist, None).unwrap();

        let made = |name: &str| {
            entries
                .iter()
                .find_map(|e| match e {
                    Entry::Compressed { path, gzip, brotli, .. } if path == Path::new(name) => Some((*gzip, *brotli)),
                    _ => None,
                })
                .unwrap()
        };
        assert_eq!(made("index.html"), (Made::Kept(page_gz.len()), Made::Kept(page_br.len())));
        assert_eq!(std::fs::read(dist.join("index.html.gz")).unwrap(), page_gz);
        assert_eq!(std::fs::read(dist.join("index.html.br")).unwrap(), page_br);
        for (name, data) in [("app.js", &script), ("style.css", &style)] {
            let expected = copies_of(name, data).unwrap();
            let [(_, gz), (_, br)] = [&expected[0], &expected[1]];
            assert_eq!(made(name), (Made::Written(gz.len()), Made::Written(br.len())), "{name}");
            assert_eq!(&std::fs::read(dist.join(format!("{name}.gz"))).unwrap(), gz, "{name}.gz");
            assert_eq!(&std::fs::read(dist.join(format!("{name}.br"))).unwrap(), br, "{name}.br");
        }
        let _ = std::fs::remove_dir_all(&dist);
    }

    #[test]
    fn another_builds_copy_of_the_same_bytes_is_taken() {
        let (dist, other) = (scratch("reuse"), scratch("reuse-other"));
        let (module, page) = (text(500), text(400));
        std::fs::write(dist.join("app_bg.wasm"), &module).unwrap();
        std::fs::write(other.join("app_bg.wasm"), &module).unwrap();
        std::fs::write(dist.join("index.html"), &page).unwrap();
        std::fs::write(other.join("index.html"), text(401)).unwrap();
        // The other build's copies of the module, at the fastest levels so that they differ from
        // what the step would make; its page's copies are of other bytes.
        let (module_gz, module_br) = (gzip_fast(&module), brotli_fast(&module));
        std::fs::write(other.join("app_bg.wasm.gz"), &module_gz).unwrap();
        std::fs::write(other.join("app_bg.wasm.br"), &module_br).unwrap();
        std::fs::write(other.join("index.html.gz"), gzip_fast(&text(401))).unwrap();

        let entries = compress_dist(&dist, Some(&other)).unwrap();

        assert_eq!(
            entries[0],
            Entry::Compressed {
                path: "app_bg.wasm".into(),
                original: module.len(),
                gzip: Made::Reused(module_gz.len()),
                brotli: Made::Reused(module_br.len())
            }
        );
        assert_eq!(std::fs::read(dist.join("app_bg.wasm.gz")).unwrap(), module_gz);
        assert_eq!(std::fs::read(dist.join("app_bg.wasm.br")).unwrap(), module_br);
        let expected = copies_of("index.html", &page).unwrap();
        assert_eq!(
            entries[1],
            Entry::Compressed {
                path: "index.html".into(),
                original: page.len(),
                gzip: Made::Written(expected[0].1.len()),
                brotli: Made::Written(expected[1].1.len())
            }
        );
        assert_eq!(std::fs::read(dist.join("index.html.gz")).unwrap(), expected[0].1);
        let _ = (std::fs::remove_dir_all(&dist), std::fs::remove_dir_all(&other));
    }

    #[test]
    fn parallel_work_comes_back_in_the_items_order() {
        let items: Vec<u64> = (0..40).collect();
        // Uneven work, the first items the longest, so that the threads finish out of order.
        let results = in_parallel(&items, |&n| {
            std::hint::black_box((0..(40 - n) * 5_000).map(std::hint::black_box).sum::<u64>());
            n
        })
        .unwrap();
        assert_eq!(results, items);
        assert_eq!(in_parallel(&[] as &[u64], |&n| n).unwrap(), Vec::<u64>::new());
    }

    #[test]
    fn a_copy_that_is_not_smaller_is_not_written() {
        let dist = scratch("no-gain");
        // Bytes without redundancy: neither encoder can shrink them.
        let mut state = 0x2545_f491_u32;
        let noise: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                (state >> 8) as u8
            })
            .collect();
        std::fs::write(dist.join("noise.json"), &noise).unwrap();
        // A copy left from other bytes, which compressed well, would be served instead of the file.
        std::fs::write(dist.join("noise.json.gz"), gzip_fast(&text(100))).unwrap();
        let entries = compress_dist(&dist, None).unwrap();
        assert_eq!(
            entries[0],
            Entry::Compressed { path: "noise.json".into(), original: 4096, gzip: Made::NotSmaller, brotli: Made::NotSmaller }
        );
        assert!(!dist.join("noise.json.gz").exists() && !dist.join("noise.json.br").exists());
        let _ = std::fs::remove_dir_all(&dist);
    }
}
