//! A recorded 360° pan judged like the live one: a folder of pictures in name order, played at
//! `fps`, looked at on the app's rhythm (`analysis::look_cadence`), faces searched with the
//! same detector, the seller followed by the same `checks::pan::PanWatch`.

use crate::analysis::faces::{FaceDetector, FaceRules};
use crate::analysis::look_cadence::Cadence;
use crate::analysis::motion::{mean_abs_diff, tiny_gray};
use crate::checks::pan::PanWatch;
use crate::profile::Profile;
use std::path::PathBuf;

pub use super::frame_folder::{FrameFolderError as PanReplayError, pictures};

/// Plays the pictures at `fps` and watches them as the app's pan step would. Every picture is
/// read (a broken or resized one stops the replay with its name); only the pictures due for a
/// look are analysed.
pub fn replay(files: &[PathBuf], fps: f64, profile: &Profile) -> Result<PanWatch, PanReplayError> {
    let req = &profile.rehearsal;
    let mut detector = FaceDetector::new(FaceRules::from_profile(&profile.image))
        .map_err(PanReplayError::Model)?;
    detector.set_panning(true);
    let mut cadence = Cadence::default();
    let mut watch = PanWatch::default();
    let mut reader = super::frame_folder::FrameReader::default();
    let mut previous_tiny = None;
    for (i, path) in files.iter().enumerate() {
        let frame = reader.read(path)?;
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
            let faces = detector.detect_look(&frame);
            watch.observe_faces(t, &faces, frame.width, detector.last_slide(), req);
        }
    }
    Ok(watch)
}
