//! The mouth of the person reading, frame after frame: the face finder picks the largest face,
//! then the face mesh follows it from its own points (as MediaPipe does), and the finder runs
//! again only when the mesh loses the face.

use super::face_mesh::{FaceMesh, Mesh, Square};
use super::faces::{FaceDetector, FaceRules};
use super::frame::RgbFrame;

/// While no face is followed, the face finder (the costly part) looks this often: a face
/// coming into view is found within a fifth of a second, and an empty picture costs little.
const FIND_EVERY_S: f64 = 0.2;

pub struct MouthTracker {
    detector: FaceDetector,
    mesh: FaceMesh,
    square: Option<Square>,
    /// When the finder last looked (seconds on the caller's clock).
    last_find_s: Option<f64>,
}

impl MouthTracker {
    pub fn new(rules: FaceRules) -> Result<MouthTracker, String> {
        Ok(MouthTracker {
            detector: FaceDetector::new(rules)?,
            mesh: FaceMesh::load().map_err(|e| e.to_string())?,
            square: None,
            last_find_s: None,
        })
    }

    /// The mesh on the reader's face in the frame taken at `t_s`, or `None` when no face is in
    /// view.
    pub fn look(&mut self, frame: &RgbFrame, t_s: f64) -> Option<Mesh> {
        if let Some(square) = self.square.take()
            && let Some(mesh) = self.fit(frame, square)
        {
            return Some(mesh);
        }
        // Lost (or the first frame): the largest face the finder sees.
        if self
            .last_find_s
            .is_some_and(|last| t_s >= last && t_s - last < FIND_EVERY_S)
        {
            return None;
        }
        self.last_find_s = Some(t_s);
        let face = self.detector.detect_look(frame).into_iter().next()?;
        self.fit(frame, Square::around(&face))
    }

    fn fit(&mut self, frame: &RgbFrame, square: Square) -> Option<Mesh> {
        // A frame the model cannot take is a frame without a face, not a stopped reading.
        let mesh = self.mesh.fit(frame, square).ok().flatten()?;
        self.square = Some(mesh.next_square());
        Some(mesh)
    }
}
