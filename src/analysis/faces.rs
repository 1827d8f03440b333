//! Face detection (rustface, the SeetaFace frontal cascade, model embedded) on a downscaled
//! grey copy, and counting of *people*: the portrait printed on an ID card is a face but not
//! a person.

use super::frame::{Rect, RgbFrame, analysis_factor, downscale_gray, small_gray};

static MODEL: &[u8] = include_bytes!("../../assets/models/seeta_fd_frontal_v1.0.bin");

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FaceBox {
    pub rect: Rect,
    pub score: f64,
}

/// Why a detected face is not counted as a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAPerson {
    /// Its centre lies inside the ID card region.
    OnTheCard,
}

pub struct FaceDetector {
    inner: Box<dyn rustface::Detector>,
    /// Frames are scaled so their longer side is at most this before detection.
    pub max_side: u32,
}

impl FaceDetector {
    /// `min_face_px`: the smallest face searched for, at analysis scale; `min_score`: the
    /// score a face needs (both from the profile's `[image]`).
    pub fn new(min_face_px: u32, min_score: f64) -> Result<FaceDetector, String> {
        let model = rustface::read_model(std::io::Cursor::new(MODEL)).map_err(|e| e.to_string())?;
        let mut inner = rustface::create_detector_with_model(model);
        inner.set_min_face_size(min_face_px);
        inner.set_score_thresh(min_score);
        inner.set_pyramid_scale_factor(0.8);
        inner.set_slide_window_step(4, 4);
        Ok(FaceDetector {
            inner,
            max_side: 640,
        })
    }

    /// Faces in a grey frame, in frame coordinates, largest first.
    pub fn detect(&mut self, gray: &[u8], width: u32, height: u32) -> Vec<FaceBox> {
        let factor = width.max(height).div_ceil(self.max_side).max(1);
        let (small, w, h) = downscale_gray(gray, width, height, factor);
        self.detect_scaled(&small, w, h, factor, width, height)
    }

    /// Faces in a colour frame, searched on the grey copy at analysis scale (as the live
    /// preview and the recorded pan do).
    pub fn detect_frame(&mut self, frame: &RgbFrame) -> Vec<FaceBox> {
        let factor = analysis_factor(frame.width, frame.height);
        let (small, sw, sh) = small_gray(frame, factor);
        self.detect_scaled(&small, sw, sh, factor, frame.width, frame.height)
    }

    /// Faces in an already downscaled grey frame (`factor` smaller than `width`×`height`),
    /// returned in full-frame coordinates.
    pub fn detect_scaled(
        &mut self,
        small: &[u8],
        w: u32,
        h: u32,
        factor: u32,
        width: u32,
        height: u32,
    ) -> Vec<FaceBox> {
        if w < 24 || h < 24 || small.len() != (w * h) as usize {
            return Vec::new();
        }
        let image = rustface::ImageData::new(small, w, h);
        let mut faces: Vec<FaceBox> = self
            .inner
            .detect(&image)
            .iter()
            .map(|f| {
                let b = f.bbox();
                let clamp = |v: i32, max: u32| (v.max(0) as u32).min(max);
                let x = clamp(b.x(), w) * factor;
                let y = clamp(b.y(), h) * factor;
                let rw = (b.width() * factor).min(width.saturating_sub(x));
                let rh = (b.height() * factor).min(height.saturating_sub(y));
                FaceBox {
                    rect: Rect { x, y, w: rw, h: rh },
                    score: f.score(),
                }
            })
            .filter(|f| f.rect.w > 0 && f.rect.h > 0)
            .collect();
        faces.sort_by_key(|f| std::cmp::Reverse(f.rect.area()));
        faces
    }
}

/// Splits faces into people and faces that are not people: only the ID card's own portrait
/// is not a person. A face far behind the seller, or on a poster, is counted — the platform
/// counts it too.
pub fn people(faces: &[FaceBox], card: Option<Rect>) -> (Vec<FaceBox>, Vec<(FaceBox, NotAPerson)>) {
    let mut yes = Vec::new();
    let mut no = Vec::new();
    for f in faces {
        if card.is_some_and(|c| c.contains_centre_of(&f.rect)) {
            no.push((*f, NotAPerson::OnTheCard));
        } else {
            yes.push(*f);
        }
    }
    (yes, no)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn face(x: u32, y: u32, w: u32) -> FaceBox {
        FaceBox {
            rect: Rect { x, y, w, h: w },
            score: 5.0,
        }
    }

    #[test]
    fn only_the_card_portrait_is_not_a_person() {
        let faces = [face(300, 100, 200), face(620, 420, 40), face(50, 50, 160)];
        let card = Rect {
            x: 560,
            y: 380,
            w: 170,
            h: 107,
        };
        let (yes, no) = people(&faces, Some(card));
        assert_eq!(yes.len(), 2);
        assert_eq!(no, vec![(faces[1], NotAPerson::OnTheCard)]);
        let (yes, no) = people(&faces, None);
        assert_eq!(yes.len(), 3);
        assert!(no.is_empty());
    }

    #[test]
    fn detector_loads_and_handles_tiny_frames() {
        let mut d = FaceDetector::new(32, 2.0).expect("model");
        assert!(d.detect(&[0u8; 16], 4, 4).is_empty());
        assert!(d.detect(&vec![128u8; 320 * 240], 320, 240).is_empty());
    }
}
