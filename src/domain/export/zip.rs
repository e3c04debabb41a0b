//! A minimal ZIP writer (stored, uncompressed) to bundle a CSV download with its README.

use crate::domain::dataset::date::Date;

/// CRC-32 (IEEE), as ZIP needs it.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// A ZIP archive storing `files` uncompressed (name, content), dated `date`.
pub fn zip_store(files: &[(String, Vec<u8>)], date: Date) -> Vec<u8> {
    let dos_date = (((date.year() - 1980).clamp(0, 127) as u16) << 9) | (u16::from(date.month()) << 5) | u16::from(date.day());
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, content) in files {
        let offset = out.len() as u32;
        let crc = crc32(content);
        let size = content.len() as u32;
        let name_bytes = name.as_bytes();
        let header = |signature: u32, central_entry: bool| -> Vec<u8> {
            let mut h = Vec::new();
            h.extend(signature.to_le_bytes());
            if central_entry {
                h.extend(20u16.to_le_bytes());
            }
            h.extend(20u16.to_le_bytes()); // version needed
            h.extend(0x0800u16.to_le_bytes()); // UTF-8 names
            h.extend(0u16.to_le_bytes()); // stored
            h.extend(0u16.to_le_bytes()); // time
            h.extend(dos_date.to_le_bytes());
            h.extend(crc.to_le_bytes());
            h.extend(size.to_le_bytes());
            h.extend(size.to_le_bytes());
            h.extend((name_bytes.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes()); // extra length
            if central_entry {
                h.extend(0u16.to_le_bytes()); // comment length
                h.extend(0u16.to_le_bytes()); // disk
                h.extend(0u16.to_le_bytes()); // internal attributes
                h.extend(0u32.to_le_bytes()); // external attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(name_bytes);
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(content);
        central.extend(header(0x0201_4b50, true));
    }
    let central_offset = out.len() as u32;
    let central_size = central.len() as u32;
    out.extend(central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out.extend((files.len() as u16).to_le_bytes());
    out.extend((files.len() as u16).to_le_bytes());
    out.extend(central_size.to_le_bytes());
    out.extend(central_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_and_zip_layout() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        let zip = zip_store(&[("a.txt".into(), b"hello".to_vec())], Date::new(2026, 11, 28).unwrap());
        assert_eq!(&zip[..4], &[0x50, 0x4b, 0x03, 0x04]);
        assert_eq!(&zip[zip.len() - 22..zip.len() - 18], &[0x50, 0x4b, 0x05, 0x06]);
        assert!(zip.windows(5).any(|w| w == b"hello"));
    }
}
