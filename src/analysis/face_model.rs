//! YuNet, libfacedetection's face detector (BSD-3-Clause, `assets/models/`), run by the
//! pure-Rust engine in `nn`: a picture (or a part of it) is scaled and padded to a multiple of
//! 32, and every cell of the model's three grids (8, 16 and 32 input pixels) proposes one face
//! with a score and a box; overlapping proposals merge.

use super::faces::FaceBox;
use super::frame::{Rect, RgbFrame};
use selfcheck_nn::{ModelError, Network, Tensor};

static MODEL: &[u8] = include_bytes!("../../assets/models/face_detection_yunet.scnn");

/// Proposals overlapping the best one by more than this (intersection over union) merge into it
/// (MediaPipe's setting, kept from the earlier detector: the engine averages overlapping
/// proposals where libfacedetection keeps the best one).
const MERGE_IOU: f32 = 0.3;
/// The model's grids: one proposal per cell of this many input pixels.
const STRIDES: [usize; 3] = [8, 16, 32];

pub struct FaceModel {
    net: Network,
}

/// One proposal in model-input pixels: a square around the face, `side` as wide as YuNet's
/// box is tall (brow to chin; its boxes are narrower than tall).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Proposal {
    pub score: f32,
    pub cx: f32,
    pub cy: f32,
    pub side: f32,
}

/// The model's raw outputs for one grid: per cell the face score's and objectness's logits and
/// four box values.
pub struct Grid {
    pub stride: usize,
    pub w: usize,
    pub cls: Vec<f32>,
    pub obj: Vec<f32>,
    pub boxes: Vec<f32>,
}

impl FaceModel {
    pub fn load() -> Result<FaceModel, ModelError> {
        Ok(FaceModel {
            net: Network::parse(MODEL)?,
        })
    }

    /// Raw outputs for a prepared input, one per grid.
    pub fn raw(&self, input: Tensor) -> Result<Vec<Grid>, ModelError> {
        let w = input.w;
        let mut out = self.net.run(input)?;
        STRIDES
            .iter()
            .map(|&stride| {
                let mut take = |name: &str| {
                    out.remove(&format!("{name}{stride}"))
                        .map(|mut t| std::mem::take(&mut t.data))
                        .ok_or_else(|| {
                            ModelError::Format(format!("output {name}{stride} expected"))
                        })
                };
                Ok(Grid {
                    stride,
                    w: w / stride,
                    cls: take("cls")?,
                    obj: take("obj")?,
                    boxes: take("box")?,
                })
            })
            .collect()
    }

    /// Faces scoring at least `min_score` (0–1) in `region` of `frame`, searched with the region
    /// scaled by `scale` (model pixels per frame pixel); boxes in frame pixels, best first.
    pub fn detect(
        &self,
        frame: &RgbFrame,
        region: Rect,
        scale: f32,
        min_score: f32,
    ) -> Result<Vec<FaceBox>, ModelError> {
        Ok(self
            .proposals(prepare(frame, region, scale), min_score)?
            .into_iter()
            .filter_map(|p| to_frame(&p, region, scale, frame))
            .collect())
    }

    /// The merged proposals scoring at least `min_score` for a prepared input, in its pixels.
    fn proposals(&self, input: Tensor, min_score: f32) -> Result<Vec<Proposal>, ModelError> {
        let grids = self.raw(input)?;
        Ok(merge(
            grids.iter().flat_map(|g| decode(g, min_score)).collect(),
        ))
    }

    /// Faces scoring at least `min_score` in the whole `frame` shrunk by `n` (a power of two)
    /// and turned by `angle` (radians, clockwise on screen): heads leaning that way. Boxes in
    /// frame pixels: a square around the face's centre turned back, as wide as found.
    pub fn detect_turned(
        &self,
        frame: &RgbFrame,
        angle: f32,
        n: usize,
        min_score: f32,
    ) -> Result<Vec<FaceBox>, ModelError> {
        let (w, h) = (frame.width as usize, frame.height as usize);
        let input = selfcheck_nn::rgb_turned(&frame.data, (w, h), angle, n, 32);
        // The turned input's centre is the shrunk picture's centre.
        let (cx, cy) = ((w / n.max(1)) as f32 / 2.0, (h / n.max(1)) as f32 / 2.0);
        let (sin, cos) = angle.sin_cos();
        let k = n.max(1) as f32;
        let whole = Rect {
            x: 0,
            y: 0,
            w: frame.width,
            h: frame.height,
        };
        Ok(self
            .proposals(input, min_score)?
            .into_iter()
            .filter_map(|p| {
                let (u, v) = (p.cx - cx, p.cy - cy);
                let back = Proposal {
                    cx: (cx + u * cos - v * sin) * k,
                    cy: (cy + u * sin + v * cos) * k,
                    side: p.side * k,
                    ..p
                };
                to_frame(&back, whole, 1.0, frame)
            })
            .collect())
    }

    /// Faces scoring at least `min_score` in a part of `frame` turned by `angle` (radians,
    /// clockwise on screen) and scaled by `scale` (model pixels per frame pixel): an input of
    /// `size` model pixels (multiples of 32) whose centre shows the frame's point `centre`
    /// (`selfcheck_nn::rgb_turned_part`; black beyond the frame). Heads leaning `angle` stand
    /// upright in it. Each face with where it is in the part: its centre's offset from the
    /// part's centre along the part's own axes, and its width, in frame pixels.
    pub fn detect_turned_part(
        &self,
        frame: &RgbFrame,
        centre: (f32, f32),
        size: (usize, usize),
        scale: f32,
        angle: f32,
        min_score: f32,
    ) -> Result<Vec<TurnedFace>, ModelError> {
        let (w, h) = (frame.width as usize, frame.height as usize);
        let input = selfcheck_nn::rgb_turned_part(&frame.data, (w, h), centre, size, scale, angle);
        let (sin, cos) = angle.sin_cos();
        let (hw, hh) = (size.0 as f32 / 2.0, size.1 as f32 / 2.0);
        let whole = Rect {
            x: 0,
            y: 0,
            w: frame.width,
            h: frame.height,
        };
        Ok(self
            .proposals(input, min_score)?
            .into_iter()
            .filter_map(|p| {
                let (u, v) = ((p.cx - hw) / scale, (p.cy - hh) / scale);
                let back = Proposal {
                    cx: centre.0 + u * cos - v * sin,
                    cy: centre.1 + u * sin + v * cos,
                    side: p.side / scale,
                    ..p
                };
                let face = to_frame(&back, whole, 1.0, frame)?;
                Some(TurnedFace {
                    face,
                    offset: (u, v),
                    side: back.side,
                })
            })
            .collect())
    }
}

/// A face found in a turned part (`FaceModel::detect_turned_part`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TurnedFace {
    /// In frame pixels: a square around the face's centre, as wide as found.
    pub face: FaceBox,
    /// The face's centre from the part's centre, along the part's axes, in frame pixels…
    pub offset: (f32, f32),
    /// …and its width.
    pub side: f32,
}

impl TurnedFace {
    /// Whether the face lies whole inside a part `half` frame pixels (across, down) each
    /// way from its centre.
    pub fn inside(&self, half: (f32, f32)) -> bool {
        let r = self.side / 2.0;
        self.offset.0.abs() + r <= half.0 && self.offset.1.abs() + r <= half.1
    }
}

/// The region scaled by `scale`, as the model's input (see `selfcheck_nn::rgb_region`).
pub fn prepare(frame: &RgbFrame, region: Rect, scale: f32) -> Tensor {
    let size = (frame.width as usize, frame.height as usize);
    let r = (
        region.x as usize,
        region.y as usize,
        region.w as usize,
        region.h as usize,
    );
    selfcheck_nn::rgb_region(&frame.data, size, r, scale, 32)
}

fn sigmoid(v: f32) -> f32 {
    1.0 / (1.0 + (-v.clamp(-100.0, 100.0)).exp())
}

/// Proposals of one grid whose score — the geometric mean of the face score and the
/// objectness, as libfacedetection computes it — reaches `min_score`.
pub fn decode(g: &Grid, min_score: f32) -> Vec<Proposal> {
    if g.w == 0 {
        return Vec::new();
    }
    let s = g.stride as f32;
    g.cls
        .iter()
        .zip(&g.obj)
        .enumerate()
        .filter_map(|(i, (&cls, &obj))| {
            let score = (sigmoid(cls) * sigmoid(obj)).sqrt();
            if score < min_score {
                return None;
            }
            let r = g.boxes.get(i * 4..i * 4 + 4)?;
            let (col, row) = ((i % g.w) as f32, (i / g.w) as f32);
            Some(Proposal {
                score,
                cx: (col + r[0]) * s,
                cy: (row + r[1]) * s,
                side: r[3].clamp(-10.0, 10.0).exp() * s,
            })
        })
        .collect()
}

fn iou(a: &Proposal, b: &Proposal) -> f32 {
    let (ha, hb) = (a.side / 2.0, b.side / 2.0);
    let ix = (a.cx + ha).min(b.cx + hb) - (a.cx - ha).max(b.cx - hb);
    let iy = (a.cy + ha).min(b.cy + hb) - (a.cy - ha).max(b.cy - hb);
    let inter = ix.max(0.0) * iy.max(0.0);
    let union = a.side * a.side + b.side * b.side - inter;
    if union > 0.0 { inter / union } else { 0.0 }
}

/// Weighted merging (as MediaPipe does): the best proposal takes every proposal overlapping it,
/// and its box becomes their score-weighted mean.
pub fn merge(mut proposals: Vec<Proposal>) -> Vec<Proposal> {
    proposals.sort_by(|a, b| b.score.total_cmp(&a.score));
    let mut out = Vec::new();
    while let Some(best) = proposals.first().copied() {
        let (group, rest): (Vec<Proposal>, Vec<Proposal>) = proposals
            .into_iter()
            .partition(|p| iou(&best, p) > MERGE_IOU);
        let total: f32 = group.iter().map(|p| p.score).sum();
        let mean =
            |f: fn(&Proposal) -> f32| group.iter().map(|p| f(p) * p.score).sum::<f32>() / total;
        out.push(Proposal {
            score: best.score,
            cx: mean(|p| p.cx),
            cy: mean(|p| p.cy),
            side: mean(|p| p.side),
        });
        proposals = rest;
    }
    out
}

/// A proposal in frame pixels, clipped to the frame (None when nothing is left).
fn to_frame(p: &Proposal, region: Rect, scale: f32, frame: &RgbFrame) -> Option<FaceBox> {
    let half = p.side / 2.0;
    let x0 = region.x as f32 + (p.cx - half) / scale;
    let y0 = region.y as f32 + (p.cy - half) / scale;
    let x1 = region.x as f32 + (p.cx + half) / scale;
    let y1 = region.y as f32 + (p.cy + half) / scale;
    let clip = |v: f32, max: u32| v.round().clamp(0.0, max as f32) as u32;
    let (x0, y0, x1, y1) = (
        clip(x0, frame.width),
        clip(y0, frame.height),
        clip(x1, frame.width),
        clip(y1, frame.height),
    );
    (x1 > x0 && y1 > y0).then(|| FaceBox {
        rect: Rect {
            x: x0,
            y: y0,
            w: x1 - x0,
            h: y1 - y0,
        },
        score: f64::from(p.score),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_proposals_merge_and_apart_ones_stay() {
        let p = |score, cx| Proposal {
            score,
            cx,
            cy: 50.0,
            side: 20.0,
        };
        let merged = merge(vec![p(0.9, 50.0), p(0.6, 52.0), p(0.8, 150.0)]);
        assert_eq!(merged.len(), 2);
        assert!(merged[0].cx > 50.0 && merged[0].cx < 51.0);
        assert_eq!(merged[1].cx, 150.0);
    }

    /// The portrait fixture's face, as a frame.
    fn portrait() -> RgbFrame {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/images/one_face_portrait.jpg"
        );
        let img = image::open(path).expect("the portrait").to_rgb8();
        RgbFrame {
            width: img.width(),
            height: img.height(),
            data: img.into_raw(),
        }
    }

    #[test]
    fn a_face_found_in_a_turned_part_is_where_it_is_in_the_frame() {
        let model = FaceModel::load().expect("model");
        let frame = portrait();
        let whole = Rect {
            x: 0,
            y: 0,
            w: frame.width,
            h: frame.height,
        };
        // The face upright, the picture shrunk to a quarter.
        let upright = model.detect(&frame, whole, 0.25, 0.7).expect("runs");
        assert_eq!(upright.len(), 1, "{upright:?}");
        let face = upright[0].rect;
        let centre = (
            face.x as f32 + face.w as f32 / 2.0,
            face.y as f32 + face.h as f32 / 2.0,
        );
        // A part around a point off the face's centre, unturned and turned a little either
        // way (the model finds a head leaning ~15° as well): the same face, where it is.
        let at = (centre.0 + 60.0, centre.1 - 40.0);
        for angle in [0.0f32, 0.25, -0.25] {
            let found = model
                .detect_turned_part(&frame, at, (256, 256), 0.25, angle, 0.7)
                .expect("runs");
            assert_eq!(found.len(), 1, "angle {angle}: {found:?}");
            let f = found[0];
            let (fx, fy) = (
                f.face.rect.x as f32 + f.face.rect.w as f32 / 2.0,
                f.face.rect.y as f32 + f.face.rect.h as f32 / 2.0,
            );
            let off = (fx - centre.0).hypot(fy - centre.1);
            assert!(off < 0.08 * face.w as f32, "angle {angle}: {off} px off");
            assert!(
                (f.side - face.w as f32).abs() < 0.1 * face.w as f32,
                "{f:?}"
            );
            // Its offset is the face's centre from the part's, along the part's axes.
            assert!((f.offset.0.hypot(f.offset.1) - 72.1).abs() < 0.08 * face.w as f32);
            assert!(f.inside((512.0, 512.0)) && !f.inside((60.0, 60.0)));
        }
    }
}
