//! How much of the turned picture the turned search (`FaceDetector::turned`) gives the model:
//! the picture's own size, as far as the turned picture reaches, or four squares in its
//! corners. What is found is checked by the caller.

use super::face_model::FaceModel;
use super::faces::FaceBox;
use super::frame::RgbFrame;
use selfcheck_nn::ModelError;

/// How much of the turned picture the turned search gives the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TurnedReach {
    /// An input the picture's own size: turned, the picture's corners fall outside it (a live
    /// look: the whole extent is twice the pixels).
    PictureSize,
    /// An input as large as the turned picture reaches: the corners too (a still picture).
    WholeExtent,
    /// Four squares of `CORNER_PART` model pixels, one in each corner of the picture: what
    /// the picture-size input leaves out, for about the same pixels (a live look with the
    /// camera still, every other turned look of each way).
    Corners,
}

/// The side of a corner square (`TurnedReach::Corners`), in model pixels: four of them are
/// about the pixels of the picture-size input at 720p (4 × 256² against 640 × 384).
const CORNER_PART: usize = 256;

impl TurnedReach {
    /// Faces scoring at least `min_score` in `frame` shrunk by `n` (a power of two) and turned
    /// by `angle` (radians, clockwise on screen), over this reach; boxes in frame pixels.
    pub(crate) fn faces(
        self,
        model: &FaceModel,
        frame: &RgbFrame,
        (n, angle): (usize, f32),
        min_score: f32,
    ) -> Result<Vec<FaceBox>, ModelError> {
        match self {
            TurnedReach::PictureSize => model.detect_turned(frame, angle, n, min_score),
            TurnedReach::Corners => corners(model, frame, (n, angle), min_score),
            TurnedReach::WholeExtent => whole_extent(model, frame, (n, angle), min_score),
        }
    }
}

/// Four squares, each around a point inside one of the picture's corners.
fn corners(
    model: &FaceModel,
    frame: &RgbFrame,
    (n, angle): (usize, f32),
    min_score: f32,
) -> Result<Vec<FaceBox>, ModelError> {
    let k = n as f32;
    let size = CORNER_PART;
    let half = size as f32 / 2.0 * k;
    // Each square's centre three quarters of its half-side in from both edges (a quarter of
    // it beyond the picture, black); the heads the tests place in the corners lie whole
    // inside it (`leaning_heads_in_the_corners_are_seen_by_live_looks`).
    let inset = half * 0.75;
    let (fw, fh) = (frame.width as f32, frame.height as f32);
    let mut all = Vec::new();
    for centre in [
        (inset, inset),
        (fw - inset, inset),
        (inset, fh - inset),
        (fw - inset, fh - inset),
    ] {
        let found =
            model.detect_turned_part(frame, centre, (size, size), 1.0 / k, angle, min_score)?;
        // A face cut by the square's edges is the centred input's.
        all.extend(
            found
                .into_iter()
                .filter(|t| t.inside((half, half)))
                .map(|t| t.face),
        );
    }
    Ok(all)
}

/// The input as large as the turned picture reaches, around the same centre.
fn whole_extent(
    model: &FaceModel,
    frame: &RgbFrame,
    (n, angle): (usize, f32),
    min_score: f32,
) -> Result<Vec<FaceBox>, ModelError> {
    let (sw, sh) = (
        (frame.width / n as u32) as f32,
        (frame.height / n as u32) as f32,
    );
    let (sin, cos) = (angle.sin().abs(), angle.cos().abs());
    let up = |len: f32| ((len / 32.0).ceil() as usize).max(1) * 32;
    let size = (up(sw * cos + sh * sin), up(sw * sin + sh * cos));
    let centre = (frame.width as f32 / 2.0, frame.height as f32 / 2.0);
    model
        .detect_turned_part(frame, centre, size, 1.0 / n as f32, angle, min_score)
        .map(|found| found.into_iter().map(|t| t.face).collect())
}
