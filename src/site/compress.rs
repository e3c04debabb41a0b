//! Pre-compressed copies of a release build: beside every text and WebAssembly file of `dist/`, a
//! `.gz` (gzip, best compression) and a `.br` (brotli, quality 11), for hosts that serve such
//! copies as they are (nginx `gzip_static on;`, `brotli_static on;`) instead of compressing each
//! response on the fly at a lower level.
//!
//! Skipped: formats that are already compressed or binary (anything not in [`COMPRESSIBLE`]),
//! files under [`MIN_BYTES`], and the `data/` folder, whose files may be replaced on the host
//! without a rebuild: a copy left from the build would then serve the old figures.
//!
//! A copy already beside a file that decodes to the file's current bytes ([`Encoding::decodes_to`])
//! is kept rather than made again, so the release steps run again on a built folder (after a data
//! release) recompress only the files they changed: brotli 11 over the megabytes of WebAssembly
//! is most of the step's time.

use std::io::{Read as _, Write as _};
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

/// The two encodings of the copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// gzip at the best compression level, `file.gz`.
    Gzip,
    /// brotli at quality 11, `file.br`.
    Brotli,
}

impl Encoding {
    /// Both, in the order a file's copies are listed.
    pub const ALL: [Encoding; 2] = [Encoding::Gzip, Encoding::Brotli];

    /// The extension a copy adds after the file's own (`app.wasm.br`).
    pub fn extension(self) -> &'static str {
        match self {
            Encoding::Gzip => "gz",
            Encoding::Brotli => "br",
        }
    }

    /// A file's bytes in this encoding.
    ///
    /// # Errors
    /// When the encoder fails (it writes to memory, so in practice never).
    pub fn encode(self, data: &[u8]) -> std::io::Result<Vec<u8>> {
        match self {
            Encoding::Gzip => gzip(data),
            Encoding::Brotli => brotli(data),
        }
    }

    /// Whether `copy` decodes to exactly `data`, so that it can stay as the file's copy. A copy
    /// of other bytes, a damaged or truncated one, is not (decoding stops one byte past `data`).
    pub fn decodes_to(self, copy: &[u8], data: &[u8]) -> bool {
        let limit = data.len() as u64 + 1;
        let mut decoded = Vec::with_capacity(data.len());
        let read = match self {
            Encoding::Gzip => flate2::read::GzDecoder::new(copy).take(limit).read_to_end(&mut decoded),
            Encoding::Brotli => brotli::Decompressor::new(copy, 64 * 1024).take(limit).read_to_end(&mut decoded),
        };
        read.is_ok() && decoded == data
    }
}

/// What the step did about one encoding of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Made {
    /// A copy of this size written.
    Written(usize),
    /// The copy already there, of this size, decodes to the file's bytes: left as it was.
    Kept(usize),
    /// Taken from another build (`compress --reuse`), where the same file has a copy of this
    /// size that decodes to the same bytes.
    Reused(usize),
    /// The encoding is not smaller than the file: no copy (one left from other bytes is removed).
    NotSmaller,
}

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
    /// A file with its copies, one [`Made`] per encoding.
    Compressed { path: PathBuf, original: usize, gzip: Made, brotli: Made },
    /// No copies, for this reason.
    Skipped { path: PathBuf, why: Skip },
}

/// gzip at the best compression level.
fn gzip(data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data)?;
    encoder.finish()
}

/// brotli at quality 11.
fn brotli(data: &[u8]) -> std::io::Result<Vec<u8>> {
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

/// `copy` when it is smaller than the file's `data`: the one rule for keeping a copy.
pub fn smaller(data: &[u8], copy: Vec<u8>) -> Option<Vec<u8>> {
    (copy.len() < data.len()).then_some(copy)
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
    let mut copies = Vec::new();
    for encoding in Encoding::ALL {
        let copy = encoding.encode(data).map_err(|e| format!("cannot compress {relative}: {e}"))?;
        if let Some(copy) = smaller(data, copy) {
            copies.push((format!("{relative}.{}", encoding.extension()), copy));
        }
    }
    Ok(copies)
}

/// One line per compressed file and a summary of what was skipped.
pub fn report(entries: &[Entry]) -> String {
    use std::fmt::Write as _;
    let kb = |n: usize| format!("{:.1} KB", n as f64 / 1024.0);
    let size = |made: Made| match made {
        Made::Written(n) => kb(n),
        Made::Kept(n) => format!("{} (kept, already a copy of this file)", kb(n)),
        Made::Reused(n) => format!("{} (taken from the other build)", kb(n)),
        Made::NotSmaller => "not smaller, no copy".to_string(),
    };
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

    #[test]
    fn a_copy_is_current_only_when_it_decodes_to_exactly_the_bytes() {
        let data: Vec<u8> = (0..3000).flat_map(|i: u32| format!("{i} figures; ").into_bytes()).collect();
        for encoding in Encoding::ALL {
            let copy = encoding.encode(&data).unwrap();
            assert!(encoding.decodes_to(&copy, &data), "{encoding:?}: its own copy");
            assert!(!encoding.decodes_to(&copy, &data[..data.len() - 1]), "{encoding:?}: a copy of longer bytes");
            assert!(!encoding.decodes_to(&encoding.encode(&data[1..]).unwrap(), &data), "{encoding:?}: a copy of other bytes");
            assert!(!encoding.decodes_to(&copy[..copy.len() / 2], &data), "{encoding:?}: a truncated copy");
            assert!(!encoding.decodes_to(&data, &data), "{encoding:?}: the file itself, not encoded");
        }
        assert!(!Encoding::Gzip.decodes_to(&Encoding::Brotli.encode(&data).unwrap(), &data), "the other encoding");
    }
}
