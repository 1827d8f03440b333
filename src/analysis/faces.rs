//! Face detection (YuNet, libfacedetection's detector, run in pure Rust: `face_model`, searched
//! as `face_search` plans), and counting of *people*: the portrait printed on an ID card is a
//! face but not a person.

use super::face_closer_look::{Judged, Ways, judge};
use super::face_leaning_far::{Centres, far_leaning};
use super::face_mirror::judged_in_the_mirror;
use super::face_model::FaceModel;
use super::face_search::{
    Columns, LEVEL_SPAN, Pass, SearchRules, follow_up, levels, middle_column_reach, passes,
    power_of_two_shrink,
};
use super::face_turned_reach::TurnedReach;
use super::frame::{Rect, RgbFrame};
use super::turn_shift::{ColumnProfile, Slide, column_profile, slide_px};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FaceBox {
    pub rect: Rect,
    /// The model's confidence, 0–1.
    pub score: f64,
}

/// Why a detected face is not counted as a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAPerson {
    /// Its centre lies inside the ID card region.
    OnTheCard,
}

/// What the detector is asked (from the profile's `[image]`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FaceRules {
    pub search: SearchRules,
    /// The score (0–1) a face needs.
    pub min_score: f32,
    /// The score (0–1) a place on the finest level needs to be looked at closer
    /// (`face_closer_look`).
    pub candidate_score: f32,
    /// Also searched turned this many degrees each way (0: not), for faces of
    /// `search.every_look_px` and more.
    pub turned_deg: f32,
    /// A live look searches one turned way every this many looks (0: never).
    pub turned_looks: u32,
}

impl FaceRules {
    pub fn from_profile(req: &crate::profile::ImageReq) -> FaceRules {
        FaceRules {
            search: SearchRules {
                model_px: req.face_model_px as f32,
                candidate_model_px: req.face_candidate_model_px as f32,
                fine_model_px: req.face_fine_model_px as f32,
                min_px: req.face_min_px as f32,
                at_width: req.face_min_px_at_width as f32,
                every_look_px: req.face_every_look_px as f32,
                tile_px: req.face_tile_px,
                column_looks: req.face_column_looks,
            },
            min_score: req.face_min_score as f32,
            candidate_score: req.face_candidate_score as f32,
            turned_deg: req.face_turned_deg as f32,
            turned_looks: req.face_turned_looks,
        }
    }
}

pub struct FaceDetector {
    model: FaceModel,
    rules: FaceRules,
    looks: u64,
    /// Looks given to the finest levels' columns in turn (with the camera still).
    still_looks: u64,
    /// The camera is turning around the room (`set_panning`).
    panning: bool,
    /// Small faces the last look found, searched again at the next look the way they were
    /// found (0: upright; 1 or −1: turned that way, a far head leaning).
    follow: Vec<(Rect, f32)>,
    /// While panning: the last look's column profile, and how far the picture slid between
    /// the last two looks (`turn_shift`).
    pan_profile: Option<ColumnProfile>,
    slide: Option<Slide>,
}

/// At most this many small faces are followed up from one look to the next (each costs one
/// column).
const FOLLOW_UPS: usize = 2;

impl FaceDetector {
    pub fn new(rules: FaceRules) -> Result<FaceDetector, String> {
        Ok(FaceDetector {
            model: FaceModel::load().map_err(|e| e.to_string())?,
            rules,
            looks: 0,
            still_looks: 0,
            panning: false,
            follow: Vec::new(),
            pan_profile: None,
            slide: None,
        })
    }

    /// Looks at a live `width`×`height` picture it takes to have searched all of it once
    /// (`face_search::looks_to_search_all`).
    pub fn looks_to_search_all(&self, width: u32, height: u32) -> u64 {
        super::face_search::looks_to_search_all(&self.rules.search, width, height)
    }

    /// Looks with the camera still before every column of a `width`×`height` picture has been
    /// searched (0: all of it has been, since this detector started).
    pub fn looks_left_to_search_all(&self, width: u32, height: u32) -> u64 {
        self.looks_to_search_all(width, height)
            .saturating_sub(self.still_looks)
    }

    /// The camera turns around the room (the 360° pan) or is held still. While it turns, far
    /// faces are searched in the picture's middle column at every look — the turn brings the
    /// whole room through it — and the columns' turns wait.
    pub fn set_panning(&mut self, on: bool) {
        self.panning = on;
    }

    /// Every face of a still picture, largest first: every level, every tile, and turned
    /// both ways.
    pub fn detect_frame(&mut self, frame: &RgbFrame) -> Vec<FaceBox> {
        let all = passes(&self.rules.search, frame.width, frame.height, Columns::All);
        let mut found = self.search(frame, all.clone());
        for way in [1.0, -1.0] {
            found.extend(self.turned(frame, way, TurnedReach::WholeExtent));
            found.extend(far_leaning(
                &self.model,
                frame,
                &all,
                &self.rules,
                (way, Centres::TurnedPicture),
            ));
        }
        largest_first(merge_overlapping(found))
    }

    /// The faces one look at a moving picture finds (the live preview, a recorded pan): the
    /// larger faces everywhere, the smallest in one column (`set_panning`).
    pub fn detect_look(&mut self, frame: &RgbFrame) -> Vec<FaceBox> {
        let n = self.looks;
        self.looks = self.looks.wrapping_add(1);
        let columns = if self.panning {
            Columns::Middle
        } else {
            self.still_looks = self.still_looks.wrapping_add(1);
            Columns::Turn(self.still_looks - 1)
        };
        let (w, h) = (frame.width, frame.height);
        // The slide first: a small face to follow up is looked for where it has slid to.
        self.measure_slide(frame);
        let moved = if self.panning {
            self.slide.and_then(|s| s.px)
        } else {
            Some(0.0)
        };
        let mut plan = passes(&self.rules.search, w, h, columns);
        // With the camera still, a column's looks alternate: upright, then turned (one way,
        // then the other): the same picture searched upright four times in a row found
        // nothing new at the second look, and far heads leaning were missed (README).
        let leaning_way = match columns {
            Columns::Turn(n) => column_turned_way(n, self.rules.search.column_looks),
            _ => None,
        };
        let leaning_column: Vec<Pass> = match leaning_way {
            Some(_) if self.rules.turned_deg > 0.0 => {
                let (fine, rest): (Vec<Pass>, Vec<Pass>) =
                    plan.into_iter().partition(|p| p.closer > 1.0);
                plan = rest;
                fine
            }
            _ => Vec::new(),
        };
        // Small faces are followed up the way they were found: upright, or turned (a far head
        // leaning scores too low upright to be a place to look closer at).
        let mut follow_turned: Vec<(Pass, f32)> = Vec::new();
        for &(face, way) in &self.follow {
            match follow_up(&self.rules.search, face, moved, w, h) {
                Some(pass) if way != 0.0 => follow_turned.push((pass, way)),
                Some(pass) => plan.push(pass),
                None => {}
            }
        }
        let upright = self.search(frame, plan);
        let mut found = upright.clone();
        let every = u64::from(self.rules.turned_looks);
        if every > 0 && n.is_multiple_of(every) {
            // The ways take turns: one way at this look, the other at the next turned look.
            let way = if (n / every).is_multiple_of(2) {
                1.0
            } else {
                -1.0
            };
            // With the camera still the same picture is searched again and again: every other
            // turned look of each way searches the corners the picture-size input leaves out.
            let reach = if !self.panning && (n / every / 2) % 2 == 1 {
                TurnedReach::Corners
            } else {
                TurnedReach::PictureSize
            };
            found.extend(self.turned(frame, way, reach));
        }
        // Far heads leaning, with the way each was found in.
        let mut leaning: Vec<(FaceBox, f32)> = Vec::new();
        let mut far = |passes: &[Pass], way: f32| {
            let faces = far_leaning(
                &self.model,
                frame,
                passes,
                &self.rules,
                (way, Centres::OwnPlace),
            );
            leaning.extend(faces.into_iter().map(|f| (f, way)));
        };
        if let Some(way) = leaning_way {
            far(&leaning_column, way);
        }
        if self.panning && self.rules.turned_deg > 0.0 {
            // Far heads leaning in the pan's middle column: one way a look, in turns (a still
            // picture's tiles are searched both ways; a look cannot afford both).
            let way = if n.is_multiple_of(2) { 1.0 } else { -1.0 };
            far(&passes(&self.rules.search, w, h, Columns::Middle), way);
        }
        for (pass, way) in follow_turned {
            far(&[pass], way);
        }
        found.extend(leaning.iter().map(|&(f, _)| f));
        let faces = largest_first(merge_overlapping(found));
        let small = self.rules.search.every_look_px;
        self.follow = faces
            .iter()
            .filter(|f| (f.rect.w as f32) < small)
            .take(FOLLOW_UPS)
            .map(|f| (f.rect, way_found(f, &upright, &leaning)))
            .collect();
        faces
    }

    /// While panning, how far the picture slid between the last look and the one before, how
    /// far it could have with the middle column still seeing every far face, and how far the
    /// turn smeared the last look's picture (None: not panning, or the pan's first look; the
    /// reach is infinite for a picture searched whole at every look).
    pub fn last_slide(&self) -> Option<Slide> {
        self.slide
    }

    fn measure_slide(&mut self, frame: &RgbFrame) {
        if !self.panning {
            self.pan_profile = None;
            self.slide = None;
            return;
        }
        let now = column_profile(frame);
        let reach = middle_column_reach(&self.rules.search, frame.width, frame.height);
        // A picture searched whole at every look has no column to fall behind.
        self.slide = self.pan_profile.as_ref().map(|before| Slide {
            px: slide_px(before, &now),
            reach_px: reach.unwrap_or(f32::INFINITY),
            smear_px: super::turn_smear::smear_px(frame),
        });
        self.pan_profile = Some(now);
    }

    /// Faces of heads leaning `way` (1: clockwise, −1: the other way) by about the turned
    /// angle: the picture shrunk to the scale of the faces searched at every look, turned so
    /// such heads stand upright.
    fn turned(&self, frame: &RgbFrame, way: f32, reach: TurnedReach) -> Vec<FaceBox> {
        let r = &self.rules;
        if r.turned_deg <= 0.0 || r.search.model_px <= 0.0 {
            return Vec::new();
        }
        // The scale of the first level searched whole at every look (`face_search::levels`;
        // a picture small enough for one tile has only one), as a power-of-two shrink.
        let all = levels(&r.search, frame.width, frame.height);
        let Some(level) = all.iter().find(|l| l.every_look).or(all.last()) else {
            return Vec::new();
        };
        let n = power_of_two_shrink(level.scale);
        let angle = way * r.turned_deg.to_radians();
        // The sizes a pass at this scale keeps, as for every level: from the model's smallest
        // face up to `LEVEL_SPAN` times it. Larger faces are near the camera — the seller's own
        // distance — and are left to the upright passes.
        let min_face = r.search.model_px * n as f32;
        let max_face = min_face * LEVEL_SPAN;
        // As for the upright passes, a frame the model cannot take yields nothing here.
        let faces = reach.faces(&self.model, frame, (n, angle), r.min_score);
        // Checked as every turned find is: found again in the mirror turned the other way, and
        // at a second turn (`face_mirror::found_again_turned`).
        let judged = |face: &FaceBox| {
            let j = Judged {
                face: *face,
                scale: 1.0 / n as f32,
                angle,
                smear: 0,
            };
            judged_in_the_mirror(&self.model, frame, &j, r)
        };
        faces
            .unwrap_or_default()
            .into_iter()
            .filter(|f| (min_face..=max_face).contains(&(f.rect.w as f32)) && judged(f))
            .collect()
    }

    /// The angles (radians) a place on the finest level is also looked at closer turned: the
    /// turned search's, each way.
    fn turned_ways(&self) -> Vec<f32> {
        let deg = self.rules.turned_deg;
        if deg > 0.0 {
            vec![deg.to_radians(), -deg.to_radians()]
        } else {
            Vec::new()
        }
    }

    /// The smear lengths a place is also looked at unsmeared with: during a pan, up to the
    /// slide since the last look (`face_unsmear`); none with the camera still or the slide
    /// not measured.
    fn smear_lengths(&self) -> Vec<u32> {
        self.slide
            .and_then(|s| s.px)
            .map(super::face_unsmear::lengths)
            .unwrap_or_default()
    }

    fn search(&self, frame: &RgbFrame, plan: Vec<Pass>) -> Vec<FaceBox> {
        let r = &self.rules;
        let mut found = Vec::new();
        for pass in plan {
            // The finest level finds places to look closer at (`face_closer_look`).
            let score = if pass.closer > 1.0 {
                r.candidate_score.min(r.min_score)
            } else {
                r.min_score
            };
            // A frame the model cannot take yields nothing rather than stopping the look.
            let Ok(places) = self.model.detect(frame, pass.region, pass.scale, score) else {
                continue;
            };
            let mut here: Vec<FaceBox> = Vec::new();
            // Faces of the sizes the pass keeps: a larger place is the next level's.
            let kept = |f: &FaceBox| (pass.min_face..=pass.max_face).contains(&(f.rect.w as f32));
            for place in places {
                // A place on a face already judged here needs no second look.
                let judged_here = here.iter().any(|k| overlap(&k.rect, &place.rect) > 0.3);
                if !kept(&place) || judged_here || cut_by_tile(place.rect, pass.region, frame) {
                    continue;
                }
                let fine = r.search.fine_model_px;
                let ways = self.turned_ways();
                let smears = self.smear_lengths();
                let Ok(judged) = judge(
                    &self.model,
                    frame,
                    place,
                    &pass,
                    fine,
                    r.min_score,
                    Ways {
                        upright: true,
                        turned: &ways,
                        smears: &smears,
                    },
                ) else {
                    continue;
                };
                for j in judged {
                    // Two places near one face find it twice: checked in the mirror once.
                    let seen = here.iter().any(|k| overlap(&k.rect, &j.face.rect) > 0.3);
                    if !seen && kept(&j.face) && judged_in_the_mirror(&self.model, frame, &j, r) {
                        here.push(j.face);
                    }
                }
            }
            found.extend(here);
        }
        found
    }
}

/// With the camera still, the way (1: clockwise, −1: the other) the column of look `n` (counted
/// from the first still look) is searched turned for far heads leaning, or None: searched
/// upright. A column's `column_looks` looks alternate, upright first; the turned looks take the
/// ways in turns. One look a column: always upright.
pub fn column_turned_way(n: u64, column_looks: u32) -> Option<f32> {
    let k = u64::from(column_looks.max(1));
    let at = n % k;
    if k < 2 || at.is_multiple_of(2) {
        return None;
    }
    // The turned looks counted over every column: the ways take turns across them too.
    let turned = (n / k) * (k / 2) + at / 2;
    Some(if turned.is_multiple_of(2) { 1.0 } else { -1.0 })
}

/// The way `face` was found: upright (0) when the upright search found it, else the way of
/// the far leaning search that did.
fn way_found(face: &FaceBox, upright: &[FaceBox], leaning: &[(FaceBox, f32)]) -> f32 {
    let same = |other: &FaceBox| overlap(&other.rect, &face.rect) > 0.3;
    if upright.iter().any(same) {
        return 0.0;
    }
    leaning
        .iter()
        .find(|(f, _)| same(f))
        .map_or(0.0, |&(_, way)| way)
}

fn largest_first(mut faces: Vec<FaceBox>) -> Vec<FaceBox> {
    faces.sort_by_key(|f| std::cmp::Reverse(f.rect.area()));
    faces
}

/// A face touching a tile's inner border is a part of a face the neighbouring tile sees whole.
pub(crate) fn cut_by_tile(face: Rect, tile: Rect, frame: &RgbFrame) -> bool {
    let inner_left = tile.x > 0 && face.x <= tile.x;
    let inner_top = tile.y > 0 && face.y <= tile.y;
    let inner_right = tile.x + tile.w < frame.width && face.x + face.w >= tile.x + tile.w;
    let inner_bottom = tile.y + tile.h < frame.height && face.y + face.h >= tile.y + tile.h;
    inner_left || inner_top || inner_right || inner_bottom
}

/// The same face found at two levels or in two tiles: the higher score's box stays.
fn merge_overlapping(mut faces: Vec<FaceBox>) -> Vec<FaceBox> {
    faces.sort_by(|a, b| b.score.total_cmp(&a.score));
    let mut kept: Vec<FaceBox> = Vec::new();
    for f in faces {
        if !kept.iter().any(|k| overlap(&k.rect, &f.rect) > 0.3) {
            kept.push(f);
        }
    }
    kept
}

/// Intersection over the smaller box (a face box inside another counts as the same face).
pub(crate) fn overlap(a: &Rect, b: &Rect) -> f64 {
    let ix = (a.x + a.w).min(b.x + b.w).saturating_sub(a.x.max(b.x));
    let iy = (a.y + a.h).min(b.y + b.h).saturating_sub(a.y.max(b.y));
    let inter = u64::from(ix) * u64::from(iy);
    let smaller = a.area().min(b.area());
    if smaller == 0 {
        0.0
    } else {
        inter as f64 / smaller as f64
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
    fn detector_loads_and_handles_tiny_and_empty_frames() {
        let rules =
            FaceRules::from_profile(&crate::profile::Profile::builtin().expect("profile").image);
        let mut d = FaceDetector::new(rules).expect("model");
        let tiny = RgbFrame {
            width: 4,
            height: 4,
            data: vec![0; 48],
        };
        assert!(d.detect_frame(&tiny).is_empty());
        let grey = RgbFrame {
            width: 320,
            height: 240,
            data: vec![128; 320 * 240 * 3],
        };
        assert!(d.detect_frame(&grey).is_empty());
        assert!(d.detect_look(&grey).is_empty());
    }

    #[test]
    fn a_still_cameras_column_looks_alternate_upright_and_turned_each_way() {
        let ways: Vec<Option<f32>> = (0..8).map(|n| column_turned_way(n, 4)).collect();
        assert_eq!(
            ways,
            [
                None,
                Some(1.0),
                None,
                Some(-1.0),
                None,
                Some(1.0),
                None,
                Some(-1.0)
            ]
        );
        // Two looks a column: upright, then one way; the other way at the next column.
        let two: Vec<Option<f32>> = (0..4).map(|n| column_turned_way(n, 2)).collect();
        assert_eq!(two, [None, Some(1.0), None, Some(-1.0)]);
        // One look a column: always upright.
        assert!((0..5).all(|n| column_turned_way(n, 1).is_none()));
        assert!((0..5).all(|n| column_turned_way(n, 0).is_none()));
    }

    #[test]
    fn during_a_pan_the_columns_turns_wait() {
        let rules =
            FaceRules::from_profile(&crate::profile::Profile::builtin().expect("profile").image);
        let mut d = FaceDetector::new(rules).expect("model");
        let grey = RgbFrame {
            width: 1280,
            height: 720,
            data: vec![128; 1280 * 720 * 3],
        };
        let whole = d.looks_to_search_all(1280, 720);
        assert!(whole > 1);
        assert_eq!(d.looks_left_to_search_all(1280, 720), whole);
        d.set_panning(true);
        d.detect_look(&grey);
        assert_eq!(d.looks_left_to_search_all(1280, 720), whole);
        d.set_panning(false);
        d.detect_look(&grey);
        assert_eq!(d.looks_left_to_search_all(1280, 720), whole - 1);
    }

    #[test]
    fn the_same_face_from_two_passes_is_one() {
        let a = face(100, 100, 40);
        let b = FaceBox {
            rect: Rect {
                x: 104,
                y: 98,
                w: 36,
                h: 38,
            },
            score: 0.9,
        };
        let merged = merge_overlapping(vec![a, b, face(300, 100, 40)]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].rect, a.rect);
    }
}
