//! A `.zip` of a dry run's files, built in the browser. Entries are stored, not
//! compressed: the files are small text, and any unzip reads stored entries.
//! Executable files keep their mode (Unix attributes), as the dry run reports it.

/// One entry: path, bytes, executable.
pub struct Entry<'a> {
    pub path: &'a str,
    pub bytes: &'a [u8],
    pub executable: bool,
}

/// CRC-32 (IEEE), as zip checks each entry.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// The archive's bytes. (Sizes past 4 GB, which a browser tab would not hold
/// anyway, would need zip64.)
pub fn build(entries: &[Entry]) -> Vec<u8> {
    // 1980-01-01 00:00, the earliest time zip can say: the files have no date.
    const DOS_TIME: u16 = 0;
    const DOS_DATE: u16 = (1 << 5) | 1;
    const UTF8_NAMES: u16 = 1 << 11;
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = out.len() as u32;
        let crc = crc32(e.bytes);
        let name = e.path.as_bytes();
        let size = e.bytes.len() as u32;
        // What both headers say of the entry, in the same order.
        let described = |to: &mut Vec<u8>| {
            u16le(to, 10); // version needed: 1.0 (stored)
            u16le(to, UTF8_NAMES);
            u16le(to, 0); // stored
            u16le(to, DOS_TIME);
            u16le(to, DOS_DATE);
            u32le(to, crc);
            u32le(to, size);
            u32le(to, size);
            u16le(to, name.len() as u16);
        };
        // Local header.
        u32le(&mut out, 0x0403_4b50);
        described(&mut out);
        u16le(&mut out, 0); // extra
        out.extend_from_slice(name);
        out.extend_from_slice(e.bytes);
        // Its central directory record.
        let mode: u32 = if e.executable { 0o100755 } else { 0o100644 };
        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, (3 << 8) | 20); // made by Unix, zip 2.0
        described(&mut central);
        u16le(&mut central, 0); // extra
        u16le(&mut central, 0); // comment
        u16le(&mut central, 0); // disk
        u16le(&mut central, 0); // internal attributes
        u32le(&mut central, mode << 16);
        u32le(&mut central, offset);
        central.extend_from_slice(name);
    }
    let central_offset = out.len() as u32;
    let central_size = central.len() as u32;
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, entries.len() as u16);
    u16le(&mut out, entries.len() as u16);
    u32le(&mut out, central_size);
    u32le(&mut out, central_offset);
    u16le(&mut out, 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_is_the_standard_one() {
        // The check value of CRC-32/ISO-HDLC.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    /// Reads the archive back through its central directory, as unzip does.
    fn entries_of(zip: &[u8]) -> Vec<(String, Vec<u8>, u32)> {
        let u16at = |i: usize| u16::from_le_bytes([zip[i], zip[i + 1]]) as usize;
        let u32at = |i: usize| u32::from_le_bytes(zip[i..i + 4].try_into().unwrap()) as usize;
        let end = zip.len() - 22;
        assert_eq!(u32at(end), 0x0605_4b50);
        let (count, mut at) = (u16at(end + 10), u32at(end + 16));
        let mut out = Vec::new();
        for _ in 0..count {
            assert_eq!(u32at(at), 0x0201_4b50);
            let (crc, size, name_len, mode, local) = (u32at(at + 16), u32at(at + 24), u16at(at + 28), u32at(at + 38) >> 16, u32at(at + 42));
            let name = String::from_utf8(zip[at + 46..at + 46 + name_len].to_vec()).unwrap();
            assert_eq!(u32at(local), 0x0403_4b50);
            let data_at = local + 30 + u16at(local + 26) + u16at(local + 28);
            let data = zip[data_at..data_at + size].to_vec();
            assert_eq!(crc32(&data) as usize, crc);
            out.push((name, data, mode as u32));
            at += 46 + name_len;
        }
        out
    }

    #[test]
    fn the_archive_holds_each_file_with_its_mode() {
        let zip = build(&[
            Entry { path: "README.md", bytes: b"# Hello\n", executable: false },
            Entry { path: "bin/run-é.sh", bytes: b"#!/bin/sh\n", executable: true },
            Entry { path: "empty", bytes: b"", executable: false },
        ]);
        let got = entries_of(&zip);
        assert_eq!(got[0], ("README.md".to_string(), b"# Hello\n".to_vec(), 0o100644));
        assert_eq!(got[1], ("bin/run-é.sh".to_string(), b"#!/bin/sh\n".to_vec(), 0o100755));
        assert_eq!(got[2].1, b"");
        assert_eq!(build(&[]).len(), 22);
    }
}
