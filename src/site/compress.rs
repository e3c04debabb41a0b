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

/// The copies worth keeping of a file's bytes: gzip and brotli, each only when smaller than the
/// original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copies {
    /// The `.gz` copy.
    pub gzip: Option<Vec<u8>>,
    /// The `.br` copy.
    pub brotli: Option<Vec<u8>>,
}

/// Compresses a file's bytes both ways, keeping each copy only when it is smaller.
///
/// # Errors
/// When an encoder fails (they write to memory, so in practice never).
pub fn copies(data: &[u8]) -> std::io::Result<Copies> {
    let smaller = |copy: Vec<u8>| (copy.len() < data.len()).then_some(copy);
    Ok(Copies { gzip: smaller(gzip(data)?), brotli: smaller(brotli(data)?) })
}

/// The copies the step writes for a file at `relative` (a path inside `dist/` with `/`), named
/// as the step names them (`index.html.gz`, `index.html.br`); none when the file is skipped.
///
/// # Errors
/// A message naming the file when an encoder fails.
pub fn copies_of(relative: &str, data: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    if skip_reason(Path::new(relative), data.len() as u64).is_some() {
        return Ok(Vec::new());
    }
    let Copies { gzip, brotli } = copies(data).map_err(|e| format!("cannot compress {relative}: {e}"))?;
    Ok([("gz", gzip), ("br", brotli)]
        .into_iter()
        .filter_map(|(extension, copy)| Some((format!("{relative}.{extension}"), copy?)))
        .collect())
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
