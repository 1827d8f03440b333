//! A recorded 360° pan judged like the live one: a folder of pictures in name order, played at
//! `fps`, looked at on the app's rhythm (`analysis::look_cadence`), faces searched with the
//! same detector, the seller followed by the same `checks::pan::PanWatch`.

use crate::analysis::faces::{FaceDetector, FaceRules};
use crate::analysis::look_cadence::Cadence;
use crate::analysis::motion::{mean_abs_diff, tiny_gray};
use crate::checks::pan::PanWatch;
use crate::profile::Profile;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum PanReplayError {
    #[error("{path}: no JPEG or PNG pictures")]
    NoPictures { path: String },
    #[error("{path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{path}: {width}×{height}, the pan started at {first_width}×{first_height}")]
    SizeChanged {
        path: String,
        width: u32,
        height: u32,
        first_width: u32,
        first_height: u32,
    },
    #[error("face detector: {0}")]
    Detector(String),
}

/// The pictures of a pan folder in name order (or the one picture given).
pub fn pictures(path: &Path) -> Result<Vec<PathBuf>, PanReplayError> {
    let shown = || path.display().to_string();
    let files =
        crate::capture::image_file::pictures_in(path).map_err(|e| PanReplayError::Unreadable {
            path: shown(),
            reason: e.to_string(),
        })?;
    if files.is_empty() {
        return Err(PanReplayError::NoPictures { path: shown() });
    }
    Ok(files)
}

fn read_picture(path: &Path) -> Result<crate::analysis::frame::RgbFrame, PanReplayError> {
    crate::capture::image_file::read(path).map_err(|reason| PanReplayError::Unreadable {
        path: path.display().to_string(),
        reason,
    })
}

/// Plays the pictures at `fps` and watches them as the app's pan step would. Every picture is
/// read (a broken or resized one stops the replay with its name); only the pictures due for a
/// look are analysed.
pub fn replay(files: &[PathBuf], fps: f64, profile: &Profile) -> Result<PanWatch, PanReplayError> {
    let req = &profile.rehearsal;
    let mut detector = FaceDetector::new(FaceRules::from_profile(&profile.image))
        .map_err(PanReplayError::Detector)?;
    let mut cadence = Cadence::default();
    let mut watch = PanWatch::default();
    let mut first_size: Option<(u32, u32)> = None;
    let mut previous_tiny = None;
    for (i, path) in files.iter().enumerate() {
        let frame = read_picture(path)?;
        let (w, h) = *first_size.get_or_insert((frame.width, frame.height));
        if (frame.width, frame.height) != (w, h) {
            return Err(PanReplayError::SizeChanged {
                path: path.display().to_string(),
                width: frame.width,
                height: frame.height,
                first_width: w,
                first_height: h,
            });
        }
        let t = i as f64 / fps;
        if !cadence.look_due(t) {
            continue;
        }
        let tiny = tiny_gray(&frame);
        let motion = previous_tiny
            .as_ref()
            .map_or(0.0, |p| mean_abs_diff(p, &tiny));
        previous_tiny = Some(tiny);
        watch.observe_look(t, motion, req);
        if cadence.look(t) {
            watch.observe_faces(t, &detector.detect_look(&frame), req);
        }
    }
    Ok(watch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_or_missing_folder_is_an_error() {
        let dir = std::env::temp_dir().join(format!("pan-replay-empty-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(dir.join("notes.txt"), "not a picture").expect("write");
        assert!(matches!(
            pictures(&dir),
            Err(PanReplayError::NoPictures { .. })
        ));
        assert!(matches!(
            pictures(&dir.join("missing")),
            Err(PanReplayError::Unreadable { .. })
        ));
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}
