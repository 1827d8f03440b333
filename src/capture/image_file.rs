//! Reads a photo (JPEG or PNG) into an RGB frame with limits on size and memory, so a corrupt
//! file or a decompression bomb ends in a clear error instead of a crash or a swap storm.

use crate::analysis::frame::RgbFrame;

pub const MAX_SIDE: u32 = 12_000;
pub const MAX_ALLOC: u64 = 512 << 20;

#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    #[error("not a readable picture: {0}")]
    Decode(String),
    #[error("the picture is too large ({0})")]
    TooLarge(String),
    /// The file could not be read (the system's words).
    #[error("{0}")]
    Unreadable(String),
    /// The file is larger than any picture this app reads.
    #[error("larger than {mib} MiB")]
    FileTooLarge { mib: u64 },
}

/// A JPEG must end with its end-of-image marker; decoders fill a cut-off file with grey.
fn jpeg_cut_off(bytes: &[u8]) -> bool {
    let is_jpeg = bytes.starts_with(&[0xFF, 0xD8, 0xFF]);
    let end = bytes.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1);
    is_jpeg && !bytes[..end].ends_with(&[0xFF, 0xD9])
}

pub fn decode(bytes: &[u8]) -> Result<RgbFrame, ImageError> {
    if jpeg_cut_off(bytes) {
        return Err(ImageError::Decode(
            "the JPEG file is cut off (no end marker)".into(),
        ));
    }
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| ImageError::Decode(e.to_string()))?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let img = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(l) => ImageError::TooLarge(l.to_string()),
        other => ImageError::Decode(other.to_string()),
    })?;
    let rgb = img.to_rgb8();
    if rgb.width() == 0 || rgb.height() == 0 {
        return Err(ImageError::Decode("empty picture".into()));
    }
    Ok(RgbFrame {
        width: rgb.width(),
        height: rgb.height(),
        data: rgb.into_raw(),
    })
}

/// Largest picture file read from disk (a 4K PNG is well under this).
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// Reads and decodes one picture file (a replayed camera frame, a recorded pan's frame); the
/// error says why in a sentence without the path (callers name the file).
pub fn read(path: &std::path::Path) -> Result<RgbFrame, ImageError> {
    let unreadable = |e: std::io::Error| ImageError::Unreadable(e.to_string());
    let len = std::fs::metadata(path).map_err(unreadable)?.len();
    if len > MAX_FILE_BYTES {
        return Err(ImageError::FileTooLarge {
            mib: MAX_FILE_BYTES >> 20,
        });
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    decode(&bytes)
}

/// The JPEG and PNG pictures of a folder in name order (a camera replay, a recorded pan), or
/// the one picture given; empty when the folder holds none.
pub fn pictures_in(path: &std::path::Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(path)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "jpg" | "jpeg" | "png"))
        })
        .collect();
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_and_bombs_are_errors() {
        assert!(matches!(decode(b""), Err(ImageError::Decode(_))));
        assert!(matches!(
            decode(b"\\x89PNG\\r\\n\\x1a\\n broken"),
            Err(ImageError::Decode(_))
        ));
        // A PNG header that declares 100000 × 100000 pixels.
        let mut png = vec![
            0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R',
        ];
        png.extend_from_slice(&100_000u32.to_be_bytes());
        png.extend_from_slice(&100_000u32.to_be_bytes());
        png.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
        assert!(decode(&png).is_err());
    }
}
