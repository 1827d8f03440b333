//! Far heads leaning. The finest level (faces of 24–72 px at 720p) is searched upright; a
//! small head leaning 50–60° scores there under the low score that makes a place worth a
//! closer look as often as not, so the closer look's turned looks (`face_closer_look`) never
//! see it. So the finest level's tiles are also searched turned by the turned search's angle,
//! at the level's enlargement, for places looked at closer turned the same way: a still
//! picture (`analyze-image`) both ways, as tiles of the whole picture turned around its
//! centre; a pan look one way (the ways take turns), its middle column's tiles each turned
//! around its own centre; a live look with the camera still, in place of its column's upright
//! search at every other look of the column (the same cost), the ways in turns; and a small
//! face found so is followed up at the next look turned the same way. Measured: README, "The
//! face detector"; `tests/face_detector.rs` `far_leaning_heads_are_found`,
//! `far_leaning_heads_are_seen_by_live_looks`, `tests/analyze_pan.rs`
//! `someone_far_away_leaning_50_degrees_mid_pan_fails`.

use super::face_closer_look::{Ways, judge};
use super::face_mirror::judged_in_the_mirror;
use super::face_model::FaceModel;
use super::face_search::Pass;
use super::faces::{FaceBox, FaceRules, overlap};
use super::frame::RgbFrame;

/// Where the turned tiles are centred.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Centres {
    /// Tiles of the whole picture turned around its centre: together they cover the picture
    /// (but its corners) — a still picture.
    TurnedPicture,
    /// Each tile turned around its own centre: the part of the picture the tile covers (a
    /// pan's middle column, which the turn moves the room through).
    OwnPlace,
}

/// Faces of heads leaning `way` (1: clockwise, −1: the other way) by about `rules.turned_deg`
/// on the finest level's passes of `plan` (the others are left out), their tiles turned
/// around the `centres` asked.
pub fn far_leaning(
    model: &FaceModel,
    frame: &RgbFrame,
    plan: &[Pass],
    rules: &FaceRules,
    (way, centres): (f32, Centres),
) -> Vec<FaceBox> {
    if rules.turned_deg <= 0.0 {
        return Vec::new();
    }
    let angle = way * rules.turned_deg.to_radians();
    let (sin, cos) = angle.sin_cos();
    let (cx, cy) = (frame.width as f32 / 2.0, frame.height as f32 / 2.0);
    let score = rules.candidate_score.min(rules.min_score);
    let fine = rules.search.fine_model_px;
    let mut found = Vec::new();
    for pass in plan.iter().filter(|p| p.closer > 1.0) {
        let t = pass.region;
        // The tile's centre from the picture's, and the frame's point the turned tile shows.
        let (u, v) = (
            t.x as f32 + t.w as f32 / 2.0 - cx,
            t.y as f32 + t.h as f32 / 2.0 - cy,
        );
        let centre = match centres {
            Centres::TurnedPicture => (cx + u * cos - v * sin, cy + u * sin + v * cos),
            Centres::OwnPlace => (cx + u, cy + v),
        };
        let size = |len: u32| ((len as f32 * pass.scale / 32.0).ceil() as usize).max(1) * 32;
        let (w, h) = (size(t.w), size(t.h));
        let (hw, hh) = (w as f32 / 2.0 / pass.scale, h as f32 / 2.0 / pass.scale);
        // A frame the model cannot take yields nothing rather than stopping the search.
        let Ok(places) = model.detect_turned_part(frame, centre, (w, h), pass.scale, angle, score)
        else {
            continue;
        };
        let kept = |side: f32| (pass.min_face..=pass.max_face).contains(&side);
        let mut here: Vec<FaceBox> = Vec::new();
        for place in places {
            // As `faces::cut_by_tile`: a face across a border the tile shares with another
            // is that tile's.
            let (ox, oy) = place.offset;
            let r = place.side / 2.0;
            let cut = (t.x > 0 && ox - r <= -hw)
                || (t.y > 0 && oy - r <= -hh)
                || (t.x + t.w < frame.width && ox + r >= hw)
                || (t.y + t.h < frame.height && oy + r >= hh);
            let judged_here = here
                .iter()
                .any(|k| overlap(&k.rect, &place.face.rect) > 0.3);
            if cut || !kept(place.side) || judged_here {
                continue;
            }
            // Looked at closer turned only: upright places are the upright search's (looked
            // at upright from these places too, a hand holding a trumpet in a held-out photo
            // passed as a face).
            let ways = Ways {
                upright: false,
                turned: &[angle],
                smears: &[],
            };
            let min = rules.min_score;
            let Ok(judged) = judge(model, frame, place.face, pass, fine, min, ways) else {
                continue;
            };
            for j in judged {
                let seen = here.iter().any(|k| overlap(&k.rect, &j.face.rect) > 0.3);
                if !seen
                    && kept(j.face.rect.w as f32)
                    && judged_in_the_mirror(model, frame, &j, rules)
                {
                    here.push(j.face);
                }
            }
        }
        found.extend(here);
    }
    found
}
