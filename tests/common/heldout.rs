//! Pictures held out from every choice of a limit, from Debian packages fetched once with
//! `apt-get download` into a cache folder outside the clone (`/var/tmp/selfcheck-heldout`, or
//! `SELFCHECK_HELDOUT_DIR`). A package that cannot be fetched skips the test — a failure in CI.

use std::path::{Path, PathBuf};
use std::process::Command;

fn cache() -> PathBuf {
    std::env::var_os("SELFCHECK_HELDOUT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/var/tmp/selfcheck-heldout"))
}

/// A package's files unpacked under the cache folder, or why not.
pub fn unpacked(package: &str) -> Result<PathBuf, String> {
    let dir = cache().join(package);
    let done = dir.join(".unpacked");
    if done.exists() {
        return Ok(dir);
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let run = |cmd: &mut Command| -> Result<(), String> {
        let out = cmd.output().map_err(|e| format!("{cmd:?}: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "{cmd:?}: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ))
        }
    };
    run(Command::new("apt-get")
        .args(["download", package])
        .current_dir(&dir))?;
    let deb = std::fs::read_dir(&dir)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "deb"))
        .ok_or("apt-get download left no .deb")?;
    run(Command::new("dpkg-deb").arg("-x").arg(&deb).arg(&dir))?;
    let _ = std::fs::remove_file(&deb);
    std::fs::write(&done, b"").map_err(|e| e.to_string())?;
    Ok(dir)
}

/// The package unpacked, or None after a skip (a failure in CI).
pub fn package(name: &str) -> Option<PathBuf> {
    match unpacked(name) {
        Ok(d) => Some(d),
        Err(why) => {
            super::skip::skip(&format!("cannot fetch {name}: {why}"));
            None
        }
    }
}

/// The WebP pictures stored in a Qt resource file (GCompris packs its activities' pictures
/// so), decoded; found by their RIFF headers.
pub fn webp_pictures(rcc: &Path) -> Vec<image::RgbImage> {
    let bytes = std::fs::read(rcc).expect("a resource file");
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = bytes[at..].windows(4).position(|w| w == b"RIFF") {
        let start = at + i;
        at = start + 4;
        let Some(head) = bytes.get(start..start + 12) else {
            break;
        };
        if &head[8..12] != b"WEBP" {
            continue;
        }
        let len = u32::from_le_bytes([head[4], head[5], head[6], head[7]]) as usize + 8;
        let Some(file) = bytes.get(start..start + len) else {
            continue;
        };
        let mut decoder =
            image_webp::WebPDecoder::new(std::io::Cursor::new(file)).expect("a WebP picture");
        let (w, h) = decoder.dimensions();
        let mut buf = vec![0u8; decoder.output_buffer_size().expect("a size")];
        decoder.read_image(&mut buf).expect("decodes");
        let rgb: Vec<u8> = if decoder.has_alpha() {
            buf.chunks_exact(4)
                .flat_map(|p| [p[0], p[1], p[2]])
                .collect()
        } else {
            buf
        };
        out.push(image::RgbImage::from_raw(w, h, rgb).expect("a picture"));
        at = start + len;
    }
    out
}
