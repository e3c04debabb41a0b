//! Pre-compressed copies of a release build: beside every text and WebAssembly file of `dist/`, a
//! `.gz` (gzip, best compression) and a `.br` (brotli, quality 11), for hosts that serve such
//! copies as they are (nginx `gzip_static on;`, `brotli_static on;`) instead of compressing each
//! response on the fly at a lower level.
//!
//! Skipped: formats that are already compressed or binary (anything not in [`COMPRESSIBLE`]),
//! files under [`MIN_BYTES`], and the `data/` folder, whose files may be replaced on the host
//! without a rebuild: a copy left from the build would then serve the old figures.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Extensions of the files worth compressing: text formats and WebAssembly.
pub const COMPRESSIBLE: &[&str] = &["html", "js", "mjs", "css", "wasm", "json", "jsonld", "svg", "webmanifest", "txt", "csv", "xml", "map"];

/// Files smaller than this gain nothing worth a second file (they fit in one network packet).
pub const MIN_BYTES: u64 = 1024;

/// The folder of files that may be replaced on the host without a rebuild (see the README's "The data").
pub const REPLACEABLE_DIR: &str = "data";

/// Brotli's highest quality.
const BROTLI_QUALITY: u32 = 11;
/// Brotli's window (log2 of bytes): 4 MiB, the encoder's default, larger than any file here.
const BROTLI_WINDOW: u32 = 22;

/// Why a file got no compressed copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// Not a text or WebAssembly format (images, fonts, archives, the copies themselves).
    NotCompressible,
    /// Under [`MIN_BYTES`].
    Tiny,
    /// Under [`REPLACEABLE_DIR`].
    Replaceable,
}

/// What happened to one file of `dist/` (its path relative to `dist/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// Copies written; a size is `None` when that encoding was not smaller and no copy was written.
    Compressed { path: PathBuf, original: usize, gzip: Option<usize>, brotli: Option<usize> },
    /// No copies, for this reason.
    Skipped { path: PathBuf, why: Skip },
}

/// gzip at the best compression level.
///
/// # Errors
/// When the encoder fails (it writes to memory, so in practice never).
pub fn gzip(data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data)?;
    encoder.finish()
}

/// brotli at quality 11.
///
/// # Errors
/// When the encoder fails (it writes to memory, so in practice never).
pub fn brotli(data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut encoder = brotli::CompressorWriter::new(&mut out, 64 * 1024, BROTLI_QUALITY, BROTLI_WINDOW);
        encoder.write_all(data)?;
        encoder.flush()?;
    }
    Ok(out)
}

/// Why a file is skipped, or `None` when it gets copies.
pub fn skip_reason(relative: &Path, size: u64) -> Option<Skip> {
    if relative.components().next().is_some_and(|c| c.as_os_str() == REPLACEABLE_DIR) && relative.components().count() > 1 {
        return Some(Skip::Replaceable);
    }
    let extension = relative.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if !extension.is_some_and(|e| COMPRESSIBLE.contains(&e.as_str())) {
        return Some(Skip::NotCompressible);
    }
    (size < MIN_BYTES).then_some(Skip::Tiny)
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

/// Writes `copy` as `file.extension` when it is smaller than the original; returns its size.
fn write_copy(file: &Path, extension: &str, original: usize, copy: &[u8]) -> Result<Option<usize>, String> {
    if copy.len() >= original {
        return Ok(None);
    }
    let target = with_suffix(file, extension);
    std::fs::write(&target, copy).map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    Ok(Some(copy.len()))
}

/// Writes the compressed copies for every file of `dist` (recursively, in path order).
///
/// # Errors
/// A message naming the file that could not be read, compressed or written.
pub fn compress_dist(dist: &Path) -> Result<Vec<Entry>, String> {
    let mut all = Vec::new();
    files(dist, &mut all).map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
    all.sort();
    let mut entries = Vec::new();
    for file in all {
        let relative = file.strip_prefix(dist).unwrap_or(&file).to_path_buf();
        let size = std::fs::metadata(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?.len();
        if let Some(why) = skip_reason(&relative, size) {
            entries.push(Entry::Skipped { path: relative, why });
            continue;
        }
        let data = std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let failed = |e: std::io::Error| format!("cannot compress {}: {e}", file.display());
        let gzip = write_copy(&file, "gz", data.len(), &gzip(&data).map_err(failed)?)?;
        let brotli = write_copy(&file, "br", data.len(), &brotli(&data).map_err(failed)?)?;
        entries.push(Entry::Compressed { path: relative, original: data.len(), gzip, brotli });
    }
    Ok(entries)
}

/// One line per compressed file and a summary of what was skipped.
pub fn report(entries: &[Entry]) -> String {
    use std::fmt::Write as _;
    let kb = |n: usize| format!("{:.1} KB", n as f64 / 1024.0);
    let size = |n: Option<usize>| n.map_or_else(|| "not smaller, no copy".to_string(), kb);
    let mut out = String::new();
    let (mut tiny, mut other, mut replaceable) = (0, 0, 0);
    for entry in entries {
        match entry {
            Entry::Compressed { path, original, gzip, brotli } => {
                let _ = writeln!(out, "{}: {} → gzip {}, brotli {}", path.display(), kb(*original), size(*gzip), size(*brotli));
            }
            Entry::Skipped { why: Skip::Tiny, .. } => tiny += 1,
            Entry::Skipped { why: Skip::NotCompressible, .. } => other += 1,
            Entry::Skipped { why: Skip::Replaceable, .. } => replaceable += 1,
        }
    }
    let _ = writeln!(
        out,
        "skipped: {tiny} under {MIN_BYTES} bytes, {other} not text or WebAssembly, {replaceable} in {REPLACEABLE_DIR}/ (replaceable without a rebuild)"
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
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

        let entries = compress_dist(&dist).unwrap();

        for (name, original) in [("index.html", &html), ("app_bg.wasm", &wasm), ("assets/style.CSS", &text(100))] {
            let file = dist.join(name);
            let gz = std::fs::read(with_suffix(&file, "gz")).unwrap();
            let br = std::fs::read(with_suffix(&file, "br")).unwrap();
            assert_eq!(&gunzip(&gz), original, "{name}.gz");
            assert_eq!(&unbrotli(&br), original, "{name}.br");
            assert!(gz.len() < original.len() && br.len() < original.len(), "{name}: copies are smaller");
            assert_eq!(std::fs::read(&file).unwrap(), *original, "{name} itself is unchanged");
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

        // A second run compresses the same files again and never the copies themselves.
        let again = compress_dist(&dist).unwrap();
        let compressed = |entries: &[Entry]| entries.iter().filter(|e| matches!(e, Entry::Compressed { .. })).count();
        assert_eq!(compressed(&again), 3);
        assert_eq!(compressed(&entries), 3);
        assert!(!with_suffix(&dist.join("index.html.gz"), "gz").exists());
        let _ = std::fs::remove_dir_all(&dist);
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
        let entries = compress_dist(&dist).unwrap();
        assert_eq!(entries, vec![Entry::Compressed { path: "noise.json".into(), original: 4096, gzip: None, brotli: None }]);
        assert!(!dist.join("noise.json.gz").exists() && !dist.join("noise.json.br").exists());
        let _ = std::fs::remove_dir_all(&dist);
    }

    #[test]
    fn skip_rules() {
        assert_eq!(skip_reason(Path::new("index.html"), 5000), None);
        assert_eq!(skip_reason(Path::new("app.webmanifest"), 5000), None);
        assert_eq!(skip_reason(Path::new("index.html"), MIN_BYTES - 1), Some(Skip::Tiny));
        assert_eq!(skip_reason(Path::new("index.html.gz"), 5000), Some(Skip::NotCompressible));
        assert_eq!(skip_reason(Path::new("font.woff2"), 5000), Some(Skip::NotCompressible));
        assert_eq!(skip_reason(Path::new("data/world-map.json"), 5000), Some(Skip::Replaceable));
        // A file named like the folder at the top level is not inside it.
        assert_eq!(skip_reason(Path::new("data"), 5000), Some(Skip::NotCompressible));
        assert_eq!(skip_reason(Path::new("metadata/x.json"), 5000), None);
    }
}
