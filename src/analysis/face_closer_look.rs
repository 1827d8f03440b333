//! The smallest faces, looked at closer. The finest level (faces of 24–72 px at 720p, people
//! 2–6 m away) is searched enlarged so that its smallest faces are `candidate_model_px` (32)
//! wide to the model, with a low score (`face_candidate_score`): what it finds there is only
//! a place to look. Each place is searched again in a region four faces wide, enlarged so
//! that the level's smallest faces are `fine_model_px` (48) wide — where the scores of faces
//! turned away stop rising (README, "The face detector") — and a face counts only from the
//! score limit there and in the mirror at that scale, as when the whole level was searched at
//! 48, which found the same faces with about twice the model's pixels of a whole look.

use super::face_model::FaceModel;
use super::face_search::Pass;
use super::faces::FaceBox;
use super::frame::{Rect, RgbFrame};
use selfcheck_nn::ModelError;

/// The region searched again reaches this many face widths across: the face and a width and a
/// half of what is around it on each side. Real faces placed on pictures scored there as in
/// the whole level's tiles (three widths: the same on average, a few hundredths less for some);
/// a carved face in a small held-out photo lost 0.13 with three and nothing with four (so the
/// width was chosen on a held-out picture: README).
const REGION_FACES: f32 = 4.0;

/// How a place is looked at closer: upright (unless the turned search found it), and turned
/// by each of these angles (radians, clockwise on screen) when nothing is found upright.
#[derive(Debug, Clone, Copy)]
pub struct Ways<'a> {
    pub upright: bool,
    pub turned: &'a [f32],
    /// Smear lengths (pixels along the rows) to undo when nothing is found upright or turned:
    /// a turning camera's picture (`face_unsmear`). Empty when the camera is still.
    pub smears: &'a [u32],
}

/// A face judged, and the scale (model pixels per frame pixel) it was judged at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Judged {
    pub face: FaceBox,
    pub scale: f32,
    /// Found in the region turned by this angle (radians, clockwise on screen; 0: upright).
    pub angle: f32,
    /// Found in the region unsmeared by this many pixels along the rows (0: as it is).
    pub smear: u32,
}

/// The square of the frame searched again around `found` at `scale`: `REGION_FACES` widths of
/// the place, or of the smallest face the enlargement is made for if wider, moved inside the
/// frame.
pub fn region(found: Rect, scale: f32, fine_model_px: f32, frame: (u32, u32)) -> Rect {
    let (fw, fh) = frame;
    let face_w = (fine_model_px / scale).max(found.w as f32);
    let side = (REGION_FACES * face_w).ceil() as u32;
    let (w, h) = (side.min(fw), side.min(fh));
    let (cx, cy) = (found.x + found.w / 2, found.y + found.h / 2);
    Rect {
        x: cx.saturating_sub(w / 2).min(fw - w),
        y: cy.saturating_sub(h / 2).min(fh - h),
        w,
        h,
    }
}

/// The faces at a place `found` by `pass` (scoring at least the candidate score there), judged
/// with `min_score`: as found by a pass that enlarges nothing, else every face the closer
/// look finds whole in its region, looked at the `ways` asked.
pub fn judge(
    model: &FaceModel,
    frame: &RgbFrame,
    found: FaceBox,
    pass: &Pass,
    fine_model_px: f32,
    min_score: f32,
    ways: Ways,
) -> Result<Vec<Judged>, ModelError> {
    let k = pass.closer;
    if k <= 1.0 {
        let kept = f64::from(min_score) <= found.score;
        return Ok(kept
            .then_some(Judged {
                face: found,
                scale: pass.scale,
                angle: 0.0,
                smear: 0,
            })
            .into_iter()
            .collect());
    }
    let scale = pass.scale * k;
    let around = region(
        found.rect,
        scale,
        fine_model_px,
        (frame.width, frame.height),
    );
    let straight = if ways.upright {
        model.detect(frame, around, scale, min_score)?
    } else {
        Vec::new()
    };
    let mut judged: Vec<Judged> = straight
        .into_iter()
        .filter(|f| !super::faces::cut_by_tile(f.rect, around, frame))
        .map(|face| Judged {
            face,
            scale,
            angle: 0.0,
            smear: 0,
        })
        .collect();
    // Heads leaning: the same square around the place, turned each way asked (it shows the
    // picture around the place, where the region above was moved inside the frame).
    let centre = (
        found.rect.x as f32 + found.rect.w as f32 / 2.0,
        found.rect.y as f32 + found.rect.h as f32 / 2.0,
    );
    let side = around.w.max(around.h) as f32;
    let size = ((side * scale / 32.0).ceil() as usize).max(1) * 32;
    let half = size as f32 / 2.0 / scale;
    // A face found upright needs no turned look (another face nearby has its own place).
    let turned = if judged.is_empty() { ways.turned } else { &[] };
    for &angle in turned {
        for t in model.detect_turned_part(frame, centre, (size, size), scale, angle, min_score)? {
            if t.inside((half, half)) {
                judged.push(Judged {
                    face: t.face,
                    scale,
                    angle,
                    smear: 0,
                });
            }
        }
    }
    // A face smeared by the turn: the same region unsmeared, the shortest length first.
    let smears = if judged.is_empty() { ways.smears } else { &[] };
    for &length in smears {
        let (part, inside) = super::face_unsmear::unsmeared_around(frame, around, length);
        let left = around.x - inside.x;
        for face in model.detect(&part, inside, scale, min_score)? {
            let rect = Rect {
                x: face.rect.x + left,
                y: face.rect.y + around.y,
                ..face.rect
            };
            // Cut by the region's edges as the upright look judges it, in the frame.
            if super::faces::cut_by_tile(rect, around, frame) {
                continue;
            }
            judged.push(Judged {
                face: FaceBox { rect, ..face },
                scale,
                angle: 0.0,
                smear: length,
            });
        }
        if !judged.is_empty() {
            break;
        }
    }
    Ok(judged)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pass(scale: f32, closer: f32) -> Pass {
        Pass {
            region: Rect {
                x: 0,
                y: 0,
                w: 320,
                h: 288,
            },
            scale,
            min_face: 0.0,
            max_face: 72.0,
            closer,
        }
    }

    fn rect(x: u32, y: u32, w: u32) -> Rect {
        Rect { x, y, w, h: w }
    }

    const UPRIGHT: Ways = Ways {
        upright: true,
        turned: &[],
        smears: &[],
    };

    #[test]
    fn the_region_is_four_faces_wide_around_the_place_and_inside_the_frame() {
        // A 24-px place judged at scale 2: four 24-px faces.
        let r = region(rect(600, 300, 24), 2.0, 48.0, (1280, 720));
        assert_eq!((r.w, r.h), (96, 96));
        assert!(r.contains_centre_of(&rect(600, 300, 24)));
        // A 16-px place judged at scale 2 still looks for a face of 24 px; a 60-px place
        // for its own size.
        assert_eq!(region(rect(600, 300, 16), 2.0, 48.0, (1280, 720)).w, 96);
        assert_eq!(region(rect(600, 300, 60), 2.0, 48.0, (1280, 720)).w, 240);
        // In a corner: moved inside.
        let r = region(rect(1270, 710, 10), 2.0, 48.0, (1280, 720));
        assert!(r.inside(1280, 720), "{r:?}");
        // A frame smaller than the region: the whole frame.
        let r = region(rect(10, 10, 30), 1.0, 48.0, (100, 60));
        assert_eq!((r.x, r.y, r.w, r.h), (0, 0, 100, 60));
    }

    #[test]
    fn a_place_found_by_a_pass_enlarging_nothing_is_judged_as_found() {
        let model = FaceModel::load().expect("model");
        let grey = RgbFrame {
            width: 320,
            height: 288,
            data: vec![128; 320 * 288 * 3],
        };
        let at = |score| FaceBox {
            rect: rect(100, 100, 60),
            score,
        };
        let judged =
            judge(&model, &grey, at(0.8), &pass(1.0, 1.0), 48.0, 0.7, UPRIGHT).expect("judged");
        assert_eq!(judged.len(), 1);
        assert_eq!(judged[0].scale, 1.0);
        assert!(
            judge(&model, &grey, at(0.3), &pass(1.0, 1.0), 48.0, 0.7, UPRIGHT)
                .expect("judged")
                .is_empty()
        );
        // A place of the finest level on a plain grey picture: the closer look finds nothing.
        let small = FaceBox {
            rect: rect(100, 100, 24),
            score: 0.9,
        };
        assert!(
            judge(&model, &grey, small, &pass(1.0, 2.0), 48.0, 0.7, UPRIGHT)
                .expect("judged")
                .is_empty()
        );
    }
}
