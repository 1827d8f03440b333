//! A recording's camera frames as files (`analyze-pan`, `analyze-reading`): a folder of JPEG or
//! PNG pictures played in name order, every one read, all of the first one's size (one camera
//! mode). A broken or resized picture stops the replay with its name.

use crate::analysis::frame::RgbFrame;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum FrameFolderError {
    #[error("{path}: no JPEG or PNG pictures")]
    NoPictures { path: String },
    #[error("{path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{path}: {width}×{height}, the recording started at {first_width}×{first_height}")]
    SizeChanged {
        path: String,
        width: u32,
        height: u32,
        first_width: u32,
        first_height: u32,
    },
    /// A face model could not be loaded (the recording itself may be fine).
    #[error("face model: {0}")]
    Model(String),
}

/// The pictures of a folder in name order (or the one picture given).
pub fn pictures(path: &Path) -> Result<Vec<PathBuf>, FrameFolderError> {
    let shown = || path.display().to_string();
    let files = crate::capture::image_file::pictures_in(path).map_err(|e| {
        FrameFolderError::Unreadable {
            path: shown(),
            reason: e.to_string(),
        }
    })?;
    if files.is_empty() {
        return Err(FrameFolderError::NoPictures { path: shown() });
    }
    Ok(files)
}

/// Reads the pictures one by one, holding them to the first one's size.
#[derive(Default)]
pub struct FrameReader {
    first: Option<(u32, u32)>,
}

impl FrameReader {
    pub fn read(&mut self, path: &Path) -> Result<RgbFrame, FrameFolderError> {
        let frame = crate::capture::image_file::read(path).map_err(|reason| {
            FrameFolderError::Unreadable {
                path: path.display().to_string(),
                reason: reason.to_string(),
            }
        })?;
        let (w, h) = *self.first.get_or_insert((frame.width, frame.height));
        if (frame.width, frame.height) != (w, h) {
            return Err(FrameFolderError::SizeChanged {
                path: path.display().to_string(),
                width: frame.width,
                height: frame.height,
                first_width: w,
                first_height: h,
            });
        }
        Ok(frame)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_or_missing_folder_is_an_error() {
        let dir = std::env::temp_dir().join(format!("frame-folder-empty-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(dir.join("notes.txt"), "not a picture").expect("write");
        assert!(matches!(
            pictures(&dir),
            Err(FrameFolderError::NoPictures { .. })
        ));
        assert!(matches!(
            pictures(&dir.join("missing")),
            Err(FrameFolderError::Unreadable { .. })
        ));
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}
