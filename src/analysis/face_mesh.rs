//! MediaPipe's face mesh (Apache-2.0, `assets/models/face_landmark.scnn`), run by the pure-Rust
//! engine in `nn`: a square around one face, turned so the eyes are level, is scaled to 192×192
//! and the model places 468 points on the face and says whether a face is there at all. The
//! lips' points give the mouth's opening; the points give the next frame's square (tracking, as
//! MediaPipe does), so the face finder runs only when the face is lost.

use super::faces::FaceBox;
use super::frame::{Rect, RgbFrame};
use selfcheck_nn::{ModelError, Network, Tensor};

static MODEL: &[u8] = include_bytes!("../../assets/models/face_landmark.scnn");

/// The square around a face is the face (or its points' extent) grown this much (MediaPipe's
/// own setting for this model: the mesh was trained on such squares).
const GROW: f32 = 1.5;
/// A fit counts as a face when the model is at least this sure (MediaPipe's tracking default).
const MIN_PRESENCE: f32 = 0.5;

/// Points of the mesh this code reads (MediaPipe's numbering).
mod point {
    /// Inner edge of the upper lip, middle.
    pub const UPPER_LIP_INNER: usize = 13;
    /// Inner edge of the lower lip, middle.
    pub const LOWER_LIP_INNER: usize = 14;
    /// Outer corners of the eyes: the seller's right, then left.
    pub const RIGHT_EYE_OUTER: usize = 33;
    pub const LEFT_EYE_OUTER: usize = 263;
    /// The lips' outline: corners, top, bottom.
    pub const MOUTH: [usize; 4] = [61, 291, 0, 17];
}

pub struct FaceMesh {
    net: Network,
}

/// A square in the frame, turned by `angle` (radians, clockwise on screen).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Square {
    pub cx: f32,
    pub cy: f32,
    pub side: f32,
    pub angle: f32,
}

/// The mesh on one face: points in frame pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Mesh {
    pub points: Vec<(f32, f32)>,
    /// How sure the model is that a face fills the square, 0–1.
    pub presence: f32,
}

impl FaceMesh {
    pub fn load() -> Result<FaceMesh, ModelError> {
        Ok(FaceMesh {
            net: Network::parse(MODEL)?,
        })
    }

    /// The model's raw outputs for a prepared 192×192 input (values 0–1): 468 × (x, y, z) in
    /// input pixels, and the face-presence logit.
    pub fn raw(&self, input: Tensor) -> Result<(Vec<f32>, f32), ModelError> {
        let mut out = self.net.run(input)?;
        let points = out
            .remove("landmarks")
            .map(|mut t| std::mem::take(&mut t.data));
        let flag = out
            .remove("face_flag")
            .and_then(|t| t.data.first().copied());
        points.zip(flag).ok_or_else(|| {
            ModelError::Format("outputs 'landmarks' and 'face_flag' expected".into())
        })
    }

    /// The mesh in `square` of `frame`; `None` when the model sees no face there.
    pub fn fit(&self, frame: &RgbFrame, square: Square) -> Result<Option<Mesh>, ModelError> {
        let size = self.net.input.trained_size;
        let input = sample_square(frame, square, size);
        let (raw, logit) = self.raw(input)?;
        let presence = 1.0 / (1.0 + (-logit.clamp(-50.0, 50.0)).exp());
        if presence < MIN_PRESENCE {
            return Ok(None);
        }
        let points = raw
            .chunks_exact(3)
            .map(|p| square.to_frame(p[0] / size as f32, p[1] / size as f32))
            .collect();
        Ok(Some(Mesh { points, presence }))
    }
}

impl Square {
    /// The square MediaPipe cuts around a face the detector found (level: the detector gives
    /// no eye points here, and the mesh's own square takes over from the next frame).
    pub fn around(face: &FaceBox) -> Square {
        let r = face.rect;
        Square {
            cx: r.x as f32 + r.w as f32 / 2.0,
            cy: r.y as f32 + r.h as f32 / 2.0,
            side: r.w.max(r.h) as f32 * GROW,
            angle: 0.0,
        }
    }

    /// Where the point at (`u`, `v`) of the square (0–1 across, 0–1 down) lies in the frame.
    pub fn to_frame(&self, u: f32, v: f32) -> (f32, f32) {
        let (dx, dy) = ((u - 0.5) * self.side, (v - 0.5) * self.side);
        let (s, c) = self.angle.sin_cos();
        (self.cx + dx * c - dy * s, self.cy + dx * s + dy * c)
    }
}

impl Mesh {
    fn at(&self, i: usize) -> (f32, f32) {
        self.points.get(i).copied().unwrap_or((0.0, 0.0))
    }

    /// The distance between the outer corners of the eyes (about 9 cm on an adult).
    pub fn eye_span(&self) -> f32 {
        distance(
            self.at(point::RIGHT_EYE_OUTER),
            self.at(point::LEFT_EYE_OUTER),
        )
    }

    /// The gap between the lips' inner edges in eye spans: ~0 closed, 0.1–0.3 speaking. A
    /// ratio, so it is the same near the camera and far from it.
    pub fn mouth_opening(&self) -> f32 {
        let span = self.eye_span();
        if span <= 0.0 {
            return 0.0;
        }
        distance(
            self.at(point::UPPER_LIP_INNER),
            self.at(point::LOWER_LIP_INNER),
        ) / span
    }

    /// The lips' box in frame pixels (for marking the mouth on the preview).
    pub fn mouth_rect(&self) -> Rect {
        bounds(point::MOUTH.iter().map(|&i| self.at(i)), 0.15)
    }

    /// The face's box in frame pixels.
    pub fn face_rect(&self) -> Rect {
        bounds(self.points.iter().copied(), 0.0)
    }

    /// The square for the next frame: the points' extent along the eye line, grown as the model
    /// expects, turned so the eyes are level.
    pub fn next_square(&self) -> Square {
        let (r, l) = (
            self.at(point::RIGHT_EYE_OUTER),
            self.at(point::LEFT_EYE_OUTER),
        );
        let angle = (l.1 - r.1).atan2(l.0 - r.0);
        let (s, c) = angle.sin_cos();
        // The points in the turned square's axes.
        let (mut u0, mut u1, mut v0, mut v1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
        for &(x, y) in &self.points {
            let (u, v) = (x * c + y * s, -x * s + y * c);
            (u0, u1, v0, v1) = (u0.min(u), u1.max(u), v0.min(v), v1.max(v));
        }
        let (mu, mv) = ((u0 + u1) / 2.0, (v0 + v1) / 2.0);
        Square {
            cx: mu * c - mv * s,
            cy: mu * s + mv * c,
            side: (u1 - u0).max(v1 - v0) * GROW,
            angle,
        }
    }
}

fn distance(a: (f32, f32), b: (f32, f32)) -> f32 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

/// The box around `points`, grown by `margin` of its width on each side.
fn bounds(points: impl Iterator<Item = (f32, f32)>, margin: f32) -> Rect {
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for (x, y) in points {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    if x0 > x1 {
        return Rect {
            x: 0,
            y: 0,
            w: 0,
            h: 0,
        };
    }
    let m = (x1 - x0) * margin;
    let (x0, y0) = ((x0 - m).max(0.0), (y0 - m).max(0.0));
    Rect {
        x: x0 as u32,
        y: y0 as u32,
        w: (x1 + m - x0).max(0.0) as u32,
        h: (y1 + m - y0).max(0.0) as u32,
    }
}

/// The turned square of `frame` as a `size`×`size` input, values 0–1
/// (`selfcheck_nn::rgb_turned_square`).
pub fn sample_square(frame: &RgbFrame, square: Square, size: usize) -> Tensor {
    selfcheck_nn::rgb_turned_square(
        &frame.data,
        (frame.width as usize, frame.height as usize),
        (square.cx, square.cy),
        square.side,
        square.angle,
        size,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_turned_square_maps_its_corners_around_the_centre() {
        let sq = Square {
            cx: 100.0,
            cy: 50.0,
            side: 20.0,
            angle: std::f32::consts::FRAC_PI_2,
        };
        let (x, y) = sq.to_frame(1.0, 0.5);
        assert!(
            (x - 100.0).abs() < 1e-4 && (y - 60.0).abs() < 1e-4,
            "{x} {y}"
        );
        let (x, y) = sq.to_frame(0.5, 0.5);
        assert!((x - 100.0).abs() < 1e-4 && (y - 50.0).abs() < 1e-4);
    }

    #[test]
    fn the_next_square_of_level_points_is_their_grown_extent() {
        let mut points = vec![(0.0, 0.0); 468];
        points[point::RIGHT_EYE_OUTER] = (40.0, 40.0);
        points[point::LEFT_EYE_OUTER] = (80.0, 40.0);
        points[0] = (20.0, 20.0);
        points[1] = (100.0, 120.0);
        for p in points.iter_mut().skip(2) {
            if *p == (0.0, 0.0) {
                *p = (60.0, 70.0);
            }
        }
        let mesh = Mesh {
            points,
            presence: 1.0,
        };
        let sq = mesh.next_square();
        assert!(sq.angle.abs() < 1e-6);
        assert!(
            (sq.cx - 60.0).abs() < 1e-3 && (sq.cy - 70.0).abs() < 1e-3,
            "{sq:?}"
        );
        assert!((sq.side - 150.0).abs() < 1e-3, "{sq:?}");
    }
}
