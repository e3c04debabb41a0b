//! A short fingerprint of a data file's bytes, written into the pre-rendered page so the app can
//! tell whether the snapshot it replaces was built from the file it has just fetched.

/// FNV-1a (64 bit) of the bytes, as 16 hexadecimal digits. Not a security measure: it only
/// tells two versions of the published file apart.
pub fn fingerprint(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3));
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn matches_the_reference_values_and_tells_files_apart() {
        // Reference values of FNV-1a 64.
        assert_eq!(fingerprint(b""), "cbf29ce484222325");
        assert_eq!(fingerprint(b"a"), "af63dc4c8601ec8c");
        assert_ne!(fingerprint(br#"{"value": 84000}"#), fingerprint(br#"{"value": 84001}"#));
    }
}
